// Timeline tracing of GIL hand-offs and asyncio task steps (docs/instrumentation.md).
//
// When on (`-X trace=FILE`, gil.trace_start), every thread records its state changes into a
// fixed-size buffer of its own: "running Python (holds GIL)", "waiting for GIL", "blocked in
// I/O / sleep (GIL released)", and task-step spans emitted by asyncio. trace_stop() writes them
// as a Chrome-trace / Perfetto JSON file. When off, the only cost is trace_enabled() at GIL
// transitions: one relaxed load of a global flag.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "objects/object.h"

namespace minipy {

struct ThreadState;

extern std::atomic<bool> g_trace_enabled;

inline bool trace_enabled() { return g_trace_enabled.load(std::memory_order_relaxed); }

// Starts recording into memory; the file is written by trace_stop(). Returns false with
// `error` set when a trace is already running.
bool trace_start(const std::string& path, std::string* error);
// Stops recording and writes the JSON file. Needs the GIL (it looks up thread names in the
// threading module). Returns false with `error` set when no trace runs or the file cannot be
// written. Safe to call at exit whether or not a trace runs (then it does nothing).
bool trace_stop(std::string* error);
// The path given to the running trace ("" when none).
std::string trace_path();
// Events lost because a thread's buffer was full, since the trace started.
uint64_t trace_dropped_events();

// One asyncio task step on the calling thread (`ts` is the current thread), named after the
// task. Steps may nest (a step that runs another loop); unmatched ends are ignored.
void trace_task_step_begin(ThreadState* ts, const std::string& task_name);
void trace_task_step_end(ThreadState* ts);

// GIL hooks, called by runtime/gil.cpp only when trace_enabled(). Timestamps are
// CLOCK_MONOTONIC nanoseconds, as gil.cpp reads them.
void trace_gil_wait_begin(ThreadState* ts, uint64_t now_ns);
void trace_gil_taken(ThreadState* ts, uint64_t now_ns);
void trace_gil_released(ThreadState* ts, uint64_t now_ns, bool blocking);

// A thread started by _thread is about to exit: remembers its threading name (read from the
// bootstrap callable, a bound Thread._bootstrap) so the trace names it after it is gone.
void trace_thread_exit(ThreadState* ts, Value bootstrap);

// In a forked child: tracing is off there, and the parent's state is dropped.
void trace_reinit_after_fork();

}  // namespace minipy
