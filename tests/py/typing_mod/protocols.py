# Protocol classes: runtime_checkable, structural isinstance/issubclass, errors,
# generic protocols, explicit subclassing.
import typing
from typing import Generic, Protocol, TypeVar, runtime_checkable

from _util import show

T = TypeVar('T')


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


@runtime_checkable
class OnlyData(Protocol):
    x: int
    y: int


@runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int:
        ...


class File:
    def close(self):
        pass


class NotClosable:
    close = None


class Person:
    name = 'p'

    def greet(self):
        return 'hi'


class Point:
    def __init__(self):
        self.x = 1
        self.y = 2


print(isinstance(File(), Closable), isinstance(1, Closable), issubclass(File, Closable),
      issubclass(int, Closable), isinstance(Person(), Named), isinstance(File(), Named),
      isinstance(NotClosable(), Closable), issubclass(NotClosable, Closable))
print(isinstance(Point(), OnlyData), isinstance(File(), OnlyData), isinstance([], Sized2),
      issubclass(list, Sized2), issubclass(int, Sized2), isinstance('', Sized2))
print(Closable._is_protocol, Closable._is_runtime_protocol, HasName._is_runtime_protocol)
print(Closable.__mro__, Closable.__parameters__, type(Closable).__name__ != 'type')
for label, f in [
        ('non-runtime isinstance', lambda: isinstance(File(), HasName)),
        ('non-runtime issubclass', lambda: issubclass(File, HasName)),
        ('data issubclass', lambda: issubclass(Person, Named)),
        ('data issubclass 2', lambda: issubclass(Point, OnlyData)),
        ('issubclass non-class', lambda: issubclass(1, Closable)),
        ('instantiate', lambda: Closable()),
        ('runtime_checkable plain', lambda: runtime_checkable(File)),
        ('runtime_checkable Protocol sub', lambda: runtime_checkable(int)),
        ('Protocol[int]', lambda: Protocol[int]),
        ('Protocol[()]', lambda: Protocol[()]),
        ('Protocol[T, T]', lambda: Protocol[T, T]),
        ]:
    show(label, f)


def bad_base():
    class Bad(Protocol, File):
        pass


show('protocol with non-protocol base', bad_base)


class Impl(Closable):
    pass


class ImplData(Named):
    def __init__(self):
        self.name = 'n'


print(type(Impl()).__name__, isinstance(Impl(), Closable), Impl._is_protocol,
      issubclass(Impl, Closable), ImplData().name, ImplData().greet())


class SubProto(Closable, Protocol):
    def flush(self) -> None:
        ...


class Full:
    def close(self):
        pass

    def flush(self):
        pass


print(SubProto._is_protocol, runtime_checkable(SubProto) is SubProto, isinstance(Full(), SubProto),
      isinstance(File(), SubProto), issubclass(Full, SubProto))


class GenProto(Protocol[T]):
    def get(self) -> T:
        ...


class GenImpl(GenProto[int]):
    def get(self):
        return 1


print(GenProto[int], GenProto.__parameters__, GenProto[T].__parameters__, GenImpl().get(),
      GenImpl.__orig_bases__, GenImpl._is_protocol)


class Registered(Protocol):
    def meth(self):
        ...


print(Closable.__name__, Closable.__module__, callable(Closable), Sized2.__doc__)


@runtime_checkable
class WithProps(Protocol):
    @property
    def value(self) -> int:
        ...


class HasValue:
    value = 3


print(isinstance(HasValue(), WithProps), isinstance(1, WithProps))
