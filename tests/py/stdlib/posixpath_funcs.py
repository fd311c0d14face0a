# os.path (posixpath): the string operations, with str and bytes, and their errors.
import os
import posixpath

os.environ['MINIPY_PP'] = 'val'
os.environ['HOME'] = '/home/tester'
parts = ['', '/', '//', '///', 'a', 'a/', '/a', 'a/b', '../x', './', '.', '..', 'a/../b', 'a//b/./c/', '.bashrc',
         'x.tar.gz', '/x/.y', 'a.b/c', '~', '~/x', '$MINIPY_PP/a', '${MINIPY_PP}b', '$MINIPY_PP$', '${nope}x', 'é/ü.txt']
for p in parts:
    print(repr(p), posixpath.split(p), posixpath.splitext(p), posixpath.basename(p), posixpath.dirname(p),
          posixpath.normpath(p), posixpath.isabs(p), posixpath.expanduser(p), posixpath.expandvars(p))
for p in [b'', b'/a//b/', b'x.tar.gz', b'../a/./b', b'~/x', b'$MINIPY_PP']:
    print(p, posixpath.split(p), posixpath.splitext(p), posixpath.normpath(p), posixpath.expanduser(p), posixpath.expandvars(p))
print(posixpath.join('a', 'b', 'c'), posixpath.join('a/', '/b', 'c'), posixpath.join('', 'x'), posixpath.join('a', ''),
      posixpath.join(b'a', b'b'))
print(posixpath.commonprefix(['/usr/lib', '/usr/local']), posixpath.commonprefix([]), posixpath.commonpath(['/usr/lib', '/usr/local']),
      posixpath.commonpath(['a/b/c', 'a/b/d', 'a/b']), posixpath.commonpath([b'/x/y', b'/x']))
print(posixpath.relpath('/a/b/c', '/a/d'), posixpath.relpath('/a', '/a'), posixpath.relpath('x', 'x/y/z'))
print(posixpath.abspath('/a/../b'), posixpath.abspath('x') == posixpath.join(os.getcwd(), 'x'), posixpath.splitdrive('/a/b'))
print(posixpath.sep, posixpath.pathsep, posixpath.curdir, posixpath.pardir, posixpath.extsep, posixpath.altsep, posixpath.devnull)
for bad in [lambda: posixpath.join(1), lambda: posixpath.join('a', b'b'), lambda: posixpath.join('a', 1),
            lambda: posixpath.split(1), lambda: posixpath.relpath(''), lambda: posixpath.commonpath([]),
            lambda: posixpath.commonpath(['/a', 'b']), lambda: posixpath.commonpath([b'a', 'b']),
            lambda: posixpath.getsize('/definitely/missing')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(posixpath.exists('posixpath_funcs.py'), posixpath.isfile('posixpath_funcs.py'), posixpath.isdir('.'),
      posixpath.exists('missing'), posixpath.exists('a\0b'), posixpath.islink('.'), posixpath.ismount('/'),
      posixpath.getsize('posixpath_funcs.py') > 0, posixpath.samefile('.', os.getcwd()))
