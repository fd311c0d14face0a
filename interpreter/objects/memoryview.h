// memoryview: a zero-copy, one-dimensional view of the bytes of a buffer exporter (bytes,
// bytearray, another memoryview), with CPython's struct-letter item formats.
//
// The buffer protocol is minimal: an exporter is bytes or bytearray (or a subclass). A view of
// a bytearray counts as an export (ByteArray::exports) until it is released, explicitly or when
// the collector finds it unreachable (a finalizer); a bytearray with exports cannot change
// size, since the view points into its storage. See docs/memory.md.
#pragma once

#include <cstdint>
#include <string_view>

#include "objects/object.h"

namespace minipy {

struct MemoryView : Object {
  Value obj;         // the exporter (for a view of a view, the original one)
  char* buf;         // first byte of item 0
  int64_t len;       // number of items
  int64_t stride;    // bytes from one item to the next (negative for reversed views)
  int64_t hash;      // -1 until computed
  int32_t itemsize;
  char format;       // struct letter: B b c ? h H i I l L q Q n N f d
  bool readonly;
  bool released;
};

extern Type memoryview_type;

bool memoryview_check(Value v);
// memoryview(obj); TypeError for objects without a buffer.
Value memoryview_new(Value obj);
// The bytes of a contiguous, unreleased view (for bytes_like_view); false otherwise.
bool memoryview_contiguous_view(Value v, std::string_view* out);

void memoryview_type_init();

}  // namespace minipy
