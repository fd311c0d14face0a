// The global interpreter lock (GIL)
// =================================
//
// Exactly one thread at a time runs Python code or touches Python objects: the thread that
// holds the GIL. Threads release it around blocking calls (ScopedGilRelease) and when asked to.
//
// State (all guarded by `mutex`):
//   locked           is the GIL held?
//   holder           the ThreadState holding it
//   switch_number    incremented at every acquisition; lets a waiter or the previous holder
//                    tell "somebody else got it in the meantime" from "nothing happened"
//   waiting          threads blocked in gil_acquire
//   priority_waiting of those, threads returning from blocking calls (IoPriority policy)
//
// The drop request. The holder never looks at the mutex while it runs; it looks at one atomic
// word, the eval breaker (runtime/eval_breaker.h), at backward jumps and calls. A waiter that
// has waited a whole switch interval (default 5 ms, sys.setswitchinterval) without any
// acquisition happening sets the kBreakerGilDropRequest bit there. The holder sees it within
// microseconds, calls gil_yield_on_request, and releases.
//
// Forced switching. Releasing and immediately re-acquiring would let the releasing thread win
// again (it is already running, the waiter must first be scheduled). So after a requested
// release the dropper waits on `switched` until switch_number changes, i.e. until another
// thread has really taken the GIL, and only then queues up again. That is CPython's
// FORCE_SWITCHING, and what makes CPU-bound threads take turns at the switch interval.
//
// The convoy effect, and minipy's fix. Under the fair policy a thread returning from I/O
// waits like everyone else: up to a full interval before it even asks. With one CPU-bound
// thread running, every I/O round-trip of another thread then costs ~5 ms instead of
// microseconds. Under GilPolicy::IoPriority (the default; `-X gil=fair` selects CPython's
// behaviour) a thread coming back from a blocking call sets the drop request at once and,
// while it waits, CPU-bound waiters step aside (they do not take a free GIL while a priority
// waiter exists). CPU-bound threads still share fairly among themselves through the interval.
//
// Accounting. Each ThreadState carries GilStats: acquisitions, voluntary and forced releases,
// nanoseconds held and waited. They cost two clock reads per hand-off, never per instruction.
//
// Tracing. While a timeline trace runs (runtime/trace.h, docs/instrumentation.md) each
// transition also records the thread's new state; when none runs, the cost is one test of a
// global flag per transition.
#include "runtime/gil.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "runtime/eval_breaker.h"
#include "runtime/thread_state.h"
#include "runtime/trace.h"

namespace minipy {

namespace {

struct Gil {
  std::mutex mutex;
  std::condition_variable free_cond;  // signalled when the GIL is released
  std::condition_variable switched;   // signalled when a thread has taken it
  bool locked = false;
  ThreadState* holder = nullptr;
  uint64_t switch_number = 0;
  int waiting = 0;
  int priority_waiting = 0;
};

// Reinitialised in place after fork (the child's copy of the mutex may be held by a thread
// that no longer exists there).
Gil* g_gil = new Gil();
// Whole microseconds, as CPython keeps it: sys.getswitchinterval() shows the same truncation.
std::atomic<uint64_t> g_interval_us{5000};
constexpr uint64_t kMaxWaitUs = 86'400'000'000;  // one day
std::atomic<GilPolicy> g_policy{GilPolicy::IoPriority};

uint64_t now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(ts.tv_nsec);
}

void take_locked(Gil& g, ThreadState* ts, uint64_t waited_ns) {
  g.locked = true;
  g.holder = ts;
  ++g.switch_number;
  // The request that made the previous holder drop is satisfied; a waiter still wanting a
  // turn will set it again after its own interval.
  eval_breaker_clear(kBreakerGilDropRequest);
  if (g.priority_waiting > 0) eval_breaker_set(kBreakerGilDropRequest);
  GilStats& s = ts->gil;
  ++s.acquisitions;
  s.waited_ns += waited_ns;
  s.held_since_ns = now_ns();
  if (trace_enabled()) trace_gil_taken(ts, s.held_since_ns);
  g.switched.notify_all();
}

void release_locked(Gil& g, ThreadState* ts, bool blocking) {
  GilStats& s = ts->gil;
  uint64_t now = now_ns();
  if (s.held_since_ns) s.held_ns += now - s.held_since_ns;
  if (trace_enabled()) trace_gil_released(ts, now, blocking);
  s.held_since_ns = 0;
  g.locked = false;
  g.holder = nullptr;
  g.free_cond.notify_all();
}

}  // namespace

void gil_init() {
  Gil& g = *g_gil;
  std::lock_guard<std::mutex> lock(g.mutex);
  g.locked = false;
  g.holder = nullptr;
}

void gil_acquire(ThreadState* ts, bool after_blocking) {
  Gil& g = *g_gil;
  uint64_t start = now_ns();
  std::unique_lock<std::mutex> lock(g.mutex);
  bool priority = after_blocking && g_policy.load(std::memory_order_relaxed) == GilPolicy::IoPriority;
  if (!g.locked && (priority || g.priority_waiting == 0)) {
    take_locked(g, ts, 0);
    return;
  }
  ++g.waiting;
  if (trace_enabled()) trace_gil_wait_begin(ts, start);
  if (priority) {
    ++g.priority_waiting;
    eval_breaker_set(kBreakerGilDropRequest);
  }
  while (g.locked || (!priority && g.priority_waiting > 0)) {
    if (priority) {
      g.free_cond.wait(lock);
      if (g.locked) eval_breaker_set(kBreakerGilDropRequest);
      continue;
    }
    uint64_t seen = g.switch_number;
    // Clamped so that a 0 interval does not spin on the mutex and a huge one does not overflow
    // the clock arithmetic inside wait_for.
    uint64_t us = std::clamp<uint64_t>(g_interval_us.load(std::memory_order_relaxed), 1, kMaxWaitUs);
    auto interval = std::chrono::microseconds(us);
    bool timed_out = g.free_cond.wait_for(lock, interval) == std::cv_status::timeout;
    // Only ask for a drop if nobody got the GIL during a whole interval: otherwise the
    // current holder has had less than an interval and deserves it.
    if (timed_out && g.locked && g.switch_number == seen) eval_breaker_set(kBreakerGilDropRequest);
  }
  --g.waiting;
  if (priority) --g.priority_waiting;
  take_locked(g, ts, now_ns() - start);
}

void gil_release(ThreadState* ts) {
  Gil& g = *g_gil;
  std::lock_guard<std::mutex> lock(g.mutex);
  ++ts->gil.voluntary_releases;
  release_locked(g, ts, true);
}

void gil_yield_on_request(ThreadState* ts) {
  Gil& g = *g_gil;
  {
    std::unique_lock<std::mutex> lock(g.mutex);
    if (g.waiting == 0) {
      // The waiter gave up or already got it: nothing to hand over.
      eval_breaker_clear(kBreakerGilDropRequest);
      return;
    }
    ++ts->gil.forced_releases;
    uint64_t seen = g.switch_number;
    release_locked(g, ts, false);
    // Forced switching: do not compete until another thread has actually taken the GIL.
    g.switched.wait(lock, [&] { return g.switch_number != seen; });
  }
  gil_acquire(ts, false);
}

bool gil_held_by(ThreadState* ts) {
  Gil& g = *g_gil;
  std::lock_guard<std::mutex> lock(g.mutex);
  return g.locked && g.holder == ts;
}

ThreadState* gil_holder() {
  Gil& g = *g_gil;
  std::lock_guard<std::mutex> lock(g.mutex);
  return g.holder;
}

void gil_set_switch_interval(double seconds) {
  // Intervals beyond the counter's range (and NaN) mean "practically never ask".
  double us = seconds * 1e6;
  uint64_t stored = us < 18446744073709549568.0 ? static_cast<uint64_t>(us) : UINT64_MAX;
  g_interval_us.store(stored, std::memory_order_relaxed);
}

double gil_switch_interval() { return static_cast<double>(g_interval_us.load(std::memory_order_relaxed)) / 1e6; }

void gil_set_policy(GilPolicy policy) { g_policy.store(policy, std::memory_order_relaxed); }
GilPolicy gil_policy() { return g_policy.load(std::memory_order_relaxed); }

void gil_reset_stats() {
  uint64_t now = now_ns();
  for_each_thread([now](ThreadState* ts) {
    bool holding = ts->gil.held_since_ns != 0;
    ts->gil = GilStats();
    if (holding) ts->gil.held_since_ns = now;
  });
}

void gil_reinit_after_fork(ThreadState* ts) {
  // The old mutex may be locked by a thread that does not exist in the child: leak it.
  g_gil = new Gil();
  trace_reinit_after_fork();
  eval_breaker_clear(kBreakerGilDropRequest);
  std::lock_guard<std::mutex> lock(g_gil->mutex);
  take_locked(*g_gil, ts, 0);
}

ScopedGilRelease::ScopedGilRelease() : ts_(current_thread()) { gil_release(ts_); }
ScopedGilRelease::~ScopedGilRelease() { gil_acquire(ts_, true); }

}  // namespace minipy
