"""asyncio.Future: a result that will be set later, awaitable from coroutines."""

import concurrent.futures

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


class Future:
    """Not thread-safe; callbacks run through the loop's call_soon when the state is set."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _cancel_message = None
    _cancelled_exc = None
    _log_traceback = False
    # Set to True while a Task awaits the future: `yield self` in __await__ tells the task
    # which future to wait on (False otherwise, None in non-future classes).
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        if loop is None:
            loop = events._get_event_loop()
        self._loop = loop
        self._callbacks = []

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, ' '.join(self._repr_info()))

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append('exception=' + repr(self._exception))
            else:
                info.append('result=' + repr(self._result))
        if self._callbacks:
            info.append('cb=[' + ', '.join(events._format_callback(cb, ())
                                           for cb in self._callbacks) + ']')
        return info

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError('Future object is not initialized.')
        return loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future and schedule callbacks; False if it is already done."""
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        call_soon = self._loop.call_soon
        for callback in callbacks:
            call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        state = self._state
        if state == _FINISHED:
            self._log_traceback = False
            if self._exception is not None:
                raise self._exception
            return self._result
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        raise exceptions.InvalidStateError('Result is not ready.')

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """fn(future) runs via call_soon once done (on the next iteration if already done)."""
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        """Remove every registration of fn; return how many there were."""
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError(f'{self._state}: {self!r}')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


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
