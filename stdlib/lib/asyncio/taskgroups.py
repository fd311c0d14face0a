"""asyncio.TaskGroup: structured concurrency for tasks."""

from . import events
from . import exceptions
from . import tasks

__all__ = ('TaskGroup',)


def _stops_the_program(exc):
    # These are re-raised as they are instead of being wrapped in the ExceptionGroup.
    return isinstance(exc, (KeyboardInterrupt, SystemExit))


class TaskGroup:
    """`async with TaskGroup() as tg:` keeps the body waiting until every task started with
    tg.create_task() has finished. The first task to fail cancels the others and the body;
    all failures are then raised together in an ExceptionGroup."""

    def __init__(self):
        self._loop = None
        self._parent = None
        self._children = set()
        self._errors = []
        self._fatal = None  # a KeyboardInterrupt or SystemExit seen in the body or a child
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._cancelled_parent = False  # the group itself cancelled the parent task
        self._all_finished = None  # future __aexit__ sleeps on while children run

    def __repr__(self):
        details = []
        if self._children:
            details.append(f'tasks={len(self._children)}')
        if self._errors:
            details.append(f'errors={len(self._errors)}')
        if self._aborting:
            details.append('cancelling')
        elif self._entered:
            details.append('entered')
        return '<TaskGroup' + ''.join(' ' + d for d in details) + '>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has already been entered')
        self._entered = True
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent = tasks.current_task(self._loop)
        if self._parent is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and _stops_the_program(exc) and self._fatal is None:
            self._fatal = exc
        cancellation = exc if et is exceptions.CancelledError else None
        # A cancellation the group requested itself (when a child failed) is withdrawn here;
        # one that is still counted came from outside and must propagate.
        if self._cancelled_parent and self._parent.uncancel() == 0:
            cancellation = None
        if et is not None and not self._aborting:
            self._abort()
        outside = await self._wait_for_children()
        if outside is not None:
            cancellation = outside

        if self._fatal is not None:
            raise self._fatal
        if cancellation is not None and not self._errors:
            raise cancellation
        if et is not None and et is not exceptions.CancelledError:
            self._errors.append(exc)
        if self._errors:
            # Let go of the errors: their tracebacks lead back to this group.
            errors, self._errors = self._errors, []
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors) from None

    async def _wait_for_children(self):
        """Sleep until no child runs. Returns the CancelledError if the parent was cancelled
        from outside meanwhile (the children are then cancelled too), else None."""
        outside = None
        while self._children:
            self._all_finished = self._loop.create_future()
            try:
                await self._all_finished
            except exceptions.CancelledError as cancel:
                if not self._aborting:
                    outside = cancel
                    self._abort()
            self._all_finished = None
        return outside

    def create_task(self, coro, *, name=None, context=None):
        """Start coro as a task of this group and return the task."""
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._children:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        # Named afterwards, as asyncio.create_task() does, so 'Task-N' numbering matches.
        if name is not None:
            task.set_name(name)
        self._children.add(task)
        task.add_done_callback(self._child_done)
        return task

    def _abort(self):
        self._aborting = True
        for task in self._children:
            if not task.done():
                task.cancel()

    def _child_done(self, task):
        self._children.discard(task)
        waiter = self._all_finished
        # Already resolved if a task added during __aexit__ finished before it woke up.
        if not self._children and waiter is not None and not waiter.done():
            waiter.set_result(True)
        if task.cancelled() or task.exception() is None:
            return
        error = task.exception()
        self._errors.append(error)
        if _stops_the_program(error) and self._fatal is None:
            self._fatal = error
        if self._parent.done():
            # Nobody is left to raise the error to.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent} is already completed',
                'exception': error,
                'task': task,
            })
        elif not self._aborting and not self._cancelled_parent:
            # Stop the siblings and interrupt the body (or __aexit__) of the parent.
            self._abort()
            self._cancelled_parent = True
            self._parent.cancel()
