// The Python 3.11 lexical grammar (see tokenizer.h for the contract).
//
// The scanner is written as a cursor over the decoded text with the same
// moves as CPython's C tokenizer (read a byte, back up one), because CPython
// derives its error positions from where that cursor stands when it gives
// up: reproducing the moves reproduces the positions. Invariants:
//   * cur_ only moves through nextc()/backup(); lineno_/line_start_ change
//     when the first byte of a new line is read (never on '\n' itself),
//     as CPython's line reader does;
//   * the text ends with '\n' (SourceText), so every token but ENDMARKER
//     ends inside its line and EOF is only met at a line start.
#include "frontend/tokenizer.h"

#include <cstdio>

#include "unicode/unicode_db.h"
#include "unicode/utf8.h"

namespace spindle::frontend {

namespace {

constexpr int kEOF = -1;
constexpr int kTabSize = 8;

struct TokenTypeInfo {
  const char* name;
  const char* spelling;
};
constexpr TokenTypeInfo kTokenTypeInfo[] = {
#define TOKEN(name, spelling) {#name, spelling},
#include "frontend/token_types.def"
#undef TOKEN
};

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_identifier_char(int c) { return is_identifier_start(c) || is_digit(c); }

TokenType one_char(int c) {
  switch (c) {
    case '%': return TokenType::PERCENT;
    case '&': return TokenType::AMPER;
    case '(': return TokenType::LPAR;
    case ')': return TokenType::RPAR;
    case '*': return TokenType::STAR;
    case '+': return TokenType::PLUS;
    case ',': return TokenType::COMMA;
    case '-': return TokenType::MINUS;
    case '.': return TokenType::DOT;
    case '/': return TokenType::SLASH;
    case ':': return TokenType::COLON;
    case ';': return TokenType::SEMI;
    case '<': return TokenType::LESS;
    case '=': return TokenType::EQUAL;
    case '>': return TokenType::GREATER;
    case '@': return TokenType::AT;
    case '[': return TokenType::LSQB;
    case ']': return TokenType::RSQB;
    case '^': return TokenType::CIRCUMFLEX;
    case '{': return TokenType::LBRACE;
    case '|': return TokenType::VBAR;
    case '}': return TokenType::RBRACE;
    case '~': return TokenType::TILDE;
    default: return TokenType::OP;
  }
}

TokenType two_chars(int c1, int c2) {
  switch (c1) {
    case '!': if (c2 == '=') return TokenType::NOTEQUAL; break;
    case '%': if (c2 == '=') return TokenType::PERCENTEQUAL; break;
    case '&': if (c2 == '=') return TokenType::AMPEREQUAL; break;
    case '*':
      if (c2 == '*') return TokenType::DOUBLESTAR;
      if (c2 == '=') return TokenType::STAREQUAL;
      break;
    case '+': if (c2 == '=') return TokenType::PLUSEQUAL; break;
    case '-':
      if (c2 == '=') return TokenType::MINEQUAL;
      if (c2 == '>') return TokenType::RARROW;
      break;
    case '/':
      if (c2 == '/') return TokenType::DOUBLESLASH;
      if (c2 == '=') return TokenType::SLASHEQUAL;
      break;
    case ':': if (c2 == '=') return TokenType::COLONEQUAL; break;
    case '<':
      if (c2 == '<') return TokenType::LEFTSHIFT;
      if (c2 == '=') return TokenType::LESSEQUAL;
      if (c2 == '>') return TokenType::NOTEQUAL;
      break;
    case '=': if (c2 == '=') return TokenType::EQEQUAL; break;
    case '>':
      if (c2 == '=') return TokenType::GREATEREQUAL;
      if (c2 == '>') return TokenType::RIGHTSHIFT;
      break;
    case '@': if (c2 == '=') return TokenType::ATEQUAL; break;
    case '^': if (c2 == '=') return TokenType::CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return TokenType::VBAREQUAL; break;
  }
  return TokenType::OP;
}

TokenType three_chars(int c1, int c2, int c3) {
  if (c3 != '=') return TokenType::OP;
  if (c1 == '*' && c2 == '*') return TokenType::DOUBLESTAREQUAL;
  if (c1 == '/' && c2 == '/') return TokenType::DOUBLESLASHEQUAL;
  if (c1 == '<' && c2 == '<') return TokenType::LEFTSHIFTEQUAL;
  if (c1 == '>' && c2 == '>') return TokenType::RIGHTSHIFTEQUAL;
  return TokenType::OP;
}

// Code points in [b, e), invalid bytes counting one each (CPython decodes
// with "replace" to measure columns).
// As CPython counts: the bytes decoded with errors='replace'.
int chars_between(const char* b, const char* e) {
  if (e <= b) return 0;
  return replaced_char_count(std::string_view(b, size_t(e - b)));
}

}  // namespace

const char* token_type_name(TokenType t) { return kTokenTypeInfo[size_t(t)].name; }
const char* token_type_spelling(TokenType t) { return kTokenTypeInfo[size_t(t)].spelling; }

Tokenizer::Tokenizer(const SourceText& src, std::string_view filename, SyntaxErrorInfo& err)
    : src_(src),
      filename_(filename),
      err_(err),
      begin_(src.text.data()),
      end_(src.text.data() + src.text.size() - (src.hide_added_newline ? 1 : 0)),
      cur_(begin_),
      line_start_(begin_),
      buf_(begin_) {}

// ---- cursor ---------------------------------------------------------------

int Tokenizer::nextc() {
  if (cur_ == end_) {
    if (src_.has_deferred_error) hit_deferred_error_ = true;
    if (src_.from_file && !in_token_) buf_ = cur_;  // the file reader's buffer is now empty
    return kEOF;
  }
  if (line_pending_) {
    line_pending_ = false;
    lineno_++;
    line_start_ = cur_;
    if (!in_token_) buf_ = cur_;
  }
  int c = static_cast<unsigned char>(*cur_++);
  if (c == '\n') line_pending_ = true;
  return c;
}

void Tokenizer::backup(int c) {
  if (c == kEOF) return;
  cur_--;
  if (c == '\n') line_pending_ = false;
}

// True if the next bytes are `test` followed by a non-identifier character;
// the cursor is left where it was.
bool Tokenizer::lookahead(const char* test) {
  const char* p = cur_;
  for (; *test; test++, p++)
    if (p == end_ || *p != *test) return false;
  return p == end_ || !is_identifier_char(static_cast<unsigned char>(*p));
}

void Tokenizer::begin_token() {
  tok_start_ = cur_ - 1;
  tok_line_start_ = line_start_;
  tok_lineno_ = lineno_;
  in_token_ = true;
}

void Tokenizer::finish(Token& out, TokenType type) {
  out.type = type;
  out.text = std::string_view(tok_start_, size_t(cur_ - tok_start_));
  out.lineno = tok_lineno_;
  out.col_offset = int(tok_start_ - tok_line_start_);
  out.end_lineno = lineno_;
  out.end_col_offset = int(cur_ - line_start_);
}

const char* Tokenizer::line_end_or(const char* p) const {
  while (p < end_ && *p != '\n') p++;
  return p < end_ ? p + 1 : p;
}

int Tokenizer::eof_lineno() const { return src_.text.empty() ? 0 : src_.line_count() + 1; }

// ---- errors ---------------------------------------------------------------

// The tokenizer's own syntaxerror(): the line is the current one, the column
// (unless given) is the number of characters before the cursor, the text is
// the line without its newline.
bool Tokenizer::syntax_error(std::string msg, int col, int end_col) {
  SyntaxErrorInfo& e = err_;
  e = SyntaxErrorInfo{};
  e.msg = std::move(msg);
  e.filename = std::string(filename_);
  if (col == -1) col = chars_between(line_start_, cur_);
  if (end_col == -1) end_col = col;
  e.lineno = e.end_lineno = lineno_;
  e.offset = col;
  e.end_offset = end_col;
  const char* nl = line_start_;
  while (nl < end_ && *nl != '\n') nl++;
  e.text = utf8_replace(std::string_view(line_start_, size_t(nl - line_start_)));
  e.has_text = true;
  error_kind_ = TokenizerErrorKind::Raised;
  return false;
}

// Errors the C tokenizer only signals through tok->done; pegen turns them
// into exceptions (_Pypegen_tokenizer_error) with these positions.
bool Tokenizer::pegen_error(TokenizerErrorKind kind) {
  SyntaxErrorInfo& e = err_;
  e = SyntaxErrorInfo{};
  error_kind_ = kind;
  int lineno = lineno_;
  switch (kind) {
    case TokenizerErrorKind::Eof:
      if (level_ > 0) return report_unclosed_paren();
      [[fallthrough]];
    case TokenizerErrorKind::Dedent: {
      // RAISE_SYNTAX_ERROR at the error token, which has no column: pegen
      // uses the cursor (the end of the line) and leaves end_offset at -1.
      // EOF met between tokens left CPython's file buffer empty: column 0.
      int col = cursor_col();
      set_error_location(e, src_, filename_, lineno, col - 1, lineno, -1);
      e.end_offset = -1;
      if (kind == TokenizerErrorKind::Dedent) {
        e.type = "IndentationError";
        e.msg = "unindent does not match any outer indentation level";
      } else {
        e.msg = "unexpected EOF while parsing";
      }
      return false;
    }
    case TokenizerErrorKind::TabSpace:
      set_error_location(e, src_, filename_, lineno, 0, lineno, -1);
      e.type = "TabError";
      e.msg = "inconsistent use of tabs and spaces in indentation";
      return false;
    case TokenizerErrorKind::TooDeep:
      set_error_location(e, src_, filename_, lineno, 0, lineno, -1);
      e.type = "IndentationError";
      e.msg = "too many levels of indentation";
      return false;
    case TokenizerErrorKind::LineCont:
      // Column counted from tok->buf, the first line of the token in
      // progress (CPython's quirk), then clipped against the current line.
      set_error_location(e, src_, filename_, lineno, int(cur_ - buf_ - 1), lineno, -1);
      e.msg = "unexpected character after line continuation character";
      return false;
    default:
      e.msg = "unknown parsing error";
      return false;
  }
}

bool Tokenizer::report_unclosed_paren() {
  if (level_ == 0) return false;
  int l = paren_lineno_[level_ - 1];
  err_ = SyntaxErrorInfo{};
  set_error_location(err_, src_, filename_, l, paren_col_[level_ - 1], l, -1);
  err_.msg = std::string("'") + paren_stack_[level_ - 1] + "' was never closed";
  return false;
}

// ---- main loop ------------------------------------------------------------

bool Tokenizer::next(Token& out) {
  if (error_kind_ != TokenizerErrorKind::None) return false;
  bool ok = next_impl(out);
  if (hit_deferred_error_) {
    err_ = src_.deferred_error;
    error_kind_ = TokenizerErrorKind::Raised;
    return false;
  }
  if (ok) {
    last_ = out;
    have_last_ = true;
  }
  return ok;
}

bool Tokenizer::continuation_line(int& c) {
  c = nextc();
  if (c != '\n') return pegen_error(TokenizerErrorKind::LineCont);
  c = nextc();
  if (c == kEOF) {
    cur_ = end_;
    return pegen_error(TokenizerErrorKind::Eof);
  }
  backup(c);
  return true;
}

bool Tokenizer::next_impl(Token& out) {
  int c;
  bool blankline;
nextline:
  in_token_ = false;
  blankline = false;
  if (done_) {
    out = Token{TokenType::ENDMARKER, std::string_view(end_, 0), eof_lineno(), 0, eof_lineno(), 0};
    return true;
  }
  if (pending_ != 0) goto emit_pending;

  if (at_bol_) {
    at_bol_ = false;
    int col = 0, altcol = 0, cont_line_col = 0;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        col++, altcol++;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = altcol + 1;
      } else if (c == '\f') {
        col = altcol = 0;
      } else if (c == '\\') {
        // Only the first backslash-continued prefix sets the indentation.
        cont_line_col = cont_line_col ? cont_line_col : col;
        if (!continuation_line(c)) return false;
      } else {
        break;
      }
    }
    backup(c);
    if (c == '#' || c == '\n') blankline = true;  // blank or comment-only line
    if (!blankline && level_ == 0) {
      if (cont_line_col) col = altcol = cont_line_col;
      if (col == indstack_[indent_]) {
        if (altcol != altindstack_[indent_]) {
          cur_ = line_end_or(cur_);
          return pegen_error(TokenizerErrorKind::TabSpace);
        }
      } else if (col > indstack_[indent_]) {
        if (indent_ + 1 >= kMaxIndent) {
          cur_ = line_end_or(cur_);
          return pegen_error(TokenizerErrorKind::TooDeep);
        }
        if (altcol <= altindstack_[indent_]) {
          cur_ = line_end_or(cur_);
          return pegen_error(TokenizerErrorKind::TabSpace);
        }
        pending_++;
        indstack_[++indent_] = col;
        altindstack_[indent_] = altcol;
      } else {
        while (indent_ > 0 && col < indstack_[indent_]) {
          pending_--;
          indent_--;
        }
        if (col != indstack_[indent_]) {
          cur_ = line_end_or(cur_);
          return pegen_error(TokenizerErrorKind::Dedent);
        }
        if (altcol != altindstack_[indent_]) {
          cur_ = line_end_or(cur_);
          return pegen_error(TokenizerErrorKind::TabSpace);
        }
      }
      pending_col_ = int(cur_ - line_start_);
    }
  }

emit_pending:
  if (pending_ != 0) {
    // Positions as Python's tokenize module gives them (the C tokenizer
    // gives these tokens none): INDENT spans the indentation, DEDENT is
    // empty after it; at EOF both sit at the start of the line after the last.
    bool at_eof = cur_ == end_;
    int l = at_eof ? eof_lineno() : lineno_;
    const char* ls = at_eof ? end_ : line_start_;
    if (pending_ < 0) {
      pending_++;
      int col = at_eof ? 0 : pending_col_;
      out = Token{TokenType::DEDENT, std::string_view(ls + col, 0), l, col, l, col};
    } else {
      pending_--;
      out = Token{TokenType::INDENT, std::string_view(ls, size_t(pending_col_)), l, 0, l,
                  pending_col_};
    }
    return true;
  }

again:
  in_token_ = false;
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\f');
  begin_token();

  if (c == '#') {
    while (c != kEOF && c != '\n') c = nextc();
  }

  if (c == kEOF) {
    if (hit_deferred_error_) return false;
    if (level_ > 0) return pegen_error(TokenizerErrorKind::Eof);
    // Close the open blocks, then stay at ENDMARKER.
    if (indent_ > 0) {
      pending_ = -indent_;
      indent_ = 0;
      goto emit_pending;
    }
    done_ = true;
    goto nextline;
  }

  if (is_identifier_start(c)) {
    // String prefixes: the legal combinations of b, r, u, f.
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
      else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
      else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
      else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
      else break;
      c = nextc();
      if (c == '"' || c == '\'') return lex_string(out, c);
    }
    return lex_name_rest(out, c);
  }

  if (c == '\n') {
    at_bol_ = true;
    if (blankline || level_ > 0) goto nextline;
    cont_line_ = false;
    // As the C tokenizer (whose positions pegen's errors use): NEWLINE
    // starts at the comment before it if any, and ends before the '\n'.
    out = Token{TokenType::NEWLINE, std::string_view(tok_start_, size_t(cur_ - 1 - tok_start_)),
                tok_lineno_, int(tok_start_ - tok_line_start_), tok_lineno_,
                int(cur_ - 1 - tok_line_start_)};
    return true;
  }

  if (c == '.') {
    c = nextc();
    if (is_digit(c)) return lex_number(out, c);
    if (c == '.') {
      int c2 = nextc();
      if (c2 == '.') {
        finish(out, TokenType::ELLIPSIS);
        return true;
      }
      backup(c2);
      backup('.');
    } else {
      backup(c);
    }
    finish(out, TokenType::DOT);
    return true;
  }

  if (is_digit(c)) return lex_number(out, c);

  if (c == '\'' || c == '"') return lex_string(out, c);

  if (c == '\\') {
    if (!continuation_line(c)) return false;
    cont_line_ = true;
    goto again;
  }

  {
    int c2 = nextc();
    TokenType t2 = two_chars(c, c2);
    if (t2 != TokenType::OP) {
      int c3 = nextc();
      TokenType t3 = three_chars(c, c2, c3);
      if (t3 != TokenType::OP) t2 = t3;
      else backup(c3);
      finish(out, t2);
      return true;
    }
    backup(c2);
  }

  switch (c) {
    case '(':
    case '[':
    case '{':
      if (level_ >= kMaxLevel) return syntax_error("too many nested parentheses");
      paren_stack_[level_] = char(c);
      paren_lineno_[level_] = lineno_;
      paren_col_[level_] = int(tok_start_ - line_start_);
      level_++;
      break;
    case ')':
    case ']':
    case '}': {
      if (level_ == 0) return syntax_error(std::string("unmatched '") + char(c) + "'");
      level_--;
      int opening = paren_stack_[level_];
      if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
            (opening == '{' && c == '}'))) {
        std::string msg = std::string("closing parenthesis '") + char(c) +
                          "' does not match opening parenthesis '" + char(opening) + "'";
        if (paren_lineno_[level_] != lineno_)
          msg += " on line " + std::to_string(paren_lineno_[level_]);
        return syntax_error(std::move(msg));
      }
      break;
    }
    default:
      break;
  }
  if (c < 32 || c == 127) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", unsigned(c));
    return syntax_error(std::string("invalid non-printable character U+") + hex);
  }
  finish(out, one_char(c));
  return true;
}

// ---- names ----------------------------------------------------------------

bool Tokenizer::lex_name_rest(Token& out, int c) {
  bool nonascii = false;
  while (is_identifier_char(c)) {
    if (c >= 128) nonascii = true;
    c = nextc();
  }
  backup(c);
  finish(out, TokenType::NAME);
  if (nonascii) {
    std::string_view name;
    if (!verify_identifier(name)) return false;
    out.text = name;
  }
  return true;
}

// Checks a non-ASCII identifier against XID_Start/XID_Continue and gives its
// NFKC form (the parser's identifiers are normalized, PEP 3131).
bool Tokenizer::verify_identifier(std::string_view& name) {
  std::string_view raw(tok_start_, size_t(cur_ - tok_start_));
  scratch_u32_.clear();
  size_t invalid_at = std::string_view::npos;  // byte offset just past the bad char
  char32_t bad = 0;
  for (size_t i = 0; i < raw.size();) {
    char32_t cp;
    size_t len = unicode::decode_utf8(raw, i, cp, /*allow_surrogates=*/false);
    if (len == 0) {
      // Invalid UTF-8 reaches here when the source declared utf-8 (see
      // SourceText::unchecked_utf8). CPython's decode fails; pegen reports
      // it at the cursor (the identifier's end), the token having no column.
      Utf8Error ue;
      if (!find_utf8_error(raw, ue)) ue = {i, 1, "invalid start byte"};
      SyntaxErrorInfo& e = err_;
      e = SyntaxErrorInfo{};
      set_error_location(e, src_, filename_, lineno_, int(cur_ - line_start_) - 1, lineno_, -1);
      e.end_offset = -1;
      e.msg = "(unicode error) " + utf8_error_message(raw, ue);
      error_kind_ = TokenizerErrorKind::Raised;
      return false;
    }
    bool ok = scratch_u32_.empty() ? (cp == '_' || unicode::is_xid_start(cp))
                                   : unicode::is_xid_continue(cp);
    if (!ok) {
      bad = cp;
      invalid_at = i + len;
      break;
    }
    scratch_u32_.push_back(cp);
    i += len;
  }
  if (invalid_at != std::string_view::npos) {
    cur_ = tok_start_ + invalid_at;
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", unsigned(bad));
    if (unicode::is_printable(bad)) {
      std::string msg = "invalid character '";
      unicode::append_utf8(msg, bad);
      msg += "' (U+";
      msg += hex;
      msg += ")";
      return syntax_error(std::move(msg));
    }
    return syntax_error(std::string("invalid non-printable character U+") + hex);
  }
  if (unicode::is_nfkc_quick_yes(scratch_u32_)) {
    name = raw;
    return true;
  }
  std::u32string norm = unicode::nfkc(scratch_u32_);
  std::string& s = normalized_names_.emplace_back();
  for (char32_t cp : norm) unicode::append_utf8(s, cp);
  name = s;
  return true;
}

// ---- numbers --------------------------------------------------------------

bool Tokenizer::decimal_tail(int& c) {
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') return true;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      return syntax_error("invalid decimal literal");
    }
  }
}

// A number may not run into a name ("1abc"), except for the keywords that
// can follow a number in valid code ("1if x else y"; CPython 3.11 only warns).
bool Tokenizer::verify_end_of_number(int c, const char* kind) {
  bool keyword = false;
  switch (c) {
    case 'a': keyword = lookahead("nd"); break;
    case 'e': keyword = lookahead("lse"); break;
    case 'f': keyword = lookahead("or"); break;
    case 'i':
      keyword = cur_ < end_ && (*cur_ == 'f' || *cur_ == 'n' || *cur_ == 's');
      break;
    case 'o': keyword = lookahead("r"); break;
    case 'n': keyword = lookahead("ot"); break;
  }
  if (keyword) return true;
  if (is_identifier_char(c)) {
    backup(c);
    return syntax_error(std::string("invalid ") + kind + " literal");
  }
  return true;
}

// `c` is the first digit (or, after '.', the first fraction digit with the
// '.' already read).
bool Tokenizer::lex_number(Token& out, int c) {
  bool fraction = tok_start_[0] == '.';
  if (fraction) goto fraction;
  if (c == '0') {
    c = nextc();
    if (c == 'x' || c == 'X') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!is_xdigit(c)) {
          backup(c);
          return syntax_error("invalid hexadecimal literal");
        }
        do {
          c = nextc();
        } while (is_xdigit(c));
      } while (c == '_');
      if (!verify_end_of_number(c, "hexadecimal")) return false;
    } else if (c == 'o' || c == 'O') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c < '0' || c >= '8') {
          if (is_digit(c))
            return syntax_error(std::string("invalid digit '") + char(c) + "' in octal literal");
          backup(c);
          return syntax_error("invalid octal literal");
        }
        do {
          c = nextc();
        } while ('0' <= c && c < '8');
      } while (c == '_');
      if (is_digit(c))
        return syntax_error(std::string("invalid digit '") + char(c) + "' in octal literal");
      if (!verify_end_of_number(c, "octal")) return false;
    } else if (c == 'b' || c == 'B') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c != '0' && c != '1') {
          if (is_digit(c))
            return syntax_error(std::string("invalid digit '") + char(c) + "' in binary literal");
          backup(c);
          return syntax_error("invalid binary literal");
        }
        do {
          c = nextc();
        } while (c == '0' || c == '1');
      } while (c == '_');
      if (is_digit(c))
        return syntax_error(std::string("invalid digit '") + char(c) + "' in binary literal");
      if (!verify_end_of_number(c, "binary")) return false;
    } else {
      // "0", "00", "0_0", or an old-style octal (an error), or a float.
      bool nonzero = false;
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            return syntax_error("invalid decimal literal");
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      const char* zeros_end = cur_;
      if (is_digit(c)) {
        nonzero = true;
        if (!decimal_tail(c)) return false;
      }
      if (c == '.') {
        c = nextc();
        goto fraction;
      } else if (c == 'e' || c == 'E') {
        goto exponent;
      } else if (c == 'j' || c == 'J') {
        goto imaginary;
      } else if (nonzero) {
        backup(c);
        return syntax_error(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
            "for octal integers",
            int(tok_start_ + 1 - line_start_), int(zeros_end - line_start_));
      }
      if (!verify_end_of_number(c, "decimal")) return false;
    }
  } else {
    backup(c);
    if (!decimal_tail(c)) return false;
    if (c == '.') {
      c = nextc();
    fraction:
      if (is_digit(c)) {
        backup(c);
        if (!decimal_tail(c)) return false;
      }
    }
    if (c == 'e' || c == 'E') {
    exponent:
      int e = c;
      c = nextc();
      if (c == '+' || c == '-') {
        c = nextc();
        if (!is_digit(c)) {
          backup(c);
          return syntax_error("invalid decimal literal");
        }
      } else if (!is_digit(c)) {
        backup(c);
        if (!verify_end_of_number(e, "decimal")) return false;
        backup(e);
        finish(out, TokenType::NUMBER);
        return true;
      }
      backup(c);
      if (!decimal_tail(c)) return false;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
      c = nextc();
      if (!verify_end_of_number(c, "imaginary")) return false;
    } else if (!verify_end_of_number(c, "decimal")) {
      return false;
    }
  }
  backup(c);
  finish(out, TokenType::NUMBER);
  return true;
}

// ---- strings --------------------------------------------------------------

bool Tokenizer::lex_string(Token& out, int quote) {
  // The token started at its prefix; multi-line strings keep the start line.
  int quote_size = 1;
  int end_quote_size = 0;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) quote_size = 3;
    else end_quote_size = 1;  // empty string
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEOF || (quote_size == 1 && c == '\n')) {
      if (hit_deferred_error_) return false;
      // Report at the opening of the string, naming the line reached.
      int detected = lineno_;
      cur_ = tok_start_ + 1;
      line_start_ = tok_line_start_;
      lineno_ = tok_lineno_;
      return syntax_error(std::string(quote_size == 3 ? "unterminated triple-quoted string literal"
                                                      : "unterminated string literal") +
                          " (detected at line " + std::to_string(detected) + ")");
    }
    if (c == quote) {
      end_quote_size++;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();
    }
  }
  finish(out, TokenType::STRING);
  return true;
}

}  // namespace spindle::frontend
