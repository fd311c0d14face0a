// Micro-benchmarks of asyncio's event loop, driven like bench_vm.cpp: a snippet defines
// `work(n)` (with one event loop made in the set-up, so loop creation is not timed), and one
// item is one callback run or one task step.
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
namespace {

constexpr int kItems = 1000;

// bench_vm.cpp's run_snippet times `work(kLoop)` in a namespace of its own; this one also
// closes the event loop the snippet made, so repeated benchmark runs do not leak selectors.
void run_loop_snippet(benchmark::State& state, const char* setup) {
  ensure_interpreter();
  Dict* globals = dict_new();
  dict_set_cstr(globals, "__name__", Value(intern("__bench__")));
  dict_set_cstr(globals, "__builtins__", Value(builtins_module()));
  Value call = compile_source("work(" + std::to_string(kItems) + ")", "<bench>", CompileMode::Exec);
  Value close = compile_source("loop.close()", "<bench>", CompileMode::Exec);
  if (!run_source(setup, "<bench>", globals) || !call || !close) {
    print_pending_exception();
    std::abort();
  }
  for (auto _ : state) {
    Value r = eval_code(call, globals, Value(globals));
    if (!r) {
      print_pending_exception();
      std::abort();
    }
    benchmark::DoNotOptimize(r);
  }
  if (!eval_code(close, globals, Value(globals))) {
    print_pending_exception();
    std::abort();
  }
  state.SetItemsProcessed(state.iterations() * kItems);
}

// Event-loop callbacks per second: each callback schedules the next with call_soon.
void BM_LoopCallSoon(benchmark::State& state) {
  run_loop_snippet(state,
                   "import asyncio\n"
                   "loop = asyncio.new_event_loop()\n"
                   "def work(n):\n"
                   "    left = [n]\n"
                   "    def cb():\n"
                   "        left[0] -= 1\n"
                   "        if left[0]:\n"
                   "            loop.call_soon(cb)\n"
                   "        else:\n"
                   "            loop.stop()\n"
                   "    loop.call_soon(cb)\n"
                   "    loop.run_forever()\n");
}
BENCHMARK(BM_LoopCallSoon);

// Task switches: two tasks alternate through `await asyncio.sleep(0)`; an item is one step.
void BM_TaskSwitch(benchmark::State& state) {
  run_loop_snippet(state,
                   "import asyncio\n"
                   "loop = asyncio.new_event_loop()\n"
                   "async def ping(k):\n"
                   "    for _ in range(k):\n"
                   "        await asyncio.sleep(0)\n"
                   "async def both(n):\n"
                   "    await asyncio.gather(ping(n // 2), ping(n // 2))\n"
                   "def work(n):\n"
                   "    loop.run_until_complete(both(n))\n");
}
BENCHMARK(BM_TaskSwitch);

// Task creation and completion: an item is one task made, run to its end and gathered.
void BM_TaskCreate(benchmark::State& state) {
  run_loop_snippet(state,
                   "import asyncio\n"
                   "loop = asyncio.new_event_loop()\n"
                   "async def leaf(i):\n"
                   "    return i\n"
                   "async def many(n):\n"
                   "    await asyncio.gather(*[asyncio.create_task(leaf(i)) for i in range(n)])\n"
                   "def work(n):\n"
                   "    loop.run_until_complete(many(n))\n");
}
BENCHMARK(BM_TaskCreate);

}  // namespace
}  // namespace minipy
