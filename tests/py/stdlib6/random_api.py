# random: argument checking, error messages, subclass hooks, state, pickling, SystemRandom.
import copy
import pickle
import random
import warnings

r = random.Random(8)


def attempt(label, func):
    try:
        print(label, repr(func()))
    except Exception as e:
        print(label, type(e).__name__, e)


cases = [
    ('randrange 0', lambda: r.randrange(0)),
    ('randrange -3', lambda: r.randrange(-3)),
    ('randrange empty', lambda: r.randrange(5, 5)),
    ('randrange neg width', lambda: r.randrange(5, 2)),
    ('randrange zero step', lambda: r.randrange(0, 10, 0)),
    ('randrange empty step', lambda: r.randrange(0, 10, -2)),
    ('randrange empty step2', lambda: r.randrange(10, 0, 3)),
    ('randrange frac start', lambda: r.randrange(1.5)),
    ('randrange frac stop', lambda: r.randrange(0, 10.5)),
    ('randrange frac step', lambda: r.randrange(0, 10, 2.5)),
    ('randrange str', lambda: r.randrange('7')),
    ('randrange bad str', lambda: r.randrange('a')),
    ('randrange None', lambda: r.randrange(None)),
    ('randrange step only', lambda: r.randrange(10, step=2)),
    ('randrange step kw', lambda: r.randrange(0, 10, step=0)),
    ('randrange no args', lambda: r.randrange()),
    ('randrange bool', lambda: r.randrange(True)),
    ('randint reversed', lambda: r.randint(3, 1)),
    ('randint float', lambda: r.randint(1, 2.5)),
    ('choice empty', lambda: r.choice([])),
    ('choice empty str', lambda: r.choice('')),
    ('choice dict', lambda: r.choice({})),
    ('choice dict1', lambda: r.choice({1: 'a'})),
    ('choice set', lambda: r.choice({1})),
    ('choice int', lambda: r.choice(5)),
    ('shuffle tuple', lambda: r.shuffle((1, 2))),
    ('shuffle one', lambda: r.shuffle((1,))),
    ('shuffle str', lambda: r.shuffle('ab')),
    ('sample big', lambda: r.sample([1, 2], 3)),
    ('sample neg', lambda: r.sample([1, 2], -1)),
    ('sample set', lambda: r.sample({1, 2}, 1)),
    ('sample dict', lambda: r.sample({1: 2}, 1)),
    ('sample iter', lambda: r.sample(iter([1]), 1)),
    ('sample k float', lambda: r.sample(range(5), 2.0)),
    ('sample no k', lambda: r.sample(range(5))),
    ('sample counts len', lambda: r.sample('ab', 1, counts=[1])),
    ('sample counts zero', lambda: r.sample('ab', 1, counts=[0, 0])),
    ('sample counts float', lambda: r.sample('ab', 1, counts=[1.0, 2])),
    ('sample counts neg', lambda: r.sample('ab', 1, counts=[-1, 3])),
    ('sample counts big k', lambda: r.sample('ab', 4, counts=[1, 2])),
    ('sample counts empty', lambda: r.sample('', 0, counts=[])),
    ('choices positional k', lambda: r.choices('ab', 3)),
    ('choices bad weights', lambda: r.choices('ab', 3.0)),
    ('choices weights len', lambda: r.choices('ab', [1])),
    ('choices cum len', lambda: r.choices('ab', cum_weights=[1, 2, 3])),
    ('choices both', lambda: r.choices('ab', [1, 1], cum_weights=[1, 2])),
    ('choices zero', lambda: r.choices('ab', [0, 0])),
    ('choices negative', lambda: r.choices('ab', [-1, -1])),
    ('choices inf', lambda: r.choices('ab', [float('inf'), 1])),
    ('choices nan', lambda: r.choices('ab', [float('nan'), 1])),
    ('choices empty', lambda: r.choices([], k=1)),
    ('choices empty w', lambda: r.choices([], [], k=1)),
    ('choices k0', lambda: r.choices('ab', k=0)),
    ('choices kneg', lambda: r.choices('ab', [1, 1], k=-2)),
    ('getrandbits neg', lambda: r.getrandbits(-1)),
    ('getrandbits float', lambda: r.getrandbits(1.0)),
    ('randbytes neg', lambda: r.randbytes(-1)),
    ('randbytes float', lambda: r.randbytes(1.0)),
    ('seed list', lambda: r.seed([1])),
    ('seed dict v1', lambda: r.seed({}, version=1)),
    ('seed v3 int', lambda: r.seed(3, version=3)),
    ('seed v3 str', lambda: r.seed('s', version=3)),
    ('seed v1 bytearray', lambda: r.seed(bytearray(b'q'), version=1)),
    ('Random list', lambda: random.Random([1])),
    ('Random 2 args', lambda: random.Random(1, 2)),
    ('setstate v1', lambda: r.setstate((1, (0,) * 625, None))),
    ('setstate short', lambda: r.setstate((3, (0,) * 10, None))),
    ('setstate not tuple', lambda: r.setstate((3, [0] * 625, None))),
    ('setstate 2 items', lambda: r.setstate((3, ()))),
    ('setstate bad index', lambda: r.setstate((3, (0,) * 624 + (700,), None))),
    ('setstate v2 bad', lambda: r.setstate((2, ('x',) * 625, None))),
    ('gamma zero', lambda: r.gammavariate(0, 1)),
    ('gamma neg beta', lambda: r.gammavariate(1, -1)),
    ('beta zero', lambda: r.betavariate(0, 1)),
    ('beta zero b', lambda: r.betavariate(1, 0)),
    ('expo zero', lambda: r.expovariate(0)),
    ('pareto zero', lambda: r.paretovariate(0)),
    ('weibull zero', lambda: r.weibullvariate(1, 0)),
    ('triangular same', lambda: r.triangular(2, 2)),
    ('triangular same mode', lambda: r.triangular(2, 2, 2)),
    ('triangular mode out', lambda: r.triangular(0, 1, 3)),
    ('lognorm neg', lambda: r.lognormvariate(0, -1)),
    ('vonmises tiny', lambda: r.vonmisesvariate(0, 1e-7)),
    ('uniform ints', lambda: r.uniform(1, 1)),
    ('normal kw', lambda: r.normalvariate(mu=2, sigma=0)),
    ('gauss kw', lambda: r.gauss(sigma=0, mu=4)),
]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    for label, func in cases:
        r.seed(8)  # each case starts from the same state (some reseed with hashed values)
        attempt(label, func)
    print(sorted({str(w.message) for w in caught}))
    print(sorted({w.category.__name__ for w in caught}))

# Integral floats are still accepted by randrange (with a DeprecationWarning).
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    r.seed(3)
    print(r.randrange(10.0), r.randrange(2.0, 20.0), r.randrange(0, 30, 3.0), r.randint(1.0, 6.0))
    print(len(caught), caught[0].category.__name__, caught[0].filename == __file__)

# setstate accepts version-2 states, reducing the words modulo 2**32.
r.seed(11)
version, internal, gauss_next = r.getstate()
print(version, len(internal), internal[-1], gauss_next)
expect = r.random()
r.setstate((2, tuple(w - 2**32 if i < 3 else w for i, w in enumerate(internal)), None))
print(r.random() == expect)
r2 = random.Random()
r2.setstate(r.getstate())
print(r2.random() == r.random())


# Subclasses: which primitive _randbelow builds on depends on what they override.
class OnlyRandom(random.Random):
    def __init__(self, values):
        super().__init__(0)
        self.values = list(values)

    def random(self):
        return self.values.pop(0)


class OnlyBits(random.Random):
    def getrandbits(self, k):
        self.calls = getattr(self, 'calls', 0) + 1
        return (2**k - 1) if self.calls % 3 else 1


class Both(OnlyRandom):
    def getrandbits(self, k):
        return 0


class Grandchild(OnlyRandom):
    pass


class Plain(random.Random):
    pass


print(OnlyRandom([0.5, 0.25, 0.9]).randrange(10), OnlyRandom([0.99, 0.1]).choice('abcdef'))
print(OnlyRandom([0.999999999999, 0.3]).randrange(3))
o = OnlyRandom([0.5] * 20)
seq = list(range(6))
o.shuffle(seq)
print(seq, OnlyRandom([0.7, 0.2, 0.4]).sample(range(50), 2))
print(OnlyRandom([0.3, 0.6]).choices('abc', k=2), OnlyRandom([0.3]).uniform(10, 20))
print(OnlyBits().randrange(10), OnlyBits().randint(1, 6), OnlyBits().choice('xyz'))
print(Both([0.9]).randrange(100), Grandchild([0.5, 0.5]).randrange(10), Grandchild([0.1]).randbytes(2))
print(Plain(4).randrange(1000) == random.Random(4).randrange(1000))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(OnlyRandom([0.5]).randrange(2**60), [str(w.message) for w in caught])


class Seeded(random.Random):
    def seed(self, a=None, version=2):
        self.seen = a
        super().seed(a, version)


s = Seeded(9)
print(s.seen, s.random() == random.Random(9).random())

# Copies and pickles carry the whole state, including a cached gauss value.
r = random.Random(21)
r.gauss()
for clone in (copy.copy(r), copy.deepcopy(r), pickle.loads(pickle.dumps(r))):
    print(type(clone).__name__, clone.gauss() == copy.copy(r).gauss(), clone.random() == copy.copy(r).random())
p = pickle.loads(pickle.dumps(Plain(5)))
print(type(p).__name__, p.random() == Plain(5).random())
red = random.Random(1).__reduce__()
print(red[0].__name__, red[1], red[2][0], len(red[2][1]))

# SystemRandom draws from os.urandom and has no state.
sr = random.SystemRandom()
vals = [sr.random() for _ in range(50)]
print(all(0.0 <= v < 1.0 for v in vals), len(set(vals)) > 40)
print([sr.getrandbits(k).bit_length() <= k for k in (0, 1, 7, 8, 9, 64, 100)])
print(len(sr.randbytes(10)), sr.randbytes(0), 0 <= sr.randrange(5) < 5, sr.choice('q'))
print(sr.seed(1), sr.seed(), sorted(sr.sample(range(5), 5)), len(sr.choices('ab', k=3)))
print(-1 < sr.gauss() * 0, 1 <= sr.randint(1, 2) <= 2)
for label, func in [('getstate', sr.getstate), ('setstate', lambda: sr.setstate(None)),
                    ('bits neg', lambda: sr.getrandbits(-1)), ('bytes neg', lambda: sr.randbytes(-1)),
                    ('bits float', lambda: sr.getrandbits(2.0))]:
    attempt('system ' + label, func)
print(isinstance(sr, random.Random), random.SystemRandom.__mro__[1].__name__)
print(random.Random.__mro__[1].__module__, random.Random.__module__, random.Random.__name__)
