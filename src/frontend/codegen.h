// Code generation: AST (after folding) + symbol table -> code objects.
//
// One compilation unit per scope (module, class body, function, lambda,
// comprehension); each unit is emitted into an InstrSequence and assembled by
// frontend::assemble() (flowgraph.h) as soon as it is complete, so a parent's
// co_consts holds its children's finished CodeObjects.
//
// Invariants:
//   * Semantics are CPython 3.11's (scopes, evaluation order, co_* fields,
//     flags, qualnames, the errors and warnings it reports); the instruction
//     shapes are CPython 3.12/3.13's (see docs/internals/frontend.md, "Symbol
//     tables and code generation", for the stack conventions of each construct).
//   * The AST is only read. Errors are values: null result + CompileError.
//   * SyntaxWarnings are collected, never printed here.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/symtable.h"
#include "vm/code.h"

namespace spindle::frontend {

// A SyntaxWarning found while compiling (CPython prints it through the
// warnings module: "file:line: SyntaxWarning: message").
struct CompileWarning {
  std::string category = "SyntaxWarning";
  std::string message;
  std::string filename;
  int lineno = 0;
  std::string line;  // the source line, without its newline ("" if unknown)
};

enum class CompileMode : uint8_t { Exec, Eval, Single };

struct CodegenOptions {
  std::string filename;
  CompileMode mode = CompileMode::Exec;
  int optimize = 0;           // -O level: 1 drops asserts, 2 also docstrings
  uint32_t future_flags = 0;  // CO_FUTURE_* of the module
  int future_lineno = -1;     // line of the last leading `from __future__` import
  uintptr_t stack_floor = 0;  // see stack_floor() in symtable.h; 0: found here
};

// Compiles a whole module. On error returns null and fills `err` (type
// "SyntaxError", or "SystemError" for an internal inconsistency found by the
// assembler). `warnings` may be null.
[[nodiscard]] std::shared_ptr<vm::CodeObject> codegen_module(ast::mod* module, const SymbolTable& st,
                                                             const CodegenOptions& opts,
                                                             CompileError& err,
                                                             std::vector<CompileWarning>* warnings);

// True if `body` starts with a docstring (an expression statement that is a
// str constant), as CPython's _PyAST_GetDocString.
[[nodiscard]] bool is_docstring(ast::Seq<ast::stmt*> body);

}  // namespace spindle::frontend
