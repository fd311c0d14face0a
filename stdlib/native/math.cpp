// The math module: C's libm for the float functions, with Python's error rules layered on top
// (a NaN out of a non-NaN input is "math domain error", an infinity out of a finite input is
// "math range error" for functions that can overflow and a domain error otherwise), and GMP for
// the integer functions (factorial, comb, perm, gcd, lcm, isqrt) so big arguments stay fast.
#include <gmp.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/number_util.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

using numbers::Mpz;
using numbers::MpzView;

Value domain_error() { return raise(&exc_ValueError, "math domain error"); }
Value range_error() { return raise(&exc_OverflowError, "math range error"); }

// METH_O-style functions: "math.sqrt() takes exactly one argument (0 given)".
bool one_arg(const char* qualname, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(qualname, kwnames) && check_nargs(qualname, nargs, 1, 1);
}
// Fixed positional arity: "atan2 expected 2 arguments, got 1".
bool n_args(const char* name, const char* qualname, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
  return check_no_kwargs(qualname, kwnames) && check_nargs(name, nargs, min, max);
}

Value math_1(Value x, double (*fn)(double), bool can_overflow) {
  double d;
  if (!to_double(x, &d)) return Value();
  double r = fn(d);
  if (std::isnan(r) && !std::isnan(d)) return domain_error();
  if (std::isinf(r) && std::isfinite(d)) return can_overflow ? range_error() : domain_error();
  return float_new(r);
}

#define MATH_FUNC1(name, fn, can_overflow)                                       \
  Value m_##name(Value, const Value* args, size_t nargs, Tuple* kwnames) {       \
    if (!one_arg("math." #name, nargs, kwnames)) return Value();                 \
    return math_1(args[0], [](double v) -> double { return fn(v); }, can_overflow); \
  }

MATH_FUNC1(sqrt, std::sqrt, false)
MATH_FUNC1(exp, std::exp, true)
MATH_FUNC1(exp2, std::exp2, true)
MATH_FUNC1(expm1, std::expm1, true)
MATH_FUNC1(log1p, std::log1p, false)
MATH_FUNC1(sin, std::sin, false)
MATH_FUNC1(cos, std::cos, false)
MATH_FUNC1(tan, std::tan, false)
MATH_FUNC1(asin, std::asin, false)
MATH_FUNC1(acos, std::acos, false)
MATH_FUNC1(atan, std::atan, false)
MATH_FUNC1(sinh, std::sinh, true)
MATH_FUNC1(cosh, std::cosh, true)
MATH_FUNC1(tanh, std::tanh, false)
MATH_FUNC1(asinh, std::asinh, false)
MATH_FUNC1(acosh, std::acosh, false)
MATH_FUNC1(atanh, std::atanh, false)
MATH_FUNC1(fabs, std::fabs, false)
MATH_FUNC1(erf, std::erf, false)
MATH_FUNC1(erfc, std::erfc, false)
MATH_FUNC1(cbrt, std::cbrt, false)
MATH_FUNC1(degrees, [](double v) { return v * (180.0 / M_PI); }, true)
MATH_FUNC1(radians, [](double v) { return v * (M_PI / 180.0); }, false)
#undef MATH_FUNC1

bool is_nonpositive_integer(double d) { return d <= 0.0 && d == std::floor(d); }

Value m_gamma(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.gamma", nargs, kwnames)) return Value();
  double d;
  if (!to_double(args[0], &d)) return Value();
  if (std::isnan(d)) return float_new(d);
  if (d == -INFINITY || is_nonpositive_integer(d)) return domain_error();
  if (d == INFINITY) return float_new(d);
  double r = std::tgamma(d);
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

Value m_lgamma(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.lgamma", nargs, kwnames)) return Value();
  double d;
  if (!to_double(args[0], &d)) return Value();
  if (!std::isfinite(d)) return float_new(std::fabs(d));  // inf for +-inf, nan stays nan
  if (is_nonpositive_integer(d)) return domain_error();
  int sign;
  double r = lgamma_r(d, &sign);
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

// ---- Logarithms (also for ints too large for a double) ----------------------------------------

// log of x (a real number or int) with `fn` and its value of log(2) to rescale big ints.
Value math_log_of(Value x, double (*fn)(double), double log_of_2) {
  if (int_check(x)) {
    if (int_sign(x) <= 0) return domain_error();
    bool overflow;
    double d = int_to_double(x, &overflow);
    if (!overflow) return float_new(fn(d));
    // x = m * 2**e with m in [0.5, 1).
    long e;
    double m = mpz_get_d_2exp(&e, MpzView(x));
    return float_new(fn(m) + static_cast<double>(e) * log_of_2);
  }
  double d;
  if (!to_double(x, &d)) return Value();
  if (std::isnan(d)) return float_new(d);
  if (d <= 0.0) return domain_error();
  return float_new(fn(d));
}

double ln(double v) { return std::log(v); }
double lg(double v) { return std::log10(v); }
double lb(double v) { return std::log2(v); }

Value m_log(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("math.log", kwnames)) return Value();
  if (nargs < 1 || nargs > 2) return raise(&exc_TypeError, "math.log requires 1 to 2 arguments");
  Value num = math_log_of(args[0], ln, M_LN2);
  if (!num || nargs == 1) return num;
  Value den = math_log_of(args[1], ln, M_LN2);
  if (!den) return Value();
  if (float_value(den) == 0.0) return raise(&exc_ZeroDivisionError, "float division by zero");
  return float_new(float_value(num) / float_value(den));
}

Value m_log10(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.log10", nargs, kwnames)) return Value();
  return math_log_of(args[0], lg, std::log10(2.0));
}

Value m_log2(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.log2", nargs, kwnames)) return Value();
  return math_log_of(args[0], lb, 1.0);
}

// ---- Two-argument float functions ------------------------------------------------------------

bool two_doubles(const char* name, const char* qualname, const Value* args, size_t nargs, Tuple* kwnames,
                 double* x, double* y) {
  return n_args(name, qualname, nargs, kwnames, 2, 2) && to_double(args[0], x) && to_double(args[1], y);
}

Value m_atan2(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_doubles("atan2", "math.atan2", args, nargs, kwnames, &y, &x)) return Value();
  return float_new(std::atan2(y, x));
}

Value m_copysign(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_doubles("copysign", "math.copysign", args, nargs, kwnames, &x, &y)) return Value();
  return float_new(std::copysign(x, y));
}

Value m_fmod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_doubles("fmod", "math.fmod", args, nargs, kwnames, &x, &y)) return Value();
  if (std::isinf(y) && std::isfinite(x)) return float_new(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_new(r);
}

Value m_remainder(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_doubles("remainder", "math.remainder", args, nargs, kwnames, &x, &y)) return Value();
  double r = std::remainder(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_new(r);
}

Value m_pow(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_doubles("pow", "math.pow", args, nargs, kwnames, &x, &y)) return Value();
  if (std::isfinite(x) && std::isfinite(y)) {
    if (x == 0.0 && y < 0.0) return domain_error();
    if (x < 0.0 && y != std::floor(y)) return domain_error();
  }
  // C99's pow gives Python's answers for the special values (1**nan, nan**0, (-1)**inf ...).
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error();
  return float_new(r);
}

Value m_nextafter(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  if (!two_doubles("nextafter", "math.nextafter", args, nargs, kwnames, &x, &y)) return Value();
  return float_new(std::nextafter(x, y));
}

Value m_ulp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.ulp", nargs, kwnames)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  if (std::isnan(x)) return float_new(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_new(x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return float_new(x - std::nextafter(x, -INFINITY));  // x is the largest double
  return float_new(next - x);
}

Value m_ldexp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!n_args("ldexp", "math.ldexp", nargs, kwnames, 2, 2)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  if (!int_check(args[1])) return raise(&exc_TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_i64(args[1], &e)) e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  if (x == 0.0 || !std::isfinite(x)) return float_new(x);
  // Exponents beyond int range overflow or underflow whatever x is.
  int ei = e > INT_MAX ? INT_MAX : e < INT_MIN ? INT_MIN : static_cast<int>(e);
  double r = std::ldexp(x, ei);
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

Value m_frexp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.frexp", nargs, kwnames)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  return tuple_of({float_new(m), Value::small_int(e)});
}

Value m_modf(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.modf", nargs, kwnames)) return Value();
  double x;
  if (!to_double(args[0], &x)) return Value();
  if (std::isinf(x)) return tuple_of({float_new(std::copysign(0.0, x)), float_new(x)});
  double ip;
  double frac = std::modf(x, &ip);
  return tuple_of({float_new(frac), float_new(ip)});
}

// ---- Predicates ------------------------------------------------------------------------------

#define MATH_PREDICATE(name, test)                                          \
  Value m_##name(Value, const Value* args, size_t nargs, Tuple* kwnames) { \
    if (!one_arg("math." #name, nargs, kwnames)) return Value();           \
    double x;                                                               \
    if (!to_double(args[0], &x)) return Value();                            \
    return bool_value(test(x));                                             \
  }
MATH_PREDICATE(isnan, std::isnan)
MATH_PREDICATE(isinf, std::isinf)
MATH_PREDICATE(isfinite, std::isfinite)
#undef MATH_PREDICATE

Value m_isclose(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  if (!bind_args({"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 2}, args, nargs, kwnames, a)) return Value();
  double x, y, rel = 1e-09, abs_tol = 0.0;
  if (!to_double(a[0], &x) || !to_double(a[1], &y)) return Value();
  if (a[2] && !to_double(a[2], &rel)) return Value();
  if (a[3] && !to_double(a[3], &abs_tol)) return Value();
  if (rel < 0.0 || abs_tol < 0.0) return raise(&exc_ValueError, "tolerances must be non-negative");
  if (x == y) return true_value();
  if (std::isinf(x) || std::isinf(y)) return false_value();
  double diff = std::fabs(y - x);
  return bool_value(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

// ---- Rounding to integers --------------------------------------------------------------------

// math.floor / math.ceil: floats directly, ints as themselves, otherwise the type's
// __floor__/__ceil__, falling back to float(x).
Value round_to_int(Value x, const char* dunder, double (*fn)(double)) {
  if (float_check_exact(x)) return int_from_double(fn(float_value(x)));
  if (int_check_exact(x)) return x;
  if (type_lookup(type_of(x), intern(dunder))) return call_method_cstr(x, dunder, {});
  double d;
  if (!to_double(x, &d)) return Value();
  return int_from_double(fn(d));
}

Value m_floor(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.floor", nargs, kwnames)) return Value();
  return round_to_int(args[0], "__floor__", [](double v) { return std::floor(v); });
}

Value m_ceil(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.ceil", nargs, kwnames)) return Value();
  return round_to_int(args[0], "__ceil__", [](double v) { return std::ceil(v); });
}

Value m_trunc(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.trunc", nargs, kwnames)) return Value();
  Value x = args[0];
  if (float_check_exact(x)) return int_from_double(std::trunc(float_value(x)));
  if (int_check_exact(x)) return x;
  if (!type_lookup(type_of(x), intern("__trunc__")))
    return raise(&exc_TypeError, std::string("type ") + type_name(x) + " doesn't define __trunc__ method");
  return call_method_cstr(x, "__trunc__", {});
}

// ---- Integer functions -----------------------------------------------------------------------

Value m_factorial(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.factorial", nargs, kwnames)) return Value();
  Value n = number_index(args[0]);
  if (!n) return Value();
  if (int_sign(n) < 0) return raise(&exc_ValueError, "factorial() not defined for negative values");
  int64_t k;
  if (!int_to_i64(n, &k))
    return raise(&exc_OverflowError, "factorial() argument should not exceed 9223372036854775807");
  Mpz r;
  mpz_fac_ui(r, static_cast<unsigned long>(k));
  return int_steal_mpz(r);
}

Value m_isqrt(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.isqrt", nargs, kwnames)) return Value();
  Value n = number_index(args[0]);
  if (!n) return Value();
  if (int_sign(n) < 0) return raise(&exc_ValueError, "isqrt() argument must be nonnegative");
  Mpz r;
  mpz_sqrt(r, MpzView(n));
  return int_steal_mpz(r);
}

// Combinations C(n, k) into r; n, k non-negative ints. False (OverflowError) if min(k, n-k)
// does not fit a machine word.
bool binomial(mpz_ptr r, Value n, Value k) {
  MpzView nv(n), kv(k);
  if (mpz_cmp(kv, nv) > 0) {
    mpz_set_ui(r, 0);
    return true;
  }
  Mpz rest;
  mpz_sub(rest, nv, kv);
  mpz_srcptr small = mpz_cmp(rest, kv) < 0 ? rest.z : kv.get();
  if (!mpz_fits_slong_p(small)) {
    raise(&exc_OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
    return false;
  }
  mpz_bin_ui(r, nv, mpz_get_ui(small));
  return true;
}

// The n, k arguments of comb/perm as non-negative ints.
bool n_and_k(Value n_arg, Value k_arg, Value* n, Value* k) {
  *n = number_index(n_arg);
  if (!*n) return false;
  *k = number_index(k_arg);
  if (!*k) return false;
  if (int_sign(*n) < 0) {
    raise(&exc_ValueError, "n must be a non-negative integer");
    return false;
  }
  if (int_sign(*k) < 0) {
    raise(&exc_ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value m_comb(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!n_args("comb", "math.comb", nargs, kwnames, 2, 2)) return Value();
  Value n, k;
  if (!n_and_k(args[0], args[1], &n, &k)) return Value();
  Mpz r;
  if (!binomial(r, n, k)) return Value();
  return int_steal_mpz(r);
}

Value m_perm(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!n_args("perm", "math.perm", nargs, kwnames, 1, 2)) return Value();
  if (nargs == 1 || is_none(args[1])) {
    Value n = number_index(args[0]);
    if (!n) return Value();
    if (int_sign(n) < 0) return raise(&exc_ValueError, "n must be a non-negative integer");
    return m_factorial(Value(), args, 1, nullptr);
  }
  Value n, k;
  if (!n_and_k(args[0], args[1], &n, &k)) return Value();
  // perm(n, k) = C(n, k) * k!
  Mpz r;
  if (!binomial(r, n, k)) return Value();
  if (mpz_sgn(r) == 0) return Value::small_int(0);
  Mpz f;
  mpz_fac_ui(f, mpz_get_ui(MpzView(k)));
  mpz_mul(r, r, f);
  return int_steal_mpz(r);
}

Value m_gcd(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("math.gcd", kwnames)) return Value();
  Mpz r;
  for (size_t i = 0; i < nargs; ++i) {
    Value v = number_index(args[i]);
    if (!v) return Value();
    mpz_gcd(r, r, MpzView(v));
  }
  return int_steal_mpz(r);
}

Value m_lcm(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("math.lcm", kwnames)) return Value();
  Mpz r;
  mpz_set_ui(r, 1);
  for (size_t i = 0; i < nargs; ++i) {
    Value v = number_index(args[i]);
    if (!v) return Value();
    mpz_lcm(r, r, MpzView(v));  // non-negative; 0 once any argument is 0
  }
  return int_steal_mpz(r);
}

// ---- Sums and norms --------------------------------------------------------------------------

Value m_prod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args({"prod", {"iterable", "start"}, 1, 1, 1}, args, nargs, kwnames, a)) return Value();
  Value result = a[1] ? a[1] : Value::small_int(1);
  Value it = get_iter(a[0]);
  if (!it) return Value();
  while (Value item = iter_next(it)) {
    Value r;
    if (!small_mul(result, item, &r)) r = binary_op(BinaryOp::Mul, result, item);
    if (!r) return Value();
    result = r;
  }
  return error_pending() ? Value() : result;
}

// Exact summation (Shewchuk): `partials` holds non-overlapping doubles whose sum is exactly the
// running total; the result is that sum rounded once, half-even.
Value m_fsum(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("math.fsum", nargs, kwnames)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  std::vector<double> partials;  // plain doubles: no Values, so ordinary memory is fine
  double special = 0.0, inf_sum = 0.0;
  while (Value item = iter_next(it)) {
    double x;
    if (!to_double(item, &x)) return Value();
    double xsave = x;
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // A non-finite sum of finite values is an overflow; infinities and NaNs in the input
        // are summed on the side.
        if (std::isfinite(xsave)) return raise(&exc_OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special += xsave;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (error_pending()) return Value();
  if (special != 0.0) {
    if (std::isnan(inf_sum)) return raise(&exc_ValueError, "-inf + inf in fsum");
    return float_new(special);
  }
  double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the rest of the partials push a tie one way.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0, x = hi + y, yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_new(hi);
}

// sqrt(sum(v*v)) accurately: scaling by a power of two (exact) keeps squares in range, each
// square's rounding error is recovered with fma, and one Newton step corrects the square root.
double vector_norm(const std::vector<double>& v) {
  double max = 0.0;
  bool found_nan = false;
  for (double x : v) {
    double a = std::fabs(x);
    if (std::isnan(a)) found_nan = true;
    else if (a > max) max = a;
  }
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || v.size() <= 1) return max;
  int e;
  std::frexp(max, &e);
  double sum = 0.0, comp = 0.0;
  for (double x : v) {
    double s = std::ldexp(std::fabs(x), -e);
    double sq = s * s;
    double sq_err = std::fma(s, s, -sq);
    // Neumaier summation of sq, then the exact rounding error of the square.
    double t = sum + sq;
    comp += std::fabs(sum) >= std::fabs(sq) ? (sum - t) + sq : (sq - t) + sum;
    sum = t;
    comp += sq_err;
  }
  double total = sum + comp;
  double h = std::sqrt(total);
  // Newton correction: h += (total - h*h) / (2h), with h*h's error from fma.
  double hh = h * h;
  double resid = (sum - hh) + comp - std::fma(h, h, -hh);
  h += resid / (2.0 * h);
  return std::ldexp(h, e);
}

bool doubles_of(Value seq, std::vector<double>* out) {
  Value it = get_iter(seq);
  if (!it) return false;
  while (Value item = iter_next(it)) {
    double d;
    if (!to_double(item, &d)) return false;
    out->push_back(d);
  }
  return !error_pending();
}

Value m_hypot(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("math.hypot", kwnames)) return Value();
  std::vector<double> v;
  for (size_t i = 0; i < nargs; ++i) {
    double d;
    if (!to_double(args[i], &d)) return Value();
    v.push_back(d);
  }
  return float_new(vector_norm(v));
}

Value m_dist(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!n_args("dist", "math.dist", nargs, kwnames, 2, 2)) return Value();
  std::vector<double> p, q;
  if (!doubles_of(args[0], &p) || !doubles_of(args[1], &q)) return Value();
  if (p.size() != q.size()) return raise(&exc_ValueError, "both points must have the same number of dimensions");
  for (size_t i = 0; i < p.size(); ++i) p[i] -= q[i];
  return float_new(vector_norm(p));
}

const MethodDef kMathFunctions[] = {
    {"sqrt", m_sqrt},         {"exp", m_exp},           {"exp2", m_exp2},
    {"expm1", m_expm1},       {"log", m_log},           {"log2", m_log2},
    {"log10", m_log10},       {"log1p", m_log1p},       {"sin", m_sin},
    {"cos", m_cos},           {"tan", m_tan},           {"asin", m_asin},
    {"acos", m_acos},         {"atan", m_atan},         {"atan2", m_atan2},
    {"sinh", m_sinh},         {"cosh", m_cosh},         {"tanh", m_tanh},
    {"asinh", m_asinh},       {"acosh", m_acosh},       {"atanh", m_atanh},
    {"fabs", m_fabs},         {"erf", m_erf},           {"erfc", m_erfc},
    {"gamma", m_gamma},       {"lgamma", m_lgamma},     {"cbrt", m_cbrt},
    {"degrees", m_degrees},   {"radians", m_radians},   {"copysign", m_copysign},
    {"fmod", m_fmod},         {"remainder", m_remainder}, {"pow", m_pow},
    {"nextafter", m_nextafter}, {"ulp", m_ulp},         {"ldexp", m_ldexp},
    {"frexp", m_frexp},       {"modf", m_modf},         {"isnan", m_isnan},
    {"isinf", m_isinf},       {"isfinite", m_isfinite}, {"isclose", m_isclose},
    {"floor", m_floor},       {"ceil", m_ceil},         {"trunc", m_trunc},
    {"factorial", m_factorial}, {"isqrt", m_isqrt},     {"comb", m_comb},
    {"perm", m_perm},         {"gcd", m_gcd},           {"lcm", m_lcm},
    {"prod", m_prod},         {"fsum", m_fsum},         {"hypot", m_hypot},
    {"dist", m_dist},         {nullptr, nullptr},
};

}  // namespace

Value math_module_create() {
  Module* m = module_new(intern("math"));
  module_add_functions(m, kMathFunctions);
  module_add(m, "pi", float_new(M_PI));
  module_add(m, "e", float_new(M_E));
  module_add(m, "tau", float_new(2.0 * M_PI));
  module_add(m, "inf", float_new(INFINITY));
  module_add(m, "nan", float_new(NAN));
  return m;
}

}  // namespace minipy
