// Compiler and VM units: symbol-table scopes, the shape of generated code, compile-time
// SyntaxErrors (message and position), and running compiled code.
#include <gtest/gtest.h>

#include <string>

#include "compile/compiler.h"
#include "compile/symtable.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parse/parser.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "test_support.h"
#include "vm/eval.h"

namespace minipy {
namespace {

class CompilerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_interpreter(); }
  void TearDown() override { error_clear(); }

  // Disassembly of `src` compiled as a module (all nested code objects included), with runs
  // of spaces collapsed so expectations do not depend on column widths.
  static std::string dis(const std::string& src) {
    Value code = compile_source(src, "<test>", CompileMode::Exec);
    if (!code) return "<error>";
    return squeeze(code_disassemble(code.as<Code>(), true));
  }
  static std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == ' ' && !out.empty() && out.back() == ' ') continue;
      out += c;
    }
    return out;
  }

  // "SyntaxError: msg (line N, offset M)" for a source that must not compile.
  static std::string syntax_error(const std::string& src) {
    Value code = compile_source(src, "<test>", CompileMode::Exec);
    if (code) return "<compiled>";
    Value exc = error_fetch();
    Value msg = getattr_cstr(exc, "msg");
    Value line = getattr_cstr(exc, "lineno");
    Value off = getattr_cstr(exc, "offset");
    if (!msg || !line || !off) return "<no attributes>";
    return std::string(type_name(exc)) + ": " + std::string(msg.as<Str>()->view()) + " (line " +
           std::to_string(line.as_small_int()) + ", offset " + std::to_string(off.as_small_int()) + ")";
  }

  // repr(eval(src)), or "!Type: message".
  static std::string eval(const std::string& src, const std::string& setup = "") {
    Dict* globals = dict_new();
    if (!setup.empty()) {
      Value code = compile_source(setup, "<setup>", CompileMode::Exec);
      if (!code || !eval_code(code, globals, Value())) return "!setup failed";
    }
    Value code = compile_source(src, "<test>", CompileMode::Eval);
    Value r = code ? eval_code(code, globals, Value()) : Value();
    if (!r) {
      Value exc = error_fetch();
      Value s = to_str(exc);
      return std::string("!") + type_name(exc) + ": " + (s ? std::string(s.as<Str>()->view()) : "?");
    }
    Value text = repr(r);
    return text ? std::string(text.as<Str>()->view()) : "!repr failed";
  }
};

// ---- symbol tables -----------------------------------------------------------------------------

Scope* child_named(Scope* s, const std::string& name) {
  for (auto& c : s->children) {
    if (c->name == name) return c.get();
  }
  return nullptr;
}

TEST_F(CompilerTest, SymtableResolvesLocalCellFreeGlobal) {
  ParseResult pr = parse_source(
      "g = 1\n"
      "def outer(a):\n"
      "    b = 2\n"
      "    def inner():\n"
      "        global g\n"
      "        return a + b + g + len\n"
      "    return inner\n",
      "<test>", ParseMode::Exec);
  ASSERT_TRUE(pr.ok());
  SymbolTable st;
  st.build(pr.tree());
  Scope* outer = child_named(st.top(), "outer");
  ASSERT_NE(outer, nullptr);
  Scope* inner = child_named(outer, "inner");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(outer->scope_of("a"), NameScope::Cell);
  EXPECT_EQ(outer->scope_of("b"), NameScope::Cell);
  EXPECT_EQ(outer->scope_of("inner"), NameScope::Local);
  EXPECT_EQ(inner->scope_of("a"), NameScope::Free);
  EXPECT_EQ(inner->scope_of("g"), NameScope::GlobalExplicit);
  EXPECT_EQ(inner->scope_of("len"), NameScope::GlobalImplicit);
  EXPECT_EQ(inner->qualname, "outer.<locals>.inner");
  EXPECT_EQ(outer->cellvars, (std::vector<std::string>{"a", "b"}));
}

TEST_F(CompilerTest, SymtableClassScopesAndClassCell) {
  ParseResult pr = parse_source(
      "def f(x):\n"
      "    class C:\n"
      "        y = x\n"
      "        def m(self):\n"
      "            return super().m()\n"
      "        z = [y for _ in range(2)]\n"
      "    return C\n",
      "<test>", ParseMode::Exec);
  ASSERT_TRUE(pr.ok());
  SymbolTable st;
  st.build(pr.tree());
  Scope* f = child_named(st.top(), "f");
  Scope* c = child_named(f, "C");
  Scope* m = child_named(c, "m");
  Scope* comp = child_named(c, "<listcomp>");
  ASSERT_TRUE(f && c && m && comp);
  EXPECT_EQ(f->scope_of("x"), NameScope::Cell);
  EXPECT_EQ(c->scope_of("x"), NameScope::Free);  // read through LOAD_CLASSDEREF
  EXPECT_EQ(c->scope_of("y"), NameScope::Local);
  EXPECT_TRUE(c->needs_class_cell);
  EXPECT_EQ(m->scope_of("__class__"), NameScope::Free);
  // Class-level names are invisible to comprehensions: y is a global there.
  EXPECT_EQ(comp->scope_of("y"), NameScope::GlobalImplicit);
  EXPECT_EQ(m->qualname, "f.<locals>.C.m");
}

// ---- code shape ------------------------------------------------------------------------------------

TEST_F(CompilerTest, FunctionsUseFastLocalsAndCachedGlobals) {
  std::string d = dis("def f(a):\n    b = a + 1\n    return len(b)\n");
  EXPECT_NE(d.find("LOAD_FAST 0 (a)"), std::string::npos) << d;
  EXPECT_NE(d.find("STORE_FAST 1 (b)"), std::string::npos) << d;
  EXPECT_NE(d.find("LOAD_GLOBAL 0 (len)"), std::string::npos) << d;
  EXPECT_NE(d.find("BINARY_OP 0 (+)"), std::string::npos) << d;
}

TEST_F(CompilerTest, ConstantFolding) {
  std::string d = dis("x = 2 * 3 + 1\ny = (1, 2, (3, 'a'))\nz = -5\nw = 1 / 0\n");
  EXPECT_NE(d.find("LOAD_CONST 0 (7)"), std::string::npos) << d;
  EXPECT_NE(d.find("(1, 2, (3, 'a'))"), std::string::npos) << d;
  EXPECT_NE(d.find("(-5)"), std::string::npos) << d;
  // Operations that raise are left for run time.
  EXPECT_NE(d.find("BINARY_OP 4 (/)"), std::string::npos) << d;
}

TEST_F(CompilerTest, TryUsesTheExceptionTable) {
  Value code = compile_source("try:\n    f()\nexcept E:\n    pass\n", "<test>", CompileMode::Exec);
  ASSERT_TRUE(code);
  Code* c = code.as<Code>();
  ASSERT_GE(c->nexception_entries, 2u);
  std::string d = squeeze(code_disassemble(c, false));
  EXPECT_NE(d.find("PUSH_EXC_INFO"), std::string::npos) << d;
  EXPECT_NE(d.find("CHECK_EXC_MATCH"), std::string::npos) << d;
}

TEST_F(CompilerTest, MethodCallsUseLoadMethod) {
  std::string d = dis("o.m(1, k=2)\n");
  EXPECT_NE(d.find("LOAD_METHOD"), std::string::npos) << d;
  EXPECT_NE(d.find("KW_NAMES"), std::string::npos) << d;
  EXPECT_NE(d.find("CALL 2"), std::string::npos) << d;
}

TEST_F(CompilerTest, CodeObjectAttributes) {
  Value code = compile_source("def f(a, b=1, *c, d, **e):\n    'doc'\n    yield a\n", "<test>", CompileMode::Exec);
  ASSERT_TRUE(code);
  Tuple* consts = code.as<Code>()->consts;
  Code* f = nullptr;
  for (int64_t i = 0; i < consts->size; i++) {
    if (code_check((*consts)[i])) f = (*consts)[i].as<Code>();
  }
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->argcount, 2);
  EXPECT_EQ(f->kwonlyargcount, 1);
  EXPECT_EQ(f->nlocals, 5);
  EXPECT_TRUE(f->flags & CO_GENERATOR);
  EXPECT_TRUE(f->flags & CO_VARARGS);
  EXPECT_TRUE(f->flags & CO_VARKEYWORDS);
  EXPECT_EQ(code_line(f, f->ncode - 1), 3);
}

// ---- compile-time errors ---------------------------------------------------------------------------

TEST_F(CompilerTest, CompileTimeSyntaxErrors) {
  EXPECT_EQ(syntax_error("return 1\n"), "SyntaxError: 'return' outside function (line 1, offset 1)");
  EXPECT_EQ(syntax_error("x = 1\nbreak\n"), "SyntaxError: 'break' outside loop (line 2, offset 1)");
  EXPECT_EQ(syntax_error("continue\n"), "SyntaxError: 'continue' not properly in loop (line 1, offset 1)");
  EXPECT_EQ(syntax_error("def f():\n    print(x)\n    global x\n"),
            "SyntaxError: name 'x' is used prior to global declaration (line 3, offset 5)");
  EXPECT_EQ(syntax_error("def f():\n    x = 1\n    global x\n"),
            "SyntaxError: name 'x' is assigned to before global declaration (line 3, offset 5)");
  EXPECT_EQ(syntax_error("def f():\n    nonlocal y\n"), "SyntaxError: no binding for nonlocal 'y' found (line 1, offset 1)");
  EXPECT_EQ(syntax_error("nonlocal z\n"), "SyntaxError: nonlocal declaration not allowed at module level (line 1, offset 1)");
  EXPECT_EQ(syntax_error("yield 1\n"), "SyntaxError: 'yield' outside function (line 1, offset 1)");
  EXPECT_EQ(syntax_error("await x\n"), "SyntaxError: 'await' outside function (line 1, offset 1)");
  EXPECT_EQ(syntax_error("def f():\n    await x\n"), "SyntaxError: 'await' outside async function (line 2, offset 5)");
  EXPECT_EQ(syntax_error("def f():\n    async with x:\n        pass\n"),
            "SyntaxError: 'async with' outside async function (line 2, offset 5)");
  EXPECT_EQ(syntax_error("def f():\n    return [x async for x in y]\n"),
            "SyntaxError: asynchronous comprehension outside of an asynchronous function (line 2, offset 12)");
  std::string nested;
  for (int i = 0; i < 21; i++) nested += std::string(i * 1, ' ') + "while x:\n";
  nested += std::string(21, ' ') + "pass\n";
  EXPECT_EQ(syntax_error(nested), "SyntaxError: too many statically nested blocks (line 21, offset 21)");
}

// ---- running code ------------------------------------------------------------------------------------

TEST_F(CompilerTest, EvaluatesExpressions) {
  EXPECT_EQ(eval("1 + 2 * 3"), "7");
  EXPECT_EQ(eval("[x * x for x in range(5) if x % 2]"), "[1, 9]");
  EXPECT_EQ(eval("(lambda a, *b, c=3, **d: (a, b, c, d))(1, 2, e=5)"), "(1, (2,), 3, {'e': 5})");
  EXPECT_EQ(eval("f'{1+1:>3}|{\"s\"!r}'"), "\"  2|'s'\"");
  EXPECT_EQ(eval("1 < 2 < 3 > 2"), "True");
  EXPECT_EQ(eval("undefined"), "!NameError: name 'undefined' is not defined");
  EXPECT_EQ(eval("f(1, 2)", "def f(a):\n    return a\n"), "!TypeError: f() takes 1 positional argument but 2 were given");
  EXPECT_EQ(eval("list(g())", "def g():\n    yield 1\n    yield from (2, 3)\n"), "[1, 2, 3]");
}

TEST_F(CompilerTest, RecursionLimitRaises) {
  EXPECT_EQ(eval("f(0)", "def f(n):\n    return f(n + 1)\n"), "!RecursionError: maximum recursion depth exceeded");
  // The interpreter is usable afterwards.
  EXPECT_EQ(eval("f(5)", "def f(n):\n    return n if n > 100 else f(n + 1)\n"), "101");
}

}  // namespace
}  // namespace minipy
