"""The selector event loop: file-descriptor readiness callbacks, the loop.sock_* coroutines,
socket transports, create_connection/create_server, datagram endpoints and signal handlers."""

import collections
import errno
import os
import signal
import stat

import _asyncio

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


def _check_unix_stream(sock, missing):
    """A sock argument where a path was not given: there, and a UNIX stream socket."""
    if sock is None:
        raise ValueError(missing)
    if sock.family != _socket().AF_UNIX or sock.type != _socket().SOCK_STREAM:
        raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')


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

    async def _sock_call(self, sock, writing, call):
        """call() at once, or when the socket is ready if it would block."""
        self._check_nonblocking(sock)
        try:
            return call()
        except (BlockingIOError, InterruptedError):
            pass
        return await self._io_future(sock, writing, lambda fut: fut.set_result(call()))

    async def sock_recv(self, sock, n):
        """Receive up to n bytes."""
        return await self._sock_call(sock, False, lambda: sock.recv(n))

    async def sock_recv_into(self, sock, buf):
        """Receive into buf; return the number of bytes received."""
        return await self._sock_call(sock, False, lambda: sock.recv_into(buf))

    async def sock_recvfrom(self, sock, bufsize):
        """Receive a datagram of up to bufsize bytes; return (data, address)."""
        return await self._sock_call(sock, False, lambda: sock.recvfrom(bufsize))

    async def sock_sendto(self, sock, data, address):
        """Send a datagram to address; return the number of bytes sent."""
        return await self._sock_call(sock, True, lambda: sock.sendto(data, address))

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
        def make(protocol, waiter):
            return _SelectorSocketTransport(self, sock, protocol, waiter, server)
        return await self._start_protocol(protocol_factory, make)

    async def _start_protocol(self, protocol_factory, make_transport):
        """(transport, protocol) once the protocol's connection_made() has run."""
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = make_transport(protocol, waiter)
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
            _check_unix_stream(sock, 'no path and sock were specified')
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
            _check_unix_stream(sock, 'path was not specified, and no sock specified')
        sock.setblocking(False)
        server = Server(self, [sock], protocol_factory, backlog)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    async def create_datagram_endpoint(self, protocol_factory, local_addr=None,
                                       remote_addr=None, *, family=0, proto=0, flags=0,
                                       reuse_port=None, allow_broadcast=None, sock=None):
        """Open a UDP endpoint bound to local_addr and/or connected to remote_addr; return
        (transport, protocol)."""
        socket = _socket()
        if sock is not None:
            if sock.type != socket.SOCK_DGRAM:
                raise ValueError(f'A UDP Socket was expected, got {sock!r}')
            opts = dict(local_addr=local_addr, remote_addr=remote_addr, family=family,
                        proto=proto, flags=flags, reuse_port=reuse_port,
                        allow_broadcast=allow_broadcast)
            problems = ', '.join(f'{k}={v}' for k, v in opts.items() if v)
            if problems:
                raise ValueError(f'socket modifier keyword arguments can not be used '
                                 f'when sock is specified. ({problems})')
            sock.setblocking(False)
            r_addr = None
        else:
            if not (local_addr or remote_addr):
                if family == 0:
                    raise ValueError('unexpected address family')
                addr_pairs_info = (((family, proto), (None, None)),)
            elif family == getattr(socket, 'AF_UNIX', None):
                for addr in (local_addr, remote_addr):
                    if addr is not None and not isinstance(addr, str):
                        raise TypeError('string is expected')
                # A socket file left behind by an earlier endpoint would make bind() fail.
                if local_addr and local_addr[0] not in (0, '\x00'):
                    try:
                        if stat.S_ISSOCK(os.stat(local_addr).st_mode):
                            os.remove(local_addr)
                    except FileNotFoundError:
                        pass
                    except OSError as err:
                        from .log import logger
                        logger.error('Unable to check or remove stale UNIX socket %r: %r',
                                     local_addr, err)
                addr_pairs_info = (((family, proto), (local_addr, remote_addr)),)
            else:
                # (family, proto) -> [local address, remote address]
                addr_infos = {}
                for idx, addr in ((0, local_addr), (1, remote_addr)):
                    if addr is None:
                        continue
                    if not (isinstance(addr, tuple) and len(addr) == 2):
                        raise TypeError('2-tuple is expected')
                    infos = socket.getaddrinfo(addr[0], addr[1], family, socket.SOCK_DGRAM,
                                               proto, flags)
                    if not infos:
                        raise OSError('getaddrinfo() returned empty list')
                    for fam, _, pro, _, address in infos:
                        addr_infos.setdefault((fam, pro), [None, None])[idx] = address
                addr_pairs_info = [
                    (key, pair) for key, pair in addr_infos.items()
                    if not ((local_addr and pair[0] is None)
                            or (remote_addr and pair[1] is None))]
                if not addr_pairs_info:
                    raise ValueError('can not get address information')
            errors = []
            for (family, proto), (local_address, remote_address) in addr_pairs_info:
                sock = None
                r_addr = None
                try:
                    sock = socket.socket(family=family, type=socket.SOCK_DGRAM, proto=proto)
                    if reuse_port:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                    if allow_broadcast:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                    sock.setblocking(False)
                    if local_addr:
                        sock.bind(local_address)
                    if remote_addr:
                        if not allow_broadcast:
                            await self.sock_connect(sock, remote_address)
                        r_addr = remote_address
                except OSError as exc:
                    if sock is not None:
                        sock.close()
                    errors.append(exc)
                except BaseException:
                    if sock is not None:
                        sock.close()
                    raise
                else:
                    break
            else:
                raise errors[0]
        def make(protocol, waiter):
            return _SelectorDatagramTransport(self, sock, protocol, r_addr, waiter)
        return await self._start_protocol(protocol_factory, make)

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


def _set_nodelay(sock):
    """Small writes go out at once (CPython's transports set TCP_NODELAY too)."""
    socket = _socket()
    if (sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
            and sock.proto == socket.IPPROTO_TCP):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


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


class _SelectorTransportBase:
    """What the socket and datagram transports share: the protocol, write-buffer flow control
    (pause_writing/resume_writing around the high and low water marks) and tearing down:
    abort() or a fatal error drops what is buffered and stops reading, then the loop calls
    protocol.connection_lost(exc) and closes the socket."""

    _server = None

    def _setup(self, loop, sock, protocol):
        """The state every selector transport starts with."""
        for key, get in (('sockname', sock.getsockname), ('peername', sock.getpeername)):
            try:
                self._extra[key] = get()
            except OSError:
                self._extra[key] = None
        self._loop = loop
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._conn_lost = 0
        self._closing = False

    def __repr__(self):
        state = 'closed' if self._sock is None else ('closing' if self._closing else 'open')
        return f'<{self.__class__.__name__} fd={self._sock_fd} {state}>'

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def get_write_buffer_size(self):
        return self._buffer_size

    def _maybe_pause_protocol(self):
        if self._buffer_size <= self._high_water or self._protocol_paused:
            return
        self._protocol_paused = True
        self._call_flow_control('pause_writing')

    def _maybe_resume_protocol(self):
        if self._protocol_paused and self._buffer_size <= self._low_water:
            self._protocol_paused = False
            self._call_flow_control('resume_writing')

    def _call_flow_control(self, name):
        try:
            getattr(self._protocol, name)()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': f'protocol.{name}() failed',
                'exception': exc, 'transport': self, 'protocol': self._protocol,
            })

    def close(self):
        """Close once the buffered data is sent; connection_lost(None) follows."""
        if self._closing:
            return
        self._closing = True
        self._loop.remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.remove_writer(self._sock_fd)
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


class _SelectorSocketTransport(_SelectorTransportBase, _asyncio.SocketTransportCore,
                               transports.Transport):
    """A stream socket driven by readiness callbacks, with a write buffer and flow control:
    above the high-water mark the protocol's pause_writing() is called, below the low-water
    mark resume_writing().  The per-event paths (_read_ready, write, is_closing) and the
    fields they use are native (stdlib/native/asyncio_transport.cpp)."""

    def __init__(self, loop, sock, protocol, waiter, server):
        super().__init__({'socket': sock})
        _set_nodelay(sock)
        self._setup(loop, sock, protocol)
        self._server = server
        self._paused = False
        self._eof = False
        self._protocol_paused = False
        self.set_write_buffer_limits()
        if server is not None:
            server._attach()
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_reader_if_open)
        loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def _add_reader_if_open(self):
        if not self._closing and not self._paused:
            self._loop.add_reader(self._sock_fd, self._read_ready)

    def is_reading(self):
        return not self._closing and not self._paused

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



class _SelectorDatagramTransport(_SelectorTransportBase, transports.DatagramTransport):
    """A datagram socket driven by readiness callbacks. Each datagram read goes to
    protocol.datagram_received(data, addr); socket errors (an ICMP "port unreachable" on a
    connected socket, say) go to protocol.error_received(exc) and keep the transport open.
    Datagrams the socket cannot take yet are queued whole."""

    max_size = 256 * 1024

    def __init__(self, loop, sock, protocol, address, waiter):
        super().__init__({'socket': sock})
        self._setup(loop, sock, protocol)
        self._address = address
        self._buffer = collections.deque()
        self._buffer_size = 0
        self._protocol_paused = False
        self._high_water = 64 * 1024
        self._low_water = 16 * 1024
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_reader_if_open)
        loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def _add_reader_if_open(self):
        if not self._closing:
            self._loop.add_reader(self._sock_fd, self._read_ready)

    def is_closing(self):
        return self._closing

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(self.max_size)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            if self._conn_lost >= 5:
                from .log import logger
                logger.warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                self._loop.add_writer(self._sock_fd, self._sendto_ready)
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._buffer.append((bytes(data), addr))
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.popleft()
            self._buffer_size -= len(data)
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.appendleft((data, addr))
                self._buffer_size += len(data)
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop.remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)
