import functools, pickle, copy, abc, re
from functools import (partial, partialmethod, reduce, lru_cache, cache, wraps, update_wrapper,
                       total_ordering, cmp_to_key, cached_property, singledispatch,
                       singledispatchmethod)

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', re.sub(' at 0x[0-9a-fA-F]+', '', repr(r)))
    except Exception as e:
        print(type(e).__name__, re.sub(' at 0x[0-9a-fA-F]+', '', str(e)))

print(sorted(functools.__all__))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a * b, [], 7),
      reduce(lambda a, b: a + b, iter('abc'), '>'), reduce(max, [5]))
err(reduce, lambda a, b: a, [])
err(reduce, lambda a, b: a, 5)
err(reduce, lambda a, b: a)
err(reduce, None, [1, 2])
print(reduce(lambda a, b: a + b, [1, 2], initial=10) if False else 'kw-skip')

# partial
def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
p = partial(f, 1, c=5)
print(p(), p(9, 8, x=1), p(c=0))
print(p.func is f, p.args, p.keywords)
print(repr(partial(len)), repr(partial(len, 'abc')), repr(partial(len, x=1, y='z')))
class P(partial): pass
print(repr(P(len, [1])).replace(__name__, 'M'))
pp = partial(p, 7, d=1)
print(pp.func is f, pp.args, pp.keywords, pp())
err(partial)
err(partial, 5)
err(partial, func=len)
print(partial(f, a=1)(b=4))
q = pickle.loads(pickle.dumps(partial(max, 3, key=abs)))
print(q(-5), q.args, q.keywords, repr(q))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(partial(divmod, 17), proto))(5))
c = copy.copy(partial(f, 1, z=2)); print(c(), c.args)
d = copy.deepcopy(partial(f, [1], z=[2])); print(d(), d.args)
r = partial(len).__reduce__()
print(r[0] is partial, r[1][0] is len, r[2][1:])
s = partial(len)
s.__setstate__((max, (1,), {'key': abs}, {'attr': 5}))
print(s(-9), s.attr, s.args, s.keywords)
for bad in [(1, 2), (max, [1], {}, None), (5, (), {}, None), (max, (), [], None)]:
    err(partial(len).__setstate__, bad)
s.__setstate__((max, (1,), None, None)); print(s.keywords, s.__dict__)
p.extra = 1; print(p.extra, p.__dict__)
err(setattr, p, 'func', len)
print(partial(f, 1) == partial(f, 1), hash(partial(f)) is not None)
rec = partial(print)
rec.__setstate__((print, (rec,), {}, None))
print(repr(rec).count('...'))
print(type(partial.__class_getitem__(int)).__name__ if hasattr(partial, '__class_getitem__') else None)

# partialmethod
class C:
    def m(self, *a, **k):
        return (type(self).__name__, a, k)
    pm = partialmethod(m, 1, k=2)
    ps = partialmethod(staticmethod(lambda *a: a), 'x')
    pc = partialmethod(classmethod(lambda cls, *a: (cls.__name__, a)), 'y')
print(C().pm(3), C().ps(4), C.pc(5), C().pc(6))
print(repr(C.__dict__['pm']).replace(hex(id(C.m)), 'X').split(' at ')[0])
err(partialmethod, 5)
pm2 = partialmethod(C.pm, 9)
class C2(C):
    q = partialmethod(C.m, 'z')
print(C2().q(), C2.q(C2(), 1))
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    g = partialmethod(f, 1)
print(A.__dict__['g'].__isabstractmethod__, C.__dict__['pm'].__isabstractmethod__)

# wraps / update_wrapper
def orig(x):
    "doc"
    return x
orig.attr = 1
orig.__annotations__ = {'x': int}
@wraps(orig)
def w(*a): return orig(*a)
print(w.__name__, w.__doc__, w.__wrapped__ is orig, w.attr, w.__annotations__, w.__qualname__, w.__module__)
class NoName: pass
obj = NoName()
def w2(): pass
update_wrapper(w2, obj)
print(w2.__name__, w2.__wrapped__ is obj)
def w3(): pass
print(update_wrapper(w3, orig, assigned=('__doc__',), updated=()) is w3, w3.__name__, w3.__doc__, hasattr(w3, 'attr'))
print(wraps(orig).__class__.__name__)

# total_ordering
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, V): return NotImplemented
        return self.v < o.v
print(V(1) < V(2), V(1) <= V(1), V(2) > V(1), V(1) >= V(2), V(3) >= V(3))
err(lambda: V(1) <= 5)
for root in ('__le__', '__gt__', '__ge__'):
    class W:
        def __init__(self, v): self.v = v
        def __eq__(self, o): return self.v == o.v
    setattr(W, root, lambda s, o, r=root: getattr(s.v, r)(o.v))
    W = total_ordering(W)
    print(root, [op(W(a), W(b)) for a, b in [(1, 2), (2, 2), (3, 2)] for op in
                 (lambda x, y: x < y, lambda x, y: x <= y, lambda x, y: x > y, lambda x, y: x >= y)])
err(total_ordering, type('E', (), {}))
print(V.__le__.__name__, V.__gt__.__qualname__.split('.')[-1])

# cmp_to_key
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=K), K(1) < K(2), K(1) == K(1), K(2) >= K(1), K(1) != K(2))
err(lambda: K(1) < 5)
try:
    hash(K(1))
except TypeError:
    print('unhashable key')
print(K(5).obj if hasattr(K(5), 'obj') else None)
err(cmp_to_key(lambda a, b: 0))
err(K, 1, 2)

# lru_cache / cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 2, 1)], calls, sq.cache_info())
print(sq.cache_parameters(), sq.__wrapped__.__name__, sq.__name__)
sq.cache_clear(); print(sq.cache_info())
print(type(sq.cache_info()).__name__, sq.cache_info()._fields, repr(sq.cache_info()))
@lru_cache
def ident(x): return x
print(ident(1), ident.cache_info(), ident.cache_parameters())
@lru_cache(maxsize=None, typed=True)
def typed(x): return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info())
@lru_cache(maxsize=0)
def zero(x): return x
print(zero(1), zero(1), zero.cache_info())
@lru_cache(maxsize=-5)
def neg(x): return x
print(neg(1), neg.cache_info())
err(lru_cache, 'x')
err(lru_cache(3), 5)
@lru_cache(None)
def kw(a, b=1, **k): return (a, b, k)
print(kw(1), kw(1, b=1), kw(1, 1), kw(a=1), kw(1, x=2, y=3), kw(1, y=3, x=2), kw.cache_info())
err(kw, [1])
@cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info(), fib.cache_parameters())
class M:
    @lru_cache
    def meth(self, x): return x + 1
    def __hash__(self): return 1
    def __eq__(self, o): return True
print(M().meth(1), M.meth.cache_info().misses)
print(copy.copy(sq) is sq, copy.deepcopy(sq) is sq)
print(pickle.loads(pickle.dumps(fib)) is fib)

# cached_property
class CP:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        "the val"
        self.n += 1
        return self.n * 10
o = CP()
print(o.val, o.val, o.n, 'val' in o.__dict__, CP.val.__doc__, CP.val.attrname, type(CP.val).__name__)
del o.val; print(o.val, o.n)
o.val = 5; print(o.val)
cp = cached_property(lambda s: 1)
err(cp.__get__, CP())
class Slots:
    __slots__ = ('a',)
    @cached_property
    def v(self): return 1
err(lambda: Slots().v)
try:
    class Two:
        @cached_property
        def a(self): return 1
        b = a
except Exception as e:
    print(type(e).__name__, e.__cause__ if e.__cause__ else e)
print(CP.__dict__['val'].__set_name__ is not None)
print(type(cached_property.__class_getitem__(int)).__name__)

# singledispatch
@singledispatch
def show(x):
    return 'obj'
@show.register
def _(x: int): return 'int'
@show.register(list)
def _(x): return 'list'
show.register(float, lambda x: 'float')
@show.register
def _(x: str | bytes): return 'strbytes'
import collections.abc
@show.register(collections.abc.Mapping)
def _(x): return 'mapping'
print(show(1), show(True), show(1.5), show([]), show('s'), show(b'b'), show({}), show(()), show(None))
print(show.dispatch(bool).__name__, show.dispatch(object) is show.registry[object], sorted(t.__name__ for t in show.registry.keys()))
print(type(show.registry).__name__, show.__name__, show.__wrapped__.__name__)
show._clear_cache() if hasattr(show, '_clear_cache') else None
err(show)
err(show.register, 5)
err(show.register, 5, lambda x: x)
def noann(x): return x
err(show.register, noann)
def badann(x: 'int'): return x
err(show.register, badann)
def uann(x: int | list[int]): return x
err(show.register, uann)
err(show.register, list[int])
class Base: pass
class Derived(Base): pass
show.register(Base, lambda x: 'base')
print(show(Derived()))
class Mixed(dict, Base): pass
err(show, Mixed())

class SM:
    @singledispatchmethod
    def go(self, x): return 'default'
    @go.register
    def _(self, x: int): return 'int'
    @go.register(str)
    def _(self, x): return 'str'
    @singledispatchmethod
    @classmethod
    def cgo(cls, x): return 'cdefault'
    @cgo.register(int)
    @classmethod
    def _(cls, x): return 'cint ' + cls.__name__
print(SM().go(1), SM().go('a'), SM().go(1.0), SM.cgo(1), SM.cgo(None), SM().cgo(2))
print(SM.go.__name__ if hasattr(SM.go, '__name__') else None, SM.__dict__['go'].__isabstractmethod__)
err(singledispatchmethod, 5)

# dispatch on ABCs, one registered ABC at a time
import collections.abc as cabc
class HasLen:
    def __len__(self): return 0
for abc_type in (cabc.Iterable, cabc.Sized, cabc.Hashable, cabc.Sequence, cabc.MutableMapping):
    @singledispatch
    def g(x): return 'object'
    g.register(abc_type, lambda x: abc_type.__name__)
    g.register(Base, lambda x: 'Base')
    print(abc_type.__name__, [g(v) for v in (1, [], (), {}, set(), 'ab', HasLen(), iter([]), Mixed(), Derived())])
class Seqlike: pass
cabc.Sequence.register(Seqlike)
print(show(Seqlike()), show.dispatch(Seqlike).__name__)
@singledispatch
def h(x): return 'object'
h.register(cabc.Sized, lambda x: 'sized')
h.register(cabc.Container, lambda x: 'container')
class SC:
    def __len__(self): return 0
    def __contains__(self, x): return False
err(h, SC())
