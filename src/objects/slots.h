// Slot plumbing between type objects and dunder methods (slots.cpp):
//   * builtin types: each slot a type defines itself appears in its dict as a
//     wrapper descriptor (<slot wrapper '__add__' of 'int' objects>);
//   * heap types: each slot is filled from the dunders found along the MRO,
//     either with the builtin slot function the dunder wraps (when it is a
//     wrapper descriptor of that very slot) or with a generic function that
//     looks the dunder up on the type and calls it.
// Internal to the types helper's files.
#pragma once

#include "objects/type.h"

namespace spindle::objects {

// Adds a wrapper descriptor for every non-null slot of `t` whose dunder is not
// already in t->dict (run on builtin types before inheritance). 0 / -1.
[[nodiscard]] int add_slot_wrappers(ThreadState* ts, Type* t);
// Recomputes every dunder-mapped slot of heap type `t` from its MRO.
void update_all_slots(ThreadState* ts, Type* t);
// After `name` was set/deleted on heap type `t`: updates the slots mapped to
// `name` on t and on its subclasses.
void update_slots_for_name(ThreadState* ts, Type* t, Object* name);
// Whether `name` (a str) names a slot dunder.
[[nodiscard]] bool is_slot_dunder(ThreadState* ts, Object* name);

// The hash slot of an unhashable class (__hash__ = None): raises TypeError.
[[nodiscard]] int64_t hash_not_implemented(ThreadState* ts, Object* o);

// The heap-type slot functions typeobject.cpp compares against.
[[nodiscard]] Object* slot_tp_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs,
                                  Object* kwnames);

}  // namespace spindle::objects
