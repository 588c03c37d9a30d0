// Code generation, part 2: expressions, assignment targets, calls, displays,
// comprehensions, yield/await and f-strings.
//
// Conditions are compiled for jumps (jump_if) rather than for values where
// the grammar allows it, so `if a and b < c:` is a chain of conditional
// jumps with no intermediate bools. Values used by a conditional jump are
// always exact bools (TO_BOOL, or the COMPARE_OP bool bit), as the
// instruction set requires.
#include "frontend/codegen_internal.h"

namespace spindle::frontend {

using vm::Op;

namespace {

constexpr int kStackUseGuideline = 30;

// The type name of a literal-like expression, or null when unknown
// (CPython's infer_type, used by the "perhaps you missed a comma?" warnings).
const char* infer_type(const ast::expr* e) {
  using K = ast::NodeKind;
  switch (e->kind) {
    case K::Tuple: return "tuple";
    case K::List:
    case K::ListComp: return "list";
    case K::Dict:
    case K::DictComp: return "dict";
    case K::Set:
    case K::SetComp: return "set";
    case K::GeneratorExp: return "generator";
    case K::Lambda: return "function";
    case K::JoinedStr:
    case K::FormattedValue: return "str";
    case K::Constant: {
      switch (static_cast<const ast::Constant*>(e)->value.kind) {
        case ast::ConstantKind::None: return "NoneType";
        case ast::ConstantKind::Bool: return "bool";
        case ast::ConstantKind::Ellipsis: return "ellipsis";
        case ast::ConstantKind::Int:
        case ast::ConstantKind::BigInt: return "int";
        case ast::ConstantKind::Float: return "float";
        case ast::ConstantKind::Complex: return "complex";
        case ast::ConstantKind::Str: return "str";
        case ast::ConstantKind::Bytes: return "bytes";
        case ast::ConstantKind::Tuple: return "tuple";
        case ast::ConstantKind::FrozenSet: return "frozenset";
      }
      return nullptr;
    }
    default: return nullptr;
  }
}

bool is_two_element_slice(const ast::expr* e) {
  auto* s = ast::dyn_cast<ast::Slice>(const_cast<ast::expr*>(e));
  return s != nullptr && s->step == nullptr;
}

bool has_starred(ast::Seq<ast::expr*> elts) {
  for (auto* e : elts)
    if (ast::is<ast::Starred>(e)) return true;
  return false;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

Location Compiler::attr_loc(Location loc, ast::Attribute* attr) {
  // A method call split over lines reports the line of the attribute name.
  if (loc.lineno != attr->end_lineno) {
    loc.lineno = attr->end_lineno;
    int len = static_cast<int>(utf8_length(attr->attr));
    if (len <= attr->end_col_offset) {
      loc.col_offset = attr->end_col_offset - len;
    } else {
      loc.col_offset = -1;
      loc.end_col_offset = -1;
    }
    loc.end_lineno = std::max(loc.lineno, loc.end_lineno);
    if (loc.lineno == loc.end_lineno) loc.end_col_offset = std::max(loc.col_offset, loc.end_col_offset);
  }
  return loc;
}

bool Compiler::visit_exprs(ast::Seq<ast::expr*> es) {
  for (auto* e : es)
    if (!visit_expr(e)) return false;
  return true;
}

bool Compiler::visit_store_target(ast::expr* e) { return visit_expr(e); }

bool Compiler::visit_expr(ast::expr* e) {
  DepthGuard guard(depth_);
  return !too_deep() && visit_expr_inner(e);
}

// ---------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------

void Compiler::emit_compare(ast::ComparisonOperator op, Location loc, bool to_bool) {
  using C = ast::ComparisonOperator;
  using V = vm::CompareOp;
  switch (op) {
    case C::Is: emit(Op::IS_OP, 0, loc); return;
    case C::IsNot: emit(Op::IS_OP, 1, loc); return;
    case C::In: emit(Op::CONTAINS_OP, 0, loc); return;
    case C::NotIn: emit(Op::CONTAINS_OP, 1, loc); return;
    case C::Eq: emit(Op::COMPARE_OP, vm::compare_op_oparg(V::EQ, to_bool), loc); return;
    case C::NotEq: emit(Op::COMPARE_OP, vm::compare_op_oparg(V::NE, to_bool), loc); return;
    case C::Lt: emit(Op::COMPARE_OP, vm::compare_op_oparg(V::LT, to_bool), loc); return;
    case C::LtE: emit(Op::COMPARE_OP, vm::compare_op_oparg(V::LE, to_bool), loc); return;
    case C::Gt: emit(Op::COMPARE_OP, vm::compare_op_oparg(V::GT, to_bool), loc); return;
    case C::GtE: emit(Op::COMPARE_OP, vm::compare_op_oparg(V::GE, to_bool), loc); return;
  }
}

// `loc` is the compiler's "current location" of 3.11, where the jumps are
// reported: the statement (or expression) the condition belongs to, until a
// comparison in the condition replaces it (and it stays replaced for the
// rest of the condition, as in 3.11, which never restores it there).
bool Compiler::jump_if(ast::expr* e, Label target, bool cond, Location& loc) {
  DepthGuard guard(depth_);
  if (too_deep()) return false;
  switch (e->kind) {
    case ast::NodeKind::UnaryOp: {
      auto* u = ast::cast<ast::UnaryOp>(e);
      if (u->op == ast::UnaryOperator::Not) return jump_if(u->operand, target, !cond, loc);
      break;
    }
    case ast::NodeKind::BoolOp: {
      auto* b = ast::cast<ast::BoolOp>(e);
      bool cond2 = b->op == ast::BooleanOperator::Or;
      Label next2 = target;
      if (cond2 != cond) next2 = new_label();
      for (size_t i = 0; i + 1 < b->values.size(); ++i)
        if (!jump_if(b->values[i], next2, cond2, loc)) return false;
      if (!jump_if(b->values.back(), target, cond, loc)) return false;
      if (!(next2 == target)) use_label(next2);
      return true;
    }
    case ast::NodeKind::IfExp: {
      auto* i = ast::cast<ast::IfExp>(e);
      Label end = new_label(), next2 = new_label();
      if (!jump_if(i->test, next2, false, loc)) return false;
      if (!jump_if(i->body, target, cond, loc)) return false;
      emit_jump(Op::JUMP, end, kNoLocation);
      use_label(next2);
      if (!jump_if(i->orelse, target, cond, loc)) return false;
      use_label(end);
      return true;
    }
    case ast::NodeKind::Compare: {
      auto* c = ast::cast<ast::Compare>(e);
      loc = loc_of(e);
      if (!check_compare(c)) return false;
      size_t n = c->ops.size() - 1;
      if (!visit_expr(c->left)) return false;
      if (n == 0) {
        if (!visit_expr(c->comparators[0])) return false;
        emit_compare(c->ops[0], loc, true);
        emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, target, loc);
        return true;
      }
      Label cleanup = new_label(), end = new_label();
      for (size_t i = 0; i < n; ++i) {
        if (!visit_expr(c->comparators[i])) return false;
        emit(Op::SWAP, 2, loc);
        emit(Op::COPY, 2, loc);
        emit_compare(c->ops[i], loc, true);
        emit_jump(Op::POP_JUMP_IF_FALSE, cleanup, loc);
      }
      if (!visit_expr(c->comparators[n])) return false;
      emit_compare(c->ops[n], loc, true);
      emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, target, loc);
      emit_jump(Op::JUMP, end, kNoLocation);
      use_label(cleanup);
      emit(Op::POP_TOP, loc);
      if (!cond) emit_jump(Op::JUMP, target, kNoLocation);
      use_label(end);
      return true;
    }
    default: break;
  }
  if (!visit_expr(e)) return false;
  emit(Op::TO_BOOL, loc);
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, target, loc);
  return true;
}

bool Compiler::visit_boolop(ast::BoolOp* e) {
  Location loc = loc_of(e);
  Op jump = e->op == ast::BooleanOperator::And ? Op::POP_JUMP_IF_FALSE : Op::POP_JUMP_IF_TRUE;
  Label end = new_label();
  for (size_t i = 0; i + 1 < e->values.size(); ++i) {
    if (!visit_expr(e->values[i])) return false;
    emit(Op::COPY, 1, loc);
    emit(Op::TO_BOOL, loc);
    emit_jump(jump, end, loc);
    emit(Op::POP_TOP, loc);
  }
  if (!visit_expr(e->values.back())) return false;
  use_label(end);
  return true;
}

bool Compiler::check_compare(ast::Compare* e) {
  auto is_ok_arg = [](ast::expr* x) {
    auto* c = ast::dyn_cast<ast::Constant>(x);
    if (c == nullptr) return true;
    auto k = c->value.kind;
    return k == ast::ConstantKind::None || k == ast::ConstantKind::Bool || k == ast::ConstantKind::Ellipsis;
  };
  ast::expr* left = e->left;
  for (size_t i = 0; i < e->ops.size(); ++i) {
    auto op = e->ops[i];
    ast::expr* right = e->comparators[i];
    if ((op == ast::ComparisonOperator::Is || op == ast::ComparisonOperator::IsNot) &&
        (!is_ok_arg(left) || !is_ok_arg(right))) {
      warn(op == ast::ComparisonOperator::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                             : "\"is not\" with a literal. Did you mean \"!=\"?",
           e);
      return true;  // one warning per comparison, as CPython
    }
    left = right;
  }
  return true;
}

bool Compiler::visit_compare(ast::Compare* e) {
  Location loc = loc_of(e);
  if (!check_compare(e)) return false;
  if (!visit_expr(e->left)) return false;
  size_t n = e->ops.size() - 1;
  if (n == 0) {
    if (!visit_expr(e->comparators[0])) return false;
    emit_compare(e->ops[0], loc, false);
    return true;
  }
  Label cleanup = new_label(), end = new_label();
  for (size_t i = 0; i < n; ++i) {
    if (!visit_expr(e->comparators[i])) return false;
    emit(Op::SWAP, 2, loc);
    emit(Op::COPY, 2, loc);
    emit_compare(e->ops[i], loc, false);
    emit(Op::COPY, 1, loc);
    emit(Op::TO_BOOL, loc);
    emit_jump(Op::POP_JUMP_IF_FALSE, cleanup, loc);
    emit(Op::POP_TOP, loc);
  }
  if (!visit_expr(e->comparators[n])) return false;
  emit_compare(e->ops[n], loc, false);
  emit_jump(Op::JUMP, end, kNoLocation);
  use_label(cleanup);
  emit(Op::SWAP, 2, loc);
  emit(Op::POP_TOP, loc);
  use_label(end);
  return true;
}

// ---------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------

bool Compiler::check_caller(ast::expr* func) {
  using K = ast::NodeKind;
  switch (func->kind) {
    case K::Constant:
    case K::Tuple:
    case K::List:
    case K::ListComp:
    case K::Dict:
    case K::DictComp:
    case K::Set:
    case K::SetComp:
    case K::GeneratorExp:
    case K::JoinedStr:
    case K::FormattedValue:
      warn(std::string("'") + infer_type(func) + "' object is not callable; perhaps you missed a comma?", func);
      break;
    default: break;
  }
  return true;
}

bool Compiler::check_subscripter(ast::expr* e) {
  using K = ast::NodeKind;
  switch (e->kind) {
    case K::Constant: {
      auto k = ast::cast<ast::Constant>(e)->value.kind;
      using CK = ast::ConstantKind;
      if (!(k == CK::None || k == CK::Ellipsis || k == CK::Int || k == CK::BigInt || k == CK::Bool ||
            k == CK::Float || k == CK::Complex || k == CK::FrozenSet))
        return true;
      [[fallthrough]];
    }
    case K::Set:
    case K::SetComp:
    case K::GeneratorExp:
    case K::Lambda:
      warn(std::string("'") + infer_type(e) + "' object is not subscriptable; perhaps you missed a comma?", e);
      break;
    default: break;
  }
  return true;
}

bool Compiler::check_index(ast::expr* e, ast::expr* s) {
  const char* index_type = infer_type(s);
  if (index_type == nullptr || std::string_view(index_type) == "int" ||
      std::string_view(index_type) == "bool")
    return true;
  using K = ast::NodeKind;
  switch (e->kind) {
    case K::Constant: {
      auto k = ast::cast<ast::Constant>(e)->value.kind;
      using CK = ast::ConstantKind;
      if (!(k == CK::Str || k == CK::Bytes || k == CK::Tuple)) return true;
      [[fallthrough]];
    }
    case K::Tuple:
    case K::List:
    case K::ListComp:
    case K::JoinedStr:
    case K::FormattedValue:
      warn(std::string(infer_type(e)) + " indices must be integers or slices, not " + index_type +
               "; perhaps you missed a comma?",
           e);
      break;
    default: break;
  }
  return true;
}

// super().attr / super(C, self).attr compile to LOAD_SUPER_ATTR (no super
// object is made) when `super` is certainly the builtin as far as the
// compiler can see, and, for the zero-argument form, the function has a
// first positional parameter and the __class__ cell.
bool Compiler::can_optimize_super_call(ast::Attribute* attr) {
  auto* call = ast::dyn_cast<ast::Call>(attr->value);
  if (call == nullptr || !call->keywords.empty() || attr->attr == "__class__") return false;
  auto* fn = ast::dyn_cast<ast::Name>(call->func);
  if (fn == nullptr || fn->id != "super") return false;
  if (unit().scope->resolve("super") != Resolution::GlobalImplicit) return false;
  if (st_.top()->symbols.count("super") != 0) return false;
  if (call->args.size() == 2) return !has_starred(call->args);
  if (!call->args.empty()) return false;
  if (unit().info.argcount == 0 && unit().info.posonlyargcount == 0) return false;
  return unit().scope->resolve("__class__") == Resolution::Free;
}

bool Compiler::load_args_for_super(ast::Call* call) {
  Location loc = loc_of(call);
  if (!nameop("super", ast::ExprContext::Load, loc_of(call->func))) return false;
  if (call->args.size() == 2) return visit_expr(call->args[0]) && visit_expr(call->args[1]);
  if (!nameop("__class__", ast::ExprContext::Load, loc)) return false;
  return nameop(unit().info.varnames[0], ast::ExprContext::Load, loc);
}

bool Compiler::visit_call(ast::Call* e) {
  Location loc = loc_of(e);
  // Method calls: LOAD_ATTR with the method bit pushes (method, self) or
  // (attr, NULL), so no bound method object is made.
  if (auto* meth = ast::dyn_cast<ast::Attribute>(e->func)) {
    size_t argsl = e->args.size(), kwdsl = e->keywords.size();
    bool simple = meth->ctx == ast::ExprContext::Load &&
                  argsl + kwdsl + (kwdsl != 0 ? 1 : 0) < static_cast<size_t>(kStackUseGuideline) &&
                  !has_starred(e->args);
    for (auto* k : e->keywords)
      if (k->arg.data() == nullptr) simple = false;
    if (simple) {
      for (size_t i = 0; i < kwdsl; ++i) {
        if (forbidden_name(e->keywords[i]->arg, ast::ExprContext::Store, loc)) return false;
        for (size_t j = i + 1; j < kwdsl; ++j)
          if (e->keywords[i]->arg == e->keywords[j]->arg)
            return error("keyword argument repeated: " + std::string(e->keywords[j]->arg), e->keywords[j]);
      }
      if (can_optimize_super_call(meth)) {
        auto* call = ast::cast<ast::Call>(meth->value);
        if (!load_args_for_super(call)) return false;
        int two_arg = call->args.size() == 2 ? 2 : 0;
        emit(Op::LOAD_SUPER_ATTR, (name_index(meth->attr) << 2) | two_arg | 1, attr_loc(loc_of(meth), meth));
      } else {
        if (!visit_expr(meth->value)) return false;
        emit(Op::LOAD_ATTR, (name_index(meth->attr) << 1) | 1, attr_loc(loc_of(meth), meth));
      }
      if (!visit_exprs(e->args)) return false;
      for (auto* k : e->keywords)
        if (!visit_expr(k->value)) return false;
      Location cloc = attr_loc(loc, meth);
      if (kwdsl != 0) {
        std::vector<vm::CodeConstant> names;
        for (auto* k : e->keywords) names.push_back(vm::CodeConstant::of_str(std::string(k->arg)));
        load_const(vm::CodeConstant::of_tuple(std::move(names)), cloc);
        emit(Op::CALL_KW, static_cast<int>(argsl + kwdsl), cloc);
      } else {
        emit(Op::CALL, static_cast<int>(argsl), cloc);
      }
      return true;
    }
  }
  check_caller(e->func);
  if (auto* n = ast::dyn_cast<ast::Name>(e->func); n != nullptr && is_global_load(n->id)) {
    emit(Op::LOAD_GLOBAL, (unit().info.add_name(mangle(unit().private_name, n->id)) << 1) | 1, loc_of(n));
  } else {
    if (!visit_expr(e->func)) return false;
    emit(Op::PUSH_NULL, loc_of(e->func));
  }
  return call_helper(0, e->args, e->keywords, loc);
}

// Arguments of a call whose callable (and NULL or self) are on the stack,
// followed by `n` positional arguments already pushed (class definitions).
bool Compiler::call_helper(int n, ast::Seq<ast::expr*> args, ast::Seq<ast::keyword*> keywords,
                           Location loc) {
  for (size_t i = 0; i < keywords.size(); ++i) {
    if (keywords[i]->arg.data() == nullptr) continue;
    if (forbidden_name(keywords[i]->arg, ast::ExprContext::Store, loc)) return false;
    for (size_t j = i + 1; j < keywords.size(); ++j)
      if (keywords[j]->arg.data() != nullptr && keywords[i]->arg == keywords[j]->arg)
        return error("keyword argument repeated: " + std::string(keywords[j]->arg), keywords[j]);
  }
  size_t nelts = args.size(), nkwelts = keywords.size();
  bool ex_call = nelts + nkwelts * 2 > static_cast<size_t>(kStackUseGuideline) || has_starred(args);
  for (auto* k : keywords)
    if (k->arg.data() == nullptr) ex_call = true;
  if (!ex_call) {
    if (!visit_exprs(args)) return false;
    if (nkwelts != 0) {
      std::vector<vm::CodeConstant> names;
      for (auto* k : keywords) {
        if (!visit_expr(k->value)) return false;
        names.push_back(vm::CodeConstant::of_str(std::string(k->arg)));
      }
      load_const(vm::CodeConstant::of_tuple(std::move(names)), loc);
      emit(Op::CALL_KW, static_cast<int>(n + nelts + nkwelts), loc);
    } else {
      emit(Op::CALL, static_cast<int>(n + nelts), loc);
    }
    return true;
  }
  // f(*args, **kwargs): one tuple of positional arguments, one dict.
  if (n == 0 && nelts == 1 && ast::is<ast::Starred>(args[0])) {
    if (!visit_expr(ast::cast<ast::Starred>(args[0])->value)) return false;
  } else if (!starunpack_helper(args, n, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true, loc)) {
    return false;
  }
  if (nkwelts != 0) {
    bool have_dict = false;
    size_t nseen = 0;
    auto subkwargs = [&](size_t begin, size_t end) -> bool {
      size_t cnt = end - begin;
      bool big = cnt * 2 > static_cast<size_t>(kStackUseGuideline);
      if (cnt > 1 && !big) {
        std::vector<vm::CodeConstant> names;
        for (size_t i = begin; i < end; ++i) {
          if (!visit_expr(keywords[i]->value)) return false;
          names.push_back(vm::CodeConstant::of_str(std::string(keywords[i]->arg)));
        }
        load_const(vm::CodeConstant::of_tuple(std::move(names)), loc);
        emit(Op::BUILD_CONST_KEY_MAP, static_cast<int>(cnt), loc);
        return true;
      }
      if (big) emit(Op::BUILD_MAP, 0, loc);
      for (size_t i = begin; i < end; ++i) {
        load_str(std::string(keywords[i]->arg), loc);
        if (!visit_expr(keywords[i]->value)) return false;
        if (big) emit(Op::MAP_ADD, 1, loc);
      }
      if (!big) emit(Op::BUILD_MAP, static_cast<int>(cnt), loc);
      return true;
    };
    for (size_t i = 0; i < nkwelts; ++i) {
      ast::keyword* kw = keywords[i];
      if (kw->arg.data() == nullptr) {
        if (nseen != 0) {
          if (!subkwargs(i - nseen, i)) return false;
          if (have_dict) emit(Op::DICT_MERGE, 1, loc);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Op::BUILD_MAP, 0, loc);
          have_dict = true;
        }
        if (!visit_expr(kw->value)) return false;
        emit(Op::DICT_MERGE, 1, loc);
      } else {
        ++nseen;
      }
    }
    if (nseen != 0) {
      if (!subkwargs(nkwelts - nseen, nkwelts)) return false;
      if (have_dict) emit(Op::DICT_MERGE, 1, loc);
    }
  }
  emit(Op::CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0, loc);
  return true;
}

// ---------------------------------------------------------------------------
// Displays
// ---------------------------------------------------------------------------

bool Compiler::starunpack_helper(ast::Seq<ast::expr*> elts, int pushed, Op build, Op add, Op extend,
                                 bool tuple, Location loc) {
  size_t n = elts.size();
  bool all_const = n > 2;
  for (auto* e : elts)
    if (!ast::is<ast::Constant>(e)) all_const = false;
  if (all_const) {
    std::vector<vm::CodeConstant> items;
    for (auto* e : elts) items.push_back(vm::CodeConstant::from_ast(ast::cast<ast::Constant>(e)->value));
    vm::CodeConstant folded = vm::CodeConstant::of_tuple(std::move(items));
    if (tuple && pushed == 0) {
      load_const(std::move(folded), loc);
      return true;
    }
    if (add == Op::SET_ADD) folded.kind = vm::CodeConstant::Kind::FrozenSet;
    emit(build, pushed, loc);
    load_const(std::move(folded), loc);
    emit(extend, 1, loc);
    if (tuple) emit(Op::CALL_INTRINSIC_1, static_cast<int>(vm::Intrinsic1::LIST_TO_TUPLE), loc);
    return true;
  }
  bool big = n + pushed > static_cast<size_t>(kStackUseGuideline);
  bool seen_star = has_starred(elts);
  if (!seen_star && !big) {
    if (!visit_exprs(elts)) return false;
    emit(tuple ? Op::BUILD_TUPLE : build, static_cast<int>(n) + pushed, loc);
    return true;
  }
  bool built = false;
  if (big) {
    emit(build, pushed, loc);
    built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    ast::expr* elt = elts[i];
    if (auto* st = ast::dyn_cast<ast::Starred>(elt)) {
      if (!built) {
        emit(build, static_cast<int>(i) + pushed, loc);
        built = true;
      }
      if (!visit_expr(st->value)) return false;
      emit(extend, 1, loc);
    } else {
      if (!visit_expr(elt)) return false;
      if (built) emit(add, 1, loc);
    }
  }
  if (tuple) emit(Op::CALL_INTRINSIC_1, static_cast<int>(vm::Intrinsic1::LIST_TO_TUPLE), loc);
  return true;
}

bool Compiler::subdict(ast::Dict* e, size_t begin, size_t end) {
  Location loc = loc_of(e);
  size_t n = end - begin;
  bool big = n * 2 > static_cast<size_t>(kStackUseGuideline);
  bool all_const = n > 1 && !big;
  for (size_t i = begin; i < end && all_const; ++i)
    if (!ast::is<ast::Constant>(e->keys[i])) all_const = false;
  if (all_const) {
    std::vector<vm::CodeConstant> keys;
    for (size_t i = begin; i < end; ++i) {
      if (!visit_expr(e->values[i])) return false;
      keys.push_back(vm::CodeConstant::from_ast(ast::cast<ast::Constant>(e->keys[i])->value));
    }
    load_const(vm::CodeConstant::of_tuple(std::move(keys)), loc);
    emit(Op::BUILD_CONST_KEY_MAP, static_cast<int>(n), loc);
    return true;
  }
  if (big) emit(Op::BUILD_MAP, 0, loc);
  for (size_t i = begin; i < end; ++i) {
    if (!visit_expr(e->keys[i]) || !visit_expr(e->values[i])) return false;
    if (big) emit(Op::MAP_ADD, 1, loc);
  }
  if (!big) emit(Op::BUILD_MAP, static_cast<int>(n), loc);
  return true;
}

bool Compiler::visit_dict(ast::Dict* e) {
  Location loc = loc_of(e);
  size_t n = e->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; ++i) {
    if (e->keys[i] == nullptr) {
      if (elements != 0) {
        if (!subdict(e, i - elements, i)) return false;
        if (have_dict) emit(Op::DICT_UPDATE, 1, loc);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0, loc);
        have_dict = true;
      }
      if (!visit_expr(e->values[i])) return false;
      emit(Op::DICT_UPDATE, 1, loc);
    } else if (elements * 2 > static_cast<size_t>(kStackUseGuideline)) {
      if (!subdict(e, i - elements, i + 1)) return false;
      if (have_dict) emit(Op::DICT_UPDATE, 1, loc);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements != 0) {
    if (!subdict(e, n - elements, n)) return false;
    if (have_dict) emit(Op::DICT_UPDATE, 1, loc);
    have_dict = true;
  }
  if (!have_dict) emit(Op::BUILD_MAP, 0, loc);
  return true;
}

// ---------------------------------------------------------------------------
// Subscripts, attributes, targets
// ---------------------------------------------------------------------------

int Compiler::visit_slice_parts(ast::Slice* s) {
  Location loc = loc_of(s);
  int n = 2;
  if (s->lower != nullptr) {
    if (!visit_expr(s->lower)) return -1;
  } else {
    load_none(loc);
  }
  if (s->upper != nullptr) {
    if (!visit_expr(s->upper)) return -1;
  } else {
    load_none(loc);
  }
  if (s->step != nullptr) {
    ++n;
    if (!visit_expr(s->step)) return -1;
  }
  return n;
}

bool Compiler::visit_subscript(ast::Subscript* e) {
  Location loc = loc_of(e);
  auto ctx = e->ctx;
  if (ctx == ast::ExprContext::Load) {
    check_subscripter(e->value);
    check_index(e->value, e->slice);
  }
  if (!visit_expr(e->value)) return false;
  if (is_two_element_slice(e->slice) && ctx != ast::ExprContext::Del) {
    if (visit_slice_parts(ast::cast<ast::Slice>(e->slice)) < 0) return false;
    emit(ctx == ast::ExprContext::Load ? Op::BINARY_SLICE : Op::STORE_SLICE, loc);
    return true;
  }
  if (!visit_expr(e->slice)) return false;
  emit(ctx == ast::ExprContext::Load    ? Op::BINARY_SUBSCR
       : ctx == ast::ExprContext::Store ? Op::STORE_SUBSCR
                                        : Op::DELETE_SUBSCR,
       loc);
  return true;
}

bool Compiler::visit_attribute(ast::Attribute* e) {
  if (e->ctx == ast::ExprContext::Store && forbidden_name(e->attr, e->ctx, loc_of(e))) return false;
  if (e->ctx == ast::ExprContext::Load && can_optimize_super_call(e)) {
    auto* call = ast::cast<ast::Call>(e->value);
    if (!load_args_for_super(call)) return false;
    int two_arg = call->args.size() == 2 ? 2 : 0;
    emit(Op::LOAD_SUPER_ATTR, (name_index(e->attr) << 2) | two_arg, attr_loc(loc_of(e), e));
    return true;
  }
  if (!visit_expr(e->value)) return false;
  Location loc = attr_loc(loc_of(e), e);
  int i = name_index(e->attr);
  switch (e->ctx) {
    case ast::ExprContext::Load: emit(Op::LOAD_ATTR, i << 1, loc); break;
    case ast::ExprContext::Store: emit(Op::STORE_ATTR, i, loc); break;
    case ast::ExprContext::Del: emit(Op::DELETE_ATTR, i, loc); break;
  }
  return true;
}

bool Compiler::unpack_helper(ast::Seq<ast::expr*> elts, Location loc, const ast::Node* at) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (!ast::is<ast::Starred>(elts[i])) continue;
    if (seen_star) return error("multiple starred expressions in assignment", at);
    if (i >= (1u << 8) || n - i - 1 >= (0x7fffffffu >> 8))
      return error("too many expressions in star-unpacking assignment", at);
    emit(Op::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)), loc);
    seen_star = true;
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, static_cast<int>(n), loc);
  return true;
}

// ---------------------------------------------------------------------------
// Functions in expressions
// ---------------------------------------------------------------------------

bool Compiler::visit_lambda(ast::Lambda* e) {
  Location loc = loc_of(e);
  if (!check_debug_args(e->args, loc)) return false;
  int flags = 0;
  if (!visit_defaults(e->args, flags, loc)) return false;
  if (!enter_unit(UnitKind::Lambda, "<lambda>", e, e->lineno)) return false;
  unit().info.add_const(vm::CodeConstant::none());  // a lambda has no docstring
  unit().info.argcount = static_cast<int>(e->args->posonlyargs.size() + e->args->args.size());
  unit().info.posonlyargcount = static_cast<int>(e->args->posonlyargs.size());
  unit().info.kwonlyargcount = static_cast<int>(e->args->kwonlyargs.size());
  if (!visit_expr(e->body)) return false;
  if (unit().scope->generator) {
    // A generator lambda's body value is not its return value.
    emit(Op::POP_TOP, kNoLocation);
    emit(Op::RETURN_CONST, unit().info.add_const(vm::CodeConstant::none()), kNoLocation);
  } else {
    emit(Op::RETURN_VALUE, loc_of(e->body));
  }
  if (unit().scope->generator || unit().scope->coroutine) wrap_in_stopiteration_handler();
  auto code = exit_unit();
  if (!code) return false;
  return make_closure(std::move(code), flags, loc);
}

void Compiler::emit_yield(Location loc) {
  if (unit().scope->coroutine && unit().scope->generator)
    emit(Op::CALL_INTRINSIC_1, static_cast<int>(vm::Intrinsic1::ASYNC_GEN_WRAP), loc);
  emit(Op::YIELD_VALUE, 0, loc);
  emit(Op::RESUME, static_cast<int>(vm::ResumeKind::AfterYield), loc);
}

// [receiver, value] -> [result]. SEND loops until the receiver returns;
// a throw()/close() that ends it with StopIteration lands in CLEANUP_THROW.
void Compiler::emit_yield_from(Location loc, bool await) {
  Label send = new_label(), fail = new_label(), exit = new_label();
  use_label(send);
  emit_jump(Op::SEND, exit, loc);
  emit_jump(Op::SETUP_FINALLY, fail, loc);
  emit(Op::YIELD_VALUE, 1, loc);
  emit(Op::POP_BLOCK, kNoLocation);
  emit(Op::RESUME, static_cast<int>(await ? vm::ResumeKind::AfterAwait : vm::ResumeKind::AfterYieldFrom), loc);
  emit_jump(Op::JUMP_NO_INTERRUPT, send, loc);
  use_label(fail);
  emit(Op::CLEANUP_THROW, loc);
  use_label(exit);
  emit(Op::END_SEND, loc);
}

// ---------------------------------------------------------------------------
// Comprehensions (separate code objects, as in 3.11)
// ---------------------------------------------------------------------------

bool Compiler::visit_comprehension(ast::expr* e, ast::Seq<ast::comprehension*> gens, ast::expr* elt,
                                   ast::expr* val, ComprehensionKind kind) {
  Location loc = loc_of(e);
  UnitKind outer = unit().kind;
  const char* name = kind == ComprehensionKind::List   ? "<listcomp>"
                     : kind == ComprehensionKind::Set  ? "<setcomp>"
                     : kind == ComprehensionKind::Dict ? "<dictcomp>"
                                                       : "<genexpr>";
  if (!enter_unit(UnitKind::Comprehension, name, e, e->lineno)) return false;
  bool is_async_generator = unit().scope->coroutine;
  bool is_genexp = kind == ComprehensionKind::Generator;
  if (is_async_generator && !is_genexp && outer != UnitKind::AsyncFunction &&
      outer != UnitKind::Comprehension)
    return error("asynchronous comprehension outside of an asynchronous function", e);
  if (!is_genexp) {
    Op build = kind == ComprehensionKind::List ? Op::BUILD_LIST
               : kind == ComprehensionKind::Set ? Op::BUILD_SET
                                                : Op::BUILD_MAP;
    emit(build, 0, loc);
  }
  unit().info.argcount = 1;
  // The loop's own instructions carry the comprehension's location (3.11).
  Location saved_comp_loc = comp_loc_;
  comp_loc_ = loc;
  bool ok = comprehension_generator(gens, 0, 0, elt, val, kind);
  comp_loc_ = saved_comp_loc;
  if (!ok) return false;
  if (!is_genexp) emit(Op::RETURN_VALUE, loc);
  else emit(Op::RETURN_CONST, unit().info.add_const(vm::CodeConstant::none()), kNoLocation);
  if (unit().scope->generator || unit().scope->coroutine) wrap_in_stopiteration_handler();
  auto code = exit_unit();
  if (!code) return false;
  if (!make_closure(std::move(code), 0, loc)) return false;
  if (!visit_expr(gens[0]->iter)) return false;
  emit(gens[0]->is_async ? Op::GET_AITER : Op::GET_ITER, loc);
  emit(Op::CALL, 0, loc);  // [func, iter]: the iterator in the self slot
  if (is_async_generator && !is_genexp) {
    emit(Op::GET_AWAITABLE, 0, loc);
    load_none(loc);
    emit_yield_from(loc, true);
  }
  return true;
}

bool Compiler::comprehension_generator(ast::Seq<ast::comprehension*> gens, size_t index, int depth,
                                       ast::expr* elt, ast::expr* val, ComprehensionKind kind) {
  if (gens[index]->is_async) return async_comprehension_generator(gens, index, depth, elt, val, kind);
  return sync_comprehension_generator(gens, index, depth, elt, val, kind);
}

bool Compiler::comprehension_element(ast::expr* elt, ast::expr* val, ComprehensionKind kind, int depth) {
  Location loc = comp_loc_;
  switch (kind) {
    case ComprehensionKind::Generator:
      if (!visit_expr(elt)) return false;
      emit_yield(loc);
      emit(Op::POP_TOP, loc);
      return true;
    case ComprehensionKind::List:
      if (!visit_expr(elt)) return false;
      emit(Op::LIST_APPEND, depth + 1, loc);
      return true;
    case ComprehensionKind::Set:
      if (!visit_expr(elt)) return false;
      emit(Op::SET_ADD, depth + 1, loc);
      return true;
    case ComprehensionKind::Dict:
      if (!visit_expr(elt) || !visit_expr(val)) return false;
      emit(Op::MAP_ADD, depth + 1, loc);
      return true;
    case ComprehensionKind::None: break;
  }
  return true;
}

bool Compiler::sync_comprehension_generator(ast::Seq<ast::comprehension*> gens, size_t index,
                                            int depth, ast::expr* elt, ast::expr* val,
                                            ComprehensionKind kind) {
  ast::comprehension* gen = gens[index];
  Location loc = comp_loc_;
  Label start = new_label(), if_cleanup = new_label(), anchor = new_label();
  bool loop = true;
  if (index == 0) {
    emit(Op::LOAD_FAST, 0, loc);  // the outermost iterator, argument ".0"
  } else {
    // `for y in [expr]` is an assignment, not a loop.
    ast::Seq<ast::expr*> elts;
    if (auto* l = ast::dyn_cast<ast::List>(gen->iter)) elts = l->elts;
    else if (auto* t = ast::dyn_cast<ast::Tuple>(gen->iter)) elts = t->elts;
    if (elts.size() == 1 && !ast::is<ast::Starred>(elts[0])) {
      if (!visit_expr(elts[0])) return false;
      loop = false;
    } else {
      if (!visit_expr(gen->iter)) return false;
      emit(Op::GET_ITER, loc);
    }
  }
  if (loop) {
    ++depth;
    use_label(start);
    emit_jump(Op::FOR_ITER, anchor, loc);
  }
  if (!visit_store_target(gen->target)) return false;
  for (auto* cond : gen->ifs)
    if (Location l = comp_loc_; !jump_if(cond, if_cleanup, false, l)) return false;
  if (index + 1 < gens.size()) {
    if (!comprehension_generator(gens, index + 1, depth, elt, val, kind)) return false;
  } else if (!comprehension_element(elt, val, kind, depth)) {
    return false;
  }
  use_label(if_cleanup);
  if (loop) {
    emit_jump(Op::JUMP, start, loc);
    use_label(anchor);
    emit(Op::END_FOR, kNoLocation);
  }
  return true;
}

bool Compiler::async_comprehension_generator(ast::Seq<ast::comprehension*> gens, size_t index,
                                             int depth, ast::expr* elt, ast::expr* val,
                                             ComprehensionKind kind) {
  ast::comprehension* gen = gens[index];
  Location loc = comp_loc_;
  Label start = new_label(), except = new_label(), if_cleanup = new_label();
  if (index == 0) {
    emit(Op::LOAD_FAST, 0, loc);
  } else {
    if (!visit_expr(gen->iter)) return false;
    emit(Op::GET_AITER, loc);
  }
  use_label(start);
  if (!push_fblock(FBlock{FBlockType::AsyncComprehensionGenerator, start, kNoLabel, {}, nullptr, {}}, loc)) return false;
  emit_jump(Op::SETUP_FINALLY, except, loc);
  emit(Op::GET_ANEXT, loc);
  load_none(loc);
  emit_yield_from(loc, true);
  emit(Op::POP_BLOCK, loc);
  if (!visit_store_target(gen->target)) return false;
  for (auto* cond : gen->ifs)
    if (Location l = comp_loc_; !jump_if(cond, if_cleanup, false, l)) return false;
  ++depth;
  if (index + 1 < gens.size()) {
    if (!comprehension_generator(gens, index + 1, depth, elt, val, kind)) return false;
  } else if (!comprehension_element(elt, val, kind, depth)) {
    return false;
  }
  use_label(if_cleanup);
  emit_jump(Op::JUMP, start, loc);
  pop_fblock();
  use_label(except);
  emit(Op::END_ASYNC_FOR, loc);
  return true;
}

// ---------------------------------------------------------------------------
// f-strings
// ---------------------------------------------------------------------------

bool Compiler::visit_joined_str(ast::JoinedStr* e) {
  Location loc = loc_of(e);
  size_t n = e->values.size();
  if (n > static_cast<size_t>(kStackUseGuideline)) {
    load_str("", loc);
    emit(Op::LOAD_ATTR, (unit().info.add_name("join") << 1) | 1, loc);
    emit(Op::BUILD_LIST, 0, loc);
    for (auto* v : e->values) {
      if (!visit_expr(v)) return false;
      emit(Op::LIST_APPEND, 1, loc);
    }
    emit(Op::CALL, 1, loc);
    return true;
  }
  if (!visit_exprs(e->values)) return false;
  if (n != 1) emit(Op::BUILD_STRING, static_cast<int>(n), loc);
  return true;
}

bool Compiler::visit_formatted_value(ast::FormattedValue* e) {
  Location loc = loc_of(e);
  if (!visit_expr(e->value)) return false;
  switch (e->conversion) {
    case 's': emit(Op::CONVERT_VALUE, static_cast<int>(vm::Conversion::Str), loc); break;
    case 'r': emit(Op::CONVERT_VALUE, static_cast<int>(vm::Conversion::Repr), loc); break;
    case 'a': emit(Op::CONVERT_VALUE, static_cast<int>(vm::Conversion::Ascii), loc); break;
    default: break;
  }
  if (e->format_spec != nullptr) {
    if (!visit_expr(e->format_spec)) return false;
    emit(Op::FORMAT_WITH_SPEC, loc);
  } else {
    emit(Op::FORMAT_SIMPLE, loc);
  }
  return true;
}

// ---------------------------------------------------------------------------
// The expression switch
// ---------------------------------------------------------------------------

bool Compiler::visit_expr_inner(ast::expr* e) {
  using K = ast::NodeKind;
  Location loc = loc_of(e);
  switch (e->kind) {
    case K::NamedExpr: {
      auto* n = ast::cast<ast::NamedExpr>(e);
      if (!visit_expr(n->value)) return false;
      emit(Op::COPY, 1, loc);
      return visit_store_target(n->target);
    }
    case K::BoolOp: return visit_boolop(ast::cast<ast::BoolOp>(e));
    case K::BinOp: {
      auto* b = ast::cast<ast::BinOp>(e);
      if (!visit_expr(b->left) || !visit_expr(b->right)) return false;
      emit(Op::BINARY_OP, binary_op_oparg(b->op, false), loc);
      return true;
    }
    case K::UnaryOp: {
      auto* u = ast::cast<ast::UnaryOp>(e);
      if (!visit_expr(u->operand)) return false;
      switch (u->op) {
        case ast::UnaryOperator::Not:
          emit(Op::TO_BOOL, loc);
          emit(Op::UNARY_NOT, loc);
          break;
        case ast::UnaryOperator::USub: emit(Op::UNARY_NEGATIVE, loc); break;
        case ast::UnaryOperator::Invert: emit(Op::UNARY_INVERT, loc); break;
        case ast::UnaryOperator::UAdd:
          emit(Op::CALL_INTRINSIC_1, static_cast<int>(vm::Intrinsic1::UNARY_POSITIVE), loc);
          break;
      }
      return true;
    }
    case K::Lambda: return visit_lambda(ast::cast<ast::Lambda>(e));
    case K::IfExp: {
      auto* i = ast::cast<ast::IfExp>(e);
      Label end = new_label(), next = new_label();
      if (Location l = loc; !jump_if(i->test, next, false, l)) return false;
      if (!visit_expr(i->body)) return false;
      emit_jump(Op::JUMP, end, kNoLocation);
      use_label(next);
      if (!visit_expr(i->orelse)) return false;
      use_label(end);
      return true;
    }
    case K::Dict: return visit_dict(ast::cast<ast::Dict>(e));
    case K::Set:
      return starunpack_helper(ast::cast<ast::Set>(e)->elts, 0, Op::BUILD_SET, Op::SET_ADD,
                               Op::SET_UPDATE, false, loc);
    case K::GeneratorExp: {
      auto* c = ast::cast<ast::GeneratorExp>(e);
      return visit_comprehension(e, c->generators, c->elt, nullptr, ComprehensionKind::Generator);
    }
    case K::ListComp: {
      auto* c = ast::cast<ast::ListComp>(e);
      return visit_comprehension(e, c->generators, c->elt, nullptr, ComprehensionKind::List);
    }
    case K::SetComp: {
      auto* c = ast::cast<ast::SetComp>(e);
      return visit_comprehension(e, c->generators, c->elt, nullptr, ComprehensionKind::Set);
    }
    case K::DictComp: {
      auto* c = ast::cast<ast::DictComp>(e);
      return visit_comprehension(e, c->generators, c->key, c->value, ComprehensionKind::Dict);
    }
    case K::Yield: {
      if (!is_function_like()) return error("'yield' outside function", e);
      auto* y = ast::cast<ast::Yield>(e);
      if (y->value != nullptr) {
        if (!visit_expr(y->value)) return false;
      } else {
        load_none(loc);
      }
      emit_yield(loc);
      return true;
    }
    case K::YieldFrom: {
      if (!is_function_like()) return error("'yield' outside function", e);
      if (unit().kind == UnitKind::AsyncFunction) return error("'yield from' inside async function", e);
      if (!visit_expr(ast::cast<ast::YieldFrom>(e)->value)) return false;
      emit(Op::GET_YIELD_FROM_ITER, loc);
      load_none(loc);
      emit_yield_from(loc, false);
      return true;
    }
    case K::Await: {
      if (!is_function_like()) return error("'await' outside function", e);
      if (unit().kind != UnitKind::AsyncFunction && unit().kind != UnitKind::Comprehension)
        return error("'await' outside async function", e);
      if (!visit_expr(ast::cast<ast::Await>(e)->value)) return false;
      emit(Op::GET_AWAITABLE, 0, loc);
      load_none(loc);
      emit_yield_from(loc, true);
      return true;
    }
    case K::Compare: return visit_compare(ast::cast<ast::Compare>(e));
    case K::Call: return visit_call(ast::cast<ast::Call>(e));
    case K::FormattedValue: return visit_formatted_value(ast::cast<ast::FormattedValue>(e));
    case K::JoinedStr: return visit_joined_str(ast::cast<ast::JoinedStr>(e));
    case K::Constant: load_const(ast::cast<ast::Constant>(e)->value, loc); return true;
    case K::Attribute: return visit_attribute(ast::cast<ast::Attribute>(e));
    case K::Subscript: return visit_subscript(ast::cast<ast::Subscript>(e));
    case K::Starred:
      if (ast::cast<ast::Starred>(e)->ctx == ast::ExprContext::Store)
        return error("starred assignment target must be in a list or tuple", e);
      return error("can't use starred expression here", e);
    case K::Name: {
      auto* n = ast::cast<ast::Name>(e);
      return nameop(n->id, n->ctx, loc);
    }
    case K::List:
    case K::Tuple: {
      bool is_list = e->kind == K::List;
      ast::Seq<ast::expr*> elts = is_list ? ast::cast<ast::List>(e)->elts : ast::cast<ast::Tuple>(e)->elts;
      ast::ExprContext ctx = is_list ? ast::cast<ast::List>(e)->ctx : ast::cast<ast::Tuple>(e)->ctx;
      if (ctx == ast::ExprContext::Store) {
        if (!unpack_helper(elts, loc, e)) return false;
        for (auto* elt : elts) {
          ast::expr* t = ast::is<ast::Starred>(elt) ? ast::cast<ast::Starred>(elt)->value : elt;
          if (!visit_expr(t)) return false;
        }
        return true;
      }
      if (ctx == ast::ExprContext::Del) return visit_exprs(elts);
      return starunpack_helper(elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, !is_list, loc);
    }
    case K::Slice: {
      int n = visit_slice_parts(ast::cast<ast::Slice>(e));
      if (n < 0) return false;
      emit(Op::BUILD_SLICE, n, loc);
      return true;
    }
    default: return error("unexpected expression", e);
  }
}

}  // namespace spindle::frontend
