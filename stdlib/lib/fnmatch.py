"""Filename matching with shell patterns.

fnmatch(FILENAME, PATTERN) matches according to the local convention.
fnmatchcase(FILENAME, PATTERN) always takes case in account.

The functions operate by translating the pattern into a regular
expression.  They cache the compiled regular expressions for speed.
"""

import functools
import os
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


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
    return fnmatchcase(os.path.normcase(name), os.path.normcase(pat))


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case.

    This is a version of fnmatch() which doesn't case-normalize
    its arguments.
    """
    return _matcher(pat)(name) is not None


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that
    match PAT."""
    match = _matcher(os.path.normcase(pat))
    return [name for name in names if match(os.path.normcase(name))]


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    return _to_regex(pat, for_re2=False)


@functools.lru_cache(maxsize=32768, typed=True)
def _matcher(pat):
    # Bytes patterns go through latin-1 so every byte maps to one character.
    if isinstance(pat, bytes):
        text = _to_regex(pat.decode('latin-1'), for_re2=True)
        return re.compile(text.encode('latin-1')).match
    return re.compile(_to_regex(pat, for_re2=True)).match


# Stands for a run of '*' among the translated pattern atoms.
_ANY_RUN = object()


def _to_regex(pat, for_re2):
    # translate() must return CPython's exact text, which uses an atomic
    # group "(?>.*?X)" for each '*' that is followed by more text and another
    # '*', and "(?!)" for an empty set.  The patterns compiled by _matcher go
    # to RE2 instead, which has neither atomic groups nor lookahead; since RE2
    # never backtracks, a plain lazy ".*?X" accepts the same names, and an
    # impossible class "[^\s\S]" stands in for "(?!)".
    never = '(?!)' if not for_re2 else r'[^\s\S]'
    atoms = _atoms(pat, never)
    # Split the atoms at the star runs: head STAR seg STAR seg ... STAR tail.
    segments = [[]]
    for atom in atoms:
        if atom is _ANY_RUN:
            segments.append([])
        else:
            segments[-1].append(atom)
    parts = [''.join(segments[0])]
    if len(segments) > 1:
        middle_form = '.*?%s' if for_re2 else '(?>.*?%s)'
        parts.extend(middle_form % ''.join(seg) for seg in segments[1:-1])
        parts.append('.*' + ''.join(segments[-1]))
    return r'(?s:%s)\Z' % ''.join(parts)


def _atoms(pat, never):
    """The pattern as a list of regex snippets, with _ANY_RUN for '*' runs."""
    atoms = []
    pos, size = 0, len(pat)
    while pos < size:
        ch = pat[pos]
        pos += 1
        if ch == '*':
            if not atoms or atoms[-1] is not _ANY_RUN:
                atoms.append(_ANY_RUN)
        elif ch == '?':
            atoms.append('.')
        elif ch == '[':
            close = _set_end(pat, pos)
            if close < 0:
                atoms.append('\\[')
            else:
                atoms.append(_bracket(pat[pos:close], never))
                pos = close + 1
        else:
            atoms.append(re.escape(ch))
    return atoms


def _set_end(pat, pos):
    """Index of the ']' closing a set whose body starts at pos, or -1.

    A ']' right after '[' or '[!' belongs to the set."""
    if pat.startswith('!', pos):
        pos += 1
    if pat.startswith(']', pos):
        pos += 1
    return pat.find(']', pos)


def _bracket(body, never):
    """Regex for the shell set whose text between the brackets is body."""
    negated = body.startswith('!')
    if negated:
        body = body[1:]
    pieces = []
    i, n = 0, len(body)
    while i < n:
        if i + 2 < n and body[i + 1] == '-':
            low, high = body[i], body[i + 2]
            i += 3
            # A reversed range such as z-a can match nothing: leave it out.
            if low <= high:
                pieces.append(_class_char(low) + '-' + _class_char(high))
        else:
            pieces.append(_class_char(body[i]))
            i += 1
    text = ('!' if negated else '') + ''.join(pieces)
    # A leading '!' negates even when it only became first because the
    # ranges before it were dropped.
    if not text:
        return never
    if text == '!':
        return '.'
    if text[0] == '!':
        return '[^' + text[1:] + ']'
    if text[0] in '^[':
        text = '\\' + text
    return '[' + text + ']'


def _class_char(ch):
    # Backslash, a literal hyphen and the set-operation characters must not
    # reach the regex raw.
    if ch in '\\-&~|':
        return '\\' + ch
    return ch
