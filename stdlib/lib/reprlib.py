"""repr() with limits on size and nesting depth, and a guard for self-referencing reprs."""

import builtins
from itertools import islice
from _thread import get_ident

__all__ = ["Repr", "repr", "recursive_repr"]

def recursive_repr(fillvalue='...'):
    """Decorator for __repr__ methods: a call for an object whose repr is already being
    built on this thread returns fillvalue instead of recursing forever."""
    def decorate(method):
        in_progress = set()

        def wrapper(self):
            token = (id(self), get_ident())
            if token in in_progress:
                return fillvalue
            in_progress.add(token)
            try:
                return method(self)
            finally:
                in_progress.discard(token)

        # Copied by hand: functools.wraps would import functools, which imports this module.
        for name in ('__module__', '__doc__', '__name__', '__qualname__'):
            setattr(wrapper, name, getattr(method, name))
        wrapper.__annotations__ = getattr(method, '__annotations__', {})
        return wrapper
    return decorate


def _ordered(items):
    """items sorted when they can be compared, else in iteration order."""
    try:
        return sorted(items)
    except Exception:
        return list(items)


class Repr:
    """Builds abbreviated reprs. The max* attributes bound how many items of each
    container kind, how many characters of str, int and other reprs, and how many
    nesting levels are shown; fillvalue stands for whatever was left out."""

    def __init__(self):
        self.fillvalue = '...'
        self.maxlevel = 6
        self.maxtuple = 6
        self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = 6
        self.maxfrozenset = 6
        self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        # Dispatch on the type name, spaces turned into underscores: repr_list, repr_dict...
        handler = getattr(self, 'repr_' + '_'.join(type(x).__name__.split()), None)
        if handler is None:
            return self.repr_instance(x, level)
        return handler(x, level)

    def _cut(self, text, limit):
        """text with its middle replaced by fillvalue, keeping about limit characters."""
        head = max(0, (limit - 3) // 2)
        tail = max(0, limit - 3 - head)
        return text[:head] + self.fillvalue + text[len(text) - tail:]

    def _items(self, x, level, opening, closing, limit, single_suffix=''):
        """The repr of a sized iterable: at most limit items, each one level deeper."""
        count = len(x)
        if count and level <= 0:
            return opening + self.fillvalue + closing
        shown = [self.repr1(item, level - 1) for item in islice(x, limit)]
        if count > limit:
            shown.append(self.fillvalue)
        inner = ', '.join(shown)
        if count == 1:
            inner += single_suffix
        return opening + inner + closing

    def repr_tuple(self, x, level):
        return self._items(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._items(x, level, '[', ']', self.maxlist)

    def repr_array(self, x, level):
        if not x:
            return "array('%s')" % x.typecode
        return self._items(x, level, "array('%s', [" % x.typecode, '])', self.maxarray)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._items(_ordered(x), level, '{', '}', self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._items(_ordered(x), level, 'frozenset({', '})', self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._items(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        if not x:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        entries = []
        for key in islice(_ordered(x), self.maxdict):
            entries.append(self.repr1(key, level - 1) + ': ' + self.repr1(x[key], level - 1))
        if len(x) > self.maxdict:
            entries.append(self.fillvalue)
        return '{' + ', '.join(entries) + '}'

    def repr_str(self, x, level):
        text = builtins.repr(x[:self.maxstring])
        if len(text) <= self.maxstring:
            return text
        # Cut the string itself first so escapes stay whole, then trim its repr.
        head = max(0, (self.maxstring - 3) // 2)
        tail = max(0, self.maxstring - 3 - head)
        return self._cut(builtins.repr(x[:head] + x[len(x) - tail:]), self.maxstring)

    def repr_int(self, x, level):
        text = builtins.repr(x)
        return self._cut(text, self.maxlong) if len(text) > self.maxlong else text

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        return self._cut(text, self.maxother) if len(text) > self.maxother else text


aRepr = Repr()
repr = aRepr.repr
