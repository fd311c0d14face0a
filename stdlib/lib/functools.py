"""functools: higher-order functions and operations on callable objects."""

import sys
from abc import get_cache_token
from collections import namedtuple
from reprlib import recursive_repr
from types import GenericAlias, MappingProxyType, UnionType

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

# Marks "argument not given" where None is a valid value.
_MISSING = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the attributes named in
    assigned, merge those named in updated, and set __wrapped__."""
    for name in assigned:
        value = getattr(wrapped, name, _MISSING)
        if value is not _MISSING:
            setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last: copying wrapped.__dict__ may have brought an older __wrapped__.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory applying update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# --- total_ordering ---------------------------------------------------------

# For each root operation, how total_ordering derives each other one from
# it: (negate the root's result, then "or a == b" / "and a != b" / nothing).
_DERIVATIONS = {
    '__lt__': {'__gt__': (True, 'ne'), '__le__': (False, 'eq'), '__ge__': (True, None)},
    '__le__': {'__ge__': (True, 'eq'), '__lt__': (False, 'ne'), '__gt__': (True, None)},
    '__gt__': {'__lt__': (True, 'ne'), '__ge__': (False, 'eq'), '__le__': (True, None)},
    '__ge__': {'__le__': (True, 'eq'), '__gt__': (False, 'ne'), '__lt__': (True, None)},
}


def _derive(root, target, negate, tie):
    def compare(self, other):
        found = getattr(type(self), root)(self, other)
        if found is NotImplemented:
            return found
        if negate:
            found = not found
        if tie == 'eq':
            return found or self == other
        if tie == 'ne':
            return found and self != other
        return found
    compare.__name__ = target
    compare.__qualname__ = '_%s_from_%s' % (target.strip('_'), root.strip('_'))
    return compare


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = [name for name in ('__lt__', '__le__', '__gt__', '__ge__')
               if getattr(cls, name, None) is not getattr(object, name, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]
    for target, (negate, tie) in _DERIVATIONS[root].items():
        if target not in defined:
            setattr(cls, target, _derive(root, target, negate, tie))
    return cls


# --- cmp_to_key -------------------------------------------------------------

class _KeyWrapper:
    """Key object made by cmp_to_key(): compares its obj with mycmp."""

    __slots__ = ('_cmp', 'obj')

    def __init__(self, cmp):
        self._cmp = cmp

    def __call__(self, *args, **kwargs):
        if len(args) + len(kwargs) > 1:
            raise TypeError('K() takes at most 1 argument (%d given)'
                            % (len(args) + len(kwargs)))
        if args:
            obj = args[0]
        elif 'obj' in kwargs:
            obj = kwargs['obj']
        elif kwargs:
            raise TypeError("K() got an unexpected keyword argument '%s'"
                            % next(iter(kwargs)))
        else:
            raise TypeError("K() missing required argument 'obj' (pos 1)")
        key = _KeyWrapper(self._cmp)
        key.obj = obj
        return key

    def _outcome(self, other):
        if not isinstance(other, _KeyWrapper) or not hasattr(other, 'obj'):
            raise TypeError('other argument must be K instance')
        return self._cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._outcome(other) < 0

    def __le__(self, other):
        return self._outcome(other) <= 0

    def __eq__(self, other):
        return self._outcome(other) == 0

    def __ne__(self, other):
        return self._outcome(other) != 0

    def __gt__(self, other):
        return self._outcome(other) > 0

    def __ge__(self, other):
        return self._outcome(other) >= 0

    __hash__ = None


# Shown under the name of CPython's C type.
_KeyWrapper.__name__ = _KeyWrapper.__qualname__ = 'KeyWrapper'


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    return _KeyWrapper(mycmp)


# --- reduce -----------------------------------------------------------------

def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Fold the iterable from the left with the two-argument function:
    reduce(f, [a, b, c]) is f(f(a, b), c).  initial, when given, comes
    before the items and is the result for an empty iterable.
    """
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    if not 2 <= len(args) <= 3:
        bound = 'least 2' if len(args) < 2 else 'most 3'
        raise TypeError('reduce expected at %s arguments, got %d' % (bound, len(args)))
    function, iterable = args[0], args[1]
    try:
        items = iter(iterable)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if len(args) == 3:
        total = args[2]
    else:
        total = next(items, _MISSING)
        if total is _MISSING:
            raise TypeError('reduce() of empty iterable with no initial value')
    for item in items:
        total = function(total, item)
    return total


# --- partial ----------------------------------------------------------------

class _ReadOnly:
    """A read-only view of a slot, failing on writes like C members do."""

    def __init__(self, slot):
        self._slot = slot

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return self._slot.__get__(obj, cls)

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')


class partial:
    """New function with partial application of the given arguments
    and keywords.
    """

    __slots__ = ('_fn', '_fn_args', '_fn_keywords', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # A plain partial is merged into the new one instead of nested.
        if isinstance(func, partial) and not func.__dict__:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self._fn, self._fn_args, self._fn_keywords = func, args, keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self._fn_keywords, **keywords}
        return self._fn(*self._fn_args, *args, **keywords)

    @recursive_repr()
    def __repr__(self):
        kind = type(self)
        name = 'functools.partial' if kind is partial else kind.__name__
        shown = [repr(self._fn)]
        shown.extend(repr(arg) for arg in self._fn_args)
        shown.extend('%s=%r' % item for item in self._fn_keywords.items())
        return '%s(%s)' % (name, ', '.join(shown))

    def __reduce__(self):
        return (type(self), (self._fn,),
                (self._fn, self._fn_args, self._fn_keywords, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError('invalid partial state')
        func, args, keywords, attrs = state
        if (not callable(func) or not isinstance(args, tuple)
                or (keywords is not None and not isinstance(keywords, dict))):
            raise TypeError('invalid partial state')
        self._fn = func
        self._fn_args = tuple(args)
        self._fn_keywords = {} if keywords is None else dict(keywords)
        self.__dict__ = {} if attrs is None else attrs

    __class_getitem__ = classmethod(GenericAlias)


partial.func = _ReadOnly(partial._fn)
partial.args = _ReadOnly(partial._fn_args)
partial.keywords = _ReadOnly(partial._fn_keywords)


class partialmethod(object):
    """Method descriptor with partial application of the given arguments
    and keywords.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('{!r} is not callable or a descriptor'.format(func))
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        shown = [repr(self.func)]
        shown.extend(map(repr, self.args))
        shown.extend('%s=%r' % item for item in self.keywords.items())
        kind = type(self)
        return '%s.%s(%s)' % (kind.__module__, kind.__qualname__, ', '.join(shown))

    def _unbound(self):
        def method(cls_or_self, /, *args, **keywords):
            return self.func(cls_or_self, *self.args, *args,
                             **{**self.keywords, **keywords})
        method.__isabstractmethod__ = self.__isabstractmethod__
        # inspect.signature() finds the partialmethod through this.
        method._partialmethod = self
        return method

    def __get__(self, obj, cls=None):
        binder = getattr(self.func, '__get__', None)
        if binder is not None:
            bound = binder(obj, cls)
            # A descriptor that gave something new (a bound method, the
            # function behind a staticmethod...) is partially applied itself.
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                owner = getattr(bound, '__self__', _MISSING)
                if owner is not _MISSING:
                    result.__self__ = owner
                return result
        return self._unbound().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(GenericAlias)


# --- lru_cache and cache ----------------------------------------------------

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])

# Separates positional from keyword arguments inside cache keys.
_KEYWORDS_FOLLOW = object()


def _cache_key(args, kwargs, typed):
    # A lone int or str is its own key, so f(1) and f(1.0) get separate
    # entries even when untyped, as in CPython.
    if not kwargs and not typed and len(args) == 1 and type(args[0]) in (int, str):
        return args[0]
    key = args
    if kwargs:
        key += (_KEYWORDS_FOLLOW,) + tuple(kwargs.items())
    if typed:
        key += tuple(map(type, args)) + tuple(map(type, kwargs.values()))
    return key


def _cached_caller(user_function, maxsize, typed):
    """A function memoizing user_function in a dict kept in recency order.

    A closure rather than a class: calling an instance's __call__ costs
    several times more than calling a function in this interpreter.
    """
    if not callable(user_function):
        raise TypeError('the first argument must be callable')
    results = {}
    hits = misses = 0

    if maxsize == 0:
        def wrapper(*args, **kwargs):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwargs)
    elif maxsize is None:
        def wrapper(*args, **kwargs):
            nonlocal hits, misses
            key = _cache_key(args, kwargs, typed)
            value = results.get(key, _MISSING)
            if value is not _MISSING:
                hits += 1
                return value
            misses += 1
            value = user_function(*args, **kwargs)
            results[key] = value
            return value
    else:
        def wrapper(*args, **kwargs):
            nonlocal hits, misses
            key = _cache_key(args, kwargs, typed)
            # Re-inserting a hit moves it to the end: dict order is recency.
            value = results.pop(key, _MISSING)
            if value is not _MISSING:
                results[key] = value
                hits += 1
                return value
            misses += 1
            value = user_function(*args, **kwargs)
            results[key] = value
            if len(results) > maxsize:
                del results[next(iter(results))]
            return value

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(hits, misses, maxsize, len(results))

    def cache_clear():
        """Clear the cache and cache statistics"""
        nonlocal hits, misses
        results.clear()
        hits = misses = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return wrapper


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If *maxsize* is set to None, the LRU features are disabled and the cache
    can grow without bound.

    If *typed* is True, arguments of different types will be cached separately.
    For example, f(3.0) and f(3) will be treated as distinct calls with
    distinct results.

    Arguments to the cached function must be hashable.

    View the cache statistics named tuple (hits, misses, maxsize, currsize)
    with f.cache_info().  Clear the cache and statistics with f.cache_clear().
    Access the underlying function with f.__wrapped__.
    """
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif callable(maxsize) and isinstance(typed, bool):
        # Used bare, as @lru_cache: maxsize is the function itself.
        return update_wrapper(_cached_caller(maxsize, 128, typed), maxsize)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return update_wrapper(_cached_caller(user_function, maxsize, typed),
                              user_function)
    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# --- singledispatch ---------------------------------------------------------

def _is_union(hint):
    if isinstance(hint, UnionType):
        return True
    # typing.Union hints can only exist once typing has been imported.
    typing = sys.modules.get('typing')
    return typing is not None and typing.get_origin(hint) is typing.Union


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return _is_union(cls) and all(isinstance(arg, type) for arg in cls.__args__)


def _specificity_order(cls, candidates):
    """Candidates (types that cls is a subclass of) from most to least
    specific for cls, and the pairs among them that are equally specific.

    Classes in cls.__mro__ keep their MRO order.  Any other candidate (an
    ABC that cls only virtually subclasses) goes right after the last MRO
    class below object that is a subclass of it, the more derived ABCs
    first; unrelated ABCs that land side by side are equally specific.
    """
    mro = cls.__mro__
    # object stays last, even after the ABCs object itself satisfies.
    ranked_mro = mro[:-1] if len(mro) > 1 and mro[-1] is object else mro
    slots = [[] for _ in mro]
    for cand in candidates:
        if cand not in mro:
            last = max(i for i, klass in enumerate(ranked_mro) if issubclass(klass, cand))
            slots[last].append(cand)
    order = []
    ties = []
    for klass, extras in zip(mro, slots):
        order.append(klass)
        ranked = []
        for abc_type in extras:
            # Before the first ABC it derives from.
            at = next((i for i, other in enumerate(ranked)
                       if issubclass(abc_type, other)), len(ranked))
            ranked.insert(at, abc_type)
        ties.extend((first, second) for first, second in zip(ranked, ranked[1:])
                    if not issubclass(first, second))
        order.extend(ranked)
    return order, ties


def _find_impl(cls, registry):
    candidates = [klass for klass in registry if issubclass(cls, klass)]
    order, ties = _specificity_order(cls, candidates)
    best = next(klass for klass in order if klass in registry)
    for first, second in ties:
        if first is best:
            raise RuntimeError('Ambiguous dispatch: {} or {}'.format(first, second))
    return registry[best]


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument. The decorated
    function acts as the default implementation, and additional
    implementations can be registered using the register() attribute of the
    generic function.
    """
    import weakref

    registry = {object: func}
    chosen = weakref.WeakKeyDictionary()
    # The ABC registry version the choices were made with, once ABCs matter.
    abc_version = None

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available implementation
        for the given *cls* registered on *generic_func*.
        """
        nonlocal abc_version
        if abc_version is not None and abc_version != get_cache_token():
            chosen.clear()
            abc_version = get_cache_token()
        impl = chosen.get(cls, _MISSING)
        if impl is _MISSING:
            impl = registry.get(cls, _MISSING)
            if impl is _MISSING:
                impl = _find_impl(cls, registry)
            chosen[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_func*.
        """
        nonlocal abc_version
        if not _is_valid_dispatch_type(cls):
            if func is not None:
                raise TypeError(
                    f'Invalid first argument to `register()`. '
                    f'{cls!r} is not a class or union type.')
            if not getattr(cls, '__annotations__', {}):
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.')
            func, cls = cls, _first_annotation(cls)
        elif func is None:
            return lambda f: register(cls, f)
        for klass in (cls.__args__ if _is_union(cls) else (cls,)):
            registry[klass] = func
            if abc_version is None and hasattr(klass, '__abstractmethods__'):
                abc_version = get_cache_token()
        chosen.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = MappingProxyType(registry)
    wrapper._clear_cache = chosen.clear
    update_wrapper(wrapper, func)
    return wrapper


def _first_annotation(func):
    """The dispatch type named by the first annotation of func."""
    from typing import get_type_hints
    argname, hint = next(iter(get_type_hints(func).items()))
    if not _is_valid_dispatch_type(hint):
        if _is_union(hint):
            raise TypeError(f'Invalid annotation for {argname!r}. '
                            f'{hint!r} not all arguments are classes.')
        raise TypeError(f'Invalid annotation for {argname!r}. '
                        f'{hint!r} is not a class.')
    return hint


class singledispatchmethod:
    """Single-dispatch generic method descriptor.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_method*.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            impl = self.dispatcher.dispatch(args[0].__class__)
            return impl.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# --- cached_property --------------------------------------------------------

class cached_property:
    """Turn a method into an attribute computed on first access and then
    stored in the instance __dict__ (so later reads skip the method)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property.") from None
        value = store.get(self.attrname, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            try:
                store[self.attrname] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} "
                    f"property.") from None
        return value

    __class_getitem__ = classmethod(GenericAlias)
