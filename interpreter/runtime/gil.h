// The global interpreter lock. See gil.cpp for the protocol.
#pragma once

#include <cstdint>

namespace minipy {

struct ThreadState;

enum class GilPolicy : uint8_t {
  // CPython 3.2+'s behaviour: every waiter waits a switch interval before asking for the GIL.
  Fair,
  // minipy's default: a thread coming back from a blocking call (I/O, sleep, lock waits) asks
  // at once and goes before CPU-bound waiters, which removes the convoy effect.
  IoPriority,
};

// Per-thread counters since start or the last gil_reset_stats() (the `gil` module shows them).
struct GilStats {
  uint64_t acquisitions = 0;
  uint64_t voluntary_releases = 0;  // around blocking calls
  uint64_t forced_releases = 0;     // on another thread's drop request
  uint64_t held_ns = 0;
  uint64_t waited_ns = 0;
  uint64_t held_since_ns = 0;       // when the current holding period started (0: not held)
};

void gil_init();
// Takes the GIL for `ts`; `after_blocking` marks a thread returning from a blocking call (it
// gets priority under GilPolicy::IoPriority).
void gil_acquire(ThreadState* ts, bool after_blocking = false);
// Gives the GIL up for a blocking call (voluntary).
void gil_release(ThreadState* ts);
// Called by the eval loop when the breaker shows a drop request: releases, waits until
// another thread has taken the GIL (forced switching), then queues for it again.
void gil_yield_on_request(ThreadState* ts);
// Is the calling thread's state the current holder? (Debug checks.)
bool gil_held_by(ThreadState* ts);
ThreadState* gil_holder();

// sys.setswitchinterval / getswitchinterval, in seconds.
void gil_set_switch_interval(double seconds);
double gil_switch_interval();
void gil_set_policy(GilPolicy policy);
GilPolicy gil_policy();
void gil_reset_stats();

// After fork() in the child: the forking thread owns a fresh GIL, other threads are gone.
void gil_reinit_after_fork(ThreadState* ts);

// Releases the GIL for the lifetime of the guard, around a blocking system call. Nothing may
// touch a Python object while it is alive: copy what the call needs into C++ locals first.
class ScopedGilRelease {
 public:
  ScopedGilRelease();
  ~ScopedGilRelease();
  ScopedGilRelease(const ScopedGilRelease&) = delete;
  ScopedGilRelease& operator=(const ScopedGilRelease&) = delete;

 private:
  ThreadState* ts_;
};

}  // namespace minipy
