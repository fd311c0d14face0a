# asyncio.streams: StreamReader fed by hand (every read method, limits, EOF, exceptions,
# reprs, async iteration), then real TCP and UNIX connections with StreamWriter.
import asyncio
import os
import tempfile


def err(e):
    return f'{type(e).__name__}({e})'


async def reader_methods():
    loop = asyncio.get_running_loop()
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print('limit 0:', err(e))
    r = asyncio.StreamReader()
    print('repr empty:', repr(r))
    print('exception none:', r.exception(), 'at_eof:', r.at_eof())
    r.feed_data(b'')
    r.feed_data(b'hello world\nsecond')
    print('repr data:', repr(r))
    print('readuntil space:', await r.readuntil(b' '))
    print('readline:', await r.readline())
    print('read 3:', await r.read(3))
    print('readexactly 2:', await r.readexactly(2))
    r.feed_eof()
    print('repr eof:', repr(r), 'at_eof:', r.at_eof())
    print('read rest:', await r.read(), 'again:', await r.read(), await r.readline())
    print('at_eof now:', r.at_eof())
    try:
        await r.readuntil(b'x')
    except asyncio.IncompleteReadError as e:
        print('readuntil at eof:', err(e), e.partial, e.expected)
    print('readexactly 0:', await r.readexactly(0))

    r = asyncio.StreamReader(limit=10)
    print('repr limit:', repr(r))
    r.feed_data(b'abc')
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print('readexactly short:', err(e), e.partial, e.expected)
    try:
        await r.readexactly(-1)
    except ValueError as e:
        print('readexactly -1:', err(e))
    try:
        await r.readuntil(b'')
    except ValueError as e:
        print('empty separator:', err(e))

    r = asyncio.StreamReader(limit=5)
    r.feed_data(b'0123456789\nab')
    try:
        await r.readuntil(b'\n')
    except asyncio.LimitOverrunError as e:
        print('found but long:', err(e), e.consumed)
    print('buffer kept:', await r.read(11))
    r.feed_data(b'zzzzzzzzzzzz')
    try:
        await r.readuntil(b'!')
    except asyncio.LimitOverrunError as e:
        print('not found, over limit:', err(e), e.consumed)
    try:
        await r.readline()
    except ValueError as e:
        print('readline over limit:', err(e))
    r.feed_data(b'more\n')
    print('after failed readline:', await r.readline())

    r = asyncio.StreamReader()
    r.feed_data(b'a--b--c')
    print('multi-byte separator:', await r.readuntil(b'--'), await r.readuntil(b'--'))
    t = loop.create_task(r.readuntil(b'--'))
    await asyncio.sleep(0)
    print('waiting repr has waiter:', 'waiter=<Future pending' in repr(r))
    r.feed_data(b'-')
    await asyncio.sleep(0)
    print('partial separator waits:', t.done())
    r.feed_data(b'-tail')
    print('split separator:', await t)

    r = asyncio.StreamReader()
    exc = ConnectionResetError('gone')
    t = loop.create_task(r.read(5))
    await asyncio.sleep(0)
    r.set_exception(exc)
    try:
        await t
    except ConnectionResetError as e:
        print('waiter gets exception:', err(e))
    print('exception():', r.exception() is exc, repr(r))
    for name, args in [('read', ()), ('readline', ()), ('readexactly', (1,)), ('readuntil', ())]:
        try:
            await getattr(r, name)(*args)
        except ConnectionResetError as e:
            print(name, 'raises', err(e))
    print('read(0) with exception:', end=' ')
    try:
        print(await r.read(0))
    except ConnectionResetError as e:
        print(err(e))

    r = asyncio.StreamReader()
    t1 = loop.create_task(r.read(1))
    await asyncio.sleep(0)
    for name, args in [('read', (1,)), ('readexactly', (1,)), ('readuntil', (b'x',))]:
        try:
            await getattr(r, name)(*args)
        except RuntimeError as e:
            print('second waiter:', err(e))
    r.feed_data(b'Q')
    print('first waiter:', await t1)

    r = asyncio.StreamReader()
    r.feed_data(b'line1\nline2\nlast')
    loop.call_later(0.01, r.feed_eof)
    print('async for:', [line async for line in r])

    r = asyncio.StreamReader()
    for piece in (b'ab', b'cd', b'ef'):
        loop.call_soon(r.feed_data, piece)
    loop.call_soon(r.feed_eof)
    print('read(-1) collects:', await r.read(-1))
    r = asyncio.StreamReader()
    loop.call_soon(r.feed_data, b'xyz')
    print('read waits then returns available:', await r.read(100))
    r = asyncio.StreamReader()
    loop.call_soon(r.feed_data, b'12')
    loop.call_soon(r.feed_data, b'345')
    print('readexactly across chunks:', await r.readexactly(4), await r.read(9))
    r = asyncio.StreamReader()
    r.feed_eof()
    print('read on eof:', await r.read(10), await r.read(-1))


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    print('server: peer is', type(peer).__name__)
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    print('server: client sent EOF')
    writer.write(b'BYE\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def tcp():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    print('server type:', type(server).__name__, 'serving:', server.is_serving())
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('writer repr:', repr(writer).startswith('<StreamWriter transport='),
          'reader=<StreamReader' in repr(writer))
    print('transport is writer.transport:', writer.transport is writer._transport
          if hasattr(writer, '_transport') else True)
    print('can_write_eof:', writer.can_write_eof(), 'is_closing:', writer.is_closing())
    writer.write(b'one\n')
    writer.writelines([b'two', b'\n', b'three\n'])
    await writer.drain()
    for _ in range(3):
        print('client got:', await reader.readline())
    big = b'x' * 60000 + b'\n'
    writer.write(big)
    await writer.drain()
    got = await reader.readuntil(b'\n')
    print('big echo:', len(got), got[:3])
    writer.write_eof()
    print('after eof:', await reader.readline(), await reader.read())
    print('reader at_eof:', reader.at_eof())
    writer.close()
    print('is_closing after close:', writer.is_closing())
    await writer.wait_closed()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print('serving after close:', server.is_serving())
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except OSError as e:
        print('connect refused:', type(e).__name__)


async def coroutine_callback():
    done = asyncio.get_running_loop().create_future()

    def plain(reader, writer):
        print('plain callback called')
        writer.write(b'hi\n')
        writer.close()
        done.set_result(None)

    server = await asyncio.start_server(plain, '127.0.0.1', 0, limit=4)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port, limit=3)
    await done
    try:
        print(await reader.readline())
    except ValueError as e:
        print('client limit:', err(e))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    async def once(reader, writer):
        writer.write((await reader.readline()).upper())
        writer.close()
        await writer.wait_closed()

    async with await asyncio.start_server(once, '127.0.0.1', 0) as server2:
        port = server2.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(b'ctx\n')
        print('context-managed server:', await reader.readline(), await reader.read())
        writer.close()
        await writer.wait_closed()


async def unix():
    path = os.path.join(tempfile.mkdtemp(), 'sock')
    server = await asyncio.start_unix_server(handle, path)
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(b'unix\n')
    print('unix echo:', await reader.readline())
    writer.write_eof()
    print('unix bye:', await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    os.unlink(path) if os.path.exists(path) else None
    os.rmdir(os.path.dirname(path))


async def failing_callback():
    loop = asyncio.get_running_loop()
    seen = []
    loop.set_exception_handler(
        lambda lp, ctx: seen.append((ctx['message'], err(ctx.get('exception')), sorted(ctx))))

    async def bad(reader, writer):
        await reader.readline()
        raise KeyError('x')

    server = await asyncio.start_server(bad, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'hi\n')
    print('server closed after callback error:', await reader.read())
    print('reported:', seen)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    loop.set_exception_handler(None)


async def main():
    await reader_methods()
    await failing_callback()
    await tcp()
    await coroutine_callback()
    await unix()

asyncio.run(main())
print('exports:', all(hasattr(asyncio, n) for n in asyncio.streams.__all__))
print(sorted(asyncio.streams.__all__))
