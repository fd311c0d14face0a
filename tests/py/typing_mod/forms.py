# typing's special forms and aliases: reprs, Union/Optional normalisation, Literal,
# Annotated, Callable, Tuple, equality and hashing, the | operator, get_origin/get_args,
# and the errors of bad subscriptions.
import collections
import collections.abc
import typing
from typing import (Any, Annotated, Callable, ClassVar, Dict, Final, FrozenSet, List,
                    Literal, LiteralString, Never, NoReturn, Optional, Self, Set, Tuple,
                    Type, TypeAlias, TypeGuard, TypeVar, Union, get_args, get_origin)

from _util import show

T = TypeVar('T')

print('--- plain forms')
for form in (Any, NoReturn, Never, Self, LiteralString, TypeAlias, ClassVar, Final, Union,
             Optional, Literal, TypeGuard, typing.Required, typing.NotRequired):
    print(repr(form), str(form))
print(repr(Annotated), Annotated.__name__ if hasattr(Annotated, '__name__') else '-')
print(Union.__name__ if hasattr(Union, '__name__') else '-', ClassVar._name)

print('--- aliases')
names = ['Hashable', 'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'Iterable',
         'Iterator', 'Reversible', 'Sized', 'Container', 'Collection', 'Callable', 'AbstractSet',
         'MutableSet', 'Mapping', 'MutableMapping', 'Sequence', 'MutableSequence', 'ByteString',
         'Tuple', 'List', 'Deque', 'Set', 'FrozenSet', 'MappingView', 'KeysView', 'ItemsView',
         'ValuesView', 'ContextManager', 'AsyncContextManager', 'Dict', 'DefaultDict',
         'OrderedDict', 'Counter', 'ChainMap', 'Generator', 'AsyncGenerator', 'Type']
for n in names:
    alias = getattr(typing, n)
    print(n, repr(alias), alias.__origin__, alias._name)
print(typing.Text is str, typing.AnyStr, typing.AnyStr.__constraints__)

print('--- subscripted')
print(List[int], Dict[str, List[int]], Set[bytes], FrozenSet[T], Type[int], Type[T])
print(typing.Deque[int], typing.DefaultDict[str, int], typing.Counter[str])
print(typing.OrderedDict[str, int], typing.ChainMap[str, int], typing.Iterable[int])
print(typing.Generator[int, None, None], typing.Coroutine[Any, Any, int])
print(typing.ContextManager[int], typing.AbstractSet[str], typing.Mapping[str, Any])
print(List[list[int]], List[dict[str, int]], Dict[str, 'Fwd'], List[None], List[Any])
print(List[Callable[[int], str]], Tuple[List[int], ...], List[Tuple[()]])
print(List[int].__module__, List.__module__, List[int].__origin__, List[int].__args__)
print(List[int].__parameters__, List[T].__parameters__, Dict[T, List[T]].__parameters__)

print('--- Union and Optional')
print(Union[int, str], Union[str, int], Union[int, int], Union[int], Union[int, str, int])
print(Union[int, Union[str, bytes]], Union[Union[int, str], Union[str, float]])
print(Union[int, None], Union[None, int], Union[None, int, str], Union[int, str, None])
print(Optional[int], Optional[Optional[int]], Optional[Union[int, str]], Optional[None])
print(Union[int, type(None)], Union[List[int], Dict[str, int]], Union[T, int], Union[int, 'Fwd'])
print(Union[int, str].__args__, Optional[int].__args__, Union[T, int].__parameters__)
print(Union[int, str] == Union[str, int], Union[int, str] == Union[int, float],
      hash(Union[int, str]) == hash(Union[str, int]), Union[int, None] == Optional[int])
print(Union[int, bool], Union[bool, int], Union[int, int | str], Union[int | str, bytes])
print(Union[int, str] == (int | str), (int | str) == Union[int, str])

print('--- Literal')
print(Literal[1], Literal[1, 2], Literal['a', b'b', None, True], Literal[1, 1, 2, 1])
print(Literal[Literal[1, 2], 3] if False else '-', Literal[1, 2] == Literal[2, 1],
      Literal[1] == Literal[True], Literal[0] == Literal[False], Literal[1, 2].__args__)
print(hash(Literal[1, 2]) == hash(Literal[2, 1]), Literal[1, True].__args__)

print('--- Annotated')
a = Annotated[int, 'meta', 3]
print(a, a.__origin__, a.__metadata__, Annotated[Annotated[int, 1], 2])
print(Annotated[List[int], 'x'], Annotated[ClassVar[int], 'x'], Annotated[T, 1][int])
print(a == Annotated[int, 'meta', 3], a == Annotated[int, 'meta'], hash(a) == hash(Annotated[int, 'meta', 3]))
print(Annotated[int, 'm'] == int, Annotated[T, 'x'].__parameters__)

print('--- Callable')
print(Callable[[int], str], Callable[[], None], Callable[..., int], Callable[[int, str], List[int]])
print(Callable[[T], T], Callable[[T], T][int], Callable[..., T][str], Callable[[Callable[[int], int]], T])
print(Callable[[int], str].__args__, Callable[..., int].__args__, Callable[[], None].__args__)
print(Callable[[int], str] == Callable[[int], str], Callable[[int], str] == Callable[[str], str])
print(Callable[[int], str].__origin__, Callable.__origin__, Callable[[T], int].__parameters__)

print('--- Tuple')
print(Tuple[()], Tuple[int], Tuple[int, str], Tuple[int, ...], Tuple[T, ...][int], Tuple[T, T][int, str] if False else '-')
print(Tuple[()].__args__, Tuple[int, ...].__args__, Tuple[int, str].__origin__, Tuple[T, int][str])

print('--- ClassVar, Final, TypeGuard, Type')
print(ClassVar[int], ClassVar[List[int]], Final[int], Final[ClassVar[int]] if False else '-', TypeGuard[int])
print(ClassVar[int].__origin__ is ClassVar, ClassVar[int].__args__, Final[int].__origin__)
print(ClassVar[int] == ClassVar[int], ClassVar[int] == Final[int], ClassVar[T].__parameters__)
print(typing.Required[int], typing.NotRequired[str], typing.Required[int].__origin__)

print('--- equality and hashing')
print(List[int] == List[int], List[int] == List[str], List[int] == list[int], List == List,
      List == list, Dict[str, int] != Dict[int, str], hash(List[int]) == hash(List[int]),
      List[int] == List[T][int])
d = {List[int]: 'a', Union[int, str]: 'b', Literal[1]: 'c', Callable[[int], str]: 'd'}
print(d[List[int]], d[Union[str, int]], d[Literal[1]], d[Callable[[int], str]])
print(List == typing.List, hash(List) == hash(typing.List), Tuple == Tuple, Tuple[int] == Tuple[int])

print('--- | operator')
print(List[int] | None, None | List[int], int | List[int], List[int] | Dict[str, int])
print(Optional[int] | str, Literal[1] | None, T | None, None | T, T | int)
print(Any | None, Callable[[int], str] | None, ClassVar[int] | None if False else '-')
print(typing.Iterable | None, int | typing.Sequence[int], Annotated[int, 'x'] | None)

print('--- get_origin / get_args')
for tp in [List[int], List, Dict[str, int], Union[int, str], Optional[int], Literal[1, 2],
           Callable[[int], str], Callable[..., int], Callable[[], int], Tuple[()], Tuple[int, ...],
           Annotated[int, 'x', 'y'], ClassVar[int], Final[int], int, list[int], int | str,
           typing.Generic, typing.Generic[T], T, None, Type[int], typing.Required[int],
           Annotated[List[int], 1], List[Callable[[int], str]]]:
    print(repr(tp), '->', get_origin(tp), get_args(tp))

print('--- errors')
cases = [
    ('List[int, str]', lambda: List[int, str]),
    ('Dict[int]', lambda: Dict[int]),
    ('Dict[int, str, float]', lambda: Dict[int, str, float]),
    ('List[int][str]', lambda: List[int][str]),
    ('List[1]', lambda: List[1]),
    ('List[(1, 2)]', lambda: List[(int,)]),
    ('Union[()]', lambda: Union[()]),
    ('Union[1]', lambda: Union[1]),
    ('Union[int, 3]', lambda: Union[int, 3]),
    ('Union[int, Union]', lambda: Union[int, Union]),
    ('Union[int, ClassVar[int]]', lambda: Union[int, ClassVar[int]]),
    ('Optional[int, str]', lambda: Optional[int, str]),
    ('Optional[()]', lambda: Optional[()]),
    ('Optional[3]', lambda: Optional[3]),
    ('ClassVar[int, str]', lambda: ClassVar[int, str]),
    ('ClassVar[3]', lambda: ClassVar[3]),
    ('Final[int, str]', lambda: Final[int, str]),
    ('Any[int]', lambda: Any[int]),
    ('NoReturn[int]', lambda: NoReturn[int]),
    ('Never[int]', lambda: Never[int]),
    ('Self[int]', lambda: Self[int]),
    ('Callable[[int]]', lambda: Callable[[int]]),
    ('Callable[int]', lambda: Callable[int]),
    ('Callable[int, str]', lambda: Callable[int, str]),
    ('Callable[[1], str]', lambda: Callable[[1], str]),
    ('Callable[[int], 1]', lambda: Callable[[int], 1]),
    ('Tuple[1]', lambda: Tuple[1]),
    ('Tuple[int, 1]', lambda: Tuple[int, 1]),
    ('Tuple[1, ...]', lambda: Tuple[1, ...]),
    ('Annotated[int]', lambda: Annotated[int]),
    ('Annotated[()]', lambda: Annotated[()]),
    ('Annotated()', lambda: Annotated()),
    ('Annotated[1, 2]', lambda: Annotated[1, 2]),
    ('List[ClassVar[int]]', lambda: List[ClassVar[int]]),
    ('List[Final[int]]', lambda: List[Final[int]]),
    ('List[ClassVar]', lambda: List[ClassVar]),
    ('List[Union]', lambda: List[Union]),
    ('List[Generic]', lambda: List[typing.Generic]),
    ('List[Generic[T]]', lambda: List[typing.Generic[T]]),
    ('Any()', lambda: Any()),
    ('Union()', lambda: Union()),
    ('Union[int, str]()', lambda: Union[int, str]()),
    ('ClassVar()', lambda: ClassVar()),
    ('Literal()', lambda: Literal()),
    ('List()', lambda: List()),
    ('Dict()', lambda: Dict()),
    ('Tuple()', lambda: Tuple()),
    ('Type()', lambda: Type()),
    ('Set()', lambda: Set()),
    ('FrozenSet()', lambda: FrozenSet()),
    ('List[int]()', lambda: List[int]()),
    ('isinstance(1, Any)', lambda: isinstance(1, Any)),
    ('issubclass(int, Any)', lambda: issubclass(int, Any)),
    ('isinstance(1, Union)', lambda: isinstance(1, Union)),
    ('issubclass(int, Union)', lambda: issubclass(int, Union)),
    ('isinstance(1, ClassVar)', lambda: isinstance(1, ClassVar)),
    ('isinstance([], List[int])', lambda: isinstance([], List[int])),
    ('issubclass(list, List[int])', lambda: issubclass(list, List[int])),
    ('isinstance(1, Literal[1])', lambda: isinstance(1, Literal[1])),
    ('isinstance(1, ClassVar[int])', lambda: isinstance(1, ClassVar[int])),
    ('isinstance(1, Callable[[], int])', lambda: isinstance(1, Callable[[], int])),
    ('isinstance(1, Annotated[int, 1])', lambda: isinstance(1, Annotated[int, 1])),
]
for label, f in cases:
    show(label, f)

print('--- collection aliases at runtime')
print(isinstance([], List), isinstance({}, Dict), isinstance((), Tuple), isinstance(set(), Set),
      isinstance(frozenset(), FrozenSet), isinstance(int, Type), isinstance([], typing.Iterable),
      isinstance(1, typing.Iterable), isinstance(len, Callable), isinstance(1, Callable),
      issubclass(list, typing.Sequence), issubclass(dict, typing.Mapping), issubclass(list, List),
      issubclass(tuple, List), isinstance(collections.deque(), typing.Deque),
      issubclass(collections.Counter, typing.Counter), issubclass(typing.List, typing.Sequence) if False else '-')
print(isinstance(1, Union[int, str]), isinstance(1.5, Union[int, str]), isinstance(None, Optional[int]),
      issubclass(bool, Union[int, str]), issubclass(float, Optional[int]))
print(typing.Deque[int]([1, 2]), typing.DefaultDict[str, int](int), typing.Counter[str]('aab'),
      typing.OrderedDict[str, int](a=1), typing.ChainMap[str, int]({'a': 1}))
print(typing.Deque(), typing.DefaultDict(), typing.Counter(), typing.OrderedDict())
print(List.__name__, List[int].__name__ if hasattr(List[int], '__name__') else '-', Dict.__qualname__ if hasattr(Dict, '__qualname__') else '-')
print(typing.List.append is list.append, typing.Dict.fromkeys('ab'), typing.List[int].append is list.append)
