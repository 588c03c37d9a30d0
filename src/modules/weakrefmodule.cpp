// The weakref module (and _weakref): ref, proxy and the introspection
// functions over the weak-reference lists of objects/weakref.h; weakref also
// gets the classes of weakref_classes.cpp.
#include "modules/registry.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

// weakref_classes.cpp: WeakValueDictionary, WeakKeyDictionary, WeakSet,
// WeakMethod, KeyedRef and finalize.
int add_weakref_classes(ThreadState* ts, Object* m);

namespace {

Object* w_proxy(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return runtime::raise(ts, &exc::TypeError, "proxy() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) {
    return runtime::raise_format(ts, &exc::TypeError, "proxy expected at most 2 arguments, got %zu", nargs);
  }
  return weakproxy_new(ts, args[0], nargs > 1 ? args[1] : nullptr);
}

Object* w_getweakrefcount(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  return int_from_i64(ts, weaklist_ptr(args[0]) ? weakref_count(args[0]) : 0);
}

Object* w_getweakrefs(ThreadState* ts, Object*, Object* const* args, size_t, Object*) { return weakref_list(ts, args[0]); }

const MethodDef weakref_functions[] = {
    {"proxy", w_proxy, kMethKeywords},
    {"getweakrefcount", w_getweakrefcount, kMethO},
    {"getweakrefs", w_getweakrefs, kMethO},
    {},
};

Object* make_module(ThreadState* ts, const char* name) {
  Ref m = Ref::steal(new_native_module(ts, name, weakref_functions, "Weak-reference support module."));
  if (!m) return nullptr;
  if (add_object(ts, m.get(), "ref", new_ref(static_cast<Object*>(&weakref_type))) < 0 ||
      add_type(ts, m.get(), &weakref_type) < 0 || add_type(ts, m.get(), &weakproxy_type) < 0 ||
      add_type(ts, m.get(), &weakcallableproxy_type) < 0 ||
      add_object(ts, m.get(), "ProxyTypes", tuple_pack(ts, {&weakproxy_type, &weakcallableproxy_type})) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace

Object* init_weakref_module(ThreadState* ts) {
  Ref m = Ref::steal(make_module(ts, "weakref"));
  if (!m || add_weakref_classes(ts, m.get()) < 0) return nullptr;
  return m.release();
}
Object* init__weakref_module(ThreadState* ts) { return make_module(ts, "_weakref"); }

}  // namespace spindle::modules
