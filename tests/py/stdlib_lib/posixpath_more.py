# posixpath: edge cases of the string functions, the file-system questions, realpath with
# symlinks (relative to a scratch folder), and the error messages.
import posixpath  # first, before os: the two import each other
import os
import shutil
import tempfile
from _show import show


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(posixpath.__name__, sorted(posixpath.__all__))
print(posixpath.defpath, posixpath.supports_unicode_filenames)
for p in ['...', '..a', 'a..', '.a.b', '/.a', 'a/.b.c', 'a./b', '/a/b.', 'a.b/', '.', '..', '...ext',
          'a/b/c.d.e', '////', '/a/', 'a//', '//a//b', '///a', 'a\\b.c']:
    print(repr(p), posixpath.splitext(p), posixpath.split(p), posixpath.dirname(p),
          posixpath.basename(p), posixpath.normpath(p))
for p in ['a/./../..', '../../a', '/../a', '/./..', '//..//a', 'a/b/../../..', './a/', './/.', '/a/b/../c/./d/',
          '//', '///', '//a/..', 'a/../../b/../c']:
    print(repr(p), repr(posixpath.normpath(p)), repr(posixpath.normpath(p.encode())))
print(posixpath.join('/'), posixpath.join('a'), posixpath.join('a', 'b/', 'c'), posixpath.join('a', '/'),
      posixpath.join('/a', 'b', '/c', 'd'), posixpath.join('', ''), posixpath.join('', '', 'a'),
      posixpath.join(P('x'), P('y')), posixpath.join(b'', b'/'))
class S(str):
    pass


class B(bytes):
    pass


print(posixpath.join(S('a'), 'b'), posixpath.join('a', S('b')), posixpath.join(B(b'a'), b'b'),
      posixpath.commonpath([S('/a/b'), '/a/c']), posixpath.relpath(S('a/b'), 'a'), posixpath.normpath(S('a//b')))
print(posixpath.isabs(''), posixpath.isabs('//'), posixpath.isabs(b'/x'), posixpath.isabs(P('/y')))
print(posixpath.normcase('AbC'), posixpath.normcase(b'AbC'), posixpath.normcase(P('Q')))
print(posixpath.splitdrive(b'/x'), posixpath.splitdrive(P('a')), posixpath.splitdrive(''))
print(posixpath.commonprefix(['abc', 'abd', 'ab']), posixpath.commonprefix(['x']),
      posixpath.commonprefix([b'ab', b'ac']), posixpath.commonprefix([['a', 'b'], ['a', 'c']]),
      posixpath.commonprefix(('abc', 'xyz')), repr(posixpath.commonprefix([P('ab'), 'ac'])))
print(posixpath.commonpath(['/a/b/c']), posixpath.commonpath(['a', 'a']), posixpath.commonpath(['/', '/a']),
      posixpath.commonpath(['./a/b', 'a/./b/c']), repr(posixpath.commonpath(['a', 'b'])),
      posixpath.commonpath(['//a', '/a/b']), posixpath.commonpath((P('/x/y'), '/x/z')),
      posixpath.commonpath(iter(['/p/q', '/p'])))
print(posixpath.relpath('a/b', 'a'), posixpath.relpath('a', 'a/b/c'), posixpath.relpath('/', '/a/b'),
      posixpath.relpath(b'/a/b', b'/a'), posixpath.relpath('/a/b', '/a/b/'), posixpath.relpath('x/y', 'x/z'),
      posixpath.relpath(P('q')) == 'q')
os.environ['PPM_A'] = 'alpha'
os.environ['PPM_B'] = ''
os.environ['_PPM'] = 'under'
os.environ['HOME'] = '/home/tester/'
for p in ['$PPM_A', '$PPM_A/$PPM_B/x', '${PPM_A}${PPM_A}', '$', '$$PPM_A', '${', '${PPM_A', '$PPM_Ax',
          '$PPM_A.txt', '${PPM_MISSING}-$PPM_A', '$1', '$_PPM', '$PPM_A$PPM_MISSING$PPM_A', 'a$', '${}', '$ PPM_A',
          '${PPM_A}}', '$PPM-A', 'é$PPM_A']:
    print(repr(p), repr(posixpath.expandvars(p)), posixpath.expandvars(p.encode()))
print(posixpath.expandvars(P('$PPM_A')))
for p in ['~', '~/', '~/a/b', 'a~', '~nosuchuser_xyz/a', '~nosuchuser_xyz']:
    print(repr(p), repr(posixpath.expanduser(p)), posixpath.expanduser(p.encode()))
os.environ['HOME'] = '/'
print(posixpath.expanduser('~'), posixpath.expanduser('~/x'), posixpath.expanduser(b'~/y'))
os.environ['HOME'] = ''
print(repr(posixpath.expanduser('~')), repr(posixpath.expanduser('~/z')))

for label, f in [
        ('join int', lambda: posixpath.join('a', 5)),
        ('join first int', lambda: posixpath.join(5, 'a')),
        ('join mixed', lambda: posixpath.join(b'a', 'b')),
        ('join none', lambda: posixpath.join(None)),
        ('split none', lambda: posixpath.split(None)),
        ('splitext int', lambda: posixpath.splitext(3)),
        ('basename list', lambda: posixpath.basename([])),
        ('dirname float', lambda: posixpath.dirname(1.5)),
        ('normpath int', lambda: posixpath.normpath(1)),
        ('isabs int', lambda: posixpath.isabs(1)),
        ('abspath int', lambda: posixpath.abspath(1)),
        ('expanduser int', lambda: posixpath.expanduser(1)),
        ('expandvars int', lambda: posixpath.expandvars(1)),
        ('normcase int', lambda: posixpath.normcase(1)),
        ('relpath empty bytes', lambda: posixpath.relpath(b'')),
        ('relpath mixed', lambda: posixpath.relpath('a', b'b')),
        ('relpath int', lambda: posixpath.relpath('a', 3)),
        ('relpath int first', lambda: posixpath.relpath(3)),
        ('commonpath mixed', lambda: posixpath.commonpath(['a', b'b'])),
        ('commonpath int', lambda: posixpath.commonpath([1, 2])),
        ('commonpath abs/rel', lambda: posixpath.commonpath([b'/a', b'a'])),
        ('commonpath empty tuple', lambda: posixpath.commonpath(())),
        ('commonprefix int', lambda: posixpath.commonprefix([1, 2])),
        ('getmtime missing', lambda: posixpath.getmtime('no/such')),
        ('samefile missing', lambda: posixpath.samefile('no/such', '.')),
        ('realpath int', lambda: posixpath.realpath(1)),
        ('exists int', lambda: posixpath.exists(1.5)),
]:
    show(label, f)

tmp = tempfile.mkdtemp()
try:
    os.chdir(tmp)
    os.mkdir('d')
    with open('d/f.txt', 'w') as fh:
        fh.write('hello')
    os.symlink('d', 'ld')
    os.symlink('d/f.txt', 'lf')
    os.symlink('missing', 'broken')
    os.symlink('loop1', 'loop2')
    os.symlink('loop2', 'loop1')
    os.symlink('../d/../d/f.txt', 'd/up')
    os.symlink(tmp + '/d', 'abs')
    os.symlink('self', 'self')
    cwd = os.getcwd()

    def rel(p):
        if isinstance(p, bytes):
            return p.replace(os.fsencode(cwd), b'<tmp>')
        return p.replace(cwd, '<tmp>')

    for p in ['d', 'ld', 'lf', 'broken', 'loop1', 'd/up', 'abs', 'missing', 'self', '.', 'd/f.txt/..']:
        print(p, posixpath.exists(p), posixpath.lexists(p), posixpath.isdir(p), posixpath.isfile(p),
              posixpath.islink(p), posixpath.ismount(p))
    for p in ['ld/f.txt', 'lf', 'broken', 'loop1', 'loop1/x', 'd/up', 'abs/../ld', 'ld/..', 'self', 'a/../b',
              '.', '', 'd/./f.txt', b'ld', b'loop2', 'broken/x']:
        print(repr(p), repr(rel(posixpath.realpath(p))))
    for p in ['ld/f.txt', 'broken', 'loop1', 'missing/x', 'd/f.txt/x']:
        try:
            print(p, rel(posixpath.realpath(p, strict=True)))
        except OSError as e:
            print(p, type(e).__name__, e.errno)
    print(posixpath.getsize('lf'), posixpath.getsize('d/f.txt'), type(posixpath.getmtime('d')).__name__,
          posixpath.getatime('d') > 0, posixpath.getctime('d') > 0)
    print(posixpath.samefile('ld/f.txt', 'lf'), posixpath.samefile(b'd', 'ld'), posixpath.samefile('d', '.'))
    print(posixpath.samestat(os.stat('d'), os.stat('ld')), posixpath.samestat(os.stat('d'), os.lstat('ld')))
    fd1 = os.open('d/f.txt', os.O_RDONLY)
    fd2 = os.open('lf', os.O_RDONLY)
    print(posixpath.sameopenfile(fd1, fd2))
    os.close(fd1)
    os.close(fd2)
    print(posixpath.ismount('/'), posixpath.ismount(b'/'), posixpath.ismount('/proc') == os.path.ismount('/proc'),
          posixpath.ismount('/dev/null/x'))
    print(posixpath.exists(b'd'), posixpath.exists('d\0'), posixpath.isdir(P('d')), posixpath.isfile(b'lf'),
          posixpath.exists(os.open('d/f.txt', os.O_RDONLY)) if False else '', posixpath.islink(b'ld'))
    print(posixpath.abspath('.') == cwd, rel(posixpath.abspath(b'x/../y')), rel(posixpath.abspath('')))
finally:
    os.chdir('/')
    shutil.rmtree(tmp)
