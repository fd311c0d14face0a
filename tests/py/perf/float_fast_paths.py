# The float fast paths of COMPARE_OP and ** must give exactly the generic results: NaN, signed
# zeros, ints too large for a double, the errors and complex results of **, and subclasses
# that override the operators.
nan = float("nan")
inf = float("inf")


def cmp(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


print(cmp(1.5, 2.5), cmp(2.5, 1.5), cmp(1.0, 1.0))
print(cmp(nan, nan), cmp(nan, 1.0), cmp(1, nan), cmp(nan, inf))
print(cmp(-0.0, 0.0), cmp(0, -0.0), cmp(inf, 10 ** 400), cmp(-inf, -(10 ** 400)))
big = 2 ** 53 + 1
print(cmp(float(2 ** 53), big), cmp(big, float(2 ** 53)), cmp(float(2 ** 62), 2 ** 62 - 1))
print(cmp(2 ** 61 + 1, 2.0 ** 61), cmp(-(2 ** 61) - 1, -(2.0 ** 61)))
print(cmp(3, 3.0), cmp(-7, -7.5), cmp(1e300, 5))


class LoudFloat(float):
    def __lt__(self, other):
        return "LoudFloat.__lt__"

    def __eq__(self, other):
        return "LoudFloat.__eq__"

    __hash__ = float.__hash__


class LoudInt(int):
    def __gt__(self, other):
        return "LoudInt.__gt__"


print(LoudFloat(1.0) < 2.0, 2.0 > LoudFloat(1.0), LoudFloat(1.0) == 1.0, 1.0 == LoudFloat(2.0))
print(LoudInt(3) > 1.0, 1.0 < LoudInt(3))
try:
    1.0 < "a"
except TypeError as e:
    print("TypeError:", e)


def power(a, b):
    try:
        return a ** b
    except (ZeroDivisionError, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)


for a, b in ((2.0, 0.5), (2, 0.5), (2.0, 3), (1.5, -2), (10.0, 400), (10.0, -400), (0.0, -1.0),
             (0.0, 0.5), (-8.0, 1 / 3), (-2.0, 2.0), (-2.0, 0.5), (inf, 0.5), (inf, -1.0),
             (nan, 0.0), (1.0, nan), (nan, 2.0), (2.0, inf), (0.5, inf), (2.0, -inf),
             (1e-300, 2.0), (2.0, 1023.0), (2.0, 1024.0), (-0.0, 3.0), (-0.0, 0.5)):
    print(a, b, power(a, b))
x = 3.0
x **= 2
print(x)


class P(float):
    def __pow__(self, other):
        return "P.__pow__"

    def __rpow__(self, other):
        return "P.__rpow__"


print(P(2.0) ** 0.5, 2.0 ** P(0.5), type(P(2.0) + 1.0).__name__)
