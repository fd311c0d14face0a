// Interpreter-wide state and start-up: the builtins and sys modules, the module table, the
// import system's entry points, and running a program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objects/object.h"

namespace minipy {

struct Module;

// Brings up memory, the main thread's state, every built-in type, the builtins and sys
// modules. `argv` becomes sys.argv.
void interpreter_init(const std::vector<std::string>& argv);

Module* builtins_module();
Module* sys_module();
Dict* modules_dict();  // sys.modules

// Compiles and runs `source` as module `__main__` (or the given globals). Returns the
// result of the last evaluated expression for Eval mode, None otherwise; null on exception.
Value run_source(std::string_view source, std::string_view filename, Dict* globals);

// import name / from name import fromlist, with `level` for relative imports; `globals` are the
// importer's (for __package__/__name__). Returns the top-level package or the module itself
// as the IMPORT_NAME opcode requires.
Value import_module_level(Str* name, Dict* globals, Value fromlist, int level);
// import `dotted.name` and return the (innermost) module, e.g. for -m and native code.
Value import_module(std::string_view dotted_name);

// `minipy -m name`: imports the parent packages, finds `name` (a package runs its __main__)
// and runs it with `globals` as __main__, setting __file__, __package__ and sys.argv[0].
Value run_module_as_main(std::string_view name, Dict* globals);

// Prints the pending exception with its traceback to sys.stderr like CPython's default
// handler, and clears it. SystemExit is not handled here (see handle_system_exit).
void print_pending_exception();
// If the pending exception is SystemExit, clears it, prints its message if it is not an int,
// and returns the exit status; otherwise returns -1 and leaves it pending.
int handle_system_exit();

// Runs at exit: joins non-daemon threads (threading._shutdown), flushes stdout/stderr, runs
// atexit handlers.
void interpreter_finalize();

}  // namespace minipy
