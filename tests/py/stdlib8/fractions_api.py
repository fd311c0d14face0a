# Fraction: construction, parsing, arithmetic, comparisons, rounding, hashing, errors.
import math
import copy
import pickle
from fractions import Fraction as F
import fractions


from _show import show as _show


def show(label, fn):
    _show(label, fn, with_type=True)


print(fractions.__all__)
# Construction
for args in [(), (3,), (8, 6), (-8, 6), (8, -6), (-8, -6), (0, 5), (0, -5), (True,), (True, 2),
             (F(1, 2), F(3, 4)), (F(1, 2), 3), (3, F(1, 2)), (2.5,), (-0.1,), (1e300,), (0.0,), (-0.0,)]:
    show('F%r' % (args,), lambda: F(*args))
for s in ['3/4', ' -3/4 ', '+3/4', '1.25', '-1.25e2', '2e-3', '.5', '5.', '1_000/3_3', '1.2_5',
          '1E+2', '  7  ', '0/1', '-0', '3 /4', '3/ 4', '1/0', '', ' ', 'abc', '1.2.3', '1e', 'e5',
          '1__0', '_1', '1_', '.', '+', '-', '3/-4', '3/+4', '1.5/2', '1/2.5', 'inf', 'nan',
          '1.e3', '0x10', '١٢', '1/2e3', '1.5e-1_0', '1e1_0', '\t3/7\n']:
    show('F(%r)' % s, lambda: F(s))
show('F(1,0)', lambda: F(1, 0))
show('F(-7,0)', lambda: F(-7, 0))
show('F(F(1,2),0)', lambda: F(F(1, 2), 0))
show('F(1.5, 2)', lambda: F(1.5, 2))
show('F(1, 2.0)', lambda: F(1, 2.0))
show('F("1", 2)', lambda: F('1', 2))
show('F(None)', lambda: F(None))
show('F([])', lambda: F([]))
show('F(1j)', lambda: F(1j))
show('F(inf)', lambda: F(float('inf')))
show('F(-inf)', lambda: F(float('-inf')))
show('F(nan)', lambda: F(float('nan')))
show('from_float(0.3)', lambda: F.from_float(0.3))
show('from_float(5)', lambda: F.from_float(5))
show('from_float(True)', lambda: F.from_float(True))
show('from_float("x")', lambda: F.from_float('x'))
show('from_float(F)', lambda: F.from_float(F(1, 2)))
show('from_float(inf)', lambda: F.from_float(float('inf')))
show('from_float(nan)', lambda: F.from_float(float('nan')))
show('from_decimal(3)', lambda: F.from_decimal(3))
show('from_decimal(1.5)', lambda: F.from_decimal(1.5))
show('from_decimal("1")', lambda: F.from_decimal('1'))

x = F(-7, 3)
print(x.numerator, x.denominator, x.as_integer_ratio(), repr(x), str(x), str(F(4)), repr(F(4)))
print(F(1, 3).real, F(1, 3).imag, F(1, 3).conjugate(), type(F(1, 3).conjugate()).__name__)
show('set numerator', lambda: setattr(x, 'numerator', 3))
show('F(5).is_integer', lambda: hasattr(F(5), 'is_integer'))

# limit_denominator
for v, m in [(F('3.141592653589793'), 10), (F('3.141592653589793'), 100), (F('3.141592653589793'), 1000),
             (F(3, 7), 7), (F(3, 7), 6), (F(-3, 7), 6), (F(1, 3), 1), (F(2, 3), 1), (F(1, 2), 1),
             (F(3, 2), 1), (F(5, 2), 1), (F(-5, 2), 1), (F(0), 3), (F(7), 3),
             (F(1, 1000001), 1000000), (F(99, 100), 10), (F(201, 200), 100), (F(1, 4), 3),
             (F(math.pi), 10**6), (F(math.e), 1000), (F(-math.e), 1000), (F(1, 6), 4), (F(5, 12), 10)]:
    show('limit(%s, %s)' % (v, m), lambda: v.limit_denominator(m))
show('limit default', lambda: F(math.pi).limit_denominator())
show('limit 0', lambda: F(1, 3).limit_denominator(0))
show('limit -1', lambda: F(1, 3).limit_denominator(-1))

# Arithmetic
a, b = F(1, 3), F(-5, 4)
for name, op in [('+', lambda p, q: p + q), ('-', lambda p, q: p - q), ('*', lambda p, q: p * q),
                 ('/', lambda p, q: p / q), ('//', lambda p, q: p // q), ('%', lambda p, q: p % q),
                 ('divmod', divmod), ('**', lambda p, q: p ** q)]:
    for p, q in [(a, b), (b, a), (a, 2), (2, a), (b, 3), (-3, b), (a, 0.5), (0.5, a), (a, 1j), (1j, a),
                 (a, True), (F(7, 2), F(2, 3)), (F(-7, 2), F(2, 3)), (F(7, 2), F(-2, 3))]:
        show('%r %s %r' % (p, name, q), lambda: op(p, q))
show('a / 0', lambda: a / 0)
show('a / F(0)', lambda: a / F(0))
show('a // 0', lambda: a // 0)
show('a % 0', lambda: a % 0)
show('divmod(a, 0)', lambda: divmod(a, 0))
show('a + "x"', lambda: a + 'x')
show('a + None', lambda: a + None)
show('a < "x"', lambda: a < 'x')
show('a == "x"', lambda: a == 'x')
for p, q in [(F(2, 3), 2), (F(2, 3), -2), (F(-2, 3), -3), (F(-2, 3), 3), (F(4, 9), F(1, 2)),
             (F(-4, 9), F(1, 2)), (F(2), F(-2)), (F(0), -1), (F(0), 0), (F(1, 2), 0.5), (F(1, 2), 2.0),
             (2, F(3)), (2, F(-1)), (2, F(1, 2)), (-8, F(1, 3)), (2.0, F(1, 2)), (F(4), F(1, 2)),
             (F(9, 4), F(3, 2)), (1j, F(2)), (F(2), 1j), (0, F(-1)), (F(1, 2), F(2, 1))]:
    show('%r ** %r' % (p, q), lambda: p ** q)
show('pow 3 args', lambda: pow(F(2), 3, 5))
for u in [F(7, 3), F(-7, 3), F(0), F(6, 3), F(-1, 2)]:
    print(u, -u, +u, abs(u), int(u), math.trunc(u), math.floor(u), math.ceil(u), round(u),
          float(u), complex(u), bool(u), type(math.floor(u)).__name__)

# Rounding
for v in [F(1, 2), F(3, 2), F(5, 2), F(-1, 2), F(-3, 2), F(-5, 2), F(7, 3), F(-7, 3), F(2, 3), F(1, 3)]:
    print(v, round(v), type(round(v)).__name__, round(v, 0), round(v, 1), round(v, 2), round(v, -1))
for v, nd in [(F(12345, 100), -1), (F(12345, 100), -2), (F(125, 1), -1), (F(135, 1), -1),
              (F(-125, 1), -1), (F(1, 8), 2), (F(3, 8), 2), (F(-1, 8), 2), (F(1, 3), 5), (F(5, 1), 3)]:
    show('round(%r, %r)' % (v, nd), lambda: round(v, nd))
show('round(x, 1.5)', lambda: round(F(1, 3), 1.5))
show('round(x, "1")', lambda: round(F(1, 3), '1'))

# Comparisons and equality
vals = [F(1, 2), F(-1, 2), 0, 1, 0.5, -0.5, 0.3, F(3, 10), float('inf'), float('-inf'), float('nan'),
        True, complex(0.5, 0), complex(0.5, 1)]
for v in vals:
    p = F(1, 2)
    res = []
    for op in ['==', '!=', '<', '<=', '>', '>=']:
        try:
            res.append(eval('p %s v' % op))
        except TypeError as e:
            res.append('TE')
    print(repr(v), res)
print(F(1, 2) == F(2, 4), F(3) == 3, 3 == F(3), F(3, 10) == 0.3, F(1, 2) == 0.5, 0.5 == F(1, 2))
print(sorted([F(1, 2), 0.25, 1, F(-1, 3), 0]), max(F(1, 3), 0.3), min(F(1, 3), 0.4))

# Hash
for v in [F(1, 2), F(-1, 2), F(3), F(-1), F(-2), F(0), F(1, 3), F(-1, 3), F(10**30, 7), F(1, 2**61 - 1),
          F(5, (2**61 - 1) * 3), F(-5, (2**61 - 1) * 3)]:
    print(v, hash(v))
print(hash(F(1, 2)) == hash(0.5), hash(F(7)) == hash(7), hash(F(-1)) == hash(-1),
      hash(F(1, 3)) == hash(F(2, 6)), {F(1, 2): 'a'}[0.5])

# copying and pickling; subclasses
class G(F):
    pass
g = G(3, 6)
print(repr(g), type(g).__name__, type(g + 1).__name__, type(+g).__name__, type(-g).__name__,
      type(abs(g)).__name__, type(g * g).__name__)
print(copy.copy(F(1, 2)), copy.deepcopy(F(1, 2)), copy.copy(g), type(copy.copy(g)).__name__,
      type(copy.deepcopy(g)).__name__)
f = F(1, 2)
print(copy.copy(f) is f, copy.deepcopy(f) is f)
print(pickle.loads(pickle.dumps(F(-22, 7))), F(-22, 7).__reduce__())
print(isinstance(F(1, 2), fractions.Fraction), F.__name__, F.__module__)
print(sum([F(1, 3), F(1, 6), F(1, 2)]), sum([F(1, 3), 0.5]), F(1, 3) * 3 == 1)
print(math.isclose(F(1, 3), 0.3333333333333333), math.fsum([F(1, 10)] * 10), math.prod([F(1, 2), F(2, 3)]))
print(F(10**40, 3) + F(1, 3), F(10**40 + 1, 10**20), float(F(10**400, 10**399)))
show('float(huge)', lambda: float(F(10**400)))
print(F(1, 2).__floor__(), F(1, 2).__ceil__(), F(1, 2).__trunc__(), '%.3f' % F(1, 3), '{:.2f}'.format(float(F(2, 3))))
