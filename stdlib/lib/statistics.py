"""Basic statistics of numeric data: averages, middle values and spread.

Sums are computed exactly (as fractions) and the result is converted back to
the type of the data: mean([1, 2, 3]) is the int 2, mean([1, 2]) the float
1.5, and Fractions give Fractions.
"""
import math
import numbers
from bisect import bisect_left, bisect_right
from collections import Counter
from fractions import Fraction

__all__ = [
    'StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean',
    'median', 'median_grouped', 'median_high', 'median_low', 'mode',
    'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance',
]


class StatisticsError(ValueError):
    pass


def _as_ratio(x):
    """(numerator, denominator) of a number; (x, None) for a float infinity
    or NaN, which has no ratio."""
    if isinstance(x, float) and not math.isfinite(x):
        return x, None
    as_integer_ratio = getattr(x, 'as_integer_ratio', None)
    if as_integer_ratio is not None:
        return as_integer_ratio()
    try:
        return x.numerator, x.denominator
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to "
                        'numerator/denominator') from None


def _result_type(current, new):
    """The type of a result computed from values of types current and new:
    plain ints (and bools) adopt the other type, a subclass beats its base,
    anything beats an int subclass, and float beats Fraction."""
    if new is current or new is int or new is bool:
        return current
    if current is int:
        return new
    if issubclass(new, current):
        return new
    if issubclass(current, new):
        return current
    if issubclass(current, int):
        return new
    if issubclass(new, int):
        return current
    for floating, exact in ((current, new), (new, current)):
        if issubclass(floating, float) and issubclass(exact, Fraction):
            return floating
    raise TypeError(f"don't know how to coerce {current.__name__} and "
                    f'{new.__name__}')


class _ExactSum:
    """Running exact sum of numbers: the count, the types seen, and the
    total as numerator/denominator (kept over a common denominator), or as
    a float once an infinity or NaN was added."""

    def __init__(self, values=()):
        self.types = {}
        self.count = 0
        self.numerator = 0
        self.denominator = 1
        self.special = None
        for value in values:
            self.add(value)

    def add(self, value):
        num, den = _as_ratio(value)
        self.types[type(value)] = True
        self.count += 1
        if den is None:
            self.special = num if self.special is None else self.special + num
        elif den == self.denominator:
            self.numerator += num
        else:
            common = math.lcm(self.denominator, den)
            self.numerator = (self.numerator * (common // self.denominator)
                              + num * (common // den))
            self.denominator = common

    @property
    def type(self):
        """The type results should have (TypeError for incompatible types)."""
        kind = int
        for seen in self.types:
            kind = _result_type(kind, seen)
        return kind

    def total(self):
        """The sum: a Fraction, or a float infinity or NaN."""
        if self.special is not None:
            return self.special
        return Fraction(self.numerator, self.denominator)


def _in_type(value, kind):
    """A Fraction (or special float) result expressed as type `kind`; an
    int type gets a float when the value is not a whole number."""
    if type(value) is kind:
        return value
    if issubclass(kind, int) and value.denominator != 1:
        return float(value)
    return kind(value)


def _sqrt_of_ratio(num, den):
    """The float nearest to sqrt(num / den), for ints num >= 0 and den > 0."""
    if num == 0:
        return 0.0
    # Scale by 4**shift so that the integer root has at least 55 bits, and
    # make its lowest bit 1 when the root is inexact: int-to-float
    # conversion then rounds it as it would round the true root.
    shift = max(0, (111 - num.bit_length() + den.bit_length()) // 2)
    scaled = num << (2 * shift)
    root = math.isqrt(scaled // den)
    if root * root * den != scaled:
        root |= 1
    return math.ldexp(float(root), -shift)


def mean(data):
    """Return the sample arithmetic mean of data.

    >>> mean([1, 2, 3, 4, 4])
    2.8
    """
    acc = _ExactSum(data)
    if acc.count < 1:
        raise StatisticsError('mean requires at least one data point')
    return _in_type(acc.total() / acc.count, acc.type)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean (weighted by
    `weights` when given)."""
    if not hasattr(data, '__len__'):
        data = list(data)
    if weights is None:
        total = math.fsum(data)
        if not data:
            raise StatisticsError('fmean requires at least one data point')
        return total / len(data)
    if not hasattr(weights, '__len__'):
        weights = list(weights)
    weighted = math.fsum([x * w for x, w in zip(data, weights)])
    if len(data) != len(weights):
        raise StatisticsError('data and weights must be the same length')
    weight = math.fsum(weights)
    if not weight:
        raise StatisticsError('sum of weights must be non-zero')
    return weighted / weight


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        # Empty data, zero or a negative value.
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def _check_not_negative(x):
    if x < 0:
        raise StatisticsError('harmonic mean does not support negative values')


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data: the number of values divided by
    the sum of their reciprocals (each reciprocal weighted when weights are
    given). 0 when a value is zero."""
    if iter(data) is data:
        data = list(data)
    if not data:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if weights is None:
        if len(data) == 1:
            only = data[0]
            if not isinstance(only, numbers.Real):
                raise TypeError('unsupported type')
            _check_not_negative(only)
            return only
        weights = [1] * len(data)
        total_weight = len(data)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != len(data):
            raise StatisticsError('Number of weights does not match data size')
        for w in weights:
            _check_not_negative(w)
        total_weight = _ExactSum(weights).total()
    acc = _ExactSum()
    for w, x in zip(weights, data):
        _check_not_negative(x)
        try:
            acc.add(w / x if w else 0)
        except ZeroDivisionError:
            return 0
    reciprocal_sum = acc.total()
    if reciprocal_sum <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _in_type(total_weight / reciprocal_sum, acc.type)


def _sorted_or_fail(data):
    """The data sorted, for the median functions, which need a value."""
    ordered = sorted(data)
    if not ordered:
        raise StatisticsError('no median for empty data')
    return ordered


def median(data):
    """Return the median (middle value) of numeric data: the mean of the two
    middle values when there is an even number of them."""
    ordered = _sorted_or_fail(data)
    half, odd = divmod(len(ordered), 2)
    if odd:
        return ordered[half]
    return (ordered[half - 1] + ordered[half]) / 2


def median_low(data):
    """Return the low median of numeric data: the smaller of the two middle
    values when there is an even number of them."""
    ordered = _sorted_or_fail(data)
    return ordered[(len(ordered) - 1) // 2]


def median_high(data):
    """Return the high median of data: the larger of the two middle values
    when there is an even number of them."""
    ordered = _sorted_or_fail(data)
    return ordered[len(ordered) // 2]


def median_grouped(data, interval=1):
    """Return the 50th percentile (median) of grouped continuous data, each
    value standing for a class of width `interval` centred on it."""
    ordered = _sorted_or_fail(data)
    size = len(ordered)
    middle = ordered[size // 2]
    below = bisect_left(ordered, middle)
    within = bisect_right(ordered, middle, below) - below
    try:
        width = float(interval)
        lower_limit = float(middle) - width / 2
    except ValueError:
        raise TypeError('Value cannot be converted to a float') from None
    return lower_limit + width * (size / 2 - below) / within


def mode(data):
    """Return the most common data point from discrete or nominal data (the
    first one seen when several are equally common)."""
    counts = Counter(iter(data))
    if not counts:
        raise StatisticsError('no mode for empty data')
    return max(counts, key=counts.__getitem__)


def multimode(data):
    """Return a list of the most frequently occurring values, in the order
    they were first encountered in the data."""
    counts = Counter(iter(data))
    top = max(counts.values(), default=0)
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    """Divide data into n continuous intervals with equal probability.

    Returns a list of (n - 1) cut points separating the intervals, found by
    linear interpolation. 'exclusive' treats data as a sample of a wider
    population; 'inclusive' as the whole population (or a sample known to
    include its extremes)."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    ordered = sorted(data)
    size = len(ordered)
    if size < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        # Cut point i lies i/n of the way from the first to the last value.
        span, shift = size - 1, 0
    elif method == 'exclusive':
        # Cut point i sits at position i*(size+1)/n counting from 1; beyond
        # the ends of the data it is extrapolated from the two outer values.
        span, shift = size + 1, 1
    else:
        raise ValueError(f'Unknown method: {method!r}')
    points = []
    for i in range(1, n):
        scaled = i * span
        lower = min(max(scaled // n - shift, 0), size - 2)
        # The cut point is lower + weight/n, in 0-based positions.
        weight = scaled - (lower + shift) * n
        points.append((ordered[lower] * (n - weight)
                       + ordered[lower + 1] * weight) / n)
    return points


def _squared_deviations(data, center):
    """(result type, sum of squared deviations, count) of data, from
    `center` or, when it is None, from the exact mean. The sum is a
    Fraction, or a float infinity or NaN."""
    if center is not None:
        squares = _ExactSum(d * d for d in (x - center for x in data))
        return squares.type, squares.total(), squares.count
    values = list(data)
    acc = _ExactSum(values)
    total = acc.total()
    if acc.count == 0 or not isinstance(total, Fraction):
        return acc.type, total, acc.count
    average = total / acc.count
    squares = sum((Fraction(*_as_ratio(x)) - average) ** 2 for x in values)
    return acc.type, Fraction(squares), acc.count


def _spread(data, center, name, sample):
    """(result type, mean squared deviation) for the variance functions;
    `sample` divides by n - 1 instead of n."""
    kind, squares, count = _squared_deviations(data, center)
    if sample and count < 2:
        raise StatisticsError(f'{name} requires at least two data points')
    if count < 1:
        raise StatisticsError(f'{name} requires at least one data point')
    return kind, squares / (count - 1 if sample else count)


def _root(value):
    """Square root of a mean squared deviation, correctly rounded."""
    if isinstance(value, Fraction):
        return _sqrt_of_ratio(value.numerator, value.denominator)
    return math.sqrt(value)


def variance(data, xbar=None):
    """Return the sample variance of data (xbar: its mean, when known)."""
    kind, value = _spread(data, xbar, 'variance', True)
    return _in_type(value, kind)


def pvariance(data, mu=None):
    """Return the population variance of data (mu: its mean, when known)."""
    kind, value = _spread(data, mu, 'pvariance', False)
    return _in_type(value, kind)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    return _root(_spread(data, xbar, 'stdev', True)[1])


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    return _root(_spread(data, mu, 'pstdev', False)[1])
