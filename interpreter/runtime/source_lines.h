// Source lines for tracebacks and warnings: files on disk (read once, cached) and the
// embedded stdlib ("<frozen name>" file names).
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace minipy {

// Line `lineno` (1-based) of `filename` without its newline, or "" when unavailable.
std::string source_line(std::string_view filename, int64_t lineno);

// The full traceback text CPython's default handler would print for `exc`.
std::string format_exception_text(Value exc);
// Writes to sys.stderr (falling back to the C stream when it is unusable).
void write_to_stderr(std::string_view text);

}  // namespace minipy
