// Type objects: a struct of slot function pointers (src/objects/type_slots.def),
// an MRO, a version tag, and the tables a builtin type declares its methods,
// members and properties in. Builtin ("static") types and Python classes
// ("heap" types) share this one struct.
//
// Invariants:
//   * A type is usable only after type_ready(): its MRO is computed, inherited
//     slots are copied from its bases, its dict holds the wrappers/descriptors
//     for its slots and tables, and (heap types) its dunders fill its slots.
//   * version_tag != 0 identifies the current state of the type's dict and of
//     its MRO's dicts. Any change to them (setattr on the class or a base,
//     __bases__ assignment) calls type_modified(), which sets the tag of the
//     type and of all its subclasses to 0; a fresh tag is assigned lazily
//     (type_assign_version). Specialized code guards on the tag.
//   * Static types are immortal and immutable after the runtime starts
//     (setting an attribute on `int` raises TypeError).
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/object.h"

namespace spindle::objects {

enum class CompareOp : uint8_t { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };

// Visitor used by traverse slots (cycle collector, issue 4).
using VisitFn = int (*)(Object* child, void* arg);

using DeallocFn = void (*)(Object* self);
using FinalizeFn = void (*)(ThreadState* ts, Object* self);
using TraverseFn = int (*)(Object* self, VisitFn visit, void* arg);
using ClearFn = int (*)(Object* self);
using UnaryFn = Object* (*)(ThreadState* ts, Object* self);
using BinaryFn = Object* (*)(ThreadState* ts, Object* a, Object* b);
using TernaryFn = Object* (*)(ThreadState* ts, Object* a, Object* b, Object* c);
using InquiryFn = int (*)(ThreadState* ts, Object* self);
using LenFn = int64_t (*)(ThreadState* ts, Object* self);
using HashFn = int64_t (*)(ThreadState* ts, Object* self);
using RichCompareFn = Object* (*)(ThreadState* ts, Object* a, Object* b, CompareOp op);
using GetAttrFn = Object* (*)(ThreadState* ts, Object* self, Object* name);
using SetAttrFn = int (*)(ThreadState* ts, Object* self, Object* name, Object* value);
using DescrGetFn = Object* (*)(ThreadState* ts, Object* descr, Object* obj, Object* type);
using DescrSetFn = int (*)(ThreadState* ts, Object* descr, Object* obj, Object* value);
using AssSubscriptFn = int (*)(ThreadState* ts, Object* self, Object* key, Object* value);
using ContainsFn = int (*)(ThreadState* ts, Object* self, Object* item);
using RepeatFn = Object* (*)(ThreadState* ts, Object* self, int64_t count);
// The calling convention of every callable ("vectorcall"): positional
// arguments args[0..nargs), then the values of the keyword arguments named by
// the tuple `kwnames` (nullptr when there are none).
using CallFn = Object* (*)(ThreadState* ts, Object* callable, Object* const* args, size_t nargs,
                           Object* kwnames);
using NewFn = Object* (*)(ThreadState* ts, Type* type, Object* const* args, size_t nargs,
                          Object* kwnames);
using InitFn = int (*)(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                       Object* kwnames);

// ---------------------------------------------------------------------------
// Tables a builtin type declares (arrays ended by an entry with name nullptr).
// ---------------------------------------------------------------------------

// A builtin function or method. `self` is the module (functions), the bound
// instance (methods) or the type (class methods). Arguments as in CallFn.
using BuiltinFn = Object* (*)(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                              Object* kwnames);

enum MethodFlag : uint32_t {
  kMethNoArgs = 1u << 0,    // takes no arguments: args are checked to be empty
  kMethO = 1u << 1,         // takes exactly one positional argument
  kMethFast = 1u << 2,      // positional arguments only (kwnames rejected)
  kMethKeywords = 1u << 3,  // positional and keyword arguments
  kMethClass = 1u << 4,     // a classmethod: self is the type
  kMethStatic = 1u << 5,    // a staticmethod: self is nullptr
};

struct MethodDef {
  const char* name = nullptr;
  BuiltinFn fn = nullptr;
  uint32_t flags = 0;
  const char* doc = nullptr;
};

// A field of the object's C++ struct exposed as an attribute.
enum class MemberKind : uint8_t { Object, ObjectOrNone, Int64, Bool, Double };
struct MemberDef {
  const char* name = nullptr;
  MemberKind kind = MemberKind::Object;
  size_t offset = 0;
  bool readonly = true;
  const char* doc = nullptr;
};

// A computed attribute.
using GetterFn = Object* (*)(ThreadState* ts, Object* self);
using SetterFn = int (*)(ThreadState* ts, Object* self, Object* value);  // value nullptr = delete
struct GetSetDef {
  const char* name = nullptr;
  GetterFn get = nullptr;
  SetterFn set = nullptr;
  const char* doc = nullptr;
};

enum TypeFlag : uint64_t {
  kTypeReady = 1ull << 0,
  kTypeHeap = 1ull << 1,           // a Python class (mutable, refcounted)
  kTypeBaseType = 1ull << 2,       // may be subclassed
  kTypeHaveGC = 1ull << 3,         // instances are tracked by the cycle collector
  kTypeImmutable = 1ull << 4,      // attributes cannot be set (static types)
  kTypeAbstract = 1ull << 5,       // has abstract methods (abc)
  kTypeSequence = 1ull << 6,       // matches sequence patterns
  kTypeMapping = 1ull << 7,        // matches mapping patterns
  kTypeManagedDict = 1ull << 8,    // instances have a __dict__ (inline values / dict pointer)
  kTypeMethodDescriptor = 1ull << 9,  // descr_get binds like a function (LOAD_ATTR method form)
  kTypeDisallowInstantiation = 1ull << 10,
  // Fast subclass checks (set on the builtin type and inherited).
  kTypeIntSubclass = 1ull << 24,
  kTypeListSubclass = 1ull << 25,
  kTypeTupleSubclass = 1ull << 26,
  kTypeBytesSubclass = 1ull << 27,
  kTypeStrSubclass = 1ull << 28,
  kTypeDictSubclass = 1ull << 29,
  kTypeBaseExceptionSubclass = 1ull << 30,
  kTypeTypeSubclass = 1ull << 31,
};

struct Type : Object {
  const char* name = nullptr;   // static types: the tp_name ("int", "builtin_function_or_method")
  const char* doc = nullptr;
  size_t basicsize = 0;         // bytes of an instance (without the inline values / items)
  size_t itemsize = 0;          // bytes per item for variable-size instances, else 0
  uint64_t flags = 0;
  uint32_t version_tag = 0;

  Type* base = nullptr;         // the solid base (__base__)
  Object* bases = nullptr;      // tuple (__bases__)
  Object* mro = nullptr;        // tuple (__mro__)
  Object* dict = nullptr;       // the type's namespace (a dict)
  Object* subclasses = nullptr; // dict: id -> weak reference (heap types, issue 4: weakrefs)

  // Heap types: __name__, __qualname__, __module__ is in dict, __slots__.
  Object* ht_name = nullptr;
  Object* ht_qualname = nullptr;
  Object* ht_slots = nullptr;
  // Instances of this type with a __dict__: the shared keys of their split
  // dicts / inline values (a DictKeys; owned by the dicts helper's code).
  void* cached_keys = nullptr;
  // Offset of the instance's dict pointer (0 = none) and of its weakref list.
  int64_t dictoffset = 0;
  int64_t weaklistoffset = 0;
  Object* weaklist = nullptr;  // weak references to this type (heap types; see weakref.h)

  const MethodDef* methods = nullptr;
  const MemberDef* members = nullptr;
  const GetSetDef* getsets = nullptr;

#define SLOT(field, FnType, dunder, kind) FnType field = nullptr;
#include "objects/type_slots.def"
#undef SLOT

  constexpr Type() = default;
};

// The type of types.
extern Type type_type;

[[nodiscard]] inline bool has_flag(const Type* t, uint64_t f) { return (t->flags & f) != 0; }

// type_ready: completes a type (see the invariants above). -1 on error.
[[nodiscard]] int type_ready(ThreadState* ts, Type* t);
// Whether `a` is `b` or a subclass of it (by MRO).
[[nodiscard]] bool is_subtype(const Type* a, const Type* b);
[[nodiscard]] inline bool is_instance_of(const Object* o, const Type* t) {
  return o->ob_type == t || is_subtype(o->ob_type, t);
}
// Looks `name` (a str) up along the MRO's dicts: a borrowed reference or
// nullptr (no exception set).
[[nodiscard]] Object* type_lookup_borrowed(Type* t, Object* name);
// Call after changing the dict or bases of a type.
void type_modified(Type* t);
// A nonzero version tag for the type's current state (0 if none is available).
[[nodiscard]] uint32_t type_assign_version(ThreadState* ts, Type* t);
// The user-visible name (__name__) and qualified name of a type, as C++ strings.
[[nodiscard]] const char* type_name(const Type* t);

}  // namespace spindle::objects
