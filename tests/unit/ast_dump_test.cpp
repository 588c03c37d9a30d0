// ast_dump tests: repr() of constants as CPython 3.11 prints them.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "frontend/ast.h"

namespace {

using namespace spindle::frontend::ast;

std::string repr_float(double d) {
  ConstantValue v;
  v.kind = ConstantKind::Float;
  v.real = d;
  return constant_repr(v);
}

TEST(AstDump, FloatRepr) {
  const struct {
    double d;
    const char* repr;
  } cases[] = {
      {1e+16, "1e+16"},
      {1000000000000000.0, "1000000000000000.0"},
      {0.0001, "0.0001"},
      {1e-05, "1e-05"},
      {1.5e-05, "1.5e-05"},
      {1e+300, "1e+300"},
      {0.1, "0.1"},
      {1e+22, "1e+22"},
      {1.2345678901234568e+17, "1.2345678901234568e+17"},
      {-0.0, "-0.0"},
      {0.0, "0.0"},
      {std::numeric_limits<double>::infinity(), "inf"},
      {2.5, "2.5"},
  };
  for (const auto& c : cases) EXPECT_EQ(repr_float(c.d), c.repr);
  EXPECT_EQ(repr_float(std::nan("")), "nan");
}

TEST(AstDump, ComplexRepr) {
  auto rc = [](double re, double im) {
    ConstantValue v;
    v.kind = ConstantKind::Complex;
    v.real = re;
    v.imag = im;
    return constant_repr(v);
  };
  EXPECT_EQ(rc(0, 1), "1j");
  EXPECT_EQ(rc(0, 1e300), "1e+300j");
  EXPECT_EQ(rc(0, -0.0), "-0j");
  EXPECT_EQ(rc(-0.0, 0), "(-0+0j)");
  EXPECT_EQ(rc(1.5, -2), "(1.5-2j)");
  EXPECT_EQ(rc(0, std::numeric_limits<double>::infinity()), "infj");
}

TEST(AstDump, StrAndBytesRepr) {
  auto rs = [](std::string_view s, ConstantKind k) {
    ConstantValue v;
    v.kind = k;
    v.text = s;
    return constant_repr(v);
  };
  EXPECT_EQ(rs("a\n\t\\", ConstantKind::Str), "'a\\n\\t\\\\'");
  EXPECT_EQ(rs("it's", ConstantKind::Str), "\"it's\"");
  EXPECT_EQ(rs("'\"", ConstantKind::Str), "'\\'\"'");
  EXPECT_EQ(rs("\x7f\xc2\xa0\xe2\x80\xa8\xc3\xa9", ConstantKind::Str), "'\\x7f\\xa0\\u2028\xc3\xa9'");
  EXPECT_EQ(rs("\xed\xa0\x80", ConstantKind::Str), "'\\ud800'");  // lone surrogate
  EXPECT_EQ(rs("\xf3\xa0\x80\x80", ConstantKind::Str), "'\\U000e0000'");
  EXPECT_EQ(rs(std::string_view("'\x00\xff", 3), ConstantKind::Bytes), std::string("b\"'\\x00\\xff\""));
}

TEST(AstDump, OtherConstants) {
  ConstantValue items[2];
  items[0].kind = ConstantKind::Int;
  items[0].integer = 1;
  items[1].kind = ConstantKind::None;
  ConstantValue t;
  t.kind = ConstantKind::Tuple;
  t.items = Seq<const ConstantValue>(items, 1);
  EXPECT_EQ(constant_repr(t), "(1,)");
  t.items = Seq<const ConstantValue>(items, 2);
  EXPECT_EQ(constant_repr(t), "(1, None)");
  t.kind = ConstantKind::FrozenSet;
  t.items = Seq<const ConstantValue>(items, 1);
  EXPECT_EQ(constant_repr(t), "frozenset({1})");
  ConstantValue e;
  e.kind = ConstantKind::Ellipsis;
  EXPECT_EQ(constant_repr(e), "Ellipsis");
  ConstantValue big;
  big.kind = ConstantKind::BigInt;
  big.text = "-123456789012345678901234567890";
  EXPECT_EQ(constant_repr(big), "-123456789012345678901234567890");
}

TEST(AstDump, Names) {
  EXPECT_STREQ(kind_name(NodeKind::FunctionDef), "FunctionDef");
  EXPECT_STREQ(enum_name(Operator::FloorDiv), "FloorDiv");
  EXPECT_STREQ(enum_name(ExprContext::Load), "Load");
}

}  // namespace
