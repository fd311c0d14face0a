// Unicode facts the front end needs: UTF-8 coding, identifier characters, printability
// (for repr and error messages) and \N{...} character names.  The tables live in the
// generated unicode_tables.cpp (see gen_unicode_data.py).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace minipy::unicode {

// Decodes one UTF-8 sequence at s[pos].  Returns the code point and advances pos, or
// std::nullopt (pos untouched) when the bytes there are not valid UTF-8.  Surrogates
// (ED A0..BF xx) are rejected: source text must be strict UTF-8.
std::optional<char32_t> decode_utf8(std::string_view s, std::size_t& pos);

// Like decode_utf8 but accepts encoded surrogates, which minipy's str constants use for
// lone surrogates ("generalized UTF-8").  Invalid bytes decode as themselves (0x80..0xFF)
// so that every byte string can be walked.
char32_t decode_utf8_lenient(std::string_view s, std::size_t& pos);

// Appends cp as (generalized) UTF-8: surrogates become 3-byte sequences.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in s, counting each invalid byte or truncated sequence as one
// (what decoding with errors="replace" yields).
std::size_t count_chars(std::string_view s);

bool is_xid_start(char32_t cp);     // first character of an identifier ('_' included)
bool is_xid_continue(char32_t cp);  // later characters of an identifier
bool is_printable(char32_t cp);     // str.isprintable() for one character

// The code point named `name` (case-insensitive), as in "\N{GREEK SMALL LETTER ALPHA}".
std::optional<char32_t> lookup_name(std::string_view name);

namespace detail {
struct CodeRange {
  char32_t first;
  char32_t last;
};
extern const CodeRange* const kXidStartBegin;
extern const CodeRange* const kXidStartEnd;
extern const CodeRange* const kXidContinueBegin;
extern const CodeRange* const kXidContinueEnd;
extern const CodeRange* const kPrintableBegin;
extern const CodeRange* const kPrintableEnd;
extern const CodeRange* const kCjkIdeographsBegin;
extern const CodeRange* const kCjkIdeographsEnd;
extern const char* const kNamesBegin;
extern const char32_t* const kNameCodesBegin;
extern const std::size_t kNameCount;
}  // namespace detail

}  // namespace minipy::unicode
