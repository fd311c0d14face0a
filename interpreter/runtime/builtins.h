// The builtins module: its functions (builtins_*.cpp) and its creation.
#pragma once

#include "objects/object.h"
#include "objects/type.h"

namespace minipy {

struct Module;

Module* builtins_module_create();

// Function tables of the builtins_*.cpp files, installed by builtins_module_create.
extern const MethodDef kBuiltinCoreFunctions[];       // builtins_core.cpp
extern const MethodDef kBuiltinIterationFunctions[];  // builtins_iteration.cpp
extern const MethodDef kBuiltinCodeFunctions[];       // builtins_code.cpp

}  // namespace minipy
