"""ProcessPoolExecutor: runs calls in worker processes (fork start method).

Built on multiprocessing.pool.Pool's workers, started at the first submit(). A worker that
dies (a crash, os._exit, a signal) breaks the executor as in CPython: every pending future
fails with BrokenProcessPool and new submissions are refused. Callables and arguments must
be picklable."""

import itertools
import os
import threading

import multiprocessing
from concurrent.futures import _base
from multiprocessing.pool import Pool

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

_BROKEN_POOL = 'A child process terminated abruptly, the process pool is not usable anymore'
_BROKEN_FUTURE = ('A process in the process pool was terminated abruptly while the future '
                  'was running or pending.')


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process of a ProcessPoolExecutor ended abruptly."""


class _ChunkRunner:
    """Calls fn once per argument tuple of a chunk, in a worker; picklable when fn is."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(*args) for args in chunk]


def _chunks(iterables, size):
    """The argument tuples of map(), in lists of up to size."""
    calls = zip(*iterables)
    while True:
        chunk = list(itertools.islice(calls, size))
        if not chunk:
            return
        yield chunk


def _validate_max_tasks(max_tasks_per_child, mp_context):
    if max_tasks_per_child is None:
        return
    if not isinstance(max_tasks_per_child, int):
        raise TypeError("max_tasks_per_child must be an integer")
    if max_tasks_per_child <= 0:
        raise ValueError("max_tasks_per_child must be >= 1")
    # Recycling workers needs a start method other than fork, which minipy lacks.
    if mp_context.get_start_method(allow_none=False) == 'fork':
        raise ValueError("max_tasks_per_child is incompatible with the 'fork' "
                         "multiprocessing start method; supply a different mp_context.")


class ProcessPoolExecutor(_base.Executor):
    """Runs calls in up to max_workers processes (default: one per CPU)."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            mp_context = multiprocessing.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        _validate_max_tasks(max_tasks_per_child, mp_context)
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._pool = None
        # Guards the fields below; the pool's manager thread settles futures concurrently.
        self._lock = threading.Lock()
        self._unsettled = set()
        self._broken = None
        self._closed = False

    def _ensure_pool(self):
        if self._pool is None:
            self._pool = Pool(self._max_workers, self._initializer, self._initargs,
                              context=self._mp_context)
            self._pool._on_worker_lost = self._on_worker_lost

    def _on_worker_lost(self):
        """Runs in the pool's manager thread when a worker ended abruptly."""
        with self._lock:
            if self._broken:
                return
            self._broken = _BROKEN_POOL
            victims = list(self._unsettled)
            self._unsettled.clear()
        for future in victims:
            if not future.done():
                future.set_exception(BrokenProcessPool(_BROKEN_FUTURE))
        self._pool.terminate()

    def _outcome(self, future, succeeded, value):
        """Pool callback: the call of `future` returned (succeeded) or raised value."""
        with self._lock:
            self._unsettled.discard(future)
        if future.done():
            return
        if succeeded:
            future.set_result(value)
        else:
            future.set_exception(value)

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs) in a worker process; returns its Future."""
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._closed:
                raise RuntimeError('cannot schedule new futures after shutdown')
            self._ensure_pool()
            future = _base.Future()
            self._unsettled.add(future)
            pool = self._pool
        pool._apply_async(fn, args, kwargs,
                          callback=lambda value: self._outcome(future, True, value),
                          error_callback=lambda exc: self._outcome(future, False, exc),
                          on_start=future.set_running_or_notify_cancel)
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Executor.map(), sending the calls to the workers chunksize at a time."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        per_chunk = super().map(_ChunkRunner(fn), _chunks(iterables, chunksize),
                                timeout=timeout)
        return itertools.chain.from_iterable(per_chunk)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Refuse new calls; the workers exit once the submitted calls ran (cancel_futures:
        those not started yet are cancelled). wait: until the workers are gone."""
        with self._lock:
            self._closed = True
            if cancel_futures:
                self._unsettled = {f for f in self._unsettled if not f.cancel()}
            pool = self._pool
        if pool is not None:
            pool.close()
            if wait:
                pool.join()
