// Descriptor and wrapper objects: what lives in a type's dict and makes `obj.attr` do more
// than fetch a value. Built-in methods (method_descriptor and its bound form
// builtin_function_or_method), getset descriptors, slot wrappers (`int.__add__`) and their bound
// form (method-wrapper), property, classmethod, staticmethod, super and mappingproxy.
#pragma once

#include "objects/object.h"
#include "objects/type.h"

namespace minipy {

extern Type method_descriptor_type;      // <method 'upper' of 'str' objects>
extern Type classmethod_descriptor_type; // <method 'fromkeys' of 'dict' objects>
extern Type builtin_function_type;       // builtin_function_or_method
extern Type getset_descriptor_type;      // <attribute 'real' of 'int' objects>
extern Type member_descriptor_type;      // <member 'x' of 'P' objects> (__slots__)
extern Type wrapper_descriptor_type;     // <slot wrapper '__add__' of 'int' objects>
extern Type method_wrapper_type;         // <method-wrapper '__add__' of int object at 0x...>
extern Type property_type, classmethod_type, staticmethod_type, super_type, mappingproxy_type;

struct SlotDef;  // type.cpp's table entry describing one dunder <-> slot correspondence

// A native function, or a native method bound to `self` (self null for module functions and
// static methods). `def` must outlive the object (static tables).
struct BuiltinFunction : Object {
  const MethodDef* def;
  Value self;
  Str* name;
  Value module;  // the module of a module function (its __self__), or a __module__ str, or null
};
struct MethodDescr : Object {  // method_descriptor and classmethod_descriptor
  Type* owner;
  const MethodDef* def;
  Str* name;
};
struct GetSetDescr : Object {
  Type* owner;
  const GetSetDef* def;
  Str* name;
};
struct SlotWrapper : Object {  // wrapper_descriptor: a slot of `owner` seen as a dunder
  Type* owner;
  const SlotDef* def;
  void* fn;  // the slot function it wraps
};
struct MethodWrapper : Object {  // method-wrapper: a SlotWrapper bound to an instance
  SlotWrapper* descr;
  Value self;
};
struct Property : Object {
  Value fget, fset, fdel, doc;
  Value name;          // set by __set_name__, used in error messages
  bool getter_doc;     // __doc__ was taken from fget (so copies refresh it)
};
struct FunctionWrapper : Object {  // classmethod / staticmethod
  Value callable;
  Dict* dict;
};
struct Super : Object {
  Type* type;      // the class after which the MRO search starts
  Value obj;       // the instance or class (null for unbound super(T))
  Type* obj_type;  // the class whose MRO is searched
};
struct MappingProxy : Object {
  Value mapping;
};

Value builtin_function_new(const MethodDef* def, Value self, Value module = Value());
Value method_descr_new(Type* owner, const MethodDef* def);
Value getset_descr_new(Type* owner, const GetSetDef* def);
// A __slots__ entry (member_descriptor): the Value at byte `offset` of owner's instances.
Value member_descr_new(Type* owner, Str* name, uint32_t offset);
Value slot_wrapper_new(Type* owner, const SlotDef* def, void* fn);
Value property_new(Value fget, Value fset, Value fdel, Value doc);
Value classmethod_new(Value callable);
Value staticmethod_new(Value callable);
// super(type, obj): obj an instance of type or a subclass of it. The zero-argument form is
// resolved by the VM, which passes the __class__ cell's contents and the first argument.
Value super_new(Type* type, Value obj);
Value mappingproxy_new(Value mapping);

// Binds `callable` to `self` the way a classmethod binds to its class (a bound method, or a
// bound builtin when callable is a native function).
Value bind_callable(Value callable, Value self);

void descriptor_types_init();

}  // namespace minipy
