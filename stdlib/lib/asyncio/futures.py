"""asyncio.Future: a result that will be set later, awaitable from coroutines."""

import _asyncio
import concurrent.futures
import reprlib

from . import events
from . import exceptions

__all__ = ('Future', 'wrap_future', 'isfuture')

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """True for asyncio Futures (anything that opts in with _asyncio_future_blocking)."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking')
            and obj._asyncio_future_blocking is not None)


# The Future type is native (stdlib/native/asyncio_future.cpp); its repr is built here.
Future = _asyncio.Future


def _format_callbacks(cb):
    """cb=[...] of a future's repr: the first and last callbacks and how many are between."""
    size = len(cb)
    if not size:
        return ''

    def format_cb(callback):
        return events._format_callback(callback, ())

    if size == 1:
        text = format_cb(cb[0][0])
    elif size == 2:
        text = '{}, {}'.format(format_cb(cb[0][0]), format_cb(cb[1][0]))
    else:
        text = '{}, <{} more>, {}'.format(format_cb(cb[0][0]), size - 2, format_cb(cb[-1][0]))
    return f'cb=[{text}]'


def _future_repr_info(future):
    """The words of repr(future) between the class name and '>'."""
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={reprlib.repr(future._result)}')
    callbacks = future._callbacks
    if callbacks:
        info.append(_format_callbacks(callbacks))
    return info


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        return fut._loop
    return get_loop()


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def _convert_future_exc(exc):
    if type(exc) is concurrent.futures.CancelledError:
        return exceptions.CancelledError(*exc.args)
    return exc


def _copy_state(dest, source):
    """Copy a finished future's outcome into dest (asyncio or concurrent future)."""
    if dest.cancelled():
        return
    if isinstance(dest, concurrent.futures.Future) and not dest.set_running_or_notify_cancel():
        return
    if source.cancelled():
        dest.cancel()
        return
    exc = source.exception()
    if exc is not None:
        dest.set_exception(_convert_future_exc(exc))
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    """Make destination mirror source; cancelling destination cancels source.
    Either side may be a concurrent.futures.Future; loop-bound sides are only touched in their
    loop's thread (through call_soon_threadsafe)."""
    source_loop = _get_loop(source) if isfuture(source) else None
    dest_loop = _get_loop(destination) if isfuture(destination) else None

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _copy_state(destination, source)
        elif not dest_loop.is_closed():
            dest_loop.call_soon_threadsafe(_copy_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """An asyncio Future on loop that mirrors a concurrent.futures.Future."""
    if isfuture(future):
        return future
    if not isinstance(future, concurrent.futures.Future):
        raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')
    if loop is None:
        loop = events._get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future
