// Generators, coroutines and async generators.
//
// The object owns its Frame (trailing storage), so resuming runs the frame in place: no frame
// allocation or stack copying per next()/send(). The frame's value stack keeps the state
// between resumptions; YIELD_VALUE saves ip/sp in the frame and leaves eval_frame.
#pragma once

#include "objects/object.h"
#include "vm/frame.h"

namespace minipy {

struct Function;

enum class GenState : uint8_t { Created, Suspended, Running, Finished };

struct Generator : Object {
  Frame* frame;          // the frame in this object's trailing storage
  Str* name;
  Str* qualname;
  Code* code;
  Value handled;         // the generator's own handled exception while suspended in a handler
  Value caller_handled;  // the caller's handled exception while the generator runs
  // Async generators: the finalizer hook in force at the first iteration, called instead of
  // closing when the generator is collected unfinished; None once it was called.
  Value ag_finalizer;
  GenState state;
  bool ag_running_async;  // async generators: an asend/athrow is in progress
  bool ag_hooks_inited;   // async generators: the thread's hooks were consulted (first iteration)
  bool loop_owned;        // only a for loop's stack slot refers to it (see POP_ITER)
  // followed by the Frame
};

extern Type generator_type, coroutine_type, async_generator_type;
extern Type coroutine_wrapper_type, async_gen_asend_type, async_gen_athrow_type, async_gen_wrapped_type;

// Creates the generator/coroutine/async generator for a call of `fn` (its code has a
// generator flag): binds the arguments into the new object's frame.
Value generator_from_call(Function* fn, const Value* args, size_t nargs, Tuple* kwnames);

// The outcome of one resumption.
enum class GenResult { Yield, Return, Error };
// Resumes `gen` with `value` (or by throwing the pending exception when `throwing`).
// Yield/Return leave the value in *out; Error leaves the exception pending (PEP 479
// conversions applied).
GenResult gen_send_ex(Generator* gen, Value value, bool throwing, Value* out);
// gen.send(v) / next(gen) as Python sees them: StopIteration(value) on return.
Value gen_send(Generator* gen, Value value);
// gen.throw(exc) with an exception instance (already normalised).
Value gen_throw(Generator* gen, Value exc);
// gen.close(): null with an exception pending on failure.
Value gen_close(Generator* gen);

// Interpreter exit: closes every generator still suspended inside a try/with (CPython runs
// their finally blocks when module globals are torn down), then the queued ones.
void generators_finalize_at_exit();

bool generator_check(Value v);
bool coroutine_check(Value v);
bool async_generator_check(Value v);

void generator_types_init();

}  // namespace minipy
