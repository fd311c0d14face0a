// Calls of Python functions: argument binding with CPython's messages, f(*args, **kwargs),
// and the recursion guards.
#include <pthread.h>
#include <sys/resource.h>

#include <string>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"
#include "vm/vm_internal.h"

namespace minipy {

// ---- recursion guards --------------------------------------------------------------------------

namespace {

// The lowest usable native stack address of this thread (plus a safety margin for the code
// that runs after the check: error construction, printing, finalisers).
thread_local uintptr_t tls_stack_low = 0;
constexpr uintptr_t kStackMargin = 256 * 1024;

uintptr_t compute_stack_low() {
  // The main thread's stack grows on demand down to its rlimit below the top. (A child forked
  // from another thread runs on that thread's stack: the frame address tells.)
  struct rlimit limit;
  if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur > 2 * kStackMargin) {
    uintptr_t top = main_thread_stack_top();
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    if (here < top && here > top - limit.rlim_cur) return top - limit.rlim_cur + kStackMargin;
  }
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (!addr || size <= 2 * kStackMargin) return 1;  // unknown: rely on the depth limit only
  return reinterpret_cast<uintptr_t>(addr) + kStackMargin;
}

}  // namespace

bool native_stack_exhausted() {
  if (__builtin_expect(tls_stack_low == 0, 0)) tls_stack_low = compute_stack_low();
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < tls_stack_low;
}

bool enter_python_frame(ThreadState* ts) {
  if (__builtin_expect(++ts->recursion_depth > ts->recursion_limit, 0) || native_stack_exhausted()) {
    --ts->recursion_depth;
    raise(&exc_RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

bool recursion_enter(const char* where) {
  ThreadState* ts = current_thread();
  if (++ts->recursion_depth > ts->recursion_limit || native_stack_exhausted()) {
    --ts->recursion_depth;
    raise(&exc_RecursionError, std::string("maximum recursion depth exceeded") + (where ? where : ""));
    return false;
  }
  return true;
}

void recursion_leave() { --current_thread()->recursion_depth; }

// ---- argument binding ----------------------------------------------------------------------------

namespace {

std::string qualname_of(Function* fn) { return std::string(fn->qualname->view()); }

std::string quoted_list(const std::string* names, size_t n) {
  // 'a' / 'a' and 'b' / 'a', 'b', and 'c'
  std::string s;
  for (size_t i = 0; i < n; i++) {
    if (i) s += n == 2 ? " and " : (i + 1 == n ? ", and " : ", ");
    s += "'" + names[i] + "'";
  }
  return s;
}

void raise_missing(Function* fn, Frame* f, int from, int to, bool kwonly) {
  Code* co = fn->code;
  GcVector<std::string> missing;
  for (int j = from; j < to; j++) {
    if (!f->localsplus[j]) missing.push_back(std::string((*co->varnames)[j].as<Str>()->view()));
  }
  size_t n = missing.size();
  raise(&exc_TypeError, qualname_of(fn) + "() missing " + std::to_string(n) + " required " +
                            (kwonly ? "keyword-only" : "positional") + " argument" + (n == 1 ? "" : "s") +
                            ": " + quoted_list(missing.data(), n));
}

void raise_too_many_positional(Function* fn, Frame* f, size_t given) {
  Code* co = fn->code;
  int64_t ndefaults = fn->defaults ? fn->defaults->size : 0;
  int argc = co->argcount;
  int kwonly_given = 0;
  for (int j = argc; j < argc + co->kwonlyargcount; j++) kwonly_given += f->localsplus[j] ? 1 : 0;
  std::string takes;
  if (ndefaults) {
    takes = "from " + std::to_string(argc - ndefaults) + " to " + std::to_string(argc) + " positional arguments";
  } else {
    takes = std::to_string(argc) + " positional argument" + (argc == 1 ? "" : "s");
  }
  std::string was;
  if (kwonly_given) {
    was = std::to_string(given) + " positional argument" + (given == 1 ? "" : "s") + " (and " +
          std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given == 1 ? "" : "s") +
          ") were given";
  } else {
    was = std::to_string(given) + (given == 1 ? " was given" : " were given");
  }
  raise(&exc_TypeError, qualname_of(fn) + "() takes " + takes + " but " + was);
}

bool same_name(Value a, Str* b) {
  return a.as_object() == b || (a.as<Str>()->size == b->size && str_equal(a.as<Str>(), b));
}

}  // namespace

bool bind_arguments(Function* fn, Frame* f, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  Value* locals = f->localsplus;
  const size_t argc = static_cast<size_t>(co->argcount);
  const int total_named = co->argcount + co->kwonlyargcount;
  const uint32_t flags = co->flags;

  size_t npos = nargs < argc ? nargs : argc;
  for (size_t i = 0; i < npos; i++) locals[i] = args[i];
  int slot = total_named;
  if (flags & CO_VARARGS) {
    locals[slot++] = nargs > argc ? tuple_from_array(args + argc, nargs - argc) : empty_tuple();
  }
  Dict* kwdict = nullptr;
  if (flags & CO_VARKEYWORDS) {
    kwdict = dict_new();
    locals[slot] = kwdict;
  }

  if (kwnames) {
    GcVector<std::string> posonly_as_kw;
    for (int64_t k = 0; k < kwnames->size; k++) {
      Value keyv = (*kwnames)[k];
      Value value = args[nargs + k];
      if (!str_check(keyv)) {
        raise(&exc_TypeError, "keywords must be strings");
        return false;
      }
      Str* key = keyv.as<Str>();
      int found = -1;
      for (int j = co->posonlyargcount; j < total_named; j++) {
        if ((*co->varnames)[j].as_object() == key) { found = j; break; }
      }
      if (found < 0) {
        for (int j = co->posonlyargcount; j < total_named; j++) {
          if (same_name((*co->varnames)[j], key)) { found = j; break; }
        }
      }
      if (found >= 0) {
        if (locals[found]) {
          raise(&exc_TypeError, qualname_of(fn) + "() got multiple values for argument '" +
                                    std::string(key->view()) + "'");
          return false;
        }
        locals[found] = value;
        continue;
      }
      if (kwdict) {
        if (dict_set(kwdict, key, value) < 0) return false;
        continue;
      }
      bool is_posonly = false;
      for (int j = 0; j < co->posonlyargcount && !is_posonly; j++) is_posonly = same_name((*co->varnames)[j], key);
      if (is_posonly) {
        posonly_as_kw.push_back(std::string(key->view()));
        continue;
      }
      raise(&exc_TypeError, qualname_of(fn) + "() got an unexpected keyword argument '" +
                                std::string(key->view()) + "'");
      return false;
    }
    if (!posonly_as_kw.empty()) {
      std::string names;
      for (size_t i = 0; i < posonly_as_kw.size(); i++) names += (i ? ", '" : "'") + posonly_as_kw[i] + "'";
      raise(&exc_TypeError, qualname_of(fn) +
                                "() got some positional-only arguments passed as keyword arguments: " + names);
      return false;
    }
  }

  if (nargs > argc && !(flags & CO_VARARGS)) {
    raise_too_many_positional(fn, f, nargs);
    return false;
  }
  if (nargs < argc) {
    int64_t ndefaults = fn->defaults ? fn->defaults->size : 0;
    int64_t first_default = static_cast<int64_t>(argc) - ndefaults;
    bool missing = false;
    for (size_t j = nargs; j < argc; j++) {
      if (locals[j]) continue;
      if (static_cast<int64_t>(j) >= first_default) locals[j] = (*fn->defaults)[j - first_default];
      else missing = true;
    }
    if (missing) {
      raise_missing(fn, f, 0, co->argcount, false);
      return false;
    }
  }
  if (co->kwonlyargcount) {
    bool missing = false;
    for (int j = co->argcount; j < total_named; j++) {
      if (locals[j]) continue;
      Value d;
      if (fn->kwdefaults) {
        d = dict_get_str(fn->kwdefaults, (*co->varnames)[j].as<Str>());
        if (!d && error_pending()) return false;
      }
      if (d) locals[j] = d;
      else missing = true;
    }
    if (missing) {
      raise_missing(fn, f, co->argcount, total_named, true);
      return false;
    }
  }
  return true;
}

Value function_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Function* fn = callable.as<Function>();
  Code* co = fn->code;
  if (co->flags & kCoGeneratorLike) return generator_from_call(fn, args, nargs, kwnames);
  Frame* f = frame_stack_push(co, fn, fn->globals, fn->builtins, Value());
  if (!f) return raise_no_memory();
  if (!bind_arguments(fn, f, args, nargs, kwnames)) {
    frame_stack_pop(f);
    return Value();
  }
  if (co->ncells || co->nfree) frame_init_cells(f, fn->closure);
  f->flags |= kFrameEntry;
  Value result = eval_frame(current_thread(), f);
  frame_stack_pop(f);
  return result;
}

// ---- f(*args, **kwargs) -------------------------------------------------------------------------

std::string callable_description(Value func) {
  Value qual = getattr_optional(func, intern("__qualname__"));
  if (!qual || !str_check(qual)) {
    error_clear();
    return std::string(type_name(func)) + " object";
  }
  Value mod = getattr_optional(func, intern("__module__"));
  error_clear();
  std::string q(qual.as<Str>()->view());
  if (mod && str_check(mod) && mod.as<Str>()->view() != "builtins") {
    return std::string(mod.as<Str>()->view()) + "." + q + "()";
  }
  return q + "()";
}

namespace {

bool is_mapping_like(Value v) {
  if (dict_check(v)) return true;
  Value keys = getattr_optional(type_of(v), intern("keys"));
  if (!keys) error_clear();
  return static_cast<bool>(keys);
}

}  // namespace

int dict_merge_for_call(Value func, Dict* d, Value other) {
  if (!is_mapping_like(other)) {
    raise(&exc_TypeError, callable_description(func) + " argument after ** must be a mapping, not " +
                              type_name(other));
    return -1;
  }
  Value keys;
  if (dict_check(other)) {
    keys = other;
  } else {
    keys = call_method_cstr(other, "keys", {});
    if (!keys) return -1;
  }
  Value it = get_iter(keys);
  if (!it) return -1;
  while (Value key = iter_next(it)) {
    if (!str_check(key)) {
      raise(&exc_TypeError, "keywords must be strings");
      return -1;
    }
    Value existing = dict_get(d, key);
    if (existing) {
      raise(&exc_TypeError, callable_description(func) + " got multiple values for keyword argument '" +
                                std::string(key.as<Str>()->view()) + "'");
      return -1;
    }
    if (error_pending()) return -1;
    Value value = getitem(other, key);
    if (!value || dict_set(d, key, value) < 0) return -1;
  }
  return error_pending() ? -1 : 0;
}

Value call_function_ex(Value func, Value args, Value kwargs) {
  Tuple* argt;
  if (tuple_check_exact(args)) {
    argt = args.as<Tuple>();
  } else {
    Value it = get_iter(args);
    if (!it) {
      if (error_matches(&exc_TypeError) && !type_of(args)->tp_iter && !type_of(args)->mp_subscript) {
        error_clear();
        return raise(&exc_TypeError, callable_description(func) + " argument after * must be an iterable, not " +
                                         type_name(args));
      }
      return Value();
    }
    Value lst = list_from_iterable(it);
    if (!lst) return Value();
    List* l = lst.as<List>();
    argt = tuple_from_array(l->items, l->size);
  }
  Dict* kw = nullptr;
  if (kwargs) {
    if (dict_check_exact(kwargs)) {
      kw = kwargs.as<Dict>();
      int64_t pos = 0;
      Value key, value;
      while (dict_next(kw, &pos, &key, &value)) {
        if (!str_check(key)) return raise(&exc_TypeError, "keywords must be strings");
      }
    } else {
      kw = dict_new();
      if (dict_merge_for_call(func, kw, kwargs) < 0) return Value();
    }
    if (dict_size(kw) == 0) kw = nullptr;
  }
  return call_tuple_dict(func, argt, kw);
}

}  // namespace minipy
