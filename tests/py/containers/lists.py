# list: methods, slicing with steps, sorting (stability, keys, errors), operators, iterators.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

a = list(range(10))
print(a[::2], a[1::3], a[::-3], a[7:2:-2], a[-3:], a[:-8], a[100:], a[-100:1])
b = a[:]
b[2:5] = 'xyz'
print(b)
b[::3] = [None] * len(b[::3])
print(b)
del b[1::2]
print(b)
b[len(b):] = [1, 2]
b[:0] = [0]
print(b)
b[1:3] = b
print(b)
print(attempt(lambda: b.__setitem__(slice(None, None, 2), [1])))
print(attempt(lambda: b.__setitem__(slice(0, 1), 5)))
print(attempt(lambda: a[1.5]), attempt(lambda: a['x']), attempt(lambda: a[10]))
print(attempt(lambda: [].pop()), attempt(lambda: [1].pop(5)), attempt(lambda: [1].remove(2)))
print(attempt(lambda: [1, 2].index(3)), attempt(lambda: ['a'].index('b')), [1, 2, 3, 2].index(2, 2))
print(attempt(lambda: [1] + (2,)), attempt(lambda: [1] * 1.5), attempt(lambda: [1] < 1))

records = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1)]
print(sorted(records), sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: r[1], reverse=True))
words = 'The quick brown fox jumps over the lazy dog'.split()
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [5, -3, 2.5, 10, 0, -7.25, 3]
nums.sort()
print(nums)
print(attempt(lambda: sorted([1, 'a', 2])), attempt(lambda: sorted([3, None])))
big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], s == sorted(big, reverse=True)[::-1], len(s))
try:
    lst = [3, 1, 2]
    lst.sort(key=lambda x: lst.append(x) or x)
except ValueError as e:
    print('ValueError', e)

class Key:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return 'K%d' % self.v
print(sorted([Key(3), Key(1), Key(2)]), max([Key(3), Key(5)], key=lambda k: k.v))

r = [1, 2]
r.append(r)
print(r, len(r))
x = [1, 2, 3]
it = iter(x)
print(next(it), list(it), list(it))
rit = reversed(x)
x.append(4)
print(list(rit), list(reversed([])))
grow = [1]
for v in grow:
    if v < 5:
        grow.append(v + 1)
print(grow)
c = [1, 2]
c += range(3)
c *= 2
print(c, [0] * -1, 2 * [None], [] * 5)
print([1, 2] == [1, 2], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, [2]] == [1, [2]], [float('nan')] == [float('nan')])
n = float('nan')
print([n] == [n], n in [n], [1, 2].count(1.0))
print(list[int], list.__class_getitem__(str))
class L(list):
    pass
l = L([3, 1])
l.sort()
print(l, type(l).__name__, type(l + l).__name__, type(l[:]).__name__, l == [1, 3])
