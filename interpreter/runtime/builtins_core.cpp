// Builtin functions about single objects: print, input, len, repr, attribute access, number
// conversions, chr/ord, isinstance...
#include <unistd.h>

#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/int_text.h"
#include "runtime/interpreter.h"
#include "stdlib/native/io_file.h"

namespace minipy {

namespace {

Value sys_attr(const char* name) { return dict_get_cstr(sys_module()->dict, name); }

// Checks print()'s sep/end argument: None or a str.
bool text_or_none(const char* what, Value v, std::string_view dflt, std::string_view* out) {
  if (!v || is_none(v)) {
    *out = dflt;
    return true;
  }
  if (!str_check(v)) {
    raise(&exc_TypeError, std::string(what) + " must be None or a string, not " + type_name(v));
    return false;
  }
  *out = v.as<Str>()->view();
  return true;
}

Value builtin_print(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value sep_v, end_v, file, flush;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      std::string_view k = (*kwnames)[i].as<Str>()->view();
      Value v = args[nargs + i];
      if (k == "sep") sep_v = v;
      else if (k == "end") end_v = v;
      else if (k == "file") file = v;
      else if (k == "flush") flush = v;
      else return raise(&exc_TypeError, "print() got an unexpected keyword argument '" + std::string(k) + "'");
    }
  }
  std::string_view sep, end;
  if (!text_or_none("sep", sep_v, " ", &sep) || !text_or_none("end", end_v, "\n", &end)) return Value();
  if (!file || is_none(file)) {
    file = sys_attr("stdout");
    // CPython silently does nothing when sys.stdout is None (e.g. pythonw).
    if (!file || is_none(file)) return none_value();
  }
  if (file_check(file)) {
    std::string text;
    for (size_t i = 0; i < nargs; ++i) {
      if (i) text += sep;
      Value s = str_check_exact(args[i]) ? args[i] : to_str(args[i]);
      if (!s) return Value();
      text += s.as<Str>()->view();
    }
    text += end;
    if (file_write_text(file.as<FileObject>(), text) < 0) return Value();
  } else {
    Value write = getattr_cstr(file, "write");
    if (!write) return Value();
    for (size_t i = 0; i < nargs; ++i) {
      if (i && !call(write, {Value(str_new(sep))})) return Value();
      Value s = to_str(args[i]);
      if (!s || !call(write, {s})) return Value();
    }
    if (!call(write, {Value(str_new(end))})) return Value();
  }
  if (flush) {
    int t = is_true(flush);
    if (t < 0) return Value();
    if (t && !call_method_cstr(file, "flush", {})) return Value();
  }
  return none_value();
}

Value builtin_input(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("input", kwnames) || !check_nargs("input", nargs, 0, 1)) return Value();
  Value out = sys_attr("stdout");
  if (nargs == 1 && out && !is_none(out)) {
    Value prompt = to_str(args[0]);
    if (!prompt || !call_method_cstr(out, "write", {prompt})) return Value();
  }
  if (out && !is_none(out) && !call_method_cstr(out, "flush", {})) return Value();
  Value in = sys_attr("stdin");
  if (!in || is_none(in)) return raise(&exc_RuntimeError, "input(): lost sys.stdin");
  Value line = call_method_cstr(in, "readline", {});
  if (!line) return Value();
  if (!str_check(line)) return raise(&exc_TypeError, "object.readline() returned non-string");
  std::string_view text = line.as<Str>()->view();
  if (text.empty()) return raise(&exc_EOFError, "EOF when reading a line");
  if (text.back() == '\n') text.remove_suffix(1);
  return Value(str_new(text));
}

Value builtin_len(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("len", kwnames) || !check_nargs("len", nargs, 1, 1)) return Value();
  int64_t n = length(args[0]);
  if (n < 0) return Value();
  return int_from_i64(n);
}

Value builtin_repr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("repr", kwnames) || !check_nargs("repr", nargs, 1, 1)) return Value();
  return repr(args[0]);
}

Value builtin_ascii(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("ascii", kwnames) || !check_nargs("ascii", nargs, 1, 1)) return Value();
  return ascii(args[0]);
}

Value builtin_hash(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("hash", kwnames) || !check_nargs("hash", nargs, 1, 1)) return Value();
  int64_t h = hash(args[0]);
  if (h == -1) return Value();
  return int_from_i64(h);
}

Value builtin_id(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("id", kwnames) || !check_nargs("id", nargs, 1, 1)) return Value();
  // Small ints have no address; their encoded word is as unique as an address.
  return int_from_u64(args[0].bits());
}

Value builtin_callable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("callable", kwnames) || !check_nargs("callable", nargs, 1, 1)) return Value();
  return bool_value(is_callable(args[0]));
}

Value builtin_iter(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("iter", kwnames) || !check_nargs("iter", nargs, 1, 2)) return Value();
  if (nargs == 1) return get_iter(args[0]);
  if (!is_callable(args[0])) return raise(&exc_TypeError, "iter(v, w): v must be callable");
  return callable_iterator_new(args[0], args[1]);
}

Value builtin_next(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("next", kwnames) || !check_nargs("next", nargs, 1, 2)) return Value();
  Type* t = type_of(args[0]);
  if (!t->tp_iternext) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object is not an iterator");
  }
  Value v = t->tp_iternext(args[0]);
  if (v) return v;
  if (error_pending()) {
    if (nargs == 2 && error_matches(&exc_StopIteration)) {
      error_clear();
      return args[1];
    }
    return Value();
  }
  if (nargs == 2) return args[1];
  return raise_empty(&exc_StopIteration);
}

Value builtin_aiter(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("aiter", kwnames)) return Value();
  if (nargs != 1) {
    return raise(&exc_TypeError, "aiter() takes exactly one argument (" + std::to_string(nargs) + " given)");
  }
  if (!type_lookup(type_of(args[0]), intern("__aiter__"))) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object is not an async iterable");
  }
  Value it = call_method(args[0], intern("__aiter__"), {});
  if (it && !type_lookup(type_of(it), intern("__anext__"))) {
    return raise(&exc_TypeError, std::string("aiter() returned not an async iterator of type '") + type_name(it) + "'");
  }
  return it;
}

// anext(iterator[, default]): the awaitable of iterator.__anext__(); with a default, a
// coroutine (stdlib/lib/_anext.py) that turns StopAsyncIteration into the default.
Value builtin_anext(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("anext", kwnames)) return Value();
  if (nargs < 1 || nargs > 2) {
    return raise(&exc_TypeError, std::string("anext expected at ") + (nargs < 1 ? "least 1 argument" : "most 2 arguments") +
                                     ", got " + std::to_string(nargs));
  }
  if (!type_lookup(type_of(args[0]), intern("__anext__"))) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object is not an async iterator");
  }
  Value awaitable = call_method(args[0], intern("__anext__"), {});
  if (!awaitable || nargs == 1) return awaitable;
  Value helper = import_module("_anext");
  if (!helper) return Value();
  return call_method_cstr(helper, "anext_or_default", {awaitable, args[1]});
}

bool attr_name(Value v, Str** out) {
  if (!str_check(v)) {
    raise(&exc_TypeError, std::string("attribute name must be string, not '") + type_name(v) + "'");
    return false;
  }
  *out = v.as<Str>();
  return true;
}

Value builtin_getattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getattr", kwnames) || !check_nargs("getattr", nargs, 2, 3)) return Value();
  Str* name;
  if (!attr_name(args[1], &name)) return Value();
  if (nargs == 2) return getattr(args[0], name);
  Value v = getattr(args[0], name);
  if (!v && error_matches(&exc_AttributeError)) {
    error_clear();
    return args[2];
  }
  return v;
}

Value builtin_setattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setattr", kwnames) || !check_nargs("setattr", nargs, 3, 3)) return Value();
  Str* name;
  if (!attr_name(args[1], &name) || setattr(args[0], name, args[2]) < 0) return Value();
  return none_value();
}

Value builtin_delattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("delattr", kwnames) || !check_nargs("delattr", nargs, 2, 2)) return Value();
  Str* name;
  if (!attr_name(args[1], &name) || delattr(args[0], name) < 0) return Value();
  return none_value();
}

Value builtin_hasattr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("hasattr", kwnames) || !check_nargs("hasattr", nargs, 2, 2)) return Value();
  Str* name;
  if (!attr_name(args[1], &name)) return Value();
  Value v = getattr(args[0], name);
  if (v) return true_value();
  if (error_matches(&exc_AttributeError)) {
    error_clear();
    return false_value();
  }
  return Value();
}

Value builtin_isinstance(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("isinstance", kwnames) || !check_nargs("isinstance", nargs, 2, 2)) return Value();
  int r = isinstance(args[0], args[1]);
  if (r < 0) return Value();
  return bool_value(r);
}

Value builtin_issubclass(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("issubclass", kwnames) || !check_nargs("issubclass", nargs, 2, 2)) return Value();
  int r = issubclass(args[0], args[1]);
  if (r < 0) return Value();
  return bool_value(r);
}

Value builtin_abs(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("abs", kwnames) || !check_nargs("abs", nargs, 1, 1)) return Value();
  return absolute(args[0]);
}

Value builtin_divmod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("divmod", kwnames) || !check_nargs("divmod", nargs, 2, 2)) return Value();
  return binary_op(BinaryOp::DivMod, args[0], args[1]);
}

Value builtin_pow(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const Signature sig{"pow", {"base", "exp", "mod"}, 3, 2};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  return power(a[0], a[1], a[2] && !is_none(a[2]) ? a[2] : Value());
}

Value builtin_round(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const Signature sig{"round", {"number", "ndigits"}, 2, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Value method = type_lookup(type_of(a[0]), intern("__round__"));
  if (!method) {
    if (error_pending()) return Value();
    return raise(&exc_TypeError, std::string("type ") + type_name(a[0]) + " doesn't define __round__ method");
  }
  Value bound = getattr(a[0], intern("__round__"));
  if (!bound) return Value();
  if (!a[1] || is_none(a[1])) return call(bound, {});
  return call(bound, {a[1]});
}

Value builtin_format(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("format", kwnames) || !check_nargs("format", nargs, 1, 2)) return Value();
  Str* spec = intern("");
  if (nargs == 2) {
    if (!str_check(args[1])) {
      return raise(&exc_TypeError, std::string("format() argument 2 must be str, not ") + type_name(args[1]));
    }
    spec = args[1].as<Str>();
  }
  return format(args[0], spec);
}

Value builtin_chr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("chr", kwnames) || !check_nargs("chr", nargs, 1, 1)) return Value();
  if (!int_check(args[0])) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  int64_t c;
  if (!int_to_i64(args[0], &c)) return raise(&exc_OverflowError, "Python int too large to convert to C int");
  if (c < 0 || c > 0x10FFFF) return raise(&exc_ValueError, "chr() arg not in range(0x110000)");
  // Generalized UTF-8 (surrogates included), as str.h specifies.
  char buf[4];
  int n;
  uint32_t u = static_cast<uint32_t>(c);
  if (u < 0x80) {
    buf[0] = static_cast<char>(u);
    n = 1;
  } else if (u < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (u >> 6));
    buf[1] = static_cast<char>(0x80 | (u & 0x3F));
    n = 2;
  } else if (u < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (u >> 12));
    buf[1] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (u & 0x3F));
    n = 3;
  } else {
    buf[0] = static_cast<char>(0xF0 | (u >> 18));
    buf[1] = static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    buf[3] = static_cast<char>(0x80 | (u & 0x3F));
    n = 4;
  }
  return Value(str_new(std::string_view(buf, n)));
}

Value builtin_ord(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("ord", kwnames) || !check_nargs("ord", nargs, 1, 1)) return Value();
  Value v = args[0];
  if (str_check(v)) {
    Str* s = v.as<Str>();
    if (s->length != 1) {
      return raise(&exc_TypeError,
                   "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
    }
    const auto* p = reinterpret_cast<const unsigned char*>(s->data());
    uint32_t c;
    if (p[0] < 0x80) c = p[0];
    else if (p[0] < 0xE0) c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    else if (p[0] < 0xF0) c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return Value::small_int(c);
  }
  std::string_view bytes;
  if (bytes_like_view(v, &bytes)) {
    if (bytes.size() != 1) {
      return raise(&exc_TypeError,
                   "ord() expected a character, but string of length " + std::to_string(bytes.size()) + " found");
    }
    return Value::small_int(static_cast<unsigned char>(bytes[0]));
  }
  return raise(&exc_TypeError, std::string("ord() expected string of length 1, but ") + type_name(v) + " found");
}

// bin/oct/hex: __index__ then the base conversion with its prefix.
Value int_in_base(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, int base) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return Value();
  Value i = number_index(args[0]);
  if (!i) return Value();
  int64_t small;
  if (int_to_i64(i, &small)) return Value(str_new(int_to_text(small, base, true)));
  mpz_t big;
  mpz_init(big);
  int_to_mpz(i, big);
  TextResult<std::string> text = int_to_text(big, base, true);
  if (!text.ok()) return raise_text_error(text.error());
  return Value(str_new(text.value()));
}

Value builtin_bin(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return int_in_base("bin", args, nargs, kwnames, 2);
}
Value builtin_oct(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return int_in_base("oct", args, nargs, kwnames, 8);
}
Value builtin_hex(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return int_in_base("hex", args, nargs, kwnames, 16);
}

}  // namespace

const MethodDef kBuiltinCoreFunctions[] = {
    {"print", builtin_print},
    {"input", builtin_input},
    {"open", builtin_open},
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"hash", builtin_hash},
    {"id", builtin_id},
    {"callable", builtin_callable},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"aiter", builtin_aiter},
    {"anext", builtin_anext},
    {"getattr", builtin_getattr},
    {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},
    {"hasattr", builtin_hasattr},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"abs", builtin_abs},
    {"divmod", builtin_divmod},
    {"pow", builtin_pow},
    {"round", builtin_round},
    {"format", builtin_format},
    {"chr", builtin_chr},
    {"ord", builtin_ord},
    {"bin", builtin_bin},
    {"oct", builtin_oct},
    {"hex", builtin_hex},
    {nullptr, nullptr},
};

}  // namespace minipy
