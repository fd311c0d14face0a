// Start-up and shut-down of the interpreter, and running a program's source.
#include "runtime/interpreter.h"

#include <cstdio>

#include "compile/compiler.h"
#include "objects/dict.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/memory.h"
#include "runtime/source_lines.h"
#include "runtime/sys_state.h"
#include "runtime/thread_state.h"
#include "runtime/types_init.h"
#include "runtime/xoptions.h"
#include "stdlib/native/native_modules.h"
#include "vm/eval.h"

namespace minipy {

namespace {

Module* g_builtins = nullptr;
Module* g_sys = nullptr;
Dict* g_modules = nullptr;

}  // namespace

Module* builtins_module() { return g_builtins; }
Module* sys_module() { return g_sys; }
Dict* modules_dict() { return g_modules; }

void interpreter_init(const std::vector<std::string>& argv) {
  memory_init();
  ThreadState* main_thread = thread_state_create();
  gil_init();
  // -X gil=fair selects CPython's hand-off policy (see runtime/gil.cpp).
  if (xoption("gil") == std::optional<std::string>("fair")) gil_set_policy(GilPolicy::Fair);
  gil_acquire(main_thread);
  signals_init(main_thread);
  if (sys_config().argv.empty()) sys_config().argv = argv;
  types_init();
  // Static roots: the collector scans static data, so these globals keep the modules alive.
  g_modules = dict_new();
  g_builtins = builtins_module_create();
  dict_set_cstr(g_modules, "builtins", Value(g_builtins));
  Value sys = sys_module_create();
  g_sys = sys.as<Module>();
  dict_set_cstr(g_modules, "sys", sys);
  // The default hook stays reachable as sys.__excepthook__ when a program replaces it.
  dict_set_cstr(g_sys->dict, "__excepthook__", dict_get_cstr(g_sys->dict, "excepthook"));
  dict_set_cstr(g_sys->dict, "__displayhook__", dict_get_cstr(g_sys->dict, "displayhook"));
}

Value run_source(std::string_view source, std::string_view filename, Dict* globals) {
  Value code = compile_source(source, filename, CompileMode::Exec);
  if (!code) return Value();
  return eval_code(code, globals, Value(globals));
}

int handle_system_exit() {
  if (!error_matches(&exc_SystemExit)) return -1;
  Value exc = error_fetch();
  Value code = getattr_cstr(exc, "code");
  if (!code) {
    error_clear();
    return 1;
  }
  if (is_none(code)) return 0;
  if (int_check(code)) {
    int64_t n;
    // CPython passes the value to exit(), which keeps the low 8 bits.
    if (int_to_i64(code, &n)) return static_cast<int>(n & 0xFF);
    return 1;
  }
  // sys.exit("message"): the message goes to stderr and the status is 1.
  Value text = to_str(code);
  if (!text) {
    error_clear();
    return 1;
  }
  Value out = dict_get_cstr(g_sys->dict, "stdout");
  if (out && !is_none(out) && !call_method_cstr(out, "flush", {})) error_clear();
  write_to_stderr(std::string(text.as<Str>()->view()) + "\n");
  return 1;
}

void interpreter_finalize() {
  // Suspended generators still alive run their finally blocks, as CPython does at exit.
  generators_finalize_at_exit();
  // threading._shutdown joins non-daemon threads, when threading was imported at all.
  Value threading = dict_get_cstr(g_modules, "threading");
  if (threading) {
    Value shutdown = getattr_optional(threading, intern("_shutdown"));
    if (shutdown && !call(shutdown, {})) print_pending_exception();
    error_clear();
  }
  Value atexit = dict_get_cstr(g_modules, "atexit");
  if (atexit) {
    Value run = getattr_optional(atexit, intern("_run_exitfuncs"));
    if (run && !call(run, {})) print_pending_exception();
    error_clear();
  }
  run_finalizers_at_exit();
  for (const char* stream : {"stdout", "stderr"}) {
    Value f = dict_get_cstr(g_sys->dict, stream);
    if (f && !is_none(f) && !call_method_cstr(f, "flush", {})) error_clear();
  }
}

}  // namespace minipy
