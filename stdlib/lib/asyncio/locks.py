"""Synchronisation primitives for tasks: Lock, Event, Condition, Semaphore, BoundedSemaphore
and Barrier. They are not thread-safe; each one binds to the event loop it first sleeps in."""

import collections
import itertools

from . import exceptions
from . import mixins

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier')


def _with_state(obj, *details):
    """object.__repr__ of obj with its state appended in brackets."""
    plain = object.__repr__(obj)
    return f'{plain[:-1]} [{", ".join(details)}]>'


class _Line:
    """Tasks sleeping in arrival order, each on its own future, until another task resolves
    it. A task leaves the line itself when it resumes, so a future still in the line may
    already be resolved or cancelled."""

    def __init__(self, owner):
        self._owner = owner
        self._futures = collections.deque()

    def __len__(self):
        return len(self._futures)

    def details(self):
        """The repr detail about sleeping tasks, if any."""
        return [f'waiters:{len(self._futures)}'] if self._futures else []

    def all_cancelled(self):
        """True if no task in the line still counts (also when the line is empty)."""
        return all(fut.cancelled() for fut in self._futures)

    def pending(self):
        """The futures nobody has resolved or cancelled yet, in arrival order."""
        return (fut for fut in self._futures if not fut.done())

    def wake_head(self):
        """Wake the first task unless its future is already resolved or cancelled."""
        if self._futures and not self._futures[0].done():
            self._futures[0].set_result(True)

    async def sleep(self, on_cancel=None):
        """Sleep at the back of the line until woken. When cancelled, on_cancel(future) runs
        after the future has left the line, then CancelledError propagates."""
        fut = self._owner._get_loop().create_future()
        self._futures.append(fut)
        try:
            try:
                await fut
            finally:
                self._futures.remove(fut)
        except exceptions.CancelledError:
            if on_cancel is not None:
                on_cancel(fut)
            raise


class _AcquiredInAsyncWith:
    """`async with prim:` acquires prim on entry (binding None) and releases it on exit."""

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_AcquiredInAsyncWith, mixins._LoopBoundMixin):
    """A mutual-exclusion lock; tasks waiting for it get it in arrival order."""

    def __init__(self):
        self._held = False
        self._line = _Line(self)

    def __repr__(self):
        return _with_state(self, 'locked' if self._held else 'unlocked', *self._line.details())

    def locked(self):
        """Return True if the lock is held."""
        return self._held

    async def acquire(self):
        """Wait until the lock is free, take it and return True."""
        # A free lock still goes to a task that was woken for it but has not run yet.
        if self._held or not self._line.all_cancelled():
            await self._line.sleep(on_cancel=self._pass_turn_on)
        self._held = True
        return True

    def _pass_turn_on(self, fut):
        # The wake-up may have come just before the cancellation.
        if not self._held:
            self._line.wake_head()

    def release(self):
        """Free the lock and wake the first waiting task."""
        if not self._held:
            raise RuntimeError('Lock is not acquired.')
        self._held = False
        self._line.wake_head()


class Event(mixins._LoopBoundMixin):
    """A flag that tasks can wait on until another task sets it."""

    def __init__(self):
        self._flag = False
        self._line = _Line(self)

    def __repr__(self):
        return _with_state(self, 'set' if self._flag else 'unset', *self._line.details())

    def is_set(self):
        """Return True if the flag is set."""
        return self._flag

    def set(self):
        """Set the flag and wake every waiting task."""
        if not self._flag:
            self._flag = True
            for fut in self._line.pending():
                fut.set_result(True)

    def clear(self):
        """Reset the flag; tasks calling wait() will sleep again."""
        self._flag = False

    async def wait(self):
        """Wait until the flag is set (return at once if it is) and return True."""
        if not self._flag:
            await self._line.sleep()
        return True


class Condition(_AcquiredInAsyncWith, mixins._LoopBoundMixin):
    """Lets tasks holding a lock sleep until another holder notifies them."""

    def __init__(self, lock=None):
        self._lock = Lock() if lock is None else lock
        # The lock's own methods, so they act on the shared lock directly.
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._line = _Line(self)

    def __repr__(self):
        return _with_state(self, 'locked' if self.locked() else 'unlocked',
                           *self._line.details())

    async def wait(self):
        """Release the lock, sleep until notified, then take the lock back and return True.

        The lock is held again when this returns or raises, even if cancelled."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            await self._line.sleep()
            return True
        finally:
            await self._take_lock_back()

    async def _take_lock_back(self):
        cancelled = False
        while True:
            try:
                await self.acquire()
            except exceptions.CancelledError:
                cancelled = True
            else:
                break
        if cancelled:
            raise exceptions.CancelledError

    async def wait_for(self, predicate):
        """Wait until predicate() is true; return its last result."""
        while not (result := predicate()):
            await self.wait()
        return result

    def notify(self, n=1):
        """Wake up to n tasks waiting on this condition (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        for fut in itertools.islice(self._line.pending(), max(n, 0)):
            fut.set_result(False)

    def notify_all(self):
        """Wake every task waiting on this condition (the lock must be held)."""
        self.notify(len(self._line))


class Semaphore(_AcquiredInAsyncWith, mixins._LoopBoundMixin):
    """A counter of free units: acquire() takes one (waiting while there is none), release()
    gives one back. Waiting tasks are served in arrival order."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._value = value
        self._line = _Line(self)

    def __repr__(self):
        state = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        return _with_state(self, state, *self._line.details())

    def locked(self):
        """Return True if acquire() would have to wait."""
        # Queued tasks (other than cancelled ones) come before a newcomer.
        return self._value == 0 or not self._line.all_cancelled()

    async def acquire(self):
        """Take a unit, waiting until one is free; return True."""
        if not self.locked():
            self._value -= 1
            return True
        # release() reserves the unit for the task it wakes.
        await self._line.sleep(on_cancel=self._give_back)
        # Units released while this task was waking up go to the next in line.
        if self._value > 0:
            self._hand_over()
        return True

    def _give_back(self, fut):
        if not fut.cancelled():
            # The unit had been handed over before the cancellation arrived.
            self._value += 1
            self._hand_over()

    def release(self):
        """Give a unit back, waking the first waiting task."""
        self._value += 1
        self._hand_over()

    def _hand_over(self):
        """Reserve a free unit for the first task still waiting, if any."""
        fut = next(self._line.pending(), None)
        if fut is not None:
            self._value -= 1
            fut.set_result(True)


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() raises ValueError beyond the initial value."""

    def __init__(self, value=1):
        self._limit = value
        super().__init__(value)

    def release(self):
        """Give a unit back; ValueError if every unit is already free."""
        if self._value >= self._limit:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


_FILLING, _DRAINING, _RESETTING, _BROKEN = 'filling', 'draining', 'resetting', 'broken'


class Barrier(mixins._LoopBoundMixin):
    """Makes `parties` tasks wait for each other: wait() returns once that many are waiting.

    A cycle fills up, then drains (the released tasks leave) before the next cycle fills.
    reset() and abort() make current waiters raise BrokenBarrierError; after abort() every
    wait() does so until reset()."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._parties = parties
        self._phase = _FILLING
        self._inside = 0  # tasks inside wait(), arrived in the current cycle
        self._cond = Condition()

    def __repr__(self):
        if self._phase == _BROKEN:
            return _with_state(self, _BROKEN)
        return _with_state(self, self._phase, f'waiters:{self.n_waiting}/{self._parties}')

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, exc_type, exc, tb):
        pass

    async def wait(self):
        """Wait until `parties` tasks are waiting; return this task's arrival index
        (0 to parties-1) in its cycle."""
        async with self._cond:
            # Tasks of the previous cycle leave before this one starts filling.
            await self._cond.wait_for(lambda: self._phase not in (_DRAINING, _RESETTING))
            if self._phase == _BROKEN:
                raise exceptions.BrokenBarrierError('Barrier aborted')
            index = self._inside
            self._inside += 1
            try:
                if self._inside == self._parties:
                    self._set_phase(_DRAINING)
                else:
                    await self._cond.wait_for(lambda: self._phase != _FILLING)
                    if self._phase in (_BROKEN, _RESETTING):
                        raise exceptions.BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                self._inside -= 1
                if not self._inside and self._phase in (_DRAINING, _RESETTING):
                    self._set_phase(_FILLING)

    async def reset(self):
        """Return the barrier to an empty filling cycle; current waiters get
        BrokenBarrierError."""
        async with self._cond:
            self._set_phase(_RESETTING if self._inside else _FILLING)

    async def abort(self):
        """Break the barrier: current and future wait() calls raise BrokenBarrierError."""
        async with self._cond:
            self._set_phase(_BROKEN)

    def _set_phase(self, phase):
        # The condition's lock is held by the caller.
        self._phase = phase
        self._cond.notify_all()

    @property
    def parties(self):
        """The number of tasks needed to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of tasks waiting while the barrier fills."""
        return self._inside if self._phase == _FILLING else 0

    @property
    def broken(self):
        """True once abort() has been called (until reset())."""
        return self._phase == _BROKEN
