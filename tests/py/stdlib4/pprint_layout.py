# pprint line breaking on generated nested data (a fixed pseudo-random sequence), across
# widths, indents, compact and depth settings.
import collections
import pprint

state = 12345


def rand(n):
    """A number in range(n) from a linear congruential generator (same on every Python)."""
    global state
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n


def word():
    return 'abcdefghij'[:1 + rand(10)]


def scalar():
    kind = rand(7)
    if kind == 0:
        return rand(10 ** (1 + rand(12))) - 500
    if kind == 1:
        return ' '.join(word() for _ in range(rand(14)))
    if kind == 2:
        return 'line\n' * rand(3) + word()
    if kind == 3:
        return bytes(rand(256) for _ in range(rand(24)))
    if kind == 4:
        return rand(1000) / 8
    return (None, True, False)[rand(3)]


def value(depth):
    if depth > 2 or rand(10) < 3:
        return scalar()
    n = rand(8)
    kind = rand(6)
    if kind == 0:
        return [value(depth + 1) for _ in range(n)]
    if kind == 1:
        return tuple(value(depth + 1) for _ in range(n))
    if kind == 2:
        return {(word() if rand(2) else rand(100)): value(depth + 1) for _ in range(n)}
    if kind == 3:
        return collections.OrderedDict((word(), value(depth + 1)) for _ in range(n))
    if kind == 4:
        return collections.deque((value(depth + 1) for _ in range(n)), maxlen=(None, 10)[rand(2)])
    # Sets are laid out sorted only when split, so keep them wider than the line.
    return {rand(10 ** 9) for _ in range(12 + n)}


for i in range(40):
    obj = value(0)
    options = dict(indent=1 + i % 4, compact=bool(i % 2), depth=(None, None, 2, 3)[i % 4],
                   sort_dicts=bool(i % 3))
    print('#', i, options)
    for width in (8, 40, 80):
        print(pprint.pformat(obj, width=width, **options))
    print(pprint.isreadable(obj), pprint.isrecursive(obj))
