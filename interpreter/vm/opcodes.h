// Everything derived from opcodes.def: the Opcode enum, names for `dis`, operand kinds, stack
// effects (used by the compiler to size frames) and flags.
#pragma once

#include <cstdint>

namespace minipy {

enum OperandKind : uint8_t {
  kOpNone,      // argument unused
  kOpConst,     // index into co_consts
  kOpLocal,     // fast-local index (co_varnames)
  kOpDeref,     // localsplus index of a cell or free variable
  kOpName,      // index into co_names
  kOpJump,      // absolute code-unit offset
  kOpCount,     // a count or small integer
  kOpBinary,    // BinaryOp
  kOpCompare,   // CompareOp
  kOpFlag,      // 0/1 flag
  kOpUnpackEx,  // before | after << 8
  kOpFormat,    // FORMAT_VALUE flags
  kOpMakeFn,    // MAKE_FUNCTION flags
};

enum OpFlags : uint8_t {
  kOpCache = 1,  // followed by one code unit: the inline-cache slot index
  kOpJumps = 2,  // argument is a jump target
  kOpExits = 4,  // never falls through to the next instruction
};

enum Opcode : uint8_t {
#define OP(name, kind, effect, jump_effect, flags) OP_##name,
#include "vm/opcodes.def"
#undef OP
  kOpcodeCount
};
static_assert(kOpcodeCount <= 256, "opcodes must fit in 8 bits");

// Instruction word layout.
using CodeUnit = uint32_t;
constexpr uint32_t kMaxOparg = (1u << 24) - 1;
inline constexpr Opcode code_op(CodeUnit u) { return static_cast<Opcode>(u & 0xff); }
inline constexpr uint32_t code_arg(CodeUnit u) { return u >> 8; }
inline constexpr CodeUnit make_code_unit(Opcode op, uint32_t arg) { return (arg << 8) | op; }

extern const char* const kOpcodeNames[kOpcodeCount];
extern const OperandKind kOpcodeOperandKinds[kOpcodeCount];
extern const uint8_t kOpcodeFlags[kOpcodeCount];

// Net change of the stack depth; `jump` selects the taken branch of a conditional jump.
int opcode_stack_effect(Opcode op, uint32_t arg, bool jump);
// Code units the instruction occupies (2 when it carries an inline-cache slot).
inline int opcode_size(Opcode op) { return (kOpcodeFlags[op] & kOpCache) ? 2 : 1; }

}  // namespace minipy
