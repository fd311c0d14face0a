"""Locks, semaphores, conditions and events that work across processes created by fork.

All are built on _multiprocessing.SemLock, a POSIX semaphore in shared memory; a process sees
the ones created before it was forked. The ctx arguments exist for CPython compatibility:
minipy has a single context."""

import errno
import os
import threading

import _multiprocessing
from _multiprocessing import SEM_VALUE_MAX

from multiprocessing import process
from multiprocessing.context import _refuse_pickling

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event']

RECURSIVE_MUTEX = _multiprocessing.RECURSIVE_MUTEX
SEMAPHORE = _multiprocessing.SEMAPHORE


class SemLock:
    """Base of the semaphore-backed primitives: acquire(block=True, timeout=None), release()
    and the context manager protocol."""

    def __init__(self, kind, value, maxvalue, *, ctx=None):
        if isinstance(value, int) and value < 0:
            # What sem_init says about it, as CPython reports it.
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        self._native = _multiprocessing.SemLock(kind, value, maxvalue)
        self.acquire = self._native.acquire
        self.release = self._native.release

    def __enter__(self):
        return self._native.__enter__()

    def __exit__(self, *exc_info):
        return self._native.__exit__(*exc_info)

    def __reduce__(self):
        _refuse_pickling(type(self).__name__)


class Semaphore(SemLock):
    """A counter that acquire() decrements (waiting while it is zero) and release()
    increments."""

    def __init__(self, value=1, *, ctx=None):
        super().__init__(SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._native._get_value()

    def __repr__(self):
        try:
            value = self._native._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (type(self).__name__, value)


class BoundedSemaphore(Semaphore):
    """A semaphore whose release() raises ValueError past its initial value."""

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def __repr__(self):
        try:
            value = self._native._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__, value,
                                                self._native.maxvalue)


def _holder(native):
    """Who holds a lock, as the reprs name it."""
    if native._is_mine():
        name = process.current_process().name
        thread = threading.current_thread().name
        if thread != 'MainThread':
            name += '|' + thread
        return name
    if native._get_value() == 1:
        return 'None'
    # _count() is this process's share of the acquisitions, whichever thread made them.
    return 'SomeOtherThread' if native._count() > 0 else 'SomeOtherProcess'


class Lock(SemLock):
    """A non-recursive lock: any thread or process may release it."""

    def __init__(self, *, ctx=None):
        super().__init__(SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            owner = _holder(self._native)
        except Exception:
            owner = 'unknown'
        return '<%s(owner=%s)>' % (type(self).__name__, owner)


class RLock(SemLock):
    """A recursive lock: the owning thread may acquire it again, and must release it as
    many times."""

    def __init__(self, *, ctx=None):
        super().__init__(RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            owner = _holder(self._native)
            if self._native._is_mine():
                depth = self._native._count()
            elif owner == 'None':
                depth = 0
            else:
                depth = 'nonzero'
        except Exception:
            owner = depth = 'unknown'
        return '<%s(%s, %s)>' % (type(self).__name__, owner, depth)


# Slots of Condition._counts.
_SLEEPING = 0     # waiters no notify has chosen yet
_SIGNALLED = 1    # waiters chosen by the running notify that have not checked out yet


class Condition:
    """A condition variable for processes.

    The counts live in shared memory under a private lock (_meta). notify() moves waiters
    from sleeping to signalled, puts one token per chosen waiter in _gate and then waits
    (still holding the condition's lock) until every token is taken. So no waiter arriving
    later can take a token meant for an earlier one, and tokens never outlive their notify.
    A waiter whose wait gives up leaves as a sleeper if there is one left to be; otherwise a
    notify has already chosen it, and it takes its token."""

    def __init__(self, lock=None, *, ctx=None):
        # sharedctypes imports this module: import it only once both are loaded.
        from multiprocessing.sharedctypes import RawArray
        self._lock = lock or RLock(ctx=ctx)
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._meta = Lock(ctx=ctx)
        self._gate = Semaphore(0, ctx=ctx)
        self._drained = Semaphore(0, ctx=ctx)
        self._counts = RawArray('i', 2)

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

    def __reduce__(self):
        _refuse_pickling('Condition')

    def __repr__(self):
        try:
            waiters = self._counts[_SLEEPING] + self._counts[_SIGNALLED]
        except Exception:
            waiters = 'unknown'
        return '<%s(%s, %s)>' % (type(self).__name__, self._lock, waiters)

    def wait(self, timeout=None):
        """Releases the lock (however deep an RLock is held), waits for a notify or the
        timeout, and takes the lock back. Returns False if the timeout expired."""
        native = self._lock._native
        assert native._is_mine(), 'must acquire() condition before using wait()'
        with self._meta:
            self._counts[_SLEEPING] += 1
        depth = native._count()
        for _ in range(depth):
            self._lock.release()
        took_token = False
        try:
            took_token = self._gate.acquire(True, timeout)
        finally:
            # Also when interrupted: a waiter that leaves must not stay counted.
            notified = self._check_out(took_token)
            for _ in range(depth):
                self._lock.acquire()
        return notified

    def _check_out(self, took_token):
        with self._meta:
            counts = self._counts
            if not took_token:
                if counts[_SLEEPING] > 0:
                    counts[_SLEEPING] -= 1
                    return False
                # Chosen by a notify after giving up: one token in the gate is ours.
                self._gate.acquire(False)
            counts[_SIGNALLED] -= 1
            if counts[_SIGNALLED] == 0:
                self._drained.release()
            return True

    def notify(self, n=1):
        """Wakes up to n of the waiting processes or threads."""
        assert self._lock._native._is_mine(), 'lock is not owned'
        with self._meta:
            chosen = min(n, self._counts[_SLEEPING])
            if chosen <= 0:
                return
            self._counts[_SLEEPING] -= chosen
            self._counts[_SIGNALLED] += chosen
            for _ in range(chosen):
                self._gate.release()
        self._drained.acquire()

    def notify_all(self):
        """Wakes all the waiting processes and threads."""
        self.notify(SEM_VALUE_MAX)

    wait_for = threading.Condition.wait_for


class Event:
    """A flag processes can set, clear and wait for."""

    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock(ctx=ctx), ctx=ctx)
        self._flag = Semaphore(0, ctx=ctx)

    def __reduce__(self):
        # Refused as the condition it is built on, which is what CPython reports.
        _refuse_pickling('Condition')

    def is_set(self):
        return self._flag.get_value() > 0

    def set(self):
        with self._cond:
            if not self.is_set():
                self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        """Waits until the flag is set or the timeout expires; returns the flag."""
        with self._cond:
            if self.is_set():
                return True
            return self._cond.wait(timeout) or self.is_set()

    def __repr__(self):
        state = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {state}>"
