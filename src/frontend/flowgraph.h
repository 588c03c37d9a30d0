// The back end of the compiler: instruction sequence -> control-flow graph ->
// optimized, assembled CodeObject. See docs/internals/bytecode.md for the
// passes and the invariants each keeps.
#pragma once

#include <memory>

#include "frontend/diagnostic.h"
#include "frontend/instr_sequence.h"
#include "vm/code.h"

namespace spindle::frontend {

struct AssembleOptions {
  bool optimize = true;  // peephole, jump threading, constant tuples (always on in CPython)
};

// Builds the CodeObject for one unit. Consumes `seq` and `unit`. On an internal
// inconsistency (an unbound label, a stack depth mismatch: compiler bugs) fills
// `err` with type "SystemError" and returns null; it never asserts on input.
[[nodiscard]] std::shared_ptr<vm::CodeObject> assemble(InstrSequence&& seq, CodeUnitInfo&& unit,
                                                       SyntaxErrorInfo& err,
                                                       const AssembleOptions& opts = {});

}  // namespace spindle::frontend
