"""Queues for passing items between tasks: Queue (FIFO), LifoQueue and PriorityQueue.

Not thread-safe. Subclasses choose the storage by overriding _init(maxsize), _put(item) and
_get(), which work on self._queue."""

import collections
import heapq
from types import GenericAlias

from . import locks
from . import mixins

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')


class QueueEmpty(Exception):
    """Raised by get_nowait() when the queue has no item."""


class QueueFull(Exception):
    """Raised by put_nowait() when the queue has no room."""


class _Blocked:
    """Tasks blocked on one side of a queue (getting or putting), in arrival order. Waking a
    task takes it off the list, so the list only counts tasks still asleep."""

    def __init__(self, label):
        self._label = label
        self._futures = collections.deque()

    def describe(self):
        return [f'{self._label}[{len(self._futures)}]'] if self._futures else []

    def wake_first(self):
        while self._futures:
            fut = self._futures.popleft()
            if not fut.done():
                fut.set_result(None)
                return

    async def sleep_until(self, ready, get_loop):
        """Sleep until ready() holds, rechecking after each wake-up. get_loop() gives the loop,
        asked only when the task has to sleep."""
        while not ready():
            fut = get_loop().create_future()
            self._futures.append(fut)
            try:
                await fut
            except BaseException:
                woken = fut.done() and not fut.cancelled()
                fut.cancel()
                if fut in self._futures:
                    self._futures.remove(fut)
                # A wake-up this task can no longer use goes to the next one.
                if woken and ready():
                    self.wake_first()
                raise


class Queue(mixins._LoopBoundMixin):
    """A first-in first-out queue; maxsize <= 0 means no bound."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._blocked_get = _Blocked('_getters')
        self._blocked_put = _Blocked('_putters')
        self._unfinished = 0
        self._all_done = locks.Event()
        self._all_done.set()
        self._init(maxsize)

    __class_getitem__ = classmethod(GenericAlias)

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.popleft()

    def _describe(self):
        parts = [f'maxsize={self._maxsize!r}']
        items = getattr(self, '_queue', None)  # unset if a subclass _init failed
        if items:
            parts.append(f'_queue={list(items)!r}')
        parts += self._blocked_get.describe() + self._blocked_put.describe()
        if self._unfinished:
            parts.append(f'tasks={self._unfinished}')
        return ' '.join(parts)

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._describe()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._describe()}>'

    @property
    def maxsize(self):
        """The bound given to the constructor."""
        return self._maxsize

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    def empty(self):
        """Return True if the queue has no item."""
        return not self._queue

    def full(self):
        """Return True if the queue holds maxsize items (never for an unbounded queue)."""
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Put item into the queue, waiting while it is full."""
        await self._blocked_put.sleep_until(lambda: not self.full(), self._get_loop)
        self.put_nowait(item)

    def put_nowait(self, item):
        """Put item into the queue; QueueFull if there is no room."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished += 1
        self._all_done.clear()
        self._blocked_get.wake_first()

    async def get(self):
        """Remove and return an item, waiting while the queue is empty."""
        await self._blocked_get.sleep_until(lambda: not self.empty(), self._get_loop)
        return self.get_nowait()

    def get_nowait(self):
        """Remove and return an item; QueueEmpty if there is none."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._blocked_put.wake_first()
        return item

    def task_done(self):
        """Record that an item taken from the queue has been dealt with (see join())."""
        if self._unfinished <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished -= 1
        if not self._unfinished:
            self._all_done.set()

    async def join(self):
        """Wait until task_done() has been called for every item ever put."""
        if self._unfinished:
            await self._all_done.wait()


class PriorityQueue(Queue):
    """Hands out the smallest item first (items are kept as a heapq heap)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """Hands out the most recently put item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
