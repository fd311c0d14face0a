#include "lex/tokenizer.h"

#include <array>
#include <cstdio>

#include "lex/unicode.h"

namespace minipy {

namespace {

constexpr int kTabSize = 8;
constexpr int kMaxIndent = 100;  // CPython's MAXINDENT
constexpr int kMaxLevel = 200;   // CPython's MAXLEVEL: bracket nesting

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// Any byte >= 128 may start an identifier; verify_identifier() checks the real rules.
bool is_potential_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_potential_identifier_char(int c) {
  return is_potential_identifier_start(c) || is_digit(c);
}

struct Spelling {
  std::string_view text;
  TokenKind kind;
};

constexpr std::array kOperators = {
#define MINIPY_X(name, spelling) Spelling{spelling, TokenKind::name},
    MINIPY_OPERATOR_TOKENS(MINIPY_X)
#undef MINIPY_X
};

constexpr std::array kKeywords = {
#define MINIPY_X(name, spelling) Spelling{spelling, TokenKind::name},
    MINIPY_KEYWORD_TOKENS(MINIPY_X)
#undef MINIPY_X
};

// The operator spelled exactly `text`, or Op when there is none.
// Comparing length and first character first keeps these scans cheap.
TokenKind operator_kind(std::string_view text) {
  for (const Spelling& s : kOperators) {
    if (s.text.size() == text.size() && s.text[0] == text[0] && s.text == text) return s.kind;
  }
  return TokenKind::Op;
}

TokenKind name_kind(std::string_view text) {
  if (text.size() < 2 || text.size() > 8) return TokenKind::Name;
  for (const Spelling& s : kKeywords) {
    if (s.text.size() == text.size() && s.text[0] == text[0] && s.text == text) return s.kind;
  }
  return TokenKind::Name;
}

std::string hex4(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::Op: return "OP";
    case TokenKind::Error: return "ERRORTOKEN";
    default: break;
  }
  for (const Spelling& s : kOperators) {
    if (s.kind == kind) return s.text;
  }
  for (const Spelling& s : kKeywords) {
    if (s.kind == kind) return s.text;
  }
  return "?";
}

Tokenizer::Tokenizer(std::string_view text, std::string_view filename, int first_lineno)
    : text_(text), filename_(filename), lineno_(first_lineno - 1) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size()) line_starts_.push_back(i + 1);
  }
  first_lineno_of_text_ = first_lineno;
}

// ---------------------------------------------------------------------------------------
// Reading characters
// ---------------------------------------------------------------------------------------

int Tokenizer::nextc() {
  if (cur_ < inp_) return static_cast<unsigned char>(text_[cur_++]);
  if (eof_) return kEof;
  if (cur_ >= text_.size()) {
    eof_ = true;
    cur_ = inp_;
    return kEof;
  }
  // Enter the next line.
  ++lineno_;
  line_start_ = cur_;
  if (!in_token_) buf_ = cur_;
  std::size_t nl = text_.find('\n', cur_);
  inp_ = nl == std::string_view::npos ? text_.size() : nl + 1;
  return static_cast<unsigned char>(text_[cur_++]);
}

void Tokenizer::backup(int c) {
  if (c != kEof) --cur_;
}

// Whether the next characters are `rest` ending a word (consumes nothing).
bool Tokenizer::lookahead(std::string_view rest) {
  std::size_t p = cur_;
  for (char c : rest) {
    if (p >= inp_ || text_[p] != c) return false;
    ++p;
  }
  return p >= inp_ || !is_potential_identifier_char(static_cast<unsigned char>(text_[p]));
}

int Tokenizer::cursor_column_chars() const {
  return static_cast<int>(unicode::count_chars(text_.substr(line_start_, cur_ - line_start_)));
}

std::string_view Tokenizer::source_line(int lineno) const {
  int index = lineno - first_lineno_of_text_;
  if (index < 0 || index >= static_cast<int>(line_starts_.size())) return "";
  std::size_t start = line_starts_[index];
  std::size_t end = text_.find('\n', start);
  if (end == std::string_view::npos) end = text_.size();
  return text_.substr(start, end - start);
}

std::string Tokenizer::error_line_text(int lineno) const {
  if (lineno_ <= lineno && inp_ > buf_) return std::string(text_.substr(buf_, inp_ - buf_));
  return std::string(source_line(lineno));
}

// ---------------------------------------------------------------------------------------
// Making tokens and errors
// ---------------------------------------------------------------------------------------

Token Tokenizer::make(TokenKind kind, std::size_t start, std::size_t end) {
  Token t;
  t.kind = kind;
  t.text = text_.substr(start, end - start);
  bool is_string = kind == TokenKind::String;
  t.lineno = is_string ? first_lineno_ : lineno_;
  std::size_t line_start = is_string ? multi_line_start_ : line_start_;
  t.col_offset = static_cast<int>(start - line_start);
  t.end_lineno = lineno_;
  t.end_col_offset = static_cast<int>(end - line_start_);
  t.level = level();
  in_token_ = false;
  return t;
}

// INDENT, DEDENT, ENDMARKER: no columns.
Token Tokenizer::make_without_columns(TokenKind kind) {
  Token t;
  t.kind = kind;
  t.lineno = t.end_lineno = lineno_;
  t.level = level();
  in_token_ = false;
  return t;
}

Token Tokenizer::error_token() {
  Token t;
  t.kind = TokenKind::Error;
  t.lineno = t.end_lineno = lineno_;
  t.level = level();
  return t;
}

SyntaxErrorInfo Tokenizer::info_here(std::string kind, const std::string& msg, int offset,
                                     int end_offset) const {
  SyntaxErrorInfo e;
  e.kind = std::move(kind);
  e.msg = msg;
  e.filename = filename_;
  e.lineno = e.end_lineno = lineno_;
  e.offset = offset;
  e.end_offset = end_offset;
  return e;
}

// CPython's syntaxerror(): the offset is the cursor's column in characters and the text is
// the current line without its newline.
Token Tokenizer::fail_raised(const std::string& msg) {
  int col = cursor_column_chars();
  return fail_raised_at(msg, col, col);
}

Token Tokenizer::fail_raised_at(const std::string& msg, int col, int end_col) {
  failed_ = true;
  error_.kind = TokenizerErrorKind::Raised;
  error_.info = info_here("SyntaxError", msg, col, end_col);
  std::size_t nl = text_.find('\n', line_start_);
  if (nl == std::string_view::npos) nl = text_.size();
  error_.info.text = std::string(text_.substr(line_start_, nl - line_start_));
  return error_token();
}

// Errors CPython's parser reports from the tokenizer state (see _PyPegen_tokenizer_error).
Token Tokenizer::fail(TokenizerErrorKind kind, std::string kind_name, const std::string& msg,
                      int offset, int end_offset) {
  failed_ = true;
  error_.kind = kind;
  error_.info = info_here(std::move(kind_name), msg, offset, end_offset);
  error_.info.text = error_line_text(lineno_);
  return error_token();
}

SyntaxErrorInfo Tokenizer::unclosed_paren_error() const {
  const Paren& p = parens_.back();
  SyntaxErrorInfo e;
  e.kind = "SyntaxError";
  e.msg = std::string("'") + p.ch + "' was never closed";
  e.filename = filename_;
  e.lineno = e.end_lineno = p.lineno;
  e.text = error_line_text(p.lineno);
  e.offset = parser_column(e.text, p.col + 1);
  e.end_offset = 0;
  return e;
}

void Tokenizer::imply_dedents() {
  pendin_ = -static_cast<int>(indstack_.size() - 1);
  indstack_.resize(1);
  altindstack_.resize(1);
}

// ---------------------------------------------------------------------------------------
// Indentation
// ---------------------------------------------------------------------------------------

// Measures the indentation of a new line and queues INDENT/DEDENT tokens.  Returns true with
// an error token in `out` when the indentation is wrong.
bool Tokenizer::compute_indentation(Token& out) {
  at_bol_ = false;
  int col = 0;
  int altcol = 0;
  int cont_line_col = 0;
  int c;
  for (;;) {
    c = nextc();
    if (c == ' ') {
      ++col;
      ++altcol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++altcol;
    } else if (c == '\f') {
      col = altcol = 0;  // a form feed resets the count (Emacs' page break)
    } else if (c == '\\') {
      // Indentation cannot continue on the next line: the blanks before the first
      // backslash decide it.
      if (!cont_line_col) cont_line_col = col;
      if (!continuation_line(out)) return true;
    } else {
      break;
    }
  }
  backup(c);
  // Lines holding only blanks and a comment do not count for indentation.
  if (c == '#' || c == '\n') blankline_ = true;
  if (blankline_ || level() > 0) return false;
  if (cont_line_col) col = altcol = cont_line_col;

  auto tab_error = [&] {
    cur_ = inp_;
    out = fail(TokenizerErrorKind::TabSpace, "TabError",
               "inconsistent use of tabs and spaces in indentation", 1, 0);
    return true;
  };
  if (col == indstack_.back()) {
    if (altcol != altindstack_.back()) return tab_error();
  } else if (col > indstack_.back()) {
    if (static_cast<int>(indstack_.size()) >= kMaxIndent) {
      cur_ = inp_;
      out = fail(TokenizerErrorKind::TooDeep, "IndentationError", "too many levels of indentation",
                 1, 0);
      return true;
    }
    if (altcol <= altindstack_.back()) return tab_error();
    ++pendin_;
    indstack_.push_back(col);
    altindstack_.push_back(altcol);
  } else {
    while (indstack_.size() > 1 && col < indstack_.back()) {
      --pendin_;
      indstack_.pop_back();
      altindstack_.pop_back();
    }
    if (col != indstack_.back()) {
      cur_ = inp_;
      int offset = parser_column(text_.substr(buf_, inp_ - buf_),
                                 static_cast<int>(cur_ - line_start_));
      out = fail(TokenizerErrorKind::Dedent, "IndentationError",
                 "unindent does not match any outer indentation level", offset, -1);
      return true;
    }
    if (altcol != altindstack_.back()) return tab_error();
  }
  return false;
}

// After a '\\' the line must end; the next line continues the logical line.  Returns false
// with an error token in `out` otherwise.
bool Tokenizer::continuation_line(Token& out) {
  int c = nextc();
  if (c != '\n') {
    int offset = parser_column(text_.substr(buf_, inp_ - buf_), static_cast<int>(cur_ - buf_));
    out = fail(TokenizerErrorKind::LineContinuation, "SyntaxError",
               "unexpected character after line continuation character", offset, 0);
    return false;
  }
  c = nextc();
  if (c == kEof) {
    cur_ = inp_;
    if (level() > 0) {
      failed_ = true;
      error_.kind = TokenizerErrorKind::Eof;
      error_.info = unclosed_paren_error();
      out = error_token();
      return false;
    }
    int offset =
        parser_column(text_.substr(buf_, inp_ - buf_), static_cast<int>(cur_ - line_start_));
    out = fail(TokenizerErrorKind::Eof, "SyntaxError", "unexpected EOF while parsing", offset,
               -1);
    return false;
  }
  backup(c);
  return true;
}

// ---------------------------------------------------------------------------------------
// The main loop
// ---------------------------------------------------------------------------------------

Token Tokenizer::next() {
  if (failed_) return error_token();
  for (;;) {
    blankline_ = false;
    in_token_ = false;
    if (at_bol_) {
      Token err;
      if (compute_indentation(err)) return err;
    }
    if (pendin_ != 0) {
      if (pendin_ < 0) {
        ++pendin_;
        return make_without_columns(TokenKind::Dedent);
      }
      --pendin_;
      return make_without_columns(TokenKind::Indent);
    }

  again:
    in_token_ = false;
    int c;
    do {
      c = nextc();
    } while (c == ' ' || c == '\t' || c == '\f');
    start_ = c == kEof ? cur_ : cur_ - 1;
    in_token_ = true;

    if (c == '#') {
      while (c != kEof && c != '\n') c = nextc();
    }
    if (c == kEof) {
      if (level() > 0) {
        failed_ = true;
        error_.kind = TokenizerErrorKind::Eof;
        error_.info = unclosed_paren_error();
        return error_token();
      }
      return make_without_columns(TokenKind::EndMarker);
    }

    if (is_potential_identifier_start(c)) {
      // String prefixes: any case of b, r, u, f and the legal pairs (br, rb, fr, rf).
      bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
      for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
          saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
          saw_u = true;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
          saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
          saw_f = true;
        } else {
          break;
        }
        c = nextc();
        if (c == '"' || c == '\'') return string_literal(cur_ - 1);
      }
      bool nonascii = false;
      while (is_potential_identifier_char(c)) {
        if (c >= 128) nonascii = true;
        c = nextc();
      }
      backup(c);
      if (nonascii && !verify_identifier()) return error_token();
      Token t = make(TokenKind::Name, start_, cur_);
      t.kind = name_kind(t.text);
      return t;
    }

    if (c == '\n') {
      at_bol_ = true;
      if (blankline_ || level() > 0) continue;  // NL: not a token for the parser
      return make(TokenKind::Newline, start_, cur_ - 1);  // the '\n' is not part of it
    }

    if (c == '.') {
      c = nextc();
      if (is_digit(c)) return fraction(c);
      if (c == '.') {
        c = nextc();
        if (c == '.') return make(TokenKind::Ellipsis, start_, cur_);
        backup(c);
        backup('.');
      } else {
        backup(c);
      }
      return make(TokenKind::Dot, start_, cur_);
    }

    if (is_digit(c)) return number(c);

    if (c == '"' || c == '\'') return string_literal(cur_ - 1);

    if (c == '\\') {
      Token err;
      if (!continuation_line(err)) return err;
      goto again;
    }

    // Operators: the longest spelling wins.
    {
      int c2 = nextc();
      if (c2 != kEof) {
        char two[2] = {static_cast<char>(c), static_cast<char>(c2)};
        TokenKind kind2 = operator_kind(std::string_view(two, 2));
        // "<>" is a token for CPython (PEP 401's joke) that no rule accepts.
        if (two[0] == '<' && two[1] == '>') return make(TokenKind::Op, start_, cur_);
        if (kind2 != TokenKind::Op) {
          int c3 = nextc();
          if (c3 != kEof) {
            char three[3] = {two[0], two[1], static_cast<char>(c3)};
            TokenKind kind3 = operator_kind(std::string_view(three, 3));
            if (kind3 != TokenKind::Op) return make(kind3, start_, cur_);
          }
          backup(c3);
          return make(kind2, start_, cur_);
        }
      }
      backup(c2);
    }

    switch (c) {
      case '(':
      case '[':
      case '{':
        if (level() >= kMaxLevel) return fail_raised("too many nested parentheses");
        parens_.push_back({static_cast<char>(c), lineno_, static_cast<int>(start_ - line_start_)});
        break;
      case ')':
      case ']':
      case '}': {
        if (parens_.empty()) return fail_raised(std::string("unmatched '") + char(c) + "'");
        Paren open = parens_.back();
        parens_.pop_back();
        if (!((open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') ||
              (open.ch == '{' && c == '}'))) {
          std::string msg = std::string("closing parenthesis '") + char(c) +
                            "' does not match opening parenthesis '" + open.ch + "'";
          if (open.lineno != lineno_) msg += " on line " + std::to_string(open.lineno);
          return fail_raised(msg);
        }
        break;
      }
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      return fail_raised("invalid non-printable character U+" + hex4(static_cast<char32_t>(c)));
    }
    TokenKind kind = operator_kind(std::string_view(text_.data() + start_, 1));
    return make(kind, start_, cur_);
  }
}

// ---------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------

// A name holding non-ASCII characters must still be an identifier by Unicode's rules
// (XID_Start, then XID_Continue).  On failure the cursor moves just past the bad character,
// which is where CPython reports it.
bool Tokenizer::verify_identifier() {
  std::string_view name = text_.substr(start_, cur_ - start_);
  std::size_t pos = 0;
  bool first = true;
  while (pos < name.size()) {
    char32_t cp = unicode::decode_utf8_lenient(name, pos);
    bool ok = first ? unicode::is_xid_start(cp) : unicode::is_xid_continue(cp);
    first = false;
    if (!ok) {
      cur_ = start_ + pos;
      if (unicode::is_printable(cp)) {
        std::string ch;
        unicode::append_utf8(ch, cp);
        fail_raised("invalid character '" + ch + "' (U+" + hex4(cp) + ")");
      } else {
        fail_raised("invalid non-printable character U+" + hex4(cp));
      }
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

// Digits with single underscores between them.  `c` is the first digit; on return it is the
// first character after the number part.
bool Tokenizer::decimal_tail(int& c) {
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') return true;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      fail_raised("invalid decimal literal");
      return false;
    }
  }
}

// A number directly followed by a letter is an error ("1abc"), except before the keywords
// that may follow a number in valid code ("1if x else y"), which CPython only warns about.
bool Tokenizer::verify_end_of_number(int c, const char* kind) {
  bool keyword_follows = false;
  if (c == 'a') {
    keyword_follows = lookahead("nd");
  } else if (c == 'e') {
    keyword_follows = lookahead("lse");
  } else if (c == 'f') {
    keyword_follows = lookahead("or");
  } else if (c == 'i') {
    char next = cur_ < inp_ ? text_[cur_] : 0;
    keyword_follows = next == 'f' || next == 'n' || next == 's';
  } else if (c == 'o') {
    keyword_follows = lookahead("r");
  } else if (c == 'n') {
    keyword_follows = lookahead("ot");
  }
  if (keyword_follows) return true;
  if (c < 128 && is_potential_identifier_char(c)) {
    backup(c);
    fail_raised(std::string("invalid ") + kind + " literal");
    return false;
  }
  return true;
}

// After the fraction's '.': `c` is the character following it.
Token Tokenizer::fraction(int c) {
  if (is_digit(c) && !decimal_tail(c)) return error_token();
  return exponent_and_suffix(c);
}

// `c` follows the digits read so far: an exponent, a 'j' suffix, or the end of the number.
Token Tokenizer::exponent_and_suffix(int c) {
  if (c == 'e' || c == 'E') {
    int e = c;
    c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        return fail_raised("invalid decimal literal");
      }
    } else if (!is_digit(c)) {
      // "1else": the 'e' starts a keyword, not an exponent.
      backup(c);
      if (!verify_end_of_number(e, "decimal")) return error_token();
      backup(e);
      return make(TokenKind::Number, start_, cur_);
    }
    if (!decimal_tail(c)) return error_token();
  }
  if (c == 'j' || c == 'J') {
    c = nextc();
    if (!verify_end_of_number(c, "imaginary")) return error_token();
  } else if (!verify_end_of_number(c, "decimal")) {
    return error_token();
  }
  backup(c);
  return make(TokenKind::Number, start_, cur_);
}

// `c` is the first digit, already read.
Token Tokenizer::number(int c) {
  if (c != '0') {
    if (!decimal_tail(c)) return error_token();
    if (c == '.') return fraction(nextc());
    return exponent_and_suffix(c);
  }
  c = nextc();
  if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
    char base = static_cast<char>(c | 0x20);
    auto in_base = [base](int ch) {
      return base == 'x' ? is_xdigit(ch) : base == 'o' ? (ch >= '0' && ch <= '7')
                                                        : (ch == '0' || ch == '1');
    };
    const char* kind = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
    auto bad_digit = [&](int ch) {
      return fail_raised(std::string("invalid digit '") + char(ch) + "' in " + kind + " literal");
    };
    c = nextc();
    do {
      if (c == '_') c = nextc();
      if (!in_base(c)) {
        if (base != 'x' && is_digit(c)) return bad_digit(c);
        backup(c);
        return fail_raised(std::string("invalid ") + kind + " literal");
      }
      do {
        c = nextc();
      } while (in_base(c));
    } while (c == '_');
    if (base != 'x' && is_digit(c)) return bad_digit(c);
    if (!verify_end_of_number(c, kind)) return error_token();
    backup(c);
    return make(TokenKind::Number, start_, cur_);
  }
  // "0", "00", "0_0", or a float or imaginary number with leading zeros ("09.5", "09j").
  for (;;) {
    if (c == '_') {
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        return fail_raised("invalid decimal literal");
      }
    }
    if (c != '0') break;
    c = nextc();
  }
  std::size_t zeros_end = cur_;
  bool nonzero = false;
  if (is_digit(c)) {
    nonzero = true;
    if (!decimal_tail(c)) return error_token();
  }
  if (c == '.') return fraction(nextc());
  if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return exponent_and_suffix(c);
  if (nonzero) {
    backup(c);
    return fail_raised_at(
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
        "integers",
        static_cast<int>(start_ + 1 - line_start_), static_cast<int>(zeros_end - line_start_));
  }
  if (!verify_end_of_number(c, "decimal")) return error_token();
  backup(c);
  return make(TokenKind::Number, start_, cur_);
}

// ---------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------

// Scans a string literal whose opening quote is at text_[quote_pos] (the prefix, if any, was
// read already).  Escapes are only skipped here; decoding happens in the parser.
Token Tokenizer::string_literal(std::size_t quote_pos) {
  int quote = static_cast<unsigned char>(text_[quote_pos]);
  int quote_size = 1;
  int end_quote_size = 0;
  first_lineno_ = lineno_;
  multi_line_start_ = line_start_;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) {
      quote_size = 3;
    } else {
      end_quote_size = 1;  // the empty string ''
    }
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEof || (quote_size == 1 && c == '\n')) {
      // Reported at the opening quote, on the line the string started.
      int detected = lineno_;
      cur_ = start_ + 1;
      line_start_ = multi_line_start_;
      lineno_ = first_lineno_;
      std::string msg = quote_size == 3 ? "unterminated triple-quoted string literal"
                                        : "unterminated string literal";
      return fail_raised(msg + " (detected at line " + std::to_string(detected) + ")");
    }
    if (c == quote) {
      ++end_quote_size;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();  // skip the escaped character
    }
  }
  return make(TokenKind::String, start_, cur_);
}

}  // namespace minipy
