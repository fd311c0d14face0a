// The class statement (builtins.__build_class__) and the frame side of zero-argument super().
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"
#include "vm/vm_internal.h"

namespace minipy {

namespace {

// PEP 560: bases that are not classes may supply replacements through __mro_entries__.
Tuple* resolve_bases(Tuple* bases, bool* changed) {
  *changed = false;
  List* out = nullptr;
  for (int64_t i = 0; i < bases->size; i++) {
    Value b = (*bases)[i];
    if (isinstance_fast(b, &type_type)) {
      if (out) list_append(out, b);
      continue;
    }
    Value meth = getattr_optional(b, intern("__mro_entries__"));
    if (!meth) {
      if (error_pending()) return nullptr;
      if (out) list_append(out, b);
      continue;
    }
    Value entries = call(meth, {Value(bases)});
    if (!entries) return nullptr;
    if (!tuple_check(entries)) {
      raise(&exc_TypeError, "__mro_entries__ must return a tuple");
      return nullptr;
    }
    if (!out) out = list_from_array(bases->items(), i);
    Tuple* t = entries.as<Tuple>();
    for (int64_t j = 0; j < t->size; j++) list_append(out, (*t)[j]);
    *changed = true;
  }
  return out ? tuple_from_array(out->items, out->size) : bases;
}

}  // namespace

Value build_class(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) return raise(&exc_TypeError, "__build_class__: not enough arguments");
  if (!function_check(args[0])) return raise(&exc_TypeError, "__build_class__: func must be a function");
  if (!str_check(args[1])) return raise(&exc_TypeError, "__build_class__: name is not a string");
  Function* body = args[0].as<Function>();
  Value name = args[1];
  Tuple* orig_bases = tuple_from_array(args + 2, static_cast<int64_t>(nargs - 2));
  bool changed;
  Tuple* bases = resolve_bases(orig_bases, &changed);
  if (!bases) return Value();

  // Keyword arguments: metaclass= is ours, the rest go to the metaclass and __init_subclass__.
  Value meta;
  GcVector<Value> kwvalues;
  GcVector<Value> kwkeys;
  int64_t nkw = kwnames ? kwnames->size : 0;
  for (int64_t i = 0; i < nkw; i++) {
    Value key = (*kwnames)[i];
    if (str_equal(key.as<Str>(), intern("metaclass"))) meta = args[nargs + i];
    else {
      kwkeys.push_back(key);
      kwvalues.push_back(args[nargs + i]);
    }
  }
  Tuple* kw = kwkeys.empty() ? nullptr : tuple_from_array(kwkeys.data(), static_cast<int64_t>(kwkeys.size()));
  bool meta_is_class;
  if (!meta) {
    meta = bases->size ? Value(type_of((*bases)[0])) : Value(&type_type);
    meta_is_class = true;
  } else {
    meta_is_class = isinstance_fast(meta, &type_type);
  }
  if (meta_is_class) {
    Type* winner = type_calculate_metaclass(meta.as<Type>(), bases);
    if (!winner) return Value();
    meta = winner;
  }

  // The namespace: meta.__prepare__(name, bases, **kwds) when it exists.
  Value ns;
  Value prepare = getattr_optional(meta, intern("__prepare__"));
  if (prepare) {
    GcVector<Value> pargs = {name, Value(bases)};
    pargs.insert(pargs.end(), kwvalues.begin(), kwvalues.end());
    ns = call(prepare, pargs.data(), 2, kw);
    if (!ns) return Value();
    if (!type_of(ns)->mp_subscript) {
      std::string who = meta_is_class ? std::string(meta.as<Type>()->name) : "<metaclass>";
      return raise(&exc_TypeError, who + ".__prepare__() must return a mapping, not " + type_name(ns));
    }
  } else {
    if (error_pending()) return Value();
    ns = dict_new();
  }

  Value cell = run_with_locals(body, ns);
  if (!cell) return Value();
  if (changed && setitem(ns, intern("__orig_bases__"), orig_bases) < 0) return Value();

  GcVector<Value> margs = {name, Value(bases), ns};
  margs.insert(margs.end(), kwvalues.begin(), kwvalues.end());
  Value cls = call(meta, margs.data(), 3, kw);
  if (!cls) return Value();
  // Zero-argument super() in the methods reads the class through the __class__ cell.
  if (cell.is_object() && cell.as_object()->type == &cell_type && !cell.as<Cell>()->contents) {
    cell.as<Cell>()->contents = cls;
  }
  return cls;
}

bool super_arguments(Value* type, Value* obj) {
  Frame* f = current_thread()->frame;
  if (!f) {
    raise(&exc_RuntimeError, "super(): no current frame");
    return false;
  }
  Code* co = f->code;
  if (co->argcount == 0 && !(co->flags & CO_VARARGS)) {
    raise(&exc_RuntimeError, "super(): no arguments");
    return false;
  }
  // The first argument, possibly moved into a cell because an inner function captures it.
  Value first = f->localsplus[0];
  for (int i = 0; i < co->ncells && co->cell2arg; i++) {
    if (co->cell2arg[i] == 0) first = f->localsplus[co->nlocals + i].as<Cell>()->contents;
  }
  if (co->argcount == 0) {
    Value args = f->localsplus[co->kwonlyargcount];
    first = args && tuple_check(args) && args.as<Tuple>()->size ? (*args.as<Tuple>())[0] : Value();
  }
  if (!first) {
    raise(&exc_RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  for (int i = 0; i < co->nfree; i++) {
    if (!str_equal((*co->freevars)[i].as<Str>(), intern("__class__"))) continue;
    Value cls = f->localsplus[co->nlocals + co->ncells + i].as<Cell>()->contents;
    if (!cls) {
      raise(&exc_RuntimeError, "super(): empty __class__ cell");
      return false;
    }
    if (!isinstance_fast(cls, &type_type)) {
      raise(&exc_RuntimeError, std::string("super(): __class__ is not a type (") + type_name(cls) + ")");
      return false;
    }
    *type = cls;
    *obj = first;
    return true;
  }
  raise(&exc_RuntimeError, "super(): __class__ cell not found");
  return false;
}

}  // namespace minipy
