"""Pseudo-random numbers: random.Random on the Mersenne Twister of the native _random
module, its distributions, SystemRandom (os.urandom) and module-level functions sharing
one hidden generator.

Every method draws from the generator in the order CPython's does, so a seed gives the
same sequences as CPython: integers below n come from _randbelow() (rejection sampling
on getrandbits()), floats from random().
"""

from bisect import bisect as _bisect
from collections.abc import Sequence as _Sequence
from itertools import accumulate as _accumulate, repeat as _repeat
from math import acos as _acos, ceil as _ceil, cos as _cos, e as _e, exp as _exp
from math import floor as _floor, isfinite as _isfinite, log as _log, pi as _pi
from math import sin as _sin, sqrt as _sqrt, tau as TWOPI
from operator import index as _index
import os as _os
import _random

__all__ = ["Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate",
           "gammavariate", "gauss", "getrandbits", "getstate", "lognormvariate",
           "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange",
           "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
           "vonmisesvariate", "weibullvariate"]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)  # Kinderman-Monahan bound for normalvariate
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)  # used by Cheng's gamma algorithm
BPF = 53  # bits in a float's significand
RECIP_BPF = 2 ** -BPF

_DEFAULT_STEP = 1  # randrange tells an omitted step from an explicit one by identity


def _deprecation(message):
    import warnings
    # Attributed to randrange's caller: this helper, _whole() and randrange sit between.
    warnings.warn(message, DeprecationWarning, 4)


def _whole(value, name):
    """A randrange argument as an int. Integral non-int numbers still pass (deprecated
    since 3.10); others raise ValueError naming the argument."""
    try:
        return _index(value)
    except TypeError:
        pass
    converted = int(value)
    if converted != value:
        _deprecation('randrange() will raise TypeError in the future')
        raise ValueError(f'non-integer {name} for randrange()')
    _deprecation('non-integer arguments to randrange() have been deprecated since '
                 'Python 3.10 and will be removed in a subsequent version')
    return converted


def _legacy_seed(text):
    """The int that version 1 seeding made of a str (bytes are read as latin-1)."""
    if isinstance(text, bytes):
        text = text.decode('latin-1')
    value = ord(text[0]) << 7 if text else 0
    for char in text:
        value = ((1000003 * value) ^ ord(char)) & 0xFFFFFFFFFFFFFFFF
    return value ^ len(text)


def _pool_is_smaller(population_size, k):
    """Whether sample() should copy the population rather than track chosen indices:
    true while a list of the population takes less memory than a set of k ints."""
    set_cost = 21
    if k > 5:
        set_cost += 4 ** _ceil(_log(k * 3, 4))
    return population_size <= set_cost


class Random(_random.Random):
    """A seedable random number generator. Subclasses may supply another core
    generator by overriding random() (and getrandbits() for integers wider than 53 bits)."""

    VERSION = 3  # the format of getstate()'s result

    def __new__(cls, *args, **kwargs):
        # The constructor's arguments are __init__'s to interpret (subclasses may take
        # other ones), and __init__ seeds: a cheap fixed seed is enough until then.
        return super().__new__(cls, 0)

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, /, **kwargs):
        # Integers must come from the generator the subclass supplies: the nearest class
        # in the MRO that defines one of these names decides.
        for klass in cls.__mro__:
            own = vars(klass)
            if '_randbelow' in own:
                return
            if 'getrandbits' in own:
                cls._randbelow = cls._below_from_bits
                return
            if 'random' in own:
                cls._randbelow = cls._below_from_floats
                return

    def seed(self, a=None, version=2):
        """Reinitialize the generator from a (None: fresh entropy from the OS).

        With version 2 (the default) a str, bytes or bytearray uses all its bits;
        version 1 reproduces the seeds that old Python versions made of strings."""
        if isinstance(a, (str, bytes, bytearray)):
            if version == 1 and not isinstance(a, bytearray):
                a = _legacy_seed(a)
            elif version != 2:
                # Version 2 texts are digested by the native seed; other versions seed
                # from the hash (so a bytearray is refused as unhashable).
                a = hash(a)
        elif a is not None and not isinstance(a, (int, float)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """Return the internal state; setstate() restores it."""
        return self.VERSION, super().getstate(), self.gauss_next

    def setstate(self, state):
        """Restore a state from getstate() (this version's, or version 2's)."""
        version = state[0]
        if version not in (2, 3):
            raise ValueError(f'state with version {version} passed to '
                             f'Random.setstate() of version {self.VERSION}')
        _, words, self.gauss_next = state
        if version == 2:
            # Version 2 stored the 32-bit words as signed ints.
            words = tuple(word % 2 ** 32 for word in words)
        super().setstate(words)

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    def _below_from_bits(self, n):
        bits = n.bit_length()
        candidate = self.getrandbits(bits)
        while candidate >= n:
            candidate = self.getrandbits(bits)
        return candidate

    _randbelow = _below_from_bits  # a random int in [0, n), n > 0; see __init_subclass__

    def _below_from_floats(self, n, maxsize=1 << BPF):
        # Only random() is available: scale a float, rejecting the top values that would
        # make small results likelier.
        if n >= maxsize:
            import warnings
            warnings.warn('Underlying random() generator does not supply \n'
                          'enough bits to choose from a population range this large.\n'
                          'To remove the range limitation, add a getrandbits() method.')
            return _floor(self.random() * n)
        cutoff = (maxsize - maxsize % n) / maxsize
        u = self.random()
        while u >= cutoff:
            u = self.random()
        return _floor(u * maxsize) % n

    def randbytes(self, n):
        """Return n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def randrange(self, start, stop=None, step=_DEFAULT_STEP):
        """Return a random item of range(start, stop, step), without building the range."""
        # Exact ints skip the conversion call: this is the hot path of randint() and co.
        low = start if type(start) is int else _whole(start, 'arg 1')
        if stop is None:
            if step is not _DEFAULT_STEP:
                raise TypeError('Missing a non-None stop argument')
            if low > 0:
                return self._randbelow(low)
            raise ValueError('empty range for randrange()')
        high = stop if type(stop) is int else _whole(stop, 'stop')
        width = high - low
        stride = step if type(step) is int else _whole(step, 'step')
        if stride == 1:
            if width > 0:
                return low + self._randbelow(width)
            raise ValueError(f'empty range for randrange() ({low}, {high}, {width})')
        if stride == 0:
            raise ValueError('zero step for randrange()')
        count = -(-width // stride)  # len(range(low, high, stride))
        if count <= 0:
            raise ValueError('empty range for randrange()')
        return low + stride * self._randbelow(count)

    def randint(self, a, b):
        """Return a random int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    def choice(self, seq):
        """Return a random element of a non-empty sequence."""
        size = len(seq)
        if not size:
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        """Shuffle the mutable sequence x in place."""
        below = self._randbelow
        for last in range(len(x) - 1, 0, -1):
            other = below(last + 1)
            x[last], x[other] = x[other], x[last]

    def sample(self, population, k, *, counts=None):
        """Return k distinct elements of the population sequence, in selection order.
        counts, when given, repeats each element that many times in the population."""
        if not isinstance(population, _Sequence):
            raise TypeError('Population must be a sequence.  '
                            'For dicts or sets, use sorted(d).')
        size = len(population)
        if counts is not None:
            bounds = list(_accumulate(counts))
            if len(bounds) != size:
                raise ValueError('The number of counts does not match the population')
            total = bounds.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            return [population[_bisect(bounds, slot)] for slot in self.sample(range(total), k=k)]
        if not 0 <= k <= size:
            raise ValueError('Sample larger than population or is negative')
        picked = [None] * k
        below = self._randbelow
        if _pool_is_smaller(size, k):
            # Partial Fisher-Yates: the last unpicked element fills each picked slot.
            pool = list(population)
            for i in range(k):
                j = below(size - i)
                picked[i] = pool[j]
                pool[j] = pool[size - i - 1]
        else:
            taken = set()
            for i in range(k):
                j = below(size)
                while j in taken:
                    j = below(size)
                taken.add(j)
                picked[i] = population[j]
        return picked

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return k elements of the population chosen with replacement, with optional
        relative weights or cumulative weights."""
        draw = self.random
        size = len(population)
        if cum_weights is None:
            if weights is None:
                return [population[_floor(draw() * size)] for _ in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if isinstance(weights, int):
                    raise TypeError('The number of choices must be a keyword '
                                    f'argument: k={weights}') from None
                raise
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != size:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        last = size - 1
        return [population[_bisect(cum_weights, draw() * total, 0, last)]
                for _ in _repeat(None, k)]

    def uniform(self, a, b):
        """Return a random float between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution between low and high, peaking at mode (the midpoint
        by default)."""
        u = self.random()
        if mode is None:
            peak = 0.5
        else:
            try:
                peak = (mode - low) / (high - low)
            except ZeroDivisionError:
                return low
        if u > peak:
            # Sample the mirrored distribution from the other end.
            u, peak, low, high = 1.0 - u, 1.0 - peak, high, low
        return low + (high - low) * _sqrt(u * peak)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio method)."""
        while True:
            u1 = self.random()
            u2 = 1.0 - self.random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -_log(u2):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution by the Box-Muller transform, which makes two values at a
        time: the second is kept for the next call. Not thread-safe."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            angle = self.random() * TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - self.random()))
            z = _cos(angle) * radius
            self.gauss_next = _sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution: its log is normal with mean mu and deviation sigma."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (1 / mean)."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Von Mises distribution: angles around mu, concentration kappa (Best and
        Fisher's algorithm)."""
        if kappa <= 1e-6:
            return TWOPI * self.random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            z = _cos(_pi * self.random())
            d = z / (r + z)
            u = self.random()
            if u < 1.0 - d * d or u <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if self.random() > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution with shape alpha and scale beta (both > 0)."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        if alpha > 1.0:
            return self._gamma_cheng(alpha) * beta
        if alpha == 1.0:
            return -_log(1.0 - self.random()) * beta
        return self._gamma_small_shape(alpha) * beta

    def _gamma_cheng(self, alpha):
        # Algorithm GB of R. C. H. Cheng, "The generation of Gamma variables with
        # non-integral shape parameters", Applied Statistics 26 (1977), for alpha > 1:
        # a log-logistic proposal with a cheap squeeze test before the exact one.
        scale = _sqrt(2.0 * alpha - 1.0)
        offset = alpha - LOG4
        slope = alpha + scale
        while True:
            u = self.random()
            if not 1e-7 < u < 0.9999999:
                continue  # keeps the log-odds below finite
            w = 1.0 - self.random()
            log_odds = _log(u / (1.0 - u)) / scale
            candidate = alpha * _exp(log_odds)
            squeeze = u * u * w
            bound = offset + slope * log_odds - candidate
            if bound + SG_MAGICCONST - 4.5 * squeeze >= 0.0 or bound >= _log(squeeze):
                return candidate

    def _gamma_small_shape(self, alpha):
        # Algorithm GS (Ahrens and Dieter) for 0 < alpha < 1, as in Kennedy and Gentle,
        # "Statistical Computing": a mixture of a power and an exponential proposal.
        while True:
            split = (_e + alpha) / _e
            p = split * self.random()
            if p <= 1.0:
                candidate = p ** (1.0 / alpha)
                if self.random() <= _exp(-candidate):
                    return candidate
            else:
                candidate = -_log((split - p) / alpha)
                if self.random() <= candidate ** (alpha - 1.0):
                    return candidate

    def betavariate(self, alpha, beta):
        """Beta distribution (alpha > 0, beta > 0), in [0, 1]."""
        y = self.gammavariate(alpha, 1.0)
        if not y:
            return 0.0
        return y / (y + self.gammavariate(beta, 1.0))

    def paretovariate(self, alpha):
        """Pareto distribution with shape alpha."""
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta."""
        return alpha * (-_log(1.0 - self.random())) ** (1.0 / beta)


class SystemRandom(Random):
    """Random numbers from os.urandom(): unseedable, stateless, not reproducible."""

    def random(self):
        """Return a random float in [0.0, 1.0) with 53 random bits."""
        return (int.from_bytes(_os.urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """Return an int with k random bits."""
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        size = (k + 7) // 8
        return int.from_bytes(_os.urandom(size), 'big') >> (size * 8 - k)

    def randbytes(self, n):
        """Return n random bytes."""
        return _os.urandom(n)

    def seed(self, *args, **kwds):
        """Does nothing: the system source cannot be seeded."""
        return None

    def _stateless(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _stateless


_shared = Random()
seed = _shared.seed
random = _shared.random
uniform = _shared.uniform
triangular = _shared.triangular
randint = _shared.randint
choice = _shared.choice
randrange = _shared.randrange
sample = _shared.sample
shuffle = _shared.shuffle
choices = _shared.choices
normalvariate = _shared.normalvariate
lognormvariate = _shared.lognormvariate
expovariate = _shared.expovariate
vonmisesvariate = _shared.vonmisesvariate
gammavariate = _shared.gammavariate
gauss = _shared.gauss
betavariate = _shared.betavariate
paretovariate = _shared.paretovariate
weibullvariate = _shared.weibullvariate
getstate = _shared.getstate
setstate = _shared.setstate
getrandbits = _shared.getrandbits
randbytes = _shared.randbytes

# A forked child must not repeat its parent's sequence.
if hasattr(_os, 'register_at_fork'):
    _os.register_at_fork(after_in_child=_shared.seed)
