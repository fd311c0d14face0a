// Users and groups for posix, pwd and grp. The id converters are CPython's, quirks included: a
// value that fits in a C long but not in the 32-bit id is reported as "less than minimum".
#include "stdlib/native/user_db.h"

#include <nss.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <cstdint>
#include <limits>
#include <mutex>
#include <string>

#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"

namespace minipy {

namespace {

template <class Id>
bool id_convert(Value v, const char* kind, Id* out) {
  static_assert(sizeof(Id) == 4 && !std::numeric_limits<Id>::is_signed);
  Value index = number_index(v);
  if (!index) {
    // CPython replaces whatever __index__ raised.
    error_clear();
    raise(&exc_TypeError, std::string(kind) + " should be integer, not " + type_name(v));
    return false;
  }
  int64_t i;
  bool fits = int_to_i64(index, &i);
  if (fits && i == -1) {
    *out = static_cast<Id>(-1);
    return true;
  }
  if (fits && i >= 0 && i <= UINT32_MAX) {
    *out = static_cast<Id>(i);
    return true;
  }
  bool below = fits || int_sign(index) < 0;
  raise(&exc_OverflowError, std::string(kind) + (below ? " is less than minimum" : " is greater than maximum"));
  return false;
}

template <class Id>
Value id_to_int(Id id) {
  return id == static_cast<Id>(-1) ? Value::small_int(-1) : Value::small_int(id);
}

}  // namespace

bool uid_convert(Value v, uid_t* out) { return id_convert(v, "uid", out); }
bool gid_convert(Value v, gid_t* out) { return id_convert(v, "gid", out); }
Value uid_to_int(uid_t uid) { return id_to_int(uid); }
Value gid_to_int(gid_t gid) { return id_to_int(gid); }

void user_db_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    // No dynamic loader (AT_BASE 0): this is the static binary.
    if (::getauxval(AT_BASE) != 0) return;
    ::__nss_configure_lookup("passwd", "files");
    ::__nss_configure_lookup("group", "files");
  });
}

std::vector<char> user_db_buffer(int sysconf_name) {
  long hint = ::sysconf(sysconf_name);
  return std::vector<char>(hint > 0 ? static_cast<size_t>(hint) : 1024);
}

std::optional<std::string> user_db_text(const char* s) {
  if (!s) return std::nullopt;
  return std::string(s);
}

Value user_db_text_value(const std::optional<std::string>& s) {
  return s ? str_decode_utf8(*s, "surrogateescape") : none_value();
}

bool user_db_name_arg(const char* fname, const char* argname, Value v, std::string* out) {
  if (!str_check(v)) {
    std::string arg = argname ? std::string(" argument '") + argname + "'" : std::string(" argument");
    // Argument clinic names None by itself, other objects by their type.
    const char* given = is_none(v) ? "None" : type_name(v);
    raise(&exc_TypeError, std::string(fname) + "()" + arg + " must be str, not " + given);
    return false;
  }
  Value encoded = str_encode(v.as<Str>(), "utf-8", "surrogateescape");
  if (!encoded) return false;
  out->assign(encoded.as<Bytes>()->view());
  if (out->find('\0') != std::string::npos) {
    raise(&exc_ValueError, "embedded null byte");
    return false;
  }
  return true;
}

}  // namespace minipy
