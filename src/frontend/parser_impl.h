// The parser's internal state and rule functions (private to the parser_*.cpp
// files; the public API is parser.h).
//
// Structure: one member function per grammar rule of CPython 3.11's
// python.gram, named after it (rule `star_targets` is star_targets()). A rule
// returns nullptr / false on failure and then leaves `mark_` where it found
// it. Invariants:
//   * toks_[0 .. fill_) are the tokens fetched so far; the tokenizer is only
//     asked for a token when a rule looks at position fill_, exactly like
//     CPython, so the furthest fetched token (the generic error position) is
//     CPython's.
//   * error_ is CPython's error_indicator: once set (tokenizer error, raised
//     SyntaxError, depth limit) every rule returns failure immediately and
//     the pass unwinds; err_ holds the error.
//   * depth_ counts active rule calls like CPython's p->level; past
//     kMaxDepth the parse fails with MemoryError, as CPython's does.
//   * Sequences under construction live on scratch_, a stack shared by all
//     rules: a rule pushes above the entry size it saw and truncates back to
//     it before returning, so no rule allocates on the heap per call.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/arena.h"
#include "frontend/ast.h"
#include "frontend/diagnostic.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "frontend/string_literal.h"
#include "frontend/tokenizer.h"

namespace spindle::frontend::parser_detail {

namespace ast = ::spindle::frontend::ast;
using ast::Seq;
using ast::Str;

// Keywords get their own token kinds above the TokenType values, as in
// CPython, so a NAME never matches a keyword. Soft keywords stay NAMEs.
#define PARSER_KEYWORDS(X)                                                                    \
  X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) X(break) X(class)          \
  X(continue) X(def) X(del) X(elif) X(else) X(except) X(finally) X(for) X(from) X(global)      \
  X(if) X(import) X(in) X(is) X(lambda) X(nonlocal) X(not) X(or) X(pass) X(raise) X(return)   \
  X(try) X(while) X(with) X(yield)

enum Kind : uint8_t {
#define TOKEN(name, spelling) T_##name,
#include "frontend/token_types.def"
#undef TOKEN
  kFirstKeyword = 64,
#define KW_ENUM(k) K_##k,
  K_dummy_ = kFirstKeyword - 1,
  PARSER_KEYWORDS(KW_ENUM)
#undef KW_ENUM
};

struct Tok {
  uint8_t kind;   // Kind
  int16_t level;  // bracket nesting after this token (CPython's token->level)
  std::string_view text;
  int lineno, col_offset, end_lineno, end_col_offset;
};

// Helper records of the grammar's actions (CPython's KeyValuePair, ...).
struct KeyValue {
  ast::expr* key;  // nullptr for **value
  ast::expr* value;
};
struct NameDefault {
  ast::arg* arg;
  ast::expr* value;  // nullptr when no default
};
struct StarEtc {
  ast::arg* vararg = nullptr;
  Seq<NameDefault*> kwonly;
  ast::arg* kwarg = nullptr;
};
struct SlashWithDefault {
  Seq<ast::arg*> plain;
  Seq<NameDefault*> with_default;
};
struct KeywordOrStarred {
  void* element;  // ast::keyword* or ast::expr* (Starred)
  bool is_keyword;
};
struct CmpPair {
  ast::ComparisonOperator op;
  ast::expr* expr;
};
struct KeyPattern {
  ast::Node* key;  // expr (mapping) or Name (class keyword)
  ast::pattern* pattern;
};

using ast::Seq;

// Tokens in fixed-size chunks so that pointers to them stay valid while the
// buffer grows (rules keep `const Tok*` results).
class TokenBuffer {
 public:
  Tok& operator[](int i) { return chunks_[size_t(i) >> kShift][size_t(i) & kMask]; }
  void push_back(const Tok& t) {
    if ((size_ & kMask) == 0) chunks_.push_back(std::make_unique<Tok[]>(kMask + 1));
    (*this)[size_++] = t;
  }
  int size() const { return size_; }

 private:
  static constexpr size_t kShift = 10, kMask = (1u << kShift) - 1;
  std::vector<std::unique_ptr<Tok[]>> chunks_;
  int size_ = 0;
};

enum class TargetsType { Star, Del, For };

// Which of CPython's twin parameter grammars a rule follows. CPython writes
// the def and lambda rules twice only because pegen rules take no arguments:
// Def has annotations (and *args: *Ts) and is closed by ')', Lambda has
// neither and is closed by ':'; some error messages differ.
enum class ParamStyle : uint8_t { Def, Lambda };

class Parser {
 public:
  Parser(const SourceText& src, std::string_view filename, ParseMode mode, Arena& arena,
         SyntaxErrorInfo& err);

  ast::mod* run();

  // Parses an f-string replacement field's expression (3.11: the text wrapped
  // in parentheses, parsed with the `fstring` start rule). Set up by the
  // outer parser; positions are shifted to the field's place in the file.
  ast::expr* run_fstring_expr(int line_shift, int first_line_col_shift);

  // --- state ---------------------------------------------------------------------
  int int_max_str_digits_ = kDefaultIntMaxStrDigits;
  const SourceText& src_;
  std::string_view filename_;
  ParseMode mode_;
  Arena& arena_;
  SyntaxErrorInfo& err_;
  SyntaxErrorInfo tok_err_;  // the tokenizer's own error record
  Tokenizer tokenizer_;
  bool tokenizer_failed_ = false;

  TokenBuffer toks_;
  Tok err_tok_{};  // returned by peek() past a tokenizer error
  int fill_ = 0;
  int mark_ = 0;
  bool error_ = false;       // error_indicator
  bool have_error_ = false;  // err_ holds an error (kept across passes)
  bool call_invalid_rules_ = false;
  int depth_ = 0;
  static constexpr int kMaxDepth = 6000;
  bool in_fstring_ = false;       // errors get the "f-string: " prefix
  int line_shift_ = 0;            // f-string sub-parsers: positions moved into the file
  int first_line_col_shift_ = 0;
  const char* arena_text_ = nullptr;  // copy of src_.text in the arena (Str views)

  std::vector<void*> scratch_;

  // Memo table: per token a chain of entries (rule id, result, end mark).
  struct MemoEntry {
    int next;
    int end;
    uint16_t rule;
    void* value;
  };
  std::vector<int> memo_head_;  // per token, index into memo_ or -1
  std::vector<MemoEntry> memo_;

  // --- tokens ----------------------------------------------------------------------
  void fill_token();
  const Tok& peek() {
    if (mark_ < fill_) return toks_[mark_];
    return fill_and_peek();
  }
  const Tok& fill_and_peek() {
    if (!tokenizer_failed_) fill_token();
    if (mark_ < fill_) return toks_[mark_];
    tokenizer_error_again();
    return err_tok_;
  }
  void tokenizer_error_again();
  int peek_kind() { return peek().kind; }
  const Tok* expect(int kind) {
    const Tok& t = peek();
    if (t.kind != kind) return nullptr;
    mark_++;
    return &t;
  }
  bool check(int kind) { return peek().kind == kind; }
  const Tok* expect_soft(std::string_view word) {
    const Tok& t = peek();
    if (t.kind != T_NAME || t.text != word) return nullptr;
    mark_++;
    return &t;
  }
  const Tok& last_token() { return fill_ > 0 ? toks_[fill_ - 1] : err_tok_; }

  // --- memo --------------------------------------------------------------------------
  bool memo_get(uint16_t rule, void*& value);
  void memo_put(int start, uint16_t rule, void* value);

  // --- helpers -------------------------------------------------------------------
  Str view(std::string_view s);  // stable Str for a token-derived view
  template <class T>
  T* node(int start_mark);       // node spanning toks_[start] .. last non-blank token
  template <class T>
  T* node_span(const ast::Node* first, const ast::Node* last);
  template <class T>
  T* node_tok(const Tok& t);
  void set_end_from_last(ast::Node* n);
  template <class T>
  Seq<T> seq_from(size_t start) {
    size_t n = scratch_.size() - start;
    Seq<T> out;
    if (n) {
      T* p = static_cast<T*>(arena_.allocate(sizeof(T) * n, alignof(T)));
      for (size_t i = 0; i < n; i++) p[i] = static_cast<T>(scratch_[start + i]);
      out = Seq<T>(p, n);
    }
    scratch_.resize(start);
    return out;
  }
  // The PEG gather `sep.elem+`: one or more `elem`, each pair separated by
  // one `sep` token. Like CPython's _gather rules, a separator not followed
  // by an element is given back (so `a, b,` leaves the trailing ',' for the
  // caller's optional `[',']`). On failure (no element, or error_ set) the
  // scratch_ entries are dropped and false is returned; mark_ is then where
  // the last attempt stopped, so callers that need their start back reset it.
  // `elem` is any callable returning T (a pointer, nullptr on failure).
  template <class T, class Fn>
  bool gather_sep(Fn&& elem, int sep, Seq<T>& out) {
    size_t base = scratch_.size();
    for (;;) {
      int m = mark_;
      T e = elem();
      if (!e) {
        mark_ = m;
        if (scratch_.size() > base) mark_--;  // give back the separator
        break;
      }
      scratch_.push_back(e);
      if (!expect(sep)) break;
    }
    if (error_ || scratch_.size() == base) {
      scratch_.resize(base);
      return false;
    }
    out = seq_from<T>(base);
    return true;
  }
  template <class T>
  Seq<T*> single(T* x) {
    T** p = static_cast<T**>(arena_.allocate(sizeof(T*), alignof(T*)));
    p[0] = x;
    return Seq<T*>(p, 1);
  }
  ast::Name* name_from(const Tok& t, ast::ExprContext ctx);
  ast::expr* set_ctx(ast::expr* e, ast::ExprContext ctx);
  const char* expr_name(const ast::expr* e);
  ast::expr* invalid_target(TargetsType type, ast::expr* e);

  // --- errors (pegen_errors.c) -----------------------------------------------------
  std::nullptr_t raise_at(const char* type, std::string msg, int lineno, int col, int end_lineno,
                          int end_col);
  std::nullptr_t raise(std::string msg);  // at the last fetched token
  bool raise_at_blank_token(const char* type, std::string& msg, const Tok& t, bool known_location);
  std::nullptr_t raise_indent(std::string msg);
  std::nullptr_t raise_known(const ast::Node* a, std::string msg);
  std::nullptr_t raise_known_tok(const Tok* a, std::string msg);
  std::nullptr_t raise_range(const ast::Node* a, const ast::Node* b, std::string msg);
  std::nullptr_t raise_range_tok(const Tok* a, const Tok* b, std::string msg);
  std::nullptr_t raise_range_tn(const Tok* a, const ast::Node* b, std::string msg);
  std::nullptr_t raise_range_nt(const ast::Node* a, const Tok* b, std::string msg);
  std::nullptr_t raise_starting_from(const ast::Node* a, std::string msg);
  std::nullptr_t raise_starting_from_tok(const Tok* a, std::string msg);
  std::nullptr_t raise_invalid_target(TargetsType type, ast::expr* e);
  std::nullptr_t raise_memory_error();
  void set_generic_error(int last_token_index);
  void check_rest_of_source_for_tokenizer_errors();

  // --- start rules -----------------------------------------------------------------
  ast::mod* file();
  ast::mod* interactive();
  ast::mod* eval();
  ast::mod* func_type();

  // --- statements (parser_stmt.cpp) -----------------------------------------------
  bool statements(Seq<ast::stmt*>& out);
  bool statement(size_t scratch_start);  // pushes its statements
  bool statement_newline(Seq<ast::stmt*>& out);
  bool simple_stmts(Seq<ast::stmt*>& out);
  ast::stmt* simple_stmt();
  ast::stmt* simple_stmt_raw();
  ast::stmt* compound_stmt();
  ast::stmt* assignment();
  ast::expr* annotated_rhs();
  bool augassign(ast::Operator& op);
  ast::stmt* return_stmt();
  ast::stmt* raise_stmt();
  ast::stmt* global_stmt();
  ast::stmt* nonlocal_stmt();
  ast::stmt* del_stmt();
  ast::stmt* yield_stmt();
  ast::stmt* assert_stmt();
  ast::stmt* import_stmt();
  ast::stmt* import_name();
  ast::stmt* import_from();
  bool import_from_targets(Seq<ast::alias*>& out);
  bool import_from_as_names(Seq<ast::alias*>& out);
  ast::alias* import_from_as_name();
  bool dotted_as_names(Seq<ast::alias*>& out);
  ast::alias* dotted_as_name();
  bool dotted_name(Str& out);
  bool block(Seq<ast::stmt*>& out);
  bool block_raw(Seq<ast::stmt*>& out);
  bool decorators(Seq<ast::expr*>& out);
  ast::stmt* class_def();
  ast::stmt* class_def_raw();
  ast::stmt* function_def();
  ast::stmt* function_def_raw();
  // def's and lambda's parameter rules, one function per pair of twins.
  ast::arguments* params(ParamStyle style);
  ast::arguments* parameters(ParamStyle style);
  bool slash_no_default(Seq<ast::arg*>& out, ParamStyle style);
  SlashWithDefault* slash_with_default(ParamStyle style);
  StarEtc* star_etc(ParamStyle style);
  ast::arg* kwds(ParamStyle style);
  ast::arg* param_no_default(ParamStyle style);
  ast::arg* param_no_default_star_annotation();
  NameDefault* param_with_default(ParamStyle style);
  NameDefault* param_maybe_default(ParamStyle style);
  ast::arg* param(ParamStyle style);
  ast::arg* param_star_annotation();
  ast::expr* annotation();
  ast::expr* star_annotation();
  ast::expr* default_();
  ast::stmt* if_stmt(int keyword);  // if_stmt (K_if) and elif_stmt (K_elif)
  bool else_block(Seq<ast::stmt*>& out);
  ast::stmt* while_stmt();
  ast::stmt* for_stmt();
  ast::stmt* with_stmt();
  ast::withitem* with_item();
  ast::stmt* try_stmt();
  ast::excepthandler* except_block();
  ast::excepthandler* except_star_block();
  bool finally_block(Seq<ast::stmt*>& out);
  ast::stmt* match_stmt();
  ast::expr* subject_expr();
  ast::match_case* case_block();
  ast::expr* guard();
  ast::pattern* patterns();
  ast::pattern* pattern();
  ast::pattern* as_pattern();
  ast::pattern* or_pattern();
  ast::pattern* closed_pattern();
  ast::pattern* closed_pattern_raw();
  ast::pattern* literal_pattern();
  ast::expr* literal_expr();
  ast::expr* complex_number();
  ast::expr* signed_number();
  ast::expr* signed_real_number();
  ast::expr* real_number();
  ast::expr* imaginary_number();
  ast::pattern* capture_pattern();
  ast::expr* pattern_capture_target();
  ast::pattern* wildcard_pattern();
  ast::pattern* value_pattern();
  ast::expr* attr();
  ast::expr* name_or_attr();
  ast::pattern* group_pattern();
  ast::pattern* sequence_pattern();
  bool open_sequence_pattern(Seq<ast::pattern*>& out);
  bool maybe_sequence_pattern(Seq<ast::pattern*>& out);
  ast::pattern* maybe_star_pattern();
  ast::pattern* star_pattern();
  ast::pattern* mapping_pattern();
  bool items_pattern(Seq<KeyPattern*>& out);
  KeyPattern* key_value_pattern();
  ast::expr* double_star_pattern();
  ast::pattern* class_pattern();
  bool positional_patterns(Seq<ast::pattern*>& out);
  bool keyword_patterns(Seq<KeyPattern*>& out);
  KeyPattern* keyword_pattern();
  bool type_expressions(Seq<ast::expr*>& out);
  const Tok* func_type_comment();

  // --- expressions (parser_expr.cpp) ------------------------------------------------
  ast::expr* expressions();
  ast::expr* expression();
  ast::expr* expression_raw();
  ast::expr* yield_expr();
  ast::expr* star_expressions();
  ast::expr* star_expression();
  bool star_named_expressions(Seq<ast::expr*>& out);
  ast::expr* star_named_expression();
  ast::expr* assignment_expression();
  ast::expr* named_expression();
  ast::expr* disjunction();
  ast::expr* conjunction();
  ast::expr* inversion();
  ast::expr* comparison();
  bool compare_op_bitwise_or_pair(CmpPair& out);
  ast::expr* bitwise_or();
  ast::expr* bitwise_or_raw();
  ast::expr* bitwise_xor();
  ast::expr* bitwise_and();
  ast::expr* shift_expr();
  ast::expr* sum();
  ast::expr* term();
  ast::expr* factor();
  ast::expr* power();
  ast::expr* await_primary();
  ast::expr* primary();
  ast::expr* primary_raw();
  ast::expr* slices();
  ast::expr* slice();
  ast::expr* atom();
  ast::expr* group();
  ast::expr* lambdef();
  ast::expr* strings();
  ast::expr* list();
  ast::expr* tuple();
  ast::expr* set();
  ast::expr* dict();
  bool double_starred_kvpairs(Seq<KeyValue*>& out);
  KeyValue* double_starred_kvpair();
  KeyValue* kvpair();
  bool for_if_clauses(Seq<ast::comprehension*>& out);
  ast::comprehension* for_if_clause();
  ast::expr* listcomp();
  ast::expr* setcomp();
  ast::expr* genexp();
  ast::expr* dictcomp();
  ast::Call* arguments();
  ast::Call* arguments_raw();
  ast::Call* args();
  bool kwargs(Seq<KeywordOrStarred*>& out);
  ast::expr* starred_expression();
  KeywordOrStarred* kwarg_or_starred();
  KeywordOrStarred* kwarg_or_double_starred();
  ast::expr* star_targets();
  bool star_targets_list_seq(Seq<ast::expr*>& out);
  bool star_targets_tuple_seq(Seq<ast::expr*>& out);
  ast::expr* star_target();
  ast::expr* star_target_raw();
  ast::expr* target_with_star_atom();
  ast::expr* target_with_star_atom_raw();
  ast::expr* target_atom(TargetsType kind);  // star_atom (Star) and del_t_atom (Del)
  ast::expr* single_target();
  ast::expr* single_subscript_attribute_target();
  ast::expr* t_primary();
  ast::expr* t_primary_raw();
  bool t_lookahead();
  bool del_targets(Seq<ast::expr*>& out);
  ast::expr* del_target();
  ast::expr* del_target_raw();
  ast::expr* fstring_rule();

  ast::expr* make_call(ast::expr* func, ast::Call* args, int start);
  ast::Call* collect_call_seqs(Seq<ast::expr*> a, Seq<KeywordOrStarred*>* b, int start);

  // --- strings (parser_strings.cpp) -------------------------------------------------
  ast::expr* concatenate_strings(int first, int last);

  // --- invalid rules (parser_invalid.cpp) -------------------------------------------
  bool invalid_arguments();
  bool invalid_kwarg();
  ast::expr* expression_without_invalid();
  bool invalid_legacy_expression();
  bool invalid_expression();
  bool invalid_named_expression();
  bool invalid_named_expression_raw();
  bool invalid_assignment();
  ast::expr* invalid_ann_assign_target();
  bool invalid_del_stmt();
  bool invalid_block();
  bool invalid_comprehension();
  bool invalid_dict_comprehension();
  bool invalid_parameters(ParamStyle style);
  bool invalid_default();
  bool invalid_star_etc(ParamStyle style);
  bool invalid_kwds(ParamStyle style);
  bool invalid_parameters_helper(ParamStyle style);
  bool invalid_double_type_comments();
  bool invalid_with_item();
  bool invalid_for_target();
  bool invalid_group();
  bool invalid_import_from_targets();
  bool invalid_with_stmt();
  bool invalid_with_stmt_indent();
  bool invalid_try_stmt();
  bool invalid_except_stmt();
  bool invalid_finally_stmt();
  bool invalid_except_stmt_indent();
  bool invalid_except_star_stmt_indent();
  bool invalid_match_stmt();
  bool invalid_case_block();
  bool invalid_as_pattern();
  bool invalid_class_pattern();
  bool invalid_class_argument_pattern(Seq<ast::pattern*>& out);
  bool invalid_if_stmt();
  bool invalid_elif_stmt();
  bool invalid_else_stmt();
  bool invalid_while_stmt();
  bool invalid_for_stmt();
  bool invalid_def_raw();
  bool invalid_class_def_raw();
  bool invalid_double_starred_kvpairs();
  bool invalid_kvpair();
  bool legacy_stmt_name(const ast::expr* e);
  bool nonparen_genexp_in_call(ast::Call* args, Seq<ast::comprehension*> comps);
  bool arguments_parsing_error(ast::Call* a);
};

// Counts rule depth like CPython's p->level; on overflow flags a MemoryError.
struct DepthGuard {
  Parser& p;
  bool ok;
  explicit DepthGuard(Parser& parser) : p(parser) {
    ok = ++p.depth_ <= Parser::kMaxDepth;
    if (!ok) p.raise_memory_error();
  }
  ~DepthGuard() { p.depth_--; }
};

// Entry of every rule: bail out on a pending error or on excess depth.
#define RULE_ENTER(ret)              \
  if (error_) return ret;            \
  DepthGuard depth_guard_(*this);    \
  if (!depth_guard_.ok) return ret;

// Memo rule ids.
enum MemoRule : uint16_t {
  M_simple_stmt = 1,
  M_block,
  M_expression,
  M_star_expression,
  M_disjunction,
  M_conjunction,
  M_inversion,
  M_factor,
  M_await_primary,
  M_bitwise_or,
  M_primary,
  M_strings,
  M_arguments,
  M_star_target,
  M_target_with_star_atom,
  M_del_target,
  M_t_primary,
  M_closed_pattern,
  M_star_pattern,
  M_invalid_named_expression,
  M_import_stmt,
  M_block_seq,
};

template <class T>
T* Parser::node(int start_mark) {
  T* n = ast::make_node<T>(arena_);
  const Tok& s = toks_[start_mark];
  n->lineno = s.lineno;
  n->col_offset = s.col_offset;
  set_end_from_last(n);
  return n;
}

template <class T>
T* Parser::node_span(const ast::Node* first, const ast::Node* last) {
  T* n = ast::make_node<T>(arena_);
  n->lineno = first->lineno;
  n->col_offset = first->col_offset;
  n->end_lineno = last->end_lineno;
  n->end_col_offset = last->end_col_offset;
  return n;
}

template <class T>
T* Parser::node_tok(const Tok& t) {
  T* n = ast::make_node<T>(arena_);
  n->lineno = t.lineno;
  n->col_offset = t.col_offset;
  n->end_lineno = t.end_lineno;
  n->end_col_offset = t.end_col_offset;
  return n;
}

}  // namespace spindle::frontend::parser_detail
