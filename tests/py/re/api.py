# Pattern and Match API: attributes, reprs, pos/endpos, group access, expand, cache and purge.
import re

p = re.compile(r'(?P<word>[a-z]+)(\d*)')
print(repr(p), p.pattern, p.groups, p.groupindex, p.flags == re.UNICODE)
print(repr(re.compile('a+', re.I | re.M)), repr(re.compile(b'x')))
m = p.search('>> abc42 def', 1, 9)
print(repr(m), m.pos, m.endpos, m.string, m.re is p)
print(m.group(), m.group(0, 'word', 2), m['word'], m[2], m.groups(), m.groupdict())
print(m.start(), m.end(), m.span('word'), m.span(2), m.lastindex, m.lastgroup, m.regs)
print(m.expand(r'<\g<word>|\2|\g<0>>'), m.expand(b'x'.decode() + r'\1'))
print(p.match('abc', 1).span(), p.match('abc', 0, 2).group(), p.fullmatch('ab1x', 0, 3).span())
print(p.search('abc', -5, 99).span(), p.search('abc', 2, 1), p.match('abc', 3))
print(repr(re.match('', 'x')), repr(re.search(r'\d', 'héllo 7')))
m = re.match(r'(a)(b)?(c)?', 'ac')
print(m.groups(), m.groups(''), m.groupdict(), m.lastindex, m.span(2), m.start(3))
m = re.match(r'(a)()', 'a')
print(m.lastindex, re.match(r'(?:(a)|b)+', 'ab').lastindex, re.match('x', 'x').lastindex)
for bad in [3, -1, 'nope', 1.0]:
    try:
        re.match('(a)', 'a').group(bad)
    except IndexError as e:
        print('IndexError', e)
re.purge()
print(re.compile('same') == re.compile('same'), re.compile('a') != re.compile('a', re.I))
print(re.compile(p) is p, re.search(p, 'zz9').group(2))
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile(5)
except TypeError as e:
    print('TypeError', e)
print(re.escape('a.b c\n'), re.escape(b'1+1'), re.escape('é*'))
print(re.I, re.M | re.S, re.A.value, re.X.value, re.U.value, re.L.value)
