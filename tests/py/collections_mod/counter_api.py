import pickle
import copy
from collections import Counter, OrderedDict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


c = Counter('abracadabra')
print(c, c['a'], c['z'], 'z' in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1), c.most_common(100))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(Counter(), Counter([]), Counter({'a': 3, 'b': -1}), Counter(a=1, b=2), Counter('ab', b=5))
print(Counter(None), Counter(OrderedDict(x=2)))
print(c.total(), Counter().total(), Counter(a=-3, b=1).total())
show('fromkeys', lambda: Counter.fromkeys('abc'))
show('fromkeys2', lambda: Counter.fromkeys('abc', 1))

# update / subtract
c = Counter(a=1)
c.update('aab')
print(c)
c.update({'a': 2, 'z': -1})
print(c)
c.update(Counter(q=3), b=4)
print(c)
c.update()
c.update(None)
print(c)
c.subtract('aaaa')
print(c)
c.subtract({'q': 5}, b=1)
print(c)
c.subtract(Counter(z=-1))
print(c)
c.subtract()
print(c)
d = Counter()
d.update({'x': 1})
d.update({'x': 1})
print(d)
d2 = Counter()
d2.update(x=1.5)
print(d2)
show('update int', lambda: Counter().update(5))
show('subtract int', lambda: Counter().subtract(5))
show('update pairs', lambda: Counter().update([('a', 1)]))

# missing / delete
c = Counter(a=1)
del c['zzz']
del c['a']
print(c)
c['n'] += 1
print(c)

# arithmetic
a = Counter(a=3, b=1, c=0, d=-2)
b = Counter(a=1, b=2, e=5, d=-1, f=-3)
print('+', a + b)
print('-', a - b)
print('|', a | b)
print('&', a & b)
print('pos', +a, 'neg', -a)
print(+Counter(), -Counter())
show('add dict', lambda: a + {'a': 1})
show('radd dict', lambda: {'a': 1} + a)
show('sub int', lambda: a - 1)
show('or list', lambda: a | [1])
show('and str', lambda: a & 'x')
x = Counter(a=3, b=1, c=0, d=-2)
x += Counter(a=1, d=1, z=2)
print('+=', x)
x = Counter(a=3, b=1, c=0, d=-2)
x -= Counter(a=1, b=2, q=-4)
print('-=', x)
x = Counter(a=3, b=1, c=0, d=-2)
x |= Counter(a=1, b=2, q=4, r=-1)
print('|=', x)
x = Counter(a=3, b=1, c=0, d=-2)
x &= Counter(a=1, b=2, q=4)
print('&=', x)
x = Counter(a=1, b=-1)
x += {'a': 1, 'c': 2}
print('+= dict', x)
x = Counter(a=1)
y = x
x += Counter(b=1)
print(x is y, type(x).__name__)
show('iadd int', lambda: x.__iadd__(5))

# comparisons (3.10+)
p = Counter(a=1, b=2)
q = Counter(a=1, b=2, c=0)
r = Counter(a=2, b=2)
print(p == q, p != q, p == r, p != r, p < r, p <= r, r > p, r >= p, p < q, p <= q, r < p, p > q)
print(Counter() == Counter(a=0), Counter(a=1) == {'a': 1}, {'a': 1} == Counter(a=1), Counter(a=0) == {})
print(Counter(a=1) == Counter(a=1.0), Counter(a=-1) < Counter(), Counter() < Counter(a=-1))
show('lt dict', lambda: Counter() < {})
show('le int', lambda: Counter() <= 1)
show('hash', lambda: hash(Counter()))

# repr ordering
print(Counter({'x': 1, 'y': 3, 'z': 2}))
print(Counter({'x': 1, 'y': 3, 'z': 3, 'w': 3}))
print(repr(Counter({'a': 1, 'b': 'x'})))
print(repr(Counter({'a': None, 'b': 2})))
print(Counter({'a': 1.5, 'b': 2}))

class MyCounter(Counter):
    pass
m = MyCounter('aab')
print(m, m.copy(), type(m.copy()).__name__, type(m + m).__name__, type(-m).__name__)
m2 = copy.copy(m)
print(m2, type(m2).__name__, copy.deepcopy(m))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(Counter('hello'), proto)))
print(pickle.loads(pickle.dumps(m)), type(pickle.loads(pickle.dumps(m))).__name__)

# most_common ties keep insertion order
print(Counter('zyxzyx').most_common())
print(Counter(['b', 'a', 'b', 'a', 'c']).most_common(2))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))
print(list(Counter({'a': 2, 'b': 5}).keys()), dict(Counter('aab')))
print(isinstance(Counter(), dict), Counter.__name__)
print(Counter.__init__.__doc__ is not None or True)
c = Counter(a=1)
c.attr = 3
print(copy.copy(c).attr if hasattr(copy.copy(c), 'attr') else 'no attr')
print(Counter(a=2, b=-1).most_common(1), sorted(Counter(a=2, b=-1).elements()))
show('elements float', lambda: list(Counter(a=1.5).elements()))
