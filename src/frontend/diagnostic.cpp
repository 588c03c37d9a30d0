// Formatting of SyntaxErrorInfo as CPython 3.11 prints an uncaught
// SyntaxError (Python/pythonrun.c: print_exception + print_error_text).
#include "frontend/diagnostic.h"

#include <algorithm>
#include <string_view>


namespace spindle::frontend {

namespace {

// The source line and caret, as print_error_text lays them out. Offsets are
// in characters; leading blanks are stripped and the caret moved with them;
// when `text` holds several lines, the one containing the offset is shown.
void append_error_text(std::string& out, long offset, long end_offset, std::string_view text) {
  size_t caret_count = (end_offset > 0 && end_offset > offset) ? size_t(end_offset - offset) : 1;
  offset--;  // to 0-based
  while (!text.empty() && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f')) {
    text.remove_prefix(1);
    offset--;
  }
  // From here on CPython measures the text in UTF-8 bytes while the offsets
  // are characters; the mix shows on non-ASCII lines, so we keep it.
  std::string_view body = text;
  if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
  long len = long(body.size());
  if (offset > len) offset = len;
  for (;;) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) break;
    long inl = long(nl);
    if (inl >= offset) break;
    text.remove_prefix(nl + 1);
    offset -= inl + 1;
  }
  out += "    ";
  out += text;
  if (text.empty() || text.back() != '\n') out += '\n';
  if (offset < 0) return;
  out += "    ";
  out.append(size_t(offset), ' ');
  out.append(caret_count, '^');
  out += '\n';
}

}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& e) {
  std::string out;
  // Not every front-end failure is a SyntaxError: the parser's depth limit is
  // a MemoryError, the compiler's a RecursionError. CPython prints those
  // without location (no traceback: no frame ran yet).
  // A SyntaxError without location (decoding problems found before any line
  // is read) prints the same way: CPython's SyntaxError then has only a msg.
  bool is_syntax_error = e.type == "SyntaxError" || e.type == "IndentationError" || e.type == "TabError";
  if (!is_syntax_error || e.lineno == 0) {
    out += e.type;
    if (!e.msg.empty()) out += ": " + e.msg;
    out += '\n';
    return out;
  }
  out += "  File \"";
  out += e.filename;
  out += "\", line ";
  out += std::to_string(e.lineno);
  out += '\n';
  if (e.has_text) {
    long offset = e.offset;
    long end_offset = -1;
    long end_lineno = e.lineno;
    if (e.type == "SyntaxError") {  // subclasses get a single caret
      end_offset = e.end_offset > 0 ? e.end_offset : -1;
      end_lineno = e.end_lineno > 0 ? e.end_lineno : e.lineno;
    }
    long line_size = long(e.text.size());  // bytes, as PyUnicode_AsUTF8AndSize
    if (end_lineno > e.lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    append_error_text(out, offset, end_offset, e.text);
  }
  out += e.type;
  if (!e.msg.empty()) {
    out += ": ";
    out += e.msg;
  }
  out += '\n';
  return out;
}

}  // namespace spindle::frontend
