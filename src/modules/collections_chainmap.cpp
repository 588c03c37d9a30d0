// collections.ChainMap: a view of several mappings searched in order, built
// at import as a heap class (collections_internal.h) whose methods are the
// native functions below.
//
// State: the instance attribute `maps` (a list, never empty after __init__).
// Lookups search maps in order; writes and deletions touch maps[0] only;
// iteration yields the union of keys in the order of a dict filled from the
// last map to the first (CPython's order). keys()/values()/items() are the
// views of such a dict: a snapshot, not live views (no collections.abc here).
#include <algorithm>
#include <string>
#include <vector>

#include "modules/collections_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

// self.maps: a new reference (AttributeError if __init__ did not run).
Object* maps_of(ThreadState* ts, Object* self) { return get_attr_str(ts, self, "maps"); }

// self.maps as a list snapshot of owned references.
int maps_vector(ThreadState* ts, Object* self, std::vector<Ref>* out) {
  Ref maps = Ref::steal(maps_of(ts, self));
  if (!maps) return -1;
  Ref l = Ref::steal(sequence_list(ts, maps.get()));
  if (!l) return -1;
  for (int64_t i = 0; i < list_size(l.get()); ++i) out->push_back(Ref::borrow(list_items(l.get())[i]));
  return 0;
}

// self.maps[0]: a new reference.
Object* first_map(ThreadState* ts, Object* self) {
  Ref maps = Ref::steal(maps_of(ts, self));
  if (!maps) return nullptr;
  Ref zero = Ref::steal(int_from_i64(ts, 0));
  return zero ? get_item(ts, maps.get(), zero.get()) : nullptr;
}

// obj.name(*args): a new reference.
Object* call_named(ThreadState* ts, Object* obj, const char* name, Object* const* args, size_t nargs,
                   Object* kwnames = nullptr) {
  Ref fn = Ref::steal(get_attr_str(ts, obj, name));
  if (!fn) return nullptr;
  return call(ts, fn.get(), args, nargs, kwnames);
}

// type(self)(*maps)
Object* new_like(ThreadState* ts, Object* self, const std::vector<Object*>& maps) {
  return call(ts, self->ob_type, maps.data(), maps.size());
}

// The keys of all maps, in iteration order, as a dict (values None).
Object* merged_keys(ThreadState* ts, Object* self) {
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  for (auto m = maps.rbegin(); m != maps.rend(); ++m) {
    Ref it = Ref::steal(get_iter(ts, m->get()));
    if (!it) return nullptr;
    while (Object* k = iter_next(ts, it.get())) {
      Ref key = Ref::steal(k);
      if (dict_set_item(ts, d.get(), k, py_none()) < 0) return nullptr;
    }
    if (runtime::has_exception(ts)) return nullptr;
  }
  return d.release();
}

// self[key], or nullptr without an exception when no map has it.
Object* lookup(ThreadState* ts, Object* self, Object* key) {
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  for (Ref& m : maps) {
    Object* v = get_item(ts, m.get(), key);
    if (v) return v;
    if (!runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
    runtime::clear_exception(ts);
  }
  return nullptr;
}

Object* key_error_first(ThreadState* ts, Object* key) {
  std::string r = repr_utf8(ts, key);
  Ref msg = Ref::steal(str_from_format(ts, "Key not found in the first mapping: %s", r.c_str()));
  if (!msg) return nullptr;
  return raise_key_error_for(ts, msg.get());
}

// --- methods ---------------------------------------------------------------------

Object* cm_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames_count(kwnames)) {
    return raise_format(ts, &exc::TypeError, "ChainMap.__init__() got an unexpected keyword argument '%s'",
                        str_utf8(ts, tuple_items(kwnames)[0]));
  }
  Ref l = Ref::steal(list_new(ts, 0));
  if (!l) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (list_append(ts, l.get(), args[i]) < 0) return nullptr;
  if (nargs == 0) {
    Ref d = Ref::steal(dict_new(ts));
    if (!d || list_append(ts, l.get(), d.get()) < 0) return nullptr;
  }
  if (set_attr(ts, self, Ref::steal(str_from_cstr(ts, "maps")).get(), l.get()) < 0) return nullptr;
  return py_none();
}

Object* cm_missing(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  return raise_key_error_for(ts, args[0]);
}

Object* cm_getitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* v = lookup(ts, self, args[0]);
  if (v || runtime::has_exception(ts)) return v;
  return call_named(ts, self, "__missing__", args, 1);
}

Object* cm_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  for (Ref& m : maps) {
    int r = contains(ts, m.get(), args[0]);
    if (r < 0) return nullptr;
    if (r) return py_true();
  }
  return py_false();
}

Object* cm_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  static const char* const kNames[] = {"key", "default"};
  if (check_py_arity(ts, "ChainMap.get", nargs, 1, 2, kNames) < 0) return nullptr;
  Ref in = Ref::steal(cm_contains(ts, self, args, 1, nullptr));
  if (!in) return nullptr;
  if (in.get() == py_true()) return get_item(ts, self, args[0]);
  return new_ref(nargs > 1 ? args[1] : py_none());
}

Object* cm_len(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref d = Ref::steal(merged_keys(ts, self));
  if (!d) return nullptr;
  return int_from_i64(ts, dict_size(d.get()));
}

Object* cm_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref d = Ref::steal(merged_keys(ts, self));
  if (!d) return nullptr;
  return get_iter(ts, d.get());
}

Object* cm_bool(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  for (Ref& m : maps) {
    int t = is_true(ts, m.get());
    if (t < 0) return nullptr;
    if (t) return py_true();
  }
  return py_false();
}

Object* cm_repr(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  int rec = repr_enter(ts, self);
  if (rec != 0) return rec > 0 ? str_from_cstr(ts, "...") : nullptr;
  std::vector<Ref> maps;
  StrBuilder b;
  b.append(type_name(self->ob_type));
  b.append("(");
  bool ok = maps_vector(ts, self, &maps) == 0;
  for (size_t i = 0; ok && i < maps.size(); ++i) {
    if (i) b.append(", ");
    Ref r = Ref::steal(repr(ts, maps[i].get()));
    if (!r) ok = false;
    else b.append_str(ts, r.get());
  }
  repr_leave(ts, self);
  if (!ok) return nullptr;
  b.append(")");
  return b.finish(ts);
}

Object* cm_fromkeys(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1) return raise(ts, &exc::TypeError, "ChainMap.fromkeys() missing 1 required positional argument: 'iterable'");
  Ref fk = Ref::steal(get_attr_str(ts, &dict_type, "fromkeys"));
  if (!fk) return nullptr;
  Ref d = Ref::steal(call(ts, fk.get(), args, nargs));
  if (!d) return nullptr;
  Object* a = d.get();
  return call(ts, cls, &a, 1);
}

Object* cm_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  if (maps.empty()) return raise(ts, &exc::IndexError, "list index out of range");
  Ref first = Ref::steal(call_named(ts, maps[0].get(), "copy", nullptr, 0));
  if (!first) return nullptr;
  std::vector<Object*> args = {first.get()};
  for (size_t i = 1; i < maps.size(); ++i) args.push_back(maps[i].get());
  return new_like(ts, self, args);
}

Object* cm_new_child(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"m"};
  size_t nkw = kwnames_count(kwnames);
  Object* m = nargs ? args[0] : nullptr;
  Ref kw = Ref::steal(dict_new(ts));
  if (!kw) return nullptr;
  if (check_py_arity(ts, "ChainMap.new_child", nargs, 0, 1, kNames) < 0) return nullptr;
  for (size_t i = 0; i < nkw; ++i) {
    Object* name = tuple_items(kwnames)[i];
    if (str_equal_cstr(name, "m") && !m) {
      m = args[nargs + i];
      continue;
    }
    if (dict_set_item(ts, kw.get(), name, args[nargs + i]) < 0) return nullptr;
  }
  Ref child;
  if (!m || is_none(m)) {
    child = std::move(kw);
  } else {
    child = Ref::borrow(m);
    if (dict_size(kw.get()) > 0) {
      Object* a = kw.get();
      Ref r = Ref::steal(call_named(ts, m, "update", &a, 1));
      if (!r) return nullptr;
    }
  }
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  std::vector<Object*> cargs = {child.get()};
  for (Ref& x : maps) cargs.push_back(x.get());
  return new_like(ts, self, cargs);
}

Object* cm_parents(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  std::vector<Object*> args;
  for (size_t i = 1; i < maps.size(); ++i) args.push_back(maps[i].get());
  return new_like(ts, self, args);
}

Object* cm_setitem(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  static const char* const kNames[] = {"key", "value"};
  if (check_py_arity(ts, "ChainMap.__setitem__", nargs, 2, 2, kNames) < 0) return nullptr;
  Ref first = Ref::steal(first_map(ts, self));
  if (!first || set_item(ts, first.get(), args[0], args[1]) < 0) return nullptr;
  return py_none();
}

Object* cm_delitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref first = Ref::steal(first_map(ts, self));
  if (!first) return nullptr;
  if (del_item(ts, first.get(), args[0]) < 0) {
    if (!runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
    runtime::clear_exception(ts);
    return key_error_first(ts, args[0]);
  }
  return py_none();
}

Object* cm_popitem(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref first = Ref::steal(first_map(ts, self));
  if (!first) return nullptr;
  Object* r = call_named(ts, first.get(), "popitem", nullptr, 0);
  if (r || !runtime::exception_matches(ts, &exc::KeyError)) return r;
  runtime::clear_exception(ts);
  return raise(ts, &exc::KeyError, "No keys found in the first mapping.");
}

Object* cm_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  static const char* const kNames[] = {"key"};
  if (check_py_arity(ts, "ChainMap.pop", nargs, 1, 2, kNames) < 0) return nullptr;
  Ref first = Ref::steal(first_map(ts, self));
  if (!first) return nullptr;
  Object* r = call_named(ts, first.get(), "pop", args, nargs);
  if (r || !runtime::exception_matches(ts, &exc::KeyError)) return r;
  runtime::clear_exception(ts);
  return key_error_first(ts, args[0]);
}

Object* cm_clear(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref first = Ref::steal(first_map(ts, self));
  if (!first) return nullptr;
  return call_named(ts, first.get(), "clear", nullptr, 0);
}

Object* cm_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"other"};
  if (check_py_arity(ts, "ChainMap.update", nargs, 0, 1, kNames) < 0) return nullptr;
  Ref first = Ref::steal(first_map(ts, self));
  if (!first) return nullptr;
  Ref r = Ref::steal(call_named(ts, first.get(), "update", args, nargs, kwnames));
  if (!r) return nullptr;
  return py_none();
}

Object* cm_setdefault(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  static const char* const kNames[] = {"key", "default"};
  if (check_py_arity(ts, "ChainMap.setdefault", nargs, 1, 2, kNames) < 0) return nullptr;
  Object* v = get_item(ts, self, args[0]);
  if (v || !runtime::exception_matches(ts, &exc::KeyError)) return v;
  runtime::clear_exception(ts);
  Object* dflt = nargs > 1 ? args[1] : py_none();
  if (set_item(ts, self, args[0], dflt) < 0) return nullptr;
  return new_ref(dflt);
}

// Whether `o` counts as a Mapping for |, == (dicts and objects with keys()
// and __getitem__).
int is_mapping(ThreadState* ts, Object* o) {
  if (is_dict(o)) return 1;
  Ref keys = Ref::steal(lookup_attr(ts, o, ts->id->keys));
  if (!keys) return runtime::has_exception(ts) ? -1 : 0;
  return o->ob_type->mp_subscript != nullptr;
}

// dict(self): a snapshot of the merged mapping.
Object* as_dict(ThreadState* ts, Object* self) {
  Ref keys = Ref::steal(merged_keys(ts, self));
  if (!keys) return nullptr;
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  size_t pos = 0;
  Object *k, *unused;
  while (dict_next(keys.get(), &pos, &k, &unused)) {
    Ref v = Ref::steal(get_item(ts, self, k));
    if (!v || dict_set_item(ts, d.get(), k, v.get()) < 0) return nullptr;
  }
  return d.release();
}

Object* view_of(ThreadState* ts, Object* self, const char* which) {
  Ref d = Ref::steal(as_dict(ts, self));
  if (!d) return nullptr;
  return call_named(ts, d.get(), which, nullptr, 0);
}
Object* cm_keys(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return view_of(ts, self, "keys"); }
Object* cm_values(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return view_of(ts, self, "values"); }
Object* cm_items(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return view_of(ts, self, "items"); }

Object* cm_eq(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int m = is_mapping(ts, args[0]);
  if (m < 0) return nullptr;
  if (!m) return new_ref(py_not_implemented());
  Ref a = Ref::steal(as_dict(ts, self));
  if (!a) return nullptr;
  Ref b = Ref::steal(dict_new(ts));
  if (!b || dict_merge(ts, b.get(), args[0], true) < 0) return nullptr;
  return rich_compare(ts, a.get(), b.get(), CompareOp::Eq);
}

Object* cm_ior(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref first = Ref::steal(first_map(ts, self));
  if (!first) return nullptr;
  Ref r = Ref::steal(call_named(ts, first.get(), "update", args, 1));
  if (!r) return nullptr;
  return new_ref(self);
}

Object* cm_or(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int m = is_mapping(ts, args[0]);
  if (m <= 0) return m < 0 ? nullptr : new_ref(py_not_implemented());
  Ref c = Ref::steal(call_named(ts, self, "copy", nullptr, 0));
  if (!c) return nullptr;
  Ref first = Ref::steal(first_map(ts, c.get()));
  if (!first) return nullptr;
  Ref r = Ref::steal(call_named(ts, first.get(), "update", args, 1));
  if (!r) return nullptr;
  return c.release();
}

Object* cm_ror(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int m = is_mapping(ts, args[0]);
  if (m <= 0) return m < 0 ? nullptr : new_ref(py_not_implemented());
  Ref d = Ref::steal(dict_new(ts));
  if (!d || dict_merge(ts, d.get(), args[0], true) < 0) return nullptr;
  std::vector<Ref> maps;
  if (maps_vector(ts, self, &maps) < 0) return nullptr;
  for (auto it = maps.rbegin(); it != maps.rend(); ++it)
    if (dict_merge(ts, d.get(), it->get(), true) < 0) return nullptr;
  std::vector<Object*> cargs = {d.get()};
  return new_like(ts, self, cargs);
}

constexpr MethodDef chainmap_methods[] = {
    {"__init__", cm_init, kMethKeywords, "Initialize a ChainMap by setting *maps* to the given mappings."},
    {"__missing__", cm_missing, kMethO},
    {"__getitem__", cm_getitem, kMethO},
    {"get", cm_get, kMethFast},
    {"__len__", cm_len, kMethNoArgs},
    {"__iter__", cm_iter, kMethNoArgs},
    {"__contains__", cm_contains, kMethO},
    {"__bool__", cm_bool, kMethNoArgs},
    {"__repr__", cm_repr, kMethNoArgs},
    {"fromkeys", cm_fromkeys, kMethFast | kMethClass, "Create a ChainMap with a single dict created from the iterable."},
    {"copy", cm_copy, kMethNoArgs, "New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"},
    {"__copy__", cm_copy, kMethNoArgs},
    {"new_child", cm_new_child, kMethKeywords, "New ChainMap with a new map followed by all previous maps."},
    {"__setitem__", cm_setitem, kMethFast},
    {"__delitem__", cm_delitem, kMethO},
    {"popitem", cm_popitem, kMethNoArgs, "Remove and return an item pair from maps[0]."},
    {"pop", cm_pop, kMethFast, "Remove *key* from maps[0] and return its value."},
    {"clear", cm_clear, kMethNoArgs, "Clear maps[0], leaving maps[1:] intact."},
    {"update", cm_update, kMethKeywords},
    {"setdefault", cm_setdefault, kMethFast},
    {"keys", cm_keys, kMethNoArgs},
    {"values", cm_values, kMethNoArgs},
    {"items", cm_items, kMethNoArgs},
    {"__eq__", cm_eq, kMethO},
    {"__ior__", cm_ior, kMethO},
    {"__or__", cm_or, kMethO},
    {"__ror__", cm_ror, kMethO},
    {},
};

}  // namespace

Object* make_chainmap_class(ThreadState* ts) {
  Ref bases = Ref::steal(tuple_pack(ts, {&object_type}));
  if (!bases) return nullptr;
  Ref cls = Ref::steal(build_class(ts, "ChainMap", bases.get(), &object_type, chainmap_methods,
                                   "A ChainMap groups multiple dicts (or other mappings) together\n"
                                   "to create a single, updateable view.\n"));
  if (!cls) return nullptr;
  // parents: a read-only property whose getter is the native function.
  static constexpr MethodDef kParents = {"parents", cm_parents, kMethNoArgs, "New ChainMap from maps[1:]."};
  Ref getter = Ref::steal(descr_new_method(ts, &object_type, &kParents));
  if (!getter) return nullptr;
  Object* a = getter.get();
  Ref prop = Ref::steal(call(ts, &property_type, &a, 1));
  if (!prop || set_attr(ts, cls.get(), Ref::steal(str_from_cstr(ts, "parents")).get(), prop.get()) < 0) return nullptr;
  return cls.release();
}

}  // namespace spindle::modules
