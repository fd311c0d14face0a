"""Queues between processes. Items travel pickled through a pipe; process-shared locks keep
concurrent readers (and writers) from splitting each other's messages."""

import collections
import os
import pickle
import threading
import time
import types
from queue import Empty, Full

from _multiprocessing import SEM_VALUE_MAX

from multiprocessing import connection, synchronize, util
from multiprocessing.context import _refuse_pickling

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']


class _Feeder:
    """A process's writer for one queue: put() hands it pickled items and returns at once,
    and a daemon thread writes them to the pipe (where a write may block until a reader
    makes room). Until cancelled, the process waits at exit for the items to be written."""

    _CLOSE = object()

    def __init__(self, writer, write_lock):
        self._writer = writer
        self._write_lock = write_lock
        self._pending = collections.deque()
        self._wakeup = threading.Condition(threading.Lock())
        self._closing = False
        self._cancelled = False
        self._thread = None

    def push(self, data):
        with self._wakeup:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name='QueueFeederThread',
                                                daemon=True)
                self._thread.start()
                util._register_exit_hook(self.flush)
            self._pending.append(data)
            self._wakeup.notify()

    def close(self):
        """No more items: the thread closes the pipe once everything is written."""
        with self._wakeup:
            if self._closing:
                return
            self._closing = True
            if self._thread is None:
                self._writer.close()
            else:
                self._pending.append(self._CLOSE)
                self._wakeup.notify()

    def join(self):
        if self._thread is not None:
            self._thread.join()
            util._unregister_exit_hook(self.flush)

    def cancel(self):
        self._cancelled = True

    def flush(self):
        """At process exit: let the thread write what is pending, unless cancelled."""
        if not self._cancelled:
            self.close()
            self.join()

    def _run(self):
        while True:
            with self._wakeup:
                while not self._pending:
                    self._wakeup.wait()
                data = self._pending.popleft()
            if data is self._CLOSE:
                self._writer.close()
                return
            try:
                with self._write_lock:
                    self._writer.send_bytes(data)
            except OSError:
                # Every reader is gone: what is left can never be delivered.
                return


class Queue:
    """A FIFO of picklable objects shared by the processes forked after its creation.

    put() pickles the object at once, so pickling errors surface in the caller, and leaves
    the writing to the calling process's feeder thread. maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._read_lock = synchronize.Lock()
        self._write_lock = synchronize.Lock()
        self._free_slots = synchronize.BoundedSemaphore(maxsize)
        self._feeder = None
        self._owner = None
        self._closed = False

    def __reduce__(self):
        _refuse_pickling(type(self).__name__)

    def _local_feeder(self):
        """This process's feeder. A forked child inherits the parent's, whose thread does not
        exist in the child: it gets its own, and its own closed state."""
        if self._owner != os.getpid():
            self._owner = os.getpid()
            self._feeder = _Feeder(self._writer, self._write_lock)
            self._closed = False
        return self._feeder

    def _check_open(self):
        if self._closed and self._owner == os.getpid():
            raise ValueError(f"Queue {self!r} is closed")

    def put(self, obj, block=True, timeout=None):
        """Puts obj on the queue, waiting up to timeout seconds for a free slot if block is
        true; raises queue.Full if there is none."""
        self._check_open()
        data = pickle.dumps(obj)
        if not self._free_slots.acquire(block, timeout):
            raise Full
        self._push(data)

    def _push(self, data):
        self._local_feeder().push(data)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get(self, block=True, timeout=None):
        """Removes and returns an item, waiting up to timeout seconds for one if block is
        true; raises queue.Empty if there is none."""
        self._check_open()
        if block and timeout is None:
            with self._read_lock:
                data = self._reader.recv_bytes()
        else:
            data = self._get_within(timeout if block else 0)
        self._free_slots.release()
        return pickle.loads(data)

    def _get_within(self, timeout):
        deadline = time.monotonic() + timeout
        if not self._read_lock.acquire(True, timeout):
            raise Empty
        try:
            if not self._reader.poll(max(0, deadline - time.monotonic())):
                raise Empty
            return self._reader.recv_bytes()
        finally:
            self._read_lock.release()

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        """The approximate number of items in the queue."""
        return self._maxsize - self._free_slots.get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._free_slots.get_value() == 0

    def close(self):
        """This process puts nothing more; its feeder finishes writing, then closes the
        pipe."""
        feeder = self._local_feeder()
        self._closed = True
        self._reader.close()
        feeder.close()

    def join_thread(self):
        """Waits for the feeder thread, after close()."""
        assert self._closed, "Queue {0!r} not closed".format(self)
        self._local_feeder().join()

    def cancel_join_thread(self):
        """Lets this process exit without waiting for its pending items to be written (they
        may be lost)."""
        self._local_feeder().cancel()


class JoinableQueue(Queue):
    """A Queue whose consumers confirm each item with task_done(), so that join() can wait
    until all are processed."""

    def __init__(self, maxsize=0, *, ctx=None):
        super().__init__(maxsize, ctx=ctx)
        self._unfinished = synchronize.Semaphore(0)
        self._all_done = synchronize.Condition()

    def _push(self, data):
        # Counted before it can be got, so task_done() never finds the count short.
        self._unfinished.release()
        super()._push(data)

    def task_done(self):
        """Marks one item got from the queue as processed."""
        with self._all_done:
            if not self._unfinished.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished.get_value() == 0:
                self._all_done.notify_all()

    def join(self):
        """Waits until every item put has been marked done."""
        with self._all_done:
            self._all_done.wait_for(lambda: self._unfinished.get_value() == 0)


class SimpleQueue:
    """An unbounded queue without a feeder thread: put() writes to the pipe itself, and
    blocks while the pipe is full."""

    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._read_lock = synchronize.Lock()
        self._write_lock = synchronize.Lock()

    def __reduce__(self):
        _refuse_pickling(type(self).__name__)

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._read_lock:
            data = self._reader.recv_bytes()
        return pickle.loads(data)

    def put(self, obj):
        data = pickle.dumps(obj)
        with self._write_lock:
            self._writer.send_bytes(data)

    __class_getitem__ = classmethod(types.GenericAlias)
