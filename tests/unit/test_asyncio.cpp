// The native loop core of _asyncio without the Python package on top: callback order, the
// timer heap's deadline order, cancelled handles, a closed loop, bad file descriptors, a
// Future's callbacks scheduled through the core, and the socket transport core on a socketpair.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class AsyncioCoreTest : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    module_ = asyncio_module_create();
    ASSERT_TRUE(module_);
    core_ = call(getattr_cstr(module_, "LoopCore"), {});
    ASSERT_TRUE(core_) << text(Value());
    log_ = list_new();
    append_ = getattr_cstr(Value(log_), "append");
  }
  void TearDown() override { error_clear(); }

  Value method(const char* name, std::initializer_list<Value> args) { return call_method_cstr(core_, name, args); }
  static Value str(const char* s) { return Value(str_new(s)); }
  // repr() of a result, or "!Type: message" for the pending exception.
  static std::string text(Value v) {
    if (!v) {
      Value exc = error_fetch();
      Value s = to_str(exc);
      return std::string("!") + type_name(exc) + ": " + (s ? std::string(s.as<Str>()->view()) : "?");
    }
    Value s = repr(v);
    return s ? std::string(s.as<Str>()->view()) : "<error>";
  }

  Value module_, core_, append_;
  List* log_ = nullptr;
};

TEST_F(AsyncioCoreTest, CallSoonRunsInOrderAndSkipsCancelled) {
  ASSERT_TRUE(method("call_soon", {append_, str("a")}));
  Value h = method("call_soon", {append_, str("dropped")});
  ASSERT_TRUE(h);
  ASSERT_TRUE(method("call_soon", {append_, str("b")}));
  ASSERT_TRUE(call_method_cstr(h, "cancel", {}));
  ASSERT_TRUE(method("_run_once", {})) << text(Value());
  EXPECT_EQ(text(Value(log_)), "['a', 'b']");
}

TEST_F(AsyncioCoreTest, DueTimersRunByDeadline) {
  // Deadlines in the past (the monotonic clock is far beyond them): all due at once.
  ASSERT_TRUE(method("call_at", {float_new(3.0), append_, str("c")}));
  ASSERT_TRUE(method("call_at", {float_new(1.0), append_, str("a")}));
  Value t = method("call_at", {float_new(1.5), append_, str("dropped")});
  ASSERT_TRUE(t);
  ASSERT_TRUE(method("call_at", {float_new(2.0), append_, str("b")}));
  ASSERT_TRUE(call_method_cstr(t, "cancel", {}));
  EXPECT_EQ(text(getattr_cstr(core_, "_timer_cancelled_count")), "1");
  ASSERT_TRUE(method("_run_once", {})) << text(Value());
  EXPECT_EQ(text(Value(log_)), "['a', 'b', 'c']");
  EXPECT_EQ(text(getattr_cstr(core_, "_scheduled")), "[]");
}

TEST_F(AsyncioCoreTest, StopEndsRunUntilStopped) {
  ASSERT_TRUE(method("call_soon", {append_, str("x")}));
  ASSERT_TRUE(method("call_later", {float_new(3600.0), append_, str("late")}));
  // A stop request made before running ends the loop after one iteration.
  ASSERT_TRUE(setattr(core_, intern("_stopping"), true_value()) == 0);
  ASSERT_TRUE(method("_run_until_stopped", {})) << text(Value());
  EXPECT_EQ(text(Value(log_)), "['x']");
  EXPECT_EQ(text(getattr_cstr(core_, "_stopping")), "False");
}

TEST_F(AsyncioCoreTest, ClosedLoopAndBadDescriptorsRaise) {
  EXPECT_EQ(text(method("_add_callback", {Value::small_int(-1), false_value(), append_, none_value()})),
            "!ValueError: Invalid file descriptor: -1");
  EXPECT_EQ(text(method("_remove_callback", {Value::small_int(12345), false_value()})), "False");
  ASSERT_TRUE(method("_close_core", {}));
  EXPECT_EQ(text(method("call_soon", {append_})), "!RuntimeError: Event loop is closed");
  EXPECT_EQ(text(method("call_at", {none_value(), append_})), "!TypeError: when cannot be None");
}

TEST_F(AsyncioCoreTest, FutureCallbacksGoThroughTheCore) {
  Value fut_type = getattr_cstr(module_, "Future");
  static Tuple* const kLoopKw = tuple_of({Value(intern("loop"))});
  Value fut = call(fut_type, &core_, 0, kLoopKw);
  ASSERT_TRUE(fut) << text(Value());
  ASSERT_TRUE(call_method_cstr(fut, "add_done_callback", {append_}));
  ASSERT_TRUE(call_method_cstr(fut, "set_result", {Value::small_int(7)}));
  EXPECT_EQ(text(Value(log_)), "[]");  // scheduled, not run yet
  ASSERT_TRUE(method("_run_once", {})) << text(Value());
  ASSERT_EQ(log_->size, 1);
  EXPECT_TRUE(log_->items[0].is(fut));
  EXPECT_EQ(text(call_method_cstr(fut, "result", {})), "7");
}

TEST_F(AsyncioCoreTest, SocketTransportCoreReadsAndWrites) {
  Value t = call(getattr_cstr(module_, "SocketTransportCore"), {});
  ASSERT_TRUE(t) << text(Value());
  EXPECT_EQ(text(getattr_cstr(t, "_sock_fd")), "-1");
  EXPECT_EQ(text(getattr_cstr(t, "max_size")), "262144");
  EXPECT_EQ(text(call_method_cstr(t, "is_closing", {})), "False");
  EXPECT_EQ(text(Value::small_int(delattr(t, intern("_loop")))), "-1");
  EXPECT_EQ(text(Value()), "!AttributeError: cannot delete attribute");
  // Without a socket the failure goes to _fatal_error, which only the Python subclass has.
  EXPECT_EQ(text(call_method_cstr(t, "_read_ready", {})),
            "!AttributeError: '_asyncio.SocketTransportCore' object has no attribute '_fatal_error'");

  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
  // A protocol class whose data_received is the log's append.
  Dict* ns = dict_new();
  dict_set_cstr(ns, "data_received", append_);
  Value cls = call(Value(&type_type), {str("P"), Value(tuple_of({})), Value(ns)});
  ASSERT_TRUE(cls) << text(Value());
  Value protocol = call(cls, {});
  ASSERT_EQ(setattr(t, intern("_sock_fd"), Value::small_int(fds[0])), 0);
  ASSERT_EQ(setattr(t, intern("_protocol"), protocol), 0);
  ASSERT_EQ(::send(fds[1], "ping", 4, 0), 4);
  ASSERT_TRUE(call_method_cstr(t, "_read_ready", {})) << text(Value());
  EXPECT_EQ(text(Value(log_)), "[b'ping']");
  // Nothing to read: the call returns without calling the protocol.
  ASSERT_TRUE(call_method_cstr(t, "_read_ready", {})) << text(Value());
  EXPECT_EQ(log_->size, 1);

  ASSERT_TRUE(call_method_cstr(t, "write", {Value(bytes_new("pong"))})) << text(Value());
  char buf[8] = {};
  EXPECT_EQ(::recv(fds[1], buf, sizeof buf, 0), 4);
  EXPECT_EQ(std::string(buf, 4), "pong");
  EXPECT_EQ(text(call_method_cstr(t, "write", {str("text")})),
            "!TypeError: data argument must be a bytes-like object, not 'str'");
  ASSERT_EQ(setattr(t, intern("_eof"), true_value()), 0);
  EXPECT_EQ(text(call_method_cstr(t, "write", {Value(bytes_new("x"))})),
            "!RuntimeError: Cannot call write() after write_eof()");
  ::close(fds[0]);
  ::close(fds[1]);
}

}  // namespace
}  // namespace minipy
