// set and frozenset: CPython's open-addressing table (8 slots to start,
// linear probes of 9 then perturbation, resize at 3/5 full to 4x used), so
// iteration order for non-string elements equals CPython's.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/type.h"

namespace spindle::objects {

extern Type set_type;
extern Type frozenset_type;

struct SetEntry {
  Object* key;  // nullptr = empty; the dummy marker = deleted
  int64_t hash;
};

struct Set : Object {
  int64_t fill = 0;  // active + dummy
  int64_t used = 0;  // active
  int64_t mask = 0;  // table size - 1
  SetEntry* table = nullptr;
  int64_t hash = -1;  // frozenset cache
  SetEntry small[8];
  Object* weaklist = nullptr;  // sets and frozensets support weak references
};

[[nodiscard]] inline bool is_anyset(const Object* o) {
  return o->ob_type == &set_type || o->ob_type == &frozenset_type || is_subtype(o->ob_type, &set_type) ||
         is_subtype(o->ob_type, &frozenset_type);
}
[[nodiscard]] inline int64_t set_size(Object* o) { return static_cast<Set*>(o)->used; }

// A new set (or frozenset) from an iterable (nullptr = empty).
[[nodiscard]] Object* set_new(ThreadState* ts, Object* iterable);
[[nodiscard]] Object* frozenset_new(ThreadState* ts, Object* iterable);
[[nodiscard]] int set_add(ThreadState* ts, Object* s, Object* key);
[[nodiscard]] int set_contains(ThreadState* ts, Object* s, Object* key);
[[nodiscard]] int set_discard(ThreadState* ts, Object* s, Object* key);  // 1 removed, 0 absent
[[nodiscard]] int set_update(ThreadState* ts, Object* s, Object* iterable);
[[nodiscard]] bool set_next(Object* s, size_t* pos, Object** key);

}  // namespace spindle::objects
