// _io.StringIO and _io.BytesIO through the C++ API: positions in code points for non-ASCII
// text, overwriting, padding, truncation and the newline modes.
#include <gtest/gtest.h>

#include <string>

#include "objects/bytes.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class IoMemoryTest : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    module_ = io_module_create();
    ASSERT_TRUE(module_);
  }
  void TearDown() override { error_clear(); }

  Value str(const std::string& t) { return Value(str_new(t)); }
  std::string text(Value v) {
    if (!v) {
      Value exc = error_fetch();
      Value s = to_str(exc);
      return std::string("!") + type_name(exc) + ": " + (s ? std::string(s.as<Str>()->view()) : "?");
    }
    Value s = repr(v);
    return s ? std::string(s.as<Str>()->view()) : "<error>";
  }
  Value m(Value obj, const char* name, std::initializer_list<Value> args) { return call_method_cstr(obj, name, args); }

  Value module_;
};

TEST_F(IoMemoryTest, StringIOCountsCodePoints) {
  Value s = call(getattr_cstr(module_, "StringIO"), {str("h\xc3\xa9llo w\xc3\xb6rld")});
  ASSERT_TRUE(s);
  EXPECT_EQ(text(m(s, "read", {Value::small_int(2)})), "'h\xc3\xa9'");
  EXPECT_EQ(text(m(s, "tell", {})), "2");
  EXPECT_EQ(text(m(s, "seek", {Value::small_int(7)})), "7");
  EXPECT_EQ(text(m(s, "write", {str("O")})), "1");
  EXPECT_EQ(text(m(s, "getvalue", {})), "'h\xc3\xa9llo wOrld'");
  EXPECT_EQ(text(m(s, "truncate", {Value::small_int(3)})), "3");
  EXPECT_EQ(text(m(s, "getvalue", {})), "'h\xc3\xa9l'");
  EXPECT_EQ(text(m(s, "seek", {Value::small_int(5)})), "5");
  EXPECT_EQ(text(m(s, "write", {str("!")})), "1");
  EXPECT_EQ(text(m(s, "getvalue", {})), "'h\xc3\xa9l\\x00\\x00!'");
}

TEST_F(IoMemoryTest, StringIONewlines) {
  Value kw = Value(tuple_of({Value(intern("newline"))}));
  Value args[2] = {str("a\r\nb\rc\n"), Value(str_new(""))};
  Value s = call(getattr_cstr(module_, "StringIO"), args, 1, kw.as<Tuple>());
  ASSERT_TRUE(s);
  EXPECT_EQ(text(m(s, "readlines", {})), "['a\\r\\n', 'b\\r', 'c\\n']");
  EXPECT_EQ(text(m(s, "seek", {Value::small_int(1), Value::small_int(1)})), "!OSError: Can't do nonzero cur-relative seeks");
}

TEST_F(IoMemoryTest, BytesIO) {
  Value b = call(getattr_cstr(module_, "BytesIO"), {Value(bytes_new("line\nrest"))});
  ASSERT_TRUE(b);
  EXPECT_EQ(text(m(b, "readline", {})), "b'line\\n'");
  EXPECT_EQ(text(m(b, "seek", {Value::small_int(10)})), "10");
  EXPECT_EQ(text(m(b, "write", {Value(bytes_new("!"))})), "1");
  EXPECT_EQ(text(m(b, "getvalue", {})), "b'line\\nrest\\x00!'");
  EXPECT_EQ(text(m(b, "write", {str("x")})), "!TypeError: a bytes-like object is required, not 'str'");
  EXPECT_EQ(text(m(b, "seek", {Value::small_int(-1)})), "!ValueError: negative seek value -1");
}

}  // namespace
}  // namespace minipy
