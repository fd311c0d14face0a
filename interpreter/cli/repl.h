// The interactive prompt: `minipy` on a terminal, and `minipy -i script.py` after the script.
#pragma once

#include "objects/object.h"

namespace minipy {

// Reads, compiles and runs statements with `globals` as __main__ until end of input; returns
// the process exit status (a SystemExit raised at the prompt ends the session with its code).
int run_repl(Dict* globals);

}  // namespace minipy
