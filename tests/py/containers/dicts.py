# dict: ordering, deletion and reinsertion, views, set operations on views, mutation during
# iteration, __missing__, update forms and their errors, equality, repr recursion.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

d = {}
for i in range(100):
    d[i * 31 % 97] = i
for k in list(d)[::2]:
    del d[k]
print(len(d), list(d)[:5], list(d.values())[-3:])
d2 = dict.fromkeys('abcdef', 0)
del d2['c']
d2['c'] = 9
d2['a'] = 1
print(d2, list(d2.items())[-2:], d2.popitem(), d2)
print(attempt(lambda: {}['k']), attempt(lambda: {}[('t', 1)]), attempt(lambda: {}[[1]]), attempt(lambda: {}.popitem()))
print(attempt(lambda: dict([1])), attempt(lambda: dict([(1, 2, 3)])), attempt(lambda: dict(['ab', 'c'])), attempt(lambda: dict(1, 2)))
print(dict([('a', 1)], b=2), dict({'x': 1}, x=2), dict(zip('ab', 'xy')), dict(a=1) == {'a': 1})
class Mapping:
    def keys(self):
        return ['p', 'q']
    def __getitem__(self, k):
        return k * 2
print(dict(Mapping()), {**{'a': 1}, **{'a': 2, 'b': 3}})
k = {'a': 1, 'b': 2, 'c': 3}
print(k.keys() & {'a', 'z'}, sorted(k.keys() | ['q']), sorted(k.keys() - 'a'), sorted(k.keys() ^ {'a', 'z'}))
print(sorted(k.items() & {('a', 1), ('b', 5)}), ('a', 1) in k.items(), ('a', 2) in k.items(), 1 in k.values())
print(k.keys() == {'a', 'b', 'c'}, k.keys() < {'a', 'b', 'c', 'd'}, k.keys() >= {'a'}, k.items() == k.items())
print(k.keys(), k.values(), k.items(), list(reversed(k.items())), list(reversed(k.values())))
print(k.keys().isdisjoint(['x']), len(k.values()), attempt(lambda: k.keys() | 1))
try:
    for key in k:
        k[key + '!'] = 0
except RuntimeError as e:
    print('RuntimeError', e)
try:
    m = {1: 1, 2: 2}
    for key in m:
        del m[key]
        m[key + 10] = 0
except RuntimeError as e:
    print('RuntimeError', e)
class Default(dict):
    def __missing__(self, key):
        self[key] = v = len(key)
        return v
dd = Default()
print(dd['abc'], dd, 'zz' in dd, dd.get('q'), type(dd.copy()).__name__)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in 'hello world':
    c[ch] += 1
print(sorted(c.items()))
r = {'a': 1}
r['self'] = r
print(r)
print({1: 'a'} == {1.0: 'a'}, {1: 2} != {1: 3}, {} == {}, {'a': [1]} == {'a': [1]}, attempt(lambda: {} < {}))
print(attempt(lambda: hash({})), {1: 2} | {1: 3, 4: 5}, attempt(lambda: {} | []))
e = {'x': 1}
e |= [('y', 2)]
print(e, e.setdefault('z'), e, e.pop('z'), e.pop('nope', None), attempt(lambda: e.pop('nope')))
print(dict.fromkeys(range(3)), type(Default.fromkeys('ab')).__name__, Default.fromkeys('ab'))
print(dict[str, int], {i: i * i for i in range(5)})
it = iter({'a': 1})
print(type(it).__name__, type(iter({}.values())).__name__, type(reversed({})).__name__)
big = {str(i): i for i in range(10000)}
print(sum(big.values()), big['9999'], len(big), all(big[str(i)] == i for i in range(0, 10000, 7)))
for i in range(0, 10000, 2):
    del big[str(i)]
print(len(big), list(big)[:3], big.get('4'), big.get('5'))
