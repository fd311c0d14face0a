# Exercises copy: shallow and deep copies of builtins, instances,
# recursive structures, __copy__/__deepcopy__ and __getstate__/__setstate__.
import copy
from collections import namedtuple, OrderedDict, defaultdict, Counter, deque


from _show import show


for x in [1, 2.5, 'str', b'b', None, True, (1, 2), frozenset([1]), range(3), len, int]:
    print(repr(x), copy.copy(x) is x, copy.deepcopy(x) is x)
lst = [[1, 2], {'k': [3]}]
s = copy.copy(lst)
d = copy.deepcopy(lst)
print(s == lst, s is lst, s[0] is lst[0], d == lst, d[0] is lst[0], d[1]['k'] is lst[1]['k'])
t = ([1], 2)
print(copy.deepcopy(t) == t, copy.deepcopy(t) is t, copy.deepcopy(t)[0] is t[0])
t2 = (1, 'a', (2, 3))
print(copy.deepcopy(t2) is t2, copy.copy({1: 2}), copy.copy({1, 2}), copy.copy(bytearray(b'x')))
print(copy.deepcopy({1, 2}), copy.deepcopy(frozenset([1])) == frozenset([1]))

rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc[1] is not rec, len(rc))
dr = {}
dr['self'] = dr
drc = copy.deepcopy(dr)
print(drc['self'] is drc)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is not shared)
tr = ([],)
tr[0].append(tr)
trc = copy.deepcopy(tr)
print(trc[0][0] is trc, trc is not tr)


class Plain:
    def __init__(self, v):
        self.v = v
        self.items = [v]

    def __repr__(self):
        return 'Plain(%r, %r)' % (self.v, self.items)


p = Plain(1)
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(pc, pc is p, pc.items is p.items, pd.items is p.items, type(pd).__name__)


class Custom:
    def __init__(self):
        self.log = []

    def __copy__(self):
        return 'custom copy'

    def __deepcopy__(self, memo):
        return 'custom deepcopy %s' % type(memo).__name__


print(copy.copy(Custom()), copy.deepcopy([Custom()]))


class State:
    def __init__(self, a):
        self.a = a
        self.cache = 'expensive'

    def __getstate__(self):
        return {'a': self.a}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = 'rebuilt'


sc = copy.deepcopy(State([1]))
print(sc.a, sc.cache, copy.copy(State(2)).cache)


class NoInit:
    def __init__(self):
        raise RuntimeError('init called')


n = NoInit.__new__(NoInit)
n.x = 5
print(copy.copy(n).x, copy.deepcopy(n).x)


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([[1], 2])
ml.attr = 'a'
mlc = copy.deepcopy(ml)
print(mlc, type(mlc).__name__, mlc.attr, mlc[0] is ml[0], copy.copy(ml)[0] is ml[0])
md = MyDict(a=[1])
mdc = copy.deepcopy(md)
print(mdc, type(mdc).__name__, mdc['a'] is md['a'])

P = namedtuple('P', 'x y')
pt = P([1], 2)
print(copy.copy(pt), copy.deepcopy(pt), copy.deepcopy(pt).x is pt.x, copy.copy(pt) is pt)
od = OrderedDict(a=[1], b=2)
print(copy.copy(od), copy.deepcopy(od)['a'] is od['a'])
dd = defaultdict(list, {'k': [1]})
ddc = copy.deepcopy(dd)
print(ddc, ddc['k'] is dd['k'], copy.copy(dd).default_factory)
print(copy.deepcopy(Counter('aab')), copy.copy(deque([1, 2], maxlen=5)), copy.deepcopy(deque([[1]])))


class Meth:
    def m(self):
        return self


mo = Meth()
mc = copy.deepcopy(mo.m)
print(mc() is not mo, type(mc()).__name__, copy.copy(mo.m)() is mo)
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], memo[id(x)] is y[0])
print(issubclass(copy.Error, Exception), copy.error is copy.Error)


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, [self.b]), {'extra': 'state'})


rd = copy.deepcopy(Reduced(1, 2))
print(rd.a, rd.b, rd.extra, copy.copy(Reduced('x', 'y')).b)


class ReducedList(list):
    def __reduce_ex__(self, protocol):
        return (ReducedList, (), None, iter(self))


print(copy.deepcopy(ReducedList([[1], 2])), type(copy.copy(ReducedList([3]))).__name__)
