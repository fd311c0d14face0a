"""ThreadPoolExecutor: runs calls on a pool of worker threads."""

import itertools
import os
import queue
import sys
import threading

from concurrent.futures import _base

# Every running worker thread -> the work queue it reads. Workers are non-daemon threads
# blocked on their queue, so at interpreter exit each queue gets a stop signal (after the
# calls already queued); otherwise the exit would wait for them for ever.
_workers = {}
_workers_lock = threading.Lock()
_exiting = False


def _stop_workers_at_exit():
    global _exiting
    with _workers_lock:
        _exiting = True
        workers = list(_workers.items())
    for _, jobs in workers:
        jobs.put(None)
    for thread, _ in workers:
        thread.join()


threading._register_atexit(_stop_workers_at_exit)


def _run_job(future, fn, args, kwargs):
    if not future.set_running_or_notify_cancel():
        return
    try:
        value = fn(*args, **kwargs)
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(value)


def _worker(executor, jobs, initializer, initargs):
    """A worker thread's body: run queued jobs until the stop signal (None) arrives."""
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException:
                sys.stderr.write('Exception in initializer:\n')
                sys.__excepthook__(*sys.exc_info())
                executor._initializer_failed()
                return
        while True:
            job = jobs.get()
            if job is None:
                # Every worker of the pool must see the signal: pass it on.
                jobs.put(None)
                return
            _run_job(*job)
            del job
            executor._worker_idle()
    finally:
        with _workers_lock:
            _workers.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer failed: the pool cannot run calls."""


_pool_numbers = itertools.count()


class ThreadPoolExecutor(_base.Executor):
    """Runs calls on up to max_workers threads, started as calls are submitted and reused
    when idle. Threads are named THREAD_NAME_PREFIX_N."""

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # Mostly I/O-bound work: a few more threads than cores, but not hundreds.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = thread_name_prefix or f"ThreadPoolExecutor-{next(_pool_numbers)}"
        self._initializer = initializer
        self._initargs = initargs
        self._jobs = queue.SimpleQueue()
        self._threads = []
        self._idle = 0          # workers that finished a job and were not handed another yet
        self._lock = threading.Lock()
        self._closed = False
        self._broken = None     # the reason, once an initializer failed

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs) on a worker thread; returns its Future."""
        with self._lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._closed:
                raise RuntimeError('cannot schedule new futures after shutdown')
            future = _base.Future()
            with _workers_lock:
                if _exiting:
                    raise RuntimeError('cannot schedule new futures after interpreter shutdown')
                self._jobs.put((future, fn, args, kwargs))
                self._find_worker()
            return future

    def _find_worker(self):
        """Hand the job just queued to an idle worker, or start one if the pool may grow."""
        if self._idle:
            self._idle -= 1
        elif len(self._threads) < self._max_workers:
            thread = threading.Thread(
                name=f"{self._thread_name_prefix}_{len(self._threads)}", target=_worker,
                args=(self, self._jobs, self._initializer, self._initargs))
            _workers[thread] = self._jobs
            self._threads.append(thread)
            thread.start()

    def _worker_idle(self):
        with self._lock:
            self._idle += 1

    def _take_queued_jobs(self):
        """Remove and return the jobs nobody started; keeps a stop signal in the queue."""
        taken = []
        stop = False
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is None:
                stop = True
            else:
                taken.append(job)
        if stop:
            self._jobs.put(None)
        return taken

    def _initializer_failed(self):
        with self._lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            for future, *_ in self._take_queued_jobs():
                future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Refuse new calls and stop the workers once the queued calls ran (or, with
        cancel_futures, after cancelling those not started). wait: until they stopped."""
        with self._lock:
            self._closed = True
            if cancel_futures:
                for future, *_ in self._take_queued_jobs():
                    future.cancel()
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()
