// The specializers: one per family head of src/vm/bytecodes.def (declared in
// the generated vm/specializers.h). Each looks at the live operands of the
// instruction (on the stack, as the head reads them), picks the member that
// fits and fills its caches with the versions it guards on, or leaves the
// head and says why (docs/internals/specialization.md lists every family).
#include <cstring>

#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/runtime.h"
#include "vm/code_object.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/specialize.h"
#include "vm/specializers.h"

namespace spindle::vm {

using objects::Object;
using objects::Type;

namespace {

using F = SpecFailure;

runtime::Interpreter* interp_of(ThreadState* ts) { return ts->interp; }

// The code object's co_names[i].
Object* name_at(Frame* frame, int i) { return objects::tuple_items(frame->code->names)[i]; }

bool uses_generic_getattr(Type* tp) { return tp->getattro == objects::generic_get_attr; }
bool uses_generic_setattr(Type* tp) { return tp->setattro == objects::generic_set_attr; }

}  // namespace

// ---------------------------------------------------------------------------
// LOAD_GLOBAL
// ---------------------------------------------------------------------------

void specialize_LOAD_GLOBAL(ThreadState* ts, Frame* frame, CodeUnit* instr, Object**, int oparg) {
  constexpr Op head = Op::LOAD_GLOBAL;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* name = name_at(frame, oparg >> 1);
  Object* globals = frame->globals;
  if (globals->ob_type != &objects::dict_type || frame->builtins->ob_type != &objects::dict_type) {
    return specialize_fail(interp, instr, head, F::kind);
  }
  int64_t index = objects::dict_str_entry_index(ts, globals, name);
  if (index == -2) return specialize_fail(interp, instr, head, F::kind);
  if (index >= 0) {
    uint32_t version = objects::dict_keys_version(ts, globals);
    if (index > 0xFFFF) return specialize_fail(interp, instr, head, F::out_of_range);
    instr[2] = static_cast<CodeUnit>(index);
    write_u32(instr + 3, version);
    return specialize_as(interp, instr, head, Op::LOAD_GLOBAL_MODULE);
  }
  index = objects::dict_str_entry_index(ts, frame->builtins, name);
  if (index == -2) return specialize_fail(interp, instr, head, F::kind);
  if (index < 0) return specialize_fail(interp, instr, head, F::not_found);
  if (index > 0xFFFF) return specialize_fail(interp, instr, head, F::out_of_range);
  instr[2] = static_cast<CodeUnit>(index);
  write_u32(instr + 3, objects::dict_keys_version(ts, globals));
  write_u32(instr + 5, objects::dict_keys_version(ts, frame->builtins));
  specialize_as(interp, instr, head, Op::LOAD_GLOBAL_BUILTIN);
}

// ---------------------------------------------------------------------------
// BINARY_OP, COMPARE_OP
// ---------------------------------------------------------------------------

void specialize_BINARY_OP(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::BINARY_OP;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* lhs = sp[-2];
  Object* rhs = sp[-1];
  if (lhs->ob_type != rhs->ob_type) return specialize_fail(interp, instr, head, F::mixed_kinds);
  bool is_int = lhs->ob_type == &objects::int_type, is_float = lhs->ob_type == &objects::float_type;
  using K = BinaryOpKind;
  switch (static_cast<K>(oparg)) {
    case K::ADD:
    case K::INPLACE_ADD:
      if (is_int) return specialize_as(interp, instr, head, Op::BINARY_OP_ADD_INT);
      if (is_float) return specialize_as(interp, instr, head, Op::BINARY_OP_ADD_FLOAT);
      break;
    case K::SUBTRACT:
    case K::INPLACE_SUBTRACT:
      if (is_int) return specialize_as(interp, instr, head, Op::BINARY_OP_SUBTRACT_INT);
      if (is_float) return specialize_as(interp, instr, head, Op::BINARY_OP_SUBTRACT_FLOAT);
      break;
    case K::MULTIPLY:
    case K::INPLACE_MULTIPLY:
      if (is_int) return specialize_as(interp, instr, head, Op::BINARY_OP_MULTIPLY_INT);
      if (is_float) return specialize_as(interp, instr, head, Op::BINARY_OP_MULTIPLY_FLOAT);
      break;
    default:
      break;
  }
  specialize_fail(interp, instr, head, F::kind);
}

void specialize_COMPARE_OP(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::COMPARE_OP;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* lhs = sp[-2];
  Object* rhs = sp[-1];
  if (lhs->ob_type != rhs->ob_type) return specialize_fail(interp, instr, head, F::mixed_kinds);
  if (lhs->ob_type == &objects::float_type) return specialize_as(interp, instr, head, Op::COMPARE_OP_FLOAT);
  if (lhs->ob_type == &objects::int_type) {
    if (!objects::int_is_small(lhs) || !objects::int_is_small(rhs)) return specialize_fail(interp, instr, head, F::kind);
    return specialize_as(interp, instr, head, Op::COMPARE_OP_INT);
  }
  auto cmp = static_cast<CompareOp>(compare_op_of(oparg));
  if (lhs->ob_type == &objects::str_type && (cmp == CompareOp::EQ || cmp == CompareOp::NE)) {
    return specialize_as(interp, instr, head, Op::COMPARE_OP_STR);
  }
  specialize_fail(interp, instr, head, F::kind);
}

// ---------------------------------------------------------------------------
// LOAD_ATTR, STORE_ATTR
// ---------------------------------------------------------------------------

namespace {

// The index of `name` in the class's shared keys, or -1.
int shared_index(Type* tp, Object* name) {
  if (!tp->cached_keys || !objects::is_str_exact(name)) return -1;
  return objects::shared_keys_index(static_cast<objects::SharedKeys*>(tp->cached_keys), name);
}

// Instances of tp keep their attributes inline, at a fixed dict offset.
bool has_inline_values(Type* tp) { return tp->cached_keys && tp->dictoffset > 0; }

}  // namespace

void specialize_LOAD_ATTR(ThreadState* ts, Frame* frame, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::LOAD_ATTR;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* owner = sp[-1];
  Object* name = name_at(frame, oparg >> 1);
  Type* tp = owner->ob_type;
  if (!uses_generic_getattr(tp)) return specialize_fail(interp, instr, head, F::overridden);
  uint32_t version = objects::type_assign_version(ts, tp);
  if (version == 0) return specialize_fail(interp, instr, head, F::no_version);
  Object* descr = objects::type_lookup_borrowed(tp, name);
  Type* dt = descr ? descr->ob_type : nullptr;
  bool data_descr = dt && dt->descr_get && dt->descr_set;
  if (oparg & 1) {  // method load
    if (!dt || !has_flag(dt, objects::kTypeMethodDescriptor) || data_descr) {
      return specialize_fail(interp, instr, head, F::not_implemented);
    }
    write_u32(instr + 2, version);
    write_ptr(instr + 6, descr);
    if (tp->dictoffset == 0) return specialize_as(interp, instr, head, Op::LOAD_ATTR_METHOD_NO_DICT);
    if (!has_inline_values(tp)) return specialize_fail(interp, instr, head, F::dict_form);
    if (shared_index(tp, name) >= 0) return specialize_fail(interp, instr, head, F::overridden);
    write_u32(instr + 4, static_cast<uint32_t>(static_cast<objects::SharedKeys*>(tp->cached_keys)->nentries));
    return specialize_as(interp, instr, head, Op::LOAD_ATTR_METHOD_WITH_VALUES);
  }
  if (data_descr) return specialize_fail(interp, instr, head, F::not_implemented);
  if (has_inline_values(tp)) {
    int index = shared_index(tp, name);
    if (index < 0) return specialize_fail(interp, instr, head, descr ? F::not_implemented : F::not_found);
    write_u32(instr + 2, version);
    instr[4] = static_cast<CodeUnit>(index);
    return specialize_as(interp, instr, head, Op::LOAD_ATTR_INSTANCE_VALUE);
  }
  specialize_fail(interp, instr, head, F::not_implemented);
}

void specialize_STORE_ATTR(ThreadState* ts, Frame* frame, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::STORE_ATTR;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* owner = sp[-1];
  Object* name = name_at(frame, oparg);
  Type* tp = owner->ob_type;
  if (!uses_generic_setattr(tp)) return specialize_fail(interp, instr, head, F::overridden);
  uint32_t version = objects::type_assign_version(ts, tp);
  if (version == 0) return specialize_fail(interp, instr, head, F::no_version);
  Object* descr = objects::type_lookup_borrowed(tp, name);
  if (descr && descr->ob_type->descr_set) return specialize_fail(interp, instr, head, F::not_implemented);
  if (!has_inline_values(tp)) return specialize_fail(interp, instr, head, F::dict_form);
  int index = shared_index(tp, name);
  if (index < 0) return specialize_fail(interp, instr, head, F::not_found);
  write_u32(instr + 2, version);
  instr[4] = static_cast<CodeUnit>(index);
  specialize_as(interp, instr, head, Op::STORE_ATTR_INSTANCE_VALUE);
}

// ---------------------------------------------------------------------------
// CALL
// ---------------------------------------------------------------------------

void specialize_CALL(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::CALL;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* callable = sp[-(2 + oparg)];
  Object* self_or_null = sp[-(1 + oparg)];
  if (!is_function(callable)) return specialize_fail(interp, instr, head, F::not_python_function);
  auto* func = static_cast<Function*>(callable);
  if (func->version == 0) return specialize_fail(interp, instr, head, F::no_version);
  const CodeObject& co = *as_code(func->code)->co;
  int argc = oparg + (self_or_null != nullptr);
  if ((co.flags & (CO_VARARGS | CO_VARKEYWORDS)) || co.kwonlyargcount != 0 || co.argcount != argc) {
    return specialize_fail(interp, instr, head, F::wrong_args);
  }
  write_u32(instr + 2, func->version);
  specialize_as(interp, instr, head, Op::CALL_PY_EXACT_ARGS);
}

// ---------------------------------------------------------------------------
// Families without specializers yet: their heads stay generic.
// ---------------------------------------------------------------------------

#define SPINDLE_NOT_YET(HEAD)                                                                      \
  void specialize_##HEAD(ThreadState* ts, Frame*, CodeUnit* instr, Object**, int) {                \
    if (specialize_enabled(ts->interp, instr, Op::HEAD))                                           \
      specialize_fail(ts->interp, instr, Op::HEAD, SpecFailure::not_implemented);                  \
  }
SPINDLE_NOT_YET(TO_BOOL)
SPINDLE_NOT_YET(CONTAINS_OP)
SPINDLE_NOT_YET(BINARY_SUBSCR)
SPINDLE_NOT_YET(STORE_SUBSCR)
SPINDLE_NOT_YET(UNPACK_SEQUENCE)
SPINDLE_NOT_YET(LOAD_SUPER_ATTR)
SPINDLE_NOT_YET(FOR_ITER)
SPINDLE_NOT_YET(SEND)
#undef SPINDLE_NOT_YET

}  // namespace spindle::vm
