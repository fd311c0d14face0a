// The interactive prompt. Whether the lines typed so far make a whole entry is decided the way
// CPython's codeop does it: parse, and tell "incomplete input" from a real SyntaxError. On a
// terminal, lines come from libedit (editing, history, completion); otherwise from sys.stdin.
#include "cli/repl.h"

#include <editline/readline.h>
#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "compile/compiler.h"
#include "lex/token.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "parse/parser.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/file_read.h"
#include "runtime/gil.h"
#include "runtime/interpreter.h"
#include "runtime/source_lines.h"
#include "runtime/thread_state.h"
#include "stdlib/native/user_db.h"
#include "vm/eval.h"

namespace minipy {

namespace {

constexpr const char* kHistoryFile = ".minipy_history";
constexpr int kHistoryLength = 1000;
// Python's operators and brackets end a word, '.' does not: "os.pa<TAB>" completes an attribute.
constexpr const char* kWordBreaks = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

Value sys_attr(const char* name) { return dict_get_cstr(sys_module()->dict, name); }

// Output the program wrote must be on the screen before the next prompt.
void flush_std_streams() {
  for (const char* name : {"stdout", "stderr"}) {
    Value stream = sys_attr(name);
    if (stream && !is_none(stream) && !call_method_cstr(stream, "flush", {})) error_clear();
  }
}

// str(sys.ps1) / str(sys.ps2), read anew for every prompt so a program may change them.
std::string prompt_text(const char* name) {
  Value value = sys_attr(name);
  if (!value) return std::string();
  Value text = to_str(value);
  if (!text) {
    error_clear();
    return std::string();
  }
  return std::string(text.as<Str>()->view());
}

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\f\r") == std::string::npos; }

bool is_blank_or_comment(const std::string& line) {
  size_t first = line.find_first_not_of(" \t\f\r");
  return first == std::string::npos || line[first] == '#';
}

std::string joined(const std::vector<std::string>& lines) {
  std::string source;
  for (const std::string& line : lines) source += line + "\n";
  return source;
}

// ---------------------------------------------------------------------------------------
// Is the entry complete?
// ---------------------------------------------------------------------------------------

enum class Entry { Empty, Incomplete, Ready };

bool is_compound_statement(const ast::StmtNode* stmt) {
  switch (stmt->kind) {
    case ast::Kind::FunctionDef:
    case ast::Kind::AsyncFunctionDef:
    case ast::Kind::ClassDef:
    case ast::Kind::For:
    case ast::Kind::AsyncFor:
    case ast::Kind::While:
    case ast::Kind::If:
    case ast::Kind::With:
    case ast::Kind::AsyncWith:
    case ast::Kind::Try:
    case ast::Kind::TryStar:
      return true;
    default:
      return false;
  }
}

// Ready also covers a real SyntaxError: compiling the entry then reports it.
Entry classify(const std::vector<std::string>& lines) {
  if (std::all_of(lines.begin(), lines.end(), is_blank_or_comment)) return Entry::Empty;
  std::string source = joined(lines);
  bool ends_blank = is_blank(lines.back());
  ParseFlags flags;
  flags.allow_incomplete_input = true;
  ParseResult parsed = parse_source(source, "<stdin>", ParseMode::Single, flags);
  if (parsed.ok()) {
    // A compound statement goes on until an empty line, as at CPython's prompt ("else:" may
    // follow an "if" block).
    auto* tree = static_cast<ast::Interactive*>(parsed.tree());
    bool compound = !tree->body.empty() && is_compound_statement(tree->body.front());
    return compound && !ends_blank ? Entry::Incomplete : Entry::Ready;
  }
  if (parsed.error().msg != "incomplete input") return Entry::Ready;
  if (!ends_blank) return Entry::Incomplete;
  // An empty line ends a block that has no body yet ("if x:" then Enter is an
  // IndentationError), but not an open bracket or string, inside which empty lines are text.
  ParseResult strict = parse_source(source, "<stdin>", ParseMode::Single);
  if (strict.ok()) return Entry::Ready;
  const std::string& msg = strict.error().msg;
  bool open_bracket = msg.size() > 16 && msg.compare(msg.size() - 16, 16, "was never closed") == 0;
  bool open_string = msg.rfind("unterminated triple-quoted string", 0) == 0;
  return open_bracket || open_string ? Entry::Incomplete : Entry::Ready;
}

// ---------------------------------------------------------------------------------------
// Running an entry
// ---------------------------------------------------------------------------------------

// Reports the pending exception as CPython's prompt does, keeping it in sys.last_type,
// sys.last_value and sys.last_traceback for post-mortem inspection (pdb.pm()).
void report_exception() {
  Value exc = error_fetch();
  if (!exc) return;
  Value tb = getattr_optional(exc, intern("__traceback__"));
  error_clear();
  Dict* sys = sys_module()->dict;
  if (dict_set_cstr(sys, "last_type", Value(type_of(exc))) < 0 || dict_set_cstr(sys, "last_value", exc) < 0 ||
      dict_set_cstr(sys, "last_traceback", tb ? tb : none_value()) < 0) {
    error_clear();
  }
  error_restore(exc);
  print_pending_exception();
}

// Compiles and runs one entry. Returns the exit status if it raised SystemExit, else -1.
int run_entry(const std::string& source, Dict* globals) {
  Value code = compile_source(source, "<stdin>", CompileMode::Single);
  if (code && eval_code(code, globals, Value(globals))) return -1;
  int status = handle_system_exit();
  if (status >= 0) return status;
  report_exception();
  return -1;
}

// ---------------------------------------------------------------------------------------
// Reading lines
// ---------------------------------------------------------------------------------------

enum class Input { Line, Eof, Interrupted };

// Set by read_key when a Python signal handler raised (KeyboardInterrupt) while it waited.
bool g_interrupted = false;
// The namespace that completion looks names up in; static data, which the collector scans.
Dict* g_completion_globals = nullptr;

// One byte from `fd`, waiting with the GIL released: 1, or 0 at end of input, or -1 when a
// Python signal handler raised (KeyboardInterrupt). SIGINT stays blocked from the check for
// pending signals until ppoll() unblocks it atomically, so a Ctrl-C that arrived just before
// the wait (libedit shows the prompt before it switches the terminal to raw mode) ends the
// wait instead of being noticed only after the next key.
int read_byte(int fd, unsigned char* byte) {
  sigset_t sigint, unblocked;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  for (;;) {
    pthread_sigmask(SIG_BLOCK, &sigint, &unblocked);
    if (eval_breaker_tripped()) {
      pthread_sigmask(SIG_SETMASK, &unblocked, nullptr);
      if (handle_eval_breaker(current_thread()) < 0) return -1;
      continue;
    }
    int ready;
    int error;
    {
      ScopedGilRelease unlocked;
      struct pollfd wait = {fd, POLLIN, 0};
      ready = ::ppoll(&wait, 1, nullptr, &unblocked);
      error = errno;  // taking the GIL back may change errno
    }
    pthread_sigmask(SIG_SETMASK, &unblocked, nullptr);
    if (ready < 0) {
      if (error == EINTR) continue;
      return 0;
    }
    ssize_t n = ::read(fd, byte, 1);
    if (n == 1) return 1;
    if (n == 0 || (errno != EINTR && errno != EAGAIN)) return 0;
  }
}

// libedit's character source. libedit stores what this returns as one wide character, so a
// UTF-8 sequence is decoded here into its code point.
int read_key(FILE* in) {
  int fd = fileno(in);
  unsigned char byte;
  int got = read_byte(fd, &byte);
  if (got <= 0) {
    g_interrupted = got < 0;
    return EOF;
  }
  if (byte < 0x80) return byte;
  int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
  if (extra == 0) return 0xFFFD;
  int code_point = byte & (0x3F >> extra);
  for (int i = 0; i < extra; ++i) {
    got = read_byte(fd, &byte);
    if (got <= 0) {
      g_interrupted = got < 0;
      return EOF;
    }
    if ((byte & 0xC0) != 0x80) return 0xFFFD;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  return code_point;
}

// ---------------------------------------------------------------------------------------
// Completion, in the manner of CPython's rlcompleter
// ---------------------------------------------------------------------------------------

bool is_identifier_path(std::string_view text) {
  if (text.empty()) return false;
  bool at_start = true;
  for (char c : text) {
    if (c == '.') {
      if (at_start) return false;
      at_start = true;
      continue;
    }
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c & 0x80);
    if (!letter && (at_start || c < '0' || c > '9')) return false;
    at_start = false;
  }
  return !at_start;
}

// Callables complete with "(" after them, as rlcompleter does.
std::string with_call_suffix(const std::string& name, Value value) {
  return value && is_callable(value) ? name + "(" : name;
}

void add_matching_names(Dict* namespace_dict, const std::string& prefix, std::vector<std::string>* matches,
                        std::vector<std::string>* seen) {
  int64_t pos = 0;
  Value key, value;
  while (dict_next(namespace_dict, &pos, &key, &value)) {
    if (!str_check(key)) continue;
    std::string name(key.as<Str>()->view());
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    if (std::find(seen->begin(), seen->end(), name) != seen->end()) continue;
    seen->push_back(name);
    matches->push_back(with_call_suffix(name, value));
  }
}

void complete_name(const std::string& prefix, std::vector<std::string>* matches) {
  std::vector<std::string> seen;
  static const char* const kKeywords[] = {
#define MINIPY_X(name, spelling) spelling,
      MINIPY_KEYWORD_TOKENS(MINIPY_X)
#undef MINIPY_X
  };
  for (const char* keyword : kKeywords) {
    std::string word = keyword;
    if (word.compare(0, prefix.size(), prefix) != 0) continue;
    seen.push_back(word);
    // A keyword that always starts a block gets its colon, one that takes an operand a space.
    static const char* const kAlone[] = {"False", "None", "True", "break", "continue", "pass", "else"};
    if (word == "try" || word == "finally") {
      word += ":";
    } else if (std::none_of(std::begin(kAlone), std::end(kAlone), [&](const char* w) { return word == w; })) {
      word += " ";
    }
    matches->push_back(word);
  }
  add_matching_names(g_completion_globals, prefix, matches, &seen);
  add_matching_names(builtins_module()->dict, prefix, matches, &seen);
}

// "obj.attr.pre": the object is looked up (names and attributes only, nothing is called but
// attribute getters) and the prefix matched against dir(obj).
void complete_attribute(const std::string& text, std::vector<std::string>* matches) {
  size_t dot = text.rfind('.');
  std::string path = text.substr(0, dot);
  std::string prefix = text.substr(dot + 1);
  if (!is_identifier_path(path)) return;
  size_t first_end = path.find('.');
  std::string first = path.substr(0, first_end);
  Value obj = dict_get_cstr(g_completion_globals, first.c_str());
  if (!obj) obj = dict_get_cstr(builtins_module()->dict, first.c_str());
  for (size_t start = first_end; obj && start != std::string::npos;) {
    size_t end = path.find('.', start + 1);
    std::string part = path.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
    obj = getattr_optional(obj, str_new(part));
    start = end;
  }
  if (!obj) return;
  Value names = call(dict_get_cstr(builtins_module()->dict, "dir"), {obj});
  Value it = names ? get_iter(names) : Value();
  if (!it) return;
  while (Value name = iter_next(it)) {
    if (!str_check(name)) continue;
    std::string attr(name.as<Str>()->view());
    if (attr.compare(0, prefix.size(), prefix) != 0) continue;
    // Private names only when asked for: "_" shows single-underscore names, "__" dunders too.
    if (prefix.empty() && attr[0] == '_') continue;
    if (prefix == "_" && attr.compare(0, 2, "__") == 0) continue;
    Value value = getattr_optional(obj, name.as<Str>());
    error_clear();
    matches->push_back(path + "." + with_call_suffix(attr, value));
  }
}

char* copy_for_libedit(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

// readline's completion contract: a malloc'd, null-terminated array whose first entry is what
// replaces the word (the matches' common prefix), followed by the matches; libedit frees it.
char** complete(const char* word, int, int) {
  rl_attempted_completion_over = 1;
  std::string text = word;
  std::vector<std::string> matches;
  if (text.empty()) {
    // Tab on nothing indents, so a block can be typed with Tab (rlcompleter does the same).
    matches.push_back("\t");
  } else if (text.find('.') != std::string::npos) {
    complete_attribute(text, &matches);
  } else {
    complete_name(text, &matches);
  }
  error_clear();
  if (matches.empty()) return nullptr;
  std::sort(matches.begin(), matches.end());
  std::string common = matches.front();
  for (const std::string& m : matches) {
    size_t n = 0;
    while (n < common.size() && n < m.size() && common[n] == m[n]) ++n;
    common.resize(n);
  }
  size_t listed = matches.size() == 1 ? 0 : matches.size();
  // libedit looks at out[2] to recognise a single match, so that slot must exist even then.
  size_t slots = std::max<size_t>(listed + 2, 3);
  char** out = static_cast<char**>(std::calloc(slots, sizeof(char*)));
  out[0] = copy_for_libedit(matches.size() == 1 ? matches.front() : common);
  for (size_t i = 0; i < listed; ++i) out[i + 1] = copy_for_libedit(matches[i]);
  return out;
}

// ---------------------------------------------------------------------------------------
// The terminal session
// ---------------------------------------------------------------------------------------

std::string history_path() {
  const char* home = std::getenv("HOME");
  std::string dir = home ? home : "";
  if (dir.empty()) {
    user_db_init();
    struct passwd* pw = ::getpwuid(::getuid());
    if (pw && pw->pw_dir) dir = pw->pw_dir;
  }
  return dir.empty() ? std::string() : dir + "/" + kHistoryFile;
}

// Line editing while the prompt runs; the history is saved when the session ends, however it
// ends. An unreadable or unwritable history file only means no history.
class LineEditor {
 public:
  explicit LineEditor(Dict* globals) : history_(history_path()) {
    g_completion_globals = globals;
    // libedit converts between the wide characters it edits and the bytes it prints through
    // the C locale; minipy's text is UTF-8, so a C/POSIX locale becomes C.UTF-8 (CPython's
    // PEP 538 coercion does the same).
    std::setlocale(LC_CTYPE, "");
    if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
    rl_readline_name = "minipy";
    // SIGINT must reach minipy's handler, which makes it a KeyboardInterrupt (see read_byte).
    rl_catch_signals = 0;
    rl_getc_function = read_key;
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = kWordBreaks;
    rl_completer_word_break_characters = const_cast<char*>(kWordBreaks);
    rl_completion_append_character = '\0';
    rl_initialize();
    using_history();
    stifle_history(kHistoryLength);
    if (!history_.empty()) read_history(history_.c_str());
  }
  ~LineEditor() {
    if (!history_.empty()) write_history(history_.c_str());
  }
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  Input read(const std::string& prompt, std::string* line) {
    g_interrupted = false;
    char* raw = readline(prompt.c_str());
    if (g_interrupted) {
      std::free(raw);
      return Input::Interrupted;
    }
    if (!raw) return Input::Eof;
    *line = raw;
    std::free(raw);
    // Each physical line is one history entry, as with CPython's readline; repeats once.
    if (!is_blank(*line)) {
      HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
      if (!last || *line != last->line) add_history(line->c_str());
    }
    return Input::Line;
  }

 private:
  std::string history_;
};

// Without a terminal: the prompt on stderr, the line from sys.stdin (which input() shares).
Input read_from_stdin(const std::string& prompt, std::string* line) {
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  Value in = sys_attr("stdin");
  if (!in || is_none(in)) return Input::Eof;
  Value text = call_method_cstr(in, "readline", {});
  if (!text) {
    if (error_matches(&exc_KeyboardInterrupt)) return Input::Interrupted;
    report_exception();
    return Input::Eof;
  }
  if (!str_check(text)) return Input::Eof;
  std::string_view view = text.as<Str>()->view();
  if (view.empty()) return Input::Eof;
  if (view.back() == '\n') view.remove_suffix(1);
  *line = std::string(view);
  return Input::Line;
}

void print_banner() {
#if defined(__clang__)
  const char* compiler = "Clang " __clang_version__;
#else
  const char* compiler = "GCC " __VERSION__;
#endif
  std::string text = std::string("minipy ") + MINIPY_VERSION + " (Python 3.11, " + __DATE__ + ", " + __TIME__ +
                     ") [" + compiler + "] on linux\n" +
                     "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n";
  write_to_stderr(text);
}

// $PYTHONSTARTUP runs in __main__ before the first prompt; its errors are reported, not fatal.
void run_startup_file(Dict* globals) {
  const char* path = std::getenv("PYTHONSTARTUP");
  if (!path || !*path) return;
  std::string text;
  if (!read_file(path, &text)) return;
  if (!run_source(text, path, globals)) report_exception();
}

}  // namespace

void install_site_builtins() {
  Value site = import_module("_sitebuiltins");
  Value done = site ? call_method_cstr(site, "install", {}) : Value();
  if (!done) print_pending_exception();
}

int run_repl(Dict* globals, const ReplOptions& options) {
  Dict* sys = sys_module()->dict;
  if (!dict_get_cstr(sys, "ps1")) dict_set_cstr(sys, "ps1", Value(str_new(">>> ")));
  if (!dict_get_cstr(sys, "ps2")) dict_set_cstr(sys, "ps2", Value(str_new("... ")));
  bool terminal = ::isatty(0) && ::isatty(1);
  if (options.show_banner) print_banner();
  if (options.run_startup_file) run_startup_file(globals);

  std::unique_ptr<LineEditor> editor;
  if (terminal) editor = std::make_unique<LineEditor>(globals);
  std::vector<std::string> lines;
  for (;;) {
    std::string prompt = prompt_text(lines.empty() ? "ps1" : "ps2");
    flush_std_streams();
    std::string line;
    Input got = editor ? editor->read(prompt, &line) : read_from_stdin(prompt, &line);
    if (got == Input::Eof) {
      write_to_stderr("\n");
      return 0;
    }
    if (got == Input::Interrupted) {
      // Ctrl-C drops what was typed of the entry; the prompt starts afresh.
      lines.clear();
      write_to_stderr("\n");
      report_exception();
      continue;
    }
    lines.push_back(line);
    Entry entry = classify(lines);
    if (entry == Entry::Incomplete) continue;
    std::string source = joined(lines);
    lines.clear();
    if (entry == Entry::Empty) continue;
    int status = run_entry(source, globals);
    if (status >= 0) return status;
  }
}

}  // namespace minipy
