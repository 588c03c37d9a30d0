// memoryview: a typed, possibly strided window onto the bytes of an exporter
// (bytes or bytearray; Spindle has no general buffer protocol).
//
// Invariants:
//   * `obj` is the exporter the view was taken from (a view of a view shares
//     its exporter); a bytearray exporter has its `exports` count raised for
//     each unreleased view, so its data neither moves nor resizes meanwhile.
//   * Item i (0 <= i < shape[0]) starts at byte `offset + i * strides[0]` of
//     the exporter's data. ndim is 0 (a scalar view), 1, or more after cast
//     with a shape (then the view is C-contiguous).
//   * After release(), obj is nullptr and every operation but release, repr
//     and the context manager raises ValueError.
#pragma once

#include <cstdint>
#include <string_view>

#include "objects/type.h"

namespace spindle::objects {

extern Type memoryview_type;

inline constexpr int kMemoryViewMaxDim = 8;

struct MemoryView : Object {
  Object* obj = nullptr;
  int64_t offset = 0;
  int64_t itemsize = 1;
  int ndim = 1;
  bool readonly = true;
  char format[3] = {'B', 0, 0};
  int64_t shape[kMemoryViewMaxDim] = {};
  int64_t strides[kMemoryViewMaxDim] = {};
  int64_t hash = -1;
};

[[nodiscard]] inline bool is_memoryview(const Object* o) { return o->ob_type == &memoryview_type; }
// The bytes of a C-contiguous, unreleased view: true and *out set, else false.
[[nodiscard]] bool memoryview_contiguous_bytes(Object* mv, std::string_view* out);
// Raises why mv gave no contiguous bytes: ValueError once released, else
// BufferError (not C-contiguous). Always returns false.
bool memoryview_buffer_error(ThreadState* ts, Object* mv);
// bytes(mv) for any view (ValueError once released).
[[nodiscard]] Object* memoryview_tobytes(ThreadState* ts, Object* mv);

}  // namespace spindle::objects
