// The functools module, part 2: the caches — lru_cache / cache (the
// _lru_cache_wrapper type and its CacheInfo results) and cached_property.
//
// lru_cache invariants:
//   * `cache` is a dict from call keys to results. Its insertion order IS the
//     recency order: a hit moves the entry to the end (delete + insert), and
//     eviction removes the first entry. So hits, misses and which entry goes
//     first are those of CPython's linked list.
//   * Keys are built as CPython's: the arguments tuple; a lone exact int or
//     str argument stands for itself; keyword arguments add a marker object
//     and then name, value pairs; typed=True adds the types of all the
//     values. Equal arguments (1 and 1.0) therefore share an entry unless
//     typed.
//   * maxsize: -1 = unbounded, 0 = no caching (every call is a miss).
//     Misses are counted before the call, so a call that raises still counts.
#include <cstddef>

#include "modules/functools_internal.h"
#include "modules/iter_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);
}  // namespace spindle::objects

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type functools_lru_cache_wrapper_type;
Type functools_cacheinfo_type;
Type functools_cached_property_type;

namespace {

// Separates positional from keyword arguments in cache keys (immortal, so
// no key can ever contain an equal object by accident).
Object kwd_mark{&object_type};

// ---------------------------------------------------------------------------
// CacheInfo(hits, misses, maxsize, currsize): a tuple subclass
// ---------------------------------------------------------------------------

constexpr const char* kCacheInfoFields[] = {"hits", "misses", "maxsize", "currsize"};

Object* cacheinfo_make(ThreadState* ts, int64_t hits, int64_t misses, int64_t maxsize, int64_t currsize) {
  auto* t = static_cast<Tuple*>(type_generic_alloc(ts, &functools_cacheinfo_type, 4));
  if (!t) return nullptr;
  t->size = 4;
  t->hash = -1;
  int64_t values[4] = {hits, misses, maxsize, currsize};
  for (int i = 0; i < 4; ++i) {
    Object* v = (i == 2 && maxsize < 0) ? new_ref(py_none()) : int_from_i64(ts, values[i]);
    if (!v) {
      decref(t);
      return nullptr;
    }
    t->items[i] = v;
  }
  return t;
}

// CacheInfo(hits, misses, maxsize, currsize), as the namedtuple's __new__.
Object* cacheinfo_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"hits", ParamKind::PositionalOrKeyword, kRequired},
                                      {"misses", ParamKind::PositionalOrKeyword, kRequired},
                                      {"maxsize", ParamKind::PositionalOrKeyword, kRequired},
                                      {"currsize", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("CacheInfo", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  auto* t = static_cast<Tuple*>(type_generic_alloc(ts, type, 4));
  if (!t) return nullptr;
  t->size = 4;
  t->hash = -1;
  for (int i = 0; i < 4; ++i) t->items[i] = new_ref(av[static_cast<size_t>(i)]);
  return t;
}

Object* cacheinfo_repr(ThreadState* ts, Object* self) {
  StrBuilder b;
  b.append("CacheInfo(");
  for (int64_t i = 0; i < 4 && i < tuple_size(self); ++i) {
    if (i) b.append(", ");
    b.append(kCacheInfoFields[i]);
    b.append("=");
    Ref r = Ref::steal(repr(ts, tuple_item_borrowed(self, i)));
    if (!r) return nullptr;
    b.append_str(ts, r.get());
  }
  b.append(")");
  return b.finish(ts);
}

template <int I>
Object* cacheinfo_field(ThreadState*, Object* self) {
  return new_ref(tuple_item_borrowed(self, I));
}

Object* cacheinfo_asdict(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  for (int i = 0; i < 4; ++i)
    if (dict_set_item_str(ts, d.get(), kCacheInfoFields[i], tuple_item_borrowed(self, i)) < 0) return nullptr;
  return d.release();
}

const GetSetDef cacheinfo_getsets[] = {
    {"hits", cacheinfo_field<0>, nullptr, "Alias for field number 0"},
    {"misses", cacheinfo_field<1>, nullptr, "Alias for field number 1"},
    {"maxsize", cacheinfo_field<2>, nullptr, "Alias for field number 2"},
    {"currsize", cacheinfo_field<3>, nullptr, "Alias for field number 3"},
    {},
};
const MethodDef cacheinfo_methods[] = {
    {"_asdict", cacheinfo_asdict, kMethNoArgs, "Return a new dict which maps field names to their values."},
    {},
};

// ---------------------------------------------------------------------------
// _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)
// ---------------------------------------------------------------------------

struct LruCache : Object {
  Object* func = nullptr;
  Object* cache = nullptr;       // dict key -> result, oldest first
  Object* typed_arg = nullptr;   // `typed` as given (cache_parameters shows it)
  Object* info_type = nullptr;   // what cache_info() calls with the four counts
  Object* dict = nullptr;        // instance __dict__ (update_wrapper fills it)
  int64_t maxsize = -1;          // -1: unbounded
  int64_t hits = 0;
  int64_t misses = 0;
  bool typed = false;
};

LruCache* L(Object* o) { return static_cast<LruCache*>(o); }

void lru_dealloc(Object* o) {
  release_and_free(o, {L(o)->func, L(o)->cache, L(o)->typed_arg, L(o)->info_type, L(o)->dict});
}
int lru_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({L(o)->func, L(o)->cache, L(o)->typed_arg, L(o)->info_type, L(o)->dict}, visit, arg);
}

// A wrapper for `func`; maxsize: None or an int (negative → 0).
Object* lru_make(ThreadState* ts, Type* type, Object* func, Object* maxsize, Object* typed, Object* info_type) {
  if (!is_callable(func)) return raise(ts, &exc::TypeError, "the first argument must be callable");
  int64_t size = -1;
  if (!is_none(maxsize)) {
    if (!is_int(maxsize)) return raise(ts, &exc::TypeError, "maxsize should be integer or None");
    size = as_ssize(ts, maxsize, &exc::OverflowError);
    if (size == -1 && runtime::has_exception(ts)) return nullptr;
    if (size < 0) size = 0;
  }
  int t = is_true(ts, typed);
  if (t < 0) return nullptr;
  Ref cache = Ref::steal(dict_new(ts));
  if (!cache) return nullptr;
  LruCache* w = new_instance<LruCache>(ts, type);
  if (!w) return nullptr;
  w->func = new_ref(func);
  w->cache = cache.release();
  w->typed_arg = new_ref(typed);
  w->info_type = new_ref(info_type);
  w->maxsize = size;
  w->typed = t != 0;
  return w;
}

Object* lru_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"user_function", ParamKind::PositionalOrKeyword, kRequired},
                                      {"maxsize", ParamKind::PositionalOrKeyword, kRequired},
                                      {"typed", ParamKind::PositionalOrKeyword, kRequired},
                                      {"cache_info_type", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("_lru_cache_wrapper", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return lru_make(ts, type, av[0], av[1], av[2], av[3]);
}

// The cache key of a call (see the header comment).
Object* make_key(ThreadState* ts, bool typed, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames_count(kwnames);
  if (!typed && nkw == 0 && nargs == 1 && (is_int_exact(args[0]) || is_str_exact(args[0]))) return new_ref(args[0]);
  size_t size = nargs + (nkw ? 2 * nkw + 1 : 0) + (typed ? nargs + nkw : 0);
  Ref key = Ref::steal(tuple_new(ts, size));
  if (!key) return nullptr;
  Object** items = tuple_items(key.get());
  size_t k = 0;
  for (size_t i = 0; i < nargs; ++i) items[k++] = new_ref(args[i]);
  if (nkw) {
    items[k++] = new_ref(&kwd_mark);
    for (size_t i = 0; i < nkw; ++i) {
      items[k++] = new_ref(tuple_item_borrowed(kwnames, static_cast<int64_t>(i)));
      items[k++] = new_ref(args[nargs + i]);
    }
  }
  if (typed) {
    for (size_t i = 0; i < nargs + nkw; ++i) items[k++] = new_ref(static_cast<Object*>(args[i]->ob_type));
  }
  return key.release();
}

Object* lru_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  LruCache* w = L(self);
  if (w->maxsize == 0) {
    ++w->misses;
    return call(ts, w->func, args, nargs, kwnames);
  }
  Ref key = Ref::steal(make_key(ts, w->typed, args, nargs, kwnames));
  if (!key) return nullptr;
  Object* found = dict_get_item_borrowed(ts, w->cache, key.get());
  if (found) {
    Ref result = Ref::borrow(found);
    ++w->hits;
    if (w->maxsize > 0) {
      // Most recently used goes last.
      if (dict_del_item(ts, w->cache, key.get()) < 0 || dict_set_item(ts, w->cache, key.get(), result.get()) < 0) {
        return nullptr;
      }
    }
    return result.release();
  }
  if (runtime::has_exception(ts)) return nullptr;
  ++w->misses;
  Ref result = Ref::steal(call(ts, w->func, args, nargs, kwnames));
  if (!result) return nullptr;
  if (w->maxsize > 0) {
    // The call may have added this key itself (recursion): keep that entry.
    int present = dict_contains(ts, w->cache, key.get());
    if (present < 0) return nullptr;
    if (present) return result.release();
    if (dict_size(w->cache) >= w->maxsize) {
      size_t pos = 0;
      Object *oldest, *value;
      if (dict_next(w->cache, &pos, &oldest, &value)) {
        Ref old = Ref::borrow(oldest);
        if (dict_del_item(ts, w->cache, old.get()) < 0) return nullptr;
      }
    }
  }
  if (dict_set_item(ts, w->cache, key.get(), result.get()) < 0) return nullptr;
  return result.release();
}

Object* lru_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj || is_none(obj)) return new_ref(self);
  return method_new(ts, self, obj);
}

Object* lru_cache_info(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  LruCache* w = L(self);
  if (w->info_type == &functools_cacheinfo_type) {
    return cacheinfo_make(ts, w->hits, w->misses, w->maxsize, dict_size(w->cache));
  }
  Ref counts[4] = {Ref::steal(int_from_i64(ts, w->hits)), Ref::steal(int_from_i64(ts, w->misses)),
                   Ref::steal(w->maxsize < 0 ? new_ref(py_none()) : int_from_i64(ts, w->maxsize)),
                   Ref::steal(int_from_i64(ts, dict_size(w->cache)))};
  Object* argv[4];
  for (int i = 0; i < 4; ++i) {
    if (!counts[i]) return nullptr;
    argv[i] = counts[i].get();
  }
  return call(ts, w->info_type, argv, 4);
}

Object* lru_cache_clear(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  LruCache* w = L(self);
  w->hits = w->misses = 0;
  Ref fresh = Ref::steal(dict_new(ts));
  if (!fresh) return nullptr;
  set_ref(w->cache, fresh.release());
  return py_none();
}

// cache_parameters(): {'maxsize': ..., 'typed': ...}. Like CPython's lambda it
// lives in the wrapper's __dict__ and holds only the two values, not the
// wrapper.
Object* lru_cache_parameters(ThreadState* ts, Object* maxsize, Object* typed, Object* const*, size_t nargs,
                             Object* kwnames) {
  if (nargs || kwnames_count(kwnames)) {
    if (kwnames_count(kwnames)) {
      return raise_format(ts, &exc::TypeError,
                          "lru_cache.<locals>.decorating_function.<locals>.<lambda>() got an unexpected keyword argument '%s'",
                          str_utf8(ts, tuple_item_borrowed(kwnames, 0)));
    }
    return raise_format(ts, &exc::TypeError,
                        "lru_cache.<locals>.decorating_function.<locals>.<lambda>() takes 0 positional arguments but %zu %s given",
                        nargs, nargs == 1 ? "was" : "were");
  }
  Ref d = Ref::steal(dict_new(ts));
  if (!d || dict_set_item_str(ts, d.get(), "maxsize", maxsize) < 0 ||
      dict_set_item_str(ts, d.get(), "typed", typed) < 0) {
    return nullptr;
  }
  return d.release();
}

Object* lru_copy(ThreadState*, Object* self, Object* const*, size_t, Object*) { return new_ref(self); }

Object* lru_get_dict(ThreadState* ts, Object* o) { return instance_dict_get(ts, &L(o)->dict); }
int lru_set_dict(ThreadState* ts, Object* o, Object* v) { return instance_dict_set(ts, &L(o)->dict, v); }

const MethodDef lru_methods[] = {
    {"cache_info", lru_cache_info, kMethNoArgs, "Report cache statistics"},
    {"cache_clear", lru_cache_clear, kMethNoArgs, "Clear the cache and cache statistics"},
    {"__copy__", lru_copy, kMethNoArgs},
    {"__deepcopy__", lru_copy, kMethO},
    {},
};
const GetSetDef lru_getsets[] = {{"__dict__", lru_get_dict, lru_set_dict}, {}};


// wrapper = _lru_cache_wrapper(func, maxsize, typed); update_wrapper(wrapper, func).
Object* lru_wrap(ThreadState* ts, Object* func, Object* maxsize, Object* typed) {
  Ref w = Ref::steal(lru_make(ts, &functools_lru_cache_wrapper_type, func, maxsize, typed, &functools_cacheinfo_type));
  if (!w) return nullptr;
  Ref cache_parameters = Ref::steal(closure_new(ts, lru_cache_parameters, "<lambda>",
                                                "lru_cache.<locals>.decorating_function.<locals>.<lambda>", maxsize,
                                                typed));
  Object* wdict = cache_parameters ? lru_get_dict(ts, w.get()) : nullptr;
  if (!wdict) return nullptr;
  int rc = dict_set_item_str(ts, wdict, "cache_parameters", cache_parameters.get());
  decref(wdict);
  if (rc < 0) return nullptr;
  Object* argv[2] = {w.get(), func};
  Ref r = Ref::steal(functools_update_wrapper(ts, nullptr, argv, 2, nullptr));
  if (!r) return nullptr;
  return r.release();
}

// The decorator lru_cache(maxsize, typed) returns.
Object* lru_decorate(ThreadState* ts, Object* maxsize, Object* typed, Object* const* args, size_t nargs,
                     Object* kwnames) {
  static constexpr Param kParams[] = {{"user_function", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("decorating_function", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return lru_wrap(ts, av[0], maxsize, typed);
}

// ---------------------------------------------------------------------------
// cached_property(func)
// ---------------------------------------------------------------------------

struct CachedProperty : Object {
  Object* func = nullptr;
  Object* attrname = nullptr;  // set by __set_name__ (None before)
  Object* doc = nullptr;
  Object* dict = nullptr;
};

CachedProperty* CP(Object* o) { return static_cast<CachedProperty*>(o); }

void cp_dealloc(Object* o) { release_and_free(o, {CP(o)->func, CP(o)->attrname, CP(o)->doc, CP(o)->dict}); }
int cp_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({CP(o)->func, CP(o)->attrname, CP(o)->doc, CP(o)->dict}, visit, arg);
}

// Like CPython's Python class: __new__ only allocates, __init__ fills in.
Object* cp_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  CachedProperty* p = new_instance<CachedProperty>(ts, type);
  if (p) p->attrname = new_ref(py_none());
  return p;
}

int cp_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"func", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("cached_property.__init__", kParams);
  if (nargs + kwnames_count(kwnames) == 0) {
    raise(ts, &exc::TypeError, "cached_property.__init__() missing 1 required positional argument: 'func'");
    return -1;
  }
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return -1;
  Ref doc = Ref::steal(get_attr(ts, av[0], ts->id->dunder_doc));
  if (!doc) return -1;
  CachedProperty* p = CP(self);
  set_ref(p->func, new_ref(av[0]));
  set_ref(p->attrname, new_ref(py_none()));
  set_ref(p->doc, doc.release());
  return 0;
}

Object* cp_set_name(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "__set_name__", nargs, kwnames, 2, 2) < 0) return nullptr;
  Object* name = args[1];
  CachedProperty* p = CP(self);
  if (is_none(p->attrname)) {
    set_ref(p->attrname, new_ref(name));
    return py_none();
  }
  int eq = rich_compare_bool(ts, name, p->attrname, CompareOp::Eq);
  if (eq < 0) return nullptr;
  if (!eq) {
    std::string a = repr_utf8(ts, p->attrname), b = repr_utf8(ts, name);
    return raise_format(ts, &exc::TypeError,
                        "Cannot assign the same cached_property to two different names (%s and %s).", a.c_str(),
                        b.c_str());
  }
  return py_none();
}

Object* cp_get(ThreadState* ts, Object* self, Object* instance, Object*) {
  CachedProperty* p = CP(self);
  if (!instance || is_none(instance)) return new_ref(self);
  if (is_none(p->attrname)) {
    return raise(ts, &exc::TypeError, "Cannot use cached_property instance without calling __set_name__ on it.");
  }
  Ref attrname = Ref::borrow(p->attrname);
  Ref cache = Ref::steal(get_attr(ts, instance, ts->id->dunder_dict));
  if (!cache) {
    if (!runtime::exception_matches(ts, &exc::AttributeError)) return nullptr;
    runtime::clear_exception(ts);
    std::string n = repr_utf8(ts, attrname.get());
    return raise_format(ts, &exc::TypeError, "No '__dict__' attribute on '%s' instance to cache %s property.",
                        type_name(instance->ob_type), n.c_str());
  }
  Object* cached = nullptr;
  if (is_dict(cache.get())) {
    cached = xnew_ref(dict_get_item_borrowed(ts, cache.get(), attrname.get()));
    if (!cached && runtime::has_exception(ts)) return nullptr;
  } else {
    cached = get_item(ts, cache.get(), attrname.get());
    if (!cached) {
      if (!runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
      runtime::clear_exception(ts);
    }
  }
  if (cached) return cached;
  Ref val = Ref::steal(call(ts, p->func, &instance, 1));
  if (!val) return nullptr;
  if (set_item(ts, cache.get(), attrname.get(), val.get()) < 0) {
    if (!runtime::exception_matches(ts, &exc::TypeError)) return nullptr;
    runtime::clear_exception(ts);
    std::string n = repr_utf8(ts, attrname.get());
    return raise_format(ts, &exc::TypeError,
                        "The '__dict__' attribute on '%s' instance does not support item assignment for caching %s property.",
                        type_name(instance->ob_type), n.c_str());
  }
  return val.release();
}

Object* cp_get_dict(ThreadState* ts, Object* o) { return instance_dict_get(ts, &CP(o)->dict); }
int cp_set_dict(ThreadState* ts, Object* o, Object* v) { return instance_dict_set(ts, &CP(o)->dict, v); }

const MemberDef cp_members[] = {
    {"func", MemberKind::Object, offsetof(CachedProperty, func), false},
    {"attrname", MemberKind::Object, offsetof(CachedProperty, attrname), false},
    {"__doc__", MemberKind::ObjectOrNone, offsetof(CachedProperty, doc), false},
    {},
};
const GetSetDef cp_getsets[] = {{"__dict__", cp_get_dict, cp_set_dict}, {}};
const MethodDef cp_methods[] = {
    {"__set_name__", cp_set_name, kMethFast},
    {"__class_getitem__", class_getitem, kMethO | kMethClass, "See PEP 585"},
    {},
};

}  // namespace

// lru_cache(maxsize=128, typed=False): a decorator, or (called with the
// function itself) the wrapper.
Object* functools_lru_cache(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"maxsize", ParamKind::PositionalOrKeyword, kOptional},
                                      {"typed", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("lru_cache", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* typed = av.has(1) ? av[1] : py_false();
  Ref maxsize = Ref::borrow(av.has(0) ? av[0] : nullptr);
  if (!maxsize) maxsize = Ref::steal(int_from_i64(ts, 128));
  if (!maxsize) return nullptr;
  if (is_int(maxsize.get())) {
    if (int_sign(maxsize.get()) < 0) maxsize = Ref::steal(int_from_i64(ts, 0));
  } else if (is_callable(maxsize.get()) && is_bool(typed)) {
    Ref size = Ref::steal(int_from_i64(ts, 128));
    if (!size) return nullptr;
    return lru_wrap(ts, maxsize.get(), size.get(), typed);
  } else if (!is_none(maxsize.get())) {
    return raise(ts, &exc::TypeError, "Expected first argument to be an integer, a callable, or None");
  }
  return closure_new(ts, lru_decorate, "decorating_function", "lru_cache.<locals>.decorating_function", maxsize.get(),
                     typed);
}

// cache(user_function) == lru_cache(maxsize=None)(user_function).
Object* functools_cache(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"user_function", ParamKind::PositionalOnly, kRequired}};
  static constexpr Signature kSig("cache", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return lru_wrap(ts, av[0], py_none(), py_false());
}

void init_functools_cacheinfo_type(Type& t) {
  t.name = "functools.CacheInfo";
  t.doc = "CacheInfo(hits, misses, maxsize, currsize)";
  t.base = &tuple_type;
  t.flags = kTypeBaseType;
  t.basicsize = tuple_type.basicsize;
  t.itemsize = tuple_type.itemsize;
  t.new_ = cacheinfo_new;
  t.repr = cacheinfo_repr;
  t.getsets = cacheinfo_getsets;
  t.methods = cacheinfo_methods;
}

void init_functools_lru_cache_wrapper_type(Type& t) {
  t.name = "functools._lru_cache_wrapper";
  t.doc = "Create a cached callable that wraps another function.";
  t.basicsize = sizeof(LruCache);
  t.flags = kTypeHaveGC | kTypeMethodDescriptor;
  t.dealloc = lru_dealloc;
  t.traverse = lru_traverse;
  t.new_ = lru_new;
  t.call = lru_call;
  t.descr_get = lru_get;
  t.methods = lru_methods;
  t.getsets = lru_getsets;
  t.dictoffset = offsetof(LruCache, dict);
}

void init_functools_cached_property_type(Type& t) {
  t.name = "functools.cached_property";
  t.basicsize = sizeof(CachedProperty);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = cp_dealloc;
  t.traverse = cp_traverse;
  t.new_ = cp_new;
  t.init = cp_init;
  t.descr_get = cp_get;
  t.members = cp_members;
  t.methods = cp_methods;
  t.getsets = cp_getsets;
  t.dictoffset = offsetof(CachedProperty, dict);
}

}  // namespace spindle::modules
