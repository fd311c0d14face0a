# Exercises shlex: split (posix and not, comments), quote, join and the
# shlex class (wordchars, punctuation_chars, push_token, lineno, errors).
import shlex


from _show import show


cases = ['a b c', '  leading  and   trailing  ', 'a "b c" d', "a 'b c' d", 'a\\ b c',
         '"a\\"b"', "'a\\'b'", '"a\\\\b"', '"a\\nb"', 'a"b c"d', "x''y", '""', "''", 'a # comment',
         'a#b', 'echo $HOME "$USER" \'$x\'', 'a\tb\nc', '"unterminated', "'unterminated",
         'trailing\\', '\\\\', 'é ß x', 'foo=bar --opt="a b"', 'a;b|c&&d', '"a b"c\'d e\'', '',
         '"nested \'single\' quotes"', "'nested \"double\" quotes'", '\\"', 'a\\\nb', '#only comment',
         'x "" y', '"\\$"', "a\\'b"]
for s in cases:
    show('split %r' % s, lambda: shlex.split(s))
    show('split nonposix %r' % s, lambda: shlex.split(s, posix=False))
    show('split comments %r' % s, lambda: shlex.split(s, comments=True))
for s in ['', 'simple', 'with space', "it's", 'a"b', '$var', 'safe@%+=:,./-_', 'tab\t', 'é', '*']:
    print(repr(s), shlex.quote(s))
print(shlex.join(['echo', 'hello world', "it's", '']), shlex.split(shlex.join(['a b', "c'd"])))


def tokens(lex):
    out = []
    while True:
        tok = lex.get_token()
        if tok == lex.eof:
            return out
        out.append((tok, lex.lineno))


print(tokens(shlex.shlex('a = b + c(1, 2) # comment\nnext "str ing" x.y')))
print(tokens(shlex.shlex('a = b + c(1, 2) # comment\nnext "str ing" x.y', posix=True)))
print(list(shlex.shlex('a && b || c; d > e', punctuation_chars=True)))
print(list(shlex.shlex('~/a.txt && ls -l >> out', posix=True, punctuation_chars=True)))
print(list(shlex.shlex('a(b)c', punctuation_chars='()')))
lex = shlex.shlex('one two three')
first = lex.get_token()
lex.push_token('pushed')
print(first, lex.get_token(), lex.get_token(), list(lex))
lex = shlex.shlex('x', posix=True)
print(lex.eof, lex.get_token(), lex.get_token(), lex.error_leader('file', 3), lex.punctuation_chars)
lex = shlex.shlex('key=value pair', posix=True)
lex.wordchars += '='
print(list(lex))
lex = shlex.shlex('a,b;c', posix=True)
lex.whitespace = ' ,;'
print(list(lex))
show('no escaped', lambda: list(shlex.shlex('a\\', posix=True)))
