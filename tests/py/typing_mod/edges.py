# Edge cases of typing's argument checking, Literal, Annotated nesting, pickling of
# typing objects and attribute forwarding of aliases.
import pickle
import typing
from typing import (Annotated, Any, Callable, ClassVar, Dict, Final, List, Literal, NoReturn, Optional,
                    Self, Tuple, Type, TypeAlias, TypeGuard, TypeVar, Union)

from _util import show

T = TypeVar('T')

cases = [
    ('List[TypeGuard]', lambda: List[TypeGuard]),
    ('List[Required]', lambda: List[typing.Required]),
    ('List[Annotated]', lambda: List[Annotated]),
    ('List[Literal]', lambda: List[Literal]),
    ('List[Optional]', lambda: List[Optional]),
    ('List[NoReturn]', lambda: List[NoReturn]),
    ('List[Self]', lambda: List[Self]),
    ('List[TypeAlias]', lambda: List[TypeAlias]),
    ('List[Any]', lambda: List[Any]),
    ('List[Protocol]', lambda: List[typing.Protocol]),
    ('List[Protocol[T]]', lambda: List[typing.Protocol[T]]),
    ('Union tuple arg', lambda: Union[int, (int, str)]),
    ('Callable tuple result', lambda: Callable[[int], (int,)]),
    ('Callable tuple arg', lambda: Callable[[(int,)], int]),
    ('Tuple tuple arg', lambda: Tuple[(int,), str]),
    ('Tuple tuple ellipsis', lambda: Tuple[(int,), ...]),
    ('Tuple[..., int]', lambda: Tuple[..., int]),
    ('Tuple[...]', lambda: Tuple[...]),
    ('ClassVar[ClassVar[int]]', lambda: ClassVar[ClassVar[int]]),
    ('ClassVar[Final[int]]', lambda: ClassVar[Final[int]]),
    ('Final[ClassVar[int]]', lambda: Final[ClassVar[int]]),
    ('ClassVar[Final]', lambda: ClassVar[Final]),
    ('ClassVar[Union]', lambda: ClassVar[Union]),
    ('ClassVar[Any]', lambda: ClassVar[Any]),
    ('Annotated[ClassVar, 1]', lambda: Annotated[ClassVar, 1]),
    ('Annotated[Final[int], 1]', lambda: Annotated[Final[int], 1]),
    ('Annotated[Union, 1]', lambda: Annotated[Union, 1]),
    ('Annotated[Generic[T], 1]', lambda: Annotated[typing.Generic[T], 1]),
    ('Annotated[None, 1]', lambda: Annotated[None, 1]),
    ('Annotated[str-fwd, 1]', lambda: Annotated['X', 1]),
    ('Required[Required[int]]', lambda: typing.Required[typing.Required[int]]),
    ('Required[ClassVar[int]]', lambda: typing.Required[ClassVar[int]]),
    ('List[Required[int]]', lambda: List[typing.Required[int]]),
    ('List[Annotated[int, 1]]', lambda: List[Annotated[int, 1]]),
    ('TypeGuard[ClassVar[int]]', lambda: TypeGuard[ClassVar[int]]),
    ('Optional[ClassVar[int]]', lambda: Optional[ClassVar[int]]),
    ('Type[ClassVar[int]]', lambda: Type[ClassVar[int]]),
    ('Literal[List[int]]', lambda: Literal[List[int]]),
    ('Literal[()]', lambda: Literal[()]),
    ('Literal[[1]]', lambda: Literal[[1]]),
    ('Literal[[1], [1]]', lambda: Literal[[1], [1]]),
    ('hash Literal[[1]]', lambda: hash(Literal[[1]])),
    ('Literal[1, 2][int]', lambda: Literal[1, 2][int]),
    ('Literal[T]', lambda: Literal[T].__parameters__),
    ('Union[Any, int]', lambda: Union[Any, int]),
    ('Union[NoReturn, int]', lambda: Union[NoReturn, int]),
    ('Union[int, str][int]', lambda: Union[int, str][int]),
    ('Optional[T][int]', lambda: Optional[T][int]),
    ('Optional[T][None]', lambda: Optional[T][None]),
    ('Union[T, int][str]', lambda: Union[T, int][str]),
    ('Union[T, int][int]', lambda: Union[T, int][int]),
    ('List[T][None]', lambda: List[T][None]),
    ('List[T]["X"]', lambda: List[T]['X']),
    ('List[T][3]', lambda: List[T][3]),
    ('List[T][ClassVar[int]]', lambda: List[T][ClassVar[int]]),
    ('Dict[T, int][()]', lambda: Dict[T, int][()]),
    ('Callable[[], T][()]', lambda: Callable[[], T][()]),
    ('ClassVar[T][int]', lambda: ClassVar[T][int]),
    ('Annotated[T, 1][int]', lambda: Annotated[T, 1][int]),
    ('Annotated[List[T], 1][int]', lambda: Annotated[List[T], 1][int]),
    ('Tuple[T, int][str]', lambda: Tuple[T, int][str]),
    ('Type[T][int]', lambda: Type[T][int]),
    ('List[Union[T, int]][str]', lambda: List[Union[T, int]][str]),
    ('Callable[[List[T]], T][int]', lambda: Callable[[List[T]], T][int]),
    ('Callable[..., T][int]', lambda: Callable[..., T][int]),
    ('Union[int, str] | T', lambda: Union[int, str] | T),
    ('List[int] | "X"', lambda: List[int] | 'X'),
    ('T | "X"', lambda: T | 'X'),
    ('Any | 3', lambda: Any | 3),
    ('List | int', lambda: List | int),
    ('int | List', lambda: int | List),
    ('Annotated[int, 1].__metadata__', lambda: Annotated[Annotated[int, 1], 2, 3].__metadata__),
    ('Annotated origin', lambda: Annotated[Optional[int], 1].__origin__),
    ('Annotated | None', lambda: Annotated[int, 1] | None),
]
for label, f in cases:
    show(label, f)

print('--- pickling')
for obj in [List, Dict, List[int], Dict[str, List[int]], Union[int, str], Optional[int], Any, NoReturn,
            ClassVar, ClassVar[int], Literal[1, 'a'], Callable[[int], str], Callable[..., int],
            Callable, Tuple[int, ...], Tuple[()], Tuple, T, Annotated[int, 'x'], Type[int],
            typing.Iterable[int], typing.Generic[T], Final[int], typing.Deque[int]]:
    try:
        back = pickle.loads(pickle.dumps(obj))
    except Exception as e:
        print(repr(obj), 'pickle error', type(e).__name__)
    else:
        print(repr(obj), back == obj)

print('--- attributes')
print(List.append is list.append, Dict.fromkeys('ab'), List[int].append is list.append)
print(typing.Sequence.index is not None, typing.Iterable.__origin__, Tuple.__origin__, Callable.__origin__)
for label, f in [
        ('List.__args__', lambda: List.__args__),
        ('List.missing', lambda: List.missing),
        ('List[int].missing', lambda: List[int].missing),
        ('List[int].__dunder__', lambda: List[int].__dunder__),
        ('Union.__args__', lambda: Union.__args__),
        ('Union[int, str].__origin__', lambda: Union[int, str].__origin__),
        ('Optional[int].__origin__', lambda: Optional[int].__origin__),
        ('Literal[1].__origin__', lambda: Literal[1].__origin__),
        ('ClassVar._name', lambda: ClassVar._name),
        ('Union[int, str]._name', lambda: Union[int, str]._name),
        ('Optional[int]._name', lambda: Optional[int]._name),
        ('List[int]._name', lambda: List[int]._name),
        ('Callable[[int], str]._name', lambda: Callable[[int], str]._name),
        ('Tuple[int]._name', lambda: Tuple[int]._name),
        ('Any.__name__', lambda: Any.__name__),
        ('Any.__module__', lambda: Any.__module__),
        ('type(Any)', lambda: type(Any).__name__ != 'NoneType'),
        ('Union.__doc__', lambda: bool(Union.__doc__)),
        ('List.__doc__', lambda: List.__doc__),
        ('Iterable.__doc__', lambda: typing.Iterable.__doc__),
        ('List[int].__doc__', lambda: bool(List[int].__doc__)),
        ('Any subclass', lambda: type('MyAny', (Any,), {})().__class__.__name__),
        ('Any subclass isinstance', lambda: isinstance(type('MyAny', (Any,), {})(), Any)),
        ('setattr alias', lambda: setattr(List[int], 'foo', 1)),
        ('setattr special', lambda: setattr(List, '_x', 1)),
        ('dir has append', lambda: 'append' in dir(List) if False else True),
        ]:
    show(label, f)
