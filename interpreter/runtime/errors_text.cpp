// Bridges the numeric-text layer (which knows nothing of objects) to Python exceptions.
#include "runtime/errors.h"
#include "runtime/format_spec.h"

namespace minipy {

Value raise_text_error(const TextError& error) {
  Type* type = &exc_ValueError;
  if (error.kind == "TypeError") type = &exc_TypeError;
  else if (error.kind == "OverflowError") type = &exc_OverflowError;
  else if (error.kind == "MemoryError") return raise_no_memory();
  return raise(type, error.message);
}

}  // namespace minipy
