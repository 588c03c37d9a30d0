// Symbol table construction and name analysis (see symtable.h).
//
// The collection pass mirrors the evaluation structure of the code the
// compiler will emit: defaults, annotations and decorators of a function are
// visited in the enclosing scope, the body in the function's own; the first
// iterable of a comprehension in the enclosing scope, the rest inside. The
// analysis pass follows CPython's analyze_block: a class body's bindings are
// invisible to nested scopes, free variables of children flow upwards and
// turn the enclosing function's locals into cells, and a name free in a
// method that the class itself binds gets kDefFreeClass (so the class body
// looks it up in its namespace first).
#include "frontend/symtable.h"

#include <pthread.h>

#include <unordered_set>

#include "vm/code.h"

namespace spindle::frontend {

uintptr_t stack_floor() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  if (rc != 0 || addr == nullptr) return 0;
  return reinterpret_cast<uintptr_t>(addr) + 256 * 1024;
}

std::string mangle(std::string_view class_name, std::string_view name) {
  if (class_name.data() == nullptr || name.size() < 2 || name[0] != '_' || name[1] != '_')
    return std::string(name);
  if ((name.size() >= 2 && name.ends_with("__")) || name.find('.') != std::string_view::npos)
    return std::string(name);
  size_t skip = 0;
  while (skip < class_name.size() && class_name[skip] == '_') ++skip;
  if (skip == class_name.size()) return std::string(name);
  std::string out = "_";
  out += class_name.substr(skip);
  out += name;
  return out;
}

using NameSet = std::unordered_set<std::string>;

// Counts the recursion depth of a visit (see kMaxCompileDepth).
struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
};

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& st, CompileError& err, uintptr_t floor)
      : st_(st), err_(err), floor_(floor != 0 ? floor : stack_floor()) {}

  bool build(ast::mod* m);

 private:
  // --- collection -----------------------------------------------------------
  Scope* enter(BlockType type, std::string name, const ast::Node* node, int lineno, int col);
  void exit();
  bool fail(const std::string& msg, const ast::Node* at) {
    return fail_at(msg, at->lineno, at->col_offset, at->end_lineno, at->end_col_offset);
  }
  bool fail_at(const std::string& msg, int line, int col, int end_line, int end_col) {
    err_.msg = msg;
    err_.lineno = line;
    err_.col = col;
    err_.end_lineno = end_line;
    err_.end_col = end_col;
    return false;
  }
  std::string mangled(std::string_view name) const { return mangle(private_, name); }
  uint32_t lookup(std::string_view name) const { return cur_->flags_of(mangled(name)); }
  bool add_def(std::string_view name, uint32_t flag, const ast::Node* at) {
    return add_def_in(cur_, name, flag, at);
  }
  bool add_def_in(Scope* s, std::string_view name, uint32_t flag, const ast::Node* at);
  void record_directive(std::string_view name, const ast::Node* at) {
    cur_->directives.push_back(
        {mangled(name), at->lineno, at->col_offset, at->end_lineno, at->end_col_offset});
  }

  bool visit_stmt(ast::stmt* s);
  bool visit_stmt_inner(ast::stmt* s);
  bool visit_expr(ast::expr* e);
  bool visit_expr_inner(ast::expr* e);
  bool visit_pattern_inner(ast::pattern* p);
  bool visit_stmts(ast::Seq<ast::stmt*> body) {
    for (auto* s : body)
      if (!visit_stmt(s)) return false;
    return true;
  }
  bool visit_exprs(ast::Seq<ast::expr*> es) {
    for (auto* e : es)
      if (e != nullptr && !visit_expr(e)) return false;
    return true;
  }
  bool visit_arguments(ast::arguments* a);
  bool visit_params(ast::Seq<ast::arg*> args);
  bool visit_annotation(ast::expr* e);
  bool visit_arg_annotations(ast::arguments* a, ast::expr* returns);
  bool visit_pattern(ast::pattern* p);
  bool visit_comprehension(ast::expr* e, ast::Seq<ast::comprehension*> gens, ast::expr* elt,
                           ast::expr* value, const char* name, ComprehensionKind kind);
  bool handle_namedexpr(ast::NamedExpr* e);
  bool extend_namedexpr_scope(ast::expr* target);
  bool raise_if_annotation(const char* what, ast::expr* e);

  // --- analysis -------------------------------------------------------------
  bool analyze_block(Scope* s, const NameSet* bound, NameSet& free, const NameSet& global);
  bool analyze_name(Scope* s, const std::string& name, Symbol& sym, const NameSet* bound,
                    NameSet& local, NameSet& free, const NameSet& global, NameSet& global_out);
  bool error_at_directive(Scope* s, const std::string& name, const std::string& msg);

  SymbolTable& st_;
  CompileError& err_;
  Scope* cur_ = nullptr;
  Scope* module_ = nullptr;
  std::vector<Scope*> stack_;
  std::string_view private_;  // enclosing class name, for mangling (null data = none)
  bool in_annotation_ = false;
  int depth_ = 0;
  uintptr_t floor_;
};

// ---------------------------------------------------------------------------
// Collection
// ---------------------------------------------------------------------------

Scope* SymtableBuilder::enter(BlockType type, std::string name, const ast::Node* node, int lineno,
                              int col) {
  auto owned = std::make_unique<Scope>();
  Scope* s = owned.get();
  st_.scopes_.push_back(std::move(owned));
  s->type = type;
  s->name = std::move(name);
  s->node = node;
  s->lineno = lineno;
  s->col_offset = col;
  s->parent = cur_;
  if (cur_ != nullptr) {
    if (cur_->nested || cur_->type == BlockType::Function) s->nested = true;
    if (type != BlockType::Annotation) cur_->children.push_back(s);
    if (type == BlockType::Function && cur_->type == BlockType::Class) s->is_method = true;
  }
  if (type != BlockType::Annotation && node != nullptr) st_.by_node_[node] = s;
  stack_.push_back(s);
  cur_ = s;
  return s;
}

void SymtableBuilder::exit() {
  stack_.pop_back();
  cur_ = stack_.empty() ? nullptr : stack_.back();
}

bool SymtableBuilder::add_def_in(Scope* s, std::string_view name, uint32_t flag,
                                 const ast::Node* at) {
  std::string m = mangled(name);
  auto [it, inserted] = s->symbols.try_emplace(m);
  if (inserted) s->symbol_order.push_back(m);
  uint32_t val = it->second.flags;
  if ((flag & kDefParam) && (val & kDefParam))
    return fail("duplicate argument '" + m + "' in function definition", at);
  val |= flag;
  if (s->comp_iter_target) {
    // An iteration variable must not rebind a walrus target of the same
    // comprehension (those were declared global/nonlocal here).
    if (val & (kDefGlobal | kDefNonlocal))
      return fail("comprehension inner loop cannot rebind assignment expression target '" + m + "'",
                  at);
    val |= kDefCompIter;
  }
  it->second.flags = val;
  if (flag & kDefParam) {
    s->varnames.push_back(m);
  } else if (flag & kDefGlobal) {
    auto [git, ginserted] = module_->symbols.try_emplace(m);
    if (ginserted) module_->symbol_order.push_back(m);
    git->second.flags |= flag;
  }
  return true;
}

bool SymtableBuilder::build(ast::mod* m) {
  module_ = enter(BlockType::Module, "<module>", m, 0, 0);
  st_.top_ = module_;
  bool ok = true;
  switch (m->kind) {
    case ast::NodeKind::Module: ok = visit_stmts(ast::cast<ast::Module>(m)->body); break;
    case ast::NodeKind::Interactive: ok = visit_stmts(ast::cast<ast::Interactive>(m)->body); break;
    case ast::NodeKind::Expression: ok = visit_expr(ast::cast<ast::Expression>(m)->body); break;
    default: return fail_at("unsupported module kind", 1, 0, 1, -1);
  }
  if (!ok) return false;
  exit();
  NameSet free, global;
  return analyze_block(module_, nullptr, free, global);
}

bool SymtableBuilder::visit_arg_annotations(ast::arguments* a, ast::expr* returns) {
  // Visited in the enclosing scope (annotations are evaluated at def time).
  auto one = [&](ast::arg* p) { return p == nullptr || p->annotation == nullptr || visit_annotation(p->annotation); };
  for (auto* p : a->posonlyargs)
    if (!one(p)) return false;
  for (auto* p : a->args)
    if (!one(p)) return false;
  if (!one(a->vararg)) return false;
  for (auto* p : a->kwonlyargs)
    if (!one(p)) return false;
  if (!one(a->kwarg)) return false;
  if (returns != nullptr && !visit_annotation(returns)) return false;
  return true;
}

bool SymtableBuilder::visit_annotation(ast::expr* e) {
  if (!(st_.future_flags & vm::CO_FUTURE_ANNOTATIONS)) return visit_expr(e);
  // Stringified annotations are never evaluated: a throwaway scope catches
  // the constructs that would be errors in one without touching real names.
  enter(BlockType::Annotation, "_annotation", e, e->lineno, e->col_offset);
  bool saved = in_annotation_;
  in_annotation_ = true;
  bool ok = visit_expr(e);
  in_annotation_ = saved;
  exit();
  return ok;
}

bool SymtableBuilder::raise_if_annotation(const char* what, ast::expr* e) {
  if (cur_->type != BlockType::Annotation) return true;
  return fail(std::string("'") + what + "' can not be used within an annotation", e);
}

bool SymtableBuilder::visit_params(ast::Seq<ast::arg*> args) {
  for (auto* a : args)
    if (!add_def(a->arg, kDefParam, a)) return false;
  return true;
}

bool SymtableBuilder::visit_arguments(ast::arguments* a) {
  if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs))
    return false;
  if (a->vararg != nullptr) {
    if (!add_def(a->vararg->arg, kDefParam, a->vararg)) return false;
    cur_->varargs = true;
  }
  if (a->kwarg != nullptr) {
    if (!add_def(a->kwarg->arg, kDefParam, a->kwarg)) return false;
    cur_->varkeywords = true;
  }
  return true;
}

bool SymtableBuilder::visit_stmt(ast::stmt* s) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxCompileDepth || stack_exhausted(floor_)) {
    set_recursion_error(err_);
    return false;
  }
  return visit_stmt_inner(s);
}

bool SymtableBuilder::visit_stmt_inner(ast::stmt* s) {
  using K = ast::NodeKind;
  switch (s->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef: {
      bool is_async = s->kind == K::AsyncFunctionDef;
      ast::Str name;
      ast::arguments* args;
      ast::Seq<ast::stmt*> body;
      ast::Seq<ast::expr*> decos;
      ast::expr* returns;
      if (is_async) {
        auto* f = ast::cast<ast::AsyncFunctionDef>(s);
        name = f->name, args = f->args, body = f->body, decos = f->decorator_list, returns = f->returns;
      } else {
        auto* f = ast::cast<ast::FunctionDef>(s);
        name = f->name, args = f->args, body = f->body, decos = f->decorator_list, returns = f->returns;
      }
      if (!add_def(name, kDefLocal, s)) return false;
      if (!visit_exprs(args->defaults) || !visit_exprs(args->kw_defaults)) return false;
      if (!visit_arg_annotations(args, returns)) return false;
      if (!visit_exprs(decos)) return false;
      Scope* f = enter(BlockType::Function, std::string(name), s, s->lineno, s->col_offset);
      if (is_async) f->coroutine = true;
      if (!visit_arguments(args) || !visit_stmts(body)) return false;
      exit();
      return true;
    }
    case K::ClassDef: {
      auto* c = ast::cast<ast::ClassDef>(s);
      if (!add_def(c->name, kDefLocal, s)) return false;
      if (!visit_exprs(c->bases)) return false;
      for (auto* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      if (!visit_exprs(c->decorator_list)) return false;
      enter(BlockType::Class, std::string(c->name), s, s->lineno, s->col_offset);
      std::string_view saved = private_;
      private_ = c->name;
      bool ok = visit_stmts(c->body);
      private_ = saved;
      if (!ok) return false;
      exit();
      return true;
    }
    case K::Return: {
      auto* r = ast::cast<ast::Return>(s);
      if (r->value != nullptr) {
        if (!visit_expr(r->value)) return false;
        cur_->returns_value = true;
      }
      return true;
    }
    case K::Delete: return visit_exprs(ast::cast<ast::Delete>(s)->targets);
    case K::Assign: {
      auto* a = ast::cast<ast::Assign>(s);
      return visit_exprs(a->targets) && visit_expr(a->value);
    }
    case K::AnnAssign: {
      auto* a = ast::cast<ast::AnnAssign>(s);
      if (auto* n = ast::dyn_cast<ast::Name>(a->target)) {
        uint32_t cur = lookup(n->id);
        if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != module_ && a->simple) {
          return fail(std::string("annotated name '") + std::string(n->id) + "' can't be " +
                          ((cur & kDefGlobal) ? "global" : "nonlocal"),
                      s);
        }
        if (a->simple) {
          if (!add_def(n->id, kDefAnnot | kDefLocal, n)) return false;
        } else if (a->value != nullptr) {
          if (!add_def(n->id, kDefLocal, n)) return false;
        }
      } else if (!visit_expr(a->target)) {
        return false;
      }
      if (!visit_annotation(a->annotation)) return false;
      return a->value == nullptr || visit_expr(a->value);
    }
    case K::AugAssign: {
      auto* a = ast::cast<ast::AugAssign>(s);
      return visit_expr(a->target) && visit_expr(a->value);
    }
    case K::For:
    case K::AsyncFor: {
      ast::expr *target, *iter;
      ast::Seq<ast::stmt*> body, orelse;
      if (s->kind == K::For) {
        auto* f = ast::cast<ast::For>(s);
        target = f->target, iter = f->iter, body = f->body, orelse = f->orelse;
      } else {
        auto* f = ast::cast<ast::AsyncFor>(s);
        target = f->target, iter = f->iter, body = f->body, orelse = f->orelse;
      }
      return visit_expr(target) && visit_expr(iter) && visit_stmts(body) && visit_stmts(orelse);
    }
    case K::While: {
      auto* w = ast::cast<ast::While>(s);
      return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
    }
    case K::If: {
      auto* w = ast::cast<ast::If>(s);
      return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
    }
    case K::Match: {
      auto* m = ast::cast<ast::Match>(s);
      if (!visit_expr(m->subject)) return false;
      for (auto* c : m->cases) {
        if (!visit_pattern(c->pattern)) return false;
        if (c->guard != nullptr && !visit_expr(c->guard)) return false;
        if (!visit_stmts(c->body)) return false;
      }
      return true;
    }
    case K::Raise: {
      auto* r = ast::cast<ast::Raise>(s);
      if (r->exc != nullptr && !visit_expr(r->exc)) return false;
      return r->cause == nullptr || visit_expr(r->cause);
    }
    case K::Try:
    case K::TryStar: {
      ast::Seq<ast::stmt*> body, orelse, finalbody;
      ast::Seq<ast::excepthandler*> handlers;
      if (s->kind == K::Try) {
        auto* t = ast::cast<ast::Try>(s);
        body = t->body, handlers = t->handlers, orelse = t->orelse, finalbody = t->finalbody;
      } else {
        auto* t = ast::cast<ast::TryStar>(s);
        body = t->body, handlers = t->handlers, orelse = t->orelse, finalbody = t->finalbody;
      }
      if (!visit_stmts(body) || !visit_stmts(orelse)) return false;
      for (auto* h0 : handlers) {
        auto* h = ast::cast<ast::ExceptHandler>(h0);
        if (h->type != nullptr && !visit_expr(h->type)) return false;
        if (h->name.data() != nullptr && !add_def(h->name, kDefLocal, h)) return false;
        if (!visit_stmts(h->body)) return false;
      }
      return visit_stmts(finalbody);
    }
    case K::Assert: {
      auto* a = ast::cast<ast::Assert>(s);
      return visit_expr(a->test) && (a->msg == nullptr || visit_expr(a->msg));
    }
    case K::Import:
    case K::ImportFrom: {
      auto names = s->kind == K::Import ? ast::cast<ast::Import>(s)->names
                                        : ast::cast<ast::ImportFrom>(s)->names;
      for (auto* a : names) {
        if (a->name == "*") {
          if (cur_->type != BlockType::Module)
            return fail("import * only allowed at module level", a);
          continue;
        }
        ast::Str store = a->asname.data() != nullptr ? a->asname : a->name;
        if (a->asname.data() == nullptr) {
          size_t dot = store.find('.');
          if (dot != ast::Str::npos) store = store.substr(0, dot);
        }
        if (!add_def(store, kDefImport, a)) return false;
      }
      return true;
    }
    case K::Global:
    case K::Nonlocal: {
      bool global = s->kind == K::Global;
      auto names = global ? ast::cast<ast::Global>(s)->names : ast::cast<ast::Nonlocal>(s)->names;
      const char* kind = global ? "global" : "nonlocal";
      for (ast::Str name : names) {
        uint32_t cur = lookup(name);
        if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
          std::string n(name);
          std::string msg;
          if (cur & kDefParam) msg = "name '" + n + "' is parameter and " + kind;
          else if (cur & kUse) msg = "name '" + n + "' is used prior to " + kind + " declaration";
          else if (cur & kDefAnnot) msg = "annotated name '" + n + "' can't be " + kind;
          else msg = "name '" + n + "' is assigned to before " + kind + " declaration";
          return fail(msg, s);
        }
        if (!add_def(name, global ? kDefGlobal : kDefNonlocal, s)) return false;
        record_directive(name, s);
      }
      return true;
    }
    case K::Expr: return visit_expr(ast::cast<ast::Expr>(s)->value);
    case K::Pass:
    case K::Break:
    case K::Continue: return true;
    case K::With:
    case K::AsyncWith: {
      ast::Seq<ast::withitem*> items;
      ast::Seq<ast::stmt*> body;
      if (s->kind == K::With) {
        items = ast::cast<ast::With>(s)->items, body = ast::cast<ast::With>(s)->body;
      } else {
        items = ast::cast<ast::AsyncWith>(s)->items, body = ast::cast<ast::AsyncWith>(s)->body;
      }
      for (auto* w : items) {
        if (!visit_expr(w->context_expr)) return false;
        if (w->optional_vars != nullptr && !visit_expr(w->optional_vars)) return false;
      }
      return visit_stmts(body);
    }
    default: return fail("unexpected statement", s);
  }
}

bool SymtableBuilder::visit_pattern(ast::pattern* p) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxCompileDepth || stack_exhausted(floor_)) {
    set_recursion_error(err_);
    return false;
  }
  return visit_pattern_inner(p);
}

bool SymtableBuilder::visit_pattern_inner(ast::pattern* p) {
  using K = ast::NodeKind;
  switch (p->kind) {
    case K::MatchValue: return visit_expr(ast::cast<ast::MatchValue>(p)->value);
    case K::MatchSingleton: return true;
    case K::MatchSequence:
      for (auto* q : ast::cast<ast::MatchSequence>(p)->patterns)
        if (!visit_pattern(q)) return false;
      return true;
    case K::MatchStar: {
      auto* m = ast::cast<ast::MatchStar>(p);
      return m->name.data() == nullptr || add_def(m->name, kDefLocal, p);
    }
    case K::MatchAs: {
      auto* m = ast::cast<ast::MatchAs>(p);
      if (m->pattern != nullptr && !visit_pattern(m->pattern)) return false;
      return m->name.data() == nullptr || add_def(m->name, kDefLocal, p);
    }
    case K::MatchOr:
      for (auto* q : ast::cast<ast::MatchOr>(p)->patterns)
        if (!visit_pattern(q)) return false;
      return true;
    case K::MatchMapping: {
      auto* m = ast::cast<ast::MatchMapping>(p);
      if (!visit_exprs(m->keys)) return false;
      for (auto* q : m->patterns)
        if (!visit_pattern(q)) return false;
      return m->rest.data() == nullptr || add_def(m->rest, kDefLocal, p);
    }
    case K::MatchClass: {
      auto* m = ast::cast<ast::MatchClass>(p);
      if (!visit_expr(m->cls)) return false;
      for (auto* q : m->patterns)
        if (!visit_pattern(q)) return false;
      for (auto* q : m->kwd_patterns)
        if (!visit_pattern(q)) return false;
      return true;
    }
    default: return fail("unexpected pattern", p);
  }
}

bool SymtableBuilder::extend_namedexpr_scope(ast::expr* target) {
  auto* name = ast::cast<ast::Name>(target);
  std::string m = mangled(name->id);
  for (size_t i = stack_.size(); i-- > 0;) {
    Scope* s = stack_[i];
    if (s->comprehension != ComprehensionKind::None) {
      if (s->flags_of(m) & kDefCompIter)
        return fail("assignment expression cannot rebind comprehension iteration variable '" +
                        std::string(name->id) + "'",
                    target);
      continue;
    }
    if (s->type == BlockType::Function) {
      uint32_t in_scope = s->flags_of(m);
      if (!add_def(name->id, (in_scope & kDefGlobal) ? kDefGlobal : kDefNonlocal, target)) return false;
      record_directive(name->id, target);
      return add_def_in(s, name->id, kDefLocal, target);
    }
    if (s->type == BlockType::Module) {
      if (!add_def(name->id, kDefGlobal, target)) return false;
      record_directive(name->id, target);
      return add_def_in(s, name->id, kDefGlobal, target);
    }
    if (s->type == BlockType::Class)
      return fail("assignment expression within a comprehension cannot be used in a class body",
                  target);
    break;
  }
  return true;
}

bool SymtableBuilder::handle_namedexpr(ast::NamedExpr* e) {
  if (!raise_if_annotation("named expression", e)) return false;
  if (cur_->comp_iter_expr > 0)
    return fail("assignment expression cannot be used in a comprehension iterable expression", e);
  if (cur_->comprehension != ComprehensionKind::None && !extend_namedexpr_scope(e->target))
    return false;
  return visit_expr(e->value) && visit_expr(e->target);
}

bool SymtableBuilder::visit_comprehension(ast::expr* e, ast::Seq<ast::comprehension*> gens,
                                          ast::expr* elt, ast::expr* value, const char* name,
                                          ComprehensionKind kind) {
  bool is_generator = kind == ComprehensionKind::Generator;
  ast::comprehension* outermost = gens[0];
  cur_->comp_iter_expr++;
  bool ok = visit_expr(outermost->iter);
  cur_->comp_iter_expr--;
  if (!ok) return false;
  Scope* s = enter(BlockType::Function, name, e, e->lineno, e->col_offset);
  s->comprehension = kind;
  if (outermost->is_async) s->coroutine = true;
  // The outermost iterator arrives as the implicit parameter ".0".
  s->symbols[".0"].flags |= kDefParam;
  s->symbol_order.push_back(".0");
  s->varnames.push_back(".0");
  s->comp_iter_target = true;
  ok = visit_expr(outermost->target);
  s->comp_iter_target = false;
  if (!ok || !visit_exprs(outermost->ifs)) return false;
  for (size_t i = 1; i < gens.size(); ++i) {
    ast::comprehension* g = gens[i];
    s->comp_iter_target = true;
    ok = visit_expr(g->target);
    s->comp_iter_target = false;
    if (!ok) return false;
    s->comp_iter_expr++;
    ok = visit_expr(g->iter);
    s->comp_iter_expr--;
    if (!ok || !visit_exprs(g->ifs)) return false;
    if (g->is_async) s->coroutine = true;
  }
  if (value != nullptr && !visit_expr(value)) return false;
  if (!visit_expr(elt)) return false;
  s->generator = is_generator;
  bool is_async = s->coroutine && !is_generator;
  exit();
  if (is_async) cur_->coroutine = true;
  return true;
}

bool SymtableBuilder::visit_expr(ast::expr* e) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxCompileDepth || stack_exhausted(floor_)) {
    set_recursion_error(err_);
    return false;
  }
  return visit_expr_inner(e);
}

bool SymtableBuilder::visit_expr_inner(ast::expr* e) {
  using K = ast::NodeKind;
  switch (e->kind) {
    case K::NamedExpr: return handle_namedexpr(ast::cast<ast::NamedExpr>(e));
    case K::BoolOp: return visit_exprs(ast::cast<ast::BoolOp>(e)->values);
    case K::BinOp: {
      auto* b = ast::cast<ast::BinOp>(e);
      return visit_expr(b->left) && visit_expr(b->right);
    }
    case K::UnaryOp: return visit_expr(ast::cast<ast::UnaryOp>(e)->operand);
    case K::Lambda: {
      auto* l = ast::cast<ast::Lambda>(e);
      if (!visit_exprs(l->args->defaults) || !visit_exprs(l->args->kw_defaults)) return false;
      enter(BlockType::Function, "<lambda>", e, e->lineno, e->col_offset);
      if (!visit_arguments(l->args) || !visit_expr(l->body)) return false;
      exit();
      return true;
    }
    case K::IfExp: {
      auto* i = ast::cast<ast::IfExp>(e);
      return visit_expr(i->test) && visit_expr(i->body) && visit_expr(i->orelse);
    }
    case K::Dict: {
      auto* d = ast::cast<ast::Dict>(e);
      return visit_exprs(d->keys) && visit_exprs(d->values);
    }
    case K::Set: return visit_exprs(ast::cast<ast::Set>(e)->elts);
    case K::GeneratorExp: {
      auto* c = ast::cast<ast::GeneratorExp>(e);
      return visit_comprehension(e, c->generators, c->elt, nullptr, "<genexpr>",
                                 ComprehensionKind::Generator);
    }
    case K::ListComp: {
      auto* c = ast::cast<ast::ListComp>(e);
      return visit_comprehension(e, c->generators, c->elt, nullptr, "<listcomp>",
                                 ComprehensionKind::List);
    }
    case K::SetComp: {
      auto* c = ast::cast<ast::SetComp>(e);
      return visit_comprehension(e, c->generators, c->elt, nullptr, "<setcomp>",
                                 ComprehensionKind::Set);
    }
    case K::DictComp: {
      auto* c = ast::cast<ast::DictComp>(e);
      return visit_comprehension(e, c->generators, c->key, c->value, "<dictcomp>",
                                 ComprehensionKind::Dict);
    }
    case K::Yield:
    case K::YieldFrom: {
      if (!raise_if_annotation("yield expression", e)) return false;
      ast::expr* v = e->kind == K::Yield ? ast::cast<ast::Yield>(e)->value
                                         : ast::cast<ast::YieldFrom>(e)->value;
      if (v != nullptr && !visit_expr(v)) return false;
      cur_->generator = true;
      switch (cur_->comprehension) {
        case ComprehensionKind::None: return true;
        case ComprehensionKind::List: return fail("'yield' inside list comprehension", e);
        case ComprehensionKind::Set: return fail("'yield' inside set comprehension", e);
        case ComprehensionKind::Dict: return fail("'yield' inside dict comprehension", e);
        case ComprehensionKind::Generator: return fail("'yield' inside generator expression", e);
      }
      return true;
    }
    case K::Await: {
      if (!raise_if_annotation("await expression", e)) return false;
      if (!visit_expr(ast::cast<ast::Await>(e)->value)) return false;
      cur_->coroutine = true;
      return true;
    }
    case K::Compare: {
      auto* c = ast::cast<ast::Compare>(e);
      return visit_expr(c->left) && visit_exprs(c->comparators);
    }
    case K::Call: {
      auto* c = ast::cast<ast::Call>(e);
      if (!visit_expr(c->func) || !visit_exprs(c->args)) return false;
      for (auto* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      return true;
    }
    case K::FormattedValue: {
      auto* f = ast::cast<ast::FormattedValue>(e);
      return visit_expr(f->value) && (f->format_spec == nullptr || visit_expr(f->format_spec));
    }
    case K::JoinedStr: return visit_exprs(ast::cast<ast::JoinedStr>(e)->values);
    case K::Constant: return true;
    case K::Attribute: return visit_expr(ast::cast<ast::Attribute>(e)->value);
    case K::Subscript: {
      auto* s = ast::cast<ast::Subscript>(e);
      return visit_expr(s->value) && visit_expr(s->slice);
    }
    case K::Starred: return visit_expr(ast::cast<ast::Starred>(e)->value);
    case K::Slice: {
      auto* s = ast::cast<ast::Slice>(e);
      return (s->lower == nullptr || visit_expr(s->lower)) &&
             (s->upper == nullptr || visit_expr(s->upper)) &&
             (s->step == nullptr || visit_expr(s->step));
    }
    case K::Name: {
      auto* n = ast::cast<ast::Name>(e);
      if (!add_def(n->id, n->ctx == ast::ExprContext::Load ? kUse : kDefLocal, e)) return false;
      // super() needs the __class__ cell of the enclosing class.
      if (n->ctx == ast::ExprContext::Load && cur_->type == BlockType::Function && n->id == "super")
        return add_def("__class__", kUse, e);
      return true;
    }
    case K::List: return visit_exprs(ast::cast<ast::List>(e)->elts);
    case K::Tuple: return visit_exprs(ast::cast<ast::Tuple>(e)->elts);
    default: return fail("unexpected expression", e);
  }
}

// ---------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------

bool SymtableBuilder::error_at_directive(Scope* s, const std::string& name, const std::string& msg) {
  for (const auto& d : s->directives)
    if (d.name == name) return fail_at(msg, d.lineno, d.col, d.end_lineno, d.end_col);
  return fail_at(msg, s->lineno, s->col_offset, s->lineno, -1);
}

bool SymtableBuilder::analyze_name(Scope* s, const std::string& name, Symbol& sym,
                                   const NameSet* bound, NameSet& local, NameSet& free,
                                   const NameSet& global, NameSet& global_out) {
  uint32_t flags = sym.flags;
  if (flags & kDefGlobal) {
    if (flags & kDefNonlocal)
      return error_at_directive(s, name, "name '" + name + "' is nonlocal and global");
    sym.resolution = Resolution::GlobalExplicit;
    global_out.insert(name);
    return true;
  }
  if (flags & kDefNonlocal) {
    if (bound == nullptr)
      return error_at_directive(s, name, "nonlocal declaration not allowed at module level");
    if (!bound->contains(name))
      return error_at_directive(s, name, "no binding for nonlocal '" + name + "' found");
    sym.resolution = Resolution::Free;
    s->has_free = true;
    free.insert(name);
    return true;
  }
  if (flags & kDefBound) {
    sym.resolution = Resolution::Local;
    local.insert(name);
    global_out.erase(name);
    return true;
  }
  if (bound != nullptr && bound->contains(name)) {
    sym.resolution = Resolution::Free;
    s->has_free = true;
    free.insert(name);
    return true;
  }
  if (global.contains(name)) {
    sym.resolution = Resolution::GlobalImplicit;
    return true;
  }
  if (s->nested) s->has_free = true;
  sym.resolution = Resolution::GlobalImplicit;
  return true;
}

bool SymtableBuilder::analyze_block(Scope* s, const NameSet* bound, NameSet& free,
                                    const NameSet& global) {
  NameSet local, newglobal, newfree, newbound;
  // Names made global here are removed from / added to the set passed down;
  // CPython mutates the caller's copy, which is this block's own `global`.
  NameSet global_here = global;
  if (s->type == BlockType::Class) {
    newglobal = global;
    if (bound != nullptr) newbound = *bound;
  }
  for (const auto& name : s->symbol_order) {
    if (!analyze_name(s, name, s->symbols[name], bound, local, free, global, global_here))
      return false;
  }
  if (s->type != BlockType::Class) {
    if (s->type == BlockType::Function) newbound.insert(local.begin(), local.end());
    if (bound != nullptr) newbound.insert(bound->begin(), bound->end());
    newglobal.insert(global_here.begin(), global_here.end());
  } else {
    newbound.insert("__class__");
  }
  NameSet allfree;
  for (Scope* child : s->children) {
    NameSet child_bound = newbound, child_free = newfree, child_global = newglobal;
    if (!analyze_block(child, &child_bound, child_free, child_global)) return false;
    allfree.insert(child_free.begin(), child_free.end());
    if (child->has_free || child->child_has_free) s->child_has_free = true;
  }
  newfree.insert(allfree.begin(), allfree.end());
  if (s->type == BlockType::Function) {
    for (auto& [name, sym] : s->symbols) {
      if (sym.resolution == Resolution::Local && newfree.erase(name) > 0)
        sym.resolution = Resolution::Cell;
    }
  } else if (s->type == BlockType::Class) {
    if (newfree.erase("__class__") > 0) s->needs_class_closure = true;
  }
  // Free variables of children that are not resolved here pass through.
  bool is_class = s->type == BlockType::Class;
  for (const auto& name : newfree) {
    auto it = s->symbols.find(name);
    if (it != s->symbols.end()) {
      if (is_class && (it->second.flags & (kDefBound | kDefGlobal)))
        it->second.flags |= kDefFreeClass;
      continue;
    }
    if (bound != nullptr && !bound->contains(name)) continue;  // a global
    Symbol sym;
    sym.resolution = Resolution::Free;
    s->symbols.emplace(name, sym);
    s->symbol_order.push_back(name);
  }
  free.insert(newfree.begin(), newfree.end());
  return true;
}

std::unique_ptr<SymbolTable> build_symtable(ast::mod* module, uint32_t future_flags,
                                            CompileError& err, uintptr_t floor) {
  auto st = std::make_unique<SymbolTable>();
  st->future_flags = future_flags;
  SymtableBuilder b(*st, err, floor);
  if (!b.build(module)) return nullptr;
  return st;
}

}  // namespace spindle::frontend
