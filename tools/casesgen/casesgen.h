// casesgen: the instruction-set generator. Reads the DSL (src/vm/bytecodes.def,
// format in docs/internals/bytecode.md) and writes the opcode enum and the
// metadata tables the engine compiles with.
//
// Invariants: the generator is strict — any malformed or inconsistent input is
// reported as `file:line: message` and nothing is written; the output depends
// only on the input (no timestamps), so unchanged input rebuilds nothing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spindle::casesgen {

// One stack item or cache entry of a stack effect.
struct StackItem {
  std::string name;
  std::string size;  // C++ expression of oparg for `name[size]`; empty = one slot
  std::string cond;  // C++ condition for `name if (cond)`; empty = always
  int cache = 0;     // > 0: a cache entry `name/cache` (inputs only)
  std::string type;  // `name: Type *` (a C++ type for the body); empty = the default object type
  int line = 0;
};

struct StackEffect {
  std::vector<StackItem> inputs;   // cache entries first, then stack items (top last)
  std::vector<StackItem> outputs;
  [[nodiscard]] int cache_size() const;
  [[nodiscard]] std::vector<StackItem> caches() const;
  [[nodiscard]] std::vector<StackItem> stack_inputs() const;
};

// Flag bits, in the order they are emitted (kFlagNames below).
enum Flag : uint32_t {
  kArg = 1u << 0,
  kConst = 1u << 1,
  kName = 1u << 2,
  kLocal = 1u << 3,
  kFree = 1u << 4,
  kJump = 1u << 5,
  kJumpBack = 1u << 6,
  kUncond = 1u << 7,
  kExit = 1u << 8,
  kError = 1u << 9,
  kEvalBreak = 1u << 10,
  kSpecialized = 1u << 11,  // implied: member of a family
  kPseudo = 1u << 12,       // implied: a pseudo-instruction
  kSuper = 1u << 13,        // implied: a superinstruction
};
struct FlagInfo {
  const char* dsl;   // spelling in the DSL (nullptr: implied, not writable)
  const char* cxx;   // emitted enumerator
  uint32_t bit;
};
extern const FlagInfo kFlagNames[14];

enum class ItemKind { Inst, Op, Macro, Pseudo, Super };

struct MacroPart {
  std::string uop;  // a uop name, or empty for a cache part
  StackItem cache;  // a cache part `name/N`
};

// An inst, op, macro or pseudo. Fields unused by a kind stay empty.
struct Definition {
  ItemKind kind = ItemKind::Inst;
  std::string name;
  int line = 0;
  StackEffect effect;
  std::optional<StackEffect> jump_effect;
  uint32_t flags = 0;
  int name_shift = 0;                 // NAME(k)
  std::optional<std::string> body;    // C++ text between the braces
  int body_line = 0;
  std::vector<MacroPart> parts;       // macro
  std::vector<std::string> targets;   // pseudo; super: its two instructions
  std::vector<std::string> annotations;
};

struct Family {
  std::string head;
  int cache_size = 0;
  std::vector<std::string> members;
  int line = 0;
};

struct Dsl {
  std::string filename;
  std::vector<Definition> defs;  // in file order
  std::vector<Family> families;
};

// Parsing. Errors are appended as "file:line: message"; the result is only
// meaningful when no error was added.
[[nodiscard]] Dsl parse_dsl(const std::string& source, const std::string& filename,
                            std::vector<std::string>& errors);

// The analysed instruction set: numbering and derived properties.
struct OpcodeInfo {
  const Definition* def = nullptr;
  int opcode = -1;
  uint32_t flags = 0;
  int cache_size = 0;
  std::vector<StackItem> cache_layout;  // entries in order (macro: concatenated)
  std::string family;                   // head, for a specialization
  std::vector<std::string> super_parts; // the two instructions a superinstruction runs
  // Stack effect as sequential (popped, pushed) steps of C++ count
  // expressions; one step except for macros. jump_steps if it differs.
  std::vector<std::pair<std::string, std::string>> steps;
  std::optional<std::vector<std::pair<std::string, std::string>>> jump_steps;
};

struct Analysis {
  std::vector<OpcodeInfo> real;    // by opcode, 0..n-1
  std::vector<OpcodeInfo> pseudo;  // opcode 256 + i
  std::vector<const Definition*> uops;
  int first_specialized = 0;
  const Dsl* dsl = nullptr;
};

[[nodiscard]] Analysis analyze(const Dsl& dsl, std::vector<std::string>& errors);

// The C++ count expression of a list of stack items ("2 + (oparg)").
[[nodiscard]] std::string count_expr(const std::vector<StackItem>& items);

// Generated files: name (relative to the output directory) -> contents.
// `display_name` is how the header comment names the input.
[[nodiscard]] std::map<std::string, std::string> emit_all(const Analysis& a,
                                                          const std::string& display_name);
// The tier-1 cases (errors: bodies inconsistent with their declared flags)
// and the two dispatch tables (emit_tier1.cpp).
[[nodiscard]] std::string emit_tier1_cases(const Analysis& a, const std::string& display_name,
                                           std::vector<std::string>& errors);
[[nodiscard]] std::string emit_tier1_targets(const Analysis& a, const std::string& display_name);
// The declarations of the specializers, one per family head (emit_tier1.cpp).
[[nodiscard]] std::string emit_specializers(const Analysis& a, const std::string& display_name);
// Whether `name` heads a family (its first cache entry is the adaptive counter).
[[nodiscard]] bool is_family_head(const Analysis& a, const std::string& name);

}  // namespace spindle::casesgen
