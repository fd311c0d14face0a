#include "compile/compiler.h"

#include "compile/codegen.h"
#include "compile/symtable.h"
#include "lex/syntax_error.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parse/parser.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"

namespace minipy {

namespace {

// Raises SyntaxError (or IndentationError/TabError) built from the front end's description.
Value raise_syntax_error(const SyntaxErrorInfo& info) {
  Type* type = info.kind == "IndentationError" ? &exc_IndentationError
               : info.kind == "TabError"       ? &exc_TabError
                                               : &exc_SyntaxError;
  auto opt_int = [](int v) { return v ? Value::small_int(v) : none_value(); };
  Value text = info.text.empty() && info.lineno == 0 ? none_value() : Value(str_new(info.text));
  Tuple* details = tuple_of({str_new(info.filename), opt_int(info.lineno), Value::small_int(info.offset), text,
                             opt_int(info.end_lineno), Value::small_int(info.end_offset)});
  Value args[2] = {str_new(info.msg), details};
  Value exc = call(Value(type), args, 2);
  if (!exc) return Value();
  return raise_value(exc);
}

std::string source_line(std::string_view source, int lineno) {
  size_t start = 0;
  for (int line = 1; line < lineno; line++) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return "";
    start = nl + 1;
  }
  size_t end = source.find('\n', start);
  return std::string(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1));
}

}  // namespace

Value compile_source(std::string_view source, std::string_view filename, CompileMode mode) {
  ParseMode pm = mode == CompileMode::Eval ? ParseMode::Eval : mode == CompileMode::Single ? ParseMode::Single : ParseMode::Exec;
  ParseResult parsed = parse_source(source, filename, pm);
  if (!parsed.ok()) return raise_syntax_error(parsed.error());
  try {
    SymbolTable symbols;
    symbols.build(parsed.tree());
    return codegen_module(parsed.tree(), symbols, filename, source, mode);
  } catch (const CompileError& e) {
    SyntaxErrorInfo info;
    info.kind = "SyntaxError";
    info.msg = e.msg;
    info.filename = std::string(filename);
    info.lineno = e.lineno;
    if (e.lineno > 0) {
      info.text = source_line(source, e.lineno);
      info.offset = error_column(info.text, e.col_offset + 1);
      info.end_lineno = e.end_lineno;
      std::string end_text = e.end_lineno == e.lineno ? info.text : source_line(source, e.end_lineno);
      info.end_offset = e.end_lineno > 0 ? error_column(end_text, e.end_col_offset + 1) : 0;
    }
    return raise_syntax_error(info);
  }
}

}  // namespace minipy
