# Exercises heapq and bisect, including stability, key functions and errors.
import heapq
import bisect
from heapq import *


from _show import show


data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 5, 3]
h = []
for x in data:
    heappush(h, x)
print(h, [heappop(h) for _ in range(len(h))])
h = list(data)
heapify(h)
print(h, heappushpop(h, -1), heappushpop(h, 100), heapreplace(h, 4), h)
show('heappop empty', lambda: heappop([]))
show('heapreplace empty', lambda: heapreplace([], 1))
print(heappushpop([], 3))
h = []
for item in [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]:
    heappush(h, item)
print([heappop(h) for _ in range(4)])
print(nsmallest(3, data), nlargest(3, data), nsmallest(0, data), nlargest(-1, data))
print(nsmallest(20, data), nlargest(20, data), nsmallest(1, data), nlargest(1, []))
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff']
print(nsmallest(3, words, key=len), nlargest(3, words, key=len), nlargest(2, iter(words), len))
print(list(merge([1, 3, 5], [2, 4, 6], [0, 7])), list(merge()), list(merge([], [1])))
print(list(merge(['a', 'bb'], ['c', 'dd', 'e'], key=len)))
print(list(merge([5, 3, 1], [4, 2], reverse=True)), list(merge([3, 1], [4, 1], key=lambda x: -x, reverse=False)))
print(list(merge([(1, 'a'), (2, 'b')], [(1, 'c')])))
show('heappush type', lambda: heappush([1], 'a'))

print('--- bisect')
a = [1, 2, 4, 4, 4, 8]
for x in (0, 1, 3, 4, 5, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x),
          bisect.bisect_left(a, x, 2), bisect.bisect_right(a, x, 0, 3))
show('lo negative', lambda: bisect.bisect_left(a, 1, -1))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 5.0)
print(b, [type(v).__name__ for v in b])
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1])
bisect.insort_left(recs, ('e', 3), key=lambda r: r[1])
print(recs)


def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
