"""Process objects, and what a process knows about itself: current_process(), parent_process()
and active_children(). minipy starts every process with fork."""

import itertools
import os
import signal
import sys
import threading
import time

from multiprocessing import util

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']


def current_process():
    """Returns the Process object of the calling process."""
    return _household.me


def parent_process():
    """Returns the Process object of the parent, or None in the main process."""
    return _household.parent


def active_children():
    """Returns the children of this process that are still running (finished ones are
    reaped on the way)."""
    return _household.running_children()


class _Household:
    """One OS process's bookkeeping: its own Process object, its parent, the children it
    started (by pid, in start order) and the counter numbering them. A forked child starts a
    fresh one."""

    def __init__(self, me, parent):
        self.me = me
        self.parent = parent
        self.children = {}
        self.serial = itertools.count(1)

    def running_children(self):
        for pid, proc in list(self.children.items()):
            if proc._child.poll() is not None:
                self.children.pop(pid, None)
        return list(self.children.values())

    def forget(self, proc):
        if proc._child is not None:
            self.children.pop(proc._child.pid, None)


class _ForkedChild:
    """The parent's handle on a forked child: its pid and, once reaped, its exit code.

    One thread at a time reaps (the lock), so that two threads watching the same child never
    see one of them steal the other's exit status. A thread that only polls does not wait for
    one blocked in wait(): it reports the child as running until that thread has reaped it."""

    def __init__(self, pid):
        self.pid = pid
        self.exitcode = None
        self._reaping = threading.Lock()

    def poll(self):
        if self.exitcode is None and self._reaping.acquire(False):
            try:
                self._reap(os.WNOHANG)
            finally:
                self._reaping.release()
        return self.exitcode

    def wait(self, timeout=None):
        if timeout is None:
            with self._reaping:
                self._reap(0)
            return self.exitcode
        deadline = time.monotonic() + timeout
        pause = 0.001
        while self.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(pause, left))
            pause = min(2 * pause, 0.05)
        return self.exitcode

    def _reap(self, options):
        if self.exitcode is not None:
            return
        try:
            pid, status = os.waitpid(self.pid, options)
        except ChildProcessError:
            # Reaped behind our back (os.wait() in user code): the real status is lost.
            self.exitcode = 255
            return
        if pid == self.pid:
            self.exitcode = os.waitstatus_to_exitcode(status)

    def send(self, signum):
        if self.poll() is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass


class BaseProcess:
    """Runs target(*args, **kwargs), or an overridden run(), in a forked child process."""

    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        me = _household.me
        identity = me._identity + (next(_household.serial),)
        if name is None:
            name = type(self).__name__ + '-' + ':'.join(map(str, identity))
        self._setup(name, identity, os.getpid(), me._daemonic if daemon is None else daemon)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)

    def _setup(self, name, identity, creator_pid, daemonic):
        self._name = name
        self._identity = identity
        self._creator_pid = creator_pid
        self._daemonic = daemonic
        self._child = None
        self._closed = False

    def run(self):
        """What the child process runs: by default the target given to the constructor."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Forks the child process, which calls run()."""
        self._ensure_open()
        assert self._child is None, 'cannot start a process twice'
        assert self._creator_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _household.me._daemonic, 'daemonic processes are not allowed to have children'
        _household.running_children()
        parent = _ParentProcess(_household.me.name, os.getpid())
        util._flush_std_streams()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = self._live(parent)
            finally:
                os._exit(code)
        self._child = _ForkedChild(pid)
        # Only the child needs the callable and its arguments: let them go here.
        del self._target, self._args, self._kwargs
        _household.children[pid] = self

    def _live(self, parent):
        """The child's whole life after fork; returns its exit code."""
        global _household
        _household = _Household(self, parent)
        # Exit hooks registered so far flush the parent's queues, not this process's.
        del util._exit_hooks[:]
        try:
            util._run_after_forkers()
            self.run()
            code = 0
        except SystemExit as e:
            code = _exit_code_of(e.code)
        except BaseException:
            sys.stderr.write('Process %s:\n' % self._name)
            import traceback
            traceback.print_exc()
            code = 1
        # Like CPython: queues are flushed first, then non-daemon threads are waited for.
        util._exit_function()
        threading._shutdown()
        util._flush_std_streams()
        return code

    def terminate(self):
        """Sends SIGTERM to the child."""
        self._ensure_open()
        if self._child is not None:
            self._child.send(signal.SIGTERM)

    def kill(self):
        """Sends SIGKILL to the child."""
        self._ensure_open()
        if self._child is not None:
            self._child.send(signal.SIGKILL)

    def join(self, timeout=None):
        """Waits until the child exits, or at most timeout seconds."""
        self._ensure_open()
        assert self._creator_pid == os.getpid(), 'can only join a child process'
        assert self._child is not None, 'can only join a started process'
        if self._child.wait(timeout) is not None:
            _household.forget(self)

    def is_alive(self):
        """Whether the process has started and not yet exited."""
        self._ensure_open()
        if self is _household.me:
            return True
        assert self._creator_pid == os.getpid(), 'can only test a child process'
        if self._child is None:
            return False
        if self._child.poll() is None:
            return True
        _household.forget(self)
        return False

    def close(self):
        """Releases the process object; most of its methods raise ValueError afterwards."""
        if self._child is not None:
            if self._child.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            _household.forget(self)
            self._child = None
        self._closed = True

    def _ensure_open(self):
        if self._closed:
            raise ValueError("process object is closed")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Daemonic processes are terminated when their parent exits and cannot have
        children."""
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._child is None, 'process has already started'
        self._daemonic = daemonic

    @property
    def exitcode(self):
        """None while running; the exit status, or -N after signal N."""
        self._ensure_open()
        if self._child is None:
            return None
        return self._child.poll()

    @property
    def ident(self):
        """The process id, None before start."""
        self._ensure_open()
        if self is _household.me:
            return os.getpid()
        if self._child is None:
            return None
        return self._child.pid

    pid = ident

    def _state(self):
        """The status word of the repr and the exit code to show (or None)."""
        if self is _household.me:
            return 'started', None
        if self._closed:
            return 'closed', None
        if self._creator_pid != os.getpid():
            return 'unknown', None
        if self._child is None:
            return 'initial', None
        code = self._child.poll()
        return ('started' if code is None else 'stopped'), code

    def __repr__(self):
        status, code = self._state()
        words = [type(self).__name__, 'name=%r' % self._name]
        if self._child is not None:
            words.append('pid=%s' % self._child.pid)
        words.append('parent=%s' % self._creator_pid)
        words.append(status)
        if code is not None:
            words.append('exitcode=%s' % _describe_exitcode(code))
        if self._daemonic:
            words.append('daemon')
        return '<%s>' % ' '.join(words)


def _exit_code_of(code):
    """The exit status SystemExit(code) gives a process, as sys.exit() does."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + '\n')
    return 1


class _ParentProcess(BaseProcess):
    """The parent as a child sees it: a name and a pid, alive while it is still our parent."""

    def __init__(self, name, pid):
        self._setup(name, (), None, False)
        self._pid = pid

    def is_alive(self):
        # An orphan is adopted by another process, so a changed parent pid means it exited.
        return os.getppid() == self._pid

    def join(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.01)

    @property
    def ident(self):
        return self._pid

    pid = ident


class _MainProcess(BaseProcess):
    """The process the program started in."""

    def __init__(self):
        self._setup('MainProcess', (), None, False)

    def close(self):
        pass


def _signal_names():
    """Maps signal numbers to the names exit codes show: -SIGTERM rather than -15."""
    aliases = {'SIGIOT', 'SIGIO', 'SIGCLD'}
    return {getattr(signal, name): name for name in dir(signal)
            if name.startswith('SIG') and not name.startswith('SIG_') and name not in aliases}


_SIGNAL_NAMES = _signal_names()


def _describe_exitcode(code):
    if code < 0 and -code in _SIGNAL_NAMES:
        return '-' + _SIGNAL_NAMES[-code]
    return str(code)


_household = _Household(_MainProcess(), None)
