"""Runtime side of type hints (PEP 484 and successors).

Everything here exists so that annotations such as List[int],
Optional[str] or Callable[[int], str] can be evaluated, compared,
printed and introspected the way CPython 3.11 does; no type checking
happens at runtime.  The main pieces:

* special forms (Union, Optional, ClassVar, Literal, ...): singletons whose
  subscription builds an alias object;
* aliases: _SpecialGenericAlias for the bare collection names (List,
  Iterable, ...) and _GenericAlias for anything subscripted;
* TypeVar and Generic/Protocol for user-defined generic classes;
* NamedTuple, TypedDict and NewType builders;
* get_type_hints() and the small helper functions.
"""

import collections
import collections.abc
import contextlib
import functools
import operator
import sys
import types
from abc import ABCMeta

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'Union',
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping',
    'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet',
    'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator',
    'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager', 'Reversible',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List',
    'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator',
    'AnyStr', 'assert_never', 'assert_type', 'cast', 'clear_overloads',
    'final', 'get_args', 'get_origin', 'get_overloads', 'get_type_hints',
    'LiteralString', 'Never', 'NewType', 'no_type_check', 'NoReturn',
    'NotRequired', 'overload', 'Required', 'reveal_type',
    'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias',
    'TypeGuard',
]

TYPE_CHECKING = False

_NoneType = type(None)
_ARG_MSG = "Parameters to generic types must be types."


def _caller_module(depth=2):
    """__name__ of the module whose code called our caller (None if the
    interpreter cannot tell)."""
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


def _is_dunder(name):
    return len(name) > 4 and name.startswith('__') and name.endswith('__')


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


# ---------------------------------------------------------------------------
# Checking and printing type arguments

def _convert(arg, module=None):
    """The shorthands allowed in annotations: None for NoneType, strings
    for forward references."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, module=module)
    return arg


def _check_arg(arg, msg, allowed=(), module=None):
    """arg converted for use inside a subscription.

    Anything that is not obviously wrong is accepted (3.11 lets Literal-like
    values through); rejected are tuples, bare special forms other than the
    ones usable alone, and ClassVar/Final/Generic/Protocol in places where
    they make no sense.  `allowed` lists the qualifiers (ClassVar, Final)
    acceptable at this position."""
    arg = _convert(arg, module)
    if isinstance(arg, _GenericAlias):
        head = arg.__origin__
        if head is Generic or head is Protocol or (
                (head is ClassVar or head is Final) and head not in allowed):
            raise TypeError(f"{arg} is not valid as type argument")
    elif isinstance(arg, _SpecialForm):
        if arg not in _STANDALONE_FORMS and arg not in allowed:
            raise TypeError(f"Plain {arg} is not valid as type argument")
    elif arg is Generic or arg is Protocol:
        raise TypeError(f"Plain {arg} is not valid as type argument")
    elif type(arg) is tuple:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _repr_arg(obj):
    """How a type argument appears inside an alias's repr."""
    if isinstance(obj, type) and not isinstance(obj, types.GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _free_typevars(args):
    """TypeVars occurring in args (directly or inside aliases), first
    occurrence first.  Classes are skipped: a generic class used unsubscripted
    is not parameterised by its own variables."""
    found = []
    for arg in args:
        if isinstance(arg, TypeVar):
            inner = (arg,)
        elif isinstance(arg, type):
            continue
        else:
            inner = getattr(arg, '__parameters__', ())
        for tv in inner:
            if isinstance(tv, TypeVar) and tv not in found:
                found.append(tv)
    return tuple(found)


def _require_count(alias, got, want):
    if got != want:
        which = 'many' if got > want else 'few'
        raise TypeError(f"Too {which} arguments for {alias}; actual {got}, "
                        f"expected {want}")


def _substituted(arg, binding):
    """arg with the TypeVars in `binding` replaced."""
    if isinstance(arg, TypeVar):
        return binding.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(binding.get(tv, tv) for tv in arg.__parameters__)]
    return arg


# ---------------------------------------------------------------------------
# Special forms

class _SpecialForm:
    """A typing keyword such as Union or ClassVar.  Instances are singletons
    identified by name; subclasses define what subscription produces."""

    def __init__(self, name, doc):
        self._name = name
        self.__doc__ = doc

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(attr)

    def __repr__(self):
        return f'typing.{self._name}'

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, params):
        raise TypeError(f"{self} is not subscriptable")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _WrapperForm(_SpecialForm):
    """A qualifier taking exactly one type: ClassVar[int], Final[str]..."""

    def __init__(self, name, doc, arity_msg):
        super().__init__(name, doc)
        self._arity_msg = arity_msg

    def __getitem__(self, params):
        arg = _check_arg(params, self._arity_msg.format(self))
        return _GenericAlias(self, (arg,))


class _UnionForm(_SpecialForm):

    def __getitem__(self, params):
        if params == ():
            raise TypeError("Cannot take a Union of no types.")
        msg = "Union[arg, ...]: each arg must be a type."
        members = []
        for arg in _as_tuple(params):
            arg = _check_arg(arg, msg)
            nested = (arg.__args__
                      if isinstance(arg, (_UnionAlias, types.UnionType))
                      else (arg,))
            for member in nested:
                if member not in members:
                    members.append(member)
        if len(members) == 1:
            return members[0]
        return _UnionAlias(tuple(members))


class _OptionalForm(_SpecialForm):

    def __getitem__(self, params):
        arg = _check_arg(params, f"{self} requires a single type.")
        return Union[arg, None]


class _LiteralForm(_SpecialForm):

    def __getitem__(self, params):
        values = []
        for value in _as_tuple(params):
            if isinstance(value, _LiteralAlias):
                values.extend(value.__args__)
            else:
                values.append(value)
        return _LiteralAlias(tuple(_unique_literals(values)))


def _unique_literals(values):
    # Literal[1] and Literal[True] differ although 1 == True, so values are
    # told apart by (value, type); unhashable values are kept as they are.
    try:
        seen = set()
        unique = []
        for value in values:
            key = (value, type(value))
            if key not in seen:
                seen.add(key)
                unique.append(value)
        return unique
    except TypeError:
        return values


NoReturn = _SpecialForm('NoReturn', "Special type indicating functions that "
                        "never return.")
Never = _SpecialForm('Never', "The bottom type, a type that has no members.")
Self = _SpecialForm('Self', 'Used to spell the type of "self" in classes.')
LiteralString = _SpecialForm('LiteralString',
                             "Represents an arbitrary literal string.")
TypeAlias = _SpecialForm('TypeAlias', "Marks an assignment as an explicit "
                         "type alias definition.")
ClassVar = _WrapperForm('ClassVar', "Marks a class variable (not an instance "
                        "attribute).", "{} accepts only single type.")
Final = _WrapperForm('Final', "Marks a name that cannot be reassigned or "
                     "overridden.", "{} accepts only single type.")
TypeGuard = _WrapperForm('TypeGuard', "Return type of a user-defined type "
                         "guard function.", "{} accepts only single type.")
Required = _WrapperForm('Required', "Marks a TypedDict key as required.",
                        "Required accepts only a single type.")
NotRequired = _WrapperForm('NotRequired', "Marks a TypedDict key as "
                           "potentially missing.",
                           "NotRequired accepts only a single type.")
Union = _UnionForm('Union', "Union[X, Y] means either X or Y.")
Optional = _OptionalForm('Optional', "Optional[X] is Union[X, None].")
Literal = _LiteralForm('Literal', "Literal[v, ...]: exactly one of the given "
                       "values.")

# Bare forms that are complete types on their own.
_STANDALONE_FORMS = (NoReturn, Never, Self, LiteralString, TypeAlias)


class _AnyMeta(type):

    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        return "typing.Any" if self is Any else super().__repr__()


class Any(metaclass=_AnyMeta):
    """The type compatible with every other type.  Can be subclassed (to
    mark a class as accepting anything) but not instantiated."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


# ---------------------------------------------------------------------------
# ForwardRef and TypeVar

class ForwardRef:
    """A type given as a string, evaluated later by get_type_hints()."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got "
                            f"{arg!r}")
        try:
            code = compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f"Forward reference must be an expression -- "
                              f"got {arg!r}") from None
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_module__ = module
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class

    def _evaluate(self, globalns, localns, seen=frozenset()):
        if self.__forward_arg__ in seen:
            return self
        if self.__forward_module__ is not None:
            home = sys.modules.get(self.__forward_module__)
            globalns = getattr(home, '__dict__', globalns)
        if self.__forward_is_class__:
            allowed = (ClassVar, Final)
        elif self.__forward_is_argument__:
            allowed = ()
        else:
            allowed = (Final,)
        value = _check_arg(eval(self.__forward_code__, globalns, localns),
                           "Forward references must evaluate to types.",
                           allowed)
        return _resolve(value, globalns, localns,
                        seen | {self.__forward_arg__})

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__, self.__forward_module__) == \
            (other.__forward_arg__, other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        extra = ('' if self.__forward_module__ is None
                 else f', module={self.__forward_module__!r}')
        return f'ForwardRef({self.__forward_arg__!r}{extra})'


class TypeVar:
    """A type variable: T = TypeVar('T'), optionally constrained
    (TypeVar('S', str, bytes)), bounded (TypeVar('N', bound=int)),
    covariant or contravariant.  Compares by identity."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if bound is not None and constraints:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__constraints__ = tuple(
            _check_arg(c, "TypeVar(name, constraint, ...): constraints must "
                          "be types.") for c in constraints)
        self.__bound__ = (None if bound is None
                          else _check_arg(bound, "Bound must be a type."))
        module = _caller_module()
        if module is not None and module != __name__:
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __reduce__(self):
        return self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


# ---------------------------------------------------------------------------
# Aliases

class _BaseGenericAlias:
    """What bare and subscripted aliases share: calling one instantiates the
    origin, plain attributes are read from and written to the origin, and
    using one as a base class substitutes the origin."""

    # Attributes of the alias itself; any other non-dunder name belongs to
    # the origin.
    _OWN_ATTRS = frozenset({'_name', '_inst', '_nparams'})

    def __init__(self, origin, name, inst):
        self.__origin__ = origin
        self._name = name
        self._inst = inst

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; use "
                            f"{self.__origin__.__name__}() instead")
        instance = self.__origin__(*args, **kwargs)
        try:
            instance.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return instance

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        # Dunder lookups (copy, pickle, ...) must not reach the origin, and
        # a half-built alias (while unpickling) has no origin yet.
        if not _is_dunder(attr) and '__origin__' in self.__dict__:
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, value):
        if _is_dunder(attr) or attr in self._OWN_ATTRS:
            object.__setattr__(self, attr, value)
        else:
            setattr(self.__origin__, attr, value)

    def __mro_entries__(self, bases):
        entries = [] if self.__origin__ in bases else [self.__origin__]
        if not _generic_follows(self, bases):
            entries.append(Generic)
        return tuple(entries)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and "
                        "instance checks")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


def _generic_follows(alias, bases):
    """Whether a base after `alias` will bring Generic into the MRO."""
    for base in bases[bases.index(alias) + 1:]:
        if isinstance(base, _BaseGenericAlias):
            return True
        if isinstance(base, type) and issubclass(base, Generic):
            return True
    return False


class _SpecialGenericAlias(_BaseGenericAlias):
    """A bare alias of a collection class, such as List or Iterable: usable
    with isinstance() and subscriptable with `nparams` arguments."""

    def __init__(self, origin, nparams, name, inst=True):
        super().__init__(origin, name, inst)
        self._nparams = nparams
        where = ('' if origin.__module__ == 'builtins'
                 else origin.__module__ + '.')
        self.__doc__ = f'A generic version of {where}{origin.__qualname__}.'

    def __getitem__(self, params):
        args = tuple(_check_arg(p, _ARG_MSG) for p in _as_tuple(params))
        _require_count(self, len(args), self._nparams)
        return _GenericAlias(self.__origin__, args, self._name, self._inst)

    def __repr__(self):
        return f'typing.{self._name}'

    def __reduce__(self):
        return self._name

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if isinstance(cls, _GenericAlias):
            return super().__subclasscheck__(cls)
        return issubclass(cls, self.__origin__)


class _CallableType(_SpecialGenericAlias):
    """Callable: subscripted as Callable[[arg, ...], result] or
    Callable[..., result]."""

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        params_part, result = params
        result = _check_arg(result,
                            "Callable[args, result]: result must be a type.")
        if params_part is ...:
            flat = (..., result)
        else:
            if isinstance(params_part, list):
                params_part = tuple(params_part)
            flat = tuple(_convert(p) for p in _as_tuple(params_part))
            flat += (result,)
        return _CallableAlias(self.__origin__, flat, self._name, self._inst)


class _TupleType(_SpecialGenericAlias):
    """Tuple: Tuple[()], Tuple[X, Y] or the variadic Tuple[X, ...]."""

    def __getitem__(self, params):
        if params == ():
            args = ()
        elif (isinstance(params, tuple) and len(params) > 1
              and params[-1] is ...):
            args = tuple(_check_arg(p, "Tuple[t, ...]: t must be a type.")
                         for p in params[:-1]) + (...,)
        else:
            args = tuple(
                _check_arg(p, "Tuple[t0, t1, ...]: each t must be a type.")
                for p in _as_tuple(params))
        return _GenericAlias(self.__origin__, args, self._name, self._inst)


class _GenericAlias(_BaseGenericAlias):
    # A subscripted generic: List[int], Box[T], ClassVar[int]...
    #
    # __origin__ is the class or special form, __args__ the arguments and
    # __parameters__ the TypeVars still free in them; subscripting the alias
    # again binds those.  (Comments rather than docstrings here and in the
    # subclasses: a subscripted alias's __doc__ is None, as in CPython.)

    def __init__(self, origin, args, name=None, inst=True):
        super().__init__(origin, name, inst)
        self.__args__ = args
        self.__parameters__ = _free_typevars(args)
        if name is None:
            self.__module__ = origin.__module__

    def __getitem__(self, params):
        if self.__origin__ is Generic or self.__origin__ is Protocol:
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        values = tuple(_check_arg(p, _ARG_MSG) for p in _as_tuple(params))
        _require_count(self, len(values), len(self.__parameters__))
        binding = dict(zip(self.__parameters__, values))
        return self.copy_with(tuple(_substituted(a, binding)
                                    for a in self.__args__))

    def copy_with(self, args):
        """The same kind of alias over other arguments."""
        return type(self)(self.__origin__, args, self._name, self._inst)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __repr__(self):
        head = (f'typing.{self._name}' if self._name
                else _repr_arg(self.__origin__))
        body = ', '.join(map(_repr_arg, self.__args__)) or '()'
        return f'{head}[{body}]'

    def _pickle_key(self):
        # Subscripting this object with the arguments rebuilds the alias.
        if isinstance(self.__origin__, _SpecialForm):
            return self.__origin__
        if self._name:
            return globals()[self._name]
        return self.__origin__

    def __reduce__(self):
        args = self.__args__
        return operator.getitem, (self._pickle_key(),
                                  args[0] if len(args) == 1 else args)

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:
            return super().__mro_entries__(bases)
        if origin is Generic:
            return () if _generic_follows(self, bases) else (Generic,)
        return (origin,)


class _CallableAlias(_GenericAlias):
    # Callable[[A, B], R]: __args__ is (A, B, R), or (..., R).

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and (args[0] is ... or
                               isinstance(args[0], (tuple, list))):
            return (f'typing.Callable[{_repr_arg(args[0])}, '
                    f'{_repr_arg(args[1])}]')
        params = ', '.join(map(_repr_arg, args[:-1]))
        return f'typing.Callable[[{params}], {_repr_arg(args[-1])}]'

    def __reduce__(self):
        *params, result = self.__args__
        if params != [...]:
            params = [params]
        return operator.getitem, (Callable, (*params, result))


class _UnionAlias(_GenericAlias):
    # Union[X, Y, ...]; printed as Optional[X] when it is Union[X, None].
    # Equality ignores the order of the members.

    def __init__(self, args, name=None, inst=True):
        if len(args) == 2 and _NoneType in args:
            name = 'Optional'
        super().__init__(Union, args, name, inst)

    def copy_with(self, args):
        return Union[args]

    def __eq__(self, other):
        if not isinstance(other, (_UnionAlias, types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[1] if args[0] is _NoneType else args[0]
            return f'typing.Optional[{_repr_arg(other)}]'
        return f"typing.Union[{', '.join(map(_repr_arg, args))}]"

    def __instancecheck__(self, obj):
        return any(isinstance(obj, member) for member in self.__args__)

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, member) for member in self.__args__)


class _LiteralAlias(_GenericAlias):
    # Literal[v, ...]: equality ignores order and tells 1 from True.

    def __init__(self, args, name=None, inst=True):
        super().__init__(Literal, args, name, inst)

    def copy_with(self, args):
        return Literal[args]

    def _members(self):
        return frozenset((value, type(value)) for value in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return self._members() == other._members()

    def __hash__(self):
        return hash(self._members())

    def __repr__(self):
        return f"typing.Literal[{', '.join(map(repr, self.__args__)) or '()'}]"


class _AnnotatedAlias(_GenericAlias):
    # Annotated[T, x, ...]: __origin__ is T and __metadata__ the extras;
    # nested Annotated collapse into one.

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def copy_with(self, args):
        return _AnnotatedAlias(args[0], self.__metadata__)

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __repr__(self):
        extras = ', '.join(map(repr, self.__metadata__))
        return f'typing.Annotated[{_repr_arg(self.__origin__)}, {extras}]'

    def __reduce__(self):
        return operator.getitem, (Annotated,
                                  (self.__origin__,) + self.__metadata__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Annotated[T, x, ...] is T carrying context-specific metadata x, ...
    that type checkers ignore and get_type_hints(include_extras=True)
    keeps."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two "
                            "arguments (a type and an annotation).")
        base = _check_arg(params[0], "Annotated[t, ...]: t must be a type.",
                          (ClassVar, Final))
        return _AnnotatedAlias(base, tuple(params[1:]))


_abc = collections.abc

# name, origin, number of parameters; the builtin containers' aliases
# refuse to be called (List() -> use list() instead).
_COLLECTION_ALIASES = [
    ('Hashable', _abc.Hashable, 0), ('Awaitable', _abc.Awaitable, 1),
    ('Coroutine', _abc.Coroutine, 3), ('AsyncIterable', _abc.AsyncIterable, 1),
    ('AsyncIterator', _abc.AsyncIterator, 1), ('Iterable', _abc.Iterable, 1),
    ('Iterator', _abc.Iterator, 1), ('Reversible', _abc.Reversible, 1),
    ('Sized', _abc.Sized, 0), ('Container', _abc.Container, 1),
    ('Collection', _abc.Collection, 1), ('AbstractSet', _abc.Set, 1),
    ('MutableSet', _abc.MutableSet, 1), ('Mapping', _abc.Mapping, 2),
    ('MutableMapping', _abc.MutableMapping, 2), ('Sequence', _abc.Sequence, 1),
    ('MutableSequence', _abc.MutableSequence, 1),
    ('ByteString', _abc.ByteString, 0), ('Deque', collections.deque, 1),
    ('MappingView', _abc.MappingView, 1), ('KeysView', _abc.KeysView, 1),
    ('ItemsView', _abc.ItemsView, 2), ('ValuesView', _abc.ValuesView, 1),
    ('ContextManager', contextlib.AbstractContextManager, 1),
    ('AsyncContextManager', contextlib.AbstractAsyncContextManager, 1),
    ('DefaultDict', collections.defaultdict, 2),
    ('OrderedDict', collections.OrderedDict, 2),
    ('Counter', collections.Counter, 1), ('ChainMap', collections.ChainMap, 2),
    ('Generator', _abc.Generator, 3), ('AsyncGenerator', _abc.AsyncGenerator, 2),
]
_BUILTIN_ALIASES = [
    ('List', list, 1), ('Set', set, 1), ('FrozenSet', frozenset, 1),
    ('Dict', dict, 2), ('Type', type, 1),
]
for _name, _origin, _count in _COLLECTION_ALIASES:
    globals()[_name] = _SpecialGenericAlias(_origin, _count, _name)
for _name, _origin, _count in _BUILTIN_ALIASES:
    globals()[_name] = _SpecialGenericAlias(_origin, _count, _name,
                                            inst=False)
del _name, _origin, _count

Callable = _CallableType(_abc.Callable, 2, 'Callable')
Tuple = _TupleType(tuple, -1, 'Tuple', inst=False)
Text = str


# ---------------------------------------------------------------------------
# Generic and Protocol

class Generic:
    """Base class of user-defined generic classes:

        class Box(Generic[T]):
            def get(self) -> T: ...

    Box[int] is then an alias whose calls create Box instances."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        params = tuple(_convert(p) for p in _as_tuple(params))
        if cls is Generic or cls is Protocol:
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] "
                                f"cannot be empty")
            if not all(isinstance(p, TypeVar) for p in params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all "
                                f"be type variables or parameter "
                                f"specification variables.")
            if len(set(params)) < len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all "
                                f"be unique")
        else:
            params = tuple(_check_arg(p, _ARG_MSG) for p in params)
            if not getattr(cls, '__parameters__', ()):
                raise TypeError(f"{cls} is not a generic class")
            _require_count(cls, len(params), len(cls.__parameters__))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        written = cls.__dict__.get('__orig_bases__')
        if written is None:
            # Protocol itself is the one class allowed to name Generic bare.
            if Generic in cls.__bases__ and cls.__module__ != __name__:
                raise TypeError("Cannot inherit from plain Generic")
            cls.__parameters__ = ()
            return
        if Generic in written:
            raise TypeError("Cannot inherit from plain Generic")
        found = _free_typevars(written)
        declared = [b for b in written if isinstance(b, _GenericAlias)
                    and b.__origin__ is Generic]
        if len(declared) > 1:
            raise TypeError("Cannot inherit from Generic[...] multiple times.")
        if declared:
            listed = declared[0].__parameters__
            missing = [tv for tv in found if tv not in listed]
            if missing:
                raise TypeError(
                    f"Some type variables ({', '.join(map(str, missing))}) "
                    f"are not listed in Generic[{', '.join(map(str, listed))}]")
            found = listed
        cls.__parameters__ = found


# Names every class has, or that the protocol machinery adds: they never
# count as members a protocol requires.
_NOT_MEMBERS = frozenset({
    '__abstractmethods__', '__annotations__', '__class_getitem__', '__dict__',
    '__doc__', '__init__', '__init_subclass__', '__match_args__',
    '__module__', '__new__', '__orig_bases__', '__parameters__',
    '__protocol_attrs__', '__qualname__', '__slots__', '__subclasshook__',
    '__weakref__', '_is_protocol', '_is_runtime_protocol',
})


def _members_of(proto):
    """Attribute names a class must provide to satisfy protocol `proto`."""
    names = []
    for klass in proto.__mro__:
        if klass is Protocol or klass is Generic or klass is object:
            continue
        for name in (*klass.__dict__, *klass.__dict__.get('__annotations__', ())):
            if (name not in names and name not in _NOT_MEMBERS
                    and not name.startswith('_abc_')):
                names.append(name)
    return names


def _is_protocol_class(cls):
    return cls.__dict__.get('_is_protocol', False)


class _ProtocolMeta(ABCMeta):
    """Structural isinstance()/issubclass() for runtime-checkable protocols;
    protocol classes themselves cannot be instantiated."""

    def __call__(cls, *args, **kwargs):
        if _is_protocol_class(cls):
            raise TypeError('Protocols cannot be instantiated')
        return super().__call__(*args, **kwargs)

    def _require_runtime(cls):
        if not cls._is_runtime_protocol:
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")

    def __instancecheck__(cls, instance):
        if cls is Protocol or not _is_protocol_class(cls):
            return super().__instancecheck__(instance)
        cls._require_runtime()
        # A nominal subclass (or registered one) always qualifies; asking
        # ABCMeta directly avoids our structural issubclass, which refuses
        # protocols with data members.
        if ABCMeta.__subclasscheck__(cls, type(instance)):
            return True
        for name in cls.__protocol_attrs__:
            if not hasattr(instance, name):
                return False
            # A method set to None explicitly opts out of the protocol.
            if getattr(instance, name) is None and \
                    callable(getattr(cls, name, None)):
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls is Protocol or not _is_protocol_class(cls):
            return super().__subclasscheck__(other)
        cls._require_runtime()
        members = cls.__protocol_attrs__
        if not all(callable(getattr(cls, name, None)) for name in members):
            raise TypeError("Protocols with non-method members don't support "
                            "issubclass()")
        if not isinstance(other, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if super().__subclasscheck__(other):
            return True
        return all(_provides(other, name) for name in members)


def _provides(klass, name):
    # The first definition along the MRO decides; None means "opted out".
    for base in klass.__mro__:
        if name in base.__dict__:
            return base.__dict__[name] is not None
    return False


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class of protocols, i.e. structural types:

        class SupportsClose(Protocol):
            def close(self) -> None: ...

    Any class with a close() method matches; decorate the protocol with
    @runtime_checkable to test that with isinstance()."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = Protocol in cls.__bases__
        if not cls._is_protocol:
            return
        for base in cls.__bases__:
            if not (base is object or base is Generic
                    or isinstance(base, _ProtocolMeta)
                    and _is_protocol_class(base)):
                raise TypeError('Protocols can only inherit from other '
                                'protocols, got %r' % base)
        cls.__protocol_attrs__ = _members_of(cls)


def runtime_checkable(cls):
    """Class decorator letting isinstance()/issubclass() check the protocol
    `cls` structurally (only for the presence of its members)."""
    if not (isinstance(cls, _ProtocolMeta) and _is_protocol_class(cls)):
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        'classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


AnyStr = TypeVar('AnyStr', bytes, str)


# ---------------------------------------------------------------------------
# NamedTuple

# Names a NamedTuple class body may not define: namedtuple() generates them.
_NAMEDTUPLE_RESERVED = frozenset({
    '__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
    '_field_defaults', '_make', '_replace', '_asdict', '_source'})
# Class-body entries that describe the class rather than add attributes.
_NAMEDTUPLE_SKIPPED = frozenset({'__module__', '__name__', '__annotations__',
                                 '__orig_bases__'})


def _namedtuple_class(typename, fields, module, defaults=()):
    hints = {name: _check_arg(tp, f"field {name} annotation must be a type")
             for name, tp in fields}
    cls = collections.namedtuple(typename, [name for name, _ in fields],
                                 defaults=defaults, module=module)
    cls.__annotations__ = hints
    return cls


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of collections.namedtuple():

        class Employee(NamedTuple):
            name: str
            id: int = 3

    or Employee = NamedTuple('Employee', [('name', str), ('id', int)]).
    Field types are kept in __annotations__."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided "
                        "to NamedTuple, not both")
    return _namedtuple_class(typename, list(fields), _caller_module())


class _NamedTupleMeta(type):
    """Turns a `class X(NamedTuple)` body into a namedtuple class."""

    def __new__(mcls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTupleBase and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and '
                                'Generic')
        fields = ns.get('__annotations__', {})
        with_default = []
        for name in fields:
            if name in ns:
                with_default.append(name)
            elif with_default:
                plural = 's' if len(with_default) > 1 else ''
                raise TypeError(f"Non-default namedtuple field {name} cannot "
                                f"follow default field{plural} "
                                f"{', '.join(with_default)}")
        cls = _namedtuple_class(typename, list(fields.items()),
                                ns.get('__module__'),
                                [ns[name] for name in with_default])
        for key, value in ns.items():
            if key in _NAMEDTUPLE_RESERVED:
                raise AttributeError("Cannot overwrite NamedTuple attribute "
                                     + key)
            if key not in _NAMEDTUPLE_SKIPPED and key not in cls._fields:
                setattr(cls, key, value)
        if Generic in bases:
            # A generic named tuple: the same class body over (tuple, Generic).
            body = {k: v for k, v in cls.__dict__.items()
                    if k not in ('__dict__', '__weakref__')}
            body['__orig_bases__'] = ns.get('__orig_bases__', bases)
            cls = type(typename, (tuple, Generic), body)
        return cls


_NamedTupleBase = type.__new__(_NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)


# ---------------------------------------------------------------------------
# TypedDict

def _key_is_required(tp, total):
    if isinstance(tp, _AnnotatedAlias):
        tp = tp.__origin__
    origin = getattr(tp, '__origin__', None)
    if origin is Required:
        return True
    if origin is NotRequired:
        return False
    return total


class _TypedDictMeta(type):
    """Builds TypedDict classes: plain dicts at runtime that record the
    declared keys, their types and which of them are required."""

    def __new__(mcls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        runtime_bases = (Generic, dict) if Generic in bases else (dict,)
        cls = type.__new__(_TypedDictMeta, name, runtime_bases, ns)
        module = ns.get('__module__')
        msg = ("TypedDict('Name', {f0: t0, f1: t1, ...}); f0, f1, ... must "
               "be types.")
        own = {key: _check_arg(tp, msg, module=module)
               for key, tp in ns.get('__annotations__', {}).items()}
        hints, required, optional = {}, set(), set()
        for base in bases:
            hints.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        hints.update(own)
        for key, tp in own.items():
            (required if _key_is_required(tp, total) else optional).add(key)
        cls.__annotations__ = hints
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total
        return cls

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class '
                        'checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with a fixed set of typed keys; at runtime its instances
    are plain dicts:

        class Point2D(TypedDict):
            x: int
            y: int

    or Point2D = TypedDict('Point2D', {'x': int, 'y': int})."""
    if fields is None:
        fields = kwargs
        if kwargs:
            import warnings
            warnings.warn("The kwargs-based syntax for TypedDict definitions "
                          "is deprecated in Python 3.11, will be removed in "
                          "Python 3.13, and may not be understood by "
                          "third-party type checkers.", DeprecationWarning,
                          stacklevel=2)
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
    ns = {'__annotations__': dict(fields)}
    module = _caller_module()
    if module is not None:
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDictBase = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDictBase,)


# ---------------------------------------------------------------------------
# NewType

class NewType:
    """A distinct name for an existing type, for type checkers only:
    UserId = NewType('UserId', int) makes UserId(5) return 5 unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition('.')[2]
        self.__supertype__ = tp
        module = _caller_module()
        if module is not None and module != __name__:
            self.__module__ = module

    def __call__(self, value, /):
        return value

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __mro_entries__(self, bases):
        # The message names the class being defined, which only exists once
        # the class statement runs: a throwaway base reports it from there.
        supertype_name = self.__name__

        class _Refuse:
            def __init_subclass__(cls):
                name = cls.__name__
                raise TypeError(f"Cannot subclass an instance of NewType. "
                                f"Perhaps you were looking for: `{name} = "
                                f"NewType({name!r}, {supertype_name})`")

        return (_Refuse,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---------------------------------------------------------------------------
# Functions

def cast(typ, val):
    """Tell the type checker that val has type typ; returns val unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask the type checker to confirm val has type typ; returns val."""
    return val


def assert_never(arg, /):
    """Mark code the type checker proves unreachable; raises if reached."""
    shown = repr(arg)
    if len(shown) > 100:
        shown = shown[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {shown}')


def reveal_type(obj, /):
    """Print the runtime type of obj to stderr and return obj."""
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


# module -> qualified name -> {first line: overload}; keyed by line so that
# re-running a definition replaces rather than duplicates it.
_overload_registry = {}


def _overload_dummy(*args, **kwargs):
    raise NotImplementedError(
        "You should not call an overloaded function. A series of "
        "@overload-decorated functions outside a stub module should always "
        "be followed by an implementation that is not @overload-ed.")


def overload(func):
    """Declare one signature of an overloaded function; the undecorated
    implementation must follow.  Calling the result raises."""
    target = getattr(func, '__func__', func)
    try:
        by_name = _overload_registry.setdefault(target.__module__, {})
        by_line = by_name.setdefault(target.__qualname__, {})
        by_line[target.__code__.co_firstlineno] = func
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload signatures recorded for func, in definition order."""
    target = getattr(func, '__func__', func)
    by_name = _overload_registry.get(target.__module__, {})
    return list(by_name.get(target.__qualname__, {}).values())


def clear_overloads():
    """Forget every recorded @overload signature."""
    _overload_registry.clear()


def final(f):
    """Mark a class or method as final for type checkers (sets
    __final__ = True where possible)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator: the annotations of a function, or of a class and its
    methods, are not type hints (get_type_hints() returns {})."""
    if isinstance(arg, type):
        for member in list(arg.__dict__.values()):
            if isinstance(member, types.FunctionType):
                member.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def get_origin(tp):
    """The unsubscripted form of tp: list for List[int], Union for
    Union[int, str], Annotated for Annotated[...]; None for plain types."""
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
    """The arguments of a subscripted type, e.g. (int, str) for
    Dict[int, str] and ([int], str) for Callable[[int], str]."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, types.GenericAlias)):
        args = tp.__args__
        if get_origin(tp) is _abc.Callable and args and args[0] is not ...:
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


def _resolve(tp, globalns, localns, seen=frozenset()):
    """tp with every forward reference in it evaluated."""
    if isinstance(tp, ForwardRef):
        return tp._evaluate(globalns, localns, seen)
    if isinstance(tp, (_GenericAlias, types.GenericAlias, types.UnionType)):
        args = tuple(_resolve(a, globalns, localns, seen)
                     for a in tp.__args__)
        if args == tp.__args__:
            return tp
        if isinstance(tp, _GenericAlias):
            return tp.copy_with(args)
        if isinstance(tp, types.GenericAlias):
            return types.GenericAlias(tp.__origin__, args)
        return functools.reduce(operator.or_, args)
    return tp


def _without_extras(tp):
    """tp stripped of Annotated, Required and NotRequired wrappers."""
    if isinstance(tp, _AnnotatedAlias):
        return _without_extras(tp.__origin__)
    if isinstance(tp, _GenericAlias):
        if tp.__origin__ is Required or tp.__origin__ is NotRequired:
            return _without_extras(tp.__args__[0])
        args = tuple(map(_without_extras, tp.__args__))
        return tp if args == tp.__args__ else tp.copy_with(args)
    return tp


# Objects without __annotations__ that still count as functions.
_FUNCTION_LIKE = (types.FunctionType, types.BuiltinFunctionType,
                  types.MethodType, types.ModuleType,
                  types.WrapperDescriptorType, types.MethodWrapperType,
                  types.MethodDescriptorType)


def _class_hints(cls, globalns, localns):
    hints = {}
    for klass in reversed(cls.__mro__):
        annotations = klass.__dict__.get('__annotations__', {})
        if not annotations:
            continue
        if globalns is None:
            home = sys.modules.get(klass.__module__)
            module_ns = getattr(home, '__dict__', {})
        else:
            module_ns = globalns
        class_ns = dict(vars(klass)) if localns is None else localns
        if globalns is None and localns is None:
            # As in CPython 3.11, module names take precedence over names
            # defined in the class body.
            evaluation = (class_ns, module_ns)
        else:
            evaluation = (module_ns, class_ns)
        for name, value in annotations.items():
            if isinstance(value, str):
                value = ForwardRef(value, is_argument=False, is_class=True)
            hints[name] = _resolve(_convert(value), *evaluation)
    return hints


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a module, class (merged along its MRO) or
    callable, with forward references evaluated and None replaced by
    NoneType.  Annotated/Required/NotRequired are stripped unless
    include_extras is true."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = _class_hints(obj, globalns, localns)
    else:
        annotations = getattr(obj, '__annotations__', None)
        if annotations is None:
            if isinstance(obj, _FUNCTION_LIKE):
                return {}
            raise TypeError(f'{obj!r} is not a module, class, method, or '
                            f'function.')
        is_module = isinstance(obj, types.ModuleType)
        if globalns is None:
            if is_module:
                globalns = obj.__dict__
            else:
                inner = obj
                while hasattr(inner, '__wrapped__'):
                    inner = inner.__wrapped__
                globalns = getattr(inner, '__globals__', {})
        if localns is None:
            localns = globalns
        hints = {}
        for name, value in annotations.items():
            if isinstance(value, str):
                value = ForwardRef(value, is_argument=not is_module)
            hints[name] = _resolve(_convert(value), globalns, localns)
    if include_extras:
        return hints
    return {name: _without_extras(tp) for name, tp in hints.items()}
