# Every builtin that consumes an iterator treats a generator's `return value` as exhaustion,
# and consumes lazily (stops pulling as soon as it has its answer).


def g(n=3, result='ret'):
    for i in range(n):
        yield i
    return result


print(list(g()), tuple(g()), sorted(g(), reverse=True), set(g()), frozenset(g()))
print(dict((i, i) for i in g()), dict(zip(g(), g())), ''.join(str(i) for i in g()))
print(''.join(map(str, g())), list(zip(g(), g(2))), list(map(abs, g())), list(enumerate(g())))
print(list(filter(None, g())), list(reversed(list(g()))), sum(g()), min(g()), max(g()))
print(any(g()), all(g()), 1 in g(), 7 in g(), sorted(g(), key=lambda x: -x))
a, b, c = g()
first, *rest = g()
print(a, b, c, first, rest, [*g(), *g()], {*g()}, {**dict.fromkeys(g())})
lst = [9]
lst.extend(g())
lst += g()
print(lst, bytes(g()), bytearray(g()), list(iter(g())))
print([x for x in g()], {x: x for x in g()}, list(x for x in g()))
d = {}
d.update((k, k) for k in g())
s = set()
s.update(g())
print(d, s, str(list(g(0))), list(g(0)), max(g(0), default='empty'))
import itertools
print(list(itertools.chain(g(), g())), list(itertools.islice(g(10), 2)))
print(' '.join(x for x in ('a', 'b')), ', '.join(str(i) for i in g(2)))
try:
    a, b = g()
except ValueError as e:
    print('ValueError', e)
try:
    a, b, c, d = g()
except ValueError as e:
    print('ValueError', e)


def noisy():
    for i in range(10):
        print('produce', i)
        yield i


print(any(x > 1 for x in noisy()))
print(next(x for x in noisy() if x == 1))
it = zip(noisy(), 'ab')
print(list(it))
m = map(str, noisy())
print(next(m), next(m))
e = enumerate(noisy())
print(next(e))


def failing():
    yield 1
    raise KeyError('boom')


for consumer in (list, tuple, sorted, set, sum, ''.join, dict.fromkeys):
    try:
        consumer(failing() if consumer is not ''.join else (str(x) for x in failing()))
    except KeyError as e:
        print(getattr(consumer, '__name__', consumer), 'KeyError', e)
