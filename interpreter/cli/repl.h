// The interactive prompt: `minipy` on a terminal, and `minipy -i script.py` after the script.
#pragma once

#include "objects/object.h"

namespace minipy {

struct ReplOptions {
  // The "minipy 0.1.0 (...) on linux" banner: a plain interactive session, without -q.
  bool show_banner = false;
  // Run the file named by $PYTHONSTARTUP first; CPython does that only for a plain session,
  // not after -i script.py or -c.
  bool run_startup_file = false;
};

// Adds exit, quit, copyright, credits, license and help to builtins, as CPython's site module
// does at start-up for every program, not only the prompt (stdlib/native/sitebuiltins.cpp).
void install_site_builtins();

// Reads, compiles and runs statements with `globals` as __main__ until end of input; returns
// the process exit status (a SystemExit raised at the prompt ends the session with its code).
// Line editing, history and completion (libedit) when stdin and stdout are terminals;
// otherwise lines come from sys.stdin and the prompts go to stderr, as in CPython.
int run_repl(Dict* globals, const ReplOptions& options);

}  // namespace minipy
