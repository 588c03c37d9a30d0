// compile_source(): the front-end pipeline (see compile.h).
//
// Also home of the `from __future__` scan (CPython's future.c): it runs on
// the unfolded AST, before the symbol table, so its errors win over later
// phases' exactly as in CPython.
#include "frontend/compile.h"

#include "frontend/arena.h"
#include "frontend/ast_opt.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "frontend/symtable.h"

namespace spindle::frontend {

namespace {

struct FutureInfo {
  uint32_t flags = 0;
  int lineno = -1;  // line of the last accepted future import
};

bool parse_future(ast::mod* m, FutureInfo& f, CompileError& err) {
  ast::Seq<ast::stmt*> body;
  if (auto* mod = ast::dyn_cast<ast::Module>(m)) body = mod->body;
  else if (auto* in = ast::dyn_cast<ast::Interactive>(m)) body = in->body;
  else return true;
  size_t i = is_docstring(body) ? 1 : 0;
  bool done = false;
  int prev_line = 0;
  for (; i < body.size(); ++i) {
    ast::stmt* s = body[i];
    if (done && s->lineno > prev_line) return true;
    prev_line = s->lineno;
    auto* imp = ast::dyn_cast<ast::ImportFrom>(s);
    if (imp == nullptr || imp->module.data() == nullptr || imp->module != "__future__") {
      done = true;
      continue;
    }
    if (done) {
      // CPython reports this one with a 0-based column used as the offset.
      err.msg = "from __future__ imports must occur at the beginning of the file";
      err.lineno = s->lineno;
      err.col = s->col_offset - 1;
      err.end_lineno = s->lineno;
      err.end_col = -1;
      return false;
    }
    for (auto* a : imp->names) {
      std::string_view n = a->name;
      if (n == "nested_scopes" || n == "generators" || n == "division" || n == "absolute_import" ||
          n == "with_statement" || n == "print_function" || n == "unicode_literals" ||
          n == "generator_stop")
        continue;
      if (n == "barry_as_FLUFL") {
        f.flags |= vm::CO_FUTURE_BARRY_AS_BDFL;
        continue;
      }
      if (n == "annotations") {
        f.flags |= vm::CO_FUTURE_ANNOTATIONS;
        continue;
      }
      err.msg = n == "braces" ? std::string("not a chance")
                              : "future feature " + std::string(n) + " is not defined";
      err.lineno = s->lineno;
      err.col = s->col_offset;
      err.end_lineno = s->lineno;
      err.end_col = -1;
      return false;
    }
    f.lineno = s->lineno;
  }
  return true;
}

void to_syntax_error(const CompileError& ce, const SourceText& src, std::string_view filename,
                     SyntaxErrorInfo& err) {
  err = SyntaxErrorInfo{};
  err.type = ce.type;
  err.msg = ce.msg;
  err.filename = std::string(filename);
  if (ce.lineno <= 0) {
    err.lineno = ce.lineno < 0 ? 0 : ce.lineno;
    return;
  }
  if (ce.col < 0) {
    set_error_location(err, src, filename, ce.lineno, 0, ce.end_lineno, -1);
    err.offset = 0;
    return;
  }
  set_error_location(err, src, filename, ce.lineno, ce.col, ce.end_lineno > 0 ? ce.end_lineno : ce.lineno,
                     ce.end_col);
}

std::string strip(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\f')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\f')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::shared_ptr<vm::CodeObject> compile_source(std::string_view bytes, std::string_view filename,
                                               CompileMode mode, SyntaxErrorInfo& err,
                                               std::vector<CompileWarning>* warnings,
                                               const CompileOptions& opts) {
  SourceText src;
  if (!decode_source(bytes, filename, src, err, opts.origin)) return nullptr;
  Arena arena;
  ParseMode pm = mode == CompileMode::Eval ? ParseMode::Eval
                 : mode == CompileMode::Single ? ParseMode::Single
                                               : ParseMode::Exec;
  ast::mod* tree = parse(src, filename, pm, arena, err);
  if (tree == nullptr) return nullptr;

  CompileError ce;
  FutureInfo future;
  if (!parse_future(tree, future, ce)) {
    to_syntax_error(ce, src, filename, err);
    if (ce.col < 0) err.offset = 0;
    return nullptr;
  }
  // Stack bounds are looked up once (reading them can cost a /proc read).
  uintptr_t floor = stack_floor();
  if (!optimize_ast(tree, arena, AstOptimizeOptions{opts.optimize, future.flags, floor}, ce)) {
    to_syntax_error(ce, src, filename, err);
    return nullptr;
  }
  auto st = build_symtable(tree, future.flags, ce, floor);
  if (!st) {
    to_syntax_error(ce, src, filename, err);
    return nullptr;
  }
  CodegenOptions copts;
  copts.filename = std::string(filename);
  copts.mode = mode;
  copts.optimize = opts.optimize;
  copts.future_flags = future.flags;
  copts.future_lineno = future.lineno;
  copts.stack_floor = floor;
  size_t first_warning = warnings != nullptr ? warnings->size() : 0;
  auto code = codegen_module(tree, *st, copts, ce, warnings);
  if (warnings != nullptr) {
    for (size_t i = first_warning; i < warnings->size(); ++i)
      (*warnings)[i].line = strip(src.line((*warnings)[i].lineno));
  }
  if (!code) {
    to_syntax_error(ce, src, filename, err);
    return nullptr;
  }
  return code;
}

std::string format_warning(const CompileWarning& w) {
  std::string out = w.filename + ":" + std::to_string(w.lineno) + ": " + w.category + ": " + w.message + "\n";
  if (!w.line.empty()) out += "  " + w.line + "\n";
  return out;
}

}  // namespace spindle::frontend
