// Interpreter frames: blocks on the thread's data stack (not objects).
//
// Layout: the Frame header, then localsplus[0..nlocalsplus) (fast locals,
// cells, free variables), then the value stack (stacksize slots).
//
// Invariants:
//   * `code` and `func` (if any) are strong references; `globals` and
//     `builtins` are borrowed from the function (or from the caller of
//     eval_code, which outlives the frame); `locals` is strong (or nullptr).
//   * While a frame is not executing, `stacktop` counts the live slots of
//     localsplus + stack, and `instr_ptr` is the instruction to resume at (or
//     being executed, for frames below the current one).
//   * A frame owned by a generator lives inside the generator object and is
//     never popped from the data stack.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/runtime.h"
#include "vm/code.h"

namespace spindle::runtime {
// One chunk of a thread's data stack (ThreadState::datastack_chunk).
struct DataStackChunk {
  DataStackChunk* previous = nullptr;
  size_t size = 0;                // words in data[]
  objects::Object** top_saved = nullptr;  // the previous chunk's top when this one was made
  objects::Object* data[1];
};
}  // namespace spindle::runtime

namespace spindle::vm {

using objects::Object;
using runtime::ThreadState;
struct CodeObj;

enum class FrameOwner : uint8_t { Thread, Generator, FrameObject };

struct Frame {
  CodeObj* code = nullptr;
  Object* func = nullptr;
  Object* globals = nullptr;
  Object* builtins = nullptr;
  Object* locals = nullptr;
  CodeUnit* instr_ptr = nullptr;
  Frame* previous = nullptr;
  Object* frame_obj = nullptr;  // the materialized frame object, if any (strong)
  int stacktop = 0;
  uint16_t return_offset = 0;  // caller frames: resume at instr_ptr + return_offset
  FrameOwner owner = FrameOwner::Thread;
  bool is_entry = false;  // returning from it leaves the current eval loop
  bool yielded = false;   // generator frames: the last exit was a yield
  // An __init__ frame pushed by CALL_ALLOC_AND_ENTER_INIT: the new instance
  // (strong). Returning checks __init__ returned None and gives the caller
  // this instead.
  Object* init_self = nullptr;
  Object* localsplus[1];
};

using runtime::DataStackChunk;

[[nodiscard]] inline Object** frame_stack_base(Frame* f, int nlocalsplus) { return f->localsplus + nlocalsplus; }
[[nodiscard]] size_t frame_size_words(const CodeObj* code);

// Pushes an uninitialized frame for `code` (nullptr + MemoryError if the
// data stack cannot grow).
[[nodiscard]] Frame* push_frame(ThreadState* ts, CodeObj* code);
// Pops the topmost frame (it must be the last pushed).
void pop_frame(ThreadState* ts, Frame* f);
// Releases a frame's references (locals, stack, code, func, locals dict).
void clear_frame(Frame* f);

}  // namespace spindle::vm
