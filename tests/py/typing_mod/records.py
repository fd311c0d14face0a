# NamedTuple (class and functional forms), TypedDict (total, Required/NotRequired,
# inheritance, functional form) and NewType.
import pickle
import typing
from typing import Generic, List, NamedTuple, NewType, NotRequired, Optional, Required, TypedDict, TypeVar

from _util import show

T = TypeVar('T')

print('--- NamedTuple class form')


class Employee(NamedTuple):
    """An employee."""
    name: str
    id: int = 3
    tags: List[str] = []

    def describe(self):
        return f'{self.name}#{self.id}'

    @property
    def upper(self):
        return self.name.upper()

    kind = 'staff'


e = Employee('guido')
print(e, e.describe(), e.upper, e.kind, Employee._fields, Employee._field_defaults)
print(Employee.__annotations__, Employee.__doc__, Employee.__module__, Employee.__name__,
      Employee.__qualname__, Employee.__bases__, isinstance(e, tuple))
print(e._replace(id=5), e._asdict(), Employee._make(['a', 1, []]), e == ('guido', 3, []),
      Employee('x', 1, ['t']).tags, len(e), e[0], hash(Employee('a', 1, ())) == hash(('a', 1, ())))
print(pickle.loads(pickle.dumps(e)) == e, Employee.__new__.__defaults__)


class Empty(NamedTuple):
    pass


print(Empty(), Empty._fields, Empty.__annotations__)


class Sub(Employee):
    def extra(self):
        return 'extra'


print(Sub('s').extra(), Sub('s'), Sub.__mro__[:2])

print('--- NamedTuple functional form')
Emp2 = NamedTuple('Emp2', [('name', str), ('age', int)])
print(Emp2('a', 1), Emp2.__annotations__, Emp2.__module__, Emp2._fields, Emp2._field_defaults)
Emp3 = NamedTuple('Emp3', x=int, y=None)
print(Emp3(1, 2), Emp3.__annotations__, Emp3._fields)
Emp4 = NamedTuple('Emp4', (('a', 'Fwd'), ('b', List[int])))
print(Emp4(1, 2), Emp4.__annotations__)
Emp5 = NamedTuple('Emp5', [])
print(Emp5(), Emp5._fields)


def bad_nt_order():
    class Bad(NamedTuple):
        x: int = 1
        y: str


def bad_nt_order2():
    class Bad(NamedTuple):
        a: int = 1
        b: int = 2
        c: str


def bad_nt_overwrite():
    class Bad(NamedTuple):
        x: int

        def _replace(self):
            pass


def bad_nt_fields():
    class Bad(NamedTuple):
        x: int
        _fields = ()


def bad_nt_base():
    class Bad(NamedTuple, int):
        x: int


def bad_nt_annotation():
    class Bad(NamedTuple):
        x: 3


for label, f in [
        ('default order', bad_nt_order),
        ('default order 2', bad_nt_order2),
        ('overwrite _replace', bad_nt_overwrite),
        ('overwrite _fields', bad_nt_fields),
        ('extra base', bad_nt_base),
        ('bad annotation', bad_nt_annotation),
        ('both forms', lambda: NamedTuple('X', [('a', int)], b=int)),
        ('bad field type', lambda: NamedTuple('X', [('a', 3)])),
        ('underscore field', lambda: NamedTuple('X', [('_a', int)])),
        ('keyword field', lambda: NamedTuple('X', [('class', int)])),
        ('duplicate field', lambda: NamedTuple('X', [('a', int), ('a', str)])),
        ('too many args', lambda: Employee('a', 1, [], 4)),
        ('missing arg', lambda: Emp2('a')),
        ]:
    show(label, f)

print('--- TypedDict')


class Movie(TypedDict):
    name: str
    year: int


class Movie2(Movie, total=False):
    rating: float
    title: Required[str]


class Movie3(Movie2):
    extra: NotRequired[List[int]]
    other: Optional[int]


m = Movie(name='Blade Runner', year=1982)
print(m, type(m).__name__, type(m) is dict, Movie.__annotations__, sorted(Movie.__required_keys__),
      sorted(Movie.__optional_keys__), Movie.__total__, Movie2.__total__, Movie3.__total__)
print(sorted(Movie2.__required_keys__), sorted(Movie2.__optional_keys__), Movie2.__annotations__)
print(sorted(Movie3.__required_keys__), sorted(Movie3.__optional_keys__), Movie3.__annotations__)
print(Movie.__module__, Movie.__name__, Movie.__qualname__, Movie.__bases__, Movie2.__bases__)
print(Movie(), Movie({'name': 'x'}), Movie([('name', 'y')], year=2), Movie2(rating=1.0))
print(type(Movie.__required_keys__).__name__, Movie.__mro__[-2:], issubclass(type(Movie), type))
Point2D = TypedDict('Point2D', {'x': int, 'y': NotRequired[int]})
print(Point2D(x=1), Point2D.__module__, Point2D.__name__, sorted(Point2D.__required_keys__),
      sorted(Point2D.__optional_keys__), Point2D.__annotations__, Point2D.__total__)
Partial = TypedDict('Partial', {'a': int, 'b': Required[str]}, total=False)
print(sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__), Partial.__total__)
Fwd = TypedDict('Fwd', {'a': 'List[int]', 'b': None})
print(Fwd.__annotations__)
Empty = TypedDict('Empty', {})
print(Empty(), Empty.__annotations__, Empty.__required_keys__)


class GenTD(TypedDict, total=False):
    a: 'int'


print(GenTD.__annotations__, GenTD.__optional_keys__)


def bad_td_base():
    class Bad(Movie, int):
        pass


def bad_td_base2():
    class Bad(TypedDict, dict):
        a: int


def bad_td_method():
    class Bad(TypedDict):
        a: 3


for label, f in [
        ('isinstance', lambda: isinstance({}, Movie)),
        ('issubclass', lambda: issubclass(dict, Movie)),
        ('non-TypedDict base', bad_td_base),
        ('dict base', bad_td_base2),
        ('bad annotation', bad_td_method),
        ('both forms', lambda: TypedDict('X', {'a': int}, b=int)),
        ('bad type', lambda: TypedDict('X', {'a': 3})),
        ('Required[int, str]', lambda: Required[int, str]),
        ('Required()', lambda: Required()),
        ]:
    show(label, f)
print(Required[int], NotRequired[str], Required[List[int]], Required[int].__args__)

print('--- NewType')
UserId = NewType('UserId', int)
Name = NewType('Name', str)
Nested = NewType('Nested', UserId)
Dotted = NewType('a.b.Dotted', List[int])
print(UserId(5), UserId, repr(UserId), UserId.__supertype__, UserId.__name__, UserId.__qualname__,
      UserId.__module__, Name('x'), Nested(3), Nested.__supertype__, Dotted, Dotted.__name__,
      Dotted.__qualname__, Dotted.__supertype__)
print(UserId | None, None | UserId, UserId | int, Optional[UserId], List[UserId], typing.Union[UserId, str])
print(UserId == UserId, UserId == NewType('UserId', int), type(UserId).__name__,
      pickle.loads(pickle.dumps(UserId)) is UserId)


def subclass_newtype():
    class X(UserId):
        pass


for label, f in [
        ('subclass', subclass_newtype),
        ('isinstance', lambda: isinstance(1, UserId)),
        ('NewType no tp', lambda: NewType('X')),
        ]:
    show(label, f)

print('--- generic NamedTuple and TypedDict details')


class GenNT(NamedTuple, Generic[T]):
    item: T
    count: int = 0


g = GenNT('x')
print(g, GenNT.__mro__, GenNT.__parameters__, GenNT[int], GenNT[int]('y', 2), GenNT._fields,
      GenNT._field_defaults, GenNT.__annotations__)


class Keys(TypedDict):
    a: Required[int]
    b: typing.Annotated[NotRequired[int], 'meta']
    c: 'NotRequired[str]'


print(sorted(Keys.__required_keys__), sorted(Keys.__optional_keys__))
print(typing.get_type_hints(Keys), typing.get_type_hints(Keys, include_extras=True))
