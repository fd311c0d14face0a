# Coroutines driven by hand: send/throw/close, __await__ objects, cr_running/cr_await,
# reuse errors, types.coroutine generators awaited through a Future-like class.
import types


class Future:
    """A minimal Future: yields itself until a result is set."""

    def __init__(self):
        self.done = False
        self.result = None

    def set_result(self, value):
        self.done = True
        self.result = value

    def __await__(self):
        while not self.done:
            yield self
        return self.result


@types.coroutine
def sleep0():
    got = yield 'sleep0'
    return got


async def worker(fut):
    print('worker start')
    x = await fut
    print('worker got', x)
    y = await sleep0()
    print('sleep0 gave', y)
    return x + 1


fut = Future()
c = worker(fut)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_running, c.cr_await)
print(c.send(None) is fut, type(c.cr_await).__name__, c.cr_frame is not None)
print(c.send(None) is fut)
fut.set_result(41)
print(c.send(None))
try:
    c.send('resumed')
except StopIteration as e:
    print('StopIteration', e.value)
print(c.cr_frame, c.cr_await, c.cr_running)


def run(coro):
    """Drives a coroutine that only awaits sleep0-style yields."""
    value = None
    while True:
        try:
            coro.send(value)
        except StopIteration as e:
            return e.value
        value = None


async def add(a, b):
    await sleep0()
    return a + b


async def chain():
    total = 0
    for i in range(3):
        total += await add(i, 10)
    return total


print(run(chain()))

# Reusing a finished coroutine.
c = add(1, 2)
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError', e)


async def await_twice(coro):
    await coro
    await coro


try:
    run(await_twice(add(1, 1)))
except RuntimeError as e:
    print('RuntimeError', e)


# throw() and close().
async def careful():
    try:
        await sleep0()
    except ValueError as e:
        print('careful caught', e)
        return 'handled'
    finally:
        print('careful finally')


c = careful()
c.send(None)
try:
    c.throw(ValueError('bad'))
except StopIteration as e:
    print('returned', e.value)
c = careful()
c.send(None)
c.close()
print('closed', c.cr_frame)


# cr_running while executing.
async def introspect():
    return me.cr_running


me = introspect()
print(run(me))


async def reenter():
    me2.send(None)


me2 = reenter()
try:
    me2.send(None)
except ValueError as e:
    print('ValueError', e)


# Awaiting things that are not awaitable.
class BadAwait:
    def __await__(self):
        return 42


async def await_value(v):
    return await v


for bad in (3, BadAwait()):
    try:
        run(await_value(bad))
    except TypeError as e:
        print('TypeError', e)


def plain_gen():
    yield


try:
    run(await_value(plain_gen()))
except TypeError as e:
    print('TypeError', e)

# A coroutine is not iterable, and __await__ gives a coroutine_wrapper.
c = add(2, 3)
try:
    iter(c)
except TypeError as e:
    print('TypeError', e)
w = c.__await__()
print(type(w).__name__, next(w))
try:
    next(w)
except StopIteration as e:
    print('wrapper StopIteration', e.value)

# await outside an async function.
for src in ('await x', 'def f():\n    await x', 'def f():\n    async with x: pass',
            'def f():\n    async for i in x: pass', '[await x for x in y]'):
    try:
        compile(src, '<test>', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)

# Tracebacks through awaits show every frame.


async def deep():
    await sleep0()
    raise LookupError('deep')


async def middle():
    return await deep()


try:
    run(middle())
except LookupError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

c = add(1, 2)
c.close()
c = add(1, 2)
print(repr(c).startswith('<coroutine object add at'))
c.close()
