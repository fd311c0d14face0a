// tuple: an immutable array of Values, stored inline after the header.
#pragma once

#include <initializer_list>

#include "objects/object.h"

namespace minipy {

struct Tuple : Object {
  int64_t hash;  // -1 until computed (only when every item is hashable)
  int64_t size;
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
  Value& operator[](int64_t i) { return items()[i]; }
};

// Iterator over a tuple (exposed so the VM can special-case FOR_ITER on it).
struct TupleIterator : Object {
  Tuple* tuple;   // null once exhausted
  int64_t index;
};

extern Type tuple_type, tuple_iterator_type;

// A tuple of n null items: the caller fills every slot before the tuple escapes.
Tuple* tuple_new(int64_t n);
Tuple* tuple_of(std::initializer_list<Value> items);
Tuple* tuple_from_array(const Value* items, int64_t n);
Tuple* empty_tuple();
bool tuple_check(Value v);
bool tuple_check_exact(Value v);
// tuple(iterable): returns an exact tuple as is; null on error.
Value tuple_from_iterable(Value iterable);

void tuple_type_init();

}  // namespace minipy
