// The struct module: conversion between Python values and C structs packed in bytes.
//
// A format compiles once into a list of codes with their offsets (Struct objects, cached for
// the module-level functions). Byte order '@' is native with native sizes and alignment;
// '=', '<', '>' and '!' use standard sizes without alignment. The range errors reproduce
// CPython 3.11's messages, which differ between native, little- and big-endian packers.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

Type struct_type;
Type unpack_iterator_type;
Value g_struct_error;  // struct.error
Dict* g_cache;         // format -> Struct, for the module-level functions
constexpr int64_t kCacheMax = 100;

enum class Order : uint8_t { Native, Little, Big };

struct FormatCode {
  char code;
  int64_t offset;  // of the first item
  int64_t count;   // repetitions, or the length for 's' and 'p'
  int size;        // of one item
};

struct StructObject : Object {
  Value format;        // str
  int64_t size;
  int64_t nitems;      // values pack() takes and unpack() returns
  Order order;
  bool std_sizes;      // not '@'
  int64_t ncodes;
  FormatCode* codes;   // GC atomic memory
};

struct UnpackIteratorObject : Object {
  StructObject* st;
  Value buffer;        // kept alive while iterating
  int64_t offset;
};

Value struct_error(const std::string& msg) {
  Value exc = call(g_struct_error, {Value(str_new(msg))});
  if (!exc) return Value();
  return raise_value(exc);
}

// ---------------------------------------------------------------------------------------------
// Compiling a format

int native_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': return 8;
    default: return 0;
  }
}

int standard_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;  // n, N and P exist only in native mode
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

StructObject* compile_format(Type* type, Value format_obj) {
  std::string_view fmt;
  if (str_check(format_obj)) {
    fmt = format_obj.as<Str>()->view();
  } else if (bytes_check(format_obj)) {
    fmt = format_obj.as<Bytes>()->view();
  } else {
    raise(&exc_TypeError, std::string("Struct() argument 1 must be a str or bytes object, not ") + type_name(format_obj));
    return nullptr;
  }
  size_t i = 0;
  Order order = Order::Native;
  bool std_sizes = false;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': i = 1; break;
      case '=': order = Order::Little; std_sizes = true; i = 1; break;
      case '<': order = Order::Little; std_sizes = true; i = 1; break;
      case '>': case '!': order = Order::Big; std_sizes = true; i = 1; break;
      default: break;
    }
  }
  std::vector<FormatCode> codes;
  int64_t size = 0, nitems = 0;
  constexpr int64_t kMaxSize = INT64_MAX / 2;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    int64_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        if (count > (kMaxSize - 9) / 10) {
          struct_error("total struct size too long");
          return nullptr;
        }
        count = count * 10 + (fmt[i] - '0');
        ++i;
      }
      if (i == fmt.size()) {
        struct_error("repeat count given without format specifier");
        return nullptr;
      }
      c = fmt[i];
    }
    int item = std_sizes ? standard_size(c) : native_size(c);
    if (item == 0) {
      struct_error("bad char in struct format");
      return nullptr;
    }
    // Native mode aligns every item to its own size (all native sizes are powers of two).
    if (!std_sizes && item > 1) size = (size + item - 1) / item * item;
    bool string_like = c == 's' || c == 'p';
    int64_t span = string_like ? count : count * item;
    if (!string_like && count > 0 && item > kMaxSize / count) {
      struct_error("total struct size too long");
      return nullptr;
    }
    if (size > kMaxSize - span) {
      struct_error("total struct size too long");
      return nullptr;
    }
    if (c != 'x' || count > 0) codes.push_back({c, size, count, item});
    size += span;
    if (c != 'x') nitems += string_like ? 1 : count;
    ++i;
  }
  auto* st = static_cast<StructObject*>(alloc_instance(type));
  st->format = str_check(format_obj) ? format_obj : str_decode_utf8(fmt, "strict");
  if (!st->format) return nullptr;
  st->size = size;
  st->nitems = nitems;
  st->order = order;
  st->std_sizes = std_sizes;
  st->ncodes = static_cast<int64_t>(codes.size());
  st->codes = static_cast<FormatCode*>(gc_malloc_atomic(sizeof(FormatCode) * (codes.size() + 1)));
  if (!codes.empty()) std::memcpy(st->codes, codes.data(), sizeof(FormatCode) * codes.size());
  return st;
}

// The cached Struct for a format (module-level functions).
StructObject* cached_struct(Value format) {
  if (str_check(format) || bytes_check(format)) {
    Value hit = dict_get(g_cache, format);
    if (hit) return hit.as<StructObject>();
    if (error_pending()) return nullptr;
  }
  StructObject* st = compile_format(&struct_type, format);
  if (!st) return nullptr;
  if (dict_size(g_cache) >= kCacheMax) dict_clear(g_cache);
  if (dict_set(g_cache, format, Value(st)) < 0) return nullptr;
  return st;
}

// ---------------------------------------------------------------------------------------------
// Packing

void store_uint(char* p, uint64_t v, int size, Order order) {
  for (int k = 0; k < size; ++k) {
    int shift = 8 * (order == Order::Big ? size - 1 - k : k);
    p[k] = static_cast<char>((v >> shift) & 0xFF);
  }
}

uint64_t load_uint(const char* p, int size, Order order) {
  uint64_t v = 0;
  for (int k = 0; k < size; ++k) {
    int shift = 8 * (order == Order::Big ? size - 1 - k : k);
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << shift;
  }
  return v;
}

// An integer argument classified by the C ranges it fits.
struct IntArg {
  bool fits_i64 = false;
  bool fits_u64 = false;
  int64_t i = 0;
  uint64_t u = 0;
  bool fits_ptr() const { return fits_i64 || fits_u64; }
};

bool get_int(Value v, IntArg* out) {
  if (!int_check(v)) {
    if (!type_lookup(type_of(v), intern("__index__"))) {
      struct_error("required argument is not an integer");
      return false;
    }
    v = number_index(v);
    if (!v) return false;
  }
  if (int_to_i64(v, &out->i)) {
    out->fits_i64 = true;
    out->fits_u64 = out->i >= 0;
    out->u = static_cast<uint64_t>(out->i);
    return true;
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  if (mpz_sgn(z) > 0 && mpz_sizeinbase(z, 2) <= 64) {
    out->fits_u64 = true;
    out->u = mpz_get_ui(z);
  }
  return true;
}

std::string range_message(const char* what, int64_t lo, uint64_t hi) {
  return std::string(what) + " format requires " + std::to_string(lo) + " <= number <= " + std::to_string(hi);
}

// Packs one integer code. The conversion that fails first decides the message, exactly as
// CPython's per-byte-order packers do.
bool pack_int(const StructObject* st, char c, int size, Value v, char* p) {
  IntArg a;
  if (!get_int(v, &a)) return false;
  Order order = st->order;
  bool big = order == Order::Big;
  bool is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
  if (c == 'P') {
    if (!a.fits_ptr()) return struct_error("int too large to convert"), false;
    store_uint(p, a.fits_i64 ? static_cast<uint64_t>(a.i) : a.u, size, order);
    return true;
  }
  // Which C conversion comes first: unsigned 64-bit for I/L/Q/N everywhere and for H in
  // big-endian mode, signed 64-bit otherwise (even for B and H elsewhere).
  bool via_unsigned = c == 'I' || c == 'L' || c == 'Q' || c == 'N' || (big && c == 'H');
  bool fits = via_unsigned ? a.fits_u64 : a.fits_i64;
  if (!fits) {
    return struct_error(big && (c == 'q' || c == 'Q') ? "int too large to convert" : "argument out of range"), false;
  }
  if (size < 8) {
    bool ok;
    if (is_unsigned) {
      uint64_t hi = (uint64_t{1} << (8 * size)) - 1;
      ok = via_unsigned ? a.u <= hi : (a.i >= 0 && static_cast<uint64_t>(a.i) <= hi);
      if (!ok) {
        std::string name;
        if (c == 'B') name = "ubyte";
        else if (c == 'H' && !big) name = "ushort";
        else name = std::string("'") + c + "'";
        return struct_error(range_message(name.c_str(), 0, hi)), false;
      }
    } else {
      int64_t hi = (int64_t{1} << (8 * size - 1)) - 1;
      ok = a.i >= -hi - 1 && a.i <= hi;
      if (!ok) {
        std::string name;
        if (c == 'b') name = "byte";
        else if (c == 'h' && !big) name = "short";
        else name = std::string("'") + c + "'";
        return struct_error(range_message(name.c_str(), -hi - 1, static_cast<uint64_t>(hi))), false;
      }
    }
  }
  store_uint(p, via_unsigned ? a.u : static_cast<uint64_t>(a.i), size, order);
  return true;
}

// IEEE half precision, round-half-even; false on overflow.
bool double_to_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7c00;
    return true;
  }
  double ax = std::fabs(x);
  if (ax == 0) {
    *out = sign;
    return true;
  }
  int e;
  double f = std::frexp(ax, &e);  // ax = f * 2**e, 0.5 <= f < 1
  int biased = e - 1 + 15;
  uint32_t bits;
  if (biased <= 0) {
    // Subnormal: units of 2**-24; rounding up to 1024 yields the smallest normal's bits.
    bits = static_cast<uint32_t>(std::nearbyint(std::ldexp(ax, 24)));
  } else {
    uint32_t m = static_cast<uint32_t>(std::nearbyint(std::ldexp(2 * f - 1, 10)));
    if (m == 1024) {
      m = 0;
      ++biased;
    }
    if (biased >= 31) return false;
    bits = (static_cast<uint32_t>(biased) << 10) | m;
  }
  *out = static_cast<uint16_t>(sign | bits);
  return true;
}

double half_to_double(uint16_t h) {
  int sign = h & 0x8000;
  int exp = (h >> 10) & 0x1f;
  int mant = h & 0x3ff;
  double v;
  if (exp == 0) {
    v = std::ldexp(mant, -24);
  } else if (exp == 31) {
    v = mant ? NAN : INFINITY;
  } else {
    v = std::ldexp(mant + 1024, exp - 25);
  }
  return sign ? -v : v;
}

bool pack_float(const StructObject* st, char c, Value v, char* p) {
  double d;
  if (float_check(v)) {
    d = float_value(v);
  } else if (int_check(v)) {
    bool overflow = false;
    d = int_to_double(v, &overflow);
    if (overflow) return struct_error("int too large to convert"), false;
  } else {
    // Like PyFloat_AsDouble: __float__ or __index__, never parsing text.
    Type* t = type_of(v);
    if (!type_lookup(t, intern("__float__")) && !type_lookup(t, intern("__index__"))) {
      return struct_error("required argument is not a float"), false;
    }
    Value f = number_float(v);
    if (!f) return false;
    d = float_value(f);
  }
  // An int that only overflows in the narrow format reads as a conversion failure in
  // CPython; a float gets OverflowError.
  auto overflow = [&](const char* code) {
    if (int_check(v)) return struct_error("int too large to convert"), false;
    return raise(&exc_OverflowError, std::string("float too large to pack with ") + code + " format"), false;
  };
  if (c == 'e') {
    uint16_t h;
    if (!double_to_half(d, &h)) return overflow("e");
    store_uint(p, h, 2, st->order);
  } else if (c == 'f') {
    float f = static_cast<float>(d);
    if (st->std_sizes && std::isinf(f) && !std::isinf(d)) return overflow("f");
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    store_uint(p, bits, 4, st->order);
  } else {
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    store_uint(p, bits, 8, st->order);
  }
  return true;
}

bool pack_values(const StructObject* st, const Value* args, size_t nargs, char* buf) {
  if (static_cast<int64_t>(nargs) != st->nitems) {
    struct_error("pack expected " + std::to_string(st->nitems) + " items for packing (got " + std::to_string(nargs) + ")");
    return false;
  }
  std::memset(buf, 0, static_cast<size_t>(st->size));
  size_t arg = 0;
  for (int64_t k = 0; k < st->ncodes; ++k) {
    const FormatCode& fc = st->codes[k];
    char c = fc.code;
    if (c == 'x') continue;
    if (c == 's' || c == 'p') {
      Value v = args[arg++];
      std::string_view data;
      if (!(bytes_check(v) || bytearray_check(v)) || !bytes_like_view(v, &data)) {
        struct_error(std::string("argument for '") + c + "' must be a bytes object");
        return false;
      }
      char* p = buf + fc.offset;
      if (c == 's') {
        size_t n = std::min<size_t>(data.size(), static_cast<size_t>(fc.count));
        std::memcpy(p, data.data(), n);
      } else if (fc.count > 0) {
        size_t n = std::min<size_t>({data.size(), static_cast<size_t>(fc.count - 1), 255});
        p[0] = static_cast<char>(n);
        std::memcpy(p + 1, data.data(), n);
      }
      continue;
    }
    for (int64_t r = 0; r < fc.count; ++r) {
      Value v = args[arg++];
      char* p = buf + fc.offset + r * fc.size;
      switch (c) {
        case 'c': {
          std::string_view data;
          if (!(bytes_check(v) || bytearray_check(v)) || !bytes_like_view(v, &data) || data.size() != 1) {
            struct_error("char format requires a bytes object of length 1");
            return false;
          }
          *p = data[0];
          break;
        }
        case '?': {
          int t = is_true(v);
          if (t < 0) return false;
          *p = static_cast<char>(t);
          break;
        }
        case 'e': case 'f': case 'd':
          if (!pack_float(st, c, v, p)) return false;
          break;
        default:
          if (!pack_int(st, c, fc.size, v, p)) return false;
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Unpacking

Value unpack_one(const StructObject* st, char c, int size, const char* p) {
  Order order = st->order;
  switch (c) {
    case 'c': return Value(bytes_new(std::string_view(p, 1)));
    case '?': return bool_value(*p != 0);
    case 'e': return float_new(half_to_double(static_cast<uint16_t>(load_uint(p, 2, order))));
    case 'f': {
      uint32_t bits = static_cast<uint32_t>(load_uint(p, 4, order));
      float f;
      std::memcpy(&f, &bits, 4);
      return float_new(f);
    }
    case 'd': {
      uint64_t bits = load_uint(p, 8, order);
      double d;
      std::memcpy(&d, &bits, 8);
      return float_new(d);
    }
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
      uint64_t u = load_uint(p, size, order);
      if (size < 8 && (u >> (8 * size - 1)) & 1) u |= ~uint64_t{0} << (8 * size);
      return int_from_i64(static_cast<int64_t>(u));
    }
    default:  // B H I L Q N P
      return int_from_u64(load_uint(p, size, order));
  }
}

Value unpack_values(const StructObject* st, const char* buf) {
  Tuple* out = tuple_new(st->nitems);
  int64_t n = 0;
  for (int64_t k = 0; k < st->ncodes; ++k) {
    const FormatCode& fc = st->codes[k];
    const char* p = buf + fc.offset;
    if (fc.code == 'x') continue;
    if (fc.code == 's') {
      (*out)[n++] = Value(bytes_new(std::string_view(p, static_cast<size_t>(fc.count))));
      continue;
    }
    if (fc.code == 'p') {
      size_t len = 0;
      if (fc.count > 0) len = std::min<size_t>(static_cast<unsigned char>(p[0]), static_cast<size_t>(fc.count - 1));
      (*out)[n++] = Value(bytes_new(std::string_view(fc.count > 0 ? p + 1 : p, len)));
      continue;
    }
    for (int64_t r = 0; r < fc.count; ++r) {
      Value v = unpack_one(st, fc.code, fc.size, p + r * fc.size);
      if (!v) return Value();
      (*out)[n++] = v;
    }
  }
  return Value(out);
}

bool readable_buffer(Value v, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(v) + "'");
  return false;
}

bool offset_arg(Value v, int64_t* out) {
  if (!int_check(v) && !type_lookup(type_of(v), intern("__index__"))) {
    raise(&exc_TypeError, std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  return index_to_i64(v, out);
}

// ---------------------------------------------------------------------------------------------
// Operations shared by Struct methods and the module functions

Value do_pack(StructObject* st, const Value* args, size_t nargs) {
  Bytes* b = static_cast<Bytes*>(alloc_object(&bytes_type, sizeof(Bytes) + st->size + 1));
  b->hash = -1;
  b->size = st->size;
  if (!pack_values(st, args, nargs, b->data())) return Value();
  b->data()[st->size] = 0;
  return Value(b);
}

Value do_unpack(StructObject* st, Value buffer) {
  std::string_view data;
  if (!readable_buffer(buffer, &data)) return Value();
  if (static_cast<int64_t>(data.size()) != st->size) {
    return struct_error("unpack requires a buffer of " + std::to_string(st->size) + " bytes");
  }
  return unpack_values(st, data.data());
}

Value do_unpack_from(StructObject* st, Value buffer, Value offset_obj) {
  std::string_view data;
  int64_t offset = 0;
  if (!readable_buffer(buffer, &data) || (offset_obj && !offset_arg(offset_obj, &offset))) return Value();
  int64_t len = static_cast<int64_t>(data.size());
  if (offset < 0) {
    if (offset + len < 0) {
      return struct_error("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) + "-byte buffer");
    }
    if (offset + st->size > 0) {
      return struct_error("not enough data to unpack " + std::to_string(st->size) + " bytes at offset " +
                          std::to_string(offset));
    }
    offset += len;
  }
  if (len - offset < st->size) {
    return struct_error("unpack_from requires a buffer of at least " + std::to_string(st->size + offset) +
                        " bytes for unpacking " + std::to_string(st->size) + " bytes at offset " +
                        std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  }
  return unpack_values(st, data.data() + offset);
}

Value do_pack_into(StructObject* st, const Value* args, size_t nargs) {
  // args: buffer, offset, values...
  Value buffer = args[0];
  if (!bytearray_check(buffer)) {
    return raise(&exc_TypeError,
                 std::string("argument must be read-write bytes-like object, not ") + type_name(buffer));
  }
  ByteArray* ba = buffer.as<ByteArray>();
  int64_t offset;
  if (!offset_arg(args[1], &offset)) return Value();
  if (static_cast<int64_t>(nargs - 2) != st->nitems) {
    return struct_error("pack expected " + std::to_string(st->nitems) + " items for packing (got " +
                        std::to_string(nargs - 2) + ")");
  }
  int64_t len = ba->size;
  if (offset < 0) {
    if (offset + st->size > 0) {
      return struct_error("no space to pack " + std::to_string(st->size) + " bytes at offset " + std::to_string(offset));
    }
    if (offset + len < 0) {
      return struct_error("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) + "-byte buffer");
    }
    offset += len;
  }
  if (len - offset < st->size) {
    return struct_error("pack_into requires a buffer of at least " + std::to_string(st->size + offset) +
                        " bytes for packing " + std::to_string(st->size) + " bytes at offset " +
                        std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  }
  // Packing into a scratch buffer first leaves the target untouched when a value is bad.
  std::string scratch(static_cast<size_t>(st->size), '\0');
  if (!pack_values(st, args + 2, nargs - 2, scratch.data())) return Value();
  std::memcpy(ba->data + offset, scratch.data(), scratch.size());
  return none_value();
}

Value do_iter_unpack(StructObject* st, Value buffer) {
  std::string_view data;
  if (!readable_buffer(buffer, &data)) return Value();
  if (st->size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
  if (static_cast<int64_t>(data.size()) % st->size != 0) {
    return struct_error("iterative unpacking requires a buffer of a multiple of " + std::to_string(st->size) + " bytes");
  }
  auto* it = alloc<UnpackIteratorObject>(&unpack_iterator_type);
  it->st = st;
  it->buffer = buffer;
  it->offset = 0;
  return Value(it);
}

// ---------------------------------------------------------------------------------------------
// Struct type

StructObject* as_struct(Value v) { return v.as<StructObject>(); }

Value struct_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"Struct", {"format"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  StructObject* st = compile_format(type, a[0]);
  return st ? Value(st) : Value();
}

Value s_pack(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pack", kwnames)) return Value();
  return do_pack(as_struct(self), args, nargs);
}

Value s_unpack(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("Struct.unpack", kwnames) || !check_nargs("Struct.unpack", nargs, 1, 1)) return Value();
  return do_unpack(as_struct(self), args[0]);
}

Value s_unpack_from(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"unpack_from", {"buffer", "offset"}, 2, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  return do_unpack_from(as_struct(self), a[0], a[1]);
}

Value s_pack_into(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pack_into", kwnames)) return Value();
  if (nargs < 2) {
    return struct_error(nargs == 0 ? "pack_into expected buffer argument" : "pack_into expected offset argument");
  }
  return do_pack_into(as_struct(self), args, nargs);
}

Value s_iter_unpack(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("Struct.iter_unpack", kwnames) || !check_nargs("Struct.iter_unpack", nargs, 1, 1)) return Value();
  return do_iter_unpack(as_struct(self), args[0]);
}

Value s_format(Value self) { return as_struct(self)->format; }
Value s_size(Value self) { return int_from_i64(as_struct(self)->size); }

const MethodDef kStructMethods[] = {
    {"pack", s_pack},
    {"unpack", s_unpack},
    {"unpack_from", s_unpack_from},
    {"pack_into", s_pack_into},
    {"iter_unpack", s_iter_unpack},
    {nullptr, nullptr},
};

const GetSetDef kStructGetSets[] = {
    {"format", s_format, nullptr},
    {"size", s_size, nullptr},
    {nullptr, nullptr, nullptr},
};

Value unpack_iter_self(Value self) { return self; }

Value unpack_iter_next(Value self) {
  auto* it = self.as<UnpackIteratorObject>();
  if (!it->buffer) return Value();
  std::string_view data;
  bytes_like_view(it->buffer, &data);
  // A bytearray may have shrunk meanwhile: stop at the last whole item.
  if (it->offset + it->st->size > static_cast<int64_t>(data.size())) {
    it->buffer = Value();
    return Value();
  }
  Value r = unpack_values(it->st, data.data() + it->offset);
  it->offset += it->st->size;
  return r;
}

Value unpack_iter_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<UnpackIteratorObject>();
  if (!it->buffer) return Value::small_int(0);
  std::string_view data;
  bytes_like_view(it->buffer, &data);
  int64_t left = static_cast<int64_t>(data.size()) - it->offset;
  return Value::small_int(left > 0 ? left / it->st->size : 0);
}

const MethodDef kUnpackIteratorMethods[] = {
    {"__length_hint__", unpack_iter_length_hint},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Module functions: the format comes first, then the Struct method's arguments.

Value format_first(const char* fname, const Value* args, size_t nargs, StructObject** st) {
  if (nargs == 0) return raise(&exc_TypeError, "missing format argument");
  *st = cached_struct(args[0]);
  return *st ? none_value() : Value();
}

Value m_pack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  StructObject* st;
  if (!check_no_kwargs("pack", kwnames) || !format_first("pack", args, nargs, &st)) return Value();
  return do_pack(st, args + 1, nargs - 1);
}

Value m_unpack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unpack", kwnames) || !check_nargs("unpack", nargs, 2, 2)) return Value();
  StructObject* st = cached_struct(args[0]);
  return st ? do_unpack(st, args[1]) : Value();
}

Value m_unpack_from(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"unpack_from", {"format", "buffer", "offset"}, 3, 2, 1};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  StructObject* st = cached_struct(a[0]);
  return st ? do_unpack_from(st, a[1], a[2]) : Value();
}

Value m_pack_into(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  StructObject* st;
  if (!check_no_kwargs("pack_into", kwnames) || !format_first("pack_into", args, nargs, &st)) return Value();
  return s_pack_into(Value(st), args + 1, nargs - 1, nullptr);
}

Value m_iter_unpack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("iter_unpack", kwnames) || !check_nargs("iter_unpack", nargs, 2, 2)) return Value();
  StructObject* st = cached_struct(args[0]);
  return st ? do_iter_unpack(st, args[1]) : Value();
}

Value m_calcsize(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("calcsize", kwnames) || !check_nargs("calcsize", nargs, 1, 1)) return Value();
  StructObject* st = cached_struct(args[0]);
  return st ? int_from_i64(st->size) : Value();
}

Value m_clearcache(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_clearcache", kwnames) || !check_nargs("_clearcache", nargs, 0, 0)) return Value();
  dict_clear(g_cache);
  return none_value();
}

const MethodDef kStructFunctions[] = {
    {"pack", m_pack},
    {"unpack", m_unpack},
    {"unpack_from", m_unpack_from},
    {"pack_into", m_pack_into},
    {"iter_unpack", m_iter_unpack},
    {"calcsize", m_calcsize},
    {"_clearcache", m_clearcache},
    {nullptr, nullptr},
};

}  // namespace

Value struct_module_create() {
  if (!struct_type.name) {
    struct_type.basicsize = sizeof(StructObject);
    struct_type.flags |= kTypeBaseType;
    struct_type.tp_new = struct_new;
    type_ready(&struct_type, "_struct.Struct", nullptr, kStructMethods, kStructGetSets);
    unpack_iterator_type.basicsize = sizeof(UnpackIteratorObject);
    unpack_iterator_type.tp_iter = unpack_iter_self;
    unpack_iterator_type.tp_iternext = unpack_iter_next;
    type_ready(&unpack_iterator_type, "_struct.unpack_iterator", nullptr, kUnpackIteratorMethods);
    g_cache = dict_new();
    Dict* ns = dict_new();
    dict_set_cstr(ns, "__module__", Value(intern("struct")));
    g_struct_error = call(Value(&type_type), {Value(intern("error")), Value(tuple_of({Value(&exc_Exception)})), Value(ns)});
    if (!g_struct_error) return Value();
  }
  Module* m = module_new(intern("struct"));
  module_add_functions(m, kStructFunctions);
  module_add(m, "Struct", Value(&struct_type));
  module_add(m, "error", g_struct_error);
  return Value(m);
}

}  // namespace minipy
