// The itertools module: the infinite iterators (count, cycle, repeat) and the
// iterators that filter or combine one or more inputs (accumulate, chain,
// compress, dropwhile, filterfalse, islice, pairwise, starmap, takewhile,
// zip_longest). Combinatoric iterators live in itertools_combinatoric.cpp,
// groupby and tee in itertools_shared.cpp.
//
// Invariants: every iterator owns its inputs; once an input is exhausted the
// iterator drops it (like CPython) so it stays exhausted even if the input
// would produce more later. Every type here is subclassable, so objects are
// created through the type passed to new_ (new_instance).
#include "modules/iter_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/complex.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {
// types.GenericAlias for chain[int] (genericalias.cpp).
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);
}  // namespace spindle::objects

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type itertools_count_type;
Type itertools_cycle_type;
Type itertools_repeat_type;
Type itertools_accumulate_type;
Type itertools_chain_type;
Type itertools_compress_type;
Type itertools_dropwhile_type;
Type itertools_takewhile_type;
Type itertools_filterfalse_type;
Type itertools_islice_type;
Type itertools_pairwise_type;
Type itertools_starmap_type;
Type itertools_zip_longest_type;

Object* itertools_tee(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames);

namespace {

// The iterators of this file share one layout; the comment of each type says
// what its fields mean.
struct Iter : Object {
  Object* it = nullptr;     // the input iterator (nullptr once exhausted)
  Object* func = nullptr;   // predicate / function / second input
  Object* value = nullptr;  // running state (a count, a total, a saved list, ...)
  Object* extra = nullptr;  // a second piece of state (a step, an initial value, a fill value)
  int64_t n1 = 0;
  int64_t n2 = 0;
  int64_t n3 = 0;
  int64_t n4 = 0;
};

Iter* I(Object* o) { return static_cast<Iter*>(o); }

void iter_dealloc(Object* o) { release_and_free(o, {I(o)->it, I(o)->func, I(o)->value, I(o)->extra}); }
int iter_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({I(o)->it, I(o)->func, I(o)->value, I(o)->extra}, visit, arg);
}

Iter* alloc_iter(ThreadState* ts, Type* type) { return new_instance<Iter>(ts, type); }

// The repr prefix of a subclassable iterator: the class's __name__.
const char* short_name(Object* o) { return type_name(o->ob_type); }

// ---------------------------------------------------------------------------
// count(start=0, step=1): value = the next number, extra = the step.
// ---------------------------------------------------------------------------

bool is_number(Object* o) {
  Type* t = o->ob_type;
  return t->nb_index || t->nb_int || t->nb_float || is_instance_of(o, &complex_type);
}

Object* count_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"start", ParamKind::PositionalOrKeyword, kOptional},
                                      {"step", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("count", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref start = Ref::borrow(av.has(0) ? av[0] : int_from_i64(ts, 0));
  Ref step = Ref::borrow(av.has(1) ? av[1] : int_from_i64(ts, 1));
  if (!is_number(start.get()) || !is_number(step.get())) return raise(ts, &exc::TypeError, "a number is required");
  // CPython counts a machine-word int start with step 1 as a C integer, so
  // the values are exact ints even when start is a bool or an int subclass.
  Object* st = step.get();
  if (is_int(start.get()) && !is_int_exact(start.get()) && int_is_small(start.get()) && is_int(st) &&
      int_is_small(st) && int_small_value(st) == 1) {
    start = Ref::steal(int_from_i64(ts, int_small_value(start.get())));
    if (!start) return nullptr;
  }
  Iter* c = alloc_iter(ts, type);
  if (!c) return nullptr;
  c->value = start.release();
  c->extra = step.release();
  return c;
}

Object* count_next(ThreadState* ts, Object* o) {
  Object* next = number_add(ts, I(o)->value, I(o)->extra);
  if (!next) return nullptr;
  Object* cur = I(o)->value;
  I(o)->value = next;
  return cur;
}

Object* count_repr(ThreadState* ts, Object* o) {
  Ref start = Ref::steal(repr(ts, I(o)->value));
  if (!start) return nullptr;
  Object* step = I(o)->extra;
  if (is_int(step) && int_is_small(step) && int_small_value(step) == 1) {
    return str_from_format(ts, "%s(%s)", short_name(o), str_utf8(ts, start.get()));
  }
  Ref step_repr = Ref::steal(repr(ts, step));
  if (!step_repr) return nullptr;
  return str_from_format(ts, "%s(%s, %s)", short_name(o), str_utf8(ts, start.get()), str_utf8(ts, step_repr.get()));
}

// ---------------------------------------------------------------------------
// cycle(iterable): value = the items seen on the first pass (a list),
// n1 = the index of the next saved item once `it` is exhausted.
// ---------------------------------------------------------------------------

Object* cycle_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "cycle", nargs, kwnames, 1, 1) < 0) return nullptr;
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  Ref saved = Ref::steal(list_new(ts, 0));
  if (!saved) return nullptr;
  Iter* c = alloc_iter(ts, type);
  if (!c) return nullptr;
  c->it = it.release();
  c->value = saved.release();
  return c;
}

Object* cycle_next(ThreadState* ts, Object* o) {
  Iter* c = I(o);
  if (c->it) {
    Object* item = iter_next(ts, c->it);
    if (item) {
      if (list_append(ts, c->value, item) < 0) {
        decref(item);
        return nullptr;
      }
      return item;
    }
    if (runtime::has_exception(ts)) return nullptr;
    clear_ref(c->it);
  }
  int64_t n = list_size(c->value);
  if (n == 0) return nullptr;
  Object* item = list_items(c->value)[c->n1];
  c->n1 = c->n1 + 1 >= n ? 0 : c->n1 + 1;
  return new_ref(item);
}

// ---------------------------------------------------------------------------
// repeat(object[, times]): value = the object, n1 = the items left (-1:
// forever).
// ---------------------------------------------------------------------------

Object* repeat_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"object", ParamKind::PositionalOrKeyword, kRequired},
                                      {"times", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("repeat", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t times = -1;
  if (av.has(1)) {
    times = ssize_arg(ts, av[1]);
    if (times == -1 && runtime::has_exception(ts)) return nullptr;
    if (times < 0) times = 0;
  }
  Iter* r = alloc_iter(ts, type);
  if (!r) return nullptr;
  r->value = new_ref(av[0]);
  r->n1 = times;
  return r;
}

Object* repeat_next(ThreadState*, Object* o) {
  Iter* r = I(o);
  if (r->n1 == 0) return nullptr;
  if (r->n1 > 0) --r->n1;
  return new_ref(r->value);
}

Object* repeat_repr(ThreadState* ts, Object* o) {
  Ref obj = Ref::steal(repr(ts, I(o)->value));
  if (!obj) return nullptr;
  if (I(o)->n1 < 0) return str_from_format(ts, "%s(%s)", short_name(o), str_utf8(ts, obj.get()));
  return str_from_format(ts, "%s(%s, %lld)", short_name(o), str_utf8(ts, obj.get()),
                         static_cast<long long>(I(o)->n1));
}

Object* repeat_length_hint(ThreadState* ts, Object* o, Object* const*, size_t, Object*) {
  if (I(o)->n1 < 0) return raise(ts, &exc::TypeError, "len() of unsized object");
  return int_from_i64(ts, I(o)->n1);
}

const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, kMethNoArgs, "Private method returning an estimate of len(list(it))."},
    {},
};

// ---------------------------------------------------------------------------
// accumulate(iterable, func=None, *, initial=None): func = the binary
// function (nullptr: addition), value = the running total (nullptr before the
// first item), extra = the initial value still to be produced.
// ---------------------------------------------------------------------------

Object* accumulate_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOrKeyword, kRequired},
                                      {"func", ParamKind::PositionalOrKeyword, kOptional},
                                      {"initial", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("accumulate", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref it = Ref::steal(get_iter(ts, av[0]));
  if (!it) return nullptr;
  Iter* a = alloc_iter(ts, type);
  if (!a) return nullptr;
  a->it = it.release();
  if (av.has(1) && !is_none(av[1])) a->func = new_ref(av[1]);
  if (av.has(2) && !is_none(av[2])) a->extra = new_ref(av[2]);
  return a;
}

Object* accumulate_next(ThreadState* ts, Object* o) {
  Iter* a = I(o);
  if (a->extra) {
    Object* initial = a->extra;
    a->extra = nullptr;
    set_ref(a->value, new_ref(initial));
    return initial;
  }
  Object* v = iter_next(ts, a->it);
  if (!v) return nullptr;
  if (!a->value) {
    a->value = new_ref(v);
    return v;
  }
  Object* total;
  if (a->func) {
    Object* argv[2] = {a->value, v};
    total = call(ts, a->func, argv, 2);
  } else {
    total = number_add(ts, a->value, v);
  }
  decref(v);
  if (!total) return nullptr;
  set_ref(a->value, new_ref(total));
  return total;
}

// ---------------------------------------------------------------------------
// chain(*iterables) / chain.from_iterable(iterable): value = the iterator
// over the iterables (nullptr when done), it = the active one.
// ---------------------------------------------------------------------------

Object* chain_make(ThreadState* ts, Type* type, Object* iterables) {
  Ref source = Ref::steal(get_iter(ts, iterables));
  if (!source) return nullptr;
  Iter* c = alloc_iter(ts, type);
  if (!c) return nullptr;
  c->value = source.release();
  return c;
}

Object* chain_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &itertools_chain_type && check_no_kwargs(ts, "chain", kwnames) < 0) return nullptr;
  Ref t = Ref::steal(tuple_from_array(ts, args, nargs));
  if (!t) return nullptr;
  return chain_make(ts, type, t.get());
}

Object* chain_from_iterable(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  return chain_make(ts, static_cast<Type*>(cls), args[0]);
}

Object* chain_next(ThreadState* ts, Object* o) {
  Iter* c = I(o);
  while (c->value) {
    if (!c->it) {
      Ref iterable = Ref::steal(iter_next(ts, c->value));
      if (!iterable) {
        clear_ref(c->value);
        return nullptr;
      }
      c->it = get_iter(ts, iterable.get());
      if (!c->it) {
        clear_ref(c->value);
        return nullptr;
      }
    }
    Object* item = iter_next(ts, c->it);
    if (item || runtime::has_exception(ts)) return item;
    clear_ref(c->it);
  }
  return nullptr;
}

const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, kMethO | kMethClass,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", class_getitem, kMethO | kMethClass, "See PEP 585"},
    {},
};

// ---------------------------------------------------------------------------
// compress(data, selectors): it = data, func = the selectors' iterator.
// ---------------------------------------------------------------------------

Object* compress_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"data", ParamKind::PositionalOrKeyword, kRequired},
                                      {"selectors", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("compress", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref data = Ref::steal(get_iter(ts, av[0]));
  if (!data) return nullptr;
  Ref selectors = Ref::steal(get_iter(ts, av[1]));
  if (!selectors) return nullptr;
  Iter* c = alloc_iter(ts, type);
  if (!c) return nullptr;
  c->it = data.release();
  c->func = selectors.release();
  return c;
}

Object* compress_next(ThreadState* ts, Object* o) {
  for (;;) {
    Object* datum = iter_next(ts, I(o)->it);
    if (!datum) return nullptr;
    Ref selector = Ref::steal(iter_next(ts, I(o)->func));
    if (!selector) {
      decref(datum);
      return nullptr;
    }
    int ok = is_true(ts, selector.get());
    if (ok > 0) return datum;
    decref(datum);
    if (ok < 0) return nullptr;
  }
}

// ---------------------------------------------------------------------------
// dropwhile / takewhile / filterfalse (predicate, iterable): func = the
// predicate, n1 = dropwhile has started yielding / takewhile has stopped.
// ---------------------------------------------------------------------------

Object* predicate_new(ThreadState* ts, Type* type, const char* name, Object* const* args, size_t nargs,
                      Object* kwnames, bool check_kw) {
  if ((check_kw && check_no_kwargs(ts, name, kwnames) < 0) || check_nargs(ts, name, nargs, 2, 2) < 0) {
    return nullptr;
  }
  Ref it = Ref::steal(get_iter(ts, args[1]));
  if (!it) return nullptr;
  Iter* p = alloc_iter(ts, type);
  if (!p) return nullptr;
  p->func = new_ref(args[0]);
  p->it = it.release();
  return p;
}

// predicate(item) as a truth value: 1 / 0 / -1.
int test_predicate(ThreadState* ts, Object* func, Object* item) {
  Ref r = Ref::steal(call(ts, func, &item, 1));
  return r ? is_true(ts, r.get()) : -1;
}

Object* dropwhile_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return predicate_new(ts, type, "dropwhile", args, nargs, kwnames, type == &itertools_dropwhile_type);
}
Object* dropwhile_next(ThreadState* ts, Object* o) {
  for (;;) {
    Object* item = iter_next(ts, I(o)->it);
    if (!item) return nullptr;
    if (I(o)->n1) return item;
    int ok = test_predicate(ts, I(o)->func, item);
    if (ok == 0) {
      I(o)->n1 = 1;
      return item;
    }
    decref(item);
    if (ok < 0) return nullptr;
  }
}

Object* takewhile_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return predicate_new(ts, type, "takewhile", args, nargs, kwnames, type == &itertools_takewhile_type);
}
Object* takewhile_next(ThreadState* ts, Object* o) {
  if (I(o)->n1) return nullptr;
  Object* item = iter_next(ts, I(o)->it);
  if (!item) return nullptr;
  int ok = test_predicate(ts, I(o)->func, item);
  if (ok > 0) return item;
  decref(item);
  if (ok == 0) I(o)->n1 = 1;
  return nullptr;
}

Object* filterfalse_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return predicate_new(ts, type, "filterfalse", args, nargs, kwnames, type == &itertools_filterfalse_type);
}
Object* filterfalse_next(ThreadState* ts, Object* o) {
  Object* func = I(o)->func;
  for (;;) {
    Object* item = iter_next(ts, I(o)->it);
    if (!item) return nullptr;
    int ok = (is_none(func) || func == &bool_type) ? is_true(ts, item) : test_predicate(ts, func, item);
    if (ok == 0) return item;
    decref(item);
    if (ok < 0) return nullptr;
  }
}

// ---------------------------------------------------------------------------
// islice(iterable, stop) / islice(iterable, start, stop[, step]):
// n1 = the index of the next item to produce, n2 = stop (-1: none),
// n3 = step, n4 = items consumed so far.
// ---------------------------------------------------------------------------

// An islice index: None → `none_value`; else 0 <= x <= sys.maxsize, or -1
// for anything else (the caller words the ValueError).
int64_t islice_index(ThreadState* ts, Object* a, int64_t none_value) {
  if (is_none(a)) return none_value;
  int64_t v = as_ssize(ts, a, &exc::OverflowError);
  if (runtime::has_exception(ts)) {
    runtime::clear_exception(ts);
    return -1;
  }
  return v < 0 ? (v == -1 ? -1 : -2) : v;
}

Object* islice_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if ((type == &itertools_islice_type && check_no_kwargs(ts, "islice", kwnames) < 0) ||
      check_nargs(ts, "islice", nargs, 2, 4) < 0) {
    return nullptr;
  }
  static constexpr const char* kStopError =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    stop = islice_index(ts, args[1], -1);
    if (stop == -1 && !is_none(args[1])) return raise(ts, &exc::ValueError, kStopError);
  } else {
    start = islice_index(ts, args[1], 0);
    stop = islice_index(ts, args[2], -1);
    if (stop == -1 && !is_none(args[2])) return raise(ts, &exc::ValueError, kStopError);
    if (nargs == 4) step = islice_index(ts, args[3], 1);
  }
  if (start < 0 || stop < -1) {
    return raise(ts, &exc::ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (step < 1) return raise(ts, &exc::ValueError, "Step for islice() must be a positive integer or None.");
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  Iter* s = alloc_iter(ts, type);
  if (!s) return nullptr;
  s->it = it.release();
  s->n1 = start;
  s->n2 = stop;
  s->n3 = step;
  return s;
}

Object* islice_next(ThreadState* ts, Object* o) {
  Iter* s = I(o);
  if (!s->it) return nullptr;
  while (s->n4 < s->n1) {
    Object* skipped = iter_next(ts, s->it);
    if (!skipped) {
      clear_ref(s->it);
      return nullptr;
    }
    decref(skipped);
    ++s->n4;
  }
  if (s->n2 != -1 && s->n4 >= s->n2) {
    clear_ref(s->it);
    return nullptr;
  }
  Object* item = iter_next(ts, s->it);
  if (!item) {
    clear_ref(s->it);
    return nullptr;
  }
  ++s->n4;
  int64_t old = s->n1;
  s->n1 += s->n3;
  if (s->n1 < old || (s->n2 != -1 && s->n1 > s->n2)) s->n1 = s->n2;
  return item;
}

// ---------------------------------------------------------------------------
// pairwise(iterable): value = the previous item.
// ---------------------------------------------------------------------------

Object* pairwise_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if ((type == &itertools_pairwise_type && check_no_kwargs(ts, "pairwise", kwnames) < 0) ||
      check_nargs(ts, "pairwise", nargs, 1, 1) < 0) {
    return nullptr;
  }
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  Iter* p = alloc_iter(ts, type);
  if (!p) return nullptr;
  p->it = it.release();
  return p;
}

Object* pairwise_next(ThreadState* ts, Object* o) {
  Iter* p = I(o);
  if (!p->it) return nullptr;
  if (!p->value) {
    p->value = iter_next(ts, p->it);
    if (!p->value) {
      clear_ref(p->it);
      return nullptr;
    }
  }
  Object* next = iter_next(ts, p->it);
  if (!next) {
    clear_ref(p->it);
    clear_ref(p->value);
    return nullptr;
  }
  Object* result = tuple_pack(ts, {p->value, next});
  set_ref(p->value, next);
  return result;
}

// ---------------------------------------------------------------------------
// starmap(function, iterable): func = the function.
// ---------------------------------------------------------------------------

Object* starmap_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return predicate_new(ts, type, "starmap", args, nargs, kwnames, type == &itertools_starmap_type);
}

Object* starmap_next(ThreadState* ts, Object* o) {
  Ref item = Ref::steal(iter_next(ts, I(o)->it));
  if (!item) return nullptr;
  if (!is_tuple(item.get()) || item->ob_type != &tuple_type) {
    item = Ref::steal(sequence_tuple(ts, item.get()));
    if (!item) return nullptr;
  }
  return call(ts, I(o)->func, tuple_items(item.get()), static_cast<size_t>(tuple_size(item.get())));
}

// ---------------------------------------------------------------------------
// zip_longest(*iterables, fillvalue=None): value = a list of the iterators
// (None once one is exhausted), extra = the fill value, n1 = the number of
// iterators still active.
// ---------------------------------------------------------------------------

Object* zip_longest_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* fill = py_none();
  size_t nkw = kwnames_count(kwnames);
  if (nkw > 0) {
    if (nkw != 1 || !str_equal_cstr(tuple_item_borrowed(kwnames, 0), "fillvalue")) {
      return raise(ts, &exc::TypeError, "zip_longest() got an unexpected keyword argument");
    }
    fill = args[nargs];
  }
  Ref iters = Ref::steal(list_new(ts, 0));
  if (!iters) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Ref it = Ref::steal(get_iter(ts, args[i]));
    if (!it || list_append(ts, iters.get(), it.get()) < 0) return nullptr;
  }
  Iter* z = alloc_iter(ts, type);
  if (!z) return nullptr;
  z->value = iters.release();
  z->extra = new_ref(fill);
  z->n1 = static_cast<int64_t>(nargs);
  return z;
}

Object* zip_longest_next(ThreadState* ts, Object* o) {
  Iter* z = I(o);
  int64_t n = list_size(z->value);
  if (n == 0 || z->n1 == 0) return nullptr;
  Ref result = Ref::steal(tuple_new(ts, static_cast<size_t>(n)));
  if (!result) return nullptr;
  Object** iters = list_items(z->value);
  for (int64_t i = 0; i < n; ++i) {
    Object* item;
    if (is_none(iters[i])) {
      item = new_ref(z->extra);
    } else {
      item = iter_next(ts, iters[i]);
      if (!item) {
        --z->n1;
        if (z->n1 == 0 || runtime::has_exception(ts)) {
          z->n1 = 0;
          return nullptr;
        }
        item = new_ref(z->extra);
        set_ref(iters[i], py_none());
      }
    }
    tuple_items(result.get())[i] = item;
  }
  return result.release();
}

// ---------------------------------------------------------------------------
// Type tables
// ---------------------------------------------------------------------------

void init_iter_type(Type& t, const char* name, const char* doc, NewFn n, UnaryFn next) {
  t.name = name;
  t.doc = doc;
  t.basicsize = sizeof(Iter);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = iter_dealloc;
  t.traverse = iter_traverse;
  t.iter = iter_self;
  t.iternext = next;
  t.new_ = n;
}

const MethodDef itertools_functions[] = {
    {"tee", itertools_tee, kMethFast, "Returns a tuple of n independent iterators."},
    {},
};

}  // namespace

void init_itertools_count_type(Type& t) {
  init_iter_type(t, "itertools.count", "Return a count object whose .__next__() method returns consecutive values.",
                 count_new, count_next);
  t.repr = count_repr;
}
void init_itertools_cycle_type(Type& t) {
  init_iter_type(t, "itertools.cycle", "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
                 cycle_new, cycle_next);
}
void init_itertools_repeat_type(Type& t) {
  init_iter_type(t, "itertools.repeat", "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.",
                 repeat_new, repeat_next);
  t.repr = repeat_repr;
  t.methods = repeat_methods;
}
void init_itertools_accumulate_type(Type& t) {
  init_iter_type(t, "itertools.accumulate", "Return series of accumulated sums (or other binary function results).",
                 accumulate_new, accumulate_next);
}
void init_itertools_chain_type(Type& t) {
  init_iter_type(t, "itertools.chain", "Return a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.",
                 chain_new, chain_next);
  t.methods = chain_methods;
}
void init_itertools_compress_type(Type& t) {
  init_iter_type(t, "itertools.compress", "Return data elements corresponding to true selector elements.",
                 compress_new, compress_next);
}
void init_itertools_dropwhile_type(Type& t) {
  init_iter_type(t, "itertools.dropwhile", "Drop items from the iterable while predicate(item) is true.",
                 dropwhile_new, dropwhile_next);
}
void init_itertools_takewhile_type(Type& t) {
  init_iter_type(t, "itertools.takewhile", "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.",
                 takewhile_new, takewhile_next);
}
void init_itertools_filterfalse_type(Type& t) {
  init_iter_type(t, "itertools.filterfalse", "Return those items of iterable for which function(item) is false.",
                 filterfalse_new, filterfalse_next);
}
void init_itertools_islice_type(Type& t) {
  init_iter_type(t, "itertools.islice", "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object",
                 islice_new, islice_next);
}
void init_itertools_pairwise_type(Type& t) {
  init_iter_type(t, "itertools.pairwise", "Return an iterator of overlapping pairs taken from the input iterator.",
                 pairwise_new, pairwise_next);
}
void init_itertools_starmap_type(Type& t) {
  init_iter_type(t, "itertools.starmap", "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.",
                 starmap_new, starmap_next);
}
void init_itertools_zip_longest_type(Type& t) {
  init_iter_type(t, "itertools.zip_longest", "Return a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.",
                 zip_longest_new, zip_longest_next);
}

Object* init_itertools_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "itertools", itertools_functions,
                                       "Functional tools for creating and using iterators."));
  if (!m) return nullptr;
  Type* types[] = {&itertools_accumulate_type, &itertools_chain_type, &itertools_combinations_type,
                   &itertools_combinations_with_replacement_type, &itertools_compress_type,
                   &itertools_count_type, &itertools_cycle_type, &itertools_dropwhile_type,
                   &itertools_filterfalse_type, &itertools_groupby_type, &itertools_grouper_type,
                   &itertools_islice_type, &itertools_pairwise_type, &itertools_permutations_type,
                   &itertools_product_type, &itertools_repeat_type, &itertools_starmap_type,
                   &itertools_takewhile_type, &itertools_tee_type, &itertools_tee_dataobject_type,
                   &itertools_zip_longest_type};
  for (Type* t : types)
    if (add_type(ts, m.get(), t) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
