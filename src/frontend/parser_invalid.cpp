// The invalid_* rules of the 3.11 grammar: only called in the second pass
// (call_invalid_rules_), they recognize common mistakes and raise CPython's
// specialized SyntaxErrors.
//
// Invariants: each function returns true when one of its alternatives
// matched (CPython then stops trying the rule's other alternatives, whether
// or not the action raised); error_ tells whether it raised. The caller
// restores mark_ and, without an error, goes on with its next alternative.
#include "frontend/parser_impl.h"

namespace spindle::frontend::parser_detail {

namespace {

// Runs `f` with the invalid rules off (CPython's `_without_invalid` rules).
template <class F>
auto without_invalid(Parser& p, F&& f) {
  bool saved = p.call_invalid_rules_;
  p.call_invalid_rules_ = false;
  auto r = f();
  p.call_invalid_rules_ = saved;
  return r;
}

// _PyPegen_get_last_comprehension_item
ast::Node* last_comprehension_item(Seq<ast::comprehension*> comps) {
  ast::comprehension* c = comps.back();
  if (c->ifs.empty()) return c->iter;
  return c->ifs.back();
}

bool is_soft_keyword(const Tok& t) {
  return t.kind == T_NAME && (t.text == "match" || t.text == "case" || t.text == "_");
}

}  // namespace

bool Parser::legacy_stmt_name(const ast::expr* e) {
  if (!ast::is<ast::Name>(e)) return false;
  Str id = ast::cast<ast::Name>(e)->id;
  return id == "print" || id == "exec";
}

// _PyPegen_nonparen_genexp_in_call
bool Parser::nonparen_genexp_in_call(ast::Call* args, Seq<ast::comprehension*> comps) {
  size_t len = args->args.size();
  if (len <= 1) return true;
  raise_range(args->args[len - 1], last_comprehension_item(comps),
              "Generator expression must be parenthesized");
  return true;
}

// _PyPegen_arguments_parsing_error
bool Parser::arguments_parsing_error(ast::Call* a) {
  bool keyword_unpacking = false;
  for (auto* k : a->keywords)
    if (!k->arg.data()) keyword_unpacking = true;
  raise(keyword_unpacking ? "positional argument follows keyword argument unpacking"
                          : "positional argument follows keyword argument");
  return true;
}

// invalid_arguments
bool Parser::invalid_arguments() {
  RULE_ENTER(false);
  int start = mark_;
  // ((','.(starred_expression | ...)+ ',' kwargs) | kwargs) ',' '*': args
  // whose kwargs part matched, i.e. with at least one keyword.
  if (ast::Call* a = args()) {
    if (!a->keywords.empty() && expect(T_COMMA)) {
      if (const Tok* b = expect(T_STAR)) {
        raise_known_tok(b, "iterable argument unpacking follows keyword argument unpacking");
        return true;
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  // expression for_if_clauses ',' [args | expression for_if_clauses]
  {
    ast::expr* a = expression();
    Seq<ast::comprehension*> b;
    if (a && for_if_clauses(b) && expect(T_COMMA)) {
      int m = mark_;
      if (!args() && !error_) {
        mark_ = m;
        Seq<ast::comprehension*> c;
        if (!(expression() && for_if_clauses(c))) mark_ = m;
      }
      if (error_) return false;
      raise_range(a, last_comprehension_item(b), "Generator expression must be parenthesized");
      return true;
    }
    if (error_) return false;
  }
  mark_ = start;
  // NAME '=' expression for_if_clauses
  {
    const Tok* a = expect(T_NAME);
    const Tok* b = a ? expect(T_EQUAL) : nullptr;
    Seq<ast::comprehension*> c;
    if (b && expression() && for_if_clauses(c)) {
      raise_range_tok(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return true;
    }
    if (error_) return false;
  }
  mark_ = start;
  // args for_if_clauses
  {
    ast::Call* a = args();
    Seq<ast::comprehension*> b;
    if (a && for_if_clauses(b)) return nonparen_genexp_in_call(a, b);
    if (error_) return false;
  }
  mark_ = start;
  // args ',' expression for_if_clauses
  if (args() && expect(T_COMMA)) {
    ast::expr* a = expression();
    Seq<ast::comprehension*> b;
    if (a && for_if_clauses(b)) {
      raise_range(a, last_comprehension_item(b), "Generator expression must be parenthesized");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  // args ',' args
  if (ast::Call* a = args()) {
    if (expect(T_COMMA) && args()) return arguments_parsing_error(a);
  }
  mark_ = start;
  return false;
}

// invalid_kwarg
bool Parser::invalid_kwarg() {
  RULE_ENTER(false);
  int start = mark_;
  {
    const Tok& t = peek();
    if (t.kind == K_True || t.kind == K_False || t.kind == K_None) {
      mark_++;
      if (const Tok* b = expect(T_EQUAL)) {
        raise_range_tok(&t, b, "cannot assign to " + std::string(t.text));
        return true;
      }
      mark_ = start;
    }
  }
  {
    const Tok* a = expect(T_NAME);
    const Tok* b = a ? expect(T_EQUAL) : nullptr;
    Seq<ast::comprehension*> c;
    if (b && expression() && for_if_clauses(c)) {
      raise_range_tok(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return true;
    }
    if (error_) return false;
  }
  mark_ = start;
  // !(NAME '=') expression '='
  {
    bool name_eq = expect(T_NAME) && check(T_EQUAL);
    mark_ = start;
    if (!name_eq) {
      ast::expr* a = expression();
      if (a) {
        if (const Tok* b = expect(T_EQUAL)) {
          raise_range_nt(a, b, "expression cannot contain assignment, perhaps you meant \"==\"?");
          return true;
        }
      }
      if (error_) return false;
    }
  }
  mark_ = start;
  return false;
}

// expression_without_invalid
ast::expr* Parser::expression_without_invalid() {
  RULE_ENTER(nullptr);
  return without_invalid(*this, [&]() -> ast::expr* {
    int start = mark_;
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
  });
}

// invalid_legacy_expression: NAME !'(' star_expressions
bool Parser::invalid_legacy_expression() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* n = expect(T_NAME);
  if (!n || check(T_LPAR)) {
    mark_ = start;
    return false;
  }
  ast::expr* b = star_expressions();
  if (!b) {
    mark_ = start;
    return false;
  }
  ast::Name* a = name_from(*n, ast::ExprContext::Load);
  if (legacy_stmt_name(a)) {
    std::string id(a->id);
    raise_range(a, b, "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
  }
  return true;
}

// invalid_expression
bool Parser::invalid_expression() {
  RULE_ENTER(false);
  int start = mark_;
  // !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
  {
    const Tok& t0 = peek();
    bool name_string = false;
    if (t0.kind == T_NAME) {
      mark_++;
      name_string = check(T_STRING);
      mark_ = start;
    }
    if (!name_string && !is_soft_keyword(t0)) {
      ast::expr* a = disjunction();
      if (a) {
        if (ast::expr* b = expression_without_invalid()) {
          if (legacy_stmt_name(a) || toks_[mark_ - 1].level == 0) return true;
          raise_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
          return true;
        }
      }
      if (error_) return false;
    }
  }
  mark_ = start;
  // disjunction 'if' disjunction !('else'|':')
  if (ast::expr* a = disjunction()) {
    if (expect(K_if)) {
      if (ast::expr* b = disjunction()) {
        if (!check(K_else) && !check(T_COLON)) {
          raise_range(a, b, "expected 'else' after 'if' expression");
          return true;
        }
      }
    }
  }
  mark_ = start;
  return false;
}

// invalid_named_expression (memo)
bool Parser::invalid_named_expression() {
  RULE_ENTER(false);
  void* memo;
  if (memo_get(M_invalid_named_expression, memo)) return memo != nullptr;
  int start = mark_;
  bool res = invalid_named_expression_raw();
  if (!res) mark_ = start;
  static char matched;
  memo_put(start, M_invalid_named_expression, res ? &matched : nullptr);
  return res;
}

bool Parser::invalid_named_expression_raw() {
  int start = mark_;
  // expression ':=' expression
  if (ast::expr* a = expression()) {
    if (expect(T_COLONEQUAL) && expression()) {
      raise_known(a, std::string("cannot use assignment expressions with ") + expr_name(a));
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  // NAME '=' bitwise_or !('='|':=')
  if (const Tok* n = expect(T_NAME)) {
    if (expect(T_EQUAL)) {
      if (ast::expr* b = bitwise_or()) {
        if (!check(T_EQUAL) && !check(T_COLONEQUAL)) {
          raise_range_tn(n, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          return true;
        }
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  // !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
  {
    int k = peek_kind();
    bool excluded = k == K_True || k == K_None || k == K_False;
    if (!excluded && (k == T_LSQB || k == T_LPAR)) {
      excluded = list() || (mark_ = start, tuple()) || (mark_ = start, genexp());
      if (error_) return false;
      mark_ = start;
    }
    if (!excluded) {
      ast::expr* a = bitwise_or();
      if (a && expect(T_EQUAL) && bitwise_or() && !check(T_EQUAL) && !check(T_COLONEQUAL)) {
        raise_known(a, std::string("cannot assign to ") + expr_name(a) +
                           " here. Maybe you meant '==' instead of '='?");
        return true;
      }
      if (error_) return false;
    }
  }
  mark_ = start;
  return false;
}

// invalid_assignment
bool Parser::invalid_assignment() {
  RULE_ENTER(false);
  int start = mark_;
  // invalid_ann_assign_target ':' expression
  if (ast::expr* a = invalid_ann_assign_target()) {
    if (expect(T_COLON) && expression()) {
      raise_known(a, std::string("only single target (not ") + expr_name(a) + ") can be annotated");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  // star_named_expression ',' star_named_expressions* ':' expression
  if (ast::expr* a = star_named_expression()) {
    if (expect(T_COMMA)) {
      Seq<ast::expr*> tmp;
      for (;;) {
        int m = mark_;
        if (!star_named_expressions(tmp)) {
          mark_ = m;
          break;
        }
      }
      if (!error_ && expect(T_COLON) && expression()) {
        raise_known(a, "only single target (not tuple) can be annotated");
        return true;
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  // expression ':' expression
  if (ast::expr* a = expression()) {
    if (expect(T_COLON) && expression()) {
      raise_known(a, "illegal target for annotation");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  auto skip_targets = [&]() {
    for (;;) {
      int m = mark_;
      if (star_targets() && expect(T_EQUAL)) continue;
      mark_ = m;
      break;
    }
  };
  // (star_targets '=')* star_expressions '='
  skip_targets();
  if (error_) return false;
  if (ast::expr* a = star_expressions()) {
    if (expect(T_EQUAL)) {
      raise_invalid_target(TargetsType::Star, a);
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  // (star_targets '=')* yield_expr '='
  skip_targets();
  if (error_) return false;
  if (ast::expr* a = yield_expr()) {
    if (expect(T_EQUAL)) {
      raise_known(a, "assignment to yield expression not possible");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  // star_expressions augassign (yield_expr | star_expressions)
  if (ast::expr* a = star_expressions()) {
    ast::Operator op;
    if (augassign(op)) {
      ast::expr* c = yield_expr();
      if (!c && !error_) c = star_expressions();
      if (c) {
        raise_known(a, std::string("'") + expr_name(a) + "' is an illegal expression for augmented assignment");
        return true;
      }
    }
  }
  mark_ = start;
  return false;
}

// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
ast::expr* Parser::invalid_ann_assign_target() {
  RULE_ENTER(nullptr);
  int start = mark_;
  if (ast::expr* a = list()) return a;
  if (error_) return nullptr;
  mark_ = start;
  if (ast::expr* a = tuple()) return a;
  if (error_) return nullptr;
  mark_ = start;
  if (expect(T_LPAR)) {
    if (ast::expr* a = invalid_ann_assign_target()) {
      if (expect(T_RPAR)) return a;
    }
  }
  mark_ = start;
  return nullptr;
}

// invalid_del_stmt: 'del' star_expressions
bool Parser::invalid_del_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  if (expect(K_del)) {
    if (ast::expr* a = star_expressions()) {
      raise_invalid_target(TargetsType::Del, a);
      return true;
    }
  }
  mark_ = start;
  return false;
}

// invalid_block: NEWLINE !INDENT
bool Parser::invalid_block() {
  RULE_ENTER(false);
  int start = mark_;
  if (expect(T_NEWLINE) && !check(T_INDENT)) {
    raise_indent("expected an indented block");
    return true;
  }
  mark_ = start;
  return false;
}

// invalid_comprehension
bool Parser::invalid_comprehension() {
  RULE_ENTER(false);
  int start = mark_;
  int k = peek_kind();
  if (k != T_LSQB && k != T_LPAR && k != T_LBRACE) return false;
  mark_++;
  // ('[' | '(' | '{') starred_expression for_if_clauses
  if (ast::expr* a = starred_expression()) {
    Seq<ast::comprehension*> c;
    if (for_if_clauses(c)) {
      raise_known(a, "iterable unpacking cannot be used in comprehension");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  if (k == T_LPAR) return false;
  mark_++;
  // ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
  if (ast::expr* a = star_named_expression()) {
    int after_a = mark_;
    if (expect(T_COMMA)) {
      Seq<ast::expr*> b;
      Seq<ast::comprehension*> c;
      if (star_named_expressions(b) && for_if_clauses(c)) {
        raise_range(a, b.back(), "did you forget parentheses around the comprehension target?");
        return true;
      }
      if (error_) return false;
    }
    mark_ = after_a;
    // ('[' | '{') star_named_expression ',' for_if_clauses
    if (const Tok* b = expect(T_COMMA)) {
      Seq<ast::comprehension*> c;
      if (for_if_clauses(c)) {
        raise_range_nt(a, b, "did you forget parentheses around the comprehension target?");
        return true;
      }
    }
  }
  mark_ = start;
  return false;
}

// invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
bool Parser::invalid_dict_comprehension() {
  RULE_ENTER(false);
  int start = mark_;
  if (expect(T_LBRACE)) {
    if (const Tok* a = expect(T_DOUBLESTAR)) {
      Seq<ast::comprehension*> c;
      if (bitwise_or() && for_if_clauses(c) && expect(T_RBRACE)) {
        raise_known_tok(a, "dict unpacking cannot be used in dict comprehension");
        return true;
      }
    }
  }
  mark_ = start;
  return false;
}

template <class T, class F>
static bool skip_star(Parser& p, F&& rule) {
  while (T* x = rule()) (void)x;
  return !p.error_;
}

// invalid_parameters and invalid_lambda_parameters. The two differ only in
// the parenthesized-parameters alternative (def: param_no_default+, lambda:
// ','.lambda_param+) and its message.
bool Parser::invalid_parameters(ParamStyle style) {
  RULE_ENTER(false);
  int start = mark_;
  auto pnd = [&] { return param_no_default(style); };
  auto pmd = [&] { return param_maybe_default(style); };
  // param_no_default* invalid_parameters_helper param_no_default
  if (skip_star<ast::arg>(*this, pnd) && invalid_parameters_helper(style)) {
    if (ast::arg* a = param_no_default(style)) {
      raise_known(a, "non-default argument follows default argument");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  // def:    param_no_default* '(' param_no_default+ ','? ')'
  // lambda: lambda_param_no_default* '(' ','.lambda_param+ ','? ')'
  if (skip_star<ast::arg>(*this, pnd)) {
    if (const Tok* a = expect(T_LPAR)) {
      int n = 0;
      if (style == ParamStyle::Def) {
        while (param_no_default(style)) n++;
      } else {
        for (;;) {
          int m = mark_;
          if (!param(style)) {
            mark_ = m;
            if (n > 0) mark_--;
            break;
          }
          n++;
          if (!expect(T_COMMA)) break;
        }
      }
      if (n > 0 && !error_) {
        expect(T_COMMA);
        if (const Tok* b = expect(T_RPAR)) {
          raise_range_tok(a, b, style == ParamStyle::Def
                                    ? "Function parameters cannot be parenthesized"
                                    : "Lambda expression parameters cannot be parenthesized");
          return true;
        }
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  // "/" ','
  if (const Tok* a = expect(T_SLASH)) {
    if (expect(T_COMMA)) {
      raise_known_tok(a, "at least one argument must precede /");
      return true;
    }
  }
  mark_ = start;
  // (slash_no_default | slash_with_default) param_maybe_default* '/'
  {
    Seq<ast::arg*> tmp;
    bool ok = slash_no_default(tmp, style);
    if (!ok && !error_) {
      mark_ = start;
      ok = slash_with_default(style) != nullptr;
    }
    if (ok && skip_star<NameDefault>(*this, pmd)) {
      if (const Tok* a = expect(T_SLASH)) {
        raise_known_tok(a, "/ may appear only once");
        return true;
      }
    }
    if (error_) return false;
  }
  mark_ = start;
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
  //   param_maybe_default* '/'
  {
    Seq<ast::arg*> tmp;
    if (!slash_no_default(tmp, style)) {
      if (error_) return false;
      mark_ = start;
      if (!slash_with_default(style)) {
        if (error_) return false;
        mark_ = start;
      }
    }
    if (skip_star<NameDefault>(*this, pmd) && expect(T_STAR)) {
      if (expect(T_COMMA) || param_no_default(style)) {
        if (skip_star<NameDefault>(*this, pmd)) {
          if (const Tok* a = expect(T_SLASH)) {
            raise_known_tok(a, "/ must be ahead of *");
            return true;
          }
        }
      }
    }
    if (error_) return false;
  }
  mark_ = start;
  // param_maybe_default+ '/' '*'
  {
    int n = 0;
    while (param_maybe_default(style)) n++;
    if (n > 0 && !error_ && expect(T_SLASH)) {
      if (const Tok* a = expect(T_STAR)) {
        raise_known_tok(a, "expected comma between / and *");
        return true;
      }
    }
    if (error_) return false;
  }
  mark_ = start;
  return false;
}

// invalid_default: '=' &(')'|',')
bool Parser::invalid_default() {
  RULE_ENTER(false);
  int start = mark_;
  if (const Tok* a = expect(T_EQUAL)) {
    if (check(T_RPAR) || check(T_COMMA)) {
      raise_known_tok(a, "expected default value expression");
      return true;
    }
  }
  mark_ = start;
  return false;
}

// invalid_star_etc and invalid_lambda_star_etc. Only the bare-'*' error
// differs: def's closer is ')' and the error sits on the '*'; lambda's closer
// is ':' and the error has no known location (the last token).
bool Parser::invalid_star_etc(ParamStyle style) {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect(T_STAR);
  if (!a) return false;
  // '*' (closer | ',' (closer | '**'))
  int closer = style == ParamStyle::Def ? T_RPAR : T_COLON;
  bool bare = check(closer);
  if (!bare && expect(T_COMMA)) bare = check(closer) || check(T_DOUBLESTAR);
  if (bare) {
    mark_++;
    if (style == ParamStyle::Def) {
      raise_known_tok(a, "named arguments must follow bare *");
    } else {
      raise("named arguments must follow bare *");
    }
    return true;
  }
  mark_ = start + 1;
  // '*' param '='
  if (param(style)) {
    if (const Tok* b = expect(T_EQUAL)) {
      raise_known_tok(b, "var-positional argument cannot have default value");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start + 1;
  // '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
  if (param_no_default(style) || expect(T_COMMA)) {
    auto pmd = [&] { return param_maybe_default(style); };
    if (skip_star<NameDefault>(*this, pmd)) {
      if (const Tok* b = expect(T_STAR)) {
        if (param_no_default(style) || expect(T_COMMA)) {
          raise_known_tok(b, "* argument may appear only once");
          return true;
        }
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_kwds and invalid_lambda_kwds:
//   '**' param '=' | '**' param ',' param | '**' param ',' ('*'|'**'|'/')
bool Parser::invalid_kwds(ParamStyle style) {
  RULE_ENTER(false);
  int start = mark_;
  if (!expect(T_DOUBLESTAR)) return false;
  if (param(style)) {
    int m = mark_;
    if (const Tok* a = expect(T_EQUAL)) {
      raise_known_tok(a, "var-keyword argument cannot have default value");
      return true;
    }
    mark_ = m;
    if (expect(T_COMMA)) {
      int m2 = mark_;
      if (ast::arg* a = param(style)) {
        raise_known(a, "arguments cannot follow var-keyword argument");
        return true;
      }
      if (error_) return false;
      mark_ = m2;
      const Tok& t = peek();
      if (t.kind == T_STAR || t.kind == T_DOUBLESTAR || t.kind == T_SLASH) {
        mark_++;
        raise_known_tok(&t, "arguments cannot follow var-keyword argument");
        return true;
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_parameters_helper and invalid_lambda_parameters_helper:
//   slash_with_default | param_with_default+
bool Parser::invalid_parameters_helper(ParamStyle style) {
  RULE_ENTER(false);
  int start = mark_;
  if (slash_with_default(style)) return true;
  if (error_) return false;
  mark_ = start;
  int n = 0;
  while (param_with_default(style)) n++;
  if (error_) return false;
  if (n == 0) mark_ = start;
  return n > 0;
}

bool Parser::invalid_double_type_comments() { return false; }

// invalid_with_item: expression 'as' expression &(',' | ')' | ':')
bool Parser::invalid_with_item() {
  RULE_ENTER(false);
  int start = mark_;
  if (expression() && expect(K_as)) {
    if (ast::expr* a = expression()) {
      int k = peek_kind();
      if (k == T_COMMA || k == T_RPAR || k == T_COLON) {
        raise_invalid_target(TargetsType::Star, a);
        return true;
      }
    }
  }
  mark_ = start;
  return false;
}

// invalid_for_target: ASYNC? 'for' star_expressions
bool Parser::invalid_for_target() {
  RULE_ENTER(false);
  int start = mark_;
  expect(K_async);
  if (expect(K_for)) {
    if (ast::expr* a = star_expressions()) {
      raise_invalid_target(TargetsType::For, a);
      return true;
    }
  }
  mark_ = start;
  return false;
}

// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
bool Parser::invalid_group() {
  RULE_ENTER(false);
  int start = mark_;
  if (!expect(T_LPAR)) return false;
  if (ast::expr* a = starred_expression()) {
    if (expect(T_RPAR)) {
      raise_known(a, "cannot use starred expression here");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start + 1;
  if (const Tok* a = expect(T_DOUBLESTAR)) {
    if (expression() && expect(T_RPAR)) {
      raise_known_tok(a, "cannot use double starred expression here");
      return true;
    }
  }
  mark_ = start;
  return false;
}

// invalid_import_from_targets: import_from_as_names ',' NEWLINE
bool Parser::invalid_import_from_targets() {
  RULE_ENTER(false);
  int start = mark_;
  Seq<ast::alias*> names;
  if (import_from_as_names(names) && expect(T_COMMA) && expect(T_NEWLINE)) {
    raise("trailing comma not allowed without surrounding parentheses");
    return true;
  }
  mark_ = start;
  return false;
}

namespace {

// ','.(expression ['as' star_target])+  (or `expressions` when parenthesized)
bool with_items_loose(Parser& p, bool parenthesized) {
  int n = 0;
  for (;;) {
    int m = p.mark_;
    ast::expr* e = parenthesized ? p.expressions() : p.expression();
    if (!e) {
      p.mark_ = m;
      if (n > 0) p.mark_--;
      break;
    }
    int m2 = p.mark_;
    if (p.expect(K_as)) {
      if (!p.star_target()) p.mark_ = m2;
    }
    n++;
    if (!p.expect(T_COMMA)) break;
  }
  return n > 0 && !p.error_;
}

}  // namespace

// invalid_with_stmt
bool Parser::invalid_with_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  expect(K_async);
  if (!expect(K_with)) {
    mark_ = start;
    return false;
  }
  int after_with = mark_;
  if (with_items_loose(*this, false) && expect(T_NEWLINE)) {
    raise("expected ':'");
    return true;
  }
  if (error_) return false;
  mark_ = after_with;
  if (expect(T_LPAR) && with_items_loose(*this, true)) {
    expect(T_COMMA);
    if (expect(T_RPAR) && expect(T_NEWLINE)) {
      raise("expected ':'");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_with_stmt_indent
bool Parser::invalid_with_stmt_indent() {
  RULE_ENTER(false);
  int start = mark_;
  expect(K_async);
  const Tok* a = expect(K_with);
  if (!a) {
    mark_ = start;
    return false;
  }
  int after_with = mark_;
  auto fail_indent = [&]() {
    raise_indent("expected an indented block after 'with' statement on line " + std::to_string(a->lineno));
    return true;
  };
  if (with_items_loose(*this, false) && expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT))
    return fail_indent();
  if (error_) return false;
  mark_ = after_with;
  if (expect(T_LPAR) && with_items_loose(*this, true)) {
    expect(T_COMMA);
    if (expect(T_RPAR) && expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) return fail_indent();
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_try_stmt
bool Parser::invalid_try_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect(K_try);
  if (!a) return false;
  if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
    raise_indent("expected an indented block after 'try' statement on line " + std::to_string(a->lineno));
    return true;
  }
  if (error_) return false;
  mark_ = start + 1;
  Seq<ast::stmt*> b;
  if (expect(T_COLON) && block(b) && !check(K_except) && !check(K_finally)) {
    raise("expected 'except' or 'finally' block");
    return true;
  }
  if (error_) return false;
  // 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
  // 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
  for (int star_first = 0; star_first < 2; star_first++) {
    mark_ = start + 1;
    if (!expect(T_COLON)) break;
    while (block(b)) {
    }
    if (error_) return false;
    int n = 0;
    while (star_first ? except_star_block() != nullptr : except_block() != nullptr) n++;
    if (error_) return false;
    if (n == 0) continue;
    const Tok* e = expect(K_except);
    if (!e) continue;
    if (!star_first) {
      const Tok* st = expect(T_STAR);
      if (st && expression()) {
        int m = mark_;
        if (expect(K_as) && !expect(T_NAME)) mark_ = m;
        if (expect(T_COLON)) {
          raise_range_tok(e, st, "cannot have both 'except' and 'except*' on the same 'try'");
          return true;
        }
      }
    } else {
      int m = mark_;
      if (expression()) {
        int m2 = mark_;
        if (expect(K_as) && !expect(T_NAME)) mark_ = m2;
      } else {
        mark_ = m;
      }
      if (expect(T_COLON)) {
        raise_known_tok(e, "cannot have both 'except' and 'except*' on the same 'try'");
        return true;
      }
    }
    if (error_) return false;
  }
  mark_ = start;
  return false;
}

// invalid_except_stmt
bool Parser::invalid_except_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  if (!expect(K_except)) return false;
  // 'except' '*'? expression ',' expressions ['as' NAME] ':'
  expect(T_STAR);
  if (ast::expr* a = expression()) {
    if (expect(T_COMMA) && expressions()) {
      int m = mark_;
      if (expect(K_as) && !expect(T_NAME)) mark_ = m;
      if (expect(T_COLON)) {
        raise_starting_from(a, "multiple exception types must be parenthesized");
        return true;
      }
    }
  }
  if (error_) return false;
  mark_ = start + 1;
  // 'except' '*'? expression ['as' NAME] NEWLINE
  expect(T_STAR);
  if (expression()) {
    int m = mark_;
    if (expect(K_as) && !expect(T_NAME)) mark_ = m;
    if (expect(T_NEWLINE)) {
      raise("expected ':'");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start + 1;
  if (expect(T_NEWLINE)) {
    raise("expected ':'");
    return true;
  }
  if (expect(T_STAR) && (expect(T_NEWLINE) || expect(T_COLON))) {
    raise("expected one or more exception types");
    return true;
  }
  mark_ = start;
  return false;
}

// invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT
bool Parser::invalid_finally_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect(K_finally);
  if (a && expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
    raise_indent("expected an indented block after 'finally' statement on line " + std::to_string(a->lineno));
    return true;
  }
  mark_ = start;
  return false;
}

// invalid_except_stmt_indent
bool Parser::invalid_except_stmt_indent() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect(K_except);
  if (!a) return false;
  if (expression()) {
    int m = mark_;
    if (expect(K_as) && !expect(T_NAME)) mark_ = m;
    if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
      raise_indent("expected an indented block after 'except' statement on line " + std::to_string(a->lineno));
      return true;
    }
  }
  if (error_) return false;
  mark_ = start + 1;
  if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
    raise_indent("expected an indented block after 'except' statement on line " + std::to_string(a->lineno));
    return true;
  }
  mark_ = start;
  return false;
}

// invalid_except_star_stmt_indent
bool Parser::invalid_except_star_stmt_indent() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect(K_except);
  if (a && expect(T_STAR) && expression()) {
    int m = mark_;
    if (expect(K_as) && !expect(T_NAME)) mark_ = m;
    if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
      raise_indent("expected an indented block after 'except*' statement on line " + std::to_string(a->lineno));
      return true;
    }
  }
  mark_ = start;
  return false;
}

// invalid_match_stmt
bool Parser::invalid_match_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect_soft("match");
  if (!a) return false;
  if (subject_expr()) {
    int m = mark_;
    if (expect(T_NEWLINE)) {
      raise("expected ':'");
      return true;
    }
    mark_ = m;
    if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
      raise_indent("expected an indented block after 'match' statement on line " + std::to_string(a->lineno));
      return true;
    }
  }
  mark_ = start;
  return false;
}

// invalid_case_block
bool Parser::invalid_case_block() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect_soft("case");
  if (!a) return false;
  if (patterns()) {
    int m = mark_;
    if (!guard()) {
      if (error_) return false;
      mark_ = m;
    }
    int m2 = mark_;
    if (expect(T_NEWLINE)) {
      raise("expected ':'");
      return true;
    }
    mark_ = m2;
    if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
      raise_indent("expected an indented block after 'case' statement on line " + std::to_string(a->lineno));
      return true;
    }
  }
  mark_ = start;
  return false;
}

// invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression
bool Parser::invalid_as_pattern() {
  RULE_ENTER(false);
  int start = mark_;
  if (or_pattern() && expect(K_as)) {
    int m = mark_;
    if (const Tok* a = expect_soft("_")) {
      raise_known_tok(a, "cannot use '_' as a target");
      return true;
    }
    mark_ = m;
    if (!check(T_NAME)) {
      if (ast::expr* a = expression()) {
        raise_known(a, "invalid pattern target");
        return true;
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern
bool Parser::invalid_class_pattern() {
  RULE_ENTER(false);
  int start = mark_;
  if (name_or_attr() && expect(T_LPAR)) {
    Seq<ast::pattern*> a;
    if (invalid_class_argument_pattern(a)) {
      raise_range(a.front(), a.back(), "positional patterns follow keyword patterns");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' positional_patterns
bool Parser::invalid_class_argument_pattern(Seq<ast::pattern*>& out) {
  RULE_ENTER(false);
  int start = mark_;
  Seq<ast::pattern*> tmp;
  if (!(positional_patterns(tmp) && expect(T_COMMA))) {
    if (error_) return false;
    mark_ = start;
  }
  Seq<KeyPattern*> kws;
  if (keyword_patterns(kws) && expect(T_COMMA) && positional_patterns(out)) return true;
  mark_ = start;
  return false;
}

namespace {

// 'kw' named_expression NEWLINE -> "expected ':'";
// 'kw' named_expression ':' NEWLINE !INDENT -> IndentationError.
bool invalid_simple_compound(Parser& p, int kw, const char* what) {
  int start = p.mark_;
  const Tok* a = p.expect(kw);
  if (!a) return false;
  if (p.named_expression()) {
    int m = p.mark_;
    if (p.expect(T_NEWLINE)) {
      p.raise("expected ':'");
      return true;
    }
    p.mark_ = m;
    if (p.expect(T_COLON) && p.expect(T_NEWLINE) && !p.check(T_INDENT)) {
      p.raise_indent(std::string("expected an indented block after '") + what + "' statement on line " +
                     std::to_string(a->lineno));
      return true;
    }
  }
  if (p.error_) return false;
  p.mark_ = start;
  return false;
}

}  // namespace

bool Parser::invalid_if_stmt() {
  RULE_ENTER(false);
  return invalid_simple_compound(*this, K_if, "if");
}
bool Parser::invalid_elif_stmt() {
  RULE_ENTER(false);
  return invalid_simple_compound(*this, K_elif, "elif");
}
bool Parser::invalid_while_stmt() {
  RULE_ENTER(false);
  return invalid_simple_compound(*this, K_while, "while");
}

// invalid_else_stmt: 'else' ':' NEWLINE !INDENT
bool Parser::invalid_else_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect(K_else);
  if (a && expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
    raise_indent("expected an indented block after 'else' statement on line " + std::to_string(a->lineno));
    return true;
  }
  mark_ = start;
  return false;
}

// invalid_for_stmt
bool Parser::invalid_for_stmt() {
  RULE_ENTER(false);
  int start = mark_;
  expect(K_async);
  const Tok* a = expect(K_for);
  if (a && star_targets() && expect(K_in) && star_expressions()) {
    int m = mark_;
    if (expect(T_NEWLINE)) {
      raise("expected ':'");
      return true;
    }
    mark_ = m;
    if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
      raise_indent("expected an indented block after 'for' statement on line " + std::to_string(a->lineno));
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
bool Parser::invalid_def_raw() {
  RULE_ENTER(false);
  int start = mark_;
  expect(K_async);
  const Tok* a = expect(K_def);
  if (a && expect(T_NAME) && expect(T_LPAR)) {
    int m = mark_;
    if (!params(ParamStyle::Def)) {
      if (error_) return false;
      mark_ = m;
    }
    if (expect(T_RPAR)) {
      int m2 = mark_;
      if (!(expect(T_RARROW) && expression())) {
        if (error_) return false;
        mark_ = m2;
      }
      if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
        raise_indent("expected an indented block after function definition on line " +
                     std::to_string(a->lineno));
        return true;
      }
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_class_def_raw
bool Parser::invalid_class_def_raw() {
  RULE_ENTER(false);
  int start = mark_;
  const Tok* a = expect(K_class);
  if (a && expect(T_NAME)) {
    int m = mark_;
    if (expect(T_LPAR)) {
      int m2 = mark_;
      if (!arguments()) {
        if (error_) return false;
        mark_ = m2;
      }
      if (!expect(T_RPAR)) mark_ = m;
    }
    int m3 = mark_;
    if (expect(T_NEWLINE)) {
      raise("expected ':'");
      return true;
    }
    mark_ = m3;
    if (expect(T_COLON) && expect(T_NEWLINE) && !check(T_INDENT)) {
      raise_indent("expected an indented block after class definition on line " + std::to_string(a->lineno));
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_double_starred_kvpairs (after '{')
bool Parser::invalid_double_starred_kvpairs() {
  RULE_ENTER(false);
  int start = mark_;
  // ','.double_starred_kvpair+ ',' invalid_kvpair
  {
    int n = 0;
    for (;;) {
      int m = mark_;
      if (!double_starred_kvpair()) {
        mark_ = m;
        if (n > 0) mark_--;
        break;
      }
      n++;
      if (!expect(T_COMMA)) break;
    }
    if (error_) return false;
    if (n > 0 && expect(T_COMMA)) {
      if (invalid_kvpair()) return true;
      if (error_) return false;
    }
  }
  mark_ = start;
  // expression ':' '*' bitwise_or
  if (expression() && expect(T_COLON)) {
    int m = mark_;
    if (const Tok* a = expect(T_STAR)) {
      if (bitwise_or()) {
        raise_starting_from_tok(a, "cannot use a starred expression in a dictionary value");
        return true;
      }
    }
    if (error_) return false;
    mark_ = m;
    // expression ':' &('}'|',')
    if (check(T_RBRACE) || check(T_COMMA)) {
      const Tok& c = toks_[mark_ - 1];
      raise_known_tok(&c, "expression expected after dictionary key and ':'");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

// invalid_kvpair
bool Parser::invalid_kvpair() {
  RULE_ENTER(false);
  int start = mark_;
  if (ast::expr* a = expression()) {
    if (!check(T_COLON)) {
      raise_at("SyntaxError", "':' expected after dictionary key", a->lineno, a->end_col_offset - 1,
               a->end_lineno, -1);
      return true;
    }
    mark_++;
    int m = mark_;
    if (const Tok* s = expect(T_STAR)) {
      if (bitwise_or()) {
        raise_starting_from_tok(s, "cannot use a starred expression in a dictionary value");
        return true;
      }
    }
    if (error_) return false;
    mark_ = m;
    if (check(T_RBRACE) || check(T_COMMA)) {
      const Tok& c = toks_[mark_ - 1];
      raise_known_tok(&c, "expression expected after dictionary key and ':'");
      return true;
    }
  }
  if (error_) return false;
  mark_ = start;
  return false;
}

}  // namespace spindle::frontend::parser_detail
