# str methods: results and CPython's error messages.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

s = '  Hello, World  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), 'xxhixx'.strip('x'), '\u2003é\u2003'.strip(), 'ééaéé'.strip('é'))
print('abc'.upper(), 'ÀBÇ'.lower(), 'hello wORLD'.title(), "they're bill's".title(), 'hELLO'.capitalize(), 'AbÇ'.swapcase())
print('ß'.upper(), 'ﬁx'.upper(), 'İ'.lower(), 'ΣΑΣ'.lower(), 'ΑΣ Σ'.lower(), 'ß'.casefold(), 'ǅ'.title(), 'ǆa'.capitalize())
print('a,b,,c'.split(','), 'a b  c'.split(), ' a  b '.split(' '), 'a,b,c'.split(',', 1), 'a\u3000b\x85c'.split())
print('a,b,c'.rsplit(',', 1), 'x'.split(','), ''.split(), ''.split(','), '  a b c  '.split(None, 1), '  a b c  '.rsplit(None, 1))
print('a1b1c'.split('1', maxsplit=0), 'aXbXc'.rsplit(sep='X', maxsplit=-1), 'é✓é✓'.split('✓'))
print('-'.join(['a', 'b', 'c']), ''.join(reversed('abc')), ', '.join(str(i) for i in range(3)), 'é'.join('xyz'), ''.join([]))
print('aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2), 'éé'.replace('é', 'e'), 'abc'.replace('x', 'y'))
print('hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'), 'hello'.index('e'), 'hello'.rindex('l'), 'héllo'.find('l'), 'héllo'.rfind('l', 0, 3))
print('hello'.find('l', 3), 'hello'.find('l', 4), 'hello'.count('l'), 'aaaa'.count('aa'), 'abc'.count(''), 'abc'.count('', 1), 'abc'.find('', 5), 'éé'.count(''))
print('hello'.find('', 2**80), 'hello'.find('h', -2**80), 'abcabc'.count('b', None, 4), 'abc'.index('c', -1))
print('hello'.startswith('he'), 'hello'.endswith('lo'), 'hello'.startswith(('x', 'h')), 'hello'.endswith('l', 0, 4), 'héllo'.startswith('él', 1), ''.startswith(''), 'a'.startswith('', 2))
print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'), 'abc'.rpartition('x'))
print('42'.zfill(5), '-42'.zfill(5), '+é'.zfill(4), 'ab'.center(6, '*'), 'ab'.center(5, '*'), 'abc'.center(6), 'ab'.ljust(5, '.'), 'ab'.rjust(5), 'é'.center(4, '✓'))
print('123'.isdigit(), '12a'.isdigit(), 'abc'.isalpha(), 'ab1'.isalnum(), ' \t\n'.isspace(), ''.isdigit(), '²'.isdigit(), '²'.isdecimal(), '½'.isnumeric(), '٣'.isdecimal())
print('abc'.islower(), 'ABC'.isupper(), 'Title Case'.istitle(), 'hello_1'.isidentifier(), '1x'.isidentifier(), 'éx'.isidentifier(), 'αβγ'.isalpha(), 'ΑΒΓ'.isupper(), 'ab1'.islower(), '1'.islower())
print('ab\x00'.isprintable(), 'é✓'.isprintable(), '\u200b'.isprintable(), ''.isprintable(), 'abc'.isascii(), 'é'.isascii(), '日本'.isalpha(), 'Ⅻ'.isnumeric())
print('one\ntwo\r\nthree\rfour\x0bfive\x0c\x1c\x1d\x1e\x85\u2028\u2029end'.splitlines(), 'a\nb\n'.splitlines(), 'a\nb\r\n'.splitlines(True), ''.splitlines(), 'x'.splitlines(keepends=True))
print('www.example.com'.lstrip('w.'), 'file.txt.bak'.rstrip('.bak'), 'prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('z'), 'abc'.removesuffix(''))
print('a\tb'.expandtabs(4), 'a\tbc\td'.expandtabs(), '\tx\n\ty'.expandtabs(2), 'a\tb'.expandtabs(0), 'é\tx'.expandtabs(tabsize=3))
print('a1b2c3'.translate(str.maketrans('abc', 'xyz')), 'abc'.translate({97: None, 98: 'BB', 99: 100}), 'hello'.translate(str.maketrans('', '', 'l')), str.maketrans({'a': 'b', 98: None}))
print('abc'.encode(), 'é✓'.encode('utf-8'), 'é'.encode('latin-1'), 'é✓'.encode('ascii', 'replace'), 'é✓'.encode('ascii', 'ignore'), 'é✓'.encode('ascii', 'backslashreplace'), 'é✓'.encode('ascii', 'xmlcharrefreplace'), 'é'.encode(encoding='UTF8'))
print('\udcff\udc80'.encode('utf-8', 'surrogateescape'), '\ud800'.encode('utf-8', 'surrogatepass'), '\ud800x'.encode('utf-8', 'replace'))
for label, f in [
    ('upper(1)', lambda: 'a'.upper(1)),
    ('split 3', lambda: 'a'.split(1, 2, 3)),
    ('split kw', lambda: 'a'.split(x=1)),
    ('split dup', lambda: 'a'.split('a', sep='b')),
    ('split type', lambda: 'a'.split(1)),
    ('split empty', lambda: 'a'.split('')),
    ('rsplit max', lambda: 'a'.rsplit(maxsplit='x')),
    ('find()', lambda: 'a'.find()),
    ('find(1)', lambda: 'a'.find(1)),
    ('find 4', lambda: 'a'.find('a', 1, 2, 3)),
    ('find kw', lambda: 'a'.find(sub='a')),
    ('find idx', lambda: 'ab'.count('a', None, 'x')),
    ('index', lambda: 'a'.index('b')),
    ('rindex', lambda: 'a'.rindex('b')),
    ('center()', lambda: 'a'.center()),
    ('center x', lambda: 'a'.center('x')),
    ('center fill', lambda: 'a'.center(3, 'xx')),
    ('ljust fill', lambda: 'a'.ljust(3, 1)),
    ('ljust big', lambda: 'a'.ljust(2**70)),
    ('replace 1', lambda: 'a'.replace('a')),
    ('replace int', lambda: 'a'.replace(1, 2)),
    ('replace kw', lambda: 'a'.replace('a', 'b', count=1)),
    ('startswith', lambda: 'a'.startswith(1)),
    ('startswith t', lambda: 'a'.startswith((1,))),
    ('endswith()', lambda: 'a'.endswith()),
    ('join 1', lambda: 'a'.join(1)),
    ('join item', lambda: ''.join(['a', 1])),
    ('join()', lambda: 'a'.join()),
    ('strip 1', lambda: 'a'.strip(1)),
    ('strip 2', lambda: 'a'.strip('a', 'b')),
    ('partition', lambda: 'a'.partition(1)),
    ('partition e', lambda: 'a'.partition('')),
    ('removeprefix', lambda: 'a'.removeprefix(1)),
    ('zfill', lambda: 'a'.zfill('x')),
    ('expandtabs', lambda: 'a'.expandtabs('x')),
    ('splitlines', lambda: 'a'.splitlines(x=1)),
    ('maketrans 1', lambda: str.maketrans(1)),
    ('maketrans len', lambda: str.maketrans('ab', 'c')),
    ('maketrans key', lambda: str.maketrans({'ab': 1})),
    ('maketrans 3', lambda: str.maketrans('a', 'b', 1)),
    ('translate', lambda: 'a'.translate({97: 1.5})),
    ('translate r', lambda: 'a'.translate({97: 0x110000})),
    ('encode 1', lambda: 'a'.encode(1)),
    ('encode x', lambda: 'a'.encode('x')),
    ('encode ascii', lambda: 'aé'.encode('ascii')),
    ('encode latin', lambda: 'a✓✓b'.encode('latin-1')),
    ('encode sur', lambda: 'a\ud800\udc00'.encode()),
    ('encode handler', lambda: 'é'.encode('ascii', 'bogus')),
    ('isdigit(1)', lambda: 'a'.isdigit(1)),
    ('descriptor', lambda: str.upper(1)),
]:
    show(label, f)
