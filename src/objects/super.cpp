// `super`: attribute lookup that starts after a given class in the MRO of
// an object's type. The zero-argument form is resolved by the VM (it finds
// the __class__ cell and the first argument) and arrives here through
// super_new_with() or as super(type, obj).
#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/code_object.h"
#include "vm/frame.h"
#include "vm/function.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type super_type;

namespace {

struct SuperObject : Object {
  Type* type = nullptr;      // owned: the class after which lookup starts
  Object* obj = nullptr;     // owned: the instance or class bound (nullptr = unbound)
  Type* obj_type = nullptr;  // owned: whose MRO is searched
};

SuperObject* as_super(Object* o) { return static_cast<SuperObject*>(o); }

void super_dealloc(Object* o) {
  auto* s = as_super(o);
  Object* t = s->type;
  Object* ot = s->obj_type;
  s->type = nullptr;
  s->obj_type = nullptr;
  xdecref(t);
  xdecref(ot);
  clear_ref(s->obj);
  free_object(o);
}

// The type whose MRO super() searches for obj: obj itself if it is a
// subclass of `type`, else type(obj) (or obj.__class__).
Type* supercheck(ThreadState* ts, Type* type, Object* obj) {
  if (has_flag(obj->ob_type, kTypeTypeSubclass) && is_subtype(static_cast<Type*>(obj), type)) {
    return static_cast<Type*>(obj);
  }
  if (is_subtype(obj->ob_type, type)) return obj->ob_type;
  Ref cls = Ref::steal(lookup_attr(ts, obj, ts->id->dunder_class));
  if (cls && has_flag(cls->ob_type, kTypeTypeSubclass) && cls.get() != obj->ob_type &&
      is_subtype(static_cast<Type*>(cls.get()), type)) {
    return static_cast<Type*>(cls.get());
  }
  if (!runtime::has_exception(ts)) {
    raise(ts, &exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
  }
  return nullptr;
}

int super_fill(ThreadState* ts, SuperObject* s, Type* type, Object* obj) {
  Type* obj_type = nullptr;
  if (obj) {
    obj_type = supercheck(ts, type, obj);
    if (!obj_type) return -1;
  }
  incref(type);
  Object* old_t = s->type;
  Object* old_ot = s->obj_type;
  s->type = type;
  set_ref(s->obj, xnew_ref(obj));
  if (obj_type) incref(obj_type);
  s->obj_type = obj_type;
  xdecref(old_t);
  xdecref(old_ot);
  return 0;
}

int super_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "super", kwnames) < 0) return -1;
  if (nargs == 0) {
    // Zero-argument super(): the calling frame's first argument and its
    // __class__ cell (the compiler makes one when a method uses super).
    vm::Frame* f = ts->current_frame;
    if (!f || !f->code) {
      raise(ts, &exc::RuntimeError, "super(): no current frame");
      return -1;
    }
    vm::CodeObj* code = f->code;
    if (code->co->argcount == 0 && !(code->flags & vm::CO_VARARGS)) {
      raise(ts, &exc::RuntimeError, "super(): no arguments");
      return -1;
    }
    Object* first = f->localsplus[0];
    if (first && first->ob_type == &vm::cell_type && (code->co->localsplus_kinds[0] & vm::CO_FAST_CELL))
      first = static_cast<vm::Cell*>(first)->ref;
    if (!first) {
      raise(ts, &exc::RuntimeError, "super(): arg[0] deleted");
      return -1;
    }
    for (int i = 0; i < code->nlocalsplus; ++i) {
      if (!(code->co->localsplus_kinds[static_cast<size_t>(i)] & vm::CO_FAST_FREE)) continue;
      if (!str_equal(tuple_items(code->localsplus)[i], ts->id->dunder_class)) continue;
      Object* cell = f->localsplus[i];
      Object* cls = cell && cell->ob_type == &vm::cell_type ? static_cast<vm::Cell*>(cell)->ref : nullptr;
      if (!cls) {
        raise(ts, &exc::RuntimeError, "super(): empty __class__ cell");
        return -1;
      }
      if (!has_flag(cls->ob_type, kTypeTypeSubclass)) {
        raise(ts, &exc::RuntimeError, "super(): __class__ is not a type");
        return -1;
      }
      return super_fill(ts, as_super(self), static_cast<Type*>(cls), first);
    }
    raise(ts, &exc::RuntimeError, "super(): __class__ cell not found");
    return -1;
  }
  if (check_nargs(ts, "super", nargs, 1, 2) < 0) return -1;
  if (!has_flag(args[0]->ob_type, kTypeTypeSubclass)) {
    raise_format(ts, &exc::TypeError, "super() argument 1 must be a type, not %s", tp_name(args[0]));
    return -1;
  }
  Object* obj = nargs == 2 && !is_none(args[1]) ? args[1] : nullptr;
  return super_fill(ts, as_super(self), static_cast<Type*>(args[0]), obj);
}

Object* super_getattro(ThreadState* ts, Object* self, Object* name) {
  auto* s = as_super(self);
  // __class__ is the super object's own; everything else starts after type.
  if (s->obj_type && !(is_str(name) && str_equal(name, ts->id->dunder_class))) {
    Ref keep_mro = Ref::borrow(s->obj_type->mro);
    if (Object* res = super_lookup_borrowed(ts, s->type, s->obj_type, name)) {
      Ref keep = Ref::borrow(res);
      if (DescrGetFn get = res->ob_type->descr_get) {
        // An unbound lookup on the class itself passes no instance.
        Object* inst = s->obj == s->obj_type ? nullptr : s->obj;
        return get(ts, res, inst, s->obj_type);
      }
      return keep.release();
    }
    if (runtime::has_exception(ts)) return nullptr;
  }
  return generic_get_attr(ts, self, name);
}

Object* super_descr_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  auto* s = as_super(self);
  if (!obj || s->obj) return new_ref(self);
  Ref r = Ref::steal(alloc_object(ts, self->ob_type, self->ob_type->basicsize));
  if (!r || super_fill(ts, as_super(r.get()), s->type, obj) < 0) return nullptr;
  return r.release();
}

Object* super_repr(ThreadState* ts, Object* self) {
  auto* s = as_super(self);
  const char* tn = s->type ? type_tp_name(s->type) : "NULL";
  if (s->obj_type) return str_from_format(ts, "<super: <class '%s'>, <%s object>>", tn, type_tp_name(s->obj_type));
  return str_from_format(ts, "<super: <class '%s'>, NULL>", tn);
}

Object* super_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  return type_generic_alloc(ts, type, 0);
}

Object* super_get_thisclass(ThreadState*, Object* self) {
  Object* t = as_super(self)->type;
  return t ? new_ref(t) : py_none();
}
Object* super_get_self(ThreadState*, Object* self) {
  Object* o = as_super(self)->obj;
  return o ? new_ref(o) : py_none();
}
Object* super_get_self_class(ThreadState*, Object* self) {
  Object* t = as_super(self)->obj_type;
  return t ? new_ref(t) : py_none();
}

constexpr GetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, nullptr, "the class invoking super()"},
    {"__self__", super_get_self, nullptr, "the instance invoking super(); may be None"},
    {"__self_class__", super_get_self_class, nullptr, "the type of the instance invoking super(); may be None"},
    {},
};

}  // namespace

Object* super_new_with(ThreadState* ts, Type* type, Object* obj) {
  Ref r = Ref::steal(type_generic_alloc(ts, &super_type, 0));
  if (!r || super_fill(ts, as_super(r.get()), type, obj) < 0) return nullptr;
  return r.release();
}

void init_super_type(Type& t) {
  t.name = "super";
  t.doc =
      "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\n"
      "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
      "super(type, type2) -> bound super object; requires issubclass(type2, type)";
  t.basicsize = sizeof(SuperObject);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = super_dealloc;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    SuperObject* s = as_super(o);
    for (Object* c : {static_cast<Object*>(s->type), s->obj, static_cast<Object*>(s->obj_type)})
      if (c && visit(c, arg)) return 1;
    return 0;
  };
  t.getattro = super_getattro;
  t.descr_get = super_descr_get;
  t.repr = super_repr;
  t.init = super_init;
  t.new_ = super_new;
  t.getsets = super_getsets;
}

Object* super_lookup_borrowed(ThreadState* ts, Type* start, Type* obj_type, Object* name) {
  Object* mro = obj_type->mro;
  int64_t n = mro ? tuple_size(mro) : 0;
  int64_t i = 0;
  while (i + 1 < n && tuple_items(mro)[i] != start) ++i;
  for (++i; i < n; ++i) {
    Object* d = static_cast<Type*>(tuple_items(mro)[i])->dict;
    Object* res = d ? dict_get_item_borrowed(ts, d, name) : nullptr;
    if (res || runtime::has_exception(ts)) return res;
  }
  return nullptr;
}

}  // namespace spindle::objects
