// Traceback objects and CPython 3.11's exception report.
#include "objects/traceback.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <unistd.h>
#include <vector>

#include "frontend/arena.h"
#include "frontend/ast.h"
#include "frontend/diagnostic.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "unicode/utf8.h"
#include "vm/code_object.h"

namespace spindle::objects {

Type traceback_type;

int traceback_add(ThreadState* ts, Object* exc, Object* code, Object* frame, int lasti) {
  auto* tb = static_cast<Traceback*>(alloc_object(ts, &traceback_type, sizeof(Traceback)));
  if (!tb) return -1;
  tb->next = xnew_ref(exception_get_traceback_borrowed(exc));
  tb->frame = xnew_ref(frame);
  tb->code = new_ref(code);
  tb->lasti = lasti;
  tb->lineno = vm::code_line_at(vm::as_code(code), lasti);
  exception_set_traceback(exc, tb);
  decref(tb);
  return 0;
}

namespace {

void tb_dealloc(Object* o) {
  auto* tb = static_cast<Traceback*>(o);
  // Long chains (deep recursion) are freed iteratively.
  Object* next = tb->next;
  tb->next = nullptr;
  xdecref(tb->frame);
  xdecref(tb->code);
  free_object(o);
  while (next && refcount(next) == 1 && next->ob_type == &traceback_type) {
    auto* n = static_cast<Traceback*>(next);
    Object* after = n->next;
    n->next = nullptr;
    decref(next);
    next = after;
  }
  xdecref(next);
}

Object* get_next(ThreadState*, Object* o) {
  Object* n = static_cast<Traceback*>(o)->next;
  return new_ref(n ? n : py_none());
}
Object* get_frame(ThreadState*, Object* o) {
  Object* f = static_cast<Traceback*>(o)->frame;
  return new_ref(f ? f : py_none());
}
Object* get_lasti(ThreadState* ts, Object* o) { return int_from_i64(ts, static_cast<Traceback*>(o)->lasti * 2); }
Object* get_lineno(ThreadState* ts, Object* o) {
  int l = static_cast<Traceback*>(o)->lineno;
  return l < 0 ? new_ref(py_none()) : int_from_i64(ts, l);
}

const GetSetDef tb_getsets[] = {
    {"tb_next", get_next, nullptr},
    {"tb_frame", get_frame, nullptr},
    {"tb_lasti", get_lasti, nullptr},
    {"tb_lineno", get_lineno, nullptr},
    {},
};

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

// Source lines of files, read on demand while formatting one report.
class LineCache {
 public:
  const std::string* line(const std::string& file, int lineno) {
    auto it = files_.find(file);
    if (it == files_.end()) {
      std::vector<std::string> lines;
      std::ifstream in(file, std::ios::binary);
      std::string l;
      while (in && std::getline(in, l)) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        lines.push_back(l);
      }
      it = files_.emplace(file, std::move(lines)).first;
    }
    if (lineno < 1 || lineno > static_cast<int>(it->second.size())) return nullptr;
    return &it->second[static_cast<size_t>(lineno - 1)];
  }

 private:
  std::map<std::string, std::vector<std::string>> files_;
};

size_t chars_in(std::string_view s) { return unicode::count_code_points(s); }

// CPython 3.11's secondary anchors inside a one-line expression: for a
// binary operation the operator (e.g. `~~~^~~~`), for a subscript the
// brackets (`~~~^^^^`). Offsets are in bytes of `segment`; false if none.
bool caret_anchors(std::string_view segment, size_t* left, size_t* right) {
  frontend::Arena arena;
  frontend::SourceText text;
  frontend::SyntaxErrorInfo err;
  if (!frontend::source_from_text(segment, "<anchors>", text, err)) return false;
  frontend::ast::mod* tree = frontend::parse(text, "<anchors>", frontend::ParseMode::Exec, arena, err);
  if (!tree || !frontend::ast::is<frontend::ast::Module>(tree)) return false;
  auto* module = frontend::ast::cast<frontend::ast::Module>(tree);
  if (module->body.size() != 1 || !frontend::ast::is<frontend::ast::Expr>(module->body[0])) return false;
  frontend::ast::expr* e = frontend::ast::cast<frontend::ast::Expr>(module->body[0])->value;
  if (frontend::ast::is<frontend::ast::BinOp>(e)) {
    auto* b = frontend::ast::cast<frontend::ast::BinOp>(e);
    if (b->left->lineno != 1 || b->right->lineno != 1) return false;
    for (int i = b->left->end_col_offset; i < b->right->col_offset; ++i) {
      char c = segment[static_cast<size_t>(i)];
      if (c == ' ' || c == '\t' || c == '\f') continue;
      *left = static_cast<size_t>(i);
      *right = static_cast<size_t>(i) + 1;
      char n = i + 1 < b->right->col_offset ? segment[static_cast<size_t>(i) + 1] : ' ';
      if (i + 1 < b->right->col_offset && n != ' ' && n != '\t' && n != '\f') ++*right;
      if (i + 1 < b->right->col_offset && c == ')') continue;
      return true;
    }
    return false;
  }
  if (frontend::ast::is<frontend::ast::Subscript>(e)) {
    auto* sub = frontend::ast::cast<frontend::ast::Subscript>(e);
    if (sub->value->end_lineno != 1 || sub->slice->end_lineno != 1) return false;
    *left = static_cast<size_t>(sub->value->end_col_offset);
    *right = static_cast<size_t>(sub->slice->end_col_offset) + 1;
    return true;
  }
  return false;
}

// The caret line under `line` for byte columns [col, end_col): `^` under the
// failing expression, `~` and `^` when it has anchors; "" when plain carets
// would span the whole stripped line (CPython omits them then).
std::string caret_line(const std::string& line, int col, int end_col, bool multiline) {
  size_t strip = line.find_first_not_of(" \t\f");
  if (strip == std::string::npos) return "";
  std::string stripped = line.substr(strip);
  while (!stripped.empty() && (stripped.back() == ' ' || stripped.back() == '\t' || stripped.back() == '\n'))
    stripped.pop_back();
  if (col < 0 || end_col < 0 || static_cast<size_t>(col) > line.size()) return "";
  size_t start = chars_in(std::string_view(line).substr(0, static_cast<size_t>(col)));
  size_t end = multiline ? chars_in(std::string_view(line).substr(0, strip)) + chars_in(stripped)
                         : chars_in(std::string_view(line).substr(0, std::min(line.size(), static_cast<size_t>(end_col))));
  size_t lead = chars_in(std::string_view(line).substr(0, strip));
  if (end <= start) return "";
  size_t left = 0, right = 0;
  bool anchors = false;
  if (!multiline && static_cast<size_t>(end_col) <= line.size()) {
    std::string_view segment = std::string_view(line).substr(static_cast<size_t>(col), static_cast<size_t>(end_col - col));
    size_t lb = 0, rb = 0;
    if (caret_anchors(segment, &lb, &rb)) {
      anchors = true;
      left = start + chars_in(segment.substr(0, std::min(lb, segment.size())));
      right = start + chars_in(segment.substr(0, std::min(rb, segment.size())));
    }
  }
  if (!anchors && end - start >= chars_in(stripped)) return "";
  std::string out = "    " + std::string(start - lead, ' ');
  for (size_t i = start; i < end; ++i) out += anchors && i >= left && i < right ? '^' : anchors ? '~' : '^';
  return out + "\n";
}

// Every line written starts with `prefix` (exception-group margins).
void format_frames(Object* tb_obj, LineCache& cache, std::string& out, const std::string& prefix) {
  std::string last_file, last_name;
  int last_line = -2;
  int repeats = 0;
  auto flush_repeats = [&] {
    if (repeats > 3) {
      int more = repeats - 3;
      out += prefix + "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
    }
  };
  for (Object* o = tb_obj; o; o = static_cast<Traceback*>(o)->next) {
    auto* tb = static_cast<Traceback*>(o);
    auto* code = vm::as_code(tb->code);
    std::string file(code->co->filename), name(code->co->name);
    if (file == last_file && name == last_name && tb->lineno == last_line) {
      if (++repeats > 3) continue;
    } else {
      flush_repeats();
      repeats = 1;
      last_file = file;
      last_name = name;
      last_line = tb->lineno;
    }
    out += prefix + "  File \"" + file + "\", line " + std::to_string(tb->lineno) + ", in " + name + "\n";
    const std::string* line = cache.line(file, tb->lineno);
    if (!line) continue;
    size_t b = line->find_first_not_of(" \t\f");
    if (b == std::string::npos) continue;
    std::string stripped = line->substr(b);
    while (!stripped.empty() && std::isspace(static_cast<unsigned char>(stripped.back()))) stripped.pop_back();
    out += prefix + "    " + stripped + "\n";
    vm::Location loc = code->co->location_at(tb->lasti);
    if (loc.lineno == tb->lineno) {
      std::string carets = caret_line(*line, loc.col_offset, loc.end_col_offset, loc.end_lineno != loc.lineno);
      if (!carets.empty()) out += prefix + carets;
    }
  }
  flush_repeats();
}

// "module.Qualname" of an exception type, builtins unqualified.
std::string exception_type_name(ThreadState* ts, Type* t) {
  Ref qual = Ref::steal(type_qualname(ts, t));
  Ref mod = Ref::steal(type_module(ts, t));
  runtime::clear_exception(ts);
  std::string q = qual && is_str(qual.get()) ? std::string(str_view(ts, qual.get())) : type_name(t);
  if (!mod || !is_str(mod.get())) return "<unknown>." + q;
  std::string m(str_view(ts, mod.get()));
  if (m == "builtins" || m == "__main__") return q;
  return m + "." + q;
}

// ---------------------------------------------------------------------------
// "Did you mean" suggestions for NameError / AttributeError (CPython 3.11's
// algorithm: a Levenshtein distance where a case flip costs 1 and any other
// edit 2, accepting at most a third of the characters changed).
// ---------------------------------------------------------------------------
constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if ('A' <= b && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::vector<size_t> buffer(a.size());
  for (size_t i = 0; i < a.size(); ++i) buffer[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      size_t substitute = distance + substitution_cost(b[bi], a[i]);
      distance = buffer[i];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[i] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

std::string best_suggestion(const std::vector<std::string>& candidates, const std::string& name) {
  if (candidates.size() > kMaxCandidates) return "";
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const std::string& item : candidates) {
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(name, item, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = item;
      best_distance = d;
    }
  }
  return best;
}

std::vector<std::string> str_items(ThreadState* ts, Object* iterable) {
  std::vector<std::string> out;
  Ref l = Ref::steal(iterable ? sequence_list(ts, iterable) : nullptr);
  runtime::clear_exception(ts);
  if (!l) return out;
  for (int64_t i = 0; i < list_size(l.get()); ++i)
    if (is_str(list_items(l.get())[i])) out.emplace_back(str_view(ts, list_items(l.get())[i]));
  return out;
}

// The " Did you mean: 'x'?" suffix for an exception, or "".
std::string suggestion_for(ThreadState* ts, Object* exc) {
  auto* e = as_exception(exc);
  Object* name = e->f1;
  if (!name || !is_str(name)) return "";
  std::string n(str_view(ts, name));
  std::string found;
  if (is_instance_of(exc, &exc::NameError)) {
    Object* tb = e->traceback;
    while (tb && static_cast<Traceback*>(tb)->next) tb = static_cast<Traceback*>(tb)->next;
    if (!tb) return "";
    auto* code = vm::as_code(static_cast<Traceback*>(tb)->code);
    found = best_suggestion(code->co->varnames, n);
    Object* frame = static_cast<Traceback*>(tb)->frame;
    if (found.empty() && frame) {
      Ref g = Ref::steal(lookup_attr(ts, frame, Ref::steal(str_intern_cstr(ts, "f_globals")).get()));
      runtime::clear_exception(ts);
      found = best_suggestion(str_items(ts, g.get()), n);
      if (found.empty()) {
        Ref b = Ref::steal(lookup_attr(ts, frame, Ref::steal(str_intern_cstr(ts, "f_builtins")).get()));
        runtime::clear_exception(ts);
        found = best_suggestion(str_items(ts, b.get()), n);
      }
    }
  } else if (is_instance_of(exc, &exc::AttributeError) && e->f2) {
    Ref dir = Ref::steal(lookup_special(ts, e->f2, Ref::steal(str_intern_cstr(ts, "__dir__")).get()));
    Ref names = Ref::steal(dir ? call(ts, dir.get(), nullptr, 0) : nullptr);
    runtime::clear_exception(ts);
    found = best_suggestion(str_items(ts, names.get()), n);
  }
  return found.empty() ? "" : ". Did you mean: '" + found + "'?";
}

// Printing state of exception groups (CPython's exception_print_context):
// nested groups indent by two columns per level and draw a `| ` margin.
struct PrintContext {
  int depth = 0;
  bool need_close = false;
  std::vector<Object*> seen;
};
constexpr int kGroupMaxWidth = 15;
constexpr int kGroupMaxDepth = 10;

std::string indent_of(const PrintContext& ctx) { return std::string(static_cast<size_t>(2 * ctx.depth), ' '); }
std::string margin_of(const PrintContext& ctx) { return indent_of(ctx) + (ctx.depth ? "| " : ""); }

// Prefixes every line of `text` with `prefix`.
std::string prefixed(const std::string& text, const std::string& prefix) {
  if (prefix.empty()) return text;
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    out += prefix + text.substr(pos, end - pos);
    pos = end;
  }
  return out;
}

void format_single(ThreadState* ts, Object* exc, LineCache& cache, std::string& out, PrintContext& ctx) {
  std::string prefix = margin_of(ctx);
  Object* tb = exception_get_traceback_borrowed(exc);
  if (tb) {
    bool group = is_instance_of(exc, &exc::BaseExceptionGroup);
    std::string header_margin = group && ctx.depth == 1 ? indent_of(ctx) + "+ " : prefix;
    out += header_margin + (group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
    format_frames(tb, cache, out, prefix);
  }
  Type* t = exc->ob_type;
  if (is_subtype(t, &exc::SyntaxError)) {
    auto* e = as_exception(exc);
    frontend::SyntaxErrorInfo info;
    info.type = exception_type_name(ts, t);
    Ref msg = Ref::steal(str(ts, e->f1 ? e->f1 : py_none()));
    runtime::clear_exception(ts);
    info.msg = msg ? std::string(str_view(ts, msg.get())) : "";
    if (e->f2 && is_str(e->f2)) info.filename = std::string(str_view(ts, e->f2));
    else info.filename = "<string>";
    auto as_int = [](Object* o) { return o && is_int(o) ? static_cast<int>(int_small_value(o)) : 0; };
    info.lineno = as_int(e->f3);
    info.offset = as_int(e->f4);
    info.end_lineno = as_int(e->f6);
    info.end_offset = as_int(e->f7);
    if (e->f5 && is_str(e->f5)) {
      info.text = std::string(str_view(ts, e->f5));
      info.has_text = true;
    }
    if (e->f3 && is_int(e->f3)) {
      out += prefixed(frontend::format_syntax_error(info), prefix);
      return;
    }
  }
  std::string name = exception_type_name(ts, t);
  Ref s = Ref::steal(str(ts, exc));
  std::string msg;
  if (!s) {
    runtime::clear_exception(ts);
    msg = "<exception str() failed>";
  } else {
    msg = std::string(str_view(ts, s.get()));
  }
  if (is_instance_of(exc, &exc::NameError) || is_instance_of(exc, &exc::AttributeError)) msg += suggestion_for(ts, exc);
  out += prefixed(msg.empty() ? name + "\n" : name + ": " + msg + "\n", prefix);
  // __notes__
  Ref notes_name = Ref::steal(str_intern_cstr(ts, "__notes__"));
  Ref notes = Ref::steal(lookup_attr(ts, exc, notes_name.get()));
  runtime::clear_exception(ts);
  if (notes && is_list(notes.get())) {
    for (int64_t i = 0; i < list_size(notes.get()); ++i) {
      Ref n = Ref::steal(str(ts, list_items(notes.get())[i]));
      runtime::clear_exception(ts);
      if (n) out += prefixed(std::string(str_view(ts, n.get())) + "\n", prefix);
    }
  } else if (notes) {
    Ref n = Ref::steal(repr(ts, notes.get()));
    runtime::clear_exception(ts);
    if (n) out += prefixed(std::string(str_view(ts, n.get())) + "\n", prefix);
  }
}

void format_recursive(ThreadState* ts, Object* exc, LineCache& cache, std::string& out, PrintContext& ctx);

// An exception group: itself, then each sub-exception in a numbered box.
void format_group(ThreadState* ts, Object* exc, LineCache& cache, std::string& out, PrintContext& ctx) {
  if (ctx.depth > kGroupMaxDepth) {
    out += margin_of(ctx) + "... (max_group_depth is " + std::to_string(kGroupMaxDepth) + ")\n";
    return;
  }
  bool top = ctx.depth == 0;
  if (top) ctx.depth = 1;
  format_single(ts, exc, cache, out, ctx);
  Object* excs = as_exception(exc)->f2;
  int64_t num = excs ? tuple_size(excs) : 0;
  int64_t n = num <= kGroupMaxWidth ? num : kGroupMaxWidth + 1;
  ctx.need_close = false;
  for (int64_t i = 0; i < n; ++i) {
    bool last = i == n - 1;
    if (last) ctx.need_close = true;
    bool truncated = i >= kGroupMaxWidth;
    out += indent_of(ctx) + (i == 0 ? "+-" : "  ") + "+---------------- " + (truncated ? std::string("...") : std::to_string(i + 1)) +
           " ----------------\n";
    ctx.depth += 1;
    if (!truncated) {
      format_recursive(ts, tuple_items(excs)[i], cache, out, ctx);
    } else {
      int64_t remaining = num - kGroupMaxWidth;
      out += margin_of(ctx) + "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n";
    }
    if (last && ctx.need_close) {
      out += indent_of(ctx) + "+------------------------------------\n";
      ctx.need_close = false;
    }
    ctx.depth -= 1;
  }
  if (top) ctx.depth = 0;
}

// Chained causes and contexts first (each once), then the exception.
void format_recursive(ThreadState* ts, Object* exc, LineCache& cache, std::string& out, PrintContext& ctx) {
  ctx.seen.push_back(exc);
  auto* e = as_exception(exc);
  auto unseen = [&](Object* o) { return o && std::find(ctx.seen.begin(), ctx.seen.end(), o) == ctx.seen.end(); };
  std::string margin = margin_of(ctx);
  auto blank = margin.empty() ? std::string("\n") : margin + "\n";
  if (e->cause && unseen(e->cause)) {
    format_recursive(ts, e->cause, cache, out, ctx);
    out += blank + margin + "The above exception was the direct cause of the following exception:\n" + blank;
  } else if (!e->suppress_context && e->context && unseen(e->context)) {
    format_recursive(ts, e->context, cache, out, ctx);
    out += blank + margin + "During handling of the above exception, another exception occurred:\n" + blank;
  }
  if (is_instance_of(exc, &exc::BaseExceptionGroup)) format_group(ts, exc, cache, out, ctx);
  else format_single(ts, exc, cache, out, ctx);
}

}  // namespace

std::string format_exception(ThreadState* ts, Object* exc) {
  LineCache cache;
  std::string out;
  PrintContext ctx;
  format_recursive(ts, exc, cache, out, ctx);
  return out;
}

void print_exception(ThreadState* ts, Object* exc) {
  std::string text = format_exception(ts, exc);
  Object* sys = ts->interp->sys;
  Ref err = Ref::steal(sys ? lookup_attr(ts, sys, ts->id->stderr) : nullptr);
  runtime::clear_exception(ts);
  if (err && !is_none(err.get())) {
    Ref s = Ref::steal(str_from(ts, text));
    if (s) {
      Object* a = s.get();
      Ref r = Ref::steal(call_method(ts, err.get(), ts->id->write, &a, 1));
      Ref f = Ref::steal(call_method(ts, err.get(), ts->id->flush, nullptr, 0));
      if (r) {
        runtime::clear_exception(ts);
        return;
      }
    }
    runtime::clear_exception(ts);
  }
  ssize_t w = ::write(2, text.data(), text.size());
  (void)w;
}

void init_traceback_type(Type& t) {
  t.name = "traceback";
  t.basicsize = sizeof(Traceback);
  t.flags = kTypeHaveGC;
  t.dealloc = tb_dealloc;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    auto* tb = static_cast<Traceback*>(o);
    for (Object* c : {tb->next, tb->frame, tb->code})
      if (c && visit(c, arg)) return 1;
    return 0;
  };
  t.clear = [](Object* o) {
    auto* tb = static_cast<Traceback*>(o);
    clear_ref(tb->next);
    clear_ref(tb->frame);
    return 0;
  };
  t.getsets = tb_getsets;
}

}  // namespace spindle::objects
