// bytes and bytearray. Their methods are written once over byte views: each method reads self
// through bytes_like_view and builds its result with the type of self (bytes methods return
// bytes, bytearray methods bytearray), which is how CPython shares them too.

#include "objects/bytes.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type bytes_type, bytearray_type;

using namespace text;

namespace {

Bytes* empty_bytes;
Bytes* single_bytes[256];

Bytes* bytes_alloc(int64_t size) {
  auto* b = size < 0 ? nullptr : static_cast<Bytes*>(alloc_text(sizeof(Bytes) + size + 1));
  if (!b) return nullptr;
  b->type = &bytes_type;
  b->hash = -1;
  b->size = size;
  b->data()[size] = '\0';
  return b;
}

}  // namespace

Bytes* bytes_new(std::string_view data) {
  if (data.empty() && empty_bytes) return empty_bytes;
  if (data.size() == 1 && single_bytes[0]) return single_bytes[static_cast<unsigned char>(data[0])];
  Bytes* b = bytes_alloc(data.size());
  if (b) std::memcpy(b->data(), data.data(), data.size());
  return b;
}

namespace {

// Makes room for at least `needed` bytes (amortised growth); false with MemoryError pending.
bool bytearray_reserve(ByteArray* ba, int64_t needed) {
  if (needed <= ba->capacity && ba->data) return true;
  int64_t cap = std::max<int64_t>(needed, ba->capacity + (ba->capacity >> 1) + 8);
  auto* data = static_cast<char*>(alloc_text(cap + 1));
  if (!data) return false;
  if (ba->size) std::memcpy(data, ba->data, ba->size);
  ba->data = data;
  ba->capacity = cap;
  return true;
}

// A bytearray viewed by a memoryview cannot change size. Views dropped without release() give
// their export back when collected, so collect once before refusing.
bool bytearray_check_resize(ByteArray* ba) {
  if (ba->exports == 0) return true;
  GC_gcollect();
  run_pending_finalizers();
  if (ba->exports == 0) return true;
  raise(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
  return false;
}

bool bytearray_assign(ByteArray* ba, std::string_view v) {
  if (static_cast<int64_t>(v.size()) != ba->size && !bytearray_check_resize(ba)) return false;
  if (!bytearray_reserve(ba, v.size())) return false;
  if (!v.empty()) std::memmove(ba->data, v.data(), v.size());
  ba->size = v.size();
  ba->data[ba->size] = '\0';
  return true;
}

}  // namespace

ByteArray* bytearray_new(std::string_view data) {
  auto* ba = alloc<ByteArray>(&bytearray_type);
  return bytearray_assign(ba, data) ? ba : nullptr;
}

bool bytes_check(Value v) { return isinstance_fast(v, &bytes_type); }
bool bytearray_check(Value v) { return isinstance_fast(v, &bytearray_type); }

bool bytes_like_view(Value v, std::string_view* out) {
  if (v.is_small_int()) return false;
  Type* t = type_of(v);
  if (t == &bytes_type || (t != &bytearray_type && is_subtype(t, &bytes_type))) {
    *out = v.as<Bytes>()->view();
    return true;
  }
  if (t == &bytearray_type || is_subtype(t, &bytearray_type)) {
    *out = v.as<ByteArray>()->view();
    return true;
  }
  if (t == &memoryview_type) return memoryview_contiguous_view(v, out);
  return false;
}

namespace text {

Value bytes_from_dunder(Value v) {
  Value method = type_lookup(type_of(v), intern("__bytes__"));
  if (!method) return Value();
  Value r = call(method, {v});
  if (!r) return Value();
  if (!bytes_check(r))
    return raise(&exc_TypeError, std::string("__bytes__ returned non-bytes (type ") + type_name(r) + ")");
  return r;
}

}  // namespace text

namespace {

bool is_bytearray(Value v) { return bytearray_check(v); }

std::string_view view_of(Value v) {
  std::string_view out;
  bytes_like_view(v, &out);
  return out;
}

// A result of self's flavour.
Value make_like(Value self, std::string_view data) {
  if (is_bytearray(self)) return bytearray_new(data);
  return bytes_new(data);
}

// The same bytes object when nothing changed (bytes are immutable), a copy otherwise.
Value same_or_copy(Value self, std::string_view data) {
  if (type_of(self) == &bytes_type && data.size() == static_cast<size_t>(self.as<Bytes>()->size)) return self;
  return make_like(self, data);
}

const char* flavour(Value self) { return is_bytearray(self) ? "bytearray" : "bytes"; }

// Arguments that must be bytes-like: "a bytes-like object is required, not 'str'".
bool buffer_arg(Value v, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(v) + "'");
  return false;
}

// A byte value argument (0..255) from an int or __index__.
bool byte_value(Value v, int* out) {
  int64_t x;
  Value i = number_index(v);
  if (!i) return false;
  if (!int_to_i64(i, &x) || x < 0 || x > 255) {
    raise(&exc_ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// ---- repr ----

// bytearray's repr escapes a single quote even inside double quotes, as CPython's does.
std::string repr_body(std::string_view v, bool always_escape_single) {
  bool has_single = v.find('\'') != std::string_view::npos;
  bool has_double = v.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out.reserve(v.size() + 3);
  out += quote;
  for (char c : v) {
    if (c == '\'' && always_escape_single) out += "\\'";
    else append_byte_escaped(out, static_cast<unsigned char>(c), quote);
  }
  out += quote;
  return out;
}

Value bytes_repr(Value self) { return str_from_ascii(repr_body(view_of(self), false)); }

Value bytearray_repr(Value self) {
  std::string name = type_of(self)->name;
  return str_from_ascii(name + "(" + repr_body(view_of(self), true) + ")");
}

int64_t bytes_hash_slot(Value self) {
  auto* b = self.as<Bytes>();
  if (b->hash == -1) b->hash = hash_bytes(b->view());
  return b->hash;
}

int64_t bytes_length(Value self) { return static_cast<int64_t>(view_of(self).size()); }

// ---- Comparison, concatenation, repetition ----

Value bytes_richcompare(Value a, Value b, CompareOp op) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x) || !bytes_like_view(b, &y)) return not_implemented_value();
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    bool eq = x == y;
    return bool_value(op == CompareOp::Eq ? eq : !eq);
  }
  int c = x.compare(y);
  switch (op) {
    case CompareOp::Lt: return bool_value(c < 0);
    case CompareOp::Le: return bool_value(c <= 0);
    case CompareOp::Gt: return bool_value(c > 0);
    default: return bool_value(c >= 0);
  }
}

Value bytes_add(Value a, Value b) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x)) return not_implemented_value();
  if (!bytes_like_view(b, &y)) {
    if ((type_of(b)->flags & kTypeHeap) && type_lookup(type_of(b), intern("__radd__"))) return not_implemented_value();
    return raise(&exc_TypeError, std::string("can't concat ") + type_name(b) + " to " + type_name(a));
  }
  if (is_bytearray(a)) {
    auto* r = alloc<ByteArray>(&bytearray_type);
    if (!bytearray_reserve(r, x.size() + y.size())) return Value();
    std::memcpy(r->data, x.data(), x.size());
    std::memcpy(r->data + x.size(), y.data(), y.size());
    r->size = x.size() + y.size();
    r->data[r->size] = '\0';
    return r;
  }
  if (y.empty() && type_of(a) == &bytes_type) return a;
  Bytes* r = bytes_alloc(x.size() + y.size());
  if (!r) return Value();
  std::memcpy(r->data(), x.data(), x.size());
  std::memcpy(r->data() + x.size(), y.data(), y.size());
  return r;
}

bool repeat_count(Value seq, Value count, int64_t* n, bool* not_impl) {
  *not_impl = false;
  if (!int_check(count) && !type_of(count)->nb.index) {
    if ((type_of(count)->flags & kTypeHeap) && type_lookup(type_of(count), intern("__rmul__"))) {
      *not_impl = true;
      return false;
    }
    raise(&exc_TypeError, std::string("can't multiply sequence by non-int of type '") + type_name(count) + "'");
    return false;
  }
  return index_to_i64(count, n);
}

std::string repeat(std::string_view v, int64_t n) {
  std::string out;
  if (n <= 0 || v.empty()) return out;
  out.reserve(v.size() * n);
  for (int64_t i = 0; i < n; i++) out.append(v);
  return out;
}

Value bytes_mul(Value a, Value b) {
  Value seq = a, count = b;
  std::string_view v;
  if (!bytes_like_view(seq, &v)) {
    std::swap(seq, count);
    if (!bytes_like_view(seq, &v)) return not_implemented_value();
  }
  int64_t n;
  bool not_impl;
  if (!repeat_count(seq, count, &n, &not_impl)) return not_impl && seq.is(a) ? not_implemented_value() : Value();
  if (n > 0 && static_cast<int64_t>(v.size()) > kMaxTextSize / n) return raise_no_memory();
  if (n == 1 && type_of(seq) == &bytes_type) return seq;
  return make_like(seq, repeat(v, n));
}

Value bytes_mod(Value a, Value b) {
  std::string_view f;
  if (!bytes_like_view(a, &f)) return not_implemented_value();
  std::string out;
  if (!percent_format(f, b, true, out)) return Value();
  return make_like(a, out);
}

int bytes_contains(Value self, Value item) {
  std::string_view v = view_of(self), needle;
  if (int_check(item) || (!bytes_like_view(item, &needle) && type_of(item)->nb.index)) {
    int c;
    if (!byte_value(item, &c)) return -1;
    return std::memchr(v.data(), c, v.size()) != nullptr;
  }
  if (!buffer_arg(item, &needle)) return -1;
  return find_bytes(v, needle, 0, v.size(), false) >= 0;
}

// ---- Indexing ----

// 1 index set, 0 not an index, -1 error (too big -> IndexError like CPython).
int index_of(Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return 1;
  }
  if (!int_check(key) && !type_of(key)->nb.index) return 0;
  if (!index_to_i64(key, out)) {
    if (error_matches(&exc_OverflowError)) {
      Value e = error_fetch();
      Value msg = to_str(e);
      if (msg) raise(&exc_IndexError, msg.as<Str>()->view());
    }
    return -1;
  }
  return 1;
}

Value slice_of(Value self, std::string_view v, Slice* slice) {
  int64_t start, stop, step, count;
  if (slice_indices(slice, v.size(), &start, &stop, &step, &count) < 0) return Value();
  if (step == 1) return same_or_copy(self, count > 0 ? v.substr(start, count) : std::string_view());
  std::string out;
  out.reserve(std::max<int64_t>(count, 0));
  for (int64_t k = 0, i = start; k < count; k++, i += step) out += v[i];
  return make_like(self, out);
}

Value bytes_subscript(Value self, Value key) {
  std::string_view v = view_of(self);
  bool ba = is_bytearray(self);
  if (type_of(key) == &slice_type) return slice_of(self, v, key.as<Slice>());
  int64_t i;
  int r = index_of(key, &i);
  if (r < 0) return Value();
  if (r == 0)
    return raise(&exc_TypeError, std::string(ba ? "bytearray" : "byte") + " indices must be integers or slices, not " +
                                     type_name(key));
  if (i < 0) i += v.size();
  if (i < 0 || i >= static_cast<int64_t>(v.size()))
    return raise(&exc_IndexError, ba ? "bytearray index out of range" : "index out of range");
  return Value::small_int(static_cast<unsigned char>(v[i]));
}

// ---- Iteration ----

struct BytesIterator : Object {
  Value seq;  // null once exhausted
  int64_t index;
};

Type bytes_iterator_type;

Value bytes_iter(Value self) {
  auto* it = alloc<BytesIterator>(&bytes_iterator_type);
  it->seq = self;
  it->index = 0;
  return it;
}

Value bytes_iterator_next(Value self) {
  auto* it = self.as<BytesIterator>();
  if (!it->seq) return Value();
  std::string_view v = view_of(it->seq);
  if (it->index >= static_cast<int64_t>(v.size())) {
    it->seq = Value();
    return Value();
  }
  return Value::small_int(static_cast<unsigned char>(v[it->index++]));
}

Value iterator_self(Value self) { return self; }

// ---- Construction ----

// Fills `out` from an iterable of ints in range(256).
bool bytes_from_iterable(Value iterable, std::string& out, const char* what) {
  Value it = get_iter(iterable);
  if (!it) return false;
  while (Value item = iter_next(it)) {
    int c;
    if (!byte_value(item, &c)) {
      if (error_matches(&exc_ValueError)) {
        error_clear();
        raise(&exc_ValueError, what);
      }
      return false;
    }
    out += static_cast<char>(c);
  }
  return !error_pending();
}

// bytes(source, encoding, errors) / bytearray(...): the contents, as a bytes object.
Value construct(const char* tname, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"source", "encoding", "errors"};
  Value a[3];
  if (!parse_args(tname, kNames, 3, 0, args, nargs, kwnames, a)) return Value();
  Value src = a[0];
  if (a[1] || a[2]) {
    Str *encoding = nullptr, *errors = nullptr;
    if (a[1] && !str_arg(a[1], tname, "'encoding'", &encoding)) return Value();
    if (a[2] && !str_arg(a[2], tname, "'errors'", &errors)) return Value();
    if (!src || !str_check(src))
      return raise(&exc_TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
    if (!encoding) return raise(&exc_TypeError, "string argument without an encoding");
    return str_encode(src.as<Str>(), encoding->data(), errors ? errors->data() : nullptr);
  }
  if (!src) return bytes_new("");
  if (type_of(src) == &bytes_type) return src;
  if (str_check(src)) return raise(&exc_TypeError, "string argument without an encoding");
  std::string_view v;
  if (bytes_like_view(src, &v)) return bytes_new(v);
  // Only bytes() consults __bytes__; bytearray() does not, as in CPython.
  if (std::strcmp(tname, "bytes") == 0) {
    if (Value b = bytes_from_dunder(src)) return b;
    if (error_pending()) return Value();
  }
  if (int_check(src) || type_of(src)->nb.index) {
    int64_t n;
    if (!index_to_i64(src, &n)) return Value();
    if (n < 0) return raise(&exc_ValueError, "negative count");
    Bytes* zeros = bytes_alloc(n);
    if (!zeros) return Value();
    std::memset(zeros->data(), 0, n);
    return zeros;
  }
  if (!type_of(src)->tp_iter && !type_of(src)->mp_subscript)
    return raise(&exc_TypeError, std::string("cannot convert '") + type_name(src) + "' object to " + tname);
  std::string out;
  if (!bytes_from_iterable(src, out, std::strcmp(tname, "bytes") == 0 ? "bytes must be in range(0, 256)"
                                                                      : "byte must be in range(0, 256)"))
    return Value();
  return bytes_new(out);
}

Value bytes_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value contents = construct("bytes", args, nargs, kwnames);
  if (!contents || type == &bytes_type) return contents;
  // A subclass instance: the Bytes layout, the data, then the subclass's own fields (its
  // __dict__ follows the data, see dict_slot in type.cpp).
  std::string_view data = contents.as<Bytes>()->view();
  size_t text = (data.size() + 1 + 7) & ~size_t{7};
  auto* b = static_cast<Bytes*>(alloc_object(type, type->basicsize + text));
  b->hash = -1;
  b->size = data.size();
  std::memcpy(b->data(), data.data(), data.size());
  b->data()[data.size()] = '\0';
  return b;
}

Value bytearray_tp_new(Type* type, const Value*, size_t, Tuple*) {
  auto* ba = static_cast<ByteArray*>(alloc_object(type, type->basicsize ? type->basicsize : sizeof(ByteArray)));
  if (!bytearray_assign(ba, "")) return Value();
  return ba;
}

int bytearray_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value contents = construct("bytearray", args, nargs, kwnames);
  if (!contents) return -1;
  return bytearray_assign(self.as<ByteArray>(), contents.as<Bytes>()->view()) ? 0 : -1;
}

// ---- Methods shared by bytes and bytearray ----

// Byte predicates (ASCII only, as CPython's bytes methods are).
bool b_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool b_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool b_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool b_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool b_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string qual(Value self, const char* name) { return std::string(flavour(self)) + "." + name; }

bool noargs(Value self, const char* name, size_t nargs, Tuple* kw) {
  if (arity_ok(nargs, kw, 0, 0)) return true;
  std::string q = qual(self, name);
  return check_no_kwargs(q.c_str(), kw) && check_nargs(q.c_str(), nargs, 0, 0);
}

template <class Pred>
Value all_bytes(Value self, size_t nargs, Tuple* kw, const char* name, Pred pred) {
  if (!noargs(self, name, nargs, kw)) return Value();
  std::string_view v = view_of(self);
  if (v.empty()) return false_value();
  for (char c : v)
    if (!pred(static_cast<unsigned char>(c))) return false_value();
  return true_value();
}

Value m_isalpha(Value s, const Value*, size_t n, Tuple* kw) { return all_bytes(s, n, kw, "isalpha", b_alpha); }
Value m_isdigit(Value s, const Value*, size_t n, Tuple* kw) { return all_bytes(s, n, kw, "isdigit", b_digit); }
Value m_isspace(Value s, const Value*, size_t n, Tuple* kw) { return all_bytes(s, n, kw, "isspace", b_space); }
Value m_isalnum(Value s, const Value*, size_t n, Tuple* kw) {
  return all_bytes(s, n, kw, "isalnum", [](unsigned char c) { return b_alpha(c) || b_digit(c); });
}
Value m_isascii(Value s, const Value*, size_t n, Tuple* kw) {
  if (!noargs(s, "isascii", n, kw)) return Value();
  std::string_view v = view_of(s);
  return bool_value(all_ascii(v.data(), v.size()));
}

Value case_test(Value self, size_t nargs, Tuple* kw, const char* name, bool (*want)(unsigned char),
                bool (*reject)(unsigned char)) {
  if (!noargs(self, name, nargs, kw)) return Value();
  bool cased = false;
  for (char ch : view_of(self)) {
    auto c = static_cast<unsigned char>(ch);
    if (reject(c)) return false_value();
    if (want(c)) cased = true;
  }
  return bool_value(cased);
}

Value m_islower(Value s, const Value*, size_t n, Tuple* kw) { return case_test(s, n, kw, "islower", b_lower, b_upper); }
Value m_isupper(Value s, const Value*, size_t n, Tuple* kw) { return case_test(s, n, kw, "isupper", b_upper, b_lower); }

Value m_istitle(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!noargs(self, "istitle", nargs, kw)) return Value();
  bool cased = false, prev = false;
  for (char ch : view_of(self)) {
    auto c = static_cast<unsigned char>(ch);
    if (b_upper(c)) {
      if (prev) return false_value();
      prev = cased = true;
    } else if (b_lower(c)) {
      if (!prev) return false_value();
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return bool_value(cased);
}

enum class Case { Lower, Upper, Swap, Title, Capitalize };

Value change_case(Value self, size_t nargs, Tuple* kw, const char* name, Case how) {
  if (!noargs(self, name, nargs, kw)) return Value();
  std::string out(view_of(self));
  bool prev = false;
  for (size_t i = 0; i < out.size(); i++) {
    auto c = static_cast<unsigned char>(out[i]);
    bool up = b_upper(c), low = b_lower(c);
    switch (how) {
      case Case::Lower: if (up) c |= 0x20; break;
      case Case::Upper: if (low) c &= ~0x20; break;
      case Case::Swap: if (up || low) c ^= 0x20; break;
      case Case::Title:
        if (up || low) c = prev ? (c | 0x20) : (c & ~0x20);
        prev = up || low;
        break;
      case Case::Capitalize:
        if (up || low) c = i == 0 ? (c & ~0x20) : (c | 0x20);
        break;
    }
    out[i] = static_cast<char>(c);
  }
  return make_like(self, out);
}

Value m_lower(Value s, const Value*, size_t n, Tuple* kw) { return change_case(s, n, kw, "lower", Case::Lower); }
Value m_upper(Value s, const Value*, size_t n, Tuple* kw) { return change_case(s, n, kw, "upper", Case::Upper); }
Value m_swapcase(Value s, const Value*, size_t n, Tuple* kw) { return change_case(s, n, kw, "swapcase", Case::Swap); }
Value m_title(Value s, const Value*, size_t n, Tuple* kw) { return change_case(s, n, kw, "title", Case::Title); }
Value m_capitalize(Value s, const Value*, size_t n, Tuple* kw) {
  return change_case(s, n, kw, "capitalize", Case::Capitalize);
}

// (sub[, start[, end]]) where sub is bytes-like or an int; byte offsets in [*b, *e).
bool search_args(Value self, const char* name, const Value* args, size_t nargs, Tuple* kw, std::string& sub,
                 int64_t* b, int64_t* e) {
  if (!arity_ok(nargs, kw, 1, 3)) {
    std::string q = qual(self, name);
    if (!check_no_kwargs(q.c_str(), kw) || !check_positional_old(name, nargs, 1, 3)) return false;
  }
  std::string_view needle;
  if (bytes_like_view(args[0], &needle)) {
    sub = needle;
  } else if (int_check(args[0]) || type_of(args[0])->nb.index) {
    int c;
    if (!byte_value(args[0], &c)) return false;
    sub.assign(1, static_cast<char>(c));
  } else {
    raise(&exc_TypeError, std::string("argument should be integer or bytes-like object, not '") +
                              type_name(args[0]) + "'");
    return false;
  }
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start)) return false;
  if (nargs > 2 && !slice_index_arg(args[2], &end)) return false;
  adjust_indices(&start, &end, view_of(self).size());
  *b = start;
  *e = end;
  return true;
}

Value find_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool reverse, bool must) {
  std::string sub;
  int64_t b, e;
  if (!search_args(self, name, args, nargs, kw, sub, &b, &e)) return Value();
  std::string_view v = view_of(self);
  int64_t pos = b > static_cast<int64_t>(v.size()) ? -1 : find_bytes(v, sub, b, std::max(b, e), reverse);
  if (pos < 0 && must) return raise(&exc_ValueError, "subsection not found");
  return Value::small_int(pos);
}

Value m_find(Value s, const Value* a, size_t n, Tuple* kw) { return find_impl(s, a, n, kw, "find", false, false); }
Value m_rfind(Value s, const Value* a, size_t n, Tuple* kw) { return find_impl(s, a, n, kw, "rfind", true, false); }
Value m_index(Value s, const Value* a, size_t n, Tuple* kw) { return find_impl(s, a, n, kw, "index", false, true); }
Value m_rindex(Value s, const Value* a, size_t n, Tuple* kw) { return find_impl(s, a, n, kw, "rindex", true, true); }

Value m_count(Value self, const Value* args, size_t nargs, Tuple* kw) {
  std::string sub;
  int64_t b, e;
  if (!search_args(self, "count", args, nargs, kw, sub, &b, &e)) return Value();
  std::string_view v = view_of(self);
  if (b > static_cast<int64_t>(v.size())) return Value::small_int(0);
  return Value::small_int(count_bytes(v, sub, b, std::max(b, e)));
}

Value starts_ends(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool ends) {
  if (!arity_ok(nargs, kw, 1, 3)) {
    std::string q = qual(self, name);
    if (!check_no_kwargs(q.c_str(), kw) || !check_positional_old(name, nargs, 1, 3)) return Value();
  }
  std::string_view v = view_of(self);
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start)) return Value();
  if (nargs > 2 && !slice_index_arg(args[2], &end)) return Value();
  adjust_indices(&start, &end, v.size());
  auto test = [&](std::string_view sub) {
    if (start > static_cast<int64_t>(v.size()) || end - start < static_cast<int64_t>(sub.size())) return false;
    int64_t at = ends ? end - sub.size() : start;
    return v.compare(at, sub.size(), sub) == 0;
  };
  std::string_view sub;
  if (bytes_like_view(args[0], &sub)) return bool_value(test(sub));
  if (tuple_check(args[0])) {
    Tuple* t = args[0].as<Tuple>();
    for (int64_t i = 0; i < t->size; i++) {
      if (!bytes_like_view((*t)[i], &sub))
        return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name((*t)[i]) + "'");
      if (test(sub)) return true_value();
    }
    return false_value();
  }
  return raise(&exc_TypeError, std::string(name) + " first arg must be bytes or a tuple of bytes, not " +
                                   type_name(args[0]));
}

Value m_startswith(Value s, const Value* a, size_t n, Tuple* kw) { return starts_ends(s, a, n, kw, "startswith", false); }
Value m_endswith(Value s, const Value* a, size_t n, Tuple* kw) { return starts_ends(s, a, n, kw, "endswith", true); }

List* split_whitespace(Value self, std::string_view v, int64_t maxsplit, bool reverse) {
  List* result = list_new();
  int64_t n = v.size();
  auto sp = [&](int64_t i) { return b_space(static_cast<unsigned char>(v[i])); };
  if (!reverse) {
    int64_t i = 0;
    while (true) {
      while (i < n && sp(i)) i++;
      if (i >= n) break;
      if (maxsplit-- == 0) {  // the remainder keeps its trailing whitespace
        list_append(result, make_like(self, v.substr(i)));
        break;
      }
      int64_t j = i;
      while (j < n && !sp(j)) j++;
      list_append(result, make_like(self, v.substr(i, j - i)));
      i = j;
    }
    return result;
  }
  int64_t e = n;
  while (true) {
    while (e > 0 && sp(e - 1)) e--;
    if (e <= 0) break;
    if (maxsplit-- == 0) {  // the remainder keeps its leading whitespace
      list_append(result, make_like(self, v.substr(0, e)));
      break;
    }
    int64_t j = e;
    while (j > 0 && !sp(j - 1)) j--;
    list_append(result, make_like(self, v.substr(j, e - j)));
    e = j;
  }
  std::reverse(result->items, result->items + result->size);
  return result;
}

Value split_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool reverse) {
  static const char* const kNames[] = {"sep", "maxsplit"};
  Value a[2];
  if (!parse_args(name, kNames, 2, 0, args, nargs, kw, a)) return Value();
  int64_t maxsplit = -1;
  if (a[1] && !ssize_arg(a[1], &maxsplit)) return Value();
  std::string_view v = view_of(self);
  if (!a[0] || is_none(a[0])) return split_whitespace(self, v, maxsplit, reverse);
  std::string_view sep;
  if (!buffer_arg(a[0], &sep)) return Value();
  if (sep.empty()) return raise(&exc_ValueError, "empty separator");
  std::string sep_copy(sep);  // self may be a bytearray that is also the separator
  List* result = list_new();
  if (!reverse) {
    int64_t i = 0;
    while (maxsplit-- != 0) {
      int64_t pos = find_bytes(v, sep_copy, i, v.size(), false);
      if (pos < 0) break;
      list_append(result, make_like(self, v.substr(i, pos - i)));
      i = pos + sep_copy.size();
    }
    list_append(result, make_like(self, v.substr(i)));
    return result;
  }
  int64_t e = v.size();
  while (maxsplit-- != 0) {
    int64_t pos = find_bytes(v, sep_copy, 0, e, true);
    if (pos < 0) break;
    list_append(result, make_like(self, v.substr(pos + sep_copy.size(), e - pos - sep_copy.size())));
    e = pos;
  }
  list_append(result, make_like(self, v.substr(0, e)));
  std::reverse(result->items, result->items + result->size);
  return result;
}

Value m_split(Value s, const Value* a, size_t n, Tuple* kw) { return split_impl(s, a, n, kw, "split", false); }
Value m_rsplit(Value s, const Value* a, size_t n, Tuple* kw) { return split_impl(s, a, n, kw, "rsplit", true); }

Value m_splitlines(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"keepends"};
  Value a[1];
  if (!parse_args("splitlines", kNames, 1, 0, args, nargs, kw, a)) return Value();
  int64_t keepends = 0;
  if (a[0] && !ssize_arg(a[0], &keepends)) return Value();
  std::string_view v = view_of(self);
  List* result = list_new();
  size_t i = 0, n = v.size();
  while (i < n) {
    size_t j = i;
    while (j < n && v[j] != '\n' && v[j] != '\r') j++;
    size_t eol = j < n ? ((v[j] == '\r' && j + 1 < n && v[j + 1] == '\n') ? 2 : 1) : 0;
    list_append(result, make_like(self, v.substr(i, (keepends ? j + eol : j) - i)));
    i = j + eol;
  }
  return result;
}

Value partition_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool reverse) {
  if (!arity_ok(nargs, kw, 1, 1)) {
    std::string q = qual(self, name);
    if (!check_no_kwargs(q.c_str(), kw) || !check_nargs(q.c_str(), nargs, 1, 1)) return Value();
  }
  std::string_view v = view_of(self), sep;
  if (!buffer_arg(args[0], &sep)) return Value();
  if (sep.empty()) return raise(&exc_ValueError, "empty separator");
  int64_t pos = find_bytes(v, sep, 0, v.size(), reverse);
  Value empty = make_like(self, "");
  if (pos < 0) {
    Value whole = make_like(self, v);
    return reverse ? tuple_of({empty, make_like(self, ""), whole}) : tuple_of({whole, empty, make_like(self, "")});
  }
  return tuple_of({make_like(self, v.substr(0, pos)), make_like(self, sep), make_like(self, v.substr(pos + sep.size()))});
}

Value m_partition(Value s, const Value* a, size_t n, Tuple* kw) { return partition_impl(s, a, n, kw, "partition", false); }
Value m_rpartition(Value s, const Value* a, size_t n, Tuple* kw) { return partition_impl(s, a, n, kw, "rpartition", true); }

Value m_join(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 1, 1)) {
    std::string q = qual(self, "join");
    if (!check_no_kwargs(q.c_str(), kw) || !check_nargs(q.c_str(), nargs, 1, 1)) return Value();
  }
  Value items = list_from_iterable(args[0]);
  if (!items) return Value();
  std::string sep(view_of(self));
  std::string out;
  List* l = items.as<List>();
  for (int64_t i = 0; i < l->size; i++) {
    std::string_view part;
    if (!bytes_like_view(l->items[i], &part))
      return raise(&exc_TypeError, "sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                                       type_name(l->items[i]) + " found");
    if (i) out += sep;
    out.append(part);
  }
  return make_like(self, out);
}

enum Side { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, int side) {
  if (!arity_ok(nargs, kw, 0, 1)) {
    std::string q = qual(self, name);
    if (!check_no_kwargs(q.c_str(), kw) || !check_nargs(name, nargs, 0, 1)) return Value();
  }
  std::string_view v = view_of(self);
  bool set[256] = {};
  if (nargs == 0 || is_none(args[0])) {
    for (int c = 0; c < 256; c++) set[c] = b_space(static_cast<unsigned char>(c));
  } else {
    std::string_view chars;
    if (!buffer_arg(args[0], &chars)) return Value();
    for (char c : chars) set[static_cast<unsigned char>(c)] = true;
  }
  size_t b = 0, e = v.size();
  if (side & kLeft)
    while (b < e && set[static_cast<unsigned char>(v[b])]) b++;
  if (side & kRight)
    while (e > b && set[static_cast<unsigned char>(v[e - 1])]) e--;
  return same_or_copy(self, v.substr(b, e - b));
}

Value m_strip(Value s, const Value* a, size_t n, Tuple* kw) { return strip_impl(s, a, n, kw, "strip", kBoth); }
Value m_lstrip(Value s, const Value* a, size_t n, Tuple* kw) { return strip_impl(s, a, n, kw, "lstrip", kLeft); }
Value m_rstrip(Value s, const Value* a, size_t n, Tuple* kw) { return strip_impl(s, a, n, kw, "rstrip", kRight); }

Value affix_impl(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, bool prefix) {
  if (!arity_ok(nargs, kw, 1, 1)) {
    std::string q = qual(self, name);
    if (!check_no_kwargs(q.c_str(), kw) || !check_nargs(q.c_str(), nargs, 1, 1)) return Value();
  }
  std::string_view v = view_of(self), a;
  if (!buffer_arg(args[0], &a)) return Value();
  if (!a.empty() && a.size() <= v.size() && (prefix ? v.substr(0, a.size()) : v.substr(v.size() - a.size())) == a)
    return make_like(self, prefix ? v.substr(a.size()) : v.substr(0, v.size() - a.size()));
  return same_or_copy(self, v);
}

Value m_removeprefix(Value s, const Value* a, size_t n, Tuple* kw) { return affix_impl(s, a, n, kw, "removeprefix", true); }
Value m_removesuffix(Value s, const Value* a, size_t n, Tuple* kw) { return affix_impl(s, a, n, kw, "removesuffix", false); }

Value m_replace(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 2, 3)) {
    std::string q = qual(self, "replace");
    if (!check_no_kwargs(q.c_str(), kw) || !check_nargs("replace", nargs, 2, 3)) return Value();
  }
  std::string_view v = view_of(self), o, nw;
  if (!buffer_arg(args[0], &o) || !buffer_arg(args[1], &nw)) return Value();
  int64_t count = -1;
  if (nargs > 2 && !ssize_arg(args[2], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  std::string out;
  if (o.empty()) {
    int64_t done = 0;
    for (size_t i = 0; i <= v.size(); i++) {
      if (done < count) {
        out.append(nw);
        done++;
      }
      if (i < v.size()) out += v[i];
    }
    return make_like(self, out);
  }
  int64_t i = 0, replaced = 0;
  while (replaced < count) {
    int64_t pos = find_bytes(v, o, i, v.size(), false);
    if (pos < 0) break;
    out.append(v.substr(i, pos - i));
    out.append(nw);
    i = pos + o.size();
    replaced++;
  }
  if (replaced == 0) return same_or_copy(self, v);
  out.append(v.substr(i));
  return make_like(self, out);
}

bool byte_fill(Value v, const char* name, char* fill) {
  std::string_view f;
  if (!bytes_like_view(v, &f) || f.size() != 1) {
    raise(&exc_TypeError, std::string(name) + "() argument 2 must be a byte string of length 1, not " + type_name(v));
    return false;
  }
  *fill = f[0];
  return true;
}

enum class Justify { Left, Right, Center };

Value justify(Value self, const Value* args, size_t nargs, Tuple* kw, const char* name, Justify how) {
  if (!arity_ok(nargs, kw, 1, 2)) {
    std::string q = qual(self, name);
    if (!check_no_kwargs(q.c_str(), kw) || !check_nargs(name, nargs, 1, 2)) return Value();
  }
  int64_t width;
  if (!ssize_arg(args[0], &width)) return Value();
  char fill = ' ';
  if (nargs > 1 && !byte_fill(args[1], name, &fill)) return Value();
  std::string_view v = view_of(self);
  int64_t extra = width - static_cast<int64_t>(v.size());
  if (extra <= 0) return same_or_copy(self, v);
  if (width > kMaxTextSize) return raise_no_memory();
  int64_t left = how == Justify::Left ? 0 : how == Justify::Right ? extra : extra / 2 + (extra & width & 1);
  std::string out(left, fill);
  out.append(v);
  out.append(extra - left, fill);
  return make_like(self, out);
}

Value m_ljust(Value s, const Value* a, size_t n, Tuple* kw) { return justify(s, a, n, kw, "ljust", Justify::Left); }
Value m_rjust(Value s, const Value* a, size_t n, Tuple* kw) { return justify(s, a, n, kw, "rjust", Justify::Right); }
Value m_center(Value s, const Value* a, size_t n, Tuple* kw) { return justify(s, a, n, kw, "center", Justify::Center); }

Value m_zfill(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!arity_ok(nargs, kw, 1, 1)) {
    std::string q = qual(self, "zfill");
    if (!check_no_kwargs(q.c_str(), kw) || !check_nargs(q.c_str(), nargs, 1, 1)) return Value();
  }
  int64_t width;
  if (!ssize_arg(args[0], &width)) return Value();
  std::string_view v = view_of(self);
  int64_t extra = width - static_cast<int64_t>(v.size());
  if (extra <= 0) return same_or_copy(self, v);
  if (width > kMaxTextSize) return raise_no_memory();
  std::string out(extra, '0');
  out.append(v);
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out[0] = v[0];
    out[extra] = '0';
  }
  return make_like(self, out);
}

Value m_expandtabs(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"tabsize"};
  Value a[1];
  if (!parse_args("expandtabs", kNames, 1, 0, args, nargs, kw, a)) return Value();
  int64_t tabsize = 8;
  if (a[0] && !ssize_arg(a[0], &tabsize)) return Value();
  std::string out;
  int64_t column = 0;
  for (char c : view_of(self)) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(spaces, ' ');
        column += spaces;
      }
    } else {
      out += c;
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return make_like(self, out);
}

Value m_translate(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"table", "delete"};
  Value a[2];
  if (!parse_args("translate", kNames, 2, 1, args, nargs, kw, a)) return Value();
  std::string_view table, del;
  if (!is_none(a[0])) {
    if (!buffer_arg(a[0], &table)) return Value();
    if (table.size() != 256) return raise(&exc_ValueError, "translation table must be 256 characters long");
  }
  if (a[1] && !buffer_arg(a[1], &del)) return Value();
  bool deleted[256] = {};
  for (char c : del) deleted[static_cast<unsigned char>(c)] = true;
  std::string out;
  for (char c : view_of(self)) {
    auto u = static_cast<unsigned char>(c);
    if (deleted[u]) continue;
    out += table.empty() ? c : table[u];
  }
  return make_like(self, out);
}

Value m_maketrans(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("maketrans", kw) || !check_nargs("maketrans", nargs, 2, 2)) return Value();
  std::string_view from, to;
  if (!buffer_arg(args[0], &from) || !buffer_arg(args[1], &to)) return Value();
  if (from.size() != to.size()) return raise(&exc_ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int c = 0; c < 256; c++) table[c] = static_cast<char>(c);
  for (size_t i = 0; i < from.size(); i++) table[static_cast<unsigned char>(from[i])] = to[i];
  return bytes_new(table);
}

Value m_decode(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"encoding", "errors"};
  Value a[2];
  if (!parse_args("decode", kNames, 2, 0, args, nargs, kw, a)) return Value();
  Str *encoding = nullptr, *errors = nullptr;
  if (a[0] && !str_arg(a[0], "decode", "'encoding'", &encoding)) return Value();
  if (a[1] && !str_arg(a[1], "decode", "'errors'", &errors)) return Value();
  return str_decode(view_of(self), encoding ? encoding->data() : nullptr, errors ? errors->data() : nullptr);
}

Value m_hex(Value self, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"sep", "bytes_per_sep"};
  Value a[2];
  if (!parse_args("hex", kNames, 2, 0, args, nargs, kw, a)) return Value();
  std::string sep;
  if (a[0]) {
    std::string_view sv;
    if (str_check(a[0])) sv = a[0].as<Str>()->view();
    else if (!bytes_like_view(a[0], &sv))
      return raise(&exc_TypeError, "sep must be str or bytes.");
    if (sv.size() != 1) return raise(&exc_ValueError, "sep must be length 1.");
    sep = sv;
  }
  int64_t group = 1;
  if (a[1] && !ssize_arg(a[1], &group)) return Value();
  static const char kHex[] = "0123456789abcdef";
  std::string_view v = view_of(self);
  std::string out;
  out.reserve(v.size() * 3);
  int64_t n = v.size(), g = group < 0 ? -group : group;
  for (int64_t i = 0; i < n; i++) {
    if (!sep.empty() && g > 0 && i > 0) {
      // Positive groups count from the right, negative from the left.
      bool boundary = group > 0 ? (n - i) % g == 0 : i % g == 0;
      if (boundary) out += sep;
    }
    auto c = static_cast<unsigned char>(v[i]);
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return str_from_ascii(out);
}

Value m_fromhex(Value cls, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("fromhex", kw) || !check_nargs("fromhex", nargs, 1, 1)) return Value();
  if (!str_check(args[0]))
    return raise(&exc_TypeError, std::string("fromhex() argument must be str, not ") + type_name(args[0]));
  Str* s = args[0].as<Str>();
  std::string out;
  auto hexval = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string_view v = s->view();
  size_t i = 0;
  while (i < v.size()) {
    if (b_space(static_cast<unsigned char>(v[i]))) {
      i++;
      continue;
    }
    int hi = hexval(v[i]);
    int lo = i + 1 < v.size() ? hexval(v[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      int64_t bad = hi < 0 ? i : i + 1;
      return raise(&exc_ValueError, "non-hexadecimal number found in fromhex() arg at position " +
                                        std::to_string(str_index_of_offset(s, bad)));
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  Value b = bytes_new(out);
  if (cls.is(Value(&bytes_type))) return b;
  if (cls.is(Value(&bytearray_type))) return bytearray_new(out);
  return call(cls, {b});
}

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!noargs(self, "__getnewargs__", nargs, kw)) return Value();
  return tuple_of({bytes_new(view_of(self))});
}

#define SHARED_METHODS                                 \
  {"capitalize", m_capitalize},                        \
      {"center", m_center},                            \
      {"count", m_count},                              \
      {"decode", m_decode},                            \
      {"endswith", m_endswith},                        \
      {"expandtabs", m_expandtabs},                    \
      {"find", m_find},                                \
      {"fromhex", m_fromhex, kMethodClass},            \
      {"hex", m_hex},                                  \
      {"index", m_index},                              \
      {"isalnum", m_isalnum},                          \
      {"isalpha", m_isalpha},                          \
      {"isascii", m_isascii},                          \
      {"isdigit", m_isdigit},                          \
      {"islower", m_islower},                          \
      {"isspace", m_isspace},                          \
      {"istitle", m_istitle},                          \
      {"isupper", m_isupper},                          \
      {"join", m_join},                                \
      {"ljust", m_ljust},                              \
      {"lower", m_lower},                              \
      {"lstrip", m_lstrip},                            \
      {"maketrans", m_maketrans, kMethodStatic},       \
      {"partition", m_partition},                      \
      {"removeprefix", m_removeprefix},                \
      {"removesuffix", m_removesuffix},                \
      {"replace", m_replace},                          \
      {"rfind", m_rfind},                              \
      {"rindex", m_rindex},                            \
      {"rjust", m_rjust},                              \
      {"rpartition", m_rpartition},                    \
      {"rsplit", m_rsplit},                            \
      {"rstrip", m_rstrip},                            \
      {"split", m_split},                              \
      {"splitlines", m_splitlines},                    \
      {"startswith", m_startswith},                    \
      {"strip", m_strip},                              \
      {"swapcase", m_swapcase},                        \
      {"title", m_title},                              \
      {"translate", m_translate},                      \
      {"upper", m_upper},                              \
      {"zfill", m_zfill}

const MethodDef bytes_methods[] = {
    SHARED_METHODS,
    {"__getnewargs__", m_getnewargs},
    {nullptr, nullptr},
};

// ---- bytearray mutation ----

ByteArray* as_ba(Value v) { return v.as<ByteArray>(); }

void ba_truncate(ByteArray* ba) {
  ba->size = 0;
  ba->data[0] = '\0';
}

Value ba_append(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.append", kw) || !check_nargs("bytearray.append", nargs, 1, 1)) return Value();
  int c;
  if (!byte_value(args[0], &c)) return Value();
  ByteArray* ba = as_ba(self);
  if (!bytearray_check_resize(ba) || !bytearray_reserve(ba, ba->size + 1)) return Value();
  ba->data[ba->size++] = static_cast<char>(c);
  ba->data[ba->size] = '\0';
  return none_value();
}

// The bytes an iterable argument of extend()/slice assignment stands for.
bool iterable_bytes(Value v, std::string& out, bool for_extend) {
  std::string_view view;
  if (bytes_like_view(v, &view)) {
    out = view;
    return true;
  }
  if (for_extend && !str_check(v) && !type_of(v)->tp_iter && !type_of(v)->mp_subscript) {
    raise(&exc_TypeError, std::string("can't extend bytearray with ") + type_name(v));
    return false;
  }
  if (!for_extend && (str_check(v) || int_check(v) || (!type_of(v)->tp_iter && !type_of(v)->mp_subscript))) {
    raise(&exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return bytes_from_iterable(v, out, "byte must be in range(0, 256)");
}

Value ba_extend(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.extend", kw) || !check_nargs("bytearray.extend", nargs, 1, 1)) return Value();
  std::string data;
  if (!iterable_bytes(args[0], data, true)) return Value();
  ByteArray* ba = as_ba(self);
  if ((!data.empty() && !bytearray_check_resize(ba)) || !bytearray_reserve(ba, ba->size + data.size())) return Value();
  std::memcpy(ba->data + ba->size, data.data(), data.size());
  ba->size += data.size();
  ba->data[ba->size] = '\0';
  return none_value();
}

Value ba_pop(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.pop", kw) || !check_nargs("pop", nargs, 0, 1)) return Value();
  ByteArray* ba = as_ba(self);
  int64_t i = -1;
  if (nargs && !ssize_arg(args[0], &i)) return Value();
  if (ba->size == 0) return raise(&exc_IndexError, "pop from empty bytearray");
  if (i < 0) i += ba->size;
  if (i < 0 || i >= ba->size) return raise(&exc_IndexError, "pop index out of range");
  if (!bytearray_check_resize(ba)) return Value();
  auto c = static_cast<unsigned char>(ba->data[i]);
  std::memmove(ba->data + i, ba->data + i + 1, ba->size - i - 1);
  ba->data[--ba->size] = '\0';
  return Value::small_int(c);
}

Value ba_insert(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.insert", kw) || !check_nargs("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!ssize_arg(args[0], &i)) return Value();
  int c;
  if (!byte_value(args[1], &c)) return Value();
  ByteArray* ba = as_ba(self);
  if (i < 0) i = std::max<int64_t>(i + ba->size, 0);
  if (i > ba->size) i = ba->size;
  if (!bytearray_check_resize(ba) || !bytearray_reserve(ba, ba->size + 1)) return Value();
  std::memmove(ba->data + i + 1, ba->data + i, ba->size - i);
  ba->data[i] = static_cast<char>(c);
  ba->data[++ba->size] = '\0';
  return none_value();
}

Value ba_remove(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bytearray.remove", kw) || !check_nargs("bytearray.remove", nargs, 1, 1)) return Value();
  int c;
  if (!byte_value(args[0], &c)) return Value();
  ByteArray* ba = as_ba(self);
  auto* hit = static_cast<char*>(std::memchr(ba->data, c, ba->size));
  if (!hit) return raise(&exc_ValueError, "value not found in bytearray");
  if (!bytearray_check_resize(ba)) return Value();
  int64_t i = hit - ba->data;
  std::memmove(ba->data + i, ba->data + i + 1, ba->size - i - 1);
  ba->data[--ba->size] = '\0';
  return none_value();
}

Value ba_clear(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!noargs(self, "clear", nargs, kw) || !bytearray_check_resize(as_ba(self))) return Value();
  ba_truncate(as_ba(self));
  return none_value();
}

Value ba_copy(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!noargs(self, "copy", nargs, kw)) return Value();
  return bytearray_new(as_ba(self)->view());
}

Value ba_reverse(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!noargs(self, "reverse", nargs, kw)) return Value();
  ByteArray* ba = as_ba(self);
  std::reverse(ba->data, ba->data + ba->size);
  return none_value();
}

int ba_ass_subscript(Value self, Value key, Value value) {
  ByteArray* ba = as_ba(self);
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, count;
    if (slice_indices(key.as<Slice>(), ba->size, &start, &stop, &step, &count) < 0) return -1;
    std::string data;
    if (value && !iterable_bytes(value, data, false)) return -1;
    if (step == 1) {
      if (stop < start) stop = start;
      std::string result(ba->view().substr(0, start));
      result.append(data);
      result.append(ba->view().substr(stop));
      return bytearray_assign(ba, result) ? 0 : -1;
    }
    if (!value) {
      // Delete every selected index: keep the others in order.
      std::string result;
      std::vector<bool> drop(ba->size, false);
      for (int64_t k = 0, i = start; k < count; k++, i += step) drop[i] = true;
      for (int64_t i = 0; i < ba->size; i++)
        if (!drop[i]) result += ba->data[i];
      return bytearray_assign(ba, result) ? 0 : -1;
    }
    if (static_cast<int64_t>(data.size()) != count) {
      raise(&exc_ValueError, "attempt to assign bytes of size " + std::to_string(data.size()) +
                                 " to extended slice of size " + std::to_string(count));
      return -1;
    }
    for (int64_t k = 0, i = start; k < count; k++, i += step) ba->data[i] = data[k];
    return 0;
  }
  int64_t i;
  int r = index_of(key, &i);
  if (r < 0) return -1;
  if (r == 0) {
    raise(&exc_TypeError, std::string("bytearray indices must be integers or slices, not ") + type_name(key));
    return -1;
  }
  if (i < 0) i += ba->size;
  if (i < 0 || i >= ba->size) {
    raise(&exc_IndexError, "bytearray index out of range");
    return -1;
  }
  if (!value) {
    if (!bytearray_check_resize(ba)) return -1;
    std::memmove(ba->data + i, ba->data + i + 1, ba->size - i - 1);
    ba->data[--ba->size] = '\0';
    return 0;
  }
  int c;
  if (!byte_value(value, &c)) return -1;
  ba->data[i] = static_cast<char>(c);
  return 0;
}

Value ba_iadd(Value a, Value b) {
  std::string_view y;
  if (!bytes_like_view(b, &y)) return raise(&exc_TypeError, std::string("can't concat ") + type_name(b) + " to bytearray");
  ByteArray* ba = as_ba(a);
  std::string copy(y);  // b may be a itself
  if ((!copy.empty() && !bytearray_check_resize(ba)) || !bytearray_reserve(ba, ba->size + copy.size())) return Value();
  std::memcpy(ba->data + ba->size, copy.data(), copy.size());
  ba->size += copy.size();
  ba->data[ba->size] = '\0';
  return a;
}

Value ba_imul(Value a, Value b) {
  int64_t n;
  bool not_impl;
  if (!repeat_count(a, b, &n, &not_impl)) return not_impl ? not_implemented_value() : Value();
  ByteArray* ba = as_ba(a);
  if (n > 0 && ba->size > kMaxTextSize / n) return raise_no_memory();
  return bytearray_assign(ba, repeat(ba->view(), n)) ? a : Value();
}

const MethodDef bytearray_methods[] = {
    SHARED_METHODS,
    {"append", ba_append},
    {"clear", ba_clear},
    {"copy", ba_copy},
    {"extend", ba_extend},
    {"insert", ba_insert},
    {"pop", ba_pop},
    {"remove", ba_remove},
    {"reverse", ba_reverse},
    {nullptr, nullptr},
};

}  // namespace

void bytes_type_init() {
  empty_bytes = bytes_alloc(0);
  for (int c = 0; c < 256; c++) {
    single_bytes[c] = bytes_alloc(1);
    single_bytes[c]->data()[0] = static_cast<char>(c);
  }

  bytes_type.flags |= kTypeBaseType | kTypePointerFree;
  bytes_type.basicsize = sizeof(Bytes);
  bytes_type.itemsize = 1;
  bytes_type.tp_new = bytes_tp_new;
  bytes_type.tp_repr = bytes_repr;
  bytes_type.tp_str = bytes_repr;
  bytes_type.tp_hash = bytes_hash_slot;
  bytes_type.tp_richcompare = bytes_richcompare;
  bytes_type.tp_iter = bytes_iter;
  bytes_type.mp_length = bytes_length;
  bytes_type.mp_subscript = bytes_subscript;
  bytes_type.sq_contains = bytes_contains;
  bytes_type.nb.binary[static_cast<int>(BinaryOp::Add)] = bytes_add;
  bytes_type.nb.binary[static_cast<int>(BinaryOp::Mul)] = bytes_mul;
  bytes_type.nb.binary[static_cast<int>(BinaryOp::Mod)] = bytes_mod;
  type_ready(&bytes_type, "bytes", &object_type, bytes_methods);

  bytearray_type.flags |= kTypeBaseType;
  bytearray_type.basicsize = sizeof(ByteArray);
  bytearray_type.tp_new = bytearray_tp_new;
  bytearray_type.tp_init = bytearray_tp_init;
  bytearray_type.tp_repr = bytearray_repr;
  bytearray_type.tp_str = bytearray_repr;
  bytearray_type.tp_hash = hash_not_implemented;
  bytearray_type.tp_richcompare = bytes_richcompare;
  bytearray_type.tp_iter = bytes_iter;
  bytearray_type.mp_length = bytes_length;
  bytearray_type.mp_subscript = bytes_subscript;
  bytearray_type.mp_ass_subscript = ba_ass_subscript;
  bytearray_type.sq_contains = bytes_contains;
  bytearray_type.nb.binary[static_cast<int>(BinaryOp::Add)] = bytes_add;
  bytearray_type.nb.binary[static_cast<int>(BinaryOp::Mul)] = bytes_mul;
  bytearray_type.nb.binary[static_cast<int>(BinaryOp::Mod)] = bytes_mod;
  bytearray_type.nb.inplace[static_cast<int>(BinaryOp::Add)] = ba_iadd;
  bytearray_type.nb.inplace[static_cast<int>(BinaryOp::Mul)] = ba_imul;
  type_ready(&bytearray_type, "bytearray", &object_type, bytearray_methods);

  bytes_iterator_type.tp_iter = iterator_self;
  bytes_iterator_type.tp_iternext = bytes_iterator_next;
  type_ready(&bytes_iterator_type, "bytes_iterator", &object_type);
}

}  // namespace minipy
