// posix: files and errors through the module functions, and fork(): the child must get a
// working interpreter (its own GIL, no stale thread states) while the parent carries on.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/thread_state.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class PosixTest : public ::testing::Test, public GcScannedFixture {
 protected:
  void SetUp() override {
    ensure_interpreter();
    module_ = posix_module_create();
    ASSERT_TRUE(module_);
  }
  void TearDown() override { error_clear(); }

  Value fn(const char* name, std::initializer_list<Value> args) { return call(getattr_cstr(module_, name), args); }
  std::string text(Value v) {
    if (!v) {
      Value exc = error_fetch();
      Value s = to_str(exc);
      return std::string("!") + type_name(exc) + ": " + (s ? std::string(s.as<Str>()->view()) : "?");
    }
    Value s = repr(v);
    return s ? std::string(s.as<Str>()->view()) : "<error>";
  }
  Value s(const std::string& t) { return Value(str_new(t)); }

  Value module_;
};

TEST_F(PosixTest, FilesAndErrors) {
  std::string dir = "/tmp/minipy_test_posix_" + std::to_string(::getpid());
  ASSERT_TRUE(fn("mkdir", {s(dir)})) << text(Value());
  std::string file = dir + "/f";
  Value fd = fn("open", {s(file), Value::small_int(O_WRONLY | O_CREAT), Value::small_int(0644)});
  ASSERT_TRUE(fd);
  EXPECT_EQ(text(fn("write", {fd, Value(bytes_new("hello"))})), "5");
  ASSERT_TRUE(fn("close", {fd}));
  Value st = fn("stat", {s(file)});
  ASSERT_TRUE(st);
  EXPECT_EQ(text(getattr_cstr(st, "st_size")), "5");
  EXPECT_EQ(text(fn("listdir", {s(dir)})), "['f']");
  EXPECT_EQ(text(fn("listdir", {Value(bytes_new(dir))})), "[b'f']");
  EXPECT_EQ(text(fn("mkdir", {s(dir)})), "!FileExistsError: [Errno 17] File exists: '" + dir + "'");
  EXPECT_EQ(text(fn("rename", {s(dir + "/missing"), s(dir + "/x")})),
            "!FileNotFoundError: [Errno 2] No such file or directory: '" + dir + "/missing' -> '" + dir + "/x'");
  EXPECT_EQ(text(fn("stat", {Value::small_int(99999)})), "!OSError: [Errno 9] Bad file descriptor: 99999");
  EXPECT_EQ(text(fn("listdir", {Value::small_int(99999)})), "!OSError: [Errno 9] Bad file descriptor");
  EXPECT_EQ(text(fn("mkdir", {Value::small_int(3)})), "!TypeError: mkdir: path should be string, bytes or os.PathLike, not int");
  ASSERT_TRUE(fn("remove", {s(file)}));
  ASSERT_TRUE(fn("rmdir", {s(dir)}));
}

TEST_F(PosixTest, ForkGivesTheChildAWorkingInterpreter) {
  Value pid = fn("fork", {});
  ASSERT_TRUE(pid);
  if (pid.as_small_int() == 0) {
    // Child: the GIL is ours, objects work, and a blocking call can release and retake it.
    bool ok = gil_held_by(current_thread());
    Value l = list_new();
    ok = ok && list_extend(l.as<List>(), Value(tuple_of({Value::small_int(1), Value::small_int(2)}))) == 0;
    {
      ScopedGilRelease unlocked;
    }
    int others = 0;
    for_each_thread([&](ThreadState* ts) { others += ts != current_thread(); });
    ::_exit(ok && others == 0 ? 42 : 1);
  }
  Value r = fn("waitpid", {pid, Value::small_int(0)});
  ASSERT_TRUE(r);
  int64_t status;
  ASSERT_TRUE(int_to_i64((*r.as<Tuple>())[1], &status));
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 42);
  EXPECT_TRUE(gil_held_by(current_thread()));
}

}  // namespace
}  // namespace minipy
