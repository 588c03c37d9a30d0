// The bisect module: binary search and insertion in sorted sequences, with
// lo/hi bounds and key=, comparing only with `<` in CPython's order
// (bisect_right: `x < a[mid]`, bisect_left: `a[mid] < x`).
//
// The functions live in _bisect; bisect re-exports them, and its bisect and
// insort are the same function objects as bisect_right and insort_right, as
// in CPython.
#include <utility>

#include "modules/import.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

namespace {

// a[i] as PySequence_GetItem does it (exact lists directly).
Object* item_at(ThreadState* ts, Object* a, int64_t i) {
  if (a->ob_type == &list_type) {
    if (i < list_size(a)) return new_ref(list_items(a)[i]);
    return runtime::raise(ts, &exc::IndexError, "list index out of range");
  }
  Ref idx = Ref::steal(int_from_i64(ts, i));
  if (!idx) return nullptr;
  return get_item(ts, a, idx.get());
}

// The search proper: the insertion point of x (already a key) in a[lo:hi].
// -1 on error.
int64_t search(ThreadState* ts, Object* a, Object* x, int64_t lo, int64_t hi, Object* key, bool right) {
  while (lo < hi) {
    int64_t mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    Ref item = Ref::steal(item_at(ts, a, mid));
    if (!item) return -1;
    if (key) {
      Object* raw = item.get();
      item = Ref::steal(call(ts, key, &raw, 1));
      if (!item) return -1;
    }
    int lt = right ? rich_compare_bool(ts, x, item.get(), CompareOp::Lt)
                   : rich_compare_bool(ts, item.get(), x, CompareOp::Lt);
    if (lt < 0) return -1;
    if (right == static_cast<bool>(lt)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

struct Bounds {
  int64_t lo = 0;
  int64_t hi = -1;
  Object* key = nullptr;  // borrowed; nullptr for None
};

// Unpacks (a, x, lo=0, hi=None, *, key=None) under the function's name.
bool parse_bounds(ThreadState* ts, const Signature& sig, Object* const* args, size_t nargs, Object* kwnames,
                  ArgValues& av, Bounds& b) {
  if (parse_args(ts, sig, args, nargs, kwnames, av) < 0) return false;
  if (av.has(2)) {
    Ref lo = Ref::steal(number_index(ts, av[2]));
    if (!lo) return false;
    bool overflow = false;
    b.lo = int_as_i64(ts, lo.get(), &overflow);
    if (overflow) {
      runtime::raise(ts, &exc::OverflowError, "Python int too large to convert to C ssize_t");
      return false;
    }
    if (b.lo < 0) {
      runtime::raise(ts, &exc::ValueError, "lo must be non-negative");
      return false;
    }
  }
  if (av.has(3) && !is_none(av[3])) {
    if (!av[3]->ob_type->nb_index) {
      runtime::raise_format(ts, &exc::TypeError, "argument should be integer or None, not '%s'", tp_name(av[3]));
      return false;
    }
    b.hi = as_ssize(ts, av[3], &exc::OverflowError);
    if (b.hi == -1 && runtime::has_exception(ts)) return false;
  }
  // hi == -1 stands for None, as in CPython (so hi=-1 also means len(a)).
  if (b.hi == -1) {
    b.hi = length(ts, av[0]);
    if (b.hi < 0) return false;
  }
  if (av.has(4) && !is_none(av[4])) b.key = av[4];
  return true;
}

// (a, x, lo=0, hi=None, *, key=None), shared by the four functions.
constexpr Param kBisectParams[] = {{"a", ParamKind::PositionalOrKeyword, kRequired},
                                   {"x", ParamKind::PositionalOrKeyword, kRequired},
                                   {"lo", ParamKind::PositionalOrKeyword, kOptional},
                                   {"hi", ParamKind::PositionalOrKeyword, kOptional},
                                   {"key", ParamKind::KeywordOnly, kOptional}};

Object* bisect_impl(ThreadState* ts, const Signature& sig, Object* const* args, size_t nargs, Object* kwnames,
                    bool right) {
  ArgValues av;
  Bounds b;
  if (!parse_bounds(ts, sig, args, nargs, kwnames, av, b)) return nullptr;
  int64_t i = search(ts, av[0], av[1], b.lo, b.hi, b.key, right);
  if (i < 0) return nullptr;
  return int_from_i64(ts, i);
}

Object* insort_impl(ThreadState* ts, const Signature& sig, Object* const* args, size_t nargs, Object* kwnames,
                    bool right) {
  ArgValues av;
  Bounds b;
  if (!parse_bounds(ts, sig, args, nargs, kwnames, av, b)) return nullptr;
  Object* a = av[0];
  Object* x = av[1];
  Ref k = Ref::borrow(x);
  if (b.key) {
    k = Ref::steal(call(ts, b.key, &x, 1));
    if (!k) return nullptr;
  }
  int64_t i = search(ts, a, k.get(), b.lo, b.hi, b.key, right);
  if (i < 0) return nullptr;
  if (a->ob_type == &list_type) {
    if (list_insert(ts, a, i, x) < 0) return nullptr;
    return py_none();
  }
  Ref idx = Ref::steal(int_from_i64(ts, i));
  if (!idx) return nullptr;
  Ref name = Ref::steal(str_intern_cstr(ts, "insert"));
  if (!name) return nullptr;
  Object* call_args[] = {idx.get(), x};
  Ref r = Ref::steal(call_method(ts, a, name.get(), call_args, 2));
  if (!r) return nullptr;
  return py_none();
}

Object* b_bisect_right(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Signature kSig("bisect_right", kBisectParams);
  return bisect_impl(ts, kSig, args, nargs, kwnames, true);
}
Object* b_bisect_left(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Signature kSig("bisect_left", kBisectParams);
  return bisect_impl(ts, kSig, args, nargs, kwnames, false);
}
Object* b_insort_right(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Signature kSig("insort_right", kBisectParams);
  return insort_impl(ts, kSig, args, nargs, kwnames, true);
}
Object* b_insort_left(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Signature kSig("insort_left", kBisectParams);
  return insort_impl(ts, kSig, args, nargs, kwnames, false);
}

const MethodDef bisect_functions[] = {
    {"bisect_right", b_bisect_right, kMethKeywords},
    {"insort_right", b_insort_right, kMethKeywords},
    {"bisect_left", b_bisect_left, kMethKeywords},
    {"insort_left", b_insort_left, kMethKeywords},
    {},
};

}  // namespace

Object* init__bisect_module(ThreadState* ts) {
  return new_native_module(ts, "_bisect", bisect_functions, "Bisection algorithms.");
}

// bisect imports _bisect and re-exports its functions (the same objects, as
// CPython's `from _bisect import *`), plus the aliases bisect and insort.
Object* init_bisect_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "bisect", nullptr, "Bisection algorithms."));
  if (!m) return nullptr;
  Ref impl = Ref::steal(import_module(ts, "_bisect"));
  if (!impl) return nullptr;
  for (auto [name, source] : {std::pair{"bisect_right", "bisect_right"}, std::pair{"insort_right", "insort_right"},
                              std::pair{"bisect_left", "bisect_left"}, std::pair{"insort_left", "insort_left"},
                              std::pair{"bisect", "bisect_right"}, std::pair{"insort", "insort_right"}}) {
    if (add_object(ts, m.get(), name, get_attr_str(ts, impl.get(), source)) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
