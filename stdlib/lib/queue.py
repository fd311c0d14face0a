"""Thread-safe queues: FIFO (Queue), LIFO (LifoQueue), lowest-first (PriorityQueue) and the
unbounded SimpleQueue without task tracking."""

import threading
from collections import deque
from heapq import heappop, heappush
from types import GenericAlias

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    """Raised by a non-blocking or timed get() that found nothing to take."""


class Full(Exception):
    """Raised by a non-blocking or timed put() that found no free slot."""


def _wait_until(condition, ready, block, timeout, failure):
    """With condition's lock held, wait until ready() is true, as put() and get() do:
    block=False does not wait, timeout=None waits for ever; `failure` is raised when ready()
    is still false when the waiting is over."""
    if not block:
        if not ready():
            raise failure
    elif timeout is None:
        condition.wait_for(ready)
    elif timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    elif not condition.wait_for(ready, timeout):
        raise failure


class _NoWait:
    """The non-blocking shorthands, shared by Queue and SimpleQueue."""

    def put_nowait(self, item):
        """put(item, block=False): raises Full at once when there is no room."""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False): raises Empty at once when there is nothing to take."""
        return self.get(block=False)


class Queue(_NoWait):
    """A FIFO queue holding at most maxsize items (no limit when maxsize <= 0).

    Subclasses change the storage and order by overriding _init(maxsize), _qsize(),
    _put(item) and _get(); those run with the queue's mutex held.
    """

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # Three conditions on one mutex: the mutex guards all of the queue's state.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    __class_getitem__ = classmethod(GenericAlias)

    def _has_items(self):
        return self._qsize() > 0

    def _has_room(self):
        return self._qsize() < self.maxsize

    def put(self, item, block=True, timeout=None):
        """Add item, waiting for a free slot when the queue is bounded and full: for ever,
        at most timeout seconds, or (block=False) not at all. Raises Full when no slot
        became free."""
        with self.not_full:
            if self.maxsize > 0:
                _wait_until(self.not_full, self._has_room, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting for one like put() waits for room.
        Raises Empty when none arrived."""
        with self.not_empty:
            _wait_until(self.not_empty, self._has_items, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def task_done(self):
        """Mark one item taken by get() as processed; join() returns when every item put
        was marked. Raises ValueError when called more often than items were put."""
        with self.all_tasks_done:
            if self.unfinished_tasks <= 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks -= 1
            if self.unfinished_tasks == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        """Wait until every item put has been marked with task_done()."""
        with self.all_tasks_done:
            self.all_tasks_done.wait_for(self._all_done)

    def _all_done(self):
        return self.unfinished_tasks == 0

    def qsize(self):
        """How many items the queue holds now (other threads may change it at once)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Whether the queue holds no item right now."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Whether a bounded queue has no free slot right now."""
        with self.mutex:
            return self.maxsize > 0 and not self._has_room()

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class LifoQueue(Queue):
    """A Queue that hands out the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class PriorityQueue(Queue):
    """A Queue that hands out the smallest item first, e.g. (priority, data) tuples."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class SimpleQueue(_NoWait):
    """An unbounded FIFO queue: put() never blocks, and there is no task_done()/join()."""

    def __init__(self):
        self._items = deque()
        self._arrived = threading.Condition(threading.Lock())

    __class_getitem__ = classmethod(GenericAlias)

    def put(self, item, block=True, timeout=None):
        """Add item. block and timeout are accepted for Queue compatibility and ignored."""
        with self._arrived:
            self._items.append(item)
            self._arrived.notify()

    def get(self, block=True, timeout=None):
        """Remove and return the oldest item, waiting as Queue.get() does."""
        with self._arrived:
            _wait_until(self._arrived, self._items.__len__, block, timeout, Empty)
            return self._items.popleft()

    def empty(self):
        """Whether the queue holds no item right now."""
        return not self._items

    def qsize(self):
        """How many items the queue holds now."""
        return len(self._items)
