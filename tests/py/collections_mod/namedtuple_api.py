import pickle
import copy
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, repr(p), p.x, p.y, p[0], p[1], len(p))
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__bases__)
print(Point.__doc__)
print(Point.x.__doc__, '|', Point.y.__doc__)
print(Point.__new__.__doc__)
print(Point._make.__doc__)
print(Point._replace.__doc__)
print(Point._asdict.__doc__)
print(Point.__repr__.__doc__)
print(Point.__getnewargs__.__doc__)
print(Point._fields, Point._field_defaults, Point.__match_args__)
print(Point._make([1, 2]), Point._make(iter((3, 4))))
print(p._replace(x=5), p._replace())
print(p._asdict(), type(p._asdict()).__name__)
print(p.__getnewargs__())
print(Point.__slots__)
print(hasattr(p, '__dict__'))
print(isinstance(p, tuple), p == (11, 22), hash(p) == hash((11, 22)))
x, y = p
print(x, y)
print(Point.__new__.__qualname__, Point._make.__qualname__ if hasattr(Point._make, '__qualname__') else None)
print(Point._replace.__qualname__, Point.__repr__.__qualname__, Point._asdict.__qualname__)

# field name forms
print(namedtuple('A', 'a b c')._fields)
print(namedtuple('A', 'a, b,c')._fields)
print(namedtuple('A', ' a ,  b ')._fields)
print(namedtuple('A', ('a', 'b'))._fields)
print(namedtuple('A', iter(['a', 'b']))._fields)
print(namedtuple('E', '')._fields, namedtuple('E', [])())
print(repr(namedtuple('One', 'a')(1)))
print(namedtuple('One', 'a').__doc__, namedtuple('One', 'a').__new__.__doc__)

# errors
cases = [
    ('Point', ['x', 'x']),
    ('Point', ['x', '_y']),
    ('Point', ['x', 'def']),
    ('Point', ['x', '1y']),
    ('def', ['x']),
    ('1abc', ['x']),
    ('Point', ['x', 'a-b']),
    ('Point', [1, 2]),
    ('Point', 'x y x'),
    ('', ['x']),
    ('Point', ['x', '']),
]
for typename, fields in cases:
    try:
        namedtuple(typename, fields)
        print('ok', typename, fields)
    except Exception as e:
        print(type(e).__name__, e)
try:
    namedtuple('P', 'a b', defaults=(1, 2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    namedtuple('P', 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    namedtuple(5, 'a')
except Exception as e:
    print(type(e).__name__, e)

# rename
print(namedtuple('R', ['abc', 'def', 'ghi', 'abc', '_x', '1a', 'x y'], rename=True)._fields)
print(namedtuple('R', 'a a a', rename=True)._fields)
print(namedtuple('R', ['_0', '_1'], rename=True)._fields)

# defaults
P3 = namedtuple('P3', 'a b c', defaults=[10, 20])
print(P3._field_defaults, P3(1), P3(1, 2), P3(1, 2, 3), P3(a=0, c=9))
print(P3.__new__.__defaults__)
P0 = namedtuple('P0', 'a b', defaults=())
print(P0._field_defaults, P0(1, 2))
P1 = namedtuple('P1', 'a b', defaults=iter([7]))
print(P1._field_defaults, P1(1))
PN = namedtuple('PN', 'a b', defaults=None)
print(PN._field_defaults, PN.__new__.__defaults__)

# constructor errors
for args, kwargs in [((1,), {}), ((1, 2, 3), {}), ((), {}), ((1,), {'x': 2, 'z': 3}), ((1, 2), {'x': 3}), ((), {'y': 1})]:
    try:
        print(Point(*args, **kwargs))
    except TypeError as e:
        print('TypeError', e)
try:
    Point._make([1])
except TypeError as e:
    print('TypeError', e)
try:
    Point._make([1, 2, 3])
except TypeError as e:
    print('TypeError', e)
try:
    p._replace(z=1)
except ValueError as e:
    print('ValueError', e)
try:
    p._replace(x=1, z=1, w=2)
except ValueError as e:
    print('ValueError', e)
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError', e)
try:
    del p.x
except AttributeError as e:
    print('AttributeError', e)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError', e)

# module
M = namedtuple('M', 'a', module='some.where')
print(M.__module__)
print(Point.__module__)

# pickling and copying
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q, type(q) is Point)
print(copy.copy(p), copy.deepcopy(p), type(copy.copy(p)).__name__)

# subclassing
class Sub(namedtuple('Base', 'a b')):
    __slots__ = ()
    @property
    def total(self):
        return self.a + self.b
s = Sub(1, 2)
print(s, s.total, s._replace(a=5), type(s._replace(a=5)).__name__, Sub._make([3, 4]))
print(type(Sub._make([3, 4])).__name__)
print(s._asdict())

class Sub2(Point):
    def __repr__(self):
        return 'Sub2!'
print(Sub2(1, 2), Sub2(1, 2)._replace(x=3))

# many fields
Big = namedtuple('Big', ['f%d' % i for i in range(30)])
b = Big(*range(30))
print(b.f0, b.f29, b[15])
print(repr(b)[:40])

# unusual field names
U = namedtuple('U', ['self', 'cls', 'kwds', 'iterable', 'tuple', 'typename'])
u = U(1, 2, 3, 4, 5, 6)
print(u, u._replace(self=10), U._make(range(6)))
print(U(self=1, cls=2, kwds=3, iterable=4, tuple=5, typename=6))

# typename forms
print(namedtuple(b'x'.decode(), 'a')(1))
print(namedtuple('T', ['a', 'b'])(a=[1], b={2: 3}))
print(repr(namedtuple('T', 'a')(namedtuple('T', 'a')(1))))
# fields property
print(type(Point.x).__name__ in ('property', '_tuplegetter'))
print(Point.x.__get__(p), Point.y.__get__(p, Point))
print(sorted(k for k in Point.__dict__ if not k.startswith('__')))
