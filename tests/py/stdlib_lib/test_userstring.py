# collections.UserString: str methods on .data, new strings of the subclass, plain results as str.
from collections import UserString
class U(UserString): pass
u = U('Hello World')
print(repr(u), str(u), len(u), u[1:4], type(u[1:4]).__name__, u == 'Hello World', u < 'Z', 'World' in u, U('or') in u)
print(u + '!', type(u + '!').__name__, '>' + u, type('>' + u).__name__, u * 2, 3 * U('ab'))
print(u.upper(), type(u.upper()).__name__, u.center(15, '*'), u.replace(U('o'), '0'), u.split(), u.partition(' '))
print(u.find('o'), u.rfind(U('o')), u.count('l'), u.index('W'), u.startswith('He'), u.endswith(('d', 'x')))
print(u.join(['a', 'b']), type(u.join(['a', 'b'])).__name__, u.format(), U('{0}-{x}').format(1, x=2), u.isalpha(), u.strip('Hd'))
print(U('%s=%d') % ('a', 1), hash(u) == hash('Hello World'), u.encode(), int(U('42')) + 1, sorted([U('b'), U('a')]))
print(u.translate(str.maketrans('lo', 'LO')), u.zfill(14), U('  x ').lstrip(), u.casefold(), u.swapcase(), u.removeprefix('Hello '))
print(list(reversed(U('abc'))), U('a,b').rsplit(','), U('a\nb').splitlines(True), u.expandtabs(), u.title(), u.capitalize())
