// `object`: the root type, and the generic attribute protocol every class
// inherits (object.__getattribute__ / __setattr__ / __delattr__).
//
// Attribute lookup precedence (generic_get_attr): a data descriptor found on
// the type wins over the instance __dict__, which wins over a non-data
// descriptor or plain class attribute.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "modules/import.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type object_type;

namespace {

bool excess_args(size_t nargs, Object* kwnames) { return nargs != 0 || kwnames_count(kwnames) != 0; }

int object_init(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kwnames);

Object* object_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->new_ != object_new) {
      return raise(ts, &exc::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->init == object_init) return raise_format(ts, &exc::TypeError, "%s() takes no arguments", type_tp_name(type));
  }
  if (has_flag(type, kTypeAbstract)) {
    // "Can't instantiate abstract class A with abstract methods f, g".
    Ref am = Ref::steal(get_attr_str(ts, type, "__abstractmethods__"));
    if (!am) return nullptr;
    Ref sorted = Ref::steal(sequence_list(ts, am.get()));
    if (!sorted) return nullptr;
    Ref r = Ref::steal(call_method(ts, sorted.get(), Ref::steal(str_intern_cstr(ts, "sort")).get(), nullptr, 0));
    if (!r) return nullptr;
    std::string joined;
    int64_t n = length(ts, sorted.get());
    for (int64_t i = 0; i < n; ++i) {
      Ref idx = Ref::steal(int_from_i64(ts, i));
      Ref item = Ref::steal(get_item(ts, sorted.get(), idx.get()));
      if (!item) return nullptr;
      if (i) joined += ", ";
      joined += utf8_of(ts, item.get());
    }
    return raise_format(ts, &exc::TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                        type_tp_name(type), n > 1 ? "s" : "", joined.c_str());
  }
  return object_generic_new(ts, type, args, nargs, kwnames);
}

int object_init(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kwnames) {
  Type* type = self->ob_type;
  if (excess_args(nargs, kwnames)) {
    if (type->init != object_init) {
      raise(ts, &exc::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_ == object_new) {
      raise_format(ts, &exc::TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                   type_tp_name(type));
      return -1;
    }
  }
  return 0;
}

// object.__str__ calls the repr slot itself (as CPython's object_str), so a
// non-str result is reported by str() as __str__'s.
Object* object_str(ThreadState* ts, Object* self) {
  UnaryFn f = self->ob_type->repr;
  return f ? f(ts, self) : object_default_repr(ts, self);
}

Object* object_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return a == b ? new_ref(py_bool(true)) : py_not_implemented();
    case CompareOp::Ne: {
      // __ne__ inverts __eq__ unless that is NotImplemented.
      RichCompareFn eq = a->ob_type->richcompare;
      if (!eq) return py_not_implemented();
      Object* r = eq(ts, a, b, CompareOp::Eq);
      if (!r || r == py_not_implemented()) return r;
      int t = is_true(ts, r);
      decref(r);
      if (t < 0) return nullptr;
      return new_ref(py_bool(!t));
    }
    default:
      return py_not_implemented();
  }
}

// ---------------------------------------------------------------------------
// __class__ and its assignment checks
// ---------------------------------------------------------------------------

Object* object_get_class(ThreadState*, Object* self) { return new_ref(static_cast<Object*>(self->ob_type)); }

int object_set_class(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!has_flag(value->ob_type, kTypeTypeSubclass)) {
    raise_format(ts, &exc::TypeError, "__class__ must be set to a class, not '%s' object", tp_name(value));
    return -1;
  }
  Type* newto = static_cast<Type*>(value);
  Type* oldto = self->ob_type;
  if (!has_flag(newto, kTypeHeap) || !has_flag(oldto, kTypeHeap)) {
    // Module subclasses are allowed in CPython; modules are the mod helper's.
    raise(ts, &exc::TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!compatible_for_assignment(ts, oldto, newto, "__class__")) return -1;
  // Inline values are described by the class's keys: keep them in a dict.
  Object** slot = instance_dict_ptr(self);
  if (slot && *slot && slot_holds_values(*slot) && newto->cached_keys != oldto->cached_keys &&
      !instance_dict_borrowed(ts, self)) {
    return -1;
  }
  incref(newto);
  self->ob_type = newto;
  decref(oldto);
  return 0;
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

Object* object_format(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* spec = args[0];
  if (!is_str(spec)) {
    return raise_format(ts, &exc::TypeError, "format() argument 2 must be str, not %s", tp_name(spec));
  }
  if (str_length(spec) > 0) {
    return raise_format(ts, &exc::TypeError, "unsupported format string passed to %s.__format__",
                        type_tp_name(self->ob_type));
  }
  return str(ts, self);
}

Object* object_init_subclass(ThreadState*, Object*, Object* const*, size_t, Object*) { return py_none(); }

Object* object_subclasshook(ThreadState*, Object*, Object* const*, size_t, Object*) { return py_not_implemented(); }

Object* object_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Type* t = self->ob_type;
  int64_t size = static_cast<int64_t>(t->basicsize);
  if (t->itemsize) {
    int64_t n = length(ts, self);
    if (n < 0) {
      runtime::clear_exception(ts);
      n = 0;
    }
    size += n * static_cast<int64_t>(t->itemsize);
  }
  return int_from_i64(ts, size);
}

Object* object_dir(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  // The instance __dict__'s keys, then those of the class and its bases.
  Ref result = Ref::steal(dict_new(ts));
  if (!result) return nullptr;
  Ref d = Ref::steal(lookup_attr(ts, self, ts->id->dunder_dict));
  if (!d && runtime::has_exception(ts)) return nullptr;
  if (d && has_flag(d->ob_type, kTypeDictSubclass)) {
    size_t pos = 0;
    Object* k;
    Object* v;
    while (dict_next(d.get(), &pos, &k, &v)) {
      if (dict_set_item(ts, result.get(), k, py_none()) < 0) return nullptr;
    }
  }
  Ref cls = Ref::steal(lookup_attr(ts, self, ts->id->dunder_class));
  if (!cls && runtime::has_exception(ts)) return nullptr;
  if (cls && has_flag(cls->ob_type, kTypeTypeSubclass)) {
    Type* t = static_cast<Type*>(cls.get());
    for (int64_t i = 0; i < tuple_size(t->mro); ++i) {
      Object* cd = static_cast<Type*>(tuple_items(t->mro)[i])->dict;
      size_t pos = 0;
      Object* k;
      Object* v;
      while (dict_next(cd, &pos, &k, &v)) {
        if (dict_set_item(ts, result.get(), k, py_none()) < 0) return nullptr;
      }
    }
  }
  return sequence_list(ts, result.get());
}

// object.__getstate__() (3.11): None or the instance __dict__ itself, paired
// as (dict-or-None, {slot: value}) when __slots__ members hold values. The
// slot names are those copyreg._slotnames lists: every class of the MRO's
// own __slots__, mangled, without __dict__ and __weakref__.
Object* object_getstate(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref state = Ref::borrow(py_none());
  if (Object** slot = instance_dict_ptr(self); slot && *slot) {
    Object* d = instance_dict_borrowed(ts, self);
    if (!d && runtime::has_exception(ts)) return nullptr;
    if (d && dict_size(d) > 0) state = Ref::borrow(d);
  }
  Ref slots;
  Object* mro = self->ob_type->mro;
  for (int64_t i = 0; mro && i < tuple_size(mro); ++i) {
    auto* t = static_cast<Type*>(tuple_items(mro)[i]);
    if (!has_flag(t, kTypeHeap)) continue;
    auto* ht = static_cast<HeapType*>(t);
    if (!ht->slot_members) continue;
    for (MemberDef* m = ht->slot_members; m->name; ++m) {
      Ref name = Ref::steal(str_from_cstr(ts, m->name));
      if (!name) return nullptr;
      Ref value = Ref::steal(lookup_attr(ts, self, name.get()));
      if (!value) {
        if (runtime::has_exception(ts)) return nullptr;
        continue;
      }
      if (!slots) {
        slots = Ref::steal(dict_new(ts));
        if (!slots) return nullptr;
      }
      if (dict_set_item(ts, slots.get(), name.get(), value.get()) < 0) return nullptr;
    }
  }
  if (slots) return tuple_pack(ts, {state.get(), slots.get()});
  return state.release();
}

// --- pickling support (object.__reduce_ex__ / __reduce__) ---------------------

// The first builtin (non-heap) type of o's MRO: the layout its instances share.
Type* solid_builtin_base(Object* o) {
  Object* mro = o->ob_type->mro;
  for (int64_t i = 0; mro && i < tuple_size(mro); ++i) {
    auto* t = static_cast<Type*>(tuple_items(mro)[i]);
    if (!has_flag(t, kTypeHeap)) return t;
  }
  return &object_type;
}

Object* copyreg_attr(ThreadState* ts, const char* name) {
  Ref copyreg = Ref::steal(modules::import_module(ts, "copyreg"));
  if (!copyreg) return nullptr;
  return get_attr_str(ts, copyreg.get(), name);
}

// The state of a reduce value: __getstate__(), or object.__getstate__'s
// default, which refuses (when the state is `required` to rebuild the
// object) instances whose builtin base holds data of its own.
Object* reduce_state(ThreadState* ts, Object* self, bool required) {
  Ref name = Ref::steal(str_intern_cstr(ts, "__getstate__"));
  if (!name) return nullptr;
  Object* own = type_lookup_borrowed(self->ob_type, name.get());
  if (own && own == type_lookup_borrowed(&object_type, name.get())) {
    Type* solid = solid_builtin_base(self);
    if (required && solid != &object_type) {
      return raise_format(ts, &exc::TypeError, "cannot pickle '%s' object", tp_name(self));
    }
    return object_getstate(ts, self, nullptr, 0, nullptr);
  }
  Ref getstate = Ref::steal(get_attr(ts, self, name.get()));
  if (!getstate) return nullptr;
  return call(ts, getstate.get(), nullptr, 0);
}

// Protocol 2 and later: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems),
// or copyreg.__newobj_ex__ with (cls, args, kwargs) when __getnewargs_ex__ gives keywords.
Object* reduce_newobj(ThreadState* ts, Object* self) {
  if (!self->ob_type->new_) return raise_format(ts, &exc::TypeError, "cannot pickle '%s' object", tp_name(self));
  Ref args, kwargs;
  Ref ex_name = Ref::steal(str_intern_cstr(ts, "__getnewargs_ex__"));
  Ref getnewargs_ex = Ref::steal(lookup_special(ts, self, ex_name.get()));
  if (getnewargs_ex) {
    Ref r = Ref::steal(call(ts, getnewargs_ex.get(), nullptr, 0));
    if (!r) return nullptr;
    if (!is_tuple(r.get())) {
      return raise_format(ts, &exc::TypeError, "__getnewargs_ex__ should return a tuple, not '%s'", tp_name(r.get()));
    }
    if (tuple_size(r.get()) != 2) {
      return raise_format(ts, &exc::ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                          static_cast<long long>(tuple_size(r.get())));
    }
    args = Ref::borrow(tuple_items(r.get())[0]);
    kwargs = Ref::borrow(tuple_items(r.get())[1]);
    if (!is_tuple(args.get())) {
      return raise_format(ts, &exc::TypeError,
                          "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                          tp_name(args.get()));
    }
    if (!is_dict(kwargs.get())) {
      return raise_format(ts, &exc::TypeError,
                          "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                          tp_name(kwargs.get()));
    }
  } else {
    if (runtime::has_exception(ts)) return nullptr;
    Ref plain_name = Ref::steal(str_intern_cstr(ts, "__getnewargs__"));
    Ref getnewargs = Ref::steal(lookup_special(ts, self, plain_name.get()));
    if (getnewargs) {
      args = Ref::steal(call(ts, getnewargs.get(), nullptr, 0));
      if (!args) return nullptr;
      if (!is_tuple(args.get())) {
        return raise_format(ts, &exc::TypeError, "__getnewargs__ should return a tuple, not '%s'", tp_name(args.get()));
      }
    } else if (runtime::has_exception(ts)) {
      return nullptr;
    }
  }
  bool hasargs = static_cast<bool>(args);
  Ref newobj, newargs;
  if (!kwargs || dict_size(kwargs.get()) == 0) {
    newobj = Ref::steal(copyreg_attr(ts, "__newobj__"));
    if (!newobj) return nullptr;
    int64_t n = args ? tuple_size(args.get()) : 0;
    newargs = Ref::steal(tuple_new(ts, static_cast<size_t>(n + 1)));
    if (!newargs) return nullptr;
    tuple_items(newargs.get())[0] = new_ref(static_cast<Object*>(self->ob_type));
    for (int64_t i = 0; i < n; ++i) tuple_items(newargs.get())[i + 1] = new_ref(tuple_items(args.get())[i]);
  } else {
    newobj = Ref::steal(copyreg_attr(ts, "__newobj_ex__"));
    if (!newobj) return nullptr;
    newargs = Ref::steal(tuple_pack(ts, {self->ob_type, args.get(), kwargs.get()}));
    if (!newargs) return nullptr;
  }
  Ref state = Ref::steal(reduce_state(ts, self, !(hasargs || is_list(self) || is_dict(self))));
  if (!state) return nullptr;
  Ref listitems = Ref::borrow(py_none()), dictitems = Ref::borrow(py_none());
  if (is_list(self)) {
    listitems = Ref::steal(get_iter(ts, self));
    if (!listitems) return nullptr;
  }
  if (is_dict(self)) {
    Ref items_name = Ref::steal(str_intern_cstr(ts, "items"));
    Ref items = Ref::steal(call_method(ts, self, items_name.get(), nullptr, 0));
    if (!items) return nullptr;
    dictitems = Ref::steal(get_iter(ts, items.get()));
    if (!dictitems) return nullptr;
  }
  return tuple_pack(ts, {newobj.get(), newargs.get(), state.get(), listitems.get(), dictitems.get()});
}

// Protocols 0 and 1 (copyreg._reduce_ex): (copyreg._reconstructor, (cls, base, state)[, dict]).
Object* reduce_reconstructor(ThreadState* ts, Object* self) {
  Type* cls = self->ob_type;
  Type* base = solid_builtin_base(self);
  Ref state = Ref::borrow(py_none());
  if (base != &object_type) {
    if (base == cls) return raise_format(ts, &exc::TypeError, "cannot pickle '%s' object", type_name(cls));
    Object* a = self;
    state = Ref::steal(call(ts, base, &a, 1));
    if (!state) return nullptr;
  }
  Ref args = Ref::steal(tuple_pack(ts, {cls, base, state.get()}));
  Ref ctor = Ref::steal(copyreg_attr(ts, "_reconstructor"));
  if (!args || !ctor) return nullptr;
  Ref slots_name = Ref::steal(str_intern_cstr(ts, "__slots__"));
  Ref getstate_name = Ref::steal(str_intern_cstr(ts, "__getstate__"));
  Object* own = type_lookup_borrowed(cls, getstate_name.get());
  if (own && own == type_lookup_borrowed(&object_type, getstate_name.get())) {
    Ref slots = Ref::steal(lookup_attr(ts, self, slots_name.get()));
    if (!slots && runtime::has_exception(ts)) return nullptr;
    if (slots) {
      int t = is_true(ts, slots.get());
      if (t < 0) return nullptr;
      if (t) return raise(ts, &exc::TypeError, "a class that defines __slots__ without defining __getstate__ cannot be pickled");
    }
  }
  Ref getstate = Ref::steal(get_attr(ts, self, getstate_name.get()));
  if (!getstate) return nullptr;
  Ref dict = Ref::steal(call(ts, getstate.get(), nullptr, 0));
  if (!dict) return nullptr;
  int t = is_true(ts, dict.get());
  if (t < 0) return nullptr;
  if (t) return tuple_pack(ts, {ctor.get(), args.get(), dict.get()});
  return tuple_pack(ts, {ctor.get(), args.get()});
}

Object* common_reduce(ThreadState* ts, Object* self, int64_t protocol) {
  return protocol >= 2 ? reduce_newobj(ts, self) : reduce_reconstructor(ts, self);
}

Object* object_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return common_reduce(ts, self, 0); }

// A class's own __reduce__ wins; otherwise the protocol's default reduction.
Object* object_reduce_ex(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t protocol = as_ssize(ts, args[0], nullptr);
  if (protocol == -1 && runtime::has_exception(ts)) return nullptr;
  Ref name = Ref::steal(str_intern_cstr(ts, "__reduce__"));
  Object* own = type_lookup_borrowed(self->ob_type, name.get());
  if (own && own != type_lookup_borrowed(&object_type, name.get())) {
    Ref reduce = Ref::steal(get_attr(ts, self, name.get()));
    if (!reduce) return nullptr;
    return call(ts, reduce.get(), nullptr, 0);
  }
  return common_reduce(ts, self, protocol);
}

constexpr MethodDef object_methods[] = {
    {"__format__", object_format, kMethO, "Default object formatter."},
    {"__init_subclass__", object_init_subclass, kMethNoArgs | kMethClass,
     "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\n"
     "overridden to extend subclasses.\n"},
    {"__subclasshook__", object_subclasshook, kMethKeywords | kMethClass,
     "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", object_sizeof, kMethNoArgs, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, kMethNoArgs, "Default dir() implementation."},
    {"__getstate__", object_getstate, kMethNoArgs, "Helper for pickle."},
    {"__reduce_ex__", object_reduce_ex, kMethO, "Helper for pickle."},
    {"__reduce__", object_reduce, kMethNoArgs, "Helper for pickle."},
    {},
};

constexpr GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class"},
    {},
};

}  // namespace

// ===========================================================================
// Exported defaults
// ===========================================================================

Object* object_generic_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  return type_generic_alloc(ts, type, 0);
}

int64_t object_generic_hash(ThreadState*, Object* o) {
  // The address rotated by 4 bits: the low bits of aligned pointers are zero.
  auto p = reinterpret_cast<uintptr_t>(o);
  auto h = static_cast<int64_t>((p >> 4) | (p << (8 * sizeof(p) - 4)));
  return h == -1 ? -2 : h;
}

Object* object_default_repr(ThreadState* ts, Object* o) {
  Type* t = o->ob_type;
  Ref mod = Ref::steal(type_module(ts, t));
  if (!mod) runtime::clear_exception(ts);
  Ref qn = Ref::steal(type_qualname(ts, t));
  if (!qn) return nullptr;
  if (mod && is_str(mod.get()) && std::strcmp(utf8_of(ts, mod.get()), "builtins") != 0) {
    return str_from_format(ts, "<%s.%s object at %p>", utf8_of(ts, mod.get()), utf8_of(ts, qn.get()),
                           static_cast<void*>(o));
  }
  return str_from_format(ts, "<%s object at %p>", utf8_of(ts, qn.get()), static_cast<void*>(o));
}

void object_default_dealloc(Object* o) { free_object(o); }

// ===========================================================================
// The generic attribute protocol
// ===========================================================================

Object* generic_get_attr(ThreadState* ts, Object* o, Object* name) {
  if (!is_str(name)) {
    return raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", tp_name(name));
  }
  Type* tp = o->ob_type;
  Ref descr = Ref::borrow(type_lookup_borrowed(tp, name));
  DescrGetFn get = nullptr;
  if (descr) {
    get = descr->ob_type->descr_get;
    if (get && descr->ob_type->descr_set) return get(ts, descr.get(), o, tp);
  }
  if (instance_dict_ptr(o)) {
    if (Object* v = instance_attr_lookup(ts, o, name)) return v;
    if (runtime::has_exception(ts)) return nullptr;
  }
  if (get) return get(ts, descr.get(), o, tp);
  if (descr) return descr.release();
  return raise_format(ts, &exc::AttributeError, "'%s' object has no attribute '%s'", type_tp_name(tp), utf8_of(ts, name));
}

int generic_set_attr(ThreadState* ts, Object* o, Object* name, Object* value) {
  if (!is_str(name)) {
    raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", tp_name(name));
    return -1;
  }
  Type* tp = o->ob_type;
  Ref descr = Ref::borrow(type_lookup_borrowed(tp, name));
  if (descr && descr->ob_type->descr_set) return descr->ob_type->descr_set(ts, descr.get(), o, value);
  Object** dp = instance_dict_ptr(o);
  if (!dp) {
    if (descr) {
      raise_format(ts, &exc::AttributeError, "'%s' object attribute '%s' is read-only", type_tp_name(tp),
                   utf8_of(ts, name));
    } else {
      raise_format(ts, &exc::AttributeError, "'%s' object has no attribute '%s'", type_tp_name(tp), utf8_of(ts, name));
    }
    return -1;
  }
  int r = instance_attr_store(ts, o, name, value);
  if (r == 1) {
    raise_format(ts, &exc::AttributeError, "'%s' object has no attribute '%s'", type_tp_name(tp), utf8_of(ts, name));
    return -1;
  }
  return r;
}

void init_object_type(Type& t) {
  t.name = "object";
  t.doc =
      "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\n"
      "instance that has no instance attributes and cannot be given any.\n";
  t.basicsize = sizeof(Object);
  t.flags = kTypeBaseType;
  t.dealloc = object_default_dealloc;
  t.repr = object_default_repr;
  t.str = object_str;
  t.hash = object_generic_hash;
  t.getattro = generic_get_attr;
  t.setattro = generic_set_attr;
  t.richcompare = object_richcompare;
  t.init = object_init;
  t.new_ = object_new;
  t.methods = object_methods;
  t.getsets = object_getsets;
}

}  // namespace spindle::objects
