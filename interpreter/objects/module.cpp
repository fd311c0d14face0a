// Module objects: a namespace dict with a name, attribute access through that dict, and the
// module-level __getattr__ / __dir__ hooks of PEP 562.
#include "objects/module.h"

#include <string>

#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace minipy {

Type module_type;

namespace {

Module* mod_of(Value v) { return v.as<Module>(); }

void init_dict(Module* m, Str* name, Value doc) {
  m->name = name;
  dict_set_str(m->dict, NAME(__name__), Value(name));
  dict_set_str(m->dict, NAME(__doc__), doc);
  dict_set_str(m->dict, NAME(__package__), none_value());
  dict_set_str(m->dict, NAME(__loader__), none_value());
  dict_set_str(m->dict, NAME(__spec__), none_value());
}

Value module_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Module* m = static_cast<Module*>(alloc_instance(type));
  m->dict = dict_new();
  return Value(m);
}

int module_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[2];
  if (!bind_args({"module", {"name", "doc"}, 2, 1}, args, nargs, kwnames, out)) return -1;
  if (!str_check(out[0])) {
    raise(&exc_TypeError, std::string("module.__init__() argument 'name' must be str, not ") + type_name(out[0]));
    return -1;
  }
  init_dict(mod_of(self), out[0].as<Str>(), out[1] ? out[1] : none_value());
  return 0;
}

// The module's name as its messages show it (None when __name__ is not a str).
Value module_name_value(Module* m) {
  Value n = dict_get_str(m->dict, NAME(__name__));
  return n && str_check(n) ? n : Value();
}

Value module_getattro(Value self, Str* name) {
  Value v = generic_getattr_suppress(self, name);
  if (v || error_pending()) return v;
  Module* m = mod_of(self);
  if (Value hook = dict_get_str(m->dict, NAME(__getattr__))) return call(hook, {Value(name)});
  if (error_pending()) return Value();
  return raise_attribute_error(self, name);
}

Value module_repr(Value self) {
  Module* m = mod_of(self);
  Value n = module_name_value(m);
  std::string s = "<module '" + std::string(n ? n.as<Str>()->view() : "?") + "'";
  Value file = dict_get_str(m->dict, NAME(__file__));
  if (file && str_check(file)) {
    Value r = repr(file);
    if (!r) return r;
    return Value(str_new(s + " from " + std::string(r.as<Str>()->view()) + ">"));
  }
  Value spec = dict_get_str(m->dict, NAME(__spec__));
  if (spec && !is_none(spec)) {
    Value origin = getattr_optional(spec, NAME(origin));
    if (!origin && error_pending()) return Value();
    if (origin && str_check(origin)) return Value(str_new(s + " (" + std::string(origin.as<Str>()->view()) + ")>"));
  }
  // Modules written in C++ have no file; embedded Python ones have __file__ None, like
  // CPython's frozen modules; those made by module(name) have nothing to show.
  if (!file && m->builtin) return Value(str_new(s + " (built-in)>"));
  if (file && is_none(file)) return Value(str_new(s + " (frozen)>"));
  return Value(str_new(s + ">"));
}

Value module_dir(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__dir__", kwnames) || !check_nargs("__dir__", nargs, 0, 0)) return Value();
  Module* m = mod_of(self);
  if (Value hook = dict_get_str(m->dict, NAME(__dir__))) return call(hook, {});
  List* l = list_new(dict_size(m->dict));
  int64_t pos = 0;
  Value k, v;
  while (dict_next(m->dict, &pos, &k, &v)) list_append(l, k);
  return Value(l);
}

Value module_get_dict(Value self) { return Value(mod_of(self)->dict); }

const MethodDef kModuleMethods[] = {
    {"__dir__", module_dir},
    {nullptr, nullptr},
};

const GetSetDef kModuleGetSets[] = {
    {"__dict__", module_get_dict, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Module* module_new(Str* name) {
  Module* m = alloc<Module>(&module_type);
  m->dict = dict_new();
  init_dict(m, name, none_value());
  m->builtin = true;
  return m;
}

Value module_add(Module* m, const char* name, Value v) {
  if (!v || dict_set_str(m->dict, intern(name), v) < 0) return Value();
  return v;
}

void module_add_functions(Module* m, const MethodDef* functions) {
  for (const MethodDef* f = functions; f->name; ++f) {
    dict_set_str(m->dict, intern(f->name), builtin_function_new(f, Value(), Value(m)));
  }
}

bool module_check(Value v) { return isinstance_fast(v, &module_type); }

void module_type_init() {
  module_type.flags |= kTypeBaseType;
  module_type.basicsize = sizeof(Module);
  module_type.dict_offset = static_cast<int32_t>(offsetof(Module, dict));
  module_type.tp_new = module_tp_new;
  module_type.tp_init = module_init;
  module_type.tp_getattr = module_getattro;
  module_type.tp_setattr = object_generic_setattr;
  module_type.tp_repr = module_repr;
  type_ready(&module_type, "module", &object_type, kModuleMethods, kModuleGetSets);
}

}  // namespace minipy
