# asyncio.Barrier: phases (filling, draining, resetting, broken), arrival indexes, reset, abort,
# cancellation of waiters.
import asyncio
from _util import r, spin


def outcome(results):
    return [x if isinstance(x, int) else (type(x).__name__, str(x)) for x in results]


async def barrier_basics():
    print('-- Barrier')
    for bad in (0, -1):
        try:
            asyncio.Barrier(bad)
        except ValueError as e:
            print(type(e).__name__, e)
    b = asyncio.Barrier(3)
    print(r(b), b.parties, b.n_waiting, b.broken)
    log = []

    async def arrive(name):
        index = await b.wait()
        log.append((name, index, r(b), b.n_waiting))
        return index

    tasks = [asyncio.create_task(arrive(n)) for n in 'abc']
    print(r(b))
    await spin(1)
    print(r(b), b.n_waiting)
    print(await asyncio.gather(*tasks), log, r(b))

    entered = []

    async def with_block(name):
        async with b as pos:
            entered.append((name, pos, r(b)))

    await asyncio.gather(*(with_block(n) for n in 'xyz'))
    print(entered, r(b))

    # Six arrivals on a barrier of three: the second three wait for the draining phase to end.
    passed = []

    async def arrive_quietly(name):
        passed.append((name, await b.wait()))

    tasks = [asyncio.create_task(arrive_quietly(n)) for n in 'abcdef']
    await spin(1)
    print(r(b))
    await asyncio.gather(*tasks)
    print(passed, r(b))
    b1 = asyncio.Barrier(1)
    print('parties=1:', await b1.wait(), await b1.wait(), r(b1))


async def barrier_cancel_reset_abort():
    print('-- Barrier cancel/reset/abort')
    b = asyncio.Barrier(3)
    t1 = asyncio.create_task(b.wait())
    t2 = asyncio.create_task(b.wait())
    await spin(1)
    print(r(b))
    t1.cancel()
    await spin(1)
    print('after cancel:', r(b), t1.cancelled())
    t3 = asyncio.create_task(b.wait())
    await spin(1)
    print(r(b))
    t4 = asyncio.create_task(b.wait())
    print(await asyncio.gather(t2, t3, t4), r(b))

    t1 = asyncio.create_task(b.wait())
    t2 = asyncio.create_task(b.wait())
    await spin(1)
    print('reset ->', await b.reset(), r(b))
    print(outcome(await asyncio.gather(t1, t2, return_exceptions=True)), r(b))
    print('reset when idle ->', await b.reset(), r(b))

    t1 = asyncio.create_task(b.wait())
    await spin(1)
    print('abort ->', await b.abort(), r(b), b.broken, b.n_waiting)
    print(outcome(await asyncio.gather(t1, return_exceptions=True)), r(b))
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print(type(e).__name__, repr(e), isinstance(e, RuntimeError))
    await b.reset()
    print('reset after abort:', r(b), b.broken)

    b = asyncio.Barrier(2)
    log = []

    async def arrive(name):
        try:
            log.append((name, await b.wait()))
        except asyncio.CancelledError:
            log.append((name, 'cancelled', r(b)))
            raise

    t1 = asyncio.create_task(arrive('a'))
    await spin(1)
    t2 = asyncio.create_task(arrive('b'))
    await spin(1)
    print(r(b), t1.done(), t2.done())
    # Cancel the woken waiter before it runs: it still leaves the barrier cleanly.
    t1.cancel()
    print(outcome(await asyncio.gather(t1, t2, return_exceptions=True)), log, r(b))

    log.clear()
    t1 = asyncio.create_task(arrive('a'))
    await spin(1)
    t2 = asyncio.create_task(arrive('b'))
    await spin(1)
    await b.reset()
    print('reset while draining:', r(b))
    print(outcome(await asyncio.gather(t1, t2, return_exceptions=True)), log, r(b))


async def barrier_phase_changes():
    print('-- Barrier arrivals during resetting and after abort')
    b = asyncio.Barrier(2)
    log = []

    async def arrive(name):
        try:
            log.append((name, await b.wait(), r(b)))
        except asyncio.BrokenBarrierError as e:
            log.append((name, type(e).__name__, r(b)))

    for breaker in ('reset', 'abort+reset'):
        log.clear()
        t1 = asyncio.create_task(arrive('a'))
        await asyncio.sleep(0)
        if breaker == 'abort+reset':
            await b.abort()
        await b.reset()
        print(breaker, r(b))
        # New arrivals wait until the broken cycle has emptied.
        t2 = asyncio.create_task(arrive('b'))
        t3 = asyncio.create_task(arrive('c'))
        await asyncio.gather(t1, t2, t3)
        print(log, r(b))

    log.clear()
    t1 = asyncio.create_task(arrive('a'))
    t2 = asyncio.create_task(arrive('b'))
    await spin(2)
    print('before abort:', r(b))
    await b.abort()
    t3 = asyncio.create_task(arrive('c'))
    await asyncio.gather(t1, t2, t3)
    print(log, r(b))


async def main():
    await barrier_basics()
    await barrier_cancel_reset_abort()
    await barrier_phase_changes()


asyncio.run(main())
print('exports:', sorted(asyncio.locks.__all__))
