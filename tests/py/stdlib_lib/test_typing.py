# Exercises typing: subscription and reprs of the common aliases, TypeVar,
# Generic classes, Protocol, NamedTuple, get_type_hints and errors.
import typing
from typing import *
import collections.abc


from _show import show


T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
N = TypeVar('N', bound=int)
S = TypeVar('S', str, bytes)

print(List[int], Optional[str], Union[int, str], Callable[[int], str], Callable[..., int])
print(Dict[str, int], Tuple[int, ...], Tuple[()], Tuple[int, str], Type[int], Literal[1, 'a'])
print(ClassVar[int], Final[int], Optional[Union[int, str]], Union[int, None], Union[None, int])
print(repr(T), T_co, T_contra, N.__bound__, S.__constraints__, T.__name__)
print(List[T], List[T][int], Dict[str, T][int], Dict[KT, VT][str, List[int]])
print(Any, NoReturn, Iterable, Iterable[int], Generic[T], Callable, Union[int, List[int]])
print(Set[int], FrozenSet[str], Sequence[int], Mapping[str, Any], MutableMapping[str, int])
print(Iterator[int], Generator[int, None, str], AsyncIterator[int], Awaitable[int],
      Coroutine[Any, Any, int], AsyncGenerator[int, None], AsyncIterable[str])
print(Deque[int], DefaultDict[str, int], Counter[str], ChainMap[str, int], typing.OrderedDict[str, int])
print(Callable[[], None], Callable[[int, str], List[int]], Callable[[Callable[[int], int]], T])
print(List[list[int]], Dict[str, 'Forward'], Optional['X'], Union[int, str, int], Union[int])
print(Union[int, Union[str, float]], Union[int, str] | None, int | List[int], List[int] | None)
print(Optional[T], Literal['x'] | None, Annotated[int, 'meta'], Annotated[List[int], 1, 2])
print(Text, AnyStr, Hashable, Sized, Collection[int], Container[int], Reversible[int])
print(ContextManager[int], AsyncContextManager[str], AbstractSet[int], KeysView[str],
      ItemsView[str, int], ValuesView[int], MappingView[int], ByteString)

print('--- equality')
print(List[int] == List[int], List[int] == List[str], Union[int, str] == Union[str, int],
      Optional[int] == Union[int, None], Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True],
      hash(List[int]) == hash(List[int]), Dict[str, int] != Dict[int, str], List == List)
print(Union[int, str] == (int | str), {List[int]: 1}[List[int]], Literal[1, 1, 2])

print('--- errors')
for label, f in [('too many', lambda: List[int, str]), ('too few', lambda: Dict[int]),
                 ('optional', lambda: Optional[int, str]), ('empty union', lambda: Union[()]),
                 ('generic int', lambda: Generic[int]), ('isinstance sub', lambda: isinstance([], List[int])),
                 ('List()', lambda: List()), ('Dict()', lambda: Dict()), ('isinstance Any', lambda: isinstance(1, Any)),
                 ('callable bad', lambda: Callable[[int]]), ('callable int', lambda: Callable[int, str]),
                 ('single constraint', lambda: TypeVar('X', int)),
                 ('bivariant', lambda: TypeVar('X', covariant=True, contravariant=True)),
                 ('constraint+bound', lambda: TypeVar('X', int, str, bound=int)),
                 ('generic dup', lambda: Generic[T, T]), ('subscripted', lambda: List[int][int]),
                 ('Any()', lambda: Any()), ('Union()', lambda: Union[int, str]()),
                 ('ClassVar 2', lambda: ClassVar[int, str]), ('Union plain', lambda: Union[int, Union]),
                 ('Optional()', lambda: Optional()), ('isinstance Union', lambda: isinstance(1, Union)),
                 ('NoReturn[]', lambda: NoReturn[int]), ('generic empty', lambda: Generic[()]),
                 ('overload', lambda: overload(lambda: 1)()), ('Annotated 1', lambda: Annotated[int]),
                 ('Tuple()', lambda: Tuple()), ('ClassVar arg', lambda: List[ClassVar[int]]),
                 ('Generic plain arg', lambda: List[Generic])]:
    show(label, f)


def subclass_of(base):
    class X(base):
        pass
    return X


show('subclass Union', lambda: subclass_of(Union))
show('subclass TypeVar', lambda: subclass_of(T))
show('subclass Optional[int]', lambda: subclass_of(Optional[int]))
show('subclass Generic', lambda: subclass_of(Generic))

print('--- isinstance')
print(isinstance([], List), isinstance({}, Dict), isinstance((), Tuple), isinstance([], Iterable),
      isinstance(1, Iterable), issubclass(list, Sequence), issubclass(dict, Mapping),
      isinstance(len, Callable), isinstance(1, Union[int, str]), isinstance(1.0, Union[int, str]),
      isinstance(None, Optional[int]), issubclass(bool, Union[int, str]), isinstance(iter([]), Iterator))

print('--- Generic')


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[KT, VT]):
    pass


class IntBox(Box[int]):
    pass


class Mixed(Box[T], Pair[str, VT]):
    pass


print(Box.__parameters__, Box.__orig_bases__, Box.__mro__, Box[int], Box[int](5).get(),
      Box[int](5).__orig_class__, type(Box[int](5)).__name__)
print(Pair[str, int], Pair.__parameters__, IntBox.__parameters__, IntBox.__orig_bases__,
      IntBox.__mro__, IntBox(3).get())
print(Mixed.__parameters__, Mixed[int, float], Box[List[T]][int], Box[T].__parameters__)
show('Box[int, str]', lambda: Box[int, str])
show('IntBox[int]', lambda: IntBox[int])
show('missing tvars', lambda: type('Bad', (Generic[T], Box[KT]), {}) if False else None)


def bad_generic():
    class Bad(Box[KT], Generic[T]):
        pass


show('not listed', bad_generic)


class MyList(List[int]):
    pass


print(MyList.__mro__, MyList([1, 2]), MyList.__orig_bases__)


class MyIter(Iterable[T]):
    def __iter__(self):
        return iter(())


print(MyIter.__mro__[:3], MyIter.__parameters__, isinstance(MyIter(), collections.abc.Iterable))
print(get_origin(List[int]), get_args(Callable[[int], str]), get_args(Dict[str, int]),
      get_origin(Union[int, str]), get_origin(int), get_args(int), get_origin(Generic),
      get_origin(Box[int]), get_args(Box[int]), get_origin(list[int]), get_args(Callable[..., int]),
      get_origin(Literal[1]), get_args(Literal[1, 2]), get_origin(int | str), get_args(int | str),
      get_origin(Annotated[int, 'x']), get_args(Annotated[int, 'x']), get_args(Tuple[()]))

print('--- Protocol')


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None:
        ...


class HasName(Protocol):
    name: str


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self) -> str:
        ...


class File:
    def close(self):
        pass


class Person:
    name = 'p'

    def greet(self):
        return 'hi'


print(isinstance(File(), Closable), isinstance(1, Closable), issubclass(File, Closable),
      issubclass(int, Closable), isinstance(Person(), Named), isinstance(File(), Named))
show('non-runtime', lambda: isinstance(File(), HasName))
show('data issubclass', lambda: issubclass(Person, Named))
show('instantiate', lambda: Closable())
show('runtime_checkable plain', lambda: runtime_checkable(File))


class Impl(Closable):
    pass


print(type(Impl()).__name__, isinstance(Impl(), Closable), Impl._is_protocol)


class GenProto(Protocol[T]):
    def get(self) -> T:
        ...


print(GenProto[int], GenProto.__parameters__)

print('--- NamedTuple')


class Employee(NamedTuple):
    """An employee."""
    name: str
    id: int = 3

    def describe(self):
        return f'{self.name}#{self.id}'


e = Employee('guido')
print(e, e.describe(), Employee._fields, Employee._field_defaults, Employee.__annotations__,
      Employee.__doc__, isinstance(e, tuple), Employee.__module__, Employee.__name__)
Emp2 = NamedTuple('Emp2', [('name', str), ('age', int)])
print(Emp2('a', 1), Emp2.__annotations__, Emp2.__module__)
Emp3 = NamedTuple('Emp3', x=int, y=None)
print(Emp3(1, 2), Emp3.__annotations__)


def bad_nt():
    class Bad(NamedTuple):
        x: int = 1
        y: str


def bad_nt2():
    class Bad(NamedTuple):
        x: int

        def _replace(self):
            pass


show('nt default order', bad_nt)
show('nt overwrite', bad_nt2)

print('--- hints')


class Node:
    value: int
    next: 'Optional[Node]' = None
    tags: List['str']
    cv: ClassVar[int] = 0


class Child(Node):
    extra: 'Dict[str, Node]'
    nothing: None


def func(a: int, b: 'List[Node]', c=None, *, d: Annotated[int, 'x'] = 1) -> 'Child':
    pass


print(get_type_hints(Node))
print(get_type_hints(Child))
print(get_type_hints(func))
print(get_type_hints(func, include_extras=True)['d'], get_type_hints(lambda x: x), get_type_hints(len))
show('bad eval', lambda: get_type_hints(type('Y', (), {'__annotations__': {'a': 'Missing'}})))
print(ForwardRef('X'), ForwardRef('X') == ForwardRef('X'), List['X'].__args__)
UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__, UserId.__name__, UserId | None)
show('subclass NewType', lambda: subclass_of(UserId))
print(cast(int, 'x'), cast('int', 1), TYPE_CHECKING, final(Node) is Node, Node.__final__)


@overload
def ov(x: int) -> int: ...


@overload
def ov(x: str) -> str: ...


def ov(x):
    return x


print(ov(1), no_type_check(func) is func, func.__no_type_check__)
print(List[int].__origin__, List[int].__args__, List[T].__parameters__, Callable[[int], T].__parameters__,
      Union[T, int].__parameters__, Dict.__origin__, List[int]._name if False else '')
print(Box[int].__origin__ is Box, Box[int].__args__, Union[int, str].__args__, Optional[int].__args__)
print(Callable[[int], str].__args__, Callable[..., T][int], Union[T, str][int], Literal[1].__args__)
Alias = Dict[str, List[T]]
print(Alias[int], Alias.__parameters__, Tuple[T, ...][int], Callable[[T], T][str])

print('--- TypedDict')


class Movie(TypedDict):
    name: str
    year: int


class Movie2(Movie, total=False):
    rating: float
    title: Required[str]


m = Movie(name='Blade Runner', year=1982)
print(m, type(m).__name__, Movie.__annotations__, sorted(Movie.__required_keys__),
      sorted(Movie.__optional_keys__), Movie.__total__, Movie2.__total__)
print(sorted(Movie2.__required_keys__), sorted(Movie2.__optional_keys__), Movie2.__annotations__)
Point2D = TypedDict('Point2D', {'x': int, 'y': NotRequired[int]})
print(Point2D(x=1), Point2D.__module__, sorted(Point2D.__required_keys__),
      sorted(Point2D.__optional_keys__))
show('isinstance TypedDict', lambda: isinstance({}, Movie))
print(Movie.__mro__[-2:], issubclass(Movie, dict) if False else 'skip')


def bad_typeddict():
    class Bad(Movie, int):
        pass


show('bad TypedDict base', bad_typeddict)
show('assert_never', lambda: assert_never(5))
print(Required[int], NotRequired[str])
