// Shared set-up for the GoogleTest units that need a running interpreter.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>

#include "runtime/gil.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"

namespace minipy {

// GoogleTest creates fixtures with `new`, in memory the collector does not scan; a fixture
// that keeps Values in members derives from this too, so that what they point to is not
// collected while the test runs.
struct GcScannedFixture {
  static void* operator new(std::size_t bytes) { return GC_MALLOC_UNCOLLECTABLE(bytes); }
  static void operator delete(void* p) { GC_FREE(p); }
};

// Brings the interpreter up once per test binary (every test file shares this one flag).
inline void ensure_interpreter() {
  static const bool initialised = [] {
    interpreter_init({"minipy"});
    return true;
  }();
  (void)initialised;
}

// For tests that drive the GIL from raw threads. The interpreter is shared with the other
// suites of the binary, so its main thread holds the GIL: each test lets go of it and takes
// it back after, with the io-priority policy and a 1 ms interval, restoring the settings.
class RawThreadsGilTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ensure_interpreter();
    saved_policy_ = gil_policy();
    saved_interval_ = gil_switch_interval();
    gil_set_policy(GilPolicy::IoPriority);
    gil_set_switch_interval(0.001);
    gil_release(current_thread());
  }
  void TearDown() override {
    gil_acquire(current_thread());
    gil_set_policy(saved_policy_);
    gil_set_switch_interval(saved_interval_);
  }

 private:
  GilPolicy saved_policy_ = GilPolicy::IoPriority;
  double saved_interval_ = 0;
};

}  // namespace minipy
