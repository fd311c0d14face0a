// str: an immutable sequence of Unicode code points, stored as UTF-8.
//
// UTF-8 keeps I/O and C++ interop free; `length` (code points) and the ASCII flag make len()
// and indexing of ASCII strings O(1). Non-ASCII strings index through a lazily built table of
// byte offsets (aux). Lone surrogates (from '\ud800') are stored in generalized UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/object.h"

namespace minipy {

struct Str : Object {
  int64_t hash;     // -1 until computed
  int64_t length;   // in code points
  int64_t size;     // in bytes, excluding the trailing NUL
  uint32_t flags;   // kStrAscii, kStrInterned
  void* aux;        // lazily built index for non-ASCII strings (owned by str.cpp)
  // followed by `size + 1` bytes of UTF-8 data, NUL-terminated
  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), static_cast<size_t>(size)}; }
  bool is_ascii() const { return flags & 1; }
};
constexpr uint32_t kStrAscii = 1, kStrInterned = 2;

extern Type str_type;

// `utf8` must be valid (generalized) UTF-8; text from outside is decoded with str_decode_utf8.
Str* str_new(std::string_view utf8);
// Decodes bytes as UTF-8 with an error policy ("strict", "replace", "surrogateescape", ...);
// null + UnicodeDecodeError on failure with "strict".
Value str_decode_utf8(std::string_view bytes, const char* errors = "strict");
// The interned string for an identifier: equal names give the same object (fast attribute
// and global lookups compare pointers first).
Str* intern(std::string_view s);
Str* str_intern(Str* s);
// str or subclass / exactly str (inline: dict lookups and the VM test these constantly).
inline bool str_check(Value v) {
  Type* t = type_of(v);
  return t == &str_type || (t->flags & kTypeStrSubclass);
}
inline bool str_check_exact(Value v) { return type_of(v) == &str_type; }
int64_t str_hash(Str* s);
bool str_equal(Str* a, Str* b);
Str* str_concat(Str* a, Str* b);
// Python's repr of a string ('it\'s' -> "it's").
Str* str_repr(Str* s);
// repr of UTF-8 text as std::string (for messages that quote a value, e.g. KeyError, ValueError).
std::string str_repr_utf8(std::string_view utf8);
// ascii(s): the repr with every non-ASCII character escaped.
Str* str_ascii_repr(Str* s);

// Cheap constructors: no UTF-8 scan. The empty and one-character Latin-1 strings are shared.
Str* str_empty();
Str* str_from_ascii(std::string_view ascii);        // text known to be ASCII
Str* str_from_cp(uint32_t cp);                     // chr(cp); cp < 0x110000
// s[i] for 0 <= i < len (negative i counts from the end); IndexError otherwise.
Value str_getitem_index(Str* s, int64_t i);
// sep.join(iterable) and its array form (f-strings, BUILD_STRING): TypeError
// "sequence item 0: expected str instance, int found" for a non-str item. Null on error.
Str* str_join(Str* sep, Value iterable);
Str* str_join_array(Str* sep, const Value* items, int64_t n);

// Codecs (utf-8, ascii, latin-1 and their aliases, with the error handlers strict, ignore,
// replace, backslashreplace, surrogateescape, surrogatepass, xmlcharrefreplace (encoding);
// "unknown encoding: x" LookupError otherwise).
// `encoding`/`errors` null mean utf-8/strict. str_encode returns a Bytes.
Value str_decode(std::string_view bytes, const char* encoding, const char* errors);
Value str_encode(Str* s, const char* encoding, const char* errors);
// printf-style formatting: fmt % args.
Value str_percent_format(Str* fmt, Value args);
// fmt.format(*args, **kwargs) in the vectorcall convention.
Value str_format_call(Str* fmt, const Value* args, size_t nargs, Tuple* kwnames);

void str_type_init();

}  // namespace minipy
