// The pure-Python standard library compiled into the binary (generated at build time by
// tools/embed_stdlib.cpp from stdlib/lib). The import system looks here after native modules
// and before sys.path, unless MINIPYPATH points at a source tree to use instead.
#pragma once

#include <cstddef>

namespace minipy {

struct EmbeddedModule {
  const char* name;      // dotted module name
  const char* filename;  // "<frozen name>" shown in tracebacks
  bool is_package;
  const char* source;
  size_t size;
};

extern const EmbeddedModule kEmbeddedModules[];
extern const size_t kEmbeddedModuleCount;

}  // namespace minipy
