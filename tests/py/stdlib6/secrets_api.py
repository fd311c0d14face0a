# secrets: token helpers, randbelow/randbits/choice ranges, compare_digest and its errors.
import secrets
import string


def attempt(label, func):
    try:
        print(label, repr(func()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(secrets.__all__), secrets.DEFAULT_ENTROPY)
print(secrets.SystemRandom.__name__, secrets.SystemRandom.__module__)
for n in (None, 0, 1, 2, 3, 5, 16, 33):
    b = secrets.token_bytes(n) if n is not None else secrets.token_bytes()
    h = secrets.token_hex(n)
    u = secrets.token_urlsafe(n)
    print(n, type(b).__name__, len(b), len(h), set(h) <= set('0123456789abcdef'),
          len(u), set(u) <= set(string.ascii_letters + string.digits + '-_'))
print(len(secrets.token_bytes(nbytes=4)), len(secrets.token_hex(nbytes=4)), len(secrets.token_urlsafe(nbytes=4)))
print(len({secrets.token_bytes(8) for _ in range(30)}), len({secrets.token_urlsafe() for _ in range(30)}))
for bound in (1, 2, 3, 10, 2**70):
    draws = [secrets.randbelow(bound) for _ in range(300)]
    print(bound, all(0 <= d < bound for d in draws), all(type(d) is int for d in draws))
print(sorted({secrets.randbelow(3) for _ in range(300)}), sorted({secrets.randbits(2) for _ in range(300)}))
print([0 <= secrets.randbits(k) < 2**k for k in (1, 7, 8, 9, 64, 130)], secrets.randbits(0))
print(sorted({secrets.choice('abc') for _ in range(200)}), secrets.choice([None]), secrets.choice(range(7, 8)))
print(isinstance(secrets.SystemRandom(), secrets.SystemRandom), 0.0 <= secrets.SystemRandom().random() < 1.0)
cases = [
    ('str eq', lambda: secrets.compare_digest('abc', 'abc')),
    ('str ne', lambda: secrets.compare_digest('abc', 'abd')),
    ('str len', lambda: secrets.compare_digest('abc', 'ab')),
    ('empty', lambda: secrets.compare_digest('', '')),
    ('bytes eq', lambda: secrets.compare_digest(b'\x00\xff', b'\x00\xff')),
    ('bytes ne', lambda: secrets.compare_digest(b'\x00\xff', b'\x00\xfe')),
    ('bytes len', lambda: secrets.compare_digest(b'abc', b'abcd')),
    ('bytearray', lambda: secrets.compare_digest(bytearray(b'ab'), b'ab')),
    ('memoryview', lambda: secrets.compare_digest(memoryview(b'ab'), bytearray(b'ab'))),
    ('memoryview ne', lambda: secrets.compare_digest(memoryview(b'ab'), b'ac')),
    ('str bytes', lambda: secrets.compare_digest('a', b'a')),
    ('bytes str', lambda: secrets.compare_digest(b'a', 'a')),
    ('non-ascii', lambda: secrets.compare_digest('\xe9', '\xe9')),
    ('non-ascii one', lambda: secrets.compare_digest('a', '\xe9')),
    ('ints', lambda: secrets.compare_digest(1, 1)),
    ('str int', lambda: secrets.compare_digest('a', 1)),
    ('bytes int', lambda: secrets.compare_digest(b'a', 1)),
    ('int bytes', lambda: secrets.compare_digest(1, b'a')),
    ('none none', lambda: secrets.compare_digest(None, None)),
    ('list list', lambda: secrets.compare_digest([1], [1])),
    ('randbelow 0', lambda: secrets.randbelow(0)),
    ('randbelow -5', lambda: secrets.randbelow(-5)),
    ('randbelow float', lambda: secrets.randbelow(2.5)),
    ('randbelow str', lambda: secrets.randbelow('3')),
    ('randbits neg', lambda: secrets.randbits(-1)),
    ('randbits float', lambda: secrets.randbits(1.5)),
    ('choice empty', lambda: secrets.choice([])),
    ('token_bytes neg', lambda: secrets.token_bytes(-1)),
    ('token_bytes str', lambda: secrets.token_bytes('a')),
    ('token_hex neg', lambda: secrets.token_hex(-1)),
    ('token_urlsafe float', lambda: secrets.token_urlsafe(1.5)),
]
for label, func in cases:
    attempt(label, func)
