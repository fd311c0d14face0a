// Raising and inspecting the pending exception of the current thread.
//
// Native code signals failure by setting the pending exception and returning null / -1 (see
// objects/object.h). These helpers do the setting. Every raise_* returns a null Value so a
// native function can write `return raise(&exc_TypeError, "...");`.
#pragma once

#include <string>
#include <string_view>

#include "objects/exceptions.h"
#include "objects/object.h"

namespace minipy {

// Raises exc_type(msg).
Value raise(Type* exc_type, std::string_view msg);
// Raises exc_type() with no arguments (e.g. a bare StopIteration).
Value raise_empty(Type* exc_type);
// Raises an exception instance or class (like the `raise` statement; a class is instantiated).
// Sets __context__ from the exception being handled, as CPython does.
Value raise_value(Value exc);
// Raises exc_type(*args) where args is a tuple (e.g. KeyError(key), StopIteration(value)).
Value raise_with_args(Type* exc_type, Tuple* args);
// Raises OSError (or the errno's subclass: FileNotFoundError, ...) from errno, optionally with
// a filename, exactly as CPython: "[Errno 2] No such file or directory: 'x'".
Value raise_os_error(int errnum, Value filename = Value());
Value raise_no_memory();
// Raises the exception a numeric-text helper (runtime/format_spec.h TextError) describes.
Value raise_text_error(const struct TextError& error);

// The pending exception, or null.
bool error_pending();
Value error_peek();
// Removes and returns the pending exception.
Value error_fetch();
// Makes `exc` (an instance, or null for none) the pending exception again.
void error_restore(Value exc);
void error_clear();
// Is the pending exception an instance of exc_type (or a subclass)?
bool error_matches(Type* exc_type);

// Names for messages: the type's __name__ of a value ("int", "MyClass").
const char* type_name(Value v);

// Common message shapes, worded as CPython words them.
Value raise_unsupported_binary(const char* op, Value a, Value b);  // unsupported operand type(s) ...
Value raise_attribute_error(Value obj, Str* name);  // 'X' object has no attribute 'name'

}  // namespace minipy
