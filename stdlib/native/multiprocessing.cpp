// The _multiprocessing module: what `multiprocessing` needs that Python code cannot do, namely
// objects shared between processes created by fork.
//
// SemLock is a POSIX semaphore living in a MAP_SHARED|MAP_ANONYMOUS page: after fork() parent
// and children see the same semaphore, so Lock, RLock, Semaphore, Condition and Event built on
// it synchronise processes (and threads). SharedBuffer is a zero-filled MAP_SHARED block for
// multiprocessing.Value and Array. Both must be created before the fork that shares them.
#include <errno.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/memory.h"
#include "runtime/semaphore_wait.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

constexpr int kRecursiveMutex = 0;
constexpr int kSemaphore = 1;

// ---------------------------------------------------------------------------------------------
// Shared mappings

void* map_shared(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// ---------------------------------------------------------------------------------------------
// SemLock

struct SemLockObject : Object {
  sem_t* sem;        // in a shared mapping
  int kind;          // kRecursiveMutex or kSemaphore
  int maxvalue;
  // Ownership is per process and thread: these live in the object, which fork copies, and
  // `pid` tells a child's copy apart from the parent's.
  int64_t count;     // acquisitions held by `owner` (recursion depth for a mutex)
  uint64_t owner;    // thread ident of the last acquirer
  pid_t pid;         // process of the last acquirer
};

Type semlock_type;

SemLockObject* as_semlock(Value v) { return v.as<SemLockObject>(); }

bool semlock_is_mine(SemLockObject* s) {
  return s->count > 0 && s->owner == current_thread()->thread_id && s->pid == getpid();
}

// A forked child's copy starts owning nothing, whatever the parent held when it forked.
void semlock_forget_other_process(SemLockObject* s) {
  if (s->pid != getpid()) {
    s->count = 0;
    s->pid = getpid();
  }
}

void semlock_finalize(Object* o) {
  auto* s = static_cast<SemLockObject*>(o);
  // Only this process's mapping goes: other processes keep theirs.
  if (s->sem) munmap(s->sem, sizeof(sem_t));
  s->sem = nullptr;
}

Value semlock_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"SemLock", {"kind", "value", "maxvalue"}, 3, 3};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  int64_t kind, value, maxvalue;
  if (!index_to_i64(a[0], &kind) || !index_to_i64(a[1], &value) || !index_to_i64(a[2], &maxvalue)) return Value();
  if (kind != kRecursiveMutex && kind != kSemaphore) return raise(&exc_ValueError, "unrecognized kind");
  if (value < 0 || value > SEM_VALUE_MAX) return raise(&exc_ValueError, "invalid value");
  if (maxvalue < 1 || maxvalue > SEM_VALUE_MAX) return raise(&exc_ValueError, "invalid maxvalue");
  void* mem = map_shared(sizeof(sem_t));
  if (!mem) return raise_os_error(errno);
  auto* sem = static_cast<sem_t*>(mem);
  if (sem_init(sem, 1, static_cast<unsigned>(value)) < 0) {
    int err = errno;
    munmap(mem, sizeof(sem_t));
    return raise_os_error(err);
  }
  auto* s = static_cast<SemLockObject*>(alloc_object(type, type->basicsize));
  s->sem = sem;
  s->kind = static_cast<int>(kind);
  s->maxvalue = static_cast<int>(maxvalue);
  register_finalizer(s, semlock_finalize);
  return Value(s);
}

Value semlock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"acquire", {"block", "timeout"}, 2, 0};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  auto* s = as_semlock(self);
  if (!s->sem) return raise(&exc_ValueError, "semaphore is closed");
  bool block = true;
  if (a[0]) {
    int t = is_true(a[0]);
    if (t < 0) return Value();
    block = t;
  }
  double timeout = -1;
  if (a[1] && !is_none(a[1])) {
    if (!to_double(a[1], &timeout)) return Value();
    if (std::isnan(timeout)) return raise(&exc_ValueError, "Invalid value NaN (not a number)");
    if (timeout < 0) timeout = 0;
  }
  if (!block) timeout = 0;
  semlock_forget_other_process(s);
  if (s->kind == kRecursiveMutex && semlock_is_mine(s)) {
    ++s->count;
    return true_value();
  }
  WaitResult r = semaphore_wait(s->sem, timeout);
  if (r == WaitResult::Error) return Value();
  if (r == WaitResult::TimedOut) return false_value();
  ++s->count;
  s->owner = current_thread()->thread_id;
  return true_value();
}

Value semlock_release(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("release", kwnames) || !check_nargs("release", nargs, 0, 0)) return Value();
  auto* s = as_semlock(self);
  if (!s->sem) return raise(&exc_ValueError, "semaphore is closed");
  semlock_forget_other_process(s);
  if (s->kind == kRecursiveMutex) {
    if (!semlock_is_mine(s)) {
      return raise(&exc_AssertionError, "attempt to release recursive lock not owned by thread");
    }
    if (s->count > 1) {
      --s->count;
      return none_value();
    }
  } else {
    int sval = 0;
    sem_getvalue(s->sem, &sval);
    if (sval >= s->maxvalue) return raise(&exc_ValueError, "semaphore or lock released too many times");
  }
  if (sem_post(s->sem) < 0) return raise_os_error(errno);
  if (s->count > 0) --s->count;
  return none_value();
}

Value semlock_exit(Value self, const Value*, size_t, Tuple*) { return semlock_release(self, nullptr, 0, nullptr); }

Value semlock_count(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_count", kwnames) || !check_nargs("_count", nargs, 0, 0)) return Value();
  auto* s = as_semlock(self);
  return int_from_i64(s->pid == getpid() ? s->count : 0);
}

Value semlock_is_mine_method(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_is_mine", kwnames) || !check_nargs("_is_mine", nargs, 0, 0)) return Value();
  return bool_value(semlock_is_mine(as_semlock(self)));
}

Value semlock_get_value(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_get_value", kwnames) || !check_nargs("_get_value", nargs, 0, 0)) return Value();
  auto* s = as_semlock(self);
  if (!s->sem) return raise(&exc_ValueError, "semaphore is closed");
  int sval = 0;
  if (sem_getvalue(s->sem, &sval) < 0) return raise_os_error(errno);
  return int_from_i64(sval < 0 ? 0 : sval);
}

Value semlock_is_zero(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_is_zero", kwnames) || !check_nargs("_is_zero", nargs, 0, 0)) return Value();
  auto* s = as_semlock(self);
  if (!s->sem) return raise(&exc_ValueError, "semaphore is closed");
  int sval = 0;
  if (sem_getvalue(s->sem, &sval) < 0) return raise_os_error(errno);
  return bool_value(sval <= 0);
}

Value semlock_kind(Value self) { return Value::small_int(as_semlock(self)->kind); }
Value semlock_maxvalue(Value self) { return Value::small_int(as_semlock(self)->maxvalue); }

Value semlock_repr(Value self) {
  auto* s = as_semlock(self);
  char buf[128];
  std::snprintf(buf, sizeof buf, "<_multiprocessing.SemLock kind=%d maxvalue=%d at %p>", s->kind, s->maxvalue,
                static_cast<void*>(self.as_object()));
  return Value(str_new(buf));
}

const MethodDef kSemLockMethods[] = {
    {"acquire", semlock_acquire},
    {"release", semlock_release},
    {"__enter__", semlock_acquire},
    {"__exit__", semlock_exit},
    {"_count", semlock_count},
    {"_is_mine", semlock_is_mine_method},
    {"_get_value", semlock_get_value},
    {"_is_zero", semlock_is_zero},
    {nullptr, nullptr},
};

const GetSetDef kSemLockGetSets[] = {
    {"kind", semlock_kind, nullptr},
    {"maxvalue", semlock_maxvalue, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// SharedBuffer

struct SharedBufferObject : Object {
  char* data;  // shared mapping of `size` bytes (at least one page is mapped)
  int64_t size;
};

Type shared_buffer_type;

SharedBufferObject* as_buffer(Value v) { return v.as<SharedBufferObject>(); }

size_t mapped_size(int64_t size) { return size > 0 ? static_cast<size_t>(size) : 1; }

void shared_buffer_finalize(Object* o) {
  auto* b = static_cast<SharedBufferObject*>(o);
  if (b->data) munmap(b->data, mapped_size(b->size));
  b->data = nullptr;
}

Value shared_buffer_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"SharedBuffer", {"size"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  int64_t size;
  if (!index_to_i64(a[0], &size)) return Value();
  if (size < 0) return raise(&exc_ValueError, "size must be non-negative");
  void* mem = map_shared(mapped_size(size));
  if (!mem) return raise_os_error(errno);
  auto* b = static_cast<SharedBufferObject*>(alloc_object(type, type->basicsize));
  b->data = static_cast<char*>(mem);
  b->size = size;
  register_finalizer(b, shared_buffer_finalize);
  return Value(b);
}

// Validates [offset, offset + n) against the buffer; false with ValueError otherwise.
bool check_range(SharedBufferObject* b, int64_t offset, int64_t n) {
  if (offset < 0 || n < 0 || offset > b->size || n > b->size - offset) {
    raise(&exc_ValueError, "offset and size out of range");
    return false;
  }
  return true;
}

Value shared_buffer_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"read", {"offset", "size"}, 2, 2};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  int64_t offset, n;
  if (!index_to_i64(a[0], &offset) || !index_to_i64(a[1], &n)) return Value();
  auto* b = as_buffer(self);
  if (!check_range(b, offset, n)) return Value();
  return Value(bytes_new(std::string_view(b->data + offset, static_cast<size_t>(n))));
}

Value shared_buffer_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"write", {"offset", "data"}, 2, 2};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  int64_t offset;
  if (!index_to_i64(a[0], &offset)) return Value();
  std::string_view data;
  if (!bytes_like_view(a[1], &data)) {
    return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(a[1]) + "'");
  }
  auto* b = as_buffer(self);
  if (!check_range(b, offset, static_cast<int64_t>(data.size()))) return Value();
  std::memcpy(b->data + offset, data.data(), data.size());
  return none_value();
}

Value shared_buffer_size(Value self) { return int_from_i64(as_buffer(self)->size); }

const MethodDef kSharedBufferMethods[] = {
    {"read", shared_buffer_read},
    {"write", shared_buffer_write},
    {nullptr, nullptr},
};

const GetSetDef kSharedBufferGetSets[] = {
    {"size", shared_buffer_size, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------

void multiprocessing_types_init() {
  semlock_type.tp_new = semlock_tp_new;
  semlock_type.tp_repr = semlock_repr;
  semlock_type.basicsize = sizeof(SemLockObject);
  semlock_type.flags |= kTypePointerFree;
  type_ready(&semlock_type, "_multiprocessing.SemLock", nullptr, kSemLockMethods, kSemLockGetSets);
  shared_buffer_type.tp_new = shared_buffer_tp_new;
  shared_buffer_type.basicsize = sizeof(SharedBufferObject);
  shared_buffer_type.flags |= kTypePointerFree;
  type_ready(&shared_buffer_type, "_multiprocessing.SharedBuffer", nullptr, kSharedBufferMethods,
             kSharedBufferGetSets);
}

}  // namespace

Value multiprocessing_module_create() {
  if (!semlock_type.name) multiprocessing_types_init();
  Module* m = module_new(intern("_multiprocessing"));
  module_add(m, "SemLock", Value(&semlock_type));
  module_add(m, "SharedBuffer", Value(&shared_buffer_type));
  module_add(m, "RECURSIVE_MUTEX", Value::small_int(kRecursiveMutex));
  module_add(m, "SEMAPHORE", Value::small_int(kSemaphore));
  module_add(m, "SEM_VALUE_MAX", int_from_i64(SEM_VALUE_MAX));
  return Value(m);
}

}  // namespace minipy
