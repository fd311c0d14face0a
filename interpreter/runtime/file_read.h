#pragma once

#include <string>

namespace minipy {

// Reads everything from `fd` (to end of file) into *out. False with errno set on a read error.
bool read_fd(int fd, std::string* out);

// Reads the whole file at `path` into *out. False with errno set if it cannot be opened or read.
// Plain POSIX I/O: the binary carries no iostreams, whose locale set-up cost start-up time.
bool read_file(const std::string& path, std::string* out);

}  // namespace minipy
