// The abstract syntax tree: Python's `ast` module, node for node.
//
// The node classes, their fields and field order are declared once in
// ast_nodes.def (and the operator enums in ast_enums.def); everything here and
// in the dumper is expanded from those lists.
//
// Ownership: nodes, strings (Str) and sequences (Seq) live in the Arena passed
// to the parser and die with it. A node is built by the parser and afterwards
// only rewritten in place by the AST optimizer (constant folding).
//
// Conventions:
//   * Str is a std::string_view into the arena, holding generalized UTF-8. For
//     optional identifiers/strings, a null data() pointer means None; an empty
//     but non-null view is the empty string.
//   * Seq<T> is a std::span; elements of Dict.keys and arguments.kw_defaults
//     may be nullptr (meaning None), everything else in a Seq is non-null.
//   * Positions are CPython's: 1-based lines, 0-based UTF-8 byte columns. Every
//     node carries them; ast.dump does not print them, but SyntaxErrors,
//     line tables and tracebacks use them. Nodes without positions in CPython
//     (arguments, comprehension, withitem, match_case, mod) leave them 0.
#pragma once

#include <cassert>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "frontend/arena.h"

namespace spindle::frontend::ast {

using Str = std::string_view;
template <class T>
using Seq = std::span<T>;

// --- field-less sum types ----------------------------------------------------
#define AST_VALUE(Name) Name,
#define AST_ENUM(CppType, asdl_name, VALUES) enum class CppType : uint8_t { VALUES };
#include "frontend/ast_enums.def"
#undef AST_ENUM
#undef AST_VALUE

// The Python class name of an enum value ("Add", "Load", ...).
const char* enum_name(ExprContext v);
const char* enum_name(BooleanOperator v);
const char* enum_name(Operator v);
const char* enum_name(UnaryOperator v);
const char* enum_name(ComparisonOperator v);

// --- constant values -----------------------------------------------------------
// The value of a Constant node (and of a MatchSingleton). Folding in the
// compiler can also make tuples and frozensets of constants.
enum class ConstantKind : uint8_t {
  None,
  Bool,
  Ellipsis,
  Int,        // fits in int64_t: `integer`
  BigInt,     // `text` holds the decimal digits, with a leading '-' if negative
  Float,      // `real`
  Complex,    // `real` + `imag` j (a literal like 2j has real == 0.0)
  Str,        // `text`, generalized UTF-8
  Bytes,      // `text`, raw bytes
  Tuple,      // `items`
  FrozenSet,  // `items`
};

struct ConstantValue {
  ConstantKind kind = ConstantKind::None;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0.0;
  double imag = 0.0;
  Str text;
  Seq<const ConstantValue> items;
};

// Python's repr() of a constant: 'a\n', b'\x00', 1e+16, 1j, (1, 2), frozenset({1}).
// Defined in ast_dump.cpp; shared by the dumper, dis and later the runtime.
std::string constant_repr(const ConstantValue& v);

// --- nodes ---------------------------------------------------------------------
enum class NodeKind : uint8_t {
#define AST_NODE(Base, Name, FIELDS) Name,
#include "frontend/ast_nodes.def"
#undef AST_NODE
};

// The Python class name of a node kind ("FunctionDef").
const char* kind_name(NodeKind k);

struct Node {
  NodeKind kind;
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

// The ASDL sum types: abstract bases (ast.expr, ast.stmt, ...).
struct mod : Node {};
struct stmt : Node {};
struct expr : Node {};
struct excepthandler : Node {};
struct pattern : Node {};
struct type_ignore : Node {};

// What each concrete class derives from: its sum type, or Node for the ASDL
// product types (arguments, arg, keyword, ...).
using NodeBase_mod = mod;
using NodeBase_stmt = stmt;
using NodeBase_expr = expr;
using NodeBase_excepthandler = excepthandler;
using NodeBase_pattern = pattern;
using NodeBase_type_ignore = type_ignore;
using NodeBase_comprehension = Node;
using NodeBase_arguments = Node;
using NodeBase_arg = Node;
using NodeBase_keyword = Node;
using NodeBase_alias = Node;
using NodeBase_withitem = Node;
using NodeBase_match_case = Node;

#define AST_NODE(Base, Name, FIELDS) struct Name;
#include "frontend/ast_nodes.def"
#undef AST_NODE

// Field types are qualified: some fields share their type's name
// (match_case.pattern, arg.arg).
#define CHILD(T, f) ::spindle::frontend::ast::T* f = nullptr;
#define OPT(T, f) ::spindle::frontend::ast::T* f = nullptr;
#define SEQ(T, f) Seq<::spindle::frontend::ast::T*> f;
#define IDENT(f) Str f;
#define OPT_IDENT(f) Str f;
#define IDENT_SEQ(f) Seq<Str> f;
#define OPT_STR(f) Str f;
#define STR(f) Str f;
#define INT(f) int f = 0;
#define CONST(f) ConstantValue f;
#define ENUM(T, f) ::spindle::frontend::ast::T f{};
#define ENUM_SEQ(T, f) Seq<::spindle::frontend::ast::T> f;
#define AST_NODE(Base, Name, FIELDS)                 \
  struct Name : NodeBase_##Base {                    \
    static constexpr NodeKind kKind = NodeKind::Name; \
    FIELDS                                           \
  };
#include "frontend/ast_nodes.def"
#include "frontend/ast_nodes_undef.inc"

// Allocates a node of class T in the arena with its kind set.
template <class T>
[[nodiscard]] T* make_node(Arena& arena) {
  T* n = arena.make<T>();
  // Through Node: Constant has a field named `kind` that hides Node::kind.
  static_cast<Node*>(n)->kind = T::kKind;
  return n;
}

template <class T>
[[nodiscard]] bool is(const Node* n) {
  return n != nullptr && n->kind == T::kKind;
}

template <class T>
[[nodiscard]] T* cast(Node* n) {
  assert(n != nullptr && n->kind == T::kKind && "ast::cast to the wrong node class");
  return static_cast<T*>(n);
}
template <class T>
[[nodiscard]] const T* cast(const Node* n) {
  assert(n != nullptr && n->kind == T::kKind && "ast::cast to the wrong node class");
  return static_cast<const T*>(n);
}

// Null if `n` is not a T.
template <class T>
[[nodiscard]] T* dyn_cast(Node* n) {
  return is<T>(n) ? static_cast<T*>(n) : nullptr;
}

// Calls f(Node*) for every non-null child node of n, in field order.
template <class F>
void for_each_child(Node* n, F&& f) {
#define CHILD(T, fld) if (node->fld) f(static_cast<Node*>(node->fld));
#define OPT(T, fld) if (node->fld) f(static_cast<Node*>(node->fld));
#define SEQ(T, fld) for (auto* c : node->fld) if (c) f(static_cast<Node*>(c));
#define IDENT(fld)
#define OPT_IDENT(fld)
#define IDENT_SEQ(fld)
#define OPT_STR(fld)
#define STR(fld)
#define INT(fld)
#define CONST(fld)
#define ENUM(T, fld)
#define ENUM_SEQ(T, fld)
#define AST_NODE(Base, Name, FIELDS)    \
  case NodeKind::Name: {                \
    [[maybe_unused]] auto* node = static_cast<Name*>(n); \
    FIELDS                              \
    break;                              \
  }
  switch (n->kind) {
#include "frontend/ast_nodes.def"
  }
#include "frontend/ast_nodes_undef.inc"
}

// ast.dump(node) with its defaults (annotate_fields=True, no attributes,
// no indent). Defined in ast_dump.cpp.
std::string dump(const Node* n);

}  // namespace spindle::frontend::ast
