# The collector's marker threads start late: with the first thread, or at the first safe point
# after the first collection. Objects built before, during and after that moment, and by
# threads started before and after it, must all survive collections intact.
import gc
import threading


def build(n, tag):
    return [(tag, i, [i] * 3, {'k': str(i)}) for i in range(n)]


def check(items, tag):
    return all(t == tag and l == [i] * 3 and d['k'] == str(i)
               for t, i, l, d in items)


before = build(20000, 'before')
gc.collect()  # the first collection asks for the markers; the loop below reaches a safe point
during = []
for i in range(50000):
    during.append((i, str(i)))
after = build(20000, 'after')
gc.collect()
print(check(before, 'before'), check(after, 'after'),
      all(s == str(i) for i, s in during))

results = {}


def worker(k):
    mine = build(5000, k)
    for _ in range(3):
        junk = [bytes(100) for _ in range(2000)]
        gc.collect()
    results[k] = check(mine, k) and len(junk) == 2000


threads = [threading.Thread(target=worker, args=(f't{k}',)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print(check(before, 'before'), check(after, 'after'))
