// Generic iterators: over the __getitem__ sequence protocol, and
// iter(callable, sentinel); the __length_hint__ method shared by the builtin
// iterator types.
#pragma once

#include "objects/type.h"

namespace spindle::objects {

extern Type seq_iterator_type;
extern Type callable_iterator_type;

[[nodiscard]] Object* seq_iter_new(ThreadState* ts, Object* seq);
[[nodiscard]] Object* callable_iter_new(ThreadState* ts, Object* callable, Object* sentinel);

// How many items an iterator has left (>= 0), or -1 with an exception set.
using RemainingFn = int64_t (*)(ThreadState* ts, Object* it);

// `n` as an int, or nullptr when n < 0 (the exception is already set).
[[nodiscard]] Object* length_hint_result(ThreadState* ts, int64_t n);

template <RemainingFn Remaining>
Object* length_hint_method(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return length_hint_result(ts, Remaining(ts, self));
}

inline constexpr const char* kLengthHintDoc = "Private method returning an estimate of len(list(it)).";

// The method-table entry: SPINDLE_LENGTH_HINT(remaining_fn).
#define SPINDLE_LENGTH_HINT(remaining) \
  {"__length_hint__", ::spindle::objects::length_hint_method<remaining>, kMethNoArgs, ::spindle::objects::kLengthHintDoc}

}  // namespace spindle::objects
