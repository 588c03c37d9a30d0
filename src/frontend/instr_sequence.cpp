// The instruction sequence and the unit's name/constant tables.
//
// Invariant: label positions are indices into instrs_ (== size() for a label
// bound at the end); they only change through insert().
#include "frontend/instr_sequence.h"

#include <cassert>

namespace spindle::frontend {

void InstrSequence::use_label(Label l) {
  assert(l.valid() && static_cast<size_t>(l.id) < label_pos_.size() && "use_label: unknown label");
  assert(label_pos_[l.id] < 0 && "use_label: label bound twice");
  label_pos_[l.id] = static_cast<int>(instrs_.size());
}

void InstrSequence::emit(vm::Op op, int oparg, Location loc) {
  assert(!vm::has_jump(op) && "emit: jumps go through emit_jump");
  instrs_.push_back(Instr{op, oparg, loc});
}

void InstrSequence::emit_jump(vm::Op op, Label target, Location loc) {
  assert(vm::has_jump(op) && "emit_jump: not a jump");
  assert(target.valid() && static_cast<size_t>(target.id) < label_pos_.size() && "emit_jump: unknown label");
  instrs_.push_back(Instr{op, target.id, loc});
}

void InstrSequence::insert(size_t pos, Instr instr) {
  assert(pos <= instrs_.size());
  instrs_.insert(instrs_.begin() + static_cast<std::ptrdiff_t>(pos), instr);
  for (int& p : label_pos_)
    if (p > static_cast<int>(pos)) ++p;
}

int CodeUnitInfo::add_const(vm::CodeConstant c) {
  // Constants appended directly to `consts` join the index here, so mixing
  // both ways of adding never duplicates an entry.
  for (; consts_indexed_ < consts.size(); ++consts_indexed_)
    const_index_.emplace(consts[consts_indexed_].key(), static_cast<int>(consts_indexed_));
  std::string key = c.key();
  auto it = const_index_.find(key);
  if (it != const_index_.end()) return it->second;
  int index = static_cast<int>(consts.size());
  consts.push_back(std::move(c));
  const_index_.emplace(std::move(key), index);
  return index;
}

int CodeUnitInfo::add_to(std::vector<std::string>& v, std::unordered_map<std::string, int>& index,
                         size_t& indexed, const std::string& s) {
  for (; indexed < v.size(); ++indexed) index.emplace(v[indexed], static_cast<int>(indexed));
  auto it = index.find(s);
  if (it != index.end()) return it->second;
  int i = static_cast<int>(v.size());
  v.push_back(s);
  index.emplace(s, i);
  return i;
}

}  // namespace spindle::frontend
