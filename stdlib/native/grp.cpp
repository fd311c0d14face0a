// The grp module: the group database (getgrgid, getgrnam, getgrall) as struct_group entries.
// Lookups use the reentrant C calls with the GIL released, since NSS may reach out to the
// network (LDAP, NIS).
#include <grp.h>
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

Type* g_struct_group = nullptr;

// getgrent_r walks one process-wide cursor: one getgrall at a time.
std::mutex g_grent_mutex;

// An entry copied out of the C library's buffer while the GIL is released.
struct GroupEntry {
  std::optional<std::string> name, passwd;
  gid_t gid;
  std::vector<std::string> members;
};

GroupEntry copy_entry(const group& g) {
  GroupEntry e{user_db_text(g.gr_name), user_db_text(g.gr_passwd), g.gr_gid, {}};
  for (char** m = g.gr_mem; m && *m; ++m) e.members.emplace_back(*m);
  return e;
}

Value entry_value(const GroupEntry& e) {
  List* members = list_new(static_cast<int64_t>(e.members.size()));
  for (const std::string& m : e.members) list_append(members, user_db_text_value(m));
  return struct_seq_new(g_struct_group,
                        {user_db_text_value(e.name), user_db_text_value(e.passwd), gid_to_int(e.gid), Value(members)});
}

// Runs a getgrgid_r / getgrnam_r style `lookup(entry, buffer, size, &result)`.
template <class Lookup>
std::optional<GroupEntry> find_entry(Lookup lookup) {
  ScopedGilRelease unlocked;
  std::vector<char> buffer = user_db_buffer(_SC_GETGR_R_SIZE_MAX);
  group entry;
  group* result = nullptr;
  int status = call_growing_buffer(&buffer, [&](char* buf, size_t size) { return lookup(&entry, buf, size, &result); });
  if (status != 0 || !result) return std::nullopt;
  return copy_entry(*result);
}

Value grp_getgrgid(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"getgrgid", {"id"}, 1, 1};
  Value a[1];
  gid_t gid;
  if (!bind_args(sig, args, nargs, kwnames, a) || !gid_convert(a[0], &gid)) return Value();
  std::optional<GroupEntry> e = find_entry(
      [gid](group* entry, char* buf, size_t size, group** result) { return ::getgrgid_r(gid, entry, buf, size, result); });
  if (!e) return raise(&exc_KeyError, "getgrgid(): gid not found: " + int_to_decimal(gid_to_int(gid)));
  return entry_value(*e);
}

Value grp_getgrnam(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"getgrnam", {"name"}, 1, 1};
  Value a[1];
  std::string name;
  if (!bind_args(sig, args, nargs, kwnames, a) || !user_db_name_arg("getgrnam", "name", a[0], &name)) return Value();
  std::optional<GroupEntry> e = find_entry([&name](group* entry, char* buf, size_t size, group** result) {
    return ::getgrnam_r(name.c_str(), entry, buf, size, result);
  });
  if (!e) {
    Value shown = repr(a[0]);
    if (!shown) return Value();
    return raise(&exc_KeyError, std::string("getgrnam(): name not found: ") + std::string(shown.as<Str>()->view()));
  }
  return entry_value(*e);
}

Value grp_getgrall(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("grp.getgrall", kwnames) || !check_nargs("grp.getgrall", nargs, 0, 0)) return Value();
  std::vector<GroupEntry> entries;
  {
    ScopedGilRelease unlocked;
    std::lock_guard<std::mutex> lock(g_grent_mutex);
    std::vector<char> buffer = user_db_buffer(_SC_GETGR_R_SIZE_MAX);
    ::setgrent();
    for (;;) {
      group entry;
      group* result = nullptr;
      // getgrent_r rereads the entry after ERANGE, so a grown buffer retries the same one.
      int status = call_growing_buffer(&buffer, [&](char* buf, size_t size) {
        return ::getgrent_r(&entry, buf, size, &result);
      });
      if (status != 0 || !result) break;
      entries.push_back(copy_entry(*result));
    }
    ::endgrent();
  }
  List* out = list_new(static_cast<int64_t>(entries.size()));
  for (const GroupEntry& e : entries) list_append(out, entry_value(e));
  return Value(out);
}

const MethodDef kGrpFunctions[] = {
    {"getgrgid", grp_getgrgid},
    {"getgrnam", grp_getgrnam},
    {"getgrall", grp_getgrall},
    {nullptr, nullptr},
};

}  // namespace

Value grp_module_create() {
  user_db_init();
  if (!g_struct_group) {
    g_struct_group = struct_seq_type_new("grp.struct_group", {"gr_name", "gr_passwd", "gr_gid", "gr_mem"});
  }
  Module* m = module_new(intern("grp"));
  module_add_functions(m, kGrpFunctions);
  module_add(m, "struct_group", Value(g_struct_group));
  return Value(m);
}

}  // namespace minipy
