// Guards for recursion through C++ code (repr → __repr__ → repr, call →
// __call__ → call, ...): such recursion must end in RecursionError, never in a
// stack overflow. Two budgets are checked: the Python recursion counter
// (sys.getrecursionlimit) and the C++ stack, whose soft limit address is
// ts->c_stack_soft_limit (the stack grows down: a local below it means we are
// too deep). Every successful enter_recursive_call is paired with one
// leave_recursive_call.
#pragma once

#include <cstdint>

#include "runtime/runtime.h"

namespace spindle::objects {

// Raises RecursionError("maximum recursion depth exceeded<where>"). -1.
[[nodiscard]] int recursion_error(ThreadState* ts, const char* where);

// 0 and the depth counted, or -1 with RecursionError set. `where` completes
// the message: " while getting the repr of an object".
[[nodiscard]] inline int enter_recursive_call(ThreadState* ts, const char* where) {
  char here;
  uintptr_t sp = reinterpret_cast<uintptr_t>(&here);
  // A limit of 0 means the runtime has not set the budget (unit tests that
  // build a bare ThreadState): only the C++ stack is checked then.
  --ts->py_recursion_remaining;
  if ((ts->py_recursion_limit > 0 && ts->py_recursion_remaining < 0) ||
      (ts->c_stack_soft_limit != 0 && sp < ts->c_stack_soft_limit)) {
    ++ts->py_recursion_remaining;
    return recursion_error(ts, where);
  }
  return 0;
}

inline void leave_recursive_call(ThreadState* ts) { ++ts->py_recursion_remaining; }

// Only the C++ stack: for paths whose depth the Python counter already pays
// for (a dunder implemented in Python runs in a frame the VM counts), where
// counting again would halve the recursion CPython allows. 0 / -1.
[[nodiscard]] inline int check_c_stack(ThreadState* ts, const char* where) {
  char here;
  if (ts->c_stack_soft_limit != 0 && reinterpret_cast<uintptr_t>(&here) < ts->c_stack_soft_limit) {
    return recursion_error(ts, where);
  }
  return 0;
}

}  // namespace spindle::objects
