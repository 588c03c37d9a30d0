// range objects and their iterator, as the specialized FOR_ITER_RANGE sees
// them (int64 bounds).
//
// Invariants: a RangeIter yields `remaining` more values, starting at `next`
// and stepping by `step`; it is exhausted when remaining <= 0.
#pragma once

#include <cstdint>

#include "objects/type.h"

namespace spindle::objects {

extern Type range_type;
extern Type range_iterator_type;

struct Range : Object {
  int64_t start = 0, stop = 0, step = 1, length = 0;
};
struct RangeIter : Object {
  int64_t next = 0, step = 1, remaining = 0;
};

}  // namespace spindle::objects
