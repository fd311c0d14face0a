// The native core of asyncio (the `_asyncio` module): Future, Task, callback handles and the
// loop core (ready queue, timer heap, epoll wait). The rest of the package is Python in
// stdlib/lib/asyncio/ and reaches these types through `_asyncio`.
#pragma once

#include "objects/object.h"
#include "objects/singletons.h"

namespace minipy {

struct Dict;
struct List;

enum class FutState : uint8_t { Pending, Cancelled, Finished };

struct FutureObject : Object {
  Value loop;
  Value result;          // null until set
  Value exception;       // null unless finished with an exception
  Value cancel_message;  // null: None
  Value cancelled_exc;   // the CancelledError that cancelled it, reused by the next raise
  List* callbacks;       // pending done callbacks: callback, context, callback, context, ...
  Dict* dict;            // instance __dict__ (subclasses and _source_traceback-style extras)
  FutState state;
  bool log_traceback;    // an exception was set and nobody has retrieved it yet
  bool blocking;         // _asyncio_future_blocking: a task waits on it via `yield self`
  bool finalizer_registered;
};

struct TaskObject : FutureObject {
  Value coro;
  Value fut_waiter;  // the future the coroutine waits on, or null
  Value name;
  Value context;     // the context each step runs in (None until contextvars exists)
  Value step_cb;     // bound `__step` and `__wakeup`, made once per task
  Value wakeup_cb;
  uintptr_t* weak_slot;  // its entry in the weak registry of unfinished tasks, or null
  int64_t num_cancels_requested;
  bool must_cancel;
  bool log_destroy_pending;
};

struct HandleObject : Object {
  Value callback;  // null once cancelled
  Tuple* args;     // null once cancelled
  Value loop;
  Value context;
  bool cancelled;
};

struct TimerHandleObject : HandleObject {
  double when;
  bool scheduled;  // still in its loop's heap
};

extern Type future_type, future_iter_type, task_type, handle_type, timer_handle_type, loop_core_type,
    socket_transport_type;

inline Value or_none(Value v) { return v ? v : none_value(); }

// Type setup, called once by the module creator in dependency order.
void asyncio_future_types_init();
void asyncio_handle_types_init();
void asyncio_task_types_init();
void asyncio_loop_core_types_init();
void asyncio_transport_types_init();

// Python-level helpers of the package, imported on first use (asyncio.exceptions.X,
// asyncio.events._format_callback ...). Null with an exception pending on failure.
Value asyncio_attr(const char* module, const char* name);
// A new asyncio exception instance `name`(args...) (CancelledError, InvalidStateError).
Value asyncio_exception(const char* name, std::initializer_list<Value> args);

// loop.call_soon(callback, arg, context=context) for any loop, without the method call when
// `loop` is a native loop core. `arg` may be null for no arguments. Returns the handle.
Value loop_call_soon(Value loop, Value callback, Value arg, Value context);

// A new handle of `type` (handle_type or timer_handle_type); args may be null for none. A None
// context means a copy of the current one, as in CPython. Null with an exception on failure.
HandleObject* handle_new(Type* type, Value callback, Tuple* args, Value loop, Value context);
// contextvars.copy_context(), or None while no program code has imported contextvars (then no
// context variable exists, and callbacks run without Context.run). Null on failure.
Value asyncio_copy_context();
// Runs the callback; a failure goes to loop.call_exception_handler. Null only for
// KeyboardInterrupt / SystemExit (or a failing exception handler).
Value handle_run(HandleObject* h);
// A timer of `loop` was cancelled (native loops count it to purge their heap). False with an
// exception pending on failure.
bool timer_handle_cancelled(Value loop, TimerHandleObject* h);

// Future operations shared by Task (they skip the Python-level method lookup).
Value future_set_result_impl(FutureObject* f, Value result);
Value future_set_exception_impl(FutureObject* f, Value exc);
bool future_cancel_impl(FutureObject* f, Value msg);
Value future_make_cancelled_error(FutureObject* f);
Value future_add_done_callback_impl(FutureObject* f, Value fn, Value context);
// Initialises the future's fields; loop null/None means the current event loop.
int future_init_impl(FutureObject* f, Value loop);

// The tasks registry behind current_task() and all_tasks(): loop -> running task, and the
// unfinished tasks (weakly held, so a dropped pending task can be reported when collected).
Dict* asyncio_current_tasks();
Value asyncio_unfinished_tasks(Value, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace minipy
