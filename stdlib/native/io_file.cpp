#include "stdlib/native/io_file.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/memory.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"

namespace minipy {

Type file_type;

// The descriptor and its buffers. Every system call runs with the GIL released while the
// stream's mutex is held, so another thread using the same file waits for the mutex (with
// the GIL released too) instead of seeing half-updated buffers. Whenever the mutex is free
// the buffers are consistent: pending output is wbuf[wstart, wlen), read-ahead is
// rbuf[rpos, rlen).
struct FileStream {
  int fd;
  bool closefd;
  bool closed;
  bool eof;
  char* wbuf;  // GC atomic memory
  int64_t wstart, wlen, wcap;
  char* rbuf;
  int64_t rpos, rlen, rcap;
  pthread_mutex_t lock;
};

namespace {

constexpr int64_t kBufferSize = 8192;
Value g_unsupported_operation;  // io.UnsupportedOperation

FileObject* as_file(Value v) { return v.as<FileObject>(); }

// =============================================================================================
// The stream lock

// Holds a stream's mutex. Taking it never blocks while holding the GIL: when the mutex is
// busy (its holder may be in a system call without the GIL) the wait releases the GIL.
class StreamLock {
 public:
  explicit StreamLock(FileStream* s) : s_(s) { lock(); }
  ~StreamLock() {
    if (held_) pthread_mutex_unlock(&s_->lock);
  }
  StreamLock(const StreamLock&) = delete;
  StreamLock& operator=(const StreamLock&) = delete;

  void lock() {
    if (pthread_mutex_trylock(&s_->lock) != 0) {
      ScopedGilRelease unlocked;
      pthread_mutex_lock(&s_->lock);
    }
    held_ = true;
  }
  // Runs pending signal handlers with the mutex released (a handler may use this file);
  // -1 if one raised.
  int run_signal_handlers() {
    pthread_mutex_unlock(&s_->lock);
    held_ = false;
    int rc = run_pending_signal_handlers(current_thread());
    lock();
    return rc;
  }

 private:
  FileStream* s_;
  bool held_ = false;
};

// =============================================================================================
// Raw operations (stream locked)

// Writes [data, data+n) completely. EINTR runs the signal handlers, then continues.
int write_all(StreamLock& lk, FileStream* s, const char* data, int64_t n) {
  while (n > 0) {
    ssize_t w;
    int err;
    {
      ScopedGilRelease unlocked;
      w = ::write(s->fd, data, static_cast<size_t>(n));
      err = errno;
    }
    if (w >= 0) {
      data += w;
      n -= w;
      continue;
    }
    if (err != EINTR) {
      raise_os_error(err);
      return -1;
    }
    if (lk.run_signal_handlers() < 0) return -1;
  }
  return 0;
}

int flush_locked(StreamLock& lk, FileStream* s) {
  while (s->wstart < s->wlen) {
    ssize_t w;
    int err;
    int fd = s->fd;
    const char* p = s->wbuf + s->wstart;
    size_t n = static_cast<size_t>(s->wlen - s->wstart);
    {
      ScopedGilRelease unlocked;
      w = ::write(fd, p, n);
      err = errno;
    }
    if (w >= 0) {
      s->wstart += w;
      continue;
    }
    if (err == EINTR) {
      if (lk.run_signal_handlers() < 0) return -1;
      continue;
    }
    // The unwritten output is dropped: keeping it would make every later flush (and the
    // one at exit) fail the same way.
    s->wstart = s->wlen = 0;
    raise_os_error(err);
    return -1;
  }
  s->wstart = s->wlen = 0;
  return 0;
}

// Read-ahead not yet consumed is given back to the descriptor before writing or seeking, so
// the OS position matches the logical one.
int drop_read_ahead(FileStream* s) {
  int64_t unread = s->rlen - s->rpos;
  s->rpos = s->rlen = 0;
  s->eof = false;
  if (unread > 0 && ::lseek(s->fd, -unread, SEEK_CUR) < 0 && errno != ESPIPE) {
    raise_os_error(errno);
    return -1;
  }
  return 0;
}

int buffer_write_locked(StreamLock& lk, FileStream* s, std::string_view data, bool flush_after) {
  if (s->rlen > s->rpos && drop_read_ahead(s) < 0) return -1;
  if (s->wlen + static_cast<int64_t>(data.size()) > s->wcap) {
    if (flush_locked(lk, s) < 0) return -1;
    if (static_cast<int64_t>(data.size()) >= s->wcap) return write_all(lk, s, data.data(), data.size());
  }
  std::memcpy(s->wbuf + s->wlen, data.data(), data.size());
  s->wlen += data.size();
  if (flush_after) return flush_locked(lk, s);
  return 0;
}

// Reads more into the read-ahead; returns the bytes added (0 at EOF), -1 on error.
int64_t fill(StreamLock& lk, FileStream* s) {
  if (s->wlen > s->wstart && flush_locked(lk, s) < 0) return -1;
  for (;;) {
    if (s->rpos > 0) {
      std::memmove(s->rbuf, s->rbuf + s->rpos, static_cast<size_t>(s->rlen - s->rpos));
      s->rlen -= s->rpos;
      s->rpos = 0;
    }
    if (s->rlen == s->rcap) {
      int64_t cap = s->rcap * 2;
      char* nb = static_cast<char*>(gc_malloc_atomic(static_cast<size_t>(cap)));
      std::memcpy(nb, s->rbuf, static_cast<size_t>(s->rlen));
      s->rbuf = nb;
      s->rcap = cap;
    }
    ssize_t r;
    int err;
    int fd = s->fd;
    char* dst = s->rbuf + s->rlen;
    size_t room = static_cast<size_t>(s->rcap - s->rlen);
    {
      ScopedGilRelease unlocked;
      r = ::read(fd, dst, room);
      err = errno;
    }
    if (r >= 0) {
      if (r == 0) s->eof = true;
      s->rlen += r;
      return r;
    }
    if (err != EINTR) {
      raise_os_error(err);
      return -1;
    }
    if (lk.run_signal_handlers() < 0) return -1;
  }
}

// =============================================================================================
// Checks and conversions

bool check_open(FileObject* f, const char* msg = "I/O operation on closed file.") {
  if (!f->stream->closed) return true;
  raise(&exc_ValueError, msg);
  return false;
}

// A binary file (CPython's buffered reader or writer) refuses an operation it does not support
// before it looks at whether it is closed; a text file looks first.
bool check_readable(FileObject* f, const char* closed_msg = "I/O operation on closed file.") {
  if (f->binary && !f->readable) {
    raise_unsupported_operation("read");
    return false;
  }
  if (!check_open(f, closed_msg)) return false;
  if (f->readable) return true;
  raise_unsupported_operation("not readable");
  return false;
}

bool check_writable(FileObject* f) {
  if (f->binary && !f->writable) {
    raise_unsupported_operation("write");
    return false;
  }
  if (!check_open(f, f->binary ? "write to closed file" : "I/O operation on closed file.")) return false;
  if (f->writable) return true;
  raise_unsupported_operation("not writable");
  return false;
}

bool is_utf8_name(std::string_view enc) {
  std::string n;
  for (char c : enc) {
    if (c != '-' && c != '_' && c != ' ') n += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return n == "utf8" || n == "u8" || n == "utf" || n == "cp65001";
}

// Decodes raw bytes read from a text file (newline translation applied first).
Value decode_text(FileObject* f, std::string_view raw) {
  std::string translated;
  if (f->newline == NewlineMode::Universal && raw.find('\r') != std::string_view::npos) {
    translated.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\r') {
        translated.push_back('\n');
        if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      } else {
        translated.push_back(raw[i]);
      }
    }
    raw = translated;
  }
  const char* errors = f->errors.as<Str>()->data();
  if (f->utf8) return str_decode_utf8(raw, errors);
  return str_decode(raw, f->encoding.as<Str>()->data(), errors);
}

Value make_result(FileObject* f, std::string_view raw) {
  if (f->binary) return Value(bytes_new(raw));
  return decode_text(f, raw);
}

// How many bytes of `p[0, avail)` hold the first `nchars` characters of a text file (all of
// them for binary files: a byte is an item). *complete says whether they were all there; a
// character cut by the end of the data (a UTF-8 sequence, or a '\r' that may start "\r\n"
// in universal mode) is not counted until more data or EOF decides it.
int64_t bytes_for_chars(FileObject* f, const char* p, int64_t avail, int64_t nchars, bool eof, bool* complete) {
  if (f->binary) {
    *complete = avail >= nchars;
    return *complete ? nchars : avail;
  }
  int64_t i = 0, chars = 0;
  bool universal = f->newline == NewlineMode::Universal;
  while (chars < nchars && i < avail) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    int64_t len = 1;
    if (f->utf8 && c >= 0xC0) len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (universal && c == '\r') {
      if (i + 1 >= avail && !eof) break;
      if (i + 1 < avail && p[i + 1] == '\n') len = 2;
    }
    if (i + len > avail) {
      if (!eof) break;
      len = avail - i;
    }
    i += len;
    ++chars;
  }
  *complete = chars == nchars;
  return i;
}

// Bytes up to and including the end of the first line in p[0, avail), or -1 when the data
// holds no complete line yet.
int64_t find_line_end(FileObject* f, const char* p, int64_t avail, bool eof) {
  NewlineMode mode = f->binary ? NewlineMode::Lf : f->newline;
  switch (mode) {
    case NewlineMode::Lf: {
      const void* nl = std::memchr(p, '\n', static_cast<size_t>(avail));
      return nl ? static_cast<const char*>(nl) - p + 1 : -1;
    }
    case NewlineMode::Cr: {
      const void* nl = std::memchr(p, '\r', static_cast<size_t>(avail));
      return nl ? static_cast<const char*>(nl) - p + 1 : -1;
    }
    case NewlineMode::CrLf: {
      size_t at = std::string_view(p, static_cast<size_t>(avail)).find("\r\n");
      return at == std::string_view::npos ? -1 : static_cast<int64_t>(at) + 2;
    }
    default:
      for (int64_t i = 0; i < avail; ++i) {
        if (p[i] == '\n') return i + 1;
        if (p[i] == '\r') {
          if (i + 1 < avail) return p[i + 1] == '\n' ? i + 2 : i + 1;
          return eof ? i + 1 : -1;
        }
      }
      return -1;
  }
}

// Reads one line (including its ending) or up to `limit` items.
Value read_line(FileObject* f, int64_t limit) {
  FileStream* s = f->stream;
  StreamLock lk(s);
  for (;;) {
    const char* start = s->rbuf + s->rpos;
    int64_t avail = s->rlen - s->rpos;
    int64_t n = find_line_end(f, start, avail, s->eof);
    bool limited = false;
    if (limit >= 0) {
      bool complete;
      int64_t cap = bytes_for_chars(f, start, n >= 0 ? n : avail, limit, s->eof, &complete);
      if (complete && (n < 0 || cap < n)) {
        n = cap;
        limited = true;
      }
    }
    if (n >= 0 || limited || s->eof) {
      if (n < 0) n = avail;
      std::string_view line(start, static_cast<size_t>(n));
      s->rpos += n;
      return make_result(f, line);
    }
    if (fill(lk, s) < 0) return Value();
  }
}

// read(): everything (size < 0) or `size` items.
Value read_items(FileObject* f, int64_t size) {
  FileStream* s = f->stream;
  StreamLock lk(s);
  for (;;) {
    int64_t avail = s->rlen - s->rpos;
    bool complete = false;
    int64_t n = size < 0 ? avail : bytes_for_chars(f, s->rbuf + s->rpos, avail, size, s->eof, &complete);
    if (complete || s->eof) {
      std::string_view data(s->rbuf + s->rpos, static_cast<size_t>(n));
      s->rpos += n;
      return make_result(f, data);
    }
    if (fill(lk, s) < 0) return Value();
  }
}

bool size_arg(const Value* args, size_t nargs, int64_t* size) {
  *size = -1;
  if (nargs == 0 || is_none(args[0])) return true;
  if (!int_check(args[0]) && !type_lookup(type_of(args[0]), intern("__index__"))) {
    raise(&exc_TypeError, std::string("argument should be integer or None, not '") + type_name(args[0]) + "'");
    return false;
  }
  return index_to_i64(args[0], size);
}

// The bytes a text write puts into the stream: newline translation, then the encoding.
bool encode_text(FileObject* f, std::string_view text, std::string* storage, std::string_view* out) {
  std::string translated;
  if ((f->newline == NewlineMode::Cr || f->newline == NewlineMode::CrLf) &&
      text.find('\n') != std::string_view::npos) {
    const char* nl = f->newline == NewlineMode::Cr ? "\r" : "\r\n";
    for (char c : text) {
      if (c == '\n') translated += nl;
      else translated.push_back(c);
    }
    text = translated;
  }
  // UTF-8 text is its own encoding, except lone surrogates (0xED 0xA0..0xBF), which the
  // error handler must see.
  bool surrogates = false;
  if (f->utf8) {
    for (size_t i = text.find('\xED'); i != std::string_view::npos && !surrogates; i = text.find('\xED', i + 1)) {
      surrogates = i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0xA0;
    }
  }
  if (f->utf8 && !surrogates) {
    if (translated.empty()) {
      *out = text;
    } else {
      *storage = std::move(translated);
      *out = *storage;
    }
    return true;
  }
  Value b = str_encode(str_new(text), f->utf8 ? "utf-8" : f->encoding.as<Str>()->data(), f->errors.as<Str>()->data());
  if (!b) return false;
  storage->assign(b.as<Bytes>()->view());
  *out = *storage;
  return true;
}

int write_text(FileObject* f, std::string_view text) {
  std::string storage;
  std::string_view bytes;
  if (!encode_text(f, text, &storage, &bytes)) return -1;
  bool flush = f->write_through || (f->line_buffering && text.find_first_of("\n\r") != std::string_view::npos);
  StreamLock lk(f->stream);
  return buffer_write_locked(lk, f->stream, bytes, flush);
}

// =============================================================================================
// Methods

Value file_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  int64_t size;
  if (!check_no_kwargs("read", kwnames) || !check_nargs("read", nargs, 0, 1) || !size_arg(args, nargs, &size) ||
      !check_readable(f, f->binary ? "read of closed file" : "I/O operation on closed file."))
    return Value();
  return read_items(f, size);
}

Value file_read1(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  int64_t size;
  if (!check_no_kwargs("read1", kwnames) || !check_nargs("read1", nargs, 0, 1) || !size_arg(args, nargs, &size) ||
      !check_readable(f, "read of closed file"))
    return Value();
  if (!f->binary) return raise_attribute_error(self, intern("read1"));
  FileStream* s = f->stream;
  StreamLock lk(s);
  if (s->rlen == s->rpos && !s->eof && size != 0 && fill(lk, s) < 0) return Value();
  int64_t avail = s->rlen - s->rpos;
  int64_t n = size < 0 || size > avail ? avail : size;
  Value r = Value(bytes_new(std::string_view(s->rbuf + s->rpos, static_cast<size_t>(n))));
  s->rpos += n;
  return r;
}

Value file_readinto(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  if (!f->binary) return raise_attribute_error(self, intern("readinto"));
  if (!check_no_kwargs("readinto", kwnames) || !check_nargs("readinto", nargs, 1, 1) ||
      !check_readable(f, "readinto of closed file"))
    return Value();
  if (!bytearray_check(args[0])) {
    return raise(&exc_TypeError,
                 std::string("readinto() argument must be read-write bytes-like object, not ") + type_name(args[0]));
  }
  ByteArray* target = args[0].as<ByteArray>();
  FileStream* s = f->stream;
  StreamLock lk(s);
  while (s->rlen - s->rpos < target->size && !s->eof) {
    if (fill(lk, s) < 0) return Value();
  }
  int64_t n = std::min(target->size, s->rlen - s->rpos);
  std::memcpy(target->data, s->rbuf + s->rpos, static_cast<size_t>(n));
  s->rpos += n;
  return int_from_i64(n);
}

Value file_readline(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  int64_t size;
  if (!check_no_kwargs("readline", kwnames) || !check_nargs("readline", nargs, 0, 1) ||
      !size_arg(args, nargs, &size) ||
      !check_readable(f, f->binary ? "readline of closed file" : "I/O operation on closed file."))
    return Value();
  return read_line(f, size);
}

Value file_readlines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  int64_t hint;
  if (!check_no_kwargs("readlines", kwnames) || !check_nargs("readlines", nargs, 0, 1) ||
      !size_arg(args, nargs, &hint) || !check_open(f) || !check_readable(f))
    return Value();
  List* lines = list_new();
  int64_t total = 0;
  for (;;) {
    Value line = read_line(f, -1);
    if (!line) return Value();
    int64_t n = length(line);
    if (n == 0) return Value(lines);
    list_append(lines, line);
    total += n;
    if (hint > 0 && total >= hint) return Value(lines);
  }
}

Value file_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1) || !check_writable(f)) return Value();
  if (f->binary) {
    std::string_view data;
    if (!bytes_like_view(args[0], &data)) {
      return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(args[0]) + "'");
    }
    // A bytearray may change while the GIL is released during the write: copy it.
    std::string copy;
    if (!bytes_check(args[0])) {
      copy.assign(data);
      data = copy;
    }
    StreamLock lk(f->stream);
    if (buffer_write_locked(lk, f->stream, data, f->line_buffering) < 0) return Value();
    return int_from_i64(static_cast<int64_t>(data.size()));
  }
  if (!str_check(args[0])) {
    return raise(&exc_TypeError, std::string("write() argument must be str, not ") + type_name(args[0]));
  }
  Str* s = args[0].as<Str>();
  if (write_text(f, s->view()) < 0) return Value();
  return int_from_i64(s->length);
}

Value file_writelines(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("writelines", kwnames) || !check_nargs("writelines", nargs, 1, 1)) return Value();
  if (!check_open(as_file(self))) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  while (Value line = iter_next(it)) {
    if (!file_write(self, &line, 1, nullptr)) return Value();
  }
  if (error_pending()) return Value();
  return none_value();
}

Value file_flush_method(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("flush", kwnames) || !check_nargs("flush", nargs, 0, 0)) return Value();
  FileObject* f = as_file(self);
  if (!check_open(f, f->binary && f->writable ? "flush of closed file" : "I/O operation on closed file.")) return Value();
  if (file_flush(f) < 0) return Value();
  return none_value();
}

int close_file(FileObject* f) {
  FileStream* s = f->stream;
  StreamLock lk(s);
  if (s->closed) return 0;
  int rc = flush_locked(lk, s);
  s->closed = true;
  if (s->closefd) {
    int r;
    {
      ScopedGilRelease unlocked;
      r = ::close(s->fd);
    }
    // EINTR from close() still releases the descriptor on Linux: nothing to retry.
    if (r < 0 && errno != EINTR && rc == 0) {
      raise_os_error(errno);
      rc = -1;
    }
  }
  return rc;
}

Value file_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return Value();
  if (close_file(as_file(self)) < 0) return Value();
  return none_value();
}

Value file_fileno(Value self, const Value*, size_t, Tuple*) {
  FileObject* f = as_file(self);
  if (!check_open(f, "I/O operation on closed file")) return Value();
  return int_from_i64(f->stream->fd);
}

Value file_isatty(Value self, const Value*, size_t, Tuple*) {
  FileObject* f = as_file(self);
  if (!check_open(f, "I/O operation on closed file")) return Value();
  return bool_value(::isatty(f->stream->fd));
}

Value file_readable(Value self, const Value*, size_t, Tuple*) {
  FileObject* f = as_file(self);
  // A write-only file answers without looking at its descriptor, closed or not.
  if (!f->readable) return bool_value(false);
  if (!check_open(f, "I/O operation on closed file")) return Value();
  return bool_value(f->readable);
}

Value file_writable(Value self, const Value*, size_t, Tuple*) {
  FileObject* f = as_file(self);
  if (!f->writable) return bool_value(false);
  if (!check_open(f, "I/O operation on closed file")) return Value();
  return bool_value(f->writable);
}

Value file_seekable(Value self, const Value*, size_t, Tuple*) {
  FileObject* f = as_file(self);
  if (!check_open(f, "I/O operation on closed file")) return Value();
  return bool_value(::lseek(f->stream->fd, 0, SEEK_CUR) >= 0);
}

Value file_seek(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  int64_t offset = 0, whence = 0;
  if (!check_no_kwargs("seek", kwnames) || !check_nargs("seek", nargs, 1, 2) ||
      !check_open(f, f->binary ? "seek of closed file" : "I/O operation on closed file.")) {
    return Value();
  }
  if (!index_to_i64(args[0], &offset) || (nargs > 1 && !index_to_i64(args[1], &whence))) return Value();
  if (whence < 0 || whence > 2) {
    return raise(&exc_ValueError, "invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
  }
  if (!f->binary) {
    // Text positions are opaque cookies in Python: only absolute ones and the two ends.
    if (whence == SEEK_CUR && offset != 0) return raise_unsupported_operation("can't do nonzero cur-relative seeks");
    if (whence == SEEK_END && offset != 0) return raise_unsupported_operation("can't do nonzero end-relative seeks");
    if (whence == SEEK_SET && offset < 0) return raise(&exc_ValueError, "negative seek position " + std::to_string(offset));
  }
  FileStream* s = f->stream;
  StreamLock lk(s);
  if (flush_locked(lk, s) < 0) return Value();
  // Read-ahead not yet consumed is discarded; SEEK_CUR must account for it.
  if (whence == SEEK_CUR) offset -= s->rlen - s->rpos;
  s->rpos = s->rlen = 0;
  s->eof = false;
  off_t pos = ::lseek(s->fd, offset, static_cast<int>(whence));
  if (pos < 0) return raise_os_error(errno);
  return int_from_i64(pos);
}

Value file_tell(Value self, const Value*, size_t, Tuple*) {
  FileObject* f = as_file(self);
  if (!check_open(f, f->binary ? "I/O operation on closed file" : "I/O operation on closed file.")) return Value();
  FileStream* s = f->stream;
  StreamLock lk(s);
  if (flush_locked(lk, s) < 0) return Value();
  off_t pos = ::lseek(s->fd, 0, SEEK_CUR);
  if (pos < 0) return raise_os_error(errno);
  return int_from_i64(pos - (s->rlen - s->rpos));
}

Value file_truncate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  FileObject* f = as_file(self);
  if (!check_no_kwargs("truncate", kwnames) || !check_nargs("truncate", nargs, 0, 1) ||
      (f->binary && !check_open(f, "truncate of closed file")) || !check_writable(f)) {
    return Value();
  }
  FileStream* s = f->stream;
  StreamLock lk(s);
  if (flush_locked(lk, s) < 0 || drop_read_ahead(s) < 0) return Value();
  int64_t size;
  if (nargs == 0 || is_none(args[0])) {
    off_t pos = ::lseek(s->fd, 0, SEEK_CUR);
    if (pos < 0) return raise_os_error(errno);
    size = pos;
  } else if (!index_to_i64(args[0], &size)) {
    return Value();
  }
  int rc, err;
  {
    ScopedGilRelease unlocked;
    rc = ::ftruncate(s->fd, size);
    err = errno;
  }
  if (rc < 0) return raise_os_error(err);
  return int_from_i64(size);
}

Value file_enter(Value self, const Value*, size_t, Tuple*) {
  if (!check_open(as_file(self))) return Value();
  return self;
}

Value file_exit(Value self, const Value*, size_t, Tuple*) {
  if (close_file(as_file(self)) < 0) return Value();
  return none_value();
}

Value file_iter(Value self) {
  if (!check_open(as_file(self))) return Value();
  return self;
}

Value file_iternext(Value self) {
  FileObject* f = as_file(self);
  if (!check_readable(f, f->binary ? "readline of closed file" : "I/O operation on closed file.")) return Value();
  Value line = read_line(f, -1);
  if (!line) return Value();
  if (length(line) == 0) return Value();  // exhausted: null without an exception
  return line;
}

const char* binary_class_name(FileObject* f) {
  if (f->readable && f->writable) return "_io.BufferedRandom";
  return f->readable ? "_io.BufferedReader" : "_io.BufferedWriter";
}

Value file_repr(Value self) {
  FileObject* f = as_file(self);
  Value name = repr(f->name);
  if (!name) return Value();
  if (f->binary) {
    return Value(str_new(std::string("<") + binary_class_name(f) + " name=" + std::string(name.as<Str>()->view()) + ">"));
  }
  Value mode = repr(f->mode);
  if (!mode) return Value();
  Value enc = repr(f->encoding);
  if (!enc) return Value();
  return Value(str_new("<_io.TextIOWrapper name=" + std::string(name.as<Str>()->view()) + " mode=" +
                       std::string(mode.as<Str>()->view()) + " encoding=" + std::string(enc.as<Str>()->view()) +
                       ">"));
}

Value get_closed(Value self) { return bool_value(as_file(self)->stream->closed); }
Value get_name(Value self) { return as_file(self)->name; }
Value get_mode(Value self) { return as_file(self)->mode; }

Value text_only(Value self, Value v, const char* attr) {
  FileObject* f = as_file(self);
  if (f->binary) {
    return raise(&exc_AttributeError, std::string("'") + binary_class_name(f) + "' object has no attribute '" + attr + "'");
  }
  return v;
}

Value get_encoding(Value self) { return text_only(self, as_file(self)->encoding, "encoding"); }
Value get_errors(Value self) { return text_only(self, as_file(self)->errors, "errors"); }
Value get_line_buffering(Value self) { return text_only(self, bool_value(as_file(self)->line_buffering), "line_buffering"); }
Value get_write_through(Value self) { return text_only(self, bool_value(as_file(self)->write_through), "write_through"); }
Value get_newlines(Value self) { return text_only(self, none_value(), "newlines"); }

// A binary file's mode as CPython's FileIO names it, from the mode it was opened with: "w+b"
// and "r+b" both read "rb+"; text files keep the mode as given.
std::string binary_mode_name(std::string_view mode) {
  char primary = mode[mode.find_first_of("rwax")];
  bool plus = mode.find('+') != std::string_view::npos;
  if (primary == 'x' || primary == 'a') return std::string(1, primary) + (plus ? "b+" : "b");
  if (primary == 'r' && !plus) return "rb";
  return plus ? "rb+" : "wb";
}

FileObject* new_file(FileStream* stream, Value name, std::string_view mode, bool binary, bool readable, bool writable,
                     bool line_buffering) {
  auto* f = alloc<FileObject>(&file_type);
  f->stream = stream;
  f->binary = binary;
  f->readable = readable;
  f->writable = writable;
  f->line_buffering = line_buffering;
  f->utf8 = true;
  f->newline = NewlineMode::Universal;
  f->name = name;
  f->mode = Value(str_new(binary ? binary_mode_name(mode) : std::string(mode)));
  f->encoding = Value(intern("utf-8"));
  f->errors = Value(intern("strict"));
  return f;
}

// The binary file under a text file: same stream, so output through both stays in order.
Value get_buffer(Value self) {
  FileObject* f = as_file(self);
  if (f->binary) return text_only(self, Value(), "buffer");
  if (!f->buffer) {
    f->buffer = Value(new_file(f->stream, f->name, f->mode.as<Str>()->view(), true, f->readable, f->writable, false));
  }
  return f->buffer;
}

void stream_finalize(void* obj, void*) {
  auto* s = static_cast<FileStream*>(obj);
  if (!s->closed) {
    // No Python exception can be reported from a finalizer: flush and close quietly.
    const char* p = s->wbuf + s->wstart;
    int64_t n = s->wlen - s->wstart;
    while (n > 0) {
      ssize_t w = ::write(s->fd, p, static_cast<size_t>(n));
      if (w <= 0) break;
      p += w;
      n -= w;
    }
    s->closed = true;
    if (s->closefd) ::close(s->fd);
  }
  pthread_mutex_destroy(&s->lock);
}

FileStream* new_stream(int fd, bool closefd) {
  auto* s = static_cast<FileStream*>(gc_malloc(sizeof(FileStream)));
  std::memset(s, 0, sizeof(FileStream));
  s->fd = fd;
  s->closefd = closefd;
  s->wcap = kBufferSize;
  s->wbuf = static_cast<char*>(gc_malloc_atomic(kBufferSize));
  s->rcap = kBufferSize;
  s->rbuf = static_cast<char*>(gc_malloc_atomic(kBufferSize));
  pthread_mutex_init(&s->lock, nullptr);
  GC_REGISTER_FINALIZER(s, stream_finalize, nullptr, nullptr, nullptr);
  return s;
}

const MethodDef kFileMethods[] = {
    {"read", file_read},
    {"read1", file_read1},
    {"readinto", file_readinto},
    {"readline", file_readline},
    {"readlines", file_readlines},
    {"write", file_write},
    {"writelines", file_writelines},
    {"flush", file_flush_method},
    {"close", file_close},
    {"fileno", file_fileno},
    {"isatty", file_isatty},
    {"readable", file_readable},
    {"writable", file_writable},
    {"seekable", file_seekable},
    {"seek", file_seek},
    {"tell", file_tell},
    {"truncate", file_truncate},
    {"__enter__", file_enter},
    {"__exit__", file_exit},
    {nullptr, nullptr},
};

const GetSetDef kFileGetSets[] = {
    {"closed", get_closed, nullptr},
    {"name", get_name, nullptr},
    {"mode", get_mode, nullptr},
    {"encoding", get_encoding, nullptr},
    {"errors", get_errors, nullptr},
    {"line_buffering", get_line_buffering, nullptr},
    {"write_through", get_write_through, nullptr},
    {"newlines", get_newlines, nullptr},
    {"buffer", get_buffer, nullptr},
    {nullptr, nullptr, nullptr},
};

// open()'s str-or-None arguments.
bool optional_str(const char* arg, Value v, Value* out) {
  if (!v || is_none(v)) return true;
  if (!str_check(v)) {
    raise(&exc_TypeError, std::string("open() argument '") + arg + "' must be str or None, not " + type_name(v));
    return false;
  }
  *out = v;
  return true;
}

}  // namespace

Value unsupported_operation_type() {
  if (!g_unsupported_operation) {
    Dict* ns = dict_new();
    dict_set_cstr(ns, "__module__", Value(intern("io")));
    g_unsupported_operation =
        call(Value(&type_type), {Value(intern("UnsupportedOperation")),
                                 Value(tuple_of({Value(&exc_OSError), Value(&exc_ValueError)})), Value(ns)});
  }
  return g_unsupported_operation;
}

Value raise_unsupported_operation(const char* msg) {
  Value cls = unsupported_operation_type();
  if (!cls) return Value();
  Value exc = call(cls, {Value(str_new(msg))});
  if (!exc) return Value();
  return raise_value(exc);
}

bool file_check(Value v) { return isinstance_fast(v, &file_type); }

FileObject* file_from_fd(int fd, Value name, std::string_view mode, bool line_buffering, bool closefd) {
  bool binary = mode.find('b') != std::string_view::npos;
  bool readable = mode.find('r') != std::string_view::npos || mode.find('+') != std::string_view::npos;
  bool writable = mode.find_first_of("wax+") != std::string_view::npos;
  FileObject* f = new_file(new_stream(fd, closefd), name, mode, binary, readable, writable, line_buffering);
  // The standard streams keep line endings as they are (CPython's newline='\n' on POSIX);
  // stderr never fails on unencodable text.
  f->newline = NewlineMode::Lf;
  if (fd == 2) f->errors = Value(intern("backslashreplace"));
  return f;
}

int file_write_text(FileObject* f, std::string_view text) {
  if (!check_writable(f)) return -1;
  return write_text(f, text);
}

int file_flush(FileObject* f) {
  StreamLock lk(f->stream);
  return flush_locked(lk, f->stream);
}

Value builtin_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[8];
  static const Signature sig{
      "open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 8, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Value file = a[0];
  std::string mode = "r";
  if (a[1]) {
    if (!str_check(a[1])) {
      return raise(&exc_TypeError, std::string("open() argument 'mode' must be str, not ") + type_name(a[1]));
    }
    mode = std::string(a[1].as<Str>()->view());
  }
  // Validate the mode exactly as CPython does: one of r/w/a/x, optional +, b or t.
  int rwax = 0;
  bool plus = false, binary = false, text = false;
  for (char c : mode) {
    switch (c) {
      case 'r': case 'w': case 'a': case 'x': ++rwax; break;
      case '+': if (plus) rwax = 9; plus = true; break;
      case 'b': if (binary) rwax = 9; binary = true; break;
      case 't': if (text) rwax = 9; text = true; break;
      default: return raise(&exc_ValueError, "invalid mode: '" + mode + "'");
    }
  }
  if (binary && text) return raise(&exc_ValueError, "can't have text and binary mode at once");
  if (rwax != 1) {
    if (rwax == 0 && !plus) {
      return raise(&exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    return raise(&exc_ValueError, "must have exactly one of create/read/write/append mode");
  }
  int64_t buffering = -1;
  if (a[2] && !index_to_i64(a[2], &buffering)) return Value();
  Value encoding, errors, newline;
  if (!optional_str("encoding", a[3], &encoding) || !optional_str("errors", a[4], &errors) ||
      !optional_str("newline", a[5], &newline))
    return Value();
  if (binary && encoding) return raise(&exc_ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors) return raise(&exc_ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline) return raise(&exc_ValueError, "binary mode doesn't take a newline argument");
  if (!binary && buffering == 0) return raise(&exc_ValueError, "can't have unbuffered text I/O");
  NewlineMode nl = NewlineMode::Universal;
  if (newline) {
    std::string_view v = newline.as<Str>()->view();
    if (v.empty()) nl = NewlineMode::Untranslated;
    else if (v == "\n") nl = NewlineMode::Lf;
    else if (v == "\r") nl = NewlineMode::Cr;
    else if (v == "\r\n") nl = NewlineMode::CrLf;
    else return raise(&exc_ValueError, "illegal newline value: " + std::string(v));
  }
  bool utf8 = !encoding || is_utf8_name(encoding.as<Str>()->view());
  if (!utf8) {
    // Unknown encodings fail now (LookupError), not at the first read or write.
    if (!str_decode("", encoding.as<Str>()->data(), "strict")) return Value();
  }
  bool closefd = true;
  if (a[6]) {
    int t = is_true(a[6]);
    if (t < 0) return Value();
    closefd = t;
  }
  char primary = mode[mode.find_first_of("rwax")];
  int flags = O_CLOEXEC;
  bool readable = primary == 'r' || plus;
  bool writable = primary != 'r' || plus;
  flags |= readable && writable ? O_RDWR : (readable ? O_RDONLY : O_WRONLY);
  if (primary == 'w') flags |= O_CREAT | O_TRUNC;
  if (primary == 'a') flags |= O_CREAT | O_APPEND;
  if (primary == 'x') flags |= O_CREAT | O_EXCL;
  int fd;
  if (int_check(file)) {
    int64_t n;
    if (!int_to_i64(file, &n) || n < INT32_MIN || n > INT32_MAX) return raise(&exc_OverflowError, "fd is too large");
    if (n < 0) return raise(&exc_ValueError, "negative file descriptor");
    fd = static_cast<int>(n);
  } else {
    if (!closefd) return raise(&exc_ValueError, "Cannot use closefd=False with file name");
    Value path = file;
    if (!str_check(path) && !bytes_check(path)) {
      Value fspath = type_lookup(type_of(path), intern("__fspath__"));
      if (!fspath) {
        return raise(&exc_TypeError, std::string("expected str, bytes or os.PathLike object, not ") + type_name(file));
      }
      path = call(fspath, {path});
      if (!path) return Value();
    }
    std::string pbuf;
    if (str_check(path)) {
      Str* ps = path.as<Str>();
      if (ps->view().find('\xED') != std::string_view::npos) {
        Value b = str_encode(ps, "utf-8", "surrogateescape");
        if (!b) return Value();
        pbuf.assign(b.as<Bytes>()->view());
      } else {
        pbuf.assign(ps->view());
      }
    } else if (bytes_check(path)) {
      pbuf.assign(path.as<Bytes>()->view());
    } else {
      return raise(&exc_TypeError, std::string("expected str, bytes or os.PathLike object, not ") + type_name(file));
    }
    if (pbuf.find('\0') != std::string::npos) return raise(&exc_ValueError, "embedded null byte");
    if (a[7] && !is_none(a[7])) {
      Value r = call(a[7], {path, int_from_i64(flags)});
      if (!r) return Value();
      int64_t n;
      if (!int_check(r) || !int_to_i64(r, &n)) return raise(&exc_TypeError, "expected integer from opener");
      if (n < 0) return raise(&exc_ValueError, "opener returned " + std::to_string(n));
      fd = static_cast<int>(n);
    } else {
      int err;
      for (;;) {
        {
          ScopedGilRelease unlocked;
          fd = ::open(pbuf.c_str(), flags, 0666);
          err = errno;
        }
        if (fd >= 0 || err != EINTR) break;
        if (run_pending_signal_handlers(current_thread()) < 0) return Value();
      }
      if (fd < 0) return raise_os_error(err, file);
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return raise_os_error(EISDIR, file);
    }
  }
  bool line_buffering = buffering == 1 && !binary;
  FileObject* f = new_file(new_stream(fd, closefd), file, mode, binary, readable, writable,
                           line_buffering || (binary && buffering == 0));
  f->appending = primary == 'a';
  f->newline = nl;
  f->utf8 = utf8;
  if (encoding) f->encoding = encoding;
  if (errors) f->errors = errors;
  if (primary == 'a' && ::lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) return raise_os_error(errno);
  return Value(f);
}

void file_type_init() {
  file_type.tp_repr = file_repr;
  file_type.tp_iter = file_iter;
  file_type.tp_iternext = file_iternext;
  file_type.basicsize = sizeof(FileObject);
  file_type.dict_offset = offsetof(FileObject, dict);
  type_ready(&file_type, "_io.TextIOWrapper", nullptr, kFileMethods, kFileGetSets);
}

}  // namespace minipy
