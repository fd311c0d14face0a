// struct: layouts, round trips and CPython's error messages through the module functions.
#include <gtest/gtest.h>

#include <string>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class StructTest : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    module_ = struct_module_create();
    ASSERT_TRUE(module_);
  }
  void TearDown() override { error_clear(); }

  Value fn(const char* name, std::initializer_list<Value> args) { return call(getattr_cstr(module_, name), args); }
  std::string text(Value v) {
    if (!v) {
      Value exc = error_fetch();
      Value s = to_str(exc);
      return std::string("!") + type_name(exc) + ": " + (s ? std::string(s.as<Str>()->view()) : "?");
    }
    Value s = repr(v);
    return s ? std::string(s.as<Str>()->view()) : "<error>";
  }
  Value s(const char* t) { return Value(str_new(t)); }

  Value module_;
};

TEST_F(StructTest, Sizes) {
  EXPECT_EQ(text(fn("calcsize", {s("bi")})), "8");
  EXPECT_EQ(text(fn("calcsize", {s("<bi")})), "5");
  EXPECT_EQ(text(fn("calcsize", {s("b0i")})), "4");
  EXPECT_EQ(text(fn("calcsize", {s("!h2x")})), "4");
  EXPECT_EQ(text(fn("calcsize", {s("<n")})), "!error: bad char in struct format");
}

TEST_F(StructTest, PackUnpack) {
  EXPECT_EQ(text(fn("pack", {s(">hI"), Value::small_int(-2), Value::small_int(7)})), "b'\\xff\\xfe\\x00\\x00\\x00\\x07'");
  EXPECT_EQ(text(fn("unpack", {s("<hI"), Value(bytes_new(std::string("\xfe\xff\x07\x00\x00\x00", 6)))})), "(-2, 7)");
  EXPECT_EQ(text(fn("pack", {s("<e"), float_new(1.5)})), "b'\\x00>'");
  EXPECT_EQ(text(fn("pack", {s("3p"), Value(bytes_new("abcdef"))})), "b'\\x02ab'");
  EXPECT_EQ(text(fn("pack", {s("?"), Value::small_int(5)})), "b'\\x01'");
}

TEST_F(StructTest, RangeMessagesFollowByteOrder) {
  EXPECT_EQ(text(fn("pack", {s("h"), Value::small_int(70000)})), "!error: short format requires -32768 <= number <= 32767");
  EXPECT_EQ(text(fn("pack", {s(">h"), Value::small_int(70000)})), "!error: 'h' format requires -32768 <= number <= 32767");
  EXPECT_EQ(text(fn("pack", {s("<I"), Value::small_int(-1)})), "!error: argument out of range");
  EXPECT_EQ(text(fn("pack", {s(">Q"), Value::small_int(-1)})), "!error: int too large to convert");
  EXPECT_EQ(text(fn("pack", {s("i"), s("x")})), "!error: required argument is not an integer");
  EXPECT_EQ(text(fn("pack", {s("ii"), Value::small_int(1)})), "!error: pack expected 2 items for packing (got 1)");
  EXPECT_EQ(text(fn("unpack", {s("i"), Value(bytes_new("abc"))})), "!error: unpack requires a buffer of 4 bytes");
  EXPECT_EQ(text(fn("pack", {s("<e"), float_new(1e10)})), "!OverflowError: float too large to pack with e format");
}

}  // namespace
}  // namespace minipy
