// Entry points of the tier-1 interpreter.
#pragma once

#include <memory>
#include <string>

#include "objects/type.h"
#include "vm/code.h"

namespace spindle::vm {

using objects::Object;
using objects::ThreadState;
struct Frame;

// Runs module-level (or exec/eval) code with the given namespaces.
[[nodiscard]] Object* eval_code(ThreadState* ts, Object* code, Object* globals, Object* locals);
// Acts on the eval-breaker bits (a pending Ctrl-C raises KeyboardInterrupt):
// 0, or -1 with the exception set. Blocking builtins call it when interrupted.
[[nodiscard]] int handle_eval_breaker(ThreadState* ts);
// Calls a Python function (the function type's call slot).
[[nodiscard]] Object* function_call(ThreadState* ts, Object* func, Object* const* args, size_t nargs, Object* kwnames);
// Runs `frame` (already pushed and set up) until it returns or raises. With
// `throwing`, the thread's current exception is raised at the frame's
// resume point first (generator.throw).
[[nodiscard]] Object* eval_frame(ThreadState* ts, Frame* frame, bool throwing);

// Compiles source to a code object (SyntaxError raised on failure).
// mode: "exec", "eval" or "single".
[[nodiscard]] Object* compile_to_code(ThreadState* ts, const std::string& source, const std::string& filename,
                                      const std::string& mode, bool from_file = false);

// builtins.__build_class__(func, name, *bases, metaclass=..., **kwds).
[[nodiscard]] Object* build_class(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames);

}  // namespace spindle::vm
