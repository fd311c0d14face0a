# Exercises collections.abc: structural checks on builtins and user
# classes, registrations, and the mixin methods.
from collections import abc
from collections.abc import *


def gen():
    yield 1


async def coro():
    pass


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class OnlyIter:
    def __iter__(self):
        return iter([])


class NoHash:
    __hash__ = None


class Call:
    def __call__(self):
        pass


c = coro()
samples = [1, 'abc', b'ab', bytearray(b'x'), [1], (1,), {1: 2}, {1}, frozenset(),
           range(3), iter([]), gen(), c, It(), OnlyIter(), NoHash(), Call(), len,
           {}.keys(), {}.values(), {}.items()]
names = ['Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized',
         'Container', 'Collection', 'Callable', 'Sequence', 'MutableSequence',
         'Mapping', 'MutableMapping', 'Set', 'MutableSet', 'Awaitable',
         'Coroutine', 'ByteString', 'MappingView', 'KeysView', 'ItemsView',
         'ValuesView', 'AsyncIterable', 'AsyncIterator']
for s in samples:
    print(type(s).__name__.ljust(14),
          ' '.join(n for n in names if isinstance(s, getattr(abc, n))))
c.close()
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, Hashable))
print(repr(Iterable), Iterable.__module__, Sequence.__mro__[1:3])


class MySeq(Sequence):
    def __init__(self, data):
        self.data = data

    def __getitem__(self, i):
        return self.data[i]

    def __len__(self):
        return len(self.data)


s = MySeq([1, 2, 3, 2])
print(list(s), 2 in s, 9 in s, list(reversed(s)), s.index(2), s.count(2), s.index(2, 2))
try:
    s.index(7)
except ValueError as e:
    print('ValueError', repr(e))
print(isinstance(s, Reversible), isinstance(s, Collection), isinstance(s, MutableSequence))


class MyList(MutableSequence):
    def __init__(self):
        self.data = []

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def __len__(self):
        return len(self.data)

    def insert(self, i, v):
        self.data.insert(i, v)


ml = MyList()
ml.append(1)
ml.extend([2, 3, 4])
ml += [5]
ml.reverse()
print(ml.data, ml.pop(), ml.pop(0), ml.data)
ml.remove(3)
print(ml.data)
ml.clear()
print(ml.data)
try:
    Sequence()
except TypeError as e:
    print(e)


class MyMap(Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)

    def __repr__(self):
        return 'MyMap(%r)' % self.d


m = MyMap(a=1, b=2)
print(m.keys(), m.values(), m.items())
print(m.get('a'), m.get('z', 0), 'a' in m, 'z' in m, list(m.keys()), list(m.values()),
      list(m.items()), m == {'a': 1, 'b': 2}, m == MyMap(a=1), m != {'a': 1, 'b': 2})
print(m.items() & {('a', 1)}, sorted(m.keys() | {'c'}), m.keys() - {'a'},
      ('a', 1) in m.items(), 2 in m.values(), len(m.keys()))


class MyMut(MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mm = MyMut()
mm.update({'a': 1}, b=2)
mm.update([('c', 3)])
print(mm.d, mm.setdefault('a', 9), mm.setdefault('z', 0), mm.pop('z'), mm.pop('q', 'dflt'))
print(mm.popitem(), mm.d)
mm.clear()
print(mm.d)
try:
    mm.pop('missing')
except KeyError as e:
    print('KeyError', e)
try:
    mm.popitem()
except KeyError as e:
    print('KeyError', repr(e))


class MySet(Set):
    def __init__(self, items=()):
        self.items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return 'MySet(%r)' % self.items


a = MySet([1, 2, 3])
b = MySet([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, a <= b, MySet([2]) < a, a == MySet([3, 2, 1]),
      a.isdisjoint([7]), a.isdisjoint(b), [1] - MySet([1]) if False else a - {1})
print({1, 5} - a, {9} | a, a >= MySet([1]), a > a, a._hash() == MySet([3, 1, 2])._hash())


class MyMutSet(MutableSet):
    def __init__(self, items=()):
        self.s = set(items)

    def __contains__(self, x):
        return x in self.s

    def __iter__(self):
        return iter(sorted(self.s))

    def __len__(self):
        return len(self.s)

    def add(self, x):
        self.s.add(x)

    def discard(self, x):
        self.s.discard(x)


ms = MyMutSet([1, 2])
ms |= {3}
ms -= {1}
ms ^= {2, 9}
print(sorted(ms.s), ms.pop(), sorted(ms.s))
ms &= {9}
print(sorted(ms.s))
try:
    ms.remove(100)
except KeyError as e:
    print('KeyError', e)
ms.clear()
print(ms.s)
print(abc.Iterator.__iter__(iter([1])) is not None, list(It()))


class G(Generator):
    def send(self, v):
        raise StopIteration

    def throw(self, *a):
        raise StopIteration


g = G()
print(isinstance(g, Iterator), list(g), g.close())
print(list[int], Iterable[int], Mapping[str, int])
