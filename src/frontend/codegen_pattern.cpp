// Code generation, part 3: the match statement.
//
// A pattern is compiled with the subject on top of the stack; it either
// consumes the subject and leaves the values of its captures on the stack
// (in PatternContext::stores order) or jumps to a "fail_pop" label that pops
// whatever it left behind. Names are bound only after the whole pattern
// matched, so a failed case binds nothing, as in CPython 3.11.
//
// Errors are reported at the last pattern entered, as CPython does (it sets
// the compiler's location on entering a pattern and never restores it).
#include <set>

#include "frontend/codegen_internal.h"

namespace spindle::frontend {

using vm::Op;

namespace {

bool is_wildcard(const ast::pattern* p) {
  auto* m = ast::dyn_cast<ast::MatchAs>(const_cast<ast::pattern*>(p));
  return m != nullptr && m->pattern == nullptr && m->name.data() == nullptr;
}

bool is_wildcard_star(const ast::pattern* p) {
  auto* m = ast::dyn_cast<ast::MatchStar>(const_cast<ast::pattern*>(p));
  return m != nullptr && m->name.data() == nullptr;
}

// A key for "equal as Python dict keys" among literal constants (1 == 1.0 == True).
std::string key_of(const ast::ConstantValue& v) {
  using CK = ast::ConstantKind;
  switch (v.kind) {
    case CK::Bool: return v.boolean ? "i1" : "i0";
    case CK::Int: return "i" + std::to_string(v.integer);
    case CK::Float:
      if (v.real == static_cast<double>(static_cast<int64_t>(v.real)) && v.real > -9e15 && v.real < 9e15)
        return "i" + std::to_string(static_cast<int64_t>(v.real));
      return "r" + ast::constant_repr(v);
    case CK::Complex:
      if (v.imag == 0.0) {
        ast::ConstantValue re;
        re.kind = CK::Float;
        re.real = v.real;
        return key_of(re);
      }
      return "c" + ast::constant_repr(v);
    default: return std::to_string(static_cast<int>(v.kind)) + ast::constant_repr(v);
  }
}

}  // namespace

void Compiler::ensure_fail_pop(PatternContext& pc, size_t n) {
  while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_label());
}

void Compiler::jump_to_fail_pop(PatternContext& pc, Op op, Location loc) {
  // Pop what is on top plus the captures not yet stored.
  size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
  ensure_fail_pop(pc, pops);
  emit_jump(op, pc.fail_pop[pops], loc);
}

void Compiler::emit_and_reset_fail_pop(PatternContext& pc, Location loc) {
  if (pc.fail_pop.empty()) return;
  for (size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
    use_label(pc.fail_pop[i]);
    emit(Op::POP_TOP, loc);
  }
  use_label(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

void Compiler::pattern_rotate(int count, Location loc) {
  while (count > 1) emit(Op::SWAP, count--, loc);
}

bool Compiler::pattern_store_name(ast::Str name, Location loc, PatternContext& pc) {
  if (name.data() == nullptr) {
    emit(Op::POP_TOP, loc);
    return true;
  }
  if (forbidden_name(name, ast::ExprContext::Store, pattern_loc_)) return false;
  std::string n(name);
  for (const auto& s : pc.stores)
    if (s == n) return error_loc("multiple assignments to name '" + n + "' in pattern", pattern_loc_);
  // Rotate the value under the items that must survive until the stores.
  pattern_rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1, loc);
  pc.stores.push_back(n);
  return true;
}

bool Compiler::pattern_unpack_helper(ast::Seq<ast::pattern*> elts, Location loc) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (!ast::is<ast::MatchStar>(elts[i])) continue;
    if (seen_star) return error_loc("multiple starred expressions in sequence pattern", pattern_loc_);
    if (i >= (1u << 8) || n - i - 1 >= (0x7fffffffu >> 8))
      return error_loc("too many expressions in star-unpacking sequence pattern", pattern_loc_);
    emit(Op::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)), loc);
    seen_star = true;
  }
  if (!seen_star) emit(Op::UNPACK_SEQUENCE, static_cast<int>(n), loc);
  return true;
}

bool Compiler::pattern_subpattern(ast::pattern* p, PatternContext& pc) {
  bool saved = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  bool ok = pattern(p, pc);
  pc.allow_irrefutable = saved;
  return ok;
}

bool Compiler::pattern_as(ast::MatchAs* p, PatternContext& pc) {
  Location loc = loc_of(p);
  if (p->pattern == nullptr) {
    if (!pc.allow_irrefutable) {
      if (p->name.data() != nullptr)
        return error_loc("name capture '" + std::string(p->name) + "' makes remaining patterns unreachable",
                         loc);
      return error_loc("wildcard makes remaining patterns unreachable", loc);
    }
    return pattern_store_name(p->name, loc, pc);
  }
  // Keep a copy of the subject to bind after the inner pattern matched.
  pc.on_top++;
  emit(Op::COPY, 1, loc);
  if (!pattern(p->pattern, pc)) return false;
  pc.on_top--;
  return pattern_store_name(p->name, loc, pc);
}

bool Compiler::pattern_star(ast::MatchStar* p, PatternContext& pc) {
  return pattern_store_name(p->name, loc_of(p), pc);
}

bool Compiler::pattern_value(ast::MatchValue* p, PatternContext& pc) {
  Location loc = loc_of(p);
  if (!ast::is<ast::Constant>(p->value) && !ast::is<ast::Attribute>(p->value))
    return error_loc("patterns may only match literals and attribute lookups", loc);
  if (!visit_expr(p->value)) return false;
  emit(Op::COMPARE_OP, vm::compare_op_oparg(vm::CompareOp::EQ, true), loc);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  return true;
}

bool Compiler::pattern_singleton(ast::MatchSingleton* p, PatternContext& pc) {
  Location loc = loc_of(p);
  load_const(p->value, loc);
  emit(Op::IS_OP, 0, loc);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  return true;
}

bool Compiler::pattern_sequence(ast::MatchSequence* p, PatternContext& pc) {
  Location loc = loc_of(p);
  auto patterns = p->patterns;
  int size = static_cast<int>(patterns.size());
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; ++i) {
    ast::pattern* q = patterns[i];
    if (ast::is<ast::MatchStar>(q)) {
      if (star >= 0) return error_loc("multiple starred names in sequence pattern", loc);
      star_wildcard = is_wildcard_star(q);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && is_wildcard(q);
  }
  pc.on_top++;
  emit(Op::MATCH_SEQUENCE, loc);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  if (star < 0) {
    emit(Op::GET_LEN, loc);
    load_int(size, loc);
    emit(Op::COMPARE_OP, vm::compare_op_oparg(vm::CompareOp::EQ, true), loc);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  } else if (size > 1) {
    emit(Op::GET_LEN, loc);
    load_int(size - 1, loc);
    emit(Op::COMPARE_OP, vm::compare_op_oparg(vm::CompareOp::GE, true), loc);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  }
  pc.on_top--;
  if (only_wildcard) {
    emit(Op::POP_TOP, loc);
    return true;
  }
  if (star_wildcard) {
    // [a, *_, b]: index the subject instead of unpacking all of it.
    pc.on_top++;
    for (int i = 0; i < size; ++i) {
      ast::pattern* q = patterns[i];
      if (is_wildcard(q) || i == star) continue;
      emit(Op::COPY, 1, loc);
      if (i < star) {
        load_int(i, loc);
      } else {
        emit(Op::GET_LEN, loc);
        load_int(size - i, loc);
        emit(Op::BINARY_OP, static_cast<int>(vm::BinaryOpKind::SUBTRACT), loc);
      }
      emit(Op::BINARY_SUBSCR, loc);
      if (!pattern_subpattern(q, pc)) return false;
    }
    pc.on_top--;
    emit(Op::POP_TOP, loc);
    return true;
  }
  if (!pattern_unpack_helper(patterns, loc)) return false;
  pc.on_top += size;
  for (int i = 0; i < size; ++i) {
    pc.on_top--;
    if (!pattern_subpattern(patterns[i], pc)) return false;
  }
  return true;
}

bool Compiler::pattern_mapping(ast::MatchMapping* p, PatternContext& pc) {
  Location loc = loc_of(p);
  auto keys = p->keys;
  auto patterns = p->patterns;
  size_t size = keys.size();
  if (size != patterns.size())
    return error_loc("keys / patterns length mismatch in mapping pattern", loc);
  bool star_target = p->rest.data() != nullptr;
  pc.on_top++;
  emit(Op::MATCH_MAPPING, loc);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  if (size == 0 && !star_target) {
    pc.on_top--;
    emit(Op::POP_TOP, loc);
    return true;
  }
  if (size != 0) {
    emit(Op::GET_LEN, loc);
    load_int(static_cast<int64_t>(size), loc);
    emit(Op::COMPARE_OP, vm::compare_op_oparg(vm::CompareOp::GE, true), loc);
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < size; ++i) {
    ast::expr* key = keys[i];
    if (key == nullptr)
      return error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)", patterns[i]);
    if (auto* c = ast::dyn_cast<ast::Constant>(key)) {
      if (!seen.insert(key_of(c->value)).second)
        return error_loc("mapping pattern checks duplicate key (" + ast::constant_repr(c->value) + ")", loc);
    } else if (!ast::is<ast::Attribute>(key)) {
      return error_loc("mapping pattern keys may only match literals and attribute lookups", loc);
    }
    if (!visit_expr(key)) return false;
  }
  emit(Op::BUILD_TUPLE, static_cast<int>(size), loc);
  emit(Op::MATCH_KEYS, loc);
  // [subject, keys, values-or-None]
  pc.on_top += 2;
  emit(Op::COPY, 1, loc);
  load_none(loc);
  emit(Op::IS_OP, 1, loc);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  emit(Op::UNPACK_SEQUENCE, static_cast<int>(size), loc);
  pc.on_top += static_cast<int>(size) - 1;
  for (size_t i = 0; i < size; ++i) {
    pc.on_top--;
    if (!pattern_subpattern(patterns[i], pc)) return false;
  }
  pc.on_top -= 2;
  if (star_target) {
    // rest = dict(subject) minus the matched keys.
    emit(Op::BUILD_MAP, 0, loc);                               // [subject, keys, empty]
    emit(Op::SWAP, 3, loc);                                    // [empty, keys, subject]
    emit(Op::DICT_UPDATE, 2, loc);                             // [copy, keys]
    emit(Op::UNPACK_SEQUENCE, static_cast<int>(size), loc);  // [copy, keys...]
    for (int k = static_cast<int>(size); k > 0; --k) {
      emit(Op::COPY, 1 + k, loc);  // [copy, keys..., copy]
      emit(Op::SWAP, 2, loc);      // [copy, keys..., copy, key]
      emit(Op::DELETE_SUBSCR, loc);
    }
    return pattern_store_name(p->rest, loc, pc);
  }
  emit(Op::POP_TOP, loc);  // keys
  emit(Op::POP_TOP, loc);  // subject
  return true;
}

bool Compiler::pattern_class(ast::MatchClass* p, PatternContext& pc) {
  Location loc = loc_of(p);
  auto patterns = p->patterns;
  auto kwd_attrs = p->kwd_attrs;
  auto kwd_patterns = p->kwd_patterns;
  size_t nargs = patterns.size(), nattrs = kwd_attrs.size();
  if (nattrs != kwd_patterns.size())
    return error_loc("kwd_attrs / kwd_patterns length mismatch in class pattern", loc);
  for (size_t i = 0; i < nattrs; ++i) {
    if (forbidden_name(kwd_attrs[i], ast::ExprContext::Store, loc_of(kwd_patterns[i]))) return false;
    for (size_t j = i + 1; j < nattrs; ++j)
      if (kwd_attrs[i] == kwd_attrs[j])
        return error("attribute name repeated in class pattern: " + std::string(kwd_attrs[i]),
                     kwd_patterns[j]);
  }
  if (!visit_expr(p->cls)) return false;
  std::vector<vm::CodeConstant> names;
  for (auto a : kwd_attrs) names.push_back(vm::CodeConstant::of_str(std::string(a)));
  load_const(vm::CodeConstant::of_tuple(std::move(names)), loc);
  emit(Op::MATCH_CLASS, static_cast<int>(nargs), loc);
  emit(Op::COPY, 1, loc);
  load_none(loc);
  emit(Op::IS_OP, 1, loc);
  pc.on_top++;
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE, loc);
  emit(Op::UNPACK_SEQUENCE, static_cast<int>(nargs + nattrs), loc);
  pc.on_top += static_cast<int>(nargs + nattrs) - 1;
  for (size_t i = 0; i < nargs + nattrs; ++i) {
    pc.on_top--;
    ast::pattern* q = i < nargs ? patterns[i] : kwd_patterns[i - nargs];
    if (is_wildcard(q)) {
      emit(Op::POP_TOP, loc);
      continue;
    }
    if (!pattern_subpattern(q, pc)) return false;
  }
  return true;
}

bool Compiler::pattern_or(ast::MatchOr* p, PatternContext& pc) {
  Location loc = loc_of(p);
  Label end = new_label();
  size_t size = p->patterns.size();
  PatternContext old_pc = pc;
  std::vector<std::string> control;
  bool have_control = false;
  for (size_t i = 0; i < size; ++i) {
    ast::pattern* alt = p->patterns[i];
    Location aloc = loc_of(alt);
    pc.stores.clear();
    pc.allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    emit(Op::COPY, 1, aloc);
    if (!pattern(alt, pc)) return false;
    size_t nstores = pc.stores.size();
    if (!have_control) {
      control = pc.stores;
      have_control = true;
    } else if (nstores != control.size()) {
      return error_loc("alternative patterns bind different names", pattern_loc_);
    } else if (nstores != 0) {
      // Same names, maybe bound in another order: rotate them into the
      // control's order on the stack and in `stores`.
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        const std::string& name = control[icontrol];
        size_t istores = 0;
        while (istores < nstores && pc.stores[istores] != name) ++istores;
        if (istores == nstores) return error_loc("alternative patterns bind different names", pattern_loc_);
        if (icontrol != istores) {
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
          pc.stores.insert(pc.stores.begin() + static_cast<long>(icontrol - istores), rotated.begin(),
                           rotated.end());
          while (rotations--) pattern_rotate(static_cast<int>(icontrol) + 1, aloc);
        }
      }
    }
    emit_jump(Op::JUMP, end, aloc);
    emit_and_reset_fail_pop(pc, aloc);
  }
  pc = old_pc;
  // No alternative matched: pop the subject copy and fail.
  emit(Op::POP_TOP, loc);
  jump_to_fail_pop(pc, Op::JUMP, loc);
  use_label(end);
  size_t nstores = control.size();
  int nrots = static_cast<int>(nstores) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
  for (size_t i = 0; i < nstores; ++i) {
    pattern_rotate(nrots, loc);
    for (const auto& s : pc.stores)
      if (s == control[i])
        return error_loc("multiple assignments to name '" + s + "' in pattern", pattern_loc_);
    pc.stores.push_back(control[i]);
  }
  emit(Op::POP_TOP, loc);  // the subject copy
  return true;
}

bool Compiler::pattern(ast::pattern* p, PatternContext& pc) {
  DepthGuard guard(depth_);
  if (too_deep()) return false;
  pattern_loc_ = loc_of(p);
  using K = ast::NodeKind;
  switch (p->kind) {
    case K::MatchValue: return pattern_value(ast::cast<ast::MatchValue>(p), pc);
    case K::MatchSingleton: return pattern_singleton(ast::cast<ast::MatchSingleton>(p), pc);
    case K::MatchSequence: return pattern_sequence(ast::cast<ast::MatchSequence>(p), pc);
    case K::MatchMapping: return pattern_mapping(ast::cast<ast::MatchMapping>(p), pc);
    case K::MatchClass: return pattern_class(ast::cast<ast::MatchClass>(p), pc);
    case K::MatchStar: return pattern_star(ast::cast<ast::MatchStar>(p), pc);
    case K::MatchAs: return pattern_as(ast::cast<ast::MatchAs>(p), pc);
    case K::MatchOr: return pattern_or(ast::cast<ast::MatchOr>(p), pc);
    default: return error("unexpected pattern", p);
  }
}

bool Compiler::visit_match(ast::Match* s) {
  if (!visit_expr(s->subject)) return false;
  Label end = new_label();
  size_t cases = s->cases.size();
  ast::match_case* last = s->cases[cases - 1];
  bool has_default = is_wildcard(last->pattern) && cases > 1;
  for (size_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
    ast::match_case* m = s->cases[i];
    Location ploc = loc_of(m->pattern);
    bool last_checked = i == cases - (has_default ? 1 : 0) - 1;
    if (!last_checked) emit(Op::COPY, 1, ploc);  // keep the subject for the next case
    PatternContext pc;
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    if (!pattern(m->pattern, pc)) return false;
    for (const auto& name : pc.stores)
      if (!nameop(name, ast::ExprContext::Store, ploc)) return false;
    if (m->guard != nullptr) {
      pc.stores.clear();
      ensure_fail_pop(pc, 0);
      if (Location l = pattern_loc_; !jump_if(m->guard, pc.fail_pop[0], false, l)) return false;
    }
    if (!last_checked) emit(Op::POP_TOP, ploc);
    if (!visit_stmts(m->body)) return false;
    emit_jump(Op::JUMP, end, kNoLocation);
    emit_and_reset_fail_pop(pc, ploc);
  }
  if (has_default) {
    Location ploc = loc_of(last->pattern);
    if (cases == 1) emit(Op::POP_TOP, ploc);
    else emit(Op::NOP, ploc);
    if (Location l = ploc; last->guard != nullptr && !jump_if(last->guard, end, false, l)) return false;
    if (!visit_stmts(last->body)) return false;
  }
  use_label(end);
  return true;
}

}  // namespace spindle::frontend
