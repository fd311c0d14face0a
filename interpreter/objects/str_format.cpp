// String formatting: str.format / str.format_map (the replacement-field language), str.__format__
// (the format-spec mini-language, via runtime/format_spec.h) and printf-style `str % args`.
// The number conversions of both come from the numeric-text layer (int_text.h, float_text.h),
// so '%x' and '{:x}' share their digits with hex() and format().

#include <cstdio>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/float_text.h"
#include "runtime/format_spec.h"
#include "runtime/int_text.h"

namespace minipy {

using namespace text;

namespace {

// ---- str.format ---------------------------------------------------------------------------------

struct FormatState {
  const Value* args;
  size_t nargs;
  Tuple* kwnames;     // keyword arguments of format() (null for format_map)
  Value mapping;      // format_map's mapping (null for format)
  enum { kUnknown, kAuto, kManual } numbering = kUnknown;
  int64_t next_auto = 0;
};

Value raise_value_error(std::string_view msg) { return raise(&exc_ValueError, msg); }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The value of an all-digits field name or key; beyond ssize_t CPython gives up too.
bool digits_value(std::string_view s, int64_t* out) {
  int64_t v = 0;
  for (char c : s) {
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v)) {
      raise_value_error("Too many decimal digits in format string");
      return false;
    }
  }
  *out = v;
  return true;
}

Value lookup_keyword(FormatState& st, std::string_view name) {
  Str* key = str_new(name);
  if (st.mapping) return getitem(st.mapping, key);
  if (st.kwnames) {
    for (int64_t i = 0; i < st.kwnames->size; i++)
      if ((*st.kwnames)[i].as<Str>()->view() == name) return st.args[st.nargs + i];
  }
  return raise_with_args(&exc_KeyError, tuple_of({key}));
}

Value positional(FormatState& st, int64_t index) {
  if (st.mapping) return raise_value_error("Format string contains positional fields");
  if (index < 0 || static_cast<size_t>(index) >= st.nargs)
    return raise(&exc_IndexError,
                 "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
  return st.args[index];
}

// Resolves a field name: arg_name ('.' attr | '[' key ']')*.
Value resolve_field(FormatState& st, std::string_view field) {
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
  std::string_view first = field.substr(0, i);
  Value obj;
  if (first.empty()) {
    if (st.numbering == FormatState::kManual)
      return raise_value_error("cannot switch from manual field specification to automatic field numbering");
    st.numbering = FormatState::kAuto;
    obj = positional(st, st.next_auto++);
  } else if (all_digits(first)) {
    if (st.numbering == FormatState::kAuto)
      return raise_value_error("cannot switch from automatic field numbering to manual field specification");
    st.numbering = FormatState::kManual;
    int64_t index;
    if (!digits_value(first, &index)) return Value();
    obj = positional(st, index);
  } else {
    obj = lookup_keyword(st, first);
  }
  if (!obj) return Value();
  while (i < field.size()) {
    if (field[i] == '.') {
      size_t j = ++i;
      while (j < field.size() && field[j] != '.' && field[j] != '[') j++;
      if (j == i) return raise_value_error("Empty attribute in format string");
      obj = getattr(obj, str_new(field.substr(i, j - i)));
      i = j;
    } else if (field[i] == '[') {
      size_t j = ++i;
      while (j < field.size() && field[j] != ']') j++;
      if (j >= field.size()) return raise_value_error("Missing ']' in format string");
      std::string_view key = field.substr(i, j - i);
      if (key.empty()) return raise_value_error("Empty attribute in format string");
      Value k;
      if (all_digits(key)) {
        int64_t index;
        if (!digits_value(key, &index)) return Value();
        k = int_from_i64(index);
      } else {
        k = str_new(key);
      }
      obj = getitem(obj, k);
      i = j + 1;
      if (i < field.size() && field[i] != '.' && field[i] != '[')
        return raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
    }
    if (!obj) return Value();
  }
  return obj;
}

bool format_into(FormatState& st, std::string_view fmt, int depth, std::string& out);

// Formats one replacement field's value (after conversion) with its (expanded) spec.
bool append_formatted(FormatState& st, Value obj, char conversion, std::string_view spec, int depth,
                      std::string& out) {
  switch (conversion) {
    case 0: break;
    case 'r': obj = repr(obj); break;
    case 's': obj = to_str(obj); break;
    case 'a': obj = ascii(obj); break;
    default: {
      std::string msg = "Unknown conversion specifier ";
      append_cp(msg, static_cast<unsigned char>(conversion));
      raise_value_error(msg);
      return false;
    }
  }
  if (!obj) return false;
  std::string expanded;
  if (spec.find('{') != std::string_view::npos) {
    if (!format_into(st, spec, depth - 1, expanded)) return false;
    spec = expanded;
  }
  if (spec.empty() && str_check_exact(obj)) {
    out.append(obj.as<Str>()->view());
    return true;
  }
  Value r = format(obj, str_new(spec));
  if (!r) return false;
  out.append(r.as<Str>()->view());
  return true;
}

bool format_into(FormatState& st, std::string_view fmt, int depth, std::string& out) {
  if (depth <= 0) {
    raise_value_error("Max string recursion exceeded");
    return false;
  }
  size_t i = 0, n = fmt.size();
  while (i < n) {
    // Literal text up to the next brace.
    size_t j = i;
    while (j < n && fmt[j] != '{' && fmt[j] != '}') j++;
    out.append(fmt.substr(i, j - i));
    if (j >= n) break;
    if (fmt[j] == '}') {
      if (j + 1 < n && fmt[j + 1] == '}') {
        out += '}';
        i = j + 2;
        continue;
      }
      raise_value_error("Single '}' encountered in format string");
      return false;
    }
    if (j + 1 < n && fmt[j + 1] == '{') {
      out += '{';
      i = j + 2;
      continue;
    }
    if (j + 1 >= n) {
      raise_value_error("Single '{' encountered in format string");
      return false;
    }
    // The field name: up to ':', '!' or '}', brackets quoting everything up to ']'.
    size_t k = j + 1;
    while (k < n && fmt[k] != ':' && fmt[k] != '!' && fmt[k] != '}') {
      if (fmt[k] == '[') {
        while (k < n && fmt[k] != ']') k++;
        if (k >= n) break;
      }
      k++;
    }
    if (k >= n) {
      raise_value_error("expected '}' before end of string");
      return false;
    }
    std::string_view field = fmt.substr(j + 1, k - j - 1);
    char conversion = 0;
    std::string_view spec;
    bool has_spec = false;
    if (fmt[k] == '!') {
      if (k + 1 >= n) {
        raise_value_error("end of string while looking for conversion specifier");
        return false;
      }
      conversion = fmt[k + 1];
      k += 2;
      if (k < n && fmt[k] == ':') {
        has_spec = true;
      } else if (k < n && fmt[k] != '}') {
        raise_value_error("expected ':' after conversion specifier");
        return false;
      } else if (k >= n) {
        raise_value_error("unmatched '{' in format spec");
        return false;
      }
    } else if (fmt[k] == ':') {
      has_spec = true;
    }
    if (has_spec) {
      size_t s = k + 1;
      int count = 1;
      size_t m = s;
      for (; m < n; m++) {
        if (fmt[m] == '{') count++;
        else if (fmt[m] == '}' && --count == 0) break;
      }
      if (m >= n) {
        raise_value_error("unmatched '{' in format spec");
        return false;
      }
      spec = fmt.substr(s, m - s);
      k = m;
    }
    Value obj = resolve_field(st, field);
    if (!obj) return false;
    if (!append_formatted(st, obj, conversion, spec, depth, out)) return false;
    i = k + 1;
  }
  return true;
}

}  // namespace

Value str_format_call(Str* fmt, const Value* args, size_t nargs, Tuple* kwnames) {
  FormatState st{args, nargs, kwnames, Value()};
  std::string out;
  out.reserve(fmt->size + 16 * nargs);
  if (!format_into(st, fmt->view(), 2, out)) return Value();
  return str_new(out);
}

Value str_method_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return str_format_call(self.as<Str>(), args, nargs, kwnames);
}

Value str_method_format_map(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.format_map", kwnames) || !check_nargs("str.format_map", nargs, 1, 1)) return Value();
  FormatState st{nullptr, 0, nullptr, args[0]};
  std::string out;
  if (!format_into(st, self.as<Str>()->view(), 2, out)) return Value();
  return str_new(out);
}

Value str_method_dunder_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("str.__format__", kwnames) || !check_nargs("str.__format__", nargs, 1, 1)) return Value();
  if (!str_check(args[0]))
    return raise(&exc_TypeError, std::string("__format__() argument must be str, not ") + type_name(args[0]));
  Str* s = self.as<Str>();
  Str* spec = args[0].as<Str>();
  if (spec->size == 0) return s->type == &str_type ? Value(s) : Value(str_new(s->view()));
  TextResult<std::string> r = format_string(s->view(), spec->view(), type_name(self));
  if (!r) return raise_text_error(r.error());
  return str_new(r.value());
}

// ---- printf-style formatting ---------------------------------------------------------------------

namespace {

struct PercentArgs {
  const Value* items;
  int64_t count;
  int64_t next = 0;
  Value mapping;  // set when the right operand is a mapping (%(key)s)

  Value take() {
    if (next >= count) {
      raise(&exc_TypeError, "not enough arguments for format string");
      return Value();
    }
    return items[next++];
  }
};

// A '*' width (C ssize_t) or precision (C int) taken from the arguments.
bool star_arg(PercentArgs& pa, int64_t* out, bool precision) {
  Value v = pa.take();
  if (!v) return false;
  if (!int_check(v)) {
    raise(&exc_TypeError, "* wants int");
    return false;
  }
  bool fits = int_to_i64(v, out);
  if (precision && fits && (*out > INT32_MAX || *out < INT32_MIN)) fits = false;
  if (!fits) {
    raise(&exc_OverflowError, precision ? "Python int too large to convert to C int"
                                        : "Python int too large to convert to C ssize_t");
    return false;
  }
  // A width no string could have: CPython fails allocating it.
  if (!precision && (*out > (int64_t{1} << 40) || *out < -(int64_t{1} << 40))) {
    raise_no_memory();
    return false;
  }
  return true;
}

// Pads text (of `length` code points) to the width with spaces.
void pad_text(std::string& out, std::string_view text, int64_t length, const PrintfSpec& spec) {
  int64_t fill = spec.width > length ? spec.width - length : 0;
  if (!spec.left_adjust) out.append(fill, ' ');
  out.append(text);
  if (spec.left_adjust) out.append(fill, ' ');
}

bool append_int_conversion(std::string& out, Value v, const PrintfSpec& spec) {
  TextResult<std::string> r = std::string();
  int64_t small;
  if (int_to_i64(v, &small)) {
    r = printf_format_int(small, spec);
  } else {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    r = printf_format_int(z, spec);
    mpz_clear(z);
  }
  if (!r) {
    raise_text_error(r.error());
    return false;
  }
  out.append(r.value());
  return true;
}

bool convert_number(std::string& out, Value v, const PrintfSpec& spec);

bool convert_one(std::string& out, Value v, PrintfSpec& spec) {
  char c = spec.conversion;
  switch (c) {
    case 's':
    case 'r':
    case 'a': {
      Value s = c == 's' ? to_str(v) : c == 'r' ? repr(v) : ascii(v);
      if (!s) return false;
      Str* str = s.as<Str>();
      std::string_view text = str->view();
      int64_t length = str->length;
      if (spec.precision >= 0 && spec.precision < length) {
        text = text.substr(0, str_offset(str, spec.precision));
        length = spec.precision;
      }
      pad_text(out, text, length, spec);
      return true;
    }
    case 'c': {
      uint32_t cp;
      if (str_check(v)) {
        Str* s = v.as<Str>();
        if (s->length != 1) {
          raise(&exc_TypeError, "%c requires int or char");
          return false;
        }
        decode_cp(s->data(), &cp);
      } else if (int_check(v) || type_of(v)->nb.index) {
        Value i = number_index(v);
        if (!i) return false;
        int64_t x;
        if (!int_to_i64(i, &x) || x < 0 || x >= 0x110000) {
          raise(&exc_OverflowError, "%c arg not in range(0x110000)");
          return false;
        }
        cp = static_cast<uint32_t>(x);
      } else {
        raise(&exc_TypeError, "%c requires int or char");
        return false;
      }
      char buf[4];
      pad_text(out, std::string_view(buf, encode_cp(cp, buf)), 1, spec);
      return true;
    }
    default: return convert_number(out, v, spec);
  }
}

// The bytes flavour: %s/%b take bytes-like objects (or __bytes__), %r/%a give ascii(), %c one byte.
bool convert_bytes(std::string& out, Value v, PrintfSpec& spec) {
  char c = spec.conversion;
  std::string_view data;
  std::string holder;
  switch (c) {
    case 's':
    case 'b': {
      if (!bytes_like_view(v, &data)) {
        Value b = bytes_from_dunder(v);
        if (!b) {
          if (!error_pending())
            raise(&exc_TypeError, std::string("%b requires a bytes-like object, or an object that implements "
                                              "__bytes__, not '") + type_name(v) + "'");
          return false;
        }
        holder = b.as<Bytes>()->view();
        data = holder;
      }
      break;
    }
    case 'r':
    case 'a': {
      Value s = ascii(v);
      if (!s) return false;
      holder = s.as<Str>()->view();
      data = holder;
      break;
    }
    case 'c': {
      if (bytes_like_view(v, &data)) {
        if (data.size() != 1) {
          raise(&exc_TypeError, "%c requires an integer in range(256) or a single byte");
          return false;
        }
        break;
      }
      int64_t x;
      if (!(int_check(v) || type_of(v)->nb.index)) {
        raise(&exc_TypeError, "%c requires an integer in range(256) or a single byte");
        return false;
      }
      Value i = number_index(v);
      if (!i) return false;
      if (!int_to_i64(i, &x) || x < 0 || x > 255) {
        raise(&exc_OverflowError, "%c arg not in range(256)");
        return false;
      }
      holder.assign(1, static_cast<char>(x));
      data = holder;
      break;
    }
    default: return convert_number(out, v, spec);
  }
  if (spec.precision >= 0 && c != 'c' && spec.precision < static_cast<int64_t>(data.size()))
    data = data.substr(0, spec.precision);
  pad_text(out, data, data.size(), spec);
  return true;
}

// The int and float conversions shared by str % and bytes %.
bool convert_number(std::string& out, Value v, const PrintfSpec& spec) {
  char c = spec.conversion;
  switch (c) {
    case 'd':
    case 'i':
    case 'u': {
      Value n = v;
      if (!int_check(v)) {
        Type* t = type_of(v);
        if (!t->nb.index && !t->nb.to_int && !t->nb.to_float) {
          raise(&exc_TypeError, std::string("%") + c + " format: a real number is required, not " + type_name(v));
          return false;
        }
        n = number_int(v);
        if (!n) return false;
      }
      return append_int_conversion(out, n, spec);
    }
    case 'o':
    case 'x':
    case 'X': {
      Value n = v;
      if (!int_check(v)) {
        if (!type_of(v)->nb.index) {
          raise(&exc_TypeError, std::string("%") + c + " format: an integer is required, not " + type_name(v));
          return false;
        }
        n = number_index(v);
        if (!n) return false;
      }
      return append_int_conversion(out, n, spec);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      double d;
      if (float_check(v)) {
        d = float_value(v);
      } else {
        Type* t = type_of(v);
        if (!int_check(v) && !t->nb.to_float && !t->nb.index) {
          raise(&exc_TypeError, std::string("must be real number, not ") + type_name(v));
          return false;
        }
        if (!to_double(v, &d)) return false;
      }
      TextResult<std::string> r = printf_format_double(d, spec);
      if (!r) {
        raise_text_error(r.error());
        return false;
      }
      out.append(r.value());
      return true;
    }
    default: return false;
  }
}

}  // namespace

namespace text {

bool percent_format(std::string_view f, Value args, bool is_bytes, std::string& out) {
  PercentArgs pa{};
  if (tuple_check(args)) {
    pa.items = args.as<Tuple>()->items();
    pa.count = args.as<Tuple>()->size;
  } else {
    pa.items = &args;
    pa.count = 1;
    // Any subscriptable right operand (but a str/bytes) may serve %(key)s, as in CPython.
    bool text = is_bytes ? bytes_check(args) || bytearray_check(args) : str_check(args);
    if (type_of(args)->mp_subscript && !text) pa.mapping = args;
  }
  out.reserve(f.size() + 16);
  size_t i = 0, n = f.size();
  while (i < n) {
    size_t j = i;
    while (j < n && f[j] != '%') j++;
    out.append(f.substr(i, j - i));
    if (j >= n) break;
    i = j + 1;
    if (i >= n) {
      raise_value_error("incomplete format");
      return false;
    }
    if (f[i] == '%') {  // only an immediate "%%" is a literal; "%5%" is a bad conversion
      out += '%';
      i++;
      continue;
    }
    Value arg;
    bool have_arg = false;
    if (f[i] == '(') {
      if (!pa.mapping) {
        raise(&exc_TypeError, "format requires a mapping");
        return false;
      }
      int depth = 1;
      size_t k = ++i;
      while (k < n && depth > 0) {
        if (f[k] == '(') depth++;
        else if (f[k] == ')') depth--;
        if (depth > 0) k++;
      }
      if (k >= n) {
        raise_value_error("incomplete format key");
        return false;
      }
      std::string_view key_text = f.substr(i, k - i);
      Value key = is_bytes ? Value(bytes_new(key_text)) : Value(str_new(key_text));
      arg = getitem(pa.mapping, key);
      if (!arg) return false;
      have_arg = true;
      i = k + 1;
    }
    PrintfSpec spec;
    for (; i < n; i++) {
      char c = f[i];
      if (c == '-') spec.left_adjust = true;
      else if (c == '+') spec.plus_sign = true;
      else if (c == ' ') spec.space_sign = true;
      else if (c == '#') spec.alternate = true;
      else if (c == '0') spec.zero_pad = true;
      else break;
    }
    if (i < n && f[i] == '*') {
      if (!star_arg(pa, &spec.width, false)) return false;
      if (spec.width < 0) {
        spec.left_adjust = true;
        spec.width = -spec.width;
      }
      i++;
    } else {
      while (i < n && f[i] >= '0' && f[i] <= '9') {
        spec.width = (spec.width < 0 ? 0 : spec.width) * 10 + (f[i] - '0');
        if (spec.width > INT32_MAX) {
          raise_value_error("width too big");
          return false;
        }
        i++;
      }
    }
    if (i < n && f[i] == '.') {
      i++;
      spec.precision = 0;
      if (i < n && f[i] == '*') {
        if (!star_arg(pa, &spec.precision, true)) return false;
        if (spec.precision < 0) spec.precision = 0;
        i++;
      } else {
        while (i < n && f[i] >= '0' && f[i] <= '9') {
          spec.precision = spec.precision * 10 + (f[i] - '0');
          if (spec.precision > INT32_MAX) {
            raise_value_error("precision too big");
            return false;
          }
          i++;
        }
      }
    }
    while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++;
    if (i >= n) {
      raise_value_error("incomplete format");
      return false;
    }
    char c = f[i++];
    if (!have_arg) {
      arg = pa.take();
      if (!arg) return false;
    }
    const char* known = is_bytes ? "sbracdiuoxXeEfFgG" : "sracdiuoxXeEfFgG";
    if (c == 0 || !std::strchr(known, c)) {
      uint32_t cp = static_cast<unsigned char>(c);
      int64_t index = i - 1;
      if (!is_bytes) {
        decode_cp(f.data() + i - 1, &cp);
        index = count_cps(f.data(), i - 1);
      }
      char hex[16];
      std::snprintf(hex, sizeof hex, "%x", cp);
      std::string msg = "unsupported format character '";
      msg += cp >= 0x20 && cp < 0x7F ? static_cast<char>(cp) : '?';
      raise_value_error(msg + "' (0x" + hex + ") at index " + std::to_string(index));
      return false;
    }
    spec.conversion = c;
    if (!(is_bytes ? convert_bytes(out, arg, spec) : convert_one(out, arg, spec))) return false;
  }
  if (pa.next < pa.count && !pa.mapping) {
    raise(&exc_TypeError, std::string("not all arguments converted during ") +
                              (is_bytes ? "bytes formatting" : "string formatting"));
    return false;
  }
  return true;
}

}  // namespace text

Value str_percent_format(Str* fmt, Value args) {
  std::string out;
  if (!percent_format(fmt->view(), args, false, out)) return Value();
  return str_new(out);
}

Value str_mod(Value a, Value b) {
  if (!str_check(a)) return not_implemented_value();
  return str_percent_format(a.as<Str>(), b);
}

}  // namespace minipy
