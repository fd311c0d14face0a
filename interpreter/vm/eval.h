// The VM's public entry points: running code objects, calling Python functions, and the
// introspection hooks builtins and sys need (locals(), globals(), sys._getframe()).
#pragma once

#include "objects/object.h"
#include "vm/frame.h"

namespace minipy {

struct ThreadState;
struct Function;

// Runs `f` (already initialised, arguments bound) until it returns or, for generator frames,
// yields. `throwing`: resume a suspended generator frame by raising the pending exception
// at its yield point. Returns the result, or null with an exception pending.
// Frames flagged kFrameYielded on return have yielded rather than finished.
Value eval_frame(ThreadState* ts, Frame* f, bool throwing = false);

// exec/eval of a code object (module-level code) in the given namespaces. `locals` may be any
// mapping; null means "same as globals". Ensures globals has '__builtins__'.
Value eval_code(Value code, Dict* globals, Value locals);

// Runs `func`'s code with `locals` as its locals mapping (class bodies): the body function of
// a class statement. Returns what the body returns (its __class__ cell or None).
Value run_with_locals(Function* func, Value locals);

// The innermost executing Python frame of the calling thread (null at top level).
Frame* current_frame();
// locals() of a frame: the locals mapping of module/class/exec frames; a fresh dict snapshot
// of the fast locals and cells of function frames.
Value frame_locals(Frame* f);
// globals() of the current frame (the builtins module's dict at top level).
Dict* current_globals();
// The builtins dict for code running with `globals`: globals['__builtins__'] (a module or a
// dict), else the builtins module's dict.
Dict* builtins_for_globals(Dict* globals);

// builtins.__build_class__(func, name, *bases, metaclass=None, **kwds).
Value build_class(Value self, const Value* args, size_t nargs, Tuple* kwnames);
// super() with no arguments: finds the __class__ cell's class and the first argument of the
// calling Python frame (super's __init__ then fills itself from them). False with
// RuntimeError ("super(): no arguments", "super(): __class__ cell not found", ...) otherwise.
bool super_arguments(Value* type, Value* obj);

// Guards native recursion (repr of nested containers, __eq__ chains, native calls): returns
// false with RecursionError "maximum recursion depth exceeded<where>" pending when the depth
// limit or the C++ stack is exhausted. Every successful enter needs a leave.
bool recursion_enter(const char* where = " while calling a Python object");
void recursion_leave();

}  // namespace minipy
