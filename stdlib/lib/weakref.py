"""Weak references and weak containers (minipy's own implementation over _weakref).

Callbacks run at a safe point after the collector found the referent unreachable (see
docs/memory.md), so an entry may vanish between two statements; the containers iterate over
snapshots so that this never changes their size under an iteration.
"""

from _weakref import (ref, proxy, getweakrefcount, getweakrefs, ReferenceType, ProxyType,
                      CallableProxyType, _remove_dead_weakref)
from collections.abc import (Mapping as _Mapping, MutableMapping as _MutableMapping,
                             MutableSet as _MutableSet)
from types import GenericAlias as _GenericAlias

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]

ProxyTypes = (ProxyType, CallableProxyType)


def _owner_hook(owner, action):
    """A weakref callback that calls action(owner, dead_ref) while owner is still alive. It
    holds owner weakly, so a container never keeps itself alive through its own entries."""
    owner_ref = ref(owner)

    def hook(dead):
        target = owner_ref()
        if target is not None:
            action(target, dead)
    return hook


class WeakMethod(ref):
    """A weak reference to a bound method: it dies when either the object or the function
    goes, and calling it rebuilds the bound method."""

    def __new__(cls, meth, callback=None):
        try:
            target, function = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError(f"argument should be a bound method, not {type(meth)}") from None
        state = {"dead": False}

        def on_death(_, state=state):
            # The object and the function may both go: the user hears about it once.
            if not state["dead"]:
                state["dead"] = True
                me = state["self"]()
                if callback is not None and me is not None:
                    callback(me)

        self = ref.__new__(cls, target, on_death)
        state["self"] = ref(self)
        self._state = state
        self._function = ref(function, on_death)
        self._method_type = type(meth)
        return self

    def __init__(self, meth, callback=None):
        # ref.__init__ would be handed the method; everything is set up in __new__.
        pass

    def __call__(self):
        target = ref.__call__(self)
        function = self._function()
        if target is None or function is None:
            return None
        return self._method_type(function, target)

    def _dead_pair(self, other):
        return self._state["dead"] or other._state["dead"]

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._dead_pair(other):
            return self is other
        return ref.__eq__(self, other) and self._function == other._function

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._dead_pair(other):
            return self is not other
        return ref.__ne__(self, other) or self._function != other._function

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference carrying the key it is filed under (WeakValueDictionary's entries)."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class _WeakMapping(_MutableMapping):
    """The part both weak dictionaries share. Subclasses store their entries in self.data and
    define _alive_pairs() (a list of the live (key, value) pairs); copies are always of the
    public base class, as in CPython."""

    __class_getitem__ = classmethod(_GenericAlias)

    def __iter__(self):
        return (key for key, _ in self._alive_pairs())

    def keys(self):
        return iter(self)

    def items(self):
        return iter(self._alive_pairs())

    def values(self):
        return (value for _, value in self._alive_pairs())

    def __len__(self):
        return len(self._alive_pairs())

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x}>"

    def clear(self):
        self.data.clear()

    def copy(self):
        twin = self._base()
        twin.update(self._alive_pairs())
        return twin

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        twin = self._base()
        for key, value in self._alive_pairs():
            twin[self._deepcopy_key(key, memo)] = deepcopy(value, memo)
        return twin

    def update(self, other=None, /, **kwargs):
        if other is not None:
            pairs = other.items() if hasattr(other, "items") else other
            for key, value in pairs:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        merged = self.copy()
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        merged = self._base()
        merged.update(other)
        merged.update(self)
        return merged

    def __ior__(self, other):
        self.update(other)
        return self


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value is collected."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self._forget = _owner_hook(self, _drop_value_entry)
        self.update(other, **kw)

    def _alive_pairs(self):
        pairs = []
        for key, entry in list(self.data.items()):
            value = entry()
            if value is not None:
                pairs.append((key, value))
        return pairs

    def _base(self):
        return WeakValueDictionary()

    def _deepcopy_key(self, key, memo):
        from copy import deepcopy
        return deepcopy(key, memo)

    def _live(self, key):
        """The value under key, or None when absent or dead."""
        entry = self.data.get(key)
        return None if entry is None else entry()

    def __getitem__(self, key):
        value = self._live(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._forget, key)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            return self._live(key) is not None
        except TypeError:
            return False

    def get(self, key, default=None):
        value = self._live(key)
        return default if value is None else value

    def pop(self, key, *default):
        entry = self.data.pop(key, None)
        value = None if entry is None else entry()
        if value is not None:
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        while True:
            key, entry = self.data.popitem()
            value = entry()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        value = self._live(key)
        if value is None:
            self[key] = default
            return default
        return value

    def itervaluerefs(self):
        """The weak references to the values (some may be dead by the time they are used)."""
        return iter(list(self.data.values()))

    def valuerefs(self):
        """A list of the weak references to the values."""
        return list(self.data.values())


def _drop_value_entry(mapping, dead):
    # Only if the key still maps to this very reference: it may have been rebound since.
    _remove_dead_weakref(mapping.data, dead.key)


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key is collected."""

    def __init__(self, dict=None):
        self.data = {}
        self._forget = _owner_hook(self, _drop_key_entry)
        if dict is not None:
            self.update(dict)

    def _alive_pairs(self):
        pairs = []
        for entry, value in list(self.data.items()):
            key = entry()
            if key is not None:
                pairs.append((key, value))
        return pairs

    def _base(self):
        return WeakKeyDictionary()

    def _deepcopy_key(self, key, memo):
        # Keys are shared, not copied: a copy would die at once.
        return key

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._forget)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            probe = ref(key)
        except TypeError:
            return False
        return probe in self.data

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            entry, value = self.data.popitem()
            key = entry()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._forget), default)

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)


def _drop_key_entry(mapping, dead):
    mapping.data.pop(dead, None)


class WeakSet(_MutableSet):
    """A set whose members are held weakly: a member goes when it is collected."""

    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, data=None):
        self.data = set()
        self._forget = _owner_hook(self, _drop_member)
        if data is not None:
            self.update(data)

    def _members(self):
        alive = []
        for entry in list(self.data):
            member = entry()
            if member is not None:
                alive.append(member)
        return alive

    def _entry(self, item):
        return ref(item, self._forget)

    @classmethod
    def _from_iterable(cls, items):
        return cls(items)

    def __iter__(self):
        return iter(self._members())

    def __len__(self):
        return len(self._members())

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            return False
        return probe in self.data

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        return type(self), (self._members(),), getattr(self, "__dict__", None)

    def add(self, item):
        self.data.add(self._entry(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def pop(self):
        while self.data:
            member = self.data.pop()()
            if member is not None:
                return member
        raise KeyError("pop from empty WeakSet")

    def update(self, other):
        for item in other:
            self.add(item)

    def _probes(self, other):
        return {ref(item) for item in other}

    def union(self, other):
        joined = self.copy()
        joined.update(other)
        return joined

    def intersection(self, other):
        return type(self)(item for item in other if item in self)

    def difference(self, other):
        rest = self.copy()
        rest.difference_update(other)
        return rest

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    def difference_update(self, other):
        if other is self:
            self.data.clear()
        else:
            self.data -= self._probes(other)

    def intersection_update(self, other):
        self.data &= self._probes(other)

    def symmetric_difference_update(self, other):
        if other is self:
            self.data.clear()
            return
        for item in set(other):
            probe = ref(item)
            if probe in self.data:
                self.data.discard(probe)
            else:
                self.add(item)

    __or__ = union
    __and__ = intersection
    __sub__ = difference
    __xor__ = symmetric_difference

    def __ior__(self, other):
        self.update(other)
        return self

    def __iand__(self, other):
        self.intersection_update(other)
        return self

    def __isub__(self, other):
        self.difference_update(other)
        return self

    def __ixor__(self, other):
        self.symmetric_difference_update(other)
        return self

    def issubset(self, other):
        return self.data <= self._probes(other)

    def issuperset(self, other):
        return self.data >= self._probes(other)

    __le__ = issubset
    __ge__ = issuperset

    def __lt__(self, other):
        return self.data < self._probes(other)

    def __gt__(self, other):
        return self.data > self._probes(other)

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == self._probes(other)

    def isdisjoint(self, other):
        return not self.intersection(other)

    __hash__ = None


def _drop_member(weak_set, dead):
    weak_set.data.discard(dead)


class _Pending:
    """What a live finalize object will do: its referent's weak reference and the call."""

    __slots__ = ("target", "func", "args", "kwargs", "atexit", "order")


class finalize:
    """finalize(obj, func, /, *args, **kwargs): calls func(*args, **kwargs) once, when obj is
    collected, when the finalize object is called, or at exit (while `atexit` is true)."""

    __slots__ = ()
    # finalize objects are hashable by identity; a live one maps to its _Pending entry.
    _pending = {}
    _created = 0
    _exiting = False
    _hooked_exit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._hooked_exit:
            import atexit
            atexit.register(finalize._run_at_exit)
            finalize._hooked_exit = True
        entry = _Pending()
        entry.target = ref(obj, self)
        entry.func = func
        entry.args = args
        entry.kwargs = kwargs
        entry.atexit = True
        entry.order = finalize._created
        finalize._created += 1
        finalize._pending[self] = entry

    def _entry_and_object(self):
        entry = finalize._pending.get(self)
        return entry, (None if entry is None else entry.target())

    def __call__(self, _=None):
        """Calls the function now unless it already ran or was detached; returns its result."""
        entry = finalize._pending.pop(self, None)
        if entry is not None and not finalize._exiting:
            return entry.func(*entry.args, **entry.kwargs)
        return None

    def detach(self):
        """Unregisters the call; returns (obj, func, args, kwargs) if it was alive, else None."""
        entry, obj = self._entry_and_object()
        if obj is None or finalize._pending.pop(self, None) is None:
            return None
        return (obj, entry.func, entry.args, entry.kwargs)

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None, without unregistering."""
        entry, obj = self._entry_and_object()
        if obj is None:
            return None
        return (obj, entry.func, entry.args, entry.kwargs)

    @property
    def alive(self):
        """Whether the call is still pending."""
        return self in finalize._pending

    @property
    def atexit(self):
        """Whether the call happens at exit if still pending."""
        entry = finalize._pending.get(self)
        return entry is not None and entry.atexit

    @atexit.setter
    def atexit(self, value):
        entry = finalize._pending.get(self)
        if entry is not None:
            entry.atexit = bool(value)

    def __repr__(self):
        _, obj = self._entry_and_object()
        where = f"<{type(self).__name__} object at {id(self):#x}"
        if obj is None:
            return where + "; dead>"
        return where + f"; for {type(obj).__name__!r} at {id(obj):#x}>"

    @staticmethod
    def _run_at_exit():
        # Newest first; a call may finalize others, so each is re-checked before running.
        try:
            due = [(entry.order, f) for f, entry in finalize._pending.items() if entry.atexit]
            due.sort(key=lambda pair: pair[0], reverse=True)
            for _, f in due:
                if f in finalize._pending:
                    try:
                        f()
                    except Exception:
                        import sys
                        sys.excepthook(*sys.exc_info())
        finally:
            finalize._exiting = True
