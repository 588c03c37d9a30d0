// Generators, coroutines and async generators (see generator.h).
//
// A generator owns its frame (frame_storage, right after the object, moved
// out of the data stack by RETURN_GENERATOR). Each resume links the
// generator's exception-state entry onto the thread's stack and runs the
// frame: generator_send in a fresh invocation of the interpreter loop, which
// YIELD_VALUE leaves with frame->yielded set; FOR_ITER_GEN and SEND_GEN in
// the caller's loop, as a pushed frame (generator_enter_inline), which a
// yield, return or raise pops (generator_leave_inline).
#include "vm/generator.h"

#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "vm/code_object.h"
#include "vm/frame.h"
#include "vm/frameobject.h"
#include "vm/function.h"
#include "vm/interpreter.h"
#include "vm/opcode.h"

namespace spindle::vm {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type generator_type;
Type coroutine_type;
Type async_generator_type;
Type coroutine_wrapper_type;
Type async_gen_asend_type;
Type async_gen_athrow_type;
Type async_gen_wrapped_value_type;

namespace {

Generator* G(Object* o) { return static_cast<Generator*>(o); }

const char* kind_name(Object* gen) {
  return gen->ob_type == &coroutine_type ? "coroutine" : gen->ob_type == &async_generator_type ? "async generator" : "generator";
}

void finish(Generator* g) { generator_finish(g); }

// The sub-iterator a suspended `yield from` / `await` delegates to.
Object* yield_from_target(Generator* g) {
  Frame* f = g->frame;
  if (!f || !g->started || f->instr_ptr <= f->code->units + 1) return nullptr;
  CodeUnit prev = f->instr_ptr[-1];
  if ((prev & 0xFF) != static_cast<int>(Op::YIELD_VALUE) || (prev >> 8) != 1) return nullptr;
  return f->localsplus[f->stacktop - 1];
}

}  // namespace

void generator_finish(Generator* g) {
  if (!g->frame) return;
  clear_frame(g->frame);
  g->frame = nullptr;
  g->closed = true;
}

void generator_enter_inline(ThreadState* ts, Generator* g) {
  g->started = true;
  g->running = true;
  g->exc_state.previous = ts->exc_info;
  ts->exc_info = &g->exc_state;
  g->frame->is_entry = false;
  g->frame->yielded = false;
}

void generator_leave_inline(ThreadState* ts, Generator* g) {
  ts->exc_info = g->exc_state.previous;
  g->exc_state.previous = nullptr;
  g->running = false;
}

Object* generator_from_frame(ThreadState* ts, Frame* frame) {
  CodeObj* code = frame->code;
  Type* type = (code->flags & CO_COROUTINE) ? &coroutine_type
               : (code->flags & CO_ASYNC_GENERATOR) ? &async_generator_type
                                                    : &generator_type;
  // The frame lives inside the generator, right after it (one allocation;
  // generator_of_frame relies on the layout).
  size_t words = frame_size_words(code);
  auto* g = static_cast<Generator*>(alloc_object(ts, type, sizeof(Generator) + words * sizeof(Object*)));
  if (!g) return nullptr;
  g->frame_storage = reinterpret_cast<Object**>(g + 1);
  // Move the frame: its references now belong to the generator.
  std::memcpy(g->frame_storage, static_cast<void*>(frame), words * sizeof(Object*));
  g->frame = reinterpret_cast<Frame*>(g->frame_storage);
  g->frame->owner = FrameOwner::Generator;
  g->frame->previous = nullptr;
  g->frame->stacktop = code->nlocalsplus;
  auto* fn = static_cast<Object*>(frame->func);
  g->code = new_ref(static_cast<Object*>(code));
  Object* qual = fn && is_function(fn) ? xnew_ref(static_cast<Function*>(fn)->qualname)
                 : fn                  ? lookup_attr(ts, fn, ts->id->dunder_qualname)
                                       : nullptr;
  runtime::clear_exception(ts);
  g->name = new_ref(code->name);
  g->qualname = qual ? qual : new_ref(code->qualname);
  // The references now belong to the generator: the loop releases the
  // data-stack block without clearing it (do_return_generator).
  return g;
}

Object* generator_send(ThreadState* ts, Object* gen, Object* value, bool throwing, bool* returned) {
  Generator* g = G(gen);
  *returned = false;
  if (g->running) {
    if (throwing) {
      Object* e = runtime::fetch_exception(ts);
      xdecref(e);
    }
    return raise_format(ts, &exc::ValueError, "%s already executing", kind_name(gen));
  }
  if (!g->frame) {
    if (gen->ob_type == &coroutine_type && !throwing) {
      return raise(ts, &exc::RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (throwing) return nullptr;  // the thrown exception propagates
    *returned = true;
    return new_ref(py_none());
  }
  if (!g->started && !throwing && value && !is_none(value)) {
    return raise_format(ts, &exc::TypeError, "can't send non-None value to a just-started %s", kind_name(gen));
  }
  Frame* f = g->frame;
  if (!throwing) f->localsplus[f->stacktop++] = new_ref(value ? value : py_none());
  g->started = true;
  g->running = true;
  g->exc_state.previous = ts->exc_info;
  ts->exc_info = &g->exc_state;
  Object* r = eval_frame(ts, f, throwing);
  ts->exc_info = g->exc_state.previous;
  g->exc_state.previous = nullptr;
  g->running = false;
  if (r && f->yielded) return r;
  finish(g);
  if (r) *returned = true;
  return r;
}

Object* generator_throw(ThreadState* ts, Object* gen, Object* exc_value) {
  Generator* g = G(gen);
  Object* yf = yield_from_target(g);
  if (yf && !g->running) {
    incref(yf);
    Ref yref = Ref::steal(yf);
    Object* r = nullptr;
    if (is_instance_of(exc_value, &exc::GeneratorExit)) {
      // Close the delegate first, then raise GeneratorExit here.
      g->running = true;
      Ref close = Ref::steal(is_generator_like(yf) ? nullptr : lookup_attr(ts, yf, ts->id->close));
      int err = 0;
      if (is_generator_like(yf)) {
        Ref ge = Ref::steal(call(ts, &exc::GeneratorExit, nullptr, 0));
        Object* cr = ge ? generator_throw(ts, yf, ge.get()) : nullptr;
        if (cr) {
          decref(cr);
          raise_format(ts, &exc::RuntimeError, "%s ignored GeneratorExit", kind_name(yf));
          err = -1;
        } else if (runtime::exception_matches(ts, &exc::GeneratorExit) || runtime::exception_matches(ts, &exc::StopIteration) ||
                   !runtime::has_exception(ts)) {
          runtime::clear_exception(ts);
        } else {
          err = -1;
        }
      } else if (close) {
        Ref cr = Ref::steal(call(ts, close.get(), nullptr, 0));
        if (!cr) err = -1;
      } else if (runtime::has_exception(ts)) {
        err = -1;
      }
      g->running = false;
      if (err < 0) {
        bool ret;
        return generator_send(ts, gen, nullptr, true, &ret);
      }
    } else {
      g->running = true;
      if (is_generator_like(yf)) {
        r = generator_throw(ts, yf, exc_value);
      } else {
        Ref meth = Ref::steal(lookup_attr(ts, yf, ts->id->throw_));
        if (!meth) {
          g->running = false;
          if (runtime::has_exception(ts)) {
            bool ret;
            return generator_send(ts, gen, nullptr, true, &ret);
          }
          goto throw_here;
        }
        r = call(ts, meth.get(), &exc_value, 1);
      }
      g->running = false;
      if (r) return r;
      // The delegate finished: StopIteration's value is the result of the
      // `yield from`; resume after its END_SEND with that value.
      if (runtime::exception_matches(ts, &exc::StopIteration)) {
        Object* e = runtime::fetch_exception(ts);
        Ref val = Ref::borrow(stop_iteration_value_borrowed(e));
        decref(e);
        Frame* f = g->frame;
        decref(f->localsplus[--f->stacktop]);  // the delegate
        CodeUnit* send = f->instr_ptr - 3;
        f->instr_ptr = send + 2 + (*send >> 8) + 1;
        bool ret;
        Object* res = generator_send(ts, gen, val.get(), false, &ret);
        if (res && ret) {
          // Finished: the caller sees StopIteration(value).
          raise_stop_iteration(ts, res);
          decref(res);
          return nullptr;
        }
        return res;
      }
      bool ret;
      return generator_send(ts, gen, nullptr, true, &ret);
    }
  }
throw_here:
  runtime::restore_exception(ts, new_ref(exc_value));
  bool ret;
  Object* r = generator_send(ts, gen, nullptr, true, &ret);
  if (r && ret) {
    raise_stop_iteration(ts, r);
    decref(r);
    return nullptr;
  }
  return r;
}

namespace {

// gen.throw(typ[, val[, tb]]) argument normalization.
Object* make_thrown(ThreadState* ts, Object* const* args, size_t nargs) {
  Object* typ = args[0];
  Object* val = nargs > 1 ? args[1] : nullptr;
  Object* tb = nargs > 2 ? args[2] : nullptr;
  if (tb && is_none(tb)) tb = nullptr;
  if (tb && tb->ob_type->name && std::strcmp(tb->ob_type->name, "traceback") != 0) {
    return raise(ts, &exc::TypeError, "throw() third argument must be a traceback object");
  }
  Ref e;
  if (is_exception_class(typ)) {
    if (val && is_exception_instance(val)) e = Ref::borrow(val);
    else if (val && !is_none(val)) e = Ref::steal(is_tuple(val) ? call_tuple_dict(ts, typ, val, nullptr) : call(ts, typ, &val, 1));
    else e = Ref::steal(call(ts, typ, nullptr, 0));
    if (!e) return nullptr;
  } else if (is_exception_instance(typ)) {
    if (val && !is_none(val)) return raise(ts, &exc::TypeError, "instance exception may not have a separate value");
    e = Ref::borrow(typ);
  } else {
    return raise_format(ts, &exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                        type_name(typ->ob_type));
  }
  if (tb) exception_set_traceback(e.get(), tb);
  return e.release();
}

// --- the generator / coroutine methods ------------------------------------------

Object* gen_iternext(ThreadState* ts, Object* gen) {
  bool returned;
  Object* r = generator_send(ts, gen, py_none(), false, &returned);
  if (r && returned) {
    if (!is_none(r)) raise_stop_iteration(ts, r);
    decref(r);
    return nullptr;
  }
  return r;
}

Object* gen_send_method(ThreadState* ts, Object* gen, Object* const* args, size_t, Object*) {
  bool returned;
  Object* r = generator_send(ts, gen, args[0], false, &returned);
  if (r && returned) {
    raise_stop_iteration(ts, r);
    decref(r);
    return nullptr;
  }
  if (!r && !runtime::has_exception(ts)) return raise_stop_iteration(ts, py_none());
  return r;
}

Object* gen_throw_method(ThreadState* ts, Object* gen, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "throw", nargs, kwnames, 1, 3) < 0) return nullptr;
  Ref e = Ref::steal(make_thrown(ts, args, nargs));
  if (!e) return nullptr;
  return generator_throw(ts, gen, e.get());
}

Object* gen_close_method(ThreadState* ts, Object* gen, Object* const*, size_t, Object*) {
  Generator* g = G(gen);
  if (!g->frame) return py_none();
  if (!g->started) {
    finish(g);
    return py_none();
  }
  Ref ge = Ref::steal(call(ts, &exc::GeneratorExit, nullptr, 0));
  if (!ge) return nullptr;
  Object* r = generator_throw(ts, gen, ge.get());
  if (r) {
    decref(r);
    return raise_format(ts, &exc::RuntimeError, "%s ignored GeneratorExit", kind_name(gen));
  }
  if (runtime::exception_matches(ts, &exc::GeneratorExit) || runtime::exception_matches(ts, &exc::StopIteration)) {
    runtime::clear_exception(ts);
    return py_none();
  }
  return runtime::has_exception(ts) ? nullptr : py_none();
}

// Closing a suspended generator runs its finally blocks (the finalizer
// the collector runs too, at most once).
void gen_finalize(ThreadState* ts, Object* o) {
  Generator* g = G(o);
  if (!g->frame || !g->started || o->ob_type == &coroutine_type) return;
  Object* saved = runtime::fetch_exception(ts);
  Object* r = gen_close_method(ts, o, nullptr, 0, nullptr);
  if (!r) runtime::write_unraisable(ts, o);
  else decref(r);
  runtime::restore_exception(ts, saved);
}

// References a generator owns: names, code, its handled exception and,
// while suspended, its frame's function, locals and value stack.
int gen_traverse(Object* o, VisitFn visit, void* arg) {
  Generator* g = G(o);
  for (Object* c : {g->name, g->qualname, g->code, g->exc_state.exc_value})
    if (c && visit(c, arg)) return 1;
  if (Frame* f = g->frame) {
    for (Object* c : {f->func, f->locals, f->frame_obj})
      if (c && visit(c, arg)) return 1;
    for (int i = 0; i < f->stacktop; ++i)
      if (f->localsplus[i] && visit(f->localsplus[i], arg)) return 1;
  }
  return 0;
}

int gen_clear(Object* o) {
  Generator* g = G(o);
  if (!g->running) finish(g);
  clear_ref(g->exc_state.exc_value);
  return 0;
}

void gen_dealloc(Object* o) {
  Generator* g = G(o);
  if (!(o->ob_gc_bits & runtime::kGcFinalized)) {
    if (runtime::ThreadState* ts = runtime::current_thread_state()) {
      o->ob_ref_local = 1;  // resurrect for the duration of close()
      gen_finalize(ts, o);
      if (--o->ob_ref_local != 0) {  // resurrected by a finally block
        runtime::gc_track(o);
        return;
      }
    }
  }
  finish(g);
  xdecref(g->exc_state.exc_value);
  xdecref(g->name);
  xdecref(g->qualname);
  xdecref(g->code);
  free_object(o);
}

Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

Object* gen_repr(ThreadState* ts, Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  std::string kind = o->ob_type == &coroutine_type ? "coroutine" : o->ob_type == &async_generator_type ? "async_generator" : "generator";
  return str_from(ts, "<" + kind + " object " + std::string(str_view(ts, G(o)->qualname)) + " at " + buf + ">");
}

Object* get_name(ThreadState*, Object* o) { return new_ref(G(o)->name); }
Object* get_qualname(ThreadState*, Object* o) { return new_ref(G(o)->qualname); }
Object* get_code(ThreadState*, Object* o) { return new_ref(G(o)->code); }
Object* get_running(ThreadState*, Object* o) { return py_bool(G(o)->running); }
Object* get_suspended(ThreadState*, Object* o) { return py_bool(G(o)->frame && G(o)->started && !G(o)->running); }
Object* get_frame(ThreadState* ts, Object* o) {
  Generator* g = G(o);
  if (!g->frame) return new_ref(py_none());
  return frame_object_for(ts, g->frame);
}
Object* get_yieldfrom(ThreadState*, Object* o) {
  Object* y = yield_from_target(G(o));
  return new_ref(y ? y : py_none());
}

const MethodDef gen_methods[] = {
    {"send", gen_send_method, kMethO},
    {"throw", gen_throw_method, kMethFast},
    {"close", gen_close_method, kMethNoArgs},
    {},
};

const GetSetDef gen_getsets[] = {
    {"__name__", get_name, nullptr},        {"__qualname__", get_qualname, nullptr},
    {"gi_code", get_code, nullptr},         {"gi_running", get_running, nullptr},
    {"gi_suspended", get_suspended, nullptr}, {"gi_frame", get_frame, nullptr},
    {"gi_yieldfrom", get_yieldfrom, nullptr},
    {},
};

const GetSetDef coro_getsets[] = {
    {"__name__", get_name, nullptr},        {"__qualname__", get_qualname, nullptr},
    {"cr_code", get_code, nullptr},         {"cr_running", get_running, nullptr},
    {"cr_suspended", get_suspended, nullptr}, {"cr_frame", get_frame, nullptr},
    {"cr_await", get_yieldfrom, nullptr},
    {},
};

const GetSetDef agen_getsets[] = {
    {"__name__", get_name, nullptr},   {"__qualname__", get_qualname, nullptr},
    {"ag_code", get_code, nullptr},    {"ag_running", get_running, nullptr},
    {"ag_frame", get_frame, nullptr},  {"ag_await", get_yieldfrom, nullptr},
    {},
};

// --- coroutine.__await__ ------------------------------------------------------------
struct CoroWrapper : Object {
  Object* coro = nullptr;
};

Object* coro_await(ThreadState* ts, Object* coro) {
  auto* w = static_cast<CoroWrapper*>(alloc_object(ts, &coroutine_wrapper_type, sizeof(CoroWrapper)));
  if (w) w->coro = new_ref(coro);
  return w;
}
void wrapper_dealloc(Object* o) {
  xdecref(static_cast<CoroWrapper*>(o)->coro);
  free_object(o);
}
Object* wrapper_next(ThreadState* ts, Object* o) { return gen_iternext(ts, static_cast<CoroWrapper*>(o)->coro); }
Object* wrapper_send(ThreadState* ts, Object* o, Object* const* a, size_t n, Object* k) {
  return gen_send_method(ts, static_cast<CoroWrapper*>(o)->coro, a, n, k);
}
Object* wrapper_throw(ThreadState* ts, Object* o, Object* const* a, size_t n, Object* k) {
  return gen_throw_method(ts, static_cast<CoroWrapper*>(o)->coro, a, n, k);
}
Object* wrapper_close(ThreadState* ts, Object* o, Object* const* a, size_t n, Object* k) {
  return gen_close_method(ts, static_cast<CoroWrapper*>(o)->coro, a, n, k);
}
const MethodDef wrapper_methods[] = {
    {"send", wrapper_send, kMethO},
    {"throw", wrapper_throw, kMethFast},
    {"close", wrapper_close, kMethNoArgs},
    {},
};

// --- async generators ----------------------------------------------------------------
struct WrappedValue : Object {
  Object* value = nullptr;
};

void wrapped_dealloc(Object* o) {
  xdecref(static_cast<WrappedValue*>(o)->value);
  free_object(o);
}

// The awaitable of asend()/athrow()/aclose(): state 0 = not started,
// 1 = iterating, 2 = done.
struct AsyncGenOp : Object {
  Object* gen = nullptr;
  Object* value = nullptr;  // asend: the value to send; athrow: the exception (nullptr = aclose)
  int state = 0;
  bool is_close = false;
};

Object* make_op(ThreadState* ts, Type* type, Object* gen, Object* value, bool is_close) {
  auto* op = static_cast<AsyncGenOp*>(alloc_object(ts, type, sizeof(AsyncGenOp)));
  if (!op) return nullptr;
  op->gen = new_ref(gen);
  op->value = xnew_ref(value);
  op->is_close = is_close;
  return op;
}

void op_dealloc(Object* o) {
  auto* op = static_cast<AsyncGenOp*>(o);
  xdecref(op->gen);
  xdecref(op->value);
  free_object(o);
}

// Turns what the async generator produced into the awaitable's protocol:
// a wrapped value ends the await with StopIteration(value).
Object* unwrap_result(ThreadState* ts, AsyncGenOp* op, Object* r, bool returned) {
  if (!r) {
    op->state = 2;
    if (runtime::exception_matches(ts, &exc::StopAsyncIteration) || runtime::exception_matches(ts, &exc::GeneratorExit)) {
      if (op->is_close) {
        runtime::clear_exception(ts);
        return raise_stop_iteration(ts, py_none());
      }
    }
    return nullptr;
  }
  if (returned) {
    decref(r);
    op->state = 2;
    if (op->is_close) return raise_stop_iteration(ts, py_none());
    return raise(ts, &exc::StopAsyncIteration, "");
  }
  if (r->ob_type == &async_gen_wrapped_value_type) {
    Ref v = Ref::borrow(static_cast<WrappedValue*>(r)->value);
    decref(r);
    op->state = 2;
    if (op->is_close) return raise_format(ts, &exc::RuntimeError, "async generator ignored GeneratorExit");
    return raise_stop_iteration(ts, v.get());
  }
  return r;
}

Object* op_send(ThreadState* ts, Object* o, Object* v) {
  auto* op = static_cast<AsyncGenOp*>(o);
  if (op->state == 2) return raise(ts, &exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  bool returned = false;
  Object* r;
  if (op->state == 0) {
    op->state = 1;
    if (o->ob_type == &async_gen_athrow_type) {
      Ref e = Ref::steal(op->value ? new_ref(op->value) : call(ts, &exc::GeneratorExit, nullptr, 0));
      if (!e) return nullptr;
      r = generator_throw(ts, op->gen, e.get());
      if (!r && runtime::exception_matches(ts, &exc::StopIteration)) {
        runtime::clear_exception(ts);
        r = nullptr;
        returned = true;
        r = new_ref(py_none());
      }
      return unwrap_result(ts, op, r, returned);
    }
    Object* first = op->value && (!v || is_none(v)) ? op->value : v;
    r = generator_send(ts, op->gen, first ? first : py_none(), false, &returned);
    return unwrap_result(ts, op, r, returned);
  }
  r = generator_send(ts, op->gen, v ? v : py_none(), false, &returned);
  return unwrap_result(ts, op, r, returned);
}

Object* op_iternext(ThreadState* ts, Object* o) { return op_send(ts, o, nullptr); }
Object* op_send_method(ThreadState* ts, Object* o, Object* const* a, size_t, Object*) { return op_send(ts, o, a[0]); }
Object* op_throw_method(ThreadState* ts, Object* o, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "throw", nargs, kwnames, 1, 3) < 0) return nullptr;
  auto* op = static_cast<AsyncGenOp*>(o);
  Ref e = Ref::steal(make_thrown(ts, args, nargs));
  if (!e) return nullptr;
  Object* r = generator_throw(ts, op->gen, e.get());
  return unwrap_result(ts, op, r, false);
}
Object* op_close_method(ThreadState*, Object* o, Object* const*, size_t, Object*) {
  static_cast<AsyncGenOp*>(o)->state = 2;
  return py_none();
}
const MethodDef op_methods[] = {
    {"send", op_send_method, kMethO},
    {"throw", op_throw_method, kMethFast},
    {"close", op_close_method, kMethNoArgs},
    {},
};

Object* agen_anext(ThreadState* ts, Object* gen) { return make_op(ts, &async_gen_asend_type, gen, nullptr, false); }
Object* agen_asend(ThreadState* ts, Object* gen, Object* const* a, size_t, Object*) {
  return make_op(ts, &async_gen_asend_type, gen, a[0], false);
}
Object* agen_athrow(ThreadState* ts, Object* gen, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "athrow", nargs, kwnames, 1, 3) < 0) return nullptr;
  Ref e = Ref::steal(make_thrown(ts, args, nargs));
  if (!e) return nullptr;
  return make_op(ts, &async_gen_athrow_type, gen, e.get(), false);
}
Object* agen_aclose(ThreadState* ts, Object* gen, Object* const*, size_t, Object*) {
  return make_op(ts, &async_gen_athrow_type, gen, nullptr, true);
}
const MethodDef agen_methods[] = {
    {"asend", agen_asend, kMethO},
    {"athrow", agen_athrow, kMethFast},
    {"aclose", agen_aclose, kMethNoArgs},
    {},
};

}  // namespace

Object* async_gen_wrap_value(ThreadState* ts, Object* value) {
  auto* w = static_cast<WrappedValue*>(alloc_object(ts, &async_gen_wrapped_value_type, sizeof(WrappedValue)));
  if (w) w->value = new_ref(value);
  return w;
}

Object* coroutine_await_iter(ThreadState* ts, Object* coro) { return coro_await(ts, coro); }

void init_generator_type(Type& t) {
  t.name = "generator";
  t.basicsize = sizeof(Generator);
  t.flags = kTypeHaveGC;
  t.dealloc = gen_dealloc;
  t.finalize = gen_finalize;
  t.traverse = gen_traverse;
  t.clear = gen_clear;
  t.repr = gen_repr;
  t.iter = self_iter;
  t.iternext = gen_iternext;
  t.methods = gen_methods;
  t.getsets = gen_getsets;
}

void init_coroutine_type(Type& t) {
  t.name = "coroutine";
  t.basicsize = sizeof(Generator);
  t.flags = kTypeHaveGC;
  t.dealloc = gen_dealloc;
  t.finalize = gen_finalize;
  t.traverse = gen_traverse;
  t.clear = gen_clear;
  t.repr = gen_repr;
  t.am_await = coro_await;
  t.methods = gen_methods;
  t.getsets = coro_getsets;
}

void init_async_generator_type(Type& t) {
  t.name = "async_generator";
  t.basicsize = sizeof(Generator);
  t.flags = kTypeHaveGC;
  t.dealloc = gen_dealloc;
  t.finalize = gen_finalize;
  t.traverse = gen_traverse;
  t.clear = gen_clear;
  t.repr = gen_repr;
  t.am_aiter = self_iter;
  t.am_anext = agen_anext;
  t.methods = agen_methods;
  t.getsets = agen_getsets;
}

void init_coroutine_wrapper_type(Type& t) {
  t.name = "coroutine_wrapper";
  t.basicsize = sizeof(CoroWrapper);
  t.dealloc = wrapper_dealloc;
  t.iter = self_iter;
  t.iternext = wrapper_next;
  t.methods = wrapper_methods;
}

void init_async_gen_asend_type(Type& t) {
  t.name = "async_generator_asend";
  t.basicsize = sizeof(AsyncGenOp);
  t.dealloc = op_dealloc;
  t.am_await = self_iter;
  t.iter = self_iter;
  t.iternext = op_iternext;
  t.methods = op_methods;
}

void init_async_gen_athrow_type(Type& t) {
  init_async_gen_asend_type(t);
  t.name = "async_generator_athrow";
}

void init_async_gen_wrapped_value_type(Type& t) {
  t.name = "async_generator_wrapped_value";
  t.basicsize = sizeof(WrappedValue);
  t.dealloc = wrapped_dealloc;
}

}  // namespace spindle::vm
