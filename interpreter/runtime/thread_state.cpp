#include "runtime/thread_state.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <mutex>

#include "runtime/memory.h"
#include "runtime/sys_state.h"

namespace minipy {

namespace {

thread_local ThreadState* tls_current = nullptr;
// Set when thread_state_create registered this thread with the collector, which must then
// forget it before the thread exits: a dead registered thread makes every later collection
// signal a thread that is gone (or another one that reuses its id).
thread_local bool tls_registered_gc = false;

// Guards the list of thread states; taken only when threads start and end.
std::mutex registry_mutex;
ThreadState* registry_head = nullptr;

}  // namespace

void thread_registry_lock() { registry_mutex.lock(); }
void thread_registry_unlock() { registry_mutex.unlock(); }
ThreadState* thread_registry_head() { return registry_head; }

ThreadState* current_thread() { return tls_current; }
void set_current_thread(ThreadState* ts) { tls_current = ts; }

ThreadState* thread_state_create() {
  // Threads not created by GC_pthread_create must announce themselves so the collector scans
  // their stacks; the main thread is registered by GC_INIT already.
  if (!GC_thread_is_registered()) {
    GC_stack_base sb;
    GC_get_stack_base(&sb);
    GC_register_my_thread(&sb);
    tls_registered_gc = true;
  }
  // Uncollectable: the registry list lives in static memory but the collector must still
  // scan the Values inside each state.
  auto* ts = static_cast<ThreadState*>(gc_malloc_uncollectable(sizeof(ThreadState)));
  new (ts) ThreadState();
  ts->thread_id = static_cast<uint64_t>(pthread_self());
  ts->recursion_limit = recursion_limit();
  ts->native_id = static_cast<uint64_t>(syscall(SYS_gettid));
  {
    std::lock_guard<std::mutex> lock(registry_mutex);
    ts->next = registry_head;
    registry_head = ts;
  }
  tls_current = ts;
  return ts;
}

void thread_state_destroy(ThreadState* ts) {
  {
    std::lock_guard<std::mutex> lock(registry_mutex);
    for (ThreadState** p = &registry_head; *p; p = &(*p)->next) {
      if (*p == ts) {
        *p = ts->next;
        break;
      }
    }
  }
  if (tls_current == ts) tls_current = nullptr;
  ts->~ThreadState();
  GC_FREE(ts);
  // thread_state_destroy runs on the thread that created the state.
  if (tls_registered_gc) {
    tls_registered_gc = false;
    GC_unregister_my_thread();
  }
}

}  // namespace minipy
