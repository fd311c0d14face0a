#include "runtime/memory.h"

#include <gc/gc_mark.h>
#include <gmp.h>
#include <link.h>
#include <sys/auxv.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include "objects/str.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/source_lines.h"

namespace minipy {

namespace {

[[noreturn]] void out_of_memory(size_t bytes) {
  // Allocation sites that can be driven by user input (huge lists, strings, ints) check sizes
  // and raise MemoryError before getting here; reaching this means the process is exhausted.
  std::fprintf(stderr, "minipy: fatal: out of memory allocating %zu bytes\n", bytes);
  std::abort();
}

void* gmp_alloc(size_t n) { return gc_malloc_atomic(n); }
void* gmp_realloc(void* p, size_t, size_t n) { return gc_realloc(p, n); }
// GMP limbs are freed by the collector; an explicit free would race with copies GMP keeps.
void gmp_free(void*, size_t) {}

// The collector calls this (at most once per collection) when it has queued finalizers; they
// run at the next safe point instead of inside the allocation that triggered the collection.
void finalizers_queued() { eval_breaker_set(kBreakerFinalizersPending); }

using FinalizerFn = void (*)(Object*);

// A finalizer that must also run at exit. Plain malloc memory: it holds the object only as a
// hidden pointer, and the object cannot be freed before its finalizer has run.
struct ExitFinalizer {
  GC_hidden_pointer obj;
  FinalizerFn fn;  // null once run
  uint64_t seq;
};

std::mutex exit_mutex;
std::map<uint64_t, ExitFinalizer*>* exit_finalizers = nullptr;  // by registration order
uint64_t exit_seq = 0;

void call_finalizer(FinalizerFn fn, Object* obj) {
  Value saved = error_fetch();
  fn(obj);
  if (error_pending()) report_unraisable(Value(obj));
  error_restore(saved);
}

void plain_trampoline(void* obj, void* fn) {
  call_finalizer(reinterpret_cast<FinalizerFn>(fn), static_cast<Object*>(obj));
}

void exit_trampoline(void* obj, void* data) {
  auto* f = static_cast<ExitFinalizer*>(data);
  FinalizerFn fn = f->fn;
  {
    std::lock_guard<std::mutex> lock(exit_mutex);
    exit_finalizers->erase(f->seq);
  }
  delete f;
  if (fn) call_finalizer(fn, static_cast<Object*>(obj));
}

thread_local bool running_finalizers = false;

// The finalizer that register_chained_finalizer installs (one user: weak references).
GC_finalization_proc chain_head = nullptr;

// Registers (fn, cd) as obj's finalizer, behind a chain head if obj has one.
void set_finalizer(Object* obj, GC_finalization_proc fn, void* cd) {
  GC_finalization_proc old_fn = nullptr;
  void* old_cd = nullptr;
  GC_REGISTER_FINALIZER_NO_ORDER(obj, fn, cd, &old_fn, &old_cd);
  if (old_fn && old_fn == chain_head) {
    GC_REGISTER_FINALIZER_NO_ORDER(obj, old_fn, old_cd, nullptr, nullptr);
    auto* link = static_cast<FinalizerLink*>(old_cd);
    link->next_fn = fn;
    link->next_cd = cd;
  }
}

// Parallel marking needs helper threads, and starting them (a clone, a stack, a handshake the
// main thread waits for) was a visible part of `minipy -c pass`. With lazy markers they start
// with the first thread (GC_pthread_create does that) or after the first collection.
bool lazy_markers = false;
std::atomic<bool> markers_wanted{false};

// Runs with the collector's lock held, where starting threads is not allowed: the next safe
// point does it (run_pending_finalizers).
void collection_starting() {
  if (markers_wanted.exchange(true, std::memory_order_relaxed)) return;
  eval_breaker_set(kBreakerFinalizersPending);
}

// A statically linked executable has no program interpreter, so the kernel passes AT_BASE 0.
bool statically_linked() { return getauxval(AT_BASE) == 0; }

// Bounds from runtime/huge_pages.ld, in the minipy binary only (weak: null elsewhere).
extern "C" char _edata[] __attribute__((weak));
extern "C" char minipy_bss_start[] __attribute__((weak));
extern "C" char minipy_bss_used_end[] __attribute__((weak));
extern "C" char minipy_bss_end[] __attribute__((weak));

// The writable segments named by the executable's own program headers: in a static executable
// they hold all static data, the C library's included. The huge-page section's alignment
// leaves about 3.5 MiB of that segment empty (the gap before the section, the unused rest of
// it), which every collection would otherwise scan.
void add_static_data_roots() {
  const auto* phdr = reinterpret_cast<const ElfW(Phdr)*>(getauxval(AT_PHDR));
  size_t count = getauxval(AT_PHNUM);
  uintptr_t bias = 0;
  for (size_t i = 0; i < count; ++i)
    if (phdr[i].p_type == PT_PHDR) bias = reinterpret_cast<uintptr_t>(phdr) - phdr[i].p_vaddr;
  for (size_t i = 0; i < count; ++i) {
    if (phdr[i].p_type != PT_LOAD || !(phdr[i].p_flags & PF_W)) continue;
    char* start = reinterpret_cast<char*>(bias + phdr[i].p_vaddr);
    GC_add_roots(start, start + phdr[i].p_memsz);
  }
  if (minipy_bss_start && _edata && minipy_bss_used_end && minipy_bss_end) {
    if (_edata < minipy_bss_start) GC_exclude_static_roots(_edata, minipy_bss_start);
    GC_exclude_static_roots(minipy_bss_used_end, minipy_bss_end);
  }
}

}  // namespace

// The kernel copies the program's file name (AT_EXECFN) first, to the very top of the new
// stack; the page holding its end is the stack's last.
uintptr_t main_thread_stack_top() {
  auto* execfn = reinterpret_cast<const char*>(getauxval(AT_EXECFN));
  uintptr_t end = reinterpret_cast<uintptr_t>(execfn) + std::strlen(execfn) + 1;
  uintptr_t page = getauxval(AT_PAGESZ);
  return (end + page - 1) & ~(page - 1);
}

// The collector's default trigger is proportional to the live heap, so a program with a small
// live heap that allocates fast (float arithmetic: one object per result) collected every few
// hundred KiB and spent a third of its time marking. Never collecting before this many bytes
// were allocated bounds that overhead at the cost of that much more memory.
constexpr size_t kMinBytesBetweenCollections = size_t{2} << 20;

constexpr size_t kInitialHeapBytes = size_t{1} << 20;

void memory_init() {
  // os.fork (stdlib/native/posix.cpp) calls GC_atfork_prepare/parent/child itself, around the
  // thread registry lock; pthread_atfork handlers of the collector would take its lock twice.
  GC_set_handle_fork(-1);
  // The collection GC_INIT would run scans every static root (about 1 MiB of data and bss,
  // most of it never touched otherwise) and finds nothing; page faults are most of start-up.
  GC_set_dont_precollect(1);
  GC_stack_base main_stack{reinterpret_cast<void*>(main_thread_stack_top())};
  GC_set_stackbottom(nullptr, &main_stack);
  // Without a dynamic loader to ask, the collector finds where static data begins by reading
  // downwards from its end page by page until a fault: about 190 page faults at every start.
  bool is_static = statically_linked();
  if (is_static) GC_set_no_dls(1);
  // An allocation that fails is the program's MemoryError (or the fatal message above); the
  // collector's warnings about it ("Failed to expand heap", "Out of Memory!") would be stderr
  // lines CPython does not print.
  GC_set_warn_proc(GC_ignore_warn_proc);
  GC_INIT();
  if (is_static) add_static_data_roots();
  // Start-up allocates about 500 KiB. Growing a small heap step by step made the collector run
  // a (useless) collection at the first growth; reserving the address space costs no page until
  // it is used.
  GC_expand_hp(kInitialHeapBytes - std::min(kInitialHeapBytes, GC_get_heap_size()));
  GC_set_min_bytes_allocd(kMinBytesBetweenCollections);
  if (lazy_markers) {
    GC_set_start_callback(collection_starting);
  } else {
    GC_allow_register_threads();
  }
  GC_set_finalize_on_demand(1);
  GC_set_finalizer_notifier(finalizers_queued);
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

void* gc_malloc(size_t bytes) {
  void* p = GC_MALLOC(bytes);
  if (!p) out_of_memory(bytes);
  return p;
}

void* gc_malloc_atomic(size_t bytes) {
  void* p = GC_MALLOC_ATOMIC(bytes);
  if (!p) out_of_memory(bytes);
  return p;
}

void* gc_malloc_uncollectable(size_t bytes) {
  void* p = GC_MALLOC_UNCOLLECTABLE(bytes);
  if (!p) out_of_memory(bytes);
  return p;
}

void* gc_realloc(void* p, size_t bytes) {
  void* q = GC_REALLOC(p, bytes);
  if (!q && bytes) out_of_memory(bytes);
  return q;
}

void* gc_malloc_or_raise(size_t bytes) {
  void* p = GC_MALLOC(bytes);
  if (!p) raise_no_memory();
  return p;
}

void* gc_malloc_atomic_or_raise(size_t bytes) {
  void* p = GC_MALLOC_ATOMIC(bytes);
  if (!p) raise_no_memory();
  return p;
}

void* gc_realloc_or_raise(void* p, size_t bytes) {
  void* q = GC_REALLOC(p, bytes);
  if (!q && bytes) raise_no_memory();
  return q;
}

namespace {

bool pointer_free(const Type* type) { return (type->flags & kTypePointerFree) && !(type->flags & kTypeHeap); }

// alloc_object's work once the memory is there.
Object* finish_object(void* memory, Type* type, size_t bytes, bool atomic) {
  auto* o = static_cast<Object*>(memory);
  if (atomic) std::memset(o, 0, bytes);  // atomic memory is not cleared by the collector
  o->type = type;
  if (type->flags & kTypeHasDel) register_finalizer(o, object_call_del, true);
  return o;
}

}  // namespace

Object* alloc_object(Type* type, size_t bytes) {
  bool atomic = pointer_free(type);
  return finish_object(atomic ? gc_malloc_atomic(bytes) : gc_malloc(bytes), type, bytes, atomic);
}

Object* alloc_object_or_raise(Type* type, size_t bytes) {
  bool atomic = pointer_free(type);
  void* memory = atomic ? gc_malloc_atomic_or_raise(bytes) : gc_malloc_or_raise(bytes);
  return memory ? finish_object(memory, type, bytes, atomic) : nullptr;
}

void register_finalizer(Object* obj, void (*fn)(Object* obj), bool run_at_exit) {
  if (!run_at_exit) {
    set_finalizer(obj, plain_trampoline, reinterpret_cast<void*>(fn));
    return;
  }
  auto* f = new ExitFinalizer{GC_HIDE_POINTER(obj), fn, 0};
  {
    std::lock_guard<std::mutex> lock(exit_mutex);
    if (!exit_finalizers) exit_finalizers = new std::map<uint64_t, ExitFinalizer*>();
    f->seq = exit_seq++;
    (*exit_finalizers)[f->seq] = f;
  }
  set_finalizer(obj, exit_trampoline, f);
}

void register_chained_finalizer(Object* obj, void (*fn)(void* obj, void* link), FinalizerLink* link) {
  if (!GC_base(obj)) return;  // static objects (built-in types, singletons) are never collected
  chain_head = fn;
  GC_REGISTER_FINALIZER_NO_ORDER(obj, fn, link, &link->next_fn, &link->next_cd);
}

void memory_start_markers_lazily() { lazy_markers = true; }

size_t run_pending_finalizers() {
  if (lazy_markers && markers_wanted.load(std::memory_order_relaxed)) {
    lazy_markers = false;
    GC_set_start_callback(nullptr);
    GC_allow_register_threads();
  }
  if (running_finalizers) return 0;
  running_finalizers = true;
  eval_breaker_clear(kBreakerFinalizersPending);
  size_t n = 0;
  while (GC_should_invoke_finalizers()) n += static_cast<size_t>(GC_invoke_finalizers());
  running_finalizers = false;
  return n;
}

void run_finalizers_at_exit() {
  {
    // A full collection only pays off when some object asked to be finalized at exit.
    std::lock_guard<std::mutex> lock(exit_mutex);
    if (!exit_finalizers || exit_finalizers->empty()) return;
  }
  GC_gcollect();
  run_pending_finalizers();
  // Each step takes the oldest remaining entry again: a finalizer may register new objects.
  uint64_t next = 0;
  while (true) {
    ExitFinalizer* f = nullptr;
    {
      std::lock_guard<std::mutex> lock(exit_mutex);
      if (!exit_finalizers) return;
      auto it = exit_finalizers->lower_bound(next);
      if (it == exit_finalizers->end()) return;
      f = it->second;
      next = f->seq + 1;
    }
    FinalizerFn fn = f->fn;
    f->fn = nullptr;
    if (fn) call_finalizer(fn, static_cast<Object*>(GC_REVEAL_POINTER(f->obj)));
  }
}

void report_unraisable(Value where) {
  Value exc = error_fetch();
  Value shown = repr(where);
  std::string text = shown ? std::string(shown.as<Str>()->view()) : "<object repr() failed>";
  if (!shown) error_clear();
  write_to_stderr("Exception ignored in: " + text + "\n" + format_exception_text(exc));
}

void register_weak_slot(uintptr_t* slot, Object* obj) {
  // The collector must not be asked about static objects; their slots simply never clear.
  if (GC_base(obj)) GC_general_register_disappearing_link(reinterpret_cast<void**>(slot), obj);
}

void unregister_weak_slot(uintptr_t* slot) { GC_unregister_disappearing_link(reinterpret_cast<void**>(slot)); }

Object* weak_slot_get(const uintptr_t* slot) {
  // Under the allocation lock no collection can clear the slot between the load and the use.
  struct Args {
    const uintptr_t* slot;
    Object* out;
  } args{slot, nullptr};
  GC_call_with_alloc_lock(
      [](void* a) -> void* {
        auto* p = static_cast<Args*>(a);
        uintptr_t h = *p->slot;
        p->out = h ? static_cast<Object*>(GC_REVEAL_POINTER(h)) : nullptr;
        return nullptr;
      },
      &args);
  return args.out;
}

}  // namespace minipy
