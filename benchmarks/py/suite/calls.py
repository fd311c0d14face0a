# Function and method calls: positional, keyword, default arguments, closures, bound methods.
import sys


def add(a, b):
    return a + b


def kw(a, b=2, *, c=3):
    return a * b + c


def make_counter():
    n = 0

    def bump(k):
        nonlocal n
        n += k
        return n
    return bump


class Acc:
    def __init__(self):
        self.total = 0

    def push(self, v):
        self.total += v
        return self.total


def run(n):
    t = 0
    bump = make_counter()
    acc = Acc()
    for i in range(n):
        t = add(t, i) & 0xFFFFFF
        t += kw(i, c=1) & 0xFF
        bump(1)
        acc.push(i & 7)
    return t + bump(0) + acc.total


n = int(600_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))
