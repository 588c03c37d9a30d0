// The disassembler. Layout follows CPython 3.11's dis (line column, ">>" for
// jump and handler targets, byte offsets, opname padded to 20, oparg to 5,
// readable argument in parentheses, CACHE entries hidden, an "ExceptionTable:"
// section), with two deliberate differences: code-object headers carry no
// address, and readable arguments follow Spindle's instruction set (e.g.
// LOAD_GLOBAL shows "name + NULL", the 3.13 stack order).
//
// Invariant: reads the code object only; never trusts opargs to be in range.
#include "vm/dis.h"

#include <cstdio>
#include <set>

#include "vm/opcode.h"

namespace spindle::vm {

namespace {

std::string code_header(const CodeObject& c) {
  return "<code object " + c.name + ", file \"" + c.filename + "\", line " + std::to_string(c.firstlineno) + ">";
}

template <class V>
std::string item_or(const V& v, int i) {
  if (i < 0 || static_cast<size_t>(i) >= v.size()) return "<" + std::to_string(i) + ">";
  return v[i];
}

// Target offset (code units) of the jump at `offset` with `oparg`.
int jump_target(int opcode, int oparg, int offset) {
  Op op = static_cast<Op>(opcode);
  int next = offset + 1 + cache_size(op);
  return is_jump_backward(op) ? next - oparg : next + oparg;
}

}  // namespace

std::string oparg_repr(const CodeObject& code, int opcode, int oparg, int offset) {
  Op op = static_cast<Op>(opcode);
  if (!is_valid_op(op)) return "";
  if (has_const(op)) {
    if (oparg < 0 || static_cast<size_t>(oparg) >= code.consts.size()) return "<" + std::to_string(oparg) + ">";
    return code.consts[oparg].repr();
  }
  if (has_name(op)) {
    std::string name = item_or(code.names, oparg >> name_oparg_shift(op));
    Op base = deopt_op(op);
    if (base == Op::LOAD_GLOBAL && (oparg & 1)) return name + " + NULL";
    if (base == Op::LOAD_ATTR && (oparg & 1)) return name + " + NULL|self";
    if (base == Op::LOAD_SUPER_ATTR && (oparg & 1)) return name + " + NULL|self";
    return name;
  }
  if (has_local(op) || has_free(op)) return item_or(code.localsplus_names, oparg);
  if (has_jump(op)) return "to " + std::to_string(2 * jump_target(opcode, oparg, offset));
  switch (deopt_op(op)) {
    case Op::COMPARE_OP: {
      int cmp = compare_op_of(oparg);
      if (cmp < 0 || cmp > 5) return "";
      std::string s = kCompareOpSymbols[cmp];
      return (oparg & kCompareToBoolBit) ? "bool(" + s + ")" : s;
    }
    case Op::BINARY_OP: {
      const char* s = binary_op_symbol(oparg);
      return s ? s : "";
    }
    case Op::IS_OP: return oparg ? "is not" : "is";
    case Op::CONTAINS_OP: return oparg ? "not in" : "in";
    case Op::CALL_INTRINSIC_1: {
      const char* s = intrinsic1_name(oparg);
      return s ? s : "";
    }
    case Op::CALL_INTRINSIC_2: {
      const char* s = intrinsic2_name(oparg);
      return s ? s : "";
    }
    case Op::CONVERT_VALUE: {
      static const char* kConv[] = {"", "str", "repr", "ascii"};
      return oparg >= 0 && oparg <= 3 ? kConv[oparg] : "";
    }
    case Op::SET_FUNCTION_ATTRIBUTE: {
      std::string s;
      static const char* kAttr[] = {"defaults", "kwdefaults", "annotations", "closure"};
      for (int bit = 0; bit < 4; ++bit)
        if (oparg & (1 << bit)) s += (s.empty() ? "" : ", ") + std::string(kAttr[bit]);
      return s;
    }
    default: return "";
  }
}

namespace {

void disassemble_one(const CodeObject& code, std::string& out) {
  const int n = static_cast<int>(code.code.size());
  // Per-unit locations.
  std::vector<int> line_of(n, -1);
  if (auto ranges = decode_location_table(code.linetable, code.firstlineno)) {
    for (const auto& r : *ranges)
      for (int u = r.start; u < r.end && u < n; ++u) line_of[u] = r.loc.lineno;
  } else {
    out += "<malformed location table>\n";
  }
  auto table = decode_exception_table(code.exceptiontable);

  // Jump and handler targets, and the widths CPython uses.
  std::set<int> targets;
  int maxline = 0;
  for (int i = 0; i < n;) {
    int ext = 0;
    while (i < n && unit_opcode(code.code[i]) == static_cast<int>(Op::EXTENDED_ARG)) {
      ext = (ext << 8) | unit_oparg(code.code[i]);
      ++i;
    }
    if (i >= n) break;
    int opcode = unit_opcode(code.code[i]);
    int oparg = (ext << 8) | unit_oparg(code.code[i]);
    Op op = static_cast<Op>(opcode);
    if (has_jump(op)) targets.insert(jump_target(opcode, oparg, i));
    i += 1 + cache_size(op);
  }
  for (int l : line_of) maxline = std::max(maxline, l);
  if (table)
    for (const auto& e : *table) targets.insert(e.target);
  int lineno_width = maxline >= 1000 ? static_cast<int>(std::to_string(maxline).size()) : 3;
  int maxoffset = 2 * n - 2;
  int offset_width = maxoffset >= 10000 ? static_cast<int>(std::to_string(maxoffset).size()) : 4;

  int prev_line = -1;
  int ext = 0;
  for (int i = 0; i < n;) {
    int opcode = unit_opcode(code.code[i]);
    int oparg = (ext << 8) | unit_oparg(code.code[i]);
    Op op = static_cast<Op>(opcode);
    std::string line;
    // A new source line starts a paragraph.
    bool starts = line_of[i] >= 0 && line_of[i] != prev_line;
    if (line_of[i] >= 0) prev_line = line_of[i];
    if (starts && i > 0) out += "\n";
    char buf[64];
    if (starts) {
      std::snprintf(buf, sizeof buf, "%*d", lineno_width, line_of[i]);
      line += buf;
    } else {
      line += std::string(lineno_width, ' ');
    }
    line += "     ";  // separator, the unused "-->" column, separator
    line += targets.count(i) ? ">> " : "   ";
    std::snprintf(buf, sizeof buf, "%*d ", offset_width, 2 * i);
    line += buf;
    std::string name = is_valid_op(op) ? op_name(op) : "<" + std::to_string(opcode) + ">";
    if (name.size() < 20) name.resize(20, ' ');
    line += name;
    if (is_valid_op(op) && (has_arg(op) || oparg != 0)) {
      std::snprintf(buf, sizeof buf, " %5d", oparg);
      line += buf;
      std::string r = op == Op::EXTENDED_ARG ? "" : oparg_repr(code, opcode, oparg, i);
      if (!r.empty()) line += " (" + r + ")";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (op == Op::EXTENDED_ARG) {
      ext = oparg;
      i += 1;
    } else {
      ext = 0;
      i += 1 + (is_valid_op(op) ? cache_size(op) : 0);
    }
  }
  if (!table) {
    out += "<malformed exception table>\n";
  } else if (!table->empty()) {
    out += "ExceptionTable:\n";
    for (const auto& e : *table) {
      out += "  " + std::to_string(2 * e.start) + " to " + std::to_string(2 * e.end - 2) + " -> " +
             std::to_string(2 * e.target) + " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") + "\n";
    }
  }
}

void disassemble_rec(const CodeObject& code, std::string& out, bool header) {
  if (header) out += "\nDisassembly of " + code_header(code) + ":\n";
  disassemble_one(code, out);
  for (const auto& c : code.consts)
    if (c.kind == CodeConstant::Kind::Code && c.code) disassemble_rec(*c.code, out, true);
}

}  // namespace

std::string disassemble(const CodeObject& code) {
  std::string out;
  disassemble_rec(code, out, false);
  return out;
}

}  // namespace spindle::vm
