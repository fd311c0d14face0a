"""Threads and synchronisation primitives, on top of minipy's _thread module.

Every Thread is a real OS thread. Threads take turns running bytecode under the global
interpreter lock, which a thread gives up while it blocks (lock waits, sleeps, I/O).

The interpreter relies on three names here: `_active` ({ident: Thread}, each with a `_name`)
names threads in gil.stats() and in traces, `_shutdown()` runs at exit, and the callable given
to _thread.start_new_thread is a bound method of the Thread (traces read its __self__).
"""

import sys as _sys
import _thread
from time import monotonic as _monotonic

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size', 'excepthook', 'ExceptHookArgs',
           'gettrace', 'getprofile', 'get_native_id']

get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _thread.allocate_lock
RLock = _thread.RLock
local = _thread._local
stack_size = _thread.stack_size


def _deprecated(old, advice):
    import warnings
    warnings.warn(f"{old} is deprecated, {advice}", DeprecationWarning, stacklevel=3)


# minipy keeps the hooks for programs that read them back; it does not call them.
_hooks = {'trace': None, 'profile': None}


def settrace(func):
    """Set the trace function for threads started from now on."""
    _hooks['trace'] = func


def gettrace():
    """The function given to settrace(), or None."""
    return _hooks['trace']


def setprofile(func):
    """Set the profile function for threads started from now on."""
    _hooks['profile'] = func


def getprofile():
    """The function given to setprofile(), or None."""
    return _hooks['profile']


# ---------------------------------------------------------------------------------------------
# Condition variables and the primitives built on them


class Condition:
    """Lets threads sleep until another thread, holding the same lock, notifies them."""

    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        # An RLock knows its owner and can be released and restored at any depth; other
        # locks (a plain Lock, or any object with acquire/release) are handled generically.
        self._rlock_like = all(hasattr(self._lock, name) for name in
                               ('_is_owned', '_release_save', '_acquire_restore'))
        # One private lock per sleeping thread, oldest first; notify() unlocks them.
        self._sleepers = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._sleepers)})>"

    def _owned(self):
        if self._rlock_like:
            return self._lock._is_owned()
        # A plain lock has no owner: it counts as ours when it is held at all.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def _let_go(self):
        """Release the lock completely (an RLock may be held several levels deep)."""
        if self._rlock_like:
            return self._lock._release_save()
        self._lock.release()
        return None

    def _take_back(self, saved):
        if self._rlock_like:
            self._lock._acquire_restore(saved)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        """Release the lock, sleep until notified or until timeout seconds passed, then
        re-acquire the lock. Returns False only when the timeout expired."""
        if not self._owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        bell = _thread.allocate_lock()
        bell.acquire()
        self._sleepers.append(bell)
        saved = self._let_go()
        try:
            if timeout is None:
                woken = bell.acquire()
            else:
                woken = bell.acquire(True, timeout) if timeout > 0 else bell.acquire(False)
        finally:
            self._take_back(saved)
        if not woken:
            if bell in self._sleepers:
                self._sleepers.remove(bell)
            else:
                # notify() picked us between the timeout and getting the lock back.
                woken = True
        return woken

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true; returns its last value (false on timeout)."""
        deadline = None if timeout is None else _monotonic() + timeout
        while True:
            outcome = predicate()
            if outcome:
                return outcome
            if deadline is None:
                self.wait()
                continue
            remaining = deadline - _monotonic()
            if remaining <= 0:
                return outcome
            self.wait(remaining)

    def notify(self, n=1):
        """Wake up to n of the threads waiting on this condition."""
        if not self._owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        while self._sleepers and n > 0:
            self._sleepers.pop(0).release()
            n -= 1

    def notify_all(self):
        """Wake every thread waiting on this condition."""
        self.notify(len(self._sleepers))

    def notifyAll(self):
        _deprecated("notifyAll()", "use notify_all() instead")
        self.notify_all()


def _address_repr(obj, detail):
    cls = type(obj)
    return f"<{cls.__module__}.{cls.__qualname__} at {id(obj):#x}: {detail}>"


class Semaphore:
    """A counter of free slots: acquire() takes one, waiting while there is none."""

    _limit = None   # the most slots release() may reach; None: no limit

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._slots = value
        self._changed = Condition(Lock())

    def __repr__(self):
        return _address_repr(self, f"value={self._slots}")

    def acquire(self, blocking=True, timeout=None):
        """Take a slot. Returns False when none became free (non-blocking or timed out)."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._changed:
            if blocking:
                available = self._changed.wait_for(self._has_slot, timeout)
            else:
                available = self._has_slot()
            if available:
                self._slots -= 1
            return available

    def _has_slot(self):
        return self._slots > 0

    __enter__ = acquire

    def __exit__(self, *exc_info):
        self.release()

    def release(self, n=1):
        """Give back n slots, waking as many waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._changed:
            if self._limit is not None and self._slots + n > self._limit:
                raise ValueError("Semaphore released too many times")
            self._slots += n
            self._changed.notify(n)


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to go above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._limit = value

    def __repr__(self):
        return _address_repr(self, f"value={self._slots}/{self._limit}")


class Event:
    """A flag that threads can wait to see set."""

    def __init__(self):
        self._flag = False
        self._changed = Condition(Lock())

    def __repr__(self):
        return _address_repr(self, "set" if self._flag else "unset")

    def is_set(self):
        """True once set() was called (and clear() not since)."""
        return self._flag

    def isSet(self):
        _deprecated("isSet()", "use is_set() instead")
        return self._flag

    def set(self):
        """Set the flag and wake every waiting thread."""
        with self._changed:
            self._flag = True
            self._changed.notify_all()

    def clear(self):
        """Reset the flag: later wait() calls block again."""
        with self._changed:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is set; returns it (False on timeout)."""
        with self._changed:
            return self._changed.wait_for(self.is_set, timeout)


class BrokenBarrierError(RuntimeError):
    pass


class _Round:
    """One filling of a Barrier: the threads that arrived, and how the round ended."""

    __slots__ = ('arrived', 'passed', 'over')

    def __init__(self):
        self.arrived = 0
        self.passed = False
        self.over = False


class Barrier:
    """Makes `parties` threads wait for each other; then all go on together."""

    def __init__(self, parties, action=None, timeout=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._changed = Condition(Lock())
        self._round = _Round()
        self._broken = False

    def __repr__(self):
        if self._broken:
            return _address_repr(self, "broken")
        return _address_repr(self, f"waiters={self.n_waiting}/{self._parties}")

    def wait(self, timeout=None):
        """Wait for the other parties. Returns this thread's arrival index (0 to parties-1);
        raises BrokenBarrierError when the barrier breaks, is reset or times out."""
        if timeout is None:
            timeout = self._timeout
        with self._changed:
            if self._broken:
                raise BrokenBarrierError
            current = self._round
            index = current.arrived
            current.arrived += 1
            if current.arrived == self._parties:
                self._trip()
                return index
            if not self._changed.wait_for(lambda: current.over, timeout):
                self._break()
            if not current.passed:
                raise BrokenBarrierError
            return index

    def _trip(self):
        """The last party arrived: run the action, then let everyone through."""
        try:
            if self._action is not None:
                self._action()
        except BaseException:
            self._break()
            raise
        self._end_round(passed=True)

    def _end_round(self, passed):
        self._round.passed = passed
        self._round.over = True
        self._round = _Round()
        self._changed.notify_all()

    def _break(self):
        self._broken = True
        self._end_round(passed=False)

    def reset(self):
        """Return to the empty state; threads waiting now get BrokenBarrierError."""
        with self._changed:
            if self._round.arrived:
                self._end_round(passed=False)
            self._broken = False

    def abort(self):
        """Break the barrier: current and future waits raise BrokenBarrierError."""
        with self._changed:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0 if self._broken else self._round.arrived

    @property
    def broken(self):
        return self._broken


# ---------------------------------------------------------------------------------------------
# Threads

# Guards _active, _starting and the name counter.
_registry_lock = _thread.allocate_lock()
_active = {}        # ident -> Thread, for every thread running Python code we know of
_starting = set()   # threads between start() and their first instruction
_serial = 0


def _next_name(template):
    global _serial
    with _registry_lock:
        _serial += 1
        return template % _serial


class _ExceptHookArgs(tuple):
    """The argument of excepthook: (exc_type, exc_value, exc_traceback, thread)."""

    __module__ = '_thread'
    __match_args__ = ('exc_type', 'exc_value', 'exc_traceback', 'thread')

    def __new__(cls, sequence):
        values = tuple(sequence)
        if len(values) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            f"({len(values)}-sequence given)")
        return super().__new__(cls, values)

    def __repr__(self):
        shown = ", ".join(f"{field}={value!r}" for field, value in zip(self.__match_args__, self))
        return f"_thread._ExceptHookArgs({shown})"

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])


ExceptHookArgs = _ExceptHookArgs


def excepthook(args, /):
    """Report an exception a thread's run() let escape: 'Exception in thread NAME:' and the
    traceback on stderr. SystemExit is silent."""
    if args.exc_type is SystemExit:
        return
    stream = _sys.stderr
    if stream is None and args.thread is not None:
        stream = args.thread._stderr
    if stream is None:
        return
    who = args.thread.name if args.thread is not None else get_ident()
    stream.write(f"Exception in thread {who}:\n")
    stream.flush()
    if stream is _sys.stderr:
        _sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)
    else:
        import traceback
        traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback,
                                  file=stream)
    stream.flush()


__excepthook__ = excepthook


class Thread:
    """A thread of control: start() runs run() (by default target(*args, **kwargs)) in a new
    OS thread."""

    # None until __init__ ran, then False until start(), then True.
    _started = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        if name:
            name = str(name)
        else:
            name = _next_name("Thread-%d")
            label = getattr(target, '__name__', None) if target is not None else None
            if label is not None:
                name = f"{name} ({label})"
        self._name = name
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._is_daemon = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._finished = False
        self._done_lock = None
        # Kept for excepthook: sys.stderr may be gone when a thread fails late at exit.
        self._stderr = _sys.stderr
        self._started = False

    def __repr__(self):
        assert self._started is not None, "Thread.__init__() was not called"
        if self._finished:
            status = "stopped"
        elif self._started:
            status = "started"
        else:
            status = "initial"
        if self._is_daemon:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {status})>"

    def start(self):
        """Run the thread; returns once it is running. At most once per Thread."""
        if self._started is None:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._done_lock = _thread.allocate_lock()
        self._done_lock.acquire()
        running = _thread.allocate_lock()
        running.acquire()
        with _registry_lock:
            _starting.add(self)
        try:
            _thread.start_new_thread(self._bootstrap, (running,))
        except BaseException:
            with _registry_lock:
                _starting.discard(self)
            self._started = False
            raise
        running.acquire()

    def _bootstrap(self, running):
        """Body of the new OS thread."""
        self._register()
        with _registry_lock:
            _starting.discard(self)
        running.release()
        try:
            self.run()
        except BaseException:
            self._report_failure()
        finally:
            self._retire()

    def _register(self):
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _registry_lock:
            _active[self._ident] = self

    def _report_failure(self):
        details = _ExceptHookArgs((*_sys.exc_info(), self))
        try:
            excepthook(details)
        except BaseException as hook_error:
            _sys.stderr.write("Exception in threading.excepthook:\n")
            _sys.__excepthook__(type(hook_error), hook_error, hook_error.__traceback__)

    def _retire(self):
        with _registry_lock:
            if _active.get(self._ident) is self:
                del _active[self._ident]
        self._finished = True
        self._done_lock.release()

    def run(self):
        """What the thread does; the default calls target(*args, **kwargs)."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # The thread may outlive its Thread object's users: drop the references.
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        """Wait until the thread ends, or at most timeout seconds (check is_alive() after)."""
        if self._started is None:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._finished:
            return
        if timeout is None:
            ended = self._done_lock.acquire()
        else:
            ended = self._done_lock.acquire(True, max(timeout, 0))
        if ended:
            self._done_lock.release()

    def is_alive(self):
        """True from start() until run() returns."""
        assert self._started is not None, "Thread.__init__() not called"
        return bool(self._started) and not self._finished

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._is_daemon

    @daemon.setter
    def daemon(self, value):
        if self._started is None:
            raise RuntimeError("Thread.__init__() not called")
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._is_daemon = value

    def isDaemon(self):
        _deprecated("isDaemon()", "get the daemon attribute instead")
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated("setDaemon()", "set the daemon attribute instead")
        self.daemon = daemonic

    def getName(self):
        _deprecated("getName()", "get the name attribute instead")
        return self.name

    def setName(self, name):
        _deprecated("setName()", "set the name attribute instead")
        self.name = name


class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after interval seconds, unless
    cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        if not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _AdoptedThread(Thread):
    """A Thread object for a thread that is already running (set up by a subclass)."""

    def __init__(self, name, daemon):
        super().__init__(name=name, daemon=daemon)
        self._started = True
        self._register()


class _MainThread(_AdoptedThread):
    def __init__(self):
        super().__init__("MainThread", False)


class _DummyThread(_AdoptedThread):
    """Stands for a thread started without this module (by _thread directly)."""

    def __init__(self):
        super().__init__(_next_name("Dummy-%d"), True)

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the calling thread."""
    found = _active.get(get_ident())
    return found if found is not None else _DummyThread()


def currentThread():
    _deprecated("currentThread()", "use current_thread() instead")
    return current_thread()


def enumerate():
    """Every Thread alive now (including daemon and dummy threads)."""
    with _registry_lock:
        return [*_active.values(), *_starting]


def active_count():
    """How many threads are alive: len(enumerate())."""
    with _registry_lock:
        return len(_active) + len(_starting)


def activeCount():
    _deprecated("activeCount()", "use active_count() instead")
    return active_count()


def main_thread():
    """The thread the interpreter started in."""
    return _main_thread


# (func, args, kwargs) to call at exit before non-daemon threads are joined.
_exit_calls = []


def _register_atexit(func, *args, **kwargs):
    """Have _shutdown() call func(*args, **kwargs), latest registered first. For pools whose
    idle non-daemon workers must be told to stop, or exit would wait for them for ever."""
    if _main_thread._finished:
        raise RuntimeError("can't register atexit after shutdown")
    _exit_calls.append((func, args, kwargs))


def _shutdown():
    """At interpreter exit: the main thread is over, wait for all non-daemon threads."""
    if _main_thread._finished:
        return
    _main_thread._finished = True
    while _exit_calls:
        func, args, kwargs = _exit_calls.pop()
        func(*args, **kwargs)
    while True:
        waiting = [t for t in enumerate()
                   if not t.daemon and t is not _main_thread and not t._finished]
        if not waiting:
            return
        for thread in waiting:
            thread.join()


def _after_fork():
    """In a forked child only the forking thread still exists: it becomes the main thread,
    the others are over, and the registry lock (maybe held by a vanished thread) is new."""
    global _registry_lock, _main_thread
    _registry_lock = _thread.allocate_lock()
    survivor = _active.get(get_ident())
    for thread in [*_active.values(), *_starting]:
        if thread is not survivor:
            thread._finished = True
    _active.clear()
    _starting.clear()
    if survivor is None:
        survivor = _MainThread()
    else:
        survivor._register()
    survivor._finished = False
    _main_thread = survivor


_main_thread = _MainThread()

from posix import register_at_fork as _register_at_fork
_register_at_fork(after_in_child=_after_fork)
