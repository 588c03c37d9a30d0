// The operator module: Python's operators as functions (add, lt, getitem,
// the in-place forms, ...) plus the attrgetter, itemgetter and methodcaller
// callables.
//
// Invariants: the functions are positional-only and word their argument
// errors as CPython's _operator does ("_operator.add() takes no keyword
// arguments", "add expected 2 arguments, got 1"); every `__x__` alias is the
// same object as `x`. The three callable types are not subclassable and own
// everything they were built from (for their reprs).
#include <string>

#include "modules/iter_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/opcode.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;
using vm::BinaryOpKind;

Type operator_attrgetter_type;
Type operator_itemgetter_type;
Type operator_methodcaller_type;

namespace {

// "_operator.name() takes no keyword arguments" / "name expected N
// arguments, got M". 0 / -1.
int check_args(ThreadState* ts, const char* name, size_t nargs, Object* kwnames, size_t min, size_t max) {
  if (kwnames_count(kwnames) != 0) {
    raise_format(ts, &exc::TypeError, "_operator.%s() takes no keyword arguments", name);
    return -1;
  }
  return check_nargs(ts, name, nargs, min, max);
}

// The METH_O form: "_operator.name() takes exactly one argument (0 given)".
int check_one(ThreadState* ts, const char* name, size_t nargs, Object* kwnames) {
  if (kwnames_count(kwnames) != 0) {
    raise_format(ts, &exc::TypeError, "_operator.%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs != 1) {
    raise_format(ts, &exc::TypeError, "_operator.%s() takes exactly one argument (%zu given)", name, nargs);
    return -1;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// The operator functions, declared once per shape.
// ---------------------------------------------------------------------------

#define OPERATOR_BINARY(fname, kind)                                                                 \
  Object* op_##fname(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) { \
    if (check_args(ts, #fname, nargs, kwnames, 2, 2) < 0) return nullptr;                            \
    return binary_op(ts, args[0], args[1], static_cast<int>(BinaryOpKind::kind));                    \
  }
OPERATOR_BINARY(add, ADD)
OPERATOR_BINARY(and_, AND)
OPERATOR_BINARY(floordiv, FLOOR_DIVIDE)
OPERATOR_BINARY(lshift, LSHIFT)
OPERATOR_BINARY(matmul, MATRIX_MULTIPLY)
OPERATOR_BINARY(mul, MULTIPLY)
OPERATOR_BINARY(mod, REMAINDER)
OPERATOR_BINARY(or_, OR)
OPERATOR_BINARY(pow, POWER)
OPERATOR_BINARY(rshift, RSHIFT)
OPERATOR_BINARY(sub, SUBTRACT)
OPERATOR_BINARY(truediv, TRUE_DIVIDE)
OPERATOR_BINARY(xor, XOR)
OPERATOR_BINARY(iadd, INPLACE_ADD)
OPERATOR_BINARY(iand, INPLACE_AND)
OPERATOR_BINARY(ifloordiv, INPLACE_FLOOR_DIVIDE)
OPERATOR_BINARY(ilshift, INPLACE_LSHIFT)
OPERATOR_BINARY(imatmul, INPLACE_MATRIX_MULTIPLY)
OPERATOR_BINARY(imul, INPLACE_MULTIPLY)
OPERATOR_BINARY(imod, INPLACE_REMAINDER)
OPERATOR_BINARY(ior, INPLACE_OR)
OPERATOR_BINARY(ipow, INPLACE_POWER)
OPERATOR_BINARY(irshift, INPLACE_RSHIFT)
OPERATOR_BINARY(isub, INPLACE_SUBTRACT)
OPERATOR_BINARY(itruediv, INPLACE_TRUE_DIVIDE)
OPERATOR_BINARY(ixor, INPLACE_XOR)
#undef OPERATOR_BINARY

#define OPERATOR_COMPARE(fname, op)                                                                  \
  Object* op_##fname(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) { \
    if (check_args(ts, #fname, nargs, kwnames, 2, 2) < 0) return nullptr;                            \
    return rich_compare(ts, args[0], args[1], CompareOp::op);                                        \
  }
OPERATOR_COMPARE(lt, Lt)
OPERATOR_COMPARE(le, Le)
OPERATOR_COMPARE(eq, Eq)
OPERATOR_COMPARE(ne, Ne)
OPERATOR_COMPARE(gt, Gt)
OPERATOR_COMPARE(ge, Ge)
#undef OPERATOR_COMPARE

#define OPERATOR_UNARY(fname, fn)                                                                    \
  Object* op_##fname(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) { \
    if (check_one(ts, #fname, nargs, kwnames) < 0) return nullptr;                                   \
    return fn(ts, args[0]);                                                                          \
  }
OPERATOR_UNARY(abs, number_absolute)
OPERATOR_UNARY(neg, number_negative)
OPERATOR_UNARY(pos, number_positive)
OPERATOR_UNARY(inv, number_invert)
OPERATOR_UNARY(invert, number_invert)
#undef OPERATOR_UNARY

// operator.index(a): always an exact int (True → 1).
Object* op_index(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_one(ts, "index", nargs, kwnames) < 0) return nullptr;
  Ref r = Ref::steal(number_index(ts, args[0]));
  if (!r || is_int_exact(r.get())) return r.release();
  if (int_is_small(r.get())) return int_from_i64(ts, int_small_value(r.get()));
  mpz_t z;
  mpz_init(z);
  int_to_mpz(r.get(), z);
  Object* result = int_from_mpz(ts, z);
  mpz_clear(z);
  return result;
}

Object* truth_of(ThreadState* ts, Object* o, bool negate) {
  int t = is_true(ts, o);
  if (t < 0) return nullptr;
  return py_bool((t != 0) != negate);
}
Object* op_truth(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_one(ts, "truth", nargs, kwnames) < 0) return nullptr;
  return truth_of(ts, args[0], false);
}
Object* op_not_(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_one(ts, "not_", nargs, kwnames) < 0) return nullptr;
  return truth_of(ts, args[0], true);
}
Object* op_is_(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "is_", nargs, kwnames, 2, 2) < 0) return nullptr;
  return py_bool(args[0] == args[1]);
}
Object* op_is_not(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "is_not", nargs, kwnames, 2, 2) < 0) return nullptr;
  return py_bool(args[0] != args[1]);
}

// Whether `o` supports the sequence protocol (PySequence_Check): indexable
// and not a mapping.
bool is_sequence(Object* o) { return o->ob_type->mp_subscript && !is_dict(o); }

Object* op_concat(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "concat", nargs, kwnames, 2, 2) < 0) return nullptr;
  Object* a = args[0];
  if (a->ob_type->sq_concat) return a->ob_type->sq_concat(ts, a, args[1]);
  if (is_sequence(a) && is_sequence(args[1])) return number_add(ts, a, args[1]);
  return raise_format(ts, &exc::TypeError, "'%s' object can't be concatenated", tp_name(a));
}
Object* op_iconcat(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "iconcat", nargs, kwnames, 2, 2) < 0) return nullptr;
  Object* a = args[0];
  if (a->ob_type->sq_inplace_concat) return a->ob_type->sq_inplace_concat(ts, a, args[1]);
  if (a->ob_type->sq_concat) return a->ob_type->sq_concat(ts, a, args[1]);
  if (is_sequence(a) && is_sequence(args[1])) {
    return binary_op(ts, a, args[1], static_cast<int>(BinaryOpKind::INPLACE_ADD));
  }
  return raise_format(ts, &exc::TypeError, "'%s' object can't be concatenated", tp_name(a));
}

Object* op_contains(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "contains", nargs, kwnames, 2, 2) < 0) return nullptr;
  int r = contains(ts, args[0], args[1]);
  return r < 0 ? nullptr : py_bool(r);
}

// Walks `seq` comparing items with `item`: the count of equal items, or
// (first_only) the index of the first, -2 if none; -1 on error.
int64_t scan_for(ThreadState* ts, Object* seq, Object* item, bool first_only) {
  Ref it = Ref::steal(get_iter(ts, seq));
  if (!it) {
    if (runtime::exception_matches(ts, &exc::TypeError)) {
      runtime::clear_exception(ts);
      raise_format(ts, &exc::TypeError, "argument of type '%s' is not iterable", tp_name(seq));
    }
    return -1;
  }
  int64_t count = 0, index = 0;
  for (;; ++index) {
    Ref v = Ref::steal(iter_next(ts, it.get()));
    if (!v) break;
    int eq = rich_compare_bool(ts, v.get(), item, CompareOp::Eq);
    if (eq < 0) return -1;
    if (eq) {
      if (first_only) return index;
      ++count;
    }
  }
  if (runtime::has_exception(ts)) return -1;
  return first_only ? -2 : count;
}

Object* op_countOf(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "countOf", nargs, kwnames, 2, 2) < 0) return nullptr;
  int64_t n = scan_for(ts, args[0], args[1], false);
  return n < 0 ? nullptr : int_from_i64(ts, n);
}
Object* op_indexOf(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "indexOf", nargs, kwnames, 2, 2) < 0) return nullptr;
  int64_t i = scan_for(ts, args[0], args[1], true);
  if (i == -2) return raise(ts, &exc::ValueError, "sequence.index(x): x not in sequence");
  return i < 0 ? nullptr : int_from_i64(ts, i);
}

Object* op_getitem(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "getitem", nargs, kwnames, 2, 2) < 0) return nullptr;
  return get_item(ts, args[0], args[1]);
}
Object* op_setitem(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "setitem", nargs, kwnames, 3, 3) < 0) return nullptr;
  return set_item(ts, args[0], args[1], args[2]) < 0 ? nullptr : py_none();
}
Object* op_delitem(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "delitem", nargs, kwnames, 2, 2) < 0) return nullptr;
  return del_item(ts, args[0], args[1]) < 0 ? nullptr : py_none();
}

Object* op_length_hint(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_args(ts, "length_hint", nargs, kwnames, 1, 2) < 0) return nullptr;
  int64_t dflt = 0;
  if (nargs == 2) {
    if (!is_int(args[1])) {
      return raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", tp_name(args[1]));
    }
    dflt = ssize_arg(ts, args[1]);
    if (dflt == -1 && runtime::has_exception(ts)) return nullptr;
  }
  int64_t n = length_hint(ts, args[0], dflt);
  return n < 0 && runtime::has_exception(ts) ? nullptr : int_from_i64(ts, n);
}

Object* op_call(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_nargs(ts, "call", nargs, 1, SIZE_MAX) < 0) return nullptr;
  return objects::call(ts, args[0], args + 1, nargs - 1, kwnames);
}

// ---------------------------------------------------------------------------
// attrgetter(attr, ...): `attrs` holds one entry per name, a str or, for a
// dotted name, a tuple of its parts.
// ---------------------------------------------------------------------------

struct Getter : Object {
  Object* items = nullptr;   // attrgetter: the attrs; itemgetter: the items; methodcaller: the args
  Object* name = nullptr;    // methodcaller: the method name
  Object* kwargs = nullptr;  // methodcaller: a dict
};

Getter* GT(Object* o) { return static_cast<Getter*>(o); }

void getter_dealloc(Object* o) { release_and_free(o, {GT(o)->items, GT(o)->name, GT(o)->kwargs}); }
int getter_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({GT(o)->items, GT(o)->name, GT(o)->kwargs}, visit, arg);
}

Object* attrgetter_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "attrgetter", kwnames) < 0) return nullptr;
  if (nargs < 1) return raise(ts, &exc::TypeError, "attrgetter expected 1 argument, got 0");
  Ref attrs = Ref::steal(tuple_new(ts, nargs));
  if (!attrs) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Object* a = args[i];
    if (!is_str(a)) return raise(ts, &exc::TypeError, "attribute name must be a string");
    std::string_view text = str_view(ts, a);
    Object* entry;
    if (text.find('.') == std::string_view::npos) {
      entry = str_intern(ts, str_from(ts, text));
    } else {
      Ref parts = Ref::steal(list_new(ts, 0));
      if (!parts) return nullptr;
      size_t start = 0;
      for (;;) {
        size_t dot = text.find('.', start);
        std::string_view part = text.substr(start, dot == std::string_view::npos ? text.size() - start : dot - start);
        Ref p = Ref::steal(str_intern(ts, str_from(ts, part)));
        if (!p || list_append(ts, parts.get(), p.get()) < 0) return nullptr;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
      }
      entry = list_as_tuple(ts, parts.get());
    }
    if (!entry) return nullptr;
    tuple_items(attrs.get())[i] = entry;
  }
  Getter* g = new_instance<Getter>(ts, type);
  if (!g) return nullptr;
  g->items = attrs.release();
  return g;
}

Object* get_dotted(ThreadState* ts, Object* obj, Object* attr) {
  if (is_str(attr)) return get_attr(ts, obj, attr);
  Ref cur = Ref::borrow(obj);
  for (int64_t i = 0; i < tuple_size(attr); ++i) {
    cur = Ref::steal(get_attr(ts, cur.get(), tuple_item_borrowed(attr, i)));
    if (!cur) return nullptr;
  }
  return cur.release();
}

Object* attrgetter_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "attrgetter", kwnames) < 0 || check_nargs(ts, "attrgetter", nargs, 1, 1) < 0) {
    return nullptr;
  }
  Object* attrs = GT(self)->items;
  int64_t n = tuple_size(attrs);
  if (n == 1) return get_dotted(ts, args[0], tuple_item_borrowed(attrs, 0));
  Ref result = Ref::steal(tuple_new(ts, static_cast<size_t>(n)));
  if (!result) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    Object* v = get_dotted(ts, args[0], tuple_item_borrowed(attrs, i));
    if (!v) return nullptr;
    tuple_items(result.get())[i] = v;
  }
  return result.release();
}

// "operator.<type>(" + the reprs of `items` + ")" with a recursion guard.
Object* getter_repr(ThreadState* ts, Object* self, Object* items, bool dotted_names) {
  int guard = repr_enter(ts, self);
  if (guard < 0) return nullptr;
  if (guard > 0) return str_from_format(ts, "%s(...)", tp_name(self));
  StrBuilder b;
  b.append(tp_name(self));
  b.append("(");
  bool ok = true;
  for (int64_t i = 0; i < tuple_size(items) && ok; ++i) {
    if (i) b.append(", ");
    Object* item = tuple_item_borrowed(items, i);
    Ref text;
    if (dotted_names && is_tuple(item)) {
      Ref dot = Ref::steal(str_from_cstr(ts, "."));
      Ref joined = Ref::steal(dot ? str_join(ts, dot.get(), item) : nullptr);
      text = Ref::steal(joined ? repr(ts, joined.get()) : nullptr);
    } else {
      text = Ref::steal(repr(ts, item));
    }
    if (!text) ok = false;
    else b.append_str(ts, text.get());
  }
  repr_leave(ts, self);
  if (!ok) return nullptr;
  b.append(")");
  return b.finish(ts);
}

Object* attrgetter_repr(ThreadState* ts, Object* self) { return getter_repr(ts, self, GT(self)->items, true); }

// ---------------------------------------------------------------------------
// itemgetter(item, ...)
// ---------------------------------------------------------------------------

Object* itemgetter_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "itemgetter", kwnames) < 0) return nullptr;
  if (nargs < 1) return raise(ts, &exc::TypeError, "itemgetter expected 1 argument, got 0");
  Ref items = Ref::steal(tuple_from_array(ts, args, nargs));
  if (!items) return nullptr;
  Getter* g = new_instance<Getter>(ts, type);
  if (!g) return nullptr;
  g->items = items.release();
  return g;
}

Object* itemgetter_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "itemgetter", kwnames) < 0 || check_nargs(ts, "itemgetter", nargs, 1, 1) < 0) {
    return nullptr;
  }
  Object* items = GT(self)->items;
  int64_t n = tuple_size(items);
  if (n == 1) return get_item(ts, args[0], tuple_item_borrowed(items, 0));
  Ref result = Ref::steal(tuple_new(ts, static_cast<size_t>(n)));
  if (!result) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    Object* v = get_item(ts, args[0], tuple_item_borrowed(items, i));
    if (!v) return nullptr;
    tuple_items(result.get())[i] = v;
  }
  return result.release();
}

Object* itemgetter_repr(ThreadState* ts, Object* self) { return getter_repr(ts, self, GT(self)->items, false); }

// ---------------------------------------------------------------------------
// methodcaller(name, /, *args, **kwargs)
// ---------------------------------------------------------------------------

Object* methodcaller_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 1) return raise(ts, &exc::TypeError, "methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return raise(ts, &exc::TypeError, "method name must be a string");
  Ref name = Ref::steal(str_intern(ts, str_from(ts, str_view(ts, args[0]))));
  if (!name) return nullptr;
  Ref rest = Ref::steal(tuple_from_array(ts, args + 1, nargs - 1));
  Ref kwargs = Ref::steal(dict_new(ts));
  if (!rest || !kwargs) return nullptr;
  size_t nkw = kwnames_count(kwnames);
  for (size_t i = 0; i < nkw; ++i) {
    if (dict_set_item(ts, kwargs.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), args[nargs + i]) < 0) {
      return nullptr;
    }
  }
  Getter* g = new_instance<Getter>(ts, type);
  if (!g) return nullptr;
  g->name = name.release();
  g->items = rest.release();
  g->kwargs = kwargs.release();
  return g;
}

Object* methodcaller_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "methodcaller", kwnames) < 0 || check_nargs(ts, "methodcaller", nargs, 1, 1) < 0) {
    return nullptr;
  }
  Ref method = Ref::steal(get_attr(ts, args[0], GT(self)->name));
  if (!method) return nullptr;
  return call_tuple_dict(ts, method.get(), GT(self)->items, GT(self)->kwargs);
}

Object* methodcaller_repr(ThreadState* ts, Object* self) {
  int guard = repr_enter(ts, self);
  if (guard < 0) return nullptr;
  if (guard > 0) return str_from_format(ts, "%s(...)", tp_name(self));
  StrBuilder b;
  b.append(tp_name(self));
  b.append("(");
  bool ok = true;
  Ref name = Ref::steal(repr(ts, GT(self)->name));
  if (!name) ok = false;
  else b.append_str(ts, name.get());
  Object* items = GT(self)->items;
  for (int64_t i = 0; i < tuple_size(items) && ok; ++i) {
    Ref text = Ref::steal(repr(ts, tuple_item_borrowed(items, i)));
    if (!text) ok = false;
    else {
      b.append(", ");
      b.append_str(ts, text.get());
    }
  }
  size_t pos = 0;
  Object *key, *value;
  while (ok && dict_next(GT(self)->kwargs, &pos, &key, &value)) {
    Ref text = Ref::steal(repr(ts, value));
    if (!text) ok = false;
    else {
      b.append(", ");
      b.append_str(ts, key);
      b.append("=");
      b.append_str(ts, text.get());
    }
  }
  repr_leave(ts, self);
  if (!ok) return nullptr;
  b.append(")");
  return b.finish(ts);
}

void init_getter_type(Type& t, const char* name, const char* doc, NewFn n, CallFn c, UnaryFn r) {
  t.name = name;
  t.doc = doc;
  t.basicsize = sizeof(Getter);
  t.flags = kTypeHaveGC;
  t.dealloc = getter_dealloc;
  t.traverse = getter_traverse;
  t.new_ = n;
  t.call = c;
  t.repr = r;
}

// ---------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------

#define OPERATOR_FUNCTIONS(X)                                                                  \
  X(abs, "Same as abs(a).", "__abs__")                                                          \
  X(add, "Same as a + b.", "__add__")                                                           \
  X(and_, "Same as a & b.", "__and__")                                                          \
  X(call, "Same as obj(*args, **kwargs).", "__call__")                                          \
  X(concat, "Same as a + b, for a and b sequences.", "__concat__")                              \
  X(contains, "Same as b in a (note reversed operands).", "__contains__")                       \
  X(countOf, "Return the number of items in a which are, or which equal, b.", nullptr)          \
  X(delitem, "Same as del a[b].", "__delitem__")                                                \
  X(eq, "Same as a == b.", "__eq__")                                                            \
  X(floordiv, "Same as a // b.", "__floordiv__")                                                \
  X(ge, "Same as a >= b.", "__ge__")                                                            \
  X(getitem, "Same as a[b].", "__getitem__")                                                    \
  X(gt, "Same as a > b.", "__gt__")                                                             \
  X(iadd, "Same as a += b.", "__iadd__")                                                        \
  X(iand, "Same as a &= b.", "__iand__")                                                        \
  X(iconcat, "Same as a += b, for a and b sequences.", "__iconcat__")                           \
  X(ifloordiv, "Same as a //= b.", "__ifloordiv__")                                             \
  X(ilshift, "Same as a <<= b.", "__ilshift__")                                                 \
  X(imatmul, "Same as a @= b.", "__imatmul__")                                                  \
  X(imod, "Same as a %= b.", "__imod__")                                                        \
  X(imul, "Same as a *= b.", "__imul__")                                                        \
  X(index, "Same as a.__index__()", "__index__")                                                \
  X(indexOf, "Return the first index of b in a.", nullptr)                                      \
  X(inv, "Same as ~a.", "__inv__")                                                              \
  X(invert, "Same as ~a.", "__invert__")                                                        \
  X(ior, "Same as a |= b.", "__ior__")                                                          \
  X(ipow, "Same as a **= b.", "__ipow__")                                                       \
  X(irshift, "Same as a >>= b.", "__irshift__")                                                 \
  X(is_, "Same as a is b.", nullptr)                                                            \
  X(is_not, "Same as a is not b.", nullptr)                                                     \
  X(isub, "Same as a -= b.", "__isub__")                                                        \
  X(itruediv, "Same as a /= b.", "__itruediv__")                                                \
  X(ixor, "Same as a ^= b.", "__ixor__")                                                        \
  X(le, "Same as a <= b.", "__le__")                                                            \
  X(length_hint, "Return an estimate of the number of items in obj.", nullptr)                  \
  X(lshift, "Same as a << b.", "__lshift__")                                                    \
  X(lt, "Same as a < b.", "__lt__")                                                             \
  X(matmul, "Same as a @ b.", "__matmul__")                                                     \
  X(mod, "Same as a % b.", "__mod__")                                                           \
  X(mul, "Same as a * b.", "__mul__")                                                           \
  X(ne, "Same as a != b.", "__ne__")                                                            \
  X(neg, "Same as -a.", "__neg__")                                                              \
  X(not_, "Same as not a.", "__not__")                                                          \
  X(or_, "Same as a | b.", "__or__")                                                            \
  X(pos, "Same as +a.", "__pos__")                                                              \
  X(pow, "Same as a ** b.", "__pow__")                                                          \
  X(rshift, "Same as a >> b.", "__rshift__")                                                    \
  X(setitem, "Same as a[b] = c.", "__setitem__")                                                \
  X(sub, "Same as a - b.", "__sub__")                                                           \
  X(truediv, "Same as a / b.", "__truediv__")                                                   \
  X(truth, "Return True if a is true, False otherwise.", nullptr)                               \
  X(xor, "Same as a ^ b.", "__xor__")

#define OPERATOR_DEF(fname, doc, alias) {#fname, op_##fname, kMethKeywords, doc},
const MethodDef operator_functions[] = {OPERATOR_FUNCTIONS(OPERATOR_DEF){}};
#undef OPERATOR_DEF

struct Alias {
  const char* dunder;
  const char* name;
};
#define OPERATOR_ALIAS(fname, doc, alias) {alias, #fname},
const Alias operator_aliases[] = {OPERATOR_FUNCTIONS(OPERATOR_ALIAS)};
#undef OPERATOR_ALIAS
#undef OPERATOR_FUNCTIONS

}  // namespace

void init_operator_attrgetter_type(Type& t) {
  init_getter_type(t, "operator.attrgetter",
                   "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.",
                   attrgetter_new, attrgetter_call, attrgetter_repr);
}
void init_operator_itemgetter_type(Type& t) {
  init_getter_type(t, "operator.itemgetter",
                   "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.",
                   itemgetter_new, itemgetter_call, itemgetter_repr);
}
void init_operator_methodcaller_type(Type& t) {
  init_getter_type(t, "operator.methodcaller",
                   "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.",
                   methodcaller_new, methodcaller_call, methodcaller_repr);
}

Object* init_operator_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "operator", operator_functions,
                                       "Operator interface.\n\nThis module exports a set of functions implemented in C "
                                       "corresponding\nto the intrinsic operators of Python."));
  if (!m) return nullptr;
  Object* d = module_dict_borrowed(m.get());
  for (const Alias& a : operator_aliases) {
    if (!a.dunder) continue;
    Object* f = dict_get_item_str_borrowed(ts, d, a.name);
    if (!f || add_object(ts, m.get(), a.dunder, new_ref(f)) < 0) return nullptr;
  }
  for (Type* t : {&operator_attrgetter_type, &operator_itemgetter_type, &operator_methodcaller_type})
    if (add_type(ts, m.get(), t) < 0) return nullptr;
  // __all__: the public names, sorted (as operator.py lists them).
  Ref all = Ref::steal(list_new(ts, 0));
  if (!all) return nullptr;
  size_t pos = 0;
  Object *key, *value;
  while (dict_next(d, &pos, &key, &value)) {
    if (is_str(key) && str_length(key) > 0 && str_char_at(key, 0) != '_' && list_append(ts, all.get(), key) < 0) {
      return nullptr;
    }
  }
  if (list_sort(ts, all.get(), nullptr, false) < 0) return nullptr;
  if (add_object(ts, m.get(), "__all__", all.release()) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
