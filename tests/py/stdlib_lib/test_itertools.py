# Exercises itertools: results, laziness, consumption and error messages.
import itertools
from itertools import *


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', r)


def take(n, it):
    return list(islice(it, n))


print(take(5, count()), take(3, count(10, -2)), take(3, count(0.5, 0.25)))
c = count(3)
next(c)
print(repr(c), repr(count(1, 2)), repr(count(2, 1.0)), repr(count(step=-1)))
show('count str', lambda: count('a'))
print(take(7, cycle('abc')), list(cycle([])))
print(list(repeat('x', 3)), take(2, repeat(None)), list(repeat(1, -2)))
r = repeat('a', 3)
next(r)
print(repr(r), r.__length_hint__(), repr(repeat(5)))
show('repeat times', lambda: repeat(1, 'a'))

print(list(chain('ab', [1, 2], ())), list(chain()))
print(list(chain.from_iterable(['ab', 'cd'])))
show('chain lazy', lambda: list(chain(1)))
show('from_iterable eager', lambda: chain.from_iterable(1))

print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)),
      list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)),
      list(islice('ABCDEFG', None, None, 3)), list(islice('AB', 5, 10)))
it = iter(range(10))
print(list(islice(it, 0, 5, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 4, 2)), next(it))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
for args in [(-1,), ('a',), (1, 2, 0), (-1, 2), (1, -2), (0, 5, -1), (0, 5, 'x')]:
    show('islice%r' % (args,), lambda: islice([], *args))
show('islice no args', lambda: islice([]))

print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print(list(zip_longest([1], [], [2, 3])))
show('zip_longest', lambda: zip_longest(1))

print(list(product('ab', range(2))), list(product([0, 1], repeat=2)))
print(list(product()), list(product([], [1])), list(product('ab', repeat=0)))
show('product repeat', lambda: product('a', repeat=-1))
show('product', lambda: product(1))

print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(permutations('AB', 3)), list(permutations([], 0)))
show('perm r', lambda: permutations('a', -1))
show('perm r str', lambda: permutations('a', 'x'))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('AB', 3)), list(combinations('AB', 0)))
show('comb r', lambda: combinations('a', -1))
print(list(combinations_with_replacement('ABC', 2)))
print(list(combinations_with_replacement('', 2)),
      list(combinations_with_replacement('', 0)))
show('cwr r', lambda: combinations_with_replacement('a', -1))

print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([3, 4, 6, 2, 1, 9, 0, 7], max)))
import operator
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([])),
      list(accumulate([], initial=0)))
show('accumulate', lambda: accumulate(5))

print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
groups = []
for k, g in groupby('aabbc'):
    groups.append((k, g))
print([(k, list(g)) for k, g in groups])
gb = groupby('aaabbb')
k, g = next(gb)
print(k, next(g))
k2, g2 = next(gb)
print(k2, list(g), list(g2))
print(list(groupby([])))
show('groupby', lambda: groupby(1))

print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, [[1, 2]])))
show('starmap item', lambda: list(starmap(len, [1])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1])))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise('')))

a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
print(tee([1], 0), [list(t) for t in tee('abc', 3)])
show('tee n', lambda: tee([], -1))
show('tee', lambda: tee(1))

# Laziness: nothing is pulled from the source until needed.
pulled = []


def source():
    for i in range(5):
        pulled.append(i)
        yield i


t = takewhile(lambda x: x < 2, source())
print(pulled, list(t), pulled)
