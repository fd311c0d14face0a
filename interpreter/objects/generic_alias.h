// types.GenericAlias, lite: what `list[int]` and `dict[str, int]` evaluate to. Enough for
// annotations and typing-style code: repr "list[int]", __origin__, __args__, __parameters__,
// calling it creates an instance of the origin, equality and hashing, and __mro_entries__ so a
// class may inherit from `list[int]`.
#pragma once

#include "objects/object.h"

namespace minipy {

struct GenericAlias : Object {
  Value origin;  // the class subscripted
  Tuple* args;   // the subscript, always a tuple
};

extern Type generic_alias_type;

// `args` may be a tuple (several parameters) or any single object.
Value generic_alias_new(Value origin, Value args);
// The __class_getitem__ classmethod of list, tuple, dict, set, frozenset ...
Value generic_class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames);

void generic_alias_type_init();

}  // namespace minipy
