// Functions, bound methods and cells.
#pragma once

#include "objects/object.h"

namespace minipy {

struct Code;

struct Function : Object {
  Code* code;
  Dict* globals;
  Dict* builtins;      // globals['__builtins__'] resolved at creation, else the builtins module's dict
  Str* name;
  Str* qualname;
  Value module;        // __module__
  Value doc;           // __doc__
  Tuple* defaults;     // __defaults__ or null
  Dict* kwdefaults;    // __kwdefaults__ or null
  Tuple* closure;      // tuple of Cell or null
  Value annotations;   // __annotations__ dict, created on demand
  Dict* dict;          // __dict__ (lazily created)
};

struct Method : Object {
  Value func;
  Value self;
};

struct Cell : Object {
  Value contents;  // null when empty
};

extern Type function_type, method_type, cell_type;

// A new function for `code` (used by MAKE_FUNCTION), qualname from the code object.
Function* function_new(Code* code, Dict* globals);
Value method_new(Value func, Value self);
Cell* cell_new(Value contents);
bool function_check(Value v);
bool method_check(Value v);

// The vectorcall entry point of functions (binds arguments and runs the frame).
Value function_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames);

void function_types_init();

}  // namespace minipy
