// Text conversions of Python ints: str/bin/oct/hex, int(str, base) with CPython's exact rules and
// messages, the int<->str digit limit of sys.set_int_max_str_digits, and the int conversions of
// '%'-formatting. Small values are int64_t, the rest GMP integers owned by the caller.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/format_spec.h"

namespace minipy {

// Computes repr() of a str for error messages. The numeric layer cannot know which non-ASCII
// characters are printable, so the interpreter passes its own str repr; without one, non-ASCII
// characters are quoted unescaped (right for every printable character).
using StrReprFn = std::function<std::string(std::string_view)>;

// repr(text) using `repr` when set, else the built-in fallback described above.
std::string str_repr(std::string_view text, const StrReprFn& repr);

// Rewrites the characters int() and float() accept beyond ASCII: Unicode white space becomes ' '
// and Unicode decimal digits become '0'..'9'. Any other non-ASCII character becomes '?', which no
// parser accepts, so error detection stays in one place.
std::string numeric_text_to_ascii(std::string_view text);

// sys.get_int_max_str_digits() / sys.set_int_max_str_digits(n). The limit guards int<->str
// conversions in bases that are not powers of two; 0 disables it. Process-wide.
int64_t get_int_max_str_digits();
std::optional<TextError> set_int_max_str_digits(int64_t max_digits);

// str/bin/oct/hex: `base` is 2..36; `with_prefix` adds 0b/0o/0x for bases 2/8/16 after any '-'.
std::string int_to_text(int64_t value, int base, bool with_prefix);
// As above; decimal output longer than the digit limit is a ValueError.
TextResult<std::string> int_to_text(const mpz_t value, int base, bool with_prefix);

// The outcome of parse_int: the value is `small` unless `is_big`, in which case it was stored in
// the caller's mpz_t.
struct ParsedInt {
  bool is_big = false;
  int64_t small = 0;
};

// int(text, base) for a str: base 0 or 2..36, optional sign, 0b/0o/0x prefixes, '_' between
// digits, surrounding whitespace, non-ASCII decimal digits. ValueError for a bad base or literal
// (quoting repr(text) via `repr`, as parse_float does) and for more digits than the limit in a
// base that is not a power of two. `big` must be initialised by the caller; it is written only
// when the result does not fit int64_t.
TextResult<ParsedInt> parse_int(std::string_view text, int64_t base, mpz_t big,
                                const StrReprFn& repr = {});

// float(n) for a big int, rounded half-even like CPython (mpz_get_d truncates instead).
TextResult<double> int_to_double(const mpz_t value);

// '%d' '%i' '%u' '%o' '%x' '%X' applied to an int.
TextResult<std::string> printf_format_int(int64_t value, const PrintfSpec& spec);
TextResult<std::string> printf_format_int(const mpz_t value, const PrintfSpec& spec);

}  // namespace minipy
