# asyncio.run and asyncio.Runner: results, errors, loop lifecycle, leftover tasks at shutdown,
# debug flag, loop_factory, shared context between runs.
import asyncio
import contextvars
from _util import r


async def answer(v=42):
    await asyncio.sleep(0)
    return v


def run_basics():
    print('-- asyncio.run')
    print(asyncio.run(answer()))
    print(asyncio.run(answer('x'), debug=False))

    async def boom():
        await asyncio.sleep(0)
        raise ValueError('bad')

    try:
        asyncio.run(boom())
    except ValueError as e:
        print(type(e).__name__, e)
    for bad in (1, None, answer):
        try:
            asyncio.run(bad)
        except ValueError as e:
            print(type(e).__name__, r(e))

    async def nested():
        coro = answer()
        try:
            asyncio.run(coro)
        except RuntimeError as e:
            print(type(e).__name__, e)
        coro.close()
        coro = answer()
        try:
            asyncio.Runner().run(coro)
        except RuntimeError as e:
            print(type(e).__name__, e)
        coro.close()
        return 'nested done'

    print(asyncio.run(nested()))

    async def loop_state():
        loop = asyncio.get_running_loop()
        return loop, loop.get_debug(), loop.is_running()

    loop, debug, running = asyncio.run(loop_state(), debug=True)
    print('debug:', debug, 'running:', running, 'closed after run:', loop.is_closed())
    loop, debug, running = asyncio.run(loop_state())
    print('debug:', debug, 'closed after run:', loop.is_closed())

    async def main_task():
        return asyncio.current_task() is not None
    print('main runs as a task:', asyncio.run(main_task()))


def shutdown():
    print('-- shutdown')
    log = []

    async def lingering(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append(name + ' cancelled')
            raise

    async def failing_on_cancel():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            raise KeyError('during cancel')

    reported = []

    async def main():
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda loop, ctx: reported.append(
            (ctx['message'], repr(ctx.get('exception')), 'task' in ctx)))
        asyncio.create_task(lingering('a'))
        asyncio.create_task(lingering('b'))
        asyncio.create_task(failing_on_cancel())
        await asyncio.sleep(0)
        return 'main done'

    print(asyncio.run(main()))
    print(sorted(log))
    print(reported)


def runner_basics():
    print('-- Runner')
    runner = asyncio.Runner()
    loop = runner.get_loop()
    print('same loop:', runner.get_loop() is loop, loop.is_closed())
    print(runner.run(answer(1)), runner.run(answer(2)))

    async def which_loop():
        return asyncio.get_running_loop()

    print('runs share the loop:', runner.run(which_loop()) is loop)
    runner.close()
    print('closed:', loop.is_closed())
    runner.close()
    coro = answer()
    for call in (lambda: runner.run(coro), runner.get_loop, runner.__enter__):
        try:
            call()
        except RuntimeError as e:
            print(type(e).__name__, e)
    coro.close()
    with asyncio.Runner() as runner:
        print(runner.run(answer('with')))
        inner = runner.get_loop()
    print('closed after with:', inner.is_closed())
    try:
        with asyncio.Runner() as runner:
            inner = runner.get_loop()
            raise IndexError('body')
    except IndexError as e:
        print('body error propagates:', repr(e), 'loop closed:', inner.is_closed())
    with asyncio.Runner() as runner:
        for bad in (5, answer):
            try:
                runner.run(bad)
            except ValueError as e:
                print(type(e).__name__, r(e))
    # close() before the runner was used is a no-op: the runner stays usable.
    runner = asyncio.Runner()
    runner.close()
    print('run after early close:', runner.run(answer('still works')))
    runner.close()
    try:
        asyncio.Runner(None)
    except TypeError:
        print('Runner arguments are keyword-only')


def runner_options():
    print('-- Runner options')
    made = []

    def factory():
        loop = asyncio.new_event_loop()
        made.append(loop)
        return loop

    with asyncio.Runner(loop_factory=factory, debug=True) as runner:
        print('factory used:', runner.get_loop() is made[0], runner.get_loop().get_debug())
        print(runner.run(answer('factory')))
    print('factory loop closed:', made[0].is_closed())
    with asyncio.Runner(debug=False) as runner:
        print('debug False:', runner.get_loop().get_debug())

    var = contextvars.ContextVar('var', default='unset')

    async def setter(v):
        old = var.get()
        var.set(v)
        return old

    with asyncio.Runner() as runner:
        print(runner.run(setter('one')), runner.run(setter('two')), runner.run(setter('three')))
        ctx = contextvars.Context()
        print(runner.run(setter('own'), context=ctx), ctx[var], runner.run(setter('four')))
    print('outside:', var.get())
    print(asyncio.run(setter('a')), asyncio.run(setter('b')))


def main():
    run_basics()
    shutdown()
    runner_basics()
    runner_options()
    print(sorted(asyncio.runners.__all__))


main()
