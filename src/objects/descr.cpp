// Descriptor types (see descr.h): method, classmethod and wrapper
// descriptors of builtin types, method-wrappers, member and getset
// descriptors, and classmethod / staticmethod / property.
#include "objects/descr.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

// Member tables use offsetof on objects deriving from Object (not
// standard-layout, but laid out plainly by GCC and Clang).
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type method_descr_type;
Type classmethod_descr_type;
Type wrapper_descr_type;
Type method_wrapper_type;
Type member_descr_type;
Type getset_descr_type;
Type classmethod_type;
Type staticmethod_type;
Type property_type;
Type mappingproxy_type;

namespace {

// ===========================================================================
// The common descriptor head
// ===========================================================================

DescrObject* as_descr(Object* o) { return static_cast<DescrObject*>(o); }
const char* descr_name(ThreadState* ts, Object* d) { return utf8_of(ts, as_descr(d)->d_name); }
const char* owner_name(Object* d) { return type_tp_name(as_descr(d)->d_type); }

template <class T>
T* descr_alloc(ThreadState* ts, Type* descr_type, Type* owner, const char* name) {
  auto* d = static_cast<T*>(alloc_object(ts, descr_type, sizeof(T)));
  if (!d) return nullptr;
  d->d_type = owner;
  incref(owner);
  d->d_name = str_intern_cstr(ts, name);
  if (!d->d_name) {
    decref(d);
    return nullptr;
  }
  return d;
}

void descr_dealloc(Object* o) {
  auto* d = as_descr(o);
  clear_ref(d->d_name);
  clear_ref(d->d_qualname);
  Object* owner = d->d_type;
  d->d_type = nullptr;
  xdecref(owner);
  free_object(o);
}

// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
int descr_check(ThreadState* ts, Object* d, Object* obj) {
  if (is_instance_of(obj, as_descr(d)->d_type)) return 0;
  raise_format(ts, &exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
               descr_name(ts, d), owner_name(d), tp_name(obj));
  return -1;
}

Object* descr_get_name(ThreadState*, Object* self) { return new_ref(as_descr(self)->d_name); }
Object* descr_get_objclass(ThreadState*, Object* self) { return new_ref(static_cast<Object*>(as_descr(self)->d_type)); }
Object* descr_get_qualname(ThreadState* ts, Object* self) {
  auto* d = as_descr(self);
  if (!d->d_qualname) {
    Ref owner = Ref::steal(type_qualname(ts, d->d_type));
    if (!owner) return nullptr;
    d->d_qualname = str_from_format(ts, "%s.%s", utf8_of(ts, owner.get()), utf8_of(ts, d->d_name));
    if (!d->d_qualname) return nullptr;
  }
  return new_ref(d->d_qualname);
}
Object* no_text_signature(ThreadState*, Object*) { return py_none(); }

Object* doc_or_none(ThreadState* ts, const char* doc) { return doc ? str_from_cstr(ts, doc) : py_none(); }

Object* method_descr_get_doc(ThreadState* ts, Object* self) {
  return doc_or_none(ts, static_cast<MethodDescrObject*>(self)->d_method->doc);
}
Object* member_descr_get_doc(ThreadState* ts, Object* self) {
  return doc_or_none(ts, static_cast<MemberDescrObject*>(self)->d_member.doc);
}
Object* getset_descr_get_doc(ThreadState* ts, Object* self) {
  return doc_or_none(ts, static_cast<GetSetDescrObject*>(self)->d_getset->doc);
}
Object* wrapper_descr_get_doc(ThreadState* ts, Object* self) {
  return doc_or_none(ts, static_cast<WrapperDescrObject*>(self)->d_base->doc);
}

constexpr GetSetDef method_descr_getsets[] = {
    {"__doc__", method_descr_get_doc, nullptr, nullptr},         {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__text_signature__", no_text_signature, nullptr, nullptr}, {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},      {},
};
constexpr GetSetDef member_descr_getsets[] = {
    {"__doc__", member_descr_get_doc, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {},
};
constexpr GetSetDef getset_descr_getsets[] = {
    {"__doc__", getset_descr_get_doc, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {},
};
constexpr GetSetDef wrapper_descr_getsets[] = {
    {"__doc__", wrapper_descr_get_doc, nullptr, nullptr},        {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__text_signature__", no_text_signature, nullptr, nullptr}, {"__name__", descr_get_name, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},      {},
};

// A descriptor owns its class: the class's dict holding the descriptor is
// a cycle (classes defined in a function are collected through it).
int descr_traverse(Object* o, VisitFn visit, void* arg) {
  Object* owner = as_descr(o)->d_type;
  return owner ? visit(owner, arg) : 0;
}

void init_descr_common(Type& t, const char* name, size_t size, const GetSetDef* getsets) {
  t.name = name;
  t.basicsize = size;
  t.flags |= kTypeHaveGC;
  t.traverse = descr_traverse;
  t.dealloc = descr_dealloc;
  t.getsets = getsets;
}

// ===========================================================================
// method_descriptor / classmethod_descriptor
// ===========================================================================

MethodDescrObject* as_mdescr(Object* o) { return static_cast<MethodDescrObject*>(o); }

Object* method_descr_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<method '%s' of '%s' objects>", descr_name(ts, self), owner_name(self));
}

Object* method_descr_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj) return new_ref(self);
  if (descr_check(ts, self, obj) < 0) return nullptr;
  return builtin_function_new(ts, as_mdescr(self)->d_method, obj, nullptr);
}

Object* method_descr_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 1) {
    return raise_format(ts, &exc::TypeError, "unbound method %s.%s() needs an argument", owner_name(self),
                        descr_name(ts, self));
  }
  if (descr_check(ts, self, args[0]) < 0) return nullptr;
  return call_method_def(ts, as_mdescr(self)->d_method, nullptr, args[0], args + 1, nargs - 1, kwnames);
}

Object* classmethod_descr_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
  if (!type) type = obj->ob_type;
  if (!has_flag(type->ob_type, kTypeTypeSubclass)) {
    return raise_format(ts, &exc::TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                        descr_name(ts, self), owner_name(self), tp_name(type));
  }
  if (!is_subtype(static_cast<Type*>(type), as_descr(self)->d_type)) {
    return raise_format(ts, &exc::TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'",
                        descr_name(ts, self), owner_name(self), type_tp_name(static_cast<Type*>(type)));
  }
  return builtin_function_new(ts, as_mdescr(self)->d_method, type, nullptr);
}

Object* classmethod_descr_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 1) {
    return raise_format(ts, &exc::TypeError, "descriptor '%s' of '%s' object needs an argument", descr_name(ts, self),
                        owner_name(self));
  }
  Ref bound = Ref::steal(classmethod_descr_get(ts, self, nullptr, args[0]));
  if (!bound) return nullptr;
  return call(ts, bound.get(), args + 1, nargs - 1, kwnames);
}

// ===========================================================================
// wrapper_descriptor / method-wrapper
// ===========================================================================

WrapperDescrObject* as_wdescr(Object* o) { return static_cast<WrapperDescrObject*>(o); }

Object* wrapper_descr_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<slot wrapper '%s' of '%s' objects>", descr_name(ts, self), owner_name(self));
}

Object* method_wrapper_new(ThreadState* ts, Object* descr, Object* self) {
  auto* w = static_cast<MethodWrapperObject*>(alloc_object(ts, &method_wrapper_type, sizeof(MethodWrapperObject)));
  if (!w) return nullptr;
  w->descr = static_cast<WrapperDescrObject*>(new_ref(descr));
  w->self = new_ref(self);
  return w;
}

Object* wrapper_descr_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj) return new_ref(self);
  if (descr_check(ts, self, obj) < 0) return nullptr;
  return method_wrapper_new(ts, self, obj);
}

Object* wrapper_descr_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 1) {
    return raise_format(ts, &exc::TypeError, "descriptor '%s' of '%s' object needs an argument", descr_name(ts, self),
                        owner_name(self));
  }
  if (!is_instance_of(args[0], as_descr(self)->d_type)) {
    return raise_format(ts, &exc::TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
                        descr_name(ts, self), owner_name(self), tp_name(args[0]));
  }
  auto* w = as_wdescr(self);
  return w->d_base->wrapper(ts, args[0], args + 1, nargs - 1, kwnames, w->d_wrapped);
}

MethodWrapperObject* as_mwrapper(Object* o) { return static_cast<MethodWrapperObject*>(o); }

void method_wrapper_dealloc(Object* o) {
  auto* w = as_mwrapper(o);
  Object* d = w->descr;
  w->descr = nullptr;
  xdecref(d);
  clear_ref(w->self);
  free_object(o);
}

Object* method_wrapper_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  auto* w = as_mwrapper(self);
  return w->descr->d_base->wrapper(ts, w->self, args, nargs, kwnames, w->descr->d_wrapped);
}

Object* method_wrapper_repr(ThreadState* ts, Object* self) {
  auto* w = as_mwrapper(self);
  return str_from_format(ts, "<method-wrapper '%s' of %s object at %p>", descr_name(ts, w->descr), tp_name(w->self),
                         static_cast<void*>(w->self));
}

Object* method_wrapper_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b->ob_type != &method_wrapper_type) {
    return py_not_implemented();
  }
  bool eq = as_mwrapper(a)->descr == as_mwrapper(b)->descr && as_mwrapper(a)->self == as_mwrapper(b)->self;
  return new_ref(py_bool(op == CompareOp::Eq ? eq : !eq));
}

int64_t method_wrapper_hash(ThreadState* ts, Object* self) {
  int64_t h = object_generic_hash(ts, as_mwrapper(self)->self) ^ object_generic_hash(ts, as_mwrapper(self)->descr);
  return h == -1 ? -2 : h;
}

Object* method_wrapper_get_self(ThreadState*, Object* self) { return new_ref(as_mwrapper(self)->self); }
Object* method_wrapper_get_name(ThreadState*, Object* self) { return new_ref(as_mwrapper(self)->descr->d_name); }
Object* method_wrapper_get_qualname(ThreadState* ts, Object* self) {
  return descr_get_qualname(ts, as_mwrapper(self)->descr);
}
Object* method_wrapper_get_objclass(ThreadState*, Object* self) {
  return new_ref(static_cast<Object*>(as_mwrapper(self)->descr->d_type));
}
Object* method_wrapper_get_doc(ThreadState* ts, Object* self) {
  return wrapper_descr_get_doc(ts, as_mwrapper(self)->descr);
}

constexpr GetSetDef method_wrapper_getsets[] = {
    {"__self__", method_wrapper_get_self, nullptr, nullptr},
    {"__name__", method_wrapper_get_name, nullptr, nullptr},
    {"__qualname__", method_wrapper_get_qualname, nullptr, nullptr},
    {"__objclass__", method_wrapper_get_objclass, nullptr, nullptr},
    {"__doc__", method_wrapper_get_doc, nullptr, nullptr},
    {"__text_signature__", no_text_signature, nullptr, nullptr},
    {},
};

// ===========================================================================
// member_descriptor
// ===========================================================================

MemberDescrObject* as_member(Object* o) { return static_cast<MemberDescrObject*>(o); }

Object* member_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<member '%s' of '%s' objects>", descr_name(ts, self), owner_name(self));
}

char* field_of(Object* obj, const MemberDef& m) { return reinterpret_cast<char*>(obj) + m.offset; }

Object* member_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj) return new_ref(self);
  if (descr_check(ts, self, obj) < 0) return nullptr;
  const MemberDef& m = as_member(self)->d_member;
  char* p = field_of(obj, m);
  switch (m.kind) {
    case MemberKind::Object: {
      Object* v = *reinterpret_cast<Object**>(p);
      if (!v) {
        return raise_format(ts, &exc::AttributeError, "'%s' object has no attribute '%s'", tp_name(obj), m.name);
      }
      return new_ref(v);
    }
    case MemberKind::ObjectOrNone: {
      Object* v = *reinterpret_cast<Object**>(p);
      return v ? new_ref(v) : py_none();
    }
    case MemberKind::Int64:
      return int_from_i64(ts, *reinterpret_cast<int64_t*>(p));
    case MemberKind::Bool:
      return new_ref(py_bool(*reinterpret_cast<bool*>(p)));
    case MemberKind::Double:
      return float_from_double(ts, *reinterpret_cast<double*>(p));
  }
  return nullptr;
}

int member_set(ThreadState* ts, Object* self, Object* obj, Object* value) {
  if (descr_check(ts, self, obj) < 0) return -1;
  const MemberDef& m = as_member(self)->d_member;
  if (m.readonly) {
    raise(ts, &exc::AttributeError, "readonly attribute");
    return -1;
  }
  char* p = field_of(obj, m);
  switch (m.kind) {
    case MemberKind::Object:
    case MemberKind::ObjectOrNone: {
      Object*& slot = *reinterpret_cast<Object**>(p);
      if (!value && !slot && m.kind == MemberKind::Object) {
        raise(ts, &exc::AttributeError, m.name);
        return -1;
      }
      set_ref(slot, xnew_ref(value));
      return 0;
    }
    default:
      break;
  }
  if (!value) {
    raise(ts, &exc::TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  switch (m.kind) {
    case MemberKind::Int64: {
      if (!is_int(value)) {
        raise(ts, &exc::TypeError, "attribute value type must be int");
        return -1;
      }
      bool overflow = false;
      int64_t v = int_as_i64(ts, value, &overflow);
      if (overflow) {
        raise(ts, &exc::OverflowError, "Python int too large to convert to C long");
        return -1;
      }
      *reinterpret_cast<int64_t*>(p) = v;
      return 0;
    }
    case MemberKind::Bool:
      if (value != py_bool(true) && value != py_bool(false)) {
        raise(ts, &exc::TypeError, "attribute value type must be bool");
        return -1;
      }
      *reinterpret_cast<bool*>(p) = value == py_bool(true);
      return 0;
    case MemberKind::Double: {
      Ref f = Ref::steal(number_float(ts, value));
      if (!f) return -1;
      *reinterpret_cast<double*>(p) = float_value(f.get());
      return 0;
    }
    default:
      return 0;
  }
}

// ===========================================================================
// getset_descriptor
// ===========================================================================

GetSetDescrObject* as_getset(Object* o) { return static_cast<GetSetDescrObject*>(o); }

Object* getset_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<attribute '%s' of '%s' objects>", descr_name(ts, self), owner_name(self));
}

Object* getset_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj) return new_ref(self);
  if (descr_check(ts, self, obj) < 0) return nullptr;
  const GetSetDef* g = as_getset(self)->d_getset;
  if (!g->get) {
    return raise_format(ts, &exc::AttributeError, "attribute '%s' of '%s' objects is not readable",
                        descr_name(ts, self), owner_name(self));
  }
  return g->get(ts, obj);
}

int getset_set(ThreadState* ts, Object* self, Object* obj, Object* value) {
  if (descr_check(ts, self, obj) < 0) return -1;
  const GetSetDef* g = as_getset(self)->d_getset;
  if (!g->set) {
    raise_format(ts, &exc::AttributeError, "attribute '%s' of '%s' objects is not writable", descr_name(ts, self),
                 owner_name(self));
    return -1;
  }
  return g->set(ts, obj, value);
}

// ===========================================================================
// classmethod / staticmethod
// ===========================================================================

FuncWrapperObject* as_fw(Object* o) { return static_cast<FuncWrapperObject*>(o); }

void fw_dealloc(Object* o) {
  clear_ref(as_fw(o)->callable);
  clear_ref(as_fw(o)->dict);
  free_object(o);
}

// Copies __module__, __name__, __qualname__, __doc__ and __annotations__ of
// the wrapped callable, as functools.wraps does (3.10+).
int fw_copy_attrs(ThreadState* ts, Object* self, Object* callable) {
  Object* names[] = {ts->id->dunder_module, ts->id->dunder_name, ts->id->dunder_qualname, ts->id->dunder_doc};
  for (Object* n : names) {
    Ref v = Ref::steal(lookup_attr(ts, callable, n));
    if (!v) {
      if (runtime::has_exception(ts)) return -1;
      continue;
    }
    if (generic_set_attr(ts, self, n, v.get()) < 0) return -1;
  }
  return 0;
}

int fw_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name) {
  if (check_positional(ts, name, nargs, kwnames, 1, 1) < 0) return -1;
  set_ref(as_fw(self)->callable, new_ref(args[0]));
  return fw_copy_attrs(ts, self, args[0]);
}

int classmethod_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return fw_init(ts, self, args, nargs, kwnames, "classmethod");
}
int staticmethod_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return fw_init(ts, self, args, nargs, kwnames, "staticmethod");
}

Object* classmethod_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
  Object* callable = as_fw(self)->callable;
  if (!callable) return raise(ts, &exc::RuntimeError, "uninitialized classmethod object");
  if (!type) type = obj->ob_type;
  // 3.9-3.12 chain descriptors: classmethod(property(...)) binds through.
  if (DescrGetFn get = callable->ob_type->descr_get) return get(ts, callable, type, type);
  return method_new(ts, callable, type);
}

Object* staticmethod_get(ThreadState* ts, Object* self, Object*, Object*) {
  Object* callable = as_fw(self)->callable;
  if (!callable) return raise(ts, &exc::RuntimeError, "uninitialized staticmethod object");
  return new_ref(callable);
}

Object* staticmethod_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return call(ts, as_fw(self)->callable, args, nargs, kwnames);
}

Object* fw_repr(ThreadState* ts, Object* self, const char* kind) {
  Ref r = Ref::steal(repr(ts, as_fw(self)->callable ? as_fw(self)->callable : py_none()));
  if (!r) return nullptr;
  return str_from_format(ts, "<%s(%s)>", kind, utf8_of(ts, r.get()));
}
Object* classmethod_repr(ThreadState* ts, Object* self) { return fw_repr(ts, self, "classmethod"); }
Object* staticmethod_repr(ThreadState* ts, Object* self) { return fw_repr(ts, self, "staticmethod"); }

Object* fw_get_func(ThreadState* ts, Object* self) {
  Object* c = as_fw(self)->callable;
  return c ? new_ref(c) : py_none();
}

Object* fw_get_isabstract(ThreadState* ts, Object* self) {
  Object* c = as_fw(self)->callable;
  if (!c) return new_ref(py_bool(false));
  Ref v = Ref::steal(lookup_attr(ts, c, Ref::steal(str_intern_cstr(ts, "__isabstractmethod__")).get()));
  if (!v) return runtime::has_exception(ts) ? nullptr : new_ref(py_bool(false));
  int t = is_true(ts, v.get());
  if (t < 0) return nullptr;
  return new_ref(py_bool(t));
}

Object* fw_get_dict(ThreadState* ts, Object* self) {
  Object* d = instance_dict_borrowed(ts, self);
  return d ? new_ref(d) : nullptr;
}

constexpr GetSetDef fw_getsets[] = {
    {"__func__", fw_get_func, nullptr, nullptr},
    {"__wrapped__", fw_get_func, nullptr, nullptr},
    {"__isabstractmethod__", fw_get_isabstract, nullptr, nullptr},
    {"__dict__", fw_get_dict, nullptr, nullptr},
    {},
};

Object* fw_generic_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  return type_generic_alloc(ts, type, 0);
}

int fw_traverse(Object* o, VisitFn visit, void* arg) {
  auto* w = static_cast<FuncWrapperObject*>(o);
  for (Object* c : {w->callable, w->dict})
    if (c && visit(c, arg)) return 1;
  return 0;
}

int fw_clear(Object* o) {
  auto* w = static_cast<FuncWrapperObject*>(o);
  clear_ref(w->callable);
  clear_ref(w->dict);
  return 0;
}

void init_fw_common(Type& t, const char* name) {
  t.name = name;
  t.basicsize = sizeof(FuncWrapperObject);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = fw_dealloc;
  t.traverse = fw_traverse;
  t.clear = fw_clear;
  t.getsets = fw_getsets;
  t.new_ = fw_generic_new;
  t.dictoffset = offsetof(FuncWrapperObject, dict);
}

// ===========================================================================
// property
// ===========================================================================

PropertyObject* as_prop(Object* o) { return static_cast<PropertyObject*>(o); }

void property_dealloc(Object* o) {
  auto* p = as_prop(o);
  clear_ref(p->fget);
  clear_ref(p->fset);
  clear_ref(p->fdel);
  clear_ref(p->doc);
  clear_ref(p->name);
  free_object(o);
}

// "property 'x' of 'A' object has no getter" (without the name when unknown).
Object* property_error(ThreadState* ts, Object* self, Object* obj, const char* what) {
  auto* p = as_prop(self);
  Ref qn = Ref::steal(type_qualname(ts, obj->ob_type));
  const char* owner = qn ? utf8_of(ts, qn.get()) : "?";
  if (p->name && is_str(p->name)) {
    return raise_format(ts, &exc::AttributeError, "property '%s' of '%s' object has no %s", utf8_of(ts, p->name), owner,
                        what);
  }
  return raise_format(ts, &exc::AttributeError, "property of '%s' object has no %s", owner, what);
}

Object* property_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj || is_none(obj)) return new_ref(self);
  auto* p = as_prop(self);
  if (!p->fget || is_none(p->fget)) return property_error(ts, self, obj, "getter");
  Object* args[1] = {obj};
  return call(ts, p->fget, args, 1);
}

int property_set(ThreadState* ts, Object* self, Object* obj, Object* value) {
  auto* p = as_prop(self);
  Object* func = value ? p->fset : p->fdel;
  if (!func || is_none(func)) {
    property_error(ts, self, obj, value ? "setter" : "deleter");
    return -1;
  }
  Object* args[2] = {obj, value};
  Ref r = Ref::steal(call(ts, func, args, value ? 2 : 1));
  return r ? 0 : -1;
}

Object* none_to_null(Object* o) { return o && !is_none(o) ? o : nullptr; }

int property_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"fget", ParamKind::PositionalOrKeyword, kOptional},
                                      {"fset", ParamKind::PositionalOrKeyword, kOptional},
                                      {"fdel", ParamKind::PositionalOrKeyword, kOptional},
                                      {"doc", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig{"property", kParams};
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return -1;
  auto* p = as_prop(self);
  set_ref(p->fget, xnew_ref(none_to_null(av[0])));
  set_ref(p->fset, xnew_ref(none_to_null(av[1])));
  set_ref(p->fdel, xnew_ref(none_to_null(av[2])));
  set_ref(p->doc, xnew_ref(none_to_null(av[3])));
  p->getter_doc = false;
  // With no doc given, the getter's docstring serves.
  if (!p->doc && p->fget) {
    Ref d = Ref::steal(lookup_attr(ts, p->fget, ts->id->dunder_doc));
    if (!d && runtime::has_exception(ts)) return -1;
    if (d && !is_none(d.get())) {
      p->getter_doc = true;
      if (self->ob_type == &property_type) {
        set_ref(p->doc, d.release());
      } else if (generic_set_attr(ts, self, ts->id->dunder_doc, d.get()) < 0) {
        return -1;
      }
    }
  }
  return 0;
}

Object* property_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  return type_generic_alloc(ts, type, 0);
}

// property.getter/setter/deleter: a copy of the property with one function replaced.
Object* property_copy(ThreadState* ts, Object* self, Object* get, Object* set, Object* del) {
  auto* p = as_prop(self);
  Object* doc = (p->getter_doc && get) ? py_none() : (p->doc ? p->doc : py_none());
  Object* args[4] = {get ? get : (p->fget ? p->fget : py_none()), set ? set : (p->fset ? p->fset : py_none()),
                     del ? del : (p->fdel ? p->fdel : py_none()), doc};
  Ref np = Ref::steal(call(ts, self->ob_type, args, 4));
  if (!np) return nullptr;
  if (np->ob_type == &property_type || is_instance_of(np.get(), &property_type)) {
    set_ref(as_prop(np.get())->name, xnew_ref(p->name));
  }
  return np.release();
}

Object* property_getter(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return property_copy(ts, self, args[0], nullptr, nullptr);
}
Object* property_setter(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return property_copy(ts, self, nullptr, args[0], nullptr);
}
Object* property_deleter(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return property_copy(ts, self, nullptr, nullptr, args[0]);
}
Object* property_set_name(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "__set_name__", nargs, kwnames, 2, 2) < 0) return nullptr;
  set_ref(as_prop(self)->name, new_ref(args[1]));
  return py_none();
}

Object* property_get_isabstract(ThreadState* ts, Object* self) {
  auto* p = as_prop(self);
  Ref key = Ref::steal(str_intern_cstr(ts, "__isabstractmethod__"));
  for (Object* f : {p->fget, p->fset, p->fdel}) {
    if (!f) continue;
    Ref v = Ref::steal(lookup_attr(ts, f, key.get()));
    if (!v) {
      if (runtime::has_exception(ts)) return nullptr;
      continue;
    }
    int t = is_true(ts, v.get());
    if (t < 0) return nullptr;
    if (t) return new_ref(py_bool(true));
  }
  return new_ref(py_bool(false));
}

constexpr MethodDef property_methods[] = {
    {"getter", property_getter, kMethO, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, kMethO, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, kMethO, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, kMethFast, "Method to set name of a property."},
    {},
};

constexpr GetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_get_isabstract, nullptr, nullptr},
    {},
};

// ===========================================================================
// mappingproxy
// ===========================================================================

struct MappingProxyObject : Object {
  Object* mapping = nullptr;  // owned
};

Object* mp_mapping(Object* self) { return static_cast<MappingProxyObject*>(self)->mapping; }

void mappingproxy_dealloc(Object* o) {
  clear_ref(static_cast<MappingProxyObject*>(o)->mapping);
  free_object(o);
}

Object* mappingproxy_getitem(ThreadState* ts, Object* self, Object* key) { return get_item(ts, mp_mapping(self), key); }
int64_t mappingproxy_len(ThreadState* ts, Object* self) { return length(ts, mp_mapping(self)); }
int mappingproxy_contains(ThreadState* ts, Object* self, Object* key) { return contains(ts, mp_mapping(self), key); }
Object* mappingproxy_iter(ThreadState* ts, Object* self) { return get_iter(ts, mp_mapping(self)); }
Object* mappingproxy_str(ThreadState* ts, Object* self) { return str(ts, mp_mapping(self)); }
Object* mappingproxy_repr(ThreadState* ts, Object* self) {
  Ref r = Ref::steal(repr(ts, mp_mapping(self)));
  if (!r) return nullptr;
  return str_from_format(ts, "mappingproxy(%s)", utf8_of(ts, r.get()));
}
Object* mappingproxy_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  return rich_compare(ts, mp_mapping(a), b, op);
}
Object* mappingproxy_or(ThreadState* ts, Object* a, Object* b) {
  Object* left = a->ob_type == &mappingproxy_type ? mp_mapping(a) : a;
  Object* right = b->ob_type == &mappingproxy_type ? mp_mapping(b) : b;
  return number_or(ts, left, right);
}

// keys(), values(), items(), get(), copy() forward to the mapping.
template <const char* Name>
Object* mappingproxy_forward(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  Ref name = Ref::steal(str_intern_cstr(ts, Name));
  if (!name) return nullptr;
  return call_method(ts, mp_mapping(self), name.get(), args, nargs);
}
constexpr char kKeys[] = "keys";
constexpr char kValues[] = "values";
constexpr char kItems[] = "items";
constexpr char kGet[] = "get";
constexpr char kCopy[] = "copy";

Object* mappingproxy_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_nargs(ts, "get", nargs, 1, 2) < 0) return nullptr;
  return mappingproxy_forward<kGet>(ts, self, args, nargs, kwnames);
}

constexpr MethodDef mappingproxy_methods[] = {
    {"keys", mappingproxy_forward<kKeys>, kMethNoArgs, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", mappingproxy_forward<kValues>, kMethNoArgs, "D.values() -> an object providing a view on D's values"},
    {"items", mappingproxy_forward<kItems>, kMethNoArgs,
     "D.items() -> a set-like object providing a view on D's items"},
    {"get", mappingproxy_get, kMethFast, "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"copy", mappingproxy_forward<kCopy>, kMethNoArgs, "D.copy() -> a shallow copy of D"},
    {},
};

Object* mappingproxy_new_slot(ThreadState* ts, Type*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"mapping", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig{"mappingproxy", kParams};
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return mappingproxy_new(ts, av[0]);
}

}  // namespace

// ===========================================================================
// Constructors
// ===========================================================================

Object* descr_new_method(ThreadState* ts, Type* owner, const MethodDef* def) {
  auto* d = descr_alloc<MethodDescrObject>(ts, &method_descr_type, owner, def->name);
  if (d) d->d_method = def;
  return d;
}

Object* descr_new_classmethod(ThreadState* ts, Type* owner, const MethodDef* def) {
  auto* d = descr_alloc<MethodDescrObject>(ts, &classmethod_descr_type, owner, def->name);
  if (d) d->d_method = def;
  return d;
}

Object* descr_new_member(ThreadState* ts, Type* owner, const MemberDef* def) {
  auto* d = descr_alloc<MemberDescrObject>(ts, &member_descr_type, owner, def->name);
  if (d) d->d_member = *def;
  return d;
}

Object* descr_new_getset(ThreadState* ts, Type* owner, const GetSetDef* def) {
  auto* d = descr_alloc<GetSetDescrObject>(ts, &getset_descr_type, owner, def->name);
  if (d) d->d_getset = def;
  return d;
}

Object* descr_new_wrapper(ThreadState* ts, Type* owner, const SlotWrapperDef* base, void* wrapped) {
  auto* d = descr_alloc<WrapperDescrObject>(ts, &wrapper_descr_type, owner, base->name);
  if (d) {
    d->d_base = base;
    d->d_wrapped = wrapped;
  }
  return d;
}

Object* mappingproxy_new(ThreadState* ts, Object* mapping) {
  Type* t = mapping->ob_type;
  if (!t->mp_subscript || has_flag(t, kTypeListSubclass) || has_flag(t, kTypeTupleSubclass)) {
    return raise_format(ts, &exc::TypeError, "mappingproxy() argument must be a mapping, not %s", tp_name(mapping));
  }
  auto* p = static_cast<MappingProxyObject*>(alloc_object(ts, &mappingproxy_type, sizeof(MappingProxyObject)));
  if (!p) return nullptr;
  p->mapping = new_ref(mapping);
  return p;
}

Object* classmethod_new(ThreadState* ts, Object* callable) {
  Object* self = type_generic_alloc(ts, &classmethod_type, 0);
  if (!self) return nullptr;
  Object* args[1] = {callable};
  if (classmethod_init(ts, self, args, 1, nullptr) < 0) {
    decref(self);
    return nullptr;
  }
  return self;
}

Object* staticmethod_new(ThreadState* ts, Object* callable) {
  Object* self = type_generic_alloc(ts, &staticmethod_type, 0);
  if (!self) return nullptr;
  Object* args[1] = {callable};
  if (staticmethod_init(ts, self, args, 1, nullptr) < 0) {
    decref(self);
    return nullptr;
  }
  return self;
}

// ===========================================================================
// Type initializers (builtin_types.def)
// ===========================================================================

void init_method_descr_type(Type& t) {
  init_descr_common(t, "method_descriptor", sizeof(MethodDescrObject), method_descr_getsets);
  t.flags |= kTypeMethodDescriptor;
  t.repr = method_descr_repr;
  t.descr_get = method_descr_get;
  t.call = method_descr_call;
}

void init_classmethod_descr_type(Type& t) {
  init_descr_common(t, "classmethod_descriptor", sizeof(MethodDescrObject), method_descr_getsets);
  t.repr = method_descr_repr;
  t.descr_get = classmethod_descr_get;
  t.call = classmethod_descr_call;
}

void init_wrapper_descr_type(Type& t) {
  init_descr_common(t, "wrapper_descriptor", sizeof(WrapperDescrObject), wrapper_descr_getsets);
  t.flags |= kTypeMethodDescriptor;
  t.repr = wrapper_descr_repr;
  t.descr_get = wrapper_descr_get;
  t.call = wrapper_descr_call;
}

int method_wrapper_traverse(Object* o, VisitFn visit, void* arg) {
  auto* w = static_cast<MethodWrapperObject*>(o);
  for (Object* c : {static_cast<Object*>(w->descr), w->self})
    if (c && visit(c, arg)) return 1;
  return 0;
}

void init_method_wrapper_type(Type& t) {
  t.name = "method-wrapper";
  t.basicsize = sizeof(MethodWrapperObject);
  t.flags = kTypeHaveGC;
  t.traverse = method_wrapper_traverse;
  t.dealloc = method_wrapper_dealloc;
  t.call = method_wrapper_call;
  t.repr = method_wrapper_repr;
  t.richcompare = method_wrapper_richcompare;
  t.hash = method_wrapper_hash;
  t.getsets = method_wrapper_getsets;
}

void init_member_descr_type(Type& t) {
  init_descr_common(t, "member_descriptor", sizeof(MemberDescrObject), member_descr_getsets);
  t.repr = member_repr;
  t.descr_get = member_get;
  t.descr_set = member_set;
}

void init_getset_descr_type(Type& t) {
  init_descr_common(t, "getset_descriptor", sizeof(GetSetDescrObject), getset_descr_getsets);
  t.repr = getset_repr;
  t.descr_get = getset_get;
  t.descr_set = getset_set;
}

void init_classmethod_type(Type& t) {
  init_fw_common(t, "classmethod");
  t.doc = "classmethod(function) -> method\n\nConvert a function to be a class method.";
  t.init = classmethod_init;
  t.descr_get = classmethod_get;
  t.repr = classmethod_repr;
}

void init_staticmethod_type(Type& t) {
  init_fw_common(t, "staticmethod");
  t.doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.";
  t.init = staticmethod_init;
  t.descr_get = staticmethod_get;
  t.call = staticmethod_call;
  t.repr = staticmethod_repr;
}

void init_property_type(Type& t) {
  static constexpr MemberDef members[] = {
      {"fget", MemberKind::ObjectOrNone, offsetof(PropertyObject, fget), true, nullptr},
      {"fset", MemberKind::ObjectOrNone, offsetof(PropertyObject, fset), true, nullptr},
      {"fdel", MemberKind::ObjectOrNone, offsetof(PropertyObject, fdel), true, nullptr},
      {"__doc__", MemberKind::ObjectOrNone, offsetof(PropertyObject, doc), false, nullptr},
      {},
  };
  t.name = "property";
  t.doc = "Property attribute.";
  t.basicsize = sizeof(PropertyObject);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = property_dealloc;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    auto* p = static_cast<PropertyObject*>(o);
    for (Object* c : {p->fget, p->fset, p->fdel, p->doc, p->name})
      if (c && visit(c, arg)) return 1;
    return 0;
  };
  t.clear = [](Object* o) {
    auto* p = static_cast<PropertyObject*>(o);
    clear_ref(p->fget);
    clear_ref(p->fset);
    clear_ref(p->fdel);
    clear_ref(p->doc);
    return 0;
  };
  t.new_ = property_new;
  t.init = property_init;
  t.descr_get = property_get;
  t.descr_set = property_set;
  t.methods = property_methods;
  t.members = members;
  t.getsets = property_getsets;
}

void init_mappingproxy_type(Type& t) {
  t.name = "mappingproxy";
  t.basicsize = sizeof(MappingProxyObject);
  t.flags = kTypeMapping | kTypeHaveGC;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    Object* m = static_cast<MappingProxyObject*>(o)->mapping;
    return m ? visit(m, arg) : 0;
  };
  t.dealloc = mappingproxy_dealloc;
  t.mp_subscript = mappingproxy_getitem;
  t.mp_length = mappingproxy_len;
  t.sq_contains = mappingproxy_contains;
  t.iter = mappingproxy_iter;
  t.str = mappingproxy_str;
  t.repr = mappingproxy_repr;
  t.richcompare = mappingproxy_richcompare;
  t.nb_or = mappingproxy_or;
  t.methods = mappingproxy_methods;
  t.new_ = mappingproxy_new_slot;
}

}  // namespace spindle::objects
