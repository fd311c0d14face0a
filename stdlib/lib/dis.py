"""Disassembler of minipy bytecode, in the spirit of CPython's dis module.

minipy's instruction set is its own (interpreter/vm/opcodes.def, described in
docs/bytecode.md), so the listings differ from CPython's, but the interface is
the same: dis(), disassemble(), get_instructions(), Bytecode, Instruction,
code_info(), show_code(), findlinestarts(), findlabels(), stack_effect().

Each instruction is one 32-bit code unit (opcode in the low 8 bits, argument
in the high 24); offsets here are in bytes, as in CPython, so they step by 4,
or by 8 over an instruction followed by its inline-cache slot.
"""
import collections
import sys
import types

import _opcode
from _opcode import (opname, opmap, hasarg, hasconst, hasname, haslocal,
                     hasfree, hascompare, hasjabs, hasjrel, cmp_op)

__all__ = ['code_info', 'dis', 'disassemble', 'distb', 'disco',
           'findlinestarts', 'findlabels', 'show_code', 'get_instructions',
           'Instruction', 'Bytecode', 'Positions', 'stack_effect',
           'opname', 'opmap', 'hasarg', 'hasconst', 'hasname', 'haslocal',
           'hasfree', 'hascompare', 'hasjabs', 'hasjrel', 'cmp_op',
           'COMPILER_FLAG_NAMES']

_UNIT = _opcode.CODE_UNIT_SIZE
_KIND = _opcode.operand_kind
_CACHES = _opcode.inline_cache_entries
_NB_OPS = _opcode.binary_op_symbols
_INPLACE_OP = opmap['INPLACE_OP']
_FORMAT_CONVERSIONS = ('', 'str', 'repr', 'ascii')
_MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

COMPILER_FLAG_NAMES = {
    1: 'OPTIMIZED',
    2: 'NEWLOCALS',
    4: 'VARARGS',
    8: 'VARKEYWORDS',
    16: 'NESTED',
    32: 'GENERATOR',
    64: 'NOFREE',
    128: 'COROUTINE',
    256: 'ITERABLE_COROUTINE',
    512: 'ASYNC_GENERATOR',
}


def stack_effect(opcode, oparg=None, *, jump=None):
    """Net change of the stack depth caused by an instruction.

    jump=True gives the effect when a conditional jump is taken, False when
    it is not, None the larger of the two.
    """
    return _opcode.stack_effect(opcode, oparg, jump=jump)


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ', '.join(names)


Positions = collections.namedtuple(
    'Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4)

_Instruction = collections.namedtuple(
    '_Instruction',
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
     'is_jump_target', 'positions'],
    defaults=[None])


class Instruction(_Instruction):
    """Details for a bytecode operation.

       opname - human readable name for operation
       opcode - numeric code for operation
       arg - numeric argument to operation (if any), otherwise None
       argval - resolved arg value (if known), otherwise same as arg
       argrepr - human readable description of operation argument
       offset - start index of operation within bytecode sequence, in bytes
       starts_line - line started by this opcode (if any), otherwise None
       is_jump_target - True if other code jumps to here, otherwise False
       positions - Positions of the source this instruction came from
    """
    __slots__ = ()

    def _disassemble(self, lineno_width=3, mark_as_current=False,
                     offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(str(self.starts_line).rjust(lineno_width))
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def _code_units(code):
    """The 32-bit code units of co_code (or of a code object)."""
    if hasattr(code, 'co_code'):
        code = code.co_code
    return [int.from_bytes(code[i:i + _UNIT], sys.byteorder)
            for i in range(0, len(code), _UNIT)]


def _unit_offsets(units):
    """Code-unit indices of the instructions, skipping inline-cache units."""
    pc = 0
    while pc < len(units):
        yield pc
        pc += 1 + _CACHES[units[pc] & 0xff]


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets.

    Return the list of offsets.
    """
    units = _code_units(code)
    labels = []
    for pc in _unit_offsets(units):
        op = units[pc] & 0xff
        if op in hasjabs:
            label = (units[pc] >> 8) * _UNIT
            if label not in labels:
                labels.append(label)
    return labels


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Generate pairs (offset, lineno).
    """
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def _localsplus_names(co):
    return co.co_varnames + co.co_cellvars + co.co_freevars


def _get_argval_argrepr(co, op, arg):
    """(argval, argrepr) of an instruction's argument."""
    kind = _KIND[op]
    if kind == 'const':
        argval = co.co_consts[arg]
        return argval, repr(argval)
    if kind == 'local':
        argval = co.co_varnames[arg]
        return argval, argval
    if kind == 'deref':
        argval = _localsplus_names(co)[arg]
        return argval, argval
    if kind == 'name':
        argval = co.co_names[arg]
        return argval, argval
    if kind == 'jump':
        argval = arg * _UNIT
        return argval, 'to ' + repr(argval)
    if kind == 'binary':
        symbol = _NB_OPS[arg]
        return arg, symbol + '=' if op == _INPLACE_OP else symbol
    if kind == 'compare':
        return cmp_op[arg], cmp_op[arg]
    if kind == 'format':
        argval = ((None, str, repr, ascii)[arg & 3], bool(arg & 4))
        argrepr = _FORMAT_CONVERSIONS[arg & 3]
        if arg & 4:
            argrepr = (argrepr + ', ' if argrepr else '') + 'with format'
        return argval, argrepr
    if kind == 'make_function':
        return arg, ', '.join(name for i, name in
                              enumerate(_MAKE_FUNCTION_FLAGS) if arg & (1 << i))
    return arg, ''


def _get_instructions_bytes(co, linestarts, first_line_delta=0):
    units = _code_units(co)
    labels = set(findlabels(co))
    for start, end, target, depth, level in _opcode.exception_table(co):
        labels.add(target * _UNIT)
    positions = list(co.co_positions())
    for pc in _unit_offsets(units):
        offset = pc * _UNIT
        op = units[pc] & 0xff
        starts_line = linestarts.get(offset)
        if starts_line is not None:
            starts_line += first_line_delta
        if _KIND[op] == 'none':
            arg = None
            argval, argrepr = None, ''
        else:
            arg = units[pc] >> 8
            argval, argrepr = _get_argval_argrepr(co, op, arg)
        yield Instruction(opname[op], op, arg, argval, argrepr, offset,
                          starts_line, offset in labels,
                          Positions(*positions[pc]))


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, '__func__'):      # method
        x = x.__func__
    if hasattr(x, '__code__'):      # function
        x = x.__code__
    elif hasattr(x, 'gi_code'):     # generator
        x = x.gi_code
    elif hasattr(x, 'ag_code'):     # asynchronous generator
        x = x.ag_code
    elif hasattr(x, 'cr_code'):     # coroutine
        x = x.cr_code
    if isinstance(x, str):
        x = compile(x, '<dis>', 'exec')
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def get_instructions(x, *, first_line=None, show_caches=False,
                     adaptive=False):
    """Iterator for the opcodes in methods, functions or code.

    Generates a series of Instruction named tuples giving the details of
    each operation in the supplied code.

    If first_line is not None, it indicates the line number that should
    be reported for the first source line in the disassembled code.
    Otherwise, the source line information (if any) is taken directly from
    the disassembled code object.
    """
    co = _get_code_object(x)
    linestarts = dict(findlinestarts(co))
    delta = 0 if first_line is None else first_line - co.co_firstlineno
    return _get_instructions_bytes(co, linestarts, delta)


def _exception_table_lines(co, instructions):
    """CPython's 'start to end -> target [depth]' lines; end is the offset
    of the last protected instruction. minipy adds the nesting level."""
    offsets = [i.offset for i in instructions]
    lines = []
    for start, end, target, depth, level in _opcode.exception_table(co):
        last = max((o for o in offsets if o < end * _UNIT),
                   default=start * _UNIT)
        lines.append('  %d to %d -> %d [%d] level %d' %
                     (start * _UNIT, last, target * _UNIT, depth, level))
    return lines


def _disassemble_bytes(co, lasti=-1, file=None, first_line_delta=0):
    linestarts = dict(findlinestarts(co))
    instructions = list(_get_instructions_bytes(co, linestarts,
                                                first_line_delta))
    show_lineno = bool(linestarts)
    if show_lineno:
        maxlineno = max(linestarts.values()) + first_line_delta
        lineno_width = max(3, len(str(maxlineno)))
    else:
        lineno_width = 0
    offset_width = max(4, len(str(len(co.co_code) - _UNIT)))
    for instr in instructions:
        new_source_line = (show_lineno and instr.starts_line is not None
                           and instr.offset > 0)
        if new_source_line:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti,
                                 offset_width), file=file)
    table = _exception_table_lines(co, instructions)
    if table:
        print('ExceptionTable:', file=file)
        for line in table:
            print(line, file=file)


def _disassemble_recursive(co, *, file=None, depth=None):
    _disassemble_bytes(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print('Disassembly of %r:' % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


def disassemble(co, lasti=-1, *, file=None, show_caches=False,
                adaptive=False):
    """Disassemble a code object."""
    _disassemble_bytes(_get_code_object(co), lasti, file=file)


disco = disassemble


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects.

    With no argument, disassemble the last traceback.

    Compiled objects currently include generator objects, async generator
    objects, and coroutine objects, all of which store their code object
    in a special attribute.
    """
    if x is None:
        distb(file=file)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if hasattr(x, '__dict__') and not hasattr(x, 'co_code'):
        # A class or module: each function, method and nested class in it.
        for name, x1 in sorted(x.__dict__.items()):
            if isinstance(x1, (staticmethod, classmethod)):
                x1 = x1.__func__
            if isinstance(x1, _have_code):
                print('Disassembly of %s:' % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print('Sorry:', msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, str):
        _disassemble_recursive(_get_code_object(x), file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError('no last traceback to disassemble') from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


_have_code = (types.MethodType, types.FunctionType, types.CodeType,
              classmethod, staticmethod, type)


def _format_code_info(co):
    lines = []
    lines.append('Name:              %s' % co.co_name)
    lines.append('Filename:          %s' % co.co_filename)
    lines.append('Argument count:    %s' % co.co_argcount)
    lines.append('Positional-only arguments: %s' % co.co_posonlyargcount)
    lines.append('Kw-only arguments: %s' % co.co_kwonlyargcount)
    lines.append('Number of locals:  %s' % co.co_nlocals)
    lines.append('Stack size:        %s' % co.co_stacksize)
    lines.append('Flags:             %s' % pretty_flags(co.co_flags))
    for title, items, fmt in (('Constants:', co.co_consts, '%4d: %r'),
                              ('Names:', co.co_names, '%4d: %s'),
                              ('Variable names:', co.co_varnames, '%4d: %s'),
                              ('Free variables:', co.co_freevars, '%4d: %s'),
                              ('Cell variables:', co.co_cellvars, '%4d: %s')):
        if items:
            lines.append(title)
            lines.extend(fmt % i_item for i_item in enumerate(items))
    return '\n'.join(lines)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*.

    If *file* is not provided, the output is printed on stdout.
    """
    print(code_info(co), file=file)


class Bytecode:
    """The bytecode operations of a piece of code.

    Instantiate this with a function, method, other compiled object, string
    of code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction
    instances.
    """
    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _get_instructions_bytes(self.codeobj, self._linestarts,
                                       self._line_offset)

    def __repr__(self):
        return '{}({!r})'.format(self.__class__.__name__,
                                 self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """ Construct a Bytecode from the given traceback """
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        import io
        offset = -1 if self.current_offset is None else self.current_offset
        with io.StringIO() as output:
            _disassemble_bytes(self.codeobj, offset, output,
                               self._line_offset)
            return output.getvalue()


def _test():
    """Simple test program to disassemble a file."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument('infile', type=argparse.FileType('rb'), nargs='?',
                        default='-')
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    code = compile(source, args.infile.name, 'exec')
    dis(code)


if __name__ == '__main__':
    _test()
