// collections.Counter: a dict subclass counting hashable items, built at
// import as a heap class (collections_internal.h explains why) whose methods
// are the native functions below.
//
// Semantics follow CPython 3.11's Python implementation: counts may be any
// objects (the arithmetic and comparisons go through the object protocol),
// missing keys read as 0 through __missing__, the binary operators return a
// plain Counter holding only positive counts, the in-place ones keep the
// receiver and drop non-positive counts, and ties in most_common() keep
// insertion order (a stable sort by descending count).
#include <algorithm>
#include <utility>
#include <vector>

#include "modules/collections_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

// The marker that identifies the Counter class along an MRO.
const MethodDef& keep_positive_def();

using Items = std::vector<std::pair<Ref, Ref>>;

// The dict's items as owned pairs, in order (a snapshot: callers may mutate).
Items items_of(Object* d) {
  Items out;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v)) out.emplace_back(Ref::borrow(k), Ref::borrow(v));
  return out;
}

// mapping.items() as owned pairs (dicts directly, others through items()).
int mapping_items(ThreadState* ts, Object* m, Items* out) {
  if (is_dict(m)) {
    *out = items_of(m);
    return 0;
  }
  Ref fn = Ref::steal(get_attr_str(ts, m, "items"));
  if (!fn) return -1;
  Ref items = Ref::steal(call(ts, fn.get(), nullptr, 0));
  if (!items) return -1;
  Ref it = Ref::steal(get_iter(ts, items.get()));
  if (!it) return -1;
  while (Object* pair = iter_next(ts, it.get())) {
    Ref p = Ref::steal(pair);
    Ref t = Ref::steal(sequence_tuple(ts, pair));
    if (!t) return -1;
    if (tuple_size(t.get()) != 2) {
      raise(ts, &exc::ValueError, "too many values to unpack (expected 2)");
      return -1;
    }
    out->emplace_back(Ref::borrow(tuple_item_borrowed(t.get(), 0)), Ref::borrow(tuple_item_borrowed(t.get(), 1)));
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

// Whether `o` is a mapping for update()/subtract(): a dict, or anything with
// keys() and __getitem__ (collections.abc.Mapping's registered types are not
// known here).
int is_mapping(ThreadState* ts, Object* o) {
  if (is_dict(o)) return 1;
  Ref keys = Ref::steal(lookup_attr(ts, o, ts->id->keys));
  if (!keys) return runtime::has_exception(ts) ? -1 : 0;
  return o->ob_type->mp_subscript != nullptr;
}

Type* counter_class_of(ThreadState* ts, Object* o) { return find_class_with(ts, o->ob_type, &keep_positive_def()); }
bool is_counter(ThreadState* ts, Object* o) { return is_dict(o) && counter_class_of(ts, o) != nullptr; }

// self.get(elem, 0) at the dict level: a new reference.
Object* get_or_zero(ThreadState* ts, Object* self, Object* key) {
  Object* v = dict_get_item_borrowed(ts, self, key);
  if (v) return new_ref(v);
  if (runtime::has_exception(ts)) return nullptr;
  return int_from_i64(ts, 0);
}

Object* zero(ThreadState* ts) { return int_from_i64(ts, 0); }

// count > 0 (or < 0): 0/1/-1.
int compare_zero(ThreadState* ts, Object* count, CompareOp op) {
  Ref z = Ref::steal(zero(ts));
  if (!z) return -1;
  Ref r = Ref::steal(rich_compare(ts, count, z.get(), op));
  if (!r) return -1;
  return is_true(ts, r.get());
}

// A fresh instance of the base Counter class.
Object* new_counter(ThreadState* ts, Object* self) {
  Type* cls = counter_class_of(ts, self);
  if (!cls) return raise(ts, &exc::TypeError, "not a Counter");
  return call(ts, cls, nullptr, 0);
}

// --- counting ------------------------------------------------------------------

// The shared body of update() (sign +1) and subtract() (sign -1).
int count_from(ThreadState* ts, Object* self, Object* iterable, bool add) {
  int m = is_mapping(ts, iterable);
  if (m < 0) return -1;
  if (m) {
    if (add && dict_size(self) == 0 && is_dict(iterable)) return dict_merge(ts, self, iterable, true);
    Items items;
    if (mapping_items(ts, iterable, &items) < 0) return -1;
    if (add && dict_size(self) == 0) {
      for (auto& [k, v] : items)
        if (dict_set_item(ts, self, k.get(), v.get()) < 0) return -1;
      return 0;
    }
    for (auto& [k, count] : items) {
      Ref old = Ref::steal(get_or_zero(ts, self, k.get()));
      if (!old) return -1;
      Ref n = Ref::steal(add ? number_add(ts, count.get(), old.get()) : number_subtract(ts, old.get(), count.get()));
      if (!n || set_item(ts, self, k.get(), n.get()) < 0) return -1;
    }
    return 0;
  }
  Ref one = Ref::steal(int_from_i64(ts, 1));
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!one || !it) return -1;
  while (Object* e = iter_next(ts, it.get())) {
    Ref elem = Ref::steal(e);
    Ref old = Ref::steal(get_or_zero(ts, self, e));
    if (!old) return -1;
    Ref n = Ref::steal(add ? number_add(ts, old.get(), one.get()) : number_subtract(ts, old.get(), one.get()));
    if (!n || set_item(ts, self, e, n.get()) < 0) return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

// update/subtract(iterable=None, /, **kwds)
int update_impl(ThreadState* ts, const char* qualname, Object* self, Object* const* args, size_t nargs,
                Object* kwnames, bool add) {
  static const char* const kNames[] = {"iterable"};
  if (check_py_arity(ts, qualname, nargs, 0, 1, kNames) < 0) return -1;
  if (nargs == 1 && !is_none(args[0]) && count_from(ts, self, args[0], add) < 0) return -1;
  size_t nkw = kwnames_count(kwnames);
  if (nkw) {
    Ref kw = Ref::steal(dict_new(ts));
    if (!kw) return -1;
    for (size_t i = 0; i < nkw; ++i)
      if (dict_set_item(ts, kw.get(), tuple_items(kwnames)[i], args[nargs + i]) < 0) return -1;
    if (count_from(ts, self, kw.get(), add) < 0) return -1;
  }
  return 0;
}

Object* c_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (update_impl(ts, "Counter.__init__", self, args, nargs, kwnames, true) < 0) return nullptr;
  return py_none();
}
Object* c_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (update_impl(ts, "Counter.update", self, args, nargs, kwnames, true) < 0) return nullptr;
  return py_none();
}
Object* c_subtract(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (update_impl(ts, "Counter.subtract", self, args, nargs, kwnames, false) < 0) return nullptr;
  return py_none();
}

Object* c_missing(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return zero(ts); }

Object* c_total(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref sum = Ref::steal(zero(ts));
  for (auto& [k, v] : items_of(self)) {
    sum = Ref::steal(number_add(ts, sum.get(), v.get()));
    if (!sum) return nullptr;
  }
  return sum.release();
}

// The (key, count) pairs sorted by descending count, ties in insertion order.
Object* sorted_items(ThreadState* ts, Object* self) {
  Items items = items_of(self);
  bool failed = false;
  std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
    if (failed) return false;
    int r = rich_compare_bool(ts, b.second.get(), a.second.get(), CompareOp::Lt);
    if (r < 0) failed = true;
    return r > 0;
  });
  if (failed) return nullptr;
  Ref l = Ref::steal(list_new(ts, 0));
  if (!l) return nullptr;
  for (auto& [k, v] : items) {
    Ref t = Ref::steal(tuple_pack(ts, {k.get(), v.get()}));
    if (!t || list_append(ts, l.get(), t.get()) < 0) return nullptr;
  }
  return l.release();
}

Object* c_most_common(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"n"};
  size_t nkw = kwnames_count(kwnames);
  Object* n = nargs ? args[0] : nullptr;
  if (check_py_arity(ts, "Counter.most_common", nargs, 0, 1, kNames) < 0) return nullptr;
  for (size_t i = 0; i < nkw; ++i) {
    Object* name = tuple_items(kwnames)[i];
    if (!str_equal_cstr(name, "n")) {
      return raise_format(ts, &exc::TypeError, "Counter.most_common() got an unexpected keyword argument '%s'",
                          str_utf8(ts, name));
    }
    if (n) return raise(ts, &exc::TypeError, "Counter.most_common() got multiple values for argument 'n'");
    n = args[nargs + i];
  }
  Ref l = Ref::steal(sorted_items(ts, self));
  if (!l || !n || is_none(n)) return l.release();
  int64_t k = as_ssize(ts, n, nullptr);
  if (k == -1 && runtime::has_exception(ts)) return nullptr;
  k = std::clamp<int64_t>(k, 0, list_size(l.get()));
  Ref head = Ref::steal(list_new(ts, static_cast<size_t>(k)));
  if (!head) return nullptr;
  for (int64_t i = 0; i < k; ++i) list_items(head.get())[i] = new_ref(list_items(l.get())[i]);
  return head.release();
}

Object* c_elements(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref l = Ref::steal(list_new(ts, 0));
  if (!l) return nullptr;
  for (auto& [k, v] : items_of(self)) {
    int64_t n = as_ssize(ts, v.get(), nullptr);
    if (n == -1 && runtime::has_exception(ts)) return nullptr;
    for (int64_t i = 0; i < n; ++i)
      if (list_append(ts, l.get(), k.get()) < 0) return nullptr;
  }
  return get_iter(ts, l.get());
}

Object* c_fromkeys(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return raise(ts, &exc::NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
}

Object* c_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return call(ts, self->ob_type, &self, 1);
}

Object* c_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref d = Ref::steal(dict_copy(ts, self));
  if (!d) return nullptr;
  Ref args = Ref::steal(tuple_pack(ts, {d.get()}));
  if (!args) return nullptr;
  return tuple_pack(ts, {self->ob_type, args.get()});
}

Object* c_delitem(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int r = dict_pop(ts, self, args[0], nullptr);
  if (r < 0) return nullptr;
  return py_none();
}

Object* c_repr(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  const char* name = type_name(self->ob_type);
  if (dict_size(self) == 0) return str_from_format(ts, "%s()", name);
  Ref d;
  Ref items = Ref::steal(sorted_items(ts, self));
  if (items) {
    d = Ref::steal(dict_new(ts));
    if (!d || dict_merge_pairs(ts, d.get(), items.get()) < 0) return nullptr;
  } else {
    if (!runtime::exception_matches(ts, &exc::TypeError)) return nullptr;
    runtime::clear_exception(ts);
    d = Ref::steal(dict_copy(ts, self));
    if (!d) return nullptr;
  }
  Ref r = Ref::steal(repr(ts, d.get()));
  if (!r) return nullptr;
  StrBuilder b;
  b.append(name);
  b.append("(");
  b.append_str(ts, r.get());
  b.append(")");
  return b.finish(ts);
}

// --- comparisons -----------------------------------------------------------------

// all(self[e] op other[e] for c in (self, other) for e in c): 0/1/-1.
int all_counts(ThreadState* ts, Object* self, Object* other, CompareOp op) {
  for (Object* c : {self, other}) {
    for (auto& [k, v] : items_of(c)) {
      Ref a = Ref::steal(get_item(ts, self, k.get()));
      if (!a) return -1;
      Ref b = Ref::steal(get_item(ts, other, k.get()));
      if (!b) return -1;
      Ref r = Ref::steal(rich_compare(ts, a.get(), b.get(), op));
      if (!r) return -1;
      int t = is_true(ts, r.get());
      if (t <= 0) return t;
    }
  }
  return 1;
}

Object* compare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
  if (!is_counter(ts, other)) return new_ref(py_not_implemented());
  int r = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      r = all_counts(ts, self, other, CompareOp::Eq);
      if (r >= 0 && op == CompareOp::Ne) r = !r;
      break;
    case CompareOp::Le:
    case CompareOp::Ge:
      r = all_counts(ts, self, other, op);
      break;
    case CompareOp::Lt:
    case CompareOp::Gt:
      r = all_counts(ts, self, other, op == CompareOp::Lt ? CompareOp::Le : CompareOp::Ge);
      if (r > 0) {
        int eq = all_counts(ts, self, other, CompareOp::Eq);
        r = eq < 0 ? -1 : !eq;
      }
      break;
  }
  if (r < 0) return nullptr;
  return py_bool(r);
}

Object* c_eq(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return compare(ts, self, args[0], CompareOp::Eq); }
Object* c_ne(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return compare(ts, self, args[0], CompareOp::Ne); }
Object* c_le(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return compare(ts, self, args[0], CompareOp::Le); }
Object* c_lt(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return compare(ts, self, args[0], CompareOp::Lt); }
Object* c_ge(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return compare(ts, self, args[0], CompareOp::Ge); }
Object* c_gt(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return compare(ts, self, args[0], CompareOp::Gt); }

// --- arithmetic --------------------------------------------------------------------

enum class Op { Add, Sub, Or, And };

// result[elem] = newcount when it is positive; then the elements only `other`
// has (Add/Or: positive counts; Sub: negated negative counts).
Object* combine(ThreadState* ts, Object* self, Object* other, Op op) {
  if (!is_counter(ts, other)) return new_ref(py_not_implemented());
  Ref result = Ref::steal(new_counter(ts, self));
  if (!result) return nullptr;
  for (auto& [elem, count] : items_of(self)) {
    Ref oc = Ref::steal(get_item(ts, other, elem.get()));
    if (!oc) return nullptr;
    Ref n;
    switch (op) {
      case Op::Add: n = Ref::steal(number_add(ts, count.get(), oc.get())); break;
      case Op::Sub: n = Ref::steal(number_subtract(ts, count.get(), oc.get())); break;
      case Op::Or:
      case Op::And: {
        int lt = rich_compare_bool(ts, count.get(), oc.get(), CompareOp::Lt);
        if (lt < 0) return nullptr;
        bool take_other = (op == Op::Or) ? lt : !lt;
        n = Ref::borrow(take_other ? oc.get() : count.get());
        break;
      }
    }
    if (!n) return nullptr;
    int pos = compare_zero(ts, n.get(), CompareOp::Gt);
    if (pos < 0) return nullptr;
    if (pos && set_item(ts, result.get(), elem.get(), n.get()) < 0) return nullptr;
  }
  if (op == Op::And) return result.release();
  for (auto& [elem, count] : items_of(other)) {
    int in = dict_contains(ts, self, elem.get());
    if (in < 0) return nullptr;
    if (in) continue;
    if (op == Op::Sub) {
      int neg = compare_zero(ts, count.get(), CompareOp::Lt);
      if (neg < 0) return nullptr;
      if (!neg) continue;
      Ref z = Ref::steal(zero(ts));
      Ref n = z ? Ref::steal(number_subtract(ts, z.get(), count.get())) : Ref();
      if (!n || set_item(ts, result.get(), elem.get(), n.get()) < 0) return nullptr;
    } else {
      int pos = compare_zero(ts, count.get(), CompareOp::Gt);
      if (pos < 0) return nullptr;
      if (pos && set_item(ts, result.get(), elem.get(), count.get()) < 0) return nullptr;
    }
  }
  return result.release();
}

Object* c_add(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return combine(ts, self, args[0], Op::Add); }
Object* c_sub(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return combine(ts, self, args[0], Op::Sub); }
Object* c_or(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return combine(ts, self, args[0], Op::Or); }
Object* c_and(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return combine(ts, self, args[0], Op::And); }

// +c keeps the positive counts, -c negates the negative ones.
Object* sign_filter(ThreadState* ts, Object* self, bool negate) {
  Ref result = Ref::steal(new_counter(ts, self));
  if (!result) return nullptr;
  for (auto& [elem, count] : items_of(self)) {
    int keep = compare_zero(ts, count.get(), negate ? CompareOp::Lt : CompareOp::Gt);
    if (keep < 0) return nullptr;
    if (!keep) continue;
    Ref v = Ref::borrow(count.get());
    if (negate) {
      Ref z = Ref::steal(zero(ts));
      v = z ? Ref::steal(number_subtract(ts, z.get(), count.get())) : Ref();
      if (!v) return nullptr;
    }
    if (set_item(ts, result.get(), elem.get(), v.get()) < 0) return nullptr;
  }
  return result.release();
}
Object* c_pos(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return sign_filter(ts, self, false); }
Object* c_neg(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return sign_filter(ts, self, true); }

// Drops the elements whose count is not > 0; returns self.
Object* c_keep_positive(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::vector<Ref> drop;
  for (auto& [elem, count] : items_of(self)) {
    int pos = compare_zero(ts, count.get(), CompareOp::Gt);
    if (pos < 0) return nullptr;
    if (!pos) drop.push_back(Ref::borrow(elem.get()));
  }
  for (Ref& e : drop)
    if (del_item(ts, self, e.get()) < 0) return nullptr;
  return new_ref(self);
}

Object* inplace(ThreadState* ts, Object* self, Object* other, Op op) {
  Items items;
  if (op == Op::And) {
    items = items_of(self);
  } else if (mapping_items(ts, other, &items) < 0) {
    return nullptr;
  }
  for (auto& [elem, count] : items) {
    if (op == Op::And) {
      Ref oc = Ref::steal(get_item(ts, other, elem.get()));
      if (!oc) return nullptr;
      int lt = rich_compare_bool(ts, oc.get(), count.get(), CompareOp::Lt);
      if (lt < 0) return nullptr;
      if (lt && set_item(ts, self, elem.get(), oc.get()) < 0) return nullptr;
      continue;
    }
    Ref cur = Ref::steal(get_item(ts, self, elem.get()));
    if (!cur) return nullptr;
    if (op == Op::Or) {
      int gt = rich_compare_bool(ts, count.get(), cur.get(), CompareOp::Gt);
      if (gt < 0) return nullptr;
      if (gt && set_item(ts, self, elem.get(), count.get()) < 0) return nullptr;
      continue;
    }
    Ref n = Ref::steal(op == Op::Add ? number_add(ts, cur.get(), count.get()) : number_subtract(ts, cur.get(), count.get()));
    if (!n || set_item(ts, self, elem.get(), n.get()) < 0) return nullptr;
  }
  return c_keep_positive(ts, self, nullptr, 0, nullptr);
}

Object* c_iadd(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return inplace(ts, self, args[0], Op::Add); }
Object* c_isub(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return inplace(ts, self, args[0], Op::Sub); }
Object* c_ior(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return inplace(ts, self, args[0], Op::Or); }
Object* c_iand(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return inplace(ts, self, args[0], Op::And); }

constexpr MethodDef counter_methods_table[] = {
    {"_keep_positive", c_keep_positive, kMethNoArgs, "Internal method to strip elements with a negative or zero count"},
    {"__init__", c_init, kMethKeywords, "Create a new, empty Counter object."},
    {"__missing__", c_missing, kMethO, "The count of elements not in the Counter is zero."},
    {"total", c_total, kMethNoArgs, "Sum of the counts"},
    {"most_common", c_most_common, kMethKeywords, "List the n most common elements and their counts."},
    {"elements", c_elements, kMethNoArgs, "Iterator over elements repeating each as many times as its count."},
    {"fromkeys", c_fromkeys, kMethKeywords | kMethClass},
    {"update", c_update, kMethKeywords, "Like dict.update() but add counts instead of replacing them."},
    {"subtract", c_subtract, kMethKeywords, "Like dict.update() but subtracts counts instead of replacing them."},
    {"copy", c_copy, kMethNoArgs, "Return a shallow copy."},
    {"__reduce__", c_reduce, kMethNoArgs},
    {"__delitem__", c_delitem, kMethO, "Like dict.__delitem__() but does not raise KeyError for missing values."},
    {"__repr__", c_repr, kMethNoArgs},
    {"__eq__", c_eq, kMethO},
    {"__ne__", c_ne, kMethO},
    {"__le__", c_le, kMethO},
    {"__lt__", c_lt, kMethO},
    {"__ge__", c_ge, kMethO},
    {"__gt__", c_gt, kMethO},
    {"__add__", c_add, kMethO},
    {"__sub__", c_sub, kMethO},
    {"__or__", c_or, kMethO},
    {"__and__", c_and, kMethO},
    {"__pos__", c_pos, kMethNoArgs},
    {"__neg__", c_neg, kMethNoArgs},
    {"__iadd__", c_iadd, kMethO},
    {"__isub__", c_isub, kMethO},
    {"__ior__", c_ior, kMethO},
    {"__iand__", c_iand, kMethO},
    {},
};

const MethodDef& keep_positive_def() { return counter_methods_table[0]; }

}  // namespace

Object* make_counter_class(ThreadState* ts) {
  Ref bases = Ref::steal(tuple_pack(ts, {&dict_type}));
  if (!bases) return nullptr;
  return build_class(ts, "Counter", bases.get(), &dict_type, counter_methods_table,
                     "Dict subclass for counting hashable items.  Sometimes called a bag\n"
                     "or multiset.  Elements are stored as dictionary keys and their counts\n"
                     "are stored as dictionary values.\n");
}

}  // namespace spindle::modules
