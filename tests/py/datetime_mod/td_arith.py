# timedelta: normalisation, rounding, arithmetic with ints/floats, reprs, errors
from datetime import timedelta


def show(f, msg=True):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        # operator TypeErrors name the type as 'datetime.timedelta' only in CPython's C module
        print(type(e).__name__, e if msg else '')


print(repr(timedelta()), repr(timedelta(1)), repr(timedelta(0, 1)), repr(timedelta(0, 0, 1)))
print(repr(timedelta(days=-1)), repr(timedelta(seconds=-1)), repr(timedelta(microseconds=-1)))
print(repr(timedelta(weeks=2, days=3, hours=4, minutes=5, seconds=6, milliseconds=7, microseconds=8)))
for args in [dict(seconds=0.5e-6), dict(seconds=1.5e-6), dict(seconds=2.5e-6), dict(microseconds=0.5),
             dict(microseconds=1.5), dict(microseconds=-0.5), dict(microseconds=-1.5),
             dict(days=0.1), dict(days=-0.1), dict(hours=1.123456789), dict(minutes=-0.0000001),
             dict(days=1e-11), dict(weeks=1.5, days=-0.25), dict(seconds=86399.9999995),
             dict(milliseconds=0.0005), dict(milliseconds=-0.0015), dict(days=3.5, seconds=-1.25),
             dict(microseconds=10**10), dict(microseconds=-10**10 - 0.5), dict(seconds=1e9),
             dict(days=999999999), dict(days=-999999999), dict(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)]:
    show(lambda: timedelta(**args))
for args in [dict(days=1000000000), dict(days=-1000000000), dict(days=999999999, hours=24),
             dict(seconds=1e20), dict(days=float('inf')), dict(days=float('nan')), dict(days='1'),
             dict(seconds=None), dict(microseconds=1j), dict(days=1e18)]:
    show(lambda: timedelta(**args))
show(lambda: timedelta(1, 2, 3, 4, 5, 6, 7, 8), False)
show(lambda: timedelta(foo=1), False)
show(lambda: timedelta(True, False))

for td in [timedelta(0), timedelta(1), timedelta(-1), timedelta(2, 3), timedelta(0, 3600, 5),
           timedelta(microseconds=-1), timedelta(days=-2, seconds=5), timedelta(999999999),
           timedelta(-999999999), timedelta.resolution, timedelta(seconds=-86400 * 3 + 1)]:
    print(str(td), '|', td.days, td.seconds, td.microseconds, td.total_seconds(), bool(td), abs(td), -td, +td)

a, b = timedelta(1, 2, 3), timedelta(0, 5, 7)
print(a + b, a - b, b - a, a * 3, 3 * a, -2 * a, a * 0)
print(a * 0.5, a * 1.1, a * -0.3, 0.25 * b, a * 1e-7, b * 2.5, timedelta(microseconds=3) * 0.5,
      timedelta(microseconds=5) * 0.5, timedelta(microseconds=-3) * 0.5)
print(a / 2, a / 3, a / 2.5, a / -7, b / 0.1, timedelta(microseconds=3) / 2, timedelta(microseconds=5) / 2,
      timedelta(microseconds=-5) / 2)
print(a // 2, a // 3, a // -7, a / b, a // b, b // a, a % b, b % a, divmod(a, b), divmod(-a, b))
print(timedelta(hours=1) / timedelta(minutes=7), timedelta(hours=-1) // timedelta(minutes=7),
      timedelta(hours=-1) % timedelta(minutes=7), -timedelta(hours=1) % timedelta(minutes=-7))
print(a * True, a.total_seconds(), timedelta(days=10**8, microseconds=1).total_seconds())
print(timedelta(microseconds=1).total_seconds(), timedelta(days=-1, microseconds=1).total_seconds())
for f in [lambda: a + 1, lambda: 1 + a, lambda: a - 1, lambda: a * a, lambda: a * 'x', lambda: a / 0,
          lambda: a // 0, lambda: a / timedelta(0), lambda: a // timedelta(0), lambda: a % timedelta(0),
          lambda: divmod(a, timedelta(0)), lambda: a / 'x', lambda: a // 1.5, lambda: a % 2,
          lambda: divmod(a, 2), lambda: a < 1, lambda: a * float('nan'), lambda: a * float('inf'),
          lambda: a / 0.0, lambda: timedelta.max + timedelta.resolution, lambda: timedelta.min - timedelta.resolution,
          lambda: timedelta.max * 2, lambda: -timedelta.min, lambda: a / float('inf'),
          lambda: 2 / a, lambda: 2 // a, lambda: 1.5 * a]:
    show(f, False)

print(a == timedelta(1, 2, 3), a != b, a < b, a > b, a <= a, a >= b, a == 1, a != 'x')
print(timedelta(hours=24) == timedelta(1), hash(timedelta(hours=24)) == hash(timedelta(1)),
      hash(timedelta(0)) == hash(timedelta(microseconds=0)), len({timedelta(1), timedelta(hours=24), timedelta(2)}))
print(sorted([timedelta(3), timedelta(-1), timedelta(0, 5), timedelta(microseconds=1)]))
print(timedelta.min, timedelta.max, repr(timedelta.min), repr(timedelta.max), repr(timedelta.resolution))
print(sum([timedelta(1), timedelta(hours=12)], timedelta()))


class TD(timedelta):
    pass


x = TD(1, 2)
print(type(x).__name__, repr(x), type(x + x).__name__, type(-x).__name__, type(x * 2).__name__, type(abs(x)).__name__)
print(timedelta.days.__doc__ is None or isinstance(timedelta.days.__doc__, str))
show(lambda: setattr(a, 'days', 3), False)
