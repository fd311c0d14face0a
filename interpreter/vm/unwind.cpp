// Exception machinery of the VM: traceback entries, __context__ chaining, the `raise`
// statement, except-clause matching and the name-error family.
#include "objects/code.h"
#include "objects/exceptions.h"
#include "vm/frame_object.h"
#include "objects/function.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/thread_state.h"
#include "vm/vm_internal.h"

namespace minipy {

namespace {

BaseException* as_exc(Value v) { return v.as<BaseException>(); }

bool unset(Value v) { return !v || is_none(v); }

}  // namespace

void chain_context(ThreadState* ts, Value exc) {
  Value handled = ts->handled_exception;
  if (unset(handled) || handled.is(exc) || !is_exception_instance(exc)) return;
  // Break a cycle exc -> handled -> ... -> exc the way CPython does: cut the chain where exc
  // reappears.
  Value o = handled;
  while (true) {
    Value ctx = as_exc(o)->context;
    if (unset(ctx)) break;
    if (ctx.is(exc)) {
      as_exc(o)->context = none_value();
      break;
    }
    o = ctx;
  }
  as_exc(exc)->context = handled;
}

void record_traceback(ThreadState* ts, Frame* f) {
  Value exc = ts->current_exception;
  if (!exc || !is_exception_instance(exc)) return;
  BaseException* e = as_exc(exc);
  // A context of None was set on purpose (e.g. the group an except* re-raises has none).
  if (unset(e->traceback) && !e->context) chain_context(ts, exc);
  e->traceback = traceback_new(e->traceback, f);
}

namespace {

// Instantiates an exception class or checks an instance; null with TypeError otherwise.
Value exception_instance(Value v, const char* not_exception_msg) {
  if (isinstance_fast(v, &type_type) && is_exception_class(v.as<Type>())) {
    Value inst = call(v, nullptr, 0);
    if (!inst) return Value();
    if (!is_exception_instance(inst)) {
      return raise(&exc_TypeError, std::string("calling ") + v.as<Type>()->name +
                                       " should have returned an instance of BaseException, not " + type_name(inst));
    }
    return inst;
  }
  if (is_exception_instance(v)) return v;
  return raise(&exc_TypeError, not_exception_msg);
}

}  // namespace

void do_raise(Value exc, Value cause) {
  Value inst = exception_instance(exc, "exceptions must derive from BaseException");
  if (!inst) return;
  if (cause) {
    Value c = none_value();
    if (!is_none(cause)) {
      c = exception_instance(cause, "exception causes must derive from BaseException");
      if (!c) return;
    }
    as_exc(inst)->cause = c;
    as_exc(inst)->suppress_context = true;
  }
  chain_context(current_thread(), inst);
  error_restore(inst);
}

int exception_matches(Value exc, Value type) {
  auto check_class = [](Value cls) {
    return isinstance_fast(cls, &type_type) && is_exception_class(cls.as<Type>());
  };
  static const char* const kMsg = "catching classes that do not inherit from BaseException is not allowed";
  Type* et = type_of(exc);
  if (tuple_check(type)) {
    Tuple* t = type.as<Tuple>();
    for (int64_t i = 0; i < t->size; i++) {
      if (!check_class((*t)[i])) {
        raise(&exc_TypeError, kMsg);
        return -1;
      }
    }
    for (int64_t i = 0; i < t->size; i++) {
      if (is_subtype(et, (*t)[i].as<Type>())) return 1;
    }
    return 0;
  }
  if (!check_class(type)) {
    raise(&exc_TypeError, kMsg);
    return -1;
  }
  return is_subtype(et, type.as<Type>()) ? 1 : 0;
}

Value exception_group_match(Value exc, Value type, Value* rest) {
  *rest = none_value();
  int m = exception_matches(exc, type);
  if (m < 0) return Value();
  auto is_group_class = [](Value cls) { return is_subtype(cls.as<Type>(), &exc_BaseExceptionGroup); };
  bool group = false;
  if (tuple_check(type)) {
    Tuple* t = type.as<Tuple>();
    for (int64_t i = 0; i < t->size && !group; i++) group = is_group_class((*t)[i]);
  } else {
    group = is_group_class(type);
  }
  if (group) return raise(&exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
  bool is_group = isinstance_fast(exc, &exc_BaseExceptionGroup);
  if (m) {
    if (is_group) return exc;
    Value wrapped = call(Value(&exc_BaseExceptionGroup), {Value(str_new("")), Value(tuple_of({exc}))});
    // Not chained to anything: a bare `raise` in the clause re-raises it as it is.
    if (wrapped) wrapped.as<BaseException>()->context = none_value();
    return wrapped;
  }
  if (!is_group) return none_value();
  // A partial match: split() is looked up on the instance, as CPython does.
  Value pair = call_method(exc, intern("split"), {type});
  if (!pair) return pair;
  auto part_ok = [](Value v) { return is_none(v) || is_exception_instance(v); };
  if (!tuple_check(pair) || pair.as<Tuple>()->size != 2 || !part_ok((*pair.as<Tuple>())[0]) ||
      !part_ok((*pair.as<Tuple>())[1])) {
    return raise(&exc_TypeError, "split() must return a pair of exceptions or None");
  }
  *rest = (*pair.as<Tuple>())[1];
  return (*pair.as<Tuple>())[0];
}

namespace {

// NameError and UnboundLocalError carry the missing name in .name (used by suggestions).
void raise_with_name(Type* type, const std::string& msg, Str* name) {
  raise(type, msg);
  Value exc = error_fetch();
  if (setattr(exc, intern("name"), name) < 0) error_clear();
  error_restore(exc);
}

Str* localsplus_name(Code* co, int i) {
  if (i < co->nlocals) return (*co->varnames)[i].as<Str>();
  i -= co->nlocals;
  if (i < co->ncells) return (*co->cellvars)[i].as<Str>();
  return (*co->freevars)[i - co->ncells].as<Str>();
}

}  // namespace

void raise_name_error(Str* name) {
  raise_with_name(&exc_NameError, "name '" + std::string(name->view()) + "' is not defined", name);
}

void raise_unbound_local(Frame* f, int local_index) {
  Str* name = localsplus_name(f->code, local_index);
  raise_with_name(&exc_UnboundLocalError,
                  "cannot access local variable '" + std::string(name->view()) +
                      "' where it is not associated with a value",
                  name);
}

void raise_unbound_free(Frame* f, int localsplus_index) {
  Code* co = f->code;
  if (localsplus_index < co->nlocals + co->ncells) {
    raise_unbound_local(f, localsplus_index);
    return;
  }
  Str* name = localsplus_name(co, localsplus_index);
  raise_with_name(&exc_NameError,
                  "cannot access free variable '" + std::string(name->view()) +
                      "' where it is not associated with a value in enclosing scope",
                  name);
}

void frame_exit(Frame* f) {
  if (f->frame_object) frame_object_detach(f);
}

}  // namespace minipy
