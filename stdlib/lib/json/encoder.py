"""JSON encoding: JSONEncoder."""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

# Escapes for characters that may not appear raw in a JSON string.
ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def _plain(s):
    # No character of s needs escaping (all printable, no quote or
    # backslash): the common case, checked without a Python-level loop.
    return s.isprintable() and '"' not in s and '\\' not in s


def encode_basestring(s):
    """Return a JSON representation of a Python string"""
    if _plain(s):
        return '"' + s + '"'
    return '"' + ''.join(ESCAPE_DCT.get(c, c) for c in s) + '"'


def _escape_ascii(c):
    if c in ESCAPE_DCT:
        return ESCAPE_DCT[c]
    if ' ' <= c <= '~':
        return c
    n = ord(c)
    if n < 0x10000:
        return '\\u{0:04x}'.format(n)
    # Characters outside the BMP become a UTF-16 surrogate pair.
    n -= 0x10000
    s1 = 0xd800 | ((n >> 10) & 0x3ff)
    s2 = 0xdc00 | (n & 0x3ff)
    return '\\u{0:04x}\\u{1:04x}'.format(s1, s2)


def encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    if s.isascii() and _plain(s):
        return '"' + s + '"'
    return '"' + ''.join(_escape_ascii(c) for c in s) + '"'


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data
    structures.

    Supports dict, list, tuple, str, int, float, True, False and None (and
    their subclasses).  To support other objects, subclass and implement a
    default() method that returns a serializable object for o, or raises
    TypeError."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data
        structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation
        as available."""
        return _Encoding(self).encode(o, 0)


class _Encoding:
    """One encoding run: the encoder's options plus the set of containers
    being encoded (for circular reference detection)."""

    def __init__(self, encoder):
        self.markers = {} if encoder.check_circular else None
        self.default = encoder.default
        self.encode_str = (encode_basestring_ascii if encoder.ensure_ascii
                           else encode_basestring)
        self.allow_nan = encoder.allow_nan
        self.skipkeys = encoder.skipkeys
        self.sort_keys = encoder.sort_keys
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            # As in CPython, whose C encoder (used when there is no indent)
            # does not name the value.
            msg = 'Out of range float values are not JSON compliant'
            if self.indent is not None:
                msg += ': ' + repr(o)
            raise ValueError(msg)
        return text

    def enter(self, o):
        if self.markers is not None:
            markerid = id(o)
            if markerid in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[markerid] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def primitive(self, o):
        """The JSON text of a str, None, bool, int or float, else None."""
        if isinstance(o, str):
            return self.encode_str(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.floatstr(o)
        return None

    # The chunks yielded below are the same as CPython's, as seen through
    # iterencode() and the write() calls of dump().

    def encode(self, o, level):
        text = self.primitive(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from self.encode_list(o, level)
        elif isinstance(o, dict):
            yield from self.encode_dict(o, level)
        else:
            self.enter(o)
            yield from self.encode(self.default(o), level)
            self.leave(o)

    def encode_list(self, lst, level):
        if not lst:
            yield '[]'
            return
        self.enter(lst)
        buf = '['
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            buf += newline_indent
        else:
            separator = self.item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            text = self.primitive(value)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from self.encode(value, level)
        if self.indent is not None:
            yield '\n' + self.indent * (level - 1)
        yield ']'
        self.leave(lst)

    def key_str(self, key):
        """The JSON text of a dict key, or None to skip the item."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def encode_dict(self, dct, level):
        if not dct:
            yield '{}'
            return
        self.enter(dct)
        yield '{'
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            yield newline_indent
        else:
            separator = self.item_separator
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self.key_str(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                yield separator
            yield self.encode_str(key)
            yield self.key_separator
            yield from self.encode(value, level)
        if self.indent is not None:
            yield '\n' + self.indent * (level - 1)
        yield '}'
        self.leave(dct)
