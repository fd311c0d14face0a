// set and frozenset: hash tables of keys.
#pragma once

#include "objects/object.h"

namespace minipy {

struct SetEntry {
  int64_t hash;
  Value key;  // null: empty; a sentinel marks deleted slots (set.cpp)
};

struct Set : Object {
  int64_t used;
  int64_t fill;
  int64_t mask;      // table size - 1 (power of two)
  SetEntry* table;
  int64_t hash;      // frozenset only; -1 until computed
  int64_t finger;    // where set.pop() resumes scanning, so popping everything stays linear
};

struct SetIterator : Object {
  Set* set;           // null once exhausted
  int64_t pos;        // next table slot
  int64_t used;       // the set's size when iteration started, -1 after a size change
  int64_t remaining;  // items still expected
};

extern Type set_type, frozenset_type, set_iterator_type;

Set* set_new();
Set* frozenset_new();
int set_add(Set* s, Value key);        // -1 on error
int set_contains(Set* s, Value key);   // -1 on error
int set_discard(Set* s, Value key);    // 1 removed, 0 absent, -1 error
int64_t set_size(Set* s);
bool set_next(Set* s, int64_t* pos, Value* key);
// set(iterable) / frozenset(iterable).
Value set_from_iterable(Type* type, Value iterable);
bool anyset_check(Value v);  // set, frozenset or subclasses
// In-place operations with any iterable (set.update, intersection_update, difference_update,
// symmetric_difference_update; also what dict views' set operators build on). -1 on error.
int set_update(Set* s, Value iterable);
int set_intersection_update(Set* s, Value iterable);
int set_difference_update(Set* s, Value iterable);
int set_symmetric_difference_update(Set* s, Value iterable);

void set_type_init();

}  // namespace minipy
