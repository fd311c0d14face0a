"""Pool: a fixed set of worker processes running tasks (apply, map, imap, starmap, ...).

Design. Each worker has its own task pipe and result pipe. One manager thread in the parent
hands a task to a worker only when that worker is idle (so the parent always knows which task
each worker runs, and a write never blocks on a busy worker) and reads results with select().
End of file on a worker's result pipe means the worker exited: its running task, if any, fails
with WorkerLostError instead of hanging, and a replacement worker is started. Functions and
arguments travel as pickles, so they must be picklable (module-level functions, not lambdas).
"""

import collections
import itertools
import os
import select
import sys
import threading
import traceback

import pickle
from multiprocessing import connection, util
from multiprocessing.context import ProcessError, TimeoutError, _default_context

__all__ = ['Pool', 'AsyncResult', 'WorkerLostError']

RUN = 0
CLOSE = 1
TERMINATE = 2

_CALL = 0
_MAP = 1
_STARMAP = 2

job_counter = itertools.count()


class WorkerLostError(ProcessError):
    """A worker process exited (crashed, was killed) while running a task."""


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be safely sent through the socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


class RemoteTraceback(Exception):

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """An exception plus its traceback text: unpickles as the exception, with the worker's
    traceback attached as __cause__."""

    def __init__(self, exc, tb_text):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb_text

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


def _run_task(kind, func, args, kwargs):
    if kind == _CALL:
        return func(*args, **kwargs)
    if kind == _MAP:
        return list(map(func, args))
    return list(itertools.starmap(func, args))


def worker(task_conn, result_conn, inherited, initializer=None, initargs=(), maxtasks=None):
    """The loop of a worker process: receive a task, run it, send back (ok, value)."""
    for item in inherited:
        # Connections are closed through their objects, so that none keeps a stale fd number.
        try:
            item.close() if isinstance(item, connection.Connection) else os.close(item)
        except OSError:
            pass
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            data = task_conn.recv_bytes()
        except (EOFError, OSError):
            break
        if not data:
            break
        job, i, payload = pickle.loads(data)
        try:
            kind, func, args, kwargs = pickle.loads(payload)
            result = (True, _run_task(kind, func, args, kwargs))
        except Exception as e:
            tb_text = ''.join(traceback.format_exception(type(e), e, e.__traceback__))
            result = (False, ExceptionWithTraceback(e, tb_text))
        try:
            out = pickle.dumps((job, i) + result)
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            out = pickle.dumps((job, i, False, ExceptionWithTraceback(wrapped, '')))
        result_conn.send_bytes(out)
        completed += 1


class _WorkerHandle:
    __slots__ = ('process', 'task_conn', 'result_conn', 'task')

    def __init__(self, process, task_conn, result_conn):
        self.process = process
        self.task_conn = task_conn
        self.result_conn = result_conn
        self.task = None


class _Task:
    __slots__ = ('job', 'index', 'data', 'on_start')

    def __init__(self, job, index, data, on_start=None):
        self.job = job
        self.index = index
        self.data = data
        # Called just before the task goes to a worker; returning False drops the task
        # (a cancelled future).
        self.on_start = on_start


class Pool:
    """A pool of worker processes (fork start method)."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._state = RUN
        self._ctx = context or _default_context.get_context()
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        # Shared by the callers and the manager thread, guarded by _lock.
        self._lock = threading.Lock()
        self._pending = collections.deque()
        self._cache = {}
        self._workers = []
        self._on_worker_lost = None
        self._wake_r, self._wake_w = os.pipe()
        with self._lock:
            for _ in range(processes):
                self._start_worker()
        self._manager = threading.Thread(target=self._manage, name='PoolManager', daemon=True)
        self._manager.start()

    def __repr__(self):
        state_name = {RUN: 'RUN', CLOSE: 'CLOSE', TERMINATE: 'TERMINATE'}[self._state]
        return (f'<{self.__class__.__module__}.{self.__class__.__qualname__} '
                f'state={state_name} pool_size={len(self._workers)}>')

    # -- workers (called with _lock held) ------------------------------------------------------

    def _start_worker(self):
        task_r, task_w = connection.Pipe(duplex=False)
        result_r, result_w = connection.Pipe(duplex=False)
        # The new worker must not hold the parent's ends of other workers' pipes: an inherited
        # result pipe would hide the death of the worker it belongs to.
        inherited = [self._wake_r, self._wake_w, task_w, result_r]
        for w in self._workers:
            inherited.append(w.task_conn)
            inherited.append(w.result_conn)
        p = self.Process(self._ctx, target=worker,
                         args=(task_r, result_w, inherited, self._initializer, self._initargs,
                               self._maxtasksperchild))
        p.name = 'ForkPoolWorker-' + ':'.join(str(i) for i in p._identity)
        p.daemon = True
        p.start()
        task_r.close()
        result_w.close()
        self._workers.append(_WorkerHandle(p, task_w, result_r))

    def _dispatch(self):
        for w in self._workers:
            if w.task is not None:
                continue
            while self._pending:
                task = self._pending.popleft()
                if task.on_start is not None and not task.on_start():
                    self._cache.pop(task.job, None)
                    continue
                w.task = task
                try:
                    w.task_conn.send_bytes(task.data)
                except OSError:
                    pass  # the worker died; its result pipe reports it
                break
            if not self._pending:
                return

    # -- the manager thread --------------------------------------------------------------------

    def _wake(self):
        try:
            os.write(self._wake_w, b'x')
        except OSError:
            pass

    def _manage(self):
        while True:
            with self._lock:
                if self._state == RUN or self._state == CLOSE:
                    self._dispatch()
                if self._state == CLOSE and not self._pending and not self._cache:
                    self._stop_workers()
                if self._state == TERMINATE or (self._state == CLOSE and not self._workers):
                    if not self._workers:
                        break
                fds = {w.result_conn.fileno(): w for w in self._workers}
            try:
                ready, _, _ = select.select([self._wake_r] + list(fds), [], [])
            except InterruptedError:
                continue
            for fd in ready:
                if fd == self._wake_r:
                    os.read(self._wake_r, 4096)
                    continue
                w = fds[fd]
                try:
                    data = w.result_conn.recv_bytes()
                except (EOFError, OSError):
                    self._worker_exited(w)
                    continue
                try:
                    job, i, ok, value = pickle.loads(data)
                except Exception as e:
                    job, i = w.task.job, w.task.index
                    ok, value = False, e
                with self._lock:
                    w.task = None
                self._set_result(job, i, ok, value)
        self._close_fds()

    def _stop_workers(self):
        # Closing the task pipes tells idle workers to exit.
        for w in self._workers:
            if w.task is None and not w.task_conn.closed:
                w.task_conn.close()

    def _worker_exited(self, w):
        w.process.join()
        w.result_conn.close()
        w.task_conn.close()
        with self._lock:
            self._workers.remove(w)
            task = w.task
            w.task = None
            lost_hook = self._on_worker_lost
            needed = self._state == RUN or (self._state == CLOSE and (self._pending or self._cache))
            if lost_hook is None and needed:
                self._start_worker()
        exitcode = w.process.exitcode
        if lost_hook is not None:
            if exitcode != 0 or task is not None:
                lost_hook()
        elif task is not None:
            err = WorkerLostError('Worker process %s exited with code %s while running a task'
                                  % (w.process.name, exitcode))
            self._set_result(task.job, task.index, False, err)

    def _set_result(self, job, i, ok, value):
        with self._lock:
            result = self._cache.get(job)
        if result is not None:
            result._set(i, (ok, value))

    def _close_fds(self):
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass

    # -- submitting ----------------------------------------------------------------------------

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, result, tasks):
        """Queues [(index, (kind, func, args, kwargs))] for `result`; a task that cannot be
        pickled fails its result at once."""
        entries = []
        for index, task, on_start in tasks:
            try:
                payload = pickle.dumps(task)
                data = pickle.dumps((result._job, index, payload))
            except Exception as e:
                result._set(index, (False, e))
                continue
            entries.append(_Task(result._job, index, data, on_start))
        with self._lock:
            self._pending.extend(entries)
        self._wake()

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._apply_async(func, args, kwds, callback, error_callback)

    def _apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None,
                     on_start=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit(result, [(0, (_CALL, func, tuple(args), dict(kwds)), on_start)])
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _MAP, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _STARMAP, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _MAP, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _STARMAP, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, kind, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), self._processes * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        items = list(iterable)
        result = MapResult(self, chunksize, len(items), callback, error_callback)
        if items:
            chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
            self._submit(result, [(k, (kind, func, chunk, None), None)
                                  for k, chunk in enumerate(chunks)])
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, cls, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        # The iterable is read up front: infinite iterables are not supported.
        items = list(iterable)
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        result = cls(self, len(chunks))
        self._submit(result, [(k, (_MAP, func, chunk, None), None) for k, chunk in enumerate(chunks)])
        return result

    # -- shutting down -------------------------------------------------------------------------

    def close(self):
        with self._lock:
            if self._state == RUN:
                self._state = CLOSE
        self._wake()

    def terminate(self):
        with self._lock:
            self._state = TERMINATE
            self._pending.clear()
            workers = list(self._workers)
            jobs = list(self._cache.values())
        for w in workers:
            w.process.terminate()
        self._wake()
        for job in jobs:
            job._fail_all(WorkerLostError('the pool was terminated before the task finished'))
        self._join_manager()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        self._join_manager()

    def _join_manager(self):
        if self._manager is not threading.current_thread():
            self._manager.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


def _run_callback(callback, value):
    # Callbacks run in the manager thread: an exception there must not stop the pool.
    if callback is None:
        return
    try:
        callback(value)
    except Exception:
        traceback.print_exc()


class ApplyResult:

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        with pool._lock:
            self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._success:
            _run_callback(self._callback, self._value)
        else:
            _run_callback(self._error_callback, self._value)
        self._event.set()
        self._remove()

    def _fail_all(self, err):
        if not self.ready():
            self._set(0, (False, err))

    def _remove(self):
        with self._pool._lock:
            self._cache.pop(self._job, None)
        self._pool._wake()


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            self._remove()
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                _run_callback(self._callback, self._value)
                self._event.set()
                self._remove()
        else:
            if not success and self._success:
                # The first error decides the outcome.
                self._success = False
                self._value = result
            if self._number_left == 0:
                _run_callback(self._error_callback, self._value)
                self._event.set()
                self._remove()

    def _fail_all(self, err):
        if not self.ready():
            self._success = False
            self._value = err
            self._number_left = 0
            self._event.set()
            self._remove()


class IMapIterator:

    def __init__(self, pool, nchunks):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._unsorted = {}
        self._chunks_left = nchunks
        with pool._lock:
            self._cache[self._job] = self
        if nchunks == 0:
            self._remove()

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while not self._items:
                if self._chunks_left == 0:
                    raise StopIteration from None
                self._cond.wait(timeout)
                if not self._items and self._chunks_left and timeout is not None:
                    raise TimeoutError from None
            success, value = self._items.popleft()
        if success:
            return value
        raise value

    __next__ = next

    def _push_chunk(self, obj):
        success, value = obj
        if success:
            self._items.extend((True, v) for v in value)
        else:
            self._items.append((False, value))

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._push_chunk(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._push_chunk(self._unsorted.pop(self._index))
                    self._index += 1
            else:
                self._unsorted[i] = obj
            self._chunks_left -= 1
            self._cond.notify()
        if self._chunks_left == 0:
            self._remove()

    def _fail_all(self, err):
        with self._cond:
            if self._chunks_left:
                self._items.append((False, err))
                self._chunks_left = 0
                self._cond.notify()
        self._remove()

    def _remove(self):
        with self._pool._lock:
            self._cache.pop(self._job, None)
        self._pool._wake()


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._push_chunk(obj)
            self._chunks_left -= 1
            self._cond.notify()
        if self._chunks_left == 0:
            self._remove()

