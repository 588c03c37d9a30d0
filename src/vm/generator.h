// Generators, coroutines and async generators: a frame kept inside the
// object, resumed by send/throw/close (each resume runs the frame in a new
// invocation of the interpreter loop).
#pragma once

#include "objects/type.h"
#include "runtime/runtime.h"

namespace spindle::vm {

using objects::Object;
using objects::ThreadState;
struct Frame;

extern objects::Type generator_type;
extern objects::Type coroutine_type;
extern objects::Type async_generator_type;
extern objects::Type coroutine_wrapper_type;
extern objects::Type async_gen_asend_type;
extern objects::Type async_gen_athrow_type;
extern objects::Type async_gen_wrapped_value_type;

struct Generator : Object {
  Object* name = nullptr;
  Object* qualname = nullptr;
  Object* code = nullptr;
  runtime::ExcStackItem exc_state;  // the generator's own handled-exception stack entry
  bool running = false;
  bool closed = false;    // returned or raised: cannot be resumed
  bool started = false;
  bool hooks_inited = false;  // async generators: first iteration happened
  bool running_async = false;
  Frame* frame = nullptr;  // points into frame_storage (owned); nullptr once finished
  Object** frame_storage = nullptr;
};

[[nodiscard]] inline bool is_generator_like(const Object* o) {
  return o->ob_type == &generator_type || o->ob_type == &coroutine_type || o->ob_type == &async_generator_type;
}

// The generator whose frame `f` is (f->owner == FrameOwner::Generator): the
// frame is stored right after the generator object.
[[nodiscard]] inline Generator* generator_of_frame(Frame* f) {
  return reinterpret_cast<Generator*>(reinterpret_cast<char*>(f) - sizeof(Generator));
}
// FOR_ITER_GEN / SEND_GEN run a generator's frame in the caller's loop:
// entering marks it started and running and links its exception state;
// leaving (at a yield, return or raise) undoes the link and the flag.
void generator_enter_inline(ThreadState* ts, Generator* g);
void generator_leave_inline(ThreadState* ts, Generator* g);
// The generator returned or raised: its frame is cleared, it is closed.
void generator_finish(Generator* g);
// RETURN_GENERATOR: moves the current frame into a new generator object.
[[nodiscard]] Object* generator_from_frame(ThreadState* ts, Frame* frame);
// Resumes with `value` (send) or with the thread's current exception
// (throwing). Result: the yielded/returned value; *returned tells which.
// nullptr = error (StopIteration is not raised here: *returned = true).
[[nodiscard]] Object* generator_send(ThreadState* ts, Object* gen, Object* value, bool throwing, bool* returned);
// The value wrapped by ASYNC_GEN_WRAP.
[[nodiscard]] Object* async_gen_wrap_value(ThreadState* ts, Object* value);
[[nodiscard]] Object* coroutine_await_iter(ThreadState* ts, Object* coro);  // for GET_AWAITABLE
// gen.throw(typ, val, tb) semantics for SEND/CLEANUP paths.
[[nodiscard]] Object* generator_throw(ThreadState* ts, Object* gen, Object* exc);

}  // namespace spindle::vm
