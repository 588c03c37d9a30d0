// Exception instances. Every builtin exception type shares one instance
// layout (ExceptionObject): the BaseException fields plus the few extra
// fields some classes expose (StopIteration.value, OSError.errno, ...); each
// type's member table shows only its own. One layout keeps subclassing,
// __class__ assignment between exception classes and the VM's handling
// uniform, at the cost of a few unused words per (short-lived) instance.
//
// Invariants: `args` is always a tuple; `traceback`, `context`, `cause` are
// nullptr or objects of the right type (checked by the setters); the current
// exception of a ThreadState is always an instance, never a class.
#pragma once

#include <string>

#include "objects/type.h"
#include "runtime/errors.h"

namespace spindle::objects {

struct ExceptionObject : Object {
  Object* dict = nullptr;
  Object* args = nullptr;       // tuple
  Object* notes = nullptr;      // __notes__ (list) or nullptr
  Object* traceback = nullptr;  // traceback or nullptr
  Object* context = nullptr;
  Object* cause = nullptr;
  bool suppress_context = false;
  // Per-class fields (see exceptions.cpp for which class uses which).
  Object* f1 = nullptr;  // StopIteration.value, SystemExit.code, ImportError.msg, OSError.errno, NameError.name,
                         // AttributeError.name, SyntaxError.msg, UnicodeError.encoding, BaseExceptionGroup.message
  Object* f2 = nullptr;  // ImportError.name, OSError.strerror, AttributeError.obj, SyntaxError.filename,
                         // UnicodeError.object, BaseExceptionGroup.exceptions
  Object* f3 = nullptr;  // ImportError.path, OSError.filename, SyntaxError.lineno, UnicodeError.start
  Object* f4 = nullptr;  // OSError.filename2, SyntaxError.offset, UnicodeError.end
  Object* f5 = nullptr;  // SyntaxError.text, UnicodeError.reason
  Object* f6 = nullptr;  // SyntaxError.end_lineno
  Object* f7 = nullptr;  // SyntaxError.end_offset
  Object* f8 = nullptr;  // SyntaxError.print_file_and_line
};

[[nodiscard]] inline bool is_exception_instance(const Object* o) {
  return has_flag(o->ob_type, kTypeBaseExceptionSubclass);
}
[[nodiscard]] inline bool is_exception_class(const Object* o) {
  return has_flag(o->ob_type, kTypeTypeSubclass) &&
         has_flag(static_cast<const Type*>(o), kTypeBaseExceptionSubclass);
}
[[nodiscard]] inline ExceptionObject* as_exception(Object* o) { return static_cast<ExceptionObject*>(o); }

// Readies every type of exceptions.def (called once at start-up).
[[nodiscard]] int init_exception_types(ThreadState* ts);

// type(*args) for an exception class.
[[nodiscard]] Object* exception_new(ThreadState* ts, Type* type, Object* args_tuple);
// Raises StopIteration(value) (value None → plain StopIteration()).
std::nullptr_t raise_stop_iteration(ThreadState* ts, Object* value);
// Raises AttributeError "'T' object has no attribute 'x'" with name/obj set.
std::nullptr_t raise_attribute_error(ThreadState* ts, Object* obj, Object* name);
// A SyntaxError/IndentationError/TabError instance with its fields (text null: None).
[[nodiscard]] Object* syntax_error_new(ThreadState* ts, Type* type, const std::string& msg, const std::string& filename,
                                       int lineno, int offset, const std::string* text, int end_lineno, int end_offset);

// except*: splits exc_value by match_type into (*match, *rest) (new
// references, None when empty). -1 on error (e.g. match type is an
// ExceptionGroup: TypeError).
[[nodiscard]] int exception_group_match(ThreadState* ts, Object* exc_value, Object* match_type, Object** match,
                                        Object** rest);
// The exception an except* block re-raises, from the original and the list
// of raised/re-raised exceptions (None if nothing to raise).
[[nodiscard]] Object* prep_reraise_star(ThreadState* ts, Object* orig, Object* excs);

// Accessors used by the VM and the traceback printer.
[[nodiscard]] Object* exception_get_traceback_borrowed(Object* exc);
void exception_set_traceback(Object* exc, Object* tb);        // tb borrowed (nullptr = None)
void exception_set_context(Object* exc, Object* steal_ctx);  // nullptr = None
void exception_set_cause(Object* exc, Object* steal_cause);   // also sets __suppress_context__
[[nodiscard]] Object* stop_iteration_value_borrowed(Object* exc);
[[nodiscard]] Object* system_exit_code_borrowed(Object* exc);

}  // namespace spindle::objects
