// The polymorphic attribute cache: LOAD_ATTR_POLY, the form of a LOAD_ATTR
// site that has seen instances of several classes, finds there how to load
// its name from the class at hand (docs/internals/specialization.md).
//
// The class the site specialized on keeps its plan in the instruction's own
// caches, as the monomorphic member would, so a site that mostly sees one
// class pays one compare more. The others are looked up in the thread's
// table (ThreadState::attr_poly), indexed by a hash of (type version, name,
// method bit). A plan says what the monomorphic member would have cached for
// that class: the kind of load, the inline-values index or the class
// attribute, the shared-keys count. Type versions are never reused and
// names are interned (immortal), so an entry that matches is right as long
// as the class keeps its version; a class change gives it a new version and
// its old entries never match again.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/runtime.h"

namespace spindle::vm {

// Which monomorphic LOAD_ATTR member an entry stands for.
enum class AttrPolyKind : uint8_t {
  InstanceValue,     // LOAD_ATTR_INSTANCE_VALUE
  MethodWithValues,  // LOAD_ATTR_METHOD_WITH_VALUES
  MethodNoDict,      // LOAD_ATTR_METHOD_NO_DICT
  ValueWithValues,   // LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
  ValueNoDict,       // LOAD_ATTR_NONDESCRIPTOR_NO_DICT
};
// The class attribute kinds that guard on the shared-keys count (their
// value), and those that push it with the instance as self.
[[nodiscard]] constexpr bool attr_poly_with_values(AttrPolyKind k) {
  return k == AttrPolyKind::MethodWithValues || k == AttrPolyKind::ValueWithValues;
}
[[nodiscard]] constexpr bool attr_poly_binds(AttrPolyKind k) {
  return k == AttrPolyKind::MethodWithValues || k == AttrPolyKind::MethodNoDict;
}

// A plan packed in 32 bits (an entry's, or LOAD_ATTR_POLY's inline one):
// the kind above the value (the inline-values index, or the class's
// shared-keys count for the *WithValues kinds).
inline constexpr uint32_t kAttrPolyValueMask = 0xFFFFFF;
[[nodiscard]] constexpr uint32_t attr_poly_pack(AttrPolyKind kind, uint32_t value) {
  return static_cast<uint32_t>(kind) << 24 | value;
}
[[nodiscard]] constexpr AttrPolyKind attr_poly_kind(uint32_t plan) { return static_cast<AttrPolyKind>(plan >> 24); }
[[nodiscard]] constexpr uint32_t attr_poly_value(uint32_t plan) { return plan & kAttrPolyValueMask; }

[[nodiscard]] inline size_t attr_poly_slot(uint32_t version, objects::Object* name, bool method) {
  size_t h = (static_cast<size_t>(version) * 2654435761u) ^ (reinterpret_cast<uintptr_t>(name) >> 4) ^ (method ? 0x9e37u : 0u);
  return h & (runtime::kAttrPolySize - 1);
}

// Plans the load for type(owner) as the LOAD_ATTR specializer would and
// enters it; nullptr when the plan is not one of the kinds above.
const runtime::AttrPolyEntry* attr_poly_enter(runtime::ThreadState* ts, objects::Object* owner, objects::Object* name,
                                              bool method);

// The entry for (type(owner), name, method), entered now if missing.
[[nodiscard]] inline const runtime::AttrPolyEntry* attr_poly_find(runtime::ThreadState* ts, objects::Object* owner,
                                                                  objects::Object* name, bool method) {
  uint32_t version = owner->ob_type->version_tag;
  const runtime::AttrPolyEntry& e = ts->attr_poly[attr_poly_slot(version, name, method)];
  if (e.type_version == version && version != 0 && e.name == name && e.method == method) return &e;
  return attr_poly_enter(ts, owner, name, method);
}

}  // namespace spindle::vm
