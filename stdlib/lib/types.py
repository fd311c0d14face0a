"""Names for the interpreter's built-in types (taken as type(obj) of sample
objects), dynamic class creation helpers, SimpleNamespace and coroutine()."""

import sys

__all__ = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType',
           'SimpleNamespace', 'GeneratorType', 'CoroutineType',
           'AsyncGeneratorType', 'MethodType', 'BuiltinFunctionType',
           'BuiltinMethodType', 'WrapperDescriptorType', 'MethodWrapperType',
           'MethodDescriptorType', 'ClassMethodDescriptorType', 'GetSetDescriptorType',
           'MemberDescriptorType', 'ModuleType',
           'TracebackType', 'FrameType', 'CellType', 'GenericAlias',
           'UnionType', 'EllipsisType', 'NoneType', 'NotImplementedType',
           'coroutine', 'new_class', 'prepare_class', 'resolve_bases']


def _samples():
    """One object of each kind whose type has no built-in name: a closure,
    a generator, a coroutine, an async generator, a bound method and a
    traceback."""
    captured = None

    def closure():
        return captured

    def generator():
        yield

    async def native_coroutine():
        pass

    async def async_generator():
        yield

    class Owner:
        def method(self):
            pass

    coro = native_coroutine()
    # Closed right away so that it is not reported as never awaited.
    coro.close()
    try:
        raise LookupError
    except LookupError as exc:
        tb = exc.__traceback__
    return closure, generator(), coro, async_generator(), Owner().method, tb


_closure, _generator, _coroutine, _async_generator, _method, _traceback = \
    _samples()

FunctionType = LambdaType = type(_closure)
CodeType = type(_closure.__code__)
CellType = type(_closure.__closure__[0])
GeneratorType = type(_generator)
CoroutineType = type(_coroutine)
AsyncGeneratorType = type(_async_generator)
MethodType = type(_method)
TracebackType = type(_traceback)
FrameType = type(_traceback.tb_frame)
del _samples, _closure, _generator, _coroutine, _async_generator, _method
del _traceback

MappingProxyType = type(object.__dict__)
BuiltinFunctionType = type(abs)
BuiltinMethodType = type({}.get)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
GetSetDescriptorType = type(FunctionType.__code__)


class _Slotted:
    __slots__ = ('slot',)


# CPython takes a built-in type's member here; minipy's built-ins have none, a slot is one.
MemberDescriptorType = type(_Slotted.slot)
del _Slotted
ModuleType = type(sys)
GenericAlias = type(list[int])
UnionType = type(int | str)
EllipsisType = type(...)
NoneType = type(None)
NotImplementedType = type(NotImplemented)


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560: every base
    that is not a class but has __mro_entries__ is replaced by the tuple
    that method returns. `bases` itself comes back when none was."""
    resolved = []
    replaced = False
    for base in bases:
        hook = None
        if not isinstance(base, type):
            hook = getattr(base, '__mro_entries__', None)
        if hook is None:
            resolved.append(base)
            continue
        entries = hook(bases)
        if not isinstance(entries, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        resolved.extend(entries)
        replaced = True
    return tuple(resolved) if replaced else bases


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds); kwds is a copy of the given
    keywords without 'metaclass'."""
    kwds = dict(kwds) if kwds else {}
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if isinstance(meta, type):
        meta = _most_derived_metaclass(meta, bases)
    prepare = getattr(meta, '__prepare__', None)
    namespace = {} if prepare is None else prepare(name, bases, **kwds)
    return meta, namespace, kwds


def _most_derived_metaclass(meta, bases):
    """The metaclass among meta and those of bases that derives from all
    the others."""
    best = meta
    for candidate in map(type, bases):
        if issubclass(best, candidate):
            continue
        if not issubclass(candidate, best):
            raise TypeError('metaclass conflict: the metaclass of a derived '
                            'class must be a (non-strict) subclass of the '
                            'metaclasses of all its bases')
        best = candidate
    return best


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass;
    exec_body(namespace), when given, fills in the class namespace."""
    resolved = resolve_bases(bases)
    meta, namespace, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(namespace)
    if resolved is not bases:
        namespace['__orig_bases__'] = bases
    return meta(name, resolved, namespace, **kwds)


def _namespace_comparison(compare):
    """A rich comparison method comparing two SimpleNamespaces' attribute
    dicts (any other operand is NotImplemented)."""
    def method(self, other):
        if isinstance(other, SimpleNamespace):
            return compare(self.__dict__, other.__dict__)
        return NotImplemented
    return method


# ids of the SimpleNamespaces whose repr is being built, so that one
# containing itself shows as namespace(...) there.
_reprs_in_progress = set()


class SimpleNamespace:
    """A simple attribute-based namespace.

    SimpleNamespace(**kwargs)"""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        self.__dict__.update(kwargs)

    def __repr__(self):
        cls = type(self)
        label = 'namespace' if cls is SimpleNamespace else cls.__name__
        key = id(self)
        if key in _reprs_in_progress:
            return f'{label}(...)'
        _reprs_in_progress.add(key)
        try:
            # Attributes that are not non-empty strings are left out.
            fields = [f'{key}={value!r}' for key, value in self.__dict__.items()
                      if isinstance(key, str) and key]
        finally:
            _reprs_in_progress.discard(key)
        return f"{label}({', '.join(fields)})"

    __eq__ = _namespace_comparison(lambda a, b: a == b)
    __ne__ = _namespace_comparison(lambda a, b: a != b)
    __lt__ = _namespace_comparison(lambda a, b: a < b)
    __le__ = _namespace_comparison(lambda a, b: a <= b)
    __gt__ = _namespace_comparison(lambda a, b: a > b)
    __ge__ = _namespace_comparison(lambda a, b: a >= b)
    __hash__ = None

    def __reduce__(self):
        return type(self), (), self.__dict__


# Code object flags (co_flags) that coroutine() reads and sets.
_GENERATOR_FLAG = 0x20
_COROUTINE_FLAG = 0x80
_ITERABLE_COROUTINE_FLAG = 0x100


def coroutine(func):
    """Convert regular generator function to a coroutine.

    A generator function gets the CO_ITERABLE_COROUTINE code flag, which
    lets 'await' accept its generators (minipy's code objects support
    replace(co_flags=...) and the VM honours the flag). Any other callable
    is wrapped: a plain generator it returns becomes awaitable through a
    proxy, anything else is returned unchanged."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if isinstance(func, FunctionType):
        flags = func.__code__.co_flags
        if flags & (_COROUTINE_FLAG | _ITERABLE_COROUTINE_FLAG):
            return func
        if flags & _GENERATOR_FLAG:
            func.__code__ = func.__code__.replace(
                co_flags=flags | _ITERABLE_COROUTINE_FLAG)
            return func

    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return _make_awaitable(func(*args, **kwargs))

    return wrapper


def _make_awaitable(result):
    """What a coroutine()-wrapped callable returns for `result`."""
    if type(result) is CoroutineType:
        return result
    if type(result) is GeneratorType and \
            result.gi_code.co_flags & _ITERABLE_COROUTINE_FLAG:
        return result
    from collections.abc import Coroutine, Generator
    if isinstance(result, Generator) and not isinstance(result, Coroutine):
        return _AwaitableGenerator(result)
    return result


class _AwaitableGenerator:
    """Proxy that makes a generator (or a Generator look-alike) usable with
    'await', answering to both the gi_* and the cr_* attribute names."""

    def __init__(self, gen):
        self._gen = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, value):
        return self._gen.send(value)

    def throw(self, typ, *rest):
        return self._gen.throw(typ, *rest)

    def close(self):
        return self._gen.close()

    def __next__(self):
        return next(self._gen)

    def __iter__(self):
        # A real generator can be driven directly; anything else goes
        # through this proxy.
        if type(self._gen) is GeneratorType:
            return self._gen
        return self

    __await__ = __iter__

    gi_code = cr_code = property(lambda self: self._gen.gi_code)
    gi_frame = cr_frame = property(lambda self: self._gen.gi_frame)
    gi_running = cr_running = property(lambda self: self._gen.gi_running)
    gi_yieldfrom = cr_await = property(lambda self: self._gen.gi_yieldfrom)
