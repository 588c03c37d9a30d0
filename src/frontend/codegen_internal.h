// The code generator's shared state, split over codegen.cpp (units, names,
// statements), codegen_expr.cpp (expressions, calls, comprehensions) and
// codegen_pattern.cpp (match statements). Private to those files.
//
// Invariants:
//   * unit() is the innermost unit being emitted; units_ is a stack that
//     mirrors the scope nesting (module at the bottom).
//   * The frame-block stack of a unit (fblocks) describes what is live on the
//     value stack and which handlers are set up at the current point, so that
//     break/continue/return can unwind them (CPython's fblockinfo).
//   * Every visit_* returns false exactly when err_ has been filled.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "frontend/ast_unparse.h"
#include "frontend/codegen.h"
#include "frontend/instr_sequence.h"
#include "frontend/symtable.h"

namespace spindle::frontend {

enum class FBlockType : uint8_t {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
};

struct FBlock {
  FBlockType type;
  Label block;  // loop start (continue target) / region label
  Label exit;   // loop exit (break target)
  // FinallyTry: the finally body; With: the statement; HandlerCleanup: the
  // bound exception name (empty data = none).
  ast::Seq<ast::stmt*> finalbody;
  const ast::stmt* stmt = nullptr;
  ast::Str name;
};

enum class UnitKind : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

struct Unit {
  UnitKind kind = UnitKind::Module;
  const Scope* scope = nullptr;
  InstrSequence seq;
  CodeUnitInfo info;
  std::vector<FBlock> fblocks;
  std::string_view private_name;  // enclosing class name for mangling (null = none)
  std::vector<std::string> cell_and_free;  // cellvars ++ freevars (DEREF index space)
  // Nested code objects by value (code_signature) -> co_consts index.
  std::unordered_map<std::string, int> code_consts;
};

// Pattern-matching state (CPython's pattern_context).
struct PatternContext {
  std::vector<std::string> stores;  // names captured so far, in stack order
  bool allow_irrefutable = false;
  std::vector<Label> fail_pop;  // fail_pop[n]: pop n items, then fail
  int on_top = 0;               // items above the subject that must be popped on failure
};

class Compiler {
 public:
  Compiler(const SymbolTable& st, const CodegenOptions& opts, CompileError& err,
           std::vector<CompileWarning>* warnings)
      : st_(st), opts_(opts), err_(err), warnings_(warnings) {}

  std::shared_ptr<vm::CodeObject> compile_module(ast::mod* m);

  // --- units (codegen.cpp) ---------------------------------------------------
  bool enter_unit(UnitKind kind, std::string name, const ast::Node* node, int firstlineno);
  std::shared_ptr<vm::CodeObject> exit_unit();
  Unit& unit() { return *units_.back(); }
  std::string qualname_for(const std::string& name, UnitKind kind);
  bool make_closure(std::shared_ptr<vm::CodeObject> code, int flags, Location loc);

  // --- emission helpers --------------------------------------------------------
  void emit(vm::Op op, int oparg, Location loc) { unit().seq.emit(op, oparg, loc); }
  void emit(vm::Op op, Location loc) { unit().seq.emit(op, 0, loc); }
  void emit_jump(vm::Op op, Label l, Location loc) { unit().seq.emit_jump(op, l, loc); }
  Label new_label() { return unit().seq.new_label(); }
  void use_label(Label l) { unit().seq.use_label(l); }
  void load_const(vm::CodeConstant c, Location loc) {
    emit(vm::Op::LOAD_CONST, unit().info.add_const(std::move(c)), loc);
  }
  void load_const(const ast::ConstantValue& v, Location loc) {
    load_const(vm::CodeConstant::from_ast(v), loc);
  }
  void load_none(Location loc) { load_const(vm::CodeConstant::none(), loc); }
  void load_str(std::string s, Location loc) { load_const(vm::CodeConstant::of_str(std::move(s)), loc); }
  void load_int(int64_t v, Location loc) { load_const(vm::CodeConstant::of_int(v), loc); }
  int name_index(ast::Str name) { return unit().info.add_name(mangle(unit().private_name, name)); }
  int deref_index(const std::string& name);

  bool error(const std::string& msg, const ast::Node* at);
  bool error_loc(const std::string& msg, Location loc);
  void warn(const std::string& msg, const ast::Node* at);

  // --- names -------------------------------------------------------------------
  bool nameop(ast::Str name, ast::ExprContext ctx, Location loc);
  // "cannot assign to / delete __debug__" (true = error reported).
  bool forbidden_name(ast::Str name, ast::ExprContext ctx, Location loc);
  bool check_debug_args(ast::arguments* a, Location loc);
  bool is_global_load(ast::Str name);

  // --- statements (codegen.cpp) ------------------------------------------------
  bool visit_stmt(ast::stmt* s);
  bool visit_stmts(ast::Seq<ast::stmt*> body);
  bool visit_body(ast::Seq<ast::stmt*> body, bool is_module_or_class);
  bool visit_function(ast::stmt* s);
  bool visit_class(ast::ClassDef* s);
  bool visit_return(ast::Return* s);
  bool visit_break_continue(ast::stmt* s, bool is_break);
  bool visit_if(ast::If* s);
  bool visit_for(ast::For* s);
  bool visit_async_for(ast::AsyncFor* s);
  bool visit_while(ast::While* s);
  bool visit_try(ast::stmt* s);
  bool visit_try_except(ast::Seq<ast::stmt*> body, ast::Seq<ast::excepthandler*> handlers,
                        ast::Seq<ast::stmt*> orelse, Location loc);
  bool visit_try_finally(ast::stmt* s, ast::Seq<ast::stmt*> body,
                         ast::Seq<ast::excepthandler*> handlers, ast::Seq<ast::stmt*> orelse,
                         ast::Seq<ast::stmt*> finalbody);
  bool visit_try_star(ast::Seq<ast::stmt*> body, ast::Seq<ast::excepthandler*> handlers,
                      ast::Seq<ast::stmt*> orelse, Location loc);
  bool visit_with(ast::stmt* s, size_t pos, bool is_async);
  void with_except_finish(Label cleanup);
  void call_exit_with_nones(Location loc);
  bool visit_import(ast::Import* s);
  bool visit_import_from(ast::ImportFrom* s);
  bool visit_assert(ast::Assert* s);
  bool visit_annassign(ast::AnnAssign* s);
  bool visit_augassign(ast::AugAssign* s);
  bool visit_expr_stmt(ast::Expr* s);
  bool visit_defaults(ast::arguments* args, int& flags, Location loc);
  bool visit_annotations(ast::arguments* args, ast::expr* returns, int& flags, Location loc);
  bool visit_annotation_value(ast::expr* annotation, Location loc);
  bool check_ann_expr(ast::expr* e);
  bool check_ann_subscr(ast::expr* e);
  bool visit_decorators(ast::Seq<ast::expr*> decos);
  void apply_decorators(ast::Seq<ast::expr*> decos);

  // --- unwinding -----------------------------------------------------------------
  // CPython's CO_MAXBLOCKS: at most 20 frame blocks are open at once.
  bool push_fblock(FBlock b, Location loc) {
    if (unit().fblocks.size() >= 20) return error_loc("too many statically nested blocks", loc);
    unit().fblocks.push_back(b);
    return true;
  }
  void pop_fblock() { unit().fblocks.pop_back(); }

  // The handler every try-shaped construct ends with, bound at `cleanup`: an
  // exception raised while handling one restores the previous exception
  // state (COPY 3 brings the saved exc_info up) and re-raises with lasti.
  void emit_exception_cleanup(Label cleanup) {
    use_label(cleanup);
    emit(vm::Op::COPY, 3, kNoLocation);
    emit(vm::Op::POP_EXCEPT, kNoLocation);
    emit(vm::Op::RERAISE, 1, kNoLocation);
  }
  bool unwind_fblock(const FBlock& b, Location& loc, bool preserve_tos);
  bool unwind_fblock_stack(Location& loc, bool preserve_tos, const FBlock** loop);

  // --- expressions (codegen_expr.cpp) -----------------------------------------------
  bool visit_expr(ast::expr* e);
  bool visit_exprs(ast::Seq<ast::expr*> es);
  bool visit_expr_inner(ast::expr* e);
  bool jump_if(ast::expr* e, Label target, bool cond, Location& loc);
  bool visit_boolop(ast::BoolOp* e);
  bool visit_compare(ast::Compare* e);
  void emit_compare(ast::ComparisonOperator op, Location loc, bool to_bool);
  bool check_compare(ast::Compare* e);
  bool visit_call(ast::Call* e);
  bool call_helper(int n, ast::Seq<ast::expr*> args, ast::Seq<ast::keyword*> keywords, Location loc);
  bool check_caller(ast::expr* func);
  bool can_optimize_super_call(ast::Attribute* attr);
  bool load_args_for_super(ast::Call* call);
  bool check_subscripter(ast::expr* e);
  bool check_index(ast::expr* e, ast::expr* s);
  bool starunpack_helper(ast::Seq<ast::expr*> elts, int pushed, vm::Op build, vm::Op add,
                         vm::Op extend, bool tuple, Location loc);
  bool visit_dict(ast::Dict* e);
  bool subdict(ast::Dict* e, size_t begin, size_t end);
  bool visit_subscript(ast::Subscript* e);
  int visit_slice_parts(ast::Slice* s);
  bool visit_attribute(ast::Attribute* e);
  bool visit_store_target(ast::expr* e);
  bool unpack_helper(ast::Seq<ast::expr*> elts, Location loc, const ast::Node* at);
  bool visit_lambda(ast::Lambda* e);
  bool visit_comprehension(ast::expr* e, ast::Seq<ast::comprehension*> gens, ast::expr* elt,
                           ast::expr* val, ComprehensionKind kind);
  bool comprehension_generator(ast::Seq<ast::comprehension*> gens, size_t index, int depth,
                               ast::expr* elt, ast::expr* val, ComprehensionKind kind);
  bool sync_comprehension_generator(ast::Seq<ast::comprehension*> gens, size_t index, int depth,
                                    ast::expr* elt, ast::expr* val, ComprehensionKind kind);
  bool async_comprehension_generator(ast::Seq<ast::comprehension*> gens, size_t index, int depth,
                                     ast::expr* elt, ast::expr* val, ComprehensionKind kind);
  bool comprehension_element(ast::expr* elt, ast::expr* val, ComprehensionKind kind, int depth);
  void emit_yield_from(Location loc, bool await);
  void emit_yield(Location loc);
  bool visit_joined_str(ast::JoinedStr* e);
  bool visit_formatted_value(ast::FormattedValue* e);
  Location attr_loc(Location loc, ast::Attribute* attr);
  bool is_function_like() const;
  bool in_async_context();
  void wrap_in_stopiteration_handler();

  // --- patterns (codegen_pattern.cpp) --------------------------------------------
  bool visit_match(ast::Match* s);
  bool pattern(ast::pattern* p, PatternContext& pc);
  bool pattern_subpattern(ast::pattern* p, PatternContext& pc);
  bool pattern_as(ast::MatchAs* p, PatternContext& pc);
  bool pattern_star(ast::MatchStar* p, PatternContext& pc);
  bool pattern_value(ast::MatchValue* p, PatternContext& pc);
  bool pattern_singleton(ast::MatchSingleton* p, PatternContext& pc);
  bool pattern_sequence(ast::MatchSequence* p, PatternContext& pc);
  bool pattern_mapping(ast::MatchMapping* p, PatternContext& pc);
  bool pattern_class(ast::MatchClass* p, PatternContext& pc);
  bool pattern_or(ast::MatchOr* p, PatternContext& pc);
  bool pattern_store_name(ast::Str name, Location loc, PatternContext& pc);
  bool pattern_unpack_helper(ast::Seq<ast::pattern*> elts, Location loc);
  void pattern_rotate(int count, Location loc);
  void ensure_fail_pop(PatternContext& pc, size_t n);
  void jump_to_fail_pop(PatternContext& pc, vm::Op op, Location loc);
  void emit_and_reset_fail_pop(PatternContext& pc, Location loc);

  const SymbolTable& st_;
  const CodegenOptions& opts_;
  CompileError& err_;
  std::vector<CompileWarning>* warnings_;
  std::vector<std::unique_ptr<Unit>> units_;
  // Recursion depth of visit_stmt/visit_expr/jump_if/pattern (kMaxCompileDepth).
  int depth_ = 0;
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
  };
  uintptr_t floor_ = opts_.stack_floor != 0 ? opts_.stack_floor : stack_floor();
  bool too_deep() {
    if (depth_ <= kMaxCompileDepth && !stack_exhausted(floor_)) return false;
    set_recursion_error(err_);
    return true;
  }
  Location pattern_loc_;
  Location comp_loc_;  // the comprehension being compiled (its loop instructions' location)  // location of the pattern entered last (CPython reports errors there)
  bool interactive_ = false;
};

// Helpers shared by the codegen files.
[[nodiscard]] int binary_op_oparg(ast::Operator op, bool inplace);

}  // namespace spindle::frontend
