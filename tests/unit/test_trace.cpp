// Timeline tracing (runtime/trace.h): the file is valid JSON with the expected records, task
// steps nest and are named, full buffers drop and count events, start/stop misuse is an error,
// and `minipy -X trace=FILE` writes the file however the program ends.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "objects/dict.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/thread_state.h"
#include "runtime/trace.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

std::string temp_path(const char* name) {
  return std::string(::testing::TempDir()) + "/minipy_trace_" + std::to_string(::getpid()) + "_" + name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs Python `code` with `path` bound to the trace file's name; returns the value the code
// leaves in `result` (a str), or "<error>" if it raised.
std::string python_check(const std::string& path, const std::string& code) {
  Dict* g = dict_new();
  dict_set_cstr(g, "path", Value(str_new(path)));
  if (!run_source(code, "<test>", g)) {
    error_clear();
    return "<error>";
  }
  Value r = dict_get_cstr(g, "result");
  return r && str_check(r) ? std::string(r.as<Str>()->view()) : "<no result>";
}

class TraceTest : public ::testing::Test {
 protected:
  void SetUp() override { ensure_interpreter(); }
};

TEST_F(TraceTest, StartStopMisuseIsReported) {
  std::string error;
  EXPECT_FALSE(trace_stop(&error));
  EXPECT_EQ(error, "no trace is running");
  std::string path = temp_path("misuse.json");
  ASSERT_TRUE(trace_start(path, &error));
  EXPECT_TRUE(trace_enabled());
  EXPECT_FALSE(trace_start(path, &error));
  EXPECT_NE(error.find("already running"), std::string::npos);
  EXPECT_TRUE(trace_stop(&error)) << error;
  EXPECT_FALSE(trace_enabled());
  std::remove(path.c_str());
}

TEST_F(TraceTest, UnwritableFileIsAnErrorAtStop) {
  std::string error;
  ASSERT_TRUE(trace_start("/nonexistent-dir/trace.json", &error));
  EXPECT_FALSE(trace_stop(&error));
  EXPECT_NE(error.find("cannot write trace"), std::string::npos);
  EXPECT_FALSE(trace_enabled());
}

TEST_F(TraceTest, TaskStepsAreNamedNestedAndEscaped) {
  std::string error;
  std::string path = temp_path("steps.json");
  ASSERT_TRUE(trace_start(path, &error));
  ThreadState* ts = current_thread();
  trace_task_step_begin(ts, "outer \"quoted\" \\ task");
  trace_task_step_begin(ts, "inner");
  trace_task_step_end(ts);
  trace_task_step_end(ts);
  trace_task_step_end(ts);  // unmatched: ignored
  trace_task_step_begin(ts, std::string(200, 'x') + "\xc3\xa9");  // truncated, still UTF-8
  ASSERT_TRUE(trace_stop(&error)) << error;  // closes the open step
  std::string result = python_check(path, R"py(
import json
with open(path) as f:
    d = json.load(f)
ev = d["traceEvents"]
steps = [e for e in ev if e["ph"] == "X" and e["cat"] == "asyncio"]
gil = [e for e in ev if e["ph"] == "X" and e["cat"] == "gil"]
outer = [e for e in steps if e["name"] == 'outer "quoted" \\ task'][0]
inner = [e for e in steps if e["name"] == "inner"][0]
long = [e for e in steps if e["name"].startswith("x")][0]
names = [e for e in ev if e["ph"] == "M" and e["name"] == "thread_name"]
ok = [
    len(steps) == 3,
    outer["ts"] <= inner["ts"] and inner["ts"] + inner["dur"] <= outer["ts"] + outer["dur"],
    0 < len(long["name"]) < 200,
    all(e["dur"] >= 0 and e["ts"] >= 0 for e in ev if e["ph"] == "X"),
    all(e["name"] == "running Python (holds GIL)" for e in gil),
    len(gil) >= 3,
    names[0]["args"]["name"] == "MainThread",
    d["otherData"]["dropped_events"] == 0,
]
result = repr(ok)
)py");
  EXPECT_EQ(result, "[True, True, True, True, True, True, True, True]");
  std::remove(path.c_str());
}

TEST_F(TraceTest, FullBufferDropsAndCounts) {
  std::string error;
  std::string path = temp_path("full.json");
  ASSERT_TRUE(trace_start(path, &error));
  ThreadState* ts = current_thread();
  // Each step records two running spans and the step itself: far beyond one buffer.
  for (int i = 0; i < 40000; ++i) {
    trace_task_step_begin(ts, "t");
    trace_task_step_end(ts);
  }
  EXPECT_GT(trace_dropped_events(), 0u);
  ASSERT_TRUE(trace_stop(&error)) << error;
  std::string result = python_check(path, R"py(
import json
with open(path) as f:
    d = json.load(f)
result = repr((d["otherData"]["dropped_events"] > 0, len([e for e in d["traceEvents"] if e["ph"] == "X"]) <= 32768))
)py");
  EXPECT_EQ(result, "(True, True)");
  std::remove(path.c_str());
}

int run_binary(const std::string& args) {
  std::string cmd = std::string(MINIPY_BINARY) + " " + args + " >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(TraceTest, CommandLineOptionWritesTheFileHoweverTheProgramEnds) {
  std::string path = temp_path("cli.json");
  struct Case {
    const char* code;
    int status;
  } cases[] = {
      {"pass", 0},
      {"import sys; sys.exit(3)", 3},
      {"1/0", 1},
      {"import threading, time; t = threading.Thread(target=time.sleep, args=(0.01,), name='napper'); t.start()", 0},
  };
  for (const Case& c : cases) {
    std::remove(path.c_str());
    EXPECT_EQ(run_binary("-X trace=" + path + " -c \"" + c.code + "\""), c.status) << c.code;
    std::string text = read_file(path);
    EXPECT_EQ(text.rfind("{\"traceEvents\":[", 0), 0u) << c.code;
    EXPECT_NE(text.find("\"running Python (holds GIL)\""), std::string::npos) << c.code;
    EXPECT_NE(text.find("\"dropped_events\":0}}"), std::string::npos) << c.code;
  }
  // The thread that ended before the file was written keeps its threading name, and its sleep
  // shows as a blocked span.
  std::string text = read_file(path);
  EXPECT_NE(text.find("\"name\":\"napper\""), std::string::npos);
  EXPECT_NE(text.find("\"blocked in I/O / sleep (GIL released)\""), std::string::npos);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace minipy
