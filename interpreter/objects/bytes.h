// bytes (immutable) and bytearray (mutable) byte strings.
#pragma once

#include <string_view>

#include "objects/object.h"

namespace minipy {

struct Bytes : Object {
  int64_t hash;  // -1 until computed
  int64_t size;
  // followed by size + 1 bytes (NUL-terminated for C interop)
  char* data() { return reinterpret_cast<char*>(this + 1); }
  std::string_view view() const { return {reinterpret_cast<const char*>(this + 1), static_cast<size_t>(size)}; }
};

struct ByteArray : Object {
  int64_t size;
  int64_t capacity;
  char* data;  // GC-allocated, pointer-free
  int64_t exports;  // live memoryviews of data: the size may not change (objects/memoryview.h)
  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

extern Type bytes_type, bytearray_type;

Bytes* bytes_new(std::string_view data);
ByteArray* bytearray_new(std::string_view data);
bool bytes_check(Value v);
bool bytearray_check(Value v);
// For APIs taking any bytes-like object (bytes, bytearray, contiguous memoryview): true and a
// view of its contents, false (no exception) otherwise.
bool bytes_like_view(Value v, std::string_view* out);

void bytes_type_init();

}  // namespace minipy
