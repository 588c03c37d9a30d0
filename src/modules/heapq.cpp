// The heapq module (and _heapq, which holds its list primitives as in
// CPython): binary min-heaps in plain lists, nsmallest/nlargest, and the lazy
// merge iterator.
//
// Every comparison is `<` (PyObject_RichCompareBool(..., Py_LT)) with the
// operands in CPython's order, so ties and custom __lt__ give CPython's
// results; nsmallest/nlargest/merge decorate items into tuples/lists exactly
// as heapq.py does, so tuple/list comparison (== then <) decides ties too.
// A heap that changes size during a comparison raises RuntimeError.
#include <initializer_list>
#include <string>
#include <utility>

#include "modules/import.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

Type heapq_merge_type;

namespace {

// ---------------------------------------------------------------------------
// Heap primitives on a list. `max` selects the max-heap (operands swapped).
// ---------------------------------------------------------------------------

// "a sorts before b" in the heap's order: a < b, or b < a for a max-heap.
int before(ThreadState* ts, Object* a, Object* b, bool max) {
  Ref ra = Ref::borrow(a), rb = Ref::borrow(b);  // the comparison may mutate the list
  return max ? rich_compare_bool(ts, rb.get(), ra.get(), CompareOp::Lt)
             : rich_compare_bool(ts, ra.get(), rb.get(), CompareOp::Lt);
}

std::nullptr_t changed_size(ThreadState* ts) {
  return runtime::raise(ts, &exc::RuntimeError, "list changed size during iteration");
}

// Moves heap[pos] up towards startpos while it sorts before its parent.
int sift_down(ThreadState* ts, Object* heap, int64_t startpos, int64_t pos, bool max) {
  int64_t size = list_size(heap);
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    int cmp = before(ts, list_items(heap)[pos], list_items(heap)[parentpos], max);
    if (cmp < 0) return -1;
    if (size != list_size(heap)) {
      changed_size(ts);
      return -1;
    }
    if (cmp == 0) break;
    Object** arr = list_items(heap);
    std::swap(arr[parentpos], arr[pos]);
    pos = parentpos;
  }
  return 0;
}

// Moves the smaller child up until heap[pos] reaches a leaf, then sifts the
// item there back down (fewer comparisons than the textbook loop).
int sift_up(ThreadState* ts, Object* heap, int64_t pos, bool max) {
  int64_t endpos = list_size(heap);
  int64_t startpos = pos;
  if (pos >= endpos) {
    runtime::raise(ts, &exc::IndexError, "index out of range");
    return -1;
  }
  int64_t limit = endpos >> 1;  // the first position without a child
  while (pos < limit) {
    int64_t childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      int cmp = before(ts, list_items(heap)[childpos], list_items(heap)[childpos + 1], max);
      if (cmp < 0) return -1;
      childpos += cmp ^ 1;  // the right child unless the left sorts first
      if (endpos != list_size(heap)) {
        changed_size(ts);
        return -1;
      }
    }
    Object** arr = list_items(heap);
    std::swap(arr[childpos], arr[pos]);
    pos = childpos;
  }
  return sift_down(ts, heap, startpos, pos, max);
}

bool check_list(ThreadState* ts, Object* o, const char* fname, bool first_of_two) {
  if (is_list(o)) return true;
  runtime::raise_format(ts, &exc::TypeError, "%s() argument%s must be list, not %s", fname, first_of_two ? " 1" : "",
                        tp_name(o));
  return false;
}

// Replaces heap[0] by `steal` (the old item is returned, a new reference).
Object* swap_top(Object* heap, Object* steal) { return std::exchange(list_items(heap)[0], steal); }

// Removes and returns the last item of a non-empty list.
Object* pop_last(ThreadState* ts, Object* heap) {
  int64_t n = list_size(heap);
  Ref last = Ref::borrow(list_items(heap)[n - 1]);
  Ref idx = Ref::steal(int_from_i64(ts, n - 1));
  if (!idx || list_type.mp_ass_subscript(ts, heap, idx.get(), nullptr) < 0) return nullptr;
  return last.release();
}

Object* heappush_impl(ThreadState* ts, Object* heap, Object* item) {
  if (list_append(ts, heap, item) < 0) return nullptr;
  if (sift_down(ts, heap, 0, list_size(heap) - 1, false) < 0) return nullptr;
  return py_none();
}

Object* heappop_impl(ThreadState* ts, Object* heap, bool max) {
  if (list_size(heap) == 0) return runtime::raise(ts, &exc::IndexError, "index out of range");
  Object* last = pop_last(ts, heap);
  if (!last || list_size(heap) == 0) return last;
  Ref result = Ref::steal(swap_top(heap, last));
  if (sift_up(ts, heap, 0, max) < 0) return nullptr;
  return result.release();
}

Object* heapreplace_impl(ThreadState* ts, Object* heap, Object* item, bool max) {
  if (list_size(heap) == 0) return runtime::raise(ts, &exc::IndexError, "index out of range");
  Ref result = Ref::steal(swap_top(heap, new_ref(item)));
  if (sift_up(ts, heap, 0, max) < 0) return nullptr;
  return result.release();
}

// Sifts node i, then keeps climbing to the parent while i is a right child
// (both children of that parent are then heaps). 0 / -1.
int sift_up_and_parents(ThreadState* ts, Object* heap, int64_t i, bool max) {
  for (;;) {
    if (sift_up(ts, heap, i, max) < 0) return -1;
    if (!(i & 1)) return 0;
    i >>= 1;
  }
}

int heapify_impl(ThreadState* ts, Object* heap, bool max) {
  // Bottom-up: every subtree is a heap before its root is sifted. Large
  // lists sift a parent as soon as its children are done (cache friendly);
  // the result is the same, only the order of the comparisons differs, and
  // it is CPython's order in both cases.
  int64_t n = list_size(heap);
  if (n <= 2500) {
    for (int64_t i = n / 2 - 1; i >= 0; --i) {
      if (sift_up(ts, heap, i, max) < 0) return -1;
    }
    return 0;
  }
  int64_t m = n >> 1;  // the first childless node
  int64_t top_bit = 1;
  while (top_bit * 2 <= m + 1) top_bit *= 2;
  int64_t leftmost = top_bit - 1;  // the leftmost node in m's row
  int64_t mhalf = m >> 1;          // the parent of m
  for (int64_t i = leftmost - 1; i >= mhalf; --i) {
    if (sift_up_and_parents(ts, heap, i, max) < 0) return -1;
  }
  for (int64_t i = m - 1; i >= leftmost; --i) {
    if (sift_up_and_parents(ts, heap, i, max) < 0) return -1;
  }
  return 0;
}

Object* h_heappush(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "heappush", nargs, 2, 2) < 0 || !check_list(ts, args[0], "heappush", true)) return nullptr;
  return heappush_impl(ts, args[0], args[1]);
}
Object* h_heappop(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!check_list(ts, args[0], "heappop", false)) return nullptr;
  return heappop_impl(ts, args[0], false);
}
Object* h_heappop_max(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!check_list(ts, args[0], "_heappop_max", false)) return nullptr;
  return heappop_impl(ts, args[0], true);
}
Object* h_heapreplace(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "heapreplace", nargs, 2, 2) < 0 || !check_list(ts, args[0], "heapreplace", true)) return nullptr;
  return heapreplace_impl(ts, args[0], args[1], false);
}
Object* h_heapreplace_max(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "_heapreplace_max", nargs, 2, 2) < 0 || !check_list(ts, args[0], "_heapreplace_max", true)) {
    return nullptr;
  }
  return heapreplace_impl(ts, args[0], args[1], true);
}
Object* h_heapify(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!check_list(ts, args[0], "heapify", false) || heapify_impl(ts, args[0], false) < 0) return nullptr;
  return py_none();
}
Object* h_heapify_max(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!check_list(ts, args[0], "_heapify_max", false) || heapify_impl(ts, args[0], true) < 0) return nullptr;
  return py_none();
}

// heappushpop: push item, then pop the smallest (item itself if it is).
Object* h_heappushpop(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "heappushpop", nargs, 2, 2) < 0 || !check_list(ts, args[0], "heappushpop", true)) return nullptr;
  Object* heap = args[0];
  Object* item = args[1];
  if (list_size(heap) == 0) return new_ref(item);
  int cmp = before(ts, list_items(heap)[0], item, false);
  if (cmp < 0) return nullptr;
  if (cmp == 0) return new_ref(item);
  if (list_size(heap) == 0) return runtime::raise(ts, &exc::IndexError, "index out of range");
  Ref result = Ref::steal(swap_top(heap, new_ref(item)));
  if (sift_up(ts, heap, 0, false) < 0) return nullptr;
  return result.release();
}

const MethodDef heapq_primitives[] = {
    {"heappush", h_heappush, kMethFast},
    {"heappushpop", h_heappushpop, kMethFast},
    {"heappop", h_heappop, kMethO},
    {"heapreplace", h_heapreplace, kMethFast},
    {"heapify", h_heapify, kMethO},
    {"_heappop_max", h_heappop_max, kMethO},
    {"_heapify_max", h_heapify_max, kMethO},
    {"_heapreplace_max", h_heapreplace_max, kMethFast},
    {},
};

// ---------------------------------------------------------------------------
// nsmallest / nlargest (heapq.py's algorithms).
// ---------------------------------------------------------------------------

// Binds arguments to the parameters `names` (the first `nrequired` required,
// the rest defaulting to nullptr) with a Python function's error messages,
// since heapq.py defines these functions in Python.
bool bind_python_args(ThreadState* ts, const char* fname, std::initializer_list<const char*> names, size_t nrequired,
                      Object* const* args, size_t nargs, Object* kwnames, Object** out) {
  size_t nparams = names.size();
  const char* const* name_at = names.begin();
  for (size_t i = 0; i < nparams; ++i) out[i] = nullptr;
  if (nargs > nparams) {
    if (nrequired == nparams) {
      runtime::raise_format(ts, &exc::TypeError, "%s() takes %zu positional argument%s but %zu %s given", fname, nparams,
                            nparams == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
    } else {
      runtime::raise_format(ts, &exc::TypeError, "%s() takes from %zu to %zu positional arguments but %zu were given",
                            fname, nrequired, nparams, nargs);
    }
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  size_t nkw = kwnames_count(kwnames);
  for (size_t j = 0; j < nkw; ++j) {
    Object* name = tuple_items(kwnames)[j];
    size_t slot = nparams;
    for (size_t i = 0; i < nparams; ++i) {
      if (str_equal_cstr(name, name_at[i])) slot = i;
    }
    std::string text(str_view(ts, name));
    if (slot == nparams) {
      runtime::raise_format(ts, &exc::TypeError, "%s() got an unexpected keyword argument '%s'", fname, text.c_str());
      return false;
    }
    if (out[slot]) {
      runtime::raise_format(ts, &exc::TypeError, "%s() got multiple values for argument '%s'", fname, text.c_str());
      return false;
    }
    out[slot] = args[nargs + j];
  }
  // "missing 1 required positional argument: 'a'", "... 2 ...: 'a' and 'b'",
  // "... 3 ...: 'a', 'b', and 'c'".
  std::string missing;
  size_t count = 0;
  for (size_t i = 0; i < nrequired; ++i) {
    if (!out[i]) ++count;
  }
  if (count == 0) return true;
  size_t seen = 0;
  for (size_t i = 0; i < nrequired; ++i) {
    if (out[i]) continue;
    ++seen;
    if (seen > 1) missing += count == 2 ? " and " : (seen == count ? ", and " : ", ");
    missing += std::string("'") + name_at[i] + "'";
  }
  runtime::raise_format(ts, &exc::TypeError, "%s() missing %zu required positional argument%s: %s", fname, count,
                        count == 1 ? "" : "s", missing.c_str());
  return false;
}

Object* apply_key(ThreadState* ts, Object* key, Object* x) { return key ? call(ts, key, &x, 1) : new_ref(x); }

// min()/max() of an iterator with key and a default of "none": [] or [best].
Object* best_one(ThreadState* ts, Object* iterable, Object* key, bool largest) {
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return nullptr;
  Ref best, best_key;
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) {
      if (runtime::has_exception(ts)) return nullptr;
      break;
    }
    Ref k = Ref::steal(apply_key(ts, key, item.get()));
    if (!k) return nullptr;
    if (best) {
      int better = rich_compare_bool(ts, k.get(), best_key.get(), largest ? CompareOp::Gt : CompareOp::Lt);
      if (better < 0) return nullptr;
      if (!better) continue;
    }
    best = std::move(item);
    best_key = std::move(k);
  }
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out || (best && list_append(ts, out.get(), best.get()) < 0)) return nullptr;
  return out.release();
}

Object* n_best(ThreadState* ts, const char* fname, Object* const* args, size_t nargs, Object* kwnames, bool largest) {
  Object* a[3];
  if (!bind_python_args(ts, fname, {"n", "iterable", "key"}, 2, args, nargs, kwnames, a)) return nullptr;
  if (a[2] && is_none(a[2])) a[2] = nullptr;
  Object* n_obj = a[0];
  Object* iterable = a[1];
  Object* key = a[2];
  Ref one = Ref::steal(int_from_i64(ts, 1));
  int is_one = rich_compare_bool(ts, n_obj, one.get(), CompareOp::Eq);
  if (is_one < 0) return nullptr;
  if (is_one) return best_one(ts, iterable, key, largest);

  // When n covers the whole input, sorting is the answer.
  int64_t size = length(ts, iterable);
  if (size < 0) {
    if (!runtime::exception_matches(ts, &exc::TypeError) && !runtime::exception_matches(ts, &exc::AttributeError)) {
      return nullptr;
    }
    runtime::clear_exception(ts);
  } else {
    Ref sz = Ref::steal(int_from_i64(ts, size));
    int ge = rich_compare_bool(ts, n_obj, sz.get(), CompareOp::Ge);
    if (ge < 0) return nullptr;
    if (ge) {
      Ref lst = Ref::steal(sequence_list(ts, iterable));
      if (!lst || list_sort(ts, lst.get(), key, largest) < 0) return nullptr;
      Ref sl = Ref::steal(slice_new(ts, py_none(), n_obj, py_none()));
      if (!sl) return nullptr;
      return get_item(ts, lst.get(), sl.get());
    }
  }

  int64_t n = as_ssize(ts, n_obj, nullptr);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return nullptr;
  // Decorated entries: (elem, order) or (key, order, elem); the order makes
  // ties stable (increasing for nsmallest, decreasing for nlargest).
  auto entry = [&](Object* k, int64_t order, Object* elem) -> Object* {
    Ref o = Ref::steal(int_from_i64(ts, order));
    if (!o) return nullptr;
    return key ? tuple_pack(ts, {k, o.get(), elem}) : tuple_pack(ts, {elem, o.get()});
  };
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    Ref elem = Ref::steal(iter_next(ts, it.get()));
    if (!elem) {
      if (runtime::has_exception(ts)) return nullptr;
      break;
    }
    Ref k = Ref::steal(apply_key(ts, key, elem.get()));
    if (!k) return nullptr;
    Ref e = Ref::steal(entry(k.get(), largest ? -i : i, elem.get()));
    if (!e || list_append(ts, result.get(), e.get()) < 0) return nullptr;
  }
  if (list_size(result.get()) == 0) return result.release();
  bool max_heap = !largest;  // nsmallest keeps the n smallest in a max-heap
  if (heapify_impl(ts, result.get(), max_heap) < 0) return nullptr;
  Ref top = Ref::borrow(tuple_items(list_items(result.get())[0])[0]);
  int64_t order = largest ? -n : n;
  for (;;) {
    Ref elem = Ref::steal(iter_next(ts, it.get()));
    if (!elem) {
      if (runtime::has_exception(ts)) return nullptr;
      break;
    }
    Ref k = Ref::steal(apply_key(ts, key, elem.get()));
    if (!k) return nullptr;
    int take = largest ? rich_compare_bool(ts, top.get(), k.get(), CompareOp::Lt)
                       : rich_compare_bool(ts, k.get(), top.get(), CompareOp::Lt);
    if (take < 0) return nullptr;
    if (!take) continue;
    Ref e = Ref::steal(entry(k.get(), order, elem.get()));
    if (!e) return nullptr;
    Ref old = Ref::steal(heapreplace_impl(ts, result.get(), e.get(), max_heap));
    if (!old) return nullptr;
    Object* top_entry = list_items(result.get())[0];
    if (!is_tuple(top_entry) || tuple_size(top_entry) < 2) {
      return runtime::raise(ts, &exc::TypeError, "cannot unpack heap entry");
    }
    top = Ref::borrow(tuple_items(top_entry)[0]);
    order += largest ? -1 : 1;
  }
  if (list_sort(ts, result.get(), nullptr, largest) < 0) return nullptr;
  int64_t m = list_size(result.get());
  Ref out = Ref::steal(list_new(ts, static_cast<size_t>(m)));
  if (!out) return nullptr;
  for (int64_t i = 0; i < m; ++i) {
    Object* t = list_items(result.get())[i];
    list_items(out.get())[i] = new_ref(tuple_items(t)[key ? 2 : 0]);
  }
  return out.release();
}

Object* h_nsmallest(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return n_best(ts, "nsmallest", args, nargs, kwnames, false);
}
Object* h_nlargest(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return n_best(ts, "nlargest", args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------
// heapq.py's private _siftdown/_siftup (and max variants): the pure-Python
// versions, which work on any mutable sequence through [] and len().
// ---------------------------------------------------------------------------

Object* seq_at(ThreadState* ts, Object* seq, int64_t i) {
  Ref idx = Ref::steal(int_from_i64(ts, i));
  return idx ? get_item(ts, seq, idx.get()) : nullptr;
}
int seq_store(ThreadState* ts, Object* seq, int64_t i, Object* v) {
  Ref idx = Ref::steal(int_from_i64(ts, i));
  return idx ? set_item(ts, seq, idx.get(), v) : -1;
}

// Python's _siftdown: newitem climbs while it sorts before its parent. 0 / -1.
int py_siftdown(ThreadState* ts, Object* heap, int64_t startpos, int64_t pos, bool max) {
  Ref newitem = Ref::steal(seq_at(ts, heap, pos));
  if (!newitem) return -1;
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    Ref parent = Ref::steal(seq_at(ts, heap, parentpos));
    if (!parent) return -1;
    int lt = before(ts, newitem.get(), parent.get(), max);
    if (lt < 0) return -1;
    if (!lt) break;
    if (seq_store(ts, heap, pos, parent.get()) < 0) return -1;
    pos = parentpos;
  }
  return seq_store(ts, heap, pos, newitem.get());
}

// Python's _siftup: the smaller child moves up to a leaf, then newitem sifts down.
int py_siftup(ThreadState* ts, Object* heap, int64_t pos, bool max) {
  int64_t endpos = length(ts, heap);
  if (endpos < 0) return -1;
  int64_t startpos = pos;
  Ref newitem = Ref::steal(seq_at(ts, heap, pos));
  if (!newitem) return -1;
  int64_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    int64_t rightpos = childpos + 1;
    if (rightpos < endpos) {
      Ref c = Ref::steal(seq_at(ts, heap, childpos));
      if (!c) return -1;
      Ref r = Ref::steal(seq_at(ts, heap, rightpos));
      if (!r) return -1;
      int lt = before(ts, c.get(), r.get(), max);
      if (lt < 0) return -1;
      if (!lt) childpos = rightpos;
    }
    Ref child = Ref::steal(seq_at(ts, heap, childpos));
    if (!child || seq_store(ts, heap, pos, child.get()) < 0) return -1;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  if (seq_store(ts, heap, pos, newitem.get()) < 0) return -1;
  return py_siftdown(ts, heap, startpos, pos, max);
}

template <bool kMax>
Object* h_siftdown(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_python_args(ts, kMax ? "_siftdown_max" : "_siftdown", {"heap", "startpos", "pos"}, 3, args, nargs, kwnames,
                        a)) {
    return nullptr;
  }
  int64_t startpos = as_ssize(ts, a[1], &exc::OverflowError);
  if (startpos == -1 && runtime::has_exception(ts)) return nullptr;
  int64_t pos = as_ssize(ts, a[2], &exc::OverflowError);
  if (pos == -1 && runtime::has_exception(ts)) return nullptr;
  if (py_siftdown(ts, a[0], startpos, pos, kMax) < 0) return nullptr;
  return py_none();
}

template <bool kMax>
Object* h_siftup(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_python_args(ts, kMax ? "_siftup_max" : "_siftup", {"heap", "pos"}, 2, args, nargs, kwnames, a)) {
    return nullptr;
  }
  int64_t pos = as_ssize(ts, a[1], &exc::OverflowError);
  if (pos == -1 && runtime::has_exception(ts)) return nullptr;
  if (py_siftup(ts, a[0], pos, kMax) < 0) return nullptr;
  return py_none();
}

// ---------------------------------------------------------------------------
// merge(*iterables, key=None, reverse=False): a lazy iterator over a heap of
// [value, order, iterator] (or [key, order, value, iterator]) lists.
// ---------------------------------------------------------------------------

enum class MergeState : uint8_t { NotStarted, Heap, Tail, Done };

struct Merge : Object {
  Object* iterables = nullptr;  // tuple, until started
  Object* key = nullptr;        // nullptr for None
  Object* reverse = nullptr;
  Object* heap = nullptr;       // list of entries
  Object* tail = nullptr;       // the last iterator left (Tail state)
  MergeState state = MergeState::NotStarted;
  bool advance = false;         // heap[0]'s value was yielded: advance its iterator first
  bool max = false;
};

Merge* MG(Object* o) { return static_cast<Merge*>(o); }

void merge_dealloc(Object* o) {
  Merge* m = MG(o);
  for (Object* c : {m->iterables, m->key, m->reverse, m->heap, m->tail}) xdecref(c);
  free_object(o);
}
int merge_traverse(Object* o, VisitFn visit, void* arg) {
  Merge* m = MG(o);
  for (Object* c : {m->iterables, m->key, m->reverse, m->heap, m->tail}) {
    if (c && visit(c, arg)) return 1;
  }
  return 0;
}
Object* merge_self_iter(ThreadState*, Object* o) { return new_ref(o); }

// Index of the iterator in an entry.
int64_t iter_slot(const Merge* m) { return m->key ? 3 : 2; }
int64_t value_slot(const Merge* m) { return m->key ? 2 : 0; }

// Builds the initial heap (the generator body's first part). 0 / -1.
int merge_start(ThreadState* ts, Merge* m) {
  int rev = is_true(ts, m->reverse);
  if (rev < 0) return -1;
  m->max = rev;
  Ref heap = Ref::steal(list_new(ts, 0));
  if (!heap) return -1;
  Object* iterables = m->iterables;
  int64_t n = tuple_size(iterables);
  for (int64_t order = 0; order < n; ++order) {
    Ref it = Ref::steal(get_iter(ts, tuple_items(iterables)[order]));
    if (!it) return -1;
    Ref value = Ref::steal(iter_next(ts, it.get()));
    if (!value) {
      if (runtime::has_exception(ts)) return -1;
      continue;
    }
    Ref ord = Ref::steal(int_from_i64(ts, rev ? -order : order));
    if (!ord) return -1;
    Ref entry;
    if (m->key) {
      Ref k = Ref::steal(apply_key(ts, m->key, value.get()));
      if (!k) return -1;
      Ref l = Ref::steal(list_new(ts, 4));
      if (!l) return -1;
      Object** items = list_items(l.get());
      items[0] = k.release();
      items[1] = ord.release();
      items[2] = value.release();
      items[3] = it.release();
      entry = std::move(l);
    } else {
      Ref l = Ref::steal(list_new(ts, 3));
      if (!l) return -1;
      Object** items = list_items(l.get());
      items[0] = value.release();
      items[1] = ord.release();
      items[2] = it.release();
      entry = std::move(l);
    }
    if (list_append(ts, heap.get(), entry.get()) < 0) return -1;
  }
  if (heapify_impl(ts, heap.get(), m->max) < 0) return -1;
  clear_ref(m->iterables);
  m->heap = heap.release();
  m->state = MergeState::Heap;
  return 0;
}

// Advances the iterator of heap[0] and restores the heap, dropping the entry
// when that iterator is exhausted. 0 / -1.
int merge_advance(ThreadState* ts, Merge* m) {
  Ref s = Ref::borrow(list_items(m->heap)[0]);
  Ref value = Ref::steal(iter_next(ts, list_items(s.get())[iter_slot(m)]));
  if (!value) {
    if (runtime::has_exception(ts)) return -1;
    Ref popped = Ref::steal(heappop_impl(ts, m->heap, m->max));
    return popped ? 0 : -1;
  }
  if (m->key) {
    Ref k = Ref::steal(apply_key(ts, m->key, value.get()));
    if (!k) return -1;
    set_ref(list_items(s.get())[0], k.release());
    set_ref(list_items(s.get())[2], value.release());
  } else {
    set_ref(list_items(s.get())[0], value.release());
  }
  Ref old = Ref::steal(heapreplace_impl(ts, m->heap, s.get(), m->max));
  return old ? 0 : -1;
}

Object* merge_next_inner(ThreadState* ts, Merge* m) {
  if (m->state == MergeState::NotStarted && merge_start(ts, m) < 0) return nullptr;
  if (m->state == MergeState::Heap) {
    if (m->advance) {
      m->advance = false;
      if (merge_advance(ts, m) < 0) return nullptr;
    }
    int64_t n = list_size(m->heap);
    if (n == 0) {
      m->state = MergeState::Done;
      return nullptr;
    }
    Object* s = list_items(m->heap)[0];
    Object* value = new_ref(list_items(s)[value_slot(m)]);
    if (n > 1) {
      m->advance = true;
    } else {
      // One iterator left: pass the rest of it through.
      m->tail = new_ref(list_items(s)[iter_slot(m)]);
      clear_ref(m->heap);
      m->state = MergeState::Tail;
    }
    return value;
  }
  if (m->state == MergeState::Tail) {
    Object* v = iter_next(ts, m->tail);
    if (!v) {
      m->state = MergeState::Done;
      clear_ref(m->tail);
    }
    return v;
  }
  return nullptr;
}

Object* merge_next(ThreadState* ts, Object* o) {
  Merge* m = MG(o);
  Object* v = merge_next_inner(ts, m);
  if (!v && runtime::has_exception(ts)) {
    // Like a generator, an exception finishes the iteration.
    m->state = MergeState::Done;
    clear_ref(m->heap);
    clear_ref(m->tail);
    clear_ref(m->iterables);
  }
  return v;
}

Object* h_merge(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* key = nullptr;
  Object* reverse = py_false();
  size_t nkw = kwnames_count(kwnames);
  for (size_t j = 0; j < nkw; ++j) {
    Object* name = tuple_items(kwnames)[j];
    if (str_equal_cstr(name, "key")) {
      key = args[nargs + j];
    } else if (str_equal_cstr(name, "reverse")) {
      reverse = args[nargs + j];
    } else {
      return runtime::raise_format(ts, &exc::TypeError, "merge() got an unexpected keyword argument '%s'",
                                   std::string(str_view(ts, name)).c_str());
    }
  }
  Ref iterables = Ref::steal(tuple_from_array(ts, args, nargs));
  if (!iterables) return nullptr;
  auto* m = static_cast<Merge*>(type_generic_alloc(ts, &heapq_merge_type, 0));
  if (!m) return nullptr;
  m->iterables = iterables.release();
  m->key = key && !is_none(key) ? new_ref(key) : nullptr;
  m->reverse = new_ref(reverse);
  return m;
}

const MethodDef heapq_functions[] = {
    {"nsmallest", h_nsmallest, kMethKeywords},
    {"nlargest", h_nlargest, kMethKeywords},
    {"merge", h_merge, kMethKeywords},
    {"_siftdown", h_siftdown<false>, kMethKeywords},
    {"_siftup", h_siftup<false>, kMethKeywords},
    {"_siftdown_max", h_siftdown<true>, kMethKeywords},
    {"_siftup_max", h_siftup<true>, kMethKeywords},
    {},
};

}  // namespace

void init_heapq_merge_type(Type& t) {
  t.name = "heapq.merge";
  t.basicsize = sizeof(Merge);
  t.flags = kTypeHaveGC | kTypeDisallowInstantiation;
  t.dealloc = merge_dealloc;
  t.traverse = merge_traverse;
  t.iter = merge_self_iter;
  t.iternext = merge_next;
}

Object* init__heapq_module(ThreadState* ts) {
  return new_native_module(ts, "_heapq", heapq_primitives, "Heap queue algorithm (a.k.a. priority queue).");
}

// heapq imports _heapq and re-exports its functions (the same objects, as
// CPython's `from _heapq import *`) and adds the iterator-level algorithms.
Object* init_heapq_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "heapq", heapq_functions, "Heap queue algorithm (a.k.a. priority queue)."));
  if (!m) return nullptr;
  Ref prims = Ref::steal(import_module(ts, "_heapq"));
  if (!prims) return nullptr;
  for (const MethodDef* d = heapq_primitives; d->name; ++d) {
    if (add_object(ts, m.get(), d->name, get_attr_str(ts, prims.get(), d->name)) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
