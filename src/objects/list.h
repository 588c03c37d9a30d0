// list: a growable array of references.
//
// Invariants: items[0..size) are non-null owned references; allocated >=
// size; growth over-allocates like CPython (n + n/8 + 6, rounded) so appends
// are amortized O(1). Only list.cpp changes a list's fields.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/type.h"

namespace spindle::objects {

extern Type list_type;
extern Type list_iterator_type;

// A list iterator (forward or reversed): seq is nullptr once exhausted.
struct ListIter : Object {
  Object* seq = nullptr;
  int64_t index = 0;
};
extern Type list_reverseiterator_type;

struct List : Object {
  int64_t size = 0;
  int64_t allocated = 0;
  Object** items = nullptr;
};

[[nodiscard]] inline bool is_list(const Object* o) { return has_flag(o->ob_type, kTypeListSubclass); }
[[nodiscard]] inline int64_t list_size(const Object* o) { return static_cast<const List*>(o)->size; }
[[nodiscard]] inline Object** list_items(Object* o) { return static_cast<List*>(o)->items; }

// A list of n null items to be filled (stealing) before it escapes.
[[nodiscard]] Object* list_new(ThreadState* ts, size_t n);
[[nodiscard]] int list_append(ThreadState* ts, Object* l, Object* v);
[[nodiscard]] int list_insert(ThreadState* ts, Object* l, int64_t where, Object* v);
[[nodiscard]] int list_extend(ThreadState* ts, Object* l, Object* iterable);
[[nodiscard]] Object* list_as_tuple(ThreadState* ts, Object* l);
[[nodiscard]] int list_sort(ThreadState* ts, Object* l, Object* key, bool reverse);

}  // namespace spindle::objects
