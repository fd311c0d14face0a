// The abstract syntax tree: every node the parser produces, mirroring CPython 3.11's `ast`
// module node for node and field for field (see Python/Python.asdl), so that the compiler
// can follow CPython's compiler and ast_dump() can print exactly what ast.dump() prints.
//
// Naming: concrete nodes keep CPython's names (Name, BinOp, Expr...).  The abstract classes
// CPython calls mod/stmt/expr are ModNode/StmtNode/ExprNode here (the statement `Expr` takes
// the plain name), and the lower-case helper nodes become PascalCase types (arguments ->
// Arguments, arg -> Arg, keyword -> Keyword, alias -> Alias, withitem -> WithItem,
// comprehension -> Comprehension); ast_dump() prints CPython's names.
//
// Memory: nodes live in an Arena owned by the ParseResult; child pointers are plain
// non-owning pointers into the same arena.  A null pointer is CPython's None for optional
// fields ("expr?").  Child lists are std::vector.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace minipy::ast {

enum class Kind : std::uint8_t {
  // mod
  Module,
  Interactive,
  Expression,
  // stmt
  FunctionDef,
  AsyncFunctionDef,
  ClassDef,
  Return,
  Delete,
  Assign,
  AugAssign,
  AnnAssign,
  For,
  AsyncFor,
  While,
  If,
  With,
  AsyncWith,
  Raise,
  Try,
  TryStar,
  Assert,
  Import,
  ImportFrom,
  Global,
  Nonlocal,
  Expr,
  Pass,
  Break,
  Continue,
  // expr
  BoolOp,
  NamedExpr,
  BinOp,
  UnaryOp,
  Lambda,
  IfExp,
  Dict,
  Set,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
  Await,
  Yield,
  YieldFrom,
  Compare,
  Call,
  FormattedValue,
  JoinedStr,
  Constant,
  Attribute,
  Subscript,
  Starred,
  Name,
  List,
  Tuple,
  Slice,
  // helpers
  Comprehension,
  ExceptHandler,
  Arguments,
  Arg,
  Keyword,
  Alias,
  WithItem,
};

enum class ExprContext : std::uint8_t { Load, Store, Del };
enum class BoolOpKind : std::uint8_t { And, Or };
enum class Operator : std::uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOp : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---------------------------------------------------------------------------------------
// Base classes
// ---------------------------------------------------------------------------------------

struct Node {
  const Kind kind;
  // Source range like CPython's attributes: 1-based lines, 0-based UTF-8 byte columns.
  // Arguments, WithItem, Comprehension and the mod nodes have none (left 0).
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;

 protected:
  explicit Node(Kind k) : kind(k) {}
};

struct ModNode : Node {
 protected:
  using Node::Node;
};
struct StmtNode : Node {
 protected:
  using Node::Node;
};
struct ExprNode : Node {
 protected:
  using Node::Node;
};

// Each concrete node knows its Kind statically, for cast<>() / dyn_cast<>().
template <Kind K, class Base>
struct NodeOf : Base {
  static constexpr Kind kKind = K;
  NodeOf() : Base(K) {}
};

template <class T>
T* dyn_cast(Node* n) {
  return n && n->kind == T::kKind ? static_cast<T*>(n) : nullptr;
}
template <class T>
const T* dyn_cast(const Node* n) {
  return n && n->kind == T::kKind ? static_cast<const T*>(n) : nullptr;
}
template <class T>
T* cast(Node* n) {
  assert(n && n->kind == T::kKind);
  return static_cast<T*>(n);
}
template <class T>
const T* cast(const Node* n) {
  assert(n && n->kind == T::kKind);
  return static_cast<const T*>(n);
}

struct StmtNode;
struct ExprNode;
using StmtList = std::vector<StmtNode*>;
using ExprList = std::vector<ExprNode*>;

// ---------------------------------------------------------------------------------------
// Helper nodes
// ---------------------------------------------------------------------------------------

struct Comprehension : NodeOf<Kind::Comprehension, Node> {
  ExprNode* target = nullptr;
  ExprNode* iter = nullptr;
  ExprList ifs;
  int is_async = 0;
};

struct ExceptHandler : NodeOf<Kind::ExceptHandler, Node> {
  ExprNode* type = nullptr;         // optional
  std::optional<std::string> name;  // optional
  StmtList body;
};

struct Arg : NodeOf<Kind::Arg, Node> {
  std::string arg;
  ExprNode* annotation = nullptr;  // optional
};

struct Arguments : NodeOf<Kind::Arguments, Node> {
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;  // optional
  std::vector<Arg*> kwonlyargs;
  ExprList kw_defaults;   // one per kwonlyarg; null where it has no default
  Arg* kwarg = nullptr;   // optional
  ExprList defaults;      // for the last len(defaults) of posonlyargs + args
};

struct Keyword : NodeOf<Kind::Keyword, Node> {
  std::optional<std::string> arg;  // none for **kwargs
  ExprNode* value = nullptr;
};

struct Alias : NodeOf<Kind::Alias, Node> {
  std::string name;  // dotted for `import a.b`, "*" for `from m import *`
  std::optional<std::string> asname;
};

struct WithItem : NodeOf<Kind::WithItem, Node> {
  ExprNode* context_expr = nullptr;
  ExprNode* optional_vars = nullptr;  // optional
};

// ---------------------------------------------------------------------------------------
// mod
// ---------------------------------------------------------------------------------------

struct Module : NodeOf<Kind::Module, ModNode> {
  StmtList body;  // type_ignores is always empty and not stored
};
struct Interactive : NodeOf<Kind::Interactive, ModNode> {
  StmtList body;
};
struct Expression : NodeOf<Kind::Expression, ModNode> {
  ExprNode* body = nullptr;
};

// ---------------------------------------------------------------------------------------
// stmt (type_comment fields are always None: minipy does not parse type comments)
// ---------------------------------------------------------------------------------------

struct FunctionDef : NodeOf<Kind::FunctionDef, StmtNode> {
  std::string name;
  Arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  ExprNode* returns = nullptr;  // optional
};
struct AsyncFunctionDef : NodeOf<Kind::AsyncFunctionDef, StmtNode> {
  std::string name;
  Arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  ExprNode* returns = nullptr;  // optional
};
struct ClassDef : NodeOf<Kind::ClassDef, StmtNode> {
  std::string name;
  ExprList bases;
  std::vector<Keyword*> keywords;
  StmtList body;
  ExprList decorator_list;
};
struct Return : NodeOf<Kind::Return, StmtNode> {
  ExprNode* value = nullptr;  // optional
};
struct Delete : NodeOf<Kind::Delete, StmtNode> {
  ExprList targets;
};
struct Assign : NodeOf<Kind::Assign, StmtNode> {
  ExprList targets;  // a = b = value has two
  ExprNode* value = nullptr;
};
struct AugAssign : NodeOf<Kind::AugAssign, StmtNode> {
  ExprNode* target = nullptr;
  Operator op = Operator::Add;
  ExprNode* value = nullptr;
};
struct AnnAssign : NodeOf<Kind::AnnAssign, StmtNode> {
  ExprNode* target = nullptr;
  ExprNode* annotation = nullptr;
  ExprNode* value = nullptr;  // optional
  int simple = 0;             // 1 for a bare name not in parentheses
};
struct For : NodeOf<Kind::For, StmtNode> {
  ExprNode* target = nullptr;
  ExprNode* iter = nullptr;
  StmtList body;
  StmtList orelse;
};
struct AsyncFor : NodeOf<Kind::AsyncFor, StmtNode> {
  ExprNode* target = nullptr;
  ExprNode* iter = nullptr;
  StmtList body;
  StmtList orelse;
};
struct While : NodeOf<Kind::While, StmtNode> {
  ExprNode* test = nullptr;
  StmtList body;
  StmtList orelse;
};
struct If : NodeOf<Kind::If, StmtNode> {
  ExprNode* test = nullptr;
  StmtList body;
  StmtList orelse;  // an elif is a nested If here
};
struct With : NodeOf<Kind::With, StmtNode> {
  std::vector<WithItem*> items;
  StmtList body;
};
struct AsyncWith : NodeOf<Kind::AsyncWith, StmtNode> {
  std::vector<WithItem*> items;
  StmtList body;
};
struct Raise : NodeOf<Kind::Raise, StmtNode> {
  ExprNode* exc = nullptr;    // optional
  ExprNode* cause = nullptr;  // optional
};
// Try and TryStar (`except*`, PEP 654) have the same fields.
struct TryStmt : StmtNode {
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;

 protected:
  using StmtNode::StmtNode;
};
struct Try : NodeOf<Kind::Try, TryStmt> {};
struct TryStar : NodeOf<Kind::TryStar, TryStmt> {};
struct Assert : NodeOf<Kind::Assert, StmtNode> {
  ExprNode* test = nullptr;
  ExprNode* msg = nullptr;  // optional
};
struct Import : NodeOf<Kind::Import, StmtNode> {
  std::vector<Alias*> names;
};
struct ImportFrom : NodeOf<Kind::ImportFrom, StmtNode> {
  std::optional<std::string> module;  // none for `from . import x`
  std::vector<Alias*> names;
  int level = 0;                      // number of leading dots
};
struct Global : NodeOf<Kind::Global, StmtNode> {
  std::vector<std::string> names;
};
struct Nonlocal : NodeOf<Kind::Nonlocal, StmtNode> {
  std::vector<std::string> names;
};
struct Expr : NodeOf<Kind::Expr, StmtNode> {
  ExprNode* value = nullptr;
};
struct Pass : NodeOf<Kind::Pass, StmtNode> {};
struct Break : NodeOf<Kind::Break, StmtNode> {};
struct Continue : NodeOf<Kind::Continue, StmtNode> {};

// ---------------------------------------------------------------------------------------
// expr
// ---------------------------------------------------------------------------------------

// The value of a Constant node.
struct ConstantValue {
  enum class Kind : std::uint8_t { None, True, False, Ellipsis, Int, Float, Imag, Str, Bytes };
  Kind kind = Kind::None;
  std::int64_t int_value = 0;  // Int that fits in int64
  double float_value = 0;      // Float; for Imag the imaginary part (the real part is 0)
  // Str: UTF-8, lone surrogates as 3-byte sequences.  Bytes: the raw bytes.  Int that does
  // not fit in int64: its decimal digits (no sign, no leading zeros).
  std::string str;

  bool is_big_int() const { return kind == Kind::Int && !str.empty(); }
};

struct BoolOp : NodeOf<Kind::BoolOp, ExprNode> {
  BoolOpKind op = BoolOpKind::And;
  ExprList values;  // a and b and c is one BoolOp with three values
};
struct NamedExpr : NodeOf<Kind::NamedExpr, ExprNode> {
  ExprNode* target = nullptr;
  ExprNode* value = nullptr;
};
struct BinOp : NodeOf<Kind::BinOp, ExprNode> {
  ExprNode* left = nullptr;
  Operator op = Operator::Add;
  ExprNode* right = nullptr;
};
struct UnaryOp : NodeOf<Kind::UnaryOp, ExprNode> {
  UnaryOpKind op = UnaryOpKind::Not;
  ExprNode* operand = nullptr;
};
struct Lambda : NodeOf<Kind::Lambda, ExprNode> {
  Arguments* args = nullptr;
  ExprNode* body = nullptr;
};
struct IfExp : NodeOf<Kind::IfExp, ExprNode> {
  ExprNode* test = nullptr;
  ExprNode* body = nullptr;
  ExprNode* orelse = nullptr;
};
struct Dict : NodeOf<Kind::Dict, ExprNode> {
  ExprList keys;  // null key: the value is unpacked ({**d})
  ExprList values;
};
struct Set : NodeOf<Kind::Set, ExprNode> {
  ExprList elts;
};
struct ListComp : NodeOf<Kind::ListComp, ExprNode> {
  ExprNode* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct SetComp : NodeOf<Kind::SetComp, ExprNode> {
  ExprNode* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct DictComp : NodeOf<Kind::DictComp, ExprNode> {
  ExprNode* key = nullptr;
  ExprNode* value = nullptr;
  std::vector<Comprehension*> generators;
};
struct GeneratorExp : NodeOf<Kind::GeneratorExp, ExprNode> {
  ExprNode* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct Await : NodeOf<Kind::Await, ExprNode> {
  ExprNode* value = nullptr;
};
struct Yield : NodeOf<Kind::Yield, ExprNode> {
  ExprNode* value = nullptr;  // optional
};
struct YieldFrom : NodeOf<Kind::YieldFrom, ExprNode> {
  ExprNode* value = nullptr;
};
struct Compare : NodeOf<Kind::Compare, ExprNode> {
  ExprNode* left = nullptr;
  std::vector<CmpOp> ops;
  ExprList comparators;
};
struct Call : NodeOf<Kind::Call, ExprNode> {
  ExprNode* func = nullptr;
  ExprList args;  // Starred for *args
  std::vector<Keyword*> keywords;
};
struct FormattedValue : NodeOf<Kind::FormattedValue, ExprNode> {
  ExprNode* value = nullptr;
  int conversion = -1;              // -1, or 's', 'r', 'a'
  ExprNode* format_spec = nullptr;  // optional JoinedStr
};
struct JoinedStr : NodeOf<Kind::JoinedStr, ExprNode> {
  ExprList values;  // Constant (Str) and FormattedValue
};
struct Constant : NodeOf<Kind::Constant, ExprNode> {
  ConstantValue value;
  bool u_prefix = false;  // CPython's `kind`: "u" for u"" strings, else None
};
struct Attribute : NodeOf<Kind::Attribute, ExprNode> {
  ExprNode* value = nullptr;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};
struct Subscript : NodeOf<Kind::Subscript, ExprNode> {
  ExprNode* value = nullptr;
  ExprNode* slice = nullptr;  // a Slice, a Tuple of them, or any expression
  ExprContext ctx = ExprContext::Load;
};
struct Starred : NodeOf<Kind::Starred, ExprNode> {
  ExprNode* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};
struct Name : NodeOf<Kind::Name, ExprNode> {
  std::string id;
  ExprContext ctx = ExprContext::Load;
};
struct List : NodeOf<Kind::List, ExprNode> {
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};
struct Tuple : NodeOf<Kind::Tuple, ExprNode> {
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};
struct Slice : NodeOf<Kind::Slice, ExprNode> {
  ExprNode* lower = nullptr;  // optional
  ExprNode* upper = nullptr;  // optional
  ExprNode* step = nullptr;   // optional
};

// ---------------------------------------------------------------------------------------
// Arena
// ---------------------------------------------------------------------------------------

// Bump allocator for nodes.  Node members (vectors, strings) own heap memory, so the arena
// remembers a destructor for every object that has one and runs them when it dies.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (auto it = dtors_.rbegin(); it != dtors_.rend(); ++it) it->destroy(it->object);
  }

  template <class T>
  T* make() {
    void* mem = allocate(sizeof(T), alignof(T));
    T* obj = new (mem) T();
    if constexpr (!std::is_trivially_destructible_v<T>) {
      dtors_.push_back({obj, [](void* p) { static_cast<T*>(p)->~T(); }});
    }
    return obj;
  }

 private:
  static constexpr std::size_t kBlockSize = 32 * 1024;

  void* allocate(std::size_t size, std::size_t align) {
    std::size_t start = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || start + size > block_size_) {
      block_size_ = size > kBlockSize ? size : kBlockSize;
      blocks_.push_back(std::make_unique_for_overwrite<std::max_align_t[]>(
          (block_size_ + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t)));
      start = 0;
    }
    used_ = start + size;
    return reinterpret_cast<char*>(blocks_.back().get()) + start;
  }

  struct Dtor {
    void* object;
    void (*destroy)(void*);
  };
  std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
  std::size_t block_size_ = 0;
  std::size_t used_ = 0;
  std::vector<Dtor> dtors_;
};

}  // namespace minipy::ast
