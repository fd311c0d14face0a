"""A generally useful event scheduler class.

A scheduler runs actions at given times. Time is measured by timefunc and
waiting is done by delayfunc, so simulated time works as well as real time."""

import heapq
import threading
import time as _time
from collections import namedtuple
from itertools import count

__all__ = ["scheduler"]


# The unique sequence number keeps ordering from ever comparing actions.
Event = namedtuple('Event', 'time, priority, sequence, action, argument, kwargs')
Event.time.__doc__ = ('''Numeric type compatible with the return value of the
timefunc function passed to the constructor.''')
Event.priority.__doc__ = ('''Events scheduled for the same time will be executed
in the order of their priority.''')
Event.sequence.__doc__ = ('''A continually increasing sequence number that
    separates events if time and priority are equal.''')
Event.action.__doc__ = ('''Executing the event means executing
action(*argument, **kwargs)''')
Event.argument.__doc__ = ('''argument is a sequence holding the positional
arguments for the action.''')
Event.kwargs.__doc__ = ('''kwargs is a dictionary holding the keyword
arguments for the action.''')

# Tells "no kwargs given" from an explicit dict, so that each event gets its own.
_sentinel = object()


class scheduler:

    def __init__(self, timefunc=_time.monotonic, delayfunc=_time.sleep):
        """Initialize a new instance, passing the time and delay functions"""
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Enter a new event in the queue at an absolute time.

        Returns an ID for the event which can be used to remove it,
        if necessary."""
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence_generator),
                          action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """A variant that specifies the time as a relative time.

        This is actually the more commonly used interface."""
        return self.enterabs(self.timefunc() + delay, priority, action,
                             argument, kwargs)

    def cancel(self, event):
        """Remove an event from the queue.

        Raises ValueError if the event is not in the queue."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        """Check whether the queue is empty."""
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Execute events until the queue is empty.

        If blocking is False, runs the events due now and returns the time
        until the next one (None if the queue is empty)."""
        while True:
            # The lock is released while waiting and while an action runs, so
            # other threads (and the action itself) may change the queue.
            with self._lock:
                if not self._queue:
                    return None
                event = self._queue[0]
                now = self.timefunc()
                early = event.time > now
                if not early:
                    heapq.heappop(self._queue)
            if early:
                if not blocking:
                    return event.time - now
                self.delayfunc(event.time - now)
            else:
                event.action(*event.argument, **event.kwargs)
                # Gives other threads a chance to run between events.
                self.delayfunc(0)

    @property
    def queue(self):
        """An ordered list of upcoming events."""
        with self._lock:
            events = self._queue[:]
        return [heapq.heappop(events) for _ in range(len(events))]
