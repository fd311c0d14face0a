// Code generation: AST (parse/ast.h) + symbol tables -> code objects.
#pragma once

#include <string_view>

#include "compile/compiler.h"
#include "compile/symtable.h"
#include "objects/object.h"
#include "parse/ast.h"

namespace minipy {

// Compiles a parsed module/expression/interactive tree. Throws CompileError for
// compile-time SyntaxErrors; other failures (MemoryError) return null with the exception set.
Value codegen_module(const ast::ModNode* tree, const SymbolTable& symbols, std::string_view filename,
                     std::string_view source, CompileMode mode);

}  // namespace minipy
