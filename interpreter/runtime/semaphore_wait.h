// Waiting on a POSIX semaphore with the GIL released: the one blocking wait under _thread's
// locks and multiprocessing's process-shared semaphores.
#pragma once

#include <semaphore.h>

namespace minipy {

enum class WaitResult { Acquired, TimedOut, Error };

// Acquires `sem`, waiting at most `timeout` seconds (negative: forever, 0: do not block). The
// GIL is released while blocked. A signal interrupts the wait (EINTR); its Python handler then
// runs in the main thread and, if it raises (KeyboardInterrupt), the wait ends with that
// exception (Error, exception pending).
WaitResult semaphore_wait(sem_t* sem, double timeout);

}  // namespace minipy
