// Timeline tracing (see trace.h and docs/instrumentation.md).
//
// Each thread owns one ThreadTrace, created at its first event of a session: a fixed array of
// events plus the span that is open right now (the thread's current GIL state) and a small
// stack of open task steps. A state change closes the open span into the array and opens the
// next one; a full array drops events and counts them, so memory stays bounded however long
// the trace runs. Task steps split the surrounding "running" span so that GIL spans always
// nest inside steps, which keeps the timeline well formed for viewers that require nesting.
//
// All hooks take one mutex. They run only while tracing (a few thousand GIL hand-offs per
// second at most), and gil.cpp already serialises the GIL ones behind its own mutex.
#include "runtime/trace.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/thread_state.h"

namespace minipy {

std::atomic<bool> g_trace_enabled{false};

namespace {

enum class Kind : uint8_t { None, Running, Waiting, Blocked, TaskStep };

constexpr size_t kNameSize = 47;  // with the other fields, one event is 64 bytes
constexpr size_t kEventsPerThread = size_t(1) << 15;
constexpr int kMaxStepDepth = 16;

struct Event {
  uint64_t start_ns;
  uint64_t dur_ns;
  Kind kind;
  char name[kNameSize];  // task steps only
};

struct Step {
  uint64_t start_ns;
  char name[kNameSize];
};

struct ThreadTrace {
  uint64_t thread_id = 0;
  uint64_t native_id = 0;
  std::string name;  // known once the thread has exited
  bool exited = false;
  Kind open = Kind::None;
  uint64_t open_since_ns = 0;
  Step steps[kMaxStepDepth];
  int depth = 0;          // open steps, may exceed kMaxStepDepth (those are not recorded)
  std::unique_ptr<Event[]> events{new Event[kEventsPerThread]};
  size_t count = 0;
  uint64_t dropped = 0;
};

// A pointer so that a forked child can start from a fresh one (see trace_reinit_after_fork).
std::mutex* g_mutex = new std::mutex();
std::vector<std::unique_ptr<ThreadTrace>> g_threads;
std::string g_path;
uint64_t g_start_ns = 0;
// Sessions are numbered so that a thread-local pointer from an earlier session is never used.
uint64_t g_session = 0;
thread_local ThreadTrace* t_trace = nullptr;
thread_local uint64_t t_session = 0;

uint64_t now_ns() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(t.tv_nsec);
}

// Copies at most kNameSize - 1 bytes without cutting a UTF-8 sequence in two.
void copy_name(char* dst, const std::string& src) {
  size_t n = src.size();
  if (n > kNameSize - 1) {
    n = kNameSize - 1;
    while (n > 0 && (static_cast<unsigned char>(src[n]) & 0xC0) == 0x80) --n;
  }
  std::memcpy(dst, src.data(), n);
  dst[n] = '\0';
}

// The calling thread's trace for the running session; *g_mutex held.
ThreadTrace* thread_trace(ThreadState* ts) {
  if (t_trace && t_session == g_session) return t_trace;
  auto t = std::make_unique<ThreadTrace>();
  t->thread_id = ts->thread_id;
  t->native_id = ts->native_id ? ts->native_id : static_cast<uint64_t>(::gettid());
  t_trace = t.get();
  t_session = g_session;
  g_threads.push_back(std::move(t));
  return t_trace;
}

void record(ThreadTrace* t, Kind kind, uint64_t start, uint64_t end, const char* name) {
  if (t->count == kEventsPerThread) {
    ++t->dropped;
    return;
  }
  Event& e = t->events[t->count++];
  e.start_ns = start;
  e.dur_ns = end > start ? end - start : 0;
  e.kind = kind;
  std::strcpy(e.name, name);
}

void close_open(ThreadTrace* t, uint64_t now) {
  if (t->open != Kind::None) record(t, t->open, t->open_since_ns, now, "");
  t->open = Kind::None;
}

void open_span(ThreadTrace* t, Kind kind, uint64_t now) {
  close_open(t, now);
  t->open = kind;
  t->open_since_ns = now;
}

const char* span_name(Kind kind) {
  switch (kind) {
    case Kind::Running: return "running Python (holds GIL)";
    case Kind::Waiting: return "waiting for GIL";
    case Kind::Blocked: return "blocked in I/O / sleep (GIL released)";
    default: return "";
  }
}

void write_json_string(FILE* f, const char* s) {
  std::fputc('"', f);
  for (; *s; ++s) {
    unsigned char c = static_cast<unsigned char>(*s);
    if (c == '"' || c == '\\') {
      std::fputc('\\', f);
      std::fputc(c, f);
    } else if (c < 0x20) {
      std::fprintf(f, "\\u%04x", c);
    } else {
      std::fputc(c, f);
    }
  }
  std::fputc('"', f);
}

// Microseconds with nanosecond digits, as the trace format wants them.
void write_us(FILE* f, uint64_t ns) {
  std::fprintf(f, "%llu.%03llu", static_cast<unsigned long long>(ns / 1000),
               static_cast<unsigned long long>(ns % 1000));
}

// The threading name of a live thread, "" if unknown. Needs the GIL; leaves no error behind.
std::string live_thread_name(uint64_t thread_id) {
  Value threading = dict_get_cstr(modules_dict(), "threading");
  if (!threading) return std::string();
  std::string name;
  Value saved = error_pending() ? error_fetch() : Value();
  Value active = getattr_cstr(threading, "_active");
  if (active && dict_check(active)) {
    Value key = int_from_u64(thread_id);
    Value thread = key ? dict_get(active.as<Dict>(), key) : Value();
    Value n = thread ? getattr_cstr(thread, "_name") : Value();
    if (n && str_check(n)) name = std::string(n.as<Str>()->view());
  }
  if (error_pending()) error_clear();
  if (saved) error_restore(saved);
  return name;
}

bool write_trace(FILE* f, const std::vector<std::unique_ptr<ThreadTrace>>& threads, uint64_t start_ns,
                 uint64_t stop_ns) {
  uint64_t dropped = 0;
  for (auto& t : threads) dropped += t->dropped;
  int pid = static_cast<int>(::getpid());
  std::fprintf(f, "{\"traceEvents\":[\n");
  std::fprintf(f, "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":0,\"args\":{\"name\":\"minipy\"}}", pid);
  for (auto& t : threads) {
    unsigned long long tid = t->native_id;
    std::fprintf(f, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":%llu,\"args\":{\"name\":", pid, tid);
    write_json_string(f, t->name.c_str());
    std::fprintf(f, ",\"ident\":%llu}}", static_cast<unsigned long long>(t->thread_id));
    for (size_t i = 0; i < t->count; ++i) {
      const Event& e = t->events[i];
      bool step = e.kind == Kind::TaskStep;
      std::fprintf(f, ",\n{\"name\":");
      write_json_string(f, step ? e.name : span_name(e.kind));
      std::fprintf(f, ",\"cat\":\"%s\",\"ph\":\"X\",\"pid\":%d,\"tid\":%llu,\"ts\":", step ? "asyncio" : "gil", pid, tid);
      write_us(f, e.start_ns - start_ns);
      std::fprintf(f, ",\"dur\":");
      write_us(f, e.dur_ns);
      std::fputc('}', f);
    }
  }
  std::fprintf(f, "\n],\"displayTimeUnit\":\"ms\",\"otherData\":{\"producer\":\"minipy\",\"duration_us\":");
  write_us(f, stop_ns - start_ns);
  std::fprintf(f, ",\"dropped_events\":%llu}}\n", static_cast<unsigned long long>(dropped));
  return !std::ferror(f);
}

}  // namespace

bool trace_start(const std::string& path, std::string* error) {
  ThreadState* ts = current_thread();
  std::lock_guard<std::mutex> lock(*g_mutex);
  if (g_trace_enabled.load(std::memory_order_relaxed)) {
    *error = "a trace is already running (writing to " + g_path + ")";
    return false;
  }
  g_threads.clear();
  ++g_session;
  g_path = path;
  g_start_ns = now_ns();
  // The caller holds the GIL: its running span starts now.
  open_span(thread_trace(ts), Kind::Running, g_start_ns);
  g_trace_enabled.store(true, std::memory_order_relaxed);
  return true;
}

bool trace_stop(std::string* error) {
  std::vector<std::unique_ptr<ThreadTrace>> threads;
  std::string path;
  uint64_t start;
  uint64_t stop;
  {
    std::lock_guard<std::mutex> lock(*g_mutex);
    if (!g_trace_enabled.load(std::memory_order_relaxed)) {
      *error = "no trace is running";
      return false;
    }
    g_trace_enabled.store(false, std::memory_order_relaxed);
    start = g_start_ns;
    stop = now_ns();
    // Whatever is still open ends with the trace; an exited thread has nothing open.
    for (auto& t : g_threads) {
      for (int d = std::min(t->depth, kMaxStepDepth) - 1; d >= 0; --d)
        record(t.get(), Kind::TaskStep, t->steps[d].start_ns, stop, t->steps[d].name);
      t->depth = 0;
      close_open(t.get(), stop);
    }
    threads.swap(g_threads);
    path = g_path;
    g_path.clear();
  }
  // Names are looked up outside the mutex: it runs Python-level attribute lookups.
  uint64_t main_native = static_cast<uint64_t>(::getpid());
  for (auto& t : threads) {
    if (t->name.empty()) t->name = live_thread_name(t->thread_id);
    if (t->name.empty()) t->name = t->native_id == main_native ? "MainThread" : "thread " + std::to_string(t->thread_id);
  }
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    *error = "cannot write trace to '" + path + "': " + std::strerror(errno);
    return false;
  }
  bool ok = write_trace(f, threads, start, stop);
  if (std::fclose(f) != 0) ok = false;
  if (!ok) *error = "cannot write trace to '" + path + "': " + std::strerror(errno);
  return ok;
}

std::string trace_path() {
  std::lock_guard<std::mutex> lock(*g_mutex);
  return g_path;
}

uint64_t trace_dropped_events() {
  std::lock_guard<std::mutex> lock(*g_mutex);
  uint64_t n = 0;
  for (auto& t : g_threads) n += t->dropped;
  return n;
}

void trace_task_step_begin(ThreadState* ts, const std::string& task_name) {
  if (!trace_enabled()) return;
  uint64_t now = now_ns();
  std::lock_guard<std::mutex> lock(*g_mutex);
  if (!trace_enabled()) return;
  ThreadTrace* t = thread_trace(ts);
  if (t->open == Kind::Running) open_span(t, Kind::Running, now);
  if (t->depth < kMaxStepDepth) {
    t->steps[t->depth].start_ns = now;
    copy_name(t->steps[t->depth].name, task_name);
  }
  ++t->depth;
}

void trace_task_step_end(ThreadState* ts) {
  if (!trace_enabled()) return;
  uint64_t now = now_ns();
  std::lock_guard<std::mutex> lock(*g_mutex);
  if (!trace_enabled()) return;
  ThreadTrace* t = thread_trace(ts);
  if (t->depth == 0) return;
  --t->depth;
  if (t->open == Kind::Running) open_span(t, Kind::Running, now);
  if (t->depth < kMaxStepDepth) record(t, Kind::TaskStep, t->steps[t->depth].start_ns, now, t->steps[t->depth].name);
}

void trace_gil_wait_begin(ThreadState* ts, uint64_t now) {
  std::lock_guard<std::mutex> lock(*g_mutex);
  if (!trace_enabled()) return;
  ThreadTrace* t = thread_trace(ts);
  // A forced release already opened the wait.
  if (t->open != Kind::Waiting) open_span(t, Kind::Waiting, now);
}

void trace_gil_taken(ThreadState* ts, uint64_t now) {
  std::lock_guard<std::mutex> lock(*g_mutex);
  if (!trace_enabled()) return;
  open_span(thread_trace(ts), Kind::Running, now);
}

void trace_gil_released(ThreadState* ts, uint64_t now, bool blocking) {
  std::lock_guard<std::mutex> lock(*g_mutex);
  if (!trace_enabled()) return;
  ThreadTrace* t = thread_trace(ts);
  if (t->exited) {
    close_open(t, now);
    return;
  }
  open_span(t, blocking ? Kind::Blocked : Kind::Waiting, now);
}

void trace_thread_exit(ThreadState* ts, Value bootstrap) {
  if (!trace_enabled()) return;
  std::string name;
  Value saved = error_pending() ? error_fetch() : Value();
  Value thread = getattr_cstr(bootstrap, "__self__");
  Value n = thread ? getattr_cstr(thread, "_name") : Value();
  if (n && str_check(n)) name = std::string(n.as<Str>()->view());
  if (error_pending()) error_clear();
  if (saved) error_restore(saved);
  std::lock_guard<std::mutex> lock(*g_mutex);
  if (!trace_enabled()) return;
  ThreadTrace* t = thread_trace(ts);
  t->name = name;
  t->exited = true;
}


void trace_reinit_after_fork() {
  // The parent's lock may be held by a thread that does not exist here: leak it. The child
  // does not write the parent's trace (it would overwrite the parent's file).
  g_mutex = new std::mutex();
  g_trace_enabled.store(false, std::memory_order_relaxed);
  ++g_session;
  g_threads.clear();
  g_path.clear();
}

}  // namespace minipy
