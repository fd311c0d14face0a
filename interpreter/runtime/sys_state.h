// Settings the command line decides before the sys module exists, and process-wide limits
// that sys functions change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "objects/object.h"

namespace minipy {

struct SysConfig {
  std::vector<std::string> argv;       // sys.argv
  std::vector<std::string> orig_argv;  // sys.orig_argv: the command line as given
  std::vector<std::string> path;       // sys.path
  bool inspect = false;                // -i
  bool no_site = false;                // -S: exit, quit, help... are not added to builtins
  bool unbuffered = false;             // -u or PYTHONUNBUFFERED: stdout and stderr write through
  std::vector<std::string> warn_options;  // sys.warnoptions: PYTHONWARNINGS, then -W
};

SysConfig& sys_config();

// sys.getrecursionlimit(); setting it updates every thread's copy.
int recursion_limit();
void set_recursion_limit(int limit);

// sys.set_asyncgen_hooks / get_asyncgen_hooks: the calling thread's async generator hooks.
// Reads them into *firstiter and *finalizer (None where unset); -1 with an exception pending.
int asyncgen_hooks(Value* firstiter, Value* finalizer);
// Replaces the calling thread's hooks with `firstiter` and `finalizer` (None or a callable,
// already checked; null keeps the current one). -1 with an exception pending on failure.
int set_asyncgen_hooks(Value firstiter, Value finalizer);
// A new `asyncgen_hooks` struct sequence (firstiter, finalizer), as get_asyncgen_hooks returns.
Value asyncgen_hooks_struct(Value firstiter, Value finalizer);

}  // namespace minipy
