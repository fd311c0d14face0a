"""BaseEventLoop: the Python half of the event loop.

The per-callback machinery (ready queue, timer heap, epoll, call_soon/call_later/time/
create_future) is native, in _asyncio.LoopCore (stdlib/native/asyncio_loop_core.cpp); this
class adds running and stopping, executors, async generator hooks and error reporting."""

import _asyncio
import sys
import threading
import warnings

from . import coroutines
from . import events
from . import futures
from . import tasks

__all__ = ('BaseEventLoop',)


def _log():
    # Imported on first report: logging is a heavy import most programs never need here.
    from .log import logger
    return logger


def _stop_owner(fut):
    """Done callback of run_until_complete(): stop the loop that ran fut."""
    if not fut.cancelled() and isinstance(fut.exception(), (SystemExit, KeyboardInterrupt)):
        # The exception leaves run_forever() by itself.
        return
    futures._get_loop(fut).stop()


class BaseEventLoop(_asyncio.LoopCore, events.AbstractEventLoop):

    def __init__(self):
        self._runner = None         # ident of the thread running the loop, if any
        self._error_handler = None
        self._pool = None           # the default executor, made on first use
        self._pool_retired = False  # shutdown_default_executor() or close() was called
        # Async generators first iterated while this loop ran (a WeakSet made on first use),
        # held weakly so that one dropped unfinished reaches the finalizer hook;
        # shutdown_asyncgens() closes the rest.
        self._live_agens = None
        self._agens_shut_down = False
        self._signal_handlers = {}  # kept by selector_events

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def is_running(self):
        return self._runner is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _ready_to_run(self):
        self._check_closed()
        if self._runner is not None:
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    # Running.

    def run_forever(self):
        """Run callbacks until stop() is called."""
        self._ready_to_run()
        saved_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_started, finalizer=self._asyncgen_finalized)
        self._runner = threading.get_ident()
        events._set_running_loop(self)
        try:
            self._run_until_stopped()
        finally:
            self._runner = None
            events._set_running_loop(None)
            sys.set_asyncgen_hooks(*saved_hooks)

    def run_until_complete(self, future):
        """Run until future is done and return its result; a coroutine or other awaitable
        is wrapped in a Task first."""
        self._ready_to_run()
        wrapped = not futures.isfuture(future)
        fut = tasks.ensure_future(future, loop=self)
        if wrapped:
            # The caller gets an error if it does not finish: no need to warn at destruction.
            fut._log_destroy_pending = False
        fut.add_done_callback(_stop_owner)
        try:
            self.run_forever()
        except BaseException:
            if wrapped and fut.done() and not fut.cancelled():
                # Its exception is what is propagating (or lost to a worse one): retrieved.
                fut.exception()
            raise
        finally:
            fut.remove_done_callback(_stop_owner)
        if not fut.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return fut.result()

    def stop(self):
        """Leave run_forever() once the callbacks already ready have run."""
        self._stopping = True

    def close(self):
        """Discard everything scheduled and release the loop's resources (the default
        executor is shut down without waiting). A no-op on a closed loop."""
        if self._runner is not None:
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._close_core()
        self._pool_retired = True
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False)

    def create_task(self, coro, *, name=None, context=None):
        """Wrap coro in a Task scheduled on this loop."""
        self._check_closed()
        return tasks.Task(coro, loop=self, name=name, context=context)

    def _log_slow_callback(self, handle, seconds):
        # Called by the native core in debug mode.
        callback = handle._callback
        owner = getattr(callback, '__self__', None)
        what = repr(owner) if isinstance(owner, tasks.Task) else str(handle)
        _log().warning('Executing %s took %.3f seconds', what, seconds)

    # Executors.

    def set_default_executor(self, executor):
        from concurrent.futures import ThreadPoolExecutor
        if not isinstance(executor, ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor instance')
        self._pool = executor

    def _executor(self):
        # The default executor, made on first use.
        if self._pool_retired:
            raise RuntimeError('Executor shutdown has been called')
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor
            self._pool = ThreadPoolExecutor(thread_name_prefix='asyncio')
        return self._pool

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in executor (None: the default one); return an asyncio Future."""
        self._check_closed()
        # Only debug mode checks for coroutines (elsewhere they fail in the worker).
        if self._debug and (coroutines.iscoroutine(func) or
                            coroutines.iscoroutinefunction(func)):
            raise TypeError('coroutines cannot be used with run_in_executor()')
        pool = self._executor() if executor is None else executor
        return futures.wrap_future(pool.submit(func, *args), loop=self)

    async def shutdown_default_executor(self):
        """Shut the default executor down, waiting for its threads without blocking the loop."""
        self._pool_retired = True
        pool = self._pool
        if pool is None:
            return
        finished = self.create_future()

        def join_workers():
            try:
                pool.shutdown(wait=True)
            except BaseException as exc:
                outcome = (finished.set_exception, exc)
            else:
                outcome = (futures._set_result_unless_cancelled, finished, None)
            if not self.is_closed():
                self.call_soon_threadsafe(*outcome)

        joiner = threading.Thread(target=join_workers)
        joiner.start()
        try:
            await finished
        finally:
            joiner.join()

    # Async generators: run_forever() installs these two as the thread's asyncgen hooks.

    def _asyncgen_started(self, agen):
        if self._agens_shut_down:
            warnings.warn(f'asynchronous generator {agen!r} was scheduled after '
                          f'loop.shutdown_asyncgens() call', ResourceWarning, source=self)
        if self._live_agens is None:
            # Imported here: weakref costs asyncio's import time, and many loops run no
            # async generator.
            import weakref
            self._live_agens = weakref.WeakSet()
        self._live_agens.add(agen)

    def _asyncgen_finalized(self, agen):
        if self._live_agens is not None:
            self._live_agens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        """aclose() every async generator still suspended in this loop."""
        self._agens_shut_down = True
        if not self._live_agens:
            return
        pending = list(self._live_agens)
        self._live_agens.clear()
        outcomes = await tasks.gather(*(agen.aclose() for agen in pending),
                                      return_exceptions=True)
        for agen, outcome in zip(pending, outcomes):
            if isinstance(outcome, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous '
                               f'generator {agen!r}',
                    'exception': outcome,
                    'asyncgen': agen,
                })

    # Error reporting.

    def get_exception_handler(self):
        return self._error_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._error_handler = handler

    def default_exception_handler(self, context):
        """Log context on the 'asyncio' logger: the message, then one 'key: value' line per
        other entry, with the exception's traceback."""
        lines = [context.get('message') or 'Unhandled exception in event loop']
        for key in sorted(context):
            if key not in ('message', 'exception'):
                lines.append(f'{key}: {_describe_entry(key, context[key])}')
        exc = context.get('exception')
        exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else False
        _log().error('\n'.join(lines), exc_info=exc_info)

    def call_exception_handler(self, context):
        """Pass an error nobody else can receive to the handler (or the default one)."""
        custom = self._error_handler
        try:
            if custom is None:
                self.default_exception_handler(context)
                return
            try:
                custom(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self.default_exception_handler({
                    'message': 'Unhandled error in exception handler',
                    'exception': exc,
                    'context': context,
                })
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            # Reporting itself failed: fall back to the logger.
            what = 'Exception in default exception handler'
            if custom is not None:
                what += ' while handling an unexpected error in custom exception handler'
            _log().error(what, exc_info=True)


def _describe_entry(key, value):
    """A context entry as default_exception_handler shows it."""
    if key == 'source_traceback' or key == 'handle_traceback':
        import traceback
        whose = 'Object' if key == 'source_traceback' else 'Handle'
        frames = ''.join(traceback.format_list(value)).rstrip()
        return f'{whose} created at (most recent call last):\n{frames}'
    return repr(value)
