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
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/type.h"

namespace spindle::objects {

extern Type dict_type;

struct DictEntry {
  int64_t hash;
  Object* key;    // owned; nullptr = deleted
  Object* value;  // owned
};

struct Dict : Object {
  int64_t size = 0;          // live entries
  int64_t used_entries = 0;  // entries slots used (live + deleted)
  int64_t capacity = 0;      // entries slots allocated
  int64_t index_size = 0;    // power of two
  int64_t* indices = nullptr;
  DictEntry* entries = nullptr;
  uint64_t mutations = 0;    // bumped on every change of keys (iteration checks)
  uint32_t keys_version = 0;
};

[[nodiscard]] inline bool is_dict(const Object* o) { return has_flag(o->ob_type, kTypeDictSubclass); }
[[nodiscard]] inline int64_t dict_size(Object* d) { return static_cast<Dict*>(d)->size; }

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
// Iterates live entries: pos starts at 0. Borrowed key/value.
[[nodiscard]] bool dict_next(Object* d, size_t* pos, Object** key, Object** value);
[[nodiscard]] Object* dict_copy(ThreadState* ts, Object* d);
// d.update(other) (override) or only missing keys (!override). other: mapping
// with keys(), or a dict.
[[nodiscard]] int dict_merge(ThreadState* ts, Object* d, Object* other, bool override);
// d.update(iterable of pairs).
[[nodiscard]] int dict_merge_pairs(ThreadState* ts, Object* d, Object* iterable);
[[nodiscard]] uint32_t dict_keys_version(ThreadState* ts, Object* d);
[[nodiscard]] int dict_contains(ThreadState* ts, Object* d, Object* key);
void dict_clear(Object* d);
[[nodiscard]] Object* dict_keys_list(ThreadState* ts, Object* d);
// Raises KeyError(key) (a tuple key is wrapped so str() shows it whole).
std::nullptr_t raise_key_error_for(ThreadState* ts, Object* key);

}  // namespace spindle::objects
