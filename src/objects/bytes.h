// bytes (immutable) and bytearray (mutable): byte strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "objects/type.h"

namespace spindle::objects {

extern Type bytes_type;
extern Type bytearray_type;
extern Type bytes_iterator_type;
extern Type bytearray_iterator_type;

// bytes: the data follows the header, NUL-terminated.
struct Bytes : Object {
  int64_t size = 0;
  int64_t hash = -1;
};
// bytearray: a growable buffer. While `exports` > 0 (live memoryviews over
// it) `data` must not move or change size: resizing raises BufferError.
struct ByteArray : Object {
  int64_t size = 0;
  int64_t allocated = 0;
  uint8_t* data = nullptr;
  int64_t exports = 0;
};

[[nodiscard]] inline bool is_bytes(const Object* o) { return has_flag(o->ob_type, kTypeBytesSubclass); }
[[nodiscard]] inline bool is_bytearray(const Object* o) { return o->ob_type == &bytearray_type || is_subtype(o->ob_type, &bytearray_type); }
[[nodiscard]] inline uint8_t* bytes_data(Object* o) { return reinterpret_cast<uint8_t*>(static_cast<Bytes*>(o) + 1); }
[[nodiscard]] inline int64_t bytes_size(const Object* o) { return static_cast<const Bytes*>(o)->size; }
// The bytes of a bytes or bytearray object.
[[nodiscard]] std::string_view byteslike_view(Object* o);

// The bytes of any bytes-like object (bytes, bytearray, a contiguous
// memoryview): true and *out set, or false without an exception.
[[nodiscard]] bool get_byteslike(Object* o, std::string_view* out);
// get_byteslike, raising "a bytes-like object is required, not 'T'" on false.
[[nodiscard]] bool byteslike_arg(ThreadState* ts, Object* o, std::string_view* out);

[[nodiscard]] Object* bytes_from(ThreadState* ts, const void* data, size_t n);
[[nodiscard]] Object* bytearray_from(ThreadState* ts, const void* data, size_t n);
// Replaces a bytearray's contents (BufferError while it is exported). 0 / -1.
[[nodiscard]] int bytearray_assign(ThreadState* ts, Object* ba, std::string_view s);
// bytes % values / bytearray % values (PEP 461): a bytes, or bytearray for a bytearray format.
[[nodiscard]] Object* bytes_mod(ThreadState* ts, Object* fmt, Object* values);

}  // namespace spindle::objects
