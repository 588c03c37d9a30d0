// The atexit module: functions registered to run when the interpreter
// finishes (runtime_finish), last registered first.
//
// The callbacks live on the interpreter (Interpreter::atexit_callbacks, a list
// of (func, args, kwargs) tuples) so they outlive the module object. An
// exception in a callback is reported through sys.unraisablehook as
// "Exception ignored in atexit callback: <func>" and the others still run.
#include "modules/modules.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

namespace {

Object* callbacks(ThreadState* ts) {
  Object*& l = ts->interp->atexit_callbacks;
  if (!l) l = list_new(ts, 0);
  return l;
}

Object* ae_register(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs == 0) {
    return runtime::raise(ts, &exc::TypeError, "register() takes at least 1 argument (0 given)");
  }
  if (!is_callable(args[0])) return runtime::raise(ts, &exc::TypeError, "the first argument must be callable");
  Ref pos = Ref::steal(tuple_from_array(ts, args + 1, nargs - 1));
  if (!pos) return nullptr;
  Ref kw = Ref::steal(new_ref(py_none()));
  size_t nk = kwnames_count(kwnames);
  if (nk) {
    kw = Ref::steal(dict_new(ts));
    if (!kw) return nullptr;
    for (size_t i = 0; i < nk; ++i)
      if (dict_set_item(ts, kw.get(), tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
  }
  Object* l = callbacks(ts);
  if (!l) return nullptr;
  Ref entry = Ref::steal(tuple_pack(ts, {args[0], pos.get(), kw.get()}));
  if (!entry || list_append(ts, l, entry.get()) < 0) return nullptr;
  return new_ref(args[0]);
}

// Unregistered entries become None (CPython keeps their slots: _ncallbacks
// does not shrink until the callbacks run or are cleared).
Object* ae_unregister(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Object* l = ts->interp->atexit_callbacks;
  for (int64_t i = 0; l && i < list_size(l); ++i) {
    Ref entry = Ref::steal(new_ref(list_items(l)[i]));
    if (is_none(entry.get())) continue;
    int eq = rich_compare_bool(ts, tuple_items(entry.get())[0], args[0], CompareOp::Eq);
    if (eq < 0) return nullptr;
    if (eq && i < list_size(l) && list_items(l)[i] == entry.get()) {
      list_items(l)[i] = new_ref(py_none());
      decref(entry.get());
    }
  }
  return py_none();
}

Object* ae_run(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  run_atexit_callbacks(ts);
  if (runtime::has_exception(ts)) return nullptr;
  return py_none();
}

Object* ae_clear(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  Object* old = ts->interp->atexit_callbacks;
  ts->interp->atexit_callbacks = nullptr;
  xdecref(old);
  return py_none();
}

Object* ae_ncallbacks(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  Object* l = ts->interp->atexit_callbacks;
  return int_from_i64(ts, l ? list_size(l) : 0);
}

const MethodDef atexit_functions[] = {
    {"register", ae_register, kMethKeywords},
    {"unregister", ae_unregister, kMethO},
    {"_run_exitfuncs", ae_run, kMethNoArgs},
    {"_clear", ae_clear, kMethNoArgs},
    {"_ncallbacks", ae_ncallbacks, kMethNoArgs},
    {},
};

}  // namespace

void run_atexit_callbacks(ThreadState* ts) {
  Object* saved = runtime::fetch_exception(ts);
  // Callbacks registered while these run wait for the next round.
  Object* l = ts->interp->atexit_callbacks;
  ts->interp->atexit_callbacks = nullptr;
  if (l) {
    for (int64_t i = list_size(l); --i >= 0;) {
      if (i >= list_size(l)) continue;
      Ref entry = Ref::steal(new_ref(list_items(l)[i]));
      if (is_none(entry.get())) continue;
      Object** e = tuple_items(entry.get());
      Ref r = Ref::steal(call_tuple_dict(ts, e[0], e[1], is_none(e[2]) ? nullptr : e[2]));
      if (!r) report_unraisable(ts, "Exception ignored in atexit callback", e[0]);
    }
    decref(l);
  }
  runtime::restore_exception(ts, saved);
}

Object* init_atexit_module(ThreadState* ts) {
  return new_native_module(ts, "atexit", atexit_functions,
                           "allow programmer to define multiple exit functions to be executed\n"
                           "upon normal program termination.\n\n"
                           "Two public functions, register and unregister, are defined.\n");
}

}  // namespace spindle::modules
