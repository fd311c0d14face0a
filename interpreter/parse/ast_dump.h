// ast_dump(): the text CPython's ast.dump() prints for the same tree, for tests and for
// debugging the compiler.  Also the repr() of constant values, which that needs.
#pragma once

#include <string>

#include "parse/ast.h"

namespace minipy {

// Like ast.dump(node, include_attributes=...) with the default annotate_fields=True and
// indent=None.  With include_attributes, nodes that have positions print lineno,
// col_offset, end_lineno and end_col_offset too.
std::string ast_dump(const ast::Node* node, bool include_attributes = false);

// repr() of a constant: 'abc', b'\x00', 1.5, 1e+16, 2j, None ...
std::string constant_repr(const ast::ConstantValue& value);

}  // namespace minipy
