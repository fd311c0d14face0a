"""asyncio.run() and asyncio.Runner: run coroutines in an event loop owned for the purpose."""

import signal
import sys
import threading

from . import coroutines
from . import events
from . import exceptions
from . import tasks

__all__ = ('Runner', 'run')


def _loop_is_running():
    try:
        events.get_running_loop()
    except RuntimeError:
        return False
    return True


class Runner:
    """Owns one event loop across several run() calls. The loop is made on first use (by
    loop_factory if given, else a new default loop set as the current one) and closed by
    close(), which first cancels leftover tasks and shuts down async generators and the
    default executor. Use it as a context manager to close it automatically."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._closed = False
        self._owns_current_loop = False  # we called set_event_loop() and must undo it
        self._context = None
        self._interrupts = 0

    def __enter__(self):
        self._ensure_loop()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def get_loop(self):
        """The runner's event loop (made now if needed)."""
        return self._ensure_loop()

    def run(self, coro, *, context=None):
        """Run coro as a task in the runner's loop until it completes; return its result.

        Every run shares one contextvars context unless context is given. In the main thread,
        Ctrl-C cancels the task and then raises KeyboardInterrupt; a second Ctrl-C raises
        KeyboardInterrupt at once."""
        if not coroutines.iscoroutine(coro):
            raise ValueError(f'a coroutine was expected, got {coro!r}')
        if _loop_is_running():
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        loop = self._ensure_loop()
        task = loop.create_task(coro, context=self._context if context is None else context)
        self._interrupts = 0
        handler = self._install_sigint_handler(task)
        try:
            return loop.run_until_complete(task)
        except exceptions.CancelledError:
            # A cancellation that was only ours (from Ctrl-C) surfaces as KeyboardInterrupt.
            if self._interrupts and task.uncancel() == 0:
                raise KeyboardInterrupt()
            raise
        finally:
            if handler is not None and signal.getsignal(signal.SIGINT) is handler:
                signal.signal(signal.SIGINT, signal.default_int_handler)

    def close(self):
        """Shut the loop down and close it; the runner cannot be used again. Does nothing if
        the loop was never made or is already closed."""
        if self._loop is None:
            return
        loop = self._loop
        try:
            _cancel_leftover_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._owns_current_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._closed = True

    def _ensure_loop(self):
        if self._closed:
            raise RuntimeError('Runner is closed')
        if self._loop is not None:
            return self._loop
        if self._loop_factory is not None:
            loop = self._loop_factory()
        else:
            loop = events.new_event_loop()
            events.set_event_loop(loop)
            self._owns_current_loop = True
        if self._debug is not None:
            loop.set_debug(self._debug)
        # Only copy a context if contextvars is in use at all (it is not imported at start-up).
        contextvars = sys.modules.get('contextvars')
        self._context = contextvars.copy_context() if contextvars is not None else None
        self._loop = loop
        return loop

    def _install_sigint_handler(self, task):
        """Make Ctrl-C cancel task, unless this is not the main thread or SIGINT already has
        a handler of the program's own. Returns the handler installed, if any."""
        if threading.current_thread() is not threading.main_thread():
            return None
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            return None

        def on_sigint(signum, frame):
            self._interrupts += 1
            if self._interrupts > 1 or task.done():
                raise KeyboardInterrupt()
            task.cancel()
            # Wake the loop up in case it sleeps in select().
            self._loop.call_soon_threadsafe(lambda: None)

        try:
            signal.signal(signal.SIGINT, on_sigint)
        except ValueError:
            return None
        return on_sigint


def run(main, *, debug=None):
    """Run coroutine main in a new event loop and return its result. Leftover tasks are
    cancelled, async generators and the default executor shut down, and the loop closed."""
    if _loop_is_running():
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_leftover_tasks(loop):
    leftovers = tasks.all_tasks(loop)
    if not leftovers:
        return
    for task in leftovers:
        task.cancel()
    loop.run_until_complete(tasks.gather(*leftovers, return_exceptions=True))
    for task in leftovers:
        if not task.cancelled() and task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
