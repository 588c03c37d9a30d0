// range objects and their iterator (int64 bounds; larger bounds raise
// OverflowError for now — big-int ranges arrive with issue 4's library work).
#include <algorithm>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type range_type;
Type range_iterator_type;

namespace {

Range* R(Object* o) { return static_cast<Range*>(o); }

int64_t compute_length(int64_t start, int64_t stop, int64_t step) {
  if (step > 0 && start < stop) return static_cast<int64_t>((static_cast<__int128>(stop) - start - 1) / step + 1);
  if (step < 0 && start > stop) return static_cast<int64_t>((static_cast<__int128>(start) - stop - 1) / (-static_cast<__int128>(step)) + 1);
  return 0;
}

Object* make_range(ThreadState* ts, int64_t start, int64_t stop, int64_t step) {
  auto* r = static_cast<Range*>(alloc_object(ts, &range_type, sizeof(Range)));
  if (!r) return nullptr;
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = compute_length(start, stop, step);
  return r;
}

bool arg(ThreadState* ts, Object* o, int64_t* out) {
  if (!o->ob_type->nb_index) {
    runtime::raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(o->ob_type));
    return false;
  }
  Ref i = Ref::steal(number_index(ts, o));
  if (!i) return false;
  bool ov;
  *out = int_as_i64(ts, i.get(), &ov);
  if (ov) {
    runtime::raise(ts, &exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

Object* range_new(ThreadState* ts, Type*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "range", kwnames) < 0) return nullptr;
  if (nargs == 0) return runtime::raise(ts, &exc::TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return runtime::raise_format(ts, &exc::TypeError, "range expected at most 3 arguments, got %zu", nargs);
  int64_t start = 0, stop, step = 1;
  if (nargs == 1) {
    if (!arg(ts, args[0], &stop)) return nullptr;
  } else {
    if (!arg(ts, args[0], &start) || !arg(ts, args[1], &stop)) return nullptr;
    if (nargs == 3 && !arg(ts, args[2], &step)) return nullptr;
    if (step == 0) return runtime::raise(ts, &exc::ValueError, "range() arg 3 must not be zero");
  }
  return make_range(ts, start, stop, step);
}

Object* range_repr(ThreadState* ts, Object* o) {
  Range* r = R(o);
  std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
  if (r->step != 1) s += ", " + std::to_string(r->step);
  return str_from(ts, s + ")");
}

int64_t range_len(ThreadState*, Object* o) { return R(o)->length; }

Object* range_item(ThreadState* ts, Range* r, int64_t i) { return int_from_i64(ts, r->start + i * r->step); }

Object* range_subscript(ThreadState* ts, Object* o, Object* key) {
  Range* r = R(o);
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return nullptr;
    int64_t len = slice_adjust_indices(r->length, &start, &stop, step);
    int64_t nstart = r->start + start * r->step;
    int64_t nstep = r->step * step;
    return make_range(ts, nstart, nstart + len * nstep, nstep);
  }
  if (!key->ob_type->nb_index) {
    return runtime::raise_format(ts, &exc::TypeError, "range indices must be integers or slices, not %s", type_name(key->ob_type));
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return nullptr;
  if (i < 0) i += r->length;
  if (i < 0 || i >= r->length) return runtime::raise(ts, &exc::IndexError, "range object index out of range");
  return range_item(ts, r, i);
}

int range_contains(ThreadState* ts, Object* o, Object* v) {
  Range* r = R(o);
  if (is_int(v)) {
    if (!int_is_small(v)) return 0;
    int64_t x = int_small_value(v);
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
    return (x - r->start) % r->step == 0;
  }
  for (int64_t i = 0; i < r->length; ++i) {
    Ref item = Ref::steal(range_item(ts, r, i));
    int e = rich_compare_bool(ts, item.get(), v, CompareOp::Eq);
    if (e != 0) return e;
  }
  return 0;
}

Object* range_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (a->ob_type != &range_type || b->ob_type != &range_type || (op != CompareOp::Eq && op != CompareOp::Ne))
    return new_ref(py_not_implemented());
  Range *x = R(a), *y = R(b);
  bool eq = x->length == y->length && (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
  return py_bool(eq == (op == CompareOp::Eq));
}

int64_t range_hash(ThreadState* ts, Object* o) {
  Range* r = R(o);
  Ref len = Ref::steal(int_from_i64(ts, r->length));
  Ref start = Ref::steal(r->length ? int_from_i64(ts, r->start) : new_ref(py_none()));
  Ref step = Ref::steal(r->length > 1 ? int_from_i64(ts, r->step) : new_ref(py_none()));
  Ref t = Ref::steal(tuple_pack(ts, {len.get(), start.get(), step.get()}));
  return t ? hash(ts, t.get()) : -1;
}

Object* make_iter(ThreadState* ts, int64_t next, int64_t step, int64_t n) {
  auto* it = static_cast<RangeIter*>(alloc_object(ts, &range_iterator_type, sizeof(RangeIter)));
  if (!it) return nullptr;
  it->next = next;
  it->step = step;
  it->remaining = n;
  return it;
}
Object* range_iter(ThreadState* ts, Object* o) { return make_iter(ts, R(o)->start, R(o)->step, R(o)->length); }
Object* range_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<RangeIter*>(o);
  if (it->remaining <= 0) return nullptr;
  --it->remaining;
  int64_t v = it->next;
  it->next += it->step;
  return int_from_i64(ts, v);
}
Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }
int64_t range_iter_remaining(ThreadState*, Object* o) { return std::max<int64_t>(static_cast<RangeIter*>(o)->remaining, 0); }
const MethodDef range_iter_methods[] = {SPINDLE_LENGTH_HINT(range_iter_remaining), {}};

Object* m_reversed(ThreadState* ts, Object* o, Object* const*, size_t, Object*) {
  Range* r = R(o);
  return make_iter(ts, r->start + (r->length - 1) * r->step, -r->step, r->length);
}
Object* m_index(ThreadState* ts, Object* o, Object* const* args, size_t, Object*) {
  int c = range_contains(ts, o, args[0]);
  if (c < 0) return nullptr;
  if (!c) return runtime::raise_format(ts, &exc::ValueError, "%s is not in range", repr_utf8(ts, args[0]).c_str());
  if (is_int(args[0])) return int_from_i64(ts, (int_small_value(args[0]) - R(o)->start) / R(o)->step);
  for (int64_t i = 0; i < R(o)->length; ++i) {
    Ref item = Ref::steal(range_item(ts, R(o), i));
    if (rich_compare_bool(ts, item.get(), args[0], CompareOp::Eq) > 0) return int_from_i64(ts, i);
  }
  return nullptr;
}
Object* m_count(ThreadState* ts, Object* o, Object* const* args, size_t, Object*) {
  int c = range_contains(ts, o, args[0]);
  return c < 0 ? nullptr : int_from_i64(ts, c);
}
Object* get_start(ThreadState* ts, Object* o) { return int_from_i64(ts, R(o)->start); }
Object* get_stop(ThreadState* ts, Object* o) { return int_from_i64(ts, R(o)->stop); }
Object* get_step(ThreadState* ts, Object* o) { return int_from_i64(ts, R(o)->step); }

Object* m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref a = Ref::steal(get_start(ts, self)), b = Ref::steal(get_stop(ts, self)), c = Ref::steal(get_step(ts, self));
  if (!a || !b || !c) return nullptr;
  Ref args = Ref::steal(tuple_pack(ts, {a.get(), b.get(), c.get()}));
  if (!args) return nullptr;
  return tuple_pack(ts, {&range_type, args.get()});
}

const MethodDef range_methods[] = {
    {"__reduce__", m_reduce, kMethNoArgs},
    {"__reversed__", m_reversed, kMethNoArgs},
    {"index", m_index, kMethO},
    {"count", m_count, kMethO},
    {},
};
const GetSetDef range_getsets[] = {{"start", get_start, nullptr}, {"stop", get_stop, nullptr}, {"step", get_step, nullptr}, {}};

int range_bool(ThreadState*, Object* o) { return R(o)->length != 0; }

}  // namespace

void init_range_type(Type& t) {
  t.name = "range";
  t.basicsize = sizeof(Range);
  t.flags = kTypeSequence;
  t.repr = range_repr;
  t.hash = range_hash;
  t.richcompare = range_richcompare;
  t.mp_length = range_len;
  t.nb_bool = range_bool;
  t.mp_subscript = range_subscript;
  t.sq_contains = range_contains;
  t.iter = range_iter;
  t.new_ = range_new;
  t.methods = range_methods;
  t.getsets = range_getsets;
}

void init_range_iterator_type(Type& t) {
  t.name = "range_iterator";
  t.basicsize = sizeof(RangeIter);
  t.iter = self_iter;
  t.iternext = range_iter_next;
  t.methods = range_iter_methods;
}

}  // namespace spindle::objects
