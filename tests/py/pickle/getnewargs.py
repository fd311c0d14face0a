# object.__reduce_ex__ passes __getnewargs__ / __getnewargs_ex__ results to cls.__new__, so
# tuple subclasses (namedtuple, typing.NamedTuple) and classes whose __new__ needs arguments
# survive pickle (every protocol) and copy.
import collections
import copy
import pickle
from typing import NamedTuple

P = collections.namedtuple('P', 'x y')


class Q(NamedTuple):
    x: int
    y: int = 0


class NeedsNew:
    def __new__(cls, a, *, b):
        self = super().__new__(cls)
        self.a, self.b = a, b
        return self

    def __getnewargs_ex__(self):
        return (self.a,), {'b': self.b}

    def __repr__(self):
        return 'NeedsNew(%r, b=%r)' % (self.a, self.b)


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    def __getnewargs__(self):
        return tuple(self)


for obj in [P(1, 2), Q(3, 4), NeedsNew(5, b=6), Point(7, 8)]:
    for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
        r = pickle.loads(pickle.dumps(obj, proto))
        print(proto, type(r).__name__, r)
    print(copy.copy(obj), copy.deepcopy(obj))
print(P(1, 2).__reduce_ex__(2)[1], NeedsNew(1, b=2).__reduce_ex__(4)[1][1:])


class Bad:
    def __init__(self, r):
        self.r = r

    def __getnewargs__(self):
        return self.r


class BadEx(Bad):
    def __getnewargs_ex__(self):
        return self.r


for obj in [Bad([1]), BadEx([1]), BadEx((1, 2, 3)), BadEx(([], {})), BadEx(((), []))]:
    try:
        obj.__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
