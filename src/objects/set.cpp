// set and frozenset (see set.h for the table discipline).
#include "objects/set.h"

#include <cstddef>
#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/weakref.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

// types.GenericAlias for list[int] etc. (genericalias.cpp).
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);

using runtime::raise;
using runtime::raise_format;

Type set_type;
Type frozenset_type;
Type set_iterator_type;

namespace {

constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;
// The deleted-entry marker: any unique address that is never a real object.
Object g_dummy;

Set* as_set(Object* o) { return static_cast<Set*>(o); }

void insert_clean(SetEntry* table, uint64_t mask, Object* key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  for (;;) {
    SetEntry* e = &table[i];
    if (!e->key) {
      e->key = key;
      e->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; ++j) {
        ++e;
        if (!e->key) {
          e->key = key;
          e->hash = hash;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

int table_resize(ThreadState* ts, Set* s, int64_t minused) {
  int64_t newsize = 8;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* old = s->table;
  int64_t oldsize = s->mask + 1;
  SetEntry* table;
  SetEntry small_copy[8];
  if (newsize == 8) {
    if (old == s->small) {
      if (s->fill == s->used) return 0;  // nothing to clean
      std::memcpy(small_copy, s->small, sizeof small_copy);
      old = small_copy;
    }
    table = s->small;
    std::memset(table, 0, sizeof s->small);
  } else {
    table = static_cast<SetEntry*>(mem_calloc(static_cast<size_t>(newsize), sizeof(SetEntry)));
    if (!table) {
      runtime::raise_no_memory(ts);
      return -1;
    }
  }
  s->mask = newsize - 1;
  s->table = table;
  uint64_t mask = static_cast<uint64_t>(newsize - 1);
  for (int64_t i = 0; i < oldsize; ++i) {
    if (old[i].key && old[i].key != &g_dummy) insert_clean(table, mask, old[i].key, old[i].hash);
  }
  s->fill = s->used;
  if (old != s->small && old != small_copy) mem_free(old);
  return 0;
}

int64_t key_hash(ThreadState* ts, Object* key) { return is_str_exact(key) ? str_hash(key) : hash(ts, key); }

// Adds (key, hash): 0 added or present, -1 error. Steals nothing.
int add_entry(ThreadState* ts, Set* s, Object* key, int64_t hash) {
restart:
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  SetEntry* freeslot = nullptr;
  uint64_t perturb = static_cast<uint64_t>(hash);
  for (;;) {
    SetEntry* e = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (!e->key) {
        if (freeslot) {
          freeslot->key = new_ref(key);
          freeslot->hash = hash;
          s->used++;
          return 0;
        }
        e->key = new_ref(key);
        e->hash = hash;
        s->fill++;
        s->used++;
        if (s->fill * 5 < static_cast<int64_t>(mask) * 3) return 0;
        return table_resize(ts, s, s->used > 50000 ? s->used * 2 : s->used * 4);
      }
      if (e->key == &g_dummy) {
        if (!freeslot) freeslot = e;
      } else if (e->hash == hash) {
        Object* start = e->key;
        if (start == key) return 0;
        if (is_str_exact(start) && is_str_exact(key)) {
          if (str_equal(start, key)) return 0;
        } else {
          SetEntry* table = s->table;
          incref(start);
          int cmp = rich_compare_bool(ts, start, key, CompareOp::Eq);
          decref(start);
          if (cmp < 0) return -1;
          if (cmp > 0) return 0;
          if (table != s->table || e->key != start) goto restart;
        }
      }
      ++e;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// The next live entry from *pos on (and *pos past it), as a copy: a walk
// that looks keys up elsewhere may run an __eq__ that changes this table.
bool next_entry(Set* s, size_t* pos, SetEntry* out) {
  size_t i = *pos;
  for (; static_cast<int64_t>(i) <= s->mask; ++i) {
    SetEntry e = s->table[i];
    if (e.key && e.key != &g_dummy) {
      *out = e;
      *pos = i + 1;
      return true;
    }
  }
  *pos = i;
  return false;
}

// The entry holding key, or nullptr (absent, or error: check has_exception).
SetEntry* find_entry(ThreadState* ts, Set* s, Object* key, int64_t hash) {
restart:
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  for (;;) {
    SetEntry* e = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (!e->key) return nullptr;
      if (e->key != &g_dummy && e->hash == hash) {
        Object* start = e->key;
        if (start == key) return e;
        if (is_str_exact(start) && is_str_exact(key)) {
          if (str_equal(start, key)) return e;
        } else {
          SetEntry* table = s->table;
          incref(start);
          int cmp = rich_compare_bool(ts, start, key, CompareOp::Eq);
          decref(start);
          if (cmp < 0) return nullptr;
          if (cmp > 0) return e;
          if (table != s->table || e->key != start) goto restart;
        }
      }
      ++e;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

Object* make_set(ThreadState* ts, Type* type) {
  Object* o = type == &set_type || type == &frozenset_type ? alloc_object(ts, type, sizeof(Set)) : type_generic_alloc(ts, type, 0);
  if (!o) return nullptr;
  auto* s = as_set(o);
  s->table = s->small;
  s->mask = 7;
  s->hash = -1;
  return o;
}

// A set key: unhashable sets are looked up as frozensets (x in {frozenset()}).
int with_key(ThreadState* ts, Object* key, int64_t* hash) {
  *hash = key_hash(ts, key);
  return *hash == -1 ? -1 : 0;
}

int merge_set(ThreadState* ts, Set* s, Set* other) {
  if (other->used == 0) return 0;
  if ((s->fill + other->used) * 5 >= s->mask * 3) {
    if (table_resize(ts, s, (s->used + other->used) * 2) < 0) return -1;
  }
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; ++i) {
      if (other->table[i].key) {
        s->table[i].key = new_ref(other->table[i].key);
        s->table[i].hash = other->table[i].hash;
      }
    }
    s->fill = s->used = other->used;
    return 0;
  }
  if (s->fill == 0) {
    for (int64_t i = 0; i <= other->mask; ++i) {
      SetEntry e = other->table[i];
      if (e.key && e.key != &g_dummy) insert_clean(s->table, static_cast<uint64_t>(s->mask), new_ref(e.key), e.hash);
    }
    s->fill = s->used = other->used;
    return 0;
  }
  for (int64_t i = 0; i <= other->mask; ++i) {
    SetEntry e = other->table[i];
    if (e.key && e.key != &g_dummy && add_entry(ts, s, e.key, e.hash) < 0) return -1;
  }
  return 0;
}

}  // namespace

int set_update(ThreadState* ts, Object* o, Object* iterable) {
  Set* s = as_set(o);
  if (is_anyset(iterable)) return merge_set(ts, s, as_set(iterable));
  if (iterable->ob_type == &dict_type) {
    int64_t n = dict_size(iterable);
    if ((s->fill + n) * 5 >= s->mask * 3 && table_resize(ts, s, (s->used + n) * 2) < 0) return -1;
    size_t pos = 0;
    Object* k;
    while (dict_next(iterable, &pos, &k, nullptr)) {
      auto* d = static_cast<Dict*>(iterable);
      if (add_entry(ts, s, k, d->entries[pos - 1].hash) < 0) return -1;
    }
    return 0;
  }
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return -1;
  while (Object* k = iter_next(ts, it.get())) {
    int r = set_add(ts, o, k);
    decref(k);
    if (r < 0) return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

Object* set_new(ThreadState* ts, Object* iterable) {
  Object* s = make_set(ts, &set_type);
  if (s && iterable && set_update(ts, s, iterable) < 0) {
    decref(s);
    return nullptr;
  }
  return s;
}

Object* frozenset_new(ThreadState* ts, Object* iterable) {
  Object* s = make_set(ts, &frozenset_type);
  if (s && iterable && set_update(ts, s, iterable) < 0) {
    decref(s);
    return nullptr;
  }
  return s;
}

int set_add(ThreadState* ts, Object* s, Object* key) {
  int64_t h;
  if (with_key(ts, key, &h) < 0) return -1;
  return add_entry(ts, as_set(s), key, h);
}

int set_contains(ThreadState* ts, Object* s, Object* key) {
  int64_t h = key_hash(ts, key);
  if (h == -1) {
    // An unhashable set is looked up as the equal frozenset.
    if (!is_anyset(key) || !runtime::exception_matches(ts, &exc::TypeError)) return -1;
    runtime::clear_exception(ts);
    Ref f = Ref::steal(frozenset_new(ts, key));
    if (!f) return -1;
    return set_contains(ts, s, f.get());
  }
  SetEntry* e = find_entry(ts, as_set(s), key, h);
  if (e) return 1;
  return runtime::has_exception(ts) ? -1 : 0;
}

namespace {
// Removes (key, hash): 1 removed, 0 absent, -1 error.
int discard_entry(ThreadState* ts, Set* s, Object* key, int64_t hash) {
  SetEntry* e = find_entry(ts, s, key, hash);
  if (!e) return runtime::has_exception(ts) ? -1 : 0;
  Object* old = e->key;
  e->key = &g_dummy;
  e->hash = -1;
  s->used--;
  decref(old);
  return 1;
}
}  // namespace

int set_discard(ThreadState* ts, Object* o, Object* key) {
  int64_t h = key_hash(ts, key);
  if (h == -1) return -1;
  return discard_entry(ts, as_set(o), key, h);
}

bool set_next(Object* o, size_t* pos, Object** key) {
  SetEntry e;
  if (!next_entry(as_set(o), pos, &e)) return false;
  *key = e.key;
  return true;
}

namespace {

void set_clear_table(Set* s) {
  // The set is empty before any key is released (a finalizer may look at
  // it); the keys are read from the old table, or a copy of the inline one.
  SetEntry* table = s->table;
  int64_t size = s->mask + 1;
  SetEntry copy[8];
  bool inline_table = table == s->small;
  if (inline_table) {
    std::copy(s->small, s->small + 8, copy);
    table = copy;
  }
  std::memset(s->small, 0, sizeof s->small);
  s->table = s->small;
  s->mask = 7;
  s->fill = s->used = 0;
  for (int64_t i = 0; i < size; ++i)
    if (table[i].key && table[i].key != &g_dummy) decref(table[i].key);
  if (!inline_table) mem_free(table);
}

void set_dealloc(Object* o) {
  clear_weakrefs(o);
  // Nothing can see a dying set: release the keys in place, stopping at the last one.
  Set* s = as_set(o);
  for (SetEntry* e = s->table; s->used > 0; ++e)
    if (e->key && e->key != &g_dummy) {
      --s->used;
      decref(e->key);
    }
  if (s->table != s->small) mem_free(s->table);
  s->table = s->small;
  if (o->ob_type == &set_type || o->ob_type == &frozenset_type) free_object(o);
  else object_default_dealloc(o);
}

int set_traverse(Object* o, VisitFn visit, void* arg) {
  size_t pos = 0;
  Object* k;
  while (set_next(o, &pos, &k))
    if (visit(k, arg)) return 1;
  return 0;
}

Object* set_repr(ThreadState* ts, Object* o) {
  bool frozen = !is_subtype(o->ob_type, &set_type);
  std::string tname = type_name(o->ob_type);
  if (set_size(o) == 0) return str_from(ts, tname + "()");
  int rec = repr_enter(ts, o);
  if (rec != 0) return rec > 0 ? str_from(ts, tname + "(...)") : nullptr;
  StrBuilder b;
  bool plain = o->ob_type == &set_type;
  if (!plain) b.append(tname + "(");
  b.append("{");
  size_t pos = 0;
  Object* k;
  bool first = true;
  bool ok = true;
  while (set_next(o, &pos, &k)) {
    if (!first) b.append(", ");
    first = false;
    Ref r = Ref::steal(repr(ts, k));
    if (!r) {
      ok = false;
      break;
    }
    b.append_str(ts, r.get());
  }
  repr_leave(ts, o);
  if (!ok) return nullptr;
  b.append("}");
  if (!plain) b.append(")");
  (void)frozen;
  return b.finish(ts);
}

int64_t set_len(ThreadState*, Object* o) { return set_size(o); }
int set_contains_slot(ThreadState* ts, Object* o, Object* k) { return set_contains(ts, o, k); }

struct SetIter : Object {
  Object* set = nullptr;
  size_t pos = 0;
  int64_t used_at_start = 0;
  int64_t remaining = 0;
};

Object* set_iter(ThreadState* ts, Object* o) {
  auto* it = static_cast<SetIter*>(alloc_object(ts, &set_iterator_type, sizeof(SetIter)));
  if (!it) return nullptr;
  it->set = new_ref(o);
  it->used_at_start = set_size(o);
  it->remaining = set_size(o);
  return it;
}

Object* set_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<SetIter*>(o);
  if (!it->set) return nullptr;
  if (set_size(it->set) != it->used_at_start) {
    it->used_at_start = -1;
    return raise(ts, &exc::RuntimeError, "Set changed size during iteration");
  }
  Object* k;
  if (set_next(it->set, &it->pos, &k)) {
    it->remaining--;
    return new_ref(k);
  }
  clear_ref(it->set);
  return nullptr;
}

// The count left while the set keeps its size, else 0 (as CPython).
int64_t set_iter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<SetIter*>(o);
  return it->set && set_size(it->set) == it->used_at_start ? it->remaining : 0;
}
const MethodDef set_iter_methods[] = {SPINDLE_LENGTH_HINT(set_iter_remaining), {}};

void set_iter_dealloc(Object* o) {
  xdecref(static_cast<SetIter*>(o)->set);
  free_object(o);
}

Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

// Result type of a binary set operation: the left operand's base kind.
Type* result_type(Object* a) { return is_subtype(a->ob_type, &set_type) ? &set_type : &frozenset_type; }

Object* copy_as(ThreadState* ts, Object* src, Type* type) {
  Object* r = make_set(ts, type);
  if (r && merge_set(ts, as_set(r), as_set(src)) < 0) {
    decref(r);
    return nullptr;
  }
  return r;
}

Object* set_intersection2(ThreadState* ts, Object* a, Object* other, Type* type) {
  Ref result = Ref::steal(make_set(ts, type));
  if (!result) return nullptr;
  if (is_anyset(other)) {
    Object* big = a;
    Object* small = other;
    if (set_size(other) > set_size(a)) std::swap(big, small);
    size_t pos = 0;
    SetEntry e;
    while (next_entry(as_set(small), &pos, &e)) {
      Ref k = Ref::borrow(e.key);
      SetEntry* f = find_entry(ts, as_set(big), k.get(), e.hash);
      if (!f && runtime::has_exception(ts)) return nullptr;
      if (f && add_entry(ts, as_set(result.get()), k.get(), e.hash) < 0) return nullptr;
    }
    return result.release();
  }
  Ref it = Ref::steal(get_iter(ts, other));
  if (!it) return nullptr;
  while (Object* k = iter_next(ts, it.get())) {
    Ref key = Ref::steal(k);
    int c = set_contains(ts, a, k);
    if (c < 0 || (c && set_add(ts, result.get(), k) < 0)) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return result.release();
}

Object* set_difference2(ThreadState* ts, Object* a, Object* other, Type* type) {
  // A small `other` is removed from a copy (which keeps a's table layout,
  // hence its iteration order), as CPython does.
  if (is_anyset(other) && (set_size(a) >> 2) > set_size(other)) {
    Ref result = Ref::steal(copy_as(ts, a, type));
    if (!result) return nullptr;
    size_t pos = 0;
    SetEntry e;
    while (next_entry(as_set(other), &pos, &e)) {
      Ref key = Ref::borrow(e.key);
      if (discard_entry(ts, as_set(result.get()), e.key, e.hash) < 0) return nullptr;
    }
    return result.release();
  }
  Ref result = Ref::steal(make_set(ts, type));
  if (!result) return nullptr;
  Ref o = Ref::borrow(other);
  if (!is_anyset(other) && other->ob_type != &dict_type) {
    o = Ref::steal(set_new(ts, other));
    if (!o) return nullptr;
  }
  size_t pos = 0;
  SetEntry e;
  while (next_entry(as_set(a), &pos, &e)) {
    Ref k = Ref::borrow(e.key);
    int c = is_anyset(o.get()) ? (find_entry(ts, as_set(o.get()), k.get(), e.hash) != nullptr)
                               : dict_contains(ts, o.get(), k.get());
    if (runtime::has_exception(ts)) return nullptr;
    if (!c && add_entry(ts, as_set(result.get()), k.get(), e.hash) < 0) return nullptr;
  }
  return result.release();
}

Object* set_symdiff2(ThreadState* ts, Object* a, Object* other, Type* type) {
  Ref result = Ref::steal(make_set(ts, type));
  if (!result || set_update(ts, result.get(), other) < 0) return nullptr;
  size_t pos = 0;
  SetEntry e;
  while (next_entry(as_set(a), &pos, &e)) {
    Ref k = Ref::borrow(e.key);
    int d = discard_entry(ts, as_set(result.get()), k.get(), e.hash);
    if (d < 0) return nullptr;
    if (!d && add_entry(ts, as_set(result.get()), k.get(), e.hash) < 0) return nullptr;
  }
  return result.release();
}

Object* binop(ThreadState* ts, Object* a, Object* b, int op) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(py_not_implemented());
  Type* t = result_type(a);
  switch (op) {
    case 0: return set_intersection2(ts, a, b, t);
    case 1: {
      Ref r = Ref::steal(copy_as(ts, a, t));
      if (!r || set_update(ts, r.get(), b) < 0) return nullptr;
      return r.release();
    }
    case 2: return set_difference2(ts, a, b, t);
    default: return set_symdiff2(ts, a, b, t);
  }
}
Object* set_and(ThreadState* ts, Object* a, Object* b) { return binop(ts, a, b, 0); }
Object* set_or(ThreadState* ts, Object* a, Object* b) { return binop(ts, a, b, 1); }
Object* set_sub(ThreadState* ts, Object* a, Object* b) { return binop(ts, a, b, 2); }
Object* set_xor(ThreadState* ts, Object* a, Object* b) { return binop(ts, a, b, 3); }

// In-place forms replace the contents of `a`.
Object* inplace(ThreadState* ts, Object* a, Object* b, int op) {
  if (!is_anyset(b)) return new_ref(py_not_implemented());
  if (op == 1) {
    if (set_update(ts, a, b) < 0) return nullptr;
    return new_ref(a);
  }
  Ref r = Ref::steal(binop(ts, a, b, op));
  if (!r) return nullptr;
  set_clear_table(as_set(a));
  if (merge_set(ts, as_set(a), as_set(r.get())) < 0) return nullptr;
  return new_ref(a);
}
Object* set_iand(ThreadState* ts, Object* a, Object* b) { return inplace(ts, a, b, 0); }
Object* set_ior(ThreadState* ts, Object* a, Object* b) { return inplace(ts, a, b, 1); }
Object* set_isub(ThreadState* ts, Object* a, Object* b) { return inplace(ts, a, b, 2); }
Object* set_ixor(ThreadState* ts, Object* a, Object* b) { return inplace(ts, a, b, 3); }

// Every key of a is in b: looked up with the hashes a's entries keep.
int issubset(ThreadState* ts, Object* a, Object* b) {
  if (set_size(a) > set_size(b)) return 0;
  size_t pos = 0;
  SetEntry e;
  while (next_entry(as_set(a), &pos, &e)) {
    Ref key = Ref::borrow(e.key);  // an __eq__ may change a
    if (!find_entry(ts, as_set(b), e.key, e.hash)) return runtime::has_exception(ts) ? -1 : 0;
  }
  return 1;
}

Object* set_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(py_not_implemented());
  int r;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      r = set_size(a) == set_size(b) ? issubset(ts, a, b) : 0;
      if (r < 0) return nullptr;
      return py_bool((r == 1) == (op == CompareOp::Eq));
    case CompareOp::Le: r = issubset(ts, a, b); break;
    case CompareOp::Ge: r = issubset(ts, b, a); break;
    case CompareOp::Lt: r = set_size(a) < set_size(b) ? issubset(ts, a, b) : 0; break;
    default: r = set_size(a) > set_size(b) ? issubset(ts, b, a) : 0; break;
  }
  if (r < 0) return nullptr;
  return py_bool(r);
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

int64_t frozenset_hash(ThreadState*, Object* o) {
  Set* s = as_set(o);
  if (s->hash != -1) return s->hash;
  uint64_t h = 0;
  for (int64_t i = 0; i <= s->mask; ++i) {
    SetEntry e = s->table[i];
    h ^= shuffle_bits(e.key ? static_cast<uint64_t>(e.hash) : 0);
  }
  if ((s->mask + 1 - s->fill) & 1) h ^= shuffle_bits(0);
  if ((s->fill - s->used) & 1) h ^= shuffle_bits(static_cast<uint64_t>(-1));
  h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ULL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923ULL;
  if (h == static_cast<uint64_t>(-1)) h = 590923713ULL;
  s->hash = static_cast<int64_t>(h);
  return s->hash;
}

// --- methods ----------------------------------------------------------------
Object* m_add(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (set_add(ts, self, args[0]) < 0) return nullptr;
  return py_none();
}
Object* m_discard(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (set_discard(ts, self, args[0]) < 0) return nullptr;
  return py_none();
}
Object* m_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = set_discard(ts, self, args[0]);
  if (r < 0) return nullptr;
  if (r == 0) return raise_key_error_for(ts, args[0]);
  return py_none();
}
Object* m_pop(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Set* s = as_set(self);
  for (int64_t i = 0; i <= s->mask; ++i) {
    SetEntry* e = &s->table[i];
    if (e->key && e->key != &g_dummy) {
      Object* k = e->key;
      e->key = &g_dummy;
      e->hash = -1;
      s->used--;
      return k;
    }
  }
  return raise(ts, &exc::KeyError, "pop from an empty set");
}
Object* m_clear(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  set_clear_table(as_set(self));
  return py_none();
}
Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (self->ob_type == &frozenset_type) return new_ref(self);
  return copy_as(ts, self, result_type(self));
}
// Methods taking any number of iterables.
template <int Op>
Object* m_multi(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  Ref r = Ref::steal(copy_as(ts, self, result_type(self)));
  if (!r) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Object* next = nullptr;
    if (Op == 1) {
      if (set_update(ts, r.get(), args[i]) < 0) return nullptr;
      continue;
    }
    if (Op == 0) next = set_intersection2(ts, r.get(), args[i], result_type(self));
    else if (Op == 2) next = set_difference2(ts, r.get(), args[i], result_type(self));
    else next = set_symdiff2(ts, r.get(), args[i], result_type(self));
    if (!next) return nullptr;
    r = Ref::steal(next);
  }
  return r.release();
}
template <int Op>
Object* m_update_multi(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  Ref r = Ref::steal(m_multi<Op>(ts, self, args, nargs, kw));
  if (!r) return nullptr;
  set_clear_table(as_set(self));
  if (merge_set(ts, as_set(self), as_set(r.get())) < 0) return nullptr;
  return py_none();
}
Object* m_issubset(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref o = Ref::borrow(args[0]);
  if (!is_anyset(args[0]) && !(o = Ref::steal(set_new(ts, args[0])))) return nullptr;
  int r = issubset(ts, self, o.get());
  return r < 0 ? nullptr : py_bool(r);
}
Object* m_issuperset(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref o = Ref::borrow(args[0]);
  if (!is_anyset(args[0]) && !(o = Ref::steal(set_new(ts, args[0])))) return nullptr;
  int r = issubset(ts, o.get(), self);
  return r < 0 ? nullptr : py_bool(r);
}
Object* m_isdisjoint(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref r = Ref::steal(set_intersection2(ts, self, args[0], &set_type));
  if (!r) return nullptr;
  return py_bool(set_size(r.get()) == 0);
}
Object* m_contains(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = set_contains(ts, self, args[0]);
  return r < 0 ? nullptr : py_bool(r);
}

// (type(self), (list(self),), __dict__ or None): what pickle and copy use.
Object* m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref items = Ref::steal(sequence_list(ts, self));
  if (!items) return nullptr;
  Ref args = Ref::steal(tuple_pack(ts, {items.get()}));
  if (!args) return nullptr;
  Object* dict = nullptr;
  if (Object** slot = instance_dict_ptr(self); slot && *slot) {
    dict = instance_dict_borrowed(ts, self);
    if (!dict) return nullptr;
  }
  return tuple_pack(ts, {self->ob_type, args.get(), dict ? dict : py_none()});
}

const MethodDef set_methods[] = {
    {"__reduce__", m_reduce, kMethNoArgs},
    {"add", m_add, kMethO},
    {"discard", m_discard, kMethO},
    {"remove", m_remove, kMethO},
    {"pop", m_pop, kMethNoArgs},
    {"clear", m_clear, kMethNoArgs},
    {"copy", m_copy, kMethNoArgs},
    {"union", m_multi<1>, kMethFast},
    {"intersection", m_multi<0>, kMethFast},
    {"difference", m_multi<2>, kMethFast},
    {"symmetric_difference", m_multi<3>, kMethFast},
    {"update", m_update_multi<1>, kMethFast},
    {"intersection_update", m_update_multi<0>, kMethFast},
    {"difference_update", m_update_multi<2>, kMethFast},
    {"symmetric_difference_update", m_update_multi<3>, kMethFast},
    {"issubset", m_issubset, kMethO},
    {"issuperset", m_issuperset, kMethO},
    {"isdisjoint", m_isdisjoint, kMethO},
    {"__contains__", m_contains, kMethO},
    {"__class_getitem__", class_getitem, kMethO | kMethClass},
    {},
};

const MethodDef frozenset_methods[] = {
    {"copy", m_copy, kMethNoArgs},
    {"__reduce__", m_reduce, kMethNoArgs},
    {"union", m_multi<1>, kMethFast},
    {"intersection", m_multi<0>, kMethFast},
    {"difference", m_multi<2>, kMethFast},
    {"symmetric_difference", m_multi<3>, kMethFast},
    {"issubset", m_issubset, kMethO},
    {"issuperset", m_issuperset, kMethO},
    {"isdisjoint", m_isdisjoint, kMethO},
    {"__contains__", m_contains, kMethO},
    {"__class_getitem__", class_getitem, kMethO | kMethClass},
    {},
};

Object* set_new_slot(ThreadState* ts, Type* type, Object* const*, size_t, Object*) { return make_set(ts, type); }

int set_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "set", nargs, kwnames, 0, 1) < 0) return -1;
  if (as_set(self)->fill) set_clear_table(as_set(self));  // set.__init__ on a set in use
  return nargs ? set_update(ts, self, args[0]) : 0;
}

Object* frozenset_new_slot(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "frozenset", nargs, kwnames, 0, 1) < 0) return nullptr;
  if (type == &frozenset_type && nargs && args[0]->ob_type == &frozenset_type) return new_ref(args[0]);
  Ref s = Ref::steal(make_set(ts, type));
  if (!s || (nargs && set_update(ts, s.get(), args[0]) < 0)) return nullptr;
  return s.release();
}

void init_common(Type& t) {
  t.basicsize = sizeof(Set);
  t.weaklistoffset = offsetof(Set, weaklist);
  t.dealloc = set_dealloc;
  t.traverse = set_traverse;
  t.clear = [](Object* o) {
    set_clear_table(as_set(o));
    return 0;
  };
  t.repr = set_repr;
  t.richcompare = set_richcompare;
  t.mp_length = set_len;
  t.sq_contains = set_contains_slot;
  t.iter = set_iter;
  t.nb_and = set_and;
  t.nb_or = set_or;
  t.nb_subtract = set_sub;
  t.nb_xor = set_xor;
}

}  // namespace

// dict_keys / dict_items set operations and comparisons (dict.cpp).
Object* view_setop(ThreadState* ts, Object* a, Object* b, int op) {
  Ref sa = Ref::steal(set_new(ts, a));
  if (!sa) return nullptr;
  Ref sb = Ref::borrow(b);
  if (!is_anyset(b)) {
    sb = Ref::steal(set_new(ts, b));
    if (!sb) {
      if (!runtime::exception_matches(ts, &exc::TypeError)) return nullptr;
      runtime::clear_exception(ts);
      return new_ref(py_not_implemented());
    }
  }
  return binop(ts, sa.get(), sb.get(), op);
}

Object* view_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  bool b_ok = is_anyset(b) || b->ob_type == a->ob_type;
  if (!b_ok) return new_ref(py_not_implemented());
  Ref sa = Ref::steal(set_new(ts, a));
  Ref sb = Ref::steal(set_new(ts, b));
  if (!sa || !sb) return nullptr;
  return set_richcompare(ts, sa.get(), sb.get(), op);
}

void init_set_type(Type& t) {
  init_common(t);
  t.name = "set";
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.nb_inplace_and = set_iand;
  t.nb_inplace_or = set_ior;
  t.nb_inplace_subtract = set_isub;
  t.nb_inplace_xor = set_ixor;
  t.new_ = set_new_slot;
  t.init = set_init;
  t.methods = set_methods;
}

void init_frozenset_type(Type& t) {
  init_common(t);
  t.name = "frozenset";
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.hash = frozenset_hash;
  t.new_ = frozenset_new_slot;
  t.methods = frozenset_methods;
}

void init_set_iterator_type(Type& t) {
  t.name = "set_iterator";
  t.basicsize = sizeof(SetIter);
  t.dealloc = set_iter_dealloc;
  t.iter = self_iter;
  t.iternext = set_iter_next;
  t.methods = set_iter_methods;
}

}  // namespace spindle::objects
