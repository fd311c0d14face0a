"""Codec lookup and the codec functions: encode, decode, lookup, getencoder,
getdecoder, open and the BOM constants.

The codecs are the text encodings str.encode knows (UTF-8, UTF-8 with a
signature, ASCII, Latin-1) and the bytes-to-bytes / str-to-str ones everyday
scripts use: hex, base64 and rot13.
"""
import base64
import binascii
import builtins
import sys

__all__ = ['register', 'lookup', 'open', 'encode', 'decode', 'getencoder',
           'getdecoder', 'CodecInfo', 'BOM', 'BOM_BE', 'BOM_LE', 'BOM_UTF8',
           'BOM_UTF16', 'BOM_UTF16_BE', 'BOM_UTF16_LE', 'BOM_UTF32',
           'BOM_UTF32_BE', 'BOM_UTF32_LE']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader,
                                   streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return '<%s.%s object for encoding %s at %#x>' % (
            self.__class__.__module__, self.__class__.__qualname__,
            self.name, id(self))


def _bytes_of(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(data).__name__)


def _text_codec(name, function_prefix):
    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError('%s_encode() argument 1 must be str, not %s'
                            % (function_prefix, type(input).__name__))
        return input.encode(name, errors), len(input)

    def decode(input, errors='strict'):
        data = _bytes_of(input)
        return data.decode(name, errors), len(data)
    return CodecInfo(encode, decode, name=name)


def _utf8_sig_codec():
    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError('utf_8_encode() argument 1 must be str, not %s'
                            % type(input).__name__)
        return BOM_UTF8 + input.encode('utf-8', errors), len(input)

    def decode(input, errors='strict'):
        data = _bytes_of(input)
        body = data[3:] if data.startswith(BOM_UTF8) else data
        return body.decode('utf-8', errors), len(data)
    return CodecInfo(encode, decode, name='utf-8-sig')


def _bytes_codec(name, to, back):
    def encode(input, errors='strict'):
        data = _bytes_of(input)
        return to(data), len(data)

    def decode(input, errors='strict'):
        if not isinstance(input, str):
            input = _bytes_of(input)
        return back(input), len(input)
    return CodecInfo(encode, decode, name=name, _is_text_encoding=False)


_ROT13 = str.maketrans(
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')


def _rot13_codec():
    def rot13(input, errors='strict'):
        return str.translate(input, _ROT13), len(input)
    return CodecInfo(rot13, rot13, name='rot-13', _is_text_encoding=False)


_CODECS = {
    'utf-8': _text_codec('utf-8', 'utf_8'),
    'utf-8-sig': _utf8_sig_codec(),
    'ascii': _text_codec('ascii', 'ascii'),
    'iso8859-1': _text_codec('iso8859-1', 'latin_1'),
    'hex': _bytes_codec('hex', binascii.b2a_hex, binascii.a2b_hex),
    'base64': _bytes_codec('base64', base64.encodebytes, base64.decodebytes),
    'rot-13': _rot13_codec(),
}

_ALIASES = {
    'utf8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8', 'cp65001': 'utf-8',
    'us-ascii': 'ascii', '646': 'ascii', 'us': 'ascii',
    'latin-1': 'iso8859-1', 'latin1': 'iso8859-1', 'latin': 'iso8859-1',
    'l1': 'iso8859-1', 'iso-8859-1': 'iso8859-1', '8859': 'iso8859-1',
    'cp819': 'iso8859-1', 'iso-ir-100': 'iso8859-1',
    'csisolatin1': 'iso8859-1',
    'hex-codec': 'hex', 'base-64': 'base64', 'base64-codec': 'base64',
    'rot13': 'rot-13',
}

_search_functions = []


def register(search_function):
    """Register a codec search function: it receives a normalised encoding
    name and returns a CodecInfo or None."""
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns
    a CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not %s'
                        % type(encoding).__name__)
    key = encoding.lower().replace('_', '-').replace(' ', '-')
    for search in _search_functions:
        info = search(key.replace('-', '_'))
        if info is not None:
            return info
    key = _ALIASES.get(key, key)
    try:
        return _CODECS[key]
    except KeyError:
        raise LookupError('unknown encoding: %s' % encoding) from None


def _run(direction, obj, encoding, errors):
    codec = lookup(encoding)
    function = codec.encode if direction == 'encoding' else codec.decode
    try:
        return function(obj, errors)[0]
    except UnicodeError:
        raise
    except (TypeError, ValueError, LookupError) as e:
        # CPython names the codec that failed, keeping the exception type.
        raise type(e)("%s with '%s' codec failed (%s: %s)" % (
            direction, encoding, type(e).__name__, e)) from e


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    return _run('encoding', obj, encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    return _run('decoding', obj, encoding, errors)


def getencoder(encoding):
    """The encoder function of the codec: (input, errors) -> (output,
    length consumed)."""
    return lookup(encoding).encode


def getdecoder(encoding):
    """The decoder function of the codec."""
    return lookup(encoding).decode


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open an encoded file and return a file object that encodes and
    decodes transparently.

    Like CPython's, it does no newline translation when an encoding is
    given; without one it is the built-in open().
    """
    if encoding is None:
        return builtins.open(filename, mode, buffering)
    lookup(encoding)
    mode = mode.replace('b', '').replace('t', '')
    return builtins.open(filename, mode, buffering, encoding=encoding,
                         errors=errors, newline='')
