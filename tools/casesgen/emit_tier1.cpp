// casesgen: the tier-1 interpreter cases and the two dispatch tables.
//
// Output files (relative to the output directory):
//   vm/tier1_cases.inc    one `TARGET(NAME) { ... }` block per real instruction,
//                         included inside the interpreter loop (src/vm/interpreter.cpp)
//   vm/tier1_targets.inc  the normal and the tracing computed-goto tables
//
// A case reads its inputs from the stack into named locals (arrays as
// pointers into the stack, conditional items as nullptr when absent), its
// cache entries as `CodeUnit*` pointers, runs the body, writes its outputs and
// moves the stack pointer by the declared effect. In bodies:
//   ERROR_IF(cond, error)  if cond: drop the inputs (the body has already
//                          released them) and raise; with another label,
//                          jump there leaving the stack as it is
//   DEOPT_IF(cond)         (specializations) if cond: re-run the family head
// A family member without a body re-runs its head unconditionally: tier 1
// does not specialize yet (issue 6), so such members are never quickened in.
#include <algorithm>
#include <sstream>

#include "casesgen.h"

namespace spindle::casesgen {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// The size of one stack item as a C++ expression.
std::string item_size(const StackItem& it) {
  std::string size = trim(it.size), cond = trim(it.cond);
  if (size.empty() && cond.empty()) return "1";
  if (cond.empty()) return "(" + size + ")";
  if (size.empty()) return "((" + cond + ") ? 1 : 0)";
  return "((" + cond + ") ? (" + size + ") : 0)";
}

std::string sum(const std::vector<std::string>& terms) {
  if (terms.empty()) return "0";
  std::string s;
  for (const auto& t : terms) s += (s.empty() ? "" : " + ") + t;
  return s;
}

// Replaces every MACRO(args) in body by f(args).
template <class F>
std::string rewrite_calls(const std::string& body, const std::string& macro, F f, bool* found = nullptr) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t at = body.find(macro + "(", pos);
    if (at == std::string::npos || (at > 0 && (std::isalnum(static_cast<unsigned char>(body[at - 1])) || body[at - 1] == '_'))) {
      if (at == std::string::npos) {
        out += body.substr(pos);
        return out;
      }
      out += body.substr(pos, at + 1 - pos);
      pos = at + 1;
      continue;
    }
    if (found) *found = true;
    out += body.substr(pos, at - pos);
    size_t open = at + macro.size();
    int depth = 0;
    size_t i = open;
    for (; i < body.size(); ++i) {
      if (body[i] == '(') ++depth;
      else if (body[i] == ')' && --depth == 0) break;
    }
    out += f(body.substr(open + 1, i - open - 1));
    pos = i + 1;
  }
}

// Splits "a, b" at its last top-level comma.
std::pair<std::string, std::string> split_last_arg(const std::string& args) {
  int depth = 0;
  size_t cut = std::string::npos;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == '(' || args[i] == '[' || args[i] == '{') ++depth;
    else if (args[i] == ')' || args[i] == ']' || args[i] == '}') --depth;
    else if (args[i] == ',' && depth == 0) cut = i;
  }
  if (cut == std::string::npos) return {trim(args), ""};
  return {trim(args.substr(0, cut)), trim(args.substr(cut + 1))};
}

// The case `target` running `info`'s body, then `next` (the dispatch of the
// following instruction).
void emit_case(std::ostringstream& o, const Analysis& a, const OpcodeInfo& info, std::vector<std::string>& errors,
               const std::string& target, const std::string& next = "DISPATCH();") {
  const Definition& d = *info.def;
  const std::string& name = d.name;
  o << "TARGET(" << target << ") {\n";
  o << "  CodeUnit* this_instr = next_instr;\n  (void)this_instr;\n";
  o << "  frame->instr_ptr = next_instr;\n";
  o << "  next_instr += " << 1 + info.cache_size << ";\n";
  // Cache entries.
  int off = 1;
  for (const auto& c : d.effect.caches()) {
    if (c.name != "unused") o << "  CodeUnit* " << c.name << " = &this_instr[" << off << "];\n  (void)" << c.name << ";\n";
    off += c.cache;
  }
  std::string body = d.body ? *d.body : "";
  bool has_body = !trim(body).empty();
  if (!has_body && !info.family.empty()) {
    o << "  next_instr = this_instr;\n  goto TARGET_" << info.family << ";\n}\n\n";
    return;
  }
  // A family head is adaptive: its first cache entry counts down to the next
  // specialization attempt (docs/internals/specialization.md).
  if (is_family_head(a, name)) {
    const auto caches = d.effect.caches();
    if (caches.empty() || caches[0].name != "counter" || caches[0].cache != 1) {
      errors.push_back(a.dsl->filename + ":" + std::to_string(d.line) + ": family head '" + name +
                       "' must start its cache with counter/1");
    }
    o << "  if (adaptive_counter_triggers(this_instr[1])) {\n"
      << "    next_instr = this_instr;\n"
      << "    specialize_" << name << "(ts, frame, this_instr, stack_pointer, oparg);\n"
      << "    opcode = *this_instr & 0xFF;\n"
      << "    goto* normal_targets[opcode];  // counted once, as the head\n"
      << "  }\n"
      << "  adaptive_counter_advance(this_instr[1]);\n";
  }
  // Inputs.
  auto inputs = d.effect.stack_inputs();
  std::vector<std::string> in_sizes;
  for (const auto& it : inputs) in_sizes.push_back(item_size(it));
  std::string total_in = sum(in_sizes);
  std::vector<std::string> declared;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto& it = inputs[i];
    std::vector<std::string> rest(in_sizes.begin() + static_cast<long>(i), in_sizes.end());
    std::string pos = "-(" + sum(rest) + ")";
    if (it.name == "unused") continue;
    std::string type = it.type.empty() ? "Object*" : it.type;
    if (!trim(it.size).empty()) {
      o << "  Object** " << it.name << " = &stack_pointer[" << pos << "];\n";
    } else if (!trim(it.cond).empty()) {
      o << "  " << type << " " << it.name << " = (" << it.cond << ") ? (" << type << ")stack_pointer[" << pos
        << "] : nullptr;\n";
    } else {
      o << "  " << type << " " << it.name << " = (" << type << ")stack_pointer[" << pos << "];\n";
    }
    o << "  (void)" << it.name << ";\n";
    declared.push_back(it.name);
  }
  // Outputs not named like an input.
  for (const auto& it : d.effect.outputs) {
    if (it.name == "unused") continue;
    if (std::find(declared.begin(), declared.end(), it.name) != declared.end()) continue;
    if (!trim(it.size).empty()) {
      errors.push_back(a.dsl->filename + ":" + std::to_string(it.line) + ": array outputs must be 'unused'");
      continue;
    }
    std::string type = it.type.empty() ? "Object*" : it.type;
    o << "  " << type << " " << it.name << " = nullptr;\n";
    declared.push_back(it.name);
  }
  // Body.
  bool can_error = false;
  body = rewrite_calls(body, "ERROR_IF", [&](const std::string& args) {
    auto [cond, label] = split_last_arg(args);
    // `error` drops the inputs (the body released them); any other label is
    // a loop label that knows what is left on the stack.
    if (label == "error") return "if (" + cond + ") { stack_pointer += -(" + total_in + "); goto error; }";
    return "if (" + cond + ") { goto " + label + "; }";
  }, &can_error);
  if (body.find("goto error") != std::string::npos || body.find("ERROR_NO_POP") != std::string::npos) can_error = true;
  bool deopts = false;
  body = rewrite_calls(body, "DEOPT_IF", [&](const std::string& args) {
    return "if (" + trim(args) + ") { RECORD_DEOPT(" + name + "); next_instr = this_instr; goto TARGET_" + info.family +
           "; }";
  }, &deopts);
  if (deopts && info.family.empty()) {
    errors.push_back(a.dsl->filename + ":" + std::to_string(d.line) + ": DEOPT_IF in '" + name +
                     "', which is not a specialization");
  }
  if (can_error && !(info.flags & kError)) {
    errors.push_back(a.dsl->filename + ":" + std::to_string(d.line) + ": '" + name +
                     "' can raise (its body has an error exit) but is not declared ERROR");
  }
  if (body.find("CHECK_EVAL_BREAKER") != std::string::npos && !(info.flags & kEvalBreak)) {
    errors.push_back(a.dsl->filename + ":" + std::to_string(d.line) + ": '" + name +
                     "' polls the eval breaker but is not declared EVAL_BREAK");
  }
  o << "  {" << body << "}\n";
  // Outputs.
  std::vector<std::string> out_sizes;
  for (const auto& it : d.effect.outputs) {
    std::string pos = "-(" + total_in + ")" + (out_sizes.empty() ? "" : " + " + sum(out_sizes));
    if (it.name != "unused") {
      if (!trim(it.cond).empty()) o << "  if (" << it.cond << ") stack_pointer[" << pos << "] = " << it.name << ";\n";
      else o << "  stack_pointer[" << pos << "] = (Object*)" << it.name << ";\n";
    }
    out_sizes.push_back(item_size(it));
  }
  std::string delta = "(" + sum(out_sizes) + ") - (" + total_in + ")";
  if (delta != "(0) - (0)") o << "  stack_pointer += " << delta << ";\n";
  o << "  " << next << "\n}\n\n";
}

}  // namespace

bool is_family_head(const Analysis& a, const std::string& name) {
  for (const auto& f : a.dsl->families)
    if (f.head == name) return true;
  return false;
}

std::string emit_tier1_cases(const Analysis& a, const std::string& display, std::vector<std::string>& errors) {
  std::ostringstream o;
  o << "// Generated by tools/casesgen from " << display << ". Do not edit: change the DSL and rebuild.\n";
  o << "// The tier-1 cases, included inside the interpreter loop (src/vm/interpreter.cpp).\n\n";
  for (const auto& info : a.real) {
    if (info.def->name == "CACHE") continue;
    if (info.super_parts.empty()) {
      emit_case(o, a, info, errors, info.def->name);
      continue;
    }
    // A superinstruction: the first instruction's case, which then enters
    // the second's with a direct jump (its oparg read from the code).
    auto first = std::find_if(a.real.begin(), a.real.end(),
                              [&](const OpcodeInfo& i) { return i.def->name == info.super_parts[0]; });
    emit_case(o, a, *first, errors, info.def->name,
              "oparg = *next_instr >> 8;\n  goto TARGET_" + info.super_parts[1] + ";");
  }
  return o.str();
}

std::string emit_tier1_targets(const Analysis& a, const std::string& display) {
  std::ostringstream o;
  o << "// Generated by tools/casesgen from " << display << ". Do not edit: change the DSL and rebuild.\n";
  o << "// The computed-goto dispatch tables: normal and tracing (the tracing table\n";
  o << "// records the previous instruction first once tier 2 exists; until then\n";
  o << "// it points at the same cases), and counting (-X pystats: every entry counts\n";
  o << "// the instruction, then dispatches through the normal table).\n\n";
  for (const char* table : {"normal_targets", "tracing_targets"}) {
    o << "static void* const " << table << "[256] = {\n";
    for (int op = 0; op < 256; ++op) {
      const OpcodeInfo* found = nullptr;
      for (const auto& info : a.real)
        if (info.opcode == op) found = &info;
      if (found && found->def->name != "CACHE") o << "  &&TARGET_" << found->def->name << ",\n";
      else o << "  &&unknown_opcode,\n";
    }
    o << "};\n";
  }
  o << "static void* const counting_targets[256] = {\n";
  for (int op = 0; op < 256; ++op) o << "  &&count_instruction,\n";
  o << "};\n";
  return o.str();
}

std::string emit_specializers(const Analysis& a, const std::string& display) {
  std::ostringstream o;
  o << "// Generated by tools/casesgen from " << display << ". Do not edit: change the DSL and rebuild.\n";
  o << "// One specializer per family head (src/vm/specialize*.cpp define them): called\n";
  o << "// when the head's adaptive counter triggers, with the head's inputs on the stack;\n";
  o << "// rewrites the instruction into a member (or leaves it generic) and resets the counter.\n";
  o << "#pragma once\n\n#include \"vm/code.h\"\n\n";
  o << "namespace spindle::objects {\nstruct Object;\n}\nnamespace spindle::runtime {\nstruct ThreadState;\n}\n\n";
  o << "namespace spindle::vm {\n\nstruct Frame;\n\n";
  for (const auto& f : a.dsl->families) {
    o << "void specialize_" << f.head
      << "(runtime::ThreadState* ts, Frame* frame, CodeUnit* instr, objects::Object** stack_pointer, int oparg);\n";
  }
  o << "\n}  // namespace spindle::vm\n";
  return o.str();
}

}  // namespace spindle::casesgen
