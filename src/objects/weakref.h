// Weak references: weakref.ref (ReferenceType) and weakref.proxy objects,
// and the per-object lists the runtime clears when a referent dies.
//
// Invariants:
//   * An object supports weak references iff its type's weaklistoffset != 0;
//     the word there heads a doubly linked list of the WeakRef objects that
//     refer to it (borrowed links: a weakref unlinks itself when it dies).
//   * The list starts with the object's basic ref (no callback, exact type)
//     and basic proxy if they exist; refs with callbacks follow, newest first,
//     so callbacks run newest first as in CPython.
//   * `referent` is borrowed and is nullptr once the referent died; the
//     referent's dealloc (clear_weakrefs) and the collector (for objects in
//     garbage cycles) detach every weakref before the referent's fields go.
#pragma once

#include <vector>

#include "objects/type.h"

namespace spindle::objects {

extern Type weakref_type;         // weakref.ReferenceType (weakref.ref)
extern Type weakproxy_type;       // weakref.ProxyType
extern Type weakcallableproxy_type;  // weakref.CallableProxyType

struct WeakRef : Object {
  Object* referent = nullptr;  // borrowed; nullptr once dead
  Object* callback = nullptr;  // owned, or nullptr
  int64_t hash = -1;
  WeakRef* prev = nullptr;
  WeakRef* next = nullptr;
};

[[nodiscard]] inline Object** weaklist_ptr(Object* o) {
  int64_t off = o->ob_type->weaklistoffset;
  return off > 0 ? reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off) : nullptr;
}

// weakref.ref(o, callback) of type `type` (a subclass of ref allowed).
[[nodiscard]] Object* weakref_new(ThreadState* ts, Type* type, Object* o, Object* callback);
[[nodiscard]] Object* weakproxy_new(ThreadState* ts, Object* o, Object* callback);
[[nodiscard]] int64_t weakref_count(Object* o);
[[nodiscard]] Object* weakref_list(ThreadState* ts, Object* o);  // getweakrefs(o)

// The referent is dying: detach every weakref, then call the callbacks
// (errors reported as unraisable). Called by deallocs of referent types.
void clear_weakrefs(Object* o);
// For the collector: detaches the weakrefs of `o` without calling anything;
// the weakrefs with callbacks are appended to *with_callbacks (new refs).
void detach_weakrefs(Object* o, std::vector<Object*>* with_callbacks);
// Calls `wr`'s callback with wr, reporting an error as unraisable.
void call_weakref_callback(ThreadState* ts, Object* wr);

}  // namespace spindle::objects
