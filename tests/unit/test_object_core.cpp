// The object core through its C++ API: class creation (MRO, layout, metaclass rules), the
// slot <-> dunder machinery, attribute lookup, descriptors, exceptions and the abstract
// protocol's dispatch rules and messages. Expected strings were checked against CPython 3.11.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/thread_state.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class ObjectCoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_interpreter(); }
  void TearDown() override { error_clear(); }
};

Value S(std::string_view s) { return str_new(s); }
Value I(int64_t i) { return int_from_i64(i); }
Str* N(const char* s) { return intern(s); }

// repr(v), or "!Type: message" when v is null because an exception is pending.
std::string outcome(Value v) {
  if (!v) {
    Value e = error_fetch();
    if (!e) return "<null without exception>";
    Value s = to_str(e);
    return std::string("!") + type_name(e) + ": " + (s ? std::string(s.as<Str>()->view()) : "?");
  }
  Value r = repr(v);
  return r ? std::string(r.as<Str>()->view()) : "<repr failed>";
}

std::string outcome_int(int64_t r) {
  if (r == -1 && error_pending()) return outcome(Value());
  return std::to_string(r);
}

std::string str_of(Value v) {
  Value s = to_str(v);
  return s ? std::string(s.as<Str>()->view()) : outcome(Value());
}

// class <name>(*bases) with the given namespace entries, created through type().
Value make_class(const char* name, std::initializer_list<Value> bases,
                 std::initializer_list<std::pair<const char*, Value>> ns = {}) {
  Dict* d = dict_new();
  dict_set_cstr(d, "__module__", S("__main__"));
  for (auto& [k, v] : ns) dict_set_cstr(d, k, v);
  return type_new_class(&type_type, str_new(name), tuple_of(bases), d, nullptr, nullptr);
}

// Native methods usable in class namespaces (method descriptors owned by object bind to any
// instance, like functions).
Value native_method(const MethodDef* def) { return method_descr_new(&object_type, def); }

Value add_returns_tag(Value self, const Value* args, size_t nargs, Tuple*) {
  return S(std::string("add:") + type_name(args[0]));
}
Value radd_returns_tag(Value self, const Value* args, size_t nargs, Tuple*) {
  return S(std::string("radd:") + type_name(args[0]));
}
Value eq_always(Value self, const Value* args, size_t nargs, Tuple*) { return true_value(); }
Value len_three(Value self, const Value*, size_t, Tuple*) { return I(3); }
Value len_zero(Value self, const Value*, size_t, Tuple*) { return I(0); }
Value len_bad(Value self, const Value*, size_t, Tuple*) { return S("x"); }
Value bool_bad(Value self, const Value*, size_t, Tuple*) { return I(1); }
Value repr_bad(Value self, const Value*, size_t, Tuple*) { return I(1); }
Value getitem_double(Value self, const Value* args, size_t, Tuple*) {
  int64_t i;
  if (!int_to_i64(args[0], &i)) return Value();
  if (i >= 3) return raise(&exc_IndexError, "done");
  return I(i * 2);
}
Value getattr_hook(Value self, const Value* args, size_t, Tuple*) {
  return S("hooked:" + std::string(args[0].as<Str>()->view()));
}
Value get_x(Value self, const Value*, size_t, Tuple*) { return I(42); }
Value init_store(Value self, const Value* args, size_t nargs, Tuple*) {
  if (setattr(self, N("v"), nargs ? args[0] : none_value()) < 0) return Value();
  return none_value();
}
Value init_returns_int(Value self, const Value*, size_t, Tuple*) { return I(1); }

const MethodDef kAdd = {"__add__", add_returns_tag};
const MethodDef kRadd = {"__radd__", radd_returns_tag};
const MethodDef kEq = {"__eq__", eq_always};
const MethodDef kLen3 = {"__len__", len_three};
const MethodDef kLen0 = {"__len__", len_zero};
const MethodDef kLenBad = {"__len__", len_bad};
const MethodDef kBoolBad = {"__bool__", bool_bad};
const MethodDef kReprBad = {"__repr__", repr_bad};
const MethodDef kGetItem = {"__getitem__", getitem_double};
const MethodDef kGetAttr = {"__getattr__", getattr_hook};
const MethodDef kGetX = {"get_x", get_x};
const MethodDef kInit = {"__init__", init_store};
const MethodDef kInitBad = {"__init__", init_returns_int};

std::string names_of_mro(Value cls) {
  std::string out;
  Tuple* mro = cls.as<Type>()->mro;
  for (int64_t i = 0; i < mro->size; ++i) {
    if (i) out += ",";
    out += (*mro)[i].as<Type>()->name;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Class creation
// ---------------------------------------------------------------------------------------------

TEST_F(ObjectCoreTest, DiamondMroIsC3) {
  Value a = make_class("A", {});
  Value b = make_class("B", {a});
  Value c = make_class("C", {a});
  Value d = make_class("D", {b, c});
  EXPECT_EQ(names_of_mro(d), "D,B,C,A,object");
  Value x = make_class("X", {}), y = make_class("Y", {}), z = make_class("Z", {});
  Value k1 = make_class("K1", {x, y}), k2 = make_class("K2", {y, z});
  EXPECT_EQ(names_of_mro(make_class("K3", {k1, k2, z})), "K3,K1,X,K2,Y,Z,object");
  EXPECT_EQ(outcome(call_method_cstr(d, "mro", {})),
            "[<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, <class '__main__.A'>, "
            "<class 'object'>]");
}

TEST_F(ObjectCoreTest, ClassCreationErrors) {
  Value a = make_class("A", {});
  Value b = make_class("B", {a});
  EXPECT_EQ(outcome(make_class("Bad", {a, b})),
            "!TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
  EXPECT_EQ(outcome(make_class("Bad", {Value(&bool_type)})),
            "!TypeError: type 'bool' is not an acceptable base type");
  EXPECT_EQ(outcome(make_class("Bad", {Value(&int_type), Value(&str_type)})),
            "!TypeError: multiple bases have instance lay-out conflict");
  EXPECT_EQ(outcome(make_class("Bad", {a, a})), "!TypeError: duplicate base class A");
  EXPECT_EQ(outcome(call(Value(&type_type), {S("X"), I(1), Value(dict_new())})),
            "!TypeError: type.__new__() argument 2 must be tuple, not int");
  EXPECT_EQ(outcome(call(Value(&type_type), {S("X"), Value(empty_tuple())})),
            "!TypeError: type() takes 1 or 3 arguments");
  EXPECT_EQ(outcome(call(Value(&type_type), {I(5)})), "<class 'int'>");
}

TEST_F(ObjectCoreTest, MetaclassConflict) {
  Value meta = make_class("M", {Value(&type_type)});
  Dict* ns = dict_new();
  Value with_meta = call(meta, {S("WithMeta"), Value(empty_tuple()), Value(ns)});
  ASSERT_TRUE(with_meta) << outcome(Value());
  EXPECT_EQ(type_of(with_meta), meta.as<Type>());
  Value other_meta = make_class("M2", {Value(&type_type)});
  Value other = call(other_meta, {S("Other"), Value(empty_tuple()), Value(dict_new())});
  ASSERT_TRUE(other);
  EXPECT_EQ(outcome(call(Value(&type_type), {S("Both"), Value(tuple_of({with_meta, other})), Value(dict_new())})),
            "!TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) "
            "subclass of the metaclasses of all its bases");
  // A class deriving from WithMeta gets M as its metaclass even when created through type().
  Value derived = call(Value(&type_type), {S("Derived"), Value(tuple_of({with_meta})), Value(dict_new())});
  ASSERT_TRUE(derived);
  EXPECT_EQ(type_of(derived), meta.as<Type>());
}

TEST_F(ObjectCoreTest, TypeAttributes) {
  Value a = make_class("A", {});
  EXPECT_EQ(outcome(getattr_cstr(a, "__name__")), "'A'");
  EXPECT_EQ(outcome(getattr_cstr(a, "__module__")), "'__main__'");
  EXPECT_EQ(outcome(getattr_cstr(a, "__doc__")), "None");
  EXPECT_EQ(outcome(getattr_cstr(a, "__bases__")), "(<class 'object'>,)");
  EXPECT_EQ(outcome(getattr_cstr(Value(&int_type), "__module__")), "'builtins'");
  EXPECT_EQ(str_of(repr(a)), "<class '__main__.A'>");
  EXPECT_EQ(outcome(getattr_cstr(a, "missing")), "!AttributeError: type object 'A' has no attribute 'missing'");
  EXPECT_EQ(outcome_int(setattr(Value(&int_type), N("x"), I(1))),
            "!TypeError: cannot set 'x' attribute of immutable type 'int'");
  EXPECT_EQ(outcome_int(setattr(a, N("__name__"), I(1))),
            "!TypeError: can only assign string to A.__name__, not 'int'");
  Value b = make_class("B", {a});
  EXPECT_EQ(outcome(call_method_cstr(a, "__subclasses__", {})), "[<class '__main__.B'>]");
  EXPECT_EQ(b.as<Type>()->base, a.as<Type>());
  // __dict__ is a live read-only view.
  Value proxy = getattr_cstr(a, "__dict__");
  EXPECT_EQ(type_of(proxy), &mappingproxy_type);
  ASSERT_EQ(setattr(a, N("added"), I(7)), 0);
  EXPECT_EQ(outcome(getitem(proxy, S("added"))), "7");
  EXPECT_EQ(outcome_int(setitem(proxy, S("k"), I(1))),
            "!TypeError: 'mappingproxy' object does not support item assignment");
}

TEST_F(ObjectCoreTest, VersionTagsChangeWithTheTypeAndItsBases) {
  Value a = make_class("A", {});
  Value b = make_class("B", {a});
  uint64_t va = a.as<Type>()->version, vb = b.as<Type>()->version;
  EXPECT_NE(va, 0u);
  ASSERT_EQ(setattr(a, N("x"), I(1)), 0);
  EXPECT_NE(a.as<Type>()->version, va);
  EXPECT_NE(b.as<Type>()->version, vb);
  EXPECT_EQ(outcome(type_lookup(b.as<Type>(), N("x"))), "1");
  ASSERT_EQ(setattr(a, N("x"), I(2)), 0);
  EXPECT_EQ(outcome(type_lookup(b.as<Type>(), N("x"))), "2");
  ASSERT_EQ(delattr(a, N("x")), 0);
  EXPECT_FALSE(type_lookup(b.as<Type>(), N("x")));
}

// ---------------------------------------------------------------------------------------------
// Instances, attributes, object's defaults
// ---------------------------------------------------------------------------------------------

TEST_F(ObjectCoreTest, ObjectDefaults) {
  Value a = make_class("A", {});
  Value inst = call(a, {});
  ASSERT_TRUE(inst);
  std::string r = str_of(repr(inst));
  EXPECT_EQ(r.rfind("<__main__.A object at 0x", 0), 0u) << r;
  EXPECT_EQ(str_of(inst), r);
  EXPECT_EQ(outcome(call(a, {I(1)})), "!TypeError: A() takes no arguments");
  EXPECT_EQ(outcome(call(Value(&object_type), {I(1)})), "!TypeError: object() takes no arguments");
  EXPECT_EQ(outcome(format(inst, str_new("x"))), "!TypeError: unsupported format string passed to A.__format__");
  EXPECT_EQ(outcome(format(inst, str_new(""))), "'" + r + "'");
  EXPECT_EQ(compare_bool(inst, inst, CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(inst, call(a, {}), CompareOp::Ne), 1);
  EXPECT_EQ(outcome(compare(inst, I(1), CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'A' and 'int'");
  EXPECT_EQ(hash(inst), hash(inst));
}

TEST_F(ObjectCoreTest, InstanceAttributes) {
  Value a = make_class("A", {}, {{"shared", I(1)}});
  Value inst = call(a, {});
  EXPECT_EQ(outcome(getattr_cstr(inst, "shared")), "1");
  ASSERT_EQ(setattr(inst, N("shared"), I(2)), 0);
  EXPECT_EQ(outcome(getattr_cstr(inst, "shared")), "2");
  EXPECT_EQ(outcome(getattr_cstr(a, "shared")), "1");
  EXPECT_EQ(outcome(getattr_cstr(inst, "nope")), "!AttributeError: 'A' object has no attribute 'nope'");
  EXPECT_FALSE(getattr_optional(inst, N("nope")));
  EXPECT_FALSE(error_pending());
  EXPECT_EQ(outcome_int(delattr(inst, N("nope"))), "!AttributeError: 'A' object has no attribute 'nope'");
  EXPECT_EQ(outcome(getattr_cstr(inst, "__dict__")), "{'shared': 2}");
  EXPECT_EQ(outcome_int(setattr(I(1), N("x"), I(1))), "!AttributeError: 'int' object has no attribute 'x'");
  EXPECT_EQ(outcome_int(setattr(S("s"), N("upper"), I(1))),
            "!AttributeError: 'str' object attribute 'upper' is read-only");
  EXPECT_EQ(outcome(getattr_cstr(none_value(), "anything")),
            "!AttributeError: 'NoneType' object has no attribute 'anything'");
}

TEST_F(ObjectCoreTest, ClassAssignment) {
  Value a = make_class("A", {});
  Value b = make_class("B", {});
  Value inst = call(a, {});
  ASSERT_EQ(setattr(inst, N("__class__"), b), 0);
  EXPECT_EQ(type_of(inst), b.as<Type>());
  EXPECT_EQ(outcome_int(setattr(inst, N("__class__"), I(1))),
            "!TypeError: __class__ must be set to a class, not 'int' object");
  EXPECT_EQ(outcome_int(setattr(inst, N("__class__"), Value(&int_type))),
            "!TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses");
  Value l = make_class("L", {Value(&list_type)});
  EXPECT_EQ(outcome_int(setattr(inst, N("__class__"), l)),
            "!TypeError: __class__ assignment: 'L' object layout differs from 'B'");
}

TEST_F(ObjectCoreTest, SubclassOfBuiltinsKeepsLayoutAndGetsADict) {
  Value l = make_class("L", {Value(&list_type)});
  Value inst = call(l, {Value(tuple_of({I(1), I(2)}))});
  ASSERT_TRUE(inst) << outcome(Value());
  ASSERT_TRUE(call_method_cstr(inst, "append", {I(3)}));
  EXPECT_EQ(length(inst), 3);
  ASSERT_EQ(setattr(inst, N("tag"), S("t")), 0);
  EXPECT_EQ(outcome(getattr_cstr(inst, "tag")), "'t'");
  EXPECT_EQ(outcome(inst), "[1, 2, 3]");
  EXPECT_EQ(isinstance(inst, Value(&list_type)), 1);
  // A variable-size base (str) keeps its dict after the text.
  Value s = make_class("S", {Value(&str_type)});
  Value sv = call(s, {S("hello world, long enough to matter")});
  ASSERT_TRUE(sv) << outcome(Value());
  ASSERT_EQ(setattr(sv, N("tag"), I(5)), 0);
  EXPECT_EQ(outcome(getattr_cstr(sv, "tag")), "5");
  EXPECT_EQ(str_of(sv), "hello world, long enough to matter");
  EXPECT_EQ(length(sv), 34);
}

// ---------------------------------------------------------------------------------------------
// Slots from dunders
// ---------------------------------------------------------------------------------------------

TEST_F(ObjectCoreTest, BinaryDundersAndReflection) {
  Value c = make_class("C", {}, {{"__add__", native_method(&kAdd)}, {"__radd__", native_method(&kRadd)}});
  Value inst = call(c, {});
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, inst, I(1))), "'add:int'");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, I(1), inst)), "'radd:int'");
  EXPECT_EQ(outcome(inplace_op(BinaryOp::Add, inst, I(1))), "'add:int'");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Sub, inst, I(1))),
            "!TypeError: unsupported operand type(s) for -: 'C' and 'int'");
  EXPECT_EQ(outcome(inplace_op(BinaryOp::Sub, inst, I(1))),
            "!TypeError: unsupported operand type(s) for -=: 'C' and 'int'");
  // A subclass overriding the reflected method is tried first.
  Value d = make_class("D", {c}, {{"__radd__", native_method(&kRadd)}});
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, inst, call(d, {}))), "'radd:C'");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, I(1), S("a"))),
            "!TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(outcome(power(S("a"), I(1), I(2))),
            "!TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'");
}

TEST_F(ObjectCoreTest, SlotsFollowLaterAssignment) {
  Value c = make_class("C", {});
  Value inst = call(c, {});
  EXPECT_EQ(outcome_int(length(inst)), "!TypeError: object of type 'C' has no len()");
  ASSERT_EQ(setattr(c, N("__len__"), native_method(&kLen3)), 0);
  EXPECT_EQ(length(inst), 3);
  EXPECT_EQ(is_true(inst), 1);
  Value sub = make_class("Sub", {c});
  ASSERT_EQ(setattr(c, N("__len__"), native_method(&kLen0)), 0);
  EXPECT_EQ(length(call(sub, {})), 0);
  EXPECT_EQ(is_true(call(sub, {})), 0);
  ASSERT_EQ(delattr(c, N("__len__")), 0);
  EXPECT_EQ(outcome_int(length(inst)), "!TypeError: object of type 'C' has no len()");
  EXPECT_EQ(is_true(inst), 1);
}

TEST_F(ObjectCoreTest, EqWithoutHashIsUnhashable) {
  Value c = make_class("C", {}, {{"__eq__", native_method(&kEq)}});
  EXPECT_EQ(outcome(getattr_cstr(c, "__hash__")), "None");
  Value inst = call(c, {});
  EXPECT_EQ(outcome_int(hash(inst)), "!TypeError: unhashable type: 'C'");
  EXPECT_EQ(equals(inst, I(5)), 1);
  EXPECT_EQ(compare_bool(I(5), inst, CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(inst, I(5), CompareOp::Ne), 0);  // != inverts __eq__
  EXPECT_EQ(outcome_int(hash(Value(list_new()))), "!TypeError: unhashable type: 'list'");
}

TEST_F(ObjectCoreTest, ResultTypeChecks) {
  Value c = make_class("C", {}, {{"__len__", native_method(&kLenBad)},
                                 {"__bool__", native_method(&kBoolBad)},
                                 {"__repr__", native_method(&kReprBad)}});
  Value inst = call(c, {});
  EXPECT_EQ(outcome_int(length(inst)), "!TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(outcome_int(is_true(inst)), "!TypeError: __bool__ should return bool, returned int");
  EXPECT_EQ(outcome(repr(inst)), "!TypeError: __repr__ returned non-string (type int)");
  Value bad_init = make_class("BadInit", {}, {{"__init__", native_method(&kInitBad)}});
  EXPECT_EQ(outcome(call(bad_init, {})), "!TypeError: __init__() should return None, not 'int'");
}

TEST_F(ObjectCoreTest, InitAndSequenceProtocol) {
  Value c = make_class("C", {}, {{"__init__", native_method(&kInit)}, {"__getitem__", native_method(&kGetItem)}});
  Value inst = call(c, {I(9)});
  ASSERT_TRUE(inst) << outcome(Value());
  EXPECT_EQ(outcome(getattr_cstr(inst, "v")), "9");
  EXPECT_EQ(outcome(list_from_iterable(inst)), "[0, 2, 4]");
  EXPECT_EQ(contains(inst, I(4)), 1);
  EXPECT_EQ(contains(inst, I(5)), 0);
  Value object_init = getattr_cstr(Value(&object_type), "__init__");
  EXPECT_EQ(outcome(call(object_init, {inst, I(1)})),
            "!TypeError: object.__init__() takes exactly one argument (the instance to initialize)");
  Value plain = make_class("P", {});
  EXPECT_EQ(outcome(call(object_init, {call(plain, {}), I(1)})),
            "!TypeError: P.__init__() takes exactly one argument (the instance to initialize)");
}

TEST_F(ObjectCoreTest, GetattrHook) {
  Value c = make_class("C", {}, {{"__getattr__", native_method(&kGetAttr)}, {"real", I(1)}});
  Value inst = call(c, {});
  EXPECT_EQ(outcome(getattr_cstr(inst, "real")), "1");
  EXPECT_EQ(outcome(getattr_cstr(inst, "other")), "'hooked:other'");
  EXPECT_EQ(outcome(getattr_optional(inst, N("x"))), "'hooked:x'");
}

TEST_F(ObjectCoreTest, BuiltinSlotWrappers) {
  EXPECT_EQ(outcome(dict_get_cstr(int_type.dict, "__add__")), "<slot wrapper '__add__' of 'int' objects>");
  Value add = getattr_cstr(Value(&int_type), "__add__");
  EXPECT_EQ(outcome(call(add, {I(2), I(3)})), "5");
  EXPECT_EQ(outcome(call(add, {S("a"), I(3)})),
            "!TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
  Value bound = getattr_cstr(I(2), "__add__");
  EXPECT_EQ(outcome(call(bound, {})), "!TypeError: expected 1 argument, got 0");
  EXPECT_EQ(outcome(call_method_cstr(I(2), "__radd__", {I(5)})), "7");
  EXPECT_FALSE(dict_get_cstr(list_type.dict, "__radd__"));
  EXPECT_EQ(outcome(dict_get_cstr(list_type.dict, "__hash__")), "None");
  EXPECT_EQ(outcome(call(getattr_cstr(Value(&object_type), "__new__"), {I(1)})),
            "!TypeError: object.__new__(X): X is not a type object (int)");
  EXPECT_EQ(outcome(call(getattr_cstr(Value(&object_type), "__new__"), {Value(&int_type)})),
            "!TypeError: object.__new__(int) is not safe, use int.__new__()");
  Value a = make_class("A", {});
  EXPECT_EQ(outcome(call(getattr_cstr(Value(&int_type), "__new__"), {a})),
            "!TypeError: int.__new__(A): A is not a subtype of int");
}

TEST_F(ObjectCoreTest, MethodDescriptors) {
  EXPECT_EQ(outcome(dict_get_cstr(str_type.dict, "upper")), "<method 'upper' of 'str' objects>");
  Value bound = getattr_cstr(S("a"), "upper");
  EXPECT_EQ(outcome(bound).rfind("<built-in method upper of str object at 0x", 0), 0u);
  EXPECT_EQ(outcome(call(getattr_cstr(Value(&str_type), "upper"), {I(1)})),
            "!TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object");
  EXPECT_EQ(outcome(call(getattr_cstr(Value(&str_type), "upper"), {})),
            "!TypeError: unbound method str.upper() needs an argument");
  EXPECT_EQ(outcome(getattr_cstr(bound, "__qualname__")), "'str.upper'");
  EXPECT_EQ(outcome(call_method_cstr(S("ab"), "upper", {})), "'AB'");
}

// ---------------------------------------------------------------------------------------------
// Descriptors
// ---------------------------------------------------------------------------------------------

TEST_F(ObjectCoreTest, PropertyAndStaticClassMethods) {
  Value getter = builtin_function_new(&kGetX, Value());
  Value prop = property_new(getter, Value(), Value(), Value());
  Value c = make_class("C", {}, {{"x", prop}, {"sm", staticmethod_new(getter)}});
  Value inst = call(c, {});
  EXPECT_EQ(outcome(getattr_cstr(inst, "x")), "42");
  EXPECT_EQ(outcome_int(setattr(inst, N("x"), I(1))), "!AttributeError: property 'x' of 'C' object has no setter");
  EXPECT_EQ(outcome_int(delattr(inst, N("x"))), "!AttributeError: property 'x' of 'C' object has no deleter");
  EXPECT_EQ(type_of(getattr_cstr(c, "x")), &property_type);
  EXPECT_EQ(outcome(call(getattr_cstr(c, "sm"), {I(0)})), "42");
  EXPECT_EQ(outcome(call(getattr_cstr(inst, "sm"), {I(0)})), "42");
  Value empty = property_new(Value(), Value(), Value(), Value());
  EXPECT_EQ(outcome(type_of(empty)->tp_descr_get(empty, I(1), Value(&int_type))),
            "!AttributeError: property of 'int' object has no getter");
}

TEST_F(ObjectCoreTest, SuperFindsTheNextClass) {
  Value a = make_class("A", {}, {{"get_x", native_method(&kGetX)}, {"tag", S("A")}});
  Value b = make_class("B", {a}, {{"tag", S("B")}});
  Value inst = call(b, {});
  Value su = super_new(b.as<Type>(), inst);
  ASSERT_TRUE(su);
  EXPECT_EQ(outcome(getattr_cstr(su, "tag")), "'A'");
  EXPECT_EQ(outcome(call_method_cstr(su, "get_x", {})), "42");
  EXPECT_EQ(str_of(repr(su)), "<super: <class 'B'>, <B object>>");
  EXPECT_EQ(outcome(super_new(a.as<Type>(), I(1))),
            "!TypeError: super(type, obj): obj must be an instance or subtype of type");
  EXPECT_EQ(outcome(call(Value(&super_type), {I(1), inst})), "!TypeError: super() argument 1 must be a type, not int");
  EXPECT_EQ(outcome(call(Value(&super_type), {})), "!RuntimeError: super(): no current frame");
}

// ---------------------------------------------------------------------------------------------
// Exceptions
// ---------------------------------------------------------------------------------------------

std::string exc_text(Type* t, std::initializer_list<Value> args) {
  Value e = call(Value(t), args);
  if (!e) return outcome(Value());
  return str_of(repr(e)) + " | " + str_of(e);
}

TEST_F(ObjectCoreTest, ExceptionStrAndRepr) {
  EXPECT_EQ(exc_text(&exc_ValueError, {S("x")}), "ValueError('x') | x");
  EXPECT_EQ(exc_text(&exc_Exception, {}), "Exception() | ");
  EXPECT_EQ(exc_text(&exc_Exception, {I(1), S("two")}), "Exception(1, 'two') | (1, 'two')");
  EXPECT_EQ(exc_text(&exc_KeyError, {S("k")}), "KeyError('k') | 'k'");
  EXPECT_EQ(exc_text(&exc_OSError, {I(2), S("No such")}), "FileNotFoundError(2, 'No such') | [Errno 2] No such");
  EXPECT_EQ(exc_text(&exc_OSError, {I(2), S("No such"), S("f"), none_value(), S("g")}),
            "FileNotFoundError(2, 'No such') | [Errno 2] No such: 'f' -> 'g'");
  EXPECT_EQ(exc_text(&exc_SyntaxError, {S("bad"), Value(tuple_of({S("/a/b/f.py"), I(3), I(4), S("t")}))}),
            "SyntaxError('bad', ('/a/b/f.py', 3, 4, 't')) | bad (f.py, line 3)");
  EXPECT_EQ(exc_text(&exc_UnicodeEncodeError, {S("ascii"), S("\xc3\xa9\xe1\x88\xb4"), I(1), I(2), S("r")}),
            "UnicodeEncodeError('ascii', '\xc3\xa9\xe1\x88\xb4', 1, 2, 'r') | 'ascii' codec can't encode character "
            "'\\u1234' in position 1: r");
  EXPECT_EQ(exc_text(&exc_ImportError, {S("m")}), "ImportError('m') | m");
  EXPECT_EQ(outcome(call(Value(&exc_ValueError), {I(1)})), "ValueError(1)");
}

TEST_F(ObjectCoreTest, ExceptionKeywordsAndFields) {
  Tuple* kw = tuple_of({S("name")});
  Value args[2] = {S("msg"), S("mod")};
  Value ie = call(Value(&exc_ImportError), args, 1, kw);
  ASSERT_TRUE(ie);
  EXPECT_EQ(outcome(getattr_cstr(ie, "name")), "'mod'");
  Tuple* bad_kw = tuple_of({S("foo")});
  EXPECT_EQ(outcome(call(Value(&exc_ImportError), args, 1, bad_kw)),
            "!TypeError: 'foo' is an invalid keyword argument for ImportError()");
  EXPECT_EQ(outcome(call(Value(&exc_ValueError), args, 1, bad_kw)), "!TypeError: ValueError() takes no keyword arguments");
  EXPECT_EQ(outcome(getattr_cstr(call(Value(&exc_StopIteration), {I(5)}), "value")), "5");
  EXPECT_EQ(outcome(getattr_cstr(call(Value(&exc_SystemExit), {I(1), I(2)}), "code")), "(1, 2)");
  Value e = call(Value(&exc_ValueError), {});
  EXPECT_EQ(outcome(call_method_cstr(e, "add_note", {I(1)})), "!TypeError: note must be a str, not 'int'");
  ASSERT_TRUE(call_method_cstr(e, "add_note", {S("n")}));
  EXPECT_EQ(outcome(getattr_cstr(e, "__notes__")), "['n']");
  EXPECT_EQ(outcome_int(setattr(e, N("__cause__"), I(1))),
            "!TypeError: exception cause must be None or derive from BaseException");
  EXPECT_EQ(outcome(getattr_cstr(e, "__cause__")), "None");
}

TEST_F(ObjectCoreTest, ExceptionGroups) {
  Value inner = call(Value(&exc_ValueError), {I(1)});
  Value eg = call(Value(&exc_BaseExceptionGroup), {S("m"), Value(list_from_array(&inner, 1))});
  ASSERT_TRUE(eg) << outcome(Value());
  EXPECT_EQ(type_of(eg), &exc_ExceptionGroup);
  EXPECT_EQ(str_of(eg), "m (1 sub-exception)");
  EXPECT_EQ(outcome(eg), "ExceptionGroup('m', [ValueError(1)])");
  Value ki = call(Value(&exc_KeyboardInterrupt), {});
  EXPECT_EQ(outcome(call(Value(&exc_ExceptionGroup), {S("m"), Value(list_from_array(&ki, 1))})),
            "!TypeError: Cannot nest BaseExceptions in an ExceptionGroup");
  EXPECT_EQ(outcome(call(Value(&exc_ExceptionGroup), {S("m"), Value(list_new())})),
            "!ValueError: second argument (exceptions) must be a non-empty sequence");
  EXPECT_EQ(names_of_mro(Value(&exc_ExceptionGroup)),
            "ExceptionGroup,BaseExceptionGroup,Exception,BaseException,object");
  EXPECT_EQ(isinstance(eg, Value(&exc_Exception)), 1);
}

TEST_F(ObjectCoreTest, RaiseHelpers) {
  raise_os_error(ENOENT, S("x"));
  Value e = error_fetch();
  ASSERT_TRUE(e);
  EXPECT_EQ(type_of(e), &exc_FileNotFoundError);
  EXPECT_EQ(str_of(e), "[Errno 2] No such file or directory: 'x'");
  raise_os_error(EPIPE);
  EXPECT_TRUE(error_matches(&exc_BrokenPipeError));
  EXPECT_TRUE(error_matches(&exc_OSError));
  error_clear();
  // __context__ comes from the exception being handled.
  Value handled = call(Value(&exc_KeyError), {S("k")});
  current_thread()->handled_exception = handled;
  raise(&exc_ValueError, "during");
  Value raised = error_fetch();
  current_thread()->handled_exception = Value();
  EXPECT_TRUE(raised.as<BaseException>()->context.is(handled));
  EXPECT_EQ(outcome(raise_value(I(1))), "!TypeError: exceptions must derive from BaseException");
  raise_value(Value(&exc_StopIteration));
  EXPECT_EQ(outcome(Value()), "!StopIteration: ");
}

// ---------------------------------------------------------------------------------------------
// The abstract protocol's messages
// ---------------------------------------------------------------------------------------------

TEST_F(ObjectCoreTest, ProtocolErrors) {
  EXPECT_EQ(outcome(call(I(5), {})), "!TypeError: 'int' object is not callable");
  EXPECT_EQ(outcome(getitem(I(5), I(0))), "!TypeError: 'int' object is not subscriptable");
  EXPECT_EQ(outcome(getitem(Value(&int_type), I(0))), "!TypeError: type 'int' is not subscriptable");
  EXPECT_EQ(outcome_int(setitem(Value(tuple_of({I(1)})), I(0), I(1))),
            "!TypeError: 'tuple' object does not support item assignment");
  EXPECT_EQ(outcome_int(delitem(Value(tuple_of({I(1)})), I(0))),
            "!TypeError: 'tuple' object doesn't support item deletion");
  EXPECT_EQ(outcome_int(delitem(I(1), I(0))), "!TypeError: 'int' object does not support item deletion");
  EXPECT_EQ(outcome_int(length(I(5))), "!TypeError: object of type 'int' has no len()");
  EXPECT_EQ(outcome(get_iter(I(3))), "!TypeError: 'int' object is not iterable");
  EXPECT_EQ(outcome_int(contains(I(1), I(1))), "!TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(outcome_int(isinstance(I(1), I(1))),
            "!TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(outcome_int(issubclass(I(1), Value(&int_type))), "!TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(outcome_int(issubclass(Value(&int_type), I(1))),
            "!TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union");
  EXPECT_EQ(outcome(number_int(Value(list_new()))),
            "!TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'");
  EXPECT_EQ(outcome(number_float(Value(list_new()))),
            "!TypeError: float() argument must be a string or a real number, not 'list'");
  EXPECT_EQ(outcome(number_index(S("a"))), "!TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(outcome(unary_negative(S("s"))), "!TypeError: bad operand type for unary -: 'str'");
  EXPECT_EQ(outcome(absolute(S("s"))), "!TypeError: bad operand type for abs(): 'str'");
  EXPECT_EQ(str_of(ascii(S("\xc3\xa9\n"))), "'\\xe9\\n'");
  EXPECT_EQ(isinstance(I(1), Value(tuple_of({Value(&str_type), Value(&int_type)}))), 1);
  EXPECT_EQ(issubclass(Value(&bool_type), Value(&int_type)), 1);
}

TEST_F(ObjectCoreTest, BoolAndSingletons) {
  EXPECT_EQ(outcome(binary_op(BinaryOp::And, true_value(), false_value())), "False");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Or, true_value(), I(2))), "3");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Xor, true_value(), true_value())), "False");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, true_value(), true_value())), "2");
  EXPECT_EQ(str_of(true_value()), "True");
  EXPECT_EQ(outcome(call(Value(&bool_type), {I(2), I(3)})), "!TypeError: bool expected at most 1 argument, got 2");
  EXPECT_EQ(outcome(call(Value(&bool_type), {Value(list_new())})), "False");
  EXPECT_EQ(outcome(call(Value(&none_type), {})), "None");
  EXPECT_EQ(outcome(call(Value(&none_type), {I(1)})), "!TypeError: NoneType takes no arguments");
  EXPECT_EQ(outcome(not_implemented_value()), "NotImplemented");
  EXPECT_EQ(outcome(ellipsis_value()), "Ellipsis");
  EXPECT_EQ(is_true(none_value()), 0);
}

TEST_F(ObjectCoreTest, UnionTypes) {
  Value i = Value(&int_type), s = Value(&str_type);
  Value u = binary_op(BinaryOp::Or, i, s);
  ASSERT_TRUE(u) << outcome(Value());
  EXPECT_EQ(str_of(repr(u)), "int | str");
  EXPECT_EQ(str_of(repr(binary_op(BinaryOp::Or, none_value(), u))), "None | int | str");
  EXPECT_TRUE(binary_op(BinaryOp::Or, i, i).is(i));
  EXPECT_EQ(isinstance(S("a"), u), 1);
  EXPECT_EQ(isinstance(none_value(), u), 0);
  EXPECT_EQ(issubclass(Value(&bool_type), u), 1);
  EXPECT_EQ(equals(u, binary_op(BinaryOp::Or, s, i)), 1);
  EXPECT_EQ(hash(u), hash(binary_op(BinaryOp::Or, s, i)));
  EXPECT_EQ(outcome(binary_op(BinaryOp::Or, i, S("a"))),
            "!TypeError: unsupported operand type(s) for |: 'type' and 'str'");
  EXPECT_EQ(str_of(repr(type_of(u))), "<class 'types.UnionType'>");
}

TEST_F(ObjectCoreTest, Modules) {
  Module* m = module_new(str_new("mod"));
  EXPECT_EQ(outcome(Value(m)), "<module 'mod' (built-in)>");
  EXPECT_EQ(outcome(getattr_cstr(Value(m), "nope")), "!AttributeError: module 'mod' has no attribute 'nope'");
  module_add(m, "value", I(3));
  EXPECT_EQ(outcome(getattr_cstr(Value(m), "value")), "3");
  ASSERT_EQ(setattr(Value(m), N("other"), I(4)), 0);
  EXPECT_EQ(outcome(dict_get_cstr(m->dict, "other")), "4");
  Value hook = builtin_function_new(&kGetAttr, S("self"));
  module_add(m, "__getattr__", hook);
  EXPECT_EQ(outcome(getattr_cstr(Value(m), "lazy")), "'hooked:lazy'");
  Value py_mod = call(Value(&module_type), {S("pm")});
  EXPECT_EQ(outcome(py_mod), "<module 'pm'>");
}

}  // namespace
}  // namespace minipy
