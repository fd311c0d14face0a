// The abstract object protocol: what the VM and native code call to operate on any value.
// Each function follows Python's rules (slots first, then dunders via the slot wrappers,
// reflected operands, NotImplemented, identity shortcuts) and CPython's error messages.
#pragma once

#include <initializer_list>

#include "objects/object.h"

namespace minipy {

// Attributes.
Value getattr(Value obj, Str* name);
Value getattr_cstr(Value obj, const char* name);
// Like getattr, but a missing attribute gives null with NO pending exception.
Value getattr_optional(Value obj, Str* name);
int setattr(Value obj, Str* name, Value v);
int delattr(Value obj, Str* name);

// Calls (see CallFn in object.h for the convention).
Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value call(Value callable, std::initializer_list<Value> args);
// f(*args, **kwargs): args is a tuple, kwargs a dict or null.
Value call_tuple_dict(Value callable, Tuple* args, Dict* kwargs);
// obj.name(*args) without creating a bound method where possible.
Value call_method(Value obj, Str* name, std::initializer_list<Value> args);
Value call_method_cstr(Value obj, const char* name, std::initializer_list<Value> args);
bool is_callable(Value v);

// Operators.
Value binary_op(BinaryOp op, Value a, Value b);
Value inplace_op(BinaryOp op, Value a, Value b);
Value power(Value a, Value b, Value mod);  // pow(a, b, mod); mod null for two arguments
Value unary_negative(Value v);
Value unary_positive(Value v);
Value unary_invert(Value v);
Value absolute(Value v);
// Rich comparison: returns the result object (may be any object for user types).
Value compare(Value a, Value b, CompareOp op);
// Rich comparison reduced to truth: -1 error, 0 false, 1 true.
int compare_bool(Value a, Value b, CompareOp op);
// a == b as used by containers: identity implies equality. -1 error.
int equals(Value a, Value b);
int is_true(Value v);            // bool(v): -1 error
int64_t hash(Value v);           // -1 error

// Text.
Value repr(Value v);             // a Str, or null
Value to_str(Value v);           // str(v)
Value ascii(Value v);
Value format(Value v, Str* spec);  // format(v, spec)

// Iteration. iter_next returns null WITHOUT a pending exception when exhausted.
Value get_iter(Value v);
Value iter_next(Value iterator);

// Containers.
Value getitem(Value container, Value key);
int setitem(Value container, Value key, Value v);
int delitem(Value container, Value key);
int64_t length(Value v);          // len(v): -1 error
int contains(Value container, Value item);  // `item in container`: -1 error

// isinstance / issubclass with __instancecheck__ / __subclasscheck__ and tuples of classes.
int isinstance(Value obj, Value cls);
int issubclass(Value derived, Value cls);

// Number conversions.
Value number_index(Value v);  // __index__: an int or TypeError
Value number_int(Value v);    // int(v)
Value number_float(Value v);  // float(v)

}  // namespace minipy
