// Helpers shared by the VM's translation units (eval loop, calls, unwinding, generators,
// class building). Not for use outside interpreter/vm and the VM-owned objects.
#pragma once

#include <string>

#include "objects/object.h"
#include "vm/frame.h"

namespace minipy {

struct ThreadState;
struct Function;
struct Str;

// ---- calls (vm/call.cpp) ---------------------------------------------------------------------
// Binds a call's arguments into the fresh frame `f` of `fn` (CPython's rules and messages).
// False with TypeError pending on a mismatch.
bool bind_arguments(Function* fn, Frame* f, const Value* args, size_t nargs, Tuple* kwnames);
// f(*args, **kwargs) from CALL_FUNCTION_EX: `args` is any iterable, `kwargs` a mapping or null.
Value call_function_ex(Value func, Value args, Value kwargs);
// DICT_MERGE: merges mapping `other` into `d` for a call of `func`; duplicate keys and
// non-mappings raise CPython's call-site messages.
int dict_merge_for_call(Value func, Dict* d, Value other);
// "__main__.f()" / "print()": how CPython names a callable in call-site messages.
std::string callable_description(Value func);
// Python-level depth check for entering a frame: false with RecursionError pending.
bool enter_python_frame(ThreadState* ts);
// True when the native stack is close to its end.
bool native_stack_exhausted();

// ---- exceptions (vm/unwind.cpp) --------------------------------------------------------------
// Adds a traceback entry for frame `f` at its current instruction to the pending exception,
// and sets __context__ from the handled exception the first time the exception is seen.
void record_traceback(ThreadState* ts, Frame* f);
// Sets exc.__context__ to the exception being handled (breaking cycles like CPython).
void chain_context(ThreadState* ts, Value exc);
// The `raise` statement: exc may be a class or instance, cause null when there is no `from`.
void do_raise(Value exc, Value cause);
// except-clause matching; -1 with TypeError for classes not deriving from BaseException.
int exception_matches(Value exc, Value type);
// except* matching (CHECK_EG_MATCH): returns the part of `exc` that `type` matches (a matching
// naked exception wrapped in a group) or None, and stores the unmatched part or None in *rest.
// Null with TypeError for bad types, exception groups included.
Value exception_group_match(Value exc, Value type, Value* rest);
// NameError "name 'x' is not defined" (with .name set).
void raise_name_error(Str* name);
void raise_unbound_local(Frame* f, int local_index);
void raise_unbound_free(Frame* f, int localsplus_index);
// The frame is leaving (returned, raised or finished): detaches its Python frame object.
void frame_exit(Frame* f);

// ---- instruction helpers (vm/ops.cpp): the less common instructions, kept out of the loop --
int unpack_sequence(Value seq, int64_t count, Value* out_reversed);
int unpack_ex(Value seq, int before, int after, Value* out_reversed);
Value format_value(Value v, int conversion, Value spec);
Value build_string(Value* items, int64_t n);
Value import_name(Frame* f, Str* name, Value fromlist, Value level);
Value import_from(Value module, Str* name);
int import_star(Frame* f, Value module);
// BEFORE_WITH / BEFORE_ASYNC_WITH: stores the bound exit in *exit, returns __enter__()'s result.
Value with_enter(Value mgr, Value* exit, bool async);
Value load_name(Frame* f, Str* name);
int store_name(Frame* f, Str* name, Value v);
int delete_name(Frame* f, Str* name);
Value load_global_slow(Frame* f, Str* name);
int setup_annotations(Frame* f);
int print_expr(Value v);

// ---- generators (objects/generator.cpp) ------------------------------------------------------
// The iterator `yield from` / `await` uses; null with TypeError pending if unusable.
Value get_yield_from_iter(Value v);
// `await v`: the awaitable's iterator (where: 0 await, 1 after __aenter__, 2 after __aexit__).
Value get_awaitable_iter(Value v, int where);
// One step of SEND: 0 the subiterator yielded *out, 1 it returned *out, -1 error.
int send_to(Value sub, Value v, Value* out);
Value async_gen_wrap(Value v);

}  // namespace minipy
