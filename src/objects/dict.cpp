// dict: the compact ordered table, lookups, mutation, iteration, views and
// methods.
#include "objects/dict.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <new>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

// types.GenericAlias for list[int] etc. (genericalias.cpp).
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);

using runtime::raise;
using runtime::raise_format;

Type dict_type;
Type dict_keys_type;
Type dict_values_type;
Type dict_items_type;
Type dict_keyiterator_type;
Type dict_valueiterator_type;
Type dict_itemiterator_type;
Type dict_reversekeyiterator_type;
Type dict_reversevalueiterator_type;
Type dict_reverseitemiterator_type;

namespace {

constexpr int64_t kEmpty = -1, kDummy = -2;

int64_t hash_of(ThreadState* ts, Object* key) {
  if (is_str_exact(key)) return str_hash(key);
  return hash(ts, key);
}

// Finds the index slot for (key, hash): returns the slot position in
// `indices`; *entry = the entry index, or -1 if absent (then the slot is
// where to insert). -2 on error.
int64_t lookup(ThreadState* ts, Dict* d, Object* key, int64_t h, int64_t* entry) {
  if (d->index_size == 0) {
    *entry = -1;
    return -1;
  }
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(h);
  uint64_t i = static_cast<uint64_t>(h) & mask;
  int64_t free_slot = -1;
  for (;;) {
    int64_t ix = d->indices[i];
    if (ix == kEmpty) {
      *entry = -1;
      return free_slot >= 0 ? free_slot : static_cast<int64_t>(i);
    }
    if (ix == kDummy) {
      if (free_slot < 0) free_slot = static_cast<int64_t>(i);
    } else {
      DictEntry* e = &d->entries[ix];
      if (e->key == key) {
        *entry = ix;
        return static_cast<int64_t>(i);
      }
      if (e->hash == h) {
        if (is_str_exact(e->key) && is_str_exact(key)) {
          if (str_equal(e->key, key)) {
            *entry = ix;
            return static_cast<int64_t>(i);
          }
        } else {
          Object* k = new_ref(e->key);
          uint64_t muts = d->mutations;
          int r = rich_compare_bool(ts, k, key, CompareOp::Eq);
          decref(k);
          if (r < 0) return -2;
          if (d->mutations != muts) return lookup(ts, d, key, h, entry);  // the table changed: restart
          if (r) {
            *entry = ix;
            return static_cast<int64_t>(i);
          }
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int resize(ThreadState* ts, Dict* d, int64_t min_entries) {
  int64_t isize = 8;
  while (isize * 2 / 3 < min_entries) isize <<= 1;
  int64_t cap = isize * 2 / 3;
  auto* indices = static_cast<int64_t*>(mem_alloc(static_cast<size_t>(isize) * sizeof(int64_t)));
  auto* entries = static_cast<DictEntry*>(mem_alloc(static_cast<size_t>(cap) * sizeof(DictEntry)));
  if (!indices || !entries) {
    mem_free(indices);
    mem_free(entries);
    runtime::raise_no_memory(ts);
    return -1;
  }
  std::fill(indices, indices + isize, kEmpty);
  int64_t n = 0;
  for (int64_t i = 0; i < d->used_entries; ++i) {
    if (!d->entries[i].key) continue;
    entries[n] = d->entries[i];
    uint64_t mask = static_cast<uint64_t>(isize - 1);
    uint64_t perturb = static_cast<uint64_t>(entries[n].hash);
    uint64_t j = perturb & mask;
    while (indices[j] != kEmpty) {
      perturb >>= 5;
      j = (j * 5 + perturb + 1) & mask;
    }
    indices[j] = n++;
  }
  mem_free(d->indices);
  mem_free(d->entries);
  d->indices = indices;
  d->entries = entries;
  d->index_size = isize;
  d->capacity = cap;
  d->used_entries = n;
  d->keys_version = 0;
  return 0;
}

// Entry i of [0, used_entries) in order; false for a deleted combined entry.
bool entry_at(Dict* d, int64_t i, DictEntry* out) {
  if (d->shared) {
    int ix = d->values->order()[i];
    *out = {d->shared->hashes[ix], d->shared->keys[ix], d->values->slots()[ix]};
    return true;
  }
  *out = d->entries[i];
  return out->key != nullptr;
}

void sync_split_size(Dict* d) { d->size = d->used_entries = d->values ? d->values->size : 0; }

// Converts a split dict to the combined form, keeping order and values.
int unsplit(ThreadState* ts, Dict* d) {
  SharedKeys* k = d->shared;
  InstanceValues* v = d->values;
  int64_t n = v ? v->size : 0;
  d->shared = nullptr;
  d->values = nullptr;
  d->size = d->used_entries = 0;
  if (resize(ts, d, n) < 0) {  // leaves the dict empty but valid
    d->shared = k;
    d->values = v;
    sync_split_size(d);
    return -1;
  }
  uint64_t mask = static_cast<uint64_t>(d->index_size - 1);
  for (int64_t i = 0; i < n; ++i) {
    int ix = v->order()[i];
    int64_t h = k->hashes[ix];
    d->entries[i] = {h, new_ref(k->keys[ix]), v->slots()[ix]};  // the value moves
    uint64_t perturb = static_cast<uint64_t>(h);
    uint64_t j = perturb & mask;
    while (d->indices[j] != kEmpty) {
      perturb >>= 5;
      j = (j * 5 + perturb + 1) & mask;
    }
    d->indices[j] = i;
  }
  d->size = d->used_entries = n;
  d->mutations++;
  d->keys_version = 0;
  mem_free(v);
  shared_keys_decref(k);
  return 0;
}

// A split dict keeps its form for exact-str keys; anything else converts it.
bool stays_split(Dict* d, Object* key) { return d->shared && is_str_exact(key); }

int insert(ThreadState* ts, Dict* d, Object* key, int64_t h, Object* value) {
  if (stays_split(d, key)) {
    int64_t before = d->size;
    int r = values_store(ts, d->shared, &d->values, key, value);
    if (r <= 0) {
      sync_split_size(d);
      if (d->size != before) {
        d->mutations++;
        d->keys_version = 0;
      }
      return r;
    }
  }
  if (d->shared && unsplit(ts, d) < 0) return -1;
  int64_t entry;
  int64_t slot = lookup(ts, d, key, h, &entry);
  if (slot == -2) return -1;
  if (entry >= 0) {
    Object* old = d->entries[entry].value;
    d->entries[entry].value = new_ref(value);
    decref(old);
    return 0;
  }
  if (d->used_entries >= d->capacity) {
    if (resize(ts, d, (d->size + 1) * 3) < 0) return -1;
    slot = lookup(ts, d, key, h, &entry);
    if (slot < 0) return -1;
  }
  int64_t ix = d->used_entries++;
  d->entries[ix] = {h, new_ref(key), new_ref(value)};
  d->indices[slot] = ix;
  d->size++;
  d->mutations++;
  d->keys_version = 0;
  return 0;
}

}  // namespace

Object* dict_new(ThreadState* ts) { return alloc_object(ts, &dict_type, sizeof(Dict)); }

Object* dict_get_item_borrowed(ThreadState* ts, Object* o, Object* key) {
  auto* d = static_cast<Dict*>(o);
  if (stays_split(d, key)) return values_lookup(d->shared, d->values, key);
  int64_t h = hash_of(ts, key);
  if (h == -1) return nullptr;
  if (d->shared && unsplit(ts, d) < 0) return nullptr;
  int64_t entry;
  if (lookup(ts, d, key, h, &entry) == -2) return nullptr;
  return entry >= 0 ? d->entries[entry].value : nullptr;
}

Object* dict_get_item_str_borrowed(ThreadState* ts, Object* d, const char* key) {
  Ref k = Ref::steal(str_from_cstr(ts, key));
  if (!k) return nullptr;
  return dict_get_item_borrowed(ts, d, k.get());
}

int dict_set_item(ThreadState* ts, Object* d, Object* key, Object* value) {
  int64_t h = hash_of(ts, key);
  if (h == -1) return -1;
  return insert(ts, static_cast<Dict*>(d), key, h, value);
}

int dict_set_item_str(ThreadState* ts, Object* d, const char* key, Object* value) {
  Ref k = Ref::steal(str_intern_cstr(ts, key));
  if (!k) return -1;
  return dict_set_item(ts, d, k.get(), value);
}

int dict_pop(ThreadState* ts, Object* o, Object* key, Object** out) {
  auto* d = static_cast<Dict*>(o);
  if (stays_split(d, key)) {
    int r = values_remove(d->shared, d->values, key, out);
    if (r) {
      sync_split_size(d);
      d->mutations++;
      d->keys_version = 0;
    }
    return r;
  }
  int64_t h = hash_of(ts, key);
  if (h == -1) return -1;
  if (d->shared && unsplit(ts, d) < 0) return -1;
  int64_t entry;
  int64_t slot = lookup(ts, d, key, h, &entry);
  if (slot == -2) return -1;
  if (entry < 0) return 0;
  DictEntry e = d->entries[entry];
  d->entries[entry].key = nullptr;
  d->entries[entry].value = nullptr;
  d->indices[slot] = kDummy;
  d->size--;
  d->mutations++;
  d->keys_version = 0;
  decref(e.key);
  if (out) *out = e.value;
  else decref(e.value);
  return 1;
}

int dict_del_item(ThreadState* ts, Object* d, Object* key) {
  int r = dict_pop(ts, d, key, nullptr);
  if (r == 0) {
    raise_key_error_for(ts, key);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

bool dict_next_hashed(Object* o, size_t* pos, Object** key, Object** value, int64_t* hash) {
  auto* d = static_cast<Dict*>(o);
  while (static_cast<int64_t>(*pos) < d->used_entries) {
    DictEntry e;
    if (entry_at(d, static_cast<int64_t>((*pos)++), &e)) {
      if (key) *key = e.key;
      if (value) *value = e.value;
      if (hash) *hash = e.hash;
      return true;
    }
  }
  return false;
}

bool dict_next(Object* o, size_t* pos, Object** key, Object** value) {
  return dict_next_hashed(o, pos, key, value, nullptr);
}

void dict_clear(Object* o) {
  auto* d = static_cast<Dict*>(o);
  if (d->shared) {
    InstanceValues* v = d->values;
    SharedKeys* k = d->shared;
    d->values = nullptr;
    d->shared = nullptr;
    d->size = d->used_entries = 0;
    d->mutations++;
    d->keys_version = 0;
    if (v) values_free(v);
    shared_keys_decref(k);
    return;
  }
  DictEntry* entries = d->entries;
  int64_t n = d->used_entries;
  mem_free(d->indices);
  d->indices = nullptr;
  d->entries = nullptr;
  d->size = d->used_entries = d->capacity = d->index_size = 0;
  d->mutations++;
  d->keys_version = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (entries[i].key) {
      decref(entries[i].key);
      decref(entries[i].value);
    }
  }
  mem_free(entries);
}

Object* dict_copy(ThreadState* ts, Object* o) {
  Object* r = dict_new(ts);
  if (!r) return nullptr;
  if (dict_merge(ts, r, o, true) < 0) {
    decref(r);
    return nullptr;
  }
  return r;
}

int dict_merge(ThreadState* ts, Object* d, Object* other, bool override) {
  if (is_dict(other) && other->ob_type->iter == dict_type.iter) {
    auto* src = static_cast<Dict*>(other);
    for (int64_t i = 0; i < src->used_entries; ++i) {
      DictEntry e;
      if (!entry_at(src, i, &e)) continue;
      Object* k = new_ref(e.key);
      Object* v = new_ref(e.value);
      int r = 0;
      if (override) {
        r = insert(ts, static_cast<Dict*>(d), k, e.hash, v);
      } else {
        int c = dict_contains(ts, d, k);
        if (c < 0) r = -1;
        else if (c == 0) r = insert(ts, static_cast<Dict*>(d), k, e.hash, v);
      }
      decref(k);
      decref(v);
      if (r < 0) return -1;
      if (i >= src->used_entries) break;
    }
    return 0;
  }
  Ref keys = Ref::steal(call_method(ts, other, ts->id->keys, nullptr, 0));
  if (!keys) return -1;
  Ref it = Ref::steal(get_iter(ts, keys.get()));
  if (!it) return -1;
  while (Object* k = iter_next(ts, it.get())) {
    Ref key = Ref::steal(k);
    if (!override) {
      int c = dict_contains(ts, d, k);
      if (c < 0) return -1;
      if (c) continue;
    }
    Ref v = Ref::steal(get_item(ts, other, k));
    if (!v || dict_set_item(ts, d, k, v.get()) < 0) return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

int dict_merge_pairs(ThreadState* ts, Object* d, Object* iterable) {
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return -1;
  int64_t index = 0;
  while (Object* item = iter_next(ts, it.get())) {
    Ref pair_obj = Ref::steal(item);
    Ref pair = Ref::steal(sequence_tuple(ts, item));
    if (!pair) {
      if (runtime::exception_matches(ts, &exc::TypeError)) {
        runtime::clear_exception(ts);
        raise_format(ts, &exc::TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                     static_cast<long long>(index));
      }
      return -1;
    }
    if (tuple_size(pair.get()) != 2) {
      raise_format(ts, &exc::ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                   static_cast<long long>(index), static_cast<long long>(tuple_size(pair.get())));
      return -1;
    }
    if (dict_set_item(ts, d, tuple_items(pair.get())[0], tuple_items(pair.get())[1]) < 0) return -1;
    ++index;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

uint32_t dict_keys_version(ThreadState* ts, Object* o) {
  auto* d = static_cast<Dict*>(o);
  if (d->keys_version == 0) d->keys_version = ts->interp->next_keys_version++;
  return d->keys_version;
}

int64_t dict_str_entry_index(ThreadState* ts, Object* o, Object* key) {
  auto* d = static_cast<Dict*>(o);
  if (d->shared || !is_str_exact(key)) return -2;
  // A non-str key could run Python __eq__ during the probe: refuse.
  for (int64_t i = 0; i < d->used_entries; ++i)
    if (d->entries[i].key && !is_str_exact(d->entries[i].key)) return -2;
  int64_t entry;
  lookup(ts, d, key, str_hash(key), &entry);
  return entry;
}

int dict_contains(ThreadState* ts, Object* d, Object* key) {
  Object* v = dict_get_item_borrowed(ts, d, key);
  if (v) return 1;
  return runtime::has_exception(ts) ? -1 : 0;
}

Object* dict_keys_list(ThreadState* ts, Object* o) {
  auto* d = static_cast<Dict*>(o);
  Object* l = list_new(ts, static_cast<size_t>(d->size));
  if (!l) return nullptr;
  int64_t n = 0;
  DictEntry e;
  for (int64_t i = 0; i < d->used_entries; ++i)
    if (entry_at(d, i, &e)) list_items(l)[n++] = new_ref(e.key);
  return l;
}

// Set operations and comparisons of keys/items views (set.cpp).
Object* view_setop(ThreadState* ts, Object* a, Object* b, int op);
Object* view_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op);

// ---------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------
namespace {

void dict_dealloc(Object* o) {
  dict_clear(o);
  if (o->ob_type == &dict_type) free_object(o);
  else object_default_dealloc(o);
}

int dict_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<Dict*>(o);
  DictEntry e;
  for (int64_t i = 0; i < d->used_entries; ++i) {
    if (!entry_at(d, i, &e)) continue;
    if (visit(e.key, arg) || visit(e.value, arg)) return 1;
  }
  return 0;
}

Object* dict_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<Dict*>(o);
  if (d->size == 0) return str_from_cstr(ts, "{}");
  int rec = repr_enter(ts, o);
  if (rec != 0) return rec > 0 ? str_from_cstr(ts, "{...}") : nullptr;
  StrBuilder b;
  b.append("{");
  bool first = true;
  DictEntry e;
  for (int64_t i = 0; i < d->used_entries; ++i) {
    if (!entry_at(d, i, &e)) continue;
    Ref k = Ref::borrow(e.key), v = Ref::borrow(e.value);
    if (!first) b.append(", ");
    first = false;
    Ref kr = Ref::steal(repr(ts, k.get()));
    if (!kr) break;
    b.append_str(ts, kr.get());
    b.append(": ");
    Ref vr = Ref::steal(repr(ts, v.get()));
    if (!vr) break;
    b.append_str(ts, vr.get());
  }
  repr_leave(ts, o);
  if (runtime::has_exception(ts)) return nullptr;
  b.append("}");
  return b.finish(ts);
}

int64_t dict_len(ThreadState*, Object* o) { return dict_size(o); }

Object* dict_subscript(ThreadState* ts, Object* o, Object* key) {
  Object* v = dict_get_item_borrowed(ts, o, key);
  if (v) return new_ref(v);
  if (runtime::has_exception(ts)) return nullptr;
  if (o->ob_type != &dict_type) {
    Ref missing = Ref::steal(lookup_special(ts, o, ts->id->dunder_missing));
    if (missing) return call(ts, missing.get(), &key, 1);
    if (runtime::has_exception(ts)) return nullptr;
  }
  return raise_key_error_for(ts, key);
}

int dict_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  if (value) return dict_set_item(ts, o, key, value);
  return dict_del_item(ts, o, key);
}

int dict_contains_slot(ThreadState* ts, Object* o, Object* key) { return dict_contains(ts, o, key); }

Object* dict_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_dict(a) || !is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_ref(py_not_implemented());
  bool eq = dict_size(a) == dict_size(b);
  auto* d = static_cast<Dict*>(a);
  DictEntry e;
  for (int64_t i = 0; eq && i < d->used_entries; ++i) {
    if (!entry_at(d, i, &e)) continue;
    Ref k = Ref::borrow(e.key), v = Ref::borrow(e.value);
    Object* w = dict_get_item_borrowed(ts, b, k.get());
    if (!w) {
      if (runtime::has_exception(ts)) return nullptr;
      eq = false;
      break;
    }
    Ref wr = Ref::borrow(w);
    int r = rich_compare_bool(ts, v.get(), wr.get(), CompareOp::Eq);
    if (r < 0) return nullptr;
    eq = r;
  }
  return py_bool(eq == (op == CompareOp::Eq));
}

Object* dict_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_dict(a) || !is_dict(b)) return new_ref(py_not_implemented());
  Ref r = Ref::steal(dict_copy(ts, a));
  if (!r || dict_merge(ts, r.get(), b, true) < 0) return nullptr;
  return r.release();
}

Object* dict_ior(ThreadState* ts, Object* a, Object* b) {
  int r = is_dict(b) ? dict_merge(ts, a, b, true) : (lookup_attr(ts, b, ts->id->keys) ? dict_merge(ts, a, b, true) : dict_merge_pairs(ts, a, b));
  if (r < 0) return nullptr;
  return new_ref(a);
}

// --- iterators and views ----------------------------------------------------
enum class ViewKind { Keys, Values, Items };

struct DictIter : Object {
  Object* dict = nullptr;
  int64_t pos = 0;
  int64_t size_at_start = 0;
  int64_t remaining = 0;
  ViewKind kind = ViewKind::Keys;
  bool reverse = false;  // pos walks down from the last entry
  Object* result = nullptr;  // items: the last (key, value) (tuple_reuse_or_new)
};

struct DictView : Object {
  Object* dict = nullptr;
};

Type* iter_type_for(ViewKind k, bool reverse) {
  if (reverse) {
    return k == ViewKind::Keys     ? &dict_reversekeyiterator_type
           : k == ViewKind::Values ? &dict_reversevalueiterator_type
                                   : &dict_reverseitemiterator_type;
  }
  return k == ViewKind::Keys ? &dict_keyiterator_type : k == ViewKind::Values ? &dict_valueiterator_type : &dict_itemiterator_type;
}

Object* make_dict_iter(ThreadState* ts, Object* d, ViewKind kind, bool reverse = false) {
  auto* it = static_cast<DictIter*>(alloc_object(ts, iter_type_for(kind, reverse), sizeof(DictIter)));
  if (!it) return nullptr;
  it->dict = new_ref(d);
  it->size_at_start = dict_size(d);
  it->remaining = dict_size(d);
  it->kind = kind;
  it->reverse = reverse;
  if (reverse) it->pos = static_cast<Dict*>(d)->used_entries - 1;
  return it;
}

Object* entry_item(ThreadState* ts, DictIter* it, const DictEntry& e) {
  switch (it->kind) {
    case ViewKind::Keys: return new_ref(e.key);
    case ViewKind::Values: return new_ref(e.value);
    case ViewKind::Items: {
      Object* items[2] = {new_ref(e.key), new_ref(e.value)};
      return tuple_reuse_or_new(ts, it->result, items, 2);
    }
  }
  return nullptr;
}

Object* dict_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<DictIter*>(o);
  if (!it->dict) return nullptr;
  auto* d = static_cast<Dict*>(it->dict);
  if (d->size != it->size_at_start) {
    it->size_at_start = -1;  // stays broken
    return raise(ts, &exc::RuntimeError, "dictionary changed size during iteration");
  }
  DictEntry e;
  if (it->reverse) {
    // As CPython's reverse iterators: no check that the keys were replaced.
    while (it->pos >= 0 && it->pos < d->used_entries) {
      if (!entry_at(d, it->pos--, &e)) continue;
      --it->remaining;
      return entry_item(ts, it, e);
    }
  } else {
    while (it->pos < d->used_entries) {
      if (!entry_at(d, it->pos++, &e)) continue;
      if (it->remaining-- <= 0) return raise(ts, &exc::RuntimeError, "dictionary keys changed during iteration");
      return entry_item(ts, it, e);
    }
  }
  clear_ref(it->dict);
  return nullptr;
}

void dict_iter_dealloc(Object* o) {
  xdecref(static_cast<DictIter*>(o)->dict);
  xdecref(static_cast<DictIter*>(o)->result);
  free_object(o);
}

// CPython's answer: the count left while the dict keeps its size, else 0.
int64_t dict_iter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<DictIter*>(o);
  return it->dict && dict_size(it->dict) == it->size_at_start ? it->remaining : 0;
}
const MethodDef dict_iter_methods[] = {SPINDLE_LENGTH_HINT(dict_iter_remaining), {}};

Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }
Object* dict_iter(ThreadState* ts, Object* o) { return make_dict_iter(ts, o, ViewKind::Keys); }

ViewKind view_kind(Object* v) {
  return v->ob_type == &dict_keys_type ? ViewKind::Keys : v->ob_type == &dict_values_type ? ViewKind::Values : ViewKind::Items;
}

Object* make_view(ThreadState* ts, Object* d, Type* type) {
  auto* v = static_cast<DictView*>(alloc_object(ts, type, sizeof(DictView)));
  if (v) v->dict = new_ref(d);
  return v;
}

void view_dealloc(Object* o) {
  xdecref(static_cast<DictView*>(o)->dict);
  free_object(o);
}
Object* view_iter(ThreadState* ts, Object* o) { return make_dict_iter(ts, static_cast<DictView*>(o)->dict, view_kind(o)); }
Object* view_reversed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_dict_iter(ts, static_cast<DictView*>(self)->dict, view_kind(self), true);
}
const MethodDef view_methods[] = {{"__reversed__", view_reversed, kMethNoArgs}, {}};
int64_t view_len(ThreadState*, Object* o) { return dict_size(static_cast<DictView*>(o)->dict); }
int view_contains(ThreadState* ts, Object* o, Object* x) {
  Object* d = static_cast<DictView*>(o)->dict;
  switch (view_kind(o)) {
    case ViewKind::Keys: return dict_contains(ts, d, x);
    case ViewKind::Values: {
      Ref it = Ref::steal(make_dict_iter(ts, d, ViewKind::Values));
      while (Object* v = iter_next(ts, it.get())) {
        int r = rich_compare_bool(ts, v, x, CompareOp::Eq);
        decref(v);
        if (r != 0) return r;
      }
      return runtime::has_exception(ts) ? -1 : 0;
    }
    case ViewKind::Items: {
      if (!is_tuple(x) || tuple_size(x) != 2) return 0;
      Object* v = dict_get_item_borrowed(ts, d, tuple_items(x)[0]);
      if (!v) return runtime::has_exception(ts) ? -1 : 0;
      Ref vr = Ref::borrow(v);
      return rich_compare_bool(ts, vr.get(), tuple_items(x)[1], CompareOp::Eq);
    }
  }
  return 0;
}
Object* view_repr(ThreadState* ts, Object* o) {
  Ref l = Ref::steal(sequence_list(ts, o));
  if (!l) return nullptr;
  Ref r = Ref::steal(repr(ts, l.get()));
  if (!r) return nullptr;
  std::string s = type_name(o->ob_type);
  s += "(";
  s += str_view(ts, r.get());
  s += ")";
  return str_from(ts, s);
}

Object* view_and(ThreadState* ts, Object* a, Object* b) { return view_setop(ts, a, b, 0); }
Object* view_or(ThreadState* ts, Object* a, Object* b) { return view_setop(ts, a, b, 1); }
Object* view_sub(ThreadState* ts, Object* a, Object* b) { return view_setop(ts, a, b, 2); }
Object* view_xor(ThreadState* ts, Object* a, Object* b) { return view_setop(ts, a, b, 3); }
// --- methods ----------------------------------------------------------------
Object* m_keys(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return make_view(ts, self, &dict_keys_type); }
Object* m_values(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return make_view(ts, self, &dict_values_type); }
Object* m_items(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return make_view(ts, self, &dict_items_type); }
Object* m_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "get", nargs, kwnames, 1, 2) < 0) return nullptr;
  Object* v = dict_get_item_borrowed(ts, self, args[0]);
  if (v) return new_ref(v);
  if (runtime::has_exception(ts)) return nullptr;
  return new_ref(nargs > 1 ? args[1] : py_none());
}
Object* m_setdefault(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "setdefault", nargs, kwnames, 1, 2) < 0) return nullptr;
  Object* v = dict_get_item_borrowed(ts, self, args[0]);
  if (v) return new_ref(v);
  if (runtime::has_exception(ts)) return nullptr;
  Object* dflt = nargs > 1 ? args[1] : py_none();
  if (dict_set_item(ts, self, args[0], dflt) < 0) return nullptr;
  return new_ref(dflt);
}
Object* m_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "pop", nargs, kwnames, 1, 2) < 0) return nullptr;
  Object* v = nullptr;
  int r = dict_pop(ts, self, args[0], &v);
  if (r < 0) return nullptr;
  if (r) return v;
  if (nargs > 1) return new_ref(args[1]);
  return raise_key_error_for(ts, args[0]);
}
Object* m_popitem(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  auto* d = static_cast<Dict*>(self);
  DictEntry e;
  for (int64_t i = d->used_entries - 1; i >= 0; --i) {
    if (!entry_at(d, i, &e)) continue;
    Ref k = Ref::borrow(e.key);
    Object* v = nullptr;
    if (dict_pop(ts, self, k.get(), &v) < 0) return nullptr;
    Ref vr = Ref::steal(v);
    return tuple_pack(ts, {k.get(), vr.get()});
  }
  return raise(ts, &exc::KeyError, "popitem(): dictionary is empty");
}
int update_from(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name) {
  size_t nkw = kwnames_count(kwnames);
  if (nargs > 1) {
    raise_format(ts, &exc::TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
    return -1;
  }
  size_t npos = nargs;
  if (npos == 1) {
    Object* a = args[0];
    Ref keys = Ref::steal(is_dict(a) ? nullptr : lookup_attr(ts, a, ts->id->keys));
    if (runtime::has_exception(ts)) return -1;
    int r = (is_dict(a) || keys) ? dict_merge(ts, self, a, true) : dict_merge_pairs(ts, self, a);
    if (r < 0) return -1;
  }
  for (size_t i = 0; i < nkw; ++i)
    if (dict_set_item(ts, self, tuple_items(kwnames)[i], args[npos + i]) < 0) return -1;
  return 0;
}
Object* m_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (update_from(ts, self, args, nargs, kwnames, "update") < 0) return nullptr;
  return py_none();
}
Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return dict_copy(ts, self); }
Object* m_clear(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  dict_clear(self);
  return py_none();
}
Object* m_fromkeys(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "fromkeys", nargs, kwnames, 1, 2) < 0) return nullptr;
  Ref d = Ref::steal(call(ts, cls, nullptr, 0));
  if (!d) return nullptr;
  Object* value = nargs > 1 ? args[1] : py_none();
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  while (Object* k = iter_next(ts, it.get())) {
    int r = set_item(ts, d.get(), k, value);
    decref(k);
    if (r < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return d.release();
}
Object* m_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = dict_contains(ts, self, args[0]);
  return r < 0 ? nullptr : py_bool(r);
}
Object* m_getitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return dict_subscript(ts, self, args[0]); }
Object* m_reversed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make_dict_iter(ts, self, ViewKind::Keys, true);
}

const MethodDef dict_methods[] = {
    {"keys", m_keys, kMethNoArgs},
    {"values", m_values, kMethNoArgs},
    {"items", m_items, kMethNoArgs},
    {"get", m_get, kMethFast},
    {"setdefault", m_setdefault, kMethFast},
    {"pop", m_pop, kMethFast},
    {"popitem", m_popitem, kMethNoArgs},
    {"update", m_update, kMethKeywords},
    {"copy", m_copy, kMethNoArgs},
    {"clear", m_clear, kMethNoArgs},
    {"fromkeys", m_fromkeys, kMethFast | kMethClass},
    {"__contains__", m_contains, kMethO},
    {"__getitem__", m_getitem, kMethO},
    {"__reversed__", m_reversed, kMethNoArgs},
    {"__class_getitem__", class_getitem, kMethO | kMethClass},
    {},
};

Object* dict_new_slot(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  if (type == &dict_type) return dict_new(ts);
  return type_generic_alloc(ts, type, 0);
}

int dict_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return update_from(ts, self, args, nargs, kwnames, "dict");
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared keys and instance values
// ---------------------------------------------------------------------------

SharedKeys* shared_keys_new(ThreadState* ts) {
  auto* k = static_cast<SharedKeys*>(mem_alloc(sizeof(SharedKeys)));
  if (!k) {
    runtime::raise_no_memory(ts);
    return nullptr;
  }
  new (k) SharedKeys();
  std::fill(std::begin(k->indices), std::end(k->indices), int8_t{-1});
  return k;
}

void shared_keys_decref(SharedKeys* k) {
  if (k->refcount.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  for (int32_t i = 0; i < k->nentries; ++i) decref(k->keys[i]);
  k->~SharedKeys();
  mem_free(k);
}

namespace {

// The index-table slot of `key` in k: where it is, or the empty slot where it
// would go. The table is a third full at most, so probing ends.
int shared_keys_slot(SharedKeys* k, Object* key, int64_t h) {
  constexpr uint64_t mask = sizeof(SharedKeys::indices) - 1;
  uint64_t perturb = static_cast<uint64_t>(h);
  uint64_t i = perturb & mask;
  for (;;) {
    int ix = k->indices[i];
    if (ix < 0) return static_cast<int>(i);
    Object* other = k->keys[ix];
    if (other == key || (k->hashes[ix] == h && str_equal(other, key))) return static_cast<int>(i);
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

}  // namespace

int shared_keys_index(SharedKeys* k, Object* key) { return k->indices[shared_keys_slot(k, key, str_hash(key))]; }

Object* values_lookup(SharedKeys* k, InstanceValues* v, Object* key) {
  if (!v) return nullptr;
  int ix = shared_keys_index(k, key);
  return ix >= 0 && ix < v->capacity ? v->slots()[ix] : nullptr;
}

int values_reserve(SharedKeys* k, InstanceValues** pv, int ix) {
  InstanceValues* v = *pv;
  if (!v || ix >= v->capacity) {
    // Instances after the first of a class start at the class's key count.
    int cap = std::max(ix + 1, std::min<int>(kSharedKeysMax, v ? v->capacity * 2 : std::max(k->nentries, 3)));
    auto* grown = static_cast<InstanceValues*>(mem_alloc(InstanceValues::bytes(cap)));
    if (!grown) return -1;
    grown->capacity = static_cast<uint8_t>(cap);
    grown->size = 0;
    std::fill(grown->slots(), grown->slots() + cap, nullptr);
    if (v) {
      std::copy(v->slots(), v->slots() + v->capacity, grown->slots());
      std::copy(v->order(), v->order() + v->size, grown->order());
      grown->size = v->size;
    }
    mem_free(v);
    *pv = v = grown;
  }
  return 0;
}

int values_store(ThreadState* ts, SharedKeys* k, InstanceValues** pv, Object* key, Object* value) {
  int64_t h = str_hash(key);
  int slot = shared_keys_slot(k, key, h);
  int ix = k->indices[slot];
  if (ix < 0) {
    if (k->nentries == kSharedKeysMax) return 1;
    ix = k->nentries;
    k->hashes[ix] = h;
    k->keys[ix] = new_ref(key);
    k->indices[slot] = static_cast<int8_t>(ix);
    k->nentries++;
  }
  if (values_reserve(k, pv, ix) < 0) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  InstanceValues* v = *pv;
  v->put(ix, new_ref(value));
  return 0;
}

int values_remove(SharedKeys* k, InstanceValues* v, Object* key, Object** out) {
  if (!v) return 0;
  int ix = shared_keys_index(k, key);
  if (ix < 0 || ix >= v->capacity || !v->slots()[ix]) return 0;
  Object* old = v->slots()[ix];
  v->slots()[ix] = nullptr;
  uint8_t* end = v->order() + v->size;
  uint8_t* at = std::find(v->order(), end, static_cast<uint8_t>(ix));
  std::memmove(at, at + 1, static_cast<size_t>(end - at - 1));
  v->size--;
  if (out) *out = old;
  else decref(old);
  return 1;
}

void values_free(InstanceValues* v) {
  // Detach first: a finalizer run by a decref must not see released values.
  int n = v->capacity;
  for (int i = 0; i < n; ++i) {
    Object* x = v->slots()[i];
    v->slots()[i] = nullptr;
    xdecref(x);
  }
  mem_free(v);
}

Object* dict_new_split(ThreadState* ts, SharedKeys* k, InstanceValues* v) {
  auto* d = static_cast<Dict*>(dict_new(ts));
  if (!d) return nullptr;
  k->refcount.fetch_add(1, std::memory_order_relaxed);
  d->shared = k;
  d->values = v;
  sync_split_size(d);
  return d;
}

std::nullptr_t raise_key_error_for(ThreadState* ts, Object* key) {
  Ref args = Ref::steal(tuple_pack(ts, {key}));
  if (!args) return nullptr;
  Ref e = Ref::steal(call(ts, &exc::KeyError, tuple_items(args.get()), 1));
  if (!e) return nullptr;
  return runtime::raise_object(ts, e.get());
}

void init_dict_type(Type& t) {
  t.name = "dict";
  t.basicsize = sizeof(Dict);
  t.flags = kTypeBaseType | kTypeDictSubclass | kTypeMapping | kTypeHaveGC;
  t.dealloc = dict_dealloc;
  t.traverse = dict_traverse;
  t.clear = [](Object* o) {
    dict_clear(o);
    return 0;
  };
  t.repr = dict_repr;
  t.richcompare = dict_richcompare;
  t.mp_length = dict_len;
  t.mp_subscript = dict_subscript;
  t.mp_ass_subscript = dict_ass_subscript;
  t.sq_contains = dict_contains_slot;
  t.nb_or = dict_or;
  t.nb_inplace_or = dict_ior;
  t.iter = dict_iter;
  t.new_ = dict_new_slot;
  t.init = dict_init;
  t.methods = dict_methods;
}

namespace {
void init_view(Type& t, const char* name) {
  t.name = name;
  t.basicsize = sizeof(DictView);
  t.dealloc = view_dealloc;
  t.iter = view_iter;
  t.mp_length = view_len;
  t.sq_contains = view_contains;
  t.repr = view_repr;
  t.methods = view_methods;
}
void init_iter(Type& t, const char* name) {
  t.name = name;
  t.basicsize = sizeof(DictIter);
  t.dealloc = dict_iter_dealloc;
  t.iter = self_iter;
  t.iternext = dict_iter_next;
  t.methods = dict_iter_methods;
}
}  // namespace

void init_dict_keys_type(Type& t) {
  init_view(t, "dict_keys");
  t.nb_and = view_and;
  t.nb_or = view_or;
  t.nb_subtract = view_sub;
  t.nb_xor = view_xor;
  t.richcompare = view_richcompare;
}
void init_dict_values_type(Type& t) { init_view(t, "dict_values"); }
void init_dict_items_type(Type& t) {
  init_dict_keys_type(t);
  t.name = "dict_items";
}
void init_dict_keyiterator_type(Type& t) { init_iter(t, "dict_keyiterator"); }
void init_dict_valueiterator_type(Type& t) { init_iter(t, "dict_valueiterator"); }
void init_dict_itemiterator_type(Type& t) { init_iter(t, "dict_itemiterator"); }
void init_dict_reversekeyiterator_type(Type& t) { init_iter(t, "dict_reversekeyiterator"); }
void init_dict_reversevalueiterator_type(Type& t) { init_iter(t, "dict_reversevalueiterator"); }
void init_dict_reverseitemiterator_type(Type& t) { init_iter(t, "dict_reverseitemiterator"); }

}  // namespace spindle::objects
