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

// Raw collectable memory. `atomic` memory is never scanned: only for pointer-free data.
void* gc_malloc(size_t bytes);
void* gc_malloc_atomic(size_t bytes);
void* gc_realloc(void* p, size_t bytes);

// Allocates an object of `type` with `bytes` total size, zero-filled, header set.
// Instances of static built-in types flagged kTypePointerFree are allocated atomic.
Object* alloc_object(Type* type, size_t bytes);

// Typed form: T must derive from Object. Extra bytes are for trailing variable-size data.
template <class T>
T* alloc(Type* type, size_t extra_bytes = 0) {
  return static_cast<T*>(alloc_object(type, sizeof(T) + extra_bytes));
}

// Registers fn(obj) to run when obj becomes unreachable (files, sockets, generators).
// Finalizers run on whichever thread allocates when the collector notices; they must take
// the GIL themselves if they run Python code (see runtime/gil.h).
void register_finalizer(Object* obj, void (*fn)(Object* obj));

// Containers whose storage the collector scans (GC_MALLOC_UNCOLLECTABLE underneath), safe for
// Values. They free their storage like ordinary containers.
template <class T>
using GcVector = std::vector<T, traceable_allocator<T>>;
template <class K, class V, class Less = std::less<K>>
using GcMap = std::map<K, V, Less, traceable_allocator<std::pair<const K, V>>>;
template <class K, class V, class H = std::hash<K>, class Eq = std::equal_to<K>>
using GcHashMap = std::unordered_map<K, V, H, Eq, traceable_allocator<std::pair<const K, V>>>;

}  // namespace minipy
