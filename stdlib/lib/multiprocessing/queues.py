"""Queues between processes: a pipe carries pickled objects, shared locks serialise the ends."""

import os
import sys
import threading
import time
import collections
from queue import Empty, Full

import pickle
from multiprocessing import connection, synchronize, util
from _multiprocessing import SEM_VALUE_MAX

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

_sentinel = object()


class Queue:
    """A FIFO of picklable objects shared by the processes forked after its creation.

    put() pickles the object at once (errors surface in the caller) and hands the bytes to a
    feeder thread that writes them to the pipe, so put() does not block on a full pipe. A
    process flushes its feeder before exiting unless cancel_join_thread() was called."""

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()
        self._sem = synchronize.BoundedSemaphore(maxsize)
        self._reset()

    def _reset(self):
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = collections.deque()
        self._thread = None
        self._closed = False
        self._close_requested = False
        self._joincancelled = False
        self._owner_pid = os.getpid()

    def _check_process(self):
        # A forked child inherits this object with the parent's feeder state: start afresh.
        if self._owner_pid != os.getpid():
            self._reset()

    def __reduce__(self):
        raise RuntimeError('Queue objects should only be shared between processes through '
                           'inheritance')

    def put(self, obj, block=True, timeout=None):
        self._check_process()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        data = pickle.dumps(obj)
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(data)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        self._check_process()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._reader.recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._reader.poll(max(timeout, 0)):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                res = self._reader.recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return pickle.loads(res)

    def qsize(self):
        """Approximate number of items: put but not yet got, in all processes."""
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._check_process()
        self._closed = True
        self._reader.close()
        with self._notempty:
            self._close_requested = True
            if self._thread is not None:
                self._buffer.append(_sentinel)
                self._notempty.notify()
            else:
                self._writer.close()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._thread is not None:
            self._thread.join()
            util._unregister_exit_hook(self._finalize)

    def cancel_join_thread(self):
        self._joincancelled = True

    def _start_thread(self):
        self._thread = threading.Thread(target=self._feed, name='QueueFeederThread', daemon=True)
        self._thread.start()
        util._register_exit_hook(self._finalize)

    def _finalize(self):
        # At process exit: let the feeder write what is buffered, then stop it.
        if self._thread is None or self._joincancelled:
            return
        with self._notempty:
            if not self._close_requested:
                self._close_requested = True
                self._buffer.append(_sentinel)
                self._notempty.notify()
        self._thread.join()

    def _feed(self):
        notempty = self._notempty
        buffer = self._buffer
        writer = self._writer
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                item = buffer.popleft()
            if item is _sentinel:
                writer.close()
                return
            try:
                with self._wlock:
                    writer.send_bytes(item)
            except OSError:
                # The reading side is gone: nobody will ever get the rest.
                return


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = synchronize.Semaphore(0)
        self._cond = synchronize.Condition()

    def put(self, obj, block=True, timeout=None):
        self._check_process()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        data = pickle.dumps(obj)
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(data)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue:
    """An unbounded queue without a feeder thread: put() writes to the pipe directly."""

    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()

    def __reduce__(self):
        raise RuntimeError('SimpleQueue objects should only be shared between processes '
                           'through inheritance')

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return pickle.loads(res)

    def put(self, obj):
        data = pickle.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)
