// Generic iterators: the __getitem__ sequence protocol and iter(f, sentinel);
// the shared __length_hint__ result.
#include "objects/iterobject.h"

#include <algorithm>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type seq_iterator_type;
Type callable_iterator_type;

namespace {

struct SeqIter : Object {
  Object* seq = nullptr;  // nullptr once exhausted
  int64_t index = 0;
};

struct CallIter : Object {
  Object* callable = nullptr;
  Object* sentinel = nullptr;
};

Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

Object* seq_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<SeqIter*>(o);
  if (!it->seq) return nullptr;
  Ref i = Ref::steal(int_from_i64(ts, it->index));
  if (!i) return nullptr;
  Object* v = get_item(ts, it->seq, i.get());
  if (!v) {
    if (runtime::exception_matches(ts, &exc::IndexError) || runtime::exception_matches(ts, &exc::StopIteration)) {
      runtime::clear_exception(ts);
      clear_ref(it->seq);
    }
    return nullptr;
  }
  ++it->index;
  return v;
}

// What is left of the underlying sequence's current len(); NotImplemented when
// the sequence has no len() (the hint is then unknown).
Object* seq_iter_length_hint(ThreadState* ts, Object* o, Object* const*, size_t, Object*) {
  auto* it = static_cast<SeqIter*>(o);
  if (!it->seq) return int_from_i64(ts, 0);
  if (!it->seq->ob_type->mp_length) return new_ref(py_not_implemented());
  int64_t size = length(ts, it->seq);
  if (size < 0) return nullptr;
  return int_from_i64(ts, std::max<int64_t>(size - it->index, 0));
}

const MethodDef seq_iter_methods[] = {
    {"__length_hint__", seq_iter_length_hint, kMethNoArgs, kLengthHintDoc},
    {},
};

void seq_iter_dealloc(Object* o) {
  xdecref(static_cast<SeqIter*>(o)->seq);
  free_object(o);
}

Object* call_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<CallIter*>(o);
  if (!it->callable) return nullptr;
  Object* v = call(ts, it->callable, nullptr, 0);
  if (!v) {
    if (runtime::exception_matches(ts, &exc::StopIteration)) {
      runtime::clear_exception(ts);
      clear_ref(it->callable);
    }
    return nullptr;
  }
  int eq = rich_compare_bool(ts, v, it->sentinel, CompareOp::Eq);
  if (eq != 0) {
    decref(v);
    if (eq > 0) clear_ref(it->callable);
    return nullptr;
  }
  return v;
}

void call_iter_dealloc(Object* o) {
  xdecref(static_cast<CallIter*>(o)->callable);
  xdecref(static_cast<CallIter*>(o)->sentinel);
  free_object(o);
}

}  // namespace

Object* length_hint_result(ThreadState* ts, int64_t n) { return n < 0 ? nullptr : int_from_i64(ts, n); }

Object* seq_iter_new(ThreadState* ts, Object* seq) {
  auto* it = static_cast<SeqIter*>(alloc_object(ts, &seq_iterator_type, sizeof(SeqIter)));
  if (it) it->seq = new_ref(seq);
  return it;
}

Object* callable_iter_new(ThreadState* ts, Object* callable, Object* sentinel) {
  auto* it = static_cast<CallIter*>(alloc_object(ts, &callable_iterator_type, sizeof(CallIter)));
  if (!it) return nullptr;
  it->callable = new_ref(callable);
  it->sentinel = new_ref(sentinel);
  return it;
}

void init_seq_iterator_type(Type& t) {
  t.name = "iterator";
  t.basicsize = sizeof(SeqIter);
  t.flags = kTypeHaveGC;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    Object* s = static_cast<SeqIter*>(o)->seq;
    return s ? visit(s, arg) : 0;
  };
  t.dealloc = seq_iter_dealloc;
  t.iter = self_iter;
  t.iternext = seq_iter_next;
  t.methods = seq_iter_methods;
}

void init_callable_iterator_type(Type& t) {
  t.name = "callable_iterator";
  t.basicsize = sizeof(CallIter);
  t.flags = kTypeHaveGC;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    auto* it = static_cast<CallIter*>(o);
    for (Object* c : {it->callable, it->sentinel})
      if (c && visit(c, arg)) return 1;
    return 0;
  };
  t.dealloc = call_iter_dealloc;
  t.iter = self_iter;
  t.iternext = call_iter_next;
}

}  // namespace spindle::objects
