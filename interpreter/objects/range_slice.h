// range and slice objects.
#pragma once

#include "objects/object.h"

namespace minipy {

struct Range : Object {
  Value start, stop, step;  // ints (big ints allowed, like CPython)
  Value length;             // cached len as an int
};

struct Slice : Object {
  Value start, stop, step;  // any objects; None when omitted
};

// Iterator over a range whose every item is a small int (the common case, exposed so the VM
// can special-case FOR_ITER). Ranges with bigger items get a slower iterator over int objects.
struct RangeIterator : Object {
  int64_t next;       // the next item
  int64_t step;
  int64_t remaining;  // items left
};

extern Type range_type, slice_type, range_iterator_type, longrange_iterator_type;

Value range_new(Value start, Value stop, Value step);
Slice* slice_new(Value start, Value stop, Value step);
// Resolves a slice against a sequence length like slice.indices(): -1 on error (bad types,
// zero step: "slice step cannot be zero"). Returns the number of items selected in *count.
int slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                  int64_t* count);

void range_slice_types_init();

}  // namespace minipy
