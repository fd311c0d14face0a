// The correspondence between type slots and dunder methods, in both directions:
//  - a built-in type's slots appear in its dict as slot wrappers (`int.__add__`), so Python code
//    can call them and subclasses can inherit them;
//  - a class written in Python gets slot functions that look up and call its dunders.
// One table (slots.cpp) drives both. Internal to the object core (type.cpp, descriptors.cpp,
// abstract.cpp).
#pragma once

#include <cstdint>
#include <initializer_list>

#include "objects/object.h"
#include "objects/str.h"
#include "objects/type.h"

namespace minipy {

// An interned identifier created once per use site: NAME(__init__).
#define NAME(id) ([]() -> ::minipy::Str* { static ::minipy::Str* const s = ::minipy::intern(#id); return s; }())

enum class SlotKind : uint8_t {
  Init, Call, New, Unary, Hash, Len, Inquiry, IterNext, BinaryL, BinaryR, Inplace, PowL, PowR,
  Pow3, RichCmp, GetAttr, GetAttrHook, SetAttr, DelAttr, DescrGet, DescrSet, DescrDelete,
  GetItem, SetItem, DelItem, Contains,
};

struct SlotDef {
  const char* name;  // the dunder
  uint32_t offset;   // of the slot's function pointer inside Type
  SlotKind kind;     // how a wrapper calls it from Python arguments
  uint8_t op;        // BinaryOp / CompareOp where relevant
  void* generic;     // the heap-type slot function that looks up and calls the dunder
  Str* str;          // the interned name (filled by slots_init)
};

void slots_init();

// Static types: adds a slot wrapper to t's dict for each slot t defines itself.
void type_add_operators(Type* t);
// Heap types: sets every slot from the dunders found along t's MRO.
void type_fixup_slots(Type* t);
// After `name` changed in t's dict: refreshes the slots it feeds in t and its subclasses.
void type_update_slots_named(Type* t, Str* name);

// Calls the native slot `fn` described by `def` with Python-level arguments (self bound).
Value slot_wrapper_invoke(const SlotDef* def, void* fn, Type* owner, Value self,
                          const Value* args, size_t nargs, Tuple* kwnames);

// Calls `attr` (found on type(self)) as a method of self: unbound with self prepended for
// method descriptors, through __get__ otherwise. No bound method is allocated for functions.
Value call_bound(Value attr, Value self, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
// Calls callable(self, *args) (kwnames refer to the end of args).
Value call_prepend(Value callable, Value self, const Value* args, size_t nargs, Tuple* kwnames);
// type(self).name(self, *args), looked up on the type only (as the interpreter looks up
// dunders). Null without an exception when the type has no such attribute.
Value call_special(Value self, Str* name, std::initializer_list<Value> args);

// Like object_generic_getattr, but a missing attribute gives null with no exception.
Value generic_getattr_suppress(Value obj, Str* name);

// Static types: fills the slots t leaves null from its base (hash and comparison together,
// tp_new only from bases other than object).
void type_inherit_slots(Type* t, Type* base);

// isinstance / issubclass without __instancecheck__ / __subclasscheck__ (type's defaults).
int object_isinstance_default(Value obj, Value cls);
int object_issubclass_default(Value derived, Value cls);

// __name__ of the globals of the running Python frame (the default __module__ of classes
// made by type(name, bases, dict)), or null when no frame runs.
Value current_module_name();
// Stores the new class in the __class__ cell a class body created. False if `cell` is not a cell.
bool class_cell_set(Value cell, Value cls);

// The `__new__` entry of static types (a builtin method bound to the type).
extern const MethodDef kTpNewDef;

}  // namespace minipy
