// The functools module, part 3: singledispatch — a function that picks an
// implementation by the class of its first argument.
//
// Invariants: `registry` maps classes to implementations and always holds
// `object` (the decorated function). Dispatch walks type.__mro__ of the
// argument's __class__ and takes the first registered class; there is no
// abc module, so virtual subclasses play no part and no dispatch cache is
// needed for correctness (none is kept). The dispatcher binds to instances
// like a function; its metadata (__name__, __wrapped__, ...) lives in its
// __dict__, filled by update_wrapper.
#include "modules/functools_internal.h"
#include "modules/iter_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type functools_singledispatch_type;
Type functools_singledispatchmethod_type;
Type functools_singledispatchmethod_bound_type;

Object* functools_singledispatch(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames);

namespace {

struct Dispatcher : Object {
  Object* registry = nullptr;  // dict: class -> implementation
  Object* funcname = nullptr;  // str, for the "requires at least 1 positional argument" message
  Object* dict = nullptr;      // __dict__
};

Dispatcher* D(Object* o) { return static_cast<Dispatcher*>(o); }

void dispatcher_dealloc(Object* o) { release_and_free(o, {D(o)->registry, D(o)->funcname, D(o)->dict}); }
int dispatcher_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({D(o)->registry, D(o)->funcname, D(o)->dict}, visit, arg);
}

bool is_type(Object* o) { return has_flag(o->ob_type, kTypeTypeSubclass); }

// A class, or an `X | Y` union of classes.
bool valid_dispatch_type(Object* cls) {
  if (is_type(cls)) return true;
  if (cls->ob_type != &union_type) return false;
  Object* args = union_args_borrowed(cls);
  for (int64_t i = 0; i < tuple_size(args); ++i)
    if (!is_type(tuple_item_borrowed(args, i))) return false;
  return true;
}

// The implementation for class `cls`: borrowed from the registry.
Object* dispatch_borrowed(ThreadState* ts, Dispatcher* d, Object* cls) {
  if (!is_type(cls)) {
    Object* impl = dict_get_item_borrowed(ts, d->registry, cls);
    if (impl || runtime::has_exception(ts)) return impl;
    cls = &object_type;
  }
  Object* mro = static_cast<Type*>(cls)->mro;
  for (int64_t i = 0; mro && i < tuple_size(mro); ++i) {
    Object* impl = dict_get_item_borrowed(ts, d->registry, tuple_item_borrowed(mro, i));
    if (impl || runtime::has_exception(ts)) return impl;
  }
  Object* impl = dict_get_item_borrowed(ts, d->registry, &object_type);
  if (!impl && !runtime::has_exception(ts)) raise(ts, &exc::RuntimeError, "no implementation registered");
  return impl;
}

Object* dispatcher_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs == 0) {
    return raise_format(ts, &exc::TypeError, "%s requires at least 1 positional argument",
                        str_utf8(ts, D(self)->funcname));
  }
  Ref cls = Ref::steal(get_attr(ts, args[0], ts->id->dunder_class));
  if (!cls) return nullptr;
  Object* impl = dispatch_borrowed(ts, D(self), cls.get());
  if (!impl) return nullptr;
  Ref keep = Ref::borrow(impl);
  return call(ts, keep.get(), args, nargs, kwnames);
}

Object* dispatcher_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj || is_none(obj)) return new_ref(self);
  return method_new(ts, self, obj);
}

Object* dispatcher_repr(ThreadState* ts, Object* self) {
  Ref qual = Ref::steal(lookup_attr(ts, self, ts->id->dunder_qualname));
  if (!qual && runtime::has_exception(ts)) return nullptr;
  Object* name = qual && is_str(qual.get()) ? qual.get() : D(self)->funcname;
  return str_from_format(ts, "<function %s at %p>", str_utf8(ts, name), static_cast<void*>(self));
}

// registry[cls] = func for a class or each member of a union.
int register_impl(ThreadState* ts, Dispatcher* d, Object* cls, Object* func) {
  if (cls->ob_type == &union_type) {
    Object* args = union_args_borrowed(cls);
    for (int64_t i = 0; i < tuple_size(args); ++i)
      if (dict_set_item(ts, d->registry, tuple_item_borrowed(args, i), func) < 0) return -1;
    return 0;
  }
  return dict_set_item(ts, d->registry, cls, func);
}

Object* register_with(ThreadState* ts, Object* dispatcher, Object* cls, Object* const* args, size_t nargs,
                      Object* kwnames);

// d.register(cls, func=None)
Object* dispatcher_register(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"cls", ParamKind::PositionalOrKeyword, kRequired},
                                      {"func", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("register", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* cls = av[0];
  Object* func = av.has(1) && !is_none(av[1]) ? av[1] : nullptr;
  if (valid_dispatch_type(cls)) {
    if (!func) {
      // register(cls) used as a decorator: a callable that registers its argument.
      return closure_new(ts, register_with, "<lambda>", "singledispatch.<locals>.register.<locals>.<lambda>", self,
                         cls);
    }
  } else {
    if (func) {
      std::string r = repr_utf8(ts, cls);
      return raise_format(ts, &exc::TypeError, "Invalid first argument to `register()`. %s is not a class or union type.",
                          r.c_str());
    }
    Ref ann = Ref::steal(lookup_attr(ts, cls, ts->id->dunder_annotations));
    if (!ann && runtime::has_exception(ts)) return nullptr;
    if (!ann && (cls->ob_type == &classmethod_type || cls->ob_type == &staticmethod_type)) {
      // CPython's classmethod/staticmethod expose the wrapped function's
      // __annotations__ themselves.
      ann = Ref::steal(lookup_attr(ts, funcwrapper_callable_borrowed(cls), ts->id->dunder_annotations));
      if (!ann && runtime::has_exception(ts)) return nullptr;
    }
    int has_ann = 0;
    if (ann) {
      has_ann = is_true(ts, ann.get());
      if (has_ann < 0) return nullptr;
    }
    if (!has_ann) {
      std::string r = repr_utf8(ts, cls);
      return raise_format(ts, &exc::TypeError,
                          "Invalid first argument to `register()`: %s. Use either `@register(some_class)` or plain "
                          "`@register` on an annotated function.",
                          r.c_str());
    }
    func = cls;
    Ref items = Ref::steal(get_iter(ts, ann.get()));
    if (!items) return nullptr;
    Ref argname = Ref::steal(iter_next(ts, items.get()));
    if (!argname) return nullptr;
    Object* annotation = get_item(ts, ann.get(), argname.get());
    if (!annotation) return nullptr;
    Ref keep = Ref::steal(annotation);
    if (!valid_dispatch_type(annotation)) {
      std::string n = repr_utf8(ts, argname.get()), r = repr_utf8(ts, annotation);
      return raise_format(ts, &exc::TypeError, "Invalid annotation for %s. %s %s.", n.c_str(), r.c_str(),
                          annotation->ob_type == &union_type ? "not all arguments are classes" : "is not a class");
    }
    if (register_impl(ts, D(self), annotation, func) < 0) return nullptr;
    return new_ref(func);
  }
  if (register_impl(ts, D(self), cls, func) < 0) return nullptr;
  return new_ref(func);
}

// The decorator register(cls) returns.
Object* register_with(ThreadState* ts, Object* dispatcher, Object* cls, Object* const* args, size_t nargs,
                      Object* kwnames) {
  if (check_positional(ts, "<lambda>", nargs, kwnames, 1, 1) < 0) return nullptr;
  Object* argv[2] = {cls, args[0]};
  return dispatcher_register(ts, dispatcher, argv, 2, nullptr);
}

Object* dispatcher_dispatch(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* impl = dispatch_borrowed(ts, D(self), args[0]);
  return xnew_ref(impl);
}

Object* dispatcher_clear_cache(ThreadState*, Object*, Object* const*, size_t, Object*) { return py_none(); }

Object* dispatcher_registry(ThreadState* ts, Object* self) { return mappingproxy_new(ts, D(self)->registry); }
Object* dispatcher_get_dict(ThreadState* ts, Object* o) { return instance_dict_get(ts, &D(o)->dict); }
int dispatcher_set_dict(ThreadState* ts, Object* o, Object* v) { return instance_dict_set(ts, &D(o)->dict, v); }

const MethodDef dispatcher_methods[] = {
    {"register", dispatcher_register, kMethKeywords,
     "generic_func.register(cls, func) -> func\n\nRegisters a new implementation for the given *cls* on a *generic_func*."},
    {"dispatch", dispatcher_dispatch, kMethO,
     "generic_func.dispatch(cls) -> <function implementation>\n\nRuns the dispatch algorithm to return the best available implementation\nfor the given *cls* registered on *generic_func*."},
    {"_clear_cache", dispatcher_clear_cache, kMethNoArgs},
    {},
};
const GetSetDef dispatcher_getsets[] = {
    {"registry", dispatcher_registry, nullptr},
    {"__dict__", dispatcher_get_dict, dispatcher_set_dict},
    {},
};

// ---------------------------------------------------------------------------
// singledispatchmethod(func): dispatches on the first argument after self.
// Access through an instance or class gives a _method callable (own type
// below) that looks the implementation up and binds it like __get__ would.
// ---------------------------------------------------------------------------

struct DispatchMethod : Object {
  Object* dispatcher = nullptr;  // a singledispatch over func
  Object* func = nullptr;
  Object* dict = nullptr;
};

struct BoundDispatch : Object {
  Object* owner = nullptr;  // the singledispatchmethod
  Object* obj = nullptr;    // instance (None through the class)
  Object* cls = nullptr;    // owner class (may be None)
  Object* dict = nullptr;
};

DispatchMethod* DM(Object* o) { return static_cast<DispatchMethod*>(o); }
BoundDispatch* BD(Object* o) { return static_cast<BoundDispatch*>(o); }

void dm_dealloc(Object* o) { release_and_free(o, {DM(o)->dispatcher, DM(o)->func, DM(o)->dict}); }
int dm_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({DM(o)->dispatcher, DM(o)->func, DM(o)->dict}, visit, arg);
}
void bd_dealloc(Object* o) { release_and_free(o, {BD(o)->owner, BD(o)->obj, BD(o)->cls, BD(o)->dict}); }
int bd_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({BD(o)->owner, BD(o)->obj, BD(o)->cls, BD(o)->dict}, visit, arg);
}

Object* dm_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) { return new_instance<DispatchMethod>(ts, type); }

int dm_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"func", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("singledispatchmethod.__init__", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return -1;
  Object* func = av[0];
  if (!is_callable(func) && !func->ob_type->descr_get) {
    std::string r = repr_utf8(ts, func);
    raise_format(ts, &exc::TypeError, "%s is not callable or a descriptor", r.c_str());
    return -1;
  }
  Object* argv[1] = {func};
  Ref dispatcher = Ref::steal(functools_singledispatch(ts, nullptr, argv, 1, nullptr));
  if (!dispatcher) return -1;
  set_ref(DM(self)->dispatcher, dispatcher.release());
  set_ref(DM(self)->func, new_ref(func));
  return 0;
}

Object* dm_register(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"cls", ParamKind::PositionalOrKeyword, kRequired},
                                      {"method", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("register", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  if (!DM(self)->dispatcher) return raise(ts, &exc::AttributeError, "'singledispatchmethod' object has no attribute 'dispatcher'");
  Object* argv[2] = {av[0], av.has(1) ? av[1] : py_none()};
  return dispatcher_register(ts, DM(self)->dispatcher, argv, 2, nullptr);
}

Object* dm_isabstract(ThreadState* ts, Object* self) {
  if (!DM(self)->func) return py_false();
  Ref name = Ref::steal(str_from_cstr(ts, "__isabstractmethod__"));
  if (!name) return nullptr;
  Object* v = lookup_attr(ts, DM(self)->func, name.get());
  if (!v && !runtime::has_exception(ts)) return py_false();
  return v;
}

Object* dm_get(ThreadState* ts, Object* self, Object* obj, Object* cls) {
  if (!DM(self)->func) return raise(ts, &exc::AttributeError, "'singledispatchmethod' object has no attribute 'func'");
  auto* b = static_cast<BoundDispatch*>(alloc_object(ts, &functools_singledispatchmethod_bound_type, sizeof(BoundDispatch)));
  if (!b) return nullptr;
  Ref bound = Ref::steal(b);
  b->owner = new_ref(self);
  b->obj = new_ref(obj ? obj : py_none());
  b->cls = new_ref(cls ? cls : py_none());
  Ref abstract = Ref::steal(dm_isabstract(ts, self));
  Ref reg = Ref::steal(abstract ? get_attr_str(ts, self, "register") : nullptr);
  Ref abstract_name = Ref::steal(str_from_cstr(ts, "__isabstractmethod__"));
  if (!reg || !abstract_name || generic_set_attr(ts, b, abstract_name.get(), abstract.get()) < 0) return nullptr;
  Ref reg_name = Ref::steal(str_from_cstr(ts, "register"));
  if (!reg_name || generic_set_attr(ts, b, reg_name.get(), reg.get()) < 0) return nullptr;
  Object* argv[2] = {b, DM(self)->func};
  Ref r = Ref::steal(functools_update_wrapper(ts, nullptr, argv, 2, nullptr));
  if (!r) return nullptr;
  return bound.release();
}

Object* bd_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs == 0) return raise(ts, &exc::IndexError, "tuple index out of range");
  BoundDispatch* b = BD(self);
  Ref cls = Ref::steal(get_attr(ts, args[0], ts->id->dunder_class));
  if (!cls) return nullptr;
  Object* impl = dispatch_borrowed(ts, D(DM(b->owner)->dispatcher), cls.get());
  if (!impl) return nullptr;
  Ref method = Ref::borrow(impl);
  DescrGetFn get = method->ob_type->descr_get;
  if (!get) {
    return raise_format(ts, &exc::AttributeError, "'%s' object has no attribute '__get__'", tp_name(method.get()));
  }
  Ref bound = Ref::steal(get(ts, method.get(), is_none(b->obj) ? nullptr : b->obj, b->cls));
  if (!bound) return nullptr;
  return call(ts, bound.get(), args, nargs, kwnames);
}

Object* bd_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<function singledispatchmethod.__get__.<locals>._method at %p>", static_cast<void*>(self));
}

Object* dm_get_dict(ThreadState* ts, Object* o) { return instance_dict_get(ts, &DM(o)->dict); }
int dm_set_dict(ThreadState* ts, Object* o, Object* v) { return instance_dict_set(ts, &DM(o)->dict, v); }
Object* bd_get_dict(ThreadState* ts, Object* o) { return instance_dict_get(ts, &BD(o)->dict); }
int bd_set_dict(ThreadState* ts, Object* o, Object* v) { return instance_dict_set(ts, &BD(o)->dict, v); }

const MethodDef dm_methods[] = {
    {"register", dm_register, kMethKeywords,
     "generic_method.register(cls, func) -> func\n\nRegisters a new implementation for the given *cls* on a *generic_method*."},
    {},
};
const MemberDef dm_members[] = {
    {"dispatcher", MemberKind::Object, offsetof(DispatchMethod, dispatcher), false},
    {"func", MemberKind::Object, offsetof(DispatchMethod, func), false},
    {},
};
const GetSetDef dm_getsets[] = {
    {"__isabstractmethod__", dm_isabstract, nullptr},
    {"__dict__", dm_get_dict, dm_set_dict},
    {},
};
const GetSetDef bd_getsets[] = {{"__dict__", bd_get_dict, bd_set_dict}, {}};

}  // namespace

// singledispatch(func)
Object* functools_singledispatch(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"func", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("singledispatch", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* func = av[0];
  Ref funcname = Ref::steal(lookup_attr(ts, func, ts->id->dunder_name));
  if (!funcname) {
    if (runtime::has_exception(ts)) return nullptr;
    funcname = Ref::steal(str_from_cstr(ts, "singledispatch function"));
    if (!funcname) return nullptr;
  } else if (!is_str(funcname.get())) {
    funcname = Ref::steal(str(ts, funcname.get()));
    if (!funcname) return nullptr;
  }
  Ref registry = Ref::steal(dict_new(ts));
  if (!registry || dict_set_item(ts, registry.get(), &object_type, func) < 0) return nullptr;
  auto* d = static_cast<Dispatcher*>(alloc_object(ts, &functools_singledispatch_type, sizeof(Dispatcher)));
  if (!d) return nullptr;
  Ref dispatcher = Ref::steal(d);
  d->registry = registry.release();
  d->funcname = funcname.release();
  Object* argv[2] = {d, func};
  Ref r = Ref::steal(functools_update_wrapper(ts, nullptr, argv, 2, nullptr));
  if (!r) return nullptr;
  return dispatcher.release();
}

void init_functools_singledispatch_type(Type& t) {
  t.name = "functools._SingleDispatchFunction";
  t.basicsize = sizeof(Dispatcher);
  t.flags = kTypeHaveGC | kTypeMethodDescriptor;
  t.dealloc = dispatcher_dealloc;
  t.traverse = dispatcher_traverse;
  t.call = dispatcher_call;
  t.descr_get = dispatcher_get;
  t.repr = dispatcher_repr;
  t.methods = dispatcher_methods;
  t.getsets = dispatcher_getsets;
  t.dictoffset = offsetof(Dispatcher, dict);
}

}  // namespace spindle::modules

namespace spindle::modules {

void init_functools_singledispatchmethod_type(Type& t) {
  t.name = "functools.singledispatchmethod";
  t.doc = "Single-dispatch generic method descriptor.\n\n    Supports wrapping existing descriptors and handles non-descriptor\n    callables as instance methods.\n    ";
  t.basicsize = sizeof(DispatchMethod);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = dm_dealloc;
  t.traverse = dm_traverse;
  t.new_ = dm_new;
  t.init = dm_init;
  t.descr_get = dm_get;
  t.methods = dm_methods;
  t.members = dm_members;
  t.getsets = dm_getsets;
  t.dictoffset = offsetof(DispatchMethod, dict);
}

void init_functools_singledispatchmethod_bound_type(Type& t) {
  t.name = "functools._SingleDispatchMethodFunction";
  t.basicsize = sizeof(BoundDispatch);
  t.flags = kTypeHaveGC;
  t.dealloc = bd_dealloc;
  t.traverse = bd_traverse;
  t.call = bd_call;
  t.repr = bd_repr;
  t.getsets = bd_getsets;
  t.dictoffset = offsetof(BoundDispatch, dict);
}

}  // namespace spindle::modules
