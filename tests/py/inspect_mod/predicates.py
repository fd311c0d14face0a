# inspect predicates, getmembers, getdoc/cleandoc, formatannotation, CO_* flags.
import abc
import functools
import inspect
import sys
import types


def gen(): yield 1
async def coro(): return 1
async def agen(): yield 1
def plain(): pass


@types.coroutine
def legacy(): yield


class Awaitable:
    def __await__(self): yield


class C:
    """Class doc.

        Indented more.
    """
    attr = 1

    def method(self, x, y=2):
        """  Method doc."""

    async def amethod(self): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
    @property
    def prop(self):
        """prop doc"""
        return 1


class Slots:
    __slots__ = ('a', 'b')


class Abs(abc.ABC):
    @abc.abstractmethod
    def need(self): pass


class Concrete(Abs):
    def need(self): pass


try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__

objs = [('gen', gen), ('coro', coro), ('agen', agen), ('plain', plain), ('legacy', legacy),
        ('C', C), ('C.method', C.method), ('C().method', C().method), ('C().amethod', C().amethod),
        ('C.cm', C.cm), ('C.sm', C.sm), ('len', len), ('[].append', [].append), ('str.join', str.join),
        ('object.__init__', object.__init__), ('C.__dict__[prop]', C.__dict__['prop']),
        ('int.real', int.__dict__['real']), ('Slots.a', Slots.__dict__['a']),
        ('type.__dict__', type.__dict__['__dict__']), ('classmethod', C.__dict__['cm']),
        ('staticmethod', C.__dict__['sm']), ('inspect', inspect), ('frame', sys._getframe()),
        ('code', plain.__code__), ('tb', tb), ('Abs', Abs), ('Concrete', Concrete), ('3', 3),
        ('partial(coro)', functools.partial(coro)), ('partial(gen)', functools.partial(gen)),
        ('partial(agen)', functools.partial(agen)), ('lambda', lambda: 0), ('Awaitable', Awaitable),
        ('1.0.hex', (1.0).hex), ('(1).__add__', (1).__add__), ('dict.fromkeys', dict.__dict__['fromkeys'])]
preds = ['ismodule', 'isclass', 'ismethod', 'isfunction', 'isgeneratorfunction', 'iscoroutinefunction',
         'isasyncgenfunction', 'isbuiltin', 'isroutine', 'isabstract', 'iscode', 'isframe', 'istraceback',
         'isdatadescriptor', 'ismethoddescriptor', 'isgetsetdescriptor', 'ismemberdescriptor']
for name, obj in objs:
    print(name.ljust(18), ''.join('1' if getattr(inspect, p)(obj) else '.' for p in preds))

g, c, a, l = gen(), coro(), agen(), legacy()
for o in (g, c, a, l, Awaitable(), 42, Awaitable):
    print(type(o).__name__, inspect.isgenerator(o), inspect.iscoroutine(o), inspect.isasyncgen(o),
          inspect.isawaitable(o))
c.close()


class HasAwaitAttr:
    pass


h = HasAwaitAttr()
h.__await__ = lambda: iter(())
print(inspect.isawaitable(h))
print(inspect.CO_OPTIMIZED, inspect.CO_NEWLOCALS, inspect.CO_VARARGS, inspect.CO_VARKEYWORDS, inspect.CO_NESTED,
      inspect.CO_GENERATOR, inspect.CO_NOFREE, inspect.CO_COROUTINE, inspect.CO_ITERABLE_COROUTINE,
      inspect.CO_ASYNC_GENERATOR)
print(bool(gen.__code__.co_flags & inspect.CO_GENERATOR), bool(coro.__code__.co_flags & inspect.CO_COROUTINE),
      bool(agen.__code__.co_flags & inspect.CO_ASYNC_GENERATOR), bool(legacy.__code__.co_flags & inspect.CO_ITERABLE_COROUTINE))


# a function marked as coroutine by hand, and a subclass used as an abstract during creation
class Meta(abc.ABCMeta):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        print('during creation', name, inspect.isabstract(cls))
        return cls


class Abs2(metaclass=Meta):
    @abc.abstractmethod
    def x(self): pass


class Flagged(Abs2):
    pass


# --- getmembers
print([n for n, _ in inspect.getmembers(C, inspect.isfunction)])
print([n for n, _ in inspect.getmembers(C()) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(C) if not n.startswith('__')])
print(inspect.getmembers(C(), inspect.ismethod)[0][0], inspect.getmembers(Slots(), lambda v: v == 0))


class Base:
    x = 1
    def __dir__(self): return ['zeta', 'alpha', 'x']


class Boom:
    @property
    def bad(self): raise AttributeError('no')


b = Base()
b.zeta = 2
print(inspect.getmembers(b))
print([n for n, _ in inspect.getmembers(Boom()) if not n.startswith('__')])
print([n for n, _ in inspect.getmembers(Boom) if not n.startswith('__')])


class Worse:
    @property
    def worse(self): raise KeyError('k')


try:
    inspect.getmembers(Worse())
except KeyError as e:
    print('KeyError', e)
mod = types.ModuleType('m')
mod.b = 2
mod.a = 1
print(inspect.getmembers(mod))


class DynMeta(type):
    def __getattr__(cls, name):
        return 'dyn'


class Dyn(metaclass=DynMeta):
    pass


print([m for m in inspect.getmembers(Dyn) if m[0] == 'anything'])
print([n for n, _ in inspect.getmembers(Concrete) if n in ('need', '__abstractmethods__')])
print([n for n, _ in inspect.getmembers(3, inspect.isbuiltin)][:2])
print(inspect.getmembers_static(b) if hasattr(inspect, 'getmembers_static') else 'none')
print([n for n, _ in inspect.getmembers_static(Boom) if not n.startswith('__')])
print([n for n, v in inspect.getmembers_static(C) if n in ('cm', 'sm', 'prop')], type(dict(inspect.getmembers_static(C))['cm']).__name__)

# --- getdoc / cleandoc
print(repr(inspect.getdoc(C)))
print(repr(inspect.getdoc(C.method)), repr(inspect.getdoc(C().method)), repr(inspect.getdoc(C.__dict__['prop'])))


class D(C):
    def method(self, x, y=2): pass
    prop = property(lambda self: 0)


print(repr(inspect.getdoc(D.method)), repr(inspect.getdoc(D().method)), repr(inspect.getdoc(D)), repr(inspect.getdoc(D.__dict__['prop'])))
print(repr(inspect.getdoc(plain)), repr(inspect.getdoc(None)))


class E:
    pass


print(repr(inspect.getdoc(E)), repr(inspect.getdoc(E())), repr(inspect.getdoc(Slots)))


class WithDoc:
    __doc__ = 5


print(repr(inspect.getdoc(WithDoc)))
for doc in ['  a\n    b\n      c\n\n', 'one line', '', '\n\n  x\n  y\n\n', 'first\n\tsecond\n  third',
            '   lead\n\n   \n   trail   \n    ', 'a\n b\n\n', '\n', 'x\r\ny', '  \n  ']:
    print(repr(inspect.cleandoc(doc)))

# --- formatannotation
for ann in (int, 'str', None, list[int], inspect.Signature, C, types.ModuleType, type(None), ..., 3,
            dict[str, list[int]], inspect.Parameter.empty):
    print(inspect.formatannotation(ann), '|', inspect.formatannotation(ann, 'inspect'), '|',
          inspect.formatannotation(ann, '__main__'))
import typing
print(inspect.formatannotation(typing.List[int]), inspect.formatannotation(typing.Optional[int]))
