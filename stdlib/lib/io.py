"""The io module: open(), the in-memory streams, and the abstract stream classes.

Files are one native type (_io.TextIOWrapper) that plays CPython's text wrapper, buffered
and raw classes; TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom and FileIO
all name it. isinstance() against the abstract classes looks at a file's mode, so a text
file is a TextIOBase and a binary one a BufferedIOBase, as in CPython.
"""

import abc
import _io
from _io import (open, StringIO, BytesIO, TextIOWrapper, BufferedReader, BufferedWriter,
                 BufferedRandom, FileIO, UnsupportedOperation, DEFAULT_BUFFER_SIZE)

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

_FileType = _io.TextIOWrapper


def _file_kind(obj):
    """'text' or 'binary' for a native file object."""
    return 'binary' if 'b' in obj.mode else 'text'


class _IOMeta(abc.ABCMeta):
    """Answers isinstance() for native files by their mode (see the module docstring)."""

    def __instancecheck__(cls, instance):
        if type(instance) is _FileType:
            kinds = cls.__dict__.get('_native_file_kinds')
            if kinds is not None:
                return _file_kind(instance) in kinds
        return super().__instancecheck__(instance)


class IOBase(metaclass=_IOMeta):
    """The base of all streams. Subclasses override what they support; the defaults raise
    UnsupportedOperation or derive the operation from others (readline from read,
    iteration from readline, the context manager from close)."""

    _native_file_kinds = ('text', 'binary')

    def _unsupported(self, name):
        raise UnsupportedOperation("%s.%s() not supported" % (self.__class__.__name__, name))

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    __closed = False

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable." if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable." if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable." if msg is None else msg)

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        """Reads up to the next newline (b'\\n' or '\\n', kept) or size items, using read()."""
        if size is None:
            size = -1
        res = []
        got = 0
        while size < 0 or got < size:
            b = self.read(1)
            if not b:
                break
            res.append(b)
            got += len(b)
            if b[-1:] in ('\n', b'\n'):
                break
        return res[0][:0].join(res) if res else b''

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        """The remaining lines as a list; stops once hint characters have been read."""
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Unbuffered binary streams: read() in terms of readinto()."""

    _native_file_kinds = ()

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        if res:
            return bytes(res)
        return data

    def readinto(self, b):
        self._unsupported("readinto")

    def write(self, b):
        self._unsupported("write")


class BufferedIOBase(IOBase):
    """Buffered binary streams (BytesIO, files opened in binary mode)."""

    _native_file_kinds = ('binary',)

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        self._unsupported("read1")

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readinto1(self, b):
        data = self.read1(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Text streams (StringIO, files opened in text mode)."""

    _native_file_kinds = ('text',)

    def read(self, size=-1):
        self._unsupported("read")

    def write(self, s):
        self._unsupported("write")

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def readline(self):
        self._unsupported("readline")

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


TextIOBase.register(StringIO)
BufferedIOBase.register(BytesIO)


class BufferedRWPair(BufferedIOBase):
    """A reader and a writer stream joined into one read-write stream."""

    _native_file_kinds = ()

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        if not reader.readable():
            raise UnsupportedOperation('"reader" argument must be readable.')
        if not writer.writable():
            raise UnsupportedOperation('"writer" argument must be writable.')
        self.reader = reader
        self.writer = writer

    def read(self, size=-1):
        return self.reader.read(size)

    def read1(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=-1):
        return self.reader.readline(size)

    def write(self, b):
        return self.writer.write(b)

    def flush(self):
        return self.writer.flush()

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    @property
    def closed(self):
        return self.writer.closed


def open_code(path):
    """Opens a file of code for reading, as the import system would."""
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    """The encoding open() will use: the one given, else UTF-8 (minipy's locale)."""
    if encoding is None:
        return "utf-8"
    return encoding
