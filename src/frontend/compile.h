// The front end's one entry point: source bytes -> CodeObject (or the
// SyntaxError CPython 3.11 would raise for them).
//
// Pipeline: decode -> parse -> __future__ features -> constant folding
// (ast_opt) -> symbol table -> codegen -> assembler, each phase reporting
// failure as a value. Invariants: nothing is printed here (warnings are
// returned); on failure the result is null and `err` holds CPython's class,
// message, 1-based line, columns and source line: parser errors count
// characters (where CPython does); errors of later phases keep CPython's
// byte columns and the line as CPython re-reads it from the file (none
// without a file; line -1 where CPython's compiler had no location).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/codegen.h"
#include "frontend/diagnostic.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "vm/code.h"

namespace spindle::frontend {

struct CompileOptions {
  int optimize = 0;  // -O level (1: no asserts, __debug__ False; 2: no docstrings either)
  SourceOrigin origin = SourceOrigin::File;  // compile(b"...") words decoding errors differently
  // `bytes` is already decoded text (a -c command, compile() of a str): no
  // BOM or coding cookie processing, columns in characters.
  bool decoded_text = false;
  // `filename` is a file holding `bytes`. CPython re-reads the error line from
  // the file for errors found after parsing; without one they have no text.
  bool from_file = true;
  // sys.get_int_max_str_digits() of the compiling interpreter (0: no limit).
  int int_max_str_digits = kDefaultIntMaxStrDigits;
};

// compile(bytes, filename, mode) as CPython does it for a file's bytes.
[[nodiscard]] std::shared_ptr<vm::CodeObject> compile_source(
    std::string_view bytes, std::string_view filename, CompileMode mode, SyntaxErrorInfo& err,
    std::vector<CompileWarning>* warnings = nullptr, const CompileOptions& opts = {});

// What the default warnings filter prints for a compile-time warning:
// "FILE:LINE: SyntaxWarning: MESSAGE\n" plus "  SOURCE LINE\n" when known.
[[nodiscard]] std::string format_warning(const CompileWarning& w);

}  // namespace spindle::frontend
