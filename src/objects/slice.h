// slice objects and the index arithmetic every sequence shares.
#pragma once

#include <cstdint>

#include "objects/type.h"

namespace spindle::objects {

extern Type slice_type;

struct Slice : Object {
  Object* start = nullptr;  // owned; None when omitted
  Object* stop = nullptr;
  Object* step = nullptr;
};

[[nodiscard]] Object* slice_new(ThreadState* ts, Object* start, Object* stop, Object* step);
// Reads start/stop/step as integers clamped to the int64 range (None →
// defaults for the step's direction). -1 on error ("slice step cannot be zero").
[[nodiscard]] int slice_unpack(ThreadState* ts, Object* slice, int64_t* start, int64_t* stop, int64_t* step);
// Clips start/stop to a sequence of `length` items; returns the slice length.
int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step);

}  // namespace spindle::objects
