"""The numeric tower of PEP 3141 as abstract base classes.

Number > Complex > Real > Rational > Integral. complex, float and int are registered with the
matching class (bool through int). A class lists, as abstract methods, what a concrete number
type has to implement; the operations that follow from those come with default definitions.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """The root of the tower: isinstance(x, Number) tells whether x is a number at all."""

    # Only concrete types know how their values hash.
    __hash__ = None


class Complex(Number):
    """What complex supports: complex(), the parts, arithmetic, abs() and equality."""

    @abstractmethod
    def __complex__(self):
        """complex(self)."""
        raise NotImplementedError

    def __bool__(self):
        """Whether self is nonzero."""
        return self != 0

    @property
    @abstractmethod
    def real(self):
        """The real part."""
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
        """The imaginary part."""
        raise NotImplementedError

    @abstractmethod
    def __add__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __radd__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __neg__(self):
        raise NotImplementedError

    @abstractmethod
    def __pos__(self):
        raise NotImplementedError

    def __sub__(self, other):
        """Subtraction as adding the negation."""
        return self + -other

    def __rsub__(self, other):
        return -self + other

    @abstractmethod
    def __mul__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rmul__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __truediv__(self, other):
        """self / other, promoting to float where an exact result needs it."""
        raise NotImplementedError

    @abstractmethod
    def __rtruediv__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __pow__(self, exponent):
        """self ** exponent, promoting to float or complex where needed."""
        raise NotImplementedError

    @abstractmethod
    def __rpow__(self, base):
        raise NotImplementedError

    @abstractmethod
    def __abs__(self):
        """abs(self): the distance from zero, a Real."""
        raise NotImplementedError

    @abstractmethod
    def conjugate(self):
        """The complex conjugate: the imaginary part negated."""
        raise NotImplementedError

    @abstractmethod
    def __eq__(self, other):
        raise NotImplementedError


class Real(Complex):
    """Complex plus what only ordered numbers have: float(), rounding, //, %, < and <=."""

    @abstractmethod
    def __float__(self):
        """float(self)."""
        raise NotImplementedError

    @abstractmethod
    def __trunc__(self):
        """math.trunc(self): the Integral between self and zero nearest to self."""
        raise NotImplementedError

    @abstractmethod
    def __floor__(self):
        """math.floor(self): the largest Integral not above self."""
        raise NotImplementedError

    @abstractmethod
    def __ceil__(self):
        """math.ceil(self): the smallest Integral not below self."""
        raise NotImplementedError

    @abstractmethod
    def __round__(self, ndigits=None):
        """round(self[, ndigits]): an Integral without ndigits, a Real with it; ties go to even."""
        raise NotImplementedError

    def __divmod__(self, other):
        """divmod(self, other) from // and %."""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        return (other // self, other % self)

    @abstractmethod
    def __floordiv__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rfloordiv__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __mod__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rmod__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __lt__(self, other):
        """self < other; Reals are totally ordered, NaNs aside."""
        raise NotImplementedError

    @abstractmethod
    def __le__(self, other):
        raise NotImplementedError

    # A Real is a Complex with a zero imaginary part.
    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self


class Rational(Real):
    """A Real that is a ratio of Integrals, kept in lowest terms."""

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        # Integer true division rounds once and does not overflow for huge terms, which
        # converting each term to float first would.
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """A Rational with denominator 1: int(), index use, pow() with a modulus and bit operations."""

    @abstractmethod
    def __int__(self):
        """int(self)."""
        raise NotImplementedError

    def __index__(self):
        """operator.index(self), used by slicing and sequence repetition."""
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        """pow(self, exponent[, modulus]); a TypeError for a negative exponent with a modulus
        or for non-Integral arguments."""
        raise NotImplementedError

    @abstractmethod
    def __lshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rlshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rrshift__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __and__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rand__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __xor__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __rxor__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __or__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __ror__(self, other):
        raise NotImplementedError

    @abstractmethod
    def __invert__(self):
        raise NotImplementedError

    def __float__(self):
        return float(int(self))

    # An integer is the fraction n/1.
    @property
    def numerator(self):
        return +self

    @property
    def denominator(self):
        return 1


Complex.register(complex)
Real.register(float)
Integral.register(int)
