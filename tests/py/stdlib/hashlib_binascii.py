# hashlib digests (OpenSSL) and binascii codecs.
import binascii
import hashlib

for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'blake2b', 'blake2s']:
    h = getattr(hashlib, name)(b'abc')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
h = hashlib.sha256()
h.update(b'hello ')
c = h.copy()
h.update(b'world')
print(h.hexdigest(), c.hexdigest(), h.digest()[:4], len(h.digest()))
print(hashlib.new('SHA256', b'x').hexdigest() == hashlib.sha256(b'x').hexdigest(), hashlib.new('md5').name)
print(hashlib.sha1(bytearray(b'abc')).hexdigest(), hashlib.md5(string=b'abc').hexdigest())
s = hashlib.shake_128(b'abc')
print(s.name, s.digest_size, s.hexdigest(10), len(s.digest(33)))
big = hashlib.sha256(b'a' * 200000).hexdigest()
print(big)
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex(), hashlib.pbkdf2_hmac('sha1', b'pw', b'salt', 2, 8).hex())
for bad in [lambda: hashlib.md5('text'), lambda: hashlib.md5(1), lambda: hashlib.new('nope'), lambda: h.update('x'),
            lambda: s.hexdigest(), lambda: hashlib.new(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

print(binascii.hexlify(b'\x01\xab\xff'), binascii.b2a_hex(b'xyz'), binascii.hexlify(b'\x01\x02\x03', '-'),
      binascii.hexlify(b'\x01\x02\x03', b':', 2), binascii.hexlify(b'\x01\x02\x03', '-', -2))
print(binascii.unhexlify('01abFF'), binascii.a2b_hex(b'0A0b'))
print(binascii.b2a_base64(b''), binascii.b2a_base64(b'a'), binascii.b2a_base64(b'ab'), binascii.b2a_base64(b'abc'),
      binascii.b2a_base64(b'abcd', newline=False))
print(binascii.a2b_base64('YWJjZA=='), binascii.a2b_base64(b'Y W J j\n'), binascii.a2b_base64('YW!Jj'), binascii.a2b_base64('YQ==YWJj'),
      binascii.a2b_base64('YWJj='))
print(binascii.crc32(b'hello'), binascii.crc32(b' world', binascii.crc32(b'hello')), binascii.crc32(b'hello world'),
      binascii.crc32(b''), binascii.crc32(b'x', -1), binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'abc', 0xFFFF))
for bad in [lambda: binascii.unhexlify('abc'), lambda: binascii.unhexlify('zz'), lambda: binascii.unhexlify('\xe9'),
            lambda: binascii.unhexlify(1), lambda: binascii.a2b_base64('YWJjZ'), lambda: binascii.a2b_base64('YWJjZA'),
            lambda: binascii.a2b_base64('YW!Jj', strict_mode=True), lambda: binascii.a2b_base64('=YWJj', strict_mode=True),
            lambda: binascii.a2b_base64('YQ==YQ', strict_mode=True), lambda: binascii.a2b_base64('YQ=a', strict_mode=True),
            lambda: binascii.b2a_base64('abc'), lambda: binascii.hexlify(b'ab', '--'), lambda: binascii.b2a_hex('ab')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), binascii.Incomplete.__mro__[1].__name__)
