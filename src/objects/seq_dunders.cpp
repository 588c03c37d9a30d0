// Sequence-slot dunders (see seq_dunders.h).
#include "objects/seq_dunders.h"

#include "objects/abstract.h"
#include "objects/singletons.h"
#include "runtime/errors.h"

namespace spindle::objects {

Object* seq_dunder_add(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return self->ob_type->sq_concat(ts, self, args[0]);
}

Object* seq_dunder_mul(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t n = as_ssize(ts, args[0], &exc::OverflowError);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  return self->ob_type->sq_repeat(ts, self, n);
}

Object* seq_dunder_iadd(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  BinaryFn f = self->ob_type->sq_inplace_concat ? self->ob_type->sq_inplace_concat : self->ob_type->sq_concat;
  return f(ts, self, args[0]);
}

Object* seq_dunder_imul(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t n = as_ssize(ts, args[0], &exc::OverflowError);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  RepeatFn f = self->ob_type->sq_inplace_repeat ? self->ob_type->sq_inplace_repeat : self->ob_type->sq_repeat;
  return f(ts, self, n);
}

}  // namespace spindle::objects
