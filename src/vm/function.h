// Python function objects and cells.
//
// Function versions (DESIGN §6): MAKE_FUNCTION gives each function a version
// from the interpreter's counter (none once the counter has wrapped to 0);
// assigning __code__, __defaults__ or __kwdefaults__ resets it to 0 for good
// (__closure__ is read-only; __annotations__ is not critical). The function
// version cache maps a version to its function while it lives and keeps
// version; its code object stays retrievable after that.
#pragma once

#include "objects/type.h"

namespace spindle::vm {

using objects::Object;
using objects::ThreadState;

extern objects::Type function_type;
extern objects::Type cell_type;

struct Function : Object {
  Object* code = nullptr;      // CodeObj
  Object* globals = nullptr;   // dict
  Object* builtins = nullptr;  // dict
  Object* name = nullptr;
  Object* qualname = nullptr;
  Object* defaults = nullptr;    // tuple or nullptr
  Object* kwdefaults = nullptr;  // dict or nullptr
  Object* closure = nullptr;     // tuple of cells or nullptr
  Object* annotations = nullptr;
  Object* dict = nullptr;
  Object* module = nullptr;
  Object* doc = nullptr;
  Object* weaklist = nullptr;  // weak references to the function (weakref.h)
  uint32_t version = 0;
};

struct Cell : Object {
  Object* ref = nullptr;  // nullptr = empty
};

[[nodiscard]] inline bool is_function(const Object* o) { return o->ob_type == &function_type; }
[[nodiscard]] Object* function_new(ThreadState* ts, Object* code, Object* globals, Object* qualname);
[[nodiscard]] Object* cell_new(ThreadState* ts, Object* value);
// Takes the function's version away for good (a critical attribute changed).
void function_clear_version(ThreadState* ts, Function* f);
// The function with this version (borrowed), or nullptr if it is gone or the
// version was never given or was taken away.
[[nodiscard]] Object* function_for_version(ThreadState* ts, uint32_t version);
// The code object of the function that had this version (borrowed), or
// nullptr if its cache slot was taken by another version since.
[[nodiscard]] Object* code_for_version(ThreadState* ts, uint32_t version);
// The function's builtins dict for its globals (globals['__builtins__'] or
// the interpreter's builtins).
[[nodiscard]] Object* builtins_for_globals(ThreadState* ts, Object* globals);

}  // namespace spindle::vm
