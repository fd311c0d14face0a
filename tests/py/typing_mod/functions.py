# typing's functions: get_type_hints (forward refs, classes, include_extras, errors),
# ForwardRef, cast, overload, final, no_type_check, assert_never, reveal_type, TYPE_CHECKING.
import io
import sys
import types
import typing
from typing import (Annotated, Any, ClassVar, Dict, Final, ForwardRef, List, Optional, Tuple, TypeVar,
                    Union, assert_never, cast, final, get_type_hints, no_type_check, overload, reveal_type)

from _util import show

T = TypeVar('T')

print('--- get_type_hints')


class Node:
    value: int
    next: 'Optional[Node]' = None
    tags: List['str']
    cv: ClassVar[int] = 0
    fin: Final = 1
    ann: Annotated[int, 'meta']
    fwd_list: 'List[Node]'
    nothing: None


class Child(Node):
    extra: 'Dict[str, Node]'
    value: str


def func(a: int, b: 'List[Node]', c=None, *, d: Annotated[int, 'x'] = 1, e: None = None) -> 'Child':
    pass


def no_ann(x, y):
    pass


def with_default_none(x: int = None):
    pass


def nested_ann(x: List[Annotated[int, 'a']], y: Optional[Annotated['Node', 'b']]) -> Annotated[Tuple[int, ...], 1]:
    pass


print(get_type_hints(Node))
print(get_type_hints(Node, include_extras=True))
print(get_type_hints(Child))
print(get_type_hints(func))
print(get_type_hints(func, include_extras=True))
print(get_type_hints(no_ann), get_type_hints(with_default_none), get_type_hints(lambda x: x))
print(get_type_hints(nested_ann))
print(get_type_hints(nested_ann, include_extras=True))
print(get_type_hints(len), get_type_hints(object), get_type_hints(int), get_type_hints(Node.__init__))


class Method:
    def m(self, x: 'int') -> 'Method':
        pass


print(get_type_hints(Method.m), get_type_hints(Method().m))


def local_scope():
    class Local:
        pass

    def f(x: 'Local') -> None:
        pass
    show('local unresolved', lambda: get_type_hints(f))
    print(get_type_hints(f, localns={'Local': Local}) == {'x': Local, 'return': type(None)})
    print(get_type_hints(f, globalns={'Local': int}))


local_scope()
mod = types.ModuleType('fake')
mod.__annotations__ = {'x': 'int', 'y': List[int]}
print(get_type_hints(mod))
ns_mod = types.ModuleType('empty')
print(get_type_hints(ns_mod))
for label, f in [
        ('missing name', lambda: get_type_hints(type('Y', (), {'__annotations__': {'a': 'Missing'}}))),
        ('syntax error', lambda: get_type_hints(type('Y', (), {'__annotations__': {'a': 'List['}}))),
        ('bad value', lambda: get_type_hints(type('Y', (), {'__annotations__': {'a': '3'}}))),
        ('not a function', lambda: get_type_hints(3)),
        ('string object', lambda: get_type_hints('x')),
        ]:
    show(label, f)

print('--- ForwardRef')
fr = ForwardRef('List[int]')
print(fr, fr.__forward_arg__, fr == ForwardRef('List[int]'), fr == ForwardRef('int'),
      hash(fr) == hash(ForwardRef('List[int]')), {fr: 1}[ForwardRef('List[int]')],
      List['X'].__args__, Optional['X'], Union['X', 'Y'], Dict['K', 'V'].__args__)
print(ForwardRef('X', module='m'), ForwardRef('int') | None, fr.__forward_module__, fr == 'List[int]')
show('ForwardRef(3)', lambda: ForwardRef(3))
show('ForwardRef syntax', lambda: ForwardRef('1 +'))

print('--- cast and friends')
print(cast(int, 'x'), cast('int', 1), cast(List[int], None), typing.TYPE_CHECKING)


@overload
def ov(x: int) -> int: ...


@overload
def ov(x: str) -> str: ...


def ov(x):
    return x


@overload
def only(x: int) -> int: ...


print(ov(1), ov('a'))
show('call overload', lambda: only(1))


@final
class Sealed:
    @final
    def meth(self):
        pass


print(Sealed.__final__, Sealed.meth.__final__, final(3), final(len) is len)


@no_type_check
class NoCheck:
    x: 'not a type'

    def meth(self, a: 'garbage') -> 'also':
        pass


@no_type_check
def nc(a: 'x y'):
    pass


print(NoCheck.__no_type_check__, NoCheck.meth.__no_type_check__, nc.__no_type_check__,
      get_type_hints(nc), no_type_check(nc) is nc)
show('assert_never', lambda: assert_never(5))
show('assert_never long', lambda: assert_never('x' * 200))
old = sys.stderr
sys.stderr = io.StringIO()
try:
    r = reveal_type([1, 2])
    out = sys.stderr.getvalue()
finally:
    sys.stderr = old
print(r, repr(out))
print(typing.TYPE_CHECKING, sorted(set(typing.__all__) & {'cast', 'List', 'Any', 'NamedTuple'}))

print('--- overload registry and assert_type')


@overload
def reg(x: int) -> int: ...


@overload
def reg(x: str) -> str: ...


def reg(x):
    return x


class WithOverloads:
    @overload
    def meth(self, x: int) -> int: ...

    @overload
    def meth(self, x: str) -> str: ...

    def meth(self, x):
        return x


print([f.__annotations__ for f in typing.get_overloads(reg)], len(typing.get_overloads(WithOverloads.meth)),
      typing.get_overloads(len), typing.get_overloads(no_ann))
typing.clear_overloads()
print(typing.get_overloads(reg), typing.assert_type(5, int), typing.assert_type('s', 'str'))

print('--- name lookup order in class hints')
X = int


class Shadow:
    X = str
    Y = bytes
    a: 'X'
    b: 'Y'
    c: 'List[Y]'


print(get_type_hints(Shadow))
show('localns given', lambda: get_type_hints(Shadow, localns={'X': float}))
show('localns given 2', lambda: get_type_hints(Shadow, localns={'X': float, 'Y': int, 'List': List}))
show('globalns given', lambda: get_type_hints(Shadow, globalns={'X': complex, 'List': List}))


class Qualifiers:
    a: 'ClassVar[int]'
    b: 'Final[int]'
    c: 'Final'


def qual_arg(x: 'ClassVar[int]'):
    pass


def final_arg(x: 'Final[int]'):
    pass


print(get_type_hints(Qualifiers))
show('ClassVar in function', lambda: get_type_hints(qual_arg))
show('Final in function', lambda: get_type_hints(final_arg))


def wrapper_target(x: 'List[int]'):
    pass


def wrapper(*a):
    pass


wrapper.__wrapped__ = wrapper_target
wrapper.__annotations__ = {'y': 'List[str]'}
print(get_type_hints(wrapper))
