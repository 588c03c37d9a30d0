// casesgen: checks the parsed DSL and derives opcode numbers, flags, cache
// layouts and stack-effect steps.
//
// Numbering (stable for a given file): CACHE = 0; then the generic real
// instructions without ARG, then those with ARG, each in file order; then the
// specializations in file order; pseudo-instructions from 256.
#include <algorithm>
#include <map>
#include <set>

#include "casesgen.h"

namespace spindle::casesgen {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

std::string count_expr(const std::vector<StackItem>& items) {
  int constant = 0;
  std::string terms;
  for (const auto& it : items) {
    if (it.cache > 0) continue;
    std::string term;
    std::string size = trim(it.size);
    std::string cond = trim(it.cond);
    if (size.empty() && cond.empty()) {
      ++constant;
      continue;
    }
    if (!size.empty() && cond.empty()) term = "(" + size + ")";
    else if (size.empty()) term = "((" + cond + ") ? 1 : 0)";
    else term = "((" + cond + ") ? (" + size + ") : 0)";
    terms += terms.empty() ? term : " + " + term;
  }
  if (terms.empty()) return std::to_string(constant);
  return constant == 0 ? terms : std::to_string(constant) + " + " + terms;
}

Analysis analyze(const Dsl& dsl, std::vector<std::string>& errors) {
  Analysis a;
  a.dsl = &dsl;
  auto error = [&](int line, const std::string& msg) {
    errors.push_back(dsl.filename + ":" + std::to_string(line) + ": " + msg);
  };

  std::map<std::string, const Definition*> by_name;
  for (const auto& d : dsl.defs) {
    auto [it, fresh] = by_name.emplace(d.name, &d);
    if (!fresh) error(d.line, "'" + d.name + "' is already defined at line " + std::to_string(it->second->line));
    bool uop_name = !d.name.empty() && d.name[0] == '_';
    if (d.kind == ItemKind::Op && !uop_name) error(d.line, "uop names start with '_': '" + d.name + "'");
    if (d.kind != ItemKind::Op && uop_name) error(d.line, "only uops start with '_': '" + d.name + "'");
    // Stack item checks.
    for (const StackEffect* e : {&d.effect, d.jump_effect ? &*d.jump_effect : nullptr}) {
      if (e == nullptr) continue;
      std::set<std::string> seen;
      for (const auto& it : e->inputs) {
        if (it.name == "unused") continue;
        if (!seen.insert(it.name).second) error(it.line, "input '" + it.name + "' named twice");
      }
      std::set<std::string> seen_out;
      for (const auto& it : e->outputs) {
        if (it.name == "unused") continue;
        if (!seen_out.insert(it.name).second) error(it.line, "output '" + it.name + "' named twice");
      }
    }
    if (d.kind == ItemKind::Pseudo && d.effect.cache_size() != 0)
      error(d.line, "a pseudo-instruction has no cache");
    if (d.jump_effect && d.jump_effect->cache_size() != 0)
      error(d.line, "a jump effect has no cache entries");
    if (d.kind != ItemKind::Pseudo && d.jump_effect && d.kind != ItemKind::Inst)
      error(d.line, "only inst and pseudo take a jump effect");
    if (d.flags & (kConst | kName | kLocal | kFree | kJump | kJumpBack))
      if (!(d.flags & kArg)) error(d.line, "'" + d.name + "' uses its oparg but lacks ARG");
    if ((d.flags & kJump) && (d.flags & kJumpBack)) error(d.line, "JUMP and JUMP_BACK together");
    if (d.kind == ItemKind::Pseudo && d.targets.empty()) error(d.line, "pseudo-instruction without targets");
  }
  if (!errors.empty()) return a;

  // Families.
  std::map<std::string, const Family*> family_of;  // member -> family
  std::map<std::string, const Family*> family_by_head;
  for (const auto& f : dsl.families) {
    auto h = by_name.find(f.head);
    if (h == by_name.end()) {
      error(f.line, "family of unknown instruction '" + f.head + "'");
      continue;
    }
    if (h->second->kind != ItemKind::Inst && h->second->kind != ItemKind::Macro)
      error(f.line, "family head '" + f.head + "' is not an inst or macro");
    if (!family_by_head.emplace(f.head, &f).second) error(f.line, "second family for '" + f.head + "'");
    if (f.members.empty()) error(f.line, "family '" + f.head + "' has no members");
    for (const auto& m : f.members) {
      auto it = by_name.find(m);
      if (it == by_name.end()) {
        error(f.line, "family '" + f.head + "': unknown member '" + m + "'");
        continue;
      }
      if (it->second->kind != ItemKind::Inst && it->second->kind != ItemKind::Macro)
        error(f.line, "family member '" + m + "' is not an inst or macro");
      if (m == f.head) error(f.line, "family '" + f.head + "' lists its head");
      if (!family_of.emplace(m, &f).second) error(f.line, "'" + m + "' is in two families");
    }
  }
  for (const auto& [m, f] : family_of)
    if (family_by_head.count(m)) error(f->line, "specialization '" + m + "' has a family of its own");
  if (!errors.empty()) return a;

  // Per-definition derived data.
  auto make_info = [&](const Definition& d) {
    OpcodeInfo info;
    info.def = &d;
    info.flags = d.flags;
    if (d.kind == ItemKind::Super) {
      // Runs two adjacent plain instructions in one dispatch: both have a
      // body, no cache, no family, and a stack effect independent of the
      // oparg (the metadata sees one oparg); the first falls through.
      info.flags |= kSuper;
      info.super_parts = d.targets;
      for (size_t k = 0; k < d.targets.size(); ++k) {
        auto it = by_name.find(d.targets[k]);
        const Definition* p = it == by_name.end() ? nullptr : it->second;
        if (!p || p->kind != ItemKind::Inst || !p->body || p->effect.cache_size() != 0 ||
            family_of.count(p->name) || family_by_head.count(p->name)) {
          error(d.line, "super '" + d.name + "': '" + d.targets[k] +
                            "' is not a plain instruction with a body and no cache");
          continue;
        }
        if (k == 0 && (p->flags & (kJump | kJumpBack | kUncond | kExit)))
          error(d.line, "super '" + d.name + "': '" + p->name + "' does not fall through");
        std::string pops = count_expr(p->effect.stack_inputs()), pushes = count_expr(p->effect.outputs);
        if ((pops + pushes).find("oparg") != std::string::npos)
          error(d.line, "super '" + d.name + "': the stack effect of '" + p->name + "' depends on its oparg");
        info.steps.emplace_back(pops, pushes);
        // The oparg is the first instruction's; either may raise.
        info.flags |= p->flags & (k == 0 ? kArg | kConst | kLocal | kError | kEvalBreak : kError | kEvalBreak);
      }
      return info;
    }
    if (d.kind == ItemKind::Macro) {
      for (const auto& p : d.parts) {
        if (p.uop.empty()) {
          info.cache_layout.push_back(p.cache);
          continue;
        }
        auto it = by_name.find(p.uop);
        if (it == by_name.end() || it->second->kind != ItemKind::Op) {
          error(d.line, "macro '" + d.name + "': '" + p.uop + "' is not a uop");
          continue;
        }
        const Definition& u = *it->second;
        for (const auto& c : u.effect.caches()) info.cache_layout.push_back(c);
        info.steps.emplace_back(count_expr(u.effect.stack_inputs()), count_expr(u.effect.outputs));
        info.flags |= u.flags;
      }
      if (info.steps.empty()) info.steps.emplace_back("0", "0");
    } else {
      info.cache_layout = d.effect.caches();
      info.steps.emplace_back(count_expr(d.effect.stack_inputs()), count_expr(d.effect.outputs));
      if (d.jump_effect) {
        info.jump_steps.emplace();
        info.jump_steps->emplace_back(count_expr(d.jump_effect->stack_inputs()),
                                      count_expr(d.jump_effect->outputs));
      }
    }
    for (const auto& c : info.cache_layout) info.cache_size += c.cache;
    if (d.kind == ItemKind::Pseudo) info.flags |= kPseudo;
    auto f = family_of.find(d.name);
    if (f != family_of.end()) {
      info.flags |= kSpecialized;
      info.family = f->second->head;
    }
    return info;
  };

  std::vector<OpcodeInfo> generic_noarg, generic_arg, specialized;
  const Definition* cache_def = nullptr;
  for (const auto& d : dsl.defs) {
    if (d.kind == ItemKind::Op) {
      a.uops.push_back(&d);
      continue;
    }
    OpcodeInfo info = make_info(d);
    if (d.kind == ItemKind::Pseudo) a.pseudo.push_back(std::move(info));
    else if (d.name == "CACHE") cache_def = &d;
    else if (info.flags & (kSpecialized | kSuper)) specialized.push_back(std::move(info));  // quickened forms
    else if (info.flags & kArg) generic_arg.push_back(std::move(info));
    else generic_noarg.push_back(std::move(info));
  }
  if (!errors.empty()) return a;
  if (cache_def == nullptr) {
    error(1, "no CACHE instruction (opcode 0) defined");
    return a;
  }
  a.real.push_back(make_info(*cache_def));
  for (auto* group : {&generic_noarg, &generic_arg, &specialized}) {
    if (group == &specialized) a.first_specialized = static_cast<int>(a.real.size());
    for (auto& i : *group) a.real.push_back(std::move(i));
  }
  if (a.real.size() > 256) error(1, "more than 256 real instructions (" + std::to_string(a.real.size()) + ")");
  for (size_t i = 0; i < a.real.size(); ++i) a.real[i].opcode = static_cast<int>(i);
  for (size_t i = 0; i < a.pseudo.size(); ++i) a.pseudo[i].opcode = 256 + static_cast<int>(i);

  // Family consistency: same cache size (as declared), same stack effect.
  std::map<std::string, const OpcodeInfo*> info_by_name;
  for (const auto& i : a.real) info_by_name[i.def->name] = &i;
  for (const auto& f : dsl.families) {
    const OpcodeInfo* head = info_by_name[f.head];
    if (head->cache_size != f.cache_size)
      error(f.line, "family '" + f.head + "' declares cache size " + std::to_string(f.cache_size) +
                        " but '" + f.head + "' has " + std::to_string(head->cache_size));
    for (const auto& m : f.members) {
      const OpcodeInfo* mi = info_by_name[m];
      if (mi == nullptr) continue;
      if (mi->cache_size != f.cache_size)
        error(mi->def->line, "'" + m + "' has cache size " + std::to_string(mi->cache_size) +
                                 ", its family '" + f.head + "' " + std::to_string(f.cache_size));
      if (mi->steps.size() == 1 && head->steps.size() == 1 && mi->steps != head->steps)
        error(mi->def->line, "'" + m + "' has stack effect (" + mi->steps[0].first + " -- " +
                                 mi->steps[0].second + "), its family head (" + head->steps[0].first +
                                 " -- " + head->steps[0].second + ")");
    }
  }
  // Pseudo targets.
  for (const auto& p : a.pseudo) {
    for (const auto& t : p.def->targets) {
      auto it = info_by_name.find(t);
      if (it == info_by_name.end())
        error(p.def->line, "pseudo '" + p.def->name + "': target '" + t + "' is not a real instruction");
    }
  }
  return a;
}

}  // namespace spindle::casesgen
