// Frame objects: what Python code sees of an interpreter frame
// (sys._getframe(), traceback.tb_frame, generator.gi_frame).
//
// A frame object is materialized on request from the live vm::Frame and
// cached in it (Frame::frame_obj). It records the code, globals, builtins
// and the caller (f_back, materialized the same way); f_lineno is the line
// of the frame's current instruction while the frame runs and the line it
// last executed afterwards; f_locals is a fresh snapshot of the locals.
#include "vm/frameobject.h"

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

// A snapshot of the frame's variables (fast locals, cells, free variables),
// or its locals mapping for module and class bodies.
Object* get_locals(ThreadState* ts, Object* o) {
  FrameObject* fo = FO(o);
  Frame* f = fo->live;
  if (!f) return new_ref(fo->locals ? fo->locals : py_none());
  if (f->locals) return new_ref(f->locals);
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  CodeObj* code = f->code;
  for (int i = 0; i < code->nlocalsplus; ++i) {
    Object* v = f->localsplus[i];
    if (!v) continue;
    uint8_t kind = code->co->localsplus_kinds[static_cast<size_t>(i)];
    if ((kind & (CO_FAST_CELL | CO_FAST_FREE)) && v->ob_type == &cell_type) {
      v = static_cast<Cell*>(v)->ref;
      if (!v) continue;
    }
    if (dict_set_item(ts, d.get(), tuple_items(code->localsplus)[i], v) < 0) return nullptr;
  }
  return d.release();
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
  fo->locals = xnew_ref(f->locals);
  fo->live = nullptr;
}

void init_frame_type(Type& t) {
  t.name = "frame";
  t.basicsize = sizeof(FrameObject);
  t.dealloc = fo_dealloc;
  t.repr = fo_repr;
  t.getsets = fo_getsets;
}

}  // namespace spindle::vm
