// The builtins module: every built-in function, type, exception and constant.
#include "runtime/builtins.h"

#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/range_slice.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

namespace minipy {

Module* builtins_module_create() {
  Module* m = module_new(intern("builtins"));
  module_add_functions(m, kBuiltinCoreFunctions);
  module_add_functions(m, kBuiltinIterationFunctions);
  module_add_functions(m, kBuiltinCodeFunctions);
  struct NamedType {
    const char* name;
    Type* type;
  };
  const NamedType types[] = {
      {"object", &object_type},       {"type", &type_type},
      {"int", &int_type},             {"float", &float_type},
      {"bool", &bool_type},           {"str", &str_type},
      {"bytes", &bytes_type},         {"bytearray", &bytearray_type},
      {"list", &list_type},           {"tuple", &tuple_type},
      {"dict", &dict_type},           {"set", &set_type},
      {"frozenset", &frozenset_type}, {"range", &range_type},
      {"slice", &slice_type},         {"property", &property_type},
      {"classmethod", &classmethod_type}, {"staticmethod", &staticmethod_type},
      {"super", &super_type},         {"enumerate", &enumerate_type},
      {"zip", &zip_type},             {"map", &map_type},
      {"filter", &filter_type},       {"reversed", &reversed_type},
      {"complex", &complex_type},     {"memoryview", &memoryview_type},
  };
  for (const NamedType& t : types) module_add(m, t.name, Value(t.type));
#define EXCEPTION(Name, Base) module_add(m, #Name, Value(&exc_##Name));
#include "objects/exception_types.def"
#undef EXCEPTION
  // EnvironmentError and IOError are OSError under other names.
  module_add(m, "EnvironmentError", Value(&exc_OSError));
  module_add(m, "IOError", Value(&exc_OSError));
  module_add(m, "None", none_value());
  module_add(m, "True", true_value());
  module_add(m, "False", false_value());
  module_add(m, "Ellipsis", ellipsis_value());
  module_add(m, "NotImplemented", not_implemented_value());
  module_add(m, "__debug__", true_value());
  return m;
}

}  // namespace minipy
