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

// The text CPython attaches to an error raised after parsing: it re-opens the
// file and reads line `lineno` with fgets into a 1000-byte buffer
// (Python/errors.c, err_programtext), so a line of 999 bytes or more shows
// only its last 999-byte piece; the piece must be valid UTF-8, else no text.
// `bytes` are the file's bytes (universal newlines as the reader sees them).
bool program_text(std::string_view bytes, int lineno, std::string& out) {
  constexpr size_t kChunk = 999;
  size_t pos = 0;
  std::string line;
  for (int i = 1; i <= lineno; ++i) {
    if (pos >= bytes.size()) return false;
    line.clear();
    while (pos < bytes.size()) {
      char c = bytes[pos++];
      if (c == '\r') {
        if (pos < bytes.size() && bytes[pos] == '\n') ++pos;
        c = '\n';
      }
      line += c;
      if (c == '\n') break;
    }
  }
  // The last fgets piece: a full piece that does not end the line makes the
  // reader go on; reaching EOF that way leaves no text.
  size_t startp = 0;
  while (line.size() - startp >= kChunk && line[startp + kChunk - 1] != '\n') {
    startp += kChunk;
    if (startp == line.size()) return false;
  }
  std::string_view piece = std::string_view(line).substr(startp);
  if (piece.find('\0') != std::string_view::npos) piece = piece.substr(0, piece.find('\0'));
  Utf8Error ue;
  if (find_utf8_error(piece, ue)) return false;
  out = std::string(piece);
  return true;
}

// Errors after parsing (future, symtable, codegen) carry CPython's raw values:
// byte columns + 1, never converted to characters, and the line re-read from
// the file when there is one (`file_bytes`, null for -c and stdin).
void to_syntax_error(const CompileError& ce, const std::string_view* file_bytes,
                     std::string_view filename, SyntaxErrorInfo& err) {
  err = SyntaxErrorInfo{};
  err.type = ce.type;
  err.msg = ce.msg;
  err.filename = std::string(filename);
  if (ce.lineno == 0) return;
  // A negative line is the compiler's unset location (after unwinding a with
  // or finally block): CPython prints "line -1", without text.
  err.lineno = ce.lineno < 0 ? -1 : ce.lineno;
  err.offset = ce.col < 0 ? 0 : ce.col + 1;
  err.end_lineno = ce.end_lineno != 0 ? ce.end_lineno : ce.lineno;
  err.end_offset = ce.end_col < 0 ? 0 : ce.end_col + 1;
  if (ce.lineno > 0 && file_bytes != nullptr) err.has_text = program_text(*file_bytes, ce.lineno, err.text);
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
  if (opts.decoded_text) {
    if (!source_from_text(bytes, filename, src, err)) return nullptr;
  } else if (!decode_source(bytes, filename, src, err, opts.origin)) {
    return nullptr;
  }
  const std::string_view* file_bytes = opts.from_file ? &bytes : nullptr;
  // Only a file is re-read for the error line (BOM included); stdin's line
  // comes from the tokenizer's buffer, which never holds the BOM.
  if (!opts.from_file) src.bom_in_first_line = false;
  Arena arena;
  src.hide_added_newline = src.newline_added && mode == CompileMode::Eval;
  ParseMode pm = mode == CompileMode::Eval ? ParseMode::Eval
                 : mode == CompileMode::Single ? ParseMode::Single
                                               : ParseMode::Exec;
  ast::mod* tree = parse(src, filename, pm, arena, err, opts.int_max_str_digits);
  if (tree == nullptr) return nullptr;

  CompileError ce;
  FutureInfo future;
  if (!parse_future(tree, future, ce)) {
    to_syntax_error(ce, file_bytes, filename, err);
    return nullptr;
  }
  // Stack bounds are looked up once (reading them can cost a /proc read).
  uintptr_t floor = stack_floor();
  if (!optimize_ast(tree, arena, AstOptimizeOptions{opts.optimize, future.flags, floor}, ce)) {
    to_syntax_error(ce, file_bytes, filename, err);
    return nullptr;
  }
  auto st = build_symtable(tree, future.flags, ce, floor);
  if (!st) {
    to_syntax_error(ce, file_bytes, filename, err);
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
    to_syntax_error(ce, file_bytes, filename, err);
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
