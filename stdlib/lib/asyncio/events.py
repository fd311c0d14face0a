"""The event loop interface, callback handles, policies and each thread's running loop."""

import _asyncio
import _thread
import functools
import reprlib
import threading
import types

__all__ = ('AbstractEventLoop', 'AbstractServer', 'Handle', 'TimerHandle',
           'AbstractEventLoopPolicy', 'DefaultEventLoopPolicy',
           'get_event_loop_policy', 'set_event_loop_policy',
           'get_event_loop', 'set_event_loop', 'new_event_loop',
           'get_running_loop', '_get_running_loop', '_set_running_loop')

# Handles are native (stdlib/native/asyncio_handle.cpp) so that the loop core can make and
# run them without Python frames; their reprs call _format_callback below.
Handle = _asyncio.Handle
TimerHandle = _asyncio.TimerHandle


def _call_text(func, args, kwargs=None):
    """'name(arg, ..., key=value)'; a partial shows its own call, then the outer one."""
    if isinstance(func, functools.partial):
        head = _call_text(func.func, func.args, func.keywords)
    else:
        head = (getattr(func, '__qualname__', None) or getattr(func, '__name__', None)
                or repr(func))
    shown = [reprlib.repr(a) for a in args]
    if kwargs:
        shown.extend(f'{key}={reprlib.repr(val)}' for key, val in kwargs.items())
    return f"{head}({', '.join(shown)})"


def _defined_at(func):
    """' at FILE:LINE' of the Python function behind partials and decorators, else ''."""
    seen = set()
    # Bounded: objects like mocks make up a fresh __wrapped__ on every access.
    while id(func) not in seen and len(seen) < 100:
        seen.add(id(func))
        if isinstance(func, functools.partial):
            func = func.func
        elif hasattr(func, '__wrapped__'):
            func = func.__wrapped__
        else:
            break
    if not isinstance(func, types.FunctionType):
        return ''
    code = func.__code__
    return f' at {code.co_filename}:{code.co_firstlineno}'


def _format_callback(callback, args):
    """How reprs and error reports show a scheduled call."""
    return _call_text(callback, args) + _defined_at(callback)


class AbstractServer:
    """What loop.create_server() returns; usable as an async context manager."""

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

    async def __aexit__(self, *exc_info):
        self.close()
        await self.wait_closed()


class AbstractEventLoop:
    """The methods every event loop provides (base_events.BaseEventLoop implements them)."""

    # Running and stopping.

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

    # Scheduling.

    def call_soon(self, callback, *args, context=None):
        raise NotImplementedError

    def call_soon_threadsafe(self, callback, *args, context=None):
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

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError

    def set_default_executor(self, executor):
        raise NotImplementedError

    # File descriptors and signals.

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

    # Errors and debugging.

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


# Thread id -> the loop running in that thread. A plain dict read is the cheapest lookup for
# get_running_loop(), which create_task, sleep, futures and locks call all the time.
_loops_by_thread = {}
_ident = _thread.get_ident


def _get_running_loop():
    """The loop running in this thread, or None."""
    return _loops_by_thread.get(_ident())


def _set_running_loop(loop):
    """Record (or, with None, forget) the loop running in this thread."""
    if loop is not None:
        _loops_by_thread[_ident()] = loop
    else:
        _loops_by_thread.pop(_ident(), None)


def get_running_loop():
    """The loop running in this thread; RuntimeError when there is none."""
    loop = _loops_by_thread.get(_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class AbstractEventLoopPolicy:
    """Decides which loop get_event_loop() returns and how new loops are made."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError


def _check_optional(value, cls, what):
    """TypeError unless value is None or a cls instance."""
    if value is None or isinstance(value, cls):
        return
    raise TypeError(f"{what} must be an instance of {cls.__name__} or None, "
                    f"not '{type(value).__name__}'")


class _ThreadLoop(threading.local):
    # The thread's current loop, and whether set_event_loop() was ever called in it.
    loop = None
    chosen = False


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """A current loop per thread; only the main thread gets one made on first request."""

    def __init__(self):
        self._per_thread = _ThreadLoop()

    def get_event_loop(self):
        slot = self._per_thread
        if slot.loop is None:
            here = threading.current_thread()
            if slot.chosen or here is not threading.main_thread():
                raise RuntimeError(f'There is no current event loop in thread {here.name!r}.')
            self.set_event_loop(self.new_event_loop())
        return slot.loop

    def set_event_loop(self, loop):
        _check_optional(loop, AbstractEventLoop, 'loop')
        self._per_thread.chosen = True
        self._per_thread.loop = loop

    def new_event_loop(self):
        from .selector_events import EventLoop
        return EventLoop()


_policy = None


def get_event_loop_policy():
    """The policy in use, created on first use."""
    global _policy
    if _policy is None:
        _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    """Install policy; None goes back to a fresh default policy on next use."""
    global _policy
    _check_optional(policy, AbstractEventLoopPolicy, 'policy')
    _policy = policy


def get_event_loop():
    """The running loop when called from a coroutine or callback, else the policy's loop."""
    loop = _loops_by_thread.get(_ident())
    if loop is None:
        loop = get_event_loop_policy().get_event_loop()
    return loop


# The native Future and other modules call this name for a loop-less constructor.
_get_event_loop = get_event_loop


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
