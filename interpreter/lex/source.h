// Turning the bytes of a source file into the text the tokenizer reads: BOM and PEP 263
// coding declaration, decoding to UTF-8, universal newlines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lex/syntax_error.h"

namespace minipy {

struct DecodedSource {
  std::string text;               // UTF-8, every line ending is '\n'
  bool declared_encoding = false;  // a BOM or a coding declaration was found
};

// Decodes `raw` the way CPython reads a source file: a UTF-8 BOM is dropped, a coding
// declaration on line 1 or 2 selects the encoding (utf-8, latin-1 and ascii are supported),
// "\r\n" and "\r" become "\n", and when `append_newline` (file input) a final '\n' is added
// if missing.  `text_input`: `raw` is the UTF-8 of a str (compile(str)), so BOM and coding
// declaration mean nothing.  Errors (invalid UTF-8, unknown encoding, NUL bytes) use the
// messages CPython gives when it runs a file.
std::optional<SyntaxErrorInfo> decode_source(std::string_view raw, std::string_view filename,
                                             bool append_newline, bool text_input,
                                             DecodedSource& out);

}  // namespace minipy
