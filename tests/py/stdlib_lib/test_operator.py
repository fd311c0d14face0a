# Exercises operator: every function, the getter objects and their reprs.
import operator
from operator import *


from _show import show


for name in ['lt', 'le', 'eq', 'ne', 'ge', 'gt']:
    f = getattr(operator, name)
    print(name, f(1, 2), f(2, 2), f(3, 2), getattr(operator, '__%s__' % name) is f)
print(not_(0), not_([1]), truth([]), truth(3), is_(None, None), is_not(1, None))
print(abs(-3), add(2, 3), and_(6, 3), floordiv(7, 2), index(5), inv(5), invert(0),
      lshift(1, 4), mod(7, 3), mul(3, 4), neg(5), or_(4, 1), pos(-2), pow(2, 10),
      rshift(256, 2), sub(5, 7), truediv(7, 2), xor(6, 3))
print(concat([1], [2]), concat('a', 'b'), contains([1, 2], 2), countOf([1, 2, 1], 1),
      indexOf('abc', 'c'))
show('concat int', lambda: concat(1, 2))
show('index str', lambda: index('a'))
show('indexOf missing', lambda: indexOf([1], 5))
d = {'a': 1}
setitem(d, 'b', 2)
print(getitem(d, 'b'), d)
delitem(d, 'a')
print(d)
print(length_hint([1, 2, 3]), length_hint(iter(range(5))), length_hint(object(), 7))


class Hint:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        return self.v


print(length_hint(Hint(4)), length_hint(Hint(NotImplemented), 9))
show('hint str', lambda: length_hint(Hint('x')))
show('hint neg', lambda: length_hint(Hint(-1)))
show('hint default', lambda: length_hint([], 'a'))
print(call(max, 1, 5, 3), call(sorted, [3, 1], reverse=True))

l = [1]
print(iadd(l, [2]), l, iconcat(l, [3]), isub(10, 3), imul(3, 4), itruediv(1, 4),
      ifloordiv(9, 2), imod(9, 4), ipow(2, 3), ilshift(1, 3), irshift(16, 2),
      iand(7, 2), ior(1, 2), ixor(3, 1))
show('iconcat', lambda: iconcat(1, 2))

g = itemgetter(1)
print(g('abc'), itemgetter(1, 0)('abc'), itemgetter('k')({'k': 9}), repr(g),
      repr(itemgetter(1, 'x')), itemgetter(slice(1, None))('abc'))
show('itemgetter', lambda: itemgetter(5)([]))


class Obj:
    pass


o = Obj()
o.a = Obj()
o.a.b = 'deep'
o.x = 1
print(attrgetter('x')(o), attrgetter('a.b')(o), attrgetter('x', 'a.b')(o),
      repr(attrgetter('a.b', 'x')))
show('attrgetter int', lambda: attrgetter(1))
show('attrgetter missing', lambda: attrgetter('nope')(o))
m = methodcaller('split', ',', maxsplit=1)
print(m('a,b,c'), repr(m), repr(methodcaller('upper')), methodcaller('upper')('x'))
show('methodcaller none', lambda: methodcaller())
show('methodcaller int', lambda: methodcaller(3))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=itemgetter(1, 0)))
