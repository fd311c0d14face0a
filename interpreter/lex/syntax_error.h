// The description of a SyntaxError (or its subclasses IndentationError and TabError) that the
// front end reports.  Fields mean what the attributes of CPython's SyntaxError mean, so the
// runtime can build the exception object field by field.
#pragma once

#include <string>
#include <string_view>

namespace minipy {

struct SyntaxErrorInfo {
  std::string kind;      // "SyntaxError", "IndentationError" or "TabError"
  std::string msg;       // CPython 3.11's wording
  std::string filename;
  // 1-based line; 0 when the error has no location (CPython's None), e.g. a bad encoding.
  int lineno = 0;
  // 1-based column in characters (code points), as SyntaxError.offset; 0 or -1 where
  // CPython reports those.
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;      // the source line, with its '\n' when CPython keeps it
};

// CPython's conversion of a 1-based byte column into SyntaxError.offset: the number of
// characters in the first `byte_col` bytes of the error line, where a column one past the
// end counts the line's terminating NUL as one more character.
int error_column(std::string_view line, int byte_col);

}  // namespace minipy
