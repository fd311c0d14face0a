"""A lexical analyzer class for simple shell-like syntaxes: shlex, and
the helpers split(), join() and quote()."""

import os
import sys
from collections import deque

__all__ = ["shlex", "split", "quote", "join"]

_POSIX_EXTRA_WORDCHARS = ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'
                          'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')

# Lexer states besides "inside a quote" (the quote character itself) and
# "after an escape" (the escape character itself).
_IDLE = ' '         # between tokens
_WORD = 'a'         # inside a word
_PUNCT = 'c'        # inside a run of punctuation characters


class _StringReader:
    """The read(1)/readline() interface of a file, over a string."""

    def __init__(self, text):
        self._text = text
        self._pos = 0

    def read(self, n):
        chunk = self._text[self._pos:self._pos + n]
        self._pos += len(chunk)
        return chunk

    def readline(self):
        end = self._text.find('\n', self._pos)
        end = len(self._text) if end < 0 else end + 1
        line = self._text[self._pos:end]
        self._pos = end
        return line


class shlex:
    """A lexical analyzer class for simple shell-like syntaxes."""

    def __init__(self, instream=None, infile=None, posix=False,
                 punctuation_chars=False):
        if isinstance(instream, str):
            instream = _StringReader(instream)
        if instream is not None:
            self.instream = instream
            self.infile = infile
        else:
            self.instream = sys.stdin
            self.infile = None
        self.posix = posix
        self.eof = None if posix else ''
        self.commenters = '#'
        self.wordchars = ('abcdfeghijklmnopqrstuvwxyz'
                          'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
        if self.posix:
            self.wordchars += _POSIX_EXTRA_WORDCHARS
        self.whitespace = ' \t\r\n'
        self.whitespace_split = False
        self.quotes = '\'"'
        self.escape = '\\'
        self.escapedquotes = '"'
        self.state = _IDLE
        self.pushback = deque()
        self.lineno = 1
        self.debug = 0
        self.token = ''
        self.filestack = deque()
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ''
        elif punctuation_chars is True:
            punctuation_chars = '();<>|&'
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            # Characters read ahead while collecting punctuation.
            self._pushback_chars = deque()
            # These chars are word characters when punctuation is split.
            self.wordchars += '~-./*?='
            self.wordchars = ''.join(c for c in self.wordchars
                                     if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        "Push a token onto the stack popped by the get_token method"
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        "Push an input source onto the lexer's input source stack."
        if isinstance(newstream, str):
            newstream = _StringReader(newstream)
        self.filestack.appendleft((self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1

    def pop_source(self):
        "Pop the input source stack."
        self.instream.close()
        (self.infile, self.instream, self.lineno) = self.filestack.popleft()
        self.state = _IDLE

    def get_token(self):
        "Get a token from the input stream (or from stack if it's nonempty)"
        if self.pushback:
            return self.pushback.popleft()
        raw = self.read_token()
        # The source keyword (if set) includes the named file.
        if self.source is not None:
            while raw == self.source:
                spec = self.sourcehook(self.read_token())
                if spec:
                    (newfile, newstream) = spec
                    self.push_source(newstream, newfile)
                raw = self.get_token()
        # At the end of an included file, continue with the includer.
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        return raw

    def _next_char(self):
        if self._punctuation_chars and self._pushback_chars:
            return self._pushback_chars.pop()
        return self.instream.read(1)

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    def read_token(self):
        """Read one token from the input, following the state machine of
        a shell-like lexer: whitespace separates tokens, quotes group
        characters, escapes (posix mode) quote one character, comments run
        to the end of the line."""
        quoted = False          # a quote was seen: '' is a real token
        escaped_from = _IDLE    # state to return to after an escape
        while True:
            c = self._next_char()
            if c == '\n':
                self.lineno += 1
            state = self.state
            if state is None:
                self.token = ''         # past end of file
                break
            if state == _IDLE:
                if not c:
                    self.state = None   # end of file
                    break
                if c in self.whitespace:
                    if self.token or (self.posix and quoted):
                        break
                elif c in self.commenters:
                    self._skip_comment()
                elif self.posix and c in self.escape:
                    escaped_from = _WORD
                    self.state = c
                elif c in self.wordchars:
                    self.token = c
                    self.state = _WORD
                elif c in self._punctuation_chars:
                    self.token = c
                    self.state = _PUNCT
                elif c in self.quotes:
                    if not self.posix:
                        self.token = c
                    self.state = c
                elif self.whitespace_split:
                    self.token = c
                    self.state = _WORD
                else:
                    # A lone special character is a token by itself.
                    self.token = c
                    break
            elif state in self.quotes:
                quoted = True
                if not c:
                    raise ValueError('No closing quotation')
                if c == state:
                    if not self.posix:
                        self.token += c
                        self.state = _IDLE
                        break
                    self.state = _WORD
                elif self.posix and c in self.escape and \
                        state in self.escapedquotes:
                    escaped_from = state
                    self.state = c
                else:
                    self.token += c
            elif state in self.escape:
                if not c:
                    raise ValueError('No escaped character')
                # Inside quotes only the quote and the escape character
                # itself can be escaped; otherwise the backslash stays.
                if escaped_from in self.quotes and c != state and \
                        c != escaped_from:
                    self.token += state
                self.token += c
                self.state = escaped_from
            else:   # _WORD or _PUNCT
                if not c:
                    self.state = None   # end of file
                    break
                if c in self.whitespace:
                    self.state = _IDLE
                    if self.token or (self.posix and quoted):
                        break
                elif c in self.commenters:
                    self._skip_comment()
                    if self.posix:
                        self.state = _IDLE
                        if self.token or (self.posix and quoted):
                            break
                elif state == _PUNCT:
                    if c in self._punctuation_chars:
                        self.token += c
                    else:
                        if c not in self.whitespace:
                            self._pushback_chars.append(c)
                        self.state = _IDLE
                        break
                elif self.posix and c in self.quotes:
                    self.state = c
                elif self.posix and c in self.escape:
                    escaped_from = _WORD
                    self.state = c
                elif (c in self.wordchars or c in self.quotes or
                      (self.whitespace_split and
                       c not in self._punctuation_chars)):
                    self.token += c
                else:
                    # The character ends the word and starts the next token.
                    if self._punctuation_chars:
                        self._pushback_chars.append(c)
                    else:
                        self.pushback.appendleft(c)
                    self.state = _IDLE
                    if self.token or (self.posix and quoted):
                        break
        result = self.token
        self.token = ''
        if self.posix and not quoted and result == '':
            result = None
        return result

    def sourcehook(self, newfile):
        "Hook called on a filename to be sourced."
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        # Relative names are relative to the including file.
        if isinstance(self.infile, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(self.infile), newfile)
        return (newfile, open(newfile, "r"))

    def error_leader(self, infile=None, lineno=None):
        "Emit a C-compiler-like, Emacs-friendly error-message leader."
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return "\"%s\", line %d: " % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """Split the string *s* using shell-like syntax."""
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() is deprecated.",
                      DeprecationWarning, stacklevel=2)
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ''
    return list(lex)


def join(split_command):
    """Return a shell-escaped string from *split_command*."""
    return ' '.join(quote(arg) for arg in split_command)


# Characters that never need quoting in a shell word.
_SAFE_CHARS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
                        '0123456789@%+=:,./-_')


def quote(s):
    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if all(c in _SAFE_CHARS for c in s):
        return s
    # Single-quote everything; a single quote itself is closed, given in
    # double quotes and reopened: $'b becomes '$'"'"'b'.
    return "'" + s.replace("'", "'\"'\"'") + "'"
