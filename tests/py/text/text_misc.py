# Subclasses of str/bytes/bytearray, __bytes__, dunder methods and mixed conversions.
class S(str):
    pass
s = S('abc')
print(type(s).__name__, repr(s), s.upper(), type(s.upper()).__name__, type(s[0:2]).__name__, type(s * 1).__name__, type(s + '').__name__)
print(str.__new__(S, 'q'), type(str.__new__(S, 'q')).__name__, S(), S(b'hi', 'ascii'))
print(type(iter('abc')).__name__ in ('str_iterator', 'str_ascii_iterator'), list(reversed('abé')))
print(str.join(',', ['a', 'b']), str.split('a b'), ''.join(map(str, range(5))))
print('é'.__hash__() == hash('é'), 'abc'.__str__(), 'abc'.__repr__(), 'abc'.__format__('>4'))
print(sorted({'b': 1, 'a': 2}), 'x'.__class__, str.__name__, str.mro())
print(len(set(['a', 'a' + '', ''.join(['a'])])), 'ab' in {'ab': 1}, {'é': 1}['é'])
x = 'abc'
x += 'd'
x *= 2
print(x, x.count('d'), x.split('d'))
print('%s %s' % ('a', S('b')), '%(a)s' % {'a': S('z')}, f'{S("q")!r:>6}')
print(b'abc'.__len__(), bytes.__name__, bytearray.__name__, type(b'ab' * 2).__name__)
class B(bytes):
    def hi(self):
        return 'hi ' + self.decode()
print(B(b'xy').hi(), B(3), type(B(3)).__name__, B([65]), bytes(B(b'q')))
class BA(bytearray):
    pass
z = BA(b'abc')
z.append(100)
z.k = 1
print(z, z.k, type(z + b'x').__name__, len(z))
class WithBytes:
    def __bytes__(self):
        return b'custom'
print(bytes(WithBytes()), b"%s" % WithBytes())
print(str(bytearray(b'ab')), repr(bytes(0)), b''.join([]), bytes([]), b'a' * 0)
for ch in 'é✓':
    print(ch.encode(), ch.encode('utf-8'), ord(ch))
print('\N{GREEK SMALL LETTER ALPHA}' if False else 'α', '\x41', 'tab\t'.expandtabs(), 'a' 'b')
print(str(1.5), str(-0.0), str(10**20), str(True), str((1, 'a')), str({'a': [1]}))
print(repr('\\'), repr("'\""), ascii('é\n'), ascii(['é']))
print(max(['b', 'a', 'é']), min('é✓a'), 'a' < 'é' < '✓' < '😀')
try:
    bytearray(WithBytes())
except TypeError as e:
    print('TypeError:', e)
