import glob, os, tempfile

base = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(base)
for d in ['a', 'a/b', 'a/b/c', 'a/.hid', 'x[1]', 'e', '.dotdir']:
    os.makedirs(d, exist_ok=True)
for f in ['f1.txt', 'f2.txt', 'g.py', '.hidden.txt', 'a/a1.txt', 'a/b/b1.txt', 'a/b/c/c1.py',
          'a/.hid/h.txt', 'x[1]/in.txt', '.dotdir/d.txt', 'a/b/.z.txt', '*star', '?q']:
    open(f, 'w').close()
os.symlink('f1.txt', 'link.txt')
os.symlink('missing', 'broken.txt')

def show(*a, **k):
    try:
        print(a, sorted(k.items()), sorted(glob.glob(*a, **k)))
    except Exception as e:
        print(a, type(e).__name__, e)

for p in ['*', '*.txt', '?1.txt', 'f[12].txt', 'f[!1].txt', 'a/*', 'a/*/*', '*/*.txt', '*/',
          'a/b/', 'a', 'nope', 'nope/*', 'a/nope', '**', '**/*.py', 'a/**', 'a/**/', '**/',
          'x[1]/*', glob.escape('x[1]') + '/*', '[*]star', glob.escape('*star'), glob.escape('?q'),
          '.*', 'a/.*', '*/.*', '', 'f1.txt', 'broken.txt', 'link.txt', 'a//b', './*.py', 'a/b/c/../*.txt']:
    show(p)
    show(p, recursive=True)
show('**', recursive=True, include_hidden=True)
show('**/*.txt', recursive=True, include_hidden=True)
show('a/**/*.txt', recursive=True)
show('*', include_hidden=True)
show('*.txt', root_dir='a')
show('**', root_dir='a', recursive=True)
show('b/*', root_dir='a')
show('*', root_dir='nope')
show(os.path.join(base, 'a', '*.txt').replace(base, 'BASE') )
print(sorted(p.replace(base, 'BASE') for p in glob.glob(os.path.join(base, 'a', '*.txt'))))
print(sorted(p.replace(base, 'BASE') for p in glob.glob(os.path.join(base, '**', 'c1.py'), recursive=True)))
show(b'*.py')
show(b'a/*', recursive=True)
print(sorted(glob.glob(b'*.txt', root_dir=b'a')))
it = glob.iglob('*.py')
print(type(it).__name__ in ('generator', 'itertools.chain', 'chain'), iter(it) is it, sorted(it))
for s in ['abc', 'a*', 'a?', 'a[b]', b'x*', b'y', '', '[', ']', 'a/b/*', 'C:*']:
    print(repr(s), glob.has_magic(s), repr(glob.escape(s)))
print(glob.escape('//?/c:/Quo*te'))
try:
    glob.glob(5)
except Exception as e:
    print(type(e).__name__)
fd = os.open('a', os.O_RDONLY)
try:
    print(sorted(glob.glob('*.txt', dir_fd=fd)), sorted(glob.glob('b/*', dir_fd=fd)))
finally:
    os.close(fd)
print(sorted(glob.__all__))
os.chdir(old)
import shutil
shutil.rmtree(base)
