// The GIL protocol on raw threads (no eval loop): mutual exclusion, hand-off on a drop
// request, forced switching, priority for threads returning from blocking calls, accounting.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

// The test body's own thread competes for the GIL with the interpreter's main thread state.
class GilTest : public RawThreadsGilTest {};

// A "CPU-bound" holder: spins, serving the breaker as the eval loop does, `slices` times
// giving the GIL away when asked; counts how often it ran while holding.
void cpu_thread(std::atomic<int>* inside, std::atomic<bool>* overlap, std::atomic<bool>* stop, int* handoffs) {
  ThreadState* ts = thread_state_create();
  gil_acquire(ts);
  while (!stop->load()) {
    if (inside->fetch_add(1) != 0) overlap->store(true);
    inside->fetch_sub(1);
    if (eval_breaker_tripped()) {
      uint64_t before = ts->gil.forced_releases;
      handle_eval_breaker(ts);
      if (ts->gil.forced_releases != before) ++*handoffs;
    }
  }
  gil_release(ts);
  thread_state_destroy(ts);
}

TEST_F(GilTest, CpuBoundThreadsTakeTurnsAndNeverOverlap) {
  std::atomic<int> inside{0};
  std::atomic<bool> overlap{false}, stop{false};
  int handoffs_a = 0, handoffs_b = 0;
  std::thread a(cpu_thread, &inside, &overlap, &stop, &handoffs_a);
  std::thread b(cpu_thread, &inside, &overlap, &stop, &handoffs_b);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  stop.store(true);
  a.join();
  b.join();
  EXPECT_FALSE(overlap.load());
  // With a 1 ms interval over 100 ms both threads must have been forced to hand over.
  EXPECT_GT(handoffs_a, 0);
  EXPECT_GT(handoffs_b, 0);
}

TEST_F(GilTest, ThreadReturningFromBlockingCallGetsTheGil) {
  std::atomic<bool> stop{false}, got_it{false};
  std::atomic<int> inside{0};
  std::atomic<bool> overlap{false};
  int handoffs = 0;
  std::thread cpu(cpu_thread, &inside, &overlap, &stop, &handoffs);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::thread io([&] {
    ThreadState* ts = thread_state_create();
    for (int i = 0; i < 20; ++i) {
      // Come back only once the CPU-bound thread holds the GIL again, so that every return
      // goes through a drop request (on a loaded machine it may not have re-taken it yet).
      while (!gil_holder()) std::this_thread::yield();
      gil_acquire(ts, /*after_blocking=*/true);
      if (inside.fetch_add(1) != 0) overlap.store(true);
      inside.fetch_sub(1);
      gil_release(ts);
      // "Blocking I/O": long enough for the CPU-bound thread to take the GIL back.
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    EXPECT_EQ(ts->gil.acquisitions, 20u);
    EXPECT_EQ(ts->gil.voluntary_releases, 20u);
    got_it.store(true);
    thread_state_destroy(ts);
  });
  io.join();
  stop.store(true);
  cpu.join();
  EXPECT_TRUE(got_it.load());
  EXPECT_FALSE(overlap.load());
  EXPECT_GE(handoffs, 20);
}

TEST_F(GilTest, FairPolicyStillHandsOver) {
  gil_set_policy(GilPolicy::Fair);
  std::atomic<bool> stop{false};
  std::atomic<int> inside{0};
  std::atomic<bool> overlap{false};
  int handoffs = 0;
  std::thread cpu(cpu_thread, &inside, &overlap, &stop, &handoffs);
  // Ask only once the CPU-bound thread holds the GIL (on a loaded machine it may start late).
  while (!gil_holder()) std::this_thread::yield();
  ThreadState* ts = current_thread();
  gil_acquire(ts, true);
  EXPECT_TRUE(gil_held_by(ts));
  gil_release(ts);
  stop.store(true);
  cpu.join();
  EXPECT_GE(handoffs, 1);
  EXPECT_FALSE(overlap.load());
}

TEST_F(GilTest, SwitchIntervalRoundTrips) {
  gil_set_switch_interval(0.005);
  EXPECT_DOUBLE_EQ(gil_switch_interval(), 0.005);
}

// Kept in whole microseconds like CPython's, so sys.getswitchinterval() truncates the same way.
TEST_F(GilTest, SwitchIntervalTruncatesToMicroseconds) {
  gil_set_switch_interval(2.7e-6);
  EXPECT_DOUBLE_EQ(gil_switch_interval(), 2e-6);
  gil_set_switch_interval(1e-7);
  EXPECT_DOUBLE_EQ(gil_switch_interval(), 0.0);
}

// With a sub-microsecond interval (stored as 0) a waiting thread still gets the GIL without
// the holder giving it up voluntarily.
TEST_F(GilTest, ZeroStoredIntervalStillHandsOver) {
  gil_set_switch_interval(1e-7);
  std::atomic<bool> stop{false};
  std::atomic<int> inside{0};
  std::atomic<bool> overlap{false};
  int handoffs = 0;
  std::thread cpu(cpu_thread, &inside, &overlap, &stop, &handoffs);
  while (gil_holder() == nullptr) std::this_thread::yield();
  ThreadState* ts = current_thread();
  gil_acquire(ts);
  EXPECT_TRUE(gil_held_by(ts));
  gil_release(ts);
  stop.store(true);
  cpu.join();
  EXPECT_GE(handoffs, 1);
  EXPECT_FALSE(overlap.load());
}

// A thread the collector did not start is registered by thread_state_create and must be
// forgotten by thread_state_destroy: a stale entry made every later collection signal a thread
// that no longer exists ("Signals delivery fails constantly" when all suites ran in one process).
TEST_F(GilTest, RawThreadLeavesTheCollectorsThreadTable) {
  bool registered_inside = false, registered_after = true;
  std::thread t([&] {
    ThreadState* ts = thread_state_create();
    registered_inside = GC_thread_is_registered();
    thread_state_destroy(ts);
    registered_after = GC_thread_is_registered();
  });
  t.join();
  EXPECT_TRUE(registered_inside);
  EXPECT_FALSE(registered_after);
  for (int i = 0; i < 20; ++i) {
    std::thread([] { thread_state_destroy(thread_state_create()); }).join();
    GC_gcollect();
  }
}

}  // namespace
}  // namespace minipy
