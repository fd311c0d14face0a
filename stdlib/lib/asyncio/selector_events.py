"""The selector event loop: file-descriptor readiness callbacks, the loop.sock_* coroutines,
socket transports, create_connection/create_server and signal handlers."""

import collections
import errno
import os
import signal
import stat

from . import base_events
from . import events
from . import exceptions
from . import futures
from . import tasks
from . import transports

__all__ = ('SelectorEventLoop', 'EventLoop', 'Server')

def _fileno(fd):
    if isinstance(fd, int):
        if fd < 0:
            raise ValueError(f'Invalid file descriptor: {fd}')
        return fd
    try:
        return int(fd.fileno())
    except (AttributeError, TypeError, ValueError):
        raise ValueError(f'Invalid file object: {fd!r}') from None


class SelectorEventLoop(base_events.BaseEventLoop):
    """The default event loop."""

    # ---- readiness callbacks (registered in the native core's epoll set) ----

    def add_reader(self, fd, callback, *args):
        """Call callback(*args) whenever fd is readable."""
        self._add_callback(fd, False, callback, args)

    def remove_reader(self, fd):
        return self._remove_callback(fd, False)

    def add_writer(self, fd, callback, *args):
        """Call callback(*args) whenever fd is writable."""
        self._add_callback(fd, True, callback, args)

    def remove_writer(self, fd):
        return self._remove_callback(fd, True)

    # ---- socket coroutines (the socket must be non-blocking) ----

    def _check_nonblocking(self, sock):
        if sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')

    def _io_future(self, fd, write, attempt):
        """A future completed by attempt(fut) once fd is ready; attempt retries until it sets
        the future or raises."""
        fut = self.create_future()
        fd = _fileno(fd)
        remove = self.remove_writer if write else self.remove_reader

        def ready():
            if fut.done():
                return
            try:
                attempt(fut)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)

        self._add_callback(fd, write, ready, ())
        fut.add_done_callback(lambda f: remove(fd))
        return fut

    async def sock_recv(self, sock, n):
        """Receive up to n bytes."""
        self._check_nonblocking(sock)
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._io_future(sock, False,
                                     lambda fut: fut.set_result(sock.recv(n)))

    async def sock_recv_into(self, sock, buf):
        """Receive into buf; return the number of bytes received."""
        self._check_nonblocking(sock)
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        return await self._io_future(sock, False,
                                     lambda fut: fut.set_result(sock.recv_into(buf)))

    async def sock_sendall(self, sock, data):
        """Send all of data."""
        self._check_nonblocking(sock)
        try:
            sent = sock.send(data)
        except (BlockingIOError, InterruptedError):
            sent = 0
        if sent == len(data):
            return
        pos = [sent]

        def attempt(fut):
            n = sock.send(data[pos[0]:])
            pos[0] += n
            if pos[0] == len(data):
                fut.set_result(None)

        return await self._io_future(sock, True, attempt)

    async def sock_connect(self, sock, address):
        """Connect sock to address."""
        self._check_nonblocking(sock)
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass

        def attempt(fut):
            err = sock.getsockopt(_socket().SOL_SOCKET, _socket().SO_ERROR)
            if err != 0:
                raise OSError(err, f'Connect call failed {address}')
            fut.set_result(None)

        return await self._io_future(sock, True, attempt)

    async def sock_accept(self, sock):
        """Accept a connection; return (conn, address)."""
        self._check_nonblocking(sock)
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address
        except (BlockingIOError, InterruptedError):
            pass

        def attempt(fut):
            conn, address = sock.accept()
            conn.setblocking(False)
            fut.set_result((conn, address))

        return await self._io_future(sock, False, attempt)

    # ---- connections and servers ----

    async def create_connection(self, protocol_factory, host=None, port=None, *,
                                sock=None, local_addr=None, **kwargs):
        """Connect over TCP; return (transport, protocol)."""
        socket = _socket()
        if sock is None:
            if host is None and port is None:
                raise ValueError('host and port was not specified and no sock specified')
            infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
            if not infos:
                raise OSError('getaddrinfo() returned empty list')
            errors = []
            for family, type_, proto, _, address in infos:
                sock = socket.socket(family, type_, proto)
                try:
                    sock.setblocking(False)
                    if local_addr is not None:
                        sock.bind(local_addr)
                    await self.sock_connect(sock, address)
                    break
                except OSError as exc:
                    errors.append(exc)
                    sock.close()
                    sock = None
            if sock is None:
                if len(errors) == 1:
                    raise errors[0]
                raise OSError('Multiple exceptions: ' + ', '.join(str(e) for e in errors))
        else:
            sock.setblocking(False)
        return await self._make_transport(sock, protocol_factory)

    async def _make_transport(self, sock, protocol_factory, server=None):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = _SelectorSocketTransport(self, sock, protocol, waiter, server)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
        return transport, protocol

    async def create_server(self, protocol_factory, host=None, port=None, *, family=0,
                            flags=0, sock=None, backlog=100, reuse_address=None,
                            start_serving=True, **kwargs):
        """Listen on host:port; each connection gets protocol_factory()'s protocol."""
        socket = _socket()
        if sock is not None:
            sockets = [sock]
        else:
            if host == '':
                host = None
            hosts = host if isinstance(host, (list, tuple)) else [host]
            sockets = []
            try:
                for h in hosts:
                    for af, type_, proto, _, address in socket.getaddrinfo(
                            h, port, family, socket.SOCK_STREAM, 0, flags | socket.AI_PASSIVE):
                        s = socket.socket(af, type_, proto)
                        sockets.append(s)
                        if reuse_address is None or reuse_address:
                            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                        try:
                            s.bind(address)
                        except OSError as err:
                            raise OSError(err.errno, 'error while attempting to bind on '
                                          'address %r: %s' % (address, err.strerror)) from None
            except BaseException:
                for s in sockets:
                    s.close()
                raise
        for s in sockets:
            s.setblocking(False)
        server = Server(self, sockets, protocol_factory, backlog)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    async def create_unix_connection(self, protocol_factory, path=None, *, sock=None,
                                     **kwargs):
        """Connect to a UNIX domain stream socket; return (transport, protocol)."""
        socket = _socket()
        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            try:
                sock.setblocking(False)
                await self.sock_connect(sock, path)
            except BaseException:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('no path and sock were specified')
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
            sock.setblocking(False)
        return await self._make_transport(sock, protocol_factory)

    async def create_unix_server(self, protocol_factory, path=None, *, sock=None, backlog=100,
                                 start_serving=True, **kwargs):
        """Listen on a UNIX domain stream socket at path (a stale socket file is replaced)."""
        socket = _socket()
        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            path = os.fspath(path)
            # A socket file left behind by an earlier server would make bind() fail.
            if path[0] not in (0, '\x00'):
                try:
                    if stat.S_ISSOCK(os.stat(path).st_mode):
                        os.remove(path)
                except FileNotFoundError:
                    pass
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.bind(path)
            except OSError as exc:
                sock.close()
                if exc.errno == errno.EADDRINUSE:
                    raise OSError(errno.EADDRINUSE, f'Address {path!r} is already in use') from None
                raise
            except BaseException:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('path was not specified, and no sock specified')
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
        sock.setblocking(False)
        server = Server(self, [sock], protocol_factory, backlog)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    # ---- signals ----

    def add_signal_handler(self, sig, callback, *args):
        """Run callback(*args) in the loop when signal sig arrives (main thread only)."""
        if tasks.coroutines.iscoroutine(callback) or \
                tasks.coroutines.iscoroutinefunction(callback):
            raise TypeError('coroutines cannot be used with add_signal_handler()')
        self._check_signal(sig)
        self._check_closed()
        self._signal_handlers[sig] = events.Handle(callback, args, self)
        signal.signal(sig, self._handle_signal)

    def _handle_signal(self, sig, frame):
        handle = self._signal_handlers.get(sig)
        if handle is None or handle._cancelled:
            return
        self.call_soon_threadsafe(handle._callback, *handle._args)

    def remove_signal_handler(self, sig):
        """Remove the handler for sig; return whether there was one."""
        self._check_signal(sig)
        handle = self._signal_handlers.pop(sig, None)
        if handle is None:
            return False
        handler = signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL
        signal.signal(sig, handler)
        return True

    def _check_signal(self, sig):
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')

    def close(self):
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)
        super().close()


EventLoop = SelectorEventLoop


def _socket():
    import socket
    return socket


class Server(events.AbstractServer):
    """The listening sockets of create_server/start_server."""

    def __init__(self, loop, sockets, protocol_factory, backlog):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop.add_reader(sock, self._accept, sock)

    def _accept(self, sock):
        for _ in range(self._backlog):
            try:
                conn, addr = sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    self._loop.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc,
                        'socket': sock,
                    })
                    return
                raise
            conn.setblocking(False)
            self._loop.create_task(self._accept_connection(conn))

    async def _accept_connection(self, conn):
        try:
            await self._loop._make_transport(conn, self._protocol_factory, self)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'Error on transport creation for incoming connection',
                'exception': exc,
            })

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        """Stop listening; open connections stay open."""
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop.remove_reader(sock)
            sock.close()
        self._serving = False
        if self._serving_forever_fut is not None and not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await tasks.sleep(0)

    async def serve_forever(self):
        """Serve until cancelled; cancelling closes the server."""
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        """Wait until the server is closed and its connections are gone."""
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


class _SelectorSocketTransport(transports.Transport):
    """A stream socket driven by readiness callbacks, with a write buffer and flow control:
    above the high-water mark the protocol's pause_writing() is called, below the low-water
    mark resume_writing()."""

    max_size = 256 * 1024

    def __init__(self, loop, sock, protocol, waiter, server):
        super().__init__({'socket': sock})
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        try:
            self._extra['peername'] = sock.getpeername()
        except OSError:
            self._extra['peername'] = None
        self._loop = loop
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._server = server
        self._buffer = collections.deque()
        self._buffer_size = 0
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        self._eof = False
        self._protocol_paused = False
        self.set_write_buffer_limits()
        if server is not None:
            server._attach()
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_reader_if_open)
        loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        state = 'closed' if self._sock is None else ('closing' if self._closing else 'open')
        return f'<{self.__class__.__name__} fd={self._sock_fd} {state}>'

    def _add_reader_if_open(self):
        if not self._closing and not self._paused:
            self._loop.add_reader(self._sock_fd, self._read_ready)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop.remove_reader(self._sock_fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop.add_reader(self._sock_fd, self._read_ready)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready_eof(self):
        try:
            keep_open = self._protocol.eof_received()
            if keep_open:
                # The other side only closed its write half; we may still write.
                self._loop.remove_reader(self._sock_fd)
            else:
                self.close()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data or self._conn_lost:
            if self._conn_lost:
                self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            data = data[n:]
            if not data:
                return
            self._loop.add_writer(self._sock_fd, self._write_ready)
        self._buffer.append(bytes(data))
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def _write_ready(self):
        if self._conn_lost:
            return
        data = b''.join(self._buffer)
        try:
            n = self._sock.send(data)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.remove_writer(self._sock_fd)
            self._buffer.clear()
            self._buffer_size = 0
            self._fatal_error(exc, 'Fatal write error on socket transport')
            return
        self._buffer.clear()
        rest = data[n:]
        if rest:
            self._buffer.append(rest)
        self._buffer_size = len(rest)
        self._maybe_resume_protocol()
        if not rest:
            self._loop.remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)
            elif self._eof:
                self._sock.shutdown(_socket().SHUT_WR)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(_socket().SHUT_WR)

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high_water = high
        self._low_water = low
        self._maybe_pause_protocol()

    def get_write_buffer_limits(self):
        return (self._low_water, self._high_water)

    def get_write_buffer_size(self):
        return self._buffer_size

    def _maybe_pause_protocol(self):
        if self._buffer_size <= self._high_water or self._protocol_paused:
            return
        self._protocol_paused = True
        try:
            self._protocol.pause_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'protocol.pause_writing() failed',
                'exception': exc, 'transport': self, 'protocol': self._protocol,
            })

    def _maybe_resume_protocol(self):
        if self._protocol_paused and self._buffer_size <= self._low_water:
            self._protocol_paused = False
            try:
                self._protocol.resume_writing()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._loop.call_exception_handler({
                    'message': 'protocol.resume_writing() failed',
                    'exception': exc, 'transport': self, 'protocol': self._protocol,
                })

    def close(self):
        """Close after the buffered data is sent; connection_lost(None) follows."""
        if self._closing:
            return
        self._closing = True
        self._loop.remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _fatal_error(self, exc, message):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message, 'exception': exc,
                'transport': self, 'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._buffer_size = 0
            self._loop.remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop.remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._sock is None:
            return
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None
