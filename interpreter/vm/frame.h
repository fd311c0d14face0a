// Frames: the activation record of a code object, and the per-thread frame stack.
//
// An ordinary call's Frame lives on the calling thread's frame stack: chunks of collector-
// scanned memory used as a bump allocator, so a Python-to-Python call costs no heap
// allocation and the eval loop continues in the same C++ activation. A generator's or
// coroutine's Frame lives inside the generator object (objects/generator.h) and is resumed
// in place. Either way the eval loop sees the same layout:
//
//   Frame header | localsplus[nlocals + ncells + nfree] | value stack[stacksize]
//
// Python-visible frame objects (sys._getframe(), tracebacks) are created lazily
// (vm/frame_object.h) and take a snapshot of the frame when it finishes.
#pragma once

#include <cstdint>

#include "objects/code.h"
#include "objects/object.h"

namespace minipy {

struct Function;
struct FrameObject;
struct ThreadState;

enum FrameFlags : uint8_t {
  kFrameEntry = 1,      // RETURN_VALUE leaves eval_frame (the C++ caller resumes)
  kFrameOnStack = 2,    // allocated on the thread's frame stack (popped on return)
  kFrameGenerator = 4,  // owned by a generator/coroutine object
  kFrameYielded = 8,    // set by YIELD_VALUE: eval_frame returned a yielded value
};

struct Frame {
  Code* code;
  Function* func;          // null for module, class-body and exec frames
  Dict* globals;
  Dict* builtins;
  Value locals;            // the locals mapping of module/class/exec frames, null otherwise
  Frame* back;             // the calling frame while running
  CodeUnit* instr;         // the instruction executing (or, when suspended, to resume at)
  Value* sp;               // saved value-stack pointer (generators, calls out)
  FrameObject* frame_object;  // lazily created Python view, or null
  Object* generator;       // owning generator object (kFrameGenerator)
  uint8_t flags;
  Value localsplus[1];     // really nlocalsplus + stacksize

  Value* stack_base() { return localsplus + code->nlocalsplus(); }
  uint32_t pc() const { return static_cast<uint32_t>(instr - code->code); }
};

// Bytes a frame for `code` needs.
inline size_t frame_size(Code* code) {
  return sizeof(Frame) + sizeof(Value) * (code->nlocalsplus() + code->stacksize);
}

// Initialises the header of a frame for `code` at `mem` and clears its locals (the stack is
// left uninitialised: nothing reads above sp).
Frame* frame_init(void* mem, Code* code, Function* func, Dict* globals, Dict* builtins, Value locals);

// The calling thread's frame stack. frame_push returns null with MemoryError pending only if
// the process is out of memory.
Frame* frame_stack_push(Code* code, Function* func, Dict* globals, Dict* builtins, Value locals);
// Pops the most recently pushed frame (must be `f`), clearing its slots so dead values are
// not kept alive by the conservative collector.
void frame_stack_pop(Frame* f);

// Creates the cells of `f` (cellvars, initialised from their argument where cell2arg says so)
// and copies the closure's cells (freevars). Call after the arguments are bound.
void frame_init_cells(Frame* f, Tuple* closure);

}  // namespace minipy
