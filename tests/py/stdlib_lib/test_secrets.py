# Exercises secrets: token sizes and alphabets, randbelow/randbits ranges (the values
# themselves are random, so only their properties are printed), compare_digest, errors.
import secrets
import string
t = secrets.token_bytes(16)
print(type(t).__name__, len(t), len(secrets.token_bytes()), len(secrets.token_bytes(0)))
h = secrets.token_hex(8)
print(len(h), all(c in '0123456789abcdef' for c in h), len(secrets.token_hex()))
u = secrets.token_urlsafe(12)
print(len(u), all(c in string.ascii_letters + string.digits + '-_' for c in u), len(secrets.token_urlsafe(5)))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(200)), {secrets.randbelow(1) for _ in range(5)})
print(all(0 <= secrets.randbits(5) < 32 for _ in range(100)), secrets.randbits(0), secrets.choice('x'), secrets.choice('abc') in 'abc')
print(isinstance(secrets.SystemRandom(), secrets.SystemRandom), 0 <= secrets.SystemRandom().random() < 1)
print(secrets.compare_digest('abc', 'abc'), secrets.compare_digest('abc', 'abd'), secrets.compare_digest(b'abc', b'ab'),
      secrets.compare_digest(b'ab', bytearray(b'ab')), secrets.compare_digest('', ''))
print(len({secrets.token_hex(16) for _ in range(20)}))
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: secrets.randbelow(0))
show(lambda: secrets.randbelow(-5))
show(lambda: secrets.compare_digest('a', b'a'))
show(lambda: secrets.compare_digest(b'a', 'a'))
show(lambda: secrets.compare_digest('é', 'é'))
show(lambda: secrets.compare_digest(1, 1))
show(lambda: secrets.compare_digest('a', 1))
show(lambda: secrets.compare_digest(b'a', 1))
show(lambda: secrets.choice([]))
show(lambda: secrets.token_bytes(-1))
show(lambda: secrets.token_bytes('a'))
show(lambda: secrets.randbits(-1))
