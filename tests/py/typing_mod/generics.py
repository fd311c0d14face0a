# TypeVar and Generic: attributes, reprs, errors, subclassing, parameter collection and
# substitution, and generic aliases of the collection types used as bases.
import collections.abc
import pickle
import typing
from typing import Any, Callable, Dict, Generic, Iterable, List, Mapping, Optional, Tuple, TypeVar, Union

from _util import show

T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
N = TypeVar('N', bound=int)
S = TypeVar('S', str, bytes)
F = TypeVar('F', bound='Forward')

print('--- TypeVar')
for tv in (T, T_co, T_contra, N, S, F):
    print(repr(tv), str(tv), tv.__name__, tv.__bound__, tv.__constraints__, tv.__covariant__,
          tv.__contravariant__)
print(T == T, T == TypeVar('T'), T != KT, hash(T) == hash(T), T.__module__, {T: 1}[T])
print(TypeVar('B', bound=None).__bound__, TypeVar('C', covariant=1).__covariant__,
      TypeVar('L', bound=List[int]).__bound__, TypeVar('U', int, List[int]).__constraints__)
print(T | int, int | T, T | None, Optional[T], Union[T, KT], List[T] | T)
print(pickle.loads(pickle.dumps(T)) is T, pickle.loads(pickle.dumps(typing.AnyStr)) is typing.AnyStr)
for label, f in [
        ('single constraint', lambda: TypeVar('X', int)),
        ('bivariant', lambda: TypeVar('X', covariant=True, contravariant=True)),
        ('constraints + bound', lambda: TypeVar('X', int, str, bound=int)),
        ('bad constraint', lambda: TypeVar('X', int, 3)),
        ('bad bound', lambda: TypeVar('X', bound=3)),
        ('bound ClassVar', lambda: TypeVar('X', bound=typing.ClassVar[int])),
        ('subclass TypeVar', lambda: type('X', (T,), {})),
        ('call TypeVar', lambda: T()),
        ('isinstance TypeVar', lambda: isinstance(1, T)),
        ]:
    show(label, f)

print('--- Generic classes')


class Box(Generic[T]):
    def __init__(self, item: T = None):
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[KT, VT]):
    pass


class IntBox(Box[int]):
    pass


class Mixed(Box[T], Pair[str, VT]):
    pass


class Explicit(Box[T], Pair[KT, VT], Generic[VT, KT, T]):
    pass


class Plain(Box):
    pass


class Nested(Box[List[Dict[KT, T]]]):
    pass


print(Box.__parameters__, Box.__orig_bases__, Box.__mro__, Box.__bases__)
print(Box[int], Box[T], Box[List[T]], Box[int].__origin__ is Box, Box[int].__args__,
      Box[int].__parameters__, Box[T].__parameters__, Box[List[KT]].__parameters__)
b = Box[int](5)
print(b.get(), b.__orig_class__, type(b).__name__, Box(3).get(), hasattr(Box(3), '__orig_class__'))
print(Pair[str, int], Pair.__parameters__, Pair[str, int].__args__, Pair[KT, VT][int, str])
print(IntBox.__parameters__, IntBox.__orig_bases__, IntBox.__mro__, IntBox(3).get())
print(Mixed.__parameters__, Mixed.__orig_bases__, Mixed[int, float], Mixed.__mro__)
print(Explicit.__parameters__, Explicit[int, str, bytes])
print(Plain.__parameters__, Plain.__mro__, hasattr(Plain, '__orig_bases__'))
print(Nested.__parameters__, Nested[int, str], Nested.__orig_bases__)
print(Box[int] == Box[int], Box[int] == Box[str], hash(Box[int]) == hash(Box[int]),
      Box[int] != IntBox, Box[int].__module__, repr(Generic[T]), Generic[T, KT])
print(Box[Box[int]], Box[Callable[[int], str]], Box[Tuple[int, ...]], Box[None], Box['Fwd'])
print(Box[T][int], Box[List[T]][str], Pair[T, List[T]][int], Pair[T, VT][KT, KT])
print(Box[int] | None, Optional[Box[T]], Union[Box[int], Box[str]])
print(isinstance(IntBox(), Box), issubclass(IntBox, Box), issubclass(Box, Generic), isinstance(Box(), Generic))
print(typing.get_origin(Box[int]), typing.get_args(Box[int]), typing.get_args(Pair[int, str]))


class WithInit(Generic[T]):
    def __init_subclass__(cls, flag=None, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag


class Sub(WithInit[int], flag='yes'):
    pass


print(Sub.flag, Sub.__parameters__, Sub.__orig_bases__)


class Slotted(Generic[T]):
    __slots__ = ('x',)


print(type(Slotted[int]()).__name__, Slotted.__slots__)

print('--- Generic errors')


def _subclass(bases):
    class X(*bases):
        pass
    return X


for label, f in [
        ('Box[int, str]', lambda: Box[int, str]),
        ('Pair[int]', lambda: Pair[int]),
        ('IntBox[int]', lambda: IntBox[int]),
        ('Box[int][int]', lambda: Box[int][int]),
        ('Box[1]', lambda: Box[1]),
        ('Generic[int]', lambda: Generic[int]),
        ('Generic[()]', lambda: Generic[()]),
        ('Generic[T, T]', lambda: Generic[T, T]),
        ('Generic[T][int]', lambda: Generic[T][int]),
        ('Generic()', lambda: type(Generic()).__name__),
        ('plain Generic base', lambda: _subclass((Generic,))),
        ('Generic twice', lambda: _subclass((Generic[T], Generic[KT]))),
        ('not listed', lambda: _subclass((Box[KT], Generic[T]))),
        ('not listed 2', lambda: _subclass((Pair[KT, VT], Generic[KT]))),
        ('Union base', lambda: _subclass((Union,))),
        ('Optional[int] base', lambda: _subclass((Optional[int],))),
        ('ClassVar base', lambda: _subclass((typing.ClassVar,))),
        ('Any base ok', lambda: _subclass((Any,)).__mro__),
        ('Literal[1] base', lambda: _subclass((typing.Literal[1],))),
        ('dup base', lambda: _subclass((Box[int], Box[str]))),
        ('Dict[T, T][int, str]', lambda: Dict[T, T][int, str]),
        ('Dict[KT, VT][int]', lambda: Dict[KT, VT][int]),
        ('List[T][int, str]', lambda: List[T][int, str]),
        ('Union[T, int][str, int]', lambda: Union[T, int][str, int]),
        ('Callable[[T], KT][int]', lambda: Callable[[T], KT][int]),
        ('Tuple[T, ...][int, str]', lambda: Tuple[T, ...][int, str]),
        ('List[int][int]', lambda: List[int][int]),
        ]:
    show(label, f)

print('--- aliases as bases')


class MyList(List[int]):
    pass


class MyDict(Dict[KT, VT]):
    pass


class MyIter(Iterable[T]):
    def __iter__(self):
        return iter(())


class MyMapping(Mapping[str, T]):
    def __getitem__(self, k):
        raise KeyError(k)

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


class WithPlain(typing.List):
    pass


print(MyList.__mro__, MyList([1, 2]), MyList.__orig_bases__, MyList.__parameters__)
print(MyDict.__mro__, MyDict.__parameters__, MyDict[str, int], MyDict(a=1))
print(MyIter.__mro__, MyIter.__parameters__, isinstance(MyIter(), collections.abc.Iterable))
print(MyMapping.__mro__, MyMapping.__parameters__, MyMapping[int], len(MyMapping()))
print(WithPlain.__mro__, WithPlain.__orig_bases__, WithPlain.__parameters__)


class Both(List[T], Box[T]):
    pass


print(Both.__mro__, Both.__parameters__, Both[int])

alias = Dict[str, List[T]]
print(alias[int], alias.__parameters__, alias[T], Tuple[T, ...][int], Callable[[T], T][str])
print(Callable[[T, KT], VT][int, str, bytes], Union[T, List[KT]][int, str], Dict[T, T][int])
print(List[T].__getitem__ is not None, type(List[int]).__name__ == type(List[T]).__name__)
