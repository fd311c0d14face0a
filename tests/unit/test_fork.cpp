// fork: a child forked while other threads allocate can still allocate and collect, and a
// _multiprocessing.SemLock created before the fork is shared with the child.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>

#include "objects/float.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class ForkTest : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    posix_ = posix_module_create();
    mp_ = multiprocessing_module_create();
    ASSERT_TRUE(posix_);
    ASSERT_TRUE(mp_);
  }
  void TearDown() override { error_clear(); }

  // os.fork(); returns the pid (0 in the child).
  int64_t fork_now() {
    Value pid = call(getattr_cstr(posix_, "fork"), {});
    EXPECT_TRUE(pid);
    return pid ? pid.as_small_int() : -1;
  }
  static int wait_exit_code(int64_t pid) {
    int status = 0;
    waitpid(static_cast<pid_t>(pid), &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  Value posix_, mp_;
};

std::atomic<bool> g_stop{false};

// A thread outside the interpreter that keeps the collector busy (registered by
// GC_pthread_create), so that fork() can land in the middle of an allocation.
void* allocate_forever(void*) {
  while (!g_stop.load()) {
    void* p = gc_malloc(64);
    static_cast<char*>(p)[0] = 1;
  }
  return nullptr;
}

TEST_F(ForkTest, ChildAllocatesAndCollectsWhileParentThreadsAllocate) {
  g_stop = false;
  pthread_t threads[2];
  for (auto& t : threads) ASSERT_EQ(GC_pthread_create(&t, nullptr, allocate_forever, nullptr), 0);
  int64_t pid = fork_now();
  if (pid == 0) {
    List* keep = list_new();
    for (int i = 0; i < 200000; ++i) {
      list_append(keep, float_new(i));
      if (i % 1000 == 0) keep = list_new();
    }
    GC_gcollect();
    list_append(keep, none_value());
    ::_exit(keep->size == 1000 ? 0 : 3);
  }
  g_stop = true;
  for (auto& t : threads) GC_pthread_join(t, nullptr);
  EXPECT_EQ(wait_exit_code(pid), 0);
}

TEST_F(ForkTest, SemLockIsSharedWithTheChild) {
  Value semlock_type = getattr_cstr(mp_, "SemLock");
  Value kind = getattr_cstr(mp_, "SEMAPHORE");
  Value sem = call(semlock_type, {kind, Value::small_int(0), Value::small_int(1)});
  ASSERT_TRUE(sem);
  int64_t pid = fork_now();
  if (pid == 0) {
    // The child releases the semaphore the parent waits on.
    ::_exit(call(getattr_cstr(sem, "release"), {}) ? 0 : 1);
  }
  Value got = call(getattr_cstr(sem, "acquire"), {true_value(), float_new(30.0)});
  EXPECT_TRUE(got.is(true_value()));
  EXPECT_EQ(wait_exit_code(pid), 0);
  // Released too often: CPython's message.
  ASSERT_TRUE(call(getattr_cstr(sem, "release"), {}));
  EXPECT_FALSE(call(getattr_cstr(sem, "release"), {}));
  error_clear();
}

}  // namespace
}  // namespace minipy
