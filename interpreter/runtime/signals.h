// Signals: the C handler only records which signal arrived and trips the eval breaker; the
// Python-level handlers (signal.signal, KeyboardInterrupt for SIGINT) run later in the main
// thread, between bytecodes, as CPython does.
#pragma once

#include "objects/object.h"

namespace minipy {

struct ThreadState;

constexpr int kMaxSignal = 65;

// Installs the default SIGINT handler (KeyboardInterrupt) and remembers the main thread.
void signals_init(ThreadState* main_thread);
// Runs the Python handlers of signals that arrived, if called on the main thread. -1 if a
// handler raised.
int run_pending_signal_handlers(ThreadState* ts);
// The Python handler for `signum` (a callable, or the SIG_DFL/SIG_IGN ints), null if none.
Value signal_handler(int signum);
// Sets the Python handler (signal.signal): installs the C trampoline, or restores SIG_DFL /
// SIG_IGN when `handler` is one of those ints. Returns the previous handler.
Value set_signal_handler(int signum, Value handler);
// True when the calling thread is the main thread (signal.signal must be called there).
bool is_main_thread(ThreadState* ts);
// signal.set_wakeup_fd: the C handler also writes the signal number as one byte to `fd`
// (-1: none), so an event loop blocked in epoll_wait wakes up. Returns the previous fd.
int set_signal_wakeup_fd(int fd);

}  // namespace minipy
