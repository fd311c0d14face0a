// The lazy iterator types of the builtins module (enumerate, zip, map, filter, reversed) and
// the two iterators iter() can create besides a type's own: the sequence iterator (iteration
// through __getitem__ until IndexError) and the callable iterator (iter(callable, sentinel)).
// The builtins module registers the exported types under their names; get_iter uses
// seq_iterator_new for objects that only have __getitem__.
#pragma once

#include "objects/object.h"

namespace minipy {

struct Enumerate : Object {
  Value iter;
  Value index;  // an int: the next count
};

struct Zip : Object {
  Tuple* iters;  // null once exhausted
  bool strict;
};

struct Map : Object {
  Value func;
  Tuple* iters;
};

struct Filter : Object {
  Value func;  // None or bool: keep the items that are true
  Value iter;
};

// reversed() over the sequence protocol (len() and indexing).
struct Reversed : Object {
  Value seq;      // null once exhausted
  int64_t index;  // next index to fetch, counting down
};

struct SeqIterator : Object {
  Value seq;  // null once exhausted
  int64_t index;
};

struct CallableIterator : Object {
  Value callable;  // null once exhausted
  Value sentinel;
};

extern Type enumerate_type, zip_type, map_type, filter_type, reversed_type;
extern Type seq_iterator_type, callable_iterator_type;

// The constructors behave as calling the types (errors included).
Value enumerate_new(Value iterable, Value start);  // start: an int, or null for 0
Value zip_new(const Value* iterables, size_t n, bool strict);
Value map_new(Value func, const Value* iterables, size_t n);
Value filter_new(Value func, Value iterable);
// reversed(seq): seq.__reversed__() if the type defines it, else the sequence protocol;
// TypeError "'int' object is not reversible" otherwise.
Value reversed_new(Value seq);
Value seq_iterator_new(Value seq);
Value callable_iterator_new(Value callable, Value sentinel);

void iterators_types_init();

}  // namespace minipy
