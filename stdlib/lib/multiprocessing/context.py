"""Contexts: objects bundling multiprocessing's factories (Process, Queue, Lock, Pool...) with
a start method. multiprocessing's top level is the default context's bound methods. minipy
has one start method, fork."""

import importlib
import os

from multiprocessing import process

__all__ = ()


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def _submodule(name):
    # Imported on first use: a program needs few of them, and pool imports this module.
    return importlib.import_module('multiprocessing.' + name)


def _refuse_pickling(kind):
    """Raised by the __reduce__ of objects that only a forked child can share."""
    raise RuntimeError('%s objects should only be shared between processes through inheritance'
                       % kind)


class BaseContext:
    """The factories and helpers every context offers."""

    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    current_process = staticmethod(process.current_process)
    parent_process = staticmethod(process.parent_process)
    active_children = staticmethod(process.active_children)

    def cpu_count(self):
        """Returns the number of CPUs in the system."""
        count = os.cpu_count()
        if count is None:
            raise NotImplementedError('cannot determine number of cpus')
        return count

    def Pipe(self, duplex=True):
        """Returns two connection objects joined by a pipe."""
        return _submodule('connection').Pipe(duplex)

    def Lock(self):
        """Returns a non-recursive lock object."""
        return _submodule('synchronize').Lock(ctx=self.get_context())

    def RLock(self):
        """Returns a recursive lock object."""
        return _submodule('synchronize').RLock(ctx=self.get_context())

    def Condition(self, lock=None):
        """Returns a condition object."""
        return _submodule('synchronize').Condition(lock, ctx=self.get_context())

    def Semaphore(self, value=1):
        """Returns a semaphore object."""
        return _submodule('synchronize').Semaphore(value, ctx=self.get_context())

    def BoundedSemaphore(self, value=1):
        """Returns a bounded semaphore object."""
        return _submodule('synchronize').BoundedSemaphore(value, ctx=self.get_context())

    def Event(self):
        """Returns an event object."""
        return _submodule('synchronize').Event(ctx=self.get_context())

    def Queue(self, maxsize=0):
        """Returns a queue object."""
        return _submodule('queues').Queue(maxsize, ctx=self.get_context())

    def JoinableQueue(self, maxsize=0):
        """Returns a queue object with task_done() and join()."""
        return _submodule('queues').JoinableQueue(maxsize, ctx=self.get_context())

    def SimpleQueue(self):
        """Returns a simple queue object."""
        return _submodule('queues').SimpleQueue(ctx=self.get_context())

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        """Returns a process pool object."""
        return _submodule('pool').Pool(processes, initializer, initargs, maxtasksperchild,
                                       context=self.get_context())

    def RawValue(self, typecode_or_type, *args):
        """Returns a shared object."""
        return _submodule('sharedctypes').RawValue(typecode_or_type, *args)

    def RawArray(self, typecode_or_type, size_or_initializer):
        """Returns a shared array."""
        return _submodule('sharedctypes').RawArray(typecode_or_type, size_or_initializer)

    def Value(self, typecode_or_type, *args, lock=True):
        """Returns a synchronized shared object."""
        return _submodule('sharedctypes').Value(typecode_or_type, *args, lock=lock,
                                                ctx=self.get_context())

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        """Returns a synchronized shared array."""
        return _submodule('sharedctypes').Array(typecode_or_type, size_or_initializer,
                                                lock=lock, ctx=self.get_context())

    def freeze_support(self):
        """Only matters for frozen Windows executables: does nothing here."""

    def get_logger(self):
        """Returns the logger multiprocessing uses."""
        import logging
        return logging.getLogger('multiprocessing')

    def get_context(self, method=None):
        if method is None:
            return self
        return _context_named(method)

    @property
    def reducer(self):
        """The module that pickles objects sent between processes."""
        import pickle
        return pickle

    def set_executable(self, executable):
        """Only matters for the spawn start method: ignored."""

    def set_forkserver_preload(self, module_names):
        """Only matters for the forkserver start method: ignored."""

    def allow_connection_pickling(self):
        """Connections reach forked children by inheritance: nothing to set up."""


def _context_named(method):
    try:
        return _CONTEXTS[method]
    except KeyError:
        raise ValueError('cannot find context for %r' % (method,)) from None


class ForkProcess(process.BaseProcess):
    _start_method = 'fork'


class ForkContext(BaseContext):
    """The context of the fork start method."""

    _name = 'fork'
    Process = ForkProcess

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError('cannot set start method of concrete context')


class Process(process.BaseProcess):
    """A process started with the default context's method (fork in minipy)."""


class DefaultContext(BaseContext):
    """The context multiprocessing's functions use: fixed by the first set_start_method(),
    or by the first use that needs a start method."""

    Process = Process

    def __init__(self, fallback):
        self._fallback = fallback
        self._chosen = None

    def get_context(self, method=None):
        if method is not None:
            return _context_named(method)
        if self._chosen is None:
            self._chosen = self._fallback
        return self._chosen

    def set_start_method(self, method, force=False):
        if self._chosen is not None and not force:
            raise RuntimeError('context has already been set')
        if method is None and force:
            self._chosen = None
        else:
            self._chosen = self.get_context(method)

    def get_start_method(self, allow_none=False):
        if self._chosen is None and allow_none:
            return None
        return self.get_context()._name

    def get_all_start_methods(self):
        return ['fork']


_CONTEXTS = {'fork': ForkContext()}
_default_context = DefaultContext(_CONTEXTS['fork'])
