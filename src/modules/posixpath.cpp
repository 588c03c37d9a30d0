// os.path for POSIX (the posixpath module): pure string operations on
// paths (join, split, normpath, ...) and the stat-based predicates.
//
// Paths may be str or os.PathLike objects resolving to str; bytes paths
// are accepted by the predicates only.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include "modules/oserror.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise_format;

namespace {

// The text of a str path argument (after os.fspath). false with TypeError.
bool text_arg(ThreadState* ts, Object* o, std::string* out, bool* is_bytes = nullptr) {
  Ref p = Ref::steal(fspath(ts, o));
  if (!p) return false;
  if (is_bytes) *is_bytes = !is_str(p.get());
  if (is_str(p.get())) {
    *out = std::string(str_view(ts, p.get()));
  } else {
    *out = std::string(byteslike_view(p.get()));
  }
  return true;
}

Object* result(ThreadState* ts, const std::string& s, bool as_bytes) {
  return as_bytes ? bytes_from(ts, s.data(), s.size()) : str_from(ts, s);
}

std::string normpath(const std::string& path) {
  if (path.empty()) return ".";
  int initial = 0;
  if (path[0] == '/') initial = (path.size() > 1 && path[1] == '/' && (path.size() < 3 || path[2] != '/')) ? 2 : 1;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string comp = path.substr(i, j - i);
    i = j + 1;
    if (comp.empty() || comp == ".") continue;
    if (comp != ".." || (!initial && parts.empty()) || (!parts.empty() && parts.back() == "..")) {
      parts.push_back(comp);
    } else if (!parts.empty()) {
      parts.pop_back();
    }
  }
  std::string out(static_cast<size_t>(initial), '/');
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  return out.empty() ? "." : out;
}

// (head, tail) as posixpath.split.
std::pair<std::string, std::string> split(const std::string& p) {
  size_t i = p.rfind('/');
  i = i == std::string::npos ? 0 : i + 1;
  std::string head = p.substr(0, i), tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
  return {head, tail};
}

std::pair<std::string, std::string> splitext(const std::string& p) {
  size_t sep = p.rfind('/');
  size_t dot = p.rfind('.');
  long sep_i = sep == std::string::npos ? -1 : static_cast<long>(sep);
  if (dot != std::string::npos && static_cast<long>(dot) > sep_i) {
    for (size_t k = static_cast<size_t>(sep_i + 1); k < dot; ++k) {
      if (p[k] != '.') return {p.substr(0, dot), p.substr(dot)};
    }
  }
  return {p, ""};
}

std::string cwd() {
  char buf[PATH_MAX];
  return ::getcwd(buf, sizeof buf) ? buf : ".";
}

std::string abspath(const std::string& p) { return normpath(!p.empty() && p[0] == '/' ? p : cwd() + "/" + p); }

Object* one_arg(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, const char* name, std::string* out,
                bool* as_bytes) {
  if (check_positional(ts, name, nargs, kwnames, 1, 1) < 0) return nullptr;
  return text_arg(ts, args[0], out, as_bytes) ? py_none() : nullptr;
}

#define PATH_FN(fname)                                                                           \
  Object* p_##fname(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) { \
    std::string p;                                                                               \
    bool b = false;                                                                              \
    if (!one_arg(ts, args, nargs, kwnames, #fname, &p, &b)) return nullptr;

PATH_FN(normpath)
  return result(ts, normpath(p), b);
}
PATH_FN(abspath)
  return result(ts, abspath(p), b);
}
PATH_FN(basename)
  return result(ts, split(p).second, b);
}
PATH_FN(dirname)
  return result(ts, split(p).first, b);
}
PATH_FN(isabs)
  return new_ref(py_bool(!p.empty() && p[0] == '/'));
}
PATH_FN(split)
  auto [h, t] = split(p);
  Ref a = Ref::steal(result(ts, h, b)), c = Ref::steal(result(ts, t, b));
  return a && c ? tuple_pack(ts, {a.get(), c.get()}) : nullptr;
}
PATH_FN(splitext)
  auto [h, t] = splitext(p);
  Ref a = Ref::steal(result(ts, h, b)), c = Ref::steal(result(ts, t, b));
  return a && c ? tuple_pack(ts, {a.get(), c.get()}) : nullptr;
}
PATH_FN(expanduser)
  if (p.empty() || p[0] != '~') return result(ts, p, b);
  size_t i = p.find('/', 1);
  if (i == std::string::npos) i = p.size();
  std::string home;
  if (i == 1) {
    const char* h = std::getenv("HOME");
    if (h) {
      home = h;
    } else {
      passwd* pw = ::getpwuid(::getuid());
      if (!pw) return result(ts, p, b);
      home = pw->pw_dir;
    }
  } else {
    passwd* pw = ::getpwnam(p.substr(1, i - 1).c_str());
    if (!pw) return result(ts, p, b);
    home = pw->pw_dir;
  }
  while (!home.empty() && home.back() == '/') home.pop_back();
  std::string out = home + p.substr(i);
  return result(ts, out.empty() ? "/" : out, b);
}
PATH_FN(realpath)
  // Resolve the longest existing prefix, then append the rest normalized.
  std::string full = abspath(p);
  char buf[PATH_MAX];
  if (::realpath(full.c_str(), buf)) return result(ts, buf, b);
  std::string head = full, rest;
  while (head.size() > 1) {
    auto [h, t] = split(head);
    rest = rest.empty() ? t : t + "/" + rest;
    head = h;
    if (::realpath(head.c_str(), buf)) {
      std::string base = buf;
      return result(ts, normpath(base + (base == "/" ? "" : "/") + rest), b);
    }
  }
  return result(ts, full, b);
}
#undef PATH_FN

// The stat predicates: False for any OSError / ValueError, as genericpath.
template <typename Pred>
Object* stat_pred(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, const char* name, bool follow,
                  Pred pred) {
  if (check_positional(ts, name, nargs, kwnames, 1, 1) < 0) return nullptr;
  PathArg p;
  if (is_int(args[0]) && !is_bool(args[0])) {
    struct stat st;
    int64_t fd = as_ssize(ts, args[0], nullptr);
    if (fd == -1 && runtime::has_exception(ts)) return nullptr;
    return new_ref(py_bool(::fstat(static_cast<int>(fd), &st) == 0 && pred(st)));
  }
  if (convert_path(ts, args[0], "stat", "string, bytes, os.PathLike or integer", &p) < 0) {
    if (runtime::exception_matches(ts, &exc::ValueError)) {
      runtime::clear_exception(ts);
      return new_ref(py_false());
    }
    return nullptr;
  }
  struct stat st;
  int r = follow ? ::stat(p.path.c_str(), &st) : ::lstat(p.path.c_str(), &st);
  return new_ref(py_bool(r == 0 && pred(st)));
}

Object* p_exists(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_pred(ts, a, n, k, "exists", true, [](const struct stat&) { return true; });
}
Object* p_lexists(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_pred(ts, a, n, k, "lexists", false, [](const struct stat&) { return true; });
}
Object* p_isfile(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_pred(ts, a, n, k, "isfile", true, [](const struct stat& s) { return S_ISREG(s.st_mode); });
}
Object* p_isdir(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_pred(ts, a, n, k, "isdir", true, [](const struct stat& s) { return S_ISDIR(s.st_mode); });
}
Object* p_islink(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_pred(ts, a, n, k, "islink", false, [](const struct stat& s) { return S_ISLNK(s.st_mode); });
}

// getsize / getmtime: os.stat(path).st_size / st_mtime (errors propagate).
bool stat_of(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, const char* name, struct stat* st) {
  if (check_positional(ts, name, nargs, kwnames, 1, 1) < 0) return false;
  PathArg p;
  if (convert_path(ts, args[0], "stat", "string, bytes, os.PathLike or integer", &p) < 0) return false;
  if (::stat(p.path.c_str(), st) != 0) {
    raise_os_error(ts, errno, args[0]);
    return false;
  }
  return true;
}
Object* p_getsize(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  struct stat st;
  return stat_of(ts, a, n, k, "getsize", &st) ? int_from_i64(ts, st.st_size) : nullptr;
}
Object* p_getmtime(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  struct stat st;
  return stat_of(ts, a, n, k, "getmtime", &st)
             ? float_from_double(ts, static_cast<double>(st.st_mtim.tv_sec) + st.st_mtim.tv_nsec * 1e-9)
             : nullptr;
}

// join(a, *p): a later absolute component restarts the path.
Object* p_join(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "join", kwnames) < 0) return nullptr;
  if (nargs == 0) return runtime::raise(ts, &exc::TypeError, "join() missing 1 required positional argument: 'a'");
  std::string out;
  bool any_str = false, any_bytes = false;
  for (size_t i = 0; i < nargs; ++i) {
    Ref p = Ref::steal(fspath(ts, args[i]));
    if (!p) {
      if (i == 0) return nullptr;
      runtime::clear_exception(ts);
      return raise_format(ts, &exc::TypeError, "join() argument must be str, bytes, or os.PathLike object, not '%s'",
                          tp_name(args[i]));
    }
    bool b = !is_str(p.get());
    (b ? any_bytes : any_str) = true;
    if (any_bytes && any_str) return runtime::raise(ts, &exc::TypeError, "Can't mix strings and bytes in path components");
    std::string s = b ? std::string(byteslike_view(p.get())) : std::string(str_view(ts, p.get()));
    if (i == 0) out = s;
    else if (!s.empty() && s[0] == '/') out = s;
    else if (out.empty() || out.back() == '/') out += s;
    else out += "/" + s;
  }
  return result(ts, out, any_bytes);
}

const MethodDef posixpath_functions[] = {
    {"join", p_join, kMethKeywords},
    {"normpath", p_normpath, kMethFast},
    {"abspath", p_abspath, kMethFast},
    {"basename", p_basename, kMethFast},
    {"dirname", p_dirname, kMethFast},
    {"isabs", p_isabs, kMethFast},
    {"split", p_split, kMethFast},
    {"splitext", p_splitext, kMethFast},
    {"expanduser", p_expanduser, kMethFast},
    {"realpath", p_realpath, kMethFast},
    {"exists", p_exists, kMethFast},
    {"lexists", p_lexists, kMethFast},
    {"isfile", p_isfile, kMethFast},
    {"isdir", p_isdir, kMethFast},
    {"islink", p_islink, kMethFast},
    {"getsize", p_getsize, kMethFast},
    {"getmtime", p_getmtime, kMethFast},
    {},
};

}  // namespace

Object* init_posixpath_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "posixpath", posixpath_functions,
                                       "Common operations on Posix pathnames."));
  if (!m) return nullptr;
  Object* mod = m.get();
  if (add_str(ts, mod, "sep", "/") < 0 || add_str(ts, mod, "curdir", ".") < 0 || add_str(ts, mod, "pardir", "..") < 0 ||
      add_str(ts, mod, "extsep", ".") < 0 || add_str(ts, mod, "pathsep", ":") < 0 ||
      add_object(ts, mod, "altsep", new_ref(py_none())) < 0 || add_str(ts, mod, "devnull", "/dev/null") < 0)
    return nullptr;
  return m.release();
}

}  // namespace spindle::modules
