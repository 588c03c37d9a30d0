// The dunders of the sequence slots (list.__add__, str.__mul__, ...): builtin
// sequences implement `+`/`*` through sq_concat/sq_repeat, which the generic
// slot wrappers do not expose; these methods do, one implementation for all.
#pragma once

#include "objects/type.h"

namespace spindle::objects {

[[nodiscard]] Object* seq_dunder_add(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw);
[[nodiscard]] Object* seq_dunder_mul(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw);
[[nodiscard]] Object* seq_dunder_iadd(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw);
[[nodiscard]] Object* seq_dunder_imul(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw);

// Method-table entries, for a type's MethodDef array.
#define SPINDLE_SEQ_DUNDERS                       \
  {"__add__", seq_dunder_add, kMethO},            \
  {"__mul__", seq_dunder_mul, kMethO},            \
  {"__rmul__", seq_dunder_mul, kMethO}
#define SPINDLE_SEQ_INPLACE_DUNDERS               \
  {"__iadd__", seq_dunder_iadd, kMethO},          \
  {"__imul__", seq_dunder_imul, kMethO}

}  // namespace spindle::objects
