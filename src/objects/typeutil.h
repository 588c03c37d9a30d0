// Small helpers shared by the types helper's files (typeobject, slots,
// object_type, abstract, descr, method, super): names of types for messages
// and UTF-8 views of names. Internal to src/objects.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <string>

#include "objects/str.h"  // str_from_format
#include "objects/type.h"

namespace spindle::objects {

// The UTF-8 text of a str (borrowed, valid while the str lives); "?" for non-str.
[[nodiscard]] const char* utf8_of(ThreadState* ts, Object* s);
// A type's name as CPython's messages show it (tp_name): the full name of a
// builtin type ("collections.deque"), __name__ for classes. type_name() is
// __name__ (the part after the last dot).
[[nodiscard]] inline const char* type_tp_name(const Type* t) { return t->name ? t->name : "?"; }
// type(o)'s tp_name.
[[nodiscard]] inline const char* tp_name(const Object* o) { return type_tp_name(o->ob_type); }

}  // namespace spindle::objects
