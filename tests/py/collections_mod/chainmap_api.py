import pickle
import copy
from collections import ChainMap, OrderedDict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
cm = ChainMap(a, b)
print(cm, cm.maps, cm['x'], cm['y'], cm['z'], len(cm), list(cm), list(cm.items()), list(cm.values()))
print('x' in cm, 'w' in cm, cm.get('w'), cm.get('w', 5), cm.get('z'), bool(cm), bool(ChainMap()), bool(ChainMap({}, {})))
print(ChainMap(), ChainMap().maps, ChainMap({}).maps)
show('missing', lambda: cm['w'])
cm['w'] = 0
cm['z'] = 300
print(a, b, cm)
del cm['w']
show('del missing', lambda: cm.__delitem__('zz'))
show('del lower', lambda: cm.__delitem__('z'))
show('pop z', lambda: cm.pop('z'))
print(cm.pop('x'), a)
show('pop lower', lambda: cm.pop('y') and cm.pop('y'))
print(cm.pop('nope', 'dd'), a, b)
a['p'] = 'P'
print(cm.popitem(), a)
show('popitem empty', lambda: ChainMap({}, {'q': 1}).popitem())
cm.clear()
print(cm, a, b)

# new_child, parents
base = ChainMap({'a': 1})
child = base.new_child()
print(child, child.maps[1] is base.maps[0])
child2 = base.new_child({'b': 2})
print(child2)
child3 = base.new_child(c=3)
print(child3)
m = {'d': 4}
child4 = base.new_child(m, e=5)
print(child4, m, child4.maps[0] is m)
print(child4.parents, child4.parents.parents, child4.parents.parents.maps)
print(type(child4.parents).__name__)

# views and iteration order
cm = ChainMap({'b': 1, 'a': 2}, {'c': 3, 'a': 4}, {'d': 5, 'b': 6})
print(list(cm), list(cm.keys()), list(cm.items()), dict(cm))
print(cm.keys() == {'a', 'b', 'c', 'd'})

# copy
c2 = cm.copy()
c2['new'] = 1
print(cm, c2, c2.maps[1] is cm.maps[1], c2.maps[0] is cm.maps[0])
print(copy.copy(cm), type(copy.copy(cm)).__name__)
print(copy.deepcopy(cm))
print(pickle.loads(pickle.dumps(cm)))
print(ChainMap.fromkeys('ab'), ChainMap.fromkeys('ab', 1))

# | operators
cm = ChainMap({'a': 1}, {'b': 2})
r = cm | {'a': 10, 'c': 3}
print(r, type(r).__name__, cm)
r = {'a': 10, 'c': 3, 'b': 9} | cm
print(r, type(r).__name__)
cm |= {'z': 26}
print(cm)
cm |= [('y', 25)]
print(cm)
show('or list', lambda: cm | [('x', 1)])
show('ror list', lambda: [('x', 1)] | cm)
r = OrderedDict(q=1) | ChainMap({'a': 1})
print(r, type(r).__name__)

# missing hook
class Dflt(ChainMap):
    def __missing__(self, key):
        return 'missing:' + key
d = Dflt({'a': 1})
print(d['a'], d['b'], d.get('b'), 'b' in d)

# recursive repr
r = ChainMap()
r['me'] = r
print(r)

# mapping with KeyError-raising __getitem__ works
class Weird(dict):
    def __missing__(self, key):
        return 'W'
cm = ChainMap(Weird(), {'k': 1})
print(cm['k'], cm['zz'])
print(ChainMap({1: 1}) == ChainMap({1: 1}), ChainMap({1: 1}) == {1: 1}, ChainMap({1: 1}, {2: 2}) == {1: 1, 2: 2})
print(len(ChainMap({1: 1}, {1: 2, 2: 2})))
sub = ChainMap({'a': 1}).new_child()
print(sub.maps)
