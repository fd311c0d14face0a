# os (the Python layer over posix): makedirs/removedirs/renames, walk, environ and environb,
# fsencode/fsdecode, get_exec_path, exec* lookups that fail, fdopen, PathLike, supports_*.
import os
import sys
import tempfile
from _show import show

tmp = tempfile.mkdtemp()
os.chdir(tmp)


def tree():
    out = []
    for dirpath, dirnames, filenames in os.walk('.'):
        out.append((dirpath, sorted(dirnames), sorted(filenames)))
    return sorted(out)


# -- makedirs / removedirs / renames
os.makedirs('a/b/c')
print(tree())
show('makedirs existing', lambda: os.makedirs('a/b/c'))
show('makedirs exist_ok', lambda: os.makedirs('a/b/c', exist_ok=True))
os.makedirs('a/b/c/', exist_ok=True)
os.makedirs(b'bytes/dir')
os.makedirs('x/./y/../z')
os.makedirs('m', mode=0o700)
print(oct(os.stat('m').st_mode & 0o777))
with open('a/file', 'w') as f:
    f.write('data')
show('makedirs over file', lambda: os.makedirs('a/file', exist_ok=True))
show('makedirs under file', lambda: os.makedirs('a/file/sub'))
show('makedirs empty', lambda: os.makedirs(''))
print(tree())
os.removedirs('a/b/c')
print(tree())
os.removedirs('bytes/dir')
show('removedirs missing', lambda: os.removedirs('nope/x'))
show('removedirs nonempty', lambda: os.removedirs('a'))
os.renames('a/file', 'new/deep/file')
print(tree())
show('renames missing', lambda: os.renames('none', 'q/r'))
os.renames('new/deep/file', 'top')
print(tree())
for d in ['x/z', 'x/y', 'x', 'm']:
    os.rmdir(d)
os.remove('top')

# -- walk
os.makedirs('w/d1/d11')
os.makedirs('w/d2')
for name in ['w/f0', 'w/d1/f1', 'w/d1/d11/f11', 'w/d2/f2']:
    open(name, 'w').close()
os.symlink('d1', 'w/link')
os.symlink('nowhere', 'w/dangling')
for top in ['w', b'w']:
    for topdown in (True, False):
        print(topdown, [(p, sorted(d), sorted(f)) for p, d, f in os.walk(top, topdown=topdown)
                        if True][0:0] or sorted((p, sorted(d), sorted(f)) for p, d, f in os.walk(top, topdown=topdown)))
order = [p for p, d, f in os.walk('w', topdown=False)]
print('bottom-up children first', order.index('w/d1/d11') < order.index('w/d1') < order.index('w'))
order = [p for p, d, f in os.walk('w')]
print('top-down parent first', order[0], order.index('w/d1') < order.index('w/d1/d11'))
print(sorted(p for p, d, f in os.walk('w', followlinks=True)))
pruned = []
for p, d, f in os.walk('w'):
    pruned.append(p)
    d[:] = [x for x in d if x != 'd1']
print(sorted(pruned))
errors = []
print(list(os.walk('no_such_dir', onerror=errors.append)), [(type(e).__name__, e.filename) for e in errors])
print(list(os.walk('w/f0')))


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(sorted(p for p, d, f in os.walk(P('w/d1'))))
gen = os.walk('w')
print(type(gen).__name__, next(gen)[0])

# -- environ
os.environ['OSM_K'] = 'v1'
print(os.environ['OSM_K'], os.environb[b'OSM_K'], os.getenv('OSM_K'), os.getenv('OSM_NONE'),
      os.getenv('OSM_NONE', 'd'), os.getenvb(b'OSM_K'), os.getenvb(b'OSM_NONE', b'd'))
os.environb[b'OSM_B'] = b'bytes\xff'
print(repr(os.environ['OSM_B']), os.environb[b'OSM_B'])
del os.environb[b'OSM_B']
print('OSM_B' in os.environ, b'OSM_B' in os.environb)
print(isinstance(os.environ, dict), type(os.environ).__name__, len(os.environ) == len(list(os.environ)))
from collections.abc import Mapping, MutableMapping
print(isinstance(os.environ, MutableMapping), isinstance(os.environ, Mapping))
e = os.environ.copy()
print(type(e).__name__, e['OSM_K'])
d = {'OSM_K': 'other', 'NEW': '1'} | os.environ
print(type(d).__name__, d['OSM_K'], d['NEW'])
d = os.environ | {'OSM_K': 'other'}
print(type(d).__name__, d['OSM_K'])
os.environ |= {'OSM_OR': 'or'}
print(os.environ['OSM_OR'], type(os.environ).__name__)
show('or with list', lambda: os.environ | [1])
show('ror with list', lambda: [1] | os.environ)
show('ior with list', lambda: os.environ.__ior__([('OSM_L', 'l')]) and os.environ['OSM_L'])
print(os.environ.setdefault('OSM_SD', 'first'), os.environ.setdefault('OSM_SD', 'second'))
print(os.environ.pop('OSM_SD'), os.environ.pop('OSM_SD', 'gone'), os.environ.get('OSM_SD'))
os.environ.clear() if False else None
show('getitem missing', lambda: os.environ['OSM_MISSING'])
show('delitem missing', lambda: os.environ.__delitem__('OSM_MISSING'))
show('set int value', lambda: os.environ.__setitem__('OSM_I', 1))
show('set bytes key', lambda: os.environ.__setitem__(b'OSM_I', 'x'))
show('environb str key', lambda: os.environb.__setitem__('OSM_I', b'x'))
show('environb str value', lambda: os.environb.__setitem__(b'OSM_I', 'x'))
show('getitem int', lambda: os.environ[1])
show('environb missing', lambda: os.environb[b'OSM_MISSING'])
show('getenv int', lambda: os.getenv(1))
show('getenvb str', lambda: os.getenvb('OSM_K'))
show('setdefault int', lambda: os.environ.setdefault('OSM_X', 5))
show('update bad', lambda: os.environ.update({'OSM_U': None}))
show('set empty key', lambda: os.environ.__setitem__('', 'x'))
show('set eq key', lambda: os.environ.__setitem__('A=B', 'x'))
show('set nul value', lambda: os.environ.__setitem__('OSM_N', 'a\0b'))
os.environ['OSM_R'] = "q'uote"
r = repr(os.environ)
print(r.startswith("environ({"), r.endswith("})"), "'OSM_R': \"q'uote\"" in r)
print("b'OSM_K': b'v1'" in repr(os.environb), repr(os.environb).startswith('environ({'))
import subprocess
out = subprocess.run([sys.executable, '-c', 'import os; print(os.environ.get("OSM_K"), os.environ.get("OSM_R"))'],
                     capture_output=True, text=True).stdout
print('child sees', out.strip())
del os.environ['OSM_K']
out = subprocess.run([sys.executable, '-c', 'import os; print(os.environ.get("OSM_K"))'],
                     capture_output=True, text=True).stdout
print('child after del', out.strip())

# -- fsencode / fsdecode / fspath
print(os.fsencode('a\udcffb'), os.fsencode(b'x'), os.fsencode(P('p')), os.fsencode(P(b'q')))
print(repr(os.fsdecode(b'a\xffb')), os.fsdecode('s'), os.fsdecode(P(b'r')), os.fsdecode(bytearray(b'z')) if False else '')
show('fsencode int', lambda: os.fsencode(1))
show('fsdecode None', lambda: os.fsdecode(None))
show('fsencode bytearray', lambda: os.fsencode(bytearray(b'a')))
show('fspath int', lambda: os.fspath(3))
print(os.fspath('s'), os.fspath(b'b'), os.fspath(P('z')))

# -- get_exec_path
print(os.get_exec_path({'PATH': '/x::/y'}), os.get_exec_path({'PATH': ''}), os.get_exec_path({b'PATH': b'/b'}))
print(os.get_exec_path({'OTHER': 1}), os.get_exec_path() == os.environ['PATH'].split(':'))
show('exec path both', lambda: os.get_exec_path({'PATH': '/a', b'PATH': b'/b'}))

# -- exec* failures (no process is replaced when the program cannot be found)


def exec_error(label, f):
    # Only the type and errno: the native exec functions differ in whether they name the file.
    try:
        f()
    except OSError as e:
        print(label, '->', type(e).__name__, e.errno)


exec_error('execvp missing', lambda: os.execvp('osm-no-such-program', ['x']))
exec_error('execvpe missing', lambda: os.execvpe('osm-no-such-program', ['x'], {'PATH': tmp}))
exec_error('execv missing', lambda: os.execv('/osm/no/such', ['x']))
exec_error('execl missing', lambda: os.execl('/osm/no/such', 'x'))
exec_error('execlp missing', lambda: os.execlp('osm-no-such-program', 'x'))
exec_error('execle missing', lambda: os.execle('/osm/no/such', 'x', {}))
exec_error('execlpe missing', lambda: os.execlpe('osm-no-such-program', 'x', {'PATH': '/nonexistent'}))
exec_error('execvp path', lambda: os.execvp('./osm-missing', ['x']))
open('notexec', 'w').close()
exec_error('execvpe not executable', lambda: os.execvpe('notexec', ['x'], {'PATH': tmp}))
exec_error('execvpe not executable later', lambda: os.execvpe('notexec', ['x'], {'PATH': tmp + ':/nonexistent'}))
show('execvp empty args', lambda: os.execvp('ls', []))

# -- fdopen
fd = os.open('fd.txt', os.O_RDWR | os.O_CREAT)
with os.fdopen(fd, 'w') as f:
    print(type(f).__name__, f.name == fd, f.mode)
    f.write('through fdopen')
with os.fdopen(os.open('fd.txt', os.O_RDONLY), 'rb') as f:
    print(f.read())
with os.fdopen(os.open('fd.txt', os.O_RDONLY), encoding='ascii') as f:
    print(f.encoding, f.read())
show('fdopen str', lambda: os.fdopen('fd.txt'))
show('fdopen float', lambda: os.fdopen(1.5))

# -- PathLike
print(isinstance(P('x'), os.PathLike), issubclass(P, os.PathLike), issubclass(bytes, os.PathLike),
      isinstance(os.DirEntry, type))


class NotPath:
    __fspath__ = None


class Sub(P):
    pass


class Direct(os.PathLike):
    def __fspath__(self):
        return 'direct'


print(issubclass(NotPath, os.PathLike), issubclass(Sub, os.PathLike), os.fspath(Direct()),
      isinstance(Direct(), os.PathLike))
show('abstract PathLike', lambda: os.PathLike())
print(os.PathLike[str], os.PathLike.__name__, os.PathLike.__module__)
with os.scandir('.') as it:
    print(any(isinstance(e, os.PathLike) for e in it))

# -- module attributes
print(os.stat in os.supports_fd, os.stat in os.supports_dir_fd, os.stat in os.supports_follow_symlinks,
      os.access in os.supports_effective_ids, os.listdir in os.supports_fd, os.open in os.supports_dir_fd,
      type(os.supports_fd).__name__)
print(os.supports_bytes_environ, os.name, os.linesep == '\n', os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
for name in ['makedirs', 'walk', 'environ', 'path', 'fsencode', 'PathLike', 'getenv', 'execvpe', 'fdopen',
             '_exit', 'stat', 'listdir', 'sep', 'SEEK_END', 'get_exec_path', 'environb', 'getenvb']:
    print(name, name in os.__all__, hasattr(os, name))
print(os.path.__name__, sys.modules['os.path'] is os.path, os.sep is os.path.sep, os.curdir, os.pardir,
      os.extsep, os.altsep, os.pathsep, os.defpath, os.devnull)
print(callable(os._exit), os.error is OSError)

os.chdir('/')
import shutil
shutil.rmtree(tmp)
