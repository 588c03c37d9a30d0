// The builtins module: builtin functions (each declaring its parameters once
// through objects/args.h), the builtin types and the exception classes.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "modules/import.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "vm/code_object.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/interpreter.h"

namespace spindle::objects {
extern Type range_type, enumerate_type, zip_type, map_type, filter_type, reversed_type;
}

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

Object* b_abs(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return number_absolute(ts, a[0]); }

Object* all_any(ThreadState* ts, Object* iterable, bool want) {
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return nullptr;
  while (Object* v = iter_next(ts, it.get())) {
    int t = is_true(ts, v);
    decref(v);
    if (t < 0) return nullptr;
    if (t == want) return py_bool(want);
  }
  if (runtime::has_exception(ts)) return nullptr;
  return py_bool(!want);
}
Object* b_all(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return all_any(ts, a[0], false); }
Object* b_any(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return all_any(ts, a[0], true); }
Object* b_ascii(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return ascii(ts, a[0]); }

Object* based(ThreadState* ts, Object* x, int base, const char* prefix) {
  Ref i = Ref::steal(number_index(ts, x));
  if (!i) return nullptr;
  std::string digits = int_to_string_base(i.get(), base);
  bool neg = digits[0] == '-';
  if (neg) digits.erase(0, 1);
  return str_from(ts, std::string(neg ? "-" : "") + prefix + digits);
}
Object* b_bin(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return based(ts, a[0], 2, "0b"); }
Object* b_oct(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return based(ts, a[0], 8, "0o"); }
Object* b_hex(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return based(ts, a[0], 16, "0x"); }
Object* b_callable(ThreadState*, Object*, Object* const* a, size_t, Object*) { return py_bool(is_callable(a[0])); }

Object* b_chr(ThreadState* ts, Object*, Object* const* a, size_t, Object*) {
  if (!a[0]->ob_type->nb_index) {
    return raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]->ob_type));
  }
  int64_t v = as_ssize(ts, a[0], nullptr);
  if (v == -1 && runtime::has_exception(ts)) return nullptr;
  if (v < 0 || v > 0x10FFFF) return raise(ts, &exc::ValueError, "chr() arg not in range(0x110000)");
  return str_from_char(ts, static_cast<uint32_t>(v));
}

Object* b_ord(ThreadState* ts, Object*, Object* const* a, size_t, Object*) {
  Object* c = a[0];
  if (is_str(c)) {
    if (str_length(c) != 1) {
      return raise_format(ts, &exc::TypeError, "ord() expected a character, but string of length %zu found", str_length(c));
    }
    return int_from_i64(ts, str_char_at(c, 0));
  }
  if (is_bytes(c) || is_bytearray(c)) {
    std::string_view s = byteslike_view(c);
    if (s.size() != 1) return raise_format(ts, &exc::TypeError, "ord() expected a character, but string of length %zu found", s.size());
    return int_from_i64(ts, static_cast<unsigned char>(s[0]));
  }
  return raise_format(ts, &exc::TypeError, "ord() expected string of length 1, but %s found", type_name(c->ob_type));
}

// The source text of compile()/exec()/eval(): a str, bytes, or code.
bool source_text(ThreadState* ts, Object* src, const char* fname, std::string* out) {
  if (is_str(src)) {
    *out = std::string(str_view(ts, src));
    return true;
  }
  if (is_bytes(src) || is_bytearray(src)) {
    *out = std::string(byteslike_view(src));
    return true;
  }
  raise_format(ts, &exc::TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  return false;
}

Object* b_compile(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"source", ParamKind::PositionalOrKeyword, kRequired},
                                      {"filename", ParamKind::PositionalOrKeyword, kRequired},
                                      {"mode", ParamKind::PositionalOrKeyword, kRequired},
                                      {"flags", ParamKind::PositionalOrKeyword, kOptional},
                                      {"dont_inherit", ParamKind::PositionalOrKeyword, kOptional},
                                      {"optimize", ParamKind::PositionalOrKeyword, kOptional},
                                      {"_feature_version", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("compile", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  if (vm::is_code(av[0])) return new_ref(av[0]);
  std::string text;
  if (!source_text(ts, av[0], "compile", &text)) return nullptr;
  if (!is_str(av[2])) return raise(ts, &exc::TypeError, "compile() mode must be str");
  std::string mode(str_view(ts, av[2]));
  if (mode != "exec" && mode != "eval" && mode != "single") {
    return raise(ts, &exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  Ref fname = Ref::steal(str(ts, av[1]));
  if (!fname) return nullptr;
  return vm::compile_to_code(ts, text, std::string(str_view(ts, fname.get())), mode);
}

// The namespaces exec()/eval() run in: explicit ones, or the caller's.
bool namespaces(ThreadState* ts, Object* g, Object* l, const char* fname, Object** globals, Object** locals) {
  if (g && is_none(g)) g = nullptr;
  if (l && is_none(l)) l = nullptr;
  if (g && !is_dict(g)) {
    raise_format(ts, &exc::TypeError, "%s() globals must be a dict, not %s", fname, type_name(g->ob_type));
    return false;
  }
  if (l && !l->ob_type->mp_subscript) {
    raise_format(ts, &exc::TypeError, "locals must be a mapping");
    return false;
  }
  if (!g) {
    vm::Frame* f = ts->current_frame;
    if (!f) {
      raise(ts, &exc::SystemError, "no current frame");
      return false;
    }
    g = f->globals;
    if (!l) l = f->locals ? f->locals : g;
  } else if (!l) {
    l = g;
  }
  if (!dict_get_item_borrowed(ts, g, ts->id->dunder_builtins)) {
    if (runtime::has_exception(ts) || dict_set_item(ts, g, ts->id->dunder_builtins, ts->interp->builtins) < 0) return false;
  }
  *globals = g;
  *locals = l;
  return true;
}

Object* exec_or_eval(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, bool is_eval) {
  static constexpr Param kParams[] = {{"source", ParamKind::PositionalOnly, kRequired},
                                      {"globals", ParamKind::PositionalOrKeyword, kOptional},
                                      {"locals", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kEval("eval", kParams);
  static constexpr Signature kExec("exec", kParams);
  ArgValues av;
  if (parse_args(ts, is_eval ? kEval : kExec, args, nargs, kwnames, av) < 0) return nullptr;
  Object *g, *l;
  if (!namespaces(ts, av[1], av[2], is_eval ? "eval" : "exec", &g, &l)) return nullptr;
  Ref code;
  if (vm::is_code(av[0])) {
    code = Ref::borrow(av[0]);
  } else {
    std::string text;
    if (!source_text(ts, av[0], is_eval ? "eval" : "exec", &text)) return nullptr;
    if (is_eval) {
      size_t b = text.find_first_not_of(" \t");
      text = b == std::string::npos ? "" : text.substr(b);
    }
    code = Ref::steal(vm::compile_to_code(ts, text, "<string>", is_eval ? "eval" : "exec"));
    if (!code) return nullptr;
  }
  Object* r = vm::eval_code(ts, code.get(), g, l);
  if (!r || is_eval) return r;
  decref(r);
  return py_none();
}
Object* b_exec(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) { return exec_or_eval(ts, a, n, k, false); }
Object* b_eval(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) { return exec_or_eval(ts, a, n, k, true); }

Object* b_globals(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  if (!ts->current_frame) return raise(ts, &exc::SystemError, "no current frame");
  return new_ref(ts->current_frame->globals);
}

// locals(): the locals mapping, or a snapshot of a function's fast locals.
Object* b_locals(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  vm::Frame* f = ts->current_frame;
  if (!f) return raise(ts, &exc::SystemError, "no current frame");
  if (f->locals) return new_ref(f->locals);
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  vm::CodeObj* code = f->code;
  for (int i = 0; i < code->nlocalsplus; ++i) {
    Object* v = f->localsplus[i];
    if (!v) continue;
    uint8_t kind = code->co->localsplus_kinds[static_cast<size_t>(i)];
    if (kind & (vm::CO_FAST_CELL | vm::CO_FAST_FREE)) {
      if (v->ob_type != &vm::cell_type) {
        if (kind & vm::CO_FAST_FREE) continue;
      } else {
        v = static_cast<vm::Cell*>(v)->ref;
        if (!v) continue;
      }
    }
    if (dict_set_item(ts, d.get(), tuple_items(code->localsplus)[i], v) < 0) return nullptr;
  }
  return d.release();
}

Object* b_vars(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "vars", n, k, 0, 1) < 0) return nullptr;
  if (n == 0) return b_locals(ts, self, a, n, k);
  Object* d = lookup_attr(ts, a[0], ts->id->dunder_dict);
  if (!d && !runtime::has_exception(ts)) raise(ts, &exc::TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

Object* b_dir(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "dir", n, k, 0, 1) < 0) return nullptr;
  Ref names;
  if (n == 0) {
    Ref l = Ref::steal(b_locals(ts, self, a, 0, nullptr));
    if (!l) return nullptr;
    names = Ref::steal(dict_keys_list(ts, l.get()));
  } else {
    Ref meth = Ref::steal(lookup_special(ts, a[0], Ref::steal(str_intern_cstr(ts, "__dir__")).get()));
    if (!meth) return runtime::has_exception(ts) ? nullptr : raise(ts, &exc::TypeError, "object does not provide __dir__");
    Ref r = Ref::steal(call(ts, meth.get(), nullptr, 0));
    if (!r) return nullptr;
    names = Ref::steal(sequence_list(ts, r.get()));
  }
  if (!names || list_sort(ts, names.get(), nullptr, false) < 0) return nullptr;
  return names.release();
}

Object* b_divmod(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "divmod", n, k, 2, 2) < 0) return nullptr;
  return number_divmod(ts, a[0], a[1]);
}

Object* b_format(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "format", n, k, 1, 2) < 0) return nullptr;
  if (n > 1 && !is_str(a[1])) {
    return raise_format(ts, &exc::TypeError, "format() argument 2 must be str, not %s", type_name(a[1]->ob_type));
  }
  Ref spec = Ref::steal(n > 1 ? new_ref(a[1]) : str_empty());
  return format(ts, a[0], spec.get());
}

Object* b_getattr(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "getattr", n, k, 2, 3) < 0) return nullptr;
  if (!is_str(a[1])) return raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", type_name(a[1]->ob_type));
  if (n == 3) {
    Object* v = lookup_attr(ts, a[0], a[1]);
    if (v || runtime::has_exception(ts)) return v;
    return new_ref(a[2]);
  }
  return get_attr(ts, a[0], a[1]);
}
Object* b_hasattr(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "hasattr", n, k, 2, 2) < 0) return nullptr;
  if (!is_str(a[1])) return raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", type_name(a[1]->ob_type));
  Object* v = lookup_attr(ts, a[0], a[1]);
  if (v) {
    decref(v);
    return py_true();
  }
  return runtime::has_exception(ts) ? nullptr : py_false();
}
Object* b_setattr(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "setattr", n, k, 3, 3) < 0) return nullptr;
  if (!is_str(a[1])) return raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", type_name(a[1]->ob_type));
  if (set_attr(ts, a[0], a[1], a[2]) < 0) return nullptr;
  return py_none();
}
Object* b_delattr(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "delattr", n, k, 2, 2) < 0) return nullptr;
  if (!is_str(a[1])) return raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", type_name(a[1]->ob_type));
  if (del_attr(ts, a[0], a[1]) < 0) return nullptr;
  return py_none();
}
Object* b_hash(ThreadState* ts, Object*, Object* const* a, size_t, Object*) {
  int64_t h = hash(ts, a[0]);
  return h == -1 && runtime::has_exception(ts) ? nullptr : int_from_i64(ts, h);
}
Object* b_id(ThreadState* ts, Object*, Object* const* a, size_t, Object*) {
  return int_from_u64(ts, reinterpret_cast<uintptr_t>(a[0]));
}

Object* b_input(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "input", n, k, 0, 1) < 0) return nullptr;
  Object* sys = ts->interp->sys;
  Ref out = Ref::steal(lookup_attr(ts, sys, ts->id->stdout));
  if (n && out) {
    Ref p = Ref::steal(str(ts, a[0]));
    if (!p) return nullptr;
    Object* pa = p.get();
    Ref w = Ref::steal(call_method(ts, out.get(), ts->id->write, &pa, 1));
    if (!w) return nullptr;
  }
  if (out) {
    Ref f = Ref::steal(call_method(ts, out.get(), ts->id->flush, nullptr, 0));
    if (!f) return nullptr;
  }
  Ref in = Ref::steal(lookup_attr(ts, sys, ts->id->stdin));
  if (!in) return runtime::has_exception(ts) ? nullptr : raise(ts, &exc::RuntimeError, "input(): lost sys.stdin");
  Ref line = Ref::steal(call_method(ts, in.get(), Ref::steal(str_intern_cstr(ts, "readline")).get(), nullptr, 0));
  if (!line) return nullptr;
  if (!is_str(line.get())) return raise(ts, &exc::TypeError, "object.readline() returned non-string");
  size_t len = str_length(line.get());
  if (len == 0) return raise(ts, &exc::EOFError, "EOF when reading a line");
  if (str_char_at(line.get(), static_cast<int64_t>(len) - 1) == '\n') return str_substr(ts, line.get(), 0, static_cast<int64_t>(len) - 1);
  return line.release();
}

Object* b_isinstance(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "isinstance", n, k, 2, 2) < 0) return nullptr;
  int r = is_instance(ts, a[0], a[1]);
  return r < 0 ? nullptr : py_bool(r);
}
Object* b_issubclass(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "issubclass", n, k, 2, 2) < 0) return nullptr;
  int r = is_subclass(ts, a[0], a[1]);
  return r < 0 ? nullptr : py_bool(r);
}
Object* b_iter(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "iter", n, k, 1, 2) < 0) return nullptr;
  if (n == 1) return get_iter(ts, a[0]);
  if (!is_callable(a[0])) return raise(ts, &exc::TypeError, "iter(v, w): v must be callable");
  return callable_iter_new(ts, a[0], a[1]);
}
Object* b_next(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "next", n, k, 1, 2) < 0) return nullptr;
  if (!a[0]->ob_type->iternext) {
    return raise_format(ts, &exc::TypeError, "'%s' object is not an iterator", type_name(a[0]->ob_type));
  }
  Object* v = a[0]->ob_type->iternext(ts, a[0]);
  if (v) return v;
  if (runtime::has_exception(ts)) {
    if (n == 2 && runtime::exception_matches(ts, &exc::StopIteration)) {
      runtime::clear_exception(ts);
      return new_ref(a[1]);
    }
    return nullptr;
  }
  if (n == 2) return new_ref(a[1]);
  return runtime::raise_object(ts, &exc::StopIteration);
}
Object* b_len(ThreadState* ts, Object*, Object* const* a, size_t, Object*) {
  int64_t n = length(ts, a[0]);
  return n < 0 ? nullptr : int_from_i64(ts, n);
}

Object* min_max(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, bool is_max) {
  const char* name = is_max ? "max" : "min";
  size_t nkw = kwnames_count(kwnames);
  Object* key = nullptr;
  Object* dflt = nullptr;
  for (size_t i = 0; i < nkw; ++i) {
    Object* kn = tuple_items(kwnames)[i];
    if (str_equal_cstr(kn, "key")) key = args[nargs + i];
    else if (str_equal_cstr(kn, "default")) dflt = args[nargs + i];
    else return raise_format(ts, &exc::TypeError, "'%s' is an invalid keyword argument for %s()", std::string(str_view(ts, kn)).c_str(), name);
  }
  if (key && is_none(key)) key = nullptr;
  if (nargs == 0) return raise_format(ts, &exc::TypeError, "%s expected at least 1 argument, got 0", name);
  // Several positional arguments are the items themselves (no tuple, no iterator).
  if (nargs > 1 && dflt) {
    return raise_format(ts, &exc::TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
  }
  Ref it;
  if (nargs == 1 && !(it = Ref::steal(get_iter(ts, args[0])))) return nullptr;
  size_t pos = 0;
  auto next_item = [&]() -> Object* {
    if (!it) return pos < nargs ? new_ref(args[pos++]) : nullptr;
    return iter_next(ts, it.get());
  };
  Ref best, best_key;
  while (Object* v = next_item()) {
    Ref item = Ref::steal(v);
    Ref k = key ? Ref::steal(call(ts, key, &v, 1)) : Ref::borrow(v);
    if (!k) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(k);
      continue;
    }
    int better = rich_compare_bool(ts, k.get(), best_key.get(), is_max ? CompareOp::Gt : CompareOp::Lt);
    if (better < 0) return nullptr;
    if (better) {
      best = std::move(item);
      best_key = std::move(k);
    }
  }
  if (runtime::has_exception(ts)) return nullptr;
  if (!best) {
    if (dflt) return new_ref(dflt);
    return raise_format(ts, &exc::ValueError, "%s() arg is an empty sequence", name);
  }
  return best.release();
}
Object* b_max(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) { return min_max(ts, a, n, k, true); }
Object* b_min(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) { return min_max(ts, a, n, k, false); }

Object* b_pow(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"base", ParamKind::PositionalOrKeyword, kRequired},
                                      {"exp", ParamKind::PositionalOrKeyword, kRequired},
                                      {"mod", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("pow", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return number_power(ts, av[0], av[1], av.has(2) ? av[2] : py_none());
}

Object* b_print(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames_count(kwnames);
  Object *sep = nullptr, *end = nullptr, *file = nullptr, *flush = nullptr;
  for (size_t i = 0; i < nkw; ++i) {
    Object* k = tuple_items(kwnames)[i];
    Object* v = args[nargs + i];
    if (str_equal_cstr(k, "sep")) sep = v;
    else if (str_equal_cstr(k, "end")) end = v;
    else if (str_equal_cstr(k, "file")) file = v;
    else if (str_equal_cstr(k, "flush")) flush = v;
    else return raise_format(ts, &exc::TypeError, "'%s' is an invalid keyword argument for print()", std::string(str_view(ts, k)).c_str());
  }
  if (sep && !is_none(sep) && !is_str(sep)) return raise_format(ts, &exc::TypeError, "sep must be None or a string, not %s", type_name(sep->ob_type));
  if (end && !is_none(end) && !is_str(end)) return raise_format(ts, &exc::TypeError, "end must be None or a string, not %s", type_name(end->ob_type));
  Ref out;
  if (!file || is_none(file)) {
    out = Ref::steal(lookup_attr(ts, ts->interp->sys, ts->id->stdout));
    if (!out) return runtime::has_exception(ts) ? nullptr : raise(ts, &exc::RuntimeError, "lost sys.stdout");
    if (is_none(out.get())) return py_none();
  } else {
    out = Ref::borrow(file);
  }
  StrBuilder b;
  for (size_t i = 0; i < nargs; ++i) {
    if (i) {
      if (sep && !is_none(sep)) b.append_str(ts, sep);
      else b.append(" ");
    }
    Ref s = Ref::steal(str(ts, args[i]));
    if (!s) return nullptr;
    b.append_str(ts, s.get());
  }
  if (end && !is_none(end)) b.append_str(ts, end);
  else b.append("\n");
  Ref text = Ref::steal(b.finish(ts));
  if (!text) return nullptr;
  Object* a = text.get();
  Ref w = Ref::steal(call_method(ts, out.get(), ts->id->write, &a, 1));
  if (!w) return nullptr;
  if (flush) {
    int t = is_true(ts, flush);
    if (t < 0) return nullptr;
    if (t) {
      Ref f = Ref::steal(call_method(ts, out.get(), ts->id->flush, nullptr, 0));
      if (!f) return nullptr;
    }
  }
  return py_none();
}

Object* b_repr(ThreadState* ts, Object*, Object* const* a, size_t, Object*) { return repr(ts, a[0]); }

Object* b_round(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"number", ParamKind::PositionalOrKeyword, kRequired},
                                      {"ndigits", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("round", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref meth = Ref::steal(lookup_special(ts, av[0], Ref::steal(str_intern_cstr(ts, "__round__")).get()));
  if (!meth) {
    if (runtime::has_exception(ts)) return nullptr;
    return raise_format(ts, &exc::TypeError, "type %s doesn't define __round__ method", type_name(av[0]->ob_type));
  }
  if (av.has(1) && !is_none(av[1])) {
    Object* nd = av[1];
    return call(ts, meth.get(), &nd, 1);
  }
  return call(ts, meth.get(), nullptr, 0);
}

Object* b_sorted(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs != 1) return raise_format(ts, &exc::TypeError, "sorted expected 1 argument, got %zu", nargs);
  Ref l = Ref::steal(sequence_list(ts, args[0]));
  if (!l) return nullptr;
  Ref sort = Ref::steal(get_attr_str(ts, l.get(), "sort"));
  if (!sort) return nullptr;
  Ref r = Ref::steal(call(ts, sort.get(), args + 1, 0, kwnames));
  if (!r) return nullptr;
  return l.release();
}

Object* b_sum(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOnly, kRequired},
                                      {"start", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("sum", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref total = Ref::steal(av.has(1) ? new_ref(av[1]) : int_from_i64(ts, 0));
  if (av.has(1)) {
    if (is_str(av[1])) return raise(ts, &exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(av[1])) return raise(ts, &exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_bytearray(av[1])) return raise(ts, &exc::TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Ref it = Ref::steal(get_iter(ts, av[0]));
  if (!it) return nullptr;
  // Exact float sums use compensated (Neumaier) summation, as CPython 3.12...
  // 3.11 adds plainly: follow 3.11.
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    Object* r = number_add(ts, total.get(), v);
    if (!r) return nullptr;
    total = Ref::steal(r);
  }
  if (runtime::has_exception(ts)) return nullptr;
  return total.release();
}

Object* b_import(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"name", ParamKind::PositionalOrKeyword, kRequired},
                                      {"globals", ParamKind::PositionalOrKeyword, kOptional},
                                      {"locals", ParamKind::PositionalOrKeyword, kOptional},
                                      {"fromlist", ParamKind::PositionalOrKeyword, kOptional},
                                      {"level", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("__import__", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t level = av.has(4) ? as_ssize(ts, av[4], nullptr) : 0;
  if (level == -1 && runtime::has_exception(ts)) return nullptr;
  Object* globals = av.has(1) && is_dict(av[1]) ? av[1] : nullptr;
  Object* fromlist = av.has(3) ? av[3] : py_none();
  if (!is_str(av[0])) return raise_format(ts, &exc::TypeError, "module name must be str, not %s", type_name(av[0]->ob_type));
  return import_name(ts, av[0], globals, fromlist, static_cast<int>(level));
}

Object* b_aiter(ThreadState* ts, Object*, Object* const* a, size_t, Object*) {
  UnaryFn f = a[0]->ob_type->am_aiter;
  if (!f) return raise_format(ts, &exc::TypeError, "'%s' object is not an async iterable", type_name(a[0]->ob_type));
  return f(ts, a[0]);
}
Object* b_anext(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  if (check_positional(ts, "anext", n, k, 1, 2) < 0) return nullptr;
  UnaryFn f = a[0]->ob_type->am_anext;
  if (!f) return raise_format(ts, &exc::TypeError, "'%s' object is not an async iterator", type_name(a[0]->ob_type));
  return f(ts, a[0]);
}
Object* b_breakpoint(ThreadState*, Object*, Object* const*, size_t, Object*) { return py_none(); }

Object* b_open(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return open_file(ts, args, nargs, kwnames);
}

Object* b_build_class(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  return vm::build_class(ts, self, a, n, k);
}

const MethodDef builtin_functions[] = {
    {"abs", b_abs, kMethO},
    {"all", b_all, kMethO},
    {"any", b_any, kMethO},
    {"ascii", b_ascii, kMethO},
    {"bin", b_bin, kMethO},
    {"oct", b_oct, kMethO},
    {"hex", b_hex, kMethO},
    {"callable", b_callable, kMethO},
    {"chr", b_chr, kMethO},
    {"ord", b_ord, kMethO},
    {"compile", b_compile, kMethKeywords},
    {"exec", b_exec, kMethKeywords},
    {"eval", b_eval, kMethKeywords},
    {"globals", b_globals, kMethNoArgs},
    {"locals", b_locals, kMethNoArgs},
    {"vars", b_vars, kMethFast},
    {"dir", b_dir, kMethFast},
    {"divmod", b_divmod, kMethFast},
    {"format", b_format, kMethFast},
    {"getattr", b_getattr, kMethFast},
    {"hasattr", b_hasattr, kMethFast},
    {"setattr", b_setattr, kMethFast},
    {"delattr", b_delattr, kMethFast},
    {"hash", b_hash, kMethO},
    {"id", b_id, kMethO},
    {"input", b_input, kMethFast},
    {"isinstance", b_isinstance, kMethFast},
    {"issubclass", b_issubclass, kMethFast},
    {"iter", b_iter, kMethFast},
    {"next", b_next, kMethFast},
    {"len", b_len, kMethO},
    {"max", b_max, kMethKeywords},
    {"min", b_min, kMethKeywords},
    {"pow", b_pow, kMethKeywords},
    {"print", b_print, kMethKeywords},
    {"repr", b_repr, kMethO},
    {"round", b_round, kMethKeywords},
    {"sorted", b_sorted, kMethKeywords},
    {"sum", b_sum, kMethKeywords},
    {"__import__", b_import, kMethKeywords},
    {"__build_class__", b_build_class, kMethKeywords},
    {"aiter", b_aiter, kMethO},
    {"anext", b_anext, kMethFast},
    {"breakpoint", b_breakpoint, kMethKeywords},
    {"open", b_open, kMethKeywords},
    {},
};

}  // namespace

int init_builtins(ThreadState* ts) {
  Object* m = module_new_cstr(ts, "builtins");
  if (!m) return -1;
  ts->interp->builtins = m;
  Object* d = module_dict_borrowed(m);
  ts->interp->builtins_dict = d;
  if (module_add_functions(ts, m, builtin_functions) < 0) return -1;
  struct Entry {
    const char* name;
    Object* value;
  };
  const Entry entries[] = {
      {"None", py_none()},
      {"Ellipsis", py_ellipsis()},
      {"NotImplemented", py_not_implemented()},
      {"True", py_true()},
      {"False", py_false()},
      {"__debug__", py_true()},
      {"object", &object_type},
      {"type", &type_type},
      {"int", &int_type},
      {"bool", &bool_type},
      {"float", &float_type},
      {"complex", &complex_type},
      {"str", &str_type},
      {"bytes", &bytes_type},
      {"bytearray", &bytearray_type},
      {"memoryview", &memoryview_type},
      {"list", &list_type},
      {"tuple", &tuple_type},
      {"dict", &dict_type},
      {"set", &set_type},
      {"frozenset", &frozenset_type},
      {"range", &range_type},
      {"slice", &slice_type},
      {"enumerate", &enumerate_type},
      {"zip", &zip_type},
      {"map", &map_type},
      {"filter", &filter_type},
      {"reversed", &reversed_type},
      {"super", &super_type},
      {"property", &property_type},
      {"classmethod", &classmethod_type},
      {"staticmethod", &staticmethod_type},
#define EXC(Name, Base) {#Name, &exc::Name},
#include "objects/exceptions.def"
#undef EXC
      {"EnvironmentError", &exc::OSError},
      {"IOError", &exc::OSError},
  };
  for (const Entry& e : entries)
    if (dict_set_item_str(ts, d, e.name, e.value) < 0) return -1;
  if (add_site_builtins(ts, d) < 0) return -1;
  return dict_set_item_str(ts, ts->interp->modules, "builtins", m);
}

}  // namespace spindle::modules
