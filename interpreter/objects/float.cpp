// float: IEEE-754 doubles with Python's semantics.
//
// Arithmetic accepts int operands (converted exactly when possible, OverflowError "int too large
// to convert to float" otherwise); comparisons with ints are exact, never through a conversion.
// Text work (repr, parsing, round(x, n), hex) lives in runtime/float_text.*.
#include "objects/float.h"

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/int.h"
#include "objects/number_util.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/float_text.h"
#include "runtime/memory.h"

namespace minipy {

Type float_type;

// ---- Helpers shared by the number types (objects/number_util.h) ------------------------------

namespace numbers {

Value raise_text_error(const TextError& e) {
  Type* t = &exc_ValueError;
  if (e.kind == "TypeError") t = &exc_TypeError;
  else if (e.kind == "OverflowError") t = &exc_OverflowError;
  else if (e.kind == "MemoryError") t = &exc_MemoryError;
  return raise(t, e.message);
}

StrReprFn repr_of(Value original) {
  return [original](std::string_view) -> std::string {
    Value r = repr(original);
    if (!r) {
      error_clear();
      return "?";
    }
    return std::string(r.as<Str>()->view());
  };
}

bool format_spec_arg(const Value* args, size_t nargs, Tuple* kwnames, std::string_view* spec) {
  if (!check_no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return false;
  if (!str_check(args[0])) {
    raise(&exc_TypeError, std::string("__format__() argument must be str, not ") + type_name(args[0]));
    return false;
  }
  *spec = args[0].as<Str>()->view();
  return true;
}

}  // namespace numbers

// ---- Construction and conversion -------------------------------------------------------------

Value float_new(double d) {
  // Every float result allocates, so skip alloc_object's zero fill: both fields are set here.
  Float* f = static_cast<Float*>(gc_malloc_atomic(sizeof(Float)));
  f->type = &float_type;
  f->value = d;
  return f;
}

bool float_check(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == &float_type || is_subtype(t, &float_type);
}

bool float_check_exact(Value v) { return v.is_object() && v.as_object()->type == &float_type; }

namespace {

// The exact float value of x via __float__ / __index__; null with TypeError when x has neither.
Value float_from_number(Value x) {
  if (float_check_exact(x)) return x;
  if (float_check(x)) return float_new(float_value(x));
  Type* t = type_of(x);
  if (t->nb.to_float) {
    Value r = t->nb.to_float(x);
    if (!r) return Value();
    if (!float_check(r))
      return raise(&exc_TypeError, std::string(type_name(x)) + ".__float__ returned non-float (type " +
                                       type_name(r) + ")");
    return float_check_exact(r) ? r : float_new(float_value(r));
  }
  if (t->nb.index) {
    Value i = number_index(x);
    if (!i) return Value();
    double d;
    if (!int_to_double_checked(i, &d)) return Value();
    return float_new(d);
  }
  return Value();
}

}  // namespace

bool to_double(Value v, double* out) {
  if (float_check(v)) {
    *out = float_value(v);
    return true;
  }
  if (int_check(v)) return int_to_double_checked(v, out);
  Value f = float_from_number(v);
  if (!f) {
    if (!error_pending()) raise(&exc_TypeError, std::string("must be real number, not ") + type_name(v));
    return false;
  }
  *out = float_value(f);
  return true;
}

// ---- Hashing ---------------------------------------------------------------------------------

int64_t double_hash(double d, Value obj) {
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  if (std::isnan(d)) return object_hash_identity(obj);
  if (std::isinf(d)) return d > 0 ? 314159 : -314159;
  // d = m * 2**(e-53) with an integral 53-bit m; modulo 2**61 - 1, multiplying by 2**k is a
  // rotation of the 61-bit residue by k mod 61 (2**61 == 1), negative k included.
  int e;
  double frac = std::frexp(std::fabs(d), &e);
  uint64_t m = static_cast<uint64_t>(std::ldexp(frac, 53));
  int64_t k = static_cast<int64_t>(e) - 53;
  int rot = static_cast<int>(((k % 61) + 61) % 61);
  uint64_t h = m % kModulus;
  if (rot) h = ((h << rot) & kModulus) | (h >> (61 - rot));
  int64_t r = d < 0 ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

// ---- Arithmetic ------------------------------------------------------------------------------

namespace {

// Reads a float or int operand: 1 ok, 0 not a float/int (NotImplemented), -1 error.
inline int operand(Value v, double* out) {
  if (v.is_small_int()) {
    *out = static_cast<double>(v.as_small_int());
    return 1;
  }
  // Exact float first, then ints, and only then the (slower) float-subclass test.
  if (v.as_object()->type == &float_type || (!int_check(v) && float_check(v))) {
    *out = float_value(v);
    return 1;
  }
  if (int_check(v)) return int_to_double_checked(v, out) ? 1 : -1;
  return 0;
}

#define FLOAT_OPERANDS(a, b, x, y)                  \
  double x, y;                                      \
  {                                                 \
    int ra = operand(a, &x);                        \
    if (ra <= 0) return ra ? Value() : not_implemented_value(); \
    int rb = operand(b, &y);                        \
    if (rb <= 0) return rb ? Value() : not_implemented_value(); \
  }

Value float_add(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_new(x + y);
}

Value float_sub(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_new(x - y);
}

Value float_mul(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_new(x * y);
}

Value float_truediv(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(&exc_ZeroDivisionError, "float division by zero");
  return float_new(x / y);
}

// Python's float floor division and modulo: the remainder takes the divisor's sign, and the
// quotient is rounded so that q * y + r reproduces x as closely as doubles allow.
void float_floor_divmod(double x, double y, double* floordiv, double* mod) {
  double m = std::fmod(x, y);
  double div = (x - m) / y;
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) {
      m += y;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, y);
  }
  double q;
  if (div != 0.0) {
    q = std::floor(div);
    if (div - q > 0.5) q += 1.0;
  } else {
    q = std::copysign(0.0, x / y);
  }
  *floordiv = q;
  *mod = m;
}

Value float_floordiv(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(&exc_ZeroDivisionError, "float floor division by zero");
  double q, r;
  float_floor_divmod(x, y, &q, &r);
  return float_new(q);
}

Value float_mod(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(&exc_ZeroDivisionError, "float modulo");
  double q, r;
  float_floor_divmod(x, y, &q, &r);
  return float_new(r);
}

Value float_pow(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_pow_double(x, y);
}

Value float_pow3(Value a, Value b, Value m) {
  FLOAT_OPERANDS(a, b, x, y);
  if (!is_none(m))
    return raise(&exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return float_pow_double(x, y);
}

Value float_neg(Value v) { return float_new(-float_value(v)); }
Value float_pos(Value v) { return float_check_exact(v) ? v : float_new(float_value(v)); }
Value float_abs(Value v) { return float_new(std::fabs(float_value(v))); }
int float_bool(Value v) { return float_value(v) != 0.0; }
Value float_to_int(Value v) { return int_from_double(float_value(v)); }

Value float_richcompare(Value a, Value b, CompareOp op) {
  // Either operand may be the float (reflected calls pass it second).
  bool swapped = !float_check(a);
  Value f = swapped ? b : a, other = swapped ? a : b;
  double x = float_value(f);
  int c;  // sign of (f - other)
  if (float_check(other)) {
    double y = float_value(other);
    if (std::isnan(x) || std::isnan(y)) return bool_value(op == CompareOp::Ne);
    c = (x > y) - (x < y);
  } else if (int_check(other)) {
    if (std::isnan(x)) return bool_value(op == CompareOp::Ne);
    c = -int_compare_double(other, x);
  } else {
    return not_implemented_value();
  }
  if (swapped) c = -c;
  switch (op) {
    case CompareOp::Lt: return bool_value(c < 0);
    case CompareOp::Le: return bool_value(c <= 0);
    case CompareOp::Eq: return bool_value(c == 0);
    case CompareOp::Ne: return bool_value(c != 0);
    case CompareOp::Gt: return bool_value(c > 0);
    case CompareOp::Ge: return bool_value(c >= 0);
  }
  return not_implemented_value();
}

int64_t float_hash(Value v) { return double_hash(float_value(v), v); }

Value float_repr_slot(Value v) { return str_new(float_repr(float_value(v))); }

}  // namespace

Value float_pow_double(double x, double y) {
  if (x == 0.0 && y < 0.0)
    return raise(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
  if (x < 0.0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) {
    // A negative number to a fractional power has a complex result.
    return complex_pow_value(x, 0.0, y, 0.0);
  }
  // C99's pow (Annex F) already gives Python's results for every special value; only a finite
  // overflow must become an error.
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
    return raise(&exc_OverflowError, "(34, 'Numerical result out of range')");
  return float_new(r);
}

Value float_divmod(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(&exc_ZeroDivisionError, "float divmod()");
  double q, r;
  float_floor_divmod(x, y, &q, &r);
  return tuple_of({float_new(q), float_new(r)});
}

// ---- The float() constructor -----------------------------------------------------------------

namespace {

Value float_from_text(Value x, std::string_view text) {
  TextResult<double> r = parse_float(text, numbers::repr_of(x));
  if (!r) return numbers::raise_text_error(r.error());
  return float_new(r.value());
}

Value float_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("float", kwnames) || !check_nargs("float", nargs, 0, 1)) return Value();
  Value result;
  std::string_view text;
  if (nargs == 0) {
    result = float_new(0.0);
  } else if (str_check(args[0])) {
    result = float_from_text(args[0], args[0].as<Str>()->view());
  } else if (!float_check(args[0]) && !type_of(args[0])->nb.to_float && bytes_like_view(args[0], &text)) {
    result = float_from_text(args[0], text);
  } else {
    result = float_from_number(args[0]);
    if (!result && !error_pending())
      raise(&exc_TypeError, std::string("float() argument must be a string or a real number, not '") +
                                type_name(args[0]) + "'");
  }
  if (!result || type == &float_type) return result;
  Float* f = static_cast<Float*>(alloc_object(type, type->basicsize));
  f->value = float_value(result);
  return f;
}

// ---- Methods ---------------------------------------------------------------------------------

#define NOARGS(fname)                                                       \
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 0)) \
    return Value()

Value m_conjugate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.conjugate");
  return float_pos(self);
}

Value m_is_integer(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.is_integer");
  double x = float_value(self);
  return bool_value(std::isfinite(x) && x == std::floor(x));
}

Value m_as_integer_ratio(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.as_integer_ratio");
  numbers::Mpz n, d;
  if (std::optional<TextError> e = float_as_integer_ratio(float_value(self), n, d))
    return numbers::raise_text_error(*e);
  Value nv = int_steal_mpz(n);
  return tuple_of({nv, int_steal_mpz(d)});
}

Value m_hex(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.hex");
  return str_new(float_hex(float_value(self)));
}

Value m_fromhex(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("float.fromhex", kwnames) || !check_nargs("float.fromhex", nargs, 1, 1)) return Value();
  if (!str_check(args[0]))
    return raise(&exc_TypeError, std::string("fromhex() argument must be str, not ") + type_name(args[0]));
  TextResult<double> r = float_fromhex(args[0].as<Str>()->view());
  if (!r) return numbers::raise_text_error(r.error());
  Value f = float_new(r.value());
  if (cls.is(Value(&float_type))) return f;
  return call(cls, {f});
}

Value m_trunc(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__trunc__");
  return int_from_double(float_value(self));
}

Value m_floor(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__floor__");
  return int_from_double(std::floor(float_value(self)));
}

Value m_ceil(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__ceil__");
  return int_from_double(std::ceil(float_value(self)));
}

Value m_round(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!bind_args({"__round__", {"ndigits"}, 1, 0, 1}, args, nargs, kwnames, a)) return Value();
  double x = float_value(self);
  if (!a[0] || is_none(a[0])) {
    // The default rounding mode rounds half to even, as Python's round() does.
    return int_from_double(std::nearbyint(x));
  }
  Value nd = number_index(a[0]);
  if (!nd) return Value();
  int64_t n;
  if (!int_to_i64(nd, &n)) n = int_sign(nd) < 0 ? INT64_MIN : INT64_MAX;  // clamped like CPython
  TextResult<double> r = float_round(x, n);
  if (!r) return numbers::raise_text_error(r.error());
  return float_new(r.value());
}

Value m_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string_view spec;
  if (!numbers::format_spec_arg(args, nargs, kwnames, &spec)) return Value();
  if (spec.empty()) return to_str(self);
  TextResult<std::string> r = format_double(float_value(self), spec, type_name(self));
  if (!r) return numbers::raise_text_error(r.error());
  return str_new(r.value());
}

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__getnewargs__");
  return tuple_of({float_new(float_value(self))});
}

Value m_getformat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("float.__getformat__", kwnames) || !check_nargs("__getformat__", nargs, 1, 1))
    return Value();
  if (!str_check(args[0]))
    return raise(&exc_TypeError, std::string("__getformat__() argument must be str, not ") + type_name(args[0]));
  std::string_view s = args[0].as<Str>()->view();
  if (s != "double" && s != "float")
    return raise(&exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_new("IEEE, little-endian");
}

Value g_real(Value self) { return float_pos(self); }
Value g_imag(Value) { return float_new(0.0); }

const MethodDef kFloatMethods[] = {
    {"conjugate", m_conjugate},
    {"is_integer", m_is_integer},
    {"as_integer_ratio", m_as_integer_ratio},
    {"hex", m_hex},
    {"fromhex", m_fromhex, kMethodClass},
    {"__trunc__", m_trunc},
    {"__floor__", m_floor},
    {"__ceil__", m_ceil},
    {"__round__", m_round},
    {"__format__", m_format},
    {"__getnewargs__", m_getnewargs},
    {"__getformat__", m_getformat, kMethodClass},
    {nullptr, nullptr},
};

const GetSetDef kFloatGetSets[] = {
    {"real", g_real, nullptr},
    {"imag", g_imag, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void float_type_init() {
  Type* t = &float_type;
  t->flags |= kTypeBaseType | kTypeImmutable | kTypePointerFree;
  t->basicsize = sizeof(Float);
  t->tp_new = float_new_slot;
  t->tp_repr = float_repr_slot;
  t->tp_hash = float_hash;
  t->tp_richcompare = float_richcompare;
  auto set = [t](BinaryOp op, BinaryFn fn) { t->nb.binary[static_cast<int>(op)] = fn; };
  set(BinaryOp::Add, float_add);
  set(BinaryOp::Sub, float_sub);
  set(BinaryOp::Mul, float_mul);
  set(BinaryOp::TrueDiv, float_truediv);
  set(BinaryOp::FloorDiv, float_floordiv);
  set(BinaryOp::Mod, float_mod);
  set(BinaryOp::Pow, float_pow);
  set(BinaryOp::DivMod, float_divmod);
  t->nb.pow3 = float_pow3;
  t->nb.neg = float_neg;
  t->nb.pos = float_pos;
  t->nb.abs = float_abs;
  t->nb.boolean = float_bool;
  t->nb.to_int = float_to_int;
  t->nb.to_float = float_pos;
  type_ready(t, "float", &object_type, kFloatMethods, kFloatGetSets);
}

}  // namespace minipy
