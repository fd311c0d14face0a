# asyncio.tasks: create_task/current_task/all_tasks, ensure_future, sleep, wait, wait_for,
# as_completed, gather, shield, run_coroutine_threadsafe and task reprs.
import asyncio
import threading


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


def err(e):
    return f'{type(e).__name__}({e})'


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 'awaited'


async def basics():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print('current task is a Task:', isinstance(me, asyncio.Task), me is asyncio.current_task(loop))
    t = asyncio.create_task(value(1), name='first')
    print('name:', t.get_name(), 'in all_tasks:', t in asyncio.all_tasks(), me in asyncio.all_tasks())
    print('repr pending:', repr(t).split(' coro=')[0])
    print('result:', await t, 'still in all_tasks:', t in asyncio.all_tasks())
    print('repr done:', repr(t).split(' coro=')[0], repr(t).split('>')[-2][-12:])
    t2 = asyncio.create_task(value(2))
    print('default name prefix:', t2.get_name().startswith('Task-'))
    t2.set_name('renamed')
    print('renamed:', t2.get_name(), await t2)
    t3 = asyncio.create_task(value(3), name=42)
    print('non-str name:', repr(t3.get_name()))
    await t3
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print('create_task(5):', err(e))
    try:
        asyncio.current_task(5)
    except Exception as e:
        print('current_task(5):', type(e).__name__)
    print('current_task foreign loop:', asyncio.current_task(asyncio.new_event_loop()))

    # ensure_future
    fut = loop.create_future()
    print('ensure_future(future) same:', asyncio.ensure_future(fut) is fut)
    ef = asyncio.ensure_future(value('coro'))
    print('ensure_future(coro):', type(ef).__name__, await ef)
    ea = asyncio.ensure_future(Awaitable())
    print('ensure_future(awaitable):', type(ea).__name__, await ea)
    for bad in (5, 'x', None):
        try:
            asyncio.ensure_future(bad)
        except TypeError as e:
            print('ensure_future bad:', err(e))
    other = asyncio.new_event_loop()
    try:
        asyncio.ensure_future(fut, loop=other)
    except ValueError as e:
        print('ensure_future other loop:', err(e))
    other.close()
    fut.cancel()

    # sleep
    print('sleep result:', await asyncio.sleep(0, 'r0'), await asyncio.sleep(0.001, 'r1'),
          await asyncio.sleep(-1, 'neg'))
    order = []

    async def hop(tag):
        for i in range(3):
            order.append(f'{tag}{i}')
            await asyncio.sleep(0)

    await asyncio.gather(hop('a'), hop('b'))
    print('sleep(0) interleaves:', order)
    st = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    st.cancel()
    try:
        await st
    except asyncio.CancelledError:
        print('sleep cancelled')


async def waits():
    a = asyncio.create_task(value('a', 0.01))
    b = asyncio.create_task(value('b', 0.2))
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print('FIRST_COMPLETED:', sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait({b})
    print('ALL_COMPLETED:', [t.result() for t in done], pending)
    c = asyncio.create_task(fail(ValueError('bad'), 0.01))
    d = asyncio.create_task(value('d', 0.3))
    done, pending = await asyncio.wait([c, d], return_when=asyncio.FIRST_EXCEPTION)
    print('FIRST_EXCEPTION:', [err(t.exception()) for t in done], len(pending))
    done, pending = await asyncio.wait([d], timeout=0.01)
    print('timeout:', len(done), len(pending), d.done())
    d.cancel()
    e = asyncio.create_task(value('e'))
    await e
    done, pending = await asyncio.wait([e], return_when=asyncio.FIRST_EXCEPTION)
    print('already done:', len(done), len(pending))
    print('constants:', asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    coro = value(1)
    for args, kw in [(([],), {}), (([e],), {'return_when': 'bogus'}), ((e,), {}),
                     ((coro,), {})]:
        try:
            await asyncio.wait(*args, **kw)
        except (TypeError, ValueError) as ex:
            print('wait bad:', err(ex))
    coro.close()
    coro = value(1)
    try:
        await asyncio.wait([coro])
    except TypeError as ex:
        print('wait coroutines:', err(ex))
    coro.close()


async def wait_fors():
    print('wait_for ok:', await asyncio.wait_for(value('v', 0.001), 1))
    print('wait_for None:', await asyncio.wait_for(value('n'), None))
    try:
        await asyncio.wait_for(value('slow', 1), 0.01)
    except asyncio.TimeoutError as e:
        print('wait_for timeout:', type(e).__name__, e.__cause__.__class__.__name__)
    t = asyncio.create_task(value('zero'))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('wait_for 0 on done:', await asyncio.wait_for(t, 0))
    try:
        await asyncio.wait_for(value('z', 1), 0)
    except TimeoutError as e:
        print('wait_for 0 pending:', type(e).__name__)
    try:
        await asyncio.wait_for(fail(KeyError('k')), 1)
    except KeyError as e:
        print('wait_for raises:', err(e))

    async def guarded():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return 'swallowed'

    print('wait_for inner swallows cancel:', await asyncio.wait_for(guarded(), 0.01))

    inner = asyncio.create_task(value('inner', 1))
    outer = asyncio.create_task(asyncio.wait_for(inner, 5))
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled; inner cancelled:', inner.cancelled())
    try:
        await asyncio.wait_for(5, 1)
    except TypeError as e:
        print('wait_for(5):', err(e))


async def as_completeds():
    tasks = [value('slow', 0.05), value('fast', 0.001), value('mid', 0.02)]
    got = []
    for c in asyncio.as_completed(tasks):
        got.append(await c)
    print('as_completed:', got)
    its = asyncio.as_completed([value('never', 1), value('quick', 0)], timeout=0.05)
    print('first:', await next(its))
    try:
        await next(its)
    except asyncio.TimeoutError as e:
        print('as_completed timeout:', type(e).__name__)
    for bad in (asyncio.get_running_loop().create_future(), value(1)):
        try:
            next(asyncio.as_completed(bad))
        except TypeError as e:
            print('as_completed bad:', err(e))
        if asyncio.iscoroutine(bad):
            bad.close()
    print('as_completed empty:', list(asyncio.as_completed([])))
    its = asyncio.as_completed([value('x'), fail(OSError('o'))])
    res = []
    for c in its:
        try:
            res.append(await c)
        except OSError as e:
            res.append(err(e))
    print('as_completed errors:', sorted(res))
    await asyncio.sleep(1.1)


async def gathers():
    print('gather:', await asyncio.gather(value(1, 0.02), value(2), value(3, 0.01)))
    print('gather empty:', await asyncio.gather())
    t = asyncio.create_task(value('dup'))
    print('gather duplicates:', await asyncio.gather(t, t, value('x')))
    print('gather return_exceptions:',
          [err(r) if isinstance(r, BaseException) else r for r in
           await asyncio.gather(value(1), fail(ValueError('v')), return_exceptions=True)])
    slow = asyncio.create_task(value('slow', 0.05))
    try:
        await asyncio.gather(fail(ValueError('first')), slow)
    except ValueError as e:
        print('gather first error:', err(e), 'slow cancelled:', slow.cancelled())
    print('slow still finishes:', await slow)

    c1 = asyncio.create_task(value(1, 1))
    c2 = asyncio.create_task(value(2, 1))
    g = asyncio.gather(c1, c2)
    await asyncio.sleep(0)
    print('gather cancel:', g.cancel(), g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled; children:', c1.cancelled(), c2.cancelled())
    print('cancel done gather:', g.cancel())

    c3 = asyncio.create_task(value(3, 1))
    g2 = asyncio.gather(c3, value(4), return_exceptions=True)
    await asyncio.sleep(0)
    c3.cancel('by hand')
    r = await g2
    print('child cancelled with return_exceptions:', [type(x).__name__ for x in r], r[0].args)

    c4 = asyncio.create_task(value(4, 1))
    g3 = asyncio.gather(c4)
    await asyncio.sleep(0)
    c4.cancel()
    try:
        await g3
    except asyncio.CancelledError:
        print('child cancelled without return_exceptions')
    f = asyncio.get_running_loop().create_future()
    f.set_result('ready')
    print('gather done future:', await asyncio.gather(f))
    try:
        asyncio.gather(5)
    except TypeError as e:
        print('gather(5):', err(e))
    g4 = asyncio.gather(value(1), value(2))
    print('gather is Future:', isinstance(g4, asyncio.Future))
    await g4


async def shields():
    inner = asyncio.create_task(value('protected', 0.02))

    async def shielded():
        return await asyncio.shield(inner)

    outer = asyncio.create_task(shielded())
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('shield: outer cancelled, inner cancelled?', inner.cancelled())
    print('inner result:', await inner)
    print('shield ok:', await asyncio.shield(value('through')))
    done = asyncio.get_running_loop().create_future()
    done.set_result(1)
    print('shield done returns it:', asyncio.shield(done) is done)
    inner2 = asyncio.create_task(fail(LookupError('l'), 0.001))
    try:
        await asyncio.shield(inner2)
    except LookupError as e:
        print('shield propagates:', err(e))
    inner3 = asyncio.create_task(value(0, 1))
    s = asyncio.shield(inner3)
    inner3.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print('shield: inner cancelled -> outer cancelled:', s.cancelled())
    try:
        asyncio.shield(7)
    except TypeError as e:
        print('shield(7):', err(e))


def threadsafe():
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def run():
        asyncio.set_event_loop(loop)
        loop.call_soon(started.set)
        loop.run_forever()

    th = threading.Thread(target=run)
    th.start()
    started.wait()
    cf = asyncio.run_coroutine_threadsafe(value('from thread', 0.001), loop)
    print('run_coroutine_threadsafe:', cf.result(5))
    cf = asyncio.run_coroutine_threadsafe(fail(ArithmeticError('a')), loop)
    try:
        cf.result(5)
    except ArithmeticError as e:
        print('threadsafe error:', err(e))
    try:
        asyncio.run_coroutine_threadsafe(5, loop)
    except TypeError as e:
        print('threadsafe bad:', err(e))
    cf = asyncio.run_coroutine_threadsafe(value('never', 10), loop)
    cf.cancel()
    print('concurrent future cancelled:', cf.cancelled())
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    th.join()
    loop.close()


async def reprs():
    async def coro_fn():
        await asyncio.sleep(1)

    t = asyncio.create_task(coro_fn(), name='R')
    await asyncio.sleep(0)
    r = repr(t)
    print('repr parts:', r.startswith("<Task pending name='R' coro=<reprs.<locals>.coro_fn() running at"),
          'wait_for=<Future pending' in r)
    t.cancel()
    print('cancelling repr:', repr(t).split(' coro=')[0])
    try:
        await t
    except asyncio.CancelledError:
        pass
    print('cancelled repr:', repr(t).split(' coro=')[0])
    t = asyncio.create_task(fail(ValueError('x')), name='E')
    try:
        await t
    except ValueError:
        pass
    print('exception repr:', repr(t).split(' coro=')[0], repr(t).split('> ')[-1])


async def main():
    await basics()
    await waits()
    await wait_fors()
    await as_completeds()
    await gathers()
    await shields()
    await reprs()

asyncio.run(main())
threadsafe()
try:
    asyncio.gather()
except Exception as e:
    print('gather() outside loop:', type(e).__name__)
