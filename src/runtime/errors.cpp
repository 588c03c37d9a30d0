// Raising and inspecting exceptions (see errors.h).
#include "runtime/errors.h"

#include <cstdarg>
#include <cstdio>
#include <string>

#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"

namespace spindle::runtime {

using namespace objects;

namespace {

// Links `exc` to the exception being handled (its __context__), breaking any
// cycle the new link would close, as CPython does.
void set_context_from_handled(ThreadState* ts, Object* exc) {
  Object* handled = nullptr;
  for (ExcStackItem* item = ts->exc_info; item; item = item->previous) {
    if (item->exc_value && !is_none(item->exc_value)) {
      handled = item->exc_value;
      break;
    }
  }
  if (!handled || handled == exc) return;
  // Cut a cycle: if exc is in handled's context chain, drop the link to it.
  Object* o = handled;
  while (Object* ctx = as_exception(o)->context) {
    if (ctx == exc) {
      exception_set_context(o, nullptr);
      break;
    }
    o = ctx;
  }
  exception_set_context(exc, new_ref(handled));
}

}  // namespace

std::nullptr_t raise_object(ThreadState* ts, Object* exc_or_type) {
  Ref exc;
  if (is_exception_class(exc_or_type)) {
    exc = Ref::steal(call(ts, exc_or_type, nullptr, 0));
    if (!exc) return nullptr;
    if (!is_exception_instance(exc.get())) {
      return raise_format(ts, &exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
                          type_name(static_cast<Type*>(exc_or_type)), type_name(exc->ob_type));
    }
  } else {
    exc = Ref::borrow(exc_or_type);
  }
  set_context_from_handled(ts, exc.get());
  restore_exception(ts, exc.release());
  return nullptr;
}

std::nullptr_t raise(ThreadState* ts, Type* type, std::string_view msg) {
  Ref s = Ref::steal(str_from_utf8(ts, msg.data(), msg.size()));
  if (!s) return nullptr;
  Object* a = s.get();
  Ref e = Ref::steal(call(ts, type, &a, 1));
  if (!e) return nullptr;
  return raise_object(ts, e.get());
}

std::nullptr_t raise_format(ThreadState* ts, Type* type, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list ap2;
  va_copy(ap2, ap);
  int n = std::vsnprintf(nullptr, 0, fmt, ap);
  va_end(ap);
  std::string buf(static_cast<size_t>(n > 0 ? n : 0), '\0');
  std::vsnprintf(buf.data(), buf.size() + 1, fmt, ap2);
  va_end(ap2);
  return raise(ts, type, buf);
}

std::nullptr_t raise_no_memory(ThreadState* ts) {
  // A fresh MemoryError without arguments needs no allocation beyond the
  // instance; if even that fails, the preallocated one is used.
  Object* e = ts->interp && ts->interp->memory_error ? new_ref(ts->interp->memory_error) : nullptr;
  if (e) {
    exception_set_traceback(e, nullptr);
    exception_set_context(e, nullptr);
    restore_exception(ts, e);
  }
  return nullptr;
}

Object* fetch_exception(ThreadState* ts) {
  Object* e = ts->current_exception;
  ts->current_exception = nullptr;
  return e;
}

void restore_exception(ThreadState* ts, Object* steal_exc) {
  Object* old = ts->current_exception;
  ts->current_exception = steal_exc;
  xdecref(old);
}

void clear_exception(ThreadState* ts) { restore_exception(ts, nullptr); }

bool exception_matches(const ThreadState* ts, Type* type) {
  return ts->current_exception && is_instance_of(ts->current_exception, type);
}

void write_unraisable(ThreadState* ts, Object* obj) { modules::report_unraisable(ts, nullptr, obj); }

}  // namespace spindle::runtime
