// The Python `code` object: a vm::CodeObject (what the compiler produced,
// immutable) plus what the interpreter needs at run time — its constants as
// Python objects, its names as interned strings, and a mutable copy of the
// code units that tier 1 rewrites (inline caches, warm-up counters and, from
// issue 6, specialized instructions).
//
// Invariants: `co` never changes after creation; `units` starts as a copy of
// co->code and only instructions' own caches (and, later, their opcodes
// within a family) are written.
#pragma once

#include <memory>

#include "objects/type.h"
#include "vm/code.h"

namespace spindle::vm {

using objects::Object;
using objects::ThreadState;

extern objects::Type code_type;

struct CodeObj : Object {
  std::shared_ptr<const CodeObject> co;
  Object* consts = nullptr;    // tuple
  Object* names = nullptr;     // tuple of interned str
  Object* localsplus = nullptr;  // tuple of interned str (fast-locals names)
  Object* filename = nullptr;  // str
  Object* name = nullptr;      // str
  Object* qualname = nullptr;  // str
  CodeUnit* units = nullptr;   // quickened copy of co->code (owned)
  int nunits = 0;
  int nlocalsplus = 0;
  int framesize = 0;           // nlocalsplus + stacksize
  int ncells_free = 0;
  uint32_t flags = 0;
  // The version of the functions made from this code (0: none given yet):
  // the first one takes it from the interpreter's counter, the rest share it,
  // so a CALL of a closure or genexpr made afresh each time stays specialized.
  uint32_t func_version = 0;
};

[[nodiscard]] inline CodeObj* as_code(Object* o) { return static_cast<CodeObj*>(o); }
[[nodiscard]] inline bool is_code(const Object* o) { return o->ob_type == &code_type; }

// Builds the code object (and, recursively, its nested code constants).
[[nodiscard]] Object* code_new(ThreadState* ts, std::shared_ptr<const CodeObject> co);
// The source line of the instruction at `offset` (code units); -1 if none.
[[nodiscard]] int code_line_at(CodeObj* c, int offset);

}  // namespace spindle::vm
