"""Text wrapping and filling (wrap, fill, shorten, dedent, indent).

Text is split into chunks by hand-written scanners that reproduce the
splitting rules of CPython's regular expressions, so no re is needed.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only ASCII whitespace is recognised (not, for example, U+00A0).
_whitespace = '\t\n\x0b\x0c\r '


def _is_word(c):
    # \w in regular expressions.
    return c.isalnum() or c == '_'


def _is_letter(c):
    # [^\d\W]: a word character that is not a digit.
    return _is_word(c) and not c.isdecimal()


def _is_word_punct(c):
    # [\w!"'&.,?]: characters that may precede an em-dash.
    return _is_word(c) or c in '!"\'&.,?'


def _dashes_then_word(text, i):
    """True if text[i:] is two or more '-' followed by a word character."""
    j = i
    while j < len(text) and text[j] == '-':
        j += 1
    return j - i >= 2 and j < len(text) and _is_word(text[j])


def _split_hyphenated(text):
    """Split text into whitespace runs, em-dashes ('--' between words) and
    words, where a word may also end just after a hyphen that joins two
    letter sequences ('long-' 'winded')."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in _whitespace:
            j = i + 1
            while j < n and text[j] in _whitespace:
                j += 1
        elif c == '-' and i > 0 and _is_word_punct(text[i - 1]) and \
                _dashes_then_word(text, i):
            j = i
            while text[j] == '-':
                j += 1
        else:
            # The shortest non-whitespace run that ends a word.
            j = i + 1
            while True:
                if j >= n or text[j] in _whitespace:
                    break
                if text[j] == '-' and _hyphen_breaks(text, j):
                    j += 1
                    break
                if _is_word_punct(text[j - 1]) and _dashes_then_word(text, j):
                    break
                j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _hyphen_breaks(text, j):
    """Whether a word may be split after the hyphen at text[j]: it follows
    two letters (or letter-hyphen-letter) and is followed by a letter,
    optionally a hyphen, and a letter."""
    def letter(k):
        return 0 <= k < len(text) and _is_letter(text[k])

    before = (letter(j - 1) and letter(j - 2)) or \
        (letter(j - 1) and j - 2 >= 0 and text[j - 2] == '-' and letter(j - 3))
    if not before:
        return False
    if not letter(j + 1):
        return False
    return letter(j + 2) or (j + 2 < len(text) and text[j + 2] == '-' and
                             letter(j + 3))


def _split_whitespace(text):
    """Split text into alternating whitespace and non-whitespace runs."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        in_ws = text[i] in _whitespace
        j = i + 1
        while j < n and (text[j] in _whitespace) == in_ws:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    # [a-z][.!?]["']? at the end of the chunk.
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and \
        'a' <= chunk[-2] <= 'z'


class TextWrapper:
    """Object for wrapping/filling text.  The public interface consists of
    the wrap() and fill() methods; the other methods are just there for
    subclasses to override in order to tweak the default behaviour."""

    def __init__(self, width=70, initial_indent='', subsequent_indent='',
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *,
                 max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- splitting --

    def _munge_whitespace(self, text):
        """Expand tabs and turn every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _whitespace:
                text = text.replace(c, ' ')
        return text

    def _split(self, text):
        """Split the text to wrap into indivisible chunks."""
        if self.break_on_hyphens is True:
            return _split_hyphenated(text)
        return _split_whitespace(text)

    def _fix_sentence_endings(self, chunks):
        """Make sure sentence-ending punctuation is followed by two
        spaces."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _ends_sentence(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    # -- wrapping --

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put (part of) a chunk too long for any line on the current
        line."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer breaking after the last hyphen that fits, unless
                # the chunk is only hyphens up to there.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Greedily fill lines with chunks, honouring indents, long words,
        whitespace dropping and max_lines."""
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            indent = (self.subsequent_indent if self.max_lines > 1
                      else self.initial_indent)
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')

        chunks = list(reversed(chunks))   # pop() takes the next chunk
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # Whitespace at the start of a line (but not of the text) goes.
            if self.drop_whitespace and lines and chunks[-1].strip() == '':
                del chunks[-1]

            while chunks:
                size = len(chunks[-1])
                if cur_len + size > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += size

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            if self.drop_whitespace and cur_line and \
                    cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if not cur_line:
                continue
            rest_is_blank = not chunks or (
                self.drop_whitespace and len(chunks) == 1 and
                not chunks[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                    rest_is_blank and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue

            # Last allowed line: end it with the placeholder, dropping
            # chunks until it fits.
            while cur_line:
                if cur_line[-1].strip() and \
                        cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- public interface --

    def wrap(self, text):
        """Reformat the single paragraph in 'text' so it fits in lines of
        no more than 'self.width' columns, and return a list of wrapped
        lines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Reformat the single paragraph in 'text' to fit in lines of no
        more than 'self.width' columns, and return a new string containing
        the entire wrapped paragraph."""
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped
    lines."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width.

    >>> textwrap.shorten("Hello  world!", width=12)
    'Hello world!'
    >>> textwrap.shorten("Hello  world!", width=11)
    'Hello [...]'
    """
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in `text`.

    Tabs and spaces are both whitespace but are not equal.  Lines that
    consist solely of spaces and tabs are normalised to empty lines."""
    lines = text.split('\n')
    margin = None
    for index, line in enumerate(lines):
        stripped = line.lstrip(' \t')
        if not stripped:
            lines[index] = ''
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None or margin.startswith(indent):
            margin = indent
        elif not indent.startswith(margin):
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        size = len(margin)
        lines = [line[size:] if line.startswith(margin) else line
                 for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Adds 'prefix' to the beginning of selected lines in 'text'.

    If 'predicate' is provided, 'prefix' will only be added to the lines
    where 'predicate(line)' is True.  If 'predicate' is not provided, it
    will default to adding 'prefix' to all non-whitespace lines."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
