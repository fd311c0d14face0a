# Exceptions: raise/catch in loops, class hierarchies, else/finally, re-raise, built-in errors.
import sys


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise NotFound(k) from None


def run(n):
    d = {i: i * 2 for i in range(0, 100, 3)}
    hits = misses = cleanups = 0
    for i in range(n):
        try:
            v = lookup(d, i % 100)
        except AppError as e:
            misses += e.key & 1
        else:
            hits += v & 3
        finally:
            cleanups += 1
        try:
            int("x" if i % 5 == 0 else "7")
        except ValueError:
            misses += 1
    return hits, misses, cleanups


n = int(240_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))
