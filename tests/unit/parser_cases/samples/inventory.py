"""A small inventory program: every statement kind minipy parses, in ordinary use."""
from __future__ import annotations

import sys
import os.path as osp
from collections import defaultdict, namedtuple
from . import helpers
from ..pkg.mod import (alpha, beta as b,)

Item = namedtuple("Item", "name price qty")
TAX: float = 0.2
_registry: dict[str, "Item"] = {}
counter = 0


def register(cls=None, /, *, name: str | None = None, **options):
    """Class decorator with optional arguments."""
    def wrap(c):
        _registry[name or c.__name__] = c
        return c
    return wrap if cls is None else wrap(cls)


@register(name="store")
class Store(object, metaclass=type):
    currency = "€"

    def __init__(self, items=(), *extra, strict=False):
        self.items = [Item(*i) for i in items] + list(extra)
        self.strict = strict
        self._index = {it.name: it for it in self.items if it.qty > 0}

    @property
    def total(self) -> float:
        return sum(it.price * it.qty for it in self.items) * (1 + TAX)

    def __getitem__(self, key):
        try:
            return self._index[key]
        except KeyError as exc:
            raise LookupError(f"no item {key!r}") from exc
        finally:
            pass

    def report(self, width=10):
        lines = []
        for i, (name, price, qty) in enumerate(sorted(self.items), start=1):
            if qty == 0:
                continue
            elif qty < 0:
                break
            else:
                lines.append(f"{i:>3}. {name:<{width}} {price:8.2f}{self.currency} x{qty}")
        else:
            lines.append("-" * (width + 20))
        return "\n".join(lines)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    result = []
    for x in it:
        if len(result) >= n:
            return result
        result.append(x)
    return result


def delegate():
    got = yield from fib()
    return got


async def fetch(session, *urls, retries=3):
    async with session.lock as lock, session.timer():
        async for chunk in session.stream(urls):
            await lock.wait(chunk)
    results = [await session.get(u) async for u in urls if u]
    return {u: r for u, r in zip(urls, results)}


def closures():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    global counter
    counter = inc() ** 2 // 3 % 5 << 1 >> 1 | 2 ^ 3 & 4
    return inc, lambda *a, k=1, **kw: (a, k, kw)


def misc(x, y):
    assert x is not None and y not in (1, 2), "bad input"
    del x
    matrix = [[r * c for c in range(3)] for r in range(3)]
    flat = [v for row in matrix for v in row if v % 2 == 0 if v]
    first, *rest = flat or [None]
    pairs = {(a, b) for a in "ab" for b in b"cd"}
    value = first if first is not None else -1
    big = 0xFFFF_FFFF_FFFF_FFFF_FF + 0o777 + 0b1010 + 1_000_000 + 3.5e-3 + 2j
    text = r"\d+" "tail" '\x41\u00e9\N{BULLET}'
    sliced = flat[1:-1:2], flat[::-1], flat[:], matrix[0][1:]
    if (n := len(flat)) > 3 and not rest:
        pass
    with open(osp.join("a", "b")) as fh, open("c") as (gh):
        data = fh.read(); gh.write(data)
    return big, text, sliced, value, pairs, n, ..., None, True, False


if __name__ == "__main__":
    store = Store([("apple", 1.25, 3), ("pear", 2, 0)], strict=True)
    print(store.report(), store.total, sep="\n", file=sys.stdout)
    print(take(10, fib()), *closures(), **{"end": "\n"})
