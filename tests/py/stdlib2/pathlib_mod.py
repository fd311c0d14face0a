# pathlib: pure path arithmetic and file-system operations in a temporary directory
import os
import tempfile
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = PurePosixPath('/usr/lib/python3.11/os.tar.gz')
print(repr(p), str(p), p.parts, p.name, p.stem, p.suffix, p.suffixes)
print(p.parent, list(map(str, p.parents)), p.root, p.anchor, repr(p.drive), p.is_absolute())
print(p.with_name('x.py'), p.with_suffix('.bz2'), p.with_suffix(''), p.with_stem('abc'))
print(PurePath('a') / 'b' / 'c', 'x' / PurePath('y'), PurePath('a').joinpath('b', '/abs', 'c'))
print(PurePath(), repr(PurePath('')), PurePath('a//b/./c/'), PurePath('a/../b'), PurePath('//x'), PurePath('///x'))
print(repr(PurePath('a/b')), type(PurePath('a')).__name__, type(Path('a')).__name__)
print(PurePath('.bashrc').suffix, PurePath('.bashrc').stem, PurePath('a.').suffixes, PurePath('a.b.').suffix)
print(PurePath('a/b') == PurePath('a//b'), PurePath('a') == PosixPath('a'), PurePath('a') == 'a')
print(PurePath('a') < PurePath('b'), sorted([PurePath('b/a'), PurePath('a/z'), PurePath('a')]))
print(hash(PurePath('a/b')) == hash(PurePath('a/b/')), len({PurePath('x'), PurePath('x/')}))
print(PurePath('/a/b/c').relative_to('/a'), PurePath('/a/b').is_relative_to('/c'))
try:
    PurePath('/a/b').relative_to('/c')
except ValueError as e:
    print('ValueError:', e)
for bad in [lambda: PurePath('/').with_name('x'), lambda: PurePath('a').with_suffix('b'),
            lambda: PurePath('a').with_name('x/y')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
try:
    PurePath(3)
except TypeError as e:
    print('TypeError:', e)
print(os.fspath(PurePath('q/r')), PurePath('/').parent, PurePath('x').parent, PurePath('a/b').as_posix())
print(Path('~').expanduser() == Path.home(), Path.cwd() == Path(os.getcwd()), Path('rel').absolute().is_absolute())

with tempfile.TemporaryDirectory() as d:
    base = Path(d)
    f = base / 'hello.txt'
    print(f.exists(), f.write_text('hi there\nline 2\n'), f.exists(), f.is_file(), f.is_dir())
    print(repr(f.read_text()), f.read_bytes()[:2], f.stat().st_size)
    (base / 'data.bin').write_bytes(b'\x00\x01')
    try:
        (base / 'x').write_bytes('str')
    except TypeError as e:
        print('TypeError:', e)
    sub = base / 'a' / 'b' / 'c'
    try:
        sub.mkdir()
    except FileNotFoundError:
        print('FileNotFoundError without parents')
    sub.mkdir(parents=True)
    sub.mkdir(parents=True, exist_ok=True)
    try:
        sub.mkdir()
    except FileExistsError:
        print('FileExistsError')
    print(sorted(x.name for x in base.iterdir()), sub.is_dir())
    with (sub / 'n.txt').open('w') as fp:
        fp.write('nested')
    print((sub / 'n.txt').read_text(), (base / 'a').resolve() == (base / 'a' / 'b' / '..').resolve())
    moved = f.rename(base / 'renamed.txt')
    print(moved.name, f.exists(), moved.exists(), type(moved).__name__)
    moved.unlink()
    moved.unlink(missing_ok=True)
    try:
        moved.unlink()
    except FileNotFoundError:
        print('FileNotFoundError on unlink')
    (sub / 'n.txt').unlink()
    sub.rmdir()
    print(sorted(x.name for x in (base / 'a' / 'b').iterdir()))
    (base / 't').touch()
    print((base / 't').exists(), (base / 't').stat().st_size, (base / 'missing').is_file())
    try:
        (base / 'missing').read_text()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    with open(base / 'data.bin', 'rb') as fp:
        print(fp.read())
