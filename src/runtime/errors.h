// Raising and inspecting Python exceptions from C++ (errors are values:
// a failing function sets the thread's current exception and returns
// nullptr / -1 to its caller).
//
// The raise_* helpers return nullptr so that `return raise(...)` works in
// functions returning Object*; functions returning int write `raise(...);
// return -1;`.
#pragma once

#include <cstddef>
#include <string_view>

#include "objects/type.h"
#include "runtime/runtime.h"

namespace spindle::objects::exc {
#define EXC(Name, Base) extern Type Name;
#include "objects/exceptions.def"
#undef EXC
}  // namespace spindle::objects::exc

namespace spindle::runtime {

using objects::Type;

// Raises type(msg) (msg is UTF-8).
std::nullptr_t raise(ThreadState* ts, Type* type, std::string_view msg);
// Raises type(message) with a printf-style format (plain %s/%d/%zd/%lld...;
// format object reprs yourself).
std::nullptr_t raise_format(ThreadState* ts, Type* type, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));
// Raises an exception instance or class (instantiated with no arguments);
// `exc_or_type` is borrowed (the thread state takes its own reference). Sets __context__ from the exception being handled.
std::nullptr_t raise_object(ThreadState* ts, Object* exc_or_type);
// Raises MemoryError (preallocated: never allocates).
std::nullptr_t raise_no_memory(ThreadState* ts);

[[nodiscard]] inline bool has_exception(const ThreadState* ts) { return ts->current_exception != nullptr; }
// Takes the current exception (a new reference; nullptr if none) and clears it.
[[nodiscard]] Object* fetch_exception(ThreadState* ts);
// Sets the current exception to `exc` (stealing the reference), dropping any
// previous one. Does not touch __context__.
void restore_exception(ThreadState* ts, Object* steal_exc);
void clear_exception(ThreadState* ts);
// Whether the current exception is an instance of `type` (or a subclass).
[[nodiscard]] bool exception_matches(const ThreadState* ts, Type* type);

// Reports an exception that cannot be raised (in __del__, at shutdown) through
// sys.unraisablehook's format: "Exception ignored in: <obj repr>" + traceback.
// Clears the current exception.
void write_unraisable(ThreadState* ts, Object* obj);

}  // namespace spindle::runtime
