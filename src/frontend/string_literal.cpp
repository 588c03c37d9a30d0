// Decoding of STRING tokens: escapes, bytes, and 3.11 f-string splitting.
//
// CPython decodes str escapes by first rewriting every non-ASCII character
// of the literal as a "\UXXXXXXXX" escape (and a backslash before one as
// "\u005c"), then running the unicode-escape codec; its error messages give
// positions in that rewritten buffer. We decode the original text directly
// and keep a running "rewritten position" so the messages come out the same.
// The f-string scanner follows the 3.11 rules of fstring_find_literal /
// fstring_find_expr (quotes, brackets, "!=", nesting depth 2).
#include "frontend/string_literal.h"

#include <cstdio>

#include "frontend/source.h"
#include "unicode/unicode_db.h"
#include "unicode/utf8.h"

namespace spindle::frontend {

namespace {

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void set_msg(SyntaxErrorInfo& err, std::string msg) {
  err = SyntaxErrorInfo{};
  err.msg = std::move(msg);
}

bool unicode_escape_error(SyntaxErrorInfo& err, size_t start, size_t end, const char* reason) {
  char buf[200];
  if (end - start == 1)
    std::snprintf(buf, sizeof buf,
                  "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %zu: %s",
                  start, reason);
  else
    std::snprintf(buf, sizeof buf,
                  "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                  start, end - 1, reason);
  set_msg(err, buf);
  return false;
}

// Invalid UTF-8 in a literal (only possible when the source declared utf-8,
// see SourceText::unchecked_utf8): CPython's decoder error, positions
// relative to `s`, the text it decoded in one go.
bool check_utf8(std::string_view s, SyntaxErrorInfo& err) {
  Utf8Error e;
  if (!find_utf8_error(s, e)) return true;
  set_msg(err, "(unicode error) " + utf8_error_message(s, e));
  return false;
}

// The same, for each run of non-ASCII bytes on its own (CPython's escape
// decoder decodes them so).
bool check_utf8_runs(std::string_view s, SyntaxErrorInfo& err) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { i++; continue; }
    size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) j++;
    if (!check_utf8(s.substr(i, j - i), err)) return false;
    i = j;
  }
  return true;
}

// Decodes the escapes of a (non-raw) str literal segment into `out`.
// CPython decodes each run of non-ASCII bytes on its own, so a UTF-8 error's
// position counts from the start of its run.
bool decode_str_escapes(std::string_view s, std::string& out, SyntaxErrorInfo& err) {
  size_t i = 0;
  size_t tpos = 0;  // position in CPython's rewritten buffer
  bool utf8_ok = true;
  // Rewritten width of the character at s[i] (ASCII: 1, else 10 per char).
  auto copy_char = [&]() {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += char(c);
      i++;
      tpos++;
      return;
    }
    if (i == 0 || static_cast<unsigned char>(s[i - 1]) < 0x80) {
      size_t run_end = i;
      while (run_end < s.size() && static_cast<unsigned char>(s[run_end]) >= 0x80) run_end++;
      if (!check_utf8(s.substr(i, run_end - i), err)) utf8_ok = false;
    }
    char32_t cp;
    size_t len = unicode::decode_utf8(s, i, cp, /*allow_surrogates=*/true);
    if (len == 0) len = 1;
    out.append(s.substr(i, len));
    i += len;
    tpos += 10;
  };
  while (i < s.size()) {
    if (s[i] != '\\') {
      copy_char();
      if (!utf8_ok) return false;
      continue;
    }
    size_t start = tpos;
    i++;
    tpos++;
    if (i >= s.size() || static_cast<unsigned char>(s[i]) >= 0x80) {
      // "\é" is rewritten "\u005c\U000000e9": a literal backslash.
      out += '\\';
      tpos += 5;
      continue;
    }
    char c = s[i++];
    tpos++;
    switch (c) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'a': out += '\a'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        char32_t ch = char32_t(c - '0');
        for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; k++) {
          ch = (ch << 3) + char32_t(s[i++] - '0');
          tpos++;
        }
        unicode::append_utf8(out, ch);  // above 0o377 CPython only warns
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        const char* reason = c == 'x'   ? "truncated \\xXX escape"
                             : c == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
        uint32_t ch = 0;
        for (; count; count--) {
          if (i >= s.size()) return unicode_escape_error(err, start, tpos, reason);
          int v = hex_value(static_cast<unsigned char>(s[i]));
          if (v < 0) return unicode_escape_error(err, start, tpos, reason);
          ch = (ch << 4) | uint32_t(v);
          i++;
          tpos++;
        }
        if (ch > 0x10FFFF) return unicode_escape_error(err, start, tpos, "illegal Unicode character");
        unicode::append_utf8(out, char32_t(ch));
        break;
      }
      case 'N': {
        const char* malformed = "malformed \\N character escape";
        if (i >= s.size()) return unicode_escape_error(err, start, tpos, malformed);
        if (s[i] != '{') return unicode_escape_error(err, start, tpos, malformed);
        i++;
        tpos++;
        size_t name_begin = i;
        bool ascii = true;
        while (i < s.size() && s[i] != '}') {
          if (static_cast<unsigned char>(s[i]) >= 0x80) {
            ascii = false;
            char32_t cp;
            size_t len = unicode::decode_utf8(s, i, cp, true);
            i += len ? len : 1;
            tpos += 10;
          } else {
            i++;
            tpos++;
          }
        }
        if (i >= s.size()) return unicode_escape_error(err, start, tpos, malformed);
        std::string_view name = s.substr(name_begin, i - name_begin);
        if (name.empty()) return unicode_escape_error(err, start, tpos, malformed);
        i++;
        tpos++;
        std::optional<char32_t> cp;
        if (ascii) {
          std::string upper(name);
          for (char& ch : upper) ch = char(std::toupper(static_cast<unsigned char>(ch)));
          cp = unicode::lookup_name(upper);
        }
        if (!cp) return unicode_escape_error(err, start, tpos, "unknown Unicode character name");
        unicode::append_utf8(out, *cp);
        break;
      }
      default:
        out += '\\';  // invalid escape: kept (CPython warns)
        out += c;
        break;
    }
  }
  return true;
}

bool decode_bytes_escapes(std::string_view s, std::string& out, SyntaxErrorInfo& err) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\\') {
      out += s[i++];
      continue;
    }
    size_t start = i;
    i++;
    if (i >= s.size()) {
      set_msg(err, "(value error) Trailing \\ in string");
      return false;
    }
    char c = s[i++];
    switch (c) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'a': out += '\a'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = unsigned(c - '0');
        for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; k++)
          v = (v << 3) + unsigned(s[i++] - '0');
        out += char(v & 0xFF);  // CPython truncates (and warns above 0o377)
        break;
      }
      case 'x': {
        int d1 = i < s.size() ? hex_value(static_cast<unsigned char>(s[i])) : -1;
        int d2 = i + 1 < s.size() ? hex_value(static_cast<unsigned char>(s[i + 1])) : -1;
        if (d1 < 0 || d2 < 0) {
          set_msg(err, "(value error) invalid \\x escape at position " + std::to_string(start));
          return false;
        }
        out += char((d1 << 4) | d2);
        i += 2;
        break;
      }
      default:
        out += '\\';
        out += c;
        break;
    }
  }
  return true;
}

}  // namespace

void parse_string_prefix(const Token& tok, StringLiteral& out) {
  out.prefix = StringPrefix{};
  std::string_view t = tok.text;
  size_t q = 0;
  while (q < t.size() && t[q] != '\'' && t[q] != '"') {
    switch (t[q]) {
      case 'b': case 'B': out.prefix.bytes = true; break;
      case 'r': case 'R': out.prefix.raw = true; break;
      case 'f': case 'F': out.prefix.fstring = true; break;
      case 'u': case 'U': out.prefix.u = true; break;
    }
    q++;
  }
  char quote = q < t.size() ? t[q] : '"';
  out.quote_len = (t.size() >= q + 6 && t[q + 1] == quote && t[q + 2] == quote) ? 3 : 1;
  size_t body_begin = q + size_t(out.quote_len);
  size_t body_end = t.size() >= body_begin + size_t(out.quote_len) ? t.size() - size_t(out.quote_len)
                                                                    : body_begin;
  out.body = t.substr(body_begin, body_end - body_begin);
  out.value = {};
}

bool decode_string_literal(const Token& tok, StringLiteral& out, SyntaxErrorInfo& err,
                           StringErrorWhere& where) {
  parse_string_prefix(tok, out);
  where = StringErrorWhere::ParserPosition;
  if (out.prefix.fstring) return true;
  std::string_view body = out.body;
  if (out.prefix.bytes) {
    for (unsigned char c : body) {
      if (c >= 0x80) {
        set_msg(err, "bytes can only contain ASCII literal characters");
        where = StringErrorWhere::Token;
        return false;
      }
    }
  }
  if (out.prefix.raw || body.find('\\') == std::string_view::npos) {
    if (!out.prefix.bytes && !check_utf8(body, err)) return false;
    out.value = body;
    return true;
  }
  out.storage.clear();
  bool ok = out.prefix.bytes ? decode_bytes_escapes(body, out.storage, err)
                             : decode_str_escapes(body, out.storage, err);
  if (!ok) return false;
  out.value = out.storage;
  return true;
}

// ---- f-strings ------------------------------------------------------------

namespace {

constexpr int kMaxFStringParens = 200;  // CPython's MAXLEVEL

struct FStringScanner {
  const Token& tok;
  bool raw;
  SyntaxErrorInfo& err;
  const FStringExprHook* on_expr;
  FString& owner;
  const char* end;

  bool fail(std::string msg) {
    set_msg(err, std::move(msg));
    return false;
  }

  void add_literal(std::vector<FStringPart>& parts, std::string_view text, bool owned) {
    if (text.empty()) return;
    if (!parts.empty() && !parts.back().is_field) {
      // Merge with the previous literal: both are copied into storage.
      std::string merged(parts.back().literal);
      merged += text;
      parts.back().literal = owner.storage.emplace_back(std::move(merged));
      return;
    }
    FStringPart part;
    part.literal = owned ? std::string_view(owner.storage.emplace_back(text)) : text;
    parts.push_back(std::move(part));
  }

  // One literal run: stops at a single '{' (field) or '}' (end of a nested
  // spec); "{{" / "}}" at the top level end the run after one brace.
  // Returns 1 if it stopped after a doubled brace, 0 otherwise, -1 on error.
  int find_literal(const char*& str, int recurse_lvl, std::vector<FStringPart>& parts) {
    const char* s = str;
    const char* literal_start = s;
    int result = 0;
    while (s < end) {
      char ch = *s++;
      if (!raw && ch == '\\' && s < end) {
        ch = *s++;
        if (ch == 'N') {
          // Skip "\N{...}" so its braces are not taken for a field.
          if (s < end && *s++ == '{') {
            while (s < end && *s++ != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (recurse_lvl == 0) {
          if (s < end && *s == ch) {
            str = s + 1;
            result = 1;
            goto done;
          }
          if (ch == '}') {
            str = s - 1;
            fail("f-string: single '}' is not allowed");
            return -1;
          }
        }
        s--;
        break;
      }
    }
    str = s;
  done:
    if (literal_start != s) {
      std::string_view text(literal_start, size_t(s - literal_start));
      if (raw || text.find('\\') == std::string_view::npos) {
        // Non-raw literals go through the escape decoder even without a
        // backslash, which decodes non-ASCII runs one at a time.
        if (raw ? !check_utf8(text, err) : !check_utf8_runs(text, err)) return -1;
        add_literal(parts, text, false);
      } else {
        std::string decoded;
        if (!decode_str_escapes(text, decoded, err)) return -1;
        add_literal(parts, decoded, true);
      }
    }
    return result;
  }

  void locate(FStringField& f, const char* p) const {
    int line = tok.lineno;
    const char* line_begin = nullptr;
    for (const char* q = tok.text.data(); q < p; q++)
      if (*q == '\n') {
        line++;
        line_begin = q + 1;
      }
    f.expr_lineno = line;
    f.expr_col_offset = line_begin ? int(p - line_begin) : tok.col_offset + int(p - tok.text.data());
  }

  bool find_expr(const char*& str, int recurse_lvl, std::vector<FStringPart>& parts) {
    if (recurse_lvl >= 2) return fail("f-string: expressions nested too deeply");
    FStringPart part;
    part.is_field = true;
    FStringField& f = part.field;
    f.open_brace = str;
    str++;
    const char* expr_start = str;
    char quote_char = 0;
    int string_type = 0;
    int depth = 0;
    char parens[kMaxFStringParens];
    for (; str < end; str++) {
      char ch = *str;
      if (ch == '\\') return fail("f-string expression part cannot include a backslash");
      if (quote_char) {
        if (ch == quote_char) {
          if (string_type == 3) {
            if (str + 2 < end && str[1] == ch && str[2] == ch) {
              str += 2;
              string_type = 0;
              quote_char = 0;
            }
          } else {
            string_type = 0;
            quote_char = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (str + 2 < end && str[1] == ch && str[2] == ch) {
          string_type = 3;
          str += 2;
        } else {
          string_type = 1;
        }
        quote_char = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (depth >= kMaxFStringParens) return fail("f-string: too many nested parenthesis");
        parens[depth++] = ch;
      } else if (ch == '#') {
        return fail("f-string expression part cannot include '#'");
      } else if (depth == 0 &&
                 (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (str + 1 < end) {
          char next = str[1];
          if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
            str++;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (depth == 0) return fail(std::string("f-string: unmatched '") + ch + "'");
        char opening = parens[--depth];
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
              (opening == '{' && ch == '}')))
          return fail(std::string("f-string: closing parenthesis '") + ch +
                      "' does not match opening parenthesis '" + opening + "'");
      }
    }
    const char* expr_end = str;
    if (quote_char) return fail("f-string: unterminated string");
    if (depth) return fail(std::string("f-string: unmatched '") + parens[depth - 1] + "'");
    if (str >= end) return fail("f-string: expecting '}'");

    // The checks fstring_compile_expr makes before parsing.
    const char* s = expr_start;
    while (s != expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) s++;
    if (s == expr_end) {
      if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
        return fail(std::string("f-string: expression required before '") + *expr_end + "'");
      return fail("f-string: empty expression not allowed");
    }
    f.expr = std::string_view(expr_start, size_t(expr_end - expr_start));
    locate(f, expr_start);
    if (on_expr && *on_expr && !(*on_expr)(f)) return false;

    if (*str == '=') {
      str++;
      while (str < end && (*str == ' ' || *str == '\t' || *str == '\n' || *str == '\r' ||
                           *str == '\f' || *str == '\v'))
        str++;
      if (str >= end) return fail("f-string: expecting '}'");
      f.debug_text = std::string_view(expr_start, size_t(str - expr_start));
    }
    if (*str == '!') {
      str++;
      if (str >= end) return fail("f-string: expecting '}'");
      char conv = *str++;
      if (conv != 's' && conv != 'r' && conv != 'a')
        return fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      f.conversion = conv;
    }
    if (str >= end) return fail("f-string: expecting '}'");
    if (*str == ':') {
      str++;
      if (str >= end) return fail("f-string: expecting '}'");
      f.has_format_spec = true;
      if (!scan(str, recurse_lvl + 1, f.format_spec)) return false;
    }
    if (str >= end || *str != '}') return fail("f-string: expecting '}'");
    str++;
    parts.push_back(std::move(part));
    return true;
  }

  // _PyPegen_FstringParser_ConcatFstring: literals and fields until the end
  // (top level) or the '}' closing a format spec.
  bool scan(const char*& str, int recurse_lvl, std::vector<FStringPart>& parts) {
    for (;;) {
      int r = find_literal(str, recurse_lvl, parts);
      if (r < 0) return false;
      if (r == 1) continue;
      if (str >= end || *str == '}') break;
      if (!find_expr(str, recurse_lvl, parts)) return false;
    }
    if (recurse_lvl == 0 && str < end - 1) return fail("f-string: unexpected end of string");
    if (recurse_lvl != 0 && (str >= end || *str != '}')) return fail("f-string: expecting '}'");
    return true;
  }
};

}  // namespace

bool split_fstring(const Token& tok, const StringLiteral& lit, FString& out, SyntaxErrorInfo& err,
                   const FStringExprHook* on_expr) {
  FStringScanner sc{tok, lit.prefix.raw, err, on_expr, out, lit.body.data() + lit.body.size()};
  const char* str = lit.body.data();
  return sc.scan(str, 0, out.parts);
}

}  // namespace spindle::frontend
