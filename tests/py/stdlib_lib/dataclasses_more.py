# dataclasses beyond the basics: Field/InitVar reprs, the hash rules, descriptors as defaults,
# string annotations, kw_only with inheritance, a field named self, abstract methods, errors.
import abc
import dataclasses
import typing
from dataclasses import dataclass, field, fields, replace, asdict, astuple, make_dataclass, KW_ONLY, InitVar


@dataclass
class A:
    x: int = field(default=1, metadata={'unit': 'm'}, repr=False)
    y: list = field(default_factory=list, compare=False, hash=True)


fx, fy = fields(A)
print(repr(fx).replace(repr(dataclasses.MISSING), 'MISSING'))
print(repr(fy).replace(repr(dataclasses.MISSING), 'MISSING'))
print(InitVar[int], InitVar[typing.List[int]], InitVar('text'), dataclasses.Field[int] is not None)
print(A.__doc__, A(), A.__match_args__, fx.metadata, type(fx.metadata).__name__)

for unsafe_hash in (False, True):
    for eq in (False, True):
        for frozen in (False, True):
            for own in (False, True):
                body = {'__annotations__': {'v': int}}
                if own:
                    body['__hash__'] = lambda self: 42
                try:
                    cls = dataclass(type('H', (), body), unsafe_hash=unsafe_hash, eq=eq, frozen=frozen)
                except TypeError as e:
                    print(unsafe_hash, eq, frozen, own, 'TypeError', e)
                    continue
                h = cls.__dict__.get('__hash__', 'inherited')
                kind = 'inherited' if h == 'inherited' else 'None' if h is None else 'own' if own and h is body['__hash__'] else 'generated'
                value = hash(cls(3)) == hash((3,)) if kind == 'generated' else None
                print(unsafe_hash, eq, frozen, own, kind, value)


class Desc:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = '_' + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return 7
        return getattr(obj, self.name, 7)

    def __set__(self, obj, value):
        setattr(obj, self.name, value * 10)


@dataclass
class WithDesc:
    d: int = Desc()


class Named:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)

    def __repr__(self):
        return 'Named()'


@dataclass
class WithField:
    e: object = field(default=Named())


w = WithDesc()
print(w, WithDesc(2).d, fields(WithDesc)[0].default, WithField(), WithField.e)


@dataclass
class StrAnnotations:
    a: 'typing.ClassVar[int]' = 1
    b: 'dataclasses.KW_ONLY'
    c: int = 2
    d: 'InitVar[int]' = 3

    def __post_init__(self, d):
        self.c += d


print([f.name for f in fields(StrAnnotations)], StrAnnotations(c=5), StrAnnotations.__doc__)


@dataclass
class Base:
    a: int
    b: int = field(kw_only=True, default=0)


@dataclass
class Child(Base):
    c: int = 5
    _: KW_ONLY
    d: int = 6


print(Child(1), Child(1, 2, b=3, d=4), Child.__match_args__, Child.__doc__)
print(replace(Child(1), d=9, b=8))


@dataclass
class SelfField:
    self: int
    other: int = 0


print(SelfField(1, 2), SelfField(self=5))


@dataclass
class Shape(abc.ABC):
    name: str

    @abc.abstractmethod
    def area(self):
        ...


@dataclass
class Square(Shape):
    side: float = 1.0

    def area(self):
        return self.side ** 2


print(Square('s', 2).area(), Shape.__abstractmethods__)
try:
    Shape('x')
except TypeError as e:
    print('TypeError', e)


@dataclass(frozen=True)
class Frozen:
    x: int


@dataclass(frozen=True)
class FrozenChild(Frozen):
    y: int = 0


fc = FrozenChild(1)
for target, action in ((fc, lambda o: setattr(o, 'x', 2)), (fc, lambda o: setattr(o, 'z', 2)),
                       (fc, lambda o: delattr(o, 'y'))):
    try:
        action(target)
    except dataclasses.FrozenInstanceError as e:
        print('FrozenInstanceError', e)


class Plain(Frozen):
    pass


p = Plain(4)
p.extra = 'allowed'
print(p, p.extra)


@dataclass
class Tree:
    value: int
    kids: dict = field(default_factory=dict)


t = Tree(1, {'a': [Tree(2)], 'b': (Tree(3, {'c': Tree(4)}),)})
print(asdict(t), astuple(t))
print(asdict(t, dict_factory=lambda pairs: sorted(pairs)), astuple(t, tuple_factory=list))
for spec in (['ok', 'class'], ['ok', 'ok'], ['1bad'], [('a', int, 5, 4)], [3]):
    try:
        make_dataclass('X', spec)
    except TypeError as e:
        print('TypeError', e)
Made = make_dataclass('Made', [('n', int, field(default=1))], bases=(Base,), frozen=False, order=True)
print(Made(0) < Made(0, 2), Made.__mro__[1].__name__, Made.__module__ == __name__ or Made.__module__)


@dataclass(order=True)
class Ordered:
    a: int
    b: str = field(compare=False, default='')


print(sorted([Ordered(3), Ordered(1, 'z'), Ordered(2)]), Ordered(1) == Ordered(1, 'other'),
      Ordered(1).__lt__(5), Ordered(1) <= Ordered(1))
try:
    field(default=1, default_factory=int)
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass
    class BadKw:
        x: typing.ClassVar[int] = field(default=1, kw_only=True)
except TypeError as e:
    print('TypeError', e)
