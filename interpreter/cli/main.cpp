// The minipy command: argument parsing as CPython's `python3` does it, then running a script,
// a -c command, a -m module, or a program read from stdin (the REPL when stdin is a terminal).
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/repl.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/file_read.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "runtime/sys_state.h"
#include "runtime/trace.h"
#include "runtime/xoptions.h"

namespace {

using namespace minipy;

constexpr const char* kUsage =
    "usage: minipy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

constexpr const char* kHelp =
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : unbuffered stdout and stderr\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-X opt : implementation-specific option:\n"
    "         -X trace=FILE  write a Chrome-trace/Perfetto timeline of threads and the GIL\n"
    "         -X gil=fair    CPython's GIL hand-off policy (default: I/O threads first)\n"
    "-S     : don't imply 'import site' on initialization (no exit, quit, help...)\n"
    "-B -E -I -O -s        : accepted for compatibility with python3; no effect\n"
    "--     : terminates option list\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\nEnvironment:\n"
    "PYTHONPATH : ':'-separated list of directories prefixed to the module search path\n"
    "MINIPYPATH : directories searched before the built-in standard library\n";

enum class Mode { Stdin, Script, Command, Module };

struct Options {
  Mode mode = Mode::Stdin;
  std::string target;  // script path, command text or module name
  std::vector<std::string> args;
  bool inspect = false;
  bool quiet = false;
  bool unbuffered = false;
  bool no_site = false;
  std::vector<std::string> warn_options;  // -W, in order
};

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "%s\n%sTry `minipy -h' for more information.\n", message.c_str(), kUsage);
  std::exit(2);
}

Options parse_command_line(int argc, char** argv) {
  Options o;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a == "--help") a = "-h";
    if (a == "--version") a = "-V";
    if (a.size() < 2 || a[0] != '-') break;
    if (a == "-") break;
    if (a[1] == '-') usage_error("unknown option " + a);
    // Single-letter options may be grouped (-iu) and -c/-m/-X take the rest or the next word.
    for (size_t j = 1; j < a.size(); ++j) {
      char c = a[j];
      auto take_value = [&](const char* what) -> std::string {
        if (j + 1 < a.size()) return a.substr(j + 1);
        if (i + 1 < argc) return argv[++i];
        usage_error(std::string("Argument expected for the -") + what + " option");
      };
      switch (c) {
        case 'c':
          o.mode = Mode::Command;
          o.target = take_value("c");
          for (++i; i < argc; ++i) o.args.push_back(argv[i]);
          return o;
        case 'm':
          o.mode = Mode::Module;
          o.target = take_value("m");
          for (++i; i < argc; ++i) o.args.push_back(argv[i]);
          return o;
        case 'X':
          add_xoption(take_value("X"));
          j = a.size();
          break;
        case 'W':
          o.warn_options.push_back(take_value("W"));
          j = a.size();
          break;
        case 'h':
        case '?':
          std::printf("%s%s", kUsage, kHelp);
          std::exit(0);
        case 'V':
          std::printf("Python 3.11.7 (minipy %s)\n", MINIPY_VERSION);
          std::exit(0);
        case 'i':
          o.inspect = true;
          break;
        case 'u':
          o.unbuffered = true;
          break;
        case 'q':
          o.quiet = true;
          break;
        case 'S':
          o.no_site = true;
          break;
        case 'B': case 'E': case 'I': case 'O': case 's': case 'd': case 'v': case 'b':
          break;
        default:
          usage_error(std::string("Unknown option: -") + c);
      }
    }
  }
  if (i < argc) {
    std::string target = argv[i++];
    if (target != "-") {
      o.mode = Mode::Script;
      o.target = target;
    }
    for (; i < argc; ++i) o.args.push_back(argv[i]);
  }
  return o;
}

std::string absolute_dir_of(const std::string& path) {
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return std::string();
  std::string full = buf;
  size_t slash = full.rfind('/');
  return slash == 0 ? "/" : full.substr(0, slash);
}

std::string current_dir() {
  char buf[PATH_MAX];
  return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

bool is_directory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// A script path made absolute as CPython shows it (__file__, sys.path[0] for a directory,
// its messages): joined to the current directory as typed, not normalised; "." is the
// current directory itself.
std::string absolute_as_typed(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target;
  if (target == ".") return current_dir();
  return current_dir() + "/" + target;
}

void configure_sys(const Options& o, int argc, char** argv) {
  SysConfig& cfg = sys_config();
  cfg.orig_argv.assign(argv, argv + argc);
  cfg.inspect = o.inspect;
  cfg.no_site = o.no_site;
  const char* unbuffered_env = std::getenv("PYTHONUNBUFFERED");
  cfg.unbuffered = o.unbuffered || (unbuffered_env && *unbuffered_env);
  // sys.warnoptions, which the warnings module applies: PYTHONWARNINGS' comma-separated
  // filters first, then -W's, so that the command line wins.
  if (const char* env = std::getenv("PYTHONWARNINGS")) {
    std::string s = env;
    for (size_t start = 0; start <= s.size();) {
      size_t comma = std::min(s.find(',', start), s.size());
      if (comma > start) cfg.warn_options.push_back(s.substr(start, comma - start));
      start = comma + 1;
    }
  }
  cfg.warn_options.insert(cfg.warn_options.end(), o.warn_options.begin(), o.warn_options.end());
  switch (o.mode) {
    case Mode::Script:
      cfg.argv = {o.target};
      cfg.path = {is_directory(o.target) ? absolute_as_typed(o.target) : absolute_dir_of(o.target)};
      break;
    case Mode::Command:
      cfg.argv = {"-c"};
      cfg.path = {""};
      break;
    case Mode::Module:
      cfg.argv = {"-m"};  // replaced by the module's path once it is found
      cfg.path = {current_dir()};
      break;
    case Mode::Stdin:
      cfg.argv = {o.args.empty() ? "" : "-"};
      cfg.path = {""};
      break;
  }
  cfg.argv.insert(cfg.argv.end(), o.args.begin(), o.args.end());
  if (const char* pp = std::getenv("PYTHONPATH")) {
    std::string s = pp;
    size_t start = 0;
    while (start <= s.size()) {
      size_t colon = s.find(':', start);
      if (colon == std::string::npos) colon = s.size();
      if (colon > start) cfg.path.push_back(s.substr(start, colon - start));
      start = colon + 1;
    }
  }
}

Dict* main_globals(Value file) {
  Module* main_module = module_new(intern("__main__"));
  Dict* g = main_module->dict;
  dict_set_cstr(g, "__builtins__", Value(builtins_module()));
  dict_set_cstr(g, "__package__", none_value());
  dict_set_cstr(g, "__loader__", none_value());
  dict_set_cstr(g, "__spec__", none_value());
  if (file) dict_set_cstr(g, "__file__", file);
  dict_set_cstr(modules_dict(), "__main__", Value(main_module));
  return g;
}

// The exit status for a pending exception (or 0), after reporting it as CPython does.
int finish_with_error() {
  if (!error_pending()) return 0;
  int status = handle_system_exit();
  if (status >= 0) return status;
  print_pending_exception();
  return 1;
}

// After -i's program: its exception, SystemExit included, is reported and the prompt follows.
int inspect_after(Dict* g) {
  if (error_pending()) print_pending_exception();
  return run_repl(g, ReplOptions{});
}

// Runs a directory's __main__.py as __main__, the directory being sys.path[0].
int run_directory(const Options& o) {
  std::string dir = absolute_as_typed(o.target);
  size_t end = dir.find_last_not_of('/');
  std::string file = dir.substr(0, end == std::string::npos ? 0 : end + 1) + "/__main__.py";
  std::string source;
  if (!read_file(file, &source)) {
    std::fprintf(stderr, "minipy: can't find '__main__' module in '%s'\n", dir.c_str());
    if (o.inspect) return inspect_after(main_globals(Value()));
    return 1;
  }
  Dict* g = main_globals(Value(str_new(file)));
  dict_set_cstr(g, "__package__", Value(str_new("")));
  if (!run_source(source, file, g) && !o.inspect) return finish_with_error();
  if (o.inspect) return inspect_after(g);
  return 0;
}

int run(const Options& o) {
  switch (o.mode) {
    case Mode::Script: {
      if (is_directory(o.target)) return run_directory(o);
      std::string source;
      if (!read_file(o.target, &source)) {
        int err = errno;
        char buf[PATH_MAX];
        std::string shown = o.target[0] != '/' && ::realpath(o.target.c_str(), buf) ? std::string(buf)
                                                                                    : absolute_as_typed(o.target);
        std::fprintf(stderr, "minipy: can't open file '%s': [Errno %d] %s\n", shown.c_str(), err, std::strerror(err));
        if (o.inspect) return inspect_after(main_globals(Value()));
        return 2;
      }
      // __file__ and the code's filename (tracebacks, warnings) are absolute as in CPython.
      std::string file = absolute_as_typed(o.target);
      Dict* g = main_globals(Value(str_new(file)));
      if (!run_source(source, file, g) && !o.inspect) return finish_with_error();
      if (o.inspect) return inspect_after(g);
      return 0;
    }
    case Mode::Command: {
      Dict* g = main_globals(Value());
      if (!run_source(o.target, "<string>", g) && !o.inspect) return finish_with_error();
      if (o.inspect) return inspect_after(g);
      return 0;
    }
    case Mode::Module: {
      Dict* g = main_globals(Value());
      if (!run_module_as_main(o.target, g) && !o.inspect) return finish_with_error();
      if (o.inspect) return inspect_after(g);
      return 0;
    }
    case Mode::Stdin: {
      Dict* g = main_globals(Value());
      // -i makes even a piped stdin interactive, as in CPython: prompts, echoed values.
      if (::isatty(0) || o.inspect) return run_repl(g, ReplOptions{.show_banner = !o.quiet, .run_startup_file = true});
      std::string source;
      read_fd(0, &source);
      if (!run_source(source, "<stdin>", g)) return finish_with_error();
      return 0;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parse_command_line(argc, argv);
  configure_sys(options, argc, argv);
  // Every thread this program starts comes from _thread, which creates it with GC_pthread_create.
  minipy::memory_start_markers_lazily();
  minipy::interpreter_init(minipy::sys_config().argv);
  std::string error;
  if (auto path = minipy::xoption("trace"); path && !minipy::trace_start(*path, &error))
    std::fprintf(stderr, "minipy: %s\n", error.c_str());
  if (!minipy::sys_config().no_site) minipy::install_site_builtins();
  int status = run(options);
  // A failure inside shutdown (a thread's exception, a failed flush) is reported, not fatal.
  minipy::interpreter_finalize();
  // After finalize, so that the trace includes the joins of non-daemon threads.
  if (minipy::trace_enabled() && !minipy::trace_stop(&error)) std::fprintf(stderr, "minipy: %s\n", error.c_str());
  std::fflush(stdout);
  return status;
}
