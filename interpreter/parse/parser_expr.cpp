// Expressions, parameters, call arguments, comprehensions and assignment targets.
#include "parse/parser_impl.h"

namespace minipy::parser_detail {

using ast::ExprNode;
using ast::Kind;

namespace {

// CPython 3.11 compares only the name's length of each soft keyword (strncmp), so any
// prefix of "match" or "case" counts as one; the messages depend on it.
bool is_soft_keyword(std::string_view name) {
  for (std::string_view kw : {"_", "case", "match"}) {
    if (!name.empty() && name.size() <= kw.size() && kw.substr(0, name.size()) == name) return true;
  }
  return false;
}

bool is_legacy_name(std::string_view name) { return name == "print" || name == "exec"; }

}  // namespace

// Tokens that can begin an `expression` (not a starred one).
bool Parser::starts_expression(std::size_t ahead) {
  switch (kind(ahead)) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::LPar:
    case TokenKind::LSqb:
    case TokenKind::LBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::Not:
    case TokenKind::Lambda:
    case TokenKind::Await:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::None:
    case TokenKind::Ellipsis:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------
// Expression lists
// ---------------------------------------------------------------------------------------

// expressions: expression (',' expression)* [',']
ExprNode* Parser::expressions() {
  std::size_t start = mark();
  ExprNode* first = expression();
  if (!at(TokenKind::Comma)) return first;
  ast::ExprList elts{first};
  while (accept(TokenKind::Comma)) {
    if (!starts_expression()) break;
    elts.push_back(expression());
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = std::move(elts);
  return t;
}

// star_expressions: star_expression (',' star_expression)* [',']
ExprNode* Parser::star_expressions() {
  std::size_t start = mark();
  ExprNode* first = star_expression();
  if (!at(TokenKind::Comma)) return first;
  ast::ExprList elts{first};
  while (accept(TokenKind::Comma)) {
    if (!starts_expression() && !at(TokenKind::Star)) break;
    elts.push_back(star_expression());
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = std::move(elts);
  return t;
}

// star_expression: '*' bitwise_or | expression
ExprNode* Parser::star_expression() {
  if (!at(TokenKind::Star)) return expression();
  std::size_t start = mark();
  advance();
  ExprNode* value = bitwise_or();
  auto* s = node<ast::Starred>(start);
  s->value = value;
  return s;
}

// star_named_expression: '*' bitwise_or | named_expression
ExprNode* Parser::star_named_expression() {
  if (!at(TokenKind::Star)) return named_expression();
  std::size_t start = mark();
  advance();
  ExprNode* value = bitwise_or();
  auto* s = node<ast::Starred>(start);
  s->value = value;
  return s;
}

// named_expression: NAME ':=' ~ expression | invalid_named_expression | expression !':='
ExprNode* Parser::named_expression() {
  std::size_t start = mark();
  if (at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual) {
    const Token& name = advance();
    advance();
    ExprNode* value = expression();
    auto* target = node_tokens<ast::Name>(name, name);
    target->id = std::string(name.text);
    target->ctx = ast::ExprContext::Store;
    auto* n = node<ast::NamedExpr>(start);
    n->target = target;
    n->value = value;
    return n;
  }
  ExprNode* e = expression();
  if (diag_ && (at(TokenKind::ColonEqual) || at(TokenKind::Equal))) {
    std::size_t after = mark();
    invalid_named_expression(start);
    reset(after);
  }
  if (at(TokenKind::ColonEqual)) fail();
  return e;
}

// The invalid_named_expression rule, checked after `expression` stopped at ':=' or '='.
void Parser::invalid_named_expression(std::size_t start) {
  auto attempt = [&](auto&& f) {
    try {
      f();
    } catch (Backtrack&) {
    }
  };
  // a=expression ':=' expression
  if (at(TokenKind::ColonEqual)) {
    reset(start);
    ExprNode* a = expression();
    advance();
    bool ok = false;
    attempt([&] {
      expression();
      ok = true;
    });
    if (ok) raise_known(a, std::string("cannot use assignment expressions with ") + expr_name(a));
    return;
  }
  // a=NAME '=' b=bitwise_or !('='|':=')
  if (token_at(start).kind == TokenKind::Name && mark() == start + 1) {
    advance();
    ExprNode* b = nullptr;
    attempt([&] { b = bitwise_or(); });
    if (b && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual)) {
      raise_range(token_at(start), b,
                  "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
  }
  // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
  reset(start);
  TokenKind k = kind();
  if (k == TokenKind::True || k == TokenKind::None || k == TokenKind::False) return;
  if (k == TokenKind::LSqb || k == TokenKind::LPar) {
    bool excluded = false;
    attempt([&] {
      // Only a display that starts right here counts: "((a, b))" is a group.
      ExprNode* e = atom();
      const Token& open = token_at(start);
      bool starts_here = e->lineno == open.lineno && e->col_offset == open.col_offset;
      excluded = starts_here && (e->kind == Kind::List || e->kind == Kind::Tuple ||
                                 e->kind == Kind::GeneratorExp);
    });
    reset(start);
    if (excluded) return;
  }
  ExprNode* a = nullptr;
  bool ok = false;
  attempt([&] {
    a = bitwise_or();
    if (!at(TokenKind::Equal)) return;
    advance();
    bitwise_or();
    ok = !at(TokenKind::Equal) && !at(TokenKind::ColonEqual);
  });
  if (ok) {
    raise_known(a, std::string("cannot assign to ") + expr_name(a) +
                       " here. Maybe you meant '==' instead of '='?");
  }
}

// ---------------------------------------------------------------------------------------
// expression
// ---------------------------------------------------------------------------------------

// expression: invalid_expression | invalid_legacy_expression
//           | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ExprNode* Parser::expression() {
  // Pass 2 re-parses the same positions many times over (invalid_legacy_expression parses
  // the rest of a list from inside each element); remembering results keeps that linear,
  // as CPython's memo on this rule does.  Pass 2 never returns a tree, so sharing nodes is
  // harmless.
  if (!diag_) return expression_uncached();
  std::size_t start = mark();
  if (start < expression_memo_.size() && expression_memo_[start].end != 0) {
    const ExpressionMemo& m = expression_memo_[start];
    if (!m.node) fail();
    reset(m.end);
    return m.node;
  }
  ExprNode* e = nullptr;
  try {
    e = expression_uncached();
  } catch (Backtrack&) {
    remember_expression(start, nullptr);
    throw;
  }
  remember_expression(start, e);
  return e;
}

void Parser::remember_expression(std::size_t start, ExprNode* e) {
  if (start >= expression_memo_.size()) expression_memo_.resize(start + 1 + start / 2);
  expression_memo_[start] = {e, e ? mark() : start + 1};
}

ExprNode* Parser::expression_uncached() {
  DepthGuard guard(*this);
  if (at(TokenKind::Lambda)) return lambdef();
  std::size_t start = mark();
  ExprNode* a = disjunction();
  if (diag_) check_legacy_or_comma(a, start);
  if (!at(TokenKind::If)) return a;
  std::size_t m = mark();
  advance();
  ExprNode* test = disjunction();
  if (!at(TokenKind::Else)) {
    // invalid_expression: disjunction 'if' disjunction !('else'|':')
    if (diag_ && !at(TokenKind::Colon)) {
      raise_range(a, test, "expected 'else' after 'if' expression");
    }
    reset(m);
    return a;
  }
  advance();
  ExprNode* orelse = expression();
  auto* e = node<ast::IfExp>(start);
  e->test = test;
  e->body = a;
  e->orelse = orelse;
  return e;
}

// expression_without_invalid: CPython's generated parser turns the invalid_* rules off for
// everything parsed inside it.
ExprNode* Parser::expression_without_invalid() {
  bool saved = diag_;
  diag_ = false;
  try {
    ExprNode* e = expression();
    diag_ = saved;
    return e;
  } catch (...) {
    diag_ = saved;
    throw;
  }
}

// invalid_expression (first alternative) and invalid_legacy_expression, checked once the
// disjunction `a` starting at `a_start` has been parsed.
void Parser::check_legacy_or_comma(ExprNode* a, std::size_t a_start) {
  std::size_t after = mark();
  const Token& first = token_at(a_start);
  // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  bool skip = first.kind == TokenKind::Name &&
              (is_soft_keyword(first.text) || token_at(a_start + 1).kind == TokenKind::String);
  bool legacy_a = a->kind == Kind::Name && is_legacy_name(static_cast<ast::Name*>(a)->id);
  if (!skip && !legacy_a && starts_expression()) {
    ExprNode* b = nullptr;
    try {
      b = expression_without_invalid();
    } catch (Backtrack&) {
    }
    if (b && token_at(mark() - 1).level != 0) {
      raise_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
    }
    reset(after);
  }
  // invalid_legacy_expression: a=NAME !'(' b=star_expressions, an error for print and
  // exec.  CPython parses b after every name, and errors raised inside that parse surface
  // too, so it is done here as well -- once per position, which keeps it linear.
  if (first.kind == TokenKind::Name && token_at(a_start + 1).kind != TokenKind::LPar &&
      !legacy_tried(a_start)) {
    reset(a_start + 1);
    ExprNode* b = nullptr;
    if (starts_expression() || at(TokenKind::Star)) {
      try {
        b = star_expressions();
      } catch (Backtrack&) {
      }
    }
    if (b && is_legacy_name(first.text)) {
      std::string name(first.text);
      raise_range(first, b, "Missing parentheses in call to '" + name + "'. Did you mean " +
                                name + "(...)?");
    }
    reset(after);
  }
}

ExprNode* Parser::yield_expr() {
  std::size_t start = mark();
  advance();
  if (accept(TokenKind::From)) {
    ExprNode* value = expression();
    auto* y = node<ast::YieldFrom>(start);
    y->value = value;
    return y;
  }
  ExprNode* value = nullptr;
  if (starts_expression() || at(TokenKind::Star)) value = star_expressions();
  auto* y = node<ast::Yield>(start);
  y->value = value;
  return y;
}

// ---------------------------------------------------------------------------------------
// Boolean and comparison operators
// ---------------------------------------------------------------------------------------

ExprNode* Parser::disjunction() {
  std::size_t start = mark();
  ExprNode* first = conjunction();
  if (!at(TokenKind::Or)) return first;
  ast::ExprList values{first};
  while (accept(TokenKind::Or)) values.push_back(conjunction());
  auto* b = node<ast::BoolOp>(start);
  b->op = ast::BoolOpKind::Or;
  b->values = std::move(values);
  return b;
}

ExprNode* Parser::conjunction() {
  std::size_t start = mark();
  ExprNode* first = inversion();
  if (!at(TokenKind::And)) return first;
  ast::ExprList values{first};
  while (accept(TokenKind::And)) values.push_back(inversion());
  auto* b = node<ast::BoolOp>(start);
  b->op = ast::BoolOpKind::And;
  b->values = std::move(values);
  return b;
}

ExprNode* Parser::inversion() {
  if (!at(TokenKind::Not)) return comparison();
  DepthGuard guard(*this);
  std::size_t start = mark();
  advance();
  ExprNode* operand = inversion();
  auto* u = node<ast::UnaryOp>(start);
  u->op = ast::UnaryOpKind::Not;
  u->operand = operand;
  return u;
}

ExprNode* Parser::comparison() {
  std::size_t start = mark();
  ExprNode* left = bitwise_or();
  std::vector<ast::CmpOp> ops;
  ast::ExprList comparators;
  for (;;) {
    ast::CmpOp op;
    switch (kind()) {
      case TokenKind::EqEqual: op = ast::CmpOp::Eq; break;
      case TokenKind::NotEqual: op = ast::CmpOp::NotEq; break;
      case TokenKind::Less: op = ast::CmpOp::Lt; break;
      case TokenKind::LessEqual: op = ast::CmpOp::LtE; break;
      case TokenKind::Greater: op = ast::CmpOp::Gt; break;
      case TokenKind::GreaterEqual: op = ast::CmpOp::GtE; break;
      case TokenKind::In: op = ast::CmpOp::In; break;
      case TokenKind::Is:
        op = kind(1) == TokenKind::Not ? ast::CmpOp::IsNot : ast::CmpOp::Is;
        break;
      case TokenKind::Not:
        if (kind(1) != TokenKind::In) goto done;
        op = ast::CmpOp::NotIn;
        break;
      default: goto done;
    }
    advance();
    if (op == ast::CmpOp::IsNot || op == ast::CmpOp::NotIn) advance();
    ops.push_back(op);
    comparators.push_back(bitwise_or());
  }
done:
  if (ops.empty()) return left;
  auto* c = node<ast::Compare>(start);
  c->left = left;
  c->ops = std::move(ops);
  c->comparators = std::move(comparators);
  return c;
}

// ---------------------------------------------------------------------------------------
// Binary operators (all left-associative loops)
// ---------------------------------------------------------------------------------------

namespace {

ast::ExprNode* make_binop(ast::BinOp* b, ast::ExprNode* left, ast::Operator op,
                          ast::ExprNode* right) {
  b->left = left;
  b->op = op;
  b->right = right;
  return b;
}

}  // namespace

ExprNode* Parser::bitwise_or() {
  std::size_t start = mark();
  ExprNode* e = bitwise_xor();
  while (accept(TokenKind::VBar)) {
    ExprNode* right = bitwise_xor();
    e = make_binop(node<ast::BinOp>(start), e, ast::Operator::BitOr, right);
  }
  return e;
}

ExprNode* Parser::bitwise_xor() {
  std::size_t start = mark();
  ExprNode* e = bitwise_and();
  while (accept(TokenKind::Circumflex)) {
    ExprNode* right = bitwise_and();
    e = make_binop(node<ast::BinOp>(start), e, ast::Operator::BitXor, right);
  }
  return e;
}

ExprNode* Parser::bitwise_and() {
  std::size_t start = mark();
  ExprNode* e = shift_expr();
  while (accept(TokenKind::Amper)) {
    ExprNode* right = shift_expr();
    e = make_binop(node<ast::BinOp>(start), e, ast::Operator::BitAnd, right);
  }
  return e;
}

ExprNode* Parser::shift_expr() {
  std::size_t start = mark();
  ExprNode* e = sum();
  for (;;) {
    ast::Operator op;
    if (at(TokenKind::LeftShift)) {
      op = ast::Operator::LShift;
    } else if (at(TokenKind::RightShift)) {
      op = ast::Operator::RShift;
    } else {
      return e;
    }
    advance();
    ExprNode* right = sum();
    e = make_binop(node<ast::BinOp>(start), e, op, right);
  }
}

ExprNode* Parser::sum() {
  std::size_t start = mark();
  ExprNode* e = term();
  for (;;) {
    ast::Operator op;
    if (at(TokenKind::Plus)) {
      op = ast::Operator::Add;
    } else if (at(TokenKind::Minus)) {
      op = ast::Operator::Sub;
    } else {
      return e;
    }
    advance();
    ExprNode* right = term();
    e = make_binop(node<ast::BinOp>(start), e, op, right);
  }
}

ExprNode* Parser::term() {
  std::size_t start = mark();
  ExprNode* e = factor();
  for (;;) {
    ast::Operator op;
    switch (kind()) {
      case TokenKind::Star: op = ast::Operator::Mult; break;
      case TokenKind::Slash: op = ast::Operator::Div; break;
      case TokenKind::DoubleSlash: op = ast::Operator::FloorDiv; break;
      case TokenKind::Percent: op = ast::Operator::Mod; break;
      case TokenKind::At: op = ast::Operator::MatMult; break;
      default: return e;
    }
    advance();
    ExprNode* right = factor();
    e = make_binop(node<ast::BinOp>(start), e, op, right);
  }
}

// factor: '+' factor | '-' factor | '~' factor | power
ExprNode* Parser::factor() {
  ast::UnaryOpKind op;
  switch (kind()) {
    case TokenKind::Plus: op = ast::UnaryOpKind::UAdd; break;
    case TokenKind::Minus: op = ast::UnaryOpKind::USub; break;
    case TokenKind::Tilde: op = ast::UnaryOpKind::Invert; break;
    default: return power();
  }
  DepthGuard guard(*this);
  std::size_t start = mark();
  advance();
  ExprNode* operand = factor();
  auto* u = node<ast::UnaryOp>(start);
  u->op = op;
  u->operand = operand;
  return u;
}

// power: await_primary '**' factor | await_primary   (right-associative through factor)
ExprNode* Parser::power() {
  std::size_t start = mark();
  ExprNode* left = await_primary();
  if (!accept(TokenKind::DoubleStar)) return left;
  DepthGuard guard(*this);
  ExprNode* right = factor();
  return make_binop(node<ast::BinOp>(start), left, ast::Operator::Pow, right);
}

ExprNode* Parser::await_primary() {
  if (!at(TokenKind::Await)) return primary();
  std::size_t start = mark();
  advance();
  ExprNode* value = primary();
  auto* a = node<ast::Await>(start);
  a->value = value;
  return a;
}

// ---------------------------------------------------------------------------------------
// Primaries: atom followed by '.name', '(args)', '[slices]'
// ---------------------------------------------------------------------------------------

ExprNode* Parser::primary() {
  std::size_t start = mark();
  ExprNode* e = atom();
  return primary_trailers(e, start);
}

// primary is left-recursive in the grammar: a trailer that does not parse is simply not
// part of the primary, which ends before it.
ExprNode* Parser::primary_trailers(ExprNode* e, std::size_t start) {
  for (;;) {
    std::size_t before = mark();
    try {
      ExprNode* next = primary_trailer(e, start);
      if (!next) return e;
      e = next;
    } catch (Backtrack&) {
      reset(before);
      return e;
    }
  }
}

// One '.name', '(arguments)' or '[slices]' after `e`; null when none follows.
ExprNode* Parser::primary_trailer(ExprNode* e, std::size_t start) {
  switch (kind()) {
    case TokenKind::Dot: {
      advance();
      std::string attr(expect(TokenKind::Name).text);
      auto* a = node<ast::Attribute>(start);
      a->value = e;
      a->attr = std::move(attr);
      return a;
    }
    case TokenKind::LPar:
      return call_arguments(e, start);
    case TokenKind::LSqb: {
      advance();
      ExprNode* index = slices();
      expect(TokenKind::RSqb);
      auto* s = node<ast::Subscript>(start);
      s->value = e;
      s->slice = index;
      return s;
    }
    default:
      return nullptr;
  }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
ExprNode* Parser::slices() {
  std::size_t start = mark();
  auto one = [&]() -> ExprNode* {
    if (!at(TokenKind::Star)) return slice();
    std::size_t s = mark();
    advance();
    ExprNode* value = expression();
    auto* st = node<ast::Starred>(s);
    st->value = value;
    return st;
  };
  ExprNode* first = one();
  if (!at(TokenKind::Comma) && first->kind != Kind::Starred) return first;
  ast::ExprList elts{first};
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RSqb)) break;
    elts.push_back(one());
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = std::move(elts);
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
ExprNode* Parser::slice() {
  std::size_t start = mark();
  ExprNode* lower = nullptr;
  if (!at(TokenKind::Colon)) {
    lower = named_expression();
    if (!at(TokenKind::Colon)) return lower;
    if (lower->kind == Kind::NamedExpr) fail();
  }
  advance();
  ExprNode* upper = nullptr;
  ExprNode* step = nullptr;
  if (starts_expression()) upper = expression();
  if (accept(TokenKind::Colon)) {
    if (starts_expression()) step = expression();
  }
  auto* s = node<ast::Slice>(start);
  s->lower = lower;
  s->upper = upper;
  s->step = step;
  return s;
}

// ---------------------------------------------------------------------------------------
// Atoms
// ---------------------------------------------------------------------------------------

ExprNode* Parser::atom() {
  std::size_t start = mark();
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Name: {
      advance();
      auto* n = node<ast::Name>(start);
      n->id = std::string(t.text);
      return n;
    }
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::None:
    case TokenKind::Ellipsis: {
      advance();
      auto* c = node<ast::Constant>(start);
      c->value.kind = t.kind == TokenKind::True    ? ast::ConstantValue::Kind::True
                      : t.kind == TokenKind::False ? ast::ConstantValue::Kind::False
                      : t.kind == TokenKind::None  ? ast::ConstantValue::Kind::None
                                                   : ast::ConstantValue::Kind::Ellipsis;
      return c;
    }
    case TokenKind::Number: {
      advance();
      NumberValue v = parse_number(t.text);
      auto* c = node<ast::Constant>(start);
      switch (v.kind) {
        case NumberValue::Kind::Int:
          c->value.kind = ast::ConstantValue::Kind::Int;
          c->value.int_value = v.int_value;
          c->value.str = std::move(v.big_digits);
          break;
        case NumberValue::Kind::Float:
          c->value.kind = ast::ConstantValue::Kind::Float;
          c->value.float_value = v.float_value;
          break;
        case NumberValue::Kind::Imag:
          c->value.kind = ast::ConstantValue::Kind::Imag;
          c->value.float_value = v.float_value;
          break;
      }
      return c;
    }
    case TokenKind::String: return strings();
    case TokenKind::LPar: return paren_atom();
    case TokenKind::LSqb: return bracket_atom();
    case TokenKind::LBrace: return brace_atom();
    default: fail();
  }
}

// tuple | group | genexp
ExprNode* Parser::paren_atom() {
  std::size_t start = mark();
  advance();
  if (accept(TokenKind::RPar)) return node<ast::Tuple>(start);
  if (at(TokenKind::Yield)) {
    ExprNode* y = yield_expr();
    expect(TokenKind::RPar);
    return y;
  }
  if (at(TokenKind::DoubleStar)) {
    // invalid_group: '(' a='**' expression ')'
    if (diag_) {
      const Token& stars = advance();
      expression();
      if (at(TokenKind::RPar)) raise_known(stars, "cannot use double starred expression here");
    }
    fail();
  }
  ExprNode* first = star_named_expression();
  if (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For)) {
    if (first->kind == Kind::Starred) {
      if (diag_) raise_known(first, "iterable unpacking cannot be used in comprehension");
      fail();
    }
    std::vector<ast::Comprehension*> gens;
    for_if_clauses(gens);
    expect(TokenKind::RPar);
    auto* g = node<ast::GeneratorExp>(start);
    g->elt = first;
    g->generators = std::move(gens);
    return g;
  }
  if (accept(TokenKind::RPar)) {
    if (first->kind == Kind::Starred) {
      if (diag_) raise_known(first, "cannot use starred expression here");
      fail();
    }
    return first;  // a group: the parentheses leave no node
  }
  if (!at(TokenKind::Comma)) fail();
  ast::ExprList elts{first};
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RPar)) break;
    elts.push_back(star_named_expression());
  }
  expect(TokenKind::RPar);
  auto* t = node<ast::Tuple>(start);
  t->elts = std::move(elts);
  return t;
}

// list | listcomp
ExprNode* Parser::bracket_atom() {
  std::size_t start = mark();
  advance();
  ast::ExprList elts;
  bool trailing_comma = false;
  while (!at(TokenKind::RSqb)) {
    elts.push_back(star_named_expression());
    if (elts.size() == 1 &&
        (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For))) {
      if (elts[0]->kind == Kind::Starred) {
        if (diag_) raise_known(elts[0], "iterable unpacking cannot be used in comprehension");
        fail();
      }
      std::vector<ast::Comprehension*> gens;
      for_if_clauses(gens);
      expect(TokenKind::RSqb);
      auto* c = node<ast::ListComp>(start);
      c->elt = elts[0];
      c->generators = std::move(gens);
      return c;
    }
    trailing_comma = accept(TokenKind::Comma);
    if (!trailing_comma) break;
  }
  if (!at(TokenKind::RSqb)) {
    if (diag_ && !elts.empty() &&
        (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For))) {
      // invalid_comprehension: a list of targets without parentheses
      if (trailing_comma && elts.size() == 1) {
        raise_range(elts[0], token_at(mark() - 1),
                    "did you forget parentheses around the comprehension target?");
      }
      raise_range(elts[0], elts.back(),
                  "did you forget parentheses around the comprehension target?");
    }
    fail();
  }
  advance();
  auto* l = node<ast::List>(start);
  l->elts = std::move(elts);
  return l;
}

// dict | set | dictcomp | setcomp
ExprNode* Parser::brace_atom() {
  std::size_t start = mark();
  advance();
  if (accept(TokenKind::RBrace)) return node<ast::Dict>(start);

  bool is_dict;
  ExprNode* first_key = nullptr;
  ExprNode* first_value = nullptr;
  if (at(TokenKind::DoubleStar)) {
    const Token& stars = advance();
    first_value = bitwise_or();
    if (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For)) {
      if (diag_) raise_known(stars, "dict unpacking cannot be used in dict comprehension");
      fail();
    }
    is_dict = true;
  } else {
    first_key = star_named_expression();
    is_dict = at(TokenKind::Colon);
    if (is_dict) {
      if (first_key->kind == Kind::Starred || first_key->kind == Kind::NamedExpr) fail();
      const Token& colon = advance();
      if (diag_ && at(TokenKind::Star)) {
        const Token& star = advance();
        bitwise_or();
        raise_starting_from(star, "cannot use a starred expression in a dictionary value");
      }
      if (diag_ && (at(TokenKind::RBrace) || at(TokenKind::Comma))) {
        raise_known(colon, "expression expected after dictionary key and ':'");
      }
      first_value = expression();
      if (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For)) {
        std::vector<ast::Comprehension*> gens;
        for_if_clauses(gens);
        expect(TokenKind::RBrace);
        auto* c = node<ast::DictComp>(start);
        c->key = first_key;
        c->value = first_value;
        c->generators = std::move(gens);
        return c;
      }
    }
  }

  if (is_dict) {
    ast::ExprList keys{first_key};
    ast::ExprList values{first_value};
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RBrace)) break;
      if (accept(TokenKind::DoubleStar)) {
        keys.push_back(nullptr);
        values.push_back(bitwise_or());
        continue;
      }
      // CPython reports a bad key after the first with invalid_kvpair below, never with
      // the invalid_* rules of `expression` (observed behaviour, mirrored here).
      ExprNode* key = expression_without_invalid();
      if (!at(TokenKind::Colon)) {
        // invalid_kvpair: a=expression !(':')
        if (diag_) {
          finish_with(make_error("SyntaxError", "':' expected after dictionary key", key->lineno,
                                 key->end_col_offset, key->end_lineno, 0));
        }
        fail();
      }
      const Token& colon = advance();
      if (diag_ && at(TokenKind::Star)) {
        const Token& star = advance();
        bitwise_or();
        raise_starting_from(star, "cannot use a starred expression in a dictionary value");
      }
      if (diag_ && (at(TokenKind::RBrace) || at(TokenKind::Comma))) {
        raise_known(colon, "expression expected after dictionary key and ':'");
      }
      keys.push_back(key);
      values.push_back(expression());
    }
    expect(TokenKind::RBrace);
    auto* d = node<ast::Dict>(start);
    d->keys = std::move(keys);
    d->values = std::move(values);
    return d;
  }

  // A set, or a set comprehension.
  if (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For)) {
    if (first_key->kind == Kind::Starred) {
      if (diag_) raise_known(first_key, "iterable unpacking cannot be used in comprehension");
      fail();
    }
    std::vector<ast::Comprehension*> gens;
    for_if_clauses(gens);
    expect(TokenKind::RBrace);
    auto* c = node<ast::SetComp>(start);
    c->elt = first_key;
    c->generators = std::move(gens);
    return c;
  }
  ast::ExprList elts{first_key};
  bool trailing_comma = false;
  while ((trailing_comma = accept(TokenKind::Comma))) {
    if (at(TokenKind::RBrace)) break;
    elts.push_back(star_named_expression());
  }
  if (!at(TokenKind::RBrace)) {
    if (diag_ && (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For))) {
      if (trailing_comma && elts.size() == 1) {
        raise_range(elts[0], token_at(mark() - 1),
                    "did you forget parentheses around the comprehension target?");
      }
      raise_range(elts[0], elts.back(),
                  "did you forget parentheses around the comprehension target?");
    }
    fail();
  }
  advance();
  auto* s = node<ast::Set>(start);
  s->elts = std::move(elts);
  return s;
}

// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
void Parser::for_if_clauses(std::vector<ast::Comprehension*>& out) {
  while (at(TokenKind::For) || (at(TokenKind::Async) && kind(1) == TokenKind::For)) {
    auto* c = arena_.make<ast::Comprehension>();
    c->is_async = accept(TokenKind::Async) ? 1 : 0;
    advance();
    std::size_t target_start = mark();
    try {
      c->target = star_targets();
      if (!at(TokenKind::In)) fail();
    } catch (Backtrack&) {
      if (diag_) {
        reset(target_start);
        ExprNode* a = star_expressions();
        raise_invalid_target(TargetsKind::For, a);
      }
      throw;
    }
    advance();
    set_context(c->target, ast::ExprContext::Store);
    c->iter = disjunction();
    while (accept(TokenKind::If)) c->ifs.push_back(disjunction());
    out.push_back(c);
  }
}

// lambdef: 'lambda' [lambda_params] ':' expression
ExprNode* Parser::lambdef() {
  std::size_t start = mark();
  advance();
  ast::Arguments* args = parameters(true);
  expect(TokenKind::Colon);
  ExprNode* body = expression();
  auto* l = node<ast::Lambda>(start);
  l->args = args;
  l->body = body;
  return l;
}

// ---------------------------------------------------------------------------------------
// Parameters (def and lambda)
// ---------------------------------------------------------------------------------------

// param: NAME annotation?   (lambda parameters have no annotation)
ast::Arg* Parser::parameter(bool lambda) {
  std::size_t start = mark();
  std::string name(expect(TokenKind::Name).text);
  ExprNode* annotation = nullptr;
  if (!lambda && accept(TokenKind::Colon)) annotation = expression();
  auto* a = node<ast::Arg>(start);
  a->arg = std::move(name);
  a->annotation = annotation;
  return a;
}

// The parameter list up to ')' (def) or ':' (lambda), with the checks of
// invalid_parameters, invalid_star_etc, invalid_kwds and invalid_default.
ast::Arguments* Parser::parameters(bool lambda) {
  auto* args = arena_.make<ast::Arguments>();
  const TokenKind close = lambda ? TokenKind::Colon : TokenKind::RPar;
  std::vector<ast::Arg*> positional;
  bool seen_default = false;
  bool seen_slash = false;
  bool seen_star = false;  // '*' or '*args'
  bool after_kwarg = false;
  auto at_end = [&] { return at(close); };
  auto raise_here = [&](const Token& t, const char* msg) {
    if (diag_) raise_known(t, msg);
    fail();
  };

  while (!at_end()) {
    if (after_kwarg) {
      // invalid_kwds: '**' param ',' (param | '*' | '**' | '/')
      if (diag_ && (at(TokenKind::Name) || at(TokenKind::Star) || at(TokenKind::DoubleStar) ||
                    at(TokenKind::Slash))) {
        if (at(TokenKind::Name)) {
          ast::Arg* a = parameter(lambda);
          raise_known(a, "arguments cannot follow var-keyword argument");
        }
        raise_known(peek(), "arguments cannot follow var-keyword argument");
      }
      fail();
    }
    if (at(TokenKind::Slash)) {
      const Token& slash = advance();
      if (seen_star) raise_here(slash, "/ must be ahead of *");
      if (seen_slash) raise_here(slash, "/ may appear only once");
      if (positional.empty()) {
        if (diag_ && at(TokenKind::Comma)) {
          raise_known(slash, "at least one argument must precede /");
        }
        fail();
      }
      // param_maybe_default+ '/' a='*'
      if (diag_ && at(TokenKind::Star)) raise_known(peek(), "expected comma between / and *");
      seen_slash = true;
      args->posonlyargs = std::move(positional);
      positional.clear();
    } else if (at(TokenKind::Star)) {
      const Token& star = advance();
      if (seen_star) {
        if (diag_ && (at(TokenKind::Name) || at(TokenKind::Comma))) {
          raise_known(star, "* argument may appear only once");
        }
        fail();
      }
      seen_star = true;
      if (at(TokenKind::Name)) {
        std::size_t arg_start = mark();
        std::string name(advance().text);
        ExprNode* annotation = nullptr;
        if (!lambda && accept(TokenKind::Colon)) {
          annotation = at(TokenKind::Star) ? star_expression() : expression();
        }
        auto* a = node<ast::Arg>(arg_start);
        a->arg = std::move(name);
        a->annotation = annotation;
        args->vararg = a;
        if (at(TokenKind::Equal)) {
          raise_here(peek(), "var-positional argument cannot have default value");
        }
      } else {
        // A bare '*' needs keyword-only parameters after it.
        bool comma = at(TokenKind::Comma);
        if (at_end() || (comma && (kind(1) == close || kind(1) == TokenKind::DoubleStar))) {
          if (diag_) {
            if (lambda) {
              if (comma) advance();
              advance();
              raise_at_last_token("named arguments must follow bare *");
            }
            raise_known(star, "named arguments must follow bare *");
          }
          fail();
        }
        if (!comma) fail();
      }
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      args->kwarg = parameter(lambda);
      if (at(TokenKind::Equal)) {
        raise_here(peek(), "var-keyword argument cannot have default value");
      }
      after_kwarg = true;
    } else if (at(TokenKind::LPar)) {
      // invalid_parameters: param_no_default* '(' param_no_default+ ','? ')'
      if (diag_ && !seen_default && !seen_star) {
        const Token& open = advance();
        try {
          do {
            if (at(TokenKind::RPar)) break;
            parameter(lambda);
          } while (accept(TokenKind::Comma));
          if (at(TokenKind::RPar)) {
            raise_range(open, peek(),
                        lambda ? "Lambda expression parameters cannot be parenthesized"
                               : "Function parameters cannot be parenthesized");
          }
        } catch (Backtrack&) {
        }
      }
      fail();
    } else {
      ast::Arg* a = parameter(lambda);
      ExprNode* def = nullptr;
      if (at(TokenKind::Equal)) {
        const Token& eq = advance();
        if (at(TokenKind::Comma) || at(TokenKind::RPar)) {
          raise_here(eq, "expected default value expression");
        }
        def = expression();
      }
      if (seen_star) {
        args->kwonlyargs.push_back(a);
        args->kw_defaults.push_back(def);
      } else {
        if (def) {
          seen_default = true;
          args->defaults.push_back(def);
        } else if (seen_default) {
          if (diag_) raise_known(a, "non-default argument follows default argument");
          fail();
        }
        positional.push_back(a);
      }
    }
    if (!accept(TokenKind::Comma)) break;
  }
  args->args = std::move(positional);
  return args;
}

// ---------------------------------------------------------------------------------------
// Call arguments
// ---------------------------------------------------------------------------------------

// '(' [arguments] ')' after `func` (null for a class's bases).  A lone generator expression
// argument takes the call's parentheses: f(x for x in y).
ExprNode* Parser::call_arguments(ExprNode* func, std::size_t start) {
  std::size_t open = mark();
  advance();
  ast::ExprList args;
  std::vector<ast::Keyword*> keywords;
  bool seen_keyword = false;        // name=value or **mapping
  bool seen_double_star = false;    // **mapping
  // Only the first argument can start a generator expression (the `primary genexp` rule)
  // in pass 1, so only then is the token after `async` looked at.
  auto genexp_ahead = [&] {
    if (at(TokenKind::For)) return true;
    if (!at(TokenKind::Async) || !(diag_ || (args.empty() && keywords.empty()))) return false;
    return kind(1) == TokenKind::For;
  };
  while (!at(TokenKind::RPar)) {
    std::size_t item_start = mark();
    if (at(TokenKind::Star)) {
      if (seen_double_star) {
        if (diag_) {
          raise_known(peek(), "iterable argument unpacking follows keyword argument unpacking");
        }
        fail();
      }
      advance();
      ExprNode* value = expression();
      if (at(TokenKind::Equal)) fail();
      auto* s = node<ast::Starred>(item_start);
      s->value = value;
      args.push_back(s);
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      ExprNode* value = expression();
      auto* k = node<ast::Keyword>(item_start);
      k->value = value;
      keywords.push_back(k);
      seen_keyword = seen_double_star = true;
    } else if (at(TokenKind::Name) && kind(1) == TokenKind::Equal) {
      const Token& name = advance();
      const Token& eq = advance();
      ExprNode* value = expression();
      if (diag_ && genexp_ahead()) {
        // invalid_kwarg: a=NAME b='=' expression for_if_clauses
        std::vector<ast::Comprehension*> gens;
        try {
          for_if_clauses(gens);
        } catch (Backtrack&) {
        }
        if (!gens.empty()) {
          raise_range(name, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
      }
      auto* k = node<ast::Keyword>(item_start);
      k->arg = std::string(name.text);
      k->value = value;
      keywords.push_back(k);
      seen_keyword = true;
    } else if ((at(TokenKind::True) || at(TokenKind::False) || at(TokenKind::None)) &&
               kind(1) == TokenKind::Equal) {
      if (diag_) {
        const Token& a = peek();
        raise_range(a, peek(1), "cannot assign to " + std::string(a.text));
      }
      fail();
    } else {
      // A positional argument: (assignment_expression | expression !':=') !'='
      ExprNode* value;
      if (at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual) {
        value = named_expression();
      } else {
        value = expression();
        if (at(TokenKind::ColonEqual)) fail();
      }
      if (at(TokenKind::Equal)) {
        if (diag_) {
          raise_range(value, peek(),
                      "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        fail();
      }
      if (genexp_ahead()) {
        std::vector<ast::Comprehension*> gens;
        for_if_clauses(gens);
        bool alone = args.empty() && keywords.empty() && at(TokenKind::RPar) && func;
        if (!alone) {
          if (diag_) {
            ast::Comprehension* last = gens.back();
            ExprNode* end = last->ifs.empty() ? last->iter : last->ifs.back();
            raise_range(value, end, "Generator expression must be parenthesized");
          }
          fail();
        }
        advance();
        auto* g = node<ast::GeneratorExp>(open);
        g->elt = value;
        g->generators = std::move(gens);
        auto* call = node<ast::Call>(start);
        call->func = func;
        call->args.push_back(g);
        return call;
      }
      if (seen_keyword) {
        if (diag_) {
          // invalid_arguments: args ',' args -- reported after reading the rest
          try {
            while (accept(TokenKind::Comma)) {
              if (at(TokenKind::RPar)) break;
              if (at(TokenKind::Star) || at(TokenKind::DoubleStar)) advance();
              if (at(TokenKind::Name) && kind(1) == TokenKind::Equal) {
                advance();
                advance();
              }
              expression();
            }
            peek();
          } catch (Backtrack&) {
          }
          raise_at_last_token(seen_double_star
                                  ? "positional argument follows keyword argument unpacking"
                                  : "positional argument follows keyword argument");
        }
        fail();
      }
      args.push_back(value);
    }
    if (!accept(TokenKind::Comma)) break;
  }
  expect(TokenKind::RPar);
  auto* call = node<ast::Call>(start);
  call->func = func;
  call->args = std::move(args);
  call->keywords = std::move(keywords);
  return call;
}

// ---------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------

// star_targets for `for` loops and comprehensions: primaries (so that `in` ends them),
// possibly starred, separated by commas.
ExprNode* Parser::star_targets() {
  std::size_t start = mark();
  auto one = [&]() -> ExprNode* {
    if (!at(TokenKind::Star)) return primary();
    std::size_t s = mark();
    advance();
    if (at(TokenKind::Star)) fail();
    ExprNode* value = primary();
    auto* st = node<ast::Starred>(s);
    st->value = value;
    return st;
  };
  ExprNode* first = one();
  ExprNode* result = first;
  if (at(TokenKind::Comma)) {
    ast::ExprList elts{first};
    while (accept(TokenKind::Comma)) {
      if (!at(TokenKind::Star) && !starts_expression()) break;
      elts.push_back(one());
    }
    auto* t = node<ast::Tuple>(start);
    t->elts = std::move(elts);
    result = t;
  }
  if (!is_valid_target(result, TargetsKind::For)) fail();
  return result;
}

bool Parser::is_valid_target(const ExprNode* e, TargetsKind kind) {
  switch (e->kind) {
    case Kind::Name:
    case Kind::Attribute:
    case Kind::Subscript:
      return true;
    case Kind::Starred: {
      if (kind == TargetsKind::Del) return false;
      const ExprNode* value = static_cast<const ast::Starred*>(e)->value;
      return value->kind != Kind::Starred && is_valid_target(value, kind);
    }
    case Kind::Tuple:
      for (const ExprNode* elt : static_cast<const ast::Tuple*>(e)->elts) {
        if (!is_valid_target(elt, kind)) return false;
      }
      return true;
    case Kind::List:
      for (const ExprNode* elt : static_cast<const ast::List*>(e)->elts) {
        if (!is_valid_target(elt, kind)) return false;
      }
      return true;
    default:
      return false;
  }
}

// CPython's _PyPegen_get_invalid_target: the first part of `e` that cannot be a target.
const ExprNode* Parser::invalid_target(const ExprNode* e, TargetsKind kind) {
  switch (e->kind) {
    case Kind::List:
      for (const ExprNode* elt : static_cast<const ast::List*>(e)->elts) {
        if (const ExprNode* bad = invalid_target(elt, kind)) return bad;
      }
      return nullptr;
    case Kind::Tuple:
      for (const ExprNode* elt : static_cast<const ast::Tuple*>(e)->elts) {
        if (const ExprNode* bad = invalid_target(elt, kind)) return bad;
      }
      return nullptr;
    case Kind::Starred:
      if (kind == TargetsKind::Del) return e;
      return invalid_target(static_cast<const ast::Starred*>(e)->value, kind);
    case Kind::Compare: {
      // `for a in b` reaches here parsed as the comparison `a in b`.
      if (kind != TargetsKind::For) return e;
      const auto* c = static_cast<const ast::Compare*>(e);
      if (c->ops[0] == ast::CmpOp::In) return invalid_target(c->left, kind);
      return nullptr;
    }
    case Kind::Name:
    case Kind::Subscript:
    case Kind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void Parser::raise_invalid_target(TargetsKind kind, const ExprNode* e) {
  const ExprNode* bad = invalid_target(e, kind);
  if (!bad) fail();
  raise_known(bad, std::string(kind == TargetsKind::Del ? "cannot delete " : "cannot assign to ") +
                       expr_name(bad));
}

void Parser::set_context(ExprNode* e, ast::ExprContext ctx) {
  switch (e->kind) {
    case Kind::Name: static_cast<ast::Name*>(e)->ctx = ctx; break;
    case Kind::Attribute: static_cast<ast::Attribute*>(e)->ctx = ctx; break;
    case Kind::Subscript: static_cast<ast::Subscript*>(e)->ctx = ctx; break;
    case Kind::Starred: {
      auto* s = static_cast<ast::Starred*>(e);
      s->ctx = ctx;
      set_context(s->value, ctx);
      break;
    }
    case Kind::List: {
      auto* l = static_cast<ast::List*>(e);
      l->ctx = ctx;
      for (ExprNode* elt : l->elts) set_context(elt, ctx);
      break;
    }
    case Kind::Tuple: {
      auto* t = static_cast<ast::Tuple*>(e);
      t->ctx = ctx;
      for (ExprNode* elt : t->elts) set_context(elt, ctx);
      break;
    }
    default: break;
  }
}

// CPython's _PyPegen_get_expr_name: how messages name an expression.
const char* Parser::expr_name(const ExprNode* e) {
  switch (e->kind) {
    case Kind::Attribute: return "attribute";
    case Kind::Subscript: return "subscript";
    case Kind::Starred: return "starred";
    case Kind::Name: return "name";
    case Kind::List: return "list";
    case Kind::Tuple: return "tuple";
    case Kind::Lambda: return "lambda";
    case Kind::Call: return "function call";
    case Kind::BoolOp:
    case Kind::BinOp:
    case Kind::UnaryOp: return "expression";
    case Kind::GeneratorExp: return "generator expression";
    case Kind::Yield:
    case Kind::YieldFrom: return "yield expression";
    case Kind::Await: return "await expression";
    case Kind::ListComp: return "list comprehension";
    case Kind::SetComp: return "set comprehension";
    case Kind::DictComp: return "dict comprehension";
    case Kind::Dict: return "dict literal";
    case Kind::Set: return "set display";
    case Kind::JoinedStr:
    case Kind::FormattedValue: return "f-string expression";
    case Kind::Constant:
      switch (static_cast<const ast::Constant*>(e)->value.kind) {
        case ast::ConstantValue::Kind::None: return "None";
        case ast::ConstantValue::Kind::False: return "False";
        case ast::ConstantValue::Kind::True: return "True";
        case ast::ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case Kind::Compare: return "comparison";
    case Kind::IfExp: return "conditional expression";
    case Kind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

}  // namespace minipy::parser_detail
