// The abc module: ABCMeta (a static subclass of `type`), ABC, the
// abstractmethod decorators, and the registry/caches behind isinstance() and
// issubclass() on abstract base classes.
//
// Invariants:
//   * Every class made by ABCMeta.__new__ holds `_abc_impl` (an _abc_data) in
//     its namespace and a frozenset `__abstractmethods__`; a non-empty set
//     marks the type kTypeAbstract, which object.__new__ refuses to instantiate.
//   * The positive cache only grows until _abc_caches_clear(); the negative
//     cache is valid while its version equals the invalidation counter, which
//     every register() bumps (get_cache_token() reports it).
//   * Registry and caches hold strong references (CPython's hold weak ones),
//     visible to the cycle collector through traverse.
#include <atomic>

#include "modules/abc_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
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

namespace {

// The invalidation counter is process-wide: tokens are only compared for
// equality, and a counter shared by interpreters merely invalidates negative
// caches a little more often than needed.
std::atomic<int64_t> abc_invalidation_counter{0};

// ---------------------------------------------------------------------------
// _abc_data: the per-class registry and caches
// ---------------------------------------------------------------------------

struct AbcData : Object {
  Object* registry = nullptr;        // set of registered virtual subclasses
  Object* cache = nullptr;           // set: known subclasses
  Object* negative_cache = nullptr;  // set: known non-subclasses
  int64_t negative_version = 0;      // counter value the negative cache belongs to
};

void abc_data_dealloc(Object* o) {
  auto* d = static_cast<AbcData*>(o);
  xdecref(d->registry);
  xdecref(d->cache);
  xdecref(d->negative_cache);
  free_object(o);
}

int abc_data_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<AbcData*>(o);
  for (Object* c : {d->registry, d->cache, d->negative_cache})
    if (c && visit(c, arg)) return 1;
  return 0;
}

int abc_data_clear(Object* o) {
  auto* d = static_cast<AbcData*>(o);
  clear_ref(d->registry);
  clear_ref(d->cache);
  clear_ref(d->negative_cache);
  return 0;
}

Object* abc_data_new(ThreadState* ts) {
  auto* d = static_cast<AbcData*>(type_generic_alloc(ts, &abc_data_type, 0));
  if (!d) return nullptr;
  Ref ref = Ref::steal(d);
  d->registry = set_new(ts, nullptr);
  d->cache = set_new(ts, nullptr);
  d->negative_cache = set_new(ts, nullptr);
  if (!d->registry || !d->cache || !d->negative_cache) return nullptr;
  d->negative_version = abc_invalidation_counter.load();
  return ref.release();
}

Object* name_of(ThreadState* ts, const char* s) { return str_intern_cstr(ts, s); }

// cls._abc_impl, checked to be an _abc_data: a new reference.
Object* get_impl(ThreadState* ts, Object* cls) {
  Ref name = Ref::steal(name_of(ts, "_abc_impl"));
  Ref impl = Ref::steal(get_attr(ts, cls, name.get()));
  if (!impl) return nullptr;
  if (impl->ob_type != &abc_data_type) return raise(ts, &exc::TypeError, "_abc_impl is set to a wrong type");
  return impl.release();
}

// Whether getattr(o, "__isabstractmethod__", False) is true. 0/1/-1.
int is_abstract(ThreadState* ts, Object* o) {
  Ref name = Ref::steal(name_of(ts, "__isabstractmethod__"));
  Ref v = Ref::steal(lookup_attr(ts, o, name.get()));
  if (!v) return runtime::has_exception(ts) ? -1 : 0;
  return is_true(ts, v.get());
}

// ---------------------------------------------------------------------------
// __abstractmethods__
// ---------------------------------------------------------------------------

// Adds the names of cls's abstract methods to `abstracts`: those of its own
// namespace, and the base classes' abstract names still abstract on cls.
int collect_abstracts(ThreadState* ts, Object* cls, Object* abstracts) {
  Type* t = static_cast<Type*>(cls);
  Ref items = Ref::steal(dict_copy(ts, t->dict));
  if (!items) return -1;
  size_t pos = 0;
  Object* key;
  Object* value;
  while (dict_next(items.get(), &pos, &key, &value)) {
    int a = is_abstract(ts, value);
    if (a < 0) return -1;
    if (a && set_add(ts, abstracts, key) < 0) return -1;
  }
  Ref bases_name = Ref::steal(name_of(ts, "__bases__"));
  Ref bases = Ref::steal(get_attr(ts, cls, bases_name.get()));
  if (!bases) return -1;
  if (!is_tuple(bases.get())) {
    raise(ts, &exc::TypeError, "__bases__ is not tuple");
    return -1;
  }
  Ref am_name = Ref::steal(name_of(ts, "__abstractmethods__"));
  for (int64_t i = 0; i < tuple_size(bases.get()); ++i) {
    Ref base_abstracts = Ref::steal(lookup_attr(ts, tuple_item_borrowed(bases.get(), i), am_name.get()));
    if (!base_abstracts) {
      if (runtime::has_exception(ts)) return -1;
      continue;
    }
    Ref it = Ref::steal(get_iter(ts, base_abstracts.get()));
    if (!it) return -1;
    while (Object* n = iter_next(ts, it.get())) {
      Ref nm = Ref::steal(n);
      Ref v = Ref::steal(lookup_attr(ts, cls, nm.get()));
      if (!v) {
        if (runtime::has_exception(ts)) return -1;
        continue;
      }
      int a = is_abstract(ts, v.get());
      if (a < 0) return -1;
      if (a && set_add(ts, abstracts, nm.get()) < 0) return -1;
    }
    if (runtime::has_exception(ts)) return -1;
  }
  return 0;
}

int compute_abstract_methods(ThreadState* ts, Object* cls) {
  Ref abstracts = Ref::steal(set_new(ts, nullptr));
  if (!abstracts || collect_abstracts(ts, cls, abstracts.get()) < 0) return -1;
  Ref frozen = Ref::steal(frozenset_new(ts, abstracts.get()));
  Ref am_name = Ref::steal(name_of(ts, "__abstractmethods__"));
  if (!frozen) return -1;
  return set_attr(ts, cls, am_name.get(), frozen.get());
}

// What ABCMeta.__new__ does after type.__new__: abstract methods, the
// `__abc_tpflags__` pattern-matching flags, and the registry/caches.
int abc_init(ThreadState* ts, Object* cls) {
  if (compute_abstract_methods(ts, cls) < 0) return -1;
  Type* t = static_cast<Type*>(cls);
  Ref flags_name = Ref::steal(name_of(ts, "__abc_tpflags__"));
  if (Object* f = dict_get_item_borrowed(ts, t->dict, flags_name.get())) {
    if (is_int(f)) {
      bool overflow = false;
      int64_t v = int_as_i64(ts, f, &overflow);
      // CPython's Py_TPFLAGS_SEQUENCE (1 << 5) and Py_TPFLAGS_MAPPING (1 << 6).
      if (v & (1 << 5)) t->flags |= kTypeSequence;
      if (v & (1 << 6)) t->flags |= kTypeMapping;
    }
    if (dict_del_item(ts, t->dict, flags_name.get()) < 0) return -1;
    type_modified(t);
  }
  Ref impl = Ref::steal(abc_data_new(ts));
  Ref impl_name = Ref::steal(name_of(ts, "_abc_impl"));
  if (!impl || dict_set_item(ts, t->dict, impl_name.get(), impl.get()) < 0) return -1;
  type_modified(t);
  return 0;
}

// ---------------------------------------------------------------------------
// ABCMeta
// ---------------------------------------------------------------------------

Object* abcmeta_new(ThreadState* ts, Type* meta, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs != 3) {
    if (nargs < 3) {
      static const char* const kMissing[] = {"'name', 'bases', and 'namespace'", "'bases' and 'namespace'",
                                             "'namespace'"};
      return raise_format(ts, &exc::TypeError, "ABCMeta.__new__() missing %zu required positional argument%s: %s",
                          3 - nargs, nargs == 2 ? "" : "s", kMissing[nargs]);
    }
    return raise_format(ts, &exc::TypeError, "ABCMeta.__new__() takes 4 positional arguments but %zu were given",
                        nargs + 1);
  }
  Ref cls = Ref::steal(type_type.new_(ts, meta, args, nargs, kwnames));
  if (!cls) return nullptr;
  // type.__new__ may have handed over to a more derived metaclass's __new__.
  if (!is_instance_of(cls.get(), &abcmeta_type)) return cls.release();
  Ref impl_name = Ref::steal(name_of(ts, "_abc_impl"));
  Object* own = dict_get_item_borrowed(ts, static_cast<Type*>(cls.get())->dict, impl_name.get());
  if (!own || own->ob_type != &abc_data_type) {
    if (abc_init(ts, cls.get()) < 0) return nullptr;
  }
  return cls.release();
}

// Marks `sub` (and its subclasses) as sequence/mapping when registered under
// an ABC that is one.
void set_collection_flags(Type* sub, uint64_t flags) {
  if (!has_flag(sub, kTypeHeap) || has_flag(sub, kTypeSequence | kTypeMapping)) return;
  sub->flags |= flags;
}

Object* abcmeta_register(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  Object* sub = args[0];
  if (!has_flag(sub->ob_type, kTypeTypeSubclass)) return raise(ts, &exc::TypeError, "Can only register classes");
  int r = is_subclass(ts, sub, cls);
  if (r < 0) return nullptr;
  if (r) return new_ref(sub);  // already a subclass
  r = is_subclass(ts, cls, sub);
  if (r < 0) return nullptr;
  if (r) return raise(ts, &exc::RuntimeError, "Refusing to create an inheritance cycle");
  Ref impl = Ref::steal(get_impl(ts, cls));
  if (!impl) return nullptr;
  if (set_add(ts, impl.as<AbcData>()->registry, sub) < 0) return nullptr;
  abc_invalidation_counter.fetch_add(1);
  uint64_t flags = static_cast<Type*>(cls)->flags & (kTypeSequence | kTypeMapping);
  if (flags) set_collection_flags(static_cast<Type*>(sub), flags);
  return new_ref(sub);
}

Object* abcmeta_subclasscheck(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*);

// cls.__subclasscheck__(sub) as a truth value. 0/1/-1.
int call_subclasscheck(ThreadState* ts, Object* cls, Object* sub) {
  Ref name = Ref::steal(name_of(ts, "__subclasscheck__"));
  Object* a[1] = {sub};
  Ref r = Ref::steal(call_method(ts, cls, name.get(), a, 1));
  if (!r) return -1;
  return is_true(ts, r.get());
}

Object* abcmeta_instancecheck(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  Object* inst = args[0];
  Ref impl = Ref::steal(get_impl(ts, cls));
  if (!impl) return nullptr;
  auto* d = impl.as<AbcData>();
  Ref class_name = Ref::steal(name_of(ts, "__class__"));
  Ref subclass = Ref::steal(get_attr(ts, inst, class_name.get()));
  if (!subclass) return nullptr;
  int r = set_contains(ts, d->cache, subclass.get());
  if (r) return r < 0 ? nullptr : new_ref(py_true());
  Object* subtype = inst->ob_type;
  if (subtype == subclass.get()) {
    if (d->negative_version == abc_invalidation_counter.load()) {
      r = set_contains(ts, d->negative_cache, subclass.get());
      if (r) return r < 0 ? nullptr : new_ref(py_false());
    }
    Ref name = Ref::steal(name_of(ts, "__subclasscheck__"));
    Object* a[1] = {subclass.get()};
    return call_method(ts, cls, name.get(), a, 1);
  }
  r = call_subclasscheck(ts, cls, subclass.get());
  if (r < 0) return nullptr;
  if (!r) r = call_subclasscheck(ts, cls, subtype);
  if (r < 0) return nullptr;
  return new_ref(py_bool(r));
}

Object* abcmeta_subclasscheck(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  Object* sub = args[0];
  if (!has_flag(sub->ob_type, kTypeTypeSubclass)) return raise(ts, &exc::TypeError, "issubclass() arg 1 must be a class");
  Ref impl = Ref::steal(get_impl(ts, cls));
  if (!impl) return nullptr;
  auto* d = impl.as<AbcData>();
  // 1. The positive cache.
  int r = set_contains(ts, d->cache, sub);
  if (r) return r < 0 ? nullptr : new_ref(py_true());
  // 2. The negative cache, if still valid.
  int64_t token = abc_invalidation_counter.load();
  if (d->negative_version < token) {
    Ref fresh = Ref::steal(set_new(ts, nullptr));
    if (!fresh) return nullptr;
    set_ref(d->negative_cache, fresh.release());
    d->negative_version = token;
  } else {
    r = set_contains(ts, d->negative_cache, sub);
    if (r) return r < 0 ? nullptr : new_ref(py_false());
  }
  auto remember = [&](bool yes) -> Object* {
    if (set_add(ts, yes ? d->cache : d->negative_cache, sub) < 0) return nullptr;
    return new_ref(py_bool(yes));
  };
  // 3. The subclass hook.
  Ref hook_name = Ref::steal(name_of(ts, "__subclasshook__"));
  Object* a[1] = {sub};
  Ref ok = Ref::steal(call_method(ts, cls, hook_name.get(), a, 1));
  if (!ok) return nullptr;
  if (ok.get() == py_true()) return remember(true);
  if (ok.get() == py_false()) return remember(false);
  if (ok.get() != py_not_implemented()) {
    return raise(ts, &exc::AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
  }
  // 4. A direct subclass.
  Object* mro = static_cast<Type*>(sub)->mro;
  if (mro && is_tuple(mro)) {
    for (int64_t i = 0; i < tuple_size(mro); ++i) {
      if (tuple_item_borrowed(mro, i) == cls) return remember(true);
    }
  }
  // 5. A subclass of a registered class.
  Ref registry = Ref::steal(sequence_list(ts, d->registry));
  if (!registry) return nullptr;
  for (int64_t i = 0; i < list_size(registry.get()); ++i) {
    r = is_subclass(ts, sub, list_items(registry.get())[i]);
    if (r < 0) return nullptr;
    if (r) return remember(true);
  }
  // 6. A subclass of a subclass (recursive).
  Ref subs_name = Ref::steal(name_of(ts, "__subclasses__"));
  Ref subs = Ref::steal(call_method(ts, cls, subs_name.get(), nullptr, 0));
  if (!subs) return nullptr;
  Ref subs_list = Ref::steal(sequence_list(ts, subs.get()));
  if (!subs_list) return nullptr;
  for (int64_t i = 0; i < list_size(subs_list.get()); ++i) {
    r = is_subclass(ts, sub, list_items(subs_list.get())[i]);
    if (r < 0) return nullptr;
    if (r) return remember(true);
  }
  // 7. No.
  return remember(false);
}

Object* abcmeta_registry_clear(ThreadState* ts, Object* cls, Object* const*, size_t, Object*) {
  Ref impl = Ref::steal(get_impl(ts, cls));
  if (!impl) return nullptr;
  Ref fresh = Ref::steal(set_new(ts, nullptr));
  if (!fresh) return nullptr;
  set_ref(impl.as<AbcData>()->registry, fresh.release());
  return new_ref(py_none());
}

Object* abcmeta_caches_clear(ThreadState* ts, Object* cls, Object* const*, size_t, Object*) {
  Ref impl = Ref::steal(get_impl(ts, cls));
  if (!impl) return nullptr;
  Ref a = Ref::steal(set_new(ts, nullptr));
  Ref b = Ref::steal(set_new(ts, nullptr));
  if (!a || !b) return nullptr;
  set_ref(impl.as<AbcData>()->cache, a.release());
  set_ref(impl.as<AbcData>()->negative_cache, b.release());
  return new_ref(py_none());
}

const MethodDef abcmeta_methods[] = {
    {"register", abcmeta_register, kMethO, "Register a virtual subclass of an ABC.\n\nReturns the subclass, to allow usage as a class decorator."},
    {"__instancecheck__", abcmeta_instancecheck, kMethO, "Override for isinstance(instance, cls)."},
    {"__subclasscheck__", abcmeta_subclasscheck, kMethO, "Override for issubclass(subclass, cls)."},
    {"_abc_registry_clear", abcmeta_registry_clear, kMethNoArgs, "Clear the registry (for debugging or testing)."},
    {"_abc_caches_clear", abcmeta_caches_clear, kMethNoArgs, "Clear the caches (for debugging or testing)."},
    {},
};

// ---------------------------------------------------------------------------
// Module functions
// ---------------------------------------------------------------------------

Object* abc_abstractmethod(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Ref name = Ref::steal(name_of(ts, "__isabstractmethod__"));
  if (set_attr(ts, args[0], name.get(), py_true()) < 0) return nullptr;
  return new_ref(args[0]);
}

Object* abc_get_cache_token(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return int_from_i64(ts, abc_invalidation_counter.load());
}

Object* abc_update_abstractmethods(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Object* cls = args[0];
  Ref am_name = Ref::steal(name_of(ts, "__abstractmethods__"));
  if (!has_flag(cls->ob_type, kTypeTypeSubclass)) return new_ref(cls);
  Ref current = Ref::steal(lookup_attr(ts, cls, am_name.get()));
  if (!current) return runtime::has_exception(ts) ? nullptr : new_ref(cls);
  if (compute_abstract_methods(ts, cls) < 0) return nullptr;
  return new_ref(cls);
}

const MethodDef abc_functions[] = {
    {"abstractmethod", abc_abstractmethod, kMethO, "A decorator indicating abstract methods."},
    {"get_cache_token", abc_get_cache_token, kMethNoArgs,
     "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith every call to register() on any ABC."},
    {"update_abstractmethods", abc_update_abstractmethods, kMethO, "Recalculate the set of abstract methods of an abstract class."},
    {},
};

// abstractclassmethod / abstractstaticmethod: __init__ marks the callable
// abstract, then initializes the classmethod / staticmethod.
int mark_abstract(ThreadState* ts, Object* callable) {
  Ref name = Ref::steal(name_of(ts, "__isabstractmethod__"));
  return set_attr(ts, callable, name.get(), py_true());
}

Object* abstract_wrapper_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames,
                              Type* base) {
  if (nargs == 1 && kwnames_count(kwnames) == 0 && mark_abstract(ts, args[0]) < 0) return nullptr;
  if (base->init(ts, self, args, nargs, kwnames) < 0) return nullptr;
  return new_ref(py_none());
}

Object* abstractclassmethod_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return abstract_wrapper_init(ts, self, args, nargs, kwnames, &classmethod_type);
}
Object* abstractstaticmethod_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return abstract_wrapper_init(ts, self, args, nargs, kwnames, &staticmethod_type);
}

const MethodDef abstractclassmethod_init_def = {"__init__", abstractclassmethod_init, kMethKeywords, nullptr};
const MethodDef abstractstaticmethod_init_def = {"__init__", abstractstaticmethod_init, kMethKeywords, nullptr};

// A heap class `name(base)` of module abc whose instances say they are abstract.
Object* make_abstract_wrapper(ThreadState* ts, const char* name, Type* base, const char* doc,
                              const MethodDef* init_def) {
  Ref ns = Ref::steal(dict_new(ts));
  if (!ns) return nullptr;
  Ref mod = Ref::steal(str_from_cstr(ts, "abc"));
  Ref d = Ref::steal(str_from_cstr(ts, doc));
  if (!mod || !d || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0 ||
      dict_set_item_str(ts, ns.get(), "__doc__", d.get()) < 0 ||
      dict_set_item_str(ts, ns.get(), "__isabstractmethod__", py_true()) < 0) {
    return nullptr;
  }
  Ref cls = Ref::steal(make_class(ts, &type_type, name, {base}, ns.get()));
  if (!cls) return nullptr;
  if (init_def && add_method(ts, cls.get(), init_def) < 0) return nullptr;
  return cls.release();
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared with collections.abc (abc_support.h)
// ---------------------------------------------------------------------------

Object* make_class(ThreadState* ts, Type* meta, const char* name, std::initializer_list<Object*> bases,
                   Object* ns) {
  Ref name_str = Ref::steal(str_from_cstr(ts, name));
  Ref bases_tuple = Ref::steal(tuple_pack(ts, bases));
  if (!name_str || !bases_tuple) return nullptr;
  Object* a[3] = {name_str.get(), bases_tuple.get(), ns};
  return call(ts, meta, a, 3);
}

int add_method(ThreadState* ts, Object* cls, const MethodDef* def) {
  Type* t = static_cast<Type*>(cls);
  Ref d = Ref::steal((def->flags & kMethClass) ? descr_new_classmethod(ts, t, def) : descr_new_method(ts, t, def));
  Ref key = Ref::steal(str_intern_cstr(ts, def->name));
  if (!d || !key) return -1;
  return set_attr(ts, cls, key.get(), d.get());
}

int abc_register(ThreadState* ts, Object* abc, Object* sub) {
  Object* a[1] = {sub};
  Ref r = Ref::steal(abcmeta_register(ts, abc, a, 1, nullptr));
  return r ? 0 : -1;
}

int abc_compute_abstracts(ThreadState* ts, Object* cls) { return compute_abstract_methods(ts, cls); }

Type abc_data_type;
Type abcmeta_type;

void init_abc_data_type(Type& t) {
  t.name = "_abc._abc_data";
  t.doc = "Internal state held by ABC machinery.";
  t.basicsize = sizeof(AbcData);
  t.flags = kTypeHaveGC;
  t.dealloc = abc_data_dealloc;
  t.traverse = abc_data_traverse;
  t.clear = abc_data_clear;
}

void init_abcmeta_type(Type& t) {
  t.name = "abc.ABCMeta";
  t.doc =
      "Metaclass for defining Abstract Base Classes (ABCs).\n\n"
      "Use this metaclass to create an ABC.  An ABC can be subclassed directly, and\n"
      "then acts as a mix-in class.  You can also register unrelated concrete\n"
      "classes (even built-in classes) and unrelated ABCs as 'virtual subclasses' --\n"
      "these and their descendants will be considered subclasses of the registering\n"
      "ABC by the built-in issubclass() function, but the registering ABC won't show\n"
      "up in their MRO (Method Resolution Order) nor will method\n"
      "implementations defined by the registering ABC be callable (not even via\n"
      "super()).";
  t.base = &type_type;
  t.basicsize = sizeof(HeapType);
  t.flags = kTypeBaseType | kTypeHaveGC | kTypeTypeSubclass;
  t.new_ = abcmeta_new;
  t.methods = abcmeta_methods;
}

Object* init_abc_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "abc", abc_functions, "Abstract Base Classes (ABCs) according to PEP 3119."));
  if (!m) return nullptr;
  if (add_type(ts, m.get(), &abcmeta_type) < 0) return nullptr;
  // ABC: a helper class whose metaclass is ABCMeta.
  Ref ns = Ref::steal(dict_new(ts));
  if (!ns) return nullptr;
  Ref mod = Ref::steal(str_from_cstr(ts, "abc"));
  Ref doc = Ref::steal(str_from_cstr(ts, "Helper class that provides a standard way to create an ABC using\n    inheritance.\n    "));
  if (!mod || !doc || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0 ||
      dict_set_item_str(ts, ns.get(), "__doc__", doc.get()) < 0 ||
      dict_set_item_str(ts, ns.get(), "__slots__", tuple_empty()) < 0) {
    return nullptr;
  }
  if (add_object(ts, m.get(), "ABC", make_class(ts, &abcmeta_type, "ABC", {}, ns.get())) < 0) return nullptr;
  if (add_object(ts, m.get(), "abstractclassmethod",
                 make_abstract_wrapper(ts, "abstractclassmethod", &classmethod_type,
                                       "A decorator indicating abstract classmethods.\n\n"
                                       "    Deprecated, use 'classmethod' with 'abstractmethod' instead.\n    ",
                                       &abstractclassmethod_init_def)) < 0 ||
      add_object(ts, m.get(), "abstractstaticmethod",
                 make_abstract_wrapper(ts, "abstractstaticmethod", &staticmethod_type,
                                       "A decorator indicating abstract staticmethods.\n\n"
                                       "    Deprecated, use 'staticmethod' with 'abstractmethod' instead.\n    ",
                                       &abstractstaticmethod_init_def)) < 0 ||
      add_object(ts, m.get(), "abstractproperty",
                 make_abstract_wrapper(ts, "abstractproperty", &property_type,
                                       "A decorator indicating abstract properties.\n\n"
                                       "    Deprecated, use 'property' with 'abstractmethod' instead.\n    ",
                                       nullptr)) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
