"""UUID objects (universally unique identifiers, RFC 4122) and the functions that make them:
uuid1() (time-based), uuid3() and uuid5() (from the MD5 or SHA-1 hash of a namespace and a
name) and uuid4() (random).

getnode() does not query network interfaces: like CPython when no hardware address can be
found, it uses a random 48-bit number with the multicast bit set (RFC 4122 section 4.5).
"""

import hashlib
import os
import time
from enum import Enum

RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'

# The six RFC 4122 fields as (shift, width in bits) inside the 128-bit value, in order.
_LAYOUT = ((96, 32), (80, 16), (64, 16), (56, 8), (48, 8), (0, 48))
_ALL_BITS = (1 << 128) - 1
# 100-ns ticks from the start of the Gregorian calendar (1582-10-15) to the Unix epoch.
_GREGORIAN_OFFSET = 0x01b21dd213814000


class SafeUUID(Enum):
    """Whether the platform generated a uuid1() in a multiprocessing-safe way."""
    safe = 0
    unsafe = -1
    unknown = None


def _value_from_hex(text):
    digits = text.replace('urn:', '').replace('uuid:', '').strip('{}').replace('-', '')
    if len(digits) != 32:
        raise ValueError('badly formed hexadecimal UUID string')
    return int(digits, 16)


def _big_endian_from_le(data):
    """The RFC byte order of a bytes_le value: its first three fields are little-endian."""
    if len(data) != 16:
        raise ValueError('bytes_le is not a 16-char string')
    return data[3::-1] + data[5:3:-1] + data[7:5:-1] + data[8:]


def _value_from_bytes(data):
    if len(data) != 16:
        raise ValueError('bytes is not a 16-char string')
    assert isinstance(data, bytes), repr(data)
    return int.from_bytes(data, 'big')


def _value_from_fields(fields):
    if len(fields) != 6:
        raise ValueError('fields is not a 6-tuple')
    value = 0
    for position, ((shift, width), field) in enumerate(zip(_LAYOUT, fields), 1):
        if not 0 <= field < 1 << width:
            article = 'an' if width == 8 else 'a'
            raise ValueError(f'field {position} out of range (need {article} {width}-bit value)')
        value |= field << shift
    return value


def _field(index):
    shift, width = _LAYOUT[index]
    mask = (1 << width) - 1
    return property(lambda self: (self.int >> shift) & mask)


class UUID:
    """An immutable, hashable, ordered 128-bit UUID.

    Build one from exactly one of: hex (a 32-digit string, optionally with dashes, braces
    or a "urn:uuid:" prefix), bytes (16 bytes, big-endian), bytes_le (16 bytes with the
    first three fields little-endian), fields (the six RFC 4122 fields) or int.
    version (1 to 5), when given, overrides the variant and version bits.
    """

    __slots__ = ('int', 'is_safe', '__weakref__')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None,
                 version=None, *, is_safe=SafeUUID.unknown):
        if sum(arg is not None for arg in (hex, bytes, bytes_le, fields, int)) != 1:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            int = _value_from_hex(hex)
        elif fields is not None:
            int = _value_from_fields(fields)
        elif bytes is not None or bytes_le is not None:
            int = _value_from_bytes(bytes if bytes_le is None else _big_endian_from_le(bytes_le))
        if not 0 <= int <= _ALL_BITS:
            raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            # Variant bits 10 (RFC 4122) in the clock_seq_hi byte, the version in the top
            # nibble of time_hi_version.
            int = (int & ~(0xc000 << 48)) | (0x8000 << 48)
            int = (int & ~(0xf000 << 64)) | (version << 76)
        object.__setattr__(self, 'int', int)
        object.__setattr__(self, 'is_safe', is_safe)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __getstate__(self):
        state = {'int': self.int}
        if self.is_safe != SafeUUID.unknown:
            state['is_safe'] = self.is_safe.value
        return state

    def __setstate__(self, state):
        object.__setattr__(self, 'int', state['int'])
        object.__setattr__(self, 'is_safe', SafeUUID(state.get('is_safe')))

    def __eq__(self, other):
        return self.int == other.int if isinstance(other, UUID) else NotImplemented

    def __lt__(self, other):
        return self.int < other.int if isinstance(other, UUID) else NotImplemented

    def __le__(self, other):
        return self.int <= other.int if isinstance(other, UUID) else NotImplemented

    def __gt__(self, other):
        return self.int > other.int if isinstance(other, UUID) else NotImplemented

    def __ge__(self, other):
        return self.int >= other.int if isinstance(other, UUID) else NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __str__(self):
        digits = self.hex
        return '-'.join((digits[:8], digits[8:12], digits[12:16], digits[16:20], digits[20:]))

    def __repr__(self):
        return f'{type(self).__name__}({str(self)!r})'

    time_low = _field(0)
    time_mid = _field(1)
    time_hi_version = _field(2)
    clock_seq_hi_variant = _field(3)
    clock_seq_low = _field(4)
    node = _field(5)

    @property
    def fields(self):
        return tuple((self.int >> shift) & ((1 << width) - 1) for shift, width in _LAYOUT)

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        # Reversing the first three fields is its own inverse.
        return _big_endian_from_le(self.bytes)

    @property
    def hex(self):
        return format(self.int, '032x')

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    @property
    def time(self):
        """The 60-bit timestamp of a version 1 UUID."""
        return ((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        """The 14-bit clock sequence of a version 1 UUID."""
        return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

    @property
    def variant(self):
        # The variant is told by the leading bits of clock_seq_hi_variant: 0, 10, 110, 111.
        top = self.clock_seq_hi_variant >> 5
        if top < 0b100:
            return RESERVED_NCS
        if top < 0b110:
            return RFC_4122
        if top == 0b110:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        """The version number, for RFC 4122 UUIDs only (None otherwise)."""
        if self.variant == RFC_4122:
            return self.time_hi_version >> 12
        return None


_random_node = None


def getnode():
    """Return this host's node ID as a 48-bit int (random, fixed for the process)."""
    global _random_node
    if _random_node is None:
        _random_node = int.from_bytes(os.urandom(6), 'big') | (1 << 40)
    return _random_node


_previous_tick = None


def uuid1(node=None, clock_seq=None):
    """Return a UUID from the current time, the node ID (getnode() by default) and a
    14-bit clock sequence (random by default). Successive calls get increasing times."""
    global _previous_tick
    tick = time.time_ns() // 100 + _GREGORIAN_OFFSET
    if _previous_tick is not None and tick <= _previous_tick:
        tick = _previous_tick + 1
    _previous_tick = tick
    if clock_seq is None:
        clock_seq = int.from_bytes(os.urandom(2), 'big') & 0x3fff
    if node is None:
        node = getnode()
    fields = (tick & 0xffffffff, (tick >> 32) & 0xffff, (tick >> 48) & 0x0fff,
              (clock_seq >> 8) & 0x3f, clock_seq & 0xff, node)
    return UUID(fields=fields, version=1)


def _from_digest(algorithm, namespace, name, version):
    data = namespace.bytes + bytes(name, 'utf-8')
    digest = hashlib.new(algorithm, data, usedforsecurity=False).digest()
    return UUID(bytes=digest[:16], version=version)


def uuid3(namespace, name):
    """Return the UUID of the MD5 hash of a namespace UUID and a name (a str)."""
    return _from_digest('md5', namespace, name, 3)


def uuid4():
    """Return a random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """Return the UUID of the SHA-1 hash of a namespace UUID and a name (a str)."""
    return _from_digest('sha1', namespace, name, 5)


# Namespaces for uuid3() and uuid5(), from RFC 4122 appendix C.
NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
