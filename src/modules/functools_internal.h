// What functools.cpp and functools_cache.cpp share: the partial object's
// layout (also used by partialmethod) and the helpers both files call.
#pragma once

#include <cstddef>

#include "objects/object.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;

struct Partial : Object {
  Object* func = nullptr;
  Object* args = nullptr;  // tuple
  Object* kw = nullptr;    // dict
  Object* dict = nullptr;  // the instance __dict__ (lazily created)
};

// The stand-in for a Python closure CPython's functools.py returns (the
// decorator lru_cache(...) returns, cache_parameters, the decorator of
// singledispatch's register(cls)): a callable of its own type holding two
// captured values, shown as "<function QUALNAME at 0x...>" and binding to
// instances as a function does.
using ClosureBody = Object* (*)(ThreadState* ts, Object* a, Object* b, Object* const* args, size_t nargs,
                                Object* kwnames);
struct Closure : Object {
  Object* a = nullptr;
  Object* b = nullptr;
  ClosureBody body = nullptr;
  const char* name = nullptr;      // __name__
  const char* qualname = nullptr;  // __qualname__
};
// A new closure (a and b are borrowed; b may be nullptr).
[[nodiscard]] Object* closure_new(ThreadState* ts, ClosureBody body, const char* name, const char* qualname,
                                  Object* a, Object* b);

// partial(func, *args, **kw) (kw may be nullptr): a new functools.partial.
[[nodiscard]] Object* partial_make(ThreadState* ts, Object* func, Object* args, Object* kw);
// update_wrapper(wrapper, wrapped, assigned=..., updated=...) (a module function).
[[nodiscard]] Object* functools_update_wrapper(ThreadState* ts, Object* module, Object* const* args, size_t nargs,
                                               Object* kwnames);
// __dict__ getter/setter over a lazily created dict slot of a native object.
[[nodiscard]] Object* instance_dict_get(ThreadState* ts, Object** slot);
[[nodiscard]] int instance_dict_set(ThreadState* ts, Object** slot, Object* value);

}  // namespace spindle::modules
