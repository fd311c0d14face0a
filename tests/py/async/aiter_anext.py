# The builtins aiter() and anext(): results, the default, and CPython's errors.
import asyncio
for f, a in [(anext, ()), (anext, (1, 2, 3)), (anext, (1,)), (aiter, ()), (aiter, (1,)), (aiter, (1, 2))]:
    try:
        f(*a)
    except TypeError as e:
        print(e)


class A:
    def __aiter__(self):
        return 5


try:
    aiter(A())
except TypeError as e:
    print(e)


async def agen():
    yield 1


async def main():
    g = agen()
    print(aiter(g) is g, await anext(g), await anext(g, 'dflt'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('stop')
    print(await anext(g, 7))

    class N:
        def __anext__(self):
            return 3
    try:
        await anext(N(), 1)
    except TypeError as e:
        print(e)
    print(anext(N()))
    print(type(aiter).__name__, aiter.__name__, anext.__name__)

asyncio.run(main())
