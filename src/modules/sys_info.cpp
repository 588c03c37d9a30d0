// The descriptive parts of sys: float_info, int_info, hash_info, flags,
// version_info, implementation (struct sequences and a namespace), and
// sys.unraisablehook with the runtime's unraisable-exception reporting.
#include <cfloat>
#include <climits>
#include <string>

#include "modules/modules.h"
#include "modules/registry.h"
#include "modules/structseq.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

Type float_info_type, int_info_type, hash_info_type, flags_type, version_info_type, unraisable_args_type;

namespace {

constexpr const char* kFloatInfo[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                      "dig", "mant_dig", "epsilon", "radix", "rounds"};
constexpr const char* kIntInfo[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                    "str_digits_check_threshold"};
constexpr const char* kHashInfo[] = {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"};
constexpr const char* kFlags[] = {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                  "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
                                  "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
                                  "warn_default_encoding", "safe_path", "int_max_str_digits"};
constexpr const char* kVersionInfo[] = {"major", "minor", "micro", "releaselevel", "serial"};
constexpr const char* kUnraisable[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};

template <size_t N>
constexpr size_t count(const char* const (&)[N]) {
  return N;
}

Object* I(ThreadState* ts, int64_t v) { return int_from_i64(ts, v); }
Object* F(ThreadState* ts, double v) { return float_from_double(ts, v); }
Object* S(ThreadState* ts, const char* v) { return str_from_cstr(ts, v); }

int set(ThreadState* ts, Object* d, const char* name, Object* steal_value) {
  if (!steal_value) return -1;
  int r = dict_set_item_str(ts, d, name, steal_value);
  decref(steal_value);
  return r;
}

Object* make_version_info(ThreadState* ts) {
  Object* items[] = {I(ts, 3), I(ts, 11), I(ts, 7), S(ts, "final"), I(ts, 0)};
  return structseq_new(ts, &version_info_type, items);
}

// The text the default hook writes: "<err_msg>: <repr(obj)>" and the traceback.
std::string unraisable_text(ThreadState* ts, Object* exc, Object* err_msg, Object* obj) {
  std::string head;
  if (err_msg && !is_none(err_msg)) {
    Ref s = Ref::steal(str(ts, err_msg));
    head = s ? std::string(str_view(ts, s.get())) : "Exception ignored in";
  } else {
    head = "Exception ignored in";
  }
  if (obj && !is_none(obj)) {
    Ref r = Ref::steal(repr(ts, obj));
    if (r) {
      head += ": ";
      head += str_view(ts, r.get());
    } else {
      runtime::clear_exception(ts);
      head += ": <object repr() failed>";
    }
  }
  head += "\n";
  runtime::clear_exception(ts);
  if (exc && is_exception_instance(exc)) head += format_exception(ts, exc);
  runtime::clear_exception(ts);
  return head;
}

Object* sys_unraisablehook(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Object* a = args[0];
  if (a->ob_type != &unraisable_args_type) {
    return runtime::raise(ts, &exc::TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
  }
  Object** it = tuple_items(a);
  flush_std_streams(ts);
  write_stderr(ts, unraisable_text(ts, it[1], it[3], it[4]));
  return py_none();
}

Object* sys_getdefaultencoding(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return S(ts, "utf-8"); }

const MethodDef info_functions[] = {
    {"unraisablehook", sys_unraisablehook, kMethO},
    {"getdefaultencoding", sys_getdefaultencoding, kMethNoArgs},
    {"getfilesystemencoding", sys_getdefaultencoding, kMethNoArgs},
    {},
};

}  // namespace

void init_float_info_type(Type& t) { init_structseq_type(t, "sys.float_info", kFloatInfo, count(kFloatInfo), count(kFloatInfo)); }
void init_int_info_type(Type& t) { init_structseq_type(t, "sys.int_info", kIntInfo, count(kIntInfo), count(kIntInfo)); }
void init_hash_info_type(Type& t) { init_structseq_type(t, "sys.hash_info", kHashInfo, count(kHashInfo), count(kHashInfo)); }
void init_flags_type(Type& t) { init_structseq_type(t, "sys.flags", kFlags, count(kFlags), count(kFlags)); }
void init_version_info_type(Type& t) {
  init_structseq_type(t, "sys.version_info", kVersionInfo, count(kVersionInfo), count(kVersionInfo));
}
void init_unraisable_args_type(Type& t) {
  init_structseq_type(t, "UnraisableHookArgs", kUnraisable, count(kUnraisable), count(kUnraisable));
}

int add_sys_info(ThreadState* ts, Object* sys) {
  Object* d = module_dict_borrowed(sys);
  if (module_add_functions(ts, sys, info_functions) < 0) return -1;
  if (dict_set_item_str(ts, d, "__unraisablehook__", dict_get_item_str_borrowed(ts, d, "unraisablehook")) < 0) return -1;
  Object* fi[] = {F(ts, DBL_MAX), I(ts, DBL_MAX_EXP), I(ts, DBL_MAX_10_EXP), F(ts, DBL_MIN), I(ts, DBL_MIN_EXP),
                  I(ts, DBL_MIN_10_EXP), I(ts, DBL_DIG), I(ts, DBL_MANT_DIG), F(ts, DBL_EPSILON), I(ts, FLT_RADIX),
                  I(ts, 1)};
  if (set(ts, d, "float_info", structseq_new(ts, &float_info_type, fi)) < 0) return -1;
  Object* ii[] = {I(ts, 30), I(ts, 4), I(ts, 4300), I(ts, 640)};
  if (set(ts, d, "int_info", structseq_new(ts, &int_info_type, ii)) < 0) return -1;
  Object* hi[] = {I(ts, 64), I(ts, (int64_t{1} << 61) - 1), I(ts, 314159), I(ts, 0), I(ts, 1000003),
                  S(ts, "siphash13"), I(ts, 64), I(ts, 128), I(ts, 0)};
  if (set(ts, d, "hash_info", structseq_new(ts, &hash_info_type, hi)) < 0) return -1;
  Object* fl[count(kFlags)];
  for (size_t i = 0; i < count(kFlags); ++i) fl[i] = I(ts, 0);
  auto replace = [&](size_t i, Object* v) {
    xdecref(fl[i]);
    fl[i] = v;
  };
  replace(11, I(ts, 1));                // hash_randomization
  replace(13, new_ref(py_false()));     // dev_mode
  replace(16, new_ref(py_false()));     // safe_path
  replace(17, I(ts, -1));               // int_max_str_digits
  if (set(ts, d, "flags", structseq_new(ts, &flags_type, fl)) < 0) return -1;
  if (set(ts, d, "version_info", make_version_info(ts)) < 0) return -1;
  Ref impl = Ref::steal(dict_new(ts));
  if (!impl || set(ts, impl.get(), "name", S(ts, "spindle")) < 0 ||
      dict_set_item_str(ts, impl.get(), "cache_tag", py_none()) < 0 ||
      set(ts, impl.get(), "version", make_version_info(ts)) < 0 ||
      set(ts, impl.get(), "hexversion", I(ts, 0x030B07F0)) < 0 ||
      set(ts, impl.get(), "_multiarch", S(ts, "x86_64-linux-gnu")) < 0)
    return -1;
  if (set(ts, d, "implementation", namespace_new(ts, impl.get())) < 0) return -1;
  if (dict_set_item_str(ts, d, "dont_write_bytecode", py_false()) < 0) return -1;
  if (set(ts, d, "prefix", S(ts, "/usr/local")) < 0 || set(ts, d, "exec_prefix", S(ts, "/usr/local")) < 0 ||
      set(ts, d, "base_prefix", S(ts, "/usr/local")) < 0 || set(ts, d, "base_exec_prefix", S(ts, "/usr/local")) < 0)
    return -1;
  return 0;
}

void report_unraisable(ThreadState* ts, const char* err_msg, Object* obj) {
  Object* exc = runtime::fetch_exception(ts);
  if (!exc) return;
  Ref e = Ref::steal(exc);
  Object* d = ts->interp->sys ? module_dict_borrowed(ts->interp->sys) : nullptr;
  Object* hook = d ? dict_get_item_str_borrowed(ts, d, "unraisablehook") : nullptr;
  Object* orig = d ? dict_get_item_str_borrowed(ts, d, "__unraisablehook__") : nullptr;
  runtime::clear_exception(ts);
  if (hook && hook != orig && !is_none(hook)) {
    Object* tb = exception_get_traceback_borrowed(exc);
    Object* items[] = {new_ref(static_cast<Object*>(exc->ob_type)), new_ref(exc), new_ref(tb ? tb : py_none()),
                       err_msg ? S(ts, err_msg) : new_ref(py_none()), new_ref(obj ? obj : py_none())};
    Ref args = Ref::steal(structseq_new(ts, &unraisable_args_type, items));
    Object* a = args.get();
    Ref r = Ref::steal(args ? call(ts, hook, &a, 1) : nullptr);
    if (r) return;
    // The hook failed: report that failure with the default format.
    Ref hook_exc = Ref::steal(runtime::fetch_exception(ts));
    flush_std_streams(ts);
    Ref msg = Ref::steal(S(ts, "Exception ignored in sys.unraisablehook"));
    write_stderr(ts, unraisable_text(ts, hook_exc.get(), msg.get(), hook));
    return;
  }
  Ref m = Ref::steal(err_msg ? S(ts, err_msg) : nullptr);
  runtime::clear_exception(ts);
  flush_std_streams(ts);
  write_stderr(ts, unraisable_text(ts, exc, m.get(), obj));
}

}  // namespace spindle::modules
