// What the rest of the runtime needs of `object` and `type` beyond type.h:
// the two root types, instance dicts, default slot implementations builtin
// types reuse, and the entry points of class creation.
//
// Invariants: an instance has a __dict__ iff its type's dictoffset != 0; the
// dict pointer at that offset is owned by the instance and created lazily.
// For a Python class (Type::cached_keys set: SharedKeys, see dict.h) that slot
// holds nullptr (no attributes yet), the instance's InstanceValues tagged
// with the low bit (attributes, no dict object), or a Dict (materialized by
// `__dict__`, or because the attributes no longer fit the shared keys). The
// values are always described by the current class's keys: __class__
// assignment materializes the dict first. Only the instance_attr_* functions
// and instance_dict_borrowed look inside the slot.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/alloc.h"
#include "objects/type.h"

namespace spindle::objects {

struct InstanceValues;

extern Type object_type;

// Heap types: a Type followed by what a Python class owns.
struct HeapType : Type {
  Object* module_name = nullptr;  // unused for now (__module__ lives in the dict)
  MemberDef* slot_members = nullptr;  // __slots__ member table (owned, mem_alloc)
  // The Python __init__ that CALL_ALLOC_AND_ENTER_INIT enters (strong),
  // recorded when it specialized; valid while version_tag is the version
  // the instruction cached (a class change gives a new one).
  Object* spec_init = nullptr;
  // Likewise the Python __call__ that CALL_PY_INSTANCE enters for instances.
  Object* spec_call = nullptr;
};

// dictoffset of classes whose instances are variable-sized (subclasses of
// tuple, ...): the dict pointer is the last word of the instance's memory
// block. Such instances must be allocated by type_generic_alloc (or at least
// with type->basicsize + n * itemsize bytes from alloc_object).
inline constexpr int64_t kDictAtEnd = -1;

// The instance's dict pointer slot, or nullptr if instances have none.
[[nodiscard]] inline Object** instance_dict_ptr(Object* o) {
  int64_t off = o->ob_type->dictoffset;
  if (off == 0) return nullptr;
  if (off == kDictAtEnd) {
    size_t end = mem_usable_size(o) & ~(sizeof(Object*) - 1);  // type_generic_alloc rounded the size up
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + end - sizeof(Object*));
  }
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
}
// The instance's __dict__, created on demand: borrowed, or nullptr (error set
// only if creation failed; no dict at all -> nullptr without exception).
[[nodiscard]] Object* instance_dict_borrowed(ThreadState* ts, Object* o);

// What instance_dict_ptr points at, for a type whose dictoffset is positive
// (the specialized attribute forms: their type version guard pins it).
[[nodiscard]] inline Object** instance_dict_ptr_fixed(Object* o) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + o->ob_type->dictoffset);
}
[[nodiscard]] inline Object* instance_dict_slot_fixed(Object* o) { return *instance_dict_ptr_fixed(o); }
// A __slots__ member's field, `offset` bytes into the instance.
[[nodiscard]] inline Object** member_field(Object* o, size_t offset) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + offset);
}

// Tagging of the inline values in a dict slot.
[[nodiscard]] inline bool slot_holds_values(Object* p) { return (reinterpret_cast<uintptr_t>(p) & 1) != 0; }
[[nodiscard]] inline InstanceValues* slot_values(Object* p) {
  return reinterpret_cast<InstanceValues*>(reinterpret_cast<uintptr_t>(p) & ~uintptr_t{1});
}
[[nodiscard]] inline Object* values_slot(InstanceValues* v) {
  return reinterpret_cast<Object*>(reinterpret_cast<uintptr_t>(v) | 1);
}
// Instance attributes, for instances with a dict slot (instance_dict_ptr(o)
// non-null). name: a str.
// Lookup: a new reference, or nullptr (absent, or an error is set).
[[nodiscard]] Object* instance_attr_lookup(ThreadState* ts, Object* o, Object* name);
// Store (value non-null) or delete: 0 done, 1 deleting an absent name (no
// exception), -1 error.
[[nodiscard]] int instance_attr_store(ThreadState* ts, Object* o, Object* name, Object* value);
// Releases what the slot holds (dealloc, __dict__ replacement) and sets it.
void instance_dict_slot_reset(Object** slot, Object* new_value);

// Default slots builtin types may set or call.
[[nodiscard]] Object* object_generic_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs,
                                         Object* kwnames);  // object.__new__ without the arg checks
[[nodiscard]] int64_t object_generic_hash(ThreadState* ts, Object* o);  // identity hash
[[nodiscard]] Object* object_default_repr(ThreadState* ts, Object* o);  // <mod.Qual object at 0x...>
void object_default_dealloc(Object* o);  // decref the __dict__ / __slots__ of a heap instance, free
// tp_alloc: zeroed memory for an instance (with `nitems` variable items).
[[nodiscard]] Object* type_generic_alloc(ThreadState* ts, Type* type, size_t nitems);

// type(name, bases, dict) with metaclass `meta` (what __build_class__ ends in
// when the metaclass is `type`).
[[nodiscard]] Object* type_new(ThreadState* ts, Type* meta, Object* name, Object* bases, Object* dict,
                               Object* kwnames_dict);
// Whether instances of `oldto` may become instances of `newto` (__class__
// assignment) or a class's base may change from oldto to newto (__bases__):
// the same deallocation and memory layout. Otherwise TypeError
// "<attr> assignment: ... differs from ..." and false.
[[nodiscard]] bool compatible_for_assignment(ThreadState* ts, Type* oldto, Type* newto, const char* attr);
// The most derived metaclass of `meta` and the metaclasses of `bases`
// (borrowed), or nullptr with TypeError "metaclass conflict: ...".
[[nodiscard]] Type* calculate_metaclass(ThreadState* ts, Type* meta, Object* bases);
// __qualname__ / __module__ of a type as new str references.
[[nodiscard]] Object* type_qualname(ThreadState* ts, Type* t);
[[nodiscard]] Object* type_module(ThreadState* ts, Type* t);
// The __name__ of a type as UTF-8 (valid while the type lives).
[[nodiscard]] const char* type_name_utf8(ThreadState* ts, Type* t);

// `X | Y` of types: types.UnionType (its __args__ flattened, deduplicated).
extern Type union_type;
[[nodiscard]] Object* union_args_borrowed(Object* u);

// super(type, obj) for the zero-argument form resolved by the VM.
extern Type super_type;
// super(start, obj).name's lookup: the first class after `start` in the MRO
// of `obj_type` whose dict has `name`; that value (borrowed), or nullptr.
[[nodiscard]] Object* super_lookup_borrowed(ThreadState* ts, Type* start, Type* obj_type, Object* name);
[[nodiscard]] Object* super_new_with(ThreadState* ts, Type* type, Object* obj);

}  // namespace spindle::objects
