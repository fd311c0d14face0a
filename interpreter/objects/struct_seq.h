// "Struct sequences": tuple subclasses whose items are also named attributes, like
// sys.version_info, time.struct_time and os.stat_result.
#pragma once

#include <initializer_list>

#include "objects/object.h"

namespace minipy {

// Creates the type `module.name` with the given field names. The type lives for the whole
// process (it is referenced from static module state).
Type* struct_seq_type_new(const char* qualified_name, std::initializer_list<const char*> fields);
// Builds an instance from exactly as many values as the type has fields.
Value struct_seq_new(Type* type, std::initializer_list<Value> values);

}  // namespace minipy
