# Exercises uuid: construction from every form, attributes, reprs,
# comparisons, errors, and the generators' versions/variants.
import uuid
from uuid import UUID


from _show import show


u = UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.urn)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low,
      u.node, u.time, u.clock_seq, u.variant, u.version, u.is_safe, int(u))
for form in ['{12345678-1234-5678-1234-567812345678}', '12345678123456781234567812345678',
             'urn:uuid:12345678-1234-5678-1234-567812345678', 'URN:UUID:12345678-1234-5678-1234-567812345678'.lower()]:
    print(UUID(form) == u)
print(UUID(bytes=u.bytes) == u, UUID(bytes_le=u.bytes_le) == u, UUID(fields=u.fields) == u,
      UUID(int=u.int) == u, UUID(hex=u.hex, version=4), UUID(int=0), UUID(int=2 ** 128 - 1))
v4 = UUID(int=0, version=4)
print(v4, v4.version, v4.variant, UUID(int=0).variant, UUID(int=0).version,
      UUID('ffffffff-ffff-ffff-ffff-ffffffffffff').variant, UUID('00000000-0000-0000-c000-000000000000').variant)
a, b = UUID(int=1), UUID(int=2)
print(a < b, a <= b, b > a, b >= a, a == UUID(int=1), a != b, a == 1, hash(a) == hash(1), sorted([b, a]))
print({a: 'x'}[UUID(int=1)], str(UUID(int=255)), UUID(int=1).is_safe, uuid.SafeUUID.safe, uuid.SafeUUID.unknown.value)
show('immutable', lambda: setattr(u, 'int', 5))
show('no args', lambda: UUID())
show('two args', lambda: UUID(hex=u.hex, int=1))
show('bad hex', lambda: UUID('1234'))
show('bad hex chars', lambda: UUID('z' * 32))
show('bad bytes', lambda: UUID(bytes=b'123'))
show('bad bytes_le', lambda: UUID(bytes_le=b'123'))
show('bad fields len', lambda: UUID(fields=(1, 2)))
for i in range(6):
    f = [0] * 6
    f[i] = 1 << 48
    show('field %d' % (i + 1), lambda: UUID(fields=tuple(f)))
show('bad int', lambda: UUID(int=-1))
show('big int', lambda: UUID(int=2 ** 128))
show('bad version', lambda: UUID(int=0, version=6))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
r1, r2 = uuid.uuid4(), uuid.uuid4()
print(r1 != r2, r1.version, r1.variant, len(str(r1)), str(r1)[14])
t1, t2 = uuid.uuid1(), uuid.uuid1()
print(t1.version, t1.variant, t1 != t2, t2.time > t1.time, t1.node == t2.node, 0 <= t1.clock_seq < 2 ** 14)
print(uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).node == 0x123456789abc,
      uuid.uuid1(node=1, clock_seq=0x1234).clock_seq)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'),
      uuid.uuid5(uuid.NAMESPACE_URL, 'url name').version)
import copy
print(copy.copy(u) == u, copy.deepcopy(u) == u)
