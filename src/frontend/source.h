// Source decoding: raw file bytes to the text the tokenizer reads.
//
// Invariants of a SourceText after decode_source succeeds:
//   * `text` is valid (generalized) UTF-8, contains no NUL byte and no '\r'
//     (universal newlines: "\r\n" and "\r" became "\n"), and no BOM;
//   * a non-empty `text` ends with '\n' (CPython's reader appends one to a
//     last line that lacks it);
//   * line_starts[i] is the byte offset in `text` where line i+1 begins;
//     line_starts[0] == 0 and the table covers every line, including a last
//     line without '\n'.
// The SourceText outlives every Token and AST string view that points into it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/diagnostic.h"

namespace spindle::frontend {

struct SourceText {
  std::string text;               // decoded, universal newlines
  std::vector<int> line_starts;   // byte offset of each line's first byte
  std::string encoding = "utf-8"; // normalized name of the declared encoding
  // CPython reads a file line by line and only finds a NUL byte or invalid
  // UTF-8 when it reads the line holding it, so an earlier syntax error wins.
  // decode_source therefore stops `text` before such a line and parks the
  // error here; the Tokenizer raises it when it runs out of text.
  bool has_deferred_error = false;
  SyntaxErrorInfo deferred_error;
  // Whether errors located by the parser (set_error_location) get character
  // columns. CPython only converts byte columns when the tokenizer knows an
  // encoding: always for compile(), but for a script run only if it has a
  // coding cookie; otherwise the report carries raw byte columns.
  bool char_columns = true;
  // Read from a script file (SourceOrigin::File): CPython's file reader
  // empties its buffer between tokens, which shows in some error columns.
  bool from_file = false;

  int line_count() const { return static_cast<int>(line_starts.size()); }

  // Text of line `lineno` (1-based), including its '\n' if it has one; empty
  // for a line number out of range.
  [[nodiscard]] std::string_view line(int lineno) const;

  // The byte offset in `text` of (lineno, byte column); clamped to the text.
  [[nodiscard]] size_t offset_of(int lineno, int byte_col) const;
};

// Where the bytes come from; CPython words some errors differently.
enum class SourceOrigin : uint8_t {
  File,          // `python3 file.py`
  CompileBytes,  // compile(b"...", ...)
};

// Decodes `bytes` as CPython 3.11 decodes a source file: UTF-8 BOM, PEP 263
// coding cookie on line 1 or 2 (line 2 only if line 1 is blank or a
// comment), other encodings through iconv(3), universal newlines. On failure
// fills `err` with CPython's SyntaxError (unknown encoding, invalid UTF-8,
// "source code cannot contain null bytes", ...) and returns false.
// `filename` only goes into err.filename.
// Errors that CPython reports without a location (encoding problems,
// "Non-UTF-8 code ...") have lineno 0 and an empty filename. NUL bytes and
// invalid UTF-8 are deferred (see SourceText::deferred_error) for File.
[[nodiscard]] bool decode_source(std::string_view bytes, std::string_view filename,
                                 SourceText& out, SyntaxErrorInfo& err,
                                 SourceOrigin origin = SourceOrigin::File);

// Builds a SourceText from text that is already decoded (compile() of a str,
// tests): no cookie processing, but universal newlines and the line table.
// Fails like decode_source on NUL bytes.
[[nodiscard]] bool source_from_text(std::string_view text, std::string_view filename,
                                    SourceText& out, SyntaxErrorInfo& err);

// Fills the location of `err` the way CPython's parser does for an error at
// 0-based UTF-8 byte columns (RAISE_ERROR_KNOWN_LOCATION): lineno/end_lineno
// as given, offset/end_offset = column + 1, converted to characters against
// the text of line `lineno` if src.char_columns (end_byte_col < 0 means
// "unknown": end_offset 0),
// text = that line with its newline, has_text = true. Also sets err.filename.
void set_error_location(SyntaxErrorInfo& err, const SourceText& src, std::string_view filename,
                        int lineno, int byte_col, int end_lineno, int end_byte_col);

// Number of code points in the first `byte_col` bytes of line `lineno`
// (clipped to the line), as CPython's byte_offset_to_character_offset.
[[nodiscard]] int char_column(const SourceText& src, int lineno, int byte_col);

}  // namespace spindle::frontend
