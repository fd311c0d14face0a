# pathlib: pure path parsing and operations, comparisons, errors, and the file system methods
# (in a temporary directory, shown relative to it).
import os
import pickle
import tempfile
from pathlib import Path, PurePath, PurePosixPath, PosixPath

from _show import show


for text in ['', '.', '/', '//', '///', 'a', 'a/b', '/a/b/', 'a//b', 'a/./b', 'a/../b', '//a/b', '~/x',
             'a/b.tar.gz', '.bashrc', 'a/.hidden.txt', 'trailing.', '/a/b/c.d/e']:
    p = PurePosixPath(text)
    print(repr(text), repr(p), str(p), p.parts, p.drive, p.root, p.anchor, p.name, p.suffix, p.suffixes,
          p.stem, p.parent, list(p.parents), p.is_absolute(), p.as_posix())
print(PurePath('a', 'b', '/c', 'd'), PurePosixPath('a', PurePosixPath('b/c'), 'd'), PurePath(), Path('x') / 'y' / 'z')
print('s' / PurePosixPath('t'), PurePosixPath('/a').joinpath('b', 'c'), type(PurePath('x')).__name__, type(Path('x')).__name__)
show('bad arg', lambda: PurePosixPath(3))
show('bad join', lambda: PurePosixPath('a') / 3)
show('bytes', lambda: PurePosixPath(b'a'))
p = PurePosixPath('/usr/lib/python3.tar.gz')
print(p.with_name('x.py'), p.with_suffix('.zip'), p.with_suffix(''), p.with_stem('core'), PurePosixPath('a.b').with_suffix('.c'))
for fn in (lambda: PurePosixPath('/').with_name('x'), lambda: p.with_name(''), lambda: p.with_name('a/b'),
           lambda: p.with_suffix('zip'), lambda: p.with_suffix('.'), lambda: p.with_suffix('/.x'),
           lambda: PurePosixPath('').with_suffix('.x'), lambda: PurePosixPath('').with_stem('x')):
    show('with', fn)
print(p.relative_to('/usr'), p.relative_to('/usr/lib/python3.tar.gz'), p.relative_to('/', 'usr'))
show('relative_to', lambda: p.relative_to('/etc'))
show('relative_to rel', lambda: PurePosixPath('a/b').relative_to('/a'))
show('relative_to none', lambda: p.relative_to())
print(p.is_relative_to('/usr'), p.is_relative_to('/etc'), PurePosixPath('a/b').is_relative_to('a'))
for pat in ['*.gz', 'lib/*.gz', '/usr/*/*.gz', '/*.gz', 'python3.*', '*', '**/*.gz', 'LIB/*.GZ', 'a/b/c/d/e/*']:
    print(pat, p.match(pat))
show('match empty', lambda: p.match(''))
a, b, c = PurePosixPath('a/b'), PurePosixPath('a/c'), PurePosixPath('a/b')
print(a == c, a == b, a < b, a <= c, b > a, a >= b, hash(a) == hash(c), a == 'a/b', sorted([b, a, PurePosixPath('A')]))
show('lt str', lambda: a < 'a/c')
print(PurePosixPath('A') == PurePosixPath('a'), PurePosixPath('/a') == PurePosixPath('//a'), bytes(a), os.fspath(a))
print(pickle.loads(pickle.dumps(p)) == p, pickle.loads(pickle.dumps(Path('x/y'))), PurePosixPath('a').is_reserved())
print(PurePosixPath('/a/b').parents[0], PurePosixPath('/a/b').parents[-1], len(PurePosixPath('/a/b').parents))
show('parents index', lambda: PurePosixPath('a').parents[1])
print(PurePosixPath('/a/b/c').parents[0:2], PurePosixPath('a/b').parent.parent, PurePosixPath('.').parent)

root = Path(tempfile.mkdtemp())
os.chdir(root)
r = Path('.')
d = r / 'dir'
d.mkdir()
show('mkdir again', lambda: d.mkdir())
d.mkdir(exist_ok=True)
(r / 'deep' / 'er').mkdir(parents=True)
show('mkdir no parent', lambda: (r / 'no' / 'parent').mkdir())
f = d / 'file.txt'
print(f.write_text('héllo\nworld\n', encoding='utf-8'), f.read_text(encoding='utf-8'), f.read_bytes())
print(f.write_bytes(b'\x00\x01'), f.read_bytes(), f.stat().st_size, f.exists(), f.is_file(), f.is_dir(), d.is_dir())
show('write_text bytes', lambda: f.write_text(b'x'))
show('write_bytes str', lambda: f.write_bytes('x'))
with f.open('w') as h:
    h.write('via open')
print(f.read_text(), f.is_symlink(), f.is_fifo(), f.is_socket(), f.is_block_device(), f.is_char_device(), r.is_mount())
(d / 'b.py').touch()
(d / 'a.py').touch()
(d / 'sub').mkdir()
(d / 'sub' / 'c.py').touch()
print(sorted(x.name for x in d.iterdir()), sorted(str(x) for x in d.glob('*.py')), sorted(str(x) for x in d.rglob('*.py')))
print(sorted(str(x) for x in r.glob('**/*.py')), sorted(str(x) for x in d.glob('*/')), list(d.glob('nothing*')))
show('glob empty', lambda: list(d.glob('')))
show('glob abs', lambda: list(d.glob('/x')))
link = d / 'link'
link.symlink_to('file.txt')
print(link.is_symlink(), link.readlink(), link.resolve() == f.resolve(), link.lstat().st_size != link.stat().st_size)
hard = d / 'hard'
hard.hardlink_to(f)
print(hard.samefile(f), f.samefile(str(hard)), hard.stat().st_nlink)
moved = f.rename(d / 'moved.txt')
print(moved, f.exists(), moved.exists(), type(moved).__name__)
back = moved.replace(f)
print(back, f.exists())
show('unlink missing', lambda: (d / 'missing').unlink())
(d / 'missing').unlink(missing_ok=True)
show('rmdir full', lambda: d.rmdir())
(r / 'deep' / 'er').rmdir()
print((r / 'deep' / 'er').exists(), Path('no such').exists(), Path('no such').is_file())
f.chmod(0o600)
print(oct(f.stat().st_mode & 0o777), Path.cwd() == root.resolve(), Path.cwd().is_absolute(), Path('x').absolute() == Path.cwd() / 'x')
print(Path('~').expanduser() == Path(os.path.expanduser('~')), Path.home() == Path(os.path.expanduser('~')))
print(Path('dir/../dir/./file.txt').resolve() == (root.resolve() / 'dir' / 'file.txt'), Path('nowhere/x').resolve() == root.resolve() / 'nowhere' / 'x')
try:
    Path('nowhere').resolve(strict=True)
except FileNotFoundError as e:
    print('resolve strict -> FileNotFoundError', e.errno)
show('stat missing', lambda: Path('nowhere').stat())
show('read missing', lambda: Path('nowhere').read_text())
print(repr(Path('a')), repr(PosixPath('/b')), str(Path('/x/y')), Path('a') == PurePosixPath('a'))
show('windows', lambda: __import__('pathlib').WindowsPath('x'))
os.chdir('/')
import shutil
shutil.rmtree(root)
print(PurePosixPath('/a/b').as_uri(), repr(PurePosixPath('a').parents), PurePosixPath('/a/b/c').parents[-1:-3:-1])
show('as_uri relative', lambda: PurePosixPath('a').as_uri())
print(PurePosixPath('a', '', '.', 'b'), PurePosixPath('a/b').relative_to(''), PurePosixPath('/a/b').relative_to('/'))
show('relative_to message', lambda: PurePosixPath('a').relative_to('b'))
