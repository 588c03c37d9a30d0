// Expressions back to source text, as CPython 3.11's Python/ast_unparse.c
// writes them: the strings that annotations become under
// `from __future__ import annotations`.
//
// Invariants: the output is what CPython stores in __annotations__ for the
// same AST (minimal parentheses by precedence, repr() of constants with
// infinities written as 1e309, f-strings re-quoted with repr()); the input
// is only read.
#pragma once

#include <string>

#include "frontend/ast.h"

namespace spindle::frontend {

[[nodiscard]] std::string ast_unparse_annotation(const ast::expr* e);

}  // namespace spindle::frontend
