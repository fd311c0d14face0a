# struct: native and standard layouts, every format code, Struct objects and error messages.
import struct

print(struct.calcsize('bi'), struct.calcsize('<bi'), struct.calcsize('ib'), struct.calcsize('iq'), struct.calcsize('b0i'),
      struct.calcsize('3x'), struct.calcsize('2s3p'), struct.calcsize('@ 2x h'), struct.calcsize('!h2x'), struct.calcsize('P'))
print(struct.pack('<bBhHiIlLqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1))
print(struct.pack('>bBhHiIlLqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1))
print(struct.pack('@bhiqnNP', 1, 2, 3, 4, -5, 6, 7))
print(struct.unpack('<bBhHiIlLqQ', struct.pack('<bBhHiIlLqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1)))
print(struct.pack('<efd', 1.5, 0.1, -2.25), struct.unpack('<efd', struct.pack('<efd', 1.5, 0.1, -2.25)))
print(struct.pack('>e', 65504.0), struct.pack('<e', 1e-7), struct.pack('<e', -0.0), struct.pack('<e', float('inf')),
      struct.unpack('<e', b'\x01\x00'), struct.unpack('<e', b'\x00\xfc'), struct.unpack('>f', b'\x7f\xc0\x00\x00'))
print(struct.pack('?c5s3p0s', 7, b'z', b'abcdefg', b'xyz', b''), struct.unpack('??', b'\x00\x05'))
print(struct.unpack('4si5p', b'abcd\x01\x00\x00\x00\x03abcd'), struct.pack('3p', b'abcdef'), struct.pack('1p', b'x'))
print(struct.pack('i i', 1, 2), struct.pack('<2h', 1, 2), struct.unpack('<3B', b'\x01\x02\x03'))
s = struct.Struct('<ih')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), struct.Struct(b'>H').format)
buf = bytearray(10)
s.pack_into(buf, 2, -1, -1)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buf, offset=2), struct.unpack_from('<h', buf, -2))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), list(s.iter_unpack(bytes(12))))
print(struct.unpack('<i', bytearray(b'\x07\x00\x00\x00')), struct.pack('<q', True))


class Idx:
    def __index__(self):
        return 9


print(struct.pack('<i', Idx()), struct.pack('>d', 3), struct.pack('<f', 2))
tests = [('pack', ('h', 70000)), ('pack', ('>h', 70000)), ('pack', ('b', 200)), ('pack', ('B', -1)),
         ('pack', ('<H', -1)), ('pack', ('>H', 70000)), ('pack', ('<I', -1)), ('pack', ('<I', 2**32)),
         ('pack', ('<l', 2**31)), ('pack', ('<L', 2**32)), ('pack', ('<q', 2**63)), ('pack', ('>q', 2**63)),
         ('pack', ('>Q', -1)), ('pack', ('Q', -1)), ('pack', ('i', 'x')), ('pack', ('i', 1.0)), ('pack', ('f', 'x')),
         ('pack', ('c', b'ab')), ('pack', ('s', 'a')), ('pack', ('p', 1)), ('pack', ('e', 1e10)), ('pack', ('<f', 1e300)),
         ('pack', ('z',)), ('pack', ('3',)), ('pack', ('<n', 1)), ('pack', ('ii', 1)), ('pack', ('i', 1, 2)),
         ('unpack', ('i', b'abc')), ('unpack', ('i', 'abcd')), ('unpack_from', ('i', b'abcdef', 4)),
         ('unpack_from', ('i', b'abcdef', -8)), ('unpack_from', ('i', b'abcdef', -2)), ('iter_unpack', ('i', b'abcde')),
         ('iter_unpack', ('', b'abcde')), ('pack_into', ('i', bytearray(4), 2, 1)), ('pack_into', ('i', bytearray(4), -7, 1)),
         ('pack_into', ('i', b'abcd', 0, 1)), ('calcsize', (1,)), ('pack', (1,)), ('pack', ()),
         ('pack', ('999999999999999999999i',)), ('unpack', ('i',)), ('pack_into', ('i',)), ('pack', ('x', 1)),
         ('pack', ('<e', 2**1000)), ('pack', ('P', -1))]
for name, args in tests:
    try:
        r = getattr(struct, name)(*args)
        print(name, repr(r if name != 'iter_unpack' else list(r)))
    except Exception as e:
        print(name, type(e).__name__, e)
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception), type(s).__name__)
