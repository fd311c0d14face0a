// What the snippet-driven micro-benchmarks share: a snippet defines `work(n)` in a fresh
// namespace, and the timed loop runs the code object `work(items)`, so one benchmark iteration
// is `items` trips round the measured operation.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "compile/compiler.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "tests/unit/test_support.h"
#include "vm/eval.h"

namespace minipy {

// Runs `source` in `globals`; a Python error here is a bug in the snippet, so it aborts rather
// than timing an exception path.
inline void bench_exec(const std::string& source, Dict* globals) {
  Value code = compile_source(source, "<bench>", CompileMode::Exec);
  if (!code || !eval_code(code, globals, Value(globals))) {
    print_pending_exception();
    std::abort();
  }
}

// Times `work(items)` after running `setup`; `teardown` (optional) runs once afterwards, e.g.
// to close an event loop the set-up made.
inline void bench_run_snippet(benchmark::State& state, const char* setup, int items,
                              const char* teardown = nullptr) {
  ensure_interpreter();
  Dict* globals = dict_new();
  dict_set_cstr(globals, "__name__", Value(intern("__bench__")));
  dict_set_cstr(globals, "__builtins__", Value(builtins_module()));
  bench_exec(setup, globals);
  Value call = compile_source("work(" + std::to_string(items) + ")", "<bench>", CompileMode::Exec);
  if (!call) std::abort();
  for (auto _ : state) {
    Value r = eval_code(call, globals, Value(globals));
    if (!r) {
      print_pending_exception();
      std::abort();
    }
    benchmark::DoNotOptimize(r);
  }
  if (teardown) bench_exec(teardown, globals);
  state.SetItemsProcessed(state.iterations() * items);
}

}  // namespace minipy
