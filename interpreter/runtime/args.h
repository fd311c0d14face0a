// Argument checking and binding for native functions (NativeFn / CallFn convention, see
// objects/object.h). Messages are CPython's for functions of the same shape.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "objects/object.h"

namespace minipy {

// "f() takes no keyword arguments" unless kwnames is null or empty.
bool check_no_kwargs(const char* fname, Tuple* kwnames);
// Positional count in [min, max]. Messages as CPython's argument clinic words them:
//   "f() takes no arguments (1 given)", "f() takes exactly one argument (2 given)",
//   "f expected at least 2 arguments, got 1", "f expected at most 3 arguments, got 4".
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);

// Binds positional and keyword arguments to the parameter `names` like a Python signature
// `def fname(names[0], ..., *, names[npositional:]...)`: the first `npositional` may be given
// by position, all by keyword (unless listed in positional-only count `nposonly`); the first
// `nrequired` are required. Missing optional parameters are left null in `out`.
// Errors: "fname() got an unexpected keyword argument 'x'", "fname() missing required argument
// 'x' (pos 1)", "fname() takes at most 2 arguments (3 given)", "argument for fname() given by
// name ('x') and position (1)".
struct Signature {
  const char* fname;
  std::initializer_list<const char*> names;
  size_t npositional;  // how many may be passed positionally
  size_t nrequired;    // how many (from the start) must be passed
  size_t nposonly = 0; // how many may NOT be passed by keyword
};
bool bind_args(const Signature& sig, const Value* args, size_t nargs, Tuple* kwnames, Value* out);

}  // namespace minipy
