// The pwd module: the password database (getpwuid, getpwnam, getpwall) as struct_passwd
// entries. Lookups use the reentrant C calls with the GIL released, since NSS may reach out to
// the network (LDAP, NIS).
#include <pwd.h>
#include <unistd.h>

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/struct_seq.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "stdlib/native/native_modules.h"
#include "stdlib/native/user_db.h"

namespace minipy {

namespace {

Type* g_struct_passwd = nullptr;

// getpwent_r walks one process-wide cursor: one getpwall at a time.
std::mutex g_pwent_mutex;

// An entry copied out of the C library's buffer while the GIL is released.
struct PasswdEntry {
  std::optional<std::string> name, passwd, gecos, dir, shell;
  uid_t uid;
  gid_t gid;
};

PasswdEntry copy_entry(const passwd& p) {
  return {user_db_text(p.pw_name), user_db_text(p.pw_passwd), user_db_text(p.pw_gecos),
          user_db_text(p.pw_dir),  user_db_text(p.pw_shell),  p.pw_uid, p.pw_gid};
}

Value entry_value(const PasswdEntry& e) {
  return struct_seq_new(g_struct_passwd, {user_db_text_value(e.name), user_db_text_value(e.passwd), uid_to_int(e.uid),
                                          gid_to_int(e.gid), user_db_text_value(e.gecos), user_db_text_value(e.dir),
                                          user_db_text_value(e.shell)});
}

// Runs a getpwuid_r / getpwnam_r style `lookup(entry, buffer, size, &result)`.
template <class Lookup>
std::optional<PasswdEntry> find_entry(Lookup lookup) {
  ScopedGilRelease unlocked;
  std::vector<char> buffer = user_db_buffer(_SC_GETPW_R_SIZE_MAX);
  passwd entry;
  passwd* result = nullptr;
  int status = call_growing_buffer(&buffer, [&](char* buf, size_t size) { return lookup(&entry, buf, size, &result); });
  if (status != 0 || !result) return std::nullopt;
  return copy_entry(*result);
}

Value pwd_getpwuid(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pwd.getpwuid", kwnames) || !check_nargs("pwd.getpwuid", nargs, 1, 1)) return Value();
  uid_t uid;
  if (!uid_convert(args[0], &uid)) {
    // Ids no uid_t can hold are simply not in the database.
    if (error_matches(&exc_OverflowError)) {
      error_clear();
      return raise(&exc_KeyError, "getpwuid(): uid not found");
    }
    return Value();
  }
  std::optional<PasswdEntry> e = find_entry(
      [uid](passwd* entry, char* buf, size_t size, passwd** result) { return ::getpwuid_r(uid, entry, buf, size, result); });
  if (!e) return raise(&exc_KeyError, "getpwuid(): uid not found: " + int_to_decimal(uid_to_int(uid)));
  return entry_value(*e);
}

Value pwd_getpwnam(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pwd.getpwnam", kwnames) || !check_nargs("pwd.getpwnam", nargs, 1, 1)) return Value();
  std::string name;
  if (!user_db_name_arg("getpwnam", nullptr, args[0], &name)) return Value();
  std::optional<PasswdEntry> e = find_entry([&name](passwd* entry, char* buf, size_t size, passwd** result) {
    return ::getpwnam_r(name.c_str(), entry, buf, size, result);
  });
  if (!e) {
    Value shown = repr(args[0]);
    if (!shown) return Value();
    return raise(&exc_KeyError, std::string("getpwnam(): name not found: ") + std::string(shown.as<Str>()->view()));
  }
  return entry_value(*e);
}

Value pwd_getpwall(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("pwd.getpwall", kwnames) || !check_nargs("pwd.getpwall", nargs, 0, 0)) return Value();
  std::vector<PasswdEntry> entries;
  {
    ScopedGilRelease unlocked;
    std::lock_guard<std::mutex> lock(g_pwent_mutex);
    std::vector<char> buffer = user_db_buffer(_SC_GETPW_R_SIZE_MAX);
    ::setpwent();
    for (;;) {
      passwd entry;
      passwd* result = nullptr;
      // getpwent_r rereads the entry after ERANGE, so a grown buffer retries the same one.
      int status = call_growing_buffer(&buffer, [&](char* buf, size_t size) {
        return ::getpwent_r(&entry, buf, size, &result);
      });
      if (status != 0 || !result) break;
      entries.push_back(copy_entry(*result));
    }
    ::endpwent();
  }
  List* out = list_new(static_cast<int64_t>(entries.size()));
  for (const PasswdEntry& e : entries) list_append(out, entry_value(e));
  return Value(out);
}

const MethodDef kPwdFunctions[] = {
    {"getpwuid", pwd_getpwuid},
    {"getpwnam", pwd_getpwnam},
    {"getpwall", pwd_getpwall},
    {nullptr, nullptr},
};

}  // namespace

Value pwd_module_create() {
  user_db_init();
  if (!g_struct_passwd) {
    g_struct_passwd = struct_seq_type_new(
        "pwd.struct_passwd", {"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"});
  }
  Module* m = module_new(intern("pwd"));
  module_add_functions(m, kPwdFunctions);
  module_add(m, "struct_passwd", Value(g_struct_passwd));
  return Value(m);
}

}  // namespace minipy
