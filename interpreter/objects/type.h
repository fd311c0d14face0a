// type and object: class creation, the MRO, attribute lookup through it, and the tables that
// describe the methods and attributes of built-in types.
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type type_type, object_type;

// How a built-in type declares its methods (converted into descriptors in the type's dict by
// type_ready). `fn` receives self as its first parameter.
enum MethodFlags : uint32_t {
  kMethodInstance = 0,
  kMethodClass = 1,   // classmethod: `self` is the class
  kMethodStatic = 2,  // staticmethod: `self` is null
};
struct MethodDef {
  const char* name;
  NativeFn fn;
  uint32_t flags = kMethodInstance;
};
// Data attributes computed by native code (e.g. float.real, BaseException.args).
struct GetSetDef {
  const char* name;
  Value (*get)(Value self);
  int (*set)(Value self, Value v);  // v null: delete. set null: read-only ("attribute 'x' of 'T' objects is not writable")
};

// Finishes a statically defined built-in type: sets its metatype, base (object by default),
// MRO, inherited slots and dict, then installs `methods` and `getsets` (either may be null,
// both terminated by an entry with a null name). Called by each type's *_type_init().
void type_ready(Type* t, const char* name, Type* base, const MethodDef* methods = nullptr,
                const GetSetDef* getsets = nullptr);
void type_add_methods(Type* t, const MethodDef* methods);
void type_add_getsets(Type* t, const GetSetDef* getsets);

// type(name, bases, dict) / the class statement, with the metaclass already chosen.
Value type_new_class(Type* metatype, Str* name, Tuple* bases, Dict* ns, Tuple* kwnames_for_init_subclass,
                     const Value* kwvalues);
// Looks `name` up along t's MRO (no descriptors invoked). Null without exception if absent.
Value type_lookup(Type* t, Str* name);
// a is b or a subclass of b (by MRO).
bool is_subtype(Type* a, Type* b);
// Exact-type-or-subclass test used everywhere (no __instancecheck__).
inline bool isinstance_fast(Value v, Type* t);
// Keeps the slots of a heap type in sync when a dunder attribute is set on it later.
void type_update_slot(Type* t, Str* name);

// object's own implementations, which other types reuse.
Value object_generic_getattr(Value obj, Str* name);
int object_generic_setattr(Value obj, Str* name, Value v);
Value object_repr(Value obj);  // <module.Class object at 0x...>
int64_t object_hash_identity(Value obj);
// Installed as tp_hash to make a type unhashable ("unhashable type: 'list'").
int64_t hash_not_implemented(Value obj);
// The __dict__ of an instance, created on demand; null if the type has no instance dict.
Dict* instance_dict(Value obj, bool create);

// Instance layout. A heap class whose solid base has no __dict__ gets one appended and its
// basicsize grows by one word: the dict sits at offset dict_offset (> 0) for fixed-size bases,
// or right after the items (dict_offset < 0) for variable-size bases (itemsize
// != 0, e.g. str and tuple, whose items follow the header). A built-in tp_new must therefore
// allocate type->basicsize plus its variable part, never sizeof(T), for subclasses.
Object* alloc_instance(Type* type, size_t var_bytes = 0);

// The finalizer of instances of classes with __del__ (kTypeHasDel): calls type(obj).__del__,
// reporting an exception as unraisable.
void object_call_del(Object* obj);

// Call after changing a type's dict or MRO directly from C++ (setattr on a class does it
// itself): gives the type and its subclasses new version tags and refreshes their slots.
void type_modified(Type* t);

// Qualified name and module as Python shows them ("int" / "builtins", "C" / "__main__").
Str* type_qualname(Type* t);
Value type_module(Type* t);
// "<class 'int'>" / "<class '__main__.C'>"
Value type_repr(Value t);
// The most derived metaclass among `metatype` and the bases' metaclasses, or null with
// "metaclass conflict: ..." raised. Used by __build_class__ and type.__new__.
Type* type_calculate_metaclass(Type* metatype, Tuple* bases);
// The calling convention for calling a type object: tp_new, then tp_init on instances.
Value type_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames);
// object.__new__ and object.__init__ (with their excess-argument checks).
Value object_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
int object_init(Value self, const Value* args, size_t nargs, Tuple* kwnames);
// object.__dir__ / type.__dir__: the attribute names as a list (unsorted).
Value object_dir(Value obj);

void type_object_init();

inline bool isinstance_fast(Value v, Type* t) {
  Type* vt = type_of(v);
  return vt == t || is_subtype(vt, t);
}

}  // namespace minipy
