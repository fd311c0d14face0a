# The math module: values, integer functions on big arguments, and the error messages.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.isqrt(10 ** 40 + 1), math.factorial(25), len(str(math.factorial(1000))), math.comb(100, 50), math.perm(10, 3))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(), math.lcm(4, 6, 10), math.lcm(), math.gcd(-4, -6), math.prod(range(1, 20)), math.prod([0.5, 4], start=3))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(1e20), math.ceil(2 ** 70), math.floor(True), type(math.floor(1.0)).__name__)
print(math.log(1024, 2), math.log2(2 ** 1000), math.log10(10 ** 400), math.log(2 ** 5000), math.log1p(1e-20), math.exp(1e-10))
print(math.fsum([0.1] * 10), math.fsum([1, 1e100, 1, -1e100]), math.fsum([]), math.fsum([math.inf, 1]), math.hypot(3, 4, 12), math.dist((1, 2), (4, 6)))
print(math.frexp(8.0), math.frexp(-0.0), math.ldexp(0.5, 4), math.modf(-3.5), math.modf(math.inf), math.fmod(7, -3), math.remainder(7, 2))
print(math.copysign(2, -0.0), math.fabs(-3), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(1e-12, 0, abs_tol=1e-9))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.ulp(1.0), math.nextafter(1, 0), math.exp2(10), math.degrees(math.pi), math.radians(180))
print(math.gamma(5), round(math.gamma(0.5), 12), round(math.lgamma(10), 12), math.erf(0), math.erfc(0), math.atan2(-0.0, -1), math.pow(2, 0.5), math.pow(1, math.nan))
print(round(math.sin(1), 12), round(math.cos(1), 12), round(math.tan(1), 12), round(math.asinh(1), 12), round(math.acosh(2), 12), round(math.atanh(0.5), 12))
class Fl:
    def __floor__(self):
        return 'floor!'
    def __ceil__(self):
        return 'ceil!'
    def __trunc__(self):
        return 'trunc!'
print(math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()))
bad = [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-(2 ** 5000)), lambda: math.log(10, 1), lambda: math.exp(1000),
       lambda: math.factorial(-1), lambda: math.factorial(5.0), lambda: math.factorial(2 ** 70), lambda: math.comb(-1, 2),
       lambda: math.perm(5, -1), lambda: math.isqrt(-1), lambda: math.gcd(1.5), lambda: math.floor('a'), lambda: math.trunc('a'),
       lambda: math.fsum([1e308, 1e308]), lambda: math.fsum([math.inf, -math.inf]), lambda: math.dist((1, 2), (1,)),
       lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.ldexp(1.0, 10 ** 30), lambda: math.ldexp(1.0, 1.5),
       lambda: math.pow(0, -1), lambda: math.pow(-8, 1 / 3), lambda: math.fmod(math.inf, 1), lambda: math.gamma(0),
       lambda: math.gamma(200), lambda: math.lgamma(-1), lambda: math.sqrt(), lambda: math.atan2(1), lambda: math.sin(math.inf),
       lambda: math.atanh(1), lambda: math.remainder(1, 0), lambda: math.sqrt('x'), lambda: math.hypot('a')]
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
