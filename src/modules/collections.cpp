// The collections module: binds the container types defined in the
// collections_*.cpp files (deque, defaultdict, OrderedDict as static types;
// Counter and ChainMap as classes built at import) and namedtuple; the helpers
// of collections_internal.h.
#include <string>

#include "modules/collections_internal.h"
#include "modules/import.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

Object* build_class(ThreadState* ts, const char* name, Object* bases, Type* owner, const MethodDef* methods,
                    const char* doc) {
  Ref ns = Ref::steal(dict_new(ts));
  if (!ns) return nullptr;
  Ref mod = Ref::steal(str_from_cstr(ts, "collections"));
  if (!mod || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0) return nullptr;
  if (doc) {
    Ref d = Ref::steal(str_from_cstr(ts, doc));
    if (!d || dict_set_item_str(ts, ns.get(), "__doc__", d.get()) < 0) return nullptr;
  }
  for (const MethodDef* m = methods; m->name; ++m) {
    Ref descr = Ref::steal((m->flags & kMethClass) ? descr_new_classmethod(ts, owner, m) : descr_new_method(ts, owner, m));
    if (!descr || dict_set_item_str(ts, ns.get(), m->name, descr.get()) < 0) return nullptr;
  }
  Ref n = Ref::steal(str_from_cstr(ts, name));
  if (!n) return nullptr;
  return type_new(ts, &type_type, n.get(), bases, ns.get(), nullptr);
}

Type* find_class_with(ThreadState* ts, Type* t, const MethodDef* marker) {
  Object* mro = t->mro;
  if (!mro) return nullptr;
  for (int64_t i = 0; i < tuple_size(mro); ++i) {
    Type* k = static_cast<Type*>(tuple_item_borrowed(mro, i));
    if (!k->dict || !has_flag(k, kTypeHeap)) continue;
    Object* d = dict_get_item_str_borrowed(ts, k->dict, marker->name);
    if (d && (d->ob_type == &method_descr_type || d->ob_type == &classmethod_descr_type) &&
        static_cast<MethodDescrObject*>(d)->d_method == marker) {
      return k;
    }
  }
  return nullptr;
}

int check_py_arity(ThreadState* ts, const char* qualname, size_t nargs, size_t min, size_t max,
                   const char* const* names) {
  if (nargs > max) {
    if (min == max) {
      runtime::raise_format(ts, &exc::TypeError, "%s() takes %zu positional argument%s but %zu were given", qualname,
                            max + 1, max == 0 ? "" : "s", nargs + 1);
    } else {
      runtime::raise_format(ts, &exc::TypeError, "%s() takes from %zu to %zu positional arguments but %zu were given",
                            qualname, min + 1, max + 1, nargs + 1);
    }
    return -1;
  }
  if (nargs < min) {
    size_t missing = min - nargs;
    std::string list;
    for (size_t i = nargs; i < min; ++i) {
      if (i > nargs) list += (i + 1 == min) ? (missing == 2 ? " and " : ", and ") : ", ";
      list += std::string("'") + names[i] + "'";
    }
    runtime::raise_format(ts, &exc::TypeError, "%s() missing %zu required positional argument%s: %s", qualname, missing,
                          missing == 1 ? "" : "s", list.c_str());
    return -1;
  }
  return 0;
}

namespace {

// The module __getattr__ (PEP 562). UserDict, UserList and UserString are
// Python classes (lib/_collections_user.py: subclasses rely on every method
// going through the overridable ones, which Python code gives for free);
// they are loaded on first access and stored here, so later lookups never
// come back. `abc` is the collections.abc submodule, which CPython's start-up
// has always imported by the time a program looks.
Object* collections_getattr(ThreadState* ts, Object* module, Object* const* args, size_t, Object*) {
  Object* name = args[0];
  if (is_str(name)) {
    if (str_equal_cstr(name, "abc")) return import_module(ts, "collections.abc");
    for (const char* user : {"UserDict", "UserList", "UserString"}) {
      if (!str_equal_cstr(name, user)) continue;
      Ref src = Ref::steal(import_module(ts, "_collections_user"));
      if (!src) return nullptr;
      for (const char* each : {"UserDict", "UserList", "UserString"}) {
        Ref cls = Ref::steal(get_attr_str(ts, src.get(), each));
        if (!cls || dict_set_item_str(ts, module_dict_borrowed(module), each, cls.get()) < 0) return nullptr;
      }
      return get_attr(ts, src.get(), name);
    }
  }
  Ref r = Ref::steal(repr(ts, name));
  if (!r) return nullptr;
  return runtime::raise(ts, &exc::AttributeError,
                        "module 'collections' has no attribute " + std::string(str_view(ts, r.get())));
}

// The module __dir__: its namespace plus the names __getattr__ provides.
Object* collections_dir(ThreadState* ts, Object* module, Object* const*, size_t, Object*) {
  return module_names_with(ts, module, {"UserDict", "UserList", "UserString", "abc"});
}

const MethodDef collections_functions[] = {
    {"__dir__", collections_dir, kMethNoArgs},
    {"namedtuple", collections_namedtuple, kMethKeywords, "Returns a new subclass of tuple with named fields."},
    {"__getattr__", collections_getattr, kMethO},
    {},
};
}  // namespace

Object* init_collections_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "collections", collections_functions,
                                       "This module implements specialized container datatypes."));
  if (!m) return nullptr;
  for (Type* t : {&deque_type, &defaultdict_type, &ordereddict_type}) {
    if (add_type(ts, m.get(), t) < 0) return nullptr;
  }
  if (add_object(ts, m.get(), "Counter", make_counter_class(ts)) < 0) return nullptr;
  if (add_object(ts, m.get(), "ChainMap", make_chainmap_class(ts)) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
