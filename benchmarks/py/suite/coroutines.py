# async def / await driven by hand with send(None): coroutine creation and suspension, no loop.
import sys


class Yield:
    def __await__(self):
        yield None


async def leaf(i):
    await Yield()
    return i & 15


async def middle(i):
    a = await leaf(i)
    b = await leaf(i + 1)
    return a + b


async def top(n):
    total = 0
    for i in range(n):
        total += await middle(i)
    return total


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


n = int(180_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(drive(top(n)))
