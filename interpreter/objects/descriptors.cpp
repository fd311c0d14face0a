// Descriptor objects (see descriptors.h).
#include "objects/descriptors.h"

#include <cstdio>
#include <string>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "vm/eval.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace minipy {

Type method_descriptor_type, classmethod_descriptor_type, builtin_function_type,
    getset_descriptor_type, member_descriptor_type, wrapper_descriptor_type, method_wrapper_type;
Type property_type, classmethod_type, staticmethod_type, super_type, mappingproxy_type;

namespace {

std::string str_of(Str* s) { return std::string(s->view()); }

// Small ints have no address; their bits stand in (they are unique per value as well).
std::string address(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", reinterpret_cast<void*>(static_cast<uintptr_t>(v.bits())));
  return buf;
}

// "'str' objects" in descriptor messages use the type's tp_name.
std::string owner_name(Type* t) { return t->name; }

bool append_repr_of(std::string& out, Value v) {
  Value r = repr(v);
  if (!r) return false;
  out += r.as<Str>()->view();
  return true;
}

Value none_if_null(Value v) { return v ? v : none_value(); }

// ---------------------------------------------------------------------------------------------
// builtin_function_or_method
// ---------------------------------------------------------------------------------------------

BuiltinFunction* bf_of(Value v) { return v.as<BuiltinFunction>(); }

Value builtin_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  BuiltinFunction* f = bf_of(callable);
  return f->def->fn(f->self, args, nargs, kwnames);
}

Value builtin_repr(Value self) {
  BuiltinFunction* f = bf_of(self);
  if (!f->self) return Value(str_new("<built-in function " + str_of(f->name) + ">"));
  return Value(str_new("<built-in method " + str_of(f->name) + " of " + type_name(f->self) +
                       " object at " + address(f->self) + ">"));
}

Value builtin_get_name(Value self) { return Value(bf_of(self)->name); }

Value builtin_get_qualname(Value self) {
  BuiltinFunction* f = bf_of(self);
  if (!f->self) return Value(f->name);
  Type* t = isinstance_fast(f->self, &type_type) ? f->self.as<Type>() : type_of(f->self);
  return Value(str_new(str_of(t->qualname) + "." + str_of(f->name)));
}

// A module function's __self__ is its module; __module__ is the module's name.
Value builtin_get_self(Value self) {
  BuiltinFunction* f = bf_of(self);
  if (f->self) return f->self;
  return f->module && module_check(f->module) ? f->module : none_value();
}

Value builtin_get_module(Value self) {
  Value m = bf_of(self)->module;
  if (m && module_check(m)) return none_if_null(dict_get_str(m.as<Module>()->dict, NAME(__name__)));
  return none_if_null(m);
}

int builtin_set_module(Value self, Value v) {
  bf_of(self)->module = v;
  return 0;
}

Value get_none(Value) { return none_value(); }

Value builtin_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &builtin_function_type) {
    return not_implemented_value();
  }
  bool eq = bf_of(a)->def == bf_of(b)->def && bf_of(a)->self.is(bf_of(b)->self);
  return bool_value(op == CompareOp::Eq ? eq : !eq);
}

int64_t builtin_hash(Value self) {
  BuiltinFunction* f = bf_of(self);
  int64_t h = static_cast<int64_t>(reinterpret_cast<uintptr_t>(f->def) >> 4);
  if (f->self) h ^= object_hash_identity(f->self);
  return h == -1 ? -2 : h;
}

const GetSetDef kBuiltinGetSets[] = {
    {"__name__", builtin_get_name, nullptr},
    {"__qualname__", builtin_get_qualname, nullptr},
    {"__self__", builtin_get_self, nullptr},
    {"__module__", builtin_get_module, builtin_set_module},
    {"__text_signature__", get_none, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// method_descriptor / classmethod_descriptor
// ---------------------------------------------------------------------------------------------

MethodDescr* md_of(Value v) { return v.as<MethodDescr>(); }

Value raise_doesnt_apply(const char* kind, Str* name, Type* owner, Value obj) {
  return raise(&exc_TypeError, std::string(kind) + " '" + str_of(name) + "' for '" +
                                   owner_name(owner) + "' objects doesn't apply to a '" +
                                   type_name(obj) + "' object");
}

Value method_descr_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  MethodDescr* d = md_of(callable);
  if (nargs == 0) {
    return raise(&exc_TypeError, "unbound method " + owner_name(d->owner) + "." + str_of(d->name) +
                                     "() needs an argument");
  }
  if (!isinstance_fast(args[0], d->owner)) return raise_doesnt_apply("descriptor", d->name, d->owner, args[0]);
  return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

Value method_descr_get(Value descr, Value obj, Value type) {
  if (!obj) return descr;
  MethodDescr* d = md_of(descr);
  if (!isinstance_fast(obj, d->owner)) return raise_doesnt_apply("descriptor", d->name, d->owner, obj);
  return builtin_function_new(d->def, obj);
}

Value method_descr_repr(Value self) {
  MethodDescr* d = md_of(self);
  return Value(str_new("<method '" + str_of(d->name) + "' of '" + owner_name(d->owner) + "' objects>"));
}

Value md_get_name(Value self) { return Value(md_of(self)->name); }
Value md_get_qualname(Value self) {
  MethodDescr* d = md_of(self);
  return Value(str_new(str_of(d->owner->qualname) + "." + str_of(d->name)));
}
Value md_get_objclass(Value self) { return Value(md_of(self)->owner); }

const GetSetDef kMethodDescrGetSets[] = {
    {"__name__", md_get_name, nullptr},
    {"__qualname__", md_get_qualname, nullptr},
    {"__objclass__", md_get_objclass, nullptr},
    {"__text_signature__", get_none, nullptr},
    {nullptr, nullptr, nullptr},
};

Value classmethod_descr_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  MethodDescr* d = md_of(callable);
  std::string prefix = "descriptor '" + str_of(d->name) + "'";
  if (nargs == 0) {
    return raise(&exc_TypeError, prefix + " of '" + owner_name(d->owner) + "' object needs an argument");
  }
  if (!isinstance_fast(args[0], &type_type)) {
    return raise(&exc_TypeError, prefix + " for type '" + owner_name(d->owner) + "' needs a type, not a '" +
                                     type_name(args[0]) + "' as arg 2");
  }
  if (!is_subtype(args[0].as<Type>(), d->owner)) {
    return raise(&exc_TypeError, prefix + " requires a subtype of '" + owner_name(d->owner) +
                                     "' but received '" + args[0].as<Type>()->name + "'");
  }
  return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

Value classmethod_descr_get(Value descr, Value obj, Value type) {
  MethodDescr* d = md_of(descr);
  if (!type) type = Value(type_of(obj));
  if (!isinstance_fast(type, &type_type)) {
    return raise(&exc_TypeError, "descriptor '" + str_of(d->name) + "' for type '" + owner_name(d->owner) +
                                     "' needs a type, not a '" + type_name(type) + "' as arg 2");
  }
  if (!is_subtype(type.as<Type>(), d->owner)) {
    return raise(&exc_TypeError, "descriptor '" + str_of(d->name) + "' for type '" + owner_name(d->owner) +
                                     "' doesn't apply to type '" + type.as<Type>()->name + "'");
  }
  return builtin_function_new(d->def, type);
}

// ---------------------------------------------------------------------------------------------
// getset_descriptor
// ---------------------------------------------------------------------------------------------

GetSetDescr* gs_of(Value v) { return v.as<GetSetDescr>(); }

Value getset_get(Value descr, Value obj, Value type) {
  if (!obj) return descr;
  GetSetDescr* d = gs_of(descr);
  if (!isinstance_fast(obj, d->owner)) return raise_doesnt_apply("descriptor", d->name, d->owner, obj);
  if (!d->def->get) {
    return raise(&exc_AttributeError, "attribute '" + str_of(d->name) + "' of '" + owner_name(d->owner) +
                                          "' objects is not readable");
  }
  return d->def->get(obj);
}

int getset_set(Value descr, Value obj, Value v) {
  GetSetDescr* d = gs_of(descr);
  if (!isinstance_fast(obj, d->owner)) {
    raise_doesnt_apply("descriptor", d->name, d->owner, obj);
    return -1;
  }
  if (!d->def->set) {
    raise(&exc_AttributeError, "attribute '" + str_of(d->name) + "' of '" + owner_name(d->owner) +
                                   "' objects is not writable");
    return -1;
  }
  return d->def->set(obj, v);
}

Value getset_repr(Value self) {
  GetSetDescr* d = gs_of(self);
  return Value(str_new("<attribute '" + str_of(d->name) + "' of '" + owner_name(d->owner) + "' objects>"));
}

Value gs_get_name(Value self) { return Value(gs_of(self)->name); }
Value gs_get_qualname(Value self) {
  GetSetDescr* d = gs_of(self);
  return Value(str_new(str_of(d->owner->qualname) + "." + str_of(d->name)));
}
Value gs_get_objclass(Value self) { return Value(gs_of(self)->owner); }

const GetSetDef kGetSetDescrGetSets[] = {
    {"__name__", gs_get_name, nullptr},
    {"__qualname__", gs_get_qualname, nullptr},
    {"__objclass__", gs_get_objclass, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// member_descriptor (__slots__)
// ---------------------------------------------------------------------------------------------

// Laid out as a getset descriptor without a def, so that it shares __name__, __qualname__ and
// __objclass__.
struct MemberDescr : GetSetDescr {
  uint32_t offset;
};

Value* member_slot(Value descr, Value obj) {
  auto* d = static_cast<MemberDescr*>(descr.as_object());
  if (!isinstance_fast(obj, d->owner)) {
    raise_doesnt_apply("descriptor", d->name, d->owner, obj);
    return nullptr;
  }
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.as_object()) + d->offset);
}

Value member_get(Value descr, Value obj, Value) {
  if (!obj) return descr;
  Value* slot = member_slot(descr, obj);
  if (!slot) return Value();
  if (!*slot) return raise_attribute_error(obj, gs_of(descr)->name);
  return *slot;
}

int member_set(Value descr, Value obj, Value v) {
  Value* slot = member_slot(descr, obj);
  if (!slot) return -1;
  if (!v && !*slot) {
    raise(&exc_AttributeError, gs_of(descr)->name->view());  // CPython's message: just the name
    return -1;
  }
  *slot = v;
  return 0;
}

Value member_repr(Value self) {
  GetSetDescr* d = gs_of(self);
  return Value(str_new("<member '" + str_of(d->name) + "' of '" + owner_name(d->owner) + "' objects>"));
}

// ---------------------------------------------------------------------------------------------
// wrapper_descriptor / method-wrapper
// ---------------------------------------------------------------------------------------------

SlotWrapper* sw_of(Value v) { return v.as<SlotWrapper>(); }

Value raise_wrapper_type(SlotWrapper* w, Value obj) {
  return raise(&exc_TypeError, std::string("descriptor '") + w->def->name + "' requires a '" +
                                   owner_name(w->owner) + "' object but received a '" +
                                   type_name(obj) + "'");
}

Value wrapper_descr_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  SlotWrapper* w = sw_of(callable);
  if (nargs == 0) {
    return raise(&exc_TypeError, std::string("descriptor '") + w->def->name + "' of '" +
                                     owner_name(w->owner) + "' object needs an argument");
  }
  if (!isinstance_fast(args[0], w->owner)) return raise_wrapper_type(w, args[0]);
  return slot_wrapper_invoke(w->def, w->fn, w->owner, args[0], args + 1, nargs - 1, kwnames);
}

Value wrapper_descr_get(Value descr, Value obj, Value type) {
  if (!obj) return descr;
  SlotWrapper* w = sw_of(descr);
  if (!isinstance_fast(obj, w->owner)) return raise_wrapper_type(w, obj);
  MethodWrapper* m = alloc<MethodWrapper>(&method_wrapper_type);
  m->descr = w;
  m->self = obj;
  return Value(m);
}

Value wrapper_descr_repr(Value self) {
  SlotWrapper* w = sw_of(self);
  return Value(str_new(std::string("<slot wrapper '") + w->def->name + "' of '" + owner_name(w->owner) +
                       "' objects>"));
}

Value sw_get_name(Value self) { return Value(intern(sw_of(self)->def->name)); }
Value sw_get_qualname(Value self) {
  SlotWrapper* w = sw_of(self);
  return Value(str_new(str_of(w->owner->qualname) + "." + w->def->name));
}
Value sw_get_objclass(Value self) { return Value(sw_of(self)->owner); }

const GetSetDef kWrapperDescrGetSets[] = {
    {"__name__", sw_get_name, nullptr},
    {"__qualname__", sw_get_qualname, nullptr},
    {"__objclass__", sw_get_objclass, nullptr},
    {"__text_signature__", get_none, nullptr},
    {nullptr, nullptr, nullptr},
};

MethodWrapper* mw_of(Value v) { return v.as<MethodWrapper>(); }

Value method_wrapper_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  MethodWrapper* m = mw_of(callable);
  return slot_wrapper_invoke(m->descr->def, m->descr->fn, m->descr->owner, m->self, args, nargs, kwnames);
}

Value method_wrapper_repr(Value self) {
  MethodWrapper* m = mw_of(self);
  return Value(str_new(std::string("<method-wrapper '") + m->descr->def->name + "' of " +
                       type_name(m->self) + " object at " + address(m->self) + ">"));
}

Value method_wrapper_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &method_wrapper_type) {
    return not_implemented_value();
  }
  bool eq = mw_of(a)->descr == mw_of(b)->descr && mw_of(a)->self.is(mw_of(b)->self);
  return bool_value(op == CompareOp::Eq ? eq : !eq);
}

int64_t method_wrapper_hash(Value self) {
  int64_t h = object_hash_identity(Value(mw_of(self)->descr)) ^ object_hash_identity(mw_of(self)->self);
  return h == -1 ? -2 : h;
}

Value mw_get_self(Value self) { return mw_of(self)->self; }
Value mw_get_name(Value self) { return Value(intern(mw_of(self)->descr->def->name)); }
Value mw_get_qualname(Value self) { return sw_get_qualname(Value(mw_of(self)->descr)); }
Value mw_get_objclass(Value self) { return Value(mw_of(self)->descr->owner); }

const GetSetDef kMethodWrapperGetSets[] = {
    {"__self__", mw_get_self, nullptr},
    {"__name__", mw_get_name, nullptr},
    {"__qualname__", mw_get_qualname, nullptr},
    {"__objclass__", mw_get_objclass, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// property
// ---------------------------------------------------------------------------------------------

Property* prop_of(Value v) { return v.as<Property>(); }

// "property 'x' of 'C' object has no getter" (without the name before __set_name__ ran).
Value raise_property_missing(Property* p, Value obj, const char* what) {
  std::string msg = "property ";
  if (p->name && str_check(p->name)) msg += "'" + str_of(p->name.as<Str>()) + "' ";
  msg += std::string("of '") + type_name(obj) + "' object has no " + what;
  return raise(&exc_AttributeError, msg);
}

Value property_get(Value self, Value obj, Value type) {
  if (!obj) return self;
  Property* p = prop_of(self);
  if (!p->fget || is_none(p->fget)) return raise_property_missing(p, obj, "getter");
  return call(p->fget, {obj});
}

int property_set(Value self, Value obj, Value v) {
  Property* p = prop_of(self);
  Value f = v ? p->fset : p->fdel;
  if (!f || is_none(f)) {
    raise_property_missing(p, obj, v ? "setter" : "deleter");
    return -1;
  }
  Value r = v ? call(f, {obj, v}) : call(f, {obj});
  return r ? 0 : -1;
}

// Takes __doc__ from the getter when no doc is given (as CPython does).
int property_fill(Property* p, Value fget, Value fset, Value fdel, Value doc) {
  p->fget = fget && !is_none(fget) ? fget : Value();
  p->fset = fset && !is_none(fset) ? fset : Value();
  p->fdel = fdel && !is_none(fdel) ? fdel : Value();
  p->doc = doc && !is_none(doc) ? doc : Value();
  p->getter_doc = false;
  if (!p->doc && p->fget) {
    Value d = getattr_optional(p->fget, NAME(__doc__));
    if (!d && error_pending()) return -1;
    if (d && !is_none(d)) {
      p->doc = d;
      p->getter_doc = true;
    }
  }
  return 0;
}

Value property_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return Value(alloc_instance(type));
}

int property_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[4];
  if (!bind_args({"property", {"fget", "fset", "fdel", "doc"}, 4, 0}, args, nargs, kwnames, out)) return -1;
  return property_fill(prop_of(self), out[0], out[1], out[2], out[3]);
}

// getter/setter/deleter: a copy of the property with one function replaced.
Value property_copy(Value self, Value fget, Value fset, Value fdel) {
  Property* p = prop_of(self);
  Value doc = p->getter_doc ? none_value() : none_if_null(p->doc);
  Value np = call(Value(type_of(self)), {none_if_null(fget), none_if_null(fset), none_if_null(fdel), doc});
  if (!np) return np;
  if (type_of(np) == &property_type || is_subtype(type_of(np), &property_type)) prop_of(np)->name = p->name;
  return np;
}

Value property_getter(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getter", kwnames) || !check_nargs("getter", nargs, 1, 1)) return Value();
  Property* p = prop_of(self);
  return property_copy(self, args[0], p->fset, p->fdel);
}
Value property_setter(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setter", kwnames) || !check_nargs("setter", nargs, 1, 1)) return Value();
  Property* p = prop_of(self);
  return property_copy(self, p->fget, args[0], p->fdel);
}
Value property_deleter(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("deleter", kwnames) || !check_nargs("deleter", nargs, 1, 1)) return Value();
  Property* p = prop_of(self);
  return property_copy(self, p->fget, p->fset, args[0]);
}
Value property_set_name(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__set_name__", kwnames) || !check_nargs("__set_name__", nargs, 2, 2)) return Value();
  prop_of(self)->name = args[1];
  return none_value();
}

const MethodDef kPropertyMethods[] = {
    {"getter", property_getter},
    {"setter", property_setter},
    {"deleter", property_deleter},
    {"__set_name__", property_set_name},
    {nullptr, nullptr},
};

Value prop_get_fget(Value self) { return none_if_null(prop_of(self)->fget); }
Value prop_get_fset(Value self) { return none_if_null(prop_of(self)->fset); }
Value prop_get_fdel(Value self) { return none_if_null(prop_of(self)->fdel); }
Value prop_get_doc(Value self) { return none_if_null(prop_of(self)->doc); }
int prop_set_doc(Value self, Value v) {
  prop_of(self)->doc = v;
  prop_of(self)->getter_doc = false;
  return 0;
}

// True if any of the functions says it is abstract (abc.abstractmethod).
Value abstract_of(std::initializer_list<Value> funcs) {
  for (Value f : funcs) {
    if (!f) continue;
    Value a = getattr_optional(f, NAME(__isabstractmethod__));
    if (!a) {
      if (error_pending()) return Value();
      continue;
    }
    int t = is_true(a);
    if (t < 0) return Value();
    if (t) return true_value();
  }
  return false_value();
}

Value prop_get_isabstract(Value self) {
  Property* p = prop_of(self);
  return abstract_of({p->fget, p->fset, p->fdel});
}

const GetSetDef kPropertyGetSets[] = {
    {"fget", prop_get_fget, nullptr},
    {"fset", prop_get_fset, nullptr},
    {"fdel", prop_get_fdel, nullptr},
    {"__doc__", prop_get_doc, prop_set_doc},
    {"__isabstractmethod__", prop_get_isabstract, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// classmethod / staticmethod
// ---------------------------------------------------------------------------------------------

FunctionWrapper* fw_of(Value v) { return v.as<FunctionWrapper>(); }

Value fw_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return Value(alloc_instance(type));
}

// Like functools.wraps: the wrapper shows the wrapped function's name, doc and module.
int fw_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = type_of(self) == &classmethod_type || is_subtype(type_of(self), &classmethod_type)
                         ? "classmethod"
                         : "staticmethod";
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return -1;
  FunctionWrapper* w = fw_of(self);
  w->callable = args[0];
  if (!w->dict) w->dict = dict_new();
  for (Str* attr : {NAME(__module__), NAME(__name__), NAME(__qualname__), NAME(__doc__)}) {
    Value v = getattr_optional(args[0], attr);
    if (!v) {
      if (error_pending()) return -1;
      continue;
    }
    if (dict_set_str(w->dict, attr, v) < 0) return -1;
  }
  return 0;
}

Value classmethod_get(Value self, Value obj, Value type) {
  FunctionWrapper* w = fw_of(self);
  if (!type) type = Value(type_of(obj));
  if (DescrGetFn get = type_of(w->callable)->tp_descr_get) return get(w->callable, type, Value(type_of(type)));
  return method_new(w->callable, type);
}

Value staticmethod_get(Value self, Value obj, Value type) { return fw_of(self)->callable; }

Value staticmethod_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  return call(fw_of(callable)->callable, args, nargs, kwnames);
}

Value fw_repr(Value self) {
  std::string s = std::string("<") + type_name(self) + "(";
  if (!append_repr_of(s, fw_of(self)->callable)) return Value();
  return Value(str_new(s + ")>"));
}

Value fw_get_func(Value self) { return fw_of(self)->callable; }
Value fw_get_isabstract(Value self) { return abstract_of({fw_of(self)->callable}); }

const GetSetDef kFunctionWrapperGetSets[] = {
    {"__func__", fw_get_func, nullptr},
    {"__wrapped__", fw_get_func, nullptr},
    {"__isabstractmethod__", fw_get_isabstract, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// super
// ---------------------------------------------------------------------------------------------

Super* su_of(Value v) { return v.as<Super>(); }

// The class whose MRO super() searches for `obj`, or null with TypeError.
Type* supercheck(Type* type, Value obj) {
  if (isinstance_fast(obj, &type_type) && is_subtype(obj.as<Type>(), type)) return obj.as<Type>();
  Type* ot = type_of(obj);
  if (is_subtype(ot, type)) return ot;
  // A proxy may claim another class through __class__.
  Value cls = getattr_optional(obj, NAME(__class__));
  if (!cls && error_pending()) return nullptr;
  if (cls && isinstance_fast(cls, &type_type) && cls.as<Type>() != ot && is_subtype(cls.as<Type>(), type)) {
    return cls.as<Type>();
  }
  raise(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

int super_fill(Super* su, Value type, Value obj) {
  if (!isinstance_fast(type, &type_type)) {
    raise(&exc_TypeError, std::string("super() argument 1 must be a type, not ") + type_name(type));
    return -1;
  }
  Type* obj_type = nullptr;
  if (obj && !is_none(obj)) {
    obj_type = supercheck(type.as<Type>(), obj);
    if (!obj_type) return -1;
  } else {
    obj = Value();
  }
  su->type = type.as<Type>();
  su->obj = obj;
  su->obj_type = obj_type;
  return 0;
}

Value super_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return Value(alloc_instance(type));
}

int super_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("super", kwnames)) return -1;
  if (nargs == 0) {
    // super() in a method: the VM finds the __class__ cell and the first argument.
    Value type, obj;
    if (!super_arguments(&type, &obj)) return -1;
    return super_fill(su_of(self), type, obj);
  }
  if (!check_nargs("super", nargs, 1, 2)) return -1;
  return super_fill(su_of(self), args[0], nargs > 1 ? args[1] : Value());
}

Value super_getattro(Value self, Str* name) {
  Super* su = su_of(self);
  Type* start = su->obj_type;
  // __class__ is the super object's own; everything else is searched after `type` in the MRO.
  if (start && !str_equal(name, NAME(__class__))) {
    Tuple* mro = start->mro;
    int64_t i = 0;
    while (i < mro->size && (*mro)[i].as<Type>() != su->type) ++i;
    for (++i; i < mro->size; ++i) {
      Type* t = (*mro)[i].as<Type>();
      Value v = dict_get_str(t->dict, name);
      if (!v) continue;
      if (DescrGetFn get = type_of(v)->tp_descr_get) {
        return get(v, su->obj.is(Value(start)) ? Value() : su->obj, Value(start));
      }
      return v;
    }
  }
  return object_generic_getattr(self, name);
}

Value super_descr_get(Value self, Value obj, Value type) {
  Super* su = su_of(self);
  if (!obj || su->obj) return self;
  Value args[2] = {Value(su->type), obj};
  return call(Value(type_of(self)), args, 2);
}

Value super_repr(Value self) {
  Super* su = su_of(self);
  std::string s = "<super: <class '" + str_of(su->type->name_str) + "'>, ";
  if (su->obj_type) {
    s += "<" + str_of(su->obj_type->name_str) + " object>>";
  } else {
    s += "NULL>";
  }
  return Value(str_new(s));
}

Value su_get_thisclass(Value self) { return Value(su_of(self)->type); }
Value su_get_self(Value self) { return none_if_null(su_of(self)->obj); }
Value su_get_self_class(Value self) {
  Type* t = su_of(self)->obj_type;
  return t ? Value(t) : none_value();
}

const GetSetDef kSuperGetSets[] = {
    {"__thisclass__", su_get_thisclass, nullptr},
    {"__self__", su_get_self, nullptr},
    {"__self_class__", su_get_self_class, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// mappingproxy
// ---------------------------------------------------------------------------------------------

Value mp_of(Value v) { return v.as<MappingProxy>()->mapping; }

Value mappingproxy_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[1];
  if (!bind_args({"mappingproxy", {"mapping"}, 1, 1}, args, nargs, kwnames, out)) return Value();
  Value m = out[0];
  Type* mt = type_of(m);
  if (!mt->mp_subscript || list_check(m) || tuple_check(m)) {
    return raise(&exc_TypeError, std::string("mappingproxy() argument must be a mapping, not ") + type_name(m));
  }
  return mappingproxy_new(m);
}

Value mappingproxy_getitem(Value self, Value key) { return getitem(mp_of(self), key); }
int64_t mappingproxy_len(Value self) { return length(mp_of(self)); }
int mappingproxy_contains(Value self, Value key) { return contains(mp_of(self), key); }
Value mappingproxy_iter(Value self) { return get_iter(mp_of(self)); }
Value mappingproxy_str(Value self) { return to_str(mp_of(self)); }
Value mappingproxy_richcompare(Value self, Value other, CompareOp op) { return compare(mp_of(self), other, op); }

Value mappingproxy_repr(Value self) {
  std::string s = "mappingproxy(";
  if (!append_repr_of(s, mp_of(self))) return Value();
  return Value(str_new(s + ")"));
}

Value mappingproxy_forward(Value self, const char* name, const Value* args, size_t nargs, Tuple* kwnames) {
  Value m = getattr_cstr(mp_of(self), name);
  if (!m) return m;
  return call(m, args, nargs, kwnames);
}

Value mappingproxy_keys(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return mappingproxy_forward(self, "keys", args, nargs, kwnames);
}
Value mappingproxy_values(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return mappingproxy_forward(self, "values", args, nargs, kwnames);
}
Value mappingproxy_items(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return mappingproxy_forward(self, "items", args, nargs, kwnames);
}
Value mappingproxy_get(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return mappingproxy_forward(self, "get", args, nargs, kwnames);
}
Value mappingproxy_copy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return mappingproxy_forward(self, "copy", args, nargs, kwnames);
}

const MethodDef kMappingProxyMethods[] = {
    {"keys", mappingproxy_keys},
    {"values", mappingproxy_values},
    {"items", mappingproxy_items},
    {"get", mappingproxy_get},
    {"copy", mappingproxy_copy},
    {nullptr, nullptr},
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------------------------

Value builtin_function_new(const MethodDef* def, Value self, Value module) {
  BuiltinFunction* f = alloc<BuiltinFunction>(&builtin_function_type);
  f->def = def;
  f->self = self;
  f->name = intern(def->name);
  f->module = module;
  return Value(f);
}

Value method_descr_new(Type* owner, const MethodDef* def) {
  MethodDescr* d = alloc<MethodDescr>(&method_descriptor_type);
  d->owner = owner;
  d->def = def;
  d->name = intern(def->name);
  return Value(d);
}

Value getset_descr_new(Type* owner, const GetSetDef* def) {
  GetSetDescr* d = alloc<GetSetDescr>(&getset_descriptor_type);
  d->owner = owner;
  d->def = def;
  d->name = intern(def->name);
  return Value(d);
}

Value member_descr_new(Type* owner, Str* name, uint32_t offset) {
  auto* d = static_cast<MemberDescr*>(alloc_object(&member_descriptor_type, sizeof(MemberDescr)));
  d->owner = owner;
  d->def = nullptr;
  d->name = name;
  d->offset = offset;
  return Value(d);
}

Value slot_wrapper_new(Type* owner, const SlotDef* def, void* fn) {
  SlotWrapper* w = alloc<SlotWrapper>(&wrapper_descriptor_type);
  w->owner = owner;
  w->def = def;
  w->fn = fn;
  return Value(w);
}

Value property_new(Value fget, Value fset, Value fdel, Value doc) {
  Property* p = alloc<Property>(&property_type);
  if (property_fill(p, fget, fset, fdel, doc) < 0) return Value();
  return Value(p);
}

Value classmethod_new(Value callable) {
  Value w = Value(alloc_instance(&classmethod_type));
  Value arg = callable;
  if (fw_init(w, &arg, 1, nullptr) < 0) return Value();
  return w;
}

Value staticmethod_new(Value callable) {
  Value w = Value(alloc_instance(&staticmethod_type));
  Value arg = callable;
  if (fw_init(w, &arg, 1, nullptr) < 0) return Value();
  return w;
}

Value super_new(Type* type, Value obj) {
  Super* su = alloc<Super>(&super_type);
  if (super_fill(su, Value(type), obj) < 0) return Value();
  return Value(su);
}

Value mappingproxy_new(Value mapping) {
  MappingProxy* p = alloc<MappingProxy>(&mappingproxy_type);
  p->mapping = mapping;
  return Value(p);
}

void descriptor_types_init() {
  builtin_function_type.basicsize = sizeof(BuiltinFunction);
  builtin_function_type.tp_call = builtin_call;
  builtin_function_type.tp_repr = builtin_repr;
  builtin_function_type.tp_richcompare = builtin_richcompare;
  builtin_function_type.tp_hash = builtin_hash;
  type_ready(&builtin_function_type, "builtin_function_or_method", &object_type, nullptr, kBuiltinGetSets);

  method_descriptor_type.basicsize = sizeof(MethodDescr);
  method_descriptor_type.flags |= kTypeMethodDescriptor;
  method_descriptor_type.tp_call = method_descr_call;
  method_descriptor_type.tp_descr_get = method_descr_get;
  method_descriptor_type.tp_repr = method_descr_repr;
  type_ready(&method_descriptor_type, "method_descriptor", &object_type, nullptr, kMethodDescrGetSets);

  classmethod_descriptor_type.basicsize = sizeof(MethodDescr);
  classmethod_descriptor_type.tp_call = classmethod_descr_call;
  classmethod_descriptor_type.tp_descr_get = classmethod_descr_get;
  classmethod_descriptor_type.tp_repr = method_descr_repr;
  type_ready(&classmethod_descriptor_type, "classmethod_descriptor", &object_type, nullptr,
             kMethodDescrGetSets);

  getset_descriptor_type.basicsize = sizeof(GetSetDescr);
  getset_descriptor_type.tp_descr_get = getset_get;
  getset_descriptor_type.tp_descr_set = getset_set;
  getset_descriptor_type.tp_repr = getset_repr;
  type_ready(&getset_descriptor_type, "getset_descriptor", &object_type, nullptr, kGetSetDescrGetSets);

  member_descriptor_type.basicsize = sizeof(MemberDescr);
  member_descriptor_type.tp_descr_get = member_get;
  member_descriptor_type.tp_descr_set = member_set;
  member_descriptor_type.tp_repr = member_repr;
  type_ready(&member_descriptor_type, "member_descriptor", &object_type, nullptr, kGetSetDescrGetSets);

  wrapper_descriptor_type.basicsize = sizeof(SlotWrapper);
  wrapper_descriptor_type.flags |= kTypeMethodDescriptor;
  wrapper_descriptor_type.tp_call = wrapper_descr_call;
  wrapper_descriptor_type.tp_descr_get = wrapper_descr_get;
  wrapper_descriptor_type.tp_repr = wrapper_descr_repr;
  type_ready(&wrapper_descriptor_type, "wrapper_descriptor", &object_type, nullptr, kWrapperDescrGetSets);

  method_wrapper_type.basicsize = sizeof(MethodWrapper);
  method_wrapper_type.tp_call = method_wrapper_call;
  method_wrapper_type.tp_repr = method_wrapper_repr;
  method_wrapper_type.tp_richcompare = method_wrapper_richcompare;
  method_wrapper_type.tp_hash = method_wrapper_hash;
  type_ready(&method_wrapper_type, "method-wrapper", &object_type, nullptr, kMethodWrapperGetSets);

  property_type.flags |= kTypeBaseType;
  property_type.basicsize = sizeof(Property);
  property_type.tp_new = property_tp_new;
  property_type.tp_init = property_init;
  property_type.tp_descr_get = property_get;
  property_type.tp_descr_set = property_set;
  type_ready(&property_type, "property", &object_type, kPropertyMethods, kPropertyGetSets);

  for (Type* t : {&classmethod_type, &staticmethod_type}) {
    t->flags |= kTypeBaseType;
    t->basicsize = sizeof(FunctionWrapper);
    t->dict_offset = static_cast<int32_t>(offsetof(FunctionWrapper, dict));
    t->tp_new = fw_tp_new;
    t->tp_init = fw_init;
    t->tp_repr = fw_repr;
  }
  classmethod_type.tp_descr_get = classmethod_get;
  staticmethod_type.tp_descr_get = staticmethod_get;
  staticmethod_type.tp_call = staticmethod_call;
  type_ready(&classmethod_type, "classmethod", &object_type, nullptr, kFunctionWrapperGetSets);
  type_ready(&staticmethod_type, "staticmethod", &object_type, nullptr, kFunctionWrapperGetSets);

  super_type.flags |= kTypeBaseType;
  super_type.basicsize = sizeof(Super);
  super_type.tp_new = super_tp_new;
  super_type.tp_init = super_init;
  super_type.tp_getattr = super_getattro;
  super_type.tp_descr_get = super_descr_get;
  super_type.tp_repr = super_repr;
  type_ready(&super_type, "super", &object_type, nullptr, kSuperGetSets);

  mappingproxy_type.basicsize = sizeof(MappingProxy);
  mappingproxy_type.tp_new = mappingproxy_tp_new;
  mappingproxy_type.tp_repr = mappingproxy_repr;
  mappingproxy_type.tp_str = mappingproxy_str;
  mappingproxy_type.tp_richcompare = mappingproxy_richcompare;
  mappingproxy_type.tp_iter = mappingproxy_iter;
  mappingproxy_type.mp_length = mappingproxy_len;
  mappingproxy_type.mp_subscript = mappingproxy_getitem;
  mappingproxy_type.sq_contains = mappingproxy_contains;
  type_ready(&mappingproxy_type, "mappingproxy", &object_type, kMappingProxyMethods);
}

}  // namespace minipy
