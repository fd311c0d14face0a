# enumerate, zip (strict), map, filter, reversed, iter(seq) through __getitem__ and
# iter(callable, sentinel): laziness, exhaustion and CPython's messages.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate(iterable='x', start=-1)))
print(attempt(lambda: enumerate()), attempt(lambda: enumerate([], 'a')), attempt(lambda: enumerate(1)), attempt(lambda: enumerate([], x=1)))
print(list(zip('abc', range(5), [True, False])), list(zip()), list(zip('ab')))
print(attempt(lambda: list(zip('ab', 'abc', strict=True))), attempt(lambda: list(zip('abc', 'ab', strict=True))))
print(attempt(lambda: list(zip('ab', 'ab', 'a', strict=True))), attempt(lambda: list(zip('a', 'a', 'ab', strict=True))))
print(list(zip('ab', 'xy', strict=True)), attempt(lambda: zip([], x=1)), attempt(lambda: zip(1)))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3, 4], [5, 2])), list(map(lambda *a: a, 'ab', 'cd', 'ef')))
print(attempt(lambda: map(abs)), attempt(lambda: list(map(1, [1]))), attempt(lambda: map(abs, 1)))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
print(attempt(lambda: filter(None)), attempt(lambda: filter(None, 1)))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(4))), list(reversed({'a': 1, 'b': 2})))
print(attempt(lambda: reversed(1)), attempt(lambda: reversed({1})), attempt(lambda: reversed()), attempt(lambda: reversed(x=1)))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), 20 in Seq(), list(iter(Seq())))
class Rev:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 0
    def __getitem__(self, i):
        raise IndexError
print(attempt(lambda: reversed(NoRev())))
items = [3, 2, 1]
print(list(iter(items.pop, 1)), items)
calls = []
def producer():
    calls.append(1)
    return len(calls)
print(list(iter(producer, 4)), attempt(lambda: iter(1, 2)))
def noisy(x):
    print('visit', x)
    return x
m = map(noisy, [1, 2, 3])
print('map made')
print(next(m), next(m))
z = zip(map(noisy, 'ab'), map(noisy, 'xyz'))
print(list(z), list(z))
e = enumerate(iter([5, 6]))
print(next(e), list(e), list(e))
f = filter(None, iter([0, 7, 0]))
print(next(f), next(f, 'done'))
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__)
print(type(reversed(Seq())).__name__, type(iter(Seq())).__name__, type(iter(producer, 0)).__name__, type(reversed([])).__name__)
print(reversed(Seq()).__length_hint__(), isinstance(enumerate([]), enumerate), sorted(zip([3, 1, 2], 'cab')))
print(dict(enumerate('xy')), dict(zip('ab', range(2))), max(map(len, ['a', 'bbb', 'cc'])), sum(filter(None, [1, None and 2, 3])))
