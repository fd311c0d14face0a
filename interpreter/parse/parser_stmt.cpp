// Statements: the start rules, simple statements, assignments and compound statements.
// Rule names and the order of checks follow CPython 3.11's Grammar/python.gram.
#include "parse/parser_impl.h"

namespace minipy::parser_detail {

using ast::ExprNode;
using ast::StmtNode;

namespace {

std::optional<ast::Operator> augassign_op(TokenKind k) {
  switch (k) {
    case TokenKind::PlusEqual: return ast::Operator::Add;
    case TokenKind::MinEqual: return ast::Operator::Sub;
    case TokenKind::StarEqual: return ast::Operator::Mult;
    case TokenKind::AtEqual: return ast::Operator::MatMult;
    case TokenKind::SlashEqual: return ast::Operator::Div;
    case TokenKind::PercentEqual: return ast::Operator::Mod;
    case TokenKind::AmperEqual: return ast::Operator::BitAnd;
    case TokenKind::VBarEqual: return ast::Operator::BitOr;
    case TokenKind::CircumflexEqual: return ast::Operator::BitXor;
    case TokenKind::LeftShiftEqual: return ast::Operator::LShift;
    case TokenKind::RightShiftEqual: return ast::Operator::RShift;
    case TokenKind::DoubleStarEqual: return ast::Operator::Pow;
    case TokenKind::DoubleSlashEqual: return ast::Operator::FloorDiv;
    default: return std::nullopt;
  }
}

// single_target: a name, attribute or subscript, possibly in parentheses.
bool is_single_target(const ExprNode* e) {
  return e->kind == ast::Kind::Name || e->kind == ast::Kind::Attribute ||
         e->kind == ast::Kind::Subscript;
}

std::string indented_block_message(const char* what, int lineno) {
  return std::string("expected an indented block after ") + what + " on line " +
         std::to_string(lineno);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Start rules
// ---------------------------------------------------------------------------------------

ast::Module* Parser::file() {
  auto* m = arena_.make<ast::Module>();
  if (!at(TokenKind::EndMarker)) statements(m->body);
  expect(TokenKind::EndMarker);
  return m;
}

ast::Expression* Parser::eval() {
  auto* m = arena_.make<ast::Expression>();
  m->body = expressions();
  while (accept(TokenKind::Newline)) {
  }
  expect(TokenKind::EndMarker);
  return m;
}

// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER.  The last
// two make no statement; CPython then fails with "invalid syntax" too.
ast::Interactive* Parser::interactive() {
  auto* m = arena_.make<ast::Interactive>();
  if (at(TokenKind::Newline) || at(TokenKind::EndMarker)) fail();
  if (StmtNode* s = compound_stmt()) {
    m->body.push_back(s);
    expect(TokenKind::Newline);
  } else {
    simple_stmts(m->body);
  }
  // Only comments and blank lines may follow the statement.
  std::string_view rest = tok_.rest();
  for (std::size_t i = 0; i < rest.size(); ++i) {
    char c = rest[i];
    if (c == '#') {
      while (i < rest.size() && rest[i] != '\n') ++i;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\f') {
      raise_at_last_token("multiple statements found while compiling a single statement");
    }
  }
  return m;
}

void Parser::statements(ast::StmtList& out) {
  do {
    statement(out);
  } while (!at(TokenKind::EndMarker) && !at(TokenKind::Dedent));
}

void Parser::statement(ast::StmtList& out) {
  if (StmtNode* s = compound_stmt()) {
    out.push_back(s);
  } else {
    simple_stmts(out);
  }
}

// ---------------------------------------------------------------------------------------
// Simple statements
// ---------------------------------------------------------------------------------------

void Parser::simple_stmts(ast::StmtList& out) {
  out.push_back(simple_stmt());
  while (accept(TokenKind::Semi)) {
    if (at(TokenKind::Newline)) break;
    out.push_back(simple_stmt());
  }
  expect(TokenKind::Newline);
}

StmtNode* Parser::simple_stmt() {
  std::size_t start = mark();
  switch (kind()) {
    case TokenKind::Return: return return_stmt();
    case TokenKind::Import: return import_name();
    case TokenKind::From: return import_from();
    case TokenKind::Raise: return raise_stmt();
    case TokenKind::Pass: advance(); return node<ast::Pass>(start);
    case TokenKind::Break: advance(); return node<ast::Break>(start);
    case TokenKind::Continue: advance(); return node<ast::Continue>(start);
    case TokenKind::Del: return del_stmt();
    case TokenKind::Assert: return assert_stmt();
    case TokenKind::Global: return global_stmt(false);
    case TokenKind::Nonlocal: return global_stmt(true);
    default: return expression_stmt();
  }
}

// assignment | star_expressions (an expression statement).  The left side is parsed as an
// expression and then checked as a target, which accepts what CPython's target rules do.
StmtNode* Parser::expression_stmt() {
  std::size_t start = mark();
  ExprNode* first = at(TokenKind::Yield) ? yield_expr() : star_expressions();

  if (at(TokenKind::Colon)) {
    // NAME ':' expression ['=' annotated_rhs] | single_target ':' ...
    if (first->kind == ast::Kind::Tuple && token_at(start).kind != TokenKind::LPar) {
      if (diag_) invalid_assignment(start);
      fail();
    }
    if (!is_single_target(first)) {
      if (diag_) invalid_assignment(start);
      fail();
    }
    advance();
    ExprNode* annotation = expression();
    ExprNode* value = nullptr;
    if (accept(TokenKind::Equal)) value = at(TokenKind::Yield) ? yield_expr() : star_expressions();
    auto* s = node<ast::AnnAssign>(start);
    set_context(first, ast::ExprContext::Store);
    s->target = first;
    s->annotation = annotation;
    s->value = value;
    s->simple = first->kind == ast::Kind::Name && token_at(start).kind == TokenKind::Name;
    return s;
  }

  if (at(TokenKind::Equal)) {
    ast::ExprList targets;
    ExprNode* value = first;
    while (at(TokenKind::Equal)) {
      if (!is_valid_target(value, TargetsKind::Star)) {
        if (diag_) invalid_assignment(start);
        fail();
      }
      targets.push_back(value);
      advance();
      value = at(TokenKind::Yield) ? yield_expr() : star_expressions();
    }
    auto* s = node<ast::Assign>(start);
    for (ExprNode* t : targets) set_context(t, ast::ExprContext::Store);
    s->targets = std::move(targets);
    s->value = value;
    return s;
  }

  if (auto op = augassign_op(kind())) {
    if (!is_single_target(first)) {
      if (diag_) invalid_assignment(start);
      fail();
    }
    advance();
    ExprNode* value = at(TokenKind::Yield) ? yield_expr() : star_expressions();
    auto* s = node<ast::AugAssign>(start);
    set_context(first, ast::ExprContext::Store);
    s->target = first;
    s->op = *op;
    s->value = value;
    return s;
  }

  auto* s = node<ast::Expr>(start);
  s->value = first;
  return s;
}

// The invalid_assignment rule: an assignment whose target is not one.  Each check re-parses
// from the statement's start, in the grammar's order.
void Parser::invalid_assignment(std::size_t start) {
  auto attempt = [&](auto&& f) {
    reset(start);
    try {
      f();
    } catch (Backtrack&) {
    }
  };
  // a=invalid_ann_assign_target ':' expression: a list or tuple, maybe in parentheses.
  attempt([&] {
    std::size_t parens = 0;
    while (at(TokenKind::LPar) && (kind(1) == TokenKind::LPar || kind(1) == TokenKind::LSqb)) {
      advance();
      ++parens;
    }
    if (!at(TokenKind::LPar) && !at(TokenKind::LSqb)) fail();
    ExprNode* a = atom();
    if (a->kind != ast::Kind::List && a->kind != ast::Kind::Tuple) fail();
    for (; parens > 0; --parens) expect(TokenKind::RPar);
    expect(TokenKind::Colon);
    expression();
    raise_known(a, std::string("only single target (not ") +
                       (a->kind == ast::Kind::List ? "list" : "tuple") + ") can be annotated");
  });
  // a=star_named_expression ',' star_named_expressions* ':' expression
  attempt([&] {
    ExprNode* a = star_named_expression();
    expect(TokenKind::Comma);
    while (!at(TokenKind::Colon) && starts_expression()) {
      star_named_expression();
      if (!accept(TokenKind::Comma)) break;
    }
    expect(TokenKind::Colon);
    expression();
    raise_known(a, "only single target (not tuple) can be annotated");
  });
  // a=expression ':' expression
  attempt([&] {
    ExprNode* a = expression();
    expect(TokenKind::Colon);
    expression();
    raise_known(a, "illegal target for annotation");
  });
  // (star_targets '=')* a=star_expressions '='   and the same with a=yield_expr
  attempt([&] {
    for (;;) {
      bool bare_yield = at(TokenKind::Yield);
      ExprNode* a = bare_yield ? yield_expr() : star_expressions();
      if (!at(TokenKind::Equal)) fail();
      if (bare_yield) raise_known(a, "assignment to yield expression not possible");
      if (!is_valid_target(a, TargetsKind::Star)) {
        raise_invalid_target(TargetsKind::Star, a);
      }
      advance();
    }
  });
  // a=star_expressions augassign (yield_expr | star_expressions)
  attempt([&] {
    ExprNode* a = star_expressions();
    if (!augassign_op(kind())) fail();
    advance();
    if (at(TokenKind::Yield)) {
      yield_expr();
    } else {
      star_expressions();
    }
    raise_known(a, std::string("'") + expr_name(a) +
                       "' is an illegal expression for augmented assignment");
  });
  reset(start);
}

StmtNode* Parser::return_stmt() {
  std::size_t start = mark();
  advance();
  ExprNode* value = nullptr;
  if (starts_expression()) value = star_expressions();
  auto* s = node<ast::Return>(start);
  s->value = value;
  return s;
}

StmtNode* Parser::raise_stmt() {
  std::size_t start = mark();
  advance();
  ExprNode* exc = nullptr;
  ExprNode* cause = nullptr;
  if (starts_expression()) {
    exc = expression();
    if (accept(TokenKind::From)) cause = expression();
  }
  auto* s = node<ast::Raise>(start);
  s->exc = exc;
  s->cause = cause;
  return s;
}

StmtNode* Parser::global_stmt(bool nonlocal) {
  std::size_t start = mark();
  advance();
  std::vector<std::string> names;
  do {
    names.emplace_back(expect(TokenKind::Name).text);
  } while (accept(TokenKind::Comma));
  if (nonlocal) {
    auto* s = node<ast::Nonlocal>(start);
    s->names = std::move(names);
    return s;
  }
  auto* s = node<ast::Global>(start);
  s->names = std::move(names);
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
StmtNode* Parser::del_stmt() {
  std::size_t start = mark();
  advance();
  std::size_t targets_start = mark();
  ast::ExprList targets;
  bool ok = true;
  try {
    do {
      if (at(TokenKind::Semi) || at(TokenKind::Newline)) break;
      ExprNode* t = primary();
      if (!is_valid_target(t, TargetsKind::Del)) ok = false;
      targets.push_back(t);
    } while (accept(TokenKind::Comma));
  } catch (Backtrack&) {
    ok = false;
  }
  if (targets.empty() || !ok || !(at(TokenKind::Semi) || at(TokenKind::Newline))) {
    if (diag_) {
      reset(targets_start);
      ExprNode* a = star_expressions();
      raise_invalid_target(TargetsKind::Del, a);
    }
    fail();
  }
  auto* s = node<ast::Delete>(start);
  for (ExprNode* t : targets) set_context(t, ast::ExprContext::Del);
  s->targets = std::move(targets);
  return s;
}

StmtNode* Parser::assert_stmt() {
  std::size_t start = mark();
  advance();
  ExprNode* test = expression();
  ExprNode* msg = nullptr;
  if (accept(TokenKind::Comma)) msg = expression();
  auto* s = node<ast::Assert>(start);
  s->test = test;
  s->msg = msg;
  return s;
}

std::string Parser::dotted_name() {
  std::string name(expect(TokenKind::Name).text);
  while (at(TokenKind::Dot) && kind(1) == TokenKind::Name) {
    advance();
    name += '.';
    name += advance().text;
  }
  return name;
}

// import_name: 'import' dotted_as_names
StmtNode* Parser::import_name() {
  std::size_t start = mark();
  advance();
  std::vector<ast::Alias*> names;
  do {
    std::size_t alias_start = mark();
    std::string name = dotted_name();
    std::optional<std::string> asname;
    if (accept(TokenKind::As)) asname = std::string(expect(TokenKind::Name).text);
    auto* a = node<ast::Alias>(alias_start);
    a->name = std::move(name);
    a->asname = std::move(asname);
    names.push_back(a);
  } while (accept(TokenKind::Comma));
  auto* s = node<ast::Import>(start);
  s->names = std::move(names);
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
StmtNode* Parser::import_from() {
  std::size_t start = mark();
  advance();
  int level = 0;
  for (;;) {
    if (accept(TokenKind::Dot)) {
      level += 1;
    } else if (accept(TokenKind::Ellipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  std::optional<std::string> module;
  if (level == 0 || at(TokenKind::Name)) module = dotted_name();
  expect(TokenKind::Import);
  std::vector<ast::Alias*> names;
  if (at(TokenKind::Star)) {
    const Token& star = advance();
    auto* a = node_tokens<ast::Alias>(star, star);
    a->name = "*";
    names.push_back(a);
  } else {
    bool parenthesized = accept(TokenKind::LPar);
    for (;;) {
      std::size_t alias_start = mark();
      std::string name(expect(TokenKind::Name).text);
      std::optional<std::string> asname;
      if (accept(TokenKind::As)) asname = std::string(expect(TokenKind::Name).text);
      auto* a = node<ast::Alias>(alias_start);
      a->name = std::move(name);
      a->asname = std::move(asname);
      names.push_back(a);
      if (!at(TokenKind::Comma)) break;
      advance();
      if (parenthesized && at(TokenKind::RPar)) break;
      if (!parenthesized && at(TokenKind::Newline)) {
        if (diag_) {
          raise_at_last_token("trailing comma not allowed without surrounding parentheses");
        }
        fail();
      }
    }
    if (parenthesized) expect(TokenKind::RPar);
  }
  auto* s = node<ast::ImportFrom>(start);
  s->module = std::move(module);
  s->names = std::move(names);
  s->level = level;
  return s;
}

// ---------------------------------------------------------------------------------------
// Compound statements
// ---------------------------------------------------------------------------------------

// Returns null when the next statement is not a compound one.
StmtNode* Parser::compound_stmt() {
  std::size_t start = mark();
  switch (kind()) {
    case TokenKind::Def: return function_def({}, start);
    case TokenKind::Class: return class_def({}, start);
    case TokenKind::At: {
      ast::ExprList decos;
      decorators(decos);
      std::size_t def_start = mark();
      if (at(TokenKind::Class)) return class_def(std::move(decos), def_start);
      if (at(TokenKind::Def) || (at(TokenKind::Async) && kind(1) == TokenKind::Def)) {
        return function_def(std::move(decos), def_start);
      }
      fail();
    }
    case TokenKind::If: return if_stmt(false);
    case TokenKind::While: return while_stmt();
    case TokenKind::For: return for_stmt(start, false);
    case TokenKind::With: return with_stmt(start, false);
    case TokenKind::Try: return try_stmt();
    case TokenKind::Async: {
      TokenKind next = kind(1);
      if (next == TokenKind::Def) return function_def({}, start);
      advance();
      if (next == TokenKind::For) return for_stmt(start, true);
      if (next == TokenKind::With) return with_stmt(start, true);
      fail();
    }
    case TokenKind::Name:
      if (peek().text == "match" && match_statement_ahead()) {
        raise_known(token_at(start), "'match' statements are not supported by minipy");
      }
      return nullptr;
    default: return nullptr;
  }
}

// Whether a soft-keyword `match` starts a match statement ("match" subject_expr ':' NEWLINE
// INDENT "case"), which minipy rejects, rather than an expression using the name `match`.
// Pass 2 also applies invalid_match_stmt, which CPython checks even where `match` is a name.
bool Parser::match_statement_ahead() {
  std::size_t start = mark();
  const Token& kw = peek();
  bool found = false;
  try {
    advance();
    star_named_expression();
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::Colon) || at(TokenKind::Newline)) break;
      star_named_expression();
    }
    if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
    if (accept(TokenKind::Colon) && accept(TokenKind::Newline)) {
      if (diag_ && !at(TokenKind::Indent)) {
        raise_indentation("expected an indented block after 'match' statement on line " +
                          std::to_string(kw.lineno));
      }
      found = accept(TokenKind::Indent) && at_name("case");
    }
  } catch (Backtrack&) {
  }
  reset(start);
  return found;
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
void Parser::block(ast::StmtList& out, const Token& header, const char* what) {
  DepthGuard guard(*this);
  if (!at(TokenKind::Newline)) {
    simple_stmts(out);
    return;
  }
  advance();
  if (!at(TokenKind::Indent)) {
    if (diag_) raise_indentation(indented_block_message(what, header.lineno));
    fail();
  }
  advance();
  statements(out);
  expect(TokenKind::Dedent);
}

// decorators: ('@' named_expression NEWLINE)+
void Parser::decorators(ast::ExprList& out) {
  while (accept(TokenKind::At)) {
    out.push_back(named_expression());
    expect(TokenKind::Newline);
  }
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
StmtNode* Parser::function_def(ast::ExprList decos, std::size_t start) {
  bool is_async = accept(TokenKind::Async);
  const Token& def = advance();
  std::string name(expect(TokenKind::Name).text);
  expect_forced(TokenKind::LPar, "(");
  ast::Arguments* args = parameters(false);
  expect(TokenKind::RPar);
  ExprNode* returns = nullptr;
  if (at(TokenKind::RArrow)) {
    // ['->' expression] is optional: without an expression, "expected ':'" points at '->'.
    std::size_t m = mark();
    advance();
    try {
      returns = expression();
    } catch (Backtrack&) {
      reset(m);
    }
  }
  expect_forced(TokenKind::Colon, ":");
  ast::StmtList body;
  block(body, def, "function definition");
  if (is_async) {
    auto* s = node<ast::AsyncFunctionDef>(start);
    s->name = std::move(name);
    s->args = args;
    s->body = std::move(body);
    s->decorator_list = std::move(decos);
    s->returns = returns;
    return s;
  }
  auto* s = node<ast::FunctionDef>(start);
  s->name = std::move(name);
  s->args = args;
  s->body = std::move(body);
  s->decorator_list = std::move(decos);
  s->returns = returns;
  return s;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
StmtNode* Parser::class_def(ast::ExprList decos, std::size_t start) {
  const Token& cls = advance();
  std::string name(expect(TokenKind::Name).text);
  ast::Call* call = nullptr;
  if (at(TokenKind::LPar)) {
    std::size_t paren = mark();
    call = static_cast<ast::Call*>(call_arguments(nullptr, paren));
  }
  if (!at(TokenKind::Colon)) {
    if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
    fail();
  }
  advance();
  ast::StmtList body;
  block(body, cls, "class definition");
  auto* s = node<ast::ClassDef>(start);
  s->name = std::move(name);
  if (call) {
    s->bases = std::move(call->args);
    s->keywords = std::move(call->keywords);
  }
  s->body = std::move(body);
  s->decorator_list = std::move(decos);
  return s;
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
StmtNode* Parser::if_stmt(bool elif) {
  std::size_t start = mark();
  const Token& kw = advance();
  ExprNode* test = named_expression();
  if (!at(TokenKind::Colon)) {
    if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
    fail();
  }
  advance();
  ast::StmtList body;
  block(body, kw, elif ? "'elif' statement" : "'if' statement");
  ast::StmtList orelse;
  if (at(TokenKind::Elif)) {
    orelse.push_back(if_stmt(true));
  } else if (at(TokenKind::Else)) {
    else_block(orelse);
  }
  auto* s = node<ast::If>(start);
  s->test = test;
  s->body = std::move(body);
  s->orelse = std::move(orelse);
  return s;
}

// else_block: 'else' &&':' block
void Parser::else_block(ast::StmtList& out) {
  const Token& kw = advance();
  expect_forced(TokenKind::Colon, ":");
  block(out, kw, "'else' statement");
}

StmtNode* Parser::while_stmt() {
  std::size_t start = mark();
  const Token& kw = advance();
  ExprNode* test = named_expression();
  if (!at(TokenKind::Colon)) {
    if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
    fail();
  }
  advance();
  ast::StmtList body;
  block(body, kw, "'while' statement");
  ast::StmtList orelse;
  if (at(TokenKind::Else)) else_block(orelse);
  auto* s = node<ast::While>(start);
  s->test = test;
  s->body = std::move(body);
  s->orelse = std::move(orelse);
  return s;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
//         | invalid_for_target
StmtNode* Parser::for_stmt(std::size_t start, bool is_async) {
  const Token& kw = advance();
  std::size_t target_start = mark();
  ExprNode* target = nullptr;
  try {
    target = star_targets();
    if (!at(TokenKind::In)) fail();
  } catch (Backtrack&) {
    if (diag_) {
      // invalid_for_target
      reset(target_start);
      ExprNode* a = star_expressions();
      raise_invalid_target(TargetsKind::For, a);
    }
    throw;
  }
  advance();
  ExprNode* iter = star_expressions();
  if (!at(TokenKind::Colon)) {
    if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
    fail();
  }
  advance();
  ast::StmtList body;
  block(body, kw, "'for' statement");
  ast::StmtList orelse;
  if (at(TokenKind::Else)) else_block(orelse);
  set_context(target, ast::ExprContext::Store);
  if (is_async) {
    auto* s = node<ast::AsyncFor>(start);
    s->target = target;
    s->iter = iter;
    s->body = std::move(body);
    s->orelse = std::move(orelse);
    return s;
  }
  auto* s = node<ast::For>(start);
  s->target = target;
  s->iter = iter;
  s->body = std::move(body);
  s->orelse = std::move(orelse);
  return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
ast::WithItem* Parser::with_item() {
  auto* item = arena_.make<ast::WithItem>();
  item->context_expr = expression();
  if (!at(TokenKind::As)) return item;
  advance();
  std::size_t target_start = mark();
  ExprNode* target = nullptr;
  try {
    if (at(TokenKind::Star)) {
      std::size_t star = mark();
      advance();
      ExprNode* value = primary();
      auto* s = node<ast::Starred>(star);
      s->value = value;
      target = s;
    } else {
      target = primary();
    }
    if (!is_valid_target(target, TargetsKind::Star) ||
        !(at(TokenKind::Comma) || at(TokenKind::RPar) || at(TokenKind::Colon))) {
      fail();
    }
  } catch (Backtrack&) {
    if (diag_) {
      reset(target_start);
      ExprNode* a = expression();
      if (at(TokenKind::Comma) || at(TokenKind::RPar) || at(TokenKind::Colon)) {
        raise_invalid_target(TargetsKind::Star, a);
      }
    }
    throw;
  }
  set_context(target, ast::ExprContext::Store);
  item->optional_vars = target;
  return item;
}

// with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | [ASYNC] 'with' ','.with_item+ ':' block
StmtNode* Parser::with_stmt(std::size_t start, bool is_async) {
  const Token& kw = advance();
  std::size_t items_start = mark();
  std::vector<ast::WithItem*> items;
  bool done = false;
  if (at(TokenKind::LPar)) {
    try {
      advance();
      do {
        if (!items.empty() && at(TokenKind::RPar)) break;
        items.push_back(with_item());
      } while (accept(TokenKind::Comma));
      expect(TokenKind::RPar);
      if (!at(TokenKind::Colon)) fail();
      done = true;
    } catch (Backtrack&) {
      items.clear();
      reset(items_start);
    }
  }
  if (!done) {
    try {
      do {
        items.push_back(with_item());
      } while (accept(TokenKind::Comma));
      if (!at(TokenKind::Colon)) fail();
    } catch (Backtrack&) {
      if (diag_) invalid_with_stmt(items_start);
      throw;
    }
  }
  if (!at(TokenKind::Colon)) {
    if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
    fail();
  }
  advance();
  ast::StmtList body;
  block(body, kw, "'with' statement");
  if (is_async) {
    auto* s = node<ast::AsyncWith>(start);
    s->items = std::move(items);
    s->body = std::move(body);
    return s;
  }
  auto* s = node<ast::With>(start);
  s->items = std::move(items);
  s->body = std::move(body);
  return s;
}

// invalid_with_stmt: [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE, also with
// the items in parentheses: a missing ':'.
void Parser::invalid_with_stmt(std::size_t items_start) {
  auto items = [&] {
    do {
      expression();
      if (accept(TokenKind::As)) {
        accept(TokenKind::Star);
        primary();
      }
    } while (accept(TokenKind::Comma) && !at(TokenKind::RPar));
  };
  bool missing_colon = false;
  for (int parenthesized = 0; parenthesized < 2 && !missing_colon; ++parenthesized) {
    reset(items_start);
    try {
      if (parenthesized) expect(TokenKind::LPar);
      items();
      if (parenthesized) expect(TokenKind::RPar);
      missing_colon = at(TokenKind::Newline);
    } catch (Backtrack&) {
    }
  }
  if (missing_colon) raise_at_last_token("expected ':'");
  reset(items_start);
}

// try_stmt: 'try' &&':' block (finally_block | except_block+ [else_block] [finally_block]
//                                | except_star_block+ [else_block] [finally_block])
StmtNode* Parser::try_stmt() {
  std::size_t start = mark();
  const Token& kw = advance();
  expect_forced(TokenKind::Colon, ":");
  ast::StmtList body;
  block(body, kw, "'try' statement");
  std::vector<ast::ExceptHandler*> handlers;
  bool star_try = false;
  while (at(TokenKind::Except)) {
    std::size_t handler_start = mark();
    const Token& except = advance();
    const Token* star = at(TokenKind::Star) ? &advance() : nullptr;
    if (handlers.empty()) star_try = star != nullptr;
    if (star && (at(TokenKind::Colon) || at(TokenKind::Newline))) {
      if (diag_) raise_at_last_token("expected one or more exception types");
      fail();
    }
    ExprNode* type = nullptr;
    std::optional<std::string> name;
    if (!at(TokenKind::Colon)) {
      if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
      type = expression();
      if (accept(TokenKind::As)) {
        name = std::string(expect(TokenKind::Name).text);
      } else if (diag_ && at(TokenKind::Comma)) {
        // 'except' expression ',' expressions ['as' NAME] ':'
        std::size_t m = mark();
        try {
          advance();
          expressions();
          if (accept(TokenKind::As)) expect(TokenKind::Name);
          if (at(TokenKind::Colon)) {
            raise_starting_from(type, "multiple exception types must be parenthesized");
          }
        } catch (Backtrack&) {
        }
        reset(m);
      }
    }
    if (!at(TokenKind::Colon)) {
      if (diag_ && at(TokenKind::Newline)) raise_at_last_token("expected ':'");
      fail();
    }
    if ((star != nullptr) != star_try) {
      if (!diag_) fail();
      const char* msg = "cannot have both 'except' and 'except*' on the same 'try'";
      if (star) raise_range(except, *star, msg);
      raise_known(except, msg);
    }
    advance();
    ast::StmtList handler_body;
    block(handler_body, except, star ? "'except*' statement" : "'except' statement");
    auto* h = node<ast::ExceptHandler>(handler_start);
    h->type = type;
    h->name = std::move(name);
    h->body = std::move(handler_body);
    handlers.push_back(h);
  }
  ast::StmtList orelse;
  if (!handlers.empty() && at(TokenKind::Else)) else_block(orelse);
  ast::StmtList finalbody;
  if (at(TokenKind::Finally)) {
    const Token& fin = advance();
    expect_forced(TokenKind::Colon, ":");
    block(finalbody, fin, "'finally' statement");
  } else if (handlers.empty()) {
    if (diag_) raise_at_last_token("expected 'except' or 'finally' block");
    fail();
  }
  ast::TryStmt* s = star_try ? static_cast<ast::TryStmt*>(node<ast::TryStar>(start)) : node<ast::Try>(start);
  s->body = std::move(body);
  s->handlers = std::move(handlers);
  s->orelse = std::move(orelse);
  s->finalbody = std::move(finalbody);
  return s;
}

}  // namespace minipy::parser_detail
