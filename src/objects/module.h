// Module objects: a namespace dict with a name.
#pragma once

#include "objects/type.h"

namespace spindle::objects {

extern Type module_type;

struct Module : Object {
  Object* dict = nullptr;  // owned; the module's globals
  Object* name = nullptr;  // owned str
};

[[nodiscard]] inline bool is_module(const Object* o) { return o->ob_type == &module_type || is_subtype(o->ob_type, &module_type); }
// A new module with __name__ = name, __doc__ = None, __package__/__loader__/__spec__ = None.
[[nodiscard]] Object* module_new(ThreadState* ts, Object* name);
[[nodiscard]] Object* module_new_cstr(ThreadState* ts, const char* name);
[[nodiscard]] inline Object* module_dict_borrowed(Object* m) { return static_cast<Module*>(m)->dict; }
// Adds the functions of a MethodDef table to a module.
[[nodiscard]] int module_add_functions(ThreadState* ts, Object* m, const MethodDef* defs);

}  // namespace spindle::objects
