// ThreadState: everything the interpreter keeps per OS thread.
//
// One exists for each thread that runs Python code (the main thread's is created by
// interpreter_init). Native code reaches it through current_thread(); the eval loop keeps it in
// a local. The GIL (runtime/gil.h) decides which ThreadState may touch objects at a time.
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "runtime/gil.h"

namespace minipy {

struct Frame;

struct ThreadState {
  // The exception being raised right now (an exception instance), null if none. Set by
  // raise_*() in runtime/errors.h; the eval loop unwinds while it is set.
  Value current_exception;

  // The stack of exceptions being handled (`except` blocks, `finally` during unwinding):
  // what sys.exc_info() returns and what a newly raised exception takes as __context__.
  // Each frame that enters a handler pushes; the VM owns the layout (vm/frame.h).
  Value handled_exception;

  Frame* frame = nullptr;        // innermost executing Python frame
  int recursion_depth = 0;       // Python-level calls currently on this thread
  int recursion_limit = 1000;    // copied from sys.getrecursionlimit() on change

  uint64_t thread_id = 0;        // threading.get_ident()
  uint64_t native_id = 0;        // threading.get_native_id()
  GilStats gil;                  // GIL accounting (runtime/gil.h)
  Dict* thread_locals = nullptr; // _thread._local object -> this thread's attribute dict
  ThreadState* next = nullptr;   // all thread states, linked (for GIL, tracing, fork)
};

// The calling thread's state. Never null while the thread runs Python code.
ThreadState* current_thread();
void set_current_thread(ThreadState* ts);

// Creates and registers the state for the calling thread (also registers it with the
// collector). Used by interpreter start-up and by _thread for new threads.
ThreadState* thread_state_create();
void thread_state_destroy(ThreadState* ts);

// Calls fn(ts) for every registered thread state, holding the registry lock.
template <class Fn>
void for_each_thread(Fn fn);
void thread_registry_lock();
void thread_registry_unlock();
ThreadState* thread_registry_head();

template <class Fn>
void for_each_thread(Fn fn) {
  thread_registry_lock();
  for (ThreadState* ts = thread_registry_head(); ts; ts = ts->next) fn(ts);
  thread_registry_unlock();
}

}  // namespace minipy
