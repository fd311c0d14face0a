# glob, and the pattern-based parts of pathlib (glob, rglob, match)
import glob
import os
import tempfile
from pathlib import Path, PurePath

with tempfile.TemporaryDirectory() as d:
    for rel in ['a.txt', 'b.txt', 'c.py', '.hidden.txt', 'sub/d.txt', 'sub/e.py',
                'sub/deep/f.txt', 'x1', 'x2', 'x10']:
        path = os.path.join(d, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, 'w').close()

    def show(pattern, **kw):
        found = glob.glob(os.path.join(d, pattern), **kw)
        print(pattern, sorted(os.path.relpath(p, d) for p in found))

    show('*.txt')
    show('*.txt', include_hidden=True)
    show('?.py')
    show('x?')
    show('x[0-9]*')
    show('x[!1]')
    show('*/*.py')
    show('**/*.txt')
    show('**/*.txt', recursive=True)
    show('sub/**', recursive=True)
    show('nothing*')
    show('a.txt')
    show('missing.txt')
    show('sub/')
    print(sorted(glob.glob('*.txt', root_dir=d)), sorted(glob.iglob('sub/*', root_dir=d)))
    print(type(glob.iglob('*')).__name__ in ('generator', 'chain'), glob.has_magic('a*'),
          glob.has_magic('abc'), glob.escape('a*b?[c]'))

    base = Path(d)
    print(sorted(p.relative_to(base).as_posix() for p in base.glob('*.py')))
    print(sorted(p.relative_to(base).as_posix() for p in base.glob('sub/*')))
    print(sorted(p.relative_to(base).as_posix() for p in base.rglob('*.txt')))
    print(sorted(p.relative_to(base).as_posix() for p in base.glob('**/*.py')))
    print(all(isinstance(p, Path) for p in base.glob('*')))

print(PurePath('a/b.py').match('*.py'), PurePath('/a/b/c.py').match('b/*.py'),
      PurePath('/a/b/c.py').match('a/*.py'), PurePath('/a.py').match('/*.py'),
      PurePath('a/b.py').match('/*.py'))
