"""Base16, Base32 and Base64 data encodings (RFC 4648), in pure Python.

The Base64 decoder follows the rules of CPython's binascii.a2b_base64,
including its non-strict handling of stray characters and padding and the
error messages of strict (validate=True) mode.  Errors are raised as
binascii.Error when the interpreter has a binascii module, and otherwise
as base64's own Error (also a ValueError subclass named Error).
"""

__all__ = ['b64encode', 'b64decode', 'standard_b64encode',
           'standard_b64decode', 'urlsafe_b64encode', 'urlsafe_b64decode',
           'b32encode', 'b32decode', 'b32hexencode', 'b32hexdecode',
           'b16encode', 'b16decode', 'encodebytes', 'decodebytes']

import builtins

try:
    from binascii import Error
except ImportError:
    class Error(ValueError):
        """Invalid encoded data."""

_B64_ALPHABET = (b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
                 b'0123456789+/')
_B64_REV = {c: i for i, c in enumerate(_B64_ALPHABET)}
_PAD = ord('=')


def _to_bytes(s):
    """The bytes of a bytes-like object (str is rejected).  Besides bytes
    and bytearray, that is any object that memoryview() accepts, where the
    interpreter has memoryview (minipy does not)."""
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    memoryview = getattr(builtins, 'memoryview', None)
    if memoryview is not None and not isinstance(s, str):
        try:
            return memoryview(s).tobytes()
        except TypeError:
            pass
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(s).__name__)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII '
                             'characters') from None
    try:
        return _to_bytes(s)
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII '
                        'string, not %r' % s.__class__.__name__) from None


def _encode64(data, newline=False):
    out = bytearray()
    for i in range(0, len(data) - 2, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64_ALPHABET[n >> 18], _B64_ALPHABET[(n >> 12) & 63],
                      _B64_ALPHABET[(n >> 6) & 63], _B64_ALPHABET[n & 63]))
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += bytes((_B64_ALPHABET[n >> 18], _B64_ALPHABET[(n >> 12) & 63],
                      _PAD, _PAD))
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_B64_ALPHABET[n >> 18], _B64_ALPHABET[(n >> 12) & 63],
                      _B64_ALPHABET[(n >> 6) & 63], _PAD))
    if newline:
        out += b'\n'
    return bytes(out)


def _decode64(data, strict):
    """Decode base64 data like binascii.a2b_base64(data, strict_mode)."""
    if strict and data[:1] == b'=':
        raise Error('Leading padding not allowed')
    out = bytearray()
    quad_pos = 0        # position of the next character in its quad
    left = 0            # bits carried over from the previous character
    pads = 0
    padding_started = False
    for i, c in enumerate(data):
        if c == _PAD:
            padding_started = True
            pads += 1
            if quad_pos >= 2 and quad_pos + pads >= 4:
                # Enough padding ends the data.
                if strict and i + 1 < len(data):
                    raise Error('Excess data after padding')
                return bytes(out)
            continue
        value = _B64_REV.get(c)
        if value is None:
            if strict:
                raise Error('Only base64 data is allowed')
            continue
        if strict and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            left = value
            quad_pos = 1
        elif quad_pos == 1:
            out.append(((left << 2) | (value >> 4)) & 0xff)
            left = value & 0x0f
            quad_pos = 2
        elif quad_pos == 2:
            out.append(((left << 4) | (value >> 2)) & 0xff)
            left = value & 0x03
            quad_pos = 3
        else:
            out.append(((left << 6) | value) & 0xff)
            quad_pos = 0
    if quad_pos == 1:
        raise Error('Invalid base64-encoded string: number of data '
                    'characters (%d) cannot be 1 more than a multiple of 4'
                    % (len(out) // 3 * 4 + 1))
    if quad_pos != 0:
        raise Error('Incorrect padding')
    return bytes(out)


def b64encode(s, altchars=None):
    """Encode the bytes-like object s using Base64 and return a bytes
    object.

    Optional altchars should be a byte string of length 2 which specifies
    an alternative alphabet for the '+' and '/' characters.
    """
    encoded = _encode64(_to_bytes(s))
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s.

    Optional altchars must be a bytes-like object or ASCII string of length
    2 which specifies the alternative alphabet used instead of the '+' and
    '/' characters.

    If validate is False (the default), characters that are neither in
    the normal base-64 alphabet nor the alternative alphabet are discarded
    prior to the padding check.  If validate is True, these non-alphabet
    characters in the input result in a binascii.Error.
    """
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return _decode64(s, validate)


def standard_b64encode(s):
    """Encode bytes-like object s using the standard Base64 alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode bytes encoded with the standard Base64 alphabet."""
    return b64decode(s)


def urlsafe_b64encode(s):
    """Encode bytes using the URL- and filesystem-safe Base64 alphabet
    ('-' instead of '+' and '_' instead of '/')."""
    return b64encode(s).translate(bytes.maketrans(b'+/', b'-_'))


def urlsafe_b64decode(s):
    """Decode bytes using the URL- and filesystem-safe Base64 alphabet."""
    s = _bytes_from_decode_data(s)
    s = s.translate(bytes.maketrans(b'-_', b'+/'))
    return b64decode(s)


_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'

# Padding characters that end a Base32 text, by the number of input bytes
# in its last 5-byte group.
_B32_PADDING = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}
# Decoded bytes in the last group, by the number of padding characters.
_B32_LEFTOVER = {1: 4, 3: 3, 4: 2, 6: 1}


def _b32encode(alphabet, s):
    s = _to_bytes(s)
    rest = len(s) % 5
    if rest:
        s += b'\0' * (5 - rest)
    out = bytearray()
    for i in range(0, len(s), 5):
        n = int.from_bytes(s[i:i + 5], 'big')
        out += bytes(alphabet[(n >> shift) & 31]
                     for shift in range(35, -1, -5))
    padding = _B32_PADDING[rest]
    if padding:
        out[-padding:] = b'=' * padding
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    length = len(s)
    s = s.rstrip(b'=')
    padchars = length - len(s)
    rev = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    n = 0
    for i in range(0, len(s), 8):
        n = 0
        for c in s[i:i + 8]:
            try:
                n = (n << 5) | rev[c]
            except KeyError:
                raise Error('Non-base32 digit found') from None
        out += n.to_bytes(5, 'big')
    if padchars not in (0, 1, 3, 4, 6):
        raise Error('Incorrect padding')
    if padchars and out:
        # The last group was short: shift its bits into place and keep
        # only the bytes it really encodes.
        last = (n << (5 * padchars)).to_bytes(5, 'big')
        out[-5:] = last[:_B32_LEFTOVER[padchars]]
    return bytes(out)


def b32encode(s):
    """Encode the bytes-like objects using base32 and return a bytes
    object."""
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode the base32 encoded bytes-like object or ASCII string s.

    casefold allows lowercase input; map01 maps the digit 0 to the letter
    O and the digit 1 to the given letter (I or L)."""
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Encode the bytes-like object s using the extended hex base32
    alphabet."""
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    """Decode the base32hex encoded bytes-like object or ASCII string
    s."""
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


def b16encode(s):
    """Encode the bytes-like object s using Base16 and return a bytes
    object."""
    return _to_bytes(s).hex().upper().encode('ascii')


def b16decode(s, casefold=False):
    """Decode the Base16 encoded bytes-like object or ASCII string s.

    casefold allows lowercase input."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if any(c not in b'0123456789ABCDEF' for c in s):
        raise Error('Non-base16 digit found')
    if len(s) % 2:
        raise Error('Odd-length string')
    return bytes.fromhex(s.decode('ascii'))


# Input bytes per line of encodebytes() output (76 characters).
MAXBINSIZE = 57


def _bytes_input(s):
    # encodebytes()/decodebytes() word this error differently.
    try:
        return _to_bytes(s)
    except TypeError:
        raise TypeError('expected bytes-like object, not %s'
                        % s.__class__.__name__) from None


def encodebytes(s):
    """Encode a bytestring into a bytes object containing multiple lines
    of base-64 data."""
    s = _bytes_input(s)
    return b''.join(_encode64(s[i:i + MAXBINSIZE], newline=True)
                    for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    """Decode a bytestring of base-64 data into a bytes object."""
    return _decode64(_bytes_input(s), False)
