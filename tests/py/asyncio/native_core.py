# The native loop core, Future, Task and handles: reprs, callback order, timers, errors,
# thread-safe wake-ups, bad yields, unretrieved exceptions, the debug slow-callback warning.
import asyncio
import gc
import logging
import re
import threading
import time

_print = print


def print(*args):
    _print(*[re.sub(r'\S*native_core\.py', 'native_core.py', a) if isinstance(a, str) else a
             for a in args])


def show(*args):
    print(*args)


async def futures_part():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f._state, f._asyncio_future_blocking, f.get_loop() is loop)
    f.add_done_callback(show)
    print(repr(f))
    f.add_done_callback(len)
    f.add_done_callback(show)
    print(repr(f))
    print('removed', f.remove_done_callback(show), repr(f))
    f.set_result({'a': 1})
    print(repr(f), f.result(), f.done(), f.cancelled())
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    it = f.__await__()
    try:
        next(it)
    except StopIteration as e:
        print('StopIteration value:', e.value)
    g = loop.create_future()
    it = iter(g)
    print(next(it) is g, g._asyncio_future_blocking)
    try:
        next(it)
    except RuntimeError as e:
        print('RuntimeError:', e)
    try:
        it.throw(ValueError('thrown'))
    except ValueError as e:
        print('throw:', e)
    g.cancel(msg='stop')
    print(repr(g), g.cancelled())
    try:
        await g
    except asyncio.CancelledError as e:
        print('CancelledError', e.args)
    try:
        g._log_traceback = True
    except ValueError as e:
        print('ValueError:', e)

    class MyFuture(asyncio.Future):
        def __init__(self, *, loop):
            super().__init__(loop=loop)
            self.extra = 'x'
    m = MyFuture(loop=loop)
    loop.call_later(0.001, m.set_result, 7)
    print(repr(m), m.extra, await m, isinstance(m, asyncio.Future))


async def child(n):
    await asyncio.sleep(0)
    return n


async def waiter(fut):
    return await fut


async def tasks_part():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(child(1), name='first')
    print(repr(t))
    print(await t, repr(t))
    fut = loop.create_future()
    w = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print(repr(w))
    print(repr(fut))
    w.set_name(42)
    print(w.get_name(), w.cancelling())
    print(w.cancel('bye'), w.cancelling(), w.uncancel(), w.cancelling())
    try:
        await w
    except asyncio.CancelledError as e:
        print('cancelled with', e.args, w.cancelled())
    for bad_value in (42, 'text'):
        async def bad():
            class Bad:
                def __await__(self):
                    yield bad_value
            await Bad()
        try:
            await asyncio.create_task(bad())
        except RuntimeError as e:
            print('RuntimeError:', e)

    async def self_wait():
        await me
    me = asyncio.create_task(self_wait())
    try:
        await me
    except RuntimeError as e:
        print('RuntimeError:', re.sub(r"at \S+:\d+", 'at FILE:N', str(e)))
    try:
        asyncio.Task(42)
    except TypeError as e:
        print('TypeError:', e)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print('RuntimeError:', e)
    print(asyncio.current_task() is asyncio.current_task(loop), asyncio.current_task().get_name())
    print(len(asyncio.all_tasks()))


def loop_part():
    loop = asyncio.new_event_loop()
    order = []
    loop.call_soon(order.append, 'soon1')
    h = loop.call_soon(order.append, 'cancelled')
    loop.call_soon(order.append, 'soon2')
    h.cancel()
    print(repr(h), h.cancelled())
    now = loop.time()
    for name in 'abc':
        loop.call_at(now + 0.01, order.append, name)
    t1 = loop.call_at(now + 0.005, order.append, 'early')
    t2 = loop.call_at(now + 0.005, order.append, 'dropped')
    t2.cancel()
    print(t1 < loop.call_at(now + 1, print), t1 == t1, t1.when() == now + 0.005, t2.cancelled())
    loop.call_later(0.02, loop.stop)
    loop.run_forever()
    print(order)

    def fails():
        raise KeyError('in callback')
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((ctx['message'], repr(ctx['exception']))))
    loop.call_soon(fails)
    loop.call_soon(loop.stop)
    loop.run_forever()
    print(re.sub(r' at \S+:\d+', ' at FILE:N', str(seen)))

    # A thread wakes the loop out of a long wait.
    done = []
    loop.call_later(30, done.append, 'timeout')

    def other():
        time.sleep(0.05)
        loop.call_soon_threadsafe(done.append, 'woken')
        loop.call_soon_threadsafe(loop.stop)
    th = threading.Thread(target=other)
    th.start()
    loop.run_forever()
    th.join()
    print(done)
    try:
        loop.call_soon(print, 'x', context=None, other=1)
    except TypeError as e:
        print('TypeError:', e)
    loop.close()
    try:
        loop.call_soon(print)
    except RuntimeError as e:
        print('RuntimeError:', e)


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def debug_part():
    recorder = Recorder()
    logger = logging.getLogger('asyncio')
    logger.addHandler(recorder)
    logger.propagate = False
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = 0.05

    def slow():
        time.sleep(0.1)

    async def slow_task():
        time.sleep(0.1)
    loop.call_soon(slow)
    loop.run_until_complete(slow_task())
    loop.close()
    logger.removeHandler(recorder)
    for message in recorder.messages:
        message = re.sub(r'took \d+\.\d+ seconds', 'took N seconds', message)
        message = re.sub(r' created at \S+:\d+', '', message)
        print(message)


seen = []


def record(loop, context):
    seen.append((context['message'], repr(context.get('exception'))))


async def failing():
    raise ValueError('never retrieved')


def make_garbage(loop):
    f = loop.create_future()
    f.set_exception(KeyError('lost'))
    loop.create_task(failing())
    never = loop.create_future()

    async def wait_forever():
        await never
    # Only the future it waits on refers to this task: both become garbage together.
    loop.create_task(wait_forever())


def unretrieved_part():
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(record)
    # Several rounds, reports deduplicated: the conservative collector may keep any single
    # object alive through a stale stack word.
    for _ in range(10):
        make_garbage(loop)
    loop.run_until_complete(asyncio.sleep(0.01))
    for _ in range(5):
        [object() for _ in range(1000)]
        gc.collect()
    for item in sorted(set(seen)):
        print(item)
    loop.close()


asyncio.run(futures_part())
asyncio.run(tasks_part())
loop_part()
debug_part()
unretrieved_part()
