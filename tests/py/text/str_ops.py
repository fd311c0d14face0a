# str: construction, operators, indexing, slicing, iteration, comparisons, repr.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = 'héllo wörld ✓ 😀'
print(len(s), s[0], s[1], s[-1], s[-2], s[3:9], s[::-1], s[::3], s[-3::-2])
print(s[100:], s[-100:2], s[5:2], len(s[:]))
print([c for c in 'aé✓😀'], list(iter('xyz')))
print('ab' + 'cd', 'ab' * 3, 3 * 'é', 'x' * 0, 'x' * -1, 'ab' * True)
print('a' < 'b', 'é' > 'z', '😀' > '✓', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'a' <= 'a', 'b' >= 'a')
print('a' == 'a', 'a' != 'a', 'é' == '\xe9', 'abc' == 'ab' + 'c')
print('lo w' in s, 'ö' in s, '' in s, 'z' in s)
print(hash('abc') == hash('ab' + 'c'), hash('é✓') == hash('é' + '✓'))
for t in ['abc', "it's", 'say "hi"', 'both \' and "', 'a\nb\t\\', '\x00\x7f\x80\x9f\xa0\xad',
          'é日本', '\u200b\u2028\ufeff', '\U0001f600\U000e0001', '\ud800', 'tab\tand é', '']:
    print(repr(t), ascii(t), str(t) == t)
print(str(), str(42), str(b'ab'), str(b'caf\xc3\xa9', 'utf-8'), str(b'\xff', 'latin-1'), str(b'a\xffb', 'utf-8', 'replace'))
print(str(object='x'), str(b'abc', errors='strict'), str(bytearray(b'xy'), 'ascii'))
show(lambda: 'a' + 1)
show(lambda: 'a' * 1.5)
show(lambda: 'a' * 'b')
show(lambda: 'abc'[3])
show(lambda: 'abc'[-4])
key = 'x'
show(lambda: 'abc'[key])
key = 1.0
show(lambda: 'abc'[key])
show(lambda: 'abc'[2**70])
show(lambda: 'abc'[::0])
show(lambda: 1 in 'abc')
show(lambda: 'a' < 1)
show(lambda: str(1, 'utf-8'))
show(lambda: str('a', 'utf-8'))
show(lambda: str(b'a', 'bogus'))
show(lambda: str(b'\xff', 'utf-8'))
show(lambda: str(x=1))
show(lambda: str(1, 2, 3, 4))
show(lambda: 'a' * (2**63))
class S(str):
    def shout(self):
        return self.upper() + '!'
x = S('hey')
print(x.shout(), x + ' you', len(x), isinstance(x, str), x == 'hey', type(x + 'x').__name__, type(str(x)).__name__)
x.attr = 5
print(x.attr, repr(x), x[1], hash(x) == hash('hey'), {x: 1}['hey'])
print('%s|%r' % (x, x), '{}'.format(x), f'{x}')
it = iter('ab')
print(next(it), next(it), next(it, 'end'))
print(sorted(['b', 'é', 'a', 'B', 'Z', '😀', '✓']), max('hello'), min('hello'))
print('abc'.__len__(), 'abc'.__getitem__(1), 'ab'.__add__('cd'), 'abc'.__contains__('b'), 'a'.__mul__(3))
print('ab'.__eq__('ab'), 'ab'.__lt__('b'), 'a'.__ne__(1), 'a'.__getnewargs__(), 'x'.__mod__(()))
