// module objects, and the helpers native modules use to fill themselves.
#pragma once

#include "objects/object.h"
#include "objects/type.h"

namespace minipy {

struct Module : Object {
  Dict* dict;  // the module's globals: __name__, __doc__, __file__, __spec__ ...
  Str* name;
  bool builtin;  // made by module_new (native code), not by module(name): repr "(built-in)"
};

extern Type module_type;

Module* module_new(Str* name);
Value module_add(Module* m, const char* name, Value v);
// Adds native functions (MethodDef with a null self) under their names.
void module_add_functions(Module* m, const MethodDef* functions);
bool module_check(Value v);

void module_type_init();

}  // namespace minipy
