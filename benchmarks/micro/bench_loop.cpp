// Micro-benchmarks of asyncio's event loop, driven like bench_vm.cpp: a snippet defines
// `work(n)` (with one event loop made in the set-up, so loop creation is not timed), and one
// item is one callback run or one task step.
#include "benchmarks/micro/bench_support.h"

namespace minipy {
namespace {

constexpr int kItems = 1000;

// Closes the event loop the snippet made, so repeated benchmark runs do not leak selectors.
void run_loop_snippet(benchmark::State& state, const char* setup) {
  bench_run_snippet(state, setup, kItems, "loop.close()");
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
