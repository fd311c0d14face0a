# __slots__: fixed attributes stored in the instance, reached through member descriptors.
class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'), Point.__slots__)
print(repr(Point.x), type(Point.x).__name__, Point.x.__name__, Point.x.__qualname__, Point.x.__objclass__)
for action in ('p.z = 3', 'del p.x; p.x', 'del p.x', 'Point.x.__get__(5)', 'Point.x.__set__(5, 1)'):
    try:
        exec(action)
    except (AttributeError, TypeError) as e:
        print(action, '->', type(e).__name__, e)
p.x = 10
print(p.x, Point.x.__get__(p), Point.x.__get__(None, Point) is Point.x)


class Empty:
    __slots__ = ()


try:
    Empty().a = 1
except AttributeError as e:
    print('AttributeError', e)


class Sub(Point):
    pass


s = Sub(1, 2)
s.z = 5
print(s.z, s.x, s.__dict__)


class WithDict:
    __slots__ = ('a', '__dict__')


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)


class OneName:
    __slots__ = 'only'


o = OneName()
o.only = 'yes'
print(o.only, OneName.__slots__)


class Private:
    __slots__ = ('__secret', '_Private__other', 'pub')

    def __init__(self):
        self.__secret = 1

    def get(self):
        return self.__secret


print(Private().get(), sorted(k for k in vars(Private) if not k.startswith('__')))


class Child(Point):
    __slots__ = ('z',)


c = Child(1, 2)
c.z = 3
print(c.x, c.y, c.z, hasattr(c, '__dict__'))

for src in ("class A:\n    __slots__ = ('x',)\n    x = 1",
            "class A:\n    __slots__ = (1,)",
            "class A:\n    __slots__ = ('not valid',)",
            "class A:\n    __slots__ = ('__dict__', '__dict__')",
            "class A(Sub):\n    __slots__ = ('__dict__',)",
            "class A(int):\n    __slots__ = ('x',)",
            "class A:\n    __slots__ = ('a',)\nclass B:\n    __slots__ = ('b',)\nclass C(A, B): pass"):
    try:
        exec(src, {'Sub': Sub})
        print('ok')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class IntNoSlots(int):
    __slots__ = ()


print(IntNoSlots(5) + 1, hasattr(IntNoSlots(5), '__dict__'))


class Many:
    __slots__ = tuple('s%d' % i for i in range(50))


m = Many()
for i in range(50):
    setattr(m, 's%d' % i, i * i)
print(sum(getattr(m, 's%d' % i) for i in range(50)))
