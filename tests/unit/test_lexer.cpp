// Tokenizer, literal decoding and Unicode helper tests.  Token streams follow CPython's C
// tokenizer (no COMMENT/NL tokens); expected values were checked against python3.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "lex/literals.h"
#include "lex/source.h"
#include "lex/tokenizer.h"
#include "lex/unicode.h"

namespace minipy {
namespace {

// "KIND:text@line:col" for every token, up to ENDMARKER or the first error.  ENDMARKER is on
// the last line read, like CPython's.
std::vector<std::string> tokens(std::string_view text) {
  Tokenizer tok(text, "<test>");
  std::vector<std::string> out;
  for (;;) {
    Token t = tok.next();
    std::string s(token_kind_name(t.kind));
    if (!t.text.empty() && t.kind != TokenKind::Newline) s += ":" + std::string(t.text);
    s += "@" + std::to_string(t.lineno) + ":" + std::to_string(t.col_offset);
    out.push_back(s);
    if (t.kind == TokenKind::EndMarker || t.kind == TokenKind::Error) break;
  }
  return out;
}

const TokenizerError* first_error(Tokenizer& tok) {
  for (;;) {
    Token t = tok.next();
    if (t.kind == TokenKind::Error) return &tok.error();
    if (t.kind == TokenKind::EndMarker) return nullptr;
  }
}

using Strings = std::vector<std::string>;

TEST(Tokenizer, IndentationAndNewlines) {
  EXPECT_EQ(tokens("if x:\n    y = 1\n\n  # comment\nz\n"),
            (Strings{"if:if@1:0", "NAME:x@1:3", ":::@1:4", "NEWLINE@1:5", "INDENT@2:-1",
                     "NAME:y@2:4", "=:=@2:6", "NUMBER:1@2:8", "NEWLINE@2:9", "DEDENT@5:-1",
                     "NAME:z@5:0", "NEWLINE@5:1", "ENDMARKER@5:-1"}));
}

TEST(Tokenizer, BracketsJoinLinesAndBackslashContinues) {
  EXPECT_EQ(tokens("x = (1,\n     2)\ny = 1 + \\\n  2\n"),
            (Strings{"NAME:x@1:0", "=:=@1:2", "(:(@1:4", "NUMBER:1@1:5", ",:,@1:6",
                     "NUMBER:2@2:5", "):)@2:6", "NEWLINE@2:7", "NAME:y@3:0", "=:=@3:2",
                     "NUMBER:1@3:4", "+:+@3:6", "NUMBER:2@4:2", "NEWLINE@4:3",
                     "ENDMARKER@4:-1"}));
}

TEST(Tokenizer, OperatorsTakeTheLongestSpelling) {
  EXPECT_EQ(tokens("a**=b//=c->d...e:=f!=g<>h\n"),
            (Strings{"NAME:a@1:0", "**=:**=@1:1", "NAME:b@1:4", "//=://=@1:5", "NAME:c@1:8",
                     "->:->@1:9", "NAME:d@1:11", "...:...@1:12", "NAME:e@1:15", ":=::=@1:16",
                     "NAME:f@1:18", "!=:!=@1:19", "NAME:g@1:21", "OP:<>@1:22", "NAME:h@1:24",
                     "NEWLINE@1:25", "ENDMARKER@1:-1"}));
}

TEST(Tokenizer, KeywordsAndSoftKeywords) {
  EXPECT_EQ(tokens("async await match case _ None\n"),
            (Strings{"async:async@1:0", "await:await@1:6", "NAME:match@1:12", "NAME:case@1:18",
                     "NAME:_@1:23", "None:None@1:25", "NEWLINE@1:29", "ENDMARKER@1:-1"}));
}

TEST(Tokenizer, StringsWithPrefixesAndTripleQuotes) {
  EXPECT_EQ(tokens("rb'a' Br\"b\" f'c' Rf'd' u'e' '''x\ny''' bar\n"),
            (Strings{"STRING:rb'a'@1:0", "STRING:Br\"b\"@1:6", "STRING:f'c'@1:12",
                     "STRING:Rf'd'@1:17", "STRING:u'e'@1:23", "STRING:'''x\ny'''@1:28",
                     "NAME:bar@2:5", "NEWLINE@2:8", "ENDMARKER@2:-1"}));
  // "ub" is not a prefix: a name and a string.
  EXPECT_EQ(tokens("ub'x'\n"),
            (Strings{"NAME:ub@1:0", "STRING:'x'@1:2", "NEWLINE@1:5", "ENDMARKER@1:-1"}));
}

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(tokens("0x_1f 0o17 0b1_0 1_000 1.5e-3 .5 5. 3j 1if\n"),
            (Strings{"NUMBER:0x_1f@1:0", "NUMBER:0o17@1:6", "NUMBER:0b1_0@1:11",
                     "NUMBER:1_000@1:17", "NUMBER:1.5e-3@1:23", "NUMBER:.5@1:30",
                     "NUMBER:5.@1:33", "NUMBER:3j@1:36", "NUMBER:1@1:39", "if:if@1:40",
                     "NEWLINE@1:42", "ENDMARKER@1:-1"}));
}

TEST(Tokenizer, NonAsciiIdentifiersAndColumnsInBytes) {
  EXPECT_EQ(tokens("é = π\n"), (Strings{"NAME:é@1:0", "=:=@1:3", "NAME:π@1:5", "NEWLINE@1:7",
                                        "ENDMARKER@1:-1"}));
}

struct ErrorCase {
  const char* source;
  TokenizerErrorKind kind;
  const char* kind_name;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
  const char* text;
};

TEST(Tokenizer, ErrorsLikeCPython) {
  const ErrorCase cases[] = {
      {"x = 'abc\n", TokenizerErrorKind::Raised, "SyntaxError",
       "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = 'abc"},
      {"x = \"\"\"a\n\nb\n", TokenizerErrorKind::Raised, "SyntaxError",
       "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5,
       "x = \"\"\"a"},
      {"x = 5€\n", TokenizerErrorKind::Raised, "SyntaxError", "invalid character '€' (U+20AC)",
       1, 6, 1, 6, "x = 5€"},
      {"x =\xC2\xA0" "1\n", TokenizerErrorKind::Raised, "SyntaxError",
       "invalid non-printable character U+00A0", 1, 4, 1, 4, "x =\xC2\xA0" "1"},
      {"0777\n", TokenizerErrorKind::Raised, "SyntaxError",
       "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
       "integers",
       1, 1, 1, 2, "0777"},
      {"1__0\n", TokenizerErrorKind::Raised, "SyntaxError", "invalid decimal literal", 1, 2, 1, 2,
       "1__0"},
      {"0o8\n", TokenizerErrorKind::Raised, "SyntaxError", "invalid digit '8' in octal literal",
       1, 3, 1, 3, "0o8"},
      {"1jj\n", TokenizerErrorKind::Raised, "SyntaxError", "invalid imaginary literal", 1, 2, 1,
       2, "1jj"},
      {"(\n]\n", TokenizerErrorKind::Raised, "SyntaxError",
       "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1,
       "]"},
      {")\n", TokenizerErrorKind::Raised, "SyntaxError", "unmatched ')'", 1, 1, 1, 1, ")"},
      {"foo(\n", TokenizerErrorKind::Eof, "SyntaxError", "'(' was never closed", 1, 4, 1, 0,
       "foo(\n"},
      {"x = \\ y\n", TokenizerErrorKind::LineContinuation, "SyntaxError",
       "unexpected character after line continuation character", 1, 6, 1, 0, "x = \\ y\n"},
      {"if x:\n    a\n  b\n", TokenizerErrorKind::Dedent, "IndentationError",
       "unindent does not match any outer indentation level", 3, 4, 3, -1, "  b\n"},
      {"if x:\n\ta\n        b\n", TokenizerErrorKind::TabSpace, "TabError",
       "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "        b\n"},
  };
  for (const ErrorCase& c : cases) {
    Tokenizer tok(c.source, "<test>");
    const TokenizerError* err = first_error(tok);
    ASSERT_NE(err, nullptr) << c.source;
    EXPECT_EQ(err->kind, c.kind) << c.source;
    EXPECT_EQ(err->info.kind, c.kind_name) << c.source;
    EXPECT_EQ(err->info.msg, c.msg) << c.source;
    EXPECT_EQ(err->info.lineno, c.lineno) << c.source;
    EXPECT_EQ(err->info.offset, c.offset) << c.source;
    EXPECT_EQ(err->info.end_lineno, c.end_lineno) << c.source;
    EXPECT_EQ(err->info.end_offset, c.end_offset) << c.source;
    EXPECT_EQ(err->info.text, c.text) << c.source;
    // After an error the tokenizer keeps returning error tokens.
    EXPECT_EQ(tok.next().kind, TokenKind::Error);
  }
}

TEST(Tokenizer, TooManyNestedParentheses) {
  std::string src = std::string(201, '[') + "\n";
  Tokenizer tok(src, "<test>");
  const TokenizerError* err = first_error(tok);
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(err->info.msg, "too many nested parentheses");
  EXPECT_EQ(err->info.offset, 201);
}

TEST(Tokenizer, TooManyIndentationLevels) {
  std::string src;
  for (int i = 0; i < 101; ++i) src += std::string(i, ' ') + "if 1:\n";
  Tokenizer tok(src, "<test>");
  const TokenizerError* err = first_error(tok);
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(err->kind, TokenizerErrorKind::TooDeep);
  EXPECT_EQ(err->info.msg, "too many levels of indentation");
  EXPECT_EQ(err->info.lineno, 101);
}

// ---------------------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------------------

TEST(Literals, Integers) {
  NumberValue v = parse_number("1_000");
  EXPECT_EQ(v.kind, NumberValue::Kind::Int);
  EXPECT_EQ(v.int_value, 1000);
  EXPECT_EQ(parse_number("0xff").int_value, 255);
  EXPECT_EQ(parse_number("0O17").int_value, 15);
  EXPECT_EQ(parse_number("0b_1010").int_value, 10);
  EXPECT_EQ(parse_number("9223372036854775807").int_value, INT64_MAX);
  EXPECT_TRUE(parse_number("9223372036854775807").big_digits.empty());
  EXPECT_EQ(parse_number("9223372036854775808").big_digits, "9223372036854775808");
  EXPECT_EQ(parse_number("0x8000000000000000").big_digits, "9223372036854775808");
  EXPECT_EQ(parse_number("0b" + std::string(100, '1')).big_digits,
            "1267650600228229401496703205375");
  EXPECT_EQ(parse_number("0o1000000000000000000000000").big_digits, "4722366482869645213696");
  EXPECT_EQ(parse_number("000").int_value, 0);
}

TEST(Literals, FloatsAndImaginary) {
  EXPECT_EQ(parse_number("1.5").kind, NumberValue::Kind::Float);
  EXPECT_DOUBLE_EQ(parse_number("1_0.0_5").float_value, 10.05);
  EXPECT_DOUBLE_EQ(parse_number(".5e1").float_value, 5.0);
  EXPECT_DOUBLE_EQ(parse_number("5.").float_value, 5.0);
  EXPECT_EQ(parse_number("0.1").float_value, 0.1);
  EXPECT_EQ(parse_number("2.2250738585072014e-308").float_value, 2.2250738585072014e-308);
  EXPECT_TRUE(std::isinf(parse_number("1e999").float_value));
  EXPECT_EQ(parse_number("09.5").float_value, 9.5);
  NumberValue j = parse_number("1_0J");
  EXPECT_EQ(j.kind, NumberValue::Kind::Imag);
  EXPECT_EQ(j.float_value, 10.0);
}

TEST(Literals, StringPrefixes) {
  StringPrefix p = parse_string_prefix("Rb'''x'''");
  EXPECT_TRUE(p.raw);
  EXPECT_TRUE(p.bytes);
  EXPECT_FALSE(p.fstring);
  EXPECT_EQ(p.quote_len, 3u);
  EXPECT_EQ(string_body("Rb'''x'''", p), "x");
  StringPrefix f = parse_string_prefix("fR\"\"");
  EXPECT_TRUE(f.fstring && f.raw);
  EXPECT_EQ(f.quote_len, 1u);
  EXPECT_EQ(string_body("fR\"\"", f), "");
  EXPECT_TRUE(parse_string_prefix("u'x'").u);
}

std::string str(std::string_view body) {
  std::string out;
  auto err = decode_str_escapes(body, out);
  return err ? "error: " + *err : out;
}

std::string bytes(std::string_view body) {
  std::string out;
  auto err = decode_bytes_escapes(body, out);
  return err ? "error: " + *err : out;
}

TEST(Literals, StrEscapes) {
  EXPECT_EQ(str(R"(a\n\t\r\\\'\"\a\b\f\v)"), "a\n\t\r\\'\"\a\b\f\v");
  EXPECT_EQ(str("line\\\nnext"), "linenext");
  EXPECT_EQ(str(R"(\0\101\1234\777)"), std::string("\0", 1) + "AS4\xC7\xBF");
  EXPECT_EQ(str(R"(\x41\u00e9\U0001F600)"), "A\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(str(R"(\ud800)"), "\xED\xA0\x80");
  EXPECT_EQ(str(R"(\N{DEGREE SIGN}\N{greek small letter alpha})"), "\xC2\xB0\xCE\xB1");
  EXPECT_EQ(str(R"(\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG})"),
            "\xE4\xB8\x80\xEA\xB0\x81");
  EXPECT_EQ(str(R"(\d\q)"), R"(\d\q)");  // unknown escapes stay
  EXPECT_EQ(str(R"(\x4)"),
            "error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
            "truncated \\xXX escape");
  EXPECT_EQ(str("\xC3\xA9\\u12"),
            "error: (unicode error) 'unicodeescape' codec can't decode bytes in position 10-13: "
            "truncated \\uXXXX escape");
  EXPECT_EQ(str(R"(\U00110000)"),
            "error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
            "illegal Unicode character");
  EXPECT_EQ(str(R"(\N{NO SUCH NAME})"),
            "error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: "
            "unknown Unicode character name");
  EXPECT_EQ(str(R"(\N)"),
            "error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
            "malformed \\N character escape");
}

TEST(Literals, BytesEscapes) {
  EXPECT_EQ(bytes(R"(\x00\xff\777\n\u1234)"), std::string("\0\xff\xff\n\\u1234", 10));
  EXPECT_EQ(bytes(R"(ab\x4)"), "error: (value error) invalid \\x escape at position 2");
}

// ---------------------------------------------------------------------------------------
// Source decoding and Unicode helpers
// ---------------------------------------------------------------------------------------

TEST(Source, NewlinesAndEncodings) {
  DecodedSource out;
  EXPECT_FALSE(decode_source("a\r\nb\rc", "f", true, false, out));
  EXPECT_EQ(out.text, "a\nb\nc\n");
  EXPECT_FALSE(decode_source("", "f", true, false, out));
  EXPECT_EQ(out.text, "\n");
  EXPECT_FALSE(decode_source("x", "f", false, false, out));
  EXPECT_EQ(out.text, "x");
  EXPECT_FALSE(
      decode_source("#!python\n# vim: fileencoding=latin-1\n'\xE9'", "f", true, false, out));
  EXPECT_EQ(out.text, "#!python\n# vim: fileencoding=latin-1\n'\xC3\xA9'\n");
  // A declaration after a line of code does not count.
  auto err = decode_source("x = 1\n# coding: latin-1\n'\xE9'\n", "f", true, false, out);
  ASSERT_TRUE(err);
  EXPECT_NE(err->msg.find("Non-UTF-8 code starting with '\\xe9'"), std::string::npos);
}

TEST(Unicode, Helpers) {
  EXPECT_EQ(unicode::count_chars("a\xC3\xA9\xF0\x9F\x98\x80"), 3u);
  EXPECT_EQ(unicode::count_chars("\xE2\x82"), 1u);  // a truncated sequence is one U+FFFD
  EXPECT_TRUE(unicode::is_xid_start(U'é'));
  EXPECT_FALSE(unicode::is_xid_start(U'€'));
  EXPECT_TRUE(unicode::is_xid_continue(U'\u0301'));
  EXPECT_FALSE(unicode::is_xid_start(U'\u0301'));
  EXPECT_TRUE(unicode::is_printable(U'é'));
  EXPECT_FALSE(unicode::is_printable(0xA0));
  EXPECT_FALSE(unicode::is_printable(0xD800));
  EXPECT_EQ(unicode::lookup_name("bullet"), U'\u2022');
  EXPECT_FALSE(unicode::lookup_name("NOT A CHARACTER"));
  EXPECT_EQ(error_column("x = é", 6), 5);
  EXPECT_EQ(error_column("ab", 3), 3);
  EXPECT_EQ(error_column("ab", 10), 3);
}

}  // namespace
}  // namespace minipy
