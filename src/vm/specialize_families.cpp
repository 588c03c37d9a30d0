// The specializers: one per family head of src/vm/bytecodes.def (declared in
// the generated vm/specializers.h). Each looks at the live operands of the
// instruction (on the stack, as the head reads them), picks the member that
// fits and fills its caches with the versions it guards on, or leaves the
// head and says why (docs/internals/specialization.md lists every family).
#include <cstring>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"
#include "vm/attr_poly.h"
#include "vm/code_object.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/generator.h"
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

void specialize_BINARY_OP(ThreadState* ts, Frame* frame, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::BINARY_OP;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* lhs = sp[-2];
  Object* rhs = sp[-1];
  using K = BinaryOpKind;
  auto kind = static_cast<K>(oparg);
  double unused;
  bool numeric = objects::float_operand(lhs, &unused) && objects::float_operand(rhs, &unused);
  bool any_float = lhs->ob_type == &objects::float_type || rhs->ob_type == &objects::float_type;
  bool divide = kind == K::TRUE_DIVIDE || kind == K::INPLACE_TRUE_DIVIDE;
  bool float_kind = divide || kind == K::ADD || kind == K::INPLACE_ADD || kind == K::SUBTRACT ||
                    kind == K::INPLACE_SUBTRACT || kind == K::MULTIPLY || kind == K::INPLACE_MULTIPLY;
  if (numeric && float_kind && (divide || (any_float && lhs->ob_type != rhs->ob_type))) {
    return specialize_as(interp, instr, head, Op::BINARY_OP_FLOAT_ARITH);
  }
  if (lhs->ob_type != rhs->ob_type) return specialize_fail(interp, instr, head, F::mixed_kinds);
  bool is_int = lhs->ob_type == &objects::int_type, is_float = lhs->ob_type == &objects::float_type;
  bool add = static_cast<K>(oparg) == K::ADD || static_cast<K>(oparg) == K::INPLACE_ADD;
  if (add && lhs->ob_type == &objects::str_type && rhs->ob_type == &objects::str_type) {
    // s += t stored straight back to the local s came from.
    CodeUnit store = instr[1 + cache_size(head)];
    if (kind == K::INPLACE_ADD && deopt_op(static_cast<Op>(store & 0xFF)) == Op::STORE_FAST &&
        frame->localsplus[store >> 8] == lhs) {
      return specialize_as(interp, instr, head, Op::BINARY_OP_INPLACE_ADD_UNICODE);
    }
    return specialize_as(interp, instr, head, Op::BINARY_OP_ADD_UNICODE);
  }
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
    case K::FLOOR_DIVIDE:
    case K::INPLACE_FLOOR_DIVIDE:
      if (is_int) return specialize_as(interp, instr, head, Op::BINARY_OP_FLOOR_DIVIDE_INT);
      break;
    case K::REMAINDER:
    case K::INPLACE_REMAINDER:
      if (is_int) return specialize_as(interp, instr, head, Op::BINARY_OP_REMAINDER_INT);
      break;
    case K::AND:
    case K::INPLACE_AND:
    case K::OR:
    case K::INPLACE_OR:
    case K::XOR:
    case K::INPLACE_XOR:
    case K::LSHIFT:
    case K::INPLACE_LSHIFT:
    case K::RSHIFT:
    case K::INPLACE_RSHIFT:
      if (is_int) return specialize_as(interp, instr, head, Op::BINARY_OP_BITWISE_INT);
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
  double unused;
  bool any_float = lhs->ob_type == &objects::float_type || rhs->ob_type == &objects::float_type;
  if (any_float && objects::float_operand(lhs, &unused) && objects::float_operand(rhs, &unused)) {
    return specialize_as(interp, instr, head, Op::COMPARE_OP_FLOAT);
  }
  if (lhs->ob_type != rhs->ob_type) return specialize_fail(interp, instr, head, F::mixed_kinds);
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

namespace {

// A __slots__ member holding an object at a byte offset that fits a cache
// entry (the *_ATTR_SLOT forms), or nullptr.
const objects::MemberDef* slot_member(Object* descr, bool for_store) {
  if (!descr || descr->ob_type != &objects::member_descr_type) return nullptr;
  const objects::MemberDef& m = static_cast<objects::MemberDescrObject*>(descr)->d_member;
  if (m.kind != objects::MemberKind::Object || m.offset > 0xFFFF || (for_store && m.readonly)) return nullptr;
  return &m;
}

// The entry index of `name` (that very object) in the instance's own
// combined dict, for the WITH_HINT forms; -1 if it has none there.
int64_t dict_hint(ThreadState* ts, Object* owner, Object* name) {
  objects::Dict* d = objects::instance_combined_dict(owner);
  if (d == nullptr) return -1;
  int64_t i = objects::dict_str_entry_index(ts, d, name);
  return i >= 0 && i <= 0xFFFF && objects::instance_dict_hint_entry(owner, i, name) ? i : -1;
}

void specialize_module_attr(ThreadState* ts, CodeUnit* instr, Object* owner, Object* name) {
  constexpr Op head = Op::LOAD_ATTR;
  auto* interp = interp_of(ts);
  if (objects::type_lookup_borrowed(owner->ob_type, name)) return specialize_fail(interp, instr, head, F::overridden);
  Object* dict = objects::module_dict_borrowed(owner);
  int64_t index = objects::dict_str_entry_index(ts, dict, name);
  if (index == -2) return specialize_fail(interp, instr, head, F::kind);
  if (index < 0) return specialize_fail(interp, instr, head, F::not_found);
  if (index > 0xFFFF) return specialize_fail(interp, instr, head, F::out_of_range);
  write_u32(instr + 2, objects::dict_keys_version(ts, dict));
  instr[4] = static_cast<CodeUnit>(index);
  specialize_as(interp, instr, head, Op::LOAD_ATTR_MODULE);
}

void specialize_class_attr(ThreadState* ts, CodeUnit* instr, Object* owner, Object* name) {
  constexpr Op head = Op::LOAD_ATTR;
  auto* interp = interp_of(ts);
  auto* cls = static_cast<Type*>(owner);
  if (owner->ob_type != &objects::type_type) return specialize_fail(interp, instr, head, F::overridden);
  if (objects::type_lookup_borrowed(&objects::type_type, name)) return specialize_fail(interp, instr, head, F::overridden);
  uint32_t version = objects::type_assign_version(ts, cls);
  if (version == 0) return specialize_fail(interp, instr, head, F::no_version);
  Object* attr = objects::type_lookup_borrowed(cls, name);
  if (!attr) return specialize_fail(interp, instr, head, F::not_found);
  if (attr->ob_type->descr_get) return specialize_fail(interp, instr, head, F::not_implemented);
  write_u32(instr + 2, version);
  write_ptr(instr + 6, attr);
  specialize_as(interp, instr, head, Op::LOAD_ATTR_CLASS);
}

}  // namespace

namespace {

// What LOAD_ATTR caches for `name` loaded from `owner`, an instance of a
// class with the generic __getattribute__: the member, the class's version
// and the member's other entries; `form` is the head (and `why` says why)
// when no member fits.
struct AttrPlan {
  Op form = Op::LOAD_ATTR;
  SpecFailure why = F::other;
  uint32_t version = 0;
  uint32_t aux = 0;         // INSTANCE_VALUE: the index; SLOT: the offset; WITH_HINT: the hint;
                            // *_WITH_VALUES: the shared keys' count; PROPERTY: the getter's version
  Object* descr = nullptr;  // borrowed (the class keeps it while the version holds)
};

AttrPlan fail_plan(SpecFailure why) {
  AttrPlan p;
  p.why = why;
  return p;
}

// A Python function the LOAD_ATTR forms that push frames can enter: it has
// a version, takes exactly `nargs` positional arguments and returns through
// RETURN_* (not a generator or coroutine). Otherwise false and why.
bool frame_function(Function* func, int nargs, SpecFailure* why) {
  const CodeObject& co = *as_code(func->code)->co;
  if (func->version == 0) *why = F::no_version;
  else if (!co.takes_exactly(nargs) || (co.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) *why = F::wrong_args;
  else return true;
  return false;
}

// A class with a Python __getattribute__ and no __getattr__, read as a
// plain attribute: LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN calls it in the loop.
AttrPlan plan_getattribute(ThreadState* ts, Type* tp, bool method_load) {
  if (method_load || objects::type_lookup_borrowed(tp, ts->id->dunder_getattr)) return fail_plan(F::overridden);
  Object* ga = objects::type_lookup_borrowed(tp, ts->id->dunder_getattribute);
  if (!ga || !is_function(ga)) return fail_plan(F::overridden);
  auto* func = static_cast<Function*>(ga);
  if (SpecFailure why; !frame_function(func, 2, &why)) return fail_plan(why);
  AttrPlan p;
  p.version = objects::type_assign_version(ts, tp);
  if (p.version == 0) return fail_plan(F::no_version);
  p.aux = func->version;
  p.descr = ga;
  p.form = Op::LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN;
  return p;
}

AttrPlan plan_instance_attr(ThreadState* ts, Object* owner, Object* name, bool method_load) {
  Type* tp = owner->ob_type;
  if (!uses_generic_getattr(tp)) return plan_getattribute(ts, tp, method_load);
  AttrPlan p;
  p.version = objects::type_assign_version(ts, tp);
  if (p.version == 0) return fail_plan(F::no_version);
  Object* descr = objects::type_lookup_borrowed(tp, name);
  Type* dt = descr ? descr->ob_type : nullptr;
  bool data_descr = dt && dt->descr_get && dt->descr_set;
  p.descr = descr;
  if (const objects::MemberDef* m = slot_member(descr, false)) {
    p.aux = static_cast<uint32_t>(m->offset);
    p.form = Op::LOAD_ATTR_SLOT;
    return p;
  }
  if (data_descr && dt == &objects::property_type && !method_load) {
    Object* fget = static_cast<objects::PropertyObject*>(descr)->fget;
    if (!fget || !is_function(fget)) return fail_plan(F::not_python_function);
    auto* func = static_cast<Function*>(fget);
    if (SpecFailure why; !frame_function(func, 1, &why)) return fail_plan(why);
    p.aux = func->version;
    p.form = Op::LOAD_ATTR_PROPERTY;
    return p;
  }
  if (data_descr) return fail_plan(F::not_implemented);
  // A class attribute: a method (bound at the call) or a plain value, when
  // the instance's own attributes cannot hold the name.
  bool method = method_load && dt && has_flag(dt, objects::kTypeMethodDescriptor);
  bool plain = !method_load && dt && !dt->descr_get;
  bool shadowed = has_inline_values(tp) && shared_index(tp, name) >= 0;  // instances may hold the name
  if (method || (plain && !shadowed)) {
    if (tp->dictoffset == 0) {
      p.form = method ? Op::LOAD_ATTR_METHOD_NO_DICT : Op::LOAD_ATTR_NONDESCRIPTOR_NO_DICT;
      return p;
    }
    if (!has_inline_values(tp)) return fail_plan(F::dict_form);
    if (shadowed) return fail_plan(F::overridden);
    p.aux = static_cast<uint32_t>(static_cast<objects::SharedKeys*>(tp->cached_keys)->nentries);
    p.form = method ? Op::LOAD_ATTR_METHOD_WITH_VALUES : Op::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES;
    return p;
  }
  if (method_load) return fail_plan(F::not_implemented);
  if (!descr) {
    if (int64_t hint = dict_hint(ts, owner, name); hint >= 0) {
      p.aux = static_cast<uint32_t>(hint);
      p.form = Op::LOAD_ATTR_WITH_HINT;
      return p;
    }
  }
  if (has_inline_values(tp)) {
    int index = shared_index(tp, name);
    if (index < 0) return fail_plan(descr ? F::not_implemented : F::not_found);
    p.aux = static_cast<uint32_t>(index);
    p.form = Op::LOAD_ATTR_INSTANCE_VALUE;
    return p;
  }
  return fail_plan(F::not_implemented);
}

// The members whose plan the polymorphic cache holds, as its kinds.
bool poly_kind_of(Op form, AttrPolyKind* kind) {
  switch (form) {
    case Op::LOAD_ATTR_INSTANCE_VALUE: *kind = AttrPolyKind::InstanceValue; return true;
    case Op::LOAD_ATTR_METHOD_WITH_VALUES: *kind = AttrPolyKind::MethodWithValues; return true;
    case Op::LOAD_ATTR_METHOD_NO_DICT: *kind = AttrPolyKind::MethodNoDict; return true;
    case Op::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES: *kind = AttrPolyKind::ValueWithValues; return true;
    case Op::LOAD_ATTR_NONDESCRIPTOR_NO_DICT: *kind = AttrPolyKind::ValueNoDict; return true;
    default: return false;
  }
}

// The packed plan of a kind the polymorphic cache holds (attr_poly.h), or
// false.
bool poly_plan(const AttrPlan& p, uint32_t* packed) {
  AttrPolyKind kind;
  if (!poly_kind_of(p.form, &kind) || p.aux > kAttrPolyValueMask) return false;
  *packed = attr_poly_pack(kind, p.aux);
  return true;
}

// Enters a plan of a kind the cache holds in the thread's table.
const runtime::AttrPolyEntry* enter_plan(ThreadState* ts, const AttrPlan& p, Object* name, bool method_load) {
  uint32_t packed;
  if (!poly_plan(p, &packed)) return nullptr;
  runtime::AttrPolyEntry& e = ts->attr_poly[attr_poly_slot(p.version, name, method_load)];
  e = {p.version, method_load, packed, name, p.descr};
  return &e;
}

// The site's current member, if it is a monomorphic one the cache holds a
// kind of, turned into the inline plan of LOAD_ATTR_POLY: its version and
// class attribute stay where they are, the index or count is packed with
// the kind. False when the site is not such a member.
bool keep_as_inline_plan(CodeUnit* instr) {
  AttrPolyKind kind;
  if (!poly_kind_of(static_cast<Op>(*instr & 0xFF), &kind)) return false;
  uint32_t value = kind == AttrPolyKind::InstanceValue ? instr[4] : attr_poly_with_values(kind) ? read_u32(instr + 4) : 0;
  if (value > kAttrPolyValueMask) return false;
  write_u32(instr + 4, attr_poly_pack(kind, value));
  return true;
}

}  // namespace

const runtime::AttrPolyEntry* attr_poly_enter(ThreadState* ts, Object* owner, Object* name, bool method_load) {
  return enter_plan(ts, plan_instance_attr(ts, owner, name, method_load), name, method_load);
}

void specialize_LOAD_ATTR(ThreadState* ts, Frame* frame, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::LOAD_ATTR;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* owner = sp[-1];
  Object* name = name_at(frame, oparg >> 1);
  Type* tp = owner->ob_type;
  if (tp == &objects::module_type) return specialize_module_attr(ts, instr, owner, name);
  if (has_flag(tp, objects::kTypeTypeSubclass)) return specialize_class_attr(ts, instr, owner, name);
  AttrPlan p = plan_instance_attr(ts, owner, name, oparg & 1);
  if (p.form == head) return specialize_fail(interp, instr, head, p.why);
  // A site whose class changed (a monomorphic member missed until the head
  // specialized again), when both the old and the new class have plans the
  // polymorphic cache holds: LOAD_ATTR_POLY keeps the class it was
  // specialized on inline and enters the new one in the table.
  uint32_t packed;
  auto current = static_cast<Op>(*instr & 0xFF);
  if (poly_plan(p, &packed) && read_u32(instr + 2) != p.version &&
      (current == Op::LOAD_ATTR_POLY || keep_as_inline_plan(instr))) {
    enter_plan(ts, p, name, oparg & 1);
    return specialize_as(interp, instr, head, Op::LOAD_ATTR_POLY);
  }
  write_u32(instr + 2, p.version);
  switch (p.form) {
    case Op::LOAD_ATTR_SLOT:
    case Op::LOAD_ATTR_WITH_HINT:
    case Op::LOAD_ATTR_INSTANCE_VALUE: instr[4] = static_cast<CodeUnit>(p.aux); break;
    case Op::LOAD_ATTR_PROPERTY:
    case Op::LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN:
    case Op::LOAD_ATTR_METHOD_WITH_VALUES:
    case Op::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES:
      write_u32(instr + 4, p.aux);
      write_ptr(instr + 6, p.descr);
      break;
    default: write_ptr(instr + 6, p.descr); break;
  }
  specialize_as(interp, instr, head, p.form);
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
  if (const objects::MemberDef* m = slot_member(descr, true)) {
    write_u32(instr + 2, version);
    instr[4] = static_cast<CodeUnit>(m->offset);
    return specialize_as(interp, instr, head, Op::STORE_ATTR_SLOT);
  }
  if (descr && descr->ob_type->descr_set) return specialize_fail(interp, instr, head, F::not_implemented);
  if (int64_t hint = dict_hint(ts, owner, name); hint >= 0) {
    write_u32(instr + 2, version);
    instr[4] = static_cast<CodeUnit>(hint);
    return specialize_as(interp, instr, head, Op::STORE_ATTR_WITH_HINT);
  }
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

namespace {

// The CALL forms that enter a class's Python dunder (`__init__`, `__call__`)
// taking exactly `nargs` arguments, self first: the function is recorded in
// `*spec` under the class's version, which the member guards.
void specialize_type_dunder(ThreadState* ts, CodeUnit* instr, objects::HeapType* tp, Object* dunder, int nargs,
                            bool generators_ok, Object** spec, Op member) {
  constexpr Op head = Op::CALL;
  auto* interp = interp_of(ts);
  Object* fn = objects::type_lookup_borrowed(tp, dunder);
  if (!fn || !is_function(fn)) return specialize_fail(interp, instr, head, F::not_python_function);
  const CodeObject& co = *as_code(static_cast<Function*>(fn)->code)->co;
  if (!co.takes_exactly(nargs) || (!generators_ok && (co.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))))
    return specialize_fail(interp, instr, head, F::wrong_args);
  uint32_t version = objects::type_assign_version(ts, tp);
  if (version == 0) return specialize_fail(interp, instr, head, F::no_version);
  objects::set_ref(*spec, objects::new_ref(fn));
  write_u32(instr + 2, version);
  specialize_as(interp, instr, head, member);
}

// C(args) for a class C: CALL_ALLOC_AND_ENTER_INIT when instances come from
// object.__new__ and __init__ is a Python function taking exactly the
// arguments (not a generator: its frame must return through RETURN_*).
void specialize_class_call(ThreadState* ts, CodeUnit* instr, Object* callable, int oparg) {
  constexpr Op head = Op::CALL;
  auto* interp = interp_of(ts);
  auto* tp = static_cast<objects::HeapType*>(callable);
  if (!has_flag(tp, objects::kTypeHeap) || has_flag(tp, objects::kTypeAbstract))
    return specialize_fail(interp, instr, head, F::kind);
  if (tp->new_ != objects::object_type.new_) return specialize_fail(interp, instr, head, F::overridden);
  // Not a generator: the __init__ frame must return through RETURN_*.
  specialize_type_dunder(ts, instr, tp, ts->id->dunder_init, oparg + 1, false, &tp->spec_init,
                         Op::CALL_ALLOC_AND_ENTER_INIT);
}

// obj(args) for an instance of a Python class (or a class of a Python
// metaclass) whose __call__ is a Python function taking exactly the
// arguments after self: CALL_PY_INSTANCE.
void specialize_instance_call(ThreadState* ts, CodeUnit* instr, Object* callable, int oparg) {
  auto* tp = static_cast<objects::HeapType*>(callable->ob_type);
  specialize_type_dunder(ts, instr, tp, ts->id->dunder_call, oparg + 1, true, &tp->spec_call, Op::CALL_PY_INSTANCE);
}

}  // namespace

void specialize_CALL(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::CALL;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* callable = sp[-(2 + oparg)];
  Object* self_or_null = sp[-(1 + oparg)];
  int total = oparg + (self_or_null != nullptr);
  Type* t = callable->ob_type;
  if (is_function(callable)) {
    auto* func = static_cast<Function*>(callable);
    if (func->version == 0) return specialize_fail(interp, instr, head, F::no_version);
    if (!as_code(func->code)->co->takes_exactly(total)) return specialize_fail(interp, instr, head, F::wrong_args);
    write_u32(instr + 2, func->version);
    return specialize_as(interp, instr, head, Op::CALL_PY_EXACT_ARGS);
  }
  if (t == &objects::method_type && !self_or_null) {
    Object* f = static_cast<objects::MethodObject*>(callable)->im_func;
    if (!is_function(f)) return specialize_fail(interp, instr, head, F::not_python_function);
    auto* func = static_cast<Function*>(f);
    if (func->version == 0) return specialize_fail(interp, instr, head, F::no_version);
    if (!as_code(func->code)->co->takes_exactly(oparg + 1)) return specialize_fail(interp, instr, head, F::wrong_args);
    write_u32(instr + 2, func->version);
    return specialize_as(interp, instr, head, Op::CALL_BOUND_METHOD_EXACT_ARGS);
  }
  if (t == &objects::builtin_function_type) {
    auto* bf = static_cast<objects::BuiltinFunctionObject*>(callable);
    if (bf->self == interp->builtins) {  // the builtins module's own functions
      if (total == 1 && std::strcmp(bf->def->name, "len") == 0) {
        if (!interp->callable_len) interp->callable_len = objects::new_ref(callable);
        if (interp->callable_len == callable) return specialize_as(interp, instr, head, Op::CALL_LEN);
      }
      if (total == 2 && std::strcmp(bf->def->name, "isinstance") == 0) {
        if (!interp->callable_isinstance) interp->callable_isinstance = objects::new_ref(callable);
        if (interp->callable_isinstance == callable) return specialize_as(interp, instr, head, Op::CALL_ISINSTANCE);
      }
    }
    uint32_t flags = bf->def->flags;
    if ((flags & objects::kMethO) && total == 1) return specialize_as(interp, instr, head, Op::CALL_BUILTIN_O);
    if (flags & objects::kMethFast) return specialize_as(interp, instr, head, Op::CALL_BUILTIN_FAST);
    if (flags & objects::kMethKeywords) return specialize_as(interp, instr, head, Op::CALL_BUILTIN_FAST_WITH_KEYWORDS);
    return specialize_fail(interp, instr, head, F::wrong_args);
  }
  if (callable == &objects::type_type && !self_or_null && oparg == 1) {
    return specialize_as(interp, instr, head, Op::CALL_TYPE_1);
  }
  if (callable == &objects::str_type && !self_or_null && oparg == 1) {
    return specialize_as(interp, instr, head, Op::CALL_STR_1);
  }
  if (callable == &objects::tuple_type && !self_or_null && oparg == 1) {
    return specialize_as(interp, instr, head, Op::CALL_TUPLE_1);
  }
  if (t == &objects::type_type && !has_flag(static_cast<Type*>(callable), objects::kTypeHeap)) {
    return specialize_as(interp, instr, head, Op::CALL_BUILTIN_CLASS);
  }
  if (t == &objects::type_type && !self_or_null) return specialize_class_call(ts, instr, callable, oparg);
  if (t == &objects::method_descr_type && total >= 1) {
    auto* d = static_cast<objects::MethodDescrObject*>(callable);
    Object* self = self_or_null ? self_or_null : sp[-oparg];
    if (self->ob_type != d->d_type) return specialize_fail(interp, instr, head, F::kind);
    if (d->d_type == &objects::list_type && self_or_null && oparg == 1 && std::strcmp(d->d_method->name, "append") == 0) {
      if (!interp->callable_list_append) interp->callable_list_append = objects::new_ref(callable);
      if (interp->callable_list_append == callable) return specialize_as(interp, instr, head, Op::CALL_LIST_APPEND);
    }
    uint32_t flags = d->d_method->flags;
    if ((flags & objects::kMethO) && total == 2) return specialize_as(interp, instr, head, Op::CALL_METHOD_DESCRIPTOR_O);
    if ((flags & objects::kMethNoArgs) && total == 1) {
      return specialize_as(interp, instr, head, Op::CALL_METHOD_DESCRIPTOR_NOARGS);
    }
    if (flags & objects::kMethFast) return specialize_as(interp, instr, head, Op::CALL_METHOD_DESCRIPTOR_FAST);
    if (flags & objects::kMethKeywords) {
      return specialize_as(interp, instr, head, Op::CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS);
    }
    return specialize_fail(interp, instr, head, F::wrong_args);
  }
  if (has_flag(t, objects::kTypeHeap) && !self_or_null) return specialize_instance_call(ts, instr, callable, oparg);
  specialize_fail(interp, instr, head, F::not_implemented);
}

// ---------------------------------------------------------------------------
// TO_BOOL
// ---------------------------------------------------------------------------

void specialize_TO_BOOL(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int) {
  constexpr Op head = Op::TO_BOOL;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* value = sp[-1];
  Type* t = value->ob_type;
  if (t == &objects::bool_type) return specialize_as(interp, instr, head, Op::TO_BOOL_BOOL);
  if (t == &objects::int_type) return specialize_as(interp, instr, head, Op::TO_BOOL_INT);
  if (t == &objects::list_type) return specialize_as(interp, instr, head, Op::TO_BOOL_LIST);
  if (objects::is_none(value)) return specialize_as(interp, instr, head, Op::TO_BOOL_NONE);
  if (t == &objects::str_type) return specialize_as(interp, instr, head, Op::TO_BOOL_STR);
  if (has_flag(t, objects::kTypeHeap) && !t->nb_bool && !t->mp_length) {
    uint32_t version = objects::type_assign_version(ts, t);
    if (version == 0) return specialize_fail(interp, instr, head, F::no_version);
    write_u32(instr + 2, version);
    return specialize_as(interp, instr, head, Op::TO_BOOL_ALWAYS_TRUE);
  }
  specialize_fail(interp, instr, head, F::kind);
}

// ---------------------------------------------------------------------------
// FOR_ITER, BINARY_SUBSCR, STORE_SUBSCR
// ---------------------------------------------------------------------------

void specialize_FOR_ITER(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int) {
  constexpr Op head = Op::FOR_ITER;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Type* t = sp[-1]->ob_type;
  if (t == &objects::list_iterator_type) return specialize_as(interp, instr, head, Op::FOR_ITER_LIST);
  if (t == &objects::tuple_iterator_type) return specialize_as(interp, instr, head, Op::FOR_ITER_TUPLE);
  if (t == &objects::range_iterator_type) return specialize_as(interp, instr, head, Op::FOR_ITER_RANGE);
  if (t == &generator_type) return specialize_as(interp, instr, head, Op::FOR_ITER_GEN);
  specialize_fail(interp, instr, head, F::not_implemented);
}

void specialize_SEND(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int) {
  constexpr Op head = Op::SEND;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Type* t = sp[-2]->ob_type;
  if (t == &generator_type || t == &coroutine_type) return specialize_as(interp, instr, head, Op::SEND_GEN);
  specialize_fail(interp, instr, head, F::kind);
}

namespace {

// A word-sized non-negative exact int (the index the *_INT forms take).
bool small_index(Object* o) {
  return objects::is_int_exact(o) && objects::int_is_small(o) && objects::int_small_value(o) >= 0;
}

}  // namespace

void specialize_BINARY_SUBSCR(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int) {
  constexpr Op head = Op::BINARY_SUBSCR;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* container = sp[-2];
  Object* sub = sp[-1];
  if (container->ob_type == &objects::list_type && small_index(sub)) {
    return specialize_as(interp, instr, head, Op::BINARY_SUBSCR_LIST_INT);
  }
  if (container->ob_type == &objects::tuple_type && small_index(sub)) {
    return specialize_as(interp, instr, head, Op::BINARY_SUBSCR_TUPLE_INT);
  }
  if (container->ob_type == &objects::dict_type) return specialize_as(interp, instr, head, Op::BINARY_SUBSCR_DICT);
  if (container->ob_type == &objects::str_type && small_index(sub)) {
    return specialize_as(interp, instr, head, Op::BINARY_SUBSCR_STR_INT);
  }
  specialize_fail(interp, instr, head, F::not_implemented);
}

void specialize_STORE_SUBSCR(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int) {
  constexpr Op head = Op::STORE_SUBSCR;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  if (sp[-2]->ob_type == &objects::list_type && small_index(sp[-1])) {
    return specialize_as(interp, instr, head, Op::STORE_SUBSCR_LIST_INT);
  }
  if (sp[-2]->ob_type == &objects::dict_type) return specialize_as(interp, instr, head, Op::STORE_SUBSCR_DICT);
  specialize_fail(interp, instr, head, F::not_implemented);
}

void specialize_UNPACK_SEQUENCE(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::UNPACK_SEQUENCE;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* seq = sp[-1];
  if (seq->ob_type == &objects::tuple_type && objects::tuple_size(seq) == oparg) {
    return specialize_as(interp, instr, head, oparg == 2 ? Op::UNPACK_SEQUENCE_TWO_TUPLE : Op::UNPACK_SEQUENCE_TUPLE);
  }
  if (seq->ob_type == &objects::list_type && objects::list_size(seq) == oparg) {
    return specialize_as(interp, instr, head, Op::UNPACK_SEQUENCE_LIST);
  }
  specialize_fail(interp, instr, head, F::kind);
}

void specialize_CONTAINS_OP(ThreadState* ts, Frame*, CodeUnit* instr, Object** sp, int) {
  constexpr Op head = Op::CONTAINS_OP;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Type* t = sp[-1]->ob_type;
  if (t == &objects::set_type || t == &objects::frozenset_type) {
    return specialize_as(interp, instr, head, Op::CONTAINS_OP_SET);
  }
  if (t == &objects::dict_type) return specialize_as(interp, instr, head, Op::CONTAINS_OP_DICT);
  specialize_fail(interp, instr, head, F::kind);
}

// ---------------------------------------------------------------------------
// LOAD_SUPER_ATTR
// ---------------------------------------------------------------------------

void specialize_LOAD_SUPER_ATTR(ThreadState* ts, Frame* frame, CodeUnit* instr, Object** sp, int oparg) {
  constexpr Op head = Op::LOAD_SUPER_ATTR;
  auto* interp = interp_of(ts);
  if (!specialize_enabled(interp, instr, head)) return;
  Object* global_super = sp[-3];
  Object* class_ = sp[-2];
  Object* self = sp[-1];
  Object* name = name_at(frame, oparg >> 2);
  if (global_super != &objects::super_type) return specialize_fail(interp, instr, head, F::overridden);
  if (!has_flag(class_->ob_type, objects::kTypeTypeSubclass) || has_flag(self->ob_type, objects::kTypeTypeSubclass) ||
      objects::str_equal(name, ts->id->dunder_class))
    return specialize_fail(interp, instr, head, F::kind);
  specialize_as(interp, instr, head, (oparg & 1) ? Op::LOAD_SUPER_ATTR_METHOD : Op::LOAD_SUPER_ATTR_ATTR);
}

}  // namespace spindle::vm
