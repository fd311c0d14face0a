# uuid: constructors, fields, variants and versions, comparisons, errors, name-based UUIDs.
import copy
import pickle
import uuid


def attempt(label, func):
    try:
        print(label, repr(func()))
    except Exception as e:
        print(label, type(e).__name__, e)


u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.urn, u.int, int(u))
print(u.bytes, u.bytes_le)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node)
print(u.time, u.clock_seq, u.variant, u.version, u.is_safe)
for text in ['{12345678-1234-5678-1234-567812345678}', 'urn:uuid:12345678-1234-5678-1234-567812345678',
             '12345678123456781234567812345678', '  {urn:uuid:12345678-1234-5678-1234-567812345678}  ',
             '1234-5678-1234-5678-1234-5678-1234-5678', 'ABCDEF00-0000-0000-0000-0000000000FF', '{1234567812345678123456781234567}8',
             'urn:uuid:{12345678-1234-5678-1234-567812345678}']:
    attempt(repr(text), lambda: str(uuid.UUID(text)))
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u)
print(uuid.UUID(int=u.int) == u, uuid.UUID(hex=u.hex) == u)
print(uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.UUID(bytes=bytes(range(16))))
print(uuid.UUID(bytes_le=bytes(range(16))), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)))
print(uuid.UUID(u.hex, version=1))

for version in (1, 2, 3, 4, 5):
    v = uuid.UUID(int=2**128 - 1, version=version)
    print(version, v, v.version, v.variant)
    v = uuid.UUID(int=0, version=version)
    print(version, v, v.version, v.variant)
for text in ['00000000-0000-0000-0000-000000000000', '00000000-0000-1000-8000-000000000000',
             '00000000-0000-4000-c000-000000000000', '00000000-0000-4000-e000-000000000000',
             '00000000-0000-f000-a000-000000000000', '00000000-0000-0000-7fff-000000000000']:
    v = uuid.UUID(text)
    print(text, v.variant, v.version, v.clock_seq, v.time)

bad = [
    ('no args', lambda: uuid.UUID()),
    ('two args', lambda: uuid.UUID(u.hex, int=1)),
    ('short hex', lambda: uuid.UUID('1234')),
    ('bad hex', lambda: uuid.UUID('g' * 32)),
    ('long hex', lambda: uuid.UUID('1' * 33)),
    ('hex int', lambda: uuid.UUID(5)),
    ('bytes short', lambda: uuid.UUID(bytes=b'1' * 15)),
    ('bytes long', lambda: uuid.UUID(bytes=b'1' * 17)),
    ('bytes str', lambda: uuid.UUID(bytes='1' * 16)),
    ('bytes bytearray', lambda: uuid.UUID(bytes=bytearray(16))),
    ('bytes_le bytearray', lambda: uuid.UUID(bytes_le=bytearray(16))),
    ('bytes_le short', lambda: uuid.UUID(bytes_le=b'1' * 15)),
    ('fields 5', lambda: uuid.UUID(fields=(1, 2, 3, 4, 5))),
    ('field 1', lambda: uuid.UUID(fields=(2**32, 0, 0, 0, 0, 0))),
    ('field 2', lambda: uuid.UUID(fields=(0, 2**16, 0, 0, 0, 0))),
    ('field 3', lambda: uuid.UUID(fields=(0, 0, 2**16, 0, 0, 0))),
    ('field 4', lambda: uuid.UUID(fields=(0, 0, 0, 256, 0, 0))),
    ('field 5', lambda: uuid.UUID(fields=(0, 0, 0, 0, 256, 0))),
    ('field 6', lambda: uuid.UUID(fields=(0, 0, 0, 0, 0, 2**48))),
    ('field neg', lambda: uuid.UUID(fields=(-1, 0, 0, 0, 0, 0))),
    ('int big', lambda: uuid.UUID(int=2**128)),
    ('int neg', lambda: uuid.UUID(int=-1)),
    ('version 0', lambda: uuid.UUID(int=0, version=0)),
    ('version 6', lambda: uuid.UUID(int=0, version=6)),
    ('setattr', lambda: setattr(u, 'int', 5)),
    ('setattr new', lambda: setattr(u, 'other', 5)),
    ('delattr', lambda: delattr(uuid.UUID(int=3), 'int')),
    ('lt str', lambda: u < 'x'),
    ('eq str', lambda: u == str(u)),
    ('uuid3 bytes', lambda: uuid.uuid3(uuid.NAMESPACE_DNS, b'x')),
    ('uuid5 none', lambda: uuid.uuid5(uuid.NAMESPACE_DNS, None)),
    ('uuid3 bad ns', lambda: uuid.uuid3('ns', 'x')),
    ('is_safe arg', lambda: uuid.UUID(int=1, is_safe=uuid.SafeUUID.safe).is_safe),
    ('kw only', lambda: uuid.UUID(None, None, None, None, 5)),
]
for label, func in bad:
    attempt(label, func)

a, b = uuid.UUID(int=1), uuid.UUID(int=2)
print(a < b, a <= b, a > b, a >= b, a == uuid.UUID(int=1), a != b, sorted([b, a]) == [a, b])
print(hash(a) == hash(uuid.UUID(int=1)), len({a, b, uuid.UUID(int=1)}), {a: 'x'}[uuid.UUID(int=1)])
print(copy.copy(u) == u, copy.deepcopy(u) == u, pickle.loads(pickle.dumps(u)) == u)
s = uuid.UUID(int=5, is_safe=uuid.SafeUUID.unsafe)
print(s.__getstate__(), u.__getstate__(), pickle.loads(pickle.dumps(s)).is_safe)
print(uuid.SafeUUID.safe, uuid.SafeUUID.unsafe.value, uuid.SafeUUID.unknown.value, list(uuid.SafeUUID))
print(uuid.SafeUUID(0), uuid.SafeUUID(None))

print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE, sep='|')
for name in ['python.org', '', 'caf\xe9', 'a' * 200]:
    for ns in (uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500):
        print(uuid.uuid3(ns, name), uuid.uuid5(ns, name))
v3 = uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org')
print(v3.version, v3.variant, uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').version)

r = uuid.uuid4()
print(type(r).__name__, r.version, r.variant, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
print(t.version, t.variant, t.node == uuid.getnode(), t < uuid.uuid1())
t = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(t.node, hex(t.clock_seq), t.version, t.variant, str(t)[-17:])
ts = [uuid.uuid1(node=1, clock_seq=0).time for _ in range(20)]
print(ts == sorted(set(ts)), uuid.uuid1(node=1, clock_seq=0).time > 0x01b21dd213814000 + 10**16)
node = uuid.getnode()
print(type(node).__name__, 0 <= node < 2**48, node == uuid.getnode())
print(isinstance(u, uuid.UUID), uuid.UUID.__name__, uuid.UUID.__module__, hasattr(u, '__dict__'))
print(sorted(uuid.__all__) if hasattr(uuid, '__all__') else 'no __all__')

# Hex text goes through int(text, 16) once braces, "urn:", "uuid:" and dashes are removed.
for text in ['0x' + '1' * 30, '1_' + '2' * 30, ' ' + '1' * 31, '+' + '1' * 31, '12345678uuid:123456781234567812345678',
             '{{' + '1' * 32 + '}}', '{' + '1' * 32, 'urn:' + '1' * 32, 'UUID:' + '1' * 32, '1' * 31 + '\n']:
    attempt(repr(text), lambda: str(uuid.UUID(text)))


class MyUUID(uuid.UUID):
    pass


print(repr(MyUUID(int=5)), MyUUID(int=5) == uuid.UUID(int=5), uuid.UUID(fields=[1, 2, 3, 4, 5, 6]))
print(uuid.UUID(int=True), uuid.UUID(fields=(True, 0, 0, 0, 0, 0)))
attempt('version str', lambda: uuid.UUID(int=3, version='1'))
