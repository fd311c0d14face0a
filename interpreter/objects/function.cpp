#include "objects/function.h"

#include <cstddef>
#include <cstdio>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "vm/eval.h"

namespace minipy {

Type function_type, method_type, cell_type;

bool function_check(Value v) { return v.is_object() && v.as_object()->type == &function_type; }
bool method_check(Value v) { return v.is_object() && v.as_object()->type == &method_type; }

Function* function_new(Code* code, Dict* globals) {
  auto* fn = alloc<Function>(&function_type);
  fn->code = code;
  fn->globals = globals;
  fn->builtins = builtins_for_globals(globals);
  fn->name = code->name;
  fn->qualname = code->qualname;
  Value module = dict_get_str(globals, intern("__name__"));
  fn->module = module ? module : none_value();
  error_clear();
  fn->doc = code->docstring ? code->docstring : none_value();
  return fn;
}

Value method_new(Value func, Value self) {
  auto* m = alloc<Method>(&method_type);
  m->func = func;
  m->self = self;
  return m;
}

Cell* cell_new(Value contents) {
  auto* c = alloc<Cell>(&cell_type);
  c->contents = contents;
  return c;
}

namespace {

// ---- function ------------------------------------------------------------------------------

Function* fn_of(Value v) { return v.as<Function>(); }

std::string address_of(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

Value function_repr(Value self) {
  Function* fn = fn_of(self);
  return str_new("<function " + std::string(fn->qualname->view()) + " at " + address_of(fn) + ">");
}

Value function_descr_get(Value descr, Value obj, Value) {
  if (!obj || is_none(obj)) return descr;
  return method_new(descr, obj);
}

Value get_name(Value s) { return fn_of(s)->name; }
int set_name(Value s, Value v) {
  if (!v || !str_check(v)) {
    raise(&exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  fn_of(s)->name = v.as<Str>();
  return 0;
}
Value get_qualname(Value s) { return fn_of(s)->qualname; }
int set_qualname(Value s, Value v) {
  if (!v || !str_check(v)) {
    raise(&exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  fn_of(s)->qualname = v.as<Str>();
  return 0;
}
Value get_module(Value s) { return fn_of(s)->module; }
int set_module(Value s, Value v) {
  fn_of(s)->module = v ? v : none_value();
  return 0;
}
Value get_doc(Value s) { return fn_of(s)->doc; }
int set_doc(Value s, Value v) {
  fn_of(s)->doc = v ? v : none_value();
  return 0;
}
Value get_defaults(Value s) {
  Tuple* d = fn_of(s)->defaults;
  return d ? Value(d) : none_value();
}
int set_defaults(Value s, Value v) {
  if (v && !is_none(v) && !tuple_check(v)) {
    raise(&exc_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  fn_of(s)->defaults = v && !is_none(v) ? v.as<Tuple>() : nullptr;
  return 0;
}
Value get_kwdefaults(Value s) {
  Dict* d = fn_of(s)->kwdefaults;
  return d ? Value(d) : none_value();
}
int set_kwdefaults(Value s, Value v) {
  if (v && !is_none(v) && !dict_check(v)) {
    raise(&exc_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  fn_of(s)->kwdefaults = (v && !is_none(v)) ? v.as<Dict>() : nullptr;
  return 0;
}
Value get_code(Value s) { return fn_of(s)->code; }
int set_code(Value s, Value v) {
  if (!v || !code_check(v)) {
    raise(&exc_TypeError, "__code__ must be set to a code object");
    return -1;
  }
  Function* fn = fn_of(s);
  Code* c = v.as<Code>();
  int64_t nclosure = fn->closure ? fn->closure->size : 0;
  if (c->nfree != nclosure) {
    raise(&exc_ValueError, std::string(fn->name->view()) + "() requires a code object with " +
                               std::to_string(nclosure) + " free vars, not " + std::to_string(c->nfree));
    return -1;
  }
  fn->code = c;
  return 0;
}
Value get_globals(Value s) { return fn_of(s)->globals; }
Value get_builtins(Value s) { return fn_of(s)->builtins; }
Value get_closure(Value s) {
  Tuple* c = fn_of(s)->closure;
  return c ? Value(c) : none_value();
}
Value get_annotations(Value s) {
  Function* fn = fn_of(s);
  if (!fn->annotations || is_none(fn->annotations)) fn->annotations = dict_new();
  return fn->annotations;
}
int set_annotations(Value s, Value v) {
  if (v && !is_none(v) && !dict_check(v)) {
    raise(&exc_TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  fn_of(s)->annotations = v;
  return 0;
}
Value get_dict(Value s) {
  Function* fn = fn_of(s);
  if (!fn->dict) fn->dict = dict_new();
  return fn->dict;
}
int set_dict(Value s, Value v) {
  if (!v || !dict_check(v)) {
    raise(&exc_TypeError, !v ? "__dict__ may not be deleted"
                             : "__dict__ must be set to a dictionary, not a '" + std::string(type_name(v)) + "'");
    return -1;
  }
  fn_of(s)->dict = v.as<Dict>();
  return 0;
}

const GetSetDef kFunctionGetSets[] = {
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__module__", get_module, set_module},
    {"__doc__", get_doc, set_doc},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__code__", get_code, set_code},
    {"__globals__", get_globals, nullptr},
    {"__builtins__", get_builtins, nullptr},
    {"__closure__", get_closure, nullptr},
    {"__annotations__", get_annotations, set_annotations},
    {"__dict__", get_dict, set_dict},
    {nullptr, nullptr, nullptr},
};

// ---- bound method --------------------------------------------------------------------------

Method* m_of(Value v) { return v.as<Method>(); }

Value method_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Method* m = m_of(callable);
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  // Prepend self without a heap allocation for the common small calls.
  Value small[8];
  Value* buf = total + 1 <= 8 ? small : static_cast<Value*>(gc_malloc(sizeof(Value) * (total + 1)));
  buf[0] = m->self;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(m->func, buf, nargs + 1, kwnames);
}

Value method_repr(Value self) {
  Method* m = m_of(self);
  Value name = getattr_optional(m->func, intern("__qualname__"));
  if (!name && !error_pending()) name = getattr_optional(m->func, intern("__name__"));
  if (error_pending()) return Value();
  Value self_repr = repr(m->self);
  if (!self_repr) return Value();
  std::string n = name && str_check(name) ? std::string(name.as<Str>()->view()) : "?";
  return str_new("<bound method " + n + " of " + std::string(self_repr.as<Str>()->view()) + ">");
}

Value method_getattr(Value self, Str* name) {
  Value descr = type_lookup(&method_type, name);
  if (descr) {
    DescrGetFn get = type_of(descr)->tp_descr_get;
    return get ? get(descr, self, Value(&method_type)) : descr;
  }
  return getattr(m_of(self)->func, name);
}

Value method_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !method_check(b)) return not_implemented_value();
  Method* x = m_of(a);
  Method* y = m_of(b);
  int eq = x->self.is(y->self) ? equals(x->func, y->func) : 0;
  if (eq < 0) return Value();
  return bool_value(op == CompareOp::Eq ? eq : !eq);
}

int64_t method_hash(Value self) {
  Method* m = m_of(self);
  int64_t h = hash(m->func);
  if (h == -1) return -1;
  int64_t r = h ^ static_cast<int64_t>(object_hash_identity(m->self));
  return r == -1 ? -2 : r;
}

Value method_descr_get(Value descr, Value, Value) { return descr; }

const GetSetDef kMethodGetSets[] = {
    {"__func__", [](Value s) -> Value { return m_of(s)->func; }, nullptr},
    {"__self__", [](Value s) -> Value { return m_of(s)->self; }, nullptr},
    {"__doc__", [](Value s) -> Value {
       Value d = getattr_optional(m_of(s)->func, intern("__doc__"));
       return d ? d : (error_pending() ? Value() : none_value());
     }, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---- cell ----------------------------------------------------------------------------------

Value cell_repr(Value self) {
  Cell* c = self.as<Cell>();
  std::string s = "<cell at " + address_of(c) + ": ";
  if (!c->contents) return str_new(s + "empty>");
  Value v = c->contents;
  return str_new(s + type_name(v) + " object at " +
                 address_of(v.is_small_int() ? static_cast<const void*>(nullptr) : v.as_object()) + ">");
}

Value cell_get_contents(Value self) {
  Cell* c = self.as<Cell>();
  if (!c->contents) return raise(&exc_ValueError, "Cell is empty");
  return c->contents;
}

int cell_set_contents(Value self, Value v) {
  self.as<Cell>()->contents = v;
  return 0;
}

const GetSetDef kCellGetSets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {nullptr, nullptr, nullptr},
};

// types.MethodType(func, instance): contextlib and copy build bound methods this way.
Value method_tp_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("method", kwnames) || !check_nargs("method", nargs, 2, 2)) return Value();
  if (!is_callable(args[0])) return raise(&exc_TypeError, "first argument must be callable");
  if (is_none(args[1])) return raise(&exc_TypeError, "instance must not be None");
  return method_new(args[0], args[1]);
}

}  // namespace

void function_types_init() {
  function_type.tp_call = function_call;
  function_type.tp_repr = function_repr;
  function_type.tp_descr_get = function_descr_get;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Function is a plain aggregate over Object
  function_type.dict_offset = offsetof(Function, dict);
#pragma GCC diagnostic pop
  function_type.basicsize = sizeof(Function);
  type_ready(&function_type, "function", nullptr, nullptr, kFunctionGetSets);

  method_type.tp_new = method_tp_new;
  method_type.tp_call = method_call;
  method_type.tp_repr = method_repr;
  method_type.tp_getattr = method_getattr;
  method_type.tp_richcompare = method_richcompare;
  method_type.tp_hash = method_hash;
  method_type.tp_descr_get = method_descr_get;
  method_type.basicsize = sizeof(Method);
  type_ready(&method_type, "method", nullptr, nullptr, kMethodGetSets);

  cell_type.tp_repr = cell_repr;
  cell_type.basicsize = sizeof(Cell);
  type_ready(&cell_type, "cell", nullptr, nullptr, kCellGetSets);
}

}  // namespace minipy
