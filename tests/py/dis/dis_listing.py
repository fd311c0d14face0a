# Golden listings of minipy's own bytecode. minipy's instruction set differs from CPython's,
# so dis_listing.exp was NOT produced by CPython: it is minipy's output, checked by hand
# against interpreter/vm/opcodes.def and docs/bytecode.md (offsets in bytes, 8 over a cached
# instruction; jump targets marked >>; a blank line before each new source line; nested code
# objects disassembled after their parent; the exception table at the end). Addresses in
# code-object reprs are replaced by 0x..., and the script's folder is taken out of their file
# names (absolute, as in CPython), so the output is deterministic.
import dis
import io
import os
import re

HERE = os.path.dirname(__file__) + '/'


def show(x, **kw):
    out = io.StringIO()
    dis.dis(x, file=out, **kw)
    print(re.sub(r'0x[0-9a-f]+', '0x...', out.getvalue().replace(HERE, '')), end='')
    print('-' * 20)


show(lambda: a + b)


def branches(n):
    if n > 0:
        return 'pos'
    while n < 0:
        n += 1
    return n


show(branches)


def gen(xs):
    for x in xs:
        yield x * 2


show(gen)


async def coro(a):
    return await a


show(coro)


def guarded(f):
    try:
        return f()
    except ValueError as e:
        return str(e)


show(guarded)


def outer(x):
    def inner(y):
        return x + y
    return inner


show(outer)


class Point:
    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)


show(Point)
show('total = sum(v for v in (1, 2))')
show(outer, depth=0)
for ins in dis.get_instructions(branches):
    print(ins.opname, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.offset, ins.starts_line, ins.is_jump_target)
