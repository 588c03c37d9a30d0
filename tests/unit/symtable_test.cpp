// Symbol table tests: scopes and name resolution (closures through classes,
// __class__, global/nonlocal, walrus in comprehensions, mangling) and the
// symtable's SyntaxErrors with CPython 3.11's message and position (checked
// against python3: compile() -> msg, lineno, offset, end_lineno, end_offset).
#include <gtest/gtest.h>

#include <string>

#include "frontend/arena.h"
#include "frontend/compile.h"
#include "frontend/parser.h"
#include "frontend/symtable.h"

namespace {

using namespace spindle::frontend;

struct Built {
  Arena arena;
  SourceText src;
  std::unique_ptr<SymbolTable> st;
  CompileError err;
};

std::unique_ptr<Built> build(const std::string& code) {
  auto b = std::make_unique<Built>();
  SyntaxErrorInfo perr;
  EXPECT_TRUE(source_from_text(code, "<test>", b->src, perr));
  ast::mod* m = parse(b->src, "<test>", ParseMode::Exec, b->arena, perr);
  EXPECT_NE(m, nullptr) << perr.msg;
  if (m == nullptr) return b;
  b->st = build_symtable(m, 0, b->err);
  return b;
}

// The scope named `path` ("f/g": g inside f), depth first.
const Scope* find(const Scope* s, const std::string& path) {
  if (path.empty()) return s;
  size_t slash = path.find('/');
  std::string head = path.substr(0, slash);
  std::string rest = slash == std::string::npos ? "" : path.substr(slash + 1);
  for (const Scope* c : s->children)
    if (c->name == head) return find(c, rest);
  return nullptr;
}

Resolution res(const Built& b, const std::string& scope, const std::string& name) {
  const Scope* s = find(b.st->top(), scope);
  EXPECT_NE(s, nullptr) << scope;
  return s == nullptr ? Resolution::Unknown : s->resolve(name);
}

TEST(Symtable, ClosureCellAndFree) {
  auto b = build("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
  ASSERT_TRUE(b->st);
  EXPECT_EQ(res(*b, "f", "x"), Resolution::Cell);
  EXPECT_EQ(res(*b, "f/g", "x"), Resolution::Free);
  EXPECT_EQ(res(*b, "", "f"), Resolution::Local);
  EXPECT_TRUE(find(b->st->top(), "f/g")->nested);
  EXPECT_FALSE(find(b->st->top(), "f")->nested);
}

TEST(Symtable, ClassBodyNamesAreInvisibleToMethods) {
  auto b = build("class C:\n    x = 1\n    def m(self):\n        return x\n");
  ASSERT_TRUE(b->st);
  EXPECT_EQ(res(*b, "C", "x"), Resolution::Local);
  EXPECT_EQ(res(*b, "C/m", "x"), Resolution::GlobalImplicit);
  EXPECT_TRUE(find(b->st->top(), "C/m")->is_method);
}

TEST(Symtable, FreeVariablePassesThroughClass) {
  auto b = build(
      "def f():\n    x = 1\n    class C:\n        def m(self):\n            return x\n    return C\n");
  ASSERT_TRUE(b->st);
  EXPECT_EQ(res(*b, "f", "x"), Resolution::Cell);
  EXPECT_EQ(res(*b, "f/C", "x"), Resolution::Free);
  EXPECT_EQ(res(*b, "f/C/m", "x"), Resolution::Free);
}

TEST(Symtable, FreeInMethodBoundInClassIsFreeClass) {
  auto b = build(
      "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n");
  ASSERT_TRUE(b->st);
  const Scope* c = find(b->st->top(), "f/C");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->resolve("x"), Resolution::Local);
  EXPECT_TRUE(c->flags_of("x") & kDefFreeClass);
  EXPECT_EQ(res(*b, "f/C/m", "x"), Resolution::Free);
}

TEST(Symtable, SuperMakesClassCell) {
  auto b = build("class C:\n    def m(self):\n        return super().m()\n    def n(self):\n        return 1\n");
  ASSERT_TRUE(b->st);
  EXPECT_TRUE(find(b->st->top(), "C")->needs_class_closure);
  EXPECT_EQ(res(*b, "C/m", "__class__"), Resolution::Free);
  EXPECT_EQ(res(*b, "C/n", "__class__"), Resolution::Unknown);
  auto b2 = build("class D:\n    def m(self):\n        return __class__\n");
  ASSERT_TRUE(b2->st);
  EXPECT_TRUE(find(b2->st->top(), "D")->needs_class_closure);
}

TEST(Symtable, GlobalAndNonlocal) {
  auto b = build(
      "def f():\n    global g\n    g = 1\n    y = 2\n    def h():\n        nonlocal y\n        y = 3\n");
  ASSERT_TRUE(b->st);
  EXPECT_EQ(res(*b, "f", "g"), Resolution::GlobalExplicit);
  EXPECT_EQ(res(*b, "f", "y"), Resolution::Cell);
  EXPECT_EQ(res(*b, "f/h", "y"), Resolution::Free);
}

TEST(Symtable, WalrusInComprehensionBindsInFunction) {
  auto b = build("def f(z):\n    [y := x for x in z]\n    return y\n");
  ASSERT_TRUE(b->st);
  EXPECT_EQ(res(*b, "f", "y"), Resolution::Cell);
  EXPECT_EQ(res(*b, "f/<listcomp>", "y"), Resolution::Free);
  EXPECT_EQ(res(*b, "f/<listcomp>", "x"), Resolution::Local);
  EXPECT_EQ(res(*b, "f/<listcomp>", ".0"), Resolution::Local);
  // At module level the target is a global of the comprehension.
  auto m = build("[y := x for x in z]\n");
  ASSERT_TRUE(m->st);
  EXPECT_EQ(res(*m, "<listcomp>", "y"), Resolution::GlobalExplicit);
}

TEST(Symtable, ComprehensionOuterIterableIsEvaluatedOutside) {
  auto b = build("def f(a):\n    return [x for x in a if x]\n");
  ASSERT_TRUE(b->st);
  EXPECT_EQ(res(*b, "f", "a"), Resolution::Local);  // not a cell: read in f itself
  const Scope* lc = find(b->st->top(), "f/<listcomp>");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->varnames, std::vector<std::string>{".0"});
  EXPECT_EQ(lc->comprehension, ComprehensionKind::List);
}

TEST(Symtable, PrivateNamesAreMangled) {
  auto b = build("class _C:\n    __x = 1\n    __y__ = 2\n    def m(self):\n        return __z\n");
  ASSERT_TRUE(b->st);
  EXPECT_EQ(res(*b, "_C", "_C__x"), Resolution::Local);
  EXPECT_EQ(res(*b, "_C", "__y__"), Resolution::Local);
  EXPECT_EQ(res(*b, "_C/m", "_C__z"), Resolution::GlobalImplicit);
  EXPECT_EQ(mangle("__", "__x"), "__x");
  EXPECT_EQ(mangle("C", "__a.b"), "__a.b");
}

TEST(Symtable, GeneratorAndCoroutineFlags) {
  auto b = build("def g():\n    yield 1\nasync def c():\n    await x\nasync def ag():\n    yield 1\n");
  ASSERT_TRUE(b->st);
  const Scope* g = find(b->st->top(), "g");
  const Scope* c = find(b->st->top(), "c");
  const Scope* ag = find(b->st->top(), "ag");
  EXPECT_TRUE(g->generator && !g->coroutine);
  EXPECT_TRUE(!c->generator && c->coroutine);
  EXPECT_TRUE(ag->generator && ag->coroutine);
}

struct ErrorCase {
  const char* src;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
};

// From python3 3.11: compile(src, 'f.py', 'exec') -> e.msg, e.lineno, e.offset, ...
const ErrorCase kErrors[] = {
    {"def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 2, 13},
    {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5, 3, 13},
    {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5, 3, 13},
    {"def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global", 3, 5, 3, 13},
    {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15},
    {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
    {"def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10, 1, 11},
    {"def f():\n    from os import *\n", "import * only allowed at module level", 2, 20, 2, 21},
    {"def f():\n    [x := 1 for x in y]\n",
     "assignment expression cannot rebind comprehension iteration variable 'x'", 2, 6, 2, 7},
    {"class C:\n    [y := 1 for x in z]\n",
     "assignment expression within a comprehension cannot be used in a class body", 2, 6, 2, 7},
    {"def f():\n    [i for i in range(3) if (j := 0) for j in range(2)]\n",
     "comprehension inner loop cannot rebind assignment expression target 'j'", 2, 42, 2, 43},
    {"def f():\n    [(yield x) for x in y]\n", "'yield' inside list comprehension", 2, 7, 2, 14},
    {"def f():\n    ((yield x) for x in y)\n", "'yield' inside generator expression", 2, 7, 2, 14},
    {"def f():\n    [x for x in (y := [1])]\n",
     "assignment expression cannot be used in a comprehension iterable expression", 2, 18, 2, 26},
    {"from __future__ import annotations\ndef f(x: (yield)): pass\n",
     "'yield expression' can not be used within an annotation", 2, 11, 2, 16},
    {"def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
     "name 'x' is nonlocal and global", 4, 9, 4, 17},
    {"def f():\n    x = 1\n    def g(x):\n        nonlocal x\n", "name 'x' is parameter and nonlocal", 4, 9, 4, 19},
};

TEST(Symtable, ErrorsMatchCPython) {
  for (const auto& c : kErrors) {
    SyntaxErrorInfo err;
    auto code = compile_source(c.src, "f.py", CompileMode::Exec, err);
    EXPECT_EQ(code, nullptr) << c.src;
    EXPECT_EQ(err.type, "SyntaxError") << c.src;
    EXPECT_EQ(err.msg, c.msg) << c.src;
    EXPECT_EQ(err.lineno, c.lineno) << c.src;
    EXPECT_EQ(err.offset, c.offset) << c.src;
    EXPECT_EQ(err.end_lineno, c.end_lineno) << c.src;
    EXPECT_EQ(err.end_offset, c.end_offset) << c.src;
  }
}

}  // namespace
