// The gc module over the Boehm collector. There are no generations: collect() runs a full
// collection and then the finalizers it queued (runtime/memory.h), and returns how many ran
// (CPython returns the number of unreachable objects; only finalizable ones are visible here).
// Thresholds are kept for get_threshold/set_threshold but do not steer the collector, which
// schedules itself by heap growth.
#include <gc/gc.h>

#include <string>

#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

bool g_enabled = true;
int64_t g_threshold[3] = {700, 10, 10};
Module* g_module = nullptr;

// gc.callbacks are called with ("start" | "stop", info) around each collect().
bool run_callbacks(const char* phase, int64_t collected) {
  Value callbacks = dict_get_cstr(g_module->dict, "callbacks");
  if (!callbacks || !list_check(callbacks)) return true;
  List* list = callbacks.as<List>();
  if (list->size == 0) return true;
  Dict* info = dict_new();
  if (dict_set_str(info, intern("generation"), Value::small_int(2)) < 0 ||
      dict_set_str(info, intern("collected"), Value::small_int(collected)) < 0 ||
      dict_set_str(info, intern("uncollectable"), Value::small_int(0)) < 0) {
    return false;
  }
  Value args[2] = {Value(str_new(phase)), Value(info)};
  for (int64_t i = 0; i < list->size; ++i) {
    if (!call(list->items[i], args, 2)) report_unraisable(list->items[i]);
  }
  return true;
}

Value gc_collect(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"collect", {"generation"}, 1, 0};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (a[0]) {
    int64_t gen;
    if (!index_to_i64(a[0], &gen)) return Value();
    if (gen < 0 || gen > 2) return raise(&exc_ValueError, "invalid generation");
  }
  if (!run_callbacks("start", 0)) return Value();
  GC_gcollect();
  size_t n = run_pending_finalizers();
  if (!run_callbacks("stop", static_cast<int64_t>(n))) return Value();
  return int_from_u64(n);
}

Value gc_enable(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("enable", kwnames) || !check_nargs("gc.enable", nargs, 0, 0)) return Value();
  if (!g_enabled) GC_enable();
  g_enabled = true;
  return none_value();
}

Value gc_disable(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("disable", kwnames) || !check_nargs("gc.disable", nargs, 0, 0)) return Value();
  if (g_enabled) GC_disable();
  g_enabled = false;
  return none_value();
}

Value gc_isenabled(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("isenabled", kwnames) || !check_nargs("gc.isenabled", nargs, 0, 0)) return Value();
  return bool_value(g_enabled);
}

// The first count is the collector's allocation since the last collection, in objects of a
// typical small size, capped below the threshold as CPython's count is.
Value gc_get_count(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_count", kwnames) || !check_nargs("gc.get_count", nargs, 0, 0)) return Value();
  int64_t allocated = static_cast<int64_t>(GC_get_bytes_since_gc() / 64);
  int64_t limit = g_threshold[0] > 0 ? g_threshold[0] - 1 : 0;
  return Value(tuple_of({int_from_i64(allocated < limit ? allocated : limit), Value::small_int(0),
                         Value::small_int(0)}));
}

Value gc_get_threshold(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_threshold", kwnames) || !check_nargs("gc.get_threshold", nargs, 0, 0)) return Value();
  return Value(tuple_of({int_from_i64(g_threshold[0]), int_from_i64(g_threshold[1]), int_from_i64(g_threshold[2])}));
}

Value gc_set_threshold(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set_threshold", kwnames)) return Value();
  if (nargs < 1 || nargs > 3) {
    return raise(&exc_TypeError, std::string("set_threshold() takes at ") + (nargs ? "most 3 arguments (" : "least 1 argument (") +
                                     std::to_string(nargs) + " given)");
  }
  int64_t t[3] = {g_threshold[0], g_threshold[1], g_threshold[2]};
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_to_i64(args[i], &t[i])) return Value();
  }
  for (int i = 0; i < 3; ++i) g_threshold[i] = t[i];
  return none_value();
}

// Objects without references to other objects are never tracked (CPython's atomic types).
Value gc_is_tracked(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("is_tracked", kwnames) || !check_nargs("gc.is_tracked", nargs, 1, 1)) return Value();
  Value v = args[0];
  if (!v.is_object()) return false_value();
  Type* t = type_of(v);
  if (t->flags & kTypeHeap) return true_value();
  bool atomic = is_none(v) || t == &int_type || t == &bool_type || t == &float_type || t == &complex_type ||
                t == &str_type || t == &bytes_type || (t->flags & kTypePointerFree);
  return bool_value(!atomic);
}

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect},
    {"enable", gc_enable},
    {"disable", gc_disable},
    {"isenabled", gc_isenabled},
    {"get_count", gc_get_count},
    {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold},
    {"is_tracked", gc_is_tracked},
    {nullptr, nullptr},
};

}  // namespace

Value gc_module_create() {
  Module* m = module_new(intern("gc"));
  g_module = m;
  module_add_functions(m, kGcFunctions);
  if (!module_add(m, "garbage", Value(list_new())) || !module_add(m, "callbacks", Value(list_new()))) return Value();
  return Value(m);
}

}  // namespace minipy
