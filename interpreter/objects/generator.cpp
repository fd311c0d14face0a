#include "objects/generator.h"

#include <cstdio>
#include <deque>
#include <mutex>

#include "objects/code.h"
#include "objects/descriptors.h"
#include "objects/exceptions.h"
#include "vm/frame_object.h"
#include "objects/function.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/eval_breaker.h"
#include "runtime/memory.h"
#include "runtime/sys_state.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"
#include "vm/vm_internal.h"

namespace minipy {

Type generator_type, coroutine_type, async_generator_type;
Type coroutine_wrapper_type, async_gen_asend_type, async_gen_athrow_type, async_gen_wrapped_type;

bool generator_check(Value v) { return v.is_object() && v.as_object()->type == &generator_type; }
bool coroutine_check(Value v) { return v.is_object() && v.as_object()->type == &coroutine_type; }
bool async_generator_check(Value v) { return v.is_object() && v.as_object()->type == &async_generator_type; }

namespace {

bool is_gen_like(Value v) { return generator_check(v) || coroutine_check(v); }
Generator* gen_of(Value v) { return v.as<Generator>(); }

// "generator" / "coroutine" / "async generator", for messages.
const char* kind_name(Generator* g) {
  if (g->type == &coroutine_type) return "coroutine";
  if (g->type == &async_generator_type) return "async generator";
  return "generator";
}

// ---- finalisation -------------------------------------------------------------------------------

std::mutex pending_mutex;  // guards live_generators (generators are created on any thread)

// Weak registry of generators whose body has handlers, for generators_finalize_at_exit. Slots
// hold disguised pointers the collector clears when the generator dies (a deque keeps slot
// addresses stable; cleared slots are reused).
std::deque<GC_hidden_pointer>* live_generators = nullptr;
size_t live_cursor = 0;

void track_generator(Generator* g) {
  std::lock_guard<std::mutex> lock(pending_mutex);
  if (!live_generators) live_generators = new std::deque<GC_hidden_pointer>();
  std::deque<GC_hidden_pointer>& slots = *live_generators;
  GC_hidden_pointer* slot = nullptr;
  for (size_t n = 0; n < slots.size() && n < 8; n++) {
    live_cursor = (live_cursor + 1) % slots.size();
    if (slots[live_cursor] == 0) {
      slot = &slots[live_cursor];
      break;
    }
  }
  if (!slot) {
    slots.push_back(0);
    slot = &slots.back();
  }
  *slot = GC_HIDE_POINTER(g);
  GC_general_register_disappearing_link(reinterpret_cast<void**>(slot), g);
}

// CPython's warning for a coroutine that was created and dropped: RuntimeWarning through the
// warnings module, with the coroutine as the source.
void warn_never_awaited(Generator* g) {
  Value warnings = import_module("warnings");
  Value warn = warnings ? getattr_cstr(warnings, "warn") : Value();
  if (!warn) {
    report_unraisable(Value(g));
    return;
  }
  Value msg = Value(str_new("coroutine '" + std::string(g->qualname->view()) + "' was never awaited"));
  Value args[] = {msg, Value(&exc_RuntimeWarning), Value::small_int(1), Value(g)};
  if (!call(warn, args, 4)) report_unraisable(Value(g));
}

// Cleans up an unfinished generator that is going away: an async generator first iterated
// under a finalizer hook is handed to the hook (asyncio schedules its aclose() on the loop),
// only once, as CPython finalizes an object once; any other suspended generator is closed.
// Null with an exception pending on failure.
Value finalize_generator(Generator* g) {
  if (g->ag_finalizer) {
    Value hook = g->ag_finalizer;
    if (is_none(hook) || g->state == GenState::Finished) return none_value();
    g->ag_finalizer = none_value();
    return call(hook, {Value(g)});
  }
  if (g->state != GenState::Suspended) return none_value();
  return gen_close(g);
}

// Runs at a safe point (runtime/memory.h): a generator dropped while suspended runs its finally
// blocks, as close() would; a coroutine never started warns.
void gen_finalizer(Object* obj) {
  auto* g = static_cast<Generator*>(obj);
  if (g->type == &coroutine_type && g->state == GenState::Created) {
    warn_never_awaited(g);
    return;
  }
  if (!finalize_generator(g)) report_unraisable(Value(g));
}

Value stop_iteration_value(Value exc) {
  Value v = getattr_cstr(exc, "value");
  if (!v) error_clear();
  return v ? v : none_value();
}

// PEP 479: a StopIteration escaping the frame becomes RuntimeError (and StopAsyncIteration for
// async generators), chained to the original.
void convert_stop_iteration(Generator* g) {
  bool async = g->type == &async_generator_type;
  const char* what;
  if (error_matches(&exc_StopIteration)) what = "StopIteration";
  else if (async && error_matches(&exc_StopAsyncIteration)) what = "StopAsyncIteration";
  else return;
  Value original = error_fetch();
  raise(&exc_RuntimeError, std::string(kind_name(g)) + " raised " + what);
  Value exc = error_fetch();
  auto* e = exc.as<BaseException>();
  e->cause = original;
  e->context = original;
  e->suppress_context = true;
  error_restore(exc);
}

// Where a suspended frame delegates (`yield from` / `await`): the subiterator, else null.
// The delegation loop is SEND; YIELD_VALUE; JUMP_BACKWARD, so a frame suspended inside it has
// its resume point right after a YIELD_VALUE that follows a SEND.
Value delegate_of(Generator* g) {
  if (g->state != GenState::Suspended) return Value();
  Frame* f = g->frame;
  CodeUnit* base = f->code->code;
  if (f->instr - base < 2) return Value();
  if (code_op(f->instr[-1]) != OP_YIELD_VALUE || code_op(f->instr[-2]) != OP_SEND) return Value();
  return f->sp[-1];
}

// The SEND before the resume point: where to continue once the subiterator finished.
uint32_t delegate_exit_target(Generator* g) { return code_arg(g->frame->instr[-2]); }

// Resumes the frame. `push`: the sent value to push (null to push nothing). `throwing`: raise
// the pending exception at the suspension point instead.
GenResult resume(Generator* g, Value push, bool throwing, Value* out) {
  ThreadState* ts = current_thread();
  Frame* f = g->frame;
  if (push) *f->sp++ = push;
  f->flags &= ~kFrameYielded;
  g->state = GenState::Running;
  g->caller_handled = ts->handled_exception;
  if (g->handled) ts->handled_exception = g->handled;
  Value r = eval_frame(ts, f, throwing);
  Value own_handled = ts->handled_exception;
  ts->handled_exception = g->caller_handled;
  g->caller_handled = Value();
  if (f->flags & kFrameYielded) {
    g->state = GenState::Suspended;
    g->handled = own_handled.is(ts->handled_exception) ? Value() : own_handled;
    f->back = nullptr;
    *out = r;
    return GenResult::Yield;
  }
  g->state = GenState::Finished;
  g->handled = Value();
  f->back = nullptr;
  // Drop the finished frame's references (the object may live on, e.g. in a list).
  std::memset(static_cast<void*>(f->localsplus), 0, sizeof(Value) * (f->code->nlocalsplus() + f->code->stacksize));
  f->sp = f->stack_base();
  if (r) {
    *out = r;
    return GenResult::Return;
  }
  convert_stop_iteration(g);
  return GenResult::Error;
}

GenResult check_can_run(Generator* g) {
  if (g->state == GenState::Running) {
    raise(&exc_ValueError, std::string(kind_name(g)) + " already executing");
    return GenResult::Error;
  }
  return GenResult::Yield;
}

}  // namespace

GenResult gen_send_ex(Generator* g, Value value, bool throwing, Value* out) {
  if (check_can_run(g) == GenResult::Error) return GenResult::Error;
  if (g->state == GenState::Finished) {
    if (throwing) return GenResult::Error;
    if (g->type == &coroutine_type) {
      raise(&exc_RuntimeError, "cannot reuse already awaited coroutine");
      return GenResult::Error;
    }
    *out = none_value();
    return GenResult::Return;
  }
  if (g->state == GenState::Created) {
    if (!throwing && !is_none(value)) {
      raise(&exc_TypeError, std::string("can't send non-None value to a just-started ") + kind_name(g));
      return GenResult::Error;
    }
    return resume(g, Value(), throwing, out);
  }
  return resume(g, throwing ? Value() : value, throwing, out);
}

Value gen_send(Generator* g, Value value) {
  Value out;
  switch (gen_send_ex(g, value, false, &out)) {
    case GenResult::Yield: return out;
    case GenResult::Return:
      if (g->type == &async_generator_type) return raise_empty(&exc_StopAsyncIteration);
      if (is_none(out)) return raise_empty(&exc_StopIteration);
      return raise_with_args(&exc_StopIteration, tuple_of({out}));
    case GenResult::Error: break;
  }
  return Value();
}

namespace {

// Closes a subiterator for gen.close() / throw(GeneratorExit): -1 with an exception pending.
int close_delegate(Value yf) {
  if (is_gen_like(yf)) return gen_close(gen_of(yf)) ? 0 : -1;
  Value meth = getattr_optional(yf, NAME(close));
  if (!meth) return error_pending() ? -1 : 0;
  return call(meth, nullptr, 0) ? 0 : -1;
}

GenResult throw_ex(Generator* g, Value exc, Value* out) {
  if (check_can_run(g) == GenResult::Error) return GenResult::Error;
  Value yf = delegate_of(g);
  if (yf) {
    if (is_subtype(type_of(exc), &exc_GeneratorExit)) {
      g->state = GenState::Running;
      int r = close_delegate(yf);
      g->state = GenState::Suspended;
      if (r < 0) return resume(g, Value(), true, out);
      error_restore(exc);
      return resume(g, Value(), true, out);
    }
    Value result;
    bool yielded = false;
    g->state = GenState::Running;
    if (is_gen_like(yf)) {
      GenResult sub = throw_ex(gen_of(yf), exc, &result);
      yielded = sub == GenResult::Yield;
      if (sub == GenResult::Return) {
        g->state = GenState::Suspended;
        g->frame->sp[-1] = result;
        g->frame->instr = g->frame->code->code + delegate_exit_target(g);
        return resume(g, Value(), false, out);
      }
    } else {
      Value meth = getattr_optional(yf, NAME(throw));
      if (!meth && !error_pending()) {
        g->state = GenState::Suspended;
        error_restore(exc);
        return resume(g, Value(), true, out);
      }
      if (meth) {
        Value tb = exc.as<BaseException>()->traceback;
        Value args[3] = {Value(type_of(exc)), exc, tb ? tb : none_value()};
        result = call(meth, args, 3);
        yielded = static_cast<bool>(result);
      }
    }
    g->state = GenState::Suspended;
    if (yielded) {
      *out = result;
      return GenResult::Yield;
    }
    if (error_matches(&exc_StopIteration)) {
      Value value = stop_iteration_value(error_fetch());
      g->frame->sp[-1] = value;
      g->frame->instr = g->frame->code->code + delegate_exit_target(g);
      return resume(g, Value(), false, out);
    }
    return resume(g, Value(), true, out);
  }
  error_restore(exc);
  if (g->state == GenState::Finished) return GenResult::Error;
  // A just-created frame raises at its first instruction, a suspended one at its yield.
  return resume(g, Value(), true, out);
}

}  // namespace

Value gen_throw(Generator* g, Value exc) {
  Value out;
  switch (throw_ex(g, exc, &out)) {
    case GenResult::Yield: return out;
    case GenResult::Return:
      if (g->type == &async_generator_type) return raise_empty(&exc_StopAsyncIteration);
      if (is_none(out)) return raise_empty(&exc_StopIteration);
      return raise_with_args(&exc_StopIteration, tuple_of({out}));
    case GenResult::Error: break;
  }
  return Value();
}

Value gen_close(Generator* g) {
  if (g->state == GenState::Created) {
    g->state = GenState::Finished;
    return none_value();
  }
  if (g->state == GenState::Finished) return none_value();
  Value exc = call(Value(&exc_GeneratorExit), nullptr, 0);
  if (!exc) return Value();
  Value out;
  switch (throw_ex(g, exc, &out)) {
    case GenResult::Yield:
      return raise(&exc_RuntimeError, std::string(kind_name(g)) + " ignored GeneratorExit");
    case GenResult::Return:
      return none_value();
    case GenResult::Error:
      if (error_matches(&exc_GeneratorExit) || error_matches(&exc_StopIteration)) {
        error_clear();
        return none_value();
      }
      break;
  }
  return Value();
}

void generators_finalize_at_exit() {
  run_pending_finalizers();
  if (!live_generators) return;
  for (size_t i = live_generators->size(); i-- > 0;) {
    GC_hidden_pointer h = (*live_generators)[i];
    if (!h) continue;
    auto* g = static_cast<Generator*>(GC_REVEAL_POINTER(h));
    Value saved = error_fetch();
    if (!finalize_generator(g)) error_clear();
    error_restore(saved);
  }
  run_pending_finalizers();
}

Value generator_from_call(Function* fn, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  Type* t = (co->flags & CO_COROUTINE) ? &coroutine_type
            : (co->flags & CO_ASYNC_GENERATOR) ? &async_generator_type
                                               : &generator_type;
  size_t header = (sizeof(Generator) + 15) & ~size_t{15};
  auto* g = static_cast<Generator*>(alloc_object(t, header + frame_size(co)));
  Frame* f = frame_init(reinterpret_cast<char*>(g) + header, co, fn, fn->globals, fn->builtins, Value());
  f->flags = kFrameGenerator | kFrameEntry;
  f->generator = g;
  g->frame = f;
  g->name = fn->name;
  g->qualname = fn->qualname;
  g->code = co;
  g->state = GenState::Created;
  if (!bind_arguments(fn, f, args, nargs, kwnames)) return Value();
  if (co->ncells || co->nfree) frame_init_cells(f, fn->closure);
  // Only a body with handlers can observe being finalised (finally, with, except). Such
  // coroutines also warn when never awaited; a finalizer on every coroutine would make
  // creating one several times slower (docs/memory.md).
  if (co->nexception_entries) {
    register_finalizer(g, gen_finalizer);
    track_generator(g);
  }
  return g;
}

// ---- yield from / await support for the eval loop -----------------------------------------------

Value get_yield_from_iter(Value v) {
  if (coroutine_check(v)) {
    Frame* f = current_frame();
    if (!f || !(f->code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
      return raise(&exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return v;
  }
  if (generator_check(v)) return v;
  return get_iter(v);
}

Value get_awaitable_iter(Value v, int where) {
  if (coroutine_check(v)) {
    if (delegate_of(gen_of(v))) return raise(&exc_RuntimeError, "coroutine is being awaited already");
    return v;
  }
  if (generator_check(v) && (gen_of(v)->code->flags & CO_ITERABLE_COROUTINE)) return v;
  Type* t = type_of(v);
  Value meth = type_lookup(t, NAME(__await__));
  if (!meth) {
    switch (where) {
      case 1:
        return raise(&exc_TypeError, std::string("'async with' received an object from __aenter__ that does not implement __await__: ") + t->name);
      case 2:
        return raise(&exc_TypeError, std::string("'async with' received an object from __aexit__ that does not implement __await__: ") + t->name);
      case 3:
        return raise(&exc_TypeError, std::string("'async for' received an invalid object from __anext__: ") + t->name);
      default:
        return raise(&exc_TypeError, std::string("object ") + t->name + " can't be used in 'await' expression");
    }
  }
  Value it = call_method(v, NAME(__await__), {});
  if (!it) return Value();
  if (coroutine_check(it) || (generator_check(it) && (gen_of(it)->code->flags & CO_ITERABLE_COROUTINE))) {
    return raise(&exc_TypeError, "__await__() returned a coroutine");
  }
  if (!type_of(it)->tp_iternext) {
    return raise(&exc_TypeError, std::string("__await__() returned non-iterator of type '") + type_name(it) + "'");
  }
  return it;
}

int send_to(Value sub, Value v, Value* out) {
  if (is_gen_like(sub)) {
    switch (gen_send_ex(gen_of(sub), v, false, out)) {
      case GenResult::Yield: return 0;
      case GenResult::Return: return 1;
      case GenResult::Error: return -1;
    }
  }
  Value r;
  if (is_none(v) && type_of(sub)->tp_iternext) {
    r = type_of(sub)->tp_iternext(sub);
  } else {
    r = call_method(sub, NAME(send), {v});
  }
  if (r) {
    *out = r;
    return 0;
  }
  if (!error_pending()) {
    *out = none_value();
    return 1;
  }
  if (error_matches(&exc_StopIteration)) {
    *out = stop_iteration_value(error_fetch());
    return 1;
  }
  return -1;
}

namespace {

// ---- Python-level methods of generator and coroutine ------------------------------------------

// throw(exc) / throw(type[, value[, tb]]) argument normalisation, as CPython does it.
Value normalize_throw(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames || nargs < 1 || nargs > 3) {
    return raise(&exc_TypeError, nargs < 1 ? "throw expected at least 1 argument, got 0"
                                           : "throw expected at most 3 arguments, got " + std::to_string(nargs));
  }
  Value typ = args[0];
  Value val = nargs > 1 ? args[1] : none_value();
  Value tb = nargs > 2 ? args[2] : none_value();
  if (!is_none(tb) && !traceback_check(tb)) return raise(&exc_TypeError, "throw() third argument must be a traceback object");
  Value exc;
  if (isinstance_fast(typ, &type_type) && is_exception_class(typ.as<Type>())) {
    if (is_exception_instance(val) && is_subtype(type_of(val), typ.as<Type>())) {
      exc = val;
    } else if (is_none(val)) {
      exc = call(typ, nullptr, 0);
    } else if (tuple_check(val)) {
      exc = call_tuple_dict(typ, val.as<Tuple>(), nullptr);
    } else {
      exc = call(typ, &val, 1);
    }
    if (!exc) return Value();
  } else if (is_exception_instance(typ)) {
    if (!is_none(val)) return raise(&exc_TypeError, "instance exception may not have a separate value");
    exc = typ;
  } else {
    return raise(&exc_TypeError, std::string("exceptions must be classes or instances deriving from BaseException, not ") +
                                     type_name(typ));
  }
  if (!is_none(tb)) exc.as<BaseException>()->traceback = tb;
  return exc;
}

Value m_send(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1 || kwnames) return raise(&exc_TypeError, "send() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return gen_send(gen_of(self), args[0]);
}

Value m_throw(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value exc = normalize_throw(args, nargs, kwnames);
  if (!exc) return Value();
  return gen_throw(gen_of(self), exc);
}

Value m_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return raise(&exc_TypeError, "close() takes no arguments");
  return gen_close(gen_of(self));
}

Value gen_iternext(Value self) {
  Generator* g = gen_of(self);
  Value out;
  switch (gen_send_ex(g, none_value(), false, &out)) {
    case GenResult::Yield: return out;
    case GenResult::Return:
      // Exhaustion; a return value travels in StopIteration like CPython's next().
      if (!is_none(out)) raise_with_args(&exc_StopIteration, tuple_of({out}));
      return Value();
    case GenResult::Error: break;
  }
  return Value();
}

Value gen_iter(Value self) { return self; }

Value gen_repr(Value self) {
  Generator* g = gen_of(self);
  char buf[48];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
  // The type's name ("async_generator"), not kind_name's message wording.
  return str_new(std::string("<") + g->type->name + " object " + std::string(g->qualname->view()) + buf);
}

Value get_running(Value s) { return bool_value(gen_of(s)->state == GenState::Running); }
Value get_frame(Value s) {
  Generator* g = gen_of(s);
  if (g->state == GenState::Finished) return none_value();
  return frame_object_for(g->frame);
}
Value get_code(Value s) { return gen_of(s)->code; }
Value get_yieldfrom(Value s) {
  Value yf = delegate_of(gen_of(s));
  return yf ? yf : none_value();
}
Value get_suspended(Value s) { return bool_value(gen_of(s)->state == GenState::Suspended); }
Value get_name(Value s) { return gen_of(s)->name; }
int set_name(Value s, Value v) {
  if (!v || !str_check(v)) {
    raise(&exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  gen_of(s)->name = v.as<Str>();
  return 0;
}
Value get_qualname(Value s) { return gen_of(s)->qualname; }
int set_qualname(Value s, Value v) {
  if (!v || !str_check(v)) {
    raise(&exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  gen_of(s)->qualname = v.as<Str>();
  return 0;
}

const MethodDef kGenMethods[] = {
    {"send", m_send},
    {"throw", m_throw},
    {"close", m_close},
    {nullptr, nullptr},
};

const GetSetDef kGenGetSets[] = {
    {"gi_running", get_running, nullptr},
    {"gi_frame", get_frame, nullptr},
    {"gi_code", get_code, nullptr},
    {"gi_yieldfrom", get_yieldfrom, nullptr},
    {"gi_suspended", get_suspended, nullptr},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {nullptr, nullptr, nullptr},
};

// ---- coroutines -------------------------------------------------------------------------------

struct CoroWrapper : Object {
  Value coro;
};

Value coro_await(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return raise(&exc_TypeError, "__await__() takes no arguments");
  auto* w = alloc<CoroWrapper>(&coroutine_wrapper_type);
  w->coro = self;
  return w;
}

const MethodDef kCoroMethods[] = {
    {"send", m_send},
    {"throw", m_throw},
    {"close", m_close},
    {"__await__", coro_await},
    {nullptr, nullptr},
};

const GetSetDef kCoroGetSets[] = {
    {"cr_running", get_running, nullptr},
    {"cr_frame", get_frame, nullptr},
    {"cr_code", get_code, nullptr},
    {"cr_await", get_yieldfrom, nullptr},
    {"cr_suspended", get_suspended, nullptr},
    {"cr_origin", [](Value) -> Value { return none_value(); }, nullptr},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {nullptr, nullptr, nullptr},
};

Value wrapper_coro(Value self) { return self.as<CoroWrapper>()->coro; }

Value wrapper_iternext(Value self) { return gen_iternext(wrapper_coro(self)); }
Value wrapper_send(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return m_send(wrapper_coro(self), args, nargs, kwnames);
}
Value wrapper_throw(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return m_throw(wrapper_coro(self), args, nargs, kwnames);
}
Value wrapper_close(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return m_close(wrapper_coro(self), args, nargs, kwnames);
}

const MethodDef kWrapperMethods[] = {
    {"send", wrapper_send},
    {"throw", wrapper_throw},
    {"close", wrapper_close},
    {nullptr, nullptr},
};

// ---- async generators ------------------------------------------------------------------------------
//
// The frame of an async generator yields two kinds of values: values for the `async for`
// consumer (wrapped by ASYNC_GEN_WRAP) and whatever the awaits inside it yield to the event
// loop (passed through). asend()/athrow() awaitables drive the frame and unwrap: a wrapped value
// ends the awaitable with StopIteration(value).

struct Wrapped : Object {
  Value value;
};

struct AsyncGenOp : Object {  // asend / athrow awaitables
  Generator* gen;
  Value value;      // asend: the value to send first; athrow: the exception (null for aclose)
  uint8_t state;    // 0 not started, 1 iterating, 2 done
  bool is_close;    // athrow created by aclose()
};

bool is_wrapped(Value v) { return v.is_object() && v.as_object()->type == &async_gen_wrapped_type; }

// Turns one frame outcome into what the asend/athrow awaitable reports.
Value async_gen_unwrap(AsyncGenOp* op, GenResult r, Value out) {
  Generator* g = op->gen;
  switch (r) {
    case GenResult::Yield:
      if (is_wrapped(out)) {
        op->state = 2;
        g->ag_running_async = false;
        if (op->is_close) return raise(&exc_RuntimeError, "async generator ignored GeneratorExit");
        return raise_with_args(&exc_StopIteration, tuple_of({out.as<Wrapped>()->value}));
      }
      return out;
    case GenResult::Return:
      op->state = 2;
      g->ag_running_async = false;
      if (op->is_close) return raise_empty(&exc_StopIteration);
      return raise_empty(&exc_StopAsyncIteration);
    case GenResult::Error:
      op->state = 2;
      g->ag_running_async = false;
      if (op->is_close && (error_matches(&exc_StopAsyncIteration) || error_matches(&exc_GeneratorExit))) {
        error_clear();
        return raise_empty(&exc_StopIteration);
      }
      return Value();
  }
  return Value();
}

Value async_op_send(AsyncGenOp* op, Value v) {
  Generator* g = op->gen;
  if (op->state == 2) {
    return raise(&exc_RuntimeError, op->type == &async_gen_asend_type
                                        ? "cannot reuse already awaited __anext__()/asend()"
                                        : "cannot reuse already awaited aclose()/athrow()");
  }
  Value out;
  if (op->state == 0) {
    if (g->ag_running_async) {
      op->state = 2;
      return raise(&exc_RuntimeError, op->type == &async_gen_asend_type
                                          ? "anext(): asynchronous generator is already running"
                                          : (op->is_close ? "aclose(): asynchronous generator is already running"
                                                          : "athrow(): asynchronous generator is already running"));
    }
    if (op->type == &async_gen_athrow_type) {
      if (g->state == GenState::Finished || (op->is_close && g->state == GenState::Created)) {
        op->state = 2;
        if (g->state == GenState::Created) g->state = GenState::Finished;
        return op->is_close ? raise_empty(&exc_StopIteration) : raise_empty(&exc_StopAsyncIteration);
      }
      if (!is_none(v)) return raise(&exc_RuntimeError, "can't send non-None value to a just-started coroutine");
      op->state = 1;
      g->ag_running_async = true;
      Value exc = op->value;
      if (!exc) {
        exc = call(Value(&exc_GeneratorExit), nullptr, 0);
        if (!exc) return Value();
      }
      GenResult r = throw_ex(g, exc, &out);
      return async_gen_unwrap(op, r, out);
    }
    if (is_none(v)) v = op->value;
    op->state = 1;
    g->ag_running_async = true;
    if (g->state == GenState::Finished) {
      op->state = 2;
      g->ag_running_async = false;
      return raise_empty(&exc_StopAsyncIteration);
    }
  }
  GenResult r = gen_send_ex(g, v, false, &out);
  return async_gen_unwrap(op, r, out);
}

AsyncGenOp* op_of(Value v) { return v.as<AsyncGenOp>(); }

Value async_op_iternext(Value self) { return async_op_send(op_of(self), none_value()); }
Value async_op_m_send(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1 || kwnames) return raise(&exc_TypeError, "send() takes exactly one argument");
  return async_op_send(op_of(self), args[0]);
}
Value async_op_m_throw(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  AsyncGenOp* op = op_of(self);
  if (op->state == 2) {
    return raise(&exc_RuntimeError, op->type == &async_gen_asend_type
                                        ? "cannot reuse already awaited __anext__()/asend()"
                                        : "cannot reuse already awaited aclose()/athrow()");
  }
  Value exc = normalize_throw(args, nargs, kwnames);
  if (!exc) return Value();
  Value out;
  GenResult r = throw_ex(op->gen, exc, &out);
  return async_gen_unwrap(op, r, out);
}
Value async_op_m_close(Value self, const Value*, size_t, Tuple*) {
  op_of(self)->state = 2;
  return none_value();
}
Value async_op_await(Value self, const Value*, size_t, Tuple*) { return self; }

const MethodDef kAsyncOpMethods[] = {
    {"send", async_op_m_send},
    {"throw", async_op_m_throw},
    {"close", async_op_m_close},
    {"__await__", async_op_await},
    {nullptr, nullptr},
};

Value new_async_op(Type* t, Generator* g, Value value, bool is_close) {
  auto* op = alloc<AsyncGenOp>(t);
  op->gen = g;
  op->value = value;
  op->is_close = is_close;
  return op;
}

// The first __anext__/asend/athrow/aclose consults the thread's hooks (sys.set_asyncgen_hooks):
// it remembers the finalizer and calls firstiter(gen). -1 with firstiter's exception pending.
int init_hooks(Generator* g) {
  if (g->ag_hooks_inited) return 0;
  g->ag_hooks_inited = true;
  Value firstiter, finalizer;
  if (asyncgen_hooks(&firstiter, &finalizer) < 0) return -1;
  if (!is_none(finalizer)) {
    g->ag_finalizer = finalizer;
    // A body without handlers got no finalizer at creation; the hook must still see it go.
    if (!g->code->nexception_entries) {
      register_finalizer(g, gen_finalizer);
      track_generator(g);
    }
  }
  if (!is_none(firstiter) && !call(firstiter, {Value(g)})) return -1;
  return 0;
}

Value ag_anext(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return raise(&exc_TypeError, "__anext__() takes no arguments");
  if (init_hooks(gen_of(self)) < 0) return Value();
  return new_async_op(&async_gen_asend_type, gen_of(self), none_value(), false);
}
Value ag_aiter(Value self, const Value*, size_t, Tuple*) { return self; }
Value ag_asend(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1 || kwnames) return raise(&exc_TypeError, "asend() takes exactly one argument (" + std::to_string(nargs) + " given)");
  if (init_hooks(gen_of(self)) < 0) return Value();
  return new_async_op(&async_gen_asend_type, gen_of(self), args[0], false);
}
Value ag_athrow(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (init_hooks(gen_of(self)) < 0) return Value();
  Value exc = normalize_throw(args, nargs, kwnames);
  if (!exc) return Value();
  return new_async_op(&async_gen_athrow_type, gen_of(self), exc, false);
}
Value ag_aclose(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return raise(&exc_TypeError, "aclose() takes no arguments");
  if (init_hooks(gen_of(self)) < 0) return Value();
  return new_async_op(&async_gen_athrow_type, gen_of(self), Value(), true);
}

const MethodDef kAsyncGenMethods[] = {
    {"__anext__", ag_anext},
    {"__aiter__", ag_aiter},
    {"asend", ag_asend},
    {"athrow", ag_athrow},
    {"aclose", ag_aclose},
    {nullptr, nullptr},
};

const GetSetDef kAsyncGenGetSets[] = {
    {"ag_running", [](Value s) -> Value { return bool_value(gen_of(s)->ag_running_async); }, nullptr},
    {"ag_frame", get_frame, nullptr},
    {"ag_code", get_code, nullptr},
    {"ag_await", get_yieldfrom, nullptr},
    {"ag_suspended", get_suspended, nullptr},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Value async_gen_wrap(Value v) {
  auto* w = alloc<Wrapped>(&async_gen_wrapped_type);
  w->value = v;
  return w;
}

void generator_types_init() {
  generator_type.tp_iter = gen_iter;
  generator_type.tp_iternext = gen_iternext;
  generator_type.tp_repr = gen_repr;
  type_ready(&generator_type, "generator", nullptr, kGenMethods, kGenGetSets);

  coroutine_type.tp_repr = gen_repr;
  type_ready(&coroutine_type, "coroutine", nullptr, kCoroMethods, kCoroGetSets);

  async_generator_type.tp_repr = gen_repr;
  type_ready(&async_generator_type, "async_generator", nullptr, kAsyncGenMethods, kAsyncGenGetSets);

  coroutine_wrapper_type.tp_iter = gen_iter;
  coroutine_wrapper_type.tp_iternext = wrapper_iternext;
  coroutine_wrapper_type.basicsize = sizeof(CoroWrapper);
  type_ready(&coroutine_wrapper_type, "coroutine_wrapper", nullptr, kWrapperMethods, nullptr);

  for (Type* t : {&async_gen_asend_type, &async_gen_athrow_type}) {
    t->tp_iter = gen_iter;
    t->tp_iternext = async_op_iternext;
    t->basicsize = sizeof(AsyncGenOp);
  }
  type_ready(&async_gen_asend_type, "async_generator_asend", nullptr, kAsyncOpMethods, nullptr);
  type_ready(&async_gen_athrow_type, "async_generator_athrow", nullptr, kAsyncOpMethods, nullptr);

  async_gen_wrapped_type.basicsize = sizeof(Wrapped);
  type_ready(&async_gen_wrapped_type, "async_generator_wrapped_value", nullptr, nullptr, nullptr);
}

}  // namespace minipy
