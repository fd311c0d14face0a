# Network faults on the event loop: a peer that disconnects mid-message, a reset connection,
# half-closed sockets, a client that never reads (flow control keeps the write buffer bounded),
# 1,000 concurrent connections, closing a server while clients are connected, operations on
# closed sockets; and no file descriptor leaks.
import asyncio
import os
import socket
import struct


def fd_count():
    return len(os.listdir('/proc/self/fd'))


async def partial_message():
    async def handle(reader, writer):
        writer.write(b'abc')
        await writer.drain()
        writer.close()
        await writer.wait_closed()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError:', e, e.partial, e.expected)
    print('at_eof', reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def reset_connection():
    got = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        try:
            data = await reader.read(100)
            while data:
                data = await reader.read(100)
            got.set_result('eof')
        except ConnectionResetError as e:
            got.set_result(f'ConnectionResetError: {e}')
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    sock = socket.socket()
    sock.connect(('127.0.0.1', port))
    sock.send(b'hello')
    await asyncio.sleep(0.05)
    # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    sock.close()
    print(await got)
    server.close()
    await server.wait_closed()


async def write_after_reset():
    async def handle(reader, writer):
        sock = writer.get_extra_info('socket')
        # SO_LINGER with a zero timeout: closing sends RST, the peer's writes then fail.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        writer.transport.abort()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    await asyncio.sleep(0.05)
    error = None
    for _ in range(50):
        try:
            writer.write(b'x' * 1000)
            await writer.drain()
        except (ConnectionResetError, BrokenPipeError) as e:
            error = e
            break
        await asyncio.sleep(0.01)
    print('writing to a reset connection raises:', isinstance(error, ConnectionError))
    writer.close()
    try:
        await writer.wait_closed()
    except OSError:
        pass
    server.close()
    await server.wait_closed()


async def half_close():
    async def handle(reader, writer):
        data = await reader.read()
        print('server read until EOF:', data, reader.at_eof())
        writer.write(b'reply:' + data)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('can_write_eof', writer.can_write_eof())
    writer.write(b'question')
    writer.write_eof()
    print('client got:', await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


class EofProtocol(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.data = b''

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.data += data

    def eof_received(self):
        print('eof_received after', self.data)
        self.transport.write(b'bye')
        self.transport.close()
        return True

    def connection_lost(self, exc):
        self.done.set_result(exc)


async def eof_received_protocol():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    server = await loop.create_server(lambda: EofProtocol(done), '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'data')
    writer.write_eof()
    print('client got', await reader.read())
    writer.close()
    await writer.wait_closed()
    print('server connection_lost', await done)
    server.close()
    await server.wait_closed()


async def slow_reader():
    release = asyncio.Event()

    async def handle(reader, writer):
        await release.wait()
        total = 0
        while True:
            data = await reader.read(65536)
            if not data:
                break
            total += len(data)
        writer.write(str(total).encode())
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    transport = writer.transport
    low, high = transport.get_write_buffer_limits()
    print('limits', low, high)
    chunk = b'x' * 65536
    sent = 0
    peak = 0
    blocked = False
    for _ in range(400):
        writer.write(chunk)
        sent += len(chunk)
        peak = max(peak, transport.get_write_buffer_size())
        try:
            await asyncio.wait_for(writer.drain(), 0.2)
        except asyncio.TimeoutError:
            blocked = True
            break
    print('drain blocked:', blocked, 'buffer bounded:', peak <= high + len(chunk))
    release.set()
    await writer.drain()
    writer.write_eof()
    print('server received everything:', int(await reader.read()) == sent)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def many_connections(n=1000):
    async def handle(reader, writer):
        data = await reader.readline()
        writer.write(data.upper())
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0, backlog=n)
    port = server.sockets[0].getsockname()[1]

    async def client(i):
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(b'client %d\n' % i)
        reply = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return reply == b'CLIENT %d\n' % i
    results = await asyncio.gather(*[client(i) for i in range(n)])
    print(n, 'concurrent connections, all answered:', all(results))
    server.close()
    await server.wait_closed()


async def close_server_with_clients():
    connected = []

    async def handle(reader, writer):
        connected.append(writer)
        await reader.read()
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    clients = [await asyncio.open_connection('127.0.0.1', port) for _ in range(5)]
    while len(connected) < 5:
        await asyncio.sleep(0.01)
    server.close()
    print('serving after close:', server.is_serving())
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print('new connection refused:', type(e).__name__)
    for reader, writer in clients:
        writer.write(b'still works')
        writer.close()
        await writer.wait_closed()
    await server.wait_closed()
    print('server closed')


def closed_socket():
    s = socket.socket()
    s.close()
    for name, call in [('send', lambda: s.send(b'x')), ('recv', lambda: s.recv(1)),
                       ('bind', lambda: s.bind(('127.0.0.1', 0))),
                       ('getsockname', lambda: s.getsockname()),
                       ('setblocking', lambda: s.setblocking(False))]:
        try:
            call()
        except OSError as e:
            print(name, 'OSError', e.errno, e)
    print('fileno', s.fileno(), s)


async def main():
    await partial_message()
    await reset_connection()
    await write_after_reset()
    await half_close()
    await eof_received_protocol()
    await slow_reader()
    await many_connections()
    await close_server_with_clients()


before = fd_count()
asyncio.run(main())
closed_socket()
print('fds leaked:', fd_count() - before)
