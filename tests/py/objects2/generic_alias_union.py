# list[int] | None and friends: unions of generic aliases (PEP 604), as annotations use them.
import typing


def f(x: list[int] | None = None) -> dict[str, int] | None:
    return x


print(f(), f.__annotations__)
u = list[int] | None
print(u, type(u).__name__, u.__args__, None | dict[str, int], int | list[str], list[int] | list[int])
print(u == (None | list[int]), hash(u) == hash(list[int] | None), (list[int] | int) | str)
print(isinstance(None, int | None), typing.get_args(list[int] | None), typing.get_origin(list[int] | None) is not None)
try:
    list[int] | 5
except TypeError as e:
    print('TypeError', e)
try:
    isinstance([], list[int] | None)
except TypeError as e:
    print('TypeError', e)
