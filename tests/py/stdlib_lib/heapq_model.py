# heapq against CPython item for item: heap layouts after mixed operations, selections with
# ties and keys, merges, and the errors for bad arguments.
import heapq

state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n


for trial in range(30):
    h = []
    ops = []
    for _ in range(40):
        op = rand(4)
        if op == 0 or not h:
            heapq.heappush(h, rand(20))
        elif op == 1:
            ops.append(heapq.heappop(h))
        elif op == 2:
            ops.append(heapq.heapreplace(h, rand(20)))
        else:
            ops.append(heapq.heappushpop(h, rand(20)))
    print(h, ops)
    data = [rand(10) for _ in range(rand(15))]
    heapq.heapify(data)
    print(data)

pairs = [(rand(5), i) for i in range(25)]
for n in (0, 1, 2, 3, 7, 24, 25, 30):
    print(n, heapq.nsmallest(n, pairs, key=lambda p: p[0]), heapq.nlargest(n, iter(pairs), key=lambda p: p[0]))
    print(n, heapq.nsmallest(n, iter([3, 1, 2, 1, 3])), heapq.nlargest(n, [3, 1, 2, 1, 3]))

runs = [sorted(rand(10) for _ in range(rand(6))) for _ in range(5)]
print(list(heapq.merge(*runs)))
print(list(heapq.merge(*[[(v, i) for v in r] for i, r in enumerate(runs)], key=lambda t: t[0])))
print(list(heapq.merge(*[sorted(r, reverse=True) for r in runs], reverse=True)))
print(list(heapq.merge(['x1', 'y1'], ['x2', 'y2'], key=lambda s: s[0], reverse=False)))
print(list(heapq.merge(['y1', 'x1'], ['y2', 'x2'], key=lambda s: s[0], reverse=True)))
print(list(heapq.merge(iter([]), iter([1, 2]))))


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print('  compare', self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return f'L{self.v}'


h = []
for v in (5, 2, 8, 1):
    heapq.heappush(h, Loud(v))
print(h, heapq.heappop(h), h)

for call in (lambda: heapq.heappush(None, 1), lambda: heapq.heappop(None), lambda: heapq.heapify(None),
             lambda: heapq.heapreplace((1,), 1), lambda: heapq.heappushpop('x', 1),
             lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1], 'a'),
             lambda: heapq.nsmallest(None, [1])):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
