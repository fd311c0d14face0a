// Code objects: the compiled form of a module, class body, function or comprehension.
//
// Instructions are 32-bit code units (vm/opcodes.h). Exception handling is table driven:
// `exception_table` lists protected ranges [start, end) with their handler; when an
// instruction raises, the VM picks the innermost (highest `level`) range containing it,
// truncates the value stack to `depth` and pushes the exception before jumping to `target`.
// A try body costs nothing at run time; the compiler splits ranges around code that leaves a
// protected region early (a `finally` body copied before `return`).
//
// Locals layout ("localsplus"): [0, nlocals) fast locals (co_varnames, arguments first),
// then co_cellvars (cells created at frame entry), then co_freevars (cells copied from the
// function's closure). The value stack follows (stacksize slots).
#pragma once

#include <cstdint>
#include <string>

#include "objects/object.h"
#include "vm/opcodes.h"

namespace minipy {

enum CodeFlags : uint32_t {
  CO_OPTIMIZED = 0x1,
  CO_NEWLOCALS = 0x2,
  CO_VARARGS = 0x4,
  CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10,
  CO_GENERATOR = 0x20,
  CO_NOFREE = 0x40,
  CO_COROUTINE = 0x80,
  CO_ITERABLE_COROUTINE = 0x100,
  CO_ASYNC_GENERATOR = 0x200,
};
constexpr uint32_t kCoGeneratorLike = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;

struct ExceptionTableEntry {
  uint32_t start, end;  // protected code-unit range [start, end)
  uint32_t target;      // handler offset
  uint32_t depth;       // value-stack depth to keep (relative to the stack base)
  uint32_t level;       // nesting level: the highest containing level wins
};

// Position of the instructions from `start` up to the next entry's start.
struct LineTableEntry {
  uint32_t start;
  int32_t line, end_line;  // -1: no position (artificial instructions)
  int32_t col, end_col;    // 0-based UTF-8 byte columns, -1 if unknown
};

// One inline-cache slot (LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD). Guarded by versions: a global
// by the versions of globals and builtins, an attribute by the receiver type's version.
struct InlineCache {
  uint64_t version1;
  uint64_t version2;
  Value value;   // cached global, class attribute or method
  Object* key;   // the Type or globals Dict the entry was filled for
  uint32_t kind;
};

struct Code : Object {
  Str* name;
  Str* qualname;
  Str* filename;
  int32_t firstlineno;
  int32_t argcount, posonlyargcount, kwonlyargcount;
  int32_t nlocals;      // fast locals (co_varnames)
  int32_t ncells, nfree;
  int32_t stacksize;
  uint32_t flags;
  Tuple* varnames;
  Tuple* cellvars;
  Tuple* freevars;
  Tuple* names;
  Tuple* consts;
  Value docstring;       // first constant string for functions or None
  // For each cell: the argument index it is initialised from, or -1 (cells of arguments
  // start with the argument's value).
  int32_t* cell2arg;

  CodeUnit* code;
  uint32_t ncode;
  ExceptionTableEntry* exception_table;
  uint32_t nexception_entries;
  LineTableEntry* line_table;
  uint32_t nline_entries;
  InlineCache* caches;
  uint32_t ncaches;

  int nlocalsplus() const { return nlocals + ncells + nfree; }
};

extern Type code_type;

bool code_check(Value v);
// Source position of the instruction at code-unit offset `pc` (line -1 if none).
const LineTableEntry* code_position(Code* c, uint32_t pc);
int code_line(Code* c, uint32_t pc);
// The handler for an exception raised at `pc`, or null.
const ExceptionTableEntry* code_find_handler(Code* c, uint32_t pc);
// Operator symbols by BinaryOp (BINARY_OP / INPLACE_OP argument) and CompareOp (COMPARE_OP).
constexpr uint32_t kBinaryOpSymbolCount = 13;
constexpr uint32_t kCompareOpSymbolCount = 6;
extern const char* const kBinaryOpSymbols[kBinaryOpSymbolCount];
extern const char* const kCompareOpSymbols[kCompareOpSymbolCount];
// Text disassembly in the spirit of `dis.dis` (also used by the instruction tracer).
std::string code_disassemble(Code* c, bool recursive = true);
std::string code_disassemble_instruction(Code* c, uint32_t pc);

void code_type_init();

}  // namespace minipy
