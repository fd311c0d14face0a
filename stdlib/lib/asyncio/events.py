"""Event loop interface, callback handles and the per-thread current/running loop."""

import _asyncio
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


# Callback handles are native (stdlib/native/asyncio_handle.cpp): the loop core creates and
# runs them without Python frames.
Handle = _asyncio.Handle
TimerHandle = _asyncio.TimerHandle


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
