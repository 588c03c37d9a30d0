// Tier-1 specialization (docs/internals/specialization.md): the adaptive
// counters of family heads, quickening, and the statistics of -X pystats.
// The specializers themselves are declared in the generated
// vm/specializers.h, one per family head of src/vm/bytecodes.def.
//
// Invariants:
//   * A family head's first cache unit is its counter: value << 4 | backoff.
//     Value 0 means "try to specialize at the next execution".
//   * A specializer leaves the instruction either as a member of its family,
//     with the member's caches filled and the counter at cool-down, or as the
//     head, with the counter backed off. It never changes the oparg.
//   * Statistics exist only under -X pystats (Interpreter::spec_stats); every
//     counting site checks the pointer, off the hot path.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "vm/code.h"
#include "vm/opcode.h"

namespace spindle::objects {
struct Object;
}

namespace spindle::runtime {
struct Interpreter;
}

namespace spindle::vm {

struct CodeObj;

// ---------------------------------------------------------------------------
// Adaptive counters
// ---------------------------------------------------------------------------

inline constexpr int kBackoffBits = 4;
inline constexpr int kMaxBackoff = 12;

[[nodiscard]] constexpr CodeUnit make_counter(unsigned value, unsigned backoff) {
  return static_cast<CodeUnit>((value << kBackoffBits) | backoff);
}
// Specialize at the second execution; after a success, wait 52 misses.
inline constexpr CodeUnit kCounterWarmup = make_counter(1, 1);
inline constexpr CodeUnit kCounterCooldown = make_counter(52, 0);

[[nodiscard]] inline bool adaptive_counter_triggers(CodeUnit c) { return c < (1u << kBackoffBits); }
inline void adaptive_counter_advance(CodeUnit& c) { c = static_cast<CodeUnit>(c - (1u << kBackoffBits)); }
// The counter after a failed attempt: waits 2^b - 1 executions, b growing to 12.
[[nodiscard]] CodeUnit adaptive_counter_backoff(CodeUnit c);

// Sets every family head's counter in the code object's units to warm-up
// and, when `superinstructions`, rewrites the first of each adjacent pair
// that has a superinstruction into it (the second stays as it is: a jump
// may land on it). Left to right, so in a run of three the middle one is
// both a second and a first.
void quicken(CodeObj* code, bool superinstructions);

// ---------------------------------------------------------------------------
// Statistics (-X pystats)
// ---------------------------------------------------------------------------

// Why a specializer left its instruction generic.
#define SPINDLE_SPEC_FAILURES(X)                                              \
  X(other, "other")                                                           \
  X(disabled, "-X specialize=off")                                            \
  X(no_version, "no version available (type, keys or function)")             \
  X(out_of_range, "an index or version does not fit its cache entry")        \
  X(kind, "operand kinds without a specialized form")                        \
  X(mixed_kinds, "operands of different kinds")                               \
  X(overridden, "a dunder method or descriptor overrides the default")       \
  X(not_found, "the name was not found")                                      \
  X(dict_form, "the instance's attributes are in a dict, not inline values") \
  X(not_python_function, "the callable is not a plain Python function")      \
  X(wrong_args, "the call's arguments do not match the parameters exactly")  \
  X(not_implemented, "Spindle has no specialization for this case yet")

enum class SpecFailure : uint8_t {
#define SPINDLE_FAILURE_ENUM(name, text) name,
  SPINDLE_SPEC_FAILURES(SPINDLE_FAILURE_ENUM)
#undef SPINDLE_FAILURE_ENUM
      count
};
inline constexpr int kNumSpecFailures = static_cast<int>(SpecFailure::count);

struct SpecStats {
  uint64_t executed[256] = {};    // by opcode (the counting dispatch table)
  uint64_t attempts[256] = {};    // by family head
  uint64_t successes[256] = {};   // by family head
  uint64_t failures[256][kNumSpecFailures] = {};  // by family head and reason
  uint64_t deopts[256] = {};      // by member
};

// The Markdown report of -X pystats.
[[nodiscard]] std::string spec_stats_report(const SpecStats& s);

// ---------------------------------------------------------------------------
// What specializers share (specialize*.cpp)
// ---------------------------------------------------------------------------

// Rewrites `instr` into `member` (of the head's family), counter at cool-down.
void specialize_as(runtime::Interpreter* interp, CodeUnit* instr, Op head, Op member);
// Leaves `instr` as its family head, counter backed off, and counts why.
void specialize_fail(runtime::Interpreter* interp, CodeUnit* instr, Op head, SpecFailure why);
// Whether specialization may run (false under -X specialize=off; then the
// counter is reset to its longest wait and the reason counted).
[[nodiscard]] bool specialize_enabled(runtime::Interpreter* interp, CodeUnit* instr, Op head);

// Cache entries are 16-bit units; 32-bit values span 2 and pointers 4. The
// copies compile to single (unaligned) loads and stores.
inline void write_u32(CodeUnit* p, uint32_t v) { std::memcpy(p, &v, sizeof v); }
[[nodiscard]] inline uint32_t read_u32(const CodeUnit* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void write_ptr(CodeUnit* p, const void* v) { std::memcpy(p, &v, sizeof v); }
template <class T = objects::Object>
[[nodiscard]] inline T* read_ptr(const CodeUnit* p) {
  T* v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace spindle::vm
