# The _opcode module behind dis: minipy's opcode table (interpreter/vm/opcodes.def) as seen
# from Python. minipy-specific, so opcode_table.exp was written by hand from opcodes.def,
# not produced by CPython.
import _opcode
import dis

print(len(_opcode.opname), _opcode.opname[-1], _opcode.CODE_UNIT_SIZE, _opcode.hasjrel)
print(all(_opcode.opname[code] == name for name, code in _opcode.opmap.items()), len(_opcode.operand_kind) == len(_opcode.opmap))
print([_opcode.opname[op] for op in _opcode.hasexit])
print(sorted(_opcode.opname[op] for op, n in enumerate(_opcode.inline_cache_entries) if n))
print(sorted(_opcode.opname[op] for op in _opcode.hasjabs))
print(sorted(_opcode.opname[op] for op in _opcode.hascompare), sorted(_opcode.opname[op] for op in _opcode.haslocal))
print(_opcode.binary_op_symbols, _opcode.cmp_op)
kinds = {_opcode.opname[op]: kind for op, kind in enumerate(_opcode.operand_kind)}
print(kinds['LOAD_CONST'], kinds['LOAD_FAST'], kinds['LOAD_DEREF'], kinds['LOAD_GLOBAL'], kinds['FOR_ITER'], kinds['CALL'],
      kinds['BINARY_OP'], kinds['COMPARE_OP'], kinds['IS_OP'], kinds['UNPACK_EX'], kinds['FORMAT_VALUE'], kinds['MAKE_FUNCTION'], kinds['NOP'])
op = _opcode.opmap
print(dis.stack_effect(op['POP_JUMP_IF_FALSE'], 0), dis.stack_effect(op['JUMP_IF_TRUE_OR_POP'], 0, jump=True),
      dis.stack_effect(op['JUMP_IF_TRUE_OR_POP'], 0, jump=False), dis.stack_effect(op['JUMP_IF_TRUE_OR_POP'], 0))
print(dis.stack_effect(op['FOR_ITER'], 0, jump=False), dis.stack_effect(op['FOR_ITER'], 0, jump=True), dis.stack_effect(op['FOR_ITER'], 0))
print(dis.stack_effect(op['BUILD_MAP'], 3), dis.stack_effect(op['CALL'], 2), dis.stack_effect(op['UNPACK_EX'], 1 | 2 << 8),
      dis.stack_effect(op['MAKE_FUNCTION'], 9), dis.stack_effect(op['RAISE_VARARGS'], 2))


def f(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return None


table = _opcode.exception_table(f.__code__)
print(len(table) > 0, all(len(entry) == 5 and entry[0] < entry[1] for entry in table), _opcode.exception_table((lambda: 0).__code__))


def show(g):
    try:
        print(repr(g()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: _opcode.exception_table(f))
show(lambda: _opcode.exception_table())
show(lambda: _opcode.exception_table(f.__code__, 1))
show(lambda: _opcode.stack_effect(-1))
show(lambda: _opcode.stack_effect(len(_opcode.opmap)))
show(lambda: _opcode.stack_effect(op['NOP'], jump=2))
show(lambda: _opcode.stack_effect(op['CALL'], 'x'))
show(lambda: _opcode.stack_effect(op['CALL'], 2 ** 40))
show(lambda: _opcode.stack_effect(opcode=op['NOP']))
show(lambda: _opcode.stack_effect(op['NOP'], None, None))
