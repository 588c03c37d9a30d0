// None, NotImplemented and Ellipsis: immortal static objects of their own
// types. Compare by identity (`o == py_none()`); they need no reference
// counting (incref/decref are no-ops on immortals).
#pragma once

#include "objects/type.h"

namespace spindle::objects {

extern Type none_type;            // NoneType
extern Type not_implemented_type; // NotImplementedType
extern Type ellipsis_type;        // ellipsis

extern Object none_object;
extern Object not_implemented_object;
extern Object ellipsis_object;

[[nodiscard]] inline Object* py_none() { return &none_object; }
[[nodiscard]] inline Object* py_not_implemented() { return &not_implemented_object; }
[[nodiscard]] inline Object* py_ellipsis() { return &ellipsis_object; }
[[nodiscard]] inline bool is_none(const Object* o) { return o == &none_object; }

}  // namespace spindle::objects
