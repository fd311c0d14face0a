# Futures and tasks: reprs, error messages, cancelling/uncancel, wrap_future, threads
import asyncio
import concurrent.futures
import threading

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    f.set_result([1, 2])
    print(repr(f))
    g = loop.create_future()
    g.set_exception(ValueError('bad'))
    print(repr(g))
    g.exception()
    h = loop.create_future()
    h.cancel('why')
    print(repr(h), h.cancel())
    try:
        h.result()
    except asyncio.CancelledError as e:
        print('CancelledError args:', e.args)
    try:
        h.exception()
    except asyncio.CancelledError as e:
        print('exception() also raises CancelledError')
    try:
        loop.create_future().exception()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    k = loop.create_future()
    try:
        k.set_exception(StopIteration())
    except TypeError as e:
        print('TypeError:', e)
    k.set_exception(KeyError)
    print('class becomes instance:', repr(k.exception()))

    print(asyncio.isfuture(f), asyncio.isfuture(42), asyncio.iscoroutine(main()),
          asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print('TypeError:', e)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError:', e)
    try:
        await asyncio.wait([asyncio.sleep(0)], return_when='sometimes')
    except ValueError as e:
        print('ValueError:', e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError:', e)

    async def sleeper():
        await asyncio.sleep(1)
    t = asyncio.create_task(sleeper(), name='sleeper')
    await asyncio.sleep(0)
    print(t.get_name(), t.cancelling())
    t.cancel()
    t.cancel()
    print('cancelling:', t.cancelling(), 'uncancel ->', t.uncancel())
    await asyncio.gather(t, return_exceptions=True)
    print('cancelled:', t.cancelled())
    try:
        t.set_result(1)
    except RuntimeError as e:
        print('RuntimeError:', e)

    async def awaits_itself():
        await me
    me = asyncio.create_task(awaits_itself())
    try:
        await me
    except RuntimeError as e:
        print('RuntimeError:', str(e).split(':')[0])

    class Awaitable:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return 'custom awaitable'
    print(await asyncio.ensure_future(Awaitable()))

    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        cf = ex.submit(lambda: 'from pool')
        print(await asyncio.wrap_future(cf))

    def in_thread():
        cfut = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01, 'threadsafe result'), loop)
        results.append(cfut.result(2))
    results = []
    th = threading.Thread(target=in_thread)
    th.start()
    while th.is_alive():
        await asyncio.sleep(0.01)
    print(results)

    e = asyncio.IncompleteReadError(b'ab', 5)
    print(str(e), e.partial, e.expected, isinstance(e, EOFError))
    print(str(asyncio.IncompleteReadError(b'', None)))
    e = asyncio.LimitOverrunError('too long', 7)
    print(str(e), e.consumed)

    g1 = asyncio.gather(sleeper(), sleeper())
    await asyncio.sleep(0)
    print('gather cancel:', g1.cancel())
    try:
        await g1
    except asyncio.CancelledError:
        print('gather cancelled')

asyncio.run(main())
