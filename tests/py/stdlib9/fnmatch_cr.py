import fnmatch

pats = ['*', '?', '*.py', 'a*b*c', '*a*', '**a**b', '[abc]', '[!abc]', '[]]', '[!]]',
        '[a-z]', '[z-a]', '[a-]', '[-a]', '[!-a]', '[a-c-e]', '[', '[!', '[a', 'a[b',
        '[\\]', 'a.b+c(d)', '[^x]', '[[x]', '[&&b]', '[~~]', '[||]', '[!]', '[]', '[]-]',
        '*.[ch]', 'x*y*', '*?*', '?*?', '[a-b-c]', '[b-a-c]', '[a-zA-Z0-9_]', '[%-#]',
        '\\*', 'a\\b', '[!a-c]x*', '*[]', 'é*ü', '', '***', 'a**', '[a-z--/]', '[!!]']
for p in pats:
    print(repr(p), repr(fnmatch.translate(p)))

names = ['', 'a', 'b', 'abc', 'aXbYc', 'ab', 'x.py', '.hidden', 'A.PY', ']', '!', '-',
         'z', 'aaab', 'abab', 'a\nb', '\n', 'x.c', 'x.h', 'xy', 'xzy', 'é-ü', 'éü', '^', '[',
         '&', '~', '|', '\\', '*', 'a.b+c(d)', '[x', '[x]', 'ax', 'a[b', '0', '_', '#', '%']
for p in pats:
    print(repr(p), [n for n in names if fnmatch.fnmatchcase(n, p)])
    print(' filter', fnmatch.filter(names, p) == [n for n in names if fnmatch.fnmatch(n, p)])

print(fnmatch.fnmatch('A.PY', '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'))
print(fnmatch.fnmatch(b'abc.txt', b'*.txt'), fnmatch.fnmatchcase(b'abc', b'[!a]*'))
print(fnmatch.filter([b'a', b'b\xff', b'c'], b'[!a]*'))
print(fnmatch.fnmatchcase(b'\xe9', b'[\xe0-\xff]'))
print(fnmatch.filter(iter(['x1', 'y1', 'x2']), 'x?'))
for bad in [(1, '*'), ('a', 1), (b'a', '*'), ('a', b'*')]:
    try:
        print(fnmatch.fnmatch(*bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    fnmatch.translate(5)
except Exception as e:
    print(type(e).__name__)
print(sorted(fnmatch.__all__))
# many stars must not be slow
print(fnmatch.fnmatchcase('a' * 60 + 'b', '*a*a*a*a*a*a*a*a*a*a*c'))
print(fnmatch.fnmatchcase('ab' * 30, '*a*b*ab*b'))
