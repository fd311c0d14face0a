// _re2, the engine under re.py: code-point offsets for str, byte offsets for bytes, the
// '$'-before-final-newline emulation, errors as ValueError, and linear-time matching.
#include <gtest/gtest.h>

#include <string>

#include "objects/bytes.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class Re2Test : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    module_ = re2_module_create();
    ASSERT_TRUE(module_);
  }
  void TearDown() override { error_clear(); }

  Value compile(Value pattern, bool dollar_nl = false) {
    return call(getattr_cstr(module_, "compile"), {pattern, bool_value(dollar_nl)});
  }
  // Runs regex.match(subject, pos, endpos, anchor) and renders the result.
  std::string run(Value regex, Value subject, int64_t pos, int64_t endpos, int anchor) {
    if (!regex) return text(regex);
    return text(call(getattr_cstr(regex, "match"),
                     {subject, Value::small_int(pos), Value::small_int(endpos), Value::small_int(anchor)}));
  }
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

TEST_F(Re2Test, StrOffsetsAreCodePoints) {
  Value re = compile(s("(b+)(x)?"));
  EXPECT_EQ(run(re, s("\xc3\xa9\xc3\xa9" "bb"), 0, 4, 0), "(2, 4, 2, 4, -1, -1)");
  EXPECT_EQ(run(re, s("\xc3\xa9" "b"), 1, 2, 1), "(1, 2, 1, 2, -1, -1)");
  EXPECT_EQ(run(re, s("\xc3\xa9" "b"), 0, 2, 1), "None");
}

TEST_F(Re2Test, BytesOffsetsAreBytes) {
  Value re = compile(Value(bytes_new("\\x{e9}+")));
  EXPECT_EQ(run(re, Value(bytes_new("a\xe9\xe9")), 0, 3, 0), "(1, 3)");
  EXPECT_EQ(run(re, s("abc"), 0, 3, 0), "!TypeError: cannot use a bytes pattern on a string-like object");
  EXPECT_EQ(run(compile(s("a")), Value(bytes_new("a")), 0, 1, 0),
            "!TypeError: cannot use a string pattern on a bytes-like object");
}

TEST_F(Re2Test, EndposCutsTheSubject) {
  Value re = compile(s("c$"), true);
  EXPECT_EQ(run(re, s("abcd"), 0, 3, 0), "(2, 3)");
  EXPECT_EQ(run(re, s("abc\n"), 0, 4, 0), "(2, 3)");
  EXPECT_EQ(run(re, s("abc\n"), 0, 4, 2), "None");
  EXPECT_EQ(run(compile(s("c$")), s("abc\n"), 0, 4, 0), "None");
}

TEST_F(Re2Test, GroupsAndNames) {
  Value re = compile(s("(?P<first>a)(b)"));
  EXPECT_EQ(text(getattr_cstr(re, "groups")), "2");
  EXPECT_EQ(text(getattr_cstr(re, "groupindex")), "{'first': 1}");
}

TEST_F(Re2Test, ErrorsAreValueErrors) {
  EXPECT_EQ(text(compile(s("(a"))), "!ValueError: missing ): (a");
}

TEST_F(Re2Test, NestedQuantifiersRunInLinearTime) {
  // A backtracking engine needs about 2**30 steps here; RE2 answers at once.
  Value re = compile(s("(a+)+$"));
  std::string subject(30, 'a');
  subject += 'b';
  EXPECT_EQ(run(re, s(subject.c_str()), 0, 31, 0), "None");
}

TEST_F(Re2Test, UnicodeClasses) {
  Value digits = call(getattr_cstr(module_, "unicode_class"), {s("d")});
  ASSERT_TRUE(digits);
  std::string_view v = digits.as<Str>()->view();
  EXPECT_EQ(v.substr(0, 14), "\\x{30}-\\x{39}\\");
  EXPECT_NE(v.find("\\x{660}-\\x{669}"), std::string_view::npos);
  EXPECT_EQ(text(call(getattr_cstr(module_, "unicode_class"), {s("q")})),
            "!ValueError: unicode_class() expects one of 'dswDSW'");
}

// re.py over _re2: the constructs RE2 cannot run are refused by name, not mis-matched.
class ReModuleTest : public Re2Test {
 protected:
  std::string compile_error(const char* pattern) {
    Value re = import_module("re");
    if (!re) return text(re);
    return text(call(getattr_cstr(re, "compile"), {s(pattern)}));
  }
};

TEST_F(ReModuleTest, UnsupportedConstructsNameThemselves) {
  EXPECT_EQ(compile_error("(a)\\1"),
            "!error: backreferences (\\1) are not supported: RE2 does not support them at position 3");
  EXPECT_EQ(compile_error("(?P<x>a)(?P=x)"),
            "!error: backreferences (?P=name) are not supported: RE2 does not support them at position 8");
  EXPECT_EQ(compile_error("a(?=b)"), "!error: lookahead assertions are not supported: RE2 does not support them at position 1");
  EXPECT_EQ(compile_error("(?<!a)b"), "!error: lookbehind assertions are not supported: RE2 does not support them at position 0");
  EXPECT_EQ(compile_error("(?>a)"), "!error: atomic groups are not supported: RE2 does not support them at position 0");
  EXPECT_EQ(compile_error("a*+"), "!error: possessive quantifiers are not supported: RE2 does not support them at position 1");
}

TEST_F(ReModuleTest, NestedQuantifiersRunInLinearTime) {
  Value re = import_module("re");
  ASSERT_TRUE(re);
  std::string subject(30, 'a');
  subject += 'b';
  EXPECT_EQ(text(call(getattr_cstr(re, "match"), {s("(a+)+$"), s(subject.c_str())})), "None");
}

}  // namespace
}  // namespace minipy
