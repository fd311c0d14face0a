// GIL hand-off latency between two threads, on the raw GIL (no interpreter), in the two ways
// the GIL changes hands in minipy. Each iteration is a round trip: the benchmark thread hands
// the GIL to a partner thread and gets it back, i.e. two hand-offs.
//   BM_GilHandoffOnRequest  the eval-loop path: the partner, coming back from a "blocking call",
//                           asks for the GIL through the eval breaker; the holder serves the
//                           breaker (forced switch) and re-queues.
//   BM_GilHandoffBlocking   the lock ping-pong of benchmarks/py/gil_handoff.py: each side
//                           releases the GIL around a semaphore wait, as Lock.acquire does.
#include <benchmark/benchmark.h>
#include <semaphore.h>

#include <atomic>
#include <thread>

#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"

namespace minipy {
namespace {

ThreadState* benchmark_thread_state() {
  static ThreadState* ts = [] {
    memory_init();
    return thread_state_create();
  }();
  return ts;
}

void BM_GilHandoffOnRequest(benchmark::State& state) {
  ThreadState* ts = benchmark_thread_state();
  sem_t go;
  sem_init(&go, 0, 0);
  std::atomic<bool> stop{false};
  gil_acquire(ts);
  std::thread partner([&] {
    ThreadState* pts = thread_state_create();
    for (;;) {
      sem_wait(&go);  // the "blocking call" the partner returns from
      if (stop.load(std::memory_order_acquire)) break;
      gil_acquire(pts, /*after_blocking=*/true);
      gil_release(pts);
    }
    thread_state_destroy(pts);
  });
  for (auto _ : state) {
    sem_post(&go);
    // The CPU-bound holder's check at backward jumps: spin until the partner's request shows
    // up, then serve it (release, wait for the partner to take the GIL, queue again).
    while (!eval_breaker_tripped()) {
    }
    handle_eval_breaker(ts);
  }
  stop.store(true, std::memory_order_release);
  sem_post(&go);
  partner.join();
  gil_release(ts);
  sem_destroy(&go);
  state.counters["handoff_ns"] =
      benchmark::Counter(2.0 * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_GilHandoffOnRequest)->UseRealTime();

void BM_GilHandoffBlocking(benchmark::State& state) {
  ThreadState* ts = benchmark_thread_state();
  sem_t ping, pong;
  sem_init(&ping, 0, 0);
  sem_init(&pong, 0, 0);
  std::atomic<bool> stop{false};
  gil_acquire(ts);
  std::thread partner([&] {
    ThreadState* pts = thread_state_create();
    for (;;) {
      sem_wait(&ping);
      if (stop.load(std::memory_order_acquire)) break;
      gil_acquire(pts, /*after_blocking=*/true);
      sem_post(&pong);
      gil_release(pts);
    }
    thread_state_destroy(pts);
  });
  for (auto _ : state) {
    sem_post(&ping);
    gil_release(ts);
    sem_wait(&pong);
    gil_acquire(ts, /*after_blocking=*/true);
  }
  stop.store(true, std::memory_order_release);
  sem_post(&ping);
  partner.join();
  gil_release(ts);
  sem_destroy(&ping);
  sem_destroy(&pong);
  state.counters["handoff_ns"] =
      benchmark::Counter(2.0 * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_GilHandoffBlocking)->UseRealTime();

}  // namespace
}  // namespace minipy
