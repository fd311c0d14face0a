// The interactive prompt, used as a person would: the minipy binary runs on a pseudo-terminal
// with HOME in a fresh directory, receives keystrokes and control characters, and the test
// waits for the text it expects. Every wait has a deadline, so a prompt that hangs fails the
// test instead of blocking the run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Generous for sanitizer builds; only a broken prompt ever waits this long.
constexpr int kTimeoutMs = 30000;

class TempHome {
 public:
  TempHome() {
    char tmpl[] = "/tmp/minipy_repl_XXXXXX";
    path_ = ::mkdtemp(tmpl) ? tmpl : "";
  }
  ~TempHome() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The environment for the child: ours, with HOME and TERM replaced and no PYTHONSTARTUP.
std::vector<std::string> child_environment(const std::string& home, const std::string& term,
                                           const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string var = *e;
    if (var.rfind("HOME=", 0) == 0 || var.rfind("TERM=", 0) == 0 || var.rfind("PYTHONSTARTUP=", 0) == 0) continue;
    env.push_back(var);
  }
  env.push_back("HOME=" + home);
  env.push_back("TERM=" + term);
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

class PtySession {
 public:
  PtySession(std::vector<std::string> args, const std::string& home, const std::string& term = "dumb",
             const std::vector<std::string>& extra_env = {}) {
    args.insert(args.begin(), MINIPY_BINARY);
    std::vector<std::string> env = child_environment(home, term, extra_env);
    // Everything the child needs is built before fork: only exec follows in the child.
    std::vector<char*> argv = c_strings(args);
    std::vector<char*> envp = c_strings(env);
    struct winsize size = {};
    size.ws_row = 40;
    size.ws_col = 200;  // wide enough that libedit never wraps a test line
    pid_ = ::forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
  }
  ~PtySession() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }
  bool started() const { return pid_ > 0; }

  // Types `keys` into the line editor. libedit shows the prompt before it switches the terminal
  // to raw mode, and keys that came earlier would meet the terminal's own line discipline
  // (echo, ^C flushing the line), so this first waits for raw mode (ICANON off).
  void send(std::string_view keys) {
    if (!wait_editing()) ADD_FAILURE() << "the line editor never took the terminal:\n" << output_;
    send_now(keys);
  }

  // Sends `keys` at once, e.g. Ctrl-C while code runs (the terminal is not in raw mode then).
  void send_now(std::string_view keys) {
    while (!keys.empty()) {
      ssize_t n = ::write(fd_, keys.data(), keys.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;
      keys.remove_prefix(static_cast<size_t>(n));
    }
  }

  // Waits until `needle` appears in the output after the previous match; the text up to and
  // including it is consumed and kept in last_segment(). False after the deadline.
  bool expect(std::string_view needle, int timeout_ms = kTimeoutMs) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      size_t found = output_.find(needle, consumed_);
      if (found != std::string::npos) {
        size_t end = found + needle.size();
        segment_ = output_.substr(consumed_, end - consumed_);
        consumed_ = end;
        return true;
      }
      int left = remaining_ms(deadline);
      if (left <= 0 || !read_some(left)) return false;
    }
  }

  // The exit status once the process ends, or -1 if it is still running at the deadline.
  int wait_exit(int timeout_ms = kTimeoutMs) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      int status = 0;
      pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_) {
        pid_ = -1;
        while (read_some(0)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      int left = remaining_ms(deadline);
      if (left <= 0) return -1;
      // Keep draining, so a child writing to a full terminal buffer can still finish.
      if (!read_some(std::min(left, 50))) ::usleep(10000);
    }
  }

  // The terminal's modes as the child set them (on Linux the master reports the slave's).
  bool wait_editing(int timeout_ms = kTimeoutMs) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      struct termios modes;
      if (::tcgetattr(fd_, &modes) == 0 && !(modes.c_lflag & ICANON)) return true;
      int left = remaining_ms(deadline);
      if (left <= 0) return false;
      if (!read_some(std::min(left, 10))) ::usleep(1000);
    }
  }

  const std::string& output() const { return output_; }
  const std::string& last_segment() const { return segment_; }
  std::string unread() const { return output_.substr(consumed_); }

 private:
  static int remaining_ms(std::chrono::steady_clock::time_point deadline) {
    auto left = deadline - std::chrono::steady_clock::now();
    return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(left).count());
  }

  // Reads what arrives within `timeout_ms`; false at the end of the output (the child closed
  // the terminal: EIO on Linux) or when nothing came.
  bool read_some(int timeout_ms) {
    struct pollfd p = {fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, timeout_ms);
    if (ready <= 0) return false;
    char buf[4096];
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) return false;
    output_.append(buf, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  std::string output_;
  size_t consumed_ = 0;
  std::string segment_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Runs minipy with `args`, stdin from `input` through a pipe (not a terminal), and gives back
// stdout and stderr together with the exit status (-1 when it did not end in time).
int run_piped(const std::vector<std::string>& args, const std::string& input, const std::string& home,
              std::string* output) {
  std::string in_path = home + "/stdin.txt";
  std::string out_path = home + "/output.txt";
  write_file(in_path, input);
  std::vector<std::string> all = {MINIPY_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<std::string> env = child_environment(home, "dumb", {});
  std::vector<char*> argv = c_strings(all);
  std::vector<char*> envp = c_strings(env);
  int in_fd = ::open(in_path.c_str(), O_RDONLY);
  int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(out_fd, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in_fd);
  ::close(out_fd);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kTimeoutMs);
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
      return -1;
    }
    ::usleep(10000);
  }
  *output = read_file(out_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class ReplPty : public ::testing::Test {
 protected:
  TempHome home_;
};

TEST_F(ReplPty, BannerAndPrompt) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.expect("minipy 0.1")) << s.output();
  ASSERT_TRUE(s.expect("] on linux\r\n")) << s.output();
  ASSERT_TRUE(s.expect("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\r\n>>> "))
      << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, QuietOptionDropsTheBanner) {
  PtySession s({"-q"}, home_.path());
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  EXPECT_EQ(s.output().find("minipy 0.1"), std::string::npos) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, EchoesValuesAndKeepsUnderscore) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("20 + 1\r");
  ASSERT_TRUE(s.expect("\r\n21\r\n>>> ")) << s.output();
  s.send("_ * 2\r");
  ASSERT_TRUE(s.expect("\r\n42\r\n>>> ")) << s.output();
  s.send("'caf\xc3\xa9'\r");  // typed UTF-8 arrives intact
  ASSERT_TRUE(s.expect("\r\n'caf\xc3\xa9'\r\n>>> ")) << s.output();
  s.send("'text'\r");
  ASSERT_TRUE(s.expect("\r\n'text'\r\n>>> ")) << s.output();
  // None is not echoed and does not replace `_`.
  s.send("None\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  EXPECT_EQ(s.last_segment(), "None\r\n>>> ");
  s.send("_\r");
  ASSERT_TRUE(s.expect("\r\n'text'\r\n>>> ")) << s.output();
  // Values go through sys.displayhook.
  s.send("import sys; sys.displayhook = lambda v: print('hook', v)\r");
  ASSERT_TRUE(s.expect(">>> "));
  s.send("7\r");
  ASSERT_TRUE(s.expect("\r\nhook 7\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, MultiLineDefinitionThenCall) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("def double(x):\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("    y = x * 2\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("    return y\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("double(21)\r");
  ASSERT_TRUE(s.expect("\r\n42\r\n>>> ")) << s.output();
  // A one-line compound statement also waits for the empty line, as in CPython.
  s.send("for i in range(2): print('item', i)\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("\r");
  ASSERT_TRUE(s.expect("item 0\r\nitem 1\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, OpenBracketsAndStringsContinue) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("pair = (1,\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("\r");  // an empty line inside brackets does not end the entry
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("2)\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("pair\r");
  ASSERT_TRUE(s.expect("\r\n(1, 2)\r\n>>> ")) << s.output();
  s.send("'''a\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("b'''\r");
  ASSERT_TRUE(s.expect("\r\n'a\\nb'\r\n>>> ")) << s.output();
  // A block header followed by an empty line is an error, not a longer wait.
  s.send("if True:\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("\r");
  ASSERT_TRUE(s.expect("IndentationError: expected an indented block after 'if' statement on line 1\r\n>>> "))
      << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, TracebackThenPromptAgain) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("1/0\r");
  ASSERT_TRUE(s.expect("Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                       "ZeroDivisionError: division by zero\r\n>>> "))
      << s.output();
  s.send("def fail():\r    raise ValueError('bad value')\r\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("fail()\r");
  ASSERT_TRUE(s.expect("  File \"<stdin>\", line 2, in fail\r\nValueError: bad value\r\n>>> ")) << s.output();
  s.send("sys.last_type.__name__ if (sys := __import__('sys')) else 0\r");
  ASSERT_TRUE(s.expect("\r\n'ValueError'\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, SyntaxErrorWithCaret) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("x = (1 +)\r");
  ASSERT_TRUE(s.expect("  File \"<stdin>\", line 1\r\n    x = (1 +)\r\n            ^\r\n"
                       "SyntaxError: invalid syntax\r\n>>> "))
      << s.output();
  s.send("40 + 2\r");
  ASSERT_TRUE(s.expect("\r\n42\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, CtrlCCancelsTheLineBeingTyped) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("undefined_name");
  ASSERT_TRUE(s.expect("undefined_name")) << s.output();
  s.send("\x03");
  ASSERT_TRUE(s.expect("\r\nKeyboardInterrupt\r\n>>> ")) << s.output();
  s.send("1 + 1\r");
  ASSERT_TRUE(s.expect("\r\n2\r\n>>> ")) << s.output();
  // In the middle of a block, Ctrl-C drops the whole entry: the next prompt is ps1.
  s.send("def unfinished():\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("\x03");
  ASSERT_TRUE(s.expect("KeyboardInterrupt\r\n>>> ")) << s.output();
  s.send("'unfinished' in globals()\r");
  ASSERT_TRUE(s.expect("\r\nFalse\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, SignalHandlerThatDoesNotRaiseKeepsTheLine) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("import signal; old = signal.signal(signal.SIGINT, lambda *a: print('hand' + 'led'))\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("12");
  ASSERT_TRUE(s.expect("12")) << s.output();
  s.send("\x03");
  ASSERT_TRUE(s.expect("handled")) << s.output();
  s.send("34\r");
  ASSERT_TRUE(s.expect("\r\n1234\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, CtrlCInterruptsRunningCode) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("def spin():\r    print('spinning', flush=True)\r    while True: pass\r\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("spin()\r");
  ASSERT_TRUE(s.expect("spinning\r\n")) << s.output();
  s.send_now("\x03");
  ASSERT_TRUE(s.expect("Traceback (most recent call last):")) << s.output();
  ASSERT_TRUE(s.expect("in spin\r\nKeyboardInterrupt\r\n>>> ")) << s.output();
  s.send("6 * 7\r");
  ASSERT_TRUE(s.expect("\r\n42\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, CtrlDExitsWithStatusZero) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("1/0\r");  // an error at the prompt does not change the exit status
  ASSERT_TRUE(s.expect("ZeroDivisionError")) << s.output();
  ASSERT_TRUE(s.expect(">>> "));
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0) << s.output();
}

TEST_F(ReplPty, ExitAndQuitObjects) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("exit\r");
  ASSERT_TRUE(s.expect("\r\nUse exit() or Ctrl-D (i.e. EOF) to exit\r\n>>> ")) << s.output();
  s.send("quit\r");
  ASSERT_TRUE(s.expect("\r\nUse quit() or Ctrl-D (i.e. EOF) to exit\r\n>>> ")) << s.output();
  s.send("exit(3)\r");
  EXPECT_EQ(s.wait_exit(), 3) << s.output();
}

// The objects the banner names, as CPython's site module installs them.
TEST_F(ReplPty, HelpCopyrightCreditsAndLicense) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("help\r");
  ASSERT_TRUE(s.expect("\r\nType help() for interactive help, or help(object) for help about object.\r\n>>> "))
      << s.output();
  s.send("copyright\r");
  ASSERT_TRUE(s.expect("\r\nminipy: a small Python 3.11 interpreter.\r\n>>> ")) << s.output();
  s.send("credits\r");
  ASSERT_TRUE(s.expect("\r\n    Thanks to the CPython developers")) << s.output();
  ASSERT_TRUE(s.expect(">>> "));
  s.send("license()\r");
  ASSERT_TRUE(s.expect("\r\nminipy is a Python 3.11 interpreter")) << s.output();
  ASSERT_TRUE(s.expect("Apache License 2.0\r\n>>> ")) << s.output();
  s.send("def double(x):\r");
  ASSERT_TRUE(s.expect("... "));
  s.send("    \"Returns twice x.\"\r\r");
  ASSERT_TRUE(s.expect(">>> "));
  s.send("help(double)\r");
  ASSERT_TRUE(s.expect("\r\nHelp on function double in module __main__:\r\n\r\ndouble(x)\r\n"
                       "    Returns twice x.\r\n\r\n>>> "))
      << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0) << s.output();
}

// help() without an argument: the interactive help utility, left with q or end of input.
TEST_F(ReplPty, InteractiveHelpUtility) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("help()\r");
  ASSERT_TRUE(s.expect("Welcome to minipy's help utility")) << s.output();
  ASSERT_TRUE(s.expect("\r\nhelp> ")) << s.output();
  s.send_now("keywords\r");
  ASSERT_TRUE(s.expect("Here is a list of the Python keywords.")) << s.output();
  ASSERT_TRUE(s.expect("\r\nhelp> ")) << s.output();
  s.send_now("os.path.join\r");
  ASSERT_TRUE(s.expect("Help on function join in os.path:\r\n\r\nos.path.join = join(")) << s.output();
  ASSERT_TRUE(s.expect("\r\nhelp> ")) << s.output();
  s.send_now("no_such_module\r");
  ASSERT_TRUE(s.expect("No Python documentation found for 'no_such_module'.")) << s.output();
  ASSERT_TRUE(s.expect("\r\nhelp> ")) << s.output();
  s.send_now("q\r");
  ASSERT_TRUE(s.expect("You are now leaving help")) << s.output();
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("help()\r");
  ASSERT_TRUE(s.expect("\r\nhelp> ")) << s.output();
  s.send_now("\x04");  // end of input leaves the utility, not the session
  ASSERT_TRUE(s.expect("You are now leaving help")) << s.output();
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0) << s.output();
}

TEST_F(ReplPty, SysPromptsAreHonoured) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("import sys; sys.ps1 = 'py> '; sys.ps2 = 'more> '\r");
  ASSERT_TRUE(s.expect("py> ")) << s.output();
  s.send("if True:\r");
  ASSERT_TRUE(s.expect("more> ")) << s.output();
  s.send("    print('inside')\r\r");
  ASSERT_TRUE(s.expect("inside\r\npy> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, HistoryIsSavedAndRecalledNextSession) {
  std::string history = home_.path() + "/.minipy_history";
  {
    PtySession s({}, home_.path(), "xterm");
    ASSERT_TRUE(s.expect(">>> "));
    s.send("6 * 7 + 1000\r");
    ASSERT_TRUE(s.expect("1042")) << s.output();
    s.send("\x04");
    ASSERT_EQ(s.wait_exit(), 0);
  }
  EXPECT_NE(read_file(history).find("1000"), std::string::npos) << read_file(history);
  PtySession s({}, home_.path(), "xterm");
  ASSERT_TRUE(s.expect(">>> "));
  s.send("\x1b[A");  // up arrow: the previous session's line comes back
  ASSERT_TRUE(s.expect("6 * 7 + 1000")) << s.output();
  s.send("\r");
  ASSERT_TRUE(s.expect("1042")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, MissingHistoryDirectoryIsNoError) {
  std::string nowhere = home_.path() + "/does/not/exist";
  PtySession s({}, nowhere);
  ASSERT_TRUE(s.expect(">>> "));
  s.send("'still works'\r");
  ASSERT_TRUE(s.expect("\r\n'still works'\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
  EXPECT_EQ(s.output().find("rror"), std::string::npos) << s.output();
}

TEST_F(ReplPty, TabCompletesBuiltinPrefix) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("isinst\t");
  ASSERT_TRUE(s.expect("isinstance(")) << s.output();
  s.send("3, int)\r");
  ASSERT_TRUE(s.expect("\r\nTrue\r\n>>> ")) << s.output();
  // Globals complete too, and a keyword gets its space.
  s.send("my_long_variable = 5\r");
  ASSERT_TRUE(s.expect(">>> "));
  s.send("my_lo\t");
  ASSERT_TRUE(s.expect("my_long_variable")) << s.output();
  s.send("\r");
  ASSERT_TRUE(s.expect("\r\n5\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, TabOnAnEmptyWordIndents) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("if True:\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("\tprint('tab' + 'bed')\r");
  ASSERT_TRUE(s.expect("... ")) << s.output();
  s.send("\r");
  ASSERT_TRUE(s.expect("\r\ntabbed\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, TabCompletesAttributesOfDottedNames) {
  PtySession s({}, home_.path());
  ASSERT_TRUE(s.expect(">>> "));
  s.send("class Box:\r    attribute_value = 99\r\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("Box.attr\t");
  ASSERT_TRUE(s.expect("Box.attribute_value")) << s.output();
  s.send("\r");
  ASSERT_TRUE(s.expect("\r\n99\r\n>>> ")) << s.output();
  // The object's expression is never called to find its attributes.
  s.send("def noisy():\r    print('CALL' + 'ED')\r    return Box\r\r");
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("noisy().attr\t");
  // Ctrl-C only once the line editor has the line (its echo is back): sent earlier, while the
  // terminal may still be in cooked mode, the tty would discard the typed text with it.
  ASSERT_TRUE(s.expect("noisy().attr")) << s.output();
  s.send("\x03");
  ASSERT_TRUE(s.expect("KeyboardInterrupt\r\n>>> ")) << s.output();
  EXPECT_EQ(s.output().find("CALLED"), std::string::npos) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, InspectAfterScriptThatRaised) {
  std::string script = home_.path() + "/script.py";
  write_file(script, "answer = 41\nraise ValueError('boom')\n");
  PtySession s({"-i", script}, home_.path());
  ASSERT_TRUE(s.expect("ValueError: boom\r\n>>> ")) << s.output();
  EXPECT_EQ(s.output().find("Type \"help\""), std::string::npos) << "no banner after -i script";
  s.send("answer + 1\r");
  ASSERT_TRUE(s.expect("\r\n42\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, InspectAfterCommand) {
  PtySession s({"-i", "-c", "value = 'from -c'"}, home_.path());
  ASSERT_TRUE(s.expect(">>> ")) << s.output();
  s.send("value\r");
  ASSERT_TRUE(s.expect("\r\n'from -c'\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

TEST_F(ReplPty, PipedStdinRunsTheWholeProgram) {
  std::string output;
  int status = run_piped({}, "for i in range(3):\n    print(i)\nx = 5\nx\nimport sys\nsys.exit(4)\n", home_.path(),
                         &output);
  EXPECT_EQ(status, 4);
  EXPECT_EQ(output, "0\n1\n2\n");  // no prompts, no echo of the bare `x`
}

TEST_F(ReplPty, PipedStdinWithInspectIsInteractive) {
  std::string output;
  int status = run_piped({"-i", "-q"}, "1 + 1\nif True:\n    'block'\n\nqqqq_undefined\n", home_.path(), &output);
  EXPECT_EQ(status, 0);
  EXPECT_NE(output.find(">>> 2\n"), std::string::npos) << output;
  EXPECT_NE(output.find("... ... 'block'\n"), std::string::npos) << output;
  EXPECT_NE(output.find("NameError: name 'qqqq_undefined' is not defined\n>>> \n"), std::string::npos) << output;
}

TEST_F(ReplPty, StartupFileRunsBeforeFirstPrompt) {
  std::string startup = home_.path() + "/startup.py";
  write_file(startup, "from_startup = 'ready'\n");
  PtySession s({}, home_.path(), "dumb", {"PYTHONSTARTUP=" + startup});
  ASSERT_TRUE(s.expect(">>> "));
  s.send("from_startup\r");
  ASSERT_TRUE(s.expect("\r\n'ready'\r\n>>> ")) << s.output();
  s.send("\x04");
  EXPECT_EQ(s.wait_exit(), 0);
}

}  // namespace
