// The object protocol (abstract.h): every operation on an object of unknown
// type, dispatched through its type's slots with CPython 3.11's rules and
// messages.
//
// Binary operators: a's slot is tried first, then b's (the reflected
// operation); if type(b) is a proper subclass of type(a) with its own slot,
// b's goes first. NotImplemented from both ends in the sequence fallbacks
// (concatenation, repetition) or in "unsupported operand type(s)".
// Recursion through C++ (repr, calls, comparisons) is guarded by
// enter_recursive_call (recursion.h).
#include "objects/abstract.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/args.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/recursion.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

int recursion_error(ThreadState* ts, const char* where) {
  raise_format(ts, &exc::RecursionError, "maximum recursion depth exceeded%s", where);
  return -1;
}

namespace {

bool is_ni(Object* o) { return o == py_not_implemented(); }
bool is_type_obj(Object* o) { return has_flag(o->ob_type, kTypeTypeSubclass); }

}  // namespace

// ===========================================================================
// Truth, hashing, text
// ===========================================================================

int is_true(ThreadState* ts, Object* o) {
  if (o == py_bool(true)) return 1;
  if (o == py_bool(false) || is_none(o)) return 0;
  Type* t = o->ob_type;
  if (t->nb_bool) return t->nb_bool(ts, o);
  if (t->mp_length) {
    int64_t n = t->mp_length(ts, o);
    if (n < 0) return -1;
    return n > 0;
  }
  return 1;
}

int64_t hash(ThreadState* ts, Object* o) {
  HashFn h = o->ob_type->hash;
  if (!h) return hash_not_implemented(ts, o);
  return h(ts, o);
}

Object* repr(ThreadState* ts, Object* o) {
  UnaryFn f = o->ob_type->repr;
  if (!f) return object_default_repr(ts, o);
  if (enter_recursive_call(ts, " while getting the repr of an object") < 0) return nullptr;
  Object* r = f(ts, o);
  leave_recursive_call(ts);
  if (r && !is_str(r)) {
    raise_format(ts, &exc::TypeError, "__repr__ returned non-string (type %s)", tp_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

Object* str(ThreadState* ts, Object* o) {
  if (o->ob_type == &str_type) return new_ref(o);
  UnaryFn f = o->ob_type->str;
  if (!f) return repr(ts, o);
  if (enter_recursive_call(ts, " while getting the str of an object") < 0) return nullptr;
  Object* r = f(ts, o);
  leave_recursive_call(ts);
  if (r && !is_str(r)) {
    raise_format(ts, &exc::TypeError, "__str__ returned non-string (type %s)", tp_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

Object* ascii(ThreadState* ts, Object* o) {
  Ref r = Ref::steal(repr(ts, o));
  if (!r) return nullptr;
  size_t len = 0;
  const char* p = str_utf8(ts, r.get(), &len);
  if (!p) return nullptr;
  bool pure = true;
  for (size_t i = 0; i < len && pure; ++i) pure = static_cast<unsigned char>(p[i]) < 0x80;
  if (pure) return r.release();
  std::string out;
  out.reserve(len + 16);
  for (size_t i = 0; i < len;) {
    auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence (the str is valid UTF-8, surrogates included).
    uint32_t cp;
    size_t n;
    if (c >= 0xF0) {
      cp = c & 0x07;
      n = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      n = 3;
    } else {
      cp = c & 0x1F;
      n = 2;
    }
    for (size_t k = 1; k < n && i + k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(p[i + k]) & 0x3F);
    i += n;
    char buf[16];
    if (cp <= 0xFF)
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp <= 0xFFFF)
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
  }
  return str_from_utf8(ts, out.data(), out.size());
}

Object* format(ThreadState* ts, Object* o, Object* spec) {
  Ref empty;
  if (!spec) {
    empty = Ref::steal(str_from_utf8(ts, "", 0));
    if (!empty) return nullptr;
    spec = empty.get();
  } else if (!is_str(spec)) {
    return raise_format(ts, &exc::TypeError, "format() argument 2 must be str, not %s", tp_name(spec));
  }
  if (str_length(spec) == 0 && (o->ob_type == &str_type || o->ob_type == &int_type)) return str(ts, o);
  Ref meth = Ref::steal(lookup_special(ts, o, ts->id->dunder_format));
  if (!meth) {
    if (runtime::has_exception(ts)) return nullptr;
    return raise_format(ts, &exc::TypeError, "Type %s doesn't define __format__", tp_name(o));
  }
  Object* args[1] = {spec};
  Object* r = call(ts, meth.get(), args, 1);
  if (r && !is_str(r)) {
    raise_format(ts, &exc::TypeError, "__format__ must return a str, not %s", tp_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

std::string repr_utf8(ThreadState* ts, Object* o) {
  Ref r = Ref::steal(repr(ts, o));
  if (!r) {
    runtime::clear_exception(ts);
    return "<unprintable>";
  }
  size_t len = 0;
  const char* p = str_utf8(ts, r.get(), &len);
  if (!p) {
    runtime::clear_exception(ts);
    return "<unprintable>";
  }
  return std::string(p, len);
}

// ===========================================================================
// Attributes
// ===========================================================================

namespace {

Object* get_attr_impl(ThreadState* ts, Object* o, Object* name) {
  if (!is_str(name)) {
    return raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", tp_name(name));
  }
  GetAttrFn f = o->ob_type->getattro;
  if (!f) f = generic_get_attr;
  return f(ts, o, name);
}

// 3.11 records the failed lookup on the AttributeError (its `name` and
// `obj`), from which the traceback printer suggests "Did you mean: ...?".
void set_attribute_error_context(ThreadState* ts, Object* o, Object* name) {
  if (!runtime::exception_matches(ts, &exc::AttributeError)) return;
  Object* e = runtime::fetch_exception(ts);
  Ref obj_name = Ref::steal(str_intern_cstr(ts, "obj"));
  Ref cur = Ref::steal(get_attr_impl(ts, e, ts->id->name));
  if (!cur || is_none(cur.get())) {
    runtime::clear_exception(ts);
    if (!obj_name || set_attr(ts, e, ts->id->name, name) < 0 || set_attr(ts, e, obj_name.get(), o) < 0) {
      runtime::clear_exception(ts);
    }
  }
  runtime::restore_exception(ts, e);
}

}  // namespace

Object* get_attr(ThreadState* ts, Object* o, Object* name) {
  Object* r = get_attr_impl(ts, o, name);
  if (!r) set_attribute_error_context(ts, o, name);
  return r;
}

Object* lookup_attr(ThreadState* ts, Object* o, Object* name) {
  Object* r = get_attr_impl(ts, o, name);
  if (!r && runtime::exception_matches(ts, &exc::AttributeError)) runtime::clear_exception(ts);
  return r;
}

Object* get_attr_str(ThreadState* ts, Object* o, const char* name) {
  Ref n = Ref::steal(str_intern_cstr(ts, name));
  if (!n) return nullptr;
  return get_attr(ts, o, n.get());
}

int set_attr(ThreadState* ts, Object* o, Object* name, Object* value) {
  if (!is_str(name)) {
    raise_format(ts, &exc::TypeError, "attribute name must be string, not '%s'", tp_name(name));
    return -1;
  }
  SetAttrFn f = o->ob_type->setattro;
  if (!f) {
    raise_format(ts, &exc::TypeError, "'%s' object has no attributes (%s .%s)", tp_name(o), value ? "assign to" : "del",
                 utf8_of(ts, name));
    return -1;
  }
  return f(ts, o, name, value);
}

int del_attr(ThreadState* ts, Object* o, Object* name) { return set_attr(ts, o, name, nullptr); }

int has_attr(ThreadState* ts, Object* o, Object* name) {
  Object* r = lookup_attr(ts, o, name);
  if (r) {
    decref(r);
    return 1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

Object* lookup_special(ThreadState* ts, Object* o, Object* name) {
  Object* descr = type_lookup_borrowed(o->ob_type, name);
  if (!descr) return nullptr;
  if (DescrGetFn get = descr->ob_type->descr_get) return get(ts, descr, o, o->ob_type);
  return new_ref(descr);
}

// ===========================================================================
// Calls
// ===========================================================================

Object* call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  CallFn f = callable->ob_type->call;
  if (!f) return raise_format(ts, &exc::TypeError, "'%s' object is not callable", tp_name(callable));
  if (kwnames && tuple_size(kwnames) == 0) kwnames = nullptr;
  return f(ts, callable, args, nargs, kwnames);
}

Object* call_tuple_dict(ThreadState* ts, Object* callable, Object* args_tuple, Object* kwargs_dict) {
  size_t nargs = args_tuple ? static_cast<size_t>(tuple_size(args_tuple)) : 0;
  size_t nkw = kwargs_dict ? static_cast<size_t>(dict_size(kwargs_dict)) : 0;
  if (nkw == 0) return call(ts, callable, nargs ? tuple_items(args_tuple) : nullptr, nargs, nullptr);
  std::vector<Object*> stack(nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) stack[i] = tuple_items(args_tuple)[i];
  Ref kwnames = Ref::steal(tuple_new(ts, nkw));
  if (!kwnames) return nullptr;
  size_t pos = 0;
  size_t k = 0;
  Object* key;
  Object* value;
  while (dict_next(kwargs_dict, &pos, &key, &value) && k < nkw) {
    if (!is_str(key)) return raise(ts, &exc::TypeError, "keywords must be strings");
    tuple_items(kwnames.get())[k] = new_ref(key);
    stack[nargs + k] = value;
    ++k;
  }
  // The dict's values are borrowed: keep the dict alive through the call.
  Ref keep = Ref::borrow(kwargs_dict);
  return call(ts, callable, stack.data(), nargs, kwnames.get());
}

Object* call_method(ThreadState* ts, Object* self, Object* name, Object* const* args, size_t nargs) {
  Ref m = Ref::steal(get_attr(ts, self, name));
  if (!m) return nullptr;
  return call(ts, m.get(), args, nargs);
}

bool is_callable(Object* o) { return o->ob_type->call != nullptr; }

// ===========================================================================
// Comparison
// ===========================================================================

namespace {

constexpr CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                  CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
constexpr const char* kOpSymbol[] = {"<", "<=", "==", "!=", ">", ">="};

Object* do_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  Type* ta = a->ob_type;
  Type* tb = b->ob_type;
  bool checked_reverse = false;
  if (ta != tb && is_subtype(tb, ta) && tb->richcompare) {
    checked_reverse = true;
    Object* r = tb->richcompare(ts, b, a, kSwapped[static_cast<int>(op)]);
    if (!r || !is_ni(r)) return r;
  }
  if (ta->richcompare) {
    Object* r = ta->richcompare(ts, a, b, op);
    if (!r || !is_ni(r)) return r;
  }
  if (!checked_reverse && tb->richcompare) {
    Object* r = tb->richcompare(ts, b, a, kSwapped[static_cast<int>(op)]);
    if (!r || !is_ni(r)) return r;
  }
  switch (op) {
    case CompareOp::Eq:
      return new_ref(py_bool(a == b));
    case CompareOp::Ne:
      return new_ref(py_bool(a != b));
    default:
      return raise_format(ts, &exc::TypeError, "'%s' not supported between instances of '%s' and '%s'",
                          kOpSymbol[static_cast<int>(op)], tp_name(a), tp_name(b));
  }
}

}  // namespace

Object* rich_compare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  // Two exact ints, floats or strs compare without running Python code, so
  // they take no recursion guard — like CPython's specialized COMPARE_OP,
  // which is why a deep recursion there reports plain "maximum recursion
  // depth exceeded" rather than "... in comparison".
  Type* t = a->ob_type;
  if (t == b->ob_type && (t == &int_type || t == &float_type || t == &str_type)) return t->richcompare(ts, a, b, op);
  if (enter_recursive_call(ts, " in comparison") < 0) return nullptr;
  Object* r = do_richcompare(ts, a, b, op);
  leave_recursive_call(ts);
  return r;
}

namespace {
template <class T>
int compare_values(T a, T b, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Gt: return a > b;
    default: return a >= b;
  }
}
}  // namespace

int rich_compare_bool(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::Eq) return 1;
    if (op == CompareOp::Ne) return 0;
  }
  // Exact word-sized ints, floats, and strs for (in)equality answer here,
  // without a result object (`x in list`, list.index, min/max).
  if (Type* t = a->ob_type; t == b->ob_type) {
    if (t == &int_type && int_is_small(a) && int_is_small(b)) return compare_values(int_small_value(a), int_small_value(b), op);
    if (t == &float_type) return compare_values(float_value(a), float_value(b), op);
    if (t == &str_type && (op == CompareOp::Eq || op == CompareOp::Ne)) return str_equal(a, b) == (op == CompareOp::Eq);
  }
  Object* r = rich_compare(ts, a, b, op);
  if (!r) return -1;
  int t = r == py_bool(true) ? 1 : r == py_bool(false) ? 0 : is_true(ts, r);
  decref(r);
  return t;
}

namespace {

// isinstance() without __instancecheck__: type(o), then o.__class__.
int recursive_isinstance(ThreadState* ts, Object* o, Object* cls) {
  if (is_type_obj(cls)) {
    if (is_subtype(o->ob_type, static_cast<Type*>(cls))) return 1;
    Ref c = Ref::steal(lookup_attr(ts, o, ts->id->dunder_class));
    if (!c) return runtime::has_exception(ts) ? -1 : 0;
    if (c.get() != o->ob_type && is_type_obj(c.get()))
      return is_subtype(static_cast<Type*>(c.get()), static_cast<Type*>(cls));
    return 0;
  }
  Ref bases = Ref::steal(lookup_attr(ts, cls, ts->id->dunder_bases));
  if (!bases || !has_flag(bases->ob_type, kTypeTupleSubclass)) {
    if (!runtime::has_exception(ts)) {
      raise(ts, &exc::TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    return -1;
  }
  Ref c = Ref::steal(lookup_attr(ts, o, ts->id->dunder_class));
  if (!c) return runtime::has_exception(ts) ? -1 : 0;
  return is_subclass(ts, c.get(), cls);
}

// Whether abstract class `derived` has `cls` among its __bases__, recursively.
int abstract_issubclass(ThreadState* ts, Object* derived, Object* cls) {
  for (;;) {
    if (derived == cls) return 1;
    Ref bases = Ref::steal(lookup_attr(ts, derived, ts->id->dunder_bases));
    if (!bases) return runtime::has_exception(ts) ? -1 : 0;
    if (!has_flag(bases->ob_type, kTypeTupleSubclass)) return 0;
    int64_t n = tuple_size(bases.get());
    if (n == 0) return 0;
    if (n == 1) {
      derived = tuple_items(bases.get())[0];
      Ref keep = Ref::borrow(derived);
      int r = abstract_issubclass(ts, derived, cls);
      return r;
    }
    for (int64_t i = 0; i < n; ++i) {
      int r = abstract_issubclass(ts, tuple_items(bases.get())[i], cls);
      if (r != 0) return r;
    }
    return 0;
  }
}

bool has_bases_tuple(ThreadState* ts, Object* o) {
  Ref b = Ref::steal(lookup_attr(ts, o, ts->id->dunder_bases));
  return b && has_flag(b->ob_type, kTypeTupleSubclass);
}

int recursive_issubclass(ThreadState* ts, Object* derived, Object* cls) {
  if (is_type_obj(cls) && is_type_obj(derived)) {
    return is_subtype(static_cast<Type*>(derived), static_cast<Type*>(cls));
  }
  if (!has_bases_tuple(ts, derived)) {
    if (runtime::has_exception(ts)) return -1;
    raise(ts, &exc::TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!is_type_obj(cls) && !has_bases_tuple(ts, cls)) {
    if (runtime::has_exception(ts)) return -1;
    raise(ts, &exc::TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return abstract_issubclass(ts, derived, cls);
}

}  // namespace

int is_instance(ThreadState* ts, Object* o, Object* cls) {
  if (o->ob_type == cls) return 1;
  if (cls->ob_type == &type_type) return recursive_isinstance(ts, o, cls);
  if (has_flag(cls->ob_type, kTypeTupleSubclass)) {
    if (enter_recursive_call(ts, " in __instancecheck__") < 0) return -1;
    int r = 0;
    for (int64_t i = 0; i < tuple_size(cls) && r == 0; ++i) r = is_instance(ts, o, tuple_items(cls)[i]);
    leave_recursive_call(ts);
    return r;
  }
  Ref checker = Ref::steal(lookup_special(ts, cls, ts->id->dunder_instancecheck));
  if (checker) {
    if (enter_recursive_call(ts, " in __instancecheck__") < 0) return -1;
    Object* args[1] = {o};
    Ref r = Ref::steal(call(ts, checker.get(), args, 1));
    leave_recursive_call(ts);
    if (!r) return -1;
    return is_true(ts, r.get());
  }
  if (runtime::has_exception(ts)) return -1;
  return recursive_isinstance(ts, o, cls);
}

int is_subclass(ThreadState* ts, Object* derived, Object* cls) {
  if (cls->ob_type == &type_type) {
    if (derived == cls) return 1;
    return recursive_issubclass(ts, derived, cls);
  }
  if (has_flag(cls->ob_type, kTypeTupleSubclass)) {
    if (enter_recursive_call(ts, " in __subclasscheck__") < 0) return -1;
    int r = 0;
    for (int64_t i = 0; i < tuple_size(cls) && r == 0; ++i) r = is_subclass(ts, derived, tuple_items(cls)[i]);
    leave_recursive_call(ts);
    return r;
  }
  Ref checker = Ref::steal(lookup_special(ts, cls, ts->id->dunder_subclasscheck));
  if (checker) {
    if (enter_recursive_call(ts, " in __subclasscheck__") < 0) return -1;
    Object* args[1] = {derived};
    Ref r = Ref::steal(call(ts, checker.get(), args, 1));
    leave_recursive_call(ts);
    if (!r) return -1;
    return is_true(ts, r.get());
  }
  if (runtime::has_exception(ts)) return -1;
  return recursive_issubclass(ts, derived, cls);
}

// ===========================================================================
// Numbers
// ===========================================================================

namespace {

// a's slot, then b's, with a proper subclass's slot first. NotImplemented
// (a new reference to the immortal) when neither applies.
Object* binary_op1(ThreadState* ts, Object* a, Object* b, BinaryFn Type::*field) {
  BinaryFn slota = a->ob_type->*field;
  BinaryFn slotb = nullptr;
  if (b->ob_type != a->ob_type) {
    slotb = b->ob_type->*field;
    if (slotb == slota) slotb = nullptr;
  }
  if (slota) {
    if (slotb && is_subtype(b->ob_type, a->ob_type)) {
      Object* x = slotb(ts, a, b);
      if (!x || !is_ni(x)) return x;
      slotb = nullptr;
    }
    Object* x = slota(ts, a, b);
    if (!x || !is_ni(x)) return x;
  }
  if (slotb) return slotb(ts, a, b);
  return py_not_implemented();
}

Object* binop_type_error(ThreadState* ts, Object* a, Object* b, const char* symbol) {
  return raise_format(ts, &exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", symbol, tp_name(a),
                      tp_name(b));
}

Object* binary_op(ThreadState* ts, Object* a, Object* b, BinaryFn Type::*field, const char* symbol) {
  Object* r = binary_op1(ts, a, b, field);
  if (r && is_ni(r)) return binop_type_error(ts, a, b, symbol);
  return r;
}

// seq * n (either side), after the number slots said NotImplemented.
Object* sequence_repeat(ThreadState* ts, RepeatFn repeat, Object* seq, Object* n) {
  if (!n->ob_type->nb_index) {
    return raise_format(ts, &exc::TypeError, "can't multiply sequence by non-int of type '%s'", tp_name(n));
  }
  int64_t count = as_ssize(ts, n, &exc::OverflowError);
  if (count == -1 && runtime::has_exception(ts)) return nullptr;
  return repeat(ts, seq, count);
}

Object* ternary_op(ThreadState* ts, Object* a, Object* b, Object* c, TernaryFn Type::*field, const char* symbol) {
  TernaryFn slota = a->ob_type->*field;
  TernaryFn slotb = nullptr;
  if (b->ob_type != a->ob_type) {
    slotb = b->ob_type->*field;
    if (slotb == slota) slotb = nullptr;
  }
  if (slota) {
    if (slotb && is_subtype(b->ob_type, a->ob_type)) {
      Object* x = slotb(ts, a, b, c);
      if (!x || !is_ni(x)) return x;
      slotb = nullptr;
    }
    Object* x = slota(ts, a, b, c);
    if (!x || !is_ni(x)) return x;
  }
  if (slotb) {
    Object* x = slotb(ts, a, b, c);
    if (!x || !is_ni(x)) return x;
  }
  if (!is_none(c)) {
    TernaryFn slotc = c->ob_type->*field;
    if (slotc && slotc != slota && slotc != slotb) {
      Object* x = slotc(ts, a, b, c);
      if (!x || !is_ni(x)) return x;
    }
    return raise_format(ts, &exc::TypeError, "unsupported operand type(s) for %s: '%s', '%s', '%s'", symbol, tp_name(a),
                        tp_name(b), tp_name(c));
  }
  return binop_type_error(ts, a, b, symbol);
}

// a op= b: a's in-place slot, then the binary operator.
Object* inplace_op1(ThreadState* ts, Object* a, Object* b, BinaryFn Type::*islot, BinaryFn Type::*slot) {
  if (BinaryFn f = a->ob_type->*islot) {
    Object* x = f(ts, a, b);
    if (!x || !is_ni(x)) return x;
  }
  return binary_op1(ts, a, b, slot);
}

Object* inplace_op(ThreadState* ts, Object* a, Object* b, BinaryFn Type::*islot, BinaryFn Type::*slot,
                   const char* symbol) {
  Object* r = inplace_op1(ts, a, b, islot, slot);
  if (r && is_ni(r)) return binop_type_error(ts, a, b, symbol);
  return r;
}

Object* inplace_add(ThreadState* ts, Object* a, Object* b) {
  Object* r = inplace_op1(ts, a, b, &Type::nb_inplace_add, &Type::nb_add);
  if (!r || !is_ni(r)) return r;
  if (BinaryFn f = a->ob_type->sq_inplace_concat) return f(ts, a, b);
  if (BinaryFn f = a->ob_type->sq_concat) return f(ts, a, b);
  return binop_type_error(ts, a, b, "+=");
}

Object* inplace_multiply(ThreadState* ts, Object* a, Object* b) {
  Object* r = inplace_op1(ts, a, b, &Type::nb_inplace_multiply, &Type::nb_multiply);
  if (!r || !is_ni(r)) return r;
  if (RepeatFn f = a->ob_type->sq_inplace_repeat) return sequence_repeat(ts, f, a, b);
  if (RepeatFn f = a->ob_type->sq_repeat) return sequence_repeat(ts, f, a, b);
  if (RepeatFn f = b->ob_type->sq_repeat) return sequence_repeat(ts, f, b, a);
  return binop_type_error(ts, a, b, "*=");
}

Object* inplace_power(ThreadState* ts, Object* a, Object* b) {
  if (TernaryFn f = a->ob_type->nb_inplace_power) {
    Object* x = f(ts, a, b, py_none());
    if (!x || !is_ni(x)) return x;
  }
  return ternary_op(ts, a, b, py_none(), &Type::nb_power, "**=");
}

Object* unary_op(ThreadState* ts, Object* o, UnaryFn Type::*field, const char* what) {
  if (UnaryFn f = o->ob_type->*field) return f(ts, o);
  return raise_format(ts, &exc::TypeError, "bad operand type for %s: '%s'", what, tp_name(o));
}

}  // namespace

Object* number_add(ThreadState* ts, Object* a, Object* b) {
  Object* r = binary_op1(ts, a, b, &Type::nb_add);
  if (!r || !is_ni(r)) return r;
  if (BinaryFn f = a->ob_type->sq_concat) return f(ts, a, b);
  return binop_type_error(ts, a, b, "+");
}

Object* number_multiply(ThreadState* ts, Object* a, Object* b) {
  Object* r = binary_op1(ts, a, b, &Type::nb_multiply);
  if (!r || !is_ni(r)) return r;
  if (RepeatFn f = a->ob_type->sq_repeat) return sequence_repeat(ts, f, a, b);
  if (RepeatFn f = b->ob_type->sq_repeat) return sequence_repeat(ts, f, b, a);
  return binop_type_error(ts, a, b, "*");
}

Object* number_subtract(ThreadState* ts, Object* a, Object* b) { return binary_op(ts, a, b, &Type::nb_subtract, "-"); }
Object* number_true_divide(ThreadState* ts, Object* a, Object* b) {
  return binary_op(ts, a, b, &Type::nb_true_divide, "/");
}
Object* number_floor_divide(ThreadState* ts, Object* a, Object* b) {
  return binary_op(ts, a, b, &Type::nb_floor_divide, "//");
}
Object* number_remainder(ThreadState* ts, Object* a, Object* b) {
  return binary_op(ts, a, b, &Type::nb_remainder, "%");
}
Object* number_divmod(ThreadState* ts, Object* a, Object* b) {
  return binary_op(ts, a, b, &Type::nb_divmod, "divmod()");
}
Object* number_power(ThreadState* ts, Object* a, Object* b, Object* mod) {
  return ternary_op(ts, a, b, mod ? mod : py_none(), &Type::nb_power, "** or pow()");
}
Object* number_lshift(ThreadState* ts, Object* a, Object* b) { return binary_op(ts, a, b, &Type::nb_lshift, "<<"); }
Object* number_rshift(ThreadState* ts, Object* a, Object* b) { return binary_op(ts, a, b, &Type::nb_rshift, ">>"); }
Object* number_and(ThreadState* ts, Object* a, Object* b) { return binary_op(ts, a, b, &Type::nb_and, "&"); }
Object* number_or(ThreadState* ts, Object* a, Object* b) { return binary_op(ts, a, b, &Type::nb_or, "|"); }
Object* number_xor(ThreadState* ts, Object* a, Object* b) { return binary_op(ts, a, b, &Type::nb_xor, "^"); }
Object* number_matrix_multiply(ThreadState* ts, Object* a, Object* b) {
  return binary_op(ts, a, b, &Type::nb_matrix_multiply, "@");
}

namespace {

enum BinaryOpKind : int {
#define BINARY_OP_KIND(name, symbol) kOp_##name,
#include "vm/binary_ops.def"
#undef BINARY_OP_KIND
};

}  // namespace

Object* binary_op(ThreadState* ts, Object* a, Object* b, int oparg) {
  switch (oparg) {
    case kOp_ADD:
      return number_add(ts, a, b);
    case kOp_AND:
      return number_and(ts, a, b);
    case kOp_FLOOR_DIVIDE:
      return number_floor_divide(ts, a, b);
    case kOp_LSHIFT:
      return number_lshift(ts, a, b);
    case kOp_MATRIX_MULTIPLY:
      return number_matrix_multiply(ts, a, b);
    case kOp_MULTIPLY:
      return number_multiply(ts, a, b);
    case kOp_REMAINDER:
      return number_remainder(ts, a, b);
    case kOp_OR:
      return number_or(ts, a, b);
    case kOp_POWER:
      return number_power(ts, a, b, py_none());
    case kOp_RSHIFT:
      return number_rshift(ts, a, b);
    case kOp_SUBTRACT:
      return number_subtract(ts, a, b);
    case kOp_TRUE_DIVIDE:
      return number_true_divide(ts, a, b);
    case kOp_XOR:
      return number_xor(ts, a, b);
    case kOp_INPLACE_ADD:
      return inplace_add(ts, a, b);
    case kOp_INPLACE_AND:
      return inplace_op(ts, a, b, &Type::nb_inplace_and, &Type::nb_and, "&=");
    case kOp_INPLACE_FLOOR_DIVIDE:
      return inplace_op(ts, a, b, &Type::nb_inplace_floor_divide, &Type::nb_floor_divide, "//=");
    case kOp_INPLACE_LSHIFT:
      return inplace_op(ts, a, b, &Type::nb_inplace_lshift, &Type::nb_lshift, "<<=");
    case kOp_INPLACE_MATRIX_MULTIPLY:
      return inplace_op(ts, a, b, &Type::nb_inplace_matrix_multiply, &Type::nb_matrix_multiply, "@=");
    case kOp_INPLACE_MULTIPLY:
      return inplace_multiply(ts, a, b);
    case kOp_INPLACE_REMAINDER:
      return inplace_op(ts, a, b, &Type::nb_inplace_remainder, &Type::nb_remainder, "%=");
    case kOp_INPLACE_OR:
      return inplace_op(ts, a, b, &Type::nb_inplace_or, &Type::nb_or, "|=");
    case kOp_INPLACE_POWER:
      return inplace_power(ts, a, b);
    case kOp_INPLACE_RSHIFT:
      return inplace_op(ts, a, b, &Type::nb_inplace_rshift, &Type::nb_rshift, ">>=");
    case kOp_INPLACE_SUBTRACT:
      return inplace_op(ts, a, b, &Type::nb_inplace_subtract, &Type::nb_subtract, "-=");
    case kOp_INPLACE_TRUE_DIVIDE:
      return inplace_op(ts, a, b, &Type::nb_inplace_true_divide, &Type::nb_true_divide, "/=");
    case kOp_INPLACE_XOR:
      return inplace_op(ts, a, b, &Type::nb_inplace_xor, &Type::nb_xor, "^=");
    default:
      return raise_format(ts, &exc::SystemError, "bad BINARY_OP oparg %d", oparg);
  }
}

Object* number_negative(ThreadState* ts, Object* o) { return unary_op(ts, o, &Type::nb_negative, "unary -"); }
Object* number_positive(ThreadState* ts, Object* o) { return unary_op(ts, o, &Type::nb_positive, "unary +"); }
Object* number_invert(ThreadState* ts, Object* o) { return unary_op(ts, o, &Type::nb_invert, "unary ~"); }
Object* number_absolute(ThreadState* ts, Object* o) { return unary_op(ts, o, &Type::nb_absolute, "abs()"); }

Object* number_index(ThreadState* ts, Object* o) {
  if (is_int(o)) return new_ref(o);
  UnaryFn f = o->ob_type->nb_index;
  if (!f) return raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", tp_name(o));
  Object* r = f(ts, o);
  if (r && !is_int(r)) {
    raise_format(ts, &exc::TypeError, "__index__ returned non-int (type %s)", tp_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

Object* number_long(ThreadState* ts, Object* o) {
  if (o->ob_type == &int_type) return new_ref(o);
  if (UnaryFn f = o->ob_type->nb_int) {
    Object* r = f(ts, o);
    if (r && !is_int(r)) {
      raise_format(ts, &exc::TypeError, "__int__ returned non-int (type %s)", tp_name(r));
      decref(r);
      return nullptr;
    }
    return r;
  }
  if (o->ob_type->nb_index) return number_index(ts, o);
  // Strings, bytes, __trunc__ and the error: int's constructor knows them.
  Object* args[1] = {o};
  return call(ts, &int_type, args, 1);
}

Object* number_float(ThreadState* ts, Object* o) {
  if (o->ob_type == &float_type) return new_ref(o);
  if (UnaryFn f = o->ob_type->nb_float) {
    Object* r = f(ts, o);
    if (r && !is_instance_of(r, &float_type)) {
      raise_format(ts, &exc::TypeError, "%s.__float__ returned non-float (type %s)", tp_name(o), tp_name(r));
      decref(r);
      return nullptr;
    }
    return r;
  }
  Object* args[1] = {o};
  return call(ts, &float_type, args, 1);
}

int64_t as_ssize(ThreadState* ts, Object* o, Type* err_type) {
  Ref idx = Ref::steal(number_index(ts, o));
  if (!idx) return -1;
  bool overflow = false;
  int64_t v = int_as_i64(ts, idx.get(), &overflow);
  if (!overflow) return v;
  if (err_type) {
    raise_format(ts, err_type, "cannot fit '%s' into an index-sized integer", tp_name(o));
    return -1;
  }
  return int_sign(idx.get()) < 0 ? INT64_MIN : INT64_MAX;
}

// ===========================================================================
// Containers
// ===========================================================================

int64_t length(ThreadState* ts, Object* o) {
  if (LenFn f = o->ob_type->mp_length) return f(ts, o);
  raise_format(ts, &exc::TypeError, "object of type '%s' has no len()", tp_name(o));
  return -1;
}

int64_t length_hint(ThreadState* ts, Object* o, int64_t dflt) {
  if (o->ob_type->mp_length) {
    int64_t n = o->ob_type->mp_length(ts, o);
    if (n >= 0) return n;
    if (!runtime::exception_matches(ts, &exc::TypeError)) return -1;
    runtime::clear_exception(ts);
  }
  Ref hint = Ref::steal(lookup_special(ts, o, ts->id->dunder_length_hint));
  if (!hint) return runtime::has_exception(ts) ? -1 : dflt;
  Ref r = Ref::steal(call(ts, hint.get(), nullptr, 0));
  if (!r) {
    if (!runtime::exception_matches(ts, &exc::TypeError)) return -1;
    runtime::clear_exception(ts);
    return dflt;
  }
  if (r.get() == py_not_implemented()) return dflt;
  if (!is_int(r.get())) {
    raise_format(ts, &exc::TypeError, "__length_hint__ must be an integer, not %s", tp_name(r.get()));
    return -1;
  }
  bool overflow = false;
  int64_t n = int_as_i64(ts, r.get(), &overflow);
  if (overflow) {
    raise(ts, &exc::OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  if (n < 0) {
    raise(ts, &exc::ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

Object* get_item(ThreadState* ts, Object* o, Object* key) {
  if (BinaryFn f = o->ob_type->mp_subscript) return f(ts, o, key);
  if (is_type_obj(o)) {
    // list[int]: __class_getitem__ makes generic aliases.
    Ref meth = Ref::steal(lookup_attr(ts, o, ts->id->dunder_class_getitem));
    if (meth) {
      Object* args[1] = {key};
      return call(ts, meth.get(), args, 1);
    }
    if (runtime::has_exception(ts)) return nullptr;
    return raise_format(ts, &exc::TypeError, "type '%s' is not subscriptable", type_tp_name(static_cast<Type*>(o)));
  }
  return raise_format(ts, &exc::TypeError, "'%s' object is not subscriptable", tp_name(o));
}

int set_item(ThreadState* ts, Object* o, Object* key, Object* value) {
  if (AssSubscriptFn f = o->ob_type->mp_ass_subscript) return f(ts, o, key, value);
  raise_format(ts, &exc::TypeError, "'%s' object does not support item assignment", tp_name(o));
  return -1;
}

int del_item(ThreadState* ts, Object* o, Object* key) {
  if (AssSubscriptFn f = o->ob_type->mp_ass_subscript) return f(ts, o, key, nullptr);
  raise_format(ts, &exc::TypeError, "'%s' object doesn't support item deletion", tp_name(o));
  return -1;
}

int contains(ThreadState* ts, Object* container, Object* item) {
  if (ContainsFn f = container->ob_type->sq_contains) return f(ts, container, item);
  Ref it = Ref::steal(get_iter(ts, container));
  if (!it) {
    if (runtime::exception_matches(ts, &exc::TypeError)) {
      runtime::clear_exception(ts);
      raise_format(ts, &exc::TypeError, "argument of type '%s' is not iterable", tp_name(container));
    }
    return -1;
  }
  for (;;) {
    Ref x = Ref::steal(iter_next(ts, it.get()));
    if (!x) return runtime::has_exception(ts) ? -1 : 0;
    int eq = rich_compare_bool(ts, x.get(), item, CompareOp::Eq);
    if (eq != 0) return eq;
  }
}

Object* get_iter(ThreadState* ts, Object* o) {
  Type* t = o->ob_type;
  if (UnaryFn f = t->iter) {
    Object* r = f(ts, o);
    if (r && !r->ob_type->iternext) {
      raise_format(ts, &exc::TypeError, "iter() returned non-iterator of type '%s'", tp_name(r));
      decref(r);
      return nullptr;
    }
    return r;
  }
  // The old sequence protocol: __getitem__ with 0, 1, 2, ... until IndexError.
  if (t->mp_subscript && !has_flag(t, kTypeDictSubclass)) return seq_iter_new(ts, o);
  return raise_format(ts, &exc::TypeError, "'%s' object is not iterable", tp_name(o));
}

Object* iter_next(ThreadState* ts, Object* iterator) {
  UnaryFn f = iterator->ob_type->iternext;
  if (!f) return raise_format(ts, &exc::TypeError, "'%s' object is not an iterator", tp_name(iterator));
  Object* r = f(ts, iterator);
  if (!r && runtime::exception_matches(ts, &exc::StopIteration)) runtime::clear_exception(ts);
  return r;
}

Object* sequence_list(ThreadState* ts, Object* iterable) {
  Ref list = Ref::steal(list_new(ts, 0));
  if (!list) return nullptr;
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return nullptr;
  for (;;) {
    Ref x = Ref::steal(iter_next(ts, it.get()));
    if (!x) {
      if (runtime::has_exception(ts)) return nullptr;
      return list.release();
    }
    if (list_append(ts, list.get(), x.get()) < 0) return nullptr;
  }
}

Object* sequence_tuple(ThreadState* ts, Object* iterable) {
  if (iterable->ob_type == &tuple_type) return new_ref(iterable);
  if (iterable->ob_type == &list_type) return list_as_tuple(ts, iterable);
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return nullptr;
  std::vector<Object*> items;  // owned
  auto drop = [&] {
    for (Object* x : items) decref(x);
  };
  for (;;) {
    Object* x = iter_next(ts, it.get());
    if (!x) {
      if (runtime::has_exception(ts)) {
        drop();
        return nullptr;
      }
      break;
    }
    items.push_back(x);
  }
  Object* t = tuple_new(ts, items.size());
  if (!t) {
    drop();
    return nullptr;
  }
  for (size_t i = 0; i < items.size(); ++i) tuple_items(t)[i] = items[i];
  return t;
}

}  // namespace spindle::objects
