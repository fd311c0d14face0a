// Printing an uncaught exception the way CPython's default handler does:
//
//   Traceback (most recent call last):
//     File "x.py", line 3, in <module>
//       f()
//   ValueError: bad
//
// with chained exceptions first ("The above exception was the direct cause..." / "During
// handling of the above exception..."), SyntaxError's file/line/caret block, and notes.
// It reads tracebacks through their Python attributes (tb_frame, tb_lineno, tb_next, f_code,
// co_filename, co_name), so it prints whatever the traceback module would see.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/embedded_stdlib.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/source_lines.h"

namespace minipy {

namespace {

std::string text_of(Value v) {
  if (v && str_check(v)) return std::string(v.as<Str>()->view());
  return std::string();
}

Value attr(Value obj, const char* name) {
  Value v = getattr_optional(obj, intern(name));
  if (!v) error_clear();  // printing must go on whatever the object does
  return v;
}

int64_t int_attr(Value obj, const char* name) {
  Value v = attr(obj, name);
  int64_t out = 0;
  if (v && int_check(v) && int_to_i64(v, &out)) return out;
  return -1;
}

std::string strip(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\f\r\n");
  if (b == std::string_view::npos) return std::string();
  size_t e = s.find_last_not_of(" \t\f\r\n");
  return std::string(s.substr(b, e - b + 1));
}

int64_t utf8_length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// "ValueError", or "pkg.mod.Error" for classes outside builtins and __main__.
std::string exception_type_name(Type* t) {
  std::string name = t->qualname ? std::string(t->qualname->view()) : std::string(t->name);
  Value module = dict_get_cstr(t->dict, "__module__");
  if (!module) error_clear();
  std::string mod = text_of(module);
  if (mod.empty() && std::string(t->name).find('.') != std::string::npos) {
    return t->name;  // static types carry their module in tp_name
  }
  if (!mod.empty() && mod != "builtins" && mod != "__main__") return mod + "." + name;
  return name;
}

void format_exception_only(Value exc, std::string& out) {
  Type* t = type_of(exc);
  std::string name = exception_type_name(t);
  if (is_subtype(t, &exc_SyntaxError)) {
    std::string filename = text_of(attr(exc, "filename"));
    int64_t lineno = int_attr(exc, "lineno");
    if (!filename.empty() || lineno > 0) {
      out += "  File \"" + (filename.empty() ? std::string("<string>") : filename) + "\", line " +
             std::to_string(lineno) + "\n";
    }
    std::string text = text_of(attr(exc, "text"));
    if (!text.empty()) {
      // CPython shows the line without its indentation and moves the caret with it.
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
      size_t indent = text.find_first_not_of(" \t\f");
      if (indent == std::string::npos) indent = text.size();
      std::string shown = text.substr(indent);
      out += "    " + shown + "\n";
      int64_t offset = int_attr(exc, "offset");
      int64_t end_offset = int_attr(exc, "end_offset");
      int64_t end_lineno = int_attr(exc, "end_lineno");
      if (offset >= 1) {
        // Offsets count characters; the caret line counts columns of the stripped text.
        int64_t col = offset - 1 - static_cast<int64_t>(indent);
        if (col < 0) col = 0;
        int64_t width = 1;
        if (end_lineno == lineno && end_offset > offset) width = end_offset - offset;
        int64_t shown_len = utf8_length(shown);
        if (col > shown_len) col = shown_len;
        if (col + width > shown_len + 1) width = std::max<int64_t>(1, shown_len + 1 - col);
        out += "    " + std::string(col, ' ') + std::string(width, '^') + "\n";
      }
    }
    Value msg = attr(exc, "msg");
    std::string m = msg && !is_none(msg) ? text_of(to_str(msg)) : std::string();
    if (!msg || error_pending()) error_clear();
    out += name + (m.empty() ? "" : ": " + m) + "\n";
    return;
  }
  Value s = to_str(exc);
  std::string text;
  if (!s) {
    error_clear();
    text = "<exception str() failed>";
  } else {
    text = text_of(s);
  }
  out += text.empty() ? name + "\n" : name + ": " + text + "\n";
  Value notes = attr(exc, "__notes__");
  if (notes && (list_check(notes) || tuple_check(notes))) {
    Value it = get_iter(notes);
    while (it) {
      Value note = iter_next(it);
      if (!note) break;
      Value ns = str_check(note) ? note : repr(note);
      if (!ns) {
        error_clear();
        continue;
      }
      out += text_of(ns) + "\n";
    }
    error_clear();
  }
}

void format_traceback(Value tb, std::string& out) {
  out += "Traceback (most recent call last):\n";
  // CPython folds runs of identical lines (deep recursion) after three repetitions.
  std::string last_key;
  int repeats = 0;
  auto flush_repeats = [&]() {
    if (repeats > 3) {
      int hidden = repeats - 3;
      out += "  [Previous line repeated " + std::to_string(hidden) + " more time" + (hidden == 1 ? "" : "s") + "]\n";
    }
  };
  while (tb && !is_none(tb)) {
    Value frame = attr(tb, "tb_frame");
    int64_t lineno = int_attr(tb, "tb_lineno");
    Value code = frame ? attr(frame, "f_code") : Value();
    std::string filename = code ? text_of(attr(code, "co_filename")) : "<unknown>";
    std::string name = code ? text_of(attr(code, "co_name")) : "<unknown>";
    std::string key = filename + "\n" + std::to_string(lineno) + "\n" + name;
    if (key == last_key) {
      ++repeats;
    } else {
      flush_repeats();
      last_key = key;
      repeats = 1;
    }
    if (repeats <= 3) {
      out += "  File \"" + filename + "\", line " + std::to_string(lineno) + ", in " + name + "\n";
      std::string line = strip(source_line(filename, lineno));
      if (!line.empty()) out += "    " + line + "\n";
    }
    tb = attr(tb, "tb_next");
  }
  flush_repeats();
}

void format_chain(Value exc, std::set<uint64_t>& seen, std::string& out) {
  seen.insert(exc.bits());
  Value cause = attr(exc, "__cause__");
  Value context = attr(exc, "__context__");
  Value suppress = attr(exc, "__suppress_context__");
  bool suppressed = suppress && is_true(suppress) > 0;
  error_clear();
  if (cause && !is_none(cause) && is_exception_instance(cause) && !seen.count(cause.bits())) {
    format_chain(cause, seen, out);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (!suppressed && context && !is_none(context) && is_exception_instance(context) &&
             !seen.count(context.bits())) {
    format_chain(context, seen, out);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  Value tb = attr(exc, "__traceback__");
  if (tb && !is_none(tb)) format_traceback(tb, out);
  format_exception_only(exc, out);
}

}  // namespace

std::string format_exception_text(Value exc) {
  std::set<uint64_t> seen;
  std::string out;
  format_chain(exc, seen, out);
  return out;
}

void write_to_stderr(std::string_view text) {
  Value err = dict_get_cstr(sys_module()->dict, "stderr");
  if (err && !is_none(err)) {
    Value r = call_method_cstr(err, "write", {Value(str_new(text))});
    if (r) r = call_method_cstr(err, "flush", {});
    if (r) return;
    error_clear();
  }
  fwrite(text.data(), 1, text.size(), stderr);
  fflush(stderr);
}

void print_pending_exception() {
  Value exc = error_fetch();
  if (!exc) return;
  // Output the program already printed must come before the traceback.
  Value out = dict_get_cstr(sys_module()->dict, "stdout");
  if (out && !is_none(out) && !call_method_cstr(out, "flush", {})) error_clear();
  Value hook = dict_get_cstr(sys_module()->dict, "excepthook");
  Value default_hook = dict_get_cstr(sys_module()->dict, "__excepthook__");
  if (hook && default_hook && !hook.is(default_hook)) {
    Value tb = attr(exc, "__traceback__");
    if (call(hook, {Value(type_of(exc)), exc, tb ? tb : none_value()})) return;
    // A failing hook is reported, then the original exception, as CPython does.
    Value hook_exc = error_fetch();
    write_to_stderr("Error in sys.excepthook:\n" + format_exception_text(hook_exc) +
                    "\nOriginal exception was:\n");
  }
  write_to_stderr(format_exception_text(exc));
}

}  // namespace minipy
