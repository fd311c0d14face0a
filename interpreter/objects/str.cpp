// str: storage, interning, hashing, indexing, the operator slots and the methods that search,
// split, strip, pad and change case. Formatting (str.format, %, __format__) is in
// str_format.cpp, encoding and decoding in str_codecs.cpp.
//
// Invariants: data is valid generalized UTF-8, NUL-terminated; `length` counts code points and
// the ASCII flag is set exactly when size == length. Every ASCII operation has a byte-level fast
// path; non-ASCII ones work on UTF-8 directly wherever byte semantics coincide with code-point
// semantics (search, split on a separator, comparisons), and decode only where they must.

#include "objects/str.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type str_type;

namespace text {

// ---- UTF-8 scanning -------------------------------------------------------------------------

bool all_ascii(const char* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; i++)
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
  return true;
}

int64_t count_cps(const char* p, size_t n) {
  // Every byte that is not a continuation byte starts a code point.
  int64_t count = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;  // bit 7 set, bit 6 clear
    count += 8 - __builtin_popcountll(cont);
  }
  for (; i < n; i++) count += !is_continuation(static_cast<unsigned char>(p[i]));
  return count;
}

// ---- Allocation -----------------------------------------------------------------------------

namespace {

// Non-ASCII strings longer than this get an index of byte offsets, one per kIndexStride code
// points, so s[i] costs at most kIndexStride steps; shorter ones are scanned.
constexpr int64_t kIndexThreshold = 64;
constexpr int64_t kIndexStride = 32;

void free_index(Object* o) { std::free(static_cast<Str*>(o)->aux); }

}  // namespace

void* alloc_text(size_t bytes) {
  if (bytes > static_cast<size_t>(kMaxTextSize) + 64) {
    raise_no_memory();
    return nullptr;
  }
  return gc_malloc_atomic_or_raise(bytes);
}

Str* str_alloc(int64_t size, int64_t length, bool ascii) {
  // Strings hold no pointers (the offset index is malloc memory freed by a finalizer), so the
  // collector never scans their text.
  auto* s = size < 0 ? nullptr : static_cast<Str*>(alloc_text(sizeof(Str) + size + 1));
  if (!s) return nullptr;
  s->type = &str_type;
  s->hash = -1;
  s->length = length;
  s->size = size;
  s->flags = ascii ? kStrAscii : 0;
  s->aux = nullptr;
  s->data()[size] = '\0';
  return s;
}

// ---- Code point <-> byte offset ---------------------------------------------------------------

namespace {

int64_t scan_forward(const char* p, int64_t from_off, int64_t steps) {
  int64_t off = from_off;
  while (steps-- > 0) {
    off++;
    while (is_continuation(static_cast<unsigned char>(p[off]))) off++;
  }
  return off;
}

int64_t* build_index(Str* s) {
  int64_t n = s->length / kIndexStride + 1;
  auto* table = static_cast<int64_t*>(std::malloc(n * sizeof(int64_t)));
  if (!table) return nullptr;
  const char* p = s->data();
  int64_t off = 0;
  for (int64_t k = 0; k < n; k++) {
    table[k] = off;
    if (k + 1 < n) off = scan_forward(p, off, kIndexStride);
  }
  s->aux = table;
  register_finalizer(s, free_index);
  return table;
}

}  // namespace

int64_t str_offset(Str* s, int64_t index) {
  if (s->is_ascii()) return index;
  if (index >= s->length) return s->size;
  const char* p = s->data();
  if (s->length <= kIndexThreshold) {
    if (index * 2 <= s->length) return scan_forward(p, 0, index);
    int64_t off = s->size;
    for (int64_t k = s->length - index; k > 0; k--) {
      off--;
      while (is_continuation(static_cast<unsigned char>(p[off]))) off--;
    }
    return off;
  }
  auto* table = static_cast<int64_t*>(s->aux);
  if (!table) table = build_index(s);
  if (!table) return scan_forward(p, 0, index);
  return scan_forward(p, table[index / kIndexStride], index % kIndexStride);
}

int64_t str_index_of_offset(Str* s, int64_t off) {
  if (s->is_ascii()) return off;
  return count_cps(s->data(), off);
}

// ---- Arguments -------------------------------------------------------------------------------

bool check_positional_only(const char* kwname, const char* name, size_t nargs, Tuple* kwnames, size_t min,
                           size_t max) {
  return check_no_kwargs(kwname, kwnames) && check_nargs(name, nargs, min, max);
}

bool check_positional_old(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  bool few = nargs < min;
  size_t bound = few ? min : max;
  raise(&exc_TypeError, std::string(name) + "() takes " + (few ? "at least " : "at most ") +
                            std::to_string(bound) + (bound == 1 ? " argument (" : " arguments (") +
                            std::to_string(nargs) + " given)");
  return false;
}

bool parse_args(const char* fname, const char* const* names, size_t nnames, size_t nrequired,
                const Value* args, size_t nargs, Tuple* kwnames, Value* out) {
  size_t nkw = kwnames ? kwnames->size : 0;
  if (nargs + nkw > nnames) {
    bool only_kw = nargs == 0;
    raise(&exc_TypeError, std::string(fname) + "() takes at most " + std::to_string(nnames) +
                              (only_kw ? " keyword" : "") + (nnames == 1 ? " argument (" : " arguments (") +
                              std::to_string(nargs + nkw) + " given)");
    return false;
  }
  for (size_t i = 0; i < nnames; i++) out[i] = i < nargs ? args[i] : Value();
  for (size_t k = 0; k < nkw; k++) {
    std::string_view key = (*kwnames)[k].as<Str>()->view();
    size_t i = 0;
    while (i < nnames && key != names[i]) i++;
    if (i == nnames) {
      raise(&exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for " + fname + "()");
      return false;
    }
    if (out[i]) {
      raise(&exc_TypeError, "argument for " + std::string(fname) + "() given by name ('" + std::string(key) +
                                "') and position (" + std::to_string(i + 1) + ")");
      return false;
    }
    out[i] = args[nargs + k];
  }
  for (size_t i = 0; i < nrequired; i++) {
    if (!out[i]) {
      raise(&exc_TypeError, std::string(fname) + "() missing required argument '" + names[i] + "' (pos " +
                                std::to_string(i + 1) + ")");
      return false;
    }
  }
  return true;
}

bool ssize_arg(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  Value i = number_index(v);
  if (!i) return false;
  if (!int_to_i64(i, out)) {
    raise(&exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool slice_index_arg(Value v, int64_t* out) {
  if (!v || is_none(v)) return true;
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (!int_check(v) && !type_of(v)->nb.index) {
    raise(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Value i = number_index(v);
  if (!i) return false;
  if (!int_to_i64(i, out)) *out = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

void adjust_indices(int64_t* start, int64_t* end, int64_t len) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

bool str_arg(Value v, const char* fname, const char* argname, Str** out) {
  if (str_check(v)) {
    *out = v.as<Str>();
    return true;
  }
  raise(&exc_TypeError, std::string(fname) + "() argument " + argname + " must be str, not " + type_name(v));
  return false;
}

// ---- Byte algorithms ----------------------------------------------------------------------------

int64_t find_bytes(std::string_view hay, std::string_view needle, int64_t start, int64_t end,
                   bool reverse) {
  if (end - start < static_cast<int64_t>(needle.size())) return -1;
  std::string_view window = hay.substr(start, end - start);
  size_t pos;
  if (reverse) {
    pos = window.rfind(needle);
  } else if (needle.size() == 1) {
    const void* hit = std::memchr(window.data(), needle[0], window.size());
    return hit ? static_cast<const char*>(hit) - hay.data() : -1;
  } else {
    pos = window.find(needle);
  }
  return pos == std::string_view::npos ? -1 : start + static_cast<int64_t>(pos);
}

int64_t count_bytes(std::string_view hay, std::string_view needle, int64_t start, int64_t end) {
  if (end - start < static_cast<int64_t>(needle.size())) return 0;
  if (needle.empty()) return end - start + 1;
  std::string_view window = hay.substr(start, end - start);
  int64_t count = 0;
  if (needle.size() == 1) {
    for (char c : window) count += c == needle[0];
    return count;
  }
  size_t pos = 0;
  while ((pos = window.find(needle, pos)) != std::string_view::npos) {
    count++;
    pos += needle.size();
  }
  return count;
}

void append_byte_escaped(std::string& out, unsigned char c, char quote) {
  static const char kHex[] = "0123456789abcdef";
  if (c == static_cast<unsigned char>(quote) || c == '\\') {
    out += '\\';
    out += static_cast<char>(c);
  } else if (c == '\t') {
    out += "\\t";
  } else if (c == '\n') {
    out += "\\n";
  } else if (c == '\r') {
    out += "\\r";
  } else if (c < 0x20 || c >= 0x7F) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  } else {
    out += static_cast<char>(c);
  }
}

}  // namespace text

using namespace text;

namespace {
// Shared empty and one-character Latin-1 strings (filled by str_type_init; allocation covers
// the strings made before that).
Str* empty_str;
Str* latin1_chars[256];
}  // namespace

// ---- Public constructors, interning, hashing -----------------------------------------------------

Str* str_from_ascii(std::string_view v) {
  if (v.empty() && empty_str) return empty_str;
  if (v.size() == 1 && latin1_chars[0]) return latin1_chars[static_cast<unsigned char>(v[0])];
  Str* s = str_alloc(v.size(), v.size(), true);
  std::memcpy(s->data(), v.data(), v.size());
  return s;
}

Str* text::str_from_utf8_len(std::string_view v, int64_t length) {
  if (static_cast<int64_t>(v.size()) == length) return str_from_ascii(v);
  if (length == 1 && latin1_chars[0]) {
    uint32_t cp;
    decode_cp(v.data(), &cp);
    if (cp < 256) return latin1_chars[cp];
  }
  Str* s = str_alloc(v.size(), length, false);
  std::memcpy(s->data(), v.data(), v.size());
  return s;
}

Str* str_empty() { return empty_str; }

Str* str_from_cp(uint32_t cp) {
  if (cp < 256 && latin1_chars[0]) return latin1_chars[cp];
  char buf[4];
  int n = encode_cp(cp, buf);
  Str* s = str_alloc(n, 1, false);
  std::memcpy(s->data(), buf, n);
  return s;
}


Str* str_new(std::string_view utf8) {
  if (all_ascii(utf8.data(), utf8.size())) return str_from_ascii(utf8);
  return str_from_utf8_len(utf8, count_cps(utf8.data(), utf8.size()));
}

namespace {

// The intern table: open addressing over the strings' own cached hashes. The slot array is
// uncollectable memory, scanned by the collector, which keeps interned strings alive for good,
// as CPython does. Start-up interns about 2,000 names (every type's attributes).
std::mutex intern_mutex;
Str** intern_slots = nullptr;
size_t intern_mask = 0;
size_t intern_count = 0;
constexpr size_t kInternInitialSlots = 4096;

// The slot holding the string equal to `v` (hash `h`), or the empty slot where it belongs.
Str** intern_slot(std::string_view v, int64_t h) {
  if (!intern_slots) {
    intern_slots = static_cast<Str**>(gc_malloc_uncollectable(kInternInitialSlots * sizeof(Str*)));
    intern_mask = kInternInitialSlots - 1;
  }
  for (size_t i = static_cast<size_t>(h) & intern_mask;; i = (i + 1) & intern_mask) {
    Str* s = intern_slots[i];
    if (!s || (s->hash == h && s->view() == v)) return &intern_slots[i];
  }
}

// Stores `s` (flagged interned, hash cached) into the empty slot `slot`; grows at 2/3 full.
void intern_insert(Str** slot, Str* s) {
  *slot = s;
  if (++intern_count * 3 < (intern_mask + 1) * 2) return;
  Str** old = intern_slots;
  size_t old_size = intern_mask + 1;
  intern_slots = static_cast<Str**>(gc_malloc_uncollectable(2 * old_size * sizeof(Str*)));
  intern_mask = 2 * old_size - 1;
  for (size_t i = 0; i < old_size; ++i) {
    if (old[i]) *intern_slot(old[i]->view(), old[i]->hash) = old[i];
  }
  GC_FREE(old);
}

inline uint64_t mix(uint64_t a, uint64_t b) {
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

// A wyhash-style hash: 8 bytes per multiply, good avalanche, no table.
uint64_t hash64(const char* p, size_t n) {
  constexpr uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull, k2 = 0x8ebc6af09c88c6e3ull;
  uint64_t h = k0 ^ (n * k1);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = mix(h ^ w, k1);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p + i, n - i);
  return mix(h ^ tail, k2 ^ n);
}

}  // namespace

int64_t text::hash_bytes(std::string_view v) {
  auto h = static_cast<int64_t>(hash64(v.data(), v.size()));
  return h == -1 ? -2 : h;
}

int64_t str_hash(Str* s) {
  if (s->hash == -1) s->hash = hash_bytes(s->view());
  return s->hash;
}

bool str_equal(Str* a, Str* b) {
  if (a == b) return true;
  if (a->size != b->size) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data(), b->data(), a->size) == 0;
}

Str* intern(std::string_view s) {
  int64_t h = text::hash_bytes(s);
  std::lock_guard<std::mutex> lock(intern_mutex);
  Str** slot = intern_slot(s, h);
  if (*slot) return *slot;
  Str* str = str_new(s);
  str->flags |= kStrInterned;
  str->hash = h;
  intern_insert(slot, str);
  return str;
}

Str* str_intern(Str* s) {
  if (s->flags & kStrInterned) return s;
  int64_t h = str_hash(s);
  std::lock_guard<std::mutex> lock(intern_mutex);
  Str** slot = intern_slot(s->view(), h);
  if (*slot) return *slot;
  if (s->type != &str_type) {
    s = str_from_utf8_len(s->view(), s->length);
    s->hash = h;
  }
  s->flags |= kStrInterned;
  intern_insert(slot, s);
  return s;
}

Str* str_concat(Str* a, Str* b) {
  if (b->size == 0 && a->type == &str_type) return a;
  if (a->size == 0 && b->type == &str_type) return b;
  Str* s = str_alloc(a->size + b->size, a->length + b->length, a->is_ascii() && b->is_ascii());
  if (!s) return nullptr;
  std::memcpy(s->data(), a->data(), a->size);
  std::memcpy(s->data() + a->size, b->data(), b->size);
  return s;
}

// ---- repr ---------------------------------------------------------------------------------------

namespace {

void append_cp_escaped(std::string& out, uint32_t cp, char quote) {
  static const char kHex[] = "0123456789abcdef";
  if (cp < 0x80) {
    append_byte_escaped(out, static_cast<unsigned char>(cp), quote);
  } else if (unicode::has(cp, unicode::kPrintable)) {
    append_cp(out, cp);
  } else {
    int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    out += '\\';
    out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int i = digits - 1; i >= 0; i--) out += kHex[(cp >> (4 * i)) & 15];
  }
}

char choose_quote(std::string_view v) {
  bool has_single = v.find('\'') != std::string_view::npos;
  bool has_double = v.find('"') != std::string_view::npos;
  return has_single && !has_double ? '"' : '\'';
}

}  // namespace

std::string str_repr_utf8(std::string_view v) {
  char quote = choose_quote(v);
  std::string out;
  out.reserve(v.size() + 2);
  out += quote;
  for (size_t i = 0; i < v.size();) {
    auto c = static_cast<unsigned char>(v[i]);
    if (c < 0x80) {
      append_byte_escaped(out, c, quote);
      i++;
    } else {
      uint32_t cp;
      i += decode_cp(v.data() + i, &cp);
      append_cp_escaped(out, cp, quote);
    }
  }
  out += quote;
  return out;
}

Str* str_repr(Str* s) {
  std::string out = str_repr_utf8(s->view());
  // The repr of an ASCII string is ASCII; otherwise only printable non-ASCII survived.
  return s->is_ascii() ? str_from_ascii(out) : str_new(out);
}

Str* str_ascii_repr(Str* s) {
  std::string out = str_repr_utf8(s->view());
  if (s->is_ascii()) return str_from_ascii(out);
  std::string esc;
  esc.reserve(out.size());
  static const char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < out.size();) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      esc += static_cast<char>(c);
      i++;
      continue;
    }
    uint32_t cp;
    i += decode_cp(out.data() + i, &cp);
    int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    esc += '\\';
    esc += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int k = digits - 1; k >= 0; k--) esc += kHex[(cp >> (4 * k)) & 15];
  }
  return str_from_ascii(esc);
}

// ---- Slots ----------------------------------------------------------------------------------------

namespace {

Str* as_str(Value v) { return v.as<Str>(); }

Value str_slot_repr(Value self) { return str_repr(as_str(self)); }

Value str_slot_str(Value self) {
  Str* s = as_str(self);
  if (s->type == &str_type) return s;
  return str_from_utf8_len(s->view(), s->length);
}

int64_t str_slot_hash(Value self) { return str_hash(as_str(self)); }

int64_t str_slot_length(Value self) { return as_str(self)->length; }

// Whether `other` (the right operand of str OP other) may still handle the operation itself,
// in which case str answers NotImplemented instead of raising its own TypeError.
bool right_may_handle(Value other, const char* rname) {
  Type* t = type_of(other);
  if (!(t->flags & kTypeHeap)) return false;
  Str* name = intern(rname);
  return static_cast<bool>(type_lookup(t, name));
}

Value str_add(Value a, Value b) {
  if (!str_check(a)) return not_implemented_value();
  if (!str_check(b)) {
    if (right_may_handle(b, "__radd__")) return not_implemented_value();
    return raise(&exc_TypeError, std::string("can only concatenate str (not \"") + type_name(b) + "\") to str");
  }
  return str_concat(as_str(a), as_str(b));
}

Value str_repeat(Str* s, int64_t n) {
  if (n <= 0 || s->size == 0) return str_empty();
  if (n == 1 && s->type == &str_type) return s;
  if (s->size > kMaxTextSize / n) return raise_no_memory();
  Str* r = str_alloc(s->size * n, s->length * n, s->is_ascii());
  if (!r) return Value();
  char* out = r->data();
  if (s->size == 1) {
    std::memset(out, s->data()[0], n);
  } else {
    // Doubling copies: log(n) memcpy calls.
    std::memcpy(out, s->data(), s->size);
    int64_t done = s->size, total = s->size * n;
    while (done < total) {
      int64_t chunk = std::min(done, total - done);
      std::memcpy(out + done, out, chunk);
      done += chunk;
    }
  }
  return r;
}

Value str_mul(Value a, Value b) {
  Value seq = a, count = b;
  if (!str_check(a)) std::swap(seq, count);
  if (!str_check(seq)) return not_implemented_value();
  if (!int_check(count) && !type_of(count)->nb.index) {
    if (seq.is(a) && right_may_handle(count, "__rmul__")) return not_implemented_value();
    return raise(&exc_TypeError, std::string("can't multiply sequence by non-int of type '") + type_name(count) + "'");
  }
  int64_t n;
  if (!index_to_i64(count, &n)) return Value();
  return str_repeat(as_str(seq), n);
}

Value str_richcompare(Value a, Value b, CompareOp op) {
  if (!str_check(a) || !str_check(b)) return not_implemented_value();
  Str* x = as_str(a);
  Str* y = as_str(b);
  if (op == CompareOp::Eq) return bool_value(str_equal(x, y));
  if (op == CompareOp::Ne) return bool_value(!str_equal(x, y));
  // UTF-8 byte order is code point order.
  int c = std::memcmp(x->data(), y->data(), std::min(x->size, y->size));
  if (c == 0) c = x->size < y->size ? -1 : x->size > y->size ? 1 : 0;
  switch (op) {
    case CompareOp::Lt: return bool_value(c < 0);
    case CompareOp::Le: return bool_value(c <= 0);
    case CompareOp::Gt: return bool_value(c > 0);
    default: return bool_value(c >= 0);
  }
}

int str_contains(Value self, Value item) {
  if (!str_check(item)) {
    raise(&exc_TypeError, std::string("'in <string>' requires string as left operand, not ") + type_name(item));
    return -1;
  }
  Str* s = as_str(self);
  Str* sub = as_str(item);
  return find_bytes(s->view(), sub->view(), 0, s->size, false) >= 0;
}

// The code point at index i (0 <= i < length) as a one-character string.
Str* char_at(Str* s, int64_t i) {
  if (s->is_ascii()) return str_from_cp(static_cast<unsigned char>(s->data()[i]));
  uint32_t cp;
  decode_cp(s->data() + str_offset(s, i), &cp);
  return str_from_cp(cp);
}

Value str_slice(Str* s, Slice* slice) {
  int64_t start, stop, step, count;
  if (slice_indices(slice, s->length, &start, &stop, &step, &count) < 0) return Value();
  if (count <= 0) return str_empty();
  if (step == 1) {
    if (count == s->length && s->type == &str_type) return s;
    int64_t b = str_offset(s, start), e = str_offset(s, stop);
    return str_from_utf8_len(std::string_view(s->data() + b, e - b), count);
  }
  if (s->is_ascii()) {
    Str* r = str_alloc(count, count, true);
    const char* p = s->data();
    for (int64_t k = 0, i = start; k < count; k++, i += step) r->data()[k] = p[i];
    return count == 1 ? str_from_ascii(r->view()) : r;
  }
  // Decode once into code points, then pick.
  std::u32string cps;
  cps.reserve(s->length);
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    off += decode_cp(s->data() + off, &cp);
    cps.push_back(cp);
  }
  std::string out;
  for (int64_t k = 0, i = start; k < count; k++, i += step) append_cp(out, cps[i]);
  return str_from_utf8_len(out, count);
}

Value str_subscript(Value self, Value key) {
  Str* s = as_str(self);
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (type_of(key) == &slice_type) {
    return str_slice(s, key.as<Slice>());
  } else if (int_check(key) || type_of(key)->nb.index) {
    if (!index_to_i64(key, &i)) {
      if (error_matches(&exc_OverflowError)) {
        Value e = error_fetch();
        Value msg = to_str(e);
        if (!msg) return Value();
        return raise(&exc_IndexError, as_str(msg)->view());
      }
      return Value();
    }
  } else {
    return raise(&exc_TypeError, std::string("string indices must be integers, not '") + type_name(key) + "'");
  }
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return raise(&exc_IndexError, "string index out of range");
  return char_at(s, i);
}

// ---- Iterator ----

struct StrIterator : Object {
  Str* str;
  int64_t offset;
};

Type str_iterator_type;

Value str_iter(Value self) {
  auto* it = alloc<StrIterator>(&str_iterator_type);
  it->str = as_str(self);
  it->offset = 0;
  return it;
}

Value str_iterator_next(Value self) {
  auto* it = self.as<StrIterator>();
  Str* s = it->str;
  if (!s || it->offset >= s->size) {
    it->str = nullptr;
    return Value();
  }
  uint32_t cp;
  it->offset += decode_cp(s->data() + it->offset, &cp);
  return str_from_cp(cp);
}

Value str_iterator_iter(Value self) { return self; }

Value str_iterator_length_hint(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("str_iterator.__length_hint__", nargs, 0, 0)) return Value();
  auto* it = self.as<StrIterator>();
  if (!it->str) return Value::small_int(0);
  return Value::small_int(it->str->length - str_index_of_offset(it->str, it->offset));
}

const MethodDef str_iterator_methods[] = {
    {"__length_hint__", str_iterator_length_hint},
    {nullptr, nullptr},
};

// ---- Construction: str(object='') / str(object=b'', encoding='utf-8', errors='strict') ----

Value make_subtype_instance(Type* type, Str* value);

Value str_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"object", "encoding", "errors"};
  Value a[3];
  if (nargs == 1 && !kwnames && type == &str_type) return to_str(args[0]);
  if (!parse_args("str", kNames, 3, 0, args, nargs, kwnames, a)) return Value();
  Value result;
  if (!a[1] && !a[2]) {
    result = a[0] ? to_str(a[0]) : Value(str_empty());
  } else {
    Str* encoding = nullptr;
    Str* errors = nullptr;
    if (a[1] && !str_arg(a[1], "str", "'encoding'", &encoding)) return Value();
    if (a[2] && !str_arg(a[2], "str", "'errors'", &errors)) return Value();
    Value obj = a[0] ? a[0] : Value(bytes_new(""));
    std::string_view data;
    if (str_check(obj)) return raise(&exc_TypeError, "decoding str is not supported");
    if (!bytes_like_view(obj, &data))
      return raise(&exc_TypeError, std::string("decoding to str: need a bytes-like object, ") + type_name(obj) + " found");
    result = str_decode(data, encoding ? encoding->data() : "utf-8", errors ? errors->data() : "strict");
  }
  if (!result || type == &str_type) return result;
  return make_subtype_instance(type, as_str(result));
}

// An instance of a str subclass: a Str layout followed by the text, with the subclass's extra
// fields (its instance __dict__) at the offsets the type describes after the base layout.
Value make_subtype_instance(Type* type, Str* value) {
  size_t text = (value->size + 1 + 7) & ~size_t{7};
  auto* s = static_cast<Str*>(alloc_object(type, type->basicsize + text));
  s->hash = -1;
  s->length = value->length;
  s->size = value->size;
  s->flags = value->flags & kStrAscii;
  s->aux = nullptr;
  std::memcpy(s->data(), value->data(), value->size + 1);
  return s;
}

}  // namespace

// ---- Methods --------------------------------------------------------------------------------------

namespace {

// "str.NAME() takes no keyword arguments"; the message is built only when needed.
bool no_kwargs(const char* name, Tuple* kw) {
  if (!kw || kw->size == 0) return true;
  return check_no_kwargs((std::string("str.") + name).c_str(), kw);
}

// Classifies a character for the is*() predicates with an ASCII fast path.
template <class AsciiPred>
Value predicate(Value self, size_t nargs, Tuple* kwnames, const char* qualname, AsciiPred ascii_pred,
                uint16_t flags) {
  if (!arity_ok(nargs, kwnames, 0, 0) &&
      !check_positional_only(qualname, qualname, nargs, kwnames, 0, 0)) return Value();
  Str* s = as_str(self);
  if (s->size == 0) return false_value();
  if (s->is_ascii()) {
    for (int64_t i = 0; i < s->size; i++)
      if (!ascii_pred(static_cast<unsigned char>(s->data()[i]))) return false_value();
    return true_value();
  }
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    off += decode_cp(s->data() + off, &cp);
    if (!(unicode::flags(cp) & flags)) return false_value();
  }
  return true_value();
}

bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

Value m_isalpha(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate(self, nargs, kw, "str.isalpha", ascii_alpha, unicode::kAlpha);
}
Value m_isdecimal(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate(self, nargs, kw, "str.isdecimal", ascii_digit, unicode::kDecimal);
}
Value m_isdigit(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate(self, nargs, kw, "str.isdigit", ascii_digit, unicode::kDigit);
}
Value m_isnumeric(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate(self, nargs, kw, "str.isnumeric", ascii_digit, unicode::kNumeric);
}
Value m_isalnum(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate(
      self, nargs, kw, "str.isalnum", [](unsigned char c) { return ascii_alpha(c) || ascii_digit(c); },
      unicode::kAlpha | unicode::kDecimal | unicode::kDigit | unicode::kNumeric);
}
Value m_isspace(Value self, const Value*, size_t nargs, Tuple* kw) {
  return predicate(self, nargs, kw, "str.isspace", [](unsigned char c) { return is_ascii_space(c); },
                   unicode::kSpace);
}

Value m_isprintable(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only("str.isprintable", "str.isprintable", nargs, kw, 0, 0)) return Value();
  Str* s = as_str(self);
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    off += decode_cp(s->data() + off, &cp);
    if (cp < 0x80 ? (cp < 0x20 || cp == 0x7F) : !unicode::has(cp, unicode::kPrintable)) return false_value();
  }
  return true_value();
}

Value m_isascii(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only("str.isascii", "str.isascii", nargs, kw, 0, 0)) return Value();
  return bool_value(as_str(self)->is_ascii());
}

// islower/isupper: no character of the other case (or titlecase), at least one cased.
Value case_predicate(Value self, size_t nargs, Tuple* kw, const char* qualname, uint16_t want,
                     uint16_t reject) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only(qualname, qualname, nargs, kw, 0, 0)) return Value();
  Str* s = as_str(self);
  bool cased = false;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    off += decode_cp(s->data() + off, &cp);
    uint16_t f = unicode::flags(cp);
    if (f & reject) return false_value();
    if (f & want) cased = true;
  }
  return bool_value(cased);
}

Value m_islower(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_predicate(self, nargs, kw, "str.islower", unicode::kLower, unicode::kUpper | unicode::kTitle);
}
Value m_isupper(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_predicate(self, nargs, kw, "str.isupper", unicode::kUpper, unicode::kLower | unicode::kTitle);
}

Value m_istitle(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only("str.istitle", "str.istitle", nargs, kw, 0, 0)) return Value();
  Str* s = as_str(self);
  bool cased = false, previous_cased = false;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    off += decode_cp(s->data() + off, &cp);
    uint16_t f = unicode::flags(cp);
    if (f & (unicode::kUpper | unicode::kTitle)) {
      if (previous_cased) return false_value();
      previous_cased = cased = true;
    } else if (f & unicode::kLower) {
      if (!previous_cased) return false_value();
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return bool_value(cased);
}

bool is_identifier(Str* s) {
  if (s->size == 0) return false;
  bool first = true;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    off += decode_cp(s->data() + off, &cp);
    uint16_t f = unicode::flags(cp);
    if (first ? !(f & unicode::kIdStart) : !(f & unicode::kIdContinue)) return false;
    first = false;
  }
  return true;
}

Value m_isidentifier(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only("str.isidentifier", "str.isidentifier", nargs, kw, 0, 0)) return Value();
  return bool_value(is_identifier(as_str(self)));
}

// ---- Case mapping ----

enum class CaseOp { Lower, Upper, SwapCase, Title, Capitalize, CaseFold };

// Greek capital sigma lowercases to final sigma at the end of a word: preceded by a cased letter
// and not followed by one (case-ignorable characters skipped both ways).
bool is_final_sigma(const char* p, int64_t size, int64_t off, int64_t next) {
  int64_t i = off;
  bool before = false;
  while (i > 0) {
    i--;
    while (i > 0 && is_continuation(static_cast<unsigned char>(p[i]))) i--;
    uint32_t cp;
    decode_cp(p + i, &cp);
    uint16_t f = unicode::flags(cp);
    if (f & unicode::kCaseIgnorable) continue;
    before = f & unicode::kCased;
    break;
  }
  if (!before) return false;
  for (int64_t j = next; j < size;) {
    uint32_t cp;
    j += decode_cp(p + j, &cp);
    uint16_t f = unicode::flags(cp);
    if (f & unicode::kCaseIgnorable) continue;
    return !(f & unicode::kCased);
  }
  return true;
}

Value change_case(Str* s, CaseOp op) {
  const char* p = s->data();
  if (s->is_ascii()) {
    Str* r = str_alloc(s->size, s->length, true);
    if (!r) return Value();
    char* out = r->data();
    bool previous_cased = false;
    for (int64_t i = 0; i < s->size; i++) {
      auto c = static_cast<unsigned char>(p[i]);
      bool up = ascii_upper(c), low = ascii_lower(c);
      switch (op) {
        case CaseOp::Lower:
        case CaseOp::CaseFold: c = up ? c | 0x20 : c; break;
        case CaseOp::Upper: c = low ? c & ~0x20 : c; break;
        case CaseOp::SwapCase: c = (up || low) ? c ^ 0x20 : c; break;
        case CaseOp::Title:
          if (up || low) c = previous_cased ? (c | 0x20) : (c & ~0x20);
          previous_cased = up || low;
          break;
        case CaseOp::Capitalize:
          if (up || low) c = i == 0 ? (c & ~0x20) : (c | 0x20);
          break;
      }
      out[i] = static_cast<char>(c);
    }
    return r;
  }
  std::string out;
  out.reserve(s->size + 8);
  int64_t length = 0;
  bool previous_cased = false;
  bool first = true;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    int64_t next = off + decode_cp(p + off, &cp);
    uint16_t f = unicode::flags(cp);
    unicode::CaseKind kind = unicode::CaseKind::Lower;
    bool keep = false;
    switch (op) {
      case CaseOp::Lower: kind = unicode::CaseKind::Lower; break;
      case CaseOp::CaseFold: kind = unicode::CaseKind::Fold; break;
      case CaseOp::Upper: kind = unicode::CaseKind::Upper; break;
      case CaseOp::SwapCase:
        if (f & unicode::kUpper) kind = unicode::CaseKind::Lower;
        else if (f & unicode::kLower) kind = unicode::CaseKind::Upper;
        else keep = true;
        break;
      case CaseOp::Title:
        kind = previous_cased ? unicode::CaseKind::Lower : unicode::CaseKind::Title;
        previous_cased = f & unicode::kCased;
        break;
      case CaseOp::Capitalize: kind = first ? unicode::CaseKind::Title : unicode::CaseKind::Lower; break;
    }
    first = false;
    if (cp == 0x3A3 && kind == unicode::CaseKind::Lower) {
      append_cp(out, is_final_sigma(p, s->size, off, next) ? 0x3C2 : 0x3C3);
      length++;
    } else if (keep) {
      out.append(p + off, next - off);
      length++;
    } else {
      uint32_t mapped[3];
      int n = unicode::map_case(cp, kind, mapped);
      for (int k = 0; k < n; k++) append_cp(out, mapped[k]);
      length += n;
    }
    off = next;
  }
  return str_from_utf8_len(out, length);
}

Value case_method(Value self, size_t nargs, Tuple* kw, const char* qualname, CaseOp op) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only(qualname, qualname, nargs, kw, 0, 0)) return Value();
  return change_case(as_str(self), op);
}

Value m_lower(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method(self, nargs, kw, "str.lower", CaseOp::Lower);
}
Value m_upper(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method(self, nargs, kw, "str.upper", CaseOp::Upper);
}
Value m_swapcase(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method(self, nargs, kw, "str.swapcase", CaseOp::SwapCase);
}
Value m_title(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method(self, nargs, kw, "str.title", CaseOp::Title);
}
Value m_capitalize(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method(self, nargs, kw, "str.capitalize", CaseOp::Capitalize);
}
Value m_casefold(Value self, const Value*, size_t nargs, Tuple* kw) {
  return case_method(self, nargs, kw, "str.casefold", CaseOp::CaseFold);
}

// ---- Searching ----

// Parses (sub[, start[, end]]) and converts start/end to byte offsets of `s`.
// Returns false on error; *empty_range is set when start > len (nothing can match, not even "").
bool search_args(const char* name, Str* s, const Value* args, size_t nargs, Tuple* kw, Str** sub,
                 int64_t* bstart, int64_t* bend, int64_t* cstart) {
  if (!arity_ok(nargs, kw, 1, 3) && (!no_kwargs(name, kw) || !check_positional_old(name, nargs, 1, 3))) return false;
  if (!str_check(args[0])) {
    raise(&exc_TypeError, std::string("must be str, not ") + type_name(args[0]));
    return false;
  }
  *sub = as_str(args[0]);
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start)) return false;
  if (nargs > 2 && !slice_index_arg(args[2], &end)) return false;
  adjust_indices(&start, &end, s->length);
  *cstart = start;
  if (start > s->length) {
    *bstart = -1;
    return true;
  }
  if (end < start) end = start;
  *bstart = str_offset(s, start);
  *bend = str_offset(s, end);
  return true;
}

Value find_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool reverse,
                bool raise_missing) {
  Str* s = as_str(self);
  Str* sub;
  int64_t b, e, cstart;
  if (!search_args(name, s, args, nargs, kw, &sub, &b, &e, &cstart)) return Value();
  int64_t pos = b < 0 ? -1 : find_bytes(s->view(), sub->view(), b, e, reverse);
  if (pos < 0) {
    if (raise_missing) return raise(&exc_ValueError, "substring not found");
    return Value::small_int(-1);
  }
  return Value::small_int(str_index_of_offset(s, pos));
}

Value m_find(Value self, const Value* a, size_t n, Tuple* kw) { return find_impl(self, a, n, kw, "find", false, false); }
Value m_rfind(Value self, const Value* a, size_t n, Tuple* kw) { return find_impl(self, a, n, kw, "rfind", true, false); }
Value m_index(Value self, const Value* a, size_t n, Tuple* kw) { return find_impl(self, a, n, kw, "index", false, true); }
Value m_rindex(Value self, const Value* a, size_t n, Tuple* kw) { return find_impl(self, a, n, kw, "rindex", true, true); }

Value m_count(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Str* s = as_str(self);
  Str* sub;
  int64_t b, e, cstart;
  if (!search_args("count", s, args, nargs, kw, &sub, &b, &e, &cstart)) return Value();
  if (b < 0) return Value::small_int(0);
  if (sub->size == 0) return Value::small_int(str_index_of_offset(s, e) - cstart + 1);
  return Value::small_int(count_bytes(s->view(), sub->view(), b, e));
}

// startswith/endswith: prefix is a str or a tuple of str.
Value starts_ends(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool ends) {
  if (!arity_ok(nargs, kw, 1, 3) && (!no_kwargs(name, kw) || !check_positional_old(name, nargs, 1, 3))) return Value();
  Str* s = as_str(self);
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start)) return Value();
  if (nargs > 2 && !slice_index_arg(args[2], &end)) return Value();
  adjust_indices(&start, &end, s->length);
  auto test = [&](Str* sub) -> bool {
    if (start > s->length) return false;
    if (end - start < sub->length) return false;
    int64_t b = str_offset(s, start), e = str_offset(s, end);
    if (e - b < sub->size) return false;
    const char* at = ends ? s->data() + e - sub->size : s->data() + b;
    return std::memcmp(at, sub->data(), sub->size) == 0;
  };
  Value prefix = args[0];
  if (str_check(prefix)) return bool_value(test(as_str(prefix)));
  if (tuple_check(prefix)) {
    Tuple* t = prefix.as<Tuple>();
    for (int64_t i = 0; i < t->size; i++) {
      if (!str_check((*t)[i]))
        return raise(&exc_TypeError, std::string("tuple for ") + name + " must only contain str, not " +
                                         type_name((*t)[i]));
      if (test(as_str((*t)[i]))) return true_value();
    }
    return false_value();
  }
  return raise(&exc_TypeError, std::string(name) + " first arg must be str or a tuple of str, not " + type_name(prefix));
}

Value m_startswith(Value self, const Value* a, size_t n, Tuple* kw) { return starts_ends(self, a, n, kw, "startswith", false); }
Value m_endswith(Value self, const Value* a, size_t n, Tuple* kw) { return starts_ends(self, a, n, kw, "endswith", true); }

// ---- Splitting ----

Str* piece(Str* s, int64_t b, int64_t e) {
  if (b == 0 && e == s->size && s->type == &str_type) return s;
  std::string_view v(s->data() + b, e - b);
  if (s->is_ascii()) return str_from_ascii(v);
  return str_new(v);
}

bool is_space_at(const char* p, int64_t off, int64_t* len) {
  auto c = static_cast<unsigned char>(p[off]);
  if (c < 0x80) {
    *len = 1;
    return is_ascii_space(c);
  }
  uint32_t cp;
  *len = decode_cp(p + off, &cp);
  return unicode::has(cp, unicode::kSpace);
}

// Whitespace split (sep=None): runs of whitespace separate, leading/trailing ignored.
List* split_whitespace(Str* s, int64_t maxsplit) {
  List* result = list_new();
  const char* p = s->data();
  int64_t n = s->size, i = 0, len;
  if (s->is_ascii()) {
    while (true) {
      while (i < n && is_ascii_space(static_cast<unsigned char>(p[i]))) i++;
      if (i >= n) break;
      if (maxsplit-- == 0) {  // the remainder keeps its trailing whitespace
        list_append(result, piece(s, i, n));
        break;
      }
      int64_t j = i;
      while (j < n && !is_ascii_space(static_cast<unsigned char>(p[j]))) j++;
      list_append(result, piece(s, i, j));
      i = j;
    }
    return result;
  }
  while (true) {
    while (i < n && is_space_at(p, i, &len)) i += len;
    if (i >= n) break;
    if (maxsplit-- == 0) {
      list_append(result, piece(s, i, n));
      break;
    }
    int64_t j = i;
    while (j < n && !is_space_at(p, j, &len)) j += len;
    list_append(result, piece(s, i, j));
    i = j;
  }
  return result;
}

List* rsplit_whitespace(Str* s, int64_t maxsplit) {
  List* result = list_new();
  const char* p = s->data();
  auto prev_space = [&](int64_t end, int64_t* start) {  // is the char ending at `end` a space?
    int64_t b = end - 1;
    while (b > 0 && is_continuation(static_cast<unsigned char>(p[b]))) b--;
    *start = b;
    int64_t len;
    return is_space_at(p, b, &len);
  };
  int64_t e = s->size, b;
  while (true) {
    while (e > 0 && prev_space(e, &b)) e = b;
    if (e <= 0) break;
    if (maxsplit-- == 0) {  // the remainder keeps its leading whitespace
      list_append(result, piece(s, 0, e));
      break;
    }
    int64_t j = e;
    while (j > 0 && !prev_space(j, &b)) j = b;
    list_append(result, piece(s, j, e));
    e = j;
  }
  std::reverse(result->items, result->items + result->size);
  return result;
}

List* split_sep(Str* s, Str* sep, int64_t maxsplit) {
  List* result = list_new();
  std::string_view v = s->view(), needle = sep->view();
  int64_t i = 0;
  while (maxsplit-- != 0) {
    int64_t pos = find_bytes(v, needle, i, s->size, false);
    if (pos < 0) break;
    list_append(result, piece(s, i, pos));
    i = pos + sep->size;
  }
  list_append(result, piece(s, i, s->size));
  return result;
}

List* rsplit_sep(Str* s, Str* sep, int64_t maxsplit) {
  List* result = list_new();
  std::string_view v = s->view(), needle = sep->view();
  int64_t e = s->size;
  while (maxsplit-- != 0) {
    int64_t pos = find_bytes(v, needle, 0, e, true);
    if (pos < 0) break;
    list_append(result, piece(s, pos + sep->size, e));
    e = pos;
  }
  list_append(result, piece(s, 0, e));
  std::reverse(result->items, result->items + result->size);
  return result;
}

Value split_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool reverse) {
  static const char* const kNames[] = {"sep", "maxsplit"};
  Value a[2];
  if (!parse_args(name, kNames, 2, 0, args, nargs, kw, a)) return Value();
  int64_t maxsplit = -1;
  if (a[1] && !ssize_arg(a[1], &maxsplit)) return Value();
  Str* s = as_str(self);
  if (!a[0] || is_none(a[0])) return reverse ? rsplit_whitespace(s, maxsplit) : split_whitespace(s, maxsplit);
  if (!str_check(a[0])) return raise(&exc_TypeError, std::string("must be str or None, not ") + type_name(a[0]));
  Str* sep = as_str(a[0]);
  if (sep->size == 0) return raise(&exc_ValueError, "empty separator");
  return reverse ? rsplit_sep(s, sep, maxsplit) : split_sep(s, sep, maxsplit);
}

Value m_split(Value self, const Value* a, size_t n, Tuple* kw) { return split_impl(self, a, n, kw, "split", false); }
Value m_rsplit(Value self, const Value* a, size_t n, Tuple* kw) { return split_impl(self, a, n, kw, "rsplit", true); }

Value m_splitlines(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"keepends"};
  Value a[1];
  if (!parse_args("splitlines", kNames, 1, 0, args, nargs, kw, a)) return Value();
  int64_t keepends = 0;
  if (a[0] && !ssize_arg(a[0], &keepends)) return Value();
  Str* s = as_str(self);
  const char* p = s->data();
  List* result = list_new();
  int64_t i = 0, n = s->size;
  while (i < n) {
    int64_t j = i, eol_len = 0;
    while (j < n) {
      auto c = static_cast<unsigned char>(p[j]);
      if (c < 0x80) {
        if (unicode::is_linebreak(c)) {
          eol_len = (c == '\r' && j + 1 < n && p[j + 1] == '\n') ? 2 : 1;
          break;
        }
        j++;
      } else {
        uint32_t cp;
        int len = decode_cp(p + j, &cp);
        if (unicode::is_linebreak(cp)) {
          eol_len = len;
          break;
        }
        j += len;
      }
    }
    list_append(result, piece(s, i, keepends ? j + eol_len : j));
    i = j + eol_len;
  }
  return result;
}

Value partition_impl(Value self, Value arg, bool reverse) {
  Str* s = as_str(self);
  if (!str_check(arg)) return raise(&exc_TypeError, std::string("must be str, not ") + type_name(arg));
  Str* sep = as_str(arg);
  if (sep->size == 0) return raise(&exc_ValueError, "empty separator");
  int64_t pos = find_bytes(s->view(), sep->view(), 0, s->size, reverse);
  if (pos < 0) {
    Value whole = piece(s, 0, s->size);
    return reverse ? tuple_of({str_empty(), str_empty(), whole}) : tuple_of({whole, str_empty(), str_empty()});
  }
  return tuple_of({piece(s, 0, pos), sep->type == &str_type ? Value(sep) : Value(piece(sep, 0, sep->size)),
                   piece(s, pos + sep->size, s->size)});
}

Value m_partition(Value self, const Value* a, size_t n, Tuple* kw) {
  if (!arity_ok(n, kw, 1, 1) &&
      !check_positional_only("str.partition", "str.partition", n, kw, 1, 1)) return Value();
  return partition_impl(self, a[0], false);
}
Value m_rpartition(Value self, const Value* a, size_t n, Tuple* kw) {
  if (!arity_ok(n, kw, 1, 1) &&
      !check_positional_only("str.rpartition", "str.rpartition", n, kw, 1, 1)) return Value();
  return partition_impl(self, a[0], true);
}

// ---- join ----

}  // namespace

Str* str_join_array(Str* sep, const Value* items, int64_t n) {
  if (n == 0) return str_empty();
  if (n == 1 && str_check_exact(items[0])) return as_str(items[0]);
  int64_t size = sep->size * (n - 1), length = sep->length * (n - 1);
  bool ascii = sep->is_ascii();
  for (int64_t i = 0; i < n; i++) {
    if (!str_check(items[i])) {
      raise(&exc_TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " +
                                type_name(items[i]) + " found");
      return nullptr;
    }
    Str* it = as_str(items[i]);
    size += it->size;
    length += it->length;
    ascii = ascii && it->is_ascii();
  }
  Str* r = str_alloc(size, length, ascii);
  if (!r) return nullptr;
  char* out = r->data();
  for (int64_t i = 0; i < n; i++) {
    if (i > 0 && sep->size) {
      std::memcpy(out, sep->data(), sep->size);
      out += sep->size;
    }
    Str* it = as_str(items[i]);
    std::memcpy(out, it->data(), it->size);
    out += it->size;
  }
  return r;
}

Str* str_join(Str* sep, Value iterable) {
  // Materialise the items first: the result size is computed exactly, then filled.
  Value seq = iterable;
  if (!list_check_exact(iterable) && !tuple_check_exact(iterable)) {
    seq = list_from_iterable(iterable);
    if (!seq) {
      if (error_matches(&exc_TypeError) && !type_of(iterable)->tp_iter && !type_of(iterable)->mp_subscript) {
        error_clear();
        raise(&exc_TypeError, "can only join an iterable");
      }
      return nullptr;
    }
  }
  const Value* items;
  int64_t n;
  if (tuple_check_exact(seq)) {
    items = seq.as<Tuple>()->items();
    n = seq.as<Tuple>()->size;
  } else {
    items = seq.as<List>()->items;
    n = seq.as<List>()->size;
  }
  return str_join_array(sep, items, n);
}

namespace {

Value m_join(Value self, const Value* a, size_t n, Tuple* kw) {
  if (!arity_ok(n, kw, 1, 1) &&
      !check_positional_only("str.join", "str.join", n, kw, 1, 1)) return Value();
  Str* r = str_join(as_str(self), a[0]);
  return r ? Value(r) : Value();
}

// ---- Stripping ----

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, int side) {
  if (!arity_ok(nargs, kw, 0, 1) && (!no_kwargs(name, kw) || !check_nargs(name, nargs, 0, 1))) return Value();
  Str* s = as_str(self);
  const char* p = s->data();
  int64_t b = 0, e = s->size;
  if (nargs == 0 || is_none(args[0])) {
    int64_t len;
    if (side & kLeft)
      while (b < e && is_space_at(p, b, &len)) b += len;
    if (side & kRight) {
      while (e > b) {
        int64_t k = e - 1;
        while (k > b && is_continuation(static_cast<unsigned char>(p[k]))) k--;
        if (!is_space_at(p, k, &len)) break;
        e = k;
      }
    }
  } else {
    if (!str_check(args[0])) return raise(&exc_TypeError, std::string(name) + " arg must be None or str");
    Str* chars = as_str(args[0]);
    if (chars->is_ascii() && s->is_ascii()) {
      bool set[128] = {};
      for (int64_t i = 0; i < chars->size; i++) set[static_cast<unsigned char>(chars->data()[i])] = true;
      if (side & kLeft)
        while (b < e && set[static_cast<unsigned char>(p[b])]) b++;
      if (side & kRight)
        while (e > b && set[static_cast<unsigned char>(p[e - 1])]) e--;
    } else {
      std::u32string set;
      for (int64_t off = 0; off < chars->size;) {
        uint32_t cp;
        off += decode_cp(chars->data() + off, &cp);
        set.push_back(cp);
      }
      auto in_set = [&](int64_t off, int64_t* len) {
        uint32_t cp;
        *len = decode_cp(p + off, &cp);
        return set.find(cp) != std::u32string::npos;
      };
      int64_t len;
      if (side & kLeft)
        while (b < e && in_set(b, &len)) b += len;
      if (side & kRight) {
        while (e > b) {
          int64_t k = e - 1;
          while (k > b && is_continuation(static_cast<unsigned char>(p[k]))) k--;
          if (!in_set(k, &len)) break;
          e = k;
        }
      }
    }
  }
  return piece(s, b, e);
}

Value m_strip(Value self, const Value* a, size_t n, Tuple* kw) { return strip_impl(self, a, n, kw, "strip", kBoth); }
Value m_lstrip(Value self, const Value* a, size_t n, Tuple* kw) { return strip_impl(self, a, n, kw, "lstrip", kLeft); }
Value m_rstrip(Value self, const Value* a, size_t n, Tuple* kw) { return strip_impl(self, a, n, kw, "rstrip", kRight); }

Value affix_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool prefix) {
  if (!no_kwargs(name, kw)) return Value();
  if (nargs != 1) {
    check_nargs((std::string("str.") + name).c_str(), nargs, 1, 1);
    return Value();
  }
  Str* s = as_str(self);
  if (!str_check(args[0]))
    return raise(&exc_TypeError, std::string(name) + "() argument must be str, not " + type_name(args[0]));
  Str* a = as_str(args[0]);
  if (a->size > 0 && a->size <= s->size &&
      std::memcmp(prefix ? s->data() : s->data() + s->size - a->size, a->data(), a->size) == 0)
    return prefix ? piece(s, a->size, s->size) : piece(s, 0, s->size - a->size);
  return piece(s, 0, s->size);
}

Value m_removeprefix(Value self, const Value* a, size_t n, Tuple* kw) { return affix_impl(self, a, n, kw, "removeprefix", true); }
Value m_removesuffix(Value self, const Value* a, size_t n, Tuple* kw) { return affix_impl(self, a, n, kw, "removesuffix", false); }

// ---- replace ----

Value m_replace(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 2, 3) &&
      !check_positional_only("str.replace", "replace", nargs, kw, 2, 3)) return Value();
  Str* s = as_str(self);
  Str *old_s, *new_s;
  if (!str_arg(args[0], "replace", "1", &old_s) || !str_arg(args[1], "replace", "2", &new_s)) return Value();
  int64_t count = -1;
  if (nargs > 2 && !ssize_arg(args[2], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  std::string_view v = s->view(), o = old_s->view(), nw = new_s->view();
  // Count first, so the result is allocated once at its exact size.
  int64_t n = old_s->size == 0 ? s->length + 1 : count_bytes(v, o, 0, s->size);
  n = std::min(n, count);
  if (n == 0) return piece(s, 0, s->size);
  int64_t delta = new_s->size - old_s->size;
  if (delta > 0 && n > (kMaxTextSize - s->size) / delta) return raise_no_memory();
  Str* r = str_alloc(s->size + n * delta, s->length + n * (new_s->length - old_s->length),
                     s->is_ascii() && new_s->is_ascii());
  if (!r) return Value();
  char* out = r->data();
  auto put = [&](std::string_view part) {
    std::memcpy(out, part.data(), part.size());
    out += part.size();
  };
  int64_t i = 0;
  if (old_s->size == 0) {
    // `new` before each of the first n characters (or at the end).
    for (int64_t k = 0; k < n; k++) {
      put(nw);
      if (i >= s->size) break;
      int64_t len = 1;
      while (i + len < s->size && is_continuation(static_cast<unsigned char>(v[i + len]))) len++;
      put(v.substr(i, len));
      i += len;
    }
  } else {
    for (int64_t k = 0; k < n; k++) {
      int64_t pos = find_bytes(v, o, i, s->size, false);
      put(v.substr(i, pos - i));
      put(nw);
      i = pos + o.size();
    }
  }
  put(v.substr(i));
  return r;
}

// ---- Padding ----

bool fill_arg(Value v, uint32_t* fill) {
  if (!str_check(v)) {
    raise(&exc_TypeError, std::string("The fill character must be a unicode character, not ") + type_name(v));
    return false;
  }
  Str* f = as_str(v);
  if (f->length != 1) {
    raise(&exc_TypeError, "The fill character must be exactly one character long");
    return false;
  }
  decode_cp(f->data(), fill);
  return true;
}

Value pad(Str* s, int64_t left, int64_t right, uint32_t fill) {
  if (left <= 0 && right <= 0) return piece(s, 0, s->size);
  left = std::max<int64_t>(left, 0);
  right = std::max<int64_t>(right, 0);
  char fb[4];
  int fl = encode_cp(fill, fb);
  Str* r = str_alloc(s->size + (left + right) * fl, s->length + left + right, s->is_ascii() && fill < 0x80);
  if (!r) return Value();
  char* out = r->data();
  auto put_fill = [&](int64_t n) {
    if (fl == 1) {
      std::memset(out, fb[0], n);
      out += n;
    } else {
      for (int64_t k = 0; k < n; k++, out += fl) std::memcpy(out, fb, fl);
    }
  };
  put_fill(left);
  std::memcpy(out, s->data(), s->size);
  out += s->size;
  put_fill(right);
  return r;
}

enum class Justify { Left, Right, Center };

Value justify(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, Justify how) {
  if (!arity_ok(nargs, kw, 1, 2) && (!no_kwargs(name, kw) || !check_nargs(name, nargs, 1, 2))) return Value();
  int64_t width;
  if (!ssize_arg(args[0], &width)) return Value();
  uint32_t fill = ' ';
  if (nargs > 1 && !fill_arg(args[1], &fill)) return Value();
  Str* s = as_str(self);
  int64_t extra = width - s->length;
  if (extra <= 0) return piece(s, 0, s->size);
  if (width > kMaxTextSize) return raise_no_memory();
  switch (how) {
    case Justify::Left: return pad(s, 0, extra, fill);
    case Justify::Right: return pad(s, extra, 0, fill);
    case Justify::Center: {
      // CPython's rounding: the odd column goes left when both the extra and width are odd.
      int64_t left = extra / 2 + (extra & width & 1);
      return pad(s, left, extra - left, fill);
    }
  }
  return Value();
}

Value m_ljust(Value self, const Value* a, size_t n, Tuple* kw) { return justify(self, a, n, kw, "ljust", Justify::Left); }
Value m_rjust(Value self, const Value* a, size_t n, Tuple* kw) { return justify(self, a, n, kw, "rjust", Justify::Right); }
Value m_center(Value self, const Value* a, size_t n, Tuple* kw) { return justify(self, a, n, kw, "center", Justify::Center); }

Value m_zfill(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 1, 1) &&
      !check_positional_only("str.zfill", "str.zfill", nargs, kw, 1, 1)) return Value();
  int64_t width;
  if (!ssize_arg(args[0], &width)) return Value();
  Str* s = as_str(self);
  int64_t extra = width - s->length;
  if (extra <= 0) return piece(s, 0, s->size);
  if (width > kMaxTextSize) return raise_no_memory();
  Value padded = pad(s, extra, 0, '0');
  if (!padded) return Value();
  Str* r = as_str(padded);
  if (s->size > 0 && (s->data()[0] == '+' || s->data()[0] == '-')) {
    r->data()[0] = s->data()[0];
    r->data()[extra] = '0';
  }
  return r;
}

Value m_expandtabs(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"tabsize"};
  Value a[1];
  if (!parse_args("expandtabs", kNames, 1, 0, args, nargs, kw, a)) return Value();
  int64_t tabsize = 8;
  if (a[0]) {
    if (!ssize_arg(a[0], &tabsize)) {
      if (error_matches(&exc_OverflowError)) {
        error_clear();
        return raise(&exc_OverflowError, "Python int too large to convert to C int");
      }
      return Value();
    }
    if (tabsize > INT32_MAX || tabsize < INT32_MIN) return raise(&exc_OverflowError, "Python int too large to convert to C int");
  }
  Str* s = as_str(self);
  if (std::memchr(s->data(), '\t', s->size) == nullptr) return piece(s, 0, s->size);
  std::string out;
  int64_t column = 0, length = 0;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    int len = decode_cp(s->data() + off, &cp);
    if (cp == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(spaces, ' ');
        column += spaces;
        length += spaces;
      }
    } else {
      out.append(s->data() + off, len);
      length++;
      column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
    }
    off += len;
  }
  return str_from_utf8_len(out, length);
}

// ---- translate / maketrans ----

Value m_translate(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 1, 1) &&
      !check_positional_only("str.translate", "str.translate", nargs, kw, 1, 1)) return Value();
  Str* s = as_str(self);
  Value table = args[0];
  std::string out;
  out.reserve(s->size);
  int64_t length = 0;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    int len = decode_cp(s->data() + off, &cp);
    Value r = getitem(table, Value::small_int(cp));
    if (!r) {
      if (!error_matches(&exc_LookupError)) return Value();
      error_clear();
      out.append(s->data() + off, len);
      length++;
    } else if (is_none(r)) {
      // deleted
    } else if (str_check(r)) {
      out.append(as_str(r)->view());
      length += as_str(r)->length;
    } else if (int_check(r)) {
      int64_t v;
      if (!int_to_i64(r, &v) || v < 0 || v >= 0x110000)
        return raise(&exc_ValueError, "character mapping must be in range(0x110000)");
      append_cp(out, static_cast<uint32_t>(v));
      length++;
    } else {
      return raise(&exc_TypeError, "character mapping must return integer, None or str");
    }
    off += len;
  }
  return str_from_utf8_len(out, length);
}

Value m_maketrans(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 1, 3) &&
      !check_positional_only("maketrans", "maketrans", nargs, kw, 1, 3)) return Value();
  Dict* d = dict_new();
  if (nargs == 1) {
    if (!dict_check(args[0]))
      return raise(&exc_TypeError, "if you give only one argument to maketrans it must be a dict");
    int64_t pos = 0;
    Value k, v;
    while (dict_next(args[0].as<Dict>(), &pos, &k, &v)) {
      Value key = k;
      if (str_check(k)) {
        if (as_str(k)->length != 1) return raise(&exc_ValueError, "string keys in translate table must be of length 1");
        uint32_t cp;
        decode_cp(as_str(k)->data(), &cp);
        key = Value::small_int(cp);
      } else if (!int_check(k)) {
        return raise(&exc_TypeError, "keys in translate table must be strings or integers");
      }
      if (dict_set(d, key, v) < 0) return Value();
    }
    return d;
  }
  Str *x, *y;
  if (!str_check(args[0]))
    return raise(&exc_TypeError, std::string("maketrans() argument 1 must be str, not ") + type_name(args[0]));
  if (!str_check(args[1]))
    return raise(&exc_TypeError, std::string("maketrans() argument 2 must be str, not ") + type_name(args[1]));
  x = as_str(args[0]);
  y = as_str(args[1]);
  if (x->length != y->length)
    return raise(&exc_ValueError, "the first two maketrans arguments must have equal length");
  for (int64_t i = 0, j = 0; i < x->size;) {
    uint32_t a, b;
    i += decode_cp(x->data() + i, &a);
    j += decode_cp(y->data() + j, &b);
    if (dict_set(d, Value::small_int(a), Value::small_int(b)) < 0) return Value();
  }
  if (nargs == 3) {
    if (!str_check(args[2]))
      return raise(&exc_TypeError, std::string("maketrans() argument 3 must be str, not ") + type_name(args[2]));
    Str* z = as_str(args[2]);
    for (int64_t i = 0; i < z->size;) {
      uint32_t c;
      i += decode_cp(z->data() + i, &c);
      if (dict_set(d, Value::small_int(c), none_value()) < 0) return Value();
    }
  }
  return d;
}

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only("str.__getnewargs__", "str.__getnewargs__", nargs, kw, 0, 0)) return Value();
  Str* s = as_str(self);
  return tuple_of({str_from_utf8_len(s->view(), s->length)});
}

Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 0, 0) &&
      !check_positional_only("str.__sizeof__", "str.__sizeof__", nargs, kw, 0, 0)) return Value();
  return Value::small_int(static_cast<int64_t>(sizeof(Str)) + as_str(self)->size + 1);
}

const MethodDef str_methods[] = {
    {"capitalize", m_capitalize},
    {"casefold", m_casefold},
    {"center", m_center},
    {"count", m_count},
    {"encode", str_method_encode},
    {"endswith", m_endswith},
    {"expandtabs", m_expandtabs},
    {"find", m_find},
    {"format", str_method_format},
    {"format_map", str_method_format_map},
    {"index", m_index},
    {"isalnum", m_isalnum},
    {"isalpha", m_isalpha},
    {"isascii", m_isascii},
    {"isdecimal", m_isdecimal},
    {"isdigit", m_isdigit},
    {"isidentifier", m_isidentifier},
    {"islower", m_islower},
    {"isnumeric", m_isnumeric},
    {"isprintable", m_isprintable},
    {"isspace", m_isspace},
    {"istitle", m_istitle},
    {"isupper", m_isupper},
    {"join", m_join},
    {"ljust", m_ljust},
    {"lower", m_lower},
    {"lstrip", m_lstrip},
    {"maketrans", m_maketrans, kMethodStatic},
    {"partition", m_partition},
    {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix},
    {"replace", m_replace},
    {"rfind", m_rfind},
    {"rindex", m_rindex},
    {"rjust", m_rjust},
    {"rpartition", m_rpartition},
    {"rsplit", m_rsplit},
    {"rstrip", m_rstrip},
    {"split", m_split},
    {"splitlines", m_splitlines},
    {"startswith", m_startswith},
    {"strip", m_strip},
    {"swapcase", m_swapcase},
    {"title", m_title},
    {"translate", m_translate},
    {"upper", m_upper},
    {"zfill", m_zfill},
    {"__format__", str_method_dunder_format},
    {"__getnewargs__", m_getnewargs},
    {"__sizeof__", m_sizeof},
    {nullptr, nullptr},
};

}  // namespace

Value str_getitem_index(Str* s, int64_t i) {
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return raise(&exc_IndexError, "string index out of range");
  return char_at(s, i);
}

void str_type_init() {
  empty_str = str_alloc(0, 0, true);
  for (uint32_t c = 0; c < 256; c++) {
    char buf[2];
    int n = encode_cp(c, buf);
    Str* s = str_alloc(n, 1, c < 0x80);
    std::memcpy(s->data(), buf, n);
    latin1_chars[c] = s;
  }

  str_type.flags |= kTypeBaseType | kTypeStrSubclass | kTypePointerFree;
  str_type.basicsize = sizeof(Str);
  str_type.itemsize = 1;
  str_type.tp_new = str_tp_new;
  str_type.tp_repr = str_slot_repr;
  str_type.tp_str = str_slot_str;
  str_type.tp_hash = str_slot_hash;
  str_type.tp_richcompare = str_richcompare;
  str_type.tp_iter = str_iter;
  str_type.mp_length = str_slot_length;
  str_type.mp_subscript = str_subscript;
  str_type.sq_contains = str_contains;
  str_type.nb.binary[static_cast<int>(BinaryOp::Add)] = str_add;
  str_type.nb.binary[static_cast<int>(BinaryOp::Mul)] = str_mul;
  str_type.nb.binary[static_cast<int>(BinaryOp::Mod)] = str_mod;
  type_ready(&str_type, "str", &object_type, str_methods);

  str_iterator_type.tp_iter = str_iterator_iter;
  str_iterator_type.tp_iternext = str_iterator_next;
  type_ready(&str_iterator_type, "str_iterator", &object_type, str_iterator_methods);
}

}  // namespace minipy
