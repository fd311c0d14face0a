# __slots__ beside built-in bases, mixins, weak references, copy/pickle state and __class__ assignment.
class E(Exception):
    __slots__ = ('code',)
e = E('boom'); e.code = 3; print(e.code, e.args, hasattr(e, '__dict__'))
class D(dict):
    __slots__ = ('tag',)
d = D(a=1); d.tag = 't'; print(d, d.tag, hasattr(d, '__dict__'))
class L(list):
    __slots__ = ('n',)
l = L([1, 2]); l.n = 2; print(l, l.n)
class Mixin:
    pass
class Base:
    __slots__ = ('a',)
class C(Base, Mixin):
    __slots__ = ('b',)
c = C(); c.a = 1; c.b = 2; c.z = 3; print(c.a, c.b, c.z)
class M2:
    __slots__ = ()
class C2(Base, M2):
    __slots__ = ('b',)
c2 = C2(); c2.a = 1; c2.b = 2; print(c2.a, c2.b, hasattr(c2, '__dict__'))
import weakref
class W:
    __slots__ = ('__weakref__', 'v')
w = W(); r = weakref.ref(w); print(r() is w)
import copy
class P:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1; self.y = [2]
q = copy.copy(P()); print(q.x, q.y)
q2 = copy.deepcopy(P()); print(q2.x, q2.y)
import pickle
try:
    print(pickle.loads(pickle.dumps(P())).y)
except Exception as ex:
    print(type(ex).__name__, ex)
class T:
    __slots__ = ('x',)
t = T()
t.__class__ = T
class T2:
    __slots__ = ('x',)
try:
    t.__class__ = T2; print('assigned', type(t).__name__)
except TypeError as ex:
    print('TypeError', ex)
