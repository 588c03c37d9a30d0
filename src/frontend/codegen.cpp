// Code generation, part 1: compilation units, names, closures, and
// statements (see codegen.h; expressions are in codegen_expr.cpp, match in
// codegen_pattern.cpp).
//
// The shapes follow CPython 3.12's compiler over an instruction set with the
// 3.13 call convention (callable, self_or_null, args...). Each construct's
// stack layout is documented in docs/internals/frontend.md; the comments
// here only say why a shape is as it is.
#include <algorithm>

#include "frontend/codegen_internal.h"
#include "frontend/flowgraph.h"

namespace spindle::frontend {

using vm::Op;

namespace {

// True if `stmts` (not descending into nested scopes) holds an annotated
// assignment: such module and class bodies start with SETUP_ANNOTATIONS.
bool find_ann(ast::Seq<ast::stmt*> stmts) {
  using K = ast::NodeKind;
  for (auto* s : stmts) {
    switch (s->kind) {
      case K::AnnAssign: return true;
      case K::For: {
        auto* f = ast::cast<ast::For>(s);
        if (find_ann(f->body) || find_ann(f->orelse)) return true;
        break;
      }
      case K::AsyncFor: {
        auto* f = ast::cast<ast::AsyncFor>(s);
        if (find_ann(f->body) || find_ann(f->orelse)) return true;
        break;
      }
      case K::While: {
        auto* f = ast::cast<ast::While>(s);
        if (find_ann(f->body) || find_ann(f->orelse)) return true;
        break;
      }
      case K::If: {
        auto* f = ast::cast<ast::If>(s);
        if (find_ann(f->body) || find_ann(f->orelse)) return true;
        break;
      }
      case K::With:
        if (find_ann(ast::cast<ast::With>(s)->body)) return true;
        break;
      case K::AsyncWith:
        if (find_ann(ast::cast<ast::AsyncWith>(s)->body)) return true;
        break;
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
        for (auto* h : handlers)
          if (find_ann(ast::cast<ast::ExceptHandler>(h)->body)) return true;
        if (find_ann(body) || find_ann(finalbody) || find_ann(orelse)) return true;
        break;
      }
      case K::Match:
        for (auto* c : ast::cast<ast::Match>(s)->cases)
          if (find_ann(c->body)) return true;
        break;
      default: break;
    }
  }
  return false;
}

}  // namespace

bool is_docstring(ast::Seq<ast::stmt*> body) {
  if (body.empty()) return false;
  auto* e = ast::dyn_cast<ast::Expr>(body[0]);
  if (e == nullptr) return false;
  auto* c = ast::dyn_cast<ast::Constant>(e->value);
  return c != nullptr && c->value.kind == ast::ConstantKind::Str;
}

int binary_op_oparg(ast::Operator op, bool inplace) {
  using O = ast::Operator;
  using B = vm::BinaryOpKind;
  B k = B::ADD;
  switch (op) {
    case O::Add: k = B::ADD; break;
    case O::Sub: k = B::SUBTRACT; break;
    case O::Mult: k = B::MULTIPLY; break;
    case O::MatMult: k = B::MATRIX_MULTIPLY; break;
    case O::Div: k = B::TRUE_DIVIDE; break;
    case O::Mod: k = B::REMAINDER; break;
    case O::Pow: k = B::POWER; break;
    case O::LShift: k = B::LSHIFT; break;
    case O::RShift: k = B::RSHIFT; break;
    case O::BitOr: k = B::OR; break;
    case O::BitXor: k = B::XOR; break;
    case O::BitAnd: k = B::AND; break;
    case O::FloorDiv: k = B::FLOOR_DIVIDE; break;
  }
  int v = static_cast<int>(k);
  return inplace ? v + static_cast<int>(B::INPLACE_ADD) : v;
}

// ---------------------------------------------------------------------------
// Errors and warnings
// ---------------------------------------------------------------------------

bool Compiler::error_loc(const std::string& msg, Location loc) {
  err_.type = "SyntaxError";
  err_.msg = msg;
  err_.lineno = loc.lineno;
  err_.col = loc.col_offset;
  err_.end_lineno = loc.end_lineno;
  err_.end_col = loc.end_col_offset;
  return false;
}

bool Compiler::error(const std::string& msg, const ast::Node* at) { return error_loc(msg, loc_of(at)); }

void Compiler::warn(const std::string& msg, const ast::Node* at) {
  if (warnings_ == nullptr) return;
  CompileWarning w;
  w.message = msg;
  w.filename = opts_.filename;
  w.lineno = at->lineno;
  warnings_->push_back(std::move(w));
}

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

std::string Compiler::qualname_for(const std::string& name, UnitKind kind) {
  if (units_.size() < 2) return name;
  Unit& parent = *units_[units_.size() - 2];
  if (parent.kind == UnitKind::Module) return name;
  if (kind == UnitKind::Function || kind == UnitKind::AsyncFunction || kind == UnitKind::Class) {
    std::string m = mangle(parent.private_name, name);
    if (parent.scope->resolve(m) == Resolution::GlobalExplicit) return name;
  }
  std::string base = parent.info.qualname;
  if (parent.kind == UnitKind::Function || parent.kind == UnitKind::AsyncFunction ||
      parent.kind == UnitKind::Lambda)
    base += ".<locals>";
  return base + "." + name;
}

bool Compiler::enter_unit(UnitKind kind, std::string name, const ast::Node* node, int firstlineno) {
  auto u = std::make_unique<Unit>();
  u->kind = kind;
  u->scope = kind == UnitKind::Module ? st_.top() : st_.scope_of(node);
  if (u->scope == nullptr) return error("internal error: no scope for a code unit", node);
  if (!units_.empty()) u->private_name = units_.back()->private_name;
  if (kind == UnitKind::Class) u->private_name = ast::cast<ast::ClassDef>(node)->name;
  u->info.name = name;
  u->info.filename = opts_.filename;
  u->info.firstlineno = firstlineno;
  for (const auto& v : u->scope->varnames) u->info.add_varname(v);
  std::vector<std::string> cells, frees;
  for (const auto& [sym, info] : u->scope->symbols) {
    if (info.resolution == Resolution::Cell) cells.push_back(sym);
    if (info.resolution == Resolution::Free || (info.flags & kDefFreeClass)) frees.push_back(sym);
  }
  if (u->scope->needs_class_closure) cells.push_back("__class__");
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  // Cells that are parameters live in their parameter's slot, so co_cellvars
  // (read off the fast-locals layout) lists them first, in parameter order.
  std::vector<std::string> ordered;
  for (const auto& v : u->scope->varnames)
    if (std::find(cells.begin(), cells.end(), v) != cells.end()) ordered.push_back(v);
  for (const auto& c : cells)
    if (std::find(ordered.begin(), ordered.end(), c) == ordered.end()) ordered.push_back(c);
  cells = std::move(ordered);
  u->info.cellvars = cells;
  u->info.freevars = frees;
  u->cell_and_free = cells;
  u->cell_and_free.insert(u->cell_and_free.end(), frees.begin(), frees.end());
  units_.push_back(std::move(u));
  unit().info.qualname = kind == UnitKind::Module ? name : qualname_for(name, kind);
  Location loc = kind == UnitKind::Module ? Location{0, 0, 0, 0}
                                          : Location{firstlineno, firstlineno, 0, 0};
  emit(Op::RESUME, 0, loc);
  return true;
}

std::shared_ptr<vm::CodeObject> Compiler::exit_unit() {
  Unit& u = unit();
  const Scope* s = u.scope;
  uint32_t flags = 0;
  if (s->type == BlockType::Function) {
    flags |= vm::CO_NEWLOCALS | vm::CO_OPTIMIZED;
    if (s->nested) flags |= vm::CO_NESTED;
    if (s->generator && !s->coroutine) flags |= vm::CO_GENERATOR;
    if (!s->generator && s->coroutine) flags |= vm::CO_COROUTINE;
    if (s->generator && s->coroutine) flags |= vm::CO_ASYNC_GENERATOR;
    if (s->varargs) flags |= vm::CO_VARARGS;
    if (s->varkeywords) flags |= vm::CO_VARKEYWORDS;
    if (s->is_method && s->comprehension == ComprehensionKind::None) flags |= vm::CO_METHOD;
  }
  flags |= opts_.future_flags;
  u.info.flags = flags;
  SyntaxErrorInfo aerr;
  auto code = assemble(std::move(u.seq), std::move(u.info), aerr);
  units_.pop_back();
  if (!code) {
    err_.type = aerr.type.empty() ? "SystemError" : aerr.type;
    err_.msg = aerr.msg;
    err_.lineno = aerr.lineno;
    err_.col = 0;
    err_.end_lineno = aerr.lineno;
    err_.end_col = -1;
  }
  return code;
}

int Compiler::deref_index(const std::string& name) {
  auto& v = unit().cell_and_free;
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i] == name) return static_cast<int>(i);
  return -1;
}

// A value key for a code object: everything CPython's code equality compares.
static std::string code_signature(const vm::CodeObject& c) {
  std::string k = c.name + '\0' + c.qualname + '\0' + c.filename + '\0';
  for (int v : {c.argcount, c.posonlyargcount, c.kwonlyargcount, c.firstlineno, c.stacksize})
    k += std::to_string(v) + ',';
  k += std::to_string(c.flags) + '\0';
  k.append(reinterpret_cast<const char*>(c.code.data()), c.code.size() * sizeof(vm::CodeUnit));
  k.append(c.linetable.begin(), c.linetable.end());
  k.append(c.exceptiontable.begin(), c.exceptiontable.end());
  for (const auto* list : {&c.names, &c.localsplus_names}) {
    k += '\1';
    for (const auto& n : *list) k += n + '\0';
  }
  k += '\2';
  for (const auto& cst : c.consts)
    k += (cst.kind == vm::CodeConstant::Kind::Code ? code_signature(*cst.code) : cst.key()) + '\3';
  return k;
}

bool Compiler::make_closure(std::shared_ptr<vm::CodeObject> code, int flags, Location loc) {
  if (!code->freevars.empty()) {
    for (const auto& name : code->freevars) {
      int i = deref_index(name);
      if (i < 0) return error_loc("internal error: free variable '" + name + "' has no cell", loc);
      emit(Op::LOAD_CLOSURE, i, loc);
    }
    emit(Op::BUILD_TUPLE, static_cast<int>(code->freevars.size()), loc);
    flags |= vm::kFuncClosure;
  }
  // Equal code objects are one constant, as in CPython (whose code objects
  // compare by value): a `finally` body is compiled twice, and a lambda in
  // it must not appear twice in co_consts.
  std::string sig = code_signature(*code);
  auto [it, inserted] = unit().code_consts.try_emplace(std::move(sig), -1);
  if (inserted) it->second = unit().info.add_const(vm::CodeConstant::of_code(std::move(code)));
  emit(Op::LOAD_CONST, it->second, loc);
  emit(Op::MAKE_FUNCTION, loc);
  for (int bit : {vm::kFuncClosure, vm::kFuncAnnotations, vm::kFuncKwDefaults, vm::kFuncDefaults})
    if (flags & bit) emit(Op::SET_FUNCTION_ATTRIBUTE, bit, loc);
  return true;
}

bool Compiler::is_function_like() const { return units_.back()->scope->type == BlockType::Function; }

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

bool Compiler::is_global_load(ast::Str name) {
  std::string m = mangle(unit().private_name, name);
  Resolution r = unit().scope->resolve(m);
  return r == Resolution::GlobalExplicit ||
         (r == Resolution::GlobalImplicit && unit().scope->type == BlockType::Function);
}

bool Compiler::forbidden_name(ast::Str name, ast::ExprContext ctx, Location loc) {
  if (name != "__debug__") return false;
  if (ctx == ast::ExprContext::Store) return !error_loc("cannot assign to __debug__", loc);
  if (ctx == ast::ExprContext::Del) return !error_loc("cannot delete __debug__", loc);
  return false;
}

bool Compiler::check_debug_args(ast::arguments* a, Location loc) {
  for (auto seq : {a->posonlyargs, a->args, a->kwonlyargs})
    for (auto* p : seq)
      if (forbidden_name(p->arg, ast::ExprContext::Store, loc)) return false;
  if (a->vararg != nullptr && forbidden_name(a->vararg->arg, ast::ExprContext::Store, loc)) return false;
  if (a->kwarg != nullptr && forbidden_name(a->kwarg->arg, ast::ExprContext::Store, loc)) return false;
  return true;
}

bool Compiler::nameop(ast::Str name, ast::ExprContext ctx, Location loc) {
  using C = ast::ExprContext;
  if (forbidden_name(name, ctx, loc)) return false;
  Unit& u = unit();
  std::string m = mangle(u.private_name, name);
  Resolution r = u.scope->resolve(m);
  bool function = u.scope->type == BlockType::Function;
  enum { kName, kFast, kDeref, kGlobal } kind = kName;
  switch (r) {
    case Resolution::Free:
    case Resolution::Cell: kind = kDeref; break;
    case Resolution::Local: kind = function ? kFast : kName; break;
    case Resolution::GlobalImplicit: kind = function ? kGlobal : kName; break;
    case Resolution::GlobalExplicit: kind = kGlobal; break;
    default: break;
  }
  // A class body that binds a name also used (free) by its methods keeps it
  // in its namespace: the scope says Local there, so kName is right.
  switch (kind) {
    case kDeref: {
      int i = deref_index(m);
      if (i < 0) return error_loc("internal error: unknown cell '" + m + "'", loc);
      if (ctx == C::Load) {
        if (u.scope->type == BlockType::Class) {
          emit(Op::LOAD_LOCALS, loc);
          emit(Op::LOAD_FROM_DICT_OR_DEREF, i, loc);
        } else {
          emit(Op::LOAD_DEREF, i, loc);
        }
      } else {
        emit(ctx == C::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, i, loc);
      }
      return true;
    }
    case kFast: {
      int i = u.info.add_varname(m);
      emit(ctx == C::Load ? Op::LOAD_FAST : ctx == C::Store ? Op::STORE_FAST : Op::DELETE_FAST, i, loc);
      return true;
    }
    case kGlobal: {
      int i = u.info.add_name(m);
      if (ctx == C::Load) emit(Op::LOAD_GLOBAL, i << 1, loc);
      else emit(ctx == C::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, i, loc);
      return true;
    }
    case kName: {
      int i = u.info.add_name(m);
      emit(ctx == C::Load ? Op::LOAD_NAME : ctx == C::Store ? Op::STORE_NAME : Op::DELETE_NAME, i, loc);
      return true;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Module
// ---------------------------------------------------------------------------

std::shared_ptr<vm::CodeObject> Compiler::compile_module(ast::mod* m) {
  if (!enter_unit(UnitKind::Module, "<module>", m, 1)) return nullptr;
  switch (m->kind) {
    case ast::NodeKind::Module: {
      if (!visit_body(ast::cast<ast::Module>(m)->body, true)) return nullptr;
      break;
    }
    case ast::NodeKind::Interactive: {
      interactive_ = true;
      auto body = ast::cast<ast::Interactive>(m)->body;
      if (find_ann(body)) emit(Op::SETUP_ANNOTATIONS, loc_of(body.empty() ? nullptr : body[0]));
      if (!visit_stmts(body)) return nullptr;
      break;
    }
    case ast::NodeKind::Expression: {
      auto* e = ast::cast<ast::Expression>(m);
      if (!visit_expr(e->body)) return nullptr;
      emit(Op::RETURN_VALUE, kNoLocation);
      return exit_unit();
    }
    default: error_loc("compile() expected a module", kNoLocation); return nullptr;
  }
  load_none(kNoLocation);
  emit(Op::RETURN_VALUE, kNoLocation);
  return exit_unit();
}

// Module and class bodies: SETUP_ANNOTATIONS, the docstring into __doc__,
// then the statements.
bool Compiler::visit_body(ast::Seq<ast::stmt*> body, bool /*is_module_or_class*/) {
  if (find_ann(body)) emit(Op::SETUP_ANNOTATIONS, loc_of(body[0]));
  if (body.empty()) return true;
  size_t i = 0;
  if (opts_.optimize < 2 && is_docstring(body)) {
    i = 1;
    auto* e = ast::cast<ast::Expr>(body[0]);
    if (!visit_expr(e->value)) return false;
    if (!nameop("__doc__", ast::ExprContext::Store, kNoLocation)) return false;
  }
  for (; i < body.size(); ++i)
    if (!visit_stmt(body[i])) return false;
  return true;
}

bool Compiler::visit_stmts(ast::Seq<ast::stmt*> body) {
  for (auto* s : body)
    if (!visit_stmt(s)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Functions and classes
// ---------------------------------------------------------------------------

bool Compiler::visit_decorators(ast::Seq<ast::expr*> decos) { return visit_exprs(decos); }

void Compiler::apply_decorators(ast::Seq<ast::expr*> decos) {
  // [deco, func] CALL 0: the function sits in the self slot, so the call is
  // deco(func).
  for (size_t i = decos.size(); i-- > 0;) emit(Op::CALL, 0, loc_of(decos[i]));
}

bool Compiler::visit_defaults(ast::arguments* args, int& flags, Location loc) {
  if (!args->defaults.empty()) {
    if (!visit_exprs(args->defaults)) return false;
    emit(Op::BUILD_TUPLE, static_cast<int>(args->defaults.size()), loc);
    flags |= vm::kFuncDefaults;
  }
  std::vector<vm::CodeConstant> keys;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    ast::expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (d == nullptr) continue;
    keys.push_back(vm::CodeConstant::of_str(mangle(unit().private_name, args->kwonlyargs[i]->arg)));
    if (!visit_expr(d)) return false;
  }
  if (!keys.empty()) {
    int n = static_cast<int>(keys.size());
    load_const(vm::CodeConstant::of_tuple(std::move(keys)), loc);
    emit(Op::BUILD_CONST_KEY_MAP, n, loc);
    flags |= vm::kFuncKwDefaults;
  }
  return true;
}

bool Compiler::visit_annotation_value(ast::expr* annotation, Location loc) {
  if (opts_.future_flags & vm::CO_FUTURE_ANNOTATIONS) {
    // The string belongs to the statement (3.11 emits it at its location).
    load_str(ast_unparse_annotation(annotation), loc);
    return true;
  }
  if (auto* st = ast::dyn_cast<ast::Starred>(annotation)) {
    // `*args: *Ts`: the value is the single item of the unpacked iterable.
    if (!visit_expr(st->value)) return false;
    emit(Op::UNPACK_SEQUENCE, 1, loc_of(annotation));
    return true;
  }
  return visit_expr(annotation);
}

bool Compiler::visit_annotations(ast::arguments* args, ast::expr* returns, int& flags, Location loc) {
  int n = 0;
  auto one = [&](ast::Str name, ast::expr* ann) {
    if (ann == nullptr) return true;
    load_str(mangle(unit().private_name, name), loc);
    if (!visit_annotation_value(ann, loc)) return false;
    n += 2;
    return true;
  };
  // CPython's order: regular parameters before positional-only ones.
  for (auto* a : args->args)
    if (!one(a->arg, a->annotation)) return false;
  for (auto* a : args->posonlyargs)
    if (!one(a->arg, a->annotation)) return false;
  if (args->vararg != nullptr && !one(args->vararg->arg, args->vararg->annotation)) return false;
  for (auto* a : args->kwonlyargs)
    if (!one(a->arg, a->annotation)) return false;
  if (args->kwarg != nullptr && !one(args->kwarg->arg, args->kwarg->annotation)) return false;
  if (!one("return", returns)) return false;
  if (n > 0) {
    emit(Op::BUILD_TUPLE, n, loc);
    flags |= vm::kFuncAnnotations;
  }
  return true;
}

bool Compiler::visit_function(ast::stmt* s) {
  bool is_async = s->kind == ast::NodeKind::AsyncFunctionDef;
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
  Location loc = loc_of(s);
  if (!check_debug_args(args, loc)) return false;
  if (!visit_decorators(decos)) return false;
  int firstlineno = decos.empty() ? s->lineno : decos[0]->lineno;
  int flags = 0;
  if (!visit_defaults(args, flags, loc)) return false;
  if (!visit_annotations(args, returns, flags, loc)) return false;

  if (!enter_unit(is_async ? UnitKind::AsyncFunction : UnitKind::Function, std::string(name), s,
                  firstlineno))
    return false;
  // co_consts[0] is the docstring, or None (3.11 reserves the slot).
  bool doc = opts_.optimize < 2 && is_docstring(body);
  unit().info.add_const(doc ? vm::CodeConstant::from_ast(
                                  ast::cast<ast::Constant>(ast::cast<ast::Expr>(body[0])->value)->value)
                            : vm::CodeConstant::none());
  unit().info.argcount = static_cast<int>(args->posonlyargs.size() + args->args.size());
  unit().info.posonlyargcount = static_cast<int>(args->posonlyargs.size());
  unit().info.kwonlyargcount = static_cast<int>(args->kwonlyargs.size());
  for (size_t i = doc ? 1 : 0; i < body.size(); ++i)
    if (!visit_stmt(body[i])) return false;
  // Implicit `return None` (the flow graph drops it when unreachable).
  emit(Op::RETURN_CONST, unit().info.add_const(vm::CodeConstant::none()), kNoLocation);
  if (unit().scope->generator || unit().scope->coroutine) wrap_in_stopiteration_handler();
  auto code = exit_unit();
  if (!code) return false;
  if (!make_closure(std::move(code), flags, loc)) return false;
  apply_decorators(decos);
  return nameop(name, ast::ExprContext::Store, loc);
}

// Generators and coroutines: a StopIteration escaping the body becomes a
// RuntimeError (PEP 479) through a handler around everything after RESUME.
void Compiler::wrap_in_stopiteration_handler() {
  Label handler = new_label();
  unit().seq.insert(1, Instr{Op::SETUP_CLEANUP, handler.id, kNoLocation});
  emit(Op::RETURN_CONST, unit().info.add_const(vm::CodeConstant::none()), kNoLocation);
  use_label(handler);
  emit(Op::CALL_INTRINSIC_1, static_cast<int>(vm::Intrinsic1::STOPITERATION_ERROR), kNoLocation);
  emit(Op::RERAISE, 1, kNoLocation);
}

bool Compiler::visit_class(ast::ClassDef* s) {
  Location loc = loc_of(s);
  if (!visit_decorators(s->decorator_list)) return false;
  int firstlineno = s->decorator_list.empty() ? s->lineno : s->decorator_list[0]->lineno;
  if (!enter_unit(UnitKind::Class, std::string(s->name), s, firstlineno)) return false;
  std::string qualname = unit().info.qualname;
  // The prologue is at the first line (the first decorator's, if any).
  Location first{firstlineno, firstlineno, 0, 0};
  if (!nameop("__name__", ast::ExprContext::Load, first)) return false;
  if (!nameop("__module__", ast::ExprContext::Store, first)) return false;
  load_str(qualname, first);
  if (!nameop("__qualname__", ast::ExprContext::Store, first)) return false;
  if (!visit_body(s->body, true)) return false;
  if (unit().scope->needs_class_closure) {
    // The __class__ cell goes into the namespace as __classcell__ so that
    // type.__new__ can fill it; it is also the body's return value.
    emit(Op::LOAD_CLOSURE, deref_index("__class__"), kNoLocation);
    emit(Op::COPY, 1, kNoLocation);
    if (!nameop("__classcell__", ast::ExprContext::Store, kNoLocation)) return false;
  } else {
    load_none(kNoLocation);
  }
  emit(Op::RETURN_VALUE, kNoLocation);
  auto code = exit_unit();
  if (!code) return false;
  emit(Op::LOAD_BUILD_CLASS, loc);
  emit(Op::PUSH_NULL, loc);
  if (!make_closure(std::move(code), 0, loc)) return false;
  load_str(std::string(s->name), loc);
  if (!call_helper(2, s->bases, s->keywords, loc)) return false;
  apply_decorators(s->decorator_list);
  return nameop(s->name, ast::ExprContext::Store, loc);
}

// ---------------------------------------------------------------------------
// Unwinding (break / continue / return through blocks)
// ---------------------------------------------------------------------------

bool Compiler::unwind_fblock(const FBlock& b, Location& loc, bool preserve_tos) {
  switch (b.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator: return true;
    case FBlockType::ForLoop:
      if (preserve_tos) emit(Op::SWAP, 2, loc);
      emit(Op::POP_TOP, loc);
      return true;
    case FBlockType::TryExcept: emit(Op::POP_BLOCK, loc); return true;
    case FBlockType::FinallyTry: {
      emit(Op::POP_BLOCK, loc);
      if (preserve_tos && !push_fblock(FBlock{FBlockType::PopValue, kNoLabel, kNoLabel, {}, nullptr, {}}, loc)) return false;
      if (!visit_stmts(b.finalbody)) return false;
      if (preserve_tos) pop_fblock();
      loc = kNoLocation;
      return true;
    }
    case FBlockType::FinallyEnd:
      if (preserve_tos) emit(Op::SWAP, 2, loc);
      emit(Op::POP_TOP, loc);  // exc_value
      if (preserve_tos) emit(Op::SWAP, 2, loc);
      emit(Op::POP_BLOCK, loc);
      emit(Op::POP_EXCEPT, loc);
      return true;
    case FBlockType::With:
    case FBlockType::AsyncWith:
      loc = loc_of(b.stmt);
      emit(Op::POP_BLOCK, loc);
      if (preserve_tos) emit(Op::SWAP, 2, loc);
      call_exit_with_nones(loc);
      if (b.type == FBlockType::AsyncWith) {
        emit(Op::GET_AWAITABLE, 2, loc);
        load_none(loc);
        emit_yield_from(loc, true);
      }
      emit(Op::POP_TOP, loc);
      loc = kNoLocation;
      return true;
    case FBlockType::HandlerCleanup:
      if (b.name.data() != nullptr) emit(Op::POP_BLOCK, loc);
      if (preserve_tos) emit(Op::SWAP, 2, loc);
      emit(Op::POP_BLOCK, loc);
      emit(Op::POP_EXCEPT, loc);
      if (b.name.data() != nullptr) {
        load_none(loc);
        if (!nameop(b.name, ast::ExprContext::Store, loc)) return false;
        if (!nameop(b.name, ast::ExprContext::Del, loc)) return false;
      }
      return true;
    case FBlockType::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2, loc);
      emit(Op::POP_TOP, loc);
      return true;
  }
  return true;
}

bool Compiler::unwind_fblock_stack(Location& loc, bool preserve_tos, const FBlock** loop) {
  auto& fb = unit().fblocks;
  if (fb.empty()) return true;
  FBlock top = fb.back();
  // CPython reports this at its current location, which unwinding a with or
  // finally block has already unset (line -1).
  if (top.type == FBlockType::ExceptionGroupHandler)
    return error_loc("'break', 'continue' and 'return' cannot appear in an except* block", loc);
  if (loop != nullptr && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
    *loop = &fb.back();
    return true;
  }
  fb.pop_back();
  bool ok = unwind_fblock(top, loc, preserve_tos) && unwind_fblock_stack(loc, preserve_tos, loop);
  unit().fblocks.push_back(top);
  if (ok && loop != nullptr && *loop != nullptr) {
    // The vector may have been reallocated while unwinding; re-find the loop.
    for (size_t i = unit().fblocks.size(); i-- > 0;) {
      auto t = unit().fblocks[i].type;
      if (t == FBlockType::WhileLoop || t == FBlockType::ForLoop) {
        *loop = &unit().fblocks[i];
        break;
      }
    }
  }
  return ok;
}

bool Compiler::visit_return(ast::Return* s) {
  Location loc = loc_of(s);
  bool preserve_tos = s->value != nullptr && !ast::is<ast::Constant>(s->value);
  if (!is_function_like()) return error("'return' outside function", s);
  if (s->value != nullptr && unit().scope->coroutine && unit().scope->generator)
    return error("'return' with value in async generator", s);
  // As CPython: a constant value on the statement's line gives the unwinding
  // code, the return itself and an except* error the value's location.
  if (preserve_tos) {
    if (!visit_expr(s->value)) return false;
  } else if (s->value != nullptr) {
    loc = loc_of(s->value);
    emit(Op::NOP, loc);
  }
  if (s->value == nullptr || s->value->lineno != s->lineno) {
    loc = loc_of(s);
    emit(Op::NOP, loc);
  }
  if (!unwind_fblock_stack(loc, preserve_tos, nullptr)) return false;
  if (s->value == nullptr) load_none(loc);
  else if (!preserve_tos) load_const(ast::cast<ast::Constant>(s->value)->value, loc);
  emit(Op::RETURN_VALUE, loc);
  return true;
}

bool Compiler::visit_break_continue(ast::stmt* s, bool is_break) {
  Location loc = loc_of(s);
  const FBlock* loop = nullptr;
  emit(Op::NOP, loc);
  if (!unwind_fblock_stack(loc, false, &loop)) return false;
  if (loop == nullptr)
    return error(is_break ? "'break' outside loop" : "'continue' not properly in loop", s);
  if (is_break) {
    FBlock l = *loop;
    if (!unwind_fblock(l, loc, false)) return false;
    emit_jump(Op::JUMP, l.exit, loc);
  } else {
    emit_jump(Op::JUMP, loop->block, loc);
  }
  return true;
}

// ---------------------------------------------------------------------------
// Control flow statements
// ---------------------------------------------------------------------------

bool Compiler::visit_if(ast::If* s) {
  Label end = new_label();
  Label next = s->orelse.empty() ? end : new_label();
  if (Location l = loc_of(s); !jump_if(s->test, next, false, l)) return false;
  if (!visit_stmts(s->body)) return false;
  if (!s->orelse.empty()) {
    emit_jump(Op::JUMP, end, kNoLocation);
    use_label(next);
    if (!visit_stmts(s->orelse)) return false;
  }
  use_label(end);
  return true;
}

bool Compiler::visit_for(ast::For* s) {
  Location loc = loc_of(s);
  Label start = new_label(), body = new_label(), cleanup = new_label(), end = new_label();
  if (!push_fblock(FBlock{FBlockType::ForLoop, start, end, {}, nullptr, {}}, loc)) return false;
  if (!visit_expr(s->iter)) return false;
  emit(Op::GET_ITER, loc);
  use_label(start);
  emit_jump(Op::FOR_ITER, cleanup, loc);
  use_label(body);
  if (!visit_store_target(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  emit_jump(Op::JUMP, start, kNoLocation);
  use_label(cleanup);
  emit(Op::END_FOR, kNoLocation);
  pop_fblock();
  if (!visit_stmts(s->orelse)) return false;
  use_label(end);
  return true;
}

bool Compiler::in_async_context() { return unit().kind == UnitKind::AsyncFunction; }

bool Compiler::visit_async_for(ast::AsyncFor* s) {
  Location loc = loc_of(s);
  if (!in_async_context()) return error("'async for' outside async function", s);
  Label start = new_label(), except = new_label(), end = new_label();
  if (!visit_expr(s->iter)) return false;
  emit(Op::GET_AITER, loc);
  use_label(start);
  if (!push_fblock(FBlock{FBlockType::ForLoop, start, end, {}, nullptr, {}}, loc)) return false;
  emit_jump(Op::SETUP_FINALLY, except, loc);
  emit(Op::GET_ANEXT, loc);
  load_none(loc);
  emit_yield_from(loc, true);
  emit(Op::POP_BLOCK, loc);
  if (!visit_store_target(s->target)) return false;
  if (!visit_stmts(s->body)) return false;
  emit_jump(Op::JUMP, start, kNoLocation);
  pop_fblock();
  use_label(except);
  emit(Op::END_ASYNC_FOR, loc_of(s->iter));
  if (!visit_stmts(s->orelse)) return false;
  use_label(end);
  return true;
}

bool Compiler::visit_while(ast::While* s) {
  Label loop = new_label(), body = new_label(), anchor = new_label(), end = new_label();
  use_label(loop);
  if (!push_fblock(FBlock{FBlockType::WhileLoop, loop, end, {}, nullptr, {}}, loc_of(s))) return false;
  if (Location l = loc_of(s); !jump_if(s->test, anchor, false, l)) return false;
  use_label(body);
  if (!visit_stmts(s->body)) return false;
  // The test is repeated at the bottom (one jump per iteration), at the
  // `while` line, as 3.11 does; code objects of lambdas or comprehensions in
  // it come out equal and share one constant (make_closure).
  if (Location l = loc_of(s); !jump_if(s->test, body, true, l)) return false;
  pop_fblock();
  use_label(anchor);
  if (!visit_stmts(s->orelse)) return false;
  use_label(end);
  return true;
}

bool Compiler::visit_try(ast::stmt* s) {
  if (auto* t = ast::dyn_cast<ast::Try>(s)) {
    if (!t->finalbody.empty()) return visit_try_finally(s, t->body, t->handlers, t->orelse, t->finalbody);
    return visit_try_except(t->body, t->handlers, t->orelse, loc_of(s));
  }
  auto* t = ast::cast<ast::TryStar>(s);
  if (!t->finalbody.empty()) return visit_try_finally(s, t->body, t->handlers, t->orelse, t->finalbody);
  return visit_try_star(t->body, t->handlers, t->orelse, loc_of(s));
}

bool Compiler::visit_try_finally(ast::stmt* s, ast::Seq<ast::stmt*> body,
                                 ast::Seq<ast::excepthandler*> handlers, ast::Seq<ast::stmt*> orelse,
                                 ast::Seq<ast::stmt*> finalbody) {
  Location loc = loc_of(s);
  Label bodyl = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
  emit_jump(Op::SETUP_FINALLY, end, loc);
  use_label(bodyl);
  if (!push_fblock(FBlock{FBlockType::FinallyTry, bodyl, end, finalbody, nullptr, {}}, loc)) return false;
  if (!handlers.empty()) {
    bool ok = s->kind == ast::NodeKind::TryStar ? visit_try_star(body, handlers, orelse, loc)
                                                : visit_try_except(body, handlers, orelse, loc);
    if (!ok) return false;
  } else {
    if (!visit_stmts(body)) return false;
  }
  emit(Op::POP_BLOCK, kNoLocation);
  pop_fblock();
  if (!visit_stmts(finalbody)) return false;
  emit_jump(Op::JUMP, exit, kNoLocation);
  use_label(end);
  emit_jump(Op::SETUP_CLEANUP, cleanup, kNoLocation);
  emit(Op::PUSH_EXC_INFO, kNoLocation);
  if (!push_fblock(FBlock{FBlockType::FinallyEnd, end, kNoLabel, {}, nullptr, {}}, loc)) return false;
  if (!visit_stmts(finalbody)) return false;
  pop_fblock();
  emit(Op::RERAISE, 0, kNoLocation);
  emit_exception_cleanup(cleanup);
  use_label(exit);
  return true;
}

bool Compiler::visit_try_except(ast::Seq<ast::stmt*> body, ast::Seq<ast::excepthandler*> handlers,
                                ast::Seq<ast::stmt*> orelse, Location loc) {
  Label bodyl = new_label(), except = new_label(), end = new_label(), cleanup = new_label();
  emit_jump(Op::SETUP_FINALLY, except, loc);
  use_label(bodyl);
  if (!push_fblock(FBlock{FBlockType::TryExcept, bodyl, kNoLabel, {}, nullptr, {}}, loc)) return false;
  if (!visit_stmts(body)) return false;
  pop_fblock();
  emit(Op::POP_BLOCK, kNoLocation);
  if (!visit_stmts(orelse)) return false;
  emit_jump(Op::JUMP, end, kNoLocation);
  use_label(except);
  emit_jump(Op::SETUP_CLEANUP, cleanup, kNoLocation);
  emit(Op::PUSH_EXC_INFO, kNoLocation);
  if (!push_fblock(FBlock{FBlockType::ExceptionHandler, kNoLabel, kNoLabel, {}, nullptr, {}}, loc)) return false;
  size_t n = handlers.size();
  for (size_t i = 0; i < n; ++i) {
    auto* h = ast::cast<ast::ExceptHandler>(handlers[i]);
    Location hloc = loc_of(h);
    if (h->type == nullptr && i + 1 < n) return error("default 'except:' must be last", h);
    Label next_except = new_label();
    if (h->type != nullptr) {
      if (!visit_expr(h->type)) return false;
      emit(Op::CHECK_EXC_MATCH, hloc);
      emit_jump(Op::POP_JUMP_IF_FALSE, next_except, hloc);
    }
    if (h->name.data() != nullptr) {
      Label cleanup_end = new_label(), cleanup_body = new_label();
      if (!nameop(h->name, ast::ExprContext::Store, hloc)) return false;
      // `except E as name:` is try/finally that unbinds `name` at the end.
      emit_jump(Op::SETUP_CLEANUP, cleanup_end, hloc);
      use_label(cleanup_body);
      if (!push_fblock(FBlock{FBlockType::HandlerCleanup, cleanup_body, kNoLabel, {}, nullptr, h->name}, hloc)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      emit(Op::POP_BLOCK, kNoLocation);
      emit(Op::POP_BLOCK, kNoLocation);
      emit(Op::POP_EXCEPT, kNoLocation);
      load_none(kNoLocation);
      if (!nameop(h->name, ast::ExprContext::Store, kNoLocation)) return false;
      if (!nameop(h->name, ast::ExprContext::Del, kNoLocation)) return false;
      emit_jump(Op::JUMP, end, kNoLocation);
      use_label(cleanup_end);
      load_none(kNoLocation);
      if (!nameop(h->name, ast::ExprContext::Store, kNoLocation)) return false;
      if (!nameop(h->name, ast::ExprContext::Del, kNoLocation)) return false;
      emit(Op::RERAISE, 1, kNoLocation);
    } else {
      Label cleanup_body = new_label();
      emit(Op::POP_TOP, hloc);
      use_label(cleanup_body);
      if (!push_fblock(FBlock{FBlockType::HandlerCleanup, cleanup_body, kNoLabel, {}, nullptr, {}}, hloc)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      emit(Op::POP_BLOCK, kNoLocation);
      emit(Op::POP_EXCEPT, kNoLocation);
      emit_jump(Op::JUMP, end, kNoLocation);
    }
    use_label(next_except);
  }
  pop_fblock();
  emit(Op::RERAISE, 0, kNoLocation);
  emit_exception_cleanup(cleanup);
  use_label(end);
  return true;
}

bool Compiler::visit_try_star(ast::Seq<ast::stmt*> body, ast::Seq<ast::excepthandler*> handlers,
                              ast::Seq<ast::stmt*> orelse, Location loc) {
  Label bodyl = new_label(), except = new_label(), orelse_l = new_label(), end = new_label();
  Label cleanup = new_label(), reraise_star = new_label();
  emit_jump(Op::SETUP_FINALLY, except, loc);
  use_label(bodyl);
  if (!push_fblock(FBlock{FBlockType::TryExcept, bodyl, kNoLabel, {}, nullptr, {}}, loc)) return false;
  if (!visit_stmts(body)) return false;
  pop_fblock();
  emit(Op::POP_BLOCK, kNoLocation);
  emit_jump(Op::JUMP, orelse_l, kNoLocation);
  use_label(except);
  emit_jump(Op::SETUP_CLEANUP, cleanup, kNoLocation);
  emit(Op::PUSH_EXC_INFO, kNoLocation);
  if (!push_fblock(FBlock{FBlockType::ExceptionGroupHandler, kNoLabel, kNoLabel, {}, nullptr, {}}, loc)) return false;
  size_t n = handlers.size();
  for (size_t i = 0; i < n; ++i) {
    auto* h = ast::cast<ast::ExceptHandler>(handlers[i]);
    Location hloc = loc_of(h);
    Label next_except = new_label(), except_with_error = new_label(), no_match = new_label();
    if (i == 0) {
      // [orig] -> [orig, results list, exc to match]
      emit(Op::BUILD_LIST, 0, hloc);
      emit(Op::COPY, 2, hloc);
    }
    if (h->type != nullptr) {
      if (!visit_expr(h->type)) return false;
      emit(Op::CHECK_EG_MATCH, hloc);
      emit(Op::COPY, 1, hloc);
      emit_jump(Op::POP_JUMP_IF_NONE, no_match, hloc);
    }
    Label cleanup_end = new_label(), cleanup_body = new_label();
    if (h->name.data() != nullptr) {
      if (!nameop(h->name, ast::ExprContext::Store, hloc)) return false;
    } else {
      emit(Op::POP_TOP, hloc);
    }
    emit_jump(Op::SETUP_CLEANUP, cleanup_end, hloc);
    use_label(cleanup_body);
    if (!push_fblock(FBlock{FBlockType::HandlerCleanup, cleanup_body, kNoLabel, {}, nullptr, h->name}, hloc)) return false;
    if (!visit_stmts(h->body)) return false;
    pop_fblock();
    emit(Op::POP_BLOCK, kNoLocation);
    if (h->name.data() != nullptr) {
      load_none(kNoLocation);
      if (!nameop(h->name, ast::ExprContext::Store, kNoLocation)) return false;
      if (!nameop(h->name, ast::ExprContext::Del, kNoLocation)) return false;
    }
    emit_jump(Op::JUMP, next_except, kNoLocation);
    use_label(cleanup_end);
    if (h->name.data() != nullptr) {
      load_none(kNoLocation);
      if (!nameop(h->name, ast::ExprContext::Store, kNoLocation)) return false;
      if (!nameop(h->name, ast::ExprContext::Del, kNoLocation)) return false;
    }
    emit(Op::LIST_APPEND, 3, kNoLocation);  // the raised exception joins the results
    emit(Op::POP_TOP, kNoLocation);         // lasti
    emit_jump(Op::JUMP, except_with_error, kNoLocation);
    use_label(next_except);
    emit(Op::NOP, kNoLocation);
    emit_jump(Op::JUMP, except_with_error, kNoLocation);
    use_label(no_match);
    emit(Op::POP_TOP, hloc);  // match (None)
    use_label(except_with_error);
    if (i + 1 == n) {
      emit(Op::LIST_APPEND, 1, kNoLocation);  // the unhandled rest
      emit_jump(Op::JUMP, reraise_star, kNoLocation);
    }
  }
  pop_fblock();
  Label reraise = new_label();
  use_label(reraise_star);
  emit(Op::CALL_INTRINSIC_2, static_cast<int>(vm::Intrinsic2::PREP_RERAISE_STAR), kNoLocation);
  emit(Op::COPY, 1, kNoLocation);
  emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise, kNoLocation);
  emit(Op::POP_TOP, kNoLocation);
  emit(Op::POP_BLOCK, kNoLocation);
  emit(Op::POP_EXCEPT, kNoLocation);
  emit_jump(Op::JUMP, end, kNoLocation);
  use_label(reraise);
  emit(Op::POP_BLOCK, kNoLocation);
  emit(Op::SWAP, 2, kNoLocation);
  emit(Op::POP_EXCEPT, kNoLocation);
  emit(Op::RERAISE, 0, kNoLocation);
  emit_exception_cleanup(cleanup);
  use_label(orelse_l);
  if (!visit_stmts(orelse)) return false;
  use_label(end);
  return true;
}

void Compiler::call_exit_with_nones(Location loc) {
  // [exit, None, None, None] CALL 2: the first None fills the self slot, so
  // this is exit(None, None, None).
  load_none(loc);
  load_none(loc);
  load_none(loc);
  emit(Op::CALL, 2, loc);
}

void Compiler::with_except_finish(Label cleanup) {
  Label suppress = new_label(), exit = new_label();
  emit(Op::TO_BOOL, kNoLocation);
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress, kNoLocation);
  emit(Op::RERAISE, 2, kNoLocation);
  use_label(suppress);
  emit(Op::POP_TOP, kNoLocation);  // exc_value
  emit(Op::POP_BLOCK, kNoLocation);
  emit(Op::POP_EXCEPT, kNoLocation);
  emit(Op::POP_TOP, kNoLocation);
  emit(Op::POP_TOP, kNoLocation);
  emit_jump(Op::JUMP, exit, kNoLocation);
  emit_exception_cleanup(cleanup);
  use_label(exit);
}

bool Compiler::visit_with(ast::stmt* s, size_t pos, bool is_async) {
  ast::Seq<ast::withitem*> items = is_async ? ast::cast<ast::AsyncWith>(s)->items : ast::cast<ast::With>(s)->items;
  ast::Seq<ast::stmt*> body = is_async ? ast::cast<ast::AsyncWith>(s)->body : ast::cast<ast::With>(s)->body;
  if (is_async && pos == 0 && !in_async_context())
    return error("'async with' outside async function", s);
  ast::withitem* item = items[pos];
  Location loc = loc_of(s);
  Label block = new_label(), final = new_label(), exit = new_label(), cleanup = new_label();
  if (!visit_expr(item->context_expr)) return false;
  if (is_async) {
    emit(Op::BEFORE_ASYNC_WITH, loc);
    emit(Op::GET_AWAITABLE, 1, loc);
    load_none(loc);
    emit_yield_from(loc, true);
  } else {
    emit(Op::BEFORE_WITH, loc);
  }
  emit_jump(Op::SETUP_WITH, final, loc);
  use_label(block);
  if (!push_fblock(FBlock{is_async ? FBlockType::AsyncWith : FBlockType::With, block, final, {}, s, {}}, loc)) return false;
  if (item->optional_vars != nullptr) {
    if (!visit_store_target(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP, loc);
  }
  if (pos + 1 == items.size()) {
    if (!visit_stmts(body)) return false;
  } else if (!visit_with(s, pos + 1, is_async)) {
    return false;
  }
  emit(Op::POP_BLOCK, kNoLocation);
  pop_fblock();
  call_exit_with_nones(loc);
  if (is_async) {
    emit(Op::GET_AWAITABLE, 2, loc);
    load_none(loc);
    emit_yield_from(loc, true);
  }
  emit(Op::POP_TOP, loc);
  emit_jump(Op::JUMP, exit, loc);
  use_label(final);
  emit_jump(Op::SETUP_CLEANUP, cleanup, loc);
  emit(Op::PUSH_EXC_INFO, loc);
  emit(Op::WITH_EXCEPT_START, loc);
  if (is_async) {
    emit(Op::GET_AWAITABLE, 2, loc);
    load_none(loc);
    emit_yield_from(loc, true);
  }
  with_except_finish(cleanup);
  use_label(exit);
  return true;
}

// ---------------------------------------------------------------------------
// Simple statements
// ---------------------------------------------------------------------------

bool Compiler::visit_import(ast::Import* s) {
  Location loc = loc_of(s);
  for (auto* a : s->names) {
    load_int(0, loc);
    load_none(loc);
    emit(Op::IMPORT_NAME, name_index(a->name), loc);
    if (a->asname.data() != nullptr) {
      ast::Str name = a->name;
      size_t dot = name.find('.');
      if (dot != ast::Str::npos) {
        // `import a.b.c as d` binds d to a.b.c: walk the attributes.
        while (true) {
          size_t pos = dot + 1;
          dot = name.find('.', pos);
          ast::Str attr = name.substr(pos, dot == ast::Str::npos ? ast::Str::npos : dot - pos);
          emit(Op::IMPORT_FROM, name_index(attr), loc);
          if (dot == ast::Str::npos) break;
          emit(Op::SWAP, 2, loc);
          emit(Op::POP_TOP, loc);
        }
        if (!nameop(a->asname, ast::ExprContext::Store, loc)) return false;
        emit(Op::POP_TOP, loc);
      } else if (!nameop(a->asname, ast::ExprContext::Store, loc)) {
        return false;
      }
    } else {
      ast::Str store = a->name.substr(0, a->name.find('.'));
      if (!nameop(store, ast::ExprContext::Store, loc)) return false;
    }
  }
  return true;
}

bool Compiler::visit_import_from(ast::ImportFrom* s) {
  Location loc = loc_of(s);
  load_int(s->level, loc);
  if (s->module.data() != nullptr && s->module == "__future__" && s->lineno > opts_.future_lineno)
    return error("from __future__ imports must occur at the beginning of the file", s);
  std::vector<vm::CodeConstant> names;
  for (auto* a : s->names) names.push_back(vm::CodeConstant::of_str(std::string(a->name)));
  load_const(vm::CodeConstant::of_tuple(std::move(names)), loc);
  emit(Op::IMPORT_NAME, name_index(s->module.data() != nullptr ? s->module : ast::Str("")), loc);
  for (size_t i = 0; i < s->names.size(); ++i) {
    auto* a = s->names[i];
    if (i == 0 && !a->name.empty() && a->name[0] == '*') {
      emit(Op::CALL_INTRINSIC_1, static_cast<int>(vm::Intrinsic1::IMPORT_STAR), loc);
      emit(Op::POP_TOP, kNoLocation);
      return true;
    }
    emit(Op::IMPORT_FROM, name_index(a->name), loc);
    if (!nameop(a->asname.data() != nullptr ? a->asname : a->name, ast::ExprContext::Store, loc))
      return false;
  }
  emit(Op::POP_TOP, loc);
  return true;
}

bool Compiler::visit_assert(ast::Assert* s) {
  Location loc = loc_of(s);
  bool nonempty_tuple = false;
  if (auto* t = ast::dyn_cast<ast::Tuple>(s->test)) nonempty_tuple = !t->elts.empty();
  if (auto* c = ast::dyn_cast<ast::Constant>(s->test))
    nonempty_tuple = c->value.kind == ast::ConstantKind::Tuple && !c->value.items.empty();
  if (nonempty_tuple) warn("assertion is always true, perhaps remove parentheses?", s);
  if (opts_.optimize > 0) return true;
  Label end = new_label();
  // A comparison in the test becomes the location of the raise, as in 3.11.
  if (!jump_if(s->test, end, true, loc)) return false;
  emit(Op::LOAD_ASSERTION_ERROR, loc);
  if (s->msg != nullptr) {
    if (!visit_expr(s->msg)) return false;
    emit(Op::CALL, 0, loc);  // [AssertionError, msg]: msg in the self slot
  }
  emit(Op::RAISE_VARARGS, 1, loc);
  use_label(end);
  return true;
}

bool Compiler::check_ann_expr(ast::expr* e) {
  if (!visit_expr(e)) return false;
  emit(Op::POP_TOP, loc_of(e));
  return true;
}

bool Compiler::check_ann_subscr(ast::expr* e) {
  if (auto* sl = ast::dyn_cast<ast::Slice>(e)) {
    if (sl->lower != nullptr && !check_ann_expr(sl->lower)) return false;
    if (sl->upper != nullptr && !check_ann_expr(sl->upper)) return false;
    if (sl->step != nullptr && !check_ann_expr(sl->step)) return false;
    return true;
  }
  if (auto* t = ast::dyn_cast<ast::Tuple>(e)) {
    for (auto* x : t->elts)
      if (!check_ann_subscr(x)) return false;
    return true;
  }
  return check_ann_expr(e);
}

bool Compiler::visit_annassign(ast::AnnAssign* s) {
  Location loc = loc_of(s);
  if (s->value != nullptr) {
    if (!visit_expr(s->value)) return false;
    if (!visit_store_target(s->target)) return false;
  }
  bool module_or_class = unit().kind == UnitKind::Module || unit().kind == UnitKind::Class;
  if (auto* n = ast::dyn_cast<ast::Name>(s->target)) {
    if (forbidden_name(n->id, ast::ExprContext::Store, loc)) return false;
    if (s->simple && module_or_class) {
      if (!visit_annotation_value(s->annotation, loc)) return false;
      emit(Op::LOAD_NAME, unit().info.add_name("__annotations__"), loc);
      load_str(mangle(unit().private_name, n->id), loc);
      emit(Op::STORE_SUBSCR, loc);
    }
  } else if (auto* a = ast::dyn_cast<ast::Attribute>(s->target)) {
    if (forbidden_name(a->attr, ast::ExprContext::Store, loc)) return false;
    if (s->value == nullptr && !check_ann_expr(a->value)) return false;
  } else if (auto* sub = ast::dyn_cast<ast::Subscript>(s->target)) {
    if (s->value == nullptr && (!check_ann_expr(sub->value) || !check_ann_subscr(sub->slice)))
      return false;
  } else {
    return error("invalid node type for annotated assignment", s);
  }
  if (!s->simple && !(opts_.future_flags & vm::CO_FUTURE_ANNOTATIONS) && module_or_class)
    return check_ann_expr(s->annotation);
  return true;
}

bool Compiler::visit_augassign(ast::AugAssign* s) {
  ast::expr* e = s->target;
  Location loc = loc_of(e);
  if (auto* a = ast::dyn_cast<ast::Attribute>(e)) {
    if (!visit_expr(a->value)) return false;
    emit(Op::COPY, 1, loc);
    emit(Op::LOAD_ATTR, name_index(a->attr) << 1, attr_loc(loc, a));
  } else if (auto* sub = ast::dyn_cast<ast::Subscript>(e)) {
    if (!visit_expr(sub->value)) return false;
    auto* sl = ast::dyn_cast<ast::Slice>(sub->slice);
    if (sl != nullptr && sl->step == nullptr) {
      if (visit_slice_parts(sl) < 0) return false;
      emit(Op::COPY, 3, loc);
      emit(Op::COPY, 3, loc);
      emit(Op::COPY, 3, loc);
      emit(Op::BINARY_SLICE, loc);
    } else {
      if (!visit_expr(sub->slice)) return false;
      emit(Op::COPY, 2, loc);
      emit(Op::COPY, 2, loc);
      emit(Op::BINARY_SUBSCR, loc);
    }
  } else if (auto* n = ast::dyn_cast<ast::Name>(e)) {
    if (!nameop(n->id, ast::ExprContext::Load, loc)) return false;
  } else {
    return error("invalid node type for augmented assignment", e);
  }
  if (!visit_expr(s->value)) return false;
  emit(Op::BINARY_OP, binary_op_oparg(s->op, true), loc_of(s));
  if (auto* a = ast::dyn_cast<ast::Attribute>(e)) {
    Location l = attr_loc(loc, a);
    emit(Op::SWAP, 2, l);
    emit(Op::STORE_ATTR, name_index(a->attr), l);
  } else if (auto* sub = ast::dyn_cast<ast::Subscript>(e)) {
    auto* sl = ast::dyn_cast<ast::Slice>(sub->slice);
    if (sl != nullptr && sl->step == nullptr) {
      emit(Op::SWAP, 4, loc);
      emit(Op::SWAP, 3, loc);
      emit(Op::SWAP, 2, loc);
      emit(Op::STORE_SLICE, loc);
    } else {
      emit(Op::SWAP, 3, loc);
      emit(Op::SWAP, 2, loc);
      emit(Op::STORE_SUBSCR, loc);
    }
  } else {
    return nameop(ast::cast<ast::Name>(e)->id, ast::ExprContext::Store, loc);
  }
  return true;
}

bool Compiler::visit_expr_stmt(ast::Expr* s) {
  Location loc = loc_of(s);
  if (interactive_ && units_.size() == 1) {
    if (!visit_expr(s->value)) return false;
    emit(Op::CALL_INTRINSIC_1, static_cast<int>(vm::Intrinsic1::PRINT), loc);
    emit(Op::POP_TOP, kNoLocation);
    return true;
  }
  if (ast::is<ast::Constant>(s->value)) {
    emit(Op::NOP, loc);  // a constant statement only marks its line
    return true;
  }
  if (!visit_expr(s->value)) return false;
  emit(Op::POP_TOP, kNoLocation);
  return true;
}

bool Compiler::visit_stmt(ast::stmt* s) {
  DepthGuard guard(depth_);
  if (too_deep()) return false;
  using K = ast::NodeKind;
  Location loc = loc_of(s);
  switch (s->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef: return visit_function(s);
    case K::ClassDef: return visit_class(ast::cast<ast::ClassDef>(s));
    case K::Return: return visit_return(ast::cast<ast::Return>(s));
    case K::Delete:
      for (auto* t : ast::cast<ast::Delete>(s)->targets)
        if (!visit_expr(t)) return false;
      return true;
    case K::Assign: {
      auto* a = ast::cast<ast::Assign>(s);
      if (!visit_expr(a->value)) return false;
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) emit(Op::COPY, 1, loc);
        if (!visit_store_target(a->targets[i])) return false;
      }
      return true;
    }
    case K::AugAssign: return visit_augassign(ast::cast<ast::AugAssign>(s));
    case K::AnnAssign: return visit_annassign(ast::cast<ast::AnnAssign>(s));
    case K::For: return visit_for(ast::cast<ast::For>(s));
    case K::AsyncFor: return visit_async_for(ast::cast<ast::AsyncFor>(s));
    case K::While: return visit_while(ast::cast<ast::While>(s));
    case K::If: return visit_if(ast::cast<ast::If>(s));
    case K::With: return visit_with(s, 0, false);
    case K::AsyncWith: return visit_with(s, 0, true);
    case K::Match: return visit_match(ast::cast<ast::Match>(s));
    case K::Raise: {
      auto* r = ast::cast<ast::Raise>(s);
      int n = 0;
      if (r->exc != nullptr) {
        if (!visit_expr(r->exc)) return false;
        ++n;
        if (r->cause != nullptr) {
          if (!visit_expr(r->cause)) return false;
          ++n;
        }
      }
      emit(Op::RAISE_VARARGS, n, loc);
      return true;
    }
    case K::Try:
    case K::TryStar: return visit_try(s);
    case K::Assert: return visit_assert(ast::cast<ast::Assert>(s));
    case K::Import: return visit_import(ast::cast<ast::Import>(s));
    case K::ImportFrom: return visit_import_from(ast::cast<ast::ImportFrom>(s));
    case K::Global:
    case K::Nonlocal: return true;
    case K::Expr: return visit_expr_stmt(ast::cast<ast::Expr>(s));
    case K::Pass: emit(Op::NOP, loc); return true;
    case K::Break: return visit_break_continue(s, true);
    case K::Continue: return visit_break_continue(s, false);
    default: return error("unexpected statement", s);
  }
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

std::shared_ptr<vm::CodeObject> codegen_module(ast::mod* module, const SymbolTable& st,
                                               const CodegenOptions& opts, CompileError& err,
                                               std::vector<CompileWarning>* warnings) {
  Compiler c(st, opts, err, warnings);
  return c.compile_module(module);
}

}  // namespace spindle::frontend
