# tempfile's public API: names, modes, cleanup, spooling and errors (paths shown relative to
# the directory each test made, since the random parts differ from run to run).
import os
import stat
import tempfile

base = tempfile.mkdtemp(prefix='tf_base_')
print(os.path.isdir(base), os.path.basename(base).startswith('tf_base_'), stat.S_IMODE(os.stat(base).st_mode) == 0o700)
print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.TMP_MAX, tempfile.template)
print(type(tempfile.gettempdir()).__name__, type(tempfile.gettempdirb()).__name__,
      os.fsencode(tempfile.gettempdir()) == tempfile.gettempdirb())


def rel(path):
    name = os.path.basename(path)
    return os.path.dirname(path) == base, len(name)


fd, path = tempfile.mkstemp(suffix='.txt', prefix='pre_', dir=base)
print(type(fd).__name__, rel(path), os.path.basename(path)[:4], path.endswith('.txt'),
      stat.S_IMODE(os.fstat(fd).st_mode) == 0o600)
os.write(fd, b'hello')
os.close(fd)
with open(path, 'rb') as f:
    print(f.read())
fd, bpath = tempfile.mkstemp(prefix=b'b_', dir=os.fsencode(base))
os.close(fd)
print(type(bpath).__name__, os.path.basename(bpath)[:2])
fd, dpath = tempfile.mkstemp(dir=base)
os.close(fd)
print(os.path.basename(dpath)[:3], len(os.path.basename(dpath)))
for args in [dict(prefix=b'x', suffix='y', dir=base), dict(prefix='x', dir=os.fsencode(base))]:
    try:
        tempfile.mkstemp(**args)
    except TypeError as e:
        print('TypeError', e)
d = tempfile.mkdtemp(suffix='_s', dir=base)
print(rel(d), d.endswith('_s'), os.listdir(d))
m = tempfile.mktemp(dir=base)
print(os.path.exists(m), os.path.dirname(m) == base)

with tempfile.NamedTemporaryFile(dir=base, prefix='n_') as f:
    print(os.path.exists(f.name), os.path.basename(f.name)[:2], f.mode, f.closed)
    f.write(b'abc\ndef\n')
    f.seek(0)
    print(list(f), f.tell())
    name = f.name
    print(repr(f).startswith('<tempfile._TemporaryFileWrapper object at 0x'))
print(os.path.exists(name), f.closed)
f = tempfile.NamedTemporaryFile('w+', dir=base, delete=False, suffix='.log', encoding='utf-8')
f.write('text é')
f.close()
with open(f.name, encoding='utf-8') as g:
    print(os.path.exists(f.name), g.read(), f.name.endswith('.log'))
os.unlink(f.name)
try:
    with tempfile.NamedTemporaryFile(dir=base) as f:
        f.close()
        f.write(b'x')
except ValueError as e:
    print('ValueError', e)

before = sorted(os.listdir(base))
with tempfile.TemporaryFile(dir=base) as t:
    t.write(b'xyz')
    t.seek(0)
    print(t.read(), sorted(os.listdir(base)) == before, type(t.name).__name__)
with tempfile.TemporaryFile('w+', dir=base) as t:
    t.write('line1\nline2\n')
    t.seek(0)
    print(t.readlines(), t.mode)

s = tempfile.SpooledTemporaryFile(max_size=10, dir=base)
print(s._rolled, s.name, s.mode, s.closed)
s.write(b'12345')
print(s._rolled, s.tell())
s.write(b'678901')
print(s._rolled, s.tell(), type(s.name).__name__, s.mode)
s.seek(0)
print(s.read(), s.readline())
s.close()
print(s.closed)
with tempfile.SpooledTemporaryFile(max_size=100, mode='w+', encoding='utf-8') as s:
    s.write('a\nb\n')
    s.seek(0)
    print(s.readlines(), s._rolled, s.encoding, s.newlines)
    s.truncate(1)
    s.seek(0)
    print(repr(s.read()))
    s.rollover()
    print(s._rolled, s.mode)
    s.seek(0)
    print(repr(s.read()), list(iter(s)))
with tempfile.SpooledTemporaryFile() as s:
    s.writelines([b'a', b'bc'])
    print(s.tell(), s._rolled)
    fileno = s.fileno()
    print(type(fileno).__name__, s._rolled)
try:
    with s:
        pass
except ValueError as e:
    print('ValueError', e)

with tempfile.TemporaryDirectory(dir=base, prefix='td_') as name:
    print(os.path.isdir(name), os.path.basename(name)[:3])
    open(os.path.join(name, 'inner'), 'w').close()
    os.mkdir(os.path.join(name, 'sub'))
print(os.path.exists(name))
td = tempfile.TemporaryDirectory(dir=base)
print(repr(td) == '<TemporaryDirectory %r>' % td.name, os.path.isdir(td.name))
td.cleanup()
print(os.path.exists(td.name))
td.cleanup()

old = tempfile.tempdir
tempfile.tempdir = base
print(tempfile.gettempdir() == base)
fd, p = tempfile.mkstemp()
os.close(fd)
print(os.path.dirname(p) == base)
tempfile.tempdir = old
import shutil
shutil.rmtree(base)
print(os.path.exists(base))
