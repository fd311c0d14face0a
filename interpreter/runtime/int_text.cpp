#include "runtime/int_text.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <cmath>
#include <cstring>
#include <new>
#include <stdexcept>

namespace minipy {

namespace {

using numeric_text_internal::utf8_append;
using numeric_text_internal::utf8_next;

// CPython's default for sys.int_info.default_max_str_digits, and the smallest non-zero limit.
constexpr int64_t kDefaultMaxStrDigits = 4300;
constexpr int64_t kMinMaxStrDigits = 640;

std::atomic<int64_t> g_max_str_digits{kDefaultMaxStrDigits};

// The code points with decimal value 0 in Unicode 14.0 (CPython 3.11's database); each starts a
// run of ten consecutive digits 0..9, which is what lets a table this small cover category Nd.
constexpr char32_t kDecimalZeros[] = {
    0x0030,  0x0660,  0x06f0,  0x07c0,  0x0966,  0x09e6,  0x0a66,  0x0ae6,  0x0b66,  0x0be6,
    0x0c66,  0x0ce6,  0x0d66,  0x0de6,  0x0e50,  0x0ed0,  0x0f20,  0x1040,  0x1090,  0x17e0,
    0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,
    0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0,
    0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

// Non-ASCII code points for which str.isspace() is true (Unicode 14.0).
bool is_unicode_space(char32_t c) {
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

int unicode_decimal_value(char32_t c) {
  const char32_t* next = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), c);
  if (next == std::begin(kDecimalZeros)) return -1;
  char32_t zero = *(next - 1);
  return c - zero < 10 ? static_cast<int>(c - zero) : -1;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Python's repr of a str for characters we can classify without a Unicode database.
std::string fallback_str_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  std::string out(1, quote);
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

// CPython quotes the offending literal with "%.200R": at most 200 code points of its repr.
std::string truncated_repr(std::string_view text, const StrReprFn& repr) {
  std::string quoted = str_repr(text, repr);
  size_t pos = 0;
  for (int count = 0; count < 200 && pos < quoted.size(); ++count) utf8_next(quoted, pos);
  quoted.resize(pos);
  return quoted;
}

std::string limit_exceeded_message() {
  return "Exceeds the limit (" + std::to_string(get_int_max_str_digits()) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase "
         "the limit";
}

bool is_power_of_two(int base) { return (base & (base - 1)) == 0; }

// The digit's value in bases up to 36; 99 (a digit in no base) for anything else.
int ascii_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// int() skips only ASCII white space; Unicode spaces were already turned into ' '.
bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Digits of |value| in `base`, lower case.
std::string magnitude_digits(uint64_t magnitude, int base) {
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char buf[64];
  char* end = buf + sizeof buf;
  char* p = end;
  do {
    *--p = kDigits[magnitude % base];
    magnitude /= base;
  } while (magnitude != 0);
  return std::string(p, end);
}

uint64_t magnitude_of(int64_t value) {
  // Negating in unsigned arithmetic keeps INT64_MIN well defined.
  return value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
}

std::string_view base_prefix(int base) {
  switch (base) {
    case 2: return "0b";
    case 8: return "0o";
    case 16: return "0x";
    default: return "";
  }
}

// Digits of |value| in `base` for big ints, or the digit-limit error for decimal output.
TextResult<std::string> mpz_magnitude_digits(const mpz_t value, int base) {
  int64_t limit = get_int_max_str_digits();
  bool limited = limit > 0 && !is_power_of_two(base);
  size_t estimate = mpz_sizeinbase(value, base);  // exact or one too many
  if (limited && estimate > static_cast<size_t>(limit) + 1) {
    return TextError{"ValueError", limit_exceeded_message()};
  }
  std::string out(estimate + 2, '\0');
  mpz_get_str(out.data(), base, value);
  out.resize(std::strlen(out.c_str()));
  if (!out.empty() && out[0] == '-') out.erase(0, 1);
  if (limited && out.size() > static_cast<size_t>(limit)) {
    return TextError{"ValueError", limit_exceeded_message()};
  }
  return out;
}

struct PrintfIntParts {
  int base = 10;
  std::string_view prefix;
  bool upper = false;
};

TextResult<PrintfIntParts> printf_int_parts(const PrintfSpec& spec) {
  PrintfIntParts parts;
  switch (spec.conversion) {
    case 'o':
      parts.base = 8;
      if (spec.alternate) parts.prefix = "0o";
      break;
    case 'x':
      parts.base = 16;
      if (spec.alternate) parts.prefix = "0x";
      break;
    case 'X':
      parts.base = 16;
      parts.upper = true;
      if (spec.alternate) parts.prefix = "0X";
      break;
    default:  // 'd', 'i' and 'u' are all decimal
      break;
  }
  // CPython's integer '%' conversion reserves room for sign and prefix in a C int.
  if (spec.precision > INT_MAX - 3) return TextError{"OverflowError", "precision too large"};
  return parts;
}

TextResult<std::string> printf_int_finish(const PrintfSpec& spec, const PrintfIntParts& parts,
                                          bool negative, std::string digits) {
  try {
    if (parts.upper) {
      for (char& c : digits) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (spec.precision > static_cast<int64_t>(digits.size())) {
      digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
    }
    std::string_view sign = negative ? "-" : spec.plus_sign ? "+" : spec.space_sign ? " " : "";
    return printf_pad_number(spec, sign, parts.prefix, digits);
  } catch (const std::bad_alloc&) {
    return TextError{"MemoryError", ""};
  } catch (const std::length_error&) {
    return TextError{"MemoryError", ""};
  }
}

}  // namespace

std::string str_repr(std::string_view text, const StrReprFn& repr) {
  return repr ? repr(text) : fallback_str_repr(text);
}

std::string numeric_text_to_ascii(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8_next(text, pos);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (is_unicode_space(c)) {
      out += ' ';
    } else if (int digit = unicode_decimal_value(c); digit >= 0) {
      out += static_cast<char>('0' + digit);
    } else {
      out += '?';
    }
  }
  return out;
}

int64_t get_int_max_str_digits() { return g_max_str_digits.load(std::memory_order_relaxed); }

std::optional<TextError> set_int_max_str_digits(int64_t max_digits) {
  if (max_digits != 0 && max_digits < kMinMaxStrDigits) {
    return TextError{"ValueError", "maxdigits must be 0 or larger than 640"};
  }
  g_max_str_digits.store(max_digits, std::memory_order_relaxed);
  return std::nullopt;
}

std::string int_to_text(int64_t value, int base, bool with_prefix) {
  std::string out = value < 0 ? "-" : "";
  if (with_prefix) out += base_prefix(base);
  out += magnitude_digits(magnitude_of(value), base);
  return out;
}

TextResult<std::string> int_to_text(const mpz_t value, int base, bool with_prefix) {
  TextResult<std::string> digits = mpz_magnitude_digits(value, base);
  if (!digits) return digits;
  std::string out = mpz_sgn(value) < 0 ? "-" : "";
  if (with_prefix) out += base_prefix(base);
  out += digits.value();
  return out;
}

TextResult<ParsedInt> parse_int(std::string_view text, int64_t base, mpz_t big,
                                const StrReprFn& repr) {
  if (base != 0 && (base < 2 || base > 36)) {
    return TextError{"ValueError", "int() base must be >= 2 and <= 36, or 0"};
  }
  auto invalid = [&] {
    return TextError{"ValueError", "invalid literal for int() with base " + std::to_string(base) +
                                       ": " + truncated_repr(text, repr)};
  };
  const std::string s = numeric_text_to_ascii(text);
  const size_t n = s.size();
  size_t i = 0;
  while (i < n && is_ascii_space(s[i])) ++i;
  bool negative = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';

  int b = static_cast<int>(base);
  bool zero_only = false;  // base 0 forbids leading zeros on anything but zero itself
  bool prefixed = false;
  if (i + 1 < n && s[i] == '0') {
    char p = static_cast<char>(s[i + 1] | 0x20);
    int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefix_base != 0 && (b == 0 || b == prefix_base)) {
      b = prefix_base;
      prefixed = true;
      i += 2;
    }
  }
  if (b == 0) {
    b = 10;
    zero_only = i < n && s[i] == '0';
  }
  if (prefixed && i < n && s[i] == '_') ++i;  // "0x_1f": one '_' may follow the prefix

  std::string digits;
  bool after_underscore = false;
  for (; i < n; ++i) {
    if (s[i] == '_') {
      if (digits.empty() || after_underscore) return invalid();
      after_underscore = true;
    } else if (ascii_digit_value(s[i]) < b) {
      digits += s[i];
      after_underscore = false;
    } else {
      break;
    }
  }
  if (digits.empty() || after_underscore) return invalid();

  // CPython checks the digit limit before looking at what follows the digits.
  int64_t limit = get_int_max_str_digits();
  if (limit > 0 && !is_power_of_two(b) && static_cast<int64_t>(digits.size()) > limit) {
    return TextError{"ValueError", "Exceeds the limit (" + std::to_string(limit) +
                                       " digits) for integer string conversion: value has " +
                                       std::to_string(digits.size()) +
                                       " digits; use sys.set_int_max_str_digits() to increase "
                                       "the limit"};
  }
  if (zero_only && digits.find_first_not_of('0') != std::string::npos) return invalid();
  while (i < n && is_ascii_space(s[i])) ++i;
  if (i != n) return invalid();

  // Accumulate in 64 bits while that can hold the magnitude (2**63 for INT64_MIN).
  uint64_t magnitude = 0;
  bool fits = true;
  for (char c : digits) {
    if (__builtin_mul_overflow(magnitude, static_cast<uint64_t>(b), &magnitude) ||
        __builtin_add_overflow(magnitude, static_cast<uint64_t>(ascii_digit_value(c)),
                               &magnitude)) {
      fits = false;
      break;
    }
  }
  const uint64_t max_magnitude = negative ? uint64_t{1} << 63 : uint64_t{INT64_MAX};
  if (fits && magnitude <= max_magnitude) {
    ParsedInt result;
    result.small = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
    return result;
  }
  mpz_set_str(big, digits.c_str(), b);
  if (negative) mpz_neg(big, big);
  ParsedInt result;
  result.is_big = true;
  return result;
}

TextResult<double> int_to_double(const mpz_t value) {
  size_t bits = mpz_sizeinbase(value, 2);
  if (mpz_sgn(value) == 0 || bits <= 53) return mpz_get_d(value);  // exact
  const TextError overflow{"OverflowError", "int too large to convert to float"};
  if (bits > 1024) return overflow;
  // Keep the top 53 bits of the magnitude and round half-even on the bits shifted out.
  mpz_t magnitude;
  mpz_init(magnitude);
  mpz_abs(magnitude, value);
  const mp_bitcnt_t shift = bits - 53;
  const mp_bitcnt_t half_bit = shift - 1;
  const bool half_set = mpz_tstbit(magnitude, half_bit) != 0;
  const bool below_half_set = mpz_scan1(magnitude, 0) < half_bit;
  mpz_tdiv_q_2exp(magnitude, magnitude, shift);
  uint64_t mantissa = mpz_get_ui(magnitude);
  mpz_clear(magnitude);
  if (half_set && (below_half_set || (mantissa & 1) != 0)) ++mantissa;
  double result = std::ldexp(static_cast<double>(mantissa), static_cast<int>(shift));
  if (std::isinf(result)) return overflow;
  return mpz_sgn(value) < 0 ? -result : result;
}

TextResult<std::string> printf_format_int(int64_t value, const PrintfSpec& spec) {
  TextResult<PrintfIntParts> parts = printf_int_parts(spec);
  if (!parts) return parts.error();
  return printf_int_finish(spec, parts.value(), value < 0,
                           magnitude_digits(magnitude_of(value), parts.value().base));
}

TextResult<std::string> printf_format_int(const mpz_t value, const PrintfSpec& spec) {
  TextResult<PrintfIntParts> parts = printf_int_parts(spec);
  if (!parts) return parts.error();
  TextResult<std::string> digits = mpz_magnitude_digits(value, parts.value().base);
  if (!digits) return digits;
  return printf_int_finish(spec, parts.value(), mpz_sgn(value) < 0, std::move(digits.value()));
}

}  // namespace minipy
