#include "objects/generic_alias.h"

#include <string>

#include "objects/container_util.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/union_type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type generic_alias_type;

Value generic_alias_new(Value origin, Value args) {
  GenericAlias* ga = alloc<GenericAlias>(&generic_alias_type);
  ga->origin = origin;
  ga->args = tuple_check(args) ? args.as<Tuple>() : tuple_of({args});
  return ga;
}

Value generic_class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("__class_getitem__", nargs, kwnames)) return Value();
  return generic_alias_new(cls, args[0]);
}

namespace {

GenericAlias* as_ga(Value v) { return v.as<GenericAlias>(); }

// How an argument is shown inside the brackets: classes by (module-qualified) name, `...` for
// Ellipsis, anything else by repr.
bool append_arg_repr(std::string& out, Value v) {
  if (v.is(ellipsis_value())) {
    out += "...";
    return true;
  }
  if (type_of(v) == &generic_alias_type) return append_repr(out, v);
  Value origin = getattr_optional(v, intern("__origin__"));
  if (!origin && error_pending()) return false;
  Value args = origin ? getattr_optional(v, intern("__args__")) : Value();
  if (!args && error_pending()) return false;
  if (origin && args) return append_repr(out, v);
  Value qualname = getattr_optional(v, intern("__qualname__"));
  if (!qualname && error_pending()) return false;
  Value module = qualname ? getattr_optional(v, intern("__module__")) : Value();
  if (!module && error_pending()) return false;
  if (!qualname || !module || !str_check(qualname) || !str_check(module)) return append_repr(out, v);
  if (module.as<Str>()->view() != "builtins") {
    out += module.as<Str>()->view();
    out += '.';
  }
  out += qualname.as<Str>()->view();
  return true;
}

Value ga_repr(Value self) {
  GenericAlias* ga = as_ga(self);
  std::string out;
  if (!append_arg_repr(out, ga->origin)) return Value();
  out += '[';
  if (ga->args->size == 0) out += "()";
  for (int64_t i = 0; i < ga->args->size; i++) {
    if (i) out += ", ";
    if (!append_arg_repr(out, ga->args->items()[i])) return Value();
  }
  out += ']';
  return str_new(out);
}

Value ga_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call(as_ga(self)->origin, args, nargs, kwnames);
}

// Attributes the alias does not have itself come from its origin (list[int].__name__).
Value ga_getattr(Value self, Str* name) {
  Value v = object_generic_getattr(self, name);
  if (v || !error_matches(&exc_AttributeError)) return v;
  error_clear();
  return getattr(as_ga(self)->origin, name);
}

Value ga_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &generic_alias_type) {
    return not_implemented_value();
  }
  int eq = 0;
  if (as_ga(a)->origin.is(as_ga(b)->origin)) {
    eq = equals(as_ga(a)->args, as_ga(b)->args);
    if (eq < 0) return Value();
  }
  return bool_value(op == CompareOp::Eq ? eq : !eq);
}

int64_t ga_hash(Value self) {
  int64_t h1 = hash(as_ga(self)->origin);
  if (h1 == -1) return -1;
  int64_t h2 = hash(as_ga(self)->args);
  if (h2 == -1) return -1;
  int64_t h = h1 ^ h2;
  return h == -1 ? -2 : h;
}

Value ga_origin(Value self) { return as_ga(self)->origin; }
Value ga_args(Value self) { return as_ga(self)->args; }
// No TypeVar support: an alias over concrete classes has no parameters.
Value ga_parameters(Value) { return empty_tuple(); }

Value ga_mro_entries(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("__mro_entries__", nargs, kwnames)) return Value();
  return tuple_of({as_ga(self)->origin});
}

const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries},
    {nullptr, nullptr},
};

const GetSetDef ga_getsets[] = {
    {"__origin__", ga_origin, nullptr},
    {"__args__", ga_args, nullptr},
    {"__parameters__", ga_parameters, nullptr},
    {nullptr, nullptr, nullptr},
};

// types.GenericAlias(origin, args): what `__class_getitem__ = classmethod(GenericAlias)` calls.
Value ga_tp_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("GenericAlias", kwnames) || !check_nargs("GenericAlias", nargs, 2, 2)) return Value();
  return generic_alias_new(args[0], args[1]);
}

}  // namespace

void generic_alias_type_init() {
  generic_alias_type.basicsize = sizeof(GenericAlias);
  generic_alias_type.tp_new = ga_tp_new;
  generic_alias_type.tp_repr = ga_repr;
  generic_alias_type.tp_call = ga_call;
  generic_alias_type.tp_getattr = ga_getattr;
  generic_alias_type.tp_richcompare = ga_richcompare;
  generic_alias_type.tp_hash = ga_hash;
  // list[int] | None is a union, as for classes.
  generic_alias_type.nb.binary[static_cast<int>(BinaryOp::Or)] = union_or;
  type_ready(&generic_alias_type, "types.GenericAlias", &object_type, ga_methods, ga_getsets);
}

}  // namespace minipy
