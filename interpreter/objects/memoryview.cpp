// memoryview (see memoryview.h).
#include "objects/memoryview.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type memoryview_type;

namespace {

MemoryView* mv_of(Value v) { return v.as<MemoryView>(); }

ByteArray* exporting_bytearray(Value obj) {
  return isinstance_fast(obj, &bytearray_type) ? obj.as<ByteArray>() : nullptr;
}

// A view the collector finds unreachable without release() gives its export back.
void mv_finalize(Object* o) {
  auto* mv = static_cast<MemoryView*>(o);
  if (mv->released) return;
  mv->released = true;
  if (ByteArray* ba = exporting_bytearray(mv->obj)) ba->exports--;
}

MemoryView* make_view(Value obj, char* buf, int64_t len, int64_t stride, int32_t itemsize, char format,
                      bool readonly) {
  auto* mv = alloc<MemoryView>(&memoryview_type);
  mv->obj = obj;
  mv->buf = buf;
  mv->len = len;
  mv->stride = stride;
  mv->hash = -1;
  mv->itemsize = itemsize;
  mv->format = format;
  mv->readonly = readonly;
  if (ByteArray* ba = exporting_bytearray(obj)) {
    ba->exports++;
    register_finalizer(mv, mv_finalize);
  }
  return mv;
}

// A view derived from `from` (slice, cast, toreadonly, memoryview(view)).
MemoryView* derive(MemoryView* from, char* buf, int64_t len, int64_t stride, int32_t itemsize, char format,
                   bool readonly) {
  return make_view(from->obj, buf, len, stride, itemsize, format, readonly);
}

bool check_released(MemoryView* mv) {
  if (!mv->released) return true;
  raise(&exc_ValueError, "operation forbidden on released memoryview object");
  return false;
}

bool contiguous(MemoryView* mv) { return mv->stride == mv->itemsize || mv->len <= 1; }
int64_t nbytes(MemoryView* mv) { return mv->len * mv->itemsize; }

// ---- item formats -------------------------------------------------------------------------------

int format_size(char f) {
  switch (f) {
    case 'B': case 'b': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': return 8;
    default: return 0;
  }
}

bool byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <class T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

Value unpack(char f, const char* p) {
  switch (f) {
    case 'B': return Value::small_int(load<uint8_t>(p));
    case 'b': return Value::small_int(load<int8_t>(p));
    case 'c': return Value(bytes_new(std::string_view(p, 1)));
    case '?': return bool_value(load<uint8_t>(p) != 0);
    case 'h': return Value::small_int(load<int16_t>(p));
    case 'H': return Value::small_int(load<uint16_t>(p));
    case 'i': return Value::small_int(load<int32_t>(p));
    case 'I': return Value::small_int(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_i64(load<int64_t>(p));
    case 'L': case 'Q': case 'N': return int_from_u64(load<uint64_t>(p));
    case 'f': return float_new(load<float>(p));
    default: return float_new(load<double>(p));
  }
}

Value invalid(Type* exc, const char* what, char f) {
  return raise(exc, std::string("memoryview: invalid ") + what + " for format '" + f + "'");
}

bool pack(char f, Value v, char* p) {
  if (f == 'c') {
    if (!bytes_check(v)) return invalid(&exc_TypeError, "type", f), false;
    std::string_view b = v.as<Bytes>()->view();
    if (b.size() != 1) return invalid(&exc_ValueError, "value", f), false;
    *p = b[0];
    return true;
  }
  if (f == '?') {
    int t = is_true(v);
    if (t < 0) return false;
    *p = static_cast<char>(t);
    return true;
  }
  if (f == 'f' || f == 'd') {
    if (!float_check(v) && !int_check(v)) return invalid(&exc_TypeError, "type", f), false;
    Value d = number_float(v);
    if (!d) return false;
    if (f == 'f') store<float>(p, static_cast<float>(float_value(d)));
    else store<double>(p, float_value(d));
    return true;
  }
  if (!int_check(v)) return invalid(&exc_TypeError, "type", f), false;
  bool is_unsigned = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N';
  // Unsigned 64-bit items are limited to the signed range here.
  int64_t i = 0;
  if (!int_to_i64(v, &i) || (is_unsigned && i < 0)) {
    error_clear();
    return invalid(&exc_ValueError, "value", f), false;
  }
  auto u = static_cast<uint64_t>(i);
  switch (f) {
    case 'B':
      if (u > 0xFF) break;
      store<uint8_t>(p, static_cast<uint8_t>(u));
      return true;
    case 'b':
      if (i < -128 || i > 127) break;
      store<int8_t>(p, static_cast<int8_t>(i));
      return true;
    case 'h':
      if (i < INT16_MIN || i > INT16_MAX) break;
      store<int16_t>(p, static_cast<int16_t>(i));
      return true;
    case 'H':
      if (u > 0xFFFF) break;
      store<uint16_t>(p, static_cast<uint16_t>(u));
      return true;
    case 'i':
      if (i < INT32_MIN || i > INT32_MAX) break;
      store<int32_t>(p, static_cast<int32_t>(i));
      return true;
    case 'I':
      if (u > 0xFFFFFFFFu) break;
      store<uint32_t>(p, static_cast<uint32_t>(u));
      return true;
    case 'l': case 'q': case 'n':
      store<int64_t>(p, i);
      return true;
    default:
      store<uint64_t>(p, u);
      return true;
  }
  return invalid(&exc_ValueError, "value", f), false;
}

// The view's bytes in item order (a copy; non-contiguous views are gathered).
std::string gather(MemoryView* mv) {
  if (contiguous(mv)) return std::string(mv->buf, static_cast<size_t>(nbytes(mv)));
  std::string out;
  out.reserve(static_cast<size_t>(nbytes(mv)));
  for (int64_t i = 0; i < mv->len; ++i) out.append(mv->buf + i * mv->stride, mv->itemsize);
  return out;
}

Value to_list(MemoryView* mv) {
  List* l = list_new(mv->len);
  for (int64_t i = 0; i < mv->len; ++i) {
    Value v = unpack(mv->format, mv->buf + i * mv->stride);
    if (!v) return v;
    list_append(l, v);
  }
  return Value(l);
}

// ---- construction -------------------------------------------------------------------------------

Value view_of(Value obj) {
  if (memoryview_check(obj)) {
    MemoryView* src = mv_of(obj);
    if (!check_released(src)) return Value();
    return Value(derive(src, src->buf, src->len, src->stride, src->itemsize, src->format, src->readonly));
  }
  if (isinstance_fast(obj, &bytes_type)) {
    Bytes* b = obj.as<Bytes>();
    return Value(make_view(obj, b->data(), b->size, 1, 1, 'B', true));
  }
  if (ByteArray* ba = exporting_bytearray(obj)) {
    return Value(make_view(obj, ba->data, ba->size, 1, 1, 'B', false));
  }
  return raise(&exc_TypeError, std::string("memoryview: a bytes-like object is required, not '") + type_name(obj) + "'");
}

Value mv_tp_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"memoryview", {"object"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  return view_of(a[0]);
}

// ---- protocol slots -----------------------------------------------------------------------------

Value mv_repr(Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %p>", mv_of(self)->released ? "released " : "",
                static_cast<void*>(self.as_object()));
  return Value(str_new(buf));
}

int64_t mv_length(Value self) {
  MemoryView* mv = mv_of(self);
  return check_released(mv) ? mv->len : -1;
}

// Index (int or __index__) of item in range, or -1 with an exception pending.
int64_t item_index(MemoryView* mv, Value key) {
  if (!int_check(key) && !type_of(key)->nb.index) {
    raise(&exc_TypeError, "memoryview: invalid slice key");
    return -1;
  }
  int64_t i;
  if (!index_to_i64(key, &i)) return -1;
  if (i < 0) i += mv->len;
  if (i < 0 || i >= mv->len) {
    raise(&exc_IndexError, "index out of bounds on dimension 1");
    return -1;
  }
  return i;
}

Value mv_subscript(Value self, Value key) {
  MemoryView* mv = mv_of(self);
  if (!check_released(mv)) return Value();
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, count;
    if (slice_indices(key.as<Slice>(), mv->len, &start, &stop, &step, &count) < 0) return Value();
    return Value(derive(mv, mv->buf + start * mv->stride, count, mv->stride * step, mv->itemsize, mv->format,
                        mv->readonly));
  }
  int64_t i = item_index(mv, key);
  if (i < 0) return Value();
  return unpack(mv->format, mv->buf + i * mv->stride);
}

// The source of a slice assignment as the destination's items, or false with an exception.
bool source_items(Value v, MemoryView* dst, std::string* out) {
  if (memoryview_check(v)) {
    MemoryView* src = mv_of(v);
    if (!check_released(src)) return false;
    if (src->format != dst->format) {
      raise(&exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return false;
    }
    *out = gather(src);
    return true;
  }
  std::string_view view;
  if (!bytes_like_view(v, &view)) {
    raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(v) + "'");
    return false;
  }
  if (!byte_format(dst->format)) {
    raise(&exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    return false;
  }
  *out = view;
  return true;
}

int mv_ass_subscript(Value self, Value key, Value value) {
  MemoryView* mv = mv_of(self);
  if (!check_released(mv)) return -1;
  if (mv->readonly) {
    raise(&exc_TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    raise(&exc_TypeError, "cannot delete memory");
    return -1;
  }
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, count;
    if (slice_indices(key.as<Slice>(), mv->len, &start, &stop, &step, &count) < 0) return -1;
    std::string data;  // a copy: the source may overlap the destination
    if (!source_items(value, mv, &data)) return -1;
    if (static_cast<int64_t>(data.size()) != count * mv->itemsize) {
      raise(&exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    for (int64_t k = 0; k < count; ++k) {
      std::memcpy(mv->buf + (start + k * step) * mv->stride, data.data() + k * mv->itemsize, mv->itemsize);
    }
    return 0;
  }
  int64_t i = item_index(mv, key);
  if (i < 0) return -1;
  return pack(mv->format, value, mv->buf + i * mv->stride) ? 0 : -1;
}

// Equal when both sides have a buffer and their items compare equal one by one.
Value mv_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return not_implemented_value();
  MemoryView* x = mv_of(a);
  bool eq;
  if (a.is(b)) {
    eq = true;
  } else if (x->released || (memoryview_check(b) && mv_of(b)->released)) {
    eq = false;
  } else {
    Value left = to_list(x);
    if (!left) return left;
    Value right;
    std::string_view view;
    if (memoryview_check(b)) {
      right = to_list(mv_of(b));
    } else if (bytes_like_view(b, &view)) {
      List* l = list_new(static_cast<int64_t>(view.size()));
      for (unsigned char c : view) list_append(l, Value::small_int(c));
      right = Value(l);
    } else {
      return not_implemented_value();
    }
    if (!right) return right;
    int r = equals(left, right);
    if (r < 0) return Value();
    eq = r;
  }
  return bool_value(op == CompareOp::Eq ? eq : !eq);
}

int64_t mv_hash(Value self) {
  MemoryView* mv = mv_of(self);
  if (mv->hash != -1) return mv->hash;
  if (!check_released(mv)) return -1;
  if (!mv->readonly) {
    raise(&exc_ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (!byte_format(mv->format)) {
    raise(&exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  mv->hash = hash(Value(bytes_new(gather(mv))));
  return mv->hash;
}

Value mv_iter(Value self) {
  MemoryView* mv = mv_of(self);
  if (!check_released(mv)) return Value();
  Value items = to_list(mv);
  return items ? get_iter(items) : items;
}

// ---- methods ------------------------------------------------------------------------------------

MemoryView* checked(Value self) {
  MemoryView* mv = mv_of(self);
  return check_released(mv) ? mv : nullptr;
}

Value mv_tobytes(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"tobytes", {"order"}, 1, 0};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  MemoryView* mv = checked(self);
  if (!mv) return Value();
  if (a[0] && !is_none(a[0])) {
    if (!str_check(a[0])) {
      return raise(&exc_TypeError, std::string("tobytes() argument 'order' must be str or None, not ") + type_name(a[0]));
    }
    std::string_view o = a[0].as<Str>()->view();
    if (o != "C" && o != "F" && o != "A") return raise(&exc_ValueError, "order must be 'C', 'F' or 'A'");
  }
  return Value(bytes_new(gather(mv)));
}

Value mv_tolist(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("tolist", kwnames) || !check_nargs("tolist", nargs, 0, 0)) return Value();
  MemoryView* mv = checked(self);
  return mv ? to_list(mv) : Value();
}

// Same arguments and output as bytes.hex, which does the work.
Value mv_hex(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  MemoryView* mv = checked(self);
  if (!mv) return Value();
  Value method = getattr_cstr(Value(bytes_new(gather(mv))), "hex");
  return method ? call(method, args, nargs, kwnames) : method;
}

Value mv_release(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("release", kwnames) || !check_nargs("release", nargs, 0, 0)) return Value();
  mv_finalize(self.as_object());
  return none_value();
}

Value mv_enter(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__enter__", kwnames) || !check_nargs("__enter__", nargs, 0, 0)) return Value();
  return checked(self) ? self : Value();
}

Value mv_exit(Value self, const Value*, size_t, Tuple*) {
  mv_finalize(self.as_object());
  return none_value();
}

Value mv_toreadonly(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("toreadonly", kwnames) || !check_nargs("toreadonly", nargs, 0, 0)) return Value();
  MemoryView* mv = checked(self);
  if (!mv) return Value();
  return Value(derive(mv, mv->buf, mv->len, mv->stride, mv->itemsize, mv->format, true));
}

Value mv_cast(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"cast", {"format", "shape"}, 2, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  MemoryView* mv = checked(self);
  if (!mv) return Value();
  if (!str_check(a[0])) {
    return raise(&exc_TypeError, std::string("cast() argument 'format' must be str, not ") + type_name(a[0]));
  }
  std::string_view f = a[0].as<Str>()->view();
  if (f.size() == 2 && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1 || !format_size(f[0])) {
    return raise(&exc_ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  }
  char to = f[0];
  int itemsize = format_size(to);
  if (!contiguous(mv)) return raise(&exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
  if (!byte_format(mv->format) && !byte_format(to)) {
    return raise(&exc_TypeError, "memoryview: cannot cast between two non-byte formats");
  }
  int64_t total = nbytes(mv);
  if (a[1] && !is_none(a[1])) {
    Value shape = a[1];
    if (!list_check(shape) && !tuple_check(shape)) return raise(&exc_TypeError, "shape must be a list or a tuple");
    int64_t n = length(shape);
    if (n < 0) return Value();
    if (n != 1) return raise(&exc_NotImplementedError, "memoryview: multi-dimensional casts are not supported");
    Value dim = getitem(shape, Value::small_int(0));
    int64_t d;
    if (!dim || !index_to_i64(dim, &d)) return Value();
    if (d * itemsize != total) return raise(&exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
  }
  if (total % itemsize) return raise(&exc_TypeError, "memoryview: length is not a multiple of itemsize");
  return Value(derive(mv, mv->buf, total / itemsize, itemsize, itemsize, to, mv->readonly));
}

const MethodDef kMemoryViewMethods[] = {
    {"tobytes", mv_tobytes},
    {"tolist", mv_tolist},
    {"hex", mv_hex},
    {"release", mv_release},
    {"toreadonly", mv_toreadonly},
    {"cast", mv_cast},
    {"__enter__", mv_enter},
    {"__exit__", mv_exit},
    {nullptr, nullptr},
};

// ---- attributes ---------------------------------------------------------------------------------

Value get_obj(Value self) {
  MemoryView* mv = checked(self);
  return mv ? mv->obj : Value();
}
Value get_nbytes(Value self) {
  MemoryView* mv = checked(self);
  return mv ? int_from_i64(nbytes(mv)) : Value();
}
Value get_readonly(Value self) {
  MemoryView* mv = checked(self);
  return mv ? bool_value(mv->readonly) : Value();
}
Value get_itemsize(Value self) {
  MemoryView* mv = checked(self);
  return mv ? Value::small_int(mv->itemsize) : Value();
}
Value get_format(Value self) {
  MemoryView* mv = checked(self);
  return mv ? Value(str_new(std::string(1, mv->format))) : Value();
}
Value get_ndim(Value self) { return checked(self) ? Value::small_int(1) : Value(); }
Value get_shape(Value self) {
  MemoryView* mv = checked(self);
  return mv ? Value(tuple_of({int_from_i64(mv->len)})) : Value();
}
Value get_strides(Value self) {
  MemoryView* mv = checked(self);
  return mv ? Value(tuple_of({int_from_i64(mv->stride)})) : Value();
}
Value get_suboffsets(Value self) { return checked(self) ? Value(empty_tuple()) : Value(); }
Value get_contiguous(Value self) {
  MemoryView* mv = checked(self);
  return mv ? bool_value(contiguous(mv)) : Value();
}

const GetSetDef kMemoryViewGetSets[] = {
    {"obj", get_obj, nullptr},
    {"nbytes", get_nbytes, nullptr},
    {"readonly", get_readonly, nullptr},
    {"itemsize", get_itemsize, nullptr},
    {"format", get_format, nullptr},
    {"ndim", get_ndim, nullptr},
    {"shape", get_shape, nullptr},
    {"strides", get_strides, nullptr},
    {"suboffsets", get_suboffsets, nullptr},
    {"c_contiguous", get_contiguous, nullptr},
    {"f_contiguous", get_contiguous, nullptr},
    {"contiguous", get_contiguous, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

bool memoryview_check(Value v) { return v.is_object() && type_of(v) == &memoryview_type; }

Value memoryview_new(Value obj) { return view_of(obj); }

bool memoryview_contiguous_view(Value v, std::string_view* out) {
  MemoryView* mv = mv_of(v);
  if (mv->released || !contiguous(mv)) return false;
  *out = std::string_view(mv->buf, static_cast<size_t>(nbytes(mv)));
  return true;
}

void memoryview_type_init() {
  memoryview_type.basicsize = sizeof(MemoryView);
  memoryview_type.tp_new = mv_tp_new;
  memoryview_type.tp_repr = mv_repr;
  memoryview_type.tp_hash = mv_hash;
  memoryview_type.tp_richcompare = mv_richcompare;
  memoryview_type.tp_iter = mv_iter;
  memoryview_type.mp_length = mv_length;
  memoryview_type.mp_subscript = mv_subscript;
  memoryview_type.mp_ass_subscript = mv_ass_subscript;
  memoryview_type.flags |= kTypeWeakrefable;
  type_ready(&memoryview_type, "memoryview", &object_type, kMemoryViewMethods, kMemoryViewGetSets);
}

}  // namespace minipy
