// str through the C++ API: storage invariants (length, ASCII flag, the offset index of long
// non-ASCII strings), interning, hashing, repr, codecs, the operator slots, methods and
// formatting. Expected strings come from CPython 3.11: the repr of the result, or
// "!Type: message" when it raises.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/str_unicode.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "test_support.h"

namespace minipy {
namespace {

class StrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_interpreter(); }
  void TearDown() override { error_clear(); }
};

// repr(v), or "!Type: message" for the pending exception.
std::string show(Value v) {
  if (!v) {
    Value exc = error_fetch();
    Value msg = to_str(exc);
    std::string text = msg ? std::string(msg.as<Str>()->view()) : "?";
    return std::string("!") + type_name(exc) + ": " + text;
  }
  Value r = repr(v);
  if (!r) return show(Value());
  return std::string(r.as<Str>()->view());
}

Value s(std::string_view text) { return str_new(text); }

std::string method(Value self, const char* name, std::initializer_list<Value> args) {
  return show(call_method_cstr(self, name, args));
}

TEST_F(StrTest, LengthAndAsciiFlag) {
  Str* a = str_new("hello");
  EXPECT_EQ(a->length, 5);
  EXPECT_TRUE(a->is_ascii());
  Str* b = str_new("h\xC3\xA9llo \xE2\x9C\x93 \xF0\x9F\x98\x80");  // héllo ✓ 😀
  EXPECT_EQ(b->length, 9);
  EXPECT_EQ(b->size, 15);
  EXPECT_FALSE(b->is_ascii());
  EXPECT_EQ(str_empty()->length, 0);
  EXPECT_EQ(str_from_cp(0x1F600)->size, 4);
}

TEST_F(StrTest, IndexingLongNonAsciiStrings) {
  // Long enough to use the offset index: every character checked against a scan.
  std::string text;
  for (int i = 0; i < 500; i++) text += (i % 3 == 0) ? "\xC3\xA9" : (i % 3 == 1) ? "x" : "\xF0\x9F\x98\x80";
  Str* str = str_new(text);
  ASSERT_EQ(str->length, 500);
  for (int i = 0; i < 500; i++) {
    Value c = str_getitem_index(str, i);
    ASSERT_TRUE(c);
    const char* want = (i % 3 == 0) ? "\xC3\xA9" : (i % 3 == 1) ? "x" : "\xF0\x9F\x98\x80";
    ASSERT_EQ(c.as<Str>()->view(), want) << i;
  }
  EXPECT_EQ(show(str_getitem_index(str, -1)), "'x'");
  EXPECT_EQ(show(str_getitem_index(str, 500)), "!IndexError: string index out of range");
}

TEST_F(StrTest, InternAndHash) {
  Str* a = intern("some_name");
  Str* b = intern(std::string("some_") + "name");
  EXPECT_EQ(a, b);
  Str* c = str_new("some_name");
  EXPECT_EQ(str_intern(c), a);
  EXPECT_TRUE(str_equal(a, c));
  EXPECT_EQ(str_hash(a), str_hash(c));
  EXPECT_NE(str_hash(str_new("abc")), -1);
  EXPECT_EQ(hash(s("\xC3\xA9x")), hash(Value(str_concat(str_new("\xC3\xA9"), str_new("x")))));
}

TEST_F(StrTest, Repr) {
  EXPECT_EQ(show(s("it's")), "\"it's\"");
  EXPECT_EQ(show(s("both ' and \"")), "'both \\' and \"'");
  EXPECT_EQ(show(s("a\nb\t\\\x01\x7f")), "'a\\nb\\t\\\\\\x01\\x7f'");
  EXPECT_EQ(show(s("\xC2\x80\xC2\xA0\xC2\xAD\xC3\xA9")), "'\\x80\\xa0\\xad\xC3\xA9'");
  EXPECT_EQ(show(s("\xE2\x80\x8B\xE6\x97\xA5")), "'\\u200b\xE6\x97\xA5'");
  EXPECT_EQ(show(s("\xF3\xA0\x80\x81")), "'\\U000e0001'");
  EXPECT_EQ(show(s("\xED\xA0\x80")), "'\\ud800'");  // lone surrogate
  EXPECT_EQ(show(ascii(s("\xC3\xA9\xF0\x9F\x98\x80"))), "\"'\\\\xe9\\\\U0001f600'\"");
}

TEST_F(StrTest, DecodeUtf8) {
  EXPECT_EQ(show(str_decode_utf8("caf\xC3\xA9")), "'caf\xC3\xA9'");
  EXPECT_EQ(show(str_decode_utf8("\xFF")),
            "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(show(str_decode_utf8("\xE2\x82")),
            "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
  EXPECT_EQ(show(str_decode_utf8("a\xE2\x82z")),
            "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte");
  EXPECT_EQ(show(str_decode_utf8("\xED\xA0\x80")),
            "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
  EXPECT_EQ(show(str_decode_utf8("\xC0\xAF")),
            "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte");
  EXPECT_EQ(show(str_decode_utf8("a\xFF" "b\xE2\x82", "replace")), "'a\xEF\xBF\xBD" "b\xEF\xBF\xBD'");
  EXPECT_EQ(show(str_decode_utf8("a\xFF" "b", "ignore")), "'ab'");
  EXPECT_EQ(show(str_decode_utf8("a\xFF", "backslashreplace")), "'a\\\\xff'");
  EXPECT_EQ(show(str_decode_utf8("\xFF", "surrogateescape")), "'\\udcff'");
  EXPECT_EQ(show(str_decode_utf8("\xFF", "bogus")), "!LookupError: unknown error handler name 'bogus'");
  EXPECT_EQ(show(str_decode("\xE9", "latin-1", nullptr)), "'\xC3\xA9'");
  EXPECT_EQ(show(str_decode("\xE9", "ASCII", nullptr)),
            "!UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)");
  EXPECT_EQ(show(str_decode("x", "bogus", nullptr)), "!LookupError: unknown encoding: bogus");
}

TEST_F(StrTest, Encode) {
  Str* t = str_new("a\xC3\xA9\xE2\x9C\x93");  // aé✓
  EXPECT_EQ(show(str_encode(t, "utf-8", nullptr)), "b'a\\xc3\\xa9\\xe2\\x9c\\x93'");
  EXPECT_EQ(show(str_encode(t, "ascii", "replace")), "b'a?" "?'");
  EXPECT_EQ(show(str_encode(t, "ascii", "backslashreplace")), "b'a\\\\xe9\\\\u2713'");
  EXPECT_EQ(show(str_encode(t, "latin_1", "xmlcharrefreplace")), "b'a\\xe9&#10003;'");
  EXPECT_EQ(show(str_encode(t, "ascii", nullptr)),
            "!UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
  EXPECT_EQ(show(str_encode(str_new("\xED\xA0\x80"), nullptr, nullptr)),
            "!UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed");
  EXPECT_EQ(show(str_encode(str_new("\xED\xB3\xBF"), "utf-8", "surrogateescape")), "b'\\xff'");
}

TEST_F(StrTest, Operators) {
  EXPECT_EQ(show(binary_op(BinaryOp::Add, s("ab"), s("\xC3\xA9"))), "'ab\xC3\xA9'");
  EXPECT_EQ(show(binary_op(BinaryOp::Add, s("a"), Value::small_int(1))),
            "!TypeError: can only concatenate str (not \"int\") to str");
  EXPECT_EQ(show(binary_op(BinaryOp::Mul, s("ab"), Value::small_int(3))), "'ababab'");
  EXPECT_EQ(show(binary_op(BinaryOp::Mul, Value::small_int(2), s("\xC3\xA9"))), "'\xC3\xA9\xC3\xA9'");
  EXPECT_EQ(show(binary_op(BinaryOp::Mul, s("ab"), Value::small_int(-1))), "''");
  EXPECT_EQ(show(binary_op(BinaryOp::Mul, s("a"), s("b"))), "!TypeError: can't multiply sequence by non-int of type 'str'");
  EXPECT_EQ(show(compare(s("\xC3\xA9"), s("z"), CompareOp::Gt)), "True");
  EXPECT_EQ(show(compare(s("ab"), s("abc"), CompareOp::Lt)), "True");
  EXPECT_EQ(contains(s("h\xC3\xA9llo"), s("\xC3\xA9l")), 1);
  EXPECT_EQ(show(getitem(s("h\xC3\xA9llo"), Value::small_int(1))), "'\xC3\xA9'");
  EXPECT_EQ(show(getitem(s("abc"), s("x"))), "!TypeError: string indices must be integers, not 'str'");
  EXPECT_EQ(length(s("h\xC3\xA9")), 2);
}

TEST_F(StrTest, Methods) {
  EXPECT_EQ(method(s("a,b,,c"), "split", {s(",")}), "['a', 'b', '', 'c']");
  EXPECT_EQ(method(s("  a b  c "), "split", {}), "['a', 'b', 'c']");
  EXPECT_EQ(method(s("  a b  c "), "rsplit", {none_value(), Value::small_int(1)}), "['  a b', 'c']");
  EXPECT_EQ(method(s("a"), "split", {s("")}), "!ValueError: empty separator");
  EXPECT_EQ(method(s("-"), "join", {tuple_of({s("a"), s("b")})}), "'a-b'");
  EXPECT_EQ(method(s(""), "join", {tuple_of({s("a"), Value::small_int(1)})}),
            "!TypeError: sequence item 1: expected str instance, int found");
  EXPECT_EQ(method(s("xxhixx"), "strip", {s("x")}), "'hi'");
  EXPECT_EQ(method(s("\xC3\x9F"), "upper", {}), "'SS'");
  EXPECT_EQ(method(s("\xCE\x91\xCE\xA3"), "lower", {}), "'\xCE\xB1\xCF\x82'");  // final sigma
  EXPECT_EQ(method(s("hello wORLD"), "title", {}), "'Hello World'");
  EXPECT_EQ(method(s("aaa"), "replace", {s("a"), s("b"), Value::small_int(2)}), "'bba'");
  EXPECT_EQ(method(s("abc"), "replace", {s(""), s("-")}), "'-a-b-c-'");
  EXPECT_EQ(method(s("h\xC3\xA9llo"), "find", {s("l")}), "2");
  EXPECT_EQ(method(s("h\xC3\xA9llo"), "rindex", {s("z")}), "!ValueError: substring not found");
  EXPECT_EQ(method(s("aaaa"), "count", {s("aa")}), "2");
  EXPECT_EQ(method(s("-42"), "zfill", {Value::small_int(5)}), "'-0042'");
  EXPECT_EQ(method(s("ab"), "center", {Value::small_int(5), s("*")}), "'**ab*'");
  EXPECT_EQ(method(s("a\tb"), "expandtabs", {Value::small_int(4)}), "'a   b'");
  EXPECT_EQ(method(s("a\nb\r\nc\xE2\x80\xA8" "d"), "splitlines", {}), "['a', 'b', 'c', 'd']");
  EXPECT_EQ(method(s("a=b=c"), "rpartition", {s("=")}), "('a=b', '=', 'c')");
  EXPECT_EQ(method(s("hello"), "startswith", {tuple_of({s("x"), s("he")})}), "True");
  EXPECT_EQ(method(s("\xD9\xA3"), "isdecimal", {}), "True");
  EXPECT_EQ(method(s("\xCE\xB1\xCE\xB2"), "isalpha", {}), "True");
  EXPECT_EQ(method(s("\xE2\x80\x8B"), "isprintable", {}), "False");
  EXPECT_EQ(method(s("_x1"), "isidentifier", {}), "True");
  EXPECT_EQ(method(s("a"), "upper", {Value::small_int(1)}), "!TypeError: str.upper() takes no arguments (1 given)");
  EXPECT_EQ(method(s("a"), "find", {}), "!TypeError: find() takes at least 1 argument (0 given)");
}

TEST_F(StrTest, Formatting) {
  EXPECT_EQ(show(str_percent_format(str_new("%-4s|%5.2f|%x|%c"),
                                    tuple_of({s("ab"), float_new(3.14159), Value::small_int(255), Value::small_int(97)}))),
            "'ab  | 3.14|ff|a'");
  EXPECT_EQ(show(str_percent_format(str_new("%d %d"), tuple_of({Value::small_int(1)}))),
            "!TypeError: not enough arguments for format string");
  EXPECT_EQ(show(str_percent_format(str_new("%d"), s("x"))), "!TypeError: %d format: a real number is required, not str");
  Value args[] = {s("x"), Value::small_int(42)};
  EXPECT_EQ(show(str_format_call(str_new("{1:>5}|{0!r}|{{}}"), args, 2, nullptr)), "\"   42|'x'|{}\"");
  EXPECT_EQ(show(str_format_call(str_new("{}{0}"), args, 2, nullptr)),
            "!ValueError: cannot switch from automatic field numbering to manual field specification");
  EXPECT_EQ(show(str_format_call(str_new("}"), args, 2, nullptr)), "!ValueError: Single '}' encountered in format string");
  EXPECT_EQ(show(format(s("ab"), str_new("^6"))), "'  ab  '");
}

TEST_F(StrTest, UnicodeTables) {
  EXPECT_TRUE(unicode::has(U'é', unicode::kAlpha | unicode::kLower));
  EXPECT_TRUE(unicode::has(0x3000, unicode::kSpace));
  EXPECT_EQ(unicode::digit_value(0x663), 3);
  uint32_t out[3];
  EXPECT_EQ(unicode::map_case(0xDF, unicode::CaseKind::Upper, out), 2);
  EXPECT_EQ(out[0], 'S');
  EXPECT_EQ(unicode::map_case(0x1C5, unicode::CaseKind::Title, out), 1);
  EXPECT_EQ(out[0], 0x1C5u);
}

}  // namespace
}  // namespace minipy
