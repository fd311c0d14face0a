// The _socket module: BSD sockets (AF_INET, AF_INET6, AF_UNIX) and the name and address
// helpers. stdlib/lib/socket.py builds the public socket class on top of _socket.socket, as
// CPython does. Every blocking call releases the GIL; a socket with a timeout keeps its fd
// non-blocking and waits with poll() so the deadline holds across EINTR and partial sends.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
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
#include "runtime/gil.h"
#include "runtime/memory.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

struct SocketObject : Object {
  int fd;
  int family;
  int type;
  int proto;
  double timeout;  // negative: blocking (None); 0: non-blocking; > 0: seconds
};

Type socket_type;
Value g_gaierror;
double g_default_timeout = -1;

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

Value raise_timeout() { return raise(&exc_TimeoutError, "timed out"); }

Value raise_gaierror(int code) {
  Value args = Value(tuple_of({Value::small_int(code), Value(str_new(gai_strerror(code)))}));
  Value exc = call(g_gaierror, args.as<Tuple>()->items(), 2);
  if (!exc) return Value();
  return raise_value(exc);
}

SocketObject* as_socket(Value v) { return v.as<SocketObject>(); }

bool set_fd_blocking(int fd, bool blocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  int want = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  return want == flags || fcntl(fd, F_SETFL, want) == 0;
}

// Whether a call can be tried with MSG_DONTWAIT: the send/recv family can, accept and
// connect cannot.
enum class DontWait : bool { No, Yes };

// Runs `op(fd, extra_flags)`, a system call returning -1 with errno on failure, the way a
// blocking Python call expects. A call that cannot wait never gives up the GIL: on a
// non-blocking socket it is made at once, and on a blocking one the send/recv family first
// tries MSG_DONTWAIT. Only a call that would block releases the GIL (for a socket with a
// timeout, after poll() has waited for `events` until the deadline). Releasing costs a GIL
// hand-off when other threads want it; most sends, and receives whose data has already
// arrived, need none. EINTR runs the signal handlers and retries; EAGAIN on a timeout socket
// waits again. Returns false with an exception pending.
template <class Op>
bool sock_call(SocketObject* s, short events, DontWait dontwait, Op op, ssize_t* result) {
  double timeout = s->timeout;
  int fd = s->fd;
  int64_t deadline = timeout > 0 ? monotonic_ns() + static_cast<int64_t>(timeout * 1e9) : 0;
  for (;;) {
    ssize_t rc = -1;
    int err = 0;
    bool timed_out = false;
    bool done = false;
    if (timeout == 0 || dontwait == DontWait::Yes) {
      rc = op(fd, timeout == 0 ? 0 : MSG_DONTWAIT);
      err = rc < 0 ? errno : 0;
      done = timeout == 0 || (err != EAGAIN && err != EWOULDBLOCK);
    }
    if (!done) {
      ScopedGilRelease unlocked;
      err = 0;
      if (timeout > 0) {
        int64_t left = deadline - monotonic_ns();
        pollfd p{fd, events, 0};
        int pr = ::poll(&p, 1, left <= 0 ? 0 : static_cast<int>((left + 999'999) / 1'000'000));
        if (pr == 0) timed_out = true;
        if (pr < 0) err = errno;
      }
      if (!timed_out && err == 0) {
        rc = op(fd, 0);
        if (rc < 0) err = errno;
      }
    }
    if (timed_out) {
      raise_timeout();
      return false;
    }
    if (err == 0) {
      *result = rc;
      return true;
    }
    if (err == EINTR) {
      if (run_pending_signal_handlers(current_thread()) < 0) return false;
      continue;
    }
    if (timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK)) continue;
    raise_os_error(err);
    return false;
  }
}

// Memory to receive into, never zero-filled: the thread's reusable scratch block for the
// usual sizes, a block of its own for a huge request. Not a fresh allocation per read: large
// blocks are mmapped, and mapping pages per read is what makes a server slow.
class RecvBuffer {
 public:
  explicit RecvBuffer(size_t n) {
    if (n > kScratchBytes) {
      own_.reset(new char[n]);
      data_ = own_.get();
      return;
    }
    thread_local std::unique_ptr<char[]> scratch;
    if (!scratch) scratch.reset(new char[kScratchBytes]);
    data_ = scratch.get();
  }
  char* data() const { return data_; }

 private:
  static constexpr size_t kScratchBytes = 256 * 1024;
  std::unique_ptr<char[]> own_;
  char* data_;
};

// ---------------------------------------------------------------------------------------------
// Addresses

union SockAddr {
  sockaddr sa;
  sockaddr_in in4;
  sockaddr_in6 in6;
  sockaddr_un un;
  sockaddr_storage storage;
};

Value make_sockaddr(const sockaddr* sa, socklen_t len) {
  switch (sa->sa_family) {
    case AF_INET: {
      auto* a = reinterpret_cast<const sockaddr_in*>(sa);
      char buf[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
      return Value(tuple_of({Value(str_new(buf)), Value::small_int(ntohs(a->sin_port))}));
    }
    case AF_INET6: {
      auto* a = reinterpret_cast<const sockaddr_in6*>(sa);
      char buf[INET6_ADDRSTRLEN];
      inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
      return Value(tuple_of({Value(str_new(buf)), Value::small_int(ntohs(a->sin6_port)),
                             int_from_u64(ntohl(a->sin6_flowinfo)), int_from_u64(a->sin6_scope_id)}));
    }
    case AF_UNIX: {
      auto* a = reinterpret_cast<const sockaddr_un*>(sa);
      size_t n = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
      // The abstract namespace (leading NUL) is returned as bytes, a filesystem path as str.
      if (n > 0 && a->sun_path[0] == '\0') return Value(bytes_new(std::string_view(a->sun_path, n)));
      return Value(str_new(std::string_view(a->sun_path, strnlen(a->sun_path, n))));
    }
    default:
      return Value(tuple_of({Value::small_int(sa->sa_family), Value(bytes_new(""))}));
  }
}

// Resolves a host string for AF_INET / AF_INET6 ('' is the wildcard, '<broadcast>' the
// broadcast address), numeric forms first, then getaddrinfo (GIL released).
bool resolve_host(Value host, int family, SockAddr* out) {
  std::string name;
  if (str_check(host)) {
    name = std::string(host.as<Str>()->view());
  } else {
    std::string_view v;
    if (!bytes_like_view(host, &v)) {
      raise(&exc_TypeError, std::string("str, bytes or bytearray expected, not ") + type_name(host));
      return false;
    }
    name = std::string(v);
  }
  if (family == AF_INET) {
    out->in4.sin_family = AF_INET;
    if (name.empty()) {
      out->in4.sin_addr.s_addr = htonl(INADDR_ANY);
      return true;
    }
    if (name == "<broadcast>") {
      out->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
      return true;
    }
    if (inet_pton(AF_INET, name.c_str(), &out->in4.sin_addr) == 1) return true;
  } else {
    out->in6.sin6_family = AF_INET6;
    if (name.empty()) {
      out->in6.sin6_addr = in6addr_any;
      return true;
    }
    if (inet_pton(AF_INET6, name.c_str(), &out->in6.sin6_addr) == 1) return true;
  }
  addrinfo hints{};
  hints.ai_family = family;
  addrinfo* res = nullptr;
  int rc;
  {
    ScopedGilRelease unlocked;
    rc = getaddrinfo(name.c_str(), nullptr, &hints, &res);
  }
  if (rc != 0) {
    raise_gaierror(rc);
    return false;
  }
  if (family == AF_INET) {
    out->in4.sin_addr = reinterpret_cast<sockaddr_in*>(res->ai_addr)->sin_addr;
  } else {
    out->in6.sin6_addr = reinterpret_cast<sockaddr_in6*>(res->ai_addr)->sin6_addr;
  }
  freeaddrinfo(res);
  return true;
}

bool port_arg(const char* caller, Value v, uint16_t* out) {
  if (!int_check(v)) {
    raise(&exc_TypeError, std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  int64_t port;
  if (!int_to_i64(v, &port)) {
    error_clear();
    port = -1;
  }
  if (port < 0 || port > 65535) {
    raise(&exc_OverflowError, std::string(caller) + "(): port must be 0-65535.");
    return false;
  }
  *out = static_cast<uint16_t>(port);
  return true;
}

// Converts a Python address for `s`'s family into a sockaddr (CPython's getsockaddrarg).
bool parse_sockaddr(SocketObject* s, Value addr, const char* caller, SockAddr* out, socklen_t* len) {
  std::memset(out, 0, sizeof *out);
  switch (s->family) {
    case AF_UNIX: {
      std::string_view path;
      if (str_check(addr)) {
        path = addr.as<Str>()->view();
      } else if (!bytes_like_view(addr, &path)) {
        raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(addr) + "'");
        return false;
      }
      if (path.size() >= sizeof out->un.sun_path) {
        raise(&exc_OSError, "AF_UNIX path too long");
        return false;
      }
      out->un.sun_family = AF_UNIX;
      std::memcpy(out->un.sun_path, path.data(), path.size());
      *len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (path.empty() || path[0] ? 1 : 0));
      return true;
    }
    case AF_INET:
    case AF_INET6: {
      const char* fam = s->family == AF_INET ? "AF_INET" : "AF_INET6";
      if (!tuple_check(addr)) {
        raise(&exc_TypeError, std::string(caller) + "(): " + fam + " address must be tuple, not " + type_name(addr));
        return false;
      }
      Tuple* t = addr.as<Tuple>();
      size_t want_max = s->family == AF_INET ? 2 : 4;
      if (t->size < 2 || static_cast<size_t>(t->size) > want_max) {
        if (s->family == AF_INET) {
          raise(&exc_TypeError, std::string("AF_INET address must be a pair (host, port)"));
        } else {
          raise(&exc_TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        }
        return false;
      }
      uint16_t port;
      if (!port_arg(caller, (*t)[1], &port)) return false;
      if (!resolve_host((*t)[0], s->family, out)) return false;
      if (s->family == AF_INET) {
        out->in4.sin_port = htons(port);
        *len = sizeof out->in4;
      } else {
        int64_t flow = 0, scope = 0;
        if (t->size > 2 && !index_to_i64((*t)[2], &flow)) return false;
        if (t->size > 3 && !index_to_i64((*t)[3], &scope)) return false;
        if (flow < 0 || flow > 0xfffff) {
          raise(&exc_OverflowError, std::string(caller) + "(): flowinfo must be 0-1048575.");
          return false;
        }
        out->in6.sin6_port = htons(port);
        out->in6.sin6_flowinfo = htonl(static_cast<uint32_t>(flow));
        out->in6.sin6_scope_id = static_cast<uint32_t>(scope);
        *len = sizeof out->in6;
      }
      return true;
    }
    default:
      raise(&exc_OSError, std::string(caller) + "(): bad family");
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The socket type

void socket_finalize(Object* obj) {
  auto* s = static_cast<SocketObject*>(obj);
  if (s->fd >= 0) ::close(s->fd);
  s->fd = -1;
}

Value socket_tp_new(Type* type, const Value*, size_t, Tuple*) {
  auto* s = static_cast<SocketObject*>(alloc_object(type, type->basicsize));
  s->fd = -1;
  s->family = AF_INET;
  s->type = SOCK_STREAM;
  s->proto = 0;
  s->timeout = -1;
  register_finalizer(s, socket_finalize);
  return Value(s);
}

// Applies a timeout: the fd is non-blocking whenever a timeout (or 0) is set.
bool apply_timeout(SocketObject* s, double timeout) {
  s->timeout = timeout;
  if (s->fd >= 0 && !set_fd_blocking(s->fd, timeout < 0)) {
    raise_os_error(errno);
    return false;
  }
  return true;
}

int socket_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  const Signature sig{"socket", {"family", "type", "proto", "fileno"}, 4, 0};
  if (!bind_args(sig, args, nargs, kwnames, a)) return -1;
  int64_t family = -1, type = -1, proto = -1;
  if (a[0] && !is_none(a[0]) && !index_to_i64(a[0], &family)) return -1;
  if (a[1] && !is_none(a[1]) && !index_to_i64(a[1], &type)) return -1;
  if (a[2] && !is_none(a[2]) && !index_to_i64(a[2], &proto)) return -1;
  SocketObject* s = as_socket(self);
  int fd;
  if (a[3] && !is_none(a[3])) {
    int64_t given;
    if (!index_to_i64(a[3], &given)) return -1;
    if (given < 0) {
      raise(&exc_ValueError, "negative file descriptor");
      return -1;
    }
    fd = static_cast<int>(given);
    // An existing fd: ask the kernel for whatever the caller left out.
    SockAddr addr;
    socklen_t len = sizeof addr;
    if (family == -1) {
      if (getsockname(fd, &addr.sa, &len) < 0) {
        raise_os_error(errno);
        return -1;
      }
      family = addr.sa.sa_family;
    }
    int v;
    socklen_t vl = sizeof v;
    if (type == -1) {
      if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &vl) < 0) {
        raise_os_error(errno);
        return -1;
      }
      type = v;
    }
    if (proto == -1) {
      vl = sizeof v;
      proto = getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v, &vl) == 0 ? v : 0;
    }
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = ::socket(static_cast<int>(family), static_cast<int>(type) | SOCK_CLOEXEC, static_cast<int>(proto));
    if (fd < 0) {
      raise_os_error(errno);
      return -1;
    }
  }
  s->fd = fd;
  s->family = static_cast<int>(family);
  s->type = static_cast<int>(type) & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = static_cast<int>(proto);
  return apply_timeout(s, g_default_timeout) ? 0 : -1;
}

Value socket_repr(Value self) {
  SocketObject* s = as_socket(self);
  std::string text = "<socket object, fd=" + std::to_string(s->fd) + ", family=" + std::to_string(s->family) +
                     ", type=" + std::to_string(s->type) + ", proto=" + std::to_string(s->proto) + ">";
  return Value(str_new(text));
}

#define SOCKET_ARGS(name, lo, hi) \
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, lo, hi)) return Value()

bool int_arg(Value v, int* out) {
  int64_t i;
  if (!index_to_i64(v, &i)) return false;
  *out = static_cast<int>(i);
  return true;
}

Value socket_fileno(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("fileno", 0, 0);
  return Value::small_int(as_socket(self)->fd);
}

Value socket_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("close", 0, 0);
  SocketObject* s = as_socket(self);
  int fd = s->fd;
  if (fd < 0) return none_value();
  s->fd = -1;
  // ECONNRESET on close is not an error worth reporting (CPython ignores it too).
  if (::close(fd) < 0 && errno != ECONNRESET) return raise_os_error(errno);
  return none_value();
}

Value socket_detach(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("detach", 0, 0);
  SocketObject* s = as_socket(self);
  int fd = s->fd;
  s->fd = -1;
  return Value::small_int(fd);
}

Value socket_bind(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("bind", 1, 1);
  SocketObject* s = as_socket(self);
  SockAddr addr;
  socklen_t len;
  if (!parse_sockaddr(s, args[0], "bind", &addr, &len)) return Value();
  if (::bind(s->fd, &addr.sa, len) < 0) return raise_os_error(errno);
  return none_value();
}

Value socket_listen(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("listen", 0, 1);
  int backlog = 128;
  if (nargs == 1 && !int_arg(args[0], &backlog)) return Value();
  if (backlog < 0) backlog = 0;
  if (::listen(as_socket(self)->fd, backlog) < 0) return raise_os_error(errno);
  return none_value();
}

Value socket_accept(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("_accept", 0, 0);
  SocketObject* s = as_socket(self);
  SockAddr addr;
  socklen_t len = sizeof addr;
  ssize_t fd;
  auto op = [&addr, &len](int sfd, int) -> ssize_t {
    len = sizeof addr;
    return ::accept4(sfd, &addr.sa, &len, SOCK_CLOEXEC);
  };
  if (!sock_call(s, POLLIN, DontWait::No, op, &fd)) return Value();
  Value a = make_sockaddr(&addr.sa, len);
  return Value(tuple_of({Value::small_int(fd), a}));
}

// Connects; returns 0 or the errno of the failure (timeouts raise). -1: exception pending.
int connect_errno(SocketObject* s, Value address, const char* caller) {
  SockAddr addr;
  socklen_t len;
  if (!parse_sockaddr(s, address, caller, &addr, &len)) return -1;
  int fd = s->fd;
  int err = 0;
  {
    ScopedGilRelease unlocked;
    if (::connect(fd, &addr.sa, len) < 0) err = errno;
  }
  if (err == EINTR) {
    if (run_pending_signal_handlers(current_thread()) < 0) return -1;
    // The connection goes on in the background: wait for it like a non-blocking one.
    if (s->timeout == 0) return EINTR;
    err = EINPROGRESS;
  }
  if (err != EINPROGRESS || s->timeout == 0) return err;
  ssize_t unused;
  auto wait_done = [](int sfd, int) -> ssize_t {
    pollfd p{sfd, POLLOUT, 0};
    return ::poll(&p, 1, -1);
  };
  if (s->timeout < 0) {
    if (!sock_call(s, POLLOUT, DontWait::No, wait_done, &unused)) return -1;
  } else {
    // The poll inside sock_call waits for writability with the deadline.
    if (!sock_call(s, POLLOUT, DontWait::No, [](int, int) -> ssize_t { return 0; }, &unused)) return -1;
  }
  int so_error = 0;
  socklen_t sl = sizeof so_error;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &sl) < 0) return errno;
  return so_error;
}

Value socket_connect(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("connect", 1, 1);
  int err = connect_errno(as_socket(self), args[0], "connect");
  if (err < 0) return Value();
  if (err != 0) return raise_os_error(err);
  return none_value();
}

Value socket_connect_ex(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("connect_ex", 1, 1);
  int err = connect_errno(as_socket(self), args[0], "connect_ex");
  if (err < 0) return Value();
  return Value::small_int(err);
}

bool data_arg(Value v, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(v) + "'");
  return false;
}

// Data to send, readable while the GIL is released: a bytes object cannot change, but a
// bytearray (or a view of one) may be resized by another thread, so that is sent from a copy.
struct SendData {
  std::string copy;
  std::string_view view;
};

bool send_data_arg(Value v, SendData* out) {
  if (!data_arg(v, &out->view)) return false;
  if (!bytes_check(v)) {
    out->copy.assign(out->view);
    out->view = out->copy;
  }
  return true;
}

Value socket_send(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("send", 1, 2);
  SendData data;
  int flags = 0;
  if (!send_data_arg(args[0], &data) || (nargs == 2 && !int_arg(args[1], &flags))) return Value();
  std::string_view bytes = data.view;
  ssize_t n;
  auto op = [bytes, flags](int fd, int more) { return ::send(fd, bytes.data(), bytes.size(), flags | more | MSG_NOSIGNAL); };
  if (!sock_call(as_socket(self), POLLOUT, DontWait::Yes, op, &n)) return Value();
  return Value::small_int(n);
}

Value socket_sendall(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("sendall", 1, 2);
  SendData data;
  int flags = 0;
  if (!send_data_arg(args[0], &data) || (nargs == 2 && !int_arg(args[1], &flags))) return Value();
  std::string_view bytes = data.view;
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n;
    auto op = [bytes, sent, flags](int fd, int more) {
      return ::send(fd, bytes.data() + sent, bytes.size() - sent, flags | more | MSG_NOSIGNAL);
    };
    if (!sock_call(as_socket(self), POLLOUT, DontWait::Yes, op, &n)) return Value();
    sent += static_cast<size_t>(n);
  }
  return none_value();
}

Value socket_sendto(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("sendto", 2, 3);
  SendData data;
  int flags = 0;
  if (!send_data_arg(args[0], &data) || (nargs == 3 && !int_arg(args[1], &flags))) return Value();
  SocketObject* s = as_socket(self);
  SockAddr addr;
  socklen_t len;
  if (!parse_sockaddr(s, args[nargs - 1], "sendto", &addr, &len)) return Value();
  std::string_view bytes = data.view;
  ssize_t n;
  auto op = [&](int fd, int more) {
    return ::sendto(fd, bytes.data(), bytes.size(), flags | more | MSG_NOSIGNAL, &addr.sa, len);
  };
  if (!sock_call(s, POLLOUT, DontWait::Yes, op, &n)) return Value();
  return Value::small_int(n);
}

bool bufsize_arg(const char* caller, Value v, int64_t* out) {
  if (!index_to_i64(v, out)) return false;
  if (*out < 0) {
    raise(&exc_ValueError, std::string("negative buffersize in ") + caller);
    return false;
  }
  return true;
}

Value socket_recv(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("recv", 1, 2);
  int64_t size;
  int flags = 0;
  if (!bufsize_arg("recv", args[0], &size) || (nargs == 2 && !int_arg(args[1], &flags))) return Value();
  RecvBuffer buf(static_cast<size_t>(size));
  ssize_t n;
  auto op = [&buf, size, flags](int fd, int more) { return ::recv(fd, buf.data(), static_cast<size_t>(size), flags | more); };
  if (!sock_call(as_socket(self), POLLIN, DontWait::Yes, op, &n)) return Value();
  return Value(bytes_new(std::string_view(buf.data(), static_cast<size_t>(n))));
}

Value socket_recvfrom(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("recvfrom", 1, 2);
  int64_t size;
  int flags = 0;
  if (!bufsize_arg("recvfrom", args[0], &size) || (nargs == 2 && !int_arg(args[1], &flags))) return Value();
  RecvBuffer buf(static_cast<size_t>(size));
  SockAddr addr;
  socklen_t len = sizeof addr;
  ssize_t n;
  auto op = [&](int fd, int more) {
    len = sizeof addr;
    return ::recvfrom(fd, buf.data(), static_cast<size_t>(size), flags | more, &addr.sa, &len);
  };
  if (!sock_call(as_socket(self), POLLIN, DontWait::Yes, op, &n)) return Value();
  Value data = Value(bytes_new(std::string_view(buf.data(), static_cast<size_t>(n))));
  Value from = len > 0 ? make_sockaddr(&addr.sa, len) : none_value();
  return Value(tuple_of({data, from}));
}

Value socket_recv_into(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  const Signature sig{"recv_into", {"buffer", "nbytes", "flags"}, 3, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (!bytearray_check(a[0])) {
    return raise(&exc_TypeError, std::string("recv_into() argument 'buffer' must be read-write bytes-like object, not ") +
                                     type_name(a[0]));
  }
  auto* target = a[0].as<ByteArray>();
  int64_t nbytes = 0;
  int flags = 0;
  if (a[1] && !index_to_i64(a[1], &nbytes)) return Value();
  if (a[2] && !int_arg(a[2], &flags)) return Value();
  if (nbytes < 0) return raise(&exc_ValueError, "negative buffersize in recv_into");
  if (nbytes > target->size) return raise(&exc_ValueError, "buffer too small for requested bytes");
  if (nbytes == 0) nbytes = target->size;
  RecvBuffer buf(static_cast<size_t>(nbytes));
  ssize_t n;
  auto op = [&buf, nbytes, flags](int fd, int more) {
    return ::recv(fd, buf.data(), static_cast<size_t>(nbytes), flags | more);
  };
  if (!sock_call(as_socket(self), POLLIN, DontWait::Yes, op, &n)) return Value();
  // Copied in after the GIL is back: the bytearray may have been resized meanwhile.
  size_t fit = std::min(static_cast<size_t>(n), static_cast<size_t>(target->size));
  std::memcpy(target->data, buf.data(), fit);
  return Value::small_int(n);
}

Value socket_shutdown(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("shutdown", 1, 1);
  int how;
  if (!int_arg(args[0], &how)) return Value();
  if (::shutdown(as_socket(self)->fd, how) < 0) return raise_os_error(errno);
  return none_value();
}

// A timeout argument: None (blocking) or a non-negative number of seconds.
bool timeout_arg(Value v, double* out) {
  if (is_none(v)) {
    *out = -1;
    return true;
  }
  if (!int_check(v) && !float_check(v)) {
    raise(&exc_TypeError, std::string("'") + type_name(v) + "' object cannot be interpreted as an integer or float");
    return false;
  }
  if (!to_double(v, out)) return false;
  if (std::isnan(*out)) {
    raise(&exc_ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (*out < 0) {
    raise(&exc_ValueError, "Timeout value out of range");
    return false;
  }
  return true;
}

Value socket_settimeout(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("settimeout", 1, 1);
  double t;
  if (!timeout_arg(args[0], &t)) return Value();
  // Like CPython, changing the mode of a closed socket fails (fcntl on fd -1).
  if (as_socket(self)->fd < 0) return raise_os_error(EBADF);
  if (!apply_timeout(as_socket(self), t)) return Value();
  return none_value();
}

Value timeout_value(double t) { return t < 0 ? none_value() : float_new(t); }

Value socket_gettimeout(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("gettimeout", 0, 0);
  return timeout_value(as_socket(self)->timeout);
}

Value socket_setblocking(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("setblocking", 1, 1);
  int flag = is_true(args[0]);
  if (flag < 0) return Value();
  if (as_socket(self)->fd < 0) return raise_os_error(EBADF);
  if (!apply_timeout(as_socket(self), flag ? -1 : 0)) return Value();
  return none_value();
}

Value socket_getblocking(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("getblocking", 0, 0);
  return bool_value(as_socket(self)->timeout != 0);
}

Value socket_setsockopt(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("setsockopt", 3, 3);
  int level, opt;
  if (!int_arg(args[0], &level) || !int_arg(args[1], &opt)) return Value();
  int fd = as_socket(self)->fd;
  std::string_view raw;
  int rc;
  if (bytes_like_view(args[2], &raw)) {
    rc = ::setsockopt(fd, level, opt, raw.data(), static_cast<socklen_t>(raw.size()));
  } else {
    int v;
    if (!int_arg(args[2], &v)) return Value();
    rc = ::setsockopt(fd, level, opt, &v, sizeof v);
  }
  if (rc < 0) return raise_os_error(errno);
  return none_value();
}

Value socket_getsockopt(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("getsockopt", 2, 3);
  int level, opt;
  if (!int_arg(args[0], &level) || !int_arg(args[1], &opt)) return Value();
  int fd = as_socket(self)->fd;
  if (nargs == 2) {
    int v = 0;
    socklen_t len = sizeof v;
    if (::getsockopt(fd, level, opt, &v, &len) < 0) return raise_os_error(errno);
    return Value::small_int(v);
  }
  int buflen;
  if (!int_arg(args[2], &buflen)) return Value();
  if (buflen <= 0 || buflen > 1024) return raise(&exc_OSError, "getsockopt buflen out of range");
  std::string buf(static_cast<size_t>(buflen), '\0');
  socklen_t len = static_cast<socklen_t>(buflen);
  if (::getsockopt(fd, level, opt, buf.data(), &len) < 0) return raise_os_error(errno);
  return Value(bytes_new(std::string_view(buf.data(), len)));
}

template <int (*Query)(int, sockaddr*, socklen_t*)>
Value socket_name(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("getsockname", 0, 0);
  SockAddr addr;
  socklen_t len = sizeof addr;
  std::memset(&addr, 0, sizeof addr);
  if (Query(as_socket(self)->fd, &addr.sa, &len) < 0) return raise_os_error(errno);
  return make_sockaddr(&addr.sa, len);
}

Value socket_get_family(Value self) { return Value::small_int(as_socket(self)->family); }
Value socket_get_type(Value self) { return Value::small_int(as_socket(self)->type); }
Value socket_get_proto(Value self) { return Value::small_int(as_socket(self)->proto); }
Value socket_get_timeout(Value self) { return timeout_value(as_socket(self)->timeout); }

const MethodDef kSocketMethods[] = {
    {"fileno", socket_fileno},
    {"close", socket_close},
    {"detach", socket_detach},
    {"bind", socket_bind},
    {"listen", socket_listen},
    {"_accept", socket_accept},
    {"connect", socket_connect},
    {"connect_ex", socket_connect_ex},
    {"send", socket_send},
    {"sendall", socket_sendall},
    {"sendto", socket_sendto},
    {"recv", socket_recv},
    {"recvfrom", socket_recvfrom},
    {"recv_into", socket_recv_into},
    {"shutdown", socket_shutdown},
    {"settimeout", socket_settimeout},
    {"gettimeout", socket_gettimeout},
    {"setblocking", socket_setblocking},
    {"getblocking", socket_getblocking},
    {"setsockopt", socket_setsockopt},
    {"getsockopt", socket_getsockopt},
    {"getsockname", socket_name<::getsockname>},
    {"getpeername", socket_name<::getpeername>},
    {nullptr, nullptr},
};

const GetSetDef kSocketGetSets[] = {
    {"family", socket_get_family, nullptr},
    {"type", socket_get_type, nullptr},
    {"proto", socket_get_proto, nullptr},
    {"timeout", socket_get_timeout, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Module functions

Value fn_socketpair(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("socketpair", 0, 3);
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if (nargs > 0 && !is_none(args[0]) && !int_arg(args[0], &family)) return Value();
  if (nargs > 1 && !is_none(args[1]) && !int_arg(args[1], &type)) return Value();
  if (nargs > 2 && !is_none(args[2]) && !int_arg(args[2], &proto)) return Value();
  int fds[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) return raise_os_error(errno);
  Value pair[2];
  for (int i = 0; i < 2; ++i) {
    Value s = socket_tp_new(&socket_type, nullptr, 0, nullptr);
    auto* so = as_socket(s);
    so->fd = fds[i];
    so->family = family;
    so->type = type;
    so->proto = proto;
    if (!apply_timeout(so, g_default_timeout)) return Value();
    pair[i] = s;
  }
  return Value(tuple_of({pair[0], pair[1]}));
}

Value fn_dup(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("dup", 1, 1);
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_os_error(errno);
  return Value::small_int(copy);
}

Value fn_close(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("close", 1, 1);
  int fd;
  if (!int_arg(args[0], &fd)) return Value();
  if (::close(fd) < 0 && errno != ECONNRESET) return raise_os_error(errno);
  return none_value();
}

Value fn_getdefaulttimeout(Value, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("getdefaulttimeout", 0, 0);
  return timeout_value(g_default_timeout);
}

Value fn_setdefaulttimeout(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("setdefaulttimeout", 1, 1);
  double t;
  if (!timeout_arg(args[0], &t)) return Value();
  g_default_timeout = t;
  return none_value();
}

Value fn_gethostname(Value, const Value*, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("gethostname", 0, 0);
  char buf[256];
  if (::gethostname(buf, sizeof buf) < 0) return raise_os_error(errno);
  buf[sizeof buf - 1] = '\0';
  return Value(str_new(buf));
}

Value fn_gethostbyname(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("gethostbyname", 1, 1);
  if (!str_check(args[0])) {
    return raise(&exc_TypeError, std::string("gethostbyname() argument 1 must be str, not ") + type_name(args[0]));
  }
  SockAddr addr;
  std::memset(&addr, 0, sizeof addr);
  if (!resolve_host(args[0], AF_INET, &addr)) return Value();
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &addr.in4.sin_addr, buf, sizeof buf);
  return Value(str_new(buf));
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
Value fn_getaddrinfo(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[6];
  const Signature sig{"getaddrinfo", {"host", "port", "family", "type", "proto", "flags"}, 6, 2};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  std::string host, port;
  bool has_host = !is_none(a[0]), has_port = !is_none(a[1]);
  if (has_host) {
    std::string_view v;
    if (str_check(a[0])) {
      host = std::string(a[0].as<Str>()->view());
    } else if (bytes_check(a[0]) && bytes_like_view(a[0], &v)) {
      host = std::string(v);
    } else {
      return raise(&exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    }
  }
  if (has_port) {
    std::string_view v;
    if (int_check(a[1])) {
      int64_t p;
      if (!int_to_i64(a[1], &p)) return Value();
      port = std::to_string(p);
    } else if (str_check(a[1])) {
      port = std::string(a[1].as<Str>()->view());
    } else if (bytes_check(a[1]) && bytes_like_view(a[1], &v)) {
      port = std::string(v);
    } else {
      return raise(&exc_OSError, "Int or String expected");
    }
  }
  int opts[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i) {
    if (a[2 + i] && !int_arg(a[2 + i], &opts[i])) return Value();
  }
  addrinfo hints{};
  hints.ai_family = opts[0];
  hints.ai_socktype = opts[1];
  hints.ai_protocol = opts[2];
  hints.ai_flags = opts[3];
  addrinfo* res = nullptr;
  int rc;
  {
    ScopedGilRelease unlocked;
    rc = ::getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &res);
  }
  if (rc != 0) return raise_gaierror(rc);
  List* out = list_new();
  for (addrinfo* ai = res; ai; ai = ai->ai_next) {
    Value canon = Value(str_new(ai->ai_canonname ? ai->ai_canonname : ""));
    list_append(out, Value(tuple_of({Value::small_int(ai->ai_family), Value::small_int(ai->ai_socktype),
                                     Value::small_int(ai->ai_protocol), canon,
                                     make_sockaddr(ai->ai_addr, ai->ai_addrlen)})));
  }
  freeaddrinfo(res);
  return Value(out);
}

bool str_arg(const char* fname, int pos, Value v, std::string* out) {
  if (!str_check(v)) {
    raise(&exc_TypeError, std::string(fname) + "() argument " + std::to_string(pos) + " must be str, not " +
                              type_name(v));
    return false;
  }
  *out = std::string(v.as<Str>()->view());
  return true;
}

Value fn_inet_aton(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("inet_aton", 1, 1);
  std::string text;
  if (!str_arg("inet_aton", 1, args[0], &text)) return Value();
  in_addr addr;
  if (::inet_aton(text.c_str(), &addr) == 0) {
    return raise(&exc_OSError, "illegal IP address string passed to inet_aton");
  }
  return Value(bytes_new(std::string_view(reinterpret_cast<const char*>(&addr), 4)));
}

Value fn_inet_ntoa(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("inet_ntoa", 1, 1);
  std::string_view packed;
  if (!bytes_like_view(args[0], &packed)) {
    return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(args[0]) + "'");
  }
  if (packed.size() != 4) return raise(&exc_OSError, "packed IP wrong length for inet_ntoa");
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, packed.data(), buf, sizeof buf);
  return Value(str_new(buf));
}

Value fn_inet_pton(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("inet_pton", 2, 2);
  int family;
  std::string text;
  if (!int_arg(args[0], &family) || !str_arg("inet_pton", 2, args[1], &text)) return Value();
  if (family != AF_INET && family != AF_INET6) return raise_os_error(EAFNOSUPPORT);
  unsigned char buf[16];
  int rc = ::inet_pton(family, text.c_str(), buf);
  if (rc == 0) return raise(&exc_OSError, "illegal IP address string passed to inet_pton");
  return Value(bytes_new(std::string_view(reinterpret_cast<const char*>(buf), family == AF_INET ? 4 : 16)));
}

Value fn_inet_ntop(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  SOCKET_ARGS("inet_ntop", 2, 2);
  int family;
  if (!int_arg(args[0], &family)) return Value();
  std::string_view packed;
  if (!bytes_like_view(args[1], &packed)) {
    return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(args[1]) + "'");
  }
  if (family == AF_INET) {
    if (packed.size() != 4) return raise(&exc_ValueError, "invalid length of packed IP address string");
  } else if (family == AF_INET6) {
    if (packed.size() != 16) return raise(&exc_ValueError, "invalid length of packed IP address string");
  } else {
    return raise(&exc_ValueError, "unknown address family " + std::to_string(family));
  }
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(family, packed.data(), buf, sizeof buf);
  return Value(str_new(buf));
}

template <int Bits, bool Network>
Value fn_byteorder(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = Bits == 16 ? (Network ? "htons" : "ntohs") : (Network ? "htonl" : "ntohl");
  SOCKET_ARGS(name, 1, 1);
  if (!int_check(args[0])) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  int64_t v;
  if (!int_to_i64(args[0], &v)) return Value();
  if (v < 0) return raise(&exc_OverflowError, std::string(name) + ": can't convert negative Python int to C " +
                                                   (Bits == 16 ? "16-bit unsigned integer" : "unsigned long"));
  if (Bits == 16) {
    if (v > 0xffff) return raise(&exc_OverflowError, std::string(name) + ": Python int too large to convert to C 16-bit unsigned integer");
    return Value::small_int(htons(static_cast<uint16_t>(v)));
  }
  if (v > 0xffffffffLL) return raise(&exc_OverflowError, "int larger than 32 bits");
  return Value::small_int(htonl(static_cast<uint32_t>(v)));
}

const MethodDef kSocketFunctions[] = {
    {"socketpair", fn_socketpair},
    {"dup", fn_dup},
    {"close", fn_close},
    {"getdefaulttimeout", fn_getdefaulttimeout},
    {"setdefaulttimeout", fn_setdefaulttimeout},
    {"gethostname", fn_gethostname},
    {"gethostbyname", fn_gethostbyname},
    {"getaddrinfo", fn_getaddrinfo},
    {"inet_aton", fn_inet_aton},
    {"inet_ntoa", fn_inet_ntoa},
    {"inet_pton", fn_inet_pton},
    {"inet_ntop", fn_inet_ntop},
    {"htons", fn_byteorder<16, true>},
    {"ntohs", fn_byteorder<16, false>},
    {"htonl", fn_byteorder<32, true>},
    {"ntohl", fn_byteorder<32, false>},
    {nullptr, nullptr},
};

struct IntConstant {
  const char* name;
  int64_t value;
};

const IntConstant kConstants[] = {
    {"AF_UNSPEC", AF_UNSPEC}, {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_UNIX", AF_UNIX},
    {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
    {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
    {"SOL_SOCKET", SOL_SOCKET}, {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
    {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_ERROR", SO_ERROR}, {"SO_TYPE", SO_TYPE}, {"SO_BROADCAST", SO_BROADCAST},
    {"SO_RCVBUF", SO_RCVBUF}, {"SO_SNDBUF", SO_SNDBUF}, {"SO_LINGER", SO_LINGER},
    {"IPPROTO_IP", IPPROTO_IP}, {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
    {"IPPROTO_IPV6", IPPROTO_IPV6}, {"IPV6_V6ONLY", IPV6_V6ONLY}, {"TCP_NODELAY", TCP_NODELAY},
    {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR}, {"SHUT_RDWR", SHUT_RDWR},
    {"MSG_PEEK", MSG_PEEK}, {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL},
    {"SOMAXCONN", SOMAXCONN}, {"INADDR_ANY", INADDR_ANY}, {"INADDR_LOOPBACK", INADDR_LOOPBACK},
    {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
    {"AI_NUMERICSERV", AI_NUMERICSERV}, {"EAI_NONAME", EAI_NONAME}, {"EAI_AGAIN", EAI_AGAIN},
    {"EAI_SERVICE", EAI_SERVICE}, {"EAI_FAMILY", EAI_FAMILY},
};

}  // namespace

Value socket_module_create() {
  if (!socket_type.name) {
    socket_type.tp_new = socket_tp_new;
    socket_type.tp_init = socket_tp_init;
    socket_type.tp_repr = socket_repr;
    socket_type.basicsize = sizeof(SocketObject);
    socket_type.flags |= kTypeBaseType;
    type_ready(&socket_type, "_socket.socket", nullptr, kSocketMethods, kSocketGetSets);
  }
  Module* m = module_new(intern("_socket"));
  module_add_functions(m, kSocketFunctions);
  module_add(m, "socket", Value(&socket_type));
  module_add(m, "SocketType", Value(&socket_type));
  module_add(m, "error", Value(&exc_OSError));
  module_add(m, "timeout", Value(&exc_TimeoutError));
  if (!g_gaierror) {
    // socket.gaierror / herror are OSError subclasses living in the socket module.
    Dict* ns = dict_new();
    if (dict_set_cstr(ns, "__module__", Value(str_new("socket"))) < 0) return Value();
    Value bases = Value(tuple_of({Value(&exc_OSError)}));
    g_gaierror = call(Value(&type_type), {Value(str_new("gaierror")), bases, Value(ns)});
    if (!g_gaierror) return Value();
  }
  module_add(m, "gaierror", g_gaierror);
  for (const IntConstant& c : kConstants) module_add(m, c.name, int_from_i64(c.value));
  return Value(m);
}

}  // namespace minipy
