# tuple and range: construction, indexing and slicing, comparisons, hashing, big ranges, slice
# objects and their indices.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

t = tuple(range(6))
print(t, t[::2], t[::-1], t[4:1:-1], t[-2:], (), (1,), tuple('ab'), tuple([1, [2]]))
print(t + (6,), t * 0, 2 * (1, 2), (1, 2) < (1, 2, 3), (2,) > (1, 9), (1, 'a') == (1, 'a'))
print(attempt(lambda: t[6]), attempt(lambda: t['a']), attempt(lambda: t + [1]), attempt(lambda: t.index(9)))
print(attempt(lambda: (1, 'a') < ('a', 1)), attempt(lambda: hash(([],))), t.count(3), t.index(3, 2, 5))
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))), hash(()) == hash(tuple()))
x = ([1],)
x[0].append(x)
print(x)
class P(tuple):
    def total(self):
        return sum(self)
p = P((1, 2, 3))
print(p, p.total(), type(p[:]).__name__, type(p + p).__name__, p == (1, 2, 3), p.__getnewargs__())
print(tuple[int, ...], tuple[()])

r = range(3, 20, 4)
print(r, list(r), len(r), r[1], r[-1], r[1:3], r[::-1], r[::2], 7 in r, 8 in r, 7.0 in r, r.index(11), r.count(11))
print(range(5), range(2, 5), range(5, 2, -1), list(range(5, 2, -1)), range(0), bool(range(0)), bool(range(1)))
print(attempt(lambda: range(1, 2, 0)), attempt(lambda: range(1.5)), attempt(lambda: range()), attempt(lambda: r[10]))
print(attempt(lambda: r.index(8)), attempt(lambda: r['a']), attempt(lambda: range(3).index('a')))
print(range(0) == range(5, 1), range(1, 2) == range(1, 3, 5), range(3) == range(0, 3, 1), range(3) != range(4))
print(hash(range(0)) == hash(range(4, 2)), hash(range(3)) == hash(range(0, 3)), r.start, r.stop, r.step)
g = range(2 ** 70)
print(g[5], g[-1], 2 ** 64 in g, attempt(lambda: len(g)), g[2 ** 69:2 ** 69 + 3], len(g[::2 ** 68]))
h = range(2 ** 62 - 2, 2 ** 62 + 2)
print(list(h), list(reversed(h)), list(reversed(range(0))), list(reversed(range(-3, 3, 2))))
print(sum(range(100000)), list(range(10, 0, -3)), [i for i in range(-5, 5, 3)])
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
print(slice(None, None, -1).indices(5), slice(-100, 100).indices(10), slice(100, -100, -3).indices(10))
print(attempt(lambda: slice(1, 2, 0).indices(3)), attempt(lambda: slice(1).indices(-1)), attempt(lambda: hash(slice(1))))
print(attempt(lambda: [1, 2][slice('a', None)]), [1, 2, 3][slice(-10 ** 30, 10 ** 30)])
