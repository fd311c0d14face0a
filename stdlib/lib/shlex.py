"""A lexical analyzer class for simple shell-like syntaxes."""

import io
import os
import re
import sys
from collections import deque

__all__ = ["shlex", "split", "quote", "join"]

# The alphabet keeps CPython's historical "dfe" ordering: wordchars is public.
_BASE_WORDCHARS = ('abcdfeghijklmnopqrstuvwxyz'
                   'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
_LATIN1_WORDCHARS = ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'
                     'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')
_DEFAULT_PUNCTUATION = '();<>|&'

# Lexer states besides "inside quote q" (the quote char) and "after escape e"
# (the escape char).
_BETWEEN = ' '
_IN_WORD = 'a'
_IN_PUNCT = 'c'


class shlex:
    "A lexical analyzer class for simple shell-like syntaxes."

    def __init__(self, instream=None, infile=None, posix=False,
                 punctuation_chars=False):
        self.instream = sys.stdin if instream is None else _as_stream(instream)
        self.infile = infile
        self.posix = posix
        self.eof = None if posix else ''
        self.commenters = '#'
        self.wordchars = _BASE_WORDCHARS + (_LATIN1_WORDCHARS if posix else '')
        self.whitespace = ' \t\r\n'
        self.whitespace_split = False
        self.quotes = '\'"'
        self.escape = '\\'
        self.escapedquotes = '"'
        self.state = _BETWEEN
        self.pushback = deque()
        self.lineno = 1
        self.debug = 0
        self.token = ''
        self.filestack = deque()
        self.source = None
        if punctuation_chars is True:
            punctuation_chars = _DEFAULT_PUNCTUATION
        elif punctuation_chars is False:
            punctuation_chars = ''
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            # Characters common in file names and options stay inside words.
            extra = '~-./*?='
            self.wordchars = ''.join(c for c in self.wordchars + extra
                                     if c not in punctuation_chars)
        # Characters read too far while collecting punctuation.
        self._unread = deque()
        self._quoted = False
        self._resume = _IN_WORD

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        "Push a token onto the stack popped by the get_token method"
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        "Push an input source onto the lexer's input source stack."
        saved = (self.infile, self.instream, self.lineno)
        self.filestack.appendleft(saved)
        self.infile, self.instream, self.lineno = newfile, _as_stream(newstream), 1

    def pop_source(self):
        "Pop the input source stack."
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.popleft()
        self.state = _BETWEEN

    def get_token(self):
        "Get a token from the input stream (or from stack if it's nonempty)"
        if self.pushback:
            return self.pushback.popleft()
        tok = self.read_token()
        if self.source is not None:
            while tok == self.source:
                included = self.sourcehook(self.read_token())
                if included:
                    stream_name, stream = included
                    self.push_source(stream, stream_name)
                tok = self.get_token()
        while tok == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            tok = self.get_token()
        return tok

    def read_token(self):
        """Read one raw token from the current input source."""
        self._quoted = False
        unread = self._unread
        while self.state is not None:
            if unread:
                ch = unread.pop()
            else:
                ch = self.instream.read(1)
                if ch == '\n':
                    self.lineno += 1
            state = self.state
            if state == _BETWEEN:
                done = self._on_between(ch)
            elif state == _IN_WORD or state == _IN_PUNCT:
                done = self._on_word(ch)
            elif state in self.quotes:
                done = self._on_quoted(ch)
            else:
                done = self._on_escaped(ch)
            if done:
                break
        result, self.token = self.token, ''
        if self.posix and not self._quoted and result == '':
            return None
        return result

    def _has_token(self):
        return bool(self.token) or (self.posix and self._quoted)

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    # Each _on_* handler consumes one character and says whether the token
    # being read is complete.

    def _on_between(self, ch):
        if not ch:
            self.state = None
            return False
        if ch in self.whitespace:
            return self._has_token()
        if ch in self.commenters:
            self._skip_comment()
        elif self.posix and ch in self.escape:
            self._resume = _IN_WORD
            self.state = ch
        elif ch in self.wordchars:
            self.token = ch
            self.state = _IN_WORD
        elif ch in self.punctuation_chars:
            self.token = ch
            self.state = _IN_PUNCT
        elif ch in self.quotes:
            if not self.posix:
                self.token = ch
            self.state = ch
        elif self.whitespace_split:
            self.token = ch
            self.state = _IN_WORD
        else:
            self.token = ch
            return self._has_token()
        return False

    def _on_quoted(self, ch):
        self._quoted = True
        if not ch:
            raise ValueError("No closing quotation")
        if ch == self.state:
            if self.posix:
                self.state = _IN_WORD
                return False
            self.token += ch
            self.state = _BETWEEN
            return True
        if self.posix and ch in self.escape and self.state in self.escapedquotes:
            self._resume = self.state
            self.state = ch
        else:
            self.token += ch
        return False

    def _on_escaped(self, ch):
        if not ch:
            raise ValueError("No escaped character")
        # Inside quotes the escape only applies to the quote and itself.
        if (self._resume in self.quotes and ch != self.state
                and ch != self._resume):
            self.token += self.state
        self.token += ch
        self.state = self._resume
        return False

    def _on_word(self, ch):
        if not ch:
            self.state = None
            return False
        if ch in self.whitespace:
            self.state = _BETWEEN
            return self._has_token()
        if ch in self.commenters:
            self._skip_comment()
            # Outside POSIX mode a comment does not end the word.
            if not self.posix:
                return False
            self.state = _BETWEEN
            return self._has_token()
        if self.state == _IN_PUNCT:
            if ch in self.punctuation_chars:
                self.token += ch
                return False
            if ch not in self.whitespace:
                self._unread.append(ch)
            self.state = _BETWEEN
            return True
        if self.posix and ch in self.quotes:
            self.state = ch
        elif self.posix and ch in self.escape:
            self._resume = _IN_WORD
            self.state = ch
        elif (ch in self.wordchars or ch in self.quotes
              or (self.whitespace_split and ch not in self.punctuation_chars)):
            self.token += ch
        else:
            if self.punctuation_chars:
                self._unread.append(ch)
            else:
                self.pushback.appendleft(ch)
            self.state = _BETWEEN
            return self._has_token()
        return False

    def sourcehook(self, newfile):
        "Hook called on a filename to be sourced."
        name = newfile[1:-1] if newfile[0] == '"' else newfile
        # Relative names are taken relative to the including file (join
        # keeps an absolute name as it is).
        if isinstance(self.infile, str):
            name = os.path.join(os.path.dirname(self.infile), name)
        return name, open(name)

    def error_leader(self, infile=None, lineno=None):
        "Emit a C-compiler-like, Emacs-friendly error-message leader."
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return '"%s", line %d: ' % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        tok = self.get_token()
        if tok == self.eof:
            raise StopIteration
        return tok


def split(s, comments=False, posix=True):
    """Split the string *s* using shell-like syntax."""
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() is deprecated.",
                      DeprecationWarning, stacklevel=2)
    lexer = shlex(s, posix=posix)
    lexer.whitespace_split = True
    if not comments:
        lexer.commenters = ''
    return list(lexer)


def join(split_command):
    """Return a shell-escaped string from *split_command*."""
    return ' '.join(map(quote, split_command))


# Anything outside this set needs quoting for a POSIX shell.
_needs_quoting = re.compile(r'[^\w@%+=:,./-]', re.ASCII).search


def quote(s):
    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if _needs_quoting(s) is None:
        return s
    # Single quotes protect everything but a single quote, which is closed,
    # emitted inside double quotes, and reopened.
    return "'%s'" % s.replace("'", "'\"'\"'")


def _as_stream(source):
    return io.StringIO(source) if isinstance(source, str) else source
