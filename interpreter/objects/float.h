// float: an IEEE-754 double on the heap (allocated pointer-free).
#pragma once

#include "objects/object.h"

namespace minipy {

struct Float : Object {
  double value;
};

extern Type float_type;

Value float_new(double d);
bool float_check(Value v);  // float or subclass
bool float_check_exact(Value v);
inline double float_value(Value v) { return v.as<Float>()->value; }
// float(x) semantics for numbers: int/float/__float__/__index__; TypeError otherwise.
bool to_double(Value v, double* out);

// x ** y with Python's float rules: ZeroDivisionError "0.0 cannot be raised to a negative
// power", a complex result for a negative base and a fractional exponent, OverflowError
// "(34, 'Numerical result out of range')".
Value float_pow_double(double x, double y);
// Python's numeric hash of a double (consistent with int_hash for integral values). NaN hashes
// by identity, so the float object is needed for it.
int64_t double_hash(double d, Value obj);
// divmod(a, b) when either operand is a float (the other an int or float); NotImplemented
// otherwise.
Value float_divmod(Value a, Value b);

void float_type_init();

}  // namespace minipy
