# Loop and stream API: UNIX-domain streams, socketpair, UDP sendto/recvfrom, signal handlers,
# run_coroutine_threadsafe, loop.sock_* coroutines, Server lifecycle, StreamReader limits,
# TaskGroup and timeouts.
import asyncio
import os
import signal
import socket
import tempfile
import threading


async def unix_streams(path):
    async def handle(reader, writer):
        line = await reader.readline()
        writer.write(b'echo ' + line)
        await writer.drain()
        writer.close()
    server = await asyncio.start_unix_server(handle, path)
    print('listening on a socket file:', os.path.exists(path),
          server.sockets[0].family == socket.AF_UNIX)
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(b'over unix\n')
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    # A stale socket file does not stop a new server.
    server = await asyncio.start_unix_server(handle, path)
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_unix_connection()
    except ValueError as e:
        print('ValueError:', e)


def sockets_part():
    a, b = socket.socketpair()
    print('socketpair family:', a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
    a.sendall(b'ping')
    print(b.recv(10))
    a.close()
    b.close()
    u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u1.bind(('127.0.0.1', 0))
    u2.bind(('127.0.0.1', 0))
    u2.sendto(b'datagram', u1.getsockname())
    data, addr = u1.recvfrom(100)
    print(data, addr == u2.getsockname())
    u1.close()
    u2.close()


async def sock_functions():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'x' * 100000)
    got = b''
    while len(got) < 100000:
        got += await loop.sock_recv(b, 65536)
    print('sock_sendall/sock_recv:', len(got))
    buf = bytearray(10)
    await loop.sock_sendall(b, b'into')
    n = await loop.sock_recv_into(a, buf)
    print('sock_recv_into:', n, bytes(buf[:n]))
    a.close()
    b.close()
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen()
    listener.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    accept = asyncio.ensure_future(loop.sock_accept(listener))
    await loop.sock_connect(client, listener.getsockname())
    conn, addr = await accept
    print('sock_accept:', addr == client.getsockname(), conn.gettimeout())
    for s in (conn, client, listener):
        s.close()


async def signals():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, got.set_result, 'SIGUSR1 handled')
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await asyncio.wait_for(got, 5))
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    try:
        loop.add_signal_handler(signal.SIGUSR1, signals)
    except TypeError as e:
        print('TypeError:', e)


async def threadsafe():
    loop = asyncio.get_running_loop()

    async def work(x):
        await asyncio.sleep(0.01)
        return x * 2
    results = []

    def other():
        fut = asyncio.run_coroutine_threadsafe(work(21), loop)
        results.append(fut.result(5))
    t = threading.Thread(target=other)
    t.start()
    while t.is_alive():
        await asyncio.sleep(0.01)
    t.join()
    print('run_coroutine_threadsafe:', results)


async def server_lifecycle():
    async def handle(reader, writer):
        writer.write(await reader.read(100))
        writer.close()
    server = await asyncio.start_server(handle, '127.0.0.1', 0, start_serving=False)
    print('serving before start:', server.is_serving())
    port = server.sockets[0].getsockname()[1]
    async with server:
        task = asyncio.create_task(server.serve_forever())
        await asyncio.sleep(0)
        print('serving:', server.is_serving())
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(b'hi')
        writer.write_eof()
        print(await reader.read())
        writer.close()
        await writer.wait_closed()
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print('serve_forever cancelled')
    print('serving after async with:', server.is_serving())


async def reader_limits():
    reader = asyncio.StreamReader(limit=8)
    reader.feed_data(b'0123456789abcdef\nrest')
    try:
        await reader.readline()
    except ValueError as e:
        print('readline:', type(e).__name__, e)
    reader = asyncio.StreamReader(limit=8)
    reader.feed_data(b'0123456789abcdef')
    try:
        await reader.readuntil(b'!')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError:', e, e.consumed)
    reader = asyncio.StreamReader()
    reader.feed_data(b'abc')
    reader.feed_eof()
    try:
        await reader.readuntil(b'!')
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError:', e, e.partial)


async def groups_and_timeouts():
    async def ok(n):
        await asyncio.sleep(0.001 * n)
        return n

    async def fails():
        await asyncio.sleep(0.002)
        raise KeyError('inner')
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(ok(i)) for i in range(3)]
    print('TaskGroup:', [t.result() for t in tasks])
    try:
        async with asyncio.TaskGroup() as tg:
            slow = tg.create_task(asyncio.sleep(10))
            tg.create_task(fails())
    except ExceptionGroup as eg:
        print('ExceptionGroup:', repr(eg.exceptions), slow.cancelled())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout() raised TimeoutError')
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(loop.time() + 10) as cm:
        await asyncio.sleep(0)
    print('timeout_at expired:', cm.expired())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print('wait_for timed out')


async def main():
    with tempfile.TemporaryDirectory() as d:
        await unix_streams(os.path.join(d, 'sock'))
    sockets_part()
    await sock_functions()
    await signals()
    await threadsafe()
    await server_lifecycle()
    await reader_limits()
    await groups_and_timeouts()

asyncio.run(main())
