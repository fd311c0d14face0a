// The compiler's entry point: source text -> code object.
#pragma once

#include <string_view>

#include "objects/object.h"

namespace minipy {

enum class CompileMode { Exec, Eval, Single };

// Compiles `source` into a module-level code object. On failure raises SyntaxError or
// IndentationError (msg, filename, lineno, offset, text, end_lineno, end_offset set) and
// returns null.
Value compile_source(std::string_view source, std::string_view filename, CompileMode mode);

}  // namespace minipy
