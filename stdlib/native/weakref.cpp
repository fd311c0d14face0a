// The _weakref module: the native half of weakref (objects/weakref.h); stdlib/lib/weakref.py
// adds the weak containers and finalize.
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

Value wr_proxy(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("proxy", kwnames) || !check_nargs("proxy", nargs, 1, 2)) return Value();
  return weakproxy_new(args[0], nargs > 1 ? args[1] : Value());
}

Value wr_getweakrefcount(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getweakrefcount", kwnames) || !check_nargs("getweakrefcount", nargs, 1, 1)) return Value();
  return int_from_i64(weakref_count(args[0]));
}

Value wr_getweakrefs(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getweakrefs", kwnames) || !check_nargs("getweakrefs", nargs, 1, 1)) return Value();
  return weakref_list(args[0]);
}

// _remove_dead_weakref(d, key): deletes d[key] if it is a dead weak reference.
Value wr_remove_dead_weakref(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_remove_dead_weakref", kwnames) || !check_nargs("_remove_dead_weakref", nargs, 2, 2)) {
    return Value();
  }
  if (!isinstance_fast(args[0], &dict_type)) {
    return raise(&exc_TypeError, std::string("_remove_dead_weakref() argument 1 must be dict, not ") +
                                     type_name(args[0]));
  }
  Dict* d = args[0].as<Dict>();
  Value v = dict_get(d, args[1]);
  if (!v) return error_pending() ? Value() : none_value();
  if (isinstance_fast(v, &weakref_type) && !weakref_get(v.as<WeakRef>())) {
    if (dict_del(d, args[1]) < 0) return Value();
  }
  return none_value();
}

const MethodDef kWeakrefFunctions[] = {
    {"proxy", wr_proxy},
    {"getweakrefcount", wr_getweakrefcount},
    {"getweakrefs", wr_getweakrefs},
    {"_remove_dead_weakref", wr_remove_dead_weakref},
    {nullptr, nullptr},
};

}  // namespace

Value weakref_module_create() {
  Module* m = module_new(intern("_weakref"));
  module_add_functions(m, kWeakrefFunctions);
  if (!module_add(m, "ref", Value(&weakref_type)) || !module_add(m, "ReferenceType", Value(&weakref_type)) ||
      !module_add(m, "ProxyType", Value(&weakproxy_type)) ||
      !module_add(m, "CallableProxyType", Value(&weakcallableproxy_type))) {
    return Value();
  }
  return Value(m);
}

}  // namespace minipy
