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
  // Module and class bodies: their locals mapping once the frame finished.
  // Functions: the dict f_locals returns, created on first use and
  // refreshed from the variables on every f_locals (as CPython 3.11).
  Object* locals = nullptr;
  Object** saved = nullptr;  // a finished function frame's variables (owned, nsaved of them)
  int nsaved = 0;
  Object* back = nullptr;    // the caller's frame object, or nullptr
  Frame* live = nullptr;     // the running frame, nullptr once it finished
  int lasti = 0;             // after the frame finished
  int lineno = -1;
};

// The frame object of `f` (materialized and cached on first request);
// None for no frame.
[[nodiscard]] Object* frame_object_for(ThreadState* ts, Frame* f);
// Called when `f` is cleared: the object keeps the last position and takes
// the frame's variables (their slots in `f` become null).
void frame_object_detach(Object* frame_obj, Frame* f);

}  // namespace spindle::vm
