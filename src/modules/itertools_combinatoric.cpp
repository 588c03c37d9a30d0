// itertools' combinatoric iterators: product, combinations,
// combinations_with_replacement and permutations.
//
// Invariants: each iterator copies its input into a tuple (`pool`, or
// `pools` for product) when created, and keeps the positions of the current
// result in `indices` (and permutations its per-position countdown in
// `cycles`), both owned arrays of `r` (product: one per pool) entries.
// `started` says whether the first result has been produced; `stopped`
// is final. Results are always fresh tuples of items of the pool.
#include "modules/iter_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;

Type itertools_product_type;
Type itertools_combinations_type;
Type itertools_combinations_with_replacement_type;
Type itertools_permutations_type;

namespace {

struct Combinatoric : Object {
  Object* pool = nullptr;      // tuple of items (product: tuple of tuples, one per position)
  int64_t* indices = nullptr;  // owned, r entries
  int64_t* cycles = nullptr;   // permutations only, r entries
  int64_t r = 0;               // length of each result
  bool started = false;
  bool stopped = false;
};

Combinatoric* C(Object* o) { return static_cast<Combinatoric*>(o); }

void comb_dealloc(Object* o) {
  mem_free(C(o)->indices);
  mem_free(C(o)->cycles);
  release_and_free(o, {C(o)->pool});
}
int comb_traverse(Object* o, VisitFn visit, void* arg) { return visit_all({C(o)->pool}, visit, arg); }

int64_t* new_indices(ThreadState* ts, int64_t n) {
  // As for product's pools: fail like CPython's allocation would, up front.
  if (n > (int64_t{1} << 28)) {
    runtime::raise_no_memory(ts);
    return nullptr;
  }
  auto* p = static_cast<int64_t*>(mem_calloc(static_cast<size_t>(n > 0 ? n : 1), sizeof(int64_t)));
  if (!p) runtime::raise_no_memory(ts);
  return p;
}

// A combinatoric object over `pool` (stolen) with results of length r.
Combinatoric* comb_make(ThreadState* ts, Type* type, Object* steal_pool, int64_t r, bool with_cycles) {
  Ref pool = Ref::steal(steal_pool);
  Combinatoric* c = new_instance<Combinatoric>(ts, type);
  if (!c) return nullptr;
  c->pool = pool.release();
  c->r = r;
  c->indices = new_indices(ts, r);
  if (with_cycles && c->indices) c->cycles = new_indices(ts, r);
  if (!c->indices || (with_cycles && !c->cycles)) {
    decref(c);
    return nullptr;
  }
  return c;
}

// The tuple pool[indices[0]], ..., pool[indices[r-1]].
Object* pick(ThreadState* ts, Combinatoric* c) {
  Object* result = tuple_new(ts, static_cast<size_t>(c->r));
  if (!result) return nullptr;
  for (int64_t i = 0; i < c->r; ++i) tuple_items(result)[i] = new_ref(tuple_items(c->pool)[c->indices[i]]);
  return result;
}

// r as a non-negative size ("r must be non-negative").
bool r_arg(ThreadState* ts, Object* o, int64_t* r) {
  *r = ssize_arg(ts, o);
  if (*r == -1 && runtime::has_exception(ts)) return false;
  if (*r < 0) {
    raise(ts, &exc::ValueError, "r must be non-negative");
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// product(*iterables, repeat=1): pool = one tuple per position.
// ---------------------------------------------------------------------------

Object* product_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t repeat = 1;
  size_t nkw = kwnames_count(kwnames);
  for (size_t i = 0; i < nkw; ++i) {
    Object* name = tuple_item_borrowed(kwnames, static_cast<int64_t>(i));
    if (!str_equal_cstr(name, "repeat")) {
      return runtime::raise_format(ts, &exc::TypeError, "'%s' is an invalid keyword argument for product()",
                                   str_utf8(ts, name));
    }
    repeat = ssize_arg(ts, args[nargs + i]);
    if (repeat == -1 && runtime::has_exception(ts)) return nullptr;
    if (repeat < 0) return raise(ts, &exc::ValueError, "repeat argument cannot be negative");
  }
  if (nargs && repeat > INT64_MAX / static_cast<int64_t>(nargs)) {
    return raise(ts, &exc::OverflowError, "repeat argument too large");
  }
  int64_t npools = static_cast<int64_t>(nargs) * repeat;
  // CPython fails to allocate such a pools tuple; refuse before trying (an
  // overcommitting allocator would hand out the memory and then be killed).
  if (npools > (int64_t{1} << 28)) return runtime::raise_no_memory(ts);
  Ref pools = Ref::steal(tuple_new(ts, static_cast<size_t>(npools)));
  if (!pools) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Object* pool = sequence_tuple(ts, args[i]);
    if (!pool) return nullptr;
    tuple_items(pools.get())[i] = pool;
  }
  for (int64_t i = static_cast<int64_t>(nargs); i < npools; ++i) {
    tuple_items(pools.get())[i] = new_ref(tuple_items(pools.get())[i - static_cast<int64_t>(nargs)]);
  }
  return comb_make(ts, type, pools.release(), npools, false);
}

Object* product_next(ThreadState* ts, Object* o) {
  Combinatoric* p = C(o);
  if (p->stopped) return nullptr;
  Object** pools = tuple_items(p->pool);
  if (!p->started) {
    p->started = true;
    for (int64_t i = 0; i < p->r; ++i) {
      if (tuple_size(pools[i]) == 0) {
        p->stopped = true;
        return nullptr;
      }
    }
  } else {
    int64_t i = p->r - 1;
    for (; i >= 0; --i) {
      if (++p->indices[i] < tuple_size(pools[i])) break;
      p->indices[i] = 0;
    }
    if (i < 0) {
      p->stopped = true;
      return nullptr;
    }
  }
  Object* result = tuple_new(ts, static_cast<size_t>(p->r));
  if (!result) return nullptr;
  for (int64_t i = 0; i < p->r; ++i) tuple_items(result)[i] = new_ref(tuple_items(pools[i])[p->indices[i]]);
  return result;
}

// ---------------------------------------------------------------------------
// combinations(iterable, r)
// ---------------------------------------------------------------------------

Object* combinations_common(ThreadState* ts, Type* type, const Signature& sig, Object* const* args, size_t nargs,
                            Object* kwnames, bool replacement) {
  ArgValues av;
  if (parse_args(ts, sig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* pool = sequence_tuple(ts, av[0]);
  if (!pool) return nullptr;
  int64_t r;
  if (!r_arg(ts, av[1], &r)) {
    decref(pool);
    return nullptr;
  }
  int64_t n = tuple_size(pool);
  Combinatoric* c = comb_make(ts, type, pool, r, false);
  if (!c) return nullptr;
  for (int64_t i = 0; i < r; ++i) c->indices[i] = replacement ? 0 : i;
  c->stopped = replacement ? (n == 0 && r > 0) : r > n;
  return c;
}

Object* combinations_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOrKeyword, kRequired},
                                      {"r", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("combinations", kParams);
  return combinations_common(ts, type, kSig, args, nargs, kwnames, false);
}

Object* combinations_next(ThreadState* ts, Object* o) {
  Combinatoric* c = C(o);
  if (c->stopped) return nullptr;
  if (c->started) {
    int64_t n = tuple_size(c->pool), r = c->r;
    // The rightmost index that has not reached its maximum (n - r + i).
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r) --i;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    ++c->indices[i];
    for (int64_t j = i + 1; j < r; ++j) c->indices[j] = c->indices[j - 1] + 1;
  }
  c->started = true;
  return pick(ts, c);
}

// ---------------------------------------------------------------------------
// combinations_with_replacement(iterable, r)
// ---------------------------------------------------------------------------

Object* cwr_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOrKeyword, kRequired},
                                      {"r", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("combinations_with_replacement", kParams);
  return combinations_common(ts, type, kSig, args, nargs, kwnames, true);
}

Object* cwr_next(ThreadState* ts, Object* o) {
  Combinatoric* c = C(o);
  if (c->stopped) return nullptr;
  if (c->started) {
    int64_t n = tuple_size(c->pool), r = c->r;
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1) --i;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    int64_t v = c->indices[i] + 1;
    for (int64_t j = i; j < r; ++j) c->indices[j] = v;
  }
  c->started = true;
  return pick(ts, c);
}

// ---------------------------------------------------------------------------
// permutations(iterable, r=None): indices is a permutation of all n
// positions (the first r are the result); cycles[i] counts the swaps left
// at position i before it rotates back.
// ---------------------------------------------------------------------------

Object* permutations_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOrKeyword, kRequired},
                                      {"r", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("permutations", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref pool = Ref::steal(sequence_tuple(ts, av[0]));
  if (!pool) return nullptr;
  int64_t n = tuple_size(pool.get());
  int64_t r = n;
  if (av.has(1) && !is_none(av[1])) {
    if (!is_int(av[1])) return raise(ts, &exc::TypeError, "Expected int as r");
    if (!r_arg(ts, av[1], &r)) return nullptr;
  }
  // indices needs n entries, cycles r: allocate max(n, r) for both.
  Combinatoric* c = comb_make(ts, type, pool.release(), r > n ? r : n, true);
  if (!c) return nullptr;
  c->r = r;
  for (int64_t i = 0; i < n; ++i) c->indices[i] = i;
  for (int64_t i = 0; i < r && i < n; ++i) c->cycles[i] = n - i;
  c->stopped = r > n;
  return c;
}

Object* permutations_next(ThreadState* ts, Object* o) {
  Combinatoric* c = C(o);
  if (c->stopped) return nullptr;
  if (c->started) {
    int64_t n = tuple_size(c->pool), r = c->r;
    int64_t* idx = c->indices;
    int64_t i = r - 1;
    for (; i >= 0; --i) {
      if (--c->cycles[i] == 0) {
        // Rotate idx[i:] left by one and restart this position's countdown.
        int64_t first = idx[i];
        for (int64_t j = i; j < n - 1; ++j) idx[j] = idx[j + 1];
        idx[n - 1] = first;
        c->cycles[i] = n - i;
      } else {
        int64_t j = c->cycles[i];
        int64_t t = idx[i];
        idx[i] = idx[n - j];
        idx[n - j] = t;
        break;
      }
    }
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
  }
  c->started = true;
  return pick(ts, c);
}

void init_comb_type(Type& t, const char* name, const char* doc, NewFn n, UnaryFn next) {
  t.name = name;
  t.doc = doc;
  t.basicsize = sizeof(Combinatoric);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = comb_dealloc;
  t.traverse = comb_traverse;
  t.iter = iter_self;
  t.iternext = next;
  t.new_ = n;
}

}  // namespace

void init_itertools_product_type(Type& t) {
  init_comb_type(t, "itertools.product", "Cartesian product of input iterables.  Equivalent to nested for-loops.",
                 product_new, product_next);
}
void init_itertools_combinations_type(Type& t) {
  init_comb_type(t, "itertools.combinations", "Return successive r-length combinations of elements in the iterable.",
                 combinations_new, combinations_next);
}
void init_itertools_combinations_with_replacement_type(Type& t) {
  init_comb_type(t, "itertools.combinations_with_replacement",
                 "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.",
                 cwr_new, cwr_next);
}
void init_itertools_permutations_type(Type& t) {
  init_comb_type(t, "itertools.permutations", "Return successive r-length permutations of elements in the iterable.",
                 permutations_new, permutations_next);
}

}  // namespace spindle::modules
