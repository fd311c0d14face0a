# random: exact sequences for fixed seeds (int, negative, big, float, str, bytes), matching CPython.
import random

for seed in [0, 1, 42, -42, 2**100 + 7, 3.25, 'minipy', b'bytes seed', bytearray(b'ba'), '\xe9t\xe9']:
    r = random.Random(seed)
    print(repr(seed), [r.random() for _ in range(2)], r.getrandbits(70), r.randrange(10**20), r.randint(-5, 5))
r = random.Random(2024)
print([r.randint(1, 100) for _ in range(10)])
print([r.randrange(0, 50, 5) for _ in range(5)], [r.randrange(10, 0, -3) for _ in range(5)])
print(r.choice('abcdefg'), r.choice(range(1000)), r.choices('xyz', k=6), r.choices(range(5), weights=[5, 1, 1, 1, 0], k=6))
print(r.choices('ab', cum_weights=[0.5, 1.0], k=4))
deck = list(range(20))
r.shuffle(deck)
print(deck)
print(r.sample(range(100), 7), r.sample('abcdefgh', 3), r.sample(range(10**6), 3), r.sample(['a', 'b'], 2, counts=[2, 3]))
print(r.uniform(1, 2), r.triangular(0, 10, 2), r.gauss(5, 2), r.gauss(5, 2), r.normalvariate(0, 1))
print(r.expovariate(1.5), r.lognormvariate(0, 0.5), r.vonmisesvariate(1.0, 4.0), r.gammavariate(0.5, 2.0))
print(r.gammavariate(3.0, 1.0), r.gammavariate(1.0, 1.0), r.betavariate(2, 5), r.paretovariate(3), r.weibullvariate(1, 1.5))
print(r.randbytes(7), r.getrandbits(0), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33))
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
print(a == [r.random() for _ in range(3)], state[0], len(state[1]), state[2])
random.seed(99)
print(random.random(), random.randint(1, 6), random.choice([1, 2, 3]))
random.seed('x', version=1)
print(random.random())
r2 = random.Random()
r2.seed(12345)
print(r2.random())
for bad in [lambda: r.randrange(0), lambda: r.randrange(5, 5), lambda: r.randrange(0, 10, 0), lambda: r.randrange(1.5),
            lambda: r.choice([]), lambda: r.sample([1, 2], 3), lambda: r.sample({1, 2}, 1), lambda: r.choices('ab', [1]),
            lambda: r.choices('ab', [0, 0]), lambda: r.getrandbits(-1), lambda: r.gammavariate(0, 1),
            lambda: r.seed([1]), lambda: r.setstate((9, (), None)), lambda: r.randrange(1, 5, step=0),
            lambda: r.choices('ab', 3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)


class Dice(random.Random):
    def random(self):
        return 0.5


print(Dice().randint(1, 6), Dice().choice('abc'))
print(random.SystemRandom().random() < 1.0, len(random.SystemRandom().randbytes(4)))
