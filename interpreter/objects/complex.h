// complex: a pair of doubles (the `1j` literal, negative ** fractional powers, complex()).
#pragma once

#include "objects/object.h"

namespace minipy {

struct Complex : Object {
  double real;
  double imag;
};

extern Type complex_type;

Value complex_new(double real, double imag);
bool complex_check(Value v);  // complex or subclass
// (ar + ai*j) ** (br + bi*j) as Python computes it: ZeroDivisionError "0.0 to a negative or
// complex power", OverflowError "complex exponentiation".
Value complex_pow_value(double ar, double ai, double br, double bi);

void complex_type_init();

}  // namespace minipy
