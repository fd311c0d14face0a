// Readies every built-in type, in dependency order (part of interpreter_init).
#pragma once

namespace minipy {

void types_init();

}  // namespace minipy
