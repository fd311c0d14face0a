#include "runtime/eval_breaker.h"

#include "runtime/gil.h"
#include "runtime/memory.h"
#include "runtime/signals.h"

namespace minipy {

std::atomic<uint32_t> eval_breaker{0};

int handle_eval_breaker(ThreadState* ts) {
  uint32_t bits = eval_breaker.load(std::memory_order_relaxed);
  if (bits & kBreakerSignalsPending) {
    if (run_pending_signal_handlers(ts) < 0) return -1;
  }
  if (bits & kBreakerFinalizersPending) run_pending_finalizers();
  if (bits & kBreakerGilDropRequest) gil_yield_on_request(ts);
  return 0;
}

}  // namespace minipy
