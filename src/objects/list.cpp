// list: growth, the sequence slots, slicing (with extended slice assignment),
// methods, and a stable merge sort that survives failing comparisons.
#include "objects/list.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/recursion.h"
#include "objects/repr_guard.h"
#include "objects/seq_dunders.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

// types.GenericAlias for list[int] etc. (genericalias.cpp).
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);

using runtime::raise;
using runtime::raise_format;

Type list_type;
Type list_iterator_type;
Type list_reverseiterator_type;

Object* sequence_richcompare(ThreadState* ts, Object* const* a, int64_t na, Object* const* b, int64_t nb,
                             CompareOp op);  // tuple.cpp

namespace {

// Makes room for `newsize` items (CPython's over-allocation).
int list_resize(ThreadState* ts, List* l, int64_t newsize) {
  if (newsize <= l->allocated && newsize >= l->allocated / 2) {
    l->size = newsize;
    return 0;
  }
  int64_t alloc = newsize + (newsize >> 3) + 6;
  alloc &= ~int64_t{3};
  if (newsize == 0) alloc = 0;
  if (alloc > (int64_t{1} << 58)) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  auto** items = static_cast<Object**>(mem_realloc(l->items, static_cast<size_t>(alloc) * sizeof(Object*)));
  if (!items && alloc) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  l->items = items;
  l->allocated = alloc;
  l->size = newsize;
  return 0;
}

}  // namespace

Object* list_new(ThreadState* ts, size_t n) {
  if (n > (size_t{1} << 58)) return runtime::raise_no_memory(ts);
  auto* l = static_cast<List*>(alloc_object(ts, &list_type, sizeof(List)));
  if (!l) return nullptr;
  if (n) {
    l->items = static_cast<Object**>(mem_calloc(n, sizeof(Object*)));
    if (!l->items) {
      decref(l);
      return runtime::raise_no_memory(ts);
    }
  }
  l->size = l->allocated = static_cast<int64_t>(n);
  return l;
}

int list_append(ThreadState* ts, Object* o, Object* v) {
  auto* l = static_cast<List*>(o);
  int64_t n = l->size;
  if (n < l->allocated) {
    l->items[n] = new_ref(v);
    l->size = n + 1;
    return 0;
  }
  if (list_resize(ts, l, n + 1) < 0) return -1;
  l->items[n] = new_ref(v);
  return 0;
}

int list_insert(ThreadState* ts, Object* o, int64_t where, Object* v) {
  auto* l = static_cast<List*>(o);
  int64_t n = l->size;
  if (list_resize(ts, l, n + 1) < 0) return -1;
  if (where < 0) where = std::max<int64_t>(0, where + n);
  if (where > n) where = n;
  std::memmove(l->items + where + 1, l->items + where, static_cast<size_t>(n - where) * sizeof(Object*));
  l->items[where] = new_ref(v);
  return 0;
}

int list_extend(ThreadState* ts, Object* o, Object* iterable) {
  if (is_list(iterable) || is_tuple(iterable)) {
    int64_t m = is_list(iterable) ? list_size(iterable) : tuple_size(iterable);
    Object** src = is_list(iterable) ? list_items(iterable) : tuple_items(iterable);
    auto* l = static_cast<List*>(o);
    int64_t n = l->size;
    if (list_resize(ts, l, n + m) < 0) return -1;
    if (iterable == o) src = l->items;  // the source may have moved
    for (int64_t i = 0; i < m; ++i) l->items[n + i] = new_ref(src[i]);
    return 0;
  }
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return -1;
  // Room for the iterable's length hint up front (its errors propagate, as in
  // CPython); what the guess over-reserved is given back at the end.
  int64_t hint = length_hint(ts, iterable, 8);
  if (hint < 0) return -1;
  auto* l = static_cast<List*>(o);
  int64_t n = l->size;
  if (hint > 0 && hint <= INT64_MAX - n) {
    if (list_resize(ts, l, n + hint) < 0) return -1;
    l->size = n;
  }
  while (Object* v = iter_next(ts, it.get())) {
    int r = list_append(ts, o, v);
    decref(v);
    if (r < 0) return -1;
  }
  if (runtime::has_exception(ts)) return -1;
  return l->size < l->allocated ? list_resize(ts, l, l->size) : 0;
}

Object* list_as_tuple(ThreadState* ts, Object* l) { return tuple_from_array(ts, list_items(l), static_cast<size_t>(list_size(l))); }

// ---------------------------------------------------------------------------
// Sorting: bottom-up merge sort on (key, item) pairs. A failing comparison
// records the error; later comparisons answer "not less" so the merges still
// produce a permutation.
// ---------------------------------------------------------------------------
namespace {

struct SortState {
  ThreadState* ts;
  bool failed = false;
  bool less(Object* a, Object* b) {
    if (failed) return false;
    int r = rich_compare_bool(ts, a, b, CompareOp::Lt);
    if (r < 0) failed = true;
    return r > 0;
  }
};

}  // namespace

int list_sort(ThreadState* ts, Object* o, Object* key, bool reverse) {
  auto* l = static_cast<List*>(o);
  // Take the items: the list looks empty while user code runs.
  int64_t n = l->size;
  Object** items = l->items;
  int64_t alloc = l->allocated;
  l->size = 0;
  l->items = nullptr;
  l->allocated = 0;

  std::vector<Object*> keys;
  bool failed = false;
  if (key && !is_none(key)) {
    keys.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      Object* k = call(ts, key, &items[i], 1);
      if (!k) {
        failed = true;
        break;
      }
      keys.push_back(k);
    }
  }
  if (!failed) {
    std::vector<size_t> idx(static_cast<size_t>(n)), tmp(static_cast<size_t>(n));
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    auto keyof = [&](size_t i) { return keys.empty() ? items[i] : keys[i]; };
    SortState st{ts};
    // Reverse keeps stability: reverse, stable-sort, reverse back.
    if (reverse) std::reverse(idx.begin(), idx.end());
    for (size_t width = 1; width < idx.size(); width *= 2) {
      for (size_t lo = 0; lo < idx.size(); lo += 2 * width) {
        size_t mid = std::min(lo + width, idx.size()), hi = std::min(lo + 2 * width, idx.size());
        size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
          // Take from the right only if strictly less (stability).
          if (st.less(keyof(idx[j]), keyof(idx[i]))) tmp[k++] = idx[j++];
          else tmp[k++] = idx[i++];
        }
        while (i < mid) tmp[k++] = idx[i++];
        while (j < hi) tmp[k++] = idx[j++];
      }
      std::swap(idx, tmp);
    }
    if (reverse) std::reverse(idx.begin(), idx.end());
    failed = st.failed;
    if (!failed) {
      std::vector<Object*> sorted(static_cast<size_t>(n));
      for (size_t i = 0; i < idx.size(); ++i) sorted[i] = items[idx[i]];
      std::copy(sorted.begin(), sorted.end(), items);
    }
  }
  for (Object* k : keys) decref(k);
  // Put the items back; anything the comparisons added is dropped.
  bool modified = l->items != nullptr || l->size != 0;
  for (int64_t i = 0; i < l->size; ++i) decref(l->items[i]);
  mem_free(l->items);
  l->items = items;
  l->size = n;
  l->allocated = alloc;
  if (modified && !failed) {
    raise(ts, &exc::ValueError, "list modified during sort");
    return -1;
  }
  return failed ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------
namespace {

void list_clear_items(List* l) {
  Object** items = l->items;
  int64_t n = l->size;
  l->items = nullptr;
  l->size = l->allocated = 0;
  for (int64_t i = 0; i < n; ++i) decref(items[i]);
  mem_free(items);
}

void list_dealloc(Object* o) {
  list_clear_items(static_cast<List*>(o));
  if (o->ob_type == &list_type) free_object(o);
  else object_default_dealloc(o);
}

int list_traverse(Object* o, VisitFn visit, void* arg) {
  auto* l = static_cast<List*>(o);
  for (int64_t i = l->size; --i >= 0;)  // last first, as CPython (gc.get_referents order)
    if (l->items[i] && visit(l->items[i], arg)) return 1;
  return 0;
}

Object* list_repr(ThreadState* ts, Object* o) {
  auto* l = static_cast<List*>(o);
  if (l->size == 0) return str_from_cstr(ts, "[]");
  int rec = repr_enter(ts, o);
  if (rec != 0) return rec > 0 ? str_from_cstr(ts, "[...]") : nullptr;
  StrBuilder b;
  b.append("[");
  for (int64_t i = 0; i < l->size; ++i) {
    if (i) b.append(", ");
    Object* item = new_ref(l->items[i]);
    Object* r = repr(ts, item);
    decref(item);
    if (!r) {
      repr_leave(ts, o);
      return nullptr;
    }
    b.append_str(ts, r);
    decref(r);
  }
  repr_leave(ts, o);
  b.append("]");
  return b.finish(ts);
}

Object* list_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return new_ref(py_not_implemented());
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && list_size(a) != list_size(b)) return py_bool(op == CompareOp::Ne);
  // Hold references: comparisons may mutate the lists.
  Ref ta = Ref::steal(list_as_tuple(ts, a));
  Ref tb = Ref::steal(list_as_tuple(ts, b));
  if (!ta || !tb) return nullptr;
  return sequence_richcompare(ts, tuple_items(ta.get()), tuple_size(ta.get()), tuple_items(tb.get()),
                              tuple_size(tb.get()), op);
}

int64_t list_len(ThreadState*, Object* o) { return list_size(o); }

int64_t index_of(ThreadState* ts, Object* o, Object* key, int64_t n, const char* what) {
  if (!key->ob_type->nb_index) {
    raise_format(ts, &exc::TypeError, "list indices must be integers or slices, not %s", type_name(key->ob_type));
    return -2;
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return -2;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    raise(ts, &exc::IndexError, what);
    return -2;
  }
  return i;
}

Object* list_subscript(ThreadState* ts, Object* o, Object* key) {
  auto* l = static_cast<List*>(o);
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return nullptr;
    int64_t len = slice_adjust_indices(l->size, &start, &stop, step);
    Object* r = list_new(ts, static_cast<size_t>(len));
    if (!r) return nullptr;
    for (int64_t i = 0; i < len; ++i) list_items(r)[i] = new_ref(l->items[start + i * step]);
    return r;
  }
  int64_t i = index_of(ts, o, key, l->size, "list index out of range");
  if (i < 0) return nullptr;
  return new_ref(l->items[i]);
}

int list_ass_slice(ThreadState* ts, List* l, Object* key, Object* value) {
  int64_t start, stop, step;
  if (slice_unpack(ts, key, &start, &stop, &step) < 0) return -1;
  int64_t len = slice_adjust_indices(l->size, &start, &stop, step);
  Ref seq;
  int64_t m = 0;
  Object** src = nullptr;
  if (value && value != l && (value->ob_type == &list_type || value->ob_type == &tuple_type)) {
    // Items straight from an exact list or tuple (held by `seq`: they are
    // all increfed before anything is released).
    seq = Ref::steal(new_ref(value));
    m = value->ob_type == &list_type ? list_size(value) : tuple_size(value);
    src = value->ob_type == &list_type ? list_items(value) : tuple_items(value);
  } else if (value) {
    seq = Ref::steal(sequence_tuple(ts, value));
    if (!seq) {
      if (runtime::exception_matches(ts, &exc::TypeError) && step == 1) {
        runtime::clear_exception(ts);
        raise(ts, &exc::TypeError, "can only assign an iterable");
      }
      return -1;
    }
    m = tuple_size(seq.get());
    src = tuple_items(seq.get());
  }
  if (step == 1) {
    if (stop < start) stop = start;
    int64_t old = stop - start;
    // The replaced items, released once the list is consistent again (a
    // finalizer may look at it).
    Object* few[16];
    std::vector<Object*> many;
    Object** removed = few;
    if (old > 16) {
      many.assign(l->items + start, l->items + stop);
      removed = many.data();
    } else {
      std::copy(l->items + start, l->items + stop, few);
    }
    int64_t n = l->size;
    // The tail moves (an empty list's items may be null: nothing to move).
    size_t tail = static_cast<size_t>(n - stop) * sizeof(Object*);
    if (m > old) {
      if (list_resize(ts, l, n + m - old) < 0) return -1;
      if (tail) std::memmove(l->items + start + m, l->items + stop, tail);
    } else {
      if (tail) std::memmove(l->items + start + m, l->items + stop, tail);
      (void)list_resize(ts, l, n + m - old);
    }
    for (int64_t i = 0; i < m; ++i) l->items[start + i] = new_ref(src[i]);
    for (int64_t i = 0; i < old; ++i) decref(removed[i]);
    return 0;
  }
  if (!value) {
    // Delete an extended slice: compact the kept items.
    std::vector<Object*> removed;
    std::vector<Object*> kept;
    for (int64_t i = 0, j = 0; i < l->size; ++i) {
      bool hit = j < len && i == start + j * step;
      if (!hit && step < 0) {
        // Negative steps: test membership arithmetically.
        int64_t d = start - i;
        hit = d >= 0 && d % (-step) == 0 && d / (-step) < len;
      }
      if (hit) {
        removed.push_back(l->items[i]);
        if (step > 0) ++j;
      } else {
        kept.push_back(l->items[i]);
      }
    }
    std::copy(kept.begin(), kept.end(), l->items);
    (void)list_resize(ts, l, static_cast<int64_t>(kept.size()));
    for (Object* r : removed) decref(r);
    return 0;
  }
  if (m != len) {
    raise_format(ts, &exc::ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                 static_cast<long long>(m), static_cast<long long>(len));
    return -1;
  }
  for (int64_t i = 0; i < len; ++i) {
    Object* old = l->items[start + i * step];
    l->items[start + i * step] = new_ref(src[i]);
    decref(old);
  }
  return 0;
}

int list_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  auto* l = static_cast<List*>(o);
  if (key->ob_type == &slice_type) return list_ass_slice(ts, l, key, value);
  int64_t i = index_of(ts, o, key, l->size, value ? "list assignment index out of range" : "list assignment index out of range");
  if (i < 0) return -1;
  Object* old = l->items[i];
  if (value) {
    l->items[i] = new_ref(value);
  } else {
    std::memmove(l->items + i, l->items + i + 1, static_cast<size_t>(l->size - i - 1) * sizeof(Object*));
    (void)list_resize(ts, l, l->size - 1);
  }
  decref(old);
  return 0;
}

int list_contains(ThreadState* ts, Object* o, Object* v) {
  for (int64_t i = 0; i < list_size(o); ++i) {
    Object* item = new_ref(list_items(o)[i]);
    int r = rich_compare_bool(ts, item, v, CompareOp::Eq);
    decref(item);
    if (r != 0) return r;
  }
  return 0;
}

Object* list_concat(ThreadState* ts, Object* a, Object* b) {
  if (!is_list(b)) {
    return raise_format(ts, &exc::TypeError, "can only concatenate list (not \"%s\") to list", type_name(b->ob_type));
  }
  int64_t na = list_size(a), nb = list_size(b);
  Object* r = list_new(ts, static_cast<size_t>(na + nb));
  if (!r) return nullptr;
  for (int64_t i = 0; i < na; ++i) list_items(r)[i] = new_ref(list_items(a)[i]);
  for (int64_t i = 0; i < nb; ++i) list_items(r)[na + i] = new_ref(list_items(b)[i]);
  return r;
}

Object* list_repeat(ThreadState* ts, Object* a, int64_t count) {
  int64_t n = list_size(a);
  if (count < 0) count = 0;
  if (n && count > (int64_t{1} << 58) / n) return runtime::raise_no_memory(ts);
  Object* r = list_new(ts, static_cast<size_t>(n * count));
  if (!r) return nullptr;
  for (int64_t k = 0; k < count; ++k)
    for (int64_t i = 0; i < n; ++i) list_items(r)[k * n + i] = new_ref(list_items(a)[i]);
  return r;
}

Object* list_inplace_concat(ThreadState* ts, Object* a, Object* b) {
  if (list_extend(ts, a, b) < 0) return nullptr;
  return new_ref(a);
}

Object* list_inplace_repeat(ThreadState* ts, Object* a, int64_t count) {
  auto* l = static_cast<List*>(a);
  int64_t n = l->size;
  if (count <= 0 || n == 0) {
    list_clear_items(l);
    return new_ref(a);
  }
  if (count > (int64_t{1} << 58) / n) return runtime::raise_no_memory(ts);
  if (list_resize(ts, l, n * count) < 0) return nullptr;
  for (int64_t k = 1; k < count; ++k)
    for (int64_t i = 0; i < n; ++i) l->items[k * n + i] = new_ref(l->items[i]);
  return new_ref(a);
}

Object* make_iter(ThreadState* ts, Object* o, Type* type, int64_t start) {
  auto* it = static_cast<ListIter*>(alloc_object(ts, type, sizeof(ListIter)));
  if (!it) return nullptr;
  it->seq = new_ref(o);
  it->index = start;
  return it;
}

Object* list_iter(ThreadState* ts, Object* o) { return make_iter(ts, o, &list_iterator_type, 0); }

Object* list_iter_next(ThreadState*, Object* o) {
  auto* it = static_cast<ListIter*>(o);
  if (!it->seq) return nullptr;
  if (it->index < list_size(it->seq)) return new_ref(list_items(it->seq)[it->index++]);
  clear_ref(it->seq);
  return nullptr;
}

Object* list_reviter_next(ThreadState*, Object* o) {
  auto* it = static_cast<ListIter*>(o);
  if (!it->seq) return nullptr;
  if (it->index >= 0 && it->index < list_size(it->seq)) return new_ref(list_items(it->seq)[it->index--]);
  clear_ref(it->seq);
  return nullptr;
}

// Left to a forward iterator: none once the list shrank below its index.
int64_t list_iter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<ListIter*>(o);
  return it->seq ? std::max<int64_t>(list_size(it->seq) - it->index, 0) : 0;
}

// Left to a reverse iterator: index + 1, or none once the list shrank below that.
int64_t list_reviter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<ListIter*>(o);
  return it->seq && list_size(it->seq) > it->index ? it->index + 1 : 0;
}

const MethodDef list_iter_methods[] = {SPINDLE_LENGTH_HINT(list_iter_remaining), {}};
const MethodDef list_reviter_methods[] = {SPINDLE_LENGTH_HINT(list_reviter_remaining), {}};

void list_iter_dealloc(Object* o) {
  xdecref(static_cast<ListIter*>(o)->seq);
  free_object(o);
}

Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

Object* list_new_slot(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  if (type == &list_type) return list_new(ts, 0);
  return type_generic_alloc(ts, type, 0);
}

int list_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "list", nargs, kwnames, 0, 1) < 0) return -1;
  list_clear_items(static_cast<List*>(self));
  if (nargs == 1) return list_extend(ts, self, args[0]);
  return 0;
}

// --- methods ---------------------------------------------------------------
Object* m_append(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (list_append(ts, self, args[0]) < 0) return nullptr;
  return py_none();
}
Object* m_extend(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (list_extend(ts, self, args[0]) < 0) return nullptr;
  return py_none();
}
Object* m_insert(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "insert", nargs, kwnames, 2, 2) < 0) return nullptr;
  int64_t i = as_ssize(ts, args[0], nullptr);
  if (i == -1 && runtime::has_exception(ts)) return nullptr;
  if (list_insert(ts, self, i, args[1]) < 0) return nullptr;
  return py_none();
}
Object* m_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "pop", nargs, kwnames, 0, 1) < 0) return nullptr;
  auto* l = static_cast<List*>(self);
  if (l->size == 0) return raise(ts, &exc::IndexError, "pop from empty list");
  int64_t i = l->size - 1;
  if (nargs) {
    i = as_ssize(ts, args[0], nullptr);
    if (i == -1 && runtime::has_exception(ts)) return nullptr;
    if (i < 0) i += l->size;
    if (i < 0 || i >= l->size) return raise(ts, &exc::IndexError, "pop index out of range");
  }
  Object* v = l->items[i];
  std::memmove(l->items + i, l->items + i + 1, static_cast<size_t>(l->size - i - 1) * sizeof(Object*));
  (void)list_resize(ts, l, l->size - 1);
  return v;
}
int64_t find(ThreadState* ts, Object* self, Object* v, int64_t start, int64_t stop) {
  for (int64_t i = start; i < std::min(stop, list_size(self)); ++i) {
    Object* item = new_ref(list_items(self)[i]);
    int r = rich_compare_bool(ts, item, v, CompareOp::Eq);
    decref(item);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}
Object* m_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t i = find(ts, self, args[0], 0, list_size(self));
  if (i == -2) return nullptr;
  if (i == -1) return raise(ts, &exc::ValueError, "list.remove(x): x not in list");
  auto* l = static_cast<List*>(self);
  Object* v = l->items[i];
  std::memmove(l->items + i, l->items + i + 1, static_cast<size_t>(l->size - i - 1) * sizeof(Object*));
  (void)list_resize(ts, l, l->size - 1);
  decref(v);
  return py_none();
}
Object* m_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "index", nargs, kwnames, 1, 3) < 0) return nullptr;
  int64_t n = list_size(self), start = 0, stop = n;
  if (nargs > 1 && (start = as_ssize(ts, args[1], nullptr)) == -1 && runtime::has_exception(ts)) return nullptr;
  if (nargs > 2 && (stop = as_ssize(ts, args[2], nullptr)) == -1 && runtime::has_exception(ts)) return nullptr;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop += n;
  int64_t i = find(ts, self, args[0], start, stop);
  if (i == -2) return nullptr;
  if (i == -1) {
    std::string r = repr_utf8(ts, args[0]);
    return raise_format(ts, &exc::ValueError, "%s is not in list", r.c_str());
  }
  return int_from_i64(ts, i);
}
Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t c = 0;
  for (int64_t i = 0; i < list_size(self); ++i) {
    Object* item = new_ref(list_items(self)[i]);
    int r = rich_compare_bool(ts, item, args[0], CompareOp::Eq);
    decref(item);
    if (r < 0) return nullptr;
    c += r;
  }
  return int_from_i64(ts, c);
}
Object* m_reverse(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  std::reverse(list_items(self), list_items(self) + list_size(self));
  return py_none();
}
Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return list_repeat(ts, self, 1);
}
Object* m_clear(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  list_clear_items(static_cast<List*>(self));
  return py_none();
}
Object* m_sort(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"key", ParamKind::KeywordOnly, kOptional},
                                      {"reverse", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("sort", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int rev = av.has(1) ? is_true(ts, av[1]) : 0;
  if (rev < 0) return nullptr;
  if (list_sort(ts, self, av[0], rev) < 0) return nullptr;
  return py_none();
}
Object* m_reversed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_iter(ts, self, &list_reverseiterator_type, list_size(self) - 1);
}

const MethodDef list_methods[] = {
    {"append", m_append, kMethO},
    {"extend", m_extend, kMethO},
    {"insert", m_insert, kMethFast},
    {"pop", m_pop, kMethFast},
    {"remove", m_remove, kMethO},
    {"index", m_index, kMethFast},
    {"count", m_count, kMethO},
    {"reverse", m_reverse, kMethNoArgs},
    {"copy", m_copy, kMethNoArgs},
    {"clear", m_clear, kMethNoArgs},
    {"sort", m_sort, kMethKeywords},
    {"__reversed__", m_reversed, kMethNoArgs},
    {"__class_getitem__", class_getitem, kMethO | kMethClass},
    SPINDLE_SEQ_DUNDERS,
    SPINDLE_SEQ_INPLACE_DUNDERS,
    {},
};

}  // namespace

void init_list_type(Type& t) {
  t.name = "list";
  t.basicsize = sizeof(List);
  t.flags = kTypeBaseType | kTypeListSubclass | kTypeSequence | kTypeHaveGC;
  t.dealloc = list_dealloc;
  t.traverse = list_traverse;
  t.clear = [](Object* o) {
    list_clear_items(static_cast<List*>(o));
    return 0;
  };
  t.repr = list_repr;
  t.richcompare = list_richcompare;
  t.mp_length = list_len;
  t.mp_subscript = list_subscript;
  t.mp_ass_subscript = list_ass_subscript;
  t.sq_contains = list_contains;
  t.sq_concat = list_concat;
  t.sq_repeat = list_repeat;
  t.sq_inplace_concat = list_inplace_concat;
  t.sq_inplace_repeat = list_inplace_repeat;
  t.iter = list_iter;
  t.new_ = list_new_slot;
  t.init = list_init;
  t.methods = list_methods;
}

void init_list_iterator_type(Type& t) {
  t.name = "list_iterator";
  t.basicsize = sizeof(ListIter);
  t.dealloc = list_iter_dealloc;
  t.iter = self_iter;
  t.iternext = list_iter_next;
  t.methods = list_iter_methods;
}

void init_list_reverseiterator_type(Type& t) {
  t.name = "list_reverseiterator";
  t.basicsize = sizeof(ListIter);
  t.dealloc = list_iter_dealloc;
  t.iter = self_iter;
  t.iternext = list_reviter_next;
  t.methods = list_reviter_methods;
}

}  // namespace spindle::objects
