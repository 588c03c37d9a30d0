// The sys module and the standard streams (sys.stdin/stdout/stderr).
//
// The streams are small text files over fds 0/1/2: writes accumulate in a
// buffer flushed when full, at every newline when the stream is interactive
// (a tty) or unbuffered (-u), on flush(), and at exit (runtime_finish) — so
// nothing a program printed is lost on any exit path.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "modules/modules.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/typeutil.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "vm/frame.h"
#include "vm/frameobject.h"

namespace spindle::objects {
Type text_stream_type;
extern Type text_iobase_type;
}

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

struct TextStream : Object {
  int fd = -1;
  bool writable = false;
  bool line_buffered = false;
  bool closed = false;
  std::string* buffer = nullptr;  // pending output / read-ahead input (owned)
  Object* name = nullptr;
};

TextStream* S(Object* o) { return static_cast<TextStream*>(o); }

int flush_fd(ThreadState* ts, TextStream* s) {
  std::string& b = *s->buffer;
  size_t done = 0;
  while (done < b.size()) {
    ssize_t n = ::write(s->fd, b.data() + done, b.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      b.clear();
      if (ts) raise_format(ts, &exc::OSError, "[Errno %d] %s", errno, std::strerror(errno));
      return -1;
    }
    done += static_cast<size_t>(n);
  }
  b.clear();
  return 0;
}

Object* stream_write(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  TextStream* s = S(self);
  if (!is_str(args[0])) {
    return raise_format(ts, &exc::TypeError, "write() argument must be str, not %s", type_name(args[0]->ob_type));
  }
  if (s->closed) return raise(ts, &exc::ValueError, "I/O operation on closed file.");
  size_t n;
  const char* p = str_utf8(ts, args[0], &n);
  if (!p) return nullptr;
  s->buffer->append(p, n);
  if ((s->line_buffered && std::memchr(p, '\n', n)) || s->buffer->size() >= 8192) {
    if (flush_fd(ts, s) < 0) return nullptr;
  }
  return int_from_i64(ts, static_cast<int64_t>(str_length(args[0])));
}

Object* stream_flush(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  TextStream* s = S(self);
  if (s->writable && !s->closed && flush_fd(ts, s) < 0) return nullptr;
  return py_none();
}

// Reads one line (with its newline) from the fd; "" at EOF.
bool read_line(TextStream* s, std::string* out) {
  std::string& b = *s->buffer;
  for (;;) {
    size_t nl = b.find('\n');
    if (nl != std::string::npos) {
      *out = b.substr(0, nl + 1);
      b.erase(0, nl + 1);
      return true;
    }
    char chunk[4096];
    ssize_t n = ::read(s->fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *out = b;
      b.clear();
      return n == 0;
    }
    b.append(chunk, static_cast<size_t>(n));
  }
}

Object* stream_readline(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string line;
  if (!read_line(S(self), &line)) return raise_format(ts, &exc::OSError, "[Errno %d] %s", errno, std::strerror(errno));
  return str_from(ts, line);
}

Object* stream_read(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string all, line;
  while (read_line(S(self), &line) && !line.empty()) all += line;
  return str_from(ts, all);
}

Object* stream_fileno(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return int_from_i64(ts, S(self)->fd); }
Object* stream_isatty(ThreadState*, Object* self, Object* const*, size_t, Object*) { return py_bool(::isatty(S(self)->fd)); }
Object* stream_writable(ThreadState*, Object* self, Object* const*, size_t, Object*) { return py_bool(S(self)->writable); }
Object* stream_readable(ThreadState*, Object* self, Object* const*, size_t, Object*) { return py_bool(!S(self)->writable); }
Object* stream_close(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  Object* r = stream_flush(ts, self, a, n, k);
  S(self)->closed = true;
  return r;
}
Object* stream_iternext(ThreadState* ts, Object* self) {
  std::string line;
  if (!read_line(S(self), &line)) return raise_format(ts, &exc::OSError, "[Errno %d] %s", errno, std::strerror(errno));
  if (line.empty()) return nullptr;
  return str_from(ts, line);
}
Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

Object* get_encoding(ThreadState* ts, Object*) { return str_from_cstr(ts, "utf-8"); }
Object* get_name(ThreadState*, Object* o) { return new_ref(S(o)->name); }
Object* get_closed(ThreadState*, Object* o) { return py_bool(S(o)->closed); }

Object* stream_repr(ThreadState* ts, Object* o) {
  return str_from(ts, "<_io.TextIOWrapper name=" + repr_utf8(ts, S(o)->name) + " mode='" + (S(o)->writable ? "w" : "r") +
                          "' encoding='utf-8'>");
}

void stream_dealloc(Object* o) {
  TextStream* s = S(o);
  if (s->writable) (void)flush_fd(nullptr, s);
  delete s->buffer;
  xdecref(s->name);
  free_object(o);
}

const MethodDef stream_methods[] = {
    {"write", stream_write, kMethO},
    {"flush", stream_flush, kMethNoArgs},
    {"readline", stream_readline, kMethFast},
    {"read", stream_read, kMethFast},
    {"fileno", stream_fileno, kMethNoArgs},
    {"isatty", stream_isatty, kMethNoArgs},
    {"writable", stream_writable, kMethNoArgs},
    {"readable", stream_readable, kMethNoArgs},
    {"close", stream_close, kMethNoArgs},
    {},
};
const GetSetDef stream_getsets[] = {
    {"encoding", get_encoding, nullptr},
    {"name", get_name, nullptr},
    {"closed", get_closed, nullptr},
    {},
};

Object* make_stream(ThreadState* ts, int fd, bool writable, bool line_buffered, const char* name) {
  auto* s = static_cast<TextStream*>(alloc_object(ts, &text_stream_type, sizeof(TextStream)));
  if (!s) return nullptr;
  s->fd = fd;
  s->writable = writable;
  s->line_buffered = line_buffered;
  s->buffer = new std::string();
  s->name = str_from_cstr(ts, name);
  return s;
}

// --- sys functions ---------------------------------------------------------------
Object* sys_exit(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "exit", nargs, kwnames, 0, 1) < 0) return nullptr;
  Object* e = nargs ? call(ts, &exc::SystemExit, args, 1) : call(ts, &exc::SystemExit, nullptr, 0);
  if (!e) return nullptr;
  runtime::raise_object(ts, e);
  decref(e);
  return nullptr;
}

Object* sys_getrecursionlimit(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return int_from_i64(ts, ts->interp->recursion_limit);
}

Object* sys_setrecursionlimit(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!is_int(args[0])) {
    return raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]->ob_type));
  }
  int64_t n = as_ssize(ts, args[0], nullptr);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  if (n < 1) return raise(ts, &exc::ValueError, "recursion limit must be greater or equal than 1");
  if (n > INT_MAX) return raise(ts, &exc::OverflowError, "Python int too large to convert to C int");
  int depth = ts->py_recursion_limit - ts->py_recursion_remaining;
  if (n <= depth) {
    return raise_format(ts, &exc::RecursionError,
                        "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                        static_cast<long long>(n), depth);
  }
  ts->interp->recursion_limit = static_cast<int>(n);
  ts->py_recursion_remaining = static_cast<int>(n) - depth;
  ts->py_recursion_limit = static_cast<int>(n);
  return py_none();
}

Object* sys_get_int_max_str_digits(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return int_from_i64(ts, ts->interp->int_max_str_digits);
}

Object* sys_set_int_max_str_digits(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"maxdigits", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("set_int_max_str_digits", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t n = as_ssize(ts, av[0], nullptr);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  if (n != 0 && n < 640) return raise(ts, &exc::ValueError, "maxdigits must be 0 or larger than 640");
  ts->interp->int_max_str_digits = static_cast<int>(std::min<int64_t>(n, INT_MAX));
  return py_none();
}

Object* sys_getrefcount(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  return int_from_i64(ts, refcount(args[0]));
}

// getsizeof(obj[, default]): obj.__sizeof__() plus the collector's header
// for GC-tracked types, as CPython computes it.
Object* sys_getsizeof(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"object", ParamKind::PositionalOrKeyword, kRequired},
                                      {"default", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("getsizeof", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref meth = Ref::steal(lookup_special(ts, av[0], Ref::steal(str_from_cstr(ts, "__sizeof__")).get()));
  if (!meth) {
    if (runtime::has_exception(ts)) return nullptr;
    if (av.has(1)) return new_ref(av[1]);
    return raise_format(ts, &exc::TypeError, "Type %s doesn't define __sizeof__", tp_name(av[0]));
  }
  Ref r = Ref::steal(call(ts, meth.get(), nullptr, 0));
  if (!r) {
    if (av.has(1) && runtime::exception_matches(ts, &exc::TypeError)) {
      runtime::clear_exception(ts);
      return new_ref(av[1]);
    }
    return nullptr;
  }
  if (!is_int(r.get())) {
    if (av.has(1)) return new_ref(av[1]);
    return raise(ts, &exc::TypeError, "an integer is required");
  }
  int64_t n = as_ssize(ts, r.get(), nullptr);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  if (n < 0) return raise(ts, &exc::ValueError, "__sizeof__() should return >= 0");
  if (has_flag(av[0]->ob_type, kTypeHaveGC)) n += 16;        // the collector's header
  if (has_flag(av[0]->ob_type, kTypeManagedDict)) n += 16;   // CPython's dict/values pre-header
  return int_from_i64(ts, n);
}

Object* sys_intern(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) {
    return raise_format(ts, &exc::TypeError, "intern() argument must be str, not %s", type_name(args[0]->ob_type));
  }
  if (!is_str_exact(args[0])) {
    return raise_format(ts, &exc::TypeError, "can't intern %s", type_name(args[0]->ob_type));
  }
  return str_intern(ts, new_ref(args[0]));
}

Object* handled_exception(ThreadState* ts) {
  for (runtime::ExcStackItem* it = ts->exc_info; it; it = it->previous)
    if (it->exc_value && !is_none(it->exc_value)) return it->exc_value;
  return nullptr;
}

Object* sys_exc_info(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  Object* e = handled_exception(ts);
  if (!e) return tuple_pack(ts, {py_none(), py_none(), py_none()});
  Object* tb = exception_get_traceback_borrowed(e);
  return tuple_pack(ts, {e->ob_type, e, tb ? tb : py_none()});
}

Object* sys_exception(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  Object* e = handled_exception(ts);
  return new_ref(e ? e : py_none());
}

Object* sys_displayhook(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Object* v = args[0];
  if (is_none(v)) return py_none();
  Ref underscore = Ref::steal(str_intern_cstr(ts, "_"));
  if (dict_set_item(ts, ts->interp->builtins_dict, underscore.get(), py_none()) < 0) return nullptr;
  Ref r = Ref::steal(repr(ts, v));
  if (!r) return nullptr;
  Ref out = Ref::steal(lookup_attr(ts, ts->interp->sys, ts->id->stdout));
  if (!out) return runtime::has_exception(ts) ? nullptr : raise(ts, &exc::RuntimeError, "lost sys.stdout");
  Ref text = Ref::steal(str_concat(ts, r.get(), Ref::steal(str_from_cstr(ts, "\n")).get()));
  Object* a = text.get();
  Ref w = Ref::steal(call_method(ts, out.get(), ts->id->write, &a, 1));
  if (!w) return nullptr;
  if (dict_set_item(ts, ts->interp->builtins_dict, underscore.get(), v) < 0) return nullptr;
  return py_none();
}

Object* sys_excepthook(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "excepthook", nargs, kwnames, 3, 3) < 0) return nullptr;
  if (is_exception_instance(args[1])) print_exception(ts, args[1]);
  return py_none();
}

Object* sys_getframe(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "_getframe", nargs, kwnames, 0, 1) < 0) return nullptr;
  int64_t depth = nargs ? as_ssize(ts, args[0], nullptr) : 0;
  if (depth == -1 && runtime::has_exception(ts)) return nullptr;
  vm::Frame* f = ts->current_frame;
  while (f && depth-- > 0) f = f->previous;
  if (!f) return raise(ts, &exc::ValueError, "call stack is not deep enough");
  return vm::frame_object_for(ts, f);
}

const MethodDef sys_functions[] = {
    {"exit", sys_exit, kMethFast},
    {"getrecursionlimit", sys_getrecursionlimit, kMethNoArgs},
    {"setrecursionlimit", sys_setrecursionlimit, kMethO},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, kMethNoArgs},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, kMethKeywords},
    {"getrefcount", sys_getrefcount, kMethO},
    {"getsizeof", sys_getsizeof, kMethKeywords},
    {"intern", sys_intern, kMethO},
    {"exc_info", sys_exc_info, kMethNoArgs},
    {"exception", sys_exception, kMethNoArgs},
    {"displayhook", sys_displayhook, kMethO},
    {"excepthook", sys_excepthook, kMethFast},
    {"_getframe", sys_getframe, kMethFast},
    {},
};

int set(ThreadState* ts, Object* d, const char* name, Object* steal_value) {
  if (!steal_value) return -1;
  int r = dict_set_item_str(ts, d, name, steal_value);
  decref(steal_value);
  return r;
}

}  // namespace

int init_sys(ThreadState* ts) {
  Object* m = module_new_cstr(ts, "sys");
  if (!m) return -1;
  ts->interp->sys = m;
  Object* d = module_dict_borrowed(m);
  if (module_add_functions(ts, m, sys_functions) < 0) return -1;
  if (dict_set_item_str(ts, d, "modules", ts->interp->modules) < 0) return -1;
  if (dict_set_item_str(ts, ts->interp->modules, "sys", m) < 0) return -1;
  bool out_tty = ::isatty(1), err_tty = true;
  if (set(ts, d, "stdin", make_stream(ts, 0, false, false, "<stdin>")) < 0 ||
      set(ts, d, "stdout", make_stream(ts, 1, true, out_tty, "<stdout>")) < 0 ||
      set(ts, d, "stderr", make_stream(ts, 2, true, err_tty, "<stderr>")) < 0)
    return -1;
  Object* dd = d;
  if (dict_set_item_str(ts, dd, "__stdin__", dict_get_item_str_borrowed(ts, dd, "stdin")) < 0 ||
      dict_set_item_str(ts, dd, "__stdout__", dict_get_item_str_borrowed(ts, dd, "stdout")) < 0 ||
      dict_set_item_str(ts, dd, "__stderr__", dict_get_item_str_borrowed(ts, dd, "stderr")) < 0)
    return -1;
  if (add_sys_info(ts, m) < 0) return -1;
  if (set(ts, d, "version", str_from_cstr(ts, "3.11.7 (Spindle 0.1.0)")) < 0) return -1;
  if (set(ts, d, "hexversion", int_from_i64(ts, 0x030B07F0)) < 0) return -1;
  if (set(ts, d, "platform", str_from_cstr(ts, "linux")) < 0) return -1;
  if (set(ts, d, "byteorder", str_from_cstr(ts, "little")) < 0) return -1;
  if (set(ts, d, "copyright", str_from_cstr(ts, kCopyrightText)) < 0) return -1;
  if (set(ts, d, "maxsize", int_from_i64(ts, INT64_MAX)) < 0) return -1;
  if (set(ts, d, "maxunicode", int_from_i64(ts, 0x10FFFF)) < 0) return -1;
  char exe[4096];
  ssize_t exe_len = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (set(ts, d, "executable", str_from_utf8(ts, exe, exe_len > 0 ? static_cast<size_t>(exe_len) : 0)) < 0) return -1;
  if (set(ts, d, "argv", list_new(ts, 0)) < 0) return -1;
  if (set(ts, d, "path", list_new(ts, 0)) < 0) return -1;
  if (set(ts, d, "builtin_module_names", builtin_module_names(ts)) < 0) return -1;
  Object* impl_name = str_from_cstr(ts, "spindle");
  if (set(ts, d, "implementation_name", impl_name) < 0) return -1;
  // Hooks keep their original values under __name__ too.
  for (const char* hook : {"displayhook", "excepthook"}) {
    Object* h = dict_get_item_str_borrowed(ts, d, hook);
    std::string orig = std::string("__") + hook + "__";
    if (h && dict_set_item_str(ts, d, orig.c_str(), h) < 0) return -1;
  }
  return 0;
}

// The directory of Spindle's pure-Python library: <dir of the binary>/../lib
// when it exists (an installed or relocated build), else the source tree's.
std::string spindle_lib_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    std::string dir = exe.substr(0, exe.rfind('/')) + "/../lib";
    struct stat st;
    char real[4096];
    if (::stat((dir + "/pyperf").c_str(), &st) == 0 && S_ISDIR(st.st_mode) && ::realpath(dir.c_str(), real)) return real;
  }
  struct stat st;
  if (::stat(SPINDLE_LIB_DIR, &st) == 0 && S_ISDIR(st.st_mode)) return SPINDLE_LIB_DIR;
  return {};
}

int configure_sys(ThreadState* ts, const CommandLine& cl) {
  Object* d = module_dict_borrowed(ts->interp->sys);
  Ref argv = Ref::steal(list_new(ts, 0));
  if (!argv) return -1;
  for (const auto& a : cl.argv) {
    Ref s = Ref::steal(str_from(ts, a));
    if (!s || list_append(ts, argv.get(), s.get()) < 0) return -1;
  }
  if (dict_set_item_str(ts, d, "argv", argv.get()) < 0) return -1;
  Ref path = Ref::steal(list_new(ts, 0));
  if (!path) return -1;
  Ref p0 = Ref::steal(str_from(ts, cl.path0));
  if (!p0 || list_append(ts, path.get(), p0.get()) < 0) return -1;
  if (const char* extra = std::getenv("SPINDLEPATH")) {
    std::string s(extra);
    size_t start = 0;
    while (start <= s.size()) {
      size_t colon = s.find(':', start);
      std::string piece = s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!piece.empty()) {
        Ref e = Ref::steal(str_from(ts, piece));
        if (!e || list_append(ts, path.get(), e.get()) < 0) return -1;
      }
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  if (std::string lib = spindle_lib_dir(); !lib.empty()) {
    Ref e = Ref::steal(str_from(ts, lib));
    if (!e || list_append(ts, path.get(), e.get()) < 0) return -1;
  }
  if (dict_set_item_str(ts, d, "path", path.get()) < 0) return -1;
  if (cl.unbuffered) {
    for (const char* n : {"stdout", "stderr"}) {
      Object* s = dict_get_item_str_borrowed(ts, d, n);
      if (s && s->ob_type == &text_stream_type) S(s)->line_buffered = true;
    }
  }
  return 0;
}

void flush_std_streams(ThreadState* ts) {
  if (!ts->interp->sys) return;
  Object* saved = runtime::fetch_exception(ts);
  for (Object* name : {ts->id->stdout, ts->id->stderr}) {
    Ref s = Ref::steal(lookup_attr(ts, ts->interp->sys, name));
    if (s && !is_none(s.get())) {
      Ref r = Ref::steal(call_method(ts, s.get(), ts->id->flush, nullptr, 0));
    }
    runtime::clear_exception(ts);
  }
  runtime::restore_exception(ts, saved);
}

void write_stderr(ThreadState* ts, const std::string& text) {
  Ref err = Ref::steal(ts->interp->sys ? lookup_attr(ts, ts->interp->sys, ts->id->stderr) : nullptr);
  runtime::clear_exception(ts);
  if (err && !is_none(err.get())) {
    Ref s = Ref::steal(str_from(ts, text));
    Object* a = s.get();
    Ref r = Ref::steal(s ? call_method(ts, err.get(), ts->id->write, &a, 1) : nullptr);
    Ref f = Ref::steal(call_method(ts, err.get(), ts->id->flush, nullptr, 0));
    if (r) {
      runtime::clear_exception(ts);
      return;
    }
    runtime::clear_exception(ts);
  }
  ssize_t w = ::write(2, text.data(), text.size());
  (void)w;
}

}  // namespace spindle::modules

namespace spindle::objects {
void init_text_stream_type(Type& t) {
  t.name = "_io.TextIOWrapper";
  t.base = &text_iobase_type;
  t.basicsize = sizeof(modules::TextStream);
  t.dealloc = modules::stream_dealloc;
  t.repr = modules::stream_repr;
  t.iter = modules::self_iter;
  t.iternext = modules::stream_iternext;
  t.methods = modules::stream_methods;
  t.getsets = modules::stream_getsets;
}
}  // namespace spindle::objects
