// Frame objects: what Python code sees of an interpreter frame
// (sys._getframe(), traceback.tb_frame, generator.gi_frame).
//
// A frame object is materialized on request from the live vm::Frame and
// cached in it (Frame::frame_obj). It records the code, globals, builtins
// and the caller (f_back, materialized the same way); f_lineno is the line
// of the frame's current instruction while the frame runs and the line it
// last executed afterwards. A function frame's f_locals is one dict per frame
// object, refreshed from the variables on each access; when the frame
// finishes the object takes its variables, so a traceback's frames still show
// their locals.
#include "vm/frameobject.h"

#include <algorithm>
#include <vector>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "vm/code_object.h"
#include "vm/frame.h"
#include "vm/function.h"

namespace spindle::vm {

using namespace objects;

Type frame_type;

namespace {

FrameObject* FO(Object* o) { return static_cast<FrameObject*>(o); }

void fo_release(FrameObject* f) {
  for (int i = 0; i < f->nsaved; ++i) xdecref(f->saved[i]);
  mem_free(f->saved);
  xdecref(f->code);
  xdecref(f->globals);
  xdecref(f->builtins);
  xdecref(f->locals);
}

// A chain of f_back links can be as long as the recursion was deep: free it
// iteratively.
void fo_dealloc(Object* o) {
  FrameObject* f = FO(o);
  Object* back = f->back;
  fo_release(f);
  free_object(o);
  while (back && refcount(back) == 1 && back->ob_type == &frame_type) {
    FrameObject* b = FO(back);
    Object* next = b->back;
    fo_release(b);
    free_object(back);
    back = next;
  }
  xdecref(back);
}

int current_line(FrameObject* f) {
  if (f->live) return code_line_at(as_code(f->code), static_cast<int>(f->live->instr_ptr - as_code(f->code)->units));
  return f->lineno;
}

Object* get_code(ThreadState*, Object* o) { return new_ref(FO(o)->code); }
Object* get_globals(ThreadState*, Object* o) { return new_ref(FO(o)->globals); }
Object* get_builtins(ThreadState*, Object* o) { return new_ref(FO(o)->builtins); }
Object* get_back(ThreadState*, Object* o) { return new_ref(FO(o)->back ? FO(o)->back : py_none()); }
Object* get_lineno(ThreadState* ts, Object* o) { return int_from_i64(ts, current_line(FO(o))); }
Object* get_lasti(ThreadState* ts, Object* o) {
  FrameObject* f = FO(o);
  int lasti = f->live ? static_cast<int>(f->live->instr_ptr - as_code(f->code)->units) : f->lasti;
  return int_from_i64(ts, lasti * 2);
}

// The frame's variables (fast locals, cells, free variables) as a dict, or
// its locals mapping for module and class bodies.
Object* get_locals(ThreadState* ts, Object* o) {
  FrameObject* fo = FO(o);
  Frame* f = fo->live;
  if (f && f->locals) return new_ref(f->locals);
  Object* const* values = f ? f->localsplus : fo->saved;
  if (!values) return new_ref(fo->locals ? fo->locals : py_none());
  if (!fo->locals && !(fo->locals = dict_new(ts))) return nullptr;
  Object* d = fo->locals;
  CodeObj* code = as_code(fo->code);
  for (int i = 0; i < code->nlocalsplus; ++i) {
    Object* name = tuple_items(code->localsplus)[i];
    Object* v = values[i];
    uint8_t kind = code->co->localsplus_kinds[static_cast<size_t>(i)];
    if (v && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && v->ob_type == &cell_type) v = static_cast<Cell*>(v)->ref;
    if (v) {
      if (dict_set_item(ts, d, name, v) < 0) return nullptr;
    } else if (dict_pop(ts, d, name, nullptr) < 0) {
      return nullptr;
    }
  }
  return new_ref(d);
}

Object* fo_repr(ThreadState* ts, Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  CodeObj* c = as_code(FO(o)->code);
  return str_from(ts, std::string("<frame at ") + buf + ", file '" + c->co->filename + "', line " +
                          std::to_string(current_line(FO(o))) + ", code " + c->co->name + ">");
}

const GetSetDef fo_getsets[] = {
    {"f_code", get_code, nullptr},       {"f_globals", get_globals, nullptr},
    {"f_builtins", get_builtins, nullptr}, {"f_back", get_back, nullptr},
    {"f_lineno", get_lineno, nullptr},   {"f_lasti", get_lasti, nullptr},
    {"f_locals", get_locals, nullptr},
    {},
};

}  // namespace

Object* frame_object_for(ThreadState* ts, Frame* f) {
  if (!f) return py_none();
  // Materialize the missing objects from the outermost inwards, iteratively
  // (the chain may be very deep).
  std::vector<Frame*> missing;
  for (Frame* p = f; p && !p->frame_obj; p = p->previous) missing.push_back(p);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    Frame* fr = *it;
    auto* fo = static_cast<FrameObject*>(alloc_object(ts, &frame_type, sizeof(FrameObject)));
    if (!fo) return nullptr;
    fo->code = new_ref(static_cast<Object*>(fr->code));
    fo->globals = new_ref(fr->globals);
    fo->builtins = xnew_ref(fr->builtins);
    fo->live = fr;
    fo->back = fr->previous ? xnew_ref(fr->previous->frame_obj) : nullptr;
    fr->frame_obj = fo;  // the frame owns this reference
  }
  return new_ref(f->frame_obj);
}

void frame_object_detach(Object* frame_obj, Frame* f) {
  FrameObject* fo = FO(frame_obj);
  if (fo->live != f) return;
  fo->lasti = static_cast<int>(f->instr_ptr - f->code->units);
  fo->lineno = code_line_at(f->code, fo->lasti);
  if (f->locals) {
    set_ref(fo->locals, new_ref(f->locals));
  } else if (int n = std::min(f->code->nlocalsplus, f->stacktop); n > 0) {  // the live slots
    fo->saved = static_cast<Object**>(mem_alloc(static_cast<size_t>(n) * sizeof(Object*)));
    if (fo->saved) {  // without memory f_locals is empty, nothing worse
      std::copy(f->localsplus, f->localsplus + n, fo->saved);
      std::fill(f->localsplus, f->localsplus + n, nullptr);
      fo->nsaved = n;
    }
  }
  fo->live = nullptr;
}

// A finished frame's object owns its variables: tracebacks and the locals
// they show are the classic cycle (the exception in a local of its own
// frame). A running frame's variables belong to the frame, not to this.
int fo_traverse(Object* o, VisitFn visit, void* arg) {
  FrameObject* f = FO(o);
  for (Object* c : {f->code, f->globals, f->builtins, f->locals, f->back})
    if (c && visit(c, arg)) return 1;
  for (int i = 0; i < f->nsaved; ++i)
    if (f->saved[i] && visit(f->saved[i], arg)) return 1;
  return 0;
}

int fo_clear(Object* o) {
  FrameObject* f = FO(o);
  for (int i = 0; i < f->nsaved; ++i) clear_ref(f->saved[i]);
  clear_ref(f->locals);
  return 0;
}

void init_frame_type(Type& t) {
  t.name = "frame";
  t.basicsize = sizeof(FrameObject);
  t.flags = kTypeHaveGC;
  t.traverse = fo_traverse;
  t.clear = fo_clear;
  t.dealloc = fo_dealloc;
  t.repr = fo_repr;
  t.getsets = fo_getsets;
}

}  // namespace spindle::vm
