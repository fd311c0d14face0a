# asyncio.timeout / timeout_at / Timeout: expiry into TimeoutError, states and reprs, reschedule,
# nesting, cancellation from outside, misuse errors.
import asyncio
from _util import spin


async def expiry():
    print('-- expiry')
    try:
        async with asyncio.timeout(0.01) as cm:
            print('inside:', cm.expired(), cm.when() is not None)
            await asyncio.sleep(10)
        print('not reached')
    except TimeoutError as e:
        print(type(e).__name__, repr(e), e is not None, cm.expired(), repr(cm))
        print('cause:', type(e.__cause__).__name__, 'context:', type(e.__context__).__name__)
        print('TimeoutError is asyncio.TimeoutError:', TimeoutError is asyncio.TimeoutError)
    print('cancelling() after expiry:', asyncio.current_task().cancelling())

    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0)
    print('no expiry:', cm.expired(), repr(cm))

    async with asyncio.timeout(None) as cm:
        print(repr(cm), cm.when())
        await asyncio.sleep(0.01)
    print(repr(cm), cm.expired())

    loop = asyncio.get_running_loop()
    for delay in (0, -1):
        try:
            async with asyncio.timeout(delay) as cm:
                print('entered with delay', delay)
                await asyncio.sleep(0)
                print('not reached')
        except TimeoutError:
            print('expired at the first await, delay', delay, cm.expired())
    try:
        async with asyncio.timeout_at(loop.time() - 5) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout_at in the past expires', cm.expired())
    # No await inside: a past deadline never gets to fire.
    async with asyncio.timeout(0) as cm:
        pass
    print('no await:', cm.expired(), repr(cm))


async def swallowed():
    print('-- swallowed cancellation')
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('body saw CancelledError')
    print('no TimeoutError raised, expired:', cm.expired(), repr(cm))
    print('cancelling():', asyncio.current_task().cancelling())

    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                raise KeyError('replaced')
    except KeyError as e:
        print('other error passes through:', repr(e), cm.expired())
    print('cancelling():', asyncio.current_task().cancelling())


async def reprs_and_reschedule():
    print('-- reprs and reschedule')
    cm = asyncio.timeout_at(12345.67891)
    print(repr(cm), cm.when(), cm.expired())
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print(type(e).__name__, e)
    cm = asyncio.Timeout(None)
    print(repr(cm), isinstance(asyncio.timeout(1), asyncio.Timeout))
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(None) as cm:
        print(repr(cm))
        cm.reschedule(12345.67891)
        print(repr(cm), cm.when())
        cm.reschedule(None)
        print(repr(cm), cm.when())
        cm.reschedule(loop.time() + 10)
        await asyncio.sleep(0)
        cm.reschedule(None)
        await asyncio.sleep(0.02)
    print(repr(cm), cm.expired())
    try:
        cm.reschedule(5)
    except RuntimeError as e:
        print(type(e).__name__, e)

    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(10)
    except TimeoutError:
        print('rescheduled earlier: expired', cm.expired(), repr(cm))
    try:
        cm.reschedule(5)
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        async with asyncio.timeout(0.01) as cm:
            cm.reschedule(loop.time() - 1)
            await asyncio.sleep(10)
    except TimeoutError:
        print('rescheduled into the past: expired', cm.expired())
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(loop.time() + 10)
        await asyncio.sleep(0.03)
    print('rescheduled later: expired', cm.expired())

    seen = []

    async def observe(cm):
        await spin(1)
        seen.append(repr(cm))

    try:
        async with asyncio.timeout(0) as cm:
            t = asyncio.create_task(observe(cm))
            await asyncio.sleep(1)
    except TimeoutError:
        await t
        print('repr while expiring:', seen, repr(cm))


async def nesting():
    print('-- nesting')
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print('inner expired', inner.expired(), 'outer', outer.expired())
            await asyncio.sleep(0)
    except TimeoutError:
        print('not reached')
    print('outer fine:', outer.expired())

    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(10) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print('not reached')
    except TimeoutError:
        print('outer expired', outer.expired(), 'inner', inner.expired(), repr(inner))

    # Both deadlines at once: the outer one sees the cancellation it caused.
    when = loop.time() + 0.01
    try:
        async with asyncio.timeout_at(when) as outer:
            try:
                async with asyncio.timeout_at(when) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print('inner raised TimeoutError')
            await asyncio.sleep(0)
    except TimeoutError:
        print('outer raised TimeoutError')
    print('both expired:', inner.expired(), outer.expired())
    print('cancelling():', asyncio.current_task().cancelling())


async def outside_cancel():
    print('-- cancelled from outside')

    async def body(delay):
        try:
            async with asyncio.timeout(delay) as cm:
                await asyncio.sleep(10)
        except TimeoutError:
            return 'timeout'
        finally:
            print('expired at exit:', cm.expired())

    t = asyncio.create_task(body(10))
    await spin(2)
    t.cancel()
    res = await asyncio.gather(t, return_exceptions=True)
    print(repr(res[0]), t.cancelled())

    # Cancelled before the timeout fires, but the deadline passes too: still a cancellation.
    t = asyncio.create_task(body(0))
    await asyncio.sleep(0)
    t.cancel()
    res = await asyncio.gather(t, return_exceptions=True)
    print(repr(res[0]), t.cancelled())

    async def wait_for_in_timeout():
        async with asyncio.timeout(0.01):
            return await asyncio.wait_for(asyncio.sleep(10, 'slept'), 5)

    try:
        await wait_for_in_timeout()
    except TimeoutError:
        print('wait_for inside timeout: TimeoutError')


async def misuse():
    print('-- misuse')
    cm = asyncio.timeout_at(None)

    def drive():
        coro = cm.__aenter__()
        try:
            coro.send(None)
        except RuntimeError as e:
            print(type(e).__name__, e)
        except StopIteration:
            print('entered')
        done.set_result(None)

    done = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(drive)
    await done
    print(repr(cm))

    cm = asyncio.timeout(10)
    async with cm:
        pass
    try:
        async with cm:
            print('not reached')
    except RuntimeError as e:
        print('re-entered:', type(e).__name__, e, repr(cm))
    cm = asyncio.timeout(0)
    try:
        async with cm:
            try:
                async with cm:
                    print('not reached')
            except RuntimeError as e:
                print('nested in itself:', type(e).__name__, e)
            await asyncio.sleep(1)
    except TimeoutError:
        print('outer use still expires:', repr(cm))
    try:
        async with cm:
            print('not reached')
    except RuntimeError as e:
        print('re-entered after expiry:', type(e).__name__, e)
    try:
        async with asyncio.timeout(0) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print('state while handling the cancellation:', repr(cm))
                try:
                    cm.reschedule(None)
                except RuntimeError as e:
                    print(type(e).__name__, e)
                raise
    except TimeoutError:
        print(repr(cm))
    try:
        asyncio.Timeout()
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        asyncio.timeout('x')
    except TypeError as e:
        print(type(e).__name__)

    def outside_loop():
        try:
            asyncio.timeout(1)
        except RuntimeError as e:
            print(type(e).__name__, e)
        print('timeout_at needs no loop:', repr(asyncio.timeout_at(3)))

    await asyncio.get_running_loop().run_in_executor(None, outside_loop)


async def main():
    await expiry()
    await swallowed()
    await reprs_and_reschedule()
    await nesting()
    await outside_cancel()
    await misuse()


asyncio.run(main())
print(sorted(asyncio.timeouts.__all__))
