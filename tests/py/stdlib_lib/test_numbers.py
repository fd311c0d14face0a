# Exercises numbers: the ABC hierarchy, registrations and the mixins.
import numbers
from numbers import Number, Complex, Real, Rational, Integral

for value in [1, True, 1.5, 2j, 'x', None]:
    print(repr(value), [c.__name__ for c in (Number, Complex, Real, Rational, Integral)
                        if isinstance(value, c)])
print(issubclass(int, Integral), issubclass(float, Rational), issubclass(complex, Real),
      issubclass(bool, Number), Number.__hash__)
for cls in (Complex, Real, Rational, Integral):
    print(cls.__name__, sorted(cls.__abstractmethods__))
try:
    Integral()
except TypeError as e:
    print('TypeError', e)


class MyInt(Integral):
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v

    def __repr__(self):
        return 'MyInt(%d)' % self.v


for name in sorted(Integral.__abstractmethods__):
    if name != '__int__':
        setattr(MyInt, name, lambda self, *args: NotImplemented)
MyInt.__abstractmethods__ = frozenset()
m = MyInt(7)
print(float(m), m.__index__(), m.numerator if False else 'skip', m.denominator, m.imag,
      [1, 2, 3, 4, 5, 6, 7, 8][m], complex(MyInt(2)))


class Frac(Rational):
    def __init__(self, n, d):
        self.n, self.d = n, d

    @property
    def numerator(self):
        return self.n

    @property
    def denominator(self):
        return self.d


for name in sorted(Rational.__abstractmethods__ - {'numerator', 'denominator'}):
    setattr(Frac, name, lambda self, *args: NotImplemented)
Frac.__abstractmethods__ = frozenset()
print(float(Frac(1, 4)), float(Frac(10 ** 400, 10 ** 399)), Frac(3, 4).imag)
