// The parser's internals, shared by its source files (not part of the public API).
//
// A hand-written recursive-descent parser for CPython 3.11's grammar (Grammar/python.gram),
// with CPython's two-pass error strategy:
//   * pass 1 parses with no error diagnosis; when it fails, the furthest token it fetched is
//     where a generic "invalid syntax" points;
//   * pass 2 re-parses the same tokens with `diag_` set, which enables the checks that
//     mirror the grammar's invalid_* rules and raise the specific messages ("expected ':'",
//     "cannot assign to literal", "Perhaps you forgot a comma?"...).
// Errors the tokenizer reports stop everything; after a parser error the rest of the input
// is still tokenized, because a tokenizer error found there (an unterminated string, an
// unclosed bracket) is what CPython reports instead.
#pragma once

#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

#include "lex/literals.h"
#include "lex/tokenizer.h"
#include "parse/ast.h"
#include "parse/parser.h"

namespace minipy::parser_detail {

// Thrown when no rule matches here: the caller may try something else.
struct Backtrack {};

// A final error.  `from_tokenizer`: raised by the tokenizer (no later tokenizer check).
struct Failure {
  SyntaxErrorInfo info;
  bool from_tokenizer = false;
};

enum class StartRule { File, Eval, Interactive, FString };

// The tokens read so far.  Stored in fixed-size chunks so that references to tokens stay
// valid while more are appended (the parser holds keyword tokens across whole rules).  A chunk
// is raw storage, constructed slot by slot: constructing all 1024 tokens up front touched
// 48 KiB (12 page faults) to parse `pass`.
class TokenBuffer {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Token& operator[](std::size_t i) const { return chunks_[i >> kShift].get()[i & kMask]; }
  const Token& back() const { return (*this)[size_ - 1]; }
  void push_back(const Token& t) {
    if ((size_ & kMask) == 0) chunks_.emplace_back(static_cast<Token*>(::operator new(kChunk * sizeof(Token))));
    new (chunks_[size_ >> kShift].get() + (size_ & kMask)) Token(t);
    ++size_;
  }

 private:
  static_assert(std::is_trivially_destructible_v<Token>);
  struct FreeChunk {
    void operator()(Token* p) const { ::operator delete(p); }
  };
  static constexpr std::size_t kShift = 10;
  static constexpr std::size_t kChunk = std::size_t{1} << kShift;
  static constexpr std::size_t kMask = kChunk - 1;
  std::vector<std::unique_ptr<Token, FreeChunk>> chunks_;
  std::size_t size_ = 0;
};

// Where an f-string's expression sits in the file (CPython's starting_lineno/col_offset):
// tokens on the first line of the expression are shifted right by `col_offset`.
struct FStringOrigin {
  int lineno = 0;
  int col_offset = 0;
};

// What a target position allows: CPython's STAR_TARGETS / DEL_TARGETS / FOR_TARGETS.
enum class TargetsKind { Star, Del, For };

class Parser {
 public:
  Parser(Tokenizer& tok, ast::Arena& arena, StartRule rule, ParseFlags flags,
         std::string filename, FStringOrigin origin = {});

  // Parses the whole input (both passes).  Returns the Module / Expression / Interactive,
  // or the expression for StartRule::FString.  Throws Failure.
  ast::Node* run();

  // Whether error offsets count characters; see ParseFlags::text_input.
  void set_character_offsets(bool on) { char_offsets_ = on; }

 private:
  // ---- tokens (parser.cpp) ----
  const Token& peek(std::size_t ahead = 0);
  TokenKind kind(std::size_t ahead = 0) { return peek(ahead).kind; }
  bool at(TokenKind k) { return kind() == k; }
  const Token& advance();
  bool accept(TokenKind k);
  const Token& expect(TokenKind k);
  // `&&'x'` in the grammar: the token is required, or "expected 'x'" right away.
  const Token& expect_forced(TokenKind k, const char* spelling);
  bool at_name(std::string_view text) { return at(TokenKind::Name) && peek().text == text; }
  std::size_t mark() const { return pos_; }
  void reset(std::size_t m) { pos_ = m; }
  const Token& token_at(std::size_t i) const { return tokens_[i]; }
  // The last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER: where nodes end.
  const Token& last_significant();
  void fill();

  // ---- nodes ----
  template <class T>
  T* node(std::size_t start) {
    T* n = arena_.make<T>();
    const Token& first = tokens_[start];
    const Token& last = last_significant();
    n->lineno = first.lineno;
    n->col_offset = first.col_offset;
    n->end_lineno = last.end_lineno;
    n->end_col_offset = last.end_col_offset;
    return n;
  }
  template <class T>
  T* node_tokens(const Token& first, const Token& last) {
    T* n = arena_.make<T>();
    n->lineno = first.lineno;
    n->col_offset = first.col_offset;
    n->end_lineno = last.end_lineno;
    n->end_col_offset = last.end_col_offset;
    return n;
  }

  // ---- errors (parser.cpp) ----
  [[noreturn]] void fail() { throw Backtrack{}; }
  SyntaxErrorInfo make_error(const char* kind, std::string msg, int lineno, int col1,
                             int end_lineno, int end_col1);
  // CPython's RAISE_SYNTAX_ERROR: at the furthest token fetched so far.
  [[noreturn]] void raise_at_last_token(std::string msg, const char* kind = "SyntaxError");
  [[noreturn]] void raise_known(const ast::Node* a, std::string msg);
  [[noreturn]] void raise_known(const Token& a, std::string msg);
  [[noreturn]] void raise_range(const ast::Node* a, const ast::Node* b, std::string msg);
  [[noreturn]] void raise_range(const Token& a, const ast::Node* b, std::string msg);
  [[noreturn]] void raise_range(const ast::Node* a, const Token& b, std::string msg);
  [[noreturn]] void raise_range(const Token& a, const Token& b, std::string msg);
  [[noreturn]] void raise_starting_from(const ast::Node* a, std::string msg);
  [[noreturn]] void raise_starting_from(const Token& a, std::string msg);
  [[noreturn]] void raise_indentation(std::string msg);
  std::optional<SyntaxErrorInfo> check_rest_for_tokenizer_errors(int error_lineno);
  [[noreturn]] void finish_with(SyntaxErrorInfo info);
  void enter();  // recursion guard
  void leave() { --depth_; }
  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) { p.enter(); }
    ~DepthGuard() { p.leave(); }
  };
  ast::Node* parse_start();

  // ---- statements (parser_stmt.cpp) ----
  ast::Module* file();
  ast::Interactive* interactive();
  ast::Expression* eval();
  void statements(ast::StmtList& out);
  void statement(ast::StmtList& out);
  void simple_stmts(ast::StmtList& out);
  ast::StmtNode* simple_stmt();
  ast::StmtNode* expression_stmt();
  ast::StmtNode* compound_stmt();
  void block(ast::StmtList& out, const Token& header, const char* what);
  void decorators(ast::ExprList& out);
  ast::StmtNode* function_def(ast::ExprList decorators, std::size_t start);
  ast::StmtNode* class_def(ast::ExprList decorators, std::size_t start);
  ast::StmtNode* if_stmt(bool elif);
  void else_block(ast::StmtList& out);
  ast::StmtNode* while_stmt();
  ast::StmtNode* for_stmt(std::size_t start, bool is_async);
  ast::StmtNode* with_stmt(std::size_t start, bool is_async);
  ast::WithItem* with_item();
  void invalid_with_stmt(std::size_t items_start);
  ast::StmtNode* try_stmt();
  ast::StmtNode* return_stmt();
  ast::StmtNode* raise_stmt();
  ast::StmtNode* global_stmt(bool nonlocal);
  ast::StmtNode* del_stmt();
  ast::StmtNode* assert_stmt();
  ast::StmtNode* import_name();
  ast::StmtNode* import_from();
  std::string dotted_name();
  bool match_statement_ahead();
  void invalid_assignment(std::size_t start);

  // ---- expressions (parser_expr.cpp) ----
  ast::ExprNode* expressions();
  ast::ExprNode* expression();
  ast::ExprNode* expression_uncached();
  void remember_expression(std::size_t start, ast::ExprNode* e);
  ast::ExprNode* expression_without_invalid();
  ast::ExprNode* yield_expr();
  ast::ExprNode* star_expressions();
  ast::ExprNode* star_expression();
  ast::ExprNode* star_named_expression();
  ast::ExprNode* named_expression();
  ast::ExprNode* disjunction();
  ast::ExprNode* conjunction();
  ast::ExprNode* inversion();
  ast::ExprNode* comparison();
  ast::ExprNode* bitwise_or();
  ast::ExprNode* bitwise_xor();
  ast::ExprNode* bitwise_and();
  ast::ExprNode* shift_expr();
  ast::ExprNode* sum();
  ast::ExprNode* term();
  ast::ExprNode* factor();
  ast::ExprNode* power();
  ast::ExprNode* await_primary();
  ast::ExprNode* primary();
  ast::ExprNode* primary_trailers(ast::ExprNode* e, std::size_t start);
  ast::ExprNode* primary_trailer(ast::ExprNode* e, std::size_t start);
  ast::ExprNode* slices();
  ast::ExprNode* slice();
  ast::ExprNode* atom();
  ast::ExprNode* paren_atom();
  ast::ExprNode* bracket_atom();
  ast::ExprNode* brace_atom();
  ast::ExprNode* lambdef();
  ast::Arguments* parameters(bool lambda);
  ast::Arg* parameter(bool lambda);
  void for_if_clauses(std::vector<ast::Comprehension*>& out);
  ast::ExprNode* call_arguments(ast::ExprNode* func, std::size_t start);
  void invalid_arguments(std::size_t start);
  bool starts_expression(std::size_t ahead = 0);
  void check_legacy_or_comma(ast::ExprNode* a, std::size_t a_start);
  // Marks the token position as tried for invalid_legacy_expression; true if it was.
  bool legacy_tried(std::size_t pos) {
    if (pos >= legacy_tried_.size()) legacy_tried_.resize(pos + 1 + pos / 2);
    bool tried = legacy_tried_[pos];
    legacy_tried_[pos] = true;
    return tried;
  }
  void invalid_named_expression(std::size_t start);

  // ---- targets (parser_expr.cpp) ----
  ast::ExprNode* star_targets();
  bool is_valid_target(const ast::ExprNode* e, TargetsKind kind);
  const ast::ExprNode* invalid_target(const ast::ExprNode* e, TargetsKind kind);
  [[noreturn]] void raise_invalid_target(TargetsKind kind, const ast::ExprNode* e);
  void set_context(ast::ExprNode* e, ast::ExprContext ctx);
  static const char* expr_name(const ast::ExprNode* e);

  // ---- strings (parser_strings.cpp) ----
  ast::ExprNode* strings();
  ast::ExprNode* parse_fstring_expression(std::string_view expr, std::size_t expr_offset,
                                          const Token& t);

  struct FStringState;
  void fstring_concat(FStringState& state, std::string_view body, std::size_t& pos, bool raw,
                      int recurse_lvl, const Token& t);
  ast::ExprNode* fstring_parse_spec(std::string_view body, std::size_t& pos, bool raw,
                                    int recurse_lvl, const Token& t);
  bool fstring_find_literal(std::string_view body, std::size_t& pos, bool raw, int recurse_lvl,
                            std::string& literal, bool& have_literal);
  ast::ExprNode* fstring_find_expr(std::string_view body, std::size_t& pos, bool raw,
                                   int recurse_lvl, std::string& expr_text, bool& have_text,
                                   const Token& t);
  ast::Constant* make_str_constant(std::string value);

  Tokenizer& tok_;
  ast::Arena& arena_;
  StartRule rule_;
  ParseFlags flags_;
  std::string filename_;
  FStringOrigin origin_;

  TokenBuffer tokens_;
  std::size_t pos_ = 0;
  bool char_offsets_ = true;
  bool diag_ = false;             // pass 2: run the invalid_* checks
  bool parsing_started_ = false;  // interactive input: see fill()
  int depth_ = 0;
  int base_depth_ = 0;  // an f-string's parser starts at its enclosing parser's depth
  std::vector<bool> legacy_tried_;
  struct ExpressionMemo {
    ast::ExprNode* node = nullptr;  // null: no expression parses here
    std::size_t end = 0;            // where it ends; 0 while unknown
  };
  std::vector<ExpressionMemo> expression_memo_;  // pass 2 only, by start token

  // While concatenating the STRING tokens of one atom.
  const Token* strings_first_ = nullptr;
  const Token* strings_last_ = nullptr;
  bool strings_u_ = false;
};

}  // namespace minipy::parser_detail
