// The tier-1 interpreter: the loop whose cases are generated from
// src/vm/bytecodes.def (see docs/internals/interpreter.md), the frame data
// stack, calls, and the helpers the instruction bodies use.
//
// Invariants of the loop:
//   * `frame` is ts->current_frame; `stack_pointer` points one past the top of
//     its value stack; `next_instr` at the instruction to execute next; while
//     an instruction runs, frame->instr_ptr points at it.
//   * A Python-to-Python call pushes the callee's frame and continues in the
//     same loop (no C++ recursion); a frame entered from C++ (function_call,
//     eval_code, a generator resume) is marked is_entry and returning from it
//     leaves the loop.
//   * Every value on the stack is an owned reference (or nullptr for the
//     "no self" / cleared-local markers).
#include "vm/interpreter.h"

#include <csignal>
#include <cstring>

#include "frontend/compile.h"
#include "modules/import.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/recursion.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/attr_poly.h"
#include "vm/code_object.h"
#include "vm/frame.h"
#include "vm/frameobject.h"
#include "vm/function.h"
#include "vm/generator.h"
#include "vm/opcode.h"
#include "vm/specialize.h"
#include "vm/specializers.h"

namespace spindle::vm {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

// ===========================================================================
// The data stack
// ===========================================================================

size_t frame_size_words(const CodeObj* code) {
  return (sizeof(Frame) - sizeof(Object*)) / sizeof(Object*) + static_cast<size_t>(code->framesize) + 1;
}

namespace {
constexpr size_t kChunkWords = 16 * 1024;  // 128 KiB chunks
// The most a thread's frames may occupy. Python recursion does not use the
// C++ stack, so with sys.setrecursionlimit(1 << 30) only this bound stops a
// runaway recursion — as a MemoryError instead of exhausting the machine.
constexpr size_t kMaxDataStackWords = size_t{1} << 28;  // 2 GiB
}

Frame* push_frame(ThreadState* ts, CodeObj* code) {
  size_t words = frame_size_words(code);
  if (!ts->datastack_top || ts->datastack_top + words > ts->datastack_limit) {
    size_t n = std::max(kChunkWords, words + 8);
    if (ts->datastack_words + n > kMaxDataStackWords) {
      runtime::raise_no_memory(ts);
      return nullptr;
    }
    auto* chunk = static_cast<DataStackChunk*>(mem_alloc(sizeof(DataStackChunk) + n * sizeof(Object*)));
    if (!chunk) {
      runtime::raise_no_memory(ts);
      return nullptr;
    }
    chunk->previous = ts->datastack_chunk;
    chunk->size = n;
    chunk->top_saved = ts->datastack_top;
    ts->datastack_chunk = chunk;
    ts->datastack_words += n;
    ts->datastack_top = chunk->data;
    ts->datastack_limit = chunk->data + n;
  }
  auto* f = reinterpret_cast<Frame*>(ts->datastack_top);
  ts->datastack_top += words;
  std::memset(static_cast<void*>(f), 0, sizeof(Frame) - sizeof(Object*));
  std::memset(f->localsplus, 0, static_cast<size_t>(code->nlocalsplus) * sizeof(Object*));
  f->code = static_cast<CodeObj*>(new_ref(static_cast<Object*>(code)));
  f->instr_ptr = code->units;
  f->stacktop = code->nlocalsplus;
  return f;
}

void pop_frame(ThreadState* ts, Frame* f) {
  auto* top = reinterpret_cast<Object**>(f);
  DataStackChunk* chunk = ts->datastack_chunk;
  if (top == chunk->data) {
    // The chunk is empty: return to the previous one.
    ts->datastack_chunk = chunk->previous;
    ts->datastack_words -= chunk->size;
    ts->datastack_top = chunk->top_saved;
    ts->datastack_limit = chunk->previous ? chunk->previous->data + chunk->previous->size : nullptr;
    mem_free(chunk);
    return;
  }
  ts->datastack_top = top;
}

void clear_frame(Frame* f) {
  if (f->frame_obj) frame_object_detach(f->frame_obj, f);
  for (int i = 0; i < f->stacktop; ++i) xdecref(f->localsplus[i]);
  f->stacktop = 0;
  clear_ref(f->locals);
  clear_ref(f->frame_obj);
  clear_ref(f->func);
  clear_ref(f->init_self);
  Object* code = f->code;
  f->code = nullptr;
  xdecref(code);
}

// ===========================================================================
// Helpers used by the instruction bodies
// ===========================================================================
namespace {

Object* name_of_local(CodeObj* code, int i) { return tuple_items(code->localsplus)[i]; }

void raise_unbound_local(ThreadState* ts, CodeObj* code, int i) {
  raise_format(ts, &exc::UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
               std::string(str_view(ts, name_of_local(code, i))).c_str());
}

void raise_unbound_deref(ThreadState* ts, CodeObj* code, int i) {
  std::string name(str_view(ts, name_of_local(code, i)));
  if (code->co->localsplus_kinds[static_cast<size_t>(i)] & CO_FAST_FREE) {
    raise_format(ts, &exc::NameError,
                 "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                 name.c_str());
  } else {
    raise_unbound_local(ts, code, i);
  }
}

void raise_name_error(ThreadState* ts, Object* name) {
  std::string n(str_view(ts, name));
  Ref msg = Ref::steal(str_from(ts, "name '" + n + "' is not defined"));
  if (!msg) return;
  Object* a = msg.get();
  Ref e = Ref::steal(call(ts, &exc::NameError, &a, 1));
  if (!e) return;
  set_ref(as_exception(e.get())->f1, new_ref(name));
  runtime::raise_object(ts, e.get());
}

bool is_dict_exact(Object* o) { return o->ob_type == &dict_type; }

// A lookup in any mapping: borrowed result (kept alive by the mapping for a
// dict; for other mappings the reference is parked on the thread... so use
// get_item and return an owned one instead). Returns an OWNED reference.
Object* mapping_get(ThreadState* ts, Object* mapping, Object* name) {
  if (is_dict_exact(mapping)) return xnew_ref(dict_get_item_borrowed(ts, mapping, name));
  Object* v = get_item(ts, mapping, name);
  if (!v && runtime::exception_matches(ts, &exc::KeyError)) runtime::clear_exception(ts);
  return v;
}

// The value of a name in a class/locals dict (borrowed for dicts).
Object* dict_get_item_borrowed_any(ThreadState* ts, Object* mapping, Object* name) {
  if (is_dict(mapping)) return dict_get_item_borrowed(ts, mapping, name);
  Object* v = mapping_get(ts, mapping, name);
  if (v) decref(v);  // the mapping keeps it alive for the caller's incref
  return v;
}

Object* load_global(ThreadState* ts, Frame* frame, Object* name) {
  Object* v = dict_get_item_borrowed(ts, frame->globals, name);
  if (v) return new_ref(v);
  if (runtime::has_exception(ts)) return nullptr;
  v = is_dict(frame->builtins) ? dict_get_item_borrowed(ts, frame->builtins, name) : nullptr;
  if (v) return new_ref(v);
  if (runtime::has_exception(ts)) return nullptr;
  raise_name_error(ts, name);
  return nullptr;
}

// LOAD_NAME / LOAD_FROM_DICT_OR_GLOBALS: the mapping, then globals, then builtins.
Object* load_name_from(ThreadState* ts, Frame* frame, Object* mapping, Object* name) {
  Object* v = mapping_get(ts, mapping, name);
  if (v || runtime::has_exception(ts)) return v;
  return load_global(ts, frame, name);
}

int setup_annotations(ThreadState* ts, Frame* frame) {
  if (!frame->locals) {
    raise(ts, &exc::SystemError, "no locals found when setting up annotations");
    return -1;
  }
  Object* key = ts->id->dunder_annotations;
  Object* v = mapping_get(ts, frame->locals, key);
  if (v) {
    decref(v);
    return 0;
  }
  if (runtime::has_exception(ts)) return -1;
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return -1;
  return set_item(ts, frame->locals, key, d.get());
}

int check_except_type_valid(ThreadState* ts, Object* right) {
  auto ok = [](Object* t) { return is_exception_class(t); };
  if (is_tuple(right)) {
    for (int64_t i = 0; i < tuple_size(right); ++i)
      if (!ok(tuple_items(right)[i])) goto bad;
    return 0;
  }
  if (ok(right)) return 0;
bad:
  raise(ts, &exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

int check_except_star_type_valid(ThreadState* ts, Object* right) {
  if (check_except_type_valid(ts, right) < 0) return -1;
  auto is_group = [](Object* t) { return is_subtype(static_cast<Type*>(t), &exc::BaseExceptionGroup); };
  bool bad = is_tuple(right) ? false : is_group(right);
  if (is_tuple(right))
    for (int64_t i = 0; i < tuple_size(right); ++i) bad |= is_group(tuple_items(right)[i]);
  if (bad) {
    raise(ts, &exc::TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return -1;
  }
  return 0;
}

int before_with(ThreadState* ts, Object* mgr, bool async, Object** exit, Object** res) {
  Object* enter_name = async ? ts->id->dunder_aenter : ts->id->dunder_enter;
  Object* exit_name = async ? ts->id->dunder_aexit : ts->id->dunder_exit;
  const char* what = async ? "asynchronous context manager" : "context manager";
  Ref enter = Ref::steal(lookup_special(ts, mgr, enter_name));
  if (!enter) {
    if (!runtime::has_exception(ts))
      raise_format(ts, &exc::TypeError, "'%s' object does not support the %s protocol", type_name(mgr->ob_type), what);
    return -1;
  }
  Object* ex = lookup_special(ts, mgr, exit_name);
  if (!ex) {
    if (!runtime::has_exception(ts))
      raise_format(ts, &exc::TypeError, "'%s' object does not support the %s protocol (missed %s method)",
                   type_name(mgr->ob_type), what, async ? "__aexit__" : "__exit__");
    return -1;
  }
  Object* r = call(ts, enter.get(), nullptr, 0);
  if (!r) {
    decref(ex);
    return -1;
  }
  *exit = ex;
  *res = r;
  return 0;
}

// RAISE_VARARGS: 0 = raised (new traceback entry), 1 = re-raised (keep it).
int do_raise(ThreadState* ts, Object* exc, Object* cause) {
  if (!exc) {
    Object* handled = nullptr;
    for (runtime::ExcStackItem* it = ts->exc_info; it; it = it->previous) {
      if (it->exc_value && !is_none(it->exc_value)) {
        handled = it->exc_value;
        break;
      }
    }
    if (!handled) {
      raise(ts, &exc::RuntimeError, "No active exception to reraise");
      return 0;
    }
    runtime::restore_exception(ts, new_ref(handled));
    return 1;
  }
  Ref value;
  if (is_exception_class(exc)) {
    value = Ref::steal(call(ts, exc, nullptr, 0));
    if (!value) goto fail;
    if (!is_exception_instance(value.get())) {
      raise_format(ts, &exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
                   repr_utf8(ts, exc).c_str(), type_name(value->ob_type));
      goto fail;
    }
  } else if (is_exception_instance(exc)) {
    value = Ref::borrow(exc);
  } else {
    raise(ts, &exc::TypeError, "exceptions must derive from BaseException");
    goto fail;
  }
  if (cause) {
    Ref c;
    if (is_exception_class(cause)) {
      c = Ref::steal(call(ts, cause, nullptr, 0));
      if (!c) goto fail;
    } else if (is_exception_instance(cause) || is_none(cause)) {
      c = Ref::borrow(cause);
    } else {
      raise(ts, &exc::TypeError, "exception causes must derive from BaseException");
      goto fail;
    }
    exception_set_cause(value.get(), is_none(c.get()) ? nullptr : c.release());
  }
  xdecref(exc);
  xdecref(cause);
  runtime::raise_object(ts, value.get());
  return 0;
fail:
  xdecref(exc);
  xdecref(cause);
  return 0;
}

// The function's display name for call errors ("f()" / "A.f()").
std::string callable_name(ThreadState* ts, Object* f) {
  if (is_function(f)) {
    // module.qualname, the module left out for builtins (CPython's _PyObject_FunctionStr).
    auto* fn = static_cast<Function*>(f);
    std::string q(str_view(ts, fn->qualname));
    if (fn->module && is_str(fn->module) && !str_equal_cstr(fn->module, "builtins"))
      return std::string(str_view(ts, fn->module)) + "." + q + "()";
    return q + "()";
  }
  if (f->ob_type == &method_type) return callable_name(ts, static_cast<MethodObject*>(f)->im_func);
  Ref n = Ref::steal(lookup_attr(ts, f, ts->id->dunder_qualname));
  runtime::clear_exception(ts);
  if (n && is_str(n.get())) return std::string(str_view(ts, n.get())) + "()";
  return std::string(type_name(f->ob_type)) + " object";
}

void report_star_error(ThreadState* ts, Object* iterable) {
  if (runtime::exception_matches(ts, &exc::TypeError) && !iterable->ob_type->iter && !iterable->ob_type->mp_subscript) {
    runtime::clear_exception(ts);
    raise_format(ts, &exc::TypeError, "Value after * must be an iterable, not %s", type_name(iterable->ob_type));
  }
}

int dict_update_checked(ThreadState* ts, Object* dict, Object* update) {
  Ref keys = Ref::steal(is_dict(update) ? nullptr : lookup_attr(ts, update, ts->id->keys));
  if (!is_dict(update) && !keys) {
    if (!runtime::has_exception(ts))
      raise_format(ts, &exc::TypeError, "'%s' object is not a mapping", type_name(update->ob_type));
    return -1;
  }
  return dict_merge(ts, dict, update, true);
}

int dict_merge_checked(ThreadState* ts, Object* callable, Object* dict, Object* update) {
  Ref keys = Ref::steal(is_dict(update) ? nullptr : lookup_attr(ts, update, ts->id->keys));
  if (!is_dict(update) && !keys) {
    if (!runtime::has_exception(ts))
      raise_format(ts, &exc::TypeError, "%s argument after ** must be a mapping, not %s",
                   callable_name(ts, callable).c_str(), type_name(update->ob_type));
    return -1;
  }
  Ref ks = Ref::steal(is_dict(update) ? dict_keys_list(ts, update) : sequence_list(ts, keys.get()));
  if (!ks) return -1;
  if (!is_dict(update)) {
    Ref called = Ref::steal(call(ts, keys.get(), nullptr, 0));
    if (!called) return -1;
    ks = Ref::steal(sequence_list(ts, called.get()));
    if (!ks) return -1;
  }
  for (int64_t i = 0; i < list_size(ks.get()); ++i) {
    Object* k = list_items(ks.get())[i];
    if (!is_str(k)) {
      raise_format(ts, &exc::TypeError, "%s keywords must be strings", callable_name(ts, callable).c_str());
      return -1;
    }
    int c = dict_contains(ts, dict, k);
    if (c < 0) return -1;
    if (c) {
      raise_format(ts, &exc::TypeError, "%s got multiple values for keyword argument '%s'",
                   callable_name(ts, callable).c_str(), std::string(str_view(ts, k)).c_str());
      return -1;
    }
    Ref v = Ref::steal(get_item(ts, update, k));
    if (!v || dict_set_item(ts, dict, k, v.get()) < 0) return -1;
  }
  return 0;
}

// UNPACK_SEQUENCE (after = -1) and UNPACK_EX: writes the items to
// top[-1] (first) downwards.
int unpack_iterable(ThreadState* ts, Object* seq, int before, int after, Object** top) {
  if ((is_tuple(seq) || is_list(seq)) && after < 0) {
    int64_t n = is_tuple(seq) ? tuple_size(seq) : list_size(seq);
    Object** items = is_tuple(seq) ? tuple_items(seq) : list_items(seq);
    if (n == before) {
      for (int i = 0; i < before; ++i) top[-1 - i] = new_ref(items[i]);
      return 0;
    }
  }
  Ref it = Ref::steal(get_iter(ts, seq));
  if (!it) {
    if (runtime::exception_matches(ts, &exc::TypeError) && !seq->ob_type->iter && !seq->ob_type->mp_subscript) {
      runtime::clear_exception(ts);
      raise_format(ts, &exc::TypeError, "cannot unpack non-iterable %s object", type_name(seq->ob_type));
    }
    return -1;
  }
  int i = 0;
  for (; i < before; ++i) {
    Object* v = iter_next(ts, it.get());
    if (!v) {
      if (!runtime::has_exception(ts)) {
        if (after < 0)
          raise_format(ts, &exc::ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
        else
          raise_format(ts, &exc::ValueError, "not enough values to unpack (expected at least %d, got %d)",
                       before + after, i);
      }
      for (int k = 0; k < i; ++k) decref(top[-1 - k]);
      return -1;
    }
    top[-1 - i] = v;
  }
  if (after < 0) {
    Object* extra = iter_next(ts, it.get());
    if (extra || runtime::has_exception(ts)) {
      xdecref(extra);
      if (!runtime::has_exception(ts)) {
        raise_format(ts, &exc::ValueError, "too many values to unpack (expected %d)", before);
      }
      for (int k = 0; k < before; ++k) decref(top[-1 - k]);
      return -1;
    }
    return 0;
  }
  Ref rest = Ref::steal(sequence_list(ts, it.get()));
  if (!rest) {
    for (int k = 0; k < before; ++k) decref(top[-1 - k]);
    return -1;
  }
  int64_t n = list_size(rest.get());
  if (n < after) {
    raise_format(ts, &exc::ValueError, "not enough values to unpack (expected at least %d, got %lld)", before + after,
                 static_cast<long long>(before + n));
    for (int k = 0; k < before; ++k) decref(top[-1 - k]);
    return -1;
  }
  // The last `after` items go below the starred list.
  for (int k = 0; k < after; ++k) top[-1 - before - 1 - k] = new_ref(list_items(rest.get())[n - after + k]);
  Ref star = Ref::steal(list_new(ts, static_cast<size_t>(n - after)));
  if (!star) return -1;
  for (int64_t k = 0; k < n - after; ++k) list_items(star.get())[k] = new_ref(list_items(rest.get())[k]);
  top[-1 - before] = star.release();
  return 0;
}

Object* call_function_ex(ThreadState* ts, Object* func, Object* callargs, Object* kwargs) {
  Ref args = Ref::borrow(callargs);
  if (!is_tuple(callargs)) {
    if (!callargs->ob_type->iter && !callargs->ob_type->mp_subscript) {
      return raise_format(ts, &exc::TypeError, "%s argument after * must be an iterable, not %s",
                          callable_name(ts, func).c_str(), type_name(callargs->ob_type));
    }
    args = Ref::steal(sequence_tuple(ts, callargs));
    if (!args) return nullptr;
  }
  return call_tuple_dict(ts, func, args.get(), kwargs && dict_size(kwargs) ? kwargs : nullptr);
}

void set_function_attribute(Object* func, int which, Object* attr) {
  auto* f = static_cast<Function*>(func);
  switch (which) {
    case 1: set_ref(f->defaults, attr); break;
    case 2: set_ref(f->kwdefaults, attr); break;
    case 4: set_ref(f->annotations, attr); break;
    case 8: set_ref(f->closure, attr); break;
    default: decref(attr); break;
  }
}

// get_method: 1 with *meth = the unbound function (self stays the receiver),
// 0 with *meth = the attribute (or nullptr on error).
int get_method(ThreadState* ts, Object* obj, Object* name, Object** meth) {
  Type* tp = obj->ob_type;
  if (tp->getattro == object_type.getattro) {
    Object* descr = type_lookup_borrowed(tp, name);
    if (descr && (is_function(descr) || has_flag(descr->ob_type, kTypeMethodDescriptor))) {
      Ref shadow = Ref::steal(instance_dict_ptr(obj) ? instance_attr_lookup(ts, obj, name) : nullptr);
      if (!shadow) {
        if (runtime::has_exception(ts)) {
          *meth = nullptr;
          return 0;
        }
        *meth = new_ref(descr);
        return 1;
      }
    }
  }
  *meth = get_attr(ts, obj, name);
  return 0;
}

Object* get_yield_from_iter(ThreadState* ts, Frame* frame, Object* iterable) {
  if (iterable->ob_type == &coroutine_type) {
    if (!(frame->code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
      return raise(ts, &exc::TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return new_ref(iterable);
  }
  if (iterable->ob_type == &generator_type) return new_ref(iterable);
  return get_iter(ts, iterable);
}

Object* get_awaitable(ThreadState* ts, Object* o, int where) {
  if (o->ob_type == &coroutine_type) {
    auto* g = static_cast<Generator*>(o);
    if (g->running_async) return raise(ts, &exc::RuntimeError, "coroutine is being awaited already");
    return new_ref(o);
  }
  if (o->ob_type == &generator_type && (as_code(static_cast<Generator*>(o)->code)->flags & CO_ITERABLE_COROUTINE))
    return new_ref(o);
  UnaryFn await = o->ob_type->am_await;
  if (!await) {
    if (where == 1)
      return raise_format(ts, &exc::TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s", type_name(o->ob_type));
    if (where == 2)
      return raise_format(ts, &exc::TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s", type_name(o->ob_type));
    return raise_format(ts, &exc::TypeError, "object %s can't be used in 'await' expression", type_name(o->ob_type));
  }
  Object* it = await(ts, o);
  if (!it) return nullptr;
  if (it->ob_type == &coroutine_type || !it->ob_type->iternext) {
    const char* what = it->ob_type == &coroutine_type ? "__await__() returned a coroutine" : nullptr;
    if (what) raise(ts, &exc::TypeError, what);
    else raise_format(ts, &exc::TypeError, "__await__() returned non-iterator of type '%s'", type_name(it->ob_type));
    decref(it);
    return nullptr;
  }
  return it;
}

Object* get_aiter(ThreadState* ts, Object* obj) {
  UnaryFn f = obj->ob_type->am_aiter;
  if (!f) {
    return raise_format(ts, &exc::TypeError, "'async for' requires an object with __aiter__ method, got %s",
                        type_name(obj->ob_type));
  }
  Object* it = f(ts, obj);
  if (!it) return nullptr;
  if (!it->ob_type->am_anext) {
    raise_format(ts, &exc::TypeError,
                 "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                 type_name(it->ob_type));
    decref(it);
    return nullptr;
  }
  return it;
}

Object* get_anext(ThreadState* ts, Object* aiter) {
  UnaryFn f = aiter->ob_type->am_anext;
  if (!f) {
    return raise_format(ts, &exc::TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                        type_name(aiter->ob_type));
  }
  Ref next = Ref::steal(f(ts, aiter));
  if (!next) return nullptr;
  if (aiter->ob_type == &async_generator_type) return next.release();
  Object* a = get_awaitable(ts, next.get(), 0);
  if (!a && runtime::exception_matches(ts, &exc::TypeError)) {
    runtime::clear_exception(ts);
    raise_format(ts, &exc::TypeError, "'async for' received an invalid object from __anext__: %s",
                 type_name(next->ob_type));
  }
  return a;
}

// SEND: resumes the receiver; *returned when it finished (the result is the
// return value).
Object* send_to(ThreadState* ts, Object* receiver, Object* v, bool* returned) {
  *returned = false;
  if (is_generator_like(receiver)) return generator_send(ts, receiver, v, false, returned);
  Object* r;
  if (is_none(v) && receiver->ob_type->iternext) {
    r = receiver->ob_type->iternext(ts, receiver);
  } else {
    r = call_method(ts, receiver, ts->id->send, &v, 1);
  }
  if (r) return r;
  if (!runtime::has_exception(ts)) {
    *returned = true;
    return new_ref(py_none());
  }
  if (runtime::exception_matches(ts, &exc::StopIteration)) {
    Object* e = runtime::fetch_exception(ts);
    Object* value = new_ref(stop_iteration_value_borrowed(e));
    decref(e);
    *returned = true;
    return value;
  }
  return nullptr;
}

Object* match_keys(ThreadState* ts, Object* subject, Object* keys) {
  int64_t n = tuple_size(keys);
  if (n == 0) return tuple_empty();
  Ref get = Ref::steal(get_attr_str(ts, subject, "get"));
  if (!get) return nullptr;
  Ref seen = Ref::steal(set_new(ts, nullptr));
  Ref values = Ref::steal(list_new(ts, 0));
  if (!seen || !values) return nullptr;
  Object dummy_holder;  // a unique sentinel default
  for (int64_t i = 0; i < n; ++i) {
    Object* key = tuple_items(keys)[i];
    int c = set_contains(ts, seen.get(), key);
    if (c < 0) return nullptr;
    if (c) {
      return raise_format(ts, &exc::ValueError, "mapping pattern checks duplicate key (%s)", repr_utf8(ts, key).c_str());
    }
    if (set_add(ts, seen.get(), key) < 0) return nullptr;
    Ref sentinel = Ref::steal(tuple_new(ts, 0));
    Ref marker = Ref::steal(list_new(ts, 0));  // an object no mapping can hold yet
    if (!marker) return nullptr;
    Object* args[2] = {key, marker.get()};
    Ref v = Ref::steal(call(ts, get.get(), args, 2));
    if (!v) return nullptr;
    if (v.get() == marker.get()) return new_ref(py_none());
    if (list_append(ts, values.get(), v.get()) < 0) return nullptr;
  }
  (void)dummy_holder;
  return list_as_tuple(ts, values.get());
}

Object* match_class_attr(ThreadState* ts, Object* subject, Object* name, Object* seen) {
  int c = set_contains(ts, seen, name);
  if (c < 0) return nullptr;
  if (c) return raise_format(ts, &exc::TypeError, "%s() got multiple sub-patterns for attribute %s", "", repr_utf8(ts, name).c_str());
  if (set_add(ts, seen, name) < 0) return nullptr;
  return lookup_attr(ts, subject, name);
}

// MATCH_CLASS: the tuple of matched attributes, or None.
Object* match_class(ThreadState* ts, Object* subject, Object* type, int nargs, Object* kwargs) {
  if (!has_flag(type->ob_type, kTypeTypeSubclass)) {
    return raise_format(ts, &exc::TypeError, "called match pattern must be a class");
  }
  int inst = is_instance(ts, subject, type);
  if (inst < 0) return nullptr;
  if (!inst) return new_ref(py_none());
  auto* t = static_cast<Type*>(type);
  Ref seen = Ref::steal(set_new(ts, nullptr));
  Ref attrs = Ref::steal(list_new(ts, 0));
  if (!seen || !attrs) return nullptr;
  bool match_self = false;
  Ref match_args;
  if (nargs) {
    match_args = Ref::steal(lookup_attr(ts, type, ts->id->dunder_match_args));
    if (runtime::has_exception(ts)) return nullptr;
    if (match_args) {
      if (!is_tuple(match_args.get())) {
        return raise_format(ts, &exc::TypeError, "%s.__match_args__ must be a tuple (got %s)", type_name(t),
                            type_name(match_args->ob_type));
      }
    } else {
      match_args = Ref::steal(tuple_empty());
      constexpr uint64_t kSelfMatch = kTypeIntSubclass | kTypeStrSubclass | kTypeListSubclass | kTypeTupleSubclass |
                                      kTypeDictSubclass | kTypeBytesSubclass;
      match_self = has_flag(t, kSelfMatch) || t == &float_type || is_subtype(t, &float_type) ||
                   is_subtype(t, &set_type) || is_subtype(t, &frozenset_type) || t == &bool_type;
    }
    int64_t allowed = match_self ? 1 : tuple_size(match_args.get());
    if (nargs > allowed) {
      return raise_format(ts, &exc::TypeError, "%s() accepts %lld positional sub-pattern%s (%d given)", type_name(t),
                          static_cast<long long>(allowed), allowed == 1 ? "" : "s", nargs);
    }
    if (match_self) {
      if (list_append(ts, attrs.get(), subject) < 0) return nullptr;
    } else {
      for (int i = 0; i < nargs; ++i) {
        Object* name = tuple_items(match_args.get())[i];
        if (!is_str(name)) {
          return raise_format(ts, &exc::TypeError, "__match_args__ elements must be strings (got %s)",
                              type_name(name->ob_type));
        }
        Ref v = Ref::steal(match_class_attr(ts, subject, name, seen.get()));
        if (!v) return runtime::has_exception(ts) ? nullptr : new_ref(py_none());
        if (list_append(ts, attrs.get(), v.get()) < 0) return nullptr;
      }
    }
  }
  for (int64_t i = 0; i < tuple_size(kwargs); ++i) {
    Object* name = tuple_items(kwargs)[i];
    Ref v = Ref::steal(match_class_attr(ts, subject, name, seen.get()));
    if (!v) {
      if (runtime::exception_matches(ts, &exc::TypeError)) {
        runtime::clear_exception(ts);
        return raise_format(ts, &exc::TypeError, "%s() got multiple sub-patterns for attribute %s", type_name(t),
                            repr_utf8(ts, name).c_str());
      }
      return runtime::has_exception(ts) ? nullptr : new_ref(py_none());
    }
    if (list_append(ts, attrs.get(), v.get()) < 0) return nullptr;
  }
  return list_as_tuple(ts, attrs.get());
}

Object* import_name(ThreadState* ts, Frame* frame, Object* name, Object* fromlist, Object* level) {
  int64_t lv = int_small_value(level);
  // A user-replaced builtins.__import__ is honoured.
  Object* imp = is_dict(frame->builtins) ? dict_get_item_borrowed(ts, frame->builtins, ts->id->dunder_import) : nullptr;
  if (imp && !(imp->ob_type == &builtin_function_type)) {
    Object* args[5] = {name, frame->globals, frame->locals ? frame->locals : py_none(), fromlist, level};
    return call(ts, imp, args, 5);
  }
  return modules::import_name(ts, name, frame->globals, fromlist, static_cast<int>(lv));
}

Object* call_intrinsic_1(ThreadState* ts, Frame* frame, int which, Object* value) {
  switch (static_cast<Intrinsic1>(which)) {
    case Intrinsic1::PRINT: {
      Ref hook = Ref::steal(ts->interp->sys ? lookup_attr(ts, ts->interp->sys, Ref::steal(str_intern_cstr(ts, "displayhook")).get()) : nullptr);
      if (!hook) return runtime::has_exception(ts) ? nullptr : raise(ts, &exc::RuntimeError, "lost sys.displayhook");
      return call(ts, hook.get(), &value, 1);
    }
    case Intrinsic1::IMPORT_STAR: {
      if (!frame->locals) return raise(ts, &exc::SystemError, "no locals found during 'import *'");
      if (modules::import_star(ts, value, frame->locals) < 0) return nullptr;
      return py_none();
    }
    case Intrinsic1::STOPITERATION_ERROR: {
      const char* msg = (frame->code->flags & CO_ASYNC_GENERATOR) ? "async generator raised StopIteration"
                        : (frame->code->flags & CO_COROUTINE) ? "coroutine raised StopIteration"
                                                              : "generator raised StopIteration";
      if (is_instance_of(value, &exc::StopIteration)) {
        Ref e = Ref::steal(str_from_cstr(ts, msg));
        Object* a = e.get();
        Ref err = Ref::steal(call(ts, &exc::RuntimeError, &a, 1));
        if (!err) return nullptr;
        exception_set_cause(err.get(), new_ref(value));
        exception_set_context(err.get(), new_ref(value));
        return err.release();
      }
      if ((frame->code->flags & CO_ASYNC_GENERATOR) && is_instance_of(value, &exc::StopAsyncIteration)) {
        Ref e = Ref::steal(str_from_cstr(ts, "async generator raised StopAsyncIteration"));
        Object* a = e.get();
        Ref err = Ref::steal(call(ts, &exc::RuntimeError, &a, 1));
        if (!err) return nullptr;
        exception_set_cause(err.get(), new_ref(value));
        exception_set_context(err.get(), new_ref(value));
        return err.release();
      }
      return new_ref(value);
    }
    case Intrinsic1::ASYNC_GEN_WRAP: return async_gen_wrap_value(ts, value);
    case Intrinsic1::UNARY_POSITIVE: return number_positive(ts, value);
    case Intrinsic1::LIST_TO_TUPLE: return list_as_tuple(ts, value);
    default: return raise(ts, &exc::SystemError, "invalid intrinsic function");
  }
}

Object* call_intrinsic_2(ThreadState* ts, int which, Object* value2, Object* value1) {
  if (static_cast<Intrinsic2>(which) == Intrinsic2::PREP_RERAISE_STAR) return prep_reraise_star(ts, value2, value1);
  return raise(ts, &exc::SystemError, "invalid intrinsic function");
}

// --- argument binding --------------------------------------------------------

std::string quoted_list(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    s += "'" + names[i] + "'";
  }
  return s;
}

// Binds args[0..nargs) + keywords (values after the positionals, names in
// kwnames) into the new frame's locals. Steals every argument reference.
int bind_arguments(ThreadState* ts, Function* func, Frame* f, Object* const* args, size_t nargs, Object* kwnames) {
  CodeObj* code = as_code(func->code);
  const CodeObject& co = *code->co;
  int argcount = co.argcount, kwonly = co.kwonlyargcount, posonly = co.posonlyargcount;
  bool varargs = co.flags & CO_VARARGS, varkw = co.flags & CO_VARKEYWORDS;
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  Object** locals = f->localsplus;
  int total = argcount + kwonly;
  // The function's name in error messages, made only when one is raised.
  auto fname = [&] { return std::string(str_view(ts, func->qualname)) + "()"; };
  int status = 0;
  Ref kwdict;
  if (varkw) {
    kwdict = Ref::steal(dict_new(ts));
    if (!kwdict) status = -1;
  }
  size_t npos = std::min(nargs, static_cast<size_t>(argcount));
  for (size_t i = 0; i < npos; ++i) locals[i] = args[i];
  if (varargs) {
    size_t extra = nargs > npos ? nargs - npos : 0;
    Object* t = tuple_new(ts, extra);
    if (!t) status = -1;
    for (size_t i = 0; i < extra; ++i) {
      if (t) tuple_items(t)[i] = args[npos + i];
      else decref(args[npos + i]);
    }
    locals[total] = t;
  } else {
    for (size_t i = npos; i < nargs; ++i) decref(args[i]);
  }
  std::vector<std::string> posonly_as_kw;
  for (size_t k = 0; k < nkw; ++k) {
    Object* key = tuple_items(kwnames)[k];
    Object* value = args[nargs + k];
    if (status < 0) {
      decref(value);
      continue;
    }
    int found = -1;
    for (int j = posonly; j < total; ++j) {
      Object* pname = tuple_items(code->localsplus)[j];
      if (pname == key || str_equal(pname, key)) {
        found = j;
        break;
      }
    }
    if (found < 0) {
      bool is_posonly = false;
      for (int j = 0; j < posonly; ++j) is_posonly |= str_equal(tuple_items(code->localsplus)[j], key);
      if (varkw) {
        if (dict_set_item(ts, kwdict.get(), key, value) < 0) status = -1;
        decref(value);
        continue;
      }
      if (is_posonly) {
        posonly_as_kw.push_back(std::string(str_view(ts, key)));
        decref(value);
        continue;
      }
      raise_format(ts, &exc::TypeError, "%s got an unexpected keyword argument '%s'", fname().c_str(),
                   std::string(str_view(ts, key)).c_str());
      status = -1;
      decref(value);
      continue;
    }
    if (locals[found]) {
      raise_format(ts, &exc::TypeError, "%s got multiple values for argument '%s'", fname().c_str(),
                   std::string(str_view(ts, key)).c_str());
      status = -1;
      decref(value);
      continue;
    }
    locals[found] = value;
  }
  if (varkw) locals[total + (varargs ? 1 : 0)] = kwdict.release();
  if (status < 0) return -1;
  if (!posonly_as_kw.empty()) {
    std::string names;
    for (size_t i = 0; i < posonly_as_kw.size(); ++i) names += (i ? ", " : "") + posonly_as_kw[i];
    raise_format(ts, &exc::TypeError, "%s got some positional-only arguments passed as keyword arguments: '%s'",
                 fname().c_str(), names.c_str());
    return -1;
  }
  if (nargs > static_cast<size_t>(argcount) && !varargs) {
    int ndefaults = func->defaults ? static_cast<int>(tuple_size(func->defaults)) : 0;
    int kwonly_given = 0;
    for (int j = argcount; j < total; ++j) kwonly_given += locals[j] != nullptr;
    std::string takes;
    if (ndefaults) takes = "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount);
    else takes = std::to_string(argcount);
    std::string plural = (ndefaults == 0 && argcount == 1) ? "" : "s";
    std::string given = std::to_string(nargs);
    std::string msg = fname() + " takes " + takes + " positional argument" + plural + " but " + given;
    if (kwonly_given) {
      msg += " positional argument" + std::string(nargs == 1 ? "" : "s") + " (and " + std::to_string(kwonly_given) +
             " keyword-only argument" + (kwonly_given == 1 ? "" : "s") + ") were given";
    } else {
      msg += nargs == 1 ? " was given" : " were given";
    }
    raise(ts, &exc::TypeError, msg);
    return -1;
  }
  // Defaults for missing positionals.
  if (npos < static_cast<size_t>(argcount)) {
    int ndefaults = func->defaults ? static_cast<int>(tuple_size(func->defaults)) : 0;
    int first_default = argcount - ndefaults;
    std::vector<std::string> missing;
    for (int j = static_cast<int>(npos); j < argcount; ++j) {
      if (locals[j]) continue;
      if (j >= first_default) locals[j] = new_ref(tuple_items(func->defaults)[j - first_default]);
      else missing.push_back(std::string(str_view(ts, tuple_items(code->localsplus)[j])));
    }
    if (!missing.empty()) {
      raise_format(ts, &exc::TypeError, "%s missing %zu required positional argument%s: %s", fname().c_str(),
                   missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing).c_str());
      return -1;
    }
  }
  if (kwonly) {
    std::vector<std::string> missing;
    for (int j = argcount; j < total; ++j) {
      if (locals[j]) continue;
      Object* name = tuple_items(code->localsplus)[j];
      Object* d = func->kwdefaults ? dict_get_item_borrowed(ts, func->kwdefaults, name) : nullptr;
      if (d) locals[j] = new_ref(d);
      else missing.push_back(std::string(str_view(ts, name)));
    }
    if (!missing.empty()) {
      raise_format(ts, &exc::TypeError, "%s missing %zu required keyword-only argument%s: %s", fname().c_str(),
                   missing.size(), missing.size() == 1 ? "" : "s", quoted_list(missing).c_str());
      return -1;
    }
  }
  return 0;
}

// Pushes and initializes the frame of a Python function call. Steals the
// argument references (also on failure).
Frame* make_function_frame(ThreadState* ts, Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* func = static_cast<Function*>(callable);
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  if (ts->py_recursion_remaining <= 0) {
    for (size_t i = 0; i < nargs + nkw; ++i) decref(args[i]);
    raise(ts, &exc::RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  Frame* f = push_frame(ts, as_code(func->code));
  if (!f) {
    for (size_t i = 0; i < nargs + nkw; ++i) decref(args[i]);
    return nullptr;
  }
  f->func = new_ref(callable);
  f->globals = func->globals;
  f->builtins = func->builtins;
  // The common case needs no binding: exactly the positional parameters.
  if (!kwnames && as_code(func->code)->co->takes_exactly(static_cast<int64_t>(nargs))) {
    for (size_t i = 0; i < nargs; ++i) f->localsplus[i] = args[i];
    return f;
  }
  if (bind_arguments(ts, func, f, args, nargs, kwnames) < 0) {
    clear_frame(f);
    pop_frame(ts, f);
    return nullptr;
  }
  return f;
}

// The frame of a call whose arguments are exactly the function's positional
// parameters (the CALL_*_EXACT_ARGS forms checked that, and the version):
// one reference to the function, `self` (if not null) and the arguments
// move into it. nullptr (no exception, nothing consumed) if the recursion
// budget or the data stack is exhausted: the caller deoptimizes and the
// generic path raises.
Frame* push_exact_args_frame(ThreadState* ts, Function* func, Object* self, Object** args, int nargs) {
  if (ts->py_recursion_remaining <= 0) return nullptr;
  Frame* f = push_frame(ts, as_code(func->code));
  if (!f) {
    runtime::clear_exception(ts);
    return nullptr;
  }
  f->func = func;
  f->globals = func->globals;
  f->builtins = func->builtins;
  Object** locals = f->localsplus;
  if (self) *locals++ = self;
  for (int i = 0; i < nargs; ++i) locals[i] = args[i];
  return f;
}

// As push_exact_args_frame for a function the caller keeps (a bound
// method's, a class's __init__/__call__/__getattribute__, a property's
// getter): the frame takes a reference of its own when it is pushed.
Frame* push_exact_args_frame_for(ThreadState* ts, Function* func, Object* self, Object** args, int nargs) {
  Frame* f = push_exact_args_frame(ts, func, self, args, nargs);
  if (f) incref(func);
  return f;
}

// STORE_ATTR_INSTANCE_VALUE's slow path: the instance has no values block
// or one too small for `index` (of the class's shared keys, which the type
// version pins). It gets a block sized for the class's keys and the value
// goes in; if that allocation fails, the generic store raises. Takes
// `value`'s reference. 0 or -1.
int store_growing_values(ThreadState* ts, Object* owner, Object* name, int index, Object* value) {
  Object** dict_slot = instance_dict_ptr_fixed(owner);
  InstanceValues* values = *dict_slot ? slot_values(*dict_slot) : nullptr;
  if (values_reserve(static_cast<SharedKeys*>(owner->ob_type->cached_keys), &values, index) < 0) {
    int err = set_attr(ts, owner, name, value);
    decref(value);
    return err;
  }
  *dict_slot = values_slot(values);
  values->put(index, value);
  return 0;
}

// The guard of the class-attribute forms on instances with inline values:
// the instance's attributes are inline (or there are none yet), and the
// class's shared keys still hold `nkeys` names — keys are only appended, so
// no name has been added that an instance could hold over the class's.
bool instance_lacks_new_names(Object* owner, uint32_t nkeys) {
  Object* slot = instance_dict_slot_fixed(owner);
  if (slot != nullptr && !slot_holds_values(slot)) return false;
  return static_cast<SharedKeys*>(owner->ob_type->cached_keys)->nentries == static_cast<int32_t>(nkeys);
}

// LOAD_SUPER_ATTR_*: super is the builtin one, class_ a class and self an
// instance of it that is not itself a class (super(class_, self) then only
// walks type(self)'s MRO after class_).
bool super_call_plain(Object* global_super, Object* class_, Object* self) {
  return global_super == &super_type && has_flag(class_->ob_type, kTypeTypeSubclass) &&
         !has_flag(self->ob_type, kTypeTypeSubclass) && is_subtype(self->ob_type, static_cast<Type*>(class_));
}

// UNPACK_SEQUENCE's layout: items[0..n) onto the stack from `dst` up, the
// first item on top (new references).
void push_items_reversed(Object* const* items, int n, Object** dst) {
  for (int i = 0; i < n; ++i) dst[n - 1 - i] = new_ref(items[i]);
}

// The MethodDef of a builtin function whose calling convention is among
// `flags`, or nullptr (the CALL_BUILTIN_* guards).
const MethodDef* builtin_def_with(Object* callable, uint32_t flags) {
  if (callable->ob_type != &builtin_function_type) return nullptr;
  const MethodDef* def = static_cast<BuiltinFunctionObject*>(callable)->def;
  return (def->flags & flags) ? def : nullptr;
}

// The MethodDef of a method descriptor (list.append, str.join, ...) with a
// calling convention among `flags`, if `self` is exactly of the descriptor's
// type; else nullptr (the CALL_METHOD_DESCRIPTOR_* guards).
const MethodDef* method_descr_def_with(Object* callable, Object* self, uint32_t flags) {
  if (callable->ob_type != &method_descr_type) return nullptr;
  auto* d = static_cast<MethodDescrObject*>(callable);
  return self->ob_type == d->d_type && (d->d_method->flags & flags) ? d->d_method : nullptr;
}

// A builtin's C++ body called directly by the specialized CALL forms that
// checked its calling convention: releases the arguments.
Object* call_builtin_direct(ThreadState* ts, const MethodDef* def, Object* self, Object** args, size_t nargs) {
  Object* r = nullptr;
  if (enter_recursive_call(ts, " while calling a Python object") == 0) {
    r = def->fn(ts, self, args, nargs, nullptr);
    leave_recursive_call(ts);
  }
  for (size_t i = 0; i < nargs; ++i) decref(args[i]);
  return r;
}

// CALL / CALL_KW: consumes callable, self_or_null, the arguments and kwnames.
// Either returns the result, or sets *new_frame to a pushed Python frame.
Object* do_call(ThreadState* ts, Object* callable, Object* self_or_null, Object** args, int oparg, Object* kwnames,
                Frame** new_frame) {
  *new_frame = nullptr;
  Object** argv = args;
  size_t total = static_cast<size_t>(oparg);
  if (self_or_null) {
    --argv;
    ++total;
  } else if (callable->ob_type == &method_type) {
    auto* m = static_cast<MethodObject*>(callable);
    Object* func = new_ref(m->im_func);
    args[-1] = new_ref(m->im_self);
    decref(callable);
    callable = func;
    --argv;
    ++total;
  }
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  if (is_function(callable)) {
    Frame* f = make_function_frame(ts, callable, argv, total - nkw, kwnames);
    decref(callable);
    xdecref(kwnames);
    *new_frame = f;
    return nullptr;
  }
  Object* res = call(ts, callable, argv, total - nkw, kwnames);
  decref(callable);
  for (size_t i = 0; i < total; ++i) decref(argv[i]);
  xdecref(kwnames);
  return res;
}

}  // namespace

int handle_eval_breaker(ThreadState* ts) {
  uint32_t bits = ts->eval_breaker.exchange(0);
  if (bits & runtime::kSignalsPending) {
    runtime::raise_object(ts, &exc::KeyboardInterrupt);
    return -1;
  }
  return 0;
}

// ===========================================================================
// The loop
// ===========================================================================

Object* eval_frame(ThreadState* ts, Frame* entry, bool throwing) {
#include "vm/tier1_targets.inc"
  void* const* targets = ts->interp->spec_stats ? counting_targets : normal_targets;
  (void)tracing_targets;

  Frame* frame = entry;
  entry->is_entry = true;
  entry->yielded = false;
  entry->previous = ts->current_frame;
  ts->current_frame = entry;
  --ts->py_recursion_remaining;

  CodeObj* code = nullptr;
  Object** stack_pointer = nullptr;
  CodeUnit* next_instr = nullptr;
  int opcode = 0;
  int oparg = 0;
  Object* return_value = nullptr;

#define TARGET(op) TARGET_##op:
#define DISPATCH()                 \
  do {                             \
    opcode = *next_instr & 0xFF;   \
    oparg = *next_instr >> 8;      \
    goto* targets[opcode];         \
  } while (0)
#define DISPATCH_SAME_OPARG() goto* targets[opcode]
#define RECORD_DEOPT(op)                                                              \
  do {                                                                                \
    if (SpecStats* stats = ts->interp->spec_stats) ++stats->deopts[static_cast<int>(Op::op)]; \
  } while (0)
#define JUMPBY(n) (next_instr += (n))
#define GETLOCAL(i) (frame->localsplus[(i)])
#define CONST(i) (tuple_items(code->consts)[(i)])
#define NAME(i) (tuple_items(code->names)[(i)])
#define CHECK_EVAL_BREAKER()                                                                 \
  do {                                                                                       \
    if (ts->eval_breaker.load(std::memory_order_relaxed) && handle_eval_breaker(ts) < 0) goto error; \
  } while (0)
#define PUSH_FRAME(nf)                                              \
  do {                                                              \
    frame->return_offset = static_cast<uint16_t>(next_instr - this_instr); \
    frame->stacktop = static_cast<int>(stack_pointer - frame->localsplus); \
    (nf)->previous = frame;                                         \
    frame = (nf);                                                   \
    ts->current_frame = frame;                                      \
    --ts->py_recursion_remaining;                                   \
    goto start_frame;                                               \
  } while (0)

  code = frame->code;
  next_instr = frame->instr_ptr;
  stack_pointer = frame->localsplus + frame->stacktop;
  if (throwing) goto error;
  DISPATCH();

start_frame:
  code = frame->code;
  next_instr = frame->instr_ptr;
  stack_pointer = frame->localsplus + frame->stacktop;
  DISPATCH();

#include "vm/tier1_cases.inc"

unknown_opcode:
  raise_format(ts, &exc::SystemError, "unknown opcode %d", opcode);
  goto error;

count_instruction:  // -X pystats: the counting table's every entry
  ++ts->interp->spec_stats->executed[opcode];
  goto* normal_targets[opcode];

error_pop2:
  --stack_pointer;

error_pop1:
  --stack_pointer;

error_no_pop:
error:
  // A new traceback entry for this frame, then look for a handler.
  if (runtime::has_exception(ts)) {
    int lasti = static_cast<int>(frame->instr_ptr - code->units);
    Ref fo = Ref::steal(frame_object_for(ts, frame));
    if (!fo) runtime::clear_exception(ts);
    if (traceback_add(ts, ts->current_exception, code, fo.get(), lasti) < 0) {
      // Out of memory while recording: the original exception is lost.
    }
  } else {
    raise(ts, &exc::SystemError, "error return without exception set");
  }
exception_unwind : {
  // The handler is looked up at the instruction being executed, not at
  // frame->instr_ptr: RERAISE restores that to the original raising offset
  // (for tracebacks) while the handler search continues from RERAISE.
  int offset = static_cast<int>(next_instr - 1 - code->units);
  Object** base = frame->localsplus + code->nlocalsplus;
  auto handler = code->co->handler_at(offset);
  if (handler) {
    while (stack_pointer > base + handler->depth) xdecref(*--stack_pointer);
    if (handler->lasti) {
      Object* lasti = int_from_i64(ts, static_cast<int>(frame->instr_ptr - code->units));
      if (!lasti) goto error;  // MemoryError replaces the exception
      *stack_pointer++ = lasti;
    }
    *stack_pointer++ = runtime::fetch_exception(ts);
    next_instr = code->units + handler->target;
    DISPATCH();
  }
  while (stack_pointer > base) xdecref(*--stack_pointer);
  frame->stacktop = code->nlocalsplus;
  ++ts->py_recursion_remaining;
  if (frame->is_entry) {
    ts->current_frame = frame->previous;
    if (frame->owner == FrameOwner::Thread) {
      clear_frame(frame);
      pop_frame(ts, frame);
    }
    return nullptr;
  }
  Frame* prev = frame->previous;
  if (frame->owner == FrameOwner::Generator) {
    // A generator FOR_ITER_GEN/SEND_GEN ran here: it is finished.
    Generator* g = generator_of_frame(frame);
    generator_leave_inline(ts, g);
    generator_finish(g);
  } else {
    clear_frame(frame);
    pop_frame(ts, frame);
  }
  frame = prev;
  ts->current_frame = frame;
  code = frame->code;
  stack_pointer = frame->localsplus + frame->stacktop;
  next_instr = frame->instr_ptr + 1;
  goto error;
}

do_return:
  // return_value is owned; the frame's stack is empty.
  ++ts->py_recursion_remaining;
  if (frame->is_entry) {
    ts->current_frame = frame->previous;
    frame->stacktop = static_cast<int>(stack_pointer - frame->localsplus);
    if (frame->owner == FrameOwner::Thread) {
      clear_frame(frame);
      pop_frame(ts, frame);
    }
    return return_value;
  }
  {
    frame->stacktop = static_cast<int>(stack_pointer - frame->localsplus);
    Frame* prev = frame->previous;
    Object* init_self = frame->init_self;
    frame->init_self = nullptr;
    if (frame->owner == FrameOwner::Generator) {
      // Returned from a generator FOR_ITER_GEN/SEND_GEN ran here: the
      // caller resumes at its END_FOR/END_SEND with the value.
      Generator* g = generator_of_frame(frame);
      generator_leave_inline(ts, g);
      generator_finish(g);
    } else {
      clear_frame(frame);
      pop_frame(ts, frame);
    }
    frame = prev;
    ts->current_frame = frame;
    code = frame->code;
    stack_pointer = frame->localsplus + frame->stacktop;
    if (init_self) {
      // The caller's CALL_ALLOC_AND_ENTER_INIT gets the instance; a
      // non-None result is its TypeError, raised at the call (as type_call).
      if (!is_none(return_value)) {
        raise_format(ts, &exc::TypeError, "__init__() should return None, not '%s'", tp_name(return_value));
        decref(return_value);
        decref(init_self);
        next_instr = frame->instr_ptr + 1;  // the handler search starts at the CALL
        goto error;
      }
      return_value = init_self;
    }
    *stack_pointer++ = return_value;
    next_instr = frame->instr_ptr + frame->return_offset;
    DISPATCH();
  }

do_return_generator:
  // The generator took over the frame's contents; only its block remains.
  ++ts->py_recursion_remaining;
  {
    Frame* prev = frame->previous;
    bool entry_frame = frame->is_entry;
    pop_frame(ts, frame);
    ts->current_frame = prev;
    if (entry_frame) return return_value;
    frame = prev;
    code = frame->code;
    stack_pointer = frame->localsplus + frame->stacktop;
    *stack_pointer++ = return_value;
    next_instr = frame->instr_ptr + frame->return_offset;
    DISPATCH();
  }

do_yield:
  // Only generator frames yield: the entry frame of the loop that resumed
  // it (generator_send), or a frame FOR_ITER_GEN/SEND_GEN pushed, whose
  // caller continues after that instruction with the value.
  ++ts->py_recursion_remaining;
  frame->instr_ptr = next_instr;
  frame->stacktop = static_cast<int>(stack_pointer - frame->localsplus);
  frame->yielded = true;
  ts->current_frame = frame->previous;
  if (frame->is_entry) return return_value;
  {
    static_assert(cache_size(Op::FOR_ITER) == cache_size(Op::SEND), "a yield resumes after either");
    generator_leave_inline(ts, generator_of_frame(frame));
    Frame* prev = frame->previous;
    frame->previous = nullptr;
    frame = prev;
    code = frame->code;
    stack_pointer = frame->localsplus + frame->stacktop;
    *stack_pointer++ = return_value;
    next_instr = frame->instr_ptr + 1 + cache_size(Op::FOR_ITER);
    DISPATCH();
  }

#undef TARGET
#undef DISPATCH
#undef DISPATCH_SAME_OPARG
#undef JUMPBY
#undef GETLOCAL
#undef CONST
#undef NAME
#undef CHECK_EVAL_BREAKER
#undef PUSH_FRAME
}

// ===========================================================================
// Entry points
// ===========================================================================

Object* function_call(ThreadState* ts, Object* func, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  // The frame steals the arguments: give it its own references (in a
  // stack buffer for the usual few: dunder calls from slots come here).
  size_t n = nargs + nkw;
  Object* few[8];
  std::vector<Object*> many;
  Object** owned = few;
  if (n > 8) {
    many.resize(n);
    owned = many.data();
  }
  for (size_t i = 0; i < n; ++i) owned[i] = new_ref(args[i]);
  Frame* f = make_function_frame(ts, func, owned, nargs, kwnames);
  if (!f) return nullptr;
  return eval_frame(ts, f, false);
}

Object* eval_code(ThreadState* ts, Object* code_obj, Object* globals, Object* locals) {
  CodeObj* code = as_code(code_obj);
  if (ts->py_recursion_remaining <= 0) return raise(ts, &exc::RecursionError, "maximum recursion depth exceeded");
  Object* builtins = builtins_for_globals(ts, globals);
  if (!builtins) return nullptr;
  Frame* f = push_frame(ts, code);
  if (!f) return nullptr;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = xnew_ref(locals);
  return eval_frame(ts, f, false);
}

Object* compile_to_code(ThreadState* ts, const std::string& source, const std::string& filename,
                        const std::string& mode, bool from_file) {
  frontend::SyntaxErrorInfo err;
  frontend::CompileMode m = mode == "eval" ? frontend::CompileMode::Eval
                            : mode == "single" ? frontend::CompileMode::Single
                                               : frontend::CompileMode::Exec;
  frontend::CompileOptions opts;
  opts.int_max_str_digits = ts->interp->int_max_str_digits;
  opts.from_file = from_file;
  opts.decoded_text = !from_file;
  std::vector<frontend::CompileWarning> warnings;
  auto co = frontend::compile_source(source, filename, m, err, &warnings, opts);
  // SyntaxWarnings go to stderr as the warnings module's default filter
  // prints them (issue 4 routes them through warnings.warn).
  for (auto w : warnings) {
    if (!from_file) w.line.clear();  // no source line to show for strings (as linecache)
    modules::write_stderr(ts, frontend::format_warning(w));
  }
  if (!co) {
    if (err.type == "MemoryError") return runtime::raise_no_memory(ts);
    if (err.type == "RecursionError") return raise(ts, &exc::RecursionError, err.msg);
    Type* type = err.type == "IndentationError" ? &exc::IndentationError
                 : err.type == "TabError"       ? &exc::TabError
                                                : &exc::SyntaxError;
    Object* e = syntax_error_new(ts, type, err.msg, err.filename, err.lineno, err.offset,
                                 err.has_text ? &err.text : nullptr, err.end_lineno, err.end_offset);
    if (!e) return nullptr;
    runtime::restore_exception(ts, e);
    return nullptr;
  }
  return code_new(ts, std::move(co));
}

// __build_class__(func, name, /, *bases, metaclass=None, **kwds)
Object* build_class(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  size_t npos = nargs;
  if (npos < 2) return raise(ts, &exc::TypeError, "__build_class__: not enough arguments");
  Object* func = args[0];
  Object* name = args[1];
  if (!is_function(func)) return raise(ts, &exc::TypeError, "__build_class__: func must be a function");
  if (!is_str(name)) return raise(ts, &exc::TypeError, "__build_class__: name is not a string");
  Ref orig_bases = Ref::steal(tuple_from_array(ts, args + 2, npos - 2));
  if (!orig_bases) return nullptr;
  // __mro_entries__
  Ref bases = Ref::borrow(orig_bases.get());
  bool changed = false;
  Ref new_bases = Ref::steal(list_new(ts, 0));
  if (!new_bases) return nullptr;
  for (int64_t i = 0; i < tuple_size(orig_bases.get()); ++i) {
    Object* b = tuple_items(orig_bases.get())[i];
    if (has_flag(b->ob_type, kTypeTypeSubclass)) {
      if (list_append(ts, new_bases.get(), b) < 0) return nullptr;
      continue;
    }
    Ref meth = Ref::steal(lookup_attr(ts, b, ts->id->dunder_mro_entries));
    if (!meth) {
      if (runtime::has_exception(ts)) return nullptr;
      if (list_append(ts, new_bases.get(), b) < 0) return nullptr;
      continue;
    }
    Object* a = orig_bases.get();
    Ref entries = Ref::steal(call(ts, meth.get(), &a, 1));
    if (!entries) return nullptr;
    if (!is_tuple(entries.get())) return raise(ts, &exc::TypeError, "__mro_entries__ must return a tuple");
    changed = true;
    if (list_extend(ts, new_bases.get(), entries.get()) < 0) return nullptr;
  }
  if (changed) {
    bases = Ref::steal(list_as_tuple(ts, new_bases.get()));
    if (!bases) return nullptr;
  }
  // Keywords: metaclass and the rest.
  Ref kwds = Ref::steal(dict_new(ts));
  if (!kwds) return nullptr;
  Object* meta = nullptr;
  for (size_t i = 0; i < nkw; ++i) {
    Object* k = tuple_items(kwnames)[i];
    if (str_equal(k, ts->id->metaclass)) meta = args[npos + i];
    else if (dict_set_item(ts, kwds.get(), k, args[npos + i]) < 0) return nullptr;
  }
  bool is_class = false;
  Ref metaclass;
  if (meta) {
    metaclass = Ref::borrow(meta);
    is_class = has_flag(meta->ob_type, kTypeTypeSubclass);
  } else {
    metaclass = Ref::borrow(tuple_size(bases.get()) ? static_cast<Object*>(tuple_items(bases.get())[0]->ob_type)
                                                    : static_cast<Object*>(&type_type));
    is_class = true;
  }
  if (is_class) {
    Type* winner = calculate_metaclass(ts, static_cast<Type*>(metaclass.get()), bases.get());
    if (!winner) return nullptr;
    metaclass = Ref::borrow(winner);
  }
  // __prepare__
  Ref ns;
  Ref prep = Ref::steal(lookup_attr(ts, metaclass.get(), ts->id->dunder_prepare));
  if (prep) {
    Ref kwt = Ref::steal(dict_size(kwds.get()) ? dict_keys_list(ts, kwds.get()) : nullptr);
    Object* pargs[2] = {name, bases.get()};
    ns = Ref::steal(call_tuple_dict(ts, prep.get(), Ref::steal(tuple_from_array(ts, pargs, 2)).get(),
                                    dict_size(kwds.get()) ? kwds.get() : nullptr));
    if (!ns) return nullptr;
  } else {
    if (runtime::has_exception(ts)) return nullptr;
    ns = Ref::steal(dict_new(ts));
    if (!ns) return nullptr;
  }
  if (!ns->ob_type->mp_subscript) {
    return raise_format(ts, &exc::TypeError, "%s.__prepare__() must return a mapping, not %s",
                        is_class ? type_name(static_cast<Type*>(metaclass.get())) : "<metaclass>",
                        type_name(ns->ob_type));
  }
  // Run the class body with the namespace as its locals.
  auto* fn = static_cast<Function*>(func);
  CodeObj* body = as_code(fn->code);
  Frame* f = push_frame(ts, body);
  if (!f) return nullptr;
  f->func = new_ref(func);
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  f->locals = new_ref(ns.get());
  Ref cell = Ref::steal(eval_frame(ts, f, false));
  if (!cell) return nullptr;
  if (bases.get() != orig_bases.get()) {
    if (set_item(ts, ns.get(), Ref::steal(str_intern_cstr(ts, "__orig_bases__")).get(), orig_bases.get()) < 0)
      return nullptr;
  }
  Object* margs[3] = {name, bases.get(), ns.get()};
  Ref cls = Ref::steal(call_tuple_dict(ts, metaclass.get(), Ref::steal(tuple_from_array(ts, margs, 3)).get(),
                                       dict_size(kwds.get()) ? kwds.get() : nullptr));
  if (!cls) return nullptr;
  if (cell->ob_type == &cell_type && has_flag(cls->ob_type, kTypeTypeSubclass)) {
    Object* cell_value = static_cast<Cell*>(cell.get())->ref;
    if (cell_value != cls.get()) {
      if (!cell_value) {
        return raise_format(ts, &exc::RuntimeError,
                            "__class__ not set defining '%s' as %s. Was __classcell__ propagated to type.__new__?",
                            std::string(str_view(ts, name)).c_str(), repr_utf8(ts, cls.get()).c_str());
      }
      return raise_format(ts, &exc::TypeError, "__class__ set to %s defining '%s' as %s",
                          repr_utf8(ts, cell_value).c_str(), std::string(str_view(ts, name)).c_str(),
                          repr_utf8(ts, cls.get()).c_str());
    }
  }
  return cls.release();
}

}  // namespace spindle::vm
