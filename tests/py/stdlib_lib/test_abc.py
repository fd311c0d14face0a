# Exercises abc: abstract methods, instantiation errors, register,
# __subclasshook__ and isinstance/issubclass.
import abc
from abc import ABC, ABCMeta, abstractmethod


from _show import show


class Base(ABC):
    @abstractmethod
    def run(self):
        return 'base run'

    @abstractmethod
    def stop(self):
        pass

    def helper(self):
        return 'helper'


class Half(Base):
    def run(self):
        return 'half ' + super().run()


class Full(Half):
    def stop(self):
        return 'stopped'


print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__),
      sorted(Full.__abstractmethods__), type(Full.__abstractmethods__).__name__)
show('Base()', Base)
show('Half()', Half)
f = Full()
print(f.run(), f.stop(), f.helper(), isinstance(f, Base), issubclass(Full, Base))
print(type(Base) is ABCMeta, type(ABC) is ABCMeta, ABC.__abstractmethods__)


class WithProps(metaclass=ABCMeta):
    @property
    @abstractmethod
    def value(self):
        pass

    @classmethod
    @abstractmethod
    def make(cls):
        pass

    @staticmethod
    @abstractmethod
    def util():
        pass


print(sorted(WithProps.__abstractmethods__))
show('WithProps()', WithProps)


class Impl(WithProps):
    value = 3

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def util():
        return 'u'


print(Impl.make().value, Impl.util())


class Plain:
    pass


class Registered:
    pass


Base.register(Registered)
print(issubclass(Registered, Base), isinstance(Registered(), Base),
      issubclass(Plain, Base), isinstance(Plain(), Base))
print(Base.register(Plain) is Plain, issubclass(Plain, Base))


@Half.register
class Deco:
    pass


print(Deco.__name__, issubclass(Deco, Half), issubclass(Deco, Base),
      issubclass(Deco, Full))
show('register non-class', lambda: Base.register(5))
show('cycle', lambda: Registered.__class__ and Full.register(Base))
show('issubclass non-class', lambda: issubclass(5, Base))


class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any('__len__' in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(issubclass(list, HasLen), issubclass(int, HasLen), isinstance('', HasLen),
      isinstance(3, HasLen))


class Child(HasLen):
    pass


print(issubclass(list, Child), issubclass(Child, HasLen))

# Abstract methods that are still abstract in a subclass stay abstract.


class A(ABC):
    @abstractmethod
    def f(self):
        pass


class B(A):
    f = A.f


show('B()', B)


class C(A):
    def f(self):
        return 'C.f'

    @abstractmethod
    def g(self):
        pass


show('C()', C)


class D(C):
    g = None


print(D().f(), D.__abstractmethods__)
token = abc.get_cache_token()
A.register(int)
print(abc.get_cache_token() != token, isinstance(3, A))


class E(A):
    pass


E.f = lambda self: 'patched'
abc.update_abstractmethods(E)
print(E.__abstractmethods__, E().f())


class Meta(ABCMeta):
    pass


class WithMeta(metaclass=Meta):
    @abstractmethod
    def m(self):
        pass


show('WithMeta()', WithMeta)
print(getattr(abstractmethod(lambda: 0), '__isabstractmethod__'))
