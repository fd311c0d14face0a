// types.UnionType: the value of `int | str` (PEP 604), as used in annotations and isinstance().
#pragma once

#include "objects/object.h"

namespace minipy {

struct Union : Object {
  Tuple* args;  // the member types, flattened and without duplicates
};

extern Type union_type;

// a | b for types, None, generic aliases and unions; NotImplemented for anything else.
// Installed as type's `|` slot.
Value union_or(Value a, Value b);

void union_type_init();

}  // namespace minipy
