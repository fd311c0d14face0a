// What posix, pwd and grp share about users and groups: CPython's uid_t / gid_t converters
// (so every module accepts and rejects the same values), and for pwd and grp the set-up, buffer
// loop, arguments and text fields of the reentrant user and group database calls.
#pragma once

#include <errno.h>
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "objects/object.h"

namespace minipy {

// An int (or __index__) as a uid: -1 is allowed (chown's "leave unchanged"); other values
// outside uid_t raise OverflowError "uid is less than minimum" / "uid is greater than maximum",
// non-integers TypeError "uid should be integer, not T". False with the exception pending.
bool uid_convert(Value v, uid_t* out);
bool gid_convert(Value v, gid_t* out);
// The id as an int; (uid_t)-1 comes back as -1, as CPython shows it.
Value uid_to_int(uid_t uid);
Value gid_to_int(gid_t gid);

// Call before the first lookup (pwd and grp do when imported). A statically linked binary
// cannot run the NSS modules glibc would dlopen (libnss_systemd crashes on the first lookup
// that reaches it), so there the user and group databases are read from /etc only.
void user_db_init();

// Runs `call(buffer, size)`, a getpwnam_r-style call returning its status, doubling the buffer
// while the entry does not fit (ERANGE). Touches no Python object: callers release the GIL.
template <class Call>
int call_growing_buffer(std::vector<char>* buffer, Call call) {
  int status;
  while ((status = call(buffer->data(), buffer->size())) == ERANGE) buffer->resize(buffer->size() * 2);
  return status;
}

// A buffer for those calls, sized by the sysconf hint (_SC_GETPW_R_SIZE_MAX, ...) when there is one.
std::vector<char> user_db_buffer(int sysconf_name);

// A text field of an entry, copied out of the call's buffer (a null pointer stays absent).
std::optional<std::string> user_db_text(const char* s);
// The field as str (undecodable bytes as lone surrogates, so it cannot fail), None when absent.
Value user_db_text_value(const std::optional<std::string>& s);
// A name argument (str only) as the bytes the C library gets: "getpwnam() argument must be
// str, not T" (argname null) or "getgrnam() argument 'name' must be str, not T"; ValueError
// "embedded null byte".
bool user_db_name_arg(const char* fname, const char* argname, Value v, std::string* out);

}  // namespace minipy
