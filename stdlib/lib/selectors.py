"""I/O multiplexing at a high level: register file objects (anything with a fileno(), or
a plain descriptor) for reading and/or writing, with an optional data payload, then
select() the ones that are ready. SelectSelector, PollSelector and EpollSelector wrap
select.select, select.poll and select.epoll; DefaultSelector is the best of them here.
"""

from abc import ABCMeta, abstractmethod
from collections import namedtuple
from collections.abc import Mapping
import math
import select

EVENT_READ = 1 << 0
EVENT_WRITE = 1 << 1
_BOTH = EVENT_READ | EVENT_WRITE

SelectorKey = namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])
SelectorKey.__doc__ = """SelectorKey(fileobj, fd, events, data)

What a selector keeps about one registered file object: the object itself, its file
descriptor, the events (EVENT_READ, EVENT_WRITE) it waits for and the attached data."""


def _descriptor(fileobj):
    """The file descriptor of an int or of an object with a fileno() method."""
    try:
        fd = fileobj if isinstance(fileobj, int) else int(fileobj.fileno())
    except (AttributeError, TypeError, ValueError):
        raise ValueError(f'Invalid file object: {fileobj!r}') from None
    if fd < 0:
        raise ValueError(f'Invalid file descriptor: {fd}')
    return fd


class BaseSelector(metaclass=ABCMeta):
    """The selector interface. Subclasses provide register(), unregister(), select() and
    get_map(); modify() and get_key() are built on those."""

    @abstractmethod
    def register(self, fileobj, events, data=None):
        """Watch fileobj for events (EVENT_READ and/or EVENT_WRITE); return its SelectorKey."""
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        """Stop watching fileobj; return the SelectorKey it had."""
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        """Change the events and data of a registered file object; return its new key."""
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    @abstractmethod
    def select(self, timeout=None):
        """Wait until some registered file objects are ready, or timeout seconds pass
        (None waits forever, 0 or less only polls). Return (key, ready events) pairs."""
        raise NotImplementedError

    def close(self):
        """Release the selector's resources."""

    def get_key(self, fileobj):
        """Return the SelectorKey of a registered file object."""
        keys = self.get_map()
        if keys is None:
            raise RuntimeError('Selector is closed')
        try:
            return keys[fileobj]
        except KeyError:
            raise KeyError(f'{fileobj!r} is not registered') from None

    @abstractmethod
    def get_map(self):
        """Return a mapping of registered file objects to their keys (None once closed)."""
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class _KeysView(Mapping):
    """The read-only view get_map() returns: looks up by file object, iterates over fds."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._keys)

    def __iter__(self):
        return iter(self._selector._keys)

    def __getitem__(self, fileobj):
        selector = self._selector
        key = selector._keys.get(selector._fd_for(fileobj))
        if key is None:
            raise KeyError(f'{fileobj!r} is not registered')
        return key


class _Registry(BaseSelector):
    """Bookkeeping shared by the concrete selectors: keys by fd and checked registration.
    Subclasses tell the OS mechanism about changes through _watch(), _unwatch() and
    _change_events(), and implement select()."""

    def __init__(self):
        self._keys = {}
        self._view = _KeysView(self)

    def _fd_for(self, fileobj):
        try:
            return _descriptor(fileobj)
        except ValueError:
            # A closed file no longer has a descriptor; find it by identity instead.
            for key in self._keys.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def _key_for(self, fileobj):
        key = self._keys.get(self._fd_for(fileobj))
        if key is None:
            raise KeyError(f'{fileobj!r} is not registered')
        return key

    def register(self, fileobj, events, data=None):
        if not events or events & ~_BOTH:
            raise ValueError(f'Invalid events: {events!r}')
        fd = self._fd_for(fileobj)
        if fd in self._keys:
            raise KeyError(f'{fileobj!r} (FD {fd}) is already registered')
        key = self._keys[fd] = SelectorKey(fileobj, fd, events, data)
        try:
            self._watch(fd, events)
        except BaseException:
            del self._keys[fd]
            raise
        return key

    def unregister(self, fileobj):
        key = self._keys.pop(self._key_for(fileobj).fd)
        self._unwatch(key.fd)
        return key

    def modify(self, fileobj, events, data=None):
        key = self._key_for(fileobj)
        if events != key.events:
            return self._change_events(fileobj, key, events, data)
        if data != key.data:
            key = self._keys[key.fd] = key._replace(data=data)
        return key

    def _change_events(self, fileobj, key, events, data):
        # Without an in-place update, start over (events checked again, fileobj replaced).
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    def close(self):
        self._keys.clear()
        self._view = None

    def get_map(self):
        return self._view


class SelectSelector(_Registry):
    """A selector on select.select()."""

    def __init__(self):
        super().__init__()
        self._readers = set()
        self._writers = set()

    def _watch(self, fd, events):
        if events & EVENT_READ:
            self._readers.add(fd)
        if events & EVENT_WRITE:
            self._writers.add(fd)

    def _unwatch(self, fd):
        self._readers.discard(fd)
        self._writers.discard(fd)

    def select(self, timeout=None):
        if timeout is not None:
            timeout = max(timeout, 0)
        try:
            readable, writable, _ = select.select(self._readers, self._writers, [], timeout)
        except InterruptedError:
            return []
        readable = set(readable)
        writable = set(writable)
        ready = []
        for fd in readable | writable:
            key = self._keys.get(fd)
            if key is not None:
                events = (EVENT_READ if fd in readable else 0) | (EVENT_WRITE if fd in writable else 0)
                ready.append((key, events & key.events))
        return ready


class _PollerSelector(_Registry):
    """A selector on a poll-like object (register/modify/unregister/poll by fd).
    Subclasses create self._poller, set the readable and writable flags and implement
    _poll()."""

    _IN = _OUT = 0

    def _flags(self, events):
        return (self._IN if events & EVENT_READ else 0) | (self._OUT if events & EVENT_WRITE else 0)

    def _watch(self, fd, events):
        self._poller.register(fd, self._flags(events))

    def _unwatch(self, fd):
        try:
            self._poller.unregister(fd)
        except OSError:
            pass  # the file was closed first: the kernel has forgotten it already

    def _change_events(self, fileobj, key, events, data):
        try:
            self._poller.modify(key.fd, self._flags(events))
        except BaseException:
            del self._keys[key.fd]
            raise
        key = self._keys[key.fd] = key._replace(events=events, data=data)
        return key

    def select(self, timeout=None):
        try:
            reported = self._poll(timeout)
        except InterruptedError:
            return []
        keys = self._keys
        # Error and hang-up conditions count as both readable and writable.
        not_out, not_in = ~self._OUT, ~self._IN
        ready = []
        for fd, flags in reported:
            key = keys.get(fd)
            if key is not None:
                events = (EVENT_READ if flags & not_out else 0) | (EVENT_WRITE if flags & not_in else 0)
                ready.append((key, events & key.events))
        return ready


class PollSelector(_PollerSelector):
    """A selector on select.poll()."""

    _IN = select.POLLIN
    _OUT = select.POLLOUT

    def __init__(self):
        super().__init__()
        self._poller = select.poll()

    def _poll(self, timeout):
        if timeout is not None:
            # poll() counts whole milliseconds; round up so a short timeout still waits.
            timeout = math.ceil(timeout * 1e3) if timeout > 0 else 0
        return self._poller.poll(timeout)


class EpollSelector(_PollerSelector):
    """A selector on select.epoll()."""

    _IN = select.EPOLLIN
    _OUT = select.EPOLLOUT

    def __init__(self):
        super().__init__()
        self._poller = select.epoll()

    def fileno(self):
        return self._poller.fileno()

    def _poll(self, timeout):
        if timeout is None:
            timeout = -1
        elif timeout <= 0:
            timeout = 0
        else:
            # epoll waits in milliseconds: round up so it does not return early.
            timeout = math.ceil(timeout * 1e3) * 1e-3
        return self._poller.poll(timeout, max(len(self._keys), 1))

    def close(self):
        self._poller.close()
        super().close()


DefaultSelector = EpollSelector
