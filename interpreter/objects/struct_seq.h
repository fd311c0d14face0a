// "Struct sequences": tuple subclasses whose items are also named attributes, like
// sys.version_info, time.struct_time and os.stat_result.
#pragma once

#include <initializer_list>

#include "objects/object.h"

namespace minipy {

// Creates the type `module.name` with the given field names. The type lives for the whole
// process (it is referenced from static module state).
Type* struct_seq_type_new(const char* qualified_name, std::initializer_list<const char*> fields);
// Adds fields that only attributes reach (time.struct_time's tm_zone): stored after the tuple's
// items, not part of its length. Call before the first instance is made.
void struct_seq_add_hidden_fields(Type* type, std::initializer_list<const char*> fields);
// Builds an instance from the values of its fields in order, the hidden ones last (None where
// the values stop short).
Value struct_seq_new(Type* type, std::initializer_list<Value> values);
// How many items an instance of `type` has room for (its visible and hidden fields).
int64_t struct_seq_slots(Type* type);

}  // namespace minipy
