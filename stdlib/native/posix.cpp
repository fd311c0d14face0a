// The posix module: the operating-system interface `os` re-exports (files and directories,
// descriptors, processes, environment). Paths are str, bytes or os.PathLike; str paths are
// encoded as UTF-8 with surrogateescape (the file-system encoding), and results follow the
// type of the argument (bytes in, bytes out). Every call that may block runs with the GIL
// released, and calls interrupted by a signal run its Python handler and retry (PEP 475).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <stdio.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/struct_seq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "runtime/signals.h"
#include "runtime/source_lines.h"
#include "runtime/thread_state.h"
#include "stdlib/native/native_modules.h"
#include "stdlib/native/user_db.h"

extern char** environ;

namespace minipy {

namespace {

Type* g_stat_result = nullptr;
Type* g_terminal_size = nullptr;
Type* g_times_result = nullptr;
Type* g_uname_result = nullptr;
Type dir_entry_type;
Type scandir_iterator_type;

// os.register_at_fork callables (static data is scanned by the collector).
List* g_before_fork = nullptr;
List* g_after_fork_parent = nullptr;
List* g_after_fork_child = nullptr;

// =============================================================================================
// Argument conversion

// A path argument as the OS sees it, plus what error messages and results need.
struct Path {
  std::string bytes;      // NUL-free, what the system call gets
  Value object;           // str or bytes after __fspath__: the OSError filename
  int fd = -1;            // the descriptor, when by_fd
  bool by_fd = false;     // an int was passed where a descriptor is allowed
  bool is_bytes = false;  // results (listdir, readlink, DirEntry.name) follow the argument
  const char* c_str() const { return bytes.c_str(); }
};

enum PathFlags { kAllowFd = 1, kAllowNone = 2 };

// File names come from the OS as bytes; undecodable bytes survive as lone surrogates.
Value fs_decode(std::string_view raw) { return str_decode_utf8(raw, "surrogateescape"); }

// The inverse of fs_decode. Lone surrogates are stored as 0xED 0xA0..0xBF sequences, so text
// without an 0xED byte is already its own encoding (the common case copies nothing else).
bool fs_encode(Str* s, std::string* out) {
  std::string_view v = s->view();
  if (v.find('\xED') == std::string_view::npos) {
    out->assign(v);
    return true;
  }
  Value b = str_encode(s, "utf-8", "surrogateescape");
  if (!b) return false;
  out->assign(b.as<Bytes>()->view());
  return true;
}

// os.fspath(): str and bytes as they are, else the type's __fspath__, whose result must be
// str or bytes. Null (no exception) when `v` has no __fspath__ at all.
Value fspath_or_null(Value v) {
  if (str_check(v) || bytes_check(v)) return v;
  Value method = type_lookup(type_of(v), intern("__fspath__"));
  if (!method) return Value();
  Value r = call(method, {v});
  if (!r) return Value();
  if (!str_check(r) && !bytes_check(r)) {
    return raise(&exc_TypeError, std::string("expected ") + type_name(v) +
                                     ".__fspath__() to return str or bytes, not " + type_name(r));
  }
  return r;
}

bool path_convert(const char* fname, const char* argname, Value v, int flags, Path* out) {
  if ((flags & kAllowNone) && (!v || is_none(v))) {
    out->bytes = ".";
    out->object = none_value();
    return true;
  }
  if ((flags & kAllowFd) && int_check(v)) {
    int64_t fd;
    if (!index_to_i64(v, &fd)) return false;
    if (fd < INT32_MIN || fd > INT32_MAX) {
      raise(&exc_OverflowError, fd < 0 ? "fd is less than minimum" : "fd is greater than maximum");
      return false;
    }
    out->fd = static_cast<int>(fd);
    out->by_fd = true;
    out->object = v;
    return true;
  }
  Value p = fspath_or_null(v);
  if (!p) {
    if (error_pending()) return false;
    const char* kinds = (flags & kAllowFd) ? ((flags & kAllowNone) ? "string, bytes, os.PathLike, integer or None"
                                                                    : "string, bytes, os.PathLike or integer")
                                           : ((flags & kAllowNone) ? "string, bytes, os.PathLike or None"
                                                                   : "string, bytes or os.PathLike");
    raise(&exc_TypeError, std::string(fname) + ": " + argname + " should be " + kinds + ", not " + type_name(v));
    return false;
  }
  out->object = p;
  if (str_check(p)) {
    if (!fs_encode(p.as<Str>(), &out->bytes)) return false;
    if (out->bytes.find('\0') != std::string::npos) {
      raise(&exc_ValueError, "embedded null byte");
      return false;
    }
  } else {
    out->is_bytes = true;
    out->bytes.assign(p.as<Bytes>()->view());
    if (out->bytes.find('\0') != std::string::npos) {
      raise(&exc_ValueError, std::string(fname) + ": embedded null character in path");
      return false;
    }
  }
  return true;
}

// A name from the OS in the type the caller used for the path.
Value os_name(std::string_view raw, bool as_bytes) {
  return as_bytes ? Value(bytes_new(raw)) : fs_decode(raw);
}

bool int_arg(Value v, int* out) {
  int64_t i;
  if (!index_to_i64(v, &i)) return false;
  if (i < INT32_MIN || i > INT32_MAX) {
    raise(&exc_OverflowError, i < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

bool fd_arg(Value v, int* out) {
  if (!int_check(v) && !type_lookup(type_of(v), intern("__index__"))) {
    raise(&exc_TypeError, std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  return int_arg(v, out);
}

// dir_fd=None or an int; AT_FDCWD when absent.
bool dir_fd_arg(Value v, int* out) {
  *out = AT_FDCWD;
  if (!v || is_none(v)) return true;
  if (!int_check(v)) {
    raise(&exc_TypeError, std::string("argument should be integer or None, not ") + type_name(v));
    return false;
  }
  return int_arg(v, out);
}

bool bool_arg(Value v, bool dflt, bool* out) {
  if (!v) {
    *out = dflt;
    return true;
  }
  int t = is_true(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

// Runs a system call with the GIL released, retrying after EINTR once the signal's Python
// handler has run (PEP 475). Returns the call's result; on failure *err is errno, or 0 when a
// signal handler raised (its exception is then pending).
template <class F>
auto blocking_call(F syscall, int* err) -> decltype(syscall()) {
  for (;;) {
    decltype(syscall()) r;
    int e;
    {
      ScopedGilRelease unlocked;
      r = syscall();
      e = errno;
    }
    if (r != -1 || e != EINTR) {
      *err = e;
      return r;
    }
    if (run_pending_signal_handlers(current_thread()) < 0) {
      *err = 0;
      return r;
    }
  }
}

Value os_error(int err, Value filename = Value()) {
  if (err == 0) return Value();  // a signal handler's exception is already pending
  return raise_os_error(err, filename);
}

// OSError with two file names: "[Errno 2] No such file or directory: 'a' -> 'b'".
Value os_error2(int err, Value filename, Value filename2) {
  if (err == 0) return Value();
  Value args[5] = {int_from_i64(err), Value(str_new(std::strerror(err))), filename, none_value(), filename2};
  Value exc = call(Value(&exc_OSError), args, 5);
  if (!exc) return Value();
  return raise_value(exc);
}

#define NOKW(fname) \
  if (!check_no_kwargs(fname, kwnames)) return Value()

// =============================================================================================
// stat

// stat_result keeps the ten tuple items CPython shows (integer times) and, hidden after them,
// the float and nanosecond times and the extra fields, which only attributes reach.
enum StatHidden { kAtimeF = 10, kMtimeF, kCtimeF, kAtimeNs, kMtimeNs, kCtimeNs, kBlksize, kBlocks, kRdev, kStatSlots };

template <int I>
Value stat_hidden(Value self) {
  return self.as<Tuple>()->items()[I];
}

Value stat_float(const timespec& ts) {
  return float_new(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

Value stat_ns(const timespec& ts) {
  mpz_t z;
  mpz_init_set_si(z, ts.tv_sec);
  mpz_mul_ui(z, z, 1000000000u);
  if (ts.tv_nsec >= 0) mpz_add_ui(z, z, static_cast<unsigned long>(ts.tv_nsec));
  return int_steal_mpz(z);
}

Value make_stat_result(const struct stat& st) {
  auto* t = static_cast<Tuple*>(alloc_object(g_stat_result, sizeof(Tuple) + kStatSlots * sizeof(Value)));
  t->hash = -1;
  t->size = 10;
  Value* it = t->items();
  it[0] = int_from_i64(st.st_mode);
  it[1] = int_from_u64(st.st_ino);
  it[2] = int_from_u64(st.st_dev);
  it[3] = int_from_u64(st.st_nlink);
  it[4] = int_from_u64(st.st_uid);
  it[5] = int_from_u64(st.st_gid);
  it[6] = int_from_i64(st.st_size);
  it[7] = int_from_i64(st.st_atim.tv_sec);
  it[8] = int_from_i64(st.st_mtim.tv_sec);
  it[9] = int_from_i64(st.st_ctim.tv_sec);
  it[kAtimeF] = stat_float(st.st_atim);
  it[kMtimeF] = stat_float(st.st_mtim);
  it[kCtimeF] = stat_float(st.st_ctim);
  it[kAtimeNs] = stat_ns(st.st_atim);
  it[kMtimeNs] = stat_ns(st.st_mtim);
  it[kCtimeNs] = stat_ns(st.st_ctim);
  it[kBlksize] = int_from_i64(st.st_blksize);
  it[kBlocks] = int_from_i64(st.st_blocks);
  it[kRdev] = int_from_u64(st.st_rdev);
  return Value(t);
}

// stat of a path, a descriptor, or a path relative to dir_fd. Null + OSError on failure.
Value do_stat(const Path& p, int dir_fd, bool follow) {
  struct stat st;
  int err;
  int rc;
  if (p.by_fd) {
    int fd = p.fd;
    rc = blocking_call([&] { return ::fstat(fd, &st); }, &err);
  } else {
    const char* path = p.c_str();
    int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
    rc = blocking_call([&] { return ::fstatat(dir_fd, path, &st, flags); }, &err);
  }
  if (rc < 0) return os_error(err, p.object);
  return make_stat_result(st);
}

Value posix_stat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"stat", {"path", "dir_fd", "follow_symlinks"}, 1, 1};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int dir_fd;
  bool follow;
  if (!path_convert("stat", "path", a[0], kAllowFd, &p) || !dir_fd_arg(a[1], &dir_fd) || !bool_arg(a[2], true, &follow))
    return Value();
  return do_stat(p, dir_fd, follow);
}

Value posix_lstat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"lstat", {"path", "dir_fd"}, 1, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int dir_fd;
  if (!path_convert("lstat", "path", a[0], 0, &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  return do_stat(p, dir_fd, false);
}

Value posix_fstat(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"fstat", {"fd"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  if (!fd_arg(a[0], &p.fd)) return Value();
  struct stat st;
  int err;
  int fd = p.fd;
  if (blocking_call([&] { return ::fstat(fd, &st); }, &err) < 0) return os_error(err);
  return make_stat_result(st);
}

// =============================================================================================
// Files and directories

Value posix_access(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"access", {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, 2};
  Value a[5];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int mode, dir_fd;
  bool effective, follow;
  if (!path_convert("access", "path", a[0], 0, &p) || !int_arg(a[1], &mode) || !dir_fd_arg(a[2], &dir_fd) ||
      !bool_arg(a[3], false, &effective) || !bool_arg(a[4], true, &follow))
    return Value();
  int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  int rc;
  {
    ScopedGilRelease unlocked;
    rc = ::faccessat(dir_fd, p.c_str(), mode, flags);
  }
  return bool_value(rc == 0);
}

Value posix_chdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"chdir", {"path"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  if (!path_convert("chdir", "path", a[0], kAllowFd, &p)) return Value();
  int rc = p.by_fd ? ::fchdir(p.fd) : ::chdir(p.c_str());
  if (rc < 0) return os_error(errno, p.object);
  return none_value();
}

Value getcwd_impl(bool as_bytes) {
  std::string buf(256, '\0');
  while (!::getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) return raise_os_error(errno);
    buf.resize(buf.size() * 2);
  }
  return os_name(std::string_view(buf.c_str()), as_bytes);
}

Value posix_getcwd(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getcwd", kwnames) || !check_nargs("posix.getcwd", nargs, 0, 0)) return Value();
  return getcwd_impl(false);
}

Value posix_getcwdb(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getcwdb", kwnames) || !check_nargs("posix.getcwdb", nargs, 0, 0)) return Value();
  return getcwd_impl(true);
}

// Opens a directory named by a path or a descriptor (which is duplicated: closedir closes
// the descriptor it was given, and the caller's must stay open).
DIR* open_dir(const Path& p, int* err) {
  DIR* d;
  if (p.by_fd) {
    int fd = ::dup(p.fd);
    if (fd < 0) {
      *err = errno;
      return nullptr;
    }
    {
      ScopedGilRelease unlocked;
      d = ::fdopendir(fd);
      *err = errno;
    }
    if (!d) {
      ::close(fd);
      return nullptr;
    }
    ::rewinddir(d);
    return d;
  }
  ScopedGilRelease unlocked;
  d = ::opendir(p.c_str());
  *err = errno;
  return d;
}

bool is_dot_or_dotdot(const char* name) {
  return name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
}

Value posix_listdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"listdir", {"path"}, 1, 0};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  if (!path_convert("listdir", "path", a[0], kAllowFd | kAllowNone, &p)) return Value();
  int err;
  DIR* d = open_dir(p, &err);
  // CPython names the path in the error, but not a descriptor.
  if (!d) return raise_os_error(err, p.by_fd ? Value() : is_none(p.object) ? Value(str_new(".")) : p.object);
  List* names = list_new();
  for (;;) {
    errno = 0;
    dirent* e = ::readdir(d);
    if (!e) {
      err = errno;
      break;
    }
    if (is_dot_or_dotdot(e->d_name)) continue;
    Value name = os_name(e->d_name, p.is_bytes);
    if (!name) {
      ::closedir(d);
      return Value();
    }
    list_append(names, name);
  }
  ::closedir(d);
  if (err) return raise_os_error(err, p.by_fd ? Value() : p.object);
  return Value(names);
}

Value posix_mkdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"mkdir", {"path", "mode", "dir_fd"}, 2, 1};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int mode = 0777, dir_fd;
  if (!path_convert("mkdir", "path", a[0], 0, &p) || (a[1] && !int_arg(a[1], &mode)) || !dir_fd_arg(a[2], &dir_fd))
    return Value();
  int err;
  if (blocking_call([&] { return ::mkdirat(dir_fd, p.c_str(), static_cast<mode_t>(mode)); }, &err) < 0)
    return os_error(err, p.object);
  return none_value();
}

// rmdir, remove and unlink share one shape: f(path, *, dir_fd=None).
template <int kFlags>
Value unlink_like(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Signature sig{fname, {"path", "dir_fd"}, 1, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int dir_fd;
  if (!path_convert(fname, "path", a[0], 0, &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  int err;
  if (blocking_call([&] { return ::unlinkat(dir_fd, p.c_str(), kFlags); }, &err) < 0) return os_error(err, p.object);
  return none_value();
}

Value posix_rmdir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return unlink_like<AT_REMOVEDIR>("rmdir", args, nargs, kwnames);
}
Value posix_remove(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return unlink_like<0>("remove", args, nargs, kwnames);
}
Value posix_unlink(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return unlink_like<0>("unlink", args, nargs, kwnames);
}

Value rename_like(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Signature sig{fname, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 2};
  Value a[4];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path src, dst;
  int src_dir, dst_dir;
  if (!path_convert(fname, "src", a[0], 0, &src) || !path_convert(fname, "dst", a[1], 0, &dst) ||
      !dir_fd_arg(a[2], &src_dir) || !dir_fd_arg(a[3], &dst_dir))
    return Value();
  if (src.is_bytes != dst.is_bytes) {
    return raise(&exc_TypeError, std::string(fname) + ": src and dst must be the same type");
  }
  int err;
  if (blocking_call([&] { return ::renameat(src_dir, src.c_str(), dst_dir, dst.c_str()); }, &err) < 0)
    return os_error2(err, src.object, dst.object);
  return none_value();
}

Value posix_rename(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return rename_like("rename", args, nargs, kwnames);
}
Value posix_replace(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return rename_like("replace", args, nargs, kwnames);
}

Value posix_chmod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"chmod", {"path", "mode", "dir_fd", "follow_symlinks"}, 2, 2};
  Value a[4];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int mode, dir_fd;
  bool follow;
  if (!path_convert("chmod", "path", a[0], kAllowFd, &p) || !int_arg(a[1], &mode) || !dir_fd_arg(a[2], &dir_fd) ||
      !bool_arg(a[3], true, &follow))
    return Value();
  int err;
  int rc;
  if (p.by_fd) {
    rc = blocking_call([&] { return ::fchmod(p.fd, static_cast<mode_t>(mode)); }, &err);
  } else {
    int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
    rc = blocking_call([&] { return ::fchmodat(dir_fd, p.c_str(), static_cast<mode_t>(mode), flags); }, &err);
  }
  if (rc < 0) return os_error(err, p.object);
  return none_value();
}

Value posix_chown(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"chown", {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, 3};
  Value a[5];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  uid_t uid;
  gid_t gid;
  int dir_fd;
  bool follow;
  if (!path_convert("chown", "path", a[0], kAllowFd, &p) || !uid_convert(a[1], &uid) || !gid_convert(a[2], &gid) ||
      !dir_fd_arg(a[3], &dir_fd) || !bool_arg(a[4], true, &follow))
    return Value();
  int err;
  int rc;
  if (p.by_fd) {
    rc = blocking_call([&] { return ::fchown(p.fd, uid, gid); }, &err);
  } else {
    int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
    rc = blocking_call([&] { return ::fchownat(dir_fd, p.c_str(), uid, gid, flags); }, &err);
  }
  if (rc < 0) return os_error(err, p.object);
  return none_value();
}

Value posix_lchown(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"lchown", {"path", "uid", "gid"}, 3, 3};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  uid_t uid;
  gid_t gid;
  if (!path_convert("lchown", "path", a[0], 0, &p) || !uid_convert(a[1], &uid) || !gid_convert(a[2], &gid))
    return Value();
  int err;
  int rc = blocking_call([&] { return ::lchown(p.c_str(), uid, gid); }, &err);
  if (rc < 0) return os_error(err, p.object);
  return none_value();
}

Value posix_fchown(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"fchown", {"fd", "uid", "gid"}, 3, 3};
  Value a[3];
  int fd;
  uid_t uid;
  gid_t gid;
  if (!bind_args(sig, args, nargs, kwnames, a) || !fd_arg(a[0], &fd) || !uid_convert(a[1], &uid) ||
      !gid_convert(a[2], &gid))
    return Value();
  int err;
  int rc = blocking_call([&] { return ::fchown(fd, uid, gid); }, &err);
  if (rc < 0) return os_error(err);
  return none_value();
}

// A utime time value in seconds (int or float) as a timespec, rounded toward -inf as CPython.
bool seconds_to_timespec(Value v, timespec* out) {
  if (int_check(v)) {
    int64_t s;
    if (!int_to_i64(v, &s)) {
      raise(&exc_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = {static_cast<time_t>(s), 0};
    return true;
  }
  double d;
  if (!to_double(v, &d)) return false;
  if (std::isnan(d)) {
    raise(&exc_ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  double whole = std::floor(d);
  if (!(whole >= -9.2e18 && whole <= 9.2e18)) {
    raise(&exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  long ns = static_cast<long>(std::floor((d - whole) * 1e9));
  if (ns >= 1000000000) {
    ns -= 1000000000;
    whole += 1;
  }
  *out = {static_cast<time_t>(whole), ns};
  return true;
}

bool ns_to_timespec(Value v, timespec* out) {
  mpz_t z, q, r;
  if (!int_check(v)) {
    v = number_index(v);
    if (!v) return false;
  }
  mpz_inits(z, q, r, nullptr);
  int_to_mpz(v, z);
  mpz_fdiv_qr_ui(q, r, z, 1000000000u);
  if (!mpz_fits_slong_p(q)) {
    raise(&exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = {static_cast<time_t>(mpz_get_si(q)), static_cast<long>(mpz_get_ui(r))};
  return true;
}

bool pair_arg(Value v, Value* first, Value* second) {
  if (!tuple_check(v) || v.as<Tuple>()->size != 2) return false;
  *first = (*v.as<Tuple>())[0];
  *second = (*v.as<Tuple>())[1];
  return true;
}

Value posix_utime(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"utime", {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 2, 1};
  Value a[5];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int dir_fd;
  bool follow;
  if (!path_convert("utime", "path", a[0], kAllowFd, &p) || !dir_fd_arg(a[3], &dir_fd) ||
      !bool_arg(a[4], true, &follow))
    return Value();
  bool have_times = a[1] && !is_none(a[1]);
  if (have_times && a[2]) return raise(&exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  timespec ts[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
  Value x, y;
  if (have_times) {
    if (!pair_arg(a[1], &x, &y) || !(int_check(x) || float_check(x)) || !(int_check(y) || float_check(y))) {
      return raise(&exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
    }
    if (!seconds_to_timespec(x, &ts[0]) || !seconds_to_timespec(y, &ts[1])) return Value();
  } else if (a[2]) {
    if (!pair_arg(a[2], &x, &y)) return raise(&exc_TypeError, "utime: 'ns' must be a tuple of two ints");
    if (!ns_to_timespec(x, &ts[0]) || !ns_to_timespec(y, &ts[1])) return Value();
  }
  int err;
  int rc;
  if (p.by_fd) {
    rc = blocking_call([&] { return ::futimens(p.fd, ts); }, &err);
  } else {
    int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
    rc = blocking_call([&] { return ::utimensat(dir_fd, p.c_str(), ts, flags); }, &err);
  }
  // CPython 3.11 reports utime failures without the file name.
  if (rc < 0) return os_error(err);
  return none_value();
}

Value posix_symlink(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"symlink", {"src", "dst", "target_is_directory", "dir_fd"}, 3, 2};
  Value a[4];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path src, dst;
  int dir_fd;
  if (!path_convert("symlink", "src", a[0], 0, &src) || !path_convert("symlink", "dst", a[1], 0, &dst) ||
      !dir_fd_arg(a[3], &dir_fd))
    return Value();
  int err;
  if (blocking_call([&] { return ::symlinkat(src.c_str(), dir_fd, dst.c_str()); }, &err) < 0)
    return os_error2(err, src.object, dst.object);
  return none_value();
}

Value posix_link(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"link", {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 2, 2};
  Value a[5];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path src, dst;
  int src_dir, dst_dir;
  bool follow;
  if (!path_convert("link", "src", a[0], 0, &src) || !path_convert("link", "dst", a[1], 0, &dst) ||
      !dir_fd_arg(a[2], &src_dir) || !dir_fd_arg(a[3], &dst_dir) || !bool_arg(a[4], true, &follow))
    return Value();
  int flags = follow ? AT_SYMLINK_FOLLOW : 0;
  int err;
  if (blocking_call([&] { return ::linkat(src_dir, src.c_str(), dst_dir, dst.c_str(), flags); }, &err) < 0)
    return os_error2(err, src.object, dst.object);
  return none_value();
}

Value posix_readlink(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"readlink", {"path", "dir_fd"}, 1, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int dir_fd;
  if (!path_convert("readlink", "path", a[0], 0, &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  std::string buf(256, '\0');
  for (;;) {
    ssize_t n;
    int err;
    n = blocking_call([&] { return ::readlinkat(dir_fd, p.c_str(), buf.data(), buf.size()); }, &err);
    if (n < 0) return os_error(err, p.object);
    if (static_cast<size_t>(n) < buf.size()) return os_name(std::string_view(buf.data(), n), p.is_bytes);
    buf.resize(buf.size() * 2);
  }
}

Value posix_truncate(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"truncate", {"path", "length"}, 2, 2};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int64_t len;
  if (!path_convert("truncate", "path", a[0], kAllowFd, &p) || !index_to_i64(a[1], &len)) return Value();
  int err;
  int rc = p.by_fd ? blocking_call([&] { return ::ftruncate(p.fd, len); }, &err)
                     : blocking_call([&] { return ::truncate(p.c_str(), len); }, &err);
  if (rc < 0) return os_error(err, p.by_fd ? Value() : p.object);
  return none_value();
}

Value posix_ftruncate(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("ftruncate");
  if (!check_nargs("ftruncate", nargs, 2, 2)) return Value();
  int fd;
  int64_t len;
  if (!fd_arg(args[0], &fd) || !index_to_i64(args[1], &len)) return Value();
  int err;
  if (blocking_call([&] { return ::ftruncate(fd, len); }, &err) < 0) return os_error(err);
  return none_value();
}

Value posix_fspath(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"fspath", {"path"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Value r = fspath_or_null(a[0]);
  if (!r && !error_pending()) {
    return raise(&exc_TypeError, std::string("expected str, bytes or os.PathLike object, not ") + type_name(a[0]));
  }
  return r;
}

// =============================================================================================
// scandir and DirEntry

struct DirEntryObject : Object {
  Value name;   // str or bytes, as the scandir path
  Value path;   // the scandir path joined with name
  Value stat;   // cached results, null until asked
  Value lstat;
  uint64_t ino;
  unsigned char d_type;
  int dir_fd;   // scandir(fd): entries are relative to this descriptor; -1 otherwise
};

struct ScandirIteratorObject : Object {
  DIR* dir;     // null once exhausted or closed
  Value path;   // str/bytes prefix for entry paths (or the fd given, for messages)
  int fd;       // scandir(fd): the directory descriptor; -1 otherwise
  bool is_bytes;
};

DirEntryObject* as_entry(Value v) { return v.as<DirEntryObject>(); }

Value entry_fetch_stat(DirEntryObject* e, bool follow) {
  if (follow ? e->stat : e->lstat) return follow ? e->stat : e->lstat;
  Path p;
  p.object = e->path;
  // Entries of scandir(fd) have path == name, relative to the directory descriptor.
  if (bytes_check(e->path)) {
    p.bytes.assign(e->path.as<Bytes>()->view());
  } else if (!fs_encode(e->path.as<Str>(), &p.bytes)) {
    return Value();
  }
  Value r = do_stat(p, e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD, follow);
  if (!r) return Value();
  (follow ? e->stat : e->lstat) = r;
  return r;
}

bool entry_follow_arg(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, bool* follow) {
  Signature sig{fname, {"follow_symlinks"}, 0, 0};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return false;
  return bool_arg(a[0], true, follow);
}

// Is the entry of file type `kind` (S_IFDIR/S_IFREG)? d_type answers without a system call
// unless it is unknown or a symlink that must be followed. A missing file is simply "no".
Value entry_test_mode(DirEntryObject* e, bool follow, mode_t kind) {
  bool is_link = e->d_type == DT_LNK;
  if (e->d_type != DT_UNKNOWN && !(follow && is_link)) {
    unsigned char want = kind == S_IFDIR ? DT_DIR : DT_REG;
    return bool_value(e->d_type == want);
  }
  Value st = entry_fetch_stat(e, follow);
  if (!st) {
    if (error_matches(&exc_FileNotFoundError)) {
      error_clear();
      return false_value();
    }
    return Value();
  }
  int64_t mode = (*st.as<Tuple>())[0].as_small_int();
  return bool_value((mode & S_IFMT) == kind);
}

Value entry_is_dir(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool follow;
  if (!entry_follow_arg("is_dir", args, nargs, kwnames, &follow)) return Value();
  return entry_test_mode(as_entry(self), follow, S_IFDIR);
}

Value entry_is_file(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool follow;
  if (!entry_follow_arg("is_file", args, nargs, kwnames, &follow)) return Value();
  return entry_test_mode(as_entry(self), follow, S_IFREG);
}

Value entry_is_symlink(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("is_symlink", kwnames) || !check_nargs("is_symlink", nargs, 0, 0)) return Value();
  DirEntryObject* e = as_entry(self);
  if (e->d_type != DT_UNKNOWN) return bool_value(e->d_type == DT_LNK);
  Value st = entry_fetch_stat(e, false);
  if (!st) {
    if (error_matches(&exc_FileNotFoundError)) {
      error_clear();
      return false_value();
    }
    return Value();
  }
  return bool_value(((*st.as<Tuple>())[0].as_small_int() & S_IFMT) == S_IFLNK);
}

Value entry_stat(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool follow;
  if (!entry_follow_arg("stat", args, nargs, kwnames, &follow)) return Value();
  DirEntryObject* e = as_entry(self);
  // A non-link's stat is its lstat: one system call serves both.
  if (follow && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN) follow = false;
  return entry_fetch_stat(e, follow);
}

Value entry_inode(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("inode", kwnames) || !check_nargs("inode", nargs, 0, 0)) return Value();
  return int_from_u64(as_entry(self)->ino);
}

Value entry_fspath(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__fspath__", kwnames) || !check_nargs("__fspath__", nargs, 0, 0)) return Value();
  return as_entry(self)->path;
}

Value entry_repr(Value self) {
  Value r = repr(as_entry(self)->name);
  if (!r) return Value();
  return Value(str_new("<DirEntry " + std::string(r.as<Str>()->view()) + ">"));
}

Value entry_name(Value self) { return as_entry(self)->name; }
Value entry_path(Value self) { return as_entry(self)->path; }

const MethodDef kDirEntryMethods[] = {
    {"is_dir", entry_is_dir},
    {"is_file", entry_is_file},
    {"is_symlink", entry_is_symlink},
    {"stat", entry_stat},
    {"inode", entry_inode},
    {"__fspath__", entry_fspath},
    {nullptr, nullptr},
};

const GetSetDef kDirEntryGetSets[] = {
    {"name", entry_name, nullptr},
    {"path", entry_path, nullptr},
    {nullptr, nullptr, nullptr},
};

void scandir_close_dir(ScandirIteratorObject* it) {
  if (!it->dir) return;
  DIR* d = it->dir;
  it->dir = nullptr;
  ::closedir(d);
}

void scandir_finalize(Object* o) { scandir_close_dir(static_cast<ScandirIteratorObject*>(o)); }

Value scandir_iter(Value self) { return self; }

Value scandir_next(Value self) {
  auto* it = self.as<ScandirIteratorObject>();
  while (it->dir) {
    errno = 0;
    dirent* de = ::readdir(it->dir);
    if (!de) {
      int err = errno;
      scandir_close_dir(it);
      if (err) return raise_os_error(err, it->path);
      return Value();
    }
    if (is_dot_or_dotdot(de->d_name)) continue;
    auto* e = alloc<DirEntryObject>(&dir_entry_type);
    e->name = os_name(de->d_name, it->is_bytes);
    if (!e->name) return Value();
    e->ino = de->d_ino;
    e->d_type = de->d_type;
    e->dir_fd = it->fd;
    if (it->fd >= 0) {
      e->path = e->name;
    } else {
      // os.path.join(scandir_path, name)
      std::string_view base = it->is_bytes ? it->path.as<Bytes>()->view() : it->path.as<Str>()->view();
      std::string joined(base);
      if (!joined.empty() && joined.back() != '/') joined += '/';
      std::string_view name = it->is_bytes ? e->name.as<Bytes>()->view() : e->name.as<Str>()->view();
      joined += name;
      e->path = it->is_bytes ? Value(bytes_new(joined)) : Value(str_new(joined));
    }
    return Value(e);
  }
  return Value();
}

Value scandir_close(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return Value();
  scandir_close_dir(self.as<ScandirIteratorObject>());
  return none_value();
}

Value scandir_enter(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__enter__", kwnames) || !check_nargs("__enter__", nargs, 0, 0)) return Value();
  return self;
}

Value scandir_exit(Value self, const Value*, size_t, Tuple* kwnames) {
  if (!check_no_kwargs("__exit__", kwnames)) return Value();
  scandir_close_dir(self.as<ScandirIteratorObject>());
  return false_value();
}

const MethodDef kScandirMethods[] = {
    {"close", scandir_close},
    {"__enter__", scandir_enter},
    {"__exit__", scandir_exit},
    {nullptr, nullptr},
};

Value posix_scandir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"scandir", {"path"}, 1, 0};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  if (!path_convert("scandir", "path", a[0], kAllowFd | kAllowNone, &p)) return Value();
  int err;
  DIR* d = open_dir(p, &err);
  Value shown = is_none(p.object) ? Value(str_new(".")) : p.object;
  if (!d) return raise_os_error(err, p.by_fd ? Value() : shown);
  auto* it = alloc<ScandirIteratorObject>(&scandir_iterator_type);
  it->dir = d;
  it->path = shown;
  it->is_bytes = p.is_bytes;
  it->fd = p.by_fd ? p.fd : -1;
  register_finalizer(it, scandir_finalize);
  return Value(it);
}

// =============================================================================================
// Descriptors

Value posix_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"open", {"path", "flags", "mode", "dir_fd"}, 3, 2};
  Value a[4];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path p;
  int flags, mode = 0777, dir_fd;
  if (!path_convert("open", "path", a[0], 0, &p) || !int_arg(a[1], &flags) || (a[2] && !int_arg(a[2], &mode)) ||
      !dir_fd_arg(a[3], &dir_fd))
    return Value();
  // PEP 446: new descriptors are not inherited by child processes.
  flags |= O_CLOEXEC;
  int err;
  int fd = blocking_call([&] { return ::openat(dir_fd, p.c_str(), flags, mode); }, &err);
  if (fd < 0) return os_error(err, p.object);
  return Value::small_int(fd);
}

Value posix_close(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"close", {"fd"}, 1, 1};
  Value a[1];
  int fd;
  if (!bind_args(sig, args, nargs, kwnames, a) || !fd_arg(a[0], &fd)) return Value();
  // close() is not retried after EINTR: the descriptor is released either way on Linux.
  if (::close(fd) < 0 && errno != EINTR) return raise_os_error(errno);
  return none_value();
}

Value posix_closerange(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("closerange");
  int lo, hi;
  if (!check_nargs("closerange", nargs, 2, 2) || !fd_arg(args[0], &lo) || !fd_arg(args[1], &hi)) return Value();
  for (int fd = lo < 0 ? 0 : lo; fd < hi; ++fd) ::close(fd);
  return none_value();
}

Value posix_read(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("read");
  int fd;
  int64_t n;
  if (!check_nargs("read", nargs, 2, 2) || !fd_arg(args[0], &fd) || !index_to_i64(args[1], &n)) return Value();
  if (n < 0) return raise_os_error(EINVAL);
  // The buffer is a fresh bytes object no other thread can see yet, so filling it with the
  // GIL released is safe; a short read just shortens it.
  Bytes* b = bytes_new(std::string_view(nullptr, 0));
  if (n > 0) {
    b = static_cast<Bytes*>(alloc_object(&bytes_type, sizeof(Bytes) + n + 1));
    b->hash = -1;
  }
  char* buf = b->data();
  int err;
  ssize_t got = blocking_call([&] { return ::read(fd, buf, static_cast<size_t>(n)); }, &err);
  if (got < 0) return os_error(err);
  if (n == 0) return Value(b);
  if (got == 0) return Value(bytes_new(""));
  b->size = got;
  b->data()[got] = 0;
  return Value(b);
}

Value posix_write(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("write");
  int fd;
  if (!check_nargs("write", nargs, 2, 2) || !fd_arg(args[0], &fd)) return Value();
  std::string_view data;
  if (!bytes_like_view(args[1], &data)) {
    return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(args[1]) + "'");
  }
  int err;
  ssize_t n = blocking_call([&] { return ::write(fd, data.data(), data.size()); }, &err);
  if (n < 0) return os_error(err);
  return int_from_i64(n);
}

Value posix_lseek(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("lseek");
  int fd, how;
  int64_t pos;
  if (!check_nargs("lseek", nargs, 3, 3) || !fd_arg(args[0], &fd) || !index_to_i64(args[1], &pos) ||
      !int_arg(args[2], &how))
    return Value();
  off_t r = ::lseek(fd, pos, how);
  if (r < 0) return raise_os_error(errno);
  return int_from_i64(r);
}

Value posix_pipe(Value, const Value*, size_t nargs, Tuple* kwnames) {
  NOKW("pipe");
  if (!check_nargs("pipe", nargs, 0, 0)) return Value();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return raise_os_error(errno);
  return Value(tuple_of({Value::small_int(fds[0]), Value::small_int(fds[1])}));
}

Value posix_pipe2(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("pipe2");
  int flags;
  if (!check_nargs("pipe2", nargs, 1, 1) || !int_arg(args[0], &flags)) return Value();
  int fds[2];
  if (::pipe2(fds, flags) < 0) return raise_os_error(errno);
  return Value(tuple_of({Value::small_int(fds[0]), Value::small_int(fds[1])}));
}

Value posix_dup(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("dup");
  int fd;
  if (!check_nargs("dup", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_os_error(errno);
  return Value::small_int(r);
}

Value posix_dup2(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"dup2", {"fd", "fd2", "inheritable"}, 3, 2};
  Value a[3];
  int fd, fd2;
  bool inheritable;
  if (!bind_args(sig, args, nargs, kwnames, a) || !fd_arg(a[0], &fd) || !fd_arg(a[1], &fd2) ||
      !bool_arg(a[2], true, &inheritable))
    return Value();
  int r = fd == fd2 ? (::fcntl(fd, F_GETFD) < 0 ? -1 : fd) : ::dup3(fd, fd2, inheritable ? 0 : O_CLOEXEC);
  if (r < 0) return raise_os_error(errno);
  return Value::small_int(r);
}

Value posix_isatty(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("isatty");
  int fd;
  if (!check_nargs("isatty", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  return bool_value(::isatty(fd));
}

// fsync accepts a descriptor or any object with fileno().
bool fileno_arg(Value v, int* fd) {
  if (int_check(v)) return int_arg(v, fd);
  Value method = getattr_optional(v, intern("fileno"));
  if (!method) {
    if (!error_pending()) {
      raise(&exc_TypeError, std::string("argument must be an int, or have a fileno() method, not ") + type_name(v));
    }
    return false;
  }
  Value r = call(method, {});
  if (!r) return false;
  if (!int_check(r)) {
    raise(&exc_TypeError, "fileno() returned a non-integer");
    return false;
  }
  if (!int_arg(r, fd)) return false;
  if (*fd < 0) {
    raise(&exc_ValueError, "file descriptor cannot be a negative integer (" + std::to_string(*fd) + ")");
    return false;
  }
  return true;
}

Value posix_fsync(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"fsync", {"fd"}, 1, 1};
  Value a[1];
  int fd;
  if (!bind_args(sig, args, nargs, kwnames, a) || !fileno_arg(a[0], &fd)) return Value();
  int err;
  if (blocking_call([&] { return ::fsync(fd); }, &err) < 0) return os_error(err);
  return none_value();
}

Value posix_get_blocking(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("get_blocking");
  int fd;
  if (!check_nargs("get_blocking", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return raise_os_error(errno);
  return bool_value(!(flags & O_NONBLOCK));
}

Value posix_set_blocking(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("set_blocking");
  int fd;
  bool blocking;
  if (!check_nargs("set_blocking", nargs, 2, 2) || !fd_arg(args[0], &fd) || !bool_arg(args[1], true, &blocking))
    return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return raise_os_error(errno);
  int nflags = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (nflags != flags && ::fcntl(fd, F_SETFL, nflags) < 0) return raise_os_error(errno);
  return none_value();
}

Value posix_get_inheritable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("get_inheritable");
  int fd;
  if (!check_nargs("get_inheritable", nargs, 1, 1) || !fd_arg(args[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raise_os_error(errno);
  return bool_value(!(flags & FD_CLOEXEC));
}

Value posix_set_inheritable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("set_inheritable");
  int fd;
  bool inheritable;
  if (!check_nargs("set_inheritable", nargs, 2, 2) || !fd_arg(args[0], &fd) || !bool_arg(args[1], false, &inheritable))
    return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raise_os_error(errno);
  int nflags = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (nflags != flags && ::fcntl(fd, F_SETFD, nflags) < 0) return raise_os_error(errno);
  return none_value();
}

Value posix_get_terminal_size(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("get_terminal_size");
  int fd = STDOUT_FILENO;
  if (!check_nargs("get_terminal_size", nargs, 0, 1) || (nargs == 1 && !fd_arg(args[0], &fd))) return Value();
  winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return raise_os_error(errno);
  return struct_seq_new(g_terminal_size, {Value::small_int(w.ws_col), Value::small_int(w.ws_row)});
}

// =============================================================================================
// Processes

Value posix_getpid(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getpid", kwnames) || !check_nargs("posix.getpid", nargs, 0, 0)) return Value();
  return Value::small_int(::getpid());
}

// getppid, getuid, geteuid, getgid, getegid: argument-less ids.
template <auto Fn>
Value id_getter(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("id", kwnames) || !check_nargs("id", nargs, 0, 0)) return Value();
  return int_from_i64(static_cast<int64_t>(Fn()));
}

// setsid(): subprocess's start_new_session runs it in the child.
Value posix_setsid(Value, const Value*, size_t nargs, Tuple* kwnames) {
  NOKW("setsid");
  if (!check_nargs("setsid", nargs, 0, 0)) return Value();
  if (::setsid() < 0) return raise_os_error(errno);
  return none_value();
}

Value posix_umask(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("umask");
  int mask;
  if (!check_nargs("umask", nargs, 1, 1) || !int_arg(args[0], &mask)) return Value();
  return Value::small_int(::umask(static_cast<mode_t>(mask)));
}

Value posix_kill(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("kill");
  int pid, sig;
  if (!check_nargs("kill", nargs, 2, 2) || !int_arg(args[0], &pid) || !int_arg(args[1], &sig)) return Value();
  if (::kill(pid, sig) < 0) return raise_os_error(errno);
  // A signal sent to ourselves must have its handler run before kill() returns, as CPython's
  // eval loop would at the next instruction.
  if (run_pending_signal_handlers(current_thread()) < 0) return Value();
  return none_value();
}

Value posix_killpg(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("killpg");
  int pgid, sig;
  if (!check_nargs("killpg", nargs, 2, 2) || !int_arg(args[0], &pgid) || !int_arg(args[1], &sig)) return Value();
  if (::killpg(pgid, sig) < 0) return raise_os_error(errno);
  return none_value();
}

Value posix_exit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"_exit", {"status"}, 1, 1};
  Value a[1];
  int status;
  if (!bind_args(sig, args, nargs, kwnames, a) || !int_arg(a[0], &status)) return Value();
  ::_exit(status);
}

Value posix_abort(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("abort", kwnames) || !check_nargs("abort", nargs, 0, 0)) return Value();
  ::abort();
}

void run_fork_hooks(List* hooks, bool reverse) {
  if (!hooks) return;
  for (int64_t k = 0; k < hooks->size; ++k) {
    Value fn = hooks->items[reverse ? hooks->size - 1 - k : k];
    if (call(fn, {})) continue;
    // CPython reports a failing hook as unraisable and carries on with the others.
    Value r = repr(fn);
    std::string shown = r ? std::string(r.as<Str>()->view()) : "<hook>";
    if (!r) error_clear();
    write_to_stderr("Exception ignored in: " + shown + "\n");
    print_pending_exception();
  }
}


Value posix_register_at_fork(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"register_at_fork", {"before", "after_in_child", "after_in_parent"}, 0, 0};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (!a[0] && !a[1] && !a[2]) return raise(&exc_TypeError, "At least one argument is required.");
  static const char* names[] = {"before", "after_in_child", "after_in_parent"};
  for (int i = 0; i < 3; ++i) {
    if (a[i] && !is_callable(a[i])) {
      return raise(&exc_TypeError, std::string("'") + names[i] + "' must be callable, not " + type_name(a[i]));
    }
  }
  List** lists[] = {&g_before_fork, &g_after_fork_child, &g_after_fork_parent};
  for (int i = 0; i < 3; ++i) {
    if (!a[i]) continue;
    if (!*lists[i]) *lists[i] = list_new();
    list_append(*lists[i], a[i]);
  }
  return none_value();
}

// The child keeps only the forking thread: the other threads' states describe threads that
// do not exist there, the GIL is made anew (its mutex may have been held by one of them), and
// the forking thread becomes the main thread for signal handling.
void reinit_child_after_fork(ThreadState* self) {
  ThreadState* others[256];
  for (;;) {
    int n = 0;
    for (ThreadState* ts = thread_registry_head(); ts && n < 256; ts = ts->next) {
      if (ts != self) others[n++] = ts;
    }
    thread_registry_unlock();
    if (n == 0) break;
    for (int i = 0; i < n; ++i) thread_state_destroy(others[i]);
    thread_registry_lock();
  }
  gil_reinit_after_fork(self);
  if (!is_main_thread(self)) {
    Value sigint = signal_handler(SIGINT);
    signals_init(self);
    if (sigint) set_signal_handler(SIGINT, sigint);
  }
}

Value posix_fork(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("fork", kwnames) || !check_nargs("posix.fork", nargs, 0, 0)) return Value();
  run_fork_hooks(g_before_fork, true);
  ThreadState* self = current_thread();
  // Holding the registry lock across fork() means no thread is half-registered in the child.
  thread_registry_lock();
  GC_atfork_prepare();
  pid_t pid = ::fork();
  int err = errno;
  if (pid == 0) {
    GC_atfork_child();
    reinit_child_after_fork(self);
    run_fork_hooks(g_after_fork_child, false);
    return Value::small_int(0);
  }
  GC_atfork_parent();
  thread_registry_unlock();
  if (pid < 0) return raise_os_error(err);
  run_fork_hooks(g_after_fork_parent, false);
  return int_from_i64(pid);
}

Value posix_waitpid(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("waitpid");
  int pid, options;
  if (nargs != 2) {
    return raise(&exc_TypeError, "waitpid() takes exactly 2 arguments (" + std::to_string(nargs) + " given)");
  }
  if (!int_arg(args[0], &pid) || !int_arg(args[1], &options)) return Value();
  int status = 0, err;
  pid_t r = blocking_call([&] { return ::waitpid(pid, &status, options); }, &err);
  if (r < 0) return os_error(err);
  return Value(tuple_of({int_from_i64(r), Value::small_int(status)}));
}

Value posix_wait(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("wait", kwnames) || !check_nargs("posix.wait", nargs, 0, 0)) return Value();
  int status = 0, err;
  pid_t r = blocking_call([&] { return ::wait(&status); }, &err);
  if (r < 0) return os_error(err);
  return Value(tuple_of({int_from_i64(r), Value::small_int(status)}));
}

bool status_arg(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, int* status) {
  Signature sig{fname, {"status"}, 1, 1};
  Value a[1];
  return bind_args(sig, args, nargs, kwnames, a) && int_arg(a[0], status);
}

// WIFEXITED and friends: a predicate or field of a wait status.
#define WAIT_MACRO(NAME, EXPR)                                                         \
  Value posix_##NAME(Value, const Value* args, size_t nargs, Tuple* kwnames) {         \
    int status;                                                                        \
    if (!status_arg(#NAME, args, nargs, kwnames, &status)) return Value();             \
    return EXPR;                                                                       \
  }
WAIT_MACRO(WIFEXITED, bool_value(WIFEXITED(status)))
WAIT_MACRO(WEXITSTATUS, Value::small_int(WEXITSTATUS(status)))
WAIT_MACRO(WIFSIGNALED, bool_value(WIFSIGNALED(status)))
WAIT_MACRO(WTERMSIG, Value::small_int(WTERMSIG(status)))
WAIT_MACRO(WIFSTOPPED, bool_value(WIFSTOPPED(status)))
WAIT_MACRO(WSTOPSIG, Value::small_int(WSTOPSIG(status)))
WAIT_MACRO(WIFCONTINUED, bool_value(WIFCONTINUED(status)))
WAIT_MACRO(WCOREDUMP, bool_value(WCOREDUMP(status)))
#undef WAIT_MACRO

Value posix_waitstatus_to_exitcode(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  int status;
  if (!status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status)) return Value();
  if (WIFEXITED(status)) return Value::small_int(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return Value::small_int(-WTERMSIG(status));
  if (WIFSTOPPED(status)) {
    return raise(&exc_ValueError, "process stopped by delivery of signal " + std::to_string(WSTOPSIG(status)));
  }
  return raise(&exc_ValueError, "invalid wait status: " + std::to_string(status));
}

Value posix_system(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"system", {"command"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path cmd;
  if (!path_convert("system", "command", a[0], 0, &cmd)) return Value();
  int status;
  {
    ScopedGilRelease unlocked;
    status = ::system(cmd.c_str());
  }
  return Value::small_int(status);
}

// argv for execv/execve: a non-empty list or tuple of str/bytes, first item non-empty.
bool exec_argv(const char* fname, Value v, std::vector<std::string>* out) {
  if (!list_check(v) && !tuple_check(v)) {
    raise(&exc_TypeError, std::string(fname) + "() arg 2 must be a tuple or list");
    return false;
  }
  Value seq = list_check(v) ? Value(list_as_tuple(v.as<List>())) : v;
  Tuple* t = seq.as<Tuple>();
  if (t->size == 0) {
    raise(&exc_ValueError, std::string(fname) + "() arg 2 must not be empty");
    return false;
  }
  for (int64_t i = 0; i < t->size; ++i) {
    Path p;
    if (!path_convert(fname, "argv", (*t)[i], 0, &p)) return false;
    if (i == 0 && p.bytes.empty()) {
      raise(&exc_ValueError, std::string(fname) + "() arg 2 first element cannot be empty");
      return false;
    }
    out->push_back(std::move(p.bytes));
  }
  return true;
}

std::vector<char*> c_string_array(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

Value posix_execv(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("execv");
  if (!check_nargs("execv", nargs, 2, 2)) return Value();
  Path path;
  std::vector<std::string> argv;
  if (!path_convert("execv", "path", args[0], 0, &path) || !exec_argv("execv", args[1], &argv)) return Value();
  std::vector<char*> cargv = c_string_array(argv);
  ::execv(path.c_str(), cargv.data());
  return raise_os_error(errno);
}

Value posix_execve(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"execve", {"path", "argv", "env"}, 3, 3};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Path path;
  std::vector<std::string> argv, envp;
  if (!path_convert("execve", "path", a[0], 0, &path) || !exec_argv("execve", a[1], &argv)) return Value();
  Value keys = call_method_cstr(a[2], "keys", {});
  if (!keys) {
    if (error_matches(&exc_AttributeError)) {
      error_clear();
      return raise(&exc_TypeError, "env must be a mapping object");
    }
    return Value();
  }
  Value it = get_iter(keys);
  if (!it) return Value();
  while (Value k = iter_next(it)) {
    Value v = getitem(a[2], k);
    if (!v) return Value();
    Path kp, vp;
    if (!path_convert("execve", "env", k, 0, &kp) || !path_convert("execve", "env", v, 0, &vp)) return Value();
    if (kp.bytes.empty() || kp.bytes.find('=') != std::string::npos) {
      return raise(&exc_ValueError, "illegal environment variable name");
    }
    envp.push_back(kp.bytes + "=" + vp.bytes);
  }
  if (error_pending()) return Value();
  std::vector<char*> cargv = c_string_array(argv), cenvp = c_string_array(envp);
  ::execve(path.c_str(), cargv.data(), cenvp.data());
  return raise_os_error(errno);
}

// =============================================================================================
// System information

Value posix_times(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("times", kwnames) || !check_nargs("posix.times", nargs, 0, 0)) return Value();
  struct tms t;
  clock_t elapsed = ::times(&t);
  if (elapsed == static_cast<clock_t>(-1)) return raise_os_error(errno);
  double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  return struct_seq_new(g_times_result,
                        {float_new(t.tms_utime / tick), float_new(t.tms_stime / tick), float_new(t.tms_cutime / tick),
                         float_new(t.tms_cstime / tick), float_new(elapsed / tick)});
}

Value posix_uname(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("uname", kwnames) || !check_nargs("posix.uname", nargs, 0, 0)) return Value();
  struct utsname u;
  if (::uname(&u) < 0) return raise_os_error(errno);
  Value f[5];
  const char* src[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  for (int i = 0; i < 5; ++i) {
    f[i] = fs_decode(src[i]);
    if (!f[i]) return Value();
  }
  return struct_seq_new(g_uname_result, {f[0], f[1], f[2], f[3], f[4]});
}

Value posix_getloadavg(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getloadavg", kwnames) || !check_nargs("posix.getloadavg", nargs, 0, 0)) return Value();
  double load[3];
  if (::getloadavg(load, 3) != 3) return raise(&exc_OSError, "Load averages are unobtainable");
  return Value(tuple_of({float_new(load[0]), float_new(load[1]), float_new(load[2])}));
}

Value posix_cpu_count(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cpu_count", kwnames) || !check_nargs("posix.cpu_count", nargs, 0, 0)) return Value();
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return none_value();
  return Value::small_int(n);
}

// The names os.confstr knows, also published as os.confstr_names.
struct ConfstrName {
  const char* name;
  int value;
};
const ConfstrName kConfstrNames[] = {
    {"CS_PATH", _CS_PATH},
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
    {nullptr, 0},
};

Value posix_confstr(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("confstr");
  if (!check_nargs("confstr", nargs, 1, 1)) return Value();
  int64_t name = -1;
  if (str_check(args[0])) {
    std::string_view want = args[0].as<Str>()->view();
    const ConfstrName* c = kConfstrNames;
    while (c->name && want != c->name) ++c;
    if (!c->name) return raise(&exc_ValueError, "unrecognized configuration name");
    name = c->value;
  } else if (int_check(args[0])) {
    if (!index_to_i64(args[0], &name)) return Value();
  } else {
    return raise(&exc_TypeError, "configuration names must be strings or integers");
  }
  errno = 0;
  size_t len = ::confstr(static_cast<int>(name), nullptr, 0);
  if (len == 0) {
    if (errno) return raise_os_error(errno);
    return none_value();
  }
  std::string buf(len, '\0');
  ::confstr(static_cast<int>(name), buf.data(), len);
  buf.resize(len - 1);
  return Value(str_new(buf));
}

Value posix_urandom(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("urandom");
  int64_t n;
  if (!check_nargs("urandom", nargs, 1, 1) || !index_to_i64(args[0], &n)) return Value();
  if (n < 0) return raise(&exc_ValueError, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t done = 0;
  while (done < buf.size()) {
    int err;
    ssize_t r = blocking_call([&] { return ::getrandom(buf.data() + done, buf.size() - done, 0); }, &err);
    if (r < 0) return os_error(err);
    done += static_cast<size_t>(r);
  }
  return Value(bytes_new(buf));
}

Value posix_strerror(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("strerror");
  int code;
  if (!check_nargs("strerror", nargs, 1, 1) || !int_arg(args[0], &code)) return Value();
  return Value(str_new(std::strerror(code)));
}

// putenv/unsetenv take names and values like paths (str or bytes, no NUL).
bool env_arg(Value v, Path* out) {
  Value p = fspath_or_null(v);
  if (!p) {
    if (!error_pending()) {
      raise(&exc_TypeError, std::string("expected str, bytes or os.PathLike object, not ") + type_name(v));
    }
    return false;
  }
  return path_convert("putenv", "name", p, 0, out);
}

Value posix_putenv(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("putenv");
  Path name, value;
  if (!check_nargs("putenv", nargs, 2, 2) || !env_arg(args[0], &name) || !env_arg(args[1], &value)) return Value();
  if (name.bytes.find('=') != std::string::npos) return raise(&exc_ValueError, "illegal environment variable name");
  if (::setenv(name.c_str(), value.c_str(), 1) < 0) return raise_os_error(errno);
  return none_value();
}

Value posix_unsetenv(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  NOKW("unsetenv");
  Path name;
  if (!check_nargs("unsetenv", nargs, 1, 1) || !env_arg(args[0], &name)) return Value();
  if (::unsetenv(name.c_str()) < 0) return raise_os_error(errno);
  return none_value();
}

// os.environ's backing store: the environment at start-up as str -> str (the first of
// duplicate names wins, as CPython).
Value build_environ() {
  Dict* env = dict_new();
  for (char** e = ::environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Value k = fs_decode(std::string_view(*e, static_cast<size_t>(eq - *e)));
    if (!k) return Value();
    Value v = fs_decode(eq + 1);
    if (!v) return Value();
    Value had = dict_get(env, k);
    if (!had && dict_set(env, k, v) < 0) return Value();
  }
  return Value(env);
}

const GetSetDef kStatHiddenGetSets[] = {
    {"st_atime", stat_hidden<kAtimeF>, nullptr},
    {"st_mtime", stat_hidden<kMtimeF>, nullptr},
    {"st_ctime", stat_hidden<kCtimeF>, nullptr},
    {"st_atime_ns", stat_hidden<kAtimeNs>, nullptr},
    {"st_mtime_ns", stat_hidden<kMtimeNs>, nullptr},
    {"st_ctime_ns", stat_hidden<kCtimeNs>, nullptr},
    {"st_blksize", stat_hidden<kBlksize>, nullptr},
    {"st_blocks", stat_hidden<kBlocks>, nullptr},
    {"st_rdev", stat_hidden<kRdev>, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kPosixFunctions[] = {
    {"stat", posix_stat},
    {"lstat", posix_lstat},
    {"fstat", posix_fstat},
    {"access", posix_access},
    {"chdir", posix_chdir},
    {"getcwd", posix_getcwd},
    {"getcwdb", posix_getcwdb},
    {"listdir", posix_listdir},
    {"scandir", posix_scandir},
    {"mkdir", posix_mkdir},
    {"rmdir", posix_rmdir},
    {"remove", posix_remove},
    {"unlink", posix_unlink},
    {"rename", posix_rename},
    {"replace", posix_replace},
    {"chmod", posix_chmod},
    {"chown", posix_chown},
    {"lchown", posix_lchown},
    {"fchown", posix_fchown},
    {"utime", posix_utime},
    {"symlink", posix_symlink},
    {"link", posix_link},
    {"readlink", posix_readlink},
    {"truncate", posix_truncate},
    {"ftruncate", posix_ftruncate},
    {"fspath", posix_fspath},
    {"open", posix_open},
    {"close", posix_close},
    {"closerange", posix_closerange},
    {"read", posix_read},
    {"write", posix_write},
    {"lseek", posix_lseek},
    {"pipe", posix_pipe},
    {"pipe2", posix_pipe2},
    {"dup", posix_dup},
    {"dup2", posix_dup2},
    {"isatty", posix_isatty},
    {"fsync", posix_fsync},
    {"get_blocking", posix_get_blocking},
    {"set_blocking", posix_set_blocking},
    {"get_inheritable", posix_get_inheritable},
    {"set_inheritable", posix_set_inheritable},
    {"get_terminal_size", posix_get_terminal_size},
    {"getpid", posix_getpid},
    {"setsid", posix_setsid},
    {"getppid", id_getter<::getppid>},
    {"getuid", id_getter<::getuid>},
    {"geteuid", id_getter<::geteuid>},
    {"getgid", id_getter<::getgid>},
    {"getegid", id_getter<::getegid>},
    {"getpgrp", id_getter<::getpgrp>},
    {"umask", posix_umask},
    {"kill", posix_kill},
    {"killpg", posix_killpg},
    {"_exit", posix_exit},
    {"abort", posix_abort},
    {"fork", posix_fork},
    {"register_at_fork", posix_register_at_fork},
    {"waitpid", posix_waitpid},
    {"wait", posix_wait},
    {"WIFEXITED", posix_WIFEXITED},
    {"WEXITSTATUS", posix_WEXITSTATUS},
    {"WIFSIGNALED", posix_WIFSIGNALED},
    {"WTERMSIG", posix_WTERMSIG},
    {"WIFSTOPPED", posix_WIFSTOPPED},
    {"WSTOPSIG", posix_WSTOPSIG},
    {"WIFCONTINUED", posix_WIFCONTINUED},
    {"WCOREDUMP", posix_WCOREDUMP},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode},
    {"system", posix_system},
    {"execv", posix_execv},
    {"execve", posix_execve},
    {"times", posix_times},
    {"uname", posix_uname},
    {"getloadavg", posix_getloadavg},
    {"cpu_count", posix_cpu_count},
    {"confstr", posix_confstr},
    {"urandom", posix_urandom},
    {"strerror", posix_strerror},
    {"putenv", posix_putenv},
    {"unsetenv", posix_unsetenv},
    {nullptr, nullptr},
};

struct IntConstant {
  const char* name;
  int64_t value;
};

const IntConstant kPosixConstants[] = {
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_CLOEXEC", O_CLOEXEC},
    {"O_NONBLOCK", O_NONBLOCK}, {"O_NDELAY", O_NDELAY}, {"O_NOCTTY", O_NOCTTY}, {"O_SYNC", O_SYNC},
    {"O_DSYNC", O_DSYNC}, {"O_RSYNC", O_RSYNC}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_ACCMODE", O_ACCMODE}, {"O_NOATIME", O_NOATIME}, {"O_PATH", O_PATH}, {"O_TMPFILE", O_TMPFILE},
    {"O_ASYNC", O_ASYNC}, {"O_DIRECT", O_DIRECT}, {"O_LARGEFILE", O_LARGEFILE},
    {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
    {"EX_OK", 0}, {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
    {"AT_FDCWD", AT_FDCWD}, {"TMP_MAX", TMP_MAX},
    {nullptr, 0},
};

NewFn g_struct_seq_new = nullptr;

// os.stat_result(sequence[, dict]): float times missing from both default to the integer ones,
// as CPython's do.
Value stat_result_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value r = g_struct_seq_new(type, args, nargs, kwnames);
  if (!r) return Value();
  Value* it = r.as<Tuple>()->items();
  for (int i = 0; i < 3; ++i) {
    if (is_none(it[kAtimeF + i])) it[kAtimeF + i] = it[7 + i];
  }
  return r;
}

void posix_types_init() {
  if (g_stat_result) return;
  g_stat_result = struct_seq_type_new("os.stat_result", {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                                                         "st_size", "st_atime", "st_mtime", "st_ctime"});
  // The tuple's items 7-9 are the integer times; the attributes of those names give floats.
  type_add_getsets(g_stat_result, kStatHiddenGetSets);
  dict_set_cstr(g_stat_result->dict, "n_fields", Value::small_int(kStatSlots));
  // CPython leaves those integer times unnamed.
  dict_set_cstr(g_stat_result->dict, "n_unnamed_fields", Value::small_int(3));
  g_struct_seq_new = g_stat_result->tp_new;
  g_stat_result->tp_new = stat_result_new;
  type_modified(g_stat_result);
  g_terminal_size = struct_seq_type_new("os.terminal_size", {"columns", "lines"});
  g_times_result = struct_seq_type_new("posix.times_result",
                                       {"user", "system", "children_user", "children_system", "elapsed"});
  g_uname_result = struct_seq_type_new("posix.uname_result", {"sysname", "nodename", "release", "version", "machine"});

  dir_entry_type.basicsize = sizeof(DirEntryObject);
  dir_entry_type.tp_repr = entry_repr;
  type_ready(&dir_entry_type, "posix.DirEntry", nullptr, kDirEntryMethods, kDirEntryGetSets);
  scandir_iterator_type.basicsize = sizeof(ScandirIteratorObject);
  scandir_iterator_type.tp_iter = scandir_iter;
  scandir_iterator_type.tp_iternext = scandir_next;
  type_ready(&scandir_iterator_type, "posix.ScandirIterator", nullptr, kScandirMethods);
}

}  // namespace

Value posix_module_create() {
  posix_types_init();
  Module* m = module_new(intern("posix"));
  module_add_functions(m, kPosixFunctions);
  for (const IntConstant* c = kPosixConstants; c->name; ++c) module_add(m, c->name, int_from_i64(c->value));
  Value env = build_environ();
  if (!env) return Value();
  module_add(m, "environ", env);
  Dict* confstr_names = dict_new();
  for (const ConfstrName* c = kConfstrNames; c->name; ++c) {
    dict_set_str(confstr_names, intern(c->name), int_from_i64(c->value));
  }
  module_add(m, "confstr_names", Value(confstr_names));
  module_add(m, "error", Value(&exc_OSError));
  module_add(m, "stat_result", Value(g_stat_result));
  module_add(m, "terminal_size", Value(g_terminal_size));
  module_add(m, "times_result", Value(g_times_result));
  module_add(m, "uname_result", Value(g_uname_result));
  module_add(m, "DirEntry", Value(&dir_entry_type));
  return Value(m);
}

}  // namespace minipy
