// Parser tests.  Most expectations come from CPython 3.11 (tests/unit/parser_cases/regen.py):
// the AST dump with positions of every valid case, and kind, message, line, offsets and text
// of every SyntaxError case.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parse/ast_dump.h"
#include "parse/parser.h"

namespace minipy {
namespace {

namespace fs = std::filesystem;

fs::path cases_dir() { return fs::path(__FILE__).parent_path() / "parser_cases"; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Inverse of regen.py's escape().
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'x':
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
        break;
      default: out += c; break;
    }
  }
  return out;
}

struct Case {
  ParseMode mode;
  ParseFlags flags;
  std::string source;
  std::string expected;
};

std::vector<Case> read_cases(const std::string& name) {
  std::ifstream in(cases_dir() / name);
  std::vector<Case> cases;
  std::string header, source, expected;
  while (std::getline(in, header) && std::getline(in, source) && std::getline(in, expected)) {
    std::string mode = header.substr(3);
    ParseFlags flags;
    const std::string text_suffix = "_text";
    if (mode.size() > text_suffix.size() &&
        mode.compare(mode.size() - text_suffix.size(), text_suffix.size(), text_suffix) == 0) {
      flags.text_input = true;
      mode.resize(mode.size() - text_suffix.size());
    }
    cases.push_back({mode == "eval"     ? ParseMode::Eval
                     : mode == "single" ? ParseMode::Single
                                        : ParseMode::Exec,
                     flags, unescape(source), unescape(expected)});
  }
  return cases;
}

// What regen.py's outcome() prints.
std::string outcome(const ParseResult& r) {
  if (r.ok()) return ast_dump(r.tree(), true);
  const SyntaxErrorInfo& e = r.error();
  return e.kind + "|" + e.msg + "|" + std::to_string(e.lineno) + "|" + std::to_string(e.offset) +
         "|" + std::to_string(e.end_lineno) + "|" + std::to_string(e.end_offset) + "|" + e.text;
}

std::uint64_t fnv1a64(const std::string& s) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

ParseResult parse(std::string_view src, ParseMode mode = ParseMode::Exec, ParseFlags flags = {}) {
  return parse_source(src, "<test>", mode, flags);
}

std::string dump(std::string_view src, ParseMode mode = ParseMode::Exec) {
  ParseResult r = parse(src, mode);
  return r.ok() ? ast_dump(r.tree()) : "error: " + r.error().msg;
}

// ---------------------------------------------------------------------------------------
// Corpora generated from CPython
// ---------------------------------------------------------------------------------------

TEST(ParserCorpus, ValidProgramsDumpLikeCPython) {
  std::vector<Case> cases = read_cases("valid.expected");
  ASSERT_GT(cases.size(), 100u);
  for (const Case& c : cases) {
    EXPECT_EQ(outcome(parse(c.source, c.mode, c.flags)), c.expected) << "source:\n" << c.source;
  }
}

TEST(ParserCorpus, SyntaxErrorsMatchCPython) {
  std::vector<Case> cases = read_cases("syntax_errors.expected");
  ASSERT_GT(cases.size(), 300u);
  for (const Case& c : cases) {
    EXPECT_EQ(outcome(parse(c.source, c.mode, c.flags)), c.expected) << "source:\n" << c.source;
  }
}

TEST(ParserCorpus, SamplesDumpLikeCPython) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(cases_dir() / "samples")) {
    if (entry.path().extension() != ".py") continue;
    fs::path expected = entry.path();
    expected.replace_extension(".dump");
    std::string want = read_file(expected);
    if (!want.empty() && want.back() == '\n') want.pop_back();
    EXPECT_EQ(outcome(parse(read_file(entry.path()))), want) << entry.path();
    ++n;
  }
  EXPECT_GT(n, 0);
}

// The conformance scripts live in shared/ next to the repository; only hashes of CPython's
// dumps are committed.  On a mismatch the dump is written next to the build for diffing
// against `python3 -c "import ast; print(ast.dump(ast.parse(open(F).read()),
// include_attributes=True))"`.
TEST(ParserCorpus, ConformanceScriptsDumpLikeCPython) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("MINIPY_CONFORMANCE_DIR")) candidates.emplace_back(env);
  candidates.push_back(fs::path(__FILE__).parent_path() / ".." / ".." / ".." / "shared" /
                       "conformance");
  candidates.emplace_back("/work/shared/conformance");
  fs::path dir;
  for (const fs::path& c : candidates) {
    if (fs::is_directory(c)) {
      dir = c;
      break;
    }
  }
  if (dir.empty()) GTEST_SKIP() << "conformance corpus not found (set MINIPY_CONFORMANCE_DIR)";
  std::ifstream in(cases_dir() / "conformance.expected");
  std::string rel, hash;
  int checked = 0;
  while (in >> rel >> hash) {
    fs::path path = dir / rel;
    if (!fs::exists(path)) continue;  // the corpus may lose scripts; those are not ours
    std::string got = outcome(parse(read_file(path)));
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a64(got)));
    if (hash != buf) {
      fs::path out = fs::temp_directory_path() / ("minipy_dump_" + path.filename().string());
      std::ofstream(out) << got << "\n";
      ADD_FAILURE() << rel << ": dump differs from CPython's; ours is in " << out;
    }
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

// ---------------------------------------------------------------------------------------
// The tree and its values
// ---------------------------------------------------------------------------------------

TEST(Parser, ModesBuildTheirRootNode) {
  ParseResult exec = parse("x = 1\n");
  ASSERT_TRUE(exec.ok());
  EXPECT_EQ(exec.tree()->kind, ast::Kind::Module);
  ParseResult eval = parse("x + 1", ParseMode::Eval);
  ASSERT_TRUE(eval.ok());
  EXPECT_EQ(eval.tree()->kind, ast::Kind::Expression);
  ParseResult single = parse("x = 1", ParseMode::Single);
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single.tree()->kind, ast::Kind::Interactive);
}

const ast::ConstantValue& constant_of(const ParseResult& r) {
  const auto* e = ast::cast<ast::Expression>(r.tree());
  return ast::cast<ast::Constant>(e->body)->value;
}

TEST(Parser, IntegerConstants) {
  ParseResult small = parse("9223372036854775807", ParseMode::Eval);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(constant_of(small).kind, ast::ConstantValue::Kind::Int);
  EXPECT_FALSE(constant_of(small).is_big_int());
  EXPECT_EQ(constant_of(small).int_value, INT64_MAX);

  ParseResult big = parse("9_223_372_036_854_775_808", ParseMode::Eval);
  ASSERT_TRUE(big.ok());
  EXPECT_TRUE(constant_of(big).is_big_int());
  EXPECT_EQ(constant_of(big).str, "9223372036854775808");

  ParseResult hex = parse("0x1_0000_0000_0000_0000", ParseMode::Eval);
  ASSERT_TRUE(hex.ok());
  EXPECT_EQ(constant_of(hex).str, "18446744073709551616");

  ParseResult zeros = parse("0_000", ParseMode::Eval);
  ASSERT_TRUE(zeros.ok());
  EXPECT_EQ(constant_of(zeros).int_value, 0);
}

TEST(Parser, FloatAndImaginaryConstants) {
  ParseResult f = parse("1_0.2_5e-1", ParseMode::Eval);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(constant_of(f).kind, ast::ConstantValue::Kind::Float);
  EXPECT_DOUBLE_EQ(constant_of(f).float_value, 1.025);
  ParseResult inf = parse("1e400", ParseMode::Eval);
  ASSERT_TRUE(inf.ok());
  EXPECT_TRUE(std::isinf(constant_of(inf).float_value));
  ParseResult j = parse("2.5J", ParseMode::Eval);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(constant_of(j).kind, ast::ConstantValue::Kind::Imag);
  EXPECT_DOUBLE_EQ(constant_of(j).float_value, 2.5);
}

TEST(Parser, StringConstantsAreUtf8WithGeneralizedSurrogates) {
  ParseResult r = parse(R"("\ud800" 'é' "\x00")", ParseMode::Eval);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(constant_of(r).kind, ast::ConstantValue::Kind::Str);
  EXPECT_EQ(constant_of(r).str, std::string("\xED\xA0\x80\xC3\xA9\0", 6));
  ParseResult b = parse(R"(b'\xff' rb"\n")", ParseMode::Eval);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(constant_of(b).kind, ast::ConstantValue::Kind::Bytes);
  EXPECT_EQ(constant_of(b).str, "\xff\\n");
}

TEST(Parser, NodesCarryPositions) {
  ParseResult r = parse("if x:\n    y = 'é' + z\n");
  ASSERT_TRUE(r.ok());
  const auto* mod = ast::cast<ast::Module>(r.tree());
  const auto* if_ = ast::cast<ast::If>(mod->body[0]);
  EXPECT_EQ(if_->lineno, 1);
  EXPECT_EQ(if_->end_lineno, 2);
  const auto* assign = ast::cast<ast::Assign>(if_->body[0]);
  const auto* binop = ast::cast<ast::BinOp>(assign->value);
  // Columns are UTF-8 byte offsets, as in CPython.
  EXPECT_EQ(binop->col_offset, 8);
  EXPECT_EQ(binop->right->col_offset, 15);
  EXPECT_EQ(binop->end_col_offset, 16);
  EXPECT_EQ(ast::dyn_cast<ast::Name>(binop->left), nullptr);
}

TEST(Parser, DumpFormatIsCPythons) {
  EXPECT_EQ(dump("f(a, *b, k=1, **c)\n"),
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', "
            "ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], "
            "keywords=[keyword(arg='k', value=Constant(value=1)), keyword(value=Name(id='c', "
            "ctx=Load()))]))], type_ignores=[])");
  EXPECT_EQ(dump("1e16, 1e-5, 0.1, 2j, 1e400j, \"'\", b'\\x00\\x7f\"'", ParseMode::Eval),
            "Expression(body=Tuple(elts=[Constant(value=1e+16), Constant(value=1e-05), "
            "Constant(value=0.1), Constant(value=2j), Constant(value=infj), "
            "Constant(value=\"'\"), Constant(value=b'\\x00\\x7f\"')], ctx=Load()))");
  EXPECT_EQ(dump("u'x'", ParseMode::Eval), "Expression(body=Constant(value='x', kind='u'))");
}

TEST(Parser, ArenaOwnsTheTreeAfterMoves) {
  ParseResult r = parse("def f(a, b=2):\n    return [a * b for _ in range(3)]\n");
  ASSERT_TRUE(r.ok());
  std::string before = ast_dump(r.tree(), true);
  ParseResult moved = std::move(r);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(ast_dump(moved.tree(), true), before);
  EXPECT_NE(moved.arena(), nullptr);
}

// ---------------------------------------------------------------------------------------
// What minipy decides on its own
// ---------------------------------------------------------------------------------------

TEST(ParserErrors, MatchIsRejectedCleanly) {
  ParseResult m = parse("match command:\n    case 1:\n        pass\n");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, "SyntaxError");
  EXPECT_EQ(m.error().msg, "'match' statements are not supported by minipy");
  EXPECT_EQ(m.error().lineno, 1);
  EXPECT_EQ(m.error().offset, 1);
  // `match` stays an ordinary name.
  EXPECT_TRUE(parse("match = re.match(p, s)\nmatch(x)\nmatch[0]\nmatch.group(1)\n").ok());
}

TEST(ParserErrors, ExceptStar) {
  // ast.dump() of CPython 3.11.
  EXPECT_EQ(dump("try:\n    pass\nexcept* ValueError as e:\n    pass\n"),
            "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='ValueError', ctx=Load()), "
            "name='e', body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])");
  ParseResult bare = parse("try:\n    pass\nexcept*:\n    pass\n");
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.error().msg, "expected one or more exception types");
  EXPECT_EQ(bare.error().lineno, 3);
  EXPECT_EQ(bare.error().offset, 8);
  ParseResult mixed = parse("try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n");
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.error().msg, "cannot have both 'except' and 'except*' on the same 'try'");
  EXPECT_EQ(mixed.error().lineno, 5);
  EXPECT_EQ(mixed.error().offset, 1);
  EXPECT_EQ(mixed.error().end_offset, 8);
}

TEST(ParserErrors, SourceDecoding) {
  EXPECT_TRUE(parse("\xEF\xBB\xBFx = 1\n").ok());
  ParseResult latin = parse("# -*- coding: latin-1 -*-\nx = '\xE9'\n");
  ASSERT_TRUE(latin.ok());
  ParseResult bad = parse("x = 1\ny = '\xff'\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().msg,
            "Non-UTF-8 code starting with '\\xff' in file <test> on line 2, but no encoding "
            "declared; see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(bad.error().lineno, 0);
  ParseResult unknown = parse("# coding: klingon\nx = 1\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().msg, "encoding problem: klingon");
  ParseResult bom = parse("\xEF\xBB\xBF# coding: latin-1\nx = 1\n");
  ASSERT_FALSE(bom.ok());
  EXPECT_EQ(bom.error().msg, "encoding problem: iso-8859-1 with BOM");
  ParseResult nul = parse(std::string_view("x = 1\n\0\n", 8));
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.error().msg, "source code cannot contain null bytes");
  EXPECT_EQ(nul.error().lineno, 2);
}

TEST(ParserErrors, DeepNestingFailsWithoutCrashing) {
  ParseResult unary = parse(std::string(100000, '-') + "1");
  ASSERT_FALSE(unary.ok());
  EXPECT_EQ(unary.error().kind, "MemoryError");
  ParseResult nots = parse([] {
    std::string s;
    for (int i = 0; i < 50000; ++i) s += "not ";
    return s + "x";
  }());
  ASSERT_FALSE(nots.ok());
  EXPECT_EQ(nots.error().kind, "MemoryError");
  ParseResult lambdas = parse([] {
    std::string s;
    for (int i = 0; i < 50000; ++i) s += "lambda:";
    return s + "0";
  }());
  EXPECT_FALSE(lambdas.ok());
  ParseResult parens = parse(std::string(100000, '(') + std::string(100000, ')'));
  ASSERT_FALSE(parens.ok());
  EXPECT_EQ(parens.error().msg, "too many nested parentheses");
  // An f-string's expression continues the nesting count of its surroundings.
  ParseResult fstring = parse(std::string(2000, '-') + "f'{" + std::string(2000, '-') + "1}'");
  ASSERT_FALSE(fstring.ok());
  EXPECT_EQ(fstring.error().kind, "MemoryError");
  // Long flat chains build deep trees without recursion in the parser; the dumper stops
  // descending past its limit instead of overflowing the stack.
  std::string chain = "x";
  for (int i = 0; i < 20000; ++i) chain += " + x";
  ParseResult deep = parse(chain);
  ASSERT_TRUE(deep.ok());
  EXPECT_NE(ast_dump(deep.tree()).find("..."), std::string::npos);
}

TEST(ParserErrors, IncompleteInputForTheRepl) {
  ParseFlags repl;
  repl.allow_incomplete_input = true;
  for (const char* src : {"if x:\n", "x = (1,\n", "s = '''abc\n", "x = 1 + \\\n"}) {
    ParseResult r = parse(src, ParseMode::Single, repl);
    ASSERT_FALSE(r.ok()) << src;
    EXPECT_EQ(r.error().msg, "incomplete input") << src;
  }
  EXPECT_TRUE(parse("def f():\n    return 1\n", ParseMode::Single, repl).ok());
  ParseResult wrong = parse("1 +\n", ParseMode::Single, repl);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().msg, "invalid syntax");
  ParseResult unterminated = parse("'abc\n", ParseMode::Single, repl);
  ASSERT_FALSE(unterminated.ok());
  EXPECT_EQ(unterminated.error().msg, "unterminated string literal (detected at line 1)");
}

TEST(ParserErrors, FileNameIsReported) {
  ParseResult r = parse_source("x = = 1\n", "prog.py", ParseMode::Exec);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().filename, "prog.py");
}

// A large file parses in linear time; this is a smoke test, not a timing assertion.
TEST(Parser, LargeFile) {
  std::string src;
  for (int i = 0; i < 2000; ++i) {
    src += "def f" + std::to_string(i) + "(a, b=1, *c, **d):\n";
    src += "    x = [a + b * i for i in range(10) if i % 2]\n";
    src += "    return f'{x!r:>10}' if x else {'k': (a, b)}\n\n";
  }
  ParseResult r = parse(src);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ast::cast<ast::Module>(r.tree())->body.size(), 2000u);
}

}  // namespace
}  // namespace minipy
