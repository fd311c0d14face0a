# asyncio.Lock, Event, Condition, Semaphore, BoundedSemaphore: states, reprs, FIFO wake-up order,
# cancellation of waiters, errors.
import asyncio
from _util import r, spin


async def lock_basics():
    print('-- Lock')
    lock = asyncio.Lock()
    print(r(lock), lock.locked())
    print('acquire ->', await lock.acquire())
    print(r(lock), lock.locked())
    lock.release()
    print(r(lock))
    try:
        lock.release()
    except RuntimeError as e:
        print(type(e).__name__, e)
    async with lock as value:
        print('inside async with:', value, lock.locked())
    print('after async with:', lock.locked())
    try:
        async with lock:
            raise KeyError('boom')
    except KeyError as e:
        print('released on error:', lock.locked(), repr(e))
    try:
        asyncio.Lock(loop=None)
    except TypeError as e:
        print(type(e).__name__)


async def lock_fifo():
    print('-- Lock FIFO')
    lock = asyncio.Lock()
    order = []

    async def worker(name, hold):
        async with lock:
            order.append(name + '+')
            await spin(hold)
            order.append(name + '-')

    tasks = [asyncio.create_task(worker(n, h)) for n, h in (('a', 3), ('b', 1), ('c', 2), ('d', 0))]
    await asyncio.sleep(0)
    print(r(lock))
    await asyncio.gather(*tasks)
    print(order)
    print(r(lock))


async def lock_cancel():
    print('-- Lock cancel')
    lock = asyncio.Lock()
    await lock.acquire()
    log = []

    async def want(name):
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            log.append(name + ' cancelled')
            raise
        log.append(name + ' got it')
        await spin(1)
        lock.release()

    t1 = asyncio.create_task(want('t1'))
    t2 = asyncio.create_task(want('t2'))
    t3 = asyncio.create_task(want('t3'))
    await spin(1)
    print(r(lock))
    t1.cancel()
    await spin(1)
    print(r(lock))
    # Wake t2, then cancel it before it runs: the lock must pass on to t3.
    lock.release()
    t2.cancel()
    await asyncio.gather(t1, t2, t3, return_exceptions=True)
    print(log)
    print(t1.cancelled(), t2.cancelled(), t3.cancelled(), lock.locked())
    # An unlocked lock whose only waiters are cancelled is acquired at once.
    lock2 = asyncio.Lock()
    await lock2.acquire()
    t = asyncio.create_task(lock2.acquire())
    await spin(1)
    t.cancel()
    lock2.release()
    print('lock2 acquire:', await lock2.acquire())
    await asyncio.gather(t, return_exceptions=True)
    print('t cancelled:', t.cancelled())


async def lock_new_comer():
    print('-- Lock newcomer')
    lock = asyncio.Lock()
    await lock.acquire()
    order = []

    async def waiter(name):
        async with lock:
            order.append(name)

    t1 = asyncio.create_task(waiter('first'))
    await spin(1)
    lock.release()
    # The woken waiter has not run yet; a newcomer must queue behind it.
    t2 = asyncio.create_task(waiter('newcomer'))
    await asyncio.gather(t1, t2)
    print(order)


async def event_basics():
    print('-- Event')
    ev = asyncio.Event()
    print(r(ev), ev.is_set())
    woke = []

    async def waiter(i):
        res = await ev.wait()
        woke.append((i, res))

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await spin(1)
    print(r(ev))
    tasks[1].cancel()
    await spin(1)
    print(r(ev))
    print('set ->', ev.set())
    ev.set()
    print(r(ev), ev.is_set())
    await asyncio.gather(*tasks, return_exceptions=True)
    print(woke, tasks[1].cancelled())
    print('wait on set event:', await ev.wait())
    print('clear ->', ev.clear())
    print(r(ev), ev.is_set())
    # set() followed by clear() before the waiter runs still wakes it.
    t = asyncio.create_task(ev.wait())
    await spin(1)
    ev.set()
    ev.clear()
    print('woken after set+clear:', await t, ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print('wait timed out, waiters left:', r(ev))


async def condition_basics():
    print('-- Condition')
    cond = asyncio.Condition()
    print(r(cond), cond.locked())
    for name, call in (('wait', lambda: cond.wait()), ('wait_for', lambda: cond.wait_for(lambda: False))):
        try:
            await call()
        except RuntimeError as e:
            print(name, type(e).__name__, e)
    for name, call in (('notify', cond.notify), ('notify_all', cond.notify_all)):
        try:
            call()
        except RuntimeError as e:
            print(name, type(e).__name__, e)
    async with cond:
        print(r(cond), cond.locked())
        print('wait_for true predicate:', await cond.wait_for(lambda: 42))
    print(r(cond))

    log = []

    async def waiter(i):
        async with cond:
            res = await cond.wait()
            log.append((i, res, cond.locked()))

    tasks = [asyncio.create_task(waiter(i)) for i in range(5)]
    await spin(2)
    print(r(cond))
    async with cond:
        cond.notify()
        cond.notify(0)
    await spin(3)
    print(log)
    async with cond:
        cond.notify(2)
    await spin(5)
    print(log)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(log)
    print(r(cond))


async def condition_shared_lock():
    print('-- Condition with a lock')
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    await lock.acquire()
    print('cond.locked() follows the lock:', cond.locked())
    cond.release()
    print('lock.locked() after cond.release():', lock.locked())
    state = {'n': 0}
    seen = []

    async def consumer():
        async with cond:
            value = await cond.wait_for(lambda: state['n'] >= 3 and state['n'])
            seen.append(value)

    t = asyncio.create_task(consumer())
    for _ in range(4):
        await spin(1)
        async with lock:
            state['n'] += 1
            cond.notify_all()
    await t
    print('wait_for result:', seen)


async def condition_cancel():
    print('-- Condition cancel')
    cond = asyncio.Condition()
    log = []

    async def waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                log.append(('cancelled, holds lock', cond.locked()))
                raise

    t = asyncio.create_task(waiter())
    await spin(2)
    # Hold the lock so the cancelled waiter has to wait to re-acquire it.
    await cond.acquire()
    t.cancel()
    await spin(2)
    print('done while the lock is held elsewhere:', t.done())
    cond.release()
    await asyncio.gather(t, return_exceptions=True)
    print(log, t.cancelled(), cond.locked())

    # A notified waiter that gets cancelled while re-acquiring still ends up cancelled.
    t = asyncio.create_task(waiter())
    await spin(2)
    await cond.acquire()
    cond.notify()
    cond.release()
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print('notified then cancelled:', t.cancelled(), cond.locked())


async def semaphore_basics():
    print('-- Semaphore')
    for bad in (-1, -5):
        try:
            asyncio.Semaphore(bad)
        except ValueError as e:
            print(type(e).__name__, e)
    sem = asyncio.Semaphore()
    print(r(sem), sem.locked())
    print('acquire ->', await sem.acquire())
    print(r(sem), sem.locked())
    sem.release()
    sem.release()
    print('released twice:', r(sem))
    sem0 = asyncio.Semaphore(0)
    print(r(sem0), sem0.locked())
    sem3 = asyncio.Semaphore(3)
    async with sem3 as value:
        print('inside async with:', value, r(sem3))
    print(r(sem3))


async def semaphore_order():
    print('-- Semaphore order')
    sem = asyncio.Semaphore(2)
    log = []
    active = {'n': 0, 'max': 0}

    async def worker(i):
        async with sem:
            active['n'] += 1
            active['max'] = max(active['max'], active['n'])
            log.append(i)
            await spin(i % 3 + 1)
            active['n'] -= 1

    tasks = [asyncio.create_task(worker(i)) for i in range(7)]
    await spin(1)
    print(r(sem))
    await asyncio.gather(*tasks)
    print(log, active['max'], r(sem))

    # A newcomer does not overtake queued waiters.
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    order = []

    async def take(name):
        async with sem:
            order.append(name)
            await spin(1)

    t1 = asyncio.create_task(take('queued'))
    await spin(1)
    sem.release()
    print('locked while a waiter is woken:', sem.locked())
    t2 = asyncio.create_task(take('newcomer'))
    await asyncio.gather(t1, t2)
    print(order, r(sem))


async def semaphore_cancel():
    print('-- Semaphore cancel')
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    log = []

    async def want(name):
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            log.append(name + ' cancelled')
            raise
        log.append(name + ' got it')

    t1 = asyncio.create_task(want('t1'))
    t2 = asyncio.create_task(want('t2'))
    t3 = asyncio.create_task(want('t3'))
    await spin(1)
    print(r(sem))
    t1.cancel()
    await spin(1)
    print(r(sem), sem.locked())
    sem.release()
    t2.cancel()
    await asyncio.gather(t1, t2, t3, return_exceptions=True)
    print(log, r(sem))
    sem.release()
    print(r(sem))
    # Only cancelled waiters left: the semaphore is not locked.
    sem = asyncio.Semaphore(0)
    t = asyncio.create_task(sem.acquire())
    await spin(1)
    t.cancel()
    sem.release()
    print('after cancel+release:', r(sem), sem.locked())
    await asyncio.gather(t, return_exceptions=True)
    print(r(sem), sem.locked())


async def bounded():
    print('-- BoundedSemaphore')
    bs = asyncio.BoundedSemaphore(2)
    print(r(bs), isinstance(bs, asyncio.Semaphore))
    try:
        bs.release()
    except ValueError as e:
        print(type(e).__name__, e)
    await bs.acquire()
    await bs.acquire()
    print(r(bs))
    bs.release()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print(type(e).__name__, e)
    print(r(bs))
    try:
        asyncio.BoundedSemaphore(-1)
    except ValueError as e:
        print(type(e).__name__, e)
    bs0 = asyncio.BoundedSemaphore(0)
    try:
        bs0.release()
    except ValueError as e:
        print(type(e).__name__, e)


def other_loop():
    print('-- different loops')

    async def contend(prim, op):
        try:
            await asyncio.wait_for(op(prim), 0.001)
            print(type(prim).__name__, 'acquired')
        except asyncio.TimeoutError:
            print(type(prim).__name__, 'timed out')
        except RuntimeError as e:
            print(type(prim).__name__, type(e).__name__, r(e))

    lock = asyncio.Lock()
    # An uncontended acquire does not bind the lock to a loop.
    asyncio.run(contend(lock, lambda p: p.acquire()))
    asyncio.run(contend(lock, lambda p: p.acquire()))
    asyncio.run(contend(lock, lambda p: p.acquire()))
    for prim, op in ((asyncio.Event(), lambda p: p.wait()),
                     (asyncio.Semaphore(0), lambda p: p.acquire()),
                     (asyncio.BoundedSemaphore(0), lambda p: p.acquire())):
        asyncio.run(contend(prim, op))
        asyncio.run(contend(prim, op))


async def main():
    await lock_basics()
    await lock_fifo()
    await lock_cancel()
    await lock_new_comer()
    await event_basics()
    await condition_basics()
    await condition_shared_lock()
    await condition_cancel()
    await semaphore_basics()
    await semaphore_order()
    await semaphore_cancel()
    await bounded()


asyncio.run(main())
other_loop()
