// Micro-benchmarks for resuming generators and coroutines through the C++ API, so the numbers
// are the cost of one resumption (no interpreted driver loop around it).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "objects/dict.h"
#include "objects/generator.h"
#include "objects/singletons.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace minipy {
namespace {

constexpr const char* kSource = R"(
def echo():
    x = None
    while True:
        x = yield x

class Pending:
    def __await__(self):
        while True:
            yield

async def waiter():
    await Pending()

def forever(n):
    while True:
        yield n
)";

// Runs kSource once per process and returns its globals; aborts if it does not compile.
Dict* bench_globals() {
  static Dict* globals = [] {
    interpreter_init({"minipy_micro"});
    Dict* g = dict_new();
    if (!run_source(kSource, "<bench_generators>", g)) {
      print_pending_exception();
      std::abort();
    }
    return g;
  }();
  return globals;
}

// Calls the module-level function `name` with no arguments (a fresh generator/coroutine).
Generator* make(const char* name) {
  Value fn = dict_get_cstr(bench_globals(), name);
  Value obj = fn ? call(fn, nullptr, 0) : Value();
  if (!obj) {
    print_pending_exception();
    std::abort();
  }
  return obj.as<Generator>();
}

// gen.send(value): the generator's frame is resumed in place each time.
void BM_GeneratorSend(benchmark::State& state) {
  Generator* g = make("echo");
  gen_send(g, none_value());
  Value v = Value::small_int(7);
  for (auto _ : state) benchmark::DoNotOptimize(gen_send(g, v));
}
BENCHMARK(BM_GeneratorSend);

// next(gen) through the type slot, as for loops and list() do.
void BM_GeneratorNext(benchmark::State& state) {
  Value fn = dict_get_cstr(bench_globals(), "forever");
  Value arg = Value::small_int(1);
  Value g = call(fn, &arg, 1);
  UnaryFn next = type_of(g)->tp_iternext;
  for (auto _ : state) benchmark::DoNotOptimize(next(g));
}
BENCHMARK(BM_GeneratorNext);

// coro.send(None) where the coroutine is suspended in `await` on an __await__ generator:
// each send resumes the coroutine and delegates to the inner generator.
void BM_CoroutineSend(benchmark::State& state) {
  Generator* c = make("waiter");
  for (auto _ : state) benchmark::DoNotOptimize(gen_send(c, none_value()));
}
BENCHMARK(BM_CoroutineSend);

// Creating a generator and running it to its first yield (frame set-up cost).
void BM_GeneratorCreateAndStart(benchmark::State& state) {
  for (auto _ : state) {
    Generator* g = make("echo");
    benchmark::DoNotOptimize(gen_send(g, none_value()));
  }
}
BENCHMARK(BM_GeneratorCreateAndStart);

}  // namespace
}  // namespace minipy
