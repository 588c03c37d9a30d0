// casesgen: lexer and parser of the instruction DSL.
//
// The lexer knows just enough C++ to skip bodies correctly (strings, character
// literals, comments, nested braces); expressions inside `[...]` and `if (...)`
// are kept as the exact source text. Errors carry the DSL line.
#include <cctype>
#include <cstring>

#include "casesgen.h"

namespace spindle::casesgen {

const FlagInfo kFlagNames[14] = {
    {"ARG", "kOpFlagArg", kArg},
    {"CONST", "kOpFlagConst", kConst},
    {"NAME", "kOpFlagName", kName},
    {"LOCAL", "kOpFlagLocal", kLocal},
    {"FREE", "kOpFlagFree", kFree},
    {"JUMP", "kOpFlagJump", kJump},
    {"JUMP_BACK", "kOpFlagJumpBack", kJumpBack},
    {"UNCOND", "kOpFlagUncond", kUncond},
    {"EXIT", "kOpFlagExit", kExit},
    {"ERROR", "kOpFlagError", kError},
    {"EVAL_BREAK", "kOpFlagEvalBreak", kEvalBreak},
    {nullptr, "kOpFlagSpecialized", kSpecialized},
    {nullptr, "kOpFlagPseudo", kPseudo},
    {nullptr, "kOpFlagSuper", kSuper},
};

int StackEffect::cache_size() const {
  int n = 0;
  for (const auto& i : inputs) n += i.cache;
  return n;
}
std::vector<StackItem> StackEffect::caches() const {
  std::vector<StackItem> r;
  for (const auto& i : inputs)
    if (i.cache > 0) r.push_back(i);
  return r;
}
std::vector<StackItem> StackEffect::stack_inputs() const {
  std::vector<StackItem> r;
  for (const auto& i : inputs)
    if (i.cache == 0) r.push_back(i);
  return r;
}

namespace {

enum class Tok { Ident, Number, Punct, Eof };

struct Token {
  Tok kind = Tok::Eof;
  std::string text;
  int line = 0;
  size_t begin = 0, end = 0;  // source offsets
};

class Parser {
 public:
  Parser(const std::string& src, const std::string& file, std::vector<std::string>& errors)
      : src_(src), file_(file), errors_(errors) {}

  Dsl run() {
    Dsl dsl;
    dsl.filename = file_;
    lex();
    if (!errors_.empty()) return dsl;
    while (!at_eof() && errors_.empty()) item(dsl);
    return dsl;
  }

 private:
  // ---- lexer ---------------------------------------------------------------
  void lex() {
    size_t i = 0;
    int line = 1;
    const size_t n = src_.size();
    while (i < n) {
      char c = src_[i];
      if (c == '\n') { ++line; ++i; continue; }
      if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
      if (c == '/' && i + 1 < n && src_[i + 1] == '/') {
        while (i < n && src_[i] != '\n') ++i;
        continue;
      }
      if (c == '/' && i + 1 < n && src_[i + 1] == '*') {
        int start_line = line;
        i += 2;
        while (i + 1 < n && !(src_[i] == '*' && src_[i + 1] == '/')) {
          if (src_[i] == '\n') ++line;
          ++i;
        }
        if (i + 1 >= n) { error(start_line, "unterminated comment"); return; }
        i += 2;
        continue;
      }
      Token t;
      t.line = line;
      t.begin = i;
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        while (i < n && (std::isalnum(static_cast<unsigned char>(src_[i])) || src_[i] == '_')) ++i;
        t.kind = Tok::Ident;
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        while (i < n && (std::isalnum(static_cast<unsigned char>(src_[i])) || src_[i] == '\'')) ++i;
        t.kind = Tok::Number;
      } else if (c == '"' || c == '\'') {
        // Only inside bodies; kept as one punctuation token.
        ++i;
        while (i < n && src_[i] != c && src_[i] != '\n') {
          if (src_[i] == '\\') ++i;
          ++i;
        }
        if (i >= n || src_[i] != c) { error(line, "unterminated string or character literal"); return; }
        ++i;
        t.kind = Tok::Punct;
      } else {
        static const char* kTwo[] = {"--", "->", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "::", "++"};
        t.kind = Tok::Punct;
        i += 1;
        for (const char* two : kTwo)
          if (c == two[0] && t.begin + 1 < n && src_[t.begin + 1] == two[1]) { i = t.begin + 2; break; }
      }
      t.end = i;
      t.text = src_.substr(t.begin, t.end - t.begin);
      toks_.push_back(std::move(t));
    }
    Token eof;
    eof.line = line;
    eof.begin = eof.end = n;
    toks_.push_back(eof);
  }

  // ---- helpers ---------------------------------------------------------------
  void error(int line, const std::string& msg) {
    errors_.push_back(file_ + ":" + std::to_string(line) + ": " + msg);
  }
  const Token& peek(size_t k = 0) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  bool at_eof() const { return peek().kind == Tok::Eof; }
  bool is(const char* text) const { return peek().kind != Tok::Eof && peek().text == text; }
  bool accept(const char* text) {
    if (!is(text)) return false;
    ++pos_;
    return true;
  }
  bool expect(const char* text) {
    if (accept(text)) return true;
    error(peek().line, std::string("expected '") + text + "', found " + describe(peek()));
    return false;
  }
  static std::string describe(const Token& t) {
    return t.kind == Tok::Eof ? std::string("end of file") : "'" + t.text + "'";
  }
  bool ident(std::string& out) {
    if (peek().kind != Tok::Ident) {
      error(peek().line, "expected a name, found " + describe(peek()));
      return false;
    }
    out = peek().text;
    ++pos_;
    return true;
  }
  bool number(int& out) {
    if (peek().kind != Tok::Number) {
      error(peek().line, "expected a number, found " + describe(peek()));
      return false;
    }
    out = static_cast<int>(std::strtol(peek().text.c_str(), nullptr, 0));
    ++pos_;
    return true;
  }
  // Source text up to the bracket closing the one just consumed.
  bool balanced_text(const char* open, const char* close, std::string& out) {
    int depth = 1;
    const int open_line = toks_[pos_ - 1].line;
    const size_t begin = toks_[pos_ - 1].end;
    while (!at_eof()) {
      if (is(open)) ++depth;
      if (is(close) && --depth == 0) {
        out = src_.substr(begin, peek().begin - begin);
        ++pos_;
        return true;
      }
      ++pos_;
    }
    error(open_line, std::string("missing '") + close + "'");
    return false;
  }

  // ---- grammar ---------------------------------------------------------------
  void item(Dsl& dsl) {
    Definition d;
    while (peek().kind == Tok::Ident && peek(1).kind == Tok::Ident) {
      d.annotations.push_back(peek().text);
      ++pos_;
    }
    std::string kw;
    d.line = peek().line;
    if (!ident(kw)) return;
    if (kw == "inst" || kw == "op") {
      d.kind = kw == "inst" ? ItemKind::Inst : ItemKind::Op;
      if (!expect("(") || !ident(d.name) || !expect(",") || !effect(d.effect)) return;
      if (!tail_options(d)) return;
      if (accept(";")) {
        dsl.defs.push_back(std::move(d));
        return;
      }
      if (!is("{")) {
        error(peek().line, "expected a body '{' or ';', found " + describe(peek()));
        return;
      }
      d.body_line = peek().line;
      ++pos_;
      std::string body;
      if (!balanced_text("{", "}", body)) return;
      d.body = body;
      dsl.defs.push_back(std::move(d));
    } else if (kw == "macro") {
      d.kind = ItemKind::Macro;
      if (!expect("(") || !ident(d.name) || !expect(")")) return;
      if (is("(") && !flags(d)) return;
      if (!expect("=")) return;
      do {
        MacroPart p;
        std::string n;
        int line = peek().line;
        if (!ident(n)) return;
        if (accept("/")) {
          p.cache.name = n;
          p.cache.line = line;
          if (!number(p.cache.cache)) return;
          if (p.cache.cache <= 0) { error(line, "cache size must be positive"); return; }
        } else {
          p.uop = n;
        }
        d.parts.push_back(p);
      } while (accept("+"));
      expect(";");
      dsl.defs.push_back(std::move(d));
    } else if (kw == "family") {
      Family f;
      f.line = d.line;
      if (!expect("(") || !ident(f.head) || !expect(",") || !number(f.cache_size) || !expect(")") ||
          !expect("=") || !expect("{"))
        return;
      while (!is("}")) {
        std::string m;
        if (!ident(m)) return;
        f.members.push_back(m);
        if (!accept(",")) break;
      }
      if (!expect("}")) return;
      expect(";");
      if (!d.annotations.empty()) error(d.line, "a family takes no annotations");
      dsl.families.push_back(std::move(f));
    } else if (kw == "super") {
      // super(NAME) = FIRST + SECOND;
      d.kind = ItemKind::Super;
      if (!expect("(") || !ident(d.name) || !expect(")") || !expect("=")) return;
      std::string first, second;
      if (!ident(first) || !expect("+") || !ident(second)) return;
      d.targets = {first, second};
      expect(";");
      dsl.defs.push_back(std::move(d));
    } else if (kw == "pseudo") {
      d.kind = ItemKind::Pseudo;
      if (!expect("(") || !ident(d.name) || !expect(",") || !effect(d.effect)) return;
      if (!tail_options(d)) return;
      if (!expect("=") || !expect("{")) return;
      while (!is("}")) {
        std::string t;
        if (!ident(t)) return;
        d.targets.push_back(t);
        if (!accept(",")) break;
      }
      if (!expect("}")) return;
      expect(";");
      dsl.defs.push_back(std::move(d));
    } else {
      error(d.line, "expected inst, op, macro, family, super or pseudo, found '" + kw + "'");
    }
  }

  // [, jump EFFECT] [, (FLAGS)] )
  bool tail_options(Definition& d) {
    while (accept(",")) {
      if (accept("jump")) {
        StackEffect e;
        if (!effect(e)) return false;
        if (d.jump_effect) { error(peek().line, "two jump effects"); return false; }
        d.jump_effect = std::move(e);
      } else if (is("(")) {
        if (!flags(d)) return false;
      } else {
        error(peek().line, "expected 'jump' or a flag list, found " + describe(peek()));
        return false;
      }
    }
    return expect(")");
  }

  bool flags(Definition& d) {
    if (!expect("(")) return false;
    while (!is(")")) {
      std::string f;
      int line = peek().line;
      if (!ident(f)) return false;
      const FlagInfo* info = nullptr;
      for (const auto& fi : kFlagNames)
        if (fi.dsl != nullptr && f == fi.dsl) info = &fi;
      if (info == nullptr) { error(line, "unknown flag '" + f + "'"); return false; }
      if (d.flags & info->bit) { error(line, "flag '" + f + "' given twice"); return false; }
      d.flags |= info->bit;
      if (info->bit == kName && accept("(")) {
        if (!number(d.name_shift) || !expect(")")) return false;
        if (d.name_shift < 0 || d.name_shift > 7) { error(line, "NAME shift out of range"); return false; }
      }
      if (!accept(",")) break;
    }
    return expect(")");
  }

  bool effect(StackEffect& e) {
    if (!expect("(")) return false;
    bool outputs = false;
    bool seen_stack_input = false;
    while (true) {
      if (accept("--")) {
        if (outputs) { error(peek().line, "two '--' in a stack effect"); return false; }
        outputs = true;
        continue;
      }
      if (is(")")) break;
      StackItem it;
      it.line = peek().line;
      if (!ident(it.name)) return false;
      if (accept("/")) {
        if (!number(it.cache)) return false;
        if (it.cache <= 0) { error(it.line, "cache size must be positive"); return false; }
        if (outputs) { error(it.line, "cache entry '" + it.name + "' among outputs"); return false; }
        if (seen_stack_input) {
          error(it.line, "cache entry '" + it.name + "' after a stack input");
          return false;
        }
      } else {
        if (accept(":")) {
          // A C++ type: names, `::` and `*`s, up to the next item syntax.
          while (peek().kind == Tok::Ident || is("::") || is("*")) {
            if (is("if") || is("--")) break;
            it.type += (it.type.empty() || is("*") || is("::") || it.type.back() == ':' ? "" : " ") + peek().text;
            ++pos_;
          }
          if (it.type.empty()) { error(it.line, "expected a type after ':'"); return false; }
        }
        if (accept("[") && !balanced_text("[", "]", it.size)) return false;
        if (accept("if")) {
          if (!expect("(") || !balanced_text("(", ")", it.cond)) return false;
        }
        if (!outputs) seen_stack_input = true;
      }
      (outputs ? e.outputs : e.inputs).push_back(std::move(it));
      if (is("--") || is(")")) continue;
      if (!expect(",")) return false;
    }
    if (!outputs) { error(peek().line, "stack effect without '--'"); return false; }
    return expect(")");
  }

  const std::string& src_;
  const std::string& file_;
  std::vector<std::string>& errors_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
};

}  // namespace

Dsl parse_dsl(const std::string& source, const std::string& filename,
              std::vector<std::string>& errors) {
  Parser p(source, filename, errors);
  return p.run();
}

}  // namespace spindle::casesgen
