// int: arbitrary-precision integers with Python semantics.
//
// Representation (objects/value.h, int.h): values in the small range live in the Value word;
// exact ints beyond it are BigInt objects over GMP. Instances of int subclasses always carry the
// BigInt layout, bools the Bool layout. Every operation first tries machine arithmetic on values
// in the small range (63-bit operands, so + and - cannot overflow int64 and * is checked) and
// only then builds GMP views of its operands; results always go back through normalisation.
#include "objects/int.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/number_util.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/int_text.h"
#include "runtime/memory.h"

namespace minipy {

Type int_type;

static_assert(GMP_LIMB_BITS == 64, "MpzView describes a machine word with one limb");

namespace numbers {

MpzView::MpzView(Value v) {
  int64_t i;
  if (v.is_small_int()) {
    i = v.as_small_int();
  } else if (v.as_object()->type == &bool_type) {
    i = static_cast<Bool*>(v.as_object())->value;
  } else {
    p_ = static_cast<BigInt*>(v.as_object())->value;
    return;
  }
  limb_ = i < 0 ? -static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  p_ = mpz_roinit_n(&tmp_, &limb_, i < 0 ? -1 : i > 0 ? 1 : 0);
}

bool int_as_small(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  Object* o = v.as_object();
  if (o->type == &bool_type) {
    *out = static_cast<Bool*>(o)->value;
    return true;
  }
  if (o->type == &int_type) return false;  // exact BigInts are outside the small range
  mpz_srcptr z = static_cast<BigInt*>(o)->value;
  if (!mpz_fits_slong_p(z)) return false;
  long x = mpz_get_si(z);
  if (!Value::fits_small(x)) return false;
  *out = x;
  return true;
}

}  // namespace numbers

using numbers::int_as_small;
using numbers::Mpz;
using numbers::MpzView;

// ---- Construction and conversion -------------------------------------------------------------

Value int_from_i64(int64_t i) {
  if (Value::fits_small(i)) return Value::small_int(i);
  BigInt* b = alloc<BigInt>(&int_type);
  mpz_init_set_si(b->value, i);
  return b;
}

Value int_from_u64(uint64_t i) {
  if (i <= static_cast<uint64_t>(Value::kSmallIntMax)) return Value::small_int(static_cast<int64_t>(i));
  BigInt* b = alloc<BigInt>(&int_type);
  mpz_init_set_ui(b->value, i);
  return b;
}

namespace {

// The small value of z if it has one.
inline bool mpz_small(mpz_srcptr z, int64_t* out) {
  if (!mpz_fits_slong_p(z)) return false;
  long x = mpz_get_si(z);
  if (!Value::fits_small(x)) return false;
  *out = x;
  return true;
}

}  // namespace

Value int_from_mpz(const mpz_t z) {
  int64_t i;
  if (mpz_small(z, &i)) return Value::small_int(i);
  BigInt* b = alloc<BigInt>(&int_type);
  mpz_init_set(b->value, z);
  return b;
}

Value int_steal_mpz(mpz_t z) {
  int64_t i;
  if (mpz_small(z, &i)) return Value::small_int(i);
  BigInt* b = alloc<BigInt>(&int_type);
  b->value[0] = z[0];
  return b;
}

Value int_from_double(double d) {
  if (std::isnan(d)) return raise(&exc_ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise(&exc_OverflowError, "cannot convert float infinity to integer");
  double t = std::trunc(d);
  if (t >= -4611686018427387904.0 && t < 4611686018427387904.0)
    return Value::small_int(static_cast<int64_t>(t));
  Mpz z;
  mpz_set_d(z, t);
  return int_steal_mpz(z);
}

Value int_from_string(std::string_view text, int base) {
  Mpz big;
  TextResult<ParsedInt> r = parse_int(text, base, big);
  if (!r) return numbers::raise_text_error(r.error());
  return r.value().is_big ? int_steal_mpz(big) : int_from_i64(r.value().small);
}

bool int_check(Value v) {
  if (v.is_small_int()) return true;
  if (v.is_null()) return false;
  Type* t = v.as_object()->type;
  return t == &int_type || t == &bool_type || (t->flags & kTypeIntSubclass);
}

bool int_check_exact(Value v) { return v.is_small_int() || (v.is_object() && v.as_object()->type == &int_type); }

bool int_to_i64(Value v, int64_t* out) {
  if (int_as_small(v, out)) return true;
  mpz_srcptr z = static_cast<BigInt*>(v.as_object())->value;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

void int_to_mpz(Value v, mpz_t out) { mpz_set(out, MpzView(v)); }

double int_to_double(Value v, bool* overflow) {
  *overflow = false;
  int64_t i;
  // The hardware conversion of an int64 rounds half-even, as Python requires.
  if (int_as_small(v, &i)) return static_cast<double>(i);
  TextResult<double> r = int_to_double(MpzView(v).get());
  if (!r) {
    *overflow = true;
    return 0.0;
  }
  return r.value();
}

bool int_to_double_checked(Value v, double* out) {
  bool overflow;
  *out = int_to_double(v, &overflow);
  if (overflow) {
    raise(&exc_OverflowError, "int too large to convert to float");
    return false;
  }
  return true;
}

bool index_to_i64(Value v, int64_t* out) {
  if (!int_check(v)) {
    v = number_index(v);
    if (!v) return false;
  }
  if (int_to_i64(v, out)) return true;
  raise(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
  return false;
}

std::string int_to_decimal(Value v) {
  int64_t i;
  if (int_as_small(v, &i)) return std::to_string(i);
  MpzView z(v);
  std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(std::strlen(s.c_str()));
  return s;
}

int int_sign(Value v) {
  int64_t i;
  if (int_as_small(v, &i)) return (i > 0) - (i < 0);
  return mpz_sgn(static_cast<BigInt*>(v.as_object())->value);
}

uint64_t int_bit_length(Value v) {
  int64_t i;
  if (int_as_small(v, &i)) {
    uint64_t m = i < 0 ? -static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    return m ? 64 - __builtin_clzll(m) : 0;
  }
  MpzView z(v);
  return mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
}

Value int_exact(Value v) {
  if (v.is_small_int()) return v;
  Object* o = v.as_object();
  if (o->type == &int_type) return v;
  if (o->type == &bool_type) return Value::small_int(static_cast<Bool*>(o)->value);
  return int_from_mpz(static_cast<BigInt*>(o)->value);
}

// ---- Hashing and comparison ------------------------------------------------------------------

namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;

int64_t hash_i64(int64_t x) {
  uint64_t m = x < 0 ? -static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  m = (m & kHashModulus) + (m >> 61);  // 2**61 == 1 (mod 2**61 - 1)
  if (m >= kHashModulus) m -= kHashModulus;
  int64_t h = x < 0 ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
  return h == -1 ? -2 : h;
}

}  // namespace

int64_t int_hash(Value v) {
  int64_t i;
  if (int_as_small(v, &i)) return hash_i64(i);
  mpz_srcptr z = static_cast<BigInt*>(v.as_object())->value;
  int64_t h = static_cast<int64_t>(mpz_tdiv_ui(z, kHashModulus));
  if (mpz_sgn(z) < 0) h = -h;
  return h == -1 ? -2 : h;
}

int int_compare_double(Value v, double d) {
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  int64_t i;
  if (int_as_small(v, &i) && i >= -(int64_t{1} << 53) && i <= (int64_t{1} << 53)) {
    double x = static_cast<double>(i);  // exact
    return (x > d) - (x < d);
  }
  // Compare with the integral part exactly; the fraction breaks a tie.
  double t = std::trunc(d);
  Mpz tz;
  mpz_set_d(tz, t);
  int c = mpz_cmp(MpzView(v), tz);
  if (c != 0) return c > 0 ? 1 : -1;
  double frac = d - t;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

namespace {

int64_t int_hash_slot(Value v) { return int_hash(v); }

bool compare_result(int c, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return c < 0;
    case CompareOp::Le: return c <= 0;
    case CompareOp::Eq: return c == 0;
    case CompareOp::Ne: return c != 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::Ge: return c >= 0;
  }
  return false;
}

Value int_richcompare(Value a, Value b, CompareOp op) {
  bool r;
  if (small_compare(a, b, op, &r)) return bool_value(r);
  if (!int_check(a) || !int_check(b)) return not_implemented_value();
  int64_t x, y;
  int c;
  if (int_as_small(a, &x) && int_as_small(b, &y)) {
    c = (x > y) - (x < y);
  } else {
    c = mpz_cmp(MpzView(a), MpzView(b));
  }
  return bool_value(compare_result(c, op));
}

// ---- Arithmetic ------------------------------------------------------------------------------

#define REQUIRE_INTS(a, b) \
  if (!int_check(a) || !int_check(b)) return not_implemented_value()

Value int_add(Value a, Value b) {
  Value r;
  if (small_add(a, b, &r)) return r;
  REQUIRE_INTS(a, b);
  int64_t x, y;
  if (int_as_small(a, &x) && int_as_small(b, &y)) return int_from_i64(x + y);
  Mpz z;
  mpz_add(z, MpzView(a), MpzView(b));
  return int_steal_mpz(z);
}

Value int_sub(Value a, Value b) {
  Value r;
  if (small_sub(a, b, &r)) return r;
  REQUIRE_INTS(a, b);
  int64_t x, y;
  if (int_as_small(a, &x) && int_as_small(b, &y)) return int_from_i64(x - y);
  Mpz z;
  mpz_sub(z, MpzView(a), MpzView(b));
  return int_steal_mpz(z);
}

Value int_mul(Value a, Value b) {
  Value r;
  if (small_mul(a, b, &r)) return r;
  REQUIRE_INTS(a, b);
  int64_t x, y, p;
  if (int_as_small(a, &x) && int_as_small(b, &y) && !__builtin_mul_overflow(x, y, &p))
    return int_from_i64(p);
  Mpz z;
  mpz_mul(z, MpzView(a), MpzView(b));
  return int_steal_mpz(z);
}

bool is_zero(Value v) { return int_sign(v) == 0; }

// Floor division and modulo of values in the small range (|x|, |y| < 2**62: no overflow).
inline void small_divmod(int64_t x, int64_t y, int64_t* q, int64_t* r) {
  *q = x / y;
  *r = x % y;
  if (*r != 0 && ((*r ^ y) < 0)) {
    --*q;
    *r += y;
  }
}

Value int_floordiv(Value a, Value b) {
  REQUIRE_INTS(a, b);
  if (is_zero(b)) return raise(&exc_ZeroDivisionError, "integer division or modulo by zero");
  int64_t x, y, q, r;
  if (int_as_small(a, &x) && int_as_small(b, &y)) {
    small_divmod(x, y, &q, &r);
    return int_from_i64(q);
  }
  Mpz z;
  mpz_fdiv_q(z, MpzView(a), MpzView(b));
  return int_steal_mpz(z);
}

Value int_mod(Value a, Value b) {
  REQUIRE_INTS(a, b);
  if (is_zero(b)) return raise(&exc_ZeroDivisionError, "integer modulo by zero");
  int64_t x, y, q, r;
  if (int_as_small(a, &x) && int_as_small(b, &y)) {
    small_divmod(x, y, &q, &r);
    return Value::small_int(r);
  }
  Mpz z;
  mpz_fdiv_r(z, MpzView(a), MpzView(b));
  return int_steal_mpz(z);
}

// |a| / |b| correctly rounded (half-even) to a double, sign applied. b != 0. False when the
// quotient is too large for a double.
//
// The quotient a/b lies in [2**(diff-1), 2**(diff+1)) with diff = bits(a) - bits(b). Scaling a by
// 2**-shift makes the integer quotient carry 2-3 bits beyond the double's precision (fewer
// significant bits when the result is subnormal, since the scale never goes below the smallest
// subnormal's exponent); those bits, plus a sticky bit for every discarded remainder, decide the
// rounding, and the final scaling by a power of two is exact.
bool ratio_to_double(mpz_srcptr a, mpz_srcptr b, double* out) {
  bool negative = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  if (mpz_sgn(a) == 0) {
    *out = negative ? -0.0 : 0.0;
    return true;
  }
  int64_t diff = static_cast<int64_t>(mpz_sizeinbase(a, 2)) - static_cast<int64_t>(mpz_sizeinbase(b, 2));
  if (diff > DBL_MAX_EXP) return false;
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
    *out = negative ? -0.0 : 0.0;
    return true;
  }
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  Mpz x, babs, q, r;
  mpz_abs(x, a);
  mpz_abs(babs, b);
  bool inexact = false;
  if (shift > 0) {
    inexact = mpz_scan1(x, 0) < static_cast<mp_bitcnt_t>(shift);
    mpz_fdiv_q_2exp(x, x, shift);
  } else {
    mpz_mul_2exp(x, x, -shift);
  }
  mpz_tdiv_qr(q, r, x, babs);
  if (mpz_sgn(r)) inexact = true;
  int64_t extra = std::max<int64_t>(mpz_sizeinbase(q, 2), DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  bool half = mpz_tstbit(q, extra - 1);
  bool below_half = inexact || mpz_scan1(q, 0) < static_cast<mp_bitcnt_t>(extra - 1);
  mpz_fdiv_q_2exp(q, q, extra);
  if (half && (below_half || mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  double result = std::ldexp(mpz_get_d(q), static_cast<int>(shift + extra));
  if (std::isinf(result)) return false;
  *out = negative ? -result : result;
  return true;
}

Value int_truediv(Value a, Value b) {
  REQUIRE_INTS(a, b);
  if (is_zero(b)) return raise(&exc_ZeroDivisionError, "division by zero");
  int64_t x, y;
  constexpr int64_t kExact = int64_t{1} << DBL_MANT_DIG;
  if (int_as_small(a, &x) && int_as_small(b, &y) && x >= -kExact && x <= kExact && y >= -kExact &&
      y <= kExact)
    return float_new(static_cast<double>(x) / static_cast<double>(y));  // one rounding: exact
  double d;
  if (!ratio_to_double(MpzView(a), MpzView(b), &d))
    return raise(&exc_OverflowError, "integer division result too large for a float");
  return float_new(d);
}

// Results larger than this many bits are refused with MemoryError rather than letting GMP abort.
constexpr uint64_t kMaxResultBits = uint64_t{1} << 36;

Value int_pow(Value a, Value b) {
  REQUIRE_INTS(a, b);
  if (int_sign(b) < 0) {
    // A negative exponent gives a float result, computed by float's rules and messages.
    double x, y;
    if (!int_to_double_checked(a, &x) || !int_to_double_checked(b, &y)) return Value();
    return float_pow_double(x, y);
  }
  int64_t x, e;
  bool base_small = int_as_small(a, &x);
  if (base_small && (x == 0 || x == 1)) return is_zero(b) ? Value::small_int(1) : Value::small_int(x);
  if (base_small && x == -1) {
    MpzView ev(b);
    return Value::small_int(mpz_odd_p(ev.get()) ? -1 : 1);
  }
  if (!int_to_i64(b, &e)) return raise_no_memory();
  if (base_small) {
    // Square-and-multiply in machine words while the partial results fit.
    int64_t result = 1, base = x, n = e;
    bool overflow = false;
    while (n) {
      if ((n & 1) && __builtin_mul_overflow(result, base, &result)) {
        overflow = true;
        break;
      }
      n >>= 1;
      if (n && __builtin_mul_overflow(base, base, &base)) {
        overflow = true;
        break;
      }
    }
    if (!overflow) return int_from_i64(result);
  }
  uint64_t result_bits;
  if (__builtin_mul_overflow(int_bit_length(a), static_cast<uint64_t>(e), &result_bits) ||
      result_bits > kMaxResultBits)
    return raise_no_memory();
  Mpz z;
  mpz_pow_ui(z, MpzView(a), static_cast<unsigned long>(e));
  return int_steal_mpz(z);
}

Value int_pow3(Value a, Value b, Value m) {
  if (is_none(m)) return int_pow(a, b);
  if (!int_check(a) || !int_check(b) || !int_check(m)) return not_implemented_value();
  if (is_zero(m)) return raise(&exc_ValueError, "pow() 3rd argument cannot be 0");
  MpzView mv(m);
  Mpz mod, base, exp, r;
  mpz_abs(mod, mv);
  mpz_set(base, MpzView(a));
  mpz_set(exp, MpzView(b));
  if (mpz_sgn(exp) < 0) {
    if (!mpz_invert(base, base, mod))
      return raise(&exc_ValueError, "base is not invertible for the given modulus");
    mpz_neg(exp, exp);
  }
  mpz_powm(r, base, exp, mod);
  // Python's result takes the modulus' sign (floor semantics).
  if (mpz_sgn(mv) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, mod);
  return int_steal_mpz(r);
}

Value int_lshift(Value a, Value b) {
  REQUIRE_INTS(a, b);
  int s = int_sign(b);
  if (s < 0) return raise(&exc_ValueError, "negative shift count");
  if (is_zero(a)) return Value::small_int(0);
  int64_t n;
  if (!int_to_i64(b, &n)) return raise(&exc_OverflowError, "too many digits in integer");
  int64_t x;
  if (int_as_small(a, &x) && n < 62) {
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << n);
    if ((r >> n) == x && Value::fits_small(r)) return Value::small_int(r);
  }
  if (static_cast<uint64_t>(n) > kMaxResultBits) return raise_no_memory();
  Mpz z;
  mpz_mul_2exp(z, MpzView(a), static_cast<mp_bitcnt_t>(n));
  return int_steal_mpz(z);
}

Value int_rshift(Value a, Value b) {
  REQUIRE_INTS(a, b);
  if (int_sign(b) < 0) return raise(&exc_ValueError, "negative shift count");
  int64_t n, x;
  bool fits = int_to_i64(b, &n);
  if (int_as_small(a, &x)) {
    if (!fits || n >= 63) return Value::small_int(x < 0 ? -1 : 0);
    return Value::small_int(x >> n);  // arithmetic shift: floor division by 2**n
  }
  if (!fits) return Value::small_int(int_sign(a) < 0 ? -1 : 0);
  Mpz z;
  mpz_fdiv_q_2exp(z, MpzView(a), static_cast<mp_bitcnt_t>(n));
  return int_steal_mpz(z);
}

// GMP's logical operations follow two's complement semantics for negative numbers, as Python's.
#define INT_BITWISE(fname, op, mpz_fn)                 \
  Value fname(Value a, Value b) {                      \
    REQUIRE_INTS(a, b);                                \
    int64_t x, y;                                      \
    if (int_as_small(a, &x) && int_as_small(b, &y))    \
      return Value::small_int(x op y);                 \
    Mpz z;                                             \
    mpz_fn(z, MpzView(a), MpzView(b));                 \
    return int_steal_mpz(z);                           \
  }
INT_BITWISE(int_and, &, mpz_and)
INT_BITWISE(int_or, |, mpz_ior)
INT_BITWISE(int_xor, ^, mpz_xor)
#undef INT_BITWISE

Value int_neg(Value v) {
  int64_t x;
  if (int_as_small(v, &x)) return int_from_i64(-x);
  Mpz z;
  mpz_neg(z, MpzView(v));
  return int_steal_mpz(z);
}

Value int_pos(Value v) { return int_exact(v); }

Value int_abs(Value v) { return int_sign(v) < 0 ? int_neg(v) : int_exact(v); }

Value int_invert(Value v) {
  int64_t x;
  if (int_as_small(v, &x)) return Value::small_int(~x);
  Mpz z;
  mpz_com(z, MpzView(v));
  return int_steal_mpz(z);
}

int int_bool(Value v) { return int_sign(v) != 0; }

Value int_to_float_slot(Value v) {
  double d;
  if (!int_to_double_checked(v, &d)) return Value();
  return float_new(d);
}

Value int_repr(Value v) {
  int64_t i;
  if (int_as_small(v, &i)) return str_new(int_to_text(i, 10, false));
  TextResult<std::string> r = int_to_text(MpzView(v).get(), 10, false);
  if (!r) return numbers::raise_text_error(r.error());
  return str_new(r.value());
}

}  // namespace

Value int_divmod(Value a, Value b) {
  REQUIRE_INTS(a, b);
  if (is_zero(b)) return raise(&exc_ZeroDivisionError, "integer division or modulo by zero");
  int64_t x, y, q, r;
  if (int_as_small(a, &x) && int_as_small(b, &y)) {
    small_divmod(x, y, &q, &r);
    return tuple_of({int_from_i64(q), Value::small_int(r)});
  }
  Mpz zq, zr;
  mpz_fdiv_qr(zq, zr, MpzView(a), MpzView(b));
  Value qv = int_steal_mpz(zq);
  return tuple_of({qv, int_steal_mpz(zr)});
}

// ---- The int() constructor -------------------------------------------------------------------

namespace {

Value int_from_text_object(Value x, int64_t base) {
  std::string_view text;
  if (str_check(x)) {
    text = x.as<Str>()->view();
  } else if (!bytes_like_view(x, &text)) {
    return Value();
  }
  Mpz big;
  TextResult<ParsedInt> r = parse_int(text, base, big, numbers::repr_of(x));
  if (!r) return numbers::raise_text_error(r.error());
  return r.value().is_big ? int_steal_mpz(big) : int_from_i64(r.value().small);
}

bool is_text_like(Value x) {
  std::string_view unused;
  return str_check(x) || bytes_like_view(x, &unused);
}

// int(x) with one argument: the exact int value of x.
Value int_from_object(Value x) {
  if (int_check_exact(x)) return x;
  Type* t = type_of(x);
  if (t->nb.to_int) {
    Value r = t->nb.to_int(x);
    if (!r) return Value();
    if (!int_check(r))
      return raise(&exc_TypeError, std::string("__int__ returned non-int (type ") + type_name(r) + ")");
    return int_exact(r);
  }
  if (t->nb.index) {
    Value r = number_index(x);
    return r ? int_exact(r) : Value();
  }
  if (type_lookup(t, intern("__trunc__"))) {
    Value r = call_method_cstr(x, "__trunc__", {});
    if (!r) return Value();
    if (int_check(r)) return int_exact(r);
    if (!type_of(r)->nb.index)
      return raise(&exc_TypeError, std::string("__trunc__ returned non-Integral (type ") + type_name(r) + ")");
    r = number_index(r);
    return r ? int_exact(r) : Value();
  }
  if (is_text_like(x)) return int_from_text_object(x, 10);
  return raise(&exc_TypeError,
               std::string("int() argument must be a string, a bytes-like object or a real number, not '") +
                   type_name(x) + "'");
}

// An instance of the int subclass `type` holding the value of the exact int v.
Value int_subtype_new(Type* type, Value v) {
  auto* b = static_cast<BigInt*>(alloc_object(type, type->basicsize));
  mpz_init(b->value);
  int_to_mpz(v, b->value);
  return b;
}

Value int_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args({"int", {"x", "base"}, 2, 0, 1}, args, nargs, kwnames, a)) return Value();
  Value result;
  if (!a[0]) {
    if (a[1]) return raise(&exc_TypeError, "int() missing string argument");
    result = Value::small_int(0);
  } else if (!a[1]) {
    result = int_from_object(a[0]);
  } else {
    int64_t base;
    if (!index_to_i64(a[1], &base)) {
      if (!error_matches(&exc_OverflowError)) return Value();
      error_clear();
      base = -1;  // out of range either way
    }
    if (base != 0 && (base < 2 || base > 36))
      return raise(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!is_text_like(a[0])) return raise(&exc_TypeError, "int() can't convert non-string with explicit base");
    result = int_from_text_object(a[0], base);
  }
  if (!result || type == &int_type) return result;
  return int_subtype_new(type, result);
}

// ---- Methods ---------------------------------------------------------------------------------

#define NOARGS(fname)                                                       \
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 0)) \
    return Value()

Value m_identity(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.conjugate");
  return int_exact(self);
}

Value m_bit_length(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.bit_length");
  return int_from_u64(int_bit_length(self));
}

Value m_bit_count(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.bit_count");
  int64_t x;
  if (int_as_small(self, &x)) return Value::small_int(__builtin_popcountll(x < 0 ? -static_cast<uint64_t>(x) : x));
  Mpz z;
  mpz_abs(z, MpzView(self));
  return int_from_u64(mpz_popcount(z));
}

Value m_as_integer_ratio(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.as_integer_ratio");
  return tuple_of({int_exact(self), Value::small_int(1)});
}

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__getnewargs__");
  return tuple_of({int_exact(self)});
}

Value m_trunc(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__trunc__");
  return int_exact(self);
}

Value m_round(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!bind_args({"__round__", {"ndigits"}, 1, 0, 1}, args, nargs, kwnames, a)) return Value();
  if (!a[0] || is_none(a[0])) return int_exact(self);
  Value nd = number_index(a[0]);
  if (!nd) return Value();
  if (int_sign(nd) >= 0) return int_exact(self);
  // Round half to even at 10**-ndigits.
  int64_t n;
  if (!int_to_i64(nd, &n) || n < -static_cast<int64_t>(int_bit_length(self)) - 1) return Value::small_int(0);
  Mpz pow10, r, q, twice;
  mpz_ui_pow_ui(pow10, 10, static_cast<unsigned long>(-n));
  MpzView v(self);
  mpz_fdiv_qr(q, r, v, pow10);
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, pow10);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, pow10);
  return int_steal_mpz(q);
}

// byteorder argument of to_bytes/from_bytes: true for little-endian.
bool parse_byteorder(Value v, const char* fname, bool* little) {
  if (!v) {
    *little = false;
    return true;
  }
  if (!str_check(v)) {
    raise(&exc_TypeError, std::string(fname) + "() argument 'byteorder' must be str, not " + type_name(v));
    return false;
  }
  std::string_view s = v.as<Str>()->view();
  if (s == "little" || s == "big") {
    *little = s == "little";
    return true;
  }
  raise(&exc_ValueError, "byteorder must be either 'little' or 'big'");
  return false;
}

Value m_to_bytes(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!bind_args({"to_bytes", {"length", "byteorder", "signed"}, 2, 0}, args, nargs, kwnames, a)) return Value();
  int64_t length = 1;
  if (a[0] && !index_to_i64(a[0], &length)) return Value();
  if (length < 0) return raise(&exc_ValueError, "length argument must be non-negative");
  if (length > text::kMaxTextSize) return raise_no_memory();
  bool little, is_signed = false;
  if (!parse_byteorder(a[1], "to_bytes", &little)) return Value();
  if (a[2]) {
    int t = is_true(a[2]);
    if (t < 0) return Value();
    is_signed = t;
  }
  MpzView v(self);
  int sign = mpz_sgn(v);
  if (sign < 0 && !is_signed) return raise(&exc_OverflowError, "can't convert negative int to unsigned");
  // Bits needed: the magnitude for unsigned; for signed, one more than the bits of v (v >= 0)
  // or of ~v = -v-1 (v < 0), the sign bit.
  Mpz m;
  if (sign < 0) mpz_com(m, v);
  else mpz_set(m, v);
  uint64_t bits = mpz_sgn(m) ? mpz_sizeinbase(m, 2) : 0;
  if (is_signed && sign != 0) ++bits;
  if (bits > static_cast<uint64_t>(length) * 8) return raise(&exc_OverflowError, "int too big to convert");
  std::string out(static_cast<size_t>(length), '\0');
  if (sign < 0) {
    // Two's complement in `length` bytes: 2**(8*length) + v.
    mpz_set_ui(m, 0);
    mpz_setbit(m, static_cast<mp_bitcnt_t>(length) * 8);
    mpz_add(m, m, v);
  }
  size_t count = 0;
  if (length > 0 && mpz_sgn(m)) {
    std::string tmp((mpz_sizeinbase(m, 2) + 7) / 8, '\0');
    mpz_export(tmp.data(), &count, 1, 1, 1, 0, m);
    std::memcpy(out.data() + (length - count), tmp.data(), count);
  }
  if (little) std::reverse(out.begin(), out.end());
  return bytes_new(out);
}

Value m_from_bytes(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!bind_args({"from_bytes", {"bytes", "byteorder", "signed"}, 2, 1}, args, nargs, kwnames, a)) return Value();
  bool little, is_signed = false;
  if (!parse_byteorder(a[1], "from_bytes", &little)) return Value();
  if (a[2]) {
    int t = is_true(a[2]);
    if (t < 0) return Value();
    is_signed = t;
  }
  Value data = a[0];
  std::string_view view;
  if (!bytes_like_view(data, &view)) {
    // bytes(n) would make n zero bytes; from_bytes wants the object's own bytes.
    if (int_check(data)) return raise(&exc_TypeError, std::string("cannot convert '") + type_name(data) + "' object to bytes");
    data = call(Value(&bytes_type), {data});
    if (!data || !bytes_like_view(data, &view)) return Value();
  }
  Mpz z;
  if (!view.empty()) mpz_import(z, view.size(), little ? -1 : 1, 1, 1, 0, view.data());
  if (is_signed && !view.empty()) {
    unsigned char top = static_cast<unsigned char>(little ? view.back() : view.front());
    if (top & 0x80) {
      Mpz wrap;
      mpz_setbit(wrap, view.size() * 8);
      mpz_sub(z, z, wrap);
    }
  }
  Value result = int_steal_mpz(z);
  if (cls.is(Value(&int_type))) return result;
  return call(cls, {result});
}

Value m_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string_view spec;
  if (!numbers::format_spec_arg(args, nargs, kwnames, &spec)) return Value();
  if (spec.empty()) return to_str(self);
  int64_t i;
  TextResult<std::string> r = int_as_small(self, &i) ? format_int(i, spec, type_name(self))
                                                      : format_int(MpzView(self).get(), spec, type_name(self));
  if (!r) return numbers::raise_text_error(r.error());
  return str_new(r.value());
}

Value m_sizeof(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__sizeof__");
  uint64_t bits = int_bit_length(self);
  // CPython's layout: a 24-byte header and 30-bit digits (at least one).
  return int_from_u64(24 + 4 * std::max<uint64_t>(1, (bits + 29) / 30));
}

Value g_self(Value self) { return int_exact(self); }
Value g_zero(Value) { return Value::small_int(0); }
Value g_one(Value) { return Value::small_int(1); }

const MethodDef kIntMethods[] = {
    {"conjugate", m_identity},
    {"bit_length", m_bit_length},
    {"bit_count", m_bit_count},
    {"to_bytes", m_to_bytes},
    {"from_bytes", m_from_bytes, kMethodClass},
    {"as_integer_ratio", m_as_integer_ratio},
    {"__trunc__", m_trunc},
    {"__floor__", m_trunc},
    {"__ceil__", m_trunc},
    {"__round__", m_round},
    {"__getnewargs__", m_getnewargs},
    {"__format__", m_format},
    {"__sizeof__", m_sizeof},
    {nullptr, nullptr},
};

const GetSetDef kIntGetSets[] = {
    {"real", g_self, nullptr},
    {"imag", g_zero, nullptr},
    {"numerator", g_self, nullptr},
    {"denominator", g_one, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void int_type_init() {
  Type* t = &int_type;
  t->flags |= kTypeBaseType | kTypeImmutable | kTypeIntSubclass;
  t->basicsize = sizeof(BigInt);
  t->tp_new = int_new;
  t->tp_repr = int_repr;
  t->tp_hash = int_hash_slot;
  t->tp_richcompare = int_richcompare;
  auto set = [t](BinaryOp op, BinaryFn fn) { t->nb.binary[static_cast<int>(op)] = fn; };
  set(BinaryOp::Add, int_add);
  set(BinaryOp::Sub, int_sub);
  set(BinaryOp::Mul, int_mul);
  set(BinaryOp::TrueDiv, int_truediv);
  set(BinaryOp::FloorDiv, int_floordiv);
  set(BinaryOp::Mod, int_mod);
  set(BinaryOp::Pow, int_pow);
  set(BinaryOp::DivMod, int_divmod);
  set(BinaryOp::LShift, int_lshift);
  set(BinaryOp::RShift, int_rshift);
  set(BinaryOp::And, int_and);
  set(BinaryOp::Or, int_or);
  set(BinaryOp::Xor, int_xor);
  t->nb.pow3 = int_pow3;
  t->nb.neg = int_neg;
  t->nb.pos = int_pos;
  t->nb.abs = int_abs;
  t->nb.invert = int_invert;
  t->nb.boolean = int_bool;
  t->nb.index = int_exact;
  t->nb.to_int = int_exact;
  t->nb.to_float = int_to_float_slot;
  type_ready(t, "int", &object_type, kIntMethods, kIntGetSets);
}

}  // namespace minipy
