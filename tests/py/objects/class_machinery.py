# Class creation: MRO, metaclasses, __init_subclass__, __set_name__, __class_getitem__,
# type() with three arguments, layout conflicts and the errors CPython gives.
def attempt(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)


class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], D.__bases__, D.__base__)
attempt(lambda: type('Bad', (A, B), {}))
attempt(lambda: type('Bad', (bool,), {}))
attempt(lambda: type('Bad', (int, str), {}))
attempt(lambda: type('Bad', (A, A), {}))
attempt(lambda: type('Bad', 1, {}))
attempt(lambda: type('X', (), {'__qualname__': 1}))
attempt(lambda: type())

X = type('X', (A,), {'v': 1, 'get': lambda self: self.v * 2})
print(X.__name__, X.__qualname__, X.__module__, X().get(), X.__mro__)
print(type(X), type(type), type(object), isinstance(X, type), issubclass(X, A))


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['created_by'] = mcs.__name__
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True

    def __call__(cls, *args):
        inst = super().__call__(*args)
        inst.via_meta = True
        return inst

    def describe(cls):
        return 'class ' + cls.__name__


class WithMeta(metaclass=Meta, flag=1):
    def __init__(self, x=0):
        self.x = x


w = WithMeta(5)
print(type(WithMeta).__name__, WithMeta.created_by, WithMeta.kw, WithMeta.inited, w.x, w.via_meta)
print(WithMeta.describe(), hasattr(w, 'describe'))


class Derived(WithMeta):
    pass


print(type(Derived).__name__, Derived.kw, Derived().via_meta)


class Other(type): pass
class O(metaclass=Other): pass
attempt(lambda: type('Both', (WithMeta, O), {}))


class Base:
    subclasses = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subclasses.append((cls.__name__, tag))


class S1(Base, tag='one'): pass
class S2(S1): pass
print(Base.subclasses)
try:
    class S3(Base, unknown=1): pass
except TypeError as e:
    print('TypeError:', e)


class Named:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name


class Holder:
    first = Named()
    second = Named()


print(Holder.first.name, Holder.second.name, Holder.first.owner)


class Boom:
    def __set_name__(self, owner, name):
        raise ValueError('boom')


try:
    class H2:
        b = Boom()
except RuntimeError as e:
    print('RuntimeError:', e, repr(e.__cause__))


class Box:
    def __class_getitem__(cls, item):
        return cls.__name__ + '[' + getattr(item, '__name__', repr(item)) + ']'


print(Box[int], Box['x'])
attempt(lambda: int[0])
print(list[int], dict[str, list[int]], int | None, None | int | str)
print(isinstance(3, int | str), isinstance(None, int | str), issubclass(bool, int | None))
attempt(lambda: isinstance(1, int | list[int]))
attempt(lambda: isinstance(1, list[int]))
print(type(int | str).__name__, (int | str) == (str | int), int | int)


class Outer:
    class Inner:
        def method(self):
            pass


print(Outer.Inner.__qualname__, Outer.Inner.method.__qualname__, repr(Outer.Inner))
print(A.__subclasses__())
print(D.mro() == list(D.__mro__), A.__dict__['__module__'], type(A.__dict__).__name__)
attempt(lambda: setattr(int, 'x', 1))
attempt(lambda: setattr(A, '__name__', 5))
A.__name__ = 'Renamed'
print(A.__name__, A.__qualname__, repr(A))
