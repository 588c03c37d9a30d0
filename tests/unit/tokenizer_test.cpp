// Unit tests of source decoding, the tokenizer and string literal decoding.
// Expected errors (message, line, offsets, text) were taken from CPython
// 3.11.7 running the same source as a script (`python3 file.py`).
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "frontend/source.h"
#include "frontend/string_literal.h"
#include "frontend/tokenizer.h"

namespace spindle::frontend {
namespace {

struct Lexed {
  bool ok = true;
  std::vector<Token> tokens;
  std::vector<std::string> texts;  // copies: Token views die with the tokenizer
  SyntaxErrorInfo err;
  TokenizerErrorKind kind = TokenizerErrorKind::None;
};

Lexed lex(std::string_view bytes) {
  Lexed r;
  SourceText src;
  if (!decode_source(bytes, "t.py", src, r.err)) {
    r.ok = false;
    return r;
  }
  Tokenizer tz(src, "t.py", r.err);
  Token t;
  for (int guard = 0; guard < 100000; guard++) {
    if (!tz.next(t)) {
      r.ok = false;
      r.kind = tz.error_kind();
      return r;
    }
    r.tokens.push_back(t);
    r.texts.emplace_back(t.text);
    if (t.type == TokenType::ENDMARKER) break;
  }
  return r;
}

std::string types(const Lexed& r) {
  std::string s;
  for (const Token& t : r.tokens) {
    if (!s.empty()) s += ' ';
    s += token_type_name(t.type);
  }
  return s;
}

TEST(Tokenizer, StatementsAndIndentation) {
  Lexed r = lex("if x:\n    y = 1  # c\n\n    z\nw\n");
  ASSERT_TRUE(r.ok) << r.err.msg;
  EXPECT_EQ(types(r),
            "NAME NAME COLON NEWLINE INDENT NAME EQUAL NUMBER NEWLINE NAME NEWLINE DEDENT NAME "
            "NEWLINE ENDMARKER");
  // NEWLINE after a comment starts at the comment (C tokenizer positions).
  const Token& nl = r.tokens[8];
  EXPECT_EQ(nl.lineno, 2);
  EXPECT_EQ(nl.col_offset, 11);
  EXPECT_EQ(nl.end_col_offset, 14);
  const Token& ind = r.tokens[4];
  EXPECT_EQ(ind.col_offset, 0);
  EXPECT_EQ(ind.end_col_offset, 4);
  EXPECT_EQ(r.tokens.back().lineno, 6);
}

TEST(Tokenizer, MissingFinalNewlineAndDedentsAtEof) {
  Lexed r = lex("def f():\n  return 1");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(types(r), "NAME NAME LPAR RPAR COLON NEWLINE INDENT NAME NUMBER NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(r.tokens[9].lineno, 2);
  EXPECT_EQ(r.tokens[9].col_offset, 10);
  EXPECT_EQ(r.tokens[10].lineno, 3);
  EXPECT_EQ(r.tokens[10].col_offset, 0);
}

TEST(Tokenizer, EmptySource) {
  Lexed r = lex("");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(types(r), "ENDMARKER");
}

TEST(Tokenizer, BracketsJoinLinesAndBackslashContinues) {
  Lexed r = lex("x = (1,\n  # c\n\n  2)\ny = 1 + \\\n  2\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(types(r),
            "NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE NAME EQUAL NUMBER PLUS NUMBER "
            "NEWLINE ENDMARKER");
  EXPECT_EQ(r.tokens[5].lineno, 4);
  EXPECT_EQ(r.tokens[5].col_offset, 2);
}

TEST(Tokenizer, Operators) {
  Lexed r = lex("a **= b //= c >>= d <<= e -> f := g ... h != i <> j . . k @= l ! $\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(types(r),
            "NAME DOUBLESTAREQUAL NAME DOUBLESLASHEQUAL NAME RIGHTSHIFTEQUAL NAME LEFTSHIFTEQUAL "
            "NAME RARROW NAME COLONEQUAL NAME ELLIPSIS NAME NOTEQUAL NAME NOTEQUAL NAME DOT DOT "
            "NAME ATEQUAL NAME OP OP NEWLINE ENDMARKER");
}

TEST(Tokenizer, Numbers) {
  Lexed r = lex("0 00 0_0 1_000 0x_fF 0o17 0b1_0 1.5 .5 5. 1e5 1E-5 1.5j 1_0j 0j 09.5 1if x else 2\n");
  ASSERT_TRUE(r.ok) << r.err.msg;
  std::vector<std::string> want = {"0",   "00",  "0_0", "1_000", "0x_fF", "0o17", "0b1_0",
                                   "1.5", ".5",  "5.",  "1e5",   "1E-5",  "1.5j", "1_0j",
                                   "0j",  "09.5", "1"};
  for (size_t i = 0; i < want.size(); i++) {
    EXPECT_EQ(r.tokens[i].type, TokenType::NUMBER) << i;
    EXPECT_EQ(r.texts[i], want[i]);
  }
}

TEST(Tokenizer, StringsWithPrefixes) {
  Lexed r = lex("a = rb'x' Rb\"y\" bR'''z\n''' f'{x}' u'w' Fr'q' 'it''s' \"a\\\"b\"\n");
  ASSERT_TRUE(r.ok) << r.err.msg;
  EXPECT_EQ(types(r), "NAME EQUAL STRING STRING STRING STRING STRING STRING STRING STRING STRING NEWLINE ENDMARKER");
  EXPECT_EQ(r.texts[4], "bR'''z\n'''");
  EXPECT_EQ(r.tokens[4].lineno, 1);
  EXPECT_EQ(r.tokens[4].end_lineno, 2);
  EXPECT_EQ(r.tokens[4].end_col_offset, 3);
}

TEST(Tokenizer, NonAsciiIdentifiersAreNfkcNormalized) {
  Lexed r = lex("ℌ = 1\nπ = 2\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.texts[0], "H");
  EXPECT_EQ(r.tokens[0].end_col_offset, 3);  // columns stay on the source bytes
  EXPECT_EQ(r.texts[4], "π");
}

struct ErrorCase {
  const char* src;
  const char* type;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
  const char* text;
  size_t len = 0;
};

// Each line checked against `python3 t.py` (CPython 3.11.7).
const ErrorCase kErrors[] = {
    {"if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1, "  b\n"},
    {"if x:\n\ta\n        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "        b\n"},
    {"x = 1 + \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1, "x = 1 + \\\n"},
    {"x = 1\n\\\n", "SyntaxError", "unexpected EOF while parsing", 2, 0, 2, -1, "\\\n"},
    {"x = (1 +\n  2", "SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1 +\n"},
    {"x = 1 + \\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 10, 1, 0, "x = 1 + \\ 2\n"},
    {"x = (1 + \\\n  2 \\ 3)\n", "SyntaxError", "unexpected character after line continuation character", 2, 17, 2, 0, "  2 \\ 3)\n"},
    {"x = 0777\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6, "x = 0777"},
    {"x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "x = 1_"},
    {"x = 1e\n", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1e"},
    {"x = 1e+\n", "SyntaxError", "invalid decimal literal", 1, 7, 1, 7, "x = 1e+"},
    {"x = 1.5j_\n", "SyntaxError", "invalid imaginary literal", 1, 8, 1, 8, "x = 1.5j_"},
    {"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6, "x = 0x"},
    {"x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7, 1, 7, "x = 0o8"},
    {"x = 0o\n", "SyntaxError", "invalid octal literal", 1, 6, 1, 6, "x = 0o"},
    {"x = 0b12\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 8, 1, 8, "x = 0b12"},
    {"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1abc"},
    {"x = 1.__class__\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "x = 1.__class__"},
    {"x = €\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 5, 1, 5, "x = €"},
    {"x = abc€\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 8, 1, 8, "x = abc€"},
    {"x = a\xc2\xa0" "b\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 6, 1, 6, "x = a\xc2\xa0" "b"},
    {"\x01", "SyntaxError", "invalid non-printable character U+0001", 1, 1, 1, 1, "\x01"},
    {"x = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = \"abc"},
    {"x = \"\"\"abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, "x = \"\"\"abc"},
    {"x = )\n", "SyntaxError", "unmatched ')'", 1, 5, 1, 5, "x = )"},
    {"x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 6, "x = (]"},
    {"x = (\n]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1, "]"},
    {"x = 5\r\ny = (1 +\r\n 2))\r\n", "SyntaxError", "unmatched ')'", 3, 4, 3, 4, " 2))"},
    {"x = 1\ny = 2\0\n", "SyntaxError", "source code cannot contain null bytes", 2, 0, 2, 0, "y = 2", 13},
};

TEST(Tokenizer, ErrorsMatchCPython) {
  for (const ErrorCase& c : kErrors) {
    // Sources with a NUL byte give their length explicitly.
    std::string src(c.src, c.len ? c.len : std::strlen(c.src));
    Lexed r = lex(src);
    SCOPED_TRACE(c.src);
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.err.type, c.type);
    EXPECT_EQ(r.err.msg, c.msg);
    EXPECT_EQ(r.err.lineno, c.lineno);
    EXPECT_EQ(r.err.offset, c.offset);
    EXPECT_EQ(r.err.end_lineno, c.end_lineno);
    EXPECT_EQ(r.err.end_offset, c.end_offset);
    EXPECT_EQ(r.err.text, c.text);
    EXPECT_EQ(r.err.filename, "t.py");
  }
}

TEST(Tokenizer, TooManyIndentationLevels) {
  std::string src = "if 1:\n";
  for (int i = 1; i <= 100; i++) src += std::string(size_t(i), ' ') + "if 1:\n";
  Lexed r = lex(src);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.err.type, "IndentationError");
  EXPECT_EQ(r.err.msg, "too many levels of indentation");
  EXPECT_EQ(r.err.lineno, 101);
  EXPECT_EQ(r.kind, TokenizerErrorKind::TooDeep);
}

TEST(Tokenizer, ErrorKinds) {
  EXPECT_EQ(lex("x = (\n").kind, TokenizerErrorKind::Eof);
  EXPECT_EQ(lex("x = $€\n").kind, TokenizerErrorKind::Raised);
  EXPECT_EQ(lex("if x:\n    a\n  b\n").kind, TokenizerErrorKind::Dedent);
  EXPECT_EQ(lex("x \\ y\n").kind, TokenizerErrorKind::LineCont);
}

TEST(Tokenizer, FullSourceCheckCanReportUnclosedBracket) {
  // What the parser does after its own error on line 3 ('x = (1' is open).
  SourceText src;
  SyntaxErrorInfo err;
  ASSERT_TRUE(decode_source("x = (1,\n 2\n y z \\ w)\n", "t.py", src, err));
  Tokenizer tz(src, "t.py", err);
  Token t;
  while (tz.next(t)) {
  }
  EXPECT_EQ(tz.error_kind(), TokenizerErrorKind::LineCont);
  ASSERT_EQ(tz.paren_level(), 1);
  EXPECT_EQ(tz.innermost_paren_lineno(), 1);
  EXPECT_FALSE(tz.report_unclosed_paren());
  EXPECT_EQ(err.msg, "'(' was never closed");
  EXPECT_EQ(err.lineno, 1);
  EXPECT_EQ(err.offset, 5);
  EXPECT_EQ(err.end_offset, 0);
}

TEST(Tokenizer, CursorAtEndmarker) {
  // CPython: "if x:\n" → IndentationError at line 1, offset 0 when run as a
  // script, 6 from compile() (ENDMARKER has no column; pegen uses the cursor).
  SourceText src;
  SyntaxErrorInfo err;
  Token t;
  ASSERT_TRUE(decode_source("if x:\n", "t.py", src, err));
  {
    Tokenizer tz(src, "t.py", err);
    while (tz.next(t) && t.type != TokenType::ENDMARKER) {
    }
    EXPECT_EQ(tz.cursor_lineno(), 1);
    EXPECT_EQ(tz.cursor_col(), 0);
  }
  ASSERT_TRUE(source_from_text("if x:\n", "t.py", src, err));
  Tokenizer tz(src, "t.py", err);
  while (tz.next(t) && t.type != TokenType::ENDMARKER) {
  }
  EXPECT_EQ(tz.cursor_col(), 6);
}

TEST(Tokenizer, EarlierTokensComeBeforeADeferredNulError) {
  // The NUL on line 3 is only met when the tokenizer reaches line 3.
  std::string src("a = 1\nb = )\nc\0\n", 15);
  Lexed r = lex(src);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.err.msg, "unmatched ')'");
}

// ---- source decoding --------------------------------------------------------

TEST(Source, BomCookieAndLatin1) {
  SourceText src;
  SyntaxErrorInfo err;
  ASSERT_TRUE(decode_source("\xEF\xBB\xBFx = 1\r\ny = 2\rz", "f", src, err));
  EXPECT_EQ(src.text, "x = 1\ny = 2\nz\n");
  EXPECT_EQ(src.line_count(), 3);
  EXPECT_EQ(src.line(2), "y = 2\n");
  ASSERT_TRUE(decode_source("#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\nx = '\xe9'\n", "f", src, err));
  EXPECT_EQ(src.encoding, "iso-8859-1");
  EXPECT_EQ(src.line(3), "x = '\xc3\xa9'\n");
  ASSERT_TRUE(decode_source("# -*- coding: koi8-r -*-\nx = '\xc1'\n", "f", src, err));
  EXPECT_EQ(src.line(2), "x = '\xd0\xb0'\n");
}

TEST(Source, CookieOnLineTwoOnlyAfterCommentLine) {
  SourceText src;
  SyntaxErrorInfo err;
  ASSERT_TRUE(decode_source("x = 1\n# coding: latin-1\n", "f", src, err));
  EXPECT_EQ(src.encoding, "utf-8");
}

TEST(Source, EncodingErrors) {
  SourceText src;
  SyntaxErrorInfo err;
  EXPECT_FALSE(decode_source("# -*- coding: foo -*-\nx=1\n", "f", src, err));
  EXPECT_EQ(err.msg, "encoding problem: foo");
  EXPECT_EQ(err.lineno, 0);
  EXPECT_FALSE(decode_source("\xEF\xBB\xBF# coding: latin-1\nx=1\n", "f", src, err));
  EXPECT_EQ(err.msg, "encoding problem: iso-8859-1 with BOM");
  EXPECT_FALSE(decode_source("# coding: foo\n", "f", src, err, SourceOrigin::CompileBytes));
  EXPECT_EQ(err.msg, "unknown encoding: foo");
  // Undecodable bytes in a declared encoding (checked with python3).
  EXPECT_FALSE(decode_source("# coding: ascii\nx = 1\ny = \"\xe9\"\n", "f", src, err));
  EXPECT_EQ(err.msg, "encoding problem: ascii");
  EXPECT_FALSE(decode_source("# coding: ascii\nx = 1\ny = \"\xe9\"\n", "f", src, err,
                             SourceOrigin::CompileBytes));
  EXPECT_EQ(err.msg, "'ascii' codec can't decode byte 0xe9 in position 27: ordinal not in range(128)");
  EXPECT_FALSE(decode_source(std::string_view("x\0", 2), "f", src, err, SourceOrigin::CompileBytes));
  EXPECT_EQ(err.msg, "source code string cannot contain null bytes");
  Lexed r = lex("x = 1\ny = \"\xff\"\n");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.err.msg,
            "Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no encoding declared; "
            "see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(r.err.lineno, 0);
}

TEST(Source, ErrorLocationColumns) {
  SourceText src;
  SyntaxErrorInfo err;
  // A script without a cookie: CPython reports parser errors in bytes.
  ASSERT_TRUE(decode_source("\xc3\xa9 = (1 +* 2)\n", "f", src, err));
  set_error_location(err, src, "f", 1, 9, 1, 10);
  EXPECT_EQ(err.offset, 10);
  EXPECT_EQ(err.end_offset, 11);
  ASSERT_TRUE(source_from_text("\xc3\xa9 = (1 +* 2)\n", "f", src, err));
  set_error_location(err, src, "f", 1, 9, 1, 10);
  EXPECT_EQ(err.offset, 9);
  EXPECT_EQ(err.end_offset, 10);
  EXPECT_EQ(err.text, "\xc3\xa9 = (1 +* 2)\n");
}

// ---- string literals --------------------------------------------------------

struct Decoded {
  bool ok;
  std::string value;
  StringPrefix prefix;
  std::string msg;
  StringErrorWhere where;
};

Decoded decode(std::string_view literal) {
  Token t{TokenType::STRING, literal, 1, 0, 1, int(literal.size())};
  StringLiteral lit;
  SyntaxErrorInfo err;
  Decoded d;
  d.ok = decode_string_literal(t, lit, err, d.where);
  d.value = std::string(lit.value);
  d.prefix = lit.prefix;
  d.msg = err.msg;
  return d;
}

TEST(StringLiteral, Escapes) {
  EXPECT_EQ(decode("'a\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'").value, "a\n\t\\'\"\a\b\f\v\r");
  EXPECT_EQ(decode("'\\101\\x41\\u0041\\U00000041\\N{LATIN SMALL LETTER A}'").value, "AAAAa");
  EXPECT_EQ(decode("'\\N{latin small letter a}'").value, "a");
  EXPECT_EQ(decode("'\\777'").value, "\xc7\xbf");
  EXPECT_EQ(decode("'\\ud800'").value, "\xed\xa0\x80");  // lone surrogate kept
  EXPECT_EQ(decode("'\\d\\\xc3\xa9'").value, "\\d\\\xc3\xa9");  // invalid escapes kept
  EXPECT_EQ(decode("'a\\\nb'").value, "ab");
  EXPECT_EQ(decode("r'\\n'").value, "\\n");
  EXPECT_EQ(decode("b'\\xff\\777\\n'").value, "\xff\xff\n");
  Decoded u = decode("u'x'");
  EXPECT_TRUE(u.prefix.u);
  Decoded rb = decode("Rb'\\x'");
  EXPECT_TRUE(rb.prefix.raw && rb.prefix.bytes);
  EXPECT_EQ(rb.value, "\\x");
  EXPECT_EQ(decode("'''a\nb'''").value, "a\nb");
}

TEST(StringLiteral, ErrorsMatchCPython) {
  struct Case { const char* lit; const char* msg; StringErrorWhere where; };
  const Case cases[] = {
      {"\"ab\\xZ\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: truncated \\xXX escape", StringErrorWhere::ParserPosition},
      {"\"\xc3\xa9\\xZ\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: truncated \\xXX escape", StringErrorWhere::ParserPosition},
      {"\"\\\xc3\xa9\\x\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 16-17: truncated \\xXX escape", StringErrorWhere::ParserPosition},
      {"\"\\N{foo}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", StringErrorWhere::ParserPosition},
      {"\"\\N\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", StringErrorWhere::ParserPosition},
      {"\"\\N{}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", StringErrorWhere::ParserPosition},
      {"\"\\U11111111\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", StringErrorWhere::ParserPosition},
      {"\"\\u12\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", StringErrorWhere::ParserPosition},
      {"b\"\\x1\"", "(value error) invalid \\x escape at position 0", StringErrorWhere::ParserPosition},
      {"b\"\xc3\xa9\"", "bytes can only contain ASCII literal characters", StringErrorWhere::Token},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.lit);
    Decoded d = decode(c.lit);
    EXPECT_FALSE(d.ok);
    EXPECT_EQ(d.msg, c.msg);
    EXPECT_EQ(d.where, c.where);
  }
}

struct Split {
  bool ok;
  FString fs;
  std::string msg;
};

Split split(std::string_view literal, int lineno = 1, int col = 0) {
  Token t{TokenType::STRING, literal, lineno, col, lineno, col + int(literal.size())};
  StringLiteral lit;
  parse_string_prefix(t, lit);
  SyntaxErrorInfo err;
  Split s;
  s.ok = split_fstring(t, lit, s.fs, err);
  s.msg = err.msg;
  return s;
}

TEST(FString, LiteralsAndFields) {
  Split s = split("f'a{{b}}\\n{x!r:>{w}} {y=} {z = !s}'", 3, 4);
  ASSERT_TRUE(s.ok) << s.msg;
  const auto& p = s.fs.parts;
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0].literal, "a{b}\n");
  ASSERT_TRUE(p[1].is_field);
  EXPECT_EQ(p[1].field.expr, "x");
  EXPECT_EQ(p[1].field.conversion, 'r');
  EXPECT_EQ(p[1].field.expr_lineno, 3);
  EXPECT_EQ(p[1].field.expr_col_offset, 4 + 11);
  ASSERT_TRUE(p[1].field.has_format_spec);
  ASSERT_EQ(p[1].field.format_spec.size(), 2u);
  EXPECT_EQ(p[1].field.format_spec[0].literal, ">");
  EXPECT_EQ(p[1].field.format_spec[1].field.expr, "w");
  EXPECT_EQ(p[2].literal, " ");
  EXPECT_EQ(p[3].field.expr, "y");
  EXPECT_EQ(p[3].field.debug_text, "y=");
  EXPECT_EQ(p[3].field.conversion, 0);
  EXPECT_EQ(p[5].field.expr, "z ");
  EXPECT_EQ(p[5].field.debug_text, "z = ");
  EXPECT_EQ(p[5].field.conversion, 's');
}

TEST(FString, ExpressionsWithStringsAndOperators) {
  Split s = split("f'''{a['}'] != b}{c:=d}{e<f}\n{g}'''");
  ASSERT_TRUE(s.ok) << s.msg;
  EXPECT_EQ(s.fs.parts[0].field.expr, "a['}'] != b");
  EXPECT_EQ(s.fs.parts[1].field.expr, "c");  // ':' starts the spec in 3.11
  EXPECT_EQ(s.fs.parts[2].field.expr, "e<f");
  EXPECT_EQ(s.fs.parts[4].field.expr_lineno, 2);
  EXPECT_EQ(s.fs.parts[4].field.expr_col_offset, 1);
  Split n = split("f'\\N{BULLET} {x}'");
  ASSERT_TRUE(n.ok);
  EXPECT_EQ(n.fs.parts[0].literal, "\xe2\x80\xa2 ");
  Split r = split("rf'\\{x}'");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.fs.parts[0].literal, "\\");
}

TEST(FString, ErrorsMatchCPython) {
  struct Case { const char* lit; const char* msg; };
  const Case cases[] = {
      {"f\"{a\"", "f-string: expecting '}'"},
      {"f\"{}\"", "f-string: empty expression not allowed"},
      {"f\"{ }\"", "f-string: empty expression not allowed"},
      {"f\"{!r}\"", "f-string: expression required before '!'"},
      {"f\"{a!x}\"", "f-string: invalid conversion character: expected 's', 'r', or 'a'"},
      {"f\"{a!}\"", "f-string: invalid conversion character: expected 's', 'r', or 'a'"},
      {"f\"{a!r=}\"", "f-string: expecting '}'"},
      {"f\"{a:{b:{c}}}\"", "f-string: expressions nested too deeply"},
      {"f\"{a#}\"", "f-string expression part cannot include '#'"},
      {"f\"{a\\n}\"", "f-string expression part cannot include a backslash"},
      {"f\"}\"", "f-string: single '}' is not allowed"},
      {"f\"{(}\"", "f-string: closing parenthesis '}' does not match opening parenthesis '('"},
      {"f\"{a)}\"", "f-string: unmatched ')'"},
      {"f\"{(a}\"", "f-string: closing parenthesis '}' does not match opening parenthesis '('"},
      {"f\"{a:\"", "f-string: expecting '}'"},
      {"f\"{'a}\"", "f-string: unterminated string"},
      {"f\"\\N{foo}{a}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.lit);
    Split s = split(c.lit);
    EXPECT_FALSE(s.ok);
    EXPECT_EQ(s.msg, c.msg);
  }
}

TEST(FString, ExpressionHookRunsBeforeConversionCheck) {
  Token t{TokenType::STRING, "f'{a b!x}'", 1, 0, 1, 10};
  StringLiteral lit;
  parse_string_prefix(t, lit);
  SyntaxErrorInfo err;
  FString fs;
  std::string seen;
  FStringExprHook hook = [&](const FStringField& f) {
    seen = std::string(f.expr);
    err.msg = "invalid syntax";
    return false;
  };
  EXPECT_FALSE(split_fstring(t, lit, fs, err, &hook));
  EXPECT_EQ(seen, "a b");
  EXPECT_EQ(err.msg, "invalid syntax");
}

}  // namespace
}  // namespace spindle::frontend
