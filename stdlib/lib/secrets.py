"""Generate cryptographically strong pseudo-random numbers suitable for
managing secrets such as account authentication, tokens, and similar.

Everything draws from os.urandom through random.SystemRandom.
"""
import base64
import binascii
import os
from random import SystemRandom

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe',
           'compare_digest']

_sysrand = SystemRandom()

randbits = _sysrand.getrandbits
choice = _sysrand.choice

DEFAULT_ENTROPY = 32  # number of bytes to return by default


def randbelow(exclusive_upper_bound):
    """Return a random int in the range [0, n)."""
    if exclusive_upper_bound <= 0:
        raise ValueError('Upper bound must be positive.')
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    """Return a random byte string containing *nbytes* bytes."""
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    """Return a random text string, in hexadecimal."""
    return binascii.hexlify(token_bytes(nbytes)).decode('ascii')


def token_urlsafe(nbytes=None):
    """Return a random URL-safe text string, in Base64 encoding."""
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).rstrip(b'=').decode('ascii')


def _buffer(x):
    return bytes(x) if isinstance(x, (bytes, bytearray)) else None


def compare_digest(a, b):
    """Return 'a == b' in time that depends on the length of the inputs
    only, not on where they differ (against timing attacks)."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError('comparing strings with non-ASCII characters is '
                            'not supported')
        x, y = a.encode('ascii'), b.encode('ascii')
    else:
        va, vb = _buffer(a), _buffer(b)
        if va is None and vb is None:
            raise TypeError('unsupported operand types(s) or combination of '
                            "types: '%s' and '%s'" % (type(a).__name__,
                                                      type(b).__name__))
        for v, obj in ((va, a), (vb, b)):
            if v is None:
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(obj).__name__)
        x, y = va, vb
    # Every byte is visited whatever the result, so the time taken does
    # not reveal the length of the matching prefix.
    result = len(x) ^ len(y)
    if len(x) != len(y):
        y = x
    for p, q in zip(x, y):
        result |= p ^ q
    return result == 0
