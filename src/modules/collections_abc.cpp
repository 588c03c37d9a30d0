// _collections_abc (and collections.abc): the container ABCs, built in C++ as
// heap classes of ABCMeta whose methods are native method descriptors.
//
// How a class is made (make_abc): ABCMeta(name, bases, {__module__,
// __slots__ = (), ...}), then its abstract methods (wrapped in an
// _abstract_method that reports __isabstractmethod__), its mixin methods and
// its one-trick __subclasshook__ are added, and __abstractmethods__ is
// recomputed. The classes are per interpreter (module state lives in the
// module dict); mixins that need another ABC (isinstance(other, Set)) import
// _collections_abc, which sys.modules caches.
//
// Invariants:
//   * A __subclasshook__ answers only for the class that owns it: it finds
//     its table entry through the classmethod descriptor in cls's own
//     namespace, so subclasses (whose namespace lacks it) get NotImplemented.
//   * Iteration mixins (Sequence.__iter__) iterate lazily through the
//   __getitem__ protocol; view and reversed iterators snapshot the items.
#include <cstring>
#include <string>

#include "modules/abc_support.h"
#include "modules/import.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/interpreter.h"

namespace spindle::objects {
extern Type range_type;
// types.GenericAlias(origin, item) (genericalias.cpp).
[[nodiscard]] Object* generic_alias_new(ThreadState* ts, Object* origin, Object* item);
}

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

Object* intern(ThreadState* ts, const char* s) { return str_intern_cstr(ts, s); }

// self.<name>(*args)
Object* call_self(ThreadState* ts, Object* self, const char* name, std::initializer_list<Object*> args) {
  Ref n = Ref::steal(intern(ts, name));
  if (!n) return nullptr;
  return call_method(ts, self, n.get(), args.begin(), args.size());
}

// The ABC `name` of this interpreter's _collections_abc (a new reference).
Object* abc_class(ThreadState* ts, const char* name) {
  Ref m = Ref::steal(import_module(ts, "_collections_abc"));
  if (!m) return nullptr;
  Object* c = dict_get_item_str_borrowed(ts, module_dict_borrowed(m.get()), name);
  if (!c) return raise_format(ts, &exc::AttributeError, "module '_collections_abc' has no attribute '%s'", name);
  return new_ref(c);
}

// isinstance(o, <ABC name>). 0/1/-1.
int is_abc_instance(ThreadState* ts, Object* o, const char* name) {
  Ref c = Ref::steal(abc_class(ts, name));
  if (!c) return -1;
  return is_instance(ts, o, c.get());
}

// `a is b or a == b`. 0/1/-1.
int same_or_equal(ThreadState* ts, Object* a, Object* b) {
  if (a == b) return 1;
  return rich_compare_bool(ts, a, b, CompareOp::Eq);
}

// self[key], with KeyError reported as "absent" (nullptr, no exception).
Object* get_or_absent(ThreadState* ts, Object* self, Object* key, Type* absent = &exc::KeyError) {
  Object* v = get_item(ts, self, key);
  if (!v && runtime::exception_matches(ts, absent)) runtime::clear_exception(ts);
  return v;
}

Object* none() { return new_ref(py_none()); }

// ---------------------------------------------------------------------------
// _abstract_method: a native method marked abstract
// ---------------------------------------------------------------------------

struct AbstractMethod : Object {
  Object* func = nullptr;  // owned method descriptor
};

Object* am_wrap(ThreadState* ts, Object* func) {
  auto* w = static_cast<AbstractMethod*>(type_generic_alloc(ts, &abstract_method_type, 0));
  if (!w) return nullptr;
  w->func = new_ref(func);
  return w;
}

void am_dealloc(Object* o) {
  xdecref(static_cast<AbstractMethod*>(o)->func);
  free_object(o);
}

int am_traverse(Object* o, VisitFn visit, void* arg) {
  Object* f = static_cast<AbstractMethod*>(o)->func;
  return f ? visit(f, arg) : 0;
}

Object* am_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
  if (!obj) return new_ref(self);  // class access keeps the abstract marker
  Object* f = static_cast<AbstractMethod*>(self)->func;
  return f->ob_type->descr_get(ts, f, obj, type);
}

Object* am_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return call(ts, static_cast<AbstractMethod*>(self)->func, args, nargs, kwnames);
}

Object* am_getattro(ThreadState* ts, Object* self, Object* name) {
  if (is_str(name) && str_equal_cstr(name, "__isabstractmethod__")) return new_ref(py_true());
  return get_attr(ts, static_cast<AbstractMethod*>(self)->func, name);
}

Object* am_repr(ThreadState* ts, Object* self) { return repr(ts, static_cast<AbstractMethod*>(self)->func); }

// ---------------------------------------------------------------------------
// Abstract method bodies (what CPython's abstract defaults return)
// ---------------------------------------------------------------------------

Object* ab_zero(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return int_from_i64(ts, 0); }
Object* ab_false(ThreadState*, Object*, Object* const*, size_t, Object*) { return new_ref(py_false()); }
Object* ab_empty_iter(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return get_iter(ts, tuple_empty()); }
Object* ab_stop(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return runtime::raise_object(ts, &exc::StopIteration);
}
Object* ab_stop_async(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return runtime::raise_object(ts, &exc::StopAsyncIteration);
}
Object* ab_index_error(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return runtime::raise_object(ts, &exc::IndexError);
}
Object* ab_key_error(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return runtime::raise_object(ts, &exc::KeyError);
}
Object* ab_await(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  Ref t = Ref::steal(tuple_pack(ts, {py_none()}));
  return t ? get_iter(ts, t.get()) : nullptr;
}
Object* ab_aiter(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return raise(ts, &exc::TypeError, "Can't instantiate abstract class AsyncIterator with abstract method __anext__");
}
Object* ab_none(ThreadState*, Object*, Object* const*, size_t, Object*) { return none(); }

// Generator.throw / Coroutine.throw: raise typ, or typ(), with traceback tb.
Object* ab_throw(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "throw", nargs, kwnames, 1, 3) < 0) return nullptr;
  Object* typ = args[0];
  Object* val = nargs > 1 ? args[1] : py_none();
  Object* tb = nargs > 2 ? args[2] : py_none();
  Ref exc_obj;
  if (is_none(val)) {
    if (is_none(tb)) return runtime::raise_object(ts, typ);
    exc_obj = Ref::steal(call(ts, typ, nullptr, 0));
    if (!exc_obj) return nullptr;
  } else {
    exc_obj = Ref::borrow(val);
  }
  if (!is_none(tb)) {
    exc_obj = Ref::steal(call_self(ts, exc_obj.get(), "with_traceback", {tb}));
    if (!exc_obj) return nullptr;
  }
  return runtime::raise_object(ts, exc_obj.get());
}

// ---------------------------------------------------------------------------
// One-trick mixins
// ---------------------------------------------------------------------------

Object* m_self(ThreadState*, Object* self, Object* const*, size_t, Object*) { return new_ref(self); }

// cls[item]: a types.GenericAlias (Iterable[int], Sequence[str], ...).
Object* m_class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  return generic_alias_new(ts, cls, args[0]);
}

Object* m_gen_next(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return call_self(ts, self, "send", {py_none()});
}

Object* close_impl(ThreadState* ts, Object* self, const char* what) {
  Ref r = Ref::steal(call_self(ts, self, "throw", {&exc::GeneratorExit}));
  if (!r) {
    if (runtime::exception_matches(ts, &exc::GeneratorExit) || runtime::exception_matches(ts, &exc::StopIteration)) {
      runtime::clear_exception(ts);
      return none();
    }
    return nullptr;
  }
  return raise_format(ts, &exc::RuntimeError, "%s ignored GeneratorExit", what);
}
Object* m_gen_close(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return close_impl(ts, self, "generator");
}
Object* m_coro_close(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return close_impl(ts, self, "coroutine");
}

// ---------------------------------------------------------------------------
// Set
// ---------------------------------------------------------------------------

// Every item of `a` is in `b`. 0/1/-1.
int all_in(ThreadState* ts, Object* a, Object* b) {
  Ref it = Ref::steal(get_iter(ts, a));
  if (!it) return -1;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    int r = contains(ts, b, v);
    if (r <= 0) return r;
  }
  return runtime::has_exception(ts) ? -1 : 1;
}

// The comparisons: NotImplemented unless other is a Set.
Object* set_compare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
  int r = is_abc_instance(ts, other, "Set");
  if (r < 0) return nullptr;
  if (!r) return new_ref(py_not_implemented());
  int64_t ls = length(ts, self);
  if (ls < 0) return nullptr;
  int64_t lo = length(ts, other);
  if (lo < 0) return nullptr;
  int res = 0;
  switch (op) {
    case CompareOp::Le: res = ls > lo ? 0 : all_in(ts, self, other); break;
    case CompareOp::Lt: res = ls < lo ? all_in(ts, self, other) : 0; break;
    case CompareOp::Ge: res = ls < lo ? 0 : all_in(ts, other, self); break;
    case CompareOp::Gt: res = ls > lo ? all_in(ts, other, self) : 0; break;
    case CompareOp::Eq: res = ls == lo ? all_in(ts, self, other) : 0; break;
    default: break;
  }
  if (res < 0) return nullptr;
  return new_ref(py_bool(res));
}

Object* m_set_le(ThreadState* ts, Object* s, Object* const* a, size_t, Object*) { return set_compare(ts, s, a[0], CompareOp::Le); }
Object* m_set_lt(ThreadState* ts, Object* s, Object* const* a, size_t, Object*) { return set_compare(ts, s, a[0], CompareOp::Lt); }
Object* m_set_ge(ThreadState* ts, Object* s, Object* const* a, size_t, Object*) { return set_compare(ts, s, a[0], CompareOp::Ge); }
Object* m_set_gt(ThreadState* ts, Object* s, Object* const* a, size_t, Object*) { return set_compare(ts, s, a[0], CompareOp::Gt); }
Object* m_set_eq(ThreadState* ts, Object* s, Object* const* a, size_t, Object*) { return set_compare(ts, s, a[0], CompareOp::Eq); }

Object* m_from_iterable(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  return call(ts, cls, args, 1);
}

Object* m_set_from_iterable(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  return set_new(ts, args[0]);
}

Object* from_iterable(ThreadState* ts, Object* self, Object* items) {
  return call_self(ts, self, "_from_iterable", {items});
}

// The items of `src` whose membership in `probe` is `want` (a list).
Object* filter_by_membership(ThreadState* ts, Object* src, Object* probe, bool want) {
  Ref out = Ref::steal(list_new(ts, 0));
  Ref it = Ref::steal(get_iter(ts, src));
  if (!out || !it) return nullptr;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    int r = contains(ts, probe, v);
    if (r < 0) return nullptr;
    if ((r != 0) == want && list_append(ts, out.get(), v) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return out.release();
}

Object* m_set_and(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = is_abc_instance(ts, args[0], "Iterable");
  if (r <= 0) return r < 0 ? nullptr : new_ref(py_not_implemented());
  Ref items = Ref::steal(filter_by_membership(ts, args[0], self, true));
  return items ? from_iterable(ts, self, items.get()) : nullptr;
}

Object* m_set_or(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = is_abc_instance(ts, args[0], "Iterable");
  if (r <= 0) return r < 0 ? nullptr : new_ref(py_not_implemented());
  Ref items = Ref::steal(sequence_list(ts, self));
  if (!items || list_extend(ts, items.get(), args[0]) < 0) return nullptr;
  return from_iterable(ts, self, items.get());
}

// `other` as a Set (via _from_iterable when it is only an Iterable), or
// NotImplemented (a new reference either way).
Object* as_set(ThreadState* ts, Object* self, Object* other) {
  int r = is_abc_instance(ts, other, "Set");
  if (r < 0) return nullptr;
  if (r) return new_ref(other);
  r = is_abc_instance(ts, other, "Iterable");
  if (r <= 0) return r < 0 ? nullptr : new_ref(py_not_implemented());
  return from_iterable(ts, self, other);
}

Object* m_set_sub(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref other = Ref::steal(as_set(ts, self, args[0]));
  if (!other || other.get() == py_not_implemented()) return other.release();
  Ref items = Ref::steal(filter_by_membership(ts, self, other.get(), false));
  return items ? from_iterable(ts, self, items.get()) : nullptr;
}

Object* m_set_rsub(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref other = Ref::steal(as_set(ts, self, args[0]));
  if (!other || other.get() == py_not_implemented()) return other.release();
  Ref items = Ref::steal(filter_by_membership(ts, other.get(), self, false));
  return items ? from_iterable(ts, self, items.get()) : nullptr;
}

Object* m_set_xor(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref other = Ref::steal(as_set(ts, self, args[0]));
  if (!other || other.get() == py_not_implemented()) return other.release();
  Ref a = Ref::steal(number_subtract(ts, self, other.get()));
  if (!a) return nullptr;
  Ref b = Ref::steal(number_subtract(ts, other.get(), self));
  if (!b) return nullptr;
  return number_or(ts, a.get(), b.get());
}

Object* m_set_isdisjoint(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    int r = contains(ts, self, v);
    if (r < 0) return nullptr;
    if (r) return new_ref(py_false());
  }
  if (runtime::has_exception(ts)) return nullptr;
  return new_ref(py_true());
}

// Set._hash: CPython's frozenset-compatible hash of the items.
Object* m_set_hash(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  int64_t n = length(ts, self);
  if (n < 0) return nullptr;
  uint64_t h = 1927868237ull * static_cast<uint64_t>(n + 1);
  Ref it = Ref::steal(get_iter(ts, self));
  if (!it) return nullptr;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    int64_t hv = hash(ts, v);
    if (hv == -1 && runtime::has_exception(ts)) return nullptr;
    uint64_t hx = static_cast<uint64_t>(hv);
    h ^= (hx ^ (hx << 16) ^ 89869747ull) * 3644798167ull;
  }
  if (runtime::has_exception(ts)) return nullptr;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923u;
  auto r = static_cast<int64_t>(h);
  if (r == -1) r = 590923713;
  return int_from_i64(ts, r);
}

// ---------------------------------------------------------------------------
// MutableSet
// ---------------------------------------------------------------------------

Object* m_mset_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = contains(ts, self, args[0]);
  if (r < 0) return nullptr;
  if (!r) return raise_key_error_for(ts, args[0]);
  return call_self(ts, self, "discard", {args[0]});
}

Object* m_mset_pop(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref it = Ref::steal(get_iter(ts, self));
  if (!it) return nullptr;
  Ref v = Ref::steal(iter_next(ts, it.get()));
  if (!v) return runtime::has_exception(ts) ? nullptr : runtime::raise_object(ts, &exc::KeyError);
  Ref r = Ref::steal(call_self(ts, self, "discard", {v.get()}));
  if (!r) return nullptr;
  return v.release();
}

// Calls self.<name>() until it raises `stop`.
Object* drain(ThreadState* ts, Object* self, const char* name, Type* stop) {
  for (;;) {
    Ref r = Ref::steal(call_self(ts, self, name, {}));
    if (!r) {
      if (!runtime::exception_matches(ts, stop)) return nullptr;
      runtime::clear_exception(ts);
      return none();
    }
  }
}

Object* m_mset_clear(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return drain(ts, self, "pop", &exc::KeyError);
}

// Calls self.<name>(item) for each item of `items`.
int for_each_call(ThreadState* ts, Object* self, Object* items, const char* name) {
  Ref it = Ref::steal(get_iter(ts, items));
  if (!it) return -1;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    Ref r = Ref::steal(call_self(ts, self, name, {v}));
    if (!r) return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

Object* m_mset_ior(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (for_each_call(ts, self, args[0], "add") < 0) return nullptr;
  return new_ref(self);
}

Object* m_mset_iand(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref diff = Ref::steal(number_subtract(ts, self, args[0]));
  if (!diff || for_each_call(ts, self, diff.get(), "discard") < 0) return nullptr;
  return new_ref(self);
}

Object* m_mset_ixor(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (args[0] == self) {
    Ref r = Ref::steal(call_self(ts, self, "clear", {}));
    return r ? new_ref(self) : nullptr;
  }
  Ref other = Ref::borrow(args[0]);
  int r = is_abc_instance(ts, other.get(), "Set");
  if (r < 0) return nullptr;
  if (!r) {
    other = Ref::steal(from_iterable(ts, self, other.get()));
    if (!other) return nullptr;
  }
  Ref it = Ref::steal(get_iter(ts, other.get()));
  if (!it) return nullptr;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    int in = contains(ts, self, v);
    if (in < 0) return nullptr;
    Ref done = Ref::steal(call_self(ts, self, in ? "discard" : "add", {v}));
    if (!done) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return new_ref(self);
}

Object* m_mset_isub(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (args[0] == self) {
    Ref r = Ref::steal(call_self(ts, self, "clear", {}));
    return r ? new_ref(self) : nullptr;
  }
  if (for_each_call(ts, self, args[0], "discard") < 0) return nullptr;
  return new_ref(self);
}

// ---------------------------------------------------------------------------
// Mapping, MutableMapping and the views
// ---------------------------------------------------------------------------

Object* m_map_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"key", ParamKind::PositionalOrKeyword, kRequired},
                                      {"default", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("get", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* v = get_or_absent(ts, self, av[0]);
  if (v || runtime::has_exception(ts)) return v;
  return new_ref(av.has(1) ? av[1] : py_none());
}

Object* m_map_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref v = Ref::steal(get_or_absent(ts, self, args[0]));
  if (!v && runtime::has_exception(ts)) return nullptr;
  return new_ref(py_bool(static_cast<bool>(v)));
}

Object* make_view(ThreadState* ts, Object* self, const char* kind) {
  Ref cls = Ref::steal(abc_class(ts, kind));
  if (!cls) return nullptr;
  return call(ts, cls.get(), &self, 1);
}
Object* m_map_keys(ThreadState* ts, Object* s, Object* const*, size_t, Object*) { return make_view(ts, s, "KeysView"); }
Object* m_map_items(ThreadState* ts, Object* s, Object* const*, size_t, Object*) { return make_view(ts, s, "ItemsView"); }
Object* m_map_values(ThreadState* ts, Object* s, Object* const*, size_t, Object*) { return make_view(ts, s, "ValuesView"); }

Object* m_map_eq(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = is_abc_instance(ts, args[0], "Mapping");
  if (r <= 0) return r < 0 ? nullptr : new_ref(py_not_implemented());
  Ref a_items = Ref::steal(call_self(ts, self, "items", {}));
  Ref b_items = Ref::steal(a_items ? call_self(ts, args[0], "items", {}) : nullptr);
  if (!b_items) return nullptr;
  Ref a = Ref::steal(dict_new(ts));
  Ref b = Ref::steal(dict_new(ts));
  if (!a || !b || dict_merge_pairs(ts, a.get(), a_items.get()) < 0 || dict_merge_pairs(ts, b.get(), b_items.get()) < 0) {
    return nullptr;
  }
  return rich_compare(ts, a.get(), b.get(), CompareOp::Eq);
}

Object* m_mmap_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"key", ParamKind::PositionalOrKeyword, kRequired},
                                      {"default", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("pop", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref v = Ref::steal(get_item(ts, self, av[0]));
  if (!v) {
    if (!av.has(1) || !runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
    runtime::clear_exception(ts);
    return new_ref(av[1]);
  }
  if (del_item(ts, self, av[0]) < 0) return nullptr;
  return v.release();
}

Object* m_mmap_popitem(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref it = Ref::steal(get_iter(ts, self));
  if (!it) return nullptr;
  Ref key = Ref::steal(iter_next(ts, it.get()));
  if (!key) return runtime::has_exception(ts) ? nullptr : runtime::raise_object(ts, &exc::KeyError);
  Ref v = Ref::steal(get_item(ts, self, key.get()));
  if (!v || del_item(ts, self, key.get()) < 0) return nullptr;
  return tuple_pack(ts, {key.get(), v.get()});
}

Object* m_mmap_clear(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return drain(ts, self, "popitem", &exc::KeyError);
}

Object* m_mmap_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) {
    return raise_format(ts, &exc::TypeError, "MutableMapping.update() takes from 1 to 2 positional arguments but %zu were given",
                        nargs + 1);
  }
  if (nargs == 1) {
    Object* other = args[0];
    int r = is_abc_instance(ts, other, "Mapping");
    if (r < 0) return nullptr;
    Ref keys_name = Ref::steal(intern(ts, "keys"));
    Ref keys;
    if (r) {
      keys = Ref::borrow(other);
    } else {
      Ref keys_fn = Ref::steal(lookup_attr(ts, other, keys_name.get()));
      if (keys_fn) keys = Ref::steal(call(ts, keys_fn.get(), nullptr, 0));
      else if (runtime::has_exception(ts)) return nullptr;
      if (keys_fn && !keys) return nullptr;
    }
    if (keys) {
      Ref it = Ref::steal(get_iter(ts, keys.get()));
      if (!it) return nullptr;
      while (Object* k = iter_next(ts, it.get())) {
        Ref key = Ref::steal(k);
        Ref v = Ref::steal(get_item(ts, other, k));
        if (!v || set_item(ts, self, k, v.get()) < 0) return nullptr;
      }
    } else {
      Ref it = Ref::steal(get_iter(ts, other));
      if (!it) return nullptr;
      while (Object* p = iter_next(ts, it.get())) {
        Ref pair = Ref::steal(sequence_tuple(ts, p));
        decref(p);
        if (!pair) return nullptr;
        if (tuple_size(pair.get()) != 2) {
          return raise_format(ts, &exc::ValueError, tuple_size(pair.get()) < 2 ? "not enough values to unpack (expected 2, got %lld)"
                                                                                : "too many values to unpack (expected 2)",
                              static_cast<long long>(tuple_size(pair.get())));
        }
        if (set_item(ts, self, tuple_item_borrowed(pair.get(), 0), tuple_item_borrowed(pair.get(), 1)) < 0) return nullptr;
      }
    }
    if (runtime::has_exception(ts)) return nullptr;
  }
  for (size_t i = 0; i < kwnames_count(kwnames); ++i) {
    if (set_item(ts, self, tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
  }
  return none();
}

Object* m_mmap_setdefault(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"key", ParamKind::PositionalOrKeyword, kRequired},
                                      {"default", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("setdefault", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* v = get_or_absent(ts, self, av[0]);
  if (v || runtime::has_exception(ts)) return v;
  Object* dflt = av.has(1) ? av[1] : py_none();
  if (set_item(ts, self, av[0], dflt) < 0) return nullptr;
  return new_ref(dflt);
}

Object* view_mapping(ThreadState* ts, Object* self) {
  Ref n = Ref::steal(intern(ts, "_mapping"));
  return get_attr(ts, self, n.get());
}

Object* m_view_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"mapping", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("__init__", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref n = Ref::steal(intern(ts, "_mapping"));
  if (set_attr(ts, self, n.get(), av[0]) < 0) return nullptr;
  return none();
}

Object* m_view_len(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref m = Ref::steal(view_mapping(ts, self));
  if (!m) return nullptr;
  int64_t n = length(ts, m.get());
  return n < 0 ? nullptr : int_from_i64(ts, n);
}

Object* m_view_repr(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref m = Ref::steal(view_mapping(ts, self));
  if (!m) return nullptr;
  Ref r = Ref::steal(repr(ts, m.get()));
  if (!r) return nullptr;
  return str_from_format(ts, "%s(%s)", type_name(self->ob_type), utf8_of(ts, r.get()));
}

Object* m_keys_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref m = Ref::steal(view_mapping(ts, self));
  if (!m) return nullptr;
  int r = contains(ts, m.get(), args[0]);
  return r < 0 ? nullptr : new_ref(py_bool(r));
}

Object* m_keys_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref m = Ref::steal(view_mapping(ts, self));
  return m ? get_iter(ts, m.get()) : nullptr;
}

Object* m_items_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref pair = Ref::steal(sequence_tuple(ts, args[0]));
  if (!pair) return nullptr;
  if (tuple_size(pair.get()) != 2) {
    return raise_format(ts, &exc::ValueError, tuple_size(pair.get()) < 2 ? "not enough values to unpack (expected 2, got %lld)"
                                                                          : "too many values to unpack (expected 2)",
                        static_cast<long long>(tuple_size(pair.get())));
  }
  Ref m = Ref::steal(view_mapping(ts, self));
  if (!m) return nullptr;
  Ref v = Ref::steal(get_or_absent(ts, m.get(), tuple_item_borrowed(pair.get(), 0)));
  if (!v) return runtime::has_exception(ts) ? nullptr : new_ref(py_false());
  int r = same_or_equal(ts, v.get(), tuple_item_borrowed(pair.get(), 1));
  return r < 0 ? nullptr : new_ref(py_bool(r));
}

// The (key, value) pairs or the values of the view's mapping, as a list.
Object* view_snapshot(ThreadState* ts, Object* self, bool pairs) {
  Ref m = Ref::steal(view_mapping(ts, self));
  if (!m) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  Ref it = Ref::steal(get_iter(ts, m.get()));
  if (!out || !it) return nullptr;
  while (Object* k = iter_next(ts, it.get())) {
    Ref key = Ref::steal(k);
    Ref v = Ref::steal(get_item(ts, m.get(), k));
    if (!v) return nullptr;
    Ref item = Ref::steal(pairs ? tuple_pack(ts, {k, v.get()}) : v.release());
    if (!item || list_append(ts, out.get(), item.get()) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return out.release();
}

Object* m_items_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref l = Ref::steal(view_snapshot(ts, self, true));
  return l ? get_iter(ts, l.get()) : nullptr;
}

Object* m_values_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref l = Ref::steal(view_snapshot(ts, self, false));
  return l ? get_iter(ts, l.get()) : nullptr;
}

Object* m_values_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref l = Ref::steal(view_snapshot(ts, self, false));
  if (!l) return nullptr;
  for (int64_t i = 0; i < list_size(l.get()); ++i) {
    int r = same_or_equal(ts, list_items(l.get())[i], args[0]);
    if (r < 0) return nullptr;
    if (r) return new_ref(py_true());
  }
  return new_ref(py_false());
}

// ---------------------------------------------------------------------------
// Sequence and MutableSequence
// ---------------------------------------------------------------------------

Object* m_seq_iter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return seq_iter_new(ts, self); }

Object* m_seq_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref it = Ref::steal(get_iter(ts, self));
  if (!it) return nullptr;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    int r = same_or_equal(ts, v, args[0]);
    if (r < 0) return nullptr;
    if (r) return new_ref(py_true());
  }
  if (runtime::has_exception(ts)) return nullptr;
  return new_ref(py_false());
}

Object* m_seq_reversed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  int64_t n = length(ts, self);
  if (n < 0) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  for (int64_t i = n - 1; i >= 0; --i) {
    Ref idx = Ref::steal(int_from_i64(ts, i));
    Ref v = Ref::steal(idx ? get_item(ts, self, idx.get()) : nullptr);
    if (!v || list_append(ts, out.get(), v.get()) < 0) return nullptr;
  }
  return get_iter(ts, out.get());
}

Object* m_seq_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"value", ParamKind::PositionalOrKeyword, kRequired},
                                      {"start", ParamKind::PositionalOrKeyword, kOptional},
                                      {"stop", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("index", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t start = 0;
  bool has_stop = av.has(2) && !is_none(av[2]);
  int64_t stop = 0;
  if (av.has(1) && !is_none(av[1])) {
    start = as_ssize(ts, av[1], nullptr);
    if (start == -1 && runtime::has_exception(ts)) return nullptr;
    if (start < 0) {
      int64_t n = length(ts, self);
      if (n < 0) return nullptr;
      start = n + start < 0 ? 0 : n + start;
    }
  }
  if (has_stop) {
    stop = as_ssize(ts, av[2], nullptr);
    if (stop == -1 && runtime::has_exception(ts)) return nullptr;
    if (stop < 0) {
      int64_t n = length(ts, self);
      if (n < 0) return nullptr;
      stop += n;
    }
  }
  for (int64_t i = start; !has_stop || i < stop; ++i) {
    Ref idx = Ref::steal(int_from_i64(ts, i));
    if (!idx) return nullptr;
    Ref v = Ref::steal(get_or_absent(ts, self, idx.get(), &exc::IndexError));
    if (!v) {
      if (runtime::has_exception(ts)) return nullptr;
      break;
    }
    int r = same_or_equal(ts, v.get(), av[0]);
    if (r < 0) return nullptr;
    if (r) return idx.release();
  }
  return runtime::raise_object(ts, &exc::ValueError);
}

Object* m_seq_count(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref it = Ref::steal(get_iter(ts, self));
  if (!it) return nullptr;
  int64_t n = 0;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    int r = same_or_equal(ts, v, args[0]);
    if (r < 0) return nullptr;
    n += r;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return int_from_i64(ts, n);
}

Object* m_mseq_append(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t n = length(ts, self);
  if (n < 0) return nullptr;
  Ref idx = Ref::steal(int_from_i64(ts, n));
  if (!idx) return nullptr;
  Ref r = Ref::steal(call_self(ts, self, "insert", {idx.get(), args[0]}));
  return r ? none() : nullptr;
}

Object* m_mseq_clear(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return drain(ts, self, "pop", &exc::IndexError);
}

Object* m_mseq_reverse(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  int64_t n = length(ts, self);
  if (n < 0) return nullptr;
  for (int64_t i = 0; i < n / 2; ++i) {
    Ref a = Ref::steal(int_from_i64(ts, i));
    Ref b = Ref::steal(int_from_i64(ts, n - i - 1));
    if (!a || !b) return nullptr;
    Ref va = Ref::steal(get_item(ts, self, b.get()));
    Ref vb = Ref::steal(va ? get_item(ts, self, a.get()) : nullptr);
    if (!vb || set_item(ts, self, a.get(), va.get()) < 0 || set_item(ts, self, b.get(), vb.get()) < 0) return nullptr;
  }
  return none();
}

Object* m_mseq_extend(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref values = Ref::borrow(args[0]);
  if (values.get() == self) {
    values = Ref::steal(sequence_list(ts, self));
    if (!values) return nullptr;
  }
  if (for_each_call(ts, self, values.get(), "append") < 0) return nullptr;
  return none();
}

Object* m_mseq_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"index", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("pop", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref idx = Ref::steal(av.has(0) ? new_ref(av[0]) : int_from_i64(ts, -1));
  if (!idx) return nullptr;
  Ref v = Ref::steal(get_item(ts, self, idx.get()));
  if (!v || del_item(ts, self, idx.get()) < 0) return nullptr;
  return v.release();
}

Object* m_mseq_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref idx = Ref::steal(call_self(ts, self, "index", {args[0]}));
  if (!idx || del_item(ts, self, idx.get()) < 0) return nullptr;
  return none();
}

Object* m_mseq_iadd(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref r = Ref::steal(call_self(ts, self, "extend", {args[0]}));
  return r ? new_ref(self) : nullptr;
}

// ---------------------------------------------------------------------------
// The class table
// ---------------------------------------------------------------------------

// The ABCs in creation order (bases first). `hook` lists the methods of a
// one-trick __subclasshook__ (nullptr: no hook of its own).
struct AbcSpec {
  const char* name;
  const char* bases[3];
  const MethodDef* abstracts;
  const MethodDef* methods;
  const char* const* hook;
  uint64_t flags;
  const char* slots;  // a single __slots__ name, or nullptr for ()
  bool unhashable;    // defines __eq__: __hash__ = None
};

#define M(name, fn, flags) {name, fn, flags, nullptr}
#define GETITEM M("__class_getitem__", m_class_getitem, kMethO | kMethClass)
const MethodDef getitem_methods[] = {GETITEM, {}};
const MethodDef hashable_abs[] = {M("__hash__", ab_zero, kMethNoArgs), {}};
const MethodDef awaitable_abs[] = {M("__await__", ab_await, kMethNoArgs), {}};
const MethodDef coroutine_abs[] = {M("send", ab_stop, kMethO), M("throw", ab_throw, kMethFast), {}};
const MethodDef coroutine_methods[] = {M("close", m_coro_close, kMethNoArgs), {}};
const MethodDef aiterable_abs[] = {M("__aiter__", ab_aiter, kMethNoArgs), {}};
const MethodDef aiterator_abs[] = {M("__anext__", ab_stop_async, kMethNoArgs), {}};
const MethodDef aiterator_methods[] = {M("__aiter__", m_self, kMethNoArgs), {}};
const MethodDef iterable_abs[] = {M("__iter__", ab_empty_iter, kMethNoArgs), {}};
const MethodDef iterator_abs[] = {M("__next__", ab_stop, kMethNoArgs), {}};
const MethodDef iterator_methods[] = {M("__iter__", m_self, kMethNoArgs), {}};
const MethodDef reversible_abs[] = {M("__reversed__", ab_empty_iter, kMethNoArgs), {}};
const MethodDef generator_abs[] = {M("send", ab_stop, kMethO), M("throw", ab_throw, kMethFast), {}};
const MethodDef generator_methods[] = {M("__next__", m_gen_next, kMethNoArgs), M("close", m_gen_close, kMethNoArgs), {}};
const MethodDef sized_abs[] = {M("__len__", ab_zero, kMethNoArgs), {}};
const MethodDef container_abs[] = {M("__contains__", ab_false, kMethO), {}};
const MethodDef callable_abs[] = {M("__call__", ab_false, kMethKeywords), {}};
const MethodDef set_methods[] = {
    M("__le__", m_set_le, kMethO), M("__lt__", m_set_lt, kMethO), M("__gt__", m_set_gt, kMethO),
    M("__ge__", m_set_ge, kMethO), M("__eq__", m_set_eq, kMethO),
    M("_from_iterable", m_from_iterable, kMethO | kMethClass),
    M("__and__", m_set_and, kMethO), M("__rand__", m_set_and, kMethO), M("isdisjoint", m_set_isdisjoint, kMethO),
    M("__or__", m_set_or, kMethO), M("__ror__", m_set_or, kMethO), M("__sub__", m_set_sub, kMethO),
    M("__rsub__", m_set_rsub, kMethO), M("__xor__", m_set_xor, kMethO), M("__rxor__", m_set_xor, kMethO),
    M("_hash", m_set_hash, kMethNoArgs), {}};
const MethodDef mset_abs[] = {M("add", ab_none, kMethO), M("discard", ab_none, kMethO), {}};
const MethodDef mset_methods[] = {
    M("remove", m_mset_remove, kMethO), M("pop", m_mset_pop, kMethNoArgs), M("clear", m_mset_clear, kMethNoArgs),
    M("__ior__", m_mset_ior, kMethO), M("__iand__", m_mset_iand, kMethO), M("__ixor__", m_mset_ixor, kMethO),
    M("__isub__", m_mset_isub, kMethO), {}};
const MethodDef mapping_abs[] = {M("__getitem__", ab_key_error, kMethO), {}};
const MethodDef mapping_methods[] = {
    M("get", m_map_get, kMethKeywords), M("__contains__", m_map_contains, kMethO), M("keys", m_map_keys, kMethNoArgs),
    M("items", m_map_items, kMethNoArgs), M("values", m_map_values, kMethNoArgs), M("__eq__", m_map_eq, kMethO), {}};
const MethodDef view_methods[] = {M("__init__", m_view_init, kMethKeywords), M("__len__", m_view_len, kMethNoArgs),
                                  M("__repr__", m_view_repr, kMethNoArgs), GETITEM, {}};
const MethodDef keys_methods[] = {M("_from_iterable", m_set_from_iterable, kMethO | kMethClass),
                                  M("__contains__", m_keys_contains, kMethO), M("__iter__", m_keys_iter, kMethNoArgs), {}};
const MethodDef items_methods[] = {M("_from_iterable", m_set_from_iterable, kMethO | kMethClass),
                                   M("__contains__", m_items_contains, kMethO), M("__iter__", m_items_iter, kMethNoArgs), {}};
const MethodDef values_methods[] = {M("__contains__", m_values_contains, kMethO), M("__iter__", m_values_iter, kMethNoArgs), {}};
const MethodDef mmap_abs[] = {M("__setitem__", ab_key_error, kMethFast), M("__delitem__", ab_key_error, kMethO), {}};
const MethodDef mmap_methods[] = {
    M("pop", m_mmap_pop, kMethKeywords), M("popitem", m_mmap_popitem, kMethNoArgs), M("clear", m_mmap_clear, kMethNoArgs),
    M("update", m_mmap_update, kMethKeywords), M("setdefault", m_mmap_setdefault, kMethKeywords), {}};
const MethodDef sequence_abs[] = {M("__getitem__", ab_index_error, kMethO), {}};
const MethodDef sequence_methods[] = {
    M("__iter__", m_seq_iter, kMethNoArgs), M("__contains__", m_seq_contains, kMethO),
    M("__reversed__", m_seq_reversed, kMethNoArgs), M("index", m_seq_index, kMethKeywords),
    M("count", m_seq_count, kMethO), {}};
const MethodDef mseq_abs[] = {M("__setitem__", ab_index_error, kMethFast), M("__delitem__", ab_index_error, kMethO),
                              M("insert", ab_index_error, kMethFast), {}};
const MethodDef mseq_methods[] = {
    M("append", m_mseq_append, kMethO), M("clear", m_mseq_clear, kMethNoArgs), M("reverse", m_mseq_reverse, kMethNoArgs),
    M("extend", m_mseq_extend, kMethO), M("pop", m_mseq_pop, kMethKeywords), M("remove", m_mseq_remove, kMethO),
    M("__iadd__", m_mseq_iadd, kMethO), {}};
#undef GETITEM
#undef M

const char* const hook_hashable[] = {"__hash__", nullptr};
const char* const hook_awaitable[] = {"__await__", nullptr};
const char* const hook_coroutine[] = {"__await__", "send", "throw", "close", nullptr};
const char* const hook_aiterable[] = {"__aiter__", nullptr};
const char* const hook_aiterator[] = {"__anext__", "__aiter__", nullptr};
const char* const hook_iterable[] = {"__iter__", nullptr};
const char* const hook_iterator[] = {"__iter__", "__next__", nullptr};
const char* const hook_reversible[] = {"__reversed__", "__iter__", nullptr};
const char* const hook_generator[] = {"__iter__", "__next__", "send", "throw", "close", nullptr};
const char* const hook_sized[] = {"__len__", nullptr};
const char* const hook_container[] = {"__contains__", nullptr};
const char* const hook_collection[] = {"__len__", "__iter__", "__contains__", nullptr};
const char* const hook_callable[] = {"__call__", nullptr};

constexpr uint64_t kSeqFlag = 1 << 5;  // CPython's Py_TPFLAGS_SEQUENCE, as __abc_tpflags__
constexpr uint64_t kMapFlag = 1 << 6;  // Py_TPFLAGS_MAPPING

const AbcSpec kSpecs[] = {
    {"Hashable", {}, hashable_abs, nullptr, hook_hashable, 0, nullptr, false},
    {"Awaitable", {}, awaitable_abs, getitem_methods, hook_awaitable, 0, nullptr, false},
    {"Coroutine", {"Awaitable"}, coroutine_abs, coroutine_methods, hook_coroutine, 0, nullptr, false},
    {"AsyncIterable", {}, aiterable_abs, getitem_methods, hook_aiterable, 0, nullptr, false},
    {"AsyncIterator", {"AsyncIterable"}, aiterator_abs, aiterator_methods, hook_aiterator, 0, nullptr, false},
    {"Iterable", {}, iterable_abs, getitem_methods, hook_iterable, 0, nullptr, false},
    {"Iterator", {"Iterable"}, iterator_abs, iterator_methods, hook_iterator, 0, nullptr, false},
    {"Reversible", {"Iterable"}, reversible_abs, nullptr, hook_reversible, 0, nullptr, false},
    {"Generator", {"Iterator"}, generator_abs, generator_methods, hook_generator, 0, nullptr, false},
    {"Sized", {}, sized_abs, nullptr, hook_sized, 0, nullptr, false},
    {"Container", {}, container_abs, getitem_methods, hook_container, 0, nullptr, false},
    {"Collection", {"Sized", "Iterable", "Container"}, nullptr, nullptr, hook_collection, 0, nullptr, false},
    {"Callable", {}, callable_abs, getitem_methods, hook_callable, 0, nullptr, false},
    {"Set", {"Collection"}, nullptr, set_methods, nullptr, 0, nullptr, true},
    {"MutableSet", {"Set"}, mset_abs, mset_methods, nullptr, 0, nullptr, false},
    {"Mapping", {"Collection"}, mapping_abs, mapping_methods, nullptr, kMapFlag, nullptr, true},
    {"MappingView", {"Sized"}, nullptr, view_methods, nullptr, 0, "_mapping", false},
    {"KeysView", {"MappingView", "Set"}, nullptr, keys_methods, nullptr, 0, nullptr, false},
    {"ItemsView", {"MappingView", "Set"}, nullptr, items_methods, nullptr, 0, nullptr, false},
    {"ValuesView", {"MappingView", "Collection"}, nullptr, values_methods, nullptr, 0, nullptr, false},
    {"MutableMapping", {"Mapping"}, mmap_abs, mmap_methods, nullptr, 0, nullptr, false},
    {"Sequence", {"Reversible", "Collection"}, sequence_abs, sequence_methods, nullptr, kSeqFlag, nullptr, false},
    {"ByteString", {"Sequence"}, nullptr, nullptr, nullptr, 0, nullptr, false},
    {"MutableSequence", {"Sequence"}, mseq_abs, mseq_methods, nullptr, 0, nullptr, false},
};
constexpr size_t kNumSpecs = sizeof(kSpecs) / sizeof(kSpecs[0]);

Object* abc_subclasshook(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*);

// One __subclasshook__ entry per spec: the hook finds its spec by which
// entry its descriptor was made from.
#define HOOK {"__subclasshook__", abc_subclasshook, kMethO | kMethClass, nullptr}
const MethodDef hook_defs[kNumSpecs] = {HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK,
                                        HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK, HOOK};
#undef HOOK

// CPython's _check_methods: every method is found along C's MRO, and not
// set to None there.
Object* check_methods(ThreadState* ts, Object* c, const char* const* methods) {
  if (!has_flag(c->ob_type, kTypeTypeSubclass)) return new_ref(py_not_implemented());
  Object* mro = static_cast<Type*>(c)->mro;
  if (!mro) return new_ref(py_not_implemented());
  for (const char* const* m = methods; *m; ++m) {
    Ref name = Ref::steal(intern(ts, *m));
    if (!name) return nullptr;
    bool found = false;
    for (int64_t i = 0; i < tuple_size(mro); ++i) {
      Object* d = static_cast<Type*>(tuple_item_borrowed(mro, i))->dict;
      Object* v = dict_get_item_borrowed(ts, d, name.get());
      if (!v) continue;
      if (is_none(v)) return new_ref(py_not_implemented());
      found = true;
      break;
    }
    if (!found) return new_ref(py_not_implemented());
  }
  return new_ref(py_true());
}

Object* abc_subclasshook(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  if (!has_flag(cls->ob_type, kTypeTypeSubclass)) return new_ref(py_not_implemented());
  Ref name = Ref::steal(intern(ts, "__subclasshook__"));
  Object* d = dict_get_item_borrowed(ts, static_cast<Type*>(cls)->dict, name.get());
  if (!d || d->ob_type != &classmethod_descr_type) return new_ref(py_not_implemented());
  auto* md = static_cast<MethodDescrObject*>(d);
  if (md->d_type != cls || md->d_method < hook_defs || md->d_method >= hook_defs + kNumSpecs) {
    return new_ref(py_not_implemented());
  }
  const AbcSpec& spec = kSpecs[md->d_method - hook_defs];
  return check_methods(ts, args[0], spec.hook);
}

Object* make_abc(ThreadState* ts, Object* module, size_t index) {
  const AbcSpec& spec = kSpecs[index];
  Ref ns = Ref::steal(dict_new(ts));
  Ref mod = Ref::steal(str_from_cstr(ts, "collections.abc"));
  if (!ns || !mod || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0) return nullptr;
  Ref slots = Ref::steal(spec.slots ? tuple_pack(ts, {Ref::steal(str_from_cstr(ts, spec.slots)).get()}) : tuple_empty());
  if (!slots || dict_set_item_str(ts, ns.get(), "__slots__", slots.get()) < 0) return nullptr;
  if (spec.unhashable && dict_set_item_str(ts, ns.get(), "__hash__", py_none()) < 0) return nullptr;
  if (spec.flags) {
    Ref f = Ref::steal(int_from_i64(ts, static_cast<int64_t>(spec.flags)));
    if (!f || dict_set_item_str(ts, ns.get(), "__abc_tpflags__", f.get()) < 0) return nullptr;
  }
  if (std::strcmp(spec.name, "Mapping") == 0 && dict_set_item_str(ts, ns.get(), "__reversed__", py_none()) < 0) {
    return nullptr;
  }
  Ref b0, b1, b2;
  Ref* refs[3] = {&b0, &b1, &b2};
  size_t nb = 0;
  for (const char* b : spec.bases) {
    if (!b) break;
    Object* c = dict_get_item_str_borrowed(ts, module_dict_borrowed(module), b);
    if (!c) return raise_format(ts, &exc::SystemError, "collections.abc: base %s missing", b);
    *refs[nb++] = Ref::borrow(c);
  }
  Ref cls;
  switch (nb) {
    case 0: cls = Ref::steal(make_class(ts, &abcmeta_type, spec.name, {}, ns.get())); break;
    case 1: cls = Ref::steal(make_class(ts, &abcmeta_type, spec.name, {b0.get()}, ns.get())); break;
    case 2: cls = Ref::steal(make_class(ts, &abcmeta_type, spec.name, {b0.get(), b1.get()}, ns.get())); break;
    default: cls = Ref::steal(make_class(ts, &abcmeta_type, spec.name, {b0.get(), b1.get(), b2.get()}, ns.get())); break;
  }
  if (!cls) return nullptr;
  Type* t = static_cast<Type*>(cls.get());
  for (const MethodDef* m = spec.abstracts; m && m->name; ++m) {
    Ref d = Ref::steal(descr_new_method(ts, t, m));
    Ref w = Ref::steal(d ? am_wrap(ts, d.get()) : nullptr);
    Ref key = Ref::steal(intern(ts, m->name));
    if (!w || !key || set_attr(ts, cls.get(), key.get(), w.get()) < 0) return nullptr;
  }
  for (const MethodDef* m = spec.methods; m && m->name; ++m) {
    if (add_method(ts, cls.get(), m) < 0) return nullptr;
  }
  if (spec.hook && add_method(ts, cls.get(), &hook_defs[index]) < 0) return nullptr;
  if (abc_compute_abstracts(ts, cls.get()) < 0) return nullptr;
  return cls.release();
}

// The type of an object made by calling `expr_obj.method()`.
Type* type_of_call(ThreadState* ts, Object* obj, const char* method) {
  Ref r = Ref::steal(call_self(ts, obj, method, {}));
  return r ? r->ob_type : nullptr;
}

int register_builtins(ThreadState* ts, Object* module) {
  auto abc = [&](const char* n) { return dict_get_item_str_borrowed(ts, module_dict_borrowed(module), n); };
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return -1;
  Type* keys = type_of_call(ts, d.get(), "keys");
  Type* items = type_of_call(ts, d.get(), "items");
  Type* values = type_of_call(ts, d.get(), "values");
  if (!keys || !items || !values) return -1;
  struct Reg {
    const char* abc;
    Type* type;
  };
  const Reg regs[] = {
      {"Set", &frozenset_type},      {"MutableSet", &set_type},         {"Mapping", &mappingproxy_type},
      {"MutableMapping", &dict_type}, {"KeysView", keys},               {"ItemsView", items},
      {"ValuesView", values},         {"Sequence", &tuple_type},         {"Sequence", &str_type},
      {"Sequence", &range_type},      {"ByteString", &bytes_type},       {"ByteString", &bytearray_type},
      {"MutableSequence", &list_type}, {"MutableSequence", &bytearray_type},
  };
  for (const Reg& r : regs) {
    if (abc_register(ts, abc(r.abc), r.type) < 0) return -1;
  }
  return 0;
}

// A module without `name`: AttributeError worded as the module type's own.
Object* no_attribute(ThreadState* ts, Object* module, Object* name) {
  Ref mod_name = Ref::steal(get_attr_str(ts, module, "__name__"));
  if (!mod_name) return nullptr;
  Ref r = Ref::steal(repr(ts, name));
  if (!r) return nullptr;
  std::string text = "module '" + std::string(str_view(ts, mod_name.get())) + "' has no attribute " +
                     std::string(str_view(ts, r.get()));
  return raise(ts, &exc::AttributeError, text);
}

// The module __getattr__ of _collections_abc and collections.abc.
// AsyncGenerator's mixins are coroutines, so the class is Python code
// (lib/_collections_abc_async.py), loaded on first access and then stored in
// both modules so later lookups find it directly.
Object* abc_module_getattr(ThreadState* ts, Object* module, Object* const* args, size_t, Object*) {
  Object* name = args[0];
  if (!is_str(name) || !str_equal_cstr(name, "AsyncGenerator")) return no_attribute(ts, module, name);
  Ref src = Ref::steal(import_module(ts, "_collections_abc_async"));
  if (!src) return nullptr;
  Ref cls = Ref::steal(get_attr(ts, src.get(), name));
  if (!cls) return nullptr;
  for (const char* mod : {"_collections_abc", "collections.abc"}) {
    Object* m = dict_get_item_str_borrowed(ts, ts->interp->modules, mod);
    if (m && is_module(m) && dict_set_item(ts, module_dict_borrowed(m), name, cls.get()) < 0)
      return nullptr;
  }
  return cls.release();
}

const MethodDef module_functions[] = {{"__getattr__", abc_module_getattr, kMethO}, {}};

Object* build_module(ThreadState* ts, const char* name) {
  Ref m = Ref::steal(new_native_module(ts, name, module_functions,
                                       "Abstract Base Classes (ABCs) for collections, according to PEP 3119.\n\n"
                                       "Unit tests are in test_collections.\n"));
  if (!m) return nullptr;
  for (size_t i = 0; i < kNumSpecs; ++i) {
    if (add_object(ts, m.get(), kSpecs[i].name, make_abc(ts, m.get(), i)) < 0) return nullptr;
  }
  if (register_builtins(ts, m.get()) < 0) return nullptr;
  Ref all = Ref::steal(list_new(ts, 0));
  if (!all) return nullptr;
  for (const AbcSpec& s : kSpecs) {
    Ref n = Ref::steal(str_from_cstr(ts, s.name));
    if (!n || list_append(ts, all.get(), n.get()) < 0) return nullptr;
    if (std::strcmp(s.name, "AsyncIterator") == 0) {  // AsyncGenerator (loaded lazily) follows it
      Ref g = Ref::steal(str_from_cstr(ts, "AsyncGenerator"));
      if (!g || list_append(ts, all.get(), g.get()) < 0) return nullptr;
    }
  }
  if (add_object(ts, m.get(), "__all__", all.release()) < 0) return nullptr;
  return m.release();
}

}  // namespace

Type abstract_method_type;

void init_abstract_method_type(Type& t) {
  t.name = "_collections_abc._abstract_method";
  t.basicsize = sizeof(AbstractMethod);
  t.flags = kTypeHaveGC;
  t.dealloc = am_dealloc;
  t.traverse = am_traverse;
  t.descr_get = am_get;
  t.call = am_call;
  t.getattro = am_getattro;
  t.repr = am_repr;
}

Object* init__collections_abc_module(ThreadState* ts) { return build_module(ts, "_collections_abc"); }

// collections.abc re-exports _collections_abc's classes (one set of classes
// per interpreter, as CPython's `from _collections_abc import *`).
Object* init_collections_abc_module(ThreadState* ts) {
  Ref src = Ref::steal(import_module(ts, "_collections_abc"));
  if (!src) return nullptr;
  Ref m = Ref::steal(new_native_module(ts, "collections.abc", module_functions, nullptr));
  if (!m) return nullptr;
  size_t pos = 0;
  Object* k;
  Object* v;
  Object* sd = module_dict_borrowed(src.get());
  while (dict_next(sd, &pos, &k, &v)) {
    // Its own __getattr__ (bound to it, for its error messages).
    if (is_str(k) && (str_equal_cstr(k, "__name__") || str_equal_cstr(k, "__getattr__"))) continue;
    if (dict_set_item(ts, module_dict_borrowed(m.get()), k, v) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
