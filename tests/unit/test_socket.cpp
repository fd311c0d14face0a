// _socket and select through their module functions: data over a socketpair, the errors of a
// non-blocking or closed socket, address helpers, and readiness from select() and epoll.
#include <gtest/gtest.h>

#include <string>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class SocketTest : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    socket_ = socket_module_create();
    select_ = select_module_create();
    ASSERT_TRUE(socket_);
    ASSERT_TRUE(select_);
  }
  void TearDown() override { error_clear(); }

  static Value fn(Value module, const char* name, std::initializer_list<Value> args) {
    return call(getattr_cstr(module, name), args);
  }
  static Value method(Value obj, const char* name, std::initializer_list<Value> args) {
    return call_method_cstr(obj, name, args);
  }
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

  Value socket_;
  Value select_;
};

TEST_F(SocketTest, SocketpairCarriesBytes) {
  Value pair = fn(socket_, "socketpair", {});
  ASSERT_TRUE(pair) << text(Value());
  Value a = (*pair.as<Tuple>())[0];
  Value b = (*pair.as<Tuple>())[1];
  EXPECT_EQ(text(method(a, "send", {Value(bytes_new("hi"))})), "2");
  EXPECT_EQ(text(method(b, "recv", {Value::small_int(10)})), "b'hi'");
  ASSERT_TRUE(method(b, "setblocking", {false_value()}));
  EXPECT_EQ(text(method(b, "recv", {Value::small_int(10)})), "!BlockingIOError: [Errno 11] Resource temporarily unavailable");
  ASSERT_TRUE(method(a, "close", {}));
  ASSERT_TRUE(method(b, "close", {}));
  EXPECT_EQ(text(method(a, "recv", {Value::small_int(1)})), "!OSError: [Errno 9] Bad file descriptor");
  EXPECT_EQ(text(method(a, "fileno", {})), "-1");
}

TEST_F(SocketTest, TimeoutRaisesTimeoutError) {
  Value pair = fn(socket_, "socketpair", {});
  ASSERT_TRUE(pair);
  Value a = (*pair.as<Tuple>())[0];
  ASSERT_TRUE(method(a, "settimeout", {float_new(0.01)}));
  EXPECT_EQ(text(method(a, "gettimeout", {})), "0.01");
  EXPECT_EQ(text(method(a, "recv", {Value::small_int(1)})), "!TimeoutError: timed out");
  EXPECT_EQ(text(method(a, "settimeout", {Value::small_int(-1)})), "!ValueError: Timeout value out of range");
  ASSERT_TRUE(method(a, "close", {}));
  ASSERT_TRUE(method((*pair.as<Tuple>())[1], "close", {}));
}

TEST_F(SocketTest, AddressHelpers) {
  EXPECT_EQ(text(fn(socket_, "inet_aton", {Value(str_new("10.0.0.1"))})), "b'\\n\\x00\\x00\\x01'");
  EXPECT_EQ(text(fn(socket_, "inet_ntoa", {Value(bytes_new(std::string_view("\x7f\0\0\x01", 4)))})), "'127.0.0.1'");
  EXPECT_EQ(text(fn(socket_, "inet_aton", {Value(str_new("nope"))})),
            "!OSError: illegal IP address string passed to inet_aton");
  EXPECT_EQ(text(fn(socket_, "htons", {Value::small_int(1)})), "256");
  EXPECT_EQ(text(fn(socket_, "gethostbyname", {Value(str_new("127.0.0.1"))})), "'127.0.0.1'");
}

TEST_F(SocketTest, SelectAndEpollSeeReadiness) {
  Value pair = fn(socket_, "socketpair", {});
  ASSERT_TRUE(pair);
  Value a = (*pair.as<Tuple>())[0];
  Value b = (*pair.as<Tuple>())[1];
  Value readers = Value(list_new());
  list_append(readers.as<List>(), a);
  Value empty = Value(list_new());
  EXPECT_EQ(text(fn(select_, "select", {readers, empty, empty, Value::small_int(0)})), "([], [], [])");
  ASSERT_TRUE(method(b, "send", {Value(bytes_new("x"))}));
  Value ready = fn(select_, "select", {readers, empty, empty, Value::small_int(1)});
  ASSERT_TRUE(ready) << text(Value());
  EXPECT_EQ(length((*ready.as<Tuple>())[0]), 1);

  Value ep = call(getattr_cstr(select_, "epoll"), {});
  ASSERT_TRUE(ep) << text(Value());
  ASSERT_TRUE(method(ep, "register", {a, getattr_cstr(select_, "EPOLLIN")}));
  Value events = method(ep, "poll", {Value::small_int(1)});
  ASSERT_TRUE(events) << text(Value());
  EXPECT_EQ(length(events), 1);
  ASSERT_TRUE(method(ep, "close", {}));
  EXPECT_EQ(text(method(ep, "poll", {})), "!ValueError: I/O operation on closed epoll object");
  EXPECT_EQ(text(fn(select_, "select", {Value::small_int(3), empty, empty})),
            "!TypeError: arguments 1-3 must be sequences");
  ASSERT_TRUE(method(a, "close", {}));
  ASSERT_TRUE(method(b, "close", {}));
}

}  // namespace
}  // namespace minipy
