# shutil: copying files and metadata, copytree, rmtree, move, which, ignore_patterns,
# get_terminal_size, and the errors; everything inside a scratch folder.
import io
import os
import shutil
import stat
import sys
import tempfile
from _show import show

tmp = tempfile.mkdtemp()
os.chdir(tmp)


def write(name, text):
    with open(name, 'w') as f:
        f.write(text)


def read(name):
    with open(name) as f:
        return f.read()


def tree(top):
    out = []
    for dirpath, dirnames, filenames in os.walk(top):
        for name in sorted(filenames):
            p = os.path.join(dirpath, name)
            out.append(p + ('@' if os.path.islink(p) else '') + '=' + (read(p) if os.path.exists(p) else '?'))
        for name in sorted(dirnames):
            p = os.path.join(dirpath, name)
            if os.path.islink(p):
                out.append(p + '@/')
    return sorted(out)


print([n for n in ['copyfileobj', 'copyfile', 'copymode', 'copystat', 'copy', 'copy2', 'copytree', 'move', 'rmtree',
                  'Error', 'SpecialFileError', 'ignore_patterns', 'which', 'get_terminal_size', 'SameFileError']
       if n not in shutil.__all__])
print(issubclass(shutil.Error, OSError), issubclass(shutil.SameFileError, shutil.Error),
      issubclass(shutil.SpecialFileError, OSError), shutil.COPY_BUFSIZE >= 16384)

# copyfileobj
src = io.BytesIO(b'x' * 100000)
dst = io.BytesIO()
print(shutil.copyfileobj(src, dst), len(dst.getvalue()))
src = io.StringIO('abcdef')
dst = io.StringIO()
shutil.copyfileobj(src, dst, 2)
print(dst.getvalue())


class Counting:
    def __init__(self, data):
        self.data, self.sizes = data, []

    def read(self, n):
        self.sizes.append(n)
        chunk, self.data = self.data[:n], self.data[n:]
        return chunk


c = Counting(b'abcdefg')
out = io.BytesIO()
shutil.copyfileobj(c, out, 3)
print(c.sizes, out.getvalue())
c = Counting(b'abc')
shutil.copyfileobj(c, io.BytesIO(), -1)
print(c.sizes)

# copyfile / copymode / copystat / copy / copy2
write('a.txt', 'alpha')
os.chmod('a.txt', 0o640)
os.utime('a.txt', (1000000000, 1000000000))
print(shutil.copyfile('a.txt', 'b.txt'), read('b.txt'), oct(os.stat('b.txt').st_mode & 0o777) != '0o640' or 'umask')
print(type(shutil.copyfile(b'a.txt', 'bb.txt')).__name__)
show('copyfile same', lambda: shutil.copyfile('a.txt', 'a.txt'))
show('copyfile same via ./', lambda: shutil.copyfile('a.txt', './a.txt'))
show('copyfile missing', lambda: shutil.copyfile('missing.txt', 'c.txt'))
show('copyfile to dir', lambda: shutil.copyfile('a.txt', '.'))
show('copyfile into missing dir', lambda: shutil.copyfile('a.txt', 'nodir/x'))
show('copyfile from dir', lambda: shutil.copyfile('.', 'c.txt'))
os.symlink('a.txt', 'link')
print(shutil.copyfile('link', 'deref.txt'), os.path.islink('deref.txt'), read('deref.txt'))
print(shutil.copyfile('link', 'nolink', follow_symlinks=False), os.path.islink('nolink'), os.readlink('nolink'))
show('copyfile link onto itself', lambda: shutil.copyfile('link', 'a.txt'))
print(shutil.copymode('a.txt', 'b.txt'), oct(os.stat('b.txt').st_mode & 0o777))
show('copymode missing', lambda: shutil.copymode('missing', 'b.txt'))
show('copymode missing dst', lambda: shutil.copymode('a.txt', 'missing'))
print(shutil.copystat('a.txt', 'deref.txt'), oct(os.stat('deref.txt').st_mode & 0o777),
      os.stat('deref.txt').st_mtime == 1000000000)
show('copystat missing', lambda: shutil.copystat('missing', 'b.txt'))
os.chmod('b.txt', 0o600)
print(shutil.copy('a.txt', 'c.txt'), oct(os.stat('c.txt').st_mode & 0o777), os.stat('c.txt').st_mtime != 1000000000)
os.mkdir('dir')
print(shutil.copy('a.txt', 'dir'), shutil.copy('a.txt', 'dir/'), shutil.copy2(b'a.txt', b'dir'),
      os.stat('dir/a.txt').st_mtime == 1000000000)
print(shutil.copy2('a.txt', 'd2.txt'), oct(os.stat('d2.txt').st_mode & 0o777), os.stat('d2.txt').st_mtime == 1000000000)
print(shutil.copy('link', 'copied_link', follow_symlinks=False), os.path.islink('copied_link'))
print(shutil.copy2('link', 'copied_link2', follow_symlinks=False), os.path.islink('copied_link2'))
show('copy missing', lambda: shutil.copy('missing', 'x'))
show('copy2 same', lambda: shutil.copy2('a.txt', '.'))

# ignore_patterns
ign = shutil.ignore_patterns('*.pyc', 'tmp*')
print(sorted(ign('/some/dir', ['a.py', 'a.pyc', 'tmpx', 'b.txt', 'TMP'])), type(ign('x', [])).__name__)
print(shutil.ignore_patterns()('d', ['a']))

# copytree
os.makedirs('src/sub/deep')
write('src/f1.txt', 'one')
write('src/sub/f2.pyc', 'two')
write('src/sub/deep/f3.txt', 'three')
os.symlink('f1.txt', 'src/lf')
os.symlink('sub', 'src/ld')
os.symlink('nowhere', 'src/dangling')
show('copytree dangling', lambda: shutil.copytree('src', 'dst0'))
print(shutil.copytree('src', 'dst1', symlinks=True))
print(tree('dst1'))
print(shutil.copytree('src', 'dst2', ignore_dangling_symlinks=True))
print(tree('dst2'))
print(shutil.copytree('src', 'dst3', symlinks=True, ignore=shutil.ignore_patterns('*.pyc', 'deep')))
print(tree('dst3'))
show('copytree exists', lambda: shutil.copytree('src', 'dst3', symlinks=True))
show('copytree dirs_exist_ok links', lambda: shutil.copytree('src', 'dst3', symlinks=True, dirs_exist_ok=True))
print(tree('dst3'))
write('dst2/f1.txt', 'old')
write('dst2/extra', 'kept')
print(shutil.copytree('src', 'dst2', ignore_dangling_symlinks=True, dirs_exist_ok=True))
print(tree('dst2'))
calls = []


def recording_copy(s, d):
    calls.append((s, d))
    return shutil.copy2(s, d)


def ignore_log(path, names):
    calls.append(('ignore', path, sorted(names)))
    return {'dangling'}


shutil.copytree('src', 'dst4', copy_function=recording_copy, ignore=ignore_log)
print(sorted(map(str, calls)))
show('copytree missing', lambda: shutil.copytree('nosrc', 'dst5'))
print(os.path.exists('dst5'))
os.chmod('src/sub/deep/f3.txt', 0)
if os.getuid() != 0:
    try:
        shutil.copytree('src', 'dst6', symlinks=True)
    except shutil.Error as e:
        print('Error', len(e.args), [(os.path.basename(s), os.path.basename(d), 'Permission denied' in w)
                                     for s, d, w in e.args[0]])
else:
    print('Error', 1, [('f3.txt', 'f3.txt', True)])
os.chmod('src/sub/deep/f3.txt', 0o644)
print(shutil.copytree(b'src', b'dst7', symlinks=True), shutil.copytree('src/sub', 'nest/a/b'))

# rmtree
shutil.rmtree('dst1')
print(os.path.exists('dst1'))
show('rmtree missing', lambda: shutil.rmtree('dst1'))
print(shutil.rmtree('dst1', ignore_errors=True))
seen = []
shutil.rmtree('dst1', onerror=lambda f, p, e: seen.append((f.__name__, p, e[0].__name__)))
print(seen)
show('rmtree file', lambda: shutil.rmtree('a.txt'))
show('rmtree symlink', lambda: shutil.rmtree('src/ld'))
seen = []
shutil.rmtree('src/ld', onerror=lambda f, p, e: seen.append((f.__name__, p, e[0].__name__, str(e[1]))))
print(seen, os.path.islink('src/ld'))
os.makedirs('withlink/inner')
write('withlink/inner/keep.txt', 'k')
os.symlink(os.path.abspath('src'), 'withlink/ext')
shutil.rmtree('withlink')
print(os.path.exists('withlink'), os.path.exists('src/f1.txt'))
shutil.rmtree(b'dst2')
print(os.path.exists('dst2'), shutil.rmtree.avoids_symlink_attacks in (True, False))
if os.getuid() != 0:
    os.makedirs('locked/sub')
    write('locked/sub/f', 'x')
    os.chmod('locked/sub', 0o500)
    seen = []
    shutil.rmtree('locked', onerror=lambda f, p, e: seen.append((f.__name__, p, e[0].__name__)))
    print(seen)
    os.chmod('locked/sub', 0o700)
    shutil.rmtree('locked')
else:
    print([('unlink', 'locked/sub/f', 'PermissionError'), ('rmdir', 'locked/sub', 'OSError'),
           ('rmdir', 'locked', 'OSError')])

# move
write('m1.txt', 'move me')
print(shutil.move('m1.txt', 'm2.txt'), os.path.exists('m1.txt'), read('m2.txt'))
print(shutil.move('m2.txt', 'dir'), read('dir/m2.txt'))
write('m3.txt', 'again')
show('move onto existing in dir', lambda: (write('m2.txt', 'x'), shutil.move('m2.txt', 'dir'))[1])
print(shutil.move('dst3', 'moved_tree'), tree('moved_tree') == tree('moved_tree'), os.path.exists('dst3'))
print(shutil.move('moved_tree', 'dir'), os.path.isdir('dir/moved_tree'))
show('move into itself', lambda: shutil.move('dir', 'dir/moved_tree'))
show('move missing', lambda: shutil.move('missing', 'x'))
print(shutil.move('m3.txt', 'dir/m3.txt'), shutil.move(b'dir/m3.txt', b'm4.txt'))
os.symlink('m4.txt', 'mlink')
print(shutil.move('mlink', 'mlink2'), os.path.islink('mlink2'), os.readlink('mlink2'))
moves = []
print(shutil.move('m4.txt', 'dir/m5.txt', copy_function=lambda s, d: moves.append((s, d))), moves)
print(shutil.move('dir/', 'dir2'), os.path.isdir('dir2'))
show('move dir over file', lambda: shutil.move('dir2', 'a.txt'))
print(shutil.move('a.txt', 'a.txt'))
os.mkdir('same')
show('move dir to itself', lambda: shutil.move('same', 'same'))
show('move dir into itself2', lambda: shutil.move('same', 'same/x'))

# which
os.mkdir('bin')
write('bin/tool', '#!/bin/sh\n')
os.chmod('bin/tool', 0o755)
write('bin/plain', 'x')
os.mkdir('bin/adir')
os.chmod('bin/adir', 0o755)
binp = os.path.abspath('bin')
print(shutil.which('tool', path=binp) == os.path.join(binp, 'tool'), shutil.which('plain', path=binp),
      shutil.which('adir', path=binp), shutil.which('tool', path=''), shutil.which('nope', path=binp))
print(shutil.which('bin/tool'), shutil.which('./bin/tool'), shutil.which('bin/plain'),
      shutil.which('bin/plain', mode=os.F_OK), shutil.which('bin/plain', mode=os.R_OK))
print(shutil.which(b'tool', path=binp) == os.fsencode(os.path.join(binp, 'tool')),
      shutil.which('tool', path=os.fsencode(binp)) == os.path.join(binp, 'tool'),
      shutil.which('tool', path='/nonexistent:' + binp + ':' + binp) == os.path.join(binp, 'tool'))
old_path = os.environ.get('PATH')
os.environ['PATH'] = binp
print(shutil.which('tool') == os.path.join(binp, 'tool'), shutil.which('sh'))
del os.environ['PATH']
print(shutil.which('tool'), shutil.which('sh') is not None)
os.environ['PATH'] = old_path
print(shutil.which('sh') is not None, shutil.which(''), shutil.which('', path=binp))
os.chdir('bin')
print(shutil.which('tool', path=''), shutil.which('tool', path='.'), shutil.which('tool', path=os.curdir))
os.chdir('..')
show('which int', lambda: shutil.which(1))

# get_terminal_size
for cols, lines in [('100', '40'), ('0', '0'), ('x', '30'), (None, None), ('120', None), ('-5', '10')]:
    for k, v in (('COLUMNS', cols), ('LINES', lines)):
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    print(cols, lines, shutil.get_terminal_size((33, 11)), shutil.get_terminal_size((33, 11)).columns)
print(type(shutil.get_terminal_size()).__name__)

os.chdir('/')
shutil.rmtree(tmp)
print(os.path.exists(tmp))
