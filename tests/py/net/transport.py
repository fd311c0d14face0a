# The socket transport's read and write paths (native in minipy): what write() accepts and
# refuses, buffering when the peer does not read (pause_writing / resume_writing and the data
# arriving intact), max_size limiting each read, a failing data_received() going to the
# exception handler, a reset peer, and writes to a lost connection.
import asyncio
import socket
import struct


class Recorder(asyncio.Protocol):
    def __init__(self):
        self.events = []
        self.chunks = []
        self.lost = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        self.events.append('made')

    def data_received(self, data):
        self.chunks.append(data)

    def eof_received(self):
        self.events.append('eof')

    def pause_writing(self):
        self.events.append('pause')

    def resume_writing(self):
        self.events.append('resume')

    def connection_lost(self, exc):
        self.events.append(f'lost {type(exc).__name__}')
        self.lost.set_result(exc)


async def accept_one(protocol_class=Recorder, rcvbuf=None):
    """A server, a client socket connected to it and the server side's protocol, once its
    connection_made() has run."""
    protocols = []

    def factory():
        protocols.append(protocol_class())
        return protocols[-1]
    server = await asyncio.get_running_loop().create_server(factory, '127.0.0.1', 0)
    sock = socket.socket()
    if rcvbuf is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.connect(('127.0.0.1', server.sockets[0].getsockname()[1]))
    sock.setblocking(False)
    while not protocols or not protocols[0].events:
        await asyncio.sleep(0.01)
    return server, sock, protocols[0]


async def recv_exactly(sock, n):
    loop = asyncio.get_running_loop()
    data = b''
    while len(data) < n:
        chunk = await loop.sock_recv(sock, n - len(data))
        if not chunk:
            break
        data += chunk
    return data


async def write_arguments():
    server, sock, p = await accept_one()
    t = p.transport
    print('nodelay', t.get_extra_info('socket').getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    t.write(b'ab')
    t.write(bytearray(b'cd'))
    t.write(memoryview(b'xxefxx')[2:4])
    t.write(b'')
    print('received', await recv_exactly(sock, 6))
    for bad in ('text', 42, None, [b'a']):
        try:
            t.write(bad)
        except TypeError as e:
            print('TypeError:', e)
    try:
        t.write()
    except TypeError:
        print('TypeError without an argument')
    t.write_eof()
    try:
        t.write(b'more')
    except RuntimeError as e:
        print('RuntimeError:', e)
    print('peer sees eof', await recv_exactly(sock, 1) == b'')
    sock.close()
    await p.lost
    print(p.events)
    server.close()
    await server.wait_closed()


async def flow_control():
    server, sock, p = await accept_one(rcvbuf=4096)
    t = p.transport
    t.get_extra_info('socket').setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    t.set_write_buffer_limits(high=1000.5)
    print('limits', t.get_write_buffer_limits())
    payload = bytes(range(256)) * 16384
    t.write(payload)
    print('buffered', t.get_write_buffer_size() > 0, 'paused', p.events[-1] == 'pause')
    t.write(b'tail')
    data = await recv_exactly(sock, len(payload) + 4)
    await asyncio.sleep(0)
    print('all data intact', data == payload + b'tail')
    print('buffer empty', t.get_write_buffer_size(), 'resumed', p.events[-1] == 'resume')
    t.close()
    await p.lost
    print(p.events)
    sock.close()
    server.close()
    await server.wait_closed()


async def max_size_reads():
    server, sock, p = await accept_one()
    p.transport.max_size = 10
    sock.send(b'x' * 95)
    while sum(map(len, p.chunks)) < 95:
        await asyncio.sleep(0.01)
    print('chunks at most 10 bytes', all(len(c) <= 10 for c in p.chunks), 'total', sum(map(len, p.chunks)))
    sock.close()
    print('lost with', repr(await p.lost))
    server.close()
    await server.wait_closed()


class Failing(Recorder):
    def data_received(self, data):
        raise ValueError(f'bad data {data!r}')


async def failing_protocol():
    loop = asyncio.get_running_loop()
    contexts = []
    loop.set_exception_handler(lambda loop, ctx: contexts.append(ctx))
    server, sock, p = await accept_one(Failing)
    sock.send(b'boom')
    exc = await p.lost
    for ctx in contexts:
        print(ctx['message'], '|', repr(ctx['exception']), '|', ctx['protocol'] is p)
    print('connection_lost got', repr(exc))
    print('peer sees eof', await recv_exactly(sock, 1) == b'')
    sock.close()
    loop.set_exception_handler(None)
    server.close()
    await server.wait_closed()


async def reset_and_lost_writes():
    loop = asyncio.get_running_loop()
    contexts = []
    loop.set_exception_handler(lambda loop, ctx: contexts.append(ctx))
    server, sock, p = await accept_one()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    sock.close()
    exc = await p.lost
    print('reset gives', type(exc).__name__, 'handler calls', len(contexts))
    t = p.transport
    for _ in range(7):
        t.write(b'after')
    print('write after loss ignored, closing', t.is_closing(), 'buffer', t.get_write_buffer_size())
    loop.set_exception_handler(None)
    server.close()
    await server.wait_closed()


async def main():
    await write_arguments()
    await flow_control()
    await max_size_reads()
    await failing_protocol()
    await reset_and_lost_writes()


asyncio.run(main())
