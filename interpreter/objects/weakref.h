// Weak references: weakref.ref, weakref.proxy and their bookkeeping (the native half of the
// weakref module; stdlib/native/weakref.cpp exposes it as _weakref, stdlib/lib/weakref.py
// builds the weak containers and finalize on top).
//
// A weak reference holds its referent as a hidden pointer in a collector "disappearing link"
// (runtime/memory.h weak slots), so it keeps nothing alive and reads null once the referent
// was collected. Each referent that has weak references gets a record (a list of its weak
// references, themselves held weakly) and a chained collector finalizer; when the referent is
// collected, that finalizer runs at the next safe point, with the GIL, and calls the
// callbacks of the weak references still alive, newest first.
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace minipy {

struct WeakRef : Object {
  uintptr_t referent;  // weak slot: hidden pointer, zeroed when the referent is collected
  Value callback;      // null when there is none
  int64_t hash;        // cached hash of the referent, -1 until computed
};

extern Type weakref_type, weakproxy_type, weakcallableproxy_type;

// Can objects of this type be weakly referenced? Python classes can (unless their instances
// are variable-sized, like subclasses of int, str, tuple and bytes); built-in types opt in with
// kTypeWeakrefable.
bool type_weakrefable(Type* t);

// weakref.ref(obj, callback) for a weakref type or subclass; callback may be null or None.
Value weakref_new(Type* type, Value obj, Value callback);
// weakref.proxy(obj, callback).
Value weakproxy_new(Value obj, Value callback);
// The referent, or null once collected (no exception).
Value weakref_get(WeakRef* w);
// How many weak references and proxies to obj are alive, and a list of them.
int64_t weakref_count(Value obj);
Value weakref_list(Value obj);

void weakref_types_init();

}  // namespace minipy
