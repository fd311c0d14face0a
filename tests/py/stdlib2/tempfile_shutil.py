# tempfile and shutil: temporary files/directories, copying, moving and removing trees
import os
import shutil
import stat
import tempfile

tmp = tempfile.gettempdir()
print(os.path.isdir(tmp), os.path.isabs(tmp), tempfile.gettempprefix())

fd, path = tempfile.mkstemp(suffix='.dat', prefix='pre_')
print(os.path.basename(path).startswith('pre_'), path.endswith('.dat'), os.path.exists(path))
print(oct(stat.S_IMODE(os.stat(path).st_mode)))
os.write(fd, b'abc')
os.close(fd)
os.remove(path)

d = tempfile.mkdtemp(prefix='dir_')
print(os.path.isdir(d), os.path.basename(d).startswith('dir_'), oct(stat.S_IMODE(os.stat(d).st_mode)))

with tempfile.NamedTemporaryFile(dir=d, suffix='.txt') as f:
    f.write(b'named data')
    f.flush()
    name = f.name
    print(os.path.dirname(name) == d, os.path.exists(name), name.endswith('.txt'))
    f.seek(0)
    print(f.read())
print('deleted:', not os.path.exists(name))

f = tempfile.NamedTemporaryFile('w+', dir=d, delete=False)
f.write('kept')
f.close()
print(os.path.exists(f.name), open(f.name).read())
os.remove(f.name)

with tempfile.TemporaryFile() as tf:
    tf.write(b'anonymous')
    tf.seek(0)
    print(tf.read(), os.listdir(d))
with tempfile.TemporaryFile('w+') as tf:
    tf.write('text mode')
    tf.seek(0)
    print(tf.read())

with tempfile.SpooledTemporaryFile(max_size=10) as sf:
    sf.write(b'small')
    print(sf._rolled)
    sf.write(b' but now larger')
    print(sf._rolled)
    sf.seek(0)
    print(sf.read())

td = tempfile.TemporaryDirectory()
print(repr(td).startswith('<TemporaryDirectory '), os.path.isdir(td.name))
open(os.path.join(td.name, 'f'), 'w').close()
td.cleanup()
td.cleanup()
print('cleaned:', not os.path.exists(td.name))

src = os.path.join(d, 'src')
os.makedirs(os.path.join(src, 'sub', 'deeper'))
with open(os.path.join(src, 'a.txt'), 'w') as fp:
    fp.write('alpha')
with open(os.path.join(src, 'sub', 'b.py'), 'w') as fp:
    fp.write('beta')
with open(os.path.join(src, 'sub', 'deeper', 'c.txt'), 'w') as fp:
    fp.write('gamma')
os.chmod(os.path.join(src, 'a.txt'), 0o640)

print(shutil.copyfile(os.path.join(src, 'a.txt'), os.path.join(d, 'copy.txt')) == os.path.join(d, 'copy.txt'))
print(open(os.path.join(d, 'copy.txt')).read())
out = shutil.copy(os.path.join(src, 'a.txt'), d)
print(out == os.path.join(d, 'a.txt'), oct(stat.S_IMODE(os.stat(out).st_mode)))
out2 = shutil.copy2(os.path.join(src, 'a.txt'), os.path.join(d, 'two.txt'))
print(os.stat(out2).st_mtime == os.stat(os.path.join(src, 'a.txt')).st_mtime)
try:
    shutil.copyfile(out, out)
except shutil.SameFileError as e:
    print('SameFileError', isinstance(e, OSError))
try:
    shutil.copyfile(os.path.join(d, 'nope'), os.path.join(d, 'x'))
except FileNotFoundError:
    print('FileNotFoundError')

dst = shutil.copytree(src, os.path.join(d, 'dst'))
print(dst == os.path.join(d, 'dst'))
for root, dirs, files in sorted(os.walk(dst)):
    print(os.path.relpath(root, d), sorted(dirs), sorted(files))
try:
    shutil.copytree(src, dst)
except FileExistsError:
    print('FileExistsError')
shutil.copytree(src, dst, dirs_exist_ok=True)

moved = shutil.move(os.path.join(d, 'two.txt'), os.path.join(d, 'dst'))
print(os.path.relpath(moved, d), os.path.exists(os.path.join(d, 'two.txt')))
moved = shutil.move(os.path.join(d, 'dst'), os.path.join(d, 'renamed'))
print(os.path.relpath(moved, d), sorted(os.listdir(os.path.join(d, 'renamed'))))

shutil.rmtree(os.path.join(d, 'renamed'))
print(os.path.exists(os.path.join(d, 'renamed')))
try:
    shutil.rmtree(os.path.join(d, 'renamed'))
except FileNotFoundError:
    print('FileNotFoundError from rmtree')
shutil.rmtree(os.path.join(d, 'renamed'), ignore_errors=True)
errors = []
shutil.rmtree(os.path.join(d, 'renamed'), onerror=lambda fn, p, ei: errors.append(ei[0].__name__))
print(errors)

print(shutil.which('sh') is not None, shutil.which('no-such-program-xyz'))
print(shutil.which('sh', path='/nonexistent'))
os.environ['COLUMNS'] = '123'
os.environ['LINES'] = '45'
print(shutil.get_terminal_size(), tuple(shutil.get_terminal_size()))
del os.environ['COLUMNS'], os.environ['LINES']
print(shutil.get_terminal_size((91, 19)))

shutil.rmtree(d)
print('removed:', not os.path.exists(d))
