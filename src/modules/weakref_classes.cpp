// weakref's Python-level classes: WeakValueDictionary, WeakKeyDictionary,
// WeakSet, WeakMethod and finalize.
//
// They are Python classes in CPython (their messages and reprs use the bare
// class name, user code subclasses them, and the mapping/set mixins come
// from collections.abc), so they are built at import as heap classes whose
// namespace holds descriptors of the native functions below; their state
// lives in instance attributes as in CPython (`data`, `_remove`).
//
// Invariants:
//   * A container's `_remove` callback is bound to a weak reference to the
//     container, so the entries' weakrefs never keep it alive; it removes the
//     entry of a dead referent (checking identity, since the key may have
//     been rebound meanwhile).
//   * Iteration walks a snapshot of the live entries, so entries vanishing
//     while a loop runs never break it (CPython defers the removals instead).
//   * finalize objects live in the class's `_registry` dict (self -> info
//     list [weakref, func, args, kwargs, atexit, index]) until called or
//     detached: `alive` is membership.
#include <cstdio>
#include <string>
#include <vector>

#include "modules/import.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "objects/weakref.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

// --- shared helpers ------------------------------------------------------------------

Object* attr(ThreadState* ts, Object* o, const char* name) { return get_attr_str(ts, o, name); }

int set_attr_cstr(ThreadState* ts, Object* o, const char* name, Object* value) {
  Ref n = Ref::steal(str_from_cstr(ts, name));
  if (!n) return -1;
  return set_attr(ts, o, n.get(), value);
}

// o.name(*args)
Object* call_named(ThreadState* ts, Object* o, const char* name, std::initializer_list<Object*> args) {
  Ref f = Ref::steal(attr(ts, o, name));
  if (!f) return nullptr;
  return call(ts, f.get(), args.begin(), args.size());
}

// A builtin function bound to `self` (a new reference).
Object* bound_builtin(ThreadState* ts, const MethodDef* def, Object* self) {
  Ref mod = Ref::steal(str_from_cstr(ts, "weakref"));
  if (!mod) return nullptr;
  return builtin_function_new(ts, def, self, mod.get());
}

// The referent of weakref `wr` (borrowed), or nullptr once dead.
Object* referent(Object* wr) { return static_cast<WeakRef*>(wr)->referent; }

// "<Name at 0x...>", the repr of CPython's weak containers.
Object* at_repr(ThreadState* ts, Object* self) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%#lx", reinterpret_cast<unsigned long>(self));
  return str_from_format(ts, "<%s at %s>", type_name(self->ob_type), addr);
}

// A class named `name` in module weakref over `bases`, holding a descriptor
// for each of `methods` plus the (name, value) pairs of `extra` (stolen).
Object* build_class(ThreadState* ts, const char* name, Object* bases, const MethodDef* methods,
                    std::initializer_list<std::pair<const char*, Object*>> extra) {
  Ref ns = Ref::steal(dict_new(ts));
  bool ok = static_cast<bool>(ns);
  for (auto& [k, v] : extra) {
    ok = ok && v && dict_set_item_str(ts, ns.get(), k, v) >= 0;
    xdecref(v);
  }
  if (!ok) return nullptr;
  Ref mod = Ref::steal(str_from_cstr(ts, "weakref"));
  if (!mod || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0) return nullptr;
  for (const MethodDef* m = methods; m->name; ++m) {
    Ref descr =
        Ref::steal((m->flags & kMethClass) ? descr_new_classmethod(ts, &object_type, m) : descr_new_method(ts, &object_type, m));
    if (!descr || dict_set_item_str(ts, ns.get(), m->name, descr.get()) < 0) return nullptr;
  }
  Ref n = Ref::steal(str_from_cstr(ts, name));
  if (!n) return nullptr;
  return type_new(ts, &type_type, n.get(), bases, ns.get(), nullptr);
}

// property(fget, fset) over native functions taking self.
Object* make_property(ThreadState* ts, const MethodDef* get, const MethodDef* set) {
  Ref g = Ref::steal(descr_new_method(ts, &object_type, get));
  Ref s = set ? Ref::steal(descr_new_method(ts, &object_type, set)) : Ref::borrow(py_none());
  if (!g || !s) return nullptr;
  Object* a[] = {g.get(), s.get()};
  return call(ts, &property_type, a, 2);
}

// self.data, self._remove
Object* data_of(ThreadState* ts, Object* self) { return attr(ts, self, "data"); }

// Attaches `data` (a new reference, stolen: the callers pass a fresh dict or
// set) and the `_remove` callback (`remover` bound to ref(self)).
int init_container(ThreadState* ts, Object* self, Object* data_new, const MethodDef* remover) {
  Ref data = Ref::steal(data_new);
  if (!data || set_attr_cstr(ts, self, "data", data.get()) < 0) return -1;
  Ref self_ref = Ref::steal(weakref_new(ts, &weakref_type, self, nullptr));
  if (!self_ref) return -1;
  Ref cb = Ref::steal(bound_builtin(ts, remover, self_ref.get()));
  if (!cb) return -1;
  return set_attr_cstr(ts, self, "_remove", cb.get());
}

// The container a `_remove` callback belongs to (new ref), or nullptr if it died.
Object* owner_of(Object* self_ref) {
  Object* o = referent(self_ref);
  return o ? new_ref(o) : nullptr;
}

// KeyError(key)
std::nullptr_t raise_key_error(ThreadState* ts, Object* key) {
  Ref e = Ref::steal(call(ts, &exc::KeyError, &key, 1));
  if (e) runtime::raise_object(ts, e.get());
  return nullptr;
}

Object* iter_of_list(ThreadState* ts, Object* list) {
  if (!list) return nullptr;
  Ref l = Ref::steal(list);
  return get_iter(ts, l.get());
}

// --- WeakValueDictionary: data maps key -> KeyedRef-like ref (key in `key`) ---------------

// The KeyedRef role: a weakref whose callback is the dictionary's remover;
// the key sits in a side table so that a plain ref type serves.
Object* wvd_remove(ThreadState* ts, Object* self_ref, Object* const* args, size_t, Object*) {
  Ref d = Ref::steal(owner_of(self_ref));
  if (!d) return new_ref(py_none());
  Ref data = Ref::steal(data_of(ts, d.get()));
  if (!data) return nullptr;
  Ref key = Ref::steal(attr(ts, args[0], "key"));
  if (!key) return nullptr;
  Object* cur = dict_get_item_borrowed(ts, data.get(), key.get());
  if (cur == args[0] && dict_del_item(ts, data.get(), key.get()) < 0) return nullptr;
  if (runtime::has_exception(ts)) return nullptr;
  return new_ref(py_none());
}
constexpr MethodDef kWvdRemove = {"remove", wvd_remove, kMethO};

// The KeyedRef class of this import (weakref.KeyedRef).
Object* keyed_ref_class(ThreadState* ts) {
  Ref m = Ref::steal(import_module(ts, "weakref"));
  if (!m) return nullptr;
  return attr(ts, m.get(), "KeyedRef");
}

Object* make_keyed_ref(ThreadState* ts, Object* value, Object* callback, Object* key) {
  Ref cls = Ref::steal(keyed_ref_class(ts));
  if (!cls) return nullptr;
  Object* a[] = {value, callback, key};
  return call(ts, cls.get(), a, 3);
}

Object* wvd_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) {
    return raise_format(ts, &exc::TypeError,
                        "WeakValueDictionary.__init__() takes from 1 to 2 positional arguments but %zu were given",
                        nargs + 1);
  }
  if (init_container(ts, self, dict_new(ts), &kWvdRemove) < 0) return nullptr;
  if (nargs == 0 && kwnames_count(kwnames) == 0) return new_ref(py_none());
  Ref upd = Ref::steal(attr(ts, self, "update"));
  if (!upd) return nullptr;
  return call(ts, upd.get(), args, nargs, kwnames);
}

Object* wvd_getitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Ref wr = Ref::steal(get_item(ts, data.get(), args[0]));
  if (!wr) return nullptr;
  Object* o = referent(wr.get());
  if (!o) {
    return raise_key_error(ts, args[0]);
  }
  return new_ref(o);
}

Object* wvd_setitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref remove = Ref::steal(data ? attr(ts, self, "_remove") : nullptr);
  if (!remove) return nullptr;
  Ref wr = Ref::steal(make_keyed_ref(ts, args[1], remove.get(), args[0]));
  if (!wr || set_item(ts, data.get(), args[0], wr.get()) < 0) return nullptr;
  return new_ref(py_none());
}

Object* wvd_delitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data || del_item(ts, data.get(), args[0]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* wvd_len(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  int64_t n = length(ts, data.get());
  return n < 0 ? nullptr : int_from_i64(ts, n);
}

Object* wvd_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Object* wr = dict_get_item_borrowed(ts, data.get(), args[0]);
  if (!wr) return runtime::has_exception(ts) ? nullptr : new_ref(py_false());
  return new_ref(py_bool(referent(wr) != nullptr));
}

enum class Part { Keys, Values, Items };

// The live entries of a WeakValueDictionary as a list.
Object* wvd_list(ThreadState* ts, Object* self, Part part) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  size_t pos = 0;
  Object *k, *wr;
  while (dict_next(data.get(), &pos, &k, &wr)) {
    Object* v = referent(wr);
    if (!v) continue;
    Ref item = Ref::steal(part == Part::Keys     ? new_ref(k)
                          : part == Part::Values ? new_ref(v)
                                                 : tuple_pack(ts, {k, v}));
    if (!item || list_append(ts, out.get(), item.get()) < 0) return nullptr;
  }
  return out.release();
}

Object* wvd_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, wvd_list(ts, self, Part::Keys));
}
Object* wvd_keys(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, wvd_list(ts, self, Part::Keys));
}
Object* wvd_values(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, wvd_list(ts, self, Part::Values));
}
Object* wvd_items(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, wvd_list(ts, self, Part::Items));
}

// The weakrefs of data's values (WeakValueDictionary) or keys (WeakKeyDictionary).
Object* data_refs(ThreadState* ts, Object* self, bool values) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(data.get(), &pos, &k, &v))
    if (list_append(ts, out.get(), values ? v : k) < 0) return nullptr;
  return out.release();
}
Object* wvd_valuerefs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return data_refs(ts, self, true); }
Object* wvd_itervaluerefs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, data_refs(ts, self, true));
}

Object* wvd_popitem(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  for (;;) {
    Ref kv = Ref::steal(call_named(ts, data.get(), "popitem", {}));
    if (!kv) return nullptr;
    Object* v = referent(tuple_item_borrowed(kv.get(), 1));
    if (v) return tuple_pack(ts, {tuple_item_borrowed(kv.get(), 0), v});
  }
}

Object* wvd_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) {
    return raise_format(ts, &exc::TypeError, "pop expected at most 2 arguments, got %zu", nargs);
  }
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Object* wr = nullptr;
  int r = dict_pop(ts, data.get(), args[0], &wr);
  if (r < 0) return nullptr;
  Ref owned = Ref::steal(wr);
  Object* v = r ? referent(wr) : nullptr;
  if (v) return new_ref(v);
  if (nargs > 1) return new_ref(args[1]);
  return raise_key_error(ts, args[0]);
}

Object* wvd_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) return raise_format(ts, &exc::TypeError, "get expected at most 2 arguments, got %zu", nargs);
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Object* wr = dict_get_item_borrowed(ts, data.get(), args[0]);
  if (!wr && runtime::has_exception(ts)) return nullptr;
  Object* v = wr ? referent(wr) : nullptr;
  if (v) return new_ref(v);
  return new_ref(nargs > 1 ? args[1] : py_none());
}

Object* wvd_setdefault(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) {
    return raise_format(ts, &exc::TypeError, "setdefault expected at most 2 arguments, got %zu", nargs);
  }
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Object* wr = dict_get_item_borrowed(ts, data.get(), args[0]);
  if (!wr && runtime::has_exception(ts)) return nullptr;
  if (Object* v = wr ? referent(wr) : nullptr) return new_ref(v);
  Object* dflt = nargs > 1 ? args[1] : py_none();
  Object* a[] = {args[0], dflt};
  Ref r = Ref::steal(wvd_setitem(ts, self, a, 2, nullptr));
  if (!r) return nullptr;
  return new_ref(dflt);
}

Object* wvd_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  // CPython copies into a plain WeakValueDictionary, whatever type(self) is.
  Ref items = Ref::steal(wvd_list(ts, self, Part::Items));
  if (!items) return nullptr;
  Ref m = Ref::steal(import_module(ts, "weakref"));
  Ref base = Ref::steal(m ? attr(ts, m.get(), "WeakValueDictionary") : nullptr);
  if (!base) return nullptr;
  Ref out = Ref::steal(call(ts, base.get(), nullptr, 0));
  if (!out) return nullptr;
  for (int64_t i = 0; i < list_size(items.get()); ++i) {
    Ref r = Ref::steal(wvd_setitem(ts, out.get(), tuple_items(list_items(items.get())[i]), 2, nullptr));
    if (!r) return nullptr;
  }
  return out.release();
}

Object* wvd_ior(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref r = Ref::steal(call_named(ts, self, "update", {args[0]}));
  if (!r) return nullptr;
  return new_ref(self);
}

int is_mapping_obj(ThreadState* ts, Object* o) {
  Ref abc = Ref::steal(import_module(ts, "_collections_abc"));
  Ref mapping = Ref::steal(abc ? attr(ts, abc.get(), "Mapping") : nullptr);
  if (!mapping) return -1;
  return is_instance(ts, o, mapping.get());
}

Object* wvd_or(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int m = is_mapping_obj(ts, args[0]);
  if (m <= 0) return m < 0 ? nullptr : new_ref(py_not_implemented());
  Ref c = Ref::steal(call_named(ts, self, "copy", {}));
  if (!c) return nullptr;
  Ref r = Ref::steal(call_named(ts, c.get(), "update", {args[0]}));
  if (!r) return nullptr;
  return c.release();
}

Object* wvd_ror(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int m = is_mapping_obj(ts, args[0]);
  if (m <= 0) return m < 0 ? nullptr : new_ref(py_not_implemented());
  Ref c = Ref::steal(call(ts, static_cast<Object*>(self->ob_type), nullptr, 0));
  if (!c) return nullptr;
  Ref r1 = Ref::steal(call_named(ts, c.get(), "update", {args[0]}));
  if (!r1) return nullptr;
  Ref r2 = Ref::steal(call_named(ts, c.get(), "update", {self}));
  if (!r2) return nullptr;
  return c.release();
}

Object* container_repr(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return at_repr(ts, self); }

constexpr MethodDef wvd_methods[] = {
    {"__init__", wvd_init, kMethKeywords},
    {"__getitem__", wvd_getitem, kMethO},
    {"__setitem__", wvd_setitem, kMethFast},
    {"__delitem__", wvd_delitem, kMethO},
    {"__len__", wvd_len, kMethNoArgs},
    {"__contains__", wvd_contains, kMethO},
    {"__iter__", wvd_iter, kMethNoArgs},
    {"__repr__", container_repr, kMethNoArgs},
    {"keys", wvd_keys, kMethNoArgs},
    {"values", wvd_values, kMethNoArgs},
    {"items", wvd_items, kMethNoArgs},
    {"valuerefs", wvd_valuerefs, kMethNoArgs},
    {"itervaluerefs", wvd_itervaluerefs, kMethNoArgs},
    {"popitem", wvd_popitem, kMethNoArgs},
    {"pop", wvd_pop, kMethFast},
    {"get", wvd_get, kMethFast},
    {"setdefault", wvd_setdefault, kMethFast},
    {"copy", wvd_copy, kMethNoArgs},
    {"__copy__", wvd_copy, kMethNoArgs},
    {"__ior__", wvd_ior, kMethO},
    {"__or__", wvd_or, kMethO},
    {"__ror__", wvd_ror, kMethO},
    {},
};

// KeyedRef(ob, callback, key): a ref subclass carrying the key.
Object* keyedref_new(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (nargs != 4) {
    return raise_format(ts, &exc::TypeError, "KeyedRef.__new__() takes 4 positional arguments but %zu were given", nargs);
  }
  if (!has_flag(args[0]->ob_type, kTypeTypeSubclass)) return raise(ts, &exc::TypeError, "KeyedRef.__new__(X): X is not a type object");
  Ref self = Ref::steal(weakref_new(ts, static_cast<Type*>(args[0]), args[1], args[2]));
  if (!self || set_attr_cstr(ts, self.get(), "key", args[3]) < 0) return nullptr;
  return self.release();
}

Object* keyedref_init(ThreadState*, Object*, Object* const*, size_t, Object*) { return new_ref(py_none()); }

constexpr MethodDef keyedref_methods[] = {
    {"__init__", keyedref_init, kMethFast},
    {},
};

// --- WeakKeyDictionary: data maps ref(key) -> value ---------------------------------------

Object* wkd_remove(ThreadState* ts, Object* self_ref, Object* const* args, size_t, Object*) {
  Ref d = Ref::steal(owner_of(self_ref));
  if (!d) return new_ref(py_none());
  Ref data = Ref::steal(data_of(ts, d.get()));
  if (!data) return nullptr;
  Object* out = nullptr;
  if (dict_pop(ts, data.get(), args[0], &out) < 0) return nullptr;
  xdecref(out);
  return new_ref(py_none());
}
constexpr MethodDef kWkdRemove = {"remove", wkd_remove, kMethO};

Object* plain_ref(ThreadState* ts, Object* o) { return weakref_new(ts, &weakref_type, o, nullptr); }

Object* wkd_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"dict", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("__init__", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  if (init_container(ts, self, dict_new(ts), &kWkdRemove) < 0) return nullptr;
  if (av.has(0) && !is_none(av[0])) return call_named(ts, self, "update", {av[0]});
  return new_ref(py_none());
}

Object* wkd_getitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref wr = Ref::steal(data ? plain_ref(ts, args[0]) : nullptr);
  if (!wr) return nullptr;
  return get_item(ts, data.get(), wr.get());
}

Object* wkd_setitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref remove = Ref::steal(data ? attr(ts, self, "_remove") : nullptr);
  if (!remove) return nullptr;
  Ref wr = Ref::steal(weakref_new(ts, &weakref_type, args[0], remove.get()));
  if (!wr || set_item(ts, data.get(), wr.get(), args[1]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* wkd_delitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref wr = Ref::steal(data ? plain_ref(ts, args[0]) : nullptr);
  if (!wr || del_item(ts, data.get(), wr.get()) < 0) return nullptr;
  return new_ref(py_none());
}

Object* wkd_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Ref wr = Ref::steal(plain_ref(ts, args[0]));
  if (!wr) {
    if (!runtime::exception_matches(ts, &exc::TypeError)) return nullptr;
    runtime::clear_exception(ts);
    return new_ref(py_false());
  }
  int r = contains(ts, data.get(), wr.get());
  return r < 0 ? nullptr : new_ref(py_bool(r));
}

Object* wkd_list(ThreadState* ts, Object* self, Part part) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  size_t pos = 0;
  Object *wr, *v;
  while (dict_next(data.get(), &pos, &wr, &v)) {
    Object* k = referent(wr);
    if (!k) continue;
    Ref item = Ref::steal(part == Part::Keys     ? new_ref(k)
                          : part == Part::Values ? new_ref(v)
                                                 : tuple_pack(ts, {k, v}));
    if (!item || list_append(ts, out.get(), item.get()) < 0) return nullptr;
  }
  return out.release();
}

Object* wkd_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, wkd_list(ts, self, Part::Keys));
}
Object* wkd_values(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, wkd_list(ts, self, Part::Values));
}
Object* wkd_items(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return iter_of_list(ts, wkd_list(ts, self, Part::Items));
}
Object* wkd_keyrefs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return data_refs(ts, self, false); }

Object* wkd_popitem(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  for (;;) {
    Ref kv = Ref::steal(call_named(ts, data.get(), "popitem", {}));
    if (!kv) return nullptr;
    Object* k = referent(tuple_item_borrowed(kv.get(), 0));
    if (k) return tuple_pack(ts, {k, tuple_item_borrowed(kv.get(), 1)});
  }
}

Object* wkd_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) return raise_format(ts, &exc::TypeError, "pop expected at most 2 arguments, got %zu", nargs);
  Ref data = Ref::steal(data_of(ts, self));
  Ref wr = Ref::steal(data ? plain_ref(ts, args[0]) : nullptr);
  if (!wr) return nullptr;
  Ref f = Ref::steal(attr(ts, data.get(), "pop"));
  if (!f) return nullptr;
  Object* a[] = {wr.get(), nargs > 1 ? args[1] : nullptr};
  return call(ts, f.get(), a, nargs);
}

Object* wkd_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) return raise_format(ts, &exc::TypeError, "get expected at most 2 arguments, got %zu", nargs);
  Ref data = Ref::steal(data_of(ts, self));
  Ref wr = Ref::steal(data ? plain_ref(ts, args[0]) : nullptr);
  if (!wr) return nullptr;
  Object* v = dict_get_item_borrowed(ts, data.get(), wr.get());
  if (!v && runtime::has_exception(ts)) return nullptr;
  return new_ref(v ? v : nargs > 1 ? args[1] : py_none());
}

Object* wkd_setdefault(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) {
    return raise_format(ts, &exc::TypeError, "setdefault expected at most 2 arguments, got %zu", nargs);
  }
  Ref data = Ref::steal(data_of(ts, self));
  Ref remove = Ref::steal(data ? attr(ts, self, "_remove") : nullptr);
  if (!remove) return nullptr;
  Ref wr = Ref::steal(weakref_new(ts, &weakref_type, args[0], remove.get()));
  if (!wr) return nullptr;
  return call_named(ts, data.get(), "setdefault", {wr.get(), nargs > 1 ? args[1] : py_none()});
}

Object* wkd_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref items = Ref::steal(wkd_list(ts, self, Part::Items));
  if (!items) return nullptr;
  Ref m = Ref::steal(import_module(ts, "weakref"));
  Ref base = Ref::steal(m ? attr(ts, m.get(), "WeakKeyDictionary") : nullptr);
  if (!base) return nullptr;
  Ref out = Ref::steal(call(ts, base.get(), nullptr, 0));
  if (!out) return nullptr;
  for (int64_t i = 0; i < list_size(items.get()); ++i) {
    Ref r = Ref::steal(wkd_setitem(ts, out.get(), tuple_items(list_items(items.get())[i]), 2, nullptr));
    if (!r) return nullptr;
  }
  return out.release();
}

Object* wkd_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) {
    return raise_format(ts, &exc::TypeError,
                        "WeakKeyDictionary.update() takes from 1 to 2 positional arguments but %zu were given", nargs + 1);
  }
  // Merge through a plain dict: mappings, pair iterables and keywords alike.
  Ref tmp = Ref::steal(dict_new(ts));
  if (!tmp) return nullptr;
  if (nargs == 1 && !is_none(args[0])) {
    Ref r = Ref::steal(call_named(ts, tmp.get(), "update", {args[0]}));
    if (!r) return nullptr;
  }
  size_t nk = kwnames_count(kwnames);
  for (size_t i = 0; i < nk; ++i)
    if (dict_set_item(ts, tmp.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), args[nargs + i]) < 0) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(tmp.get(), &pos, &k, &v)) {
    Object* a[] = {k, v};
    Ref r = Ref::steal(wkd_setitem(ts, self, a, 2, nullptr));
    if (!r) return nullptr;
  }
  return new_ref(py_none());
}

constexpr MethodDef wkd_methods[] = {
    {"__init__", wkd_init, kMethKeywords},
    {"__getitem__", wkd_getitem, kMethO},
    {"__setitem__", wkd_setitem, kMethFast},
    {"__delitem__", wkd_delitem, kMethO},
    {"__len__", wvd_len, kMethNoArgs},
    {"__contains__", wkd_contains, kMethO},
    {"__iter__", wkd_iter, kMethNoArgs},
    {"__repr__", container_repr, kMethNoArgs},
    {"keys", wkd_iter, kMethNoArgs},
    {"values", wkd_values, kMethNoArgs},
    {"items", wkd_items, kMethNoArgs},
    {"keyrefs", wkd_keyrefs, kMethNoArgs},
    {"popitem", wkd_popitem, kMethNoArgs},
    {"pop", wkd_pop, kMethFast},
    {"get", wkd_get, kMethFast},
    {"setdefault", wkd_setdefault, kMethFast},
    {"update", wkd_update, kMethKeywords},
    {"copy", wkd_copy, kMethNoArgs},
    {"__copy__", wkd_copy, kMethNoArgs},
    {"__ior__", wvd_ior, kMethO},
    {"__or__", wvd_or, kMethO},
    {"__ror__", wvd_ror, kMethO},
    {},
};

// --- WeakSet: data is a set of ref(item, _remove) -------------------------------------

Object* ws_remove_cb(ThreadState* ts, Object* self_ref, Object* const* args, size_t, Object*) {
  Ref s = Ref::steal(owner_of(self_ref));
  if (!s) return new_ref(py_none());
  Ref data = Ref::steal(data_of(ts, s.get()));
  if (!data || set_discard(ts, data.get(), args[0]) < 0) return nullptr;
  return new_ref(py_none());
}
constexpr MethodDef kWsRemove = {"remove", ws_remove_cb, kMethO};

Object* ws_add(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref remove = Ref::steal(data ? attr(ts, self, "_remove") : nullptr);
  if (!remove) return nullptr;
  Ref wr = Ref::steal(weakref_new(ts, &weakref_type, args[0], remove.get()));
  if (!wr || set_add(ts, data.get(), wr.get()) < 0) return nullptr;
  return new_ref(py_none());
}

// for item in iterable: self.add(item)
int ws_add_all(ThreadState* ts, Object* self, Object* iterable) {
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return -1;
  while (Object* raw = iter_next(ts, it.get())) {
    Ref item = Ref::steal(raw);
    Object* a = item.get();
    Ref r = Ref::steal(ws_add(ts, self, &a, 1, nullptr));
    if (!r) return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

Object* ws_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"data", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("__init__", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  if (init_container(ts, self, set_new(ts, nullptr), &kWsRemove) < 0) return nullptr;
  if (av.has(0) && !is_none(av[0]) && ws_add_all(ts, self, av[0]) < 0) return nullptr;
  return new_ref(py_none());
}

// The live items as a list.
Object* ws_list(ThreadState* ts, Object* self) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  size_t pos = 0;
  Object* wr;
  while (set_next(data.get(), &pos, &wr))
    if (Object* o = referent(wr); o && list_append(ts, out.get(), o) < 0) return nullptr;
  return out.release();
}

Object* ws_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return iter_of_list(ts, ws_list(ts, self)); }

Object* ws_len(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  return int_from_i64(ts, set_size(data.get()));
}

Object* ws_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  Ref wr = Ref::steal(plain_ref(ts, args[0]));
  if (!wr) {
    if (!runtime::exception_matches(ts, &exc::TypeError)) return nullptr;
    runtime::clear_exception(ts);
    return new_ref(py_false());
  }
  int r = set_contains(ts, data.get(), wr.get());
  return r < 0 ? nullptr : new_ref(py_bool(r));
}

Object* ws_discard(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref wr = Ref::steal(data ? plain_ref(ts, args[0]) : nullptr);
  if (!wr || set_discard(ts, data.get(), wr.get()) < 0) return nullptr;
  return new_ref(py_none());
}

Object* ws_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref wr = Ref::steal(data ? plain_ref(ts, args[0]) : nullptr);
  if (!wr) return nullptr;
  return call_named(ts, data.get(), "remove", {wr.get()});
}

Object* ws_pop(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  for (;;) {
    if (set_size(data.get()) == 0) return raise(ts, &exc::KeyError, "pop from empty WeakSet");
    Ref wr = Ref::steal(call_named(ts, data.get(), "pop", {}));
    if (!wr) return nullptr;
    if (Object* o = referent(wr.get())) return new_ref(o);
  }
}

Object* ws_clear(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  return call_named(ts, data.get(), "clear", {});
}

// type(self)(iterable)
Object* ws_like(ThreadState* ts, Object* self, Object* iterable) {
  Object* a[] = {iterable};
  return call(ts, static_cast<Object*>(self->ob_type), a, iterable ? 1 : 0);
}

Object* ws_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return ws_like(ts, self, self); }

Object* ws_update(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (ws_add_all(ts, self, args[0]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* ws_ior(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (ws_add_all(ts, self, args[0]) < 0) return nullptr;
  return new_ref(self);
}

// {ref(item) for item in iterable} (with the remover when `with_cb`).
Object* refs_of(ThreadState* ts, Object* self, Object* iterable, bool with_cb) {
  Ref remove = Ref::steal(with_cb ? attr(ts, self, "_remove") : new_ref(py_none()));
  if (!remove) return nullptr;
  Ref out = Ref::steal(set_new(ts, nullptr));
  Ref it = Ref::steal(out ? get_iter(ts, iterable) : nullptr);
  if (!it) return nullptr;
  while (Object* raw = iter_next(ts, it.get())) {
    Ref item = Ref::steal(raw);
    Ref wr = Ref::steal(weakref_new(ts, &weakref_type, item.get(), with_cb ? remove.get() : nullptr));
    if (!wr || set_add(ts, out.get(), wr.get()) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return out.release();
}

// data.<method>(refs of other); returns self for the in-place operators.
Object* ws_data_op(ThreadState* ts, Object* self, Object* other, const char* method, bool with_cb, bool ret_self) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  if (self == other && std::string(method) != "intersection_update") {
    Ref r = Ref::steal(call_named(ts, data.get(), "clear", {}));
    if (!r) return nullptr;
    return new_ref(ret_self ? self : py_none());
  }
  Ref refs = Ref::steal(refs_of(ts, self, other, with_cb));
  if (!refs) return nullptr;
  Ref r = Ref::steal(call_named(ts, data.get(), method, {refs.get()}));
  if (!r) return nullptr;
  return new_ref(ret_self ? self : py_none());
}

Object* ws_difference_update(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_data_op(ts, self, args[0], "difference_update", false, false);
}
Object* ws_isub(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_data_op(ts, self, args[0], "difference_update", false, true);
}
Object* ws_intersection_update(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_data_op(ts, self, args[0], "intersection_update", false, false);
}
Object* ws_iand(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_data_op(ts, self, args[0], "intersection_update", false, true);
}
Object* ws_symmetric_difference_update(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_data_op(ts, self, args[0], "symmetric_difference_update", true, false);
}
Object* ws_ixor(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_data_op(ts, self, args[0], "symmetric_difference_update", true, true);
}

// copy().<in-place op>(other)
Object* ws_copy_then(ThreadState* ts, Object* self, Object* other, const char* method) {
  Ref c = Ref::steal(ws_like(ts, self, self));
  if (!c) return nullptr;
  Ref r = Ref::steal(call_named(ts, c.get(), method, {other}));
  if (!r) return nullptr;
  return c.release();
}
Object* ws_difference(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_copy_then(ts, self, args[0], "difference_update");
}
Object* ws_symmetric_difference(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_copy_then(ts, self, args[0], "symmetric_difference_update");
}

Object* ws_union(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref c = Ref::steal(ws_like(ts, self, self));
  if (!c || ws_add_all(ts, c.get(), args[0]) < 0) return nullptr;
  return c.release();
}

Object* ws_intersection(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref items = Ref::steal(list_new(ts, 0));
  Ref it = Ref::steal(items ? get_iter(ts, args[0]) : nullptr);
  if (!it) return nullptr;
  while (Object* raw = iter_next(ts, it.get())) {
    Ref item = Ref::steal(raw);
    Object* a = item.get();
    Ref in = Ref::steal(ws_contains(ts, self, &a, 1, nullptr));
    if (!in) return nullptr;
    if (in.get() == py_true() && list_append(ts, items.get(), a) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return ws_like(ts, self, items.get());
}

// data <op> {ref(x) for x in other}
Object* ws_compare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
  Ref data = Ref::steal(data_of(ts, self));
  Ref refs = Ref::steal(data ? refs_of(ts, self, other, false) : nullptr);
  if (!refs) return nullptr;
  return rich_compare(ts, data.get(), refs.get(), op);
}
Object* ws_issubset(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_compare(ts, self, args[0], CompareOp::Le);
}
Object* ws_lt(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_compare(ts, self, args[0], CompareOp::Lt);
}
Object* ws_issuperset(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_compare(ts, self, args[0], CompareOp::Ge);
}
Object* ws_gt(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return ws_compare(ts, self, args[0], CompareOp::Gt);
}
Object* ws_eq(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = is_instance(ts, args[0], static_cast<Object*>(self->ob_type));
  if (r <= 0) return r < 0 ? nullptr : new_ref(py_not_implemented());
  return ws_compare(ts, self, args[0], CompareOp::Eq);
}

Object* ws_isdisjoint(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref i = Ref::steal(ws_intersection(ts, self, args, 1, nullptr));
  if (!i) return nullptr;
  int64_t n = length(ts, i.get());
  return n < 0 ? nullptr : new_ref(py_bool(n == 0));
}

Object* ws_repr(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref data = Ref::steal(data_of(ts, self));
  if (!data) return nullptr;
  return repr(ts, data.get());
}

constexpr MethodDef ws_methods[] = {
    {"__init__", ws_init, kMethKeywords},
    {"__iter__", ws_iter, kMethNoArgs},
    {"__len__", ws_len, kMethNoArgs},
    {"__contains__", ws_contains, kMethO},
    {"__repr__", ws_repr, kMethNoArgs},
    {"add", ws_add, kMethO},
    {"discard", ws_discard, kMethO},
    {"remove", ws_remove, kMethO},
    {"pop", ws_pop, kMethNoArgs},
    {"clear", ws_clear, kMethNoArgs},
    {"copy", ws_copy, kMethNoArgs},
    {"update", ws_update, kMethO},
    {"__ior__", ws_ior, kMethO},
    {"difference", ws_difference, kMethO},
    {"__sub__", ws_difference, kMethO},
    {"difference_update", ws_difference_update, kMethO},
    {"__isub__", ws_isub, kMethO},
    {"intersection", ws_intersection, kMethO},
    {"__and__", ws_intersection, kMethO},
    {"intersection_update", ws_intersection_update, kMethO},
    {"__iand__", ws_iand, kMethO},
    {"issubset", ws_issubset, kMethO},
    {"__le__", ws_issubset, kMethO},
    {"__lt__", ws_lt, kMethO},
    {"issuperset", ws_issuperset, kMethO},
    {"__ge__", ws_issuperset, kMethO},
    {"__gt__", ws_gt, kMethO},
    {"__eq__", ws_eq, kMethO},
    {"symmetric_difference", ws_symmetric_difference, kMethO},
    {"__xor__", ws_symmetric_difference, kMethO},
    {"symmetric_difference_update", ws_symmetric_difference_update, kMethO},
    {"__ixor__", ws_ixor, kMethO},
    {"union", ws_union, kMethO},
    {"__or__", ws_union, kMethO},
    {"isdisjoint", ws_isdisjoint, kMethO},
    {},
};

// --- WeakMethod -------------------------------------------------------------------

// The callback of both weakrefs of a WeakMethod; bound to [ref(wm), callback].
Object* wm_died(ThreadState* ts, Object* state, Object* const*, size_t, Object*) {
  Object* wm = referent(list_items(state)[0]);
  if (!wm) return new_ref(py_none());
  Ref keep = Ref::borrow(wm);
  Ref alive = Ref::steal(attr(ts, wm, "_alive"));
  if (!alive) return nullptr;
  if (alive.get() != py_true()) return new_ref(py_none());
  if (set_attr_cstr(ts, wm, "_alive", py_false()) < 0) return nullptr;
  Object* cb = list_items(state)[1];
  if (is_none(cb)) return new_ref(py_none());
  Object* a = wm;
  return call(ts, cb, &a, 1);
}
constexpr MethodDef kWmDied = {"_cb", wm_died, kMethO};

Object* wm_new(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (nargs < 2 || nargs > 3) {
    return raise_format(ts, &exc::TypeError,
                        nargs < 2 ? "WeakMethod.__new__() missing 1 required positional argument: 'meth'"
                                  : "WeakMethod.__new__() takes from 2 to 3 positional arguments but %zu were given",
                        nargs);
  }
  if (!has_flag(args[0]->ob_type, kTypeTypeSubclass)) return raise(ts, &exc::TypeError, "WeakMethod.__new__(X): X is not a type object");
  Object* meth = args[1];
  Ref obj = Ref::steal(attr(ts, meth, "__self__"));
  Ref func = Ref::steal(obj ? attr(ts, meth, "__func__") : nullptr);
  if (!func) {
    if (!runtime::exception_matches(ts, &exc::AttributeError)) return nullptr;
    runtime::clear_exception(ts);
    Ref t = Ref::steal(repr(ts, static_cast<Object*>(meth->ob_type)));
    if (!t) return nullptr;
    return raise_format(ts, &exc::TypeError, "argument should be a bound method, not %s", str_utf8(ts, t.get()));
  }
  Ref state = Ref::steal(list_new(ts, 0));
  if (!state || list_append(ts, state.get(), py_none()) < 0 ||
      list_append(ts, state.get(), nargs > 2 ? args[2] : py_none()) < 0) {
    return nullptr;
  }
  Ref cb = Ref::steal(bound_builtin(ts, &kWmDied, state.get()));
  if (!cb) return nullptr;
  Ref self = Ref::steal(weakref_new(ts, static_cast<Type*>(args[0]), obj.get(), cb.get()));
  if (!self) return nullptr;
  Ref func_ref = Ref::steal(weakref_new(ts, &weakref_type, func.get(), cb.get()));
  Ref self_ref = Ref::steal(func_ref ? weakref_new(ts, &weakref_type, self.get(), nullptr) : nullptr);
  if (!self_ref) return nullptr;
  list_items(state.get())[0] = self_ref.release();
  decref(py_none());
  if (set_attr_cstr(ts, self.get(), "_func_ref", func_ref.get()) < 0 ||
      set_attr_cstr(ts, self.get(), "_meth_type", static_cast<Object*>(meth->ob_type)) < 0 ||
      set_attr_cstr(ts, self.get(), "_alive", py_true()) < 0) {
    return nullptr;
  }
  return self.release();
}

Object* wm_init(ThreadState*, Object*, Object* const*, size_t, Object*) { return new_ref(py_none()); }

Object* wm_call(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object*) {
  if (nargs != 0) {
    return raise_format(ts, &exc::TypeError, "WeakMethod.__call__() takes 1 positional argument but %zu were given",
                        nargs + 1);
  }
  Object* obj = referent(self);
  Ref func_ref = Ref::steal(attr(ts, self, "_func_ref"));
  if (!func_ref) return nullptr;
  Object* func = referent(func_ref.get());
  if (!obj || !func) return new_ref(py_none());
  Ref meth_type = Ref::steal(attr(ts, self, "_meth_type"));
  if (!meth_type) return nullptr;
  Object* a[] = {func, obj};
  return call(ts, meth_type.get(), a, 2);
}

// The WeakMethod comparison: both alive -> same object and same function.
Object* wm_compare(ThreadState* ts, Object* self, Object* other, bool eq) {
  Ref my_func = Ref::steal(attr(ts, self, "_func_ref"));
  if (!my_func) return nullptr;
  Ref other_func = Ref::steal(lookup_attr(ts, other, Ref::steal(str_from_cstr(ts, "_func_ref")).get()));
  if (!other_func) {
    if (runtime::has_exception(ts)) return nullptr;
    return new_ref(py_not_implemented());
  }
  if (!is_subtype(other->ob_type, &weakref_type)) return new_ref(py_not_implemented());
  Ref a1 = Ref::steal(attr(ts, self, "_alive"));
  Ref a2 = Ref::steal(a1 ? attr(ts, other, "_alive") : nullptr);
  if (!a2) return nullptr;
  if (a1.get() != py_true() || a2.get() != py_true()) return new_ref(py_bool((self == other) == eq));
  Object* x = referent(self);
  Object* y = referent(other);
  int same = 0;
  if (x && y) {
    Ref kx = Ref::borrow(x), ky = Ref::borrow(y);
    same = rich_compare_bool(ts, kx.get(), ky.get(), CompareOp::Eq);
    if (same < 0) return nullptr;
  } else {
    same = self == other;
  }
  if (same) {
    same = rich_compare_bool(ts, my_func.get(), other_func.get(), CompareOp::Eq);
    if (same < 0) return nullptr;
  }
  return new_ref(py_bool(static_cast<bool>(same) == eq));
}
Object* wm_eq(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return wm_compare(ts, self, args[0], true); }
Object* wm_ne(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return wm_compare(ts, self, args[0], false); }

constexpr MethodDef wm_methods[] = {
    {"__init__", wm_init, kMethKeywords},
    {"__call__", wm_call, kMethFast},
    {"__eq__", wm_eq, kMethO},
    {"__ne__", wm_ne, kMethO},
    {},
};

// --- finalize ------------------------------------------------------------------------

enum InfoField { kInfoWeakref, kInfoFunc, kInfoArgs, kInfoKwargs, kInfoAtexit, kInfoIndex, kInfoSize };

Object* class_attr(ThreadState* ts, Object* self, const char* name) {
  return attr(ts, static_cast<Object*>(self->ob_type), name);
}

// The class that defines finalize's machinery (type(self) or a base).
Object* finalize_class(ThreadState* ts) {
  Ref m = Ref::steal(import_module(ts, "weakref"));
  if (!m) return nullptr;
  return attr(ts, m.get(), "finalize");
}

Object* fin_exitfunc(ThreadState* ts, Object* cls, Object* const*, size_t, Object*);
constexpr MethodDef kFinExit = {"_exitfunc", fin_exitfunc, kMethNoArgs | kMethClass};

Object* fin_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 2) {
    return raise_format(ts, &exc::TypeError, "finalize.__init__() missing %zu required positional argument%s: %s",
                        2 - nargs, nargs == 0 ? "s" : "", nargs == 0 ? "'obj' and 'func'" : "'func'");
  }
  Ref cls = Ref::steal(finalize_class(ts));
  if (!cls) return nullptr;
  Ref registered = Ref::steal(attr(ts, cls.get(), "_registered_with_atexit"));
  if (!registered) return nullptr;
  if (registered.get() != py_true()) {
    // Registered on first use, as CPython: later atexit callbacks run first.
    Ref atexit = Ref::steal(import_module(ts, "atexit"));
    Ref exitfunc = Ref::steal(atexit ? attr(ts, cls.get(), "_exitfunc") : nullptr);
    Ref r = Ref::steal(exitfunc ? call_named(ts, atexit.get(), "register", {exitfunc.get()}) : nullptr);
    if (!r || set_attr_cstr(ts, cls.get(), "_registered_with_atexit", py_true()) < 0) return nullptr;
  }
  Ref info = Ref::steal(list_new(ts, kInfoSize));
  if (!info) return nullptr;
  for (int i = 0; i < kInfoSize; ++i) list_items(info.get())[i] = new_ref(py_none());
  auto put = [&](int i, Object* v) {
    if (!v) return false;
    Object*& slot = list_items(info.get())[i];
    decref(slot);
    slot = v;
    return true;
  };
  size_t nk = kwnames_count(kwnames);
  Ref kwargs = Ref::steal(nk ? dict_new(ts) : new_ref(py_none()));
  if (!kwargs) return nullptr;
  for (size_t i = 0; i < nk; ++i)
    if (dict_set_item(ts, kwargs.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), args[nargs + i]) < 0) return nullptr;
  Ref counter = Ref::steal(attr(ts, cls.get(), "_index"));
  if (!counter) return nullptr;
  Ref next = Ref::steal(number_add(ts, counter.get(), Ref::steal(int_from_i64(ts, 1)).get()));
  if (!next || set_attr_cstr(ts, cls.get(), "_index", next.get()) < 0) return nullptr;
  if (!put(kInfoWeakref, weakref_new(ts, &weakref_type, args[0], self)) || !put(kInfoFunc, new_ref(args[1])) ||
      !put(kInfoArgs, tuple_from_array(ts, args + 2, nargs - 2)) || !put(kInfoKwargs, kwargs.release()) ||
      !put(kInfoAtexit, new_ref(py_true())) || !put(kInfoIndex, counter.release())) {
    return nullptr;
  }
  Ref registry = Ref::steal(attr(ts, cls.get(), "_registry"));
  if (!registry || set_item(ts, registry.get(), self, info.get()) < 0) return nullptr;
  if (set_attr_cstr(ts, cls.get(), "_dirty", py_true()) < 0) return nullptr;
  return new_ref(py_none());
}

// registry.get(self) (new ref, or None), popping it when `pop`.
Object* fin_info(ThreadState* ts, Object* self, bool pop) {
  Ref registry = Ref::steal(class_attr(ts, self, "_registry"));
  if (!registry) return nullptr;
  if (pop) {
    Object* out = nullptr;
    int r = dict_pop(ts, registry.get(), self, &out);
    if (r < 0) return nullptr;
    return r ? out : new_ref(py_none());
  }
  Object* v = dict_get_item_borrowed(ts, registry.get(), self);
  if (!v && runtime::has_exception(ts)) return nullptr;
  return new_ref(v ? v : py_none());
}

Object* fin_call(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (nargs > 1 || kwnames_count(kwnames)) {
    return raise_format(ts, &exc::TypeError, "finalize.__call__() takes from 1 to 2 positional arguments but %zu were given",
                        nargs + 1);
  }
  Ref info = Ref::steal(fin_info(ts, self, true));
  if (!info) return nullptr;
  if (is_none(info.get())) return new_ref(py_none());
  Ref shutdown = Ref::steal(class_attr(ts, self, "_shutdown"));
  if (!shutdown) return nullptr;
  if (shutdown.get() == py_true()) return new_ref(py_none());
  Object** f = list_items(info.get());
  return call_tuple_dict(ts, f[kInfoFunc], f[kInfoArgs], is_none(f[kInfoKwargs]) ? nullptr : f[kInfoKwargs]);
}

// detach() / peek(): (obj, func, args, kwargs) while alive, else None.
Object* fin_state(ThreadState* ts, Object* self, bool pop) {
  Ref info = Ref::steal(fin_info(ts, self, false));
  if (!info) return nullptr;
  if (is_none(info.get())) return new_ref(py_none());
  Object** f = list_items(info.get());
  Object* obj = referent(f[kInfoWeakref]);
  if (!obj) return new_ref(py_none());
  Ref keep = Ref::borrow(obj);
  if (pop) {
    Ref popped = Ref::steal(fin_info(ts, self, true));
    if (!popped) return nullptr;
  }
  Ref kwargs = Ref::steal(is_none(f[kInfoKwargs]) ? dict_new(ts) : new_ref(f[kInfoKwargs]));
  if (!kwargs) return nullptr;
  return tuple_pack(ts, {obj, f[kInfoFunc], f[kInfoArgs], kwargs.get()});
}
Object* fin_detach(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return fin_state(ts, self, true); }
Object* fin_peek(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return fin_state(ts, self, false); }

Object* fin_alive(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref info = Ref::steal(fin_info(ts, self, false));
  if (!info) return nullptr;
  return new_ref(py_bool(!is_none(info.get())));
}

Object* fin_get_atexit(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref info = Ref::steal(fin_info(ts, self, false));
  if (!info) return nullptr;
  if (is_none(info.get())) return new_ref(py_false());
  return new_ref(list_items(info.get())[kInfoAtexit]);
}

Object* fin_set_atexit(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  if (nargs != 1) return raise(ts, &exc::TypeError, "atexit setter takes one argument");
  Ref info = Ref::steal(fin_info(ts, self, false));
  if (!info) return nullptr;
  if (!is_none(info.get())) {
    int t = is_true(ts, args[0]);
    if (t < 0) return nullptr;
    Object*& slot = list_items(info.get())[kInfoAtexit];
    decref(slot);
    slot = new_ref(py_bool(t));
  }
  return new_ref(py_none());
}

Object* fin_repr(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  char me[32], it[32];
  std::snprintf(me, sizeof me, "%#lx", reinterpret_cast<unsigned long>(self));
  Ref info = Ref::steal(fin_info(ts, self, false));
  if (!info) return nullptr;
  Object* obj = is_none(info.get()) ? nullptr : referent(list_items(info.get())[kInfoWeakref]);
  if (!obj) return str_from_format(ts, "<%s object at %s; dead>", type_name(self->ob_type), me);
  std::snprintf(it, sizeof it, "%#lx", reinterpret_cast<unsigned long>(obj));
  return str_from_format(ts, "<%s object at %s; for '%s' at %s>", type_name(self->ob_type), me, type_name(obj->ob_type), it);
}

// At exit: the pending finalizers with atexit set, newest first; then
// calling a finalizer does nothing (_shutdown).
Object* fin_exitfunc(ThreadState* ts, Object* cls, Object* const*, size_t, Object*) {
  Ref registry = Ref::steal(attr(ts, cls, "_registry"));
  if (!registry) return nullptr;
  for (;;) {
    Object* best = nullptr;
    Object* best_index = nullptr;
    size_t pos = 0;
    Object *f, *info;
    while (dict_next(registry.get(), &pos, &f, &info)) {
      Object** fields = list_items(info);
      if (fields[kInfoAtexit] != py_true()) continue;
      if (best_index) {
        int newer = rich_compare_bool(ts, fields[kInfoIndex], best_index, CompareOp::Gt);
        if (newer < 0) return nullptr;
        if (!newer) continue;
      }
      best = f;
      best_index = fields[kInfoIndex];
    }
    if (!best) break;
    Ref fin = Ref::borrow(best);
    Ref r = Ref::steal(call(ts, fin.get(), nullptr, 0));
    if (!r) runtime::write_unraisable(ts, fin.get());
    // Make sure it left the registry even if __call__ was overridden.
    Object* out = nullptr;
    if (dict_pop(ts, registry.get(), fin.get(), &out) < 0) return nullptr;
    xdecref(out);
  }
  if (set_attr_cstr(ts, cls, "_shutdown", py_true()) < 0) return nullptr;
  return new_ref(py_none());
}

constexpr MethodDef fin_methods[] = {
    {"__init__", fin_init, kMethKeywords},
    {"__call__", fin_call, kMethKeywords},
    {"detach", fin_detach, kMethNoArgs},
    {"peek", fin_peek, kMethNoArgs},
    {"__repr__", fin_repr, kMethNoArgs},
    kFinExit,
    {},
};

}  // namespace

// Adds KeyedRef, WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod
// and finalize to the weakref module `m`.
int add_weakref_classes(ThreadState* ts, Object* m) {
  Ref abc = Ref::steal(import_module(ts, "_collections_abc"));
  if (!abc) return -1;
  Ref mutable_mapping = Ref::steal(attr(ts, abc.get(), "MutableMapping"));
  Ref mutable_set = Ref::steal(mutable_mapping ? attr(ts, abc.get(), "MutableSet") : nullptr);
  if (!mutable_set) return -1;
  Ref ref_bases = Ref::steal(tuple_pack(ts, {&weakref_type}));
  Ref map_bases = Ref::steal(tuple_pack(ts, {mutable_mapping.get()}));
  Ref set_bases = Ref::steal(tuple_pack(ts, {mutable_set.get()}));
  Ref obj_bases = Ref::steal(tuple_pack(ts, {&object_type}));
  if (!ref_bases || !map_bases || !set_bases || !obj_bases) return -1;

  static constexpr MethodDef kKeyedNew = {"__new__", keyedref_new, kMethFast};
  Ref keyed_new = Ref::steal(bound_builtin(ts, &kKeyedNew, nullptr));
  if (add_object(ts, m, "KeyedRef",
                 build_class(ts, "KeyedRef", ref_bases.get(), keyedref_methods,
                             {{"__new__", keyed_new.release()},
                              {"__doc__", str_from_cstr(ts, "Specialized reference that includes a key corresponding to "
                                                            "the value.")}})) < 0) {
    return -1;
  }
  if (add_object(ts, m, "WeakValueDictionary",
                 build_class(ts, "WeakValueDictionary", map_bases.get(), wvd_methods,
                             {{"__doc__", str_from_cstr(ts, "Mapping class that references values weakly.")}})) < 0 ||
      add_object(ts, m, "WeakKeyDictionary",
                 build_class(ts, "WeakKeyDictionary", map_bases.get(), wkd_methods,
                             {{"__doc__", str_from_cstr(ts, "Mapping class that references keys weakly.")}})) < 0 ||
      add_object(ts, m, "WeakSet",
                 build_class(ts, "WeakSet", set_bases.get(), ws_methods, {{"__hash__", new_ref(py_none())}})) < 0) {
    return -1;
  }
  static constexpr MethodDef kWmNew = {"__new__", wm_new, kMethFast};
  Ref ref_hash = Ref::steal(attr(ts, static_cast<Object*>(&weakref_type), "__hash__"));
  if (!ref_hash) return -1;
  if (add_object(ts, m, "WeakMethod",
                 build_class(ts, "WeakMethod", ref_bases.get(), wm_methods,
                             {{"__new__", bound_builtin(ts, &kWmNew, nullptr)},
                              {"__hash__", ref_hash.release()},
                              {"__doc__", str_from_cstr(ts, "A custom `weakref.ref` subclass which simulates a weak "
                                                            "reference to a bound method, working around the "
                                                            "lifetime problem of bound methods.")}})) < 0) {
    return -1;
  }
  static constexpr MethodDef kAliveGet = {"alive", fin_alive, kMethNoArgs};
  static constexpr MethodDef kAtexitGet = {"atexit", fin_get_atexit, kMethNoArgs};
  static constexpr MethodDef kAtexitSet = {"atexit", fin_set_atexit, kMethFast};
  return add_object(ts, m, "finalize",
                    build_class(ts, "finalize", obj_bases.get(), fin_methods,
                                {{"__slots__", new_ref(tuple_empty())},
                                 {"_registry", dict_new(ts)},
                                 {"_shutdown", new_ref(py_false())},
                                 {"_registered_with_atexit", new_ref(py_false())},
                                 {"_dirty", new_ref(py_false())},
                                 {"_index", int_from_i64(ts, 0)},
                                 {"alive", make_property(ts, &kAliveGet, nullptr)},
                                 {"atexit", make_property(ts, &kAtexitGet, &kAtexitSet)},
                                 {"__doc__", str_from_cstr(ts, "Class for finalization of weakrefable objects")}}));
}

}  // namespace spindle::modules
