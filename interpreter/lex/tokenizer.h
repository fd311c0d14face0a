// The tokenizer: bytes of decoded source in, CPython tokens out, one at a time.
//
// It mirrors the structure of CPython's C tokenizer on purpose: the parser pulls tokens
// lazily, and the state the tokenizer is in when an error surfaces (current line, cursor,
// bracket stack) decides the line, offset and text CPython reports.  Reading is line by
// line: the cursor only enters the next line when a character of it is asked for, exactly
// when CPython's buffer would be refilled.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lex/syntax_error.h"
#include "lex/token.h"

namespace minipy {

enum class TokenizerErrorKind {
  // Errors CPython's tokenizer raises on the spot (unterminated string, invalid character,
  // bad number, bracket mismatch...).  After a parser error these still win when they occur
  // later in the file.
  Raised,
  // End of input inside brackets or after a line continuation.
  Eof,
  // Errors CPython's parser raises only when it reaches the token: bad dedent, tabs/spaces
  // mix, too deep indentation, stray character after '\'.
  Dedent,
  TabSpace,
  TooDeep,
  LineContinuation,
};

struct TokenizerError {
  TokenizerErrorKind kind = TokenizerErrorKind::Raised;
  SyntaxErrorInfo info;
};

class Tokenizer {
 public:
  // `text` must stay alive as long as the tokenizer and its tokens.  Lines are numbered
  // from `first_lineno` (f-string expressions are tokenized on their own, in place).
  Tokenizer(std::string_view text, std::string_view filename, int first_lineno = 1);

  // The next token.  After an error every call returns a token of kind Error and error()
  // describes the first error.
  Token next();

  bool failed() const { return failed_; }
  const TokenizerError& error() const { return error_; }

  // True once end of input has been read (CPython's E_EOF state).
  bool reached_eof() const { return eof_; }
  // Line the tokenizer is on and its cursor, in the sense of CPython's tok->lineno and
  // tok->cur - tok->line_start (in characters).
  int lineno() const { return lineno_; }
  int cursor_column_chars() const;
  int cursor_column_bytes() const { return static_cast<int>(cur_ - line_start_); }
  bool cursor_at_buffer_start() const { return cur_ == buf_; }
  // Bytes from the cursor to the end of the source (for "multiple statements" checks).
  std::string_view rest() const { return text_.substr(cur_); }
  // Bracket nesting and the innermost open bracket.
  int level() const { return static_cast<int>(parens_.size()); }
  int innermost_paren_lineno() const { return parens_.back().lineno; }

  // The text CPython attaches to an error the parser raises on `lineno`: the tokenizer's
  // current line with its newline when the error is on it, else the source line without.
  std::string error_line_text(int lineno) const;
  // Source line `lineno` (1-based) without its newline; "" when out of range.
  std::string_view source_line(int lineno) const;

  // Whether the offsets of errors the parser reports from the tokenizer's state count
  // characters (CPython does when it knows the source's encoding) or bytes.
  void set_character_offsets(bool on) { char_offsets_ = on; }

  // Interactive input: the first ENDMARKER counts as a NEWLINE and closes open blocks.
  void imply_dedents();

  // The SyntaxError for the innermost unclosed bracket ("'(' was never closed").
  SyntaxErrorInfo unclosed_paren_error() const;

 private:
  static constexpr int kEof = -1;
  struct Paren {
    char ch;
    int lineno;
    int col;  // byte column
  };

  int nextc();
  void backup(int c);
  bool lookahead(std::string_view rest);

  Token make(TokenKind kind, std::size_t start, std::size_t end);
  Token make_without_columns(TokenKind kind);
  Token fail_raised(const std::string& msg);
  Token fail_raised_at(const std::string& msg, int col, int end_col);
  Token fail(TokenizerErrorKind kind, std::string kind_name, const std::string& msg, int offset,
             int end_offset);
  Token error_token();

  bool compute_indentation(Token& out);  // false: nothing to return yet
  bool continuation_line(Token& out);
  Token number(int c);
  Token fraction(int c);
  Token exponent_and_suffix(int c);
  Token string_literal(std::size_t quote_pos);
  bool decimal_tail(int& c);
  bool verify_end_of_number(int c, const char* kind);
  bool verify_identifier();
  SyntaxErrorInfo info_here(std::string kind, const std::string& msg, int offset,
                            int end_offset) const;
  int parser_column(std::string_view line, int byte_col) const {
    return char_offsets_ ? error_column(line, byte_col) : byte_col;
  }

  std::string_view text_;
  std::string filename_;
  std::vector<std::size_t> line_starts_;  // byte offset of each line, for source_line()
  int first_lineno_of_text_ = 1;
  std::size_t cur_ = 0;         // next byte to read
  std::size_t inp_ = 0;         // end of the current line (after its '\n')
  std::size_t line_start_ = 0;  // start of the current line
  // Start of the line the current token began on: CPython keeps the buffer of a token that
  // spans lines (continuation, triple-quoted string), and error texts show all of it.
  std::size_t buf_ = 0;
  bool in_token_ = false;       // a token has started (CPython's tok->start != NULL)
  int lineno_ = 0;
  std::size_t start_ = 0;       // start of the token being read
  std::size_t multi_line_start_ = 0;  // line start of the first line of a string token
  int first_lineno_ = 0;        // line of the first line of a string token
  bool eof_ = false;
  bool at_bol_ = true;
  bool blankline_ = false;
  int pendin_ = 0;              // pending INDENT (>0) or DEDENT (<0) tokens
  std::vector<int> indstack_{0};     // indentation columns, tabs to multiples of 8
  std::vector<int> altindstack_{0};  // the same with tabs counting 1, to detect ambiguity
  std::vector<Paren> parens_;
  bool char_offsets_ = true;
  bool failed_ = false;
  TokenizerError error_;
};

}  // namespace minipy
