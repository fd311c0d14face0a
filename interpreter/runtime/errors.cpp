// Raising and inspecting the current thread's pending exception (see errors.h).
#include "runtime/errors.h"

#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

bool unset(Value v) { return !v || is_none(v); }

// The exception being handled becomes the new exception's __context__. A chain that already
// leads back to the new exception is cut there, so no cycle forms (as CPython does).
void chain_context(Value exc) {
  Value handled = current_thread()->handled_exception;
  if (unset(handled) || handled.is(exc) || !is_exception_instance(handled)) return;
  Value o = handled;
  // Floyd's cycle detection guards against pre-existing cycles in the handled chain.
  Value slow = handled;
  bool advance_slow = false;
  for (;;) {
    Value ctx = o.as<BaseException>()->context;
    if (unset(ctx)) break;
    if (ctx.is(exc)) {
      o.as<BaseException>()->context = none_value();
      break;
    }
    o = ctx;
    if (advance_slow) slow = slow.as<BaseException>()->context;
    advance_slow = !advance_slow;
    if (o.is(slow)) break;
  }
  exc.as<BaseException>()->context = handled;
}

}  // namespace

Value raise_value(Value exc) {
  if (isinstance_fast(exc, &type_type)) {
    Type* t = exc.as<Type>();
    if (!is_exception_class(t)) return raise(&exc_TypeError, "exceptions must derive from BaseException");
    Value inst = call(exc, nullptr, 0);
    if (!inst) return inst;
    if (!is_exception_instance(inst)) {
      return raise(&exc_TypeError, std::string("calling ") + t->name +
                                       " should have returned an instance of BaseException, not " + type_name(inst));
    }
    exc = inst;
  } else if (!is_exception_instance(exc)) {
    return raise(&exc_TypeError, "exceptions must derive from BaseException");
  }
  chain_context(exc);
  current_thread()->current_exception = exc;
  return Value();
}

Value raise(Type* exc_type, std::string_view msg) {
  Value arg = Value(str_new(msg));
  Value exc = call(Value(exc_type), &arg, 1);
  if (!exc) return exc;
  return raise_value(exc);
}

Value raise_empty(Type* exc_type) {
  Value exc = call(Value(exc_type), nullptr, 0);
  if (!exc) return exc;
  return raise_value(exc);
}

Value raise_with_args(Type* exc_type, Tuple* args) {
  Value exc = call(Value(exc_type), args->items(), static_cast<size_t>(args->size));
  if (!exc) return exc;
  return raise_value(exc);
}

Value raise_os_error(int errnum, Value filename) {
  Value args[3] = {int_from_i64(errnum), Value(str_new(std::strerror(errnum))), filename};
  Value exc = call(Value(&exc_OSError), args, filename ? 3 : 2);
  if (!exc) return exc;
  return raise_value(exc);
}

Value raise_no_memory() { return raise_empty(&exc_MemoryError); }

bool error_pending() { return static_cast<bool>(current_thread()->current_exception); }

Value error_peek() { return current_thread()->current_exception; }

Value error_fetch() {
  ThreadState* ts = current_thread();
  Value exc = ts->current_exception;
  ts->current_exception = Value();
  return exc;
}

void error_restore(Value exc) { current_thread()->current_exception = exc; }

void error_clear() { current_thread()->current_exception = Value(); }

bool error_matches(Type* exc_type) {
  Value exc = current_thread()->current_exception;
  return exc && is_subtype(type_of(exc), exc_type);
}

const char* type_name(Value v) { return type_of(v)->name; }

Value raise_unsupported_binary(const char* op, Value a, Value b) {
  return raise(&exc_TypeError, std::string("unsupported operand type(s) for ") + op + ": '" + type_name(a) +
                                   "' and '" + type_name(b) + "'");
}

Value raise_attribute_error(Value obj, Str* name) {
  std::string attr(name->view());
  std::string msg;
  if (isinstance_fast(obj, &type_type)) {
    msg = std::string("type object '") + obj.as<Type>()->name + "' has no attribute '" + attr + "'";
  } else if (module_check(obj)) {
    Value mod_name = dict_get_str(obj.as<Module>()->dict, intern("__name__"));
    if (mod_name && str_check(mod_name)) {
      msg = "module '" + std::string(mod_name.as<Str>()->view()) + "' has no attribute '" + attr + "'";
    } else {
      msg = "module has no attribute '" + attr + "'";
    }
  } else {
    msg = std::string("'") + type_name(obj) + "' object has no attribute '" + attr + "'";
  }
  Value arg = Value(str_new(msg));
  Value exc = call(Value(&exc_AttributeError), &arg, 1);
  if (!exc) return exc;
  // name and obj let the traceback printer suggest a similar attribute, as CPython does.
  if (isinstance_fast(exc, &exc_AttributeError)) {
    exc.as<AttributeErrorObject>()->name = Value(name);
    exc.as<AttributeErrorObject>()->obj = obj;
  }
  return raise_value(exc);
}

}  // namespace minipy
