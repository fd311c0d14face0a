// The time module: clocks, sleep (which releases the GIL and wakes for signals), and the
// struct_time conversions.
#include <errno.h>
#include <time.h>

#include <cmath>
#include <string>

#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/struct_seq.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

Type* g_struct_time = nullptr;

int64_t clock_ns(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

template <clockid_t Clock>
Value clock_seconds(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("time", kwnames) || !check_nargs("time", nargs, 0, 0)) return Value();
  return float_new(static_cast<double>(clock_ns(Clock)) * 1e-9);
}

template <clockid_t Clock>
Value clock_nanoseconds(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("time_ns", kwnames) || !check_nargs("time_ns", nargs, 0, 0)) return Value();
  return int_from_i64(clock_ns(Clock));
}

Value time_sleep(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("sleep", kwnames) || !check_nargs("sleep", nargs, 1, 1)) return Value();
  if (!int_check(args[0]) && !float_check(args[0])) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  double secs;
  if (!to_double(args[0], &secs)) return Value();
  if (std::isnan(secs)) return raise(&exc_ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return raise(&exc_ValueError, "sleep length must be non-negative");
  if (secs > 9.2e9) return raise(&exc_OverflowError, "sleep length is too large");
  int64_t deadline = clock_ns(CLOCK_MONOTONIC) + static_cast<int64_t>(secs * 1e9);
  timespec until{static_cast<time_t>(deadline / 1'000'000'000), static_cast<long>(deadline % 1'000'000'000)};
  for (;;) {
    int rc;
    {
      ScopedGilRelease unlocked;
      rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr);
    }
    if (rc == 0) return none_value();
    if (rc != EINTR) return raise_os_error(rc);
    // A signal: its handler runs now; if it raises (Ctrl-C), the sleep ends with it.
    if (run_pending_signal_handlers(current_thread()) < 0) return Value();
  }
}

// Reads seconds-since-epoch from an optional argument (None or missing: now).
bool seconds_arg(const Value* args, size_t nargs, time_t* out) {
  if (nargs == 0 || is_none(args[0])) {
    *out = ::time(nullptr);
    return true;
  }
  double d;
  if (!to_double(args[0], &d)) return false;
  if (!std::isfinite(d)) {
    raise(&exc_ValueError, std::isnan(d) ? "Invalid value NaN (not a number)" : "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(std::floor(d));
  return true;
}

Value struct_time_from_tm(const struct tm& tm) {
  return struct_seq_new(g_struct_time,
                        {Value::small_int(tm.tm_year + 1900), Value::small_int(tm.tm_mon + 1),
                         Value::small_int(tm.tm_mday), Value::small_int(tm.tm_hour), Value::small_int(tm.tm_min),
                         Value::small_int(tm.tm_sec), Value::small_int((tm.tm_wday + 6) % 7),
                         Value::small_int(tm.tm_yday + 1), Value::small_int(tm.tm_isdst),
                         tm.tm_zone ? Value(str_new(tm.tm_zone)) : none_value(), int_from_i64(tm.tm_gmtoff)});
}

// A struct_time or 9-tuple back into struct tm.
bool tm_from_value(const char* fname, Value v, struct tm* tm) {
  if (!tuple_check(v) || v.as<Tuple>()->size != 9) {
    raise(&exc_TypeError, std::string(fname) + "(): illegal time tuple argument");
    return false;
  }
  int64_t f[9];
  for (int i = 0; i < 9; ++i) {
    if (!index_to_i64((*v.as<Tuple>())[i], &f[i])) return false;
  }
  *tm = {};
  tm->tm_year = static_cast<int>(f[0] - 1900);
  tm->tm_mon = static_cast<int>(f[1] - 1);
  tm->tm_mday = static_cast<int>(f[2]);
  tm->tm_hour = static_cast<int>(f[3]);
  tm->tm_min = static_cast<int>(f[4]);
  tm->tm_sec = static_cast<int>(f[5]);
  tm->tm_wday = static_cast<int>((f[6] + 1) % 7);
  tm->tm_yday = static_cast<int>(f[7] - 1);
  tm->tm_isdst = static_cast<int>(f[8]);
  if (f[1] < 1 || f[1] > 12) {
    raise(&exc_ValueError, "month out of range");
    return false;
  }
  return true;
}

Value time_localtime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("localtime", kwnames) || !check_nargs("localtime", nargs, 0, 1)) return Value();
  time_t t;
  if (!seconds_arg(args, nargs, &t)) return Value();
  struct tm tm;
  if (!localtime_r(&t, &tm)) return raise_os_error(errno);
  return struct_time_from_tm(tm);
}

Value time_gmtime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("gmtime", kwnames) || !check_nargs("gmtime", nargs, 0, 1)) return Value();
  time_t t;
  if (!seconds_arg(args, nargs, &t)) return Value();
  struct tm tm;
  if (!gmtime_r(&t, &tm)) return raise_os_error(errno);
  return struct_time_from_tm(tm);
}

Value time_mktime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("mktime", kwnames) || !check_nargs("mktime", nargs, 1, 1)) return Value();
  struct tm tm;
  if (!tm_from_value("mktime", args[0], &tm)) return Value();
  time_t t = ::mktime(&tm);
  if (t == -1) return raise(&exc_OverflowError, "mktime argument out of range");
  return float_new(static_cast<double>(t));
}

Value time_strftime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("strftime", kwnames) || !check_nargs("strftime", nargs, 1, 2)) return Value();
  if (!str_check(args[0])) {
    return raise(&exc_TypeError, std::string("strftime() argument 1 must be str, not ") + type_name(args[0]));
  }
  struct tm tm;
  if (nargs == 2) {
    if (!tm_from_value("strftime", args[1], &tm)) return Value();
  } else {
    time_t now = ::time(nullptr);
    localtime_r(&now, &tm);
  }
  std::string fmt(args[0].as<Str>()->view());
  if (fmt.empty()) return Value(str_new(""));
  // strftime gives no way to tell "empty result" from "buffer too small": grow until it fits.
  for (size_t cap = 256; cap <= (1u << 20); cap *= 4) {
    std::string buf(cap, '\0');
    size_t n = ::strftime(buf.data(), cap, fmt.c_str(), &tm);
    if (n > 0 || cap > fmt.size() * 64) return Value(str_new(std::string_view(buf.data(), n)));
  }
  return Value(str_new(""));
}

std::string asctime_text(const struct tm& tm) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %d", days[tm.tm_wday % 7], months[tm.tm_mon % 12],
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
  return buf;
}

Value time_ctime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("ctime", kwnames) || !check_nargs("ctime", nargs, 0, 1)) return Value();
  time_t t;
  if (!seconds_arg(args, nargs, &t)) return Value();
  struct tm tm;
  localtime_r(&t, &tm);
  return Value(str_new(asctime_text(tm)));
}

Value time_asctime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("asctime", kwnames) || !check_nargs("asctime", nargs, 0, 1)) return Value();
  struct tm tm;
  if (nargs == 1) {
    if (!tm_from_value("asctime", args[0], &tm)) return Value();
  } else {
    time_t now = ::time(nullptr);
    localtime_r(&now, &tm);
  }
  return Value(str_new(asctime_text(tm)));
}

const MethodDef kTimeFunctions[] = {
    {"time", clock_seconds<CLOCK_REALTIME>},
    {"time_ns", clock_nanoseconds<CLOCK_REALTIME>},
    {"monotonic", clock_seconds<CLOCK_MONOTONIC>},
    {"monotonic_ns", clock_nanoseconds<CLOCK_MONOTONIC>},
    {"perf_counter", clock_seconds<CLOCK_MONOTONIC>},
    {"perf_counter_ns", clock_nanoseconds<CLOCK_MONOTONIC>},
    {"process_time", clock_seconds<CLOCK_PROCESS_CPUTIME_ID>},
    {"process_time_ns", clock_nanoseconds<CLOCK_PROCESS_CPUTIME_ID>},
    {"thread_time", clock_seconds<CLOCK_THREAD_CPUTIME_ID>},
    {"thread_time_ns", clock_nanoseconds<CLOCK_THREAD_CPUTIME_ID>},
    {"sleep", time_sleep},
    {"localtime", time_localtime},
    {"gmtime", time_gmtime},
    {"mktime", time_mktime},
    {"strftime", time_strftime},
    {"ctime", time_ctime},
    {"asctime", time_asctime},
    {nullptr, nullptr},
};

}  // namespace

Value time_module_create() {
  if (!g_struct_time) {
    g_struct_time = struct_seq_type_new("time.struct_time", {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                                             "tm_sec", "tm_wday", "tm_yday", "tm_isdst"});
    struct_seq_add_hidden_fields(g_struct_time, {"tm_zone", "tm_gmtoff"});
  }
  Module* m = module_new(intern("time"));
  module_add_functions(m, kTimeFunctions);
  module_add(m, "struct_time", Value(g_struct_time));
  tzset();
  module_add(m, "timezone", int_from_i64(timezone));
  module_add(m, "altzone", int_from_i64(timezone - 3600));
  module_add(m, "daylight", int_from_i64(daylight));
  module_add(m, "tzname", Value(tuple_of({Value(str_new(tzname[0])), Value(str_new(tzname[1]))})));
  return Value(m);
}

}  // namespace minipy
