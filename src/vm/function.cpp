// Python functions and cells.
#include "vm/function.h"

#include <cstdio>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/weakref.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "vm/code_object.h"
#include "vm/interpreter.h"

namespace spindle::vm {

using namespace objects;

Type function_type;
Type cell_type;

Object* builtins_for_globals(ThreadState* ts, Object* globals) {
  Object* b = dict_get_item_borrowed(ts, globals, ts->id->dunder_builtins);
  if (b) {
    if (is_module(b)) return module_dict_borrowed(b);
    if (is_dict(b)) return b;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return ts->interp->builtins_dict;
}

namespace {

// The function version cache slot of a version.
runtime::Interpreter::FuncVersionEntry& version_slot(runtime::Interpreter* interp, uint32_t version) {
  return interp->func_version_cache[version % interp->func_version_cache.size()];
}

// The cache no longer maps f's version to f (it keeps the code object).
void forget_function(runtime::Interpreter* interp, Function* f) {
  if (f->version == 0) return;
  auto& e = version_slot(interp, f->version);
  if (e.version == f->version && e.func == f) e.func = nullptr;
}

}  // namespace

Object* function_new(ThreadState* ts, Object* code, Object* globals, Object* qualname) {
  auto* f = static_cast<Function*>(alloc_object(ts, &function_type, sizeof(Function)));
  if (!f) return nullptr;
  CodeObj* c = as_code(code);
  f->code = new_ref(code);
  f->globals = new_ref(globals);
  Object* b = builtins_for_globals(ts, globals);
  if (!b) {
    decref(f);
    return nullptr;
  }
  f->builtins = new_ref(b);
  f->name = new_ref(c->name);
  f->qualname = new_ref(qualname ? qualname : c->qualname);
  Object* doc = tuple_size(c->consts) > 0 && is_str(tuple_items(c->consts)[0]) ? tuple_items(c->consts)[0] : py_none();
  f->doc = new_ref(doc);
  Object* mod = dict_get_item_borrowed(ts, globals, ts->id->dunder_name);
  f->module = xnew_ref(mod);
  runtime::clear_exception(ts);
  runtime::Interpreter* interp = ts->interp;
  if (c->func_version == 0 && interp->next_func_version != 0) c->func_version = interp->next_func_version++;
  if (c->func_version != 0) {
    f->version = c->func_version;
    auto& e = version_slot(interp, f->version);
    Object* old_code = e.code;
    e = {f->version, f, new_ref(code)};
    xdecref(old_code);
  }
  return f;
}

void function_clear_version(ThreadState* ts, Function* f) {
  forget_function(ts->interp, f);
  f->version = 0;
}

Object* function_for_version(ThreadState* ts, uint32_t version) {
  auto& e = version_slot(ts->interp, version);
  return version != 0 && e.version == version ? e.func : nullptr;
}

Object* code_for_version(ThreadState* ts, uint32_t version) {
  auto& e = version_slot(ts->interp, version);
  return version != 0 && e.version == version ? e.code : nullptr;
}

Object* cell_new(ThreadState* ts, Object* value) {
  auto* c = static_cast<Cell*>(alloc_object(ts, &cell_type, sizeof(Cell)));
  if (c) c->ref = xnew_ref(value);
  return c;
}

namespace {

Function* F(Object* o) { return static_cast<Function*>(o); }

void function_dealloc(Object* o) {
  Function* f = F(o);
  if (ThreadState* ts = runtime::current_thread_state(); ts && ts->interp) forget_function(ts->interp, f);
  clear_weakrefs(o);
  for (Object** p : {&f->code, &f->globals, &f->builtins, &f->name, &f->qualname, &f->defaults, &f->kwdefaults,
                     &f->closure, &f->annotations, &f->dict, &f->module, &f->doc})
    clear_ref(*p);
  free_object(o);
}

int function_traverse(Object* o, VisitFn visit, void* arg) {
  Function* f = F(o);
  for (Object* p : {f->code, f->globals, f->builtins, f->defaults, f->kwdefaults, f->closure, f->annotations, f->dict,
                    f->module, f->doc})
    if (p && visit(p, arg)) return 1;
  return 0;
}

// What can close a cycle through the function: its namespace, defaults,
// closure, annotations and attributes (code and names stay for repr).
int function_clear(Object* o) {
  Function* f = F(o);
  for (Object** p : {&f->globals, &f->builtins, &f->defaults, &f->kwdefaults, &f->closure, &f->annotations, &f->dict,
                     &f->module, &f->doc})
    clear_ref(*p);
  return 0;
}

Object* function_repr(ThreadState* ts, Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return str_from(ts, "<function " + std::string(str_view(ts, F(o)->qualname)) + " at " + buf + ">");
}

Object* function_descr_get(ThreadState* ts, Object* f, Object* obj, Object*) {
  if (!obj || is_none(obj)) return new_ref(f);
  return method_new(ts, f, obj);
}

Object* function_call_slot(ThreadState* ts, Object* f, Object* const* args, size_t nargs, Object* kwnames) {
  return function_call(ts, f, args, nargs, kwnames);
}

Object* or_none(Object* o) { return new_ref(o ? o : py_none()); }

Object* get_code(ThreadState*, Object* o) { return new_ref(F(o)->code); }
int set_code(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_code(v)) {
    runtime::raise(ts, &exc::TypeError, "__code__ must be set to a code object");
    return -1;
  }
  set_ref(F(o)->code, new_ref(v));
  function_clear_version(ts, F(o));
  return 0;
}
Object* get_defaults(ThreadState*, Object* o) { return or_none(F(o)->defaults); }
int set_defaults(ThreadState* ts, Object* o, Object* v) {
  if (v && !is_none(v) && !is_tuple(v)) {
    runtime::raise(ts, &exc::TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  set_ref(F(o)->defaults, v && !is_none(v) ? new_ref(v) : nullptr);
  function_clear_version(ts, F(o));
  return 0;
}
Object* get_kwdefaults(ThreadState*, Object* o) { return or_none(F(o)->kwdefaults); }
int set_kwdefaults(ThreadState* ts, Object* o, Object* v) {
  if (v && !is_none(v) && !is_dict(v)) {
    runtime::raise(ts, &exc::TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  set_ref(F(o)->kwdefaults, v && !is_none(v) ? new_ref(v) : nullptr);
  function_clear_version(ts, F(o));
  return 0;
}
Object* get_closure(ThreadState*, Object* o) { return or_none(F(o)->closure); }
Object* get_globals(ThreadState*, Object* o) { return new_ref(F(o)->globals); }
Object* get_builtins(ThreadState*, Object* o) { return new_ref(F(o)->builtins); }
Object* get_name(ThreadState*, Object* o) { return new_ref(F(o)->name); }
int set_name(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_str(v)) {
    runtime::raise(ts, &exc::TypeError, "__name__ must be set to a string object");
    return -1;
  }
  set_ref(F(o)->name, new_ref(v));
  return 0;
}
Object* get_qualname(ThreadState*, Object* o) { return new_ref(F(o)->qualname); }
int set_qualname(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_str(v)) {
    runtime::raise(ts, &exc::TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  set_ref(F(o)->qualname, new_ref(v));
  return 0;
}
Object* get_doc(ThreadState*, Object* o) { return or_none(F(o)->doc); }
int set_doc(ThreadState*, Object* o, Object* v) {
  set_ref(F(o)->doc, new_ref(v ? v : py_none()));
  return 0;
}
Object* get_module(ThreadState*, Object* o) { return or_none(F(o)->module); }
int set_module(ThreadState*, Object* o, Object* v) {
  set_ref(F(o)->module, xnew_ref(v));
  return 0;
}
Object* get_annotations(ThreadState* ts, Object* o) {
  Function* f = F(o);
  if (!f->annotations) {
    f->annotations = dict_new(ts);
    if (!f->annotations) return nullptr;
  } else if (is_tuple(f->annotations)) {
    // MAKE_FUNCTION's (name, value, ...) tuple becomes a dict on first access.
    Ref d = Ref::steal(dict_new(ts));
    if (!d) return nullptr;
    Object* t = f->annotations;
    for (int64_t i = 0; i + 1 < tuple_size(t); i += 2)
      if (dict_set_item(ts, d.get(), tuple_items(t)[i], tuple_items(t)[i + 1]) < 0) return nullptr;
    set_ref(f->annotations, d.release());
  }
  return new_ref(f->annotations);
}
int set_annotations(ThreadState* ts, Object* o, Object* v) {
  if (v && !is_none(v) && !is_dict(v)) {
    runtime::raise(ts, &exc::TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  set_ref(F(o)->annotations, v && !is_none(v) ? new_ref(v) : nullptr);
  return 0;
}
Object* get_dict(ThreadState* ts, Object* o) {
  if (!F(o)->dict && !(F(o)->dict = dict_new(ts))) return nullptr;
  return new_ref(F(o)->dict);
}
int set_dict(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_dict(v)) {
    runtime::raise(ts, &exc::TypeError, "__dict__ must be set to a dictionary");
    return -1;
  }
  set_ref(F(o)->dict, new_ref(v));
  return 0;
}

const GetSetDef function_getsets[] = {
    {"__code__", get_code, set_code},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__closure__", get_closure, nullptr},
    {"__globals__", get_globals, nullptr},
    {"__builtins__", get_builtins, nullptr},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__doc__", get_doc, set_doc},
    {"__module__", get_module, set_module},
    {"__annotations__", get_annotations, set_annotations},
    {"__dict__", get_dict, set_dict},
    {},
};

void cell_dealloc(Object* o) {
  xdecref(static_cast<Cell*>(o)->ref);
  free_object(o);
}
Object* cell_get_contents(ThreadState* ts, Object* o) {
  Object* r = static_cast<Cell*>(o)->ref;
  if (!r) return runtime::raise(ts, &exc::ValueError, "Cell is empty");
  return new_ref(r);
}
int cell_set_contents(ThreadState*, Object* o, Object* v) {
  set_ref(static_cast<Cell*>(o)->ref, xnew_ref(v));
  return 0;
}
const GetSetDef cell_getsets[] = {{"cell_contents", cell_get_contents, cell_set_contents}, {}};

}  // namespace

void init_function_type(Type& t) {
  t.name = "function";
  t.basicsize = sizeof(Function);
  t.flags = kTypeHaveGC | kTypeMethodDescriptor;
  t.weaklistoffset = offsetof(Function, weaklist);
  t.dealloc = function_dealloc;
  t.traverse = function_traverse;
  t.clear = function_clear;
  t.repr = function_repr;
  t.call = function_call_slot;
  t.descr_get = function_descr_get;
  t.getsets = function_getsets;
  t.dictoffset = offsetof(Function, dict);
}

void init_cell_type(Type& t) {
  t.name = "cell";
  t.basicsize = sizeof(Cell);
  t.flags = kTypeHaveGC;
  t.dealloc = cell_dealloc;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    Object* r = static_cast<Cell*>(o)->ref;
    return r ? visit(r, arg) : 0;
  };
  t.clear = [](Object* o) {
    clear_ref(static_cast<Cell*>(o)->ref);
    return 0;
  };
  t.getsets = cell_getsets;
}

}  // namespace spindle::vm
