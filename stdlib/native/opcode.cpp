// The _opcode module: vm/opcodes.def made visible to Python, for the dis module (stdlib/lib/dis.py).
//
// minipy's instructions differ from CPython's: one 32-bit code unit each (opcode in the low 8
// bits, argument in the high 24), jump arguments are absolute code-unit offsets, and an
// instruction with an inline cache is followed by one extra code unit (its cache slot index).
// Python sees co_code as the raw code units; dis offsets are in bytes like CPython's.
#include <cstdint>
#include <string>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"
#include "vm/opcodes.h"

namespace minipy {

namespace {

// Python-level names of the operand kinds (vm/opcodes.h), in enum order.
const char* const kOperandKindNames[] = {
    "none", "const", "local", "deref", "name", "jump", "count",
    "binary", "compare", "flag", "unpack_ex", "format", "make_function",
};
static_assert(sizeof kOperandKindNames / sizeof *kOperandKindNames == kOpMakeFn + 1,
              "one name per OperandKind");

// The opcodes whose operand kind or flag satisfies `pred`, as a list (CPython's hasconst, ...).
template <typename Pred>
List* opcodes_where(Pred pred) {
  List* out = list_new();
  for (int op = 0; op < kOpcodeCount; op++) {
    if (pred(static_cast<Opcode>(op))) list_append(out, Value::small_int(op));
  }
  return out;
}

List* opcodes_of_kind(OperandKind kind) {
  return opcodes_where([kind](Opcode op) { return kOpcodeOperandKinds[op] == kind; });
}

List* str_list(const char* const* names, int n) {
  List* out = list_new(n);
  for (int i = 0; i < n; i++) list_append(out, str_from_ascii(names[i]));
  return out;
}

// stack_effect(opcode, oparg=None, /, *, jump=None), as dis.stack_effect.
Value opcode_stack_effect_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"stack_effect", {"opcode", "oparg", "jump"}, 2, 1, 2};
  Value v[3] = {};
  if (!bind_args(sig, args, nargs, kwnames, v)) return Value();
  if (!int_check(v[0])) {
    return raise(&exc_TypeError, "'" + std::string(type_name(v[0])) + "' object cannot be interpreted as an integer");
  }
  int64_t op;
  if (!int_to_i64(v[0], &op) || op < 0 || op >= kOpcodeCount) return raise(&exc_ValueError, "invalid opcode or oparg");
  bool takes_arg = kOpcodeOperandKinds[op] != kOpNone;
  bool has_oparg = v[1] && !is_none(v[1]);
  if (has_oparg && !takes_arg) {
    return raise(&exc_ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  if (!has_oparg && takes_arg) {
    return raise(&exc_ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
  }
  int64_t oparg = 0;
  if (has_oparg) {
    if (!int_check(v[1])) {
      return raise(&exc_TypeError, "'" + std::string(type_name(v[1])) + "' object cannot be interpreted as an integer");
    }
    // Like CPython, any C int is accepted: the effect formulas work on the signed value.
    if (!int_to_i64(v[1], &oparg) || oparg < INT32_MIN || oparg > INT32_MAX) {
      return raise(&exc_OverflowError, "Python int too large to convert to C int");
    }
  }
  Opcode code = static_cast<Opcode>(op);
  uint32_t a = static_cast<uint32_t>(static_cast<int32_t>(oparg));
  int fall = opcode_stack_effect(code, a, false);
  int jump = opcode_stack_effect(code, a, true);
  if (!v[2] || is_none(v[2])) return Value::small_int(fall > jump ? fall : jump);
  int truth = is_true(v[2]);
  if (truth < 0) return Value();
  return Value::small_int(truth ? jump : fall);
}

// exception_table(code): the handler ranges as (start, end, target, depth, level) tuples in
// code units, [start, end) protected; the innermost (highest level) range wins.
Value opcode_exception_table(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exception_table", kwnames) || !check_nargs("exception_table", nargs, 1, 1)) return Value();
  if (!code_check(args[0])) {
    return raise(&exc_TypeError, "exception_table() argument must be code, not " + std::string(type_name(args[0])));
  }
  Code* c = args[0].as<Code>();
  List* out = list_new(c->nexception_entries);
  for (uint32_t i = 0; i < c->nexception_entries; i++) {
    const ExceptionTableEntry& e = c->exception_table[i];
    list_append(out, tuple_of({Value::small_int(e.start), Value::small_int(e.end), Value::small_int(e.target),
                               Value::small_int(e.depth), Value::small_int(e.level)}));
  }
  return out;
}

const MethodDef kOpcodeFunctions[] = {
    {"stack_effect", opcode_stack_effect_fn},
    {"exception_table", opcode_exception_table},
    {nullptr, nullptr},
};

}  // namespace

Value opcode_module_create() {
  Module* m = module_new(intern("_opcode"));
  module_add_functions(m, kOpcodeFunctions);
  // opname has 256 entries like CPython's, unused codes named '<n>'.
  List* opname = list_new(256);
  Dict* opmap = dict_new();
  List* kinds = list_new(kOpcodeCount);
  List* cache_entries = list_new(256);
  for (int op = 0; op < 256; op++) {
    bool used = op < kOpcodeCount;
    Str* name = used ? str_from_ascii(kOpcodeNames[op]) : str_from_ascii("<" + std::to_string(op) + ">");
    list_append(opname, name);
    list_append(cache_entries, Value::small_int(used ? opcode_size(static_cast<Opcode>(op)) - 1 : 0));
    if (!used) continue;
    if (dict_set(opmap, name, Value::small_int(op)) < 0) return Value();
    list_append(kinds, str_from_ascii(kOperandKindNames[kOpcodeOperandKinds[op]]));
  }
  module_add(m, "opname", opname);
  module_add(m, "opmap", opmap);
  module_add(m, "operand_kind", kinds);
  module_add(m, "inline_cache_entries", cache_entries);
  module_add(m, "hasarg", opcodes_where([](Opcode op) { return kOpcodeOperandKinds[op] != kOpNone; }));
  module_add(m, "hasconst", opcodes_of_kind(kOpConst));
  module_add(m, "hasname", opcodes_of_kind(kOpName));
  module_add(m, "haslocal", opcodes_of_kind(kOpLocal));
  module_add(m, "hasfree", opcodes_of_kind(kOpDeref));
  module_add(m, "hascompare", opcodes_of_kind(kOpCompare));
  // Every jump argument is an absolute code-unit offset.
  module_add(m, "hasjabs", opcodes_where([](Opcode op) { return (kOpcodeFlags[op] & kOpJumps) != 0; }));
  module_add(m, "hasjrel", list_new());
  module_add(m, "hasexit", opcodes_where([](Opcode op) { return (kOpcodeFlags[op] & kOpExits) != 0; }));
  module_add(m, "binary_op_symbols", str_list(kBinaryOpSymbols, kBinaryOpSymbolCount));
  List* cmp = str_list(kCompareOpSymbols, kCompareOpSymbolCount);
  module_add(m, "cmp_op", tuple_from_array(cmp->items, cmp->size));
  module_add(m, "CODE_UNIT_SIZE", Value::small_int(sizeof(CodeUnit)));
  return m;
}

}  // namespace minipy
