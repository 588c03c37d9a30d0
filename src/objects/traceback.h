// Traceback objects (one per frame an exception passed through) and the
// printer that formats an exception as CPython 3.11 does.
#pragma once

#include <string>

#include "objects/type.h"

namespace spindle::objects {

extern Type traceback_type;

struct Traceback : Object {
  Object* next = nullptr;   // tb_next (traceback) or nullptr
  Object* frame = nullptr;  // tb_frame (frame object) or nullptr until materialized
  Object* code = nullptr;   // the frame's code object (vm::CodeObj)
  int lasti = 0;            // tb_lasti, in code units
  int lineno = -1;          // tb_lineno
};

// Prepends an entry for (code, lasti) to exc.__traceback__ (the VM calls it
// as the exception leaves each frame, innermost first).
[[nodiscard]] int traceback_add(ThreadState* ts, Object* exc, Object* code, Object* frame, int lasti);

// The whole report: "Traceback (most recent call last):" ..., chained
// exceptions and notes, in CPython 3.11's format.
[[nodiscard]] std::string format_exception(ThreadState* ts, Object* exc);
// Writes format_exception() to sys.stderr (fd 2 if sys.stderr is unusable).
void print_exception(ThreadState* ts, Object* exc);

}  // namespace spindle::objects
