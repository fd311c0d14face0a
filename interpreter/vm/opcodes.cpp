#include "vm/opcodes.h"

namespace minipy {

const char* const kOpcodeNames[kOpcodeCount] = {
#define OP(name, kind, effect, jump_effect, flags) #name,
#include "vm/opcodes.def"
#undef OP
};

const OperandKind kOpcodeOperandKinds[kOpcodeCount] = {
#define OP(name, kind, effect, jump_effect, flags) kind,
#include "vm/opcodes.def"
#undef OP
};

const uint8_t kOpcodeFlags[kOpcodeCount] = {
#define OP(name, kind, effect, jump_effect, flags) flags,
#include "vm/opcodes.def"
#undef OP
};

int opcode_stack_effect(Opcode op, uint32_t arg, bool jump) {
  const int A = static_cast<int>(arg);
  switch (op) {
#define OP(name, kind, effect, jump_effect, flags) \
  case OP_##name:                                  \
    return jump ? (jump_effect) : (effect);
#include "vm/opcodes.def"
#undef OP
    default:
      return 0;
  }
}

}  // namespace minipy
