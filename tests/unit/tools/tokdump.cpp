// spindle-tokdump: the tokenizer's debugging entry point, used by
// tokenize_compare.py to check token streams against Python's tokenize.
//
// Usage: spindle-tokdump [--time ROUNDS | --strings] FILE...
//   Default: for each FILE prints "FILE <path>", then one line per token
//   "TYPE lineno col end_lineno end_col <text as a JSON-ish escaped string>",
//   or "ERROR <type> <lineno> <offset> <end_lineno> <end_offset> <msg>".
//   --time: tokenizes every file ROUNDS times (decode included, I/O not) and
//   prints the best round's time and the token count.
//   --strings: for each STRING token prints "S <lineno> <col> " and its decoded
//   value in hex (or "F " and the f-string parts, see put_fstring), or
//   "E <msg>" if decoding fails.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "frontend/source.h"
#include "frontend/string_literal.h"
#include "frontend/tokenizer.h"

using namespace spindle::frontend;

static void put_escaped(std::string_view s) {
  std::putchar('"');
  for (unsigned char c : s) {
    if (c == '\\' || c == '"') std::printf("\\%c", c);
    else if (c == '\n') std::printf("\\n");
    else if (c < 32) std::printf("\\x%02x", c);
    else std::putchar(c);
  }
  std::putchar('"');
}

static std::string read_file(const char* path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

static void put_hex(std::string_view s) {
  for (unsigned char c : s) std::printf("%02x", c);
}

// Literal parts as L<hex>, fields as {<expr>|<conv>|<debug>|<spec parts>},
// with each debug text merged into the literal before it, as CPython does.
static void put_fstring(const std::vector<FStringPart>& parts) {
  std::string pending;
  auto flush = [&]() {
    if (!pending.empty()) {
      std::printf("L");
      put_hex(pending);
      std::printf(" ");
      pending.clear();
    }
  };
  for (const FStringPart& p : parts) {
    if (!p.is_field) {
      pending += p.literal;
      continue;
    }
    pending += p.field.debug_text;
    flush();
    char conv = p.field.conversion;
    if (!conv && !p.field.debug_text.empty() && !p.field.has_format_spec) conv = 'r';
    std::printf("{");
    put_hex(p.field.expr);
    std::printf("|%c|", conv ? conv : '-');
    if (p.field.has_format_spec) {
      std::printf("[");
      put_fstring(p.field.format_spec);
      std::printf("]");
    }
    std::printf("} ");
  }
  flush();
}

static void dump_strings(const char* path) {
  std::string bytes = read_file(path);
  std::printf("FILE %s\n", path);
  SyntaxErrorInfo err;
  SourceText src;
  if (!decode_source(bytes, path, src, err)) return;
  Tokenizer tz(src, path, err);
  Token t;
  StringLiteral lit;
  while (tz.next(t) && t.type != TokenType::ENDMARKER) {
    if (t.type != TokenType::STRING) continue;
    std::printf("S %d %d ", t.lineno, t.col_offset);
    StringErrorWhere where;
    SyntaxErrorInfo serr;
    if (!decode_string_literal(t, lit, serr, where)) {
      std::printf("E %s\n", serr.msg.c_str());
      continue;
    }
    if (lit.prefix.fstring) {
      FString fs;
      if (!split_fstring(t, lit, fs, serr)) {
        std::printf("E %s\n", serr.msg.c_str());
        continue;
      }
      std::printf("F ");
      put_fstring(fs.parts);
    } else {
      std::printf("%c ", lit.prefix.bytes ? 'B' : 'U');
      put_hex(lit.value);
    }
    std::printf("\n");
  }
}

int main(int argc, char** argv) {
  int rounds = 0;
  int i = 1;
  if (argc > 2 && std::strcmp(argv[1], "--time") == 0) {
    rounds = std::atoi(argv[2]);
    i = 3;
  }
  if (argc > 1 && std::strcmp(argv[1], "--strings") == 0) {
    for (i = 2; i < argc; i++) dump_strings(argv[i]);
    return 0;
  }
  if (rounds > 0) {
    std::vector<std::pair<std::string, std::string>> files;
    for (; i < argc; i++) files.emplace_back(argv[i], read_file(argv[i]));
    double best = 1e9;
    size_t ntok = 0;
    for (int r = 0; r < rounds; r++) {
      ntok = 0;
      auto t0 = std::chrono::steady_clock::now();
      for (auto& [path, bytes] : files) {
        SyntaxErrorInfo err;
        SourceText src;
        if (!decode_source(bytes, path, src, err)) continue;
        Tokenizer tz(src, path, err);
        Token t;
        while (tz.next(t)) {
          ntok++;
          if (t.type == TokenType::ENDMARKER) break;
        }
      }
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (s < best) best = s;
    }
    std::printf("files=%zu tokens=%zu best=%.4fs\n", files.size(), ntok, best);
    return 0;
  }
  for (; i < argc; i++) {
    std::string bytes = read_file(argv[i]);
    std::printf("FILE %s\n", argv[i]);
    SyntaxErrorInfo err;
    SourceText src;
    bool ok = decode_source(bytes, argv[i], src, err);
    if (ok) {
      Tokenizer tz(src, argv[i], err);
      Token t;
      for (;;) {
        if (!tz.next(t)) { ok = false; break; }
        std::printf("%s %d %d %d %d ", token_type_name(t.type), t.lineno, t.col_offset,
                    t.end_lineno, t.end_col_offset);
        put_escaped(t.text);
        std::putchar('\n');
        if (t.type == TokenType::ENDMARKER) break;
      }
    }
    if (!ok) {
      std::printf("ERROR %s %d %d %d %d ", err.type.c_str(), err.lineno, err.offset, err.end_lineno,
                  err.end_offset);
      put_escaped(err.msg);
      std::putchar(' ');
      put_escaped(err.text);
      std::putchar('\n');
    }
  }
  return 0;
}
