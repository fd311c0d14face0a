// Value: the one-word handle every part of minipy passes around.
//
// Encoding (pointer tagging):
//   bits == 0          "no value": a native function's way of saying "an exception is pending"
//                      (the exception itself is in the ThreadState), or an unset local.
//   bits & 1 == 1      a small int; the other 63 bits are its two's-complement value.
//   otherwise          a pointer to a heap Object (8-byte aligned, so the low bit is free).
// Small ints never allocate, and pointers stay raw, so the conservative collector (Boehm)
// sees every live object through plain machine words.
//
// Invariant: an int whose value fits kSmallIntMin..kSmallIntMax is ALWAYS a small int;
// a BigInt object only ever holds values outside that range. Equality of ints can therefore
// compare small ints by bits and never has to consider a small/big pair being equal.
#pragma once

#include <cstddef>
#include <cstdint>

namespace minipy {

struct Object;
struct Type;

class Value {
 public:
  static constexpr int64_t kSmallIntMax = (int64_t{1} << 62) - 1;
  static constexpr int64_t kSmallIntMin = -(int64_t{1} << 62);

  constexpr Value() : bits_(0) {}
  Value(Object* o) : bits_(reinterpret_cast<uintptr_t>(o)) {}  // NOLINT: implicit by design
  Value(std::nullptr_t) : bits_(0) {}

  static constexpr Value small_int(int64_t i) { return Value((static_cast<uint64_t>(i) << 1) | 1); }
  static constexpr bool fits_small(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }
  static constexpr Value from_bits(uint64_t b) { return Value(b); }

  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small_int() const { return bits_ & 1; }
  constexpr bool is_object() const { return bits_ != 0 && !(bits_ & 1); }
  constexpr int64_t as_small_int() const { return static_cast<int64_t>(bits_) >> 1; }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_); }
  template <class T>
  T* as() const { return static_cast<T*>(as_object()); }
  constexpr uint64_t bits() const { return bits_; }

  // Identity (Python's `is`).
  constexpr bool is(Value o) const { return bits_ == o.bits_; }
  friend constexpr bool operator==(Value a, Value b) = delete;  // use .is() or minipy::equals()

 private:
  constexpr explicit Value(uint64_t b) : bits_(b) {}
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace minipy
