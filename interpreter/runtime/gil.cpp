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
//   switching        threads that dropped on request and wait for somebody to take the GIL
//   preempted        threads that dropped for a priority waiter and watch for its turn to end
//   priority_waiting of those, threads returning from blocking calls (IoPriority policy)
//   holder_io        the holder took the GIL as such a thread (IoPriority policy)
//   cpu_next         the thread owed the next non-priority turn, or null (IoPriority policy)
//   io_budget_ns     what priority turns may still take from CPU-bound threads (IoPriority)
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
// FORCE_SWITCHING, and what makes CPU-bound threads take turns at the switch interval. It is
// the whole protocol of the fair policy (`-X gil=fair`), CPython's behaviour.
//
// The convoy effect. Under the fair policy a thread returning from I/O waits like everyone
// else: up to a full interval before it even asks. With one CPU-bound thread running, every
// I/O round trip of another thread then costs ~5 ms instead of microseconds.
//
// minipy's default, GilPolicy::IoPriority, has four more rules:
//   1. Priority. A thread coming back from a blocking call (a "priority waiter") asks the
//      holder to drop at once, and CPU-bound waiters do not take a free GIL before it. It does
//      not preempt a holder that is itself back from a blocking call (holder_io): that one is
//      about to block again, and I/O threads preempting each other would only add hand-offs;
//      it asks only if that holder keeps the GIL for a whole interval.
//   2. A budget. What priority turns take from CPU-bound threads is capped: it is charged to
//      io_budget_ns, which refills at 1/kIoShareDivisor of wall-clock time up to kIoBurstNs.
//      An I/O thread that only does short bursts always finds budget; one that runs
//      round trips flat out gets its share of the GIL and no more, so CPU-bound threads lose
//      at most that share. A turn is charged once for each CPU-bound thread that wants the
//      GIL meanwhile, so with n of them the share is 1/(n * kIoShareDivisor). Under the fair
//      policy an I/O thread waits behind each of them, and n CPU-bound threads taking turns
//      among themselves lose almost nothing to it; the smaller share keeps them within a few
//      percent of that, while the I/O thread's round trips stay a small fraction of the n
//      intervals it would wait there. A priority waiter without budget waits for it to
//      refill, and meanwhile also queues like a CPU-bound thread (rule 3), so it never fares
//      worse than under the fair policy.
//   3. Turns among the others. I/O threads take the GIL thousands of times a second, so
//      "nobody got the GIL during my interval" (the fair policy's test) would never hold for
//      a CPU-bound waiter. Instead `cpu_next` reserves the next non-priority turn: a holder
//      that drops for a priority waiter keeps its turn (it resumes as soon as the I/O thread
//      is done; otherwise a waiting CPU-bound thread would take over for a whole interval and
//      the preempted thread, often an I/O thread itself, would wait that long: the convoy
//      again), and a thread that has waited a whole interval reserves the next turn and asks
//      for a drop, again every interval until it runs. CPU-bound threads so take turns at the
//      switch interval however many I/O hand-offs happen in between.
//   4. Spinning. Those hand-offs are short: a CPU-bound holder asked to drop does so at its
//      next eval-breaker check, and the I/O thread runs a little Python before it blocks
//      again. Each one, done by sleeping on a condition variable, costs a wake-up: tens of
//      microseconds on a VM, more when the core has gone idle, lost by both threads. So the
//      two sides of a priority hand-off watch the state for up to kHandoffSpinNs before they
//      sleep.
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

// Rule 2's numbers: priority turns may take 1/16 of the CPU-bound threads' time, in bursts
// of up to 1 ms.
constexpr int64_t kIoShareDivisor = 16;
constexpr int64_t kIoBurstNs = 1'000'000;
// Rule 4's bound on watching instead of sleeping.
constexpr uint64_t kHandoffSpinNs = 100'000;

struct Gil {
  std::mutex mutex;
  std::condition_variable free_cond;  // signalled when the GIL is released
  std::condition_variable turn_cond;  // the same, for CPU-bound waiters while no turn is reserved
  std::condition_variable switched;   // signalled when a thread has taken it
  // Atomic only so that a spinning thread (rule 4) can watch them without the mutex; every
  // write happens under it.
  std::atomic<bool> locked{false};
  ThreadState* holder = nullptr;
  std::atomic<uint64_t> switch_number{0};
  int waiting = 0;
  int priority_waiting = 0;
  int switching = 0;  // threads that dropped on request, between release and gil_acquire
  int preempted = 0;  // threads that dropped for a priority turn, until they queue again
  bool holder_io = false;
  ThreadState* cpu_next = nullptr;
  int64_t io_budget_ns = kIoBurstNs;
  bool io_side_spinning = false;   // a priority waiter is watching for a hand-off (rule 4)
  bool cpu_side_spinning = false;  // so is a thread queueing for a CPU-bound turn
  uint64_t budget_at_ns = 0;  // when io_budget_ns was last refilled
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

// Clamped so that a 0 interval does not spin on the mutex and a huge one does not overflow
// the clock arithmetic of the timed waits.
uint64_t interval_ns() {
  return std::clamp<uint64_t>(g_interval_us.load(std::memory_order_relaxed), 1, kMaxWaitUs) * 1000;
}

// Rule 2: refills the budget and tells whether priority turns may take from CPU-bound threads.
bool io_budget_left(Gil& g, uint64_t now) {
  if (now > g.budget_at_ns) {
    int64_t refill = static_cast<int64_t>(std::min<uint64_t>(now - g.budget_at_ns, kMaxWaitUs)) / kIoShareDivisor;
    g.io_budget_ns = std::min(kIoBurstNs, g.io_budget_ns + refill);
    g.budget_at_ns = now;
  }
  return g.io_budget_ns > 0;
}

// How long until the budget is positive again.
uint64_t io_budget_wait_ns(const Gil& g) {
  return static_cast<uint64_t>(-g.io_budget_ns + 1) * kIoShareDivisor;
}

// How many CPU-bound threads want the GIL besides the holder (rule 2 charges each turn this
// many times), and whether any does.
int cpu_threads_wanting(const Gil& g) { return g.waiting - g.priority_waiting + g.switching + g.preempted; }
bool cpu_threads_waiting(const Gil& g) { return cpu_threads_wanting(g) > 0 || g.cpu_next != nullptr; }

void take_locked(Gil& g, ThreadState* ts, uint64_t waited_ns, bool io_turn) {
  g.locked = true;
  g.holder = ts;
  g.holder_io = io_turn;
  if (g.cpu_next == ts) g.cpu_next = nullptr;
  ++g.switch_number;
  GilStats& s = ts->gil;
  ++s.acquisitions;
  s.waited_ns += waited_ns;
  s.held_since_ns = now_ns();
  // The request that made the previous holder drop is satisfied; a waiter still wanting a
  // turn will set it again after its own interval.
  eval_breaker_clear(kBreakerGilDropRequest);
  if (g.priority_waiting > 0 && !io_turn && io_budget_left(g, s.held_since_ns)) {
    eval_breaker_set(kBreakerGilDropRequest);
  }
  if (trace_enabled()) trace_gil_taken(ts, s.held_since_ns);
  g.switched.notify_all();
}

void release_locked(Gil& g, ThreadState* ts, bool blocking) {
  GilStats& s = ts->gil;
  uint64_t now = now_ns();
  if (s.held_since_ns) {
    s.held_ns += now - s.held_since_ns;
    if (g.holder_io && cpu_threads_waiting(g)) {
      io_budget_left(g, now);
      g.io_budget_ns -= static_cast<int64_t>(now - s.held_since_ns) * std::max(1, cpu_threads_wanting(g));
    }
  }
  if (trace_enabled()) trace_gil_released(ts, now, blocking);
  s.held_since_ns = 0;
  g.locked = false;
  g.holder = nullptr;
  g.holder_io = false;
  g.free_cond.notify_all();
  if (g.cpu_next == nullptr) g.turn_cond.notify_all();
}

// May `ts` take the GIL now that it is free? `io_turn`: it is a priority waiter with budget.
bool may_take(Gil& g, const ThreadState* ts, bool priority, bool io_turn) {
  if (io_turn) return true;
  // Out of budget, a priority waiter takes only what no CPU-bound thread wants, or its own
  // reserved turn: a free GIL would otherwise go to whichever thread is already awake, and
  // that is the I/O thread coming straight back.
  if (priority) return !cpu_threads_waiting(g) || g.cpu_next == ts;
  bool priority_ahead = g.priority_waiting > 0 && io_budget_left(g, now_ns());
  return !priority_ahead && (g.cpu_next == nullptr || g.cpu_next == ts);
}

// Rule 4: releases the mutex and watches `done()` for at most kHandoffSpinNs, then takes the
// mutex back. At most one thread per side of a hand-off (`spinner`: the I/O side's or the
// CPU-bound side's flag) spins: more would only take CPU from the holder.
template <class Done>
void spin_unlocked(std::unique_lock<std::mutex>& lock, bool& spinner, Done done) {
  if (spinner) return;
  spinner = true;
  lock.unlock();
  uint64_t until = now_ns() + kHandoffSpinNs;
  while (!done() && now_ns() < until) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  lock.lock();
  spinner = false;
}

// One wait of a thread queueing for a CPU-bound turn (rule 3): once `ask_at_ns` has passed it
// reserves the next turn, if nobody else has, and asks for a drop. `wake_by_ns` (0: none)
// bounds the sleep further.
void wait_cpu_turn(Gil& g, std::unique_lock<std::mutex>& lock, ThreadState* ts, uint64_t& ask_at_ns,
                   uint64_t wake_by_ns) {
  uint64_t now = now_ns();
  if (now >= ask_at_ns && (g.cpu_next == nullptr || g.cpu_next == ts)) {
    g.cpu_next = ts;
    if (g.locked) eval_breaker_set(kBreakerGilDropRequest);
    ask_at_ns = now + interval_ns();
  }
  if (g.cpu_next == ts && !(g.priority_waiting > 0 && io_budget_left(g, now))) {
    // Next in line (priority waiters out of budget do not go first): the holder is about to
    // drop (asked just now, or an I/O thread about to block again), rule 4.
    spin_unlocked(lock, g.cpu_side_spinning, [&] { return !g.locked.load(std::memory_order_relaxed); });
    if (!g.locked) return;
    now = now_ns();
  }
  uint64_t wake = ask_at_ns > now ? ask_at_ns : now + interval_ns();
  if (wake_by_ns && wake_by_ns < wake) wake = std::max(wake_by_ns, now + 1);
  // Only the reserved thread can use a release while a turn is reserved: the others sleep on
  // turn_cond and are not woken by each of the I/O threads' hand-offs.
  std::condition_variable& cond = g.cpu_next == ts ? g.free_cond : g.turn_cond;
  cond.wait_for(lock, std::chrono::nanoseconds(wake - now));
}

// One wait of a priority waiter with budget (rule 1).
void wait_io_turn(Gil& g, std::unique_lock<std::mutex>& lock) {
  if (g.locked && !g.holder_io) {
    // A CPU-bound holder drops at its next eval-breaker check.
    eval_breaker_set(kBreakerGilDropRequest);
    spin_unlocked(lock, g.io_side_spinning, [&] { return !g.locked.load(std::memory_order_relaxed); });
    if (!g.locked) return;
  }
  uint64_t seen = g.switch_number;
  bool timed_out = g.free_cond.wait_for(lock, std::chrono::nanoseconds(interval_ns())) == std::cv_status::timeout;
  // An I/O holder is asked only after a whole interval.
  if (timed_out && g.locked && g.holder_io && g.switch_number == seen) eval_breaker_set(kBreakerGilDropRequest);
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
  bool io_priority = g_policy.load(std::memory_order_relaxed) == GilPolicy::IoPriority;
  bool priority = after_blocking && io_priority;
  bool io_turn = priority && io_budget_left(g, start);
  if (!g.locked && may_take(g, ts, priority, io_turn)) {
    take_locked(g, ts, 0, priority);
    return;
  }
  ++g.waiting;
  if (priority) ++g.priority_waiting;
  if (trace_enabled()) trace_gil_wait_begin(ts, start);
  uint64_t ask_at_ns = start + interval_ns();
  for (;;) {
    if (priority) io_turn = io_budget_left(g, now_ns());
    if (!g.locked && may_take(g, ts, priority, io_turn)) break;
    if (io_turn) {
      wait_io_turn(g, lock);
    } else if (io_priority) {
      wait_cpu_turn(g, lock, ts, ask_at_ns, priority ? now_ns() + io_budget_wait_ns(g) : 0);
    } else {
      uint64_t seen = g.switch_number;
      bool timed_out = g.free_cond.wait_for(lock, std::chrono::nanoseconds(interval_ns())) == std::cv_status::timeout;
      // Only ask for a drop if nobody got the GIL during a whole interval: otherwise the
      // current holder has had less than an interval and deserves it.
      if (timed_out && g.locked && g.switch_number == seen) eval_breaker_set(kBreakerGilDropRequest);
    }
  }
  --g.waiting;
  if (priority) --g.priority_waiting;
  take_locked(g, ts, now_ns() - start, priority);
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
    // Dropping for an I/O thread, not for a CPU-bound thread's turn: keep the turn (rule 3).
    bool io_turn = g.priority_waiting > 0 && g.cpu_next == nullptr;
    if (io_turn) g.cpu_next = ts;
    release_locked(g, ts, false);
    if (io_turn) {
      // Rule 4: the I/O thread takes the GIL and gives it back within microseconds.
      ++g.preempted;
      spin_unlocked(lock, g.cpu_side_spinning, [&] {
        return g.switch_number.load(std::memory_order_relaxed) != seen && !g.locked.load(std::memory_order_relaxed);
      });
      --g.preempted;
    } else {
      // Forced switching: do not compete until another thread has actually taken the GIL.
      ++g.switching;
      g.switched.wait(lock, [&] { return g.switch_number != seen; });
      --g.switching;
    }
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
  take_locked(*g_gil, ts, 0, false);
}

ScopedGilRelease::ScopedGilRelease() : ts_(current_thread()) { gil_release(ts_); }
ScopedGilRelease::~ScopedGilRelease() { gil_acquire(ts_, true); }

}  // namespace minipy
