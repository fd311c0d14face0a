"""Text wrapping and filling.
"""

from collections import deque
from itertools import groupby
from os.path import commonprefix

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only ASCII whitespace separates words; other spaces (e.g. U+00A0) do not.
_WHITESPACE = '\t\n\x0b\x0c\r '
_TO_SPACES = {ord(c): ' ' for c in _WHITESPACE}


class TextWrapper:
    """Wraps and fills text; the options are the instance attributes.

    width, initial_indent, subsequent_indent, expand_tabs, tabsize,
    replace_whitespace, fix_sentence_endings, break_long_words,
    break_on_hyphens, drop_whitespace, max_lines and placeholder have the
    meanings of the keyword arguments of textwrap.wrap().  Subclasses may
    override _split() or _wrap_chunks() to change how text is cut.
    """

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
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

    def _munge_whitespace(self, text):
        """Expand tabs and turn every whitespace character into a space,
        as the options ask."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(_TO_SPACES)
        return text

    def _split(self, text):
        """Cut text into chunks: whitespace runs and words, the words also
        after the hyphens of compound words when break_on_hyphens is set."""
        if self.break_on_hyphens:
            return _hyphenated_chunks(text)
        return [''.join(run) for _, run in groupby(text, _WHITESPACE.__contains__)]

    def _fix_sentence_endings(self, chunks):
        """Make the single space after each sentence end a double one."""
        i = 0
        while i + 1 < len(chunks):
            if chunks[i + 1] == ' ' and _ends_sentence(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _wrap_chunks(self, chunks):
        """Assemble chunks into lines of at most self.width characters."""
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            last_indent = (self.subsequent_indent if self.max_lines > 1
                           else self.initial_indent)
            if len(last_indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        pending = deque(chunks)
        while pending:
            prefix = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(prefix)
            # Whitespace never starts a line, except the first one.
            if self.drop_whitespace and lines and not pending[0].strip():
                pending.popleft()
            line = self._fill_line(pending, room)
            if self.drop_whitespace and line and not line[-1].strip():
                line.pop()
            if not line:
                continue
            if self._may_add_line(len(lines), pending, line, room):
                lines.append(prefix + ''.join(line))
            else:
                self._end_with_placeholder(lines, line, prefix, room)
                break
        return lines

    def _fill_line(self, pending, room):
        """Take the chunks of the next line off the front of pending."""
        line = []
        used = 0
        while pending and used + len(pending[0]) <= room:
            used += len(pending[0])
            line.append(pending.popleft())
        if pending and len(pending[0]) > room:
            if self.break_long_words:
                head = self._long_word_head(pending[0], 1 if room < 1 else room - used)
                line.append(head)
                pending[0] = pending[0][len(head):]
            elif not line:
                line.append(pending.popleft())
        return line

    def _long_word_head(self, word, space):
        """The part of an overlong word that goes on the current line."""
        if self.break_on_hyphens and len(word) > space:
            # Prefer cutting just after a hyphen, unless only hyphens precede it.
            cut = word.rfind('-', 0, space)
            if cut > 0 and word[:cut].strip('-'):
                return word[:cut + 1]
        return word[:space]

    def _may_add_line(self, done, pending, line, room):
        if self.max_lines is None or done + 1 < self.max_lines:
            return True
        # The last allowed line: fine if it holds all the remaining text.
        rest_is_blank = not pending or (self.drop_whitespace and len(pending) == 1
                                        and not pending[0].strip())
        return rest_is_blank and sum(map(len, line)) <= room

    def _end_with_placeholder(self, lines, line, prefix, room):
        placeholder = self.placeholder
        used = sum(map(len, line))
        while line:
            if line[-1].strip() and used + len(placeholder) <= room:
                lines.append(prefix + ''.join(line) + placeholder)
                return
            used -= len(line.pop())
        # Nothing of this line fits next to the placeholder: put it on the
        # previous line if there is room, else on a line of its own.
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(placeholder) <= self.width:
                lines[-1] = previous + placeholder
                return
        lines.append(prefix + placeholder.lstrip())

    def wrap(self, text):
        """Wrap text into a list of lines of at most self.width columns."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap text and return it as one string of newline-separated lines."""
        return "\n".join(self.wrap(text))


def _is_word_char(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    return _is_word_char(c) and not c.isdecimal()


def _letter_at(text, i):
    return 0 <= i < len(text) and _is_letter(text[i])


def _dash_run_end(text, i):
    """End of the em-dash ("--" or longer, then a word character) at i, or 0."""
    j = i
    while j < len(text) and text[j] == '-':
        j += 1
    if j - i >= 2 and j < len(text) and _is_word_char(text[j]):
        return j
    return 0


def _breaks_after_hyphen(text, i):
    """Whether a compound word may be cut after the hyphen at text[i]:
    two letters (or letter-hyphen-letter) before it, and a letter then
    another letter (possibly after one more hyphen) after it."""
    before = ((_letter_at(text, i - 2) and _letter_at(text, i - 1))
              or (_letter_at(text, i - 3) and text[i - 2] == '-' and _letter_at(text, i - 1)))
    if not before or not _letter_at(text, i + 1):
        return False
    return _letter_at(text, i + 2) or (text[i + 2:i + 3] == '-' and _letter_at(text, i + 3))


def _word_end(text, start):
    """End of the word piece starting at text[start] (not whitespace)."""
    k = start + 1
    while k < len(text) and text[k] not in _WHITESPACE:
        if text[k] == '-':
            if _breaks_after_hyphen(text, k):
                return k + 1
            if _is_em_dash_start(text, k):
                return k
        k += 1
    return k


def _is_em_dash_start(text, i):
    # An em-dash must follow a word character or punctuation ending a word.
    before = text[i - 1]
    return (_is_word_char(before) or before in '!"\'&.,?') and _dash_run_end(text, i) > 0


def _hyphenated_chunks(text):
    chunks = []
    pos = 0
    while pos < len(text):
        if text[pos] in _WHITESPACE:
            end = pos + 1
            while end < len(text) and text[end] in _WHITESPACE:
                end += 1
        elif pos > 0 and _is_em_dash_start(text, pos):
            end = _dash_run_end(text, pos)
        else:
            end = _word_end(text, pos)
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _ends_sentence(chunk):
    """Whether chunk ends like a sentence: lowercase ASCII letter, then
    '.', '!' or '?', then maybe a closing quote."""
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text into a list of lines of at most
    width columns.  Tabs are expanded and other whitespace becomes spaces;
    the keyword arguments are TextWrapper options."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Like wrap(), but return one string with the lines joined by newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and truncate it to fit in width,
    ending with the placeholder when words had to be dropped::

        >>> textwrap.shorten("Hello  world!", width=12)
        'Hello world!'
        >>> textwrap.shorten("Hello  world!", width=11)
        'Hello [...]'
    """
    collapsed = ' '.join(text.split())
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(collapsed)


def dedent(text):
    """Remove any common leading whitespace from every line in text.

    Tabs and spaces are both whitespace but not equal to each other: the
    lines "  hello" and "\\thello" have no common leading whitespace.
    Lines holding only spaces and tabs become empty.
    """
    lines = text.split('\n')
    margins = []
    for i, line in enumerate(lines):
        body = line.lstrip(' \t')
        if body:
            margins.append(line[:len(line) - len(body)])
        else:
            lines[i] = ''
    cut = len(commonprefix(margins))
    return '\n'.join(line[cut:] for line in lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the beginning of the lines of text selected by
    predicate(line); by default, the lines that are not only whitespace."""
    if predicate is None:
        predicate = str.strip
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
