// slice objects and index clamping shared by every sequence.
#include "objects/slice.h"

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/free_list.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type slice_type;

namespace {
thread_local FreeList<Slice> t_slice_free;  // objects/free_list.h (a[i:j] makes one per use)
}  // namespace

Object* slice_new(ThreadState* ts, Object* start, Object* stop, Object* step) {
  auto* s = t_slice_free.pop(&slice_type);
  if (!s) s = static_cast<Slice*>(alloc_object(ts, &slice_type, sizeof(Slice)));
  if (!s) return nullptr;
  s->start = new_ref(start ? start : py_none());
  s->stop = new_ref(stop ? stop : py_none());
  s->step = new_ref(step ? step : py_none());
  return s;
}

namespace {
// A slice bound as int64, clamped (huge values saturate as CPython does).
int bound(ThreadState* ts, Object* v, int64_t* out) {
  if (is_int_exact(v) && int_is_small(v)) {
    *out = int_small_value(v);
    return 0;
  }
  if (!v->ob_type->nb_index) {
    runtime::raise(ts, &exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  int64_t x = as_ssize(ts, v, nullptr);
  if (x == -1 && runtime::has_exception(ts)) return -1;
  *out = x;
  return 0;
}
}  // namespace

int slice_unpack(ThreadState* ts, Object* o, int64_t* start, int64_t* stop, int64_t* step) {
  auto* s = static_cast<Slice*>(o);
  if (is_none(s->step)) {
    *step = 1;
  } else {
    if (bound(ts, s->step, step) < 0) return -1;
    if (*step == 0) {
      runtime::raise(ts, &exc::ValueError, "slice step cannot be zero");
      return -1;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  if (is_none(s->start)) *start = *step < 0 ? INT64_MAX : 0;
  else if (bound(ts, s->start, start) < 0) return -1;
  if (is_none(s->stop)) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  else if (bound(ts, s->stop, stop) < 0) return -1;
  return 0;
}

int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

namespace {

void slice_dealloc(Object* o) {
  auto* s = static_cast<Slice*>(o);
  xdecref(s->start);
  xdecref(s->stop);
  xdecref(s->step);
  if (o->ob_type == &slice_type && t_slice_free.push(s)) return;
  free_object(o);
}

Object* slice_repr(ThreadState* ts, Object* o) {
  auto* s = static_cast<Slice*>(o);
  std::string r = "slice(" + repr_utf8(ts, s->start) + ", " + repr_utf8(ts, s->stop) + ", " + repr_utf8(ts, s->step) + ")";
  return str_from(ts, r);
}

Object* slice_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (a->ob_type != &slice_type || b->ob_type != &slice_type) return new_ref(py_not_implemented());
  auto* x = static_cast<Slice*>(a);
  auto* y = static_cast<Slice*>(b);
  Ref ta = Ref::steal(tuple_pack(ts, {x->start, x->stop, x->step}));
  Ref tb = Ref::steal(tuple_pack(ts, {y->start, y->stop, y->step}));
  if (!ta || !tb) return nullptr;
  return rich_compare(ts, ta.get(), tb.get(), op);
}

Object* slice_new_slot(ThreadState* ts, Type*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "slice", nargs, kwnames, 1, 3) < 0) return nullptr;
  if (nargs == 1) return slice_new(ts, nullptr, args[0], nullptr);
  return slice_new(ts, args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

Object* slice_indices(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t len = as_ssize(ts, args[0], &exc::OverflowError);
  if (len == -1 && runtime::has_exception(ts)) return nullptr;
  if (len < 0) return runtime::raise(ts, &exc::ValueError, "length should not be negative");
  int64_t start, stop, step;
  if (slice_unpack(ts, self, &start, &stop, &step) < 0) return nullptr;
  slice_adjust_indices(len, &start, &stop, step);
  Ref a = Ref::steal(int_from_i64(ts, start)), b = Ref::steal(int_from_i64(ts, stop)), c = Ref::steal(int_from_i64(ts, step));
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

Object* slice_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  auto* sl = static_cast<Slice*>(self);
  Ref args = Ref::steal(tuple_pack(ts, {sl->start, sl->stop, sl->step}));
  if (!args) return nullptr;
  return tuple_pack(ts, {&slice_type, args.get()});
}

const MethodDef slice_methods[] = {{"indices", slice_indices, kMethO}, {"__reduce__", slice_reduce, kMethNoArgs}, {}};
const MemberDef slice_members[] = {
    {"start", MemberKind::Object, offsetof(Slice, start), true},
    {"stop", MemberKind::Object, offsetof(Slice, stop), true},
    {"step", MemberKind::Object, offsetof(Slice, step), true},
    {},
};

}  // namespace

void init_slice_type(Type& t) {
  t.name = "slice";
  t.basicsize = sizeof(Slice);
  t.dealloc = slice_dealloc;
  t.repr = slice_repr;
  t.richcompare = slice_richcompare;
  t.new_ = slice_new_slot;
  t.methods = slice_methods;
  t.members = slice_members;
}

}  // namespace spindle::objects
