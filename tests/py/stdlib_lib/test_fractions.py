# Exercises fractions: construction from ints, strings and floats, exact arithmetic
# mixed with int/float/complex, comparisons, hashing like int/float, rounding,
# limit_denominator, and CPython's error messages.
from fractions import Fraction as F
import math
print(F(3, 4), F(-6, 4), F(5), F(), F('3/4'), F(' -1.25 '), F('2e-3'), F('.5'), F('1_000'), F(1.5), F(F(1, 3)))
print(repr(F(2, -4)), F(1, 3) + F(1, 6), F(1, 3) - 1, 2 * F(3, 4), F(1, 2) / F(3, 4), F(7, 2) // 2, F(7, 2) % 2, divmod(F(7, 2), F(2, 3)))
print(F(1, 2) + 0.5, 0.5 + F(1, 2), F(1, 2) + 1j, F(2, 3) ** 2, F(2, 3) ** -2, F(-2, 3) ** -3, F(4) ** F(1, 2), 2 ** F(3), 2 ** F(1, 2))
print(F(1, 2) == 0.5, F(1, 2) == F(2, 4), F(1, 3) < 0.34, F(1, 3) > F(1, 4), F(0) == 0, F(1) < math.inf, F(1) == math.nan, sorted([F(1, 2), 0.25, 1]))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(-1)), hash(F(1, 3)))
print(math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1234, 100), 1), round(F(1234, 1), -2))
print(F('3.141592653589793').limit_denominator(10), F('3.141592653589793').limit_denominator(100), F(1, 3).limit_denominator(), float(F(1, 3)), bool(F(0)), abs(F(-1, 2)), -F(1, 2), +F(1, 2))
print(F(3, 4).as_integer_ratio(), F(3, 4).numerator, F(3, 4).denominator, F.from_float(0.1), F.from_decimal(3), str(F(10, 5)))
for bad in [lambda: F(1, 0), lambda: F('abc'), lambda: F('1/0'), lambda: F(1.5, 2), lambda: F([]), lambda: F(math.nan),
            lambda: F(math.inf), lambda: F('1/-2'), lambda: F(''), lambda: F('1 /2'), lambda: F(1, 3).limit_denominator(0),
            lambda: F.from_float('x'), lambda: F(0) ** -1, lambda: F(1) / 0, lambda: F(1, 2) + 'a', lambda: F(1) < 'a', lambda: F('1__0'), lambda: F('.')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
