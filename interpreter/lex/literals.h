// Decoding the text of NUMBER and STRING tokens into values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace minipy {

// ---- Numbers ----

struct NumberValue {
  enum class Kind { Int, Float, Imag };
  Kind kind = Kind::Int;
  std::int64_t int_value = 0;  // Int that fits in int64
  std::string big_digits;      // Int that does not: its decimal digits
  double float_value = 0;      // Float, or the imaginary part of Imag
};

// `text` is a NUMBER token as the tokenizer accepted it (underscores allowed).
NumberValue parse_number(std::string_view text);

// ---- Strings ----

struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  bool u = false;             // the u"" prefix, kept as Constant.kind == "u"
  std::size_t prefix_len = 0;
  std::size_t quote_len = 0;  // 1 or 3
};

StringPrefix parse_string_prefix(std::string_view token_text);

// The characters between the quotes.
std::string_view string_body(std::string_view token_text, const StringPrefix& prefix);

// Decodes the backslash escapes of a str literal (non-raw) into UTF-8.  Lone surrogates
// (\ud800) are encoded as 3-byte sequences.  On failure returns CPython's message, e.g.
// "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated
// \xXX escape".
std::optional<std::string> decode_str_escapes(std::string_view body, std::string& out);

// The same for bytes literals; the body must be ASCII (checked by the caller).
std::optional<std::string> decode_bytes_escapes(std::string_view body, std::string& out);

}  // namespace minipy
