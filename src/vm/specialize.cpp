// The machinery every specializer shares: counters, quickening, rewriting an
// instruction into a family member or back, and the -X pystats report. The
// specializers of the families live beside it (specialize_*.cpp).
#include "vm/specialize.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <vector>

#include "runtime/runtime.h"
#include "vm/code_object.h"

namespace spindle::vm {

namespace {

constexpr const char* kFailureText[] = {
#define SPINDLE_FAILURE_TEXT(name, text) text,
    SPINDLE_SPEC_FAILURES(SPINDLE_FAILURE_TEXT)
#undef SPINDLE_FAILURE_TEXT
};

void set_opcode(CodeUnit* instr, Op op) {
  *instr = static_cast<CodeUnit>((*instr & 0xFF00) | static_cast<int>(op));
}

}  // namespace

CodeUnit adaptive_counter_backoff(CodeUnit c) {
  unsigned backoff = std::min<unsigned>((c & ((1u << kBackoffBits) - 1)) + 1, kMaxBackoff);
  return make_counter((1u << backoff) - 1, backoff);
}

void quicken(CodeObj* code, bool superinstructions) {
  CodeUnit* units = code->units;
  for (int i = 0; i < code->nunits;) {
    auto op = static_cast<Op>(units[i] & 0xFF);
    if (!family_members(op).empty()) units[i + 1] = kCounterWarmup;
    int next = i + 1 + cache_size(op);
    if (superinstructions && next < code->nunits) {
      Op super = superinstruction(op, static_cast<Op>(code->co->code[next] & 0xFF));
      if (super != Op::CACHE) set_opcode(&units[i], super);
    }
    i = next;
  }
}

void specialize_as(runtime::Interpreter* interp, CodeUnit* instr, Op head, Op member) {
  set_opcode(instr, member);
  instr[1] = kCounterCooldown;
  if (SpecStats* s = interp->spec_stats) {
    ++s->attempts[static_cast<int>(head)];
    ++s->successes[static_cast<int>(head)];
  }
}

void specialize_fail(runtime::Interpreter* interp, CodeUnit* instr, Op head, SpecFailure why) {
  set_opcode(instr, head);
  instr[1] = adaptive_counter_backoff(instr[1]);
  if (SpecStats* s = interp->spec_stats) {
    ++s->attempts[static_cast<int>(head)];
    ++s->failures[static_cast<int>(head)][static_cast<int>(why)];
  }
}

bool specialize_enabled(runtime::Interpreter* interp, CodeUnit* instr, Op head) {
  if (interp->specialize) return true;
  set_opcode(instr, head);
  instr[1] = make_counter((1u << kMaxBackoff) - 1, kMaxBackoff);
  if (SpecStats* s = interp->spec_stats) ++s->failures[static_cast<int>(head)][static_cast<int>(SpecFailure::disabled)];
  return false;
}

std::string spec_stats_report(const SpecStats& s) {
  std::string out;
  char line[512];
  auto pct = [](uint64_t part, uint64_t whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0; };
  // A deopt re-runs the head's generic body without a second dispatch: the
  // instruction counts once, as the member, but ran generic code.
  uint64_t total = 0, heads = 0, members = 0, deopts = 0;
  for (int op = 0; op < 256; ++op) {
    total += s.executed[op];
    deopts += s.deopts[op];
    if (!is_valid_op(static_cast<Op>(op))) continue;
    if (!family_members(static_cast<Op>(op)).empty()) heads += s.executed[op];
    if (is_specialized(static_cast<Op>(op)) || is_superinstruction(static_cast<Op>(op))) members += s.executed[op];
  }
  out += "# Spindle specialization statistics (-X pystats)\n\n";
  std::snprintf(line, sizeof line,
                "Instructions executed: %" PRIu64 ". In a specialized form or a superinstruction: %" PRIu64
                " (%.1f%%), of which %" PRIu64 " deoptimized and ran the generic body. In a generic form that has "
                "specializations (a family head): %" PRIu64 " (%.1f%%). Specialized (without the deopts) or without a "
                "family (inherently generic-only): %.1f%%.\n\n",
                total, members, pct(members, total), deopts, heads, pct(heads, total), 100.0 - pct(heads + deopts, total));
  out += line;
  out += "## Execution counts\n\n| instruction | count | share | kind |\n|---|---|---|---|\n";
  std::vector<int> order;
  for (int op = 0; op < 256; ++op)
    if (s.executed[op]) order.push_back(op);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return s.executed[a] > s.executed[b]; });
  for (int op : order) {
    Op o = static_cast<Op>(op);
    const char* kind = is_specialized(o) ? "specialized" : is_superinstruction(o) ? "superinstruction" : !family_members(o).empty() ? "generic (family head)" : "no family";
    std::snprintf(line, sizeof line, "| %s | %" PRIu64 " | %.2f%% | %s |\n", op_name(o), s.executed[op],
                  pct(s.executed[op], total), kind);
    out += line;
  }
  out += "\n## Families\n";
  for (int op = 0; op < 256; ++op) {
    Op head = static_cast<Op>(op);
    if (!is_valid_op(head) || family_members(head).empty()) continue;
    uint64_t hits = 0, deopts = 0;
    for (Op m : family_members(head)) {
      hits += s.executed[static_cast<int>(m)];
      deopts += s.deopts[static_cast<int>(m)];
    }
    if (!s.attempts[op] && !s.executed[op] && !hits) continue;
    std::snprintf(line, sizeof line,
                  "\n### %s\n\nattempts %" PRIu64 ", successes %" PRIu64 ", failures %" PRIu64 ", deopts %" PRIu64
                  ", generic executions %" PRIu64 ", specialized executions (hits) %" PRIu64 "\n\n",
                  op_name(head), s.attempts[op], s.successes[op], s.attempts[op] - s.successes[op], deopts,
                  s.executed[op], hits);
    out += line;
    bool any = false;
    for (int r = 0; r < kNumSpecFailures; ++r) {
      if (!s.failures[op][r]) continue;
      if (!any) out += "| failure | count |\n|---|---|\n";
      any = true;
      std::snprintf(line, sizeof line, "| %s | %" PRIu64 " |\n", kFailureText[r], s.failures[op][r]);
      out += line;
    }
    if (any) out += "\n";
    out += "| form | hits | deopts |\n|---|---|---|\n";
    for (Op m : family_members(head)) {
      std::snprintf(line, sizeof line, "| %s | %" PRIu64 " | %" PRIu64 " |\n", op_name(m), s.executed[static_cast<int>(m)],
                    s.deopts[static_cast<int>(m)]);
      out += line;
    }
  }
  return out;
}

}  // namespace spindle::vm
