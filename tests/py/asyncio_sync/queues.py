# asyncio.Queue, PriorityQueue, LifoQueue: ordering, bounds, blocking put/get, task_done/join,
# cancellation of blocked callers, reprs and errors.
import asyncio
from _util import r, spin


async def basics():
    print('-- basics')
    q = asyncio.Queue()
    print(r(q), str(q), q.maxsize, q.qsize(), q.empty(), q.full())
    for i in range(3):
        print('put_nowait ->', q.put_nowait(i))
    print(r(q), str(q), q.qsize(), q.empty(), q.full())
    print('put ->', await q.put('x'))
    print([q.get_nowait() for _ in range(2)], await q.get(), await q.get())
    print(str(q), q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(type(e).__name__, repr(str(e)), e.args, isinstance(e, Exception))
    for _ in range(4):
        q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print(type(e).__name__, e)
    print('join on a drained queue:', await q.join())
    print('maxsize is read-only:', end=' ')
    try:
        q.maxsize = 5
    except AttributeError:
        print('AttributeError')


async def bounded():
    print('-- bounded')
    q = asyncio.Queue(2)
    q.put_nowait('a')
    q.put_nowait('b')
    print(str(q), q.full(), q.qsize())
    try:
        q.put_nowait('c')
    except asyncio.QueueFull as e:
        print(type(e).__name__, repr(str(e)), e.args)
    for size in (0, -1, -10):
        q = asyncio.Queue(size)
        for i in range(100):
            q.put_nowait(i)
        print('maxsize', size, 'full:', q.full(), q.qsize())
    for bad in (None, '3'):
        q = asyncio.Queue(bad)
        try:
            q.full()
        except TypeError as e:
            print(str(q), type(e).__name__, e)
    q = asyncio.Queue(maxsize=1)
    print(str(q))
    q.put_nowait(1)
    print('full at 1:', q.full())


async def blocking():
    print('-- blocking')
    q = asyncio.Queue(1)
    log = []

    async def producer(name, items):
        for item in items:
            await q.put(item)
            log.append(f'{name} put {item}')

    async def consumer(name, count):
        for _ in range(count):
            item = await q.get()
            log.append(f'{name} got {item}')
            q.task_done()

    c1 = asyncio.create_task(consumer('c1', 3))
    c2 = asyncio.create_task(consumer('c2', 3))
    await spin(1)
    print(str(q))
    p1 = asyncio.create_task(producer('p1', 'abc'))
    p2 = asyncio.create_task(producer('p2', 'xyz'))
    await asyncio.gather(p1, p2, c1, c2)
    print(log)
    print(str(q))

    q = asyncio.Queue(1)
    q.put_nowait(0)
    putters = [asyncio.create_task(q.put(i)) for i in range(1, 4)]
    await spin(1)
    print(str(q))
    got = []
    for _ in range(4):
        got.append(await q.get())
    await asyncio.gather(*putters)
    print(got, str(q))

    # A woken caller leaves the waiter list at once; if the queue changed before it runs, it
    # waits again.
    q = asyncio.Queue(1)
    getters = [asyncio.create_task(q.get()) for _ in range(2)]
    await spin(1)
    q.put_nowait('g')
    print('woken getter:', str(q))
    await spin(1)
    print([g.done() for g in getters], str(q))
    q.put_nowait('h')
    await asyncio.gather(*getters)
    q.put_nowait('full')
    putter = asyncio.create_task(q.put('waiting'))
    await spin(1)
    print(str(q))
    print(q.get_nowait(), str(q))
    q.put_nowait('sneaked in')
    await spin(2)
    print('putter waits again:', putter.done(), str(q))
    print(q.get_nowait())
    await putter
    print(str(q))


async def join_and_task_done():
    print('-- join')
    q = asyncio.Queue()
    done = []

    async def worker(name):
        while True:
            item = await q.get()
            await spin(item % 3)
            done.append((name, item))
            q.task_done()

    for i in range(6):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(n)) for n in ('w1', 'w2')]
    print(str(q))
    await q.join()
    print(sorted(done), str(q))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print('workers cancelled:', [w.cancelled() for w in workers])

    q = asyncio.Queue()
    q.put_nowait('item')
    q.get_nowait()
    joiner = asyncio.create_task(q.join())
    await spin(2)
    print('join done before task_done:', joiner.done())
    q.task_done()
    await spin(2)
    print('join done after task_done:', joiner.done())
    waiters = [asyncio.create_task(q.join()) for _ in range(3)]
    await spin(1)
    print('joins on an idle queue done:', [w.done() for w in waiters])


async def cancelled_getters():
    print('-- cancelled getters')
    q = asyncio.Queue()
    results = {}

    async def get(name):
        try:
            results[name] = await q.get()
        except asyncio.CancelledError:
            results[name] = 'cancelled'
            raise

    g1 = asyncio.create_task(get('g1'))
    g2 = asyncio.create_task(get('g2'))
    g3 = asyncio.create_task(get('g3'))
    await spin(1)
    print(str(q))
    g1.cancel()
    await spin(1)
    print(str(q))
    # g2 is woken by the put and cancelled before it runs: the item must reach g3.
    q.put_nowait('only item')
    g2.cancel()
    await asyncio.gather(g1, g2, g3, return_exceptions=True)
    print(dict(sorted(results.items())), str(q))

    q = asyncio.Queue()
    g = asyncio.create_task(q.get())
    await spin(1)
    try:
        await asyncio.wait_for(asyncio.shield(g), 0.001)
    except asyncio.TimeoutError:
        print('get timed out, still pending:', not g.done())
    q.put_nowait(7)
    print('shielded get:', await g)
    try:
        await asyncio.wait_for(q.get(), 0.001)
    except asyncio.TimeoutError:
        print('wait_for(get) timed out:', str(q))


async def cancelled_putters():
    print('-- cancelled putters')
    q = asyncio.Queue(1)
    q.put_nowait('first')
    results = {}

    async def put(name):
        try:
            await q.put(name)
            results[name] = 'put'
        except asyncio.CancelledError:
            results[name] = 'cancelled'
            raise

    p1 = asyncio.create_task(put('p1'))
    p2 = asyncio.create_task(put('p2'))
    p3 = asyncio.create_task(put('p3'))
    await spin(1)
    print(str(q))
    p1.cancel()
    await spin(1)
    print(str(q))
    print('got', q.get_nowait())
    p2.cancel()
    await asyncio.gather(p1, p2, p3, return_exceptions=True)
    print(dict(sorted(results.items())), str(q))


async def other_kinds():
    print('-- LifoQueue / PriorityQueue')
    lq = asyncio.LifoQueue()
    for i in (1, 2, 3):
        await lq.put(i)
    print(r(lq), str(lq), isinstance(lq, asyncio.Queue))
    print([lq.get_nowait() for _ in range(3)])
    pq = asyncio.PriorityQueue(maxsize=4)
    for item in ((3, 'c'), (1, 'a'), (2, 'b'), (1, 'A')):
        pq.put_nowait(item)
    print(str(pq), pq.full())
    print([pq.get_nowait() for _ in range(4)])
    try:
        pq.get_nowait()
    except asyncio.QueueEmpty:
        print('PriorityQueue empty')
    pq.put_nowait(1)
    try:
        pq.put_nowait('x')
    except TypeError as e:
        print(type(e).__name__, e)
    print('after the failed put:', str(pq), pq.qsize())

    # Subclasses can change the storage through _init/_put/_get.
    class SetQueue(asyncio.Queue):
        def _init(self, maxsize):
            self._queue = set()

        def _put(self, item):
            self._queue.add(item)

        def _get(self):
            return self._queue.pop()

    sq = SetQueue()
    for item in (1, 1, 2, 2, 2):
        sq.put_nowait(item)
    print('SetQueue:', sq.qsize(), sorted([sq.get_nowait(), sq.get_nowait()]), sq.empty())


async def generic_and_exports():
    print('-- misc')
    print(asyncio.Queue[int], asyncio.PriorityQueue[str], asyncio.LifoQueue[bytes])
    print(sorted(asyncio.queues.__all__))
    print(asyncio.QueueFull.__mro__[1].__name__, asyncio.QueueEmpty.__mro__[1].__name__)


def other_loop():
    print('-- different loops')
    q = asyncio.Queue()

    async def get():
        try:
            await asyncio.wait_for(q.get(), 0.001)
        except asyncio.TimeoutError:
            print('timed out')
        except RuntimeError as e:
            print(type(e).__name__, r(e))

    async def no_wait():
        await q.put(1)
        print('put/get without waiting:', await q.get())

    # Only a task that has to wait binds the queue to its loop.
    asyncio.run(no_wait())
    asyncio.run(get())
    asyncio.run(no_wait())
    asyncio.run(get())


async def main():
    await basics()
    await bounded()
    await blocking()
    await join_and_task_done()
    await cancelled_getters()
    await cancelled_putters()
    await other_kinds()
    await generic_and_exports()


asyncio.run(main())
other_loop()
