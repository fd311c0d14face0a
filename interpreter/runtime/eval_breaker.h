// The eval breaker: one atomic word the eval loop tests at backward jumps and function entry.
// Anything that needs the running thread's attention (a GIL drop request from a waiting
// thread, a signal that arrived, a pending call) sets a bit; the loop's fast path is a single
// relaxed load that is almost always zero.
#pragma once

#include <atomic>
#include <cstdint>

namespace minipy {

struct ThreadState;

enum EvalBreakerBits : uint32_t {
  kBreakerGilDropRequest = 1u << 0,  // another thread wants the GIL (runtime/gil.cpp)
  kBreakerSignalsPending = 1u << 1,  // a signal handler must run in the main thread
  kBreakerFinalizersPending = 1u << 2,  // the collector queued finalizers (runtime/memory.h)
};

extern std::atomic<uint32_t> eval_breaker;

inline void eval_breaker_set(uint32_t bits) { eval_breaker.fetch_or(bits, std::memory_order_relaxed); }
inline void eval_breaker_clear(uint32_t bits) { eval_breaker.fetch_and(~bits, std::memory_order_relaxed); }
inline bool eval_breaker_tripped() { return eval_breaker.load(std::memory_order_relaxed) != 0; }

// Serves whatever the breaker asks for: gives up the GIL on request, runs pending signal
// handlers (in the main thread), runs queued finalizers. Returns -1 if a handler raised (e.g. KeyboardInterrupt),
// with the exception pending; the eval loop then unwinds from the current instruction.
int handle_eval_breaker(ThreadState* ts);

}  // namespace minipy
