"""Recognising coroutines and coroutine functions."""

import functools
import types

__all__ = ('iscoroutinefunction', 'iscoroutine')

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100
_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType)


def iscoroutinefunction(func):
    """True for `async def` functions (also behind functools.partial / bound methods)."""
    while True:
        if isinstance(func, functools.partial):
            func = func.func
        elif isinstance(func, types.MethodType):
            func = func.__func__
        else:
            break
    code = getattr(func, '__code__', None)
    if code is not None and code.co_flags & _CO_COROUTINE:
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine


_is_coroutine = object()


def iscoroutine(obj):
    """True for coroutine objects and generator-based (types.coroutine) coroutines."""
    return isinstance(obj, _COROUTINE_TYPES)
