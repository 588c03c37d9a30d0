// The gc module: the Python face of the cycle collector (runtime/gc.h).
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

namespace spindle::modules {

using namespace objects;
using runtime::GcState;

namespace {

GcState& state(ThreadState* ts) { return ts->interp->gc; }

// collect(generation=2)
Object* gc_collect_fn(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"generation", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("collect", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t gen = runtime::kGcGenerations - 1;
  if (av.has(0)) {
    gen = int_as_i64(ts, av[0], nullptr);
    if (gen == -1 && runtime::has_exception(ts)) return nullptr;
    if (gen < 0 || gen >= runtime::kGcGenerations) return runtime::raise(ts, &exc::ValueError, "invalid generation");
  }
  int64_t n = runtime::gc_collect(ts, static_cast<int>(gen));
  return int_from_i64(ts, n < 0 ? 0 : n);
}

Object* gc_enable(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  state(ts).enabled = true;
  return py_none();
}
Object* gc_disable(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  state(ts).enabled = false;
  return py_none();
}
Object* gc_isenabled(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return py_bool(state(ts).enabled); }

Object* int_triple(ThreadState* ts, const int64_t* v) {
  Ref a = Ref::steal(int_from_i64(ts, v[0])), b = Ref::steal(int_from_i64(ts, v[1])),
      c = Ref::steal(int_from_i64(ts, v[2]));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

Object* gc_get_count(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return int_triple(ts, state(ts).count); }

Object* gc_get_threshold(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  const int* t = state(ts).threshold;
  int64_t v[3] = {t[0], t[1], t[2]};
  return int_triple(ts, v);
}

// set_threshold(threshold0, [threshold1, [threshold2]])
Object* gc_set_threshold(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return runtime::raise(ts, &exc::TypeError, "set_threshold() takes no keyword arguments");
  if (nargs < 1 || nargs > 3) {
    return runtime::raise_format(ts, &exc::TypeError, "set_threshold() takes at least 1 argument (%zu given)", nargs);
  }
  int values[3];
  for (size_t i = 0; i < nargs; ++i) {
    if (!is_int(args[i])) {
      return runtime::raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                                   type_name(args[i]->ob_type));
    }
    int64_t v = int_as_i64(ts, args[i], nullptr);
    if (runtime::has_exception(ts)) return nullptr;
    values[i] = static_cast<int>(v);
  }
  for (size_t i = 0; i < nargs; ++i) state(ts).threshold[i] = values[i];
  return py_none();
}

Object* gc_get_objects(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"generation", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("get_objects", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t gen = -1;
  if (av.has(0) && !is_none(av[0])) {
    gen = int_as_i64(ts, av[0], nullptr);
    if (gen == -1 && runtime::has_exception(ts)) return nullptr;
    if (gen >= runtime::kGcGenerations) {
      return runtime::raise_format(ts, &exc::ValueError, "generation parameter must be less than the number of available generations (%i)",
                                   runtime::kGcGenerations);
    }
    if (gen < -1) return runtime::raise(ts, &exc::ValueError, "generation parameter cannot be negative");
  }
  return runtime::gc_get_objects(ts, static_cast<int>(gen));
}

Object* gc_is_tracked(ThreadState*, Object*, Object* const* args, size_t, Object*) {
  return py_bool(runtime::gc_is_tracked(args[0]));
}

Object* gc_is_finalized(ThreadState*, Object*, Object* const* args, size_t, Object*) {
  return py_bool((args[0]->ob_gc_bits & runtime::kGcFinalized) != 0);
}

int append_referent(Object* x, void* arg) {
  auto* ctx = static_cast<std::pair<ThreadState*, Object*>*>(arg);
  return list_append(ctx->first, ctx->second, x) < 0 ? -1 : 0;
}

// get_referents(*objs): what each object's traverse visits.
Object* gc_get_referents(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  std::pair<ThreadState*, Object*> ctx{ts, out.get()};
  for (size_t i = 0; i < nargs; ++i) {
    TraverseFn t = args[i]->ob_type->traverse;
    if (t && runtime::gc_is_tracked(args[i]) && t(args[i], append_referent, &ctx) < 0) return nullptr;
  }
  return out.release();
}

struct ReferrerSearch {
  Object* const* targets;
  size_t n;
  bool found;
};

int find_target(Object* x, void* arg) {
  auto* s = static_cast<ReferrerSearch*>(arg);
  for (size_t i = 0; i < s->n; ++i) {
    if (x == s->targets[i]) {
      s->found = true;
      return 1;
    }
  }
  return 0;
}

// get_referrers(*objs): the tracked objects whose traverse visits one of them.
Object* gc_get_referrers(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  Ref all = Ref::steal(runtime::gc_get_objects(ts, -1));
  if (!all) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  for (int64_t i = 0; i < list_size(all.get()); ++i) {
    Object* o = list_items(all.get())[i];
    if (o == out.get() || !o->ob_type->traverse) continue;
    ReferrerSearch s{args, nargs, false};
    o->ob_type->traverse(o, find_target, &s);
    if (s.found && list_append(ts, out.get(), o) < 0) return nullptr;
  }
  return out.release();
}

Object* gc_freeze_fn(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  runtime::gc_freeze(ts, true);
  return py_none();
}
Object* gc_unfreeze_fn(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  runtime::gc_freeze(ts, false);
  return py_none();
}
Object* gc_get_freeze_count(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return int_from_i64(ts, runtime::gc_freeze_count(ts));
}

Object* gc_get_stats(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  GcState& g = state(ts);
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  for (int i = 0; i < runtime::kGcGenerations; ++i) {
    Ref d = Ref::steal(dict_new(ts));
    if (!d) return nullptr;
    const std::pair<const char*, int64_t> fields[] = {
        {"collections", g.collections[i]}, {"collected", g.collected[i]}, {"uncollectable", g.uncollectable[i]}};
    for (auto& [k, v] : fields) {
      Ref n = Ref::steal(int_from_i64(ts, v));
      if (!n || dict_set_item_str(ts, d.get(), k, n.get()) < 0) return nullptr;
    }
    if (list_append(ts, out.get(), d.get()) < 0) return nullptr;
  }
  return out.release();
}

Object* gc_set_debug(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  int64_t v = int_as_i64(ts, args[0], nullptr);
  if (v == -1 && runtime::has_exception(ts)) return nullptr;
  state(ts).debug = static_cast<int>(v);
  return py_none();
}
Object* gc_get_debug(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return int_from_i64(ts, state(ts).debug); }

const MethodDef gc_functions[] = {
    {"collect", gc_collect_fn, kMethKeywords},
    {"enable", gc_enable, kMethNoArgs},
    {"disable", gc_disable, kMethNoArgs},
    {"isenabled", gc_isenabled, kMethNoArgs},
    {"get_count", gc_get_count, kMethNoArgs},
    {"get_threshold", gc_get_threshold, kMethNoArgs},
    {"set_threshold", gc_set_threshold, kMethKeywords},
    {"get_objects", gc_get_objects, kMethKeywords},
    {"is_tracked", gc_is_tracked, kMethO},
    {"is_finalized", gc_is_finalized, kMethO},
    {"get_referents", gc_get_referents, kMethFast},
    {"get_referrers", gc_get_referrers, kMethFast},
    {"freeze", gc_freeze_fn, kMethNoArgs},
    {"unfreeze", gc_unfreeze_fn, kMethNoArgs},
    {"get_freeze_count", gc_get_freeze_count, kMethNoArgs},
    {"get_stats", gc_get_stats, kMethNoArgs},
    {"set_debug", gc_set_debug, kMethO},
    {"get_debug", gc_get_debug, kMethNoArgs},
    {},
};

}  // namespace

Object* init_gc_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "gc", gc_functions, "This module provides access to the garbage collector for reference cycles."));
  if (!m) return nullptr;
  GcState& g = state(ts);
  if (!g.garbage && !(g.garbage = list_new(ts, 0))) return nullptr;
  if (!g.callbacks && !(g.callbacks = list_new(ts, 0))) return nullptr;
  if (add_object(ts, m.get(), "garbage", new_ref(g.garbage)) < 0 ||
      add_object(ts, m.get(), "callbacks", new_ref(g.callbacks)) < 0) {
    return nullptr;
  }
  const std::pair<const char*, int64_t> flags[] = {{"DEBUG_STATS", 1},      {"DEBUG_COLLECTABLE", 2},
                                                   {"DEBUG_UNCOLLECTABLE", 4}, {"DEBUG_SAVEALL", 32},
                                                   {"DEBUG_LEAK", 38}};
  for (auto& [k, v] : flags)
    if (add_int(ts, m.get(), k, v) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
