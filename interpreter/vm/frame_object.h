// Python-visible frame and traceback objects.
//
// A FrameObject is created on demand for a VM Frame (sys._getframe(), tracebacks) and stays
// attached while the frame runs. When the frame finishes, frame_exit() detaches it: the frame
// object keeps the code, globals, last line and a snapshot of the locals, so tracebacks and
// the traceback module work after the stack memory is reused.
#pragma once

#include "objects/object.h"
#include "vm/frame.h"

namespace minipy {

struct FrameObject : Object {
  Frame* frame;         // the live frame, null once detached
  Code* code;
  Dict* globals;
  Dict* builtins;
  Value locals;         // snapshot after detaching (a dict or the frame's locals mapping)
  FrameObject* back;    // f_back after detaching
  uint32_t lasti;       // code-unit offset of the last instruction after detaching
  Value trace;          // f_trace (stored, never called: there is no tracing hook)
};

struct Traceback : Object {
  Value next;           // a Traceback or None
  FrameObject* frame;
  int32_t lasti;
  int32_t lineno;
};

extern Type frame_type, traceback_type;

// The frame object of a live frame (created on first use).
FrameObject* frame_object_for(Frame* f);
// Detaches f's frame object, if any (the frame is finishing).
void frame_object_detach(Frame* f);
// A new traceback entry pointing at frame `f`'s current instruction, linked before `next`.
Traceback* traceback_new(Value next, Frame* f);
bool traceback_check(Value v);
// sys._getframe(depth): the frame object `depth` levels up from the calling Python frame;
// ValueError "call stack is not deep enough" when there is none.
Value current_frame_object(int depth);

void frame_types_init();

}  // namespace minipy
