// The less common instructions, kept out of the eval loop: unpacking, f-string pieces, imports,
// `with` entry, name lookups in locals mappings, annotations and the interactive display hook.
#include <string>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "vm/vm_internal.h"

namespace minipy {

// ---- unpacking -----------------------------------------------------------------------------------

namespace {

Value iter_for_unpack(Value seq) {
  Value it = get_iter(seq);
  if (!it && error_matches(&exc_TypeError) && !type_of(seq)->tp_iter && !type_of(seq)->mp_subscript) {
    error_clear();
    return raise(&exc_TypeError, std::string("cannot unpack non-iterable ") + type_name(seq) + " object");
  }
  return it;
}

}  // namespace

int unpack_sequence(Value seq, int64_t count, Value* out) {
  Value it = iter_for_unpack(seq);
  if (!it) return -1;
  // Items go to the stack in reverse so the first target is stored first.
  for (int64_t i = 0; i < count; i++) {
    Value v = iter_next(it);
    if (!v) {
      if (error_pending()) return -1;
      raise(&exc_ValueError, "not enough values to unpack (expected " + std::to_string(count) + ", got " +
                                 std::to_string(i) + ")");
      return -1;
    }
    out[count - 1 - i] = v;
  }
  Value extra = iter_next(it);
  if (extra) {
    raise(&exc_ValueError, "too many values to unpack (expected " + std::to_string(count) + ")");
    return -1;
  }
  return error_pending() ? -1 : 0;
}

int unpack_ex(Value seq, int before, int after, Value* out) {
  Value it = iter_for_unpack(seq);
  if (!it) return -1;
  int total = before + after + 1;
  for (int i = 0; i < before; i++) {
    Value v = iter_next(it);
    if (!v) {
      if (error_pending()) return -1;
      raise(&exc_ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                 ", got " + std::to_string(i) + ")");
      return -1;
    }
    out[total - 1 - i] = v;
  }
  Value rest = list_from_iterable(it);
  if (!rest) return -1;
  List* l = rest.as<List>();
  if (l->size < after) {
    raise(&exc_ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                               ", got " + std::to_string(before + l->size) + ")");
    return -1;
  }
  for (int i = 0; i < after; i++) out[after - 1 - i] = l->items[l->size - after + i];
  l->size -= after;
  out[after] = l;
  return 0;
}

// ---- f-strings -------------------------------------------------------------------------------------

Value format_value(Value v, int conversion, Value spec) {
  switch (conversion) {
    case 1: v = to_str(v); break;
    case 2: v = repr(v); break;
    case 3: v = ascii(v); break;
    default: break;
  }
  if (!v) return Value();
  if (!spec && str_check_exact(v)) return v;
  return format(v, spec ? spec.as<Str>() : str_new(""));
}

Value build_string(Value* items, int64_t n) {
  if (n == 1) return items[0];
  std::string s;
  for (int64_t i = 0; i < n; i++) s += items[i].as<Str>()->view();
  return str_new(s);
}

// ---- imports -----------------------------------------------------------------------------------------

Value import_name(Frame* f, Str* name, Value fromlist, Value level) {
  int64_t lv = 0;
  if (level.is_small_int()) lv = level.as_small_int();
  return import_module_level(name, f->globals, fromlist, static_cast<int>(lv));
}

Value import_from(Value module, Str* name) {
  Value v = getattr_optional(module, name);
  if (v || error_pending()) return v;
  // A submodule being imported circularly is in sys.modules before it is bound on its parent.
  Value modname = getattr_optional(module, intern("__name__"));
  if (error_pending()) return Value();
  if (modname && str_check(modname)) {
    std::string full = std::string(modname.as<Str>()->view()) + "." + std::string(name->view());
    Value sub = dict_get_str(modules_dict(), str_new(full));
    if (sub) return sub;
    if (error_pending()) return Value();
  }
  std::string mod = modname && str_check(modname) ? std::string(modname.as<Str>()->view()) : "<unknown module name>";
  Value file = getattr_optional(module, intern("__file__"));
  if (error_pending()) error_clear();
  std::string where = file && str_check(file) ? std::string(file.as<Str>()->view()) : "unknown location";
  raise(&exc_ImportError, "cannot import name '" + std::string(name->view()) + "' from '" + mod + "' (" + where + ")");
  Value exc = error_fetch();
  if (modname && setattr(exc, intern("name"), modname) < 0) error_clear();
  if (file && setattr(exc, intern("path"), file) < 0) error_clear();
  error_restore(exc);
  return Value();
}

int import_star(Frame* f, Value module) {
  if (!f->locals) {
    raise(&exc_SystemError, "no locals found during 'import *'");
    return -1;
  }
  Value all = getattr_optional(module, intern("__all__"));
  if (error_pending()) return -1;
  bool skip_private = false;
  Value names = all;
  if (!names) {
    Value d = getattr_optional(module, intern("__dict__"));
    if (!d) {
      if (!error_pending()) raise(&exc_ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    names = call_method_cstr(d, "keys", {});
    if (!names) return -1;
    skip_private = true;
  }
  Value it = get_iter(names);
  if (!it) return -1;
  while (Value name = iter_next(it)) {
    if (!str_check(name)) {
      Value modname = getattr_optional(module, intern("__name__"));
      error_clear();
      std::string mod = modname && str_check(modname) ? std::string(modname.as<Str>()->view()) : "?";
      raise(&exc_TypeError, std::string("Item in ") + mod + (all ? ".__all__" : ".__dict__") +
                                " must be str, not " + type_name(name));
      return -1;
    }
    Str* s = name.as<Str>();
    if (skip_private && s->size > 0 && s->data()[0] == '_') continue;
    Value v = getattr(module, s);
    if (!v) return -1;
    if (store_name(f, s, v) < 0) return -1;
  }
  return error_pending() ? -1 : 0;
}

// ---- with -----------------------------------------------------------------------------------------------

Value with_enter(Value mgr, Value* exit, bool async) {
  Type* t = type_of(mgr);
  Str* enter_name = intern(async ? "__aenter__" : "__enter__");
  Str* exit_name = intern(async ? "__aexit__" : "__exit__");
  const char* what = async ? "asynchronous context manager" : "context manager";
  Value enter = type_lookup(t, enter_name);
  if (!enter) {
    return raise(&exc_TypeError, std::string("'") + t->name + "' object does not support the " + what + " protocol");
  }
  Value ex = type_lookup(t, exit_name);
  if (!ex) {
    return raise(&exc_TypeError, std::string("'") + t->name + "' object does not support the " + what +
                                     " protocol (missed " + std::string(exit_name->view()) + " method)");
  }
  DescrGetFn get = type_of(ex)->tp_descr_get;
  *exit = get ? get(ex, mgr, Value(t)) : ex;
  if (!*exit) return Value();
  get = type_of(enter)->tp_descr_get;
  Value bound = get ? get(enter, mgr, Value(t)) : enter;
  if (!bound) return Value();
  return call(bound, nullptr, 0);
}

// ---- names in locals mappings ------------------------------------------------------------------------

Value load_global_slow(Frame* f, Str* name) {
  Value v = dict_get_str(f->globals, name);
  if (v || error_pending()) return v;
  v = dict_get_str(f->builtins, name);
  if (v || error_pending()) return v;
  raise_name_error(name);
  return Value();
}

Value load_name(Frame* f, Str* name) {
  Value locals = f->locals;
  if (!locals) {
    raise(&exc_SystemError, "no locals when loading '" + std::string(name->view()) + "'");
    return Value();
  }
  Value v;
  if (dict_check_exact(locals)) {
    v = dict_get_str(locals.as<Dict>(), name);
    if (v || error_pending()) return v;
  } else {
    v = getitem(locals, name);
    if (v) return v;
    if (!error_matches(&exc_KeyError)) return Value();
    error_clear();
  }
  return load_global_slow(f, name);
}

int store_name(Frame* f, Str* name, Value v) {
  Value locals = f->locals;
  if (!locals) {
    raise(&exc_SystemError, "no locals found when storing '" + std::string(name->view()) + "'");
    return -1;
  }
  if (dict_check_exact(locals)) return dict_set_str(locals.as<Dict>(), name, v);
  return setitem(locals, name, v);
}

int delete_name(Frame* f, Str* name) {
  Value locals = f->locals;
  if (!locals) {
    raise(&exc_SystemError, "no locals when deleting '" + std::string(name->view()) + "'");
    return -1;
  }
  if (dict_check_exact(locals)) {
    int r = dict_del(locals.as<Dict>(), name);
    if (r < 0) return -1;
    if (r == 0) {
      raise_name_error(name);
      return -1;
    }
    return 0;
  }
  if (delitem(locals, name) == 0) return 0;
  if (error_matches(&exc_KeyError)) {
    error_clear();
    raise_name_error(name);
  }
  return -1;
}

int setup_annotations(Frame* f) {
  Str* key = intern("__annotations__");
  Value locals = f->locals;
  if (!locals) {
    raise(&exc_SystemError, "no locals found when setting up annotations");
    return -1;
  }
  if (dict_check_exact(locals)) {
    Value v = dict_get_str(locals.as<Dict>(), key);
    if (v) return 0;
    if (error_pending()) return -1;
    return dict_set_str(locals.as<Dict>(), key, dict_new());
  }
  Value v = getitem(locals, key);
  if (v) return 0;
  if (!error_matches(&exc_KeyError)) return -1;
  error_clear();
  return setitem(locals, key, dict_new());
}

int print_expr(Value v) {
  Value hook = dict_get_cstr(sys_module()->dict, "displayhook");
  if (!hook) {
    if (!error_pending()) raise(&exc_RuntimeError, "lost sys.displayhook");
    return -1;
  }
  return call(hook, &v, 1) ? 0 : -1;
}

}  // namespace minipy
