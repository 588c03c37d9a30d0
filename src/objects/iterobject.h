// Generic iterators: over the __getitem__ sequence protocol, and
// iter(callable, sentinel).
#pragma once

#include "objects/type.h"

namespace spindle::objects {

extern Type seq_iterator_type;
extern Type callable_iterator_type;

[[nodiscard]] Object* seq_iter_new(ThreadState* ts, Object* seq);
[[nodiscard]] Object* callable_iter_new(ThreadState* ts, Object* callable, Object* sentinel);

}  // namespace spindle::objects
