// Bound methods (`method`) and builtin functions/methods
// (`builtin_function_or_method`). See method.h for ownership.
#include "objects/method.h"

#include <cstring>
#include <memory>
#include <string>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/recursion.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type method_type;
Type builtin_function_type;

// ===========================================================================
// Calling a MethodDef
// ===========================================================================

namespace {

bool is_module_or_null(Object* self) { return !self || std::strcmp(type_name(self->ob_type), "module") == 0; }

// "list.append" for methods, "len" for functions: CPython's message prefix.
std::string def_qualname(const MethodDef* def, Object* self) {
  if (is_module_or_null(self)) return def->name;
  Type* owner = has_flag(self->ob_type, kTypeTypeSubclass) ? static_cast<Type*>(self) : self->ob_type;
  return std::string(type_name(owner)) + "." + def->name;
}

// The name call errors show (CPython's _PyObject_FunctionStr): "math.sin"
// for a function of a module other than builtins, else def_qualname.
std::string message_name(ThreadState* ts, const MethodDef* def, Object* self) {
  if (self && is_module(self)) {
    Object* mod = dict_get_item_str_borrowed(ts, module_dict_borrowed(self), "__name__");
    if (mod && is_str(mod) && !str_equal_cstr(mod, "builtins")) return std::string(str_view(ts, mod)) + "." + def->name;
  }
  return def_qualname(def, self);
}

}  // namespace

Object* call_method_def(ThreadState* ts, const MethodDef* def, const char* qualname, Object* self, Object* const* args,
                        size_t nargs, Object* kwnames) {
  uint32_t f = def->flags;
  auto name = [&] { return qualname ? std::string(qualname) : message_name(ts, def, self); };
  if (f & (kMethNoArgs | kMethO | kMethFast)) {
    if (kwnames_count(kwnames) != 0) {
      return raise_format(ts, &exc::TypeError, "%s() takes no keyword arguments", name().c_str());
    }
    if ((f & kMethNoArgs) && nargs != 0) {
      return raise_format(ts, &exc::TypeError, "%s() takes no arguments (%zu given)", name().c_str(), nargs);
    }
    if ((f & kMethO) && nargs != 1) {
      return raise_format(ts, &exc::TypeError, "%s() takes exactly one argument (%zu given)", name().c_str(), nargs);
    }
    kwnames = nullptr;
  }
  if (enter_recursive_call(ts, " while calling a Python object") < 0) return nullptr;
  Object* r = def->fn(ts, self, args, nargs, kwnames);
  leave_recursive_call(ts);
  return r;
}

// ===========================================================================
// Bound methods
// ===========================================================================

Object* method_new(ThreadState* ts, Object* func, Object* self) {
  auto* m = static_cast<MethodObject*>(alloc_object(ts, &method_type, sizeof(MethodObject)));
  if (!m) return nullptr;
  m->im_func = new_ref(func);
  m->im_self = new_ref(self);
  return m;
}

namespace {

MethodObject* as_method(Object* o) { return static_cast<MethodObject*>(o); }

void method_dealloc(Object* o) {
  auto* m = as_method(o);
  clear_ref(m->im_func);
  clear_ref(m->im_self);
  free_object(o);
}

Object* method_call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* m = as_method(callable);
  size_t total = nargs + kwnames_count(kwnames);
  Object* small[8];
  std::unique_ptr<Object*[]> big;
  Object** stack = small;
  if (total + 1 > 8) {
    big.reset(new Object*[total + 1]);
    stack = big.get();
  }
  stack[0] = m->im_self;
  for (size_t i = 0; i < total; ++i) stack[i + 1] = args[i];
  return call(ts, m->im_func, stack, nargs + 1, kwnames);
}

Object* method_repr(ThreadState* ts, Object* self) {
  auto* m = as_method(self);
  Ref name = Ref::steal(lookup_attr(ts, m->im_func, ts->id->dunder_qualname));
  if (!name) {
    if (runtime::has_exception(ts)) return nullptr;
    name = Ref::steal(lookup_attr(ts, m->im_func, ts->id->dunder_name));
    if (!name && runtime::has_exception(ts)) return nullptr;
  }
  Ref self_repr = Ref::steal(repr(ts, m->im_self));
  if (!self_repr) return nullptr;
  const char* n = name && is_str(name.get()) ? utf8_of(ts, name.get()) : "?";
  return str_from_format(ts, "<bound method %s of %s>", n, utf8_of(ts, self_repr.get()));
}

Object* method_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b->ob_type != &method_type) return py_not_implemented();
  auto* x = as_method(a);
  auto* y = as_method(b);
  int eq = rich_compare_bool(ts, x->im_func, y->im_func, CompareOp::Eq);
  if (eq < 0) return nullptr;
  bool r = eq && x->im_self == y->im_self;
  return new_ref(py_bool(op == CompareOp::Eq ? r : !r));
}

int64_t method_hash(ThreadState* ts, Object* self) {
  auto* m = as_method(self);
  int64_t a = object_generic_hash(ts, m->im_self);
  int64_t b = objects::hash(ts, m->im_func);
  if (b == -1) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

// Attributes not found on `method` itself come from the function.
Object* method_getattro(ThreadState* ts, Object* self, Object* name) {
  Type* tp = self->ob_type;
  Object* descr = type_lookup_borrowed(tp, name);
  if (descr) {
    if (DescrGetFn get = descr->ob_type->descr_get) return get(ts, descr, self, tp);
    return new_ref(descr);
  }
  return get_attr(ts, as_method(self)->im_func, name);
}

Object* method_new_slot(ThreadState* ts, Type*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "method", nargs, kwnames, 2, 2) < 0) return nullptr;
  if (!is_callable(args[0])) return raise(ts, &exc::TypeError, "first argument must be callable");
  if (is_none(args[1])) return raise(ts, &exc::TypeError, "instance must not be None");
  return method_new(ts, args[0], args[1]);
}

Object* method_get_func(ThreadState*, Object* self) { return new_ref(as_method(self)->im_func); }
Object* method_get_self(ThreadState*, Object* self) { return new_ref(as_method(self)->im_self); }
Object* method_get_doc(ThreadState* ts, Object* self) {
  return get_attr(ts, as_method(self)->im_func, ts->id->dunder_doc);
}

constexpr GetSetDef method_getsets[] = {
    {"__func__", method_get_func, nullptr, "the function (or other callable) implementing a method"},
    {"__self__", method_get_self, nullptr, "the instance to which a method is bound"},
    {"__doc__", method_get_doc, nullptr, nullptr},
    {},
};

}  // namespace

void init_method_type(Type& t) {
  t.name = "method";
  t.doc = "Create a bound instance method object.";
  t.basicsize = sizeof(MethodObject);
  t.flags = kTypeHaveGC;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    auto* m = static_cast<MethodObject*>(o);
    for (Object* c : {m->im_func, m->im_self})
      if (c && visit(c, arg)) return 1;
    return 0;
  };
  t.dealloc = method_dealloc;
  t.call = method_call;
  t.repr = method_repr;
  t.richcompare = method_richcompare;
  t.hash = method_hash;
  t.getattro = method_getattro;
  t.new_ = method_new_slot;
  t.getsets = method_getsets;
}

// ===========================================================================
// Builtin functions and methods
// ===========================================================================

Object* builtin_function_new(ThreadState* ts, const MethodDef* def, Object* self, Object* module) {
  auto* f =
      static_cast<BuiltinFunctionObject*>(alloc_object(ts, &builtin_function_type, sizeof(BuiltinFunctionObject)));
  if (!f) return nullptr;
  f->def = def;
  f->self = xnew_ref(self);
  f->module = xnew_ref(module);
  return f;
}

namespace {

BuiltinFunctionObject* as_builtin(Object* o) { return static_cast<BuiltinFunctionObject*>(o); }

void builtin_dealloc(Object* o) {
  auto* f = as_builtin(o);
  clear_ref(f->self);
  clear_ref(f->module);
  free_object(o);
}

Object* builtin_call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* f = as_builtin(callable);
  return call_method_def(ts, f->def, nullptr, f->self, args, nargs, kwnames);
}

Object* builtin_repr(ThreadState* ts, Object* self) {
  auto* f = as_builtin(self);
  if (is_module_or_null(f->self)) return str_from_format(ts, "<built-in function %s>", f->def->name);
  return str_from_format(ts, "<built-in method %s of %s object at %p>", f->def->name, tp_name(f->self),
                         static_cast<void*>(f->self));
}

Object* builtin_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b->ob_type != &builtin_function_type) {
    return py_not_implemented();
  }
  bool eq = as_builtin(a)->def == as_builtin(b)->def && as_builtin(a)->self == as_builtin(b)->self;
  return new_ref(py_bool(op == CompareOp::Eq ? eq : !eq));
}

int64_t builtin_hash(ThreadState* ts, Object* self) {
  auto* f = as_builtin(self);
  int64_t a = f->self ? object_generic_hash(ts, f->self) : 0;
  int64_t h = a ^ static_cast<int64_t>(reinterpret_cast<uintptr_t>(f->def) >> 3);
  return h == -1 ? -2 : h;
}

Object* builtin_get_name(ThreadState* ts, Object* self) { return str_from_cstr(ts, as_builtin(self)->def->name); }

Object* builtin_get_qualname(ThreadState* ts, Object* self) {
  auto* f = as_builtin(self);
  std::string q = def_qualname(f->def, f->self);
  return str_from_utf8(ts, q.data(), q.size());
}

Object* builtin_get_self(ThreadState*, Object* self) {
  Object* s = as_builtin(self)->self;
  return s ? new_ref(s) : py_none();
}

Object* builtin_get_module(ThreadState*, Object* self) {
  Object* m = as_builtin(self)->module;
  return m ? new_ref(m) : py_none();
}

int builtin_set_module(ThreadState*, Object* self, Object* value) {
  set_ref(as_builtin(self)->module, xnew_ref(value));
  return 0;
}

Object* builtin_get_doc(ThreadState* ts, Object* self) {
  const char* d = as_builtin(self)->def->doc;
  return d ? str_from_cstr(ts, d) : py_none();
}

Object* builtin_get_text_signature(ThreadState*, Object*) { return py_none(); }

constexpr GetSetDef builtin_getsets[] = {
    {"__name__", builtin_get_name, nullptr, nullptr},
    {"__qualname__", builtin_get_qualname, nullptr, nullptr},
    {"__self__", builtin_get_self, nullptr, nullptr},
    {"__module__", builtin_get_module, builtin_set_module, nullptr},
    {"__doc__", builtin_get_doc, nullptr, nullptr},
    {"__text_signature__", builtin_get_text_signature, nullptr, nullptr},
    {},
};

}  // namespace

void init_builtin_function_type(Type& t) {
  t.name = "builtin_function_or_method";
  t.basicsize = sizeof(BuiltinFunctionObject);
  t.flags = kTypeHaveGC;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    auto* f = static_cast<BuiltinFunctionObject*>(o);
    for (Object* c : {f->self, f->module})
      if (c && visit(c, arg)) return 1;
    return 0;
  };
  t.dealloc = builtin_dealloc;
  t.call = builtin_call;
  t.repr = builtin_repr;
  t.richcompare = builtin_richcompare;
  t.hash = builtin_hash;
  t.getsets = builtin_getsets;
}

}  // namespace spindle::objects
