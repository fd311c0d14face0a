// Inline caches for LOAD_ATTR and LOAD_METHOD.
//
// A cache entry remembers, for one receiver type (checked by its version tag, which the
// object core changes whenever the type or a base is modified), what the MRO lookup of the
// name found and how to use it, so the next execution skips the MRO walk:
//   kAttrInstanceValue  no descriptor on the type: instance __dict__, else the class value
//   kAttrNonData        a non-data descriptor (e.g. a function): instance __dict__ first,
//                       else descr.__get__(obj, type)
//   kAttrData           a data descriptor (property, getset): descr.__get__(obj, type)
//   kAttrModule         module attribute, keyed on the module dict's version
//   kAttrMethod         LOAD_METHOD: a function/method descriptor on the type, the instance
//                       __dict__ has no such key: push (descr, obj) with no bound method
//   kAttrStoreDict      STORE_ATTR: generic setattr, no data descriptor on the type: store
//                       straight into the instance __dict__
// Anything else (custom __getattribute__/__getattr__, type objects) takes the generic path.
// For the instance-__dict__ kinds, version2 holds the entry index the name was last found at:
// a hint, checked by key identity (dict_get_str_hinted), never trusted.
#pragma once

#include "objects/code.h"

namespace minipy {

Value load_attr_cached(InlineCache* c, Value obj, Str* name);
// Returns the callable and writes the `self` to pass (null when the callable is already bound).
Value load_method_cached(InlineCache* c, Value obj, Str* name, Value* self);
// setattr(obj, name, v) for STORE_ATTR; 0 on success, -1 with an exception pending.
int store_attr_cached(InlineCache* c, Value obj, Str* name, Value v);

}  // namespace minipy
