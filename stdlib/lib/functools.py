"""Higher-order functions and operations on callable objects."""

from abc import get_cache_token
from collections import namedtuple
from reprlib import recursive_repr

# Taken from real objects rather than from the types module, which needs
# much more of the interpreter's introspection support.
_MappingProxyType = type(type.__dict__)
_UnionType = type(int | str)

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS',
           'WRAPPER_UPDATES', 'total_ordering', 'cache', 'cmp_to_key',
           'lru_cache', 'reduce', 'partial', 'partialmethod',
           'singledispatch',
           'singledispatchmethod', 'cached_property']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last so that copying wrapped.__dict__ cannot overwrite it.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function."""
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


################################################################################
# total_ordering
################################################################################

# For each root comparison, how to derive the other three from it.  Each
# entry is (name, derive) where derive(result_of_root, self, other).
_ORDERING_RULES = {
    '__lt__': [('__gt__', lambda r, s, o: not r and s != o),
               ('__le__', lambda r, s, o: r or s == o),
               ('__ge__', lambda r, s, o: not r)],
    '__le__': [('__ge__', lambda r, s, o: not r or s == o),
               ('__lt__', lambda r, s, o: r and s != o),
               ('__gt__', lambda r, s, o: not r)],
    '__gt__': [('__lt__', lambda r, s, o: not r and s != o),
               ('__ge__', lambda r, s, o: r or s == o),
               ('__le__', lambda r, s, o: not r)],
    '__ge__': [('__le__', lambda r, s, o: not r or s == o),
               ('__gt__', lambda r, s, o: r and s != o),
               ('__lt__', lambda r, s, o: not r)],
}


def _derived_comparison(root, name, derive):
    def method(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        return derive(result, self, other)
    method.__name__ = name
    return method


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _ORDERING_RULES
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: '
                         '< > <= >=')
    root = max(roots)  # prefer __lt__ to __le__ to __gt__ to __ge__
    for name, derive in _ORDERING_RULES[root]:
        if name not in roots:
            method = _derived_comparison(root, name, derive)
            method.__qualname__ = '%s.%s' % (cls.__qualname__, name)
            setattr(cls, name, method)
    return cls


################################################################################
# cmp_to_key
################################################################################

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""
    class KeyWrapper(object):
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return KeyWrapper


################################################################################
# reduce
################################################################################

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """
    reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a
    sequence or iterable, from left to right, so as to reduce the iterable
    to a single value.  If initial is present, it is placed before the items
    of the iterable in the calculation, and serves as a default when the
    iterable is empty.
    """
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial '
                            'value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


################################################################################
# partial
################################################################################

class partial:
    """New function with partial application of the given arguments
    and keywords.
    """

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # Flatten partial(partial(f, 1), 2) into partial(f, 1, 2).
        if isinstance(func, partial) and \
                type(func).__call__ is partial.__call__:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super(partial, cls).__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    _FIELDS = ('func', 'args', 'keywords')

    def __reduce__(self):
        # As CPython's: recreated from the function, then the whole state set at once; the
        # namespace holds only attributes besides the three fields.
        namespace = {k: v for k, v in self.__dict__.items() if k not in self._FIELDS}
        return type(self), (self.func,), (self.func, self.args, self.keywords, namespace or None)

    def __setstate__(self, state):
        if (not isinstance(state, tuple) or len(state) != 4 or not callable(state[0])
                or not isinstance(state[1], tuple)
                or (state[2] is not None and not isinstance(state[2], dict))
                or (state[3] is not None and not isinstance(state[3], dict))):
            raise TypeError('invalid partial state')
        func, args, keywords, namespace = state
        self.__dict__ = dict(namespace or {})
        self.func = func
        self.args = tuple(args)
        self.keywords = dict(keywords or {})

    @recursive_repr()
    def __repr__(self):
        qualname = type(self).__qualname__
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        if type(self).__module__ == 'functools':
            return 'functools.%s(%s)' % (qualname, ', '.join(args))
        return '%s(%s)' % (qualname, ', '.join(args))


class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords: like partial, but the instance (or class) it is accessed
    through becomes the first argument.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('{!r} is not callable or a descriptor'
                            .format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        return '%s.%s(%s)' % (type(self).__module__, type(self).__qualname__,
                              ', '.join(args))

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        # A descriptor func (classmethod, another method...) is bound
        # first and then partially applied; a plain function becomes a
        # method that inserts the instance before the stored arguments.
        get = getattr(self.func, '__get__', None)
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
                return result
        return self._make_unbound_method().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
# lru_cache
################################################################################

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize',
                                      'currsize'])

# Separates positional from keyword arguments inside cache keys.
_kwd_mark = (object(),)


def _make_key(args, kwds, typed):
    # A lone int or str argument is its own key (as in CPython, so f(1)
    # and f(1.0) are cached separately even without typed=True).
    if not kwds and not typed and len(args) == 1 and \
            type(args[0]) in (int, str):
        return args[0]
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    return key


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If *maxsize* is set to None, the LRU features are disabled and the
    cache can grow without bound.  If *typed* is True, arguments of
    different types will be cached separately.  Arguments must be hashable.
    View the cache statistics with f.cache_info(); clear the cache and
    statistics with f.cache_clear()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used directly as @lru_cache without arguments.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize,
                                            'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a '
                        'callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize,
                                            'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache is a dict whose insertion order is the recency order: a hit
    # moves its key to the end, and the oldest key (the first) is evicted.
    sentinel = object()
    cache = {}
    hits = misses = 0

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, sentinel)
            if result is not sentinel:
                cache[key] = result
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            # A recursive call may have cached this key meanwhile.
            if key not in cache and len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


################################################################################
# singledispatch
################################################################################

def _find_impl(cls, registry):
    """The registered implementation for cls: the nearest class in cls's MRO
    (object last), else the most specific registered ABC that cls is a
    (possibly virtual) subclass of."""
    mro = cls.__mro__
    for base in mro:
        if base is not object and base in registry:
            return registry[base]
    candidates = [k for k in registry
                  if k not in mro and issubclass(cls, k)]
    best = []
    for c in candidates:
        if not any(o is not c and issubclass(o, c) for o in candidates):
            best.append(c)
    if len(best) > 1:
        raise RuntimeError('Ambiguous dispatch: {} or {}'.format(
            best[0], best[1]))
    if best:
        return registry[best[0]]
    return registry.get(object)


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return isinstance(cls, _UnionType) and \
        all(isinstance(arg, type) for arg in cls.__args__)


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument.  The
    decorated function acts as the default implementation, and additional
    implementations can be registered using the register() attribute of the
    generic function.
    """
    registry = {object: func}
    dispatch_cache = {}
    cache_token = None

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available
        implementation for the given *cls* registered on *generic_func*.
        """
        nonlocal cache_token
        if cache_token is not None and cache_token != get_cache_token():
            dispatch_cache.clear()
            cache_token = get_cache_token()
        try:
            return dispatch_cache[cls]
        except KeyError:
            impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
            return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_func*.
        """
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f'Invalid first argument to `register()`. '
                    f'{cls!r} is not a class or union type.')
            annotations = getattr(cls, '__annotations__', None)
            if not annotations:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain '
                    f'`@register` on an annotated function.')
            func = cls
            from typing import get_type_hints
            argname, cls = next(iter(get_type_hints(func).items()))
            if not _is_valid_dispatch_type(cls):
                if isinstance(cls, _UnionType):
                    raise TypeError(
                        f'Invalid annotation for {argname!r}. '
                        f'{cls!r} not all arguments are classes.')
                raise TypeError(
                    f'Invalid annotation for {argname!r}. '
                    f'{cls!r} is not a class.')
        for klass in (cls.__args__ if isinstance(cls, _UnionType) else (cls,)):
            registry[klass] = func
            if cache_token is None and hasattr(klass, '__abstractmethods__'):
                cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    funcname = getattr(func, '__name__', 'singledispatch function')

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


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

        Registers a new implementation for the given *cls* on a
        *generic_method*.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
# cached_property
################################################################################

_NOT_FOUND = object()


class cached_property:
    """Turn a method into a property whose value is computed once and then
    stored in the instance __dict__ (under the same name, so later lookups
    find the plain attribute and skip this descriptor)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different '
                f'names ({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without '
                            'calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (f"No '__dict__' attribute on {type(instance).__name__!r} "
                   f"instance to cache {self.attrname!r} property.")
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val
