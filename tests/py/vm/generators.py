def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"
g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(gen(4)), sum(x * x for x in range(5)))
def delegator():
    r = yield from gen(2)
    print("delegate returned", r)
    yield "end"
print(list(delegator()))
def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("cleanup")
c = catcher()
print(next(c), c.throw(ValueError("boom")))
c.close()
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
cl = closer()
next(cl)
cl.close()
print(cl.gi_frame, cl.gi_running)
def bad():
    raise StopIteration
    yield
try:
    next(bad())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
def selfref():
    next(g3)
    yield
g3 = selfref()
try:
    next(g3)
except ValueError as e:
    print(e)
try:
    gen(1).send(5)
except TypeError as e:
    print(e)
print(repr(gen(1)).split(" at ")[0], gen.__code__.co_flags & 0x20 != 0)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
def inner_throw():
    try:
        yield 1
    except KeyError:
        yield "inner handled"
def outer_throw():
    yield from inner_throw()
o = outer_throw()
next(o)
print(o.throw(KeyError))
async def coro(x):
    return x * 2
async def main():
    a = await coro(5)
    return a + 1
cm = main()
try:
    cm.send(None)
except StopIteration as e:
    print("coroutine result", e.value)
try:
    cm.send(None)
except RuntimeError as e:
    print(e)
class Awaitable:
    def __await__(self):
        v = yield "suspended"
        return v
async def uses_awaitable():
    return await Awaitable()
ua = uses_awaitable()
print(ua.send(None))
try:
    ua.send("resumed")
except StopIteration as e:
    print("awaitable result", e.value)
async def agen():
    for i in range(3):
        yield i
async def consume():
    out = [x async for x in agen()]
    async for y in agen():
        out.append(y * 10)
    return out
cc = consume()
try:
    cc.send(None)
except StopIteration as e:
    print("async results", e.value)
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "value"
    async def __aexit__(self, *a):
        print("aexit")
async def use_acm():
    async with ACM() as v:
        return v
try:
    use_acm().send(None)
except StopIteration as e:
    print("async with", e.value)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print(e)
