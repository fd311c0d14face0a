"""Random numbers and tokens fit for secrets (passwords, account tokens, keys).

Everything here draws from the operating system's entropy source through os.urandom,
never from the seedable generator behind the random module's functions.
"""

import base64
import os
from random import SystemRandom

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe', 'compare_digest']

DEFAULT_ENTROPY = 32  # bytes of randomness in a token when nbytes is not given

_entropy = SystemRandom()
choice = _entropy.choice
randbits = _entropy.getrandbits


def randbelow(exclusive_upper_bound):
    """Return a random int in the range [0, exclusive_upper_bound)."""
    if exclusive_upper_bound <= 0:
        raise ValueError('Upper bound must be positive.')
    return _entropy._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    """Return nbytes random bytes (DEFAULT_ENTROPY when nbytes is None)."""
    return os.urandom(DEFAULT_ENTROPY if nbytes is None else nbytes)


def token_hex(nbytes=None):
    """Return a random text of 2 * nbytes hexadecimal digits."""
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    """Return a random URL-safe text: nbytes random bytes in unpadded base64url."""
    encoded = base64.urlsafe_b64encode(token_bytes(nbytes))
    return encoded.rstrip(b'=').decode('ascii')


def _raw_bytes(value):
    """The contents of a bytes-like value, or None when value has no buffer."""
    try:
        return memoryview(value).tobytes()
    except TypeError:
        return None


def compare_digest(a, b, /):
    """Return a == b for two ASCII strs or two bytes-like values, taking a time that
    depends only on the lengths, not on where the values first differ."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError('comparing strings with non-ASCII characters is not supported')
        left, right = a.encode('ascii'), b.encode('ascii')
    else:
        left, right = _raw_bytes(a), _raw_bytes(b)
        if left is None and right is None:
            raise TypeError("unsupported operand types(s) or combination of types: "
                            f"'{type(a).__name__}' and '{type(b).__name__}'")
        if left is None or right is None:
            culprit = a if left is None else b
            raise TypeError(f"a bytes-like object is required, not '{type(culprit).__name__}'")
    same_length = len(left) == len(right)
    # Walk every byte even after a difference (or against itself when the lengths
    # differ), so the running time leaks nothing about the contents.
    differences = 0
    for x, y in zip(left, right if same_length else left):
        differences |= x ^ y
    return same_length and differences == 0
