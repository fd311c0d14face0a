// int: small ints live in the Value itself (objects/value.h); larger ones are BigInt objects
// wrapping a GMP integer. Invariant: a BigInt of type exactly `int` never holds a value that
// fits a small int. Instances of int subclasses always use the BigInt layout (whatever their
// value), and bool instances use the Bool layout (objects/singletons.h): every function here
// accepts all three.
#pragma once

#include <gmp.h>

#include <string>

#include "objects/object.h"

namespace minipy {

struct BigInt : Object {
  mpz_t value;
};

extern Type int_type;

// Builds an int from a machine or GMP integer, choosing small or big (normalising).
Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t i);
Value int_from_mpz(const mpz_t z);
// Like int_from_mpz, but takes over z's limbs instead of copying them (z must not be used
// afterwards). GMP's limbs are collector memory (runtime/memory.cpp), so nothing is freed.
Value int_steal_mpz(mpz_t z);
// int(d) for a double: truncates toward zero; ValueError for NaN, OverflowError for inf
// ("cannot convert float NaN to integer" / "cannot convert float infinity to integer").
Value int_from_double(double d);
// Parses a literal the way the compiler and int(str, base) need it; null + ValueError on error.
Value int_from_string(std::string_view text, int base);

// True for int and its subclasses, bool included.
bool int_check(Value v);
bool int_check_exact(Value v);
// Fits in int64? Writes *out and returns true; false (no exception) if too big.
// Accepts bool. Precondition: int_check(v).
bool int_to_i64(Value v, int64_t* out);
// Copies the value into an initialised mpz. Precondition: int_check(v).
void int_to_mpz(Value v, mpz_t out);
// Correctly rounded (half-even) conversion; *overflow set when out of double range.
double int_to_double(Value v, bool* overflow);
// Same, raising OverflowError "int too large to convert to float". False on error.
bool int_to_double_checked(Value v, double* out);
// Index-like conversion (int or __index__) to int64 for sizes and indices; raises
// OverflowError "cannot fit 'int' into an index-sized integer" or TypeError.
bool index_to_i64(Value v, int64_t* out);
std::string int_to_decimal(Value v);
int int_sign(Value v);  // -1, 0, 1
// Number of bits of |v| (int.bit_length()).
uint64_t int_bit_length(Value v);
// Python's numeric hash of an int (modulo 2**61 - 1; never -1).
int64_t int_hash(Value v);
// Exact comparison of an int with a double: -1, 0, 1. Precondition: d is not NaN.
int int_compare_double(Value i, double d);
// divmod(a, b) for ints: a (q, r) tuple, NotImplemented if either is not an int.
Value int_divmod(Value a, Value b);
// The exact value as a plain int (drops the subclass / bool type).
Value int_exact(Value v);

void int_type_init();

// Fast paths for the VM: both operands small ints and the result fits. They work on the tagged
// words directly (a small int's bits are 2*i + 1), so each is a couple of instructions and an
// overflow check; false means "take the generic path" (binary_op / compare).
inline bool small_add(Value a, Value b, Value* out) {
  int64_t r;
  if (!(a.bits() & b.bits() & 1) ||
      __builtin_add_overflow(static_cast<int64_t>(a.bits()), static_cast<int64_t>(b.bits() ^ 1), &r))
    return false;
  *out = Value::from_bits(static_cast<uint64_t>(r));
  return true;
}
inline bool small_sub(Value a, Value b, Value* out) {
  int64_t r;
  if (!(a.bits() & b.bits() & 1) ||
      __builtin_sub_overflow(static_cast<int64_t>(a.bits()), static_cast<int64_t>(b.bits() ^ 1), &r))
    return false;
  *out = Value::from_bits(static_cast<uint64_t>(r));
  return true;
}
inline bool small_mul(Value a, Value b, Value* out) {
  int64_t r;
  // a * (2*b) = 2*(a*b): overflows int64 exactly when a*b leaves the small range.
  if (!(a.bits() & b.bits() & 1) ||
      __builtin_mul_overflow(a.as_small_int(), static_cast<int64_t>(b.bits() ^ 1), &r))
    return false;
  *out = Value::from_bits(static_cast<uint64_t>(r) | 1);
  return true;
}
// Both small: writes the comparison's truth. Tagging preserves order, so the words compare.
inline bool small_compare(Value a, Value b, CompareOp op, bool* out) {
  if (!(a.bits() & b.bits() & 1)) return false;
  int64_t x = static_cast<int64_t>(a.bits()), y = static_cast<int64_t>(b.bits());
  switch (op) {
    case CompareOp::Lt: *out = x < y; break;
    case CompareOp::Le: *out = x <= y; break;
    case CompareOp::Eq: *out = x == y; break;
    case CompareOp::Ne: *out = x != y; break;
    case CompareOp::Gt: *out = x > y; break;
    case CompareOp::Ge: *out = x >= y; break;
  }
  return true;
}

}  // namespace minipy
