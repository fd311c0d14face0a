"""Process-based parallelism with the threading module's API (fork start method).

Process, Pool, Queue, SimpleQueue, Pipe, Lock, RLock, Semaphore, BoundedSemaphore,
Condition, Event, Value, Array and friends. Objects passed to processes and pools travel as
pickles (see pickle: only unpickle data you trust); locks, queues and shared values are
inherited by the processes forked after their creation."""

import sys

from multiprocessing import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25
