# float: arithmetic with Python's sign rules, powers and their errors, exact comparisons with
# ints, hashing, conversions, methods and the complex result of negative ** fractional.
for a in (7.5, -7.5, 0.0, -0.0, 1e-300):
    for b in (2, -2.0, 0.1, float('inf')):
        print(a // b, a % b, divmod(a, b), a / b)
print(2 ** 0.5, 10 ** -2, 4 ** 0.5, 2.0 ** 10, (-8) ** (1 / 3), (-2.0) ** 3, 1.0 ** float('nan'), float('nan') ** 0)
print((-1.0) ** float('inf'), float('-inf') ** 0.5, float('-inf') ** 3, 0.5 ** float('-inf'), 0.0 ** 0.0)
print(1e308 * 10, -1e308 * 10, 1e300 * 1e300 == float('inf'), 1 / float('inf'), -1 / float('inf'))
nan = float('nan')
print(nan == nan, nan != nan, nan < 1, nan >= 1, 1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53, 0.1 + 0.2 == 0.3)
print(hash(1.5), hash(-1.5), hash(1e300), hash(1e-300), hash(-0.0), hash(float('inf')), hash(0.1), hash(2.0 ** 70) == hash(2 ** 70))
print(float('3.25'), float(' -1.25e-3 '), float('Infinity'), float('-nan'), float('1_000.5'), float(b'2.5'), float(2 ** 80), float(True))
print((1.0).is_integer(), (1.5).is_integer(), (0.25).as_integer_ratio(), (-0.1).as_integer_ratio(), (0.1).hex(), float.fromhex('0x1.8p1'))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(2.675, 2), round(1234.5678, -2), round(1e300), round(2.5, 0), round(-0.0))
print(int(2.5), math_trunc := (-2.7).__trunc__(), (-2.7).__floor__(), (-2.7).__ceil__(), (3.0).conjugate(), (3.5).real, (3.5).imag)
print(format(3.14159, '.2f'), format(1e100, 'g'), f'{0.1:.20f}', f'{-0.0:+}', f'{1234.5:,.1f}', f'{2.5:%}')
print(repr(1e16), repr(1e-5), repr(123456789.125), repr(5e-324), repr(1.7976931348623157e308), str(0.1 + 0.7))
print(1.5 + 2, 3 - 0.5, 2 * 0.1, 7 / 2.0, 7.0 // 2, -7.0 % 3, 3 % -2.5, 2.0 ** -1, abs(-2.5), -(-0.0), +1.5)
class F(float):
    pass
f = F(2.5)
print(type(f).__name__, f + 1, type(f + 1).__name__, repr(f), F('1e3'), isinstance(f, float), f == 2.5)
errors = [lambda: 1.0 / 0, lambda: 1.5 // 0.0, lambda: 5 % 0.0, lambda: divmod(1.0, 0), lambda: 0.0 ** -1,
          lambda: 2.0 ** 10000, lambda: float('abc'), lambda: float(None), lambda: float(b'x'), lambda: round(float('nan')),
          lambda: round(float('inf')), lambda: int(float('nan')), lambda: (float('inf')).as_integer_ratio(),
          lambda: float.fromhex('zz'), lambda: round(1e300, -400), lambda: pow(2.0, 3, 4),
          lambda: 1e308 * 10 ** 400]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
