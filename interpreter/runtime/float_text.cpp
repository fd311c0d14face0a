#include "runtime/float_text.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <new>
#include <stdexcept>

namespace minipy {

namespace {

// libstdc++'s std::to_chars is exact: with a precision it rounds half-even on the exact binary
// value, and without one it gives the shortest round-trip digits, which is what CPython's dtoa
// produces too.
std::string to_chars_fixed(double magnitude, int64_t precision) {
  // 309 integer digits at most for a finite double, plus the point and the fraction.
  std::string buf(static_cast<size_t>(precision) + 320, '\0');
  auto result = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude,
                              std::chars_format::fixed, static_cast<int>(precision));
  buf.resize(static_cast<size_t>(result.ptr - buf.data()));
  return buf;
}

std::string to_chars_scientific(double magnitude, int64_t precision) {
  std::string buf(static_cast<size_t>(precision) + 16, '\0');
  auto result = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude,
                              std::chars_format::scientific, static_cast<int>(precision));
  buf.resize(static_cast<size_t>(result.ptr - buf.data()));
  return buf;
}

int exponent_of(std::string_view scientific) {
  size_t e = scientific.find('e');
  int exponent = 0;
  const char* first = scientific.data() + e + 1;
  if (*first == '+') ++first;
  std::from_chars(first, scientific.data() + scientific.size(), exponent);
  return exponent;
}

// "1.2300e+05" -> "1.23e+05", "1.000" -> "1": what 'g' does without '#'.
void strip_trailing_zeros(std::string& text) {
  size_t e = text.find('e');
  size_t mantissa_end = e == std::string::npos ? text.size() : e;
  size_t point = text.find('.');
  if (point == std::string::npos || point > mantissa_end) return;
  size_t last = mantissa_end;
  while (last > point + 1 && text[last - 1] == '0') --last;
  if (last == point + 1) last = point;
  text.erase(last, mantissa_end - last);
}

// '#' guarantees a decimal point, placed before any exponent.
void ensure_point(std::string& text) {
  if (text.find('.') != std::string::npos) return;
  size_t e = text.find('e');
  text.insert(e == std::string::npos ? text.size() : e, ".");
}

std::string general_text(double magnitude, const FloatTextOptions& options) {
  // A double's exact decimal expansion has at most 767 significant digits and 'g' strips the
  // zeros after them, so without '#' a huge precision can be capped without changing the text.
  constexpr int64_t kEnoughDigits = 1000;
  int64_t precision = options.precision == 0 ? 1 : options.precision;
  if (!options.alternate) precision = std::min(precision, kEnoughDigits);
  std::string scientific = to_chars_scientific(magnitude, precision - 1);
  const int exponent = exponent_of(scientific);
  // Without a type, format() leaves positional notation one digit earlier than 'g' does.
  const int64_t limit = options.add_dot_0 ? precision - 1 : precision;
  std::string text = exponent < -4 || exponent >= limit
                         ? std::move(scientific)
                         : to_chars_fixed(magnitude, precision - 1 - exponent);
  if (options.alternate) {
    ensure_point(text);
  } else {
    strip_trailing_zeros(text);
    if (options.add_dot_0 && text.find_first_of(".e") == std::string::npos) text += ".0";
  }
  return text;
}

std::string repr_text(double magnitude, bool alternate, bool add_dot_0) {
  char buf[32];
  auto result = std::to_chars(buf, buf + sizeof buf, magnitude, std::chars_format::scientific);
  std::string_view scientific(buf, static_cast<size_t>(result.ptr - buf));
  const int exponent = exponent_of(scientific);
  std::string digits;
  for (char c : scientific.substr(0, scientific.find('e'))) {
    if (c != '.') digits += c;
  }
  const int ndigits = static_cast<int>(digits.size());
  std::string text;
  if (exponent < -4 || exponent >= 16) {
    text = digits.substr(0, 1);
    if (ndigits > 1 || alternate) text += '.';
    text += digits.substr(1);
    const int abs_exponent = std::abs(exponent);
    text += exponent < 0 ? "e-" : "e+";
    if (abs_exponent < 10) text += '0';
    text += std::to_string(abs_exponent);
  } else if (exponent >= 0) {
    text = digits.substr(0, std::min(ndigits, exponent + 1));
    if (ndigits > exponent + 1) {
      text += '.';
      text += digits.substr(static_cast<size_t>(exponent + 1));
    } else {
      text.append(static_cast<size_t>(exponent + 1 - ndigits), '0');
      if (add_dot_0) {
        text += ".0";
      } else if (alternate) {
        text += '.';
      }
    }
  } else {
    text = "0.";
    text.append(static_cast<size_t>(-exponent - 1), '0');
    text += digits;
  }
  return text;
}

bool reads_as_zero(std::string_view body) {
  for (char c : body.substr(0, body.find_first_of("eE"))) {
    if (c >= '1' && c <= '9') return false;
  }
  return true;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trim_ascii_space(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

bool equals_ignore_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

// "inf", "infinity" or "nan" in any case, after the sign: the spellings float() accepts.
std::optional<double> special_value(std::string_view text) {
  if (equals_ignore_case(text, "inf") || equals_ignore_case(text, "infinity")) return HUGE_VAL;
  if (equals_ignore_case(text, "nan")) return std::nan("");
  return std::nullopt;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Copies a run of digits in which single '_' may separate digits into `out`; false if an '_' is
// misplaced. Returns the number of digits through `count`.
bool scan_digits(std::string_view s, size_t& pos, std::string& out, size_t& count) {
  count = 0;
  while (pos < s.size()) {
    if (is_digit(s[pos])) {
      out += s[pos++];
      ++count;
    } else if (s[pos] == '_') {
      if (count == 0 || pos + 1 >= s.size() || !is_digit(s[pos + 1])) return false;
      ++pos;
    } else {
      break;
    }
  }
  return true;
}

// Parses an unsigned decimal literal (digits, '.', exponent, '_' separators). Returns nullopt for
// anything else.
std::optional<double> parse_decimal(std::string_view s) {
  std::string clean;
  size_t pos = 0;
  size_t int_digits = 0;
  size_t frac_digits = 0;
  if (!scan_digits(s, pos, clean, int_digits)) return std::nullopt;
  if (pos < s.size() && s[pos] == '.') {
    clean += s[pos++];
    if (!scan_digits(s, pos, clean, frac_digits)) return std::nullopt;
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  // Estimate the decimal exponent of the leading digit, saturating, to tell overflow from
  // underflow when from_chars reports out of range.
  int64_t magnitude = 0;
  size_t first_nonzero = clean.find_first_of("123456789");
  if (first_nonzero != std::string::npos) {
    const size_t point = clean.find('.');
    magnitude = point == std::string::npos || first_nonzero < point
                    ? static_cast<int64_t>((point == std::string::npos ? clean.size() : point) -
                                           first_nonzero) - 1
                    : -static_cast<int64_t>(first_nonzero - point);
  }
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    clean += s[pos++];
    bool negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      negative = s[pos] == '-';
      clean += s[pos++];
    }
    const size_t exponent_start = clean.size();
    size_t exp_digits = 0;
    if (!scan_digits(s, pos, clean, exp_digits) || exp_digits == 0) return std::nullopt;
    int64_t exponent = 0;
    for (size_t i = exponent_start; i < clean.size() && exponent < 100000000; ++i) {
      exponent = exponent * 10 + (clean[i] - '0');
    }
    magnitude += negative ? -exponent : exponent;
  }
  if (pos != s.size()) return std::nullopt;
  double value = 0;
  auto result = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    value = first_nonzero != std::string::npos && magnitude > 0 ? HUGE_VAL : 0.0;
  }
  return value;
}

// Rounds num/den (den > 0) to the nearest integer, ties to even, into `quotient`.
void divide_round_half_even(mpz_t quotient, const mpz_t num, const mpz_t den) {
  mpz_t remainder;
  mpz_init(remainder);
  mpz_fdiv_qr(quotient, remainder, num, den);
  mpz_mul_2exp(remainder, remainder, 1);
  int cmp = mpz_cmp(remainder, den);
  if (cmp > 0 || (cmp == 0 && mpz_odd_p(quotient))) mpz_add_ui(quotient, quotient, 1);
  mpz_clear(remainder);
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

FloatText float_to_text(double x, const FloatTextOptions& options) {
  FloatText out;
  const bool upper = options.code == 'E' || options.code == 'F' || options.code == 'G';
  const char code = static_cast<char>(options.code | 0x20);
  if (std::isnan(x)) {
    out.body = upper ? "NAN" : "nan";
    return out;
  }
  out.negative = std::signbit(x);
  const double magnitude = std::fabs(x);
  if (std::isinf(magnitude)) {
    out.body = upper ? "INF" : "inf";
    return out;
  }
  switch (code) {
    case 'f':
      out.body = to_chars_fixed(magnitude, options.precision);
      if (options.alternate) ensure_point(out.body);
      break;
    case 'e':
      // CPython asks for precision + 1 digits in a C int, so INT_MAX wraps around and behaves
      // like precision 0.
      out.body = to_chars_scientific(magnitude,
                                     options.precision == INT_MAX ? 0 : options.precision);
      if (options.alternate) ensure_point(out.body);
      break;
    case 'g':
      out.body = general_text(magnitude, options);
      break;
    default:
      out.body = repr_text(magnitude, options.alternate, options.add_dot_0);
      break;
  }
  if (upper) std::replace(out.body.begin(), out.body.end(), 'e', 'E');
  if (options.no_neg_zero && out.negative && reads_as_zero(out.body)) out.negative = false;
  return out;
}

std::string float_repr(double x) {
  FloatTextOptions options;
  options.add_dot_0 = true;
  FloatText text = float_to_text(x, options);
  return text.negative ? "-" + text.body : text.body;
}

TextResult<double> parse_float(std::string_view text, const StrReprFn& repr) {
  const std::string ascii = numeric_text_to_ascii(text);
  std::string_view s = trim_ascii_space(ascii);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  std::optional<double> value = special_value(s);
  if (!value) value = parse_decimal(s);
  if (!value) {
    return TextError{"ValueError", "could not convert string to float: " + str_repr(text, repr)};
  }
  return negative ? -*value : *value;
}

TextResult<double> float_round(double x, int64_t ndigits) {
  // Beyond these every double is already exact (or rounds to zero): 0.30103 * (53 + 1021) and
  // 0.30103 * (1024 + 1) decimal digits, as in CPython.
  constexpr int64_t kMaxDigits = 323;
  constexpr int64_t kMinDigits = -308;
  if (!std::isfinite(x) || x == 0 || ndigits > kMaxDigits) return x;
  if (ndigits < kMinDigits) return 0.0 * x;
  // x = mantissa * 2**exponent exactly; compute round(|x| * 10**ndigits) as an integer.
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(x), &exponent);
  const auto mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  mpz_t num, den, quotient;
  mpz_init_set_ui(num, mantissa);
  mpz_init_set_ui(den, 1);
  mpz_init(quotient);
  if (exponent >= 0) {
    mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-exponent));
  }
  mpz_t power;
  mpz_init(power);
  mpz_ui_pow_ui(power, 10, static_cast<unsigned long>(ndigits >= 0 ? ndigits : -ndigits));
  mpz_mul(ndigits >= 0 ? num : den, ndigits >= 0 ? num : den, power);
  divide_round_half_even(quotient, num, den);
  std::string decimal(mpz_sizeinbase(quotient, 10) + 2, '\0');
  mpz_get_str(decimal.data(), 10, quotient);
  decimal.resize(std::strlen(decimal.c_str()));
  mpz_clear(num);
  mpz_clear(den);
  mpz_clear(quotient);
  mpz_clear(power);
  // Reading "digits e -ndigits" back is the single, correct rounding to double.
  decimal += "e" + std::to_string(-ndigits);
  double rounded = 0;
  auto result = std::from_chars(decimal.data(), decimal.data() + decimal.size(), rounded);
  if (result.ec == std::errc::result_out_of_range || std::isinf(rounded)) {
    return TextError{"OverflowError", "rounded value too large to represent"};
  }
  return x < 0 ? -rounded : rounded;
}

std::string float_hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  std::string out = std::signbit(x) ? "-" : "";
  if (x == 0) return out + "0x0.0p+0";
  uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  const auto biased = static_cast<int>((bits >> 52) & 0x7ff);
  const uint64_t fraction = bits & ((uint64_t{1} << 52) - 1);
  // Normal numbers print as 0x1.<52 bits>p<e>; subnormals as 0x0.<52 bits>p-1022.
  out += biased == 0 ? "0x0." : "0x1.";
  static const char kHex[] = "0123456789abcdef";
  for (int shift = 48; shift >= 0; shift -= 4) out += kHex[(fraction >> shift) & 15];
  const int exponent = biased == 0 ? -1022 : biased - 1023;
  out += exponent < 0 ? "p-" : "p+";
  out += std::to_string(std::abs(exponent));
  return out;
}

TextResult<double> float_fromhex(std::string_view text) {
  const TextError invalid{"ValueError", "invalid hexadecimal floating-point string"};
  std::string_view s = trim_ascii_space(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (std::optional<double> special = special_value(s)) {
    return negative ? -*special : *special;
  }
  if (s.size() >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') s.remove_prefix(2);
  std::string digits;
  size_t pos = 0;
  for (; pos < s.size() && hex_digit_value(s[pos]) >= 0; ++pos) digits += s[pos];
  int64_t fraction_digits = 0;
  if (pos < s.size() && s[pos] == '.') {
    for (++pos; pos < s.size() && hex_digit_value(s[pos]) >= 0; ++pos, ++fraction_digits) {
      digits += s[pos];
    }
  }
  if (digits.empty()) return invalid;
  // The binary exponent, saturated far beyond any double so huge inputs stay well defined.
  constexpr int64_t kExponentCap = int64_t{1} << 40;
  int64_t exponent = 0;
  if (pos < s.size() && (s[pos] | 0x20) == 'p') {
    ++pos;
    bool exponent_negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) exponent_negative = s[pos++] == '-';
    if (pos >= s.size() || !is_digit(s[pos])) return invalid;
    for (; pos < s.size() && is_digit(s[pos]); ++pos) {
      exponent = std::min(kExponentCap, exponent * 10 + (s[pos] - '0'));
    }
    if (exponent_negative) exponent = -exponent;
  }
  // CPython reports overflow before it looks at trailing characters.
  const bool trailing_junk = pos != s.size();

  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    if (trailing_junk) return invalid;
    return negative ? -0.0 : 0.0;
  }
  digits.erase(0, first);
  mpz_t value;
  mpz_init_set_str(value, digits.c_str(), 16);
  // value * 2**lowest is the number; `top` is the weight of its leading bit.
  const int64_t lowest = exponent - 4 * fraction_digits;
  const int64_t top = lowest + static_cast<int64_t>(mpz_sizeinbase(value, 2)) - 1;
  const TextError overflow{"OverflowError", "hexadecimal value too large to represent as a float"};
  if (top > 1023) {
    mpz_clear(value);
    return overflow;
  }
  // Keep 53 bits, or fewer for subnormals whose last bit weighs 2**-1074; round half-even.
  const int64_t kept_lowest = std::max<int64_t>(top - 52, -1074);
  const int64_t shift = kept_lowest - lowest;
  uint64_t mantissa = 0;
  if (shift <= 0) {
    mantissa = mpz_get_ui(value) << -shift;
  } else {
    const auto half_bit = static_cast<mp_bitcnt_t>(shift - 1);
    const bool half_set = mpz_tstbit(value, half_bit) != 0;
    const bool below_half_set = mpz_scan1(value, 0) < half_bit;
    mpz_tdiv_q_2exp(value, value, static_cast<mp_bitcnt_t>(shift));
    mantissa = mpz_get_ui(value);
    if (half_set && (below_half_set || (mantissa & 1) != 0)) ++mantissa;
  }
  mpz_clear(value);
  const double result = std::ldexp(static_cast<double>(mantissa), static_cast<int>(kept_lowest));
  if (std::isinf(result)) return overflow;
  if (trailing_junk) return invalid;
  return negative ? -result : result;
}

std::optional<TextError> float_as_integer_ratio(double x, mpz_t numerator, mpz_t denominator) {
  if (std::isinf(x)) return TextError{"OverflowError", "cannot convert Infinity to integer ratio"};
  if (std::isnan(x)) return TextError{"ValueError", "cannot convert NaN to integer ratio"};
  mpz_set_ui(denominator, 1);
  if (x == 0) {
    mpz_set_ui(numerator, 0);
    return std::nullopt;
  }
  int exponent = 0;
  const double fraction = std::frexp(std::fabs(x), &exponent);
  auto mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  // Lowest terms: the denominator is a power of two, so only factors of two can cancel.
  const int twos = std::min(__builtin_ctzll(mantissa), exponent < 0 ? -exponent : 0);
  mantissa >>= twos;
  exponent += twos;
  mpz_set_ui(numerator, mantissa);
  if (exponent >= 0) {
    mpz_mul_2exp(numerator, numerator, static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpz_mul_2exp(denominator, denominator, static_cast<mp_bitcnt_t>(-exponent));
  }
  if (x < 0) mpz_neg(numerator, numerator);
  return std::nullopt;
}

TextResult<std::string> printf_format_double(double x, const PrintfSpec& spec) {
  if (spec.precision > INT_MAX) return TextError{"ValueError", "precision too big"};
  try {
    FloatTextOptions options;
    options.code = spec.conversion;
    options.precision = spec.precision < 0 ? 6 : spec.precision;
    options.alternate = spec.alternate;
    FloatText text = float_to_text(x, options);
    std::string_view sign = text.negative   ? "-"
                            : spec.plus_sign  ? "+"
                            : spec.space_sign ? " "
                                              : "";
    return printf_pad_number(spec, sign, "", text.body);
  } catch (const std::bad_alloc&) {
    return TextError{"MemoryError", ""};
  } catch (const std::length_error&) {
    return TextError{"MemoryError", ""};
  }
}

}  // namespace minipy
