// `type`: readying builtin types, creating Python classes (type_new), the
// MRO (C3), version tags, and the attributes and methods of type objects.
//
// Invariants:
//   * After type_ready(t): t->mro is a tuple starting with t and ending with
//     object; every slot of t is either its own, inherited from its MRO, or
//     (heap types) derived from the dunders along its MRO (slots.cpp).
//   * t->subclasses is a dict {int(address): None} of t's direct subclasses;
//     it holds no references (a dying heap type removes itself).
//   * A version tag is only nonzero if the tags of all its MRO entries were
//     assigned before it; type_modified() clears a type's tag and those of all
//     its subclasses.
#include "objects/typeobject.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "objects/weakref.h"
#include "runtime/errors.h"
#include "runtime/gc.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // offsetof(Type, dict): see slots.cpp

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type type_type;

// ===========================================================================
// Small shared helpers
// ===========================================================================


const char* utf8_of(ThreadState* ts, Object* s) {
  if (!s || !is_str(s)) return "?";
  const char* p = str_utf8(ts, s, nullptr);
  if (!p) {
    runtime::clear_exception(ts);
    return "?";
  }
  return p;
}

const char* type_name(const Type* t) {
  const char* n = t->name ? t->name : "?";
  if (has_flag(t, kTypeHeap)) return n;
  const char* dot = std::strrchr(n, '.');
  return dot ? dot + 1 : n;
}

const char* type_name_utf8(ThreadState*, Type* t) { return type_name(t); }

namespace {

Object* dict_lookup(Object* d, Object* name) {
  return dict_get_item_borrowed(runtime::current_thread_state(), d, name);
}

bool is_type(const Object* o) { return has_flag(o->ob_type, kTypeTypeSubclass); }

Type* as_type(Object* o) { return static_cast<Type*>(o); }

}  // namespace

// ===========================================================================
// Subtype relation and MRO lookup
// ===========================================================================

bool is_subtype(const Type* a, const Type* b) {
  if (a == b) return true;
  if (a->mro) {
    Object* const* items = tuple_items(a->mro);
    int64_t n = tuple_size(a->mro);
    for (int64_t i = 0; i < n; ++i) {
      if (items[i] == b) return true;
    }
    return false;
  }
  // Not yet readied: follow the base chain.
  for (const Type* t = a->base; t; t = t->base) {
    if (t == b) return true;
  }
  return b == &object_type;
}

namespace {

Object* find_in_mro(Type* t, Object* name) {
  Object* mro = t->mro;
  if (!mro) return nullptr;
  Object* const* items = tuple_items(mro);
  int64_t n = tuple_size(mro);
  for (int64_t i = 0; i < n; ++i) {
    Object* d = as_type(items[i])->dict;
    if (!d) continue;
    if (Object* v = dict_lookup(d, name)) return v;
  }
  return nullptr;
}

}  // namespace

// Through the per-interpreter cache: a hit needs the type's current version
// tag and the very same name object.
Object* type_lookup_borrowed(Type* t, Object* name) {
  ThreadState* ts = runtime::current_thread_state();
  if (!ts || !ts->interp || !has_flag(t, kTypeReady)) return find_in_mro(t, name);
  uint32_t version = type_assign_version(ts, t);
  if (version == 0) return find_in_mro(t, name);
  auto& cache = ts->interp->type_cache;
  size_t h = (static_cast<size_t>(version) * 2654435761u) ^ (reinterpret_cast<uintptr_t>(name) >> 4);
  runtime::TypeCacheEntry& e = cache[h & (runtime::kTypeCacheSize - 1)];
  if (e.version == version && e.name == name) return e.value;
  Object* v = find_in_mro(t, name);
  if (runtime::has_exception(ts)) return v;
  e.version = version;
  set_ref(e.name, new_ref(name));
  e.value = v;
  return v;
}

// ===========================================================================
// Version tags and the subclass registry
// ===========================================================================

namespace {

template <class Fn>
void for_each_subclass(Type* t, Fn fn) {
  if (!t->subclasses) return;
  size_t pos = 0;
  Object* key;
  Object* value;
  std::vector<Type*> subs;
  while (dict_next(t->subclasses, &pos, &key, &value)) {
    bool overflow = false;
    int64_t addr = int_as_i64(nullptr, key, &overflow);
    subs.push_back(reinterpret_cast<Type*>(static_cast<uintptr_t>(addr)));
  }
  for (Type* s : subs) fn(s);
}

int add_subclass(ThreadState* ts, Type* base, Type* sub) {
  if (!base->subclasses) {
    base->subclasses = dict_new(ts);
    if (!base->subclasses) return -1;
  }
  Ref key = Ref::steal(int_from_i64(ts, static_cast<int64_t>(reinterpret_cast<uintptr_t>(sub))));
  if (!key) return -1;
  return dict_set_item(ts, base->subclasses, key.get(), py_none());
}

// Never fails and leaves the current exception alone: it runs while a
// half-built class is freed on an error path.
void remove_subclass(ThreadState* ts, Type* base, Type* sub) {
  if (!base->subclasses) return;
  Object* saved = runtime::fetch_exception(ts);
  Ref key = Ref::steal(int_from_i64(ts, static_cast<int64_t>(reinterpret_cast<uintptr_t>(sub))));
  if (!key || dict_del_item(ts, base->subclasses, key.get()) < 0) runtime::clear_exception(ts);
  runtime::restore_exception(ts, saved);
}

}  // namespace

void type_modified(Type* t) {
  if (t->version_tag == 0) return;
  t->version_tag = 0;
  for_each_subclass(t, [](Type* s) { type_modified(s); });
}

uint32_t type_assign_version(ThreadState* ts, Type* t) {
  if (t->version_tag != 0) return t->version_tag;
  if (!has_flag(t, kTypeReady) || !t->mro) return 0;
  Object* const* items = tuple_items(t->mro);
  int64_t n = tuple_size(t->mro);
  for (int64_t i = 1; i < n; ++i) {
    if (type_assign_version(ts, as_type(items[i])) == 0) return 0;
  }
  uint32_t v = ts->rt->next_type_version.fetch_add(1, std::memory_order_relaxed);
  if (v == 0) return 0;  // exhausted: the type stays unversioned
  t->version_tag = v;
  return v;
}

// ===========================================================================
// C3 linearization
// ===========================================================================

namespace {

// The MRO of `t` from its bases by C3, as a new tuple.
Object* c3_mro(ThreadState* ts, Type* t) {
  Object* bases = t->bases;
  int64_t nbases = tuple_size(bases);
  Object* const* base_items = tuple_items(bases);

  // Duplicate bases first (CPython reports them before trying to merge).
  for (int64_t i = 0; i < nbases; ++i) {
    for (int64_t j = i + 1; j < nbases; ++j) {
      if (base_items[i] == base_items[j]) {
        return raise_format(ts, &exc::TypeError, "duplicate base class %s", type_tp_name(as_type(base_items[i])));
      }
    }
  }

  // The lists to merge: each base's MRO, then the bases themselves.
  std::vector<std::vector<Type*>> seqs;
  for (int64_t i = 0; i < nbases; ++i) {
    Type* b = as_type(base_items[i]);
    std::vector<Type*> s;
    int64_t n = tuple_size(b->mro);
    for (int64_t k = 0; k < n; ++k) s.push_back(as_type(tuple_items(b->mro)[k]));
    seqs.push_back(std::move(s));
  }
  {
    std::vector<Type*> s;
    for (int64_t i = 0; i < nbases; ++i) s.push_back(as_type(base_items[i]));
    seqs.push_back(std::move(s));
  }
  std::vector<size_t> head(seqs.size(), 0);
  std::vector<Type*> result{t};

  auto in_tail = [&](Type* c) {
    for (size_t j = 0; j < seqs.size(); ++j) {
      for (size_t k = head[j] + 1; k < seqs[j].size(); ++k) {
        if (seqs[j][k] == c) return true;
      }
    }
    return false;
  };

  for (;;) {
    bool empty = true;
    Type* candidate = nullptr;
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (head[i] >= seqs[i].size()) continue;
      empty = false;
      Type* c = seqs[i][head[i]];
      if (!in_tail(c)) {
        candidate = c;
        break;
      }
    }
    if (empty) break;
    if (!candidate) {
      // The remaining heads, in order, without repetition.
      std::string names;
      std::vector<Type*> seen;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (head[i] >= seqs[i].size()) continue;
        Type* c = seqs[i][head[i]];
        bool dup = false;
        for (Type* s : seen) dup = dup || s == c;
        if (dup) continue;
        seen.push_back(c);
        if (!names.empty()) names += ", ";
        names += type_name(c);
      }
      return raise_format(ts, &exc::TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                          names.c_str());
    }
    result.push_back(candidate);
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (head[i] < seqs[i].size() && seqs[i][head[i]] == candidate) ++head[i];
    }
  }

  Object* tup = tuple_new(ts, result.size());
  if (!tup) return nullptr;
  for (size_t i = 0; i < result.size(); ++i) tuple_items(tup)[i] = new_ref(static_cast<Object*>(result[i]));
  return tup;
}

// The MRO for `t`: C3, or the metaclass's overriding mro() (a list or
// iterable of types).
Object* compute_mro(ThreadState* ts, Type* t) {
  Type* meta = t->ob_type;
  if (meta != &type_type && has_flag(meta, kTypeHeap)) {
    Object* m = type_lookup_borrowed(meta, ts->id->mro);
    Object* base_m = type_lookup_borrowed(&type_type, ts->id->mro);
    if (m && m != base_m) {
      Ref r = Ref::steal(call_method(ts, t, ts->id->mro, nullptr, 0));
      if (!r) return nullptr;
      Ref tup = Ref::steal(sequence_tuple(ts, r.get()));
      if (!tup) return nullptr;
      int64_t n = tuple_size(tup.get());
      for (int64_t i = 0; i < n; ++i) {
        Object* e = tuple_items(tup.get())[i];
        if (!is_type(e)) {
          return raise_format(ts, &exc::TypeError, "mro() returned a non-class ('%s')", tp_name(e));
        }
      }
      return tup.release();
    }
  }
  return c3_mro(ts, t);
}

// ===========================================================================
// Slot inheritance
// ===========================================================================

void inherit_slots(Type* t, const Type* b) {
  // hash and richcompare go together: a type that defines either keeps both.
  bool own_compare = t->richcompare != nullptr || t->hash != nullptr;
#define SLOT(field, FnType, dunder, kind) \
  if (!t->field) t->field = b->field;
#include "objects/type_slots.def"
#undef SLOT
  if (own_compare && !has_flag(t, kTypeHeap)) {
    // Restore the pairing: do not inherit a hash the type's compare breaks.
    if (t->hash == b->hash && t->richcompare != b->richcompare) t->hash = nullptr;
  }
}

void inherit_layout(Type* t, const Type* base) {
  if (t->basicsize == 0) t->basicsize = base->basicsize;
  if (t->itemsize == 0) t->itemsize = base->itemsize;
  if (t->dictoffset == 0) t->dictoffset = base->dictoffset;
  if (t->weaklistoffset == 0) t->weaklistoffset = base->weaklistoffset;
  constexpr uint64_t kInherited = kTypeIntSubclass | kTypeListSubclass | kTypeTupleSubclass | kTypeBytesSubclass |
                                  kTypeStrSubclass | kTypeDictSubclass | kTypeBaseExceptionSubclass |
                                  kTypeTypeSubclass | kTypeHaveGC | kTypeSequence | kTypeMapping | kTypeManagedDict;
  t->flags |= base->flags & kInherited;
}

// Fills t->dict from the tables of a builtin type.
int add_tables(ThreadState* ts, Type* t) {
  if (t->methods) {
    for (const MethodDef* m = t->methods; m->name; ++m) {
      Ref key = Ref::steal(str_intern_cstr(ts, m->name));
      if (!key) return -1;
      if (dict_get_item_borrowed(ts, t->dict, key.get())) continue;
      Ref d;
      if (m->flags & kMethClass) {
        d = Ref::steal(descr_new_classmethod(ts, t, m));
      } else if (m->flags & kMethStatic) {
        Ref f = Ref::steal(builtin_function_new(ts, m, nullptr, nullptr));
        if (!f) return -1;
        d = Ref::steal(staticmethod_new(ts, f.get()));
      } else {
        d = Ref::steal(descr_new_method(ts, t, m));
      }
      if (!d || dict_set_item(ts, t->dict, key.get(), d.get()) < 0) return -1;
    }
  }
  if (t->members) {
    for (const MemberDef* m = t->members; m->name; ++m) {
      Ref key = Ref::steal(str_intern_cstr(ts, m->name));
      if (!key) return -1;
      if (dict_get_item_borrowed(ts, t->dict, key.get())) continue;
      Ref d = Ref::steal(descr_new_member(ts, t, m));
      if (!d || dict_set_item(ts, t->dict, key.get(), d.get()) < 0) return -1;
    }
  }
  if (t->getsets) {
    for (const GetSetDef* g = t->getsets; g->name; ++g) {
      Ref key = Ref::steal(str_intern_cstr(ts, g->name));
      if (!key) return -1;
      if (dict_get_item_borrowed(ts, t->dict, key.get())) continue;
      Ref d = Ref::steal(descr_new_getset(ts, t, g));
      if (!d || dict_set_item(ts, t->dict, key.get(), d.get()) < 0) return -1;
    }
  }
  return 0;
}

// The builtin `__new__` of a type: a builtin method bound to the type
// (`int.__new__(int, 5)`): its first argument is the type to create.
Object* tp_new_wrapper(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Type* type = as_type(self);
  if (nargs < 1) return raise_format(ts, &exc::TypeError, "%s.__new__(): not enough arguments", type_tp_name(type));
  Object* sub = args[0];
  if (!is_type(sub)) {
    return raise_format(ts, &exc::TypeError, "%s.__new__(X): X is not a type object (%s)", type_tp_name(type),
                        tp_name(sub));
  }
  Type* subtype = as_type(sub);
  if (!is_subtype(subtype, type)) {
    return raise_format(ts, &exc::TypeError, "%s.__new__(%s): %s is not a subtype of %s", type_tp_name(type),
                        type_tp_name(subtype), type_tp_name(subtype), type_tp_name(type));
  }
  // The most derived builtin base of subtype must use this very __new__:
  // object.__new__(int) would build an int without int's fields.
  Type* staticbase = subtype;
  while (staticbase && staticbase->new_ == slot_tp_new) staticbase = staticbase->base;
  if (staticbase && staticbase->new_ != type->new_) {
    return raise_format(ts, &exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type_tp_name(type),
                        type_tp_name(subtype), type_tp_name(staticbase));
  }
  return type->new_(ts, subtype, args + 1, nargs - 1, kwnames);
}

constexpr MethodDef kTpNewDef = {"__new__", tp_new_wrapper, kMethKeywords,
                                 "Create and return a new object.  See help(type) for accurate signature."};

int add_tp_new(ThreadState* ts, Type* t) {
  Ref key = Ref::steal(str_intern_cstr(ts, "__new__"));
  if (!key) return -1;
  if (dict_get_item_borrowed(ts, t->dict, key.get())) return 0;
  Ref f = Ref::steal(builtin_function_new(ts, &kTpNewDef, t, nullptr));
  if (!f) return -1;
  return dict_set_item(ts, t->dict, key.get(), f.get());
}

}  // namespace

// ===========================================================================
// type_ready
// ===========================================================================

int type_ready(ThreadState* ts, Type* t) {
  if (has_flag(t, kTypeReady)) return 0;
  bool heap = has_flag(t, kTypeHeap);
  if (!heap) {
    make_immortal(t);
    if (!t->ob_type) t->ob_type = &type_type;
    t->flags |= kTypeImmutable;
  }
  if (!t->base && t != &object_type) t->base = &object_type;
  if (t->base && !has_flag(t->base, kTypeReady) && type_ready(ts, t->base) < 0) return -1;

  if (!t->bases) {
    t->bases = t->base ? tuple_pack(ts, {t->base}) : tuple_new(ts, 0);
    if (!t->bases) return -1;
  }
  for (int64_t i = 0; i < tuple_size(t->bases); ++i) {
    Type* b = as_type(tuple_items(t->bases)[i]);
    if (!has_flag(b, kTypeReady) && type_ready(ts, b) < 0) return -1;
  }
  if (!t->dict) {
    t->dict = dict_new(ts);
    if (!t->dict) return -1;
  }

  Object* mro = compute_mro(ts, t);
  if (!mro) return -1;
  set_ref(t->mro, mro);

  if (t->base) inherit_layout(t, t->base);
  if (!heap) {
    if (add_slot_wrappers(ts, t) < 0 || add_tables(ts, t) < 0) return -1;
    if (t->new_ && add_tp_new(ts, t) < 0) return -1;
  }
  // A builtin type directly under object without a __new__ cannot be
  // instantiated from Python (method-wrapper, types.UnionType, ...).
  if (!heap && !t->new_ && t->base == &object_type) t->flags |= kTypeDisallowInstantiation;
  // Slots from every base along the MRO (the solid base first).
  for (int64_t i = 1; i < tuple_size(t->mro); ++i) inherit_slots(t, as_type(tuple_items(t->mro)[i]));
  if (has_flag(t, kTypeDisallowInstantiation)) t->new_ = nullptr;
  if (!heap) {
    // A builtin type that compares but does not hash is unhashable.
    if (!t->hash && t->richcompare) {
      Ref key = Ref::steal(str_intern_cstr(ts, "__hash__"));
      if (!key) return -1;
      if (!dict_get_item_borrowed(ts, t->dict, key.get()) && dict_set_item(ts, t->dict, key.get(), py_none()) < 0) {
        return -1;
      }
      t->hash = hash_not_implemented;
    }
    if (t->doc) {
      Ref key = Ref::steal(str_intern_cstr(ts, "__doc__"));
      Ref doc = Ref::steal(str_from_cstr(ts, t->doc));
      if (!key || !doc) return -1;
      if (!dict_get_item_borrowed(ts, t->dict, key.get()) && dict_set_item(ts, t->dict, key.get(), doc.get()) < 0) {
        return -1;
      }
    }
  } else {
    update_all_slots(ts, t);
  }

  for (int64_t i = 0; i < tuple_size(t->bases); ++i) {
    if (add_subclass(ts, as_type(tuple_items(t->bases)[i]), t) < 0) return -1;
  }
  t->flags |= kTypeReady;
  return 0;
}

// ===========================================================================
// Names, module, qualname
// ===========================================================================

Object* type_qualname(ThreadState* ts, Type* t) {
  if (has_flag(t, kTypeHeap)) return new_ref(t->ht_qualname);
  return str_from_cstr(ts, type_name(t));
}

Object* type_module(ThreadState* ts, Type* t) {
  if (has_flag(t, kTypeHeap)) {
    Object* m = dict_get_item_borrowed(ts, t->dict, ts->id->dunder_module);
    if (!m) return raise(ts, &exc::AttributeError, "__module__");
    return new_ref(m);
  }
  const char* n = t->name;
  const char* dot = std::strrchr(n, '.');
  if (dot) return str_from_utf8(ts, n, static_cast<size_t>(dot - n));
  return str_from_cstr(ts, "builtins");
}

// ===========================================================================
// Instances: allocation, the default dealloc of heap-type instances
// ===========================================================================

Object* type_generic_alloc(ThreadState* ts, Type* type, size_t nitems) {
  size_t size = type->basicsize + nitems * type->itemsize;
  // The dict pointer at the block's end must be aligned: round up to a word.
  if (type->dictoffset == kDictAtEnd) size = (size + sizeof(Object*) - 1) & ~(sizeof(Object*) - 1);
  Object* o = alloc_object(ts, type, size);
  // The dict pointer at the block's end may lie past the zeroed size.
  if (o && type->dictoffset == kDictAtEnd) *instance_dict_ptr(o) = nullptr;
  return o;
}

Object* instance_dict_borrowed(ThreadState* ts, Object* o) {
  Object** slot = instance_dict_ptr(o);
  if (!slot) return nullptr;
  if (*slot && !slot_holds_values(*slot)) return *slot;
  auto* keys = static_cast<SharedKeys*>(o->ob_type->cached_keys);
  InstanceValues* values = *slot ? slot_values(*slot) : nullptr;
  Object* d = keys ? dict_new_split(ts, keys, values) : dict_new(ts);
  if (d) *slot = d;  // the dict adopted the values
  return d;
}

namespace {

// Where attributes of `o` live: its inline values (*values, may be null and
// the slot empty) or a dict (returned). keys: the class's shared keys, null
// when the class has none (then a dict is always used).
Object* instance_storage(Object* o, Object** slot, SharedKeys** keys) {
  *keys = static_cast<SharedKeys*>(o->ob_type->cached_keys);
  Object* p = *slot;
  if (p && !slot_holds_values(p)) return p;
  return nullptr;
}

}  // namespace

Object* instance_attr_lookup(ThreadState* ts, Object* o, Object* name) {
  Object** slot = instance_dict_ptr(o);
  SharedKeys* keys;
  Object* d = instance_storage(o, slot, &keys);
  if (!d) {
    if (!*slot) return nullptr;
    if (is_str_exact(name)) return xnew_ref(values_lookup(keys, slot_values(*slot), name));
    d = instance_dict_borrowed(ts, o);  // an unusual key: let the dict compare it
    if (!d) return nullptr;
  }
  Ref keep = Ref::borrow(d);  // a key's __eq__ may drop the dict
  return xnew_ref(dict_get_item_borrowed(ts, d, name));
}

int instance_attr_store(ThreadState* ts, Object* o, Object* name, Object* value) {
  Object** slot = instance_dict_ptr(o);
  SharedKeys* keys;
  Object* d = instance_storage(o, slot, &keys);
  if (!d && keys && is_str_exact(name)) {
    InstanceValues* v = *slot ? slot_values(*slot) : nullptr;
    if (!value) return values_remove(keys, v, name, nullptr) ? 0 : 1;
    int r = values_store(ts, keys, &v, name, value);
    if (v) *slot = values_slot(v);
    if (r <= 0) return r;
  }
  if (!d && !value && !*slot) return 1;
  if (!d) {
    d = instance_dict_borrowed(ts, o);
    if (!d) return -1;
  }
  Ref keep = Ref::borrow(d);
  if (value) return dict_set_item(ts, d, name, value);
  Object* old = nullptr;
  int r = dict_pop(ts, d, name, &old);
  if (r < 0) return -1;
  xdecref(old);
  return r ? 0 : 1;
}

void instance_dict_slot_reset(Object** slot, Object* new_value) {
  Object* old = *slot;
  *slot = new_value;
  if (!old) return;
  if (slot_holds_values(old)) values_free(slot_values(old));
  else decref(old);
}

namespace {

// The first builtin base along the base chain: it knows how to free the
// instance's builtin part.
Type* static_base(Type* t) {
  while (t && has_flag(t, kTypeHeap)) t = t->base;
  return t;
}

// Calls `visit` on each reference the heap layers of `o` own: the class,
// __slots__ members, the __dict__ or the inline values.
int visit_heap_layers(Object* o, VisitFn visit, void* arg) {
  Type* t = o->ob_type;
  if (int r = visit(t, arg)) return r;
  for (Type* k = t; k && has_flag(k, kTypeHeap); k = k->base) {
    auto* ht = static_cast<HeapType*>(k);
    if (!ht->slot_members) continue;
    for (MemberDef* m = ht->slot_members; m->name; ++m) {
      Object* v = *reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + m->offset);
      if (v) {
        if (int r = visit(v, arg)) return r;
      }
    }
  }
  Type* sb = static_base(t);
  if (t->dictoffset != 0 && (!sb || sb->dictoffset != t->dictoffset)) {
    Object* d = *instance_dict_ptr(o);
    if (d && slot_holds_values(d)) {
      InstanceValues* v = slot_values(d);
      for (int i = 0; i < v->capacity; ++i) {
        if (Object* x = v->slots()[i]) {
          if (int r = visit(x, arg)) return r;
        }
      }
    } else if (d) {
      if (int r = visit(d, arg)) return r;
    }
  }
  return 0;
}

int subtype_traverse(Object* o, VisitFn visit, void* arg) {
  if (int r = visit_heap_layers(o, visit, arg)) return r;
  Type* sb = static_base(o->ob_type);
  return sb && sb->traverse ? sb->traverse(o, visit, arg) : 0;
}

// Breaks cycles through the instance: its __dict__ / inline values and its
// __slots__ members, then what the builtin base clears.
int subtype_clear(Object* o) {
  Type* t = o->ob_type;
  for (Type* k = t; k && has_flag(k, kTypeHeap); k = k->base) {
    auto* ht = static_cast<HeapType*>(k);
    if (!ht->slot_members) continue;
    for (MemberDef* m = ht->slot_members; m->name; ++m) clear_ref(*reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + m->offset));
  }
  Type* sb = static_base(t);
  if (t->dictoffset != 0 && (!sb || sb->dictoffset != t->dictoffset)) instance_dict_slot_reset(instance_dict_ptr(o), nullptr);
  return sb && sb->clear ? sb->clear(o) : 0;
}

void subtype_dealloc(Object* o) {
  Type* t = o->ob_type;
  if (t->finalize && !(o->ob_gc_bits & runtime::kGcFinalized)) {
    ThreadState* ts = runtime::current_thread_state();
    // Run __del__ with a temporary reference, once (PEP 442); it may
    // resurrect the object, which then goes back under the collector.
    o->ob_gc_bits |= runtime::kGcFinalized;
    o->ob_ref_local = 1;
    Object* saved = ts ? runtime::fetch_exception(ts) : nullptr;
    if (ts) t->finalize(ts, o);
    if (ts) runtime::restore_exception(ts, saved);
    if (--o->ob_ref_local != 0 || o->ob_ref_shared.load(std::memory_order_acquire) != 0) {
      if (has_flag(t, kTypeHaveGC)) runtime::gc_track(o);
      return;
    }
  }
  // Weak references die before the fields they might reach.
  Type* sb0 = static_base(t);
  if (t->weaklistoffset != 0 && (!sb0 || sb0->weaklistoffset != t->weaklistoffset)) clear_weakrefs(o);
  // Clear what the heap layers own: __slots__ members and the __dict__.
  for (Type* k = t; k && has_flag(k, kTypeHeap); k = k->base) {
    auto* ht = static_cast<HeapType*>(k);
    if (ht->slot_members) {
      for (MemberDef* m = ht->slot_members; m->name; ++m) {
        auto** p = reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + m->offset);
        clear_ref(*p);
      }
    }
  }
  Type* sb = static_base(t);
  // The builtin base clears its own dict pointer if it has one; ours is ours.
  if (t->dictoffset != 0 && (!sb || sb->dictoffset != t->dictoffset)) {
    instance_dict_slot_reset(instance_dict_ptr(o), nullptr);
  }
  sb->dealloc(o);
}

// Heap types (classes) are containers: their namespace, bases and MRO (which
// holds the class itself) form cycles.
int type_traverse(Object* o, VisitFn visit, void* arg) {
  Type* t = as_type(o);
  if (!has_flag(t, kTypeHeap)) return 0;
  auto* ht = static_cast<HeapType*>(t);
  for (Object* c : {t->dict, t->bases, t->mro, static_cast<Object*>(t->base), ht->ht_slots, ht->module_name, ht->spec_init, ht->spec_call}) {
    if (c) {
      if (int r = visit(c, arg)) return r;
    }
  }
  return 0;
}

int type_clear(Object* o) {
  Type* t = as_type(o);
  if (!has_flag(t, kTypeHeap)) return 0;
  type_modified(t);
  if (t->dict) dict_clear(t->dict);
  clear_ref(t->mro);
  clear_ref(static_cast<HeapType*>(t)->spec_init);
  clear_ref(static_cast<HeapType*>(t)->spec_call);
  return 0;
}

void type_dealloc(Object* o) {
  Type* t = as_type(o);
  clear_weakrefs(o);
  ThreadState* ts = runtime::current_thread_state();
  if (t->bases && ts) {
    for (int64_t i = 0; i < tuple_size(t->bases); ++i) remove_subclass(ts, as_type(tuple_items(t->bases)[i]), t);
  }
  if (t->cached_keys) {
    shared_keys_decref(static_cast<SharedKeys*>(t->cached_keys));
    t->cached_keys = nullptr;
  }
  Type* base = t->base;
  t->base = nullptr;
  xdecref(base);
  clear_ref(t->bases);
  clear_ref(t->mro);
  clear_ref(t->dict);
  clear_ref(t->subclasses);
  clear_ref(t->ht_name);
  clear_ref(t->ht_qualname);
  clear_ref(t->ht_slots);
  auto* ht = static_cast<HeapType*>(t);
  clear_ref(ht->module_name);
  clear_ref(ht->spec_init);
  clear_ref(ht->spec_call);
  if (ht->slot_members) {
    for (MemberDef* m = ht->slot_members; m->name; ++m) mem_free(const_cast<char*>(m->name));
    mem_free(ht->slot_members);
  }
  free_object(o);
}

}  // namespace

// ===========================================================================
// Metaclass calculation and best base
// ===========================================================================

Type* calculate_metaclass(ThreadState* ts, Type* meta, Object* bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < tuple_size(bases); ++i) {
    Type* bt = tuple_items(bases)[i]->ob_type;
    if (is_subtype(winner, bt)) continue;
    if (is_subtype(bt, winner)) {
      winner = bt;
      continue;
    }
    raise(ts, &exc::TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
          "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

namespace {

// The base whose instance layout a new class extends: the bases' layouts must
// form a chain (each "solid base" a subtype of the others').
Type* solid_base(Type* t) {
  Type* base = t->base ? solid_base(t->base) : &object_type;
  // A type adds layout if its instances are bigger than its base's (ignoring
  // the dict/weakref pointers a heap type adds).
  size_t extra = 0;
  if (has_flag(t, kTypeHeap) && t->base) {
    if (t->dictoffset && !t->base->dictoffset) extra += sizeof(Object*);
    if (t->weaklistoffset && !t->base->weaklistoffset) extra += sizeof(Object*);
  }
  if (t->base && (t->basicsize - extra != t->base->basicsize || t->itemsize != t->base->itemsize)) return t;
  return base;
}

Type* best_base(ThreadState* ts, Object* bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (int64_t i = 0; i < tuple_size(bases); ++i) {
    Object* b = tuple_items(bases)[i];
    if (!is_type(b)) {
      return static_cast<Type*>(raise(ts, &exc::TypeError, "bases must be types"));
    }
    Type* bt = as_type(b);
    if (!has_flag(bt, kTypeBaseType)) {
      raise_format(ts, &exc::TypeError, "type '%s' is not an acceptable base type", type_tp_name(bt));
      return nullptr;
    }
    Type* candidate = solid_base(bt);
    if (!winner) {
      winner = candidate;
      base = bt;
    } else if (is_subtype(winner, candidate)) {
      // keep
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      raise(ts, &exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

bool is_identifier(ThreadState* ts, Object* s) {
  size_t len = 0;
  const char* p = str_utf8(ts, s, &len);
  if (!p || len == 0) return false;
  auto ok_start = [](unsigned char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  };
  if (!ok_start(static_cast<unsigned char>(p[0]))) return false;
  for (size_t i = 1; i < len; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (!ok_start(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

// _Class__private name mangling for __slots__ entries.
Object* mangle(ThreadState* ts, Object* class_name, Object* name) {
  size_t len = 0;
  const char* n = str_utf8(ts, name, &len);
  if (!n) return nullptr;
  if (len < 3 || n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_') || std::memchr(n, '.', len)) {
    return new_ref(name);
  }
  const char* c = str_utf8(ts, class_name, nullptr);
  if (!c) return nullptr;
  while (*c == '_') ++c;
  if (!*c) return new_ref(name);
  std::string out = "_";
  out += c;
  out.append(n, len);
  return str_from_utf8(ts, out.data(), out.size());
}

// Getters of the __dict__ / __weakref__ attributes of heap-type instances.
Object* subtype_dict_get(ThreadState* ts, Object* self) {
  Object* d = instance_dict_borrowed(ts, self);
  if (!d) {
    if (!runtime::has_exception(ts)) {
      raise_format(ts, &exc::AttributeError, "'%s' object has no attribute '__dict__'", tp_name(self));
    }
    return nullptr;
  }
  return new_ref(d);
}

int subtype_dict_set(ThreadState* ts, Object* self, Object* value) {
  Object** slot = instance_dict_ptr(self);
  if (!slot) {
    raise_format(ts, &exc::AttributeError, "This object has no __dict__");
    return -1;
  }
  if (value && !has_flag(value->ob_type, kTypeDictSubclass)) {
    raise_format(ts, &exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", tp_name(value));
    return -1;
  }
  instance_dict_slot_reset(slot, xnew_ref(value));
  return 0;
}

// __weakref__: the first weak reference to the instance, or None.
Object* subtype_weakref_get(ThreadState*, Object* self) {
  Object** head = weaklist_ptr(self);
  return new_ref(head && *head ? *head : py_none());
}

constexpr GetSetDef kSubtypeDictGetSet = {"__dict__", subtype_dict_get, subtype_dict_set,
                                          "dictionary for instance variables (if defined)"};
constexpr GetSetDef kSubtypeWeakrefGetSet = {"__weakref__", subtype_weakref_get, nullptr,
                                             "list of weak references to the object (if defined)"};

// Parses __slots__ into the member table and layout of the new class `t`
// (whose base is already set). 0 / -1.
int setup_slots(ThreadState* ts, HeapType* t, Object* dict, bool* add_dict, bool* add_weak) {
  Type* base = t->base;
  Object* slots = dict_get_item_borrowed(ts, dict, ts->id->dunder_slots);
  *add_dict = base->dictoffset == 0;
  *add_weak = base->weaklistoffset == 0;
  if (!slots) return 0;
  *add_dict = false;
  *add_weak = false;

  Ref seq;
  if (is_str(slots)) {
    seq = Ref::steal(tuple_pack(ts, {slots}));
  } else {
    seq = Ref::steal(sequence_tuple(ts, slots));
  }
  if (!seq) return -1;
  int64_t n = tuple_size(seq.get());
  std::vector<Object*> names;  // owned (mangled)
  auto free_names = [&] {
    for (Object* o : names) decref(o);
  };
  for (int64_t i = 0; i < n; ++i) {
    Object* s = tuple_items(seq.get())[i];
    if (!is_str(s)) {
      free_names();
      raise_format(ts, &exc::TypeError, "__slots__ items must be strings, not '%s'", tp_name(s));
      return -1;
    }
    if (!is_identifier(ts, s)) {
      free_names();
      raise(ts, &exc::TypeError, "__slots__ must be identifiers");
      return -1;
    }
    if (str_equal(s, ts->id->dunder_dict)) {
      if (base->dictoffset != 0 || *add_dict) {
        free_names();
        raise(ts, &exc::TypeError, "__dict__ slot disallowed: we already got one");
        return -1;
      }
      *add_dict = true;
      continue;
    }
    if (str_equal(s, ts->id->dunder_weakref)) {
      if (base->weaklistoffset != 0 || *add_weak) {
        free_names();
        raise(ts, &exc::TypeError, "__weakref__ slot disallowed: we already got one");
        return -1;
      }
      *add_weak = true;
      continue;
    }
    Object* m = mangle(ts, t->ht_name, s);
    if (!m) {
      free_names();
      return -1;
    }
    names.push_back(m);
    if (dict_get_item_borrowed(ts, dict, m)) {
      const char* mn = str_utf8(ts, m, nullptr);
      std::string copy = mn ? mn : "?";
      free_names();
      raise_format(ts, &exc::ValueError, "'%s' in __slots__ conflicts with class variable", copy.c_str());
      return -1;
    }
  }
  set_ref(t->ht_slots, seq.release());

  // Member descriptors for the named slots, laid out after the base.
  auto* members = static_cast<MemberDef*>(mem_calloc(names.size() + 1, sizeof(MemberDef)));
  if (!members) {
    free_names();
    runtime::raise_no_memory(ts);
    return -1;
  }
  t->slot_members = members;
  size_t offset = t->basicsize;
  int rc = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    size_t len = 0;
    const char* p = str_utf8(ts, names[i], &len);
    char* copy = static_cast<char*>(mem_alloc(len + 1));
    std::memcpy(copy, p, len);
    copy[len] = '\0';
    members[i].name = copy;
    members[i].kind = MemberKind::Object;
    members[i].offset = offset;
    members[i].readonly = false;
    offset += sizeof(Object*);
    Ref d = Ref::steal(descr_new_member(ts, t, &members[i]));
    if (!d || dict_set_item(ts, dict, names[i], d.get()) < 0) {
      rc = -1;
      break;
    }
  }
  t->basicsize = offset;
  free_names();
  return rc;
}

// Wraps plain functions in the namespace that Python treats as implicitly
// static (__new__) or class methods (__init_subclass__, __class_getitem__).
int wrap_implicit(ThreadState* ts, Object* dict, Object* name, Object* (*wrap)(ThreadState*, Object*)) {
  Object* f = dict_get_item_borrowed(ts, dict, name);
  if (!f || f->ob_type == &staticmethod_type || f->ob_type == &classmethod_type) return 0;
  // Only Python functions are wrapped (CPython checks PyFunction_Check).
  if (std::strcmp(type_name(f->ob_type), "function") != 0) return 0;
  Ref w = Ref::steal(wrap(ts, f));
  if (!w) return -1;
  return dict_set_item(ts, dict, name, w.get());
}

int call_set_names(ThreadState* ts, Type* t) {
  Ref items = Ref::steal(dict_copy(ts, t->dict));
  if (!items) return -1;
  size_t pos = 0;
  Object* key;
  Object* value;
  while (dict_next(items.get(), &pos, &key, &value)) {
    Ref set_name = Ref::steal(lookup_special(ts, value, ts->id->dunder_set_name));
    if (!set_name) {
      if (runtime::has_exception(ts)) return -1;
      continue;
    }
    Object* args[2] = {t, key};
    Ref r = Ref::steal(call(ts, set_name.get(), args, 2));
    if (!r) {
      // 3.11 reports a RuntimeError caused by the original exception.
      Ref cause = Ref::steal(runtime::fetch_exception(ts));
      std::string key_repr = repr_utf8(ts, key);
      raise_format(ts, &exc::RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'", tp_name(value),
                   key_repr.c_str(), type_tp_name(t));
      Ref exc = Ref::steal(runtime::fetch_exception(ts));
      Ref cause_name = Ref::steal(str_intern_cstr(ts, "__cause__"));
      Ref context_name = Ref::steal(str_intern_cstr(ts, "__context__"));
      if (exc && cause && cause_name && context_name) {
        if (set_attr(ts, exc.get(), cause_name.get(), cause.get()) < 0 ||
            set_attr(ts, exc.get(), context_name.get(), cause.get()) < 0) {
          runtime::clear_exception(ts);
        }
      }
      runtime::restore_exception(ts, exc.release());
      return -1;
    }
  }
  return 0;
}

int init_subclass(ThreadState* ts, Type* t, Object* kwds) {
  Ref sup = Ref::steal(super_new_with(ts, t, t));
  if (!sup) return -1;
  Ref func = Ref::steal(get_attr(ts, sup.get(), ts->id->dunder_init_subclass));
  if (!func) return -1;
  Ref r = Ref::steal(call_tuple_dict(ts, func.get(), Ref::steal(tuple_new(ts, 0)).get(), kwds));
  return r ? 0 : -1;
}

}  // namespace

Object* type_new(ThreadState* ts, Type* meta, Object* name, Object* bases, Object* orig_dict, Object* kwds) {
  if (!is_str(name)) {
    return raise_format(ts, &exc::TypeError, "type.__new__() argument 1 must be str, not %s", tp_name(name));
  }
  if (!has_flag(bases->ob_type, kTypeTupleSubclass)) {
    return raise_format(ts, &exc::TypeError, "type.__new__() argument 2 must be tuple, not %s", tp_name(bases));
  }
  if (!has_flag(orig_dict->ob_type, kTypeDictSubclass)) {
    return raise_format(ts, &exc::TypeError, "type.__new__() argument 3 must be dict, not %s", tp_name(orig_dict));
  }
  Type* winner = calculate_metaclass(ts, meta, bases);
  if (!winner) return nullptr;
  if (winner != meta && winner->new_ != type_type.new_) {
    Object* args[3] = {name, bases, orig_dict};
    return winner->new_(ts, winner, args, 3, nullptr);
  }
  meta = winner;

  Ref bases_ref = Ref::borrow(bases);
  if (tuple_size(bases) == 0) {
    bases_ref = Ref::steal(tuple_pack(ts, {&object_type}));
    if (!bases_ref) return nullptr;
  }
  Type* base = best_base(ts, bases_ref.get());
  if (!base) return nullptr;

  Ref dict = Ref::steal(dict_copy(ts, orig_dict));
  if (!dict) return nullptr;

  auto* t = static_cast<HeapType*>(alloc_object(ts, meta, meta->basicsize));
  if (!t) return nullptr;
  Ref type_ref = Ref::steal(t);
  t->flags = kTypeHeap | kTypeBaseType | kTypeManagedDict | kTypeHaveGC;
  t->base = base;
  incref(base);
  t->bases = bases_ref.release();
  t->ht_name = new_ref(name);
  t->name = str_utf8(ts, name, nullptr);
  if (!t->name) return nullptr;
  if (std::strlen(t->name) != str_length(name) && std::memchr(t->name, 0, str_length(name))) {
    return raise(ts, &exc::ValueError, "type name must not contain null characters");
  }
  // __qualname__ from the namespace (then removed from it).
  Object* qn = dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_qualname);
  if (qn) {
    if (!is_str(qn)) {
      return raise_format(ts, &exc::TypeError, "type __qualname__ must be a str, not %s", tp_name(qn));
    }
    t->ht_qualname = new_ref(qn);
    if (dict_del_item(ts, dict.get(), ts->id->dunder_qualname) < 0) return nullptr;
  } else {
    t->ht_qualname = new_ref(name);
  }
  // Classes created outside a class body get __module__ from the caller's
  // globals (the VM's __build_class__ path always has it in the namespace).
  if (!dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_module)) {
    // TODO(issue 3): the calling frame's globals['__name__'] (needs vm/frame.h).
    Ref m = Ref::steal(str_from_cstr(ts, "builtins"));
    if (!m || dict_set_item(ts, dict.get(), ts->id->dunder_module, m.get()) < 0) return nullptr;
  }
  if (!dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_doc)) {
    if (dict_set_item(ts, dict.get(), ts->id->dunder_doc, py_none()) < 0) return nullptr;
  }
  // The class body's __class__ cell (for zero-argument super()) is filled
  // once the class exists; the namespace entry is removed.
  Ref classcell = Ref::borrow(dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_classcell));
  if (classcell) {
    if (std::strcmp(type_name(classcell->ob_type), "cell") != 0) {
      return raise_format(ts, &exc::TypeError, "__classcell__ must be a nonlocal cell, not %s",
                          tp_name(classcell.get()));
    }
    if (dict_del_item(ts, dict.get(), ts->id->dunder_classcell) < 0) return nullptr;
  }
  if (wrap_implicit(ts, dict.get(), ts->id->dunder_new, staticmethod_new) < 0 ||
      wrap_implicit(ts, dict.get(), ts->id->dunder_init_subclass, classmethod_new) < 0 ||
      wrap_implicit(ts, dict.get(), ts->id->dunder_class_getitem, classmethod_new) < 0) {
    return nullptr;
  }
  // Defining __eq__ without __hash__ makes instances unhashable.
  if (dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_eq) &&
      !dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_hash)) {
    if (dict_set_item(ts, dict.get(), ts->id->dunder_hash, py_none()) < 0) return nullptr;
  }

  // Layout: the base's, then __slots__ members, then __dict__ and __weakref__.
  t->basicsize = base->basicsize;
  t->itemsize = base->itemsize;
  t->dictoffset = base->dictoffset;
  t->weaklistoffset = base->weaklistoffset;
  bool add_dict = false;
  bool add_weak = false;
  if (setup_slots(ts, t, dict.get(), &add_dict, &add_weak) < 0) return nullptr;
  if (t->itemsize != 0 && t->ht_slots && tuple_size(t->ht_slots) > 0 && t->slot_members && t->slot_members[0].name) {
    return raise_format(ts, &exc::TypeError, "nonempty __slots__ not supported for subtype of '%s'", type_tp_name(base));
  }
  if (add_dict) {
    // After variable-size items the offset is not fixed: use the block's end.
    t->dictoffset = t->itemsize ? kDictAtEnd : static_cast<int64_t>(t->basicsize);
    t->basicsize += sizeof(Object*);
  }
  if (add_weak && t->itemsize) add_weak = false;  // TODO(issue 4): weakrefs to variable-size instances
  if (add_weak) {
    t->weaklistoffset = static_cast<int64_t>(t->basicsize);
    t->basicsize += sizeof(Object*);
  }
  if (t->dictoffset == 0) t->flags &= ~static_cast<uint64_t>(kTypeManagedDict);
  if (t->dictoffset != 0 && static_base(t)->dictoffset != t->dictoffset) {
    t->cached_keys = shared_keys_new(ts);
    if (!t->cached_keys) return nullptr;
  }
  if (add_dict && !dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_dict)) {
    Ref d = Ref::steal(descr_new_getset(ts, t, &kSubtypeDictGetSet));
    if (!d || dict_set_item(ts, dict.get(), ts->id->dunder_dict, d.get()) < 0) return nullptr;
  }
  if (add_weak && !dict_get_item_borrowed(ts, dict.get(), ts->id->dunder_weakref)) {
    Ref d = Ref::steal(descr_new_getset(ts, t, &kSubtypeWeakrefGetSet));
    if (!d || dict_set_item(ts, dict.get(), ts->id->dunder_weakref, d.get()) < 0) return nullptr;
  }
  t->dealloc = subtype_dealloc;
  t->traverse = subtype_traverse;
  t->clear = subtype_clear;
  t->dict = dict.release();

  if (type_ready(ts, t) < 0) return nullptr;
  if (classcell) {
    Ref contents = Ref::steal(str_intern_cstr(ts, "cell_contents"));
    if (!contents || set_attr(ts, classcell.get(), contents.get(), t) < 0) return nullptr;
  }
  if (call_set_names(ts, t) < 0) return nullptr;
  if (init_subclass(ts, t, kwds) < 0) return nullptr;
  return type_ref.release();
}

// ===========================================================================
// type's slots: call, new, init, getattro, setattro, repr
// ===========================================================================

namespace {

Object* type_call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  Type* type = as_type(callable);
  // type(x) is special-cased: it returns x's type rather than creating one.
  if (type == &type_type && nargs == 1 && kwnames_count(kwnames) == 0) {
    return new_ref(static_cast<Object*>(args[0]->ob_type));
  }
  if (!type->new_) {
    return raise_format(ts, &exc::TypeError, "cannot create '%s' instances", type_tp_name(type));
  }
  Object* obj = type->new_(ts, type, args, nargs, kwnames);
  if (!obj) return nullptr;
  // __init__ runs only on instances of the type called.
  if (!is_instance_of(obj, type)) return obj;
  Type* ot = obj->ob_type;
  if (ot->init && ot->init(ts, obj, args, nargs, kwnames) < 0) {
    decref(obj);
    return nullptr;
  }
  return obj;
}

Object* type_new_slot(ThreadState* ts, Type* meta, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames_count(kwnames);
  if (meta == &type_type && nargs == 1 && nkw == 0) return new_ref(static_cast<Object*>(args[0]->ob_type));
  if (nargs != 1 && nargs != 3) return raise(ts, &exc::TypeError, "type() takes 1 or 3 arguments");
  if (nargs == 1) return raise(ts, &exc::TypeError, "type.__new__() takes exactly 3 arguments (1 given)");
  Ref kwds;
  if (nkw) {
    kwds = Ref::steal(dict_new(ts));
    if (!kwds) return nullptr;
    for (size_t i = 0; i < nkw; ++i) {
      if (dict_set_item(ts, kwds.get(), tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
    }
  }
  return type_new(ts, meta, args[0], args[1], args[2], kwds.get());
}

int type_init(ThreadState* ts, Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (nargs == 1 && kwnames_count(kwnames) != 0) {
    raise(ts, &exc::TypeError, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    raise(ts, &exc::TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Object* type_getattro(ThreadState* ts, Object* self, Object* name) {
  Type* type = as_type(self);
  Type* meta = self->ob_type;
  if (!is_str(name)) {
    return raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", tp_name(name));
  }
  // A data descriptor on the metatype wins (type.__name__, __dict__, ...).
  Ref meta_attr = Ref::borrow(type_lookup_borrowed(meta, name));
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    meta_get = meta_attr->ob_type->descr_get;
    if (meta_get && meta_attr->ob_type->descr_set) return meta_get(ts, meta_attr.get(), self, meta);
  }
  // Then the type's own MRO, binding with no instance.
  Ref attr = Ref::borrow(type_lookup_borrowed(type, name));
  if (attr) {
    DescrGetFn get = attr->ob_type->descr_get;
    if (get) return get(ts, attr.get(), nullptr, type);
    return attr.release();
  }
  if (meta_get) return meta_get(ts, meta_attr.get(), self, meta);
  if (meta_attr) return meta_attr.release();
  return raise_format(ts, &exc::AttributeError, "type object '%s' has no attribute '%s'", type_tp_name(type),
                      utf8_of(ts, name));
}

int type_setattro(ThreadState* ts, Object* self, Object* name, Object* value) {
  Type* type = as_type(self);
  if (!has_flag(type, kTypeHeap) || has_flag(type, kTypeImmutable)) {
    raise_format(ts, &exc::TypeError, "cannot %s '%s' attribute of immutable type '%s'", value ? "set" : "delete",
                 utf8_of(ts, name), type_tp_name(type));
    return -1;
  }
  if (!is_str(name)) {
    raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", tp_name(name));
    return -1;
  }
  // Metatype data descriptors first (__name__, __bases__, ...).
  Ref meta_attr = Ref::borrow(type_lookup_borrowed(self->ob_type, name));
  if (meta_attr && meta_attr->ob_type->descr_set) {
    return meta_attr->ob_type->descr_set(ts, meta_attr.get(), self, value);
  }
  Ref key = Ref::borrow(name);
  if (value) {
    if (dict_set_item(ts, type->dict, key.get(), value) < 0) return -1;
  } else if (dict_del_item(ts, type->dict, key.get()) < 0) {
    if (!runtime::exception_matches(ts, &exc::KeyError)) return -1;
    runtime::clear_exception(ts);
    raise_format(ts, &exc::AttributeError, "type object '%s' has no attribute '%s'", type_tp_name(type),
                 utf8_of(ts, name));
    return -1;
  }
  type_modified(type);
  if (is_slot_dunder(ts, name)) update_slots_for_name(ts, type, name);
  return 0;
}

Object* type_repr(ThreadState* ts, Object* self) {
  Type* t = as_type(self);
  Ref mod = Ref::steal(type_module(ts, t));
  if (!mod) runtime::clear_exception(ts);
  Ref qn = Ref::steal(type_qualname(ts, t));
  if (!qn) return nullptr;
  if (mod && is_str(mod.get()) && std::strcmp(utf8_of(ts, mod.get()), "builtins") != 0) {
    return str_from_format(ts, "<class '%s.%s'>", utf8_of(ts, mod.get()), utf8_of(ts, qn.get()));
  }
  return str_from_format(ts, "<class '%s'>", utf8_of(ts, qn.get()));
}

// ===========================================================================
// type's attributes (getsets) and methods
// ===========================================================================

int check_set_special(ThreadState* ts, Type* t, Object* value, const char* name) {
  if (!has_flag(t, kTypeHeap) || has_flag(t, kTypeImmutable)) {
    raise_format(ts, &exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", name, type_tp_name(t));
    return -1;
  }
  if (!value) {
    raise_format(ts, &exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, type_tp_name(t));
    return -1;
  }
  return 0;
}

Object* type_get_name(ThreadState* ts, Object* self) {
  Type* t = as_type(self);
  if (has_flag(t, kTypeHeap)) return new_ref(t->ht_name);
  return str_from_cstr(ts, type_name(t));
}

int type_set_name(ThreadState* ts, Object* self, Object* value) {
  Type* t = as_type(self);
  if (check_set_special(ts, t, value, "__name__") < 0) return -1;
  if (!is_str(value)) {
    raise_format(ts, &exc::TypeError, "can only assign string to %s.__name__, not '%s'", type_tp_name(t), tp_name(value));
    return -1;
  }
  const char* p = str_utf8(ts, value, nullptr);
  if (!p) return -1;
  set_ref(t->ht_name, new_ref(value));
  t->name = p;
  return 0;
}

Object* type_get_qualname(ThreadState* ts, Object* self) { return type_qualname(ts, as_type(self)); }

int type_set_qualname(ThreadState* ts, Object* self, Object* value) {
  Type* t = as_type(self);
  if (check_set_special(ts, t, value, "__qualname__") < 0) return -1;
  if (!is_str(value)) {
    raise_format(ts, &exc::TypeError, "can only assign string to %s.__qualname__, not '%s'", type_tp_name(t),
                 tp_name(value));
    return -1;
  }
  set_ref(t->ht_qualname, new_ref(value));
  return 0;
}

Object* type_get_module(ThreadState* ts, Object* self) { return type_module(ts, as_type(self)); }

int type_set_module(ThreadState* ts, Object* self, Object* value) {
  Type* t = as_type(self);
  if (check_set_special(ts, t, value, "__module__") < 0) return -1;
  type_modified(t);
  return dict_set_item(ts, t->dict, ts->id->dunder_module, value);
}

Object* type_get_doc(ThreadState* ts, Object* self) {
  Type* t = as_type(self);
  if (!has_flag(t, kTypeHeap) && t->doc) return str_from_cstr(ts, t->doc);
  Object* d = dict_get_item_borrowed(ts, t->dict, ts->id->dunder_doc);
  if (!d) return py_none();
  if (d->ob_type->descr_get) return d->ob_type->descr_get(ts, d, nullptr, t);
  return new_ref(d);
}

int type_set_doc(ThreadState* ts, Object* self, Object* value) {
  Type* t = as_type(self);
  if (check_set_special(ts, t, value, "__doc__") < 0) return -1;
  type_modified(t);
  return dict_set_item(ts, t->dict, ts->id->dunder_doc, value);
}

// Read-only: changes to a class go through setattr, which keeps the
// version tag and the slots in step.
Object* type_get_dict(ThreadState* ts, Object* self) { return mappingproxy_new(ts, as_type(self)->dict); }


Object* type_get_bases(ThreadState* ts, Object* self) { return new_ref(as_type(self)->bases); }

// CPython frees instances of heap types and of GC types through the GC
// allocator, other static types' directly: "deallocator differs" is this.
bool frees_as_gc(Type* t) { return has_flag(t, kTypeHeap) || has_flag(t, kTypeHaveGC); }

// A type whose instances are laid out exactly as its base's.
bool compatible_with_base(Type* t) {
  Type* b = t->base;
  return b && t->basicsize == b->basicsize && t->itemsize == b->itemsize && t->dictoffset == b->dictoffset &&
         t->weaklistoffset == b->weaklistoffset && frees_as_gc(t) == frees_as_gc(b) &&
         (has_flag(t, kTypeHeap) || t->dealloc == b->dealloc);
}

// Two heap types with one base that add the same __slots__, dict and
// weakref pointers.
bool same_slots_added(ThreadState* ts, Type* a, Type* b) {
  if (!has_flag(a, kTypeHeap) || !has_flag(b, kTypeHeap)) return false;
  int64_t size = a->base->basicsize;
  Object* sa = a->ht_slots;
  Object* sb = b->ht_slots;
  if (sa && sb) {
    if (rich_compare_bool(ts, sa, sb, CompareOp::Eq) != 1) {
      runtime::clear_exception(ts);
      return false;
    }
    size += static_cast<int64_t>(sizeof(Object*)) * tuple_size(sa);
  }
  if (a->dictoffset == size && b->dictoffset == size) size += sizeof(Object*);
  if (a->weaklistoffset == size && b->weaklistoffset == size) size += sizeof(Object*);
  return size == static_cast<int64_t>(a->basicsize) && size == static_cast<int64_t>(b->basicsize);
}

}  // namespace

bool compatible_for_assignment(ThreadState* ts, Type* oldto, Type* newto, const char* attr) {
  if (frees_as_gc(oldto) != frees_as_gc(newto)) {
    raise_format(ts, &exc::TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                 type_tp_name(newto), type_tp_name(oldto));
    return false;
  }
  Type* nb = newto;
  Type* ob = oldto;
  while (compatible_with_base(nb)) nb = nb->base;
  while (compatible_with_base(ob)) ob = ob->base;
  bool same = nb == ob || (nb->base == ob->base && same_slots_added(ts, nb, ob));
  if (same && (oldto->cached_keys != nullptr) == (newto->cached_keys != nullptr)) return true;
  raise_format(ts, &exc::TypeError, "%s assignment: '%s' object layout differs from '%s'", attr, type_tp_name(newto),
               type_tp_name(oldto));
  return false;
}

namespace {

int type_set_bases(ThreadState* ts, Object* self, Object* value) {
  Type* t = as_type(self);
  if (check_set_special(ts, t, value, "__bases__") < 0) return -1;
  if (!has_flag(value->ob_type, kTypeTupleSubclass)) {
    raise_format(ts, &exc::TypeError, "can only assign tuple to %s.__bases__, not %s", type_tp_name(t), tp_name(value));
    return -1;
  }
  if (tuple_size(value) == 0) {
    raise_format(ts, &exc::TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", type_tp_name(t));
    return -1;
  }
  for (int64_t i = 0; i < tuple_size(value); ++i) {
    Object* b = tuple_items(value)[i];
    if (!is_type(b)) {
      raise_format(ts, &exc::TypeError, "%s.__bases__ must be tuple of classes, not '%s'", type_tp_name(t), tp_name(b));
      return -1;
    }
    if (is_subtype(as_type(b), t)) {
      raise(ts, &exc::TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  Type* nb = best_base(ts, value);
  if (!nb || !compatible_for_assignment(ts, t->base, nb, "__bases__")) return -1;
  Object* old_bases = new_ref(t->bases);
  Type* old_base = t->base;
  for (int64_t i = 0; i < tuple_size(old_bases); ++i) remove_subclass(ts, as_type(tuple_items(old_bases)[i]), t);
  set_ref(t->bases, new_ref(value));
  incref(nb);
  t->base = nb;
  Object* mro = compute_mro(ts, t);
  if (!mro) {
    set_ref(t->bases, old_bases);
    decref(nb);
    t->base = old_base;
    return -1;
  }
  set_ref(t->mro, mro);
  decref(old_bases);
  decref(old_base);
  for (int64_t i = 0; i < tuple_size(value); ++i) {
    if (add_subclass(ts, as_type(tuple_items(value)[i]), t) < 0) return -1;
  }
  type_modified(t);
  update_all_slots(ts, t);
  return 0;
}


Object* type_get_flags(ThreadState* ts, Object* self) {
  // The CPython bits Python code tests: heap type (1<<9), base type (1<<10),
  // abstract (1<<20) and the fast-subclass bits.
  Type* t = as_type(self);
  int64_t f = 0;
  if (has_flag(t, kTypeHeap)) f |= 1 << 9;
  if (has_flag(t, kTypeBaseType)) f |= 1 << 10;
  if (has_flag(t, kTypeAbstract)) f |= 1 << 20;
  if (has_flag(t, kTypeIntSubclass)) f |= 1 << 24;
  if (has_flag(t, kTypeListSubclass)) f |= 1 << 25;
  if (has_flag(t, kTypeTupleSubclass)) f |= 1 << 26;
  if (has_flag(t, kTypeBytesSubclass)) f |= 1 << 27;
  if (has_flag(t, kTypeStrSubclass)) f |= 1 << 28;
  if (has_flag(t, kTypeDictSubclass)) f |= 1 << 29;
  if (has_flag(t, kTypeBaseExceptionSubclass)) f |= 1 << 30;
  if (has_flag(t, kTypeTypeSubclass)) f |= int64_t{1} << 31;
  return int_from_i64(ts, f);
}

Object* type_get_abstractmethods(ThreadState* ts, Object* self) {
  Type* t = as_type(self);
  Object* v = t != &type_type
                  ? dict_get_item_borrowed(ts, t->dict, Ref::steal(str_intern_cstr(ts, "__abstractmethods__")).get())
                  : nullptr;
  if (!v) {
    if (!runtime::has_exception(ts)) raise(ts, &exc::AttributeError, "__abstractmethods__");
    return nullptr;
  }
  return new_ref(v);
}

int type_set_abstractmethods(ThreadState* ts, Object* self, Object* value) {
  Type* t = as_type(self);
  Ref key = Ref::steal(str_intern_cstr(ts, "__abstractmethods__"));
  if (!key) return -1;
  int abstract = 0;
  if (value) {
    abstract = is_true(ts, value);
    if (abstract < 0 || dict_set_item(ts, t->dict, key.get(), value) < 0) return -1;
  } else if (dict_del_item(ts, t->dict, key.get()) < 0) {
    runtime::clear_exception(ts);
    raise(ts, &exc::AttributeError, "__abstractmethods__");
    return -1;
  }
  type_modified(t);
  if (abstract)
    t->flags |= kTypeAbstract;
  else
    t->flags &= ~static_cast<uint64_t>(kTypeAbstract);
  return 0;
}

Object* type_get_text_signature(ThreadState*, Object*) { return py_none(); }

// Classes get an empty __annotations__ dict on first access (3.10+).
Object* type_get_annotations(ThreadState* ts, Object* self) {
  Type* t = as_type(self);
  if (!has_flag(t, kTypeHeap)) {
    return raise_format(ts, &exc::AttributeError, "type object '%s' has no attribute '__annotations__'", type_tp_name(t));
  }
  Object* a = dict_get_item_borrowed(ts, t->dict, ts->id->dunder_annotations);
  if (a) {
    if (a->ob_type->descr_get) return a->ob_type->descr_get(ts, a, nullptr, t);
    return new_ref(a);
  }
  if (runtime::has_exception(ts)) return nullptr;
  Ref d = Ref::steal(dict_new(ts));
  if (!d || dict_set_item(ts, t->dict, ts->id->dunder_annotations, d.get()) < 0) return nullptr;
  type_modified(t);
  return d.release();
}

int type_set_annotations(ThreadState* ts, Object* self, Object* value) {
  Type* t = as_type(self);
  if (!has_flag(t, kTypeHeap) || has_flag(t, kTypeImmutable)) {
    raise_format(ts, &exc::TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", type_tp_name(t));
    return -1;
  }
  int rc;
  if (value) {
    rc = dict_set_item(ts, t->dict, ts->id->dunder_annotations, value);
  } else {
    rc = dict_del_item(ts, t->dict, ts->id->dunder_annotations);
    if (rc < 0 && runtime::exception_matches(ts, &exc::KeyError)) {
      runtime::clear_exception(ts);
      raise(ts, &exc::AttributeError, "__annotations__");
    }
  }
  type_modified(t);
  return rc;
}


// Read-only fields ("readonly attribute" when set, as CPython's members).
constexpr MemberDef type_members[] = {
    {"__mro__", MemberKind::Object, offsetof(Type, mro), true, nullptr},
    {"__base__", MemberKind::ObjectOrNone, offsetof(Type, base), true, nullptr},
    {"__basicsize__", MemberKind::Int64, offsetof(Type, basicsize), true, nullptr},
    {"__itemsize__", MemberKind::Int64, offsetof(Type, itemsize), true, nullptr},
    {"__dictoffset__", MemberKind::Int64, offsetof(Type, dictoffset), true, nullptr},
    {"__weakrefoffset__", MemberKind::Int64, offsetof(Type, weaklistoffset), true, nullptr},
    {},
};

constexpr GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, nullptr},
    {"__qualname__", type_get_qualname, type_set_qualname, nullptr},
    {"__bases__", type_get_bases, type_set_bases, nullptr},
    {"__module__", type_get_module, type_set_module, nullptr},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, nullptr},
    {"__dict__", type_get_dict, nullptr, nullptr},
    {"__doc__", type_get_doc, type_set_doc, nullptr},
    {"__text_signature__", type_get_text_signature, nullptr, nullptr},
    {"__flags__", type_get_flags, nullptr, nullptr},
    {"__annotations__", type_get_annotations, type_set_annotations, nullptr},
    {},
};

Object* type_mro_method(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref tup = Ref::steal(c3_mro(ts, as_type(self)));
  if (!tup) return nullptr;
  return sequence_list(ts, tup.get());
}

Object* type_subclasses_method(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref list = Ref::steal(list_new(ts, 0));
  if (!list) return nullptr;
  bool failed = false;
  for_each_subclass(as_type(self), [&](Type* s) {
    if (!failed && list_append(ts, list.get(), s) < 0) failed = true;
  });
  return failed ? nullptr : list.release();
}

Object* type_instancecheck(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  // The default isinstance(): type(x) or x.__class__ is a subclass.
  Object* inst = args[0];
  if (is_subtype(inst->ob_type, as_type(self))) return new_ref(py_bool(true));
  Ref cls = Ref::steal(lookup_attr(ts, inst, ts->id->dunder_class));
  if (!cls) return runtime::has_exception(ts) ? nullptr : new_ref(py_bool(false));
  bool r = cls.get() != inst->ob_type && is_type(cls.get()) && is_subtype(as_type(cls.get()), as_type(self));
  return new_ref(py_bool(r));
}

Object* type_subclasscheck(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* sub = args[0];
  if (!is_type(sub)) {
    // Anything with a __bases__ tuple counts (CPython's abstract classes).
    Ref b = Ref::steal(lookup_attr(ts, sub, ts->id->dunder_bases));
    if (!b || !has_flag(b->ob_type, kTypeTupleSubclass)) {
      if (runtime::has_exception(ts)) return nullptr;
      return raise(ts, &exc::TypeError, "issubclass() arg 1 must be a class");
    }
    return new_ref(py_bool(false));
  }
  return new_ref(py_bool(is_subtype(as_type(sub), as_type(self))));
}

Object* type_prepare(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return dict_new(ts); }

Object* type_dir(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  // The union of the dicts along the MRO.
  Ref result = Ref::steal(dict_new(ts));
  if (!result) return nullptr;
  Type* t = as_type(self);
  for (int64_t i = tuple_size(t->mro) - 1; i >= 0; --i) {
    Object* d = as_type(tuple_items(t->mro)[i])->dict;
    size_t pos = 0;
    Object* k;
    Object* v;
    while (dict_next(d, &pos, &k, &v)) {
      if (dict_set_item(ts, result.get(), k, py_none()) < 0) return nullptr;
    }
  }
  return sequence_list(ts, result.get());
}

Object* type_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return int_from_i64(ts, static_cast<int64_t>(self->ob_type->basicsize));
}

constexpr MethodDef type_methods[] = {
    {"mro", type_mro_method, kMethNoArgs, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, kMethNoArgs, "Return a list of immediate subclasses."},
    {"__prepare__", type_prepare, kMethKeywords | kMethClass,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck, kMethO, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, kMethO, "Check if a class is a subclass."},
    {"__dir__", type_dir, kMethNoArgs, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, kMethNoArgs, "Return memory consumption of the type object."},
    {},
};

}  // namespace


// ===========================================================================
// types.UnionType: `int | str | None`
// ===========================================================================

namespace {

struct UnionObject : Object {
  Object* args = nullptr;  // owned tuple of the member types (None as NoneType)
};

bool is_generic_alias(const Object* o) { return std::strcmp(type_name(o->ob_type), "GenericAlias") == 0; }

// What may stand on either side of `|` between types.
bool is_unionable(const Object* o) {
  return is_none(o) || has_flag(o->ob_type, kTypeTypeSubclass) || o->ob_type == &union_type || is_generic_alias(o);
}

// Appends the members of `o` (flattening unions) to `out` without duplicates.
void union_collect(Object* o, std::vector<Object*>& out) {
  if (o->ob_type == &union_type) {
    Object* args = static_cast<UnionObject*>(o)->args;
    for (int64_t i = 0; i < tuple_size(args); ++i) union_collect(tuple_items(args)[i], out);
    return;
  }
  if (is_none(o)) o = &none_type;
  for (Object* x : out) {
    if (x == o) return;
  }
  out.push_back(o);
}

Object* union_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_unionable(a) || !is_unionable(b)) return py_not_implemented();
  std::vector<Object*> members;
  union_collect(a, members);
  union_collect(b, members);
  if (members.size() == 1) return new_ref(members[0]);
  Ref args = Ref::steal(tuple_new(ts, members.size()));
  if (!args) return nullptr;
  for (size_t i = 0; i < members.size(); ++i) tuple_items(args.get())[i] = new_ref(members[i]);
  auto* u = static_cast<UnionObject*>(alloc_object(ts, &union_type, sizeof(UnionObject)));
  if (!u) return nullptr;
  u->args = args.release();
  return u;
}

void union_dealloc(Object* o) {
  clear_ref(static_cast<UnionObject*>(o)->args);
  free_object(o);
}

Object* union_repr(ThreadState* ts, Object* self) {
  Object* args = static_cast<UnionObject*>(self)->args;
  std::string out;
  for (int64_t i = 0; i < tuple_size(args); ++i) {
    Object* a = tuple_items(args)[i];
    if (i) out += " | ";
    if (a == &none_type) {
      out += "None";
    } else if (has_flag(a->ob_type, kTypeTypeSubclass)) {
      Ref mod = Ref::steal(type_module(ts, as_type(a)));
      if (!mod) runtime::clear_exception(ts);
      Ref qn = Ref::steal(type_qualname(ts, as_type(a)));
      if (!qn) return nullptr;
      if (mod && is_str(mod.get()) && std::strcmp(utf8_of(ts, mod.get()), "builtins") != 0) {
        out += utf8_of(ts, mod.get());
        out += '.';
      }
      out += utf8_of(ts, qn.get());
    } else {
      out += repr_utf8(ts, a);
    }
  }
  return str_from_utf8(ts, out.data(), out.size());
}

Object* union_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (b->ob_type != &union_type || (op != CompareOp::Eq && op != CompareOp::Ne)) return py_not_implemented();
  // Equal as sets of members.
  Object* x = static_cast<UnionObject*>(a)->args;
  Object* y = static_cast<UnionObject*>(b)->args;
  auto subset = [](Object* p, Object* q) {
    for (int64_t i = 0; i < tuple_size(p); ++i) {
      bool found = false;
      for (int64_t k = 0; k < tuple_size(q) && !found; ++k) found = tuple_items(p)[i] == tuple_items(q)[k];
      if (!found) return false;
    }
    return true;
  };
  bool eq = subset(x, y) && subset(y, x);
  return new_ref(py_bool(op == CompareOp::Eq ? eq : !eq));
}

int64_t union_hash(ThreadState* ts, Object* self) {
  // Order-insensitive, like hash(frozenset(args)).
  Object* args = static_cast<UnionObject*>(self)->args;
  uint64_t h = 0x345678;
  for (int64_t i = 0; i < tuple_size(args); ++i) {
    int64_t e = hash(ts, tuple_items(args)[i]);
    if (e == -1) return -1;
    h ^= static_cast<uint64_t>(e) * 0x9E3779B97F4A7C15ull;
  }
  auto r = static_cast<int64_t>(h >> 1);
  return r == -1 ? -2 : r;
}

// isinstance(x, A | B) is isinstance(x, (A, B)); generic aliases are refused.
Object* union_check(ThreadState* ts, Object* self, Object* arg, bool subclass) {
  Object* args = static_cast<UnionObject*>(self)->args;
  for (int64_t i = 0; i < tuple_size(args); ++i) {
    if (is_generic_alias(tuple_items(args)[i])) {
      return raise_format(ts, &exc::TypeError, "%s() argument 2 cannot be a parameterized generic",
                          subclass ? "issubclass" : "isinstance");
    }
  }
  int r = subclass ? is_subclass(ts, arg, args) : is_instance(ts, arg, args);
  if (r < 0) return nullptr;
  return new_ref(py_bool(r));
}
Object* union_instancecheck(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return union_check(ts, self, args[0], false);
}
Object* union_subclasscheck(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return union_check(ts, self, args[0], true);
}
Object* union_get_args(ThreadState*, Object* self) { return new_ref(static_cast<UnionObject*>(self)->args); }
Object* union_get_parameters(ThreadState* ts, Object*) { return tuple_new(ts, 0); }

constexpr MethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck, kMethO, nullptr},
    {"__subclasscheck__", union_subclasscheck, kMethO, nullptr},
    {},
};
constexpr GetSetDef union_getsets[] = {
    {"__args__", union_get_args, nullptr, nullptr},
    {"__parameters__", union_get_parameters, nullptr, nullptr},
    {},
};

}  // namespace

Type union_type;

Object* union_args_borrowed(Object* u) { return static_cast<UnionObject*>(u)->args; }

void init_union_type(Type& t) {
  t.name = "types.UnionType";
  t.doc = "Represent a PEP 604 union type\n\nE.g. for int | str";
  t.basicsize = sizeof(UnionObject);
  t.dealloc = union_dealloc;
  t.flags |= kTypeHaveGC;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    Object* a = static_cast<UnionObject*>(o)->args;
    return a ? visit(a, arg) : 0;
  };
  t.repr = union_repr;
  t.richcompare = union_richcompare;
  t.hash = union_hash;
  t.nb_or = union_or;
  t.methods = union_methods;
  t.getsets = union_getsets;
}

void init_type_type(Type& t) {
  t.name = "type";
  t.doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  t.basicsize = sizeof(HeapType);
  t.flags = kTypeBaseType | kTypeTypeSubclass | kTypeHaveGC;
  t.weaklistoffset = offsetof(Type, weaklist);
  // A class's namespace is its "instance dict" (vars(cls), metaclass layout).
  t.dictoffset = offsetof(Type, dict);
  t.call = type_call;
  t.new_ = type_new_slot;
  t.init = type_init;
  t.getattro = type_getattro;
  t.setattro = type_setattro;
  t.nb_or = union_or;
  t.repr = type_repr;
  t.dealloc = type_dealloc;
  t.traverse = type_traverse;
  t.clear = type_clear;
  t.methods = type_methods;
  t.getsets = type_getsets;
  t.members = type_members;
}

}  // namespace spindle::objects
