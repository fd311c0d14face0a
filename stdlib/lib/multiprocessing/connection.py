"""Connections: the two ends of a pipe between processes, carrying byte messages or pickled
objects, and wait() to watch several of them at once.

On the wire a message is its length as 4 big-endian bytes, then its bytes; a message of 4 GiB
or more has the marker 0xFFFFFFFF followed by an 8-byte length."""

import os
import pickle
import select
import socket
import struct
import time

from multiprocessing.context import BufferTooShort

__all__ = ['Pipe', 'wait']

_SHORT = struct.Struct('!I')
_LONG = struct.Struct('!Q')
_LONG_MARKER = 0xFFFFFFFF
# Below this size the header and the payload go out in one write.
_JOIN_LIMIT = 1 << 16
_READ_CHUNK = 1 << 20


class Connection:
    """One end of a pipe, over a file descriptor (a socket for duplex pipes)."""

    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        try:
            self.close()
        except OSError:
            # The descriptor was closed behind our back (os.close on fileno()).
            pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __reduce__(self):
        raise TypeError("Connection objects should only be shared between processes "
                        "through inheritance")

    @property
    def closed(self):
        """True once close() has been called."""
        return self._handle is None

    @property
    def readable(self):
        """True if the connection can receive."""
        return self._readable

    @property
    def writable(self):
        """True if the connection can send."""
        return self._writable

    def fileno(self):
        """Returns the file descriptor of the connection."""
        return self._open_fd()

    def close(self):
        """Closes the connection; closing again does nothing."""
        fd, self._handle = self._handle, None
        if fd is not None:
            os.close(fd)

    def _open_fd(self):
        if self._handle is None:
            raise OSError("handle is closed")
        return self._handle

    def _fd_for_reading(self):
        fd = self._open_fd()
        if not self._readable:
            raise OSError("connection is write-only")
        return fd

    def _fd_for_writing(self):
        fd = self._open_fd()
        if not self._writable:
            raise OSError("connection is read-only")
        return fd

    # -- sending ---------------------------------------------------------------------------

    def send_bytes(self, buf, offset=0, size=None):
        """Sends size bytes of a bytes-like object, from offset, as one message."""
        fd = self._fd_for_writing()
        data = memoryview(buf).cast('B')
        length = len(data)
        if offset < 0:
            raise ValueError("offset is negative")
        if length < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = length - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > length:
            raise ValueError("buffer length < offset + size")
        self._write_message(fd, data[offset:offset + size])

    def send(self, obj):
        """Sends a picklable object."""
        fd = self._fd_for_writing()
        self._write_message(fd, memoryview(pickle.dumps(obj)))

    def _write_message(self, fd, data):
        size = len(data)
        if size < _LONG_MARKER:
            header = _SHORT.pack(size)
        else:
            header = _SHORT.pack(_LONG_MARKER) + _LONG.pack(size)
        if size < _JOIN_LIMIT:
            _write_all(fd, memoryview(header + data))
        else:
            _write_all(fd, memoryview(header))
            _write_all(fd, data)

    # -- receiving -------------------------------------------------------------------------

    def recv_bytes(self, maxlength=None):
        """Receives one message as bytes. A message longer than maxlength raises OSError and
        leaves the connection unusable for reading."""
        fd = self._fd_for_reading()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        size = self._read_header(fd)
        if maxlength is not None and size > maxlength:
            self._lose_stream()
        return self._read_exactly(fd, size)

    def recv_bytes_into(self, buf, offset=0):
        """Receives one message into a writable buffer at offset; returns its length. If it
        does not fit, raises BufferTooShort holding the whole message."""
        fd = self._fd_for_reading()
        target = memoryview(buf).cast('B')
        if offset < 0:
            raise ValueError("negative offset")
        if offset > len(target):
            raise ValueError("offset too large")
        message = self._read_exactly(fd, self._read_header(fd))
        end = offset + len(message)
        if end > len(target):
            raise BufferTooShort(message)
        target[offset:end] = message
        return len(message)

    def recv(self):
        """Receives one pickled object."""
        return pickle.loads(self.recv_bytes())

    def poll(self, timeout=0.0):
        """Whether a message (or end of file) is ready, waiting up to timeout seconds (None:
        for ever)."""
        self._fd_for_reading()
        return bool(wait([self], timeout))

    def _read_header(self, fd):
        size, = _SHORT.unpack(self._read_exactly(fd, _SHORT.size, at_start=True))
        if size == _LONG_MARKER:
            size, = _LONG.unpack(self._read_exactly(fd, _LONG.size))
        return size

    def _read_exactly(self, fd, size, at_start=False):
        """Reads size bytes. End of file before the first byte of a message is EOFError; in
        the middle of one, OSError."""
        parts = []
        missing = size
        while missing:
            part = os.read(fd, min(missing, _READ_CHUNK))
            if not part:
                if at_start and missing == size:
                    raise EOFError
                raise OSError("got end of file during message")
            parts.append(part)
            missing -= len(part)
        return parts[0] if len(parts) == 1 else b''.join(parts)

    def _lose_stream(self):
        # The unread message body would be taken for the next header: stop reading here.
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")


def _write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def Pipe(duplex=True):
    """Returns (conn1, conn2), the two ends of a pipe. If duplex is False, conn1 can only
    receive and conn2 only send."""
    if not duplex:
        read_fd, write_fd = os.pipe()
        return Connection(read_fd, writable=False), Connection(write_fd, readable=False)
    left, right = socket.socketpair()
    return Connection(left.detach()), Connection(right.detach())


def _fd_of(obj):
    return obj if isinstance(obj, int) else obj.fileno()


def wait(object_list, timeout=None):
    """Waits until some of object_list are ready to read (data or end of file) and returns
    those. Items are connections, sockets, file descriptors, or objects with fileno().
    timeout None waits for ever."""
    watched = {}
    poller = select.poll()
    for obj in object_list:
        fd = _fd_of(obj)
        if fd not in watched:
            watched[fd] = []
            poller.register(fd, select.POLLIN)
        watched[fd].append(obj)
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        if deadline is None:
            wait_ms = None
        else:
            wait_ms = max(0, int((deadline - time.monotonic()) * 1000 + 0.999))
        try:
            events = poller.poll(wait_ms)
        except InterruptedError:
            continue
        return [obj for fd, _ in events for obj in watched[fd]]
