// Struct sequences and the simple namespace type (see structseq.h).
#include "modules/structseq.h"

#include <cstring>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

Type namespace_type;

namespace {

// Shape of each struct-sequence type, written once at start-up (before any
// interpreter runs) and only read afterwards.
struct Shape {
  const Type* type;
  const char* const* fields;  // names, for the repr
  size_t n_visible;
  size_t n_total;
};
std::vector<Shape>& shapes() {
  static std::vector<Shape> s;
  return s;
}
const Shape& shape_of(const Type* t) {
  for (;;) {
    for (const Shape& s : shapes())
      if (s.type == t) return s;
    t = t->base;  // a subclass shares its base's shape
  }
}

void structseq_dealloc(Object* o) {
  const Shape& s = shape_of(o->ob_type);
  auto* t = static_cast<Tuple*>(o);
  for (size_t i = s.n_visible; i < s.n_total; ++i) xdecref(t->items[i]);
  tuple_type.dealloc(o);
}

int structseq_traverse(Object* o, VisitFn visit, void* arg) {
  const Shape& s = shape_of(o->ob_type);
  auto* t = static_cast<Tuple*>(o);
  for (size_t i = s.n_visible; i < s.n_total; ++i)
    if (t->items[i] && visit(t->items[i], arg)) return 1;
  return tuple_type.traverse(o, visit, arg);
}

Object* structseq_repr(ThreadState* ts, Object* o) {
  const Shape& s = shape_of(o->ob_type);
  std::string out = o->ob_type->name;
  out += "(";

  for (size_t i = 0; i < s.n_visible; ++i) {
    if (i) out += ", ";
    out += s.fields[i];
    out += "=";
    Ref r = Ref::steal(repr(ts, tuple_items(o)[i]));
    if (!r) return nullptr;
    out += str_view(ts, r.get());
  }
  out += ")";
  return str_from(ts, out);
}

Object* structseq_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref items = Ref::steal(tuple_slice(ts, self, 0, tuple_size(self)));
  if (!items) return nullptr;
  return tuple_pack(ts, {self->ob_type, Ref::steal(tuple_pack(ts, {items.get()})).get()});
}

// type(seq)(sequence, dict=None): the visible fields from the sequence, the
// hidden ones from the sequence's tail or the dict (else None).
Object* structseq_new_slot(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"sequence", ParamKind::PositionalOrKeyword, kRequired},
                                      {"dict", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("structseq", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  const Shape& s = shape_of(type);
  Object* d = av.has(1) && !is_none(av[1]) ? av[1] : nullptr;
  if (d && !is_dict(d)) return runtime::raise_format(ts, &exc::TypeError, "%s() takes a dict as second arg, if any", type->name);
  Ref seq = Ref::steal(sequence_tuple(ts, av[0]));
  if (!seq) {
    if (!runtime::exception_matches(ts, &exc::TypeError)) return nullptr;
    runtime::clear_exception(ts);
    return runtime::raise(ts, &exc::TypeError, "constructor requires a sequence");
  }
  size_t n = static_cast<size_t>(tuple_size(seq.get()));
  if (n < s.n_visible || n > s.n_total) {
    if (s.n_visible == s.n_total)
      return runtime::raise_format(ts, &exc::TypeError, "%s() takes a %zu-sequence (%zu-sequence given)", type->name,
                                   s.n_visible, n);
    return runtime::raise_format(ts, &exc::TypeError, "%s() takes an %s %zu-sequence (%zu-sequence given)", type->name,
                                 n < s.n_visible ? "at least" : "at most", n < s.n_visible ? s.n_visible : s.n_total, n);
  }
  std::vector<Object*> items(s.n_total);
  for (size_t i = 0; i < s.n_total; ++i) {
    Object* v = i < n ? tuple_items(seq.get())[i] : nullptr;
    if (!v && d) v = dict_get_item_str_borrowed(ts, d, s.fields[i]);
    // A hidden field named like an item (stat_result.st_mtime) defaults to it.
    for (size_t j = 0; !v && j < n; ++j)
      if (std::strcmp(s.fields[j], s.fields[i]) == 0) v = tuple_items(seq.get())[j];
    items[i] = new_ref(v ? v : py_none());
  }
  return structseq_new(ts, type, items.data());
}

const MethodDef structseq_methods[] = {{"__reduce__", structseq_reduce, kMethNoArgs}, {}};

// --- namespace ------------------------------------------------------------------------
struct Namespace : Object {
  Object* dict = nullptr;
};

std::string ns_items(ThreadState* ts, Object* o);

Object* ns_repr(ThreadState* ts, Object* o) {
  int entered = repr_enter(ts, o);
  if (entered < 0) return nullptr;
  if (entered > 0) return str_from_cstr(ts, "namespace(...)");
  std::string out = ns_items(ts, o);
  repr_leave(ts, o);
  if (runtime::has_exception(ts)) return nullptr;
  return str_from(ts, out);
}

// "namespace(a=1, b=2)"; "" with the exception set on failure.
std::string ns_items(ThreadState* ts, Object* o) {
  std::string out = "namespace(";
  Object* d = static_cast<Namespace*>(o)->dict;
  size_t pos = 0;
  Object *k, *v;
  bool first = true;
  while (d && dict_next(d, &pos, &k, &v)) {
    if (!is_str(k)) continue;
    if (!first) out += ", ";
    first = false;
    out += str_view(ts, k);
    out += "=";
    Ref r = Ref::steal(repr(ts, v));
    if (!r) return "";
    out += str_view(ts, r.get());
  }
  return out + ")";
}

void ns_dealloc(Object* o) {
  xdecref(static_cast<Namespace*>(o)->dict);
  free_object(o);
}

int ns_traverse(Object* o, VisitFn visit, void* arg) {
  Object* d = static_cast<Namespace*>(o)->dict;
  return d ? visit(d, arg) : 0;
}

Object* ns_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_instance_of(b, &namespace_type))
    return py_not_implemented();
  return rich_compare(ts, static_cast<Namespace*>(a)->dict, static_cast<Namespace*>(b)->dict, op);
}

Object* ns_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs) return runtime::raise(ts, &exc::TypeError, "no positional arguments expected");
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  size_t nk = kwnames_count(kwnames);
  for (size_t i = 0; i < nk; ++i)
    if (dict_set_item(ts, d.get(), tuple_items(kwnames)[i], args[i]) < 0) return nullptr;
  auto* n = static_cast<Namespace*>(type_generic_alloc(ts, type, 0));
  if (!n) return nullptr;
  n->dict = d.release();
  return n;
}

}  // namespace

void init_structseq_type(Type& t, const char* name, const char* const* fields, size_t n_visible, size_t n_total) {
  shapes().push_back({&t, fields, n_visible, n_total});
  // A name listed twice (stat_result's st_mtime: an int item, a float
  // attribute) is an attribute for its last position only.
  auto* members = new MemberDef[n_total + 1]();  // lives as long as the type: the whole process
  size_t k = 0;
  for (size_t i = 0; i < n_total; ++i) {
    bool later = false;
    for (size_t j = i + 1; j < n_total; ++j) later = later || std::strcmp(fields[i], fields[j]) == 0;
    if (later) continue;
    members[k].name = fields[i];
    members[k].kind = MemberKind::Object;
    members[k].offset = offsetof(Tuple, items) + i * sizeof(Object*);
    ++k;
  }
  t.name = name;
  t.base = &tuple_type;
  t.basicsize = sizeof(Tuple) - sizeof(Object*);
  t.itemsize = sizeof(Object*);
  t.flags = kTypeTupleSubclass | kTypeSequence | kTypeHaveGC;
  t.new_ = structseq_new_slot;
  t.dealloc = structseq_dealloc;
  t.traverse = structseq_traverse;
  t.repr = structseq_repr;
  t.members = members;
  t.methods = structseq_methods;
}

Object* structseq_new(ThreadState* ts, Type* t, Object* const* items) {
  const Shape& s = shape_of(t);
  bool ok = true;
  for (size_t i = 0; i < s.n_total; ++i) ok = ok && items[i];
  auto* o = ok ? static_cast<Tuple*>(type_generic_alloc(ts, t, s.n_total)) : nullptr;
  if (!o) {
    for (size_t i = 0; i < s.n_total; ++i) xdecref(items[i]);
    return nullptr;
  }
  o->size = static_cast<int64_t>(s.n_visible);
  o->hash = -1;
  for (size_t i = 0; i < s.n_total; ++i) o->items[i] = items[i];
  return o;
}

Object* namespace_new(ThreadState* ts, Object* dict) {
  auto* n = static_cast<Namespace*>(type_generic_alloc(ts, &namespace_type, 0));
  if (!n) return nullptr;
  n->dict = new_ref(dict);
  return n;
}

void init_namespace_type(Type& t) {
  t.name = "types.SimpleNamespace";
  t.basicsize = sizeof(Namespace);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = ns_dealloc;
  t.traverse = ns_traverse;
  t.clear = [](Object* o) {
    Object* d = static_cast<Namespace*>(o)->dict;
    static_cast<Namespace*>(o)->dict = nullptr;
    xdecref(d);
    return 0;
  };
  t.repr = ns_repr;
  t.richcompare = ns_richcompare;
  t.new_ = ns_new;
  t.dictoffset = offsetof(Namespace, dict);
}

}  // namespace spindle::modules
