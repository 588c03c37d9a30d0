// The iterator types exposed as builtins: enumerate, zip, map, filter,
// reversed.
#include <vector>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type enumerate_type;
Type zip_type;
Type map_type;
Type filter_type;
Type reversed_type;

namespace {

struct Multi : Object {
  Object* func = nullptr;   // map/filter function
  Object* iters = nullptr;  // tuple of iterators (or one iterator in slot 0)
  Object* count = nullptr;  // enumerate: next index (int)
  int64_t index = 0;        // reversed: next index
  bool strict = false;      // zip(strict=True)
  Object* result = nullptr; // enumerate/zip: the last result (tuple_reuse_or_new)
};

Multi* M(Object* o) { return static_cast<Multi*>(o); }

void multi_dealloc(Object* o) {
  xdecref(M(o)->func);
  xdecref(M(o)->iters);
  xdecref(M(o)->count);
  xdecref(M(o)->result);
  if (has_flag(o->ob_type, kTypeHeap)) object_default_dealloc(o);
  else free_object(o);
}
int multi_traverse(Object* o, VisitFn visit, void* arg) {
  for (Object* c : {M(o)->func, M(o)->iters, M(o)->count, M(o)->result})
    if (c && visit(c, arg)) return 1;
  return 0;
}
Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

Object* iters_of(ThreadState* ts, Object* const* args, size_t n) {
  Ref t = Ref::steal(tuple_new(ts, n));
  if (!t) return nullptr;
  for (size_t i = 0; i < n; ++i) {
    Object* it = get_iter(ts, args[i]);
    if (!it) return nullptr;
    tuple_items(t.get())[i] = it;
  }
  return t.release();
}

// enumerate(iterable, start=0)
Object* enumerate_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOrKeyword, kRequired},
                                      {"start", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("enumerate", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref start = Ref::steal(av.has(1) ? number_index(ts, av[1]) : int_from_i64(ts, 0));
  if (!start) return nullptr;
  Object* a0 = av[0];
  Ref iters = Ref::steal(iters_of(ts, &a0, 1));
  if (!iters) return nullptr;
  auto* e = static_cast<Multi*>(type_generic_alloc(ts, type, 0));
  if (!e) return nullptr;
  e->iters = iters.release();
  e->count = start.release();
  return e;
}
Object* enumerate_next(ThreadState* ts, Object* o) {
  Object* v = iter_next(ts, tuple_items(M(o)->iters)[0]);
  if (!v) return nullptr;
  Ref vr = Ref::steal(v);
  Object* idx = M(o)->count;
  Object* next;
  if (is_int_exact(idx) && int_is_small(idx) && int_small_value(idx) < INT64_MAX) {
    next = int_from_i64(ts, int_small_value(idx) + 1);
  } else {
    Ref one = Ref::steal(int_from_i64(ts, 1));
    next = number_add(ts, idx, one.get());
  }
  if (!next) return nullptr;
  M(o)->count = next;
  Object* items[2] = {idx, vr.release()};  // the count's reference moves into the result
  return tuple_reuse_or_new(ts, M(o)->result, items, 2);
}

// zip(*iterables, strict=False)
Object* zip_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames_count(kwnames);
  bool strict = false;
  for (size_t i = 0; i < nkw; ++i) {
    if (!str_equal_cstr(tuple_items(kwnames)[i], "strict")) {
      return runtime::raise_format(ts, &exc::TypeError, "zip() got an unexpected keyword argument '%s'",
                                   std::string(str_view(ts, tuple_items(kwnames)[i])).c_str());
    }
    int t = is_true(ts, args[nargs + i]);
    if (t < 0) return nullptr;
    strict = t;
  }
  Ref iters = Ref::steal(iters_of(ts, args, nargs));
  if (!iters) return nullptr;
  auto* z = static_cast<Multi*>(type_generic_alloc(ts, type, 0));
  if (!z) return nullptr;
  z->iters = iters.release();
  z->strict = strict;
  return z;
}
Object* zip_next(ThreadState* ts, Object* o) {
  Object* iters = M(o)->iters;
  int64_t n = tuple_size(iters);
  if (n == 0) return nullptr;
  Object* few[8];
  std::vector<Object*> many;
  Object** vals = few;
  if (n > 8) {
    many.resize(static_cast<size_t>(n));
    vals = many.data();
  }
  for (int64_t i = 0; i < n; ++i) {
    Object* v = iter_next(ts, tuple_items(iters)[i]);
    if (!v) {
      for (int64_t k = 0; k < i; ++k) decref(vals[k]);
      if (runtime::has_exception(ts)) return nullptr;
      if (M(o)->strict) {
        if (i > 0) {
          return runtime::raise_format(ts, &exc::ValueError, "zip() argument %lld is shorter than argument%s%lld",
                                       static_cast<long long>(i + 1), i == 1 ? " " : "s 1-", static_cast<long long>(i));
        }
        for (int64_t j = 1; j < n; ++j) {
          Object* w = iter_next(ts, tuple_items(iters)[j]);
          if (w) {
            decref(w);
            return runtime::raise_format(ts, &exc::ValueError, "zip() argument %lld is longer than argument%s%lld",
                                         static_cast<long long>(j + 1), j == 1 ? " " : "s 1-", static_cast<long long>(j));
          }
          if (runtime::has_exception(ts)) return nullptr;
        }
      }
      return nullptr;
    }
    vals[i] = v;
  }
  return tuple_reuse_or_new(ts, M(o)->result, vals, n);
}

// map(func, *iterables)
Object* map_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "map", kwnames) < 0) return nullptr;
  if (nargs < 2) return runtime::raise(ts, &exc::TypeError, "map() must have at least two arguments.");
  Ref iters = Ref::steal(iters_of(ts, args + 1, nargs - 1));
  if (!iters) return nullptr;
  auto* m = static_cast<Multi*>(type_generic_alloc(ts, type, 0));
  if (!m) return nullptr;
  m->func = new_ref(args[0]);
  m->iters = iters.release();
  return m;
}
Object* map_next(ThreadState* ts, Object* o) {
  Object* iters = M(o)->iters;
  int64_t n = tuple_size(iters);
  std::vector<Object*> vals;
  for (int64_t i = 0; i < n; ++i) {
    Object* v = iter_next(ts, tuple_items(iters)[i]);
    if (!v) {
      for (Object* x : vals) decref(x);
      return nullptr;
    }
    vals.push_back(v);
  }
  Object* r = call(ts, M(o)->func, vals.data(), vals.size());
  for (Object* x : vals) decref(x);
  return r;
}

// filter(function or None, iterable)
Object* filter_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "filter", nargs, kwnames, 2, 2) < 0) return nullptr;
  Ref iters = Ref::steal(iters_of(ts, args + 1, 1));
  if (!iters) return nullptr;
  auto* f = static_cast<Multi*>(type_generic_alloc(ts, type, 0));
  if (!f) return nullptr;
  f->func = new_ref(args[0]);
  f->iters = iters.release();
  return f;
}
Object* filter_next(ThreadState* ts, Object* o) {
  for (;;) {
    Object* v = iter_next(ts, tuple_items(M(o)->iters)[0]);
    if (!v) return nullptr;
    int ok;
    if (is_none(M(o)->func) || M(o)->func == &bool_type) {
      ok = is_true(ts, v);
    } else {
      Ref r = Ref::steal(call(ts, M(o)->func, &v, 1));
      ok = r ? is_true(ts, r.get()) : -1;
    }
    if (ok > 0) return v;
    decref(v);
    if (ok < 0) return nullptr;
  }
}

// reversed(sequence)
Object* reversed_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "reversed", nargs, kwnames, 1, 1) < 0) return nullptr;
  Object* seq = args[0];
  Ref rev = Ref::steal(lookup_special(ts, seq, ts->id->dunder_reversed));
  if (rev) {
    if (is_none(rev.get())) return runtime::raise_format(ts, &exc::TypeError, "'%s' object is not reversible", type_name(seq->ob_type));
    return call(ts, rev.get(), nullptr, 0);
  }
  if (runtime::has_exception(ts)) return nullptr;
  if (!seq->ob_type->mp_subscript || !seq->ob_type->mp_length || has_flag(seq->ob_type, kTypeMapping)) {
    return runtime::raise_format(ts, &exc::TypeError, "'%s' object is not reversible", type_name(seq->ob_type));
  }
  int64_t n = length(ts, seq);
  if (n < 0) return nullptr;
  auto* r = static_cast<Multi*>(type_generic_alloc(ts, type, 0));
  if (!r) return nullptr;
  r->iters = tuple_pack(ts, {seq});
  r->index = n - 1;
  return r;
}
Object* reversed_next(ThreadState* ts, Object* o) {
  Multi* r = M(o);
  if (r->index < 0 || !r->iters) return nullptr;
  Ref i = Ref::steal(int_from_i64(ts, r->index--));
  Object* v = get_item(ts, tuple_items(r->iters)[0], i.get());
  if (!v && (runtime::exception_matches(ts, &exc::IndexError) || runtime::exception_matches(ts, &exc::StopIteration))) {
    runtime::clear_exception(ts);
    r->index = -1;
  }
  return v;
}

// index + 1 while the sequence's current len() still covers it, else 0.
int64_t reversed_remaining(ThreadState* ts, Object* o) {
  Multi* r = M(o);
  if (r->index < 0 || !r->iters) return 0;
  int64_t n = length(ts, tuple_items(r->iters)[0]);
  if (n < 0) return -1;
  return n > r->index ? r->index + 1 : 0;
}
const MethodDef reversed_methods[] = {SPINDLE_LENGTH_HINT(reversed_remaining), {}};

void init_common(Type& t, const char* name, NewFn n, UnaryFn next) {
  t.name = name;
  t.basicsize = sizeof(Multi);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = multi_dealloc;
  t.traverse = multi_traverse;
  t.iter = self_iter;
  t.iternext = next;
  t.new_ = n;
}

}  // namespace

void init_enumerate_type(Type& t) { init_common(t, "enumerate", enumerate_new, enumerate_next); }
void init_zip_type(Type& t) { init_common(t, "zip", zip_new, zip_next); }
void init_map_type(Type& t) { init_common(t, "map", map_new, map_next); }
void init_filter_type(Type& t) { init_common(t, "filter", filter_new, filter_next); }
void init_reversed_type(Type& t) {
  init_common(t, "reversed", reversed_new, reversed_next);
  t.methods = reversed_methods;
}

}  // namespace spindle::objects
