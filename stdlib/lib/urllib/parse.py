"""Split, join and percent-encode URLs (RFC 3986), with CPython 3.11's results.

Every function accepts str or bytes; bytes are decoded as ASCII, processed as str, and the
result encoded back, so str and bytes arguments cannot be mixed in one call.
"""

from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag", "urlsplit", "urlunsplit",
           "urlencode", "parse_qs", "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes", "DefragResult", "ParseResult",
           "SplitResult", "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

# Which schemes take part in relative resolution, carry a netloc or ;params (CPython's lists).
uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp',
                 'mms', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws',
                 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn',
               'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais', 'imap', 'snews', 'sip',
                    'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher', 'rtsp', 'rtsps',
              'rtspu', 'sip', 'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais', 'https', 'shttp',
                 'snews', 'file', 'prospero']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

# The WHATWG URL standard strips these from both ends; tab and newlines vanish everywhere.
_C0_CONTROL_OR_SPACE = ''.join(map(chr, range(33)))
_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']

MAX_CACHE_SIZE = 20


def clear_cache():
    """Kept for compatibility: this implementation keeps no cache."""


# ---- str/bytes coercion ----

def _noop(obj):
    return obj


def _encode_result(obj, encoding='ascii', errors='strict'):
    return obj.encode(encoding, errors)


def _coerce_args(*args):
    """Return the arguments as str plus a function that converts a result back."""
    str_input = isinstance(args[0], str)
    for arg in args[1:]:
        # An empty argument (the default '' or None) goes with either kind.
        if arg and isinstance(arg, str) != str_input:
            raise TypeError("Cannot mix str and non-str arguments")
    if str_input:
        return args + (_noop,)
    return tuple(x.decode('ascii', 'strict') if x else '' for x in args) + (_encode_result,)


# ---- result types ----

class _ResultMixinStr:
    __slots__ = ()

    def encode(self, encoding='ascii', errors='strict'):
        return self._encoded_counterpart(*(x.encode(encoding, errors) for x in self))


class _ResultMixinBytes:
    __slots__ = ()

    def decode(self, encoding='ascii', errors='strict'):
        return self._decoded_counterpart(*(x.decode(encoding, errors) for x in self))


class _NetlocMixin:
    """username, password, hostname and port, read from the netloc attribute."""
    __slots__ = ()

    def _userinfo(self):
        userinfo, at, _ = self.netloc.rpartition(self._AT)
        if not at:
            return None, None
        username, colon, password = userinfo.partition(self._COLON)
        return username, (password if colon else None)

    def _hostinfo(self):
        hostinfo = self.netloc.rpartition(self._AT)[2]
        before, bracket, bracketed = hostinfo.partition(self._LBRACKET)
        if bracket:
            hostname, _, rest = bracketed.partition(self._RBRACKET)
            port = rest.partition(self._COLON)[2]
        else:
            hostname, _, port = hostinfo.partition(self._COLON)
        return hostname, (port or None)

    @property
    def username(self):
        return self._userinfo()[0]

    @property
    def password(self):
        return self._userinfo()[1]

    @property
    def hostname(self):
        hostname = self._hostinfo()[0]
        if not hostname:
            return None
        # An IPv6 zone id ("%eth0") is case-sensitive; only the address part is lowercased.
        host, percent, zone = hostname.partition(self._PERCENT)
        return host.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is None:
            return None
        if not (port.isdigit() and port.isascii()):
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        port = int(port)
        if not 0 <= port <= 65535:
            raise ValueError("Port out of range 0-65535")
        return port


class _StrSeparators:
    __slots__ = ()
    _AT, _COLON, _LBRACKET, _RBRACKET, _PERCENT = '@', ':', '[', ']', '%'


class _BytesSeparators:
    __slots__ = ()
    _AT, _COLON, _LBRACKET, _RBRACKET, _PERCENT = b'@', b':', b'[', b']', b'%'


_DefragResultBase = namedtuple('DefragResult', 'url fragment')
_SplitResultBase = namedtuple('SplitResult', 'scheme netloc path query fragment')
_ParseResultBase = namedtuple('ParseResult', 'scheme netloc path params query fragment')


class _DefragGeturl:
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + self._HASH + self.fragment
        return self.url


class DefragResult(_DefragResultBase, _DefragGeturl, _ResultMixinStr):
    __slots__ = ()
    _HASH = '#'


class SplitResult(_SplitResultBase, _NetlocMixin, _StrSeparators, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_ParseResultBase, _NetlocMixin, _StrSeparators, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(_DefragResultBase, _DefragGeturl, _ResultMixinBytes):
    __slots__ = ()
    _HASH = b'#'


class SplitResultBytes(_SplitResultBase, _NetlocMixin, _BytesSeparators, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(_ParseResultBase, _NetlocMixin, _BytesSeparators, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


for _str_cls, _bytes_cls in ((DefragResult, DefragResultBytes), (SplitResult, SplitResultBytes),
                             (ParseResult, ParseResultBytes)):
    _str_cls._encoded_counterpart = _bytes_cls
    _bytes_cls._decoded_counterpart = _str_cls
del _str_cls, _bytes_cls


# ---- host validation (what ipaddress.ip_address accepts inside brackets) ----

def _is_ipv4(text):
    octets = text.split('.')
    if len(octets) != 4:
        return False
    for octet in octets:
        if not (octet.isascii() and octet.isdigit()) or len(octet) > 3:
            return False
        if len(octet) > 1 and octet[0] == '0' or int(octet) > 255:
            return False
    return True


def _is_ipv6(text):
    addr, percent, scope = text.partition('%')
    if '/' in text or (percent and (not scope or '%' in scope)):
        return False
    parts = addr.split(':')
    if len(parts) < 3:
        return False
    if '.' in parts[-1]:
        if not _is_ipv4(parts[-1]):
            return False
        parts[-1:] = ['0', '0']
    if len(parts) > 9:
        return False
    inner_empty = [i for i in range(1, len(parts) - 1) if not parts[i]]
    if len(inner_empty) > 1:
        return False
    if inner_empty:
        # "::" stands for at least one group; a lone leading/trailing ':' is an error.
        if (not parts[0] and inner_empty[0] != 1) or (not parts[-1] and
                                                      inner_empty[0] != len(parts) - 2):
            return False
        groups = [p for p in parts if p]
        if len(groups) > 7:
            return False
    else:
        if len(parts) != 8:
            return False
        groups = parts
    hexdigits = '0123456789abcdefABCDEF'
    return all(1 <= len(g) <= 4 and all(c in hexdigits for c in g) for g in groups)


def _check_bracketed_host(host):
    # IPvFuture is "v<hex>.<anything>"; otherwise the host must be an IPv6 address.
    if host.startswith('v'):
        dot = host.find('.')
        digits = host[1:dot] if dot > 0 else ''
        if (not digits or any(c not in '0123456789abcdefABCDEF' for c in digits)
                or dot == len(host) - 1):
            raise ValueError("IPvFuture address is invalid")
    elif _is_ipv4(host):
        raise ValueError("An IPv4 address cannot be in brackets")
    elif not _is_ipv6(host):
        raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")


# ---- splitting and joining ----

def _split_netloc(url):
    """Split '//netloc/rest' at the first '/', '?' or '#' after the two slashes."""
    end = len(url)
    for delim in '/?#':
        found = url.find(delim, 2)
        if found >= 0:
            end = min(end, found)
    return url[2:end], url[end:]


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, query, fragment)."""
    url, scheme, coerce = _coerce_args(url, scheme)
    url = url.lstrip(_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_C0_CONTROL_OR_SPACE)
    for ch in _UNSAFE_URL_BYTES_TO_REMOVE:
        url = url.replace(ch, '')
        scheme = scheme.replace(ch, '')
    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha() and all(
            c in scheme_chars for c in url[:colon]):
        scheme, url = url[:colon].lower(), url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _split_netloc(url)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
        if '[' in netloc:
            _check_bracketed_host(netloc.partition('[')[2].partition(']')[0])
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return coerce(SplitResult(scheme, netloc, url, query, fragment))


def _split_params(path):
    # Parameters belong to the last path segment only.
    start = path.rfind('/')
    semi = path.find(';', start if start >= 0 else 0)
    if semi < 0:
        return path, ''
    return path[:semi], path[semi + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, params, query, fragment)."""
    url, scheme, coerce = _coerce_args(url, scheme)
    scheme, netloc, path, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ''
    if scheme in uses_params and ';' in path:
        path, params = _split_params(path)
    return coerce(ParseResult(scheme, netloc, path, params, query, fragment))


def urlunsplit(components):
    """Join the five parts of urlsplit() back into a URL."""
    scheme, netloc, url, query, fragment, coerce = _coerce_args(*components)
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return coerce(url)


def urlunparse(components):
    """Join the six parts of urlparse() back into a URL."""
    scheme, netloc, url, params, query, fragment, coerce = _coerce_args(*components)
    if params:
        url = url + ';' + params
    return coerce(urlunsplit((scheme, netloc, url, query, fragment)))


def _merge_paths(base_path, path):
    """Resolve a relative path against a base path and remove dot segments (RFC 3986 5.2)."""
    if path[:1] == '/':
        segments = path.split('/')
    else:
        base_dir = base_path.split('/')
        if base_dir[-1]:
            del base_dir[-1]
        segments = base_dir + path.split('/')
        # CPython drops empty segments between the first and last ones when merging.
        segments = segments[:1] + [s for s in segments[1:-1] if s] + segments[-1:]
    out = []
    for seg in segments:
        if seg == '..':
            if out:
                out.pop()
        elif seg != '.':
            out.append(seg)
    if segments[-1] in ('.', '..'):
        out.append('')
    return '/'.join(out) or '/'


def urljoin(base, url, allow_fragments=True):
    """Resolve url relative to base."""
    if not base:
        return url
    if not url:
        return base
    base, url, coerce = _coerce_args(base, url)
    bscheme, bnetloc, bpath, bparams, bquery, _ = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return coerce(url)
    if scheme in uses_netloc:
        if netloc:
            return coerce(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc
    if not path and not params:
        return coerce(urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment)))
    return coerce(urlunparse((scheme, netloc, _merge_paths(bpath, path), params, query,
                              fragment)))


def urldefrag(url):
    """Split off the fragment: DefragResult(url without fragment, fragment)."""
    url, coerce = _coerce_args(url)
    if '#' not in url:
        return coerce(DefragResult(url, ''))
    scheme, netloc, path, params, query, fragment = urlparse(url)
    return coerce(DefragResult(urlunparse((scheme, netloc, path, params, query, '')), fragment))


# ---- percent-encoding ----

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~')
_HEX = '0123456789abcdefABCDEF'


def unquote_to_bytes(string):
    """Decode %XX escapes into bytes; a str is first encoded as UTF-8."""
    if not string:
        string.split  # raises AttributeError for non-string falsy values, as CPython
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    pieces = string.split(b'%')
    if len(pieces) == 1:
        return string
    out = bytearray(pieces[0])
    for piece in pieces[1:]:
        code = piece[:2]
        if len(code) == 2 and chr(code[0]) in _HEX and chr(code[1]) in _HEX:
            out.append(int(code, 16))
            out += piece[2:]
        else:
            out += b'%'
            out += piece
    return bytes(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """Decode %XX escapes; escaped bytes are decoded with encoding and errors."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split  # raises AttributeError for non-strings, as CPython
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    # Only runs of ASCII are unescaped: other characters are already text.
    out = []
    start = 0
    n = len(string)
    while start < n:
        end = start
        ascii_run = string[start].isascii()
        while end < n and string[end].isascii() == ascii_run:
            end += 1
        chunk = string[start:end]
        out.append(unquote_to_bytes(chunk).decode(encoding, errors) if ascii_run else chunk)
        start = end
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """Like unquote(), and '+' means a space (form encoding)."""
    return unquote(string.replace('+', ' '), encoding, errors)


def quote_from_bytes(bs, safe='/'):
    """Percent-encode bytes except letters, digits, '_.-~' and the safe characters."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    keep = _ALWAYS_SAFE | frozenset(c for c in safe if c < 128)
    return ''.join(chr(b) if b in keep else '%{:02X}'.format(b) for b in bs)


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode a str (encoded first, UTF-8 by default) or bytes."""
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or 'utf-8', errors or 'strict')
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """Like quote(), but spaces become '+' (form encoding)."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """Encode a mapping or a sequence of pairs as 'k1=v1&k2=v2'.

    With doseq, a sequence value yields one pair per element.
    """
    if hasattr(query, 'items'):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def encode(value):
        if isinstance(value, bytes):
            return quote_via(value, safe)
        return quote_via(str(value), safe, encoding, errors)

    pairs = []
    for key, value in query:
        key = encode(key)
        if not doseq or isinstance(value, (str, bytes)):
            pairs.append(key + '=' + encode(value))
            continue
        try:
            len(value)
        except TypeError:
            pairs.append(key + '=' + encode(value))
        else:
            pairs.extend(key + '=' + encode(elt) for elt in value)
    return '&'.join(pairs)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a list of (name, value) pairs."""
    qs, coerce = _coerce_args(qs)
    separator, _ = _coerce_args(separator)
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None:
        num_fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < num_fields:
            raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in (qs.split(separator) if qs else []):
        if not field and not strict_parsing:
            continue
        name, eq, value = field.partition('=')
        if not eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            pairs.append((coerce(unquote(name.replace('+', ' '), encoding, errors)),
                          coerce(unquote(value.replace('+', ' '), encoding, errors))))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a dict mapping each name to the list of its values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        result.setdefault(name, []).append(value)
    return result


def unwrap(url):
    """Strip '<URL:...>' or '<...>' wrapping from a URL."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url
