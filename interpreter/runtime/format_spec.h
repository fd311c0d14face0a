// The format-spec mini-language of format()/str.format()/f-strings, and the shared pieces of the
// numeric text layer (error reporting, %-style padding).
//
// Everything here is pure text work on std::string (UTF-8) and GMP integers, so it can be used and
// tested without the object model. Errors are returned as the Python exception the caller must
// raise, never thrown.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace minipy {

// The Python exception a failed conversion must raise; the caller maps `kind` to the class.
struct TextError {
  std::string kind;  // "ValueError", "TypeError", "OverflowError" or "MemoryError"
  std::string message;
};

// Either a value or the exception to raise instead.
template <typename T>
class TextResult {
 public:
  TextResult(T value) : data_(std::in_place_index<0>, std::move(value)) {}
  TextResult(TextError error) : data_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(data_); }
  const T& value() const { return std::get<0>(data_); }
  const TextError& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, TextError> data_;
};

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], decoded.
struct FormatSpec {
  char32_t fill = U' ';
  char align = '\0';         // '<', '>', '^', '=' or '\0' when not given
  char sign = '\0';          // '+', '-', ' ' or '\0' when not given
  bool no_neg_zero = false;  // 'z': a value that rounds to -0 is shown as 0
  bool alternate = false;    // '#'
  int64_t width = -1;        // -1 when not given
  char grouping = '\0';      // ',' or '_' or '\0' when not given
  int64_t precision = -1;    // -1 when not given
  char32_t type = U'\0';     // presentation type, or the default type when not given
};

// Parses `spec` the way every built-in __format__ does. `default_align` ('<' for str, '>' for
// numbers) decides whether a bare '0' flag also means '=' alignment; `default_type` stands in for
// a missing type ('s' for str, '\0' for numbers) and shows up in the grouping error messages.
// `type_name` is the Python type named in "Invalid format specifier ..." messages.
TextResult<FormatSpec> parse_format_spec(std::string_view spec, std::string_view type_name,
                                         char default_align, char32_t default_type);

// format(value, spec) for str, int and float. `type_name` is the type named in messages, so
// subclasses can pass their own name. The str overload works on code points (width, precision).
TextResult<std::string> format_string(std::string_view text, std::string_view spec,
                                      std::string_view type_name);
TextResult<std::string> format_int(int64_t value, std::string_view spec,
                                   std::string_view type_name);
TextResult<std::string> format_int(const mpz_t value, std::string_view spec,
                                   std::string_view type_name);
TextResult<std::string> format_double(double value, std::string_view spec,
                                      std::string_view type_name);

// One '%' conversion of printf-style formatting after the '%' operator has parsed its flags,
// '*' arguments and the conversion character. The float and int conversions themselves live in
// float_text.h and int_text.h.
struct PrintfSpec {
  bool left_adjust = false;  // '-'
  bool plus_sign = false;    // '+'
  bool space_sign = false;   // ' '
  bool alternate = false;    // '#'
  bool zero_pad = false;     // '0'
  int64_t width = -1;        // -1 when not given
  int64_t precision = -1;    // -1 when not given
  char conversion = 'd';
};

// Pads a number already split into sign, prefix ("0x") and body the way '%' does: '-' pads on the
// right with spaces, '0' puts zeros between prefix and body, otherwise spaces go on the left.
TextResult<std::string> printf_pad_number(const PrintfSpec& spec, std::string_view sign,
                                          std::string_view prefix, std::string_view body);

// Small UTF-8 helpers shared by the numeric text files; not meant for the rest of the interpreter.
namespace numeric_text_internal {
// Decodes the code point starting at text[pos] and advances pos. Lone surrogates encoded as three
// bytes decode like any other code point; a malformed byte decodes as itself so nothing is lost.
char32_t utf8_next(std::string_view text, size_t& pos);
void utf8_append(std::string& out, char32_t code_point);
size_t utf8_length(std::string_view text);
}  // namespace numeric_text_internal

}  // namespace minipy
