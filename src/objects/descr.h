// Descriptors: how a type's tables and slots appear in its __dict__, plus the
// classmethod / staticmethod / property wrappers Python code creates.
//
//   method_descriptor       MethodDef of a builtin type (list.append); binds to
//                           a builtin method object on instance access
//   classmethod_descriptor  MethodDef with kMethClass (dict.fromkeys)
//   wrapper_descriptor      a slot exposed as a dunder (<slot wrapper '__add__'
//                           of 'int' objects>); binds to a method-wrapper
//   member_descriptor       MemberDef, and __slots__ entries of classes
//   getset_descriptor       GetSetDef (__dict__, __class__, ...)
//
// Invariants: a descriptor keeps a reference to nothing but its owner type
// (static types are immortal; heap types outlive their dict's contents) and
// to its def table entry, which is static data (or, for __slots__ members,
// owned by the descriptor itself).
#pragma once

#include <cstddef>

#include "objects/type.h"

namespace spindle::objects {

extern Type method_descr_type;
extern Type classmethod_descr_type;
extern Type wrapper_descr_type;
extern Type method_wrapper_type;
extern Type member_descr_type;
extern Type getset_descr_type;
extern Type classmethod_type;
extern Type staticmethod_type;
extern Type property_type;
extern Type mappingproxy_type;

// The common head of the descriptor objects.
struct DescrObject : Object {
  Type* d_type = nullptr;     // the type whose dict holds the descriptor (owned)
  Object* d_name = nullptr;   // str, owned
  Object* d_qualname = nullptr;  // computed lazily, owned
};

struct MethodDescrObject : DescrObject {
  const MethodDef* d_method = nullptr;
};

struct MemberDescrObject : DescrObject {
  MemberDef d_member;  // a copy: __slots__ members are made at run time
};

struct GetSetDescrObject : DescrObject {
  const GetSetDef* d_getset = nullptr;
};

// How a wrapper descriptor calls its slot: one function per slot shape
// (generated from type_slots.def in typeobject.cpp).
using WrapperFn = Object* (*)(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                              Object* kwnames, void* slot_fn);
struct SlotWrapperDef {
  const char* name;     // "__add__"
  size_t slot_offset;   // offsetof(Type, field)
  WrapperFn wrapper;
  const char* doc;
};

struct WrapperDescrObject : DescrObject {
  const SlotWrapperDef* d_base = nullptr;
  void* d_wrapped = nullptr;  // the slot function of d_type
};

struct MethodWrapperObject : Object {
  WrapperDescrObject* descr = nullptr;  // owned
  Object* self = nullptr;               // owned
};

// classmethod(f) / staticmethod(f).
struct FuncWrapperObject : Object {
  Object* callable = nullptr;  // owned (__func__)
  Object* dict = nullptr;      // owned, lazily created
};

struct PropertyObject : Object {
  Object* fget = nullptr;
  Object* fset = nullptr;
  Object* fdel = nullptr;
  Object* doc = nullptr;
  Object* name = nullptr;  // set by __set_name__ (3.11 messages don't use it; kept for repr)
  bool getter_doc = false;
};

[[nodiscard]] Object* descr_new_method(ThreadState* ts, Type* owner, const MethodDef* def);
[[nodiscard]] Object* descr_new_classmethod(ThreadState* ts, Type* owner, const MethodDef* def);
[[nodiscard]] Object* descr_new_member(ThreadState* ts, Type* owner, const MemberDef* def);
[[nodiscard]] Object* descr_new_getset(ThreadState* ts, Type* owner, const GetSetDef* def);
[[nodiscard]] Object* descr_new_wrapper(ThreadState* ts, Type* owner, const SlotWrapperDef* base,
                                        void* wrapped);

[[nodiscard]] Object* classmethod_new(ThreadState* ts, Object* callable);
[[nodiscard]] Object* staticmethod_new(ThreadState* ts, Object* callable);
// The callable inside a classmethod/staticmethod (borrowed).
[[nodiscard]] inline Object* funcwrapper_callable_borrowed(Object* cm) {
  return static_cast<FuncWrapperObject*>(cm)->callable;
}

// A read-only view of a mapping (type.__dict__, types.MappingProxyType).
[[nodiscard]] Object* mappingproxy_new(ThreadState* ts, Object* mapping);

// Whether `o` is a data descriptor (its type has __set__ / __delete__).
[[nodiscard]] inline bool is_data_descriptor(const Object* o) { return o->ob_type->descr_set != nullptr; }

}  // namespace spindle::objects
