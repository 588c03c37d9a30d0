// collections.deque: a double-ended queue on a ring buffer, with its forward
// and reverse iterators.
//
// Invariants:
//   * buf has a power-of-two capacity `cap` (0 when nothing was ever stored);
//     the items are buf[(head + i) & (cap - 1)] for i in [0, size), each an
//     owned non-null reference; the other slots are garbage.
//   * maxlen < 0 means unbounded; otherwise size <= maxlen after every public
//     operation (appending to a full deque drops an item from the other end).
//   * `state` changes whenever items are added or removed (not on item
//     assignment, as CPython): iterators remember it and raise "deque mutated
//     during iteration" when it differs.
//   * Code that calls back into Python (comparisons, repr) holds a reference
//     to the item it passes and re-checks `state` / bounds afterwards.
#include <algorithm>
#include <cstring>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/seq_dunders.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);
}

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type deque_type;
Type deque_iterator_type;
Type deque_reverse_iterator_type;

namespace {

struct Deque : Object {
  Object** buf = nullptr;
  int64_t cap = 0;
  int64_t head = 0;
  int64_t size = 0;
  int64_t maxlen = -1;
  uint64_t state = 0;
};

Deque* D(Object* o) { return static_cast<Deque*>(o); }
bool is_deque(Object* o) { return is_instance_of(o, &deque_type); }

Object*& slot(Deque* d, int64_t i) { return d->buf[(d->head + i) & (d->cap - 1)]; }

// Makes room for `need` items in total. -1 with MemoryError.
int reserve(ThreadState* ts, Deque* d, int64_t need) {
  if (need <= d->cap) return 0;
  int64_t ncap = d->cap ? d->cap : 8;
  while (ncap < need) ncap *= 2;
  auto** nb = static_cast<Object**>(mem_alloc(static_cast<size_t>(ncap) * sizeof(Object*)));
  if (!nb) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  for (int64_t i = 0; i < d->size; ++i) nb[i] = slot(d, i);
  mem_free(d->buf);
  d->buf = nb;
  d->cap = ncap;
  d->head = 0;
  return 0;
}

// Removes and returns (as an owned reference) the item at one end; the deque
// must not be empty.
Object* take_right(Deque* d) {
  Object* v = slot(d, d->size - 1);
  --d->size;
  ++d->state;
  return v;
}
Object* take_left(Deque* d) {
  Object* v = slot(d, 0);
  d->head = (d->head + 1) & (d->cap - 1);
  --d->size;
  ++d->state;
  return v;
}

// Appends a new reference `v` (stolen) at one end, trimming the other end to
// maxlen. -1 on MemoryError (v is released).
int push_right(ThreadState* ts, Deque* d, Object* steal_v) {
  if (d->maxlen == 0) {
    decref(steal_v);
    return 0;
  }
  if (reserve(ts, d, d->size + 1) < 0) {
    decref(steal_v);
    return -1;
  }
  slot(d, d->size) = steal_v;
  ++d->size;
  ++d->state;
  if (d->maxlen >= 0 && d->size > d->maxlen) decref(take_left(d));
  return 0;
}
int push_left(ThreadState* ts, Deque* d, Object* steal_v) {
  if (d->maxlen == 0) {
    decref(steal_v);
    return 0;
  }
  if (reserve(ts, d, d->size + 1) < 0) {
    decref(steal_v);
    return -1;
  }
  d->head = (d->head - 1) & (d->cap - 1);
  d->buf[d->head] = steal_v;
  ++d->size;
  ++d->state;
  if (d->maxlen >= 0 && d->size > d->maxlen) decref(take_right(d));
  return 0;
}

void clear_items(Deque* d) {
  // Detach first: decrefs may run code that looks at the deque.
  std::vector<Object*> items;
  items.reserve(static_cast<size_t>(d->size));
  for (int64_t i = 0; i < d->size; ++i) items.push_back(slot(d, i));
  d->size = 0;
  d->head = 0;
  ++d->state;
  for (Object* o : items) decref(o);
}

int extend_impl(ThreadState* ts, Deque* d, Object* iterable, bool left) {
  if (iterable == d) {
    Ref l = Ref::steal(sequence_list(ts, iterable));
    if (!l) return -1;
    return extend_impl(ts, d, l.get(), left);
  }
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return -1;
  while (Object* v = iter_next(ts, it.get())) {
    if ((left ? push_left(ts, d, v) : push_right(ts, d, v)) < 0) return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

// A new deque of type(self) with the same items and maxlen.
Object* copy_deque(ThreadState* ts, Object* self) {
  Deque* d = D(self);
  if (self->ob_type == &deque_type) {
    auto* n = static_cast<Deque*>(type_generic_alloc(ts, &deque_type, 0));
    if (!n) return nullptr;
    Ref nr = Ref::steal(n);
    n->maxlen = d->maxlen;
    if (reserve(ts, n, d->size) < 0) return nullptr;
    for (int64_t i = 0; i < d->size; ++i) slot(n, i) = new_ref(slot(d, i));
    n->size = d->size;
    return nr.release();
  }
  Object* cls = self->ob_type;
  if (d->maxlen < 0) return call(ts, cls, &self, 1);
  Ref ml = Ref::steal(int_from_i64(ts, d->maxlen));
  if (!ml) return nullptr;
  Object* args[2] = {self, ml.get()};
  return call(ts, cls, args, 2);
}

// --- slots -----------------------------------------------------------------

Object* deque_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  auto* d = static_cast<Deque*>(type_generic_alloc(ts, type, 0));
  if (!d) return nullptr;
  d->maxlen = -1;
  return d;
}

int deque_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOrKeyword, kOptional},
                                      {"maxlen", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("deque", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return -1;
  int64_t maxlen = -1;
  if (av.has(1) && !is_none(av[1])) {
    if (!is_int(av[1])) {
      raise(ts, &exc::TypeError, "an integer is required");
      return -1;
    }
    maxlen = as_ssize(ts, av[1], &exc::OverflowError);
    if (maxlen == -1 && runtime::has_exception(ts)) return -1;
    if (maxlen < 0) {
      raise(ts, &exc::ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  Deque* d = D(self);
  d->maxlen = maxlen;
  if (d->size > 0) clear_items(d);
  if (av.has(0)) return extend_impl(ts, d, av[0], false);
  return 0;
}

void deque_dealloc(Object* o) {
  Deque* d = D(o);
  for (int64_t i = 0; i < d->size; ++i) decref(slot(d, i));
  mem_free(d->buf);
  d->buf = nullptr;
  d->size = 0;
  if (o->ob_type == &deque_type) free_object(o);
  else object_default_dealloc(o);
}

int deque_traverse(Object* o, VisitFn visit, void* arg) {
  Deque* d = D(o);
  for (int64_t i = 0; i < d->size; ++i)
    if (visit(slot(d, i), arg)) return 1;
  return 0;
}

int64_t deque_len(ThreadState*, Object* o) { return D(o)->size; }

Object* deque_repr(ThreadState* ts, Object* o) {
  Deque* d = D(o);
  const char* name = type_name(o->ob_type);
  int rec = repr_enter(ts, o);
  if (rec != 0) return rec > 0 ? str_from_cstr(ts, "[...]") : nullptr;
  Ref items = Ref::steal(sequence_list(ts, o));
  Ref r = items ? Ref::steal(repr(ts, items.get())) : Ref();
  repr_leave(ts, o);
  if (!r) return nullptr;
  StrBuilder b;
  b.append(name);
  b.append("(");
  b.append_str(ts, r.get());
  if (d->maxlen >= 0) b.append(", maxlen=" + std::to_string(d->maxlen));
  b.append(")");
  return b.finish(ts);
}

// A normalized index into the deque, or -1 with IndexError / TypeError.
int64_t checked_index(ThreadState* ts, Deque* d, Object* key) {
  if (!key->ob_type->nb_index) {
    raise_format(ts, &exc::TypeError, "sequence index must be integer, not '%s'", tp_name(key));
    return -1;
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return -1;
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    raise(ts, &exc::IndexError, "deque index out of range");
    return -1;
  }
  return i;
}

Object* deque_subscript(ThreadState* ts, Object* o, Object* key) {
  Deque* d = D(o);
  int64_t i = checked_index(ts, d, key);
  if (i < 0) return nullptr;
  return new_ref(slot(d, i));
}

// Removes the item at index i (0 <= i < size).
void delete_at(Deque* d, int64_t i) {
  Object* v = slot(d, i);
  if (i < d->size / 2) {
    for (int64_t k = i; k > 0; --k) slot(d, k) = slot(d, k - 1);
    d->head = (d->head + 1) & (d->cap - 1);
  } else {
    for (int64_t k = i; k < d->size - 1; ++k) slot(d, k) = slot(d, k + 1);
  }
  --d->size;
  ++d->state;
  decref(v);
}

int deque_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  Deque* d = D(o);
  int64_t i = checked_index(ts, d, key);
  if (i < 0) return -1;
  if (!value) {
    delete_at(d, i);
    return 0;
  }
  Object* old = slot(d, i);
  slot(d, i) = new_ref(value);
  decref(old);
  return 0;
}

int deque_contains(ThreadState* ts, Object* o, Object* x) {
  Deque* d = D(o);
  uint64_t state = d->state;
  for (int64_t i = 0; i < d->size; ++i) {
    Ref item = Ref::borrow(slot(d, i));
    int r = rich_compare_bool(ts, item.get(), x, CompareOp::Eq);
    if (r != 0) return r;
    if (d->state != state) {
      raise(ts, &exc::RuntimeError, "deque mutated during iteration");
      return -1;
    }
  }
  return 0;
}

Object* deque_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_deque(a) || !is_deque(b)) return new_ref(py_not_implemented());
  Deque* x = D(a);
  Deque* y = D(b);
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && x->size != y->size) return py_bool(op == CompareOp::Ne);
  // Snapshot both sides: comparisons may mutate them.
  Ref lx = Ref::steal(sequence_list(ts, a));
  if (!lx) return nullptr;
  Ref ly = Ref::steal(sequence_list(ts, b));
  if (!ly) return nullptr;
  int64_t nx = list_size(lx.get()), ny = list_size(ly.get());
  int64_t i = 0;
  for (; i < nx && i < ny; ++i) {
    int r = rich_compare_bool(ts, list_items(lx.get())[i], list_items(ly.get())[i], CompareOp::Eq);
    if (r < 0) return nullptr;
    if (!r) break;
  }
  if (i >= nx || i >= ny) {
    bool res = false;
    switch (op) {
      case CompareOp::Lt: res = nx < ny; break;
      case CompareOp::Le: res = nx <= ny; break;
      case CompareOp::Eq: res = nx == ny; break;
      case CompareOp::Ne: res = nx != ny; break;
      case CompareOp::Gt: res = nx > ny; break;
      case CompareOp::Ge: res = nx >= ny; break;
    }
    return py_bool(res);
  }
  if (op == CompareOp::Eq) return py_false();
  if (op == CompareOp::Ne) return py_true();
  return rich_compare(ts, list_items(lx.get())[i], list_items(ly.get())[i], op);
}

Object* deque_concat(ThreadState* ts, Object* a, Object* b) {
  if (!is_deque(b)) {
    return raise_format(ts, &exc::TypeError, "can only concatenate %s (not \"%s\") to %s", type_name(a->ob_type),
                        tp_name(b), type_name(a->ob_type));
  }
  Ref r = Ref::steal(copy_deque(ts, a));
  if (!r) return nullptr;
  if (extend_impl(ts, D(r.get()), b, false) < 0) return nullptr;
  return r.release();
}

Object* deque_inplace_concat(ThreadState* ts, Object* a, Object* b) {
  if (extend_impl(ts, D(a), b, false) < 0) return nullptr;
  return new_ref(a);
}

// Repeats the deque's items in place (n >= 1 copies in total).
int repeat_in_place(ThreadState* ts, Deque* d, int64_t n) {
  int64_t size = d->size;
  if (n <= 0 || size == 0) {
    if (n <= 0) clear_items(d);
    return 0;
  }
  if (n == 1) return 0;
  if (size > (int64_t{1} << 58) / n) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  int64_t total = size * n;
  // With a maxlen only the last maxlen items survive: skip the rest.
  if (d->maxlen >= 0 && total > d->maxlen) {
    int64_t keep = d->maxlen;
    std::vector<Object*> items;
    items.reserve(static_cast<size_t>(keep));
    for (int64_t k = total - keep; k < total; ++k) items.push_back(new_ref(slot(d, k % size)));
    clear_items(d);
    if (reserve(ts, d, keep) < 0) {
      for (Object* o : items) decref(o);
      return -1;
    }
    for (int64_t k = 0; k < keep; ++k) slot(d, k) = items[static_cast<size_t>(k)];
    d->size = keep;
    ++d->state;
    return 0;
  }
  if (reserve(ts, d, total) < 0) return -1;
  for (int64_t k = size; k < total; ++k) slot(d, k) = new_ref(slot(d, k % size));
  d->size = total;
  ++d->state;
  return 0;
}

Object* deque_repeat(ThreadState* ts, Object* a, int64_t n) {
  Ref r = Ref::steal(copy_deque(ts, a));
  if (!r) return nullptr;
  if (repeat_in_place(ts, D(r.get()), n) < 0) return nullptr;
  return r.release();
}

Object* deque_inplace_repeat(ThreadState* ts, Object* a, int64_t n) {
  if (repeat_in_place(ts, D(a), n) < 0) return nullptr;
  return new_ref(a);
}

// --- iterators ---------------------------------------------------------------

struct DequeIter : Object {
  Object* deque = nullptr;  // owned
  int64_t index = 0;        // next position (from the left, or from the right for reverse)
  int64_t counter = 0;      // items left
  uint64_t state = 0;
};

Object* make_iter(ThreadState* ts, Object* deque, Type* type) {
  auto* it = static_cast<DequeIter*>(alloc_object(ts, type, sizeof(DequeIter)));
  if (!it) return nullptr;
  it->deque = new_ref(deque);
  it->counter = D(deque)->size;
  it->state = D(deque)->state;
  return it;
}

Object* deque_iter(ThreadState* ts, Object* o) { return make_iter(ts, o, &deque_iterator_type); }

Object* iter_step(ThreadState* ts, Object* o, bool reverse) {
  auto* it = static_cast<DequeIter*>(o);
  if (!it->deque) return nullptr;
  Deque* d = D(it->deque);
  if (d->state != it->state) {
    it->counter = 0;
    return raise(ts, &exc::RuntimeError, "deque mutated during iteration");
  }
  if (it->counter == 0) return nullptr;
  int64_t i = reverse ? d->size - 1 - it->index : it->index;
  ++it->index;
  --it->counter;
  return new_ref(slot(d, i));
}
Object* iter_next_fwd(ThreadState* ts, Object* o) { return iter_step(ts, o, false); }
Object* iter_next_rev(ThreadState* ts, Object* o) { return iter_step(ts, o, true); }

void iter_dealloc(Object* o) {
  xdecref(static_cast<DequeIter*>(o)->deque);
  free_object(o);
}
int iter_traverse(Object* o, VisitFn visit, void* arg) {
  Object* d = static_cast<DequeIter*>(o)->deque;
  return d ? visit(d, arg) : 0;
}
Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }
int64_t iter_remaining(ThreadState*, Object* self) { return static_cast<DequeIter*>(self)->counter; }

const MethodDef iter_methods[] = {
    SPINDLE_LENGTH_HINT(iter_remaining),
    {},
};

// --- methods -------------------------------------------------------------------

Object* m_append(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (push_right(ts, D(self), new_ref(args[0])) < 0) return nullptr;
  return py_none();
}
Object* m_appendleft(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (push_left(ts, D(self), new_ref(args[0])) < 0) return nullptr;
  return py_none();
}
Object* m_pop(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (D(self)->size == 0) return raise(ts, &exc::IndexError, "pop from an empty deque");
  return take_right(D(self));
}
Object* m_popleft(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (D(self)->size == 0) return raise(ts, &exc::IndexError, "pop from an empty deque");
  return take_left(D(self));
}
Object* m_extend(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (extend_impl(ts, D(self), args[0], false) < 0) return nullptr;
  return py_none();
}
Object* m_extendleft(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (extend_impl(ts, D(self), args[0], true) < 0) return nullptr;
  return py_none();
}
Object* m_clear(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  clear_items(D(self));
  return py_none();
}
Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return copy_deque(ts, self); }

// Rotates right by n (left when negative); no effect on an empty deque.
void rotate(Deque* d, int64_t n) {
  if (d->size <= 1) return;
  n %= d->size;
  if (n < 0) n += d->size;
  if (n == 0) return;
  // Moving n items from the right end to the left end keeps the ring intact:
  // when the buffer is full this is just a change of head.
  if (d->size == d->cap) {
    d->head = (d->head - n) & (d->cap - 1);
  } else {
    for (int64_t k = 0; k < n; ++k) {
      Object* v = slot(d, d->size - 1);
      d->head = (d->head - 1) & (d->cap - 1);
      d->buf[d->head] = v;
    }
  }
  ++d->state;
}

Object* m_rotate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "deque.rotate", nargs, kwnames, 0, 1) < 0) return nullptr;
  int64_t n = 1;
  if (nargs) {
    n = as_ssize(ts, args[0], nullptr);
    if (n == -1 && runtime::has_exception(ts)) return nullptr;
  }
  rotate(D(self), n);
  return py_none();
}

Object* m_reverse(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  Deque* d = D(self);
  for (int64_t i = 0, j = d->size - 1; i < j; ++i, --j) std::swap(slot(d, i), slot(d, j));
  ++d->state;
  return py_none();
}

Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Deque* d = D(self);
  uint64_t state = d->state;
  int64_t c = 0;
  for (int64_t i = 0; i < d->size; ++i) {
    Ref item = Ref::borrow(slot(d, i));
    int r = rich_compare_bool(ts, item.get(), args[0], CompareOp::Eq);
    if (r < 0) return nullptr;
    c += r;
    if (d->state != state) return raise(ts, &exc::RuntimeError, "deque mutated during iteration");
  }
  return int_from_i64(ts, c);
}

// A slice bound as index() takes it (None is not accepted, __index__ is).
int slice_bound(ThreadState* ts, Object* o, int64_t* out) {
  if (!o->ob_type->nb_index) {
    raise(ts, &exc::TypeError, "slice indices must be integers or have an __index__ method");
    return -1;
  }
  *out = as_ssize(ts, o, nullptr);
  return (*out == -1 && runtime::has_exception(ts)) ? -1 : 0;
}

Object* m_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "index", kwnames) < 0) return nullptr;
  if (nargs < 1) return raise_format(ts, &exc::TypeError, "index() takes at least 1 argument (%zu given)", nargs);
  if (nargs > 3) return raise_format(ts, &exc::TypeError, "index() takes at most 3 arguments (%zu given)", nargs);
  Deque* d = D(self);
  int64_t start = 0, stop = d->size;
  if (nargs > 1 && slice_bound(ts, args[1], &start) < 0) return nullptr;
  if (nargs > 2 && slice_bound(ts, args[2], &stop) < 0) return nullptr;
  if (start < 0) start = std::max<int64_t>(0, start + d->size);
  if (stop < 0) stop = std::max<int64_t>(0, stop + d->size);
  stop = std::min(stop, d->size);
  uint64_t state = d->state;
  for (int64_t i = start; i < stop; ++i) {
    Ref item = Ref::borrow(slot(d, i));
    int r = rich_compare_bool(ts, item.get(), args[0], CompareOp::Eq);
    if (r < 0) return nullptr;
    if (r) return int_from_i64(ts, i);
    if (d->state != state) return raise(ts, &exc::RuntimeError, "deque mutated during iteration");
  }
  std::string r = repr_utf8(ts, args[0]);
  return raise_format(ts, &exc::ValueError, "%s is not in deque", r.c_str());
}

Object* m_insert(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "insert", kwnames) < 0) return nullptr;
  if (nargs != 2) return raise_format(ts, &exc::TypeError, "insert() takes exactly 2 arguments (%zu given)", nargs);
  Deque* d = D(self);
  int64_t i = as_ssize(ts, args[0], nullptr);
  if (i == -1 && runtime::has_exception(ts)) return nullptr;
  if (d->maxlen >= 0 && d->size >= d->maxlen) return raise(ts, &exc::IndexError, "deque already at its maximum size");
  if (i < 0) i = std::max<int64_t>(0, i + d->size);
  if (i > d->size) i = d->size;
  if (reserve(ts, d, d->size + 1) < 0) return nullptr;
  // Open a gap at the end and shift the tail right by one.
  ++d->size;
  for (int64_t k = d->size - 1; k > i; --k) slot(d, k) = slot(d, k - 1);
  slot(d, i) = new_ref(args[1]);
  ++d->state;
  return py_none();
}

Object* m_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Deque* d = D(self);
  uint64_t state = d->state;
  for (int64_t i = 0; i < d->size; ++i) {
    Ref item = Ref::borrow(slot(d, i));
    int r = rich_compare_bool(ts, item.get(), args[0], CompareOp::Eq);
    if (r < 0) return nullptr;
    if (d->state != state) return raise(ts, &exc::IndexError, "deque mutated during remove().");
    if (r) {
      delete_at(d, i);
      return py_none();
    }
  }
  std::string r = repr_utf8(ts, args[0]);
  return raise_format(ts, &exc::ValueError, "%s is not in deque", r.c_str());
}

Object* m_reversed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_iter(ts, self, &deque_reverse_iterator_type);
}

Object* m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref it = Ref::steal(deque_iter(ts, self));
  if (!it) return nullptr;
  Ref state = Ref::borrow(py_none());
  Object** dp = instance_dict_ptr(self);
  if (dp && *dp) {
    Object* dict = instance_dict_borrowed(ts, self);
    if (!dict && runtime::has_exception(ts)) return nullptr;
    if (dict && dict_size(dict) > 0) state = Ref::borrow(dict);
  }
  Ref args;
  if (D(self)->maxlen < 0) {
    args = Ref::steal(tuple_empty());
  } else {
    Ref empty = Ref::steal(tuple_empty());
    Ref ml = Ref::steal(int_from_i64(ts, D(self)->maxlen));
    if (!empty || !ml) return nullptr;
    args = Ref::steal(tuple_pack(ts, {empty.get(), ml.get()}));
  }
  if (!args) return nullptr;
  return tuple_pack(ts, {self->ob_type, args.get(), state.get(), it.get()});
}

Object* get_maxlen(ThreadState* ts, Object* self) {
  if (D(self)->maxlen < 0) return py_none();
  return int_from_i64(ts, D(self)->maxlen);
}

const MethodDef deque_methods[] = {
    {"append", m_append, kMethO},
    {"appendleft", m_appendleft, kMethO},
    {"pop", m_pop, kMethNoArgs},
    {"popleft", m_popleft, kMethNoArgs},
    {"extend", m_extend, kMethO},
    {"extendleft", m_extendleft, kMethO},
    {"clear", m_clear, kMethNoArgs},
    {"copy", m_copy, kMethNoArgs},
    {"__copy__", m_copy, kMethNoArgs},
    {"rotate", m_rotate, kMethFast},
    {"reverse", m_reverse, kMethNoArgs},
    {"count", m_count, kMethO},
    {"index", m_index, kMethFast},
    {"insert", m_insert, kMethFast},
    {"remove", m_remove, kMethO},
    {"__reversed__", m_reversed, kMethNoArgs},
    {"__reduce__", m_reduce, kMethNoArgs},
    {"__class_getitem__", class_getitem, kMethO | kMethClass},
    SPINDLE_SEQ_DUNDERS,
    SPINDLE_SEQ_INPLACE_DUNDERS,
    {},
};

const GetSetDef deque_getsets[] = {
    {"maxlen", get_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
    {},
};

}  // namespace

void init_deque_type(Type& t) {
  t.name = "collections.deque";
  t.doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints.";
  t.basicsize = sizeof(Deque);
  t.flags = kTypeBaseType | kTypeHaveGC | kTypeSequence;
  t.dealloc = deque_dealloc;
  t.traverse = deque_traverse;
  t.repr = deque_repr;
  t.richcompare = deque_richcompare;
  t.mp_length = deque_len;
  t.mp_subscript = deque_subscript;
  t.mp_ass_subscript = deque_ass_subscript;
  t.sq_contains = deque_contains;
  t.sq_concat = deque_concat;
  t.sq_repeat = deque_repeat;
  t.sq_inplace_concat = deque_inplace_concat;
  t.sq_inplace_repeat = deque_inplace_repeat;
  t.iter = deque_iter;
  t.new_ = deque_new;
  t.init = deque_init;
  t.methods = deque_methods;
  t.getsets = deque_getsets;
}

void init_deque_iterator_type(Type& t) {
  t.name = "_collections._deque_iterator";
  t.basicsize = sizeof(DequeIter);
  t.flags = kTypeHaveGC;
  t.dealloc = iter_dealloc;
  t.traverse = iter_traverse;
  t.iter = self_iter;
  t.iternext = iter_next_fwd;
  t.methods = iter_methods;
}

void init_deque_reverse_iterator_type(Type& t) {
  t.name = "_collections._deque_reverse_iterator";
  t.basicsize = sizeof(DequeIter);
  t.flags = kTypeHaveGC;
  t.dealloc = iter_dealloc;
  t.traverse = iter_traverse;
  t.iter = self_iter;
  t.iternext = iter_next_rev;
  t.methods = iter_methods;
}

}  // namespace spindle::modules
