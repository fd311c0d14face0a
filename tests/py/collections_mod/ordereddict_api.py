import pickle
import copy
from collections import OrderedDict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        # CPython names the C type 'collections.OrderedDict' in some messages.
        print(label, type(e).__name__, str(e).replace('collections.', ''))


od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(od, repr(OrderedDict()), list(od), list(od.keys()), list(od.values()), list(od.items()))
print(OrderedDict(a=1, b=2), OrderedDict({'x': 1}, y=2), OrderedDict([('k', 1)], k=2))
od['d'] = 4
od['a'] = 10
print(od)
od.move_to_end('a')
print(od)
od.move_to_end('a', last=False)
print(od)
od.move_to_end('c', False)
print(od)
show('move missing', lambda: od.move_to_end('zz'))
show('move missing front', lambda: od.move_to_end('zz', last=False))
print(od.popitem(), od)
print(od.popitem(last=False), od)
print(od.popitem(False), od)
e = OrderedDict()
show('popitem empty', lambda: e.popitem())
show('popitem empty first', lambda: e.popitem(last=False))
od = OrderedDict.fromkeys('abcde')
print(od, OrderedDict.fromkeys('ab', 0))
del od['c']
print(od)
show('del missing', lambda: od.__delitem__('zz'))
print(od.pop('a'), od, od.pop('zz', 'dflt'))
show('pop missing', lambda: od.pop('zz'))
print(od.setdefault('b', 5), od.setdefault('q', 7), od)
print(od.get('q'), od.get('nope'), 'q' in od, len(od))
od.update([('z', 1)], y=2)
od.update({'b': 'B'})
print(od)
od.clear()
print(od, len(od))

# reversed and views
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(list(od.keys()), list(od.values()), list(od.items()))
print(type(od.keys()).__name__ in ('odict_keys', 'dict_keys'))
print(od.keys() == {'a', 'b', 'c'}, od.keys() & {'a', 'z'})

# equality
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
d = {'b': 2, 'a': 1}
print(o1 == o2, o1 != o2, o1 == d, d == o1, o2 == d, o1 != d)
print(o1 == OrderedDict([('a', 1), ('b', 2)]), o1 == [('a', 1), ('b', 2)])
show('hash', lambda: hash(o1) and None)

# | operators
print(o1 | {'c': 3}, {'c': 3} | o1, type({'c': 3} | o1).__name__)
print(o2 | o1)
o3 = OrderedDict(o1)
o3 |= {'z': 0, 'a': 5}
print(o3)
o3 |= [('w', 1)]
print(o3)
show('or list', lambda: o1 | [('x', 1)])

# copy / pickle
c = o2.copy()
print(c, type(c).__name__, c == o2, c is o2)
print(copy.copy(o2), copy.deepcopy(o2))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(o2, proto)))

# recursive repr
r = OrderedDict()
r['self'] = r
r['x'] = 1
print(r)

# subclass
class MyOD(OrderedDict):
    pass
m = MyOD([('b', 1), ('a', 2)])
print(m, m.copy(), type(m.copy()).__name__, MyOD.fromkeys('xy'), type(MyOD.fromkeys('xy')).__name__)
print(type(m | {}).__name__, m | {'c': 3})

# mutation during iteration
od = OrderedDict.fromkeys('abc')
try:
    for k in od:
        od['new' + k] = 1
except RuntimeError:
    print('RuntimeError')

# misc
print(isinstance(od, dict), issubclass(OrderedDict, dict))
print(OrderedDict([(1, 'one'), (2, 'two')]).__repr__())
print(OrderedDict.__name__, OrderedDict.__module__)
print(OrderedDict.popitem.__doc__ is not None, OrderedDict.move_to_end.__doc__ is not None)
print(sorted(OrderedDict({'x': 1}).__dict__.items()))
od = OrderedDict([('a', 1)])
od.attr = 5
print(od.attr)
c = copy.copy(od)
print(c.attr)
print(pickle.loads(pickle.dumps(od)).attr)
