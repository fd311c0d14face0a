# Exercises collections: namedtuple, OrderedDict, defaultdict, Counter,
# ChainMap, deque, UserDict, UserList (results, reprs, error messages).
import collections
from collections import (namedtuple, OrderedDict, defaultdict, Counter,
                         ChainMap, deque, UserDict, UserList)


from _show import show


print('--- namedtuple')
Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], tuple(p), len(p), isinstance(p, tuple), Point.__name__)
print(Point._fields, Point._field_defaults, p._asdict(), p._replace(x=1))
print(Point._make([3, 4]), Point.__doc__, Point.x.__doc__, Point.__new__.__doc__)
print(repr(Point), Point.__module__, Point.__qualname__, Point.__bases__)
print(hash(p) == hash((11, 22)), p == (11, 22), Point(1, 2) < Point(1, 3))
x, y = p
print(x, y, p.__getnewargs__(), Point.__match_args__)
show('missing', lambda: Point(1))
show('missing2', lambda: Point())
show('too many', lambda: Point(1, 2, 3))
show('unexpected', lambda: Point(1, 2, z=3))
show('multiple', lambda: Point(1, 2, x=3))
show('_make', lambda: Point._make([1]))
show('_replace', lambda: p._replace(z=5))
show('setattr', lambda: setattr(p, 'x', 5))
P3 = namedtuple('P3', 'a, b c', defaults=[2, 3])
print(P3(1), P3(1, c=9), P3._field_defaults, P3(a=0))
show('P3 none', lambda: P3())
show('P3 many', lambda: P3(1, 2, 3, 4))
R = namedtuple('R', ['abc', 'def', 'ghi', 'abc', '_x'], rename=True)
print(R._fields)
for args in [('1x', 'a'), ('P', ['class']), ('P', ['_a']), ('P', ['a', 'a']),
             ('P', ['a b'])]:
    show('bad %r' % (args,), lambda: namedtuple(*args))
show('defaults', lambda: namedtuple('P', 'a', defaults=[1, 2]))
One = namedtuple('One', 'a')
print(One(1), One.__doc__, namedtuple('E', '')(), namedtuple('M', 'a', module='mod').__module__)


class Sub(Point):
    def norm(self):
        return self.x ** 2 + self.y ** 2


print(Sub(3, 4), Sub(3, 4).norm())

print('--- OrderedDict')
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(od, repr(OrderedDict()), list(od), list(reversed(od)))
od.move_to_end('a')
print(od)
od.move_to_end('a', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
show('move missing', lambda: od.move_to_end('zz'))
show('popitem empty', lambda: OrderedDict().popitem())
o1 = OrderedDict(a=1, b=2)
o2 = OrderedDict(b=2, a=1)
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o2) == o1, o1 == {'a': 1, 'b': 2})
print(o1.copy(), type(o1.copy()).__name__, OrderedDict.fromkeys('xy', 0))
print(o1 | {'c': 3}, {'z': 0} | o1, type(o1 | {}).__name__)
o1 |= {'d': 4}
print(o1, isinstance(o1, dict), o1.setdefault('e', 5), o1.pop('a'), o1)
o1.update([('f', 6)], g=7)
print(o1, list(o1.keys()), list(o1.values()), list(o1.items()))
rec = OrderedDict()
rec['self'] = rec
print(rec)

print('--- defaultdict')
dd = defaultdict(list)
dd['a'].append(1)
dd['b']
print(dd, dd['a'], 'c' in dd, dd.get('c'), dd.default_factory)
print(repr(defaultdict()), defaultdict(None, {'x': 1}), defaultdict(int, a=5))
d2 = defaultdict(int)
for ch in 'mississippi':
    d2[ch] += 1
print(sorted(d2.items()), d2.copy(), type(d2.copy()).__name__)
show('missing no factory', lambda: defaultdict()['k'])
show('bad factory', lambda: defaultdict(5))
print(dd | {'z': [0]}, type(dd | {}).__name__)


def factory():
    return 'dflt'


print(defaultdict(factory)['q'] if False else defaultdict(factory).__missing__('q'))
print(repr(defaultdict(lambda: 0)).startswith('defaultdict(<function <lambda> at '))

print('--- Counter')
c = Counter('abracadabra')
print(c, c.most_common(3), c.most_common(0), c.most_common(), c['z'])
print(sorted(c.elements()), c.total(), len(c))
c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract({'a': 100})
print(c, +c, -c)
c2 = Counter(a=3, b=1)
c3 = Counter(a=1, b=2)
print(c2 + c3, c2 - c3, c2 | c3, c2 & c3)
print(c2 == Counter(a=3, b=1, c=0), c2 != c3, c3 <= c2, Counter(a=1) < c2, c2 >= c3)
print(repr(Counter()), Counter(a=1, b=None) if False else Counter({'x': 1.5, 'y': 2}))
del c2['zz']
c2['c'] = -2
c4 = c2.copy()
c4 += Counter(c=1)
print(c2, c4)
c5 = Counter(a=2)
c5 -= Counter(a=5)
print(c5, Counter('aab') | Counter('bc'), Counter(['x', 'y', 'x']))
show('fromkeys', lambda: Counter.fromkeys('ab'))
show('add dict', lambda: Counter() + {})
print(Counter({'a': 'x', 'b': 2}) if False else Counter(dict(a=2, b=2, c=1)).most_common(2))
print(Counter(a=1) == {'a': 1}, Counter(a=0) == Counter())

print('--- ChainMap')
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], list(cm), len(cm), dict(cm), 'c' in cm, cm.get('q', 0))
cm['d'] = 4
print(over, cm.maps, cm.parents, cm.new_child(), cm.new_child({'n': 1}))
del cm['d']
show('del base key', lambda: cm.__delitem__('a'))
show('getitem', lambda: cm['zz'])
show('popitem empty', lambda: ChainMap({}, {'x': 1}).popitem())
show('pop', lambda: cm.pop('a'))
print(cm.pop('c'), cm, bool(ChainMap()), bool(ChainMap({}, {1: 2})), repr(ChainMap()))
print(ChainMap.fromkeys('ab', 0), cm.copy(), cm | {'x': 9}, {'y': 1} | cm)
print(isinstance(cm, collections.abc.MutableMapping), sorted(cm.items()), sorted(cm.keys()))

print('--- deque')
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft('xy')
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.count(1), d.index(2), 'a' in d, list(reversed(d)))
d.insert(2, 'INS')
d.remove('INS')
del d[0]
d[0] = 'first'
print(d, d.copy(), d * 2, d + deque([9]))
d.reverse()
print(d)
d.clear()
print(d, bool(d))
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(6)
print(b)
b.extend(range(20, 25))
print(b, deque(maxlen=0), deque('ab', 5))
show('pop empty', lambda: deque().pop())
show('popleft empty', lambda: deque().popleft())
show('index range', lambda: deque([1])[5])
show('index missing', lambda: deque([1]).index(7))
show('remove missing', lambda: deque([1]).remove(7))
show('insert full', lambda: deque([1], 1).insert(0, 2))
show('maxlen neg', lambda: deque([], -1))
show('slice', lambda: deque([1])[0:1])
show('add list', lambda: deque() + [1])
print(deque.__hash__, OrderedDict.__hash__)


def mutate():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)


show('mutate', mutate)
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
q = deque([1, 2])
q += [3]
q *= 2
print(q, 2 * deque('a'), deque([[1]]).copy())
r = deque()
r.append(r)
print(r)
big = deque()
for i in range(100):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], list(big)[:3], sum(big))
print(deque('abc', maxlen=2).maxlen, deque(maxlen=None).maxlen)

print('--- UserDict / UserList')
ud = UserDict({'a': 1}, b=2)
ud['c'] = 3
print(ud, len(ud), ud['a'], 'b' in ud, ud.get('z', 0), ud.data, ud.copy())
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], ul + [9], [9] + ul, ul * 2, len(ul), ul == [0, 1, 2, 3], ul.pop())
