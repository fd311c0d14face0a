"""Support for type hints, kept light: the runtime objects that make
annotations such as List[int], Optional[str], Callable[[int], str] and
class Foo(Generic[T]) evaluate, compare and print as in CPython.

Interpreter features used: __mro_entries__ and __orig_bases__ (PEP 560)
for Generic[T] / List[int] as base classes, __init_subclass__ (Generic
records its type parameters), metaclasses (Protocol, NamedTuple), and
sys._getframe for the module of functional NamedTuple/NewType.
"""

import collections
import collections.abc
import contextlib
import functools
import sys
import types
from abc import ABCMeta

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping',
    'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet',
    'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator',
    'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager', 'Reversible', 'ChainMap', 'Counter', 'Deque',
    'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet',
    'NamedTuple', 'Generator', 'AnyStr', 'cast', 'final', 'get_args',
    'get_origin', 'get_type_hints', 'NewType', 'no_type_check', 'NoReturn',
    'Never', 'overload', 'runtime_checkable', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'LiteralString', 'TypedDict',
    'Required', 'NotRequired', 'assert_never', 'reveal_type',
]

TYPE_CHECKING = False


def _type_convert(arg):
    """None means NoneType and strings are forward references."""
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_check(arg, msg, allow_special=False):
    """Convert arg to a type and reject things that cannot be one."""
    arg = _type_convert(arg)
    invalid_generic_forms = (Generic, Protocol)
    if not allow_special:
        invalid_generic_forms += (ClassVar, Final)
    if isinstance(arg, _GenericAlias) and \
            arg.__origin__ in invalid_generic_forms:
        raise TypeError(f"{arg} is not valid as type argument")
    if arg in (Any, NoReturn, Never, Self, TypeAlias, LiteralString):
        return arg
    if allow_special and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if type(arg) is tuple:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _type_repr(obj):
    """repr() of a type argument: classes by (qualified) name, builtins
    unqualified, ... as '...', functions by name."""
    if isinstance(obj, types.GenericAlias):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _collect_parameters(args):
    """The TypeVars in args, in order of first appearance (also inside
    nested generic aliases)."""
    parameters = []
    for t in args:
        if isinstance(t, TypeVar):
            if t not in parameters:
                parameters.append(t)
        else:
            for x in getattr(t, '__parameters__', ()):
                if isinstance(x, TypeVar) and x not in parameters:
                    parameters.append(x)
    return tuple(parameters)


def _check_arg_count(alias, params, expected):
    if len(params) != expected:
        raise TypeError(f"Too {'many' if len(params) > expected else 'few'}"
                        f" arguments for {alias}; actual {len(params)}, "
                        f"expected {expected}")


def _deduplicate(params):
    # Keeps the first occurrence of each parameter, by equality.
    result = []
    for p in params:
        if p not in result:
            result.append(p)
    return result


def _flatten_union(params):
    flat = []
    for p in params:
        if isinstance(p, _UnionGenericAlias):
            flat.extend(p.__args__)
        elif isinstance(p, types.UnionType):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return flat


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


################################################################################
# Special forms: Any, NoReturn, Union, Optional, ClassVar, Final, Literal...
################################################################################

class _SpecialForm:
    """A typing construct such as Union or ClassVar; getitem (if any)
    builds the subscripted form."""

    def __init__(self, name, doc, getitem=None):
        self._name = name
        self.__doc__ = doc
        self._getitem = getitem

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type: every type is
    compatible with Any, and Any is compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


NoReturn = _SpecialForm('NoReturn', "Special type indicating functions that "
                        "never return.")
Never = _SpecialForm('Never', "The bottom type, a type that has no "
                     "members.")
Self = _SpecialForm('Self', "Used to spell the type of \"self\" in "
                    "classes.")
LiteralString = _SpecialForm('LiteralString', "Represents an arbitrary "
                             "literal string.")
TypeAlias = _SpecialForm('TypeAlias', "Special marker indicating that an "
                         "assignment should be recognized as a proper type "
                         "alias definition by type checkers.")


def _single_type_form(self, parameters):
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


ClassVar = _SpecialForm('ClassVar', "Special type construct to mark class "
                        "variables.", _single_type_form)
Final = _SpecialForm('Final', "Special typing construct to indicate final "
                     "names to type checkers.", _single_type_form)
TypeGuard = _SpecialForm('TypeGuard', "Special typing form used to annotate "
                         "the return type of a user-defined type guard "
                         "function.", _single_type_form)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    parameters = _as_tuple(parameters)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _deduplicate(_flatten_union(parameters))
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and type(None) in parameters:
        return _UnionGenericAlias(self, tuple(parameters), name='Optional')
    return _UnionGenericAlias(self, tuple(parameters))


Union = _SpecialForm('Union', "Union type; Union[X, Y] means either X or "
                     "Y.", _union_getitem)


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


Optional = _SpecialForm('Optional', "Optional type; Optional[X] is "
                        "equivalent to Union[X, None].", _optional_getitem)


def _literal_getitem(self, parameters):
    parameters = _as_tuple(parameters)
    # Literal[1] and Literal[True] differ although 1 == True, so
    # duplicates are found by (value, type).
    seen = []
    unique = []
    for p in parameters:
        key = (p, type(p))
        if key not in seen:
            seen.append(key)
            unique.append(p)
    return _LiteralGenericAlias(self, tuple(unique))


Literal = _SpecialForm('Literal', "Special typing form to define literal "
                       "types (a.k.a. value types).", _literal_getitem)


################################################################################
# ForwardRef, TypeVar
################################################################################

class ForwardRef:
    """Internal wrapper to hold a forward reference (a string
    annotation)."""

    def __init__(self, arg, is_argument=True, module=None):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got "
                            f"{arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        if self.__forward_module__ is not None:
            globalns = getattr(sys.modules.get(self.__forward_module__),
                               '__dict__', globalns)
        value = eval(self.__forward_arg__, globalns, localns)
        return _eval_type(_type_check(value, "Forward references must "
                                      "evaluate to types.",
                                      allow_special=True),
                          globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            return f'ForwardRef({self.__forward_arg__!r})'
        return (f'ForwardRef({self.__forward_arg__!r}, '
                f'module={self.__forward_module__!r})')


class TypeVar:
    """Type variable: T = TypeVar('T'), optionally constrained
    (TypeVar('S', str, bytes)) or bounded (TypeVar('N', bound=int)), and
    covariant or contravariant."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__bound__ = (_type_check(bound, "Bound must be a type.")
                          if bound is not None else None)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


################################################################################
# Generic aliases: List[int], Dict[str, T], Callable[[int], str], Foo[int]
################################################################################

class _BaseGenericAlias:
    """Common behaviour of subscripted and unsubscripted aliases: calling
    creates an instance of the origin, attribute access is forwarded to
    it, and it can be used as a base class."""

    def __init__(self, origin, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or issubclass(b, Generic):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        # Dunder names are looked up on the alias itself only, so that
        # copy/pickle machinery does not see the origin's methods.
        if '__origin__' in self.__dict__ and not (
                attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _GenericAlias(_BaseGenericAlias):
    """A subscripted generic: List[int], Dict[str, T], Foo[int],
    ClassVar[int]."""

    def __init__(self, origin, args, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        # Substitute this alias's type variables: Dict[str, T][int].
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        args = tuple(_type_convert(a) for a in _as_tuple(args))
        _check_arg_count(self, args, len(self.__parameters__))
        subst = dict(zip(self.__parameters__, args))
        return self.copy_with(tuple(_substitute(a, subst)
                                    for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name,
                              inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            args = '()'   # Tuple[()]
        return f'{name}[{args}]'

    def __reduce__(self):
        return self.__origin__.__class_getitem__, (self.__args__,)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:  # generic version of an ABC or built-in class
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)


def _substitute(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    params = getattr(arg, '__parameters__', ())
    if params and isinstance(arg, (_GenericAlias, types.GenericAlias)):
        return arg[tuple(subst.get(p, p) for p in params)]
    return arg


class _SpecialGenericAlias(_BaseGenericAlias):
    """An unsubscripted generic such as List or Iterable: usable in
    isinstance() and subscriptable with nparams arguments."""

    def __init__(self, origin, nparams, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        if origin.__module__ == 'builtins':
            self.__doc__ = f'A generic version of {origin.__qualname__}.'
        else:
            self.__doc__ = (f'A generic version of {origin.__module__}.'
                            f'{origin.__qualname__}.')

    def __getitem__(self, params):
        params = _as_tuple(params)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        _check_arg_count(self, params, self._nparams)
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name,
                             inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and \
            self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))


class _CallableGenericAlias(_GenericAlias):
    """Callable[[args], result]: __args__ holds the argument types followed
    by the result type (or Ellipsis then the result)."""

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        return ('typing.Callable[[%s], %s]'
                % (', '.join(_type_repr(a) for a in args[:-1]),
                   _type_repr(args[-1])))

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)


class _CallableType(_SpecialGenericAlias):

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = tuple(args) + (result,)
        else:
            params = (args, result)
        msg = "Callable[args, result]: each arg must be a type."
        params = tuple(p if p is ... else _type_check(p, msg)
                       for p in params)
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)


class _TupleType(_SpecialGenericAlias):

    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(self.__origin__, (), name=self._name,
                                 inst=self._inst)
        params = _as_tuple(params)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return _GenericAlias(self.__origin__, params + (...,),
                                 name=self._name, inst=self._inst)
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return _GenericAlias(self.__origin__, params, name=self._name,
                             inst=self._inst)


class _UnionGenericAlias(_GenericAlias):
    """Union[X, Y] (named Optional when it is Union[X, None])."""

    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __reduce__(self):
        return Union.__getitem__, (self.__args__,)


class _LiteralGenericAlias(_GenericAlias):

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set((a, type(a)) for a in self.__args__) == \
            set((a, type(a)) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))

    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a)
                                                for a in self.__args__)


class _AnnotatedAlias(_GenericAlias):
    """Annotated[T, x, ...]: T with metadata attached."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(self.__origin__),
            ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Add context-specific metadata to a type: Annotated[int, 'meta']."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two "
                            "arguments (a type and an annotation).")
        msg = "Annotated[t, ...]: t must be a type."
        origin = _type_check(params[0], msg, allow_special=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))


def _alias(origin, nparams, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name)


_abc = collections.abc

Hashable = _alias(_abc.Hashable, 0)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _alias(_abc.Set, 1, name='AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
ByteString = _alias(_abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
ContextManager = _alias(contextlib.AbstractContextManager, 1,
                        name='ContextManager')
AsyncContextManager = _alias(contextlib.AbstractAsyncContextManager, 1,
                             name='AsyncContextManager')
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_abc.Generator, 3)
AsyncGenerator = _alias(_abc.AsyncGenerator, 2)
Type = _alias(type, 1, inst=False, name='Type')
Text = str


################################################################################
# Generic and Protocol
################################################################################

class Generic:
    """Abstract base class for generic types:

      class Mapping(Generic[KT, VT]):
          def __getitem__(self, key: KT) -> VT: ...

    Subscripting the class (Mapping[str, int]) gives a generic alias."""

    def __class_getitem__(cls, params):
        params = tuple(_type_convert(p) for p in _as_tuple(params))
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] "
                                f"cannot be empty")
            if not all(isinstance(p, TypeVar) for p in params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all "
                                f"be type variables or parameter "
                                f"specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all "
                                f"be unique")
        else:
            if not cls.__parameters__:
                raise TypeError(f"{cls} is not a generic class")
            _check_arg_count(cls, params, len(cls.__parameters__))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig_bases = cls.__dict__.get('__orig_bases__')
        if orig_bases is not None:
            error = Generic in orig_bases
        else:
            error = Generic in cls.__bases__ and cls.__name__ != 'Protocol'
        if error:
            raise TypeError("Cannot inherit from plain Generic")
        tvars = []
        if orig_bases is not None:
            tvars = list(_collect_parameters(orig_bases))
            gvars = None
            for base in orig_bases:
                if isinstance(base, _GenericAlias) and \
                        base.__origin__ in (Generic, Protocol):
                    if gvars is not None:
                        raise TypeError("Cannot inherit from Generic[...] "
                                        "multiple types.")
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    s_vars = ', '.join(str(t) for t in missing)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError(f"Some type variables ({s_vars}) are not "
                                    f"listed in Generic[{s_args}]")
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


# Names defined by every class or by the protocol machinery: never
# protocol members.
_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
    '__weakref__', '__class_getitem__', '__qualname__', '__parameters__',
    '__orig_bases__', '__init_subclass__', '__match_args__',
    '_is_protocol', '_is_runtime_protocol', '__protocol_attrs__',
})


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:   # without object
        if base in (Protocol, Generic):
            continue
        names = list(base.__dict__) + list(base.__dict__.get(
            '__annotations__', {}))
        for attr in names:
            if not attr.startswith('_abc_') and attr not in _SPECIAL_NAMES \
                    and attr not in attrs:
                attrs.append(attr)
    return attrs


class _ProtocolMeta(ABCMeta):
    """Structural isinstance/issubclass for @runtime_checkable protocols;
    protocol classes themselves cannot be instantiated."""

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__call__(*args, **kwargs)

    def _check_runtime(cls):
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used "
                            "with @runtime_checkable protocols")

    def __instancecheck__(cls, instance):
        if not cls.__dict__.get('_is_protocol', False) or cls is Protocol:
            return super().__instancecheck__(instance)
        cls._check_runtime()
        # ABCMeta's check covers real and registered subclasses; calling it
        # directly avoids our __subclasscheck__, which rejects protocols
        # with data members.
        if ABCMeta.__subclasscheck__(cls, type(instance)):
            return True
        for attr in _protocol_attrs(cls):
            try:
                val = getattr(instance, attr)
            except AttributeError:
                return False
            if val is None and callable(getattr(cls, attr, None)):
                return False
        return True

    def __subclasscheck__(cls, other):
        if not cls.__dict__.get('_is_protocol', False) or cls is Protocol:
            return super().__subclasscheck__(other)
        cls._check_runtime()
        attrs = _protocol_attrs(cls)
        if any(not callable(getattr(cls, attr, None)) for attr in attrs):
            raise TypeError("Protocols with non-method members don't "
                            "support issubclass()")
        if not isinstance(other, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if super().__subclasscheck__(other):
            return True
        for attr in attrs:
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
            else:
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping):

        class Proto(Protocol):
            def meth(self) -> int: ...

    Decorate with @runtime_checkable to allow isinstance() checks."""

    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol:
            for base in cls.__bases__:
                if not (base in (object, Generic) or
                        isinstance(base, _ProtocolMeta) and
                        base.__dict__.get('_is_protocol', False)):
                    raise TypeError('Protocols can only inherit from other'
                                    ' protocols, got %r' % base)


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol, so that it can be used
    with isinstance() and issubclass()."""
    if not isinstance(cls, _ProtocolMeta) or \
            not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        'classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


AnyStr = TypeVar('AnyStr', bytes, str)


################################################################################
# NamedTuple, NewType
################################################################################

def _caller_module(depth=2):
    # The module of the code that called our caller, for __module__.
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


_prohibited_namedtuple = frozenset({
    '__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
    '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_special_namedtuple = frozenset({'__module__', '__name__', '__annotations__',
                                 '__qualname__'})


def _make_nmtuple(name, fields, module, defaults=()):
    nm_tpl = collections.namedtuple(name, [n for n, t in fields],
                                    defaults=defaults, module=module)
    nm_tpl.__annotations__ = {
        n: _type_check(t, f"field {n} annotation must be a type")
        for n, t in fields}
    return nm_tpl


class _NamedTupleMeta(type):
    """Turns 'class P(NamedTuple): x: int' into a collections.namedtuple
    class, and NamedTuple('P', [('x', int)]) likewise."""

    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(mcls, typename, bases, ns)
        for base in bases:
            if base is not NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type '
                                'and Generic')
        annotations = ns.get('__annotations__', {})
        default_names = []
        for field_name in annotations:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, list(annotations.items()),
                               ns.get('__module__'),
                               defaults=[ns[n] for n in default_names])
        for key in ns:
            if key in _prohibited_namedtuple:
                raise AttributeError("Cannot overwrite NamedTuple attribute "
                                     + key)
            if key not in _special_namedtuple and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords"
                            " can be provided to NamedTuple, not both")
        return _make_nmtuple(typename, list(fields), _caller_module())


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of namedtuple:

        class Employee(NamedTuple):
            name: str
            id: int = 3

    or Employee = NamedTuple('Employee', [('name', str), ('id', int)])."""

    _root = True


class NewType:
    """NewType creates simple unique types with almost zero runtime
    overhead: UserId = NewType('UserId', int); UserId(5) returns 5."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __call__(self, x):
        return x

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __mro_entries__(self, bases):
        # The error message names the subclass, which is only known once
        # the class statement creates it: a dummy base reports it.
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you "
                    f"were looking for: `{subclass_name} = NewType("
                    f"{subclass_name!r}, {superclass_name})`")

        return (Dummy,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


Required = _SpecialForm('Required', "A special typing construct to mark a "
                        "key of a total=False TypedDict as required.",
                        _single_type_form)
NotRequired = _SpecialForm('NotRequired', "A special typing construct to mark "
                           "a key of a TypedDict as potentially missing.",
                           _single_type_form)


def _key_requirement(tp):
    # True for Required[...], False for NotRequired[...], else None.
    if isinstance(tp, _GenericAlias):
        if tp.__origin__ is Required:
            return True
        if tp.__origin__ is NotRequired:
            return False
    return None


class _TypedDictMeta(type):
    """Builds TypedDict classes: dict subclasses that only record their
    keys' types; calling one makes a plain dict."""

    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        own = {n: _type_check(tp, "TypedDict('Name', {f0: t0, f1: t1, ...}); "
                              "f0, f1, ... must be types.",
                              allow_special=True)
               for n, tp in ns.get('__annotations__', {}).items()}
        annotations = {}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for key, tp in own.items():
            required = _key_requirement(tp)
            if required is None:
                required = total
            if required:
                required_keys.add(key)
            else:
                optional_keys.add(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class '
                        'checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A simple typed namespace.  At runtime it is equivalent to a plain
    dict:

        class Point2D(TypedDict):
            x: int
            y: int

    or Point2D = TypedDict('Point2D', {'x': int, 'y': int})."""
    if fields is None:
        fields = kwargs
        if kwargs:
            import warnings
            warnings.warn('The kwargs-based syntax for TypedDict definitions '
                          'is deprecated in Python 3.11, will be removed in '
                          'Python 3.13, and may not be understood by '
                          'third-party type checkers.', DeprecationWarning,
                          stacklevel=2)
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments,'
                        ' but not both')
    ns = {'__annotations__': dict(fields)}
    module = _caller_module()
    if module is not None:
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


# "class X(TypedDict)" goes through the metaclass instead of the function.
_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


################################################################################
# Functions
################################################################################


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable; fails at
    runtime if it is reached."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def reveal_type(obj, /):
    """Reveal the inferred type of a variable: at runtime, prints the
    runtime type of obj to stderr and returns it unchanged."""
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj

def cast(typ, val):
    """Cast a value to a type.  At runtime this returns val unchanged."""
    return val


def _overload_dummy(*args, **kwds):
    """Helper for @overload to raise when called."""
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Decorator for overloaded functions/methods; the real
    implementation must follow, undecorated."""
    return _overload_dummy


def final(f):
    """Decorator marking a method or class final (for type checkers)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator indicating that annotations are not type hints."""
    if isinstance(arg, type):
        for obj in list(arg.__dict__.values()):
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:  # built-in classes
        pass
    return arg


def get_origin(tp):
    """Get the unsubscripted version of a type: get_origin(List[int]) is
    list, get_origin(Union[int, str]) is Union, get_origin(int) is
    None."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, types.GenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed:
    get_args(Dict[int, str]) == (int, str) and
    get_args(Callable[[], T][int]) == ([], int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, types.GenericAlias)):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) or \
                get_origin(tp) is _abc.Callable and \
                isinstance(tp, types.GenericAlias):
            if res and res[0] is not ...:
                res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


def _eval_type(t, globalns, localns):
    """Evaluate forward references in t, recursively."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns)
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)):
        args = t.__args__
        ev_args = tuple(_eval_type(a, globalns, localns) for a in args)
        if ev_args == args:
            return t
        if isinstance(t, _GenericAlias):
            return t.copy_with(ev_args)
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, ev_args)
        return functools.reduce(lambda a, b: a | b, ev_args)
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias):
        args = tuple(_strip_annotations(a) for a in t.__args__)
        return t if args == t.__args__ else t.copy_with(args)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object (class, module or function), with
    string annotations evaluated and None replaced by NoneType.  For a
    class, the annotations of its bases are merged in reverse MRO
    order."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__),
                                       '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                # Names in the class body shadow module names.
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = ForwardRef(value)
                hints[name] = _eval_type(value, base_globals, base_locals)
        if include_extras:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}

    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            # Find globalns for the unwrapped object.
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType,
                            types.MethodType, types.ModuleType)):
            return {}
        raise TypeError('{!r} is not a module, class, method, '
                        'or function.'.format(obj))
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(
                obj, types.ModuleType))
        hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}
