# asyncio.TaskGroup: results, failing children and bodies, ExceptionGroup contents, cancellation
# from outside, base exceptions, misuse errors, reprs, nesting.
import asyncio
import contextvars
from _util import spin


async def value(v, turns=1):
    await spin(turns)
    return v


async def fail(exc, turns=1):
    await spin(turns)
    raise exc


def show_group(eg):
    print(type(eg).__name__, str(eg), [repr(e) for e in eg.exceptions],
          eg.__cause__, eg.__suppress_context__)


async def success():
    print('-- success')
    async with asyncio.TaskGroup() as tg:
        print(repr(tg))
        t1 = tg.create_task(value(1, 3))
        t2 = tg.create_task(value(2), name='second')
        print(repr(tg), t2.get_name())
        # A named child still uses up a default 'Task-N' number.
        before = asyncio.create_task(value(0))
        tg.create_task(value(0), name='named')
        after = asyncio.create_task(value(0))
        print('Task-N step:', int(after.get_name()[5:]) - int(before.get_name()[5:]))
        await asyncio.gather(before, after)
    print(repr(tg), t1.result(), t2.result())
    async with asyncio.TaskGroup() as tg:
        pass
    print('empty group:', repr(tg))
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(value('late', 2))
        await spin(10)
        print('child already done inside body:', t.done(), repr(tg))


async def child_failure():
    print('-- child failure')
    log = []

    async def sibling(name):
        try:
            await spin(20)
            log.append(name + ' finished')
        except asyncio.CancelledError:
            log.append(name + ' cancelled')
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            s1 = tg.create_task(sibling('s1'))
            tg.create_task(fail(ValueError('bad value'), 2))
            s2 = tg.create_task(sibling('s2'))
            try:
                await spin(30)
                log.append('body finished')
            except asyncio.CancelledError:
                log.append('body cancelled')
                print('inside body after failure:', repr(tg))
                raise
    except ExceptionGroup as eg:
        show_group(eg)
    print(log, s1.cancelled(), s2.cancelled())
    print('parent cancelling() after the group:', asyncio.current_task().cancelling())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(KeyError('k'), 1))
            tg.create_task(fail(TypeError('t'), 1))
            tg.create_task(fail(ZeroDivisionError('z'), 3))
    except BaseException as eg:
        show_group(eg)
        print(isinstance(eg, ExceptionGroup))

    # A child that catches its cancellation and fails anyway adds its error too.
    async def stubborn():
        try:
            await spin(20)
        except asyncio.CancelledError:
            raise OSError('cleanup failed')

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(stubborn())
            tg.create_task(fail(RuntimeError('first'), 2))
    except ExceptionGroup as eg:
        show_group(eg)


async def body_failure():
    print('-- body failure')
    log = []

    async def child(name):
        try:
            await spin(20)
        except asyncio.CancelledError:
            log.append(name + ' cancelled')
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('c1'))
            tg.create_task(child('c2'))
            await spin(1)
            raise LookupError('from body')
    except ExceptionGroup as eg:
        show_group(eg)
    print(log)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError('child'), 1))
            await spin(1)
            raise LookupError('from body')
    except ExceptionGroup as eg:
        show_group(eg)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError('child'), 1))
            try:
                await spin(10)
            except asyncio.CancelledError:
                raise NameError('body saw the cancellation')
    except ExceptionGroup as eg:
        show_group(eg)

    try:
        async with asyncio.TaskGroup():
            raise ExceptionGroup('inner', [ValueError(1)])
    except ExceptionGroup as eg:
        print(str(eg), [f'{type(e).__name__}: {e}' for e in eg.exceptions])


async def base_exceptions():
    print('-- base exceptions')
    # (A child task raising them would stop the event loop itself, so only the body is tried.)
    for exc in (KeyboardInterrupt('ki'), SystemExit(3)):
        try:
            async with asyncio.TaskGroup() as tg:
                child = tg.create_task(value(1, 5))
                tg.create_task(fail(ValueError('plain'), 1))
                raise exc
        except BaseException as e:
            print('body:', type(e).__name__, repr(e), e is exc, child.cancelled())


async def outside_cancel():
    print('-- cancelled from outside')
    log = []

    async def child(name):
        try:
            await spin(50)
        except asyncio.CancelledError:
            log.append(name + ' cancelled')
            raise

    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('c1'))
            tg.create_task(child('c2'))
            await spin(50)

    t = asyncio.create_task(parent())
    await spin(3)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('parent cancelled:', t.cancelled(), log)

    # Cancelled while __aexit__ waits for the children.
    log.clear()

    async def parent_waiting():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('c1'))
        log.append('not reached')

    t = asyncio.create_task(parent_waiting())
    await spin(3)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print('cancelled in __aexit__:', t.cancelled(), log)

    # Cancelled from outside before or after a child failed.
    async def parent_failing():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError('v'), 1))
            await spin(50)

    for turns in (1, 4):
        t = asyncio.create_task(parent_failing())
        await spin(turns)
        t.cancel()
        res = await asyncio.gather(t, return_exceptions=True)
        print('outside cancel after', turns, 'turns:', repr(res[0]), t.cancelled())

    # Children cancelled only by the group do not count as errors.
    async def self_cancel():
        asyncio.current_task().cancel()
        await asyncio.sleep(0)

    async with asyncio.TaskGroup() as tg:
        c = tg.create_task(self_cancel())
        ok = tg.create_task(value('ok'))
    print('child cancelled itself:', c.cancelled(), ok.result())


async def misuse():
    print('-- misuse')
    tg = asyncio.TaskGroup()
    print(repr(tg))
    coro = value(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print(type(e).__name__, e)
    coro.close()
    async with tg:
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print(type(e).__name__, e)
    coro = value(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print(type(e).__name__, e)
    coro.close()

    async def spawn_late(tg):
        try:
            await spin(10)
        except asyncio.CancelledError:
            coro = value('late')
            try:
                tg.create_task(coro)
            except RuntimeError as e:
                print(type(e).__name__, e)
                coro.close()
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError('v'), 1))
            tg.create_task(spawn_late(tg))
    except ExceptionGroup as eg:
        show_group(eg)

    # While __aexit__ waits for children, new tasks can still be added.
    added = []

    async def spawner(tg):
        await spin(2)
        added.append(tg.create_task(value('added in __aexit__')))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg))
    print(added[0].result())


async def nesting_and_context():
    print('-- nesting and context')
    var = contextvars.ContextVar('var', default='default')
    var.set('outer')

    async def read():
        await spin(1)
        return var.get()

    ctx = contextvars.copy_context()
    ctx.run(var.set, 'in ctx')
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(read())
        b = tg.create_task(read(), context=ctx)
    print(a.result(), b.result())

    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(value(1))

            async def inner_group():
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(fail(ValueError('deep'), 2))
                    inner.create_task(value(2, 10))

            outer.create_task(inner_group())
            outer.create_task(value(3, 40))
    except ExceptionGroup as eg:
        print(str(eg), [str(e) for e in eg.exceptions], [repr(e) for e in eg.exceptions[0].exceptions])


async def main():
    # A child failing while the parent already waits in __aexit__ leaves the parent's
    # cancelling() count raised in 3.11: printed after each part.
    for part in (success, child_failure, body_failure, base_exceptions, outside_cancel, misuse,
                 nesting_and_context):
        await part()
        print('cancelling():', asyncio.current_task().cancelling())


asyncio.run(main())
print(sorted(asyncio.taskgroups.__all__))
