// Builtin functions about code and namespaces: eval, exec, compile, globals, locals, vars,
// dir, __import__, __build_class__.
#include <string>

#include "compile/compiler.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "vm/eval.h"

namespace minipy {

namespace {

Value current_locals() {
  Frame* f = current_frame();
  if (!f) return Value(current_globals());
  return frame_locals(f);
}

// Source text of eval/exec/compile: str or bytes (decoded as UTF-8).
bool source_text(const char* fname, Value v, std::string* out) {
  if (str_check(v)) {
    *out = std::string(v.as<Str>()->view());
  } else if (std::string_view b; bytes_like_view(v, &b)) {
    *out = std::string(b);
  } else {
    raise(&exc_TypeError, std::string(fname) + "() arg 1 must be a string, bytes or code object");
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(&exc_SyntaxError, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

// Resolves the globals/locals arguments of eval and exec as CPython does.
bool namespaces(const char* fname, Value g, Value l, Dict** globals, Value* locals) {
  if (g && is_none(g)) g = Value();
  if (l && is_none(l)) l = Value();
  if (g && !dict_check(g)) {
    raise(&exc_TypeError, std::string(fname) + "() globals must be a dict, not " + type_name(g));
    return false;
  }
  if (l && !type_of(l)->mp_subscript) {
    raise(&exc_TypeError, std::string("locals must be a mapping"));
    return false;
  }
  if (!g) {
    *globals = current_globals();
    *locals = l ? l : current_locals();
    return static_cast<bool>(*locals);
  }
  *globals = g.as<Dict>();
  *locals = l ? l : g;
  return true;
}

Value run_code_or_source(const char* fname, CompileMode mode, const Value* args, size_t nargs,
                         Tuple* kwnames) {
  Value a[3];
  const Signature sig{fname, {"source", "globals", "locals"}, 3, 1, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Dict* globals;
  Value locals;
  if (!namespaces(fname, a[1], a[2], &globals, &locals)) return Value();
  Value code = a[0];
  if (!code_check(code)) {
    std::string text;
    if (!source_text(fname, code, &text)) return Value();
    // eval() ignores leading spaces and tabs, so "  1 + 1" is not an indentation error.
    if (mode == CompileMode::Eval) text.erase(0, text.find_first_not_of(" \t"));
    code = compile_source(text, "<string>", mode);
    if (!code) return Value();
  }
  Value result = eval_code(code, globals, locals);
  if (!result) return Value();
  return mode == CompileMode::Eval ? result : none_value();
}

Value builtin_eval(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_code_or_source("eval", CompileMode::Eval, args, nargs, kwnames);
}

Value builtin_exec(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_code_or_source("exec", CompileMode::Exec, args, nargs, kwnames);
}

Value builtin_compile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[6];
  static const Signature sig{"compile", {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 6, 3};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  std::string text;
  if (!source_text("compile", a[0], &text)) return Value();
  Value filename = a[1];
  if (!str_check(filename)) {
    std::string_view b;
    if (!bytes_like_view(filename, &b)) {
      return raise(&exc_TypeError,
                   std::string("expected str, bytes or os.PathLike object, not ") + type_name(filename));
    }
    filename = Value(str_new(b));
  }
  if (!str_check(a[2])) {
    return raise(&exc_TypeError, std::string("compile() argument 'mode' must be str, not ") + type_name(a[2]));
  }
  std::string_view mode = a[2].as<Str>()->view();
  CompileMode m;
  if (mode == "exec") m = CompileMode::Exec;
  else if (mode == "eval") m = CompileMode::Eval;
  else if (mode == "single") m = CompileMode::Single;
  else return raise(&exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  return compile_source(text, filename.as<Str>()->view(), m);
}

Value builtin_globals(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("globals", kwnames) || !check_nargs("globals", nargs, 0, 0)) return Value();
  return Value(current_globals());
}

Value builtin_locals(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("locals", kwnames) || !check_nargs("locals", nargs, 0, 0)) return Value();
  return current_locals();
}

Value builtin_vars(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("vars", kwnames) || !check_nargs("vars", nargs, 0, 1)) return Value();
  if (nargs == 0) return current_locals();
  Value d = getattr_optional(args[0], intern("__dict__"));
  if (!d && !error_pending()) return raise(&exc_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

Value builtin_dir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("dir", kwnames) || !check_nargs("dir", nargs, 0, 1)) return Value();
  Value names;
  if (nargs == 0) {
    Value locals = current_locals();
    if (!locals) return Value();
    names = call_method_cstr(locals, "keys", {});
  } else {
    // __dir__ is looked up on the type, as every special method is.
    Value method = type_lookup(type_of(args[0]), intern("__dir__"));
    if (!method) {
      if (error_pending()) return Value();
      return raise(&exc_TypeError, "object does not provide __dir__");
    }
    names = call(method, {args[0]});
  }
  if (!names) return Value();
  Value l = list_from_iterable(names);
  if (!l || list_sort(l.as<List>(), Value(), false) < 0) return Value();
  return l;
}

Value builtin_import(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[5];
  static const Signature sig{"__import__", {"name", "globals", "locals", "fromlist", "level"}, 5, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (!str_check(a[0])) {
    return raise(&exc_TypeError, std::string("__import__() argument 1 must be str, not ") + type_name(a[0]));
  }
  Dict* globals = a[1] && dict_check(a[1]) ? a[1].as<Dict>() : nullptr;
  int64_t level = 0;
  if (a[4] && !index_to_i64(a[4], &level)) return Value();
  return import_module_level(a[0].as<Str>(), globals, a[3] ? a[3] : none_value(), static_cast<int>(level));
}

}  // namespace

const MethodDef kBuiltinCodeFunctions[] = {
    {"eval", builtin_eval},
    {"exec", builtin_exec},
    {"compile", builtin_compile},
    {"globals", builtin_globals},
    {"locals", builtin_locals},
    {"vars", builtin_vars},
    {"dir", builtin_dir},
    {"__import__", builtin_import},
    {"__build_class__", build_class},
    {nullptr, nullptr},
};

}  // namespace minipy
