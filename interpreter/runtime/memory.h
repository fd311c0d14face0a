// Memory management: every Python object lives in the Boehm-Demers-Weiser collector's heap.
//
// Why Boehm: it scans thread stacks, registers and static data conservatively, so native code
// can hold objects in C++ locals without rooting or reference counting, it collects cycles,
// and it is thread-aware (each thread that touches objects is registered, see
// runtime/thread_state.cpp). The cost is that the collector cannot see into memory obtained
// from malloc/new: never store a Value or an object pointer there. Use GcVector / GcMap
// (scanned, explicitly freed like ordinary containers) or allocate with gc_alloc.
#pragma once

#include <gc/gc.h>
#include <gc/gc_allocator.h>

#include <cstring>
#include <map>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "objects/object.h"

namespace minipy {

// Starts the collector and routes GMP's allocations into it. Call once, first thing in main.
void memory_init();

// Call before memory_init in a program whose threads all come from GC_pthread_create (the
// minipy command: _thread creates them so): the collector's marker threads then start with the
// first thread or after the first collection instead of at start-up. Threads registered by hand
// (thread_state_create on a thread the collector did not create) need the default.
void memory_start_markers_lazily();

// The cold (highest) end of the main thread's stack. glibc's pthread_getattr_np reads and
// parses /proc/self/maps for the main thread, which was a visible part of start-up.
uintptr_t main_thread_stack_top();

// Raw collectable memory. `atomic` memory is never scanned: only for pointer-free data.
void* gc_malloc(size_t bytes);
void* gc_malloc_atomic(size_t bytes);
void* gc_realloc(void* p, size_t bytes);
// Scanned like a root and never collected: tables that live as long as the process.
void* gc_malloc_uncollectable(size_t bytes);
// For sizes a program chose (a repetition count, a reserve): null with MemoryError pending
// when the collector cannot provide them, where the functions above end the process.
void* gc_malloc_or_raise(size_t bytes);
void* gc_malloc_atomic_or_raise(size_t bytes);
void* gc_realloc_or_raise(void* p, size_t bytes);

// Allocates an object of `type` with `bytes` total size, zero-filled, header set.
// Instances of static built-in types flagged kTypePointerFree are allocated atomic.
Object* alloc_object(Type* type, size_t bytes);
// The same for a size a program chose: null with MemoryError pending when it cannot be had.
Object* alloc_object_or_raise(Type* type, size_t bytes);

// Typed form: T must derive from Object. Extra bytes are for trailing variable-size data.
template <class T>
T* alloc(Type* type, size_t extra_bytes = 0) {
  return static_cast<T*>(alloc_object(type, sizeof(T) + extra_bytes));
}

// Registers fn(obj) to run once, after obj has become unreachable (files, sockets, generators,
// __del__). The collector only queues it: fn runs later at a safe point, on a thread that holds
// the GIL (the eval breaker, gc.collect(), interpreter exit), so it may run Python code and
// allocate. A pending exception is saved around it; fn reports its own errors (report_unraisable).
// Objects reachable from obj stay alive until fn has run; a cycle of finalizable objects is
// finalized in no particular order. With run_at_exit, fn also runs at interpreter exit for an
// object still alive then (in registration order), as CPython finalizes objects at shutdown.
// A second registration for the same object replaces the first.
void register_finalizer(Object* obj, void (*fn)(Object* obj), bool run_at_exit = false);

// The collector keeps one finalizer per object. Weak references (objects/weakref.cpp) need
// one of their own on each referent, ahead of the object's own: `fn` is registered with
// `link` as its data, the finalizer it displaces is stored in link->next_fn/next_cd (fn must
// call it), and a later register_finalizer on obj goes into the link instead of replacing fn.
struct FinalizerLink {
  void (*next_fn)(void* obj, void* data);
  void* next_cd;
};
void register_chained_finalizer(Object* obj, void (*fn)(void* obj, void* link), FinalizerLink* link);

// Runs the finalizers the collector has queued (safe point; the GIL must be held). Re-entrant
// calls (a finalizer that reaches a safe point) return at once. Returns how many ran.
size_t run_pending_finalizers();

// Interpreter exit: collects, runs the queued finalizers, then the run_at_exit finalizers of
// objects still alive, oldest first.
void run_finalizers_at_exit();

// Reports the pending exception as CPython's unraisable hook does ("Exception ignored in: " +
// repr(where), then the traceback, on stderr) and clears it.
void report_unraisable(Value where);

// A pointer the collector does not see (so it keeps nothing alive), for weak references: the
// slot is zeroed when its object is collected. Register the slot after storing hide_pointer(o).
// Objects outside the collected heap (static built-in types) are accepted and never cleared;
// register_chained_finalizer ignores them likewise.
inline uintptr_t hide_pointer(Object* o) { return GC_HIDE_POINTER(o); }
void register_weak_slot(uintptr_t* slot, Object* obj);
void unregister_weak_slot(uintptr_t* slot);
// The object a weak slot refers to, or null once it was collected (safe against a concurrent
// collection).
Object* weak_slot_get(const uintptr_t* slot);

// Containers whose storage the collector scans (GC_MALLOC_UNCOLLECTABLE underneath), safe for
// Values. They free their storage like ordinary containers.
template <class T>
using GcVector = std::vector<T, traceable_allocator<T>>;
template <class K, class V, class Less = std::less<K>>
using GcMap = std::map<K, V, Less, traceable_allocator<std::pair<const K, V>>>;
template <class K, class V, class H = std::hash<K>, class Eq = std::equal_to<K>>
using GcHashMap = std::unordered_map<K, V, H, Eq, traceable_allocator<std::pair<const K, V>>>;

}  // namespace minipy
