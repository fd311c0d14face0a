"""The socket module: the socket class over _socket.socket, plus the connection helpers
(create_connection, create_server, socketpair, fromfd) and makefile()'s file objects.

send, recv and the other data calls are _socket.socket's own native methods: the subclass
only adds what needs Python (enums, accept's wrapping, makefile's reference counting)."""

import _socket
from _socket import *
from enum import IntEnum as _IntEnum

_GLOBAL_DEFAULT_TIMEOUT = object()


class AddressFamily(_IntEnum):
    AF_UNSPEC = _socket.AF_UNSPEC
    AF_INET = _socket.AF_INET
    AF_INET6 = _socket.AF_INET6
    AF_UNIX = _socket.AF_UNIX


class SocketKind(_IntEnum):
    SOCK_STREAM = _socket.SOCK_STREAM
    SOCK_DGRAM = _socket.SOCK_DGRAM
    SOCK_RAW = _socket.SOCK_RAW


# The module-level constants are the enum members, so that they print by name.
globals().update(AddressFamily.__members__)
globals().update(SocketKind.__members__)


def _as_enum(enum_type, number):
    """number as a member of enum_type when it names one, else the plain number."""
    try:
        return enum_type(number)
    except ValueError:
        return number


class socket(_socket.socket):
    """A socket object; the same as _socket.socket plus context management, accept() that
    returns socket objects, dup() and makefile()."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        _socket.socket.__init__(self, family, type, proto, fileno)
        # Open files from makefile(); the descriptor stays open until they are all closed.
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if not self._closed:
            self.close()

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        parts = [f"<{type(self).__module__}.{type(self).__qualname__}",
                 " [closed]" if closed else "",
                 f" fd={self.fileno()}, family={self.family}, type={self.type},"
                 f" proto={self.proto}"]
        if not closed:
            for label, query in (("laddr", self.getsockname), ("raddr", self.getpeername)):
                try:
                    address = query()
                except OSError:
                    continue
                if address:
                    parts.append(f", {label}={address}")
        return "".join(parts) + ">"

    @property
    def family(self):
        return _as_enum(AddressFamily, _socket.socket.family.__get__(self))

    @property
    def type(self):
        return _as_enum(SocketKind, _socket.socket.type.__get__(self))

    def accept(self):
        """Waits for a connection: (socket, address). The new socket has the default timeout,
        not the listener's."""
        fd, address = self._accept()
        return socket(self.family, self.type, self.proto, fileno=fd), address

    def dup(self):
        twin = type(self)(self.family, self.type, self.proto, fileno=_socket.dup(self.fileno()))
        twin.settimeout(self.gettimeout())
        return twin

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading from and/or writing to the socket."""
        letters = set(mode)
        if not letters <= {"r", "w", "b"}:
            raise ValueError(f"invalid mode {mode!r} (only r, w, b allowed)")
        writing = "w" in letters
        reading = "r" in letters or not writing
        self._io_refs += 1
        if "b" in letters:
            return SocketIO(self, reading, writing)
        return _SocketText(self, reading, writing, encoding or "utf-8", errors or "strict")

    def _decref_socketios(self):
        self._io_refs = max(0, self._io_refs - 1)
        if self._closed:
            self.close()

    def _real_close(self):
        _socket.socket.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        self._closed = True
        return _socket.socket.detach(self)


class SocketIO:
    """The binary file of makefile(): reads are buffered so that readline() can stop at a
    newline; writes go straight to sendall()."""

    def __init__(self, sock, reading, writing):
        self._sock = sock
        self._reading = reading
        self._writing = writing
        self._pending = bytearray()
        self._eof = False
        self.closed = False

    def _require_open(self, what="I/O operation on closed file."):
        if self.closed:
            raise ValueError(what)

    def readable(self):
        self._require_open("I/O operation on closed socket.")
        return self._reading

    def writable(self):
        self._require_open("I/O operation on closed socket.")
        return self._writing

    def seekable(self):
        self._require_open()
        return False

    def fileno(self):
        self._require_open()
        return self._sock.fileno()

    def _receive(self):
        """Appends one chunk from the socket; False at end of stream."""
        if self._eof:
            return False
        chunk = self._sock.recv(8192)
        if not chunk:
            self._eof = True
            return False
        self._pending += chunk
        return True

    def _take(self, count):
        data = bytes(self._pending[:count])
        del self._pending[:count]
        return data

    def read(self, size=-1):
        self._require_open("read of closed file")
        if size is None or size < 0:
            while self._receive():
                pass
            return self._take(len(self._pending))
        while len(self._pending) < size and self._receive():
            pass
        return self._take(size)

    def readline(self, size=-1):
        self._require_open("readline of closed file")
        limit = None if size is None or size < 0 else size
        scanned = 0
        while True:
            newline = self._pending.find(b"\n", scanned)
            if newline >= 0:
                end = newline + 1
                break
            scanned = len(self._pending)
            if limit is not None and scanned >= limit or not self._receive():
                end = len(self._pending)
                break
        if limit is not None:
            end = min(end, limit)
        return self._take(end)

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._require_open("write to closed file")
        self._sock.sendall(data)
        return len(data)

    def flush(self):
        self._require_open("flush of closed file")

    def close(self):
        if not self.closed:
            self.closed = True
            self._sock._decref_socketios()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class _SocketText(SocketIO):
    """The text file of makefile(): str over the binary file's bytes."""

    def __init__(self, sock, reading, writing, encoding, errors):
        super().__init__(sock, reading, writing)
        self.encoding = encoding
        self.errors = errors

    def read(self, size=-1):
        return super().read(size).decode(self.encoding, self.errors)

    def readline(self, size=-1):
        return super().readline(size).decode(self.encoding, self.errors)

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        super().write(text.encode(self.encoding, self.errors))
        return len(text)


def fromfd(fd, family, type, proto=0):
    """A socket object over a duplicate of the descriptor fd."""
    return socket(family, type, proto, dup(fd))


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """A pair of connected socket objects (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    return tuple(socket(family, type, proto, raw.detach())
                 for raw in _socket.socketpair(family, type, proto))


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """Connects to (host, port), trying each address getaddrinfo() gives in turn; returns
    the first socket that connects."""
    host, port = address
    failures = []
    for family, kind, proto, _, target in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(target)
            return sock
        except OSError as failure:
            failures.append(failure)
            if sock is not None:
                sock.close()
    if not failures:
        raise OSError("getaddrinfo returns an empty list")
    if all_errors:
        raise ExceptionGroup("create_connection failed", failures)
    # Raised without keeping the list, so the tracebacks do not form a cycle with it.
    first = failures[0]
    del failures
    raise first


def has_dualstack_ipv6():
    """Can an AF_INET6 socket also accept IPv4 connections (IPV6_V6ONLY off)?"""
    try:
        with socket(AF_INET6, SOCK_STREAM) as probe:
            probe.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
    except OSError:
        return False
    return True


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to address (with SO_REUSEADDR set)."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    server = socket(family, SOCK_STREAM)
    try:
        _prepare_listener(server, address, family, reuse_port, dualstack_ipv6)
        if backlog is None:
            server.listen()
        else:
            server.listen(backlog)
    except OSError:
        server.close()
        raise
    return server


def _prepare_listener(server, address, family, reuse_port, dualstack_ipv6):
    server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    if reuse_port:
        server.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
    if family == AF_INET6:
        server.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
    try:
        server.bind(address)
    except OSError as failure:
        message = f"{failure.strerror} (while attempting to bind on address {address!r})"
        raise OSError(failure.errno, message) from None
