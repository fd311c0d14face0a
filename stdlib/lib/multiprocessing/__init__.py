"""Process-based parallelism with the threading module's API (fork start method).

Process, Pool, Queue, SimpleQueue, Pipe, Lock, RLock, Semaphore, BoundedSemaphore,
Condition, Event, Value, Array and friends. Objects passed to processes and pools travel as
pickles (see pickle: only unpickle data you trust); locks, queues and shared values are
inherited by the processes forked after their creation."""

from multiprocessing import context as _context

# The package's functions are the default context's: multiprocessing.Lock() is
# multiprocessing.get_context().Lock() for whichever start method is in force.
__all__ = []
for _name in dir(_context._default_context):
    if not _name.startswith('_'):
        __all__.append(_name)
        globals()[_name] = getattr(_context._default_context, _name)
del _name

# Logging levels between DEBUG and INFO, and between INFO and WARNING.
SUBDEBUG = 5
SUBWARNING = 25
