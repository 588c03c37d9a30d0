// AST constant folding (see ast_opt.h for the rules it obeys).
//
// The walker is generic (expanded from ast_nodes.def): every expression field
// is folded bottom-up and replaced by what fold() returns. The value
// arithmetic below reproduces Python's results exactly (ints through GMP,
// floor division and modulo with Python's sign rules); anything whose exact
// Python result is not certain here is simply not folded.
#include "frontend/ast_opt.h"

#include <gmp.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "vm/code.h"

namespace spindle::frontend {

namespace {

using ast::ConstantKind;
using ast::ConstantValue;

constexpr size_t kMaxIntBits = 128;
constexpr size_t kMaxCollectionSize = 256;
constexpr size_t kMaxStrSize = 4096;
constexpr size_t kMaxTotalItems = 1024;

// RAII wrapper of an mpz_t.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

bool is_intlike(const ConstantValue& c) {
  return c.kind == ConstantKind::Int || c.kind == ConstantKind::BigInt || c.kind == ConstantKind::Bool;
}

void to_mpz(const ConstantValue& c, Mpz& out) {
  if (c.kind == ConstantKind::Bool) {
    mpz_set_si(out.v, c.boolean ? 1 : 0);
  } else if (c.kind == ConstantKind::Int) {
    mpz_set_si(out.v, c.integer);
  } else {
    std::string s(c.text);
    mpz_set_str(out.v, s.c_str(), 10);
  }
}

size_t num_bits(const Mpz& m) { return mpz_sgn(m.v) == 0 ? 0 : mpz_sizeinbase(m.v, 2); }

// Small ints convert to double exactly, as Python's int.__float__ would.
bool as_double(const ConstantValue& c, double& out) {
  switch (c.kind) {
    case ConstantKind::Float: out = c.real; return true;
    case ConstantKind::Bool: out = c.boolean ? 1.0 : 0.0; return true;
    case ConstantKind::Int:
      if (c.integer > (int64_t(1) << 53) || c.integer < -(int64_t(1) << 53)) return false;
      out = static_cast<double>(c.integer);
      return true;
    default: return false;
  }
}

bool as_complex(const ConstantValue& c, double& re, double& im) {
  if (c.kind == ConstantKind::Complex) {
    re = c.real, im = c.imag;
    return true;
  }
  im = 0.0;
  return as_double(c, re);
}

// Number of code points of generalized UTF-8 text.
size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

// CPython's check_complexity: nested tuples/frozensets count their items.
bool within_complexity(const ConstantValue& c, long& limit) {
  if (c.kind == ConstantKind::Tuple || c.kind == ConstantKind::FrozenSet) {
    limit -= static_cast<long>(c.items.size());
    for (const auto& item : c.items) {
      if (limit < 0) return false;
      if (!within_complexity(item, limit)) return false;
    }
  }
  return limit >= 0;
}

class Folder {
 public:
  Folder(Arena& arena, const AstOptimizeOptions& opts) : arena_(arena), opts_(opts) {}

  bool run(ast::mod* m) {
    walk_node(m);
    return !too_deep_;
  }

 private:
  // --- the generic walk ------------------------------------------------------
  void visit(ast::expr*& e) {
    if (e == nullptr) return;
    walk_node(e);
    e = fold(e);
  }
  template <class T>
  void visit(T*& n) {
    if (n != nullptr) walk_node(n);
  }
  template <class T>
  void visit_named(T*& n, std::string_view field) {
    if constexpr (std::is_same_v<T, ast::expr>) {
      if ((field == "annotation" || field == "returns") && (opts_.future_flags & vm::CO_FUTURE_ANNOTATIONS))
        return;
    }
    visit(n);
  }

  void walk_node(ast::Node* n) {
    if (too_deep_) return;
    if (++depth_ > kMaxCompileDepth || stack_exhausted(floor_)) {
      too_deep_ = true;
      return;
    }
    walk_fields(n);
    --depth_;
  }

  void walk_fields(ast::Node* n) {
#define CHILD(T, fld) visit_named(node->fld, #fld);
#define OPT(T, fld) visit_named(node->fld, #fld);
#define SEQ(T, fld) for (auto& c : node->fld) visit(c);
#define IDENT(fld)
#define OPT_IDENT(fld)
#define IDENT_SEQ(fld)
#define OPT_STR(fld)
#define STR(fld)
#define INT(fld)
#define CONST(fld)
#define ENUM(T, fld)
#define ENUM_SEQ(T, fld)
#define AST_NODE(Base, Name, FIELDS)                         \
  case ast::NodeKind::Name: {                                \
    [[maybe_unused]] auto* node = static_cast<ast::Name*>(n); \
    FIELDS                                                   \
    break;                                                   \
  }
    switch (n->kind) {
#include "frontend/ast_nodes.def"
    }
#include "frontend/ast_nodes_undef.inc"
    // Iterables of for loops and comprehensions: literal lists become tuples,
    // literal sets of constants frozensets.
    if (auto* f = ast::dyn_cast<ast::For>(n)) f->iter = fold_iter(f->iter);
    else if (auto* f = ast::dyn_cast<ast::AsyncFor>(n)) f->iter = fold_iter(f->iter);
    else if (auto* c = ast::dyn_cast<ast::comprehension>(n)) c->iter = fold_iter(c->iter);
  }

  // --- node builders -----------------------------------------------------------
  ast::expr* make_constant(ast::expr* at, const ConstantValue& v) {
    // Constant has a field named `kind` (the string prefix u'') that hides
    // Node::kind, so ast::make_node<Constant> does not compile.
    auto* c = arena_.make<ast::Constant>();
    static_cast<ast::Node*>(c)->kind = ast::NodeKind::Constant;
    c->lineno = at->lineno, c->col_offset = at->col_offset;
    c->end_lineno = at->end_lineno, c->end_col_offset = at->end_col_offset;
    c->value = v;
    return c;
  }
  ConstantValue int_value(const Mpz& m) {
    ConstantValue v;
    if (mpz_fits_slong_p(m.v)) {
      v.kind = ConstantKind::Int;
      v.integer = mpz_get_si(m.v);
    } else {
      v.kind = ConstantKind::BigInt;
      std::string s(mpz_sizeinbase(m.v, 10) + 2, '\0');
      mpz_get_str(s.data(), 10, m.v);
      s.resize(std::strlen(s.c_str()));
      v.text = arena_.copy_str(s);
    }
    return v;
  }
  static ConstantValue float_value(double d) {
    ConstantValue v;
    v.kind = ConstantKind::Float;
    v.real = d;
    return v;
  }
  static ConstantValue complex_value(double re, double im) {
    ConstantValue v;
    v.kind = ConstantKind::Complex;
    v.real = re, v.imag = im;
    return v;
  }
  ConstantValue text_value(ConstantKind kind, const std::string& s) {
    ConstantValue v;
    v.kind = kind;
    v.text = arena_.copy_str(s);
    return v;
  }
  ConstantValue tuple_value(ConstantKind kind, const std::vector<ConstantValue>& items) {
    ConstantValue v;
    v.kind = kind;
    if (!items.empty()) {
      auto* p = static_cast<ConstantValue*>(
          arena_.allocate(sizeof(ConstantValue) * items.size(), alignof(ConstantValue)));
      for (size_t i = 0; i < items.size(); ++i) new (p + i) ConstantValue(items[i]);
      v.items = ast::Seq<const ConstantValue>(p, items.size());
    }
    return v;
  }

  // --- folding ---------------------------------------------------------------------
  ast::expr* fold(ast::expr* e) {
    switch (e->kind) {
      case ast::NodeKind::UnaryOp: return fold_unary(ast::cast<ast::UnaryOp>(e));
      case ast::NodeKind::BinOp: return fold_binop(ast::cast<ast::BinOp>(e));
      case ast::NodeKind::Tuple: return fold_tuple(ast::cast<ast::Tuple>(e));
      case ast::NodeKind::Subscript: return fold_subscr(ast::cast<ast::Subscript>(e));
      case ast::NodeKind::Compare: {
        auto* c = ast::cast<ast::Compare>(e);
        if (!c->ops.empty()) {
          auto op = c->ops.back();
          if (op == ast::ComparisonOperator::In || op == ast::ComparisonOperator::NotIn)
            c->comparators.back() = fold_iter(c->comparators.back());
        }
        return e;
      }
      case ast::NodeKind::Name: {
        auto* n = ast::cast<ast::Name>(e);
        if (n->ctx == ast::ExprContext::Load && n->id == "__debug__") {
          ConstantValue v;
          v.kind = ConstantKind::Bool;
          v.boolean = opts_.optimize == 0;
          return make_constant(e, v);
        }
        return e;
      }
      default: return e;
    }
  }

  static const ConstantValue* const_of(ast::expr* e) {
    auto* c = ast::dyn_cast<ast::Constant>(e);
    return c != nullptr ? &c->value : nullptr;
  }

  bool all_constant(ast::Seq<ast::expr*> elts, std::vector<ConstantValue>& out) {
    for (auto* x : elts) {
      const ConstantValue* v = const_of(x);
      if (v == nullptr) return false;
      out.push_back(*v);
    }
    return true;
  }

  ast::expr* fold_tuple(ast::Tuple* t) {
    if (t->ctx != ast::ExprContext::Load) return t;
    std::vector<ConstantValue> items;
    if (!all_constant(t->elts, items)) return t;
    return make_constant(t, tuple_value(ConstantKind::Tuple, items));
  }

  ast::expr* fold_iter(ast::expr* e) {
    if (auto* l = ast::dyn_cast<ast::List>(e)) {
      for (auto* x : l->elts)
        if (ast::is<ast::Starred>(x)) return e;
      auto* t = ast::make_node<ast::Tuple>(arena_);
      t->lineno = e->lineno, t->col_offset = e->col_offset;
      t->end_lineno = e->end_lineno, t->end_col_offset = e->end_col_offset;
      t->elts = l->elts;
      t->ctx = l->ctx;
      return fold_tuple(t);
    }
    if (auto* s = ast::dyn_cast<ast::Set>(e)) {
      std::vector<ConstantValue> items;
      if (!all_constant(s->elts, items)) return e;
      std::vector<ConstantValue> unique;
      if (!dedup_for_set(items, unique)) return e;
      return make_constant(e, tuple_value(ConstantKind::FrozenSet, unique));
    }
    return e;
  }

  // Removes items equal in Python's sense (1 == 1.0 == True), keeping the
  // first. Refuses (returns false) on kinds whose equality is not modelled.
  static bool dedup_for_set(const std::vector<ConstantValue>& items, std::vector<ConstantValue>& out) {
    std::vector<std::string> keys;
    for (const auto& v : items) {
      std::string key;
      double d;
      switch (v.kind) {
        case ConstantKind::None: key = "N"; break;
        case ConstantKind::Ellipsis: key = "E"; break;
        case ConstantKind::Bool: key = v.boolean ? "i1" : "i0"; break;
        case ConstantKind::Int: key = "i" + std::to_string(v.integer); break;
        case ConstantKind::BigInt: key = "i" + std::string(v.text); break;
        case ConstantKind::Float:
          d = v.real;
          if (std::isnan(d)) return false;
          if (d == std::floor(d) && std::fabs(d) < 9.0e15) key = "i" + std::to_string(static_cast<int64_t>(d));
          else { char buf[40]; std::snprintf(buf, sizeof buf, "f%a", d); key = buf; }
          break;
        case ConstantKind::Str: key = "s" + std::string(v.text); break;
        case ConstantKind::Bytes: key = "b" + std::string(v.text); break;
        default: return false;
      }
      bool dup = false;
      for (const auto& k : keys)
        if (k == key) dup = true;
      if (dup) continue;
      keys.push_back(key);
      out.push_back(v);
    }
    return true;
  }

  ast::expr* fold_unary(ast::UnaryOp* u) {
    const ConstantValue* v = const_of(u->operand);
    if (v == nullptr) return u;
    ConstantValue r;
    switch (u->op) {
      case ast::UnaryOperator::Not:
        r.kind = ConstantKind::Bool;
        r.boolean = !constant_truthy(*v);
        return make_constant(u, r);
      case ast::UnaryOperator::Invert:
        if (!is_intlike(*v)) return u;
        {
          Mpz m;
          to_mpz(*v, m);
          mpz_com(m.v, m.v);
          return make_constant(u, int_value(m));
        }
      case ast::UnaryOperator::USub:
        if (is_intlike(*v)) {
          Mpz m;
          to_mpz(*v, m);
          mpz_neg(m.v, m.v);
          return make_constant(u, int_value(m));
        }
        if (v->kind == ConstantKind::Float) return make_constant(u, float_value(-v->real));
        if (v->kind == ConstantKind::Complex) return make_constant(u, complex_value(-v->real, -v->imag));
        return u;
      case ast::UnaryOperator::UAdd:
        if (is_intlike(*v)) {
          Mpz m;
          to_mpz(*v, m);
          return make_constant(u, int_value(m));
        }
        if (v->kind == ConstantKind::Float || v->kind == ConstantKind::Complex) return make_constant(u, *v);
        return u;
    }
    return u;
  }

  // 'fmt' % (a, b) with only %s / %r / %a units (optional width and
  // precision) becomes f'...{a!s}...{b!r:>5}': CPython 3.11's
  // optimize_format, same behaviour, no tuple built at run time. Anything
  // else (other units, count mismatch, `%%` only) is left alone.
  ast::expr* optimize_format(ast::BinOp* b, std::string_view fmt, ast::Seq<ast::expr*> elts) {
    std::vector<ast::expr*> parts;
    size_t pos = 0, cnt = 0, n = fmt.size();
    while (true) {
      // A literal run, with %% meaning %.
      size_t start = pos;
      bool has_percents = false;
      while (pos < n) {
        if (fmt[pos] != '%') {
          ++pos;
        } else if (pos + 1 < n && fmt[pos + 1] == '%') {
          has_percents = true;
          pos += 2;
        } else {
          break;
        }
      }
      if (pos > start) {
        std::string lit(fmt.substr(start, pos - start));
        if (has_percents) {
          std::string unescaped;
          for (size_t i = 0; i < lit.size(); ++i) {
            unescaped += lit[i];
            if (lit[i] == '%' && i + 1 < lit.size() && lit[i + 1] == '%') ++i;
          }
          lit = unescaped;
        }
        parts.push_back(make_unplaced_str(lit));
      }
      if (pos >= n) break;
      if (cnt >= elts.size()) return nullptr;  // more units than items
      ++pos;                                   // the '%'
      ast::expr* fv = parse_format_unit(fmt, pos, elts[cnt]);
      ++cnt;
      if (fv == nullptr) return nullptr;
      parts.push_back(fv);
    }
    if (cnt < elts.size()) return nullptr;  // more items than units
    auto* j = ast::make_node<ast::JoinedStr>(arena_);
    j->lineno = b->lineno, j->col_offset = b->col_offset;
    j->end_lineno = b->end_lineno, j->end_col_offset = b->end_col_offset;
    j->values = arena_.copy_seq(parts);
    return j;
  }

  ast::expr* make_unplaced_str(const std::string& text) {
    ConstantValue v = text_value(ConstantKind::Str, text);
    auto* c = arena_.make<ast::Constant>();
    static_cast<ast::Node*>(c)->kind = ast::NodeKind::Constant;
    c->lineno = c->end_lineno = c->col_offset = c->end_col_offset = -1;  // no location, as CPython
    c->value = v;
    return c;
  }

  ast::expr* parse_format_unit(std::string_view fmt, size_t& pos, ast::expr* arg) {
    constexpr int kMaxDigits = 3;
    size_t n = fmt.size();
    char ch = 0;
    auto next = [&]() {
      if (pos >= n) return false;
      ch = fmt[pos++];
      return true;
    };
    bool ljust = false;
    while (true) {
      if (!next()) return nullptr;
      if (ch == '-') ljust = true;
      else if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') {
      } else break;
    }
    int width = -1, prec = -1;
    if (ch >= '0' && ch <= '9') {
      width = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        width = width * 10 + (ch - '0');
        if (!next()) return nullptr;
        if (++digits >= kMaxDigits) return nullptr;
      }
    }
    if (ch == '.') {
      if (!next()) return nullptr;
      prec = 0;
      int digits = 0;
      while (ch >= '0' && ch <= '9') {
        prec = prec * 10 + (ch - '0');
        if (!next()) return nullptr;
        if (++digits >= kMaxDigits) return nullptr;
      }
    }
    if (ch != 's' && ch != 'r' && ch != 'a') return nullptr;
    std::string spec;
    if (!ljust && width > 0) spec += '>';
    if (width >= 0) spec += std::to_string(width);
    if (prec >= 0) spec += "." + std::to_string(prec);
    auto* fv = ast::make_node<ast::FormattedValue>(arena_);
    fv->lineno = arg->lineno, fv->col_offset = arg->col_offset;
    fv->end_lineno = arg->end_lineno, fv->end_col_offset = arg->end_col_offset;
    fv->value = arg;
    fv->conversion = ch;
    fv->format_spec = spec.empty() ? nullptr : make_unplaced_str(spec);
    return fv;
  }

  ast::expr* fold_binop(ast::BinOp* b) {
    const ConstantValue* l = const_of(b->left);
    if (l != nullptr && l->kind == ConstantKind::Str && b->op == ast::Operator::Mod) {
      auto* t = ast::dyn_cast<ast::Tuple>(b->right);
      bool starred = false;
      if (t != nullptr)
        for (auto* x : t->elts) starred = starred || ast::is<ast::Starred>(x);
      if (t != nullptr && !starred) {
        if (ast::expr* j = optimize_format(b, l->text, t->elts)) return j;
      }
    }
    const ConstantValue* r = const_of(b->right);
    if (l == nullptr || r == nullptr) return b;
    ConstantValue out;
    if (!binop(b->op, *l, *r, out)) return b;
    return make_constant(b, out);
  }

  bool binop(ast::Operator op, const ConstantValue& l, const ConstantValue& r, ConstantValue& out) {
    using Op = ast::Operator;
    if (is_intlike(l) && is_intlike(r)) return int_binop(op, l, r, out);
    // Sequences.
    bool lseq = l.kind == ConstantKind::Str || l.kind == ConstantKind::Bytes || l.kind == ConstantKind::Tuple;
    bool rseq = r.kind == ConstantKind::Str || r.kind == ConstantKind::Bytes || r.kind == ConstantKind::Tuple;
    if (op == Op::Add && lseq && l.kind == r.kind) {
      if (l.kind == ConstantKind::Tuple) {
        std::vector<ConstantValue> items(l.items.begin(), l.items.end());
        items.insert(items.end(), r.items.begin(), r.items.end());
        out = tuple_value(ConstantKind::Tuple, items);
      } else {
        out = text_value(l.kind, std::string(l.text) + std::string(r.text));
      }
      return true;
    }
    if (op == Op::Mult && ((lseq && is_intlike(r)) || (rseq && is_intlike(l)))) {
      const ConstantValue& seq = lseq ? l : r;
      const ConstantValue& count = lseq ? r : l;
      return repeat(seq, count, out);
    }
    if (lseq || rseq) return false;
    // Complex.
    if (l.kind == ConstantKind::Complex || r.kind == ConstantKind::Complex) {
      double ar, ai, br, bi;
      if (!as_complex(l, ar, ai) || !as_complex(r, br, bi)) return false;
      switch (op) {
        case Op::Add: out = complex_value(ar + br, ai + bi); return true;
        case Op::Sub: out = complex_value(ar - br, ai - bi); return true;
        case Op::Mult: out = complex_value(ar * br - ai * bi, ar * bi + ai * br); return true;
        default: return false;
      }
    }
    // Floats (one side at least).
    double a, c;
    if (!as_double(l, a) || !as_double(r, c)) return false;
    switch (op) {
      case Op::Add: out = float_value(a + c); return true;
      case Op::Sub: out = float_value(a - c); return true;
      case Op::Mult: out = float_value(a * c); return true;
      case Op::Div:
        if (c == 0.0) return false;
        out = float_value(a / c);
        return true;
      case Op::Pow: {
        // Only the cases where Python's float ** is plain C pow(): a finite
        // positive base and a finite result (no ZeroDivisionError, no
        // complex result, no OverflowError).
        if (!(a > 0.0) || !std::isfinite(a) || !std::isfinite(c)) return false;
        double r = std::pow(a, c);
        if (!std::isfinite(r)) return false;
        out = float_value(r);
        return true;
      }
      case Op::Mod:
      case Op::FloorDiv: {
        if (c == 0.0) return false;
        double mod = std::fmod(a, c);
        double div = (a - mod) / c;
        if (mod != 0.0) {
          if ((c < 0) != (mod < 0)) {
            mod += c;
            div -= 1.0;
          }
        } else {
          mod = std::copysign(0.0, c);
        }
        double floordiv;
        if (div != 0.0) {
          floordiv = std::floor(div);
          if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
          floordiv = std::copysign(0.0, a / c);
        }
        out = float_value(op == Op::Mod ? mod : floordiv);
        return true;
      }
      default: return false;
    }
  }

  bool repeat(const ConstantValue& seq, const ConstantValue& count, ConstantValue& out) {
    Mpz m;
    to_mpz(count, m);
    size_t size = seq.kind == ConstantKind::Str     ? utf8_length(seq.text)
                  : seq.kind == ConstantKind::Bytes ? seq.text.size()
                                                    : seq.items.size();
    long n = 0;
    if (size != 0) {
      if (!mpz_fits_slong_p(m.v)) return false;
      n = mpz_get_si(m.v);
      size_t limit = seq.kind == ConstantKind::Tuple ? kMaxCollectionSize : kMaxStrSize;
      if (n < 0 || static_cast<size_t>(n) > limit / size) return false;
      if (seq.kind == ConstantKind::Tuple && n != 0) {
        long budget = static_cast<long>(kMaxTotalItems) / n;
        if (!within_complexity(seq, budget)) return false;
      }
    } else {
      n = 0;
    }
    if (seq.kind == ConstantKind::Tuple) {
      std::vector<ConstantValue> items;
      for (long i = 0; i < n; ++i) items.insert(items.end(), seq.items.begin(), seq.items.end());
      out = tuple_value(ConstantKind::Tuple, items);
    } else {
      std::string s;
      for (long i = 0; i < n; ++i) s += seq.text;
      out = text_value(seq.kind, s);
    }
    return true;
  }

  bool int_binop(ast::Operator op, const ConstantValue& l, const ConstantValue& r, ConstantValue& out) {
    using Op = ast::Operator;
    Mpz a, b, res;
    to_mpz(l, a);
    to_mpz(r, b);
    bool both_bool = l.kind == ConstantKind::Bool && r.kind == ConstantKind::Bool;
    switch (op) {
      case Op::Add: mpz_add(res.v, a.v, b.v); break;
      case Op::Sub: mpz_sub(res.v, a.v, b.v); break;
      case Op::Mult:
        if (mpz_sgn(a.v) != 0 && mpz_sgn(b.v) != 0 && num_bits(a) + num_bits(b) > kMaxIntBits) return false;
        mpz_mul(res.v, a.v, b.v);
        break;
      case Op::FloorDiv:
        if (mpz_sgn(b.v) == 0) return false;
        mpz_fdiv_q(res.v, a.v, b.v);
        break;
      case Op::Mod:
        if (mpz_sgn(b.v) == 0) return false;
        mpz_fdiv_r(res.v, a.v, b.v);
        break;
      case Op::Div: {
        double x, y;
        if (!as_double(l, x) || !as_double(r, y) || y == 0.0) return false;
        out = float_value(x / y);
        return true;
      }
      case Op::Pow: {
        if (mpz_sgn(b.v) < 0) {
          // int ** negative int is float ** float in Python.
          double x, y;
          if (!as_double(l, x) || !as_double(r, y) || !(x > 0.0)) return false;
          double p = std::pow(x, y);
          if (!std::isfinite(p)) return false;
          out = float_value(p);
          return true;
        }
        size_t vbits = num_bits(a);
        if (!mpz_fits_ulong_p(b.v)) {
          if (vbits > 1) return false;  // 0 or 1 (or -1) to a huge power: not worth it
          return false;
        }
        unsigned long w = mpz_get_ui(b.v);
        if (vbits > 0 && w > kMaxIntBits / vbits) return false;
        mpz_pow_ui(res.v, a.v, w);
        break;
      }
      case Op::LShift: {
        if (mpz_sgn(b.v) < 0) return false;
        if (mpz_sgn(a.v) == 0 || mpz_sgn(b.v) == 0) {
          mpz_set(res.v, a.v);
          break;
        }
        if (!mpz_fits_ulong_p(b.v)) return false;
        unsigned long w = mpz_get_ui(b.v);
        size_t vbits = num_bits(a);
        if (w > kMaxIntBits || vbits > kMaxIntBits - w) return false;
        mpz_mul_2exp(res.v, a.v, w);
        break;
      }
      case Op::RShift: {
        if (mpz_sgn(b.v) < 0) return false;
        unsigned long w = mpz_fits_ulong_p(b.v) ? mpz_get_ui(b.v) : ~0ul;
        if (w > 1u << 20) w = 1u << 20;
        mpz_fdiv_q_2exp(res.v, a.v, w);
        break;
      }
      case Op::BitAnd: mpz_and(res.v, a.v, b.v); break;
      case Op::BitOr: mpz_ior(res.v, a.v, b.v); break;
      case Op::BitXor: mpz_xor(res.v, a.v, b.v); break;
      case Op::MatMult: return false;
    }
    if (both_bool && (op == Op::BitAnd || op == Op::BitOr || op == Op::BitXor)) {
      out = ConstantValue{};
      out.kind = ConstantKind::Bool;
      out.boolean = mpz_sgn(res.v) != 0;
      return true;
    }
    out = int_value(res);
    return true;
  }

  ast::expr* fold_subscr(ast::Subscript* s) {
    if (s->ctx != ast::ExprContext::Load) return s;
    const ConstantValue* v = const_of(s->value);
    const ConstantValue* i = const_of(s->slice);
    if (v == nullptr || i == nullptr || !is_intlike(*i)) return s;
    Mpz m;
    to_mpz(*i, m);
    if (!mpz_fits_slong_p(m.v)) return s;
    long idx = mpz_get_si(m.v);
    switch (v->kind) {
      case ConstantKind::Tuple: {
        long n = static_cast<long>(v->items.size());
        if (idx < 0) idx += n;
        if (idx < 0 || idx >= n) return s;
        return make_constant(s, v->items[idx]);
      }
      case ConstantKind::Bytes: {
        long n = static_cast<long>(v->text.size());
        if (idx < 0) idx += n;
        if (idx < 0 || idx >= n) return s;
        ConstantValue r;
        r.kind = ConstantKind::Int;
        r.integer = static_cast<unsigned char>(v->text[idx]);
        return make_constant(s, r);
      }
      case ConstantKind::Str: {
        long n = static_cast<long>(utf8_length(v->text));
        if (idx < 0) idx += n;
        if (idx < 0 || idx >= n) return s;
        size_t pos = 0;
        long cp = -1;
        size_t start = 0;
        for (; pos < v->text.size(); ++pos) {
          if ((static_cast<unsigned char>(v->text[pos]) & 0xC0) != 0x80) {
            if (++cp == idx) start = pos;
            else if (cp == idx + 1) break;
          }
        }
        return make_constant(s, text_value(ConstantKind::Str, std::string(v->text.substr(start, pos - start))));
      }
      default: return s;
    }
  }

  Arena& arena_;
  const AstOptimizeOptions& opts_;
  int depth_ = 0;
  bool too_deep_ = false;
  uintptr_t floor_ = opts_.stack_floor != 0 ? opts_.stack_floor : stack_floor();
};

}  // namespace

bool constant_truthy(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantKind::None: return false;
    case ConstantKind::Bool: return v.boolean;
    case ConstantKind::Ellipsis: return true;
    case ConstantKind::Int: return v.integer != 0;
    case ConstantKind::BigInt: return true;  // never zero: zero fits in Int
    case ConstantKind::Float: return v.real != 0.0;
    case ConstantKind::Complex: return v.real != 0.0 || v.imag != 0.0;
    case ConstantKind::Str:
    case ConstantKind::Bytes: return !v.text.empty();
    case ConstantKind::Tuple:
    case ConstantKind::FrozenSet: return !v.items.empty();
  }
  return true;
}

bool optimize_ast(ast::mod* module, Arena& arena, const AstOptimizeOptions& opts, CompileError& err) {
  Folder f(arena, opts);
  if (f.run(module)) return true;
  set_recursion_error(err);
  return false;
}

}  // namespace spindle::frontend
