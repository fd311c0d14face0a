// complex: arithmetic, comparison for equality, hashing, repr and the complex() constructor.
// The algorithms are the ones whose rounding Python's results show: Smith's division, repeated
// squaring for small integral exponents, and the polar form for other powers.
#include "objects/complex.h"

#include <cmath>
#include <string>

#include "objects/float.h"
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

Type complex_type;

Value complex_new(double real, double imag) {
  Complex* c = alloc<Complex>(&complex_type);
  c->real = real;
  c->imag = imag;
  return c;
}

bool complex_check(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == &complex_type || is_subtype(t, &complex_type);
}

namespace {

struct Cx {
  double re, im;
};

Cx cx_of(Value v) { return {v.as<Complex>()->real, v.as<Complex>()->imag}; }
Value cx_value(Cx c) { return complex_new(c.re, c.im); }

Cx cx_mul(Cx a, Cx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Smith's algorithm: scales by the larger component of b to avoid needless overflow. False for
// division by zero.
bool cx_div(Cx a, Cx b, Cx* out) {
  double abs_re = std::fabs(b.re), abs_im = std::fabs(b.im);
  if (abs_re >= abs_im) {
    if (abs_re == 0.0) return false;
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    *out = {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  } else if (abs_im >= abs_re) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    *out = {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  } else {
    // A NaN component makes both comparisons false.
    *out = {NAN, NAN};
  }
  return true;
}

// Reads a complex, float or int operand: 1 ok, 0 other type (NotImplemented), -1 error.
int operand(Value v, Cx* out) {
  if (v.is_object() && complex_check(v)) {
    *out = cx_of(v);
    return 1;
  }
  if (int_check(v) || float_check(v)) {
    double d;
    if (!to_double(v, &d)) return -1;
    *out = {d, 0.0};
    return 1;
  }
  return 0;
}

#define COMPLEX_OPERANDS(a, b, x, y)                                \
  Cx x, y;                                                          \
  {                                                                 \
    int ra = operand(a, &x);                                        \
    if (ra <= 0) return ra ? Value() : not_implemented_value();     \
    int rb = operand(b, &y);                                        \
    if (rb <= 0) return rb ? Value() : not_implemented_value();     \
  }

Value complex_add(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return complex_new(x.re + y.re, x.im + y.im);
}

Value complex_sub(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return complex_new(x.re - y.re, x.im - y.im);
}

Value complex_mul(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return cx_value(cx_mul(x, y));
}

Value complex_truediv(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  Cx r;
  if (!cx_div(x, y, &r)) return raise(&exc_ZeroDivisionError, "complex division by zero");
  return cx_value(r);
}

Value complex_pow(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return complex_pow_value(x.re, x.im, y.re, y.im);
}

Value complex_pow3(Value a, Value b, Value m) {
  COMPLEX_OPERANDS(a, b, x, y);
  if (!is_none(m)) return raise(&exc_ValueError, "complex modulo");
  return complex_pow_value(x.re, x.im, y.re, y.im);
}

Value complex_neg(Value v) { return complex_new(-v.as<Complex>()->real, -v.as<Complex>()->imag); }
Value complex_pos(Value v) {
  if (v.as_object()->type == &complex_type) return v;
  return cx_value(cx_of(v));
}

Value complex_abs(Value v) {
  Cx c = cx_of(v);
  double r = std::hypot(c.re, c.im);
  if (std::isinf(r) && std::isfinite(c.re) && std::isfinite(c.im))
    return raise(&exc_OverflowError, "absolute value too large");
  return float_new(r);
}

int complex_bool(Value v) { return v.as<Complex>()->real != 0.0 || v.as<Complex>()->imag != 0.0; }

Value complex_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return not_implemented_value();
  bool swapped = !complex_check(a);
  Cx c = cx_of(swapped ? b : a);
  Value other = swapped ? a : b;
  bool equal;
  if (complex_check(other)) {
    Cx d = cx_of(other);
    equal = c.re == d.re && c.im == d.im;
  } else if (float_check(other)) {
    equal = c.im == 0.0 && c.re == float_value(other);
  } else if (int_check(other)) {
    // Exact, like float == int.
    equal = c.im == 0.0 && !std::isnan(c.re) && int_compare_double(other, c.re) == 0;
  } else {
    return not_implemented_value();
  }
  return bool_value(op == CompareOp::Eq ? equal : !equal);
}

int64_t complex_hash(Value v) {
  Cx c = cx_of(v);
  uint64_t h = static_cast<uint64_t>(double_hash(c.re, v)) +
               1000003u * static_cast<uint64_t>(double_hash(c.im, v));
  int64_t r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

// One component as repr shows it: shortest round-trip digits without a forced ".0".
FloatText component(double x) {
  FloatTextOptions o;
  o.code = 'r';
  return float_to_text(x, o);
}

Value complex_repr(Value v) {
  Cx c = cx_of(v);
  FloatText im = component(c.im);
  if (c.re == 0.0 && !std::signbit(c.re)) return str_new((im.negative ? "-" : "") + im.body + "j");
  FloatText re = component(c.re);
  std::string s = "(";
  if (re.negative) s += '-';
  s += re.body;
  s += im.negative ? '-' : '+';
  s += im.body;
  s += "j)";
  return str_new(s);
}

// ---- Powers ----------------------------------------------------------------------------------

Cx cx_powu(Cx x, long n) {
  Cx r{1.0, 0.0}, p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = cx_mul(r, p);
    p = cx_mul(p, p);
  }
  return r;
}

}  // namespace

Value complex_pow_value(double ar, double ai, double br, double bi) {
  Cx r;
  if (bi == 0.0 && br == std::floor(br) && std::fabs(br) <= 100.0) {
    long n = static_cast<long>(br);
    if (n >= 0) {
      r = cx_powu({ar, ai}, n);
    } else if (!cx_div({1.0, 0.0}, cx_powu({ar, ai}, -n), &r)) {
      return raise(&exc_ZeroDivisionError, "0.0 to a negative or complex power");
    }
  } else if (br == 0.0 && bi == 0.0) {
    r = {1.0, 0.0};
  } else if (ar == 0.0 && ai == 0.0) {
    if (bi != 0.0 || br < 0.0) return raise(&exc_ZeroDivisionError, "0.0 to a negative or complex power");
    r = {0.0, 0.0};
  } else {
    double vabs = std::hypot(ar, ai);
    double len = std::pow(vabs, br);
    double at = std::atan2(ai, ar);
    double phase = at * br;
    if (bi != 0.0) {
      len /= std::exp(at * bi);
      phase += bi * std::log(vabs);
    }
    r = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) return raise(&exc_OverflowError, "complex exponentiation");
  return cx_value(r);
}

// ---- The complex() constructor ---------------------------------------------------------------

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Length of the float literal (digits, '.', '_', exponent, or inf/infinity/nan) at the start
// of s, sign excluded; 0 if there is none. parse_float validates the text afterwards.
size_t float_token(std::string_view s) {
  auto starts_ci = [&](std::string_view word) {
    if (s.size() < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
      if ((s[i] | 0x20) != word[i]) return false;
    return true;
  };
  if (starts_ci("infinity")) return 8;
  if (starts_ci("inf") || starts_ci("nan")) return 3;
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '_')) ++i;
  if (i > 0 && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    size_t k = j;
    while (k < s.size() && ((s[k] >= '0' && s[k] <= '9') || s[k] == '_')) ++k;
    if (k > j) i = k;
  }
  return i;
}

// A signed float at the start of s: consumes it and writes its value. A bare sign (or nothing)
// stands for 1, as in "1+j"; *had_digits tells the caller whether that happened.
bool take_number(std::string_view& s, double* out, bool* had_digits) {
  size_t pos = 0;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
  size_t n = float_token(s.substr(pos));
  *had_digits = n > 0;
  if (n == 0) {
    *out = (pos && s[0] == '-') ? -1.0 : 1.0;
    s.remove_prefix(pos);
    return true;
  }
  TextResult<double> r = parse_float(s.substr(0, pos + n));
  if (!r) return false;
  *out = r.value();
  s.remove_prefix(pos + n);
  return true;
}

Value complex_from_string(std::string_view s) {
  auto malformed = [&]() { return raise(&exc_ValueError, "complex() arg is a malformed string"); };
  std::string ascii = numeric_text_to_ascii(s);
  std::string_view t = ascii;
  auto trim = [](std::string_view& v) {
    while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
    while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
  };
  trim(t);
  if (!t.empty() && t.front() == '(') {
    if (t.back() != ')') return malformed();
    t = t.substr(1, t.size() - 2);
    trim(t);
  }
  if (t.empty()) return malformed();
  double first, second;
  bool digits1, digits2;
  if (!take_number(t, &first, &digits1)) return malformed();
  if (t.empty()) return digits1 ? complex_new(first, 0.0) : malformed();
  if (t == "j" || t == "J") return complex_new(0.0, first);
  if (!digits1 || (t[0] != '+' && t[0] != '-')) return malformed();
  if (!take_number(t, &second, &digits2)) return malformed();
  if (t != "j" && t != "J") return malformed();
  return complex_new(first, second);
}

// The complex value of a number argument: complex, __complex__, or a real via float().
// Null without exception when v is not a number.
bool complex_arg(Value v, Cx* out) {
  if (complex_check(v)) {
    *out = cx_of(v);
    return true;
  }
  if (type_lookup(type_of(v), intern("__complex__"))) {
    Value r = call_method_cstr(v, "__complex__", {});
    if (!r) return false;
    if (!complex_check(r)) {
      raise(&exc_TypeError, std::string("__complex__ returned non-complex (type ") + type_name(r) + ")");
      return false;
    }
    *out = cx_of(r);
    return true;
  }
  Type* t = type_of(v);
  if (!int_check(v) && !float_check(v) && !t->nb.to_float && !t->nb.index) return false;
  double d;
  if (!to_double(v, &d)) return false;
  *out = {d, 0.0};
  return true;
}

Value complex_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args({"complex", {"real", "imag"}, 2, 0}, args, nargs, kwnames, a)) return Value();
  Value result;
  if (a[0] && str_check(a[0])) {
    if (a[1]) return raise(&exc_TypeError, "complex() can't take second arg if first is a string");
    result = complex_from_string(a[0].as<Str>()->view());
  } else {
    if (a[1] && str_check(a[1])) return raise(&exc_TypeError, "complex() second arg can't be a string");
    Cx re{0.0, 0.0}, im{0.0, 0.0};
    if (a[0] && !complex_arg(a[0], &re)) {
      if (error_pending()) return Value();
      return raise(&exc_TypeError, std::string("complex() first argument must be a string or a number, not '") +
                                       type_name(a[0]) + "'");
    }
    if (a[1] && !complex_arg(a[1], &im)) {
      if (error_pending()) return Value();
      return raise(&exc_TypeError, std::string("complex() second argument must be a number, not '") +
                                       type_name(a[1]) + "'");
    }
    if (a[0] && !a[1] && complex_check(a[0]) && a[0].as_object()->type == &complex_type && type == &complex_type)
      return a[0];
    // Only complex parts contribute cross terms: complex(0, -0.0) keeps its -0.0 imaginary
    // part, as CPython's does.
    bool re_complex = a[0] && complex_check(a[0]);
    bool im_complex = a[1] && complex_check(a[1]);
    double real = im_complex ? re.re - im.im : re.re;
    double imag = re_complex ? re.im + im.re : im.re;
    result = complex_new(real, imag);
  }
  if (!result || type == &complex_type) return result;
  Complex* c = static_cast<Complex*>(alloc_object(type, type->basicsize));
  c->real = result.as<Complex>()->real;
  c->imag = result.as<Complex>()->imag;
  return c;
}

// ---- Methods ---------------------------------------------------------------------------------

Value m_conjugate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("complex.conjugate", kwnames) || !check_nargs("complex.conjugate", nargs, 0, 0))
    return Value();
  return complex_new(self.as<Complex>()->real, -self.as<Complex>()->imag);
}

Value m_complex(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("complex.__complex__", kwnames) || !check_nargs("complex.__complex__", nargs, 0, 0))
    return Value();
  return complex_pos(self);
}

Value m_getnewargs(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("complex.__getnewargs__", kwnames) ||
      !check_nargs("complex.__getnewargs__", nargs, 0, 0))
    return Value();
  return tuple_of({float_new(self.as<Complex>()->real), float_new(self.as<Complex>()->imag)});
}

Value g_real(Value self) { return float_new(self.as<Complex>()->real); }
Value g_imag(Value self) { return float_new(self.as<Complex>()->imag); }

const MethodDef kComplexMethods[] = {
    {"conjugate", m_conjugate},
    {"__complex__", m_complex},
    {"__getnewargs__", m_getnewargs},
    {nullptr, nullptr},
};

const GetSetDef kComplexGetSets[] = {
    {"real", g_real, nullptr},
    {"imag", g_imag, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void complex_type_init() {
  Type* t = &complex_type;
  t->flags |= kTypeBaseType | kTypeImmutable | kTypePointerFree;
  t->basicsize = sizeof(Complex);
  t->tp_new = complex_new_slot;
  t->tp_repr = complex_repr;
  t->tp_hash = complex_hash;
  t->tp_richcompare = complex_richcompare;
  auto set = [t](BinaryOp op, BinaryFn fn) { t->nb.binary[static_cast<int>(op)] = fn; };
  set(BinaryOp::Add, complex_add);
  set(BinaryOp::Sub, complex_sub);
  set(BinaryOp::Mul, complex_mul);
  set(BinaryOp::TrueDiv, complex_truediv);
  set(BinaryOp::Pow, complex_pow);
  t->nb.pow3 = complex_pow3;
  t->nb.neg = complex_neg;
  t->nb.pos = complex_pos;
  t->nb.abs = complex_abs;
  t->nb.boolean = complex_bool;
  type_ready(t, "complex", &object_type, kComplexMethods, kComplexGetSets);
}

}  // namespace minipy
