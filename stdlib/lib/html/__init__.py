"""Escape text for HTML and turn character references back into text (HTML5 rules)."""

import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace &, < and > (and, when quote is true, both quote characters) by references."""
    s = s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    if quote:
        s = s.replace('"', '&quot;').replace('\'', '&#x27;')
    return s


# HTML5 maps numeric references to C1 controls as if the bytes were Windows-1252; the five
# code points that Windows-1252 leaves undefined stay themselves.
_C1_REPLACEMENTS = dict(zip(
    range(0x80, 0xa0),
    '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
    '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e'
    '\u0178'))


def _dropped(cp):
    """Code points that a numeric reference may not produce and that vanish."""
    return (0x1 <= cp <= 0x8 or cp == 0xb or 0xe <= cp <= 0x1f or cp == 0x7f
            or 0xfdd0 <= cp <= 0xfdef or (cp & 0xfffe) == 0xfffe)


def _numeric(cp):
    if cp in _C1_REPLACEMENTS:
        return _C1_REPLACEMENTS[cp]
    if cp == 0 or 0xd800 <= cp <= 0xdfff or cp > 0x10ffff:
        return '\ufffd'
    if _dropped(cp):
        return ''
    return chr(cp)


def _replace_charref(match):
    ref = match.group(1)
    if ref[0] == '#':
        digits = ref[1:].rstrip(';')
        if digits[0] in 'xX':
            return _numeric(int(digits[1:], 16))
        return _numeric(int(digits))
    if ref in _html5:
        return _html5[ref]
    # Legacy references match without ';': take the longest known prefix.
    for end in range(len(ref) - 1, 1, -1):
        if ref[:end] in _html5:
            return _html5[ref[:end]] + ref[end:]
    return '&' + ref


_CHARREF = _re.compile(r'&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    """Replace every named and numeric character reference in s by the text it stands for."""
    if '&' not in s:
        return s
    return _CHARREF.sub(_replace_charref, s)
