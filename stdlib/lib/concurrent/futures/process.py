"""ProcessPoolExecutor: runs calls in worker processes (fork start method).

Built on multiprocessing.pool.Pool's workers: a worker that dies (crash, os._exit, a signal)
breaks the executor, like CPython's: every pending future fails with BrokenProcessPool and
new submissions are refused. Callables and arguments must be picklable."""

import os
import threading

from concurrent.futures import _base
import multiprocessing
from multiprocessing.pool import Pool

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a worker process of a ProcessPoolExecutor terminated abruptly."""


class _ChunkRunner:
    """fn applied to each argument tuple of a chunk (picklable when fn is)."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = []
        for args in it:
            chunk.append(args)
            if len(chunk) == chunksize:
                break
        if not chunk:
            return
        yield chunk
        if len(chunk) < chunksize:
            return


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class ProcessPoolExecutor(_base.Executor):

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
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            raise ValueError("max_tasks_per_child is incompatible with the 'fork' "
                             "multiprocessing start method; supply a different mp_context.")
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._pool = None
        self._lock = threading.Lock()
        self._pending = set()
        self._broken = False
        self._shutdown_thread = False

    def _start_pool(self):
        self._pool = Pool(self._max_workers, self._initializer, self._initargs,
                          context=self._mp_context)
        self._pool._on_worker_lost = self._worker_lost

    def _worker_lost(self):
        # Runs in the pool's manager thread.
        with self._lock:
            if self._broken:
                return
            self._broken = ('A child process terminated abruptly, the process pool is not '
                            'usable anymore')
            pending = list(self._pending)
            self._pending.clear()
        for f in pending:
            if not f.done():
                f.set_exception(BrokenProcessPool(
                    'A process in the process pool was terminated abruptly while the future '
                    'was running or pending.'))
        self._pool.terminate()

    def _settle(self, future, ok, value):
        with self._lock:
            self._pending.discard(future)
        if future.done():
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if self._pool is None:
                self._start_pool()
            f = _base.Future()
            self._pending.add(f)
            pool = self._pool
        pool._apply_async(fn, args, kwargs,
                          callback=lambda value: self._settle(f, True, value),
                          error_callback=lambda exc: self._settle(f, False, exc),
                          on_start=f.set_running_or_notify_cancel)
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(_ChunkRunner(fn), _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown_thread = True
            if cancel_futures:
                for f in list(self._pending):
                    if f.cancel():
                        self._pending.discard(f)
            pool = self._pool
        if pool is not None:
            pool.close()
            if wait:
                pool.join()
