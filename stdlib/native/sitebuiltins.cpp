// The _sitebuiltins module: the objects CPython's site module puts into builtins at start-up
// (exit, quit, copyright, credits, license, help). Native, because every start-up creates them:
// compiling them from Python source took a third of `minipy -c pass`. help() imports pydoc
// only when it is called.
#include <algorithm>
#include <cstddef>
#include <string>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

// All three keep their state in the instance __dict__, as CPython's Python classes do.
struct SiteObject : Object {
  Dict* dict;
};

Type quitter_type, printer_type, helper_type;

constexpr const char* kCredits =
    "    Thanks to the CPython developers, whose language, documentation and test\n"
    "    expectations minipy follows, and to the authors of the Boehm-Demers-Weiser\n"
    "    garbage collector, GMP, RE2, libedit and OpenSSL's libcrypto, which it uses.";

constexpr const char* kLicense =
    "minipy is a Python 3.11 interpreter written from scratch in C++; it contains\n"
    "no CPython source code. The Python language and its documentation are\n"
    "covered by the PSF License Agreement: https://docs.python.org/3.11/license.html\n"
    "\n"
    "minipy links these libraries, each under its own license:\n"
    "    Boehm-Demers-Weiser GC    MIT-style license\n"
    "    GMP                       GNU LGPL v3 or GNU GPL v2\n"
    "    RE2                       BSD 3-clause license\n"
    "    libedit                   BSD 3-clause license\n"
    "    OpenSSL libcrypto         Apache License 2.0";

// A page of _Printer's text: as many lines as the repr shows whole.
constexpr int64_t kMaxLines = 23;

Value attr(Value self, const char* name) { return getattr_cstr(self, name); }

bool set_attr(Value self, const char* name, Value v) { return setattr(self, intern(name), v) == 0; }

// Quitter(name, eof): typing the bare name shows how to leave; calling it raises SystemExit.
int quitter_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args({"Quitter", {"name", "eof"}, 2, 2}, args, nargs, kwnames, a)) return -1;
  return set_attr(self, "name", a[0]) && set_attr(self, "eof", a[1]) ? 0 : -1;
}

Value quitter_repr(Value self) {
  Value name = attr(self, "name");
  Value eof = name ? attr(self, "eof") : Value();
  if (!eof) return Value();
  return str_percent_format(str_new("Use %s() or %s to exit"), Value(tuple_of({name, eof})));
}

Value quitter_call(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value code;
  if (!bind_args({"__call__", {"code"}, 1, 0}, args, nargs, kwnames, &code)) return Value();
  // As CPython's: shells that catch SystemExit still notice their stdin closing.
  if (Value in = dict_get_cstr(sys_module()->dict, "stdin")) {
    if (!call_method_cstr(in, "close", {})) error_clear();
  }
  return raise_with_args(&exc_SystemExit, tuple_of({code ? code : none_value()}));
}

// _Printer(name, data): a text shown whole as the repr when short; calling it pages through.
int printer_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args({"_Printer", {"name", "data"}, 2, 2}, args, nargs, kwnames, a)) return -1;
  Value lines = str_check(a[1]) ? call_method_cstr(a[1], "split", {Value(str_new("\n"))}) : Value();
  if (!lines && !error_pending()) raise(&exc_TypeError, "_Printer() data must be str");
  return lines && set_attr(self, "_Printer__name", a[0]) && set_attr(self, "_Printer__lines", lines) ? 0 : -1;
}

Value printer_lines(Value self) {
  Value lines = attr(self, "_Printer__lines");
  if (lines && !isinstance_fast(lines, &list_type)) return raise(&exc_TypeError, "_Printer lines must be a list");
  return lines;
}

Value printer_repr(Value self) {
  Value lines = printer_lines(self);
  if (!lines) return Value();
  if (lines.as<List>()->size <= kMaxLines) return Value(str_join(str_new("\n"), lines));
  Value name = attr(self, "_Printer__name");
  if (!name) return Value();
  return str_percent_format(str_new("Type %s() to see the full %s text"), Value(tuple_of({name, name})));
}

Value printer_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__call__", kwnames) || !check_nargs("__call__", nargs, 0, 0)) return Value();
  Value lines = printer_lines(self);
  if (!lines) return Value();
  Dict* builtins = builtins_module()->dict;
  Value print = dict_get_cstr(builtins, "print");
  Value input = dict_get_cstr(builtins, "input");
  if (!print || !input) return raise(&exc_RuntimeError, "lost builtins.print or builtins.input");
  Value prompt(str_new("Hit Return for more, or q (and Return) to quit: "));
  for (int64_t shown = 0;;) {
    List* list = lines.as<List>();
    int64_t end = std::min(list->size, shown + kMaxLines);
    for (; shown < end; ++shown) {
      if (!call(print, {list->items[shown]})) return Value();
    }
    if (shown >= list->size) return none_value();
    for (;;) {
      Value key = call(input, {prompt});
      if (!key) return Value();
      std::string_view k = str_check(key) ? key.as<Str>()->view() : std::string_view("?");
      if (k == "q") return none_value();
      if (k.empty()) break;
    }
  }
}

// _Helper(): help() starts pydoc's interactive help; help(thing) shows thing's documentation.
Value helper_repr(Value) {
  return Value(str_new("Type help() for interactive help, or help(object) for help about object."));
}

Value helper_call(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value pydoc = import_module("pydoc");
  Value help = pydoc ? attr(pydoc, "help") : Value();
  return help ? call(help, args, nargs, kwnames) : Value();
}

// install(): puts the objects into builtins, as site.py does at start-up.
Value site_install(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("install", kwnames) || !check_nargs("install", nargs, 0, 0)) return Value();
  Dict* builtins = builtins_module()->dict;
  auto put = [builtins](const char* name, Type* type, std::initializer_list<Value> args) {
    Value obj = call(Value(type), args);
    return obj && dict_set_cstr(builtins, name, obj) == 0;
  };
  Value eof(str_new("Ctrl-D (i.e. EOF)"));
  Value copyright = dict_get_cstr(sys_module()->dict, "copyright");
  bool ok = put("exit", &quitter_type, {Value(str_new("exit")), eof}) &&
            put("quit", &quitter_type, {Value(str_new("quit")), eof}) &&
            put("copyright", &printer_type, {Value(str_new("copyright")), copyright ? copyright : Value(str_new(""))}) &&
            put("credits", &printer_type, {Value(str_new("credits")), Value(str_new(kCredits))}) &&
            put("license", &printer_type, {Value(str_new("license")), Value(str_new(kLicense))}) &&
            put("help", &helper_type, {});
  return ok ? none_value() : Value();
}

const MethodDef kSiteFunctions[] = {
    {"install", site_install},
    {nullptr, nullptr},
};

void ready(Type* t, const char* name) {
  t->basicsize = sizeof(SiteObject);
  t->dict_offset = static_cast<int32_t>(offsetof(SiteObject, dict));
  t->flags |= kTypeBaseType;
  t->tp_new = object_new;
  type_ready(t, name, nullptr);
}

}  // namespace

Value sitebuiltins_module_create() {
  if (!quitter_type.name) {
    quitter_type.tp_init = quitter_init;
    quitter_type.tp_repr = quitter_repr;
    quitter_type.tp_call = quitter_call;
    ready(&quitter_type, "_sitebuiltins.Quitter");
    printer_type.tp_init = printer_init;
    printer_type.tp_repr = printer_repr;
    printer_type.tp_call = printer_call;
    ready(&printer_type, "_sitebuiltins._Printer");
    dict_set_cstr(printer_type.dict, "MAXLINES", int_from_i64(kMaxLines));
    helper_type.tp_repr = helper_repr;
    helper_type.tp_call = helper_call;
    ready(&helper_type, "_sitebuiltins._Helper");
  }
  Module* m = module_new(intern("_sitebuiltins"));
  module_add_functions(m, kSiteFunctions);
  if (!module_add(m, "Quitter", Value(&quitter_type)) || !module_add(m, "_Printer", Value(&printer_type)) ||
      !module_add(m, "_Helper", Value(&helper_type))) {
    return Value();
  }
  return Value(m);
}

}  // namespace minipy
