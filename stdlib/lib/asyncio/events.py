"""Event loop interface, callback handles and the per-thread current/running loop."""

import _thread
import functools
import threading

__all__ = ('AbstractEventLoop', 'AbstractServer', 'Handle', 'TimerHandle',
           'get_event_loop', 'set_event_loop', 'new_event_loop', 'get_running_loop',
           '_get_running_loop', '_set_running_loop', 'AbstractEventLoopPolicy',
           'get_event_loop_policy', 'set_event_loop_policy')

_get_ident = _thread.get_ident


def _format_callback(cb, args):
    """'name(args) at file:line', as in CPython's handle reprs and error reports."""
    source = cb
    while isinstance(source, functools.partial):
        source = source.func
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None) or repr(cb)
    text = name + '(' + ', '.join(repr(a) for a in args) + ')'
    code = getattr(source, '__code__', None)
    if code is not None:
        text += f' at {code.co_filename}:{code.co_firstlineno}'
    return text


class Handle:
    """A callback scheduled on a loop: call_soon returns one; cancel() drops it."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop')

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def get_context(self):
        return None

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'Exception in callback ' + _format_callback(self._callback, self._args),
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """A Handle with a deadline (loop.time() units); returned by call_later/call_at."""

    __slots__ = ('_when', '_scheduled')

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop)
        self._when = when
        self._scheduled = False

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        info.append('when=' + repr(self._when))
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def __lt__(self, other):
        return self._when < other._when

    def __le__(self, other):
        return self._when <= other._when

    def __gt__(self, other):
        return self._when > other._when

    def __ge__(self, other):
        return self._when >= other._when

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback
                    and self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    __hash__ = Handle.__hash__

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


class AbstractServer:
    """Interface of the object create_server returns."""

    def close(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class AbstractEventLoop:
    """Interface every event loop implements (the concrete one is in base_events)."""

    def run_forever(self):
        raise NotImplementedError

    def run_until_complete(self, future):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def is_running(self):
        raise NotImplementedError

    def is_closed(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    async def shutdown_asyncgens(self):
        raise NotImplementedError

    async def shutdown_default_executor(self):
        raise NotImplementedError

    def call_soon(self, callback, *args, context=None):
        raise NotImplementedError

    def call_later(self, delay, callback, *args, context=None):
        raise NotImplementedError

    def call_at(self, when, callback, *args, context=None):
        raise NotImplementedError

    def time(self):
        raise NotImplementedError

    def create_future(self):
        raise NotImplementedError

    def create_task(self, coro, *, name=None, context=None):
        raise NotImplementedError

    def call_soon_threadsafe(self, callback, *args, context=None):
        raise NotImplementedError

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError

    def set_default_executor(self, executor):
        raise NotImplementedError

    def add_reader(self, fd, callback, *args):
        raise NotImplementedError

    def remove_reader(self, fd):
        raise NotImplementedError

    def add_writer(self, fd, callback, *args):
        raise NotImplementedError

    def remove_writer(self, fd):
        raise NotImplementedError

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError

    def remove_signal_handler(self, sig):
        raise NotImplementedError

    def set_exception_handler(self, handler):
        raise NotImplementedError

    def get_exception_handler(self):
        raise NotImplementedError

    def default_exception_handler(self, context):
        raise NotImplementedError

    def call_exception_handler(self, context):
        raise NotImplementedError

    def get_debug(self):
        raise NotImplementedError

    def set_debug(self, enabled):
        raise NotImplementedError


# The running loop of each thread, keyed by thread id: one dict lookup on the hot path
# (get_running_loop is called by create_task, sleep, futures and every lock).
_running_loops = {}


def _get_running_loop():
    """The running loop of this thread, or None."""
    return _running_loops.get(_get_ident())


def _set_running_loop(loop):
    if loop is None:
        _running_loops.pop(_get_ident(), None)
    else:
        _running_loops[_get_ident()] = loop


def get_running_loop():
    """The running event loop of this thread; RuntimeError when there is none."""
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class AbstractEventLoopPolicy:
    """Interface of an event loop policy."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """One current loop per thread; the main thread gets one created on demand."""

    def __init__(self):
        self._local = threading.local()

    def get_event_loop(self):
        loop = getattr(self._local, 'loop', None)
        if loop is None and not getattr(self._local, 'set_called', False) \
                and threading.current_thread() is threading.main_thread():
            loop = self.new_event_loop()
            self.set_event_loop(loop)
        if loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % threading.current_thread().name)
        return loop

    def set_event_loop(self, loop):
        self._local.set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not "
                            f"'{type(loop).__name__}'")
        self._local.loop = loop

    def new_event_loop(self):
        from . import selector_events
        return selector_events.EventLoop()


_policy = None


def get_event_loop_policy():
    global _policy
    if _policy is None:
        _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    global _policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not "
                        f"'{type(policy).__name__}'")
    _policy = policy


def get_event_loop():
    """The running loop inside a coroutine or callback, else this thread's current loop."""
    loop = _running_loops.get(_get_ident())
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def _get_event_loop():
    return get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
