// The signal module over runtime/signals.h: Python handlers run in the main thread between
// bytecodes (the C handler only records the signal), so everything here that installs a
// handler must be called from the main thread, as in CPython.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

constexpr int64_t kSigDfl = 0, kSigIgn = 1;

Value g_default_int_handler;  // the module's default_int_handler function
Value g_itimer_error;         // signal.ItimerError

bool signum_arg(Value v, int* out) {
  int64_t s;
  if (!index_to_i64(v, &s)) return false;
  if (s < 1 || s >= kMaxSignal) {
    raise(&exc_ValueError, "signal number out of range");
    return false;
  }
  *out = static_cast<int>(s);
  return true;
}

bool int_arg(Value v, int* out) {
  int64_t i;
  if (!index_to_i64(v, &i)) return false;
  if (i < INT32_MIN || i > INT32_MAX) {
    raise(&exc_OverflowError, i < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

// The handler Python sees for `signum`: the one set through signal.signal, or what the
// process inherited (SIG_IGN / SIG_DFL).
Value current_handler(int signum) {
  Value h = signal_handler(signum);
  if (h) return h;
  struct sigaction sa;
  if (sigaction(signum, nullptr, &sa) == 0 && sa.sa_handler == SIG_IGN) return Value::small_int(kSigIgn);
  return Value::small_int(kSigDfl);
}

bool main_thread_only(const char* what) {
  if (is_main_thread(current_thread())) return true;
  raise(&exc_ValueError, std::string(what) + " only works in main thread of the main interpreter");
  return false;
}

Value signal_signal(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("signal", kwnames) || !check_nargs("signal", nargs, 2, 2)) return Value();
  int signum;
  if (!signum_arg(args[0], &signum)) return Value();
  Value handler = args[1];
  bool is_int = int_check(handler);
  int64_t which = -1;
  if (is_int && !int_to_i64(handler, &which)) which = -1;
  if (is_int ? (which != kSigDfl && which != kSigIgn) : !is_callable(handler)) {
    return raise(&exc_TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (!main_thread_only("signal")) return Value();
  // SIGKILL, SIGSTOP and the signals the C library reserves for itself cannot be caught.
  sigset_t valid;
  sigfillset(&valid);
  if (signum == SIGKILL || signum == SIGSTOP || sigismember(&valid, signum) != 1) return raise_os_error(EINVAL);
  Value previous = current_handler(signum);
  set_signal_handler(signum, is_int ? Value::small_int(which) : handler);
  return previous;
}

Value signal_getsignal(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getsignal", kwnames) || !check_nargs("getsignal", nargs, 1, 1)) return Value();
  int signum;
  if (!signum_arg(args[0], &signum)) return Value();
  return current_handler(signum);
}

Value signal_default_int_handler(Value, const Value*, size_t, Tuple*) { return raise_empty(&exc_KeyboardInterrupt); }

Value signal_alarm(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("alarm", kwnames) || !check_nargs("alarm", nargs, 1, 1)) return Value();
  int seconds;
  if (!int_arg(args[0], &seconds)) return Value();
  return Value::small_int(::alarm(static_cast<unsigned>(seconds)));
}

Value signal_pause(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pause", kwnames) || !check_nargs("pause", nargs, 0, 0)) return Value();
  {
    ScopedGilRelease unlocked;
    ::pause();
  }
  if (run_pending_signal_handlers(current_thread()) < 0) return Value();
  return none_value();
}

Value signal_raise_signal(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("raise_signal", kwnames) || !check_nargs("raise_signal", nargs, 1, 1)) return Value();
  int signum;
  if (!int_arg(args[0], &signum)) return Value();
  if (signum < 0 || signum >= kMaxSignal) return raise(&exc_ValueError, "signal number out of range");
  if (::raise(signum) != 0) return raise_os_error(errno);
  // The handler runs before raise_signal returns, as CPython checks signals right away.
  if (run_pending_signal_handlers(current_thread()) < 0) return Value();
  return none_value();
}

Value signal_strsignal(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("strsignal", kwnames) || !check_nargs("strsignal", nargs, 1, 1)) return Value();
  int signum;
  if (!signum_arg(args[0], &signum)) return Value();
  const char* text = ::strsignal(signum);
  if (!text) return none_value();
  return Value(str_new(text));
}

Value signal_valid_signals(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("valid_signals", kwnames) || !check_nargs("valid_signals", nargs, 0, 0)) return Value();
  sigset_t all;
  sigfillset(&all);
  Set* out = set_new();
  for (int s = 1; s < kMaxSignal; ++s) {
    if (sigismember(&all, s) == 1 && set_add(out, Value::small_int(s)) < 0) return Value();
  }
  return Value(out);
}

Value signal_set_wakeup_fd(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"set_wakeup_fd", {"fd", "warn_on_full_buffer"}, 1, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  int fd;
  if (!int_arg(a[0], &fd)) return Value();
  if (!main_thread_only("set_wakeup_fd")) return Value();
  if (fd != -1) {
    struct stat st;
    if (::fstat(fd, &st) < 0) return raise_os_error(errno);
    int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0) return raise_os_error(errno);
    if (!(flags & O_NONBLOCK)) {
      return raise(&exc_ValueError, "the fd " + std::to_string(fd) + " must be in non-blocking mode");
    }
  }
  return Value::small_int(set_signal_wakeup_fd(fd));
}

Value timeval_seconds(const timeval& tv) {
  return float_new(static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6);
}

bool seconds_to_timeval(Value v, timeval* out) {
  double d;
  if (!to_double(v, &d)) return false;
  double whole = std::floor(d);
  out->tv_sec = static_cast<time_t>(whole);
  out->tv_usec = static_cast<suseconds_t>(std::round((d - whole) * 1e6));
  if (out->tv_usec >= 1000000) {
    out->tv_sec += 1;
    out->tv_usec -= 1000000;
  }
  // A positive interval shorter than the resolution must not become 0, which disarms.
  if (out->tv_sec == 0 && out->tv_usec == 0 && d > 0) out->tv_usec = 1;
  return true;
}

Value itimer_error(int err) {
  Value exc = call(g_itimer_error, {Value::small_int(err), Value(str_new(std::strerror(err)))});
  if (!exc) return Value();
  return raise_value(exc);
}

Value signal_setitimer(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setitimer", kwnames) || !check_nargs("setitimer", nargs, 2, 3)) return Value();
  int which;
  itimerval nv = {}, old = {};
  if (!int_arg(args[0], &which) || !seconds_to_timeval(args[1], &nv.it_value) ||
      (nargs == 3 && !seconds_to_timeval(args[2], &nv.it_interval)))
    return Value();
  if (::setitimer(which, &nv, &old) < 0) return itimer_error(errno);
  return Value(tuple_of({timeval_seconds(old.it_value), timeval_seconds(old.it_interval)}));
}

Value signal_getitimer(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getitimer", kwnames) || !check_nargs("getitimer", nargs, 1, 1)) return Value();
  int which;
  if (!int_arg(args[0], &which)) return Value();
  itimerval cur;
  if (::getitimer(which, &cur) < 0) return itimer_error(errno);
  return Value(tuple_of({timeval_seconds(cur.it_value), timeval_seconds(cur.it_interval)}));
}

Value signal_pthread_kill(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pthread_kill", kwnames) || !check_nargs("pthread_kill", nargs, 2, 2)) return Value();
  mpz_t id;
  if (!int_check(args[0])) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  int signum;
  if (!int_arg(args[1], &signum)) return Value();
  mpz_init(id);
  int_to_mpz(args[0], id);
  if (mpz_sgn(id) < 0 || !mpz_fits_ulong_p(id)) return raise(&exc_OverflowError, "Python int too large to convert to C unsigned long");
  int rc = ::pthread_kill(static_cast<pthread_t>(mpz_get_ui(id)), signum);
  if (rc != 0) return raise_os_error(rc);
  if (run_pending_signal_handlers(current_thread()) < 0) return Value();
  return none_value();
}

const MethodDef kSignalFunctions[] = {
    {"signal", signal_signal},
    {"getsignal", signal_getsignal},
    {"default_int_handler", signal_default_int_handler},
    {"alarm", signal_alarm},
    {"pause", signal_pause},
    {"raise_signal", signal_raise_signal},
    {"strsignal", signal_strsignal},
    {"valid_signals", signal_valid_signals},
    {"set_wakeup_fd", signal_set_wakeup_fd},
    {"setitimer", signal_setitimer},
    {"getitimer", signal_getitimer},
    {"pthread_kill", signal_pthread_kill},
    {nullptr, nullptr},
};

struct IntConstant {
  const char* name;
  int value;
};

const IntConstant kSignalConstants[] = {
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS},
    {"SIG_DFL", kSigDfl}, {"SIG_IGN", kSigIgn}, {"NSIG", kMaxSignal},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
    {nullptr, 0},
};

}  // namespace

Value signal_module_create() {
  Module* m = module_new(intern("signal"));
  module_add_functions(m, kSignalFunctions);
  for (const IntConstant* c = kSignalConstants; c->name; ++c) module_add(m, c->name, Value::small_int(c->value));
  // SIGRTMIN/SIGRTMAX are functions in C (glibc reserves the first real-time signals).
  module_add(m, "SIGRTMIN", Value::small_int(SIGRTMIN));
  module_add(m, "SIGRTMAX", Value::small_int(SIGRTMAX));
  g_default_int_handler = dict_get_cstr(m->dict, "default_int_handler");
  // KeyboardInterrupt on SIGINT is what runtime/signals.cpp does without a handler; make it
  // visible as CPython's default_int_handler, the handler Python code sees and can restore.
  if (!signal_handler(SIGINT) && is_main_thread(current_thread())) set_signal_handler(SIGINT, g_default_int_handler);
  if (!g_itimer_error) {
    Dict* ns = dict_new();
    dict_set_cstr(ns, "__module__", Value(intern("signal")));
    g_itimer_error = call(Value(&type_type), {Value(intern("itimer_error")), Value(tuple_of({Value(&exc_OSError)})),
                                              Value(ns)});
    if (!g_itimer_error) return Value();
  }
  module_add(m, "ItimerError", g_itimer_error);
  return Value(m);
}

}  // namespace minipy
