// Statement, parameter and pattern rules of the 3.11 grammar (python.gram,
// sections GENERAL STATEMENTS .. Match statement, plus lambda parameters).
//
// Invariants: as parser_expr.cpp. Forced tokens (&&':') raise "expected ':'"
// at the offending token in every pass, as CPython's
// _PyPegen_expect_forced_token does.
#include "frontend/parser_impl.h"

namespace spindle::frontend::parser_detail {

namespace {

template <class T>
T* as(void* p) {
  return static_cast<T*>(p);
}

}  // namespace

// &&tok: a token that must be there; raises "expected 'x'" at the token found.
static bool expect_forced(Parser& p, int kind, const char* spelling) {
  if (p.error_) return false;
  if (p.expect(kind)) return true;
  if (p.error_) return false;
  const Tok& t = p.peek();
  if (p.error_) return false;
  p.raise_known_tok(&t, std::string("expected '") + spelling + "'");
  return false;
}

// --- statement lists --------------------------------------------------------------------

// statements: statement+
bool Parser::statements(Seq<ast::stmt*>& out) {
  RULE_ENTER(false);
  size_t base = scratch_.size();
  while (statement(base)) {
  }
  if (error_ || scratch_.size() == base) {
    scratch_.resize(base);
    return false;
  }
  out = seq_from<ast::stmt*>(base);
  return true;
}

// statement: compound_stmt | simple_stmts   (pushes onto scratch_)
bool Parser::statement(size_t) {
  RULE_ENTER(false);
  int start = mark_;
  if (ast::stmt* s = compound_stmt()) {
    scratch_.push_back(s);
    return true;
  }
  if (error_) return false;
  mark_ = start;
  Seq<ast::stmt*> ss;
  if (simple_stmts(ss)) {
    for (auto* s : ss) scratch_.push_back(s);
    return true;
  }
  mark_ = start;
  return false;
}

// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
bool Parser::statement_newline(Seq<ast::stmt*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  if (ast::stmt* s = compound_stmt()) {
    // In single (interactive) mode the end of input counts as the NEWLINE
    // that ends a compound statement, as CPython's parser turns the first
    // ENDMARKER into a NEWLINE.
    if (expect(T_NEWLINE) || check(T_ENDMARKER)) {
      out = single(s);
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  if (simple_stmts(out)) return true;
  if (error_) return false;
  mark_ = start;
  if (expect(T_NEWLINE)) {
    out = single<ast::stmt>(node<ast::Pass>(start));
    return true;
  }
  return false;
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
bool Parser::simple_stmts(Seq<ast::stmt*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  ast::stmt* a = simple_stmt();
  if (!a) return false;
  if (!check(T_SEMI)) {
    if (expect(T_NEWLINE)) {
      out = single(a);
      return true;
    }
    mark_ = start;
    return false;
  }
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_SEMI)) break;
    ast::stmt* s = simple_stmt();
    if (!s) {
      mark_ = m;
      break;
    }
    scratch_.push_back(s);
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  expect(T_SEMI);
  if (!expect(T_NEWLINE)) {
    scratch_.resize(base);
    mark_ = start;
    return false;
  }
  out = seq_from<ast::stmt*>(base);
  return true;
}

// simple_stmt (memo)
ast::stmt* Parser::simple_stmt() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_simple_stmt, memo)) return as<ast::stmt>(memo);
  int start = mark_;
  ast::stmt* res = simple_stmt_raw();
  if (!res) mark_ = start;
  memo_put(start, M_simple_stmt, res);
  return res;
}

ast::stmt* Parser::simple_stmt_raw() {
  int start = mark_;
  int k = peek_kind();
  // Statements introduced by a keyword neither assignment nor
  // star_expressions can start with: go straight to them.
  switch (k) {
    case K_return: return return_stmt();
    case K_import:
    case K_from: return import_stmt();
    case K_raise: return raise_stmt();
    case K_pass: mark_++; return node<ast::Pass>(start);
    case K_del: return del_stmt();
    case K_assert: return assert_stmt();
    case K_break: mark_++; return node<ast::Break>(start);
    case K_continue: mark_++; return node<ast::Continue>(start);
    case K_global: return global_stmt();
    case K_nonlocal: return nonlocal_stmt();
    default: break;
  }
  if (ast::stmt* s = assignment()) return s;
  if (error_) return nullptr;
  mark_ = start;
  if (ast::expr* e = star_expressions()) {
    auto* s = node<ast::Expr>(start);
    s->value = e;
    return s;
  }
  if (error_) return nullptr;
  mark_ = start;
  if (k == K_yield) return yield_stmt();
  return nullptr;
}

// compound_stmt
ast::stmt* Parser::compound_stmt() {
  RULE_ENTER(nullptr);
  switch (peek_kind()) {
    case K_def: return function_def();
    case T_AT: {
      int start = mark_;
      if (ast::stmt* s = function_def()) return s;
      if (error_) return nullptr;
      mark_ = start;
      return class_def();
    }
    case K_async: {
      int start = mark_;
      if (ast::stmt* s = function_def()) return s;
      if (error_) return nullptr;
      mark_ = start;
      if (ast::stmt* s = with_stmt()) return s;
      if (error_) return nullptr;
      mark_ = start;
      return for_stmt();
    }
    case K_if: return if_stmt(K_if);
    case K_class: return class_def();
    case K_with: return with_stmt();
    case K_for: return for_stmt();
    case K_try: return try_stmt();
    case K_while: return while_stmt();
    case T_NAME: return match_stmt();
    default: return nullptr;
  }
}

// --- simple statements ------------------------------------------------------------------

// assignment
ast::stmt* Parser::assignment() {
  RULE_ENTER(nullptr);
  int start = mark_;
  // NAME ':' expression ['=' annotated_rhs]
  if (const Tok* n = expect(T_NAME)) {
    if (expect(T_COLON)) {
      if (ast::expr* b = expression()) {
        ast::expr* c = nullptr;
        int m = mark_;
        if (expect(T_EQUAL)) {
          c = annotated_rhs();
          if (!c) mark_ = m;
        }
        if (error_) return nullptr;
        auto* s = node<ast::AnnAssign>(start);
        s->target = name_from(*n, ast::ExprContext::Store);
        s->annotation = b;
        s->value = c;
        s->simple = 1;
        return s;
      }
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  {
    ast::expr* a = nullptr;
    if (expect(T_LPAR)) {
      a = single_target();
      if (!a || !expect(T_RPAR)) a = nullptr;
    }
    if (!a) {
      if (error_) return nullptr;
      mark_ = start;
      a = single_subscript_attribute_target();
    }
    if (a && expect(T_COLON)) {
      if (ast::expr* b = expression()) {
        ast::expr* c = nullptr;
        int m = mark_;
        if (expect(T_EQUAL)) {
          c = annotated_rhs();
          if (!c) mark_ = m;
        }
        if (error_) return nullptr;
        auto* s = node<ast::AnnAssign>(start);
        s->target = a;
        s->annotation = b;
        s->value = c;
        s->simple = 0;
        return s;
      }
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
  {
    size_t base = scratch_.size();
    for (;;) {
      int m = mark_;
      ast::expr* z = star_targets();
      if (z && expect(T_EQUAL)) {
        scratch_.push_back(z);
        continue;
      }
      mark_ = m;
      break;
    }
    if (error_) {
      scratch_.resize(base);
      return nullptr;
    }
    if (scratch_.size() > base) {
      ast::expr* b = yield_expr();
      if (!b && !error_) b = star_expressions();
      if (b && !check(T_EQUAL)) {
        auto* s = node<ast::Assign>(start);
        s->targets = seq_from<ast::expr*>(base);
        s->value = b;
        return s;
      }
      if (error_) {
        scratch_.resize(base);
        return nullptr;
      }
    }
    scratch_.resize(base);
  }
  mark_ = start;
  // single_target augassign ~ (yield_expr | star_expressions)
  if (ast::expr* a = single_target()) {
    ast::Operator op;
    if (augassign(op)) {
      ast::expr* c = yield_expr();
      if (!c && !error_) c = star_expressions();
      if (!c) {
        mark_ = start;
        return nullptr;  // cut
      }
      auto* s = node<ast::AugAssign>(start);
      s->target = a;
      s->op = op;
      s->value = c;
      return s;
    }
  }
  if (error_) return nullptr;
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_assignment();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// annotated_rhs: yield_expr | star_expressions
ast::expr* Parser::annotated_rhs() {
  RULE_ENTER(nullptr);
  if (ast::expr* e = yield_expr()) return e;
  if (error_) return nullptr;
  return star_expressions();
}

bool Parser::augassign(ast::Operator& op) {
  using O = ast::Operator;
  switch (peek_kind()) {
    case T_PLUSEQUAL: op = O::Add; break;
    case T_MINEQUAL: op = O::Sub; break;
    case T_STAREQUAL: op = O::Mult; break;
    case T_ATEQUAL: op = O::MatMult; break;
    case T_SLASHEQUAL: op = O::Div; break;
    case T_PERCENTEQUAL: op = O::Mod; break;
    case T_AMPEREQUAL: op = O::BitAnd; break;
    case T_VBAREQUAL: op = O::BitOr; break;
    case T_CIRCUMFLEXEQUAL: op = O::BitXor; break;
    case T_LEFTSHIFTEQUAL: op = O::LShift; break;
    case T_RIGHTSHIFTEQUAL: op = O::RShift; break;
    case T_DOUBLESTAREQUAL: op = O::Pow; break;
    case T_DOUBLESLASHEQUAL: op = O::FloorDiv; break;
    default: return false;
  }
  mark_++;
  return true;
}

// return_stmt: 'return' [star_expressions]
ast::stmt* Parser::return_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_return)) return nullptr;
  int m = mark_;
  ast::expr* a = star_expressions();
  if (error_) return nullptr;
  if (!a) mark_ = m;
  auto* s = node<ast::Return>(start);
  s->value = a;
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
ast::stmt* Parser::raise_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_raise)) return nullptr;
  int m = mark_;
  if (ast::expr* a = expression()) {
    ast::expr* b = nullptr;
    int m2 = mark_;
    if (expect(K_from)) {
      b = expression();
      if (!b) mark_ = m2;
    }
    if (error_) return nullptr;
    auto* s = node<ast::Raise>(start);
    s->exc = a;
    s->cause = b;
    return s;
  }
  if (error_) return nullptr;
  mark_ = m;
  return node<ast::Raise>(start);
}

static bool name_list(Parser& p, Seq<Str>& out) {
  size_t base = p.scratch_.size();
  for (;;) {
    const Tok* n = p.expect(T_NAME);
    if (!n) {
      if (p.scratch_.size() > base) p.mark_--;
      break;
    }
    Str* s = p.arena_.make<Str>(p.view(n->text));
    p.scratch_.push_back(s);
    if (!p.expect(T_COMMA)) break;
  }
  size_t n = p.scratch_.size() - base;
  if (n == 0) return false;
  Str* arr = static_cast<Str*>(p.arena_.allocate(sizeof(Str) * n, alignof(Str)));
  for (size_t i = 0; i < n; i++) arr[i] = *static_cast<Str*>(p.scratch_[base + i]);
  p.scratch_.resize(base);
  out = Seq<Str>(arr, n);
  return true;
}

// global_stmt: 'global' ','.NAME+
ast::stmt* Parser::global_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_global)) return nullptr;
  Seq<Str> names;
  if (!name_list(*this, names)) {
    mark_ = start;
    return nullptr;
  }
  auto* s = node<ast::Global>(start);
  s->names = names;
  return s;
}

// nonlocal_stmt: 'nonlocal' ','.NAME+
ast::stmt* Parser::nonlocal_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_nonlocal)) return nullptr;
  Seq<Str> names;
  if (!name_list(*this, names)) {
    mark_ = start;
    return nullptr;
  }
  auto* s = node<ast::Nonlocal>(start);
  s->names = names;
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
ast::stmt* Parser::del_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(K_del)) {
    Seq<ast::expr*> targets;
    if (del_targets(targets) && (check(T_SEMI) || check(T_NEWLINE))) {
      auto* s = node<ast::Delete>(start);
      s->targets = targets;
      return s;
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_del_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// yield_stmt: yield_expr
ast::stmt* Parser::yield_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* y = yield_expr();
  if (!y) return nullptr;
  auto* s = node<ast::Expr>(start);
  s->value = y;
  return s;
}

// assert_stmt: 'assert' expression [',' expression]
ast::stmt* Parser::assert_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_assert)) return nullptr;
  ast::expr* a = expression();
  if (!a) {
    mark_ = start;
    return nullptr;
  }
  ast::expr* b = nullptr;
  int m = mark_;
  if (expect(T_COMMA)) {
    b = expression();
    if (!b) mark_ = m;
  }
  if (error_) return nullptr;
  auto* s = node<ast::Assert>(start);
  s->test = a;
  s->msg = b;
  return s;
}

// import_stmt: import_name | import_from
ast::stmt* Parser::import_stmt() {
  RULE_ENTER(nullptr);
  if (ast::stmt* s = import_name()) return s;
  if (error_) return nullptr;
  return import_from();
}

// import_name: 'import' dotted_as_names
ast::stmt* Parser::import_name() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_import)) return nullptr;
  Seq<ast::alias*> names;
  if (!dotted_as_names(names)) {
    mark_ = start;
    return nullptr;
  }
  auto* s = node<ast::Import>(start);
  s->names = names;
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//   | 'from' ('.' | '...')+ 'import' import_from_targets
ast::stmt* Parser::import_from() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_from)) return nullptr;
  int level = 0;
  for (;;) {
    if (expect(T_DOT)) level += 1;
    else if (expect(T_ELLIPSIS)) level += 3;
    else break;
  }
  int after_dots = mark_;
  Str module;
  if (dotted_name(module) && expect(K_import)) {
    Seq<ast::alias*> names;
    if (import_from_targets(names)) {
      auto* s = node<ast::ImportFrom>(start);
      s->module = module;
      s->names = names;
      s->level = level;
      return s;
    }
  }
  if (error_) return nullptr;
  mark_ = after_dots;
  if (level > 0 && expect(K_import)) {
    Seq<ast::alias*> names;
    if (import_from_targets(names)) {
      auto* s = node<ast::ImportFrom>(start);
      s->names = names;
      s->level = level;
      return s;
    }
  }
  mark_ = start;
  return nullptr;
}

// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !','
//   | '*' | invalid_import_from_targets
bool Parser::import_from_targets(Seq<ast::alias*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  if (expect(T_LPAR)) {
    if (import_from_as_names(out)) {
      expect(T_COMMA);
      if (expect(T_RPAR)) return true;
    }
    if (error_) return false;
    mark_ = start;
  }
  if (import_from_as_names(out)) {
    if (!check(T_COMMA)) return true;
  }
  if (error_) return false;
  mark_ = start;
  if (const Tok* t = expect(T_STAR)) {
    auto* a = node_tok<ast::alias>(*t);
    a->name = arena_.copy_str("*");
    out = single(a);
    return true;
  }
  if (call_invalid_rules_) {
    (void)invalid_import_from_targets();
    if (error_) return false;
    mark_ = start;
  }
  return false;
}

// import_from_as_names: ','.import_from_as_name+
bool Parser::import_from_as_names(Seq<ast::alias*>& out) {
  RULE_ENTER(false);
  return gather_sep<ast::alias*>([&] { return import_from_as_name(); }, T_COMMA, out);
}

// import_from_as_name: NAME ['as' NAME]
ast::alias* Parser::import_from_as_name() {
  RULE_ENTER(nullptr);
  int start = mark_;
  const Tok* n = expect(T_NAME);
  if (!n) return nullptr;
  Str asname;
  int m = mark_;
  if (expect(K_as)) {
    if (const Tok* z = expect(T_NAME)) asname = view(z->text);
    else mark_ = m;
  }
  auto* a = node<ast::alias>(start);
  a->name = view(n->text);
  a->asname = asname;
  return a;
}

// dotted_as_names: ','.dotted_as_name+
bool Parser::dotted_as_names(Seq<ast::alias*>& out) {
  RULE_ENTER(false);
  return gather_sep<ast::alias*>([&] { return dotted_as_name(); }, T_COMMA, out);
}

// dotted_as_name: dotted_name ['as' NAME]
ast::alias* Parser::dotted_as_name() {
  RULE_ENTER(nullptr);
  int start = mark_;
  Str name;
  if (!dotted_name(name)) return nullptr;
  Str asname;
  int m = mark_;
  if (expect(K_as)) {
    if (const Tok* z = expect(T_NAME)) asname = view(z->text);
    else mark_ = m;
  }
  auto* a = node<ast::alias>(start);
  a->name = name;
  a->asname = asname;
  return a;
}

// dotted_name: dotted_name '.' NAME | NAME
bool Parser::dotted_name(Str& out) {
  RULE_ENTER(false);
  const Tok* n = expect(T_NAME);
  if (!n) return false;
  if (!check(T_DOT)) {
    out = view(n->text);
    return true;
  }
  std::string joined(n->text);
  for (;;) {
    int m = mark_;
    if (!expect(T_DOT)) break;
    const Tok* z = expect(T_NAME);
    if (!z) {
      mark_ = m;
      break;
    }
    joined += '.';
    joined += z->text;
  }
  out = arena_.copy_str(joined);
  return true;
}

// --- blocks, decorators, class and function definitions --------------------------------

// block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
bool Parser::block(Seq<ast::stmt*>& out) {
  RULE_ENTER(false);
  void* memo;
  if (memo_get(M_block, memo)) {
    if (!memo) return false;
    out = *static_cast<Seq<ast::stmt*>*>(memo);
    return true;
  }
  int start = mark_;
  bool ok = block_raw(out);
  if (!ok) mark_ = start;
  memo_put(start, M_block, ok ? arena_.make<Seq<ast::stmt*>>(out) : nullptr);
  return ok;
}

bool Parser::block_raw(Seq<ast::stmt*>& out) {
  int start = mark_;
  if (expect(T_NEWLINE)) {
    if (expect(T_INDENT) && statements(out) && expect(T_DEDENT)) return true;
    if (error_) return false;
  }
  mark_ = start;
  if (simple_stmts(out)) return true;
  if (error_) return false;
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_block();
    if (error_) return false;
    mark_ = start;
  }
  return false;
}

// decorators: ('@' named_expression NEWLINE)+
bool Parser::decorators(Seq<ast::expr*>& out) {
  RULE_ENTER(false);
  size_t base = scratch_.size();
  for (;;) {
    int m = mark_;
    if (!expect(T_AT)) break;
    ast::expr* f = named_expression();
    if (!f || !expect(T_NEWLINE)) {
      mark_ = m;
      break;
    }
    scratch_.push_back(f);
  }
  if (error_ || scratch_.size() == base) {
    scratch_.resize(base);
    return false;
  }
  out = seq_from<ast::expr*>(base);
  return true;
}

// class_def: decorators class_def_raw | class_def_raw
ast::stmt* Parser::class_def() {
  RULE_ENTER(nullptr);
  int start = mark_;
  Seq<ast::expr*> decos;
  if (decorators(decos)) {
    if (ast::stmt* c = class_def_raw()) {
      ast::cast<ast::ClassDef>(c)->decorator_list = decos;
      return c;
    }
    if (error_) return nullptr;
    mark_ = start;
    return nullptr;
  }
  if (error_) return nullptr;
  return class_def_raw();
}

// class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block
ast::stmt* Parser::class_def_raw() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_class_def_raw();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (!expect(K_class)) return nullptr;
  const Tok* n = expect(T_NAME);
  if (!n) {
    mark_ = start;
    return nullptr;
  }
  ast::Call* b = nullptr;
  int m = mark_;
  if (expect(T_LPAR)) {
    int m2 = mark_;
    b = arguments();
    if (error_) return nullptr;
    if (!b) mark_ = m2;
    if (!expect(T_RPAR)) {
      mark_ = m;
      b = nullptr;
    } else if (!b) {
      b = ast::make_node<ast::Call>(arena_);
    }
  }
  Seq<ast::stmt*> body;
  if (expect(T_COLON) && block(body)) {
    auto* c = node<ast::ClassDef>(start);
    c->name = view(n->text);
    if (b) {
      c->bases = b->args;
      c->keywords = b->keywords;
    }
    c->body = body;
    return c;
  }
  mark_ = start;
  return nullptr;
}

// function_def: decorators function_def_raw | function_def_raw
ast::stmt* Parser::function_def() {
  RULE_ENTER(nullptr);
  int start = mark_;
  Seq<ast::expr*> decos;
  if (decorators(decos)) {
    if (ast::stmt* f = function_def_raw()) {
      if (f->kind == ast::NodeKind::FunctionDef) ast::cast<ast::FunctionDef>(f)->decorator_list = decos;
      else ast::cast<ast::AsyncFunctionDef>(f)->decorator_list = decos;
      return f;
    }
    if (error_) return nullptr;
    mark_ = start;
    return nullptr;
  }
  if (error_) return nullptr;
  return function_def_raw();
}

// function_def_raw: invalid_def_raw
//   | [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
ast::stmt* Parser::function_def_raw() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_def_raw();
    if (error_) return nullptr;
    mark_ = start;
  }
  bool is_async = expect(K_async) != nullptr;
  if (!expect(K_def)) {
    mark_ = start;
    return nullptr;
  }
  const Tok* n = expect(T_NAME);
  if (!n) {
    mark_ = start;
    return nullptr;
  }
  if (!expect_forced(*this, T_LPAR, "(")) return nullptr;
  int m = mark_;
  ast::arguments* params_ = params(ParamStyle::Def);
  if (error_) return nullptr;
  if (!params_) mark_ = m;
  if (!expect(T_RPAR)) {
    mark_ = start;
    return nullptr;
  }
  ast::expr* returns = nullptr;
  m = mark_;
  if (expect(T_RARROW)) {
    returns = expression();
    if (!returns) {
      // The optional ['->' expression] fails as a whole: the forced ':'
      // below then reports "expected ':'" at the '->'.
      if (error_) return nullptr;
      mark_ = m;
    }
  }
  if (!expect_forced(*this, T_COLON, ":")) return nullptr;
  Seq<ast::stmt*> body;
  if (!block(body)) {
    mark_ = start;
    return nullptr;
  }
  if (!params_) params_ = ast::make_node<ast::arguments>(arena_);
  if (is_async) {
    auto* f = node<ast::AsyncFunctionDef>(start);
    f->name = view(n->text);
    f->args = params_;
    f->body = body;
    f->returns = returns;
    return f;
  }
  auto* f = node<ast::FunctionDef>(start);
  f->name = view(n->text);
  f->args = params_;
  f->body = body;
  f->returns = returns;
  return f;
}

// --- parameters -------------------------------------------------------------------------

// _PyPegen_make_arguments
static ast::arguments* make_arguments(Parser& p, Seq<ast::arg*>* slash_without_default,
                                      SlashWithDefault* slash_with_default, Seq<ast::arg*>* plain_names,
                                      Seq<NameDefault*>* names_with_default, StarEtc* star_etc) {
  auto* a = ast::make_node<ast::arguments>(p.arena_);
  auto& s = p.scratch_;
  size_t base = s.size();
  // posonlyargs
  if (slash_without_default) {
    a->posonlyargs = *slash_without_default;
  } else if (slash_with_default) {
    for (auto* x : slash_with_default->plain) s.push_back(x);
    for (auto* x : slash_with_default->with_default) s.push_back(x->arg);
    a->posonlyargs = p.seq_from<ast::arg*>(base);
  }
  // args
  if (plain_names) for (auto* x : *plain_names) s.push_back(x);
  if (names_with_default) for (auto* x : *names_with_default) s.push_back(x->arg);
  a->args = p.seq_from<ast::arg*>(base);
  // defaults
  if (slash_with_default) for (auto* x : slash_with_default->with_default) s.push_back(x->value);
  if (names_with_default) for (auto* x : *names_with_default) s.push_back(x->value);
  a->defaults = p.seq_from<ast::expr*>(base);
  if (star_etc) {
    a->vararg = star_etc->vararg;
    for (auto* x : star_etc->kwonly) s.push_back(x->arg);
    a->kwonlyargs = p.seq_from<ast::arg*>(base);
    for (auto* x : star_etc->kwonly) s.push_back(x->value);
    a->kw_defaults = p.seq_from<ast::expr*>(base);
    a->kwarg = star_etc->kwarg;
  }
  return a;
}

// params: invalid_parameters | parameters
// lambda_params: invalid_lambda_parameters | lambda_parameters
ast::arguments* Parser::params(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_parameters(style);
    if (error_) return nullptr;
    mark_ = start;
  }
  return parameters(style);
}

template <class T, class F>
static bool gather_star(Parser& p, F&& rule, Seq<T*>& out) {
  size_t base = p.scratch_.size();
  while (T* x = rule()) p.scratch_.push_back(x);
  if (p.error_) {
    p.scratch_.resize(base);
    return false;
  }
  out = p.seq_from<T*>(base);
  return true;
}

// The token that closes a parameter list: def's ')' or lambda's ':'. Every
// param_* rule ends in (',' | &closer).
static int params_closer(ParamStyle style) { return style == ParamStyle::Def ? T_RPAR : T_COLON; }

// parameters and lambda_parameters (the same five alternatives):
//   slash_no_default param_no_default* param_with_default* [star_etc]
//   | slash_with_default param_with_default* [star_etc]
//   | param_no_default+ param_with_default* [star_etc]
//   | param_with_default+ [star_etc] | star_etc
ast::arguments* Parser::parameters(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  auto pnd = [&] { return param_no_default(style); };
  auto pwd = [&] { return param_with_default(style); };
  // slash_no_default param_no_default* param_with_default* [star_etc]
  {
    Seq<ast::arg*> a;
    if (slash_no_default(a, style)) {
      Seq<ast::arg*> b;
      Seq<NameDefault*> c;
      if (gather_star<ast::arg>(*this, pnd, b) && gather_star<NameDefault>(*this, pwd, c)) {
        int m = mark_;
        StarEtc* d = star_etc(style);
        if (error_) return nullptr;
        if (!d) mark_ = m;
        return make_arguments(*this, &a, nullptr, &b, &c, d);
      }
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  // slash_with_default param_with_default* [star_etc]
  if (SlashWithDefault* a = slash_with_default(style)) {
    Seq<NameDefault*> b;
    if (gather_star<NameDefault>(*this, pwd, b)) {
      int m = mark_;
      StarEtc* c = star_etc(style);
      if (error_) return nullptr;
      if (!c) mark_ = m;
      return make_arguments(*this, nullptr, a, nullptr, &b, c);
    }
  }
  if (error_) return nullptr;
  mark_ = start;
  // param_no_default+ param_with_default* [star_etc]
  {
    Seq<ast::arg*> a;
    if (gather_star<ast::arg>(*this, pnd, a) && !a.empty()) {
      Seq<NameDefault*> b;
      if (gather_star<NameDefault>(*this, pwd, b)) {
        int m = mark_;
        StarEtc* c = star_etc(style);
        if (error_) return nullptr;
        if (!c) mark_ = m;
        return make_arguments(*this, nullptr, nullptr, &a, &b, c);
      }
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  // param_with_default+ [star_etc]
  {
    Seq<NameDefault*> a;
    if (gather_star<NameDefault>(*this, pwd, a) && !a.empty()) {
      int m = mark_;
      StarEtc* b = star_etc(style);
      if (error_) return nullptr;
      if (!b) mark_ = m;
      return make_arguments(*this, nullptr, nullptr, nullptr, &a, b);
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  // star_etc
  if (StarEtc* a = star_etc(style)) return make_arguments(*this, nullptr, nullptr, nullptr, nullptr, a);
  mark_ = start;
  return nullptr;
}

// slash_no_default and lambda_slash_no_default: param_no_default+ '/' (',' | &closer)
bool Parser::slash_no_default(Seq<ast::arg*>& out, ParamStyle style) {
  RULE_ENTER(false);
  int start = mark_;
  auto pnd = [&] { return param_no_default(style); };
  Seq<ast::arg*> a;
  if (gather_star<ast::arg>(*this, pnd, a) && !a.empty() && expect(T_SLASH)) {
    if (expect(T_COMMA) || check(params_closer(style))) {
      out = a;
      return true;
    }
  }
  mark_ = start;
  return false;
}

// slash_with_default and lambda_slash_with_default:
//   param_no_default* param_with_default+ '/' (',' | &closer)
SlashWithDefault* Parser::slash_with_default(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  auto pnd = [&] { return param_no_default(style); };
  auto pwd = [&] { return param_with_default(style); };
  Seq<ast::arg*> a;
  Seq<NameDefault*> b;
  if (gather_star<ast::arg>(*this, pnd, a) && gather_star<NameDefault>(*this, pwd, b) && !b.empty() &&
      expect(T_SLASH)) {
    if (expect(T_COMMA) || check(params_closer(style))) {
      return arena_.make<SlashWithDefault>(SlashWithDefault{a, b});
    }
  }
  mark_ = start;
  return nullptr;
}

// star_etc and lambda_star_etc:
//   invalid_star_etc | '*' param_no_default param_maybe_default* [kwds]
//   | '*' param_no_default_star_annotation param_maybe_default* [kwds]   (def only: *args: *Ts)
//   | '*' ',' param_maybe_default+ [kwds] | kwds
StarEtc* Parser::star_etc(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_star_etc(style);
    if (error_) return nullptr;
    mark_ = start;
  }
  auto pmd = [&] { return param_maybe_default(style); };
  if (expect(T_STAR)) {
    ast::arg* a = param_no_default(style);
    if (!a && !error_ && style == ParamStyle::Def) {
      mark_ = start + 1;
      a = param_no_default_star_annotation();
    }
    if (a) {
      Seq<NameDefault*> b;
      if (gather_star<NameDefault>(*this, pmd, b)) {
        int m = mark_;
        ast::arg* c = kwds(style);
        if (error_) return nullptr;
        if (!c) mark_ = m;
        auto* s = arena_.make<StarEtc>();
        s->vararg = a;
        s->kwonly = b;
        s->kwarg = c;
        return s;
      }
    }
    if (error_) return nullptr;
    mark_ = start + 1;
    if (expect(T_COMMA)) {
      Seq<NameDefault*> b;
      if (gather_star<NameDefault>(*this, pmd, b) && !b.empty()) {
        int m = mark_;
        ast::arg* c = kwds(style);
        if (error_) return nullptr;
        if (!c) mark_ = m;
        auto* s = arena_.make<StarEtc>();
        s->kwonly = b;
        s->kwarg = c;
        return s;
      }
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  if (ast::arg* a = kwds(style)) {
    auto* s = arena_.make<StarEtc>();
    s->kwarg = a;
    return s;
  }
  mark_ = start;
  return nullptr;
}

// kwds and lambda_kwds: invalid_kwds | '**' param_no_default
ast::arg* Parser::kwds(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_kwds(style);
    if (error_) return nullptr;
    mark_ = start;
  }
  if (expect(T_DOUBLESTAR)) {
    if (ast::arg* a = param_no_default(style)) return a;
  }
  mark_ = start;
  return nullptr;
}

// param_no_default and lambda_param_no_default: param (',' | &closer)
ast::arg* Parser::param_no_default(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::arg* a = param(style)) {
    if (expect(T_COMMA) || check(params_closer(style))) return a;
  }
  mark_ = start;
  return nullptr;
}

// param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')'
ast::arg* Parser::param_no_default_star_annotation() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::arg* a = param_star_annotation()) {
    if (expect(T_COMMA) || check(T_RPAR)) return a;
  }
  mark_ = start;
  return nullptr;
}

// param_with_default and lambda_param_with_default: param default (',' | &closer)
NameDefault* Parser::param_with_default(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::arg* a = param(style)) {
    if (ast::expr* c = default_()) {
      if (expect(T_COMMA) || check(params_closer(style))) return arena_.make<NameDefault>(NameDefault{a, c});
    }
  }
  mark_ = start;
  return nullptr;
}

// param_maybe_default and lambda_param_maybe_default: param default? (',' | &closer)
NameDefault* Parser::param_maybe_default(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::arg* a = param(style)) {
    int m = mark_;
    ast::expr* c = default_();
    if (error_) return nullptr;
    if (!c) mark_ = m;
    if (expect(T_COMMA) || check(params_closer(style))) return arena_.make<NameDefault>(NameDefault{a, c});
  }
  mark_ = start;
  return nullptr;
}

// param: NAME annotation?   and   lambda_param: NAME
ast::arg* Parser::param(ParamStyle style) {
  RULE_ENTER(nullptr);
  int start = mark_;
  const Tok* n = expect(T_NAME);
  if (!n) return nullptr;
  if (style == ParamStyle::Lambda) {
    auto* a = node_tok<ast::arg>(*n);
    a->arg = view(n->text);
    return a;
  }
  int m = mark_;
  ast::expr* b = annotation();
  if (error_) return nullptr;
  if (!b) mark_ = m;
  auto* a = node<ast::arg>(start);
  a->arg = view(n->text);
  a->annotation = b;
  return a;
}

// param_star_annotation: NAME star_annotation
ast::arg* Parser::param_star_annotation() {
  RULE_ENTER(nullptr);
  int start = mark_;
  const Tok* n = expect(T_NAME);
  if (!n) return nullptr;
  ast::expr* b = star_annotation();
  if (!b) {
    mark_ = start;
    return nullptr;
  }
  auto* a = node<ast::arg>(start);
  a->arg = view(n->text);
  a->annotation = b;
  return a;
}

// annotation: ':' expression
ast::expr* Parser::annotation() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_COLON)) return nullptr;
  if (ast::expr* a = expression()) return a;
  mark_ = start;
  return nullptr;
}

// star_annotation: ':' star_expression
ast::expr* Parser::star_annotation() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_COLON)) return nullptr;
  if (ast::expr* a = star_expression()) return a;
  mark_ = start;
  return nullptr;
}

// default: '=' expression | invalid_default
ast::expr* Parser::default_() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_EQUAL)) {
    if (ast::expr* a = expression()) return a;
    if (error_) return nullptr;
    mark_ = start;
  }
  if (call_invalid_rules_) {
    (void)invalid_default();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// --- if / while / for / with / try ------------------------------------------------------

// if_stmt (keyword K_if) and elif_stmt (K_elif), the same rule but for the
// keyword and the invalid_ rule tried first:
//   invalid_if_stmt | 'if' named_expression ':' block elif_stmt
//     | 'if' named_expression ':' block [else_block]
//   invalid_elif_stmt | 'elif' named_expression ':' block elif_stmt
//     | 'elif' named_expression ':' block [else_block]
ast::stmt* Parser::if_stmt(int keyword) {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)(keyword == K_if ? invalid_if_stmt() : invalid_elif_stmt());
    if (error_) return nullptr;
    mark_ = start;
  }
  if (!expect(keyword)) return nullptr;
  ast::expr* a = named_expression();
  Seq<ast::stmt*> b;
  if (a && expect(T_COLON) && block(b)) {
    int m = mark_;
    if (ast::stmt* c = if_stmt(K_elif)) {
      auto* s = node<ast::If>(start);
      s->test = a;
      s->body = b;
      s->orelse = single(c);
      return s;
    }
    if (error_) return nullptr;
    mark_ = m;
    Seq<ast::stmt*> c;
    if (!else_block(c)) {
      if (error_) return nullptr;
      mark_ = m;
    }
    auto* s = node<ast::If>(start);
    s->test = a;
    s->body = b;
    s->orelse = c;
    return s;
  }
  mark_ = start;
  return nullptr;
}

// else_block: invalid_else_stmt | 'else' &&':' block
bool Parser::else_block(Seq<ast::stmt*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_else_stmt();
    if (error_) return false;
    mark_ = start;
  }
  if (!expect(K_else)) return false;
  if (!expect_forced(*this, T_COLON, ":")) return false;
  if (block(out)) return true;
  mark_ = start;
  return false;
}

// while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
ast::stmt* Parser::while_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_while_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (!expect(K_while)) return nullptr;
  ast::expr* a = named_expression();
  Seq<ast::stmt*> b;
  if (a && expect(T_COLON) && block(b)) {
    int m = mark_;
    Seq<ast::stmt*> c;
    if (!else_block(c)) {
      if (error_) return nullptr;
      mark_ = m;
    }
    auto* s = node<ast::While>(start);
    s->test = a;
    s->body = b;
    s->orelse = c;
    return s;
  }
  mark_ = start;
  return nullptr;
}

// for_stmt: invalid_for_stmt
//   | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//   | invalid_for_target
ast::stmt* Parser::for_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_for_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  bool is_async = expect(K_async) != nullptr;
  if (expect(K_for)) {
    ast::expr* t = star_targets();
    if (t && expect(K_in)) {
      // cut
      ast::expr* ex = star_expressions();
      Seq<ast::stmt*> b;
      if (ex && expect(T_COLON) && block(b)) {
        int m = mark_;
        Seq<ast::stmt*> el;
        if (!else_block(el)) {
          if (error_) return nullptr;
          mark_ = m;
        }
        if (is_async) {
          auto* s = node<ast::AsyncFor>(start);
          s->target = t;
          s->iter = ex;
          s->body = b;
          s->orelse = el;
          return s;
        }
        auto* s = node<ast::For>(start);
        s->target = t;
        s->iter = ex;
        s->body = b;
        s->orelse = el;
        return s;
      }
      mark_ = start;
      return nullptr;
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_for_target();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// with_stmt: invalid_with_stmt_indent
//   | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//   | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//   | invalid_with_stmt
ast::stmt* Parser::with_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_with_stmt_indent();
    if (error_) return nullptr;
    mark_ = start;
  }
  bool is_async = expect(K_async) != nullptr;
  if (!expect(K_with)) {
    mark_ = start;
    return nullptr;
  }
  int after_with = mark_;
  auto items_list = [&](Seq<ast::withitem*>& out) {
    return gather_sep<ast::withitem*>([&] { return with_item(); }, T_COMMA, out);
  };
  auto make = [&](Seq<ast::withitem*> items, Seq<ast::stmt*> body) -> ast::stmt* {
    if (is_async) {
      auto* s = node<ast::AsyncWith>(start);
      s->items = items;
      s->body = body;
      return s;
    }
    auto* s = node<ast::With>(start);
    s->items = items;
    s->body = body;
    return s;
  };
  if (expect(T_LPAR)) {
    Seq<ast::withitem*> items;
    if (items_list(items)) {
      expect(T_COMMA);
      Seq<ast::stmt*> body;
      if (expect(T_RPAR) && expect(T_COLON) && block(body)) return make(items, body);
    }
    if (error_) return nullptr;
  }
  mark_ = after_with;
  {
    Seq<ast::withitem*> items;
    Seq<ast::stmt*> body;
    if (items_list(items) && expect(T_COLON) && block(body)) return make(items, body);
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_with_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
ast::withitem* Parser::with_item() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* e = expression();
  if (!e) return nullptr;
  int after = mark_;
  if (expect(K_as)) {
    if (ast::expr* t = star_target()) {
      int k = peek_kind();
      if (k == T_COMMA || k == T_RPAR || k == T_COLON) {
        auto* w = ast::make_node<ast::withitem>(arena_);
        w->context_expr = e;
        w->optional_vars = t;
        return w;
      }
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_with_item();
    if (error_) return nullptr;
    mark_ = start;
  }
  mark_ = after;  // alternative 3, `expression`, is memoized: same result
  auto* w = ast::make_node<ast::withitem>(arena_);
  w->context_expr = e;
  return w;
}

// try_stmt: invalid_try_stmt | 'try' &&':' block finally_block
//   | 'try' &&':' block except_block+ [else_block] [finally_block]
//   | 'try' &&':' block except_star_block+ [else_block] [finally_block]
ast::stmt* Parser::try_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_try_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (!expect(K_try)) return nullptr;
  if (!expect_forced(*this, T_COLON, ":")) return nullptr;
  Seq<ast::stmt*> b;
  if (!block(b)) {
    mark_ = start;
    return nullptr;
  }
  int after_block = mark_;
  {
    Seq<ast::stmt*> f;
    if (finally_block(f)) {
      auto* s = node<ast::Try>(start);
      s->body = b;
      s->finalbody = f;
      return s;
    }
    if (error_) return nullptr;
  }
  for (int star = 0; star < 2; star++) {
    mark_ = after_block;
    size_t base = scratch_.size();
    for (;;) {
      ast::excepthandler* h = star ? except_star_block() : except_block();
      if (!h) break;
      scratch_.push_back(h);
    }
    if (error_) {
      scratch_.resize(base);
      return nullptr;
    }
    if (scratch_.size() == base) continue;
    Seq<ast::excepthandler*> ex = seq_from<ast::excepthandler*>(base);
    int m = mark_;
    Seq<ast::stmt*> el, f;
    if (!else_block(el)) {
      if (error_) return nullptr;
      mark_ = m;
    }
    m = mark_;
    if (!finally_block(f)) {
      if (error_) return nullptr;
      mark_ = m;
    }
    if (star) {
      auto* s = node<ast::TryStar>(start);
      s->body = b;
      s->handlers = ex;
      s->orelse = el;
      s->finalbody = f;
      return s;
    }
    auto* s = node<ast::Try>(start);
    s->body = b;
    s->handlers = ex;
    s->orelse = el;
    s->finalbody = f;
    return s;
  }
  mark_ = start;
  return nullptr;
}

// except_block: invalid_except_stmt_indent | 'except' expression ['as' NAME] ':' block
//   | 'except' ':' block | invalid_except_stmt
ast::excepthandler* Parser::except_block() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_except_stmt_indent();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (!expect(K_except)) return nullptr;
  if (ast::expr* e = expression()) {
    Str name;
    int m = mark_;
    if (expect(K_as)) {
      if (const Tok* n = expect(T_NAME)) name = view(n->text);
      else mark_ = m;
    }
    Seq<ast::stmt*> b;
    if (expect(T_COLON) && block(b)) {
      auto* h = node<ast::ExceptHandler>(start);
      h->type = e;
      h->name = name;
      h->body = b;
      return h;
    }
  }
  if (error_) return nullptr;
  mark_ = start + 1;
  {
    Seq<ast::stmt*> b;
    if (expect(T_COLON) && block(b)) {
      auto* h = node<ast::ExceptHandler>(start);
      h->body = b;
      return h;
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_except_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// except_star_block: invalid_except_star_stmt_indent
//   | 'except' '*' expression ['as' NAME] ':' block | invalid_except_stmt
ast::excepthandler* Parser::except_star_block() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_except_star_stmt_indent();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (!expect(K_except)) return nullptr;
  if (expect(T_STAR)) {
    if (ast::expr* e = expression()) {
      Str name;
      int m = mark_;
      if (expect(K_as)) {
        if (const Tok* n = expect(T_NAME)) name = view(n->text);
        else mark_ = m;
      }
      Seq<ast::stmt*> b;
      if (expect(T_COLON) && block(b)) {
        auto* h = node<ast::ExceptHandler>(start);
        h->type = e;
        h->name = name;
        h->body = b;
        return h;
      }
    }
  }
  if (error_) return nullptr;
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_except_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// finally_block: invalid_finally_stmt | 'finally' &&':' block
bool Parser::finally_block(Seq<ast::stmt*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_finally_stmt();
    if (error_) return false;
    mark_ = start;
  }
  if (!expect(K_finally)) return false;
  if (!expect_forced(*this, T_COLON, ":")) return false;
  if (block(out)) return true;
  mark_ = start;
  return false;
}

// --- match --------------------------------------------------------------------------------

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt
ast::stmt* Parser::match_stmt() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect_soft("match")) return nullptr;
  ast::expr* subject = subject_expr();
  if (subject && expect(T_COLON) && expect(T_NEWLINE) && expect(T_INDENT)) {
    size_t base = scratch_.size();
    while (ast::match_case* c = case_block()) scratch_.push_back(c);
    if (error_) {
      scratch_.resize(base);
      return nullptr;
    }
    if (scratch_.size() > base && expect(T_DEDENT)) {
      auto* s = node<ast::Match>(start);
      s->subject = subject;
      s->cases = seq_from<ast::match_case*>(base);
      return s;
    }
    scratch_.resize(base);
  }
  if (error_) return nullptr;
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_match_stmt();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
ast::expr* Parser::subject_expr() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* v = star_named_expression()) {
    if (expect(T_COMMA)) {
      Seq<ast::expr*> rest;
      int m = mark_;
      if (!star_named_expressions(rest)) {
        if (error_) return nullptr;
        mark_ = m;
      }
      size_t base = scratch_.size();
      scratch_.push_back(v);
      for (auto* e : rest) scratch_.push_back(e);
      auto* t = node<ast::Tuple>(start);
      t->elts = seq_from<ast::expr*>(base);
      t->ctx = ast::ExprContext::Load;
      return t;
    }
  }
  if (error_) return nullptr;
  mark_ = start;
  return named_expression();
}

// case_block: invalid_case_block | "case" patterns guard? ':' block
ast::match_case* Parser::case_block() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_case_block();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (!expect_soft("case")) return nullptr;
  ast::pattern* p = patterns();
  if (p) {
    int m = mark_;
    ast::expr* g = guard();
    if (error_) return nullptr;
    if (!g) mark_ = m;
    Seq<ast::stmt*> body;
    if (expect(T_COLON) && block(body)) {
      auto* c = ast::make_node<ast::match_case>(arena_);
      c->pattern = p;
      c->guard = g;
      c->body = body;
      return c;
    }
  }
  mark_ = start;
  return nullptr;
}

// guard: 'if' named_expression
ast::expr* Parser::guard() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_if)) return nullptr;
  if (ast::expr* g = named_expression()) return g;
  mark_ = start;
  return nullptr;
}

// patterns: open_sequence_pattern | pattern
ast::pattern* Parser::patterns() {
  RULE_ENTER(nullptr);
  int start = mark_;
  Seq<ast::pattern*> ps;
  if (open_sequence_pattern(ps)) {
    auto* s = node<ast::MatchSequence>(start);
    s->patterns = ps;
    return s;
  }
  if (error_) return nullptr;
  mark_ = start;
  return pattern();
}

// pattern: as_pattern | or_pattern
ast::pattern* Parser::pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::pattern* p = as_pattern()) return p;
  if (error_) return nullptr;
  mark_ = start;
  return or_pattern();
}

// as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
ast::pattern* Parser::as_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::pattern* p = or_pattern()) {
    if (expect(K_as)) {
      if (ast::expr* t = pattern_capture_target()) {
        auto* m = node<ast::MatchAs>(start);
        m->pattern = p;
        m->name = ast::cast<ast::Name>(t)->id;
        return m;
      }
    }
  }
  if (error_) return nullptr;
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_as_pattern();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// or_pattern: '|'.closed_pattern+
ast::pattern* Parser::or_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  Seq<ast::pattern*> alts;
  if (!gather_sep<ast::pattern*>([&] { return closed_pattern(); }, T_VBAR, alts)) {
    mark_ = start;
    return nullptr;
  }
  if (alts.size() == 1) return alts[0];
  auto* o = node<ast::MatchOr>(start);
  o->patterns = alts;
  return o;
}

// closed_pattern (memo)
ast::pattern* Parser::closed_pattern() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_closed_pattern, memo)) return as<ast::pattern>(memo);
  int start = mark_;
  ast::pattern* res = closed_pattern_raw();
  if (!res) mark_ = start;
  memo_put(start, M_closed_pattern, res);
  return res;
}

ast::pattern* Parser::closed_pattern_raw() {
  int start = mark_;
  ast::pattern* (Parser::*alts[])() = {
      &Parser::literal_pattern, &Parser::capture_pattern,  &Parser::wildcard_pattern,
      &Parser::value_pattern,   &Parser::group_pattern,    &Parser::sequence_pattern,
      &Parser::mapping_pattern, &Parser::class_pattern,
  };
  for (auto alt : alts) {
    if (ast::pattern* p = (this->*alt)()) return p;
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// literal_pattern
ast::pattern* Parser::literal_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* v = signed_number()) {
    int k = peek_kind();
    if (k != T_PLUS && k != T_MINUS) {
      auto* m = node<ast::MatchValue>(start);
      m->value = v;
      return m;
    }
  }
  if (error_) return nullptr;
  mark_ = start;
  if (ast::expr* v = complex_number()) {
    auto* m = node<ast::MatchValue>(start);
    m->value = v;
    return m;
  }
  if (error_) return nullptr;
  mark_ = start;
  if (check(T_STRING)) {
    if (ast::expr* v = strings()) {
      auto* m = node<ast::MatchValue>(start);
      m->value = v;
      return m;
    }
    return nullptr;
  }
  const Tok& t = peek();
  if (t.kind == K_None || t.kind == K_True || t.kind == K_False) {
    mark_++;
    auto* m = node<ast::MatchSingleton>(start);
    if (t.kind == K_None) {
      m->value.kind = ast::ConstantKind::None;
    } else {
      m->value.kind = ast::ConstantKind::Bool;
      m->value.boolean = t.kind == K_True;
    }
    return m;
  }
  return nullptr;
}

// literal_expr
ast::expr* Parser::literal_expr() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* v = signed_number()) {
    int k = peek_kind();
    if (k != T_PLUS && k != T_MINUS) return v;
  }
  if (error_) return nullptr;
  mark_ = start;
  if (ast::expr* v = complex_number()) return v;
  if (error_) return nullptr;
  mark_ = start;
  if (check(T_STRING)) return strings();
  const Tok& t = peek();
  if (t.kind == K_None || t.kind == K_True || t.kind == K_False) {
    mark_++;
    auto* c = node_tok<ast::Constant>(t);
    if (t.kind == K_None) {
      c->value.kind = ast::ConstantKind::None;
    } else {
      c->value.kind = ast::ConstantKind::Bool;
      c->value.boolean = t.kind == K_True;
    }
    return c;
  }
  return nullptr;
}

// complex_number: signed_real_number ('+' | '-') imaginary_number
ast::expr* Parser::complex_number() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* real = signed_real_number();
  if (!real) return nullptr;
  int k = peek_kind();
  if (k == T_PLUS || k == T_MINUS) {
    mark_++;
    if (ast::expr* imag = imaginary_number()) {
      auto* b = node<ast::BinOp>(start);
      b->left = real;
      b->op = k == T_PLUS ? ast::Operator::Add : ast::Operator::Sub;
      b->right = imag;
      return b;
    }
  }
  mark_ = start;
  return nullptr;
}

// signed_number: NUMBER | '-' NUMBER
ast::expr* Parser::signed_number() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (check(T_NUMBER)) return atom();
  if (expect(T_MINUS)) {
    if (check(T_NUMBER)) {
      ast::expr* n = atom();
      auto* u = node<ast::UnaryOp>(start);
      u->op = ast::UnaryOperator::USub;
      u->operand = n;
      return u;
    }
  }
  mark_ = start;
  return nullptr;
}

// signed_real_number: real_number | '-' real_number
ast::expr* Parser::signed_real_number() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* r = real_number()) return r;
  if (error_) return nullptr;
  if (expect(T_MINUS)) {
    if (ast::expr* r = real_number()) {
      auto* u = node<ast::UnaryOp>(start);
      u->op = ast::UnaryOperator::USub;
      u->operand = r;
      return u;
    }
  }
  mark_ = start;
  return nullptr;
}

// real_number: NUMBER (must not be imaginary)
ast::expr* Parser::real_number() {
  RULE_ENTER(nullptr);
  if (!check(T_NUMBER)) return nullptr;
  ast::expr* n = atom();
  if (ast::cast<ast::Constant>(n)->value.kind == ast::ConstantKind::Complex)
    return raise_known(n, "real number required in complex literal");
  return n;
}

// imaginary_number: NUMBER (must be imaginary)
ast::expr* Parser::imaginary_number() {
  RULE_ENTER(nullptr);
  if (!check(T_NUMBER)) return nullptr;
  ast::expr* n = atom();
  if (ast::cast<ast::Constant>(n)->value.kind != ast::ConstantKind::Complex)
    return raise_known(n, "imaginary number required in complex literal");
  return n;
}

// capture_pattern: pattern_capture_target
ast::pattern* Parser::capture_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* t = pattern_capture_target();
  if (!t) return nullptr;
  auto* m = node<ast::MatchAs>(start);
  m->name = ast::cast<ast::Name>(t)->id;
  return m;
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
ast::expr* Parser::pattern_capture_target() {
  RULE_ENTER(nullptr);
  int start = mark_;
  const Tok& t = peek();
  if (t.kind != T_NAME || t.text == "_") return nullptr;
  mark_++;
  int k = peek_kind();
  if (k == T_DOT || k == T_LPAR || k == T_EQUAL) {
    mark_ = start;
    return nullptr;
  }
  return name_from(t, ast::ExprContext::Store);
}

// wildcard_pattern: "_"
ast::pattern* Parser::wildcard_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect_soft("_")) return nullptr;
  return node<ast::MatchAs>(start);
}

// value_pattern: attr !('.' | '(' | '=')
ast::pattern* Parser::value_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = attr();
  if (!a) return nullptr;
  int k = peek_kind();
  if (k == T_DOT || k == T_LPAR || k == T_EQUAL) {
    mark_ = start;
    return nullptr;
  }
  auto* m = node<ast::MatchValue>(start);
  m->value = a;
  return m;
}

// attr: name_or_attr '.' NAME   (left-recursive through name_or_attr)
ast::expr* Parser::attr() {
  RULE_ENTER(nullptr);
  int start = mark_;
  const Tok* n = expect(T_NAME);
  if (!n) return nullptr;
  ast::expr* a = name_from(*n, ast::ExprContext::Load);
  bool any = false;
  for (;;) {
    int m = mark_;
    if (!expect(T_DOT)) break;
    const Tok* z = expect(T_NAME);
    if (!z) {
      mark_ = m;
      break;
    }
    auto* at = node<ast::Attribute>(start);
    at->value = a;
    at->attr = view(z->text);
    at->ctx = ast::ExprContext::Load;
    a = at;
    any = true;
  }
  if (!any) {
    mark_ = start;
    return nullptr;
  }
  return a;
}

// name_or_attr: attr | NAME
ast::expr* Parser::name_or_attr() {
  RULE_ENTER(nullptr);
  if (ast::expr* a = attr()) return a;
  if (error_) return nullptr;
  if (const Tok* n = expect(T_NAME)) return name_from(*n, ast::ExprContext::Load);
  return nullptr;
}

// group_pattern: '(' pattern ')'
ast::pattern* Parser::group_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_LPAR)) return nullptr;
  if (ast::pattern* p = pattern()) {
    if (expect(T_RPAR)) return p;
  }
  mark_ = start;
  return nullptr;
}

// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
ast::pattern* Parser::sequence_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_LSQB)) {
    Seq<ast::pattern*> ps;
    if (!maybe_sequence_pattern(ps)) {
      if (error_) return nullptr;
      mark_ = start + 1;
    }
    if (expect(T_RSQB)) {
      auto* s = node<ast::MatchSequence>(start);
      s->patterns = ps;
      return s;
    }
    mark_ = start;
    return nullptr;
  }
  if (expect(T_LPAR)) {
    Seq<ast::pattern*> ps;
    if (!open_sequence_pattern(ps)) {
      if (error_) return nullptr;
      mark_ = start + 1;
    }
    if (expect(T_RPAR)) {
      auto* s = node<ast::MatchSequence>(start);
      s->patterns = ps;
      return s;
    }
    mark_ = start;
  }
  return nullptr;
}

// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
bool Parser::open_sequence_pattern(Seq<ast::pattern*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  ast::pattern* p = maybe_star_pattern();
  if (!p || !expect(T_COMMA)) {
    mark_ = start;
    return false;
  }
  Seq<ast::pattern*> rest;
  int m = mark_;
  if (!maybe_sequence_pattern(rest)) {
    if (error_) return false;
    mark_ = m;
  }
  size_t base = scratch_.size();
  scratch_.push_back(p);
  for (auto* x : rest) scratch_.push_back(x);
  out = seq_from<ast::pattern*>(base);
  return true;
}

// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
bool Parser::maybe_sequence_pattern(Seq<ast::pattern*>& out) {
  RULE_ENTER(false);
  if (!gather_sep<ast::pattern*>([&] { return maybe_star_pattern(); }, T_COMMA, out)) return false;
  expect(T_COMMA);
  return true;
}

// maybe_star_pattern: star_pattern | pattern
ast::pattern* Parser::maybe_star_pattern() {
  RULE_ENTER(nullptr);
  if (ast::pattern* p = star_pattern()) return p;
  if (error_) return nullptr;
  return pattern();
}

// star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern
ast::pattern* Parser::star_pattern() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_star_pattern, memo)) return as<ast::pattern>(memo);
  int start = mark_;
  ast::pattern* res = nullptr;
  if (expect(T_STAR)) {
    if (ast::expr* t = pattern_capture_target()) {
      auto* s = node<ast::MatchStar>(start);
      s->name = ast::cast<ast::Name>(t)->id;
      res = s;
    } else if (!error_ && wildcard_pattern()) {
      res = node<ast::MatchStar>(start);
    }
  }
  if (!res) mark_ = start;
  memo_put(start, M_star_pattern, res);
  return res;
}

static ast::pattern* make_mapping(Parser& p, int start, Seq<KeyPattern*> items, Str rest) {
  auto* m = p.node<ast::MatchMapping>(start);
  size_t base = p.scratch_.size();
  for (auto* kp : items) p.scratch_.push_back(kp->key);
  m->keys = p.seq_from<ast::expr*>(base);
  for (auto* kp : items) p.scratch_.push_back(kp->pattern);
  m->patterns = p.seq_from<ast::pattern*>(base);
  m->rest = rest;
  return m;
}

// mapping_pattern
ast::pattern* Parser::mapping_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_LBRACE)) return nullptr;
  if (expect(T_RBRACE)) return node<ast::MatchMapping>(start);
  if (ast::expr* rest = double_star_pattern()) {
    expect(T_COMMA);
    if (expect(T_RBRACE)) return make_mapping(*this, start, {}, ast::cast<ast::Name>(rest)->id);
  }
  if (error_) return nullptr;
  mark_ = start + 1;
  Seq<KeyPattern*> items;
  if (items_pattern(items)) {
    int m = mark_;
    if (expect(T_COMMA)) {
      if (ast::expr* rest = double_star_pattern()) {
        expect(T_COMMA);
        if (expect(T_RBRACE)) return make_mapping(*this, start, items, ast::cast<ast::Name>(rest)->id);
      }
      if (error_) return nullptr;
    }
    mark_ = m;
    expect(T_COMMA);
    if (expect(T_RBRACE)) return make_mapping(*this, start, items, {});
  }
  mark_ = start;
  return nullptr;
}

// items_pattern: ','.key_value_pattern+
bool Parser::items_pattern(Seq<KeyPattern*>& out) {
  RULE_ENTER(false);
  return gather_sep<KeyPattern*>([&] { return key_value_pattern(); }, T_COMMA, out);
}

// key_value_pattern: (literal_expr | attr) ':' pattern
KeyPattern* Parser::key_value_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* key = literal_expr();
  if (!key && !error_) {
    mark_ = start;
    key = attr();
  }
  if (key && expect(T_COLON)) {
    if (ast::pattern* p = pattern()) return arena_.make<KeyPattern>(KeyPattern{key, p});
  }
  mark_ = start;
  return nullptr;
}

// double_star_pattern: '**' pattern_capture_target
ast::expr* Parser::double_star_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_DOUBLESTAR)) return nullptr;
  if (ast::expr* t = pattern_capture_target()) return t;
  mark_ = start;
  return nullptr;
}

// class_pattern
ast::pattern* Parser::class_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* cls = name_or_attr();
  if (!cls || !expect(T_LPAR)) {
    mark_ = start;
    return nullptr;
  }
  int after_paren = mark_;
  auto make = [&](Seq<ast::pattern*> ps, Seq<KeyPattern*>* kws) {
    auto* c = node<ast::MatchClass>(start);
    c->cls = cls;
    c->patterns = ps;
    if (kws) {
      size_t n = kws->size();
      Str* names = static_cast<Str*>(arena_.allocate(sizeof(Str) * n, alignof(Str)));
      for (size_t i = 0; i < n; i++) names[i] = ast::cast<ast::Name>((*kws)[i]->key)->id;
      c->kwd_attrs = Seq<Str>(names, n);
      size_t base = scratch_.size();
      for (auto* kp : *kws) scratch_.push_back(kp->pattern);
      c->kwd_patterns = seq_from<ast::pattern*>(base);
    }
    return c;
  };
  if (expect(T_RPAR)) return make({}, nullptr);
  Seq<ast::pattern*> ps;
  if (positional_patterns(ps)) {
    int m = mark_;
    expect(T_COMMA);
    if (expect(T_RPAR)) return make(ps, nullptr);
    mark_ = m;
  }
  if (error_) return nullptr;
  mark_ = after_paren;
  {
    Seq<KeyPattern*> kws;
    if (keyword_patterns(kws)) {
      expect(T_COMMA);
      if (expect(T_RPAR)) return make({}, &kws);
    }
    if (error_) return nullptr;
  }
  mark_ = after_paren;
  if (positional_patterns(ps) && expect(T_COMMA)) {
    Seq<KeyPattern*> kws;
    if (keyword_patterns(kws)) {
      expect(T_COMMA);
      if (expect(T_RPAR)) return make(ps, &kws);
    }
  }
  if (error_) return nullptr;
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_class_pattern();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// positional_patterns: ','.pattern+
bool Parser::positional_patterns(Seq<ast::pattern*>& out) {
  RULE_ENTER(false);
  return gather_sep<ast::pattern*>([&] { return pattern(); }, T_COMMA, out);
}

// keyword_patterns: ','.keyword_pattern+
bool Parser::keyword_patterns(Seq<KeyPattern*>& out) {
  RULE_ENTER(false);
  return gather_sep<KeyPattern*>([&] { return keyword_pattern(); }, T_COMMA, out);
}

// keyword_pattern: NAME '=' pattern
KeyPattern* Parser::keyword_pattern() {
  RULE_ENTER(nullptr);
  int start = mark_;
  const Tok* n = expect(T_NAME);
  if (n && expect(T_EQUAL)) {
    if (ast::pattern* p = pattern()) {
      return arena_.make<KeyPattern>(KeyPattern{name_from(*n, ast::ExprContext::Load), p});
    }
  }
  mark_ = start;
  return nullptr;
}

// type_expressions (func_type mode)
bool Parser::type_expressions(Seq<ast::expr*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  size_t base = scratch_.size();
  for (;;) {
    int m = mark_;
    ast::expr* e = expression();
    if (!e) {
      mark_ = m;
      if (scratch_.size() > base) mark_--;
      break;
    }
    scratch_.push_back(e);
    if (!expect(T_COMMA)) break;
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  bool had = scratch_.size() > base;
  int m = mark_;
  if (!had || expect(T_COMMA)) {
    if (expect(T_STAR)) {
      if (ast::expr* b = expression()) {
        scratch_.push_back(b);
        int m2 = mark_;
        if (expect(T_COMMA) && expect(T_DOUBLESTAR)) {
          if (ast::expr* c = expression()) {
            scratch_.push_back(c);
            out = seq_from<ast::expr*>(base);
            return true;
          }
        }
        mark_ = m2;
        out = seq_from<ast::expr*>(base);
        return true;
      }
    } else if (expect(T_DOUBLESTAR)) {
      if (ast::expr* b = expression()) {
        scratch_.push_back(b);
        out = seq_from<ast::expr*>(base);
        return true;
      }
    }
  }
  mark_ = m;
  if (!had) {
    scratch_.resize(base);
    mark_ = start;
    return false;
  }
  out = seq_from<ast::expr*>(base);
  return true;
}

const Tok* Parser::func_type_comment() { return nullptr; }

}  // namespace spindle::frontend::parser_detail
