// Running code objects from native code (exec/eval, class bodies) and the frame introspection
// used by locals(), globals() and sys._getframe().
#include "objects/code.h"
#include "objects/dict.h"
#include "vm/frame_object.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"
#include "vm/vm_internal.h"

namespace minipy {

Dict* builtins_for_globals(Dict* globals) {
  Value b = dict_get_str(globals, intern("__builtins__"));
  if (b) {
    if (module_check(b)) return b.as<Module>()->dict;
    if (dict_check(b)) return b.as<Dict>();
  }
  error_clear();
  return builtins_module()->dict;
}

Value eval_code(Value code, Dict* globals, Value locals) {
  if (!code_check(code)) return raise(&exc_TypeError, "expected a code object");
  Code* co = code.as<Code>();
  if (co->nfree) {
    return raise(&exc_TypeError, "code object passed to exec() may not contain free variables");
  }
  Str* key = intern("__builtins__");
  Value has = dict_get_str(globals, key);
  if (!has) {
    if (error_pending()) return Value();
    if (dict_set_str(globals, key, builtins_module()) < 0) return Value();
  }
  Frame* f = frame_stack_push(co, nullptr, globals, builtins_for_globals(globals), locals ? locals : Value(globals));
  if (!f) return raise_no_memory();
  if (co->ncells) frame_init_cells(f, nullptr);
  f->flags |= kFrameEntry;
  Value r = eval_frame(current_thread(), f);
  frame_stack_pop(f);
  return r;
}

Value run_with_locals(Function* func, Value locals) {
  Code* co = func->code;
  Frame* f = frame_stack_push(co, func, func->globals, func->builtins, locals);
  if (!f) return raise_no_memory();
  if (co->ncells || co->nfree) frame_init_cells(f, func->closure);
  f->flags |= kFrameEntry;
  Value r = eval_frame(current_thread(), f);
  frame_stack_pop(f);
  return r;
}

Frame* current_frame() { return current_thread()->frame; }

Value current_frame_object(int depth) {
  Frame* f = current_thread()->frame;
  while (f && depth > 0) {
    f = f->back;
    depth--;
  }
  if (!f) return raise(&exc_ValueError, "call stack is not deep enough");
  return frame_object_for(f);
}

Value frame_locals(Frame* f) {
  if (f->locals) return f->locals;
  Code* co = f->code;
  Dict* d = dict_new();
  for (int i = 0; i < co->nlocals; i++) {
    Value v = f->localsplus[i];
    if (v && dict_set(d, (*co->varnames)[i], v) < 0) return Value();
  }
  for (int i = 0; i < co->ncells + co->nfree; i++) {
    Value cell = f->localsplus[co->nlocals + i];
    if (!cell) continue;
    Value v = cell.as<Cell>()->contents;
    Value name = i < co->ncells ? (*co->cellvars)[i] : (*co->freevars)[i - co->ncells];
    if (v && dict_set(d, name, v) < 0) return Value();
  }
  return d;
}

Dict* current_globals() {
  Frame* f = current_thread()->frame;
  return f ? f->globals : builtins_module()->dict;
}

}  // namespace minipy
