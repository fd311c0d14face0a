# bytes and bytearray: construction, operators, methods, mutation and messages.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

b = b'hello'
print(b, b[0], b[-1], b[1:3], b[::-1], b[::2], len(b), list(b[:2]), b[10:], b'' == bytes())
print(b + b' world', b * 2, 2 * b, b'ell' in b, 104 in b, b'' in b, 300 in b'a' if False else None)
print(bytes([65, 66, 67]), bytes(3), bytes('hé', 'utf-8'), bytes(range(65, 70)), bytes(iter([1, 2])), bytes(bytearray(b'x')), bytes(b'ab'))
for v in [b"it's", b'say "hi"', b'both \' and "', b'\x00\x7f\x80\xff\n\t\r\\', b'']:
    print(repr(v), str(v), repr(bytearray(v)))
print(b.decode(), b.upper(), b.split(b'l'), b'-'.join([b'a', bytearray(b'b')]), b.replace(b'l', b'L'), b.replace(b'l', b'L', 1))
print(b.find(b'l'), b.rfind(b'l'), b.find(108), b.count(b'l'), b.count(b''), b.startswith(b'he'), b.endswith((b'x', b'lo')), b.strip(b'ho'), b.index(b'o'))
print(b.hex(), b'\x00\xff'.hex(), b'abc'.hex(':'), b'abcde'.hex('-', 2), b'abcde'.hex(b'|', -2), bytes.fromhex('48 69'), bytes.fromhex(''), bytearray.fromhex('ff00'))
print(b'a b  c'.split(), b' x '.strip(), b'  a b  '.rsplit(None, 1), b'a,b,c'.rsplit(b',', 1), b'ab'.ljust(4, b'.'), b'ab'.rjust(4), b'ab'.center(5, b'*'))
print(b'Hello World'.lower(), b'hello world'.title(), b'hELLO'.capitalize(), b'AbC'.swapcase(), b'-42'.zfill(5), b'a\tb'.expandtabs(4))
print(b'abc'.isalpha(), b'12'.isdigit(), b'a1'.isalnum(), b' \t'.isspace(), b'ab'.islower(), b'AB'.isupper(), b'Ab Cd'.istitle(), b''.isalpha(), b'\x80'.isascii())
print(b'a=b=c'.partition(b'='), b'a=b=c'.rpartition(b'='), b'abc'.partition(b'x'), b'prefix'.removeprefix(b'pre'), b'file.py'.removesuffix(b'.py'))
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\n'.splitlines(True), b'ab'.translate(None, b'a'), b'abc'.translate(bytes.maketrans(b'abc', b'xyz')))
print(b'%d-%s-%r-%x-%c-%c|%5s|%-4b|' % (5, b'x', b'y', 255, 65, b'z', b'ab', b'c'), b'%(k)s' % {b'k': b'v'}, b'%a' % 'é', b'%%' % ())
print(b'caf\xc3\xa9'.decode(), b'\xff'.decode('latin-1'), b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('ascii', 'ignore'), b'a\xff'.decode('utf-8', 'backslashreplace'), b'\xff'.decode('utf-8', 'surrogateescape') == '\udcff')
print(b'abc' == b'abc', b'abc' < b'abd', b'a' == 'a', bytearray(b'a') == b'a', bytearray(b'a') < b'b', b'ab' >= bytearray(b'ab'), hash(b'ab') == hash(b'a' + b'b'))
print(type(b[0]).__name__, type(b[0:1]).__name__, [x for x in b'AZ'], list(bytearray(b'hi')))
ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba.extend([103, 104])
ba[0] = 65
print(ba, len(ba), bytes(ba), ba.pop(), ba.pop(0), ba)
ba.insert(0, 120)
ba.insert(-100, 121)
ba.insert(100, 122)
ba.remove(99)
print(ba, ba.copy(), ba[1:3], ba[::-1], type(ba[1:3]).__name__, ba.upper(), type(ba.upper()).__name__)
ba[1:3] = b'XYZ'
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba[0:1] = [1, 2, 3]
del ba[1:]
print(ba)
ba += b'xy'
ba *= 2
ba.reverse()
print(ba, bytearray(2), bytearray([1, 2]) + b'\x03', bytearray(b'xy') == b'xy', bytearray('é', 'utf-8'))
ba.clear()
print(ba, bytearray(b'x') * 3, bytearray(b'-').join([b'a', b'b']))
s = bytearray(b'abc')
s[1:2] = s
print(s)
class B(bytes):
    pass
x = B(b'abc')
x.tag = 1
print(x, type(x).__name__, x.tag, x + b'd', type(x + b'd').__name__, x[0], len(x), x == b'abc', hash(x) == hash(b'abc'))
for label, f in [
    ('find str', lambda: b'a'.find('a')),
    ('find 300', lambda: b'a'.find(300)),
    ('split str', lambda: b'a'.split('a')),
    ('split empty', lambda: b'a'.split(b'')),
    ('join str', lambda: b'a'.join(['a'])),
    ('concat', lambda: b'a' + 'a'),
    ('concat ba', lambda: bytearray(b'a') + 'a'),
    ('startswith', lambda: b'a'.startswith('a')),
    ('replace', lambda: b'a'.replace('a', 'b')),
    ('strip', lambda: b'a'.strip('a')),
    ('mul', lambda: b'a' * 1.5),
    ('index', lambda: b'a'[5]),
    ('index ba', lambda: bytearray(b'a')[5]),
    ('index type', lambda: b'a'[1.5 if True else 0]),
    ('index ba type', lambda: bytearray(b'a')['x' if True else 0]),
    ('bytes(-1)', lambda: bytes(-1)),
    ('bytes([256])', lambda: bytes([256])),
    ('bytearray([256])', lambda: bytearray([256])),
    ("bytes(['a'])", lambda: bytes(['a'])),
    ("bytes('a')", lambda: bytes('a')),
    ('bytes bogus', lambda: bytes('a', 'bogus')),
    ('bytes(1.5)', lambda: bytes(1.5)),
    ('bytearray(1.5)', lambda: bytearray(1.5)),
    ('bytes enc', lambda: bytes(b'a', 'utf-8')),
    ('fromhex zz', lambda: bytes.fromhex('zz')),
    ('fromhex odd', lambda: bytes.fromhex('a')),
    ('fromhex 1', lambda: bytes.fromhex(1)),
    ('compare', lambda: b'a' < 'a'),
    ('in str', lambda: 'a' in b'a'),
    ('in 300', lambda: 300 in b'a'),
    ('hash ba', lambda: hash(bytearray())),
    ('center', lambda: b'ab'.center(5, 'x')),
    ('center 2', lambda: b'ab'.center(5, b'xy')),
    ('translate', lambda: b'ab'.translate(b'x')),
    ('decode', lambda: b'\xe2\x82'.decode()),
    ('decode 2', lambda: b'a\xe2\x82b'.decode()),
    ('decode 3', lambda: b'\xed\xa0\x80'.decode()),
    ('decode ascii', lambda: b'\xf8'.decode('ascii')),
    ('decode bogus', lambda: b'a'.decode('bogus')),
    ('decode arg', lambda: b'a'.decode(1)),
    ('rindex', lambda: b'ab'.index(b'z')),
    ('% str', lambda: b'%s' % 'a'),
    ('% args', lambda: b'%s %s' % (b'a',)),
    ('% x float', lambda: b'%x' % 3.5),
]:
    show(label, f)
ba = bytearray(b'abc')
for label, f in [
    ('setitem 300', lambda: ba.__setitem__(0, 300)),
    ('slice int', lambda: ba.__setitem__(slice(0, 2), 5)),
    ('slice str', lambda: ba.__setitem__(slice(0, 2), 'x')),
    ('ext slice', lambda: ba.__setitem__(slice(None, None, 2), b'xyz')),
    ('del 5', lambda: ba.__delitem__(5)),
    ('extend 1', lambda: ba.extend(1)),
    ('extend 300', lambda: ba.extend([300])),
    ('extend str', lambda: ba.extend('ab')),
    ('append str', lambda: ba.append('a')),
    ('iadd str', lambda: ba.__iadd__('a')),
    ('insert', lambda: ba.insert('x', 1)),
    ('pop 5', lambda: ba.pop(5)),
    ('pop empty', lambda: bytearray().pop()),
    ('remove', lambda: ba.remove(5)),
    ('remove 300', lambda: ba.remove(300)),
    ('setitem 10', lambda: ba.__setitem__(10, 1)),
]:
    show(label, f)
print(ba)
