#include "cli/repl.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "compile/compiler.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/source_lines.h"
#include "vm/eval.h"

namespace minipy {

namespace {

// True when the SyntaxError for `source` only says the input stopped too early, so the
// prompt should continue with "... " instead of reporting it.
bool is_incomplete_input() {
  if (!error_matches(&exc_SyntaxError)) return false;
  Value exc = error_fetch();
  Value msg = getattr_optional(exc, intern("msg"));
  std::string text = msg && str_check(msg) ? std::string(msg.as<Str>()->view()) : std::string();
  error_clear();
  bool incomplete = text.find("was never closed") != std::string::npos ||
                    text.find("unexpected EOF") != std::string::npos ||
                    text.find("expected an indented block") != std::string::npos ||
                    text.find("unterminated triple-quoted string") != std::string::npos;
  if (!incomplete) error_restore(exc);
  return incomplete;
}

bool ends_block_header(const std::string& line) {
  size_t end = line.find_last_not_of(" \t\r\n");
  return end != std::string::npos && line[end] == ':';
}

void prompt(const char* p) {
  Value out = getattr_cstr(Value(sys_module()), "stdout");
  if (out && call_method_cstr(out, "flush", {})) {
    std::fputs(p, stderr);
    std::fflush(stderr);
  }
  error_clear();
}

}  // namespace

int run_repl(Dict* globals) {
  if (::isatty(0)) {
    std::fprintf(stderr, "Python 3.11.7 (minipy %s) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                 MINIPY_VERSION);
  }
  std::string buffer;
  std::string line;
  bool in_block = false;
  for (;;) {
    prompt(buffer.empty() ? ">>> " : "... ");
    if (!std::getline(std::cin, line)) {
      std::fputc('\n', stderr);
      return 0;
    }
    if (buffer.empty() && line.find_first_not_of(" \t") == std::string::npos) continue;
    // A compound statement ends at the first empty line, as in CPython's prompt.
    bool empty_line = line.find_first_not_of(" \t") == std::string::npos;
    if (!buffer.empty() && in_block && !empty_line) {
      buffer += line + "\n";
      continue;
    }
    if (buffer.empty()) in_block = ends_block_header(line);
    buffer += line + "\n";
    if (in_block && !empty_line) continue;
    remember_source("<stdin>", buffer);
    Value code = compile_source(buffer, "<stdin>", CompileMode::Single);
    if (!code && is_incomplete_input()) continue;
    buffer.clear();
    in_block = false;
    if (!code || !eval_code(code, globals, Value(globals))) {
      int status = handle_system_exit();
      if (status >= 0) return status;
      print_pending_exception();
    }
  }
}

}  // namespace minipy
