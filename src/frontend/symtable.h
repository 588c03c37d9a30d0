// The symbol table: which names each scope binds, and where every name used
// in a scope lives (fast local, cell, free variable, global, class namespace).
//
// Built in two passes over the AST, as CPython 3.11's symtable.c does:
//   1. collection: one Scope per module, class, function, lambda and
//      comprehension, recording for each name how it is used (flags below),
//      plus the declaration checks that need only one scope (global after
//      use, duplicate parameters, walrus inside comprehensions, ...);
//   2. analysis: walking the scope tree top-down with the sets of names bound
//      and declared global in enclosing scopes, each name gets its Resolution
//      (local / global explicit / global implicit / free / cell).
//
// Invariants:
//   * Keys of Scope::symbols are *mangled* names (private names inside a class
//     are `_Class__name`); codegen mangles the same way through mangle().
//   * Every Scope is owned by its SymbolTable; scope_of(node) maps the AST node
//     that opened a scope (Module/Interactive/Expression, FunctionDef,
//     AsyncFunctionDef, ClassDef, Lambda, the comprehension expressions) to it.
//   * Annotation scopes (only under `from __future__ import annotations`) exist
//     solely to reject yield/await/walrus in annotations: they never take part
//     in name analysis, as in CPython where they do not create cells.
//   * Errors are values: build_symtable returns null and fills a CompileError.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frontend/ast.h"

namespace spindle::frontend {

// A compile-time error with AST positions (1-based lines, 0-based UTF-8 byte
// columns; end_col == -1 when CPython reports no end). compile.cpp turns it
// into a SyntaxErrorInfo with character columns and the source line.
struct CompileError {
  std::string type = "SyntaxError";
  std::string msg;
  int lineno = 0;
  int col = 0;
  int end_lineno = 0;
  int end_col = -1;
};

// Nesting limit of AST nodes in every pass (CPython: 3 * the recursion limit
// of 1000). Deeper trees give RecursionError "maximum recursion depth
// exceeded during compilation" instead of overflowing the C++ stack.
inline constexpr int kMaxCompileDepth = 3000;
// The lowest stack address the passes may use on the calling thread (its
// stack end plus a margin of 256 KiB), so that a deep tree gives a
// RecursionError before the stack overflows even where frames are large
// (sanitizer builds) or the thread's stack is small. 0 if unknown.
[[nodiscard]] uintptr_t stack_floor();
[[nodiscard]] inline bool stack_exhausted(uintptr_t floor) {
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < floor;
}
inline void set_recursion_error(CompileError& err) {
  err.type = "RecursionError";
  err.msg = "maximum recursion depth exceeded during compilation";
  err.lineno = 0;
  err.col = 0;
  err.end_lineno = 0;
  err.end_col = -1;
}

// How a name is used in one scope (CPython's DEF_* bits).
enum SymbolFlag : uint32_t {
  kDefGlobal = 1u << 0,     // `global x`
  kDefLocal = 1u << 1,      // assigned in this scope
  kDefParam = 1u << 2,      // a parameter
  kDefNonlocal = 1u << 3,   // `nonlocal x`
  kUse = 1u << 4,           // read in this scope
  kDefFree = 1u << 5,       // (unused; kept for CPython's numbering)
  kDefFreeClass = 1u << 6,  // free in a method, bound or global in the class
  kDefImport = 1u << 7,     // bound by an import
  kDefAnnot = 1u << 8,      // annotated (`x: int`)
  kDefCompIter = 1u << 9,   // a comprehension's iteration variable
};
inline constexpr uint32_t kDefBound = kDefLocal | kDefParam | kDefImport;

// Where a name lives, after analysis.
enum class Resolution : uint8_t {
  Unknown = 0,
  Local,           // fast local (functions) or namespace entry (module, class)
  GlobalExplicit,  // `global x`
  GlobalImplicit,  // not bound anywhere enclosing: globals, then builtins
  Free,            // a cell of an enclosing function
  Cell,            // local, and captured by a nested scope
};

enum class BlockType : uint8_t { Module, Class, Function, Annotation };
enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  uint32_t flags = 0;
  Resolution resolution = Resolution::Unknown;
};

struct Scope {
  BlockType type = BlockType::Module;
  std::string name;  // co_name: "f", "C", "<lambda>", "<listcomp>", "<module>"
  const ast::Node* node = nullptr;
  int lineno = 0;
  int col_offset = 0;

  std::unordered_map<std::string, Symbol> symbols;
  std::vector<std::string> symbol_order;  // first-seen order of `symbols`' keys
  std::vector<std::string> varnames;      // parameters in co_varnames order
  std::vector<Scope*> children;
  Scope* parent = nullptr;

  // A `global`/`nonlocal` directive, to report conflicts at its position.
  struct Directive {
    std::string name;
    int lineno, col, end_lineno, end_col;
  };
  std::vector<Directive> directives;

  ComprehensionKind comprehension = ComprehensionKind::None;
  bool nested = false;       // inside a function (CO_NESTED)
  bool generator = false;    // contains yield (or is a generator expression)
  bool coroutine = false;    // async def, or await / async comprehension inside
  bool varargs = false;
  bool varkeywords = false;
  bool returns_value = false;
  bool has_free = false;           // uses a free variable
  bool child_has_free = false;     // a nested scope does
  bool needs_class_closure = false;  // class body: methods use __class__
  bool is_method = false;          // a function defined directly in a class body

  // Collection-time state.
  bool comp_iter_target = false;
  int comp_iter_expr = 0;

  [[nodiscard]] Resolution resolve(const std::string& mangled) const {
    auto it = symbols.find(mangled);
    return it == symbols.end() ? Resolution::Unknown : it->second.resolution;
  }
  [[nodiscard]] uint32_t flags_of(const std::string& mangled) const {
    auto it = symbols.find(mangled);
    return it == symbols.end() ? 0 : it->second.flags;
  }
};

class SymbolTable {
 public:
  [[nodiscard]] Scope* top() const { return top_; }
  [[nodiscard]] Scope* scope_of(const ast::Node* n) const {
    auto it = by_node_.find(n);
    return it == by_node_.end() ? nullptr : it->second;
  }
  uint32_t future_flags = 0;

 private:
  friend class SymtableBuilder;
  Scope* top_ = nullptr;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const ast::Node*, Scope*> by_node_;
};

// Builds and analyzes the table of a module (Module, Interactive or
// Expression). `future_flags` are the CO_FUTURE_* bits of the module.
// `floor`: the caller's stack_floor() (0: found here).
[[nodiscard]] std::unique_ptr<SymbolTable> build_symtable(ast::mod* module, uint32_t future_flags,
                                                          CompileError& err, uintptr_t floor = 0);

// Private name mangling: `__x` inside class `C` is `_C__x` (not dunder names,
// not dotted names, not when the class name is all underscores).
[[nodiscard]] std::string mangle(std::string_view class_name, std::string_view name);

}  // namespace spindle::frontend
