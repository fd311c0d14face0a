"""The socket module: the socket class over _socket.socket, plus the connection helpers
(create_connection, create_server, socketpair, fromfd) and makefile()'s file objects."""

import _socket
from _socket import *
_GLOBAL_DEFAULT_TIMEOUT = object()


class socket(_socket.socket):
    """A socket object; the same as _socket.socket plus context management, accept() that
    returns socket objects, dup() and makefile()."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(), self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        return s + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        fd = _socket.dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        fd, addr = self._accept()
        # Like CPython, the new socket takes the default timeout, not the listener's.
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        reading = "r" in mode
        writing = "w" in mode
        if not reading and not writing:
            reading = True
        binary = "b" in mode
        self._io_refs += 1
        if binary:
            return SocketIO(self, reading, writing)
        return _SocketTextIO(self, reading, writing, encoding or "utf-8", errors or "strict",
                             newline)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self):
        _socket.socket.close(self)

    def close(self):
        # Files from makefile() keep the fd open until they are closed too.
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        self._closed = True
        return super().detach()

    @property
    def family(self):
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        return _intenum_converter(super().type, SocketKind)


def _intenum_converter(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


from enum import IntEnum as _IntEnum


class AddressFamily(_IntEnum):
    AF_UNSPEC = _socket.AF_UNSPEC
    AF_INET = _socket.AF_INET
    AF_INET6 = _socket.AF_INET6
    AF_UNIX = _socket.AF_UNIX


class SocketKind(_IntEnum):
    SOCK_STREAM = _socket.SOCK_STREAM
    SOCK_DGRAM = _socket.SOCK_DGRAM
    SOCK_RAW = _socket.SOCK_RAW


AF_UNSPEC, AF_INET, AF_INET6, AF_UNIX = AddressFamily
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW = SocketKind


class SocketIO:
    """The binary file of makefile('rb'/'wb'): buffered line reads and plain writes."""

    def __init__(self, sock, reading, writing):
        self._sock = sock
        self._reading = reading
        self._writing = writing
        self._buf = b""
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self):
        self._check()
        return self._reading

    def writable(self):
        self._check()
        return self._writing

    def fileno(self):
        self._check()
        return self._sock.fileno()

    def _fill(self):
        chunk = self._sock.recv(8192)
        self._buf += chunk
        return bool(chunk)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._buf = self._buf, b""
            return data
        while len(self._buf) < size and self._fill():
            pass
        data, self._buf = self._buf[:size], self._buf[size:]
        return data

    def readline(self, size=-1):
        self._check()
        while b"\n" not in self._buf and (size < 0 or len(self._buf) < size):
            if not self._fill():
                break
        end = self._buf.find(b"\n") + 1 or len(self._buf)
        if size >= 0:
            end = min(end, size)
        data, self._buf = self._buf[:end], self._buf[end:]
        return data

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check()
        self._sock.sendall(data)
        return len(data)

    def flush(self):
        self._check()

    def close(self):
        if not self.closed:
            self.closed = True
            self._sock._decref_socketios()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _SocketTextIO(SocketIO):
    """The text file of makefile('r'/'w'): str lines over the binary one."""

    def __init__(self, sock, reading, writing, encoding, errors, newline):
        super().__init__(sock, reading, writing)
        self.encoding = encoding
        self.errors = errors

    def read(self, size=-1):
        return super().read(size).decode(self.encoding, self.errors)

    def readline(self, size=-1):
        return super().readline(size).decode(self.encoding, self.errors)

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        self._check()
        self._sock.sendall(text.encode(self.encoding, self.errors))
        return len(text)


def fromfd(fd, family, type, proto=0):
    nfd = dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except OSError as exc:
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if exceptions:
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions.clear()
    raise OSError("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Can an AF_INET6 socket also accept IPv4 connections (IPV6_V6ONLY off)?"""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except OSError:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except OSError as err:
            raise OSError(err.errno, "%s (while attempting to bind on address %r)" %
                          (err.strerror, address)) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except OSError:
        sock.close()
        raise

