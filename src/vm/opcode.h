// The instruction set as the C++ code sees it: the generated opcode enum and
// metadata (from bytecodes.def, by tools/casesgen), plus the enumerations used
// in opargs. Include this, never the generated headers directly.
//
// Generated API (namespace spindle::vm), all constexpr:
//   enum class Op : uint16_t         real opcodes 0..255, pseudo 256..
//   kNumRealOpcodes, kFirstSpecializedOpcode, kFirstPseudoOpcode (256),
//   kNumOpcodes (table size); enum class Uop, kNumUops, uop_name(Uop)
//   op_name(Op) -> const char*       "LOAD_FAST"
//   is_pseudo, has_arg, has_const, has_name, has_local, has_free,
//   has_jump (a target: JUMP or JUMP_BACK), is_jump_forward, is_jump_backward,
//   is_uncond_jump, is_scope_exit, no_fallthrough, can_error, eval_break,
//   is_specialized (a family member)
//   name_oparg_shift(Op) -> int      co_names index = oparg >> shift
//   cache_size(Op) -> int            inline cache units after the instruction
//   cache_layout(Op) -> span<const CacheEntry>   named entries, in order
//   deopt_op(Op) -> Op               family head of a specialization, else itself
//   family_members(Op) -> span<const Op>
//   pseudo_targets(Op) -> span<const Op>
//   macro_uops(Op) -> span<const Uop>
//   is_valid_op(Op), op_flags(Op) -> OpFlag bits
//   num_popped(Op, oparg, jump), num_pushed(Op, oparg, jump), stack_effect(...)
#pragma once

#include <cstdint>

#include "vm/opcode_ids.h"       // generated
#include "vm/opcode_metadata.h"  // generated

namespace spindle::vm {

// BINARY_OP's oparg.
enum class BinaryOpKind : uint8_t {
#define BINARY_OP_KIND(NAME, sym) NAME,
#include "vm/binary_ops.def"
#undef BINARY_OP_KIND
};
// "+", "+=", ... (nullptr if out of range).
[[nodiscard]] const char* binary_op_symbol(int oparg);

enum class Intrinsic1 : uint8_t {
#define INTRINSIC_1(NAME, doc) NAME,
#define INTRINSIC_2(NAME, doc)
#include "vm/intrinsics.def"
#undef INTRINSIC_1
#undef INTRINSIC_2
};
enum class Intrinsic2 : uint8_t {
#define INTRINSIC_1(NAME, doc)
#define INTRINSIC_2(NAME, doc) NAME,
#include "vm/intrinsics.def"
#undef INTRINSIC_1
#undef INTRINSIC_2
};
// "INTRINSIC_IMPORT_STAR", ... (nullptr if out of range).
[[nodiscard]] const char* intrinsic1_name(int oparg);
[[nodiscard]] const char* intrinsic2_name(int oparg);

// Rich comparisons, CPython's Py_LT.. order.
enum class CompareOp : uint8_t { LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5 };
inline constexpr const char* kCompareOpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

// COMPARE_OP's oparg: (cmp << 5) | (to_bool ? 16 : 0) | mask, where the mask
// (bits: 1 unordered, 2 less, 4 greater, 8 equal) says which outcomes make the
// comparison true, for the specialized forms.
[[nodiscard]] constexpr int compare_op_oparg(CompareOp cmp, bool to_bool = false) {
  constexpr int kMasks[] = {2, 2 | 8, 8, 1 | 2 | 4, 4, 4 | 8};
  int c = static_cast<int>(cmp);
  return (c << 5) | (to_bool ? 16 : 0) | kMasks[c];
}
[[nodiscard]] constexpr int compare_op_of(int oparg) { return oparg >> 5; }
inline constexpr int kCompareToBoolBit = 16;

// SET_FUNCTION_ATTRIBUTE's oparg bits.
enum FunctionAttribute : uint8_t {
  kFuncDefaults = 1,
  kFuncKwDefaults = 2,
  kFuncAnnotations = 4,
  kFuncClosure = 8,
};

// CONVERT_VALUE's oparg.
enum class Conversion : uint8_t { None = 0, Str = 1, Repr = 2, Ascii = 3 };

// RESUME's oparg.
enum class ResumeKind : uint8_t { Start = 0, AfterYield = 1, AfterYieldFrom = 2, AfterAwait = 3 };

}  // namespace spindle::vm
