"""JSON (JavaScript Object Notation) encoder and decoder: dump, dumps,
load, loads."""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder',
           'JSONDecodeError', 'JSONEncoder']

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

# Calls with no options share these instead of building new ones each time.
_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()

# (byte-order mark, codec) pairs; the UTF-32 marks come first because the
# little-endian one starts with the UTF-16 one.
_BYTE_ORDER_MARKS = (
    (b'\x00\x00\xfe\xff', 'utf-32'),
    (b'\xff\xfe\x00\x00', 'utf-32'),
    (b'\xfe\xff', 'utf-16'),
    (b'\xff\xfe', 'utf-16'),
    (b'\xef\xbb\xbf', 'utf-8-sig'),
)


_ENCODER_DEFAULTS = dict(skipkeys=False, ensure_ascii=True, check_circular=True,
                         allow_nan=True, indent=None, separators=None,
                         default=None, sort_keys=False)


def _encoder(cls, extra, options):
    """The encoder for the options of dump()/dumps(): the shared one when
    every option has its default value."""
    if cls is None and not extra and options == _ENCODER_DEFAULTS:
        return _default_encoder
    return (JSONEncoder if cls is None else cls)(**options, **extra)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a
    ``.write()``-supporting file-like object); the options are those of
    dumps()."""
    encoder = _encoder(cls, kw, dict(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys))
    for piece in encoder.iterencode(obj):
        fp.write(piece)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``.

    indent (a number of spaces or a string) pretty-prints; separators is
    an (item_separator, key_separator) tuple; default(obj) is called for
    objects that cannot otherwise be serialized; sort_keys sorts dict
    output by key; cls is a JSONEncoder subclass to use, and further
    keyword arguments go to its constructor."""
    encoder = _encoder(cls, kw, dict(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys))
    return encoder.encode(obj)


def detect_encoding(b):
    """The codec of a JSON document given as bytes: UTF-8, -16 or -32,
    told by a byte-order mark or by where the zero bytes are."""
    for mark, codec in _BYTE_ORDER_MARKS:
        if b.startswith(mark):
            return codec
    # A JSON text starts with an ASCII character, so in UTF-16 and UTF-32
    # the zero bytes next to it show the unit size and the byte order.
    zeros = ''.join('0' if byte == 0 else 'x' for byte in b[:4])
    if len(zeros) == 4:
        if zeros.startswith('00'):
            return 'utf-32-be'
        if zeros.startswith('0'):
            return 'utf-16-be'
        if zeros == 'x000':
            return 'utf-32-le'
        if zeros.startswith('x0'):
            return 'utf-16-le'
    elif len(zeros) == 2 and '0' in zeros:
        return 'utf-16-be' if zeros[0] == '0' else 'utf-16-le'
    return 'utf-8'


def _as_text(s):
    """The document loads() was given, as str."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using '
                                  'utf-8-sig)', s, 0)
        return s
    if not isinstance(s, (bytes, bytearray)):
        raise TypeError('the JSON object must be str, bytes or bytearray, '
                        f'not {type(s).__name__}')
    return s.decode(detect_encoding(s), 'surrogatepass')


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object
    containing a JSON document) to a Python object; the options are those
    of loads()."""
    return loads(fp.read(), cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object.

    object_hook is called with every decoded object (dict) and its result
    used instead; object_pairs_hook likewise with the list of pairs;
    parse_float, parse_int and parse_constant are called with the text of
    floats, ints and NaN/Infinity/-Infinity; cls is a JSONDecoder subclass
    to use, and further keyword arguments go to its constructor."""
    text = _as_text(s)
    hooks = {name: hook for name, hook in (
        ('object_hook', object_hook), ('object_pairs_hook', object_pairs_hook),
        ('parse_float', parse_float), ('parse_int', parse_int),
        ('parse_constant', parse_constant)) if hook is not None}
    if cls is None and not hooks and not kw:
        return _default_decoder.decode(text)
    return (JSONDecoder if cls is None else cls)(**hooks, **kw).decode(text)
