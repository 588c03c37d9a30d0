// The functools module, part 1: reduce, partial, partialmethod, cmp_to_key,
// update_wrapper / wraps and total_ordering. The caches (lru_cache, cache,
// cached_property) are in functools_cache.cpp.
//
// Invariants:
//   * A partial owns func, args (a tuple) and keywords (a dict, possibly
//     empty); they never change after creation. Wrapping a partial whose
//     instance dict is unused flattens it (partial(partial(f, 1), 2) keeps f
//     and (1, 2)). partial has no __get__: it does not bind as a method.
//   * The methods total_ordering installs are _OrderingMethod objects: one
//     derivation rule (which root operator, how its result is combined) and
//     the name they were installed under; they bind to instances like
//     functions.
#include <cstring>
#include <string>
#include <vector>

#include "modules/functools_internal.h"
#include "modules/import.h"
#include "modules/iter_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {
// types.GenericAlias for partial[int] (genericalias.cpp).
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);
}  // namespace spindle::objects

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type functools_partial_type;
Type functools_partialmethod_type;
Type functools_partialmethod_bound_type;
Type functools_keywrapper_type;
Type functools_ordering_method_type;
Type functools_closure_type;

Object* functools_lru_cache(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames);
Object* functools_cache(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames);
Object* functools_singledispatch(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames);

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

Object* instance_dict_get(ThreadState* ts, Object** slot) {
  if (!*slot && !(*slot = dict_new(ts))) return nullptr;
  return new_ref(*slot);
}

int instance_dict_set(ThreadState* ts, Object** slot, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!is_dict(value)) {
    raise_format(ts, &exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", tp_name(value));
    return -1;
  }
  set_ref(*slot, new_ref(value));
  return 0;
}

Object* closure_new(ThreadState* ts, ClosureBody body, const char* name, const char* qualname, Object* a, Object* b) {
  auto* c = static_cast<Closure*>(alloc_object(ts, &functools_closure_type, sizeof(Closure)));
  if (!c) return nullptr;
  c->a = xnew_ref(a);
  c->b = xnew_ref(b);
  c->body = body;
  c->name = name;
  c->qualname = qualname;
  return c;
}

namespace {

Object* ordering_module_name(ThreadState* ts, Object*) { return str_from_cstr(ts, "functools"); }

Closure* CL(Object* o) { return static_cast<Closure*>(o); }
void closure_dealloc(Object* o) { release_and_free(o, {CL(o)->a, CL(o)->b}); }
int closure_traverse(Object* o, VisitFn visit, void* arg) { return visit_all({CL(o)->a, CL(o)->b}, visit, arg); }
Object* closure_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return CL(self)->body(ts, CL(self)->a, CL(self)->b, args, nargs, kwnames);
}
Object* closure_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj || is_none(obj)) return new_ref(self);
  return method_new(ts, self, obj);
}
Object* closure_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<function %s at %p>", CL(self)->qualname, static_cast<void*>(self));
}
Object* closure_name(ThreadState* ts, Object* self) { return str_from_cstr(ts, CL(self)->name); }
Object* closure_qualname(ThreadState* ts, Object* self) { return str_from_cstr(ts, CL(self)->qualname); }
const GetSetDef closure_getsets[] = {
    {"__name__", closure_name, nullptr},
    {"__qualname__", closure_qualname, nullptr},
    {"__module__", ordering_module_name, nullptr},
    {},
};

// ---------------------------------------------------------------------------
// reduce(function, iterable[, initial])
// ---------------------------------------------------------------------------

Object* ft_reduce(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "reduce", kwnames) < 0 || check_nargs(ts, "reduce", nargs, 2, 3) < 0) return nullptr;
  Ref it = Ref::steal(get_iter(ts, args[1]));
  if (!it) {
    if (runtime::exception_matches(ts, &exc::TypeError)) {
      runtime::clear_exception(ts);
      raise(ts, &exc::TypeError, "reduce() arg 2 must support iteration");
    }
    return nullptr;
  }
  Ref acc = Ref::borrow(nargs == 3 ? args[2] : nullptr);
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) {
      if (runtime::has_exception(ts)) return nullptr;
      break;
    }
    if (!acc) {
      acc = std::move(item);
      continue;
    }
    Object* argv[2] = {acc.get(), item.get()};
    acc = Ref::steal(call(ts, args[0], argv, 2));
    if (!acc) return nullptr;
  }
  if (!acc) return raise(ts, &exc::TypeError, "reduce() of empty iterable with no initial value");
  return acc.release();
}

// ---------------------------------------------------------------------------
// partial(func, /, *args, **keywords)
// ---------------------------------------------------------------------------

Partial* P(Object* o) { return static_cast<Partial*>(o); }

void partial_dealloc(Object* o) { release_and_free(o, {P(o)->func, P(o)->args, P(o)->kw, P(o)->dict}); }
int partial_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({P(o)->func, P(o)->args, P(o)->kw, P(o)->dict}, visit, arg);
}

// The keyword arguments of a vectorcall as a new dict.
Object* kwargs_dict(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames) {
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  size_t nkw = kwnames_count(kwnames);
  for (size_t i = 0; i < nkw; ++i) {
    if (dict_set_item(ts, d.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), args[nargs + i]) < 0) {
      return nullptr;
    }
  }
  return d.release();
}

Object* partial_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 1) return raise(ts, &exc::TypeError, "type 'partial' takes at least one argument");
  Object* func = args[0];
  if (!is_callable(func)) return raise(ts, &exc::TypeError, "the first argument must be callable");
  Ref args_t = Ref::steal(tuple_from_array(ts, args + 1, nargs - 1));
  Ref kw = Ref::steal(kwargs_dict(ts, args, nargs, kwnames));
  if (!args_t || !kw) return nullptr;
  if (func->ob_type->new_ == partial_new && !P(func)->dict) {
    // Flatten: partial(partial(f, *a, **k), *b, **j) == partial(f, *a, *b, **{**k, **j}).
    Partial* inner = P(func);
    Ref all = Ref::steal(tuple_new(ts, static_cast<size_t>(tuple_size(inner->args) + tuple_size(args_t.get()))));
    if (!all) return nullptr;
    int64_t k = 0;
    for (Object* t : {inner->args, args_t.get()})
      for (int64_t i = 0; i < tuple_size(t); ++i) tuple_items(all.get())[k++] = new_ref(tuple_item_borrowed(t, i));
    Ref merged = Ref::steal(dict_copy(ts, inner->kw));
    if (!merged || dict_merge(ts, merged.get(), kw.get(), true) < 0) return nullptr;
    args_t = std::move(all);
    kw = std::move(merged);
    func = inner->func;
  }
  Partial* p = new_instance<Partial>(ts, type);
  if (!p) return nullptr;
  p->func = new_ref(func);
  p->args = args_t.release();
  p->kw = kw.release();
  return p;
}

}  // namespace

Object* partial_make(ThreadState* ts, Object* func, Object* args, Object* kw) {
  std::vector<Object*> argv;
  for (int64_t i = 0; i < tuple_size(args); ++i) argv.push_back(tuple_item_borrowed(args, i));
  Ref names = Ref::steal(tuple_new(ts, static_cast<size_t>(kw ? dict_size(kw) : 0)));
  if (!names) return nullptr;
  size_t pos = 0, n = 0;
  Object *key, *value;
  while (kw && dict_next(kw, &pos, &key, &value)) {
    tuple_items(names.get())[n++] = new_ref(key);
    argv.push_back(value);
  }
  std::vector<Object*> full;
  full.push_back(func);
  full.insert(full.end(), argv.begin(), argv.end());
  return partial_new(ts, &functools_partial_type, full.data(), static_cast<size_t>(tuple_size(args)) + 1,
                     n ? names.get() : nullptr);
}

namespace {

Object* partial_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Partial* p = P(self);
  int64_t npre = tuple_size(p->args);
  size_t nkw = kwnames_count(kwnames);
  if (dict_size(p->kw) == 0) {
    // Only positional arguments to prepend: one vectorcall.
    std::vector<Object*> argv(tuple_items(p->args), tuple_items(p->args) + npre);
    argv.insert(argv.end(), args, args + nargs + nkw);
    return call(ts, p->func, argv.data(), static_cast<size_t>(npre) + nargs, kwnames);
  }
  Ref all = Ref::steal(tuple_new(ts, static_cast<size_t>(npre) + nargs));
  if (!all) return nullptr;
  for (int64_t i = 0; i < npre; ++i) tuple_items(all.get())[i] = new_ref(tuple_item_borrowed(p->args, i));
  for (size_t i = 0; i < nargs; ++i) tuple_items(all.get())[npre + static_cast<int64_t>(i)] = new_ref(args[i]);
  Ref kw = Ref::steal(dict_copy(ts, p->kw));
  if (!kw) return nullptr;
  for (size_t i = 0; i < nkw; ++i) {
    if (dict_set_item(ts, kw.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), args[nargs + i]) < 0) {
      return nullptr;
    }
  }
  return call_tuple_dict(ts, p->func, all.get(), kw.get());
}

Object* partial_repr(ThreadState* ts, Object* self) {
  int guard = repr_enter(ts, self);
  if (guard < 0) return nullptr;
  if (guard > 0) return str_from_cstr(ts, "...");
  Partial* p = P(self);
  StrBuilder b;
  b.append(tp_name(self));
  b.append("(");
  bool ok = true;
  auto add_repr = [&](Object* o) {
    Ref r = Ref::steal(repr(ts, o));
    if (!r) ok = false;
    else b.append_str(ts, r.get());
  };
  // Hold references: a repr may run code that changes nothing here (the
  // fields are immutable), but the objects must outlive the calls.
  Ref args = Ref::borrow(p->args);
  Ref kw = Ref::borrow(p->kw);
  add_repr(p->func);
  for (int64_t i = 0; ok && i < tuple_size(args.get()); ++i) {
    b.append(", ");
    add_repr(tuple_item_borrowed(args.get(), i));
  }
  size_t pos = 0;
  Object *key, *value;
  while (ok && dict_next(kw.get(), &pos, &key, &value)) {
    Ref k = Ref::borrow(key), v = Ref::borrow(value);
    Ref ks = Ref::steal(str(ts, k.get()));
    if (!ks) {
      ok = false;
      break;
    }
    b.append(", ");
    b.append_str(ts, ks.get());
    b.append("=");
    add_repr(v.get());
  }
  repr_leave(ts, self);
  if (!ok) return nullptr;
  b.append(")");
  return b.finish(ts);
}

Object* partial_get_dict(ThreadState* ts, Object* o) { return instance_dict_get(ts, &P(o)->dict); }
int partial_set_dict(ThreadState* ts, Object* o, Object* v) { return instance_dict_set(ts, &P(o)->dict, v); }

const MemberDef partial_members[] = {
    {"func", MemberKind::Object, offsetof(Partial, func), true, "function object to use in future partial calls"},
    {"args", MemberKind::Object, offsetof(Partial, args), true, "tuple of arguments to future partial calls"},
    {"keywords", MemberKind::Object, offsetof(Partial, kw), true, "dictionary of keyword arguments to future partial calls"},
    {},
};
const GetSetDef partial_getsets[] = {{"__dict__", partial_get_dict, partial_set_dict}, {}};
const MethodDef partial_methods[] = {
    {"__class_getitem__", class_getitem, kMethO | kMethClass, "See PEP 585"},
    {},
};

// ---------------------------------------------------------------------------
// partialmethod(func, /, *args, **keywords): a descriptor. On an instance it
// gives partial(func bound to the instance, *args, **keywords); otherwise an
// unbound _partialmethod callable taking the instance first.
// ---------------------------------------------------------------------------

// Like CPython's Python class: __new__ only allocates, __init__ fills in.
Object* partialmethod_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  return new_instance<Partial>(ts, type);
}

int partialmethod_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 1) {
    raise(ts, &exc::TypeError, "partialmethod.__init__() missing 1 required positional argument: 'func'");
    return -1;
  }
  Object* func = args[0];
  if (!is_callable(func) && !func->ob_type->descr_get) {
    std::string r = repr_utf8(ts, func);
    raise_format(ts, &exc::TypeError, "%s is not callable or a descriptor", r.c_str());
    return -1;
  }
  Ref args_t = Ref::steal(tuple_from_array(ts, args + 1, nargs - 1));
  Ref kw = Ref::steal(kwargs_dict(ts, args, nargs, kwnames));
  if (!args_t || !kw) return -1;
  if (is_instance_of(func, &functools_partialmethod_type)) {
    Partial* inner = P(func);
    Ref all = Ref::steal(tuple_new(ts, static_cast<size_t>(tuple_size(inner->args) + tuple_size(args_t.get()))));
    if (!all) return -1;
    int64_t k = 0;
    for (Object* t : {inner->args, args_t.get()})
      for (int64_t i = 0; i < tuple_size(t); ++i) tuple_items(all.get())[k++] = new_ref(tuple_item_borrowed(t, i));
    Ref merged = Ref::steal(dict_copy(ts, inner->kw));
    if (!merged || dict_merge(ts, merged.get(), kw.get(), true) < 0) return -1;
    args_t = std::move(all);
    kw = std::move(merged);
    func = inner->func;
  }
  Partial* p = P(self);
  set_ref(p->func, new_ref(func));
  set_ref(p->args, args_t.release());
  set_ref(p->kw, kw.release());
  return 0;
}

// "functools.partialmethod(<func str>, <args>, <keywords>)" (both lists are
// always present, even when empty, as CPython's format string has them).
Object* partialmethod_repr(ThreadState* ts, Object* self) {
  Partial* p = P(self);
  StrBuilder b;
  Ref module = Ref::steal(type_module(ts, self->ob_type));
  Ref qual = Ref::steal(type_qualname(ts, self->ob_type));
  Ref fs = Ref::steal(str(ts, p->func));
  if (!module || !qual || !fs) return nullptr;
  Ref ms = Ref::steal(str(ts, module.get()));
  if (!ms) return nullptr;
  b.append_str(ts, ms.get());
  b.append(".");
  b.append_str(ts, qual.get());
  b.append("(");
  b.append_str(ts, fs.get());
  b.append(", ");
  for (int64_t i = 0; i < tuple_size(p->args); ++i) {
    if (i) b.append(", ");
    Ref r = Ref::steal(repr(ts, tuple_item_borrowed(p->args, i)));
    if (!r) return nullptr;
    b.append_str(ts, r.get());
  }
  b.append(", ");
  size_t pos = 0, n = 0;
  Object *key, *value;
  while (dict_next(p->kw, &pos, &key, &value)) {
    if (n++) b.append(", ");
    Ref ks = Ref::steal(str(ts, key));
    Ref vr = Ref::steal(repr(ts, value));
    if (!ks || !vr) return nullptr;
    b.append_str(ts, ks.get());
    b.append("=");
    b.append_str(ts, vr.get());
  }
  b.append(")");
  return b.finish(ts);
}

Object* make_unbound(ThreadState* ts, Object* pm) {
  Partial* u = new_instance<Partial>(ts, &functools_partialmethod_bound_type);
  if (!u) return nullptr;
  u->func = new_ref(pm);
  return u;
}

Object* partialmethod_get(ThreadState* ts, Object* self, Object* obj, Object* cls) {
  Partial* p = P(self);
  DescrGetFn get = p->func->ob_type->descr_get;
  if (!obj) obj = py_none();
  if (get) {
    Ref bound = Ref::steal(get(ts, p->func, is_none(obj) ? nullptr : obj, cls ? cls : py_none()));
    if (!bound) return nullptr;
    if (bound.get() != p->func) {
      Ref result = Ref::steal(partial_make(ts, bound.get(), p->args, p->kw));
      if (!result) return nullptr;
      Ref name = Ref::steal(str_from_cstr(ts, "__self__"));
      if (!name) return nullptr;
      Ref self_attr = Ref::steal(lookup_attr(ts, bound.get(), name.get()));
      if (self_attr) {
        if (set_attr(ts, result.get(), name.get(), self_attr.get()) < 0) return nullptr;
      } else if (runtime::has_exception(ts)) {
        return nullptr;
      }
      return result.release();
    }
  }
  Ref unbound = Ref::steal(make_unbound(ts, self));
  if (!unbound) return nullptr;
  if (is_none(obj)) return unbound.release();
  return method_new(ts, unbound.get(), obj);
}

Object* partialmethod_isabstract(ThreadState* ts, Object* self) {
  Ref name = Ref::steal(str_from_cstr(ts, "__isabstractmethod__"));
  if (!name) return nullptr;
  Object* v = lookup_attr(ts, P(self)->func, name.get());
  if (!v && !runtime::has_exception(ts)) return py_false();
  return v;
}

const MemberDef partialmethod_members[] = {
    {"func", MemberKind::Object, offsetof(Partial, func), false},
    {"args", MemberKind::Object, offsetof(Partial, args), false},
    {"keywords", MemberKind::Object, offsetof(Partial, kw), false},
    {},
};
const GetSetDef partialmethod_getsets[] = {
    {"__isabstractmethod__", partialmethod_isabstract, nullptr},
    {"__dict__", partial_get_dict, partial_set_dict},
    {},
};

// The unbound form: func = the partialmethod. Called with the instance (or
// class) first: pm.func(first, *pm.args, *rest, **{**pm.keywords, **kw}).
Object* pm_unbound_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Partial* pm = P(P(self)->func);
  if (nargs < 1) {
    return raise(ts, &exc::TypeError, "_method() missing 1 required positional argument: 'cls_or_self'");
  }
  Ref all = Ref::steal(tuple_new(ts, static_cast<size_t>(tuple_size(pm->args)) + nargs));
  if (!all) return nullptr;
  int64_t k = 0;
  tuple_items(all.get())[k++] = new_ref(args[0]);
  for (int64_t i = 0; i < tuple_size(pm->args); ++i) tuple_items(all.get())[k++] = new_ref(tuple_item_borrowed(pm->args, i));
  for (size_t i = 1; i < nargs; ++i) tuple_items(all.get())[k++] = new_ref(args[i]);
  Ref kw = Ref::steal(dict_copy(ts, pm->kw));
  if (!kw) return nullptr;
  size_t nkw = kwnames_count(kwnames);
  for (size_t i = 0; i < nkw; ++i) {
    if (dict_set_item(ts, kw.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), args[nargs + i]) < 0) {
      return nullptr;
    }
  }
  return call_tuple_dict(ts, pm->func, all.get(), kw.get());
}

Object* pm_unbound_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj || is_none(obj)) return new_ref(self);
  return method_new(ts, self, obj);
}

Object* pm_unbound_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<function partialmethod._make_unbound_method.<locals>._method at %p>",
                         static_cast<void*>(self));
}

Object* pm_unbound_partialmethod(ThreadState*, Object* self) { return new_ref(P(self)->func); }
Object* pm_unbound_isabstract(ThreadState* ts, Object* self) { return partialmethod_isabstract(ts, P(self)->func); }

const GetSetDef pm_unbound_getsets[] = {
    {"_partialmethod", pm_unbound_partialmethod, nullptr},
    {"__isabstractmethod__", pm_unbound_isabstract, nullptr},
    {"__dict__", partial_get_dict, partial_set_dict},
    {},
};

// ---------------------------------------------------------------------------
// cmp_to_key(mycmp): a KeyWrapper holding only cmp; calling it wraps an
// object in a KeyWrapper holding both, whose comparisons call cmp.
// ---------------------------------------------------------------------------

struct KeyWrapper : Object {
  Object* cmp = nullptr;
  Object* obj = nullptr;  // nullptr for the K "class" returned by cmp_to_key
};

KeyWrapper* KW(Object* o) { return static_cast<KeyWrapper*>(o); }

void keywrapper_dealloc(Object* o) { release_and_free(o, {KW(o)->cmp, KW(o)->obj}); }
int keywrapper_traverse(Object* o, VisitFn visit, void* arg) { return visit_all({KW(o)->cmp, KW(o)->obj}, visit, arg); }

Object* keywrapper_make(ThreadState* ts, Object* cmp, Object* obj) {
  auto* k = static_cast<KeyWrapper*>(alloc_object(ts, &functools_keywrapper_type, sizeof(KeyWrapper)));
  if (!k) return nullptr;
  k->cmp = new_ref(cmp);
  k->obj = xnew_ref(obj);
  return k;
}

Object* ft_cmp_to_key(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"mycmp", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("cmp_to_key", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return keywrapper_make(ts, av[0], nullptr);
}

Object* keywrapper_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"obj", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("K", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return keywrapper_make(ts, KW(self)->cmp, av[0]);
}

Object* keywrapper_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (b->ob_type != &functools_keywrapper_type) return raise(ts, &exc::TypeError, "other argument must be K instance");
  Object* x = KW(a)->obj;
  Object* y = KW(b)->obj;
  if (!x || !y) return raise(ts, &exc::AttributeError, "object");
  Object* argv[2] = {x, y};
  Ref res = Ref::steal(call(ts, KW(a)->cmp, argv, 2));
  if (!res) return nullptr;
  Ref zero = Ref::steal(int_from_i64(ts, 0));
  return rich_compare(ts, res.get(), zero.get(), op);
}

Object* keywrapper_get_obj(ThreadState* ts, Object* self) {
  if (!KW(self)->obj) return raise(ts, &exc::AttributeError, "obj");
  return new_ref(KW(self)->obj);
}
int keywrapper_set_obj(ThreadState* ts, Object* self, Object* v) {
  if (!v) {
    raise(ts, &exc::AttributeError, "obj");
    return -1;
  }
  set_ref(KW(self)->obj, new_ref(v));
  return 0;
}
const GetSetDef keywrapper_getsets[] = {{"obj", keywrapper_get_obj, keywrapper_set_obj, "Value wrapped by a key function."}, {}};

// ---------------------------------------------------------------------------
// update_wrapper / wraps
// ---------------------------------------------------------------------------

constexpr const char* kWrapperAssignments[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};

Object* name_tuple(ThreadState* ts, std::initializer_list<const char*> names) {
  Ref t = Ref::steal(tuple_new(ts, names.size()));
  if (!t) return nullptr;
  size_t i = 0;
  for (const char* n : names) {
    Object* s = str_intern_cstr(ts, n);
    if (!s) return nullptr;
    tuple_items(t.get())[i++] = s;
  }
  return t.release();
}

Object* default_assignments(ThreadState* ts) {
  return name_tuple(ts, {kWrapperAssignments[0], kWrapperAssignments[1], kWrapperAssignments[2],
                         kWrapperAssignments[3], kWrapperAssignments[4]});
}
Object* default_updates(ThreadState* ts) { return name_tuple(ts, {"__dict__"}); }

}  // namespace

Object* functools_update_wrapper(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"wrapper", ParamKind::PositionalOrKeyword, kRequired},
                                      {"wrapped", ParamKind::PositionalOrKeyword, kRequired},
                                      {"assigned", ParamKind::PositionalOrKeyword, kOptional},
                                      {"updated", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("update_wrapper", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* wrapper = av[0];
  Object* wrapped = av[1];
  Ref assigned = Ref::borrow(av[2]);
  if (!assigned && !(assigned = Ref::steal(default_assignments(ts)))) return nullptr;
  Ref updated = Ref::borrow(av[3]);
  if (!updated && !(updated = Ref::steal(default_updates(ts)))) return nullptr;

  Ref it = Ref::steal(get_iter(ts, assigned.get()));
  if (!it) return nullptr;
  for (;;) {
    Ref attr = Ref::steal(iter_next(ts, it.get()));
    if (!attr) break;
    Ref value = Ref::steal(lookup_attr(ts, wrapped, attr.get()));
    if (!value) {
      if (runtime::has_exception(ts)) return nullptr;
      continue;
    }
    if (set_attr(ts, wrapper, attr.get(), value.get()) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;

  it = Ref::steal(get_iter(ts, updated.get()));
  if (!it) return nullptr;
  Ref update_name = Ref::steal(str_from_cstr(ts, "update"));
  if (!update_name) return nullptr;
  for (;;) {
    Ref attr = Ref::steal(iter_next(ts, it.get()));
    if (!attr) break;
    Ref target = Ref::steal(get_attr(ts, wrapper, attr.get()));
    if (!target) return nullptr;
    Ref source = Ref::steal(lookup_attr(ts, wrapped, attr.get()));
    if (!source) {
      if (runtime::has_exception(ts)) return nullptr;
      source = Ref::steal(dict_new(ts));
      if (!source) return nullptr;
    }
    Object* argv[1] = {source.get()};
    Ref r = Ref::steal(call_method(ts, target.get(), update_name.get(), argv, 1));
    if (!r) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  Ref wrapped_name = Ref::steal(str_from_cstr(ts, "__wrapped__"));
  if (!wrapped_name || set_attr(ts, wrapper, wrapped_name.get(), wrapped) < 0) return nullptr;
  return new_ref(wrapper);
}

namespace {

// wraps(wrapped, assigned=..., updated=...) is
// partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated),
// with update_wrapper looked up in the module as a global.
Object* ft_wraps(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"wrapped", ParamKind::PositionalOrKeyword, kRequired},
                                      {"assigned", ParamKind::PositionalOrKeyword, kOptional},
                                      {"updated", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("wraps", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* update_wrapper = dict_get_item_str_borrowed(ts, module_dict_borrowed(module), "update_wrapper");
  if (!update_wrapper) {
    if (!runtime::has_exception(ts)) raise(ts, &exc::NameError, "name 'update_wrapper' is not defined");
    return nullptr;
  }
  Ref assigned = Ref::borrow(av[1]);
  if (!assigned && !(assigned = Ref::steal(default_assignments(ts)))) return nullptr;
  Ref updated = Ref::borrow(av[2]);
  if (!updated && !(updated = Ref::steal(default_updates(ts)))) return nullptr;
  Ref kw = Ref::steal(dict_new(ts));
  if (!kw || dict_set_item_str(ts, kw.get(), "wrapped", av[0]) < 0 ||
      dict_set_item_str(ts, kw.get(), "assigned", assigned.get()) < 0 ||
      dict_set_item_str(ts, kw.get(), "updated", updated.get()) < 0) {
    return nullptr;
  }
  return partial_make(ts, update_wrapper, tuple_empty(), kw.get());
}

// ---------------------------------------------------------------------------
// total_ordering(cls)
// ---------------------------------------------------------------------------

// How a derived comparison combines the root's result r (after checking
// r is not NotImplemented) with an equality test:
enum class Combine : uint8_t {
  NotRAndNe,  // not r and self != other
  ROrEq,      // r or self == other
  NotR,       // not r
  NotROrEq,   // not r or self == other
  RAndNe,     // r and self != other
};

struct OrderingRule {
  const char* name;       // the dunder it is installed as
  const char* qualname;   // the rule's own name (CPython's helper function)
  const char* root;       // the root dunder it calls
  Combine combine;
};

// Per root (in preference order __lt__, __le__, __gt__, __ge__), the three
// operators derived from it.
constexpr OrderingRule kOrderingRules[4][3] = {
    {{"__gt__", "_gt_from_lt", "__lt__", Combine::NotRAndNe},
     {"__le__", "_le_from_lt", "__lt__", Combine::ROrEq},
     {"__ge__", "_ge_from_lt", "__lt__", Combine::NotR}},
    {{"__ge__", "_ge_from_le", "__le__", Combine::NotROrEq},
     {"__lt__", "_lt_from_le", "__le__", Combine::RAndNe},
     {"__gt__", "_gt_from_le", "__le__", Combine::NotR}},
    {{"__lt__", "_lt_from_gt", "__gt__", Combine::NotRAndNe},
     {"__ge__", "_ge_from_gt", "__gt__", Combine::ROrEq},
     {"__le__", "_le_from_gt", "__gt__", Combine::NotR}},
    {{"__le__", "_le_from_ge", "__ge__", Combine::NotROrEq},
     {"__gt__", "_gt_from_ge", "__ge__", Combine::RAndNe},
     {"__lt__", "_lt_from_ge", "__ge__", Combine::NotR}},
};
constexpr const char* kOrderingRoots[4] = {"__lt__", "__le__", "__gt__", "__ge__"};

struct OrderingMethod : Object {
  const OrderingRule* rule = nullptr;
};

const OrderingRule* RULE(Object* o) { return static_cast<OrderingMethod*>(o)->rule; }

void ordering_dealloc(Object* o) { free_object(o); }

Object* ordering_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  const OrderingRule* rule = RULE(self);
  if (check_no_kwargs(ts, rule->qualname, kwnames) < 0) return nullptr;
  if (nargs != 2) {
    return raise_format(ts, &exc::TypeError, "%s() takes 2 positional arguments but %zu were given", rule->qualname,
                        nargs);
  }
  Object* a = args[0];
  Object* b = args[1];
  Ref root_name = Ref::steal(str_from_cstr(ts, rule->root));
  if (!root_name) return nullptr;
  Ref root = Ref::steal(get_attr(ts, a->ob_type, root_name.get()));
  if (!root) return nullptr;
  Ref r = Ref::steal(call(ts, root.get(), args, 2));
  if (!r) return nullptr;
  if (r.get() == py_not_implemented()) return r.release();
  int t = is_true(ts, r.get());
  if (t < 0) return nullptr;
  switch (rule->combine) {
    case Combine::NotRAndNe:
      return t ? py_false() : rich_compare(ts, a, b, CompareOp::Ne);
    case Combine::ROrEq:
      return t ? r.release() : rich_compare(ts, a, b, CompareOp::Eq);
    case Combine::NotR:
      return py_bool(!t);
    case Combine::NotROrEq:
      return !t ? py_true() : rich_compare(ts, a, b, CompareOp::Eq);
    case Combine::RAndNe:
      return !t ? r.release() : rich_compare(ts, a, b, CompareOp::Ne);
  }
  return nullptr;
}

Object* ordering_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  if (!obj || is_none(obj)) return new_ref(self);
  return method_new(ts, self, obj);
}

Object* ordering_repr(ThreadState* ts, Object* self) {
  return str_from_format(ts, "<function total_ordering.%s at %p>", RULE(self)->qualname, static_cast<void*>(self));
}
Object* ordering_name(ThreadState* ts, Object* self) { return str_from_cstr(ts, RULE(self)->name); }
Object* ordering_qualname(ThreadState* ts, Object* self) { return str_from_cstr(ts, RULE(self)->qualname); }
Object* ordering_module(ThreadState* ts, Object* self) { return ordering_module_name(ts, self); }

const GetSetDef ordering_getsets[] = {
    {"__name__", ordering_name, nullptr},
    {"__qualname__", ordering_qualname, nullptr},
    {"__module__", ordering_module, nullptr},
    {},
};

Object* ft_total_ordering(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"cls", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("total_ordering", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* cls = av[0];
  bool defined[4] = {};
  int root = -1;
  for (int i = 0; i < 4; ++i) {
    Ref name = Ref::steal(str_from_cstr(ts, kOrderingRoots[i]));
    if (!name) return nullptr;
    Ref mine = Ref::steal(lookup_attr(ts, cls, name.get()));
    if (!mine && runtime::has_exception(ts)) return nullptr;
    Ref base = Ref::steal(lookup_attr(ts, &object_type, name.get()));
    if (!base && runtime::has_exception(ts)) return nullptr;
    defined[i] = mine.get() != base.get();
    if (defined[i] && root < 0) root = i;
  }
  if (root < 0) return raise(ts, &exc::ValueError, "must define at least one ordering operation: < > <= >=");
  for (const OrderingRule& rule : kOrderingRules[root]) {
    int index = 0;
    while (std::strcmp(kOrderingRoots[index], rule.name) != 0) ++index;
    if (defined[index]) continue;
    auto* m = static_cast<OrderingMethod*>(alloc_object(ts, &functools_ordering_method_type, sizeof(OrderingMethod)));
    if (!m) return nullptr;
    m->rule = &rule;
    Ref method = Ref::steal(m);
    Ref name = Ref::steal(str_from_cstr(ts, rule.name));
    if (!name || set_attr(ts, cls, name.get(), method.get()) < 0) return nullptr;
  }
  return new_ref(cls);
}

// The module __getattr__ (PEP 562): recursive_repr is reprlib's (CPython's
// functools imports it from there); reprlib is Python (lib/reprlib.py), so
// it is imported on first use and the function stored here.
Object* functools_getattr(ThreadState* ts, Object* module, Object* const* args, size_t, Object*) {
  Object* name = args[0];
  if (is_str(name) && str_equal_cstr(name, "recursive_repr")) {
    Ref reprlib = Ref::steal(import_module(ts, "reprlib"));
    if (!reprlib) return nullptr;
    Ref f = Ref::steal(get_attr(ts, reprlib.get(), name));
    if (!f || dict_set_item(ts, module_dict_borrowed(module), name, f.get()) < 0) return nullptr;
    return f.release();
  }
  Ref r = Ref::steal(repr(ts, name));
  if (!r) return nullptr;
  return runtime::raise(ts, &exc::AttributeError,
                        "module 'functools' has no attribute " + std::string(str_view(ts, r.get())));
}

Object* functools_dir(ThreadState* ts, Object* module, Object* const*, size_t, Object*) {
  return module_names_with(ts, module, {"recursive_repr"});
}

const MethodDef functools_functions[] = {
    {"__getattr__", functools_getattr, kMethO},
    {"__dir__", functools_dir, kMethNoArgs},
    {"reduce", ft_reduce, kMethKeywords,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively to the items of a sequence\nor iterable, from left to right, so as to reduce the iterable to a single\nvalue."},
    {"cmp_to_key", ft_cmp_to_key, kMethKeywords, "Convert a cmp= function into a key= function."},
    {"update_wrapper", functools_update_wrapper, kMethKeywords, "Update a wrapper function to look like the wrapped function"},
    {"wraps", ft_wraps, kMethKeywords, "Decorator factory to apply update_wrapper() to a wrapper function"},
    {"total_ordering", ft_total_ordering, kMethKeywords, "Class decorator that fills in missing ordering methods"},
    {"lru_cache", functools_lru_cache, kMethKeywords, "Least-recently-used cache decorator."},
    {"cache", functools_cache, kMethKeywords, "Simple lightweight unbounded cache.  Sometimes called \"memoize\"."},
    {"singledispatch", functools_singledispatch, kMethKeywords, "Single-dispatch generic function decorator."},
    {},
};

}  // namespace

void init_functools_partial_type(Type& t) {
  t.name = "functools.partial";
  t.doc = "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n";
  t.basicsize = sizeof(Partial);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = partial_dealloc;
  t.traverse = partial_traverse;
  t.new_ = partial_new;
  t.call = partial_call;
  t.repr = partial_repr;
  t.members = partial_members;
  t.getsets = partial_getsets;
  t.methods = partial_methods;
  t.dictoffset = offsetof(Partial, dict);
}

void init_functools_partialmethod_type(Type& t) {
  t.name = "functools.partialmethod";
  t.doc = "Method descriptor with partial application of the given arguments\n    and keywords.\n\n    Supports wrapping existing descriptors and handles non-descriptor\n    callables as instance methods.\n    ";
  t.basicsize = sizeof(Partial);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = partial_dealloc;
  t.traverse = partial_traverse;
  t.new_ = partialmethod_new;
  t.init = partialmethod_init;
  t.repr = partialmethod_repr;
  t.descr_get = partialmethod_get;
  t.members = partialmethod_members;
  t.getsets = partialmethod_getsets;
  t.methods = partial_methods;
  t.dictoffset = offsetof(Partial, dict);
}

void init_functools_partialmethod_bound_type(Type& t) {
  t.name = "functools._partialmethod_function";
  t.basicsize = sizeof(Partial);
  t.flags = kTypeHaveGC | kTypeMethodDescriptor;
  t.dealloc = partial_dealloc;
  t.traverse = partial_traverse;
  t.call = pm_unbound_call;
  t.repr = pm_unbound_repr;
  t.descr_get = pm_unbound_get;
  t.getsets = pm_unbound_getsets;
  t.dictoffset = offsetof(Partial, dict);
}

void init_functools_keywrapper_type(Type& t) {
  t.name = "functools.KeyWrapper";
  t.basicsize = sizeof(KeyWrapper);
  t.flags = kTypeHaveGC;
  t.dealloc = keywrapper_dealloc;
  t.traverse = keywrapper_traverse;
  t.call = keywrapper_call;
  t.richcompare = keywrapper_richcompare;
  t.getsets = keywrapper_getsets;
}

void init_functools_closure_type(Type& t) {
  t.name = "functools._Closure";
  t.basicsize = sizeof(Closure);
  t.flags = kTypeHaveGC | kTypeMethodDescriptor;
  t.dealloc = closure_dealloc;
  t.traverse = closure_traverse;
  t.call = closure_call;
  t.descr_get = closure_get;
  t.repr = closure_repr;
  t.getsets = closure_getsets;
}

void init_functools_ordering_method_type(Type& t) {
  t.name = "functools._OrderingMethod";
  t.basicsize = sizeof(OrderingMethod);
  t.flags = kTypeMethodDescriptor;
  t.dealloc = ordering_dealloc;
  t.call = ordering_call;
  t.descr_get = ordering_get;
  t.repr = ordering_repr;
  t.getsets = ordering_getsets;
}

Object* init_functools_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "functools", functools_functions,
                                       "functools.py - Tools for working with functions and callable objects"));
  if (!m) return nullptr;
  if (add_object(ts, m.get(), "WRAPPER_ASSIGNMENTS", default_assignments(ts)) < 0 ||
      add_object(ts, m.get(), "WRAPPER_UPDATES", default_updates(ts)) < 0) {
    return nullptr;
  }
  for (Type* t : {&functools_partial_type, &functools_partialmethod_type, &functools_keywrapper_type,
                  &functools_lru_cache_wrapper_type, &functools_cached_property_type,
                  &functools_singledispatchmethod_type}) {
    if (add_type(ts, m.get(), t) < 0) return nullptr;
  }
  Ref all = Ref::steal(name_tuple(ts, {"update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES",
                                       "total_ordering", "cache", "cmp_to_key", "lru_cache", "reduce", "partial",
                                       "partialmethod", "singledispatch", "singledispatchmethod", "cached_property"}));
  Ref all_list = Ref::steal(all ? sequence_list(ts, all.get()) : nullptr);
  if (!all_list || add_object(ts, m.get(), "__all__", all_list.release()) < 0) return nullptr;
  // CPython names the namedtuple class CacheInfo but binds it as _CacheInfo.
  if (add_object(ts, m.get(), "_CacheInfo", new_ref(static_cast<Object*>(&functools_cacheinfo_type))) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
