"""Regular expressions with Python's re API, matched by RE2 (the native _re2 module).

RE2 guarantees linear-time matching, so this module translates Python's pattern syntax into
RE2's and emulates the Python semantics RE2 lacks:
- \\d, \\w, \\s follow Unicode (str.isdecimal/isalnum/isspace) for str patterns: _re2 supplies
  their code point ranges, because RE2's own classes are ASCII-only;
- '$' without MULTILINE also matches before a final newline (_re2 runs a second match);
- \\Z, \\uXXXX, \\UXXXXXXXX, \\xhh, octal escapes, {,n} and VERBOSE are rewritten;
- empty matches in finditer/sub/split follow Python 3.7+: an empty match may follow a
  non-empty one, and after an empty match the search resumes one character later (a pattern
  that would prefer an empty match but could match non-empty there, such as 'a*?', loses the
  non-empty alternative: RE2 cannot ask for "a match that is not empty here").
Backreferences, lookaround, atomic groups, possessive quantifiers and conditionals have no
linear-time implementation and raise re.error saying RE2 does not support them. \\b and \\B
use ASCII word characters (RE2's definition).
"""

import enum
import _re2

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
    "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII",
    "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag",
]


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    TEMPLATE = T = 1
    IGNORECASE = I = 2
    LOCALE = L = 4
    MULTILINE = M = 8
    DOTALL = S = 16
    UNICODE = U = 32
    VERBOSE = X = 64
    DEBUG = 128
    ASCII = A = 256

    def __repr__(self):
        if self._value_ == 0:
            return 're.NOFLAG'
        names = ['re.' + f.name for f in _FLAG_ORDER if self._value_ & f._value_ == f._value_]
        rest = self._value_ & ~sum(f._value_ for f in _FLAG_ORDER)
        if rest:
            names.append(hex(rest))
        return '|'.join(names)

    __str__ = object.__str__


NOFLAG = RegexFlag.NOFLAG
T = TEMPLATE = RegexFlag.TEMPLATE
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
U = UNICODE = RegexFlag.UNICODE
X = VERBOSE = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG
A = ASCII = RegexFlag.ASCII
_FLAG_ORDER = (TEMPLATE, IGNORECASE, LOCALE, MULTILINE, DOTALL, UNICODE, VERBOSE, DEBUG, ASCII)


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'

# ---------------------------------------------------------------------------------------------
# Translation of Python pattern syntax to RE2 syntax

# Plain ints: Pattern.flags is an int, as in CPython.
_FLAG_LETTERS = {'a': ASCII.value, 'i': IGNORECASE.value, 'L': LOCALE.value, 'm': MULTILINE.value,
                 's': DOTALL.value, 'u': UNICODE.value, 'x': VERBOSE.value}
_VERBOSE_SPACE = ' \t\n\r\v\f'
_SIMPLE_ESCAPES = {'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11}
_OCTDIGITS = '01234567'
_HEXDIGITS = '0123456789abcdefABCDEF'
_ASCII_CLASSES = {'d': ((0x30, 0x39),), 's': ((9, 13), (32, 32)),
                  'w': ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))}
_unicode_classes = {}


def _cp(c):
    return '\\x{%x}' % c


def _ranges_text(ranges):
    return ''.join(_cp(lo) if lo == hi else '%s-%s' % (_cp(lo), _cp(hi)) for lo, hi in ranges)


def _complement(ranges, top):
    out, nxt = [], 0
    for lo, hi in ranges:
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= top:
        out.append((nxt, top))
    return out


def _class_body(letter, unicode_mode, is_bytes):
    """The inside of a character class for \\d \\D \\s \\S \\w \\W."""
    if unicode_mode:
        body = _unicode_classes.get(letter)
        if body is None:
            body = _unicode_classes[letter] = _re2.unicode_class(letter)
        return body
    ranges = _ASCII_CLASSES[letter.lower()]
    if letter.isupper():
        ranges = _complement(ranges, 0xFF if is_bytes else 0x10FFFF)
    return _ranges_text(ranges)


class _Translator:
    def __init__(self, pattern, flags, is_bytes):
        self.source = pattern
        self.p = pattern.decode('latin-1') if is_bytes else pattern
        self.flags = flags
        self.is_bytes = is_bytes
        self.out = []
        self.dollar_nl = False
        self.ngroups = 0
        self.close_order = []

    def fail(self, msg, pos):
        raise error(msg, self.source, pos)

    def unsupported(self, construct, pos):
        raise error('%s are not supported: RE2 does not support them' % construct, self.source, pos)

    def translate(self):
        p = self.p
        i = self.global_flags()
        flags = self.flags
        self.unicode_mode = not self.is_bytes and not flags & ASCII
        self.verbose = bool(flags & VERBOSE)
        prefix = ''.join(c for c, f in (('i', IGNORECASE), ('m', MULTILINE), ('s', DOTALL)) if flags & f)
        if prefix:
            self.out.append('(?%s)' % prefix)
        stack = []          # the open groups: their number, or 0 for non-capturing ones
        can_repeat = False  # does the last item accept a quantifier?
        repeated = False    # was the last item a quantifier?
        after_repeat = False
        n = len(p)
        while i < n:
            c = p[i]
            if not (self.verbose and (c in _VERBOSE_SPACE or c == '#')):
                after_repeat, repeated = repeated, False
            if self.verbose and c in _VERBOSE_SPACE:
                i += 1
                continue
            if self.verbose and c == '#':
                end = p.find('\n', i)
                i = n if end < 0 else end + 1
                continue
            if c == '\\':
                i = self.escape(i)
                can_repeat = True
            elif c == '[':
                i = self.char_class(i)
                can_repeat = True
            elif c == '(':
                i = self.open_group(i, stack)
                can_repeat = False
            elif c == ')':
                if not stack:
                    self.fail('unbalanced parenthesis', i)
                group = stack.pop()
                self.open_positions.pop()
                if group:
                    self.close_order.append(group)
                self.out.append(')')
                i += 1
                can_repeat = True
            elif c in '*+?' or (c == '{' and self.quantifier(i, dry_run=True)):
                if not can_repeat:
                    self.fail('multiple repeat' if after_repeat else 'nothing to repeat', i)
                i = self.quantifier(i) if c == '{' else self.simple_quantifier(i)
                can_repeat = False
                repeated = True
                continue
            elif c == '$':
                if not flags & MULTILINE:
                    self.dollar_nl = True
                self.out.append('$')
                i += 1
                can_repeat = False
            elif c in '^|':
                self.out.append(c)
                i += 1
                can_repeat = False
            elif c == '.':
                self.out.append('.')
                i += 1
                can_repeat = True
            else:
                self.literal(ord(c))
                i += 1
                can_repeat = True
        if stack:
            self.fail('missing ), unterminated subpattern', self.open_positions[-1])
        return ''.join(self.out)

    def global_flags(self):
        """Folds leading (?aiLmsux) groups into self.flags; returns where the pattern goes on."""
        p, i = self.p, 0
        self.open_positions = []
        while p.startswith('(?', i):
            j = i + 2
            while j < len(p) and p[j] in _FLAG_LETTERS:
                j += 1
            if j == i + 2 or j >= len(p) or p[j] != ')':
                break
            for letter in p[i + 2:j]:
                self.flags |= _FLAG_LETTERS[letter]
            i = j + 1
        self.check_flags()
        return i

    def check_flags(self):
        flags = self.flags
        if self.is_bytes:
            if flags & UNICODE:
                raise ValueError('cannot use UNICODE flag with a bytes pattern')
            if flags & LOCALE and flags & ASCII:
                raise ValueError('ASCII and LOCALE flags are incompatible')
        else:
            if flags & LOCALE:
                raise ValueError('cannot use LOCALE flag with a str pattern')
            if flags & ASCII and flags & UNICODE:
                raise ValueError('ASCII and UNICODE flags are incompatible')

    def literal(self, code):
        c = chr(code)
        if c.isalnum() and (code < 128 or not self.is_bytes):
            self.out.append(c)
        else:
            self.out.append(_cp(code))

    def simple_quantifier(self, i):
        p = self.p
        self.out.append(p[i])
        i += 1
        if i < len(p) and p[i] == '?':
            self.out.append('?')
            i += 1
        elif i < len(p) and p[i] == '+':
            self.unsupported('possessive quantifiers', i - 1)
        return i

    def quantifier(self, i, dry_run=False):
        """A {m,n} repeat; with dry_run, whether p[i] starts one (else '{' is a literal)."""
        p = self.p
        end = p.find('}', i)
        if end < 0:
            return False
        body = p[i + 1:end]
        lo, comma, hi = body.partition(',')
        if not (lo.isdigit() or lo == '') or not (hi.isdigit() or hi == '') or not (lo or comma and hi) \
                or not lo.isascii() or not hi.isascii():
            return False
        if dry_run:
            return True
        if lo and hi and int(lo) > int(hi):
            self.fail('min repeat greater than max repeat', i + 1)
        if max(int(lo or 0), int(hi or 0)) > 1000:
            self.unsupported('repeat counts above 1000', i)
        self.out.append('{%s%s%s}' % (lo or '0', comma, hi))
        i = end + 1
        if i < len(p) and p[i] == '?':
            self.out.append('?')
            i += 1
        elif i < len(p) and p[i] == '+':
            self.unsupported('possessive quantifiers', i)
        return i

    def open_group(self, i, stack):
        p = self.p
        self.open_positions.append(i)
        if not p.startswith('(?', i):
            self.ngroups += 1
            stack.append(self.ngroups)
            self.out.append('(')
            return i + 1
        rest = p[i + 2:i + 4]
        if rest.startswith('P<'):
            end = p.find('>', i + 4)
            if end < 0:
                self.fail('missing >, unterminated name', i + 4)
            name = p[i + 4:end]
            if not name:
                self.fail('missing group name', i + 4)
            if not name.isidentifier():
                self.fail('bad character in group name %r' % name, i + 4)
            self.ngroups += 1
            stack.append(self.ngroups)
            self.out.append('(?P<%s>' % name)
            return end + 1
        if rest.startswith('P') and rest != 'P=':
            self.fail('unknown extension ?' + rest, i + 1)
        if rest.startswith('P='):
            self.unsupported('backreferences (?P=name)', i)
        if rest.startswith('=') or rest.startswith('!'):
            self.unsupported('lookahead assertions', i)
        if rest in ('<=', '<!'):
            self.unsupported('lookbehind assertions', i)
        if rest.startswith('>'):
            self.unsupported('atomic groups', i)
        if rest.startswith('('):
            self.unsupported('conditional groups', i)
        if rest.startswith('#'):
            self.open_positions.pop()
            end = p.find(')', i)
            if end < 0:
                self.fail('missing ), unterminated comment', i)
            return end + 1
        if rest.startswith(':'):
            stack.append(0)
            self.out.append('(?:')
            return i + 3
        j = i + 2
        while j < len(p) and (p[j] in _FLAG_LETTERS or p[j] == '-'):
            j += 1
        if j == i + 2 or j >= len(p) or p[j] not in ':)':
            if j >= len(p):
                self.fail('missing -, : or )', j)
            self.fail('unknown extension ?' + p[i + 2:j + 1], i + 1)
        if p[j] == ')':
            self.fail('global flags not at the start of the expression', i)
        on, _, off = p[i + 2:j].partition('-')
        letters = [c for c in on + off if c not in 'ims']
        if letters:
            self.unsupported('scoped flags other than i, m and s (%s)' % ''.join(letters), i)
        stack.append(0)
        self.out.append('(?%s%s:' % (on, '-' + off if off else ''))
        return j + 1

    def escape(self, i):
        """Translates the escape at p[i] outside a class; returns the index after it."""
        p = self.p
        if i + 1 >= len(p):
            self.fail('bad escape (end of pattern)', i)
        c = p[i + 1]
        if c in 'dDsSwW':
            self.out.append('[%s]' % _class_body(c, self.unicode_mode, self.is_bytes))
            return i + 2
        if c in 'AbB':
            self.out.append('\\' + c)
            return i + 2
        if c == 'Z':
            self.out.append('\\z')
            return i + 2
        if c in '123456789':
            code, end = self.octal_escape(i)
            if code is None:
                j = i + 2
                if j < len(p) and p[j].isdigit():
                    j += 1
                self.unsupported('backreferences (%s)' % p[i:j], i)
            self.literal(code)
            return end
        code, end = self.char_escape(i)
        self.literal(code)
        return end

    def octal_escape(self, i):
        """\\ooo (three octal digits) as (code, end); (None, i) when it is not one."""
        p = self.p
        digits = p[i + 1:i + 4]
        if len(digits) == 3 and all(d in _OCTDIGITS for d in digits):
            code = int(digits, 8)
            if code > 0o377:
                self.fail('octal escape value \\%s outside of range 0-0o377' % digits, i)
            return code, i + 4
        return None, i

    def char_escape(self, i):
        """An escape standing for one character, as (code point, end)."""
        p = self.p
        c = p[i + 1]
        if c in _SIMPLE_ESCAPES and c != 'b':
            return _SIMPLE_ESCAPES[c], i + 2
        if c == '0':
            j = i + 2
            while j < len(p) and j < i + 4 and p[j] in _OCTDIGITS:
                j += 1
            return int(p[i + 1:j], 8), j
        widths = {'x': 2, 'u': 4, 'U': 8}
        if c in widths and (c == 'x' or not self.is_bytes):
            digits = p[i + 2:i + 2 + widths[c]]
            if len(digits) != widths[c] or not all(d in _HEXDIGITS for d in digits):
                self.fail('incomplete escape \\%s%s' % (c, digits), i)
            code = int(digits, 16)
            if code > 0x10FFFF:
                self.fail('bad escape \\%s%s' % (c, digits), i)
            return code, i + 2 + widths[c]
        if c.isascii() and c.isalnum():
            self.fail('bad escape \\' + c, i)
        return ord(c), i + 2

    def char_class(self, start):
        p = self.p
        i = start + 1
        parts = ['[']
        if i < len(p) and p[i] == '^':
            parts.append('^')
            i += 1
        first = True
        prev = None         # (code, position) of the last single character, a range's start
        range_from = None   # set after a '-' that makes a range
        while True:
            if i >= len(p):
                self.fail('unterminated character set', start)
            c = p[i]
            if c == ']' and not first:
                i += 1
                break
            item_start = i
            code = None
            if c == '\\':
                if i + 1 >= len(p):
                    self.fail('unterminated character set', start)
                e = p[i + 1]
                if e in 'dDsSwW':
                    parts.append(_class_body(e, self.unicode_mode, self.is_bytes))
                    if range_from is not None:
                        self.fail('bad character range %s' % p[range_from[1]:i + 2], range_from[1])
                    i += 2
                    first = False
                    prev = None
                    continue
                elif e == 'b':
                    code = 8
                    i += 2
                elif e in '123456789':
                    code, end = self.octal_escape(i)
                    if code is None:
                        self.fail('bad escape \\' + e, i)
                    i = end
                else:
                    code, i = self.char_escape(i)
            elif c == '-' and not first and prev is not None and i + 1 < len(p) and p[i + 1] != ']':
                parts.append('-')
                range_from = prev
                prev = None
                i += 1
                continue
            else:
                code = ord(c)
                i += 1
            parts.append(c if c.isascii() and c.isalnum() and code == ord(c) else _cp(code))
            if range_from is not None:
                if range_from[0] > code:
                    self.fail('bad character range %s' % p[range_from[1]:i], range_from[1])
                range_from = None
                prev = None
            else:
                prev = (code, item_start)
            first = False
        parts.append(']')
        self.out.append(''.join(parts))
        return i


# ---------------------------------------------------------------------------------------------
# Pattern and Match

_MAXSIZE = 2 ** 63 - 1
_MAXCACHE = 512
_cache = {}


def _piece(subject, start, end):
    """subject[start:end] as str or bytes (a bytearray or memoryview subject gives bytes)."""
    piece = subject[start:end]
    return piece if type(piece) is str or type(piece) is bytes else bytes(piece)


def _subject_length(string):
    """len() of a string to match; CPython's TypeError for anything that is not one."""
    try:
        return len(string)
    except TypeError:
        raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'") from None


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags, regex, close_rank):
        self._pattern = pattern
        self._flags = flags
        self._regex = regex
        self._close_rank = close_rank
        self._groupindex = regex.groupindex

    pattern = property(lambda self: self._pattern)
    flags = property(lambda self: self._flags)
    groups = property(lambda self: self._regex.groups)
    groupindex = property(lambda self: dict(self._groupindex))

    def __repr__(self):
        text = repr(self._pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self._flags
        if isinstance(self._pattern, str):
            flags &= ~UNICODE
        if not flags:
            return 're.compile(%s)' % text
        return 're.compile(%s, %r)' % (text, RegexFlag(flags))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self._pattern == other._pattern and self._flags == other._flags

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, anchor):
        n = _subject_length(string)
        pos = min(max(pos, 0), n)
        endpos = min(max(endpos, 0), n)
        if endpos < pos:
            self._regex.match(string, 0, 0, 0)  # only to reject a subject of the wrong type
            return None
        offsets = self._regex.match(string, pos, endpos, anchor)
        if offsets is None:
            return None
        return Match(self, string, pos, endpos, offsets)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        n = _subject_length(string)
        pos = min(max(pos, 0), n)
        endpos = min(max(endpos, 0), n)
        while pos <= endpos:
            m = self._run(string, pos, endpos, 0)
            if m is None:
                return
            yield m
            start, end = m.span()
            if start == end:
                # Python never reports two empty matches at one place: go on one character later.
                pos = end + 1
            else:
                pos = end

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        groups = self.groups
        _subject_length(string)
        empty = _piece(string, 0, 0)
        result = []
        for m in self.finditer(string, pos, endpos):
            if groups == 0:
                result.append(m.group())
            elif groups == 1:
                g = m.group(1)
                result.append(empty if g is None else g)
            else:
                result.append(tuple(empty if g is None else g for g in m.groups()))
        return result

    def split(self, string, maxsplit=0):
        pieces = []
        last = 0
        count = 0
        for m in self.finditer(string):
            if maxsplit > 0 and count >= maxsplit:
                break
            pieces.append(_piece(string, last, m.start()))
            pieces.extend(m.groups())
            last = m.end()
            count += 1
        pieces.append(_piece(string, last, None))
        return pieces

    def subn(self, repl, string, count=0):
        if callable(repl):
            replace = repl
        else:
            template = _compile_template(self, repl)
            if len(template) == 1 and not isinstance(template[0], int):
                literal = template[0]
                replace = lambda m: literal
            else:
                replace = lambda m: _expand(m, template)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count > 0 and n >= count:
                break
            pieces.append(_piece(string, last, m.start()))
            piece = replace(m)
            if piece:
                pieces.append(piece)
            last = m.end()
            n += 1
        pieces.append(_piece(string, last, None))
        return _piece(string, 0, 0).join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


def _compile_template(pattern, repl):
    """Parses a replacement template into literals and group numbers."""
    is_bytes = isinstance(pattern.pattern, bytes)
    if is_bytes:
        if not isinstance(repl, (bytes, bytearray)):
            raise TypeError('expected a bytes-like object, %s found' % type(repl).__name__)
        text = bytes(repl).decode('latin-1')
    else:
        if not isinstance(repl, str):
            # CPython reports this from joining the pieces; the same words keep callers' checks working.
            raise TypeError('sequence item 0: expected str instance, %s found' % type(repl).__name__)
        text = repl
    items = []
    literal = []

    def flush():
        if literal:
            s = ''.join(literal)
            items.append(s.encode('latin-1') if is_bytes else s)
            literal.clear()

    def group_ref(index, pos):
        if index > pattern.groups:
            raise error('invalid group reference %d' % index, repl, pos)
        flush()
        items.append(index)

    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', repl, i)
        e = text[i + 1]
        if e == 'g':
            if i + 2 >= n or text[i + 2] != '<':
                raise error('missing <', repl, i + 2)
            end = text.find('>', i + 3)
            name = text[i + 3:] if end < 0 else text[i + 3:end]
            if not name:
                raise error('missing group name', repl, i + 3)
            if end < 0:
                raise error('missing >, unterminated name', repl, i + 3)
            if name.isdigit() and name.isascii():
                group_ref(int(name), i + 3)
            elif name.isidentifier():
                if name not in pattern._groupindex:
                    raise IndexError('unknown group name %r' % name)
                group_ref(pattern._groupindex[name], i + 3)
            else:
                raise error('bad character in group name %r' % name, repl, i + 3)
            i = end + 1
        elif e == '0':
            j = i + 2
            while j < n and j < i + 4 and text[j] in _OCTDIGITS:
                j += 1
            literal.append(chr(int(text[i + 1:j], 8)))
            i = j
        elif e in '123456789':
            j = i + 2
            if j < n and text[j].isdigit() and text[j].isascii():
                j += 1
                if j < n and all(d in _OCTDIGITS for d in text[i + 1:j + 1]):
                    code = int(text[i + 1:j + 1], 8)
                    if code > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377' % text[i + 1:j + 1],
                                    repl, i)
                    literal.append(chr(code))
                    i = j + 1
                    continue
            group_ref(int(text[i + 1:j]), i + 1)
            i = j
        elif e in _SIMPLE_ESCAPES:
            literal.append(chr(_SIMPLE_ESCAPES[e]))
            i += 2
        elif e == '\\':
            literal.append('\\')
            i += 2
        elif e.isascii() and e.isalpha():
            raise error('bad escape \\' + e, repl, i)
        else:
            literal.append('\\' + e)
            i += 2
    flush()
    if not items:
        items.append(repl[:0])
    return items


def _expand(match, template):
    empty = _piece(match.string, 0, 0)
    pieces = []
    for item in template:
        if isinstance(item, int):
            g = match.group(item)
            if g is not None:
                pieces.append(g)
        else:
            pieces.append(item)
    return empty.join(pieces)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, offsets):
        self._re = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._offsets = offsets

    re = property(lambda self: self._re)
    string = property(lambda self: self._string)
    pos = property(lambda self: self._pos)
    endpos = property(lambda self: self._endpos)

    @property
    def regs(self):
        o = self._offsets
        return tuple((o[k], o[k + 1]) for k in range(0, len(o), 2))

    @property
    def lastindex(self):
        # The group that closed last: the one ending furthest right, and among those the one
        # whose ')' comes last in the pattern (an enclosing group closes after its contents).
        best, best_key = None, None
        o = self._offsets
        rank = self._re._close_rank
        for g in range(1, len(o) // 2):
            if o[2 * g] >= 0:
                key = (o[2 * g + 1], rank.get(g, 0))
                if best_key is None or key > best_key:
                    best, best_key = g, key
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        if index is None:
            return None
        for name, i in self._re._groupindex.items():
            if i == index:
                return name
        return None

    def _index(self, g):
        if isinstance(g, str):
            index = self._re._groupindex.get(g)
            if index is not None:
                return index
        else:
            try:
                index = g.__index__()
            except (AttributeError, TypeError):
                index = None
            if index is not None and 0 <= index <= len(self._offsets) // 2 - 1:
                return index
        raise IndexError('no such group')

    def _group(self, g):
        k = 2 * self._index(g)
        start = self._offsets[k]
        if start < 0:
            return None
        return _piece(self._string, start, self._offsets[k + 1])

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        result = []
        for g in range(1, len(self._offsets) // 2):
            value = self._group(g)
            result.append(default if value is None else value)
        return tuple(result)

    def groupdict(self, default=None):
        result = {}
        for name, index in self._re._groupindex.items():
            value = self._group(index)
            result[name] = default if value is None else value
        return result

    def start(self, group=0):
        return self._offsets[2 * self._index(group)]

    def end(self, group=0):
        return self._offsets[2 * self._index(group) + 1]

    def span(self, group=0):
        k = 2 * self._index(group)
        return (self._offsets[k], self._offsets[k + 1])

    def expand(self, template):
        return _expand(self, _compile_template(self._re, template))

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---------------------------------------------------------------------------------------------
# Module functions

def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (type(pattern), pattern, flags)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if isinstance(pattern, str):
        is_bytes = False
    elif isinstance(pattern, (bytes, bytearray)):
        pattern = bytes(pattern)
        is_bytes = True
    else:
        raise TypeError('first argument must be string or compiled pattern')
    translator = _Translator(pattern, flags, is_bytes)
    text = translator.translate()
    try:
        regex = _re2.compile(text.encode('latin-1') if is_bytes else text, translator.dollar_nl)
    except ValueError as e:
        raise error(str(e), pattern, 0) from None
    if regex.groups != translator.ngroups:
        raise error('group count mismatch after translation', pattern, 0)
    final_flags = translator.flags
    if not is_bytes and not final_flags & ASCII:
        final_flags |= UNICODE.value
    close_rank = {g: r for r, g in enumerate(translator.close_order)}
    compiled = Pattern(pattern, final_flags, regex, close_rank)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


_SPECIAL_CHARS = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string or bytes."""
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL_CHARS)
    return str(pattern, 'latin1').translate(_SPECIAL_CHARS).encode('latin1')
