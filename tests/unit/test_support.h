// Shared set-up for the GoogleTest units that need a running interpreter.
#pragma once

#include "runtime/interpreter.h"

namespace minipy {

// Brings the interpreter up once per test binary (every test file shares this one flag).
inline void ensure_interpreter() {
  static const bool initialised = [] {
    interpreter_init({"minipy"});
    return true;
  }();
  (void)initialised;
}

}  // namespace minipy
