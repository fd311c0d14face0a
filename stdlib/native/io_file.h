// File objects: the type behind sys.stdin/stdout/stderr and open(). One native type serves
// text mode (str in/out, an encoding, newline translation) and binary mode (bytes), with its
// own buffering; it plays the part of CPython's io.TextIOWrapper / BufferedReader / FileIO.
//
// The descriptor and its buffers live in a FileStream that a text file shares with its
// `buffer` attribute (the binary file under it), so writes through either come out in order.
#pragma once

#include <string_view>

#include "objects/object.h"

namespace minipy {

struct FileStream;

// How a text file treats line endings (the `newline` argument of open()).
enum class NewlineMode : uint8_t {
  Universal,     // None: any of \n, \r, \r\n ends a line and reads as \n
  Untranslated,  // '': any ending ends a line, returned as is
  Lf,            // '\n'
  Cr,            // '\r': written for \n, the only line ending read
  CrLf,          // '\r\n': likewise
};

struct FileObject : Object {
  Dict* dict;
  FileStream* stream;   // shared with the text file's `buffer`
  bool binary;
  bool readable;
  bool writable;
  bool appending;
  bool line_buffering;  // flush on every newline (terminals, stderr)
  bool write_through;   // text files: flush on every write (stdout and stderr under -u)
  bool utf8;            // encoding is UTF-8 (the fast path: str data is already the bytes)
  NewlineMode newline;
  Value name;           // str path or int fd, as given
  Value mode;           // str
  Value encoding;       // str (text files)
  Value errors;         // str (text files)
  Value buffer;         // text files: the binary file over the same stream, made on demand
};

extern Type file_type;

// Wraps an existing descriptor (sys.std* use 0/1/2).
FileObject* file_from_fd(int fd, Value name, std::string_view mode, bool line_buffering, bool closefd);
// open(file, mode, ...) as the builtin: NativeFn convention.
Value builtin_open(Value self, const Value* args, size_t nargs, Tuple* kwnames);
// Writes UTF-8 text to a text file object: the fast path print() takes for native files.
int file_write_text(FileObject* f, std::string_view text);
int file_flush(FileObject* f);
bool file_check(Value v);

// io.UnsupportedOperation (a subclass of OSError and ValueError), created on first use, and
// raising it with a message. Null + exception if the class cannot be made.
Value unsupported_operation_type();
Value raise_unsupported_operation(const char* msg);

void file_type_init();

}  // namespace minipy
