// AST-level constant folding, as CPython 3.11's Python/ast_opt.c does it:
// the tree is rewritten in place before the symbol table is built.
//
// Invariants:
//   * Folding never changes what a program does: an operation is folded only
//     when it cannot raise and its result is a value the constant table can
//     hold exactly (1/0, 'a' - 1, 2**-1... stay as they are). When in doubt,
//     nothing is folded.
//   * CPython's size limits apply (ints up to 128 bits from *, ** and <<,
//     strings and bytes up to 4096 items from *, tuples up to 256 items), so
//     `'x' * 10**9` stays a runtime operation and co_consts look the same.
//   * Annotations are left alone under `from __future__ import annotations`
//     (they are turned back into source text, which must be the original).
//   * New nodes come from the arena and keep the position of the node they
//     replace.
#pragma once

#include <cstdint>

#include "frontend/arena.h"
#include "frontend/ast.h"
#include "frontend/symtable.h"

namespace spindle::frontend {

struct AstOptimizeOptions {
  int optimize = 0;  // -O level: __debug__ is `optimize == 0`
  uint32_t future_flags = 0;
  uintptr_t stack_floor = 0;  // see stack_floor(); 0: find it here
};

// False (with a RecursionError in `err`) if the tree nests deeper than
// kMaxCompileDepth; the tree is then partly folded, which is harmless.
[[nodiscard]] bool optimize_ast(ast::mod* module, Arena& arena, const AstOptimizeOptions& opts,
                                CompileError& err);

// Python truthiness of a constant (shared with codegen for constant tests).
[[nodiscard]] bool constant_truthy(const ast::ConstantValue& v);

}  // namespace spindle::frontend
