// Printing an uncaught exception the way CPython's default handler does:
//
//   Traceback (most recent call last):
//     File "x.py", line 3, in <module>
//       f()
//   ValueError: bad
//
// with chained exceptions first ("The above exception was the direct cause..." / "During
// handling of the above exception..."), SyntaxError's file/line/caret block, and notes.
// An exception group is drawn as a box with its members inside, each under a numbered
// separator, every line of level L behind a margin of 2L blanks and "| ":
//
//     + Exception Group Traceback (most recent call last):
//     |   File "x.py", line 9, in <module>
//     | ExceptionGroup: two (2 sub-exceptions)
//     +-+---------------- 1 ----------------
//       | ValueError: a
//       +---------------- 2 ----------------
//       | TypeError: b
//       +------------------------------------
// It reads tracebacks through their Python attributes (tb_frame, tb_lineno, tb_next, f_code,
// co_filename, co_name), so it prints whatever the traceback module would see.  Under each
// source line it prints CPython 3.11's markers for the failing instruction's range (PEP 657):
//
//       return x[1] / 0
//              ~~~~~^~~
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parse/parser.h"
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

int64_t utf8_length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Characters in the first `byte_offset` bytes of `s` (positions count bytes, markers count
// characters).
int64_t char_offset(std::string_view s, int64_t byte_offset) {
  return utf8_length(s.substr(0, static_cast<size_t>(std::clamp<int64_t>(byte_offset, 0, s.size()))));
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == '\v'; }

// The part of a marked range drawn with '^' while the rest gets '~': the operator of a binary
// operation, the brackets of a subscript.  Offsets are characters from the segment's start.
struct Anchors {
  int64_t left_end, right_start;
};

// The operator of `left OP right`: the first character after the left operand that is not
// blank, skipping the ')' closing a parenthesized left operand; two characters when the next
// one is not blank either (//, **, <<, >>).
Anchors binary_op_anchors(std::string_view segment, const ast::BinOp* op) {
  int64_t left = op->left->end_col_offset, right = left + 1;
  int64_t stop = op->right->col_offset;
  for (int64_t i = op->left->end_col_offset; i < stop; i++) {
    if (is_blank(segment[i])) continue;
    left = i;
    right = i + 1;
    if (i + 1 < stop && !is_blank(segment[i + 1])) right++;
    if (segment[i] == ')' && i + 1 < stop) continue;
    break;
  }
  return {char_offset(segment, left), char_offset(segment, right)};
}

// The brackets of `value[slice]`: from the '[' after the value through the ']' after the
// slice.
Anchors subscript_anchors(std::string_view segment, const ast::Subscript* sub) {
  int64_t size = static_cast<int64_t>(segment.size());
  int64_t left = sub->value->end_col_offset, right = sub->slice->end_col_offset + 1;
  while (left < size && segment[left] != '[') left++;
  while (right < size && segment[right] != ']') right++;
  if (right < size) right++;
  return {char_offset(segment, left), char_offset(segment, right)};
}

// Anchors when the marked source text is, on its own, one binary operation or subscript.
std::optional<Anchors> find_anchors(std::string_view segment) {
  ParseFlags flags;
  flags.text_input = true;
  ParseResult parsed = parse_source(segment, "<string>", ParseMode::Exec, flags);
  const auto* module = parsed.ok() ? ast::dyn_cast<ast::Module>(parsed.tree()) : nullptr;
  if (!module || module->body.size() != 1) return std::nullopt;
  const auto* stmt = ast::dyn_cast<ast::Expr>(module->body[0]);
  if (!stmt) return std::nullopt;
  if (const auto* op = ast::dyn_cast<ast::BinOp>(stmt->value)) return binary_op_anchors(segment, op);
  if (const auto* sub = ast::dyn_cast<ast::Subscript>(stmt->value)) return subscript_anchors(segment, sub);
  return std::nullopt;
}

// The marker line under `line` (the source line without its newline) for the range `pos`, or
// "" when there is none: no known range, or a range covering the whole shown line without
// anchors.  A range running onto later lines is marked to the end of its first line.
std::string caret_line(std::string_view line, const LineTableEntry& pos) {
  if (pos.line < 0 || pos.end_line < 0 || pos.col < 0 || pos.end_col < 0) return std::string();
  size_t indent = std::min(line.find_first_not_of(" \t\f"), line.size());
  int64_t start = char_offset(line, pos.col);
  int64_t end = char_offset(line, pos.end_col);
  std::optional<Anchors> anchors;
  if (pos.line != pos.end_line) {
    size_t last = line.find_last_not_of(" \t\f\r\n\v");
    end = last == std::string_view::npos ? 0 : char_offset(line, static_cast<int64_t>(last) + 1);
  } else if (pos.col < pos.end_col && static_cast<size_t>(pos.end_col) <= line.size()) {
    anchors = find_anchors(line.substr(pos.col, pos.end_col - pos.col));
  }
  int64_t shown_chars = utf8_length(line.substr(indent));
  if (end - start == shown_chars && !anchors) return std::string();
  int64_t width = std::max<int64_t>(end - start, 0);
  std::string out = "    " + std::string(std::max<int64_t>(start - static_cast<int64_t>(indent), 0), ' ');
  if (!anchors) return out + std::string(width, '^') + "\n";
  out += std::string(anchors->left_end, '~');
  out += std::string(anchors->right_start - anchors->left_end, '^');
  out += std::string(std::max<int64_t>(width - anchors->right_start, 0), '~');
  return out + "\n";
}

// The position of the instruction a traceback entry stopped at, if known.
std::optional<LineTableEntry> entry_position(Value code, Value tb) {
  int64_t lasti = int_attr(tb, "tb_lasti");
  if (!code || !code_check(code) || lasti < 0) return std::nullopt;
  Code* c = code.as<Code>();
  uint32_t pc = static_cast<uint32_t>(lasti / static_cast<int64_t>(sizeof(CodeUnit)));
  if (pc >= c->ncode) return std::nullopt;
  const LineTableEntry* e = code_position(c, pc);
  if (!e) return std::nullopt;
  return *e;
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
      // Offsets count characters; the caret line counts columns of the stripped text. As in
      // CPython's printer, no caret points into the indentation, and an IndentationError
      // gets a single caret whatever its end offset.
      int64_t col = offset - 1 - static_cast<int64_t>(indent);
      if (offset >= 1 && col >= 0) {
        int64_t width = 1;
        if (end_lineno == lineno && end_offset > offset && !is_subtype(t, &exc_IndentationError))
          width = end_offset - offset;
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

// The nesting of exception groups (their default limits, as the traceback module's).
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

// Prefixes each line of `text` with the margin of `level` (none at level 0). `first`: the
// margin character of the first line ('+' before the outermost group's traceback header).
void append_at_level(std::string& out, std::string_view text, int level, char first = '|') {
  if (level == 0) {
    out += text;
    return;
  }
  size_t start = 0;
  char c = first;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    out += std::string(2 * level, ' ') + c + ' ';
    out += text.substr(start, end - start);
    start = end;
    c = '|';
  }
}

void format_traceback(Value tb, std::string& out, const char* header = "Traceback (most recent call last):\n") {
  out += header;
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
      // The line keeps its trailing blanks, as CPython's printer shows it.
      std::string line = source_line(filename, lineno);
      size_t indent = line.find_first_not_of(" \t\f");
      if (indent != std::string::npos) {
        out += "    " + line.substr(indent) + "\n";
        std::optional<LineTableEntry> pos = entry_position(code, tb);
        if (pos && pos->line == lineno) out += caret_line(line, *pos);
      }
    }
    tb = attr(tb, "tb_next");
  }
  flush_repeats();
}

bool is_group(Value exc) { return isinstance_fast(exc, &exc_BaseExceptionGroup); }

bool format_chain(Value exc, std::set<uint64_t>& seen, int base, std::string& out);

// A group's own block at `level` (its traceback and line) and its members one level in. The
// box's closing line is left out when the last member's own box already closed it.
void format_group(Value group, std::set<uint64_t>& seen, int level, std::string& out) {
  std::string own;
  Value tb = attr(group, "__traceback__");
  bool has_tb = tb && !is_none(tb);
  if (has_tb) format_traceback(tb, own, "Exception Group Traceback (most recent call last):\n");
  format_exception_only(group, own);
  append_at_level(out, own, level, has_tb && level == 1 ? '+' : '|');
  Value members = attr(group, "exceptions");
  if (!members || !tuple_check(members)) {
    error_clear();
    return;
  }
  Tuple* excs = members.as<Tuple>();
  int64_t shown = std::min<int64_t>(excs->size, kMaxGroupWidth);
  std::string inner(2 * (level + 1), ' ');
  std::string dashes(16, '-');
  bool closed = false;
  for (int64_t i = 0; i < shown; ++i) {
    std::string label = " " + std::to_string(i + 1) + " ";
    out += (i == 0 ? std::string(2 * level, ' ') + "+-+" : inner + "+") + dashes + label + dashes + "\n";
    closed = format_chain((*excs)[i], seen, level + 1, out);
  }
  if (excs->size > shown) {
    int64_t more = excs->size - shown;
    out += inner + "+" + dashes + " ... " + dashes + "\n";
    append_at_level(out, "and " + std::to_string(more) + " more exception" + (more == 1 ? "" : "s") + "\n", level + 1);
    closed = false;
  }
  if (!closed) out += inner + "+" + std::string(36, '-') + "\n";
}

// `exc` after the exceptions chained to it, at margin level `base`: 0 at the top, where a
// group opens its box at level 1, and one level inside the group for its members. True when
// the output ends with a group's box.
bool format_chain(Value exc, std::set<uint64_t>& seen, int base, std::string& out) {
  seen.insert(exc.bits());
  if (base > kMaxGroupDepth && is_group(exc)) {
    append_at_level(out, "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n", base);
    return false;
  }
  Value cause = attr(exc, "__cause__");
  Value context = attr(exc, "__context__");
  Value suppress = attr(exc, "__suppress_context__");
  bool suppressed = suppress && is_true(suppress) > 0;
  error_clear();
  if (cause && !is_none(cause) && is_exception_instance(cause) && !seen.count(cause.bits())) {
    format_chain(cause, seen, base, out);
    append_at_level(out, "\nThe above exception was the direct cause of the following exception:\n\n", base);
  } else if (!suppressed && context && !is_none(context) && is_exception_instance(context) &&
             !seen.count(context.bits())) {
    format_chain(context, seen, base, out);
    append_at_level(out, "\nDuring handling of the above exception, another exception occurred:\n\n", base);
  }
  if (is_group(exc)) {
    format_group(exc, seen, std::max(base, 1), out);
    return true;
  }
  std::string own;
  Value tb = attr(exc, "__traceback__");
  if (tb && !is_none(tb)) format_traceback(tb, own);
  format_exception_only(exc, own);
  append_at_level(out, own, base);
  return false;
}

}  // namespace

std::string format_exception_text(Value exc) {
  std::set<uint64_t> seen;
  std::string out;
  format_chain(exc, seen, 0, out);
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
