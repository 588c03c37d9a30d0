// AST -> source text for annotations (see ast_unparse.h).
//
// Precedence climbing as in CPython's ast_unparse.c: each node is written at
// a "level" and parenthesizes itself when its own precedence is lower.
#include "frontend/ast_unparse.h"

namespace spindle::frontend {

namespace {

enum Prec : int {
  kTuple,
  kTest,  // if-else, lambda
  kOr,
  kAnd,
  kNot,
  kCmp,
  kExpr,
  kBor = kExpr,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom,
};

std::string replace_inf(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "inf") == 0) {
      out += "1e309";
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

class Unparser {
 public:
  std::string out;

  void expr(const ast::expr* e, int level);

 private:
  void open(bool cond) {
    if (cond) out += '(';
  }
  void close(bool cond) {
    if (cond) out += ')';
  }
  void constant(const ast::ConstantValue& v) {
    using CK = ast::ConstantKind;
    if (v.kind == CK::Ellipsis) {
      out += "...";
      return;
    }
    std::string r = ast::constant_repr(v);
    if (v.kind == CK::Float || v.kind == CK::Complex || v.kind == CK::Tuple || v.kind == CK::FrozenSet)
      r = replace_inf(r);
    out += r;
  }
  void comprehensions(ast::Seq<ast::comprehension*> gens) {
    for (auto* g : gens) {
      out += g->is_async ? " async for " : " for ";
      expr(g->target, kTuple);
      out += " in ";
      expr(g->iter, kTest + 1);
      for (auto* c : g->ifs) {
        out += " if ";
        expr(c, kTest + 1);
      }
    }
  }
  void arg(const ast::arg* a) {
    out += a->arg;
    if (a->annotation != nullptr) {
      out += ": ";
      expr(a->annotation, kTest);
    }
  }
  void args(const ast::arguments* a) {
    bool first = true;
    auto sep = [&] {
      if (!first) out += ", ";
      first = false;
    };
    size_t npos = a->posonlyargs.size() + a->args.size();
    size_t ndef = a->defaults.size();
    for (size_t i = 0; i < npos; ++i) {
      sep();
      const ast::arg* p = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
      arg(p);
      if (i + ndef >= npos) {
        out += '=';
        expr(a->defaults[i + ndef - npos], kTest);
      }
      if (i + 1 == a->posonlyargs.size()) out += ", /";
    }
    if (a->vararg != nullptr || !a->kwonlyargs.empty()) {
      sep();
      out += '*';
      if (a->vararg != nullptr) arg(a->vararg);
    }
    for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
      sep();
      arg(a->kwonlyargs[i]);
      if (i < a->kw_defaults.size() && a->kw_defaults[i] != nullptr) {
        out += '=';
        expr(a->kw_defaults[i], kTest);
      }
    }
    if (a->kwarg != nullptr) {
      sep();
      out += "**";
      arg(a->kwarg);
    }
  }
  // The inside of an f-string (without quotes), braces doubled in literals.
  void fstring_body(const ast::expr* e, std::string& body) {
    if (auto* c = ast::dyn_cast<ast::Constant>(const_cast<ast::expr*>(e))) {
      for (char ch : c->value.text) {
        body += ch;
        if (ch == '{' || ch == '}') body += ch;
      }
      return;
    }
    if (auto* j = ast::dyn_cast<ast::JoinedStr>(const_cast<ast::expr*>(e))) {
      for (auto* v : j->values) fstring_body(v, body);
      return;
    }
    auto* f = ast::cast<ast::FormattedValue>(e);
    Unparser inner;
    inner.expr(f->value, kTest + 1);
    body += '{';
    if (!inner.out.empty() && inner.out[0] == '{') body += ' ';
    body += inner.out;
    if (f->conversion > 0) {
      body += '!';
      body += static_cast<char>(f->conversion);
    }
    if (f->format_spec != nullptr) {
      body += ':';
      fstring_body(f->format_spec, body);
    }
    body += '}';
  }
};

const char* binop_text(ast::Operator op, int& prec) {
  using O = ast::Operator;
  switch (op) {
    case O::Add: prec = kArith; return " + ";
    case O::Sub: prec = kArith; return " - ";
    case O::Mult: prec = kTerm; return " * ";
    case O::MatMult: prec = kTerm; return " @ ";
    case O::Div: prec = kTerm; return " / ";
    case O::Mod: prec = kTerm; return " % ";
    case O::LShift: prec = kShift; return " << ";
    case O::RShift: prec = kShift; return " >> ";
    case O::BitOr: prec = kBor; return " | ";
    case O::BitXor: prec = kBxor; return " ^ ";
    case O::BitAnd: prec = kBand; return " & ";
    case O::FloorDiv: prec = kTerm; return " // ";
    case O::Pow: prec = kPower; return " ** ";
  }
  return " ? ";
}

const char* cmpop_text(ast::ComparisonOperator op) {
  using C = ast::ComparisonOperator;
  switch (op) {
    case C::Eq: return " == ";
    case C::NotEq: return " != ";
    case C::Lt: return " < ";
    case C::LtE: return " <= ";
    case C::Gt: return " > ";
    case C::GtE: return " >= ";
    case C::Is: return " is ";
    case C::IsNot: return " is not ";
    case C::In: return " in ";
    case C::NotIn: return " not in ";
  }
  return " ? ";
}

void Unparser::expr(const ast::expr* e0, int level) {
  using K = ast::NodeKind;
  auto* e = const_cast<ast::expr*>(e0);
  switch (e->kind) {
    case K::BoolOp: {
      auto* b = ast::cast<ast::BoolOp>(e);
      int pr = b->op == ast::BooleanOperator::And ? kAnd : kOr;
      open(level > pr);
      for (size_t i = 0; i < b->values.size(); ++i) {
        if (i > 0) out += b->op == ast::BooleanOperator::And ? " and " : " or ";
        expr(b->values[i], pr + 1);
      }
      close(level > pr);
      return;
    }
    case K::BinOp: {
      auto* b = ast::cast<ast::BinOp>(e);
      int pr = 0;
      const char* op = binop_text(b->op, pr);
      int rassoc = b->op == ast::Operator::Pow ? 1 : 0;
      open(level > pr);
      expr(b->left, pr + rassoc);
      out += op;
      expr(b->right, pr + 1 - rassoc);
      close(level > pr);
      return;
    }
    case K::UnaryOp: {
      auto* u = ast::cast<ast::UnaryOp>(e);
      const char* op = "";
      int pr = kFactor;
      switch (u->op) {
        case ast::UnaryOperator::Invert: op = "~"; break;
        case ast::UnaryOperator::Not: op = "not ", pr = kNot; break;
        case ast::UnaryOperator::UAdd: op = "+"; break;
        case ast::UnaryOperator::USub: op = "-"; break;
      }
      open(level > pr);
      out += op;
      expr(u->operand, pr);
      close(level > pr);
      return;
    }
    case K::Lambda: {
      auto* l = ast::cast<ast::Lambda>(e);
      open(level > kTest);
      bool has_args = !l->args->posonlyargs.empty() || !l->args->args.empty() || l->args->vararg ||
                      !l->args->kwonlyargs.empty() || l->args->kwarg;
      out += has_args ? "lambda " : "lambda";
      args(l->args);
      out += ": ";
      expr(l->body, kTest);
      close(level > kTest);
      return;
    }
    case K::IfExp: {
      auto* i = ast::cast<ast::IfExp>(e);
      open(level > kTest);
      expr(i->body, kTest + 1);
      out += " if ";
      expr(i->test, kTest + 1);
      out += " else ";
      expr(i->orelse, kTest);
      close(level > kTest);
      return;
    }
    case K::Dict: {
      auto* d = ast::cast<ast::Dict>(e);
      out += '{';
      for (size_t i = 0; i < d->values.size(); ++i) {
        if (i > 0) out += ", ";
        if (d->keys[i] != nullptr) {
          expr(d->keys[i], kTest);
          out += ": ";
          expr(d->values[i], kTest);
        } else {
          out += "**";
          expr(d->values[i], kExpr);
        }
      }
      out += '}';
      return;
    }
    case K::Set: {
      auto* s = ast::cast<ast::Set>(e);
      if (s->elts.empty()) {
        out += "{*()}";
        return;
      }
      out += '{';
      for (size_t i = 0; i < s->elts.size(); ++i) {
        if (i > 0) out += ", ";
        expr(s->elts[i], kTest);
      }
      out += '}';
      return;
    }
    case K::ListComp: {
      auto* c = ast::cast<ast::ListComp>(e);
      out += '[';
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += ']';
      return;
    }
    case K::SetComp: {
      auto* c = ast::cast<ast::SetComp>(e);
      out += '{';
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += '}';
      return;
    }
    case K::DictComp: {
      auto* c = ast::cast<ast::DictComp>(e);
      out += '{';
      expr(c->key, kTest);
      out += ": ";
      expr(c->value, kTest);
      comprehensions(c->generators);
      out += '}';
      return;
    }
    case K::GeneratorExp: {
      auto* c = ast::cast<ast::GeneratorExp>(e);
      out += '(';
      expr(c->elt, kTest);
      comprehensions(c->generators);
      out += ')';
      return;
    }
    case K::Await: {
      open(level > kAwait);
      out += "await ";
      expr(ast::cast<ast::Await>(e)->value, kAtom);
      close(level > kAwait);
      return;
    }
    case K::Yield: {
      auto* y = ast::cast<ast::Yield>(e);
      if (y->value == nullptr) {
        out += "(yield)";
        return;
      }
      out += "(yield ";
      expr(y->value, kTest);
      out += ')';
      return;
    }
    case K::YieldFrom: {
      out += "(yield from ";
      expr(ast::cast<ast::YieldFrom>(e)->value, kTest);
      out += ')';
      return;
    }
    case K::Compare: {
      auto* c = ast::cast<ast::Compare>(e);
      open(level > kCmp);
      expr(c->left, kCmp + 1);
      for (size_t i = 0; i < c->ops.size(); ++i) {
        out += cmpop_text(c->ops[i]);
        expr(c->comparators[i], kCmp + 1);
      }
      close(level > kCmp);
      return;
    }
    case K::Call: {
      auto* c = ast::cast<ast::Call>(e);
      expr(c->func, kAtom);
      if (c->args.size() == 1 && c->keywords.empty() && ast::is<ast::GeneratorExp>(c->args[0])) {
        expr(c->args[0], kTest);  // the genexp brings its own parentheses
        return;
      }
      out += '(';
      bool first = true;
      for (auto* a : c->args) {
        if (!first) out += ", ";
        first = false;
        expr(a, kTest);
      }
      for (auto* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        if (k->arg.data() == nullptr) {
          out += "**";
        } else {
          out += k->arg;
          out += '=';
        }
        expr(k->value, kTest);
      }
      out += ')';
      return;
    }
    case K::Constant: {
      auto* c = ast::cast<ast::Constant>(e);
      if (c->kind.data() != nullptr && c->kind == "u") out += 'u';
      constant(c->value);
      return;
    }
    case K::JoinedStr:
    case K::FormattedValue: {
      std::string body;
      fstring_body(e, body);
      ast::ConstantValue v;
      v.kind = ast::ConstantKind::Str;
      v.text = body;
      out += 'f';
      out += ast::constant_repr(v);
      return;
    }
    case K::Attribute: {
      auto* a = ast::cast<ast::Attribute>(e);
      expr(a->value, kAtom);
      auto* c = ast::dyn_cast<ast::Constant>(a->value);
      bool int_const = c != nullptr && (c->value.kind == ast::ConstantKind::Int ||
                                        c->value.kind == ast::ConstantKind::BigInt);
      out += int_const ? " ." : ".";
      out += a->attr;
      return;
    }
    case K::Subscript: {
      auto* s = ast::cast<ast::Subscript>(e);
      expr(s->value, kAtom);
      out += '[';
      expr(s->slice, kTuple);
      out += ']';
      return;
    }
    case K::Starred:
      out += '*';
      expr(ast::cast<ast::Starred>(e)->value, kExpr);
      return;
    case K::Name: out += ast::cast<ast::Name>(e)->id; return;
    case K::List: {
      auto* l = ast::cast<ast::List>(e);
      out += '[';
      for (size_t i = 0; i < l->elts.size(); ++i) {
        if (i > 0) out += ", ";
        expr(l->elts[i], kTest);
      }
      out += ']';
      return;
    }
    case K::Tuple: {
      auto* t = ast::cast<ast::Tuple>(e);
      if (t->elts.empty()) {
        out += "()";
        return;
      }
      open(level > kTuple);
      for (size_t i = 0; i < t->elts.size(); ++i) {
        if (i > 0) out += ", ";
        expr(t->elts[i], kTest);
      }
      if (t->elts.size() == 1) out += ',';
      close(level > kTuple);
      return;
    }
    case K::Slice: {
      auto* s = ast::cast<ast::Slice>(e);
      if (s->lower != nullptr) expr(s->lower, kTest);
      out += ':';
      if (s->upper != nullptr) expr(s->upper, kTest);
      if (s->step != nullptr) {
        out += ':';
        expr(s->step, kTest);
      }
      return;
    }
    case K::NamedExpr: {
      auto* n = ast::cast<ast::NamedExpr>(e);
      open(level > kTuple);
      expr(n->target, kAtom);
      out += " := ";
      expr(n->value, kAtom);
      close(level > kTuple);
      return;
    }
    default: out += "<?>"; return;
  }
}

}  // namespace

std::string ast_unparse_annotation(const ast::expr* e) {
  Unparser u;
  u.expr(e, kTest);
  return u.out;
}

}  // namespace spindle::frontend
