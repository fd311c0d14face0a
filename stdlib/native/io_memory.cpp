// The _io module: in-memory streams (StringIO, BytesIO) and the names io.py re-exports
// (open, the file type under its CPython class names, UnsupportedOperation).
//
// StringIO keeps its text as UTF-8 with positions counted in code points, as Python sees
// them. While the text is all ASCII (the usual case: print(file=...), json) code point and
// byte offsets coincide and every operation is a memcpy; otherwise the byte offset of the
// current position is cached so sequential reads and appends stay linear.
#include <algorithm>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "stdlib/native/io_file.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

Type stringio_type, bytesio_type;

// Growable GC byte buffer (pointer-free memory).
struct Buffer {
  char* data;
  int64_t size;
  int64_t cap;
};

void buffer_reserve(Buffer* b, int64_t need) {
  if (need <= b->cap) return;
  int64_t cap = std::max<int64_t>(need, b->cap < 64 ? 64 : b->cap * 2);
  char* nd = static_cast<char*>(gc_malloc_atomic(static_cast<size_t>(cap)));
  if (b->size) std::memcpy(nd, b->data, static_cast<size_t>(b->size));
  b->data = nd;
  b->cap = cap;
}

// Replaces bytes [start, end) of the buffer with `text` (start <= end <= size).
void buffer_splice(Buffer* b, int64_t start, int64_t end, std::string_view text) {
  int64_t delta = static_cast<int64_t>(text.size()) - (end - start);
  buffer_reserve(b, b->size + delta);
  if (end < b->size && delta != 0) {
    std::memmove(b->data + end + delta, b->data + end, static_cast<size_t>(b->size - end));
  }
  if (!text.empty()) std::memcpy(b->data + start, text.data(), text.size());
  b->size += delta;
}

void buffer_append_zeros(Buffer* b, int64_t n) {
  buffer_reserve(b, b->size + n);
  std::memset(b->data + b->size, 0, static_cast<size_t>(n));
  b->size += n;
}

bool size_arg(Value v, int64_t* out) {
  *out = -1;
  if (!v || is_none(v)) return true;
  if (!int_check(v) && !type_lookup(type_of(v), intern("__index__"))) {
    raise(&exc_TypeError, std::string("argument should be integer or None, not '") + type_name(v) + "'");
    return false;
  }
  return index_to_i64(v, out);
}

bool pos_arg(Value v, int64_t* out) {
  if (!int_check(v) && !type_lookup(type_of(v), intern("__index__"))) {
    raise(&exc_TypeError, std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  return index_to_i64(v, out);
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

int64_t count_cps(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += !is_continuation(c);
  return n;
}

// =============================================================================================
// StringIO

enum class Newline : uint8_t { Lf, Universal, Untranslated, Cr, CrLf };
enum SeenNewline : uint8_t { kSeenCr = 1, kSeenLf = 2, kSeenCrLf = 4 };

struct StringIOObject : Object {
  Dict* dict;
  Buffer buf;        // UTF-8
  int64_t length;    // code points in buf
  int64_t pos;       // code points; may lie beyond the end (a write pads with NULs)
  int64_t pos_byte;  // byte offset of pos when pos <= length, -1 when not yet known
  bool ascii;        // buf is all ASCII: offsets in code points and bytes coincide
  bool closed;
  bool initialized;
  Newline newline;
  uint8_t seen;      // newline kinds translated so far (Universal mode), for .newlines
};

StringIOObject* as_sio(Value v) { return v.as<StringIOObject>(); }

bool sio_check(StringIOObject* s) {
  if (!s->initialized) {
    raise(&exc_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  if (!s->closed) return true;
  raise(&exc_ValueError, "I/O operation on closed file");
  return false;
}

// Byte offset of code point `cp` (0 <= cp <= length).
int64_t sio_byte_offset(StringIOObject* s, int64_t cp) {
  if (s->ascii) return cp;
  int64_t from_cp = 0, from_byte = 0;
  if (s->pos_byte >= 0 && s->pos <= cp) {
    from_cp = s->pos;
    from_byte = s->pos_byte;
  }
  const char* d = s->buf.data;
  int64_t b = from_byte;
  for (int64_t k = from_cp; k < cp; ++k) {
    ++b;
    while (b < s->buf.size && is_continuation(d[b])) ++b;
  }
  return b;
}

int64_t sio_pos_byte(StringIOObject* s) {
  if (s->pos_byte < 0) s->pos_byte = sio_byte_offset(s, s->pos);
  return s->pos_byte;
}

// Applies the write translation of the newline mode; returns false when the text is unchanged.
bool translate_for_write(StringIOObject* s, std::string_view text, std::string* out) {
  switch (s->newline) {
    case Newline::Universal: {
      if (text.find('\r') == std::string_view::npos) {
        if (text.find('\n') != std::string_view::npos) s->seen |= kSeenLf;
        return false;
      }
      out->reserve(text.size());
      for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r') {
          if (i + 1 < text.size() && text[i + 1] == '\n') {
            s->seen |= kSeenCrLf;
            ++i;
          } else {
            s->seen |= kSeenCr;
          }
          out->push_back('\n');
        } else {
          if (c == '\n') s->seen |= kSeenLf;
          out->push_back(c);
        }
      }
      return true;
    }
    case Newline::Untranslated:
      // Endings are kept as written but still recorded for .newlines.
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
          s->seen |= kSeenLf;
        } else if (text[i] == '\r') {
          bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
          s->seen |= crlf ? kSeenCrLf : kSeenCr;
          i += crlf;
        }
      }
      return false;
    case Newline::Cr:
    case Newline::CrLf: {
      if (text.find('\n') == std::string_view::npos) return false;
      const char* nl = s->newline == Newline::Cr ? "\r" : "\r\n";
      for (char c : text) {
        if (c == '\n') *out += nl;
        else out->push_back(c);
      }
      return true;
    }
    default:
      return false;
  }
}

// Writes str text at the current position; returns its length as the caller passed it.
bool sio_write_text(StringIOObject* s, Str* str) {
  std::string translated;
  std::string_view text = str->view();
  int64_t ncp = str->length;
  if (translate_for_write(s, text, &translated)) {
    text = translated;
    ncp = count_cps(text);
  }
  if (text.empty()) return true;
  if (s->pos > s->length) {
    buffer_append_zeros(&s->buf, s->pos - s->length);
    s->length = s->pos;
    s->pos_byte = s->buf.size;
  }
  int64_t start = sio_pos_byte(s);
  int64_t end = start;
  if (s->pos < s->length) end = s->pos + ncp >= s->length ? s->buf.size : sio_byte_offset(s, s->pos + ncp);
  int64_t replaced = s->pos + ncp >= s->length ? s->length - s->pos : ncp;
  buffer_splice(&s->buf, start, end, text);
  s->ascii = s->ascii && str->is_ascii();
  s->length += ncp - replaced;
  s->pos += ncp;
  s->pos_byte = start + static_cast<int64_t>(text.size());
  return true;
}

int sio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"StringIO", {"initial_value", "newline"}, 2, 0};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return -1;
  StringIOObject* s = as_sio(self);
  Newline mode = Newline::Lf;
  if (a[1]) {
    if (is_none(a[1])) {
      mode = Newline::Universal;
    } else if (!str_check(a[1])) {
      raise(&exc_TypeError, std::string("newline must be str or None, not ") + type_name(a[1]));
      return -1;
    } else {
      std::string_view nl = a[1].as<Str>()->view();
      if (nl == "\n") mode = Newline::Lf;
      else if (nl.empty()) mode = Newline::Untranslated;
      else if (nl == "\r") mode = Newline::Cr;
      else if (nl == "\r\n") mode = Newline::CrLf;
      else {
        raise(&exc_ValueError, "illegal newline value: " + str_repr_utf8(nl));
        return -1;
      }
    }
  }
  if (a[0] && !is_none(a[0]) && !str_check(a[0])) {
    raise(&exc_TypeError, std::string("initial_value must be str or None, not ") + type_name(a[0]));
    return -1;
  }
  s->buf = Buffer{nullptr, 0, 0};
  s->length = s->pos = s->pos_byte = 0;
  s->ascii = true;
  s->closed = false;
  s->initialized = true;
  s->newline = mode;
  s->seen = 0;
  if (a[0] && !is_none(a[0])) {
    sio_write_text(s, a[0].as<Str>());
    s->pos = 0;
    s->pos_byte = 0;
  }
  return 0;
}

Value sio_new(Type* type, const Value*, size_t, Tuple*) {
  auto* s = static_cast<StringIOObject*>(alloc_instance(type));
  s->pos_byte = 0;
  s->ascii = true;
  return Value(s);
}

Value text_slice(StringIOObject* s, int64_t start, int64_t end) {
  std::string_view v(s->buf.data + start, static_cast<size_t>(end - start));
  return s->ascii ? Value(str_from_ascii(v)) : Value(str_new(v));
}

Value sio_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  StringIOObject* s = as_sio(self);
  if (!sio_check(s)) return Value();
  if (!str_check(args[0])) {
    return raise(&exc_TypeError, std::string("string argument expected, got '") + type_name(args[0]) + "'");
  }
  Str* str = args[0].as<Str>();
  sio_write_text(s, str);
  return int_from_i64(str->length);
}

Value sio_writelines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("writelines", kwnames) || !check_nargs("writelines", nargs, 1, 1)) return Value();
  if (!sio_check(as_sio(self))) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  while (Value line = iter_next(it)) {
    if (!sio_write(self, &line, 1, nullptr)) return Value();
  }
  if (error_pending()) return Value();
  return none_value();
}

Value sio_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_nargs("read", nargs, 0, 1)) return Value();
  StringIOObject* s = as_sio(self);
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size) || !sio_check(s)) return Value();
  if (s->pos >= s->length || size == 0) return Value(str_empty());
  int64_t start = sio_pos_byte(s);
  int64_t take = size < 0 || s->pos + size > s->length ? s->length - s->pos : size;
  int64_t end = s->ascii ? start + take : sio_byte_offset(s, s->pos + take);
  Value r = text_slice(s, start, end);
  s->pos += take;
  s->pos_byte = end;
  return r;
}

// Byte offset just past the line that starts at `start` (or the end of the text).
int64_t sio_line_end(StringIOObject* s, int64_t start) {
  const char* d = s->buf.data;
  int64_t n = s->buf.size;
  switch (s->newline) {
    case Newline::Untranslated:
      for (int64_t i = start; i < n; ++i) {
        if (d[i] == '\n') return i + 1;
        if (d[i] == '\r') return i + 1 < n && d[i + 1] == '\n' ? i + 2 : i + 1;
      }
      return n;
    case Newline::Cr: {
      const void* p = std::memchr(d + start, '\r', static_cast<size_t>(n - start));
      return p ? static_cast<const char*>(p) - d + 1 : n;
    }
    case Newline::CrLf: {
      std::string_view v(d + start, static_cast<size_t>(n - start));
      size_t at = v.find("\r\n");
      return at == std::string_view::npos ? n : start + static_cast<int64_t>(at) + 2;
    }
    default: {
      const void* p = std::memchr(d + start, '\n', static_cast<size_t>(n - start));
      return p ? static_cast<const char*>(p) - d + 1 : n;
    }
  }
}

Value sio_readline_impl(StringIOObject* s, int64_t limit) {
  if (s->pos >= s->length || limit == 0) return Value(str_empty());
  int64_t start = sio_pos_byte(s);
  int64_t end = sio_line_end(s, start);
  std::string_view line(s->buf.data + start, static_cast<size_t>(end - start));
  int64_t ncp = s->ascii ? static_cast<int64_t>(line.size()) : count_cps(line);
  if (limit >= 0 && ncp > limit) {
    ncp = limit;
    end = s->ascii ? start + limit : sio_byte_offset(s, s->pos + limit);
  }
  Value r = text_slice(s, start, end);
  s->pos += ncp;
  s->pos_byte = end;
  return r;
}

Value sio_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("readline", kwnames) || !check_nargs("readline", nargs, 0, 1)) return Value();
  StringIOObject* s = as_sio(self);
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size) || !sio_check(s)) return Value();
  return sio_readline_impl(s, size);
}

Value sio_readlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("readlines", kwnames) || !check_nargs("readlines", nargs, 0, 1)) return Value();
  StringIOObject* s = as_sio(self);
  int64_t hint;
  if (!size_arg(nargs ? args[0] : Value(), &hint) || !sio_check(s)) return Value();
  List* lines = list_new();
  int64_t total = 0;
  while (s->pos < s->length) {
    Value line = sio_readline_impl(s, -1);
    list_append(lines, line);
    total += line.as<Str>()->length;
    if (hint > 0 && total >= hint) break;
  }
  return Value(lines);
}

Value sio_iternext(Value self) {
  StringIOObject* s = as_sio(self);
  if (!sio_check(s)) return Value();
  if (s->pos >= s->length) return Value();
  return sio_readline_impl(s, -1);
}

Value sio_iter(Value self) {
  StringIOObject* s = as_sio(self);
  if (s->closed) return raise(&exc_ValueError, "I/O operation on closed file.");
  return self;
}

Value sio_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_nargs("seek", nargs, 1, 2)) return Value();
  StringIOObject* s = as_sio(self);
  int64_t pos, whence = 0;
  if (!pos_arg(args[0], &pos) || (nargs == 2 && !pos_arg(args[1], &whence)) || !sio_check(s)) return Value();
  if (whence < 0 || whence > 2) {
    return raise(&exc_ValueError, "Invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
  }
  // CPython words the end-relative case like the current-relative one.
  if (whence != 0 && pos != 0) return raise(&exc_OSError, "Can't do nonzero cur-relative seeks");
  if (whence == 0 && pos < 0) return raise(&exc_ValueError, "Negative seek position " + std::to_string(pos));
  if (whence == 2) pos = s->length;
  if (whence != 1) {
    s->pos = pos;
    if (pos == 0) s->pos_byte = 0;
    else if (pos == s->length) s->pos_byte = s->buf.size;
    else if (s->ascii && pos < s->length) s->pos_byte = pos;
    else s->pos_byte = -1;
  }
  return int_from_i64(s->pos);
}

Value sio_tell(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("tell", kwnames) || !check_nargs("tell", nargs, 0, 0)) return Value();
  StringIOObject* s = as_sio(self);
  if (!sio_check(s)) return Value();
  return int_from_i64(s->pos);
}

Value sio_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_nargs("truncate", nargs, 0, 1)) return Value();
  StringIOObject* s = as_sio(self);
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size) || !sio_check(s)) return Value();
  if (nargs == 0 || is_none(args[0])) size = s->pos;
  if (size < 0) return raise(&exc_ValueError, "Negative size value " + std::to_string(size));
  if (size < s->length) {
    s->buf.size = sio_byte_offset(s, size);
    s->length = size;
    if (s->pos > size) s->pos_byte = -1;
  }
  return int_from_i64(size);
}

Value sio_getvalue(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getvalue", kwnames) || !check_nargs("getvalue", nargs, 0, 0)) return Value();
  StringIOObject* s = as_sio(self);
  if (!sio_check(s)) return Value();
  return text_slice(s, 0, s->buf.size);
}

Value sio_close(Value self, const Value*, size_t, Tuple*) {
  StringIOObject* s = as_sio(self);
  s->closed = true;
  s->buf = Buffer{nullptr, 0, 0};
  return none_value();
}

// readable/writable/seekable: True on an open stream.
Value sio_true(Value self, const Value*, size_t, Tuple*) {
  if (!sio_check(as_sio(self))) return Value();
  return true_value();
}

Value sio_isatty(Value self, const Value*, size_t, Tuple*) {
  if (as_sio(self)->closed) return raise(&exc_ValueError, "I/O operation on closed file.");
  return false_value();
}

Value sio_flush(Value self, const Value*, size_t, Tuple*) { return none_value(); }

Value sio_fileno(Value, const Value*, size_t, Tuple*) { return raise_unsupported_operation("fileno"); }
Value sio_detach(Value, const Value*, size_t, Tuple*) { return raise_unsupported_operation("detach"); }

Value sio_enter(Value self, const Value*, size_t, Tuple*) {
  if (as_sio(self)->closed) return raise(&exc_ValueError, "I/O operation on closed file.");
  return self;
}

Value sio_exit(Value self, const Value*, size_t, Tuple*) {
  sio_close(self, nullptr, 0, nullptr);
  return none_value();
}

Value sio_closed(Value self) { return bool_value(as_sio(self)->closed); }
Value sio_line_buffering(Value self) {
  if (!sio_check(as_sio(self))) return Value();
  return false_value();
}
Value sio_none(Value self) { return none_value(); }

Value sio_newlines(Value self) {
  StringIOObject* s = as_sio(self);
  if (!sio_check(s)) return Value();
  if ((s->newline != Newline::Universal && s->newline != Newline::Untranslated) || s->seen == 0) return none_value();
  Value kinds[3];
  int n = 0;
  if (s->seen & kSeenCr) kinds[n++] = Value(str_from_ascii("\r"));
  if (s->seen & kSeenLf) kinds[n++] = Value(str_from_ascii("\n"));
  if (s->seen & kSeenCrLf) kinds[n++] = Value(str_from_ascii("\r\n"));
  if (n == 1) return kinds[0];
  return Value(tuple_from_array(kinds, n));
}

const MethodDef kStringIOMethods[] = {
    {"write", sio_write},
    {"writelines", sio_writelines},
    {"read", sio_read},
    {"readline", sio_readline},
    {"readlines", sio_readlines},
    {"seek", sio_seek},
    {"tell", sio_tell},
    {"truncate", sio_truncate},
    {"getvalue", sio_getvalue},
    {"close", sio_close},
    {"readable", sio_true},
    {"writable", sio_true},
    {"seekable", sio_true},
    {"isatty", sio_isatty},
    {"flush", sio_flush},
    {"fileno", sio_fileno},
    {"detach", sio_detach},
    {"__enter__", sio_enter},
    {"__exit__", sio_exit},
    {nullptr, nullptr},
};

const GetSetDef kStringIOGetSets[] = {
    {"closed", sio_closed, nullptr},
    {"line_buffering", sio_line_buffering, nullptr},
    {"newlines", sio_newlines, nullptr},
    {"encoding", sio_none, nullptr},
    {"errors", sio_none, nullptr},
    {nullptr, nullptr, nullptr},
};

// =============================================================================================
// BytesIO

struct BytesIOObject : Object {
  Dict* dict;
  Buffer buf;
  int64_t pos;  // may lie beyond the end (a write pads with zeros)
  bool closed;
};

BytesIOObject* as_bio(Value v) { return v.as<BytesIOObject>(); }

bool bio_check(BytesIOObject* b) {
  if (!b->closed) return true;
  raise(&exc_ValueError, "I/O operation on closed file.");
  return false;
}

bool bio_write_bytes(BytesIOObject* b, std::string_view data) {
  if (data.empty()) return true;
  if (b->pos > b->buf.size) buffer_append_zeros(&b->buf, b->pos - b->buf.size);
  int64_t end = std::min<int64_t>(b->buf.size, b->pos + static_cast<int64_t>(data.size()));
  buffer_splice(&b->buf, b->pos, end, data);
  b->pos += static_cast<int64_t>(data.size());
  return true;
}

int bio_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"BytesIO", {"initial_bytes"}, 1, 0};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return -1;
  BytesIOObject* b = as_bio(self);
  b->buf = Buffer{nullptr, 0, 0};
  b->pos = 0;
  b->closed = false;
  if (a[0] && !is_none(a[0])) {
    std::string_view data;
    if (!bytes_like_view(a[0], &data)) {
      raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(a[0]) + "'");
      return -1;
    }
    bio_write_bytes(b, data);
    b->pos = 0;
  }
  return 0;
}

Value bio_new(Type* type, const Value*, size_t, Tuple*) { return Value(alloc_instance(type)); }

Value bio_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  BytesIOObject* b = as_bio(self);
  if (!bio_check(b)) return Value();
  std::string_view data;
  if (!bytes_like_view(args[0], &data)) {
    return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(args[0]) + "'");
  }
  // The source may be a bytearray that is this stream's own export: copy first.
  std::string copy(data);
  bio_write_bytes(b, copy);
  return int_from_i64(static_cast<int64_t>(copy.size()));
}

Value bio_writelines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("writelines", kwnames) || !check_nargs("writelines", nargs, 1, 1)) return Value();
  if (!bio_check(as_bio(self))) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  while (Value line = iter_next(it)) {
    if (!bio_write(self, &line, 1, nullptr)) return Value();
  }
  if (error_pending()) return Value();
  return none_value();
}

Value bio_read_impl(BytesIOObject* b, int64_t size) {
  int64_t avail = b->buf.size - b->pos;
  if (avail <= 0) return Value(bytes_new(""));
  int64_t n = size < 0 || size > avail ? avail : size;
  Value r = Value(bytes_new(std::string_view(b->buf.data + b->pos, static_cast<size_t>(n))));
  b->pos += n;
  return r;
}

Value bio_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_nargs("read", nargs, 0, 1)) return Value();
  BytesIOObject* b = as_bio(self);
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size) || !bio_check(b)) return Value();
  return bio_read_impl(b, size);
}

Value bio_readline_impl(BytesIOObject* b, int64_t limit) {
  int64_t avail = b->buf.size - b->pos;
  if (avail <= 0) return Value(bytes_new(""));
  const char* start = b->buf.data + b->pos;
  const void* nl = std::memchr(start, '\n', static_cast<size_t>(avail));
  int64_t n = nl ? static_cast<const char*>(nl) - start + 1 : avail;
  if (limit >= 0 && n > limit) n = limit;
  return bio_read_impl(b, n);
}

Value bio_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("readline", kwnames) || !check_nargs("readline", nargs, 0, 1)) return Value();
  BytesIOObject* b = as_bio(self);
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size) || !bio_check(b)) return Value();
  return bio_readline_impl(b, size);
}

Value bio_readlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("readlines", kwnames) || !check_nargs("readlines", nargs, 0, 1)) return Value();
  BytesIOObject* b = as_bio(self);
  int64_t hint;
  if (!size_arg(nargs ? args[0] : Value(), &hint) || !bio_check(b)) return Value();
  List* lines = list_new();
  int64_t total = 0;
  while (b->pos < b->buf.size) {
    Value line = bio_readline_impl(b, -1);
    list_append(lines, line);
    total += line.as<Bytes>()->size;
    if (hint > 0 && total >= hint) break;
  }
  return Value(lines);
}

Value bio_readinto(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("readinto", kwnames) || !check_nargs("readinto", nargs, 1, 1)) return Value();
  BytesIOObject* b = as_bio(self);
  if (!bio_check(b)) return Value();
  if (!bytearray_check(args[0])) {
    return raise(&exc_TypeError,
                 std::string("readinto() argument must be read-write bytes-like object, not ") + type_name(args[0]));
  }
  ByteArray* target = args[0].as<ByteArray>();
  int64_t avail = std::max<int64_t>(0, b->buf.size - b->pos);
  int64_t n = std::min(avail, target->size);
  if (n > 0) std::memcpy(target->data, b->buf.data + b->pos, static_cast<size_t>(n));
  b->pos += n;
  return int_from_i64(n);
}

Value bio_iternext(Value self) {
  BytesIOObject* b = as_bio(self);
  if (!bio_check(b)) return Value();
  if (b->pos >= b->buf.size) return Value();
  return bio_readline_impl(b, -1);
}

Value bio_iter(Value self) {
  if (!bio_check(as_bio(self))) return Value();
  return self;
}

Value bio_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_nargs("seek", nargs, 1, 2)) return Value();
  BytesIOObject* b = as_bio(self);
  int64_t pos, whence = 0;
  if (!pos_arg(args[0], &pos) || (nargs == 2 && !pos_arg(args[1], &whence)) || !bio_check(b)) return Value();
  if (whence < 0 || whence > 2) {
    return raise(&exc_ValueError, "invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
  }
  if (whence == 0 && pos < 0) return raise(&exc_ValueError, "negative seek value " + std::to_string(pos));
  if (whence == 1) pos += b->pos;
  if (whence == 2) pos += b->buf.size;
  b->pos = pos < 0 ? 0 : pos;
  return int_from_i64(b->pos);
}

Value bio_tell(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("tell", kwnames) || !check_nargs("tell", nargs, 0, 0)) return Value();
  BytesIOObject* b = as_bio(self);
  if (!bio_check(b)) return Value();
  return int_from_i64(b->pos);
}

Value bio_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_nargs("truncate", nargs, 0, 1)) return Value();
  BytesIOObject* b = as_bio(self);
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size) || !bio_check(b)) return Value();
  if (nargs == 0 || is_none(args[0])) size = b->pos;
  if (size < 0) return raise(&exc_ValueError, "negative size value " + std::to_string(size));
  if (size < b->buf.size) b->buf.size = size;
  return int_from_i64(size);
}

Value bio_getvalue(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getvalue", kwnames) || !check_nargs("getvalue", nargs, 0, 0)) return Value();
  BytesIOObject* b = as_bio(self);
  if (!bio_check(b)) return Value();
  return Value(bytes_new(std::string_view(b->buf.data, static_cast<size_t>(b->buf.size))));
}

Value bio_close(Value self, const Value*, size_t, Tuple*) {
  BytesIOObject* b = as_bio(self);
  b->closed = true;
  b->buf = Buffer{nullptr, 0, 0};
  return none_value();
}

Value bio_true(Value self, const Value*, size_t, Tuple*) {
  if (!bio_check(as_bio(self))) return Value();
  return true_value();
}

Value bio_false(Value self, const Value*, size_t, Tuple*) {
  if (!bio_check(as_bio(self))) return Value();
  return false_value();
}

Value bio_flush(Value self, const Value*, size_t, Tuple*) {
  if (!bio_check(as_bio(self))) return Value();
  return none_value();
}

Value bio_enter(Value self, const Value*, size_t, Tuple*) {
  if (!bio_check(as_bio(self))) return Value();
  return self;
}

Value bio_exit(Value self, const Value*, size_t, Tuple*) {
  bio_close(self, nullptr, 0, nullptr);
  return none_value();
}

Value bio_closed(Value self) { return bool_value(as_bio(self)->closed); }

const MethodDef kBytesIOMethods[] = {
    {"write", bio_write},
    {"writelines", bio_writelines},
    {"read", bio_read},
    {"read1", bio_read},
    {"readline", bio_readline},
    {"readlines", bio_readlines},
    {"readinto", bio_readinto},
    {"seek", bio_seek},
    {"tell", bio_tell},
    {"truncate", bio_truncate},
    {"getvalue", bio_getvalue},
    {"close", bio_close},
    {"readable", bio_true},
    {"writable", bio_true},
    {"seekable", bio_true},
    {"isatty", bio_false},
    {"flush", bio_flush},
    {"fileno", sio_fileno},
    {"__enter__", bio_enter},
    {"__exit__", bio_exit},
    {nullptr, nullptr},
};

const GetSetDef kBytesIOGetSets[] = {
    {"closed", bio_closed, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kIoFunctions[] = {
    {"open", builtin_open},
    {nullptr, nullptr},
};

void memory_types_init() {
  if (stringio_type.name) return;
  stringio_type.basicsize = sizeof(StringIOObject);
  stringio_type.dict_offset = offsetof(StringIOObject, dict);
  stringio_type.flags |= kTypeBaseType;
  stringio_type.tp_new = sio_new;
  stringio_type.tp_init = sio_init;
  stringio_type.tp_iter = sio_iter;
  stringio_type.tp_iternext = sio_iternext;
  type_ready(&stringio_type, "_io.StringIO", nullptr, kStringIOMethods, kStringIOGetSets);
  bytesio_type.basicsize = sizeof(BytesIOObject);
  bytesio_type.dict_offset = offsetof(BytesIOObject, dict);
  bytesio_type.flags |= kTypeBaseType;
  bytesio_type.tp_new = bio_new;
  bytesio_type.tp_init = bio_init;
  bytesio_type.tp_iter = bio_iter;
  bytesio_type.tp_iternext = bio_iternext;
  type_ready(&bytesio_type, "_io.BytesIO", nullptr, kBytesIOMethods, kBytesIOGetSets);
}

}  // namespace

Value io_module_create() {
  memory_types_init();
  Value unsupported = unsupported_operation_type();
  if (!unsupported) return Value();
  Module* m = module_new(intern("_io"));
  // io.open is builtins.open, the same object.
  Value open = dict_get_cstr(builtins_module()->dict, "open");
  if (open) module_add(m, "open", open);
  else module_add_functions(m, kIoFunctions);
  module_add(m, "StringIO", Value(&stringio_type));
  module_add(m, "BytesIO", Value(&bytesio_type));
  module_add(m, "UnsupportedOperation", unsupported);
  module_add(m, "DEFAULT_BUFFER_SIZE", Value::small_int(8192));
  // One native type plays CPython's text wrapper, buffered and raw file classes.
  for (const char* name : {"TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom", "FileIO"}) {
    module_add(m, name, Value(&file_type));
  }
  return Value(m);
}

}  // namespace minipy
