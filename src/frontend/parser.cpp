// The parser's driver: token buffer, memo table, node helpers, error
// reporting (CPython's pegen.c / pegen_errors.c mechanisms) and the start
// rules. The grammar rules live in parser_stmt.cpp, parser_expr.cpp,
// parser_invalid.cpp and parser_strings.cpp.
//
// Invariants: see parser_impl.h. In addition, the error scheme is CPython's:
//   * pass 1 runs without invalid_* rules (except where CPython's generator
//     does not guard them: an alternative of more than one item, i.e. dict's
//     '{' invalid_double_starred_kvpairs '}'); if it fails without raising,
//     pass 2 reruns the grammar over the same token buffer with them enabled
//     (memo cleared); an error raised in pass 1 stands and pass 2 is skipped;
//   * the first error raised in a pass stops it; a later raise overwrites
//     an earlier one (PyErr_SetObject semantics), a tokenizer error re-met
//     never overwrites a pending one;
//   * with no raised error, "invalid syntax" is reported at the furthest
//     token pass 1 fetched, and the rest of the source is tokenized so that
//     tokenizer errors can take precedence as in CPython.
#include "frontend/parser.h"

#include <cstdlib>
#include <cstring>

#include "frontend/parser_impl.h"
#include "unicode/utf8.h"

namespace spindle::frontend {

namespace parser_detail {

namespace {

int keyword_kind(std::string_view s) {
  static constexpr struct {
    const char* text;
    uint8_t kind;
  } kKeywords[] = {
#define KW_ROW(k) {#k, K_##k},
      PARSER_KEYWORDS(KW_ROW)
#undef KW_ROW
  };
  if (s.size() < 2 || s.size() > 8) return -1;
  char c = s[0];
  if (!((c >= 'a' && c <= 'z') || c == 'F' || c == 'N' || c == 'T')) return -1;
  for (const auto& k : kKeywords) {
    if (k.text[0] == c && s == k.text) return k.kind;
  }
  return -1;
}

}  // namespace

Parser::Parser(const SourceText& src, std::string_view filename, ParseMode mode, Arena& arena,
               SyntaxErrorInfo& err)
    : src_(src),
      filename_(filename),
      mode_(mode),
      arena_(arena),
      err_(err),
      tokenizer_(src, filename, tok_err_) {
  arena_text_ = arena_.copy_str(src.text).data();
  err_tok_.kind = T_ERRORTOKEN;
  scratch_.reserve(256);
}

void Parser::fill_token() {
  Token t;
  if (tokenizer_failed_ || !tokenizer_.next(t)) {
    tokenizer_failed_ = true;
    tokenizer_error_again();
    return;
  }
  Tok k;
  k.kind = static_cast<uint8_t>(t.type);
  if (t.type == TokenType::NAME) {
    int kw = keyword_kind(t.text);
    if (kw >= 0) k.kind = static_cast<uint8_t>(kw);
  }
  k.level = static_cast<int16_t>(tokenizer_.paren_level());
  k.text = t.text;
  k.lineno = t.lineno + line_shift_;
  k.col_offset = t.col_offset;
  k.end_lineno = t.end_lineno + line_shift_;
  k.end_col_offset = t.end_col_offset;
  if (line_shift_ || first_line_col_shift_) {
    if (t.lineno == 1) k.col_offset += first_line_col_shift_;
    if (t.end_lineno == 1) k.end_col_offset += first_line_col_shift_;
  }
  toks_.push_back(k);
  fill_++;
  if (memo_head_.size() < size_t(fill_)) memo_head_.resize(size_t(fill_) * 2, -1);
}

// The tokenizer failed (now or in an earlier pass): CPython's
// _Pypegen_tokenizer_error keeps an error already set.
void Parser::tokenizer_error_again() {
  error_ = true;
  if (!have_error_) {
    err_ = tok_err_;
    have_error_ = true;
    if (line_shift_) {
      err_.lineno += line_shift_;
      if (err_.end_lineno) err_.end_lineno += line_shift_;
    }
  }
}

bool Parser::memo_get(uint16_t rule, void*& value) {
  if (mark_ == fill_) fill_and_peek();
  if (mark_ >= fill_) return false;
  for (int i = memo_head_[size_t(mark_)]; i >= 0; i = memo_[size_t(i)].next) {
    if (memo_[size_t(i)].rule == rule) {
      value = memo_[size_t(i)].value;
      mark_ = memo_[size_t(i)].end;
      return true;
    }
  }
  return false;
}

void Parser::memo_put(int start, uint16_t rule, void* value) {
  if (start >= fill_) return;
  memo_.push_back(MemoEntry{memo_head_[size_t(start)], mark_, rule, value});
  memo_head_[size_t(start)] = int(memo_.size() - 1);
}

Str Parser::view(std::string_view s) {
  const char* base = src_.text.data();
  if (s.data() >= base && s.data() + s.size() <= base + src_.text.size())
    return Str(arena_text_ + (s.data() - base), s.size());
  return arena_.copy_str(s);
}

// CPython's _PyPegen_get_last_nonnwhitespace_token gives the end of EXTRA.
void Parser::set_end_from_last(ast::Node* n) {
  int m = mark_ - 1;
  for (; m > 0; m--) {
    uint8_t k = toks_[m].kind;
    if (k != T_ENDMARKER && (k < T_NEWLINE || k > T_DEDENT)) break;
  }
  if (m < 0) m = 0;
  const Tok& e = toks_[m];
  n->end_lineno = e.end_lineno;
  n->end_col_offset = e.end_col_offset;
}

ast::Name* Parser::name_from(const Tok& t, ast::ExprContext ctx) {
  auto* n = node_tok<ast::Name>(t);
  n->id = view(t.text);
  n->ctx = ctx;
  return n;
}

// CPython's _PyPegen_set_expr_context: a copy with the new context, applied
// through tuples, lists and starred.
ast::expr* Parser::set_ctx(ast::expr* e, ast::ExprContext ctx) {
  switch (e->kind) {
    case ast::NodeKind::Name: {
      auto* n = arena_.make<ast::Name>(*ast::cast<ast::Name>(e));
      n->ctx = ctx;
      return n;
    }
    case ast::NodeKind::Attribute: {
      auto* n = arena_.make<ast::Attribute>(*ast::cast<ast::Attribute>(e));
      n->ctx = ctx;
      return n;
    }
    case ast::NodeKind::Subscript: {
      auto* n = arena_.make<ast::Subscript>(*ast::cast<ast::Subscript>(e));
      n->ctx = ctx;
      return n;
    }
    case ast::NodeKind::Starred: {
      auto* n = arena_.make<ast::Starred>(*ast::cast<ast::Starred>(e));
      n->value = set_ctx(n->value, ctx);
      n->ctx = ctx;
      return n;
    }
    case ast::NodeKind::Tuple:
    case ast::NodeKind::List: {
      Seq<ast::expr*> elts = e->kind == ast::NodeKind::Tuple ? ast::cast<ast::Tuple>(e)->elts
                                                              : ast::cast<ast::List>(e)->elts;
      Seq<ast::expr*> copy;
      if (!elts.empty()) {
        auto** p = static_cast<ast::expr**>(arena_.allocate(sizeof(void*) * elts.size(), alignof(void*)));
        for (size_t i = 0; i < elts.size(); i++) p[i] = set_ctx(elts[i], ctx);
        copy = Seq<ast::expr*>(p, elts.size());
      }
      if (e->kind == ast::NodeKind::Tuple) {
        auto* n = arena_.make<ast::Tuple>(*ast::cast<ast::Tuple>(e));
        n->elts = copy;
        n->ctx = ctx;
        return n;
      }
      auto* n = arena_.make<ast::List>(*ast::cast<ast::List>(e));
      n->elts = copy;
      n->ctx = ctx;
      return n;
    }
    default:
      return e;
  }
}

// CPython's _PyPegen_get_expr_name.
const char* Parser::expr_name(const ast::expr* e) {
  using K = ast::NodeKind;
  switch (e->kind) {
    case K::Attribute: return "attribute";
    case K::Subscript: return "subscript";
    case K::Starred: return "starred";
    case K::Name: return "name";
    case K::List: return "list";
    case K::Tuple: return "tuple";
    case K::Lambda: return "lambda";
    case K::Call: return "function call";
    case K::BoolOp:
    case K::BinOp:
    case K::UnaryOp: return "expression";
    case K::GeneratorExp: return "generator expression";
    case K::Yield:
    case K::YieldFrom: return "yield expression";
    case K::Await: return "await expression";
    case K::ListComp: return "list comprehension";
    case K::SetComp: return "set comprehension";
    case K::DictComp: return "dict comprehension";
    case K::Dict: return "dict literal";
    case K::Set: return "set display";
    case K::JoinedStr:
    case K::FormattedValue: return "f-string expression";
    case K::Constant: {
      const auto& v = ast::cast<ast::Constant>(e)->value;
      if (v.kind == ast::ConstantKind::None) return "None";
      if (v.kind == ast::ConstantKind::Bool) return v.boolean ? "True" : "False";
      if (v.kind == ast::ConstantKind::Ellipsis) return "ellipsis";
      return "literal";
    }
    case K::Compare: return "comparison";
    case K::IfExp: return "conditional expression";
    case K::NamedExpr: return "named expression";
    default: return "???";
  }
}

// CPython's _PyPegen_get_invalid_target.
ast::expr* Parser::invalid_target(TargetsType type, ast::expr* e) {
  if (e == nullptr) return nullptr;
  using K = ast::NodeKind;
  switch (e->kind) {
    case K::List:
      for (auto* x : ast::cast<ast::List>(e)->elts)
        if (auto* r = invalid_target(type, x)) return r;
      return nullptr;
    case K::Tuple:
      for (auto* x : ast::cast<ast::Tuple>(e)->elts)
        if (auto* r = invalid_target(type, x)) return r;
      return nullptr;
    case K::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(type, ast::cast<ast::Starred>(e)->value);
    case K::Compare:
      // "for x in y" parses as a comparison when star_expressions is used.
      if (type == TargetsType::For) {
        auto* c = ast::cast<ast::Compare>(e);
        if (c->ops[0] == ast::ComparisonOperator::In) return invalid_target(type, c->left);
        return nullptr;
      }
      return e;
    case K::Name:
    case K::Subscript:
    case K::Attribute:
      return nullptr;
    default:
      return e;
  }
}

// --- errors ----------------------------------------------------------------------------

std::nullptr_t Parser::raise_at(const char* type, std::string msg, int lineno, int col,
                                int end_lineno, int end_col) {
  if (error_) return nullptr;  // a pending error (e.g. the tokenizer's) stops all actions
  error_ = true;
  have_error_ = true;
  err_ = SyntaxErrorInfo{};
  err_.type = type;
  err_.msg = in_fstring_ ? "f-string: " + msg : std::move(msg);
  // Error columns are relative to the text the tokenizer read (for an
  // f-string expression, the "(expr)" text, as 3.11 reports them).
  int line_in_src = lineno - line_shift_;
  int c = col, ec = end_col;
  if (line_shift_ || first_line_col_shift_) {
    if (line_in_src == 1 && c >= 0) c -= first_line_col_shift_;
    if (end_lineno - line_shift_ == 1 && ec >= 0) ec -= first_line_col_shift_;
  }
  set_error_location(err_, src_, filename_, line_in_src, c < 0 ? 0 : c, end_lineno - line_shift_, ec);
  if (col == -1 && end_col == -1) err_.offset = err_.end_offset = 0;  // a known line, no column
  err_.lineno += line_shift_;
  if (err_.end_lineno) err_.end_lineno += line_shift_;
  return nullptr;
}

// CPython's INDENT, DEDENT and ENDMARKER tokens have no position (columns
// -1; the line is the C tokenizer's, which at EOF stays on the last line).
// An error at one of them:
//   * RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR (at the last fetched
//     token, `known_location` false): pegen takes the column from the
//     tokenizer's cursor (0 when its buffer is empty, as a script's is at
//     EOF), end_offset -1;
//   * RAISE_..._KNOWN_LOCATION(token): column -1 + 1 = 0, end 0: no caret.
bool Parser::raise_at_blank_token(const char* type, std::string& msg, const Tok& t,
                                  bool known_location) {
  if (t.kind != T_INDENT && t.kind != T_DEDENT && t.kind != T_ENDMARKER) return false;
  if (error_) return true;
  int lineno = t.lineno - line_shift_;
  if (lineno > 1 && src_.offset_of(lineno, 0) >= src_.text.size()) lineno--;
  error_ = true;
  have_error_ = true;
  err_ = SyntaxErrorInfo{};
  err_.type = type;
  err_.msg = in_fstring_ ? "f-string: " + msg : std::move(msg);
  if (known_location) {
    set_error_location(err_, src_, filename_, lineno, -1, lineno, -1);
    err_.end_offset = 0;
  } else {
    set_error_location(err_, src_, filename_, lineno, tokenizer_.cursor_col() - 1, lineno, -1);
    err_.end_offset = -1;
  }
  err_.lineno += line_shift_;
  err_.end_lineno = err_.lineno;
  return true;
}

std::nullptr_t Parser::raise(std::string msg) {
  if (fill_ == 0) return raise_at("SyntaxError", std::move(msg), 0, 0, 0, -1);
  const Tok& t = last_token();
  if (raise_at_blank_token("SyntaxError", msg, t, /*known_location=*/false)) return nullptr;
  return raise_at("SyntaxError", std::move(msg), t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
}

std::nullptr_t Parser::raise_indent(std::string msg) {
  const Tok& t = last_token();
  if (raise_at_blank_token("IndentationError", msg, t, /*known_location=*/false)) return nullptr;
  return raise_at("IndentationError", std::move(msg), t.lineno, t.col_offset, t.end_lineno,
                  t.end_col_offset);
}

std::nullptr_t Parser::raise_known(const ast::Node* a, std::string msg) {
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, a->end_lineno,
                  a->end_col_offset);
}
std::nullptr_t Parser::raise_known_tok(const Tok* a, std::string msg) {
  if (raise_at_blank_token("SyntaxError", msg, *a, /*known_location=*/true)) return nullptr;
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, a->end_lineno,
                  a->end_col_offset);
}
std::nullptr_t Parser::raise_range(const ast::Node* a, const ast::Node* b, std::string msg) {
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, b->end_lineno,
                  b->end_col_offset);
}
std::nullptr_t Parser::raise_range_tok(const Tok* a, const Tok* b, std::string msg) {
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, b->end_lineno,
                  b->end_col_offset);
}
std::nullptr_t Parser::raise_range_tn(const Tok* a, const ast::Node* b, std::string msg) {
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, b->end_lineno,
                  b->end_col_offset);
}
std::nullptr_t Parser::raise_range_nt(const ast::Node* a, const Tok* b, std::string msg) {
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, b->end_lineno,
                  b->end_col_offset);
}
// RAISE_SYNTAX_ERROR_STARTING_FROM: the end is the tokenizer's current
// position, i.e. the end of the last fetched token.
std::nullptr_t Parser::raise_starting_from(const ast::Node* a, std::string msg) {
  const Tok& t = last_token();
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, t.end_lineno,
                  t.end_col_offset - 1);
}
std::nullptr_t Parser::raise_starting_from_tok(const Tok* a, std::string msg) {
  const Tok& t = last_token();
  return raise_at("SyntaxError", std::move(msg), a->lineno, a->col_offset, t.end_lineno,
                  t.end_col_offset - 1);
}

std::nullptr_t Parser::raise_invalid_target(TargetsType type, ast::expr* e) {
  ast::expr* bad = invalid_target(type, e);
  if (bad == nullptr) return nullptr;  // 3.11: no error here; the generic one follows
  const char* fmt = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
  return raise_known(bad, std::string(fmt) + expr_name(bad));
}

std::nullptr_t Parser::raise_memory_error() {
  error_ = true;
  have_error_ = true;
  err_ = SyntaxErrorInfo{};
  err_.type = "MemoryError";
  err_.filename = std::string(filename_);
  return nullptr;
}

// _Pypegen_set_syntax_error, after pass 2.
void Parser::set_generic_error(int last_index) {
  if (have_error_) {
    if (!tokenizer_failed_ && err_.type != "MemoryError") check_rest_of_source_for_tokenizer_errors();
    return;
  }
  if (fill_ == 0) {
    raise("error at start before reading any input");
    return;
  }
  const Tok& last = toks_[last_index];
  if (last.kind == T_INDENT || last.kind == T_DEDENT) {
    raise_indent(last.kind == T_INDENT ? "unexpected indent" : "unexpected unindent");
    return;
  }
  raise_known_tok(&last, "invalid syntax");
  check_rest_of_source_for_tokenizer_errors();
}

// _PyPegen_tokenize_full_source_to_check_for_errors.
void Parser::check_rest_of_source_for_tokenizer_errors() {
  if (mode_ == ParseMode::Single || tokenizer_failed_) return;
  int err_line = last_token().lineno - line_shift_;
  Token t;
  for (;;) {
    if (!tokenizer_.next(t)) {
      tokenizer_failed_ = true;
      TokenizerErrorKind k = tokenizer_.error_kind();
      // Any failure the C tokenizer only signals through tok->done (EOF,
      // a bad continuation character, ...) becomes "'(' was never closed"
      // when a bracket opened before the parser's error line is still open.
      bool unclosed = k != TokenizerErrorKind::Raised && tokenizer_.paren_level() > 0 &&
                      err_line > tokenizer_.innermost_paren_lineno();
      if (unclosed && k != TokenizerErrorKind::Eof) (void)tokenizer_.report_unclosed_paren();
      bool replace = k == TokenizerErrorKind::Raised || unclosed;
      if (replace) {
        err_ = tok_err_;
        if (in_fstring_ && err_.msg.rfind("f-string: ", 0) != 0) err_.msg = "f-string: " + err_.msg;
        if (line_shift_) {
          err_.lineno += line_shift_;
          if (err_.end_lineno) err_.end_lineno += line_shift_;
        }
      }
      return;
    }
    if (t.type == TokenType::ENDMARKER) return;
  }
}

// --- start rules ------------------------------------------------------------------------

// file: [statements] ENDMARKER
ast::mod* Parser::file() {
  RULE_ENTER(nullptr);
  int m = mark_;
  Seq<ast::stmt*> body;
  if (!statements(body)) {
    if (error_) return nullptr;
    mark_ = m;
  }
  if (!expect(T_ENDMARKER)) {
    mark_ = m;
    return nullptr;
  }
  auto* mod = ast::make_node<ast::Module>(arena_);
  mod->body = body;
  return mod;
}

// interactive: statement_newline
ast::mod* Parser::interactive() {
  RULE_ENTER(nullptr);
  Seq<ast::stmt*> body;
  if (!statement_newline(body)) return nullptr;
  auto* mod = ast::make_node<ast::Interactive>(arena_);
  mod->body = body;
  return mod;
}

// eval: expressions NEWLINE* ENDMARKER
ast::mod* Parser::eval() {
  RULE_ENTER(nullptr);
  int m = mark_;
  ast::expr* e = expressions();
  if (!e) return nullptr;
  while (expect(T_NEWLINE)) {
  }
  if (!expect(T_ENDMARKER)) {
    mark_ = m;
    return nullptr;
  }
  auto* mod = ast::make_node<ast::Expression>(arena_);
  mod->body = e;
  return mod;
}

// func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
ast::mod* Parser::func_type() {
  RULE_ENTER(nullptr);
  int m = mark_;
  if (!expect(T_LPAR)) return nullptr;
  Seq<ast::expr*> types;
  int m2 = mark_;
  if (!type_expressions(types)) {
    if (error_) return nullptr;
    mark_ = m2;
  }
  ast::expr* ret = nullptr;
  if (expect(T_RPAR) && expect(T_RARROW) && (ret = expression())) {
    while (expect(T_NEWLINE)) {
    }
    if (expect(T_ENDMARKER)) {
      auto* mod = ast::make_node<ast::FunctionType>(arena_);
      mod->argtypes = types;
      mod->returns = ret;
      return mod;
    }
  }
  mark_ = m;
  return nullptr;
}

ast::mod* Parser::run() {
  auto run_pass = [&]() -> ast::mod* {
    mark_ = 0;
    depth_ = 0;
    error_ = false;
    switch (mode_) {
      case ParseMode::Exec: return file();
      case ParseMode::Eval: return eval();
      case ParseMode::Single: return interactive();
      case ParseMode::FuncType: return func_type();
    }
    return nullptr;
  };
  ast::mod* res = run_pass();
  if (res && !have_error_) return res;
  if (have_error_ && err_.type == "MemoryError") return nullptr;
  int last_index = fill_ - 1;
  // Pass 2: same tokens, memo cleared, invalid_* rules on. An error raised
  // in pass 1 (tokenizer, f-string, dict's unguarded invalid alternative)
  // leaves CPython's error_indicator set, which makes its pass 2 a no-op.
  if (!have_error_) {
    std::fill(memo_head_.begin(), memo_head_.end(), -1);
    memo_.clear();
    call_invalid_rules_ = true;
    (void)run_pass();
  }
  set_generic_error(last_index < 0 ? 0 : last_index);
  return nullptr;
}

// fstring: star_expressions
ast::expr* Parser::fstring_rule() {
  RULE_ENTER(nullptr);
  return star_expressions();
}

ast::expr* Parser::run_fstring_expr(int line_shift, int first_line_col_shift) {
  line_shift_ = line_shift;
  first_line_col_shift_ = first_line_col_shift;
  in_fstring_ = true;
  mark_ = 0;
  ast::expr* res = fstring_rule();
  if (res && !have_error_) return res;
  if (have_error_ && err_.type == "MemoryError") return nullptr;
  int last_index = fill_ - 1;
  if (!have_error_) {  // as in run(): a pass-1 error makes pass 2 a no-op
    std::fill(memo_head_.begin(), memo_head_.end(), -1);
    memo_.clear();
    call_invalid_rules_ = true;
    mark_ = 0;
    depth_ = 0;
    error_ = false;
    (void)fstring_rule();
  }
  set_generic_error(last_index < 0 ? 0 : last_index);
  return nullptr;
}

}  // namespace parser_detail

ast::mod* parse(const SourceText& src, std::string_view filename, ParseMode mode, Arena& arena,
                SyntaxErrorInfo& err, int int_max_str_digits) {
  parser_detail::Parser p(src, filename, mode, arena, err);
  p.int_max_str_digits_ = int_max_str_digits;
  ast::mod* m = p.run();
  if (!m && err.filename.empty()) err.filename = std::string(filename);
  return m;
}

ast::mod* parse_file_bytes(std::string_view bytes, std::string_view filename, ParseMode mode,
                           Arena& arena, SyntaxErrorInfo& err, SourceOrigin origin) {
  SourceText src;
  if (!decode_source(bytes, filename, src, err, origin)) return nullptr;
  return parse(src, filename, mode, arena, err);
}

}  // namespace spindle::frontend
