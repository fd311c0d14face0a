#include "runtime/types_init.h"

#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "vm/frame_object.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/generic_alias.h"
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
#include "objects/weakref.h"
#include "stdlib/native/io_file.h"

namespace minipy {

void types_init() {
  // `type` and `object` first: type_ready of every other type builds on them. Then the types
  // that type dicts themselves are made of (str keys, dicts, tuples for MROs).
  type_object_init();
  str_type_init();
  dict_type_init();
  tuple_type_init();
  descriptor_types_init();
  list_type_init();
  int_type_init();
  singletons_init();
  float_type_init();
  complex_type_init();
  bytes_type_init();
  set_type_init();
  range_slice_types_init();
  module_type_init();
  function_types_init();
  code_type_init();
  frame_types_init();
  generator_types_init();
  iterators_types_init();
  generic_alias_type_init();
  exceptions_init();
  weakref_types_init();
  memoryview_type_init();
  file_type_init();
}

}  // namespace minipy
