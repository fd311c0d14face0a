// Symbol tables: which names each scope binds, and whether each use is a fast local, a cell,
// a free variable, a global or a name looked up in a locals mapping.
//
// Built from the AST before code generation, in two passes: collect (what each scope binds,
// uses and declares, with the compile-time errors CPython reports for declarations), then
// analyze (resolve each name against the enclosing function scopes, turning bound names that
// inner scopes capture into cells and threading free variables through intermediate scopes).
// Class bodies are not visible to the functions nested in them, except for the implicit
// `__class__` cell that zero-argument super() needs. Comprehensions get their own function
// scope, as in Python 3.11.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "parse/ast.h"

namespace minipy {

enum class ScopeType { Module, Class, Function, Lambda, Comprehension };

enum class NameScope { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

// Per-name facts gathered while walking a scope.
enum SymbolFlags : unsigned {
  kSymAssigned = 1,    // bound here (assignment, def, import, for target, ...)
  kSymParam = 2,
  kSymUsed = 4,
  kSymGlobal = 8,      // `global` declaration
  kSymNonlocal = 16,   // `nonlocal` declaration
  kSymAnnotated = 32,
  kSymCompIter = 64,   // a walrus in a comprehension binds it in the enclosing function
};

struct Scope {
  ScopeType type;
  std::string name;
  const ast::Node* node = nullptr;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  std::map<std::string, unsigned> symbols;
  std::vector<std::string> params;           // in declaration order
  std::vector<std::string> bound_order;      // first-binding order of local names
  std::map<std::string, NameScope> resolved;
  std::vector<std::string> cellvars, freevars;  // sorted, as CPython orders them
  bool is_generator = false;
  bool is_coroutine = false;       // async def, or a comprehension containing await/async for
  bool has_varargs = false, has_varkw = false;
  bool needs_class_cell = false;   // class scope: a method uses super()/__class__
  bool has_annotations = false;    // module/class: annotated assignments (SETUP_ANNOTATIONS)
  std::string qualname;
  std::string private_name;        // the enclosing class name for private-name mangling

  NameScope scope_of(const std::string& name) const;
  bool is_function_like() const { return type == ScopeType::Function || type == ScopeType::Lambda || type == ScopeType::Comprehension; }
};

// Raised (as a C++ exception inside the compiler only) for compile-time SyntaxErrors.
struct CompileError {
  std::string msg;
  int lineno, col_offset, end_lineno, end_col_offset;
};

class SymbolTable {
 public:
  // Throws CompileError.
  void build(const ast::Node* module);
  Scope* scope_for(const ast::Node* node) const;
  Scope* top() const { return top_.get(); }

 private:
  std::unique_ptr<Scope> top_;
  std::unordered_map<const ast::Node*, Scope*> by_node_;
  friend class SymtableBuilder;
};

// Private-name mangling: __x inside class C becomes _C__x.
std::string mangle_name(const std::string& private_name, const std::string& name);

}  // namespace minipy
