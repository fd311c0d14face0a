// The _thread module: real OS threads running Python under the GIL, locks whose waits
// release the GIL, and thread-local storage. `threading` (stdlib/lib) is built on it.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <string>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "runtime/semaphore_wait.h"
#include "runtime/signals.h"
#include "runtime/source_lines.h"
#include "runtime/thread_state.h"
#include "runtime/trace.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

// Longest timeout a lock accepts (seconds), as CPython exposes in TIMEOUT_MAX.
constexpr double kTimeoutMax = 9223372036.0;

std::atomic<int64_t> g_thread_count{0};
size_t g_stack_size = 0;  // 0: the system default

// ---------------------------------------------------------------------------------------------
// acquire(blocking=True, timeout=-1) arguments, validated with CPython's messages.
bool parse_acquire_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, double* timeout) {
  Value a[2];
  const Signature sig{fname, {"blocking", "timeout"}, 2, 0};
  if (!bind_args(sig, args, nargs, kwnames, a)) return false;
  bool blocking = true;
  if (a[0]) {
    int t = is_true(a[0]);
    if (t < 0) return false;
    blocking = t;
  }
  double t = -1;
  if (a[1] && !to_double(a[1], &t)) return false;
  if (!blocking && t != -1) {
    raise(&exc_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (t < 0 && t != -1) {
    raise(&exc_ValueError, "timeout value must be a non-negative number");
    return false;
  }
  if (t > kTimeoutMax) {
    raise(&exc_OverflowError, "timeout value is too large");
    return false;
  }
  *timeout = blocking ? t : 0;
  return true;
}

// ---------------------------------------------------------------------------------------------
// lock

struct LockObject : Object {
  sem_t sem;  // 1 = unlocked; waits on it are interruptible by signals, like CPython's locks
};

Type lock_type;

LockObject* lock_new() {
  auto* l = alloc<LockObject>(&lock_type);
  sem_init(&l->sem, 0, 1);
  return l;
}

bool lock_is_locked(LockObject* l) {
  int v;
  sem_getvalue(&l->sem, &v);
  return v == 0;
}

Value lock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  double timeout;
  if (!parse_acquire_args("acquire", args, nargs, kwnames, &timeout)) return Value();
  switch (semaphore_wait(&self.as<LockObject>()->sem, timeout)) {
    case WaitResult::Acquired: return true_value();
    case WaitResult::TimedOut: return false_value();
    case WaitResult::Error: return Value();
  }
  return Value();
}

Value lock_release(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("release", kwnames) || !check_nargs("release", nargs, 0, 0)) return Value();
  auto* l = self.as<LockObject>();
  if (!lock_is_locked(l)) return raise(&exc_RuntimeError, "release unlocked lock");
  sem_post(&l->sem);
  return none_value();
}

Value lock_exit(Value self, const Value*, size_t, Tuple*) { return lock_release(self, nullptr, 0, nullptr); }

Value lock_locked(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("locked", kwnames) || !check_nargs("locked", nargs, 0, 0)) return Value();
  return bool_value(lock_is_locked(self.as<LockObject>()));
}

Value lock_at_fork_reinit(Value self, const Value*, size_t, Tuple*) {
  sem_init(&self.as<LockObject>()->sem, 0, 1);
  return none_value();
}

Value lock_repr(Value self) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "<%s _thread.lock object at %p>",
                lock_is_locked(self.as<LockObject>()) ? "locked" : "unlocked", static_cast<void*>(self.as_object()));
  return Value(str_new(buf));
}

Value lock_tp_new(Type*, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("lock", kwnames) || !check_nargs("lock", nargs, 0, 0)) return Value();
  return Value(lock_new());
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire},
    {"acquire_lock", lock_acquire},
    {"release", lock_release},
    {"release_lock", lock_release},
    {"locked", lock_locked},
    {"locked_lock", lock_locked},
    {"__enter__", lock_acquire},
    {"__exit__", lock_exit},
    {"_at_fork_reinit", lock_at_fork_reinit},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// RLock: re-entrant, owned by the thread that acquired it

struct RLockObject : Object {
  sem_t sem;
  uint64_t owner;  // thread ident, 0 when free
  int64_t count;
};

Type rlock_type;

uint64_t my_ident() { return current_thread()->thread_id; }

Value rlock_tp_new(Type* type, const Value*, size_t, Tuple*) {
  auto* r = static_cast<RLockObject*>(alloc_object(type, type->basicsize));
  sem_init(&r->sem, 0, 1);
  return Value(r);
}

Value rlock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  double timeout;
  if (!parse_acquire_args("acquire", args, nargs, kwnames, &timeout)) return Value();
  auto* r = self.as<RLockObject>();
  uint64_t me = my_ident();
  if (r->count > 0 && r->owner == me) {
    ++r->count;
    return true_value();
  }
  switch (semaphore_wait(&r->sem, timeout)) {
    case WaitResult::Acquired:
      r->owner = me;
      r->count = 1;
      return true_value();
    case WaitResult::TimedOut: return false_value();
    case WaitResult::Error: return Value();
  }
  return Value();
}

Value rlock_release(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("release", kwnames) || !check_nargs("release", nargs, 0, 0)) return Value();
  auto* r = self.as<RLockObject>();
  if (r->count == 0 || r->owner != my_ident()) return raise(&exc_RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) {
    r->owner = 0;
    sem_post(&r->sem);
  }
  return none_value();
}

Value rlock_exit(Value self, const Value*, size_t, Tuple*) { return rlock_release(self, nullptr, 0, nullptr); }

Value rlock_is_owned(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLockObject>();
  return bool_value(r->count > 0 && r->owner == my_ident());
}

// Condition.wait() on an RLock releases it completely and restores the depth afterwards.
Value rlock_release_save(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLockObject>();
  if (r->count == 0) return raise(&exc_RuntimeError, "cannot release un-acquired lock");
  Value state = Value(tuple_of({int_from_i64(r->count), int_from_u64(r->owner)}));
  r->count = 0;
  r->owner = 0;
  sem_post(&r->sem);
  return state;
}

Value rlock_acquire_restore(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("_acquire_restore", nargs, 1, 1)) return Value();
  auto* r = self.as<RLockObject>();
  if (semaphore_wait(&r->sem, -1) != WaitResult::Acquired) return Value();
  Value state = args[0];
  int64_t count;
  if (!tuple_check(state) || state.as<Tuple>()->size != 2 || !int_to_i64((*state.as<Tuple>())[0], &count)) {
    return raise(&exc_TypeError, "_acquire_restore: bad state");
  }
  r->count = count;
  r->owner = my_ident();
  return none_value();
}

Value rlock_recursion_count(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLockObject>();
  return int_from_i64(r->owner == my_ident() ? r->count : 0);
}

Value rlock_at_fork_reinit(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<RLockObject>();
  sem_init(&r->sem, 0, 1);
  r->owner = 0;
  r->count = 0;
  return none_value();
}

Value rlock_repr(Value self) {
  auto* r = self.as<RLockObject>();
  char buf[160];
  std::snprintf(buf, sizeof buf, "<%s %s object owner=%llu count=%lld at %p>", r->count ? "locked" : "unlocked",
                type_of(self)->name, static_cast<unsigned long long>(r->owner), static_cast<long long>(r->count),
                static_cast<void*>(self.as_object()));
  return Value(str_new(buf));
}

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire},
    {"release", rlock_release},
    {"__enter__", rlock_acquire},
    {"__exit__", rlock_exit},
    {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore},
    {"_recursion_count", rlock_recursion_count},
    {"_at_fork_reinit", rlock_at_fork_reinit},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// _local: attributes seen only by the thread that set them

struct LocalObject : Object {
  Dict* dict;   // swapped to the current thread's dict around every attribute access
  Tuple* args;  // constructor arguments, replayed through __init__ in each new thread
  Dict* kwargs;
};

Type local_type;

// Points `self->dict` at the calling thread's dict for this object, creating it (and running
// __init__ again, as CPython does) on first use in this thread. -1 on error.
int local_bind(LocalObject* self) {
  ThreadState* ts = current_thread();
  if (!ts->thread_locals) ts->thread_locals = dict_new();
  Value d = dict_get(ts->thread_locals, Value(self));
  if (d) {
    self->dict = d.as<Dict>();
    return 0;
  }
  if (error_pending()) return -1;
  Dict* fresh = dict_new();
  if (dict_set(ts->thread_locals, Value(self), Value(fresh)) < 0) return -1;
  self->dict = fresh;
  Value init = type_lookup(type_of(Value(self)), intern("__init__"));
  if (init && !init.is(dict_get_cstr(object_type.dict, "__init__"))) {
    Value bound = getattr(Value(self), intern("__init__"));
    if (!bound || !call_tuple_dict(bound, self->args, self->kwargs)) return -1;
    self->dict = fresh;
  }
  return 0;
}

Value local_getattr(Value self, Str* name) {
  if (local_bind(self.as<LocalObject>()) < 0) return Value();
  return object_generic_getattr(self, name);
}

int local_setattr(Value self, Str* name, Value v) {
  if (local_bind(self.as<LocalObject>()) < 0) return -1;
  return object_generic_setattr(self, name, v);
}

Value local_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool has_args = nargs || (kwnames && kwnames->size);
  if (has_args && type_lookup(type, intern("__init__")).is(dict_get_cstr(object_type.dict, "__init__"))) {
    return raise(&exc_TypeError, "Initialization arguments are not supported");
  }
  auto* l = static_cast<LocalObject*>(alloc_object(type, type->basicsize));
  l->args = tuple_from_array(args, static_cast<int64_t>(nargs));
  l->kwargs = dict_new();
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      if (dict_set(l->kwargs, (*kwnames)[i], args[nargs + i]) < 0) return Value();
    }
  }
  // The creating thread gets its dict now; __init__ runs through the normal type call.
  ThreadState* ts = current_thread();
  if (!ts->thread_locals) ts->thread_locals = dict_new();
  l->dict = dict_new();
  if (dict_set(ts->thread_locals, Value(l), Value(l->dict)) < 0) return Value();
  return Value(l);
}

int local_tp_init(Value, const Value*, size_t, Tuple*) { return 0; }

// ---------------------------------------------------------------------------------------------
// Threads

struct Bootstrap {
  Value func;
  Tuple* args;
  Dict* kwargs;
};

void report_thread_exception(Value func) {
  if (error_matches(&exc_SystemExit)) {
    error_clear();
    return;
  }
  Value exc = error_fetch();
  Value shown = repr(func);
  std::string text = "Exception ignored in thread started by: " +
                     (shown ? std::string(shown.as<Str>()->view()) : std::string("<object>")) + "\n";
  if (!shown) error_clear();
  write_to_stderr(text + format_exception_text(exc));
}

void* thread_main(void* raw) {
  auto* boot = static_cast<Bootstrap*>(raw);
  ThreadState* ts = thread_state_create();
  gil_acquire(ts);
  Value func = boot->func;
  Value result = call_tuple_dict(func, boot->args, boot->kwargs);
  GC_FREE(boot);
  if (!result) report_thread_exception(func);
  if (trace_enabled()) trace_thread_exit(ts, func);
  --g_thread_count;
  gil_release(ts);
  thread_state_destroy(ts);
  return nullptr;
}

Value thread_start_new_thread(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("start_new_thread", kwnames) || !check_nargs("start_new_thread", nargs, 2, 3)) return Value();
  if (!is_callable(args[0])) return raise(&exc_TypeError, "first arg must be callable");
  if (!tuple_check(args[1])) return raise(&exc_TypeError, "2nd arg must be a tuple");
  if (nargs == 3 && !dict_check(args[2])) return raise(&exc_TypeError, "optional 3rd arg must be a dictionary");
  // Uncollectable until the new thread has picked the arguments up.
  auto* boot = static_cast<Bootstrap*>(gc_malloc_uncollectable(sizeof(Bootstrap)));
  boot->func = args[0];
  boot->args = args[1].as<Tuple>();
  boot->kwargs = nargs == 3 ? args[2].as<Dict>() : nullptr;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (g_stack_size) pthread_attr_setstacksize(&attr, g_stack_size);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t tid;
  ++g_thread_count;
  int rc = pthread_create(&tid, &attr, thread_main, boot);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    --g_thread_count;
    GC_FREE(boot);
    return raise(&exc_RuntimeError, "can't start new thread");
  }
  return int_from_u64(static_cast<uint64_t>(tid));
}

Value thread_allocate_lock(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("allocate_lock", kwnames) || !check_nargs("allocate_lock", nargs, 0, 0)) return Value();
  return Value(lock_new());
}

Value thread_get_ident(Value, const Value*, size_t, Tuple*) { return int_from_u64(current_thread()->thread_id); }

Value thread_get_native_id(Value, const Value*, size_t, Tuple*) { return int_from_u64(current_thread()->native_id); }

Value thread_count(Value, const Value*, size_t, Tuple*) { return int_from_i64(g_thread_count.load()); }

Value thread_stack_size(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("stack_size", kwnames) || !check_nargs("stack_size", nargs, 0, 1)) return Value();
  size_t old = g_stack_size;
  if (nargs == 1) {
    int64_t n;
    if (!index_to_i64(args[0], &n)) return Value();
    if (n != 0 && n < 32768) return raise(&exc_ValueError, "size not valid: " + std::to_string(n) + " bytes");
    g_stack_size = static_cast<size_t>(n);
  }
  return int_from_u64(old);
}

Value thread_interrupt_main(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("interrupt_main", kwnames) || !check_nargs("interrupt_main", nargs, 0, 1)) return Value();
  int64_t signum = SIGINT;
  if (nargs == 1 && !index_to_i64(args[0], &signum)) return Value();
  ::kill(::getpid(), static_cast<int>(signum));
  return none_value();
}

const MethodDef kThreadFunctions[] = {
    {"start_new_thread", thread_start_new_thread},
    {"start_new", thread_start_new_thread},
    {"allocate_lock", thread_allocate_lock},
    {"allocate", thread_allocate_lock},
    {"get_ident", thread_get_ident},
    {"get_native_id", thread_get_native_id},
    {"_count", thread_count},
    {"stack_size", thread_stack_size},
    {"interrupt_main", thread_interrupt_main},
    {nullptr, nullptr},
};

void thread_types_init() {
  lock_type.tp_new = lock_tp_new;
  lock_type.tp_repr = lock_repr;
  lock_type.basicsize = sizeof(LockObject);
  lock_type.flags |= kTypePointerFree;
  type_ready(&lock_type, "_thread.lock", nullptr, kLockMethods);
  rlock_type.tp_new = rlock_tp_new;
  rlock_type.tp_repr = rlock_repr;
  rlock_type.basicsize = sizeof(RLockObject);
  rlock_type.flags |= kTypeBaseType;
  type_ready(&rlock_type, "_thread.RLock", nullptr, kRLockMethods);
  local_type.tp_new = local_tp_new;
  local_type.tp_init = local_tp_init;
  local_type.tp_getattr = local_getattr;
  local_type.tp_setattr = local_setattr;
  local_type.basicsize = sizeof(LocalObject);
  local_type.dict_offset = offsetof(LocalObject, dict);
  local_type.flags |= kTypeBaseType;
  type_ready(&local_type, "_thread._local", nullptr);
}

}  // namespace

Value thread_module_create() {
  if (!lock_type.name) thread_types_init();
  Module* m = module_new(intern("_thread"));
  module_add_functions(m, kThreadFunctions);
  module_add(m, "LockType", Value(&lock_type));
  module_add(m, "lock", Value(&lock_type));
  module_add(m, "RLock", Value(&rlock_type));
  module_add(m, "_local", Value(&local_type));
  module_add(m, "error", Value(&exc_RuntimeError));
  module_add(m, "TIMEOUT_MAX", float_new(kTimeoutMax));
  return Value(m);
}

}  // namespace minipy
