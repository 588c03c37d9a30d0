// Recursive-repr guard for containers: `x = []; x.append(x); repr(x)` prints
// "[[...]]" instead of recursing forever.
#pragma once

#include <algorithm>

#include "objects/recursion.h"
#include "runtime/runtime.h"

namespace spindle::objects {

// 0: go ahead (call repr_leave after); 1: `o` is already being printed on
// this thread (print the ellipsis form); -1: error (RecursionError).
[[nodiscard]] inline int repr_enter(ThreadState* ts, Object* o) {
  auto& active = ts->repr_active;
  if (std::find(active.begin(), active.end(), o) != active.end()) return 1;
  if (enter_recursive_call(ts, " while getting the repr of an object") < 0) return -1;
  active.push_back(o);
  return 0;
}

inline void repr_leave(ThreadState* ts, Object* o) {
  auto& active = ts->repr_active;
  auto it = std::find(active.begin(), active.end(), o);
  if (it != active.end()) active.erase(it);
  leave_recursive_call(ts);
}

}  // namespace spindle::objects
