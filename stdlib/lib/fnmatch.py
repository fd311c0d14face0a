"""Filename matching with shell patterns.

fnmatch(FILENAME, PATTERN) matches according to the local convention.
fnmatchcase(FILENAME, PATTERN) always takes case in account.

The functions operate by translating the pattern into a regular
expression.  They cache the compiled regular expressions for speed.
"""

import os
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

# Compiled patterns by (pattern, type); cleared when it grows too large.
_cache = {}
_MAXCACHE = 32768


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN.

    Patterns are Unix shell style:

    *       matches everything
    ?       matches any single character
    [seq]   matches any character in seq
    [!seq]  matches any char not in seq

    An initial period in FILENAME is not special.
    Both FILENAME and PATTERN are first case-normalized
    if the operating system requires it.
    If you don't want this, use fnmatchcase(FILENAME, PATTERN).
    """
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def _compile_pattern(pat):
    key = (pat, type(pat))
    match = _cache.get(key)
    if match is None:
        if isinstance(pat, bytes):
            res = bytes(_translate(str(pat, 'ISO-8859-1'), True), 'ISO-8859-1')
        else:
            res = _translate(pat, True)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        match = _cache[key] = re.compile(res).match
    return match


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that
    match PAT."""
    result = []
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    for name in names:
        if match(os.path.normcase(name)):
            result.append(name)
    return result


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case.

    This is a version of fnmatch() which doesn't case-normalize
    its arguments.
    """
    match = _compile_pattern(pat)
    return match(name) is not None


# Marks a '*' in the list of translated pieces.
_STAR = object()


def _translate_set(pat, start, end, re2):
    """Translate the inside of a [...] set, pat[start:end] (after '['),
    into the regular expression text of a character class."""
    stuff = pat[start:end]
    if '-' in stuff:
        # Split into the pieces around range hyphens; a '-' first (after
        # an optional '!') or last is a literal.
        chunks = []
        k = start + 2 if pat[start] == '!' else start + 1
        piece_start = start
        while True:
            k = pat.find('-', k, end)
            if k < 0:
                break
            chunks.append(pat[piece_start:k])
            piece_start = k + 1
            k += 3
        last = pat[piece_start:end]
        if last:
            chunks.append(last)
        else:
            chunks[-1] += '-'
        # Drop empty ranges such as z-a, which are invalid in a regex.
        for k in range(len(chunks) - 1, 0, -1):
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
        # Escape backslashes and the hyphens that do not form ranges.
        stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-')
                         for s in chunks)
    else:
        stuff = stuff.replace('\\', r'\\')
    # Escape the characters of set operations (&&, ~~ and ||).
    stuff = ''.join('\\' + c if c in '&~|' else c for c in stuff)
    if not stuff:
        return r'[^\s\S]' if re2 else '(?!)'   # empty set: never matches
    if stuff == '!':
        return '.'              # negated empty set: any character
    if stuff[0] == '!':
        stuff = '^' + stuff[1:]
    elif stuff[0] in ('^', '['):
        stuff = '\\' + stuff
    return '[%s]' % stuff


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    return _translate(pat, False)


def _translate(pat, re2):
    # translate() gives CPython's text; the patterns compiled here are for
    # RE2, which has no atomic groups or lookahead. RE2 does not backtrack,
    # so a plain lazy ".*?fixed" matches the same names, and an impossible
    # class stands in for the empty set's "(?!)".
    pieces = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
        elif c == '?':
            pieces.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                pieces.append('\\[')
            else:
                pieces.append(_translate_set(pat, i, j, re2))
                i = j + 1
        else:
            pieces.append(re.escape(c))

    # Join the pieces.  A '*' followed by fixed text and another '*' is
    # written as an atomic group "(?>.*?fixed)": the shortest match of the
    # fixed part, without backtracking into it.
    out = []
    k = 0
    while k < len(pieces) and pieces[k] is not _STAR:
        out.append(pieces[k])
        k += 1
    while k < len(pieces):
        k += 1                          # skip the star
        fixed = []
        while k < len(pieces) and pieces[k] is not _STAR:
            fixed.append(pieces[k])
            k += 1
        fixed = ''.join(fixed)
        if k < len(pieces):
            out.append(('.*?%s' if re2 else '(?>.*?%s)') % fixed)
        else:
            out.append('.*' + fixed)
    return r'(?s:%s)\Z' % ''.join(out)
