#include "runtime/format_spec.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <new>
#include <optional>
#include <stdexcept>

#include "runtime/float_text.h"
#include "runtime/int_text.h"

namespace minipy {

namespace numeric_text_internal {

char32_t utf8_next(std::string_view text, size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const size_t extra = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  if (extra == 0 || pos + extra >= text.size()) {  // ASCII, or a sequence cut short
    ++pos;
    return lead;
  }
  char32_t c = lead & (0x3f >> extra);
  for (size_t i = 1; i <= extra; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xc0) != 0x80) {
      ++pos;
      return lead;
    }
    c = (c << 6) | (next & 0x3f);
  }
  pos += extra + 1;
  return c;
}

void utf8_append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
}

size_t utf8_length(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) utf8_next(text, pos);
  return count;
}

}  // namespace numeric_text_internal

namespace {

using numeric_text_internal::utf8_append;
using numeric_text_internal::utf8_length;
using numeric_text_internal::utf8_next;

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

bool is_float_type(char32_t type) {
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return true;
    default:
      return false;
  }
}

// How CPython quotes a presentation type in messages: printable ASCII as is, else "\x" + hex.
std::string type_code_text(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
  return buf;
}

TextError unknown_code(char32_t type, std::string_view type_name) {
  return TextError{"ValueError", "Unknown format code '" + type_code_text(type) +
                                     "' for object of type '" + std::string(type_name) + "'"};
}

// Reads a run of decimal digits into `value` (left untouched when there are none); false when the
// number does not fit Py_ssize_t.
bool read_count(const std::u32string& cps, size_t& pos, int64_t& value) {
  if (pos >= cps.size() || cps[pos] < '0' || cps[pos] > '9') return true;
  int64_t n = 0;
  for (; pos < cps.size() && cps[pos] >= '0' && cps[pos] <= '9'; ++pos) {
    if (__builtin_mul_overflow(n, 10, &n) ||
        __builtin_add_overflow(n, static_cast<int64_t>(cps[pos] - '0'), &n)) {
      return false;
    }
  }
  value = n;
  return true;
}

// Digits with separators every `group` digits from the right. When `min_width` is positive the
// digits are first zero-extended so the result is at least that wide without starting with a
// separator: this is how '0' padding and grouping combine ("0,001,234").
std::string group_digits(std::string_view digits, char separator, int64_t group,
                         int64_t min_width) {
  auto grouped_width = [&](int64_t n) { return n + (n - 1) / group; };
  int64_t count = static_cast<int64_t>(digits.size());
  if (min_width > grouped_width(count)) {
    count = std::max(count, min_width * group / (group + 1) - 1);
    while (grouped_width(count) < min_width) ++count;
  }
  std::string padded(static_cast<size_t>(count) - digits.size(), '0');
  padded += digits;
  std::string out;
  out.reserve(static_cast<size_t>(grouped_width(count)));
  for (int64_t i = 0; i < count; ++i) {
    if (i > 0 && (count - i) % group == 0) out += separator;
    out += padded[static_cast<size_t>(i)];
  }
  return out;
}

// No machine can hold this much text. Failing before allocating turns absurd widths into
// MemoryError at once, as in CPython, instead of relying on the allocator to refuse.
void check_output_size(int64_t width) {
  if (width > (int64_t{1} << 48)) throw std::bad_alloc();
}

std::string repeat_fill(char32_t fill, int64_t count) {
  std::string one;
  utf8_append(one, fill);
  if (one.size() == 1) return std::string(static_cast<size_t>(count), one[0]);
  std::string out;
  out.reserve(one.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out += one;
  return out;
}

// Assembles sign, prefix, (grouped) integer digits and the rest ("." fraction, exponent, "%", or
// a whole "inf"), then pads to the width. `group` is the grouping interval for `digits`.
std::string layout_number(const FormatSpec& spec, char default_align, std::string_view sign,
                          std::string_view prefix, std::string_view digits, int64_t group,
                          std::string_view rest) {
  check_output_size(spec.width);
  const int64_t fixed_width = static_cast<int64_t>(sign.size() + prefix.size() + utf8_length(rest));
  const char align = spec.align != '\0' ? spec.align : default_align;
  std::string body;
  if (spec.grouping != '\0' && !digits.empty()) {
    const bool zero_pad = spec.fill == U'0' && align == '=';
    body = group_digits(digits, spec.grouping, group,
                        zero_pad ? spec.width - fixed_width : 0);
  } else {
    body = digits;
  }
  const int64_t padding =
      std::max<int64_t>(0, spec.width - fixed_width - static_cast<int64_t>(body.size()));
  int64_t left = 0;
  int64_t right = 0;
  int64_t middle = 0;
  switch (align) {
    case '<': right = padding; break;
    case '^': left = padding / 2; right = padding - left; break;
    case '=': middle = padding; break;
    default: left = padding; break;
  }
  std::string out = repeat_fill(spec.fill, left);
  out += sign;
  out += prefix;
  out += repeat_fill(spec.fill, middle);
  out += body;
  out += rest;
  out += repeat_fill(spec.fill, right);
  return out;
}

std::string_view sign_text(const FormatSpec& spec, bool negative) {
  if (negative) return "-";
  if (spec.sign == '+') return "+";
  if (spec.sign == ' ') return " ";
  return "";
}

TextResult<std::string> format_parsed_double(double value, const FormatSpec& spec,
                                             std::string_view type_name) {
  char32_t type = spec.type;
  if (!is_float_type(type) && type != 'n' && type != '\0') return unknown_code(type, type_name);
  if (spec.precision > INT_MAX) return TextError{"ValueError", "precision too big"};
  FloatTextOptions options;
  options.alternate = spec.alternate;
  options.no_neg_zero = spec.no_neg_zero;
  options.precision = spec.precision < 0 ? 6 : spec.precision;
  if (type == '\0') {
    // No type: repr, or with a precision 'g' that keeps a ".0" (see FloatTextOptions).
    options.code = spec.precision < 0 ? 'r' : 'g';
    options.add_dot_0 = true;
  } else if (type == 'n') {
    options.code = 'g';  // the C locale has no grouping, so 'n' is 'g'
  } else if (type == '%') {
    options.code = 'f';
    value *= 100;  // in floating point, as CPython does, rounding included
  } else {
    options.code = static_cast<char>(type);
  }
  FloatText text = float_to_text(value, options);
  if (type == '%') text.body += '%';
  size_t int_end = 0;
  while (int_end < text.body.size() && text.body[int_end] >= '0' && text.body[int_end] <= '9') {
    ++int_end;
  }
  std::string_view body = text.body;
  return layout_number(spec, '>', sign_text(spec, text.negative), "", body.substr(0, int_end), 3,
                       body.substr(int_end));
}

// The checks CPython makes before formatting an int with an integer presentation type.
std::optional<TextError> check_int_spec(const FormatSpec& spec, std::string_view type_name) {
  switch (spec.type) {
    case 'b': case 'c': case 'd': case 'n': case 'o': case 'x': case 'X': case '\0':
      break;
    default:
      return unknown_code(spec.type, type_name);
  }
  if (spec.precision >= 0) {
    return TextError{"ValueError", "Precision not allowed in integer format specifier"};
  }
  if (spec.no_neg_zero) {
    return TextError{"ValueError",
                     "Negative zero coercion (z) not allowed in integer format specifier"};
  }
  if (spec.type == 'c') {
    if (spec.sign != '\0') {
      return TextError{"ValueError", "Sign not allowed with integer format specifier 'c'"};
    }
    if (spec.alternate) {
      return TextError{"ValueError",
                       "Alternate form (#) not allowed with integer format specifier 'c'"};
    }
  }
  return std::nullopt;
}

int int_type_base(char32_t type) {
  switch (type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    default: return 10;
  }
}

// Lays out an int from the digits of its magnitude in the base of spec.type.
std::string finish_int(const FormatSpec& spec, bool negative, std::string digits) {
  std::string_view prefix;
  if (spec.alternate) {
    switch (spec.type) {
      case 'b': prefix = "0b"; break;
      case 'o': prefix = "0o"; break;
      case 'x': prefix = "0x"; break;
      case 'X': prefix = "0X"; break;
      default: break;
    }
  }
  if (spec.type == 'X') {
    for (char& c : digits) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  const int64_t group = spec.grouping == '_' && int_type_base(spec.type) != 10 ? 4 : 3;
  return layout_number(spec, '>', sign_text(spec, negative), prefix, digits, group, "");
}

TextResult<std::string> format_int64(int64_t value, std::string_view spec_text,
                                     std::string_view type_name) {
  if (spec_text.empty()) return int_to_text(value, 10, false);
  TextResult<FormatSpec> parsed = parse_format_spec(spec_text, type_name, '>', U'\0');
  if (!parsed) return parsed.error();
  const FormatSpec& spec = parsed.value();
  if (is_float_type(spec.type)) {
    return format_parsed_double(static_cast<double>(value), spec, type_name);
  }
  if (auto error = check_int_spec(spec, type_name)) return *error;
  if (spec.type == 'c') {
    if (value < 0 || value > 0x10ffff) {
      return TextError{"OverflowError", "%c arg not in range(0x110000)"};
    }
    std::string ch;
    utf8_append(ch, static_cast<char32_t>(value));
    return layout_number(spec, '>', "", "", "", 3, ch);
  }
  std::string digits = int_to_text(value, int_type_base(spec.type), false);
  if (value < 0) digits.erase(0, 1);
  return finish_int(spec, value < 0, std::move(digits));
}

TextResult<std::string> format_mpz(const mpz_t value, std::string_view spec_text,
                                   std::string_view type_name) {
  if (mpz_fits_slong_p(value)) return format_int64(mpz_get_si(value), spec_text, type_name);
  if (spec_text.empty()) return int_to_text(value, 10, false);
  TextResult<FormatSpec> parsed = parse_format_spec(spec_text, type_name, '>', U'\0');
  if (!parsed) return parsed.error();
  const FormatSpec& spec = parsed.value();
  if (is_float_type(spec.type)) {
    TextResult<double> converted = int_to_double(value);
    if (!converted) return converted.error();
    return format_parsed_double(converted.value(), spec, type_name);
  }
  if (auto error = check_int_spec(spec, type_name)) return *error;
  if (spec.type == 'c') {
    return TextError{"OverflowError", "Python int too large to convert to C long"};
  }
  TextResult<std::string> digits = int_to_text(value, int_type_base(spec.type), false);
  if (!digits) return digits;
  std::string& text = digits.value();
  const bool negative = mpz_sgn(value) < 0;
  if (negative) text.erase(0, 1);
  return finish_int(spec, negative, std::move(text));
}

TextResult<std::string> format_string_impl(std::string_view text, std::string_view spec_text,
                                           std::string_view type_name) {
  if (spec_text.empty()) return std::string(text);
  TextResult<FormatSpec> parsed = parse_format_spec(spec_text, type_name, '<', U's');
  if (!parsed) return parsed.error();
  const FormatSpec& spec = parsed.value();
  if (spec.type != 's') return unknown_code(spec.type, type_name);
  if (spec.sign != '\0') {
    return TextError{"ValueError", spec.sign == ' '
                                       ? "Space not allowed in string format specifier"
                                       : "Sign not allowed in string format specifier"};
  }
  if (spec.no_neg_zero) {
    return TextError{"ValueError",
                     "Negative zero coercion (z) not allowed in string format specifier"};
  }
  if (spec.alternate) {
    return TextError{"ValueError", "Alternate form (#) not allowed in string format specifier"};
  }
  if (spec.align == '=') {
    return TextError{"ValueError", "'=' alignment not allowed in string format specifier"};
  }
  std::string_view shown = text;
  if (spec.precision >= 0) {
    size_t pos = 0;
    for (int64_t count = 0; count < spec.precision && pos < text.size(); ++count) {
      utf8_next(text, pos);
    }
    shown = text.substr(0, pos);
  }
  return layout_number(spec, '<', "", "", "", 3, shown);
}

// The public entry points turn allocation failure (absurd widths) into Python's MemoryError.
template <typename Fn>
TextResult<std::string> guard_memory(Fn&& fn) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return TextError{"MemoryError", ""};
  } catch (const std::length_error&) {
    return TextError{"MemoryError", ""};
  }
}

}  // namespace

TextResult<FormatSpec> parse_format_spec(std::string_view spec, std::string_view type_name,
                                         char default_align, char32_t default_type) {
  std::u32string cps;
  for (size_t pos = 0; pos < spec.size();) cps += utf8_next(spec, pos);
  const size_t end = cps.size();
  FormatSpec out;
  size_t pos = 0;
  bool fill_given = false;
  bool align_given = false;
  if (end >= 2 && is_align(cps[1])) {
    out.fill = cps[0];
    out.align = static_cast<char>(cps[1]);
    fill_given = align_given = true;
    pos = 2;
  } else if (end >= 1 && is_align(cps[0])) {
    out.align = static_cast<char>(cps[0]);
    align_given = true;
    pos = 1;
  }
  if (pos < end && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
    out.sign = static_cast<char>(cps[pos++]);
  }
  if (pos < end && cps[pos] == 'z') {
    out.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && cps[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  // A '0' before the width means zero fill, and sign-aware ('=') where numbers are concerned.
  if (!fill_given && pos < end && cps[pos] == '0') {
    out.fill = U'0';
    if (!align_given && default_align == '>') out.align = '=';
    ++pos;
  }
  const TextError too_many{"ValueError", "Too many decimal digits in format string"};
  if (!read_count(cps, pos, out.width)) return too_many;
  if (pos < end && (cps[pos] == ',' || cps[pos] == '_')) {
    out.grouping = static_cast<char>(cps[pos++]);
    // The other separator right after is an error of its own; the same one again is read as
    // the type and rejected by the grouping check below ("Cannot specify ',' with ','.").
    const char32_t other = out.grouping == ',' ? U'_' : U',';
    if (pos < end && cps[pos] == other) {
      return TextError{"ValueError", "Cannot specify both ',' and '_'."};
    }
  }
  if (pos < end && cps[pos] == '.') {
    ++pos;
    if (pos >= end || cps[pos] < '0' || cps[pos] > '9') {
      return TextError{"ValueError", "Format specifier missing precision"};
    }
    if (!read_count(cps, pos, out.precision)) return too_many;
  }
  if (end - pos > 1) {
    return TextError{"ValueError", "Invalid format specifier '" + std::string(spec) +
                                       "' for object of type '" + std::string(type_name) + "'"};
  }
  out.type = pos < end ? cps[pos] : default_type;
  if (out.grouping != '\0') {
    bool allowed;
    switch (out.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'F': case 'G': case '%': case '\0':
        allowed = true;
        break;
      case 'b': case 'o': case 'x': case 'X':
        allowed = out.grouping == '_';
        break;
      default:
        allowed = false;
        break;
    }
    if (!allowed) {
      return TextError{"ValueError", std::string("Cannot specify '") + out.grouping + "' with '" +
                                         type_code_text(out.type) + "'."};
    }
  }
  return out;
}

TextResult<std::string> format_string(std::string_view text, std::string_view spec,
                                      std::string_view type_name) {
  return guard_memory([&] { return format_string_impl(text, spec, type_name); });
}

TextResult<std::string> format_int(int64_t value, std::string_view spec,
                                   std::string_view type_name) {
  return guard_memory([&] { return format_int64(value, spec, type_name); });
}

TextResult<std::string> format_int(const mpz_t value, std::string_view spec,
                                   std::string_view type_name) {
  return guard_memory([&] { return format_mpz(value, spec, type_name); });
}

TextResult<std::string> format_double(double value, std::string_view spec,
                                      std::string_view type_name) {
  return guard_memory([&]() -> TextResult<std::string> {
    if (spec.empty()) return float_repr(value);
    TextResult<FormatSpec> parsed = parse_format_spec(spec, type_name, '>', U'\0');
    if (!parsed) return parsed.error();
    return format_parsed_double(value, parsed.value(), type_name);
  });
}

TextResult<std::string> printf_pad_number(const PrintfSpec& spec, std::string_view sign,
                                          std::string_view prefix, std::string_view body) {
  return guard_memory([&]() -> TextResult<std::string> {
    check_output_size(spec.width);
    const int64_t length = static_cast<int64_t>(sign.size() + prefix.size() + body.size());
    const auto padding = static_cast<size_t>(std::max<int64_t>(0, spec.width - length));
    std::string out;
    if (padding > 0 && !spec.left_adjust && !spec.zero_pad) out.append(padding, ' ');
    out += sign;
    out += prefix;
    if (padding > 0 && !spec.left_adjust && spec.zero_pad) out.append(padding, '0');
    out += body;
    if (padding > 0 && spec.left_adjust) out.append(padding, ' ');
    return out;
  });
}

}  // namespace minipy
