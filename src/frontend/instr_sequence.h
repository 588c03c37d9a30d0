// The instruction sequence: what codegen emits and the flow graph consumes.
//
// Codegen appends instructions (real or pseudo opcodes from vm/opcode.h) in
// program order, with symbolic labels for jump targets, then hands the
// sequence and a CodeUnitInfo (the unit's names, constants, flags...) to
// frontend::assemble() (flowgraph.h), which returns the CodeObject.
//
// Invariants:
//   * A jump instruction (has_jump(op): JUMP_*, POP_JUMP_IF_*, FOR_ITER, SEND,
//     SETUP_FINALLY/CLEANUP/WITH, JUMP, JUMP_NO_INTERRUPT) is emitted with
//     emit_jump() and its oparg is a label id; every other instruction's oparg
//     is its final oparg (any size; the assembler adds EXTENDED_ARG).
//   * Every label used as a target is bound exactly once by use_label(); a label
//     bound after the last instruction refers to the end of the code (the
//     flow graph requires such a target to be unreachable or followed by code).
//   * Codegen does not emit the prefix MAKE_CELL / COPY_FREE_VARS /
//     RETURN_GENERATOR+POP_TOP: the assembler inserts it from CodeUnitInfo.
//     Codegen does emit RESUME 0 first (after nothing else).
//   * Opargs by kind (indices into CodeUnitInfo's lists):
//       LOAD_CONST, RETURN_CONST: consts;  *_NAME, *_GLOBAL (LOAD_GLOBAL: index
//       << 1 | push_null), *_ATTR (LOAD_ATTR: index << 1 | method), IMPORT_*,
//       LOAD_FROM_DICT_OR_GLOBALS, LOAD_SUPER_ATTR (index << 2 | bits): names;
//       *_FAST*: varnames;
//       *_DEREF, LOAD_CLOSURE, LOAD_FROM_DICT_OR_DEREF: an index into
//       cellvars ++ freevars; the assembler rewrites it to the fast-locals
//       offset.
//   * POP_JUMP_IF_TRUE/FALSE and UNARY_NOT take an exact bool: emit TO_BOOL
//     before them unless the value is known to be a bool (COMPARE_OP with
//     the bool bit, IS_OP, CONTAINS_OP); the flow graph removes redundant
//     TO_BOOLs and folds COMPARE_OP + TO_BOOL.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "frontend/ast.h"
#include "vm/code.h"
#include "vm/opcode.h"

namespace spindle::frontend {

using Location = vm::Location;
inline constexpr Location kNoLocation{};

// The location of an AST node (or kNoLocation for null).
[[nodiscard]] inline Location loc_of(const ast::Node* n) {
  if (n == nullptr) return kNoLocation;
  return Location{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}

struct Label {
  int id = -1;
  [[nodiscard]] bool valid() const { return id >= 0; }
  friend bool operator==(const Label&, const Label&) = default;
};
inline constexpr Label kNoLabel{};

struct Instr {
  vm::Op op = vm::Op::NOP;
  int oparg = 0;  // label id for jumps
  Location loc;
};

class InstrSequence {
 public:
  [[nodiscard]] Label new_label() {
    label_pos_.push_back(-1);
    return Label{static_cast<int>(label_pos_.size()) - 1};
  }
  // Binds `l` to the position of the next instruction emitted.
  void use_label(Label l);
  // A non-jump instruction. Pseudo-instructions without targets (POP_BLOCK,
  // LOAD_CLOSURE, STORE_FAST_MAYBE_NULL) go through here too.
  void emit(vm::Op op, int oparg, Location loc);
  void emit(vm::Op op, Location loc) { emit(op, 0, loc); }
  // A jump (or SETUP_*) to `target`.
  void emit_jump(vm::Op op, Label target, Location loc);
  // Inserts before position `pos` (labels bound at positions > pos shift; a
  // label bound exactly at pos keeps pointing at the old instruction).
  void insert(size_t pos, Instr instr);

  [[nodiscard]] size_t size() const { return instrs_.size(); }
  [[nodiscard]] const std::vector<Instr>& instrs() const { return instrs_; }
  [[nodiscard]] std::vector<Instr>& mutable_instrs() { return instrs_; }
  // Position a label is bound to, or -1 if unbound.
  [[nodiscard]] int label_position(Label l) const { return label_pos_[l.id]; }
  [[nodiscard]] size_t num_labels() const { return label_pos_.size(); }

 private:
  std::vector<Instr> instrs_;
  std::vector<int> label_pos_;
};

// Everything about a compilation unit (module, class body, function, lambda,
// comprehension) that the assembler needs besides its instructions.
struct CodeUnitInfo {
  std::string name;      // co_name
  std::string qualname;  // co_qualname
  std::string filename;  // co_filename
  int firstlineno = 1;
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;  // vm::CodeFlag bits, final: the assembler adds none

  std::vector<vm::CodeConstant> consts;  // co_consts (the assembler may append folded tuples)
  std::vector<std::string> names;        // co_names
  std::vector<std::string> varnames;     // co_varnames: parameters first, in order
  std::vector<std::string> cellvars;     // co_cellvars, in CPython's order (codegen's choice)
  std::vector<std::string> freevars;     // co_freevars, in CPython's order (codegen's choice)

  // Index of `c` in consts, appending it if no equal constant (CodeConstant::
  // key) is there yet.
  int add_const(vm::CodeConstant c);
  // Index of `s` in the list, appending it if absent.
  // (Entries must not be removed or reordered once indexed.)
  int add_name(const std::string& s) { return add_to(names, name_index_, names_indexed_, s); }
  int add_varname(const std::string& s) { return add_to(varnames, varname_index_, varnames_indexed_, s); }

 private:
  static int add_to(std::vector<std::string>& v, std::unordered_map<std::string, int>& index,
                    size_t& indexed, const std::string& s);
  std::unordered_map<std::string, int> const_index_;
  std::unordered_map<std::string, int> name_index_;
  std::unordered_map<std::string, int> varname_index_;
  size_t consts_indexed_ = 0;
  size_t names_indexed_ = 0;
  size_t varnames_indexed_ = 0;
};

}  // namespace spindle::frontend
