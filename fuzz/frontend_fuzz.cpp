// libFuzzer target: arbitrary bytes through the whole front end, as a source
// file goes: frontend::compile_source = decode (BOM, coding cookie) ->
// tokenize -> parse -> __future__ -> AST folding -> symtable -> codegen ->
// assembler.
//
// Invariants it checks (with the ASan/UBSan build of fuzz/CMakeLists.txt):
// no input crashes, hangs, leaks or trips undefined behaviour; every failure
// is reported as a value of a known class with a message, never as a C++
// exception escaping a phase (an escaping exception aborts the fuzzer).
// A crash input replays with `spindle -X compile-only FILE`, which calls the
// same function.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "frontend/compile.h"

namespace fe = spindle::frontend;

namespace {

// A failure of an unknown class (a SystemError from the assembler included)
// or a SyntaxError without a message is a front-end bug even when nothing
// crashed: the CLI would print a wrong report. MemoryError and RecursionError
// are CPython's answers to its depth limits and carry no location.
void check_report(const fe::SyntaxErrorInfo& err) {
  const std::string& t = err.type;
  bool syntax = t == "SyntaxError" || t == "IndentationError" || t == "TabError";
  bool limit = t == "MemoryError" || t == "RecursionError";
  if (!(limit || (syntax && !err.msg.empty()))) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fe::SyntaxErrorInfo err;
  std::vector<fe::CompileWarning> warnings;
  auto code = fe::compile_source(bytes, "<fuzz>", fe::CompileMode::Exec, err, &warnings);
  if (!code) {
    check_report(err);
    // The report is what the CLI prints; formatting must not fail either.
    (void)fe::format_syntax_error(err);
  }
  for (const auto& w : warnings) (void)fe::format_warning(w);
  return 0;
}
