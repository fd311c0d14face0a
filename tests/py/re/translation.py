# Python syntax and semantics that must be rewritten for RE2.
import re

print(re.findall(r'\w+', 'naïve café Ωmega_2 ٣٤'), re.findall(r'\W+', 'a,é!b'))
print(re.findall(r'\d+', 'x٣٤5y'), re.findall(r'\D+', '1ab٣c'), re.findall(r'\S+', 'a\u2003b\u00a0c'))
print(re.findall(r'[^\W\d_]+', 'ab1cé_d'), re.findall(r'[\s,]+', 'a, b\u3000c'))
print(re.findall(r'\w+', 'naïve', re.A), re.findall(r'[\w]+', 'naïve', re.ASCII), re.findall(r'\s', '\v\x1c', re.A))
print(re.findall(rb'\w+', b'ab\xe9cd'), re.findall(rb'[\xe0-\xff]', b'a\xe9\xff'), re.findall(rb'\s', b'\x0b'))
print(re.search(r'x$', 'x\n').span(), re.search(r'x$', 'x\n\n'), re.search(r'x\Z', 'x\n'), re.fullmatch(r'x$', 'x\n'))
print(re.findall(r'^.*$', 'one\ntwo\n'), re.findall(r'(?m)^.*$', 'one\ntwo\n'), re.split(r'$', 'a\n'))
print(re.match(r'\x41\u0042\U00000043\101\0', 'ABCA\x00').group(), re.findall(r'[\x41-\x43]', 'ABCD'))
print(re.findall(r'a{,2}', 'aaa'), re.findall(r'a{2}', 'aaaaa'), re.findall(r'x{', 'x{'), re.findall(r'a{1,}?', 'aa'))
print(re.findall(r'[]a]', 'a]b'), re.findall(r'[^]a]', 'a]b'), re.findall(r'[a-]', 'a-b'), re.findall(r'[\]\\]', 'a]\\'))
print(re.findall(r'(?#comment)a(?i:b)c', 'abc aBc ABC'), re.findall(r'a(?-i:b)', 'AB Ab', re.I))
print(re.findall(r'(?s).', 'a\nb'), re.findall(r'(?x) a b # c', 'ab a b'), re.findall(r'[.]', 'a.b'))
print(re.findall(r'\bb\w', 'ab bc b_'), re.findall(r'\t|\n', 'a\tb\nc'), re.findall(r'\$\^\.', '$^.'))
print(re.sub('x*', '-', 'abxd'), re.sub('(?i)K', '!', 'kK'), re.split(r'(?<=,)' if False else ',', 'a,b'))
v = re.compile(r'''(?P<num> \d+ )  # digits
                   \ [#]          # a space, then a literal hash
                   (?P<tag>[ a-z]+)''', re.VERBOSE)
print(v.match('12 #ab c').groupdict(), v.groupindex)
print(re.sub(rb'(\w)(\d)', rb'\2\1', b'a1 b2'), re.subn(rb'', b'-', b'ab'), re.split(rb'\s+', b'a  b'))
print(re.findall(r'[^a]', '\n'), re.search('(?i)ǅ', 'ǆ') is not None, re.match('(?i)[a-c]+', 'AbC').group())
