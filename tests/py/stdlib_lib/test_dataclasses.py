# Exercises dataclasses: generated __init__/__repr__/__eq__/order/hash,
# frozen, field() options, __post_init__/InitVar, KW_ONLY, inheritance,
# asdict/astuple/replace/fields and error messages.
import dataclasses
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         FrozenInstanceError, InitVar, KW_ONLY, is_dataclass,
                         make_dataclass, MISSING)
from typing import ClassVar, List
from collections import namedtuple


from _show import show


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__doc__, Point.__match_args__, Point.__init__.__qualname__, Point.__repr__.__qualname__,
      Point.__hash__, Point.y, Point.__dataclass_params__)
show('missing', lambda: Point())
show('too many', lambda: Point(1, 2, 3))
show('unexpected', lambda: Point(1, z=2))
show('multiple', lambda: Point(1, x=2))
show('unhashable', lambda: hash(p))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default='', compare=False)


v1, v2 = Version(1, 2), Version(1, 10, 'beta')
print(v1 < v2, v1 <= v2, v2 > v1, v1 >= v1, sorted([v2, v1]), v1 == Version(1, 2, 'x'),
      hash(v1) == hash(Version(1, 2)), {v1: 'a'}[Version(1, 2)])
show('frozen set', lambda: setattr(v1, 'major', 5))
show('frozen new attr', lambda: setattr(v1, 'other', 5))
show('frozen del', lambda: delattr(v1, 'major'))
show('order other', lambda: v1 < (1, 2))
print(isinstance(FrozenInstanceError(), AttributeError))


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', init=False)
    computed: int = field(init=False)
    tags: dict = field(default_factory=dict, compare=False, metadata={'doc': 'tags'})
    limit: ClassVar[int] = 10

    def __post_init__(self):
        self.computed = len(self.name)


a = Inventory('apples')
b = Inventory('pears', ['x'])
a.items.append('one')
print(a, b, a.items is not b.items, a.secret, a.computed, Inventory.limit, a == Inventory('apples', ['one']))
print([f.name for f in fields(Inventory)], fields(a)[5].metadata['doc'], fields(a)[1].default_factory is list,
      fields(a)[0].default is MISSING, fields(a)[2].repr, Inventory.__doc__)
print(asdict(a), astuple(b))
show('init=False arg', lambda: Inventory('x', secret='y'))


@dataclass
class WithInitVar:
    value: int
    scale: InitVar[int] = 2
    result: int = field(init=False)

    def __post_init__(self, scale):
        self.result = self.value * scale


w = WithInitVar(5)
print(w, WithInitVar(5, 10).result, [f.name for f in fields(w)], WithInitVar.__doc__)
show('replace initvar', lambda: replace(w, value=1))


@dataclass
class NeedsInitVar:
    value: int
    factor: InitVar[int]

    def __post_init__(self, factor):
        self.value *= factor


show('replace required initvar', lambda: replace(NeedsInitVar(1, 2), value=3))
print(replace(NeedsInitVar(1, 2), value=3, factor=4))


@dataclass
class Base:
    a: int
    b: str = 'b'


@dataclass
class Derived(Base):
    c: float = 1.5
    a: int = 100


print(Derived(), Derived(1, 'x', 2.0), [f.name for f in fields(Derived)], Derived.__doc__)


@dataclass(kw_only=True)
class KW:
    x: int
    y: int = 2


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3


print(KW(x=1), Mixed(1, b=2), KW.__doc__, Mixed.__doc__, Mixed.__match_args__)
show('kw positional', lambda: KW(1))
show('kw missing', lambda: Mixed(1))
show('kw extra positional', lambda: Mixed(1, 2, b=3))


@dataclass(eq=False)
class NoEq:
    x: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass(unsafe_hash=True)
class Hashed:
    x: int
    y: list = field(hash=False, default_factory=list)


print(hash(Hashed(1)) == hash(Hashed(1, [2])), Hashed(1) == Hashed(1))


@dataclass(repr=False, init=False)
class Manual:
    x: int = 0

    def __init__(self, x):
        self.x = x * 2


print(Manual(2).x, Manual(2) == Manual(2), 'object at' in repr(Manual(1)))


@dataclass
class Custom:
    x: int

    def __repr__(self):
        return 'custom!'

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == 5, Custom.__hash__)


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


n = Node(1)
n.children.append(n)
print(n)
tree = Node(1, [Node(2, [Node(3)])])
print(asdict(tree), astuple(tree))
P = namedtuple('P', 'a b')


@dataclass
class Holder:
    pt: P
    data: dict
    seq: tuple


h = Holder(P(1, [2]), {'k': Node(5)}, (Node(6), 7))
print(asdict(h), astuple(h))
print(replace(p, y=10), replace(v2, tag='rc'), p)
show('replace non-dc', lambda: replace(5))
show('replace init false', lambda: replace(a, secret='z'))
show('asdict non-dc', lambda: asdict(Point))
show('fields non-dc', lambda: fields(5))
print(is_dataclass(Point), is_dataclass(p), is_dataclass(5), is_dataclass(int))

print('--- errors')


def define(body):
    try:
        return body()
    except Exception as e:
        print(type(e).__name__ + ':', e)


def mutable_default():
    @dataclass
    class Bad:
        x: list = []


def order_without_eq():
    @dataclass(order=True, eq=False)
    class Bad:
        x: int


def non_default_after_default():
    @dataclass
    class Bad:
        x: int = 1
        y: int


def both_defaults():
    field(default=1, default_factory=list)


def overwrite_order():
    @dataclass(order=True)
    class Bad:
        x: int

        def __lt__(self, other):
            return True


def frozen_from_nonfrozen():
    @dataclass(frozen=True)
    class Bad(Base):
        z: int = 0


def nonfrozen_from_frozen():
    @dataclass
    class Bad(Version):
        z: int = 0


def unannotated_field():
    @dataclass
    class Bad:
        x = field(default=1)


def classvar_factory():
    @dataclass
    class Bad:
        x: ClassVar[list] = field(default_factory=list)


def double_kw_only():
    @dataclass
    class Bad:
        a: int
        _: KW_ONLY
        __: KW_ONLY


def unsafe_hash_explicit():
    @dataclass(unsafe_hash=True)
    class Bad:
        x: int

        def __hash__(self):
            return 1


for body in [mutable_default, order_without_eq, non_default_after_default, both_defaults,
             overwrite_order, frozen_from_nonfrozen, nonfrozen_from_frozen, unannotated_field,
             classvar_factory, double_kw_only, unsafe_hash_explicit]:
    define(body)

print('--- misc')


@dataclass
class StrAnn:
    x: 'int'
    y: 'ClassVar[int]' = 5
    z: 'dataclasses.InitVar[int]' = 1


print([f.name for f in fields(StrAnn)], StrAnn(1), StrAnn.y)
D = make_dataclass('D', ['a', ('b', int), ('c', int, field(default=5))], namespace={'twice': lambda self: self.b * 2})
d = D(1, 2)
print(d, d.twice(), [f.type for f in fields(D)], D.__name__)


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty), Empty.__doc__)


@dataclass
class Defaults:
    a: int = 1
    b: tuple = (1, 2)
    c: str = 'x'


print(Defaults(), Defaults.__doc__)
