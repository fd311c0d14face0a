#include "vm/frame.h"

#include <algorithm>
#include <cstring>

#include "objects/function.h"
#include "objects/tuple.h"
#include "runtime/memory.h"

namespace minipy {

namespace {

// The frame stack is a list of chunks. Chunks are uncollectable collector memory: they are
// roots the collector scans (so Values in frames stay alive) but are never freed, and a
// thread keeps them for its lifetime, reusing them call after call.
struct Chunk {
  Chunk* prev;
  char* limit;
  char* top;  // saved bump pointer of this chunk while a newer chunk is in use
  alignas(16) char data[1];
};

// A thread's first chunk is small: most threads run shallow call chains, and the collector
// clears and scans every chunk whole (a 256 KiB first chunk made starting a thread cost more
// than a millisecond of page faults). Each further chunk doubles, up to kMaxChunkBytes.
constexpr size_t kFirstChunkBytes = 16 * 1024;
constexpr size_t kMaxChunkBytes = 256 * 1024;

struct FrameStack {
  Chunk* chunk = nullptr;
  char* top = nullptr;
  char* limit = nullptr;
  Chunk* spare = nullptr;  // one emptied chunk kept to avoid thrashing at a chunk boundary
};

thread_local FrameStack tls_stack;

Chunk* new_chunk(size_t min_bytes, const Chunk* prev) {
  size_t bytes = kFirstChunkBytes;
  if (prev) bytes = std::min(2 * static_cast<size_t>(prev->limit - reinterpret_cast<const char*>(prev)), kMaxChunkBytes);
  bytes = std::max(bytes, min_bytes + sizeof(Chunk));
  auto* c = static_cast<Chunk*>(gc_malloc_uncollectable(bytes));
  if (!c) return nullptr;
  c->limit = reinterpret_cast<char*>(c) + bytes;
  return c;
}

}  // namespace

Frame* frame_init(void* mem, Code* code, Function* func, Dict* globals, Dict* builtins, Value locals) {
  auto* f = static_cast<Frame*>(mem);
  f->code = code;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->back = nullptr;
  f->instr = code->code;
  f->sp = f->stack_base();
  f->frame_object = nullptr;
  f->generator = nullptr;
  f->flags = 0;
  std::memset(static_cast<void*>(f->localsplus), 0, sizeof(Value) * code->nlocalsplus());
  return f;
}

Frame* frame_stack_push(Code* code, Function* func, Dict* globals, Dict* builtins, Value locals) {
  FrameStack& s = tls_stack;
  size_t bytes = (frame_size(code) + 15) & ~size_t{15};
  if (s.top + bytes > s.limit || !s.top) {
    Chunk* c = nullptr;
    if (s.spare && s.spare->limit - s.spare->data >= static_cast<ptrdiff_t>(bytes)) {
      c = s.spare;
      s.spare = nullptr;
    } else {
      c = new_chunk(bytes, s.chunk);
      if (!c) return nullptr;
    }
    if (s.chunk) s.chunk->top = s.top;
    c->prev = s.chunk;
    s.chunk = c;
    s.top = c->data;
    s.limit = c->limit;
  }
  void* mem = s.top;
  s.top += bytes;
  Frame* f = frame_init(mem, code, func, globals, builtins, locals);
  f->flags = kFrameOnStack;
  return f;
}

void frame_stack_pop(Frame* f) {
  FrameStack& s = tls_stack;
  char* mem = reinterpret_cast<char*>(f);
  // Clearing the whole frame drops references the conservative collector would otherwise
  // keep seeing in the reused stack memory.
  std::memset(static_cast<void*>(mem), 0, s.top - mem);
  s.top = mem;
  if (s.top == s.chunk->data && s.chunk->prev) {
    Chunk* done = s.chunk;
    s.chunk = done->prev;
    s.top = s.chunk->top;
    s.limit = s.chunk->limit;
    if (s.spare) GC_FREE(s.spare);
    s.spare = done;
  }
}

void frame_init_cells(Frame* f, Tuple* closure) {
  Code* c = f->code;
  Value* cells = f->localsplus + c->nlocals;
  for (int i = 0; i < c->ncells; i++) {
    int arg = c->cell2arg ? c->cell2arg[i] : -1;
    Value init;
    if (arg >= 0) {
      init = f->localsplus[arg];
      f->localsplus[arg] = Value();
    }
    cells[i] = cell_new(init);
  }
  Value* frees = cells + c->ncells;
  for (int i = 0; i < c->nfree; i++) frees[i] = (*closure)[i];
}

}  // namespace minipy
