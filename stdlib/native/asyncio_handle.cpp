// _asyncio.Handle and _asyncio.TimerHandle: a callback and its arguments scheduled on a loop
// (what call_soon / call_later return). Running one reports a failing callback through the
// loop's exception handler, as CPython's Handle._run does.
#include <string>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "stdlib/native/asyncio.h"

namespace minipy {

Type handle_type, timer_handle_type;

Value asyncio_copy_context() {
  // Static, so the collector scans it.
  static Value copy_context;
  if (!copy_context) {
    // Runs for every handle: an interned key, no string made per lookup.
    static Str* const kModule = intern("contextvars");
    Value mod = dict_get(modules_dict(), Value(kModule));
    if (!mod) return none_value();
    copy_context = getattr_cstr(mod, "copy_context");
    if (!copy_context) return Value();
  }
  return call(copy_context, {});
}

namespace {

// callback(*args) inside `context` (context.run(callback, *args)); directly without one.
Value run_in_context(Value context, Value callback, Tuple* args) {
  size_t nargs = args ? static_cast<size_t>(args->size) : 0;
  if (!context || is_none(context)) return call(callback, args ? args->items() : nullptr, nargs);
  static Str* const kRun = intern("run");
  Value run = getattr(context, kRun);
  if (!run) return run;
  Tuple* full = tuple_new(static_cast<int64_t>(nargs + 1));
  full->items()[0] = callback;
  for (size_t i = 0; i < nargs; ++i) full->items()[i + 1] = args->items()[i];
  return call(run, full->items(), nargs + 1);
}

}  // namespace

Value handle_run(HandleObject* h) {
  // A cancelled handle has dropped its callback: running it does nothing.
  if (!h->callback) return none_value();
  Tuple* args = h->args;
  Value r = run_in_context(h->context, h->callback, args);
  if (r) return none_value();
  if (error_matches(&exc_KeyboardInterrupt) || error_matches(&exc_SystemExit)) return Value();
  Value exc = error_fetch();
  Value format = asyncio_attr("asyncio.events", "_format_callback");
  if (!format) return Value();
  Value text = call(format, {or_none(h->callback), args ? Value(args) : Value(empty_tuple())});
  if (!text) return Value();
  Dict* context = dict_new();
  dict_set_cstr(context, "message", Value(str_new("Exception in callback " + std::string(text.as<Str>()->view()))));
  dict_set_cstr(context, "exception", exc);
  dict_set_cstr(context, "handle", Value(h));
  return call_method(h->loop, intern("call_exception_handler"), {Value(context)}) ? none_value() : Value();
}

namespace {

HandleObject* as_handle(Value v) { return v.as<HandleObject>(); }

Value handle_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  static const Signature sig{"Handle", {"callback", "args", "loop", "context"}, 4, 3};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Tuple* cb_args = nullptr;
  if (!is_none(a[1])) {
    Value t = tuple_check_exact(a[1]) ? a[1] : tuple_from_iterable(a[1]);
    if (!t) return t;
    cb_args = t.as<Tuple>();
  }
  HandleObject* h = handle_new(type, a[0], cb_args, a[2], a[3] ? a[3] : none_value());
  return h ? Value(h) : Value();
}

Value timer_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5];
  static const Signature sig{"TimerHandle", {"when", "callback", "args", "loop", "context"}, 5, 4};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  double when;
  if (!to_double(a[0], &when)) return Value();
  Value hargs[4] = {a[1], a[2], a[3], a[4] ? a[4] : none_value()};
  Value h = handle_tp_new(type, hargs, 4, nullptr);
  if (!h) return h;
  h.as<TimerHandleObject>()->when = when;
  return h;
}

Value m_cancel(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cancel", kwnames) || !check_nargs("cancel", nargs, 0, 0)) return Value();
  HandleObject* h = as_handle(self);
  if (h->cancelled) return none_value();
  if (isinstance_fast(self, &timer_handle_type) && !timer_handle_cancelled(h->loop, self.as<TimerHandleObject>())) {
    return Value();
  }
  h->cancelled = true;
  h->callback = Value();
  h->args = nullptr;
  return none_value();
}

Value m_cancelled(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cancelled", kwnames) || !check_nargs("cancelled", nargs, 0, 0)) return Value();
  return bool_value(as_handle(self)->cancelled);
}

Value m_get_context(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_context", kwnames) || !check_nargs("get_context", nargs, 0, 0)) return Value();
  return or_none(as_handle(self)->context);
}

Value m_run(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_run", kwnames) || !check_nargs("_run", nargs, 0, 0)) return Value();
  return handle_run(as_handle(self));
}

Value m_when(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("when", kwnames) || !check_nargs("when", nargs, 0, 0)) return Value();
  return float_new(self.as<TimerHandleObject>()->when);
}

Value handle_tp_repr(Value self) {
  HandleObject* h = as_handle(self);
  std::string out = "<";
  out += type_of(self)->name_str->view();
  if (h->cancelled) out += " cancelled";
  if (isinstance_fast(self, &timer_handle_type)) {
    Value w = repr(float_new(self.as<TimerHandleObject>()->when));
    if (!w) return w;
    out += " when=";
    out += w.as<Str>()->view();
  }
  if (h->callback) {
    Value format = asyncio_attr("asyncio.events", "_format_callback");
    if (!format) return Value();
    Value text = call(format, {h->callback, h->args ? Value(h->args) : Value(empty_tuple())});
    if (!text) return text;
    out += " ";
    out += text.as<Str>()->view();
  }
  out += ">";
  return Value(str_new(out));
}

// Timers order by deadline; equality also compares callback, args and state, as CPython's.
Value timer_richcompare(Value a, Value b, CompareOp op) {
  if (!isinstance_fast(b, &timer_handle_type)) return not_implemented_value();
  auto* x = a.as<TimerHandleObject>();
  auto* y = b.as<TimerHandleObject>();
  switch (op) {
    case CompareOp::Lt: return bool_value(x->when < y->when);
    case CompareOp::Le: return bool_value(x->when <= y->when);
    case CompareOp::Gt: return bool_value(x->when > y->when);
    case CompareOp::Ge: return bool_value(x->when >= y->when);
    case CompareOp::Eq:
    case CompareOp::Ne: {
      bool eq = x->when == y->when && x->cancelled == y->cancelled;
      if (eq) {
        int c = equals(or_none(x->callback), or_none(y->callback));
        if (c < 0) return Value();
        eq = c;
      }
      if (eq) {
        int c = equals(x->args ? Value(x->args) : none_value(), y->args ? Value(y->args) : none_value());
        if (c < 0) return Value();
        eq = c;
      }
      return bool_value(op == CompareOp::Eq ? eq : !eq);
    }
  }
  return not_implemented_value();
}

Value get_callback(Value self) { return or_none(as_handle(self)->callback); }
Value get_args(Value self) {
  Tuple* a = as_handle(self)->args;
  return a ? Value(a) : none_value();
}
Value get_loop(Value self) { return or_none(as_handle(self)->loop); }
Value get_cancelled(Value self) { return bool_value(as_handle(self)->cancelled); }
Value get_when(Value self) { return float_new(self.as<TimerHandleObject>()->when); }
Value get_scheduled(Value self) { return bool_value(self.as<TimerHandleObject>()->scheduled); }
int set_scheduled(Value self, Value v) {
  if (!v) return raise(&exc_AttributeError, "cannot delete attribute"), -1;
  int b = is_true(v);
  if (b < 0) return -1;
  self.as<TimerHandleObject>()->scheduled = b;
  return 0;
}

const MethodDef kHandleMethods[] = {
    {"cancel", m_cancel},
    {"cancelled", m_cancelled},
    {"get_context", m_get_context},
    {"_run", m_run},
    {nullptr, nullptr},
};

const GetSetDef kHandleGetSets[] = {
    {"_callback", get_callback, nullptr},
    {"_args", get_args, nullptr},
    {"_loop", get_loop, nullptr},
    {"_cancelled", get_cancelled, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kTimerMethods[] = {
    {"when", m_when},
    {nullptr, nullptr},
};

const GetSetDef kTimerGetSets[] = {
    {"_when", get_when, nullptr},
    {"_scheduled", get_scheduled, set_scheduled},
    {nullptr, nullptr, nullptr},
};

}  // namespace

HandleObject* handle_new(Type* type, Value callback, Tuple* args, Value loop, Value context) {
  if (is_none(context)) {
    context = asyncio_copy_context();
    if (!context) return nullptr;
  }
  auto* h = static_cast<HandleObject*>(alloc_instance(type));
  h->callback = callback;
  h->args = args;
  h->loop = loop;
  h->context = context;
  return h;
}

void asyncio_handle_types_init() {
  if (handle_type.name) return;
  handle_type.basicsize = sizeof(HandleObject);
  handle_type.flags |= kTypeBaseType;
  handle_type.tp_new = handle_tp_new;
  handle_type.tp_repr = handle_tp_repr;
  // Named like CPython's classes (asyncio.events.Handle), whose messages say 'TimerHandle'.
  type_ready(&handle_type, "Handle", nullptr, kHandleMethods, kHandleGetSets);
  timer_handle_type.basicsize = sizeof(TimerHandleObject);
  timer_handle_type.flags |= kTypeBaseType;
  timer_handle_type.tp_new = timer_tp_new;
  timer_handle_type.tp_richcompare = timer_richcompare;
  timer_handle_type.tp_hash = object_hash_identity;
  type_ready(&timer_handle_type, "TimerHandle", &handle_type, kTimerMethods, kTimerGetSets);
}

}  // namespace minipy
