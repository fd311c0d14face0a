# Exercises functools: reduce, partial, wraps, lru_cache, cache,
# total_ordering, cmp_to_key, cached_property, singledispatch.
import functools
from functools import *


from _show import show


print('--- reduce')
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10),
      reduce(max, [], 'init'), reduce(lambda a, b: a + b, iter('abc')))
show('empty', lambda: reduce(max, []))
show('not iterable', lambda: reduce(max, 5))

print('--- partial')


def power(base, exp, *, mod=None):
    return base ** exp if mod is None else pow(base, exp, mod)


square = partial(power, exp=2)
p2 = partial(power, 2)
print(square(5), p2(10), p2(10, mod=1000), square.func is power, square.args, square.keywords)
pp = partial(p2, 3)
print(pp(), pp.func is power, pp.args, repr(partial(max, 1, key=abs)))
print(repr(partial(sorted, reverse=True)), partial(max)(1, 3))
show('not callable', lambda: partial(5))


class MyPartial(partial):
    pass


print(repr(MyPartial(max, 1)), MyPartial(MyPartial(max, 1), 2).args)
p3 = partial(dict, a=1)
print(p3(a=2, b=3), p3())

print('--- wraps')


def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k)
    return wrapper


@deco
def target(x: int) -> int:
    """target doc"""
    return x


target.extra = 1
print(target.__name__, target.__doc__, target.__qualname__, target.__annotations__,
      target.__wrapped__.__name__, target(4), target.__module__)


def plain():
    pass


plain.attr = 'copied'


def w():
    pass


update_wrapper(w, plain, assigned=('__name__',), updated=())
print(w.__name__, hasattr(w, 'attr'), w.__wrapped__ is plain)
update_wrapper(w, plain)
print(w.attr, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)

print('--- lru_cache')
calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


print(sq(2), sq(3), sq(2), sq(4), sq(3), calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__(5))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info(), fib.cache_parameters())


@lru_cache(maxsize=None)
def ident(*args, **kw):
    calls.append((args, kw))
    return args


calls.clear()
ident(1)
ident(1.0)
ident(1, a=2)
ident(1, a=2)
print(len(calls), ident.cache_info())


@lru_cache(typed=True)
def typed_f(x):
    calls.append(x)
    return x


calls.clear()
typed_f(1)
typed_f(1.0)
typed_f(1)
print(calls, typed_f.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
print(nocache.cache_info(), lru_cache(maxsize=-5)(len).cache_info())
show('bad maxsize', lambda: lru_cache('x'))
show('unhashable', lambda: ident([1]))
info = fib.cache_info()
print(info.hits, info.maxsize, info._fields, type(info).__name__, isinstance(info, tuple))


@cache
def cached(x):
    calls.append(x)
    return x


calls.clear()
cached(1), cached(1), cached(2)
print(calls, cached.cache_info())


class Calc:
    @lru_cache(maxsize=None)
    def double(self, x):
        return 2 * x


print(Calc().double(4), Calc.double.cache_info().misses)

print('--- total_ordering')


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.v == other.v

    def __lt__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.v < other.v


a, b = V(1), V(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= V(1), a >= V(1), V.__gt__.__name__)
show('cmp other', lambda: a <= 5)
for root in ['__le__', '__gt__', '__ge__']:
    ns = {'__init__': lambda self, v: setattr(self, 'v', v),
          '__eq__': lambda self, o: self.v == o.v,
          root: (lambda r: lambda self, o: getattr(self.v, r)(o.v))(root)}
    K = total_ordering(type('K' + root, (), ns))
    x, y = K(1), K(2)
    print(root, x < y, x <= y, x > y, x >= y, y < x, y <= x, y > x, y >= x, x <= K(1), x >= K(1))
show('no ordering', lambda: total_ordering(type('X', (), {})))

print('--- cmp_to_key')


def cmp(a, b):
    return (a > b) - (a < b)


print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
k = cmp_to_key(cmp)
print(k(1) < k(2), k(1) == k(1), k(2) >= k(3), k(1).obj)
print(type(k(1)).__name__, type(k(1)).__hash__)

print('--- cached_property')


class Data:
    def __init__(self):
        self.count = 0

    @cached_property
    def value(self):
        """The value."""
        self.count += 1
        return 42


d = Data()
print(d.value, d.value, d.count, 'value' in d.__dict__, Data.value.__doc__,
      type(Data.value).__name__, Data.value.attrname)
del d.value
print(d.value, d.count)
d.value = 7
print(d.value)

print('--- singledispatch')


@singledispatch
def fun(arg, verbose=False):
    return 'default %r' % (arg,)


@fun.register
def _(arg: int, verbose=False):
    return 'int %r' % arg


@fun.register(list)
def _(arg, verbose=False):
    return 'list of %d' % len(arg)


def nothing(arg):
    return 'none'


fun.register(type(None), nothing)

from collections.abc import Mapping


@fun.register(Mapping)
def _(arg):
    return 'mapping'


print(fun(1), fun(True), fun([1, 2]), fun(None), fun('s'), fun({}), fun(1.5))
print(fun.dispatch(bool).__name__, fun.dispatch(float) is fun.__wrapped__,
      sorted(k.__name__ for k in fun.registry), fun.__name__)
show('no args', lambda: fun())
class NotAnnotated:
    def __call__(self, x):
        return x

    def __repr__(self):
        return '<NotAnnotated>'


show('bad register', lambda: fun.register(NotAnnotated()))
show('bad register2', lambda: fun.register(5, nothing))


class MyList(list):
    pass


print(fun(MyList([1])))


class Disp:
    @singledispatchmethod
    def m(self, arg):
        return 'obj'

    @m.register
    def _(self, arg: int):
        return 'int'

    @m.register(str)
    def _(self, arg):
        return 'str'


@fun.register
def _(arg: float | complex):
    return 'float or complex'


@fun.register(bytes | bytearray)
def _(arg):
    return 'binary'


print(fun(1.5), fun(2j), fun(b''), fun(bytearray()))
print(Disp().m(1), Disp().m('a'), Disp().m(1.0))

print('--- partialmethod')


class Cell:
    def __init__(self):
        self._alive = False

    def set_state(self, state, *, note=''):
        self._alive = state
        return note

    set_alive = partialmethod(set_state, True, note='alive')
    set_dead = partialmethod(set_state, False)

    @classmethod
    def make(cls, value, extra):
        return (cls.__name__, value, extra)

    make_one = partialmethod(make, 1)


c = Cell()
print(c.set_alive(), c._alive, c.set_dead(note='x'), c._alive, Cell.make_one('e'), c.make_one(extra='k'))
print(repr(Cell.__dict__['set_dead']).startswith('functools.partialmethod(<function Cell.set_state at '),
      Cell.__dict__['set_alive'].args, Cell.__dict__['set_alive'].keywords)
show('partialmethod bad', lambda: partialmethod(5))
