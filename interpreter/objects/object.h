// The object model: the header every heap object starts with, and the Type that describes it.
//
// minipy follows CPython's object model closely because its semantics are Python's:
//  - every object has a type; a type holds "slots", C++ function pointers for the operations
//    the VM performs (call, getattr, add, compare, iterate...). The VM calls slots directly.
//  - built-in types fill their slots with native functions; a class written in Python gets
//    slots that look up and call its dunder methods (type.cpp installs them when a class
//    defines __add__, __eq__, __iter__ ... and when such an attribute is assigned later).
//  - attributes of built-in types (methods, properties) live in the type's dict as
//    descriptors, so `str.upper`, `"a".upper` and `getattr(x, "upper")` all work the same way.
//
// Error convention (as in CPython's C API, no C++ exceptions cross it):
//  - functions returning Value return a null Value when a Python exception is pending in the
//    current ThreadState (set with raise_*(), see runtime/errors.h);
//  - functions returning int return -1 on error (0/1 for boolean answers);
//  - hash functions return -1 on error (a real hash of -1 is remapped to -2).
// Memory: every object is allocated by the Boehm collector (runtime/memory.h). Values may be
// held anywhere the collector scans: the stack, registers, GC memory and static data. NEVER
// keep a Value in malloc/new memory (std::vector<Value>, std::unordered_map...): use the
// GC-aware containers in runtime/memory.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/value.h"

namespace minipy {

struct Type;
struct Str;
struct Tuple;
struct Dict;

struct Object {
  Type* type;
};

enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// Calling convention for everything callable ("vectorcall"): positional arguments first, then
// the values of keyword arguments, whose names are in `kwnames` (null when there are none).
// `nargs` counts the positional ones only. The array is only borrowed for the call.
using CallFn = Value (*)(Value callable, const Value* args, size_t nargs, Tuple* kwnames);
// Native functions and methods: `self` is the bound object (null for plain functions).
using NativeFn = Value (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);

using UnaryFn = Value (*)(Value);
using BinaryFn = Value (*)(Value, Value);
using TernaryFn = Value (*)(Value, Value, Value);
using InquiryFn = int (*)(Value);                      // -1 error, else 0/1
using LenFn = int64_t (*)(Value);                      // -1 error
using HashFn = int64_t (*)(Value);                     // -1 error
using CompareFn = Value (*)(Value, Value, CompareOp);  // may return NotImplemented
using GetAttrFn = Value (*)(Value self, Str* name);
using SetAttrFn = int (*)(Value self, Str* name, Value v);  // v null: delete
using SetItemFn = int (*)(Value self, Value key, Value v);  // v null: delete
using ContainsFn = int (*)(Value self, Value item);
using DescrGetFn = Value (*)(Value descr, Value obj, Value type);  // obj null: class access
using DescrSetFn = int (*)(Value descr, Value obj, Value v);       // v null: delete
using NewFn = Value (*)(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
using InitFn = int (*)(Value self, const Value* args, size_t nargs, Tuple* kwnames);

// Binary number slots receive the operands in source order (a + b -> add(a, b)) and serve both
// the forward and the reflected case, returning NotImplemented for types they don't handle;
// runtime/abstract.cpp implements Python's dispatch rules (subclass first, then reflected).
enum class BinaryOp : uint8_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
  DivMod,  // divmod(a, b): __divmod__ / __rdivmod__; no in-place form
  kCount
};

struct NumberSlots {
  BinaryFn binary[static_cast<int>(BinaryOp::kCount)] = {};
  // In-place variants (a += b); null means "fall back to the binary slot".
  BinaryFn inplace[static_cast<int>(BinaryOp::kCount)] = {};
  TernaryFn pow3 = nullptr;  // pow(a, b, mod)
  UnaryFn neg = nullptr, pos = nullptr, invert = nullptr, abs = nullptr;
  InquiryFn boolean = nullptr;
  UnaryFn index = nullptr;     // __index__: must return an int
  UnaryFn to_int = nullptr;    // __int__
  UnaryFn to_float = nullptr;  // __float__
};

enum TypeFlags : uint32_t {
  kTypeHeap = 1u << 0,          // created by a class statement or type(); may be collected
  kTypeBaseType = 1u << 1,      // may be subclassed
  kTypeImmutable = 1u << 2,     // attributes of the type object cannot be set
  kTypeAbstract = 1u << 3,      // has abstract methods (abc)
  kTypeIntSubclass = 1u << 8,   // fast isinstance checks for the hot built-in families
  kTypeStrSubclass = 1u << 9,
  kTypeTupleSubclass = 1u << 10,
  kTypeListSubclass = 1u << 11,
  kTypeDictSubclass = 1u << 12,
  kTypeExceptionSubclass = 1u << 13,  // BaseException and its subclasses
  kTypeTypeSubclass = 1u << 14,
  kTypePointerFree = 1u << 16,  // instances contain no pointers but `type` (atomic GC alloc)
  // Calling descr.__get__(obj, T)(*args) is the same as descr(obj, *args): the VM and
  // call_method call such attributes unbound instead of allocating a bound method.
  kTypeMethodDescriptor = 1u << 17,
  kTypeHasDel = 1u << 18,  // a class with __del__: instances get a finalizer (runtime/memory.h)
  kTypeWeakrefable = 1u << 19,  // built-in type whose instances may be weakly referenced
};

struct Type : Object {
  const char* name = nullptr;      // tp_name: "int", "collections.OrderedDict" (C string)
  Str* name_str = nullptr;         // __name__
  Str* qualname = nullptr;         // __qualname__
  Type* base = nullptr;            // __base__ (the "solid" base whose layout we extend)
  Tuple* bases = nullptr;          // __bases__
  Tuple* mro = nullptr;            // __mro__ (tuple of Type*)
  Dict* dict = nullptr;            // the type's namespace
  uint32_t flags = 0;
  uint32_t basicsize = 0;          // bytes of an instance (without variable part)
  uint32_t itemsize = 0;           // bytes per item of the variable part, 0 if fixed
  int32_t dict_offset = 0;         // offset of the instance's Dict* __dict__, 0 if none
  uint64_t version = 0;            // bumped when the type or a base changes (inline caches)

  // Lifecycle and calling.
  NewFn tp_new = nullptr;
  InitFn tp_init = nullptr;
  CallFn tp_call = nullptr;

  // Representation and identity.
  UnaryFn tp_repr = nullptr;
  UnaryFn tp_str = nullptr;
  HashFn tp_hash = nullptr;  // null: inherit; hash_not_implemented: unhashable
  CompareFn tp_richcompare = nullptr;

  // Attributes.
  GetAttrFn tp_getattr = nullptr;
  SetAttrFn tp_setattr = nullptr;
  DescrGetFn tp_descr_get = nullptr;
  DescrSetFn tp_descr_set = nullptr;

  // Iteration. tp_iternext returns null WITHOUT a pending exception at exhaustion.
  UnaryFn tp_iter = nullptr;
  UnaryFn tp_iternext = nullptr;

  // Containers.
  LenFn mp_length = nullptr;
  BinaryFn mp_subscript = nullptr;
  SetItemFn mp_ass_subscript = nullptr;
  ContainsFn sq_contains = nullptr;

  NumberSlots nb;

  // Weak list of direct subclasses, owned by objects/type.cpp (version tags, __subclasses__).
  void* subclasses = nullptr;
};

// The type of any value (small ints are ints without a header).
extern Type int_type;
inline Type* type_of(Value v) { return v.is_small_int() ? &int_type : v.as_object()->type; }

}  // namespace minipy
