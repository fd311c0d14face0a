// The sys module. Its state that the rest of the interpreter reads (modules, path, the standard
// streams, the recursion limit) lives in the module's dict, so Python code that replaces
// sys.stdout or appends to sys.path is seen everywhere at once.
#include <sys/auxv.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/struct_seq.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/int_text.h"
#include "runtime/interpreter.h"
#include "runtime/source_lines.h"
#include "runtime/sys_state.h"
#include "runtime/thread_state.h"
#include "runtime/xoptions.h"
#include "stdlib/native/io_file.h"
#include "stdlib/native/native_modules.h"
#include "vm/frame_object.h"

namespace minipy {

namespace {

List* str_list(const std::vector<std::string>& items) {
  List* l = list_new();
  for (const std::string& item : items) list_append(l, Value(str_new(item)));
  return l;
}

Value sys_exit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exit", kwnames) || !check_nargs("exit", nargs, 0, 1)) return Value();
  if (nargs == 0) return raise_empty(&exc_SystemExit);
  return raise_with_args(&exc_SystemExit, tuple_of({args[0]}));
}

Value sys_getrecursionlimit(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getrecursionlimit", kwnames) || !check_nargs("getrecursionlimit", nargs, 0, 0)) return Value();
  return int_from_i64(recursion_limit());
}

Value sys_setrecursionlimit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setrecursionlimit", kwnames) || !check_nargs("setrecursionlimit", nargs, 1, 1)) return Value();
  if (!int_check(args[0])) {
    return raise(&exc_TypeError, std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  int64_t n;
  if (!int_to_i64(args[0], &n) || n > INT_MAX) return raise(&exc_OverflowError, "Python int too large to convert to C int");
  if (n < 1) return raise(&exc_ValueError, "recursion limit must be greater or equal than 1");
  ThreadState* ts = current_thread();
  if (ts->recursion_depth >= n) {
    return raise(&exc_RecursionError, "cannot set the recursion limit to " + std::to_string(n) +
                                          " at the recursion depth " + std::to_string(ts->recursion_depth) +
                                          ": the limit is too low");
  }
  set_recursion_limit(static_cast<int>(n));
  return none_value();
}

// The GIL's switch interval (runtime/gil.cpp): how long a waiting thread lets the holder run
// before asking it to drop the GIL.
Value sys_getswitchinterval(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("sys.getswitchinterval", kwnames) || !check_nargs("sys.getswitchinterval", nargs, 0, 0)) return Value();
  return float_new(gil_switch_interval());
}

Value sys_setswitchinterval(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("sys.setswitchinterval", kwnames) || !check_nargs("sys.setswitchinterval", nargs, 1, 1)) return Value();
  double interval;
  if (!to_double(args[0], &interval)) return Value();
  if (interval <= 0.0) return raise(&exc_ValueError, "switch interval must be strictly positive");
  gil_set_switch_interval(interval);
  return none_value();
}

// The exception being handled, as the VM records it.
Value sys_exception(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exception", kwnames) || !check_nargs("exception", nargs, 0, 0)) return Value();
  Value e = current_thread()->handled_exception;
  return e ? e : none_value();
}

Value sys_exc_info(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exc_info", kwnames) || !check_nargs("exc_info", nargs, 0, 0)) return Value();
  Value e = current_thread()->handled_exception;
  if (!e || is_none(e)) return Value(tuple_of({none_value(), none_value(), none_value()}));
  Value tb = getattr_cstr(e, "__traceback__");
  if (!tb) return Value();
  return Value(tuple_of({Value(type_of(e)), e, tb}));
}

Value sys_getframe(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_getframe", kwnames) || !check_nargs("_getframe", nargs, 0, 1)) return Value();
  int64_t depth = 0;
  if (nargs == 1 && !index_to_i64(args[0], &depth)) return Value();
  Value f = current_frame_object(static_cast<int>(depth));
  if (!f && !error_pending()) return raise(&exc_ValueError, "call stack is not deep enough");
  return f;
}

Value sys_intern(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("intern", kwnames) || !check_nargs("intern", nargs, 1, 1)) return Value();
  if (!str_check(args[0])) {
    return raise(&exc_TypeError, std::string("intern() argument must be str, not ") + type_name(args[0]));
  }
  if (!str_check_exact(args[0])) return raise(&exc_TypeError, std::string("can't intern ") + type_name(args[0]));
  return Value(str_intern(args[0].as<Str>()));
}

Value sys_getdefaultencoding(Value, const Value*, size_t, Tuple*) { return Value(intern("utf-8")); }

Value sys_get_int_max_str_digits(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("get_int_max_str_digits", kwnames) || !check_nargs("get_int_max_str_digits", nargs, 0, 0))
    return Value();
  return int_from_i64(get_int_max_str_digits());
}

Value sys_set_int_max_str_digits(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  static const Signature sig{"set_int_max_str_digits", {"maxdigits"}, 1, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  int64_t n;
  if (!index_to_i64(a[0], &n)) return Value();
  if (std::optional<TextError> e = set_int_max_str_digits(n)) return raise_text_error(*e);
  return none_value();
}

Value sys_getsizeof(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getsizeof", kwnames) || !check_nargs("getsizeof", nargs, 1, 2)) return Value();
  if (args[0].is_small_int()) return Value::small_int(28);
  Value sizeof_method = getattr_optional(args[0], intern("__sizeof__"));
  if (sizeof_method) return call(sizeof_method, {});
  if (error_pending()) return Value();
  return Value::small_int(type_of(args[0])->basicsize);
}

// sys.excepthook's default: print the exception as the interpreter would.
Value sys_excepthook(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("excepthook", kwnames) || !check_nargs("excepthook", nargs, 3, 3)) return Value();
  if (!is_exception_instance(args[1])) {
    write_to_stderr(std::string("TypeError: print_exception(): Exception expected for value, ") + type_name(args[1]) +
                    " found\n");
    return none_value();
  }
  write_to_stderr(format_exception_text(args[1]));
  return none_value();
}

// sys.displayhook: how the prompt shows an expression statement's value.
Value sys_displayhook(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("displayhook", kwnames) || !check_nargs("displayhook", nargs, 1, 1)) return Value();
  if (is_none(args[0])) return none_value();
  // `_` is cleared first so repr() sees the previous value gone, as in CPython.
  if (dict_set_cstr(builtins_module()->dict, "_", none_value()) < 0) return Value();
  Value text = repr(args[0]);
  if (!text) return Value();
  Value out = dict_get_cstr(sys_module()->dict, "stdout");
  if (!out || is_none(out)) return raise(&exc_RuntimeError, "lost sys.stdout");
  if (!call_method_cstr(out, "write", {Value(str_concat(text.as<Str>(), intern("\n")))})) return Value();
  if (dict_set_cstr(builtins_module()->dict, "_", args[0]) < 0) return Value();
  return none_value();
}

// set_asyncgen_hooks(firstiter=..., finalizer=...): CPython parses it the old way, so its
// argument errors are worded for "function", and the finalizer is set before firstiter is
// checked.
Value sys_set_asyncgen_hooks(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"firstiter", "finalizer"};
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (nargs + nkw > 2) {
    return raise(&exc_TypeError, "function takes at most 2 arguments (" + std::to_string(nargs + nkw) + " given)");
  }
  Value hook[2];
  for (size_t i = 0; i < nargs; ++i) hook[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view name = (*kwnames)[static_cast<int64_t>(k)].as<Str>()->view();
    size_t slot = name == kNames[0] ? 0 : name == kNames[1] ? 1 : 2;
    if (slot == 2) return raise(&exc_TypeError, "'" + std::string(name) + "' is an invalid keyword argument for this function");
    if (slot < nargs) {
      return raise(&exc_TypeError, "argument for function given by name ('" + std::string(name) + "') and position (" +
                                       std::to_string(slot + 1) + ")");
    }
    hook[slot] = args[nargs + k];
  }
  for (size_t slot : {1, 0}) {
    Value h = hook[slot];
    if (!h) continue;
    if (!is_none(h) && !is_callable(h)) {
      return raise(&exc_TypeError, std::string("callable ") + kNames[slot] + " expected, got " + type_name(h));
    }
    if (set_asyncgen_hooks(slot == 0 ? h : Value(), slot == 1 ? h : Value()) < 0) return Value();
  }
  return none_value();
}

Value sys_get_asyncgen_hooks(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("sys.get_asyncgen_hooks", kwnames) || !check_nargs("sys.get_asyncgen_hooks", nargs, 0, 0))
    return Value();
  Value firstiter, finalizer;
  if (asyncgen_hooks(&firstiter, &finalizer) < 0) return Value();
  return asyncgen_hooks_struct(firstiter, finalizer);
}

const MethodDef kSysFunctions[] = {
    {"displayhook", sys_displayhook},
    {"excepthook", sys_excepthook},
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"exception", sys_exception},
    {"exc_info", sys_exc_info},
    {"_getframe", sys_getframe},
    {"intern", sys_intern},
    {"getdefaultencoding", sys_getdefaultencoding},
    {"getfilesystemencoding", sys_getdefaultencoding},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"getsizeof", sys_getsizeof},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
    {nullptr, nullptr},
};

Value make_std_stream(int fd, const char* name, const char* mode) {
  // stderr and terminals are line buffered, like CPython's; pipes and files get full buffering.
  // Under -u (or PYTHONUNBUFFERED) stdout and stderr write every write through instead.
  bool write_through = fd != 0 && sys_config().unbuffered;
  bool line_buffered = !write_through && (fd == 2 || ::isatty(fd));
  FileObject* f = file_from_fd(fd, Value(str_new(name)), mode, line_buffered, false);
  f->write_through = write_through;
  return Value(f);
}

// CPython's sys.executable: the path the program was started by (the kernel's AT_EXECFN: what
// the shell found on PATH, or what was typed), made absolute and normalised without resolving
// symbolic links. Reading /proc/self/exe instead cost a procfs lookup at every start.
std::string executable_path() {
  auto* execfn = reinterpret_cast<const char*>(getauxval(AT_EXECFN));
  if (!execfn || !*execfn) return std::string();
  std::string joined = execfn;
  if (joined[0] != '/') {
    char cwd[PATH_MAX];
    if (!::getcwd(cwd, sizeof cwd)) return std::string();
    joined = std::string(cwd) + "/" + joined;
  }
  std::vector<std::string_view> parts;
  std::string_view rest(joined);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else {
      parts.push_back(part);
    }
  }
  std::string path;
  for (std::string_view part : parts) (path += '/') += part;
  return path;
}


// sys.float_info, int_info and hash_info: what the platform's double and minipy's int and hash
// really are (ints: GMP, shown with CPython's digit size since int_max_str_digits uses it).
void add_number_info(Module* m) {
  Type* float_info = struct_seq_type_new("sys.float_info", {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                                            "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                                            "rounds"});
  auto i = [](int64_t v) { return int_from_i64(v); };
  module_add(m, "float_info", struct_seq_new(float_info, {float_new(DBL_MAX), i(DBL_MAX_EXP), i(DBL_MAX_10_EXP),
                                                          float_new(DBL_MIN), i(DBL_MIN_EXP), i(DBL_MIN_10_EXP),
                                                          i(DBL_DIG), i(DBL_MANT_DIG), float_new(DBL_EPSILON),
                                                          i(FLT_RADIX), i(1)}));
  Type* int_info = struct_seq_type_new("sys.int_info", {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                                        "str_digits_check_threshold"});
  module_add(m, "int_info", struct_seq_new(int_info, {i(30), i(4), i(4300), i(640)}));
  // Numbers hash as in CPython (modulus 2**61 - 1); str and bytes use minipy's own unseeded
  // 64-bit multiply-mix hash (objects/str.cpp), not SipHash.
  Type* hash_info = struct_seq_type_new("sys.hash_info", {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                                          "hash_bits", "seed_bits", "cutoff"});
  module_add(m, "hash_info", struct_seq_new(hash_info, {i(64), i((int64_t{1} << 61) - 1), i(314159), i(0),
                                                        i(1000003), Value(intern("wyhash-mix")), i(64), i(0),
                                                        i(0)}));
}

// The native modules of stdlib/native/modules.def, and builtins, sorted as in CPython.
Tuple* builtin_module_names() {
  std::vector<std::string_view> names = {"builtins"};
#define NATIVE_MODULE(name, create) names.push_back(#name);
#include "stdlib/native/modules.def"
#undef NATIVE_MODULE
  std::sort(names.begin(), names.end());
  Tuple* t = tuple_new(static_cast<int64_t>(names.size()));
  for (size_t k = 0; k < names.size(); ++k) t->items()[k] = Value(str_new(names[k]));
  return t;
}

}  // namespace

Value sys_module_create() {
  Module* m = module_new(intern("sys"));
  module_add_functions(m, kSysFunctions);
  const SysConfig& cfg = sys_config();
  module_add(m, "argv", Value(str_list(cfg.argv)));
  module_add(m, "orig_argv", Value(str_list(cfg.orig_argv)));
  module_add(m, "path", Value(str_list(cfg.path)));
  module_add(m, "warnoptions", Value(str_list(cfg.warn_options)));
  module_add(m, "modules", Value(modules_dict()));
  std::string exe = executable_path();
  module_add(m, "executable", Value(str_new(exe)));
  module_add(m, "_base_executable", Value(str_new(exe)));
  for (const char* name : {"prefix", "exec_prefix", "base_prefix", "base_exec_prefix"})
    module_add(m, name, Value(str_new(MINIPY_SOURCE_DIR)));
  module_add(m, "platlibdir", Value(intern("lib")));
  module_add(m, "abiflags", Value(intern("")));
  module_add(m, "pycache_prefix", none_value());
  module_add(m, "platform", Value(intern("linux")));
  module_add(m, "byteorder", Value(intern("little")));
  module_add(m, "maxsize", int_from_i64(INT64_MAX));
  module_add(m, "maxunicode", Value::small_int(0x10FFFF));
  module_add(m, "version", Value(str_new("3.11.7 (minipy " MINIPY_VERSION ")")));
  module_add(m, "hexversion", Value::small_int(0x030B07F0));
  module_add(m, "api_version", Value::small_int(1013));
  module_add(m, "dont_write_bytecode", true_value());
  module_add(m, "copyright", Value(str_new("minipy: a small Python 3.11 interpreter.")));
  Type* version_info_type =
      struct_seq_type_new("sys.version_info", {"major", "minor", "micro", "releaselevel", "serial"});
  module_add(m, "version_info", struct_seq_new(version_info_type, {Value::small_int(3), Value::small_int(11),
                                                                  Value::small_int(7), Value(intern("final")),
                                                                  Value::small_int(0)}));
  Type* impl_type = struct_seq_type_new("sys.implementation", {"name", "version", "cache_tag"});
  Type* impl_version_type =
      struct_seq_type_new("sys.implementation_version", {"major", "minor", "micro", "releaselevel", "serial"});
  module_add(m, "implementation",
             struct_seq_new(impl_type, {Value(intern("minipy")),
                                        struct_seq_new(impl_version_type, {Value::small_int(0), Value::small_int(1),
                                                                           Value::small_int(0), Value(intern("alpha")),
                                                                           Value::small_int(0)}),
                                        none_value()}));
  Type* flags_type = struct_seq_type_new("sys.flags", {"debug", "inspect", "interactive", "optimize",
                                                       "dont_write_bytecode", "no_user_site", "no_site",
                                                       "ignore_environment", "verbose", "bytes_warning",
                                                       "quiet", "hash_randomization", "isolated", "dev_mode",
                                                       "utf8_mode", "safe_path", "int_max_str_digits"});
  Value zero = Value::small_int(0);
  module_add(m, "flags", struct_seq_new(flags_type, {zero, Value::small_int(cfg.inspect), zero, zero,
                                                     Value::small_int(1), zero, Value::small_int(cfg.no_site), zero,
                                                     zero, zero, zero,
                                                     Value::small_int(1), zero, false_value(), Value::small_int(1),
                                                     false_value(), Value::small_int(-1)}));
  Value in = make_std_stream(0, "<stdin>", "r");
  Value out = make_std_stream(1, "<stdout>", "w");
  Value err = make_std_stream(2, "<stderr>", "w");
  module_add(m, "stdin", in);
  module_add(m, "stdout", out);
  module_add(m, "stderr", err);
  module_add(m, "__stdin__", in);
  module_add(m, "__stdout__", out);
  module_add(m, "__stderr__", err);
  add_number_info(m);
  module_add(m, "float_repr_style", Value(intern("short")));
  module_add(m, "builtin_module_names", Value(builtin_module_names()));
  Dict* xoptions = dict_new();
  for (const auto& [name, value] : all_xoptions()) {
    if (dict_set(xoptions, Value(str_new(name)), value ? Value(str_new(*value)) : true_value()) < 0) return Value();
  }
  module_add(m, "_xoptions", Value(xoptions));
  return Value(m);
}

}  // namespace minipy
