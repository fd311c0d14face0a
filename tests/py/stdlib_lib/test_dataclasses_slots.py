# dataclass(slots=True) and weakref_slot=: the class is made again with __slots__ for its fields.
from dataclasses import dataclass
@dataclass(slots=True)
class P:
    x: int
    y: int = 0
p = P(1)
print(p, P.__slots__, hasattr(p, '__dict__'))
try:
    p.z = 1
except AttributeError as e:
    print('AttributeError', e)
@dataclass(frozen=True, slots=True)
class F:
    a: int
f = F(2); print(f, hash(f) == hash(F(2)))
import copy; print(copy.deepcopy(p))
class S:
    __slots__ = {'a': 'doc a', 'b': 'doc b'}
print(S.a.__doc__ if hasattr(S.a, '__doc__') else None, sorted(S.__slots__))
import pickle, weakref
print(pickle.loads(pickle.dumps(f)), copy.copy(f))
@dataclass(slots=True, weakref_slot=True)
class W:
    v: int = 1
w = W(); print(weakref.ref(w)() is w, W.__slots__)
try:
    dataclass(weakref_slot=True)(type('X', (), {'__annotations__': {}}))
except TypeError as e:
    print('TypeError', e)
@dataclass(slots=True)
class Base:
    a: int
@dataclass(slots=True)
class Derived(Base):
    b: int
print(Derived(1, 2), Derived.__slots__, Base.__slots__)
try:
    @dataclass(slots=True)
    class Twice:
        __slots__ = ('x',)
        x: int
except TypeError as e:
    print('TypeError', e)
from dataclasses import make_dataclass
M = make_dataclass('M', ['p', 'q'], slots=True)
print(M(1, 2), M.__slots__, M.__qualname__)
