// Tests of the flow graph and assembler (src/frontend/flowgraph.cpp), the
// code-object tables (src/vm/code.cpp) and the disassembler, on instruction
// sequences built by hand.
#include <gtest/gtest.h>

#include <random>

#include "frontend/flowgraph.h"
#include "vm/dis.h"
#include "vm/opcode.h"

namespace {

using namespace spindle;
using frontend::CodeUnitInfo;
using frontend::InstrSequence;
using frontend::Label;
using vm::CodeConstant;
using vm::Op;
using vm::Location;

Location L(int line) { return Location{line, line, 0, 1}; }

struct Decoded {
  Op op;
  int oparg;
  int offset;  // code units, of the instruction itself (after EXTENDED_ARGs)
};

std::vector<Decoded> decode(const vm::CodeObject& code) {
  std::vector<Decoded> out;
  int ext = 0;
  for (size_t i = 0; i < code.code.size();) {
    Op op = static_cast<Op>(vm::unit_opcode(code.code[i]));
    int arg = (ext << 8) | vm::unit_oparg(code.code[i]);
    if (op == Op::EXTENDED_ARG) {
      ext = arg;
      ++i;
      continue;
    }
    ext = 0;
    out.push_back({op, arg, static_cast<int>(i)});
    i += 1 + vm::cache_size(op);
  }
  return out;
}

std::vector<Op> ops_of(const vm::CodeObject& code) {
  std::vector<Op> r;
  for (const auto& d : decode(code)) r.push_back(d.op);
  return r;
}

int jump_target(const Decoded& d) {
  int next = d.offset + 1 + vm::cache_size(d.op);
  return vm::is_jump_backward(d.op) ? next - d.oparg : next + d.oparg;
}

CodeUnitInfo unit(int nlocals = 0, int nargs = 0) {
  CodeUnitInfo u;
  u.name = "f";
  u.qualname = "f";
  u.filename = "t.py";
  u.firstlineno = 1;
  u.argcount = nargs;
  u.flags = vm::CO_OPTIMIZED | vm::CO_NEWLOCALS;
  for (int i = 0; i < nlocals; ++i) u.varnames.push_back("v" + std::to_string(i));
  u.add_const(CodeConstant::none());
  return u;
}


std::shared_ptr<vm::CodeObject> build(InstrSequence& seq, CodeUnitInfo u) {
  frontend::SyntaxErrorInfo err;
  auto code = frontend::assemble(std::move(seq), std::move(u), err);
  EXPECT_TRUE(code != nullptr) << err.msg;
  return code;
}

TEST(Flowgraph, TrimsOnlyTrailingUnusedConstants) {
  InstrSequence s;
  CodeUnitInfo u = unit();
  int a = u.add_const(CodeConstant::of_int(10));  // unused, not trailing: stays
  int b = u.add_const(CodeConstant::of_int(11));  // loaded
  u.add_const(CodeConstant::of_int(12));          // unused, trailing: goes
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::RETURN_CONST, b, L(2));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  ASSERT_EQ(code->consts.size(), 3u);
  EXPECT_EQ(code->consts[a].repr(), "10");
}

TEST(Flowgraph, ReturnConstAndStackDepth) {
  InstrSequence s;
  CodeUnitInfo u = unit(3, 3);
  s.emit(Op::RESUME, 0, L(1));
  for (int i = 0; i < 3; ++i) s.emit(Op::LOAD_FAST, i, L(2));
  s.emit(Op::BUILD_TUPLE, 3, L(2));
  s.emit(Op::POP_TOP, L(2));
  s.emit(Op::LOAD_CONST, 0, L(3));
  s.emit(Op::RETURN_VALUE, L(3));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  EXPECT_EQ(code->stacksize, 3);
  EXPECT_EQ(ops_of(*code), (std::vector<Op>{Op::RESUME, Op::LOAD_FAST, Op::LOAD_FAST, Op::LOAD_FAST,
                                            Op::BUILD_TUPLE, Op::POP_TOP, Op::RETURN_CONST}));
}

TEST(Flowgraph, FoldsConstantTuples) {
  InstrSequence s;
  CodeUnitInfo u = unit();
  int one = u.add_const(CodeConstant::of_int(1));
  int two = u.add_const(CodeConstant::of_str("two"));
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_CONST, one, L(2));
  s.emit(Op::LOAD_CONST, two, L(2));
  s.emit(Op::BUILD_TUPLE, 2, L(2));
  s.emit(Op::RETURN_VALUE, L(2));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto d = decode(*code);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].op, Op::RETURN_CONST);
  EXPECT_EQ(code->consts[d[1].oparg].repr(), "(1, 'two')");
  // As in CPython 3.11 the folded items stay (only trailing unused constants go).
  EXPECT_EQ(code->consts.size(), 4u);
}

TEST(Flowgraph, RemovesDeadCodeAndThreadsJumps) {
  InstrSequence s;
  CodeUnitInfo u = unit(1, 1);
  Label a = s.new_label(), b = s.new_label(), c = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_FAST, 0, L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit_jump(Op::POP_JUMP_IF_FALSE, a, L(2));
  s.emit(Op::LOAD_FAST, 0, L(3));
  s.emit(Op::POP_TOP, L(3));
  s.emit(Op::RETURN_CONST, 0, L(3));
  s.emit(Op::LOAD_FAST, 0, L(4));  // dead: after a return, no label
  s.emit(Op::POP_TOP, L(4));
  s.use_label(a);
  s.emit_jump(Op::JUMP, b, Location{});  // a jump to a jump
  s.use_label(c);
  s.emit(Op::LOAD_FAST, 0, L(9));  // dead: only reached by nobody
  s.emit(Op::RETURN_VALUE, L(9));
  s.use_label(b);
  s.emit(Op::LOAD_FAST, 0, L(5));
  s.emit(Op::RETURN_VALUE, L(5));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto d = decode(*code);
  std::vector<Op> expect{Op::RESUME, Op::LOAD_FAST, Op::TO_BOOL, Op::POP_JUMP_IF_FALSE, Op::LOAD_FAST,
                         Op::POP_TOP, Op::RETURN_CONST, Op::LOAD_FAST, Op::RETURN_VALUE};
  EXPECT_EQ(ops_of(*code), expect);
  // The conditional jump goes straight to the final block.
  EXPECT_EQ(jump_target(d[3]), d[7].offset);
  for (const auto& x : d) EXPECT_NE(x.op, Op::JUMP_FORWARD);
}

TEST(Flowgraph, PeepholeBooleans) {
  InstrSequence s;
  CodeUnitInfo u = unit(2, 2);
  Label a = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_FAST, 0, L(2));
  s.emit(Op::LOAD_FAST, 1, L(2));
  s.emit(Op::COMPARE_OP, vm::compare_op_oparg(vm::CompareOp::LT), L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit(Op::UNARY_NOT, L(2));
  s.emit_jump(Op::POP_JUMP_IF_FALSE, a, L(2));
  s.emit(Op::RETURN_CONST, 0, L(3));
  s.use_label(a);
  s.emit(Op::LOAD_FAST, 0, L(4));
  s.emit(Op::RETURN_VALUE, L(4));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto d = decode(*code);
  EXPECT_EQ(ops_of(*code), (std::vector<Op>{Op::RESUME, Op::LOAD_FAST, Op::LOAD_FAST, Op::COMPARE_OP,
                                            Op::POP_JUMP_IF_TRUE, Op::RETURN_CONST, Op::LOAD_FAST,
                                            Op::RETURN_VALUE}));
  EXPECT_TRUE(d[3].oparg & vm::kCompareToBoolBit);
  EXPECT_EQ(vm::compare_op_of(d[3].oparg), static_cast<int>(vm::CompareOp::LT));
}

TEST(Flowgraph, ConstantConditionBecomesJump) {
  InstrSequence s;
  CodeUnitInfo u = unit();
  int t = u.add_const(CodeConstant::of_int(7));
  Label a = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_CONST, t, L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit_jump(Op::POP_JUMP_IF_TRUE, a, L(2));
  s.emit(Op::RETURN_CONST, 0, L(3));  // never runs: 7 is true
  s.use_label(a);
  s.emit(Op::RETURN_CONST, t, L(4));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto ops = ops_of(*code);
  EXPECT_EQ(std::count(ops.begin(), ops.end(), Op::RETURN_CONST), 1);
  EXPECT_EQ(std::count(ops.begin(), ops.end(), Op::POP_JUMP_IF_TRUE), 0);
}

TEST(Flowgraph, BackwardConditionalJumpIsInverted) {
  // while v0: pass  — written with the test at the bottom.
  InstrSequence s;
  CodeUnitInfo u = unit(1, 1);
  Label top = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.use_label(top);
  s.emit(Op::LOAD_FAST, 0, L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit_jump(Op::POP_JUMP_IF_TRUE, top, L(2));
  s.emit(Op::RETURN_CONST, 0, L(3));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto d = decode(*code);
  ASSERT_EQ(d.size(), 6u);
  EXPECT_EQ(d[3].op, Op::POP_JUMP_IF_FALSE);
  EXPECT_EQ(jump_target(d[3]), d[5].offset);
  EXPECT_EQ(d[4].op, Op::JUMP_BACKWARD);
  EXPECT_EQ(jump_target(d[4]), d[1].offset);
}

TEST(Flowgraph, ExtendedArgForBigOpargsAndLongJumps) {
  InstrSequence s;
  CodeUnitInfo u = unit(1, 1);
  for (int i = 0; i < 300; ++i) u.add_const(CodeConstant::of_int(i));
  Label end = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_FAST, 0, L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit_jump(Op::POP_JUMP_IF_FALSE, end, L(2));
  for (int i = 0; i < 200; ++i) {
    s.emit(Op::LOAD_CONST, 1 + i, L(3 + i));
    s.emit(Op::POP_TOP, L(3 + i));
  }
  s.emit(Op::LOAD_CONST, 300, L(300));  // index 300 needs EXTENDED_ARG
  s.emit(Op::POP_TOP, L(300));
  s.use_label(end);
  s.emit(Op::RETURN_CONST, 0, L(301));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto d = decode(*code);
  // The jump spans > 255 code units.
  EXPECT_GT(d[3].oparg, 255);
  EXPECT_EQ(vm::unit_opcode(code->code[d[3].offset - 1]), static_cast<int>(Op::EXTENDED_ARG));
  EXPECT_EQ(jump_target(d[3]), d.back().offset);
  EXPECT_EQ(d.back().op, Op::RETURN_CONST);
  bool found = false;
  for (const auto& x : d)
    if (x.op == Op::LOAD_CONST && code->consts[x.oparg].repr() == "299") found = true;
  EXPECT_TRUE(found);
  // Each EXTENDED_ARG carries the location of its instruction.
  EXPECT_EQ(code->location_at(d[3].offset - 1).lineno, 2);
}

TEST(Flowgraph, ExceptionTableAndHandlerDepth) {
  // try: v0.x  except: pass
  InstrSequence s;
  CodeUnitInfo u = unit(1, 1);
  u.add_name("x");
  Label handler = s.new_label(), cleanup = s.new_label(), end = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::NOP, L(2));
  s.emit_jump(Op::SETUP_FINALLY, handler, L(2));
  s.emit(Op::LOAD_FAST, 0, L(3));
  s.emit(Op::LOAD_ATTR, 0, L(3));
  s.emit(Op::POP_TOP, L(3));
  s.emit(Op::POP_BLOCK, Location{});
  s.emit_jump(Op::JUMP, end, Location{});
  s.use_label(handler);
  s.emit_jump(Op::SETUP_CLEANUP, cleanup, Location{});
  s.emit(Op::PUSH_EXC_INFO, L(4));
  s.emit(Op::POP_TOP, L(4));
  s.emit(Op::POP_BLOCK, Location{});
  s.emit(Op::POP_EXCEPT, L(5));
  s.emit_jump(Op::JUMP, end, L(5));
  s.use_label(cleanup);
  s.emit(Op::COPY, 3, Location{});
  s.emit(Op::POP_EXCEPT, Location{});
  s.emit(Op::RERAISE, 1, Location{});
  s.use_label(end);
  s.emit(Op::RETURN_CONST, 0, L(6));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto table = vm::decode_exception_table(code->exceptiontable);
  ASSERT_TRUE(table.has_value());
  ASSERT_EQ(table->size(), 2u);
  auto d = decode(*code);
  auto at = [&](Op op, int nth = 0) {
    for (const auto& x : d)
      if (x.op == op && nth-- == 0) return x.offset;
    return -1;
  };
  // The try body: LOAD_FAST .. POP_TOP, handled at PUSH_EXC_INFO with depth 0.
  EXPECT_EQ((*table)[0].start, at(Op::LOAD_FAST));
  EXPECT_EQ((*table)[0].target, at(Op::PUSH_EXC_INFO));
  EXPECT_EQ((*table)[0].depth, 0);
  EXPECT_FALSE((*table)[0].lasti);
  // The handler body, cleaned up at COPY with lasti, above the exception.
  EXPECT_EQ((*table)[1].start, at(Op::PUSH_EXC_INFO));
  EXPECT_EQ((*table)[1].target, at(Op::COPY));
  EXPECT_EQ((*table)[1].depth, 1);
  EXPECT_TRUE((*table)[1].lasti);
  EXPECT_EQ(code->stacksize, 4);
  EXPECT_EQ(code->handler_at(at(Op::LOAD_ATTR))->target, at(Op::PUSH_EXC_INFO));
  EXPECT_FALSE(code->handler_at(at(Op::RETURN_CONST)).has_value());
  // Round trip through the encoder.
  EXPECT_EQ(vm::encode_exception_table(*table), code->exceptiontable);
}

TEST(Flowgraph, ExceptionTableCodecRoundTrip) {
  std::mt19937 rng(42);
  std::vector<vm::ExceptionTableEntry> entries;
  int pos = 0;
  for (int i = 0; i < 500; ++i) {
    vm::ExceptionTableEntry e;
    e.start = pos + static_cast<int>(rng() % 100);
    e.end = e.start + 1 + static_cast<int>(rng() % (i % 7 == 0 ? 100000 : 50));
    e.target = static_cast<int>(rng() % (1 << (rng() % 28)));
    e.depth = static_cast<int>(rng() % (1 << (rng() % 20)));
    e.lasti = rng() & 1;
    pos = e.end;
    entries.push_back(e);
  }
  auto bytes = vm::encode_exception_table(entries);
  auto back = vm::decode_exception_table(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, entries);
  EXPECT_FALSE(vm::decode_exception_table(std::vector<uint8_t>{0x01}).has_value());
  EXPECT_FALSE(vm::decode_exception_table(std::vector<uint8_t>{0x80, 0x41}).has_value());
}

TEST(Flowgraph, LocationTableRoundTrip) {
  std::mt19937 rng(7);
  std::vector<Location> per_unit;
  int line = 10;
  for (int i = 0; i < 5000; ++i) {
    Location loc;
    switch (rng() % 6) {
      case 0: break;  // no location
      case 1: loc = Location{line, line, -1, -1}; break;
      case 2: loc = Location{line, line, static_cast<int>(rng() % 70), 0}; loc.end_col_offset = loc.col_offset + static_cast<int>(rng() % 15); break;
      case 3: loc = Location{line, line + static_cast<int>(rng() % 3), static_cast<int>(rng() % 300), static_cast<int>(rng() % 300)}; break;
      case 4: loc = Location{line, line, static_cast<int>(rng() % 127), static_cast<int>(rng() % 127)}; break;
      default: loc = Location{line, line + 5, -1, -1}; break;
    }
    int repeat = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < repeat; ++k) per_unit.push_back(loc);
    line += static_cast<int>(rng() % 7) - 2;
    if (line < 0) line = 0;
    if (rng() % 50 == 0) line += 1000;
  }
  auto bytes = vm::encode_location_table(per_unit, 10);
  auto ranges = vm::decode_location_table(bytes, 10);
  ASSERT_TRUE(ranges.has_value());
  std::vector<Location> back;
  for (const auto& r : *ranges)
    for (int u = r.start; u < r.end; ++u) back.push_back(r.loc);
  ASSERT_EQ(back.size(), per_unit.size());
  for (size_t i = 0; i < back.size(); ++i) {
    Location want = per_unit[i];
    // Partial columns are not representable: the table stores both or neither.
    if (want.col_offset < 0 || want.end_col_offset < 0) want.col_offset = want.end_col_offset = -1;
    ASSERT_EQ(back[i], want) << "unit " << i;
  }
}

TEST(Flowgraph, UnboundLocalsGetChecks) {
  InstrSequence s;
  CodeUnitInfo u = unit(3, 1);  // v0 a parameter, v1 and v2 plain locals
  Label a = s.new_label(), b = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_FAST, 0, L(2));  // parameter: bound
  s.emit(Op::STORE_FAST, 1, L(2));
  s.emit(Op::LOAD_FAST, 0, L(3));
  s.emit(Op::TO_BOOL, L(3));
  s.emit_jump(Op::POP_JUMP_IF_FALSE, a, L(3));
  s.emit(Op::LOAD_FAST, 1, L(4));  // bound on every path so far
  s.emit(Op::STORE_FAST, 2, L(4));
  s.use_label(a);
  s.emit(Op::LOAD_FAST, 2, L(5));  // unbound when the branch was taken
  s.emit(Op::POP_TOP, L(5));
  s.emit(Op::DELETE_FAST, 1, L(6));
  s.emit(Op::LOAD_FAST, 0, L(7));
  s.emit(Op::TO_BOOL, L(7));
  s.emit_jump(Op::POP_JUMP_IF_FALSE, b, L(7));
  s.emit(Op::LOAD_FAST, 1, L(8));  // deleted
  s.emit(Op::POP_TOP, L(8));
  s.use_label(b);
  s.emit(Op::RETURN_CONST, 0, L(9));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  std::vector<std::pair<Op, int>> loads;
  for (const auto& x : decode(*code))
    if (x.op == Op::LOAD_FAST || x.op == Op::LOAD_FAST_CHECK) loads.emplace_back(x.op, x.oparg);
  EXPECT_EQ(loads, (std::vector<std::pair<Op, int>>{{Op::LOAD_FAST, 0},
                                                    {Op::LOAD_FAST, 0},
                                                    {Op::LOAD_FAST, 1},
                                                    {Op::LOAD_FAST_CHECK, 2},
                                                    {Op::LOAD_FAST, 0},
                                                    {Op::LOAD_FAST_CHECK, 1}}));
}

TEST(Flowgraph, ClosureLayoutAndPrefix) {
  InstrSequence s;
  CodeUnitInfo u = unit(2, 1);      // v0 (argument), v1
  u.cellvars = {"c", "v0"};         // v0 is also a cell: shares its slot
  u.freevars = {"f"};
  u.flags |= vm::CO_GENERATOR;
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_DEREF, 0, L(2));  // c
  s.emit(Op::LOAD_DEREF, 1, L(2));  // v0
  s.emit(Op::LOAD_DEREF, 2, L(2));  // f
  s.emit(Op::LOAD_CLOSURE, 0, L(2));
  s.emit(Op::BUILD_TUPLE, 4, L(2));
  s.emit(Op::POP_TOP, L(2));
  s.emit(Op::RETURN_CONST, 0, L(2));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  EXPECT_EQ(code->localsplus_names, (std::vector<std::string>{"v0", "v1", "c", "f"}));
  EXPECT_EQ(code->localsplus_kinds, (std::vector<uint8_t>{vm::CO_FAST_LOCAL | vm::CO_FAST_CELL, vm::CO_FAST_LOCAL,
                                                          vm::CO_FAST_CELL, vm::CO_FAST_FREE}));
  auto d = decode(*code);
  std::vector<std::pair<Op, int>> got;
  for (const auto& x : d) got.emplace_back(x.op, x.oparg);
  std::vector<std::pair<Op, int>> want{
      {Op::COPY_FREE_VARS, 1}, {Op::MAKE_CELL, 0}, {Op::MAKE_CELL, 2},  {Op::RETURN_GENERATOR, 0},
      {Op::POP_TOP, 0},        {Op::RESUME, 0},    {Op::LOAD_DEREF, 2}, {Op::LOAD_DEREF, 0},
      {Op::LOAD_DEREF, 3},     {Op::LOAD_FAST, 2}, {Op::BUILD_TUPLE, 4}, {Op::POP_TOP, 0},
      {Op::RETURN_CONST, 0}};
  EXPECT_EQ(got, want);
}

TEST(Flowgraph, ReportsInconsistentStackDepth) {
  InstrSequence s;
  CodeUnitInfo u = unit(1, 1);
  Label a = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_FAST, 0, L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit_jump(Op::POP_JUMP_IF_FALSE, a, L(2));
  s.emit(Op::LOAD_FAST, 0, L(3));  // falls into `a` one deeper than the jump
  s.use_label(a);
  s.emit(Op::RETURN_CONST, 0, L(4));
  frontend::SyntaxErrorInfo err;
  auto code = frontend::assemble(std::move(s), std::move(u), err);
  EXPECT_EQ(code, nullptr);
  EXPECT_EQ(err.type, "SystemError");
  EXPECT_NE(err.msg.find("inconsistent stack depth"), std::string::npos) << err.msg;
}

TEST(Flowgraph, ImplicitReturnGetsEachPathsLine) {
  InstrSequence s;
  CodeUnitInfo u = unit(1, 1);
  Label els = s.new_label(), end = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_FAST, 0, L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit_jump(Op::POP_JUMP_IF_FALSE, els, L(2));
  s.emit(Op::LOAD_FAST, 0, L(3));
  s.emit(Op::POP_TOP, L(3));
  s.emit_jump(Op::JUMP, end, L(3));
  s.use_label(els);
  s.emit(Op::LOAD_FAST, 0, L(5));
  s.emit(Op::POP_TOP, L(5));
  s.use_label(end);
  s.emit(Op::RETURN_CONST, 0, Location{});
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  std::vector<int> return_lines;
  for (const auto& x : decode(*code))
    if (x.op == Op::RETURN_CONST) return_lines.push_back(code->location_at(x.offset).lineno);
  // Whether copied by the line pass or inlined over the jump, each path's
  // return has its own line.
  std::sort(return_lines.begin(), return_lines.end());
  EXPECT_EQ(return_lines, (std::vector<int>{3, 5}));
}

// (The handler is cold: it moves after the normal path; the small return
// block is copied over the jumps to it.)
TEST(Dis, ListsInstructionsNestedCodeAndExceptionTable) {
  // The inner function.
  InstrSequence si;
  CodeUnitInfo ui = unit(1, 1);
  ui.name = ui.qualname = "g";
  ui.firstlineno = 2;
  ui.add_name("print");
  Label h = si.new_label(), end = si.new_label();
  si.emit(Op::RESUME, 0, L(2));
  si.emit_jump(Op::SETUP_FINALLY, h, L(3));
  si.emit(Op::LOAD_GLOBAL, (0 << 1) | 1, L(3));
  si.emit(Op::LOAD_FAST, 0, L(3));
  si.emit(Op::CALL, 1, L(3));
  si.emit(Op::POP_TOP, L(3));
  si.emit(Op::POP_BLOCK, Location{});
  si.emit_jump(Op::JUMP, end, Location{});
  si.use_label(h);
  si.emit(Op::POP_TOP, L(4));
  si.use_label(end);
  si.emit(Op::LOAD_FAST, 0, L(5));
  si.emit(Op::LOAD_CONST, si.size() > 0 ? ui.add_const(CodeConstant::of_int(2)) : 0, L(5));
  si.emit(Op::BINARY_OP, static_cast<int>(vm::BinaryOpKind::ADD), L(5));
  si.emit(Op::RETURN_VALUE, L(5));
  auto inner = build(si, std::move(ui));
  ASSERT_TRUE(inner);

  InstrSequence s;
  CodeUnitInfo u;
  u.name = "<module>";
  u.qualname = "<module>";
  u.filename = "t.py";
  int code_const = u.add_const(CodeConstant::of_code(inner));
  int none = u.add_const(CodeConstant::none());
  u.add_name("g");
  s.emit(Op::RESUME, 0, Location{0, 1, 0, 0});
  s.emit(Op::LOAD_CONST, code_const, L(2));
  s.emit(Op::MAKE_FUNCTION, L(2));
  s.emit(Op::STORE_NAME, 0, L(2));
  s.emit(Op::LOAD_CONST, none, L(2));
  s.emit(Op::RETURN_VALUE, L(2));
  auto outer = build(s, std::move(u));
  ASSERT_TRUE(outer);
  const char* want =
      "  0           0 RESUME                   0\n"
      "\n"
      "  2           2 LOAD_CONST               0 (<code object g, file \"t.py\", line 2>)\n"
      "              4 MAKE_FUNCTION\n"
      "              6 STORE_NAME               0 (g)\n"
      "              8 RETURN_CONST             1 (None)\n"
      "\n"
      "Disassembly of <code object g, file \"t.py\", line 2>:\n"
      "  2           0 RESUME                   0\n"
      "\n"
      "  3           2 LOAD_GLOBAL              1 (print + NULL)\n"
      "             16 LOAD_FAST                0 (v0)\n"
      "             18 CALL                     1\n"
      "             26 POP_TOP\n"
      "\n"
      "  5          28 LOAD_FAST                0 (v0)\n"
      "             30 LOAD_CONST               1 (2)\n"
      "             32 BINARY_OP                0 (+)\n"
      "             36 RETURN_VALUE\n"
      "\n"
      "  4     >>   38 POP_TOP\n"
      "\n"
      "  5          40 LOAD_FAST                0 (v0)\n"
      "             42 LOAD_CONST               1 (2)\n"
      "             44 BINARY_OP                0 (+)\n"
      "             48 RETURN_VALUE\n"
      "ExceptionTable:\n"
      "  2 to 26 -> 38 [0]\n";
  EXPECT_EQ(vm::disassemble(*outer), want);
}

}  // namespace

namespace {

// Codegen bugs must come back as errors, never as crashes or asserts: random
// sequences (valid opcodes, arbitrary opargs and jumps) either assemble into
// a code object whose tables decode, or fail with a SystemError.
TEST(Flowgraph, RandomSequencesNeverCrash) {
  std::mt19937 rng(1234);
  std::vector<Op> plain, jumps;
  for (int i = 0; i < vm::kNumOpcodes; ++i) {
    Op op = static_cast<Op>(i);
    if (!vm::is_valid_op(op) || op == Op::CACHE || op == Op::EXTENDED_ARG || vm::is_specialized(op)) continue;
    (vm::has_jump(op) ? jumps : plain).push_back(op);
  }
  int assembled = 0;
  for (int round = 0; round < 3000; ++round) {
    InstrSequence s;
    CodeUnitInfo u = unit(static_cast<int>(rng() % 4), static_cast<int>(rng() % 2));
    if (rng() % 3 == 0) u.cellvars = {"c"};
    if (rng() % 3 == 0) u.freevars = {"f"};
    if (rng() % 4 == 0) u.flags |= vm::CO_GENERATOR;
    for (int k = 0; k < 3; ++k) u.add_const(CodeConstant::of_int(k));
    std::vector<Label> labels;
    for (int k = 0; k < 4; ++k) labels.push_back(s.new_label());
    std::vector<bool> bound(labels.size(), false);
    int n = 1 + static_cast<int>(rng() % 30);
    s.emit(Op::RESUME, 0, L(1));
    for (int k = 0; k < n; ++k) {
      Location loc = rng() % 5 == 0 ? Location{} : L(1 + static_cast<int>(rng() % 20));
      size_t li = rng() % labels.size();
      if (rng() % 6 == 0 && !bound[li]) {
        s.use_label(labels[li]);
        bound[li] = true;
      }
      if (rng() % 4 == 0) {
        s.emit_jump(jumps[rng() % jumps.size()], labels[rng() % labels.size()], loc);
      } else {
        Op op = plain[rng() % plain.size()];
        int arg = static_cast<int>(rng() % 4);
        if (rng() % 20 == 0) arg = static_cast<int>(rng() % 100000);
        s.emit(op, arg, loc);
      }
    }
    if (rng() % 2) s.emit(Op::RETURN_CONST, 0, L(2));
    for (size_t li = 0; li < labels.size(); ++li)
      if (!bound[li] && rng() % 2) {
        s.use_label(labels[li]);
        s.emit(Op::RETURN_CONST, 0, L(3));
      }
    frontend::SyntaxErrorInfo err;
    auto code = frontend::assemble(std::move(s), std::move(u), err);
    if (!code) {
      EXPECT_EQ(err.type, "SystemError");
      continue;
    }
    ++assembled;
    EXPECT_TRUE(vm::decode_exception_table(code->exceptiontable).has_value());
    EXPECT_TRUE(vm::decode_location_table(code->linetable, code->firstlineno).has_value());
    EXPECT_FALSE(vm::disassemble(*code).empty());
  }
  EXPECT_GT(assembled, 10);
}

}  // namespace

namespace {

// The table decoders take any bytes: malformed input is nullopt, never UB.
TEST(CodeTables, DecodersSurviveRandomBytes) {
  std::mt19937 rng(5);
  int ok_lines = 0, ok_except = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<uint8_t> bytes(rng() % 24);
    for (auto& b : bytes) b = static_cast<uint8_t>(rng());
    if (!bytes.empty() && rng() % 2) bytes[0] |= 0x80;
    if (vm::decode_location_table(bytes, static_cast<int>(rng() % 100)).has_value()) ++ok_lines;
    if (vm::decode_exception_table(bytes).has_value()) ++ok_except;
  }
  EXPECT_GT(ok_lines, 0);
  EXPECT_GT(ok_except, 0);
}

}  // namespace

namespace {

// `with a as b: c` in the shape CPython 3.12 compiles it: the handler depths
// in the table are those CPython reports ([1] lasti, then [3] lasti).
TEST(Flowgraph, WithStatementHandlers) {
  InstrSequence s;
  CodeUnitInfo u = unit(1, 0);
  u.add_name("a");
  u.add_name("c");
  Label final_ = s.new_label(), cleanup = s.new_label(), suppress = s.new_label(), exit = s.new_label();
  s.emit(Op::RESUME, 0, L(1));
  s.emit(Op::LOAD_GLOBAL, 0 << 1, L(2));
  s.emit(Op::BEFORE_WITH, L(2));
  s.emit_jump(Op::SETUP_WITH, final_, L(2));
  s.emit(Op::STORE_FAST, 0, L(2));
  s.emit(Op::LOAD_GLOBAL, 1 << 1, L(3));
  s.emit(Op::POP_TOP, L(3));
  s.emit(Op::POP_BLOCK, L(2));
  for (int i = 0; i < 3; ++i) s.emit(Op::LOAD_CONST, 0, L(2));
  s.emit(Op::CALL, 2, L(2));
  s.emit(Op::POP_TOP, L(2));
  s.emit_jump(Op::JUMP, exit, L(2));
  s.use_label(final_);
  s.emit_jump(Op::SETUP_CLEANUP, cleanup, L(2));
  s.emit(Op::PUSH_EXC_INFO, L(2));
  s.emit(Op::WITH_EXCEPT_START, L(2));
  s.emit(Op::TO_BOOL, L(2));
  s.emit_jump(Op::POP_JUMP_IF_TRUE, suppress, L(2));
  s.emit(Op::RERAISE, 2, L(2));
  s.use_label(suppress);
  s.emit(Op::POP_TOP, L(2));
  s.emit(Op::POP_BLOCK, L(2));
  s.emit(Op::POP_EXCEPT, L(2));
  s.emit(Op::POP_TOP, L(2));
  s.emit(Op::POP_TOP, L(2));
  s.emit_jump(Op::JUMP, exit, L(2));
  s.use_label(cleanup);
  s.emit(Op::COPY, 3, Location{});
  s.emit(Op::POP_EXCEPT, Location{});
  s.emit(Op::RERAISE, 1, Location{});
  s.use_label(exit);
  s.emit(Op::RETURN_CONST, 0, L(4));
  auto code = build(s, std::move(u));
  ASSERT_TRUE(code);
  auto table = vm::decode_exception_table(code->exceptiontable);
  ASSERT_TRUE(table.has_value());
  std::vector<std::pair<int, bool>> depths;
  for (const auto& e : *table) depths.emplace_back(e.depth, e.lasti);
  // The RERAISE 2 sits in the cleanup region as well; POP_TOP after it too.
  ASSERT_GE(depths.size(), 2u);
  EXPECT_EQ(depths[0], std::make_pair(1, true));
  for (size_t i = 1; i < depths.size(); ++i) EXPECT_EQ(depths[i], std::make_pair(3, true));
  EXPECT_EQ(code->stacksize, 6);
}

}  // namespace
