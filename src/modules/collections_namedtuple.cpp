// collections.namedtuple: builds a tuple subclass through type() whose
// namespace holds native functions, and the _tuplegetter descriptor its fields
// are read through.
//
// Invariants:
//   * The class's __new__ is a builtin function bound to a "spec" tuple
//     (typename, fields, defaults) fixed at creation, so its messages name the
//     namedtuple ("Point.__new__() missing ...") even when called through a
//     subclass, as CPython's generated __new__ does.
//   * _make, _replace, _asdict, __repr__ and __getnewargs__ are descriptors
//     over tuple shared by every namedtuple class: they read type(self)._fields
//     at call time.
//   * A _tuplegetter owns its doc string; it reads item `index` of any tuple.
#include <cstddef>
#include <string>
#include <vector>

#include "modules/collections_internal.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/frame.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type tuplegetter_type;

namespace {

// --- _tuplegetter -----------------------------------------------------------------

struct TupleGetter : Object {
  int64_t index = 0;
  Object* doc = nullptr;  // owned
};

Object* tg_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  auto* g = static_cast<TupleGetter*>(self);
  if (!obj || is_none(obj)) return new_ref(self);
  if (!is_tuple(obj)) {
    return raise_format(ts, &exc::TypeError,
                        "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                        static_cast<long long>(g->index), tp_name(obj));
  }
  if (g->index >= tuple_size(obj)) return raise(ts, &exc::IndexError, "tuple index out of range");
  return new_ref(tuple_item_borrowed(obj, g->index));
}

int tg_set(ThreadState* ts, Object*, Object*, Object* value) {
  raise(ts, &exc::AttributeError, value ? "can't set attribute" : "can't delete attribute");
  return -1;
}

void tg_dealloc(Object* o) {
  xdecref(static_cast<TupleGetter*>(o)->doc);
  free_object(o);
}

Object* tuplegetter_new(ThreadState* ts, int64_t index) {
  auto* g = static_cast<TupleGetter*>(alloc_object(ts, &tuplegetter_type, sizeof(TupleGetter)));
  if (!g) return nullptr;
  g->index = index;
  g->doc = str_from_format(ts, "Alias for field number %lld", static_cast<long long>(index));
  if (!g->doc) {
    decref(g);
    return nullptr;
  }
  return g;
}

const MemberDef tg_members[] = {
    {"__doc__", MemberKind::ObjectOrNone, offsetof(TupleGetter, doc), false, nullptr},
    {},
};

// --- helpers -------------------------------------------------------------------------

Object* call_named(ThreadState* ts, Object* obj, const char* name, Object* const* args, size_t nargs) {
  Ref fn = Ref::steal(get_attr_str(ts, obj, name));
  if (!fn) return nullptr;
  return call(ts, fn.get(), args, nargs);
}

// type(o)._fields (a new reference; must be a tuple of str).
Object* fields_of_type(ThreadState* ts, Object* cls) {
  Ref f = Ref::steal(get_attr_str(ts, cls, "_fields"));
  if (!f) return nullptr;
  if (!is_tuple(f.get())) return raise(ts, &exc::TypeError, "_fields must be a tuple");
  return f.release();
}

// tuple.__new__(cls, iterable)
Object* make_instance(ThreadState* ts, Object* cls, Object* iterable) {
  if (!is_instance_of(cls, &type_type) || !is_subtype(static_cast<Type*>(cls), &tuple_type)) {
    return raise(ts, &exc::TypeError, "namedtuple class expected");
  }
  return tuple_type.new_(ts, static_cast<Type*>(cls), &iterable, 1, nullptr);
}

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'"
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += (i + 1 == names.size()) ? (names.size() == 2 ? " and " : ", and ") : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

// --- the class's functions ----------------------------------------------------------

// __new__(cls, *fields): bound to the spec tuple (typename, fields, defaults).
Object* nt_new(ThreadState* ts, Object* spec, Object* const* args, size_t nargs, Object* kwnames) {
  std::string qual = std::string(str_view(ts, tuple_item_borrowed(spec, 0))) + ".__new__";
  Object* fields = tuple_item_borrowed(spec, 1);
  Object* defaults = tuple_item_borrowed(spec, 2);
  size_t nf = static_cast<size_t>(tuple_size(fields));
  size_t nd = is_none(defaults) ? 0 : static_cast<size_t>(tuple_size(defaults));
  if (nargs < 1) return raise_format(ts, &exc::TypeError, "%s() missing 1 required positional argument: '_cls'", qual.c_str());
  Object* cls = args[0];
  size_t npos = nargs - 1;
  if (npos > nf) {
    if (nd == 0) {
      return raise_format(ts, &exc::TypeError, "%s() takes %zu positional argument%s but %zu were given", qual.c_str(),
                          nf + 1, nf == 0 ? "" : "s", npos + 1);
    }
    return raise_format(ts, &exc::TypeError, "%s() takes from %zu to %zu positional arguments but %zu were given",
                        qual.c_str(), nf - nd + 1, nf + 1, npos + 1);
  }
  std::vector<Object*> values(nf, nullptr);
  for (size_t i = 0; i < npos; ++i) values[i] = args[1 + i];
  size_t nkw = kwnames_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    Object* name = tuple_items(kwnames)[k];
    size_t i = 0;
    while (i < nf && !str_equal(tuple_item_borrowed(fields, static_cast<int64_t>(i)), name)) ++i;
    if (i == nf) {
      return raise_format(ts, &exc::TypeError, "%s() got an unexpected keyword argument '%s'", qual.c_str(),
                          str_utf8(ts, name));
    }
    if (values[i]) {
      return raise_format(ts, &exc::TypeError, "%s() got multiple values for argument '%s'", qual.c_str(),
                          str_utf8(ts, name));
    }
    values[i] = args[nargs + k];
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < nf; ++i) {
    if (values[i]) continue;
    if (i >= nf - nd) {
      values[i] = tuple_item_borrowed(defaults, static_cast<int64_t>(i - (nf - nd)));
    } else {
      missing.push_back(std::string(str_view(ts, tuple_item_borrowed(fields, static_cast<int64_t>(i)))));
    }
  }
  if (!missing.empty()) {
    return raise_format(ts, &exc::TypeError, "%s() missing %zu required positional argument%s: %s", qual.c_str(),
                        missing.size(), missing.size() == 1 ? "" : "s", name_list(missing).c_str());
  }
  Ref t = Ref::steal(tuple_from_array(ts, values.data(), values.size()));
  if (!t) return nullptr;
  return make_instance(ts, cls, t.get());
}

Object* nt_make(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object*) {
  static const char* const kNames[] = {"iterable"};
  if (check_py_arity(ts, "_make", nargs, 1, 1, kNames) < 0) return nullptr;
  Ref fields = Ref::steal(fields_of_type(ts, cls));
  if (!fields) return nullptr;
  Ref r = Ref::steal(make_instance(ts, cls, args[0]));
  if (!r) return nullptr;
  if (tuple_size(r.get()) != tuple_size(fields.get())) {
    return raise_format(ts, &exc::TypeError, "Expected %lld arguments, got %lld",
                        static_cast<long long>(tuple_size(fields.get())), static_cast<long long>(tuple_size(r.get())));
  }
  return r.release();
}

Object* nt_replace(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs) {
    return raise_format(ts, &exc::TypeError, "%s._replace() takes 1 positional argument but %zu were given",
                        type_name(self->ob_type), nargs + 1);
  }
  Ref fields = Ref::steal(fields_of_type(ts, self->ob_type));
  if (!fields) return nullptr;
  Ref kw = Ref::steal(dict_new(ts));
  if (!kw) return nullptr;
  size_t nkw = kwnames_count(kwnames);
  for (size_t k = 0; k < nkw; ++k)
    if (dict_set_item(ts, kw.get(), tuple_items(kwnames)[k], args[k]) < 0) return nullptr;
  int64_t n = std::min(tuple_size(fields.get()), tuple_size(self));
  Ref values = Ref::steal(list_new(ts, 0));
  if (!values) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    Object* v = nullptr;
    int r = dict_pop(ts, kw.get(), tuple_item_borrowed(fields.get(), i), &v);
    if (r < 0) return nullptr;
    Ref vr = r ? Ref::steal(v) : Ref::borrow(tuple_item_borrowed(self, i));
    if (list_append(ts, values.get(), vr.get()) < 0) return nullptr;
  }
  if (dict_size(kw.get()) > 0) {
    Ref keys = Ref::steal(dict_keys_list(ts, kw.get()));
    std::string r = keys ? repr_utf8(ts, keys.get()) : "?";
    return raise_format(ts, &exc::ValueError, "Got unexpected field names: %s", r.c_str());
  }
  Object* v = values.get();
  return call_named(ts, self, "_make", &v, 1);
}

Object* nt_repr(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref fields = Ref::steal(fields_of_type(ts, self->ob_type));
  if (!fields) return nullptr;
  if (tuple_size(fields.get()) != tuple_size(self)) {
    return raise(ts, &exc::TypeError, tuple_size(fields.get()) > tuple_size(self)
                                          ? "not enough arguments for format string"
                                          : "not all arguments converted during string formatting");
  }
  StrBuilder b;
  b.append(type_name(self->ob_type));
  b.append("(");
  for (int64_t i = 0; i < tuple_size(self); ++i) {
    if (i) b.append(", ");
    b.append_str(ts, tuple_item_borrowed(fields.get(), i));
    b.append("=");
    Ref r = Ref::steal(repr(ts, tuple_item_borrowed(self, i)));
    if (!r) return nullptr;
    b.append_str(ts, r.get());
  }
  b.append(")");
  return b.finish(ts);
}

Object* nt_asdict(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref fields = Ref::steal(fields_of_type(ts, self->ob_type));
  if (!fields) return nullptr;
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  int64_t n = std::min(tuple_size(fields.get()), tuple_size(self));
  for (int64_t i = 0; i < n; ++i)
    if (dict_set_item(ts, d.get(), tuple_item_borrowed(fields.get(), i), tuple_item_borrowed(self, i)) < 0) return nullptr;
  return d.release();
}

Object* nt_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return tuple_from_array(ts, tuple_items(self), static_cast<size_t>(tuple_size(self)));
}

constexpr MethodDef kNewDef = {"__new__", nt_new, kMethKeywords};

constexpr MethodDef nt_methods[] = {
    {"_make", nt_make, kMethFast | kMethClass, "Make a new object from a sequence or iterable"},
    {"_replace", nt_replace, kMethKeywords, "Return a new object replacing specified fields with new values"},
    {"__repr__", nt_repr, kMethNoArgs, "Return a nicely formatted representation string"},
    {"_asdict", nt_asdict, kMethNoArgs, "Return a new dict which maps field names to their values."},
    {"__getnewargs__", nt_getnewargs, kMethNoArgs, "Return self as a plain tuple.  Used by copy and pickle."},
    {},
};

// --- namedtuple() ----------------------------------------------------------------------

constexpr const char* kKeywords[] = {"False", "None",   "True",  "and",    "as",       "assert", "async",
                                     "await", "break",  "class", "continue", "def",    "del",    "elif",
                                     "else",  "except", "finally", "for",  "from",     "global", "if",
                                     "import", "in",    "is",    "lambda", "nonlocal", "not",    "or",
                                     "pass",  "raise",  "return", "try",   "while",    "with",   "yield"};

bool is_keyword(Object* s) {
  for (const char* k : kKeywords)
    if (str_equal_cstr(s, k)) return true;
  return false;
}

int is_identifier(ThreadState* ts, Object* s) {
  Ref r = Ref::steal(call_named(ts, s, "isidentifier", nullptr, 0));
  if (!r) return -1;
  return r.get() == py_true();
}

bool starts_with_underscore(Object* s) { return str_length(s) > 0 && str_char_at(s, 0) == '_'; }

// field_names as a list of str: a str is split on commas and whitespace.
Object* field_list(ThreadState* ts, Object* field_names) {
  if (is_str(field_names)) {
    Ref comma = Ref::steal(str_from_cstr(ts, ","));
    Ref space = Ref::steal(str_from_cstr(ts, " "));
    if (!comma || !space) return nullptr;
    Object* rargs[2] = {comma.get(), space.get()};
    Ref replaced = Ref::steal(call_named(ts, field_names, "replace", rargs, 2));
    if (!replaced) return nullptr;
    return call_named(ts, replaced.get(), "split", nullptr, 0);
  }
  Ref l = Ref::steal(list_new(ts, 0));
  Ref it = Ref::steal(get_iter(ts, field_names));
  if (!l || !it) return nullptr;
  while (Object* item = iter_next(ts, it.get())) {
    Ref ir = Ref::steal(item);
    Ref s = Ref::steal(str(ts, item));
    if (!s || list_append(ts, l.get(), s.get()) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return l.release();
}

Object* namedtuple(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr const char* kParams[] = {"typename", "field_names", "rename", "defaults", "module"};
  Object* vals[5] = {};
  if (nargs > 2) {
    return raise_format(ts, &exc::TypeError, "namedtuple() takes 2 positional arguments but %zu were given", nargs);
  }
  for (size_t i = 0; i < nargs; ++i) vals[i] = args[i];
  size_t nkw = kwnames_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    Object* name = tuple_items(kwnames)[k];
    size_t i = 0;
    while (i < 5 && !str_equal_cstr(name, kParams[i])) ++i;
    if (i == 5) {
      return raise_format(ts, &exc::TypeError, "namedtuple() got an unexpected keyword argument '%s'", str_utf8(ts, name));
    }
    if (vals[i]) {
      return raise_format(ts, &exc::TypeError, "namedtuple() got multiple values for argument '%s'", kParams[i]);
    }
    vals[i] = args[nargs + k];
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < 2; ++i)
    if (!vals[i]) missing.push_back(kParams[i]);
  if (!missing.empty()) {
    return raise_format(ts, &exc::TypeError, "namedtuple() missing %zu required positional argument%s: %s",
                        missing.size(), missing.size() == 1 ? "" : "s", name_list(missing).c_str());
  }
  int rename = vals[2] ? is_true(ts, vals[2]) : 0;
  if (rename < 0) return nullptr;

  Ref fields = Ref::steal(field_list(ts, vals[1]));
  if (!fields) return nullptr;
  Ref typename_ = Ref::steal(str(ts, vals[0]));
  if (!typename_) return nullptr;
  int64_t nf = list_size(fields.get());

  if (rename) {
    Ref seen = Ref::steal(dict_new(ts));
    if (!seen) return nullptr;
    for (int64_t i = 0; i < nf; ++i) {
      Object* name = list_items(fields.get())[i];
      int ident = is_identifier(ts, name);
      if (ident < 0) return nullptr;
      int dup = dict_contains(ts, seen.get(), name);
      if (dup < 0) return nullptr;
      Ref keep = Ref::borrow(name);
      if (!ident || is_keyword(name) || starts_with_underscore(name) || dup) {
        Ref fresh = Ref::steal(str_from_format(ts, "_%lld", static_cast<long long>(i)));
        if (!fresh) return nullptr;
        set_ref(list_items(fields.get())[i], fresh.release());
      }
      if (dict_set_item(ts, seen.get(), keep.get(), py_none()) < 0) return nullptr;
    }
  }
  for (int64_t i = -1; i < nf; ++i) {
    Object* name = i < 0 ? typename_.get() : list_items(fields.get())[i];
    if (!is_str_exact(name)) return raise(ts, &exc::TypeError, "Type names and field names must be strings");
    int ident = is_identifier(ts, name);
    if (ident < 0) return nullptr;
    std::string r = repr_utf8(ts, name);
    if (!ident) {
      return raise_format(ts, &exc::ValueError, "Type names and field names must be valid identifiers: %s", r.c_str());
    }
    if (is_keyword(name)) {
      return raise_format(ts, &exc::ValueError, "Type names and field names cannot be a keyword: %s", r.c_str());
    }
  }
  {
    Ref seen = Ref::steal(dict_new(ts));
    if (!seen) return nullptr;
    for (int64_t i = 0; i < nf; ++i) {
      Object* name = list_items(fields.get())[i];
      std::string r = repr_utf8(ts, name);
      if (starts_with_underscore(name) && !rename) {
        return raise_format(ts, &exc::ValueError, "Field names cannot start with an underscore: %s", r.c_str());
      }
      int dup = dict_contains(ts, seen.get(), name);
      if (dup < 0) return nullptr;
      if (dup) return raise_format(ts, &exc::ValueError, "Encountered duplicate field name: %s", r.c_str());
      if (dict_set_item(ts, seen.get(), name, py_none()) < 0) return nullptr;
    }
  }
  Ref field_tuple = Ref::steal(list_as_tuple(ts, fields.get()));
  if (!field_tuple) return nullptr;

  Ref defaults = Ref::borrow(py_none());
  Ref field_defaults = Ref::steal(dict_new(ts));
  if (!field_defaults) return nullptr;
  if (vals[3] && !is_none(vals[3])) {
    defaults = Ref::steal(sequence_tuple(ts, vals[3]));
    if (!defaults) return nullptr;
    int64_t nd = tuple_size(defaults.get());
    if (nd > nf) return raise(ts, &exc::TypeError, "Got more default values than field names");
    for (int64_t i = 0; i < nd; ++i) {
      if (dict_set_item(ts, field_defaults.get(), tuple_item_borrowed(field_tuple.get(), nf - nd + i),
                        tuple_item_borrowed(defaults.get(), i)) < 0) {
        return nullptr;
      }
    }
  }

  // The namespace.
  std::string tname(str_view(ts, typename_.get()));
  std::string arg_list;
  for (int64_t i = 0; i < nf; ++i) {
    if (i) arg_list += ", ";
    arg_list += std::string(str_view(ts, list_items(fields.get())[i]));
  }
  Ref ns = Ref::steal(dict_new(ts));
  if (!ns) return nullptr;
  auto put = [&](const char* key, Object* steal_value) {
    Ref v = Ref::steal(steal_value);
    return v && dict_set_item_str(ts, ns.get(), key, v.get()) == 0;
  };
  if (!put("__doc__", str_from(ts, tname + "(" + arg_list + ")")) || !put("__slots__", tuple_empty()) ||
      !put("_fields", new_ref(field_tuple.get())) || !put("_field_defaults", new_ref(field_defaults.get())) ||
      !put("__match_args__", new_ref(field_tuple.get()))) {
    return nullptr;
  }
  if (vals[4] && !is_none(vals[4])) {
    if (!put("__module__", new_ref(vals[4]))) return nullptr;
  } else if (ts->current_frame && ts->current_frame->globals) {
    // The caller's module, as CPython's sys._getframe(1).f_globals['__name__'].
    Object* m = dict_get_item_str_borrowed(ts, ts->current_frame->globals, "__name__");
    if (!m && runtime::has_exception(ts)) return nullptr;
    if (m && !put("__module__", new_ref(m))) return nullptr;
  }
  Ref spec = Ref::steal(tuple_pack(ts, {typename_.get(), field_tuple.get(), defaults.get()}));
  if (!spec) return nullptr;
  if (!put("__new__", builtin_function_new(ts, &kNewDef, spec.get(), nullptr))) return nullptr;
  for (const MethodDef* m = nt_methods; m->name; ++m) {
    Object* d = (m->flags & kMethClass) ? descr_new_classmethod(ts, &tuple_type, m) : descr_new_method(ts, &tuple_type, m);
    if (!put(m->name, d)) return nullptr;
  }
  for (int64_t i = 0; i < nf; ++i) {
    Ref g = Ref::steal(tuplegetter_new(ts, i));
    if (!g || dict_set_item(ts, ns.get(), list_items(fields.get())[i], g.get()) < 0) return nullptr;
  }
  Ref bases = Ref::steal(tuple_pack(ts, {&tuple_type}));
  if (!bases) return nullptr;
  return type_new(ts, &type_type, typename_.get(), bases.get(), ns.get(), nullptr);
}

}  // namespace

Object* collections_namedtuple(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames) {
  return namedtuple(ts, module, args, nargs, kwnames);
}

void init_tuplegetter_type(Type& t) {
  t.name = "_collections._tuplegetter";
  t.basicsize = sizeof(TupleGetter);
  t.dealloc = tg_dealloc;
  t.descr_get = tg_get;
  t.descr_set = tg_set;
  t.members = tg_members;
}

}  // namespace spindle::modules
