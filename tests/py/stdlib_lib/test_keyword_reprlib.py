# Exercises keyword and reprlib.
import keyword
import reprlib

print(keyword.kwlist, len(keyword.kwlist))
print(keyword.softkwlist)
print([w for w in ['if', 'match', 'case', '_', 'print', 'None', 'async', 'True', ''] if keyword.iskeyword(w)])
print([w for w in ['if', 'match', 'case', '_', 'type'] if keyword.issoftkeyword(w)])
try:
    keyword.iskeyword([])
except TypeError as e:
    print('TypeError', e)

r = reprlib.Repr()
print(reprlib.repr(list(range(100))), reprlib.repr(tuple(range(10))), reprlib.repr((1,)))
print(reprlib.repr('x' * 100), reprlib.repr('short'), reprlib.repr(2 ** 200))
print(reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr(set(range(20))),
      reprlib.repr(frozenset(range(3))), reprlib.repr(set()), reprlib.repr(frozenset()))
print(reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr({'a': {'b': {'c': {'d': {'e': {'f': {}}}}}}}))
print(reprlib.repr({}), reprlib.repr([]), reprlib.repr(()), reprlib.repr({3: 1, 'a': 2}))
r.maxlist = 2
r.maxstring = 10
r.maxother = 12
r.maxlevel = 2
print(r.repr([1, 2, 3]), r.repr('abcdefghijklmnop'), r.repr([[1, [2]]]), r.repr(object)[:12])
r.fillvalue = '---'
print(r.repr(list(range(5))), r.repr('abcdefghijklmnop'))


class Bad:
    def __repr__(self):
        raise ValueError('no')


print(reprlib.repr(Bad()).startswith('<Bad instance at 0x'))


class Long:
    def __repr__(self):
        return 'L' * 50


print(reprlib.repr(Long()), reprlib.aRepr.maxlevel, reprlib.aRepr.maxdict)
from collections import deque
print(reprlib.repr(deque(range(10))))


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%r)' % self.children


n = Node()
n.children.append(n)
n.children.append(Node())
print(n, Node.__repr__.__name__)


class Other:
    def __init__(self):
        self.me = self

    @reprlib.recursive_repr('<loop>')
    def __repr__(self):
        """doc"""
        return 'Other(%r)' % (self.me,)


print(Other(), Other.__repr__.__doc__, Other.__repr__.__qualname__)
