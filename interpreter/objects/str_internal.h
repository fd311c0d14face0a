// Helpers shared by the text types' implementation files (str.cpp, str_format.cpp,
// str_codecs.cpp, bytes.cpp): UTF-8 coding, argument parsing with CPython's messages, and the
// byte-string algorithms str, bytes and bytearray have in common. Not a public API.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "objects/object.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace minipy::text {

// ---- UTF-8 -------------------------------------------------------------------------------

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the code point at p from (generalized, already validated) UTF-8; returns its length.
inline int decode_cp(const char* p, uint32_t* cp) {
  auto c = static_cast<unsigned char>(p[0]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c < 0xE0) {
    *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (c < 0xF0) {
    *cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  *cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  return 4;
}

inline int cp_utf8_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Encodes cp (surrogates included: generalized UTF-8) at out; returns the byte count.
inline int encode_cp(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline void append_cp(std::string& out, uint32_t cp) {
  char buf[4];
  out.append(buf, encode_cp(cp, buf));
}

// Is every byte < 0x80? Eight bytes at a time.
bool all_ascii(const char* p, size_t n);
// Number of code points in valid UTF-8.
int64_t count_cps(const char* p, size_t n);

// ---- Building strings ----------------------------------------------------------------------

// The largest str/bytes minipy attempts to build; beyond it (and whenever the collector cannot
// provide the memory) the operation raises MemoryError as CPython's would.
constexpr int64_t kMaxTextSize = int64_t{1} << 40;
// Pointer-free collectable memory for text, or null with MemoryError pending.
void* alloc_text(size_t bytes);

// A str with room for `size` bytes of data, to be filled by the caller before it escapes.
// `length` and the ASCII flag must be right: pass what the caller knows.
Str* str_alloc(int64_t size, int64_t length, bool ascii);
// A str from UTF-8 whose code point count is known (no scan).
Str* str_from_utf8_len(std::string_view utf8, int64_t length);
// Byte offset of code point `index` (0 <= index <= length).
int64_t str_offset(Str* s, int64_t index);
// Code point index of byte offset `off` (a boundary).
int64_t str_index_of_offset(Str* s, int64_t off);

// ---- Arguments -----------------------------------------------------------------------------

// The arity of a call is in [min, max] with no keywords: two compares on the common path; the
// message-building checks (runtime/args.h and below) run only when this fails.
inline bool arity_ok(size_t nargs, Tuple* kwnames, size_t min, size_t max) {
  return nargs >= min && nargs <= max && (!kwnames || kwnames->size == 0);
}
// Argument Clinic positional-only methods: "str.count() takes no keyword arguments" (kwname)
// or runtime/args.h check_nargs's messages for `name`.
bool check_positional_only(const char* kwname, const char* name, size_t nargs, Tuple* kwnames, size_t min,
                           size_t max);

// Argument checks not covered by runtime/args.h (whose check_nargs / check_no_kwargs give
// the Argument Clinic messages and are used for the rest).
// Older-style positional methods: "find() takes at least 1 argument (0 given)"
bool check_positional_old(const char* name, size_t nargs, size_t min, size_t max);
// Clinic methods taking keywords ("'x' is an invalid keyword argument for split()"): fills out[0..nnames) (null when not given) from positionals and
// keywords, with CPython's messages for unknown, duplicate, missing and surplus arguments.
bool parse_args(const char* fname, const char* const* names, size_t nnames, size_t nrequired,
                const Value* args, size_t nargs, Tuple* kwnames, Value* out);

// An integer argument (int or __index__) as a C ssize_t:
// "'str' object cannot be interpreted as an integer", "Python int too large to convert to C ssize_t"
bool ssize_arg(Value v, int64_t* out);
// A start/end argument of find/count/...: None keeps *out, big ints clamp.
// "slice indices must be integers or None or have an __index__ method"
bool slice_index_arg(Value v, int64_t* out);
// Normalises start/end against a length like a slice does (negative from the end, clamped).
void adjust_indices(int64_t* start, int64_t* end, int64_t len);

// A str argument: "<fname>() argument <argno|'name'> must be str, not int"
bool str_arg(Value v, const char* fname, const char* argname, Str** out);

// ---- Shared byte algorithms ----------------------------------------------------------------

// Position of needle in hay[start, end) or -1 (byte offsets); reverse searches from the end.
int64_t find_bytes(std::string_view hay, std::string_view needle, int64_t start, int64_t end,
                   bool reverse);
// Non-overlapping occurrences in hay[start, end) (len + 1 for an empty needle).
int64_t count_bytes(std::string_view hay, std::string_view needle, int64_t start, int64_t end);

inline bool is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

// The hash of a byte string (str hashes its UTF-8, bytes its contents); never -1.
int64_t hash_bytes(std::string_view data);

// Appends the escaped form of one byte as bytes' repr shows it.
void append_byte_escaped(std::string& out, unsigned char c, char quote);

// printf-style formatting of str (`is_bytes` false: fmt is UTF-8) or bytes; appends to out.
// False with a pending exception on error.
bool percent_format(std::string_view fmt, Value args, bool is_bytes, std::string& out);

// bytes(obj) through obj.__bytes__(): a Bytes, or null WITHOUT an exception when the type has
// no __bytes__ (null with one if it failed or returned a non-bytes).
Value bytes_from_dunder(Value v);

}  // namespace minipy::text

namespace minipy {

// Methods and slots of str implemented in str_format.cpp and str_codecs.cpp (installed by
// str_type_init).
Value str_method_format(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Value str_method_format_map(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Value str_method_dunder_format(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Value str_method_encode(Value self, const Value* args, size_t nargs, Tuple* kwnames);
Value str_mod(Value a, Value b);

}  // namespace minipy
