// The parser's driver: token buffer, the two passes, error construction, and the public
// parse_source().  Grammar rules live in parser_stmt.cpp, parser_expr.cpp and
// parser_strings.cpp.
#include "parse/parser.h"

#include "lex/source.h"
#include "parse/parser_impl.h"

namespace minipy {

namespace parser_detail {

namespace {

// CPython's parser gives up with MemoryError past 6000 rule levels; a unary operator costs
// it two levels.  Counting one per recursive rule here gives about the same nesting limit.
constexpr int kMaxDepth = 2990;

bool is_whitespace_token(TokenKind k) {
  return k == TokenKind::Newline || k == TokenKind::Indent || k == TokenKind::Dedent ||
         k == TokenKind::EndMarker;
}

}  // namespace

Parser::Parser(Tokenizer& tok, ast::Arena& arena, StartRule rule, ParseFlags flags,
               std::string filename, FStringOrigin origin)
    : tok_(tok), arena_(arena), rule_(rule), flags_(flags), filename_(std::move(filename)),
      origin_(origin) {}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

void Parser::fill() {
  Token t = tok_.next();
  if (t.kind == TokenKind::Error) {
    tokens_.push_back(t);
    const TokenizerError& err = tok_.error();
    Failure f{err.info, true};
    throw f;
  }
  if (rule_ == StartRule::Interactive) {
    // The end of interactive input ends the statement: the first ENDMARKER acts as a
    // NEWLINE and closes all open blocks (CPython's _PyPegen_fill_token).
    if (t.kind == TokenKind::EndMarker && parsing_started_) {
      t.kind = TokenKind::Newline;
      parsing_started_ = false;
      tok_.imply_dedents();
    } else {
      parsing_started_ = true;
    }
  }
  if (rule_ == StartRule::FString && tok_.lineno() == origin_.lineno) {
    // Tokens of an f-string expression's first line sit right of the f-string's start.
    t.col_offset += origin_.col_offset;
    t.end_col_offset += origin_.col_offset;
  }
  tokens_.push_back(t);
}

const Token& Parser::peek(std::size_t ahead) {
  while (pos_ + ahead >= tokens_.size()) fill();
  return tokens_[pos_ + ahead];
}

const Token& Parser::advance() {
  const Token& t = peek();
  ++pos_;
  return t;
}

bool Parser::accept(TokenKind k) {
  if (!at(k)) return false;
  ++pos_;
  return true;
}

const Token& Parser::expect(TokenKind k) {
  if (!at(k)) fail();
  return advance();
}

const Token& Parser::expect_forced(TokenKind k, const char* spelling) {
  if (!at(k)) raise_known(peek(), std::string("expected '") + spelling + "'");
  return advance();
}

const Token& Parser::last_significant() {
  for (std::size_t m = pos_; m-- > 0;) {
    if (!is_whitespace_token(tokens_[m].kind)) return tokens_[m];
  }
  return tokens_[0];
}

void Parser::enter() {
  if (++depth_ > kMaxDepth) {
    SyntaxErrorInfo info;
    info.kind = "MemoryError";
    info.filename = filename_;
    throw Failure{info, true};
  }
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

// CPython's _PyPegen_raise_error_known_location.  `col1` and `end_col1` are 1-based byte
// columns (0 or negative where CPython passes those through).
SyntaxErrorInfo Parser::make_error(const char* kind, std::string msg, int lineno, int col1,
                                   int end_lineno, int end_col1) {
  SyntaxErrorInfo e;
  e.kind = kind;
  e.filename = filename_;
  e.lineno = lineno;
  e.end_lineno = end_lineno;
  e.text = tok_.error_line_text(lineno);
  if (rule_ == StartRule::FString) {
    // Errors in an f-string expression are reported against the "(expr)" text CPython
    // parses; its columns are bytes, shifted back by the expression's start.
    e.msg = "f-string: " + msg;
    e.offset = col1 - origin_.col_offset;
    e.end_offset = end_col1 - origin_.col_offset;
  } else {
    e.msg = std::move(msg);
    e.offset = char_offsets_ ? error_column(e.text, col1) : col1;
    e.end_offset = char_offsets_ && end_col1 > 0 ? error_column(e.text, end_col1) : end_col1;
  }
  return e;
}

void Parser::finish_with(SyntaxErrorInfo info) { throw Failure{std::move(info), false}; }

// CPython's RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the furthest token fetched.  A
// token without columns (INDENT, DEDENT, ENDMARKER) takes the tokenizer's cursor column.
void Parser::raise_at_last_token(std::string msg, const char* kind) {
  const Token& t = tokens_.back();
  int col;
  if (t.col_offset < 0) {
    col = tok_.cursor_at_buffer_start() ? 0 : tok_.cursor_column_bytes();
  } else {
    col = t.col_offset + 1;
  }
  int end_col = t.end_col_offset < 0 ? -1 : t.end_col_offset + 1;
  finish_with(make_error(kind, std::move(msg), t.lineno, col, t.end_lineno, end_col));
}

void Parser::raise_indentation(std::string msg) {
  raise_at_last_token(std::move(msg), "IndentationError");
}

void Parser::raise_known(const ast::Node* a, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a->lineno, a->col_offset + 1,
                         a->end_lineno, a->end_col_offset + 1));
}

void Parser::raise_known(const Token& a, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a.lineno, a.col_offset + 1, a.end_lineno,
                         a.end_col_offset + 1));
}

void Parser::raise_range(const ast::Node* a, const ast::Node* b, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a->lineno, a->col_offset + 1,
                         b->end_lineno, b->end_col_offset + 1));
}

void Parser::raise_range(const Token& a, const ast::Node* b, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a.lineno, a.col_offset + 1,
                         b->end_lineno, b->end_col_offset + 1));
}

void Parser::raise_range(const ast::Node* a, const Token& b, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a->lineno, a->col_offset + 1,
                         b.end_lineno, b.end_col_offset + 1));
}

void Parser::raise_range(const Token& a, const Token& b, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a.lineno, a.col_offset + 1, b.end_lineno,
                         b.end_col_offset + 1));
}

// RAISE_SYNTAX_ERROR_STARTING_FROM: from `a` to wherever the tokenizer stands.
void Parser::raise_starting_from(const ast::Node* a, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a->lineno, a->col_offset + 1,
                         tok_.lineno(), tok_.cursor_column_bytes()));
}

void Parser::raise_starting_from(const Token& a, std::string msg) {
  finish_with(make_error("SyntaxError", std::move(msg), a.lineno, a.col_offset + 1,
                         tok_.lineno(), tok_.cursor_column_bytes()));
}

// After a parser error, CPython tokenizes the rest of the input: an error the tokenizer
// raises there wins, and so does an unclosed bracket opened before the error's line.
std::optional<SyntaxErrorInfo> Parser::check_rest_for_tokenizer_errors(int error_lineno) {
  if (tok_.failed()) return std::nullopt;
  for (;;) {
    Token t = tok_.next();
    if (t.kind == TokenKind::EndMarker) return std::nullopt;
    if (t.kind != TokenKind::Error) continue;
    const TokenizerError& err = tok_.error();
    if (err.kind == TokenizerErrorKind::Raised) return err.info;
    if (err.kind == TokenizerErrorKind::Eof && tok_.level() > 0 &&
        error_lineno > tok_.innermost_paren_lineno()) {
      return err.info;
    }
    return std::nullopt;
  }
}

// ---------------------------------------------------------------------------------------
// The two passes
// ---------------------------------------------------------------------------------------

ast::Node* Parser::parse_start() {
  switch (rule_) {
    case StartRule::File: return file();
    case StartRule::Eval: return eval();
    case StartRule::Interactive: return interactive();
    case StartRule::FString:
      // The expression arrives as "(expr)", balanced, so one star_expressions is all of it.
      return star_expressions();
  }
  return nullptr;
}

ast::Node* Parser::run() {
  auto incomplete = [&]() -> bool {
    return flags_.allow_incomplete_input && rule_ != StartRule::FString && tok_.reached_eof();
  };
  auto fail_incomplete = [&]() { raise_at_last_token("incomplete input"); };
  // A specific error: keep it unless the rest of the input has a tokenizer error.
  auto specific = [&](Failure& f) {
    if (!f.from_tokenizer) {
      int line = tokens_.empty() ? 0 : tokens_.back().lineno;
      if (auto later = check_rest_for_tokenizer_errors(line)) f.info = *later;
    }
    throw f;
  };

  try {
    return parse_start();
  } catch (Backtrack&) {
    if (incomplete()) fail_incomplete();
  } catch (Failure& f) {
    if (incomplete()) fail_incomplete();
    if (f.from_tokenizer) throw;
    specific(f);
  }

  // Pass 2, for the specific message.
  Token last = tokens_.back();
  pos_ = 0;
  depth_ = base_depth_;
  diag_ = true;
  try {
    parse_start();
  } catch (Backtrack&) {
  } catch (Failure& f) {
    if (f.from_tokenizer) throw;
    specific(f);
  }

  // Generic error at the furthest token of pass 1.
  if (last.kind == TokenKind::Indent) raise_indentation("unexpected indent");
  if (last.kind == TokenKind::Dedent) raise_indentation("unexpected unindent");
  SyntaxErrorInfo e = make_error("SyntaxError", "invalid syntax", last.lineno,
                                 last.col_offset + 1, last.end_lineno, last.end_col_offset + 1);
  int line = tokens_.back().lineno;
  if (auto later = check_rest_for_tokenizer_errors(line)) e = *later;
  throw Failure{e, false};
}

}  // namespace parser_detail

// ---------------------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------------------

ParseResult parse_source(std::string_view source, std::string_view filename, ParseMode mode,
                         ParseFlags flags) {
  using namespace parser_detail;
  DecodedSource decoded;
  if (auto err =
          decode_source(source, filename, mode == ParseMode::Exec, flags.text_input, decoded)) {
    return ParseResult(std::move(*err));
  }
  auto arena = std::make_unique<ast::Arena>();
  Tokenizer tok(decoded.text, filename);
  tok.set_character_offsets(flags.text_input || decoded.declared_encoding);
  StartRule rule = mode == ParseMode::Exec   ? StartRule::File
                   : mode == ParseMode::Eval ? StartRule::Eval
                                             : StartRule::Interactive;
  Parser parser(tok, *arena, rule, flags, std::string(filename));
  parser.set_character_offsets(flags.text_input || decoded.declared_encoding);
  try {
    ast::Node* tree = parser.run();
    return ParseResult(std::move(arena), static_cast<ast::ModNode*>(tree));
  } catch (Failure& f) {
    return ParseResult(std::move(f.info));
  }
}

}  // namespace minipy
