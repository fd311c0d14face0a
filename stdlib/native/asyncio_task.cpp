// _asyncio.Task: runs a coroutine on its loop. Each step sends into (or throws into) the
// coroutine until it yields a future; that future's completion schedules the next step
// (`__wakeup`). A bare `yield` (sleep(0)) schedules the next step at once. Semantics follow
// CPython 3.11's Task: cancel requests, uncancel counts, the messages of bad yields, the
// registry of current and unfinished tasks.
#include <string>
#include <unordered_set>

#include "objects/dict.h"
#include "objects/descriptors.h"
#include "objects/exceptions.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"
#include "runtime/trace.h"
#include "stdlib/native/asyncio.h"

namespace minipy {

Type task_type;

namespace {

// loop -> the task whose step runs on it. Static, so scanned.
Dict* g_current_tasks;
// Weak slots of the unfinished tasks (hidden pointers: they keep no task alive).
std::unordered_set<uintptr_t*>* g_task_slots;
int64_t g_task_counter;

void register_task(TaskObject* t) {
  auto* slot = new uintptr_t(hide_pointer(t));
  register_weak_slot(slot, t);
  g_task_slots->insert(slot);
  t->weak_slot = slot;
}

void drop_slot(uintptr_t* slot) {
  unregister_weak_slot(slot);
  g_task_slots->erase(slot);
  delete slot;
}

TaskObject* as_task(Value v) { return v.as<TaskObject>(); }

std::string repr_text(Value v, bool* ok) {
  Value r = repr(v);
  *ok = static_cast<bool>(r);
  return r ? std::string(r.as<Str>()->view()) : std::string();
}

Value task_step(TaskObject* t, Value exc);

Value step_fn(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("task_step", kwnames) || !check_nargs("task_step", nargs, 0, 1)) return Value();
  return task_step(as_task(self), nargs && !is_none(args[0]) ? args[0] : Value());
}

// The future a task waited on is done: step with its outcome.
Value wakeup_fn(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("task_wakeup", kwnames) || !check_nargs("task_wakeup", nargs, 1, 1)) return Value();
  TaskObject* t = as_task(self);
  Value fut = args[0];
  Type* ft = type_of(fut);
  if (ft == &future_type || ft == &task_type) {
    auto* f = fut.as<FutureObject>();
    if (f->state == FutState::Finished && !f->exception) return task_step(t, Value());
    Value exc;
    if (f->state == FutState::Cancelled) {
      exc = future_make_cancelled_error(f);
      if (!exc) return exc;
    } else if (f->state == FutState::Finished) {
      f->log_traceback = false;
      exc = f->exception;
    }
    if (exc) return task_step(t, exc);
  }
  Value r = call_method(fut, intern("result"), {});
  if (r) return task_step(t, Value());
  return task_step(t, error_fetch());
}

const MethodDef kStepDef = {"task_step", step_fn};
const MethodDef kWakeupDef = {"task_wakeup", wakeup_fn};

void task_finished(TaskObject* t) {
  if (!t->weak_slot) return;
  drop_slot(t->weak_slot);
  t->weak_slot = nullptr;
}

Value schedule_step(TaskObject* t, Value exc) { return loop_call_soon(t->loop, t->step_cb, exc, t->context); }

// Reports a task that was collected while still pending, as CPython's Task.__del__ does.
void task_finalize(Object* obj) {
  auto* t = static_cast<TaskObject*>(obj);
  task_finished(t);
  if (t->state == FutState::Pending && t->log_destroy_pending && t->loop) {
    Dict* context = dict_new();
    dict_set_cstr(context, "task", Value(t));
    dict_set_cstr(context, "message", Value(str_new("Task was destroyed but it is pending!")));
    t->log_destroy_pending = false;
    if (!call_method(t->loop, intern("call_exception_handler"), {Value(context)})) report_unraisable(Value(t));
    return;
  }
  if (t->log_traceback && t->exception && t->loop) {
    t->log_traceback = false;
    Dict* context = dict_new();
    dict_set_cstr(context, "message", Value(str_new(std::string(type_of(Value(t))->name_str->view()) + " exception was never retrieved")));
    dict_set_cstr(context, "exception", t->exception);
    dict_set_cstr(context, "future", Value(t));
    if (!call_method(t->loop, intern("call_exception_handler"), {Value(context)})) report_unraisable(Value(t));
  }
}

Value raise_runtime(const std::string& msg) { return raise(&exc_RuntimeError, msg); }

// The coroutine yielded `result`: wait on it if it is a future of this loop, else step again
// with the RuntimeError CPython raises for a bad yield.
Value wait_on(TaskObject* t, Value result) {
  bool ok;
  std::string err;
  Type* rt = type_of(result);
  if (rt == &future_type || rt == &task_type) {
    auto* f = result.as<FutureObject>();
    if (!f->loop.is(t->loop)) {
      std::string a = repr_text(Value(t), &ok);
      if (!ok) return Value();
      std::string b = repr_text(result, &ok);
      if (!ok) return Value();
      err = "Task " + a + " got Future " + b + " attached to a different loop";
    } else if (!f->blocking) {
      std::string a = repr_text(Value(t), &ok);
      if (!ok) return Value();
      std::string b = repr_text(result, &ok);
      if (!ok) return Value();
      err = "yield was used instead of yield from in task " + a + " with " + b;
    } else if (f == t) {
      std::string a = repr_text(Value(t), &ok);
      if (!ok) return Value();
      err = "Task cannot await on itself: " + a;
    } else {
      f->blocking = false;
      if (!future_add_done_callback_impl(f, t->wakeup_cb, t->context)) return Value();
      t->fut_waiter = result;
      if (t->must_cancel) {
        Value r = rt == &future_type ? bool_value(future_cancel_impl(f, t->cancel_message))
                                     : call_method(result, intern("cancel"), {or_none(t->cancel_message)});
        if (!r || error_pending()) return Value();
        int c = is_true(r);
        if (c < 0) return Value();
        if (c) t->must_cancel = false;
      }
      return none_value();
    }
  } else {
    Value blocking = getattr_optional(result, intern("_asyncio_future_blocking"));
    if (!blocking && error_pending()) return Value();
    if (!blocking || is_none(blocking)) {
      std::string b = repr_text(result, &ok);
      if (!ok) return Value();
      if (generator_check(result)) {
        std::string a = repr_text(Value(t), &ok);
        if (!ok) return Value();
        err = "yield was used instead of yield from for generator in task " + a + " with " + b;
      } else {
        err = "Task got bad yield: " + b;
      }
    } else {
      Value get_loop = asyncio_attr("asyncio.futures", "_get_loop");
      if (!get_loop) return Value();
      Value floop = call(get_loop, {result});
      if (!floop) return Value();
      int blk = is_true(blocking);
      if (blk < 0) return Value();
      if (!floop.is(t->loop)) {
        std::string a = repr_text(Value(t), &ok);
        if (!ok) return Value();
        std::string b = repr_text(result, &ok);
        if (!ok) return Value();
        err = "Task " + a + " got Future " + b + " attached to a different loop";
      } else if (!blk) {
        std::string a = repr_text(Value(t), &ok);
        if (!ok) return Value();
        std::string b = repr_text(result, &ok);
        if (!ok) return Value();
        err = "yield was used instead of yield from in task " + a + " with " + b;
      } else if (result.is(Value(t))) {
        std::string a = repr_text(Value(t), &ok);
        if (!ok) return Value();
        err = "Task cannot await on itself: " + a;
      } else {
        if (setattr(result, intern("_asyncio_future_blocking"), false_value()) < 0) return Value();
        static Tuple* const kContextKw = tuple_of({Value(intern("context"))});
        Value cb_args[2] = {t->wakeup_cb, t->context};
        Value meth = getattr(result, intern("add_done_callback"));
        if (!meth || !call(meth, cb_args, 1, kContextKw)) return Value();
        t->fut_waiter = result;
        if (t->must_cancel) {
          Value r = call_method(result, intern("cancel"), {or_none(t->cancel_message)});
          if (!r) return Value();
          int c = is_true(r);
          if (c < 0) return Value();
          if (c) t->must_cancel = false;
        }
        return none_value();
      }
    }
  }
  Value exc = call(Value(&exc_RuntimeError), {Value(str_new(err))});
  if (!exc) return exc;
  return schedule_step(t, exc) ? none_value() : Value();
}

bool is_cancelled_error(Value exc) {
  Value cls = asyncio_attr("asyncio.exceptions", "CancelledError");
  return cls && isinstance_fast(exc, cls.as<Type>());
}

Value task_step(TaskObject* t, Value exc) {
  if (t->state != FutState::Pending) {
    bool ok;
    std::string a = repr_text(Value(t), &ok);
    if (!ok) return Value();
    std::string b = repr_text(exc ? exc : none_value(), &ok);
    if (!ok) return Value();
    Value e = asyncio_exception("InvalidStateError", {Value(str_new("_step(): already done: " + a + ", " + b))});
    return e ? raise_value(e) : e;
  }
  if (t->must_cancel) {
    if (!exc || !is_cancelled_error(exc)) {
      if (error_pending()) return Value();
      exc = future_make_cancelled_error(t);
      if (!exc) return exc;
    }
    t->must_cancel = false;
  }
  t->fut_waiter = Value();

  Value previous = dict_get(g_current_tasks, t->loop);
  if (previous) {
    bool ok;
    std::string a = repr_text(Value(t), &ok);
    if (!ok) return Value();
    std::string b = repr_text(previous, &ok);
    if (!ok) return Value();
    return raise_runtime("Cannot enter into task " + a + " while another task " + b + " is being executed.");
  }
  if (error_pending() || dict_set(g_current_tasks, t->loop, Value(t)) < 0) return Value();

  bool tracing = trace_enabled();
  if (tracing) trace_task_step_begin(current_thread(), std::string(t->name.as<Str>()->view()));
  Value out;
  GenResult outcome;
  Value coro = t->coro;
  if (!exc && (coroutine_check(coro) || generator_check(coro))) {
    outcome = gen_send_ex(coro.as<Generator>(), none_value(), false, &out);
  } else {
    out = exc ? (coroutine_check(coro) || generator_check(coro) ? gen_throw(coro.as<Generator>(), exc)
                                                               : call_method(coro, intern("throw"), {exc}))
              : call_method(coro, intern("send"), {none_value()});
    if (out) {
      outcome = GenResult::Yield;
    } else if (error_matches(&exc_StopIteration)) {
      Value stop = error_fetch();
      out = stop.as<StopIterationObject>()->value;
      if (!out) out = none_value();
      outcome = GenResult::Return;
    } else {
      outcome = GenResult::Error;
    }
  }
  if (tracing) trace_task_step_end(current_thread());
  Value pending = outcome == GenResult::Error ? error_fetch() : Value();
  if (dict_del(g_current_tasks, t->loop) < 0) return Value();

  switch (outcome) {
    case GenResult::Return:
      task_finished(t);
      if (t->must_cancel) {
        t->must_cancel = false;
        future_cancel_impl(t, t->cancel_message);
        return error_pending() ? Value() : none_value();
      }
      return future_set_result_impl(t, out);
    case GenResult::Error: {
      task_finished(t);
      if (is_cancelled_error(pending)) {
        t->cancelled_exc = pending;
        future_cancel_impl(t, Value());
        return error_pending() ? Value() : none_value();
      }
      if (error_pending()) return Value();
      bool fatal = isinstance_fast(pending, &exc_KeyboardInterrupt) || isinstance_fast(pending, &exc_SystemExit);
      if (!future_set_exception_impl(t, pending)) return Value();
      if (fatal) {
        error_restore(pending);
        return Value();
      }
      return none_value();
    }
    case GenResult::Yield:
      if (is_none(out)) return schedule_step(t, Value()) ? none_value() : Value();
      return wait_on(t, out);
  }
  return none_value();
}

// ---- Python-visible methods -----------------------------------------------------------------

int task_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const Signature sig{"Task", {"coro", "loop", "name", "context"}, 1, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return -1;
  TaskObject* t = as_task(self);
  if (future_init_impl(t, a[1]) < 0) return -1;
  Value coro = a[0];
  // asend()/athrow() awaitables are Coroutines to collections.abc, which CPython's
  // iscoroutine() accepts: the loop's asyncgen finalizer makes a task of agen.aclose().
  Type* coro_type = type_of(coro);
  if (!coroutine_check(coro) && coro_type != &async_gen_asend_type && coro_type != &async_gen_athrow_type) {
    Value is_coro = asyncio_attr("asyncio.coroutines", "iscoroutine");
    if (!is_coro) return -1;
    Value r = call(is_coro, {coro});
    if (!r) return -1;
    int ok = is_true(r);
    if (ok < 0) return -1;
    if (!ok) {
      t->log_destroy_pending = false;
      bool rok;
      std::string text = repr_text(coro, &rok);
      if (!rok) return -1;
      raise(&exc_TypeError, "a coroutine was expected, got " + text);
      return -1;
    }
  }
  t->coro = coro;
  t->log_destroy_pending = true;
  if (!a[2] || is_none(a[2])) {
    t->name = Value(str_new("Task-" + std::to_string(++g_task_counter)));
  } else {
    t->name = to_str(a[2]);
    if (!t->name) return -1;
  }
  t->context = a[3] && !is_none(a[3]) ? a[3] : asyncio_copy_context();
  if (!t->context) return -1;
  t->step_cb = builtin_function_new(&kStepDef, self);
  t->wakeup_cb = builtin_function_new(&kWakeupDef, self);
  if (!schedule_step(t, Value())) return -1;
  if (!t->weak_slot) register_task(t);
  if (!t->finalizer_registered) {
    t->finalizer_registered = true;
    register_finalizer(t, task_finalize);
  }
  return 0;
}

Value task_tp_new(Type* type, const Value*, size_t, Tuple*) {
  auto* t = static_cast<TaskObject*>(alloc_instance(type));
  t->state = FutState::Pending;
  return Value(t);
}

Value m_cancel(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const Signature sig{"cancel", {"msg"}, 1, 0};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  TaskObject* t = as_task(self);
  Value msg = a[0] && !is_none(a[0]) ? a[0] : Value();
  t->log_traceback = false;
  if (t->state != FutState::Pending) return false_value();
  ++t->num_cancels_requested;
  if (t->fut_waiter) {
    static Tuple* const kMsgKw = tuple_of({Value(intern("msg"))});
    Value meth = getattr(t->fut_waiter, intern("cancel"));
    if (!meth) return Value();
    Value m = or_none(msg);
    Value r = call(meth, &m, 0, kMsgKw);
    if (!r) return Value();
    int c = is_true(r);
    if (c < 0) return Value();
    if (c) return true_value();
  }
  t->must_cancel = true;
  t->cancel_message = msg;
  return true_value();
}

Value m_cancelling(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cancelling", kwnames) || !check_nargs("cancelling", nargs, 0, 0)) return Value();
  return int_from_i64(as_task(self)->num_cancels_requested);
}

Value m_uncancel(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("uncancel", kwnames) || !check_nargs("uncancel", nargs, 0, 0)) return Value();
  TaskObject* t = as_task(self);
  if (t->num_cancels_requested > 0) --t->num_cancels_requested;
  return int_from_i64(t->num_cancels_requested);
}

Value m_get_coro(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_coro", kwnames) || !check_nargs("get_coro", nargs, 0, 0)) return Value();
  return or_none(as_task(self)->coro);
}

Value m_get_context(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_context", kwnames) || !check_nargs("get_context", nargs, 0, 0)) return Value();
  return or_none(as_task(self)->context);
}

Value m_get_name(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_name", kwnames) || !check_nargs("get_name", nargs, 0, 0)) return Value();
  return or_none(as_task(self)->name);
}

Value m_set_name(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set_name", kwnames) || !check_nargs("set_name", nargs, 1, 1)) return Value();
  Value s = to_str(args[0]);
  if (!s) return s;
  as_task(self)->name = s;
  return none_value();
}

Value m_set_result(Value, const Value*, size_t, Tuple*) {
  return raise(&exc_RuntimeError, "Task does not support set_result operation");
}

Value m_set_exception(Value, const Value*, size_t, Tuple*) {
  return raise(&exc_RuntimeError, "Task does not support set_exception operation");
}

Value m_repr_info(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_repr_info", kwnames) || !check_nargs("_repr_info", nargs, 0, 0)) return Value();
  Value fn = asyncio_attr("asyncio.tasks", "_task_repr_info");
  return fn ? call(fn, {self}) : fn;
}

Value get_coro_attr(Value self) { return or_none(as_task(self)->coro); }
Value get_fut_waiter(Value self) { return or_none(as_task(self)->fut_waiter); }
Value get_must_cancel(Value self) { return bool_value(as_task(self)->must_cancel); }
Value get_name_attr(Value self) { return or_none(as_task(self)->name); }
Value get_log_destroy_pending(Value self) { return bool_value(as_task(self)->log_destroy_pending); }
int set_log_destroy_pending(Value self, Value v) {
  if (!v) return raise(&exc_AttributeError, "cannot delete attribute"), -1;
  int b = is_true(v);
  if (b < 0) return -1;
  as_task(self)->log_destroy_pending = b;
  return 0;
}
Value get_num_cancels(Value self) { return int_from_i64(as_task(self)->num_cancels_requested); }

const MethodDef kTaskMethods[] = {
    {"cancel", m_cancel},
    {"cancelling", m_cancelling},
    {"uncancel", m_uncancel},
    {"get_coro", m_get_coro},
    {"get_context", m_get_context},
    {"get_name", m_get_name},
    {"set_name", m_set_name},
    {"set_result", m_set_result},
    {"set_exception", m_set_exception},
    {"_repr_info", m_repr_info},
    {nullptr, nullptr},
};

const GetSetDef kTaskGetSets[] = {
    {"_coro", get_coro_attr, nullptr},
    {"_fut_waiter", get_fut_waiter, nullptr},
    {"_must_cancel", get_must_cancel, nullptr},
    {"_name", get_name_attr, nullptr},
    {"_log_destroy_pending", get_log_destroy_pending, set_log_destroy_pending},
    {"_num_cancels_requested", get_num_cancels, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Dict* asyncio_current_tasks() { return g_current_tasks; }

// _unfinished_tasks(): a list of the registered tasks still alive.
Value asyncio_unfinished_tasks(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_unfinished_tasks", kwnames) || !check_nargs("_unfinished_tasks", nargs, 0, 0)) return Value();
  List* out = list_new();
  // A cleared slot is left alone: its task was collected, and the task's finalizer (queued,
  // not yet run) drops the slot; freeing it here too made that a double free.
  for (uintptr_t* slot : *g_task_slots) {
    if (Object* o = weak_slot_get(slot)) list_append(out, Value(o));
  }
  return Value(out);
}

void asyncio_task_types_init() {
  if (task_type.name) return;
  g_current_tasks = dict_new();
  g_task_slots = new std::unordered_set<uintptr_t*>();
  task_type.basicsize = sizeof(TaskObject);
  task_type.flags |= kTypeBaseType;
  task_type.tp_new = task_tp_new;
  task_type.tp_init = task_tp_init;
  type_ready(&task_type, "_asyncio.Task", &future_type, kTaskMethods, kTaskGetSets);
}

}  // namespace minipy
