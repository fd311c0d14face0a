# asyncio's loop installs the hooks while it runs, tracks the async generators started in it
# and closes the suspended ones in shutdown_asyncgens() (asyncio.run calls it).
import asyncio
import gc
import sys

events = []


async def ticker(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        events.append(f'{name} finally')
        await asyncio.sleep(0)
        events.append(f'{name} closed')


kept = []


async def main():
    loop = asyncio.get_running_loop()
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter.__self__ is loop, hooks.finalizer.__self__ is loop)
    g = ticker('kept')
    kept.append(g)
    print(await g.__anext__(), await g.__anext__())
    async for i in ticker('finished'):
        pass
    events.append('main done')


def previous(agen):
    pass


sys.set_asyncgen_hooks(firstiter=previous)
asyncio.run(main())
print(events)
print(kept[0].ag_frame is None)
print(sys.get_asyncgen_hooks().firstiter is previous, sys.get_asyncgen_hooks().finalizer)
sys.set_asyncgen_hooks(None, None)


# Generators dropped while the loop runs are closed by tasks the finalizer hook schedules (a
# conservative collector may keep one alive a while: shutdown_asyncgens() closes it then).
async def drop_some():
    async def start():
        for _ in range(20):
            g = ticker('dropped')
            await g.__anext__()

    await start()
    gc.collect()
    for _ in range(5):
        await asyncio.sleep(0)
    events.append('after sleeps')

events.clear()
asyncio.run(drop_some())
before = events[:events.index('after sleeps')]
print(before.count('dropped closed') >= 15, events.count('dropped closed'))


# An error while closing goes to the loop's exception handler.
async def broken():
    try:
        yield 1
    finally:
        raise ValueError('cleanup failed')


def handler(loop, context):
    print('handler:', context['message'].split(' <')[0], repr(context['exception']),
          context['asyncgen'] is kept[-1])


async def main_broken():
    asyncio.get_running_loop().set_exception_handler(handler)
    g = broken()
    kept.append(g)
    await g.__anext__()

asyncio.run(main_broken())


# shutdown_asyncgens() on a loop run by hand.
async def start_kept():
    g = ticker('manual')
    kept.append(g)
    await g.__anext__()

events.clear()
loop = asyncio.new_event_loop()
loop.run_until_complete(start_kept())
print(events, sys.get_asyncgen_hooks())
loop.run_until_complete(loop.shutdown_asyncgens())
print(events)
loop.close()


# A generator started after shutdown_asyncgens() draws a ResourceWarning.
import warnings

loop = asyncio.new_event_loop()
loop.run_until_complete(loop.shutdown_asyncgens())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    loop.run_until_complete(start_kept())
for w in caught:
    print(w.category.__name__, str(w.message).split(' <')[0], str(w.message).split('>')[-1])
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
print(events)
