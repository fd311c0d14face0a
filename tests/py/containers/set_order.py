# Set and frozenset iteration order must be CPython's for int keys (whose hashes are fixed):
# probing with linear runs, growth, dummies and their reuse, pop's finger, and the order in
# which each operation inserts keys. Ints only: str hashes are randomised.
import random

rng = random.Random(20241126)


def ints(n, kind):
    if kind == 0:
        return [rng.randrange(-60, 200) for _ in range(n)]
    if kind == 1:
        return [rng.randrange(10**9) for _ in range(n)]
    if kind == 2:  # many equal low bits: long collision chains
        low = rng.randrange(64)
        return [low + 64 * rng.randrange(1, 10**6) for _ in range(n)]
    if kind == 3:  # big and negative: hashes reduced mod 2**61 - 1, -1 becomes -2
        return [rng.choice([-1, -2, 2**61 - 1, 2**61, -(2**61), 2**64, -(2**70)]) + rng.randrange(4) for _ in range(n)]
    return [rng.randrange(-2**70, 2**70) for _ in range(n)]


def built(xs):
    s = set()
    for x in xs:
        s.add(x)
    return s


# Adds one at a time, then literals and comprehensions of variables (also adds in order).
a, b, c, d = 3747, 3, 80406053, 6
print(built([a, b, c, d]), {a, b, c, d}, {x for x in (a, b, c, d)})
print(built([3008496, 1, 89384, 730, 10]), set([3008496, 1, 89384, 730, 10]))

sizes = [0, 1, 3, 4, 5, 6, 9, 11, 12, 19, 22, 40, 45, 90, 200]
for case in range(60):
    kind = case % 5
    xs = ints(rng.choice(sizes), kind)
    ys = ints(rng.choice(sizes), rng.randrange(5))
    s, t = built(xs), set(ys)
    print("case", case, s, t)
    print(" copies", frozenset(xs), set(s), frozenset(s), s.copy(), set(dict.fromkeys(xs)), set(dict.fromkeys(xs).keys()))
    print(" ops", s | t, t | s, s & t, t & s, s - t, t - s, s ^ t, t ^ s)
    print(" methods", s.union(ys, xs[:4]), s.intersection(ys, t), s.difference(ys), s.difference(dict.fromkeys(ys)),
          s.difference(xs[:3]), s.symmetric_difference(ys), s.symmetric_difference(dict.fromkeys(ys)))
    u = set(s); u |= t; v = set(s); v &= t; w = set(s); w -= t; z = set(s); z ^= t
    print(" inplace", u, v, w, z)
    u = set(s); u.update(ys, dict.fromkeys(xs)); v = set(s); v.intersection_update(ys)
    w = set(s); w.difference_update(ys[:5], xs[::3]); z = set(s); z.symmetric_difference_update(ys)
    print(" updates", u, v, w, z)
    # Deletions leave dummies; later adds may reuse them.
    gone = [x for x in xs if rng.random() < 0.5]
    for x in gone:
        s.discard(x)
    for x in ints(rng.choice(sizes), kind) + gone[: len(gone) // 2]:
        s.add(x)
    print(" readd", s)
    pops = [s.pop() for _ in range(min(len(s), rng.randrange(8)))]
    for x in ints(rng.randrange(6), kind):
        s.add(x)
    print(" pop", pops, s, [s.pop() for _ in range(min(2, len(s)))])
    s.clear()
    s.update(xs[:5])
    print(" after clear", s, s.pop() if s else None)

s = set(range(60000, 0, -1))
print(len(s), list(s)[:5], list(s)[-5:])
for _ in range(59990):
    s.pop()
print(s)
print(set(range(100)) - set(range(3, 97)), set(range(1000, 0, -7)) & set(range(0, 2000, 3)))
