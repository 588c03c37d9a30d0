// What bytes.cpp (the types), bytes_methods.cpp (the shared methods) and
// bytearray_methods.cpp (the mutators) share. Internal to src/objects.
#pragma once

#include <string>
#include <string_view>

#include "objects/type.h"

namespace spindle::objects {

// A result of the receiver's kind: bytearray for a bytearray, else bytes.
[[nodiscard]] Object* bytes_same_kind(ThreadState* ts, Object* self, std::string_view s);
// Collects the bytes of bytes(x)/bytearray(x)'s `source` (an int count, a
// bytes-like object or an iterable of ints in range(256)). 0 / -1.
[[nodiscard]] int bytes_from_source(ThreadState* ts, Object* src, std::string* out, const char* type_name_for_errors);
// A byte value from an int-like object: 0..255, or -1 with ValueError/TypeError.
[[nodiscard]] int byte_value(ThreadState* ts, Object* o);

// The method tables (bytes_methods.cpp, bytearray_methods.cpp).
extern const MethodDef bytes_methods[];
extern const MethodDef bytearray_methods[];

}  // namespace spindle::objects
