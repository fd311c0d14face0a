// The select module: select(), poll objects and epoll objects. Every wait releases the GIL; a
// signal (EINTR) runs the Python handlers, then the wait resumes with the time that is left.
#include <errno.h>
#include <poll.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <string>
#include <vector>

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

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// An fd from an int or an object with fileno(), with CPython's messages.
bool fd_from_object(Value v, int* out) {
  Value fd = v;
  if (!int_check(v)) {
    Value meth = getattr_optional(v, intern("fileno"));
    if (!meth) {
      if (!error_pending()) raise(&exc_TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    fd = call(meth, {});
    if (!fd) return false;
    if (!int_check(fd)) {
      raise(&exc_TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  int64_t i;
  if (!int_to_i64(fd, &i)) return false;
  if (i < 0) {
    raise(&exc_ValueError, "file descriptor cannot be a negative integer (" + std::to_string(i) + ")");
    return false;
  }
  if (i > 0x7fffffff) {
    raise(&exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

// A timeout in seconds (None: forever, as -1 ns), with select()'s messages.
bool seconds_timeout(Value v, int64_t* ns, const char* negative_msg) {
  if (!v || is_none(v)) {
    *ns = -1;
    return true;
  }
  if (!int_check(v) && !float_check(v)) {
    raise(&exc_TypeError, "timeout must be a float or None");
    return false;
  }
  double d;
  if (!to_double(v, &d)) return false;
  if (std::isnan(d)) {
    raise(&exc_ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (d < 0) {
    if (negative_msg) {
      raise(&exc_ValueError, negative_msg);
      return false;
    }
    *ns = -1;
    return true;
  }
  *ns = static_cast<int64_t>(std::ceil(d * 1e9));
  return true;
}

// Milliseconds left until `deadline` (for poll/epoll_wait), -1 for no deadline.
int ms_left(int64_t deadline) {
  if (deadline < 0) return -1;
  int64_t left = deadline - monotonic_ns();
  if (left <= 0) return 0;
  return static_cast<int>(std::min<int64_t>((left + 999'999) / 1'000'000, 0x7fffffff));
}

// Runs a wait (returns -1 + errno on failure) with the GIL released, retrying after signals.
// Returns the wait's result or -1 with an exception pending.
template <class Wait>
int wait_released(int64_t deadline, Wait wait) {
  for (;;) {
    int rc;
    int err = 0;
    {
      ScopedGilRelease unlocked;
      rc = wait(ms_left(deadline));
      if (rc < 0) err = errno;
    }
    if (rc >= 0) return rc;
    if (err != EINTR) {
      raise_os_error(err);
      return -1;
    }
    if (run_pending_signal_handlers(current_thread()) < 0) return -1;
  }
}

// ---------------------------------------------------------------------------------------------
// select()

// The objects of one select() argument and their fds.
bool collect(Value seq, List** objs, std::vector<int>* fds) {
  Value it = get_iter(seq);
  if (!it) {
    if (error_matches(&exc_TypeError)) {
      error_clear();
      raise(&exc_TypeError, "arguments 1-3 must be sequences");
    }
    return false;
  }
  *objs = list_new();
  for (;;) {
    Value item = iter_next(it);
    if (!item) {
      if (error_pending()) return false;
      return true;
    }
    int fd;
    if (!fd_from_object(item, &fd)) return false;
    list_append(*objs, item);
    fds->push_back(fd);
  }
}

Value select_select(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("select", kwnames) || !check_nargs("select", nargs, 3, 4)) return Value();
  int64_t timeout_ns;
  if (!seconds_timeout(nargs == 4 ? args[3] : Value(), &timeout_ns, "timeout must be non-negative")) return Value();
  List* objs[3];
  std::vector<int> fds[3];
  for (int i = 0; i < 3; ++i) {
    if (!collect(args[i], &objs[i], &fds[i])) return Value();
  }
  const short kEvents[3] = {POLLIN, POLLOUT, POLLPRI};
  std::vector<pollfd> pfds;
  for (int i = 0; i < 3; ++i) {
    for (int fd : fds[i]) pfds.push_back(pollfd{fd, kEvents[i], 0});
  }
  int64_t deadline = timeout_ns < 0 ? -1 : monotonic_ns() + timeout_ns;
  if (wait_released(deadline, [&pfds](int ms) { return ::poll(pfds.data(), pfds.size(), ms); }) < 0) return Value();
  // poll reports a closed or invalid fd through POLLNVAL; select() fails with EBADF.
  for (const pollfd& p : pfds) {
    if (p.revents & POLLNVAL) return raise_os_error(EBADF);
  }
  Value result[3];
  size_t k = 0;
  for (int i = 0; i < 3; ++i) {
    List* ready = list_new();
    for (size_t j = 0; j < fds[i].size(); ++j, ++k) {
      short mask = i == 0 ? (POLLIN | POLLHUP | POLLERR) : (i == 1 ? (POLLOUT | POLLERR) : POLLPRI);
      if (pfds[k].revents & mask) list_append(ready, objs[i]->items[j]);
    }
    result[i] = Value(ready);
  }
  return Value(tuple_of({result[0], result[1], result[2]}));
}

// ---------------------------------------------------------------------------------------------
// poll objects

struct PollObject : Object {
  Dict* fds;  // fd -> event mask
};

Type poll_type;

Value poll_new_fn(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("poll", kwnames) || !check_nargs("poll", nargs, 0, 0)) return Value();
  auto* p = alloc<PollObject>(&poll_type);
  p->fds = dict_new();
  return Value(p);
}

bool mask_arg(Value v, uint32_t* out) {
  int64_t i;
  if (!index_to_i64(v, &i)) return false;
  if (i < 0 || i > 0xffffffffLL) {
    raise(&exc_OverflowError, "Python int too large for C unsigned short");
    return false;
  }
  *out = static_cast<uint32_t>(i);
  return true;
}

Value poll_register(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("register", kwnames) || !check_nargs("register", nargs, 1, 2)) return Value();
  int fd;
  uint32_t mask = POLLIN | POLLPRI | POLLOUT;
  if (!fd_from_object(args[0], &fd) || (nargs == 2 && !mask_arg(args[1], &mask))) return Value();
  if (dict_set(self.as<PollObject>()->fds, Value::small_int(fd), Value::small_int(mask)) < 0) return Value();
  return none_value();
}

Value poll_modify(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("modify", kwnames) || !check_nargs("modify", nargs, 2, 2)) return Value();
  int fd;
  uint32_t mask;
  if (!fd_from_object(args[0], &fd) || !mask_arg(args[1], &mask)) return Value();
  Dict* fds = self.as<PollObject>()->fds;
  if (!dict_get(fds, Value::small_int(fd))) return raise_os_error(ENOENT);
  if (dict_set(fds, Value::small_int(fd), Value::small_int(mask)) < 0) return Value();
  return none_value();
}

Value poll_unregister(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unregister", kwnames) || !check_nargs("unregister", nargs, 1, 1)) return Value();
  int fd;
  if (!fd_from_object(args[0], &fd)) return Value();
  int rc = dict_del(self.as<PollObject>()->fds, Value::small_int(fd));
  if (rc < 0) return Value();
  if (rc == 0) return raise_with_args(&exc_KeyError, tuple_of({Value::small_int(fd)}));
  return none_value();
}

// poll([timeout]): milliseconds, None or negative for forever.
Value poll_poll(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("poll", kwnames) || !check_nargs("poll", nargs, 0, 1)) return Value();
  int64_t deadline = -1;
  if (nargs == 1 && !is_none(args[0])) {
    if (!int_check(args[0]) && !float_check(args[0])) {
      return raise(&exc_TypeError, "timeout must be an integer or None");
    }
    double ms;
    if (!to_double(args[0], &ms)) return Value();
    if (ms >= 0) deadline = monotonic_ns() + static_cast<int64_t>(std::ceil(ms * 1e6));
  }
  Dict* fds = self.as<PollObject>()->fds;
  std::vector<pollfd> pfds;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(fds, &pos, &k, &v)) {
    pfds.push_back(pollfd{static_cast<int>(k.as_small_int()), static_cast<short>(v.as_small_int()), 0});
  }
  if (wait_released(deadline, [&pfds](int ms) { return ::poll(pfds.data(), pfds.size(), ms); }) < 0) return Value();
  List* out = list_new();
  for (const pollfd& p : pfds) {
    if (p.revents) list_append(out, Value(tuple_of({Value::small_int(p.fd), Value::small_int(p.revents & 0xffff)})));
  }
  return Value(out);
}

const MethodDef kPollMethods[] = {
    {"register", poll_register},
    {"modify", poll_modify},
    {"unregister", poll_unregister},
    {"poll", poll_poll},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// epoll objects

struct EpollObject : Object {
  int epfd;  // -1 once closed
};

Type epoll_type;

void epoll_finalize(Object* obj) {
  auto* e = static_cast<EpollObject*>(obj);
  if (e->epfd >= 0) ::close(e->epfd);
  e->epfd = -1;
}

Value epoll_from_fd(Type* type, int epfd) {
  auto* e = static_cast<EpollObject*>(alloc_object(type, type->basicsize));
  e->epfd = epfd;
  register_finalizer(e, epoll_finalize);
  return Value(e);
}

Value epoll_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  const Signature sig{"epoll", {"sizehint", "flags"}, 2, 0};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  int64_t sizehint = -1;
  if (a[0] && !index_to_i64(a[0], &sizehint)) return Value();
  if (sizehint == 0 || sizehint < -1) return raise(&exc_ValueError, "negative sizehint");
  int epfd = epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) return raise_os_error(errno);
  return epoll_from_fd(type, epfd);
}

bool check_open(EpollObject* e) {
  if (e->epfd >= 0) return true;
  raise(&exc_ValueError, "I/O operation on closed epoll object");
  return false;
}

Value epoll_ctl_common(Value self, const Value* args, size_t nargs, Tuple* kwnames, const char* name, int op) {
  Value a[2];
  bool needs_mask = op == EPOLL_CTL_MOD;
  const Signature sig{name, {"fd", "eventmask"}, op == EPOLL_CTL_DEL ? size_t{1} : size_t{2},
                      needs_mask ? size_t{2} : size_t{1}};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  auto* e = self.as<EpollObject>();
  if (!check_open(e)) return Value();
  int fd;
  if (!fd_from_object(a[0], &fd)) return Value();
  uint32_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (a[1] && !mask_arg(a[1], &mask)) return Value();
  epoll_event ev{};
  ev.events = mask;
  ev.data.fd = fd;
  if (epoll_ctl(e->epfd, op, fd, &ev) < 0) return raise_os_error(errno);
  return none_value();
}

Value epoll_register(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_ctl_common(self, args, nargs, kwnames, "register", EPOLL_CTL_ADD);
}
Value epoll_modify(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_ctl_common(self, args, nargs, kwnames, "modify", EPOLL_CTL_MOD);
}
Value epoll_unregister(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_ctl_common(self, args, nargs, kwnames, "unregister", EPOLL_CTL_DEL);
}

// poll(timeout=None, maxevents=-1): timeout in seconds, None or negative for forever.
Value epoll_poll(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  const Signature sig{"poll", {"timeout", "maxevents"}, 2, 0};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  auto* e = self.as<EpollObject>();
  if (!check_open(e)) return Value();
  int64_t timeout_ns;
  if (!seconds_timeout(a[0], &timeout_ns, nullptr)) return Value();
  int64_t maxevents = -1;
  if (a[1] && !index_to_i64(a[1], &maxevents)) return Value();
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1) {
    return raise(&exc_ValueError, "maxevents must be greater than 0, got " + std::to_string(maxevents));
  }
  std::vector<epoll_event> events(static_cast<size_t>(maxevents));
  int epfd = e->epfd;
  int64_t deadline = timeout_ns < 0 ? -1 : monotonic_ns() + timeout_ns;
  int n = wait_released(deadline, [&events, epfd](int ms) {
    return epoll_wait(epfd, events.data(), static_cast<int>(events.size()), ms);
  });
  if (n < 0) return Value();
  List* out = list_new();
  for (int i = 0; i < n; ++i) {
    list_append(out, Value(tuple_of({Value::small_int(events[i].data.fd), int_from_u64(events[i].events)})));
  }
  return Value(out);
}

Value epoll_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return Value();
  auto* e = self.as<EpollObject>();
  int fd = e->epfd;
  e->epfd = -1;
  if (fd >= 0 && ::close(fd) < 0) return raise_os_error(errno);
  return none_value();
}

Value epoll_fileno(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("fileno", kwnames) || !check_nargs("fileno", nargs, 0, 0)) return Value();
  auto* e = self.as<EpollObject>();
  if (!check_open(e)) return Value();
  return Value::small_int(e->epfd);
}

Value epoll_fromfd(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("fromfd", kwnames) || !check_nargs("fromfd", nargs, 1, 1)) return Value();
  int fd;
  if (!fd_from_object(args[0], &fd)) return Value();
  return epoll_from_fd(cls.as<Type>(), fd);
}

Value epoll_enter(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__enter__", kwnames) || !check_nargs("__enter__", nargs, 0, 0)) return Value();
  if (!check_open(self.as<EpollObject>())) return Value();
  return self;
}

Value epoll_exit(Value self, const Value*, size_t, Tuple*) {
  Value r = epoll_close(self, nullptr, 0, nullptr);
  return r ? none_value() : r;
}

Value epoll_get_closed(Value self) { return bool_value(self.as<EpollObject>()->epfd < 0); }

const MethodDef kEpollMethods[] = {
    {"register", epoll_register},
    {"modify", epoll_modify},
    {"unregister", epoll_unregister},
    {"poll", epoll_poll},
    {"close", epoll_close},
    {"fileno", epoll_fileno},
    {"fromfd", epoll_fromfd, kMethodClass},
    {"__enter__", epoll_enter},
    {"__exit__", epoll_exit},
    {nullptr, nullptr},
};

const GetSetDef kEpollGetSets[] = {
    {"closed", epoll_get_closed, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kSelectFunctions[] = {
    {"select", select_select},
    {"poll", poll_new_fn},
    {nullptr, nullptr},
};

struct IntConstant {
  const char* name;
  int64_t value;
};

const IntConstant kConstants[] = {
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
    {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI}, {"EPOLLERR", EPOLLERR},
    {"EPOLLHUP", EPOLLHUP}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLET", EPOLLET}, {"EPOLLONESHOT", EPOLLONESHOT},
    {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND},
    {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
    {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
};

}  // namespace

Value select_module_create() {
  if (!poll_type.name) {
    poll_type.basicsize = sizeof(PollObject);
    type_ready(&poll_type, "select.poll", nullptr, kPollMethods);
    epoll_type.tp_new = epoll_tp_new;
    epoll_type.basicsize = sizeof(EpollObject);
    epoll_type.flags |= kTypeBaseType | kTypePointerFree;
    type_ready(&epoll_type, "select.epoll", nullptr, kEpollMethods, kEpollGetSets);
  }
  Module* m = module_new(intern("select"));
  module_add_functions(m, kSelectFunctions);
  module_add(m, "epoll", Value(&epoll_type));
  module_add(m, "error", Value(&exc_OSError));
  for (const IntConstant& c : kConstants) module_add(m, c.name, int_from_i64(c.value));
  return Value(m);
}

}  // namespace minipy
