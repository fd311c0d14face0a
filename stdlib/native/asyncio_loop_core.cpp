// _asyncio.LoopCore: the part of the event loop that runs for every callback, native so that
// scheduling and dispatch cost no Python frames. It holds the ready queue of handles, the heap
// of timers, the epoll set of readers/writers and an eventfd that call_soon_threadsafe writes
// to wake a loop blocked in epoll_wait (which runs with the GIL released).
// base_events.BaseEventLoop subclasses it and adds the rest of the loop API in Python.
//
// Each iteration (_run_once) waits until the earliest timer is due (not at all when callbacks
// are ready), moves ready I/O handles and due timers to the ready queue, then runs exactly the
// callbacks that were ready when it started; callbacks they schedule run on the next one.
#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/list.h"
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
#include "stdlib/native/asyncio.h"

namespace minipy {

Type loop_core_type;

namespace {

// Like CPython's selector loops: never block longer than a day in one wait.
constexpr double kMaxWaitSeconds = 24 * 3600.0;
// With more than this many timers of which more than half are cancelled, rebuild the heap
// without them (every cancelled wait_for/sleep leaves one behind).
constexpr int64_t kMinScheduledTimers = 100;

struct LoopCoreObject : Object {
  List* ready;    // handles for the next iteration
  List* spare;    // the batch being run; reused as the next ready list
  List* timers;   // heap of TimerHandles by deadline (heapq order)
  Dict* io;       // fd -> [reader handle or None, writer handle or None]
  Dict* dict;
  double slow_callback_duration;
  int64_t timer_cancelled_count;
  int epfd;       // -1 until the first I/O registration, and after close
  int wakefd;     // eventfd, -1 after close
  bool stopping;
  bool debug;
  bool closed;
};

LoopCoreObject* as_core(Value v) { return v.as<LoopCoreObject>(); }

double monotonic() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Closing the loop releases the fds; this covers a loop that was never closed.
void core_finalize(Object* obj) {
  auto* c = static_cast<LoopCoreObject*>(obj);
  if (c->epfd >= 0) ::close(c->epfd);
  if (c->wakefd >= 0) ::close(c->wakefd);
  c->epfd = c->wakefd = -1;
}

bool check_open(LoopCoreObject* c) {
  if (!c->closed) return true;
  raise(&exc_RuntimeError, "Event loop is closed");
  return false;
}

bool ensure_epoll(LoopCoreObject* c) {
  if (c->epfd >= 0) return true;
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) {
    raise_os_error(errno);
    return false;
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = c->wakefd;
  if (epoll_ctl(fd, EPOLL_CTL_ADD, c->wakefd, &ev) < 0) {
    int err = errno;
    ::close(fd);
    raise_os_error(err);
    return false;
  }
  c->epfd = fd;
  return true;
}

// ---- timer heap ---------------------------------------------------------------------------
// The heapq algorithms, comparing deadlines only, so timers with equal deadlines run in the
// same order as under CPython's loop.

bool timer_less(Value a, Value b) { return a.as<TimerHandleObject>()->when < b.as<TimerHandleObject>()->when; }

void heap_sift_down(List* h, int64_t start, int64_t pos) {
  Value item = h->items[pos];
  while (pos > start) {
    int64_t parent = (pos - 1) >> 1;
    if (!timer_less(item, h->items[parent])) break;
    h->items[pos] = h->items[parent];
    pos = parent;
  }
  h->items[pos] = item;
}

void heap_sift_up(List* h, int64_t pos) {
  int64_t end = h->size;
  int64_t start = pos;
  Value item = h->items[pos];
  int64_t child = 2 * pos + 1;
  while (child < end) {
    int64_t right = child + 1;
    if (right < end && !timer_less(h->items[child], h->items[right])) child = right;
    h->items[pos] = h->items[child];
    pos = child;
    child = 2 * pos + 1;
  }
  h->items[pos] = item;
  heap_sift_down(h, start, pos);
}

void heap_push(List* h, Value v) {
  list_append(h, v);
  heap_sift_down(h, 0, h->size - 1);
}

Value heap_pop(List* h) {
  Value last = h->items[h->size - 1];
  h->items[--h->size] = Value();
  if (!h->size) return last;
  Value top = h->items[0];
  h->items[0] = last;
  heap_sift_up(h, 0);
  return top;
}

void purge_cancelled_timers(LoopCoreObject* c) {
  List* h = c->timers;
  int64_t k = 0;
  for (int64_t i = 0; i < h->size; ++i) {
    auto* t = h->items[i].as<TimerHandleObject>();
    if (t->cancelled) {
      t->scheduled = false;
    } else {
      h->items[k++] = h->items[i];
    }
  }
  for (int64_t i = k; i < h->size; ++i) h->items[i] = Value();
  h->size = k;
  for (int64_t i = k / 2 - 1; i >= 0; --i) heap_sift_up(h, i);
  c->timer_cancelled_count = 0;
}

// ---- scheduling -----------------------------------------------------------------------------

// What debug mode checks of a callback (CPython only checks there too).
bool check_callback(Value callback, const char* method) {
  if (coroutine_check(callback)) {
    raise(&exc_TypeError, std::string("coroutines cannot be used with ") + method + "()");
    return false;
  }
  if (!is_callable(callback)) {
    Value r = repr(callback);
    if (r) raise(&exc_TypeError, std::string("a callable object was expected by ") + method + "(), got " + std::string(r.as<Str>()->view()));
    return false;
  }
  return true;
}

// Splits (fixed..., *args, context=None) calls: `nfixed` leading positionals are required.
bool split_args(const char* method, const Value* args, size_t nargs, Tuple* kwnames, size_t nfixed, Value* context) {
  *context = none_value();
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      Str* k = (*kwnames)[i].as<Str>();
      if (k->view() != "context") {
        raise(&exc_TypeError, "BaseEventLoop." + std::string(method) + "() got an unexpected keyword argument '" + std::string(k->view()) + "'");
        return false;
      }
      *context = args[nargs + i];
    }
  }
  if (nargs < nfixed) {
    raise(&exc_TypeError, std::string(method) + "() missing required argument");
    return false;
  }
  return true;
}

Tuple* rest_tuple(const Value* args, size_t nargs, size_t first) {
  return nargs > first ? tuple_from_array(args + first, static_cast<int64_t>(nargs - first)) : nullptr;
}

Value schedule_at(LoopCoreObject* c, Value self, double when, Value callback, Tuple* args, Value context) {
  auto* t = static_cast<TimerHandleObject*>(handle_new(&timer_handle_type, callback, args, self, context));
  if (!t) return Value();
  t->when = when;
  t->scheduled = true;
  heap_push(c->timers, Value(t));
  return Value(t);
}

Value m_call_soon(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value context;
  if (!split_args("call_soon", args, nargs, kwnames, 1, &context)) return Value();
  LoopCoreObject* c = as_core(self);
  if (!check_open(c) || (c->debug && !check_callback(args[0], "call_soon"))) return Value();
  HandleObject* h = handle_new(&handle_type, args[0], rest_tuple(args, nargs, 1), self, context);
  if (!h) return Value();
  list_append(c->ready, Value(h));
  return Value(h);
}

void wake(LoopCoreObject* c) {
  if (c->wakefd < 0) return;
  uint64_t one = 1;
  // A full counter already guarantees a wake-up.
  ssize_t n = ::write(c->wakefd, &one, sizeof one);
  (void)n;
}

Value m_call_soon_threadsafe(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value context;
  if (!split_args("call_soon_threadsafe", args, nargs, kwnames, 1, &context)) return Value();
  LoopCoreObject* c = as_core(self);
  if (!check_open(c) || (c->debug && !check_callback(args[0], "call_soon_threadsafe"))) return Value();
  HandleObject* h = handle_new(&handle_type, args[0], rest_tuple(args, nargs, 1), self, context);
  if (!h) return Value();
  // Other threads append under the GIL, so the list needs no lock of its own.
  list_append(c->ready, Value(h));
  wake(c);
  return Value(h);
}

bool when_arg(Value v, const char* none_msg, double* out) {
  if (is_none(v)) {
    raise(&exc_TypeError, none_msg);
    return false;
  }
  return to_double(v, out);
}

Value m_call_at(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value context;
  if (!split_args("call_at", args, nargs, kwnames, 2, &context)) return Value();
  LoopCoreObject* c = as_core(self);
  double when;
  if (!when_arg(args[0], "when cannot be None", &when)) return Value();
  if (!check_open(c) || (c->debug && !check_callback(args[1], "call_at"))) return Value();
  return schedule_at(c, self, when, args[1], rest_tuple(args, nargs, 2), context);
}

Value m_call_later(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value context;
  if (!split_args("call_later", args, nargs, kwnames, 2, &context)) return Value();
  LoopCoreObject* c = as_core(self);
  double delay;
  if (!when_arg(args[0], "delay must not be None", &delay)) return Value();
  if (!check_open(c) || (c->debug && !check_callback(args[1], "call_later"))) return Value();
  return schedule_at(c, self, monotonic() + delay, args[1], rest_tuple(args, nargs, 2), context);
}

// Every wait on I/O, a lock or a queue makes one: no Python frame for it.
Value m_create_future(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  // Worded as CPython's Python method (self counts as an argument).
  if (kwnames && kwnames->size) {
    return raise(&exc_TypeError, "BaseEventLoop.create_future() got an unexpected keyword argument '" +
                                     std::string((*kwnames)[0].as<Str>()->view()) + "'");
  }
  if (nargs) {
    return raise(&exc_TypeError, "BaseEventLoop.create_future() takes 1 positional argument but " +
                                     std::to_string(nargs + 1) + " were given");
  }
  auto* f = static_cast<FutureObject*>(alloc_instance(&future_type));
  f->state = FutState::Pending;
  if (future_init_impl(f, self) < 0) return Value();
  return Value(f);
}

Value m_time(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("time", kwnames) || !check_nargs("time", nargs, 0, 0)) return Value();
  return float_new(monotonic());
}

Value m_timer_handle_cancelled(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_timer_handle_cancelled", kwnames) || !check_nargs("_timer_handle_cancelled", nargs, 1, 1)) return Value();
  if (!isinstance_fast(args[0], &timer_handle_type)) return raise(&exc_TypeError, "a TimerHandle is required");
  return timer_handle_cancelled(self, args[0].as<TimerHandleObject>()) ? none_value() : Value();
}

// ---- I/O registrations ----------------------------------------------------------------------

bool fd_arg(Value v, int* out) {
  Value fd = v;
  if (!int_check(v)) {
    Value meth = getattr_optional(v, intern("fileno"));
    if (!meth) {
      if (error_pending()) return false;
      Value r = repr(v);
      if (r) raise(&exc_ValueError, "Invalid file object: " + std::string(r.as<Str>()->view()));
      return false;
    }
    fd = call(meth, {});
    if (!fd) {
      if (!error_matches(&exc_AttributeError) && !error_matches(&exc_TypeError) && !error_matches(&exc_ValueError)) return false;
      error_clear();
      Value r = repr(v);
      if (r) raise(&exc_ValueError, "Invalid file object: " + std::string(r.as<Str>()->view()));
      return false;
    }
  }
  int64_t i;
  if (!int_to_i64(fd, &i)) return false;
  if (i < 0) {
    raise(&exc_ValueError, "Invalid file descriptor: " + std::to_string(i));
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

uint32_t mask_of(List* entry) {
  uint32_t m = 0;
  if (!is_none(entry->items[0])) m |= EPOLLIN;
  if (!is_none(entry->items[1])) m |= EPOLLOUT;
  return m;
}

// _add_callback(fd, write, callback, args): the handle replaces (and cancels) the previous one.
Value m_add_callback(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_add_callback", kwnames) || !check_nargs("_add_callback", nargs, 4, 4)) return Value();
  LoopCoreObject* c = as_core(self);
  if (!check_open(c)) return Value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  int write = is_true(args[1]);
  if (write < 0) return Value();
  Tuple* cb_args = nullptr;
  if (!is_none(args[3])) {
    Value t = tuple_from_iterable(args[3]);
    if (!t) return t;
    cb_args = t.as<Tuple>()->size ? t.as<Tuple>() : nullptr;
  }
  if (!ensure_epoll(c)) return Value();
  HandleObject* h = handle_new(&handle_type, args[2], cb_args, self, none_value());
  if (!h) return Value();
  Value key = Value::small_int(fd);
  Value existing = dict_get(c->io, key);
  List* entry = existing ? existing.as<List>() : nullptr;
  epoll_event ev{};
  ev.data.fd = fd;
  if (!entry) {
    entry = list_new(2);
    list_append(entry, none_value());
    list_append(entry, none_value());
    entry->items[write] = Value(h);
    ev.events = mask_of(entry);
    if (epoll_ctl(c->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) return raise_os_error(errno);
    if (dict_set(c->io, key, Value(entry)) < 0) return Value();
  } else {
    Value old = entry->items[write];
    entry->items[write] = Value(h);
    ev.events = mask_of(entry);
    if (epoll_ctl(c->epfd, EPOLL_CTL_MOD, fd, &ev) < 0) {
      int err = errno;
      entry->items[write] = old;
      return raise_os_error(err);
    }
    if (!is_none(old)) {
      old.as<HandleObject>()->cancelled = true;
      old.as<HandleObject>()->callback = Value();
      old.as<HandleObject>()->args = nullptr;
    }
  }
  return Value(h);
}

// _remove_callback(fd, write) -> whether a callback was registered.
Value m_remove_callback(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_remove_callback", kwnames) || !check_nargs("_remove_callback", nargs, 2, 2)) return Value();
  LoopCoreObject* c = as_core(self);
  if (c->closed || c->epfd < 0) return false_value();
  int fd;
  if (!fd_arg(args[0], &fd)) return Value();
  int write = is_true(args[1]);
  if (write < 0) return Value();
  Value key = Value::small_int(fd);
  Value existing = dict_get(c->io, key);
  if (!existing) return false_value();
  List* entry = existing.as<List>();
  Value old = entry->items[write];
  entry->items[write] = none_value();
  uint32_t mask = mask_of(entry);
  if (!mask) {
    // The fd may already be closed (the kernel then dropped it from the set): not an error.
    epoll_ctl(c->epfd, EPOLL_CTL_DEL, fd, nullptr);
    if (dict_del(c->io, key) < 0) return Value();
  } else {
    epoll_event ev{};
    ev.events = mask;
    ev.data.fd = fd;
    epoll_ctl(c->epfd, EPOLL_CTL_MOD, fd, &ev);
  }
  if (is_none(old)) return false_value();
  auto* h = old.as<HandleObject>();
  h->cancelled = true;
  h->callback = Value();
  h->args = nullptr;
  return true_value();
}

// ---- running --------------------------------------------------------------------------------

bool wait_for_events(LoopCoreObject* c, double timeout) {
  if (c->epfd < 0) {
    if (timeout == 0) return true;
    if (!ensure_epoll(c)) return false;
  }
  int ms = timeout < 0 ? -1 : static_cast<int>(std::ceil(std::min(timeout, kMaxWaitSeconds) * 1000.0));
  epoll_event events[256];
  int n;
  int err = 0;
  if (ms == 0) {
    n = epoll_wait(c->epfd, events, 256, 0);
    if (n < 0) err = errno;
  } else {
    ScopedGilRelease unlocked;
    n = epoll_wait(c->epfd, events, 256, ms);
    if (n < 0) err = errno;
  }
  if (n < 0) {
    // A signal: run its Python handler now; the next iteration recomputes the timeout.
    if (err == EINTR) return run_pending_signal_handlers(current_thread()) >= 0;
    raise_os_error(err);
    return false;
  }
  for (int i = 0; i < n; ++i) {
    int fd = events[i].data.fd;
    uint32_t ev = events[i].events;
    if (fd == c->wakefd) {
      uint64_t count;
      ssize_t r = ::read(c->wakefd, &count, sizeof count);
      (void)r;
      continue;
    }
    Value entry = dict_get(c->io, Value::small_int(fd));
    if (!entry) continue;
    List* e = entry.as<List>();
    // Errors and hang-ups wake both directions, as the selectors module reports them.
    if (ev & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLPRI)) {
      Value r = e->items[0];
      if (!is_none(r) && !r.as<HandleObject>()->cancelled) list_append(c->ready, r);
    }
    if (ev & (EPOLLOUT | EPOLLHUP | EPOLLERR)) {
      Value w = e->items[1];
      if (!is_none(w) && !w.as<HandleObject>()->cancelled) list_append(c->ready, w);
    }
  }
  return true;
}

bool run_once(Value self, LoopCoreObject* c) {
  List* heap = c->timers;
  if (heap->size > kMinScheduledTimers && c->timer_cancelled_count * 2 > heap->size) {
    purge_cancelled_timers(c);
  } else {
    while (heap->size && heap->items[0].as<TimerHandleObject>()->cancelled) {
      --c->timer_cancelled_count;
      heap_pop(heap).as<TimerHandleObject>()->scheduled = false;
    }
  }
  double timeout;
  if (c->ready->size || c->stopping) {
    timeout = 0;
  } else if (c->timers->size) {
    timeout = c->timers->items[0].as<TimerHandleObject>()->when - monotonic();
    if (timeout < 0) timeout = 0;
  } else {
    timeout = -1;
  }
  if (timeout != 0 || dict_size(c->io)) {
    if (!wait_for_events(c, timeout)) return false;
  }
  if (heap->size) {
    // Cancelled timers popped here are skipped when the batch runs.
    double end = monotonic() + 1e-9;
    while (heap->size && heap->items[0].as<TimerHandleObject>()->when < end) {
      auto* t = heap_pop(heap).as<TimerHandleObject>();
      t->scheduled = false;
      list_append(c->ready, Value(t));
    }
  }
  List* batch = c->ready;
  if (!batch->size) return true;
  c->ready = c->spare;
  c->spare = batch;
  for (int64_t i = 0; i < batch->size; ++i) {
    auto* h = batch->items[i].as<HandleObject>();
    if (h->cancelled) continue;
    Value r;
    if (c->debug) {
      double t0 = monotonic();
      r = handle_run(h);
      double dt = monotonic() - t0;
      if (r && dt >= c->slow_callback_duration) {
        r = call_method(self, intern("_log_slow_callback"), {Value(h), float_new(dt)});
      }
    } else {
      r = handle_run(h);
    }
    if (!r) {
      // KeyboardInterrupt/SystemExit leave the loop; the rest of the batch stays queued in
      // front of what the callbacks scheduled.
      List* rest = list_new(batch->size - i - 1 + c->ready->size);
      for (int64_t j = i + 1; j < batch->size; ++j) list_append(rest, batch->items[j]);
      for (int64_t j = 0; j < c->ready->size; ++j) list_append(rest, c->ready->items[j]);
      c->ready = rest;
      c->spare = list_new();
      return false;
    }
  }
  for (int64_t i = 0; i < batch->size; ++i) batch->items[i] = Value();
  batch->size = 0;
  return true;
}

Value m_run_once(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_run_once", kwnames) || !check_nargs("_run_once", nargs, 0, 0)) return Value();
  return run_once(self, as_core(self)) ? none_value() : Value();
}

// Runs iterations until stop(); clears the stop request on the way out.
Value m_run_until_stopped(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_run_until_stopped", kwnames) || !check_nargs("_run_until_stopped", nargs, 0, 0)) return Value();
  LoopCoreObject* c = as_core(self);
  for (;;) {
    if (!run_once(self, c)) {
      c->stopping = false;
      return Value();
    }
    if (c->stopping) break;
  }
  c->stopping = false;
  return none_value();
}

Value m_write_to_self(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_write_to_self", kwnames) || !check_nargs("_write_to_self", nargs, 0, 0)) return Value();
  wake(as_core(self));
  return none_value();
}

// Drops everything scheduled and releases the fds (loop.close()).
Value m_close_core(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_close_core", kwnames) || !check_nargs("_close_core", nargs, 0, 0)) return Value();
  LoopCoreObject* c = as_core(self);
  c->closed = true;
  c->ready = list_new();
  c->spare = list_new();
  c->timers = list_new();
  c->io = dict_new();
  core_finalize(c);
  return none_value();
}

Value core_tp_new(Type* type, const Value*, size_t, Tuple*) {
  auto* c = static_cast<LoopCoreObject*>(alloc_instance(type));
  c->ready = list_new();
  c->spare = list_new();
  c->timers = list_new();
  c->io = dict_new();
  c->slow_callback_duration = 0.1;
  c->epfd = -1;
  c->wakefd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (c->wakefd < 0) return raise_os_error(errno);
  register_finalizer(c, core_finalize);
  return Value(c);
}

Value get_ready(Value self) { return Value(as_core(self)->ready); }
Value get_scheduled(Value self) { return Value(as_core(self)->timers); }
Value get_stopping(Value self) { return bool_value(as_core(self)->stopping); }
Value get_closed(Value self) { return bool_value(as_core(self)->closed); }
Value get_debug(Value self) { return bool_value(as_core(self)->debug); }
Value get_cancelled_count(Value self) { return int_from_i64(as_core(self)->timer_cancelled_count); }
Value get_slow(Value self) { return float_new(as_core(self)->slow_callback_duration); }

int set_flag(Value v, bool* out) {
  if (!v) return raise(&exc_AttributeError, "cannot delete attribute"), -1;
  int b = is_true(v);
  if (b < 0) return -1;
  *out = b;
  return 0;
}
int set_stopping(Value self, Value v) { return set_flag(v, &as_core(self)->stopping); }
int set_closed(Value self, Value v) { return set_flag(v, &as_core(self)->closed); }
int set_debug(Value self, Value v) { return set_flag(v, &as_core(self)->debug); }
int set_slow(Value self, Value v) {
  if (!v) return raise(&exc_AttributeError, "cannot delete attribute"), -1;
  double d;
  if (!to_double(v, &d)) return -1;
  as_core(self)->slow_callback_duration = d;
  return 0;
}

const MethodDef kCoreMethods[] = {
    {"call_soon", m_call_soon},
    {"call_soon_threadsafe", m_call_soon_threadsafe},
    {"call_at", m_call_at},
    {"call_later", m_call_later},
    {"time", m_time},
    {"create_future", m_create_future},
    {"_timer_handle_cancelled", m_timer_handle_cancelled},
    {"_add_callback", m_add_callback},
    {"_remove_callback", m_remove_callback},
    {"_run_once", m_run_once},
    {"_run_until_stopped", m_run_until_stopped},
    {"_write_to_self", m_write_to_self},
    {"_close_core", m_close_core},
    {nullptr, nullptr},
};

const GetSetDef kCoreGetSets[] = {
    {"_ready", get_ready, nullptr},
    {"_scheduled", get_scheduled, nullptr},
    {"_stopping", get_stopping, set_stopping},
    {"_closed", get_closed, set_closed},
    {"_debug", get_debug, set_debug},
    {"_timer_cancelled_count", get_cancelled_count, nullptr},
    {"slow_callback_duration", get_slow, set_slow},
    {nullptr, nullptr, nullptr},
};

}  // namespace

bool timer_handle_cancelled(Value loop, TimerHandleObject* h) {
  if (!isinstance_fast(loop, &loop_core_type)) {
    return static_cast<bool>(call_method(loop, intern("_timer_handle_cancelled"), {Value(h)}));
  }
  if (!h->scheduled) return true;
  ++as_core(loop)->timer_cancelled_count;
  return true;
}

Value loop_call_soon(Value loop, Value callback, Value arg, Value context) {
  if (isinstance_fast(loop, &loop_core_type)) {
    LoopCoreObject* c = as_core(loop);
    if (!check_open(c)) return Value();
    HandleObject* h = handle_new(&handle_type, callback, arg ? tuple_of({arg}) : nullptr, loop, context);
    if (!h) return Value();
    list_append(c->ready, Value(h));
    return Value(h);
  }
  static Tuple* const kContextKw = tuple_of({Value(intern("context"))});
  Value meth = getattr(loop, intern("call_soon"));
  if (!meth) return meth;
  Value args[3] = {callback, arg, context};
  if (arg) return call(meth, args, 2, kContextKw);
  args[1] = context;
  return call(meth, args, 1, kContextKw);
}

void asyncio_loop_core_types_init() {
  if (loop_core_type.name) return;
  loop_core_type.basicsize = sizeof(LoopCoreObject);
  loop_core_type.dict_offset = static_cast<int32_t>(offsetof(LoopCoreObject, dict));
  loop_core_type.flags |= kTypeBaseType;
  loop_core_type.tp_new = core_tp_new;
  type_ready(&loop_core_type, "_asyncio.LoopCore", nullptr, kCoreMethods, kCoreGetSets);
}

}  // namespace minipy
