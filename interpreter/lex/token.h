// Tokens as CPython's C tokenizer produces them: no COMMENT or NL tokens, keywords already
// told apart from names, INDENT/DEDENT computed.
#pragma once

#include <cstdint>
#include <string_view>

namespace minipy {

// X(enum name, spelling).  Operators first, then keywords (spelling = the keyword).
#define MINIPY_OPERATOR_TOKENS(X)                                                         \
  X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(Colon, ":") X(Comma, ",")         \
  X(Semi, ";") X(Plus, "+") X(Minus, "-") X(Star, "*") X(Slash, "/") X(VBar, "|")         \
  X(Amper, "&") X(Less, "<") X(Greater, ">") X(Equal, "=") X(Dot, ".") X(Percent, "%")    \
  X(LBrace, "{") X(RBrace, "}") X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=")     \
  X(GreaterEqual, ">=") X(Tilde, "~") X(Circumflex, "^") X(LeftShift, "<<")               \
  X(RightShift, ">>") X(DoubleStar, "**") X(PlusEqual, "+=") X(MinEqual, "-=")            \
  X(StarEqual, "*=") X(SlashEqual, "/=") X(PercentEqual, "%=") X(AmperEqual, "&=")        \
  X(VBarEqual, "|=") X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=")                    \
  X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=") X(DoubleSlash, "//")                \
  X(DoubleSlashEqual, "//=") X(At, "@") X(AtEqual, "@=") X(RArrow, "->")                  \
  X(Ellipsis, "...") X(ColonEqual, ":=")

#define MINIPY_KEYWORD_TOKENS(X)                                                          \
  X(False, "False") X(None, "None") X(True, "True") X(And, "and") X(As, "as")             \
  X(Assert, "assert") X(Async, "async") X(Await, "await") X(Break, "break")              \
  X(Class, "class") X(Continue, "continue") X(Def, "def") X(Del, "del") X(Elif, "elif")   \
  X(Else, "else") X(Except, "except") X(Finally, "finally") X(For, "for") X(From, "from") \
  X(Global, "global") X(If, "if") X(Import, "import") X(In, "in") X(Is, "is")             \
  X(Lambda, "lambda") X(Nonlocal, "nonlocal") X(Not, "not") X(Or, "or") X(Pass, "pass")   \
  X(Raise, "raise") X(Return, "return") X(Try, "try") X(While, "while") X(With, "with")   \
  X(Yield, "yield")

enum class TokenKind : std::uint8_t {
  EndMarker,
  Name,
  Number,
  String,
  Newline,
  Indent,
  Dedent,
  // A character that is no token of Python ('$', '?', '!', '`'): CPython's generic OP.
  // No grammar rule accepts it, so it ends in "invalid syntax".
  Op,
  // Produced with an error the tokenizer reports (see Tokenizer::error()).
  Error,
#define MINIPY_X(name, spelling) name,
  MINIPY_OPERATOR_TOKENS(MINIPY_X) MINIPY_KEYWORD_TOKENS(MINIPY_X)
#undef MINIPY_X
};

// "NAME", "(", "if" ...: for token dumps and messages.
std::string_view token_kind_name(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text;  // the token's bytes in the decoded source (empty for INDENT ...)
  // Start and end; columns are UTF-8 byte offsets.  INDENT, DEDENT, ENDMARKER and error
  // tokens have no columns (-1), like CPython's, which matters for error offsets.
  int lineno = 0;
  int col_offset = -1;
  int end_lineno = 0;
  int end_col_offset = -1;
  int level = 0;  // bracket nesting after this token
};

}  // namespace minipy
