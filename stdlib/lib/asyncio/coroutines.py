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


def _format_coroutine(coro):
    """'name() running at file:line' (suspended) or 'name() done, defined at file:line'."""
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None) \
        or f'<{type(coro).__name__} without __name__>'
    name += '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', None)
        if running is None:
            running = getattr(coro, 'gi_running', False)
        return f'{name} running' if running else name
    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'
