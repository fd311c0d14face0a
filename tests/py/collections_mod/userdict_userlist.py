import pickle
import copy
from collections import UserDict, UserList


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


# UserDict
u = UserDict({'a': 1}, b=2)
print(u, repr(u), u.data, len(u), u['a'], 'a' in u, 'z' in u, list(u), u.get('a'), u.get('z'), u.get('z', 0))
print(UserDict(), UserDict([('x', 1)]), UserDict(dict=5), UserDict(UserDict(q=1)))
show('missing', lambda: u['z'])
u['c'] = 3
del u['a']
show('del missing', lambda: u.__delitem__('a'))
print(u, u.pop('b'), u.pop('zz', None), u.setdefault('d', 4), u.setdefault('c', 9), u)
show('pop missing', lambda: u.pop('zz'))
print(u.popitem(), u)
u.update({'x': 1}, y=2)
u.update([('w', 0)])
print(u, list(u.keys()), list(u.values()), list(u.items()))
print(u == {'c': 3, 'x': 1, 'y': 2, 'w': 0}, u == UserDict(u), u != {})
u.clear()
print(u)
show('popitem empty', lambda: u.popitem())
show('hash', lambda: hash(UserDict()))

class D(UserDict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d['a'], d['bb'], d.get('bb'), 'bb' in d)
c = d.copy()
print(c, type(c).__name__, c.data is d.data)
d.extra = 'e'
c = d.copy()
print(c.extra, copy.copy(d).extra, type(copy.copy(d)).__name__, copy.copy(d).data is d.data)
print(copy.deepcopy(d), pickle.loads(pickle.dumps(UserDict(a=[1]))))
print(UserDict.fromkeys('ab'), D.fromkeys('ab', 0), type(D.fromkeys('ab')).__name__)
print(u | {'a': 1}, {'a': 1} | UserDict(b=2), UserDict(a=1) | UserDict(a=2))
print(type(d | {}).__name__, type({} | d).__name__)
show('or list', lambda: UserDict() | [1])
show('ror list', lambda: [1] | UserDict())
u = UserDict(a=1)
u |= {'b': 2}
u |= UserDict(c=3)
u |= [('d', 4)]
print(u)
print(UserDict(self=1, dict=2))
r = UserDict()
r['r'] = r
show('recursive', lambda: repr(r))
print(str(UserDict(a=1)))
print(sorted(UserDict(b=1, a=2)))
print(iter(UserDict(a=1)).__class__.__name__)

# UserList
l = UserList([3, 1, 2])
print(l, repr(l), l.data, len(l), l[0], l[-1], l[1:], type(l[1:]).__name__, 2 in l, 9 in l)
print(UserList(), UserList((1, 2)), UserList(UserList([5])), UserList('ab'), UserList(range(3)))
src = [1, 2]
ul = UserList(src)
print(ul.data is src, ul.data == src)
l.append(4)
l.insert(0, 0)
l.extend([5, 6])
l.extend(UserList([7]))
print(l, l.pop(), l.pop(0), l)
l.remove(4)
print(l, l.count(1), l.index(2), l.index(5, 1), l.index(5, 1, 5))
show('index missing', lambda: l.index(99))
show('remove missing', lambda: l.remove(99))
show('pop empty', lambda: UserList().pop())
show('getitem out', lambda: l[99])
l.reverse()
print(l)
l.sort()
print(l)
l.sort(key=lambda x: -x)
print(l)
l.sort(reverse=False)
l[0] = 'z'
l[1:3] = ['a', 'b', 'c']
print(l)
del l[0]
del l[1:3]
print(l)
l.clear()
print(l)
a = UserList([1, 2])
print(a + [3], a + UserList([4]), a + (5,), [0] + a, (9,) + a, UserList([0]) + a)
print(type(a + [3]).__name__, type([0] + a).__name__)
print(a * 2, 2 * a, a * 0, type(a * 2).__name__)
b = a
a += [3]
a += UserList([4])
a += (5,)
print(a, a is b)
a *= 2
print(a, a is b)
print(a < [9], a <= a, a > [0], a >= UserList([1]), a == a.data, a == UserList(a.data), a != [1])
show('lt int', lambda: a < 5)
show('hash', lambda: hash(a))
c = a.copy()
print(c, type(c).__name__, c.data is a.data)

class L(UserList):
    pass
m = L([3, 1])
print(type(m[:]).__name__, type(m + [1]).__name__, type(m * 2).__name__, type(m.copy()).__name__, type([1] + m).__name__)
print(copy.copy(m), type(copy.copy(m)).__name__, copy.deepcopy(m), pickle.loads(pickle.dumps(UserList([1, 2]))))
m.attr = 1
print(copy.copy(m).attr)
print(list(reversed(UserList([1, 2, 3]))), sorted(UserList([3, 1])), UserList([1, 2]) == [1, 2])
print(str(UserList([1])), bool(UserList()), bool(UserList([0])))
print(iter(UserList([1])).__class__.__name__)
print(UserList([1, 2, 3]).__getitem__(slice(None, None, -1)))
