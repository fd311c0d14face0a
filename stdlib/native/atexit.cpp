// The atexit module: functions to call when the interpreter exits. runtime/interpreter.cpp's
// interpreter_finalize calls _run_exitfuncs when this module was imported.
#include <string>

#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/source_lines.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

// Registered callbacks in registration order, each a (func, args, kwargs-dict-or-None) tuple.
// Static data is scanned by the collector.
List* g_callbacks = nullptr;

Value atexit_register(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0) return raise(&exc_TypeError, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return raise(&exc_TypeError, "the first argument must be callable");
  Value kwargs = none_value();
  if (kwnames && kwnames->size > 0) {
    Dict* d = dict_new();
    for (int64_t i = 0; i < kwnames->size; ++i) {
      if (dict_set(d, (*kwnames)[i], args[nargs + i]) < 0) return Value();
    }
    kwargs = Value(d);
  }
  list_append(g_callbacks, Value(tuple_of({args[0], Value(tuple_from_array(args + 1, nargs - 1)), kwargs})));
  return args[0];
}

Value atexit_unregister(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unregister", kwnames) || !check_nargs("unregister", nargs, 1, 1)) return Value();
  // Every registration of a function equal to the argument goes.
  List* kept = list_new(g_callbacks->size);
  for (int64_t i = 0; i < g_callbacks->size; ++i) {
    Value entry = g_callbacks->items[i];
    int eq = equals((*entry.as<Tuple>())[0], args[0]);
    if (eq < 0) return Value();
    if (!eq) list_append(kept, entry);
  }
  g_callbacks = kept;
  return none_value();
}

// Calls the callbacks last-registered first. A failing callback is reported the way CPython
// reports it ("Exception ignored in atexit callback: ...") and the others still run.
Value atexit_run_exitfuncs(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_run_exitfuncs", kwnames) || !check_nargs("_run_exitfuncs", nargs, 0, 0)) return Value();
  List* callbacks = g_callbacks;
  g_callbacks = list_new();
  for (int64_t i = callbacks->size - 1; i >= 0; --i) {
    Tuple* entry = callbacks->items[i].as<Tuple>();
    Value func = (*entry)[0];
    Value kwargs = (*entry)[2];
    if (call_tuple_dict(func, (*entry)[1].as<Tuple>(), is_none(kwargs) ? nullptr : kwargs.as<Dict>())) continue;
    Value exc = error_fetch();
    Value shown = repr(func);
    std::string text = shown ? std::string(shown.as<Str>()->view()) : "<callback>";
    if (!shown) error_clear();
    write_to_stderr("Exception ignored in atexit callback: " + text + "\n");
    error_restore(exc);
    print_pending_exception();
  }
  return none_value();
}

Value atexit_clear(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_clear", kwnames) || !check_nargs("_clear", nargs, 0, 0)) return Value();
  g_callbacks = list_new();
  return none_value();
}

Value atexit_ncallbacks(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_ncallbacks", kwnames) || !check_nargs("_ncallbacks", nargs, 0, 0)) return Value();
  return Value::small_int(g_callbacks->size);
}

const MethodDef kAtexitFunctions[] = {
    {"register", atexit_register},
    {"unregister", atexit_unregister},
    {"_run_exitfuncs", atexit_run_exitfuncs},
    {"_clear", atexit_clear},
    {"_ncallbacks", atexit_ncallbacks},
    {nullptr, nullptr},
};

}  // namespace

Value atexit_module_create() {
  if (!g_callbacks) g_callbacks = list_new();
  Module* m = module_new(intern("atexit"));
  module_add_functions(m, kAtexitFunctions);
  return Value(m);
}

}  // namespace minipy
