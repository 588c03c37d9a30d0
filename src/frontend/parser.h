// The parser: decoded source to the AST, or to CPython 3.11's SyntaxError.
//
// A hand-written recursive-descent port of CPython 3.11's PEG grammar
// (Grammar/python.gram): backtracking over a lazily filled token buffer,
// memoization where the grammar needs it to stay linear, left-recursive
// rules as loops. Errors follow CPython's two-pass scheme: a first pass
// without the invalid_* rules; on failure a second pass with them, which
// produces the specialized messages; otherwise "invalid syntax" at the
// furthest token the first pass fetched. See docs/internals/frontend.md.
//
// Invariants: parse() never throws, crashes or recurses without bound (an
// explicit depth counter mirrors CPython's MAXSTACK); on success every node
// lives in `arena`, on failure it returns nullptr with `err` filled.
#pragma once

#include <string_view>

#include "frontend/arena.h"
#include "frontend/ast.h"
#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace spindle::frontend {

enum class ParseMode { Exec, Eval, Single, FuncType };

// Parses already-decoded source. Returns the root (Module / Expression /
// Interactive / FunctionType) or nullptr with err filled. Strings in the AST
// may point into `src`, which must outlive the tree.
// int_max_str_digits: sys.get_int_max_str_digits() (0 = no limit); a longer
// decimal literal is a SyntaxError, as in CPython.
inline constexpr int kDefaultIntMaxStrDigits = 4300;
[[nodiscard]] ast::mod* parse(const SourceText& src, std::string_view filename, ParseMode mode,
                              Arena& arena, SyntaxErrorInfo& err,
                              int int_max_str_digits = kDefaultIntMaxStrDigits);

// bytes -> decode_source -> parse: the entry point the CLI and tests use. The
// decoded text is copied into `arena`, so the tree only depends on the arena.
// `origin` selects CPython's wording of decoding errors (a script run or
// compile()/ast.parse() of bytes).
[[nodiscard]] ast::mod* parse_file_bytes(std::string_view bytes, std::string_view filename,
                                         ParseMode mode, Arena& arena, SyntaxErrorInfo& err,
                                         SourceOrigin origin = SourceOrigin::File);

}  // namespace spindle::frontend
