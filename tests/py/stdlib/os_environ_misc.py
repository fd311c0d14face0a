# os: environ mapping, getenv/putenv, fsencode/fsdecode, PathLike, constants, process info.
import os
import sys

os.environ['MINIPY_X'] = 'one'
print(os.environ['MINIPY_X'], os.getenv('MINIPY_X'), 'MINIPY_X' in os.environ, os.environ.get('MINIPY_NONE', 'dflt'))
os.environ.setdefault('MINIPY_X', 'two')
os.environ.setdefault('MINIPY_Y', 'two')
print(os.environ['MINIPY_X'], os.environ.pop('MINIPY_Y'), 'MINIPY_Y' in os.environ)
print(os.environb[b'MINIPY_X'], os.getenvb(b'MINIPY_X'))
os.environ.update({'MINIPY_Z': 'z'})
print(sorted(k for k in os.environ if k.startswith('MINIPY_')))
copy = os.environ.copy()
print(type(copy).__name__, copy['MINIPY_Z'])
merged = os.environ | {'MINIPY_W': 'w'}
print(type(merged).__name__, merged['MINIPY_W'], 'MINIPY_W' in os.environ)
del os.environ['MINIPY_X']
for bad in [lambda: os.environ['MINIPY_X'], lambda: os.environ.__setitem__('MINIPY_A', 1),
            lambda: os.environ.__setitem__(1, 'a'), lambda: os.environ.__delitem__('MINIPY_X'),
            lambda: os.putenv('A=B', 'x'), lambda: os.environb.__getitem__('str')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(repr(os.environ).startswith('environ({'))
print(os.get_exec_path({'PATH': '/a:/b'}), os.get_exec_path({}))
print(os.fsencode('caf\xe9'), os.fsdecode(b'caf\xc3\xa9'), repr(os.fsdecode(b'\xff')), os.fsencode(os.fsdecode(b'\xff')))


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.fspath(P('x/y')), os.fspath(b'b'), isinstance(P('a'), os.PathLike), issubclass(str, os.PathLike))
print(os.path.join(P('a'), 'b'), os.path.basename(P(b'/x/y')), os.stat(P('.')).st_size > 0)
try:
    os.fspath(P(3))
except TypeError as e:
    print(e)
print(os.name, os.sep, os.pathsep, os.linesep == '\n', os.curdir, os.pardir, os.extsep, os.altsep, os.devnull)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.O_RDONLY, os.WNOHANG)
print(os.path is sys.modules['os.path'], os.path.__name__)
import os.path
print(os.path.sep)
print(os.getpid() > 0, os.getppid() > 0, os.getuid() >= 0, os.geteuid() >= 0, os.getgid() >= 0)
print(os.cpu_count() >= 1, len(os.getloadavg()), os.uname().sysname, len(os.uname()), len(os.times()))
print(os.strerror(2), os.strerror(13))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
print(os.error is OSError, os.stat_result.__name__, os.terminal_size((80, 24)) if False else 'ts')
print(os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9), os.WIFEXITED(3 << 8), os.WEXITSTATUS(3 << 8),
      os.WIFSIGNALED(9), os.WTERMSIG(9), os.WIFSTOPPED(0x7f | (19 << 8)))
for bad in [lambda: os.waitstatus_to_exitcode(0x7f | (19 << 8)), lambda: os.getcwd(1), lambda: os.waitpid(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    os.get_terminal_size(99)
except OSError as e:
    print('OSError', e.errno)
