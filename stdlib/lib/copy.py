"""Generic (shallow and deep) copying operations.

Classes can customise copying with __copy__(self) and __deepcopy__(self,
memo), or with __getstate__/__setstate__ (and __getnewargs__ or
__getnewargs_ex__ for immutable types such as namedtuples).  Other instances are copied by
creating an object of the same class without calling __init__ and copying
its __dict__; instances of list, dict and set subclasses also get their
items copied.  Only classes that define their own __reduce_ex__ or
__reduce__ (typically native types) are copied through the pickle
protocol.
"""

import copyreg
import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility

# Types whose instances are immutable or have identity semantics: copies
# are the object itself.
_atomic_types = {
    type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
    complex, bytes, str, range, slice, property, types.CodeType,
    types.FunctionType, types.BuiltinFunctionType, types.ModuleType,
}


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic_types or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is bytearray:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if cls is types.MethodType:
        return cls(x.__func__, x.__self__)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    reducer = _registered_reducer(x) or _own_reducer(x)
    if reducer is not None:
        return _reconstruct_reduced(x, None, reducer())
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif cls in _atomic_types or issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        reducer = None if copier is not None else _registered_reducer(x) or _own_reducer(x)
        if copier is not None:
            y = copier(memo)
        elif reducer is not None:
            y = _reconstruct_reduced(x, memo, reducer())
        else:
            y = _reconstruct(x, memo)
    # An object is only memoised when it was really copied.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keep x alive as long as memo, so that its id() is not reused for
    another object while memo maps that id."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for a in x:
        y.append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple containing itself (through a list) was copied meanwhile.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y


def _deepcopy_frozenset(x, memo):
    return frozenset(deepcopy(a, memo) for a in x)


def _deepcopy_bytearray(x, memo):
    return x[:]


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {
    list: _deepcopy_list,
    tuple: _deepcopy_tuple,
    dict: _deepcopy_dict,
    set: _deepcopy_set,
    frozenset: _deepcopy_frozenset,
    bytearray: _deepcopy_bytearray,
    types.MethodType: _deepcopy_method,
}


def _reconstruct(x, memo):
    """Copy an instance: deep if memo is not None, else shallow."""
    deep = memo is not None
    cls = type(x)
    getnewargs_ex = getattr(cls, '__getnewargs_ex__', None)
    getnewargs = getattr(cls, '__getnewargs__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex(x)
        if deep:
            args, kwargs = deepcopy(args, memo), deepcopy(kwargs, memo)
        y = cls.__new__(cls, *args, **kwargs)
    elif getnewargs is not None:
        args = getnewargs(x)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    else:
        try:
            y = cls.__new__(cls)
        except TypeError:
            raise Error('un(deep)copyable object of type %s' % cls) from None
    if deep:
        memo[id(x)] = y

    # Items of builtin container subclasses live outside __dict__.
    if isinstance(x, list):
        y.extend(deepcopy(a, memo) if deep else a for a in list.__iter__(x))
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            dict.__setitem__(y, key, value)
    elif isinstance(x, set):
        for a in set.__iter__(x):
            set.add(y, deepcopy(a, memo) if deep else a)

    # object.__getstate__ gives the __dict__ (None when empty), paired with the set __slots__.
    getstate = getattr(cls, '__getstate__', None)
    state = getstate(x) if getstate is not None else getattr(x, '__dict__', None) or None
    if state is None:
        return y
    if deep:
        state = deepcopy(state, memo)
    _set_state(y, state)
    return y


def _set_state(y, state):
    """Applies a __getstate__ result: __setstate__, else the __dict__ part and the slots part."""
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _registered_reducer(x):
    """The reduction copyreg.pickle() registered for x's class, as a no-argument callable."""
    reductor = copyreg.dispatch_table.get(type(x))
    return None if reductor is None else lambda: reductor(x)


def _own_reducer(x):
    """x's pickle reduction as a no-argument callable, if its class defines
    __reduce_ex__ or __reduce__ itself (rather than inheriting object's)."""
    cls = type(x)
    reduce_ex = getattr(cls, '__reduce_ex__', None)
    if reduce_ex is not None and \
            reduce_ex is not getattr(object, '__reduce_ex__', None):
        return lambda: x.__reduce_ex__(4)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None and \
            reduce is not getattr(object, '__reduce__', None):
        return lambda: x.__reduce__()
    return None


def _reconstruct_reduced(x, memo, rv):
    """Rebuild x from its pickle reduction rv: (callable, args[, state[,
    list items[, dict items]]]), or a string naming a global (x itself)."""
    if isinstance(rv, str):
        return x
    deep = memo is not None
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
