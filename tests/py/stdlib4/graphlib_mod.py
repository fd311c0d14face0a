# graphlib.TopologicalSorter: result order, the step API, CycleError and misuse errors.
import graphlib
from graphlib import TopologicalSorter, CycleError


def order(graph):
    return list(TopologicalSorter(graph).static_order())


print(order({}))
print(order({'d': ['c', 'b'], 'c': ['a'], 'b': ['a']}))
print(order({2: [11], 9: [11, 8, 10], 10: [11, 3], 11: [7, 5], 8: [7, 3]}))
print(order({'a': [], 'b': [], 'c': ['a', 'b'], 'd': ['c'], 'e': ['a']}))
print(order({1: [2, 2, 2], 2: []}))
print(order({'x': ['y'], 'z': []}))

ts = TopologicalSorter()
ts.add('app', 'lib', 'util')
ts.add('lib', 'util')
ts.add('tests', 'app')
ts.add('docs')
ts.prepare()
print(bool(ts), ts.is_active())
step = 0
while ts.is_active():
    ready = ts.get_ready()
    print('step', step, ready, ts.get_ready())
    for node in ready:
        ts.done(node)
    step += 1
print(bool(ts), ts.get_ready())

# Nodes can be done out of order; is_active() counts nodes passed out but not done.
ts = TopologicalSorter({'b': ['a'], 'c': ['a']})
ts.prepare()
a, = ts.get_ready()
print(a, ts.is_active())
ts.done(a)
bc = ts.get_ready()
print(bc)
ts.done(bc[1])
print(ts.is_active(), ts.get_ready())
ts.done(bc[0])
print(ts.is_active())


def error(f, *args):
    try:
        f(*args)
    except (ValueError, CycleError) as e:
        print(type(e).__name__, e.args)


for graph in ({1: [1]}, {1: [2], 2: [1]}, {'a': ['b'], 'b': ['c'], 'c': ['a'], 'd': ['a']},
              {1: [2], 2: [3], 3: [4], 4: [2], 5: [6], 6: [5]},
              {'x': [], 'y': ['x', 'z'], 'z': ['w'], 'w': ['y']}):
    error(lambda g: TopologicalSorter(g).prepare(), graph)
    error(lambda g: list(TopologicalSorter(g).static_order()), graph)

ts = TopologicalSorter({1: [2], 2: [1], 3: []})
error(ts.prepare)
error(ts.prepare)
print(ts.get_ready())  # after CycleError the acyclic part can still be processed

ts = TopologicalSorter()
error(ts.get_ready)
error(ts.is_active)
error(ts.done, 1)
ts.add(1, 2)
ts.prepare()
error(ts.add, 3)
error(ts.done, 1)
error(ts.done, 99)
ts.done(*ts.get_ready())
error(ts.done, 2)
error(bool, TopologicalSorter())

print(issubclass(CycleError, ValueError), sorted(graphlib.__all__))
print(TopologicalSorter[int])
print(list(TopologicalSorter({'a': 'bc', 'b': 'c'}).static_order()))
