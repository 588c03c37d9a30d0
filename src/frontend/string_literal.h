// Decoding of STRING tokens for the parser: prefixes, escape sequences, and
// the splitting of 3.11 f-strings into literal parts and replacement fields.
//
// Invariants:
//   * Decoded str values are generalized UTF-8 (lone surrogates from
//     "\ud800" are kept as 3-byte sequences); bytes values are raw bytes.
//   * Views returned here point into the token's text (that is, into
//     SourceText::text) or into storage owned by the output object; they stay
//     valid while both live and the output object is not reused.
//   * Nothing is printed: invalid escapes such as "\d" are kept literally
//     (CPython only emits a DeprecationWarning).
//
// Error positions: CPython reports almost every string error at the parser's
// current position (its last fetched token), not at the string, so these
// functions fill only err.type/err.msg and say in `where` which position
// applies; the parser then calls set_error_location (source.h).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/diagnostic.h"
#include "frontend/tokenizer.h"

namespace spindle::frontend {

enum class StringErrorWhere : uint8_t {
  ParserPosition,  // RAISE_SYNTAX_ERROR: the last token the parser fetched
  Token,           // RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token): the STRING token's range
};

struct StringPrefix {
  bool bytes = false;  // b / B
  bool raw = false;    // r / R
  bool fstring = false;  // f / F
  bool u = false;      // u / U (Constant.kind == "u")
};

struct StringLiteral {
  StringPrefix prefix;
  int quote_len = 1;      // 1 or 3
  std::string_view body;  // text between the quotes, undecoded (view into the token)
  // Decoded value, for non-f-strings only: str as UTF-8, bytes as bytes.
  // Views `body` when no decoding was needed, else `storage`.
  std::string_view value;
  std::string storage;
};

// Reads the prefix and quotes of a STRING token (cannot fail).
void parse_string_prefix(const Token& tok, StringLiteral& out);

// Decodes a non-f STRING token into out.value; for an f-string only fills
// prefix/quote_len/body (use split_fstring). On failure fills err.type/msg
// (e.g. "(unicode error) 'unicodeescape' codec can't decode bytes in
// position 0-1: truncated \xXX escape", "bytes can only contain ASCII literal
// characters") and `where`, and returns false.
[[nodiscard]] bool decode_string_literal(const Token& tok, StringLiteral& out,
                                         SyntaxErrorInfo& err, StringErrorWhere& where);

// ---- f-strings (3.11: one STRING token, split here) ----------------------

struct FStringPart;

// A replacement field {expr!c:spec}.
struct FStringField {
  // Expression source text exactly as written between '{' and the
  // '=' / '!' / ':' / '}' that ends it (whitespace included); a view into
  // the token text. 3.11 parses it as "(" + expr + ")".
  std::string_view expr;
  // Position of expr's first byte in the file (1-based line, 0-based byte
  // column), and of the '{' that opens the field (what CPython's
  // fstring_find_expr_location starts from).
  int expr_lineno = 0, expr_col_offset = 0;
  const char* open_brace = nullptr;  // points into the token text
  char conversion = 0;               // 0 (none), 'r', 's' or 'a'
  // Self-documenting "=": the text from after '{' through the '=' and the
  // whitespace after it (3.11 keeps it verbatim); empty when there is none.
  // With "=" and neither conversion nor spec, CPython uses conversion 'r'.
  std::string_view debug_text;
  bool has_format_spec = false;
  std::vector<FStringPart> format_spec;  // literal and nested fields (depth <= 2)
};

struct FStringPart {
  bool is_field = false;
  // Literal part (escapes decoded, "{{" / "}}" unescaped), generalized UTF-8;
  // views the token or FString::storage. Empty literals are never emitted.
  std::string_view literal;
  FStringField field;  // when is_field
};

struct FString {
  std::vector<FStringPart> parts;
  std::deque<std::string> storage;  // decoded literals, stable addresses
};

// Splits an f-string STRING token (prefix.fstring) into parts, with CPython
// 3.11's errors ("f-string: expecting '}'", "f-string: single '}' is not
// allowed", "f-string: empty expression not allowed", "f-string expression
// part cannot include a backslash", "f-string expression part cannot include
// '#'", "f-string: invalid conversion character: expected 's', 'r', or 'a'",
// "f-string: unmatched '('", "f-string: expressions nested too deeply", ...).
// Errors are always at StringErrorWhere::ParserPosition. Appends to out.parts;
// adjacent literal text is merged into one part (but a field's debug_text is
// not: like CPython, the parser appends it to the preceding literal).
//
// CPython compiles each expression as soon as its text is found, before
// looking at its '=', conversion and format spec, so an error inside the
// expression wins over a later f-string error. `on_expr`, when given, is
// called at that moment with the field (expr and positions set); if it
// returns false (having filled err), split_fstring stops and returns false.
using FStringExprHook = std::function<bool(const FStringField&)>;
[[nodiscard]] bool split_fstring(const Token& tok, const StringLiteral& lit, FString& out,
                                 SyntaxErrorInfo& err, const FStringExprHook* on_expr = nullptr);

}  // namespace spindle::frontend
