// collections.defaultdict and collections.OrderedDict: dict subclasses
// (static types whose base is dict), and OrderedDict's views.
//
// Invariants:
//   * A defaultdict is a Dict followed by `factory` (owned, nullptr or None =
//     no default): dict's __getitem__ calls __missing__ for subclasses.
//   * An OrderedDict keeps no order of its own: the dict's insertion order IS
//     its order. move_to_end(last=True) re-inserts the key at the end;
//     move_to_end(last=False) rebuilds the table with the key first (O(n),
//     correct rather than fast). Everything else is plain dict behaviour.
//   * The odict_keys/values/items views wrap the dict's own view (owned) and
//     delegate to it; only their names (repr) and __reversed__ differ.
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
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

Type defaultdict_type;
Type ordereddict_type;
Type odict_keys_type;
Type odict_values_type;
Type odict_items_type;
Type odict_iterator_type;

namespace {

// --- shared helpers -----------------------------------------------------------

// The dict's items as a vector of owned (key, value) pairs, in order.
std::vector<std::pair<Ref, Ref>> items_of(Object* d) {
  std::vector<std::pair<Ref, Ref>> out;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v)) out.emplace_back(Ref::borrow(k), Ref::borrow(v));
  return out;
}

// A list of (key, value) tuples, in order.
Object* items_list(ThreadState* ts, Object* d) {
  auto items = items_of(d);
  Ref l = Ref::steal(list_new(ts, 0));
  if (!l) return nullptr;
  for (auto& [k, v] : items) {
    Ref t = Ref::steal(tuple_pack(ts, {k.get(), v.get()}));
    if (!t || list_append(ts, l.get(), t.get()) < 0) return nullptr;
  }
  return l.release();
}

// self.update(other) through the dict's own update method (mapping or pairs).
int update_with(ThreadState* ts, Object* self, Object* other) {
  Ref fn = Ref::steal(get_attr_str(ts, self, "update"));
  Ref r = fn ? Ref::steal(call(ts, fn.get(), &other, 1)) : Ref();
  return r ? 0 : -1;
}

// ==========================================================================
// defaultdict
// ==========================================================================

struct DefaultDict : Dict {
  Object* factory = nullptr;  // owned; nullptr or None: no default
};

DefaultDict* DD(Object* o) { return static_cast<DefaultDict*>(o); }
bool has_factory(Object* o) { return DD(o)->factory && !is_none(DD(o)->factory); }

void dd_dealloc(Object* o) {
  clear_ref(DD(o)->factory);
  dict_type.dealloc(o);
}

int dd_traverse(Object* o, VisitFn visit, void* arg) {
  if (DD(o)->factory && visit(DD(o)->factory, arg)) return 1;
  return dict_type.traverse(o, visit, arg);
}

int dd_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* factory = nullptr;
  if (nargs > 0) {
    factory = args[0];
    if (!is_none(factory) && !is_callable(factory)) {
      raise(ts, &exc::TypeError, "first argument must be callable or None");
      return -1;
    }
  }
  set_ref(DD(self)->factory, xnew_ref(factory));
  size_t skip = nargs > 0 ? 1 : 0;
  return dict_type.init(ts, self, args + skip, nargs - skip, kwnames);
}

Object* dd_missing(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* key = args[0];
  if (!has_factory(self)) return raise_key_error_for(ts, key);
  Ref value = Ref::steal(call(ts, DD(self)->factory, nullptr, 0));
  if (!value) return nullptr;
  if (set_item(ts, self, key, value.get()) < 0) return nullptr;
  return value.release();
}

Object* dd_repr(ThreadState* ts, Object* self) {
  Ref base = Ref::steal(dict_type.repr(ts, self));
  if (!base) return nullptr;
  Ref frepr;
  if (!has_factory(self)) {
    frepr = Ref::steal(str_from_cstr(ts, "None"));
  } else {
    Object* f = DD(self)->factory;
    int rec = repr_enter(ts, f);
    if (rec < 0) return nullptr;
    if (rec > 0) {
      frepr = Ref::steal(str_from_cstr(ts, "..."));
    } else {
      frepr = Ref::steal(repr(ts, f));
      repr_leave(ts, f);
    }
  }
  if (!frepr) return nullptr;
  StrBuilder b;
  b.append(type_name(self->ob_type));
  b.append("(");
  b.append_str(ts, frepr.get());
  b.append(", ");
  b.append_str(ts, base.get());
  b.append(")");
  return b.finish(ts);
}

// type(self)(self.default_factory, source)
Object* dd_new_like(ThreadState* ts, Object* self, Object* source) {
  Object* args[2] = {DD(self)->factory ? DD(self)->factory : py_none(), source};
  return call(ts, self->ob_type, args, 2);
}

Object* dd_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return dd_new_like(ts, self, self); }

Object* dd_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref args = Ref::steal(has_factory(self) ? tuple_pack(ts, {DD(self)->factory}) : tuple_empty());
  if (!args) return nullptr;
  Ref items = Ref::steal(call_method(ts, self, ts->id->items, nullptr, 0));
  if (!items) return nullptr;
  Ref it = Ref::steal(get_iter(ts, items.get()));
  if (!it) return nullptr;
  return tuple_pack(ts, {self->ob_type, args.get(), py_none(), py_none(), it.get()});
}

// a | b where one side is a defaultdict: the result takes the defaultdict's
// type and factory (the left one when both are).
Object* dd_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_dict(a) || !is_dict(b)) return new_ref(py_not_implemented());
  bool left = is_instance_of(a, &defaultdict_type);
  Ref r = Ref::steal(dd_new_like(ts, left ? a : b, a));
  if (!r || update_with(ts, r.get(), b) < 0) return nullptr;
  return r.release();
}

const MethodDef dd_methods[] = {
    {"__missing__", dd_missing, kMethO, "__missing__(key) # Called by __getitem__ for missing key"},
    {"copy", dd_copy, kMethNoArgs, "D.copy() -> a shallow copy of D."},
    {"__copy__", dd_copy, kMethNoArgs, "D.copy() -> a shallow copy of D."},
    {"__reduce__", dd_reduce, kMethNoArgs},
    {},
};

const MemberDef dd_members[] = {
    {"default_factory", MemberKind::ObjectOrNone, offsetof(DefaultDict, factory), false,
     "Factory for default value called by __missing__()."},
    {},
};

// ==========================================================================
// OrderedDict
// ==========================================================================

// An OrderedDict has a __dict__ (as in CPython): a Dict followed by its
// instance dict pointer (owned, created on demand).
struct ODict : Dict {
  Object* inst_dict = nullptr;
};

bool is_odict(Object* o) { return is_instance_of(o, &ordereddict_type); }

void od_dealloc(Object* o) {
  instance_dict_slot_reset(instance_dict_ptr(o), nullptr);
  dict_type.dealloc(o);
}

int od_traverse(Object* o, VisitFn visit, void* arg) {
  Object* d = static_cast<ODict*>(o)->inst_dict;
  if (d && !slot_holds_values(d) && visit(d, arg)) return 1;
  return dict_type.traverse(o, visit, arg);
}

Object* od_get_dict(ThreadState* ts, Object* self) {
  Object* d = instance_dict_borrowed(ts, self);
  return d ? new_ref(d) : nullptr;
}

const GetSetDef od_getsets[] = {
    {"__dict__", od_get_dict, nullptr, nullptr},
    {},
};

int od_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) {
    raise_format(ts, &exc::TypeError, "expected at most 1 arguments, got %zu", nargs);
    return -1;
  }
  // Through self.update(): a subclass's __setitem__ sees every item, as in
  // CPython's MutableMapping.update.
  Ref fn = Ref::steal(get_attr_str(ts, self, "update"));
  if (!fn) return -1;
  Ref r = Ref::steal(call(ts, fn.get(), args, nargs, kwnames));
  return r ? 0 : -1;
}

// OrderedDict.update(other=(), /, **kwds): items go through __setitem__.
Object* od_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) return raise_format(ts, &exc::TypeError, "update expected at most 1 argument, got %zu", nargs);
  if (nargs == 1) {
    Object* other = args[0];
    Ref keys = Ref::steal(is_dict(other) ? nullptr : lookup_attr(ts, other, ts->id->keys));
    if (runtime::has_exception(ts)) return nullptr;
    if (is_dict(other)) {
      for (auto& [k, v] : items_of(other))
        if (set_item(ts, self, k.get(), v.get()) < 0) return nullptr;
    } else if (keys) {
      Ref ks = Ref::steal(call(ts, keys.get(), nullptr, 0));
      Ref it = ks ? Ref::steal(get_iter(ts, ks.get())) : Ref();
      if (!it) return nullptr;
      while (Object* k = iter_next(ts, it.get())) {
        Ref kr = Ref::steal(k);
        Ref v = Ref::steal(get_item(ts, other, k));
        if (!v || set_item(ts, self, k, v.get()) < 0) return nullptr;
      }
      if (runtime::has_exception(ts)) return nullptr;
    } else {
      Ref it = Ref::steal(get_iter(ts, other));
      if (!it) return nullptr;
      while (Object* pair = iter_next(ts, it.get())) {
        Ref p = Ref::steal(pair);
        Ref t = Ref::steal(sequence_tuple(ts, pair));
        if (!t) return nullptr;
        if (tuple_size(t.get()) > 2) return raise(ts, &exc::ValueError, "too many values to unpack (expected 2)");
        if (tuple_size(t.get()) < 2) {
          return raise_format(ts, &exc::ValueError, "need more than %lld value%s to unpack",
                              static_cast<long long>(tuple_size(t.get())), tuple_size(t.get()) == 1 ? "" : "s");
        }
        if (set_item(ts, self, tuple_item_borrowed(t.get(), 0), tuple_item_borrowed(t.get(), 1)) < 0) return nullptr;
      }
      if (runtime::has_exception(ts)) return nullptr;
    }
  }
  size_t nkw = kwnames_count(kwnames);
  for (size_t i = 0; i < nkw; ++i)
    if (set_item(ts, self, tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
  return py_none();
}

Object* od_repr(ThreadState* ts, Object* self) {
  const char* name = type_name(self->ob_type);
  if (dict_size(self) == 0) return str_from_format(ts, "%s()", name);
  int rec = repr_enter(ts, self);
  if (rec != 0) return rec > 0 ? str_from_cstr(ts, "...") : nullptr;
  Ref items = Ref::steal(items_list(ts, self));
  Ref r = items ? Ref::steal(repr(ts, items.get())) : Ref();
  repr_leave(ts, self);
  if (!r) return nullptr;
  StrBuilder b;
  b.append(name);
  b.append("(");
  b.append_str(ts, r.get());
  b.append(")");
  return b.finish(ts);
}

Object* od_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return new_ref(py_not_implemented());
  if (!is_odict(a) || !is_odict(b)) return dict_type.richcompare(ts, a, b, op);
  Ref base = Ref::steal(dict_type.richcompare(ts, a, b, CompareOp::Eq));
  if (!base) return nullptr;
  if (base.get() != py_true()) return base.get() == py_false() ? py_bool(op == CompareOp::Ne) : base.release();
  // Equal as dicts: the order must match too.
  auto ia = items_of(a), ib = items_of(b);
  if (ia.size() != ib.size()) return py_bool(op == CompareOp::Ne);
  for (size_t i = 0; i < ia.size(); ++i) {
    int r = rich_compare_bool(ts, ia[i].first.get(), ib[i].first.get(), CompareOp::Eq);
    if (r < 0) return nullptr;
    if (!r) return py_bool(op == CompareOp::Ne);
  }
  return py_bool(op == CompareOp::Eq);
}

// type(self)() filled with source's items through __setitem__.
Object* od_copy_of(ThreadState* ts, Type* type, Object* source) {
  Ref r = Ref::steal(call(ts, type, nullptr, 0));
  if (!r) return nullptr;
  for (auto& [k, v] : items_of(source))
    if (set_item(ts, r.get(), k.get(), v.get()) < 0) return nullptr;
  return r.release();
}

Object* od_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return od_copy_of(ts, self->ob_type, self);
}

Object* od_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_dict(a) || !is_dict(b)) return new_ref(py_not_implemented());
  bool left = is_odict(a);
  Ref r = Ref::steal(od_copy_of(ts, (left ? a : b)->ob_type, a));
  if (!r || update_with(ts, r.get(), b) < 0) return nullptr;
  return r.release();
}

Object* od_move_to_end(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"key", ParamKind::PositionalOrKeyword, kRequired},
                                      {"last", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("move_to_end", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int last = av.has(1) ? is_true(ts, av[1]) : 1;
  if (last < 0) return nullptr;
  Object* value = nullptr;
  int r = dict_pop(ts, self, av[0], &value);
  if (r < 0) return nullptr;
  if (r == 0) return raise_key_error_for(ts, av[0]);
  Ref v = Ref::steal(value);
  Ref key = Ref::borrow(av[0]);
  if (last) {
    if (dict_set_item(ts, self, key.get(), v.get()) < 0) return nullptr;
    return py_none();
  }
  auto rest = items_of(self);
  dict_clear(self);
  if (dict_set_item(ts, self, key.get(), v.get()) < 0) return nullptr;
  for (auto& [k, val] : rest)
    if (dict_set_item(ts, self, k.get(), val.get()) < 0) return nullptr;
  return py_none();
}

Object* od_popitem(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"last", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("popitem", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int last = av.has(0) ? is_true(ts, av[0]) : 1;
  if (last < 0) return nullptr;
  if (dict_size(self) == 0) return raise(ts, &exc::KeyError, "dictionary is empty");
  size_t pos = 0;
  Object *k = nullptr, *v = nullptr, *kk, *vv;
  while (dict_next(self, &pos, &kk, &vv)) {
    k = kk;
    v = vv;
    if (!last) break;
  }
  Ref key = Ref::borrow(k), value = Ref::borrow(v);
  Object* out = nullptr;
  if (dict_pop(ts, self, key.get(), &out) < 0) return nullptr;
  xdecref(out);
  return tuple_pack(ts, {key.get(), value.get()});
}


// --- iterators ---------------------------------------------------------------
//
// An odict_iterator walks a snapshot of the keys and checks at each step that
// the OrderedDict's keys did not change since it started (Dict::mutations):
// any insertion, deletion or move raises "OrderedDict mutated during
// iteration", as CPython's linked-list iterator does.

enum class IterKind : uint8_t { Keys, Values, Items };

struct ODictIter : Object {
  Object* dict = nullptr;  // owned; nullptr once exhausted
  Object* keys = nullptr;  // owned list snapshot
  int64_t index = 0;
  uint64_t mutations = 0;
  IterKind kind = IterKind::Keys;
  bool reverse = false;
};

Object* make_iter(ThreadState* ts, Object* od, IterKind kind, bool reverse) {
  Ref keys = Ref::steal(dict_keys_list(ts, od));
  if (!keys) return nullptr;
  auto* it = static_cast<ODictIter*>(alloc_object(ts, &odict_iterator_type, sizeof(ODictIter)));
  if (!it) return nullptr;
  it->dict = new_ref(od);
  it->keys = keys.release();
  it->mutations = static_cast<Dict*>(od)->mutations;
  it->kind = kind;
  it->reverse = reverse;
  return it;
}

Object* odict_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<ODictIter*>(o);
  if (!it->dict) return nullptr;
  if (static_cast<Dict*>(it->dict)->mutations != it->mutations) {
    clear_ref(it->dict);
    return raise(ts, &exc::RuntimeError, "OrderedDict mutated during iteration");
  }
  int64_t n = list_size(it->keys);
  if (it->index >= n) {
    clear_ref(it->dict);
    return nullptr;
  }
  int64_t i = it->reverse ? n - 1 - it->index : it->index;
  ++it->index;
  Object* key = list_items(it->keys)[i];
  if (it->kind == IterKind::Keys) return new_ref(key);
  Object* value = dict_get_item_borrowed(ts, it->dict, key);
  if (!value) return runtime::has_exception(ts) ? nullptr : raise_key_error_for(ts, key);
  if (it->kind == IterKind::Values) return new_ref(value);
  return tuple_pack(ts, {key, value});
}

void odict_iter_dealloc(Object* o) {
  auto* it = static_cast<ODictIter*>(o);
  xdecref(it->dict);
  xdecref(it->keys);
  free_object(o);
}
int odict_iter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* it = static_cast<ODictIter*>(o);
  for (Object* c : {it->dict, it->keys})
    if (c && visit(c, arg)) return 1;
  return 0;
}
Object* odict_iter_self(ThreadState*, Object* o) { return new_ref(o); }

Object* od_iter(ThreadState* ts, Object* self) { return make_iter(ts, self, IterKind::Keys, false); }

// --- views -----------------------------------------------------------------

struct ODictView : Object {
  Object* dict = nullptr;  // owned: the OrderedDict
  Object* view = nullptr;  // owned: dict's own keys/values/items view of it
};

ODictView* V(Object* o) { return static_cast<ODictView*>(o); }
bool is_odict_view(Object* o) {
  return o->ob_type == &odict_keys_type || o->ob_type == &odict_values_type || o->ob_type == &odict_items_type;
}
Object* unwrap(Object* o) { return is_odict_view(o) ? V(o)->view : o; }

Object* make_view(ThreadState* ts, Object* self, Type* type, const char* method) {
  // dict.keys(self): the dict-level view, whatever the subclass overrides.
  Ref fn = Ref::steal(get_attr_str(ts, &dict_type, method));
  if (!fn) return nullptr;
  Ref view = Ref::steal(call(ts, fn.get(), &self, 1));
  if (!view) return nullptr;
  auto* v = static_cast<ODictView*>(alloc_object(ts, type, sizeof(ODictView)));
  if (!v) return nullptr;
  v->dict = new_ref(self);
  v->view = view.release();
  return v;
}

Object* od_keys(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_view(ts, self, &odict_keys_type, "keys");
}
Object* od_values(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_view(ts, self, &odict_values_type, "values");
}
Object* od_items(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_view(ts, self, &odict_items_type, "items");
}

void view_dealloc(Object* o) {
  xdecref(V(o)->dict);
  xdecref(V(o)->view);
  free_object(o);
}
int view_traverse(Object* o, VisitFn visit, void* arg) {
  for (Object* c : {V(o)->dict, V(o)->view})
    if (c && visit(c, arg)) return 1;
  return 0;
}
IterKind view_kind(Object* o) {
  if (o->ob_type == &odict_keys_type) return IterKind::Keys;
  return o->ob_type == &odict_values_type ? IterKind::Values : IterKind::Items;
}
Object* view_iter(ThreadState* ts, Object* o) { return make_iter(ts, V(o)->dict, view_kind(o), false); }
int64_t view_len(ThreadState* ts, Object* o) { return length(ts, V(o)->view); }
int view_contains(ThreadState* ts, Object* o, Object* x) { return contains(ts, V(o)->view, x); }
Object* view_repr(ThreadState* ts, Object* o) {
  int rec = repr_enter(ts, o);
  if (rec != 0) return rec > 0 ? str_from_cstr(ts, "...") : nullptr;
  Ref l = Ref::steal(sequence_list(ts, V(o)->view));
  Ref r = l ? Ref::steal(repr(ts, l.get())) : Ref();
  repr_leave(ts, o);
  if (!r) return nullptr;
  StrBuilder b;
  b.append(type_name(o->ob_type));
  b.append("(");
  b.append_str(ts, r.get());
  b.append(")");
  return b.finish(ts);
}
Object* view_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  return rich_compare(ts, unwrap(a), unwrap(b), op);
}
Object* view_and(ThreadState* ts, Object* a, Object* b) { return number_and(ts, unwrap(a), unwrap(b)); }
Object* view_or(ThreadState* ts, Object* a, Object* b) { return number_or(ts, unwrap(a), unwrap(b)); }
Object* view_sub(ThreadState* ts, Object* a, Object* b) { return number_subtract(ts, unwrap(a), unwrap(b)); }
Object* view_xor(ThreadState* ts, Object* a, Object* b) { return number_xor(ts, unwrap(a), unwrap(b)); }
Object* view_reversed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_iter(ts, V(self)->dict, view_kind(self), true);
}
Object* view_isdisjoint(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref fn = Ref::steal(get_attr_str(ts, V(self)->view, "isdisjoint"));
  return fn ? call(ts, fn.get(), args, 1) : nullptr;
}

const MethodDef view_methods[] = {
    {"__reversed__", view_reversed, kMethNoArgs},
    {"isdisjoint", view_isdisjoint, kMethO},
    {},
};

void init_view(Type& t, const char* name, bool setlike) {
  t.name = name;
  t.basicsize = sizeof(ODictView);
  t.flags = kTypeHaveGC;
  t.dealloc = view_dealloc;
  t.traverse = view_traverse;
  t.iter = view_iter;
  t.mp_length = view_len;
  t.sq_contains = view_contains;
  t.repr = view_repr;
  t.methods = view_methods;
  if (setlike) {
    t.richcompare = view_richcompare;
    t.nb_and = view_and;
    t.nb_or = view_or;
    t.nb_subtract = view_sub;
    t.nb_xor = view_xor;
  }
}

Object* od_reversed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_iter(ts, self, IterKind::Keys, true);
}

Object* od_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref it = Ref::steal(make_iter(ts, self, IterKind::Items, false));
  if (!it) return nullptr;
  Ref empty = Ref::steal(tuple_empty());
  return tuple_pack(ts, {self->ob_type, empty.get(), py_none(), py_none(), it.get()});
}

const MethodDef od_methods[] = {
    {"move_to_end", od_move_to_end, kMethKeywords,
     "Move an existing element to the end (or beginning if last is false)."},
    {"popitem", od_popitem, kMethKeywords, "Remove and return a (key, value) pair from the dictionary."},
    {"__reversed__", od_reversed, kMethNoArgs, "od.__reversed__() <==> reversed(od)"},
    {"keys", od_keys, kMethNoArgs},
    {"values", od_values, kMethNoArgs},
    {"items", od_items, kMethNoArgs},
    {"copy", od_copy, kMethNoArgs, "od.copy() -> a shallow copy of od"},
    {"update", od_update, kMethKeywords},
    {"__reduce__", od_reduce, kMethNoArgs},
    {},
};

}  // namespace

void init_defaultdict_type(Type& t) {
  t.name = "collections.defaultdict";
  t.doc =
      "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
      "The default factory is called without arguments to produce\na new value when a key is not present, in "
      "__getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll remaining arguments "
      "are treated the same as if they were\npassed to the dict constructor, including keyword arguments.\n";
  t.base = &dict_type;
  t.basicsize = sizeof(DefaultDict);
  t.flags = kTypeBaseType | kTypeDictSubclass | kTypeMapping | kTypeHaveGC;
  t.dealloc = dd_dealloc;
  t.traverse = dd_traverse;
  t.repr = dd_repr;
  t.init = dd_init;
  t.nb_or = dd_or;
  t.methods = dd_methods;
  t.members = dd_members;
}

void init_ordereddict_type(Type& t) {
  t.name = "collections.OrderedDict";
  t.doc = "Dictionary that remembers insertion order";
  t.base = &dict_type;
  t.basicsize = sizeof(ODict);
  t.dictoffset = offsetof(ODict, inst_dict);
  t.flags = kTypeBaseType | kTypeDictSubclass | kTypeMapping | kTypeHaveGC;
  t.dealloc = od_dealloc;
  t.traverse = od_traverse;
  t.getsets = od_getsets;
  t.repr = od_repr;
  t.iter = od_iter;
  t.richcompare = od_richcompare;
  t.init = od_init;
  t.nb_or = od_or;
  t.methods = od_methods;
}

void init_odict_keys_type(Type& t) { init_view(t, "odict_keys", true); }
void init_odict_values_type(Type& t) { init_view(t, "odict_values", false); }
void init_odict_items_type(Type& t) { init_view(t, "odict_items", true); }

void init_odict_iterator_type(Type& t) {
  t.name = "odict_iterator";
  t.basicsize = sizeof(ODictIter);
  t.flags = kTypeHaveGC;
  t.dealloc = odict_iter_dealloc;
  t.traverse = odict_iter_traverse;
  t.iter = odict_iter_self;
  t.iternext = odict_iter_next;
}

}  // namespace spindle::modules
