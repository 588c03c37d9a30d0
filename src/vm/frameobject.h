// Frame objects (see frameobject.cpp).
#pragma once

#include "objects/type.h"

namespace spindle::vm {

using objects::Object;
using objects::ThreadState;
struct Frame;

extern objects::Type frame_type;

struct FrameObject : Object {
  Object* code = nullptr;
  Object* globals = nullptr;
  Object* builtins = nullptr;
  Object* locals = nullptr;  // after the frame finished: its locals mapping, if any
  Object* back = nullptr;    // the caller's frame object, or nullptr
  Frame* live = nullptr;     // the running frame, nullptr once it finished
  int lasti = 0;             // after the frame finished
  int lineno = -1;
};

// The frame object of `f` (materialized and cached on first request);
// None for no frame.
[[nodiscard]] Object* frame_object_for(ThreadState* ts, Frame* f);
// Called when `f` is cleared: the object keeps the last position.
void frame_object_detach(Object* frame_obj, Frame* f);

}  // namespace spindle::vm
