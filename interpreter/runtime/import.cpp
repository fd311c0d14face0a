// The import system: sys.modules, native modules (stdlib/native/modules.def), the embedded
// pure-Python stdlib (tools/embed_stdlib.cpp), and .py files and packages on sys.path.
//
// Lookup order for a top-level name: sys.modules, native modules, MINIPYPATH directories,
// the embedded stdlib, then sys.path. Submodules search their parent's __path__ (and the
// embedded stdlib for embedded packages). A module is entered into sys.modules before its code
// runs, which is what makes circular imports behave as in CPython, and removed if that fails.
#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "compile/compiler.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/embedded_stdlib.h"
#include "runtime/errors.h"
#include "runtime/file_read.h"
#include "runtime/interpreter.h"
#include "stdlib/native/native_modules.h"
#include "vm/eval.h"

namespace minipy {

namespace {

struct NativeModuleEntry {
  const char* name;
  Value (*create)();
};

const NativeModuleEntry kNativeModules[] = {
#define NATIVE_MODULE(name, create) {#name, create},
#include "stdlib/native/modules.def"
#undef NATIVE_MODULE
    {nullptr, nullptr},
};

Value import_absolute(std::string_view fullname);

bool is_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Value module_not_found(std::string_view name, std::string_view detail = {}) {
  std::string msg = "No module named '" + std::string(name) + "'";
  if (!detail.empty()) msg += std::string("; ") + std::string(detail);
  Value exc = call(Value(&exc_ModuleNotFoundError), {Value(str_new(msg))});
  if (!exc) return Value();
  if (setattr(exc, intern("name"), Value(str_new(name))) < 0) return Value();
  return raise_value(exc);
}

// Creates the module object with the attributes every imported module has.
Module* new_module(std::string_view name, Value file, bool is_package, Value package_dir) {
  Module* m = module_new(str_new(name));
  Dict* g = m->dict;
  dict_set_cstr(g, "__file__", file ? file : none_value());
  dict_set_cstr(g, "__builtins__", Value(builtins_module()));
  dict_set_cstr(g, "__loader__", none_value());
  dict_set_cstr(g, "__spec__", none_value());
  if (is_package) {
    List* path = list_new();
    if (package_dir) list_append(path, package_dir);
    dict_set_cstr(g, "__path__", Value(path));
    dict_set_cstr(g, "__package__", Value(str_new(name)));
  } else {
    size_t dot = name.rfind('.');
    dict_set_cstr(g, "__package__", Value(str_new(dot == std::string_view::npos ? "" : name.substr(0, dot))));
  }
  return m;
}

// Runs `source` as the body of module `name`, registered in sys.modules first.
Value exec_module(std::string_view name, Module* m, std::string_view source, std::string_view filename) {
  Str* key = str_new(name);
  Dict* modules = modules_dict();
  if (dict_set(modules, Value(key), Value(m)) < 0) return Value();
  Value code = compile_source(source, filename, CompileMode::Exec);
  Value result = code ? eval_code(code, m->dict, Value(m->dict)) : Value();
  if (!result) {
    Value exc = error_fetch();
    dict_del(modules, Value(key));
    error_restore(exc);
    return Value();
  }
  // A module may replace its own sys.modules entry while it runs.
  Value final_module = dict_get(modules, Value(key));
  if (!final_module) {
    if (error_pending()) return Value();
    return raise(&exc_ImportError, "Loaded module " + std::string(name) + " not found in sys.modules");
  }
  return final_module;
}

// Where a module's source is, found without running it.
struct Located {
  bool found = false;
  bool is_package = false;
  std::string filename;
  std::string source;
  Value package_dir;  // the package's directory (its __path__ entry), null if embedded
};

// Searches the directories of `search_path` (an iterable of str) for `last`.py or
// `last`/__init__.py. False with an exception pending on error.
bool locate_in_path(std::string_view last, Value search_path, Located* out) {
  Value it = get_iter(search_path);
  if (!it) return false;
  while (Value entry = iter_next(it)) {
    if (!str_check(entry)) continue;
    std::string dir(entry.as<Str>()->view());
    std::string base = (dir.empty() ? std::string() : dir + "/") + std::string(last);
    std::string init = base + "/__init__.py";
    std::string single = base + ".py";
    bool package = is_file(init);
    if (!package && !is_file(single)) continue;
    out->filename = package ? init : single;
    if (!read_file(out->filename, &out->source)) {
      raise_os_error(errno, Value(str_new(out->filename)));
      return false;
    }
    out->found = true;
    out->is_package = package;
    if (package) out->package_dir = Value(str_new(base));
    return true;
  }
  return !error_pending();
}

bool locate_embedded(std::string_view fullname, Located* out) {
  for (size_t i = 0; i < kEmbeddedModuleCount; ++i) {
    const EmbeddedModule& e = kEmbeddedModules[i];
    if (fullname != e.name) continue;
    out->found = true;
    out->is_package = e.is_package;
    out->filename = e.filename;
    out->source.assign(e.source, e.size);
    return true;
  }
  return true;
}

Value minipypath_list() {
  const char* env = std::getenv("MINIPYPATH");
  List* dirs = list_new();
  if (!env || !*env) return Value(dirs);
  std::string s = env;
  size_t start = 0;
  while (start <= s.size()) {
    size_t colon = s.find(':', start);
    if (colon == std::string::npos) colon = s.size();
    if (colon > start) list_append(dirs, Value(str_new(s.substr(start, colon - start))));
    start = colon + 1;
  }
  return Value(dirs);
}

// Top-level modules: MINIPYPATH, the embedded stdlib, then sys.path. Submodules: the parent's
// __path__, then the embedded stdlib (for the embedded packages, whose __path__ is empty).
bool locate(std::string_view fullname, Value parent_path, Located* out) {
  size_t dot = fullname.rfind('.');
  std::string_view last = fullname.substr(dot == std::string_view::npos ? 0 : dot + 1);
  if (parent_path) {
    if (!locate_in_path(last, parent_path, out)) return false;
    return out->found || locate_embedded(fullname, out);
  }
  if (!locate_in_path(last, minipypath_list(), out)) return false;
  if (!out->found && !locate_embedded(fullname, out)) return false;
  if (out->found) return true;
  Value sys_path = getattr_cstr(Value(sys_module()), "path");
  return sys_path && locate_in_path(last, sys_path, out);
}

// Imports the parent package of a dotted name and returns its __path__ (null + exception if
// the parent is not a package or fails to import; null without exception for a top-level name).
Value parent_search_path(std::string_view fullname, Value* parent_out) {
  size_t dot = fullname.rfind('.');
  if (dot == std::string_view::npos) return Value();
  std::string_view parent_name = fullname.substr(0, dot);
  Value parent = import_absolute(parent_name);
  if (!parent) return Value();
  if (parent_out) *parent_out = parent;
  Value path = getattr_optional(parent, intern("__path__"));
  if (!path && !error_pending()) module_not_found(fullname, "'" + std::string(parent_name) + "' is not a package");
  return path;
}

Value find_and_load(std::string_view fullname) {
  size_t dot = fullname.rfind('.');
  std::string_view last = fullname.substr(dot == std::string_view::npos ? 0 : dot + 1);
  Value parent;
  Value search_path;
  if (dot != std::string_view::npos) {
    search_path = parent_search_path(fullname, &parent);
    // Importing the parent may have imported us as a side effect (os sets sys.modules['os.path']
    // although os is no package).
    if (Value again = dict_get(modules_dict(), Value(str_new(fullname)))) {
      error_clear();
      return again;
    }
    if (!search_path) return Value();
  } else {
    for (const NativeModuleEntry* n = kNativeModules; n->name; ++n) {
      if (fullname != n->name) continue;
      Value module = n->create();
      if (!module) return Value();
      if (dict_set(modules_dict(), Value(str_new(fullname)), module) < 0) return Value();
      return module;
    }
  }
  Located found;
  if (!locate(fullname, search_path, &found)) return Value();
  if (!found.found) return module_not_found(fullname);
  Module* m = new_module(fullname, Value(str_new(found.filename)), found.is_package, found.package_dir);
  Value module = exec_module(fullname, m, found.source, found.filename);
  if (!module) return Value();
  if (parent && setattr(parent, intern(last), module) < 0) return Value();
  return module;
}

// Imports `fullname` (all its parents first) and returns the module itself.
Value import_absolute(std::string_view fullname) {
  Value existing = dict_get(modules_dict(), Value(str_new(fullname)));
  if (existing) {
    if (is_none(existing)) {
      return raise(&exc_ModuleNotFoundError, "import of " + std::string(fullname) + " halted; None in sys.modules");
    }
    return existing;
  }
  if (error_pending()) return Value();
  return find_and_load(fullname);
}

// The package a relative import is relative to, from the importer's globals.
Value resolve_package(Dict* globals) {
  if (globals) {
    Value package = dict_get_cstr(globals, "__package__");
    if (package && str_check(package)) return package;
    Value name = dict_get_cstr(globals, "__name__");
    if (name && str_check(name)) {
      if (dict_get_cstr(globals, "__path__")) return name;
      std::string_view n = name.as<Str>()->view();
      size_t dot = n.rfind('.');
      return Value(str_new(dot == std::string_view::npos ? "" : n.substr(0, dot)));
    }
  }
  return Value(str_new(""));
}

}  // namespace

Value import_module(std::string_view dotted_name) { return import_absolute(dotted_name); }

Value run_module_as_main(std::string_view name, Dict* globals) {
  std::string fullname(name);
  Value search_path = parent_search_path(fullname, nullptr);
  if (!search_path && error_pending()) return Value();
  Located found;
  if (!locate(fullname, search_path, &found)) return Value();
  if (!found.found) return module_not_found(fullname);
  std::string package = fullname;
  if (found.is_package) {
    // A package runs as its __main__ submodule, after the package itself is imported.
    if (!import_absolute(fullname)) return Value();
    fullname += ".__main__";
    Located main_found;
    if (!locate(fullname, getattr_cstr(dict_get(modules_dict(), Value(str_new(package))), "__path__"), &main_found))
      return Value();
    if (!main_found.found) {
      return raise(&exc_ImportError, "No module named " + fullname + "; '" + package +
                                         "' is a package and cannot be directly executed");
    }
    found = main_found;
  } else {
    size_t dot = fullname.rfind('.');
    package = dot == std::string::npos ? "" : fullname.substr(0, dot);
  }
  Value file = Value(str_new(found.filename));
  dict_set_cstr(globals, "__file__", file);
  dict_set_cstr(globals, "__package__", Value(str_new(package)));
  Value argv = getattr_cstr(Value(sys_module()), "argv");
  if (!argv || setitem(argv, Value::small_int(0), file) < 0) return Value();
  return run_source(found.source, found.filename, globals);
}

Value import_module_level(Str* name, Dict* globals, Value fromlist, int level) {
  std::string fullname(name->view());
  if (level < 0) return raise(&exc_ValueError, "level must be >= 0");
  if (level > 0) {
    Value package = resolve_package(globals);
    if (!package) return Value();
    std::string base(package.as<Str>()->view());
    if (base.empty()) return raise(&exc_ImportError, "attempted relative import with no known parent package");
    for (int i = 1; i < level; ++i) {
      size_t dot = base.rfind('.');
      if (dot == std::string::npos) return raise(&exc_ImportError, "attempted relative import beyond top-level package");
      base.resize(dot);
    }
    fullname = fullname.empty() ? base : base + "." + fullname;
  } else if (fullname.empty()) {
    return raise(&exc_ValueError, "Empty module name");
  }
  Value module = import_absolute(fullname);
  if (!module) return Value();
  bool has_fromlist = fromlist && !is_none(fromlist);
  if (has_fromlist) {
    int64_t n = length(fromlist);
    if (n < 0) return Value();
    has_fromlist = n > 0;
  }
  if (!has_fromlist) {
    if (level > 0) return module;
    size_t dot = fullname.find('.');
    if (dot == std::string::npos) return module;
    return import_absolute(std::string_view(fullname).substr(0, dot));
  }
  // `from package import submodule`: import submodules that aren't attributes yet.
  if (!getattr_optional(module, intern("__path__"))) {
    if (error_pending()) return Value();
    return module;
  }
  Value it = get_iter(fromlist);
  if (!it) return Value();
  while (Value item = iter_next(it)) {
    if (!str_check(item)) {
      return raise(&exc_TypeError, std::string("Item in ") + fullname + ".__all__ must be str, not " + type_name(item));
    }
    std::string_view sub = item.as<Str>()->view();
    if (sub == "*") {
      Value all = getattr_optional(module, intern("__all__"));
      if (all) {
        if (!import_module_level(name, globals, all, level)) return Value();
      } else if (error_pending()) {
        return Value();
      }
      continue;
    }
    if (getattr_optional(module, str_intern(item.as<Str>()))) continue;
    if (error_pending()) return Value();
    std::string subname = fullname + "." + std::string(sub);
    if (!import_absolute(subname)) {
      // A missing submodule is reported later by IMPORT_FROM as "cannot import name".
      if (!error_matches(&exc_ModuleNotFoundError)) return Value();
      Value exc = error_fetch();
      Value missing = getattr_optional(exc, intern("name"));
      if (!missing || !str_check(missing) || missing.as<Str>()->view() != subname) {
        error_restore(exc);
        return Value();
      }
    }
  }
  if (error_pending()) return Value();
  return module;
}

}  // namespace minipy
