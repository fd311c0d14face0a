// None, True, False, NotImplemented, Ellipsis: statically allocated, compared by identity.
#pragma once

#include "objects/object.h"

namespace minipy {

// bool is a subclass of int; True/False carry their int value for arithmetic.
struct Bool : Object {
  int64_t value;
};

extern Type none_type, bool_type, not_implemented_type, ellipsis_type;
extern Object none_object, not_implemented_object, ellipsis_object;
extern Bool true_object, false_object;

inline Value none_value() { return Value(&none_object); }
inline Value true_value() { return Value(&true_object); }
inline Value false_value() { return Value(&false_object); }
inline Value bool_value(bool b) { return b ? true_value() : false_value(); }
inline Value not_implemented_value() { return Value(&not_implemented_object); }
inline Value ellipsis_value() { return Value(&ellipsis_object); }
inline bool is_none(Value v) { return v.is(none_value()); }
inline bool is_not_implemented(Value v) { return v.is(not_implemented_value()); }

// Readies NoneType, NotImplementedType, ellipsis and bool (after int).
void singletons_init();

}  // namespace minipy
