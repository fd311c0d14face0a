"""Classes whose __init__, __repr__, comparisons and hash are written from their annotated fields.

@dataclass reads the class's annotations in order (its dataclass bases' fields first) and adds
the methods its options ask for, unless the class defines them itself. The methods are
generated as Python source and compiled once per class, so they run as fast as hand-written
ones.
"""

import abc
import copy
import inspect
import keyword
import re
import sys
import types
from reprlib import recursive_repr

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING',
           'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen dataclass instance is assigned or deleted."""


class _MISSING_TYPE:
    pass


# "No value given", where None is a legitimate value.
MISSING = _MISSING_TYPE()


class _FactoryMarker:
    # The default an __init__ parameter gets when its field has a default_factory.
    def __repr__(self):
        return '<factory>'


_FACTORY_DEFAULT = _FactoryMarker()


class _KW_ONLY_TYPE:
    pass


# `_: KW_ONLY` in a class body makes the fields after it keyword-only.
KW_ONLY = _KW_ONLY_TYPE()


class _FieldKind:
    """What an annotation turned into: a field, a class variable, or an init-only variable."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

_NO_METADATA = types.MappingProxyType({})


class InitVar:
    """InitVar[T] annotates a parameter of __init__ that is passed to __post_init__ and not
    stored as a field."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        shown = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{shown}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD_REPR_ORDER = ('name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash', 'compare',
                     'metadata', 'kw_only')


class Field:
    """One field of a dataclass: its name and type, default or default factory, and options."""

    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', 'compare',
                 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _NO_METADATA if metadata is None else types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    @recursive_repr()
    def __repr__(self):
        shown = ','.join(f'{name}={getattr(self, name)!r}' for name in _FIELD_REPR_ORDER)
        return f'Field({shown},_field_type={self._field_type})'

    def __set_name__(self, owner, name):
        # A descriptor given as the default hears about the class it ended up in.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init, self.repr, self.eq, self.order = init, repr, eq, order
        self.unsafe_hash, self.frozen = unsafe_hash, frozen

    def __repr__(self):
        shown = ','.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)
        return f'_DataclassParams({shown})'


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Options for one field, as the value assigned to its annotation in the class body.

    default_factory is called with no arguments for each new instance (for mutable defaults).
    init, repr, compare: whether the field takes part in __init__, __repr__, comparisons;
    hash: in __hash__ (None: as compare says); metadata: a read-only mapping for third
    parties; kw_only: whether __init__ takes it by keyword only.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    """The fields of a dataclass or of one of its instances, in order (no ClassVar or InitVar)."""
    try:
        table = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in table.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


# ---------------------------------------------------------------------------------------------
# Reading the annotations

# A string annotation's leading name, optionally qualified by a module: "ClassVar[int]",
# "typing.ClassVar[int]", "dataclasses.InitVar[str]".
_ANNOTATION_HEAD = re.compile(r'^(?:\s*(\w+)\s*\.)?\s*(\w+)')


def _string_names(annotation, cls, module, target):
    """Whether the string annotation names `target` of `module`, as cls's module sees names."""
    match = _ANNOTATION_HEAD.match(annotation)
    if not match:
        return False
    home = sys.modules.get(cls.__module__)
    namespace = home.__dict__ if home is not None else {}
    qualifier, name = match.groups()
    if qualifier:
        namespace = getattr(namespace.get(qualifier), '__dict__', None)
        if namespace is None or namespace is not module.__dict__:
            return False
    return namespace.get(name) is target


def _is_classvar(annotation, cls):
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    if isinstance(annotation, str):
        return _string_names(annotation, cls, typing, typing.ClassVar)
    return annotation is typing.ClassVar or getattr(annotation, '__origin__', None) is typing.ClassVar


def _is_initvar(annotation, cls):
    if isinstance(annotation, str):
        return _string_names(annotation, cls, sys.modules[__name__], InitVar)
    return annotation is InitVar or type(annotation) is InitVar


def _is_kw_only_marker(annotation, cls):
    if isinstance(annotation, str):
        return _string_names(annotation, cls, sys.modules[__name__], KW_ONLY)
    return annotation is KW_ONLY


def _make_field(cls, name, annotation, kw_only):
    """The Field for one annotation of the class body."""
    value = getattr(cls, name, MISSING)
    if isinstance(value, Field):
        f = value
    else:
        # A slot of a class made with __slots__ is not a default.
        if isinstance(value, types.MemberDescriptorType):
            value = MISSING
        f = field(default=value)
    f.name, f.type, f._field_type = name, annotation, _FIELD
    if _is_classvar(annotation, cls):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation, cls):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD and f.default_factory is not MISSING:
        raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    elif f.kw_only is MISSING:
        f.kw_only = kw_only
    # Unhashable defaults stand for the mutable ones (list, dict, set) that would be shared.
    if f._field_type is _FIELD and type(f.default).__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field {f.name} is not allowed: '
                         'use default_factory')
    return f


def _own_fields(cls, kw_only):
    """The Fields the class body itself annotates, in order."""
    found = []
    marker_seen = False
    for name, annotation in cls.__dict__.get('__annotations__', {}).items():
        if _is_kw_only_marker(annotation, cls):
            if marker_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            marker_seen = kw_only = True
            continue
        found.append(_make_field(cls, name, annotation, kw_only))
    return found


# ---------------------------------------------------------------------------------------------
# Writing the methods

class _Source:
    """Python source for a class's methods, with the objects it refers to by name."""

    def __init__(self, cls):
        self.cls = cls
        self.names = {'MISSING': MISSING, '__dataclass_factory__': _FACTORY_DEFAULT,
                      '__dataclass_object__': object, '__dataclass_frozen_error__': FrozenInstanceError}

    def refer(self, prefix, name, value):
        """A name the source can use for value."""
        key = f'__dataclass_{prefix}_{name}__'
        self.names[key] = value
        return key

    def compile(self, name, params, body, annotations=None):
        text = f'def {name}({", ".join(params)}):\n' + ''.join(f'    {line}\n' for line in body or ['pass'])
        module = sys.modules.get(self.cls.__module__)
        namespace = dict(module.__dict__) if module is not None else {}
        namespace.update(self.names)
        exec(text, namespace)
        function = namespace[name]
        function.__qualname__ = f'{self.cls.__qualname__}.{name}'
        if annotations is not None:
            function.__annotations__ = annotations
        return function


def _tuple_text(owner, names):
    return '(' + ''.join(f'{owner}.{name},' for name in names) + ')'


def _init_method(cls, all_fields, frozen, post_init):
    init_fields = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR)]
    positional = [f for f in init_fields if f.init and not f.kw_only]
    keyword_only = [f for f in init_fields if f.init and f.kw_only]
    after_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            after_default = True
        elif after_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    source = _Source(cls)
    this = '__dataclass_self__' if 'self' in {f.name for f in all_fields} else 'self'

    def parameter(f):
        if f.default is not MISSING:
            return f'{f.name}={source.refer("default", f.name, f.default)}'
        if f.default_factory is not MISSING:
            return f'{f.name}=__dataclass_factory__'
        return f.name

    params = [this] + [parameter(f) for f in positional]
    if keyword_only:
        params += ['*'] + [parameter(f) for f in keyword_only]
    body = []
    for f in all_fields:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            factory = source.refer('factory', f.name, f.default_factory)
            value = f'{factory}() if {f.name} is __dataclass_factory__ else {f.name}' if f.init else f'{factory}()'
        elif f.init:
            value = f.name
        else:
            # Reading the field finds the default the class attribute keeps.
            continue
        if frozen:
            body.append(f'__dataclass_object__.__setattr__({this}, {f.name!r}, {value})')
        else:
            body.append(f'{this}.{f.name} = {value}')
    if post_init:
        init_vars = [f.name for f in init_fields if f._field_type is _FIELD_INITVAR]
        body.append(f'{this}.__post_init__({", ".join(init_vars)})')
    annotations = {f.name: f.type for f in init_fields if f.init}
    annotations['return'] = None
    return source.compile('__init__', params, body, annotations)


def _repr_method(cls, shown):
    source = _Source(cls)
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in shown)
    method = source.compile('__repr__', ['self'], [f'return f"{{self.__class__.__qualname__}}({parts})"'])
    return recursive_repr()(method)


def _comparison(cls, name, operator, compared):
    names = [f.name for f in compared]
    body = ['if other.__class__ is self.__class__:',
            f'    return {_tuple_text("self", names)} {operator} {_tuple_text("other", names)}',
            'return NotImplemented']
    return _Source(cls).compile(name, ['self', 'other'], body)


def _hash_method(cls, hashed):
    return _Source(cls).compile('__hash__', ['self'], [f'return hash({_tuple_text("self", [f.name for f in hashed])})'])


def _frozen_methods(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)

    for method in (__setattr__, __delattr__):
        method.__qualname__ = f'{cls.__qualname__}.{method.__name__}'
    return __setattr__, __delattr__


def _add(cls, name, value):
    """Sets cls.name unless the class body defined it; True if it did."""
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


# What __hash__ becomes, by (unsafe_hash, eq, frozen, the class defines __hash__ itself):
# 'add' a field-based one, 'none' makes instances unhashable, 'error', or None: leave it.
_HASH_ACTIONS = {
    (False, False, False, False): None, (False, False, False, True): None,
    (False, False, True, False): None, (False, False, True, True): None,
    (False, True, False, False): 'none', (False, True, False, True): None,
    (False, True, True, False): 'add', (False, True, True, True): None,
    (True, False, False, False): 'add', (True, False, False, True): 'error',
    (True, False, True, False): 'add', (True, False, True, True): 'error',
    (True, True, False, False): 'add', (True, True, False, True): 'error',
    (True, True, True, False): 'add', (True, True, True, True): 'error',
}


def _build(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
    table = {}
    base_is_dataclass = any_frozen_base = False
    # Bases' fields first, the most basic class first; a redefinition keeps its place.
    for base in reversed(cls.__mro__[1:]):
        inherited = base.__dict__.get('__dataclass_fields__')
        if inherited is not None:
            base_is_dataclass = True
            table.update((f.name, f) for f in inherited.values())
            if base.__dataclass_params__.frozen:
                any_frozen_base = True
    setattr(cls, '__dataclass_params__', _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    annotations = cls.__dict__.get('__annotations__', {})
    for f in _own_fields(cls, kw_only):
        table[f.name] = f
        # The class attribute keeps the default only (a Field object would shadow instances).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if base_is_dataclass:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if frozen and not any_frozen_base:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, '__dataclass_fields__', table)

    own_hash = cls.__dict__.get('__hash__', MISSING)
    # A class body defining __eq__ gets __hash__ = None implicitly: that is not "its own".
    defines_hash = not (own_hash is MISSING or (own_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_fields = list(table.values())
    stored = [f for f in all_fields if f._field_type is _FIELD]
    if init:
        _add(cls, '__init__', _init_method(cls, all_fields, frozen, hasattr(cls, '__post_init__')))
    if repr:
        _add(cls, '__repr__', _repr_method(cls, [f for f in stored if f.repr]))
    compared = [f for f in stored if f.compare]
    if eq:
        _add(cls, '__eq__', _comparison(cls, '__eq__', '==', compared))
    if order:
        for name, operator in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _add(cls, name, _comparison(cls, name, operator, compared)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
    if frozen:
        for method in _frozen_methods(cls, {f.name for f in stored}):
            if _add(cls, method.__name__, method):
                raise TypeError(f'Cannot overwrite attribute {method.__name__} in class {cls.__name__}')
    action = _HASH_ACTIONS[bool(unsafe_hash), bool(eq), bool(frozen), defines_hash]
    if action == 'add':
        cls.__hash__ = _hash_method(cls, [f for f in stored if (f.compare if f.hash is None else f.hash)])
    elif action == 'none':
        cls.__hash__ = None
    elif action == 'error':
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')

    if not getattr(cls, '__doc__'):
        try:
            signature = str(inspect.signature(cls)).replace(' -> None', '')
        except (TypeError, ValueError):
            signature = ''
        cls.__doc__ = cls.__name__ + signature
    if match_args:
        _add(cls, '__match_args__', tuple(f.name for f in all_fields
                                           if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init and not f.kw_only))
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _with_slots(cls, frozen, weakref_slot)
    abc.update_abstractmethods(cls)
    return cls


def _slot_names(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    return (slots,) if isinstance(slots, str) else tuple(slots)


def _frozen_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _frozen_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _with_slots(cls, frozen, weakref_slot):
    """The class made again with __slots__ for its fields (a class's slots are fixed when it is
    created)."""
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    names = [f.name for f in fields(cls)] + (['__weakref__'] if weakref_slot else [])
    inherited = {name for base in cls.__mro__[1:-1] for name in _slot_names(base)}
    namespace = dict(cls.__dict__)
    namespace['__slots__'] = tuple(name for name in names if name not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop('__dict__', None)
    namespace.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    remade = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qualname is not None:
        remade.__qualname__ = qualname
    if frozen:
        # Frozen instances cannot be restored by assignment: pickling goes through these.
        if '__getstate__' not in namespace:
            remade.__getstate__ = _frozen_getstate
        if '__setstate__' not in namespace:
            remade.__setstate__ = _frozen_setstate
    return remade


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Adds the methods the options ask for, generated from the class's annotated fields.

    init, repr, eq: add __init__, __repr__, __eq__; order: add <, <=, >, >=; unsafe_hash:
    add __hash__ even when not frozen; frozen: fields cannot be assigned after __init__;
    match_args: add __match_args__; kw_only: all fields keyword-only in __init__; slots:
    make the class again with __slots__; weakref_slot: add a __weakref__ slot.
    """
    def wrap(cls):
        return _build(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                      weakref_slot)
    return wrap if cls is None else wrap(cls)


# ---------------------------------------------------------------------------------------------
# Working with instances

def _to_dict(obj, dict_factory):
    if _is_instance(obj):
        return dict_factory([(f.name, _to_dict(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    return _rebuild(obj, lambda item: _to_dict(item, dict_factory))


def _to_tuple(obj, tuple_factory):
    if _is_instance(obj):
        return tuple_factory([_to_tuple(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    return _rebuild(obj, lambda item: _to_tuple(item, tuple_factory))


def _rebuild(obj, convert):
    """A copy of a container with `convert` applied to its items; a deep copy of anything else."""
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # A named tuple's constructor takes the items one by one.
        return type(obj)(*[convert(item) for item in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(convert(item) for item in obj)
    if isinstance(obj, dict):
        return type(obj)((convert(key), convert(value)) for key, value in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict of its fields, recursively through dataclasses, lists,
    tuples and dicts (other values are deep-copied)."""
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _to_dict(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its fields, recursively like asdict()."""
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _to_tuple(obj, tuple_factory)


def replace(obj, /, **changes):
    """A new instance like obj, with the given fields changed (through __init__)."""
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified '
                                 'with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f'InitVar {f.name!r} must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True,
                   order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
                   slots=False, weakref_slot=False):
    """A new dataclass named cls_name. fields: names, (name, type) or (name, type, Field)
    items; a bare name gets the type 'typing.Any'."""
    body = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, annotation = item, 'typing.Any'
        elif len(item) == 2:
            name, annotation = item
        elif len(item) == 3:
            name, annotation, spec = item
            body[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in annotations:
            raise TypeError(f'Field name duplicated: {name!r}')
        annotations[name] = annotation

    def fill(class_namespace):
        class_namespace.update(body)
        class_namespace['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, fill)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
