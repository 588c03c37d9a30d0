// The slot table ("slotdefs"): for every dunder that maps to a type slot, how
// a builtin type's slot is exposed as that dunder (a wrapper function) and how
// a Python class fills the slot from the dunder (a generic slot function that
// looks the dunder up on the type and calls it). Generated from
// type_slots.def; the few slots that answer to several dunders
// (richcompare, getattro, setattro, mp_ass_subscript, descr_set) add entries
// after the generated ones.
//
// Invariants:
//   * Entries of one slot are contiguous or not, but share the same heap
//     function: a class's slot is either that function or the builtin slot
//     function that all its dunders wrap (update_one_slot).
//   * A generic slot function never assumes its dunder exists: the class may
//     have been changed since the slot was chosen.
#include <cstddef>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>

#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/recursion.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

// The table addresses slots by byte offset inside Type, which is not
// standard-layout (it derives from Object); GCC lays it out plainly.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

namespace {

// ===========================================================================
// Slot indices
// ===========================================================================

enum SlotIndex : int {
#define SD_direct(field, dunder) kSd_##field,
#define SD_binop(field, dunder) kSd_##field, kSd_r_##field,
#define SD_none(field, dunder)
#define SLOT(field, FnType, dunder, kind) SD_##kind(field, dunder)
#include "objects/type_slots.def"
#undef SLOT
#undef SD_direct
#undef SD_binop
#undef SD_none
  kSd_lt,
  kSd_le,
  kSd_eq,
  kSd_ne,
  kSd_gt,
  kSd_ge,
  kSd_getattr,
  kSd_delattr,
  kSd_delitem,
  kSd_delete,
  kNumSlotDefs
};

struct SlotDef {
  SlotWrapperDef w;  // name, slot offset, wrapper function
  void* heap_fn;     // the generic slot function for Python classes
};

extern const SlotDef kSlotDefs[kNumSlotDefs];

// The interned name of entry `i` (per interpreter, made on first use).
Object* slot_name(ThreadState* ts, int i) {
  auto& names = ts->interp->slot_dunder_names;
  if (names.empty()) {
    names.resize(kNumSlotDefs, nullptr);
    for (int k = 0; k < kNumSlotDefs; ++k) names[k] = str_intern_cstr(ts, kSlotDefs[k].w.name);
  }
  return names[i];
}

// Whether two pointers-to-member name the same slot (they may differ in type).
template <auto A, auto B>
constexpr bool same_field() {
  if constexpr (std::is_same_v<decltype(A), decltype(B)>) return A == B;
  else return false;
}

void*& slot_at(Type* t, size_t offset) { return *reinterpret_cast<void**>(reinterpret_cast<char*>(t) + offset); }

template <class Fn>
void* as_void(Fn f) {
  return reinterpret_cast<void*>(f);
}

// ===========================================================================
// Calling dunders from generic slot functions
// ===========================================================================

// Looks `name` up on type(self) and calls it with self prepended: a new
// reference; nullptr with AttributeError if missing (unless `missing_ok`, then
// nullptr without exception).
Object* call_dunder(ThreadState* ts, Object* self, Object* name, Object* const* args, size_t nargs,
                    Object* kwnames = nullptr, bool missing_ok = false) {
  if (check_c_stack(ts, " while calling a Python object") < 0) return nullptr;
  Ref func = Ref::borrow(type_lookup_borrowed(self->ob_type, name));
  if (!func) {
    if (missing_ok) return nullptr;
    return raise(ts, &exc::AttributeError, utf8_of(ts, name));
  }
  size_t nkw = kwnames_count(kwnames);
  if (has_flag(func->ob_type, kTypeMethodDescriptor)) {
    // Call unbound with self first: no bound method is made.
    Object* small[8];
    Object** stack = small;
    std::unique_ptr<Object*[]> big;
    if (nargs + nkw + 1 > 8) {
      big.reset(new Object*[nargs + nkw + 1]);
      stack = big.get();
    }
    stack[0] = self;
    for (size_t i = 0; i < nargs + nkw; ++i) stack[i + 1] = args[i];
    return call(ts, func.get(), stack, nargs + 1, kwnames);
  }
  if (DescrGetFn get = func->ob_type->descr_get) {
    Ref bound = Ref::steal(get(ts, func.get(), self, self->ob_type));
    if (!bound) return nullptr;
    return call(ts, bound.get(), args, nargs, kwnames);
  }
  return call(ts, func.get(), args, nargs, kwnames);
}

template <int I>
Object* call_slot(ThreadState* ts, Object* self, Object* const* args, size_t nargs, bool missing_ok = false) {
  return call_dunder(ts, self, slot_name(ts, I), args, nargs, nullptr, missing_ok);
}

bool is_not_implemented(Object* o) { return o == py_not_implemented(); }

// ===========================================================================
// Generic slot functions (Python classes)
// ===========================================================================

template <int I>
Object* slot_unary(ThreadState* ts, Object* self) {
  return call_slot<I>(ts, self, nullptr, 0);
}

template <int I>
Object* slot_binary_direct(ThreadState* ts, Object* self, Object* other) {
  Object* args[1] = {other};
  return call_slot<I>(ts, self, args, 1);
}

// In-place operators: a missing dunder means NotImplemented.
template <int I>
Object* slot_inplace(ThreadState* ts, Object* self, Object* other) {
  Object* args[1] = {other};
  Object* r = call_slot<I>(ts, self, args, 1, true);
  if (!r && !runtime::has_exception(ts)) return py_not_implemented();
  return r;
}

template <int I>
Object* slot_inplace_ternary(ThreadState* ts, Object* self, Object* other, Object*) {
  return slot_inplace<I>(ts, self, other);
}

// Whether type(b) overrides the reflected dunder of type(a).
bool method_is_overloaded(Type* ta, Type* tb, Object* name) {
  Object* b = type_lookup_borrowed(tb, name);
  if (!b) return false;
  return type_lookup_borrowed(ta, name) != b;
}

// `a op b` where a's or b's class is ours. Which operand is ours is told by
// comparing their slot with this very function (CPython's SLOT1BINFULL).
// `self_fn` is the generic function stored in the slot (slot_binop, or
// slot_power for the ternary nb_power).
template <size_t Offset, int L, int R>
Object* binop_impl(ThreadState* ts, Object* a, Object* b, void* self_fn) {
  Type* ta = a->ob_type;
  Type* tb = b->ob_type;
  bool do_other = ta != tb && slot_at(tb, Offset) == self_fn && type_lookup_borrowed(tb, slot_name(ts, R)) != nullptr;
  if (slot_at(ta, Offset) == self_fn) {
    if (do_other && is_subtype(tb, ta) && method_is_overloaded(ta, tb, slot_name(ts, R))) {
      Object* args[1] = {a};
      Object* r = call_slot<R>(ts, b, args, 1, true);
      if (!r && runtime::has_exception(ts)) return nullptr;
      if (r && !is_not_implemented(r)) return r;
      xdecref(r);
      do_other = false;
    }
    Object* args[1] = {b};
    Object* r = call_slot<L>(ts, a, args, 1, true);
    if (!r) {
      if (runtime::has_exception(ts)) return nullptr;
      r = py_not_implemented();
    }
    if (!is_not_implemented(r) || ta == tb) return r;
    decref(r);
  }
  if (do_other) {
    Object* args[1] = {a};
    Object* r = call_slot<R>(ts, b, args, 1, true);
    if (!r && !runtime::has_exception(ts)) return py_not_implemented();
    return r;
  }
  return py_not_implemented();
}

template <size_t Offset, int L, int R>
Object* slot_binop(ThreadState* ts, Object* a, Object* b) {
  return binop_impl<Offset, L, R>(ts, a, b, as_void(&slot_binop<Offset, L, R>));
}

// pow(a, b, mod): the two-argument form is an ordinary binop; three-argument
// pow never tries __rpow__.
template <size_t Offset, int L, int R>
Object* slot_power(ThreadState* ts, Object* a, Object* b, Object* mod) {
  if (is_none(mod)) {
    return binop_impl<Offset, L, R>(ts, a, b, as_void(&slot_power<Offset, L, R>));
  }
  if (slot_at(a->ob_type, Offset) == as_void(&slot_power<Offset, L, R>)) {
    Object* args[2] = {b, mod};
    Object* r = call_slot<L>(ts, a, args, 2, true);
    if (!r && !runtime::has_exception(ts)) return py_not_implemented();
    return r;
  }
  return py_not_implemented();
}

// Binops' generic functions need the slot offset; the table passes it.
template <size_t Offset, int L, int R, class Fn>
struct BinopFn;
template <size_t Offset, int L, int R>
struct BinopFn<Offset, L, R, BinaryFn> {
  static void* get() { return as_void(&slot_binop<Offset, L, R>); }
};
template <size_t Offset, int L, int R>
struct BinopFn<Offset, L, R, TernaryFn> {
  static void* get() { return as_void(&slot_power<Offset, L, R>); }
};

void slot_finalize(ThreadState* ts, Object* self) {
  Object* r = call_slot<kSd_finalize>(ts, self, nullptr, 0, true);
  if (!r) {
    if (runtime::has_exception(ts)) {
      Ref del = Ref::borrow(type_lookup_borrowed(self->ob_type, slot_name(ts, kSd_finalize)));
      runtime::write_unraisable(ts, del ? del.get() : self);
    }
    return;
  }
  decref(r);
}

Object* slot_repr(ThreadState* ts, Object* self) {
  Object* r = call_slot<kSd_repr>(ts, self, nullptr, 0, true);
  if (!r && !runtime::has_exception(ts)) return object_default_repr(ts, self);
  return r;
}

int64_t slot_hash(ThreadState* ts, Object* self) {
  Ref func = Ref::borrow(type_lookup_borrowed(self->ob_type, slot_name(ts, kSd_hash)));
  if (!func || is_none(func.get())) return hash_not_implemented(ts, self);
  Ref r = Ref::steal(call_slot<kSd_hash>(ts, self, nullptr, 0));
  if (!r) return -1;
  if (!is_int(r.get())) {
    raise(ts, &exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // As CPython: a value that fits in 64 bits is the hash itself (-1, the
  // error marker, becomes -2); a bigger one is reduced as int hashes it.
  bool overflow = false;
  int64_t h = int_as_i64(ts, r.get(), &overflow);
  if (overflow) return objects::hash(ts, r.get());
  return h == -1 ? -2 : h;
}

Object* slot_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return call_dunder(ts, self, slot_name(ts, kSd_call), args, nargs, kwnames);
}

// __getattribute__, then __getattr__ if that raised AttributeError.
Object* slot_getattr_hook(ThreadState* ts, Object* self, Object* name) {
  Type* t = self->ob_type;
  Object* getattribute = type_lookup_borrowed(t, slot_name(ts, kSd_getattro));
  Object* r;
  if (!getattribute || (getattribute->ob_type == &wrapper_descr_type &&
                        static_cast<WrapperDescrObject*>(getattribute)->d_wrapped == as_void(&generic_get_attr))) {
    r = generic_get_attr(ts, self, name);
  } else {
    Object* args[1] = {name};
    r = call_slot<kSd_getattro>(ts, self, args, 1);
  }
  if (r || !runtime::exception_matches(ts, &exc::AttributeError)) return r;
  Object* getattr = type_lookup_borrowed(t, slot_name(ts, kSd_getattr));
  if (!getattr) return nullptr;
  runtime::clear_exception(ts);
  Object* args[1] = {name};
  return call_slot<kSd_getattr>(ts, self, args, 1);
}

int slot_setattro(ThreadState* ts, Object* self, Object* name, Object* value) {
  Ref r;
  if (value) {
    Object* args[2] = {name, value};
    r = Ref::steal(call_slot<kSd_setattro>(ts, self, args, 2));
  } else {
    Object* args[1] = {name};
    r = Ref::steal(call_slot<kSd_delattr>(ts, self, args, 1));
  }
  return r ? 0 : -1;
}

Object* slot_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  static constexpr int kIndex[] = {kSd_lt, kSd_le, kSd_eq, kSd_ne, kSd_gt, kSd_ge};
  Object* name = slot_name(ts, kIndex[static_cast<int>(op)]);
  Object* args[1] = {b};
  // rich_compare() already counted this level.
  Object* r = call_dunder(ts, a, name, args, 1, nullptr, true);
  if (!r && !runtime::has_exception(ts)) return py_not_implemented();
  return r;
}

Object* slot_iter(ThreadState* ts, Object* self) {
  Object* func = type_lookup_borrowed(self->ob_type, slot_name(ts, kSd_iter));
  if (func && is_none(func)) return raise_format(ts, &exc::TypeError, "'%s' object is not iterable", tp_name(self));
  return call_slot<kSd_iter>(ts, self, nullptr, 0);
}

// iternext's contract is "nullptr without exception = exhausted".
Object* slot_iternext(ThreadState* ts, Object* self) {
  Object* r = call_slot<kSd_iternext>(ts, self, nullptr, 0);
  if (!r && runtime::exception_matches(ts, &exc::StopIteration)) runtime::clear_exception(ts);
  return r;
}

Object* slot_descr_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
  Object* args[2] = {obj ? obj : py_none(), type ? type : py_none()};
  return call_slot<kSd_descr_get>(ts, self, args, 2);
}

int slot_descr_set(ThreadState* ts, Object* self, Object* obj, Object* value) {
  Ref r;
  if (value) {
    Object* args[2] = {obj, value};
    r = Ref::steal(call_slot<kSd_descr_set>(ts, self, args, 2));
  } else {
    Object* args[1] = {obj};
    r = Ref::steal(call_slot<kSd_delete>(ts, self, args, 1));
  }
  return r ? 0 : -1;
}

int slot_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Ref r = Ref::steal(call_dunder(ts, self, slot_name(ts, kSd_init), args, nargs, kwnames));
  if (!r) return -1;
  if (!is_none(r.get())) {
    raise_format(ts, &exc::TypeError, "__init__() should return None, not '%s'", tp_name(r.get()));
    return -1;
  }
  return 0;
}

int slot_nb_bool(ThreadState* ts, Object* self) {
  Ref r = Ref::steal(call_slot<kSd_nb_bool>(ts, self, nullptr, 0));
  if (!r) return -1;
  if (r.get() == py_bool(true)) return 1;
  if (r.get() == py_bool(false)) return 0;
  raise_format(ts, &exc::TypeError, "__bool__ should return bool, returned %s", tp_name(r.get()));
  return -1;
}

int64_t slot_mp_length(ThreadState* ts, Object* self) {
  Ref r = Ref::steal(call_slot<kSd_mp_length>(ts, self, nullptr, 0));
  if (!r) return -1;
  Ref idx = Ref::steal(number_index(ts, r.get()));
  if (!idx) return -1;
  bool overflow = false;
  int64_t n = int_as_i64(ts, idx.get(), &overflow);
  if (overflow) {
    // A huge negative value is still "< 0" for CPython's check.
    if (int_sign(idx.get()) < 0) {
      raise(ts, &exc::ValueError, "__len__() should return >= 0");
    } else {
      raise(ts, &exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    return -1;
  }
  if (n == -1 && runtime::has_exception(ts)) return -1;
  if (n < 0) {
    raise(ts, &exc::ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

int slot_mp_ass_subscript(ThreadState* ts, Object* self, Object* key, Object* value) {
  Ref r;
  if (value) {
    Object* args[2] = {key, value};
    r = Ref::steal(call_slot<kSd_mp_ass_subscript>(ts, self, args, 2));
  } else {
    Object* args[1] = {key};
    r = Ref::steal(call_slot<kSd_delitem>(ts, self, args, 1));
  }
  return r ? 0 : -1;
}

int slot_sq_contains(ThreadState* ts, Object* self, Object* item) {
  Object* func = type_lookup_borrowed(self->ob_type, slot_name(ts, kSd_sq_contains));
  if (func && is_none(func)) {
    raise_format(ts, &exc::TypeError, "'%s' object is not a container", tp_name(self));
    return -1;
  }
  Object* args[1] = {item};
  Ref r = Ref::steal(call_slot<kSd_sq_contains>(ts, self, args, 1));
  if (!r) return -1;
  return is_true(ts, r.get());
}

// Picks the generic slot function for a slot given by its field.
template <auto Field, int I>
void* heap_fn_for() {
  using Fn = std::remove_reference_t<decltype(std::declval<Type>().*Field)>;
  if constexpr (same_field<Field, &Type::finalize>()) return as_void(&slot_finalize);
  else if constexpr (same_field<Field, &Type::repr>()) return as_void(&slot_repr);
  else if constexpr (same_field<Field, &Type::hash>()) return as_void(&slot_hash);
  else if constexpr (same_field<Field, &Type::call>()) return as_void(&slot_call);
  else if constexpr (same_field<Field, &Type::getattro>()) return as_void(&slot_getattr_hook);
  else if constexpr (same_field<Field, &Type::setattro>()) return as_void(&slot_setattro);
  else if constexpr (same_field<Field, &Type::iter>()) return as_void(&slot_iter);
  else if constexpr (same_field<Field, &Type::iternext>()) return as_void(&slot_iternext);
  else if constexpr (same_field<Field, &Type::descr_get>()) return as_void(&slot_descr_get);
  else if constexpr (same_field<Field, &Type::descr_set>()) return as_void(&slot_descr_set);
  else if constexpr (same_field<Field, &Type::init>()) return as_void(&slot_init);
  else if constexpr (same_field<Field, &Type::new_>()) return as_void(&slot_tp_new);
  else if constexpr (same_field<Field, &Type::nb_bool>()) return as_void(&slot_nb_bool);
  else if constexpr (same_field<Field, &Type::mp_length>()) return as_void(&slot_mp_length);
  else if constexpr (same_field<Field, &Type::mp_ass_subscript>()) return as_void(&slot_mp_ass_subscript);
  else if constexpr (same_field<Field, &Type::sq_contains>()) return as_void(&slot_sq_contains);
  else if constexpr (std::is_same_v<Fn, UnaryFn>) return as_void(&slot_unary<I>);
  else if constexpr (std::is_same_v<Fn, TernaryFn>) return as_void(&slot_inplace_ternary<I>);  // __ipow__
  else if constexpr (std::is_same_v<Fn, BinaryFn>) {
    // mp_subscript calls straight; the in-place operators may be missing.
    if constexpr (same_field<Field, &Type::mp_subscript>()) return as_void(&slot_binary_direct<I>);
    else return as_void(&slot_inplace<I>);
  } else {
    static_assert(sizeof(Fn) == 0, "a direct slot without a generic function");
    return nullptr;
  }
}

// ===========================================================================
// Wrappers: builtin slots called as dunders
// ===========================================================================

int check_args(ThreadState* ts, const char* name, size_t nargs, Object* kwnames, size_t n) {
  if (kwnames_count(kwnames) != 0) {
    raise_format(ts, &exc::TypeError, "wrapper %s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs != n) {
    raise_format(ts, &exc::TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

// Wrapper functions are given the descriptor's name through this table entry
// index; messages only need it for keywords, so they use a fixed word.
template <class Fn>
Fn fn_of(void* p) {
  return reinterpret_cast<Fn>(p);
}

Object* none_or_null(int rc) { return rc < 0 ? nullptr : py_none(); }

Object* wrap_unary(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "slot", nargs, kw, 0) < 0) return nullptr;
  return fn_of<UnaryFn>(f)(ts, self);
}

Object* wrap_next(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "__next__", nargs, kw, 0) < 0) return nullptr;
  Object* r = fn_of<UnaryFn>(f)(ts, self);
  if (!r && !runtime::has_exception(ts)) runtime::raise_object(ts, &exc::StopIteration);
  return r;
}

Object* wrap_binary_l(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "slot", nargs, kw, 1) < 0) return nullptr;
  return fn_of<BinaryFn>(f)(ts, self, args[0]);
}

Object* wrap_binary_r(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "slot", nargs, kw, 1) < 0) return nullptr;
  return fn_of<BinaryFn>(f)(ts, args[0], self);
}

Object* wrap_ternary_l(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (kwnames_count(kw) != 0) return raise(ts, &exc::TypeError, "wrapper __pow__() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) {
    return raise_format(ts, &exc::TypeError, "expected %s, got %zu", nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  }
  return fn_of<TernaryFn>(f)(ts, self, args[0], nargs == 2 ? args[1] : py_none());
}

Object* wrap_ternary_r(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (kwnames_count(kw) != 0) return raise(ts, &exc::TypeError, "wrapper __rpow__() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) {
    return raise_format(ts, &exc::TypeError, "expected %s, got %zu", nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  }
  return fn_of<TernaryFn>(f)(ts, args[0], self, nargs == 2 ? args[1] : py_none());
}

Object* wrap_inquiry(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "__bool__", nargs, kw, 0) < 0) return nullptr;
  int r = fn_of<InquiryFn>(f)(ts, self);
  if (r < 0) return nullptr;
  return new_ref(py_bool(r != 0));
}

Object* wrap_lenfunc(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "slot", nargs, kw, 0) < 0) return nullptr;
  int64_t r = fn_of<LenFn>(f)(ts, self);
  if (r == -1 && runtime::has_exception(ts)) return nullptr;
  return int_from_i64(ts, r);
}

Object* wrap_objobjargproc(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "slot", nargs, kw, 2) < 0) return nullptr;
  return none_or_null(fn_of<SetAttrFn>(f)(ts, self, args[0], args[1]));
}

Object* wrap_delete(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "slot", nargs, kw, 1) < 0) return nullptr;
  return none_or_null(fn_of<SetAttrFn>(f)(ts, self, args[0], nullptr));
}

Object* wrap_contains(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "__contains__", nargs, kw, 1) < 0) return nullptr;
  int r = fn_of<ContainsFn>(f)(ts, self, args[0]);
  if (r < 0) return nullptr;
  return new_ref(py_bool(r != 0));
}

Object* wrap_descr_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (kwnames_count(kw) != 0) return raise(ts, &exc::TypeError, "wrapper __get__() takes no keyword arguments");
  if (check_nargs(ts, "__get__", nargs, 1, 2) < 0) return nullptr;
  Object* obj = is_none(args[0]) ? nullptr : args[0];
  Object* type = nargs == 2 && !is_none(args[1]) ? args[1] : nullptr;
  if (!obj && !type) return raise(ts, &exc::TypeError, "__get__(None, None) is invalid");
  return fn_of<DescrGetFn>(f)(ts, self, obj, type);
}

Object* wrap_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  return fn_of<CallFn>(f)(ts, self, args, nargs, kw);
}

Object* wrap_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  return none_or_null(fn_of<InitFn>(f)(ts, self, args, nargs, kw));
}

Object* wrap_finalize(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "__del__", nargs, kw, 0) < 0) return nullptr;
  fn_of<FinalizeFn>(f)(ts, self);
  return runtime::has_exception(ts) ? nullptr : py_none();
}

template <CompareOp Op>
Object* wrap_richcmp(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, void* f) {
  if (check_args(ts, "slot", nargs, kw, 1) < 0) return nullptr;
  return fn_of<RichCompareFn>(f)(ts, self, args[0], Op);
}

Object* wrap_none(ThreadState* ts, Object*, Object* const*, size_t, Object*, void*) {
  return raise(ts, &exc::SystemError, "slot has no wrapper");
}

template <auto Field>
WrapperFn wrapper_for() {
  using Fn = std::remove_reference_t<decltype(std::declval<Type>().*Field)>;
  if constexpr (same_field<Field, &Type::iternext>()) return wrap_next;
  else if constexpr (same_field<Field, &Type::descr_get>()) return wrap_descr_get;
  else if constexpr (same_field<Field, &Type::new_>()) return wrap_none;  // __new__ is a builtin method instead
  else if constexpr (std::is_same_v<Fn, UnaryFn>) return wrap_unary;
  else if constexpr (std::is_same_v<Fn, BinaryFn>) return wrap_binary_l;
  else if constexpr (std::is_same_v<Fn, TernaryFn>) return wrap_ternary_l;
  else if constexpr (std::is_same_v<Fn, InquiryFn>) return wrap_inquiry;
  else if constexpr (std::is_same_v<Fn, LenFn>) return wrap_lenfunc;  // also HashFn
  else if constexpr (std::is_same_v<Fn, SetAttrFn>) return wrap_objobjargproc;
  else if constexpr (std::is_same_v<Fn, ContainsFn>) return wrap_contains;
  else if constexpr (std::is_same_v<Fn, CallFn>) return wrap_call;
  else if constexpr (std::is_same_v<Fn, InitFn>) return wrap_init;
  else if constexpr (std::is_same_v<Fn, FinalizeFn>) return wrap_finalize;
  else {
    static_assert(sizeof(Fn) == 0, "a direct slot without a wrapper");
    return nullptr;
  }
}

template <auto Field>
WrapperFn binop_wrapper_l() {
  using Fn = std::remove_reference_t<decltype(std::declval<Type>().*Field)>;
  if constexpr (std::is_same_v<Fn, TernaryFn>) return wrap_ternary_l;
  else return wrap_binary_l;
}
template <auto Field>
WrapperFn binop_wrapper_r() {
  using Fn = std::remove_reference_t<decltype(std::declval<Type>().*Field)>;
  if constexpr (std::is_same_v<Fn, TernaryFn>) return wrap_ternary_r;
  else return wrap_binary_r;
}

// ===========================================================================
// The table
// ===========================================================================

#define OFF(field) offsetof(Type, field)

const SlotDef kSlotDefs[kNumSlotDefs] = {
#define SD_direct(field, FnType, dunder) \
  {{dunder, OFF(field), wrapper_for<&Type::field>(), nullptr}, heap_fn_for<&Type::field, kSd_##field>()},
#define SD_binop(field, FnType, dunder)                                                                  \
  {{"__" dunder "__", OFF(field), binop_wrapper_l<&Type::field>(), nullptr},                             \
   BinopFn<OFF(field), kSd_##field, kSd_r_##field, FnType>::get()},                                      \
      {{"__r" dunder "__", OFF(field), binop_wrapper_r<&Type::field>(), nullptr},                        \
       BinopFn<OFF(field), kSd_##field, kSd_r_##field, FnType>::get()},
#define SD_none(field, FnType, dunder)
#define SLOT(field, FnType, dunder, kind) SD_##kind(field, FnType, dunder)
#include "objects/type_slots.def"
#undef SLOT
#undef SD_direct
#undef SD_binop
#undef SD_none
    {{"__lt__", OFF(richcompare), wrap_richcmp<CompareOp::Lt>, nullptr}, as_void(&slot_richcompare)},
    {{"__le__", OFF(richcompare), wrap_richcmp<CompareOp::Le>, nullptr}, as_void(&slot_richcompare)},
    {{"__eq__", OFF(richcompare), wrap_richcmp<CompareOp::Eq>, nullptr}, as_void(&slot_richcompare)},
    {{"__ne__", OFF(richcompare), wrap_richcmp<CompareOp::Ne>, nullptr}, as_void(&slot_richcompare)},
    {{"__gt__", OFF(richcompare), wrap_richcmp<CompareOp::Gt>, nullptr}, as_void(&slot_richcompare)},
    {{"__ge__", OFF(richcompare), wrap_richcmp<CompareOp::Ge>, nullptr}, as_void(&slot_richcompare)},
    {{"__getattr__", OFF(getattro), wrap_binary_l, nullptr}, as_void(&slot_getattr_hook)},
    {{"__delattr__", OFF(setattro), wrap_delete, nullptr}, as_void(&slot_setattro)},
    {{"__delitem__", OFF(mp_ass_subscript), wrap_delete, nullptr}, as_void(&slot_mp_ass_subscript)},
    {{"__delete__", OFF(descr_set), wrap_delete, nullptr}, as_void(&slot_descr_set)},
};

// ===========================================================================
// Choosing a class's slot from its dunders
// ===========================================================================

// Recomputes the slot at `offset` of heap type `t` from the MRO.
void update_one_slot(ThreadState* ts, Type* t, size_t offset) {
  if (offset == OFF(new_)) {
    // The first class along the MRO that defines __new__ decides.
    for (int64_t i = 0; i < tuple_size(t->mro); ++i) {
      auto* k = static_cast<Type*>(tuple_items(t->mro)[i]);
      if (k->dict && dict_get_item_borrowed(ts, k->dict, ts->id->dunder_new)) {
        t->new_ = has_flag(k, kTypeHeap) ? slot_tp_new : k->new_;
        return;
      }
    }
    return;
  }
  if (offset == OFF(getattro)) {
    // __getattr__ alone (no __getattribute__ override) still needs the hook.
  }
  void* generic = nullptr;
  void* specific = nullptr;
  bool use_generic = false;
  bool found_any = false;
  bool unhashable = false;
  for (int i = 0; i < kNumSlotDefs; ++i) {
    const SlotDef& sd = kSlotDefs[i];
    if (sd.w.slot_offset != offset) continue;
    generic = sd.heap_fn;
    Object* descr = type_lookup_borrowed(t, slot_name(ts, i));
    if (!descr) continue;
    found_any = true;
    if (descr->ob_type == &wrapper_descr_type) {
      auto* w = static_cast<WrapperDescrObject*>(descr);
      if (w->d_base->slot_offset == offset && (specific == nullptr || specific == w->d_wrapped)) {
        specific = w->d_wrapped;
        continue;
      }
    } else if (is_none(descr) && offset == OFF(hash)) {
      unhashable = true;
      continue;
    }
    use_generic = true;
  }
  void* chosen;
  if (unhashable && !use_generic) chosen = as_void(&hash_not_implemented);
  else if (!found_any) chosen = nullptr;
  else if (use_generic || !specific) chosen = generic;
  else chosen = specific;
  slot_at(t, offset) = chosen;
}

}  // namespace

int64_t hash_not_implemented(ThreadState* ts, Object* o) {
  raise_format(ts, &exc::TypeError, "unhashable type: '%s'", tp_name(o));
  return -1;
}

Object* slot_tp_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  Ref func = Ref::steal(get_attr(ts, type, ts->id->dunder_new));
  if (!func) return nullptr;
  size_t n = nargs + kwnames_count(kwnames);
  std::unique_ptr<Object*[]> stack(new Object*[n + 1]);
  stack[0] = type;
  for (size_t i = 0; i < n; ++i) stack[i + 1] = args[i];
  return call(ts, func.get(), stack.get(), nargs + 1, kwnames);
}

int add_slot_wrappers(ThreadState* ts, Type* t) {
  for (int i = 0; i < kNumSlotDefs; ++i) {
    const SlotDef& sd = kSlotDefs[i];
    // __new__ is a builtin method (typeobject.cpp); __getattr__ is only a
    // hook of Python classes.
    if (sd.w.slot_offset == OFF(new_) || i == kSd_getattr) continue;
    void* fn = slot_at(t, sd.w.slot_offset);
    if (!fn) continue;
    if (sd.w.slot_offset == OFF(hash) && fn == as_void(&hash_not_implemented)) continue;
    Ref name = Ref::steal(str_intern_cstr(ts, sd.w.name));
    if (!name) return -1;
    if (dict_get_item_borrowed(ts, t->dict, name.get())) continue;
    Ref w = Ref::steal(descr_new_wrapper(ts, t, &sd.w, fn));
    if (!w || dict_set_item(ts, t->dict, name.get(), w.get()) < 0) return -1;
  }
  return 0;
}

void update_all_slots(ThreadState* ts, Type* t) {
  size_t done[kNumSlotDefs];
  size_t ndone = 0;
  for (int i = 0; i < kNumSlotDefs; ++i) {
    size_t off = kSlotDefs[i].w.slot_offset;
    bool seen = false;
    for (size_t k = 0; k < ndone; ++k) seen = seen || done[k] == off;
    if (seen) continue;
    done[ndone++] = off;
    update_one_slot(ts, t, off);
  }
  // __init__/__new__/dealloc stay inherited when nothing defines them.
}

bool is_slot_dunder(ThreadState* ts, Object* name) {
  for (int i = 0; i < kNumSlotDefs; ++i) {
    if (str_equal(slot_name(ts, i), name)) return true;
  }
  return false;
}

void update_slots_for_name(ThreadState* ts, Type* t, Object* name) {
  for (int i = 0; i < kNumSlotDefs; ++i) {
    if (!str_equal(slot_name(ts, i), name)) continue;
    update_one_slot(ts, t, kSlotDefs[i].w.slot_offset);
  }
  if (!t->subclasses) return;
  size_t pos = 0;
  Object* key;
  Object* value;
  while (dict_next(t->subclasses, &pos, &key, &value)) {
    bool overflow = false;
    auto* sub = reinterpret_cast<Type*>(static_cast<uintptr_t>(int_as_i64(ts, key, &overflow)));
    if (has_flag(sub, kTypeHeap)) update_slots_for_name(ts, sub, name);
  }
}

}  // namespace spindle::objects
