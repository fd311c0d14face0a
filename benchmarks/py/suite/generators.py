# Generator pipelines: yield, yield from, generator expressions, send().
import sys


def numbers(n):
    for i in range(n):
        yield i


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def chained(n):
    yield from numbers(n // 2)
    yield from numbers(n - n // 2)


def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


def run(n):
    s = sum(evens(numbers(n)))
    s += sum(x * 2 for x in chained(n))
    a = averager()
    next(a)
    for i in range(n // 4):
        last = a.send(i)
    return s + last


n = int(600_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))
