import numbers, fractions
from abc import ABCMeta, abstractmethod
print(numbers.Complex.__abstractmethods__ == frozenset(numbers.Complex.__abstractmethods__))
for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral):
    print(c.__name__, sorted(getattr(c, '__abstractmethods__', ())))
for v in (1, 1.5, 2j, True, fractions.Fraction(1, 3)):
    print(repr(v), [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral) if isinstance(v, c)])
class MyInt(numbers.Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __repr__(self): return f"MyInt({self.v})"
for name in sorted(numbers.Integral.__abstractmethods__):
    if name not in ('__int__',):
        setattr(MyInt, name, lambda self, *a, _n=name: (_n, a))
MyInt.__abstractmethods__ = frozenset()
m = MyInt(7)
print(float(m), m.numerator, m.denominator, m.__index__())
print(numbers.Real.__divmod__(5.0, 2.0), numbers.Real.__rdivmod__(5.0, 2.0))
print(numbers.Complex.__sub__(3, 1), numbers.Complex.__rsub__(3, 1))
print(numbers.Real.real.fget(2.5), numbers.Real.imag.fget(2.5), numbers.Real.conjugate(2.5), numbers.Real.__complex__(2.5))
print(numbers.Rational.__float__(fractions.Fraction(1, 4)), numbers.Integral.__float__(3))
print(numbers.Complex.__bool__(0j), numbers.Complex.__bool__(1j))
print(numbers.Number.__hash__)
try:
    numbers.Complex.__add__(1, 2)
except NotImplementedError as e:
    print('NotImplementedError', repr(e))
class Half(numbers.Real): pass
try:
    Half()
except TypeError as e:
    print(e)
print(isinstance(numbers.Integral.numerator, property), numbers.Integral.__index__.__name__)
