// String atoms: implicit concatenation, escape decoding and f-strings.
//
// f-strings arrive as single STRING tokens (Python 3.11 has no f-string tokens).  Their
// text is split into literal parts and {expression!conversion:format_spec} fields here, and
// each expression is parsed by a nested Parser over the text "(expression)", as CPython
// 3.11 does; that nesting is what gives f-string errors their peculiar positions.
#include "parse/parser_impl.h"

namespace minipy::parser_detail {

using ast::ExprNode;

// The pieces of one JoinedStr being built (CPython's FstringParser).
struct Parser::FStringState {
  bool fmode = false;     // an f-string took part: the result is a JoinedStr
  std::string last_str;   // literal text not yet turned into a Constant
  ast::ExprList values;
};

namespace {

constexpr int kMaxFStringParens = 200;

}  // namespace

ast::Constant* Parser::make_str_constant(std::string value) {
  auto* c = node_tokens<ast::Constant>(*strings_first_, *strings_last_);
  c->value.kind = ast::ConstantValue::Kind::Str;
  c->value.str = std::move(value);
  c->u_prefix = strings_u_;
  return c;
}

// strings: STRING+
ExprNode* Parser::strings() {
  std::size_t first_index = mark();
  while (at(TokenKind::String)) advance();
  std::size_t last_index = mark() - 1;
  const Token& first = token_at(first_index);
  const Token& last = token_at(last_index);
  peek();  // CPython's loop over STRING+ has read the following token

  // The range every piece of the result spans.  Strings inside f-string expressions are
  // parsed by nested Parsers, so these are never overwritten while in use.
  strings_first_ = &first;
  strings_last_ = &last;
  // Constant.kind is "u" only when the first literal starts with a lower-case u.
  strings_u_ = !first.text.empty() && first.text[0] == 'u';

  FStringState state;
  bool bytesmode = false;
  std::string bytes_value;
  std::string decoded;
  for (std::size_t i = first_index; i <= last_index; ++i) {
    const Token& t = token_at(i);
    StringPrefix prefix = parse_string_prefix(t.text);
    std::string_view body = string_body(t.text, prefix);
    if (!prefix.fstring) {
      if (prefix.bytes) {
        for (char c : body) {
          if (static_cast<unsigned char>(c) >= 0x80) {
            raise_known(t, "bytes can only contain ASCII literal characters");
          }
        }
      }
      bool raw = prefix.raw || body.find('\\') == std::string_view::npos;
      if (raw) {
        decoded.assign(body);
      } else {
        auto error = prefix.bytes ? decode_bytes_escapes(body, decoded)
                                  : decode_str_escapes(body, decoded);
        if (error) raise_at_last_token(*error);
      }
    }
    if (i != first_index && bytesmode != prefix.bytes) {
      raise_at_last_token("cannot mix bytes and nonbytes literals");
    }
    bytesmode = prefix.bytes;
    if (prefix.fstring) {
      std::size_t pos = 0;
      fstring_concat(state, body, pos, prefix.raw, 0, t);
    } else if (bytesmode) {
      bytes_value += decoded;
    } else {
      state.last_str += decoded;
    }
  }

  if (bytesmode) {
    auto* c = node_tokens<ast::Constant>(first, last);
    c->value.kind = ast::ConstantValue::Kind::Bytes;
    c->value.str = std::move(bytes_value);
    return c;
  }
  if (!state.fmode) return make_str_constant(std::move(state.last_str));
  if (!state.last_str.empty()) state.values.push_back(make_str_constant(std::move(state.last_str)));
  auto* j = node_tokens<ast::JoinedStr>(first, last);
  j->values = std::move(state.values);
  return j;
}

// Appends the pieces of one f-string body (from `pos`) to `state`.  In a format spec
// (recurse_lvl 1) it stops at the closing '}'.
void Parser::fstring_concat(FStringState& state, std::string_view body, std::size_t& pos,
                            bool raw, int recurse_lvl, const Token& t) {
  state.fmode = true;
  for (;;) {
    std::string literal;
    bool have_literal = false;
    bool doubled_brace = fstring_find_literal(body, pos, raw, recurse_lvl, literal, have_literal);
    if (have_literal) state.last_str += literal;
    if (doubled_brace) continue;
    if (pos >= body.size() || body[pos] == '}') break;
    std::string expr_text;
    bool have_text = false;
    ExprNode* value = fstring_find_expr(body, pos, raw, recurse_lvl, expr_text, have_text, t);
    if (have_text) state.last_str += expr_text;
    if (!state.last_str.empty()) {
      state.values.push_back(make_str_constant(std::move(state.last_str)));
      state.last_str.clear();
    }
    state.values.push_back(value);
  }
  if (recurse_lvl == 0 && pos + 1 < body.size()) {
    raise_at_last_token("f-string: unexpected end of string");
  }
  if (recurse_lvl != 0 && (pos >= body.size() || body[pos] != '}')) {
    raise_at_last_token("f-string: expecting '}'");
  }
}

// A format spec: a JoinedStr of its own, located at the current token.
ExprNode* Parser::fstring_parse_spec(std::string_view body, std::size_t& pos, bool raw,
                                     int recurse_lvl, const Token& t) {
  FStringState state;
  fstring_concat(state, body, pos, raw, recurse_lvl, t);
  if (!state.last_str.empty()) {
    auto* c = node_tokens<ast::Constant>(t, t);
    c->value.kind = ast::ConstantValue::Kind::Str;
    c->value.str = std::move(state.last_str);
    state.values.push_back(c);
  }
  auto* j = node_tokens<ast::JoinedStr>(t, t);
  j->values = std::move(state.values);
  return j;
}

// Reads literal text up to an expression's '{' (or a spec's closing '}').  Returns true
// when it stopped after a doubled brace, which stands for one literal brace.
bool Parser::fstring_find_literal(std::string_view body, std::size_t& pos, bool raw,
                                  int recurse_lvl, std::string& literal, bool& have_literal) {
  std::size_t end = body.size();
  std::size_t s = pos;
  std::size_t literal_start = pos;
  bool doubled = false;
  while (s < end) {
    char ch = body[s++];
    if (!raw && ch == '\\' && s < end) {
      ch = body[s++];
      if (ch == 'N') {
        // Skip "\N{NAME}": its braces are no expression.
        if (s < end && body[s++] == '{') {
          while (s < end && body[s++] != '}') {
          }
        }
        continue;
      }
    }
    if (ch == '{' || ch == '}') {
      // Doubled braces are literal, but only at the top level (not in "{0:{3}}").
      if (recurse_lvl == 0) {
        if (s < end && body[s] == ch) {
          pos = s + 1;
          doubled = true;
          break;
        }
        if (ch == '}') {
          pos = s - 1;
          raise_at_last_token("f-string: single '}' is not allowed");
        }
      }
      --s;
      break;
    }
  }
  if (!doubled) pos = s;
  if (literal_start != s) {
    std::string_view text = body.substr(literal_start, s - literal_start);
    if (raw) {
      literal.assign(text);
    } else if (auto error = decode_str_escapes(text, literal)) {
      raise_at_last_token(*error);
    }
    have_literal = true;
  }
  return doubled;
}

// Parses one {expression[=][!conversion][:format_spec]} field starting at body[pos] == '{'.
ExprNode* Parser::fstring_find_expr(std::string_view body, std::size_t& pos, bool raw,
                                    int recurse_lvl, std::string& expr_text, bool& have_text,
                                    const Token& t) {
  if (recurse_lvl >= 2) raise_at_last_token("f-string: expressions nested too deeply");
  std::size_t end = body.size();
  ++pos;  // the '{'
  std::size_t expr_start = pos;
  char quote_char = 0;
  int string_type = 0;  // 1 or 3 inside a string
  std::vector<char> parens;
  for (; pos < end; ++pos) {
    char ch = body[pos];
    if (ch == '\\') raise_at_last_token("f-string expression part cannot include a backslash");
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (pos + 2 < end && body[pos + 1] == ch && body[pos + 2] == ch) {
            pos += 2;
            string_type = 0;
            quote_char = 0;
          }
        } else {
          string_type = 0;
          quote_char = 0;
        }
      }
    } else if (ch == '\'' || ch == '"') {
      if (pos + 2 < end && body[pos + 1] == ch && body[pos + 2] == ch) {
        string_type = 3;
        pos += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (parens.size() >= static_cast<std::size_t>(kMaxFStringParens)) {
        raise_at_last_token("f-string: too many nested parenthesis");
      }
      parens.push_back(ch);
    } else if (ch == '#') {
      raise_at_last_token("f-string expression part cannot include '#'");
    } else if (parens.empty() &&
               (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      // "!=", "==", "<=", ">=" are operators, not the end of the expression.
      if (pos + 1 < end) {
        char next = body[pos + 1];
        if (next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
          ++pos;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (parens.empty()) {
        raise_at_last_token(std::string("f-string: unmatched '") + ch + "'");
      }
      char opening = parens.back();
      parens.pop_back();
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
            (opening == '{' && ch == '}'))) {
        raise_at_last_token(std::string("f-string: closing parenthesis '") + ch +
                            "' does not match opening parenthesis '" + opening + "'");
      }
    }
  }
  std::size_t expr_end = pos;
  if (quote_char) raise_at_last_token("f-string: unterminated string");
  if (!parens.empty()) {
    raise_at_last_token(std::string("f-string: unmatched '") + parens.back() + "'");
  }
  auto unexpected_end = [&]() { raise_at_last_token("f-string: expecting '}'"); };
  if (pos >= end) unexpected_end();

  // The expression is parsed before the conversion and spec are looked at, so its errors
  // come first.
  ExprNode* value = parse_fstring_expression(body.substr(expr_start, expr_end - expr_start),
                                             expr_start, t);

  // "{expr=}": the expression's text (with the '=' and the blanks after it) is printed too.
  if (body[pos] == '=') {
    ++pos;
    while (pos < end && (body[pos] == ' ' || body[pos] == '\t' || body[pos] == '\n' ||
                         body[pos] == '\r' || body[pos] == '\f' || body[pos] == '\v')) {
      ++pos;
    }
    if (pos >= end) unexpected_end();
    expr_text.assign(body.substr(expr_start, pos - expr_start));
    have_text = true;
  }

  int conversion = -1;
  if (body[pos] == '!') {
    ++pos;
    if (pos >= end) unexpected_end();
    conversion = static_cast<unsigned char>(body[pos]);
    ++pos;
    if (conversion != 's' && conversion != 'r' && conversion != 'a') {
      raise_at_last_token("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }

  ExprNode* format_spec = nullptr;
  if (pos < end && body[pos] == ':') {
    ++pos;
    if (pos >= end) unexpected_end();
    format_spec = fstring_parse_spec(body, pos, raw, recurse_lvl + 1, t);
  }
  if (pos >= end || body[pos] != '}') unexpected_end();
  ++pos;

  // With '=' and neither conversion nor spec, the value is shown with repr().
  if (have_text && !format_spec && conversion == -1) conversion = 'r';

  auto* fv = node_tokens<ast::FormattedValue>(*strings_first_, *strings_last_);
  fv->value = value;
  fv->conversion = conversion;
  fv->format_spec = format_spec;
  return fv;
}

// Parses the text of one f-string field with a nested parser over "(expr)", positioned
// where the expression sits in the file.  `expr_offset` is its start within the body of
// token `t`.
ExprNode* Parser::parse_fstring_expression(std::string_view expr, std::size_t expr_offset,
                                           const Token& t) {
  std::size_t blank = expr.find_first_not_of(" \t\n\f");
  if (blank == std::string_view::npos) blank = expr.size();
  if (blank == expr.size()) {
    StringPrefix prefix = parse_string_prefix(t.text);
    std::string_view body = string_body(t.text, prefix);
    char next = expr_offset + expr.size() < body.size() ? body[expr_offset + expr.size()] : 0;
    if (next == '!' || next == ':' || next == '=') {
      raise_at_last_token(std::string("f-string: expression required before '") + next + "'");
    }
    raise_at_last_token("f-string: empty expression not allowed");
  }

  // Where the '{' is: lines above it inside the token, and its column on its own line
  // (CPython's fstring_find_expr_location).
  StringPrefix prefix = parse_string_prefix(t.text);
  std::string_view text = t.text;
  std::size_t brace = prefix.prefix_len + prefix.quote_len + expr_offset - 1;
  bool newline_after_brace = true;
  for (std::size_t i = brace + 1; i < text.size() && text[i] != '}' && text[i] != '\n'; ++i) {
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  int cols = 0;
  if (!newline_after_brace) {
    std::size_t start = brace;
    while (start > 0 && text[start] != '\n') --start;
    cols = static_cast<int>(brace - start);
    if (text[start] == '\n') cols -= 1;
  }
  int lines = 0;
  for (std::size_t i = 0; i < brace; ++i) {
    if (text[i] == '\n') ++lines;
  }

  std::string source = "(" + std::string(expr) + ")\n";
  Tokenizer sub_tok(source, filename_, t.lineno + lines);
  FStringOrigin origin;
  origin.lineno = t.lineno + lines;
  origin.col_offset = lines != 0 ? cols : t.col_offset + cols;
  Parser sub(sub_tok, arena_, StartRule::FString, flags_, filename_, origin);
  // The nested parser recurses on the same stack: it continues this parser's depth count.
  sub.base_depth_ = sub.depth_ = depth_;
  try {
    return static_cast<ExprNode*>(sub.run());
  } catch (Failure& f) {
    // For the enclosing parser this is an error raised while building a node.
    throw Failure{std::move(f.info), false};
  }
}

}  // namespace minipy::parser_detail
