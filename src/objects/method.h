// Bound methods (a Python function bound to an instance) and builtin function
// objects (a MethodDef bound to a module, an instance or a type).
//
// Invariants: both own their function and their `self`; a builtin function's
// MethodDef is static data. Calling a builtin checks the argument shape its
// flags declare (kMethNoArgs, kMethO, kMethFast) before entering it, so the C++
// function sees only what it declared.
#pragma once

#include <cstddef>

#include "objects/type.h"

namespace spindle::objects {

extern Type method_type;            // <class 'method'>
extern Type builtin_function_type;  // <class 'builtin_function_or_method'>

struct MethodObject : Object {
  Object* im_func = nullptr;   // owned (__func__)
  Object* im_self = nullptr;   // owned (__self__)
};

struct BuiltinFunctionObject : Object {
  const MethodDef* def = nullptr;
  Object* self = nullptr;    // owned: the module, the instance, the type, or nullptr
  Object* module = nullptr;  // owned __module__ (a str or nullptr)
};

[[nodiscard]] Object* method_new(ThreadState* ts, Object* func, Object* self);
[[nodiscard]] Object* builtin_function_new(ThreadState* ts, const MethodDef* def, Object* self,
                                           Object* module);

// Calls `def` with `self` after checking the argument shape its flags declare
// (shared by builtin functions and method descriptors). `qualname` names the
// function in messages: "len", "list.append".
[[nodiscard]] Object* call_method_def(ThreadState* ts, const MethodDef* def, const char* qualname,
                                      Object* self, Object* const* args, size_t nargs, Object* kwnames);

}  // namespace spindle::objects
