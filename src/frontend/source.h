// Source decoding: raw file bytes to the text the tokenizer reads.
//
// Invariants of a SourceText after decode_source succeeds:
//   * `text` is valid (generalized) UTF-8 unless `unchecked_utf8` (then it
//     may hold any byte but NUL: CPython passes the bytes of a source
//     declared utf-8 to its tokenizer unchecked); it contains no NUL byte and
//     no '\r'
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
  // The bytes were not checked for UTF-8 validity: CPython only checks when
  // it reads a script with no declared encoding. Otherwise invalid bytes
  // reach the tokenizer and fail where they are used: in an identifier or a
  // string literal ("(unicode error) 'utf-8' codec can't decode ..."); in a
  // comment they pass. Error texts then show them as U+FFFD.
  bool unchecked_utf8 = false;
  // A script that starts with a BOM: CPython re-reads the error line from the
  // file for errors the parser locates, so line 1's text starts with U+FEFF
  // there (and columns count it), though the tokenizer never saw it.
  bool bom_in_first_line = false;
  // `text` always ends with '\n'; newline_added says the source did not.
  // CPython only appends one for exec input: an eval() of "1 +" ends without
  // NEWLINE and its error line has no '\n'. hide_added_newline (set for
  // eval input) makes the tokenizer stop before it and error texts omit it.
  bool newline_added = false;
  bool hide_added_newline = false;

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

// Python's strict UTF-8 decoding errors: the first invalid sequence of `s`
// (position, length in bytes, reason), as bytes.decode('utf-8') reports it.
struct Utf8Error {
  size_t pos = 0, len = 0;
  const char* reason = "";
};
[[nodiscard]] bool find_utf8_error(std::string_view s, Utf8Error& out);
// "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
// (or "bytes in position A-B") for the first error of `s`, which must have one.
[[nodiscard]] std::string utf8_error_message(std::string_view s, const Utf8Error& e);
// bytes.decode('utf-8', 'replace'): each invalid sequence becomes U+FFFD.
[[nodiscard]] std::string utf8_replace(std::string_view s);
// Length in characters of utf8_replace(s).
[[nodiscard]] int replaced_char_count(std::string_view s);

// The text of line `lineno` as CPython shows it in an error located by the
// parser: invalid UTF-8 replaced, the BOM in front of line 1 of a script.
[[nodiscard]] std::string error_line_text(const SourceText& src, int lineno);

// Number of code points in the first `byte_col` bytes of line `lineno`
// (clipped to the line), as CPython's byte_offset_to_character_offset.
[[nodiscard]] int char_column(const SourceText& src, int lineno, int byte_col);

}  // namespace spindle::frontend
