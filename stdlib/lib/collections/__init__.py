"""Container datatypes: namedtuple, deque, ChainMap, Counter, OrderedDict,
defaultdict, UserDict, UserList, UserString.

Written for minipy from the documented behaviour. defaultdict and Counter rely on
dict.__getitem__ calling __missing__ for dict subclasses, as CPython does.
"""

import sys
from keyword import iskeyword as _iskeyword
from operator import eq as _eq, le as _le, ge as _ge
from reprlib import recursive_repr as _recursive_repr
from _bindargs import bind as _bind

from collections import abc as _abc

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']


################################################################################
# OrderedDict
################################################################################

class OrderedDict(dict):
    """Dictionary that remembers insertion order.

    A plain dict already keeps insertion order; this class adds the reordering
    operations and makes equality between two OrderedDicts order-sensitive."""

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    # Goes through __setitem__, so subclasses that override it see every item.
    update = _abc.MutableMapping.update

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false."""
        if not dict.__len__(self):
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        first = next(iter(dict.keys(self)))
        return first, dict.pop(self, first)

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        # A dict can only append, so the others are put back after the moved key.
        others = dict.copy(self)
        dict.clear(self)
        dict.__setitem__(self, key, value)
        dict.update(self, others)

    @_recursive_repr()
    def __repr__(self):
        name = type(self).__name__
        if not self:
            return name + '()'
        return '%s(%r)' % (name, list(self.items()))

    def __eq__(self, other):
        equal = dict.__eq__(self, other)
        if equal is not True or not isinstance(other, OrderedDict):
            return equal
        # Same keys and values: only the key order can still differ.
        return all(a is b or a == b for a, b in zip(dict.keys(self), dict.keys(other)))

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return type(self)(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self)
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(other)
        merged.update(self)
        return merged

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
# namedtuple
################################################################################

class _tuplegetter:
    """Read-only descriptor for the item at one index of a namedtuple."""

    def __init__(self, index, doc):
        self.index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return tuple.__getitem__(instance, self.index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


def _field_name_list(field_names, rename):
    """The field names as a list of str, after splitting and optional renaming."""
    if isinstance(field_names, str):
        names = field_names.replace(',', ' ').split()
    else:
        names = [str(name) for name in field_names]
    if rename:
        taken = set()
        for position, name in enumerate(names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith('_')
                    or name in taken):
                names[position] = '_' + str(position)
            taken.add(name)
    return names


def _validate_names(typename, names, renamed):
    for name in (typename, *names):
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    taken = set()
    for name in names:
        # Renaming gave names like '_1' to fields that were invalid.
        if name.startswith('_') and not renamed:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in taken:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        taken.add(name)


def _caller_module():
    """The __name__ of the module that called our caller, or None if unknown."""
    try:
        return sys._getframe(2).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    names = _field_name_list(field_names, rename)
    typename = sys.intern(str(typename))
    _validate_names(typename, names, rename)
    fields = tuple(sys.intern(name) for name in names)
    size = len(fields)

    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > size:
            raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(fields[size - len(defaults or ()):], defaults or ()))

    signature = ', '.join(fields) + (',' if size == 1 else '')
    # '(x=%r, y=%r)', formatted with the instance itself as the argument tuple.
    values_template = '(' + ', '.join([name + '=%r' for name in fields]) + ')'
    known = frozenset(fields)
    new_name = typename + '.__new__'
    tuple_new = tuple.__new__

    def __new__(_cls, *args, **kwargs):
        if len(args) == size and not kwargs:
            return tuple_new(_cls, args)
        bound = _bind(new_name, fields, (), field_defaults, args, kwargs)
        return tuple_new(_cls, [bound[name] for name in fields])

    def _make(cls, iterable):
        made = tuple_new(cls, iterable)
        if len(made) != size:
            raise TypeError(f'Expected {size} arguments, got {len(made)}')
        return made

    def _replace(self, /, **kwds):
        unknown = [name for name in kwds if name not in known]
        if unknown:
            raise ValueError(f'Got unexpected field names: {unknown!r}')
        return self._make([kwds.get(name, value) for name, value in zip(fields, self)])

    def __repr__(self):
        """Return a nicely formatted representation string"""
        return type(self).__name__ + values_template % self

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple.  Used by copy and pickle."""
        return tuple(self)

    __new__.__defaults__ = defaults
    __new__.__doc__ = f'Create new instance of {typename}({signature})'
    _make.__doc__ = f'Make a new {typename} object from a sequence or iterable'
    _replace.__doc__ = (f'Return a new {typename} object replacing specified fields '
                        'with new values')
    methods = {f.__name__: f for f in (__new__, _make, _replace, __repr__, _asdict,
                                       __getnewargs__)}
    for name, method in methods.items():
        method.__qualname__ = typename + '.' + name
    methods['_make'] = classmethod(_make)

    namespace = {
        '__doc__': f'{typename}({signature})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__match_args__': fields,
        **methods,
    }
    for position, name in enumerate(fields):
        namespace[name] = _tuplegetter(position, f'Alias for field number {position}')
    if module is None:
        # Name the caller's module so that reprs and pickling find the class there.
        module = _caller_module()
    if module is not None:
        namespace['__module__'] = module
    return type(typename, (tuple,), namespace)


################################################################################
# Counter
################################################################################

class Counter(dict):
    """Dict subclass for counting hashable items (a multiset). Missing
    elements count as zero.

    >>> Counter('abracadabra').most_common(3)
    [('a', 5), ('b', 2), ('r', 2)]
    """

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """The count of elements not in the Counter is zero."""
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts."""
        # sort() is stable even when reversed, so ties stay in first-seen order.
        ranked = list(self.items())
        ranked.sort(key=lambda pair: pair[1], reverse=True)
        if n is None:
            return ranked
        return ranked[:n] if n > 0 else []

    def elements(self):
        """Iterator over elements repeating each as many times as its count.
        Elements with counts less than one are ignored."""
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def _add_counts(self, source, adding):
        # Mappings carry counts; any other iterable counts each occurrence as one.
        get = self.get
        if isinstance(source, _abc.Mapping):
            for elem, count in source.items():
                self[elem] = count + get(elem, 0) if adding else get(elem, 0) - count
        else:
            step = 1 if adding else -1
            for elem in source:
                self[elem] = get(elem, 0) + step

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if not self and isinstance(iterable, _abc.Mapping):
                # Nothing to add to: take the counts as they are, whatever their type.
                dict.update(self, iterable)
            else:
                self._add_counts(iterable, True)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them.
        Counts can be reduced below zero."""
        if iterable is not None:
            self._add_counts(iterable, False)
        if kwds:
            self._add_counts(kwds, False)

    def copy(self):
        """Return a shallow copy."""
        return type(self)(self)

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing values."""
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return name + '()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            # Counts that cannot be ordered are shown in insertion order.
            shown = dict(self)
        return f'{name}({shown!r})'

    # Multiset comparisons: an element missing on either side counts as zero.

    def _all_counts(self, other, test):
        return (all(test(count, other[elem]) for elem, count in self.items())
                and all(test(self[elem], count) for elem, count in other.items()))

    def __eq__(self, other):
        """True if all counts agree. Missing counts are treated as zero."""
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _eq)

    def __ne__(self, other):
        """True if any counts disagree. Missing counts are treated as zero."""
        if not isinstance(other, Counter):
            return NotImplemented
        return not self._all_counts(other, _eq)

    __hash__ = None

    def __le__(self, other):
        """True if all counts in self are a subset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _le)

    def __lt__(self, other):
        """True if all counts in self are a proper subset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _le) and not self._all_counts(other, _eq)

    def __ge__(self, other):
        """True if all counts in self are a superset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _ge)

    def __gt__(self, other):
        """True if all counts in self are a proper superset of those in other."""
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, _ge) and not self._all_counts(other, _eq)

    # Multiset arithmetic: the result keeps only positive counts.

    def _merged(self, other, combine):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            count = combine(count, other[elem])
            if count > 0:
                result[elem] = count
        for elem, count in other.items():
            if elem not in self:
                count = combine(0, count)
                if count > 0:
                    result[elem] = count
        return result

    def __add__(self, other):
        """Add counts from two counters."""
        return self._merged(other, lambda mine, theirs: mine + theirs)

    def __sub__(self, other):
        """Subtract count, but keep only results with positive counts."""
        return self._merged(other, lambda mine, theirs: mine - theirs)

    def __or__(self, other):
        """Union is the maximum of value in either of the input counters."""
        return self._merged(other, lambda mine, theirs: theirs if mine < theirs else mine)

    def __and__(self, other):
        """Intersection is the minimum of corresponding counts."""
        return self._merged(other, lambda mine, theirs: mine if mine < theirs else theirs)

    def __pos__(self):
        """Adds an empty counter, effectively stripping negative and zero counts"""
        return Counter() + self

    def __neg__(self):
        """Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts."""
        return Counter() - self

    def _drop_nonpositive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] = self[elem] + count
        return self._drop_nonpositive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] = self[elem] - count
        return self._drop_nonpositive()

    def __ior__(self, other):
        for elem, count in other.items():
            if count > self[elem]:
                self[elem] = count
        return self._drop_nonpositive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            theirs = other[elem]
            if theirs < count:
                self[elem] = theirs
        return self._drop_nonpositive()


################################################################################
# defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default
    factory

    The default factory is called without arguments to produce a new value
    when a key is not present, in __getitem__ only."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        super().__init__(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return '%s(%r, %s)' % (self.__class__.__name__, self.default_factory,
                               dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return self.__class__(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
# deque
################################################################################

class deque:
    """deque([iterable[, maxlen]]) --> deque object

    A list-like sequence optimized for data accesses near its endpoints.

    Stored as a ring buffer: _data is a list used circularly, _head is the
    slot of the leftmost item and _size the number of items.  _state counts
    mutations so that iterators can detect changes."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _index(maxlen)
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._data = [None] * 8
        self._head = 0
        self._size = 0
        self._state = 0
        if iterable is not self:
            self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    # -- ring buffer helpers --

    def _grow(self):
        items = list(self._iter_raw())
        self._data = items + [None] * len(items)
        self._head = 0

    def _iter_raw(self):
        data = self._data
        cap = len(data)
        head = self._head
        for i in range(self._size):
            yield data[(head + i) % cap]

    def _slot(self, index):
        # Map a possibly negative index to a slot, raising IndexError.
        index = _index(index)
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError('deque index out of range')
        return (self._head + index) % len(self._data)

    # -- adding and removing at the ends --

    def append(self, x):
        """Add an element to the right side of the deque."""
        if self._maxlen == 0:
            return
        if self._size == self._maxlen:
            self._popleft()
        if self._size == len(self._data):
            self._grow()
        self._data[(self._head + self._size) % len(self._data)] = x
        self._size += 1
        self._state += 1

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        if self._maxlen == 0:
            return
        if self._size == self._maxlen:
            self._pop()
        if self._size == len(self._data):
            self._grow()
        self._head = (self._head - 1) % len(self._data)
        self._data[self._head] = x
        self._size += 1
        self._state += 1

    def _pop(self):
        slot = (self._head + self._size - 1) % len(self._data)
        x = self._data[slot]
        self._data[slot] = None
        self._size -= 1
        self._state += 1
        return x

    def _popleft(self):
        x = self._data[self._head]
        self._data[self._head] = None
        self._head = (self._head + 1) % len(self._data)
        self._size -= 1
        self._state += 1
        return x

    def pop(self):
        """Remove and return the rightmost element."""
        if not self._size:
            raise IndexError('pop from an empty deque')
        return self._pop()

    def popleft(self):
        """Remove and return the leftmost element."""
        if not self._size:
            raise IndexError('pop from an empty deque')
        return self._popleft()

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the
        iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the
        iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        """Remove all elements from the deque."""
        self._data = [None] * 8
        self._head = 0
        self._size = 0
        self._state += 1

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is
        negative, rotates left."""
        n = _index(n)
        size = self._size
        if size <= 1:
            return
        n %= size
        for _ in range(n):
            self.appendleft(self._pop())

    # -- searching and editing in the middle --

    def count(self, value):
        """Return number of occurrences of value."""
        state = self._state
        count = 0
        for x in self._iter_raw():
            if x is value or x == value:
                count += 1
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return count

    def index(self, value, start=0, stop=None):
        """Return first index of value.

        Raises ValueError if the value is not present."""
        size = self._size
        start = _index(start)
        stop = size if stop is None else _index(stop)
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        stop = min(stop, size)
        state = self._state
        for i in range(start, stop):
            x = self._data[(self._head + i) % len(self._data)]
            if x is value or x == value:
                return i
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError('%r is not in deque' % (value,))

    def insert(self, index, value):
        """Insert value before index."""
        index = _index(index)
        if self._maxlen is not None and self._size >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        size = self._size
        if index < 0:
            index = max(index + size, 0)
        index = min(index, size)
        self.rotate(-index)
        self.appendleft(value)
        self.rotate(index)

    def remove(self, value):
        """Remove first occurrence of value."""
        for i, x in enumerate(self._iter_raw()):
            if x is value or x == value:
                del self[i]
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        """Reverse *IN PLACE*."""
        items = list(self._iter_raw())
        items.reverse()
        self._data = items + [None] * max(8 - len(items), len(items))
        self._head = 0
        self._state += 1

    def copy(self):
        """Return a shallow copy of a deque."""
        return self.__class__(self._iter_raw(), self._maxlen)

    __copy__ = copy

    # -- sequence protocol --

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise TypeError('sequence index must be integer, not %r'
                            % type(index).__name__)
        return self._data[self._slot(index)]

    def __setitem__(self, index, value):
        self._data[self._slot(index)] = value

    def __delitem__(self, index):
        slot = self._slot(index)
        index = (slot - self._head) % len(self._data)
        self.rotate(-index)
        self._popleft()
        self.rotate(index)

    def __contains__(self, value):
        state = self._state
        for x in self._iter_raw():
            if x is value or x == value:
                return True
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def __iter__(self):
        state = self._state
        size = self._size
        for i in range(size):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield self._data[(self._head + i) % len(self._data)]
        if state != self._state:
            raise RuntimeError('deque mutated during iteration')

    def __reversed__(self):
        state = self._state
        for i in range(self._size - 1, -1, -1):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield self._data[(self._head + i) % len(self._data)]

    @_recursive_repr('[...]')
    def __repr__(self):
        items = repr(list(self._iter_raw()))
        if self._maxlen is None:
            return '%s(%s)' % (self.__class__.__name__, items)
        return '%s(%s, maxlen=%d)' % (self.__class__.__name__, items,
                                      self._maxlen)

    __hash__ = None

    # -- comparisons behave like those of lists --

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self._iter_raw()), list(other._iter_raw()))

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    # -- arithmetic --

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        if n <= 0:
            self.clear()
        else:
            items = list(self._iter_raw())
            for _ in range(n - 1):
                self.extend(items)
        return self

    def __class_getitem__(cls, item):
        return _abc.GenericAlias(cls, item)


def _index(value):
    # The integer value of an index-like object, with CPython's message.
    if isinstance(value, int):
        return value
    if not hasattr(type(value), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return value.__index__()


_abc.MutableSequence.register(deque)


################################################################################
# ChainMap
################################################################################

class ChainMap(_abc.MutableMapping):
    """A ChainMap groups multiple dicts (or other mappings) together to
    create a single, updateable view.  Lookups search the mappings in order;
    writes, updates and deletions only operate on the first one."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if type(mapping) is dict:
                # A plain dict has no __missing__: a membership test is enough and
                # avoids raising a KeyError per level.
                if key in mapping:
                    return mapping[key]
                continue
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def _keys(self):
        # The first mapping that has a key gives its value, but the key order is
        # that of the last mapping first, as in CPython.
        keys = {}
        for mapping in self.maps[::-1]:
            keys.update(dict.fromkeys(mapping))
        return keys

    def __len__(self):
        return len(self._keys())

    def __iter__(self):
        return iter(self._keys())

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr()
    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join([repr(m) for m in self.maps]))

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        first, *rest = self.maps
        return type(self)(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(_not_in_first(key))

    def popitem(self):
        """Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0]."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(_not_in_first(key))

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        merged = self.copy()
        merged.maps[0].update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for mapping in self.maps[::-1]:
            merged.update(mapping)
        return type(self)(merged)


def _not_in_first(key):
    return f'Key not found in the first mapping: {key!r}'


################################################################################
# UserDict, UserList
################################################################################

def _copy_wrapper(self):
    """copy.copy() for UserDict and UserList: same attributes, a copy of the data."""
    cls = type(self)
    clone = cls.__new__(cls)
    clone.__dict__.update(self.__dict__)
    clone.__dict__['data'] = self.__dict__['data'].copy()
    return clone


class UserDict(_abc.MutableMapping):
    """A dict wrapper meant for subclassing; the contents live in self.data."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        data = self.data
        if key in data:
            return data[key]
        missing = getattr(type(self), '__missing__', None)
        if missing is None:
            raise KeyError(key)
        return missing(self, key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        other = _dict_data(other)
        if other is None:
            return NotImplemented
        return type(self)(self.data | other)

    def __ror__(self, other):
        other = _dict_data(other)
        if other is None:
            return NotImplemented
        return type(self)(other | self.data)

    def __ior__(self, other):
        self.data |= other.data if isinstance(other, UserDict) else other
        return self

    __copy__ = _copy_wrapper

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        # For a subclass: copy the instance with empty data, then refill it item by
        # item so that an overridden __setitem__ sees the items.
        import copy
        data, self.data = self.data, {}
        try:
            clone = copy.copy(self)
        finally:
            self.data = data
        clone.update(self)
        return clone

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new


def _dict_data(value):
    """The dict behind a UserDict or dict operand of |, or None for other types."""
    if isinstance(value, UserDict):
        return value.data
    if isinstance(value, dict):
        return value
    return None


def _list_data(value):
    """The list behind a UserList operand; other operands unchanged."""
    return value.data if isinstance(value, UserList) else value


class UserList(_abc.MutableSequence):
    """A list wrapper meant for subclassing; the contents live in self.data."""

    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(_list_data(initlist))

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < _list_data(other)

    def __le__(self, other):
        return self.data <= _list_data(other)

    def __eq__(self, other):
        return self.data == _list_data(other)

    def __gt__(self, other):
        return self.data > _list_data(other)

    def __ge__(self, other):
        return self.data >= _list_data(other)

    __hash__ = None

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        found = self.data[i]
        return type(self)(found) if isinstance(i, slice) else found

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        other = _list_data(other)
        return type(self)(self.data + (other if isinstance(other, list) else list(other)))

    def __radd__(self, other):
        other = _list_data(other)
        return type(self)((other if isinstance(other, list) else list(other)) + self.data)

    def __iadd__(self, other):
        self.data.extend(_list_data(other))
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    __copy__ = _copy_wrapper

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(_list_data(other))


################################################################################
# UserString
################################################################################

def _plain(s):
    """The str inside a UserString argument; anything else as it is."""
    return s.data if isinstance(s, UserString) else s


def _wrapping(name):
    """A method that calls str's namesake on self.data and wraps the str it returns."""
    method = getattr(str, name)

    def wrapper(self, *args):
        return self.__class__(method(self.data, *map(_plain, args)))
    wrapper.__name__ = wrapper.__qualname__ = name
    return wrapper


def _passing(name):
    """A method that calls str's namesake on self.data and returns its result as it is."""
    method = getattr(str, name)

    def passer(self, *args, **kwargs):
        return method(self.data, *map(_plain, args), **kwargs)
    passer.__name__ = passer.__qualname__ = name
    return passer


class UserString(_abc.Sequence):
    """A str wrapper meant for subclassing; the text lives in self.data. Methods that
    make a new string return an instance of the same class."""

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        return self.data == _plain(string)

    def __lt__(self, string):
        return self.data < _plain(string)

    def __le__(self, string):
        return self.data <= _plain(string)

    def __gt__(self, string):
        return self.data > _plain(string)

    def __ge__(self, string):
        return self.data >= _plain(string)

    def __contains__(self, char):
        return _plain(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        other = _plain(other)
        return self.__class__(self.data + (other if isinstance(other, str) else str(other)))

    def __radd__(self, other):
        return self.__class__((other if isinstance(other, str) else str(other)) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode(encoding if encoding else 'utf-8', errors if errors else 'strict')

    def count(self, sub, start=0, end=sys.maxsize):
        return self.data.count(_plain(sub), start, end)

    def find(self, sub, start=0, end=sys.maxsize):
        return self.data.find(_plain(sub), start, end)

    def rfind(self, sub, start=0, end=sys.maxsize):
        return self.data.rfind(_plain(sub), start, end)

    def index(self, sub, start=0, end=sys.maxsize):
        return self.data.index(_plain(sub), start, end)

    def rindex(self, sub, start=0, end=sys.maxsize):
        return self.data.rindex(_plain(sub), start, end)

    def endswith(self, suffix, start=0, end=sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def startswith(self, prefix, start=0, end=sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def replace(self, old, new, maxsplit=-1):
        return self.__class__(self.data.replace(_plain(old), _plain(new), maxsplit))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    maketrans = str.maketrans

    for _name in ('capitalize', 'casefold', 'center', 'ljust', 'rjust', 'lower', 'upper',
                  'swapcase', 'title', 'lstrip', 'rstrip', 'strip', 'zfill', 'translate',
                  'removeprefix', 'removesuffix'):
        locals()[_name] = _wrapping(_name)
    for _name in ('format_map', 'join', 'partition', 'rpartition', 'isalpha', 'isalnum',
                  'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric',
                  'isprintable', 'isspace', 'istitle', 'isupper'):
        locals()[_name] = _passing(_name)
    del _name
