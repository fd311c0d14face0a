# reprlib: size-limited reprs of every supported type, limits, subclass dispatch, recursive_repr.
import collections
import reprlib
import threading



class array(list):
    """Stands in for array.array: reprlib dispatches on the type's name."""

    def __init__(self, typecode, items=()):
        super().__init__(items)
        self.typecode = typecode


r = reprlib.Repr()
print(sorted(vars(r).items()))
print(reprlib.aRepr.maxlist, reprlib.repr is not None, sorted(reprlib.__all__))
samples = [
    [], [1], list(range(6)), list(range(7)), (), (1,), tuple(range(6)), tuple(range(7)), ('a', 'b'),
    {}, {1: 2}, {i: i * i for i in range(4)}, {i: i for i in range(5)}, {'b': 1, 'a': 2, 3: 4},
    set(), {3}, set(range(6)), set(range(7)), {'z', 'a', 'c'}, frozenset(), frozenset({2, 1}), frozenset(range(9)),
    collections.deque(), collections.deque([1]), collections.deque(range(6)), collections.deque(range(7)),
    array('i'), array('d', [1.5]), array('b', range(5)), array('b', range(6)),
    '', 'a' * 30, 'a' * 31, 'abcdefghijklmnopqrstuvwxyz0123456789', "it's", 'x"y' * 20, '\n' * 40,
    b'bytes' * 20, 0, -5, 10**39, 10**40, -10**40, 2**300, True, None, 3.5, 1e300, 2j,
    range(10), slice(1, 2), 'x' * 10,
    [[[[[[[[1]]]]]]]], ((((((((1,),),),),),),),), [{}, {1: [2, [3, [4, [5, [6]]]]]}], [[], (), {}, set()],
]
for value in samples:
    print(r.repr(value))
print(r.repr(collections.OrderedDict(a=1)), r.repr(collections.Counter('aab')), r.repr(collections.defaultdict(int)))


class Bad:
    def __repr__(self):
        raise ValueError('broken')


class Long:
    def __repr__(self):
        return '<' + 'x' * 60 + '>'


class MyList(list):
    pass


class MyDict(dict):
    pass


class My_int(int):
    pass


text = r.repr(Bad())
print(text.startswith('<Bad instance at 0x'), text.endswith('>'))
print(r.repr(Long()), r.repr(MyList(range(10))), r.repr(MyDict(a=1)), r.repr(My_int(5)))
print(r.repr([Bad()])[:15], r.repr({1: Long()}))
print(r.repr(len), r.repr(type), r.repr(int))

for level in (0, 1, 2):
    q = reprlib.Repr()
    q.maxlevel = level
    print(level, q.repr([]), q.repr([1]), q.repr([[1]]), q.repr({}), q.repr({1: 2}), q.repr(()), q.repr((1,)),
          q.repr(set()), q.repr({1}), q.repr(frozenset({1})), q.repr(collections.deque([1])), q.repr(array('i', [1])),
          q.repr('abc'), q.repr(7), q.repr({1: {2: 3}}))

q = reprlib.Repr()
q.maxstring = 5
q.maxlong = 4
q.maxother = 6
q.maxlist = q.maxtuple = q.maxset = q.maxfrozenset = q.maxdeque = q.maxarray = 2
q.maxdict = 1
for value in ['abcdefgh', 'abcdef', 'abc', "a'b\"cdef", 123456, 1234, -123, Long(), [1, 2, 3], (1, 2, 3), {1, 2, 3},
              frozenset({1, 2, 3}), collections.deque([1, 2, 3]), array('h', [1, 2, 3]), {1: 2, 3: 4}, [1, 2]]:
    print(q.repr(value))
for limit in (0, 1, 2, 3, 4):
    q.maxstring = q.maxlong = q.maxother = limit
    print(limit, q.repr('abcdefghij'), q.repr(10**12), q.repr(Long()))
q = reprlib.Repr()
q.fillvalue = '<+>'
print(q.repr(list(range(10))), q.repr('z' * 50), q.repr(10**50), q.repr([[[[[[[[]]]]]]]]), q.repr([[[[[[[[1]]]]]]]]))
q.maxlevel = 0
print(q.repr({1: 2}), q.repr([1]), q.repr(set()), q.repr(frozenset()))


class Sub(reprlib.Repr):
    def repr_float(self, x, level):
        return 'F(%g)' % x

    def repr_My_int(self, x, level):
        return 'mine'

    def repr_my_type(self, x, level):
        return 'spaced!'

    def repr_list(self, x, level):
        return 'L' + super().repr_list(x, level)


class Spaced:
    pass


Spaced.__name__ = 'my type'
s = Sub()
print(s.repr([1.5, 2.25]), s.repr(My_int(3)), s.repr(Spaced()), s.repr({1: 0.5}), s.repr1(3.0, 1), s.repr1([1], 0))
print(s.repr_str('abc', 3), s.repr_int(5, 3), s.repr_tuple((1, 2), 3), s.repr_instance(Long(), 1))


class Unorderable:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'U%d' % self.n


print(r.repr({(1,)}), r.repr({Unorderable(1): 1}), r.repr(frozenset([Unorderable(2)])))
print(r.repr({1: 'a', 'b': 2}), r.repr({2: 0, 1: 0}))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        """Shows the tree."""
        return 'Node(%s, %r)' % (self.name, self.children)


a = Node('a')
b = Node('b')
a.children += [b, a]
b.children.append(a)
print(repr(a), repr(b), str([a]))
print(Node.__repr__.__name__, Node.__repr__.__qualname__, Node.__repr__.__doc__, Node.__repr__.__module__)
print(hasattr(Node.__repr__, '__wrapped__'))


class Pair:
    def __init__(self):
        self.other = None

    @reprlib.recursive_repr(fillvalue='<cycle>')
    def __repr__(self) -> str:
        return 'Pair(%r)' % (self.other,)


p1, p2 = Pair(), Pair()
p1.other, p2.other = p2, p1
print(repr(p1), Pair.__repr__.__annotations__)

# The guard is per thread: another thread's repr of the same object is not a cycle.
results = []
started = []


class Slow:
    @reprlib.recursive_repr()
    def __repr__(self):
        if not started:
            started.append(1)
            t = threading.Thread(target=lambda: results.append(repr(self)))
            t.start()
            t.join()
        return 'Slow'


print(repr(Slow()), results)


class Raises:
    @reprlib.recursive_repr()
    def __repr__(self):
        raise KeyError('oops')


x = Raises()
for _ in range(2):
    try:
        repr(x)
    except KeyError as e:
        print('KeyError', e)
