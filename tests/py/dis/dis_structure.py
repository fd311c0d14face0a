# Structural checks of dis on minipy's own bytecode: properties that hold for any correct
# disassembly (so CPython 3.11 prints the same and produced the .exp): jump targets are
# instruction offsets, LOAD_CONST values come from co_consts, names from co_names/co_varnames,
# line numbers stay inside the function, Bytecode and get_instructions agree, and the
# errors of dis.dis / dis.stack_effect.
import dis
import io
import json
import textwrap
import types


def sample(n, *args, key=None, **kw):
    total = 0
    for i in range(n):
        if i % 3 == 0 and key:
            continue
        try:
            total += i / (i - 2)
        except ZeroDivisionError as e:
            total -= 1
        finally:
            total += 0
    while total > 10:
        total //= 2
    return [x * 2 for x in args if x], {k: v for k, v in kw.items()}, total


def gen(xs):
    yield 0
    yield from xs
    return (yield)


async def coro(aw):
    async with aw as a:
        async for x in a:
            await x
    return await aw


class Klass:
    attr = 1

    def method(self, y):
        return self.attr + y

    @staticmethod
    def smethod(z):
        return lambda w: z + w


def closure():
    cell = 1

    def inner():
        nonlocal cell
        cell += 1
        return cell
    return inner


def all_code(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            yield from all_code(c)


def check(co):
    instrs = list(dis.get_instructions(co))
    offsets = {i.offset for i in instrs}
    jumps_ok = all(i.argval in offsets for i in instrs if i.opcode in dis.hasjabs + dis.hasjrel)
    consts_ok = all(any(i.argval is c or i.argval == c for c in co.co_consts)
                    for i in instrs if i.opcode in dis.hasconst)
    names_ok = all(i.argval in co.co_names for i in instrs if i.opcode in dis.hasname)
    locals_ok = all(i.argval in co.co_varnames for i in instrs if i.opcode in dis.haslocal)
    free_ok = all(i.argval in co.co_cellvars + co.co_freevars + co.co_varnames
                  for i in instrs if i.opcode in dis.hasfree)
    lines = [i.starts_line for i in instrs if i.starts_line is not None]
    last = max(line for _, _, line in co.co_lines() if line is not None)
    # (CPython numbers a module's RESUME line 0.)
    lines_ok = bool(lines) and all(co.co_firstlineno <= line <= last for line in lines if line)
    ordered = [i.offset for i in instrs] == sorted(offsets)
    targets_marked = all(i.is_jump_target for i in instrs
                         if any(j.argval == i.offset for j in instrs
                                if j.opcode in dis.hasjabs + dis.hasjrel))
    # Bytecode also marks exception handlers as jump targets; get_instructions does not.
    same = [tuple(i)[:7] for i in dis.Bytecode(co)] == [tuple(i)[:7] for i in instrs]
    names = all(dis.opname[i.opcode] == i.opname and dis.opmap[i.opname] == i.opcode for i in instrs)
    return [jumps_ok, consts_ok, names_ok, locals_ok, free_ok, lines_ok, ordered, targets_marked, same, names]


for obj in [sample, gen, coro, Klass.method, Klass.smethod, closure, json.dumps, textwrap.dedent]:
    code = obj.__code__
    results = [all(col) for col in zip(*(check(c) for c in all_code(code)))]
    print(obj.__name__, results)

src = 'x = 1\nfor i in range(3):\n    x += i\nprint(x)\n'
print('source', all(all(check(c)) for c in all_code(compile(src, '<src>', 'exec'))))

co = sample.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames[:5], co.co_firstlineno - sample.__code__.co_firstlineno)
print(type(co.co_code).__name__, len(co.co_code) > 0, isinstance(co.co_consts, tuple), isinstance(co.co_names, tuple))
print(gen.__code__.co_flags & 0x20 != 0, coro.__code__.co_flags & 0x80 != 0, closure.__code__.co_cellvars, closure().__code__.co_freevars)
lines = list(dis.findlinestarts(co))
print(all(isinstance(o, int) and isinstance(n, int) for o, n in lines), [o for o, _ in lines] == sorted(o for o, _ in lines))
print(set(dis.findlabels(co.co_code)) <= {i.offset for i in dis.get_instructions(co)})
b = dis.Bytecode(sample)
print(b.codeobj is co, b.first_line == co.co_firstlineno, repr(b).startswith('Bytecode(<function sample'), 'Name:              sample' in b.info())
first = min(i.starts_line for i in dis.Bytecode(sample) if i.starts_line)
print(dis.Bytecode(sample, first_line=100).first_line,
      min(i.starts_line for i in dis.Bytecode(sample, first_line=100) if i.starts_line) - 100 == first - co.co_firstlineno)
text = b.dis()
print(text.count('\n') >= len(list(b)), '-->' in dis.Bytecode(sample, current_offset=0).dis())
out = io.StringIO()
dis.dis(sample, file=out)
print(out.getvalue().split()[0] == str(first), 'Disassembly of <code object <listcomp>' in out.getvalue())
out = io.StringIO()
dis.dis(Klass, file=out)
print([line for line in out.getvalue().splitlines() if line.startswith('Disassembly of')][:2])
out = io.StringIO()
dis.dis(sample, file=out, depth=0)
print('Disassembly of' in out.getvalue())
out = io.StringIO()
dis.dis('a + b', file=out)
print('LOAD_NAME' in out.getvalue(), '(a)' in out.getvalue(), '(b)' in out.getvalue())
out = io.StringIO()
dis.dis(gen(()), file=out)
print('YIELD_VALUE' in out.getvalue())
c = coro(None)
out = io.StringIO()
dis.dis(c, file=out)
c.close()
print('RETURN_VALUE' in out.getvalue())
print(dis.code_info(sample).splitlines()[0], dis.code_info(gen).splitlines()[-1] != '', dis.pretty_flags(0x23), dis.pretty_flags(0x80 | 0x1000))
out = io.StringIO()
dis.show_code(closure, file=out)
print('Cell variables:' in out.getvalue(), '   0: cell' in out.getvalue())
print(dis.stack_effect(dis.opmap['POP_TOP']), dis.stack_effect(dis.opmap['LOAD_CONST'], 0), dis.stack_effect(dis.opmap['BUILD_TUPLE'], 3),
      dis.stack_effect(dis.opmap['RETURN_VALUE']), dis.stack_effect(dis.opmap['BINARY_OP'], 0))
print(dis.cmp_op[:6], 'LOAD_CONST' in dis.opname, dis.opmap['LOAD_CONST'] in dis.hasconst, dis.opmap['LOAD_FAST'] in dis.haslocal)
i = next(iter(dis.get_instructions(sample)))
print(i._fields, type(i.positions).__name__)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: dis.dis(42))
show(lambda: dis.dis(object()))
show(lambda: list(dis.get_instructions(3.5)))
show(lambda: dis.Bytecode(None))
show(lambda: dis.code_info([]))
show(lambda: dis.stack_effect(dis.opmap['POP_TOP'], 1))
show(lambda: dis.stack_effect(dis.opmap['LOAD_CONST']))
show(lambda: dis.stack_effect(dis.opmap['LOAD_CONST'], None))
show(lambda: dis.stack_effect(dis.opmap['LOAD_CONST'], -1))
show(lambda: dis.stack_effect(dis.opmap['BUILD_TUPLE'], -1))
show(lambda: dis.stack_effect('x'))
show(lambda: dis.dis('1 +'))
