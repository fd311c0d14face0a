// Creator functions of the native modules listed in modules.def.
#pragma once

#include "objects/object.h"

namespace minipy {

#define NATIVE_MODULE(name, create) Value create();
#include "stdlib/native/modules.def"
#undef NATIVE_MODULE

}  // namespace minipy
