// None, NotImplemented, Ellipsis and bool.
#include "objects/singletons.h"

#include <string>

#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"

namespace minipy {

Type none_type, bool_type, not_implemented_type, ellipsis_type;
Object none_object{&none_type};
Object not_implemented_object{&not_implemented_type};
Object ellipsis_object{&ellipsis_type};
Bool true_object{{&bool_type}, 1};
Bool false_object{{&bool_type}, 0};

namespace {

// NoneType(), NotImplementedType() and ellipsis() return the singleton and take no arguments.
template <Object* kSingleton>
Value singleton_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size)) {
    return raise(&exc_TypeError, std::string(type->name) + " takes no arguments");
  }
  return Value(kSingleton);
}

Value none_repr(Value) { return Value(intern("None")); }
int none_bool(Value) { return 0; }
Value not_implemented_repr(Value) { return Value(intern("NotImplemented")); }
Value ellipsis_repr(Value) { return Value(intern("Ellipsis")); }

// __reduce__ of the singletons: the name under which pickle finds them again.
Value not_implemented_reduce(Value, const Value*, size_t, Tuple*) { return Value(intern("NotImplemented")); }
Value ellipsis_reduce(Value, const Value*, size_t, Tuple*) { return Value(intern("Ellipsis")); }

const MethodDef kNotImplementedMethods[] = {
    {"__reduce__", not_implemented_reduce},
    {nullptr, nullptr},
};
const MethodDef kEllipsisMethods[] = {
    {"__reduce__", ellipsis_reduce},
    {nullptr, nullptr},
};

// ---- bool ----------------------------------------------------------------------------------

Value bool_repr(Value v) { return Value(intern(v.is(true_value()) ? "True" : "False")); }

Value bool_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) return raise(&exc_TypeError, "bool() takes no keyword arguments");
  if (nargs > 1) {
    return raise(&exc_TypeError, "bool expected at most 1 argument, got " + std::to_string(nargs));
  }
  if (nargs == 0) return false_value();
  int t = is_true(args[0]);
  if (t < 0) return Value();
  return bool_value(t);
}

// & | ^ of two bools stay bools; anything else is int arithmetic.
template <BinaryOp kOp>
Value bool_logic(Value a, Value b) {
  constexpr int op = static_cast<int>(kOp);
  if (type_of(a) == &bool_type && type_of(b) == &bool_type) {
    bool x = a.is(true_value()), y = b.is(true_value());
    switch (kOp) {
      case BinaryOp::And: return bool_value(x && y);
      case BinaryOp::Or: return bool_value(x || y);
      default: return bool_value(x != y);
    }
  }
  return int_type.nb.binary[op](a, b);
}

}  // namespace

void singletons_init() {
  none_type.tp_new = &singleton_new<&none_object>;
  none_type.tp_repr = none_repr;
  none_type.nb.boolean = none_bool;
  type_ready(&none_type, "NoneType", &object_type);

  not_implemented_type.tp_new = &singleton_new<&not_implemented_object>;
  not_implemented_type.tp_repr = not_implemented_repr;
  type_ready(&not_implemented_type, "NotImplementedType", &object_type, kNotImplementedMethods);

  ellipsis_type.tp_new = &singleton_new<&ellipsis_object>;
  ellipsis_type.tp_repr = ellipsis_repr;
  type_ready(&ellipsis_type, "ellipsis", &object_type, kEllipsisMethods);

  // bool extends int's layout with its own (Bool); int's slots handle both. It is final.
  bool_type.basicsize = sizeof(Bool);
  bool_type.flags |= kTypeImmutable;
  bool_type.tp_new = bool_new;
  bool_type.tp_repr = bool_repr;
  bool_type.tp_str = bool_repr;
  bool_type.nb.binary[static_cast<int>(BinaryOp::And)] = &bool_logic<BinaryOp::And>;
  bool_type.nb.binary[static_cast<int>(BinaryOp::Or)] = &bool_logic<BinaryOp::Or>;
  bool_type.nb.binary[static_cast<int>(BinaryOp::Xor)] = &bool_logic<BinaryOp::Xor>;
  type_ready(&bool_type, "bool", &int_type);
}

}  // namespace minipy
