"""asyncio.timeout() and timeout_at(): cancel the current task at a deadline and turn that
cancellation into TimeoutError when leaving the `async with` block."""

from . import events
from . import exceptions
from . import tasks

__all__ = ('Timeout', 'timeout', 'timeout_at')

# A Timeout goes created -> active -> finished, or active -> expiring (the deadline passed and
# the task was cancelled) -> expired (the block was left after that).
_CREATED = 'created'
_ACTIVE = 'active'
_EXPIRING = 'expiring'
_EXPIRED = 'expired'
_FINISHED = 'finished'


class Timeout:
    """Async context manager that cancels the enclosing task when the loop's clock reaches a
    deadline (None: no deadline). Use asyncio.timeout() or asyncio.timeout_at() to make one."""

    def __init__(self, when):
        self._deadline = when
        self._state = _CREATED
        self._task = None
        self._cancels_before = 0  # the task's cancelling() count on entry
        self._timer = None

    def __repr__(self):
        if self._state == _ACTIVE:
            shown = None if self._deadline is None else round(self._deadline, 3)
            return f'<Timeout [{self._state}] when={shown}>'
        return f'<Timeout [{self._state}]>'

    def when(self):
        """The deadline in loop.time() units, or None."""
        return self._deadline

    def expired(self):
        """True once the deadline has passed inside the block."""
        return self._state in (_EXPIRING, _EXPIRED)

    def reschedule(self, when):
        """Move the deadline to when (loop.time() units); None removes it."""
        if self._state == _CREATED:
            raise RuntimeError('Timeout has not been entered')
        if self._state != _ACTIVE:
            raise RuntimeError(f'Cannot change state of {self._state} Timeout')
        self._deadline = when
        self._stop_timer()
        if when is not None:
            loop = events.get_running_loop()
            if when <= loop.time():
                self._timer = loop.call_soon(self._expire)
            else:
                self._timer = loop.call_at(when, self._expire)

    async def __aenter__(self):
        if self._state != _CREATED:
            raise RuntimeError('Timeout has already been entered')
        task = tasks.current_task()
        if task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self._task = task
        self._state = _ACTIVE
        # Cancellations requested before entering are not ours to turn into TimeoutError.
        self._cancels_before = task.cancelling()
        self.reschedule(self._deadline)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self._stop_timer()
        if self._state == _ACTIVE:
            self._state = _FINISHED
        elif self._state == _EXPIRING:
            self._state = _EXPIRED
            # Withdraw our cancellation; only if no other one is pending does the
            # CancelledError become a TimeoutError.
            only_ours = self._task.uncancel() <= self._cancels_before
            if only_ours and exc_type is exceptions.CancelledError:
                raise TimeoutError from exc_val
        return None

    def _stop_timer(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self):
        self._timer = None
        self._state = _EXPIRING
        self._task.cancel()


def timeout(delay):
    """Timeout for an `async with` block, expiring delay seconds from now (None: never)."""
    loop = events.get_running_loop()
    return Timeout(None if delay is None else loop.time() + delay)


def timeout_at(when):
    """Timeout for an `async with` block, expiring when loop.time() reaches when
    (None: never)."""
    return Timeout(when)
