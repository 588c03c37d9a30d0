// tuple: an immutable array of references, items stored after the header.
//
// Invariants: a tuple is filled right after tuple_new (items start null and
// are set by stealing references) and never changes after it escapes; the
// empty tuple is an immortal singleton.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "objects/type.h"

namespace spindle::objects {

extern Type tuple_type;
extern Type tuple_iterator_type;

// A tuple iterator: seq is nullptr once exhausted.
struct TupleIter : Object {
  Object* seq = nullptr;
  int64_t index = 0;
};

struct Tuple : Object {
  int64_t size = 0;
  int64_t hash = -1;  // cached, -1 = not computed (only for exact tuples)
  Object* items[1];   // `size` items (the array is allocated to fit)
};

[[nodiscard]] inline bool is_tuple(const Object* o) { return has_flag(o->ob_type, kTypeTupleSubclass); }
[[nodiscard]] inline int64_t tuple_size(const Object* o) { return static_cast<const Tuple*>(o)->size; }
[[nodiscard]] inline Object** tuple_items(Object* o) { return static_cast<Tuple*>(o)->items; }
[[nodiscard]] inline Object* tuple_item_borrowed(Object* o, int64_t i) { return static_cast<Tuple*>(o)->items[i]; }

// A tuple of n null items to be filled (stealing) before it escapes.
[[nodiscard]] Object* tuple_new(ThreadState* ts, size_t n);
// A tuple of the given items (each increfed).
[[nodiscard]] Object* tuple_pack(ThreadState* ts, std::initializer_list<Object*> items);
// The next result of an iterator that yields n-tuples (enumerate, zip, dict
// items), taking over `items` (n new references): `cached`, when only the
// iterator still holds it (the loop unpacked and dropped the last one) —
// its old items are released after the new ones are in — else a new tuple,
// which becomes `cached` (as CPython's iterators reuse their result).
// nullptr with MemoryError (the items are released).
[[nodiscard]] Object* tuple_reuse_or_new(ThreadState* ts, Object*& cached, Object* const* items, int64_t n);
[[nodiscard]] Object* tuple_from_array(ThreadState* ts, Object* const* items, size_t n);
[[nodiscard]] Object* tuple_empty();
[[nodiscard]] Object* tuple_slice(ThreadState* ts, Object* t, int64_t start, int64_t stop);

}  // namespace spindle::objects
