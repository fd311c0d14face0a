"""The event loop: a ready deque, a heap of timers and a selector for I/O readiness.

Each iteration (_run_once) waits in the selector until the earliest timer is due (not at all
when callbacks are ready), moves due timers to the ready list, then runs exactly the callbacks
that were ready when the iteration started; callbacks they schedule run on the next one."""

import heapq
import os
import sys
import threading
import time

from . import coroutines
from . import events
from . import futures
from . import tasks

try:
    import selectors
except ImportError:
    # Until the selectors module exists the loop can still run timers, callbacks and
    # thread-safe wake-ups; I/O registration (add_reader, sockets) needs a selector.
    selectors = None

__all__ = ('BaseEventLoop',)

_heappush = heapq.heappush
_heappop = heapq.heappop
_Handle = events.Handle

# When at least this many cancelled timers sit in the heap, and they are at least this fraction
# of it, rebuild the heap without them (a cancelled wait_for/sleep leaves one behind).
_MIN_CANCELLED_TIMERS = 100
_MIN_CANCELLED_FRACTION = 0.5


class _EventWaiter:
    """Stands in for a selector when none is available: blocks on a threading.Event that
    call_soon_threadsafe sets, so only timers and thread-safe wake-ups are supported."""

    def __init__(self):
        self._event = threading.Event()

    def wait(self, timeout):
        self._event.wait(timeout)
        self._event.clear()

    def wake(self):
        self._event.set()


class BaseEventLoop(events.AbstractEventLoop):

    def __init__(self):
        # Callbacks for the next iteration.  A plain list swapped out by each iteration:
        # cheaper than a deque, and callbacks added while it runs land in the next list.
        self._ready = []
        # Callbacks from other threads, moved to _ready under the lock by the loop thread.
        self._threadsafe = []
        self._threadsafe_lock = threading.Lock()
        self._scheduled = []
        self._timer_cancelled_count = 0
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._exception_handler = None
        self._debug = False
        self._clock_resolution = time.get_clock_info('monotonic').resolution \
            if hasattr(time, 'get_clock_info') else 1e-9
        self._asyncgens = set()
        self._asyncgens_shutdown_called = False
        self._readers = {}
        self._writers = {}
        self._signal_handlers = {}
        if selectors is not None:
            self._selector = selectors.DefaultSelector()
            self._waiter = None
            self._make_self_pipe()
        else:
            self._selector = None
            self._waiter = _EventWaiter()

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ---- self-pipe: lets other threads interrupt a blocking select() ----

    def _make_self_pipe(self):
        self._ssock, self._csock = os.pipe()
        os.set_blocking(self._ssock, False)
        os.set_blocking(self._csock, False)
        self._selector.register(self._ssock, selectors.EVENT_READ, (None, None))

    def _read_from_self(self):
        while True:
            try:
                if not os.read(self._ssock, 4096):
                    break
            except (BlockingIOError, InterruptedError):
                break

    def _write_to_self(self):
        if self._waiter is not None:
            self._waiter.wake()
            return
        try:
            os.write(self._csock, b'\0')
        except OSError:
            # A full pipe already guarantees a wake-up; a closed one means the loop is closed.
            pass

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

    def time(self):
        return time.monotonic()

    def close(self):
        """Close the loop: drop pending callbacks and shut the default executor down
        without waiting.  The loop must not be running."""
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._threadsafe.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        if self._selector is not None:
            self._selector.unregister(self._ssock)
            os.close(self._ssock)
            os.close(self._csock)
            self._selector.close()
            self._selector = None

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
            run_once = self._run_once
            while True:
                run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
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

    def _run_once(self):
        scheduled = self._scheduled
        if self._ready or self._threadsafe or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = scheduled[0][0] - time.monotonic()
            if timeout < 0:
                timeout = 0
        else:
            timeout = None

        selector = self._selector
        if selector is None:
            if timeout != 0:
                self._waiter.wait(timeout)
        elif timeout != 0 or self._readers or self._writers:
            self._process_events(selector.select(timeout))

        if self._threadsafe:
            # Unlocked check: a callback added after it comes with a wake-up, so the next
            # iteration sees it.
            with self._threadsafe_lock:
                self._ready.extend(self._threadsafe)
                self._threadsafe.clear()

        if scheduled:
            end = time.monotonic() + self._clock_resolution
            ready = self._ready
            while scheduled and scheduled[0][0] < end:
                handle = _heappop(scheduled)[2]
                if handle._cancelled:
                    self._timer_cancelled_count -= 1
                    continue
                handle._scheduled = False
                ready.append(handle)

        ready = self._ready
        if ready:
            self._ready = []
            for handle in ready:
                if not handle._cancelled:
                    handle._run()

    def _process_events(self, event_list):
        ready = self._ready
        for key, mask in event_list:
            if key.fd == self._ssock:
                self._read_from_self()
                continue
            reader, writer = key.data
            if mask & selectors.EVENT_READ and reader is not None and not reader._cancelled:
                ready.append(reader)
            if mask & selectors.EVENT_WRITE and writer is not None and not writer._cancelled:
                ready.append(writer)

    # ---- scheduling ----

    def call_soon(self, callback, *args, context=None):
        """Run callback(*args) on the next iteration, after those already scheduled."""
        if self._closed:
            raise RuntimeError('Event loop is closed')
        handle = _Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        """call_soon that may be called from any thread: wakes the loop up."""
        self._check_closed()
        handle = _Handle(callback, args, self)
        with self._threadsafe_lock:
            self._threadsafe.append(handle)
        self._write_to_self()
        return handle

    def call_later(self, delay, callback, *args, context=None):
        """Run callback(*args) delay seconds from now (loop.time() clock)."""
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(time.monotonic() + delay, callback, *args)

    _timer_seq = 0

    def call_at(self, when, callback, *args, context=None):
        """Run callback(*args) when loop.time() reaches when."""
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = events.TimerHandle(when, callback, args, self)
        # The sequence number keeps equal deadlines in scheduling order.
        self._timer_seq += 1
        _heappush(self._scheduled, (when, self._timer_seq, timer))
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if not handle._scheduled:
            return
        self._timer_cancelled_count += 1
        scheduled = self._scheduled
        if (self._timer_cancelled_count > _MIN_CANCELLED_TIMERS and
                self._timer_cancelled_count > len(scheduled) * _MIN_CANCELLED_FRACTION):
            kept = []
            for entry in scheduled:
                if entry[2]._cancelled:
                    entry[2]._scheduled = False
                else:
                    kept.append(entry)
            heapq.heapify(kept)
            self._scheduled = kept
            self._timer_cancelled_count = 0

    # ---- futures and tasks ----

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Schedule a coroutine as a Task on this loop."""
        self._check_closed()
        return tasks.Task(coro, loop=self, name=name)

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
        """Print the context to stderr the way CPython's asyncio logger does."""
        message = context.get('message') or 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        sys.stderr.write('\n'.join(lines) + '\n')
        if exception is not None:
            sys.excepthook(type(exception), exception, exception.__traceback__)
        sys.stderr.flush()

    def call_exception_handler(self, context):
        """Report an error that has no one to propagate to (failed callback, lost task...)."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write('Exception in default exception handler\n')
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
                sys.stderr.write('Exception in default exception handler\n')


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    futures._get_loop(fut).stop()
