#include "runtime/sys_state.h"

#include <atomic>

#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/struct_seq.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {
std::atomic<int> g_recursion_limit{1000};

// The asyncgen_hooks type. A thread's hooks are stored in its thread-local storage dict
// (ThreadState::thread_locals, shared with _thread._local) under this type as the key: a
// private key no Python object equals, and threads start without hooks, as in CPython.
Type* hooks_type = nullptr;

Type* asyncgen_hooks_type() {
  if (!hooks_type) hooks_type = struct_seq_type_new("asyncgen_hooks", {"firstiter", "finalizer"});
  return hooks_type;
}
}

SysConfig& sys_config() {
  static SysConfig config;
  return config;
}

int recursion_limit() { return g_recursion_limit.load(std::memory_order_relaxed); }

void set_recursion_limit(int limit) {
  g_recursion_limit.store(limit, std::memory_order_relaxed);
  for_each_thread([limit](ThreadState* ts) { ts->recursion_limit = limit; });
}

int asyncgen_hooks(Value* firstiter, Value* finalizer) {
  *firstiter = *finalizer = none_value();
  Dict* locals = current_thread()->thread_locals;
  if (!locals) return 0;
  Value hooks = dict_get(locals, Value(asyncgen_hooks_type()));
  if (!hooks) return error_pending() ? -1 : 0;
  *firstiter = (*hooks.as<Tuple>())[0];
  *finalizer = (*hooks.as<Tuple>())[1];
  return 0;
}

int set_asyncgen_hooks(Value firstiter, Value finalizer) {
  Value old_firstiter, old_finalizer;
  if (asyncgen_hooks(&old_firstiter, &old_finalizer) < 0) return -1;
  Value hooks = asyncgen_hooks_struct(firstiter ? firstiter : old_firstiter, finalizer ? finalizer : old_finalizer);
  ThreadState* ts = current_thread();
  if (!ts->thread_locals) ts->thread_locals = dict_new();
  return dict_set(ts->thread_locals, Value(asyncgen_hooks_type()), hooks);
}

Value asyncgen_hooks_struct(Value firstiter, Value finalizer) {
  return struct_seq_new(asyncgen_hooks_type(), {firstiter, finalizer});
}

}  // namespace minipy
