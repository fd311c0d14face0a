# Exercises types: the type names, SimpleNamespace and coroutine().
import sys
import types
from types import SimpleNamespace


def f():
    pass


def g():
    yield 1


async def c():
    return 1


async def ag():
    yield 1


class K:
    def m(self):
        pass


print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType,
      type(f.__code__) is types.CodeType, type(g()) is types.GeneratorType)
co = c()
print(type(co) is types.CoroutineType, type(ag()) is types.AsyncGeneratorType)
co.close()
print(type(K().m) is types.MethodType, type(len) is types.BuiltinFunctionType,
      type([].append) is types.BuiltinMethodType, type(sys) is types.ModuleType,
      type(K.__dict__) is types.MappingProxyType, type(None) is types.NoneType,
      type(...) is types.EllipsisType, type(NotImplemented) is types.NotImplementedType)
print(type(object.__init__) is types.WrapperDescriptorType,
      type(object().__str__) is types.MethodWrapperType,
      type(str.join) is types.MethodDescriptorType,
      type(dict.__dict__['fromkeys']) is types.ClassMethodDescriptorType,
      type(list[int]) is types.GenericAlias, type(int | str) is types.UnionType)
try:
    raise ValueError
except ValueError as e:
    print(type(e.__traceback__) is types.TracebackType,
          type(e.__traceback__.tb_frame) is types.FrameType)


def outer():
    x = 1

    def inner():
        return x
    return inner


print(type(outer().__closure__[0]) is types.CellType)
print(types.FunctionType.__name__, types.GeneratorType.__name__, types.ModuleType.__name__,
      types.MappingProxyType.__name__, types.MethodType.__name__)
mod = types.ModuleType('mymod', 'doc')
print(mod.__name__, mod.__doc__, repr(mod))
mp = types.MappingProxyType({'a': 1})
print(mp['a'], list(mp), repr(mp))
try:
    mp['b'] = 2
except TypeError as e:
    print('TypeError', e)
bound = types.MethodType(lambda self, y: (type(self).__name__, y), K())
print(bound(5))

print('--- SimpleNamespace')
ns = SimpleNamespace(a=1, b='two')
print(ns, repr(ns), ns.a, ns.b)
ns.c = [3]
del ns.a
print(ns, vars(ns), ns == SimpleNamespace(b='two', c=[3]), ns != SimpleNamespace())
print(SimpleNamespace(), SimpleNamespace(x=1) == SimpleNamespace(x=1), SimpleNamespace(x=1) == 1)
ns.self = ns
print(ns)
try:
    SimpleNamespace(1)
except TypeError as e:
    print('TypeError', e)
try:
    hash(SimpleNamespace())
except TypeError:
    print('TypeError')


class Sub(SimpleNamespace):
    pass


print(Sub(x=1), Sub(x=1) == SimpleNamespace(x=1), getattr(ns, 'missing', 'dflt'))
try:
    ns.missing
except AttributeError:
    print('AttributeError')

print('--- coroutine')


@types.coroutine
def gen_coro():
    value = yield 'suspended'
    return value * 2


async def use():
    return await gen_coro()


coro = use()
print(coro.send(None))
try:
    coro.send(21)
except StopIteration as e:
    print('result', e.value)
print(gen_coro.__code__.co_flags & 0x100 != 0, types.coroutine(gen_coro) is gen_coro)


class Awaitable:
    def __init__(self):
        self.it = iter(['x', 'y'])


def plain_returning_gen():
    return g()


wrapped = types.coroutine(plain_returning_gen)


async def use2():
    return await wrapped()


c2 = use2()
print(c2.send(None), wrapped.__name__)
try:
    c2.send(None)
except StopIteration as e:
    print('done', e.value)
try:
    types.coroutine(5)
except TypeError as e:
    print('TypeError', e)
print(types.coroutine(c) is c)

print('--- new_class')


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        return {'prepared': kwds.get('flag')}

    def __new__(mcls, name, bases, ns, **kwds):
        return super().__new__(mcls, name, bases, ns)


C = types.new_class('C', (int,), {'metaclass': Meta, 'flag': 7},
                    lambda ns: ns.update(x=1))
print(C.__name__, C.__bases__, C.x, C.prepared, type(C).__name__, C(5) + 1)
print(types.prepare_class('D', (), {'metaclass': Meta, 'flag': 2}))
print(types.prepare_class('E'), types.resolve_bases((int, str)))


class Entry:
    def __mro_entries__(self, bases):
        return (dict,)


print(types.resolve_bases((int, Entry())), types.new_class('F', (Entry(),)).__mro__)
try:
    types.new_class('G', (int, str))
except TypeError as e:
    print('TypeError', e)
