"""Context variables (PEP 567), minipy's own implementation.

Each thread has a current Context, a mapping from ContextVar to value. A Context is never
changed in place once copied: ContextVar.set replaces the current context's dict with an
updated copy, so copy_context() is O(1) and a copy never sees later changes.
"""

import _thread

__all__ = ("Context", "ContextVar", "Token", "copy_context")

_state = _thread._local()
_KEY = object()  # lets ContextVar make Tokens and nobody else


def _current():
    ctx = getattr(_state, "context", None)
    if ctx is None:
        ctx = _state.context = Context()
    return ctx


def _not_a_base(cls, name):
    raise TypeError("type '_contextvars.%s' is not an acceptable base type" % name)


class Context:
    __module__ = "_contextvars"

    def __init__(self, *args, **kwargs):
        if args or kwargs:
            raise TypeError("Context() does not accept any arguments")
        self._data = {}
        self._prev = None
        self._entered = False

    def __init_subclass__(cls, **kwargs):
        _not_a_base(cls, "Context")

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError("cannot enter context: %r is already entered" % (self,))
        self._prev = _current()
        self._entered = True
        _state.context = self
        try:
            return callable(*args, **kwargs)
        finally:
            _state.context = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    @staticmethod
    def _check_key(key):
        if not isinstance(key, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (key,))

    def __getitem__(self, var):
        self._check_key(var)
        return self._data[var]

    def __contains__(self, var):
        self._check_key(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def get(self, var, default=None):
        self._check_key(var)
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def copy_context():
    return _current().copy()


class _Missing:
    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    __module__ = "_contextvars"
    MISSING = _Missing()

    def __init__(self, *args):
        if len(args) != 4 or args[0] is not _KEY:
            raise RuntimeError("Tokens can only be created by ContextVars")
        self._var, self._old_value, self._context = args[1], args[2], args[3]
        self._used = False

    def __init_subclass__(cls, **kwargs):
        _not_a_base(cls, "Token")

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        return "<Token%s var=%r at %#x>" % (" used" if self._used else "", self._var, id(self))

    def __class_getitem__(cls, item):
        return _alias(cls, item)


_NO_DEFAULT = object()


class ContextVar:
    __module__ = "_contextvars"

    def __init__(self, *args, default=_NO_DEFAULT):
        if not args:
            raise TypeError("ContextVar() takes exactly 1 positional argument (0 given)")
        if len(args) > 1:
            raise TypeError("ContextVar() takes at most 1 positional argument (%d given)" % len(args))
        name = args[0]
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        _not_a_base(cls, "ContextVar")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError("get expected at most 1 argument, got %d" % len(args))
        data = _current()._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        old = ctx._data.get(self, Token.MISSING)
        data = dict(ctx._data)
        data[self] = value
        ctx._data = data
        return Token(_KEY, self, old, ctx)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError("expected an instance of Token, got %r" % (token,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar" % (token,))
        ctx = _current()
        if token._context is not ctx:
            raise ValueError("%r was created in a different Context" % (token,))
        data = dict(ctx._data)
        if token._old_value is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old_value
        ctx._data = data
        token._used = True

    def __repr__(self):
        default = "" if self._default is _NO_DEFAULT else " default=%r" % (self._default,)
        return "<ContextVar name=%r%s at %#x>" % (self._name, default, id(self))

    __hash__ = object.__hash__

    def __class_getitem__(cls, item):
        return _alias(cls, item)


def _alias(cls, item):
    import types
    return types.GenericAlias(cls, item)
