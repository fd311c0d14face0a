// The gil module: what the global interpreter lock is doing (docs/instrumentation.md).
//
//   stats()                 {ident: {"name", "native_id", "acquisitions", "voluntary_releases",
//                            "forced_releases", "held_ns", "waited_ns", "holding"}} for every
//                            live thread, counted since start or the last reset()
//   reset()                 zeroes every thread's counters
//   holder()                ident of the thread holding the GIL (None if nobody does)
//   switch_interval()       seconds, as sys.getswitchinterval()
//   policy()                "io-priority" (default) or "fair" (-X gil=fair)
//   trace_start(path)       starts a timeline trace, written to path by trace_stop()
//   trace_stop()            stops it, writes the Chrome-trace / Perfetto JSON file, returns its path
//   _tracing()              is a trace running? (cheap; asyncio asks before each task step)
//   _task_step_begin(name)  / _task_step_end(): one asyncio task step on this thread
#include <time.h>

#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interpreter.h"
#include "runtime/thread_state.h"
#include "runtime/trace.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

uint64_t monotonic_ns() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(t.tv_nsec);
}

bool check_str_arg(const char* fname, Value v) {
  if (str_check(v)) return true;
  raise(&exc_TypeError, std::string(fname) + "() argument must be str, not " + type_name(v));
  return false;
}

// The threading module's live threads ({ident: Thread}), or null when it is not imported.
Dict* threading_active() {
  Value threading = dict_get_cstr(modules_dict(), "threading");
  if (!threading) return nullptr;
  Value active = getattr_cstr(threading, "_active");
  if (!active || !dict_check(active)) {
    error_clear();
    return nullptr;
  }
  return active.as<Dict>();
}

Value gil_stats(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("stats", kwnames) || !check_nargs("stats", nargs, 0, 0)) return Value();
  // Copied under the registry lock, converted to objects after: allocating may collect, and
  // the collector must not wait on a lock this thread holds.
  struct Row {
    uint64_t ident, native_id;
    GilStats stats;
  };
  std::vector<Row> rows;
  uint64_t now = monotonic_ns();
  for_each_thread([&](ThreadState* ts) { rows.push_back({ts->thread_id, ts->native_id, ts->gil}); });
  Dict* active = threading_active();
  Dict* result = dict_new();
  for (const Row& r : rows) {
    Value ident = int_from_u64(r.ident);
    Value name = none_value();
    if (active) {
      Value thread = dict_get(active, ident);
      if (thread) {
        Value n = getattr_cstr(thread, "_name");
        if (!n) return Value();
        name = n;
      }
    }
    uint64_t held = r.stats.held_ns;
    if (r.stats.held_since_ns && now > r.stats.held_since_ns) held += now - r.stats.held_since_ns;
    Dict* d = dict_new();
    if (dict_set_cstr(d, "name", name) < 0 || dict_set_cstr(d, "native_id", int_from_u64(r.native_id)) < 0 ||
        dict_set_cstr(d, "acquisitions", int_from_u64(r.stats.acquisitions)) < 0 ||
        dict_set_cstr(d, "voluntary_releases", int_from_u64(r.stats.voluntary_releases)) < 0 ||
        dict_set_cstr(d, "forced_releases", int_from_u64(r.stats.forced_releases)) < 0 ||
        dict_set_cstr(d, "held_ns", int_from_u64(held)) < 0 ||
        dict_set_cstr(d, "waited_ns", int_from_u64(r.stats.waited_ns)) < 0 ||
        dict_set_cstr(d, "holding", bool_value(r.stats.held_since_ns != 0)) < 0 ||
        dict_set(result, ident, Value(d)) < 0)
      return Value();
  }
  return Value(result);
}

Value gil_reset(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("reset", kwnames) || !check_nargs("reset", nargs, 0, 0)) return Value();
  gil_reset_stats();
  return none_value();
}

Value gil_holder_ident(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("holder", kwnames) || !check_nargs("holder", nargs, 0, 0)) return Value();
  ThreadState* ts = gil_holder();
  return ts ? int_from_u64(ts->thread_id) : none_value();
}

Value gil_switch_interval_fn(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("switch_interval", kwnames) || !check_nargs("switch_interval", nargs, 0, 0)) return Value();
  return float_new(gil_switch_interval());
}

Value gil_policy_fn(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("policy", kwnames) || !check_nargs("policy", nargs, 0, 0)) return Value();
  return Value(intern(gil_policy() == GilPolicy::Fair ? "fair" : "io-priority"));
}

Value gil_trace_start(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("trace_start", kwnames) || !check_nargs("trace_start", nargs, 1, 1)) return Value();
  if (!check_str_arg("trace_start", args[0])) return Value();
  std::string error;
  if (!trace_start(std::string(args[0].as<Str>()->view()), &error)) return raise(&exc_RuntimeError, error);
  return none_value();
}

Value gil_trace_stop(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("trace_stop", kwnames) || !check_nargs("trace_stop", nargs, 0, 0)) return Value();
  if (!trace_enabled()) return raise(&exc_RuntimeError, "no trace is running");
  std::string path = trace_path();
  std::string error;
  if (!trace_stop(&error)) return raise(&exc_OSError, error);
  return Value(str_new(path));
}

Value gil_tracing(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_tracing", kwnames) || !check_nargs("_tracing", nargs, 0, 0)) return Value();
  return bool_value(trace_enabled());
}

Value gil_task_step_begin(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_task_step_begin", kwnames) || !check_nargs("_task_step_begin", nargs, 1, 1)) return Value();
  if (!check_str_arg("_task_step_begin", args[0])) return Value();
  trace_task_step_begin(current_thread(), std::string(args[0].as<Str>()->view()));
  return none_value();
}

Value gil_task_step_end(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_task_step_end", kwnames) || !check_nargs("_task_step_end", nargs, 0, 0)) return Value();
  trace_task_step_end(current_thread());
  return none_value();
}

const MethodDef kGilFunctions[] = {
    {"stats", gil_stats},
    {"reset", gil_reset},
    {"holder", gil_holder_ident},
    {"switch_interval", gil_switch_interval_fn},
    {"policy", gil_policy_fn},
    {"trace_start", gil_trace_start},
    {"trace_stop", gil_trace_stop},
    {"_tracing", gil_tracing},
    {"_task_step_begin", gil_task_step_begin},
    {"_task_step_end", gil_task_step_end},
    {nullptr, nullptr},
};

}  // namespace

Value gil_module_create() {
  Module* m = module_new(intern("gil"));
  module_add_functions(m, kGilFunctions);
  return Value(m);
}

}  // namespace minipy
