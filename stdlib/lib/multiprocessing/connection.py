"""Connections: message pipes between processes (objects are pickled)."""

import os
import select
import struct
import time

import pickle

__all__ = ['Connection', 'Pipe', 'wait']


class Connection:
    """One end of a pipe over a file descriptor. Messages are length-prefixed bytes."""

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
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._handle

    def _close(self):
        os.close(self._handle)

    def close(self):
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send_bytes(m[offset:offset + size])

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        self._send_bytes(pickle.dumps(obj))

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf

    def recv_bytes_into(self, buf, offset=0):
        self._check_closed()
        self._check_readable()
        if offset < 0 or offset > len(buf):
            raise ValueError("offset out of bounds")
        data = self._recv_bytes()
        if len(data) > len(buf) - offset:
            raise BufferTooShort(data)
        buf[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        self._check_closed()
        self._check_readable()
        return pickle.loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return self._poll(timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def _send(self, buf):
        remaining = len(buf)
        view = buf
        while remaining > 0:
            n = os.write(self._handle, view)
            remaining -= n
            if remaining == 0:
                break
            view = view[n:]

    def _recv(self, size):
        chunks = []
        remaining = size
        while remaining > 0:
            chunk = os.read(self._handle, remaining)
            n = len(chunk)
            if n == 0:
                if remaining == size:
                    raise EOFError
                raise OSError("got end of file during message")
            chunks.append(chunk)
            remaining -= n
        return b''.join(chunks)

    def _send_bytes(self, buf):
        n = len(buf)
        if n > 0x7fffffff:
            self._send(struct.pack("!i", -1) + struct.pack("!Q", n))
            self._send(buf)
        elif n > 16384:
            # Two writes rather than one concatenation copy of a large message.
            self._send(struct.pack("!i", n))
            self._send(buf)
        else:
            self._send(struct.pack("!i", n) + buf)

    def _recv_bytes(self, maxsize=None):
        size, = struct.unpack("!i", self._recv(4))
        if size == -1:
            size, = struct.unpack("!Q", self._recv(8))
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)

    def _bad_message_length(self):
        self.close()
        raise OSError("bad message length")

    def _poll(self, timeout):
        r = wait([self], timeout)
        return bool(r)

    def __reduce__(self):
        raise TypeError("Connection objects should only be shared between processes "
                        "through inheritance")


class BufferTooShort(Exception):
    pass


def Pipe(duplex=True):
    """Returns a pair (conn1, conn2) of connected Connection objects; with duplex=False conn1
    only receives and conn2 only sends."""
    if duplex:
        import socket
        s1, s2 = socket.socketpair()
        c1 = Connection(s1.detach())
        c2 = Connection(s2.detach())
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)
    return c1, c2


def wait(object_list, timeout=None):
    """Waits until some of object_list (connections, sockets or fds) are ready to read."""
    fds = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        fds.setdefault(fd, []).append(obj)
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        remaining = None
        if deadline is not None:
            remaining = max(deadline - time.monotonic(), 0)
        try:
            ready, _, _ = select.select(list(fds), [], [], remaining)
        except InterruptedError:
            continue
        return [obj for fd in ready for obj in fds[fd]]
