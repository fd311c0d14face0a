// _asyncio.SocketTransportCore: the per-event paths of the selector socket transport
// (selector_events._SelectorSocketTransport subclasses it). Reading is one recv() into a
// reusable buffer, a bytes object of the size actually read and protocol.data_received();
// writing tries send() at once and buffers only what the socket did not take. The rare paths
// (EOF, errors, flow control, the buffered writer) stay in Python and are called from here.
#include <errno.h>
#include <sys/socket.h>

#include <algorithm>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "stdlib/native/asyncio.h"

namespace minipy {

Type socket_transport_type;

namespace {

// CPython's transports read up to 256 KiB at a time.
constexpr int64_t kDefaultMaxSize = 256 * 1024;
// A larger max_size reads at most this much per call (a stream socket may always return less).
constexpr int64_t kMaxRecvBuffer = 4 * 1024 * 1024;
// After this many writes to a lost connection, each further one logs a warning (as CPython).
constexpr int64_t kLogThresholdForConnLostWrites = 5;

struct SocketTransportObject : Object {
  Dict* dict;
  Value loop;      // None once the connection is lost
  Value protocol;
  List* buffer;    // bytes the socket has not accepted yet, oldest first
  int64_t buffer_size;
  int64_t conn_lost;
  int64_t max_size;
  int64_t sock_fd;
  bool eof;        // write_eof() was called
  bool closing;    // close() or a fatal error started closing it
};

SocketTransportObject* as_transport(Value v) { return v.as<SocketTransportObject>(); }

// One receive buffer for every transport: reads run under the GIL, one at a time, and each
// result is copied out at its real size (no large block allocated and shrunk per read).
std::vector<char>& recv_buffer(size_t size) {
  static std::vector<char> buf;
  if (buf.size() < size) buf.resize(size);
  return buf;
}

bool would_block(int err) { return err == EAGAIN || err == EWOULDBLOCK || err == EINTR; }

// Hands the pending exception to self._fatal_error(exc, message), unless it must leave the
// loop (KeyboardInterrupt, SystemExit).
Value fatal_error(Value self, const char* message) {
  if (error_matches(&exc_KeyboardInterrupt) || error_matches(&exc_SystemExit)) return Value();
  Value exc = error_fetch();
  if (!call_method(self, intern("_fatal_error"), {exc, Value(str_new(message))})) return Value();
  return none_value();
}

Value m_read_ready(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_read_ready", kwnames) || !check_nargs("_read_ready", nargs, 0, 0)) return Value();
  SocketTransportObject* t = as_transport(self);
  if (t->conn_lost) return none_value();
  if (t->max_size < 0) {
    raise(&exc_ValueError, "negative buffersize in recv");
    return fatal_error(self, "Fatal read error on socket transport");
  }
  size_t size = static_cast<size_t>(std::min(t->max_size, kMaxRecvBuffer));
  std::vector<char>& buf = recv_buffer(size);
  ssize_t n = ::recv(static_cast<int>(t->sock_fd), buf.data(), size, 0);
  if (n < 0) {
    int err = errno;
    if (would_block(err)) return none_value();
    raise_os_error(err);
    return fatal_error(self, "Fatal read error on socket transport");
  }
  if (n == 0) return call_method(self, intern("_read_ready_eof"), {}) ? none_value() : Value();
  Value data(bytes_new(std::string_view(buf.data(), static_cast<size_t>(n))));
  static Str* const kDataReceived = intern("data_received");
  if (call_method(t->protocol, kDataReceived, {data})) return none_value();
  return fatal_error(self, "Fatal error: protocol.data_received() call failed.");
}

Value log_warning(const char* message) {
  Value logger = asyncio_attr("asyncio.log", "logger");
  if (!logger) return Value();
  return call_method(logger, intern("warning"), {Value(str_new(message))});
}

Value m_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return Value();
  SocketTransportObject* t = as_transport(self);
  std::string_view data;
  if (!bytes_like_view(args[0], &data)) {
    return raise(&exc_TypeError, std::string("data argument must be a bytes-like object, not '") + type_name(args[0]) + "'");
  }
  if (t->eof) return raise(&exc_RuntimeError, "Cannot call write() after write_eof()");
  if (data.empty()) return none_value();
  if (t->conn_lost) {
    if (t->conn_lost >= kLogThresholdForConnLostWrites && !log_warning("socket.send() raised exception.")) return Value();
    ++t->conn_lost;
    return none_value();
  }
  if (!t->buffer->size) {
    ssize_t n = ::send(static_cast<int>(t->sock_fd), data.data(), data.size(), 0);
    if (n < 0) {
      int err = errno;
      if (!would_block(err)) {
        raise_os_error(err);
        return fatal_error(self, "Fatal write error on socket transport");
      }
      n = 0;
    }
    data.remove_prefix(static_cast<size_t>(n));
    if (data.empty()) return none_value();
    Value write_ready = getattr(self, intern("_write_ready"));
    if (!write_ready) return write_ready;
    if (!call_method(t->loop, intern("add_writer"), {int_from_i64(t->sock_fd), write_ready})) return Value();
  }
  list_append(t->buffer, Value(bytes_new(data)));
  t->buffer_size += static_cast<int64_t>(data.size());
  // Buffering only happens while the socket is full: the Python check costs nothing then.
  return call_method(self, intern("_maybe_pause_protocol"), {});
}

// StreamWriter.drain() asks this for every write.
Value m_is_closing(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("is_closing", kwnames) || !check_nargs("is_closing", nargs, 0, 0)) return Value();
  return bool_value(as_transport(self)->closing);
}

Value transport_tp_new(Type* type, const Value*, size_t, Tuple*) {
  auto* t = static_cast<SocketTransportObject*>(alloc_instance(type));
  t->loop = none_value();
  t->protocol = none_value();
  t->buffer = list_new();
  t->max_size = kDefaultMaxSize;
  t->sock_fd = -1;
  return Value(t);
}

int no_delete() {
  raise(&exc_AttributeError, "cannot delete attribute");
  return -1;
}

template <Value SocketTransportObject::*F>
Value get_value(Value self) {
  return or_none(as_transport(self)->*F);
}

template <Value SocketTransportObject::*F>
int set_value(Value self, Value v) {
  if (!v) return no_delete();
  as_transport(self)->*F = v;
  return 0;
}

template <int64_t SocketTransportObject::*F>
Value get_int(Value self) {
  return int_from_i64(as_transport(self)->*F);
}

template <int64_t SocketTransportObject::*F>
int set_int(Value self, Value v) {
  if (!v) return no_delete();
  int64_t i;
  if (!int_to_i64(v, &i)) return -1;
  as_transport(self)->*F = i;
  return 0;
}

template <bool SocketTransportObject::*F>
Value get_bool(Value self) {
  return bool_value(as_transport(self)->*F);
}

template <bool SocketTransportObject::*F>
int set_bool(Value self, Value v) {
  if (!v) return no_delete();
  int b = is_true(v);
  if (b < 0) return -1;
  as_transport(self)->*F = b;
  return 0;
}

Value get_buffer(Value self) { return Value(as_transport(self)->buffer); }

const MethodDef kTransportMethods[] = {
    {"_read_ready", m_read_ready},
    {"write", m_write},
    {"is_closing", m_is_closing},
    {nullptr, nullptr},
};

const GetSetDef kTransportGetSets[] = {
    {"_loop", get_value<&SocketTransportObject::loop>, set_value<&SocketTransportObject::loop>},
    {"_protocol", get_value<&SocketTransportObject::protocol>, set_value<&SocketTransportObject::protocol>},
    {"_buffer", get_buffer, nullptr},
    {"_buffer_size", get_int<&SocketTransportObject::buffer_size>, set_int<&SocketTransportObject::buffer_size>},
    {"_conn_lost", get_int<&SocketTransportObject::conn_lost>, set_int<&SocketTransportObject::conn_lost>},
    {"_sock_fd", get_int<&SocketTransportObject::sock_fd>, set_int<&SocketTransportObject::sock_fd>},
    {"max_size", get_int<&SocketTransportObject::max_size>, set_int<&SocketTransportObject::max_size>},
    {"_eof", get_bool<&SocketTransportObject::eof>, set_bool<&SocketTransportObject::eof>},
    {"_closing", get_bool<&SocketTransportObject::closing>, set_bool<&SocketTransportObject::closing>},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void asyncio_transport_types_init() {
  if (socket_transport_type.name) return;
  socket_transport_type.basicsize = sizeof(SocketTransportObject);
  socket_transport_type.dict_offset = static_cast<int32_t>(offsetof(SocketTransportObject, dict));
  socket_transport_type.flags |= kTypeBaseType;
  socket_transport_type.tp_new = transport_tp_new;
  type_ready(&socket_transport_type, "_asyncio.SocketTransportCore", nullptr, kTransportMethods, kTransportGetSets);
}

}  // namespace minipy
