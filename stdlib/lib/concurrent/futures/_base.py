"""Future, the Executor interface, wait() and as_completed(): what the thread and process
pools share."""

import collections
import sys
import threading
import time
import types

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

# A Future's states. CANCELLED becomes CANCELLED_AND_NOTIFIED when the executor sees the
# cancellation (set_running_or_notify_cancel()); only then do wait() and as_completed()
# count the future as done.
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
_SETTLED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class of the module's own exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The Future is not in a state that allows the operation."""


class BrokenExecutor(RuntimeError):
    """An executor can no longer run calls (a worker failed to start or died)."""


def _report_callback_error(future):
    sys.stderr.write(f'exception calling callback for {future!r}\n')
    sys.__excepthook__(*sys.exc_info())


class Future:
    """The outcome of a call that runs somewhere else, available once it is done."""

    __class_getitem__ = classmethod(types.GenericAlias)

    def __init__(self):
        self._lock = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        # _Collector objects of wait() and as_completed() calls watching this future.
        self._collectors = []

    def __repr__(self):
        head = f'<{type(self).__name__} at {id(self):#x} state='
        state = self._state
        if state == FINISHED:
            if self._exception is not None:
                return f'{head}finished raised {type(self._exception).__name__}>'
            return f'{head}finished returned {type(self._result).__name__}>'
        shown = 'cancelled' if state in _CANCELLED_STATES else state.lower()
        return f'{head}{shown}>'

    def cancel(self):
        """Cancel the call unless it is running or done; True if it is cancelled now."""
        with self._lock:
            if self._state in _CANCELLED_STATES:
                return True
            if self._state != PENDING:
                return False
            self._state = CANCELLED
            self._lock.notify_all()
        self._run_callbacks()
        return True

    def cancelled(self):
        """True if the call was cancelled."""
        return self._state in _CANCELLED_STATES

    def running(self):
        """True while the call runs."""
        return self._state == RUNNING

    def done(self):
        """True once the call finished or was cancelled."""
        return self._state in _DONE_STATES

    def _wait_done(self, timeout):
        """With the lock held: wait until done, raise CancelledError or TimeoutError unless
        the call finished."""
        self._lock.wait_for(self.done, timeout)
        if self._state in _CANCELLED_STATES:
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        """The call's return value, waiting at most timeout seconds for it; re-raises the
        call's exception."""
        with self._lock:
            self._wait_done(timeout)
            if self._exception is not None:
                raise self._exception
            return self._result

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting like result()."""
        with self._lock:
            self._wait_done(timeout)
            return self._exception

    def add_done_callback(self, fn):
        """Call fn(future) once the future is done; at once if it already is."""
        with self._lock:
            if not self.done():
                self._callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _report_callback_error(self)

    def _run_callbacks(self):
        for fn in self._callbacks:
            try:
                fn(self)
            except Exception:
                _report_callback_error(self)

    def _watch(self, collector):
        """Report to collector when settled; True (and no report) if already settled."""
        with self._lock:
            if self._state in _SETTLED_STATES:
                return True
            self._collectors.append(collector)
            return False

    def _unwatch(self, collector):
        with self._lock:
            if collector in self._collectors:
                self._collectors.remove(collector)

    def _settle(self, state):
        """With the lock held: enter a final state and tell whoever waits."""
        self._state = state
        for collector in self._collectors:
            collector.add(self)
        self._lock.notify_all()

    def set_running_or_notify_cancel(self):
        """For executors, before running the call: False if the future was cancelled (the
        call must not run), True after marking it running."""
        with self._lock:
            if self._state == CANCELLED:
                self._settle(CANCELLED_AND_NOTIFIED)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def _complete(self, result, exception):
        with self._lock:
            if self._state in _DONE_STATES:
                raise InvalidStateError(f'{self._state}: {self!r}')
            self._result = result
            self._exception = exception
            self._settle(FINISHED)
        self._run_callbacks()

    def set_result(self, result):
        """For executors: the call returned result."""
        self._complete(result, None)

    def set_exception(self, exception):
        """For executors: the call raised exception."""
        self._complete(None, exception)


class _Collector:
    """Gathers the futures of one wait() or as_completed() call as they settle."""

    def __init__(self, futures):
        self.changed = threading.Condition(threading.Lock())
        self.settled = collections.deque()
        self._futures = futures
        for future in futures:
            if future._watch(self):
                self.settled.append(future)

    def add(self, future):
        with self.changed:
            self.settled.append(future)
            self.changed.notify_all()

    def close(self):
        for future in self._futures:
            future._unwatch(self)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def _failed(future):
    return future._state == FINISHED and future._exception is not None


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait until the futures in fs are done (ALL_COMPLETED), one of them is
    (FIRST_COMPLETED), one raised (FIRST_EXCEPTION), or timeout seconds passed.
    Returns DoneAndNotDoneFutures(done, not_done), two sets."""
    fs = set(fs)
    collector = _Collector(fs)

    def enough():
        settled = collector.settled
        if len(settled) == len(fs):
            return True
        if return_when == FIRST_COMPLETED:
            return bool(settled)
        return return_when == FIRST_EXCEPTION and any(map(_failed, settled))

    try:
        with collector.changed:
            collector.changed.wait_for(enough, timeout)
            done = set(collector.settled)
    finally:
        collector.close()
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Yield the futures of fs as they complete (finished or cancelled), those already done
    first. Raises TimeoutError when timeout seconds after the first next() some are still
    pending."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    collector = _Collector(fs)
    unfinished = set(fs)
    try:
        while unfinished:
            with collector.changed:
                remaining = None if deadline is None else deadline - time.monotonic()
                if not collector.changed.wait_for(lambda: collector.settled, remaining):
                    raise TimeoutError(f'{len(unfinished)} (of {len(fs)}) futures unfinished')
                batch = list(collector.settled)
                collector.settled.clear()
            for future in batch:
                unfinished.discard(future)
                yield future
    finally:
        collector.close()


def _results_in_order(futures, deadline):
    """Yield the futures' results in order; cancel those left when the caller stops early,
    a call failed or the deadline passed."""
    pending = collections.deque(futures)
    try:
        while pending:
            future = pending.popleft()
            remaining = None if deadline is None else deadline - time.monotonic()
            try:
                value = future.result(remaining)
            except BaseException:
                future.cancel()
                raise
            del future
            yield value
    finally:
        for future in pending:
            future.cancel()


class Executor:
    """What thread and process pools provide: submit(), map() and shutdown()."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); returns its Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls running concurrently: all are submitted
        now, the iterator yields their results in order (TimeoutError when one is not
        ready timeout seconds after this call)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results_in_order(futures, deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Release the executor's resources; no submit() may follow."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
