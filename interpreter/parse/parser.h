// The front end's entry point: Python 3.11 source text in, an AST (ast.h) or a SyntaxError
// description out.
#pragma once

#include <memory>
#include <string_view>

#include "lex/syntax_error.h"
#include "parse/ast.h"

namespace minipy {

// CPython's compile() modes.
enum class ParseMode {
  Exec,    // a module: "exec", ast.Module
  Eval,    // one expression: "eval", ast.Expression
  Single,  // one interactive statement: "single", ast.Interactive
};

struct ParseFlags {
  // For the REPL (CPython's PyCF_ALLOW_INCOMPLETE_INPUT): when the input ends in the middle
  // of a statement (open bracket, open block, unterminated triple-quoted string), fail with
  // the message "incomplete input" so the caller can ask for more lines.
  bool allow_incomplete_input = false;
  // The source is the UTF-8 of a str, as for compile(str) and exec(str): no BOM or coding
  // declaration is looked for, and error offsets count characters.  Otherwise the source is
  // a file's bytes, and CPython 3.11 counts error offsets in characters only when the file
  // has a BOM or a coding declaration, in bytes otherwise.
  bool text_input = false;
};

class ParseResult {
 public:
  ParseResult(std::unique_ptr<ast::Arena> arena, ast::ModNode* tree)
      : arena_(std::move(arena)), tree_(tree) {}
  explicit ParseResult(SyntaxErrorInfo error) : error_(std::move(error)) {}

  bool ok() const { return tree_ != nullptr; }
  // Module, Expression or Interactive (by mode); null when !ok().
  ast::ModNode* tree() const { return tree_; }
  // Meaningful when !ok().  Its kind is "SyntaxError", "IndentationError", "TabError", or
  // "MemoryError" (with an empty message) when the nesting is too deep to parse, as CPython
  // 3.11 reports it.
  const SyntaxErrorInfo& error() const { return error_; }
  // Owns every node of tree(); the tree dies with the result.
  ast::Arena* arena() const { return arena_.get(); }

 private:
  std::unique_ptr<ast::Arena> arena_;
  ast::ModNode* tree_ = nullptr;
  SyntaxErrorInfo error_;
};

// Parses `source` (the bytes of a file: BOM and coding declaration are honoured).
// `filename` only goes into error descriptions.
ParseResult parse_source(std::string_view source, std::string_view filename, ParseMode mode,
                         ParseFlags flags = {});

}  // namespace minipy
