// The copy module: shallow and deep copies through the same protocol as
// CPython's copy.py — per-type copiers for the builtin containers, then
// __copy__ / __deepcopy__, then the pickle reduction (__reduce_ex__(4)) and
// its reconstruction.
//
// Invariants:
//   * deepcopy's memo maps id(original) -> copy for every copy that is not
//     the original itself, and memo[id(memo)] is a list keeping the originals
//     alive (their ids must not be reused while the memo lives).
//   * A container's copy is entered in the memo before its items are copied,
//     so recursive structures copy to recursive structures.
//   * Spindle's object.__reduce_ex__ does not implement copyreg's protocol
//     yet (object_type.cpp); when a class overrides neither __reduce_ex__ nor
//     __reduce__, this module computes the protocol-2 reduction itself
//     (cls.__new__(cls, *__getnewargs__()), the __dict__ / __slots__ state,
//     list and dict items), exactly what copyreg's __newobj__ path produces.
#include <string>

#include "modules/abc_support.h"
#include "modules/import.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/code_object.h"
#include "vm/function.h"

namespace spindle::objects {
extern Type range_type;
}

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

Object* intern(ThreadState* ts, const char* s) { return str_intern_cstr(ts, s); }

Object* id_of(ThreadState* ts, Object* o) { return int_from_u64(ts, reinterpret_cast<uintptr_t>(o)); }

// Types whose instances are their own deep copies.
bool is_atomic(Type* t) {
  return t == &none_type || t == &ellipsis_type || t == &not_implemented_type || t == &int_type || t == &float_type ||
         t == &bool_type || t == &complex_type || t == &bytes_type || t == &str_type || t == &vm::code_type ||
         t == &range_type || t == &builtin_function_type || t == &vm::function_type || t == &property_type ||
         has_flag(t, kTypeTypeSubclass);
}

// ... and, for shallow copies, these immutable containers as well.
bool is_shallow_immutable(Type* t) {
  return is_atomic(t) || t == &tuple_type || t == &frozenset_type || t == &slice_type;
}

// copy.Error of the module `module`, raised with `msg`.
std::nullptr_t raise_copy_error(ThreadState* ts, Object* module, const std::string& msg) {
  Object* err = module ? dict_get_item_str_borrowed(ts, module_dict_borrowed(module), "Error") : nullptr;
  if (!err || !has_flag(err->ob_type, kTypeTypeSubclass)) return raise(ts, &exc::Exception, msg);
  Ref text = Ref::steal(str_from(ts, msg));
  if (!text) return nullptr;
  Object* a[1] = {text.get()};
  Ref e = Ref::steal(call(ts, err, a, 1));
  if (!e) return nullptr;
  return runtime::raise_object(ts, e.get());
}

// ---------------------------------------------------------------------------
// Reduction
// ---------------------------------------------------------------------------

// What __reduce_ex__ returned, unpacked: func(*args) makes the new object;
// newobj_cls set means cls.__new__(cls, *args) (copyreg.__newobj__).
struct Reduction {
  Ref func;
  Ref args;
  Ref state;
  Ref listiter;
  Ref dictiter;
  Ref newobj_kwargs;  // copyreg.__newobj_ex__: keyword arguments of __new__
  bool is_str = false;
};

// The names of the __slots__ along cls's MRO (copyreg._slotnames).
Object* slot_names(ThreadState* ts, Type* cls) {
  Ref names = Ref::steal(list_new(ts, 0));
  if (!names) return nullptr;
  Object* mro = cls->mro;
  for (int64_t i = 0; mro && i < tuple_size(mro); ++i) {
    Type* c = static_cast<Type*>(tuple_item_borrowed(mro, i));
    Object* slots = dict_get_item_str_borrowed(ts, c->dict, "__slots__");
    if (!slots) continue;
    Ref seq = Ref::steal(is_str(slots) ? tuple_pack(ts, {slots}) : sequence_list(ts, slots));
    if (!seq) return nullptr;
    Ref it = Ref::steal(get_iter(ts, seq.get()));
    if (!it) return nullptr;
    while (Object* n = iter_next(ts, it.get())) {
      Ref name = Ref::steal(n);
      if (!is_str(n)) continue;
      std::string s(str_view(ts, n));
      if (s == "__dict__" || s == "__weakref__") continue;
      if (s.size() > 2 && s.compare(0, 2, "__") == 0 && !(s.size() >= 4 && s.compare(s.size() - 2, 2, "__") == 0)) {
        std::string cname = type_name(c);
        size_t k = cname.find_first_not_of('_');
        if (k != std::string::npos) {
          name = Ref::steal(str_from(ts, "_" + cname.substr(k) + s));
          if (!name) return nullptr;
        }
      }
      if (list_append(ts, names.get(), name.get()) < 0) return nullptr;
    }
    if (runtime::has_exception(ts)) return nullptr;
  }
  return names.release();
}

// object.__getstate__'s default: the instance dict (None when empty), paired
// with a dict of the set __slots__ values when there are any.
Object* default_state(ThreadState* ts, Object* x) {
  Ref getstate_name = Ref::steal(intern(ts, "__getstate__"));
  Ref getstate = Ref::steal(lookup_attr(ts, x, getstate_name.get()));
  if (getstate) return call(ts, getstate.get(), nullptr, 0);
  if (runtime::has_exception(ts)) return nullptr;
  Ref state = Ref::borrow(py_none());
  if (instance_dict_ptr(x)) {
    Object* d = instance_dict_borrowed(ts, x);
    if (!d && runtime::has_exception(ts)) return nullptr;
    if (d && dict_size(d) > 0) state = Ref::borrow(d);
  }
  Ref names = Ref::steal(slot_names(ts, x->ob_type));
  if (!names) return nullptr;
  if (list_size(names.get()) == 0) return state.release();
  Ref slots = Ref::steal(dict_new(ts));
  if (!slots) return nullptr;
  for (int64_t i = 0; i < list_size(names.get()); ++i) {
    Object* name = list_items(names.get())[i];
    Ref v = Ref::steal(lookup_attr(ts, x, name));
    if (!v) {
      if (runtime::has_exception(ts)) return nullptr;
      continue;
    }
    if (dict_set_item(ts, slots.get(), name, v.get()) < 0) return nullptr;
  }
  if (dict_size(slots.get()) == 0) return state.release();
  return tuple_pack(ts, {state.get(), slots.get()});
}

// The nearest builtin (static) type in cls's base chain.
Type* static_base(Type* cls) {
  Type* t = cls;
  while (t && has_flag(t, kTypeHeap)) t = t->base;
  return t ? t : &object_type;
}

// The protocol-2 reduction of x (copyreg.__reduce_ex__ / reduce_newobj).
int default_reduce(ThreadState* ts, Object* x, Reduction& r) {
  Type* cls = x->ob_type;
  if (!cls->new_) {
    raise_format(ts, &exc::TypeError, "cannot pickle '%s' object", tp_name(x));
    return -1;
  }
  Type* sb = static_base(cls);
  // set and frozenset reduce to cls(list(x)), bytearray to cls(bytes(x))
  // (their own __reduce__).
  if (sb == &set_type || sb == &frozenset_type || sb == &bytearray_type) {
    Ref items = Ref::steal(sb == &bytearray_type ? bytes_from(ts, byteslike_view(x).data(), byteslike_view(x).size())
                                                 : sequence_list(ts, x));
    if (!items) return -1;
    r.func = Ref::borrow(cls);
    r.args = Ref::steal(tuple_pack(ts, {items.get()}));
    if (!r.args) return -1;
    Object* d = instance_dict_ptr(x) ? instance_dict_borrowed(ts, x) : nullptr;
    r.state = Ref::borrow(d && dict_size(d) ? d : py_none());
    return 0;
  }
  // BaseException reduces to cls(*self.args) plus its __dict__.
  if (has_flag(cls, kTypeBaseExceptionSubclass)) {
    Ref args_name = Ref::steal(intern(ts, "args"));
    Ref exc_args = Ref::steal(get_attr(ts, x, args_name.get()));
    if (!exc_args) return -1;
    r.func = Ref::borrow(cls);
    r.args = std::move(exc_args);
    Object* d = instance_dict_ptr(x) ? instance_dict_borrowed(ts, x) : nullptr;
    if (!d && runtime::has_exception(ts)) return -1;
    r.state = Ref::borrow(d && dict_size(d) ? d : py_none());
    return 0;
  }
  Ref args;
  Ref kwargs;
  Ref ex_name = Ref::steal(intern(ts, "__getnewargs_ex__"));
  Ref na_name = Ref::steal(intern(ts, "__getnewargs__"));
  Ref ex = Ref::steal(lookup_attr(ts, x, ex_name.get()));
  if (ex) {
    Ref pair = Ref::steal(call(ts, ex.get(), nullptr, 0));
    if (!pair) return -1;
    if (!is_tuple(pair.get())) {
      raise_format(ts, &exc::TypeError, "__getnewargs_ex__ should return a tuple, not '%s'", tp_name(pair.get()));
      return -1;
    }
    if (tuple_size(pair.get()) != 2) {
      raise_format(ts, &exc::ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                   static_cast<long long>(tuple_size(pair.get())));
      return -1;
    }
    args = Ref::borrow(tuple_item_borrowed(pair.get(), 0));
    kwargs = Ref::borrow(tuple_item_borrowed(pair.get(), 1));
    if (!is_tuple(args.get())) {
      raise_format(ts, &exc::TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                   tp_name(args.get()));
      return -1;
    }
    if (!is_dict(kwargs.get())) {
      raise_format(ts, &exc::TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                   tp_name(kwargs.get()));
      return -1;
    }
  } else {
    if (runtime::has_exception(ts)) return -1;
    Ref na = Ref::steal(lookup_attr(ts, x, na_name.get()));
    if (na) {
      args = Ref::steal(call(ts, na.get(), nullptr, 0));
      if (!args) return -1;
      if (!is_tuple(args.get())) {
        raise_format(ts, &exc::TypeError, "__getnewargs__ should return a tuple, not '%s'", tp_name(args.get()));
        return -1;
      }
    } else if (runtime::has_exception(ts)) {
      return -1;
    } else if (sb == &int_type || sb == &float_type || sb == &complex_type || sb == &tuple_type ||
               sb == &bytes_type || sb == &str_type) {
      // The builtin immutable bases' __getnewargs__: their value.
      Ref value = Ref::steal(call(ts, sb, &x, 1));
      if (!value) return -1;
      args = Ref::steal(tuple_pack(ts, {value.get()}));
      if (!args) return -1;
    }
  }
  bool hasargs = static_cast<bool>(args);
  if (!args) args = Ref::borrow(tuple_empty());
  r.func = Ref::borrow(cls);
  r.args = Ref::borrow(args.get());
  if (kwargs && dict_size(kwargs.get()) > 0) r.newobj_kwargs = Ref::borrow(kwargs.get());
  bool required = !(hasargs || is_list(x) || is_dict(x));
  // Without __getnewargs__, only plain objects (and list/dict) can be rebuilt
  // from __new__ and their state; a builtin base with its own C fields
  // (a module, an iterator, ...) cannot, as CPython's basicsize check says.
  if (required && (cls->itemsize != 0 || static_base(cls) != &object_type)) {
    raise_format(ts, &exc::TypeError, "cannot pickle '%s' object", tp_name(x));
    return -1;
  }
  r.state = Ref::steal(default_state(ts, x));
  if (!r.state) return -1;
  if (is_list(x)) {
    r.listiter = Ref::steal(get_iter(ts, x));
    if (!r.listiter) return -1;
  }
  if (is_dict(x)) {
    Ref items_name = Ref::steal(intern(ts, "items"));
    Ref items = Ref::steal(call_method(ts, x, items_name.get(), nullptr, 0));
    if (!items) return -1;
    r.dictiter = Ref::steal(get_iter(ts, items.get()));
    if (!r.dictiter) return -1;
  }
  r.is_str = false;
  // Marks the newobj form: func is the class, called through cls.__new__.
  r.func = Ref::borrow(cls);
  return 1;
}

// Unpacks a reduction value rv (nullptr: the reductor failed) into r: a str
// means "copy as is"; else (func, args[, state[, listitems[, dictitems]]]).
// 0 / -1.
int finish_reduction(ThreadState* ts, Object* rv, Reduction& r) {
  if (!rv) return -1;
  if (is_str(rv)) {
    r.is_str = true;
    return 0;
  }
  Ref tup = Ref::steal(sequence_tuple(ts, rv));
  if (!tup) return -1;
  int64_t n = tuple_size(tup.get());
  // rv is spread into _reconstruct(x, memo, func, args, state=None,
  // listiter=None, dictiter=None): its arity errors name that function.
  if (n == 0) {
    raise(ts, &exc::TypeError, "_reconstruct() missing 2 required positional arguments: 'func' and 'args'");
    return -1;
  }
  if (n == 1) {
    raise(ts, &exc::TypeError, "_reconstruct() missing 1 required positional argument: 'args'");
    return -1;
  }
  if (n > 5) {
    raise_format(ts, &exc::TypeError, "_reconstruct() takes from 4 to 7 positional arguments but %lld were given",
                 static_cast<long long>(n + 2));
    return -1;
  }
  Object** it = tuple_items(tup.get());
  r.func = Ref::borrow(it[0]);
  r.args = Ref::borrow(it[1]);
  if (n > 2 && !is_none(it[2])) r.state = Ref::borrow(it[2]);
  if (n > 3 && !is_none(it[3])) r.listiter = Ref::borrow(it[3]);
  if (n > 4 && !is_none(it[4])) r.dictiter = Ref::borrow(it[4]);
  return 0;
}

// dispatch_table.get(cls) through the copy module's global (copyreg's
// table unless a program rebinds copy.dispatch_table): a new reference, or
// nullptr (with an exception only on error).
Object* dispatch_reductor(ThreadState* ts, Object* module, Type* cls) {
  Object* table = dict_get_item_str_borrowed(ts, module_dict_borrowed(module), "dispatch_table");
  if (!table) return raise(ts, &exc::NameError, "name 'dispatch_table' is not defined");
  Object* key = cls;
  if (is_dict(table)) {
    Object* f = dict_get_item_borrowed(ts, table, key);
    return f ? new_ref(f) : nullptr;
  }
  Ref get = Ref::steal(intern(ts, "get"));
  Ref f = get ? Ref::steal(call_method(ts, table, get.get(), &key, 1)) : Ref();
  if (!f || is_none(f.get())) return nullptr;
  return f.release();
}

// x's reduction: 1 = newobj form (default_reduce), 0 = func(*args) form, -1 error.
// Order as copy.py: a reductor registered in dispatch_table, then
// __reduce_ex__(4) / __reduce__.
int reduce_object(ThreadState* ts, Object* module, Object* x, Reduction& r, bool deep) {
  Type* cls = x->ob_type;
  Ref registered = Ref::steal(dispatch_reductor(ts, module, cls));
  if (!registered && runtime::has_exception(ts)) return -1;
  Ref rex_name = Ref::steal(intern(ts, "__reduce_ex__"));
  Ref red_name = Ref::steal(intern(ts, "__reduce__"));
  Object* own_rex = type_lookup_borrowed(cls, rex_name.get());
  Object* own_red = type_lookup_borrowed(cls, red_name.get());
  Object* base_rex = type_lookup_borrowed(&object_type, rex_name.get());
  Object* base_red = type_lookup_borrowed(&object_type, red_name.get());
  Ref rv;
  if (registered) {
    rv = Ref::steal(call(ts, registered.get(), &x, 1));
    return finish_reduction(ts, rv.get(), r);
  }
  if (own_rex == base_rex && own_red == base_red && base_rex) {
    return default_reduce(ts, x, r);
  }
  Ref reductor = Ref::steal(lookup_attr(ts, x, rex_name.get()));
  if (reductor && !is_none(reductor.get())) {
    if (own_rex == base_rex) {
      // object.__reduce_ex__ defers to an overridden __reduce__.
      Ref red = Ref::steal(get_attr(ts, x, red_name.get()));
      if (!red) return -1;
      rv = Ref::steal(call(ts, red.get(), nullptr, 0));
    } else {
      Ref four = Ref::steal(int_from_i64(ts, 4));
      Object* a[1] = {four.get()};
      rv = Ref::steal(call(ts, reductor.get(), a, 1));
    }
  } else {
    if (runtime::has_exception(ts)) return -1;
    Ref red = Ref::steal(lookup_attr(ts, x, red_name.get()));
    if (!red || is_none(red.get())) {
      if (runtime::has_exception(ts)) return -1;
      Ref cls_repr = Ref::steal(repr(ts, cls));
      if (!cls_repr) return -1;
      raise_copy_error(ts, module,
                       std::string(deep ? "un(deep)copyable object of type " : "un(shallow)copyable object of type ") +
                           std::string(str_view(ts, cls_repr.get())));
      return -1;
    }
    rv = Ref::steal(call(ts, red.get(), nullptr, 0));
  }
  return finish_reduction(ts, rv.get(), r);
}

Object* deepcopy_impl(ThreadState* ts, Object* module, Object* x, Object* memo);

// memo[id(x)] = y and keep x alive in memo[id(memo)].
int memoize(ThreadState* ts, Object* memo, Object* x, Object* y) {
  Ref key = Ref::steal(id_of(ts, x));
  if (!key || set_item(ts, memo, key.get(), y) < 0) return -1;
  Ref mkey = Ref::steal(id_of(ts, memo));
  if (!mkey) return -1;
  Ref keep = Ref::steal(get_item(ts, memo, mkey.get()));
  if (!keep) {
    if (!runtime::exception_matches(ts, &exc::KeyError)) return -1;
    runtime::clear_exception(ts);
    Ref l = Ref::steal(list_new(ts, 0));
    if (!l || list_append(ts, l.get(), x) < 0 || set_item(ts, memo, mkey.get(), l.get()) < 0) return -1;
    return 0;
  }
  Ref append = Ref::steal(intern(ts, "append"));
  Object* a[1] = {x};
  Ref r = Ref::steal(call_method(ts, keep.get(), append.get(), a, 1));
  return r ? 0 : -1;
}

// copy._reconstruct: builds the copy from a reduction (memo null = shallow).
Object* reconstruct(ThreadState* ts, Object* module, Object* x, Object* memo, Reduction& r, bool newobj) {
  bool deep = memo != nullptr;
  Ref args = Ref::borrow(r.args.get());
  if (deep && args) {
    int t = is_true(ts, args.get());
    if (t < 0) return nullptr;
    if (t) {
      args = Ref::steal(deepcopy_impl(ts, module, args.get(), memo));
      if (!args) return nullptr;
    }
  }
  Ref y;
  if (newobj) {
    // cls.__new__(cls, *args, **kwargs)
    Ref new_name = Ref::steal(intern(ts, "__new__"));
    Ref new_fn = Ref::steal(get_attr(ts, r.func.get(), new_name.get()));
    if (!new_fn) return nullptr;
    Ref arg_list = Ref::steal(list_new(ts, 0));
    if (!arg_list || list_append(ts, arg_list.get(), r.func.get()) < 0 ||
        list_extend(ts, arg_list.get(), args.get()) < 0) {
      return nullptr;
    }
    Ref arg_tuple = Ref::steal(list_as_tuple(ts, arg_list.get()));
    if (!arg_tuple) return nullptr;
    y = Ref::steal(call_tuple_dict(ts, new_fn.get(), arg_tuple.get(), r.newobj_kwargs.get()));
  } else {
    Ref arg_tuple = Ref::steal(sequence_tuple(ts, args.get()));
    if (!arg_tuple) return nullptr;
    y = Ref::steal(call_tuple_dict(ts, r.func.get(), arg_tuple.get(), nullptr));
  }
  if (!y) return nullptr;
  if (deep && memoize(ts, memo, x, y.get()) < 0) return nullptr;
  if (r.state) {
    Ref state = Ref::borrow(r.state.get());
    if (deep) {
      state = Ref::steal(deepcopy_impl(ts, module, state.get(), memo));
      if (!state) return nullptr;
    }
    Ref setstate_name = Ref::steal(intern(ts, "__setstate__"));
    Ref setstate = Ref::steal(lookup_attr(ts, y.get(), setstate_name.get()));
    if (setstate) {
      Object* a[1] = {state.get()};
      Ref done = Ref::steal(call(ts, setstate.get(), a, 1));
      if (!done) return nullptr;
    } else {
      if (runtime::has_exception(ts)) return nullptr;
      Ref slotstate;
      if (is_tuple(state.get()) && tuple_size(state.get()) == 2) {
        slotstate = Ref::borrow(tuple_item_borrowed(state.get(), 1));
        state = Ref::borrow(tuple_item_borrowed(state.get(), 0));
      }
      if (!is_none(state.get())) {
        // y.__dict__.update(state), reaching the dict directly when the
        // type does not expose __dict__ as an attribute (exceptions).
        Ref d;
        if (instance_dict_ptr(y.get())) {
          d = Ref::borrow(instance_dict_borrowed(ts, y.get()));
        } else {
          Ref dict_name = Ref::steal(intern(ts, "__dict__"));
          d = Ref::steal(get_attr(ts, y.get(), dict_name.get()));
        }
        if (!d) return nullptr;
        Ref update = Ref::steal(intern(ts, "update"));
        Object* a[1] = {state.get()};
        Ref done = Ref::steal(call_method(ts, d.get(), update.get(), a, 1));
        if (!done) return nullptr;
      }
      if (slotstate && !is_none(slotstate.get())) {
        Ref items_name = Ref::steal(intern(ts, "items"));
        Ref items = Ref::steal(call_method(ts, slotstate.get(), items_name.get(), nullptr, 0));
        if (!items) return nullptr;
        Ref it = Ref::steal(get_iter(ts, items.get()));
        if (!it) return nullptr;
        while (Object* p = iter_next(ts, it.get())) {
          Ref pair = Ref::steal(sequence_tuple(ts, p));
          decref(p);
          if (!pair) return nullptr;
          if (tuple_size(pair.get()) != 2) return raise(ts, &exc::ValueError, "too many values to unpack (expected 2)");
          if (set_attr(ts, y.get(), tuple_item_borrowed(pair.get(), 0), tuple_item_borrowed(pair.get(), 1)) < 0) {
            return nullptr;
          }
        }
        if (runtime::has_exception(ts)) return nullptr;
      }
    }
  }
  if (r.listiter) {
    Ref it = Ref::steal(get_iter(ts, r.listiter.get()));
    if (!it) return nullptr;
    Ref append = Ref::steal(intern(ts, "append"));
    while (Object* v = iter_next(ts, it.get())) {
      Ref item = Ref::steal(v);
      if (deep) {
        item = Ref::steal(deepcopy_impl(ts, module, item.get(), memo));
        if (!item) return nullptr;
      }
      Object* a[1] = {item.get()};
      Ref done = Ref::steal(call_method(ts, y.get(), append.get(), a, 1));
      if (!done) return nullptr;
    }
    if (runtime::has_exception(ts)) return nullptr;
  }
  if (r.dictiter) {
    Ref it = Ref::steal(get_iter(ts, r.dictiter.get()));
    if (!it) return nullptr;
    while (Object* p = iter_next(ts, it.get())) {
      Ref pair = Ref::steal(sequence_tuple(ts, p));
      decref(p);
      if (!pair) return nullptr;
      if (tuple_size(pair.get()) != 2) return raise(ts, &exc::ValueError, "too many values to unpack (expected 2)");
      Ref k = Ref::borrow(tuple_item_borrowed(pair.get(), 0));
      Ref v = Ref::borrow(tuple_item_borrowed(pair.get(), 1));
      if (deep) {
        k = Ref::steal(deepcopy_impl(ts, module, k.get(), memo));
        if (!k) return nullptr;
        v = Ref::steal(deepcopy_impl(ts, module, v.get(), memo));
        if (!v) return nullptr;
      }
      if (set_item(ts, y.get(), k.get(), v.get()) < 0) return nullptr;
    }
    if (runtime::has_exception(ts)) return nullptr;
  }
  return y.release();
}

// ---------------------------------------------------------------------------
// copy / deepcopy
// ---------------------------------------------------------------------------

Object* copy_impl(ThreadState* ts, Object* module, Object* x) {
  Type* cls = x->ob_type;
  if (is_shallow_immutable(cls)) return new_ref(x);
  if (cls == &bytearray_type) {
    std::string_view v = byteslike_view(x);
    return bytearray_from(ts, v.data(), v.size());
  }
  if (cls == &method_type) {
    // method.__reduce__ is getattr(self, name): the same function and self.
    auto* m = static_cast<MethodObject*>(x);
    return method_new(ts, m->im_func, m->im_self);
  }
  if (cls == &list_type || cls == &dict_type || cls == &set_type) {
    Ref name = Ref::steal(intern(ts, "copy"));
    return call_method(ts, x, name.get(), nullptr, 0);
  }
  Ref copier_name = Ref::steal(intern(ts, "__copy__"));
  Ref copier = Ref::steal(lookup_attr(ts, cls, copier_name.get()));
  if (copier && !is_none(copier.get())) return call(ts, copier.get(), &x, 1);
  if (runtime::has_exception(ts)) return nullptr;
  Reduction r;
  int kind = reduce_object(ts, module, x, r, false);
  if (kind < 0) return nullptr;
  if (r.is_str) return new_ref(x);
  return reconstruct(ts, module, x, nullptr, r, kind == 1);
}

Object* deepcopy_list(ThreadState* ts, Object* module, Object* x, Object* memo) {
  Ref y = Ref::steal(list_new(ts, 0));
  if (!y) return nullptr;
  Ref key = Ref::steal(id_of(ts, x));
  if (!key || set_item(ts, memo, key.get(), y.get()) < 0) return nullptr;
  for (int64_t i = 0; i < list_size(x); ++i) {
    Ref item = Ref::borrow(list_items(x)[i]);
    Ref c = Ref::steal(deepcopy_impl(ts, module, item.get(), memo));
    if (!c || list_append(ts, y.get(), c.get()) < 0) return nullptr;
  }
  return y.release();
}

Object* deepcopy_tuple(ThreadState* ts, Object* module, Object* x, Object* memo) {
  int64_t n = tuple_size(x);
  Ref y = Ref::steal(tuple_new(ts, static_cast<size_t>(n)));
  if (!y) return nullptr;
  bool same = true;
  for (int64_t i = 0; i < n; ++i) {
    Object* c = deepcopy_impl(ts, module, tuple_item_borrowed(x, i), memo);
    if (!c) return nullptr;
    if (c != tuple_item_borrowed(x, i)) same = false;
    tuple_items(y.get())[i] = c;
  }
  // A recursive reference may have copied the tuple already.
  Ref key = Ref::steal(id_of(ts, x));
  if (!key) return nullptr;
  Ref earlier = Ref::steal(get_item(ts, memo, key.get()));
  if (earlier) return earlier.release();
  if (!runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
  runtime::clear_exception(ts);
  return same ? new_ref(x) : y.release();
}

Object* deepcopy_dict(ThreadState* ts, Object* module, Object* x, Object* memo) {
  Ref y = Ref::steal(dict_new(ts));
  if (!y) return nullptr;
  Ref key = Ref::steal(id_of(ts, x));
  if (!key || set_item(ts, memo, key.get(), y.get()) < 0) return nullptr;
  Ref items = Ref::steal(dict_copy(ts, x));
  if (!items) return nullptr;
  size_t pos = 0;
  Object* k;
  Object* v;
  while (dict_next(items.get(), &pos, &k, &v)) {
    Ref ck = Ref::steal(deepcopy_impl(ts, module, k, memo));
    if (!ck) return nullptr;
    Ref cv = Ref::steal(deepcopy_impl(ts, module, v, memo));
    if (!cv || dict_set_item(ts, y.get(), ck.get(), cv.get()) < 0) return nullptr;
  }
  return y.release();
}

Object* deepcopy_impl(ThreadState* ts, Object* module, Object* x, Object* memo) {
  Ref key = Ref::steal(id_of(ts, x));
  if (!key) return nullptr;
  Ref found = Ref::steal(get_item(ts, memo, key.get()));
  if (found) return found.release();
  if (!runtime::exception_matches(ts, &exc::KeyError)) return nullptr;
  runtime::clear_exception(ts);
  Type* cls = x->ob_type;
  Ref y;
  if (is_atomic(cls)) {
    y = Ref::borrow(x);
  } else if (cls == &list_type) {
    y = Ref::steal(deepcopy_list(ts, module, x, memo));
  } else if (cls == &tuple_type) {
    y = Ref::steal(deepcopy_tuple(ts, module, x, memo));
  } else if (cls == &dict_type) {
    y = Ref::steal(deepcopy_dict(ts, module, x, memo));
  } else if (cls == &method_type) {
    Ref func_name = Ref::steal(intern(ts, "__func__"));
    Ref self_name = Ref::steal(intern(ts, "__self__"));
    Ref func = Ref::steal(get_attr(ts, x, func_name.get()));
    Ref self = Ref::steal(func ? get_attr(ts, x, self_name.get()) : nullptr);
    if (!self) return nullptr;
    Ref self_copy = Ref::steal(deepcopy_impl(ts, module, self.get(), memo));
    if (!self_copy) return nullptr;
    y = Ref::steal(method_new(ts, func.get(), self_copy.get()));
  } else {
    Ref copier_name = Ref::steal(intern(ts, "__deepcopy__"));
    Ref copier = Ref::steal(lookup_attr(ts, x, copier_name.get()));
    if (copier && !is_none(copier.get())) {
      y = Ref::steal(call(ts, copier.get(), &memo, 1));
    } else {
      if (runtime::has_exception(ts)) return nullptr;
      Reduction r;
      int kind = reduce_object(ts, module, x, r, true);
      if (kind < 0) return nullptr;
      if (r.is_str) y = Ref::borrow(x);
      else y = Ref::steal(reconstruct(ts, module, x, memo, r, kind == 1));
    }
  }
  if (!y) return nullptr;
  if (y.get() != x && memoize(ts, memo, x, y.get()) < 0) return nullptr;
  return y.release();
}

Object* copy_copy(ThreadState* ts, Object* module, Object* const* args, size_t, Object*) {
  return copy_impl(ts, module, args[0]);
}

Object* copy_deepcopy(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"x", ParamKind::PositionalOrKeyword, kRequired},
                                      {"memo", ParamKind::PositionalOrKeyword, kOptional},
                                      {"_nil", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("deepcopy", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref memo;
  if (av.has(1) && !is_none(av[1])) memo = Ref::borrow(av[1]);
  else memo = Ref::steal(dict_new(ts));
  if (!memo) return nullptr;
  return deepcopy_impl(ts, module, av[0], memo.get());
}

const MethodDef copy_functions[] = {
    {"copy", copy_copy, kMethO, "Shallow copy operation on arbitrary Python objects.\n\n    See the module's __doc__ string for more info.\n    "},
    {"deepcopy", copy_deepcopy, kMethKeywords, "Deep copy operation on arbitrary Python objects.\n\n    See the module's __doc__ string for more info.\n    "},
    {},
};

}  // namespace

Object* init_copy_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "copy", copy_functions, "Generic (shallow and deep) copying operations."));
  if (!m) return nullptr;
  Ref ns = Ref::steal(dict_new(ts));
  Ref mod = Ref::steal(str_from_cstr(ts, "copy"));
  if (!ns || !mod || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0) return nullptr;
  Ref err = Ref::steal(make_class(ts, &type_type, "Error", {&exc::Exception}, ns.get()));
  if (!err) return nullptr;
  if (add_object(ts, m.get(), "Error", new_ref(err.get())) < 0 ||
      add_object(ts, m.get(), "error", new_ref(err.get())) < 0) {
    return nullptr;
  }
  // copy.dispatch_table is copyreg's, one dict.
  Ref copyreg = Ref::steal(import_module(ts, "copyreg"));
  if (!copyreg || add_object(ts, m.get(), "dispatch_table", get_attr_str(ts, copyreg.get(), "dispatch_table")) < 0)
    return nullptr;
  return m.release();
}

}  // namespace spindle::modules
