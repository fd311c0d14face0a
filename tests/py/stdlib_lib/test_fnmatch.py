# Exercises fnmatch: translate() output, matching and filter().
import fnmatch

patterns = ['*.py', 'a*b*c', '[!a-c]x', '[]]', '[!]]', '[', '[a-', '*', '**', 'a?b', '[z-a]',
            '[a-c-e]', 'x[&~|]', '[\\]', '[-a]', '[a-]', '[!]', 'a*', '*a', '*a*', '[^x]',
            '[[x]', '[a-b-]', '*.[ch]', 'file[0-9][0-9].txt', '(x)+{y}$.^', '[!0-9]*',
            '[a-z-0-9]', '[--z]', '[!--]', '*[!.]*', 'é*ü', '[ab]]', '\\*']
for p in patterns:
    print(repr(p), repr(fnmatch.translate(p)))
names = ['main.py', 'test.c', 'x.h', 'abc', 'aXbYc', 'ab', 'dx', 'ax', ']', 'file12.txt',
         'file1a.txt', '.hidden', 'README', 'a.b.c', 'éxü', 'a\nb', '-', 'z', '[', '^']
for p in patterns:
    print(repr(p), [n for n in names if fnmatch.fnmatchcase(n, p)])
print(fnmatch.filter(names, '*.?'), fnmatch.filter(['A.PY', 'b.py'], '*.py'),
      fnmatch.fnmatch('Main.PY', '*.PY'), fnmatch.fnmatch('main.py', '*.PY'))
print(fnmatch.fnmatchcase(b'data.bin', b'*.bin'), fnmatch.fnmatchcase(b'x\xff', b'x?'),
      fnmatch.filter([b'a1', b'b2'], b'a*'))
