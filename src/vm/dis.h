// The disassembler: CPython 3.11 `dis.dis` layout for Spindle code objects
// (spindle -X dis FILE). Nested code objects are disassembled after their
// parent, depth first, with address-free headers so the output is stable.
#pragma once

#include <string>

#include "vm/code.h"

namespace spindle::vm {

// The whole listing for `code` and, recursively, every code object in its
// constants. Never fails: malformed tables print as "<malformed ...>" lines.
[[nodiscard]] std::string disassemble(const CodeObject& code);

// The readable argument dis shows for one instruction (empty if none).
// `offset` is the instruction's position in code units (for jump targets).
[[nodiscard]] std::string oparg_repr(const CodeObject& code, int opcode, int oparg, int offset);

}  // namespace spindle::vm
