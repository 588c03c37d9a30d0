// The builtins CPython's site module adds: exit and quit (Quitter objects),
// copyright, credits and license (_Printer objects).
//
// In CPython these are instances of two Python classes of the frozen
// _sitebuiltins module, so they are built here the same way: heap classes
// (type() over native method descriptors, __module__ '_sitebuiltins'), one
// pair per interpreter, made when builtins is created. Their state lives in
// the instance __dict__ under CPython's names (name/eof; the name-mangled
// _Printer__name, _Printer__data, _Printer__lines, _Printer__filenames,
// _Printer__linecnt), so subclasses and introspection see what CPython shows.
//
// license: CPython looks for LICENSE.txt / LICENSE beside its standard
// library and falls back to a one-line pointer to the PSF licence page when
// none is installed. Spindle looks in the same places relative to its own
// library directory (lib/ and its parent), so without such a file the repr
// and the call both show the one-line pointer, as CPython does then.
#include <string>
#include <vector>

#include "modules/import.h"
#include "modules/modules.h"
#include "modules/pyargs.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "vm/interpreter.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise_format;

namespace {

constexpr int64_t kMaxLines = 23;  // _Printer.MAXLINES: longer texts page

int set_attr_str(ThreadState* ts, Object* o, const char* name, Object* value) {
  Ref n = Ref::steal(str_intern_cstr(ts, name));
  return n ? set_attr(ts, o, n.get(), value) : -1;
}

// A builtin function of this interpreter (print, input, open): borrowed.
Object* builtin(ThreadState* ts, const char* name) {
  Object* f = dict_get_item_str_borrowed(ts, ts->interp->builtins_dict, name);
  if (!f) raise_format(ts, &exc::NameError, "name '%s' is not defined", name);
  return f;
}

// --- Quitter -------------------------------------------------------------

Object* quitter_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"name", "eof"};
  Object* a[2];
  if (bind_py_args(ts, "Quitter.__init__", args, nargs, kwnames, kParams, 2, 2, a) < 0) return nullptr;
  if (set_attr_str(ts, self, "name", a[0]) < 0 || set_attr_str(ts, self, "eof", a[1]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* quitter_repr(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kwnames) {
  Object* none[1];
  if (bind_py_args(ts, "Quitter.__repr__", nullptr, nargs, kwnames, nullptr, 0, 0, none) < 0) return nullptr;
  Ref name = Ref::steal(get_attr_str(ts, self, "name"));
  if (!name) return nullptr;
  Ref eof = Ref::steal(get_attr_str(ts, self, "eof"));
  if (!eof) return nullptr;
  Ref n = Ref::steal(str(ts, name.get()));
  if (!n) return nullptr;
  Ref e = Ref::steal(str(ts, eof.get()));
  if (!e) return nullptr;
  std::string out = "Use " + std::string(str_view(ts, n.get())) + "() or " + std::string(str_view(ts, e.get())) +
                    " to exit";
  return str_from(ts, out);
}

// exit(code=None): closes sys.stdin (ignoring any error, as IDLE-like shells
// watch for that) and raises SystemExit(code).
Object* quitter_call(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"code"};
  Object* code;
  if (bind_py_args(ts, "Quitter.__call__", args, nargs, kwnames, kParams, 1, 0, &code) < 0) return nullptr;
  if (ts->interp->sys) {
    Ref in = Ref::steal(get_attr_str(ts, ts->interp->sys, "stdin"));
    Ref closed = in ? Ref::steal(call_method(ts, in.get(), Ref::steal(str_intern_cstr(ts, "close")).get(), nullptr, 0))
                    : Ref();
    if (!closed) runtime::clear_exception(ts);
  }
  Object* arg = code ? code : py_none();
  Ref e = Ref::steal(call(ts, &exc::SystemExit, &arg, 1));
  if (!e) return nullptr;
  return runtime::raise_object(ts, e.get());
}

const MethodDef quitter_methods[] = {
    {"__init__", quitter_init, kMethKeywords},
    {"__repr__", quitter_repr, kMethKeywords},
    {"__call__", quitter_call, kMethKeywords},
    {},
};

// --- _Printer ------------------------------------------------------------

// os.path.join(dir, file): two str are joined here (builtins are made before
// sys exists, so the license paths cannot import posixpath); anything else
// goes through posixpath.join for its conversions and errors.
Object* path_join(ThreadState* ts, Ref* join, Object* dir, Object* file) {
  if (is_str(dir) && is_str(file)) {
    std::string_view d = str_view(ts, dir), f = str_view(ts, file);
    if (!f.empty() && f[0] == '/') return new_ref(file);
    std::string out(d);
    if (!out.empty() && out.back() != '/') out += '/';
    return str_from(ts, out + std::string(f));
  }
  if (!*join) {
    Ref pp = Ref::steal(import_module(ts, "posixpath"));
    if (!pp) return nullptr;
    *join = Ref::steal(get_attr_str(ts, pp.get(), "join"));
    if (!*join) return nullptr;
  }
  Object* parts[2] = {dir, file};
  return call(ts, join->get(), parts, 2);
}

Object* printer_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kParams[] = {"name", "data", "files", "dirs"};
  Object* a[4];
  if (bind_py_args(ts, "_Printer.__init__", args, nargs, kwnames, kParams, 4, 2, a) < 0) return nullptr;
  Ref empty = Ref::steal(tuple_new(ts, 0));
  if (!empty) return nullptr;
  Object* files = a[2] ? a[2] : empty.get();
  Object* dirs = a[3] ? a[3] : empty.get();
  // __filenames = [os.path.join(dir, filename) for dir in dirs for filename in files]
  Ref filenames = Ref::steal(list_new(ts, 0));
  if (!filenames) return nullptr;
  Ref join;  // posixpath.join, imported only for arguments other than str
  Ref dit = Ref::steal(get_iter(ts, dirs));
  if (!dit) return nullptr;
  while (Ref dir = Ref::steal(iter_next(ts, dit.get()))) {
    Ref fit = Ref::steal(get_iter(ts, files));
    if (!fit) return nullptr;
    while (Ref file = Ref::steal(iter_next(ts, fit.get()))) {
      Ref joined = Ref::steal(path_join(ts, &join, dir.get(), file.get()));
      if (!joined || list_append(ts, filenames.get(), joined.get()) < 0) return nullptr;
    }
    if (runtime::has_exception(ts)) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  if (set_attr_str(ts, self, "_Printer__name", a[0]) < 0 || set_attr_str(ts, self, "_Printer__data", a[1]) < 0 ||
      set_attr_str(ts, self, "_Printer__lines", py_none()) < 0 ||
      set_attr_str(ts, self, "_Printer__filenames", filenames.get()) < 0)
    return nullptr;
  return new_ref(py_none());
}

// The text of the first readable file (open(..., encoding='utf-8'); OSError
// skips to the next), or nullptr without an exception if none could be read.
Object* read_first_file(ThreadState* ts, Object* filenames) {
  Object* open = builtin(ts, "open");
  if (!open) return nullptr;
  Ref it = Ref::steal(get_iter(ts, filenames));
  if (!it) return nullptr;
  Ref enc = Ref::steal(str_intern_cstr(ts, "encoding"));
  Ref utf8 = Ref::steal(str_from_cstr(ts, "utf-8"));
  if (!enc || !utf8) return nullptr;
  Ref kw = Ref::steal(tuple_pack(ts, {enc.get()}));
  if (!kw) return nullptr;
  while (Ref name = Ref::steal(iter_next(ts, it.get()))) {
    Object* a[2] = {name.get(), utf8.get()};
    Ref f = Ref::steal(call(ts, open, a, 1, kw.get()));
    if (!f) {
      if (!runtime::exception_matches(ts, &exc::OSError)) return nullptr;
      runtime::clear_exception(ts);
      continue;
    }
    Ref text = Ref::steal(call_method(ts, f.get(), Ref::steal(str_intern_cstr(ts, "read")).get(), nullptr, 0));
    Object* pending = text ? nullptr : runtime::fetch_exception(ts);
    Ref closed = Ref::steal(call_method(ts, f.get(), Ref::steal(str_intern_cstr(ts, "close")).get(), nullptr, 0));
    if (pending) {
      runtime::restore_exception(ts, pending);
      if (!runtime::exception_matches(ts, &exc::OSError)) return nullptr;
      runtime::clear_exception(ts);
      continue;
    }
    if (!closed) return nullptr;
    return text.release();
  }
  return nullptr;
}

// __setup: reads the text once (first file found, else the data) and splits
// it into lines. The lines list, borrowed from the instance dict's value
// through a new reference; nullptr with the exception set.
Object* printer_lines(ThreadState* ts, Object* self) {
  Ref lines = Ref::steal(get_attr_str(ts, self, "_Printer__lines"));
  if (!lines) return nullptr;
  int t = is_true(ts, lines.get());
  if (t < 0) return nullptr;
  if (t) return lines.release();
  Ref filenames = Ref::steal(get_attr_str(ts, self, "_Printer__filenames"));
  if (!filenames) return nullptr;
  Ref data = Ref::steal(read_first_file(ts, filenames.get()));
  if (runtime::has_exception(ts)) return nullptr;
  int have = data ? is_true(ts, data.get()) : 0;
  if (have < 0) return nullptr;
  if (!have) {
    data = Ref::steal(get_attr_str(ts, self, "_Printer__data"));
    if (!data) return nullptr;
  }
  Ref nl = Ref::steal(str_from_cstr(ts, "\n"));
  if (!nl) return nullptr;
  Object* sep = nl.get();
  lines = Ref::steal(call_method(ts, data.get(), Ref::steal(str_intern_cstr(ts, "split")).get(), &sep, 1));
  if (!lines) return nullptr;
  int64_t n = length(ts, lines.get());
  if (n < 0) return nullptr;
  Ref cnt = Ref::steal(int_from_i64(ts, n));
  if (!cnt || set_attr_str(ts, self, "_Printer__lines", lines.get()) < 0 ||
      set_attr_str(ts, self, "_Printer__linecnt", cnt.get()) < 0)
    return nullptr;
  return lines.release();
}

Object* printer_repr(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kwnames) {
  Object* none[1];
  if (bind_py_args(ts, "_Printer.__repr__", nullptr, nargs, kwnames, nullptr, 0, 0, none) < 0) return nullptr;
  Ref lines = Ref::steal(printer_lines(ts, self));
  if (!lines) return nullptr;
  int64_t n = length(ts, lines.get());
  if (n < 0) return nullptr;
  if (n <= kMaxLines) {
    Ref nl = Ref::steal(str_from_cstr(ts, "\n"));
    if (!nl) return nullptr;
    Object* arg = lines.get();
    return call_method(ts, nl.get(), Ref::steal(str_intern_cstr(ts, "join")).get(), &arg, 1);
  }
  Ref name = Ref::steal(get_attr_str(ts, self, "_Printer__name"));
  if (!name) return nullptr;
  Ref s = Ref::steal(str(ts, name.get()));
  if (!s) return nullptr;
  std::string nm(str_view(ts, s.get()));
  return str_from(ts, "Type " + nm + "() to see the full " + nm + " text");
}

// Prints the text MAXLINES lines at a time; between pages, input() asks for
// Return (more) or q (stop) until it gets one of them.
Object* printer_call(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kwnames) {
  Object* none[1];
  if (bind_py_args(ts, "_Printer.__call__", nullptr, nargs, kwnames, nullptr, 0, 0, none) < 0) return nullptr;
  Ref lines = Ref::steal(printer_lines(ts, self));
  if (!lines) return nullptr;
  Object* print = builtin(ts, "print");
  if (!print) return nullptr;
  Ref prompt = Ref::steal(str_from_cstr(ts, "Hit Return for more, or q (and Return) to quit: "));
  if (!prompt) return nullptr;
  for (int64_t lineno = 0;; lineno += kMaxLines) {
    for (int64_t i = lineno; i < lineno + kMaxLines; ++i) {
      Ref idx = Ref::steal(int_from_i64(ts, i));
      if (!idx) return nullptr;
      Ref line = Ref::steal(get_item(ts, lines.get(), idx.get()));
      if (!line) {
        if (!runtime::exception_matches(ts, &exc::IndexError)) return nullptr;
        runtime::clear_exception(ts);
        return new_ref(py_none());
      }
      Object* a = line.get();
      if (!Ref::steal(call(ts, print, &a, 1))) return nullptr;
    }
    for (;;) {
      Object* input = builtin(ts, "input");
      if (!input) return nullptr;
      Object* a = prompt.get();
      Ref key = Ref::steal(call(ts, input, &a, 1));
      if (!key) return nullptr;
      if (!is_str(key.get())) continue;
      std::string_view k = str_view(ts, key.get());
      if (k == "q") return new_ref(py_none());
      if (k.empty()) break;
    }
  }
}

const MethodDef printer_methods[] = {
    {"__init__", printer_init, kMethKeywords},
    {"__repr__", printer_repr, kMethKeywords},
    {"__call__", printer_call, kMethKeywords},
    {},
};

// type(name, (object,), {__module__: '_sitebuiltins', __doc__, methods...}).
Object* make_class(ThreadState* ts, const char* name, const MethodDef* methods, const char* doc) {
  Ref ns = Ref::steal(dict_new(ts));
  Ref mod = Ref::steal(str_from_cstr(ts, "_sitebuiltins"));
  if (!ns || !mod || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0) return nullptr;
  Ref d = doc ? Ref::steal(str_from_cstr(ts, doc)) : Ref::borrow(py_none());
  if (!d || dict_set_item_str(ts, ns.get(), "__doc__", d.get()) < 0) return nullptr;
  for (const MethodDef* m = methods; m->name; ++m) {
    Ref descr = Ref::steal(descr_new_method(ts, &object_type, m));
    if (!descr || dict_set_item_str(ts, ns.get(), m->name, descr.get()) < 0) return nullptr;
  }
  Ref n = Ref::steal(str_from_cstr(ts, name));
  Ref bases = Ref::steal(tuple_pack(ts, {&object_type}));
  if (!n || !bases) return nullptr;
  return type_new(ts, &type_type, n.get(), bases.get(), ns.get(), nullptr);
}

Object* instantiate(ThreadState* ts, Object* cls, std::initializer_list<Object*> args) {
  return call(ts, cls, args.begin(), args.size());
}

}  // namespace

const char kCopyrightText[] =
    "Copyright (c) 2001-2023 Python Software Foundation.\n"
    "All Rights Reserved.\n"
    "\n"
    "Copyright (c) 2000 BeOpen.com.\n"
    "All Rights Reserved.\n"
    "\n"
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"
    "All Rights Reserved.\n"
    "\n"
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n"
    "All Rights Reserved.";

int add_site_builtins(ThreadState* ts, Object* builtins_dict) {
  const std::string lib_dir = spindle_lib_dir();
  Ref quitter = Ref::steal(make_class(ts, "Quitter", quitter_methods, nullptr));
  if (!quitter) return -1;
  Ref printer = Ref::steal(make_class(
      ts, "_Printer", printer_methods,
      "interactive prompt objects for printing the license text, a list of\n    contributors and the copyright notice."));
  if (!printer) return -1;
  Ref maxlines = Ref::steal(int_from_i64(ts, kMaxLines));
  if (!maxlines || set_attr_str(ts, printer.get(), "MAXLINES", maxlines.get()) < 0) return -1;

  Ref eof = Ref::steal(str_from_cstr(ts, "Ctrl-D (i.e. EOF)"));
  if (!eof) return -1;
  for (const char* name : {"quit", "exit"}) {
    Ref n = Ref::steal(str_from_cstr(ts, name));
    if (!n) return -1;
    Ref q = Ref::steal(instantiate(ts, quitter.get(), {n.get(), eof.get()}));
    if (!q || dict_set_item_str(ts, builtins_dict, name, q.get()) < 0) return -1;
  }

  struct Text {
    const char* name;
    const char* data;
  };
  const Text texts[] = {
      {"copyright", kCopyrightText},
      {"credits",
       "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
       "    for supporting Python development.  See www.python.org for more information."},
  };
  for (const Text& t : texts) {
    Ref n = Ref::steal(str_from_cstr(ts, t.name));
    Ref d = Ref::steal(str_from_cstr(ts, t.data));
    if (!n || !d) return -1;
    Ref p = Ref::steal(instantiate(ts, printer.get(), {n.get(), d.get()}));
    if (!p || dict_set_item_str(ts, builtins_dict, t.name, p.get()) < 0) return -1;
  }

  // license: LICENSE.txt / LICENSE in the library's parent directory, the
  // library directory, then the current directory (CPython's order).
  Ref n = Ref::steal(str_from_cstr(ts, "license"));
  Ref d = Ref::steal(str_from_cstr(ts, "See https://www.python.org/psf/license/"));
  Ref f1 = Ref::steal(str_from_cstr(ts, "LICENSE.txt"));
  Ref f2 = Ref::steal(str_from_cstr(ts, "LICENSE"));
  if (!n || !d || !f1 || !f2) return -1;
  Ref files = Ref::steal(list_new(ts, 0));
  Ref dirs = Ref::steal(list_new(ts, 0));
  if (!files || !dirs || list_append(ts, files.get(), f1.get()) < 0 || list_append(ts, files.get(), f2.get()) < 0)
    return -1;
  std::vector<std::string> dir_names;
  if (!lib_dir.empty()) dir_names = {lib_dir + "/..", lib_dir};
  dir_names.push_back(".");
  for (const std::string& dn : dir_names) {
    Ref s = Ref::steal(str_from(ts, dn));
    if (!s || list_append(ts, dirs.get(), s.get()) < 0) return -1;
  }
  Ref lic = Ref::steal(instantiate(ts, printer.get(), {n.get(), d.get(), files.get(), dirs.get()}));
  if (!lic || dict_set_item_str(ts, builtins_dict, "license", lic.get()) < 0) return -1;
  return 0;
}

}  // namespace spindle::modules
