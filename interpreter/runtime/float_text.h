// Text conversions of Python floats (IEEE doubles): repr, float(str), round(x, n), float.hex and
// float.fromhex, as_integer_ratio and the float conversions of '%'-formatting. float.__format__
// is format_double in format_spec.h.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/format_spec.h"
#include "runtime/int_text.h"

namespace minipy {

// repr(x) and str(x): the shortest digits that round-trip, in positional notation for
// 1e-4 <= |x| < 1e16 and scientific otherwise ("0.1", "1e+16", "1e-05", "-0.0", "inf", "nan").
std::string float_repr(double x);

// How float_to_text renders a double; mirrors the knobs shared by format(), '%' and repr.
struct FloatTextOptions {
  // 'e', 'E', 'f', 'F', 'g', 'G', or 'r' for the shortest round-trip digits.
  char code = 'r';
  int64_t precision = 6;  // >= 0; unused by 'r'; 'g' treats 0 as 1
  bool alternate = false;  // '#': keep the '.' and, for 'g', the trailing zeros
  // For 'r' and 'g': integral results in positional notation get ".0", and 'g' switches to
  // scientific notation one digit earlier. float repr and format() with no presentation type set
  // it; complex repr leaves it off ("1j", not "1.0j").
  bool add_dot_0 = false;
  bool no_neg_zero = false;  // 'z': a result that reads as zero loses its minus sign
};

// A rendered double split into its sign and the rest, so callers can pad between the two.
struct FloatText {
  bool negative = false;  // NaN is never negative, as in CPython
  std::string body;       // e.g. "1234.5", "1.5e+10", "inf"; upper case for 'E', 'F', 'G'
};

// Correctly rounded (round-half-even on the exact binary value) rendering of x.
FloatText float_to_text(double x, const FloatTextOptions& options);

// float(text) for a str: surrounding whitespace (ASCII or Unicode), '_' between digits, non-ASCII
// decimal digits, "inf"/"infinity"/"nan" in any case with an optional sign. On failure the
// ValueError quotes repr(text), computed by `repr` when given (the interpreter's str repr).
TextResult<double> parse_float(std::string_view text, const StrReprFn& repr = {});

// round(x, ndigits) with an explicit ndigits, correctly rounded half-even on the exact decimal
// value of x. OverflowError "rounded value too large to represent" when rounding up overflows.
TextResult<double> float_round(double x, int64_t ndigits);

// float.hex(x), e.g. "0x1.999999999999ap-4", "-0x0.0p+0", "inf".
std::string float_hex(double x);

// float.fromhex(text), correctly rounded (half-even), including subnormal results.
TextResult<double> float_fromhex(std::string_view text);

// x.as_integer_ratio() into caller-initialised numerator/denominator (lowest terms, positive
// denominator). OverflowError for infinities, ValueError for NaN.
std::optional<TextError> float_as_integer_ratio(double x, mpz_t numerator, mpz_t denominator);

// '%e' '%E' '%f' '%F' '%g' '%G' applied to a float (the int conversion of '%d' etc. is done by
// the caller). A precision beyond C int range is ValueError "precision too big".
TextResult<std::string> printf_format_double(double x, const PrintfSpec& spec);

}  // namespace minipy
