# set and frozenset: operators and methods with any iterables, comparisons, hashing, errors,
# mutation during iteration, subclasses and reprs.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

a = set(range(10))
b = {x * 2 for x in range(8)}
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.intersection(range(5), [1, 2, 3, 99])), sorted(a.union(range(12, 14), (20,))), sorted(a.difference(range(8), [9])))
print(sorted(a.symmetric_difference([1, 1, 20])), a.issubset(range(20)), a.issuperset([1, 2]), a.isdisjoint({100}))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {1, 2}, {1, 2} == frozenset({2, 1}), {1} != {1})
print(attempt(lambda: {1} | [2]), attempt(lambda: {1} < [1]), attempt(lambda: {1} & 'a'), {1} == [1])
s = set()
for i in range(1000):
    s.add(i % 37)
print(len(s), 36 in s, 37 in s, sorted(s)[:3])
while len(s) > 3:
    s.pop()
print(len(s))
print(attempt(lambda: set().pop()), attempt(lambda: {1}.remove(2)), attempt(lambda: {1}.remove([1])), {1}.discard(2))
print(attempt(lambda: {[1]}), attempt(lambda: set([{}])), attempt(lambda: hash({1})), attempt(lambda: frozenset().add))
f = frozenset('hello')
print(sorted(f), type(f | {1}).__name__, type({1} | f).__name__, type(f.copy()).__name__, f.copy() is f)
print(hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])), frozenset() == set(), {frozenset({1}): 'x'}[frozenset([1])])
print({1} in {frozenset({1})}, {frozenset({1}), frozenset({2})} == {frozenset({2}), frozenset({1})})
t = {1, 2, 3}
t -= {1}; t |= {10}; t &= {2, 3, 10, 11}; t ^= {3, 99}
print(sorted(t))
u = {1, 2, 3}
u.update([4], (5,)); u.intersection_update(range(2, 10), [2, 3, 4, 5, 6]); u.difference_update([2]); u.symmetric_difference_update([3, 7])
print(sorted(u))
try:
    for v in u:
        u.add(v * 100)
except RuntimeError as e:
    print('RuntimeError', e)
print(repr(set()), repr({5}), repr(frozenset()), repr(frozenset({5})))
class S(set):
    pass
class F(frozenset):
    pass
print(S(), S([1]), F(), F([2]), type(S([1]) | {2}).__name__, S([1]) == {1})
print({1, 1.0, True}, len({0, 0.0, False, -0.0}), set('aab') == {'a', 'b'})
print(set[int], frozenset[str])
words = ['x', 'y', 'x', 'z']
seen = set()
print([w for w in words if not (w in seen or seen.add(w))])
