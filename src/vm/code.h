// CodeObject: compiled code as the VM runs it and as programs see it
// (co_* attributes), plus the constant values it holds.
//
// Invariants:
//   * A CodeObject owns all its data (no pointers into a front-end arena) and
//     is immutable once the assembler returns it (the interpreter will later
//     quicken a *copy* of `code`, never this one).
//   * `code` is a sequence of 16-bit code units: low byte opcode, high byte
//     oparg (so the bytes in memory read opcode, oparg as in CPython's
//     co_code). Each instruction is preceded by its EXTENDED_ARG prefixes and
//     followed by exactly cache_size(op) CACHE units (zero when assembled).
//   * Offsets in the exception table and in decoded line-table ranges are in
//     code units. Jump opargs are relative, in code units (opcode.h).
//   * The fast-locals array is localsplus_names: co_varnames, then the cell
//     variables that are not arguments, then co_freevars; localsplus_kinds
//     says what each slot is. Cell variables that are arguments share their
//     argument's slot (MAKE_CELL wraps the value in place).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace spindle::frontend::ast {
struct ConstantValue;
}

namespace spindle::vm {

struct CodeObject;

// A source span: 1-based lines, 0-based UTF-8 byte columns, -1 = unknown.
// lineno == -1 means "no location" (such instructions have no line).
struct Location {
  int lineno = -1;
  int end_lineno = -1;
  int col_offset = -1;
  int end_col_offset = -1;

  [[nodiscard]] bool has_line() const { return lineno >= 0; }
  friend bool operator==(const Location&, const Location&) = default;
};

// ---------------------------------------------------------------------------
// Constants (co_consts items)
// ---------------------------------------------------------------------------

// An owned constant: the front end's ConstantValue kinds plus nested code
// objects. Tuples and frozensets hold their items (never Code in practice).
struct CodeConstant {
  enum class Kind : uint8_t {
    None, Bool, Ellipsis, Int, BigInt, Float, Complex, Str, Bytes, Tuple, FrozenSet, Code,
  };
  Kind kind = Kind::None;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0.0;
  double imag = 0.0;
  std::string text;                        // Str (generalized UTF-8), Bytes, BigInt digits
  std::vector<CodeConstant> items;         // Tuple, FrozenSet
  std::shared_ptr<const CodeObject> code;  // Code

  static CodeConstant none() { return {}; }
  static CodeConstant of_bool(bool b);
  static CodeConstant of_int(int64_t v);
  static CodeConstant of_str(std::string s);
  static CodeConstant of_tuple(std::vector<CodeConstant> items);
  static CodeConstant of_code(std::shared_ptr<const CodeObject> code);
  static CodeConstant from_ast(const frontend::ast::ConstantValue& v);

  // The deduplication key CPython's compiler uses for co_consts: equal keys
  // iff the constants are interchangeable. 1, 1.0, True differ; 0.0 and -0.0
  // differ; NaNs with the same bits are one; code objects by identity.
  [[nodiscard]] std::string key() const;
  // repr() (via ast::constant_repr), or `<code object NAME, file "F", line N>`.
  [[nodiscard]] std::string repr() const;
  // Python truthiness, for constant conditions (not defined for Code: true).
  [[nodiscard]] bool truthy() const;
};

// ---------------------------------------------------------------------------
// Flags and fast-locals kinds (CPython's values, so programs see the same
// co_flags; CO_METHOD is Spindle's own).
// ---------------------------------------------------------------------------
enum CodeFlag : uint32_t {
  CO_OPTIMIZED = 0x0001,
  CO_NEWLOCALS = 0x0002,
  CO_VARARGS = 0x0004,
  CO_VARKEYWORDS = 0x0008,
  CO_NESTED = 0x0010,
  CO_GENERATOR = 0x0020,
  CO_NOFREE = 0x0040,  // not set by 3.11 compilers; kept for the value's sake
  CO_COROUTINE = 0x0080,
  CO_ITERABLE_COROUTINE = 0x0100,
  CO_ASYNC_GENERATOR = 0x0200,
  CO_FUTURE_DIVISION = 0x20000,
  CO_FUTURE_ABSOLUTE_IMPORT = 0x40000,
  CO_FUTURE_WITH_STATEMENT = 0x80000,
  CO_FUTURE_PRINT_FUNCTION = 0x100000,
  CO_FUTURE_UNICODE_LITERALS = 0x200000,
  CO_FUTURE_BARRY_AS_BDFL = 0x400000,
  CO_FUTURE_GENERATOR_STOP = 0x800000,
  CO_FUTURE_ANNOTATIONS = 0x1000000,
  // A function defined directly in a class body (deferred refcounting, §8).
  CO_METHOD = 0x8000000,
};

enum LocalKind : uint8_t {
  CO_FAST_LOCAL = 0x20,
  CO_FAST_CELL = 0x40,
  CO_FAST_FREE = 0x80,
};

using CodeUnit = uint16_t;
[[nodiscard]] constexpr CodeUnit make_unit(int opcode, int oparg) {
  return static_cast<CodeUnit>((opcode & 0xFF) | ((oparg & 0xFF) << 8));
}
[[nodiscard]] constexpr int unit_opcode(CodeUnit u) { return u & 0xFF; }
[[nodiscard]] constexpr int unit_oparg(CodeUnit u) { return u >> 8; }

// ---------------------------------------------------------------------------
// Exception table (format in docs/internals/bytecode.md, = CPython 3.11's):
// entries [start, end) -> target, with the stack depth to unwind to and
// whether to push the offset of the raising instruction (lasti).
// ---------------------------------------------------------------------------
struct ExceptionTableEntry {
  int start = 0;   // code units, inclusive
  int end = 0;     // code units, exclusive
  int target = 0;  // code units
  int depth = 0;
  bool lasti = false;
  friend bool operator==(const ExceptionTableEntry&, const ExceptionTableEntry&) = default;
};

[[nodiscard]] std::vector<uint8_t> encode_exception_table(std::span<const ExceptionTableEntry> entries);
// Returns nullopt if the bytes are malformed.
[[nodiscard]] std::optional<std::vector<ExceptionTableEntry>> decode_exception_table(
    std::span<const uint8_t> bytes);

// ---------------------------------------------------------------------------
// Location table (CPython 3.11's co_linetable format): one Location per code
// unit range. Encoding takes one Location per code unit.
// ---------------------------------------------------------------------------
struct LocationRange {
  int start = 0;  // code units, inclusive
  int end = 0;    // code units, exclusive
  Location loc;
  friend bool operator==(const LocationRange&, const LocationRange&) = default;
};

[[nodiscard]] std::vector<uint8_t> encode_location_table(std::span<const Location> per_unit,
                                                         int firstlineno);
// Consecutive entries with the same location are not merged (they are as
// the encoder wrote them, at most 8 units each). nullopt if malformed.
[[nodiscard]] std::optional<std::vector<LocationRange>> decode_location_table(
    std::span<const uint8_t> bytes, int firstlineno);

// ---------------------------------------------------------------------------
// The code object
// ---------------------------------------------------------------------------
struct CodeObject {
  // co_* attributes.
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;
  int stacksize = 0;

  // Whether n positional arguments bind to the parameters one to one, with
  // no keyword-only, *args or **kwargs parameter (the calls that need no
  // argument binding, and the CALL_*_EXACT_ARGS specializations).
  [[nodiscard]] bool takes_exactly(int64_t n) const {
    return argcount == n && kwonlyargcount == 0 && !(flags & (CO_VARARGS | CO_VARKEYWORDS));
  }
  int firstlineno = 1;
  std::string name;
  std::string qualname;
  std::string filename;
  std::vector<CodeConstant> consts;
  std::vector<std::string> names;
  std::vector<std::string> varnames;
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;

  // The fast-locals layout (see the header comment).
  std::vector<std::string> localsplus_names;
  std::vector<uint8_t> localsplus_kinds;

  std::vector<CodeUnit> code;
  std::vector<uint8_t> exceptiontable;
  std::vector<uint8_t> linetable;

  [[nodiscard]] int nlocalsplus() const { return static_cast<int>(localsplus_names.size()); }
  // co_code as bytes (opcode, oparg pairs; caches as zeros).
  [[nodiscard]] std::string co_code_bytes() const;
  // The location of the instruction at `offset` (code units); lineno -1 if none.
  [[nodiscard]] Location location_at(int offset) const;
  // The innermost handler covering `offset`, if any.
  [[nodiscard]] std::optional<ExceptionTableEntry> handler_at(int offset) const;
};

}  // namespace spindle::vm
