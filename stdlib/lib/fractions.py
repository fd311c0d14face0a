"""Fraction, Infinite-precision Rational numbers."""
import math
import numbers
import operator
import sys

__all__ = ['Fraction']


def _digit_run(text):
    """True for decimal digits with single underscores between them."""
    return all(part and part.isdecimal() for part in text.split('_'))


def _parse_fraction(literal):
    """(numerator, denominator) of a string such as ' -3/4 ', '1.25',
    '2e-3', '5.' or '.5'; ValueError for anything else."""
    invalid = ValueError(f'Invalid literal for Fraction: {literal!r}')
    text = literal.strip()
    negative = text[:1] == '-'
    if text[:1] in ('-', '+'):
        text = text[1:]
    if '/' in text:
        top, _, bottom = text.partition('/')
        if not (_digit_run(top) and _digit_run(bottom)):
            raise invalid
        numerator, denominator = int(top), int(bottom)
    else:
        mantissa, exponent = _split_exponent(text, invalid)
        whole, dot, decimals = mantissa.partition('.')
        if not (whole or decimals):
            raise invalid
        for digits in (whole, decimals):
            if digits and not _digit_run(digits):
                raise invalid
        decimals = decimals.replace('_', '')
        numerator = int(whole or '0') * 10 ** len(decimals) + int(decimals or '0')
        exponent -= len(decimals)
        if exponent >= 0:
            numerator, denominator = numerator * 10 ** exponent, 1
        else:
            denominator = 10 ** -exponent
    return (-numerator if negative else numerator), denominator


def _split_exponent(text, invalid):
    """(mantissa, exponent) of a decimal literal with an optional e/E part."""
    mantissa, mark, exponent = text.replace('E', 'e').partition('e')
    if not mark:
        return text, 0
    sign = exponent[:1]
    digits = exponent[1:] if sign in ('-', '+') else exponent
    if not _digit_run(digits):
        raise invalid
    return mantissa, -int(digits) if sign == '-' else int(digits)


def _binary_operator(exact, name):
    """The forward and reflected methods of the binary operator `name`:
    exact(x, y) on two Fractions when both operands are rational; the
    same operator on floats or complex numbers otherwise."""
    inexact = getattr(operator, name) if name != 'divmod' else divmod

    def forward(a, b):
        if isinstance(b, Fraction):
            return exact(a, b)
        if isinstance(b, int):
            return exact(a, Fraction(b))
        if isinstance(b, float):
            return inexact(float(a), b)
        if isinstance(b, complex):
            return inexact(complex(a), b)
        return NotImplemented

    def reflected(b, a):
        if isinstance(a, numbers.Rational):
            return exact(Fraction(a), b)
        if isinstance(a, numbers.Real):
            return inexact(float(a), float(b))
        if isinstance(a, numbers.Complex):
            return inexact(complex(a), complex(b))
        return NotImplemented

    forward.__name__ = f'__{name}__'
    reflected.__name__ = f'__r{name}__'
    forward.__doc__ = reflected.__doc__ = exact.__doc__
    return forward, reflected


def _comparable(other):
    """`other` as an exact Fraction for an ordering comparison; a float
    infinity or NaN stays as it is; None when it cannot be compared."""
    if isinstance(other, numbers.Rational):
        return other
    if isinstance(other, float):
        return other if not math.isfinite(other) else Fraction(other)
    return None


class Fraction(numbers.Rational):
    """This class implements rational numbers.

    In the two-argument form of the constructor, Fraction(8, 6) will
    produce a rational number equivalent to 4/3. Both arguments must
    be Rational. The numerator defaults to 0 and the denominator
    defaults to 1 so that Fraction(3) == 3 and Fraction() == 0.

    Fractions can also be constructed from:

      - numeric strings similar to those accepted by the
        float constructor (for example, '-2.3' or '1e10')

      - strings of the form '123/456'

      - float and Decimal instances

      - other Rational instances (including integers)
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            top, bottom = cls._ratio_of(numerator)
        elif type(numerator) is int and type(denominator) is int:
            top, bottom = numerator, denominator
        elif (isinstance(numerator, numbers.Rational)
              and isinstance(denominator, numbers.Rational)):
            top = numerator.numerator * denominator.denominator
            bottom = numerator.denominator * denominator.numerator
        else:
            raise TypeError('both arguments should be '
                            'Rational instances')
        if bottom == 0:
            raise ZeroDivisionError(f'Fraction({top}, 0)')
        if _normalize:
            common = math.gcd(top, bottom)
            # The sign lives in the numerator.
            if bottom < 0:
                common = -common
            top //= common
            bottom //= common
        self = super().__new__(cls)
        self._numerator = top
        self._denominator = bottom
        return self

    @staticmethod
    def _ratio_of(value):
        """(numerator, denominator) of the constructor's single argument."""
        if isinstance(value, numbers.Rational):
            return value.numerator, value.denominator
        if isinstance(value, float):
            return value.as_integer_ratio()
        if isinstance(value, str):
            return _parse_fraction(value)
        raise TypeError('argument should be a string '
                        'or a Rational instance')

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly.

        Beware that Fraction.from_float(0.3) != Fraction(3, 10).
        """
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(f'{cls.__name__}.from_float() only takes floats, '
                            f'not {f!r} ({type(f).__name__})')
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        raise TypeError(f'{cls.__name__}.from_decimal() only takes Decimals, '
                        f'not {dec!r} ({type(dec).__name__})')

    def as_integer_ratio(self):
        """Return the integer ratio as a tuple."""
        return self._numerator, self._denominator

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator.

        >>> Fraction('3.141592653589793').limit_denominator(10)
        Fraction(22, 7)
        """
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Expand self as a continued fraction, keeping the last two
        # convergents, until the next convergent's denominator is too big.
        # The best approximation is then the last convergent or the largest
        # admissible semiconvergent after it (on a tie, the convergent).
        older_num, older_den, last_num, last_den = 0, 1, 1, 0
        rest_num, rest_den = self._numerator, self._denominator
        while True:
            term, remainder = divmod(rest_num, rest_den)
            next_den = term * last_den + older_den
            if next_den > max_denominator:
                break
            older_num, older_den, last_num, last_den = (
                last_num, last_den, term * last_num + older_num, next_den)
            rest_num, rest_den = rest_den, remainder
        steps = (max_denominator - older_den) // last_den
        convergent = Fraction(last_num, last_den)
        semiconvergent = Fraction(older_num + steps * last_num,
                                  older_den + steps * last_den)
        if abs(convergent - self) <= abs(semiconvergent - self):
            return convergent
        return semiconvergent

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return f'{type(self).__name__}({self._numerator}, {self._denominator})'

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return f'{self._numerator}/{self._denominator}'

    def _add(a, b):
        """a + b"""
        return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _sub(a, b):
        """a - b"""
        return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _mul(a, b):
        """a * b"""
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    def _div(a, b):
        """a / b"""
        return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)

    def _floordiv(a, b):
        """a // b"""
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _mod(a, b):
        """a % b"""
        # Both operands over the common denominator den(a) * den(b).
        remainder = (a._numerator * b._denominator) % (b._numerator * a._denominator)
        return Fraction(remainder, a._denominator * b._denominator)

    def _divmod(a, b):
        """(a // b, a % b)"""
        return a._floordiv(b), a._mod(b)

    __add__, __radd__ = _binary_operator(_add, 'add')
    __sub__, __rsub__ = _binary_operator(_sub, 'sub')
    __mul__, __rmul__ = _binary_operator(_mul, 'mul')
    __truediv__, __rtruediv__ = _binary_operator(_div, 'truediv')
    __floordiv__, __rfloordiv__ = _binary_operator(_floordiv, 'floordiv')
    __divmod__, __rdivmod__ = _binary_operator(_divmod, 'divmod')
    __mod__, __rmod__ = _binary_operator(_mod, 'mod')

    def _int_power(self, exponent):
        """self ** exponent for an int exponent, exactly."""
        if exponent < 0:
            # The reciprocal, with the sign moved to the numerator.
            sign = -1 if self._numerator < 0 else 1
            return Fraction((sign * self._denominator) ** -exponent,
                            abs(self._numerator) ** -exponent, _normalize=False)
        return Fraction(self._numerator ** exponent,
                        self._denominator ** exponent, _normalize=False)

    def __pow__(a, b):
        """a ** b

        If b is not an integer, the result will be a float or complex
        since roots are generally irrational. If b is an integer, the
        result will be rational.
        """
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                return a._int_power(b.numerator)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1:
            if b._numerator >= 0:
                return a ** b._numerator
            if isinstance(a, numbers.Rational):
                return Fraction(a)._int_power(b._numerator)
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return float(a) ** float(b)
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        """-a"""
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        """abs(a)"""
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        """int(a)"""
        return a.__trunc__()

    def __trunc__(a):
        """math.trunc(a)"""
        whole = abs(a._numerator) // a._denominator
        return -whole if a._numerator < 0 else whole

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits)

        Rounds half toward even.
        """
        if ndigits is None:
            down, excess = divmod(self._numerator, self._denominator)
            twice = 2 * excess
            if twice > self._denominator or (twice == self._denominator
                                             and down % 2 == 1):
                return down + 1
            return down
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * scale), scale)
        return Fraction(round(self / scale) * scale)

    def __hash__(self):
        """hash(self)"""
        # Python's numeric hash (see "Hashing of numeric types" in the
        # library reference): equal ints, floats and Fractions hash alike.
        modulus = sys.hash_info.modulus
        if self._denominator % modulus == 0:
            value = sys.hash_info.inf
        else:
            value = (abs(self._numerator) % modulus
                     * pow(self._denominator, -1, modulus) % modulus)
        if self._numerator < 0:
            value = -value
        return -2 if value == -1 else value

    def __eq__(a, b):
        """a == b"""
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator
                    and a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            return math.isfinite(b) and a == Fraction(b)
        return NotImplemented

    def _compare(self, other, op):
        """op(self, other) for an ordering operator op; NotImplemented for
        operands other than rationals and floats."""
        other = _comparable(other)
        if other is None:
            return NotImplemented
        if isinstance(other, float):
            # Only infinities and NaN stay floats: any finite value sits
            # where 0.0 does relative to them.
            return op(0.0, other)
        return op(self._numerator * other.denominator,
                  self._denominator * other.numerator)

    def __lt__(a, b):
        """a < b"""
        return a._compare(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._compare(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._compare(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._compare(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return a._numerator != 0

    def __reduce__(self):
        return type(self), (self._numerator, self._denominator)

    def __copy__(self):
        if type(self) is Fraction:
            # Immutable: the object itself serves as its copy.
            return self
        return type(self)(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()
