# inspect: predicates over generators/coroutines, signatures, docstrings, frames.
import inspect
import functools
import types


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


@types.coroutine
def legacy():
    yield


class Awaitable:
    def __await__(self):
        yield


class C:
    """Class doc.

        Indented more.
    """

    def method(self, x, y=2):
        pass

    async def amethod(self):
        pass


for f in (gen, coro, agen, legacy, C.method, C().amethod, len, C, inspect):
    print(getattr(f, '__name__', f), inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f),
          inspect.isasyncgenfunction(f), inspect.isfunction(f), inspect.ismethod(f),
          inspect.isbuiltin(f), inspect.isclass(f), inspect.ismodule(f), inspect.isroutine(f))

g, c, a, l = gen(), coro(), agen(), legacy()
for o in (g, c, a, l, Awaitable(), 42):
    print(type(o).__name__, inspect.isgenerator(o), inspect.iscoroutine(o), inspect.isasyncgen(o),
          inspect.isawaitable(o))
c.close()
print(inspect.iscoroutinefunction(functools.partial(coro)))
print(inspect.CO_GENERATOR, inspect.CO_COROUTINE, inspect.CO_ASYNC_GENERATOR, inspect.CO_ITERABLE_COROUTINE)
print(bool(gen.__code__.co_flags & inspect.CO_GENERATOR), bool(coro.__code__.co_flags & inspect.CO_COROUTINE))


def f1(a, b=1, *args, c, d=2, **kw):
    pass


def f2(a, /, b, *, c=None):
    pass


def f3(x: int, y: str = 'a', *, z: list = None) -> bool:
    pass


def f4(p, /):
    pass


for f in (f1, f2, f3, f4, C.method, C().method, lambda: 0, C):
    sig = inspect.signature(f)
    print(sig, repr(sig))
    for p in sig.parameters.values():
        print('  ', p.name, p.kind, p.default is inspect.Parameter.empty, repr(p))

sig = inspect.signature(f1)
ba = sig.bind(1, 2, 3, c=4, e=5)
print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind()
except TypeError as e:
    print('TypeError', e)
print(inspect.signature(functools.partial(f1, 1, c=3)))
try:
    inspect.signature(3)
except TypeError as e:
    print('TypeError', e)
print(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=3))
try:
    inspect.Parameter('1x', inspect.Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print('ValueError', e)
print(inspect.Signature([inspect.Parameter('a', inspect.Parameter.POSITIONAL_ONLY)], return_annotation=int))


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@deco
def wrapped(q, r=5):
    """   Wrapped doc.
    second line
    """


print(inspect.unwrap(wrapped) is wrapped.__wrapped__, inspect.signature(wrapped))
print(repr(inspect.getdoc(wrapped)), repr(inspect.getdoc(C)))
print(repr(inspect.cleandoc('  a\n    b\n      c\n\n')))
print([name for name, _ in inspect.getmembers(C, inspect.isfunction)])
print([name for name, v in inspect.getmembers(C()) if not name.startswith('__')])


def where():
    frame = inspect.currentframe()
    return frame.f_code.co_name, frame.f_back.f_code.co_name


def outer():
    return where()


print(outer())
print([fi.function for fi in inspect.stack()[:1]], inspect.stack()[0].lineno > 0)
