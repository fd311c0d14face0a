"""The event loop. Its core (ready queue, timer heap, epoll wait, callback dispatch) is native:
_asyncio.LoopCore (stdlib/native/asyncio_loop_core.cpp); this class adds the rest of the API."""

import _asyncio
import sys
import threading

from . import coroutines
from . import events
from . import futures
from . import tasks

__all__ = ('BaseEventLoop',)


class BaseEventLoop(_asyncio.LoopCore, events.AbstractEventLoop):

    def __init__(self):
        self._thread_id = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._exception_handler = None
        self._asyncgens = set()
        self._asyncgens_shutdown_called = False
        self._signal_handlers = {}

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ---- state ----

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def close(self):
        """Close the loop: drop pending callbacks and shut the default executor down
        without waiting.  The loop must not be running."""
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._close_core()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    # ---- running ----

    def run_forever(self):
        """Run callbacks until stop() is called."""
        self._check_closed()
        self._check_running()
        self._thread_id = threading.get_ident()
        events._set_running_loop(self)
        old_hooks = None
        if hasattr(sys, 'set_asyncgen_hooks'):
            old_hooks = sys.get_asyncgen_hooks()
            sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                                   finalizer=self._asyncgen_finalizer_hook)
        try:
            self._run_until_stopped()
        finally:
            self._thread_id = None
            events._set_running_loop(None)
            if old_hooks is not None:
                sys.set_asyncgen_hooks(*old_hooks)

    def run_until_complete(self, future):
        """Run until future (a coroutine is wrapped in a Task) is done; return its result."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        """Stop after the callbacks of the current iteration have run."""
        self._stopping = True

    def _log_slow_callback(self, handle, duration):
        # Debug mode: the core calls this after a callback ran for slow_callback_duration or more.
        from .log import logger
        logger.warning('Executing %s took %.3f seconds', _format_handle(handle), duration)

    # ---- futures and tasks ----

    def create_task(self, coro, *, name=None, context=None):
        """Schedule a coroutine as a Task on this loop."""
        self._check_closed()
        return tasks.Task(coro, loop=self, name=name, context=context)

    # ---- executor ----

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor')
        self._default_executor = executor

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in executor (default: a ThreadPoolExecutor); return a Future."""
        self._check_closed()
        if coroutines.iscoroutine(func) or coroutines.iscoroutinefunction(func):
            raise TypeError('coroutines cannot be used with run_in_executor()')
        if executor is None:
            executor = self._default_executor
            if executor is None:
                if self._executor_shutdown_called:
                    raise RuntimeError('Executor shutdown has been called')
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    async def shutdown_default_executor(self):
        """Wait, without blocking the loop, for the default executor's threads to finish."""
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        future = self.create_future()

        def shutdown():
            try:
                executor.shutdown(wait=True)
                if not self.is_closed():
                    self.call_soon_threadsafe(futures._set_result_unless_cancelled, future, None)
            except BaseException as ex:
                if not self.is_closed():
                    self.call_soon_threadsafe(future.set_exception, ex)

        thread = threading.Thread(target=shutdown)
        thread.start()
        try:
            await future
        finally:
            thread.join()

    # ---- async generators ----

    def _asyncgen_firstiter_hook(self, agen):
        self._asyncgens.add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        """Close every async generator still suspended in this loop."""
        self._asyncgens_shutdown_called = True
        if not self._asyncgens:
            return
        closing = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous '
                               f'generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    # ---- error handling ----

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Log the context as an error on the 'asyncio' logger, as CPython does (without
        logging configured, the message and the traceback go to stderr)."""
        message = context.get('message') or 'Unhandled exception in event loop'
        exception = context.get('exception')
        if exception is not None:
            exc_info = (type(exception), exception, exception.__traceback__)
        else:
            exc_info = False
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            value = context[key]
            if key in ('source_traceback', 'handle_traceback'):
                import traceback
                what = 'Object' if key == 'source_traceback' else 'Handle'
                value = (f'{what} created at (most recent call last):\n'
                         + ''.join(traceback.format_list(value)).rstrip())
            else:
                value = repr(value)
            lines.append(f'{key}: {value}')
        from .log import logger
        logger.error('\n'.join(lines), exc_info=exc_info)

    def call_exception_handler(self, context):
        """Report an error that has no one to propagate to (failed callback, lost task...)."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                from .log import logger
                logger.error('Exception in default exception handler', exc_info=True)
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    'message': 'Unhandled error in exception handler',
                    'exception': exc,
                    'context': context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                from .log import logger
                logger.error('Exception in default exception handler', exc_info=True)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    futures._get_loop(fut).stop()


def _format_handle(handle):
    cb = handle._callback
    if isinstance(getattr(cb, '__self__', None), tasks.Task):
        # A task's step: show the task.
        return repr(cb.__self__)
    return str(handle)
