# async with / async for / async generators (asend/athrow/aclose) / async comprehensions,
# driven by a tiny hand-written loop (no asyncio).
import types


@types.coroutine
def suspend(tag):
    return (yield tag)


def run(coro):
    trace = []
    value = None
    while True:
        try:
            trace.append(coro.send(value))
        except StopIteration as e:
            if trace:
                print('  suspended at', trace)
            return e.value


class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        await suspend('enter ' + self.name)
        print('enter', self.name)
        return self

    async def __aexit__(self, typ, exc, tb):
        await suspend('exit ' + self.name)
        print('exit', self.name, typ.__name__ if typ else None)
        return self.swallow


async def use_resources():
    async with Resource('a') as a, Resource('b') as b:
        print('body', a.name, b.name)
    async with Resource('c', swallow=True):
        raise KeyError('swallowed')
    try:
        async with Resource('d'):
            raise KeyError('escapes')
    except KeyError as e:
        print('caught', e)
    return 'resources done'


print(run(use_resources()))


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await suspend('tick')
        return self.i


async def agen(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print('agen got', got)
            await suspend('agen')
    finally:
        print('agen finally')


async def consume():
    async for t in Ticker(3):
        print('tick', t)
    else:
        print('ticker exhausted')
    g = agen(3)
    async for v in g:
        if v == 1:
            break
    print('broke at', v)
    await g.aclose()
    squares = [x * x async for x in agen(4)]
    evens = {x async for x in agen(5) if x % 2 == 0}
    mapping = {x: str(x) async for x in Ticker(2)}
    gen_exp = (x async for x in agen(2))
    print(squares, evens, mapping, type(gen_exp).__name__, [y async for y in gen_exp])
    awaited = [await suspend(i) for i in range(2)]
    print('awaited', awaited)
    return 'consumed'


print(run(consume()))


async def drive_agen():
    g = agen(3)
    print(type(g).__name__, g.__name__, g.ag_running, g.ag_code.co_name)
    print('asend None ->', await g.asend(None))
    print('asend x ->', await g.asend('x'))
    print('anext ->', await g.__anext__())
    try:
        await g.asend(None)
    except StopAsyncIteration as e:
        print('StopAsyncIteration', e.args)

    g = agen(5)
    await g.__anext__()
    try:
        await g.athrow(ValueError('thrown'))
    except ValueError as e:
        print('athrow propagated', e)
    print('after athrow', g.ag_frame)

    async def catcher():
        while True:
            try:
                yield 'ready'
            except KeyError:
                yield 'recovered'
            except GeneratorExit:
                print('catcher GeneratorExit')
                raise

    c = catcher()
    print(await c.asend(None), await c.athrow(KeyError), await c.asend(None))
    print('aclose ->', await c.aclose())
    try:
        await c.asend(None)
    except StopAsyncIteration:
        print('closed generator is exhausted')

    async def ignores_exit():
        try:
            yield 1
        except GeneratorExit:
            yield 2

    i = ignores_exit()
    await i.asend(None)
    try:
        await i.aclose()
    except RuntimeError as e:
        print('RuntimeError', e)

    async def bad_return():
        yield 1
        raise StopAsyncIteration('leak')

    b = bad_return()
    await b.__anext__()
    try:
        await b.__anext__()
    except RuntimeError as e:
        print('RuntimeError', e)
    return 'driven'


print(run(drive_agen()))

# An awaitable from asend cannot be reused; async generators are not plain iterables.
g = agen(2)
aw = g.asend(None)
try:
    aw.send(None)
except StopIteration as e:
    print('first step', e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    iter(agen(1))
except TypeError as e:
    print('TypeError', e)


async def bad_async_for():
    async for x in [1, 2]:
        pass


try:
    run(bad_async_for())
except TypeError as e:
    print('TypeError', e)


async def bad_async_with():
    async with Ticker(1):
        pass


try:
    run(bad_async_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
print(repr(agen(1)).startswith('<async_generator object agen at'))
