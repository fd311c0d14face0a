#include "vm/frame_object.h"

#include <cstdio>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "vm/eval.h"

namespace minipy {

Type frame_type, traceback_type;

FrameObject* frame_object_for(Frame* f) {
  if (f->frame_object) return f->frame_object;
  auto* fo = alloc<FrameObject>(&frame_type);
  fo->frame = f;
  fo->code = f->code;
  fo->globals = f->globals;
  fo->builtins = f->builtins;
  fo->trace = none_value();
  f->frame_object = fo;
  return fo;
}

void frame_object_detach(Frame* f) {
  FrameObject* fo = f->frame_object;
  if (!fo) return;
  fo->lasti = f->pc();
  fo->locals = frame_locals(f);
  if (!fo->locals) error_clear();
  // Generator frames have no caller once finished; other frames keep their caller's view.
  fo->back = (f->back && !(f->flags & kFrameGenerator)) ? frame_object_for(f->back) : nullptr;
  fo->frame = nullptr;
  f->frame_object = nullptr;
}

Traceback* traceback_new(Value next, Frame* f) {
  auto* tb = alloc<Traceback>(&traceback_type);
  tb->next = next ? next : none_value();
  tb->frame = frame_object_for(f);
  tb->lasti = static_cast<int32_t>(f->pc());
  tb->lineno = code_line(f->code, f->pc());
  return tb;
}

bool traceback_check(Value v) { return v.is_object() && v.as_object()->type == &traceback_type; }

namespace {

FrameObject* fo_of(Value v) { return v.as<FrameObject>(); }

uint32_t frame_lasti(FrameObject* fo) {
  if (!fo->frame) return fo->lasti;
  Frame* f = fo->frame;
  // A suspended generator's instr is the resume point; report the yield before it.
  if (f->flags & kFrameYielded && f->instr > f->code->code) return f->pc() - 1;
  return f->pc();
}

Value get_f_lineno(Value s) {
  FrameObject* fo = fo_of(s);
  int line = code_line(fo->code, frame_lasti(fo));
  return line < 0 ? none_value() : Value::small_int(line);
}

Value get_f_locals(Value s) {
  FrameObject* fo = fo_of(s);
  if (fo->frame) return frame_locals(fo->frame);
  return fo->locals ? fo->locals : Value(dict_new());
}

Value get_f_back(Value s) {
  FrameObject* fo = fo_of(s);
  if (fo->frame) {
    Frame* f = fo->frame;
    if ((f->flags & kFrameGenerator) && (f->flags & kFrameYielded)) return none_value();
    return f->back ? Value(frame_object_for(f->back)) : none_value();
  }
  return fo->back ? Value(fo->back) : none_value();
}

Value frame_repr(Value s) {
  FrameObject* fo = fo_of(s);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(fo));
  Value file = repr(fo->code->filename);
  if (!file) return Value();
  Value line = get_f_lineno(s);
  return str_new(std::string("<frame at ") + addr + ", file " + std::string(file.as<Str>()->view()) + ", line " +
                 (line.is_small_int() ? std::to_string(line.as_small_int()) : "None") + ", code " +
                 std::string(fo->code->name->view()) + ">");
}

Value frame_clear(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return raise(&exc_TypeError, "frame.clear() takes no arguments");
  FrameObject* fo = fo_of(self);
  if (fo->frame) return raise(&exc_RuntimeError, "cannot clear an executing frame");
  fo->locals = dict_new();
  return none_value();
}

const GetSetDef kFrameGetSets[] = {
    {"f_code", [](Value s) -> Value { return fo_of(s)->code; }, nullptr},
    {"f_globals", [](Value s) -> Value { return fo_of(s)->globals; }, nullptr},
    {"f_builtins", [](Value s) -> Value { return fo_of(s)->builtins; }, nullptr},
    {"f_locals", get_f_locals, nullptr},
    {"f_lineno", get_f_lineno, nullptr},
    {"f_lasti", [](Value s) -> Value { return Value::small_int(frame_lasti(fo_of(s)) * sizeof(CodeUnit)); }, nullptr},
    {"f_back", get_f_back, nullptr},
    {"f_trace", [](Value s) -> Value { return fo_of(s)->trace; },
     [](Value s, Value v) -> int {
       fo_of(s)->trace = v ? v : none_value();
       return 0;
     }},
    {nullptr, nullptr, nullptr},
};

const MethodDef kFrameMethods[] = {
    {"clear", frame_clear},
    {nullptr, nullptr},
};

Traceback* tb_of(Value v) { return v.as<Traceback>(); }

int set_tb_next(Value s, Value v) {
  if (!v) {
    raise(&exc_TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (!is_none(v) && !traceback_check(v)) {
    raise(&exc_TypeError, std::string("expected traceback object or None, got '") + type_name(v) + "'");
    return -1;
  }
  for (Value cursor = v; traceback_check(cursor); cursor = tb_of(cursor)->next) {
    if (cursor.is(s)) {
      raise(&exc_ValueError, "traceback loop detected");
      return -1;
    }
  }
  tb_of(s)->next = v;
  return 0;
}

const GetSetDef kTracebackGetSets[] = {
    {"tb_next", [](Value s) -> Value { return tb_of(s)->next; }, set_tb_next},
    {"tb_frame", [](Value s) -> Value { return tb_of(s)->frame; }, nullptr},
    {"tb_lasti", [](Value s) -> Value { return Value::small_int(tb_of(s)->lasti * sizeof(CodeUnit)); }, nullptr},
    {"tb_lineno", [](Value s) -> Value {
       int32_t l = tb_of(s)->lineno;
       return l < 0 ? none_value() : Value::small_int(l);
     }, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void frame_types_init() {
  frame_type.tp_repr = frame_repr;
  frame_type.basicsize = sizeof(FrameObject);
  type_ready(&frame_type, "frame", nullptr, kFrameMethods, kFrameGetSets);
  traceback_type.basicsize = sizeof(Traceback);
  type_ready(&traceback_type, "traceback", nullptr, nullptr, kTracebackGetSets);
}

}  // namespace minipy
