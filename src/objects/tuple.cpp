// tuple: construction, hashing (CPython's xxHash-based scheme, so hashes of
// tuples of numbers equal CPython's), comparison, sequence slots.
#include "objects/tuple.h"

#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/recursion.h"
#include "objects/seq_dunders.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

// types.GenericAlias for list[int] etc. (genericalias.cpp).
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);

using runtime::raise;
using runtime::raise_format;

Type tuple_type;
Type tuple_iterator_type;

namespace {
Tuple g_empty_tuple;  // immortal; header set in init_tuple_type
}

Object* tuple_empty() { return &g_empty_tuple; }

Object* tuple_new(ThreadState* ts, size_t n) {
  if (n == 0) return tuple_empty();
  if (n > (SIZE_MAX / sizeof(Object*)) / 2) return runtime::raise_no_memory(ts);
  auto* t = static_cast<Tuple*>(alloc_object(ts, &tuple_type, sizeof(Tuple) + (n - 1) * sizeof(Object*)));
  if (!t) return nullptr;
  t->size = static_cast<int64_t>(n);
  t->hash = -1;
  return t;
}

Object* tuple_from_array(ThreadState* ts, Object* const* items, size_t n) {
  Object* t = tuple_new(ts, n);
  if (!t) return nullptr;
  for (size_t i = 0; i < n; ++i) tuple_items(t)[i] = new_ref(items[i]);
  return t;
}

Object* tuple_pack(ThreadState* ts, std::initializer_list<Object*> items) {
  return tuple_from_array(ts, items.begin(), items.size());
}

Object* tuple_reuse_or_new(ThreadState* ts, Object*& cached, Object* const* items, int64_t n) {
  if (cached && is_uniquely_referenced(cached) && tuple_size(cached) == n && n <= 8) {
    Object* old[8];
    Object** slots = tuple_items(cached);
    for (int64_t i = 0; i < n; ++i) {
      old[i] = slots[i];
      slots[i] = items[i];
    }
    for (int64_t i = 0; i < n; ++i) decref(old[i]);
    return new_ref(cached);
  }
  Object* t = tuple_new(ts, static_cast<size_t>(n));
  if (!t) {
    for (int64_t i = 0; i < n; ++i) decref(items[i]);
    return nullptr;
  }
  for (int64_t i = 0; i < n; ++i) tuple_items(t)[i] = items[i];
  Object* previous = cached;
  cached = new_ref(t);
  xdecref(previous);
  return t;
}

Object* tuple_slice(ThreadState* ts, Object* t, int64_t start, int64_t stop) {
  int64_t n = tuple_size(t);
  start = std::max<int64_t>(0, std::min(start, n));
  stop = std::max(start, std::min(stop, n));
  if (start == 0 && stop == n && t->ob_type == &tuple_type) return new_ref(t);
  return tuple_from_array(ts, tuple_items(t) + start, static_cast<size_t>(stop - start));
}

namespace {

void tuple_dealloc(Object* o) {
  auto* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) xdecref(t->items[i]);
  free_object(o);
}

int tuple_traverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<Tuple*>(o);
  for (int64_t i = t->size; --i >= 0;)  // last first, as CPython (gc.get_referents order)
    if (t->items[i] && visit(t->items[i], arg)) return 1;
  return 0;
}

Object* tuple_repr(ThreadState* ts, Object* o) {
  int64_t n = tuple_size(o);
  if (n == 0) return str_from_cstr(ts, "()");
  if (enter_recursive_call(ts, " while getting the repr of an object") < 0) return nullptr;
  StrBuilder b;
  b.append("(");
  for (int64_t i = 0; i < n; ++i) {
    if (i) b.append(", ");
    Object* r = repr(ts, tuple_items(o)[i]);
    if (!r) {
      leave_recursive_call(ts);
      return nullptr;
    }
    b.append_str(ts, r);
    decref(r);
  }
  leave_recursive_call(ts);
  b.append(n == 1 ? ",)" : ")");
  return b.finish(ts);
}

// CPython's tuple hash (xxHash64 round constants).
int64_t tuple_hash(ThreadState* ts, Object* o) {
  constexpr uint64_t kP1 = 11400714785074694791ULL, kP2 = 14029467366897019727ULL, kP5 = 2870177450012600261ULL;
  auto* t = static_cast<Tuple*>(o);
  if (t->hash != -1) return t->hash;
  uint64_t acc = kP5;
  for (int64_t i = 0; i < t->size; ++i) {
    int64_t h = hash(ts, t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kP2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kP1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kP5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
  auto h = static_cast<int64_t>(acc);
  if (o->ob_type == &tuple_type) t->hash = h;
  return h;
}

int64_t tuple_len(ThreadState*, Object* o) { return tuple_size(o); }

}  // namespace

// Lexicographic comparison shared by tuple and list: identity-then-== on items.
Object* sequence_richcompare(ThreadState* ts, Object* const* a, int64_t na, Object* const* b, int64_t nb,
                             CompareOp op) {
  int64_t i = 0;
  for (; i < na && i < nb; ++i) {
    if (a[i] == b[i]) continue;
    int eq = rich_compare_bool(ts, a[i], b[i], CompareOp::Eq);
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= na || i >= nb) {
    int c = (na > nb) - (na < nb);
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = c < 0; break;
      case CompareOp::Le: r = c <= 0; break;
      case CompareOp::Eq: r = c == 0; break;
      case CompareOp::Ne: r = c != 0; break;
      case CompareOp::Gt: r = c > 0; break;
      case CompareOp::Ge: r = c >= 0; break;
    }
    return py_bool(r);
  }
  if (op == CompareOp::Eq) return py_false();
  if (op == CompareOp::Ne) return py_true();
  return rich_compare(ts, a[i], b[i], op);
}

namespace {

Object* tuple_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return new_ref(py_not_implemented());
  return sequence_richcompare(ts, tuple_items(a), tuple_size(a), tuple_items(b), tuple_size(b), op);
}

Object* tuple_subscript(ThreadState* ts, Object* o, Object* key) {
  int64_t n = tuple_size(o);
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return nullptr;
    int64_t len = slice_adjust_indices(n, &start, &stop, step);
    if (step == 1) return tuple_slice(ts, o, start, start + len);
    Object* r = tuple_new(ts, static_cast<size_t>(len));
    if (!r) return nullptr;
    for (int64_t i = 0; i < len; ++i) tuple_items(r)[i] = new_ref(tuple_items(o)[start + i * step]);
    return r;
  }
  if (!key->ob_type->nb_index) {
    return raise_format(ts, &exc::TypeError, "tuple indices must be integers or slices, not %s",
                        type_name(key->ob_type));
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return nullptr;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(ts, &exc::IndexError, "tuple index out of range");
  return new_ref(tuple_items(o)[i]);
}

int tuple_contains(ThreadState* ts, Object* o, Object* v) {
  for (int64_t i = 0; i < tuple_size(o); ++i) {
    int r = rich_compare_bool(ts, tuple_items(o)[i], v, CompareOp::Eq);
    if (r != 0) return r;
  }
  return 0;
}

Object* tuple_concat(ThreadState* ts, Object* a, Object* b) {
  if (!is_tuple(b)) {
    return raise_format(ts, &exc::TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_name(b->ob_type));
  }
  int64_t na = tuple_size(a), nb = tuple_size(b);
  if (nb == 0 && a->ob_type == &tuple_type) return new_ref(a);
  if (na == 0 && b->ob_type == &tuple_type) return new_ref(b);
  Object* r = tuple_new(ts, static_cast<size_t>(na + nb));
  if (!r) return nullptr;
  for (int64_t i = 0; i < na; ++i) tuple_items(r)[i] = new_ref(tuple_items(a)[i]);
  for (int64_t i = 0; i < nb; ++i) tuple_items(r)[na + i] = new_ref(tuple_items(b)[i]);
  return r;
}

Object* tuple_repeat(ThreadState* ts, Object* a, int64_t count) {
  int64_t n = tuple_size(a);
  if (count <= 0 || n == 0) return tuple_empty();
  if (count == 1 && a->ob_type == &tuple_type) return new_ref(a);
  if (n > INT64_MAX / count / 16) return runtime::raise_no_memory(ts);
  Object* r = tuple_new(ts, static_cast<size_t>(n * count));
  if (!r) return nullptr;
  for (int64_t k = 0; k < count; ++k)
    for (int64_t i = 0; i < n; ++i) tuple_items(r)[k * n + i] = new_ref(tuple_items(a)[i]);
  return r;
}

Object* tuple_iter(ThreadState* ts, Object* o) {
  auto* it = static_cast<TupleIter*>(alloc_object(ts, &tuple_iterator_type, sizeof(TupleIter)));
  if (!it) return nullptr;
  it->seq = new_ref(o);
  return it;
}

Object* tuple_iter_next(ThreadState*, Object* o) {
  auto* it = static_cast<TupleIter*>(o);
  if (!it->seq) return nullptr;
  if (it->index < tuple_size(it->seq)) return new_ref(tuple_items(it->seq)[it->index++]);
  clear_ref(it->seq);
  return nullptr;
}

int64_t tuple_iter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<TupleIter*>(o);
  return it->seq ? tuple_size(it->seq) - it->index : 0;
}

const MethodDef tuple_iter_methods[] = {SPINDLE_LENGTH_HINT(tuple_iter_remaining), {}};

void tuple_iter_dealloc(Object* o) {
  xdecref(static_cast<TupleIter*>(o)->seq);
  free_object(o);
}

Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

Object* tuple_new_slot(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "tuple", nargs, kwnames, 0, 1) < 0) return nullptr;
  Ref items = Ref::steal(nargs == 0 ? tuple_empty() : sequence_tuple(ts, args[0]));
  if (!items || type == &tuple_type) return items.release();
  int64_t n = tuple_size(items.get());
  // A subclass instance: same layout, room for the dict pointer at the end.
  auto* t = static_cast<Tuple*>(type_generic_alloc(ts, type, static_cast<size_t>(n)));
  if (!t) return nullptr;
  t->size = n;
  t->hash = -1;
  for (int64_t i = 0; i < n; ++i) t->items[i] = new_ref(tuple_items(items.get())[i]);
  return t;
}

Object* tuple_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "index", nargs, kwnames, 1, 3) < 0) return nullptr;
  int64_t n = tuple_size(self), start = 0, stop = n;
  if (nargs > 1 && (start = as_ssize(ts, args[1], nullptr)) == -1 && runtime::has_exception(ts)) return nullptr;
  if (nargs > 2 && (stop = as_ssize(ts, args[2], nullptr)) == -1 && runtime::has_exception(ts)) return nullptr;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop += n;
  for (int64_t i = start; i < std::min(stop, n); ++i) {
    int r = rich_compare_bool(ts, tuple_items(self)[i], args[0], CompareOp::Eq);
    if (r < 0) return nullptr;
    if (r) return int_from_i64(ts, i);
  }
  return raise(ts, &exc::ValueError, "tuple.index(x): x not in tuple");
}

Object* tuple_count(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t c = 0;
  for (int64_t i = 0; i < tuple_size(self); ++i) {
    int r = rich_compare_bool(ts, tuple_items(self)[i], args[0], CompareOp::Eq);
    if (r < 0) return nullptr;
    c += r;
  }
  return int_from_i64(ts, c);
}

// (tuple(self),): the arguments that recreate a tuple subclass instance.
Object* tuple_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref copy = Ref::steal(self->ob_type == &tuple_type ? new_ref(self) : tuple_from_array(ts, tuple_items(self), static_cast<size_t>(tuple_size(self))));
  if (!copy) return nullptr;
  return tuple_pack(ts, {copy.get()});
}

const MethodDef tuple_methods[] = {
    {"index", tuple_index, kMethFast},
    {"__getnewargs__", tuple_getnewargs, kMethNoArgs},
    {"count", tuple_count, kMethO},
    {"__class_getitem__", class_getitem, kMethO | kMethClass},
    SPINDLE_SEQ_DUNDERS,
    {},
};

}  // namespace

void init_tuple_type(Type& t) {
  g_empty_tuple.ob_type = &tuple_type;
  make_immortal(&g_empty_tuple);
  g_empty_tuple.size = 0;
  g_empty_tuple.hash = -1;
  t.name = "tuple";
  t.basicsize = sizeof(Tuple) - sizeof(Object*);
  t.itemsize = sizeof(Object*);
  t.flags = kTypeBaseType | kTypeTupleSubclass | kTypeSequence | kTypeHaveGC;
  t.dealloc = tuple_dealloc;
  t.traverse = tuple_traverse;
  t.repr = tuple_repr;
  t.hash = tuple_hash;
  t.richcompare = tuple_richcompare;
  t.mp_length = tuple_len;
  t.mp_subscript = tuple_subscript;
  t.sq_contains = tuple_contains;
  t.sq_concat = tuple_concat;
  t.sq_repeat = tuple_repeat;
  t.iter = tuple_iter;
  t.new_ = tuple_new_slot;
  t.methods = tuple_methods;
}

void init_tuple_iterator_type(Type& t) {
  t.name = "tuple_iterator";
  t.basicsize = sizeof(TupleIter);
  t.dealloc = tuple_iter_dealloc;
  t.iter = self_iter;
  t.iternext = tuple_iter_next;
  t.methods = tuple_iter_methods;
}

}  // namespace spindle::objects
