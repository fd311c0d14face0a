// _re2: the matching engine under stdlib/lib/re.py, a thin layer over RE2.
//
// re.py translates Python's pattern syntax into RE2's and builds Pattern/Match objects; this
// module compiles the translated text and runs matches. The split keeps the syntax work in
// Python (easy to follow, cached per pattern) and the per-match work in C++: positions cross
// the boundary as code-point indices for str subjects (RE2 works on UTF-8 bytes) and byte
// indices for bytes subjects (compiled as Latin-1).
//
// Python's non-MULTILINE '$' also matches before a final newline, which RE2 cannot express
// (no lookahead); a pattern compiled with dollar_nl is run a second time on the text without
// that newline and the leftmost of the two matches wins.
#include <re2/re2.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

Type regex_type;

struct RegexObject : Object {
  re2::RE2* re;     // C++ memory, freed by a finalizer
  bool bytes;       // compiled as Latin-1 for bytes subjects
  bool dollar_nl;   // has a non-MULTILINE '$' (see the header comment)
};

void regex_finalize(Object* o) { delete static_cast<RegexObject*>(o)->re; }

RegexObject* as_regex(Value v) { return v.as<RegexObject>(); }

// compile(pattern, dollar_nl): pattern is translated RE2 syntax, str (UTF-8) or bytes (Latin-1).
// RE2's complaint is raised as ValueError, which re.py turns into re.error.
Value re2_compile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"compile", {"pattern", "dollar_nl"}, 2, 2};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  re2::RE2::Options options;
  options.set_log_errors(false);
  std::string_view text;
  bool bytes = !str_check(a[0]);
  if (bytes) {
    if (!bytes_like_view(a[0], &text)) {
      return raise(&exc_TypeError, std::string("first argument must be string or compiled pattern"));
    }
    options.set_encoding(re2::RE2::Options::EncodingLatin1);
  } else {
    text = a[0].as<Str>()->view();
  }
  int dollar = is_true(a[1]);
  if (dollar < 0) return Value();
  auto re = std::make_unique<re2::RE2>(re2::StringPiece(text.data(), text.size()), options);
  if (!re->ok()) return raise(&exc_ValueError, re->error());
  auto* r = alloc<RegexObject>(&regex_type);
  r->re = re.release();
  r->bytes = bytes;
  r->dollar_nl = dollar != 0;
  register_finalizer(r, regex_finalize);
  return Value(r);
}

// match(subject, pos, endpos, anchor): anchor 0 searches, 1 anchors at pos, 2 at both ends.
// pos and endpos are already clamped to the subject by re.py. Returns None or a tuple of
// (start, end) index pairs, one per group (group 0 first), -1 for groups that did not take part.
Value regex_match(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("match", kwnames) || !check_nargs("match", nargs, 4, 4)) return Value();
  RegexObject* r = as_regex(self);
  int64_t pos, endpos, anchor_arg;
  if (!index_to_i64(args[1], &pos) || !index_to_i64(args[2], &endpos) || !index_to_i64(args[3], &anchor_arg)) {
    return Value();
  }
  std::string_view text;
  Str* s = nullptr;
  bool is_str = str_check(args[0]);
  bool is_bytes = !is_str && bytes_like_view(args[0], &text);
  if (!is_str && !is_bytes) {
    return raise(&exc_TypeError, std::string("expected string or bytes-like object, got '") + type_name(args[0]) + "'");
  }
  if (r->bytes) {
    if (is_str) return raise(&exc_TypeError, "cannot use a bytes pattern on a string-like object");
  } else {
    if (is_bytes) return raise(&exc_TypeError, "cannot use a string pattern on a bytes-like object");
    s = args[0].as<Str>();
    text = s->view();
    pos = text::str_offset(s, pos);
    endpos = text::str_offset(s, endpos);
  }
  auto anchor = anchor_arg == 0   ? re2::RE2::UNANCHORED
                : anchor_arg == 1 ? re2::RE2::ANCHOR_START
                                  : re2::RE2::ANCHOR_BOTH;
  int n = r->re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(n), alt(n);
  // Python's endpos makes the subject end there ('$' and \Z match at it), so the text is cut.
  re2::StringPiece subject(text.data(), static_cast<size_t>(endpos));
  bool found = r->re->Match(subject, pos, subject.size(), anchor, groups.data(), n);
  if (r->dollar_nl && anchor != re2::RE2::ANCHOR_BOTH && endpos > pos && text[endpos - 1] == '\n') {
    re2::StringPiece shorter(text.data(), static_cast<size_t>(endpos - 1));
    if (r->re->Match(shorter, pos, shorter.size(), anchor, alt.data(), n) &&
        (!found || alt[0].data() < groups[0].data())) {
      groups.swap(alt);
      found = true;
    }
  }
  if (!found) return none_value();
  Tuple* out = tuple_new(2 * n);
  for (int i = 0; i < n; ++i) {
    int64_t start = -1, end = -1;
    if (groups[i].data()) {
      start = groups[i].data() - text.data();
      end = start + static_cast<int64_t>(groups[i].size());
      if (s) {
        start = text::str_index_of_offset(s, start);
        end = text::str_index_of_offset(s, end);
      }
    }
    (*out)[2 * i] = Value::small_int(start);
    (*out)[2 * i + 1] = Value::small_int(end);
  }
  return Value(out);
}

Value regex_groups(Value self) { return Value::small_int(as_regex(self)->re->NumberOfCapturingGroups()); }

Value regex_groupindex(Value self) {
  // RE2 keys its map by name; Python lists the names in pattern order.
  const auto& names = as_regex(self)->re->CapturingGroupNames();
  Dict* d = dict_new();
  for (const auto& [index, name] : names) {
    if (dict_set(d, Value(str_new(name)), Value::small_int(index)) < 0) return Value();
  }
  return Value(d);
}

// unicode_class(letter): the code point ranges of Python's \d, \s or \w ('d', 's', 'w') or of
// their complements ('D', 'S', 'W') in RE2 class syntax, without the brackets, so that re.py
// can put them inside a character class (RE2's own \d\s\w are ASCII-only, and a negated
// Unicode class inside a class such as [^\W\d] has no other RE2 spelling).
Value re2_unicode_class(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unicode_class", kwnames) || !check_nargs("unicode_class", nargs, 1, 1)) return Value();
  if (!str_check(args[0]) || args[0].as<Str>()->size != 1 ||
      std::string_view("dswDSW").find(args[0].as<Str>()->data()[0]) == std::string_view::npos) {
    return raise(&exc_ValueError, "unicode_class() expects one of 'dswDSW'");
  }
  char kind = args[0].as<Str>()->data()[0];
  auto member = [kind](uint32_t cp) {
    switch (kind | 0x20) {
      case 'd': return unicode::has(cp, unicode::kDecimal);
      case 's': return unicode::has(cp, unicode::kSpace);
      default:
        return cp == '_' ||
               (unicode::flags(cp) & (unicode::kAlpha | unicode::kDecimal | unicode::kDigit | unicode::kNumeric)) != 0;
    }
  };
  bool negate = kind < 'a';
  // Surrogates never occur in RE2's UTF-8 text, so they are left out of every class.
  auto in_class = [&](uint32_t cp) { return (cp < 0xD800 || cp > 0xDFFF) && member(cp) != negate; };
  std::string out;
  constexpr uint32_t kEnd = 0x110000;
  for (uint32_t cp = 0; cp < kEnd; ++cp) {
    if (!in_class(cp)) continue;
    uint32_t lo = cp;
    while (cp + 1 < kEnd && in_class(cp + 1)) ++cp;
    char buf[40];
    if (lo == cp) {
      snprintf(buf, sizeof buf, "\\x{%x}", lo);
    } else {
      snprintf(buf, sizeof buf, "\\x{%x}-\\x{%x}", lo, cp);
    }
    out += buf;
  }
  return Value(str_from_ascii(out));
}

const MethodDef kRegexMethods[] = {
    {"match", regex_match},
    {nullptr, nullptr},
};

const GetSetDef kRegexGetSets[] = {
    {"groups", regex_groups, nullptr},
    {"groupindex", regex_groupindex, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kRe2Functions[] = {
    {"compile", re2_compile},
    {"unicode_class", re2_unicode_class},
    {nullptr, nullptr},
};

}  // namespace

Value re2_module_create() {
  if (!regex_type.name) {
    regex_type.basicsize = sizeof(RegexObject);
    type_ready(&regex_type, "_re2.Regex", nullptr, kRegexMethods, kRegexGetSets);
  }
  Module* m = module_new(intern("_re2"));
  module_add_functions(m, kRe2Functions);
  module_add(m, "Regex", Value(&regex_type));
  return Value(m);
}

}  // namespace minipy
