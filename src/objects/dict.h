// dict: compact, insertion-ordered hash table (an index table into a dense
// entries array, CPython 3.6+'s layout).
//
// Invariants:
//   * entries[0..used_entries) are in insertion order; a deleted entry has a
//     null key and stays until the next resize; `size` counts live entries.
//   * indices[] has a power-of-two size >= 8; each slot is -1 (empty),
//     -2 (dummy: deleted) or an entry index. Probing is CPython's
//     perturbation sequence.
//   * `keys_version` names the current set of keys and their positions: 0
//     until asked for (dict_keys_version), reset to 0 whenever a key is added,
//     removed or moved. Specialized code guards on it (DESIGN §3, §6).
//   * Lookups may run arbitrary __eq__: code that iterates checks `mutations`
//     to detect a change during the call.
//
// Split tables (DESIGN §3). A class whose instances have a __dict__ owns a
// SharedKeys (Type::cached_keys): exact-str keys with their hashes, appended
// and never removed, at most kSharedKeysMax, so an index into them stays
// valid as long as the class lives (specialized attribute access caches it).
// An instance keeps its attributes as InstanceValues described by those keys:
// slots()[i] is the value of keys[i] (nullptr: absent) and order()[0..size)
// lists the present ones in insertion order. One block holds the header, the
// `capacity` value slots and then `capacity` order bytes, so a class with
// three attributes costs 8 + 24 + 3 bytes per instance. Its dict slot holds either the
// values block (a tagged pointer, see typeobject.h) or, once `__dict__` is
// asked for, a Dict. A split Dict (shared != nullptr) adopts that values block
// and stays split while its keys are exact str that fit the shared keys:
// lookup, insertion, deletion and iteration work on the split form; anything
// else converts it to the combined form first. For a split dict `indices`
// and `entries` are null and size == used_entries == values->size.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "objects/type.h"
#include "objects/typeobject.h"

namespace spindle::objects {

extern Type dict_type;

struct DictEntry {
  int64_t hash;
  Object* key;    // owned; nullptr = deleted
  Object* value;  // owned
};

inline constexpr int kSharedKeysMax = 30;

struct SharedKeys {
  std::atomic<int64_t> refcount{1};  // the class, and every split dict using them
  int32_t nentries = 0;
  int8_t indices[64];  // open addressing over hashes; -1 empty (never deleted)
  int64_t hashes[kSharedKeysMax];
  Object* keys[kSharedKeysMax];  // owned exact str
};

struct alignas(Object*) InstanceValues {
  uint8_t capacity;  // value slots (and order bytes) allocated after this header
  uint8_t size;      // present values (the length of `order`)
  [[nodiscard]] Object** slots() { return reinterpret_cast<Object**>(this + 1); }
  [[nodiscard]] uint8_t* order() { return reinterpret_cast<uint8_t*>(slots() + capacity); }
  [[nodiscard]] static size_t bytes(int capacity) {
    return sizeof(InstanceValues) + static_cast<size_t>(capacity) * (sizeof(Object*) + 1);
  }
  // Sets slot ix (< capacity) to `value`, taking its reference; a new
  // attribute goes last in the insertion order.
  void put(int ix, Object* value) {
    Object* old = slots()[ix];
    slots()[ix] = value;
    if (old) decref(old);
    else order()[size++] = static_cast<uint8_t>(ix);
  }
};
static_assert(sizeof(InstanceValues) == sizeof(Object*));

struct Dict : Object {
  int64_t size = 0;          // live entries
  int64_t used_entries = 0;  // entries slots used (live + deleted)
  int64_t capacity = 0;      // entries slots allocated
  int64_t index_size = 0;    // power of two
  int64_t* indices = nullptr;
  DictEntry* entries = nullptr;
  uint64_t mutations = 0;    // bumped on every change of keys (iteration checks)
  uint32_t keys_version = 0;
  SharedKeys* shared = nullptr;       // non-null: split (owned reference)
  InstanceValues* values = nullptr;   // the split dict's values (owned)
};

[[nodiscard]] inline bool is_dict(const Object* o) { return has_flag(o->ob_type, kTypeDictSubclass); }
[[nodiscard]] inline int64_t dict_size(Object* d) { return static_cast<Dict*>(d)->size; }

// The instance's own dict when it is a combined one (not its inline values,
// not a split dict): what the WITH_HINT attribute forms index. nullptr else.
[[nodiscard]] inline Dict* instance_combined_dict(Object* o) {
  if (o->ob_type->dictoffset <= 0) return nullptr;
  Object* slot = instance_dict_slot_fixed(o);
  if (slot == nullptr || slot_holds_values(slot) || static_cast<Dict*>(slot)->shared != nullptr) return nullptr;
  return static_cast<Dict*>(slot);
}
// Entry `hint` of that dict when it is `name` (the very object: attribute
// names are interned), else nullptr.
[[nodiscard]] inline DictEntry* instance_dict_hint_entry(Object* o, int64_t hint, Object* name) {
  Dict* d = instance_combined_dict(o);
  if (d == nullptr || hint >= d->used_entries) return nullptr;
  DictEntry* e = &d->entries[hint];
  return e->key == name ? e : nullptr;
}

[[nodiscard]] Object* dict_new(ThreadState* ts);
// The value for key (borrowed), or nullptr: missing (no exception) or error
// (exception set: check runtime::has_exception).
[[nodiscard]] Object* dict_get_item_borrowed(ThreadState* ts, Object* d, Object* key);
[[nodiscard]] Object* dict_get_item_str_borrowed(ThreadState* ts, Object* d, const char* key);
[[nodiscard]] int dict_set_item(ThreadState* ts, Object* d, Object* key, Object* value);
[[nodiscard]] int dict_set_item_str(ThreadState* ts, Object* d, const char* key, Object* value);
// -1 with KeyError if missing.
[[nodiscard]] int dict_del_item(ThreadState* ts, Object* d, Object* key);
// Removes key if present: 1 removed (value stolen into *out if non-null), 0 missing, -1 error.
[[nodiscard]] int dict_pop(ThreadState* ts, Object* d, Object* key, Object** out);
// Iterates live entries: pos starts at 0. Borrowed key/value; the hash too
// with dict_next_hashed.
[[nodiscard]] bool dict_next(Object* d, size_t* pos, Object** key, Object** value);
[[nodiscard]] bool dict_next_hashed(Object* d, size_t* pos, Object** key, Object** value, int64_t* hash);
[[nodiscard]] Object* dict_copy(ThreadState* ts, Object* d);
// d.update(other) (override) or only missing keys (!override). other: mapping
// with keys(), or a dict.
[[nodiscard]] int dict_merge(ThreadState* ts, Object* d, Object* other, bool override);
// d.update(iterable of pairs).
[[nodiscard]] int dict_merge_pairs(ThreadState* ts, Object* d, Object* iterable);
[[nodiscard]] uint32_t dict_keys_version(ThreadState* ts, Object* d);
// The entry index of an exact-str key in a combined dict whose keys are all
// exact str (a module's globals, builtins): -1 if absent, -2 if the dict or
// the key is not of that kind. Never raises (str equality cannot). Specializers cache the
// index together with the keys version.
[[nodiscard]] int64_t dict_str_entry_index(ThreadState* ts, Object* d, Object* key);
[[nodiscard]] int dict_contains(ThreadState* ts, Object* d, Object* key);
void dict_clear(Object* d);
[[nodiscard]] Object* dict_keys_list(ThreadState* ts, Object* d);
// --- shared keys and instance values ---------------------------------------
[[nodiscard]] SharedKeys* shared_keys_new(ThreadState* ts);  // nullptr + MemoryError
void shared_keys_decref(SharedKeys* k);
// The index of `key` (an exact str) in k, or -1.
[[nodiscard]] int shared_keys_index(SharedKeys* k, Object* key);
// The value of `key` (exact str): borrowed, nullptr if absent. v may be null.
[[nodiscard]] Object* values_lookup(SharedKeys* k, InstanceValues* v, Object* key);
// Sets `key` (exact str), adding it to k if it fits; *v may be null or be
// reallocated. 0 done, 1 the key does not fit (nothing changed), -1 MemoryError.
[[nodiscard]] int values_store(ThreadState* ts, SharedKeys* k, InstanceValues** v, Object* key, Object* value);
// Makes *v (null, or too small) hold index ix: a block of the class's key
// count (or twice the old capacity), at least ix + 1. 0, or -1 out of
// memory (nothing raised, *v unchanged).
[[nodiscard]] int values_reserve(SharedKeys* k, InstanceValues** v, int ix);
// Removes `key` (exact str): 1 removed (value moved to *out, or released if
// out is null), 0 absent.
int values_remove(SharedKeys* k, InstanceValues* v, Object* key, Object** out);
void values_free(InstanceValues* v);  // releases the values and the block
// A split dict that adopts `v` (may be null) described by k (a new reference
// is taken); on failure v is left to the caller.
[[nodiscard]] Object* dict_new_split(ThreadState* ts, SharedKeys* k, InstanceValues* v);

// Raises KeyError(key) (a tuple key is wrapped so str() shows it whole).
std::nullptr_t raise_key_error_for(ThreadState* ts, Object* key);

}  // namespace spindle::objects
