"""Streams: open_connection/start_server (and their UNIX socket forms) give a StreamReader
and a StreamWriter over a transport, so protocols need not be written by hand."""

from . import coroutines
from . import events
from . import exceptions
from . import protocols
from . import tasks

__all__ = ('StreamReader', 'StreamWriter', 'StreamReaderProtocol',
           'open_connection', 'start_server', 'open_unix_connection', 'start_unix_server')

_DEFAULT_LIMIT = 2 ** 16  # 64 KiB


async def _connect(opener, limit, *args, **kwds):
    """(reader, writer) of a connection made by the running loop's method opener."""
    loop = events.get_running_loop()
    protocol = _reader_protocol(limit, loop)
    transport, _ = await getattr(loop, opener)(lambda: protocol, *args, **kwds)
    reader = protocol._stream_reader
    return reader, StreamWriter(transport, protocol, reader, loop)


async def _serve(opener, client_connected_cb, limit, *args, **kwds):
    """A server made by the running loop's method opener; each client gets its own
    reader and protocol."""
    loop = events.get_running_loop()
    return await getattr(loop, opener)(
        lambda: _reader_protocol(limit, loop, client_connected_cb), *args, **kwds)


def _reader_protocol(limit, loop, client_connected_cb=None):
    return StreamReaderProtocol(StreamReader(limit, loop), client_connected_cb, loop)


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Open a TCP connection; return its (StreamReader, StreamWriter).  Other keyword
    arguments go to loop.create_connection()."""
    return await _connect('create_connection', limit, host, port, **kwds)


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Listen on TCP and call client_connected_cb(reader, writer) for each client (a
    coroutine result runs as a Task).  Returns the Server."""
    return await _serve('create_server', client_connected_cb, limit, host, port, **kwds)


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """open_connection() for a UNIX domain socket."""
    return await _connect('create_unix_connection', limit, path, **kwds)


async def start_unix_server(client_connected_cb, path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """start_server() for a UNIX domain socket."""
    return await _serve('create_unix_server', client_connected_cb, limit, path, **kwds)


class FlowControlMixin(protocols.Protocol):
    """Write flow control for a protocol: drain waits while the transport has paused
    writing, and fails once the connection is lost."""

    def __init__(self, loop=None):
        self._loop = events.get_event_loop() if loop is None else loop
        self._writing_paused = False
        self._lost = False
        self._drainers = []   # one future per task blocked in drain

    def pause_writing(self):
        self._writing_paused = True

    def resume_writing(self):
        self._writing_paused = False
        self._release_drainers(None)

    def connection_lost(self, exc):
        self._lost = True
        if self._writing_paused:
            self._release_drainers(exc)

    def _release_drainers(self, exc):
        for waiter in self._drainers:
            if waiter.done():
                continue
            if exc is None:
                waiter.set_result(None)
            else:
                waiter.set_exception(exc)

    async def _drain_helper(self):
        if self._lost:
            raise ConnectionResetError('Connection lost')
        if not self._writing_paused:
            return
        waiter = self._loop.create_future()
        self._drainers.append(waiter)
        try:
            await waiter
        finally:
            self._drainers.remove(waiter)

    def _get_close_waiter(self, stream):
        raise NotImplementedError


class StreamReaderProtocol(FlowControlMixin, protocols.Protocol):
    """Adapts the protocol callbacks of a transport to a StreamReader; on the server side
    it also makes the StreamWriter and starts client_connected_cb."""

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        super().__init__(loop=loop)
        self._stream_reader = stream_reader
        self._client_connected_cb = client_connected_cb
        self._task = None           # the client handler's task, kept alive here
        self._over_ssl = False
        self._closed = self._loop.create_future()

    def connection_made(self, transport):
        self._over_ssl = transport.get_extra_info('sslcontext') is not None
        reader = self._stream_reader
        reader.set_transport(transport)
        on_client = self._client_connected_cb
        if on_client is None:
            return
        started = on_client(reader, StreamWriter(transport, self, reader, self._loop))
        if coroutines.iscoroutine(started):
            self._task = self._loop.create_task(started)
            self._task.add_done_callback(
                lambda task: self._client_finished(task, transport))

    def _client_finished(self, task, transport):
        # A failing client handler is reported and its connection closed.
        if task.cancelled() or task.exception() is None:
            return
        self._loop.call_exception_handler({
            'message': 'Unhandled exception in client_connected_cb',
            'exception': task.exception(),
            'transport': transport,
        })
        transport.close()

    def connection_lost(self, exc):
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        closed = self._closed
        if not closed.done():
            if exc is None:
                closed.set_result(None)
            else:
                closed.set_exception(exc)
                # Only wait_closed() reads it; do not report it as never retrieved.
                closed.exception()
        super().connection_lost(exc)
        self._stream_reader = None
        self._task = None

    def data_received(self, data):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_data(data)

    def eof_received(self):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_eof()
        # Keep the transport open for writing (half-close), which TLS cannot do.
        return not self._over_ssl

    def _get_close_waiter(self, stream):
        return self._closed


class StreamWriter:
    """The writing side of a connection: write() buffers in the transport, drain() waits
    for the buffer to go down, close() and wait_closed() end the connection."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        text = f'<{type(self).__name__} transport={self._transport!r}'
        if self._reader is not None:
            text += f' reader={self._reader!r}'
        return text + '>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._protocol._get_close_waiter(self)

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        """Wait until it is appropriate to write more (the transport's buffer is below its
        high-water mark).  Raises the reader's error, or ConnectionResetError once the
        connection is lost."""
        if self._reader is not None and self._reader._exception is not None:
            raise self._reader._exception
        if self._transport.is_closing():
            # Let connection_lost() run first, so that the loss is seen below.
            await tasks.sleep(0)
        protocol = self._protocol
        # Most calls find the buffer below the mark: skip the helper's coroutine then.
        if protocol._writing_paused or protocol._lost:
            await protocol._drain_helper()


class StreamReader:
    """A buffer filled by the protocol (feed_data/feed_eof/set_exception) and emptied by
    the read coroutines.  limit bounds readline()/readuntil() chunks; above twice the
    limit the transport is asked to pause reading."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = events.get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None       # future of the one coroutine waiting for data
        self._exception = None
        self._transport = None
        self._paused = False      # we paused the transport's reading

    def __repr__(self):
        parts = ['StreamReader']
        if self._buffer:
            parts.append(f'{len(self._buffer)} bytes')
        if self._eof:
            parts.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            parts.append(f'limit={self._limit}')
        for label, value in (('waiter', self._waiter), ('exception', self._exception),
                             ('transport', self._transport)):
            if value:
                parts.append(f'{label}={value!r}')
        if self._paused:
            parts.append('paused')
        return f"<{' '.join(parts)}>"

    def exception(self):
        return self._exception

    def _raise_failure(self):
        # Every read starts here: after set_exception() reads fail, buffered data or not.
        if self._exception is not None:
            raise self._exception

    def set_exception(self, exc):
        """Make every read raise exc (the waiting one included)."""
        self._exception = exc
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.cancelled():
            waiter.set_exception(exc)

    def set_transport(self, transport):
        self._transport = transport

    def feed_eof(self):
        self._eof = True
        self._wake_reader()

    def at_eof(self):
        """True once EOF was fed and everything buffered was read."""
        return self._eof and not self._buffer

    def feed_data(self, data):
        if not data:
            return
        self._buffer.extend(data)
        self._wake_reader()
        if (len(self._buffer) > 2 * self._limit and not self._paused
                and self._transport is not None):
            try:
                self._transport.pause_reading()
            except NotImplementedError:
                # It cannot pause (e.g. some pipes): stop asking.
                self._transport = None
            else:
                self._paused = True

    def _wake_reader(self):
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.cancelled():
            waiter.set_result(None)

    async def _wait_for_data(self, func_name):
        # Only one coroutine may wait: which of two would get the data is undefined.
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is '
                               f'already waiting for incoming data')
        if self._paused:
            # The caller needs more than what is buffered: let data flow again.
            self._resume_transport()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _take(self, n):
        """Remove and return the first n bytes (or all, if fewer) of the buffer."""
        buf = self._buffer
        if n >= len(buf):
            data = bytes(buf)
            buf.clear()
        else:
            data = bytes(buf[:n])
            del buf[:n]
        if self._paused and len(buf) <= self._limit:
            self._resume_transport()
        return data

    def _resume_transport(self):
        self._paused = False
        self._transport.resume_reading()

    def _chunk_end(self, separator):
        """Index just past the first separator in the buffer, or 0 if there is none yet.
        LimitOverrunError (with .consumed) when the chunk cannot fit the limit."""
        at = self._buffer.find(separator)
        if at < 0:
            # Bytes before this index cannot start a complete separator any more.
            searched = len(self._buffer) + 1 - len(separator)
            if searched > self._limit:
                raise exceptions.LimitOverrunError(
                    'Separator is not found, and chunk exceed the limit', searched)
            return 0
        if at > self._limit:
            raise exceptions.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', at)
        return at + len(separator)

    def _line_end(self):
        """_chunk_end(b'\\n') for readline(): an overlong line is dropped (up to its newline,
        if buffered) and reported as ValueError."""
        try:
            return self._chunk_end(b'\n')
        except exceptions.LimitOverrunError as overrun:
            if self._buffer.startswith(b'\n', overrun.consumed):
                self._take(overrun.consumed + 1)
            else:
                self._take(len(self._buffer))
            raise ValueError(overrun.args[0])

    # The read coroutines have no exception handlers of their own: in minipy a coroutine
    # with handlers costs a finalizer at creation, and most reads find their data buffered.

    async def readline(self):
        """Read one line, b'\\n' included; at EOF, what is left (b'' when nothing).
        ValueError if the line is longer than the limit."""
        if self._exception is not None:
            raise self._exception
        while True:
            buf = self._buffer
            end = buf.find(b'\n') + 1
            if end and end <= self._limit + 1 and not self._paused:
                # The usual case, inlined (no calls): a whole line is buffered.
                line = bytes(buf[:end])
                del buf[:end]
                return line
            end = self._line_end()
            if end:
                return self._take(end)
            if self._eof:
                return self._take(len(self._buffer))
            await self._wait_for_data('readuntil')

    async def readuntil(self, separator=b'\n'):
        """Read up to and including separator.  IncompleteReadError at EOF without it,
        LimitOverrunError (data left buffered) when the chunk exceeds the limit."""
        if not separator:
            raise ValueError('Separator should be at least one-byte string')
        self._raise_failure()
        while True:
            end = self._chunk_end(separator)
            if end:
                return self._take(end)
            if self._eof:
                raise exceptions.IncompleteReadError(self._take(len(self._buffer)), None)
            await self._wait_for_data('readuntil')

    async def read(self, n=-1):
        """Read at most n bytes, waiting only while nothing is buffered; n < 0 reads until
        EOF.  b'' means EOF."""
        self._raise_failure()
        if n == 0:
            return b''
        if n > 0:
            if not self._buffer and not self._eof:
                await self._wait_for_data('read')
            return self._take(n)
        pieces = []
        while True:
            if self._buffer:
                pieces.append(self._take(len(self._buffer)))
            if self._eof:
                return b''.join(pieces)
            await self._wait_for_data('read')
            self._raise_failure()

    async def readexactly(self, n):
        """Read exactly n bytes; IncompleteReadError (with what was read) if EOF comes
        first."""
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        self._raise_failure()
        while len(self._buffer) < n:
            if self._eof:
                raise exceptions.IncompleteReadError(self._take(len(self._buffer)), n)
            await self._wait_for_data('readexactly')
        return self._take(n) if n else b''

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line
