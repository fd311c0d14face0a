// _asyncio.Future and the iterator its __await__ returns. Semantics are those of CPython's
// asyncio.Future (Python version and C accelerator agree): done callbacks are scheduled through
// the loop's call_soon with their context, a Task waits on a future by `yield`ing it with
// _asyncio_future_blocking set, and an exception nobody retrieved is reported when the future
// is collected.
#include <string>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "stdlib/native/asyncio.h"

namespace minipy {

Type future_type, future_iter_type;

namespace {

// Cache of asyncio_attr lookups; static, so the collector scans it.
Dict* g_attr_cache;

}  // namespace

Value asyncio_attr(const char* module, const char* name) {
  if (!g_attr_cache) g_attr_cache = dict_new();
  std::string key = std::string(module) + ":" + name;
  Value cached = dict_get_cstr(g_attr_cache, key.c_str());
  if (cached) return cached;
  Value mod = import_module(module);
  if (!mod) return Value();
  Value v = getattr_cstr(mod, name);
  if (!v) return Value();
  if (dict_set_cstr(g_attr_cache, key.c_str(), v) < 0) return Value();
  return v;
}

Value asyncio_exception(const char* name, std::initializer_list<Value> args) {
  Value cls = asyncio_attr("asyncio.exceptions", name);
  if (!cls) return Value();
  return call(cls, args);
}

namespace {

FutureObject* as_future(Value v) { return v.as<FutureObject>(); }

struct FutureIterObject : Object {
  Value future;  // null once exhausted
};

// Setting a result twice: CPython's C Future words it "invalid state".
Value raise_invalid_state() {
  Value exc = asyncio_exception("InvalidStateError", {Value(str_new("invalid state"))});
  if (!exc) return Value();
  return raise_value(exc);
}

// Reports an exception that was set but never retrieved, as CPython's Future.__del__ does.
void future_finalize(Object* obj) {
  auto* f = static_cast<FutureObject*>(obj);
  if (!f->log_traceback || !f->exception || !f->loop) return;
  f->log_traceback = false;
  Dict* context = dict_new();
  std::string message = std::string(type_of(Value(f))->name_str->view()) + " exception was never retrieved";
  dict_set_cstr(context, "message", Value(str_new(message)));
  dict_set_cstr(context, "exception", f->exception);
  dict_set_cstr(context, "future", Value(f));
  if (!call_method(f->loop, intern("call_exception_handler"), {Value(context)})) report_unraisable(Value(f));
}

void schedule_callbacks(FutureObject* f) {
  List* cbs = f->callbacks;
  if (!cbs || cbs->size == 0) return;
  f->callbacks = nullptr;
  for (int64_t i = 0; i + 1 < cbs->size; i += 2) {
    // A failing call_soon (closed loop) leaves the exception pending for the caller.
    if (!loop_call_soon(f->loop, cbs->items[i], Value(f), cbs->items[i + 1])) return;
  }
}

// Methods of a Future whose __init__ never ran fail as CPython's do.
bool check_initialized(FutureObject* f) {
  if (f->loop) return true;
  raise(&exc_RuntimeError, "Future object is not initialized.");
  return false;
}

Value raise_not_initialized_state() {
  Value exc = asyncio_exception("InvalidStateError", {Value(str_new("Future object is not initialized."))});
  return exc ? raise_value(exc) : exc;
}

Value future_result_impl(FutureObject* f) {
  if (!f->loop) return raise_not_initialized_state();
  if (f->state == FutState::Cancelled) {
    Value exc = future_make_cancelled_error(f);
    return exc ? raise_value(exc) : exc;
  }
  if (f->state != FutState::Finished) {
    Value exc = asyncio_exception("InvalidStateError", {Value(str_new("Result is not ready."))});
    return exc ? raise_value(exc) : exc;
  }
  f->log_traceback = false;
  if (f->exception) return raise_value(f->exception);
  return f->result;
}

// ---- Python-visible methods -----------------------------------------------------------------

Value future_tp_new(Type* type, const Value*, size_t, Tuple*) {
  auto* f = static_cast<FutureObject*>(alloc_instance(type));
  f->state = FutState::Pending;
  return Value(f);
}

int future_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const Signature sig{"Future", {"loop"}, 0, 0};
  if (!bind_args(sig, args, nargs, kwnames, a)) return -1;
  return future_init_impl(as_future(self), a[0]);
}

Value m_result(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("result", kwnames) || !check_nargs("result", nargs, 0, 0)) return Value();
  return future_result_impl(as_future(self));
}

Value m_exception(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exception", kwnames) || !check_nargs("exception", nargs, 0, 0)) return Value();
  FutureObject* f = as_future(self);
  if (!f->loop) return raise_not_initialized_state();
  if (f->state == FutState::Cancelled) {
    Value exc = future_make_cancelled_error(f);
    return exc ? raise_value(exc) : exc;
  }
  if (f->state != FutState::Finished) {
    Value exc = asyncio_exception("InvalidStateError", {Value(str_new("Exception is not set."))});
    return exc ? raise_value(exc) : exc;
  }
  f->log_traceback = false;
  return f->exception ? f->exception : none_value();
}

Value m_set_result(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set_result", kwnames) || !check_nargs("set_result", nargs, 1, 1)) return Value();
  return future_set_result_impl(as_future(self), args[0]);
}

Value m_set_exception(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set_exception", kwnames) || !check_nargs("set_exception", nargs, 1, 1)) return Value();
  return future_set_exception_impl(as_future(self), args[0]);
}

Value m_cancel(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const Signature sig{"cancel", {"msg"}, 1, 0};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  FutureObject* f = as_future(self);
  if (!check_initialized(f)) return Value();
  f->log_traceback = false;
  bool done = future_cancel_impl(f, a[0] && !is_none(a[0]) ? a[0] : Value());
  if (error_pending()) return Value();
  return bool_value(done);
}

Value m_cancelled(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cancelled", kwnames) || !check_nargs("cancelled", nargs, 0, 0)) return Value();
  return bool_value(as_future(self)->state == FutState::Cancelled);
}

Value m_done(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("done", kwnames) || !check_nargs("done", nargs, 0, 0)) return Value();
  return bool_value(as_future(self)->state != FutState::Pending);
}

Value m_get_loop(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_loop", kwnames) || !check_nargs("get_loop", nargs, 0, 0)) return Value();
  FutureObject* f = as_future(self);
  if (!f->loop) return raise(&exc_RuntimeError, "Future object is not initialized.");
  return f->loop;
}

Value m_add_done_callback(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const Signature sig{"add_done_callback", {"fn", "context"}, 1, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  return future_add_done_callback_impl(as_future(self), a[0], a[1] ? a[1] : none_value());
}

Value m_remove_done_callback(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("remove_done_callback", kwnames) || !check_nargs("remove_done_callback", nargs, 1, 1)) return Value();
  FutureObject* f = as_future(self);
  List* cbs = f->callbacks;
  if (!cbs) return Value::small_int(0);
  List* kept = list_new();
  int64_t removed = 0;
  for (int64_t i = 0; i + 1 < cbs->size; i += 2) {
    int eq = equals(cbs->items[i], args[0]);
    if (eq < 0) return Value();
    if (eq) {
      ++removed;
    } else {
      list_append(kept, cbs->items[i]);
      list_append(kept, cbs->items[i + 1]);
    }
  }
  // The list may have changed while __eq__ ran; only a completed scan replaces it.
  if (removed && f->callbacks == cbs) f->callbacks = kept->size ? kept : nullptr;
  return Value::small_int(removed);
}

Value m_make_cancelled_error(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_make_cancelled_error", kwnames) || !check_nargs("_make_cancelled_error", nargs, 0, 0)) return Value();
  return future_make_cancelled_error(as_future(self));
}

Value future_tp_iter(Value self) {
  if (!check_initialized(as_future(self))) return Value();
  auto* it = alloc<FutureIterObject>(&future_iter_type);
  it->future = self;
  return Value(it);
}

Value m_await(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__await__", kwnames) || !check_nargs("__await__", nargs, 0, 0)) return Value();
  return future_tp_iter(self);
}

// Python-level repr hooks: the text is built by asyncio/futures.py (_future_repr_info), as
// CPython's C Future defers to base_futures.
Value m_repr_info(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_repr_info", kwnames) || !check_nargs("_repr_info", nargs, 0, 0)) return Value();
  Value fn = asyncio_attr("asyncio.futures", "_future_repr_info");
  return fn ? call(fn, {self}) : fn;
}

Value future_tp_repr(Value self) {
  if (!check_initialized(as_future(self))) return Value();
  Value info = call_method(self, intern("_repr_info"), {});
  if (!info) return Value();
  Value joined = call_method(Value(intern(" ")), intern("join"), {info});
  if (!joined) return Value();
  std::string out = "<";
  out += type_of(self)->name_str->view();
  out += " ";
  out += joined.as<Str>()->view();
  out += ">";
  return Value(str_new(out));
}

// ---- attributes -----------------------------------------------------------------------------

Value get_state(Value self) {
  static const char* const kNames[] = {"PENDING", "CANCELLED", "FINISHED"};
  return Value(intern(kNames[static_cast<int>(as_future(self)->state)]));
}
Value get_loop_attr(Value self) { return or_none(as_future(self)->loop); }
Value get_result(Value self) { return or_none(as_future(self)->result); }
Value get_exception(Value self) { return or_none(as_future(self)->exception); }
Value get_cancel_message(Value self) { return or_none(as_future(self)->cancel_message); }
int set_cancel_message(Value self, Value v) {
  as_future(self)->cancel_message = v && !is_none(v) ? v : Value();
  return 0;
}
Value get_blocking(Value self) { return bool_value(as_future(self)->blocking); }
int set_blocking(Value self, Value v) {
  if (!v) return raise(&exc_AttributeError, "cannot delete attribute"), -1;
  int t = is_true(v);
  if (t < 0) return -1;
  as_future(self)->blocking = t;
  return 0;
}
Value get_log_traceback(Value self) { return bool_value(as_future(self)->log_traceback); }
int set_log_traceback(Value self, Value v) {
  if (!v) return raise(&exc_AttributeError, "cannot delete attribute"), -1;
  int t = is_true(v);
  if (t < 0) return -1;
  if (t) return raise(&exc_ValueError, "_log_traceback can only be set to False"), -1;
  as_future(self)->log_traceback = false;
  return 0;
}
Value get_callbacks(Value self) {
  List* cbs = as_future(self)->callbacks;
  List* out = list_new();
  if (cbs) {
    for (int64_t i = 0; i + 1 < cbs->size; i += 2) list_append(out, Value(tuple_of({cbs->items[i], cbs->items[i + 1]})));
  }
  return Value(out);
}

const MethodDef kFutureMethods[] = {
    {"result", m_result},
    {"exception", m_exception},
    {"set_result", m_set_result},
    {"set_exception", m_set_exception},
    {"cancel", m_cancel},
    {"cancelled", m_cancelled},
    {"done", m_done},
    {"get_loop", m_get_loop},
    {"add_done_callback", m_add_done_callback},
    {"remove_done_callback", m_remove_done_callback},
    {"_make_cancelled_error", m_make_cancelled_error},
    {"_repr_info", m_repr_info},
    {"__await__", m_await},
    {nullptr, nullptr},
};

const GetSetDef kFutureGetSets[] = {
    {"_state", get_state, nullptr},
    {"_loop", get_loop_attr, nullptr},
    {"_result", get_result, nullptr},
    {"_exception", get_exception, nullptr},
    {"_cancel_message", get_cancel_message, set_cancel_message},
    {"_asyncio_future_blocking", get_blocking, set_blocking},
    {"_log_traceback", get_log_traceback, set_log_traceback},
    {"_callbacks", get_callbacks, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---- the __await__ iterator -----------------------------------------------------------------

Value future_iter_next(Value self) {
  auto* it = self.as<FutureIterObject>();
  Value fv = it->future;
  if (!fv) return Value();
  FutureObject* f = as_future(fv);
  if (f->state == FutState::Pending) {
    if (!f->blocking) {
      f->blocking = true;
      return fv;
    }
    return raise(&exc_RuntimeError, "await wasn't used with future");
  }
  it->future = Value();
  Value r = future_result_impl(f);
  if (!r) return r;
  return raise_with_args(&exc_StopIteration, tuple_of({r}));
}

Value iter_send(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_nargs("send", nargs, 1, 1)) return Value();
  Value r = future_iter_next(self);
  if (!r && !error_pending()) return raise_empty(&exc_StopIteration);
  return r;
}

Value iter_throw(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 3)) return Value();
  Value typ = args[0];
  Value val = nargs > 1 ? args[1] : none_value();
  self.as<FutureIterObject>()->future = Value();
  if (isinstance_fast(typ, &type_type) && is_exception_class(typ.as<Type>())) {
    Value exc = is_none(val) ? call(typ, nullptr, 0) : (is_exception_instance(val) ? val : call(typ, &val, 1));
    return exc ? raise_value(exc) : exc;
  }
  if (is_exception_instance(typ)) {
    if (!is_none(val)) return raise(&exc_TypeError, "instance exception may not have a separate value");
    return raise_value(typ);
  }
  return raise(&exc_TypeError, "exceptions must be classes deriving BaseException or instances of such a class");
}

Value iter_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return Value();
  self.as<FutureIterObject>()->future = Value();
  return none_value();
}

Value iter_self(Value self) { return self; }

const MethodDef kFutureIterMethods[] = {
    {"send", iter_send},
    {"throw", iter_throw},
    {"close", iter_close},
    {nullptr, nullptr},
};

}  // namespace

// ---- shared operations ----------------------------------------------------------------------

int future_init_impl(FutureObject* f, Value loop) {
  if (!loop || is_none(loop)) {
    Value get = asyncio_attr("asyncio.events", "_get_event_loop");
    if (!get) return -1;
    loop = call(get, {});
    if (!loop) return -1;
  }
  f->loop = loop;
  f->state = FutState::Pending;
  return 0;
}

Value future_set_result_impl(FutureObject* f, Value result) {
  if (!f->loop) return raise(&exc_RuntimeError, "Future object is not initialized.");
  if (f->state != FutState::Pending) return raise_invalid_state();
  f->result = result;
  f->state = FutState::Finished;
  schedule_callbacks(f);
  return error_pending() ? Value() : none_value();
}

Value future_set_exception_impl(FutureObject* f, Value exc) {
  if (!f->loop) return raise(&exc_RuntimeError, "Future object is not initialized.");
  if (f->state != FutState::Pending) return raise_invalid_state();
  if (isinstance_fast(exc, &type_type) && is_exception_class(exc.as<Type>())) {
    exc = call(exc, nullptr, 0);
    if (!exc) return exc;
  }
  if (!is_exception_instance(exc)) return raise(&exc_TypeError, "invalid exception object");
  if (type_of(exc) == &exc_StopIteration) {
    return raise(&exc_TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
  }
  f->exception = exc;
  f->state = FutState::Finished;
  schedule_callbacks(f);
  f->log_traceback = true;
  if (!f->finalizer_registered) {
    f->finalizer_registered = true;
    register_finalizer(f, future_finalize);
  }
  return error_pending() ? Value() : none_value();
}

bool future_cancel_impl(FutureObject* f, Value msg) {
  if (f->state != FutState::Pending) return false;
  f->state = FutState::Cancelled;
  f->cancel_message = msg;
  schedule_callbacks(f);
  return true;
}

Value future_make_cancelled_error(FutureObject* f) {
  if (f->cancelled_exc) {
    Value exc = f->cancelled_exc;
    f->cancelled_exc = Value();
    return exc;
  }
  if (f->cancel_message) return asyncio_exception("CancelledError", {f->cancel_message});
  return asyncio_exception("CancelledError", {});
}

Value future_add_done_callback_impl(FutureObject* f, Value fn, Value context) {
  if (!f->loop) return raise(&exc_RuntimeError, "uninitialized Future object");
  if (!context || is_none(context)) {
    context = asyncio_copy_context();
    if (!context) return Value();
  }
  if (f->state != FutState::Pending) {
    return loop_call_soon(f->loop, fn, Value(f), context) ? none_value() : Value();
  }
  if (!f->callbacks) f->callbacks = list_new(2);
  list_append(f->callbacks, fn);
  list_append(f->callbacks, context);
  return none_value();
}

void asyncio_future_types_init() {
  if (future_type.name) return;
  future_type.basicsize = sizeof(FutureObject);
  future_type.dict_offset = static_cast<int32_t>(offsetof(FutureObject, dict));
  future_type.flags |= kTypeBaseType;
  future_type.tp_new = future_tp_new;
  future_type.tp_init = future_tp_init;
  future_type.tp_repr = future_tp_repr;
  future_type.tp_iter = future_tp_iter;
  type_ready(&future_type, "_asyncio.Future", nullptr, kFutureMethods, kFutureGetSets);
  future_iter_type.basicsize = sizeof(FutureIterObject);
  future_iter_type.tp_iter = iter_self;
  future_iter_type.tp_iternext = future_iter_next;
  type_ready(&future_iter_type, "_asyncio.FutureIter", nullptr, kFutureIterMethods);
}

}  // namespace minipy
