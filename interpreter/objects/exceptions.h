// Built-in exception classes and the BaseException instance layout.
#pragma once

#include "objects/object.h"

namespace minipy {

#define EXCEPTION(Name, Base) extern Type exc_##Name;
#include "objects/exception_types.def"
#undef EXCEPTION

// Layout of every exception instance (subclasses add attributes through __dict__; the
// specialised fields of StopIteration.value, SystemExit.code, OSError.errno, SyntaxError.lineno
// ... are properties over `args` or the dict, set up in exceptions.cpp).
struct BaseException : Object {
  Dict* dict;            // instance __dict__ (lazily created)
  Tuple* args;           // .args
  Value traceback;       // __traceback__ (a Traceback object or None/null)
  Value cause;           // __cause__ (raise ... from ...)
  Value context;         // __context__ (the exception being handled when this was raised)
  bool suppress_context; // __suppress_context__ (set by `raise ... from`)
};

// Exception classes with fields of their own extend the layout (so `vars(e)` stays empty, as
// in CPython). Fields that were never set read as None.
struct StopIterationObject : BaseException {
  Value value;
};
struct SystemExitObject : BaseException {
  Value code;
};
struct OSErrorObject : BaseException {
  Value myerrno, strerror, filename, filename2;
};
struct ImportErrorObject : BaseException {
  Value msg, name, path;
};
struct AttributeErrorObject : BaseException {
  Value name, obj;
};
struct NameErrorObject : BaseException {
  Value name;
};
struct SyntaxErrorObject : BaseException {
  Value msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
};
struct UnicodeErrorObject : BaseException {  // UnicodeEncodeError, -DecodeError, -TranslateError
  Value encoding, object, start, end, reason;
};
struct List;

struct BaseExceptionGroupObject : BaseException {
  Value msg;   // str
  Value excs;  // tuple of exceptions
};

// except* (PREP_RERAISE_STAR): what a try statement with except* clauses re-raises, given the
// exception it caught and the list of what each clause raised or re-raised plus the unmatched
// rest (None entries for nothing): re-raised parts keep the structure of `orig`, new ones become
// siblings in a new group. None if there is nothing to re-raise.
Value prep_reraise_star(Value orig, List* excs);

// Creates the exception classes; part of interpreter start-up.
void exceptions_init();

// True if `v` is an instance of BaseException (or a subclass).
bool is_exception_instance(Value v);
// True if `t` is BaseException or a subclass of it.
bool is_exception_class(Type* t);

}  // namespace minipy
