// Expression, argument and assignment-target rules of the 3.11 grammar
// (python.gram, sections EXPRESSIONS .. ASSIGNMENT TARGETS).
//
// Invariants: each function is the rule of the same name; on failure it
// restores mark_; left-recursive rules (bitwise_or .. primary, t_primary)
// are loops that grow the leftmost operand, which accepts exactly what
// CPython's seed-growing left recursion accepts; rules CPython memoizes are
// memoized here (MemoRule), so backtracking stays linear.
#include <gmp.h>

#include <cstdlib>
#include <cstring>

#include "frontend/parser_impl.h"

namespace spindle::frontend::parser_detail {

using K = ast::NodeKind;

// --- generic helpers ------------------------------------------------------------------

ast::expr* Parser::make_call(ast::expr* func, ast::Call* args, int start) {
  auto* c = node<ast::Call>(start);
  c->func = func;
  if (args) {
    c->args = args->args;
    c->keywords = args->keywords;
  }
  return c;
}

// _PyPegen_collect_call_seqs: positional args, then the starred ones mixed
// into kwargs; the keywords.
ast::Call* Parser::collect_call_seqs(Seq<ast::expr*> a, Seq<KeywordOrStarred*>* b, int start) {
  auto* c = node<ast::Call>(start);
  if (!b) {
    c->args = a;
    return c;
  }
  size_t base = scratch_.size();
  for (auto* x : a) scratch_.push_back(x);
  for (auto* k : *b)
    if (!k->is_keyword) scratch_.push_back(k->element);
  c->args = seq_from<ast::expr*>(base);
  for (auto* k : *b)
    if (k->is_keyword) scratch_.push_back(k->element);
  c->keywords = seq_from<ast::keyword*>(base);
  return c;
}

// --- expressions ------------------------------------------------------------------------

// expressions: expression (',' expression)+ [','] | expression ',' | expression
ast::expr* Parser::expressions() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = expression();
  if (!a) return nullptr;
  if (!check(T_COMMA)) return a;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    ast::expr* c = expression();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return nullptr;
  }
  expect(T_COMMA);
  auto* t = node<ast::Tuple>(start);
  t->elts = seq_from<ast::expr*>(base);
  t->ctx = ast::ExprContext::Load;
  return t;
}

// expression (memo): invalid_expression | invalid_legacy_expression
//   | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ast::expr* Parser::expression() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_expression, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = expression_raw();
  if (!res) mark_ = start;
  memo_put(start, M_expression, res);
  return res;
}

ast::expr* Parser::expression_raw() {
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_expression();
    if (error_) return nullptr;
    mark_ = start;
    (void)invalid_legacy_expression();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (ast::expr* a = disjunction()) {
    int after_a = mark_;
    if (expect(K_if)) {
      ast::expr* b = disjunction();
      if (b && expect(K_else)) {
        if (ast::expr* c = expression()) {
          auto* e = node<ast::IfExp>(start);
          e->test = b;
          e->body = a;
          e->orelse = c;
          return e;
        }
      }
      if (error_) return nullptr;
    }
    mark_ = after_a;
    return a;
  }
  if (error_) return nullptr;
  mark_ = start;
  return lambdef();
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ast::expr* Parser::yield_expr() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_yield)) return nullptr;
  int m = mark_;
  if (expect(K_from)) {
    if (ast::expr* a = expression()) {
      auto* y = node<ast::YieldFrom>(start);
      y->value = a;
      return y;
    }
    if (error_) return nullptr;
  }
  mark_ = m;
  ast::expr* a = star_expressions();
  if (error_) return nullptr;
  if (!a) mark_ = m;
  auto* y = node<ast::Yield>(start);
  y->value = a;
  return y;
}

// star_expressions: star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression
ast::expr* Parser::star_expressions() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = star_expression();
  if (!a) return nullptr;
  if (!check(T_COMMA)) return a;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    ast::expr* c = star_expression();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return nullptr;
  }
  expect(T_COMMA);
  auto* t = node<ast::Tuple>(start);
  t->elts = seq_from<ast::expr*>(base);
  t->ctx = ast::ExprContext::Load;
  return t;
}

// star_expression (memo): '*' bitwise_or | expression
ast::expr* Parser::star_expression() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_star_expression, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = nullptr;
  if (expect(T_STAR)) {
    if (ast::expr* a = bitwise_or()) {
      auto* s = node<ast::Starred>(start);
      s->value = a;
      s->ctx = ast::ExprContext::Load;
      res = s;
    }
  }
  if (!res && !error_) {
    mark_ = start;
    res = expression();
  }
  if (!res) mark_ = start;
  memo_put(start, M_star_expression, res);
  return res;
}

// star_named_expressions: ','.star_named_expression+ [',']
bool Parser::star_named_expressions(Seq<ast::expr*>& out) {
  RULE_ENTER(false);
  ast::expr* a = star_named_expression();
  if (!a) return false;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    ast::expr* c = star_named_expression();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  expect(T_COMMA);
  out = seq_from<ast::expr*>(base);
  return true;
}

// star_named_expression: '*' bitwise_or | named_expression
ast::expr* Parser::star_named_expression() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_STAR)) {
    if (ast::expr* a = bitwise_or()) {
      auto* s = node<ast::Starred>(start);
      s->value = a;
      s->ctx = ast::ExprContext::Load;
      return s;
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  return named_expression();
}

// assignment_expression: NAME ':=' ~ expression
ast::expr* Parser::assignment_expression() {
  RULE_ENTER(nullptr);
  int start = mark_;
  const Tok* n = expect(T_NAME);
  if (!n || !expect(T_COLONEQUAL)) {
    mark_ = start;
    return nullptr;
  }
  ast::expr* b = expression();
  if (!b) {
    mark_ = start;
    return nullptr;
  }
  auto* e = node<ast::NamedExpr>(start);
  e->target = name_from(*n, ast::ExprContext::Store);
  e->value = b;
  return e;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
ast::expr* Parser::named_expression() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* a = assignment_expression()) return a;
  if (error_) return nullptr;
  if (call_invalid_rules_) {
    (void)invalid_named_expression();
    if (error_) return nullptr;
    mark_ = start;
  }
  ast::expr* e = expression();
  if (!e) return nullptr;
  if (check(T_COLONEQUAL)) {
    mark_ = start;
    return nullptr;
  }
  return e;
}

// disjunction (memo): conjunction ('or' conjunction)+ | conjunction
ast::expr* Parser::disjunction() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_disjunction, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = conjunction();
  if (res && check(K_or)) {
    size_t base = scratch_.size();
    scratch_.push_back(res);
    for (;;) {
      int m = mark_;
      if (!expect(K_or)) break;
      ast::expr* c = conjunction();
      if (!c) {
        mark_ = m;
        break;
      }
      scratch_.push_back(c);
    }
    if (error_) {
      scratch_.resize(base);
      return nullptr;
    }
    if (scratch_.size() - base > 1) {
      auto* b = node<ast::BoolOp>(start);
      b->op = ast::BooleanOperator::Or;
      b->values = seq_from<ast::expr*>(base);
      res = b;
    } else {
      scratch_.resize(base);
    }
  }
  if (!res) mark_ = start;
  memo_put(start, M_disjunction, res);
  return res;
}

// conjunction (memo): inversion ('and' inversion)+ | inversion
ast::expr* Parser::conjunction() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_conjunction, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = inversion();
  if (res && check(K_and)) {
    size_t base = scratch_.size();
    scratch_.push_back(res);
    for (;;) {
      int m = mark_;
      if (!expect(K_and)) break;
      ast::expr* c = inversion();
      if (!c) {
        mark_ = m;
        break;
      }
      scratch_.push_back(c);
    }
    if (error_) {
      scratch_.resize(base);
      return nullptr;
    }
    if (scratch_.size() - base > 1) {
      auto* b = node<ast::BoolOp>(start);
      b->op = ast::BooleanOperator::And;
      b->values = seq_from<ast::expr*>(base);
      res = b;
    } else {
      scratch_.resize(base);
    }
  }
  if (!res) mark_ = start;
  memo_put(start, M_conjunction, res);
  return res;
}

// inversion (memo): 'not' inversion | comparison
ast::expr* Parser::inversion() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_inversion, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = nullptr;
  if (expect(K_not)) {
    if (ast::expr* a = inversion()) {
      auto* u = node<ast::UnaryOp>(start);
      u->op = ast::UnaryOperator::Not;
      u->operand = a;
      res = u;
    }
    if (!res) mark_ = start;
  }
  if (!res && !error_) res = comparison();
  if (!res) mark_ = start;
  memo_put(start, M_inversion, res);
  return res;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
ast::expr* Parser::comparison() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = bitwise_or();
  if (!a) return nullptr;
  CmpPair pair;
  if (!compare_op_bitwise_or_pair(pair)) return error_ ? nullptr : a;
  // ops and comparators collected side by side on the scratch stack.
  size_t base = scratch_.size();
  do {
    scratch_.push_back(reinterpret_cast<void*>(uintptr_t(pair.op)));
    scratch_.push_back(pair.expr);
  } while (compare_op_bitwise_or_pair(pair));
  if (error_) {
    scratch_.resize(base);
    return nullptr;
  }
  size_t n = (scratch_.size() - base) / 2;
  auto* ops = static_cast<ast::ComparisonOperator*>(arena_.allocate(n, 1));
  auto** exprs = static_cast<ast::expr**>(arena_.allocate(n * sizeof(void*), alignof(void*)));
  for (size_t i = 0; i < n; i++) {
    ops[i] = static_cast<ast::ComparisonOperator>(reinterpret_cast<uintptr_t>(scratch_[base + 2 * i]));
    exprs[i] = static_cast<ast::expr*>(scratch_[base + 2 * i + 1]);
  }
  scratch_.resize(base);
  auto* c = node<ast::Compare>(start);
  c->left = a;
  c->ops = Seq<ast::ComparisonOperator>(ops, n);
  c->comparators = Seq<ast::expr*>(exprs, n);
  return c;
}

bool Parser::compare_op_bitwise_or_pair(CmpPair& out) {
  RULE_ENTER(false);
  int start = mark_;
  using C = ast::ComparisonOperator;
  const Tok& t = peek();
  C op;
  switch (t.kind) {
    case T_EQEQUAL: op = C::Eq; mark_++; break;
    case T_NOTEQUAL:
      if (t.text != "!=") return false;  // "<>" without barry_as_FLUFL
      op = C::NotEq;
      mark_++;
      break;
    case T_LESSEQUAL: op = C::LtE; mark_++; break;
    case T_LESS: op = C::Lt; mark_++; break;
    case T_GREATEREQUAL: op = C::GtE; mark_++; break;
    case T_GREATER: op = C::Gt; mark_++; break;
    case K_not:
      mark_++;
      if (!expect(K_in)) {
        mark_ = start;
        return false;
      }
      op = C::NotIn;
      break;
    case K_in: op = C::In; mark_++; break;
    case K_is:
      mark_++;
      op = expect(K_not) ? C::IsNot : C::Is;
      break;
    default: return false;
  }
  ast::expr* b = bitwise_or();
  if (!b && op == C::IsNot && !error_) {
    // 'is' 'not' bitwise_or failed: try 'is' bitwise_or ("x is not_a" is
    // covered by tokens, but "is (not x)" is not valid; keep PEG order).
    mark_ = start + 1;
    op = C::Is;
    b = bitwise_or();
  }
  if (!b) {
    mark_ = start;
    return false;
  }
  out.op = op;
  out.expr = b;
  return true;
}

// bitwise_or (left-recursive, memo): bitwise_or '|' bitwise_xor | bitwise_xor
ast::expr* Parser::bitwise_or() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_bitwise_or, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = bitwise_or_raw();
  if (!res) mark_ = start;
  memo_put(start, M_bitwise_or, res);
  return res;
}

namespace {
struct BinRule {
  uint8_t tok;
  ast::Operator op;
};
}  // namespace

#define LEFT_REC_BINOP(rule, next, ...)                          \
  static const BinRule rule##_ops[] = {__VA_ARGS__};             \
  int start = mark_;                                             \
  ast::expr* a = next();                                         \
  if (!a) return nullptr;                                        \
  for (;;) {                                                     \
    int m = mark_;                                               \
    const Tok& t = peek();                                       \
    const BinRule* found = nullptr;                              \
    for (const auto& r : rule##_ops)                             \
      if (r.tok == t.kind) found = &r;                           \
    if (!found) break;                                           \
    mark_++;                                                     \
    ast::expr* b = next();                                       \
    if (!b) {                                                    \
      if (error_) return nullptr;                                \
      mark_ = m;                                                 \
      break;                                                     \
    }                                                            \
    auto* bin = node<ast::BinOp>(start);                         \
    bin->left = a;                                               \
    bin->op = found->op;                                         \
    bin->right = b;                                              \
    a = bin;                                                     \
  }                                                              \
  return a;

ast::expr* Parser::bitwise_or_raw() {
  LEFT_REC_BINOP(bor, bitwise_xor, {T_VBAR, ast::Operator::BitOr})
}

ast::expr* Parser::bitwise_xor() {
  RULE_ENTER(nullptr);
  LEFT_REC_BINOP(bxor, bitwise_and, {T_CIRCUMFLEX, ast::Operator::BitXor})
}

ast::expr* Parser::bitwise_and() {
  RULE_ENTER(nullptr);
  LEFT_REC_BINOP(band, shift_expr, {T_AMPER, ast::Operator::BitAnd})
}

ast::expr* Parser::shift_expr() {
  RULE_ENTER(nullptr);
  LEFT_REC_BINOP(shift, sum, {T_LEFTSHIFT, ast::Operator::LShift}, {T_RIGHTSHIFT, ast::Operator::RShift})
}

ast::expr* Parser::sum() {
  RULE_ENTER(nullptr);
  LEFT_REC_BINOP(sum, term, {T_PLUS, ast::Operator::Add}, {T_MINUS, ast::Operator::Sub})
}

ast::expr* Parser::term() {
  RULE_ENTER(nullptr);
  LEFT_REC_BINOP(term, factor, {T_STAR, ast::Operator::Mult}, {T_SLASH, ast::Operator::Div},
                 {T_DOUBLESLASH, ast::Operator::FloorDiv}, {T_PERCENT, ast::Operator::Mod},
                 {T_AT, ast::Operator::MatMult})
}
#undef LEFT_REC_BINOP

// factor (memo): '+' factor | '-' factor | '~' factor | power
ast::expr* Parser::factor() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_factor, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = nullptr;
  int k = peek_kind();
  if (k == T_PLUS || k == T_MINUS || k == T_TILDE) {
    mark_++;
    if (ast::expr* a = factor()) {
      auto* u = node<ast::UnaryOp>(start);
      u->op = k == T_PLUS ? ast::UnaryOperator::UAdd
              : k == T_MINUS ? ast::UnaryOperator::USub
                             : ast::UnaryOperator::Invert;
      u->operand = a;
      res = u;
    } else {
      mark_ = start;
    }
  }
  if (!res && !error_) res = power();
  if (!res) mark_ = start;
  memo_put(start, M_factor, res);
  return res;
}

// power: await_primary '**' factor | await_primary
ast::expr* Parser::power() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = await_primary();
  if (!a) return nullptr;
  int m = mark_;
  if (expect(T_DOUBLESTAR)) {
    if (ast::expr* b = factor()) {
      auto* bin = node<ast::BinOp>(start);
      bin->left = a;
      bin->op = ast::Operator::Pow;
      bin->right = b;
      return bin;
    }
    if (error_) return nullptr;
  }
  mark_ = m;
  return a;
}

// await_primary (memo): AWAIT primary | primary
ast::expr* Parser::await_primary() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_await_primary, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = nullptr;
  if (expect(K_await)) {
    if (ast::expr* a = primary()) {
      auto* w = node<ast::Await>(start);
      w->value = a;
      res = w;
    } else {
      mark_ = start;
    }
  }
  if (!res && !error_) res = primary();
  if (!res) mark_ = start;
  memo_put(start, M_await_primary, res);
  return res;
}

// primary (left-recursive): primary '.' NAME | primary genexp
//   | primary '(' [arguments] ')' | primary '[' slices ']' | atom
ast::expr* Parser::primary() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_primary, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = primary_raw();
  if (!res) mark_ = start;
  memo_put(start, M_primary, res);
  return res;
}

ast::expr* Parser::primary_raw() {
  int start = mark_;
  ast::expr* a = atom();
  if (!a) return nullptr;
  for (;;) {
    int m = mark_;
    int k = peek_kind();
    if (k == T_DOT) {
      mark_++;
      if (const Tok* n = expect(T_NAME)) {
        auto* at = node<ast::Attribute>(start);
        at->value = a;
        at->attr = view(n->text);
        at->ctx = ast::ExprContext::Load;
        a = at;
        continue;
      }
      mark_ = m;
      break;
    }
    if (k == T_LPAR) {
      if (ast::expr* g = genexp()) {
        auto* c = node<ast::Call>(start);
        c->func = a;
        c->args = single(g);
        a = c;
        continue;
      }
      if (error_) return nullptr;
      mark_ = m + 1;
      ast::Call* args = arguments();
      if (error_) return nullptr;
      if (!args) mark_ = m + 1;
      if (expect(T_RPAR)) {
        a = make_call(a, args, start);
        continue;
      }
      mark_ = m;
      break;
    }
    if (k == T_LSQB) {
      mark_++;
      ast::expr* s = slices();
      if (s && expect(T_RSQB)) {
        auto* sub = node<ast::Subscript>(start);
        sub->value = a;
        sub->slice = s;
        sub->ctx = ast::ExprContext::Load;
        a = sub;
        continue;
      }
      if (error_) return nullptr;
      mark_ = m;
      break;
    }
    break;
  }
  return a;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
ast::expr* Parser::slices() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* a = slice()) {
    if (!check(T_COMMA)) return a;
  }
  if (error_) return nullptr;
  mark_ = start;
  auto slice_or_starred = [&]() -> ast::expr* {
    int m = mark_;
    ast::expr* e = slice();
    if (!e && !error_) {
      mark_ = m;
      e = starred_expression();
    }
    return e;
  };
  Seq<ast::expr*> elts;
  if (!gather_sep<ast::expr*>(slice_or_starred, T_COMMA, elts)) {
    mark_ = start;
    return nullptr;
  }
  expect(T_COMMA);
  auto* t = node<ast::Tuple>(start);
  t->elts = elts;
  t->ctx = ast::ExprContext::Load;
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
ast::expr* Parser::slice() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = expression();
  if (error_) return nullptr;
  if (!a) mark_ = start;
  if (expect(T_COLON)) {
    int m = mark_;
    ast::expr* b = expression();
    if (error_) return nullptr;
    if (!b) mark_ = m;
    ast::expr* c = nullptr;
    m = mark_;
    if (expect(T_COLON)) {
      int m2 = mark_;
      c = expression();
      if (error_) return nullptr;
      if (!c) mark_ = m2;
    } else {
      mark_ = m;
    }
    auto* s = node<ast::Slice>(start);
    s->lower = a;
    s->upper = b;
    s->step = c;
    return s;
  }
  mark_ = start;
  return named_expression();
}

namespace {

// Digits without '_' separators, in a small buffer.
std::string strip_underscores(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

}  // namespace

// NUMBER -> Constant (int, big int, float or imaginary), as
// _PyPegen_number_token / parsenumber.
static ast::Constant* number_constant(Parser& p, const Tok& t) {
  auto* c = p.node_tok<ast::Constant>(t);
  std::string s = strip_underscores(t.text);
  char last = s.back();
  if (last == 'j' || last == 'J') {
    s.pop_back();
    c->value.kind = ast::ConstantKind::Complex;
    c->value.real = 0.0;
    c->value.imag = std::strtod(s.c_str(), nullptr);
    return c;
  }
  bool is_radix = s.size() > 1 && s[0] == '0' &&
                  (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B');
  if (!is_radix && s.find_first_of(".eE") != std::string::npos) {
    c->value.kind = ast::ConstantKind::Float;
    c->value.real = std::strtod(s.c_str(), nullptr);
    return c;
  }
  int base = 10;
  const char* digits = s.c_str();
  if (is_radix) {
    char b = s[1] | 0x20;
    base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
    digits += 2;
  }
  // Fast path: fits in int64.
  size_t nd = std::strlen(digits);
  if (base == 10 && p.int_max_str_digits_ > 0 && nd > static_cast<size_t>(p.int_max_str_digits_)) {
    return p.raise_at("SyntaxError",
                      "Exceeds the limit (" + std::to_string(p.int_max_str_digits_) +
                          " digits) for integer string conversion: value has " + std::to_string(nd) +
                          " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                          "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                      t.lineno, -1, t.end_lineno, -1);
  }
  bool small = (base == 10 && nd <= 18) || (base == 16 && nd <= 15) || (base == 8 && nd <= 20) ||
               (base == 2 && nd <= 62);
  if (small) {
    c->value.kind = ast::ConstantKind::Int;
    c->value.integer = static_cast<int64_t>(std::strtoull(digits, nullptr, base));
    return c;
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, digits, base);
  if (mpz_fits_slong_p(z)) {
    c->value.kind = ast::ConstantKind::Int;
    c->value.integer = mpz_get_si(z);
  } else {
    std::string dec(mpz_sizeinbase(z, 10) + 2, '\0');
    mpz_get_str(dec.data(), 10, z);
    dec.resize(std::strlen(dec.c_str()));
    c->value.kind = ast::ConstantKind::BigInt;
    c->value.text = p.arena_.copy_str(dec);
  }
  mpz_clear(z);
  return c;
}

// atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
//   | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
//   | &'{' (dict | set | dictcomp | setcomp) | '...'
ast::expr* Parser::atom() {
  RULE_ENTER(nullptr);
  const Tok& t = peek();
  switch (t.kind) {
    case T_NAME: mark_++; return name_from(t, ast::ExprContext::Load);
    case K_True:
    case K_False:
    case K_None: {
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
    case T_STRING: return strings();
    case T_NUMBER: mark_++; return number_constant(*this, t);
    case T_LPAR: {
      if (ast::expr* e = tuple()) return e;
      if (error_) return nullptr;
      if (ast::expr* e = group()) return e;
      if (error_) return nullptr;
      return genexp();
    }
    case T_LSQB: {
      if (ast::expr* e = list()) return e;
      if (error_) return nullptr;
      return listcomp();
    }
    case T_LBRACE: {
      if (ast::expr* e = dict()) return e;
      if (error_) return nullptr;
      if (ast::expr* e = set()) return e;
      if (error_) return nullptr;
      if (ast::expr* e = dictcomp()) return e;
      if (error_) return nullptr;
      return setcomp();
    }
    case T_ELLIPSIS: {
      mark_++;
      auto* c = node_tok<ast::Constant>(t);
      c->value.kind = ast::ConstantKind::Ellipsis;
      return c;
    }
    default: return nullptr;
  }
}

// group: '(' (yield_expr | named_expression) ')' | invalid_group
ast::expr* Parser::group() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_LPAR)) {
    ast::expr* a = yield_expr();
    if (!a && !error_) a = named_expression();
    if (a && expect(T_RPAR)) return a;
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_group();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// lambdef: 'lambda' [lambda_params] ':' expression
ast::expr* Parser::lambdef() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(K_lambda)) return nullptr;
  int m = mark_;
  ast::arguments* a = params(ParamStyle::Lambda);
  if (error_) return nullptr;
  if (!a) mark_ = m;
  if (expect(T_COLON)) {
    if (ast::expr* b = expression()) {
      auto* l = node<ast::Lambda>(start);
      l->args = a ? a : ast::make_node<ast::arguments>(arena_);
      l->body = b;
      return l;
    }
  }
  mark_ = start;
  return nullptr;
}

// strings (memo): STRING+
ast::expr* Parser::strings() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_strings, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  while (check(T_STRING)) mark_++;
  if (mark_ == start) return nullptr;
  ast::expr* res = concatenate_strings(start, mark_ - 1);
  if (!res) {
    mark_ = start;
    return nullptr;  // an error was raised
  }
  memo_put(start, M_strings, res);
  return res;
}

// list: '[' [star_named_expressions] ']'
ast::expr* Parser::list() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_LSQB)) return nullptr;
  Seq<ast::expr*> elts;
  int m = mark_;
  if (!star_named_expressions(elts)) {
    if (error_) return nullptr;
    mark_ = m;
  }
  if (!expect(T_RSQB)) {
    mark_ = start;
    return nullptr;
  }
  auto* l = node<ast::List>(start);
  l->elts = elts;
  l->ctx = ast::ExprContext::Load;
  return l;
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
ast::expr* Parser::tuple() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_LPAR)) return nullptr;
  Seq<ast::expr*> elts;
  int m = mark_;
  if (ast::expr* y = star_named_expression()) {
    if (expect(T_COMMA)) {
      Seq<ast::expr*> z;
      int m2 = mark_;
      if (!star_named_expressions(z)) {
        if (error_) return nullptr;
        mark_ = m2;
      }
      size_t base = scratch_.size();
      scratch_.push_back(y);
      for (auto* e : z) scratch_.push_back(e);
      elts = seq_from<ast::expr*>(base);
    } else {
      mark_ = m;
    }
  } else {
    if (error_) return nullptr;
    mark_ = m;
  }
  if (!expect(T_RPAR)) {
    mark_ = start;
    return nullptr;
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = elts;
  t->ctx = ast::ExprContext::Load;
  return t;
}

// set: '{' star_named_expressions '}'
ast::expr* Parser::set() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_LBRACE)) return nullptr;
  Seq<ast::expr*> elts;
  if (star_named_expressions(elts) && expect(T_RBRACE)) {
    auto* s = node<ast::Set>(start);
    s->elts = elts;
    return s;
  }
  mark_ = start;
  return nullptr;
}

// dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
ast::expr* Parser::dict() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_LBRACE)) return nullptr;
  Seq<KeyValue*> pairs;
  int m = mark_;
  if (!double_starred_kvpairs(pairs)) {
    if (error_) return nullptr;
    mark_ = m;
  }
  if (expect(T_RBRACE)) {
    auto* d = node<ast::Dict>(start);
    size_t n = pairs.size();
    if (n) {
      auto** keys = static_cast<ast::expr**>(arena_.allocate(n * sizeof(void*), alignof(void*)));
      auto** values = static_cast<ast::expr**>(arena_.allocate(n * sizeof(void*), alignof(void*)));
      for (size_t i = 0; i < n; i++) {
        keys[i] = pairs[i]->key;
        values[i] = pairs[i]->value;
      }
      d->keys = Seq<ast::expr*>(keys, n);
      d->values = Seq<ast::expr*>(values, n);
    }
    return d;
  }
  mark_ = start;
  // Not guarded by call_invalid_rules_: CPython's generator guards only
  // alternatives made of a single invalid_* item, so this one also runs in
  // pass 1 (with the invalid rules below it off). "{1: 2, 3 4}" thus raises
  // "':' expected after dictionary key" in pass 1, before pass 2's
  // invalid_expression could say "Perhaps you forgot a comma?".
  if (expect(T_LBRACE)) {
    (void)invalid_double_starred_kvpairs();
    if (error_) return nullptr;
    // (the rule only raises; a match without raising cannot be completed)
  }
  mark_ = start;
  return nullptr;
}

// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
bool Parser::double_starred_kvpairs(Seq<KeyValue*>& out) {
  RULE_ENTER(false);
  KeyValue* a = double_starred_kvpair();
  if (!a) return false;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    KeyValue* c = double_starred_kvpair();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  expect(T_COMMA);
  out = seq_from<KeyValue*>(base);
  return true;
}

// double_starred_kvpair: '**' bitwise_or | kvpair
KeyValue* Parser::double_starred_kvpair() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_DOUBLESTAR)) {
    if (ast::expr* a = bitwise_or()) return arena_.make<KeyValue>(KeyValue{nullptr, a});
    if (error_) return nullptr;
    mark_ = start;
  }
  return kvpair();
}

// kvpair: expression ':' expression
KeyValue* Parser::kvpair() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = expression();
  if (a && expect(T_COLON)) {
    if (ast::expr* b = expression()) return arena_.make<KeyValue>(KeyValue{a, b});
  }
  mark_ = start;
  return nullptr;
}

// for_if_clauses: for_if_clause+
bool Parser::for_if_clauses(Seq<ast::comprehension*>& out) {
  RULE_ENTER(false);
  size_t base = scratch_.size();
  while (ast::comprehension* c = for_if_clause()) scratch_.push_back(c);
  if (error_ || scratch_.size() == base) {
    scratch_.resize(base);
    return false;
  }
  out = seq_from<ast::comprehension*>(base);
  return true;
}

// for_if_clause: ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//   | 'for' star_targets 'in' ~ disjunction ('if' disjunction)* | invalid_for_target
ast::comprehension* Parser::for_if_clause() {
  RULE_ENTER(nullptr);
  int start = mark_;
  bool is_async = expect(K_async) != nullptr;
  if (expect(K_for)) {
    ast::expr* a = star_targets();
    if (a && expect(K_in)) {
      // cut: from here on no other alternative is tried
      ast::expr* b = disjunction();
      if (!b) {
        mark_ = start;
        return nullptr;
      }
      size_t base = scratch_.size();
      for (;;) {
        int m = mark_;
        if (!expect(K_if)) break;
        ast::expr* z = disjunction();
        if (!z) {
          mark_ = m;
          break;
        }
        scratch_.push_back(z);
      }
      if (error_) {
        scratch_.resize(base);
        return nullptr;
      }
      auto* c = ast::make_node<ast::comprehension>(arena_);
      c->target = a;
      c->iter = b;
      c->ifs = seq_from<ast::expr*>(base);
      c->is_async = is_async;
      return c;
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

// listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
ast::expr* Parser::listcomp() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_LSQB)) {
    ast::expr* a = named_expression();
    Seq<ast::comprehension*> gens;
    if (a && for_if_clauses(gens) && expect(T_RSQB)) {
      auto* l = node<ast::ListComp>(start);
      l->elt = a;
      l->generators = gens;
      return l;
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_comprehension();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
ast::expr* Parser::setcomp() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_LBRACE)) {
    ast::expr* a = named_expression();
    Seq<ast::comprehension*> gens;
    if (a && for_if_clauses(gens) && expect(T_RBRACE)) {
      auto* l = node<ast::SetComp>(start);
      l->elt = a;
      l->generators = gens;
      return l;
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_comprehension();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
ast::expr* Parser::genexp() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_LPAR)) {
    int m = mark_;
    ast::expr* a = assignment_expression();
    if (!a && !error_) {
      mark_ = m;
      a = expression();
      if (a && check(T_COLONEQUAL)) a = nullptr;
    }
    Seq<ast::comprehension*> gens;
    if (a && for_if_clauses(gens) && expect(T_RPAR)) {
      auto* g = node<ast::GeneratorExp>(start);
      g->elt = a;
      g->generators = gens;
      return g;
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_comprehension();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
ast::expr* Parser::dictcomp() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (expect(T_LBRACE)) {
    KeyValue* a = kvpair();
    Seq<ast::comprehension*> gens;
    if (a && for_if_clauses(gens) && expect(T_RBRACE)) {
      auto* d = node<ast::DictComp>(start);
      d->key = a->key;
      d->value = a->value;
      d->generators = gens;
      return d;
    }
    if (error_) return nullptr;
  }
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_dict_comprehension();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// --- call arguments -------------------------------------------------------------------

// arguments (memo): args [','] &')' | invalid_arguments
ast::Call* Parser::arguments() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_arguments, memo)) return static_cast<ast::Call*>(memo);
  int start = mark_;
  ast::Call* res = arguments_raw();
  if (!res) mark_ = start;
  memo_put(start, M_arguments, res);
  return res;
}

ast::Call* Parser::arguments_raw() {
  int start = mark_;
  if (ast::Call* a = args()) {
    expect(T_COMMA);
    if (check(T_RPAR)) return a;
  }
  if (error_) return nullptr;
  mark_ = start;
  if (call_invalid_rules_) {
    (void)invalid_arguments();
    if (error_) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//   | kwargs
ast::Call* Parser::args() {
  RULE_ENTER(nullptr);
  int start = mark_;
  size_t base = scratch_.size();
  for (;;) {
    int m = mark_;
    ast::expr* e = starred_expression();
    if (!e && !error_) {
      mark_ = m;
      e = assignment_expression();
      if (!e && !error_) {
        mark_ = m;
        e = expression();
        if (e && check(T_COLONEQUAL)) e = nullptr;
      }
      if (e && check(T_EQUAL)) e = nullptr;
    }
    if (error_) {
      scratch_.resize(base);
      return nullptr;
    }
    if (!e) {
      mark_ = m;
      if (scratch_.size() > base) mark_--;  // give back the ','
      break;
    }
    scratch_.push_back(e);
    if (!expect(T_COMMA)) break;
  }
  if (scratch_.size() > base) {
    Seq<ast::expr*> a = seq_from<ast::expr*>(base);
    int m = mark_;
    Seq<KeywordOrStarred*> kw;
    if (expect(T_COMMA) && kwargs(kw)) return collect_call_seqs(a, &kw, start);
    if (error_) return nullptr;
    mark_ = m;
    return collect_call_seqs(a, nullptr, start);
  }
  scratch_.resize(base);
  mark_ = start;
  Seq<KeywordOrStarred*> kw;
  if (kwargs(kw)) return collect_call_seqs({}, &kw, start);
  mark_ = start;
  return nullptr;
}

// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
//   | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
bool Parser::kwargs(Seq<KeywordOrStarred*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  size_t base = scratch_.size();
  auto gather = [&](bool starred) {
    size_t n0 = scratch_.size();
    for (;;) {
      int m = mark_;
      KeywordOrStarred* k = starred ? kwarg_or_starred() : kwarg_or_double_starred();
      if (!k) {
        mark_ = m;
        if (scratch_.size() > n0) mark_--;  // give back the ','
        break;
      }
      scratch_.push_back(k);
      if (!expect(T_COMMA)) break;
    }
    return scratch_.size() > n0;
  };
  if (gather(true)) {
    int m = mark_;
    if (expect(T_COMMA) && gather(false)) {
      out = seq_from<KeywordOrStarred*>(base);
      return true;
    }
    if (error_) {
      scratch_.resize(base);
      return false;
    }
    // alt 2: the starred list alone (re-gathered: a failed alt 1 may have
    // pushed double-starred items)
    mark_ = m;
    scratch_.resize(base);
    mark_ = start;
    gather(true);
    out = seq_from<KeywordOrStarred*>(base);
    return true;
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  mark_ = start;
  if (gather(false)) {
    out = seq_from<KeywordOrStarred*>(base);
    return true;
  }
  scratch_.resize(base);
  mark_ = start;
  return false;
}

// starred_expression: '*' expression
ast::expr* Parser::starred_expression() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (!expect(T_STAR)) return nullptr;
  ast::expr* a = expression();
  if (!a) {
    mark_ = start;
    return nullptr;
  }
  auto* s = node<ast::Starred>(start);
  s->value = a;
  s->ctx = ast::ExprContext::Load;
  return s;
}

// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
KeywordOrStarred* Parser::kwarg_or_starred() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_kwarg();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (const Tok* n = expect(T_NAME)) {
    if (expect(T_EQUAL)) {
      if (ast::expr* b = expression()) {
        auto* k = node<ast::keyword>(start);
        k->arg = view(n->text);
        k->value = b;
        return arena_.make<KeywordOrStarred>(KeywordOrStarred{k, true});
      }
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  if (ast::expr* s = starred_expression()) return arena_.make<KeywordOrStarred>(KeywordOrStarred{s, false});
  return nullptr;
}

// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
KeywordOrStarred* Parser::kwarg_or_double_starred() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (call_invalid_rules_) {
    (void)invalid_kwarg();
    if (error_) return nullptr;
    mark_ = start;
  }
  if (const Tok* n = expect(T_NAME)) {
    if (expect(T_EQUAL)) {
      if (ast::expr* b = expression()) {
        auto* k = node<ast::keyword>(start);
        k->arg = view(n->text);
        k->value = b;
        return arena_.make<KeywordOrStarred>(KeywordOrStarred{k, true});
      }
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  if (expect(T_DOUBLESTAR)) {
    if (ast::expr* b = expression()) {
      auto* k = node<ast::keyword>(start);
      k->value = b;
      return arena_.make<KeywordOrStarred>(KeywordOrStarred{k, true});
    }
  }
  mark_ = start;
  return nullptr;
}

// --- assignment targets ---------------------------------------------------------------

// star_targets: star_target !',' | star_target (',' star_target)* [',']
ast::expr* Parser::star_targets() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = star_target();
  if (!a) return nullptr;
  if (!check(T_COMMA)) return a;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    ast::expr* c = star_target();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return nullptr;
  }
  expect(T_COMMA);
  auto* t = node<ast::Tuple>(start);
  t->elts = seq_from<ast::expr*>(base);
  t->ctx = ast::ExprContext::Store;
  return t;
}

// star_targets_list_seq: ','.star_target+ [',']
bool Parser::star_targets_list_seq(Seq<ast::expr*>& out) {
  RULE_ENTER(false);
  ast::expr* a = star_target();
  if (!a) return false;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    ast::expr* c = star_target();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  expect(T_COMMA);
  out = seq_from<ast::expr*>(base);
  return true;
}

// star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
bool Parser::star_targets_tuple_seq(Seq<ast::expr*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  ast::expr* a = star_target();
  if (!a) return false;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    ast::expr* c = star_target();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  if (scratch_.size() - base == 1) {
    if (!expect(T_COMMA)) {
      scratch_.resize(base);
      mark_ = start;
      return false;
    }
  } else {
    expect(T_COMMA);
  }
  out = seq_from<ast::expr*>(base);
  return true;
}

// star_target (memo): '*' (!'*' star_target) | target_with_star_atom
ast::expr* Parser::star_target() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_star_target, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = star_target_raw();
  if (!res) mark_ = start;
  memo_put(start, M_star_target, res);
  return res;
}

ast::expr* Parser::star_target_raw() {
  int start = mark_;
  if (expect(T_STAR)) {
    if (!check(T_STAR)) {
      if (ast::expr* a = star_target()) {
        auto* s = node<ast::Starred>(start);
        s->value = set_ctx(a, ast::ExprContext::Store);
        s->ctx = ast::ExprContext::Store;
        return s;
      }
    }
    if (error_) return nullptr;
    mark_ = start;
  }
  return target_with_star_atom();
}

// target_with_star_atom (memo): t_primary '.' NAME !t_lookahead
//   | t_primary '[' slices ']' !t_lookahead | star_atom
ast::expr* Parser::target_with_star_atom() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_target_with_star_atom, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = target_with_star_atom_raw();
  if (!res) mark_ = start;
  memo_put(start, M_target_with_star_atom, res);
  return res;
}

ast::expr* Parser::target_with_star_atom_raw() {
  int start = mark_;
  if (ast::expr* r = single_subscript_attribute_target()) return r;
  if (error_) return nullptr;
  mark_ = start;
  return target_atom(TargetsType::Star);
}

// star_atom and del_t_atom (kind Star or Del), alike but for the inner
// target rule, the sequence rules and the context:
//   star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
//     | '[' [star_targets_list_seq] ']'
//   del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
ast::expr* Parser::target_atom(TargetsType kind) {
  RULE_ENTER(nullptr);
  const bool del = kind == TargetsType::Del;
  const ast::ExprContext ctx = del ? ast::ExprContext::Del : ast::ExprContext::Store;
  int start = mark_;
  if (const Tok* n = expect(T_NAME)) return name_from(*n, ctx);
  if (expect(T_LPAR)) {
    if (ast::expr* a = del ? del_target() : target_with_star_atom()) {
      if (expect(T_RPAR)) return set_ctx(a, ctx);
    }
    if (error_) return nullptr;
    mark_ = start + 1;
    Seq<ast::expr*> elts;
    if (!(del ? del_targets(elts) : star_targets_tuple_seq(elts))) {
      if (error_) return nullptr;
      mark_ = start + 1;
    }
    if (expect(T_RPAR)) {
      auto* t = node<ast::Tuple>(start);
      t->elts = elts;
      t->ctx = ctx;
      return t;
    }
    mark_ = start;
    return nullptr;
  }
  if (expect(T_LSQB)) {
    Seq<ast::expr*> elts;
    if (!(del ? del_targets(elts) : star_targets_list_seq(elts))) {
      if (error_) return nullptr;
      mark_ = start + 1;
    }
    if (expect(T_RSQB)) {
      auto* l = node<ast::List>(start);
      l->elts = elts;
      l->ctx = ctx;
      return l;
    }
    mark_ = start;
  }
  return nullptr;
}

// single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
ast::expr* Parser::single_target() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* r = single_subscript_attribute_target()) return r;
  if (error_) return nullptr;
  mark_ = start;
  if (const Tok* n = expect(T_NAME)) return name_from(*n, ast::ExprContext::Store);
  if (expect(T_LPAR)) {
    if (ast::expr* a = single_target()) {
      if (expect(T_RPAR)) return a;
    }
    mark_ = start;
  }
  return nullptr;
}

// single_subscript_attribute_target: t_primary '.' NAME !t_lookahead
//   | t_primary '[' slices ']' !t_lookahead
ast::expr* Parser::single_subscript_attribute_target() {
  RULE_ENTER(nullptr);
  int start = mark_;
  ast::expr* a = t_primary();
  if (!a) return nullptr;
  int after = mark_;
  if (expect(T_DOT)) {
    if (const Tok* n = expect(T_NAME)) {
      if (!t_lookahead()) {
        auto* at = node<ast::Attribute>(start);
        at->value = a;
        at->attr = view(n->text);
        at->ctx = ast::ExprContext::Store;
        return at;
      }
    }
  }
  mark_ = after;
  if (expect(T_LSQB)) {
    ast::expr* s = slices();
    if (s && expect(T_RSQB) && !t_lookahead()) {
      auto* sub = node<ast::Subscript>(start);
      sub->value = a;
      sub->slice = s;
      sub->ctx = ast::ExprContext::Store;
      return sub;
    }
  }
  mark_ = start;
  return nullptr;
}

// t_primary (left-recursive, memo):
//   t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
//   | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
//   | atom &t_lookahead
ast::expr* Parser::t_primary() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_t_primary, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = t_primary_raw();
  if (!res) mark_ = start;
  memo_put(start, M_t_primary, res);
  return res;
}

ast::expr* Parser::t_primary_raw() {
  int start = mark_;
  ast::expr* a = atom();
  if (!a || !t_lookahead()) return nullptr;
  for (;;) {
    int m = mark_;
    // '.' NAME
    if (expect(T_DOT)) {
      if (const Tok* n = expect(T_NAME)) {
        if (t_lookahead()) {
          auto* at = node<ast::Attribute>(start);
          at->value = a;
          at->attr = view(n->text);
          at->ctx = ast::ExprContext::Load;
          a = at;
          continue;
        }
      }
    }
    mark_ = m;
    // '[' slices ']'
    if (expect(T_LSQB)) {
      ast::expr* s = slices();
      if (s && expect(T_RSQB) && t_lookahead()) {
        auto* sub = node<ast::Subscript>(start);
        sub->value = a;
        sub->slice = s;
        sub->ctx = ast::ExprContext::Load;
        a = sub;
        continue;
      }
      if (error_) return nullptr;
    }
    mark_ = m;
    if (check(T_LPAR)) {
      // genexp
      if (ast::expr* g = genexp()) {
        if (t_lookahead()) {
          auto* c = node<ast::Call>(start);
          c->func = a;
          c->args = single(g);
          a = c;
          continue;
        }
      }
      if (error_) return nullptr;
      mark_ = m + 1;
      // '(' [arguments] ')'
      ast::Call* args = arguments();
      if (error_) return nullptr;
      if (!args) mark_ = m + 1;
      if (expect(T_RPAR) && t_lookahead()) {
        a = make_call(a, args, start);
        continue;
      }
      mark_ = m;
    }
    break;
  }
  return a;
}

// t_lookahead: '(' | '[' | '.'
bool Parser::t_lookahead() {
  int k = peek_kind();
  return k == T_LPAR || k == T_LSQB || k == T_DOT;
}

// del_targets: ','.del_target+ [',']
bool Parser::del_targets(Seq<ast::expr*>& out) {
  RULE_ENTER(false);
  ast::expr* a = del_target();
  if (!a) return false;
  size_t base = scratch_.size();
  scratch_.push_back(a);
  for (;;) {
    int m = mark_;
    if (!expect(T_COMMA)) break;
    ast::expr* c = del_target();
    if (!c) {
      mark_ = m;
      break;
    }
    scratch_.push_back(c);
  }
  if (error_) {
    scratch_.resize(base);
    return false;
  }
  expect(T_COMMA);
  out = seq_from<ast::expr*>(base);
  return true;
}

// del_target (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom
ast::expr* Parser::del_target() {
  RULE_ENTER(nullptr);
  void* memo;
  if (memo_get(M_del_target, memo)) return static_cast<ast::expr*>(memo);
  int start = mark_;
  ast::expr* res = del_target_raw();
  if (!res) mark_ = start;
  memo_put(start, M_del_target, res);
  return res;
}

ast::expr* Parser::del_target_raw() {
  int start = mark_;
  if (ast::expr* r = single_subscript_attribute_target()) return set_ctx(r, ast::ExprContext::Del);
  if (error_) return nullptr;
  mark_ = start;
  return target_atom(TargetsType::Del);
}

}  // namespace spindle::frontend::parser_detail
