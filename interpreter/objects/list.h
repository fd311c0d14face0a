// list: a growable array of Values.
#pragma once

#include "objects/object.h"

namespace minipy {

struct List : Object {
  int64_t size;
  int64_t capacity;
  Value* items;  // GC-allocated array of `capacity` slots
};

// Iterators over a list (exposed so the VM can special-case FOR_ITER on exact lists). They
// re-read the list's size at every step, as Python requires when the list grows meanwhile.
struct ListIterator : Object {
  List* list;     // null once exhausted
  int64_t index;  // next item; the reverse iterator counts down
};

extern Type list_type, list_iterator_type, list_reverseiterator_type;

List* list_new(int64_t reserve = 0);
List* list_from_array(const Value* items, int64_t n);
void list_append(List* l, Value v);
// l.extend(iterable) / l += iterable. -1 on error.
int list_extend(List* l, Value iterable);
// l.insert(i, v) with Python's clamping of i.
void list_insert(List* l, int64_t i, Value v);
// An exact tuple with the list's items (the VM's LIST_TO_TUPLE, tuple(list)).
Tuple* list_as_tuple(List* l);
// list(iterable): null on error.
Value list_from_iterable(Value iterable);
// Sorts in place like list.sort(key=..., reverse=...); key may be null. -1 on error.
int list_sort(List* l, Value key, bool reverse);
bool list_check(Value v);
bool list_check_exact(Value v);

void list_type_init();

}  // namespace minipy
