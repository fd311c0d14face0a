import shlex, io

cases = ['a b c', "a 'b c' d", 'a "b c" d', 'a\\ b', "'a'\"b\"c", 'x="a b"', "it's",
         'a "b\\"c" d', "a 'b\\'c", 'a # comment\nb', 'a#b', '"a#b"', '  lead trail  ',
         'a\\\nb', '"a\\\\b"', "'a\\\\b'", '"\\$x \\` \\q"', '', 'a;b|c&&d', 'é ü-x',
         'a\tb\nc', '"" \'\'', 'a""b', 'x\\', '"unterminated', "'open", 'a \\"b', 'ß=1 \\x']
for c in cases:
    for posix in (True, False):
        for comments in (False, True):
            try:
                r = shlex.split(c, comments=comments, posix=posix)
            except Exception as e:
                r = (type(e).__name__, str(e))
            print(repr(c), posix, comments, r)

for s in ['', 'abc', 'a b', "it's", 'a"b', '$x', 'safe_-+=:,./@%', 'é', '\n', "'", '*', 'a\\b']:
    print(repr(s), shlex.quote(s))
try:
    shlex.quote(5)
except Exception as e:
    print(type(e).__name__)
print(shlex.join(['a', 'b c', "d'e", '']))
print(shlex.join(x for x in ['p', 'q r']))

def toks(lex):
    out = []
    while True:
        t = lex.get_token()
        if t == lex.eof:
            break
        out.append(t)
    return out

lx = shlex.shlex('a=b, c.d "q s" 12 x-y # cmt\nz')
print(repr(lx.wordchars), repr(lx.whitespace), repr(lx.quotes), repr(lx.escape),
      repr(lx.commenters), repr(lx.eof), lx.posix, lx.whitespace_split, lx.lineno,
      repr(lx.punctuation_chars), lx.infile, repr(lx.escapedquotes))
print(toks(lx), lx.lineno)
lx = shlex.shlex('a=b, c.d "q s" 12 x-y # cmt\nz', posix=True)
print(repr(lx.eof), toks(lx))
lx = shlex.shlex('a && b || c; (d) > e >> f 2>&1 | g', punctuation_chars=True)
print(repr(lx.punctuation_chars), repr(lx.wordchars), lx.whitespace_split)
print(list(lx))
lx = shlex.shlex('a && b;c', punctuation_chars='&;')
print(list(lx))
lx = shlex.shlex('cmd --opt=x~y a/b*c ./p', posix=True, punctuation_chars=True)
print(list(lx))
lx = shlex.shlex('a b', punctuation_chars=True)
lx.whitespace_split = True
print(list(lx))
lx = shlex.shlex('one two three', posix=True)
print(lx.get_token())
lx.push_token('pushed')
print(lx.get_token(), lx.get_token(), lx.token == '' or lx.token)
lx = shlex.shlex(io.StringIO('x "y z"\nw'), infile='f.txt', posix=True)
print(lx.error_leader(), toks(lx), lx.error_leader(), lx.error_leader('g', 9))
lx = shlex.shlex('first', posix=True)
lx.push_source('pre source')
print(toks(lx))
lx = shlex.shlex('a "b', posix=True)
try:
    print(toks(lx))
except Exception as e:
    print(type(e).__name__, e)
lx = shlex.shlex('a \\', posix=True)
try:
    print(toks(lx))
except Exception as e:
    print(type(e).__name__, e)
lx = shlex.shlex("a 'b", posix=False)
try:
    print(toks(lx))
except Exception as e:
    print(type(e).__name__, e)
lx = shlex.shlex('x y', posix=True)
lx.whitespace = ' '
lx.wordchars += '-'
print(list(shlex.shlex('ab-cd ef', posix=True)))
lx = shlex.shlex('a:b c', posix=True)
lx.whitespace += ':'
print(list(lx))
try:
    shlex.shlex('x', punctuation_chars=True).punctuation_chars = 'x'
except Exception as e:
    print(type(e).__name__)
print(sorted(shlex.__all__))
lx = shlex.shlex('a "b c" d', posix=True)
lx.quotes = ''
print(list(lx))
lx = shlex.shlex("a 'b''c' d")
print(list(lx))
