// The Python 3.11 lexical grammar: SourceText to a stream of Tokens.
//
// Pull-based: the parser calls next() as it needs tokens, so the first error
// met while parsing is the one reported, as in CPython. The tokenizer emits
// what CPython's C tokenizer emits (no COMMENT/NL/ENCODING tokens): NEWLINE
// only at the end of a logical line, INDENT/DEDENT from the indentation
// stack, and at EOF a NEWLINE (if the last line had none), the pending
// DEDENTs, then ENDMARKER (repeated on every later call).
//
// Invariants:
//   * Token::text views SourceText::text (or, for identifiers that NFKC
//     changes, a string owned by the Tokenizer); both live as long as the
//     Tokenizer and the SourceText.
//   * Positions equal those of Python's `tokenize` module: 1-based lines,
//     0-based UTF-8 byte columns (tokenize counts characters; the stdlib-wide
//     comparison converts). INDENT spans the indentation; DEDENT is empty at
//     the start of the next statement; at EOF, DEDENTs and ENDMARKER are
//     empty at (last line + 1, 0). The exception is NEWLINE, which carries
//     the C tokenizer's positions because pegen's errors use them: it starts
//     at the comment before the '\n' if there is one (its text is then that
//     comment), else at the '\n', and ends at the '\n' (so it is empty).
//   * After next() returns false, every later call returns false with the
//     same error; no input crashes, hangs or allocates per token (only
//     normalized non-ASCII identifiers allocate).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace spindle::frontend {

enum class TokenType : uint8_t {
#define TOKEN(name, spelling) name,
#include "frontend/token_types.def"
#undef TOKEN
};

// "NAME", "LPAR", ... (the names of Python's token module).
[[nodiscard]] const char* token_type_name(TokenType t);
// The exact spelling of an operator type ("(", "**="), "" for the others.
[[nodiscard]] const char* token_type_spelling(TokenType t);

struct Token {
  TokenType type = TokenType::ENDMARKER;
  std::string_view text;  // whole token: STRING includes prefix and quotes
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

// How a failing next() failed. CPython treats these differently when the
// parser re-tokenizes the rest of the file after a generic "invalid syntax"
// (_PyPegen_tokenize_full_source_to_check_for_errors): only `Raised` errors
// (and `Eof` with open brackets opened before the parser's error line)
// replace the parser's error; the others only count when the parser itself
// reads the failing token. `err` holds the final SyntaxError in every case.
enum class TokenizerErrorKind : uint8_t {
  None,
  Raised,    // the C tokenizer raised it itself (invalid character, literals, strings, brackets)
  Eof,       // EOF inside brackets ("'(' was never closed") or after '\' ("unexpected EOF while parsing")
  Dedent,    // IndentationError: unindent does not match any outer indentation level
  TabSpace,  // TabError: inconsistent use of tabs and spaces in indentation
  TooDeep,   // IndentationError: too many levels of indentation
  LineCont,  // unexpected character after line continuation character
};

class Tokenizer {
 public:
  // `src` and `err` must outlive the Tokenizer; err.filename is set from
  // `filename` when an error is reported.
  Tokenizer(const SourceText& src, std::string_view filename, SyntaxErrorInfo& err);
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Produces the next token. Returns false on a lexical error, with `err`
  // filled exactly as CPython 3.11 fills the SyntaxError and error_kind() set.
  [[nodiscard]] bool next(Token& out);

  TokenizerErrorKind error_kind() const { return error_kind_; }

  // Bracket nesting at the current point, and the line of the innermost
  // open bracket (0 when none): what the full-source check above needs.
  int paren_level() const { return level_; }
  int innermost_paren_lineno() const { return level_ > 0 ? paren_lineno_[level_ - 1] : 0; }

  // Fills `err` with "'(' was never closed" at the innermost open bracket
  // (CPython's raise_unclosed_parentheses_error) and returns false. For the
  // full-source check: after a parser error, the parser keeps calling next();
  // a `Raised` error replaces its own; any other failure with
  // paren_level() > 0 and the parser's error line > innermost_paren_lineno()
  // is replaced by this one; otherwise the parser's error stands.
  [[nodiscard]] bool report_unclosed_paren();

  // Where the C tokenizer's cursor stands, for errors pegen reports at a
  // token that has no column in CPython (INDENT, DEDENT, ENDMARKER carry
  // col_offset -1 there): _PyPegen_raise_error then uses the tokenizer's
  // current line and this byte column (0 if its buffer is empty), with
  // end_offset -1. Example: "if x:\n" → IndentationError at (1, 0, 1, -1)
  // for a script (its reader's buffer is empty at EOF), (1, 6, 1, -1) for
  // compile() of the same text.
  int cursor_lineno() const { return lineno_; }
  int cursor_col() const { return cur_ == buf_ ? 0 : int(cur_ - line_start_); }

  const SourceText& source() const { return src_; }
  std::string_view filename() const { return filename_; }

  static constexpr int kMaxIndent = 100;  // CPython's MAXINDENT
  static constexpr int kMaxLevel = 200;   // CPython's MAXLEVEL (bracket nesting)

 private:
  bool next_impl(Token& out);
  int nextc();
  void backup(int c);
  bool lookahead(const char* test);
  // Error reporting, each named after the CPython routine it mirrors.
  bool syntax_error(std::string msg, int col = -1, int end_col = -1);  // tokenizer's syntaxerror()
  bool pegen_error(TokenizerErrorKind kind);  // errors pegen formats from tok->done
  bool lex_number(Token& out, int c);
  bool lex_string(Token& out, int quote);
  bool lex_name_rest(Token& out, int c);
  bool decimal_tail(int& c);
  bool verify_end_of_number(int c, const char* kind);
  bool verify_identifier(std::string_view& name);
  bool continuation_line(int& c);
  void begin_token();
  void finish(Token& out, TokenType type);
  int eof_lineno() const;
  const char* line_end_or(const char* p) const;  // just past the '\n' ending p's line

  const SourceText& src_;
  std::string_view filename_;
  SyntaxErrorInfo& err_;
  TokenizerErrorKind error_kind_ = TokenizerErrorKind::None;

  const char* begin_;        // src_.text.data()
  const char* end_;          // one past the last byte
  const char* cur_;          // next byte to read
  const char* line_start_;   // start of the physical line of the last byte read
  const char* buf_;          // CPython's tok->buf: first line of the token in progress
  const char* tok_start_ = nullptr;       // start of the current token
  const char* tok_line_start_ = nullptr;  // line start at the token's first byte
  int tok_lineno_ = 1;
  int lineno_ = 1;
  bool line_pending_ = false;  // the last byte read was '\n': next read starts a line
  bool in_token_ = false;      // CPython's tok->start != NULL
  bool hit_deferred_error_ = false;

  bool at_bol_ = true;   // at the beginning of a logical line
  bool done_ = false;    // ENDMARKER reached
  bool cont_line_ = false;
  int pending_ = 0;      // > 0: INDENTs to emit, < 0: DEDENTs to emit
  int pending_col_ = 0;  // indentation (bytes) of the line the pending tokens belong to
  Token last_;           // the last token returned (pegen's p->tokens[p->fill-1])
  bool have_last_ = false;

  int indent_ = 0;                         // top of the indentation stack
  int indstack_[kMaxIndent + 1] = {0};     // columns, tabs to multiples of 8
  int altindstack_[kMaxIndent + 1] = {0};  // columns, tabs count as 1

  int level_ = 0;  // bracket nesting
  char paren_stack_[kMaxLevel] = {};
  int paren_lineno_[kMaxLevel] = {};
  int paren_col_[kMaxLevel] = {};

  std::deque<std::string> normalized_names_;  // NFKC forms, stable addresses
  std::u32string scratch_u32_;
};

}  // namespace spindle::frontend
