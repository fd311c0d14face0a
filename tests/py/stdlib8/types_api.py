# types: the type names, new_class/prepare_class/resolve_bases, SimpleNamespace, coroutine().
import copy
import pickle
import sys
import types
from types import SimpleNamespace


from _show import show


for name in ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace', 'GeneratorType',
             'CoroutineType', 'AsyncGeneratorType', 'MethodType', 'BuiltinFunctionType', 'BuiltinMethodType',
             'WrapperDescriptorType', 'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
             'ModuleType', 'TracebackType', 'FrameType', 'CellType', 'GenericAlias', 'UnionType', 'EllipsisType',
             'NoneType', 'NotImplementedType', 'coroutine', 'new_class', 'prepare_class', 'resolve_bases']:
    print(name, name in types.__all__, getattr(types, name).__name__)
print(types.LambdaType is types.FunctionType, types.BuiltinMethodType is types.BuiltinFunctionType,
      types.NoneType is type(None), types.ModuleType is type(sys), isinstance(len, types.BuiltinFunctionType),
      isinstance(lambda: 0, types.FunctionType), isinstance(str.upper, types.MethodDescriptorType))

# new_class / prepare_class / resolve_bases
A = types.new_class('A')
print(A.__name__, A.__bases__, type(A).__name__, A.__module__ if hasattr(A, '__module__') else None)
B = types.new_class('B', (A,), exec_body=lambda ns: ns.update({'x': 1, 'f': lambda self: 2}))
print(B.__name__, B.__bases__ == (A,), B.x, B().f(), B.__qualname__)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'prepared': True}

    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


C = types.new_class('C', (), {'metaclass': Meta, 'flag': 1}, lambda ns: ns.__setitem__('y', 2))
print(type(C).__name__, C.prepared, C.y)
D = types.new_class('D', (C,), {'flag': 2})
print(type(D).__name__)
print(types.prepare_class('P'))
meta, ns, kw = types.prepare_class('P', (C,), {'a': 1})
print(meta.__name__, ns, kw)
kwds = {'metaclass': Meta, 'z': 3}
meta, ns, kw = types.prepare_class('P', (), kwds)
print(meta.__name__, ns, kw, kwds)
lam = lambda *a: 'made'
res = types.prepare_class('P', (), {'metaclass': lam})
print(res[0] is lam, res[1:])


class NoPrepare:
    pass


print(types.prepare_class('P', (), {'metaclass': NoPrepare()})[1:])


class M1(type):
    pass


class M2(type):
    pass


X1 = M1('X1', (), {})
X2 = M2('X2', (), {})
show('conflict', lambda: types.new_class('Z', (X1, X2)))
show('prepare conflict', lambda: types.prepare_class('Z', (X1, X2)))
show('prepare conflict meta', lambda: types.prepare_class('Z', (X1,), {'metaclass': M2}))
print(types.prepare_class('Z', (X1,), {'metaclass': type})[0].__name__)


class M3(M1):
    pass


print(types.prepare_class('Z', (X1,), {'metaclass': M3})[0].__name__,
      types.prepare_class('Z', (X1, types.new_class('Y', (), {'metaclass': M3}))) [0].__name__)


class Entry:
    def __init__(self, *bases):
        self.bases = bases

    def __mro_entries__(self, bases):
        print('mro_entries', len(bases))
        return self.bases


e1, e2 = Entry(int), Entry(A, B)
orig = (e1, object, e2)
print(types.resolve_bases(orig))
print(types.resolve_bases((A, B)) == (A, B), types.resolve_bases([A]))
print(types.resolve_bases((Entry(),)), types.resolve_bases((1, 'x')))
E = types.new_class('E', (Entry(B),))
print(E.__bases__ == (B,), E.__orig_bases__[0].__class__.__name__, '__orig_bases__' in A.__dict__)


class BadEntry:
    def __mro_entries__(self, bases):
        return [int]


show('bad entries', lambda: types.resolve_bases((BadEntry(),)))
show('new_class bad kw', lambda: types.new_class('Q', (), {'bogus': 1}))
show('new_class bad base', lambda: types.new_class('Q', (1,)))
show('resolve_bases none', lambda: types.resolve_bases(None))
G = types.new_class('G', (list[int],))
print(G.__bases__, G.__orig_bases__)

# SimpleNamespace
ns = SimpleNamespace(b=2, a=1)
print(ns, repr(ns), ns.a, vars(ns), str(ns))
ns.c = [3]
del ns.b
print(ns, 'b' in vars(ns), hasattr(ns, 'b'))
show('ns positional', lambda: SimpleNamespace(1))
show('ns positional dict', lambda: SimpleNamespace({'a': 1}))
show('ns badkey', lambda: SimpleNamespace(**{1: 2}))
print(SimpleNamespace(), SimpleNamespace(**{'x y': 1, '': 2}))
print(SimpleNamespace(a=1) == SimpleNamespace(a=1), SimpleNamespace(a=1) == SimpleNamespace(a=2),
      SimpleNamespace(a=1) != SimpleNamespace(a=1), SimpleNamespace(a=1) == {'a': 1},
      SimpleNamespace() == SimpleNamespace())
print(SimpleNamespace.__hash__)
show('ns lt', lambda: SimpleNamespace() < SimpleNamespace())
r = SimpleNamespace(n=1)
r.self = r
r.lst = [r]
print(r)


class Sub(SimpleNamespace):
    pass


s = Sub(q=1)
print(s, repr(Sub()), s == SimpleNamespace(q=1), SimpleNamespace(q=1) == s, isinstance(s, SimpleNamespace))
s2 = Sub(x=SimpleNamespace(y=Sub()))
print(s2)
print(copy.copy(ns), copy.deepcopy(ns) == ns, copy.copy(ns) is ns, pickle.loads(pickle.dumps(ns)))
print(type(pickle.loads(pickle.dumps(SimpleNamespace(a=1)))).__name__)
print(SimpleNamespace(a=1).__reduce__())
print(SimpleNamespace.__name__, SimpleNamespace.__module__ if SimpleNamespace.__module__ else None)
print(SimpleNamespace(x=1).__dict__, type(SimpleNamespace().__dict__).__name__)
n2 = SimpleNamespace(a=1)
n2.__dict__['z'] = 9
n2.__dict__[5] = 'int key'
print(n2, n2.z, len(vars(n2)))
show('ns le', lambda: SimpleNamespace(a=1) <= SimpleNamespace(a=1))

# coroutine()
show('coroutine non-callable', lambda: types.coroutine(5))


@types.coroutine
def gen_coro():
    x = yield 'ping'
    return ('got', x)


async def user():
    return await gen_coro()


print(gen_coro.__name__, bool(gen_coro.__code__.co_flags & 0x100), type(gen_coro()).__name__)
c = user()
print(c.send(None))
try:
    c.send('pong')
except StopIteration as stop:
    print('result', stop.value)


async def native():
    return 7


print(types.coroutine(native) is native)


def plain():
    return 42


wrapped = types.coroutine(plain)
print(wrapped is plain, wrapped.__name__, wrapped())


def returns_gen():
    return (i for i in range(2))


wg = types.coroutine(returns_gen)
print(wg.__name__, wg is returns_gen)
gw = wg()
print(type(gw).__name__ != 'generator', list(gw) if hasattr(gw, '__iter__') else None)


async def use_wrapped():
    return await wg()


c2 = use_wrapped()
print(c2.send(None))
print(c2.send(None))
try:
    c2.send(None)
except StopIteration as stop:
    print('done', stop.value)


class GenLike:
    def __init__(self):
        self.n = 0

    def __call__(self):
        return self.make()

    def make(self):
        yield 'a'
        return 'b'


gl = types.coroutine(GenLike())
print(callable(gl), type(gl).__name__)
gi = gl()
print(hasattr(gi, 'send'), next(iter(gi.__await__())) if hasattr(gi, '__await__') else None)
print(hasattr(gi, 'gi_code'), hasattr(gi, 'cr_code'), gi.gi_running, gi.cr_running, gi.gi_yieldfrom, gi.cr_await)
try:
    gi.send(None)
except StopIteration as stop:
    print('stop', stop.value)
gi.close()


@types.coroutine
def twice():
    yield 1
    yield 2


print(types.coroutine(twice) is twice)
