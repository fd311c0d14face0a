// The built-in exception classes: BaseException's behaviour (args, str/repr, chaining
// attributes, notes) and the classes with fields of their own (StopIteration, SystemExit,
// OSError, ImportError, AttributeError, NameError, SyntaxError, the Unicode errors and
// exception groups), with CPython's constructors and messages.
#include "objects/exceptions.h"

#include <cerrno>
#include <cstdio>
#include <string>

#include "objects/bytes.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "vm/frame_object.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace minipy {

#define EXCEPTION(Name, Base) Type exc_##Name;
#include "objects/exception_types.def"
#undef EXCEPTION

namespace {

BaseException* exc_of(Value v) { return v.as<BaseException>(); }
Value none_if_null(Value v) { return v ? v : none_value(); }
std::string view_of(Value s) { return std::string(s.as<Str>()->view()); }

// Fields of the specialised layouts as Python attributes (T_OBJECT members in CPython).
template <class T, Value T::*kField>
Value member_get(Value self) {
  return none_if_null(self.as<T>()->*kField);
}
template <class T, Value T::*kField>
int member_set(Value self, Value v) {
  self.as<T>()->*kField = v;
  return 0;
}
#define MEMBER(T, field, pyname) {pyname, &member_get<T, &T::field>, &member_set<T, &T::field>}

bool str_of_value(Value v, std::string* out) {
  Value s = to_str(v);
  if (!s) return false;
  *out = view_of(s);
  return true;
}

bool repr_of_value(Value v, std::string* out) {
  Value s = repr(v);
  if (!s) return false;
  *out = view_of(s);
  return true;
}

bool no_keywords(Type* type, Tuple* kwnames) {
  if (!kwnames || kwnames->size == 0) return true;
  raise(&exc_TypeError, std::string(type->name) + "() takes no keyword arguments");
  return false;
}

// Sets args unless it already holds exactly these values (tp_new stored them a moment ago).
void set_args(BaseException* e, const Value* args, size_t nargs) {
  Tuple* cur = e->args;
  if (cur && cur->size == static_cast<int64_t>(nargs)) {
    bool same = true;
    for (size_t i = 0; i < nargs && same; ++i) same = (*cur)[static_cast<int64_t>(i)].is(args[i]);
    if (same) return;
  }
  e->args = nargs ? tuple_from_array(args, static_cast<int64_t>(nargs)) : empty_tuple();
}

// ---------------------------------------------------------------------------------------------
// BaseException
// ---------------------------------------------------------------------------------------------

Value base_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* e = static_cast<BaseException*>(alloc_instance(type));
  set_args(e, args, nargs);
  return Value(e);
}

int base_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords(type_of(self), kwnames)) return -1;
  set_args(exc_of(self), args, nargs);
  return 0;
}

Value base_str(Value self) {
  Tuple* args = exc_of(self)->args;
  if (!args || args->size == 0) return Value(intern(""));
  if (args->size == 1) return to_str((*args)[0]);
  return to_str(Value(args));
}

Value base_repr(Value self) {
  Tuple* args = exc_of(self)->args;
  std::string s = type_of(self)->name;
  std::string r;
  if (args && args->size == 1) {
    if (!repr_of_value((*args)[0], &r)) return Value();
    return Value(str_new(s + "(" + r + ")"));
  }
  if (!args || args->size == 0) return Value(str_new(s + "()"));
  if (!repr_of_value(Value(args), &r)) return Value();
  return Value(str_new(s + r));
}

Value get_args(Value self) {
  Tuple* a = exc_of(self)->args;
  return a ? Value(a) : Value(empty_tuple());
}

int set_args_attr(Value self, Value v) {
  if (!v) {
    raise(&exc_TypeError, "args may not be deleted");
    return -1;
  }
  Value t = call(Value(&tuple_type), {v});
  if (!t) return -1;
  exc_of(self)->args = t.as<Tuple>();
  return 0;
}

Value get_traceback(Value self) { return none_if_null(exc_of(self)->traceback); }
int set_traceback(Value self, Value v) {
  if (!v) {
    raise(&exc_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !traceback_check(v)) {
    raise(&exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  exc_of(self)->traceback = v;
  return 0;
}

Value get_cause(Value self) { return none_if_null(exc_of(self)->cause); }
int set_cause(Value self, Value v) {
  if (!v) {
    raise(&exc_TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_exception_instance(v)) {
    raise(&exc_TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  exc_of(self)->cause = v;
  exc_of(self)->suppress_context = true;
  return 0;
}

Value get_context(Value self) { return none_if_null(exc_of(self)->context); }
int set_context(Value self, Value v) {
  if (!v) {
    raise(&exc_TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_exception_instance(v)) {
    raise(&exc_TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  exc_of(self)->context = v;
  return 0;
}

Value get_suppress(Value self) { return bool_value(exc_of(self)->suppress_context); }
int set_suppress(Value self, Value v) {
  if (!v) {
    raise(&exc_TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  if (type_of(v) != &bool_type) {
    raise(&exc_TypeError, "attribute value type must be bool");
    return -1;
  }
  exc_of(self)->suppress_context = v.is(true_value());
  return 0;
}

Value get_dict(Value self) { return Value(instance_dict(self, true)); }
int set_dict(Value self, Value v) {
  if (!v) {
    raise(&exc_TypeError, "__dict__ may not be deleted");
    return -1;
  }
  if (!dict_check(v)) {
    raise(&exc_TypeError, "__dict__ must be a dictionary");
    return -1;
  }
  exc_of(self)->dict = v.as<Dict>();
  return 0;
}

Value with_traceback(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("with_traceback", kwnames) || !check_nargs("with_traceback", nargs, 1, 1)) return Value();
  if (set_traceback(self, args[0]) < 0) return Value();
  return self;
}

Value add_note(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("add_note", kwnames) || !check_nargs("add_note", nargs, 1, 1)) return Value();
  Value note = args[0];
  if (!str_check(note)) {
    return raise(&exc_TypeError, std::string("note must be a str, not '") + type_name(note) + "'");
  }
  Value notes = getattr_optional(self, NAME(__notes__));
  if (!notes) {
    if (error_pending()) return Value();
    notes = Value(list_new());
    if (setattr(self, NAME(__notes__), notes) < 0) return Value();
  }
  if (!list_check(notes)) return raise(&exc_TypeError, "Cannot add note: __notes__ is not a list");
  list_append(notes.as<List>(), note);
  return none_value();
}

Value base_reduce(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__reduce__", kwnames) || !check_nargs("__reduce__", nargs, 0, 0)) return Value();
  BaseException* e = exc_of(self);
  Value a = get_args(self);
  if (e->dict && dict_size(e->dict)) return Value(tuple_of({Value(type_of(self)), a, Value(e->dict)}));
  return Value(tuple_of({Value(type_of(self)), a}));
}

Value base_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__setstate__", kwnames) || !check_nargs("__setstate__", nargs, 1, 1)) return Value();
  Value state = args[0];
  if (is_none(state)) return none_value();
  if (!dict_check(state)) return raise(&exc_TypeError, "state is not a dictionary");
  int64_t pos = 0;
  Value k, v;
  while (dict_next(state.as<Dict>(), &pos, &k, &v)) {
    if (!str_check(k)) {
      return raise(&exc_TypeError, std::string("attribute name must be string, not '") + type_name(k) + "'");
    }
    if (setattr(self, k.as<Str>(), v) < 0) return Value();
  }
  return none_value();
}

const MethodDef kBaseMethods[] = {
    {"with_traceback", with_traceback},
    {"add_note", add_note},
    {"__reduce__", base_reduce},
    {"__setstate__", base_setstate},
    {nullptr, nullptr},
};

const GetSetDef kBaseGetSets[] = {
    {"args", get_args, set_args_attr},
    {"__traceback__", get_traceback, set_traceback},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress, set_suppress},
    {"__dict__", get_dict, set_dict},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// StopIteration, SystemExit, KeyError
// ---------------------------------------------------------------------------------------------

int stop_iteration_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  self.as<StopIterationObject>()->value = nargs ? args[0] : none_value();
  return 0;
}

const GetSetDef kStopIterationGetSets[] = {
    MEMBER(StopIterationObject, value, "value"),
    {nullptr, nullptr, nullptr},
};

int system_exit_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  Value code = none_value();
  if (nargs == 1) code = args[0];
  if (nargs > 1) code = get_args(self);
  self.as<SystemExitObject>()->code = code;
  return 0;
}

const GetSetDef kSystemExitGetSets[] = {
    MEMBER(SystemExitObject, code, "code"),
    {nullptr, nullptr, nullptr},
};

// str(KeyError(k)) is repr(k): the key is shown as the key it was.
Value key_error_str(Value self) {
  Tuple* args = exc_of(self)->args;
  if (args && args->size == 1) return repr((*args)[0]);
  return base_str(self);
}

// ---------------------------------------------------------------------------------------------
// OSError
// ---------------------------------------------------------------------------------------------

Type* errno_subclass(int64_t e) {
  switch (e) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
      return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
      return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EACCES:
    case EPERM:
      return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    default: return nullptr;
  }
}

// OSError(errno, strerror, ...) makes the errno's subclass, as CPython does.
Value os_error_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &exc_OSError && nargs >= 2 && nargs <= 5 && int_check(args[0])) {
    int64_t e;
    if (int_to_i64(args[0], &e)) {
      if (Type* sub = errno_subclass(e)) type = sub;
    }
  }
  return base_new(type, args, nargs, kwnames);
}

int os_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  auto* e = self.as<OSErrorObject>();
  if (nargs >= 2 && nargs <= 5) {
    e->myerrno = args[0];
    e->strerror = args[1];
    Value filename = nargs >= 3 ? args[2] : Value();
    if (filename && !is_none(filename)) {
      e->filename = filename;
      if (nargs == 5 && !is_none(args[4])) e->filename2 = args[4];
      // The extra arguments are not part of args (compatibility with CPython).
      e->args = tuple_from_array(args, 2);
    }
  }
  return 0;
}

Value os_error_str(Value self) {
  auto* e = self.as<OSErrorObject>();
  std::string err, msg, f1, f2;
  if (e->filename && !is_none(e->filename)) {
    if (!str_of_value(none_if_null(e->myerrno), &err) || !str_of_value(none_if_null(e->strerror), &msg) ||
        !repr_of_value(e->filename, &f1)) {
      return Value();
    }
    std::string s = "[Errno " + err + "] " + msg + ": " + f1;
    if (e->filename2 && !is_none(e->filename2)) {
      if (!repr_of_value(e->filename2, &f2)) return Value();
      s += " -> " + f2;
    }
    return Value(str_new(s));
  }
  if (e->myerrno && !is_none(e->myerrno) && e->strerror && !is_none(e->strerror)) {
    if (!str_of_value(e->myerrno, &err) || !str_of_value(e->strerror, &msg)) return Value();
    return Value(str_new("[Errno " + err + "] " + msg));
  }
  return base_str(self);
}

const GetSetDef kOSErrorGetSets[] = {
    MEMBER(OSErrorObject, myerrno, "errno"),
    MEMBER(OSErrorObject, strerror, "strerror"),
    MEMBER(OSErrorObject, filename, "filename"),
    MEMBER(OSErrorObject, filename2, "filename2"),
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// ImportError, AttributeError, NameError: keyword-only extras
// ---------------------------------------------------------------------------------------------

// Takes the allowed keyword arguments into `out` (same order as `names`); others are errors.
bool take_keywords(Type* type, Tuple* kwnames, const Value* kwvalues,
                   std::initializer_list<const char*> names, Value* out) {
  if (!kwnames) return true;
  for (int64_t k = 0; k < kwnames->size; ++k) {
    Str* key = (*kwnames)[k].as<Str>();
    size_t i = 0;
    bool found = false;
    for (const char* n : names) {
      if (key->view() == n) {
        out[i] = kwvalues[k];
        found = true;
        break;
      }
      ++i;
    }
    if (!found) {
      raise(&exc_TypeError, "'" + std::string(key->view()) + "' is an invalid keyword argument for " +
                                type->name + "()");
      return false;
    }
  }
  return true;
}

int import_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value kw[2];
  if (!take_keywords(type_of(self), kwnames, args + nargs, {"name", "path"}, kw)) return -1;
  set_args(exc_of(self), args, nargs);
  auto* e = self.as<ImportErrorObject>();
  e->name = none_if_null(kw[0]);
  e->path = none_if_null(kw[1]);
  e->msg = nargs == 1 ? args[0] : none_value();
  return 0;
}

Value import_error_str(Value self) {
  auto* e = self.as<ImportErrorObject>();
  if (e->msg && str_check_exact(e->msg)) return e->msg;
  return base_str(self);
}

const GetSetDef kImportErrorGetSets[] = {
    MEMBER(ImportErrorObject, msg, "msg"),
    MEMBER(ImportErrorObject, name, "name"),
    MEMBER(ImportErrorObject, path, "path"),
    {nullptr, nullptr, nullptr},
};

int attribute_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value kw[2];
  if (!take_keywords(type_of(self), kwnames, args + nargs, {"name", "obj"}, kw)) return -1;
  set_args(exc_of(self), args, nargs);
  auto* e = self.as<AttributeErrorObject>();
  e->name = none_if_null(kw[0]);
  e->obj = none_if_null(kw[1]);
  return 0;
}

const GetSetDef kAttributeErrorGetSets[] = {
    MEMBER(AttributeErrorObject, name, "name"),
    MEMBER(AttributeErrorObject, obj, "obj"),
    {nullptr, nullptr, nullptr},
};

int name_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value kw[1];
  if (!take_keywords(type_of(self), kwnames, args + nargs, {"name"}, kw)) return -1;
  set_args(exc_of(self), args, nargs);
  self.as<NameErrorObject>()->name = none_if_null(kw[0]);
  return 0;
}

const GetSetDef kNameErrorGetSets[] = {
    MEMBER(NameErrorObject, name, "name"),
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// SyntaxError
// ---------------------------------------------------------------------------------------------

int syntax_error_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  auto* e = self.as<SyntaxErrorObject>();
  if (nargs >= 1) e->msg = args[0];
  if (nargs == 2) {
    Value info = call(Value(&tuple_type), {args[1]});
    if (!info) return -1;
    Tuple* t = info.as<Tuple>();
    if (t->size < 4) {
      raise(&exc_TypeError, "function takes at least 4 arguments (" + std::to_string(t->size) + " given)");
      return -1;
    }
    if (t->size > 6) {
      raise(&exc_TypeError, "function takes at most 6 arguments (" + std::to_string(t->size) + " given)");
      return -1;
    }
    e->filename = (*t)[0];
    e->lineno = (*t)[1];
    e->offset = (*t)[2];
    e->text = (*t)[3];
    if (t->size > 4) e->end_lineno = (*t)[4];
    if (t->size > 5) e->end_offset = (*t)[5];
  }
  return 0;
}

// "msg (file.py, line 3)": only the file's base name is shown.
Value syntax_error_str(Value self) {
  auto* e = self.as<SyntaxErrorObject>();
  std::string msg;
  if (!str_of_value(none_if_null(e->msg), &msg)) return Value();
  std::string file;
  bool have_file = e->filename && str_check(e->filename);
  if (have_file) {
    file = view_of(e->filename);
    size_t slash = file.rfind('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
  }
  bool have_line = e->lineno && int_check_exact(e->lineno);
  if (!have_file && !have_line) return Value(str_new(msg));
  std::string line = have_line ? int_to_decimal(e->lineno) : "";
  if (have_file && have_line) return Value(str_new(msg + " (" + file + ", line " + line + ")"));
  if (have_file) return Value(str_new(msg + " (" + file + ")"));
  return Value(str_new(msg + " (line " + line + ")"));
}

const GetSetDef kSyntaxErrorGetSets[] = {
    MEMBER(SyntaxErrorObject, msg, "msg"),
    MEMBER(SyntaxErrorObject, filename, "filename"),
    MEMBER(SyntaxErrorObject, lineno, "lineno"),
    MEMBER(SyntaxErrorObject, offset, "offset"),
    MEMBER(SyntaxErrorObject, text, "text"),
    MEMBER(SyntaxErrorObject, end_lineno, "end_lineno"),
    MEMBER(SyntaxErrorObject, end_offset, "end_offset"),
    MEMBER(SyntaxErrorObject, print_file_and_line, "print_file_and_line"),
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError
// ---------------------------------------------------------------------------------------------

bool check_exact_args(size_t nargs, size_t n) {
  if (nargs == n) return true;
  raise(&exc_TypeError, "function takes exactly " + std::to_string(n) + " arguments (" +
                            std::to_string(nargs) + " given)");
  return false;
}

bool check_str_arg(Value v, int pos) {
  if (str_check(v)) return true;
  raise(&exc_TypeError, "argument " + std::to_string(pos) + " must be str, not " + type_name(v));
  return false;
}

bool check_index_arg(Value v) {
  int64_t unused;
  return index_to_i64(v, &unused);
}

int unicode_encode_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  if (!check_exact_args(nargs, 5) || !check_str_arg(args[0], 1) || !check_str_arg(args[1], 2) ||
      !check_index_arg(args[2]) || !check_index_arg(args[3]) || !check_str_arg(args[4], 5)) {
    return -1;
  }
  auto* e = self.as<UnicodeErrorObject>();
  e->encoding = args[0];
  e->object = args[1];
  e->start = number_index(args[2]);
  e->end = number_index(args[3]);
  e->reason = args[4];
  return 0;
}

int unicode_decode_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  if (!check_exact_args(nargs, 5) || !check_str_arg(args[0], 1)) return -1;
  std::string_view data;
  if (!bytes_like_view(args[1], &data)) {
    raise(&exc_TypeError, std::string("argument 2 must be bytes-like object, not '") + type_name(args[1]) + "'");
    return -1;
  }
  if (!check_index_arg(args[2]) || !check_index_arg(args[3]) || !check_str_arg(args[4], 5)) return -1;
  auto* e = self.as<UnicodeErrorObject>();
  e->encoding = args[0];
  e->object = bytes_check(args[1]) ? args[1] : Value(bytes_new(data));
  e->start = number_index(args[2]);
  e->end = number_index(args[3]);
  e->reason = args[4];
  return 0;
}

int unicode_translate_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  if (!check_exact_args(nargs, 4) || !check_str_arg(args[0], 1) || !check_index_arg(args[1]) ||
      !check_index_arg(args[2]) || !check_str_arg(args[3], 4)) {
    return -1;
  }
  auto* e = self.as<UnicodeErrorObject>();
  e->object = args[0];
  e->start = number_index(args[1]);
  e->end = number_index(args[2]);
  e->reason = args[3];
  return 0;
}

// The code point at index i of a (generalized) UTF-8 str; false if out of range.
bool codepoint_at(Str* s, int64_t index, uint32_t* out) {
  if (index < 0 || index >= s->length) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(s->data());
  const unsigned char* end = p + s->size;
  for (int64_t i = 0; p < end; ++i) {
    unsigned char c = *p;
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i == index) {
      uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
      for (int k = 1; k < n && p + k < end; ++k) cp = (cp << 6) | (p[k] & 0x3F);
      *out = cp;
      return true;
    }
    p += n;
  }
  return false;
}

std::string escaped_char(uint32_t cp) {
  char buf[16];
  if (cp <= 0xFF) {
    std::snprintf(buf, sizeof buf, "\\x%02x", cp);
  } else if (cp <= 0xFFFF) {
    std::snprintf(buf, sizeof buf, "\\u%04x", cp);
  } else {
    std::snprintf(buf, sizeof buf, "\\U%08x", cp);
  }
  return buf;
}

bool unicode_fields(UnicodeErrorObject* e, int64_t* start, int64_t* end, std::string* reason) {
  if (!e->start || !e->end || !e->reason) {
    *reason = "";
    return false;
  }
  if (!int_to_i64(e->start, start) || !int_to_i64(e->end, end)) return false;
  return str_of_value(e->reason, reason);
}

// "'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)"
Value unicode_error_str(Value self) {
  auto* e = self.as<UnicodeErrorObject>();
  int64_t start, end;
  std::string reason;
  if (!unicode_fields(e, &start, &end, &reason)) {
    if (error_pending()) return Value();
    return Value(intern(""));
  }
  Type* t = type_of(self);
  bool decode = is_subtype(t, &exc_UnicodeDecodeError);
  bool translate = is_subtype(t, &exc_UnicodeTranslateError);
  std::string prefix;
  if (!translate) {
    std::string enc;
    if (!str_of_value(none_if_null(e->encoding), &enc)) return Value();
    prefix = "'" + enc + "' codec ";
  }
  std::string verb = decode ? "decode" : translate ? "translate" : "encode";
  char pos[64];
  if (decode) {
    std::string_view data;
    if (end == start + 1 && e->object && bytes_like_view(e->object, &data) && start >= 0 &&
        start < static_cast<int64_t>(data.size())) {
      std::snprintf(pos, sizeof pos, "0x%02x in position %lld",
                    static_cast<unsigned char>(data[static_cast<size_t>(start)]), static_cast<long long>(start));
      return Value(str_new(prefix + "can't decode byte " + pos + ": " + reason));
    }
  } else {
    uint32_t cp;
    if (end == start + 1 && e->object && str_check(e->object) && codepoint_at(e->object.as<Str>(), start, &cp)) {
      return Value(str_new(prefix + "can't " + verb + " character '" + escaped_char(cp) + "' in position " +
                           std::to_string(start) + ": " + reason));
    }
  }
  std::snprintf(pos, sizeof pos, "%lld-%lld", static_cast<long long>(start), static_cast<long long>(end - 1));
  return Value(str_new(prefix + "can't " + verb + (decode ? " bytes" : " characters") + " in position " + pos +
                       ": " + reason));
}

const GetSetDef kUnicodeErrorGetSets[] = {
    MEMBER(UnicodeErrorObject, encoding, "encoding"),
    MEMBER(UnicodeErrorObject, object, "object"),
    MEMBER(UnicodeErrorObject, start, "start"),
    MEMBER(UnicodeErrorObject, end, "end"),
    MEMBER(UnicodeErrorObject, reason, "reason"),
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// BaseExceptionGroup / ExceptionGroup
// ---------------------------------------------------------------------------------------------

BaseExceptionGroupObject* eg_of(Value v) { return v.as<BaseExceptionGroupObject>(); }

Value eg_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) return raise(&exc_TypeError, "BaseExceptionGroup.__new__() takes no keyword arguments");
  if (nargs != 2) {
    return raise(&exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                                     std::to_string(nargs) + " given)");
  }
  Value msg = args[0], seq = args[1];
  if (!str_check(msg)) {
    return raise(&exc_TypeError,
                 std::string("BaseExceptionGroup.__new__() argument 1 must be str, not ") + type_name(msg));
  }
  Type* st = type_of(seq);
  if (!st->mp_subscript || dict_check(seq) || anyset_check(seq)) {
    return raise(&exc_TypeError, "second argument (exceptions) must be a sequence");
  }
  Value items = call(Value(&tuple_type), {seq});
  if (!items) return items;
  Tuple* excs = items.as<Tuple>();
  if (excs->size == 0) return raise(&exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (int64_t i = 0; i < excs->size; ++i) {
    Value x = (*excs)[i];
    if (!is_exception_instance(x)) {
      return raise(&exc_ValueError, "Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
    }
    if (!isinstance_fast(x, &exc_Exception)) nested_base = true;
  }
  if (type == &exc_BaseExceptionGroup) {
    if (!nested_base) type = &exc_ExceptionGroup;
  } else if (type == &exc_ExceptionGroup) {
    if (nested_base) return raise(&exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && is_subtype(type, &exc_Exception)) {
    return raise(&exc_TypeError, std::string("Cannot nest BaseExceptions in '") + type->name + "'");
  }
  Value self = base_new(type, args, nargs, nullptr);
  eg_of(self)->msg = msg;
  eg_of(self)->excs = Value(excs);
  return self;
}

int eg_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  set_args(exc_of(self), args, nargs);
  return 0;
}

Value eg_str(Value self) {
  auto* e = eg_of(self);
  int64_t n = e->excs ? e->excs.as<Tuple>()->size : 0;
  std::string msg;
  if (!str_of_value(none_if_null(e->msg), &msg)) return Value();
  return Value(str_new(msg + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")"));
}

Value eg_derive(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("derive", kwnames) || !check_nargs("derive", nargs, 1, 1)) return Value();
  return call(Value(&exc_BaseExceptionGroup), {none_if_null(eg_of(self)->msg), args[0]});
}

// Leaves: matches the leaf exceptions found (by identity) in a list; groups never match
// themselves, so the structure of the group is kept (except*'s re-raise).
enum class MatcherKind { Type, Predicate, Leaves };

// split()/subgroup() conditions: an exception type, a tuple of them, or a predicate.
bool make_matcher(Value cond, MatcherKind* kind) {
  if (isinstance_fast(cond, &type_type) && is_exception_class(cond.as<Type>())) {
    *kind = MatcherKind::Type;
    return true;
  }
  if (tuple_check(cond)) {
    Tuple* t = cond.as<Tuple>();
    bool all = true;
    for (int64_t i = 0; i < t->size && all; ++i) {
      all = isinstance_fast((*t)[i], &type_type) && is_exception_class((*t)[i].as<Type>());
    }
    if (all) {
      *kind = MatcherKind::Type;
      return true;
    }
  } else if (is_callable(cond)) {
    *kind = MatcherKind::Predicate;
    return true;
  }
  raise(&exc_TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

int matches(Value exc, Value cond, MatcherKind kind) {
  if (kind == MatcherKind::Type) return isinstance(exc, cond);
  if (kind == MatcherKind::Leaves) {
    if (isinstance_fast(exc, &exc_BaseExceptionGroup)) return 0;
    List* leaves = cond.as<List>();
    for (int64_t i = 0; i < leaves->size; ++i) {
      if (leaves->items[i].is(exc)) return 1;
    }
    return 0;
  }
  Value r = call(cond, {exc});
  if (!r) return -1;
  return is_true(r);
}

// A group derived from `eg` holding `excs`, with eg's traceback, cause, context and notes.
Value derive_and_copy(Value eg, List* excs) {
  Value derived = call_method(eg, intern("derive"), {Value(excs)});
  if (!derived) return derived;
  if (!is_exception_instance(derived) || !isinstance_fast(derived, &exc_BaseExceptionGroup)) {
    return raise(&exc_TypeError, "derive must return an instance of BaseExceptionGroup");
  }
  BaseException* d = exc_of(derived);
  BaseException* s = exc_of(eg);
  d->traceback = s->traceback;
  d->cause = s->cause;
  d->context = s->context;
  d->suppress_context = true;  // CPython sets __cause__ through PyException_SetCause
  Value notes = getattr_optional(eg, NAME(__notes__));
  if (notes) {
    // Each part gets its own copy of a sequence of notes; CPython ignores other kinds here.
    if (type_of(notes)->mp_subscript && !dict_check(notes)) {
      Value copy = list_from_iterable(notes);
      if (!copy || setattr(derived, NAME(__notes__), copy) < 0) return Value();
    }
  } else if (error_pending()) {
    return Value();
  }
  return derived;
}

// Splits `exc` into the part matching `cond` and the rest (either may be null: nothing).
bool split_recursive(Value exc, Value cond, MatcherKind kind, bool want_rest, Value* match, Value* rest) {
  *match = Value();
  *rest = Value();
  int m = matches(exc, cond, kind);
  if (m < 0) return false;
  if (m) {
    *match = exc;
    return true;
  }
  if (!isinstance_fast(exc, &exc_BaseExceptionGroup)) {
    if (want_rest) *rest = exc;
    return true;
  }
  Tuple* excs = eg_of(exc)->excs.as<Tuple>();
  List* matched = list_new();
  List* rested = list_new();
  for (int64_t i = 0; i < excs->size; ++i) {
    Value sm, sr;
    if (!split_recursive((*excs)[i], cond, kind, want_rest, &sm, &sr)) return false;
    if (sm) list_append(matched, sm);
    if (sr) list_append(rested, sr);
  }
  if (matched->size) {
    *match = derive_and_copy(exc, matched);
    if (!*match) return false;
  }
  if (want_rest && rested->size) {
    *rest = derive_and_copy(exc, rested);
    if (!*rest) return false;
  }
  return true;
}

Value eg_split(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("split", kwnames) || !check_nargs("split", nargs, 1, 1)) return Value();
  MatcherKind kind;
  if (!make_matcher(args[0], &kind)) return Value();
  Value m, r;
  if (!split_recursive(self, args[0], kind, true, &m, &r)) return Value();
  return Value(tuple_of({none_if_null(m), none_if_null(r)}));
}

Value eg_subgroup(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("subgroup", kwnames) || !check_nargs("subgroup", nargs, 1, 1)) return Value();
  MatcherKind kind;
  if (!make_matcher(args[0], &kind)) return Value();
  Value m, r;
  if (!split_recursive(self, args[0], kind, false, &m, &r)) return Value();
  return none_if_null(m);
}

Value eg_get_message(Value self) { return none_if_null(eg_of(self)->msg); }
Value eg_get_exceptions(Value self) { return none_if_null(eg_of(self)->excs); }

// The leaf (non-group) exceptions of `exc`, appended to `out`.
void collect_leaves(Value exc, List* out) {
  if (!isinstance_fast(exc, &exc_BaseExceptionGroup)) {
    list_append(out, exc);
    return;
  }
  Tuple* excs = eg_of(exc)->excs.as<Tuple>();
  for (int64_t i = 0; i < excs->size; ++i) collect_leaves((*excs)[i], out);
}

// Exceptions with the traceback, cause and context of `orig` were re-raised (bare `raise` or
// the unmatched rest) rather than raised anew.
bool same_metadata(Value e, Value orig) {
  BaseException* a = exc_of(e);
  BaseException* b = exc_of(orig);
  return a->traceback.is(b->traceback) && a->cause.is(b->cause) && a->context.is(b->context);
}

// The group the try statement re-raises has no context of its own: it is not chained to
// what the caller is handling when it gets there.
Value without_context(Value exc) {
  if (!exc_of(exc)->context) exc_of(exc)->context = none_value();
  return exc;
}

const MethodDef kExceptionGroupMethods[] = {
    {"derive", eg_derive},
    {"split", eg_split},
    {"subgroup", eg_subgroup},
    {"__class_getitem__", generic_class_getitem, kMethodClass},
    {nullptr, nullptr},
};

const GetSetDef kExceptionGroupGetSets[] = {
    {"message", eg_get_message, nullptr},
    {"exceptions", eg_get_exceptions, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Building the classes
// ---------------------------------------------------------------------------------------------

struct Special {
  Type* type;
  uint32_t basicsize;
  NewFn tp_new;
  InitFn tp_init;
  UnaryFn tp_str;
  const MethodDef* methods;
  const GetSetDef* getsets;
};

void ready_exception(Type* t, const char* name, Type* base) {
  const Special specials[] = {
      {&exc_BaseException, sizeof(BaseException), base_new, base_init, base_str, kBaseMethods, kBaseGetSets},
      {&exc_StopIteration, sizeof(StopIterationObject), nullptr, stop_iteration_init, nullptr, nullptr,
       kStopIterationGetSets},
      {&exc_SystemExit, sizeof(SystemExitObject), nullptr, system_exit_init, nullptr, nullptr, kSystemExitGetSets},
      {&exc_KeyError, 0, nullptr, nullptr, key_error_str, nullptr, nullptr},
      {&exc_OSError, sizeof(OSErrorObject), os_error_new, os_error_init, os_error_str, nullptr, kOSErrorGetSets},
      {&exc_ImportError, sizeof(ImportErrorObject), nullptr, import_error_init, import_error_str, nullptr,
       kImportErrorGetSets},
      {&exc_AttributeError, sizeof(AttributeErrorObject), nullptr, attribute_error_init, nullptr, nullptr,
       kAttributeErrorGetSets},
      {&exc_NameError, sizeof(NameErrorObject), nullptr, name_error_init, nullptr, nullptr, kNameErrorGetSets},
      {&exc_SyntaxError, sizeof(SyntaxErrorObject), nullptr, syntax_error_init, syntax_error_str, nullptr,
       kSyntaxErrorGetSets},
      {&exc_UnicodeEncodeError, sizeof(UnicodeErrorObject), nullptr, unicode_encode_init, unicode_error_str,
       nullptr, kUnicodeErrorGetSets},
      {&exc_UnicodeDecodeError, sizeof(UnicodeErrorObject), nullptr, unicode_decode_init, unicode_error_str,
       nullptr, kUnicodeErrorGetSets},
      {&exc_UnicodeTranslateError, sizeof(UnicodeErrorObject), nullptr, unicode_translate_init,
       unicode_error_str, nullptr, kUnicodeErrorGetSets},
      {&exc_BaseExceptionGroup, sizeof(BaseExceptionGroupObject), eg_new, eg_init, eg_str,
       kExceptionGroupMethods, kExceptionGroupGetSets},
  };
  // ExceptionGroup extends BaseExceptionGroup's layout; Exception joins its bases below.
  if (t == &exc_ExceptionGroup) base = &exc_BaseExceptionGroup;
  t->flags |= kTypeBaseType | kTypeExceptionSubclass;
  const MethodDef* methods = nullptr;
  const GetSetDef* getsets = nullptr;
  for (const Special& s : specials) {
    if (s.type != t) continue;
    if (s.basicsize) t->basicsize = s.basicsize;
    t->tp_new = s.tp_new;
    t->tp_init = s.tp_init;
    t->tp_str = s.tp_str;
    methods = s.methods;
    getsets = s.getsets;
  }
  if (t == &exc_BaseException) {
    t->dict_offset = static_cast<int32_t>(offsetof(BaseException, dict));
    t->tp_repr = base_repr;
  } else if (!t->tp_new) {
    t->tp_new = base->tp_new;  // exception classes are instantiable all the way down
  }
  type_ready(t, name, base, methods, getsets);
}

}  // namespace

Value prep_reraise_star(Value orig, List* excs) {
  // A naked exception was caught: only one clause ran, so there is one outcome (or None).
  if (!isinstance_fast(orig, &exc_BaseExceptionGroup)) return excs->items[0];
  List* raised = list_new();
  List* reraised_leaves = list_new();
  for (int64_t i = 0; i < excs->size; ++i) {
    Value e = excs->items[i];
    if (is_none(e)) continue;
    if (same_metadata(e, orig)) collect_leaves(e, reraised_leaves);
    else list_append(raised, e);
  }
  // The re-raised leaves keep their place in the structure of the original group.
  Value reraised, unused;
  if (reraised_leaves->size &&
      !split_recursive(orig, Value(reraised_leaves), MatcherKind::Leaves, false, &reraised, &unused)) {
    return Value();
  }
  if (raised->size == 0) return reraised ? without_context(reraised) : none_value();
  if (reraised) list_append(raised, reraised);
  if (raised->size == 1) return raised->items[0];
  Value group = call(Value(&exc_BaseExceptionGroup), {Value(str_new("")), Value(raised)});
  return group ? without_context(group) : group;
}

bool is_exception_instance(Value v) {
  return v.is_object() && (v.as_object()->type->flags & kTypeExceptionSubclass);
}

bool is_exception_class(Type* t) { return t->flags & kTypeExceptionSubclass; }

void exceptions_init() {
#define EXCEPTION(Name, Base) ready_exception(&exc_##Name, #Name, &exc_##Base);
#define exc_object object_type
#include "objects/exception_types.def"
#undef exc_object
#undef EXCEPTION
  // ExceptionGroup is both a BaseExceptionGroup and an Exception.
  exc_ExceptionGroup.bases = tuple_of({Value(&exc_BaseExceptionGroup), Value(&exc_Exception)});
  exc_ExceptionGroup.mro = tuple_of({Value(&exc_ExceptionGroup), Value(&exc_BaseExceptionGroup), Value(&exc_Exception),
                                     Value(&exc_BaseException), Value(&object_type)});
  type_modified(&exc_ExceptionGroup);
}

}  // namespace minipy
