// _random: the Mersenne Twister must reproduce CPython's sequences exactly (int seeds of any
// size and sign, str/bytes seeds through SHA-512, getrandbits word order, state round trip).
// Expected values were produced by CPython 3.11.
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

class RandomTest : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    module_ = random_module_create();
    ASSERT_TRUE(module_);
  }
  void TearDown() override { error_clear(); }

  Value make(Value seed) { return call(getattr_cstr(module_, "Random"), {seed}); }
  double next(Value r) {
    Value v = call_method_cstr(r, "random", {});
    EXPECT_TRUE(v && float_check(v));
    return v ? float_value(v) : -1;
  }
  std::string text(Value v) {
    Value s = repr(v);
    return s ? std::string(s.as<Str>()->view()) : "<error>";
  }

  Value module_;
};

TEST_F(RandomTest, IntSeedsMatchCPython) {
  EXPECT_EQ(next(make(Value::small_int(0))), 0.8444218515250481);
  EXPECT_EQ(next(make(Value::small_int(1))), 0.13436424411240122);
  Value r = make(Value::small_int(42));
  EXPECT_EQ(next(r), 0.6394267984578837);
  EXPECT_EQ(next(r), 0.025010755222666936);
  // The sign is ignored.
  EXPECT_EQ(next(make(Value::small_int(-42))), 0.6394267984578837);
  // 2**100 + 7 spans four 32-bit words.
  Value big = int_from_string("1267650600228229401496703205383", 10);
  EXPECT_EQ(next(make(big)), 0.41604161323913513);
}

TEST_F(RandomTest, TextSeedsUseSha512) {
  EXPECT_EQ(next(make(Value(str_new("minipy")))), 0.5337540717693857);
  EXPECT_EQ(next(make(Value(bytes_new("bytes seed")))), 0.7731514366044835);
  EXPECT_EQ(next(make(Value(str_new("\xc3\xa9t\xc3\xa9")))), 0.5866426377757509);
}

TEST_F(RandomTest, GetrandbitsWordOrder) {
  Value r = make(Value::small_int(0));
  next(r);
  next(r);
  EXPECT_EQ(text(call_method_cstr(r, "getrandbits", {Value::small_int(70)})), "295894710194757342293");
  EXPECT_EQ(text(call_method_cstr(r, "getrandbits", {Value::small_int(0)})), "0");
  EXPECT_FALSE(call_method_cstr(r, "getrandbits", {Value::small_int(-1)}));
  EXPECT_TRUE(error_matches(&exc_ValueError));
}

TEST_F(RandomTest, StateRoundTrip) {
  Value r = make(Value::small_int(7));
  Value state = call_method_cstr(r, "getstate", {});
  ASSERT_TRUE(state && tuple_check(state));
  EXPECT_EQ(state.as<Tuple>()->size, 625);
  double a = next(r);
  ASSERT_TRUE(call_method_cstr(r, "setstate", {state}));
  EXPECT_EQ(next(r), a);
  EXPECT_FALSE(call_method_cstr(r, "setstate", {Value(tuple_of({Value::small_int(1)}))}));
  EXPECT_TRUE(error_matches(&exc_ValueError));
}

}  // namespace
}  // namespace minipy
