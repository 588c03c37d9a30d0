// os.path for POSIX (the posixpath module): pure string operations on
// paths (join, split, normpath, relpath, commonpath, expandvars, ...) and
// the stat-based predicates and getters. Functions that are Python in
// CPython word their argument errors as a Python def (pyargs.h).
//
// Paths may be str or os.PathLike objects resolving to str; bytes paths
// are accepted by the predicates only.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include "modules/import.h"
#include "modules/oserror.h"
#include "modules/pyargs.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/interpreter.h"

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

// Resolves the longest existing prefix, then appends the rest normalized.
std::string realpath(const std::string& p) {
  std::string full = abspath(p);
  char buf[PATH_MAX];
  if (::realpath(full.c_str(), buf)) return buf;
  std::string head = full, rest;
  while (head.size() > 1) {
    auto [h, t] = split(head);
    rest = rest.empty() ? t : t + "/" + rest;
    head = h;
    if (::realpath(head.c_str(), buf)) {
      std::string base = buf;
      return normpath(base + (base == "/" ? "" : "/") + rest);
    }
  }
  return full;
}

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
  return result(ts, realpath(p), b);
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

// os.stat(o) / os.lstat(o) (stat also takes a file descriptor): 0, or -1
// with os.stat's error set (TypeError, ValueError for a NUL, OSError).
int do_stat(ThreadState* ts, Object* o, bool follow, struct stat* st) {
  if (follow && is_int(o)) {
    int64_t fd = as_ssize(ts, o, nullptr);
    if (fd == -1 && runtime::has_exception(ts)) return -1;
    if (::fstat(static_cast<int>(fd), st) != 0) {
      raise_os_error(ts, errno);
      return -1;
    }
    return 0;
  }
  PathArg p;
  if (convert_path(ts, o, follow ? "stat" : "lstat",
                   follow ? "string, bytes, os.PathLike or integer" : "string, bytes or os.PathLike", &p) < 0)
    return -1;
  if ((follow ? ::stat(p.path.c_str(), st) : ::lstat(p.path.c_str(), st)) != 0) {
    raise_os_error(ts, errno, o);
    return -1;
  }
  return 0;
}

double stat_time(const struct timespec& t) { return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9; }

// getsize / getmtime / getatime / getctime(filename): a field of
// os.stat(filename) (errors propagate).
template <typename Field>
Object* stat_field(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, const char* name, Field field) {
  static const char* const kParams[] = {"filename"};
  Object* f;
  if (bind_py_args(ts, name, args, nargs, kwnames, kParams, 1, 1, &f, false) < 0) return nullptr;
  struct stat st;
  if (do_stat(ts, f, true, &st) < 0) return nullptr;
  return field(st);
}
Object* p_getsize(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_field(ts, a, n, k, "getsize", [ts](const struct stat& st) { return int_from_i64(ts, st.st_size); });
}
Object* p_getmtime(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_field(ts, a, n, k, "getmtime",
                    [ts](const struct stat& st) { return float_from_double(ts, stat_time(st.st_mtim)); });
}
Object* p_getatime(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_field(ts, a, n, k, "getatime",
                    [ts](const struct stat& st) { return float_from_double(ts, stat_time(st.st_atim)); });
}
Object* p_getctime(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return stat_field(ts, a, n, k, "getctime",
                    [ts](const struct stat& st) { return float_from_double(ts, stat_time(st.st_ctim)); });
}

// samefile(f1, f2): both stat and name the same inode of the same device.
Object* p_samefile(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"f1", "f2"};
  Object* a[2];
  if (bind_py_args(ts, "samefile", args, nargs, kwnames, kParams, 2, 2, a, false) < 0) return nullptr;
  struct stat s1, s2;
  if (do_stat(ts, a[0], true, &s1) < 0 || do_stat(ts, a[1], true, &s2) < 0) return nullptr;
  return new_ref(py_bool(s1.st_ino == s2.st_ino && s1.st_dev == s2.st_dev));
}

// ismount(path): not a symlink, and its parent (path/.. resolved) is on
// another device or is the same inode (the root). Unstatable paths are not
// mount points; a wrong argument type is still a TypeError.
Object* p_ismount(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"path"};
  Object* path;
  if (bind_py_args(ts, "ismount", args, nargs, kwnames, kParams, 1, 1, &path, false) < 0) return nullptr;
  auto unstatable = [ts]() -> Object* {
    if (!runtime::exception_matches(ts, &exc::OSError) && !runtime::exception_matches(ts, &exc::ValueError))
      return nullptr;
    runtime::clear_exception(ts);
    return new_ref(py_false());
  };
  struct stat s1, s2;
  if (do_stat(ts, path, false, &s1) < 0) return unstatable();
  if (S_ISLNK(s1.st_mode)) return new_ref(py_false());
  std::string p;
  if (!text_arg(ts, path, &p)) return nullptr;
  std::string parent = realpath(p.empty() || p.back() == '/' ? p + ".." : p + "/..");
  if (::lstat(parent.c_str(), &s2) != 0) return new_ref(py_false());
  return new_ref(py_bool(s1.st_dev != s2.st_dev || s1.st_ino == s2.st_ino));
}

// A path argument after os.fspath: its text and whether it is bytes.
struct TextPath {
  Ref obj;
  std::string text;
  bool is_bytes = false;
};
bool text_path(ThreadState* ts, Object* o, TextPath* out) {
  out->obj = Ref::steal(fspath(ts, o));
  if (!out->obj) return false;
  out->is_bytes = !is_str(out->obj.get());
  out->text = out->is_bytes ? std::string(byteslike_view(out->obj.get())) : std::string(str_view(ts, out->obj.get()));
  return true;
}

std::nullptr_t raise_mixed(ThreadState* ts) {
  return runtime::raise(ts, &exc::TypeError, "Can't mix strings and bytes in path components");
}

// The non-empty components of p split at '/' (and, if `skip_dot`, not ".").
std::vector<std::string> components(const std::string& p, bool skip_dot) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string::npos) j = p.size();
    std::string c = p.substr(i, j - i);
    if (!c.empty() && !(skip_dot && c == ".")) out.push_back(std::move(c));
    i = j + 1;
  }
  return out;
}

std::string join_components(const std::vector<std::string>& parts, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (k > from) out += '/';
    out += parts[k];
  }
  return out;
}

// relpath(path, start=None): path relative to start (default '.'), both made
// absolute first; never touches the file system beyond getcwd.
Object* p_relpath(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"path", "start"};
  Object* a[2];
  if (bind_py_args(ts, "relpath", args, nargs, kwnames, kParams, 2, 1, a, false) < 0) return nullptr;
  int t = is_true(ts, a[0]);
  if (t < 0) return nullptr;
  if (!t) return runtime::raise(ts, &exc::ValueError, "no path specified");
  TextPath path, start;
  if (!text_path(ts, a[0], &path)) return nullptr;
  if (a[1] && !is_none(a[1])) {
    if (!text_path(ts, a[1], &start)) return nullptr;
    if (start.is_bytes != path.is_bytes) return raise_mixed(ts);
  } else {
    start.text = ".";
  }
  std::vector<std::string> sl = components(abspath(start.text), false);
  std::vector<std::string> pl = components(abspath(path.text), false);
  size_t i = 0;
  while (i < sl.size() && i < pl.size() && sl[i] == pl[i]) ++i;
  std::vector<std::string> rel(sl.size() - i, "..");
  rel.insert(rel.end(), pl.begin() + static_cast<std::ptrdiff_t>(i), pl.end());
  return result(ts, rel.empty() ? "." : join_components(rel, 0, rel.size()), path.is_bytes);
}

// commonpath(paths): the longest common sub-path (components, ignoring empty
// ones and "."); all absolute or all relative.
Object* p_commonpath(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"paths"};
  Object* paths;
  if (bind_py_args(ts, "commonpath", args, nargs, kwnames, kParams, 1, 1, &paths, false) < 0) return nullptr;
  int t = is_true(ts, paths);
  if (t < 0) return nullptr;
  if (!t) return runtime::raise(ts, &exc::ValueError, "commonpath() arg is an empty sequence");
  Ref it = Ref::steal(get_iter(ts, paths));
  if (!it) return nullptr;
  std::vector<TextPath> items;
  while (Ref o = Ref::steal(iter_next(ts, it.get()))) {
    items.emplace_back();
    if (!text_path(ts, o.get(), &items.back())) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  if (items.empty()) return runtime::raise(ts, &exc::IndexError, "tuple index out of range");
  bool as_bytes = items[0].is_bytes;
  for (const TextPath& p : items)
    if (p.is_bytes != as_bytes) return raise_mixed(ts);
  bool any_abs = false, any_rel = false;
  for (const TextPath& p : items) (!p.text.empty() && p.text[0] == '/' ? any_abs : any_rel) = true;
  if (any_abs && any_rel) return runtime::raise(ts, &exc::ValueError, "Can't mix absolute and relative paths");
  std::vector<std::vector<std::string>> split_paths;
  for (const TextPath& p : items) split_paths.push_back(components(p.text, true));
  // The common prefix of all of them is that of the least and the greatest.
  auto [lo, hi] = std::minmax_element(split_paths.begin(), split_paths.end());
  size_t i = 0;
  while (i < lo->size() && i < hi->size() && (*lo)[i] == (*hi)[i]) ++i;
  return result(ts, (any_abs ? "/" : "") + join_components(*lo, 0, i), as_bytes);
}

// commonprefix(m): the longest common leading part of the items of m (any
// sequences; items that are not lists or tuples go through os.fspath),
// compared element by element with the object protocol.
Object* p_commonprefix(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"m"};
  Object* m;
  if (bind_py_args(ts, "commonprefix", args, nargs, kwnames, kParams, 1, 1, &m, false) < 0) return nullptr;
  int t = is_true(ts, m);
  if (t < 0) return nullptr;
  if (!t) return str_from(ts, "");
  Ref zero = Ref::steal(int_from_i64(ts, 0));
  if (!zero) return nullptr;
  Ref first = Ref::steal(get_item(ts, m, zero.get()));
  if (!first) return nullptr;
  Ref seq = Ref::borrow(m);
  if (!is_list(first.get()) && !is_tuple(first.get())) {
    Ref it = Ref::steal(get_iter(ts, m));
    Ref lst = Ref::steal(list_new(ts, 0));
    if (!it || !lst) return nullptr;
    while (Ref o = Ref::steal(iter_next(ts, it.get()))) {
      Ref p = Ref::steal(fspath(ts, o.get()));
      if (!p || list_append(ts, lst.get(), p.get()) < 0) return nullptr;
    }
    if (runtime::has_exception(ts)) return nullptr;
    seq = Ref::steal(sequence_tuple(ts, lst.get()));
    if (!seq) return nullptr;
  }
  Object* builtins = ts->interp->builtins_dict;
  Object* arg = seq.get();
  Ref s1 = Ref::steal(call(ts, dict_get_item_str_borrowed(ts, builtins, "min"), &arg, 1));
  if (!s1) return nullptr;
  Ref s2 = Ref::steal(call(ts, dict_get_item_str_borrowed(ts, builtins, "max"), &arg, 1));
  if (!s2) return nullptr;
  Ref it = Ref::steal(get_iter(ts, s1.get()));
  if (!it) return nullptr;
  for (int64_t i = 0;; ++i) {
    Ref c = Ref::steal(iter_next(ts, it.get()));
    if (!c) break;
    Ref idx = Ref::steal(int_from_i64(ts, i));
    if (!idx) return nullptr;
    Ref other = Ref::steal(get_item(ts, s2.get(), idx.get()));
    if (!other) return nullptr;
    int ne = rich_compare_bool(ts, c.get(), other.get(), CompareOp::Ne);
    if (ne < 0) return nullptr;
    if (ne) {
      Ref sl = Ref::steal(slice_new(ts, py_none(), idx.get(), py_none()));
      return sl ? get_item(ts, s1.get(), sl.get()) : nullptr;
    }
  }
  if (runtime::has_exception(ts)) return nullptr;
  return s1.release();
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// expandvars(path): replaces $name and ${name} (name: ASCII word characters;
// braces: anything up to the first '}') with os.environ[name]; unknown names
// are left as they are. A substituted value is not scanned again.
Object* p_expandvars(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"path"};
  Object* arg;
  if (bind_py_args(ts, "expandvars", args, nargs, kwnames, kParams, 1, 1, &arg, false) < 0) return nullptr;
  TextPath path;
  if (!text_path(ts, arg, &path)) return nullptr;
  std::string p = path.text;
  if (p.find('$') == std::string::npos) return path.obj.release();
  Ref os = Ref::steal(import_module(ts, "os"));
  if (!os) return nullptr;
  Ref environ = Ref::steal(get_attr_str(ts, os.get(), "environ"));
  if (!environ) return nullptr;
  size_t i = 0;
  while (true) {
    size_t k = p.find('$', i);
    if (k == std::string::npos) break;
    size_t j;
    std::string name;
    if (k + 1 < p.size() && is_word_char(p[k + 1])) {
      j = k + 1;
      while (j < p.size() && is_word_char(p[j])) ++j;
      name = p.substr(k + 1, j - k - 1);
    } else if (k + 1 < p.size() && p[k + 1] == '{' && p.find('}', k + 2) != std::string::npos) {
      j = p.find('}', k + 2) + 1;
      name = p.substr(k + 2, j - k - 3);
    } else {
      i = k + 1;
      continue;
    }
    Ref key = Ref::steal(str_from(ts, name));
    if (!key) return nullptr;
    Ref value = Ref::steal(get_item(ts, environ.get(), key.get()));
    if (!value) {
      if (!runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
      runtime::clear_exception(ts);
      i = j;
      continue;
    }
    if (!is_str(value.get()))
      return raise_format(ts, &exc::TypeError, "can only concatenate str (not \"%s\") to str", tp_name(value.get()));
    std::string v(str_view(ts, value.get()));
    p = p.substr(0, k) + v + p.substr(j);
    i = k + v.size();
  }
  return result(ts, p, path.is_bytes);
}

// splitdrive(p): POSIX has no drives: (empty, p).
Object* p_splitdrive(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"p"};
  Object* arg;
  if (bind_py_args(ts, "splitdrive", args, nargs, kwnames, kParams, 1, 1, &arg, false) < 0) return nullptr;
  Ref p = Ref::steal(fspath(ts, arg));
  if (!p) return nullptr;
  Ref empty = Ref::steal(result(ts, "", !is_str(p.get())));
  return empty ? tuple_pack(ts, {empty.get(), p.get()}) : nullptr;
}

// normcase(s): POSIX paths are case-sensitive: os.fspath(s).
Object* p_normcase(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"s"};
  Object* arg;
  if (bind_py_args(ts, "normcase", args, nargs, kwnames, kParams, 1, 1, &arg, false) < 0) return nullptr;
  return fspath(ts, arg);
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
    {"getsize", p_getsize, kMethKeywords},
    {"getmtime", p_getmtime, kMethKeywords},
    {"getatime", p_getatime, kMethKeywords},
    {"getctime", p_getctime, kMethKeywords},
    {"samefile", p_samefile, kMethKeywords},
    {"ismount", p_ismount, kMethKeywords},
    {"relpath", p_relpath, kMethKeywords},
    {"commonpath", p_commonpath, kMethKeywords},
    {"commonprefix", p_commonprefix, kMethKeywords},
    {"expandvars", p_expandvars, kMethKeywords},
    {"splitdrive", p_splitdrive, kMethKeywords},
    {"normcase", p_normcase, kMethKeywords},
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
      add_object(ts, mod, "altsep", new_ref(py_none())) < 0 || add_str(ts, mod, "devnull", "/dev/null") < 0 ||
      add_str(ts, mod, "defpath", "/bin:/usr/bin") < 0 ||
      add_object(ts, mod, "supports_unicode_filenames", new_ref(py_false())) < 0)
    return nullptr;
  return m.release();
}

}  // namespace spindle::modules
