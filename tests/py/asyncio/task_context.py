# Tasks and callbacks run in contextvars contexts as in CPython: a task works in a copy of its
# creator's context (its changes stay inside), Task(context=...) / create_task(context=...)
# use the given one, call_soon/call_later/call_at/add_done_callback capture the current
# context or take context=, to_thread sees the caller's variables, and a Runner's runs share
# one context.
import asyncio
import contextvars

var = contextvars.ContextVar('var', default='default')


def show(label):
    print(label, var.get())


async def child(value):
    show('child sees')
    var.set(value)
    await asyncio.sleep(0)
    show('child after sleep')
    return value


async def main():
    loop = asyncio.get_running_loop()
    var.set('main')
    t = asyncio.create_task(child('child'))
    await t
    show('main after child')

    ctx = contextvars.copy_context()
    ctx.run(var.set, 'in ctx')
    await loop.create_task(child('child2'), context=ctx)
    print('ctx changed by task', ctx[var])
    show('main still')

    done = loop.create_future()
    var.set('before call_soon')
    loop.call_soon(show, 'call_soon captured')
    loop.call_soon(show, 'call_soon with ctx', context=ctx)
    var.set('after call_soon')
    loop.call_later(0.001, show, 'call_later captured')
    loop.call_at(loop.time() + 0.002, show, 'call_at with ctx', context=ctx)
    loop.call_soon(done.set_result, None)
    await done
    await asyncio.sleep(0.01)

    fut = loop.create_future()
    var.set('at add_done_callback')
    fut.add_done_callback(lambda f: show('done callback'))
    fut.add_done_callback(lambda f: show('done callback with ctx'), context=ctx)
    var.set('at set_result')
    fut.set_result(1)
    await asyncio.sleep(0)

    print(await asyncio.to_thread(var.get))
    results = await asyncio.gather(child('g1'), child('g2'))
    print(results)
    show('main at end')
    var.set('left by main')


with asyncio.Runner() as runner:
    runner.run(main())
    runner.run(child('second run'))
show('outside')
