// The compiler's back end: instruction sequence -> control-flow graph ->
// optimized and assembled CodeObject.
//
// Passes, in order (docs/internals/bytecode.md says more):
//   1. build_cfg            basic blocks; jumps point at blocks
//   2. label_exceptions     each instruction learns its handler block from the
//                           SETUP_*/POP_BLOCK nesting; POP_BLOCK becomes NOP
//   3. optimize (x2)        peephole (constant tuples, constant conditions,
//                           TO_BOOL folding, jump inversion), NOP removal,
//                           empty-block removal, jump threading, small exit
//                           blocks copied over the jumps to them, dead
//                           blocks, redundant jumps
//   4. unsafe local loads   LOAD_FAST -> LOAD_FAST_CHECK where a local may be
//                           unbound (forward dataflow over bitsets)
//   5. closure layout       deref opargs -> fast-locals offsets; prefix
//                           (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR);
//                           then blocks only exceptions reach move to the end
//   6. exits and lines      duplicate line-less exit blocks, propagate lines
//   7. normalize jumps      backward conditional jumps become a forward
//                           inverted jump over a JUMP (our conditional jumps
//                           only go forward)
//   8. stack depth          one depth per block entry, checked; max depth
//   9. assemble             pseudo -> real, EXTENDED_ARG, caches, relative
//                           jump opargs (iterated to a fixed point), the
//                           exception table and the location table
//
// Invariants between passes: every block in the layout chain is reachable
// from the entry (after 3); a jump's target is non-empty (after empty-block
// removal); only the last instruction of a block jumps or ends the flow; the
// SETUP_* pseudo-instructions stay until the stack depths are known (their
// target edge is how handlers get a depth) and then become NOPs.
// All passes are linear in the code size (times small constants), except the
// local-load dataflow, which is linear per iteration over a lattice of height
// nlocals.
#include "frontend/flowgraph.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

namespace spindle::frontend {

namespace {

using vm::Op;

struct Block;

struct CInstr {
  Op op = Op::NOP;
  int oparg = 0;
  Location loc;
  Block* target = nullptr;  // for has_jump(op)
  Block* except = nullptr;  // innermost handler, or null
};

struct Block {
  std::vector<CInstr> instrs;
  Block* next = nullptr;  // layout order
  int startdepth = -1;
  int offset = 0;  // code units, during assembly
  int order = 0;   // position in the layout, during assembly
  int predecessors = 0;
  bool visited = false;
  bool except_handler = false;
  bool preserve_lasti = false;
  std::vector<Block*> except_stack;  // during label_exceptions
  std::vector<uint64_t> unsafe;      // during the local-load dataflow
  bool in_worklist = false;
  Block* forward = nullptr;          // during remove_empty_blocks
  bool warm = false;                 // during push_cold_blocks_to_end

  [[nodiscard]] CInstr* last() { return instrs.empty() ? nullptr : &instrs.back(); }
  [[nodiscard]] bool falls_through() const {
    return instrs.empty() || !vm::no_fallthrough(instrs.back().op);
  }
};

bool is_setup(Op op) { return op == Op::SETUP_FINALLY || op == Op::SETUP_CLEANUP || op == Op::SETUP_WITH; }
bool is_uncond_pseudo_jump(Op op) { return op == Op::JUMP || op == Op::JUMP_NO_INTERRUPT; }
bool is_cond_jump(Op op) {
  return op == Op::POP_JUMP_IF_FALSE || op == Op::POP_JUMP_IF_TRUE || op == Op::POP_JUMP_IF_NONE ||
         op == Op::POP_JUMP_IF_NOT_NONE;
}
Op invert_cond(Op op) {
  switch (op) {
    case Op::POP_JUMP_IF_FALSE: return Op::POP_JUMP_IF_TRUE;
    case Op::POP_JUMP_IF_TRUE: return Op::POP_JUMP_IF_FALSE;
    case Op::POP_JUMP_IF_NONE: return Op::POP_JUMP_IF_NOT_NONE;
    case Op::POP_JUMP_IF_NOT_NONE: return Op::POP_JUMP_IF_NONE;
    default: return op;
  }
}

int ext_arg_count(int oparg) {
  unsigned u = static_cast<unsigned>(oparg);
  return u > 0xFFFFFF ? 3 : u > 0xFFFF ? 2 : u > 0xFF ? 1 : 0;
}
int instr_size(Op op, int oparg) { return ext_arg_count(oparg) + 1 + vm::cache_size(op); }

class Assembler {
 public:
  Assembler(InstrSequence&& seq, CodeUnitInfo&& unit, SyntaxErrorInfo& err, const AssembleOptions& opts)
      : seq_(std::move(seq)), unit_(std::move(unit)), err_(err), opts_(opts) {}

  std::shared_ptr<vm::CodeObject> run() {
    if (!build_cfg()) return nullptr;
    if (!label_exceptions()) return nullptr;
    if (opts_.optimize) {
      for (int round = 0; round < 2 && !failed_; ++round) {
        for (Block* b = entry_; b; b = b->next) peephole(*b);
        remove_nops();
        if (!remove_empty_blocks()) return nullptr;
        thread_jumps();
        inline_small_exit_blocks();
        remove_unreachable();
        remove_redundant_jumps();
        remove_nops();
        if (!remove_empty_blocks()) return nullptr;
      }
    } else {
      remove_unreachable();
      if (!remove_empty_blocks()) return nullptr;
    }
    if (failed_) return nullptr;
    add_checks_for_unbound_locals();
    if (!fix_closure_layout()) return nullptr;
    insert_prefix();
    if (opts_.optimize) {
      push_cold_blocks_to_end();
      remove_redundant_jumps();
      remove_nops();
      if (!remove_empty_blocks()) return nullptr;
    }
    count_predecessors();
    duplicate_exits_without_lineno();
    count_predecessors();
    propagate_line_numbers();
    normalize_jumps();
    if (!compute_stack_depth()) return nullptr;
    // The handlers have their depths: the SETUP_* edges are no longer needed.
    for (Block* b = entry_; b; b = b->next)
      for (auto& in : b->instrs)
        if (is_setup(in.op)) {
          in.op = Op::NOP;
          in.target = nullptr;
          in.oparg = 0;
        }
    remove_nops();
    if (!remove_empty_blocks()) return nullptr;
    trim_unused_consts();
    return assemble();
  }

 private:
  // ---------------------------------------------------------------------------
  // Errors: compiler bugs, reported instead of asserted (fuzzing finds them).
  // ---------------------------------------------------------------------------
  bool fail(const std::string& msg) {
    if (!failed_) {
      err_.type = "SystemError";
      err_.msg = "compiler: " + msg + " in " + unit_.qualname;
      err_.filename = unit_.filename;
      err_.lineno = unit_.firstlineno;
    }
    failed_ = true;
    return false;
  }

  Block* new_block() {
    blocks_.emplace_back();
    return &blocks_.back();
  }

  // ---------------------------------------------------------------------------
  // 1. Basic blocks
  // ---------------------------------------------------------------------------
  bool build_cfg() {
    const auto& instrs = seq_.instrs();
    const size_t n = instrs.size();
    const size_t nlabels = seq_.num_labels();
    std::vector<std::vector<int>> labels_at(n + 1);
    for (size_t l = 0; l < nlabels; ++l) {
      int p = seq_.label_position(Label{static_cast<int>(l)});
      if (p >= 0 && static_cast<size_t>(p) <= n) labels_at[p].push_back(static_cast<int>(l));
    }
    std::vector<Block*> label_block(nlabels, nullptr);
    Block* cur = entry_ = new_block();
    bool terminated = false;
    auto start_block_at = [&](size_t i) {
      if (labels_at[i].empty() && !terminated) return;
      if (!cur->instrs.empty() || terminated) {
        Block* b = new_block();
        cur->next = b;
        cur = b;
      }
      terminated = false;
      for (int l : labels_at[i]) label_block[l] = cur;
    };
    for (size_t i = 0; i < n; ++i) {
      start_block_at(i);
      const Instr& in = instrs[i];
      if (!vm::is_valid_op(in.op) || in.op == Op::CACHE || in.op == Op::EXTENDED_ARG)
        return fail("invalid opcode " + std::to_string(static_cast<int>(in.op)));
      if (in.oparg < 0) return fail(std::string("negative oparg for ") + vm::op_name(in.op));
      CInstr ci;
      ci.op = in.op;
      ci.oparg = in.oparg;
      ci.loc = in.loc;
      cur->instrs.push_back(ci);
      if (vm::has_jump(in.op) || vm::no_fallthrough(in.op)) terminated = true;
    }
    start_block_at(n);
    if (cur->instrs.empty())
      for (int l : labels_at[n]) label_block[l] = cur;
    for (Block* b = entry_; b; b = b->next) {
      for (auto& in : b->instrs) {
        if (!vm::has_jump(in.op)) continue;
        if (in.oparg >= static_cast<int>(nlabels) || label_block[in.oparg] == nullptr)
          return fail(std::string("jump to an unbound label (") + vm::op_name(in.op) + ")");
        in.target = label_block[in.oparg];
        in.oparg = 0;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------
  // 2. Exception handlers: a depth-first walk carrying the stack of active
  //    SETUP_* handlers. A handler runs outside its own region, so its block
  //    inherits the stack as it was before the SETUP.
  // ---------------------------------------------------------------------------
  bool label_exceptions() {
    std::vector<Block*> worklist;
    entry_->visited = true;
    worklist.push_back(entry_);
    auto visit = [&](Block* b, const std::vector<Block*>& stack) {
      if (b->visited) return;
      b->visited = true;
      b->except_stack = stack;
      worklist.push_back(b);
    };
    while (!worklist.empty()) {
      Block* b = worklist.back();
      worklist.pop_back();
      std::vector<Block*> stack = std::move(b->except_stack);
      b->except_stack.clear();
      Block* handler = stack.empty() ? nullptr : stack.back();
      for (auto& in : b->instrs) {
        in.except = handler;
        if (is_setup(in.op)) {
          in.target->except_handler = true;
          if (in.op != Op::SETUP_FINALLY) in.target->preserve_lasti = true;
          visit(in.target, stack);
          stack.push_back(in.target);
          handler = in.target;
        } else if (in.op == Op::POP_BLOCK) {
          if (stack.empty()) return fail("POP_BLOCK without SETUP");
          stack.pop_back();
          handler = stack.empty() ? nullptr : stack.back();
          in.op = Op::NOP;
          in.except = handler;
        } else if (vm::has_jump(in.op)) {
          visit(in.target, stack);
        }
      }
      if (b->falls_through() && b->next) visit(b->next, stack);
    }
    // Blocks never visited are unreachable.
    for (Block* b = entry_; b; b = b->next)
      if (!b->visited) b->instrs.clear();
    return true;
  }

  // ---------------------------------------------------------------------------
  // 3. Optimizations
  // ---------------------------------------------------------------------------
  [[nodiscard]] const vm::CodeConstant* const_at(int index) const {
    if (index < 0 || static_cast<size_t>(index) >= unit_.consts.size()) return nullptr;
    return &unit_.consts[index];
  }

  static void make_nop(CInstr& in) {
    in.op = Op::NOP;
    in.oparg = 0;
    in.target = nullptr;
  }

  // Peephole rewrites inside one block. Removed instructions become NOPs
  // (keeping their locations for the line-aware NOP removal).
  void peephole(Block& b) {
    auto& v = b.instrs;
    for (size_t i = 0; i < v.size(); ++i) {
      CInstr& in = v[i];
      CInstr* nx = i + 1 < v.size() ? &v[i + 1] : nullptr;
      switch (in.op) {
        case Op::LOAD_CONST: {
          const vm::CodeConstant* c = const_at(in.oparg);
          if (c == nullptr || nx == nullptr || c->kind == vm::CodeConstant::Kind::Code) break;
          bool is_bool = c->kind == vm::CodeConstant::Kind::Bool;
          if (nx->op == Op::TO_BOOL) {
            // A constant's truth value is known: load the bool directly.
            in.oparg = unit_.add_const(vm::CodeConstant::of_bool(c->truthy()));
            make_nop(*nx);
            --i;  // look at the new pair again
            break;
          }
          if (nx->op == Op::UNARY_NOT && is_bool) {
            in.oparg = unit_.add_const(vm::CodeConstant::of_bool(!c->boolean));
            make_nop(*nx);
            --i;
            break;
          }
          if (is_cond_jump(nx->op)) {
            bool taken;
            bool is_none = c->kind == vm::CodeConstant::Kind::None;
            switch (nx->op) {
              case Op::POP_JUMP_IF_FALSE: taken = !c->truthy(); break;
              case Op::POP_JUMP_IF_TRUE: taken = c->truthy(); break;
              case Op::POP_JUMP_IF_NONE: taken = is_none; break;
              default: taken = !is_none; break;
            }
            make_nop(in);
            if (taken) {
              nx->op = Op::JUMP;
              nx->oparg = 0;
            } else {
              make_nop(*nx);
            }
            break;
          }
          if (nx->op == Op::RETURN_VALUE) {
            nx->op = Op::RETURN_CONST;
            nx->oparg = in.oparg;
            make_nop(in);
            break;
          }
          if (nx->op == Op::IS_OP && c->kind == vm::CodeConstant::Kind::None && i + 2 < v.size() &&
              (v[i + 2].op == Op::POP_JUMP_IF_TRUE || v[i + 2].op == Op::POP_JUMP_IF_FALSE)) {
            // `x is None` / `x is not None` feeding a branch.
            bool jump_if_none = (v[i + 2].op == Op::POP_JUMP_IF_TRUE) == (nx->oparg == 0);
            v[i + 2].op = jump_if_none ? Op::POP_JUMP_IF_NONE : Op::POP_JUMP_IF_NOT_NONE;
            make_nop(in);
            make_nop(*nx);
          }
          break;
        }
        case Op::BUILD_TUPLE: {
          int n = in.oparg;
          if (static_cast<size_t>(n) <= i && fold_tuple(v, i, n)) break;
          if (nx && nx->op == Op::UNPACK_SEQUENCE && nx->oparg == n && n >= 1 && n <= 3) {
            // a, b = b, a: no tuple needed.
            if (n == 1) {
              make_nop(in);
              make_nop(*nx);
            } else if (n == 2) {
              make_nop(in);
              nx->op = Op::SWAP;
              nx->oparg = 2;
            } else {
              in.op = Op::SWAP;
              in.oparg = 3;
              make_nop(*nx);
            }
          }
          break;
        }
        case Op::COMPARE_OP:
          if (nx && nx->op == Op::TO_BOOL) {
            in.oparg |= vm::kCompareToBoolBit;
            make_nop(*nx);
          }
          break;
        case Op::IS_OP:
        case Op::CONTAINS_OP:
        case Op::TO_BOOL:
          if (nx && nx->op == Op::TO_BOOL) make_nop(*nx);  // already a bool
          break;
        case Op::UNARY_NOT:
          if (nx == nullptr) break;
          if (nx->op == Op::TO_BOOL) {
            make_nop(*nx);
          } else if (nx->op == Op::UNARY_NOT) {
            make_nop(in);
            make_nop(*nx);
          } else if (nx->op == Op::POP_JUMP_IF_FALSE || nx->op == Op::POP_JUMP_IF_TRUE) {
            make_nop(in);
            nx->op = invert_cond(nx->op);
          }
          break;
        default:
          break;
      }
    }
  }

  // BUILD_TUPLE n at v[i] preceded by n LOAD_CONSTs -> one LOAD_CONST.
  bool fold_tuple(std::vector<CInstr>& v, size_t i, int n) {
    std::vector<vm::CodeConstant> items;
    items.reserve(n);
    for (size_t k = i - n; k < i; ++k) {
      const vm::CodeConstant* c = v[k].op == Op::LOAD_CONST ? const_at(v[k].oparg) : nullptr;
      if (c == nullptr || c->kind == vm::CodeConstant::Kind::Code) return false;
      items.push_back(*c);
    }
    for (size_t k = i - n; k < i; ++k) make_nop(v[k]);
    v[i].op = Op::LOAD_CONST;
    v[i].oparg = unit_.add_const(vm::CodeConstant::of_tuple(std::move(items)));
    return true;
  }

  // Drops NOPs unless one carries a line number nothing else marks.
  void remove_nops() {
    for (Block* b = entry_; b; b = b->next) {
      auto& v = b->instrs;
      size_t dest = 0;
      int prev_line = -1;
      for (size_t src = 0; src < v.size(); ++src) {
        CInstr& in = v[src];
        if (in.op == Op::NOP) {
          int line = in.loc.lineno;
          if (line < 0 || line == prev_line) continue;
          if (src + 1 < v.size()) {
            CInstr& nx = v[src + 1];
            if (!nx.loc.has_line()) {
              nx.loc = in.loc;
              continue;
            }
            if (nx.loc.lineno == line) continue;
          } else if (b->falls_through()) {
            Block* n = b->next;
            while (n && n->instrs.empty()) n = n->next;
            if (n && n->instrs[0].loc.lineno == line) continue;
          }
        }
        prev_line = in.loc.lineno;
        if (dest != src) v[dest] = v[src];
        ++dest;
      }
      v.resize(dest);
    }
  }

  // Unlinks empty blocks, moving jump targets and handlers to the next
  // non-empty block. A reachable jump to the very end is a compiler bug.
  bool remove_empty_blocks() {
    // Each block's first non-empty block at or after it, computed backwards
    // once so long runs of empty blocks cost nothing per jump.
    std::vector<Block*> chain;
    for (Block* b = entry_; b; b = b->next) chain.push_back(b);
    Block* after = nullptr;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if (!(*it)->instrs.empty()) after = *it;
      (*it)->forward = after;
    }
    auto skip = [](Block* b) { return b ? b->forward : nullptr; };
    for (Block* b = entry_; b; b = b->next) {
      for (auto& in : b->instrs) {
        if (in.target) {
          in.target = skip(in.target);
          if (!in.target) return fail(std::string("jump past the end of the code (") + vm::op_name(in.op) + ")");
        }
        if (in.except) {
          Block* h = skip(in.except);
          if (h != in.except && h) {
            h->except_handler = true;
            h->preserve_lasti = in.except->preserve_lasti;
          }
          in.except = h;
        }
      }
    }
    entry_ = skip(entry_);
    if (!entry_) {
      // No code at all: codegen always ends with a return, but stay safe.
      entry_ = new_block();
      CInstr ret;
      ret.op = Op::RETURN_CONST;
      ret.oparg = unit_.add_const(vm::CodeConstant::none());
      entry_->instrs.push_back(ret);
    }
    for (Block* b = entry_; b; b = b->next) b->next = skip(b->next);
    return true;
  }

  // Jump to a jump: go straight to the final target, when that loses no line
  // event (the second jump has the same line or none).
  // A conditional jump is not threaded backward: our conditional jumps only
  // go forward, so that would cost an inverted jump plus a JUMP for nothing.
  void thread_jumps() {
    int order = 0;
    for (Block* b = entry_; b; b = b->next) b->order = order++;
    for (Block* b = entry_; b; b = b->next) {
      CInstr* in = b->last();
      if (!in || !in->target) continue;
      if (!is_uncond_pseudo_jump(in->op) && !is_cond_jump(in->op)) continue;
      for (int hops = 0; hops < 100; ++hops) {
        Block* t = in->target;
        if (t->instrs.empty()) break;
        const CInstr& first = t->instrs[0];
        if (!is_uncond_pseudo_jump(first.op)) break;
        if (first.target == in->target || first.target == t) break;
        if (is_cond_jump(in->op) && first.target->order <= b->order) break;
        if (first.loc.has_line() && first.loc.lineno != in->loc.lineno) break;
        if (first.except != in->except && is_uncond_pseudo_jump(in->op)) break;
        // JUMP_NO_INTERRUPT stays so only if both jumps were.
        if (in->op == Op::JUMP_NO_INTERRUPT && first.op == Op::JUMP) in->op = Op::JUMP;
        in->target = first.target;
      }
    }
  }

  // A JUMP to a small block that leaves the frame (a return, a re-raise) is
  // replaced by a copy of that block: one dispatch fewer, and no jump back
  // from the cold end of the code. The jump stays as a NOP for its line.
  void inline_small_exit_blocks() {
    constexpr size_t kMaxCopy = 4;
    for (Block* b = entry_; b; b = b->next) {
      CInstr* last = b->last();
      if (!last || !is_uncond_pseudo_jump(last->op)) continue;
      Block* t = last->target;
      if (t == b || t->instrs.empty() || t->instrs.size() > kMaxCopy || !vm::is_scope_exit(t->instrs.back().op))
        continue;
      make_nop(*last);
      std::vector<CInstr> copy = t->instrs;  // t may be b's own storage's neighbour: copy first
      b->instrs.insert(b->instrs.end(), copy.begin(), copy.end());
    }
  }

  void remove_unreachable() {
    for (Block* b = entry_; b; b = b->next) b->visited = false;
    std::vector<Block*> worklist{entry_};
    entry_->visited = true;
    auto visit = [&](Block* b) {
      if (b && !b->visited) {
        b->visited = true;
        worklist.push_back(b);
      }
    };
    while (!worklist.empty()) {
      Block* b = worklist.back();
      worklist.pop_back();
      for (auto& in : b->instrs) {
        visit(in.target);
        visit(in.except);
      }
      if (b->falls_through()) visit(b->next);
    }
    for (Block* b = entry_; b; b = b->next)
      if (!b->visited) b->instrs.clear();
  }

  // A JUMP to the block right after it is a NOP.
  void remove_redundant_jumps() {
    for (Block* b = entry_; b; b = b->next) {
      CInstr* in = b->last();
      if (!in || !is_uncond_pseudo_jump(in->op)) continue;
      Block* n = b->next;
      while (n && n->instrs.empty()) n = n->next;
      if (in->target == n) make_nop(*in);
    }
  }

  // ---------------------------------------------------------------------------
  // 4. LOAD_FAST of a local that may be unbound -> LOAD_FAST_CHECK.
  //    Forward "may be unbound" dataflow: the entry has every non-parameter
  //    local unsafe; stores clear, deletes set; a handler may start after any
  //    instruction of its region, so it merges the state before each one.
  // ---------------------------------------------------------------------------
  void add_checks_for_unbound_locals() {
    const size_t nlocals = unit_.varnames.size();
    if (nlocals == 0) return;
    const size_t words = (nlocals + 63) / 64;
    size_t nparams = static_cast<size_t>(unit_.argcount + unit_.kwonlyargcount) +
                     ((unit_.flags & vm::CO_VARARGS) ? 1 : 0) + ((unit_.flags & vm::CO_VARKEYWORDS) ? 1 : 0);
    // Cells are read through LOAD_DEREF, never LOAD_FAST: nothing to do for them.
    for (Block* b = entry_; b; b = b->next) {
      b->unsafe.assign(words, 0);
      b->in_worklist = false;
    }
    for (size_t i = std::min(nparams, nlocals); i < nlocals; ++i) entry_->unsafe[i / 64] |= uint64_t{1} << (i % 64);
    // Rounds in layout order: forward edges settle within a round, so the
    // number of rounds is about the loop nesting depth, not the block count.
    entry_->in_worklist = true;
    bool dirty = true;
    auto merge = [&](Block* to, const std::vector<uint64_t>& state) {
      if (!to) return;
      bool changed = false;
      for (size_t w = 0; w < words; ++w) {
        uint64_t nv = to->unsafe[w] | state[w];
        if (nv != to->unsafe[w]) {
          to->unsafe[w] = nv;
          changed = true;
        }
      }
      if (changed && !to->in_worklist) {
        to->in_worklist = true;
        dirty = true;
      }
    };
    std::vector<uint64_t> state;
    while (dirty) {
      dirty = false;
      for (Block* b = entry_; b; b = b->next) {
        if (!b->in_worklist) continue;
        b->in_worklist = false;
        state = b->unsafe;
        for (auto& in : b->instrs) {
          if (in.except) merge(in.except, state);
          int a = in.oparg;
          bool in_range = a >= 0 && static_cast<size_t>(a) < nlocals;
          uint64_t bit = in_range ? uint64_t{1} << (a % 64) : 0;
          size_t w = in_range ? static_cast<size_t>(a) / 64 : 0;
          switch (in.op) {
            case Op::STORE_FAST:
              if (in_range) state[w] &= ~bit;
              break;
            case Op::STORE_FAST_MAYBE_NULL:  // restores a saved value that may be "unbound"
            case Op::DELETE_FAST:
            case Op::LOAD_FAST_AND_CLEAR:
              if (in_range) state[w] |= bit;
              break;
            case Op::LOAD_FAST:
              if (in_range && (state[w] & bit)) {
                in.op = Op::LOAD_FAST_CHECK;
                state[w] &= ~bit;
              }
              break;
            case Op::LOAD_FAST_CHECK:
              if (in_range) state[w] &= ~bit;
              break;
            default:
              break;
          }
          if (in.target) merge(in.target, state);
        }
        if (b->falls_through()) merge(b->next, state);
      }
    }
  }

  // ---------------------------------------------------------------------------
  // 5. Fast-locals layout: varnames, then cells that are not arguments, then
  //    free variables. Deref opargs (cellvars ++ freevars indices) become
  //    offsets into that array. Then the prefix instructions.
  // ---------------------------------------------------------------------------
  bool fix_closure_layout() {
    const int nlocals = static_cast<int>(unit_.varnames.size());
    const int ncells = static_cast<int>(unit_.cellvars.size());
    const int nfree = static_cast<int>(unit_.freevars.size());
    std::unordered_map<std::string, int> local_index;
    for (int i = 0; i < nlocals; ++i) local_index.emplace(unit_.varnames[i], i);
    cell_offset_.clear();
    int extra = 0;
    for (int i = 0; i < ncells; ++i) {
      auto it = local_index.find(unit_.cellvars[i]);
      cell_offset_.push_back(it != local_index.end() ? it->second : nlocals + extra++);
    }
    for (int j = 0; j < nfree; ++j) cell_offset_.push_back(nlocals + extra + j);
    for (Block* b = entry_; b; b = b->next) {
      for (auto& in : b->instrs) {
        if (!vm::has_free(in.op)) continue;
        if (in.oparg >= ncells + nfree)
          return fail(std::string(vm::op_name(in.op)) + " oparg beyond the cell and free variables");
        in.oparg = cell_offset_[in.oparg];
      }
    }
    return true;
  }

  void insert_prefix() {
    std::vector<CInstr> prefix;
    const int ncells = static_cast<int>(unit_.cellvars.size());
    const int nfree = static_cast<int>(unit_.freevars.size());
    if (nfree > 0) {
      CInstr c;
      c.op = Op::COPY_FREE_VARS;
      c.oparg = nfree;
      prefix.push_back(c);
    }
    // MAKE_CELL in fast-locals order.
    std::vector<int> cells(cell_offset_.begin(), cell_offset_.begin() + ncells);
    std::sort(cells.begin(), cells.end());
    for (int off : cells) {
      CInstr c;
      c.op = Op::MAKE_CELL;
      c.oparg = off;
      prefix.push_back(c);
    }
    if (unit_.flags & (vm::CO_GENERATOR | vm::CO_COROUTINE | vm::CO_ASYNC_GENERATOR)) {
      Location loc{unit_.firstlineno, unit_.firstlineno, -1, -1};
      CInstr g;
      g.op = Op::RETURN_GENERATOR;
      g.loc = loc;
      prefix.push_back(g);
      CInstr p;
      p.op = Op::POP_TOP;
      p.loc = loc;
      prefix.push_back(p);
    }
    if (prefix.empty()) return;
    // The prefix runs before anything can raise into a handler.
    Block* b = new_block();
    b->instrs = std::move(prefix);
    b->next = entry_;
    entry_ = b;
  }

  // Blocks reached only through exception handlers ("cold") go after all the
  // others, so the normal path runs straight through without jumping over
  // handlers. A cold block that fell into a warm one gets an explicit JUMP.
  void push_cold_blocks_to_end() {
    for (Block* b = entry_; b; b = b->next) b->warm = false;
    std::vector<Block*> worklist{entry_};
    entry_->warm = true;
    auto visit = [&](Block* b) {
      if (b && !b->warm) {
        b->warm = true;
        worklist.push_back(b);
      }
    };
    while (!worklist.empty()) {
      Block* b = worklist.back();
      worklist.pop_back();
      for (auto& in : b->instrs)
        if (in.target && !is_setup(in.op)) visit(in.target);
      if (b->falls_through()) visit(b->next);
    }
    bool any_cold = false;
    for (Block* b = entry_; b; b = b->next) {
      if (b->warm) continue;
      any_cold = true;
      if (b->falls_through() && b->next && b->next->warm) {
        Block* j = new_block();
        CInstr jump;
        jump.op = Op::JUMP;
        jump.target = b->next;
        jump.except = b->instrs.empty() ? nullptr : b->instrs.back().except;
        j->instrs.push_back(jump);
        j->next = b->next;
        b->next = j;
        b = j;  // j is cold too
      }
    }
    if (!any_cold) return;
    Block *warm_tail = nullptr, *cold_head = nullptr, *cold_tail = nullptr;
    for (Block* b = entry_; b;) {
      Block* next = b->next;
      if (b->warm) {
        if (warm_tail) warm_tail->next = b;
        warm_tail = b;
      } else {
        if (cold_tail) cold_tail->next = b;
        else cold_head = b;
        cold_tail = b;
      }
      b = next;
    }
    warm_tail->next = cold_head;
    if (cold_tail) cold_tail->next = nullptr;
  }

  // ---------------------------------------------------------------------------
  // 6. Line numbers
  // ---------------------------------------------------------------------------
  void count_predecessors() {
    for (Block* b = entry_; b; b = b->next) b->predecessors = 0;
    entry_->predecessors = 1;
    for (Block* b = entry_; b; b = b->next) {
      for (auto& in : b->instrs)
        if (in.target) in.target->predecessors++;
      if (b->falls_through() && b->next) b->next->predecessors++;
    }
  }

  static bool is_exit_without_lineno(const Block* b) {
    if (b->instrs.empty() || !vm::is_scope_exit(b->instrs.back().op)) return false;
    for (const auto& in : b->instrs)
      if (in.loc.has_line()) return false;
    return true;
  }

  // A shared exit without a line (the implicit `return None`) is copied for
  // each jump into it, so each path reports its own line.
  void duplicate_exits_without_lineno() {
    for (Block* b = entry_; b; b = b->next) {
      CInstr* in = b->last();
      if (!in || !in->target || is_setup(in->op)) continue;
      Block* t = in->target;
      if (!is_exit_without_lineno(t) || t->predecessors <= 1) continue;
      Block* copy = new_block();
      copy->instrs = t->instrs;
      copy->except_handler = t->except_handler;
      copy->preserve_lasti = t->preserve_lasti;
      for (auto& ci : copy->instrs) ci.loc = in->loc;
      copy->next = t->next;
      t->next = copy;
      t->predecessors--;
      copy->predecessors = 1;
      in->target = copy;
    }
    for (Block* b = entry_; b; b = b->next) {
      if (b->falls_through() && b->next && !b->instrs.empty() && is_exit_without_lineno(b->next) &&
          b->next->predecessors == 1) {
        for (auto& ci : b->next->instrs) ci.loc = b->instrs.back().loc;
      }
    }
  }

  // Instructions without a location take the previous one's, across a
  // block boundary when the successor has no other predecessor.
  void propagate_line_numbers() {
    for (Block* b = entry_; b; b = b->next) {
      Location prev;
      for (auto& in : b->instrs) {
        if (!in.loc.has_line()) in.loc = prev;
        else prev = in.loc;
      }
      if (!prev.has_line()) continue;
      if (b->falls_through() && b->next && b->next->predecessors == 1 && !b->next->instrs.empty() &&
          !b->next->instrs[0].loc.has_line())
        b->next->instrs[0].loc = prev;
      CInstr* last = b->last();
      if (last && last->target && !is_setup(last->op) && last->target->predecessors == 1 &&
          !last->target->instrs.empty() && !last->target->instrs[0].loc.has_line())
        last->target->instrs[0].loc = prev;
    }
  }

  // ---------------------------------------------------------------------------
  // 7. Conditional jumps only go forward: a backward one becomes the inverted
  //    jump over a new block holding a JUMP to the old target.
  // ---------------------------------------------------------------------------
  void normalize_jumps() {
    int order = 0;
    for (Block* b = entry_; b; b = b->next) b->order = order++;
    for (Block* b = entry_; b; b = b->next) {
      CInstr* in = b->last();
      if (!in || !is_cond_jump(in->op) || in->target->order > b->order) continue;
      Block* back = new_block();
      CInstr j;
      j.op = Op::JUMP;
      j.loc = in->loc;
      j.target = in->target;
      j.except = in->except;
      back->instrs.push_back(j);
      back->order = b->order;  // never compared again: targets are older blocks
      in->op = invert_cond(in->op);
      in->target = b->next;
      back->next = b->next;
      b->next = back;
      b = back;
    }
  }

  // ---------------------------------------------------------------------------
  // 8. Stack depth: each block is entered with exactly one depth.
  // ---------------------------------------------------------------------------
  bool compute_stack_depth() {
    for (Block* b = entry_; b; b = b->next) b->startdepth = -1;
    std::vector<Block*> worklist;
    auto push = [&](Block* b, int depth) {
      if (depth < 0) return fail("negative stack depth");
      if (b->startdepth < 0) {
        b->startdepth = depth;
        worklist.push_back(b);
      } else if (b->startdepth != depth) {
        return fail("inconsistent stack depth (" + std::to_string(b->startdepth) + " vs " +
                    std::to_string(depth) + ")");
      }
      return true;
    };
    max_depth_ = 0;
    if (!push(entry_, 0)) return false;
    while (!worklist.empty()) {
      Block* b = worklist.back();
      worklist.pop_back();
      int depth = b->startdepth;
      bool falls = true;
      for (auto& in : b->instrs) {
        int popped = vm::num_popped(in.op, in.oparg, false);
        int pushed = vm::num_pushed(in.op, in.oparg, false);
        if (popped < 0 || pushed < 0) return fail(std::string("no stack effect for ") + vm::op_name(in.op));
        if (depth - popped < 0)
          return fail(std::string("stack underflow at ") + vm::op_name(in.op) + " (depth " +
                      std::to_string(depth) + ")");
        int after = depth - popped + pushed;
        max_depth_ = std::max(max_depth_, after);
        if (in.target) {
          int jdepth = depth - vm::num_popped(in.op, in.oparg, true) + vm::num_pushed(in.op, in.oparg, true);
          max_depth_ = std::max(max_depth_, jdepth);
          if (!push(in.target, jdepth)) return false;
        }
        depth = after;
        if (vm::no_fallthrough(in.op)) {
          falls = false;
          break;
        }
      }
      if (falls) {
        if (!b->next) return fail("control falls off the end of the code");
        if (!push(b->next, depth)) return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------
  // Constants: like CPython 3.11, only trailing constants nothing loads are
  // dropped (index 0 stays: it is the docstring slot). Unused constants in the
  // middle stay, so co_consts (and the tree of code objects dis walks) keeps
  // what 3.11 keeps, e.g. the code of a function defined under `if 0:`.
  // ---------------------------------------------------------------------------
  void trim_unused_consts() {
    const size_t n = unit_.consts.size();
    if (n <= 1) return;
    size_t keep = 1;
    for (Block* b = entry_; b; b = b->next)
      for (auto& in : b->instrs)
        if (vm::has_const(in.op) && in.oparg >= 0 && static_cast<size_t>(in.oparg) < n)
          keep = std::max(keep, static_cast<size_t>(in.oparg) + 1);
    unit_.consts.resize(keep);
  }

  // ---------------------------------------------------------------------------
  // 9. Assembly
  // ---------------------------------------------------------------------------
  // The real opcode an instruction assembles to (pseudo-instructions resolved;
  // the direction of a JUMP from the layout).
  Op real_op(const Block* b, const CInstr& in) const {
    switch (in.op) {
      case Op::JUMP: return in.target->order <= b->order ? Op::JUMP_BACKWARD : Op::JUMP_FORWARD;
      case Op::JUMP_NO_INTERRUPT:
        return in.target->order <= b->order ? Op::JUMP_BACKWARD_NO_INTERRUPT : Op::JUMP_FORWARD;
      case Op::LOAD_CLOSURE: return Op::LOAD_FAST;
      case Op::STORE_FAST_MAYBE_NULL: return Op::STORE_FAST;
      default: return in.op;
    }
  }

  std::shared_ptr<vm::CodeObject> assemble() {
    int order = 0;
    for (Block* b = entry_; b; b = b->next) b->order = order++;
    for (Block* b = entry_; b; b = b->next) {
      if (b->startdepth < 0) {
        b->instrs.clear();  // unreachable after all (e.g. after jump inversion)
        continue;
      }
      for (auto& in : b->instrs) {
        in.op = real_op(b, in);
        if (vm::is_pseudo(in.op)) return fail(std::string("unresolved pseudo-instruction ") + vm::op_name(in.op)), nullptr;
        if (in.target) {
          bool backward = in.target->order <= b->order;
          if (backward != vm::is_jump_backward(in.op))
            return fail(std::string(vm::op_name(in.op)) + (backward ? " jumps backward" : " jumps forward")),
                   nullptr;
        }
      }
    }
    // Jump opargs depend on offsets, which depend on EXTENDED_ARG counts,
    // which depend on opargs: iterate until nothing grows (sizes only grow,
    // so this terminates; usually after one or two rounds).
    for (Block* b = entry_; b; b = b->next)
      for (auto& in : b->instrs)
        if (in.target) in.oparg = 0;
    int total = 0;
    for (int round = 0; round < 8; ++round) {
      int offset = 0;
      for (Block* b = entry_; b; b = b->next) {
        b->offset = offset;
        for (auto& in : b->instrs) offset += instr_size(in.op, in.oparg);
      }
      total = offset;
      bool changed = false;
      for (Block* b = entry_; b; b = b->next) {
        int off = b->offset;
        for (auto& in : b->instrs) {
          int end = off + instr_size(in.op, in.oparg);
          if (in.target) {
            int arg = vm::is_jump_backward(in.op) ? end - in.target->offset : in.target->offset - end;
            if (arg < 0) return fail("negative jump distance"), nullptr;
            if (arg != in.oparg) {
              if (ext_arg_count(arg) != ext_arg_count(in.oparg)) changed = true;
              in.oparg = arg;
            }
          }
          off = end;
        }
      }
      if (!changed) break;
      if (round == 7) return fail("jump offsets do not converge"), nullptr;
    }

    auto code = std::make_shared<vm::CodeObject>();
    code->code.reserve(total);
    std::vector<Location> locs;
    locs.reserve(total);
    std::vector<vm::ExceptionTableEntry> table;
    Block* cur_handler = nullptr;
    int region_start = 0;
    auto close_region = [&](int end) {
      if (cur_handler && end > region_start) {
        vm::ExceptionTableEntry e;
        e.start = region_start;
        e.end = end;
        e.target = cur_handler->offset;
        e.lasti = cur_handler->preserve_lasti;
        e.depth = cur_handler->startdepth - 1 - (e.lasti ? 1 : 0);
        // Adjacent regions with the same handler merge.
        if (!table.empty() && table.back().end == e.start && table.back().target == e.target &&
            table.back().depth == e.depth && table.back().lasti == e.lasti)
          table.back().end = e.end;
        else
          table.push_back(e);
      }
    };
    for (Block* b = entry_; b; b = b->next) {
      for (auto& in : b->instrs) {
        int here = static_cast<int>(code->code.size());
        if (in.except != cur_handler) {
          close_region(here);
          cur_handler = in.except;
          region_start = here;
        }
        int arg = in.oparg;
        for (int k = ext_arg_count(arg); k > 0; --k) {
          code->code.push_back(vm::make_unit(static_cast<int>(Op::EXTENDED_ARG), (arg >> (8 * k)) & 0xFF));
          locs.push_back(in.loc);
        }
        code->code.push_back(vm::make_unit(static_cast<int>(in.op), arg & 0xFF));
        locs.push_back(in.loc);
        for (int k = vm::cache_size(in.op); k > 0; --k) {
          code->code.push_back(0);
          locs.push_back(in.loc);
        }
      }
    }
    close_region(static_cast<int>(code->code.size()));

    code->argcount = unit_.argcount;
    code->posonlyargcount = unit_.posonlyargcount;
    code->kwonlyargcount = unit_.kwonlyargcount;
    code->flags = unit_.flags;
    code->stacksize = max_depth_;
    code->firstlineno = unit_.firstlineno;
    code->name = std::move(unit_.name);
    code->qualname = std::move(unit_.qualname);
    code->filename = std::move(unit_.filename);
    code->consts = std::move(unit_.consts);
    code->names = std::move(unit_.names);
    code->varnames = unit_.varnames;
    code->cellvars = unit_.cellvars;
    code->freevars = unit_.freevars;
    const int nlocals = static_cast<int>(unit_.varnames.size());
    const int ncells = static_cast<int>(unit_.cellvars.size());
    code->localsplus_names = unit_.varnames;
    code->localsplus_kinds.assign(nlocals, vm::CO_FAST_LOCAL);
    for (int i = 0; i < ncells; ++i) {
      int off = cell_offset_[i];
      if (off < nlocals) {
        code->localsplus_kinds[off] |= vm::CO_FAST_CELL;
      } else {
        code->localsplus_names.push_back(unit_.cellvars[i]);
        code->localsplus_kinds.push_back(vm::CO_FAST_CELL);
      }
    }
    for (const auto& f : unit_.freevars) {
      code->localsplus_names.push_back(f);
      code->localsplus_kinds.push_back(vm::CO_FAST_FREE);
    }
    code->exceptiontable = vm::encode_exception_table(table);
    code->linetable = vm::encode_location_table(locs, code->firstlineno);
    return code;
  }

  InstrSequence seq_;
  CodeUnitInfo unit_;
  SyntaxErrorInfo& err_;
  AssembleOptions opts_;
  std::deque<Block> blocks_;  // owns every block; addresses are stable
  Block* entry_ = nullptr;
  std::vector<int> cell_offset_;  // cellvars ++ freevars index -> fast-locals offset
  int max_depth_ = 0;
  bool failed_ = false;
};

}  // namespace

std::shared_ptr<vm::CodeObject> assemble(InstrSequence&& seq, CodeUnitInfo&& unit, SyntaxErrorInfo& err,
                                         const AssembleOptions& opts) {
  Assembler a(std::move(seq), std::move(unit), err, opts);
  return a.run();
}

}  // namespace spindle::frontend
