// Helpers shared by the number types' implementation files (int.cpp, float.cpp, complex.cpp,
// stdlib/native/math.cpp). Not a public API.
#pragma once

#include <gmp.h>

#include <string>
#include <string_view>

#include "objects/object.h"
#include "runtime/format_spec.h"
#include "runtime/int_text.h"

namespace minipy::numbers {

// Raises the Python exception a numeric text conversion reported; returns null.
Value raise_text_error(const TextError& e);

// repr() of a value for messages such as "invalid literal for int() with base 10: b'x'", as the
// numeric text layer asks for it (it passes the text; the object's own repr is used).
StrReprFn repr_of(Value original);

// A temporary GMP integer. Its limbs are collector memory (runtime/memory.cpp routes GMP's
// allocations there and makes frees no-ops), so it needs no mpz_clear.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }
  operator mpz_srcptr() const { return z; }
  // For GMP's macros (mpz_sgn, mpz_odd_p), which dereference their argument with ->.
  mpz_ptr operator->() { return z; }
  mpz_srcptr operator->() const { return z; }
};

// A read-only mpz view of any int (small, bool, BigInt layout) without allocating: values that
// fit a machine word are described by a one-limb array inside the view itself, so the view must
// stay where it was built (hence no copies).
class MpzView {
 public:
  explicit MpzView(Value v);
  MpzView(const MpzView&) = delete;
  MpzView& operator=(const MpzView&) = delete;
  operator mpz_srcptr() const { return p_; }
  mpz_srcptr get() const { return p_; }
  mpz_srcptr operator->() const { return p_; }

 private:
  mp_limb_t limb_;
  __mpz_struct tmp_;
  mpz_srcptr p_;
};

// Reads an int whose value lies in the small-int range (small ints, bools, small-valued
// instances of int subclasses). False (no exception) otherwise.
bool int_as_small(Value v, int64_t* out);

// The format(value, spec) argument check shared by __format__ methods: spec must be a str.
// Returns the spec's text, or false with TypeError raised.
bool format_spec_arg(const Value* args, size_t nargs, Tuple* kwnames, std::string_view* spec);

}  // namespace minipy::numbers
