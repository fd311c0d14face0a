// bytes and bytearray through the C++ API: construction, repr, the operator slots, shared
// methods, bytearray mutation and CPython's messages ("!Type: message" when a call raises).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "objects/bytes.h"
#include "objects/list.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "test_support.h"

namespace minipy {
namespace {

class BytesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_interpreter(); }
  void TearDown() override { error_clear(); }
};

std::string show(Value v) {
  if (!v) {
    Value exc = error_fetch();
    Value msg = to_str(exc);
    return std::string("!") + type_name(exc) + ": " + (msg ? std::string(msg.as<Str>()->view()) : "?");
  }
  Value r = repr(v);
  return r ? std::string(r.as<Str>()->view()) : show(Value());
}

Value b(std::string_view data) { return bytes_new(data); }
Value ba(std::string_view data) { return bytearray_new(data); }

std::string method(Value self, const char* name, std::initializer_list<Value> args) {
  return show(call_method_cstr(self, name, args));
}

TEST_F(BytesTest, ReprAndViews) {
  EXPECT_EQ(show(b("it's")), "b\"it's\"");
  EXPECT_EQ(show(b(std::string_view("\x00\x7f\x80\xff\n\\", 6))), "b'\\x00\\x7f\\x80\\xff\\n\\\\'");
  EXPECT_EQ(show(ba("it's")), "bytearray(b\"it\\'s\")");
  std::string_view v;
  EXPECT_TRUE(bytes_like_view(ba("xy"), &v));
  EXPECT_EQ(v, "xy");
  EXPECT_FALSE(bytes_like_view(str_new("xy"), &v));
  EXPECT_FALSE(error_pending());
}

TEST_F(BytesTest, Constructors) {
  EXPECT_EQ(show(call(Value(&bytes_type), {Value::small_int(3)})), "b'\\x00\\x00\\x00'");
  EXPECT_EQ(show(call(Value(&bytes_type), {tuple_of({Value::small_int(65), Value::small_int(66)})})), "b'AB'");
  EXPECT_EQ(show(call(Value(&bytes_type), {tuple_of({Value::small_int(256)})})),
            "!ValueError: bytes must be in range(0, 256)");
  EXPECT_EQ(show(call(Value(&bytes_type), {str_new("h\xC3\xA9"), str_new("utf-8")})), "b'h\\xc3\\xa9'");
  EXPECT_EQ(show(call(Value(&bytes_type), {str_new("a")})), "!TypeError: string argument without an encoding");
  EXPECT_EQ(show(call(Value(&bytes_type), {Value::small_int(-1)})), "!ValueError: negative count");
  EXPECT_EQ(show(call(Value(&bytearray_type), {b("ab")})), "bytearray(b'ab')");
  EXPECT_EQ(show(call(Value(&bytearray_type), {tuple_of({Value::small_int(300)})})),
            "!ValueError: byte must be in range(0, 256)");
}

TEST_F(BytesTest, Operators) {
  EXPECT_EQ(show(binary_op(BinaryOp::Add, b("a"), ba("b"))), "b'ab'");
  EXPECT_EQ(show(binary_op(BinaryOp::Add, ba("a"), b("b"))), "bytearray(b'ab')");
  EXPECT_EQ(show(binary_op(BinaryOp::Add, b("a"), str_new("a"))), "!TypeError: can't concat str to bytes");
  EXPECT_EQ(show(binary_op(BinaryOp::Mul, b("ab"), Value::small_int(2))), "b'abab'");
  EXPECT_EQ(show(binary_op(BinaryOp::Mod, b("%d-%s"), tuple_of({Value::small_int(5), b("x")}))), "b'5-x'");
  EXPECT_EQ(show(getitem(b("hi"), Value::small_int(-1))), "105");
  EXPECT_EQ(show(getitem(b("hi"), Value::small_int(2))), "!IndexError: index out of range");
  EXPECT_EQ(contains(b("hello"), Value::small_int(104)), 1);
  EXPECT_EQ(contains(b("hello"), b("ll")), 1);
  EXPECT_EQ(show(compare(ba("a"), b("b"), CompareOp::Lt)), "True");
  EXPECT_EQ(show(compare(b("a"), str_new("a"), CompareOp::Eq)), "False");
  EXPECT_EQ(hash(b("ab")), hash(Value(bytes_new("ab"))));
  EXPECT_EQ(hash(ba("ab")), -1);
  EXPECT_EQ(show(Value()), "!TypeError: unhashable type: 'bytearray'");
}

TEST_F(BytesTest, Methods) {
  EXPECT_EQ(method(b("a b  c"), "split", {}), "[b'a', b'b', b'c']");
  EXPECT_EQ(method(b("a,b"), "split", {str_new(",")}), "!TypeError: a bytes-like object is required, not 'str'");
  EXPECT_EQ(method(b("hello"), "find", {Value::small_int(108)}), "2");
  EXPECT_EQ(method(b("hello"), "upper", {}), "b'HELLO'");
  EXPECT_EQ(method(ba("hello"), "upper", {}), "bytearray(b'HELLO')");
  EXPECT_EQ(method(b("abcde"), "hex", {str_new("-"), Value::small_int(2)}), "'61-6263-6465'");
  EXPECT_EQ(show(call_method_cstr(Value(&bytes_type), "fromhex", {str_new("41 42")})), "b'AB'");
  EXPECT_EQ(method(b("caf\xC3\xA9"), "decode", {}), "'caf\xC3\xA9'");
  EXPECT_EQ(method(b("\xFF"), "decode", {}),
            "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(method(b("-"), "join", {tuple_of({b("a"), ba("b")})}), "b'a-b'");
  EXPECT_EQ(method(b(" x "), "strip", {}), "b'x'");
  EXPECT_EQ(method(b("ab"), "center", {Value::small_int(5), b("*")}), "b'**ab*'");
}

TEST_F(BytesTest, ByteArrayMutation) {
  Value x = ba("abc");
  EXPECT_EQ(method(x, "append", {Value::small_int(100)}), "None");
  EXPECT_EQ(method(x, "extend", {b("ef")}), "None");
  EXPECT_EQ(setitem(x, Value::small_int(0), Value::small_int(65)), 0);
  EXPECT_EQ(show(x), "bytearray(b'Abcdef')");
  EXPECT_EQ(method(x, "pop", {}), "102");
  EXPECT_EQ(method(x, "insert", {Value::small_int(-100), Value::small_int(120)}), "None");
  EXPECT_EQ(method(x, "remove", {Value::small_int(99)}), "None");
  EXPECT_EQ(show(x), "bytearray(b'xAbde')");
  EXPECT_EQ(setitem(x, slice_new(Value::small_int(1), Value::small_int(3), none_value()), b("XYZ")), 0);
  EXPECT_EQ(show(x), "bytearray(b'xXYZde')");
  EXPECT_EQ(delitem(x, slice_new(none_value(), none_value(), Value::small_int(2))), 0);
  EXPECT_EQ(show(x), "bytearray(b'XZe')");
  EXPECT_EQ(show(inplace_op(BinaryOp::Add, x, b("!"))), "bytearray(b'XZe!')");
  EXPECT_EQ(setitem(x, Value::small_int(0), Value::small_int(300)), -1);
  EXPECT_EQ(show(Value()), "!ValueError: byte must be in range(0, 256)");
  EXPECT_EQ(method(ba(""), "pop", {}), "!IndexError: pop from empty bytearray");
}

}  // namespace
}  // namespace minipy
