#include "runtime/memory.h"

#include <gmp.h>

#include <cstdio>
#include <cstdlib>

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

}  // namespace

void memory_init() {
  GC_INIT();
  GC_allow_register_threads();
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

void* gc_realloc(void* p, size_t bytes) {
  void* q = GC_REALLOC(p, bytes);
  if (!q && bytes) out_of_memory(bytes);
  return q;
}

Object* alloc_object(Type* type, size_t bytes) {
  bool atomic = (type->flags & kTypePointerFree) && !(type->flags & kTypeHeap);
  Object* o;
  if (atomic) {
    o = static_cast<Object*>(gc_malloc_atomic(bytes));
    std::memset(o, 0, bytes);  // atomic memory is not cleared by the collector
  } else {
    o = static_cast<Object*>(gc_malloc(bytes));
  }
  o->type = type;
  return o;
}

void register_finalizer(Object* obj, void (*fn)(Object* obj)) {
  GC_REGISTER_FINALIZER_NO_ORDER(
      obj, [](void* o, void* cd) { reinterpret_cast<void (*)(Object*)>(cd)(static_cast<Object*>(o)); },
      reinterpret_cast<void*>(fn), nullptr, nullptr);
}

}  // namespace minipy
