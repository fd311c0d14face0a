#include "runtime/semaphore_wait.h"

#include <errno.h>
#include <time.h>

#include <cmath>

#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"

namespace minipy {

WaitResult semaphore_wait(sem_t* sem, double timeout) {
  if (sem_trywait(sem) == 0) return WaitResult::Acquired;
  if (errno != EAGAIN && errno != EINTR) {
    raise_os_error(errno);
    return WaitResult::Error;
  }
  if (timeout == 0) return WaitResult::TimedOut;
  timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  if (timeout > 0) {
    double whole;
    double frac = std::modf(timeout, &whole);
    deadline.tv_sec += static_cast<time_t>(whole);
    deadline.tv_nsec += static_cast<long>(frac * 1e9);
    if (deadline.tv_nsec >= 1'000'000'000) {
      deadline.tv_sec += 1;
      deadline.tv_nsec -= 1'000'000'000;
    }
  }
  for (;;) {
    int rc;
    int err;
    {
      ScopedGilRelease unlocked;
      rc = timeout > 0 ? sem_clockwait(sem, CLOCK_MONOTONIC, &deadline) : sem_wait(sem);
      err = errno;
    }
    if (rc == 0) return WaitResult::Acquired;
    if (err == ETIMEDOUT) return WaitResult::TimedOut;
    if (err != EINTR) {
      raise_os_error(err);
      return WaitResult::Error;
    }
    if (run_pending_signal_handlers(current_thread()) < 0) return WaitResult::Error;
  }
}

}  // namespace minipy
