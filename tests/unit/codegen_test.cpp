// Code generation tests: code object fields (co_varnames order, cellvars,
// freevars, argument counts, flags, qualnames, firstlineno, docstring slot,
// CO_METHOD) checked against CPython 3.11's values for the same source, the
// compiler's SyntaxErrors and SyntaxWarnings, and golden disassemblies.
//
// The golden disassemblies pin the instruction shapes (documented in
// docs/internals/frontend.md); they change when codegen, the flow graph or
// dis change on purpose: regenerate them with `spindle -X dis` and review.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "frontend/compile.h"
#include "vm/code.h"
#include "vm/dis.h"

namespace {

using namespace spindle;
using frontend::CompileMode;
using frontend::SyntaxErrorInfo;

std::shared_ptr<vm::CodeObject> compile_ok(const std::string& src,
                                           std::vector<frontend::CompileWarning>* w = nullptr) {
  SyntaxErrorInfo err;
  auto code = frontend::compile_source(src, "t.py", CompileMode::Exec, err, w);
  EXPECT_NE(code, nullptr) << err.type << ": " << err.msg << " line " << err.lineno;
  return code;
}

// The nested code object with this qualname (depth first through co_consts).
const vm::CodeObject* find(const vm::CodeObject& c, const std::string& qualname) {
  if (c.qualname == qualname) return &c;
  for (const auto& k : c.consts)
    if (k.kind == vm::CodeConstant::Kind::Code)
      if (const auto* r = find(*k.code, qualname)) return r;
  return nullptr;
}

using Names = std::vector<std::string>;

TEST(Codegen, VarnamesAndArgCounts) {
  // CPython: f.__code__.co_varnames == ('a', 'b', 'c', 'd', 'args', 'kw', 'e')
  auto code = compile_ok("def f(a, /, b, *args, c, d=1, **kw):\n    e = a\n    return e\n");
  const auto* f = find(*code, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->varnames, (Names{"a", "b", "c", "d", "args", "kw", "e"}));
  EXPECT_EQ(f->argcount, 2);
  EXPECT_EQ(f->posonlyargcount, 1);
  EXPECT_EQ(f->kwonlyargcount, 2);
  EXPECT_EQ(f->flags, vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_VARARGS | vm::CO_VARKEYWORDS);
  EXPECT_EQ(code->flags, 0u);
}

TEST(Codegen, CellsAndFreeVars) {
  // CPython: f co_cellvars ('b', 'a', 'z'): parameter cells first, then sorted.
  auto code = compile_ok(
      "def f(x, b):\n    z = a = 1\n    def g():\n        return a, b, z\n    return g\n");
  const auto* f = find(*code, "f");
  const auto* g = find(*code, "f.<locals>.g");
  ASSERT_TRUE(f && g);
  EXPECT_EQ(f->cellvars, (Names{"b", "a", "z"}));
  EXPECT_EQ(f->freevars, Names{});
  EXPECT_EQ(g->freevars, (Names{"a", "b", "z"}));
  EXPECT_EQ(g->flags, vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_NESTED);
}

TEST(Codegen, ClassCellAndMethods) {
  auto code = compile_ok(
      "class C:\n    def m(self):\n        return super().m()\n    def n(self):\n"
      "        def inner(): pass\n        return [x for x in self]\n    k = lambda self: 1\n");
  const auto* c = find(*code, "C");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cellvars, Names{"__class__"});
  EXPECT_EQ(c->flags, 0u);
  const auto* m = find(*code, "C.m");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->freevars, Names{"__class__"});
  EXPECT_TRUE(m->flags & vm::CO_METHOD);
  EXPECT_TRUE(find(*code, "C.n")->flags & vm::CO_METHOD);
  EXPECT_TRUE(find(*code, "C.<lambda>")->flags & vm::CO_METHOD);
  EXPECT_FALSE(find(*code, "C.n.<locals>.inner")->flags & vm::CO_METHOD);
  EXPECT_FALSE(find(*code, "C.n.<locals>.<listcomp>")->flags & vm::CO_METHOD);
}

TEST(Codegen, Qualnames) {
  auto code = compile_ok(
      "def f():\n    def g():\n        class D:\n            def h(self): pass\n"
      "    global E\n    class E: pass\n    return lambda: [(y for y in x) for x in z]\n");
  for (const char* q : {"f", "f.<locals>.g", "f.<locals>.g.<locals>.D", "f.<locals>.g.<locals>.D.h", "E",
                        "f.<locals>.<lambda>", "f.<locals>.<lambda>.<locals>.<listcomp>",
                        "f.<locals>.<lambda>.<locals>.<listcomp>.<genexpr>"})
    EXPECT_NE(find(*code, q), nullptr) << q;
  EXPECT_EQ(find(*code, "f.<locals>.<lambda>.<locals>.<listcomp>")->name, "<listcomp>");
  EXPECT_EQ(find(*code, "f.<locals>.<lambda>.<locals>.<listcomp>")->varnames, (Names{".0", "x"}));
}

TEST(Codegen, FirstLinenoDocstringAndGeneratorFlags) {
  auto code = compile_ok(
      "\n@deco\n\ndef f():\n    \"doc\"\n    yield 1\nasync def c(): await x\n"
      "async def ag(): yield 1\ndef n(): pass\nl = lambda: 0\n");
  const auto* f = find(*code, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->firstlineno, 2);  // the decorator's line
  EXPECT_EQ(f->consts[0].kind, vm::CodeConstant::Kind::Str);
  EXPECT_EQ(f->consts[0].text, "doc");
  EXPECT_TRUE(f->flags & vm::CO_GENERATOR);
  EXPECT_TRUE(find(*code, "c")->flags & vm::CO_COROUTINE);
  EXPECT_TRUE(find(*code, "ag")->flags & vm::CO_ASYNC_GENERATOR);
  EXPECT_EQ(find(*code, "n")->consts[0].kind, vm::CodeConstant::Kind::None);
  EXPECT_EQ(find(*code, "<lambda>")->consts[0].kind, vm::CodeConstant::Kind::None);
  EXPECT_EQ(find(*code, "<lambda>")->firstlineno, 10);
}

TEST(Codegen, FutureAnnotationsAreStrings) {
  auto code = compile_ok("from __future__ import annotations\nx: list[int | None] = []\n"
                         "def f(a: 'q' = 1, *b: 1e309) -> lambda x, *y: (x, -y ** 2): pass\n");
  EXPECT_TRUE(code->flags & vm::CO_FUTURE_ANNOTATIONS);
  EXPECT_TRUE(find(*code, "f")->flags & vm::CO_FUTURE_ANNOTATIONS);
  std::vector<std::string> strs;
  for (const auto& k : code->consts)
    if (k.kind == vm::CodeConstant::Kind::Str) strs.push_back(k.text);
  // From CPython 3.11 (module co_consts).
  for (const char* s : {"list[int | None]", "'q'", "1e309", "lambda x, *y: (x, -y ** 2)"})
    EXPECT_NE(std::find(strs.begin(), strs.end(), s), strs.end()) << s;
}

struct ErrorCase {
  const char* src;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
};

// From python3 3.11: compile(src, 't.py', 'exec').
const ErrorCase kErrors[] = {
    {"return 1\n", "'return' outside function", 1, 1, 1, 9},
    {"break\n", "'break' outside loop", 1, 1, 1, 6},
    {"continue\n", "'continue' not properly in loop", 1, 1, 1, 9},
    {"await x\n", "'await' outside function", 1, 1, 1, 8},
    {"def f():\n    await x\n", "'await' outside async function", 2, 5, 2, 12},
    {"yield 1\n", "'yield' outside function", 1, 1, 1, 8},
    {"def f():\n    [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function",
     2, 5, 2, 25},
    {"a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1, 1, 10},
    {"*a = b\n", "starred assignment target must be in a list or tuple", 1, 1, 1, 3},
    {"x = *a\n", "can't use starred expression here", 1, 5, 1, 7},
    {"try:\n    pass\nexcept* E:\n    break\n",
     "'break', 'continue' and 'return' cannot appear in an except* block", 4, 5, 4, 10},
    {"match x:\n    case a | b: pass\n", "name capture 'a' makes remaining patterns unreachable", 2, 10, 2, 11},
    {"match x:\n    case [a, a]: pass\n", "multiple assignments to name 'a' in pattern", 2, 14, 2, 15},
    {"match x:\n    case {1: a, 1: b}: pass\n", "mapping pattern checks duplicate key (1)", 2, 10, 2, 22},
    {"match x:\n    case C(a=1, a=2): pass\n", "attribute name repeated in class pattern: a", 2, 19, 2, 20},
    {"match x:\n    case _: pass\n    case 1: pass\n", "wildcard makes remaining patterns unreachable", 2, 10, 2, 11},
    {"match x:\n    case 1 | a: pass\n", "alternative patterns bind different names", 2, 14, 2, 15},
    {"async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5, 3, 13},
    {"import os\nfrom __future__ import annotations\n",
     "from __future__ imports must occur at the beginning of the file", 2, 1, 2, 35},
    {"from __future__ import nope\n", "future feature nope is not defined", 1, 1, 1, 0},
    {"f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 1, 11},
    {"def f():\n    yield from x\n    class C:\n        yield 1\n", "'yield' outside function", 4, 9, 4, 16},
    {"__debug__ = 1\n", "cannot assign to __debug__", 1, 1, 1, 10},
    {"del __debug__\n", "cannot delete __debug__", 1, 5, 1, 14},
    {"def f(*, __debug__=1): pass\n", "cannot assign to __debug__", 1, 1, 1, 28},
    {"f(__debug__=1)\n", "cannot assign to __debug__", 1, 1, 1, 15},
    {"x.__debug__ = 1\n", "cannot assign to __debug__", 1, 1, 1, 12},
    {"__debug__: int\n", "cannot assign to __debug__", 1, 1, 1, 15},
    {"match x:\n    case C(__debug__=1): pass\n", "cannot assign to __debug__", 2, 22, 2, 23},
    {"try: pass\nexcept E as __debug__: pass\n", "cannot assign to __debug__", 2, 1, 2, 28},
};

TEST(Codegen, ErrorsMatchCPython) {
  for (const auto& c : kErrors) {
    SyntaxErrorInfo err;
    auto code = frontend::compile_source(c.src, "t.py", CompileMode::Exec, err);
    EXPECT_EQ(code, nullptr) << c.src;
    EXPECT_EQ(err.type, "SyntaxError") << c.src;
    EXPECT_EQ(err.msg, c.msg) << c.src;
    EXPECT_EQ(err.lineno, c.lineno) << c.src;
    EXPECT_EQ(err.offset, c.offset) << c.src;
    EXPECT_EQ(err.end_lineno, c.end_lineno) << c.src;
    EXPECT_EQ(err.end_offset, c.end_offset) << c.src;
  }
}

TEST(Codegen, SyntaxWarnings) {
  std::vector<frontend::CompileWarning> w;
  auto code = compile_ok("if x is 1: pass\nassert (x, 'm')\n(1, 2)(3)\n[1, 2]['a']\n5[0]\n", &w);
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(frontend::format_warning(w[0]),
            "t.py:1: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  if x is 1: pass\n");
  EXPECT_EQ(w[1].message, "assertion is always true, perhaps remove parentheses?");
  EXPECT_EQ(w[2].message, "'tuple' object is not callable; perhaps you missed a comma?");
  EXPECT_EQ(w[3].message, "list indices must be integers or slices, not str; perhaps you missed a comma?");
  EXPECT_EQ(w[4].message, "'int' object is not subscriptable; perhaps you missed a comma?");
  EXPECT_EQ(w[4].lineno, 5);
}

TEST(Codegen, ConstantFolding) {
  auto code = compile_ok("a = -5\nb = 2**64\nc = 'ab' * 3\nd = (1, (2, 3))\ne = 1 / 0\nf = x in [1, 2]\n"
                         "g = 2**200\nh = 'abc'[1]\ni = not 1\nj = __debug__\n");
  std::vector<std::string> reprs;
  for (const auto& k : code->consts) reprs.push_back(k.repr());
  for (const char* r : {"-5", "18446744073709551616", "'ababab'", "(1, (2, 3))", "(1, 2)", "'b'", "False", "True"})
    EXPECT_NE(std::find(reprs.begin(), reprs.end(), r), reprs.end()) << r;
  // Raising or oversized operations stay: 1 / 0 and 2**200 are computed at run time.
  EXPECT_NE(std::find(reprs.begin(), reprs.end(), "200"), reprs.end());
  EXPECT_NE(std::find(reprs.begin(), reprs.end(), "0"), reprs.end());
}

TEST(Codegen, SuperAttributeLoads) {
  auto code = compile_ok(
      "class C(B):\n    def m(self):\n        return super().m() + super(C, self).y\n"
      "    def s():\n        return super().x\n");
  std::string m = vm::disassemble(*find(*code, "C.m"));
  // Zero-argument form: super, the __class__ cell, the first argument.
  EXPECT_NE(m.find("LOAD_DEREF               1 (__class__)\n"
                   "             20 LOAD_FAST                0 (self)\n"
                   "             22 LOAD_SUPER_ATTR          5 (m + NULL|self)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("LOAD_SUPER_ATTR         14 (y)"), std::string::npos) << m;  // two-argument bit
  // No parameter: an ordinary call of super().
  std::string s = vm::disassemble(*find(*code, "C.s"));
  EXPECT_EQ(s.find("LOAD_SUPER_ATTR"), std::string::npos) << s;
}

TEST(Codegen, EvalAndSingleModes) {
  SyntaxErrorInfo err;
  auto e = frontend::compile_source("a + 1", "t.py", CompileMode::Eval, err);
  ASSERT_NE(e, nullptr) << err.msg;
  EXPECT_NE(vm::disassemble(*e).find("RETURN_VALUE"), std::string::npos);
  auto s = frontend::compile_source("a + 1\n", "t.py", CompileMode::Single, err);
  ASSERT_NE(s, nullptr) << err.msg;
  EXPECT_NE(vm::disassemble(*s).find("INTRINSIC_PRINT"), std::string::npos);
}

TEST(Codegen, DeepNestingIsRecursionError) {
  // CPython 3.11: RecursionError "maximum recursion depth exceeded during
  // compilation" (its limit is 3 * 1000 frames); never a crash.
  std::string src = "x = ";
  for (int i = 0; i < 100000; ++i) src += "a+";
  src += "1\n";
  SyntaxErrorInfo err;
  EXPECT_EQ(frontend::compile_source(src, "t.py", CompileMode::Exec, err), nullptr);
  EXPECT_EQ(err.type, "RecursionError");
  EXPECT_EQ(err.msg, "maximum recursion depth exceeded during compilation");
  std::string ok = "x = ";
  for (int i = 0; i < 500; ++i) ok += "a+";  // fits even in sanitizer builds
  ok += "1\n";
  EXPECT_NE(frontend::compile_source(ok, "t.py", CompileMode::Exec, err), nullptr) << err.msg;
}

TEST(Codegen, PercentFormatBecomesFString) {
  // CPython 3.11's ast_opt rewrites 'x%5s' % (a,) into f'x{a!s:>5}'.
  auto code = compile_ok("s = 'x%5s|%-3r%%' % (a, b)\nt = '%d' % (a,)\n");
  std::string d = vm::disassemble(*code);
  EXPECT_NE(d.find("LOAD_CONST               1 ('>5')"), std::string::npos) << d;
  EXPECT_NE(d.find("CONVERT_VALUE            2 (repr)"), std::string::npos) << d;
  EXPECT_NE(d.find("BUILD_STRING             5"), std::string::npos) << d;
  EXPECT_NE(d.find("BINARY_OP                6 (%)"), std::string::npos) << d;  // %d stays
}

TEST(Codegen, GoldenFunction) {
  auto code = compile_ok("def f(a, *b, c=1, **d):\n    return a + len(b)\n");
  EXPECT_EQ(vm::disassemble(*code),
    "  0           0 RESUME                   0\n"
    "\n"
    "  1           2 LOAD_CONST               0 (1)\n"
    "              4 LOAD_CONST               1 (('c',))\n"
    "              6 BUILD_CONST_KEY_MAP      1\n"
    "              8 LOAD_CONST               2 (<code object f, file \"t.py\", line 1>)\n"
    "             10 MAKE_FUNCTION\n"
    "             12 SET_FUNCTION_ATTRIBUTE     2 (kwdefaults)\n"
    "             14 STORE_NAME               0 (f)\n"
    "             16 RETURN_CONST             3 (None)\n"
    "\n"
    "Disassembly of <code object f, file \"t.py\", line 1>:\n"
    "  1           0 RESUME                   0\n"
    "\n"
    "  2           2 LOAD_FAST                0 (a)\n"
    "              4 LOAD_GLOBAL              1 (len + NULL)\n"
    "             18 LOAD_FAST                2 (b)\n"
    "             20 CALL                     1\n"
    "             28 BINARY_OP                0 (+)\n"
    "             32 RETURN_VALUE\n");
}

TEST(Codegen, GoldenMatch) {
  auto code = compile_ok(
      "match p:\n    case [1, x]:\n        pass\n    case {\"k\": v, **rest} if v:\n        pass\n"
      "    case Point(x=0) | None:\n        pass\n");
  EXPECT_EQ(vm::disassemble(*code),
    "  0           0 RESUME                   0\n"
    "\n"
    "  1           2 LOAD_NAME                0 (p)\n"
    "\n"
    "  2           4 COPY                     1\n"
    "              6 MATCH_SEQUENCE\n"
    "              8 POP_JUMP_IF_FALSE       16 (to 44)\n"
    "             12 GET_LEN\n"
    "             14 LOAD_CONST               0 (2)\n"
    "             16 COMPARE_OP              88 (bool(==))\n"
    "             20 POP_JUMP_IF_FALSE       10 (to 44)\n"
    "             24 UNPACK_SEQUENCE          2\n"
    "             28 LOAD_CONST               1 (1)\n"
    "             30 COMPARE_OP              88 (bool(==))\n"
    "             34 POP_JUMP_IF_FALSE        3 (to 44)\n"
    "             38 STORE_NAME               1 (x)\n"
    "             40 POP_TOP\n"
    "\n"
    "  3          42 RETURN_CONST             3 (None)\n"
    "\n"
    "  2     >>   44 POP_TOP\n"
    "\n"
    "  4          46 COPY                     1\n"
    "             48 MATCH_MAPPING\n"
    "             50 POP_JUMP_IF_FALSE       37 (to 128)\n"
    "             54 GET_LEN\n"
    "             56 LOAD_CONST               1 (1)\n"
    "             58 COMPARE_OP             188 (bool(>=))\n"
    "             62 POP_JUMP_IF_FALSE       31 (to 128)\n"
    "             66 LOAD_CONST               6 (('k',))\n"
    "             68 MATCH_KEYS\n"
    "             70 COPY                     1\n"
    "             72 POP_JUMP_IF_NONE        24 (to 124)\n"
    "             76 UNPACK_SEQUENCE          1\n"
    "             80 SWAP                     3\n"
    "             82 SWAP                     2\n"
    "             84 BUILD_MAP                0\n"
    "             86 SWAP                     3\n"
    "             88 DICT_UPDATE              2\n"
    "             90 UNPACK_SEQUENCE          1\n"
    "             94 COPY                     2\n"
    "             96 SWAP                     2\n"
    "             98 DELETE_SUBSCR\n"
    "            100 SWAP                     2\n"
    "            102 STORE_NAME               2 (v)\n"
    "            104 STORE_NAME               3 (rest)\n"
    "            106 LOAD_NAME                2 (v)\n"
    "            108 TO_BOOL\n"
    "            116 POP_JUMP_IF_FALSE        5 (to 130)\n"
    "            120 POP_TOP\n"
    "\n"
    "  5         122 RETURN_CONST             3 (None)\n"
    "\n"
    "  4     >>  124 POP_TOP\n"
    "            126 POP_TOP\n"
    "        >>  128 POP_TOP\n"
    "\n"
    "  6     >>  130 COPY                     1\n"
    "            132 LOAD_NAME                4 (Point)\n"
    "            134 LOAD_CONST               4 (('x',))\n"
    "            136 MATCH_CLASS              0\n"
    "            138 COPY                     1\n"
    "            140 POP_JUMP_IF_NONE         9 (to 162)\n"
    "            144 UNPACK_SEQUENCE          1\n"
    "            148 LOAD_CONST               5 (0)\n"
    "            150 COMPARE_OP              88 (bool(==))\n"
    "            154 POP_JUMP_IF_FALSE        3 (to 164)\n"
    "            158 POP_TOP\n"
    "\n"
    "  7         160 RETURN_CONST             3 (None)\n"
    "\n"
    "  6     >>  162 POP_TOP\n"
    "        >>  164 COPY                     1\n"
    "            166 POP_JUMP_IF_NOT_NONE     2 (to 174)\n"
    "            170 POP_TOP\n"
    "\n"
    "  7         172 RETURN_CONST             3 (None)\n"
    "\n"
    "  6     >>  174 POP_TOP\n"
    "            176 RETURN_CONST             3 (None)\n");
}

}  // namespace
