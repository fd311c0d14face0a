# Exercises base64: Base64 (standard, urlsafe, altchars, strict and lenient
# decoding with CPython's error messages), Base32, Base32hex and Base16.
import base64


from _show import show


samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd']
for s in samples:
    e = base64.b64encode(s)
    print(e, base64.b64decode(e) == s, base64.urlsafe_b64encode(s), base64.b32encode(s),
          base64.b32hexencode(s), base64.b16encode(s))
    assert base64.b32decode(base64.b32encode(s)) == s
    assert base64.b32hexdecode(base64.b32hexencode(s)) == s
    assert base64.b16decode(base64.b16encode(s)) == s
    assert base64.urlsafe_b64decode(base64.urlsafe_b64encode(s)) == s
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'),
      base64.b64decode('+/8='), base64.standard_b64encode(b'xyz'), base64.standard_b64decode(b'eHl6'),
      base64.urlsafe_b64decode('-_8='), base64.b64encode(bytearray(b'ba')))
for s in [b'YQ', b'YQ=', b'YQ==', b'YQ===', b'Y', b'YWJj', b'Y W J j', b'YW=Jj', b'=YWJj', b'YQ==YQ==',
          b'YWJjZA', b'YWJjZ', b'!!!!', b'YQ==x', b'', b'YW\nJj', b'YQ=a=', b'YWJjZGVm\nZ2g=', b'YW==',
          b'Y===', b'YW=', b'YWJjZA==', b'YWJjZA=']:
    for v in (False, True):
        show('b64decode(%r, validate=%s)' % (s, v), lambda: base64.b64decode(s, validate=v))
show('str non-ascii', lambda: base64.b64decode('é'))
show('int arg', lambda: base64.b64decode(5))
show('encode str', lambda: base64.b64encode('x'))
show('altchars', lambda: base64.b64decode(b'YQ==', altchars=b'-'))
for f, a in [(base64.b32decode, b'NBSWY3D'), (base64.b32decode, b'nbswy3dp'),
             (base64.b16decode, b'ab'), (base64.b16decode, b'A'), (base64.b32decode, b'NBSWY3D='),
             (base64.b32decode, b'0BSWY3DP'), (base64.b32decode, b'MY======'), (base64.b32decode, b'MY====='),
             (base64.b32decode, b'M=======') , (base64.b32decode, b'MZXQ===='), (base64.b32decode, b'MZXW6==='),
             (base64.b32decode, b'MZXW6YQ='), (base64.b32decode, b'========'), (base64.b32decode, b''),
             (base64.b16decode, b''), (base64.b16decode, 'zz'), (base64.b32hexdecode, b'CPNMU===')]:
    show('%s(%r)' % (f.__name__, a), lambda: f(a))
print(base64.b32decode(b'nbswy3dp', casefold=True), base64.b32decode(b'0BSWY3DP', map01=b'L'),
      base64.b32decode('1BSWY3DP', map01='I'), base64.b16decode(b'ab', casefold=True),
      base64.b32hexdecode(b'd1kg====', casefold=True))
enc = base64.encodebytes(b'x' * 130)
print(enc, base64.decodebytes(enc) == b'x' * 130, base64.encodebytes(b''), base64.decodebytes(b'eHh4\n'))
show('decodebytes str', lambda: base64.decodebytes('eHh4'))
