# operator's attrgetter, itemgetter, methodcaller (calls, reprs, pickling, errors) and length_hint.
import operator, pickle, copy
from operator import attrgetter, itemgetter, methodcaller, length_hint
for f, a in [(attrgetter, ()), (attrgetter, (1,)), (attrgetter, ('a', 2)), (itemgetter, ()), (methodcaller, ()), (methodcaller, (1,)), (methodcaller, ('m', 1))]:
    try:
        print(repr(f(*a)))
    except TypeError as e:
        print('TypeError', e)
class R:
    a = 1
    class b:
        c = 'deep'
    def m(self, *args, **kw): return ('m', args, sorted(kw.items()))
r = R()
print(attrgetter('a')(r), attrgetter('a', 'b.c')(r), attrgetter('b.c')(r))
print(repr(attrgetter('a', 'b.c')), repr(itemgetter(1, 'x')), repr(methodcaller('m', 1, k=2)))
print(itemgetter(1)([5, 6]), itemgetter(0, -1)('abc'), itemgetter(slice(1, None))([1, 2, 3]))
print(methodcaller('m', 1, k=2)(r), methodcaller('upper')('x'))
for g in (attrgetter('a', 'b.c'), itemgetter(1), methodcaller('m', 1), methodcaller('m', 1, k=2)):
    g2 = pickle.loads(pickle.dumps(g))
    print(repr(g2), g2(r) if not isinstance(g, itemgetter) else g2([1, 2]), repr(copy.copy(g)))
try:
    attrgetter('zz')(r)
except AttributeError as e:
    print('AttributeError', e)
try:
    attrgetter('a')(r, 1)
except TypeError as e:
    print('TypeError', e)
try:
    itemgetter(1)()
except TypeError as e:
    print('TypeError', e)
class H:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
for obj, d in [([1, 2], 0), (H(5), 0), (H(NotImplemented), 7), (iter(range(4)), 0), (5, 3)]:
    print(length_hint(obj, d))
for obj, d in [(H(-1), 0), (H('x'), 0), ([], 'd'), (H(2**70), 0)]:
    try:
        print(length_hint(obj, d))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(attrgetter.__module__, type(attrgetter('a')).__name__)
