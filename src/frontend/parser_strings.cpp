// String literals in the parser: implicit concatenation of adjacent STRING
// tokens and 3.11 f-strings (CPython's _PyPegen_concatenate_strings and the
// FstringParser of Parser/string_parser.c).
//
// Invariants (3.11 semantics):
//   * bytes and non-bytes literals cannot be mixed;
//   * without any f-string the result is one Constant (kind 'u' when the
//     first token starts with a lowercase 'u');
//   * with an f-string the result is a JoinedStr whose literal pieces are
//     merged across tokens and dropped when empty; every node made here
//     spans the whole concatenation, as in 3.11;
//   * a replacement field's expression is parsed by a sub-parser on
//     "(" + expr + ")" whose errors carry the "f-string: " prefix.
#include <string>

#include "frontend/parser_impl.h"

namespace spindle::frontend::parser_detail {

namespace {

struct Concat {
  Parser& p;
  const Tok& first;
  const Tok& last;
  Str kind;                  // "u" or None
  std::string literal;       // pending literal text
  bool has_literal = false;  // (an empty pending literal is dropped anyway)

  ast::Constant* make_str(std::string_view s) {
    auto* c = ast::make_node<ast::Constant>(p.arena_);
    c->lineno = first.lineno;
    c->col_offset = first.col_offset;
    c->end_lineno = last.end_lineno;
    c->end_col_offset = last.end_col_offset;
    c->value.kind = ast::ConstantKind::Str;
    c->value.text = p.arena_.copy_str(s);
    c->kind = kind;
    return c;
  }
  template <class T>
  T* make() {
    auto* n = ast::make_node<T>(p.arena_);
    n->lineno = first.lineno;
    n->col_offset = first.col_offset;
    n->end_lineno = last.end_lineno;
    n->end_col_offset = last.end_col_offset;
    return n;
  }
  // Flushes the pending literal (if not empty) onto the scratch stack.
  void flush() {
    if (!literal.empty()) p.scratch_.push_back(make_str(literal));
    literal.clear();
  }
};

}  // namespace

static bool build_fstring_parts(Parser& p, Concat& cc, const Tok& tok, std::vector<FStringPart>& parts);

// Parses one replacement field's expression with a sub-parser.
static ast::expr* parse_field_expr(Parser& p, const FStringField& f) {
  std::string text;
  text.reserve(f.expr.size() + 2);
  text += '(';
  text += f.expr;
  text += ')';
  SourceText sub;
  SyntaxErrorInfo serr;
  if (!source_from_text(text, p.filename_, sub, serr)) {
    p.err_ = serr;
    p.error_ = p.have_error_ = true;
    return nullptr;
  }
  // 3.11 tokenizes "(expr)" as a string with no declared encoding: errors the
  // parser locates keep byte columns.
  sub.char_columns = false;
  sub.unchecked_utf8 = p.src_.unchecked_utf8;
  Parser sp(sub, p.filename_, ParseMode::Eval, p.arena_, serr);
  sp.depth_ = p.depth_;
  // Column of the '(' so that the expression's first byte lands on expr_col_offset.
  ast::expr* e = sp.run_fstring_expr(f.expr_lineno - 1, f.expr_col_offset - 1);
  if (!e) {
    p.err_ = serr;
    if (p.err_.has_text && (p.err_.text.empty() || p.err_.text.back() != '\n')) p.err_.text += '\n';
    p.error_ = p.have_error_ = true;
    return nullptr;
  }
  return e;
}

static ast::expr* build_field(Parser& p, Concat& cc, const Tok& tok, const FStringField& f) {
  ast::expr* value = parse_field_expr(p, f);
  if (!value) return nullptr;
  auto* fv = cc.make<ast::FormattedValue>();
  fv->value = value;
  if (f.conversion) fv->conversion = f.conversion;
  else fv->conversion = (!f.debug_text.empty() && !f.has_format_spec) ? 'r' : -1;
  if (f.has_format_spec) {
    Concat spec{p, cc.first, cc.last, cc.kind, {}, false};
    size_t base = p.scratch_.size();
    std::vector<FStringPart> parts = f.format_spec;
    if (!build_fstring_parts(p, spec, tok, parts)) {
      p.scratch_.resize(base);
      return nullptr;
    }
    spec.flush();
    auto* js = cc.make<ast::JoinedStr>();
    js->values = p.seq_from<ast::expr*>(base);
    fv->format_spec = js;
  }
  return fv;
}

static bool build_fstring_parts(Parser& p, Concat& cc, const Tok& tok, std::vector<FStringPart>& parts) {
  for (auto& part : parts) {
    if (!part.is_field) {
      cc.literal += part.literal;
      continue;
    }
    if (!part.field.debug_text.empty()) cc.literal += part.field.debug_text;
    cc.flush();
    ast::expr* fv = build_field(p, cc, tok, part.field);
    if (!fv) return false;
    p.scratch_.push_back(fv);
  }
  return true;
}

static Token as_token(const Tok& t) {
  Token k;
  k.type = TokenType::STRING;
  k.text = t.text;
  k.lineno = t.lineno;
  k.col_offset = t.col_offset;
  k.end_lineno = t.end_lineno;
  k.end_col_offset = t.end_col_offset;
  return k;
}

ast::expr* Parser::concatenate_strings(int first_i, int last_i) {
  const Tok& first = toks_[first_i];
  const Tok& last = toks_[last_i];
  Concat cc{*this, first, last, {}, {}, false};
  if (!first.text.empty() && first.text[0] == 'u') cc.kind = arena_.copy_str("u");
  bool bytesmode = false;
  bool fmode = false;
  std::string bytes;
  size_t base = scratch_.size();
  auto fail = [&](const SyntaxErrorInfo& e, StringErrorWhere where, const Tok& t) -> ast::expr* {
    scratch_.resize(base);
    if (where == StringErrorWhere::Token) raise_at(e.type.c_str(), e.msg, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
    else {
      const Tok& lt = last_token();
      raise_at(e.type.c_str(), e.msg, lt.lineno, lt.col_offset, lt.end_lineno, lt.end_col_offset);
    }
    // In a sub-parser raise_at adds "f-string: " even to an error that has
    // it already (a nested f-string's): 3.11 prints it twice.
    return nullptr;
  };
  for (int i = first_i; i <= last_i; i++) {
    const Tok& t = toks_[i];
    Token tok = as_token(t);
    StringLiteral lit;
    SyntaxErrorInfo serr;
    StringErrorWhere where = StringErrorWhere::ParserPosition;
    parse_string_prefix(tok, lit);
    if (!lit.prefix.fstring) {
      if (!decode_string_literal(tok, lit, serr, where)) return fail(serr, where, t);
    }
    if (i != first_i && bytesmode != lit.prefix.bytes) {
      scratch_.resize(base);
      return raise("cannot mix bytes and nonbytes literals");
    }
    bytesmode = lit.prefix.bytes;
    if (lit.prefix.fstring) {
      fmode = true;
      FString fs;
      if (!split_fstring(tok, lit, fs, serr)) return fail(serr, StringErrorWhere::ParserPosition, t);
      if (!build_fstring_parts(*this, cc, t, fs.parts)) {
        scratch_.resize(base);
        return nullptr;
      }
    } else if (bytesmode) {
      bytes += lit.value;
    } else {
      cc.literal += lit.value;
    }
  }
  if (bytesmode) {
    auto* c = cc.make<ast::Constant>();
    c->value.kind = ast::ConstantKind::Bytes;
    c->value.text = arena_.copy_str(bytes);
    return c;
  }
  if (!fmode) {
    scratch_.resize(base);
    return cc.make_str(cc.literal);
  }
  cc.flush();
  auto* js = cc.make<ast::JoinedStr>();
  js->values = seq_from<ast::expr*>(base);
  return js;
}

}  // namespace spindle::frontend::parser_detail
