// libFuzzer target: arbitrary bytes through the whole front end, as a source
// file would go: decode (BOM, coding cookie) -> tokenize -> parse -> AST
// folding -> symtable -> codegen (CFG, assembler).
//
// Invariants it checks (with the ASan/UBSan build of fuzz/CMakeLists.txt):
// no input crashes, hangs, leaks or trips undefined behaviour; and every
// failure is reported as a value (an error record with a message and a
// SyntaxError-family type), never as a C++ exception escaping a phase.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "frontend/arena.h"
#include "frontend/ast_opt.h"
#include "frontend/codegen.h"
#include "frontend/diagnostic.h"
#include "frontend/parser.h"
#include "frontend/symtable.h"

namespace fe = spindle::frontend;

namespace {

// A failure with no message or an unknown type is a front-end bug even when
// nothing crashed: the CLI would print an empty or wrong report.
void check_report(std::string_view type, std::string_view msg) {
  bool known = type == "SyntaxError" || type == "IndentationError" || type == "TabError";
  if (!known || msg.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fe::Arena arena;
  fe::SyntaxErrorInfo err;
  fe::ast::mod* module = fe::parse_file_bytes(bytes, "<fuzz>", fe::ParseMode::Exec, arena, err);
  if (module == nullptr) {
    check_report(err.type, err.msg);
    return 0;
  }
  fe::optimize_ast(module, arena, fe::AstOptimizeOptions{});
  fe::CompileError cerr;
  auto st = fe::build_symtable(module, 0, cerr);
  if (!st) {
    check_report(cerr.type, cerr.msg);
    return 0;
  }
  fe::CodegenOptions opts;
  opts.filename = "<fuzz>";
  auto code = fe::codegen_module(module, *st, opts, cerr, nullptr);
  if (!code) check_report(cerr.type, cerr.msg);
  return 0;
}
