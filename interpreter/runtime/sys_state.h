// Settings the command line decides before the sys module exists, and process-wide limits
// that sys functions change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

}  // namespace minipy
