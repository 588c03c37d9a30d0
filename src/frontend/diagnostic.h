// The error a front-end phase reports: a SyntaxError or one of its subclasses.
//
// Every phase (tokenizer, parser, symtable, compiler) reports failure by
// filling one SyntaxErrorInfo and returning a null/false result; nothing is
// thrown. The fields are exactly the ones CPython's SyntaxError carries, with
// CPython's conventions, so the CLI can print the same report as CPython and
// the runtime (issue 3) can turn it into a SyntaxError object unchanged:
//   * lineno / end_lineno are 1-based;
//   * offset / end_offset are 1-based *character* (code point) columns into
//     `text`, 0 when unknown;
//   * text is the offending source line, decoded, with its newline.
#pragma once

#include <string>

namespace spindle::frontend {

struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // or "IndentationError", "TabError"; "MemoryError" and
                                     // "RecursionError" for the depth limits (no location then)
  std::string msg;
  std::string filename;
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;
  bool has_text = false;  // CPython prints no source line when text is None
};

// The report CPython 3.11 prints on stderr for an uncaught SyntaxError raised
// while compiling a file: "  File ..., line N", the source line, the carets,
// "SyntaxError: msg". Defined in diagnostic.cpp.
std::string format_syntax_error(const SyntaxErrorInfo& e);

}  // namespace spindle::frontend
