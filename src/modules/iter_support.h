// Small helpers shared by the itertools, functools and operator modules:
// releasing and visiting the references a native object owns, and the
// allocation path that lets Python classes subclass a module type.
//
// Invariant: an object made by new_instance() comes from type_generic_alloc
// (zeroed; a subclass gets its dict slot), so finish_dealloc() must match it:
// heap subclasses go through object_default_dealloc (which drops the
// __dict__ and the class), static types straight to free_object.
#pragma once

#include <initializer_list>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/int.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;
using objects::Type;
using objects::VisitFn;

template <class T>
[[nodiscard]] inline T* new_instance(ThreadState* ts, Type* type) {
  return static_cast<T*>(objects::type_generic_alloc(ts, type, 0));
}

// Drops the owned references `refs` and frees `o`.
inline void release_and_free(Object* o, std::initializer_list<Object*> refs) {
  for (Object* r : refs) objects::xdecref(r);
  if (objects::has_flag(o->ob_type, objects::kTypeHeap)) objects::object_default_dealloc(o);
  else objects::free_object(o);
}

// Visits the non-null references of `refs`; stops at the first nonzero visit.
[[nodiscard]] inline int visit_all(std::initializer_list<Object*> refs, VisitFn visit, void* arg) {
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  return 0;
}

// o.__index__() as a C size, for arguments CPython converts with
// PyLong_AsSsize_t: -1 with OverflowError "Python int too large to convert
// to C ssize_t" (or the TypeError of __index__) on failure; check
// has_exception when -1 is a legal value.
[[nodiscard]] inline int64_t ssize_arg(ThreadState* ts, Object* o) {
  objects::Ref idx = objects::Ref::steal(objects::number_index(ts, o));
  if (!idx) return -1;
  bool overflow = false;
  int64_t v = objects::int_as_i64(ts, idx.get(), &overflow);
  if (overflow) {
    runtime::raise(ts, &objects::exc::OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return v;
}

[[nodiscard]] inline Object* iter_self(ThreadState*, Object* o) { return objects::new_ref(o); }

}  // namespace spindle::modules
