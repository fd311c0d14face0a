#include "objects/code.h"

#include <cstdint>
#include <cstdio>

#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type code_type;

bool code_check(Value v) { return v.is_object() && v.as_object()->type == &code_type; }

const LineTableEntry* code_position(Code* c, uint32_t pc) {
  // Binary search for the last entry starting at or before pc.
  uint32_t lo = 0, hi = c->nline_entries;
  if (hi == 0) return nullptr;
  while (hi - lo > 1) {
    uint32_t mid = (lo + hi) / 2;
    if (c->line_table[mid].start <= pc) lo = mid; else hi = mid;
  }
  return c->line_table[lo].start <= pc ? &c->line_table[lo] : nullptr;
}

int code_line(Code* c, uint32_t pc) {
  const LineTableEntry* e = code_position(c, pc);
  return e ? e->line : -1;
}

const ExceptionTableEntry* code_find_handler(Code* c, uint32_t pc) {
  const ExceptionTableEntry* best = nullptr;
  for (uint32_t i = 0; i < c->nexception_entries; i++) {
    const ExceptionTableEntry& e = c->exception_table[i];
    if (pc >= e.start && pc < e.end && (!best || e.level > best->level)) best = &e;
  }
  return best;
}

const char* const kBinaryOpSymbols[kBinaryOpSymbolCount] = {"+", "-", "*", "@", "/", "//", "%",
                                                            "**", "<<", ">>", "&", "|", "^"};
const char* const kCompareOpSymbols[kCompareOpSymbolCount] = {"<", "<=", "==", "!=", ">", ">="};

namespace {

std::string value_repr_text(Value v) {
  Value r = repr(v);
  if (!r) {
    error_clear();
    return "<?>";
  }
  return std::string(r.as<Str>()->view());
}

std::string tuple_item_text(Tuple* t, uint32_t i) {
  if (!t || i >= static_cast<uint32_t>(t->size)) return "?";
  return std::string((*t)[i].as<Str>()->view());
}


std::string localsplus_name(Code* c, uint32_t i) {
  if (i < static_cast<uint32_t>(c->nlocals)) return tuple_item_text(c->varnames, i);
  i -= c->nlocals;
  if (i < static_cast<uint32_t>(c->ncells)) return tuple_item_text(c->cellvars, i);
  return tuple_item_text(c->freevars, i - c->ncells);
}

}  // namespace

std::string code_disassemble_instruction(Code* c, uint32_t pc) {
  CodeUnit u = c->code[pc];
  Opcode op = code_op(u);
  uint32_t arg = code_arg(u);
  char head[64];
  std::snprintf(head, sizeof head, "%6u %-22s", pc, kOpcodeNames[op]);
  std::string out = head;
  OperandKind kind = kOpcodeOperandKinds[op];
  if (kind == kOpNone) return out;
  out += std::to_string(arg);
  switch (kind) {
    case kOpConst:
      if (arg < static_cast<uint32_t>(c->consts->size)) {
        Value k = (*c->consts)[arg];
        out += " (" + (code_check(k) ? "<code object " + std::string(k.as<Code>()->name->view()) + ">"
                                     : value_repr_text(k)) + ")";
      }
      break;
    case kOpLocal:
      out += " (" + tuple_item_text(c->varnames, arg) + ")";
      break;
    case kOpDeref:
      out += " (" + localsplus_name(c, arg) + ")";
      break;
    case kOpName:
      out += " (" + tuple_item_text(c->names, arg) + ")";
      break;
    case kOpJump:
      out += " (to " + std::to_string(arg) + ")";
      break;
    case kOpBinary:
      if (arg < kBinaryOpSymbolCount) out += std::string(" (") + kBinaryOpSymbols[arg] + (op == OP_INPLACE_OP ? "=" : "") + ")";
      break;
    case kOpCompare:
      if (arg < kCompareOpSymbolCount) out += std::string(" (") + kCompareOpSymbols[arg] + ")";
      break;
    default:
      break;
  }
  return out;
}

std::string code_disassemble(Code* c, bool recursive) {
  std::string out = "Disassembly of <code object " + std::string(c->name->view()) + ">:\n";
  int last_line = -2;
  for (uint32_t pc = 0; pc < c->ncode; pc += opcode_size(code_op(c->code[pc]))) {
    int line = code_line(c, pc);
    char prefix[16];
    if (line != last_line && line >= 0) std::snprintf(prefix, sizeof prefix, "%4d", line);
    else std::snprintf(prefix, sizeof prefix, "    ");
    last_line = line;
    out += prefix;
    bool is_target = false;
    for (uint32_t i = 0; i < c->nexception_entries; i++) is_target |= c->exception_table[i].target == pc;
    out += is_target ? " >>" : "   ";
    out += code_disassemble_instruction(c, pc);
    out += "\n";
  }
  if (c->nexception_entries) {
    out += "ExceptionTable:\n";
    for (uint32_t i = 0; i < c->nexception_entries; i++) {
      const ExceptionTableEntry& e = c->exception_table[i];
      out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end) + " -> " +
             std::to_string(e.target) + " [" + std::to_string(e.depth) + "] level " +
             std::to_string(e.level) + "\n";
    }
  }
  if (recursive) {
    for (int64_t i = 0; i < c->consts->size; i++) {
      Value k = (*c->consts)[i];
      if (code_check(k)) out += "\n" + code_disassemble(k.as<Code>(), true);
    }
  }
  return out;
}

namespace {

Code* as_code(Value self) { return self.as<Code>(); }

Value code_repr(Value self) {
  Code* c = as_code(self);
  char buf[96];
  std::snprintf(buf, sizeof buf, " at %p, file \"", static_cast<void*>(c));
  std::string s = "<code object " + std::string(c->name->view()) + buf + std::string(c->filename->view()) +
                  "\", line " + std::to_string(c->firstlineno) + ">";
  return str_new(s);
}

#define CODE_INT_GETTER(field) \
  [](Value self) -> Value { return Value::small_int(as_code(self)->field); }

Value get_co_code(Value self) {
  Code* c = as_code(self);
  return bytes_new(std::string_view(reinterpret_cast<const char*>(c->code), c->ncode * sizeof(CodeUnit)));
}

Value get_co_nlocals(Value self) { return Value::small_int(as_code(self)->nlocals); }

Value get_co_lnotab_lines(Value self) {
  // co_lines(): (start, end, line) triples in bytes like CPython, one per line-table run.
  Code* c = as_code(self);
  List* out = list_new();
  for (uint32_t i = 0; i < c->nline_entries; i++) {
    uint32_t start = c->line_table[i].start;
    uint32_t end = i + 1 < c->nline_entries ? c->line_table[i + 1].start : c->ncode;
    int line = c->line_table[i].line;
    list_append(out, tuple_of({Value::small_int(start * sizeof(CodeUnit)), Value::small_int(end * sizeof(CodeUnit)),
                               line < 0 ? none_value() : Value::small_int(line)}));
  }
  return get_iter(out);
}

Value code_co_lines(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return raise(&exc_TypeError, "co_lines() takes no arguments");
  return get_co_lnotab_lines(self);
}

Value code_co_positions(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return raise(&exc_TypeError, "co_positions() takes no arguments");
  Code* c = as_code(self);
  List* out = list_new();
  auto opt = [](int v) { return v < 0 ? none_value() : Value::small_int(v); };
  for (uint32_t pc = 0; pc < c->ncode; pc++) {
    const LineTableEntry* e = code_position(c, pc);
    list_append(out, e ? tuple_of({opt(e->line), opt(e->end_line), opt(e->col), opt(e->end_col)})
                       : tuple_of({none_value(), none_value(), none_value(), none_value()}));
  }
  return get_iter(out);
}

// Flags the VM reads to decide how to bind arguments and whether a call creates a generator:
// changing them would run the bytecode under a different frame contract, so replace()
// leaves them alone. CO_ITERABLE_COROUTINE (types.coroutine) and the informational bits
// may change.
constexpr uint32_t kCoStructuralFlags = CO_VARARGS | CO_VARKEYWORDS | kCoGeneratorLike;

// code.replace(**changes): a copy with the descriptive fields and co_flags replaced. The
// bytecode, names and constants stay shared with the original, which is safe because both
// are immutable once compiled.
Value code_replace(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs) return raise(&exc_TypeError, "replace() takes no positional arguments");
  Value v[5] = {};
  static const Signature sig{"replace", {"co_flags", "co_name", "co_qualname", "co_filename", "co_firstlineno"}, 0, 0};
  // CPython accepts every co_* field; the ones not listed above would change how the VM runs
  // the bytecode, so they are rejected with its message for unknown keywords.
  for (int64_t i = 0; kwnames && i < kwnames->size; i++) {
    std::string_view key = (*kwnames)[i].as<Str>()->view();
    bool known = false;
    for (const char* name : sig.names) known |= key == name;
    if (!known) return raise(&exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for replace()");
  }
  if (!bind_args(sig, args, nargs, kwnames, v)) return Value();
  Code* c = alloc<Code>(&code_type);
  *c = *as_code(self);
  if (v[0]) {
    if (!int_check(v[0])) return raise(&exc_TypeError, "'" + std::string(type_name(v[0])) + "' object cannot be interpreted as an integer");
    int64_t flags;
    if (!int_to_i64(v[0], &flags)) return raise(&exc_OverflowError, "Python int too large to convert to C int");
    if (flags < 0 || flags > 0xffffffffLL || (static_cast<uint32_t>(flags) ^ c->flags) & kCoStructuralFlags) {
      return raise(&exc_ValueError, "replace(): co_flags may not change the argument or generator flags");
    }
    c->flags = static_cast<uint32_t>(flags);
  }
  for (int i = 1; i <= 3; i++) {
    if (v[i] && !str_check(v[i])) {
      return raise(&exc_TypeError, std::string("replace() argument '") + sig.names.begin()[i] + "' must be str, not " + type_name(v[i]));
    }
  }
  if (v[1]) c->name = v[1].as<Str>();
  if (v[2]) c->qualname = v[2].as<Str>();
  if (v[3]) c->filename = v[3].as<Str>();
  if (v[4]) {
    if (!int_check(v[4])) return raise(&exc_TypeError, "'" + std::string(type_name(v[4])) + "' object cannot be interpreted as an integer");
    int64_t line;
    if (!int_to_i64(v[4], &line) || line < INT32_MIN || line > INT32_MAX) {
      return raise(&exc_OverflowError, "Python int too large to convert to C int");
    }
    c->firstlineno = static_cast<int32_t>(line);
  }
  return c;
}

const GetSetDef kCodeGetSets[] = {
    {"co_name", [](Value s) -> Value { return as_code(s)->name; }, nullptr},
    {"co_qualname", [](Value s) -> Value { return as_code(s)->qualname; }, nullptr},
    {"co_filename", [](Value s) -> Value { return as_code(s)->filename; }, nullptr},
    {"co_firstlineno", CODE_INT_GETTER(firstlineno), nullptr},
    {"co_argcount", CODE_INT_GETTER(argcount), nullptr},
    {"co_posonlyargcount", CODE_INT_GETTER(posonlyargcount), nullptr},
    {"co_kwonlyargcount", CODE_INT_GETTER(kwonlyargcount), nullptr},
    {"co_nlocals", get_co_nlocals, nullptr},
    {"co_stacksize", CODE_INT_GETTER(stacksize), nullptr},
    {"co_flags", CODE_INT_GETTER(flags), nullptr},
    {"co_varnames", [](Value s) -> Value { return as_code(s)->varnames; }, nullptr},
    {"co_cellvars", [](Value s) -> Value { return as_code(s)->cellvars; }, nullptr},
    {"co_freevars", [](Value s) -> Value { return as_code(s)->freevars; }, nullptr},
    {"co_names", [](Value s) -> Value { return as_code(s)->names; }, nullptr},
    {"co_consts", [](Value s) -> Value { return as_code(s)->consts; }, nullptr},
    {"co_code", get_co_code, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kCodeMethods[] = {
    {"co_lines", code_co_lines},
    {"co_positions", code_co_positions},
    {"replace", code_replace},
    {nullptr, nullptr},
};

}  // namespace

void code_type_init() {
  code_type.tp_repr = code_repr;
  type_ready(&code_type, "code", nullptr, kCodeMethods, kCodeGetSets);
}

}  // namespace minipy
