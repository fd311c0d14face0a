#include "runtime/signals.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>

#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

std::atomic<bool> g_tripped[kMaxSignal];
ThreadState* g_main_thread = nullptr;
// Python handlers by signal number; static storage, which the collector scans.
Value g_handlers[kMaxSignal];
std::atomic<int> g_wakeup_fd{-1};
std::atomic<pthread_t> g_main_pthread;

// Async-signal-safe: only atomics, pthread_kill and write(2).
void c_signal_handler(int signum) {
  if (signum <= 0 || signum >= kMaxSignal) return;
  g_tripped[signum].store(true, std::memory_order_relaxed);
  eval_breaker_set(kBreakerSignalsPending);
  // The kernel may pick any thread for a process-directed signal (os.kill, Ctrl-C), but only
  // the main thread runs the Python handlers, and it may be blocked in sleep() or join(): pass
  // the signal on so its blocking call returns EINTR and it serves the handler at once.
  pthread_t main = g_main_pthread.load(std::memory_order_relaxed);
  if (!pthread_equal(pthread_self(), main) && pthread_kill(main, signum) == 0) return;
  int fd = g_wakeup_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    // The byte only wakes the reader; a full pipe loses nothing (the flag above is set).
    int saved = errno;
    unsigned char byte = static_cast<unsigned char>(signum);
    ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
    errno = saved;
  }
}

void install_c_handler(int signum) {
  struct sigaction sa = {};
  sa.sa_handler = c_signal_handler;
  sigemptyset(&sa.sa_mask);
  // Blocking system calls return EINTR so the waiting code can run the handlers promptly.
  sa.sa_flags = 0;
  sigaction(signum, &sa, nullptr);
}

}  // namespace

void signals_init(ThreadState* main_thread) {
  g_main_thread = main_thread;
  g_main_pthread.store(pthread_self(), std::memory_order_relaxed);
  install_c_handler(SIGINT);
  signal(SIGPIPE, SIG_IGN);  // writes to closed pipes raise BrokenPipeError instead
}

bool is_main_thread(ThreadState* ts) { return ts == g_main_thread; }

int set_signal_wakeup_fd(int fd) { return g_wakeup_fd.exchange(fd); }

int run_pending_signal_handlers(ThreadState* ts) {
  if (ts != g_main_thread) return 0;
  eval_breaker_clear(kBreakerSignalsPending);
  for (int s = 1; s < kMaxSignal; ++s) {
    if (!g_tripped[s].exchange(false, std::memory_order_relaxed)) continue;
    Value handler = g_handlers[s];
    if (!handler || handler.is_small_int()) {
      if (s == SIGINT) {
        raise_empty(&exc_KeyboardInterrupt);
        return -1;
      }
      continue;
    }
    Value frame = none_value();
    if (!call(handler, {Value::small_int(s), frame})) {
      // Signals that arrived meanwhile still run at the next breaker check.
      for (int t = s + 1; t < kMaxSignal; ++t) {
        if (g_tripped[t].load(std::memory_order_relaxed)) eval_breaker_set(kBreakerSignalsPending);
      }
      return -1;
    }
  }
  return 0;
}

Value signal_handler(int signum) {
  if (signum <= 0 || signum >= kMaxSignal) return Value();
  return g_handlers[signum];
}

Value set_signal_handler(int signum, Value handler) {
  Value previous = g_handlers[signum];
  g_handlers[signum] = handler;
  if (handler.is_small_int()) {
    int64_t which = handler.as_small_int();
    signal(signum, which == 1 ? SIG_IGN : SIG_DFL);
  } else {
    install_c_handler(signum);
  }
  return previous;
}

}  // namespace minipy
