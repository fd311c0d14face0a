"""Tasks and the functions that combine awaitables: sleep, wait, wait_for, as_completed,
gather, shield and run_coroutine_threadsafe.

Task itself is native (stdlib/native/asyncio_task.cpp): it steps coroutines, keeps the
loop -> current task map and a weak registry of unfinished tasks."""

import _asyncio
import collections
import concurrent.futures
import functools

from . import coroutines
from . import events
from . import exceptions
from . import futures

__all__ = ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'wait', 'wait_for', 'as_completed', 'sleep', 'gather', 'shield', 'ensure_future',
           'run_coroutine_threadsafe', 'current_task', 'all_tasks')

Task = _asyncio.Task
_current_tasks = _asyncio._current_tasks

FIRST_COMPLETED = concurrent.futures.FIRST_COMPLETED
FIRST_EXCEPTION = concurrent.futures.FIRST_EXCEPTION
ALL_COMPLETED = concurrent.futures.ALL_COMPLETED


def current_task(loop=None):
    """The task whose step is running on loop (default: the running loop), or None."""
    return _current_tasks.get(events.get_running_loop() if loop is None else loop)


def all_tasks(loop=None):
    """The unfinished tasks of loop (default: the running loop)."""
    if loop is None:
        loop = events.get_running_loop()
    return {task for task in _asyncio._unfinished_tasks()
            if task._loop is loop and not task.done()}


def _task_repr_info(task):
    """The words of repr(task) after 'Task' (the native Task.__repr__ calls this)."""
    words = futures._future_repr_info(task)
    if task.cancelling() and not task.done():
        words[0] = 'cancelling'
    extra = [f'name={task.get_name()!r}', f'coro=<{coroutines._format_coroutine(task._coro)}>']
    if task._fut_waiter is not None:
        extra.append(f'wait_for={task._fut_waiter!r}')
    words[1:1] = extra
    return words


def create_task(coro, *, name=None, context=None):
    """Schedule coro as a Task on the running loop and return the Task."""
    loop = events.get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    # Named after creation, so the default 'Task-N' counter moves on either way.
    if name is not None:
        task.set_name(name)
    return task


async def _awaiting(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    """Futures come back unchanged; coroutines and other awaitables become Tasks."""
    if futures.isfuture(coro_or_future):
        if loop is not None and futures._get_loop(coro_or_future) is not loop:
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    if coroutines.iscoroutine(coro_or_future):
        coro = coro_or_future
    elif hasattr(type(coro_or_future), '__await__'):
        coro = _awaiting(coro_or_future)
    else:
        raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = events.get_event_loop()
    try:
        return loop.create_task(coro)
    except RuntimeError:
        # A closed loop: the coroutine will never run, so close it instead of warning.
        coro.close()
        raise


class _OneYield:
    """Awaiting this suspends the task for exactly one loop iteration: the native Task
    reschedules itself when its coroutine yields None."""

    __slots__ = ()

    def __await__(self):
        yield


_one_yield = _OneYield()


async def sleep(delay, result=None):
    """Suspend for delay seconds, then return result; delay <= 0 just lets others run."""
    if delay <= 0:
        await _one_yield
        return result
    loop = events.get_running_loop()
    wakeup = loop.create_future()
    timer = loop.call_later(delay, futures._set_result_unless_cancelled, wakeup, result)
    try:
        return await wakeup
    finally:
        timer.cancel()


def _wake(waiter, *ignored):
    """Complete waiter if nobody did yet (a done callback or timer callback)."""
    if not waiter.done():
        waiter.set_result(None)


async def _settled(fut, loop, timeout=None):
    """Return once fut is done or timeout seconds passed, without consuming fut's outcome.
    Cancelling the caller raises CancelledError here and leaves fut alone."""
    waiter = loop.create_future()
    wake = functools.partial(_wake, waiter)
    fut.add_done_callback(wake)
    timer = None if timeout is None else loop.call_later(timeout, wake)
    try:
        await waiter
    finally:
        fut.remove_done_callback(wake)
        if timer is not None:
            timer.cancel()


async def _cancel_and_wait(fut, loop):
    fut.cancel()
    await _settled(fut, loop)


def _reject_single(fs, kind):
    # wait() and as_completed() take a collection; one future or coroutine is a usage error.
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect {kind} of futures, not {type(fs).__name__}')


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures and tasks of fs; return the sets (done, pending).

    return_when is FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED; after timeout seconds
    it returns whatever is done by then.  Nothing is cancelled."""
    _reject_single(fs, 'a list')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    group = set(fs)
    if any(coroutines.iscoroutine(f) for f in group):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = events.get_running_loop()
    waiter = loop.create_future()
    unfinished = len(group)

    def on_done(f):
        nonlocal unfinished
        unfinished -= 1
        enough = (unfinished == 0 or return_when == FIRST_COMPLETED or
                  (return_when == FIRST_EXCEPTION and not f.cancelled()
                   and f.exception() is not None))
        if enough:
            _wake(waiter)

    timer = None if timeout is None else loop.call_later(timeout, _wake, waiter)
    for f in group:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        if timer is not None:
            timer.cancel()
        for f in group:
            f.remove_done_callback(on_done)
    done = {f for f in group if f.done()}
    return done, group - done


async def wait_for(fut, timeout):
    """Await fut, cancelling it and raising TimeoutError if it takes over timeout seconds.
    timeout None waits forever; if the caller is cancelled, fut is cancelled too."""
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout > 0:
        try:
            await _settled(fut, loop, timeout)
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            await _cancel_and_wait(fut, loop)
            raise
    if fut.done():
        return fut.result()
    await _cancel_and_wait(fut, loop)
    try:
        # A result if fut ignored the cancellation.
        return fut.result()
    except exceptions.CancelledError as exc:
        raise exceptions.TimeoutError() from exc


def as_completed(fs, *, timeout=None):
    """Yield one coroutine per awaitable of fs; each awaits the next outcome in completion
    order.  After timeout seconds, the coroutines not yet satisfied raise TimeoutError."""
    _reject_single(fs, 'an iterable')
    loop = events.get_event_loop()
    pending = {ensure_future(f, loop=loop) for f in set(fs)}
    finished = collections.deque()   # done futures not handed out yet
    sleepers = []                    # futures of the coroutines waiting for one
    expired = False

    def wake_all():
        for sleeper in sleepers:
            _wake(sleeper)
        sleepers.clear()

    def on_done(f):
        if f in pending:
            pending.discard(f)
            finished.append(f)
            if not pending and timer is not None:
                timer.cancel()
            wake_all()

    def on_timeout():
        nonlocal expired
        expired = True
        for f in pending:
            f.remove_done_callback(on_done)
        pending.clear()
        wake_all()

    async def next_outcome():
        while not finished:
            if expired:
                raise exceptions.TimeoutError
            sleeper = loop.create_future()
            sleepers.append(sleeper)
            await sleeper
        return finished.popleft().result()

    count = len(pending)
    for f in pending:
        f.add_done_callback(on_done)
    timer = None
    if pending and timeout is not None:
        timer = loop.call_later(timeout, on_timeout)
    for _ in range(count):
        yield next_outcome()


class _GatheringFuture(futures.Future):
    """The future gather() returns: it collects its children's outcomes, and cancelling it
    cancels the children."""

    def __init__(self, children, distinct, return_exceptions, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._left = distinct        # children (repeats counted once) not done yet
        self._return_exceptions = return_exceptions
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        accepted = [child.cancel(msg=msg) for child in self._children]
        if not any(accepted):
            return False
        self._cancel_requested = True
        return True

    def _child_done(self, child):
        self._left -= 1
        if self.done():
            if not child.cancelled():
                child.exception()   # nobody will look at it: mark it retrieved
            return
        if not self._return_exceptions:
            if child.cancelled():
                self.set_exception(child._make_cancelled_error())
                return
            exc = child.exception()
            if exc is not None:
                self.set_exception(exc)
                return
        if self._left:
            return
        if self._cancel_requested:
            self.set_exception(child._make_cancelled_error())
        else:
            self.set_result([_outcome(c) for c in self._children])


def _outcome(child):
    """A finished child's entry in gather()'s result list."""
    if child.cancelled():
        message = child._cancel_message
        return exceptions.CancelledError('' if message is None else message)
    exc = child.exception()
    return child.result() if exc is None else exc


def gather(*coros_or_futures, return_exceptions=False):
    """A future for the results of all arguments, in argument order.

    Without return_exceptions the first error (or cancellation) of a child becomes the
    result; with it, errors are returned in the list.  Cancelling the returned future
    cancels every child."""
    if not coros_or_futures:
        done = events.get_event_loop().create_future()
        done.set_result([])
        return done
    loop = None
    made = {}   # argument -> its future, so a repeated argument is awaited once
    children = []
    for arg in coros_or_futures:
        child = made.get(arg)
        if child is None:
            child = ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(child)
            if child is not arg:
                # gather() owns the task it made: it is awaited through outer.
                child._log_destroy_pending = False
            made[arg] = child
        children.append(child)
    outer = _GatheringFuture(children, len(made), return_exceptions, loop=loop)
    for child in made.values():
        child.add_done_callback(outer._child_done)
    return outer


def shield(arg):
    """A future that follows arg, except that cancelling it does not cancel arg."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = futures._get_loop(inner).create_future()

    def inner_done(_):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()   # nobody will look at it: mark it retrieved
        else:
            futures._copy_state(outer, inner)

    def outer_done(_):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """From another thread: run coro as a task of loop; return a concurrent.futures.Future
    for its outcome (cancelling that future cancels the task)."""
    if not coroutines.iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    result = concurrent.futures.Future()

    def start():
        try:
            task = ensure_future(coro, loop=loop)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if result.set_running_or_notify_cancel():
                result.set_exception(exc)
            raise
        futures._chain_future(task, result)

    loop.call_soon_threadsafe(start)
    return result
