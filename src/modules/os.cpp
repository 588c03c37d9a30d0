// The os module (an everyday subset): the working directory, directory
// listing and creation, removal and renaming, stat, the environment, process
// id, random bytes, and the path constants. os.path is posixpath.cpp.
//
// os.environ is a dict snapshot of the process environment taken when the
// module is created; os.getenv reads that dict.
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "modules/import.h"
#include "modules/oserror.h"
#include "modules/registry.h"
#include "modules/structseq.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

extern char** environ;

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type stat_result_type, environ_type;

// --- shared helpers -------------------------------------------------------------------

std::nullptr_t raise_os_error(ThreadState* ts, int err, Object* filename, Object* filename2) {
  Type* t = &exc::OSError;
  switch (err) {
    case ENOENT: t = &exc::FileNotFoundError; break;
    case EEXIST: t = &exc::FileExistsError; break;
    case EISDIR: t = &exc::IsADirectoryError; break;
    case ENOTDIR: t = &exc::NotADirectoryError; break;
    case EACCES: case EPERM: t = &exc::PermissionError; break;
    case EINTR: t = &exc::InterruptedError; break;
    case EAGAIN: case EALREADY: case EINPROGRESS: t = &exc::BlockingIOError; break;
    case ECHILD: t = &exc::ChildProcessError; break;
    case EPIPE: case ESHUTDOWN: t = &exc::BrokenPipeError; break;
    case ECONNABORTED: t = &exc::ConnectionAbortedError; break;
    case ECONNREFUSED: t = &exc::ConnectionRefusedError; break;
    case ECONNRESET: t = &exc::ConnectionResetError; break;
    case ESRCH: t = &exc::ProcessLookupError; break;
    case ETIMEDOUT: t = &exc::TimeoutError; break;
    default: break;
  }
  Ref code = Ref::steal(int_from_i64(ts, err));
  Ref msg = Ref::steal(str_from_cstr(ts, std::strerror(err)));
  if (!code || !msg) return nullptr;
  Ref zero = Ref::steal(int_from_i64(ts, 0));
  Object* args[5] = {code.get(), msg.get(), filename, zero.get(), filename2};
  size_t n = filename2 ? 5 : filename ? 3 : 2;
  Ref e = Ref::steal(call(ts, t, args, n));
  if (!e) return nullptr;
  return runtime::raise_object(ts, e.get());
}

Object* fspath(ThreadState* ts, Object* o) {
  if (is_str(o) || is_bytes(o)) return new_ref(o);
  Ref name = Ref::steal(str_from_cstr(ts, "__fspath__"));
  Ref m = Ref::steal(lookup_special(ts, o, name.get()));
  if (!m) {
    if (runtime::has_exception(ts)) return nullptr;
    return raise_format(ts, &exc::TypeError, "expected str, bytes or os.PathLike object, not %s", tp_name(o));
  }
  Ref r = Ref::steal(call(ts, m.get(), nullptr, 0));
  if (!r) return nullptr;
  if (!is_str(r.get()) && !is_bytes(r.get())) {
    return raise_format(ts, &exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s", tp_name(o),
                        tp_name(r.get()));
  }
  return r.release();
}

int convert_path(ThreadState* ts, Object* o, const char* func, const char* allowed, PathArg* out) {
  Ref p;
  if (is_str(o) || is_bytes(o)) {
    p = Ref::steal(new_ref(o));
  } else {
    Ref name = Ref::steal(str_from_cstr(ts, "__fspath__"));
    if (!name) return -1;
    if (!type_lookup_borrowed(o->ob_type, name.get())) {
      raise_format(ts, &exc::TypeError, "%s: path should be %s, not %s", func, allowed, tp_name(o));
      return -1;
    }
    p = Ref::steal(fspath(ts, o));
    if (!p) return -1;
  }
  if (is_str(p.get())) {
    size_t n;
    const char* s = str_utf8(ts, p.get(), &n);
    if (!s) return -1;
    out->path.assign(s, n);
    out->is_bytes = false;
  } else {
    out->path = std::string(byteslike_view(p.get()));
    out->is_bytes = true;
  }
  if (out->path.find('\0') != std::string::npos) {
    raise_format(ts, &exc::ValueError, "%s: embedded null character in path", func);
    return -1;
  }
  return 0;
}

namespace {

constexpr const char* kPathOnly = "string, bytes or os.PathLike";

Object* path_result(ThreadState* ts, const std::string& s, bool as_bytes) {
  return as_bytes ? bytes_from(ts, s.data(), s.size()) : str_from(ts, s);
}

// --- functions ----------------------------------------------------------------------------

Object* os_getcwd(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  char buf[4096];
  if (!::getcwd(buf, sizeof buf)) return raise_os_error(ts, errno);
  return str_from_cstr(ts, buf);
}

Object* os_getcwdb(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  char buf[4096];
  if (!::getcwd(buf, sizeof buf)) return raise_os_error(ts, errno);
  return bytes_from(ts, buf, std::strlen(buf));
}

Object* os_listdir(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"path", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("listdir", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  PathArg p{".", false};
  if (av.has(0) && !is_none(av[0]) &&
      convert_path(ts, av[0], "listdir", "string, bytes, os.PathLike, integer or None", &p) < 0)
    return nullptr;
  DIR* d = ::opendir(p.path.c_str());
  if (!d) return raise_os_error(ts, errno, av.has(0) && !is_none(av[0]) ? av[0] : Ref::steal(str_from_cstr(ts, ".")).get());
  Ref out = Ref::steal(list_new(ts, 0));
  while (out) {
    errno = 0;
    dirent* e = ::readdir(d);
    if (!e) break;
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    Ref name = Ref::steal(path_result(ts, e->d_name, p.is_bytes));
    if (!name || list_append(ts, out.get(), name.get()) < 0) out = Ref();
  }
  ::closedir(d);
  return out.release();
}

// A one-path system call: f(path) == 0 or errno.
template <typename F>
Object* path_call(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, const char* name, F f) {
  static constexpr Param kParams[] = {{"path", ParamKind::PositionalOrKeyword, kRequired},
                                      {"dir_fd", ParamKind::KeywordOnly, kOptional}};
  Signature sig(name, kParams);
  ArgValues av;
  if (parse_args(ts, sig, args, nargs, kwnames, av) < 0) return nullptr;
  PathArg p;
  if (convert_path(ts, av[0], name, kPathOnly, &p) < 0) return nullptr;
  if (f(p.path.c_str()) != 0) return raise_os_error(ts, errno, av[0]);
  return py_none();
}

Object* os_remove(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return path_call(ts, args, nargs, kwnames, "remove", [](const char* p) { return ::unlink(p); });
}
Object* os_unlink(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return path_call(ts, args, nargs, kwnames, "unlink", [](const char* p) { return ::unlink(p); });
}
Object* os_rmdir(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return path_call(ts, args, nargs, kwnames, "rmdir", [](const char* p) { return ::rmdir(p); });
}
Object* os_chdir(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"path", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("chdir", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  PathArg p;
  if (convert_path(ts, av[0], "chdir", "string, bytes, os.PathLike or integer", &p) < 0) return nullptr;
  if (::chdir(p.path.c_str()) != 0) return raise_os_error(ts, errno, av[0]);
  return py_none();
}

int64_t mode_arg(ThreadState* ts, Object* o) {
  if (!o) return 0777;
  return as_ssize(ts, o, &exc::OverflowError);
}

Object* os_mkdir(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"path", ParamKind::PositionalOrKeyword, kRequired},
                                      {"mode", ParamKind::PositionalOrKeyword, kOptional},
                                      {"dir_fd", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("mkdir", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  PathArg p;
  if (convert_path(ts, av[0], "mkdir", kPathOnly, &p) < 0) return nullptr;
  int64_t mode = mode_arg(ts, av[1]);
  if (mode == -1 && runtime::has_exception(ts)) return nullptr;
  if (::mkdir(p.path.c_str(), static_cast<mode_t>(mode)) != 0) return raise_os_error(ts, errno, av[0]);
  return py_none();
}

bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// makedirs(name, mode=0o777, exist_ok=False): creates the missing parents.
Object* os_makedirs(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"name", ParamKind::PositionalOrKeyword, kRequired},
                                      {"mode", ParamKind::PositionalOrKeyword, kOptional},
                                      {"exist_ok", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("makedirs", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  PathArg p;
  if (convert_path(ts, av[0], "mkdir", kPathOnly, &p) < 0) return nullptr;
  int64_t mode = mode_arg(ts, av[1]);
  if (mode == -1 && runtime::has_exception(ts)) return nullptr;
  int exist_ok = av.has(2) ? is_true(ts, av[2]) : 0;
  if (exist_ok < 0) return nullptr;
  const std::string& full = p.path;
  // Parents first (each may already exist).
  for (size_t i = 1; i < full.size(); ++i) {
    if (full[i] != '/' || full[i - 1] == '/') continue;
    std::string part = full.substr(0, i);
    if (::mkdir(part.c_str(), static_cast<mode_t>(mode)) != 0 && errno != EEXIST) {
      Ref name = Ref::steal(path_result(ts, part, p.is_bytes));
      return raise_os_error(ts, errno, name.get());
    }
  }
  if (::mkdir(full.c_str(), static_cast<mode_t>(mode)) != 0) {
    int err = errno;
    if (err == EEXIST && exist_ok && is_dir(full)) return py_none();
    return raise_os_error(ts, err, av[0]);
  }
  return py_none();
}

Object* os_rename(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"src", ParamKind::PositionalOrKeyword, kRequired},
                                      {"dst", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("rename", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  PathArg a, b;
  if (convert_path(ts, av[0], "rename", kPathOnly, &a) < 0 || convert_path(ts, av[1], "rename", kPathOnly, &b) < 0)
    return nullptr;
  if (::rename(a.path.c_str(), b.path.c_str()) != 0) return raise_os_error(ts, errno, av[0], av[1]);
  return py_none();
}

Object* make_stat_result(ThreadState* ts, const struct stat& st) {
  auto I = [&](int64_t v) { return int_from_i64(ts, v); };
  auto secs = [&](const timespec& t) { return float_from_double(ts, static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9); };
  auto ns = [&](const timespec& t) {
    Ref s = Ref::steal(int_from_i64(ts, t.tv_sec));
    Ref billion = Ref::steal(int_from_i64(ts, 1'000'000'000));
    Ref prod = Ref::steal(s && billion ? number_multiply(ts, s.get(), billion.get()) : nullptr);
    Ref n = Ref::steal(int_from_i64(ts, t.tv_nsec));
    return prod && n ? number_add(ts, prod.get(), n.get()) : nullptr;
  };
  Object* items[] = {I(st.st_mode), I(static_cast<int64_t>(st.st_ino)), I(static_cast<int64_t>(st.st_dev)),
                     I(static_cast<int64_t>(st.st_nlink)), I(st.st_uid), I(st.st_gid), I(st.st_size),
                     I(st.st_atim.tv_sec), I(st.st_mtim.tv_sec), I(st.st_ctim.tv_sec),
                     secs(st.st_atim), secs(st.st_mtim), secs(st.st_ctim),
                     ns(st.st_atim), ns(st.st_mtim), ns(st.st_ctim),
                     I(st.st_blksize), I(st.st_blocks), I(static_cast<int64_t>(st.st_rdev))};
  return structseq_new(ts, &stat_result_type, items);
}

Object* do_stat(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, const char* name, bool follow) {
  static constexpr Param kParams[] = {{"path", ParamKind::PositionalOrKeyword, kRequired},
                                      {"dir_fd", ParamKind::KeywordOnly, kOptional},
                                      {"follow_symlinks", ParamKind::KeywordOnly, kOptional}};
  Signature sig(name, kParams);
  ArgValues av;
  if (parse_args(ts, sig, args, nargs, kwnames, av) < 0) return nullptr;
  if (av.has(2)) {
    int f = is_true(ts, av[2]);
    if (f < 0) return nullptr;
    follow = follow && f;
  }
  struct stat st;
  int r;
  if (is_int(av[0])) {
    int64_t fd = as_ssize(ts, av[0], &exc::OverflowError);
    if (fd == -1 && runtime::has_exception(ts)) return nullptr;
    r = ::fstat(static_cast<int>(fd), &st);
    if (r != 0) return raise_os_error(ts, errno);
    return make_stat_result(ts, st);
  }
  PathArg p;
  if (convert_path(ts, av[0], name, "string, bytes, os.PathLike or integer", &p) < 0) return nullptr;
  r = follow ? ::stat(p.path.c_str(), &st) : ::lstat(p.path.c_str(), &st);
  if (r != 0) return raise_os_error(ts, errno, av[0]);
  return make_stat_result(ts, st);
}

Object* os_stat(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return do_stat(ts, args, nargs, kwnames, "stat", true);
}
Object* os_lstat(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return do_stat(ts, args, nargs, kwnames, "lstat", false);
}

Object* os_getpid(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return int_from_i64(ts, ::getpid()); }
Object* os_getppid(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return int_from_i64(ts, ::getppid()); }

Object* os_cpu_count(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return py_none();
  return int_from_i64(ts, n);
}

Object* os_urandom(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"size", ParamKind::PositionalOnly, kRequired}};
  static constexpr Signature kSig("urandom", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t n = as_ssize(ts, av[0], &exc::OverflowError);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  if (n < 0) return raise(ts, &exc::ValueError, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t got = ::getrandom(buf.data() + done, buf.size() - done, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return raise_os_error(ts, errno);
    }
    done += static_cast<size_t>(got);
  }
  return bytes_from(ts, buf.data(), buf.size());
}

Object* os_fspath(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"path", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("fspath", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return fspath(ts, av[0]);
}

// getenv(key, default=None): looks the module's environ dict up.
Object* os_getenv(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"key", ParamKind::PositionalOrKeyword, kRequired},
                                      {"default", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("getenv", kParams);
  if (nargs == 0 && kwnames_count(kwnames) == 0) {
    return raise(ts, &exc::TypeError, "getenv() missing 1 required positional argument: 'key'");
  }
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  if (!is_str(av[0])) return raise_format(ts, &exc::TypeError, "str expected, not %s", tp_name(av[0]));
  Object* env = dict_get_item_str_borrowed(ts, module_dict_borrowed(module), "environ");
  if (env) {
    Ref v = Ref::steal(get_item(ts, env, av[0]));
    if (v) return v.release();
    if (!runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
    runtime::clear_exception(ts);
  }
  return new_ref(av.has(1) ? av[1] : py_none());
}

Object* os_putenv(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "putenv", nargs, kwnames, 2, 2) < 0) return nullptr;
  if (!is_str(args[0]) || !is_str(args[1])) return raise(ts, &exc::TypeError, "str expected");
  std::string k(str_view(ts, args[0])), v(str_view(ts, args[1]));
  if (k.empty() || k.find('=') != std::string::npos) return raise(ts, &exc::ValueError, "illegal environment variable name");
  ::setenv(k.c_str(), v.c_str(), 1);
  return py_none();
}

Object* os_unsetenv(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) return raise(ts, &exc::TypeError, "str expected");
  ::unsetenv(std::string(str_view(ts, args[0])).c_str());
  return py_none();
}

Object* os_strerror(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  int64_t n = as_ssize(ts, args[0], &exc::OverflowError);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  return str_from_cstr(ts, std::strerror(static_cast<int>(n)));
}

const MethodDef os_functions[] = {
    {"getcwd", os_getcwd, kMethNoArgs},
    {"getcwdb", os_getcwdb, kMethNoArgs},
    {"chdir", os_chdir, kMethKeywords},
    {"listdir", os_listdir, kMethKeywords},
    {"remove", os_remove, kMethKeywords},
    {"unlink", os_unlink, kMethKeywords},
    {"rmdir", os_rmdir, kMethKeywords},
    {"mkdir", os_mkdir, kMethKeywords},
    {"makedirs", os_makedirs, kMethKeywords},
    {"rename", os_rename, kMethKeywords},
    {"replace", os_rename, kMethKeywords},
    {"stat", os_stat, kMethKeywords},
    {"lstat", os_lstat, kMethKeywords},
    {"getpid", os_getpid, kMethNoArgs},
    {"getppid", os_getppid, kMethNoArgs},
    {"cpu_count", os_cpu_count, kMethNoArgs},
    {"urandom", os_urandom, kMethKeywords},
    {"fspath", os_fspath, kMethKeywords},
    {"getenv", os_getenv, kMethKeywords},
    {"putenv", os_putenv, kMethFast},
    {"unsetenv", os_unsetenv, kMethO},
    {"strerror", os_strerror, kMethO},
    {},
};

// --- os.environ --------------------------------------------------------------------------
// A mapping over a dict of the environment; assignments and deletions also
// change the process environment (setenv / unsetenv).
struct Environ : Object {
  Object* data = nullptr;  // dict str -> str
};

Object* env_data(Object* self) { return static_cast<Environ*>(self)->data; }

bool env_str(ThreadState* ts, Object* o) {
  if (is_str(o)) return true;
  raise_format(ts, &exc::TypeError, "str expected, not %s", tp_name(o));
  return false;
}

Object* env_getitem(ThreadState* ts, Object* self, Object* key) {
  if (!env_str(ts, key)) return nullptr;
  Object* v = dict_get_item_borrowed(ts, env_data(self), key);
  if (v) return new_ref(v);
  if (runtime::has_exception(ts)) return nullptr;
  runtime::raise_object(ts, Ref::steal(call(ts, &exc::KeyError, &key, 1)).get());
  return nullptr;
}

int env_setitem(ThreadState* ts, Object* self, Object* key, Object* value) {
  if (!env_str(ts, key)) return -1;
  std::string k(str_view(ts, key));
  if (!value) {
    if (dict_del_item(ts, env_data(self), key) < 0) return -1;
    ::unsetenv(k.c_str());
    return 0;
  }
  if (!env_str(ts, value)) return -1;
  std::string v(str_view(ts, value));
  if (k.find('=') != std::string::npos) {
    raise_format(ts, &exc::ValueError, "illegal environment variable name");
    return -1;
  }
  if (k.empty()) {
    raise_os_error(ts, EINVAL);
    return -1;
  }
  if (k.find('\0') != std::string::npos || v.find('\0') != std::string::npos) {
    raise_format(ts, &exc::ValueError, "embedded null byte");
    return -1;
  }
  ::setenv(k.c_str(), v.c_str(), 1);
  return dict_set_item(ts, env_data(self), key, value);
}

int64_t env_len(ThreadState*, Object* self) { return dict_size(env_data(self)); }
int env_contains(ThreadState* ts, Object* self, Object* key) {
  if (!env_str(ts, key)) return -1;
  return dict_contains(ts, env_data(self), key);
}
Object* env_iter(ThreadState* ts, Object* self) { return get_iter(ts, env_data(self)); }

Object* env_repr(ThreadState* ts, Object* self) {
  Ref r = Ref::steal(repr(ts, env_data(self)));
  if (!r) return nullptr;
  return str_from(ts, "environ(" + std::string(str_view(ts, r.get())) + ")");
}

Object* env_forward(ThreadState* ts, Object* self, const char* name, Object* const* args, size_t nargs) {
  Ref n = Ref::steal(str_from_cstr(ts, name));
  if (!n) return nullptr;
  return call_method(ts, env_data(self), n.get(), args, nargs);
}

Object* env_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "get", nargs, kwnames, 1, 2) < 0) return nullptr;
  return env_forward(ts, self, "get", args, nargs);
}
Object* env_keys(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return env_forward(ts, self, "keys", nullptr, 0); }
Object* env_items(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return env_forward(ts, self, "items", nullptr, 0); }
Object* env_values(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return env_forward(ts, self, "values", nullptr, 0); }
Object* env_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return dict_copy(ts, env_data(self)); }

Object* env_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "pop", nargs, kwnames, 1, 2) < 0) return nullptr;
  Ref v = Ref::steal(env_getitem(ts, self, args[0]));
  if (!v) {
    if (nargs == 2 && runtime::exception_matches(ts, &exc::KeyError)) {
      runtime::clear_exception(ts);
      return new_ref(args[1]);
    }
    return nullptr;
  }
  if (env_setitem(ts, self, args[0], nullptr) < 0) return nullptr;
  return v.release();
}

Object* env_setdefault(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "setdefault", nargs, kwnames, 1, 2) < 0) return nullptr;
  int has = env_contains(ts, self, args[0]);
  if (has < 0) return nullptr;
  if (!has) {
    if (env_setitem(ts, self, args[0], nargs == 2 ? args[1] : py_none()) < 0) return nullptr;
  }
  return env_getitem(ts, self, args[0]);
}

// update()'s positional argument: a mapping (has keys()) or (key, value) pairs.
int dict_merge_pairs_or_map(ThreadState* ts, Object* d, Object* other) {
  if (is_dict(other)) return dict_merge(ts, d, other, true);
  Ref keys = Ref::steal(str_from_cstr(ts, "keys"));
  int has = keys ? has_attr(ts, other, keys.get()) : -1;
  if (has < 0) return -1;
  return has ? dict_merge(ts, d, other, true) : dict_merge_pairs(ts, d, other);
}

Object* env_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) return raise_format(ts, &exc::TypeError, "update expected at most 1 argument, got %zu", nargs);
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  if (nargs && dict_merge_pairs_or_map(ts, d.get(), args[0]) < 0) return nullptr;
  size_t nk = kwnames_count(kwnames);
  for (size_t i = 0; i < nk; ++i)
    if (dict_set_item(ts, d.get(), tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(d.get(), &pos, &k, &v))
    if (env_setitem(ts, self, k, v) < 0) return nullptr;
  return py_none();
}

const MethodDef environ_methods[] = {
    {"get", env_get, kMethFast},
    {"keys", env_keys, kMethNoArgs},
    {"items", env_items, kMethNoArgs},
    {"values", env_values, kMethNoArgs},
    {"copy", env_copy, kMethNoArgs},
    {"pop", env_pop, kMethFast},
    {"setdefault", env_setdefault, kMethFast},
    {"update", env_update, kMethKeywords},
    {},
};

constexpr const char* kStatFields[] = {"st_mode",     "st_ino",      "st_dev",      "st_nlink",   "st_uid",
                                       "st_gid",      "st_size",     "st_atime",    "st_mtime",   "st_ctime",
                                       "st_atime",    "st_mtime",    "st_ctime",    "st_atime_ns", "st_mtime_ns",
                                       "st_ctime_ns", "st_blksize",  "st_blocks",   "st_rdev"};

}  // namespace

void init_environ_type(Type& t) {
  t.name = "os._Environ";
  t.basicsize = sizeof(Environ);
  t.flags = kTypeHaveGC | kTypeMapping;
  t.dealloc = [](Object* o) {
    xdecref(env_data(o));
    free_object(o);
  };
  t.traverse = [](Object* o, VisitFn visit, void* arg) { return env_data(o) ? visit(env_data(o), arg) : 0; };
  t.clear = [](Object* o) {
    Object* d = env_data(o);
    static_cast<Environ*>(o)->data = nullptr;
    xdecref(d);
    return 0;
  };
  t.repr = env_repr;
  t.mp_length = env_len;
  t.mp_subscript = env_getitem;
  t.mp_ass_subscript = env_setitem;
  t.sq_contains = env_contains;
  t.iter = env_iter;
  t.methods = environ_methods;
}

void init_stat_result_type(Type& t) { init_structseq_type(t, "os.stat_result", kStatFields, 10, 19); }

Object* init_os_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "os", os_functions, "OS routines for NT or Posix depending on what system we're on."));
  if (!m) return nullptr;
  Ref env = Ref::steal(dict_new(ts));
  if (!env) return nullptr;
  for (char** e = ::environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Ref k = Ref::steal(str_from_utf8(ts, *e, static_cast<size_t>(eq - *e)));
    Ref v = Ref::steal(str_from_cstr(ts, eq + 1));
    if (!k || !v || dict_set_item(ts, env.get(), k.get(), v.get()) < 0) return nullptr;
  }
  Object* mod = m.get();
  auto* environ_obj = static_cast<Environ*>(type_generic_alloc(ts, &environ_type, 0));
  if (!environ_obj) return nullptr;
  environ_obj->data = env.release();
  if (add_object(ts, mod, "environ", environ_obj) < 0 || add_str(ts, mod, "name", "posix") < 0 ||
      add_str(ts, mod, "sep", "/") < 0 || add_object(ts, mod, "altsep", new_ref(py_none())) < 0 ||
      add_str(ts, mod, "linesep", "\n") < 0 || add_str(ts, mod, "curdir", ".") < 0 ||
      add_str(ts, mod, "pardir", "..") < 0 || add_str(ts, mod, "extsep", ".") < 0 ||
      add_str(ts, mod, "pathsep", ":") < 0 || add_str(ts, mod, "devnull", "/dev/null") < 0 ||
      add_str(ts, mod, "defpath", "/bin:/usr/bin") < 0 || add_int(ts, mod, "F_OK", F_OK) < 0 ||
      add_int(ts, mod, "R_OK", R_OK) < 0 || add_int(ts, mod, "W_OK", W_OK) < 0 || add_int(ts, mod, "X_OK", X_OK) < 0 ||
      add_int(ts, mod, "O_RDONLY", O_RDONLY) < 0 || add_int(ts, mod, "O_WRONLY", O_WRONLY) < 0 ||
      add_int(ts, mod, "O_RDWR", O_RDWR) < 0 || add_int(ts, mod, "O_CREAT", O_CREAT) < 0 ||
      add_int(ts, mod, "O_EXCL", O_EXCL) < 0 || add_int(ts, mod, "O_TRUNC", O_TRUNC) < 0 ||
      add_int(ts, mod, "O_APPEND", O_APPEND) < 0 ||
      add_object(ts, mod, "stat_result", new_ref(static_cast<Object*>(&stat_result_type))) < 0 ||
      add_object(ts, mod, "error", new_ref(static_cast<Object*>(&exc::OSError))) < 0)
    return nullptr;
  // os.path is posixpath, shared with sys.modules.
  Ref path = Ref::steal(import_module(ts, "posixpath"));
  if (!path) return nullptr;
  if (dict_set_item_str(ts, ts->interp->modules, "os.path", path.get()) < 0) return nullptr;
  if (add_object(ts, mod, "path", path.release()) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
