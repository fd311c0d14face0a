# StreamReader fed by hand: readline() on lines already buffered (at, below and above the
# limit), a pending exception, read(n) with more and less than n buffered, pause/resume of the
# transport around the limit, and drain() on a writer whose protocol is paused or lost.
import asyncio


class FakeTransport:
    def __init__(self):
        self.calls = []

    def pause_reading(self):
        self.calls.append('pause')

    def resume_reading(self):
        self.calls.append('resume')

    def is_closing(self):
        return False


async def readlines():
    r = asyncio.StreamReader(limit=8)
    r.feed_data(b'one\ntwo\n12345678\n123456789\nrest')
    for _ in range(3):
        print(await r.readline())
    try:
        await r.readline()
    except ValueError as e:
        print('ValueError:', e)
    r.feed_eof()
    print(await r.readline(), await r.readline(), r.at_eof())

    r = asyncio.StreamReader()
    r.feed_data(b'a\nb\n')
    r.set_exception(OSError('broken'))
    try:
        await r.readline()
    except OSError as e:
        print('OSError:', e)

    r = asyncio.StreamReader()
    r.feed_data(b'\n\n')
    print(await r.readline(), await r.readline())
    loop = asyncio.get_running_loop()
    loop.call_soon(r.feed_data, b'late')
    loop.call_soon(r.feed_data, b' line\nnext')
    print(await r.readline())
    print(await r.readuntil(b'xt'))

    r = asyncio.StreamReader(limit=5)
    first = loop.create_task(r.readline())
    await asyncio.sleep(0)
    try:
        await r.readline()
    except RuntimeError as e:
        print('RuntimeError:', e)
    r.feed_data(b'abc')
    await asyncio.sleep(0)
    r.feed_data(b'defgh')
    try:
        await first
    except ValueError as e:
        print('ValueError:', e, bytes(r._buffer))
    second = loop.create_task(r.readline())
    await asyncio.sleep(0)
    r.feed_data(b'xy')
    await asyncio.sleep(0)
    r.feed_eof()
    print(await second)
    r = asyncio.StreamReader()
    third = loop.create_task(r.readline())
    await asyncio.sleep(0)
    third.cancel()
    try:
        await third
    except asyncio.CancelledError:
        print('cancelled; reader waiter', r._waiter)
    r.feed_data(b'ok\n')
    print(await r.readline())


async def reads():
    r = asyncio.StreamReader()
    r.feed_data(b'abcdef')
    print(await r.read(4), await r.read(4), await r.read(0))
    r.feed_data(b'xyz')
    print(await r.read(3))
    r.feed_data(b'12')
    r.feed_eof()
    print(await r.read(-1), await r.read(5))
    try:
        await r.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError:', e)


async def pause_resume():
    r = asyncio.StreamReader(limit=4)
    t = FakeTransport()
    r.set_transport(t)
    r.feed_data(b'12345678')
    print(t.calls)
    r.feed_data(b'9')
    print(t.calls)
    print(await r.read(3), t.calls)
    print(await r.read(3), t.calls)
    print(await r.read(3), t.calls)
    r.feed_data(b'ab\ncdefghijk\nlm\n')
    print(t.calls)
    print(await r.readline(), t.calls)
    try:
        await r.readline()
    except ValueError as e:
        print('ValueError:', e, t.calls)
    print(await r.readline(), t.calls)


class Protocol(asyncio.streams.StreamReaderProtocol):
    pass


async def drains():
    loop = asyncio.get_running_loop()
    r = asyncio.StreamReader()
    p = Protocol(r)
    t = FakeTransport()
    w = asyncio.StreamWriter(t, p, r, loop)
    await w.drain()
    print('drain returns at once')
    p.pause_writing()
    task = loop.create_task(w.drain())
    await asyncio.sleep(0)
    print('paused drain done:', task.done())
    p.resume_writing()
    await task
    print('resumed drain done:', task.done())
    p.connection_lost(None)
    try:
        await w.drain()
    except ConnectionResetError as e:
        print('ConnectionResetError:', e)
    r2 = asyncio.StreamReader()
    w2 = asyncio.StreamWriter(t, Protocol(r2), r2, loop)
    r2.set_exception(ValueError('reader failed'))
    try:
        await w2.drain()
    except ValueError as e:
        print('ValueError:', e)


async def main():
    await readlines()
    await reads()
    await pause_resume()
    await drains()


asyncio.run(main())
