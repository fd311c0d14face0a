# Exercises enum: Enum/IntEnum/StrEnum/Flag/IntFlag members, lookup,
# reprs, aliases, auto, unique, functional API, mixins and errors.
import copy
import warnings
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, EnumMeta, EnumType


from _show import show


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return '%s is %d' % (self.name.lower(), self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(1), Color['GREEN'])
print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color.__members__)
print(repr(Color), type(Color) is EnumType, EnumMeta is EnumType, type(Color.RED) is Color,
      isinstance(Color.RED, Color), Color.RED.describe(), Color.default())
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED is Color(1),
      hash(Color.RED) == hash('RED'), bool(Color.RED), f'{Color.RED}', f'{Color.RED:>12}|',
      format(Color.BLUE), str(Color.GREEN), list(reversed(Color)), Color.RED in Color)
print({Color.RED: 'r'}[Color.CRIMSON], sorted(Color, key=lambda c: c.value), Color._member_names_)
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.BLUE])[0] is Color.BLUE)
show('bad value', lambda: Color(7))
show('bad value None', lambda: Color(None))
show('bad name', lambda: Color['PURPLE'])
show('reassign', lambda: setattr(Color, 'RED', 5))
show('set value', lambda: setattr(Color.RED, 'value', 2))
show('set name', lambda: setattr(Color.RED, 'name', 'X'))
show('delete', lambda: delattr(Color, 'RED'))
show('order', lambda: Color.RED < Color.BLUE)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    show('contains int', lambda: 3 in Color)


def extend():
    class More(Color):
        PINK = 4


show('extend', extend)
Color.extra_attr = 'ok'
print(Color.extra_attr)


class Auto(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()


print(list(Auto), repr(auto()))


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    A = auto()
    B = auto()


print(list(Lower))


def dup():
    @unique
    class U(Enum):
        a = 1
        b = 1
        c = 2
        d = 2


show('unique', dup)
print(unique(Color.__class__.__call__(Enum, 'Solo', 'x')).x if False else unique(Auto) is Auto)


class Planet(Enum):
    EARTH = (5.97, 6.37)
    MARS = (0.642, 3.39)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def ratio(self):
        return round(self.mass / self.radius, 3)


print(Planet.EARTH.value, Planet.EARTH.mass, Planet((0.642, 3.39)), Planet.MARS.ratio)


class Custom(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj

    A = (1, 'one')
    B = (2, 'two')


print(Custom(2), Custom.B.label, Custom.A.value, repr(Custom.A))


class WithMissing(Enum):
    A = 1
    B = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        if value == 99:
            return 5
        return None


print(WithMissing('a'), WithMissing(2))
show('missing bad', lambda: WithMissing(99))
show('missing none', lambda: WithMissing(7))


class Base(Enum):
    def describe(self):
        return self.name.lower()


class Sub(Base):
    X = 1


print(Sub.X.describe(), list(Sub), list(Base))

print('--- IntEnum / StrEnum / mixins')


class Num(IntEnum):
    ONE = 1
    TWO = auto()
    THREE = 3


print(repr(Num.ONE), str(Num.ONE), format(Num.TWO), f'{Num.THREE:03d}', Num.ONE + 1, Num.TWO == 2,
      Num(3), Num.ONE < Num.TWO, sorted([Num.THREE, 1]), isinstance(Num.ONE, int), repr(IntEnum),
      int(Num.THREE), [1, 2, 3][Num.ONE], hash(Num.ONE) == hash(1), Num.ONE.real)


class S(StrEnum):
    A = auto()
    B = 'bee'


print(repr(S.A), str(S.A), S.B.upper(), S.A == 'a', f'{S.B}', S('bee'), isinstance(S.A, str))


def bad_str():
    class Bad(StrEnum):
        A = 1


show('strenum int', bad_str)


class MixStr(str, Enum):
    A = 'a'
    B = 'b'


print(repr(MixStr.A), str(MixStr.A), format(MixStr.A), MixStr.A == 'a', MixStr('b'))


class MixFloat(float, Enum):
    PI = 3.14


print(repr(MixFloat.PI), MixFloat.PI * 2, str(MixFloat.PI))

print('--- Flag / IntFlag')


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), repr(Perm(0)), str(Perm(0)), repr(~Perm.R))
print(list(Perm), list(Perm.R | Perm.X), len(Perm.R | Perm.W), Perm.RWX, repr(Perm.RWX),
      bool(Perm(0)), Perm.R in Perm.RWX, Perm.W in Perm.R, (Perm.R | Perm.W).name, Perm(0).name)
print(Perm.R | Perm.W | Perm.X is Perm.RWX, Perm(6), Perm.RWX & Perm.W, Perm.R ^ Perm.RWX,
      Perm.__members__, len(Perm), (Perm.R | Perm.W) is Perm(6))
show('flag invalid', lambda: Perm(8))
show('flag or int', lambda: Perm.R | 1)
show('flag contains', lambda: 1 in Perm.R)


class F(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
    NONE = 0


print(list(F), F.AB, F.C.value, repr(F.A | F.C), F(3), F.NONE, repr(F(0)), ~(F.A | F.B | F.C))


class IP(IntFlag):
    R = 4
    W = 2
    X = 1


print(repr(IP.R | IP.W), str(IP.R | IP.W), repr(IP(0)), IP.R | 8, repr(IP.R | 8), repr(~IP.R),
      format(IP.R), IP.R + 1, repr(IP(9)), 8 | IP.R, repr(8 | IP.R), IP.W & 3, isinstance(IP.R, int),
      list(IP.R | IP.X), repr(IntFlag), IP.R == 4)

print('--- functional API')
E = Enum('E', 'a b c')
print(list(E), E.__module__, repr(E.a), E.__name__)
print(Enum('F2', [('x', 5), ('y', 6)]).y, Enum('G', {'p': 1}).p, Enum('H', 'a,b', start=10).b,
      repr(IntEnum('I', 'q r').r), list(Flag('FF', 'a b c')), StrEnum('SE', 'x y').y.value,
      repr(Enum('Q', ['one', 'two'], type=int).two))
print(E.a.__class__ is E, E(2), E['c'])


class Column(Enum):
    name = 'the name'
    value = 'the value'
    other = 3


print(Column.name, Column.value, repr(Column.name), Column.name.name, Column.name.value,
      Column.value.name, Column.value.value, Column.other.name, list(Column), Column('the value'))
print(Color.RED.name, Color.RED.value)
